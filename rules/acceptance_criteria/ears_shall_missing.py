"""AC007 ears-shall-missing: an EARS criterion without the SHALL that every other criterion of its requirement has."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, ListItem
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading import languages
from speclint.reading.commitments import commitments
from speclint.reading.requirements import EARS_KEYWORD, SHALL, Criterion, is_ears_document

# SHALL in German, Spanish and French Kiro criteria ("DANN SOLL", "ENTONCES DEBERÁ", "ALORS DOIT").
SHALL_OR_SHALL_NOT = lazy_compile(r"\bSHALL(?:\s+NOT)?\b|(?-i:\b(?:" + "|".join(languages.EARS_SHALL)
                                  + r")(?:\s+(?:NICHT|NO|PAS))?\b)", re.I)
OTHER_MODAL = lazy_compile(r"\b(?:MUST|SHOULD|WILL|MAY|CAN)\b")


def criteria_without_their_shall(document: Document, context: RuleContext) -> Iterator[Criterion]:
    """Criteria of an EARS requirement that lost the SHALL every sibling has: an EARS clause ("WHEN the
    writer reopens the document THEN the latest draft is loaded") or a plain outcome ("The payout
    amount is shown in the courier app") among at least two criteria that each carry a SHALL."""
    if not is_ears_document(document, context):
        return
    for requirement in commitments(document, context).requirements:
        items = [c for c in requirement.criteria if c.form in ("item", "ears") and isinstance(c.block, ListItem)]
        without = [c for c in items if not SHALL_OR_SHALL_NOT.search(mask_invisible(c.text))]
        if len(without) != 1 or len(items) - len(without) < 2:
            continue  # a list that mostly lacks SHALL is written in another style: AC005's business
        criterion = without[0]
        visible = " ".join(mask_invisible(criterion.text).split())
        if introduces_obligations(criterion) or not_a_criterion_to_rewrite(criterion, visible):
            continue
        if _NOT_AN_OUTCOME.search(visible) or visible.rstrip().endswith(":"):
            continue
        if EARS_KEYWORD.match(visible) or _PLAIN_OUTCOME.match(visible):
            yield criterion


#: "The payout amount is shown in the app", "Each export is stored for 30 days", "The Scheduler
#: sends a receipt": an outcome stated as a fact, where its siblings say SHALL.
_PLAIN_OUTCOME = lazy_compile(
    r"^\W{0,4}(?:the|a|an|each|every|all|its|their)\s+[^.;:]{1,80}?\s+(?:is|are|gets?|becomes?|remains?|stays?)\s+"
    r"(?:not\s+)?(?:\w+ed|shown|sent|kept|paid|set|written|given|taken|hidden|held|read|built|made|visible|available)\b"
    r"|^\W{0,4}the\s+(?:system|app|application|service|server|api|platform|backend|frontend|client|ui|\w+_\w+)\s+"
    r"(?!is\b|are\b|has\b|was\b)\w+s\b",
    re.I,
)
#: Cross-references, rationale and notes among criteria: "... are Requirement 15.9", "Because ...".
_NOT_AN_OUTCOME = lazy_compile(r"\brequirements?\s+\d|^\W*(?:because|since|note|e\.g\.|i\.e\.|see)\b", re.I)


#: Items among the criteria that are not criteria to rewrite as EARS: a definition ("A node is
#: **live** when ..."), a scope note ("This requirement does not apply to ..."), a test step
#: ("Run with `--provider=codex` and verify ...").
_DEFINITION = lazy_compile(r"^\W*(?:an?|the)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:is|are)\s+\W*[\w-]+\W*\s+(?:when|if|once)\b", re.I)
_SCOPE_NOTE = lazy_compile(r"^\W*(?:this|these)\s+(?:requirements?|criteri(?:a|on))\b|^\W*(?:note|nb)\b", re.I)
_TEST_STEP = lazy_compile(r"^\W*(?:run|create|add|verify|check|test|open|start|stop|click|navigate|confirm|ensure)\b", re.I)
#: MAY grants a latitude on purpose ("... MAY be included as backlog items").
_STATED_MODAL = lazy_compile(r"\bMAY\b")


def not_a_criterion_to_rewrite(criterion: Criterion, visible: str) -> bool:
    text = visible.strip()
    if sum(1 for char in text if ord(char) > 0x2E7F) > len(text) / 4:
        return True  # written in Japanese or Chinese ("...すること"): EARS in that language
    return bool(_DEFINITION.match(text) or _SCOPE_NOTE.match(text) or _TEST_STEP.match(text)
                or _STATED_MODAL.search(text))


def introduces_obligations(criterion: Criterion) -> bool:
    """An item like "The following fields:" whose nested items carry the SHALLs."""
    item = criterion.block
    if not isinstance(item, ListItem):
        return False
    return any(SHALL.search(sub_item.text) for sub in item.sublists for sub_item in sub.items)


class EarsShallMissing(Rule):
    """Flags, in an EARS requirement whose criteria say SHALL, the one criterion that does not.

    **What it flags.** In an EARS document (Kiro's `requirements.md`, the `ears` profile), a
    numbered acceptance criterion with no SHALL when at least two other criteria of the same
    requirement carry one, and the criterion states an outcome: an EARS clause that lost its SHALL
    ("WHEN the writer reopens the document THEN the latest draft is loaded") or a plain statement
    ("The payout amount is shown in the courier app"). Definitions, scope notes, test steps,
    cross-references ("see Requirement 4") and items that introduce a nested list are not flagged;
    neither is a requirement whose criteria mostly go without SHALL (AC005, in preview, judges the
    EARS form of whole lists).

    **Why it matters.** In an EARS list the SHALL is what makes a line an obligation. The one line
    without it reads as a remark: it is dropped from the test plan, or argued about after release.

    **Example**

    ```markdown
    #### Acceptance Criteria
    1. WHEN a payout runs THE Scheduler SHALL send the unpaid earnings to the courier's IBAN.
    2. WHEN the bank accepts a transfer THE Scheduler SHALL mark the earnings as paid.
    3. The payout amount is shown in the courier app.
    ```

    **Use instead**

    ```markdown
    3. WHEN a payout is sent THE Scheduler SHALL show its amount in the courier app.
    ```
    """

    id = "AC007"
    name = "ears-shall-missing"
    category = Category.ACCEPTANCE_CRITERIA
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        for criterion in criteria_without_their_shall(document, context):
            other = OTHER_MODAL.search(mask_invisible(criterion.text))
            hint = f" (it says {other.group(0)})" if other else ""
            yield Violation(criterion.span, f"criterion has no SHALL{hint} while the other criteria of this requirement "
                                            "do: write it as one obligation, e.g. 'WHEN <trigger>, THE <system> SHALL "
                                            "<response>'")
