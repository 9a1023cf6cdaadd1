"""ST010 broken-table: a pipe table that GitHub does not render as the table its source shows."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document, Paragraph, Span, Table, TextSegment
from speclint.document.parser import table_cells
from speclint.document.text import code_span_matches
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile

_DELIMITER_CELL = lazy_compile(r"[ \t]*:?-+:?[ \t]*$")


class BrokenTable(Rule):
    """Flags a pipe table that GitHub renders as lines of text, or whose rows lose cells.

    **What it flags.**

    - Lines of pipes (`| a | b |`, two or more) that are no table because the delimiter row
      (`|---|---|`) is missing, comes after the data rows, or has another number of cells than the
      header row: GitHub shows them as one paragraph of pipes.
    - A table row with more cells than the header because a pipe inside a code span or in the text
      was not escaped (`` `monthly|annual` ``): GitHub splits the cell there and drops the cells past
      the header's, so the last column shows only part of its value.

    **Why it matters.** The reader sees a run-on line of pipes, or a cut value, where the author
    wrote a table; values a reviewer should check are hidden or wrong.

    **Example**

    ```markdown
    | Plan | Intervals |
    |---|---|
    | Solo | `monthly|annual` |
    ```

    **Use instead**

    ```markdown
    | Plan | Intervals |
    |---|---|
    | Solo | `monthly\\|annual` |
    ```
    """

    id = "ST010"
    name = "broken-table"
    aliases = ("table-not-rendered",)
    category = Category.STRUCTURE
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        for _, block in document.iter_blocks():
            if isinstance(block, Paragraph):
                if "|" in block.text:
                    violation = _pipes_paragraph(document, block.segments)
                    if violation is not None:
                        yield violation
            elif isinstance(block, Table):
                yield from _split_cells(document, block)


def _row_cells(text: str) -> list[str] | None:
    """The cells of a line written as a table row (it starts with a pipe and has two cells or more)."""
    stripped = text.strip()
    if not stripped.startswith("|"):
        return None
    cells = table_cells(stripped)
    if cells is None or len(cells) < 2:
        return None
    return cells


def _is_delimiter(cells: list[str]) -> bool:
    return all(_DELIMITER_CELL.match(cell) for cell in cells)


def _pipes_paragraph(document: Document, segments: list[TextSegment]) -> Violation | None:
    """Two lines or more of a paragraph written as table rows, one after the other."""
    rows: list[tuple[TextSegment, list[str]]] = []
    best: list[tuple[TextSegment, list[str]]] = []
    for segment in segments:
        cells = _row_cells(segment.text)
        if cells is None:
            if len(rows) > len(best):
                best = rows
            rows = []
        else:
            rows.append((segment, cells))
    if len(rows) > len(best):
        best = rows
    if len(best) < 2:
        return None
    header_segment, header = best[0]
    delimiters = [(index, segment, cells) for index, (segment, cells) in enumerate(best) if _is_delimiter(cells)]
    if not delimiters:
        if all(_is_delimiter(cells) for _, cells in best):
            return None
        if best[-1][0] is segments[-1]:
            late = _late_delimiter(document, segments[-1].line + 1)
            if late is not None:
                return _at(late, f"this delimiter row comes after the data rows (line {header_segment.line} is the "
                           "header), so only the row above it is a table: move it right under the header")
        return _at(header_segment, f"these {len(best)} lines of pipes have no delimiter row (`|---|---|`) under "
                   "the header, so they render as a paragraph, not a table: add one as the second line")
    index, segment, cells = delimiters[0]
    if index == 0:
        return _at(segment, "this delimiter row has no header row above it, so the lines below render as a "
                   "paragraph, not a table: put the header row first")
    if index > 1:
        return _at(segment, f"this delimiter row comes after the data rows (line {header_segment.line} is the "
                   "header), so the lines render as a paragraph, not a table: move it right under the header")
    return _at(segment, f"this delimiter row has {len(cells)} cells and the header {len(header)}, so the lines "
               f"render as a paragraph, not a table: give it {len(header)} cells")


def _late_delimiter(document: Document, header: int) -> TextSegment | None:
    """The delimiter row under line `header` when the parser took that line for a one-row table."""
    if header + 1 > len(document.lines):
        return None
    text = document.line_text(header + 1)
    cells = _row_cells(text)
    if cells is None or not _is_delimiter(cells):
        return None
    stripped = text.lstrip()
    return TextSegment(header + 1, len(text) - len(stripped) + 1, stripped)


def _at(segment: TextSegment, message: str) -> Violation:
    text = segment.text
    column = segment.column + (len(text) - len(text.lstrip()))
    return Violation(Span.of(segment.line, column, segment.line, column + len(text.strip())), message)


def _split_cells(document: Document, table: Table) -> Iterator[Violation]:
    """The first row whose cells past the header's hold text (GitHub drops them), once per table."""
    count = len(table.header)
    found: list[tuple[int, list[str]]] = []
    for row in table.rows:
        if not row:
            continue
        line = row[0].span.start.line
        source = document.line_text(line)
        begin = row[0].span.start.column - 1
        pipe = source.rfind("|", 0, begin)
        cells = table_cells(source[pipe:] if pipe >= 0 else source[begin:])
        if cells is not None and len(cells) > count and any(cell for cell in cells[count:]):
            found.append((line, cells))
    if not found:
        return
    line, cells = found[0]
    source = document.line_text(line)
    more = ""
    if len(found) > 1:
        more = f" (so do {len(found) - 1} more rows, to line {found[-1][0]})"
    code = next((match for match in code_span_matches(source) if "|" in match.group(2)), None)
    if code is not None:
        yield Violation(
            Span.of(line, code.start() + 1, line, code.end() + 1),
            f"the pipe inside `{_shorten(code.group(2))}` splits the cell: this row has {len(cells)} cells under "
            f"a {count}-column header{more}, and GitHub drops the rest; escape the pipe as `\\|`",
        )
        return
    first = table.rows[[row[0].span.start.line if row else 0 for row in table.rows].index(line)][0]
    lost = next(cell for cell in cells[count:] if cell)
    yield Violation(
        Span.of(line, first.span.start.column, line, first.span.end.column),
        f"this row has {len(cells)} cells under a {count}-column header{more}, so GitHub drops "
        f"'{_shorten(lost)}': escape the pipe (`\\|`) or add the column to the header",
    )


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
