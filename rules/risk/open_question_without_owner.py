"""RK005 open-question-without-owner: an open question with no owner, due date or decision."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.reading.concerns import (
    body_status,
    front_matter_value,
    DECISION,
    DUE_DATE,
    GROUP_OPTION_HELP,
    OWNER,
    QUESTION_SECTIONS,
    Entry,
    cell_is_empty,
    column,
    grouped,
    phrase_pattern,
    profile_applies,
    question_entries,
    row_status_closed,
    search_settled,
    sections_named,
)
from speclint.rules.risk.open_questions_in_approved_spec import APPROVED, STATUS_KEYS, is_approved

ANSWER_COLUMNS = (
    "Owner", "Assignee", "Assigned to", "DRI", "Who", "Due", "Due date", "Deadline", "By", "When",
    "Target date", "Decision", "Answer", "Resolution", "Outcome", "Resolved",
)


class OpenQuestionWithoutOwner(Rule):
    """Flags an open question that has no owner, no due date and no decision.

    **What it flags.** Each question under an Open questions heading ("Open questions",
    "Unresolved questions", "Open issues"...; option `sections`) that names nobody to answer it,
    no date to answer it by, and no answer. A question is a table row, a top-level list item (with
    its nested bullets), a subsection, or a paragraph that ends with `?`. An owner is "owner:",
    "@handle", "assigned to"; a due date is a date or a time frame ("2026-03-01", "by Friday",
    "before beta", "Q3"); a decision is "Decision:", "Resolved:", "Answer:", a ticked `[x]` box or a
    struck-through question. In a table with an Owner, Due, Decision or Answer column (option
    `answer-columns`) the cell must be filled; a Status cell saying "Resolved", "Closed" or "Done"
    closes the row. When no question of a section has any of these, the section is reported once,
    at its heading (option `group`). Open-source proposal processes settle their open questions in
    public review, not by a named owner (Rust RFCs' "Unresolved questions" at stabilisation; about
    half of the OpenTelemetry proposals and most Go design documents with open questions name no
    owner), so the `rust-rfc`, `otep` and `go-design` profiles skip this rule by default.

    **Why it matters.** An open question nobody owns stays open: the team discovers it again when
    the code needs the answer. An owner and a date turn it into a task.

    **Example**

    ```markdown
    ## Open questions
    - Do refunds go back to the saved card or to store credit?
    - Should we keep cards of customers who close their account?
    ```

    **Use instead**

    ```markdown
    ## Open questions
    - Do refunds go back to the saved card or to store credit? Owner: @maria (finance), due 2026-12-05.
    - ~~Should we keep cards of closed accounts?~~ Decision: no, deleted after 30 days (legal, 2026-11-20).
    ```
    """

    id = "RK005"
    name = "open-question-without-owner"
    category = Category.RISK
    default_level = Level.INFO
    # Below 90% measured precision (bench/verdicts): off unless named.
    group = Group.PREVIEW
    options = (
        Option("sections", "list[str]", list(QUESTION_SECTIONS), "Titles of the sections that list open questions."),
        Option("owner-terms", "list[str]", list(OWNER), "Phrases that name an owner."),
        Option("due-terms", "list[str]", list(DUE_DATE), "Phrases that give a due date or a time frame."),
        Option("decision-terms", "list[str]", list(DECISION), "Phrases that record a decision."),
        Option("answer-columns", "list[str]", list(ANSWER_COLUMNS),
               "Table columns whose cell, when filled, gives the owner, due date or decision of a row."),
        Option("group", "bool", True, GROUP_OPTION_HELP),
        Option("skip-profiles", "list[str]", ["rust-rfc", "otep", "go-design", "kep", "design-doc"], "Profiles this rule does not apply to."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not profile_applies(context):
            return
        options = context.options
        if _settled_spec(document):
            return  # one defect, one finding: RK006 reports each question left in an approved spec
        answered = phrase_pattern([*options["owner-terms"], *options["due-terms"], *options["decision-terms"]])
        for section in sections_named(document, options["sections"]):
            entries = question_entries(section)
            failing = [entry for entry in entries if not _is_answered(entry, answered, options["answer-columns"])]
            group = grouped(section, entries, failing, options["group"])
            if group is not None:
                span, count = group
                yield Violation(span, f"none of the {count} open questions has an owner, due date or decision: "
                                      "name who answers each and by when")
                continue
            for entry in failing:
                yield Violation(
                    entry.span,
                    f"open question '{entry.label}' has no owner, due date or decision: "
                    "name who answers it and by when",
                )


def _settled_spec(document: Document) -> bool:
    """True when the spec says it is approved (RK006's default reading of the status)."""
    status = front_matter_value(document, STATUS_KEYS) or body_status(document)
    return status is not None and isinstance(status[1], str) and is_approved(status[1], list(APPROVED))


def _is_answered(entry: Entry, answered: re.Pattern[str] | None, answer_columns: list[str]) -> bool:
    if entry.checked or entry.struck:
        return True
    if entry.kind == "row":
        if row_status_closed(entry):
            return True
        cells = [cell for name in answer_columns if (cell := column(entry, [name])) is not None]
        if cells:
            return any(not cell_is_empty(cell) for cell in cells)
    return search_settled(answered, entry.text) is not None
