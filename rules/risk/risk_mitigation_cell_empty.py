"""RK010 risk-mitigation-cell-empty: a risks table whose Mitigation cell is left empty on a row."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, TableCell
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading import languages
from speclint.reading.concerns import (
    RISK_SECTIONS,
    Entry,
    cell_is_empty,
    column,
    is_project_risk_section,
    profile_applies,
    section_entries,
    sections_named,
)

#: Columns that hold what is done about the risk (not who owns it or its status).
MITIGATION_COLUMNS = (
    "Mitigation", "Mitigations", "Mitigation plan", "Mitigation strategy", "Mitigation / contingency",
    "Response", "Response plan", "Contingency", "Contingency plan", "Handling", "How we handle it",
    "Countermeasure", "Countermeasures", *languages.MITIGATION_COLUMNS,
)
_OPEN_WORDS = frozenset(word.lower() for word in languages.OPEN_CELL_WORDS)


class RiskMitigationCellEmpty(Rule):
    """Flags a row of a risks table whose Mitigation cell is empty, `-`, `TBD` or `N/A`.

    **What it flags.** In a project's risks section ("Risks", "Risks and mitigations"...), a
    table with a Mitigation, Response or Contingency column (option `columns`) where a row names
    a risk and leaves that cell empty or holding only `-`, `TBD`, `N/A`, `?` or `...`. Tables
    written in German, Spanish or French are read too: their mitigation columns ("Maßnahme",
    "Mitigación", "Atténuation") and open cells ("offen", "por definir", "à définir"). The
    finding points at the empty cell. Rows of a table whose risk cell is empty too (a template's
    blank row) are not read, nor are an ADR option's risks or a product feature called "Risk".
    RK002 (preview) reads every other way of listing a risk.

    **Why it matters.** The author made a column for the answer and left it blank: the risk was
    seen and nobody decided what to do about it. A reviewer asks "and then what?" for that row.

    **Example**

    ```markdown
    ## Risks
    | Risk | Likelihood | Mitigation |
    |---|---|---|
    | The SMS provider throttles us during the launch | Medium | TBD |
    ```

    **Use instead**

    ```markdown
    ## Risks
    | Risk | Likelihood | Mitigation |
    |---|---|---|
    | The SMS provider throttles us during the launch | Medium | Raise the limit to 100/s before launch; queue and retry |
    ```
    """

    id = "RK010"
    name = "risk-mitigation-cell-empty"
    category = Category.RISK
    default_level = Level.WARNING
    # Default: no finding on the corpus (no real risks table there leaves a mitigation cell blank;
    # bench/verdicts/round8-recall-failure3.tsv) and none on the evaluation set's clean documents.
    group = Group.DEFAULT
    options = (
        Option("columns", "list[str]", list(MITIGATION_COLUMNS),
               "Table columns whose cell says what is done about the risk on that row."),
        Option("skip-profiles", "list[str]", ["kep"], "Profiles this rule does not apply to."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not profile_applies(context):
            return
        names = list(RISK_SECTIONS)
        for section in sections_named(document, names):
            if not is_project_risk_section(section, names):
                continue
            for entry in section_entries(section):
                if entry.kind != "row":
                    continue
                cell = column(entry, context.options["columns"]) or _column_named_for_mitigation(entry)
                if cell is None or not (cell_is_empty(cell) or _left_open(cell)) or not _names_a_risk(entry, cell):
                    continue
                shown = " ".join(mask_invisible(cell.text).split()) or "empty"
                yield Violation(cell.span,
                                f"the risk on this row has no mitigation (the cell is {shown!r}): say how the "
                                "risk is reduced, or that it is accepted and by whom")


#: A column whose name says it holds the response, whatever else it says: "Mesure d'atténuation",
#: "Planned mitigation", "Maßnahme zur Risikominderung", "Contingency / owner".
_MITIGATION_HEADER = lazy_compile(r"\b(?:mitigat\w*|att[ée]nuation|mitigaci[óo]n\w*|ma(?:ß|ss)nahmen?|"
                                  r"gegenma(?:ß|ss)nahmen?|risikominderung|contingenc\w*|contingencia|countermeasures?)\b",
                                  re.I)


def _column_named_for_mitigation(entry: Entry) -> TableCell | None:
    for header, cell in entry.cells.items():
        if _MITIGATION_HEADER.search(header):
            return cell
    return None


def _left_open(cell: TableCell) -> bool:
    """A cell that says, in German, Spanish or French, that the answer is still to come ("offen", "por definir")."""
    return " ".join(mask_invisible(cell.text).replace("*", "").replace("_", "").split()).strip(" .").lower() in _OPEN_WORDS


def _names_a_risk(entry: Entry, mitigation: TableCell) -> bool:
    """Some other cell of the row holds words (a template's blank row does not)."""
    return any(cell is not mitigation and not cell_is_empty(cell) for cell in entry.cells.values())
