"""EH007 permanent-delivery-failure-unhandled: email or push sent through a provider, and only its transient failures handled."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Table
from speclint.document.text import code_spans, iter_prose, mask_invisible
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.operations import (
    CALL_FAILURE,
    PROVIDERS,
    ProviderMention,
    provider_mentions_in,
    skipped_section,
    unaddressed_failures,
)
from speclint.rules.error_handling.provider_failure_unhandled import _rank
from speclint.reading.requirements import TASK_LISTS, document_kind, is_proposal, reads_like_proposal


class PermanentDeliveryFailureUnhandled(Rule):
    """Flags a spec that sends email or push notifications through a provider and handles only the failures a retry fixes.

    **What it flags.** A specification (not a proposal, a decision record, a plan or a task list)
    that sends email through a provider (SES, SendGrid, Mailgun, Postmark, "our email
    provider"...) or push notifications through one (FCM, APNs, OneSignal...), says what happens
    when a send fails (a retry, an error, a dead-letter queue: otherwise EH004 reports the
    provider), and never says what happens to the failures no retry fixes: for email, a bounce,
    a complaint, an undeliverable or suppressed address; for push, a device token that is
    invalid, expired or unregistered (the app was uninstalled); for either, a send the provider
    rejects. A push whose failed sends go out by another channel ("send error or no receipt in 2
    min | send the alert by SMS") reaches the person whatever the cause, and is not reported. One finding, at the first mention of the provider in the body (not the introduction),
    naming the other kind when both are missing.

    **Why it matters.** A retry policy handles an outage; it resends a bounce and a dead token
    forever. Providers act on what the sender ignores: SES pauses an account whose bounce or
    complaint rate climbs, and FCM and APNs answer a stale token with an error on every send
    until the token is deleted. The spec is where the team decides to suppress the address, mark
    the user unreachable, or drop the token.

    **Example**

    ```markdown
    ## Delivery
    Receipts are emailed through SendGrid. A send that fails with a provider error is retried
    three times with backoff.
    ```

    **Use instead**

    ```markdown
    ## Delivery
    Receipts are emailed through SendGrid. A send that fails with a provider error is retried
    three times with backoff. A hard bounce or a spam complaint puts the address on the
    suppression list, and the account page asks the user to confirm another address.
    ```
    """

    id = "EH007"
    name = "permanent-delivery-failure-unhandled"
    category = Category.ERROR_HANDLING
    default_level = Level.WARNING
    # Default: no finding on the corpus (bench/verdicts/round9-recall-failure4.tsv): no corpus spec
    # sends email or push through a provider and handles only its retries.
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        kind_of_document = document_kind(document, context)
        if kind_of_document in TASK_LISTS or kind_of_document == "adr" or is_proposal(document, context) \
                or reads_like_proposal(document):
            return
        mentions = _used_providers(document)
        kinds = {kind for kind, _brand, _span in mentions}
        if not kinds:
            return
        # A provider whose failure is never addressed at all is EH004's finding.
        kinds -= unaddressed_failures(document, frozenset(kinds))
        pieces = ["\n".join(segment.text for segment in piece.segments)
                  for piece in iter_prose(document) if not skipped_section(piece.section)]  # not "Rejected: ..." options
        text = "\n".join(map(mask_invisible, pieces))
        # a provider's status in inline code names the failure too: "| APNs `410 Unregistered` | ... |"
        code = "\n".join(span for piece in pieces for span in code_spans(piece))
        missing = [kind for kind in ("email", "push notification") if kind in kinds
                   and not _PERMANENT[kind].search(text) and not _PERMANENT[kind].search(code)
                   and not _REJECTED_SEND.search(text)
                   and not (kind == "push notification" and _failed_push_goes_another_way(document))]
        if not missing:
            return
        kind, brand, span = min((mention for mention in mentions if mention[0] in missing),
                                key=lambda mention: (_rank(document, mention[2]), not _is_brand(mention),
                                                     mention[2].start.line, mention[2].start.column))
        what = {"email": "bounces and complaints", "push notification": "invalid or expired device tokens"}
        also = f" (nor {what[missing[1]]} of its push sends)" if len(missing) > 1 else ""
        yield Violation(span, f"{brand} ({kind}) is called, and the document says what happens when a send fails but "
                              f"not what happens to {what[kind]}{also}, which no retry fixes: suppress the address, "
                              "mark the user unreachable or delete the token")


def _is_brand(mention: ProviderMention) -> bool:
    """Named by brand ("Amazon SES"), not by what it is ("three email providers" in the context)."""
    return any(kind == mention[0] and pattern.fullmatch(mention[1]) for kind, pattern in PROVIDERS)


def _used_providers(document: Document) -> list[ProviderMention]:
    """Email and push providers the document calls, outside non-goals, background, alternatives
    and test sections."""
    return provider_mentions_in(document, ("email", "push notification"), body_only=True)


#: A send the provider rejects, the failure no retry fixes whatever it is called: "if the push
#: provider rejects a notification", "a rejected email" (not "approve/reject" buttons).
_REJECTED_SEND = lazy_compile(
    r"\b(?:providers?|gateways?|services?|SES|SendGrid|Mailgun|Postmark|FCM|APNs|OneSignal)\s+(?:\w+\s+){0,2}?"
    r"reject(?:s|ed)?\b|\brejected\s+(?:sends?|e-?mails?|messages?|notifications?|push(?:es)?)\b|"
    r"\b(?:sends?|e-?mails?|messages?|notifications?|push(?:es)?)\s+(?:\w+\s+){0,3}?(?:is|are|gets?|get)\s+rejected\b",
    re.I)
#: A failed push delivered another way: "Send error or no delivery receipt in 2 min | Send the alert by
#: SMS", "if the push fails, the code falls back to email". Whatever made the push fail, a dead token
#: included, the person is reached.
_SENTENCE_END = lazy_compile(r"(?<=[.!?;])\s+")
_PUSH = lazy_compile(r"\b(?:push(?:es)?|FCM|APNs|Firebase\s+Cloud\s+Messaging|OneSignal)\b", re.I)
_ANOTHER_CHANNEL = lazy_compile(
    r"\b(?:fall(?:s|ing)?\s*back\s+to|(?:sen[dt]|deliver\w*|re-?sen[dt]|goes|go)\s+(?:[\w'-]+\s+){0,4}?"
    r"(?:by|via|through|as(?:\s+an?)?)|instead\s+(?:by|via))\s+(?:an?\s+)?(?:sms|e-?mail|text(?:\s+message)?|"
    r"(?:phone|voice)\s+call)\b", re.I)


def _failed_push_goes_another_way(document: Document) -> bool:
    """A sentence or table row about a push that fails sends it by another channel."""
    pieces = [sentence for piece in iter_prose(document) if piece.kind != "table-cell"
              for sentence in _SENTENCE_END.split("\n".join(segment.text for segment in piece.segments))]
    pieces += [" | ".join(cell.text for cell in row) for _section, block in document.iter_blocks()
               if isinstance(block, Table) for row in block.rows]
    return any(_PUSH.search(visible) and CALL_FAILURE.search(visible) and _ANOTHER_CHANNEL.search(visible)
               for visible in map(mask_invisible, pieces))


#: What a send that no retry fixes is written as, per kind.
_PERMANENT: dict[str, re.Pattern[str]] = {
    "email": lazy_compile(r"\b(?:bounc\w*|complain\w*|complaints?|undeliver\w*|suppress\w*|hard[- ]fail\w*|"
                          r"invalid\s+(?:e-?mail\s+)?address\w*|spam\s+reports?|marked\s+as\s+spam|blocklist\w*|"
                          r"not\s+(?:be\s+)?delivered|unreachable)\b", re.I),
    "push notification": lazy_compile(
        r"\b(?:(?:invalid|expired|stale|unregistered|revoked|outdated|dead|old)\s+(?:device\s+|push\s+|fcm\s+|apns\s+)?"
        r"tokens?|tokens?\s+(?:is|are|that\s+(?:is|are))\s+(?:no\s+longer\s+valid|invalid|expired|unregistered|revoked)|"
        r"unregistered|notregistered|baddevicetoken|uninstall\w*|410|(?:delete|remove|prune|purge|drop)\w*\s+"
        r"(?:the\s+|stale\s+|dead\s+|invalid\s+)?(?:device\s+|push\s+)?tokens?|unreachable|not\s+(?:be\s+)?delivered|"
        # the token dropped, said the other way round: "Token deleted from Redis", "the token is removed"
        r"tokens?\s+(?:(?:is|are|gets?|get)\s+)?(?:deleted|removed|pruned|purged|dropped|invalidated))\b",
        re.I),
}
