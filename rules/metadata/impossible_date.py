"""MD003 impossible-date: a date that no calendar has (`2024-14-02`, `31/02/2025`, `31.04.2025`)."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import CodeBlock, Document, Span
from speclint.document.text import blank_code_spans
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile

_ISO_DATE = lazy_compile(r"(?<![\w.-])(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?![\w.-])")
# `31/02/2025`, `13/13/2024`, `31.04.2025`: day and month first, in either order.
_NUMERIC_DATE = lazy_compile(
    r"(?<![\w./-])(?P<first>\d{1,2})(?P<separator>[/.])(?P<second>\d{1,2})(?P=separator)(?P<year>(?:19|20)\d\d)"
    r"(?![\w/-]|\.\d)"
)

# What every date of each kind holds, to find the lines worth searching.
_ISO_HINT = lazy_compile(r"-\d\d-")
_NUMERIC_HINT = lazy_compile(r"[/.](?:19|20)\d\d")


class ImpossibleDate(Rule):
    """Flags a date that is not a calendar date, such as `2024-14-02` or `31/02/2025`.

    **What it flags.** Dates in the text, in metadata lines (`Date: 2021-21-01`, a Rust RFC's
    `Start Date:`, a metadata table's `| Last updated | 2025-02-30 |`) and in front matter, whose
    month is not 01–12 or whose day does not exist in that month. Dates written `DD/MM/YYYY`,
    `MM/DD/YYYY` or `DD.MM.YYYY` are flagged when they are a date in neither order (`31/02/2025`,
    `13/13/2024`, `31.04.2025`): `02/03/2025` is a date whichever the convention. Front matter that the profile's JSON Schema checks is left to `MD002
    front-matter-schema`, so one wrong date gives one finding; text in code is not read.

    **Why it matters.** The date of a decision or a proposal is how readers order them and how
    tools sort them; a swapped month and day is usually a typo nobody can resolve later
    (is `2020-23-01` the 23rd of January?).

    **Example**

    ```markdown
    Date: 2024-14-02
    ```

    **Use instead**

    ```markdown
    Date: 2024-02-14
    ```
    """

    id = "MD003"
    name = "impossible-date"
    category = Category.METADATA
    default_level = Level.ERROR

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        numeric = "/20" in document.source or ".20" in document.source or "/19" in document.source \
            or ".19" in document.source
        lines = document.lines
        candidates = _lines_with_a_date(lines, numeric)
        if not candidates:
            return
        skipped = _code_lines(document)
        front_matter = document.front_matter
        if front_matter is not None and getattr(context.profile, "front_matter_schema", None):
            skipped.update(range(front_matter.span.start.line, front_matter.span.end.line + 1))
        for number in candidates:
            line = lines[number - 1]
            if number in skipped:
                continue
            visible = blank_code_spans(line)
            if numeric:
                for match in _NUMERIC_DATE.finditer(visible):
                    problem = _in_neither_order(int(match["year"]), int(match["first"]), int(match["second"]))
                    if problem:
                        yield Violation(Span.of(number, match.start() + 1, number, match.end() + 1),
                                        f"'{match.group(0)}' is not a date: {problem}; write it YYYY-MM-DD")
            for match in _ISO_DATE.finditer(visible):
                problem = _impossible(int(match["year"]), int(match["month"]), int(match["day"]))
                if problem:
                    yield Violation(
                        Span.of(number, match.start() + 1, number, match.end() + 1),
                        f"'{match.group(0)}' is not a date: {problem}; write it YYYY-MM-DD",
                    )


def _lines_with_a_date(lines: list[str], numeric: bool) -> list[int]:
    """The numbers of the lines that may hold a date, in order: those where a hint matches, found
    by one search of the whole text instead of a search of each line (the date patterns start with
    a look-behind, so `re` tries them at every position; the hints start with a literal). Every
    ISO date holds `-MM-`, every numeric one a digit then `/YYYY` or `.YYYY`, and no hint crosses a line break."""
    text = "\n".join(lines)
    starts = [match.start() for match in _ISO_HINT.finditer(text)]
    if numeric:
        # after a digit (`\d` is `str.isdecimal`): not a URL's `/2026/`
        starts += [start for start in (match.start() for match in _NUMERIC_HINT.finditer(text))
                   if start and text[start - 1].isdecimal()]
        starts.sort()
    numbers: list[int] = []
    line, scanned = 1, 0
    for start in starts:
        line += text.count("\n", scanned, start)
        scanned = start
        if not numbers or numbers[-1] != line:
            numbers.append(line)
    return numbers


def _in_neither_order(year: int, first: int, second: int) -> str | None:
    """Why `first/second/year` is a date neither as day/month nor as month/day, or None."""
    as_day_month = _impossible(year, second, first)
    if as_day_month is None or _impossible(year, first, second) is None:
        return None
    return as_day_month


def _impossible(year: int, month: int, day: int) -> str | None:
    if not 1 <= month <= 12:
        return f"there is no month {month}" + (" (month and day swapped?)" if 1 <= day <= 12 else "")
    if not 1 <= day <= _days_in_month(year, month):
        return f"{_MONTH_NAMES[month - 1]} has no day {day}"
    return None


# What `datetime.date` knows, written out: importing `datetime` (with `math`, `_datetime`) was a
# noticeable share of a one-file run, for a check made on a few dates.
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    """Days in `month` (1-12) of `year` in the Gregorian calendar (as `datetime.date` counts)."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _DAYS_IN_MONTH[month - 1]


def _code_lines(document: Document) -> set[int]:
    lines: set[int] = set()
    for _, block in document.iter_blocks():
        if isinstance(block, CodeBlock):
            lines.update(range(block.span.start.line, block.span.end.line + 1))
    return lines
