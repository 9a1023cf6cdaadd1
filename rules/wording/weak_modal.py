"""WD005 weak-modal: "should", "may", "might" in a requirement statement."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import profile_name
from speclint.reading.normative import search_statement
from speclint.reading.wording import (
    DESIGN_PROPOSAL_PROFILES,
    SKIP_PROFILES_HELP,
    WEAK_MODALS,
    compile_terms,
    contract_statements,
    in_rationale,
    terms,
    with_sources,
)

# "may", "might", "could" hedge a requirement when the system is their subject ("the service may
# retry"); with another subject they describe what can happen ("a request may carry two tokens").
_SYSTEM_SUBJECT = lazy_compile(
    r"\b(?:system|service|api|app|application|platform|server|backend|frontend|client|tool|cli|command|"
    r"product|feature|implementation|sdk|component|module|library)\s+(?:\w+\s+)?$",
    re.I,
)
_SPECULATIVE = frozenset({"may", "might", "could", "can"})
_STRONG = lazy_compile(r"\b(?:must|shall)\b", re.I)
_HAVE_AFTER = lazy_compile(r"[\s*_]*(?:-\s*)?have\b", re.I)
_LABEL_AFTER = lazy_compile(r"[\s*_]*(?::|\s[-–—]\s|$)")


class WeakModal(Rule):
    """Flags weak modals ("should", "may", "might", "could") in requirement statements.

    **What it flags.** A modal verb that leaves a requirement optional, in a requirement
    statement: an item of a requirements or acceptance-criteria list, or a statement with a
    requirement ID. ISO/IEC/IEEE 29148 5.2.4 reserves "shall" (or "must") for requirements:
    "should" states a goal and "may" an option; NASA ARM counts "may" among its *options*
    indicators. "should" is flagged wherever it stands in a requirement; "may", "might" and
    "could" only when the system is their subject ("the service may retry"), since with another
    subject they describe what can happen ("a request may carry two tokens") or grant a person a
    permission ("admins may export the audit log"). Not flagged: Given/When/Then steps ("Then the
    user should see ..." is BDD idiom), a sentence that already says must/shall (the modal then
    qualifies a detail: "MUST accept a list (may be empty)"), MoSCoW priorities ("Should have", a
    Priority cell that says "Could"), and upper-case SHOULD/MAY, which RFC 2119 defines as
    deliberate keywords (option `flag-rfc2119-keywords`).

    **Why it matters.** A requirement with "should" is read as "required" by the product manager
    and "optional" by the engineer who is out of time. Saying which it is costs one word.

    **Example**

    ```markdown
    ## Functional requirements
    - FR-003: The system should email a receipt after each payment.
    ```

    **Use instead**

    ```markdown
    ## Functional requirements
    - FR-003: The system must email a receipt within 5 minutes of each successful payment.
    ```
    """

    id = "WD005"
    name = "weak-modal"
    category = Category.WORDING
    default_level = Level.WARNING
    # Below 90% measured precision (bench/verdicts): off unless named.
    group = Group.PREVIEW
    options = (
        Option("modals", "list[str]", terms(WEAK_MODALS),
               "Modal verbs that weaken a requirement (add \"can\" or \"will\" for stricter teams)."),
        Option("flag-rfc2119-keywords", "bool", False,
               "Also flag upper-case SHOULD/MAY, which RFC 2119 defines as deliberate keywords."),
        Option("skip-profiles", "list[str]", list(DESIGN_PROPOSAL_PROFILES), SKIP_PROFILES_HELP),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        pattern = compile_terms(tuple(context.options["modals"]))
        if pattern is None:
            return
        flag_keywords = context.options["flag-rfc2119-keywords"]
        for statement in contract_statements(document, profile_name(context), context.options["skip-profiles"]):
            if not statement.is_requirement or statement.is_scenario_step:
                continue
            for hit in search_statement(pattern, statement):
                modal = hit.match.group(0)
                if modal.isupper() and not flag_keywords:
                    continue
                if in_rationale(hit.match):
                    continue  # "Rationale: teams should..." explains; it does not require
                if _is_priority_label(hit.match):
                    continue  # MoSCoW: "Should have", a Priority cell that says "Could"
                if _STRONG.search(hit.sentence):
                    continue  # the sentence already says MUST/SHALL; this modal qualifies a detail
                if modal.lower() in _SPECULATIVE and not _SYSTEM_SUBJECT.search(hit.match.string, 0, hit.match.start()):
                    continue
                yield Violation(
                    hit.span,
                    f"weak modal '{modal}' in a requirement: write 'must' if it is required, or mark it as optional",
                )


def _is_priority_label(match: re.Match[str]) -> bool:
    """A MoSCoW priority, not a hedge: "Should have", "**Could**: ...", a cell that only says "May"."""
    text = match.string
    if _HAVE_AFTER.match(text, match.end()):
        return True
    starts_statement = not text[: match.start()].strip(" \t*_[")
    return starts_statement and bool(_LABEL_AFTER.match(text, match.end()))



# The documentation lists every default term with the reference it comes from.
with_sources(WeakModal, WEAK_MODALS)
