"""EH003 ears-unwanted-behavior: an event-driven EARS requirement with no IF ... THEN counterpart."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.commitments import commitments
from speclint.reading.operations import CALL_FAILURE, addresses_failure, duty_of, first_operation, unhandled_providers
from speclint.reading import languages
from speclint.reading.requirements import EARS_KEYWORD, Criterion, is_ears_document, plain


class EarsUnwantedBehavior(Rule):
    """Flags an EARS requirement whose WHEN criteria trigger an operation that can fail, with no IF ... THEN criterion.

    **What it flags.** In an EARS document, a requirement (a `### Requirement N` section, or any
    section's acceptance criteria) with event-driven criteria (`WHEN <trigger>, THE <system> SHALL
    <response>`) that start or depend on an operation that can fail (a call to another service, a
    payment, an upload, parsing input, a sync, sending a message), and no unwanted-behaviour
    criterion (`IF <condition>, THEN THE <system> SHALL <response>`) about something going wrong
    with it, nor any other statement of failure (error, retry, timeout, rejection...) in the
    requirement. An IF whose condition is the operation still unfinished after a deadline ("IF a
    transfer is still pending after 48 hours") is its failure path; payments a criterion only lists
    or shows ("list the customer's top-ups") are no operation.
    A precondition ("IF the user is not signed in, THEN ... show the sign-in page")
    and a validation ("SHALL validate the period") are not failure paths of the call. The finding
    points at the first such WHEN criterion. A criterion that calls a named provider (Stripe,
    SendGrid, S3, the Payment_Gateway...) whose failure the document never addresses is reported
    once for the document by EH004.

    **Why it matters.** EARS has a pattern for unwanted behaviour because event-driven requirements
    tend to describe only the success. Every WHEN that calls out of the process has an IF: the
    service is down, the file is malformed, the card is declined.

    **Example**

    ```markdown
    ### Requirement 2: Card payment
    #### Acceptance Criteria
    1. WHEN the customer confirms the order, THE checkout service SHALL charge the saved card.
    ```

    **Use instead**

    ```markdown
    ### Requirement 2: Card payment
    #### Acceptance Criteria
    1. WHEN the customer confirms the order, THE checkout service SHALL charge the saved card.
    2. IF the card is declined, THEN THE checkout service SHALL keep the order unpaid and show the decline reason.
    ```
    """

    id = "EH003"
    name = "ears-unwanted-behavior"
    category = Category.ERROR_HANDLING
    default_level = Level.INFO
    options = (
        Option("only-fallible", "bool", True,
               "Only ask for IF ... THEN where a WHEN criterion involves an operation that can fail."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not is_ears_document(document, context):
            return
        only_fallible = context.options["only-fallible"]
        # A provider call whose failure the document never addresses is EH004's one finding.
        provider_lines = {span.start.line for _kind, _brand, span in unhandled_providers(document)}
        picture = commitments(document, context)
        for requirement in picture.requirements:
            if requirement.form != "section" or not requirement.criteria:
                continue
            keywords = [(_keyword(c.text), c) for c in requirement.criteria]
            if any(keyword == "IF" and _unwanted(c.text, requirement.criteria) for keyword, c in keywords):
                continue
            # "SHALL validate the form" is no failure path of the call: only a failure of it counts.
            if any(CALL_FAILURE.search(mask_invisible(c.text)) for c in requirement.criteria):
                continue
            for keyword, criterion in keywords:
                if keyword != "WHEN":
                    continue
                found = first_operation(criterion.segments)
                if only_fallible and found is None:
                    continue
                if any(criterion.span.start.line <= line <= criterion.span.end.line for line in provider_lines):
                    break
                what = f" ('{found[1]}' can fail)" if found else ""
                yield Violation(criterion.span, f"event-driven requirement {requirement.label}{what} has no IF ... "
                                                "THEN criterion: add what the system SHALL do when it goes wrong")
                break


def _unwanted(text: str, criteria: list[Criterion]) -> bool:
    """An IF ... THEN about something going wrong with the requirement's operations ("IF the card
    is declined"), not a precondition ("IF the user is not signed in, THEN ... redirect")."""
    visible = mask_invisible(text)
    if addresses_failure(visible) or CALL_FAILURE.search(visible) or _STUCK_PAST_A_DEADLINE.search(visible):
        return True
    kinds = {found[0] for criterion in criteria if (found := first_operation(criterion.segments)) is not None}
    return any(duty_of(kind).search(visible) for kind in kinds if kind != "user input")


#: An operation that has not finished by a deadline, the timeout written as a state: "IF a transfer is
#: still pending after 48 hours", "IF the export remains queued for more than 2 hours".
_STUCK_PAST_A_DEADLINE = lazy_compile(
    r"\b(?:still|remains?|stays?)\s+(?:pending|processing|queued|in\s+progress|unconfirmed|unsettled|incomplete|"
    r"running|waiting)\b[^.;]{0,30}?\b(?:after|for\s+(?:more\s+than|over|longer\s+than))\s+\d", re.I)


def _keyword(text: str) -> str:
    match = EARS_KEYWORD.match(plain(text))
    return languages.EARS_KEYWORDS.get(match.group(1), match.group(1).upper()) if match else ""
