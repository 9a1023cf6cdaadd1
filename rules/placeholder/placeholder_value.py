"""PH004 placeholder-value: a value left as a placeholder: `2025-09-xx`, `X%`, `N users`, `(placeholder)`."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import CodeBlock, Document, Section, Span, TextSegment
from speclint.document.text import find_all, iter_prose
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.normative import is_metrics_section, is_success_section, normative_statements

# A date with a real year and letters for the rest: 2025-XX-XX, 2025-09-xx, 2025-xx.
_DATE = lazy_compile(r"(?<![\w-])(?:19|20)\d\d-(?:(?:[01]\d|[xX]{2})-[xX]{2}|[xX]{2})(?![\w-])")
_SPELLED_OUT = lazy_compile(r"\((?:placeholder|to be (?:decided|determined|confirmed|finali[sz]ed))\)", re.I)
# A link reference definition whose destination is a marker: `[gcs-backend]: TODO`.
_DEFINITION_TO_MARKER = lazy_compile(r"[ \t>]*\[[^\]\n]{1,200}\]:[ \t]*(?P<url>TODO|TBD|TBC|FIXME|XXX|#|<>)[ \t]*$")
# A quantity whose number is a letter: X%, XX %, N users, $X. Read where the text commits to a value.
_LETTER_QUANTITY = lazy_compile(
    r"(?<![\w.$/*+\-=<>(\[{'\"])(?P<letter>X{1,3}|N)(?:\s?%|\s(?:users|customers|requests|seconds|minutes|"
    r"hours|days|weeks|months|ms|milliseconds|attempts|retries|items|records|events|transactions|orders|"
    r"sessions|messages|devices|accounts|times)\b)(?![\w-])|\$(?P<money>X{1,3})(?![\w-])"
)
# "N = 50", "where N is", "N>=50": the letter is a variable the text defines.
_DEFINED_VARIABLE = lazy_compile(r"\b(?P<letter>X{1,3}|N)\s*(?:=|>=|<=|≥|≤|>|<)\s*\S|\bwhere (?P<where>X{1,3}|N)\b|\b(?P<is>X{1,3}|N) is\b")
# An opening quote ends the scan as a closing one does: one scan per quotation, not per quote mark.
_QUOTED = lazy_compile(r"\"[^\"\n]{1,300}\"|“[^“”\n]{1,300}”")


class PlaceholderValue(Rule):
    """Flags values left as placeholders: a date with `xx`, a number written as a letter, "(placeholder)".

    **What it flags.**
    - A date with a real year and letters for the rest: `2025-09-xx`, `2025-XX-XX`.
    - "(placeholder)", "(to be determined)", "(to be decided)", "(to be confirmed)".
    - A link reference definition whose URL is a marker: `[gcs-backend]: TODO`, `[spec]: #`.
    - In requirements, acceptance criteria and success metrics: a quantity whose number is a
      letter: `X%`, `N users`, `X minutes`, `$X`, unless the document defines the letter
      (`N = 50`, "where N is the number of nodes"). Quoted UI text ("Try again in X minutes") is
      not read; in design discussion a letter is usually a parameter, so it is not read there.

    **Why it matters.** These read like values at a glance, so they survive review the way a
    literal TBD would not, and engineers discover mid-sprint that nobody decided the date, the
    threshold or the link.

    **Example**

    ```markdown
    - The dashboard MUST load for X% of users within 2 seconds.
    - Beta starts 2025-09-xx.
    ```

    **Use instead**

    ```markdown
    - The dashboard MUST load for 95% of users within 2 seconds.
    - Beta starts 2025-09-15.
    ```
    """

    id = "PH004"
    name = "placeholder-value"
    category = Category.PLACEHOLDER
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        found: dict[tuple[int, int], Violation] = {}
        for prose in iter_prose(document):
            for pattern, what in ((_DATE, "date"), (_SPELLED_OUT, "value")):
                for match, span in find_all(pattern, prose.segments):
                    found[(span.start.line, span.start.column)] = Violation(
                        span, f"placeholder {what} '{match.group(0)}': decide it, or list it as an open question"
                    )
        yield from _definitions_to_markers(document)
        if "X" in document.source or "N " in document.source:
            defined = {next(letter for letter in match.groups() if letter) for match in _DEFINED_VARIABLE.finditer(document.source)}
            for segments in _committing_text(document):
                text = "\n".join(segment.text for segment in segments)
                for match, span in find_all(_LETTER_QUANTITY, segments):
                    letter = match.group("letter") or match.group("money")
                    if letter in defined or _in_quotes(text, match.start()):
                        continue
                    found.setdefault((span.start.line, span.start.column), Violation(
                        span, f"'{match.group(0)}' gives a letter for the number: state the value, or list it as an open question"
                    ))
        yield from (found[key] for key in sorted(found))


def _committing_text(document: Document) -> Iterator[list[TextSegment]]:
    """Text that commits to a value: requirements and criteria, and success metrics and goals."""
    seen: set[tuple[int, int]] = set()
    for statement in normative_statements(document):
        seen.add((statement.segments[0].line, statement.segments[0].column))
        yield statement.segments
    commits: dict[int, bool] = {}  # by id(section): asked for each paragraph, answered once per section
    for prose in iter_prose(document):
        if prose.kind == "heading":
            continue
        if id(prose.section) not in commits:
            commits[id(prose.section)] = _commits(prose.section)
        if commits[id(prose.section)]:
            if (prose.segments[0].line, prose.segments[0].column) not in seen:
                yield prose.segments


def _commits(section: Section) -> bool:
    """A metrics, success or criteria section (graduation, exit, acceptance criteria), at any depth."""
    if is_metrics_section(section) or is_success_section(section):
        return True
    return any("criteria" in (each.title or "").lower() for each in (section, *section.ancestors()))


def _definitions_to_markers(document: Document) -> Iterator[Violation]:
    if "]:" not in document.source:
        return
    code_lines = {
        line
        for _, block in document.iter_blocks()
        if isinstance(block, CodeBlock)
        for line in range(block.span.start.line, block.span.end.line + 1)
    }
    for number, line in enumerate(document.lines, start=1):
        if number in code_lines or "]:" not in line:
            continue
        match = _DEFINITION_TO_MARKER.match(line)
        if match:
            start = match.start("url") + 1
            yield Violation(
                Span.of(number, start, number, match.end("url") + 1),
                f"link definition points at '{match.group('url')}': give the real URL",
            )


def _in_quotes(text: str, offset: int) -> bool:
    return any(quoted.start() < offset < quoted.end() for quoted in _QUOTED.finditer(text))
