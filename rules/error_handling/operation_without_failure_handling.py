"""EH002 operation-without-failure-handling: a requirement or operation section with a fallible operation and no failure path."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Paragraph, Section, Table, TextSegment, iter_nested
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.edge_cases import edge_case_sections
from speclint.reading.operations import (
    addresses_failure,
    describe_operation,
    fallible_operation,
    first_operation,
    has_central_failure_handling,
    is_failure_section_title,
    is_test_section,
    is_test_step,
    reported_document_wide,
)
from speclint.reading.commitments import commitments
from speclint.reading.requirements import (
    is_ears_document,
    not_in_scope,
    plain,
    section_text,
    states_requirements,
)


class OperationWithoutFailureHandling(Rule):
    """Flags a requirement, user story or operation section whose operation can fail and whose failure is never described.

    **What it flags.** A section that stands for one piece of behaviour: a requirement or user
    story with its own heading (`### Requirement 4`, `### User Story 2 - Pay for the order`), or
    a heading that names an operation that can fail (`### CSV import`, `### Payment`,
    `### Sync with Salesforce`). When its text mentions an operation that can fail and nothing in
    it addresses failure (an error, a retry, a timeout, a validation, a fallback, a status code),
    the rule points at the operation.

    The rule stays quiet when the document handles failure centrally (a "Failure modes", "Error
    handling" or "What can go wrong" section, an error table, an edge-case section that says what
    fails, or a requirement or story about errors), and on EARS documents, where EH003 does this job per requirement. HTTP endpoints are
    checked by the API contract rule (API001), which asks for error responses with status codes.

    **Why it matters.** Failure paths are designed per operation: a declined card, a half-finished
    upload and a rejected CSV row each need a decision. A requirement that only describes the
    success is a requirement the developer will finish by guessing.

    **Example**

    ```markdown
    ### Requirement 3: Import contacts
    Users can import contacts from a CSV file exported from Google Contacts.
    ```

    **Use instead**

    ```markdown
    ### Requirement 3: Import contacts
    Users can import contacts from a CSV file exported from Google Contacts. Rows with an invalid
    email are skipped and listed in an import report; a file over 5 MB is rejected before upload.
    ```
    """

    id = "EH002"
    name = "operation-without-failure-handling"
    category = Category.ERROR_HANDLING
    default_level = Level.INFO
    # Measured below 90% precision on real documents (bench/verdicts): opt-in until it reaches it.
    group = Group.PREVIEW

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not states_requirements(document, context) or is_ears_document(document, context):
            return
        if reported_document_wide(document, context):
            return  # EH001 reports the missing failure handling once, naming every place
        if has_central_failure_handling(document) or any(
                addresses_failure(section_text(section)) for section in edge_case_sections(document)):
            return  # failure is handled in one place for the whole document
        picture = commitments(document, context)
        units: list[Section] = [r.block for r in picture.requirements if r.form == "section"]  # type: ignore[misc]
        if any(is_failure_section_title(unit.title) or addresses_failure(unit.title) for unit in units):
            return  # a requirement or story about errors: failure is handled there
        if not picture.requirements:
            return  # not a specification of behaviour: design notes name operations in passing
        claimed = {id(inner) for unit in units for inner in unit.walk()}
        for section in document.sections():
            named = fallible_operation(section.title)
            if id(section) not in claimed and named and named[0] != "user input" and section.level >= 2 \
                    and not not_in_scope(section) and not is_test_section(section) \
                    and first_operation(_behaviour_segments(section)) is not None:  # described, not only titled
                units.append(section)
                claimed.update(id(inner) for inner in section.walk())
        units.sort(key=lambda unit: unit.span.start.line)
        for unit in units:
            if _is_wiring_map(unit):
                continue  # a map of packages or modules to files: where code lives, not behaviour
            if addresses_failure(mask_invisible(section_text(unit, with_code=True))) or addresses_failure(unit.title):
                continue
            segments = ([unit.heading.text_segment] if unit.heading else []) + _behaviour_segments(unit)
            found = first_operation(segments)
            if found is not None:
                kind, words, span = found
                yield Violation(span, f"{describe_operation(kind, words)} can fail, and '{unit.title}' never says "
                                      "what happens then: add the error, retry or fallback behaviour")


#: Paragraphs that talk about the requirement rather than state its behaviour: spec-kit's "Why this
#: priority" and "Independent Test" (how a tester exercises it: "import the file into the ledger"
#: is the tester's action, not the system's).
_META_LABEL = lazy_compile(r"^\W{0,4}(?:why\s+this\s+priority|independent\s+test|how\s+to\s+test|test|"
                         r"rationale|notes?|priority)\b[^:\n]{0,20}:", re.I)


#: A line that maps code to code: "**`@dodopayments/nextjs`** → `app/api/v1/billing/webhook/route.ts`".
_WIRING_LINE = lazy_compile(r"^\W{0,4}`[^`\n]+`\**(?:\s*(?:,|\+|and)\s*\**`[^`\n]+`\**)*\s*(?:→|->|=>)")


def _is_wiring_map(unit: Section) -> bool:
    """True when every paragraph of the section maps a package or module to files (a dependency map)."""
    paragraphs = [block for current in unit.walk() for block in iter_nested(current.blocks)
                  if isinstance(block, Paragraph) and plain(block.text).strip()]
    return bool(paragraphs) and all(_WIRING_LINE.match(block.text.strip()) for block in paragraphs)


def _behaviour_segments(unit: Section) -> list[TextSegment]:
    """The section's prose without its meta paragraphs."""
    segments: list[TextSegment] = []
    for current in unit.walk():
        if current is not unit and current.heading is not None:
            segments.append(current.heading.text_segment)
        for block in iter_nested(current.blocks):
            if current is not unit and is_test_section(current):
                break
            if isinstance(block, Paragraph) and not _META_LABEL.match(plain(block.text)) \
                    and not is_test_step(block.text):
                segments.extend(block.segments)
            elif isinstance(block, Table):
                segments.extend(segment for row in [block.header, *block.rows] for cell in row
                                for segment in cell.segments)
    return segments
