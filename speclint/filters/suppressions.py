"""Inline suppression comments: the filter stage every rule's findings go through, plugins included.

    <!-- speclint-disable PH001, vague-wording -- reason -->   ...   <!-- speclint-enable -->
    <!-- speclint-disable-next-line PH001 -->      the next non-blank line
    text TBD <!-- speclint-disable-line PH001 -->   the line the comment is on
    <!-- speclint-disable-section ST002 -->        the whole section the comment stands in
    <!-- speclint-disable-file -->                 the whole file

Rules are named by id, name, alias or category, separated by commas or spaces; no rule means every
rule. Anything after `--` is the reason and is ignored. `speclint-enable RULE` ends the regions of
that rule only; a bare `speclint-enable` ends them all. Regions may nest and overlap: a finding is
credited to the innermost suppression that covers it, so a redundant outer one is reported unused.

A `disable-section` in the preamble (before the first heading) covers the whole document, as the
preamble is the root section. Findings a rule reports in another file (a KEP's `kep.yaml`) are
never silenced by comments in the Markdown file.

Directives are read from HTML comments (HTML blocks, and comments inside paragraphs, list items,
table cells and headings), never from code blocks or code spans. What the comments themselves get
wrong (a suppression that silenced nothing, an unknown rule, an `enable` with nothing open, a
misspelt directive) becomes a finding of ST100 `unused-suppression`. A suppression is not judged
unused when its rules did not run on the file (turned off, not in the profile, or crashed).
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from speclint.document.model import (
    Document,
    HtmlBlock,
    Paragraph,
    Position,
    Section,
    Span,
    Table,
    TextSegment,
    iter_nested,
)
from speclint.document.text import blank_code_spans, join_segments, position_at
from speclint.engine.check import ActiveRule
from speclint.engine.registry import RuleRegistry
from speclint.engine.rule import Category, Finding
from speclint.fixes import Fix
from speclint.lazy_regex import lazy_compile
from speclint.record import Record

META_RULE_ID = "ST100"
DIRECTIVES = ("disable", "enable", "disable-line", "disable-next-line", "disable-section", "disable-file")
# A comment's body stops at the next `<!--` too: each opener then scans only to the next one.
_COMMENT = lazy_compile(r"<!--((?:(?!<!--).)*?)-->", re.S)
_HEAD = lazy_compile(r"\s*speclint-(?P<kind>[A-Za-z]+(?:-[A-Za-z]+)*)", re.I)
_TOKEN = lazy_compile(r"[^\s,]+")
_QUICK = lazy_compile(r"<!--\s*speclint-", re.I)  # most documents hold no directive at all


class Directive(Record):
    """One `speclint-...` comment as written."""

    __slots__ = ("kind", "span", "names", "reason")

    def __init__(self, kind: str, span: Span, names: list[tuple[str, Span]], reason: str) -> None:
        self.kind = kind  # lower-case directive name, possibly unknown
        self.span = span  # the whole comment, `<!--` to `-->`
        self.names = names  # the rule names, each with its own span
        self.reason = reason


class Suppression(Record):
    """What one rule name of a directive (or a directive without names) silences, and where."""

    __slots__ = ("kind", "name", "rule_ids", "span", "first", "last", "reopened", "used")

    def __init__(
        self,
        kind: str,
        name: str | None,
        rule_ids: frozenset[str] | None,
        span: Span,
        first: int,
        last: int,
        reopened: dict[str, int] | None = None,
        used: bool = False,
    ) -> None:
        self.kind = kind
        self.name = name  # as written; None for "every rule"
        self.rule_ids = rule_ids  # None: every rule
        self.span = span  # what to point at when it is unused
        self.first = first
        self.last = last
        self.reopened = {} if reopened is None else reopened  # rule -> line `speclint-enable RULE` stood on
        self.used = used

    def covers(self, finding: Finding) -> bool:
        line = finding.span.start.line
        if not (self.first <= line <= self.last):
            return False
        if self.rule_ids is not None and finding.rule_id not in self.rule_ids:
            return False
        return not (finding.rule_id in self.reopened and line > self.reopened[finding.rule_id])


class Misuse(Record):
    """A directive that is wrong in itself (unknown rule or directive, stray enable)."""

    __slots__ = ("span", "message")

    def __init__(self, span: Span, message: str) -> None:
        self.span = span
        self.message = message


# --- reading directives -----------------------------------------------------------------------


def find_directives(document: Document) -> list[Directive]:
    """Every `speclint-...` comment outside code, in document order."""
    if _QUICK.search(document.source) is None:
        return []
    found: list[Directive] = []
    for section in document.root.walk():
        if section.heading is not None and "<!--" in section.heading.raw:
            found += _scan([section.heading.text_segment])
        for block in iter_nested(section.blocks):
            if isinstance(block, HtmlBlock):
                for comment in block.comments:
                    found += _scan(_comment_segments(document, comment.span))
            elif isinstance(block, Paragraph) and "<!--" in block.text:
                found += _scan(block.segments)
            elif isinstance(block, Table):
                for row in [block.header, *block.rows]:
                    for cell in row:
                        if "<!--" in cell.text:
                            found += _scan(cell.segments)
    found.sort(key=lambda directive: (directive.span.start.line, directive.span.start.column))
    return found


def _comment_segments(document: Document, span: Span) -> list[TextSegment]:
    segments = []
    for line in range(span.start.line, span.end.line + 1):
        text = document.line_text(line)
        start = span.start.column if line == span.start.line else 1
        end = span.end.column if line == span.end.line else len(text) + 1
        segments.append(TextSegment(line, start, text[start - 1 : end - 1]))
    return segments


def _scan(segments: Sequence[TextSegment]) -> list[Directive]:
    text, offsets = join_segments(segments)
    if not offsets:
        return []
    masked = blank_code_spans(text)
    directives = []
    for match in _COMMENT.finditer(masked):
        body_start = match.start(1)
        head = _HEAD.match(text, body_start, match.end(1))
        if head is None:
            continue
        end = position_at(offsets, match.end() - 1)
        span = Span(position_at(offsets, match.start()), Position(end.line, end.column + 1))
        rest_start = head.end()
        rest = text[rest_start : match.end(1)]
        reason = ""
        if "--" in rest:
            cut = rest.index("--")
            reason = rest[cut + 2 :].strip()
            rest = rest[:cut]
        names = []
        for token in _TOKEN.finditer(rest):
            if token.group(0).strip(">") == "":
                continue  # a block quote's marker on a continuation line of the comment
            begin = position_at(offsets, rest_start + token.start())
            last = position_at(offsets, rest_start + token.end() - 1)
            names.append((token.group(0), Span(begin, Position(last.line, last.column + 1))))
        directives.append(Directive(head.group("kind").lower(), span, names, reason))
    return directives


# --- from directives to suppressions ---------------------------------------------------------


def build_suppressions(
    document: Document, directives: Iterable[Directive], registry: RuleRegistry
) -> tuple[list[Suppression], list[Misuse]]:
    """The regions each directive silences, and what is wrong with the directives themselves."""
    suppressions: list[Suppression] = []
    misuses: list[Misuse] = []
    open_regions: list[Suppression] = []
    last_line = max(len(document.lines), 1)
    for directive in directives:
        if directive.kind not in DIRECTIVES:
            allowed = ", ".join(f"speclint-{kind}" for kind in DIRECTIVES)
            misuses.append(Misuse(directive.span, f"unknown directive 'speclint-{directive.kind}' (use one of {allowed})"))
            continue
        targets = _resolve(directive, registry, misuses)
        if targets is None:
            continue  # names given, none known: silence nothing
        if directive.kind == "enable":
            _enable(directive, targets, open_regions, misuses)
            continue
        first, last = _region(document, directive, last_line)
        for name, rule_ids, span in targets:
            suppression = Suppression(directive.kind, name, rule_ids, span, first, last)
            suppressions.append(suppression)
            if directive.kind == "disable":
                suppression.last = last_line
                open_regions.append(suppression)
    return suppressions, misuses


def _resolve(
    directive: Directive, registry: RuleRegistry, misuses: list[Misuse]
) -> list[tuple[str | None, frozenset[str] | None, Span]] | None:
    """(name, rule ids, span) for each rule the directive names; [(None, None, ...)] for "all"."""
    if not directive.names:
        return [(None, None, directive.span)]
    targets: list[tuple[str | None, frozenset[str] | None, Span]] = []
    categories = {category.value for category in Category}
    for name, span in directive.names:
        rule = registry.get(name)
        if rule is not None:
            targets.append((name, frozenset({rule.id}), span))
        elif name.lower() in categories:
            targets.append((name, frozenset(r.id for r in registry.select(name)), span))
        else:
            from speclint.configuration.validation import suggest

            known = [r.id for r in registry.sorted()] + [r.name for r in registry.sorted()]
            misuses.append(Misuse(span, f"unknown rule '{name}' in speclint-{directive.kind}{suggest(name, known)}"))
    return targets or None


def _region(document: Document, directive: Directive, last_line: int) -> tuple[int, int]:
    start, end = directive.span.start.line, directive.span.end.line
    if directive.kind == "disable-file":
        return 1, last_line
    if directive.kind == "disable-line":
        return start, end
    if directive.kind == "disable-next-line":
        following = end + 1
        while following <= last_line and not document.line_text(following).strip():
            following += 1
        return following, following
    if directive.kind == "disable-section":
        section = _section_at(document.root, start)
        return section.span.start.line, section.span.end.line if section.heading is not None else last_line
    return start, last_line  # "disable": until its enable


def _section_at(section: Section, line: int) -> Section:
    """The innermost section whose span holds `line`."""
    for child in section.children:
        if child.span.start.line <= line <= child.span.end.line:
            return _section_at(child, line)
    return section


def _enable(
    directive: Directive,
    targets: list[tuple[str | None, frozenset[str] | None, Span]],
    open_regions: list[Suppression],
    misuses: list[Misuse],
) -> None:
    line = directive.span.start.line
    for name, rule_ids, span in targets:
        closed = False
        for region in list(open_regions):
            if rule_ids is None or region.rule_ids == rule_ids or (
                region.rule_ids is not None and region.rule_ids <= rule_ids
            ):
                region.last = line
                open_regions.remove(region)
                closed = True
            elif region.rule_ids is None:  # `enable X` inside a `disable` of every rule
                for rule_id in rule_ids:
                    region.reopened.setdefault(rule_id, line)
                closed = True
        if not closed:
            what = f" {name}" if name else ""
            misuses.append(Misuse(span, f"speclint-enable{what} has no speclint-disable open before it"))


# --- the filter stage ------------------------------------------------------------------------


def apply_suppressions(
    document: Document,
    findings: Sequence[Finding],
    registry: RuleRegistry,
    ran_rule_ids: set[str],
    meta_rule: ActiveRule | None,
) -> list[Finding]:
    """`findings` without the suppressed ones, plus ST100 findings about the comments themselves.

    `ran_rule_ids` are the rules that ran on this document to the end (suppressions of other rules
    are not judged unused); `meta_rule` is ST100 as configured, or None when it is off.
    """
    directives = find_directives(document)
    if not directives:
        return list(findings)
    suppressions, misuses = build_suppressions(document, directives, registry)
    kept: list[Finding] = []
    for finding in findings:
        if finding.path != document.path:
            kept.append(finding)  # a finding in a file the document owns (a KEP's kep.yaml): other lines
            continue
        covering = [s for s in suppressions if s.covers(finding)]
        if not covering:
            kept.append(finding)
            continue
        # Credit the innermost suppression; prefer one that names the rule over "every rule".
        innermost = max(covering, key=lambda s: (s.first, s.rule_ids is not None, -s.last))
        innermost.used = True
    if meta_rule is None:
        return kept
    meta: list[Finding] = []
    for misuse in misuses:
        meta.append(_meta_finding(document, meta_rule, misuse.span, misuse.message))
    unused = [
        suppression for suppression in suppressions
        if not (suppression.used or (suppression.rule_ids is not None and META_RULE_ID in suppression.rule_ids))
        # a rule that did not run here leaves nothing to judge by
        and not (suppression.rule_ids is not None and not (suppression.rule_ids & ran_rule_ids))
    ]
    for suppression in unused:
        what = f" {suppression.name}" if suppression.name else ""
        meta.append(_meta_finding(document, meta_rule, suppression.span,
                                  f"speclint-{suppression.kind}{what} suppressed nothing: remove it",
                                  _removal(document, directives, suppression, unused)))
    # ST100 findings obey only suppressions that name ST100 (a bare disable must not hide itself).
    meta = [
        finding for finding in meta
        if not any(s.rule_ids is not None and META_RULE_ID in s.rule_ids and s.covers(finding) for s in suppressions)
    ]
    return sorted(kept + meta, key=lambda finding: finding.sort_key)


def _meta_finding(document: Document, meta_rule: ActiveRule, span: Span, message: str, fix: Fix | None = None) -> Finding:
    rule = meta_rule.rule
    return Finding(document.path, span, rule.id, rule.name, rule.category.value, meta_rule.level, message, fix)


def _removal(
    document: Document, directives: list[Directive], suppression: Suppression, unused: list[Suppression]
) -> Fix | None:
    """The fix of an unused suppression: delete its comment when nothing in it is used, else its
    rule name. None for a `disable` region (its `enable` would be left open) or a multi-line comment."""
    from speclint.authoring.repairs import delete_comment, delete_name

    directive = next((d for d in directives if d.span.start <= suppression.span.start and suppression.span.end <= d.span.end), None)
    if directive is None or directive.kind == "disable" or directive.span.start.line != directive.span.end.line:
        return None
    unused_spans = {item.span for item in unused}
    if not directive.names or all(span in unused_spans for _, span in directive.names):
        return delete_comment(document, directive.span)
    return delete_name(directive.names, suppression.span)
