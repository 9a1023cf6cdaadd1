"""WD005 weak-modal: "should", "may", "might" in a requirement statement."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.model import Document
from speclint.normative import normative_statements, search_statement
from speclint.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.wording import WEAK_MODALS, compile_terms, terms

_RFC2119 = re.compile(r"\b(?:RFC\s?2119|RFC\s?8174|BCP\s?14)\b", re.I)
# "Users may export", "Admins can": a permission granted to a person, not a hedge on the system.
_ACTOR_BEFORE = re.compile(
    r"\b(?:users?|customers?|admins?|administrators?|operators?|members?|visitors?|buyers?|sellers?|"
    r"owners?|people|viewers?|editors?|authors?|reviewers?|you|they|anyone|someone)\s+(?:\w+\s+)?$",
    re.I,
)
_PERMISSIVE = frozenset({"may", "could", "can"})


class WeakModal(Rule):
    """Flags weak modals ("should", "may", "might", "could") in requirement statements.

    **What it flags.** A modal verb that leaves a requirement optional, in a requirement
    statement: an item of a requirements or acceptance-criteria list, or a statement with a
    requirement ID. ISO/IEC/IEEE 29148 5.2.4 reserves "shall" (or "must") for requirements:
    "should" states a goal and "may" an option; NASA ARM counts "may" among its *options*
    indicators. Not flagged: Given/When/Then steps ("Then the user should see ..." is BDD idiom),
    upper-case SHOULD/MAY in a document that cites RFC 2119, RFC 8174 or BCP 14 (they are defined
    keywords there), and a permission given to a person ("Admins may export the audit log").

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

    **Options.** `modals` is the list of weak modals (add "can" or "will" for stricter teams).
    """

    id = "WD005"
    name = "weak-modal"
    category = Category.WORDING
    default_level = Level.WARNING
    options = (Option("modals", "list[str]", terms(WEAK_MODALS), "Modal verbs that weaken a requirement."),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        pattern = compile_terms(tuple(context.options["modals"]))
        if pattern is None:
            return
        keywords_defined = bool(_RFC2119.search(document.source))
        for statement in normative_statements(document):
            if not statement.is_requirement or statement.is_scenario_step:
                continue
            for hit in search_statement(pattern, statement):
                modal = hit.match.group(0)
                if keywords_defined and modal.isupper():
                    continue
                if modal.lower() in _PERMISSIVE and _ACTOR_BEFORE.search(hit.match.string, 0, hit.match.start()):
                    continue
                yield Violation(
                    hit.span,
                    f"weak modal '{modal}' in a requirement: write 'must' if it is required, or mark it as optional",
                )
