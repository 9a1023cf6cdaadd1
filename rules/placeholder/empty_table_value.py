"""PH006 empty-table-value: a table row whose owner, date or target cell is left empty while the others are filled."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Span, Table, TableCell
from speclint.document.text import iter_nested, mask_invisible
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile

#: Column names whose value every row needs: who owns the row, when it is due, what it aims for.
#: Compared after lower-casing and dropping emphasis and punctuation at the ends.
_REQUIRED_COLUMNS = frozenset({
    "owner", "owners", "dri", "assignee", "assigned to", "responsible", "accountable", "lead",
    "date", "due", "due date", "deadline", "target date", "launch date", "go-live", "go live", "eta",
    "target", "target value", "goal value",
    "verantwortlich", "zuständig", "datum", "termin", "zieltermin", "zielwert",
    "responsable", "fecha", "fecha objetivo", "objetivo", "propietario",
    "date cible", "échéance", "cible",
})
#: Sections whose tables are written as the work goes (a history), or that list what is open.
_AS_IT_GOES = lazy_compile(r"\b(?:history|changelog|change log|revisions?|open questions?|open issues?)\b", re.I)


class EmptyTableValue(Rule):
    """Flags an empty cell in a table's Owner, Date or Target column when the other rows fill it.

    **What it flags.** A cell left empty (nothing between the pipes) in a column whose name asks
    for a value every row needs: an owner (`Owner`, `DRI`, `Assignee`, `Verantwortlich`,
    `Responsable`), a date (`Date`, `Due date`, `Target date`, `ETA`, `Fecha`, `Échéance`) or a
    target (`Target`, `Zielwert`, `Objetivo`), when the column has at least as many filled cells as
    empty ones and the row names its subject (two cells filled; a row with only its first cell
    filled is a group's heading, unless the table has two columns). A column mostly empty is a plan not
    started, and a cell written as `-`, `n/a` or `TBD` says something (TBD is `unresolved-marker`'s);
    tables of a change history or of open questions are not read.

    **Why it matters.** An empty cell among filled ones reads as "nobody yet": a milestone with no
    owner, a metric with no target, a phase with no date. Unlike a written TBD it survives review
    unnoticed, because the eye skips blank cells.

    **Example**

    ```markdown
    | Milestone | Owner | Date |
    |---|---|---|
    | Design review | Lena Fischer | 2026-02-10 |
    | Beta | | 2026-03-16 |
    | GA | Omar Haddad | 2026-04-20 |
    ```

    **Use instead**

    ```markdown
    | Milestone | Owner | Date |
    |---|---|---|
    | Design review | Lena Fischer | 2026-02-10 |
    | Beta | Ana Souza | 2026-03-16 |
    | GA | Omar Haddad | 2026-04-20 |
    ```
    """

    id = "PH006"
    name = "empty-table-value"
    category = Category.PLACEHOLDER
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if "| |" not in document.source and "||" not in document.source and "|  |" not in document.source:
            return  # no empty cell anywhere: the common case
        for section in document.root.walk():
            if any(_AS_IT_GOES.search(each.title or "") for each in (section, *section.ancestors())):
                continue
            for block in iter_nested(section.blocks):
                if isinstance(block, Table) and len(block.rows) >= 2:
                    yield from _empty_required_cells(block, document)


def _column_name(cell: TableCell) -> str:
    return mask_invisible(cell.text).strip().strip("*_`:").strip().lower()


def _is_empty(cell: TableCell) -> bool:
    return not mask_invisible(cell.text).strip()


def _names_its_subject(row: list[TableCell], columns: int) -> bool:
    """The row says what it is about: two cells filled at least (a row with only its first cell filled
    is a group's heading, `| *Design meeting* | | |`), or the first, in a two-column table."""
    filled = sum(1 for cell in row if not _is_empty(cell))
    return filled >= 2 or (columns == 2 and filled == 1 and not _is_empty(row[0]))


def _inside(cell: TableCell, document: Document) -> Span:
    """The blank between an empty cell's pipes (the parser places an empty cell at its closing pipe)."""
    line = cell.span.start.line
    text = document.line_text(line)
    closing = cell.span.start.column - 1
    if not 0 < closing < len(text) or text[closing] != "|":
        return cell.span
    opening = closing - 1
    while opening >= 0 and text[opening] in " \t":
        opening -= 1
    if opening < 0 or opening == closing - 1:
        return cell.span
    return Span.of(line, opening + 2, line, closing + 1)


def _empty_required_cells(table: Table, document: Document) -> Iterator[Violation]:
    for index, header in enumerate(table.header):
        name = _column_name(header)
        if name not in _REQUIRED_COLUMNS:
            continue
        cells = [row[index] if index < len(row) else None for row in table.rows]
        empty = [cell for cell, row in zip(cells, table.rows) if cell is not None and _is_empty(cell)
                 and _names_its_subject(row, len(table.header))]
        filled = sum(1 for cell in cells if cell is not None and not _is_empty(cell))
        if not empty or filled < len(empty):
            continue
        for cell in empty:
            yield Violation(_inside(cell, document), f"the '{mask_invisible(header.text).strip().strip('*_')}' cell of this row "
                            "is empty while the other rows fill it: fill it in, or write why it has none")
