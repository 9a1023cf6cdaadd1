"""WD007 mixed-modal: "should" or "may" in one requirement of a list whose other requirements say must or shall."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import profile_name
from speclint.reading.normative import Statement, is_descriptive, is_user_story, search, statements
from speclint.reading.wording import DESIGN_PROPOSAL_PROFILES, SKIP_PROFILES_HELP, in_rationale

_STRONG = lazy_compile(r"\b(?:must|shall)\b", re.I)
# Lower-case only: upper-case SHOULD and MAY are RFC 2119 keywords, chosen on purpose.
_WEAK = lazy_compile(r"\b(?:should|may|might|could)\b")
_SPECULATIVE = frozenset({"may", "might", "could"})
# "may", "might", "could" hedge a requirement only when the system is their subject ("the service may retry");
# "admins may export" grants a permission, "a request may carry two tokens" describes.
_SYSTEM_SUBJECT = lazy_compile(
    r"\b(?:system|service|api|app|application|platform|server|backend|frontend|client|tool|cli|product|"
    r"implementation|sdk|component|module|library|[A-Z][a-z]+_[A-Z]\w*)\s+(?:\w+\s+)?$",
    re.I,
)
_PRIORITY = lazy_compile(r"^\W*(?:should|could|may|must)(?:\s*-?\s*have)?\W*$|\b(?:should|could)[\s-]+have\b", re.I)
# EARS keywords are written in capitals; a BDD step is "When ..." or "**When** ...".
_EARS_START = lazy_compile(r"^\s*(?:WHEN|IF|WHILE|WHERE)\b")
_AESTHETIC = lazy_compile(r"\s+(?:feel|look|seem|sound)\b", re.I)
_QUESTION = lazy_compile(r"\?\s*(?:\*\*|__)?\s*$")
_PROPOSALS = (*DESIGN_PROPOSAL_PROFILES, "openshift-enhancement", "gep", "capi-proposal", "kiro-design", "not-a-spec")


class MixedModal(Rule):
    """Flags "should" or "may" in a requirement when the requirements beside it say must or shall.

    **What it flags.** In a list or table of requirements (the same section), where at least two
    requirements say "must" or "shall", a requirement whose verb is a lower-case "should", or
    "may", "might", "could" with the system as subject ("the service may retry"). ISO/IEC/IEEE
    29148 5.2.4 reserves "shall" for requirements; "should" states a goal and "may" an option. A
    document that writes every requirement with "should" has chosen its register (the broader
    `weak-modal`, in preview, reads those); one that writes "must" everywhere but here has made
    this one optional, on purpose or not, and the reader cannot tell which.

    Not flagged: upper-case SHOULD/MAY (RFC 2119 keywords, chosen on purpose), a sentence that
    also says must or shall (the modal qualifies a detail), rationale, questions, Given/When/Then
    steps, MoSCoW priorities ("Should have"), "may" with a person as subject (a permission), and
    design proposals' prose (only statements with a requirement ID are read there).

    **Why it matters.** The product manager reads "should" as required and the engineer who is
    out of time reads it as optional. When every other requirement says must, one word decides.

    **Example**

    ```markdown
    ## Requirements
    - FR-1: The system must email a receipt after each payment.
    - FR-2: The system must store receipts for 7 years.
    - FR-3: The system should let the user download the receipt as PDF.
    ```

    **Use instead**

    ```markdown
    - FR-3: The system must let the user download the receipt as PDF.
    ```
    (or mark FR-3 as optional, with its priority.)
    """

    id = "WD007"
    name = "mixed-modal"
    category = Category.WORDING
    default_level = Level.WARNING
    options = (Option("skip-profiles", "list[str]", list(_PROPOSALS), SKIP_PROFILES_HELP),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        proposal = profile_name(context) in set(context.options["skip-profiles"])
        yield from mixed_modals(document, proposal)



def mixed_modals(document: Document, proposal: bool) -> Iterator[Violation]:
    """This rule's findings."""
    by_section: dict[int, list[Statement]] = defaultdict(list)
    for statement in statements(document):
        ears = bool(_EARS_START.match(statement.text))  # "WHEN x THEN the system should y": EARS, not BDD
        if statement.kind == "paragraph" or not (statement.is_requirement or ears):
            continue
        if statement.is_scenario_step and not ears:
            continue
        if (proposal and not statement.requirement_id) or is_descriptive(statement.section):
            continue
        if is_user_story(statement.text):
            continue
        by_section[id(statement.section)].append(statement)
    for group in by_section.values():
        strong = sum(1 for statement in group if _STRONG.search(statement.text))
        if strong < 2:
            continue
        for statement in group:
            if _STRONG.search(statement.text):
                continue
            hit = next(_weak_hits(statement), None)
            if hit is not None:
                yield Violation(hit.span, f"'{hit.match.group(0)}' where the other requirements here say must or "
                                          "shall: write 'must' if it is required, or mark it as optional")


def _weak_hits(statement: Statement) -> Iterator:
    for hit in search(_WEAK, statement.segments):
        modal = hit.match.group(0)
        if _QUESTION.search(hit.sentence) or in_rationale(hit.match) or _PRIORITY.search(hit.sentence):
            continue
        if _AESTHETIC.match(hit.match.string, hit.match.end()):
            continue  # "should feel lightly alive": a design feel, whose vagueness is the issue, not its modal
        if modal in _SPECULATIVE and not _SYSTEM_SUBJECT.search(hit.match.string, 0, hit.match.start()):
            continue
        yield hit
