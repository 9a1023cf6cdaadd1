"""RK009 money-without-safeguards: a spec that moves money and never says it happens once, whole, and reversibly."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.reading.concerns import (
    MONEY_MOVEMENT,
    MONEY_SAFEGUARDS,
    STORED_VALUE,
    ProseIndex,
    document_segments,
    phrase_pattern,
    quote,
    section_at,
)
from speclint.reading.requirements import is_proposal, not_in_scope, reads_like_proposal


class MoneyWithoutSafeguards(Rule):
    """Flags a spec that moves money (payments, refunds, top-ups, wallets, payouts) and says nothing about duplicates, atomicity or reversal.

    **What it flags.** A document that describes moving money (taking a payment, charging a card,
    a refund, a payout, a wallet balance or top-up, store credit; option `money`) at least twice
    outside its non-goals and alternatives, and never names a safeguard (option `safeguards`):
    idempotency or duplicates ("a retried request never charges twice"), atomicity ("in one
    database transaction", "all or nothing"), or reversal ("reversed", "compensating entry",
    "rolled back", "reconciled against the ledger"). One finding, at the first mention, with the
    count of the others. Proposals and decision records are skipped.

    **Why it matters.** Money moved twice, moved halfway, or impossible to move back is the most
    expensive bug a product can ship: a double charge is a support ticket, a chargeback and a
    lost customer. The retry that causes it is written by someone who was never told.

    **Example**

    ```markdown
    ## Wallet
    Customers top up their wallet with a card and spend the balance at checkout.
    ```

    **Use instead**

    ```markdown
    ## Wallet
    Customers top up their wallet with a card and spend the balance at checkout. Each top-up
    carries an idempotency key, so a retried request never credits twice; the card charge and
    the balance update commit in one transaction, and a failed charge reverses the credit.
    ```
    """

    id = "RK009"
    name = "money-without-safeguards"
    category = Category.RISK
    default_level = Level.WARNING
    group = Group.PREVIEW
    options = (
        Option("money", "list[str]", list(MONEY_MOVEMENT + STORED_VALUE),
               "Phrases of a feature that moves money ('*' ends a word, 're:' starts a regex)."),
        Option("safeguards", "list[str]", list(MONEY_SAFEGUARDS),
               "Phrases that say money moves once, whole, or reversibly."),
        Option("min-mentions", "int", 2, "Mentions of moving money before the rule asks for safeguards.", minimum=1),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if is_proposal(document, context) or reads_like_proposal(document):
            return
        index = ProseIndex(document_segments(document))
        money = [found for found in index.finditer(phrase_pattern(context.options["money"]))
                 if not _out_of_scope(document, found[1].start.line) and not _negated(found[0])]
        if len(money) < context.options["min-mentions"]:
            return
        if index.first(phrase_pattern(context.options["safeguards"])) is not None:
            return
        match, span = money[0]
        others = len(money) - 1
        yield Violation(span, f"'{quote(match)}' moves money (and {others} more mention{'s' if others > 1 else ''}), "
                              "and the document never says how a duplicate, a partial failure or a reversal is "
                              "handled: state idempotency, atomicity and how the movement is reversed")


def _out_of_scope(document: Document, line: int) -> bool:
    section = section_at(document, line)
    return section.heading is not None and not_in_scope(section)


def _negated(match) -> bool:  # type: ignore[no-untyped-def]
    from speclint.reading.concerns import _negated as negated

    return negated(match)
