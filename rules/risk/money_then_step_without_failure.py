"""RK016 money-then-step-without-failure-handling: money is taken, then a separate step follows, and nothing says
what happens to the money when that step fails."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Paragraph, Position, Span
from speclint.document.text import iter_prose
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.requirements import PLATFORM_PROPOSALS, document_kind, not_in_scope

#: Money taken from someone: a card charged, a balance debited, a payment captured (English, German,
#: Spanish, French).
_TAKES = lazy_compile(
    r"\b(?:charg(?:e|es|ed|ing)|debit(?:s|ed|ing)?|captur(?:e|es|ed|ing)|bill(?:s|ed)?|"
    r"belaste[nt]?|abbuch\w*|bucht\s+\w+\s+ab|cobr(?:a|an|ar|amos|ará)|carg(?:a|an|ar|amos)|débit(?:e|ons|er)|"
    r"prél[eè]v\w*)\b",
    re.I,
)
_MONEY = lazy_compile(r"\b(?:cards?|balances?|wallets?|accounts?|amount|fare|price|fee|payment|Karte|Konto|Guthaben|"
                      r"Betrag|tarjeta|saldo|cuenta|importe|carte|compte|solde|montant)\b|[$€£¥]\s?\d", re.I)
#: The next step, written as a sequence: "then updates the subscription", "and then issue the ticket".
_THEN_STEP = lazy_compile(
    r"\b(?:(?:and\s+)?then|after(?:wards|\s+that)|once\s+(?:it|the\s+\w+)\s+(?:succeeds|is\s+confirmed)|"
    r"danach|anschließend|dann|y\s+(?:luego|después)|luego|después|puis|ensuite|et\s+(?:puis|ensuite))\s+"
    r"(?:\w+\s+){0,3}?(?:updat(?:e|es|ing)|writ(?:e|es|ing)|creat(?:e|es|ing)|issu(?:e|es|ing)|record(?:s|ing)?|"
    r"mark(?:s|ing)?|activat(?:e|es|ing)|provision(?:s|ing)?|book(?:s|ing)?|sav(?:e|es|ing)|stor(?:e|es|ing)|"
    r"switch(?:es|ing)?|ship(?:s|ping)?|reserv(?:e|es|ing)|aktualisier\w*|schreib\w*|erstell\w*|stell\w*\s+aus|"
    r"actualiz\w*|escrib\w*|cre(?:a|an|ar)|emit\w*|reserv\w*|met(?:s|tre)\s+à\s+jour|écri\w*|cré\w*|émet\w*)\b|"
    # German puts the adverb after the verb: "und aktualisiert danach das Abonnement"
    r"\b(?:aktualisiert|schreibt|erstellt|bucht|stellt\s+\w+\s+aus|legt\s+\w+\s+an)\s+(?:danach|anschließend|dann)\b",
    re.I,
)
#: What the document says of the later step failing, or of the two steps as one: a transaction, a
#: rollback, a compensating refund or void, "if ticketing fails".
_HANDLED = lazy_compile(
    r"\b(?:transaction\w*|transaktion\w*|transacci[oó]n\w*|atomic\w*|atomar\w*|atómic\w*|roll(?:s|ed|ing)?\s*back|"
    r"rollback|compensat\w*|kompensier\w*|saga|outbox|two-phase|all[- ]or[- ]nothing|together\s+or\s+not\s+at\s+all|"
    r"void(?:s|ed|ing)?\s+the|revers(?:e|es|ed|ing)\s+the\s+(?:charge|payment|debit)|"
    r"refund(?:s|ed|ing)?\s+(?:the\s+|that\s+|this\s+)?(?:charge|payment|amount|difference|debit)|"
    r"(?:charge|payment|debit)\s+(?:is|are|gets|will\s+be)\s+(?:\w+\s+)?(?:refunded|reversed|voided|released)|"
    r"(?:update|write|step|ticket\w*|issu\w*|book\w*|provision\w*|record|save|activation|creation)\s+"
    r"(?:\w+\s+){0,2}?(?:fails?|failed|errors?|times?\s+out))\b",
    re.I,
)
_SENTENCE = lazy_compile(r"[^.!?]+(?:[.!?]+|$)")
_SHOWN = lazy_compile(r"\b(?:shows?|displays?|lists?|exports?|reports?|explains?)\b", re.I)


class MoneyThenStepWithoutFailureHandling(Rule):
    """Flags money taken and then a separate step (the record updated, the ticket issued), when nothing says what happens to the money if that step fails.

    **What it flags.** A sentence that takes money (a card charged, a balance debited, a payment
    captured, with a card, a balance or an amount named) and then, as a step of its own, writes or
    issues something ("charges it to the card on file, then updates the subscription record and
    writes the invoice line", "we charge their card and then issue the ticket"), in a document that
    says nowhere what happens when the later step fails: no transaction or atomic step, no rollback
    or compensation, no void, reversal or refund of the charge, no "if ticketing fails". German,
    Spanish and French sequences count ("belastet die Karte und aktualisiert danach", "cobra la
    tarjeta y luego crea"). Non-goals, alternatives and background are not read. One finding, at the
    first such sentence.

    Language and platform proposals (Rust RFCs, Go designs, OTEPs, OpenShift enhancements, Gateway
    API GEPs, Cluster API proposals) are not read: no money moves in them.

    **Why it matters.** The charge succeeds and the write after it fails: the customer paid for a
    plan they do not have, or a ticket nobody issued. Support finds out from the customer. Naming the
    two steps is where a design decides whether they commit together or how the first is undone.

    **Example**

    ```markdown
    2. The billing service charges the difference to the card on file, then updates the subscription
       record to the new plan and writes the invoice line.
    ```

    **Use instead**

    ```markdown
    2. The billing service charges the difference to the card on file, then updates the subscription
       record and writes the invoice line in one transaction; if that fails, it refunds the charge.
    ```
    """

    id = "RK016"
    name = "money-then-step-without-failure-handling"
    category = Category.RISK
    default_level = Level.WARNING
    # Default: no corpus finding, none on the clean documents of eval, eval2, eval3, cleanset and cleanset2,
    # no false alarm on the variant banks' traps (bench/recall-notes/apimoney10.md).
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        # Language and platform proposals move no money (RK009 and RK013 skip proposals too); reading
        # every Rust RFC for money words cost a tenth of that folder's time (issue 15).
        if document_kind(document, context) in PLATFORM_PROPOSALS:
            return
        if not _TAKES.search(document.source) or not _THEN_STEP.search(document.source):
            return
        if _HANDLED.search(document.source):
            return
        for piece in iter_prose(document):
            if piece.kind == "heading" or not isinstance(piece.block, Paragraph) \
                    or (piece.section.heading is not None and not_in_scope(piece.section)):
                continue
            text = "\n".join(segment.text for segment in piece.segments)
            for sentence in _SENTENCE.finditer(text):
                body = sentence.group(0)
                if _SHOWN.search(body):
                    continue
                for take in _TAKES.finditer(body):
                    step = _THEN_STEP.search(body, take.end())
                    if step is None or not _MONEY.search(body):
                        continue
                    yield Violation(_span(piece.segments, sentence.start() + take.start(),
                                          sentence.start() + take.end()),
                                    f"'{take.group(0)}' takes money and a separate step follows ('{' '.join(step.group(0).split())}'), "
                                    "and nothing says what happens to the money when that step fails: make them "
                                    "one transaction, or say how the charge is refunded or voided")
                    return


def _span(segments, start: int, end: int) -> Span:  # type: ignore[no-untyped-def]
    offset = 0
    for segment in segments:
        if start <= offset + len(segment.text):
            column = segment.column + (start - offset)
            return Span(Position(segment.line, column), Position(segment.line, column + (end - start)))
        offset += len(segment.text) + 1
    last = segments[-1]
    return Span(Position(last.line, last.column), Position(last.line, last.column + 1))
