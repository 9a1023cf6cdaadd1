"""RK006 open-questions-in-approved-spec: front matter says approved, questions are still open."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.reading.concerns import (
    DECISION,
    QUESTION_SECTIONS,
    body_status,
    front_matter_value,
    phrase_pattern,
    profile_applies,
    question_entries,
    row_status_closed,
    search_settled,
    sections_named,
)
from speclint.reading.tracking import tracked_with_interim

STATUS_KEYS = ("status", "state")
APPROVED = ("approved", "accepted", "final", "signed off", "signed-off", "ready for development",
            "ready for implementation", "implementable", "implemented", "complete", "completed", "done", "locked",
            "frozen")


class OpenQuestionsInApprovedSpec(Rule):
    """Flags open questions left in a spec whose front matter says it is approved.

    **What it flags.** When the front-matter `status` (option `status-keys`) — or, without front
    matter, a `**Status**: ...` line at the top of the body (option `body-status`) — is one of
    `approved-statuses` ("approved", "accepted", "final", "implementable"...; "Approved by legal on
    2026-11-20" counts too), each question under an Open questions heading that has no recorded
    decision ("Decision:", "Resolved:", "Answer:", a ticked `[x]` box, a struck-through question,
    a Status cell saying "Resolved"). An owner or a due date does not close a question; a question
    tracked where it stands (its ticket, or its owner with a date or a forum) that also says what ships
    meanwhile ("Until then files stay in the existing bucket", "does not block build", "falls back to
    ...") is a deferred point the build does not wait on, and is left alone. Questions
    are list items, table rows, subsections, or paragraphs ending with `?`; "None" or "No open
    questions" is fine.

    **Why it matters.** "Approved" tells engineers the spec is settled and they can build from it.
    An open question in an approved spec is a decision that will be made by whoever hits it first,
    without the review the rest of the spec had.

    **Example**

    ```markdown
    ---
    title: Saved payment methods
    status: approved
    ---
    ## Open questions
    - Do refunds go back to the saved card or to store credit? (owner: @maria)
    ```

    **Use instead**

    ```markdown
    ## Open questions
    - Do refunds go back to the saved card or to store credit?
      Decision: to the saved card; store credit only if the card has expired (@maria, 2026-11-20).
    ```

    Or set `status: in review` until the question is answered.
    """

    id = "RK006"
    name = "open-questions-in-approved-spec"
    category = Category.RISK
    default_level = Level.WARNING
    # Default since round 12: 39 of 42 corpus findings judged right (93%) once answered, deferred and
    # template-example questions stopped counting; bench/verdicts/round12-doclevel-risk7.tsv.
    group = Group.DEFAULT
    options = (
        Option("status-keys", "list[str]", list(STATUS_KEYS), "Front-matter keys that hold the document's status."),
        Option("approved-statuses", "list[str]", list(APPROVED),
               "Statuses that mean the spec is settled (compared case-insensitively)."),
        Option("body-status", "bool", True,
               "Without a front-matter status, read a `Status: ...` line at the top of the body (spec-kit's "
               "`**Status**: Draft`)."),
        Option("sections", "list[str]", list(QUESTION_SECTIONS), "Titles of the sections that list open questions."),
        Option("decision-terms", "list[str]", list(DECISION), "Phrases that record a decision."),
        Option("skip-profiles", "list[str]", [], "Profiles this rule does not apply to."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not profile_applies(context):
            return
        options = context.options
        status = front_matter_value(document, options["status-keys"])
        if status is None and options["body-status"]:
            status = body_status(document)
        if status is None or not isinstance(status[1], str):
            return
        key, value, status_span = status
        if not is_approved(value, options["approved-statuses"]):
            return
        decided = phrase_pattern(options["decision-terms"])
        for section in sections_named(document, options["sections"]):
            for entry in question_entries(section):
                if entry.checked or entry.struck or row_status_closed(entry):
                    continue
                if search_settled(decided, entry.text) is not None:
                    continue
                if tracked_with_interim(entry.text):
                    continue  # tracked (ticket, or owner and date), and the build does not wait on it
                yield Violation(
                    entry.span,
                    f"open question '{entry.label}' in a spec whose {key} is '{value}' (line {status_span.start.line}): "
                    "record the decision, or change the status back",
                )


def is_approved(value: str, statuses: list[str]) -> bool:
    """True when `value` is, or starts with, one of `statuses` ("Complete (2025-11-30)", "✅ Approved")."""
    words = re.sub(r"[^\w\s-]", " ", value.lower()).split()
    text = " ".join(words)
    for status in statuses:
        wanted = " ".join(re.sub(r"[^\w\s-]", " ", status.lower()).split())
        if wanted and (text == wanted or text.startswith(wanted + " ")):
            return True
    return False
