"""RK009 money-without-safeguards: a spec that moves money and never says it happens once, whole, and reversibly."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Section, Span
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import (
    CARD_DATA,
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
        Option("money", "list[str]", [phrase for phrase in MONEY_MOVEMENT + STORED_VALUE if phrase not in CARD_DATA],
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
        money_parts = {id(_part(document, found[1].start.line)) for found in money}
        for safeguard, where in index.finditer(phrase_pattern(context.options["safeguards"])):
            nearby = safeguard.string[max(0, safeguard.start() - 120): safeguard.end() + 120]
            if id(_part(document, where.start.line)) in money_parts or _MONEY_WORDS.search(nearby):
                return
        # Point at the first mention where the behaviour is specified: not a heading, not the summary.
        match, span = min(money, key=lambda found: (_in_heading(document, found[1]),
                                                    _in_introduction(document, found[1]), found[1].start.line))
        others = len(money) - 1
        yield Violation(span, f"'{quote(match)}' moves money (and {others} more mention{'s' if others > 1 else ''}), "
                              "and the document never says how a duplicate, a partial failure or a reversal is "
                              "handled: state idempotency, atomicity and how the movement is reversed")


#: Words of money near a safeguard: "duplicate" next to "charge" is about money, "duplicate headings" is not.
_MONEY_WORDS = lazy_compile(r"\b(?:pay\w*|charg\w*|refund\w*|top[- ]?ups?|balances?|credit\w*|debit\w*|transactions?|"
                          r"transfers?|payouts?|wallets?|funds|money|amounts?|billing|invoices?|orders?|purchases?)\b",
                          re.I)


def _part(document: Document, line: int) -> Section:
    """The top-level part (a section below the title) holding `line`: where a safeguard of the
    money moved there would be written."""
    section = section_at(document, line)
    while section.parent is not None and section.parent.heading is not None and section.parent.level >= 2:
        section = section.parent
    return section


def _in_heading(document: Document, span: Span) -> bool:
    section = section_at(document, span.start.line)
    return section.heading is not None and section.heading.span.start.line == span.start.line


def _in_introduction(document: Document, span: Span) -> bool:
    from speclint.document.headings import title_matches
    from speclint.reading.operations import INTRO_SECTIONS

    section = section_at(document, span.start.line)
    return any(each.heading is not None and title_matches(each.title, INTRO_SECTIONS)
               for each in (section, *section.ancestors()))


def _out_of_scope(document: Document, line: int) -> bool:
    section = section_at(document, line)
    return section.heading is not None and not_in_scope(section)


def _negated(match) -> bool:  # type: ignore[no-untyped-def]
    from speclint.reading.concerns import _negated as negated

    return negated(match)
