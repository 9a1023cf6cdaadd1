"""TR002 undefined-requirement-reference: `see FR-009` when the document defines no FR-009."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.reading.commitments import commitments
from speclint.reading.concerns import section_at
from speclint.reading.normative import IdOccurrence, is_keyed_section
from speclint.lazy_regex import lazy_compile
from speclint.reading.vocabulary import DEFAULT_ID_PREFIXES, id_number, prefix_of


class UndefinedRequirementReference(Rule):
    """Flags a reference to a requirement ID that the document does not define.

    **What it flags.** A mention of an ID (`as in FR-009`, `covers SC-004`) when the document
    defines other IDs with the same prefix but not this one. A document that defines no `FR-`
    IDs at all may be citing another document (a plan or a checklist citing its spec), so its
    references are left alone. A document with an ID scheme of its own (`SRS-PAY-101`,
    `SYS-12`: three or more IDs of one prefix defined as labels, numbered without wide gaps) is
    held to it too, for a reference past the last number it defines. A family (`FR-8.x`, `FR-100 series`) or a range (`FR-1.1-1.15`,
    `FR-120~127`) resolves when the document defines members of it; a line saying the
    requirement was removed or renumbered is a note, not a reference to follow.

    **Why it matters.** A dangling reference is usually a requirement that was renumbered or
    deleted: the engineer following it lands nowhere, or on the wrong requirement.

    **Example**

    ```markdown
    - **FR-001**: Users can export a report as CSV.
    - **FR-002**: Exports larger than 10 MB are emailed (see FR-004).
    ```

    **Use instead**

    ```markdown
    - **FR-001**: Users can export a report as CSV.
    - **FR-002**: Exports larger than 10 MB are emailed as a link (see FR-003).
    - **FR-003**: Export links expire after 7 days.
    ```
    """

    id = "TR002"
    name = "undefined-requirement-reference"
    category = Category.TRACEABILITY
    default_level = Level.WARNING
    options = (Option("prefixes", "list[str]", list(DEFAULT_ID_PREFIXES), "Prefixes of requirement IDs."),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        prefixes = context.options["prefixes"]
        model = commitments(document, context)
        defined_prefixes = {prefix_of(requirement_id) for requirement_id in model.defined_ids(prefixes)}
        occurrences = model.ids(prefixes)
        last = _last_defined(document, occurrences)
        for occurrence in occurrences:
            requirement_id = occurrence.requirement_id
            if occurrence.withdrawn:
                continue
            if model.defines(occurrence, prefixes) or prefix_of(requirement_id) not in defined_prefixes:
                if not _keyed_past_the_end(document, occurrence, last):
                    continue
            yield Violation(
                occurrence.span,
                f"{requirement_id} is referenced but not defined in this document: fix the ID or define the requirement",
            )
        yield from _past_an_own_scheme(document, context, prefixes)


#: An ID that labels a line, as a requirement's definition does: `**SRS-CSC-107**`, `| DRV-1 |`,
#: `### SYS-4`, `- NF-3:`. It starts with a newline, a literal the regex engine scans for quickly.
_LABEL_ID = lazy_compile(
    r"\n[ \t]*(?:[-*+][ \t]+|\|[ \t]*|#{1,6}[ \t]+)?(?:\*\*|__)?([A-Z][A-Z0-9]{1,5})(?:-[A-Z]{1,8})?-\d{1,5}(?![\w\-.])",
)
#: Prefixes that number other documents, records, standards, tickets' kin or versions, not this
#: document's requirements.
_OTHER_NUMBERING = frozenset({
    "RFC", "ADR", "KEP", "PEP", "GEP", "JEP", "OEP", "CEP", "CVE", "CWE", "GHSA", "ISO", "IEC", "EN", "DIN",
    "IEEE", "ISBN", "UTF", "SHA", "TLS", "SSL", "HTTP", "AES", "RSA", "ECDSA", "HMAC", "GPT", "MD", "OWASP",
    "NIST", "SOC", "PCI", "DSS", "HIPAA", "GDPR", "ECMA", "ES", "IPV", "BUG", "ISSUE", "PR",
    "INC", "JIRA", "SPEC", "DOC", "STEP", "PHASE", "WAVE", "SPRINT", "TASK", "OQ",
})
#: A scheme is held to its numbers only with this many labels, numbered at least this densely.
_MIN_DEFINED = 3


def _past_an_own_scheme(document: Document, context: RuleContext, prefixes: list[str]) -> Iterator[Violation]:
    """`SRS-CSC-142` cited where the document defines SRS-CSC-101 to SRS-CSC-131: an ID scheme the
    built-in prefixes do not know, read from the document's own labels."""
    known = set(prefixes)
    labels: dict[str, int] = {}
    for match in _LABEL_ID.finditer("\n" + document.source):
        if match.group(1) not in known and match.group(1) not in _OTHER_NUMBERING:
            labels[match.group(1)] = labels.get(match.group(1), 0) + 1
    own = sorted(prefix for prefix, count in labels.items() if count >= _MIN_DEFINED)
    if not own:
        return
    occurrences = commitments(document, context).ids(own)
    numbers: dict[str, set[int]] = {}
    for occurrence in occurrences:
        number = id_number(occurrence.requirement_id)
        if (occurrence.defines and occurrence.where != "keyed" and number is not None
                and len(number[1]) == 1 and not occurrence.extent):
            numbers.setdefault(number[0], set()).add(number[1][0])
    last = {scheme: max(values) for scheme, values in numbers.items()
            if len(values) >= _MIN_DEFINED and max(values) - min(values) + 1 <= 2 * len(values)}
    for occurrence in occurrences:
        number = id_number(occurrence.requirement_id)
        if (occurrence.defines or occurrence.withdrawn or occurrence.extent or number is None
                or len(number[1]) != 1 or number[0] not in last or number[1][0] <= last[number[0]]):
            continue
        yield Violation(
            occurrence.span,
            f"{occurrence.requirement_id} is referenced but the document's {number[0]} IDs stop at "
            f"{number[0]}-{last[number[0]]}: fix the ID or define the requirement",
        )


def _last_defined(document: Document, occurrences: list[IdOccurrence]) -> dict[str, int]:
    """The highest number each prefix (`FR`, `FR-AUTH`) is defined with outside sections that key
    tests, checklists or traceability to requirements."""
    last: dict[str, int] = {}
    for occurrence in occurrences:
        if not occurrence.defines or is_keyed_section(section_at(document, occurrence.span.start.line)):
            continue
        number = id_number(occurrence.requirement_id)
        if number is not None and len(number[1]) == 1:
            last[number[0]] = max(last.get(number[0], 0), number[1][0])
    return last


def _keyed_past_the_end(document: Document, occurrence: IdOccurrence, last: dict[str, int]) -> bool:
    """A row of a traceability table or a checklist line keyed to `FR-012` when the requirements
    stop at FR-010: it reads as a definition, but it keys a test to a requirement that is not there."""
    if not occurrence.defines or occurrence.extent:
        return False
    number = id_number(occurrence.requirement_id)
    if number is None or len(number[1]) != 1 or number[0] not in last or number[1][0] <= last[number[0]]:
        return False
    return is_keyed_section(section_at(document, occurrence.span.start.line))

