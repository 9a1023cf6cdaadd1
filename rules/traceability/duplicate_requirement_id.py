"""TR001 duplicate-requirement-id: two requirements defined with the same ID."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.reading.commitments import commitments
from speclint.reading.vocabulary import DEFAULT_ID_PREFIXES


class DuplicateRequirementId(Rule):
    """Flags a requirement ID (`FR-003`, `NFR-2`, `SC-001`, `US-4`) defined more than once in a document.

    **What it flags.** An ID that *introduces* a second statement: at the start of a list item,
    paragraph or heading (`- **FR-003**: ...`, `### US-4: ...`), or in the first cell of a second
    row of the same table. Mentions elsewhere (`see FR-003`) are references, not definitions; a
    traceability table that lists IDs defined above it is not a duplicate either, nor is a bold
    label that keys a test or a criterion to its requirement (`**US-1:** A invites B ...` under
    "Acceptance tests").

    **Why it matters.** Tests, tickets, commits and review comments cite requirements by ID. Two
    requirements with one ID make every such link ambiguous: "FR-003 is done" no longer says
    which FR-003.

    **Example**

    ```markdown
    - **FR-003**: Users can reset their password by email.
    - **FR-003**: Reset links expire after 30 minutes.
    ```

    **Use instead**

    ```markdown
    - **FR-003**: Users can reset their password by email.
    - **FR-004**: Reset links expire after 30 minutes.
    ```
    """

    id = "TR001"
    name = "duplicate-requirement-id"
    category = Category.TRACEABILITY
    default_level = Level.WARNING
    options = (Option("prefixes", "list[str]", list(DEFAULT_ID_PREFIXES), "Prefixes of requirement IDs."),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        first_definition: dict[tuple[str, str], int] = {}
        for occurrence in commitments(document, context).ids(context.options["prefixes"]):
            # A label keying tests or criteria to an ID (`**US-1:** A invites B ...` under
            # "Acceptance tests") refers to the requirement; it does not define it again.
            if not occurrence.defines or occurrence.where == "keyed":
                continue
            key = (occurrence.requirement_id, occurrence.where)
            if key in first_definition:
                line = first_definition[key]
                yield Violation(
                    occurrence.span,
                    f"requirement ID {occurrence.requirement_id} is already defined on line {line}: give each requirement its own ID",
                )
            else:
                first_definition[key] = occurrence.span.start.line
