"""TR003 broken-internal-link: `[text](#anchor)` where no heading or anchor has that name."""

from __future__ import annotations

import re
from typing import Iterator
from urllib.parse import unquote

from speclint.authoring.repairs import retarget_link
from speclint.document.model import CodeBlock, Document, HtmlBlock, Span, TextSegment
from speclint.document.text import github_slug, iter_prose, join_segments, position_at
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile

_CODE_SPAN = lazy_compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_HTML_COMMENT = lazy_compile(r"<!--.*?(?:-->|$)", re.S)
# [text](#fragment "title") and ![alt](#fragment); the fragment may be wrapped in <>.
_INLINE_LINK = lazy_compile(r"\]\(\s*<?#(?P<fragment>[^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_HTML_HREF = lazy_compile(r"<a\s[^>]*?\bhref\s*=\s*[\"']#(?P<fragment>[^\"']*)[\"']", re.I)
_REFERENCE_DEFINITION = lazy_compile(r"^ {0,3}\[(?P<label>[^\]]+)\]:\s*<?#(?P<fragment>[^\s>]*)>?")
# [text][label], [label][] and [label] (shortcut) uses of a reference definition.
_REFERENCE_USE = lazy_compile(r"\[(?P<text>[^\[\]\n]+)\](?:\[(?P<label>[^\]\n]*)\])?(?![(:])")
# Explicit anchors: <a name="x">, <a id="x">, any tag with id="x", and {#x} heading attributes.
_EXPLICIT_ANCHOR = lazy_compile(
    r"<[A-Za-z][\w-]*\s[^>]*?\b(?:id|name)\s*=\s*[\"']?(?P<html>[^\"'\s>]+)|\{\s*#(?P<attribute>[\w\-:.]+)[^}]*\}"
)
_HYPHENS = lazy_compile(r"-{2,}")


class BrokenInternalLink(Rule):
    """Flags a link to `#anchor` in the same document when no heading or anchor has that name.

    **What it flags.** `[text](#anchor)`, reference definitions `[label]: #anchor` and HTML
    `<a href="#anchor">` whose anchor matches no heading's GitHub slug (lower case, punctuation
    dropped, spaces as hyphens, repeated headings numbered `-1`, `-2`), no explicit anchor
    (`<a name="...">`, `id="..."`, a `{#custom-id}` heading attribute) and no `user-content-`
    form of either. Anchors are compared after URL-decoding, ignoring case, and taking `_` and
    runs of `-` as one hyphen (site generators such as kramdown or go.dev write "a-b" or "a_b"
    where GitHub writes "a--b"); links in code are not read. The message suggests the closest existing anchor.
    A link to a heading that a never-closed code fence turned into code is left to
    `fence-swallows-markdown` (ST008), which reports the fence: one defect, one finding.

    **Why it matters.** A table of contents or a "see Error handling" link that goes nowhere is
    how readers find out a section was renamed or removed, usually while looking for it.

    **Example**

    ```markdown
    Retries are described in [Error handling](#error-handling).

    ## Failure modes
    ```

    **Use instead**

    ```markdown
    Retries are described in [Failure modes](#failure-modes).

    ## Failure modes
    ```
    """

    id = "TR003"
    name = "broken-internal-link"
    category = Category.TRACEABILITY
    default_level = Level.WARNING
    options = (Option("suggest", "bool", True, "Suggest the closest existing anchor in the message."),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        anchors = _anchors(document)
        slugs = {section.slug.lower() for section in document.sections() if section.slug}
        exact = {anchor.lower() for anchor in anchors}
        loose = {_loose(anchor.lower()) for anchor in anchors}
        candidates = sorted(exact)
        suggestions: dict[str, list[str]] = {}  # a broken target is often linked many times
        swallowed: set[str] | None = None  # read only when a link is broken
        for fragment, span in _links(document):
            target = unquote(fragment).strip()
            if not target or target.lower() == "top":
                continue
            lowered = target.lower()
            if lowered.startswith("user-content-"):
                lowered = lowered[len("user-content-"):]
            if lowered in exact or _loose(lowered) in loose:
                continue
            if swallowed is None:
                swallowed = _swallowed_heading_slugs(document)
            if lowered in swallowed:
                continue  # its heading is inside a code fence that never closes: ST008 reports the fence
            message = f"link target '#{fragment}' matches no heading or anchor in this document"
            if lowered not in suggestions:
                import difflib  # only for a link that is broken

                suggestions[lowered] = difflib.get_close_matches(lowered, candidates, n=2, cutoff=0.6)
            close = suggestions[lowered]
            if context.options["suggest"] and close:
                message += f": did you mean '#{close[0]}'?"
            # Only a link that almost names exactly one heading is safe to repoint.
            headings = [anchor for anchor in close if anchor in slugs]
            fix = retarget_link(span, headings[0]) if len(close) == 1 and headings else None
            yield Violation(span, message, fix=fix)


def _loose(anchor: str) -> str:
    """Underscores as hyphens, runs of hyphens as one, none at the ends: site generators
    (kramdown, MkDocs, go.dev) differ from GitHub there ("a--b", "a_b", "a-b"), while "roll-out"
    and "rollout" stay different anchors."""
    return _HYPHENS.sub("-", anchor.replace("_", "-")).strip("-")


def _anchors(document: Document) -> set[str]:
    anchors = {section.slug for section in document.sections() if section.slug}
    code_lines = _code_lines(document)
    for number, line in enumerate(document.lines, start=1):
        if number in code_lines or ("id" not in line and "name" not in line and "{" not in line):
            continue
        for match in _EXPLICIT_ANCHOR.finditer(line):
            anchors.add(match.group("html") or match.group("attribute"))
    return anchors


_SWALLOWED_HEADING = lazy_compile(r" {0,3}#{1,6}[ \t]+(?P<title>\S.*?)[ \t#]*$")


def _swallowed_heading_slugs(document: Document) -> set[str]:
    """Slugs of the heading lines inside a fenced code block that runs to the end of the document
    unclosed: the headings a missing closing fence turned into code."""
    slugs: set[str] = set()
    for _, block in document.iter_blocks():
        if not isinstance(block, CodeBlock) or not block.fenced or block.span.end.line < len(document.lines):
            continue
        opening = document.line_text(block.span.start.line).strip()
        closing = document.line_text(block.span.end.line).strip()
        if block.span.end.line > block.span.start.line and closing and set(closing) == {opening[0]} \
                and len(closing) >= 3:
            continue  # closed on the last line
        for number in range(block.span.start.line + 1, block.span.end.line + 1):
            heading = _SWALLOWED_HEADING.match(document.line_text(number))
            if heading:
                slugs.add(github_slug(heading.group("title")).lower())
    return slugs


def _code_lines(document: Document) -> set[int]:
    lines: set[int] = set()
    for _, block in document.iter_blocks():
        if isinstance(block, CodeBlock):
            lines.update(range(block.span.start.line, block.span.end.line + 1))
    return lines


def _links(document: Document) -> Iterator[tuple[str, Span]]:
    found: list[tuple[str, Span]] = []
    for prose in iter_prose(document):
        found.extend(_links_in(prose.segments, (_INLINE_LINK, _HTML_HREF)))
    for _, block in document.iter_blocks():
        if isinstance(block, HtmlBlock):
            segments = [TextSegment(block.span.start.line + index, 1, line)
                        for index, line in enumerate(block.raw.split("\n"))]
            found.extend(_links_in(segments, (_HTML_HREF,)))
    code_lines = _code_lines(document)
    used_labels: set[str] | None = None
    for number, line in enumerate(document.lines, start=1):
        if number not in code_lines and "]:" in line:
            match = _REFERENCE_DEFINITION.match(line)
            if match:
                # A definition nobody uses renders nothing (Rust RFCs put `[x]: #x` under headings).
                if used_labels is None:
                    used_labels = _used_labels(document, code_lines)
                if _label(match.group("label")) not in used_labels:
                    continue
                column = match.start("fragment")  # 0-based index of the fragment; '#' is one before
                found.append((match.group("fragment"), Span.of(number, column, number, match.end("fragment") + 1)))
    seen: set[tuple[int, int]] = set()
    for fragment, span in sorted(found, key=lambda item: (item[1].start.line, item[1].start.column)):
        if (span.start.line, span.start.column) not in seen:
            seen.add((span.start.line, span.start.column))
            yield fragment, span


def _label(label: str) -> str:
    return " ".join(label.lower().split())


def _used_labels(document: Document, code_lines: set[int]) -> set[str]:
    used: set[str] = set()
    for number, line in enumerate(document.lines, start=1):
        if number in code_lines or "[" not in line or _REFERENCE_DEFINITION.match(line):
            continue
        for match in _REFERENCE_USE.finditer(line):
            used.add(_label(match.group("label") or match.group("text")))
    return used


def _links_in(segments: list[TextSegment], patterns: tuple[re.Pattern[str], ...]) -> Iterator[tuple[str, Span]]:
    if not any("#" in segment.text for segment in segments):
        return  # no fragment (most pieces): not joined
    text, offsets = join_segments(segments)
    if not offsets or "#" not in text:
        return
    masked = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text) if "`" in text else text
    if "<!--" in masked:
        masked = _HTML_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked)
    for pattern in patterns:
        for match in pattern.finditer(masked):
            start = match.start("fragment") - 1  # point at the '#'
            end = match.end("fragment")
            first = position_at(offsets, start)
            last = position_at(offsets, max(end - 1, start))
            yield match.group("fragment"), Span(first, last.__class__(last.line, last.column + 1))
