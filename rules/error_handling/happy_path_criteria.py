"""EH005 happy-path-criteria: acceptance criteria that test only the success of an operation that can fail."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document, Span, TextSegment
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.reading.commitments import commitments
from speclint.reading.operations import (
    CALL_FAILURE,
    FAILURE_HANDLING,
    describe_operation,
    first_operation,
    provider_mentions,
    unaddressed_failures,
    unhandled_providers,
)
from speclint.rules.error_handling.operation_failure_unaddressed import operation_failures
from speclint.reading.requirements import Requirement, is_ears_document, is_proposal, specifies_behaviour


class HappyPathCriteria(Rule):
    """Flags a user story or requirement whose acceptance criteria test only the success of an operation that can fail.

    **What it flags.** A requirement or user story with acceptance criteria (a list under
    "Acceptance criteria", Given/When/Then scenarios, a criteria table) whose story or criteria
    involve an operation that can fail (a payment, sending an email or SMS, an upload, an import,
    a sync, a call to another service or a named provider) when no criterion says what happens
    if it fails (no error, decline, timeout, retry, rejection...) and the document does not say
    it anywhere else either (a failure-modes section, an error table, an edge case or a sentence
    about that operation failing). The finding points at the operation in the criteria, or at the
    first criterion. EARS documents are EH003's (IF ... THEN); a named provider whose failure the
    document never addresses is EH004's one finding. Proposals and decision records are skipped.

    **Why it matters.** Criteria are what the tester checks and what the developer builds to.
    Criteria that only say "the user sees the confirmation" pass a build that shows a blank page
    when the card is declined.

    **Example**

    ```markdown
    ### Story 1: Buy a gift card
    As a shopper, I want to pay for a gift card with my credit card.

    **Acceptance criteria**
    - The user sees the confirmation page with the gift card code.
    ```

    **Use instead**

    ```markdown
    ### Story 1: Buy a gift card
    As a shopper, I want to pay for a gift card with my credit card.

    **Acceptance criteria**
    - The user sees the confirmation page with the gift card code.
    - If the card is declined, the user sees the issuer's reason and no gift card is created.
    ```
    """

    id = "EH005"
    name = "happy-path-criteria"
    category = Category.ERROR_HANDLING
    default_level = Level.INFO
    group = Group.PREVIEW

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if is_proposal(document, context) or is_ears_document(document, context) \
                or not specifies_behaviour(document, context):
            return
        provider_lines = {span.start.line for _kind, _brand, span in unhandled_providers(document)}
        # EH006 reports a kind of operation the whole document leaves unhandled once, naming its lines.
        reported = {line for _violation, lines in operation_failures(document, context) for line in lines}
        for requirement in commitments(document, context).requirements:
            criteria = [criterion for criterion in requirement.criteria if criterion.explicit]
            if not criteria or any(FAILURE_HANDLING.search(mask_invisible(c.text))
                                   or CALL_FAILURE.search(mask_invisible(c.text)) for c in criteria):
                continue
            found = _operation(requirement, [segment for c in criteria for segment in c.segments])
            if found is None:
                continue
            kind, words, span, in_criteria = found
            if span.start.line in provider_lines | reported or kind not in unaddressed_failures(document, frozenset({kind})):
                continue  # EH004 reports the provider, or the document says elsewhere what happens
            where = span if in_criteria else criteria[0].span
            yield Violation(where, f"the acceptance criteria of {requirement.label} test only the success of "
                                   f"{describe_operation(kind, words)}: add a criterion for when it fails "
                                   "(declined, rejected, timed out, not delivered)")


def _operation(requirement: Requirement,
               criteria: list[TextSegment]) -> tuple[str, str, Span, bool] | None:
    """The operation that can fail named in the criteria (preferred) or in the story itself:
    (kind, words, span, named in the criteria)."""
    for segments, in_criteria in ((criteria, True), (requirement.segments, False)):
        found = first_operation(segments)
        if found is not None and found[0] != "user input":  # form validation is not a call that fails
            return (*found, in_criteria)
        provider = next(iter(provider_mentions(segments)), None)
        if provider is not None:
            return (provider[0], provider[1], provider[2], in_criteria)
    return None
