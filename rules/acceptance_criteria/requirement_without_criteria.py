"""AC002 requirement-without-criteria: a requirement or user story that has no acceptance criteria of its own."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator

from speclint.document.model import Document, Paragraph, Section, Span
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.commitments import commitments
from speclint.reading.requirements import (
    REQUIREMENT_ID,
    Requirement,
    criteria_in_section,
    is_deferral,
    is_ears_document,
    is_withdrawn_text,
    not_in_scope,
    references_criteria,
    section_text,
    states_requirements,
)
from speclint.reading.vocabulary import is_criteria_title


class RequirementWithoutCriteria(Rule):
    """Flags a requirement or user story with no acceptance criteria, where its neighbours have them.

    **What it flags.** Documents follow a convention for where criteria live, and this rule reads
    it before judging:

    - a requirement or story with its own heading (`### Requirement 4`, `### User Story 2`,
      `### FR-007 Refunds`) is flagged when it has no criteria under it while other requirements
      of the document do;
    - a requirement list item (`- **FR-003**: ...`) or table row is flagged when its siblings carry
      their own criteria (a nested scenario, a filled criteria column) and it does not;
    - when the document's criteria name the requirements they verify (`AC-4 (FR-002): ...`, or a
      `### US-1` subsection of the criteria section), a requirement that no criterion names is
      flagged, unless they also cover every requirement at once ("Each requirement is verified by
      test in staging; REQ-11 also by load test").

    A story's criteria may be a labelled list under its list item (`- Acceptance criteria:` and
    its bullets), the bullets under the story's own item, or the list after a labelled story
    paragraph (`**Story 3: Merge carts.** As a shopper, ...`, or a job story: `**Job 3.** When a
    dock does not lock, I want to report it, ...`). A use-case heading (`#### UC-3 Move a booking`)
    is a requirement; "Test cases", "Fit criterion", "Conditions of satisfaction" and "Condiciones
    de aceptación" label criteria. A criteria heading that holds only
    "TBD", or only a note that puts the criteria off ("_To be agreed with the vendor after the
    pilot._", "Will be defined with legal in January"), holds no criteria; the finding is at the note.

    Criteria count in every form: a criteria heading or `**Acceptance criteria**:` label with a
    list, Given/When/Then, a gherkin block, EARS clauses, a "Done when" list, or a reference such as
    "see AC-3" or a link to the criteria. Withdrawn requirements ("Requirement 12 - DESCOPED") are
    skipped. A document with no criteria at all gets one AC001 finding instead of one per requirement.
    Proposals, decision records, spec-kit plans and checklists are not checked.

    **Why it matters.** The requirement without criteria is the one that gets built differently
    from what was meant, and the one nobody tests.

    **Example**

    ```markdown
    ### Requirement 2: Export

    **User Story:** As an accountant, I want to export invoices, so that I can file taxes.

    ### Requirement 3: Archive
    ...
    #### Acceptance Criteria
    1. WHEN an invoice is older than 7 years, THE system SHALL move it to the archive.
    ```

    **Use instead**

    ```markdown
    ### Requirement 2: Export

    **User Story:** As an accountant, I want to export invoices, so that I can file taxes.

    #### Acceptance Criteria
    1. WHEN the accountant selects a date range, THE system SHALL export its invoices as CSV.
    ```
    """

    id = "AC002"
    name = "requirement-without-criteria"
    category = Category.ACCEPTANCE_CRITERIA
    default_level = Level.WARNING
    options = (Option("stories", "bool", True, "Also check user stories, not only requirements."),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not states_requirements(document, context):
            return
        picture = commitments(document, context)
        yield from _numbered_sections_without_criteria(document, picture.requirements, is_ears_document(document, context))
        requirements = [r for r in picture.requirements if context.options["stories"] or r.kind != "story"]
        if not requirements or not (picture.criteria or any(r.covered for r in requirements)):
            return  # AC001 reports a document without any criteria once

        flagged: dict[int, Requirement] = {}
        # Convention 1: requirements of the same shape in the same place carry their own criteria.
        groups: dict[tuple[str, str, int], list[Requirement]] = defaultdict(list)
        for requirement in requirements:
            parent = 0 if requirement.form in ("section", "paragraph") else id(_container(requirement))
            groups[(requirement.form, requirement.kind, parent)].append(requirement)
        for members in groups.values():
            if not any(_own_explicit_criteria(member) for member in members):
                continue
            for member in members:
                if not member.covered:
                    flagged[id(member)] = member

        # Convention 2: central criteria name the requirement IDs they verify.
        owned = {id(criterion) for requirement in requirements for criterion in requirement.criteria}
        central_text = "\n".join([c.text for c in picture.criteria if id(c) not in owned]
                                  + _keyed_criteria_titles(document))
        referenced = {match.group(0).upper().replace("-", "") for match in REQUIREMENT_ID.finditer(central_text)}
        if referenced and not _EVERY_REQUIREMENT.search(central_text):
            for requirement in requirements:
                identifier = REQUIREMENT_ID.fullmatch(requirement.label)
                if identifier and not requirement.covered and not _keys(requirement) & referenced:
                    flagged[id(requirement)] = requirement

        for requirement in sorted(flagged.values(), key=lambda r: (r.span.start.line, r.span.start.column)):
            what = "user story" if requirement.kind == "story" else "requirement"
            label = requirement.label
            deferral = _deferral(requirement)
            if deferral is not None:
                first = deferral.segments[0]
                yield Violation(Span.of(first.line, first.column, first.line, first.column + len(first.text)),
                                f"{what} {label} has no acceptance criteria, only a note that puts them off: write the "
                                "criteria, as the other requirements here have, or list the requirement as an open question")
                continue
            yield Violation(
                requirement.span,
                f"{what} {label} has no acceptance criteria: add criteria under it, "
                "as the other requirements here have, or reference where they are",
            )


def _deferral(requirement: Requirement) -> Paragraph | None:
    """The note that puts a requirement's criteria off ("_To be agreed with the vendor after the pilot._"), under
    its own section's criteria heading."""
    if requirement.form != "section" or requirement.section is None:
        return None
    for block in requirement.section.iter_blocks():
        if isinstance(block, Paragraph) and is_deferral(block.text):
            return block
    return None


#: A numbered feature or epic heading: "F3. Attachments offline", "Epic 2: Deal registration",
#: "Feature 4 – Exports", "Use case 2". Steps, phases and options are not things that need criteria.
_NUMBERED_FEATURE_TITLE = lazy_compile(
    r"^\W{0,3}(?P<prefix>features?|feat|f|epics?|e|capabilit(?:y|ies)|use\s+cases?|uc|themes?)[ -]?#?\d{1,3}\b(?!\.\d)",
    re.I,
)


def _numbered_sections_without_criteria(document: Document, requirements: list[Requirement],
                                        ears: bool) -> Iterator[Violation]:
    """Convention 3: sibling sections numbered alike ("F1.", "F2.", "F3.") where at least two carry
    their own criteria (a criteria heading or label, a "Done when" list, scenarios) and one does not."""
    owned = {id(requirement.section) for requirement in requirements if requirement.form == "section"}
    for parent in document.sections():
        groups: dict[str, list[Section]] = defaultdict(list)
        for child in parent.children:
            match = _NUMBERED_FEATURE_TITLE.match(child.title) if child.heading is not None else None
            if match is None or not_in_scope(child) or is_withdrawn_text(child.title):
                continue
            groups[match.group("prefix").lower().rstrip("s")].append(child)
        for members in groups.values():
            if len(members) < 3 or any(id(inner) in owned for member in members for inner in member.walk()):
                continue
            with_criteria = [member for member in members if criteria_in_section(member, ears)]
            if len(with_criteria) < 2:
                continue
            for member in members:
                if member in with_criteria or references_criteria(section_text(member)):
                    continue
                assert member.heading is not None
                yield Violation(member.heading.span,
                                f"'{member.title}' has no acceptance criteria: add criteria under it, "
                                "as the other sections numbered like it have, or reference where they are")


#: Central criteria that cover every requirement at once: "Each requirement is verified by test in
#: staging" (and then name a few for a second method: "REQ-11 is also verified by load test").
_EVERY_REQUIREMENT = lazy_compile(
    r"\b(?:each|every|all(?:\s+(?:the|of\s+the))?)\s+(?:functional\s+)?requirements?\s+(?:is|are|will\s+be|shall\s+be)\s+"
    r"(?:\w+\s+)?(?:verified|tested|validated|checked|demonstrated)\b",
    re.I,
)


def _keyed_criteria_titles(document: Document) -> list[str]:
    """Titles of subsections of a criteria section that hold criteria for one requirement each
    ("## Acceptance Criteria" then "### US-1" and its list)."""
    titles: list[str] = []
    for section in document.sections():
        if section.heading is None or not section.blocks or not REQUIREMENT_ID.search(section.title):
            continue
        if any(is_criteria_title(each.title) for each in section.ancestors() if each.heading is not None):
            titles.append(section.title)
    return titles


def _keys(requirement: Requirement) -> set[str]:
    """The IDs that criteria may key a requirement by: its own, and for a table row the story it
    links to (a "Story" column holding `US-1` while the criteria say `**US-1:** ...`)."""
    texts = [requirement.label] if requirement.form != "table-row" else [requirement.text]
    return {match.group(0).upper().replace("-", "") for text in texts for match in REQUIREMENT_ID.finditer(text)}


def _container(requirement: Requirement) -> object:
    """The list or table a list-item or table-row requirement belongs to."""
    section = requirement.section
    for block in section.blocks:
        items = getattr(block, "items", None)
        if items is not None and any(item is requirement.block for item in items):
            return block
        rows = getattr(block, "rows", None)
        if rows is not None and any(row is requirement.block for row in rows):
            return block
    return section


def _own_explicit_criteria(requirement: Requirement) -> bool:
    if requirement.form in ("section", "paragraph", "table-row"):
        return bool(requirement.criteria)
    return any(criterion.explicit for criterion in requirement.criteria)
