"""AC007 ears-shall-missing: an EARS criterion without the SHALL that every other criterion of its requirement has."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.rules.acceptance_criteria.ears_pattern import _OTHER_MODAL, criteria_without_their_shall


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
            other = _OTHER_MODAL.search(mask_invisible(criterion.text))
            hint = f" (it says {other.group(0)})" if other else ""
            yield Violation(criterion.span, f"criterion has no SHALL{hint} while the other criteria of this requirement "
                                            "do: write it as one obligation, e.g. 'WHEN <trigger>, THE <system> SHALL "
                                            "<response>'")
