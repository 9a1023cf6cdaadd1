"""TR005 undefined-numbered-reference: "(R7)" when the requirements stop at R6, "Requirement 9" of seven."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.reading.concerns import profile_name
from speclint.reading.references import dangling_in_requirements_file, dangling_references


class UndefinedNumberedReference(Rule):
    """Flags a reference past the end of a numbered series the document defines.

    **What it flags.** A short ID (`R7`, `D4`, `G5`) when the document defines that series
    (`R1` to `R6` as table rows, headings, or labelled list items) and stops before it; a
    labelled item (`Requirement 9`, `Decision 4`, `User Story 5`) when the document's headings or
    labels define that series and stop before it (a numbered list under a requirements, decisions,
    stories or considered-options heading defines it too: "Option 4" of three listed options).
    The items a plan, a pitch, a test plan or a FAQ numbers count the same way: `Phase 5` of three
    phases, `Step 6`, `Milestone 4`, `Wave 4`, `Scenario 5`, `Use Case 4`, `Alternative 3`,
    `sketch 3`, `Figure 3` of two captions, `Schritt 4`, `Fase 4`, `étape 5` (headings, bold labels,
    captions); a FAQ's numbered questions (`**7. How ...?**`) for "question 9" and "FAQ 14"; MADR's
    bulleted decision drivers for "driver 5"; a numbered principles list. Such a reference more than
    three past the end ("Phase 11" of three) names another plan's item and is left alone, as are
    the workflow phases a spec-kit plan names. Prefixes seldom a series of the document's own
    (`A4`, `E2`, `P1`) count when a table's ID column numbers three rows or more with them. A
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
        if profile_name(context) == "spec-kit-plan":
            # spec-kit's plan template names the workflow's phases (Phase 2 is /tasks, run after the
            # plan): "Ready for implementation (Phase 2)" cites the workflow, not an item of the plan
            labelled = [each for each in labelled if each.series != "Phase"]
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
