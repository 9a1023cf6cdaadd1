"""EC001 edge-cases-missing: a specification that never considers an edge case."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.commitments import commitments
from speclint.reading.edge_cases import EDGE_CASE_PHRASE, edge_case_sections, edge_topics, inline_handlings
from speclint.reading.requirements import Requirement, section_text, specifies_behaviour

# A requirement about what a page or guide says, not what a system does: "THE Help_Tab SHALL
# document the custom period picker", "The guide must explain how to rotate a key".
_CONTENT_REQUIREMENT = lazy_compile(
    r"\b(?:shall|must|should|will)\s+(?:also\s+|clearly\s+|briefly\s+)?"
    r"(?:document|explain|describe|outline|summari[sz]e|illustrate)\b",
    re.IGNORECASE,
)
# A document whose requirements are at least this share content requirements specifies writing,
# where empty input, limits or concurrency do not arise.
_CONTENT_SPEC_SHARE = 0.75


def _specifies_content(requirements: list[Requirement]) -> bool:
    """True when most requirements (their criteria, when they have some) say what a text explains."""
    units = [criterion.text for requirement in requirements for criterion in requirement.criteria]
    if not units:
        units = [requirement.text for requirement in requirements]
    if not units:
        return False
    content = sum(1 for unit in units if _CONTENT_REQUIREMENT.search(unit))
    return content >= _CONTENT_SPEC_SHARE * len(units)


class EdgeCasesMissing(Rule):
    """Flags a specification with requirements or user stories that never considers an edge case.

    **What it flags.** A document that states requirements or user stories and has no edge-case
    section ("Edge cases", "Corner cases", "Boundary conditions", "Limits"...), never says "edge
    case", "corner case" or "boundary", and touches fewer than `minimum-topics` of the situations
    edge cases are made of: empty input, limits and maxima, duplicates, concurrency, time zones and
    expiry, offline use, failures and timeouts, unusual input (Unicode, negative amounts, very
    large files; read in English, German, Spanish, French, Portuguese, Italian and Dutch), and handles
    fewer than two situations inline ("If the photos don't cover the
    damage, the system asks for better ones"). One finding,
    at the first requirement. A specification of content (a help page, a guide), whose
    requirements mostly say what the text shall document, explain or describe, is not judged. Proposals and decision records (Rust RFCs, KEPs, ADRs, Go design
    documents, OTEPs), spec-kit plans and checklists are skipped.

    **Why it matters.** Edge cases are where estimates go wrong and bugs come from: the empty cart,
    the second click on "Pay", the user in another time zone, the 2 GB upload. A spec that lists
    them lets engineers design for them instead of discovering them in QA.

    **Example**

    ```markdown
    ## Requirements
    - **FR-001**: Users MUST be able to schedule a post for later.
    ```

    **Use instead**

    ```markdown
    ## Requirements
    - **FR-001**: Users MUST be able to schedule a post for later.

    ## Edge cases
    - A post scheduled in the past is published immediately.
    - Times are entered in the user's time zone and stored in UTC; DST changes do not move a post.
    - Two editors rescheduling the same post: the last save wins and the other sees a notice.
    ```
    """

    id = "EC001"
    name = "edge-cases-missing"
    category = Category.EDGE_CASES
    default_level = Level.INFO
    # Default since round 12: its one corpus finding after the fixes for inline handling, proposals and
    # content specifications is right (bench/verdicts/round2.tsv, round12-doclevel-edge7.tsv).
    options = (
        Option("minimum-topics", "int", 2,
               "Edge-case topics (empty input, limits, duplicates...) that count as considering edge cases.",
               minimum=1),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not specifies_behaviour(document, context):
            return
        picture = commitments(document, context)
        if not picture.requirements:
            return
        if _specifies_content(picture.requirements):
            return  # a help page or guide: its requirements say what the text explains
        if edge_case_sections(document):
            return  # present; EC002 judges whether it says anything
        text = mask_invisible(section_text(document.root))
        if EDGE_CASE_PHRASE.search(text):
            return
        if len(edge_topics(text)) >= context.options["minimum-topics"]:
            return
        if inline_handlings(text) >= 2:
            return  # edge cases handled where they arise ("If the photos don't cover the damage, ...")
        first = picture.requirements[0]
        yield Violation(first.span,
                        "no edge cases considered anywhere: add an 'Edge cases' section (empty input, limits, "
                        "duplicates, concurrency, time zones, offline...)")
