"""EH004 provider-failure-unhandled: a named third-party provider is called and its failure is never addressed."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.reading.operations import unhandled_providers
from speclint.reading.requirements import is_proposal, reads_like_proposal


class ProviderFailureUnhandled(Rule):
    """Flags a document that calls a named provider (Stripe, Twilio, SES, APNs, S3, SFTP...) and never says what happens when it fails.

    **What it flags.** A document that names a third-party provider it relies on (a payment
    processor, an SMS, email or push provider, object storage, an SFTP or FTP transfer) and says
    nothing about that provider failing: no failure section or error table, no sentence, item or
    cell that names the provider or what it is called for (the charge, the SMS, the upload)
    together with an error, timeout, retry, decline, bounce or dead-letter, and no word on failure
    in the section where it is called. A provider that is compared, rejected or replaced ("instead
    of Stripe", "Twilio was rejected") or named in non-goals or alternatives is not called. One
    finding per document, at the first mention, naming the other providers and lines. Proposals
    and decision records (KEPs, Rust RFCs, ADRs, Go design documents, OTEPs) are skipped.

    **Why it matters.** Every provider call fails sometimes: a declined card, a Twilio outage, an
    email that bounces, an S3 timeout. The spec is where the team agrees whether to retry, queue,
    tell the user or give up; left out, each engineer decides alone.

    **Example**

    ```markdown
    ## Checkout
    The customer pays with Stripe and gets a receipt from SendGrid.
    ```

    **Use instead**

    ```markdown
    ## Checkout
    The customer pays with Stripe and gets a receipt from SendGrid.

    If Stripe declines the card, the order stays in the cart with the decline reason shown. A
    receipt that bounces is logged and shown on the order page instead.
    ```
    """

    id = "EH004"
    name = "provider-failure-unhandled"
    category = Category.ERROR_HANDLING
    default_level = Level.WARNING
    # Default: no finding on the corpus's specifications (none names a provider it leaves unhandled);
    # the findings of its first draft, on proposals, are judged in bench/verdicts/round5-recall-failure.tsv.
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if is_proposal(document, context) or reads_like_proposal(document):
            return
        mentions = unhandled_providers(document)
        if not mentions:
            return
        kind, brand, span = mentions[0]
        others: dict[str, int] = {}
        for other_kind, other_brand, other_span in mentions[1:]:
            if other_brand != brand and other_brand not in others:
                others[other_brand] = other_span.start.line
        also = ""
        if others:
            named = ", ".join(f"{name} (line {line})" for name, line in list(others.items())[:4])
            also = f"; nor for {named}"
        yield Violation(span, f"{brand} ({kind}) is called, and the document never says what happens when the call "
                              f"fails{also}: say what happens on errors, timeouts, retries, declines or bounces")
