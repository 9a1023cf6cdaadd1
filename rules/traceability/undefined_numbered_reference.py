"""TR005 undefined-numbered-reference: "(R7)" when the requirements stop at R6, "Requirement 9" of seven."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.reading.references import dangling_in_requirements_file, dangling_references


class UndefinedNumberedReference(Rule):
    """Flags a reference past the end of a numbered series the document defines.

    **What it flags.** A short ID (`R7`, `D4`, `G5`) when the document defines that series
    (`R1` to `R6` as table rows, headings, or labelled list items) and stops before it; a
    labelled item (`Requirement 9`, `Decision 4`, `User Story 5`) when the document's headings or
    labels define that series and stop before it (a numbered list under a requirements, decisions,
    stories or considered-options heading defines it too: "Option 4" of three listed options). A
    series counts when it has two members at least and starts at 0 or 1. Only references past the
    last member are flagged: a gap may be a withdrawn item. A line saying the item was removed or renumbered, a reference to another
    document ("PCI DSS Requirement 9", "Requirement 3 of the platform spec") and a year
    ("Q4 '25") are left alone.

    In a Kiro spec's `tasks.md` or `design.md`, the trace lines (`_Requirements: 2.3, 4.1_`,
    `**Validates: Requirements 1.2**`) and labelled references cite the `requirements.md` beside
    them: a requirement past the last `### Requirement N` there, or a criterion past the last of
    that requirement's numbered acceptance criteria (`2.3` when requirement 2 has two), is flagged.

    **Why it matters.** A reference to an item that does not exist is usually one that was
    renumbered or deleted: the reader following it lands nowhere, or on the wrong item, and the
    traceability the numbering promised is broken.

    **Example**

    ```markdown
    | ID | Requirement |
    |----|-------------|
    | R1 | Export a report as CSV. |
    | R2 | Email exports over 10 MB as a link (see R3). |
    ```

    **Use instead**

    ```markdown
    | ID | Requirement |
    |----|-------------|
    | R1 | Export a report as CSV. |
    | R2 | Email exports over 10 MB as a link (see R3). |
    | R3 | Export links expire after 7 days. |
    ```
    """

    id = "TR005"
    name = "undefined-numbered-reference"
    category = Category.TRACEABILITY
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        short_ids, labelled, _ = dangling_references(document)
        for reference in sorted(short_ids + labelled, key=lambda each: (each.span.start.line, each.span.start.column)):
            yield Violation(
                reference.span,
                f"{reference.shown} is referenced but the document's series stops at {reference.last}: "
                "fix the reference or define the item",
            )
        for reference in dangling_in_requirements_file(document):
            yield Violation(
                reference.span,
                f"{reference.shown} is cited but requirements.md stops at {reference.last}: "
                "fix the reference, or add the requirement or criterion there",
            )
