"""The format for people at a terminal: findings grouped by file, each with its source line and a
caret under the exact span, then a summary line.

    docs/checkout.md: 1 error, 1 warning

    docs/checkout.md:12:16: error PH001 unresolved marker 'TBD': decide, or list it as an open question
       |
    12 | Retry backoff: TBD.
       |                ^^^ unresolved-marker

    Checked 3 files in 0.04s: 1 error, 1 warning, 0 info.

Colour only when the CLI asks for it (a terminal, and `NO_COLOR` unset). Carets are placed by
display cells, not code points, so they stay under the span with tabs, wide (CJK, emoji) and
combining characters; very long lines are shown as a window around the span.
"""

from __future__ import annotations

import shutil
import unicodedata
from typing import TextIO

from speclint.engine.rule import Finding
from speclint.engine.runner import FileReport, RunResult
from speclint.reporters import (
    FIXABLE_MARKER,
    ReportContext,
    count_by_level,
    escape_path,
    level_phrase,
    plural,
    printable,
)

TAB_WIDTH = 4
ELLIPSIS = "…"
_LEVEL_STYLE = {"error": "1;31", "warning": "1;33", "info": "1;36"}
_GUTTER_STYLE = "1;34"


class _Painter:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, style: str) -> str:
        return f"\x1b[{style}m{text}\x1b[0m" if self.enabled and text else text


def write(result: RunResult, context: ReportContext, out: TextIO) -> None:
    paint = _Painter(context.color)
    width = max(shutil.get_terminal_size(fallback=(120, 24)).columns, 40)
    for report in result.files:
        if report.findings:
            out.write(_file_block(report, paint, width))
    out.write(summary_line(result, paint) + "\n")


def summary_line(result: RunResult, paint: _Painter | None = None) -> str:
    paint = paint or _Painter(False)
    checked = f"Checked {plural(len(result.files), 'file')} in {result.elapsed:.2f}s"
    counts = count_by_level(result)
    if any(counts.values()):
        parts = [paint(level_phrase(count, level), _LEVEL_STYLE[level]) if count else level_phrase(count, level)
                 for level, count in counts.items()]
        line = f"{checked}: {', '.join(parts)}."
    else:
        line = f"{checked}: {paint('no findings', '1;32')}."
    fixable = sum(1 for finding in result.findings if finding.fix is not None)
    if fixable:
        line += f" {plural(fixable, 'finding')} marked [*] can be fixed with `speclint check --fix`."
    problems = []
    if result.read_failures:
        problems.append(f"{plural(len(result.read_failures), 'file')} could not be read")
    if result.rule_failures:
        problems.append(f"{plural(len(result.rule_failures), 'rule error')} (a rule crashed on a file)")
    if problems:
        line += " " + paint("; ".join(problems).capitalize() + ".", _LEVEL_STYLE["error"])
    return line


def _file_block(report: FileReport, paint: _Painter, width: int) -> str:
    from speclint.document.parser import split_lines

    lines = split_lines(report.text.removeprefix("\ufeff"))
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in report.findings:
        counts[finding.level.value] += 1
    summary = ", ".join(level_phrase(count, level) for level, count in counts.items() if count)
    gutter = len(str(max(finding.span.start.line for finding in report.findings)))
    parts = [f"{paint(escape_path(report.path), '1;4')}: {summary}\n"]
    for finding in report.findings:
        parts.append("\n" + _finding_block(finding, lines, gutter, paint, width))
    return "".join(parts) + "\n"


def _finding_block(finding: Finding, lines: list[str], gutter: int, paint: _Painter, width: int) -> str:
    level = finding.level.value
    start = finding.span.start
    message = printable(" ".join(finding.message.split()))
    head = (
        f"{paint(f'{escape_path(finding.path)}:{start.line}:{start.column}:', '1')} {paint(level, _LEVEL_STYLE[level])} "
        f"{paint(finding.rule_id, '1')} {FIXABLE_MARKER if finding.fix is not None else ''}{message}\n"
    )
    if not 1 <= start.line <= len(lines):
        return head  # a finding about the whole file or past its end: no line to show
    line_text = lines[start.line - 1]
    end_column = finding.span.end.column if finding.span.end.line == start.line else len(line_text) + 1
    shown, caret_offset, caret_width = excerpt(line_text, start.column, end_column, width - gutter - 3)
    bar = paint("|", _GUTTER_STYLE)
    blank_gutter = " " * gutter
    number = paint(str(start.line).rjust(gutter), _GUTTER_STYLE)
    carets = paint("^" * caret_width, _LEVEL_STYLE[level])
    source_line = f"{number} {bar} {shown}".rstrip()
    caret_line = f"{blank_gutter} {bar} {' ' * caret_offset}{carets} {paint(finding.rule_name, _LEVEL_STYLE[level])}"
    return f"{head}{blank_gutter} {bar}\n{source_line}\n{caret_line}\n"


def _cell_width(char: str, cell: int) -> int:
    if char == "\t":
        return TAB_WIDTH - cell % TAB_WIDTH
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf"):
        return 0  # combining marks and format characters take no cell of their own
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def excerpt(line: str, start_column: int, end_column: int, max_width: int) -> tuple[str, int, int]:
    """The line as displayed, the caret's offset and its width (both in display cells).

    `start_column`/`end_column` are 1-based code-point columns, end exclusive; an empty span gets
    one caret. A line wider than `max_width` is cut to a window that keeps the span's start in
    view, with `…` where text was cut.
    """
    start_index = min(max(start_column - 1, 0), len(line))
    end_index = min(max(end_column - 1, start_index), len(line))
    cells: list[tuple[str, int]] = []  # (what to print, its width) for each code point
    position = 0
    for char in line:
        width = _cell_width(char, position)
        shown = " " * width if char == "\t" else (printable(char) if not char.isprintable() and width else char)
        cells.append((shown, width))
        position += width
    offsets = [0]
    for _, width in cells:
        offsets.append(offsets[-1] + width)
    caret_start = offsets[start_index]
    caret_width = max(offsets[end_index] - caret_start, 1)
    if offsets[-1] <= max_width:
        return "".join(shown for shown, _ in cells), caret_start, caret_width

    # Window: start a third of the width before the span (whole characters only).
    max_width = max(max_width, 20)
    first = start_index
    while first > 0 and caret_start - offsets[first - 1] <= max_width // 3:
        first -= 1
    prefix = ELLIPSIS if first > 0 else ""
    budget = max_width - len(prefix)
    last = first
    while last < len(cells) and offsets[last + 1] - offsets[first] <= budget - (1 if last + 1 < len(cells) else 0):
        last += 1
    suffix = ELLIPSIS if last < len(cells) else ""
    shown = prefix + "".join(shown for shown, _ in cells[first:last]) + suffix
    offset = caret_start - offsets[first] + len(prefix)
    visible_end = offsets[last] - offsets[first] + len(prefix)
    return shown, offset, max(min(caret_width, visible_end - offset), 1)
