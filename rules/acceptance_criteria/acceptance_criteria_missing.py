"""AC001 acceptance-criteria-missing: requirements or user stories, and no acceptance criteria at all."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.reading.commitments import commitments
from speclint.reading.requirements import references_criteria, specifies_behaviour
from speclint.reading.vocabulary import is_criteria_title, is_verification_title


class AcceptanceCriteriaMissing(Rule):
    """Flags a document that states requirements or user stories but no acceptance criteria anywhere.

    **What it flags.** A document with requirements (`FR-001`, `REQ-12`, `### Requirement 3`, "must"
    items under a requirements heading, rows of a requirements table) or user stories ("As a ..., I
    want ...") in which nothing says when they are done: no acceptance-criteria heading or label, no
    Given/When/Then scenario, no gherkin block, no EARS clause, no "Done when" list and no reference
    to criteria kept elsewhere. Nested lists under requirement items count as their criteria when
    at least half of the requirements have one (a detail list under a few of them does not). One
    finding, at the first requirement.

    Proposals and decision records (Rust RFCs, KEPs, ADRs, Go design documents, OTEPs) have no such
    convention, and spec-kit plans and checklists defer to their spec: all are skipped.

    **Why it matters.** Without acceptance criteria, "done" is whatever the engineer thinks it is,
    QA writes tests from guesses, and the review happens after the code is written.

    **Example**

    ```markdown
    ## Requirements
    - **FR-001**: Users MUST be able to export their invoices as CSV.
    - **FR-002**: The export MUST include invoices from the last 24 months.
    ```

    **Use instead**

    ```markdown
    ## Requirements
    - **FR-001**: Users MUST be able to export their invoices as CSV.
      - Given an account with 3 invoices, when the owner clicks Export, then a CSV with 3 rows downloads.
    - **FR-002**: The export MUST include invoices from the last 24 months.
      - An invoice dated 25 months ago is not in the file.
    ```
    """

    id = "AC001"
    name = "acceptance-criteria-missing"
    category = Category.ACCEPTANCE_CRITERIA
    default_level = Level.WARNING
    # Measured below 90% precision on real documents (bench/verdicts): opt-in until it reaches it.
    group = Group.PREVIEW
    options = (
        Option("minimum-requirements", "int", 1, "Requirements a document must state before criteria are expected.",
               minimum=1),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not specifies_behaviour(document, context):
            return  # a task list names the stories it implements; their criteria live in the spec
        picture = commitments(document, context)
        requirements = picture.requirements
        if len(requirements) < context.options["minimum-requirements"]:
            return
        if picture.criteria or any(
                requirement.references_criteria or any(c.explicit for c in requirement.criteria)
                for requirement in requirements):
            return
        # Nested lists under requirements are their criteria when that is the document's habit;
        # a detail list under 2 of 30 requirements is not an acceptance-criteria practice.
        if sum(requirement.covered for requirement in requirements) * 2 >= len(requirements):
            return
        if any(is_criteria_title(section.title) or is_verification_title(section.title)
               for section in document.sections()):
            return  # a criteria section or a test plan exists (if empty, the empty-section rule says so)
        if any(references_criteria(requirement.text) for requirement in requirements):
            return
        first = requirements[0]
        count = len(requirements)
        what = _describe(requirements)
        yield Violation(
            first.span,
            f"{count} {what} but no acceptance criteria anywhere: say how each one is checked "
            "(a criteria list, Given/When/Then scenarios or a 'Done when' list)",
        )


def _describe(requirements: list) -> str:
    stories = sum(1 for requirement in requirements if requirement.kind == "story")
    others = len(requirements) - stories
    if stories and others:
        return "requirements and user stories"
    if stories:
        return "user stories" if stories > 1 else "user story"
    return "requirements" if others > 1 else "requirement"
