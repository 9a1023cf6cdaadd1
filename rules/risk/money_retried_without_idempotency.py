"""RK015 money-retried-without-idempotency: one money movement that is retried, re-run or replayed, with nothing
that makes the repeat safe."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Paragraph, Position, Span, TextSegment
from speclint.document.text import iter_prose
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import quote, section_at
from speclint.reading.requirements import PLATFORM_PROPOSALS, document_kind, not_in_scope, section_text

#: A verb or noun that moves money: a refund, a payout, a charge, a credit or debit, a transfer (and
#: the same in German, Spanish and French). It counts with money named in its sentence.
_MOVES = lazy_compile(
    r"\b(?:refund(?:s|ed|ing)?|re-?credit(?:s|ed|ing)?|payouts?|pay(?:s|ing)?\s+out|paid\s+out|credit(?:s|ed|ing)?|"
    r"debit(?:s|ed|ing)?|charg(?:e|es|ed|ing)|transfer(?:s|red|ring)?|captur(?:e|es|ed|ing)|top[- ]?ups?|"
    r"disburse\w*|reimburs\w*|"
    r"erstatt\w*|rückerstatt\w*|auszahl\w*|ausgezahlt|abbuch\w*|abgebucht|gutschr\w*|gutgeschrieben|überweis\w*|"
    r"Überweisung\w*|"
    r"reembols\w*|abon(?:a|an|ar|ará|arán|ó)|cobr(?:a|an|ar|ará|ó|o)|transferencias?|transfier\w*|pag(?:a|an|ar|ará|ó)|"
    r"rembours\w*|virements?|vers(?:e|er|é|ement)|débit\w*|crédit\w*|"
    # Portuguese and Italian: "chama o estorno", "addebita su ciascun borsellino", "rimborsa", "accredita"
    r"estorn\w*|reembolsa\w*|cobran(?:ça|ca)s?|transferências?|debita\w*|credita\w*|"
    r"rimbors\w*|addebit\w*|accredit\w*|bonific\w*)\b",
    re.I,
)
#: Money named in the sentence: a card, a wallet, a balance, an amount, a currency.
_MONEY = lazy_compile(
    r"\b(?:cards?|wallets?|balances?|amounts?|money|funds|payments?|payouts?|refunds?|ibans?|bank|processor|psp|"
    r"acquirer|stripe|adyen|paypal|braintree|sepa|ach|currency|premium\s+currency|fares?|fees?|invoices?|"
    r"overcharge\w*|prices?|dollars?|euros?|cents|usd|eur|gbp|Karte|Konto|Guthaben|Betrag|Beträge|Bank|"
    r"tarjeta|cuenta|saldo|importe|banco|carte|compte|solde|montant|banque|"
    r"cartão|conta|valor|carteira|importo|conto|carta|borsellino|portafoglio|costo|quota)\b|[$€£¥]\s?\d|\d\s?(?:€|£)",
    re.I,
)
#: The movement repeated: retried, re-run, replayed, resubmitted, redelivered, tried again.
_RETRY = lazy_compile(
    r"\b(?:retr(?:y|ies|ied|ying)|re-?tr(?:y|ies|ied)|re-?run(?:s|ning)?|re-?submit\w*|re-?play(?:s|ed|ing)?|"
    r"re-?send(?:s|ing)?|re-?sent|re-?attempt\w*|re-?deliver\w*|re-?process(?:es|ed|ing)?|"
    r"tr(?:y|ies|ied)\s+again|run\s+again|on\s+(?:its|the)\s+next\s+run|"
    # the request made again: "sends the OCT again", "calls the processor again", "submits it again"
    r"(?:sends?|sent|submit(?:s|ted)?|posts?|posted|calls?|called|issues?|issued|pushe?s?|pushed|initiates?|initiated)"
    r"\s+(?:[\w-]+\s+){0,3}?again|"
    r"reintent\w*|volver(?:á|a)?\s+a\s+(?:intentar|enviar|ejecutar)|vuelve\s+a\s+(?:intentar|enviar|ejecutar)|"
    r"reenv[ií]\w*|erneut|wiederhol\w*|noch\s+einmal|réessa\w*|relanc\w*|nouvelle\s+tentative|rejou\w*|"
    # Portuguese and Italian: "tenta de novo", "tentar novamente", "nova tentativa", "riprova", "ritenta"
    r"tenta(?:r|rá)?\s+(?:de\s+novo|novamente)|nova\s+tentativa|retent\w*|riprov\w*|ritent\w*|nuovo\s+tentativo)\b",
    re.I,
)
#: The movement made by something that runs again by design: a nightly or scheduled job, or the handler
#: of an event or webhook (delivered at least once).
_REPEATS = lazy_compile(
    r"\b(?:(?:event|message|webhook|callback)\s+(?:handler|consumer|listener)s?|handler|consumer|"
    r"(?:nightly|hourly|daily|scheduled|recurring|cron|batch)\s+(?:[\w-]+\s+)?(?:jobs?|runs?|batch(?:es)?|tasks?|"
    r"process(?:es)?)|every\s+(?:night|hour|day|morning)|each\s+(?:night|morning)|"
    r"proceso\s+(?:nocturno|diario)|cada\s+noche|nächtliche\w*|jede\s+Nacht|täglich\w*\s+(?:Job|Lauf)|"
    r"chaque\s+nuit|traitement\s+(?:nocturne|quotidien)|"
    r"(?:processo|job|rotina|elaborazione|lotto)\s+(?:noturno|diário|notturn[oa]|giornalier[oa])|"
    r"(?:[\d]+x|uma\s+vez)\s+por\s+dia|todas\s+as\s+noites|ogni\s+(?:notte|giorno|sera))\b",
    re.I,
)
#: What a scheduled job recomputes before it moves money: a re-run moves the same money again unless
#: it records what it moved ("recomputes each card's week and credits back any amount above the cap").
_RECOMPUTES = lazy_compile(
    r"\b(?:re-?comput\w*|re-?calculat\w*|re-?pric\w*|re-?evaluat\w*|re-?rat(?:e|es|ed|ing)|catch(?:es)?\s+up|"
    r"any\s+(?:\w+\s+)?(?:amount|difference|overcharge|overpayment|balance|excess)s?|"
    r"all\s+(?:unpaid|outstanding|pending|open|failed)|"
    r"recalcul\w*|neu\s+berechn\w*|neuberechn\w*|vuelve\s+a\s+calcular|ricalcol\w*)\b",
    re.I,
)
_HANDLER = lazy_compile(r"\b(?:handler|consumer|listener)s?\b", re.I)
#: Safeguards that make a repeat safe wherever the document names them: an idempotency key, deduplication.
_IDEMPOTENT = lazy_compile(
    r"\b(?:idempoten\w*|idempotenz\w*|dedup\w*|de-dup\w*|deduplicat\w*|exactly[- ]once|at[- ]most[- ]once|"
    r"Doppelzahlung\w*|Doppelbuchung\w*|doble\s+(?:pago|cobro|abono|reembolso)|double\s+(?:paiement|versement|débit)|"
    r"idempot\w*|(?:cobrança|estorno|pagamento)\s+(?:em\s+)?duplicad[oa]|doppi[oa]\s+(?:addebito|pagamento|rimborso))\b",
    re.I,
)
#: Safeguards that count in the movement's own paragraph or item: a check of what was already moved,
#: a key or reference reused, a record of each movement.
_NEAR_SAFEGUARD = lazy_compile(
    r"\b(?:already\s+(?:been\s+)?(?:paid|credited|refunded|charged|debited|transferred|processed|sent|settled|made|"
    r"applied|issued)|duplicates?|(?:not|never|no)\s+(?:\w+\s+){0,3}?twice|only\s+once|exactly\s+once|once\s+per|"
    r"same\s+(?:\w+\s+)?(?:key|reference|request\s+id|id)|unique\s+(?:key|reference|id|constraint)|"
    r"(?:checks?|quer(?:y|ies)|looks?\s+up|asks?(?:\s+\w+)?\s+for)\s+(?:the\s+)?(?:\w+\s+)?status|status\s+check|"
    r"(?:captured|charged|paid|credited|refunded|debited|transferred|applied|issued|processed|sent)\s+"
    r"(?:only\s+|exactly\s+)?once|ledger|reconcil\w+\s+before|bereits|schon\s+(?:gutgeschrieben|ausgezahlt|erstattet)|"
    r"ya\s+(?:pagad|abonad|reembolsad|transferid)\w*|déjà\s+(?:payé|versé|remboursé|crédité)\w*|"
    r"já\s+(?:pag|estornad|reembolsad|cobrad)\w*|già\s+(?:pagat|addebitat|rimborsat|accreditat)\w*|"
    # a retry after a definite refusal moved nothing: "if the bank rejects the transfer, the amount goes back"
    r"reject(?:s|ed)?|declined?|declines|bounced?|returned|rechaz\w*|devuelt\w*|abgelehnt|zurückgebucht|"
    r"rejet\w*|refus\w*|recusad\w*|rifiutat\w*|respint\w*)\b",
    re.I,
)
#: Safeguards that count anywhere in the movement's section: "so none are paid twice", "a unique order number
#: per booking", "Redsys rejects a second charge with the same number".
_SECTION_SAFEGUARD = lazy_compile(
    r"\b(?:twice(?!\s+as\b)|dos\s+veces|zweimal|doppelt\w*|deux\s+fois|duplicat\w*|duplicad\w*|already|bereits|déjà|"
    r"unique|únic[oa]s?|univoc[oa]|eindeutig\w*|duas\s+vezes|due\s+volte|same\s+(?:\w+\s+)?(?:key|reference|number|id)|mism[oa]\s+(?:número|referencia|clave)|"
    r"misma\s+(?:referencia|clave)|gleiche[nr]?\s+(?:Referenz|Schlüssel|Nummer)|même\s+(?:référence|clé|numéro))\b",
    re.I,
)
#: Money shown, reported or explained, not moved: "the nightly job exports the day's payouts".
_SHOWN = lazy_compile(r"\b(?:shows?|displays?|lists?|exports?|reports?|emails?|notif(?:y|ies)|summari[sz]es?|"
                      r"forecasts?|estimates?|previews?|simulat\w+|compares?|reconcil\w+|audits?|monitors?|"
                      r"alerts?|flags?)\b", re.I)
#: The repeat ruled out: "the job never retries a transfer", "payouts are not retried".
_NOT_BEFORE = lazy_compile(r"\b(?:never|not|no|without|nunca|nie|nicht|kein\w*|jamais|sans)\s+(?:\w+\s+){0,2}$", re.I)
#: Other senses of the words: "credit the author", "in charge of", "free of charge", "charging the battery".
_OTHER_SENSE = lazy_compile(r"\b(?:credit\s+(?:to|for)\s+the\s+(?:author|team)|in\s+charge|of\s+charge|"
                            r"charg(?:e|es|ed|ing)\s+(?:the\s+|its\s+|their\s+)?(?:batter\w+|robots?|vehicles?|"
                            r"cars?|devices?|phones?)|data\s+transfer|transfer\s+learning)\b", re.I)
#: Movements that are money whatever else the sentence names: a refund, a payout, a reimbursement.
_SELF_EVIDENT = lazy_compile(r"(?:refund|payout|pay\s+out|paid\s+out|pays\s+out|disburse|reimburs|rückerstatt|erstatt|"
                             r"auszahl|ausgezahlt|reembols|rembours|virement|estorn|rimbors)", re.I)
_SENTENCE = lazy_compile(r"[^.!?]+(?:[.!?]+|$)")


#: A section about today's state, before the change: "How balances work today", "Current state".
_TODAY = lazy_compile(r"\b(?:today|current(?:ly)?|existing|as-is|background|context|problem|motivation)\b", re.I)


class MoneyRetriedWithoutIdempotency(Rule):
    """Flags one money movement that is retried, re-run or replayed, when nothing makes the repeat safe.

    **What it flags.** A paragraph, list item or table cell that moves money (a refund, a payout, a
    charge, a credit or debit, a transfer, with a card, a balance, a wallet or an amount named in the
    sentence) and repeats it: the movement, or the sentence after it about the same money, is retried,
    re-run, replayed, resubmitted or tried again ("if the processor call times out, the payout job
    retries the transfer", "the nightly billing job retries it on its next run"), or the request is
    sent again ("on a timeout the service sends the OCT again": the next sentence names no money but
    the thing the movement sent; a refusal that only ends the retries, "until the scheme returns a
    decline", is no safeguard), or the movement is
    made by something that runs again by design (a nightly or scheduled job, the handler of an event
    or webhook: "a nightly job credits back any amount charged above the cap", "the match-end handler
    credits 150 Gems to the wallet"), or by a component the document says consumes events ("the billing
    worker subscribes to the `member.joined` event" ... "the billing worker charges the card on file":
    an event is delivered at least once), and nothing makes the repeat safe: no idempotency key or
    deduplication anywhere in the document, and in the movement's own paragraph no check of what was
    already moved, no reused key or reference, no status check and no ledger record. German, Spanish,
    French, Portuguese and Italian movements and retries count ("reintentar la transferencia",
    "wiederholt die Überweisung", "relance le virement", "se o estorno falhar, tenta de novo",
    "il rimborso ... riprova"). A scheduled job counts as a repeat when it recomputes what it moves
    or moves money for each of many accounts ("a nightly batch charges each member's card",
    "addebita su ciascun borsellino": stopped part-way and run again, it charges the first ones twice). Non-goals, alternatives and background are not read; a
    movement shown or reported ("the nightly job exports the payouts") is not one. One finding per
    paragraph, at the repeat.

    Language and platform proposals (Rust RFCs, Go designs, OTEPs, OpenShift enhancements, Gateway
    API GEPs, Cluster API proposals) are not read: no money moves in them.

    **Why it matters.** A transfer that timed out may have gone through. Retrying it without a key
    the processor recognises pays the seller twice; a nightly job that recomputes and credits "any
    amount above the cap" credits the same overcharge again on the next night unless it records
    what it already credited. RK009 asks whether a spec guards its money at all; this asks it of the
    one operation a reviewer would put a finger on.

    **Example**

    ```markdown
    - R6. We debit the seller's balance and call the processor's push-to-card transfer. If the
      call times out, the payout job retries the transfer until it receives a response.
    ```

    **Use instead**

    ```markdown
    - R6. We debit the seller's balance and call the processor's push-to-card transfer with the
      payout's ID as idempotency key. If the call times out, the job retries with the same key,
      so the processor returns the first transfer instead of sending a second.
    ```
    """

    id = "RK015"
    name = "money-retried-without-idempotency"
    category = Category.RISK
    default_level = Level.WARNING
    # Default: no corpus finding (no real spec there retries money), none on the clean documents of eval,
    # eval2, eval3, cleanset and cleanset2 (bench/recall-notes/apimoney10.md).
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        # Language and platform proposals move no money (RK009 and RK013 skip proposals too); reading
        # every Rust RFC for money words cost a tenth of that folder's time (issue 15).
        if document_kind(document, context) in PLATFORM_PROPOSALS:
            return
        source = document.source
        actors = _event_driven_actors(source)
        if not _RETRY.search(source) and not _REPEATS.search(source) and not actors:
            return
        if _guarded(document):
            return
        guarded_sections: dict[int, bool] = {}
        for piece in iter_prose(document):
            if piece.kind == "heading" or (piece.section.heading is not None and (
                    not_in_scope(piece.section) or _TODAY.search(piece.section.title))):
                continue
            if isinstance(piece.block, Paragraph) and _is_question(piece.block.text):
                continue
            found = _repeated_movement(piece.segments, actors)
            if found is not None:
                key = id(piece.section)
                if key not in guarded_sections:
                    guarded_sections[key] = bool(_SECTION_SAFEGUARD.search(section_text(piece.section)))
                if guarded_sections[key]:
                    continue
                where, repeat, movement = found
                yield Violation(where, f"'{repeat}' repeats a money movement ('{movement}'), and nothing makes the "
                                       "repeat safe: "
                                       "send an idempotency key the provider recognises, or check and record what "
                                       "was already moved, so a retried or re-run movement never pays twice")


def _is_question(text: str) -> bool:
    return text.rstrip(" *_").endswith("?")


def _guarded(document: Document) -> bool:
    """An idempotency key or deduplication named in the document's own design (not asked about, not in
    a non-goal or a rejected alternative)."""
    lines = document.lines
    line, counted = 1, 0
    for match in _IDEMPOTENT.finditer(document.source):
        line += document.source.count("\n", counted, match.start())  # counted forward: linear in the text
        counted = match.start()
        section = section_at(document, line)
        if section.heading is not None and not_in_scope(section):
            continue
        if lines[line - 1].rstrip(" *_").endswith("?"):
            continue
        return True
    return False


def _repeated_movement(segments: list[TextSegment], actors: tuple[str, ...] = ()) -> tuple[Span, str, str] | None:
    """The span and text of the repeat of a money movement in this piece of prose, if its text has one,
    and the word that moves the money."""
    text = "\n".join(segment.text for segment in segments)
    if not _MOVES.search(text) or any(not _ENDS_THE_RETRY.search(text, max(0, found.start() - 60), found.start())
                                      for found in _NEAR_SAFEGUARD.finditer(text)):
        return None
    sentences = [match for match in _SENTENCE.finditer(text) if match.group(0).strip()]
    moving = [_moves_money(sentence.group(0)) for sentence in sentences]
    for index, sentence in enumerate(sentences):
        body = sentence.group(0)
        repeat = None
        if moving[index]:
            repeat, movement = _runs_again(body) or _repeat(body) or _actor_in(body, actors), moving[index]
        elif index > 0 and moving[index - 1] and (_MONEY_WORD.search(body) or _names_again(body, sentences[index - 1].group(0))):
            repeat, movement = _repeat(body), moving[index - 1]
        if repeat is not None and movement:
            start, end = sentence.start() + repeat.start(), sentence.start() + repeat.end()
            return _span(segments, start, end), quote(repeat), movement
    return None


_MONEY_WORD = lazy_compile(r"\b(?:pay\w*|charg\w*|refund\w*|transfer\w*|payouts?|credit\w*|debit\w*|billing|"
                           r"wallets?|balances?|funds|money|amounts?|reembols\w*|transferencia\w*|pago\w*|abono\w*|"
                           r"überweis\w*|Überweisung\w*|auszahl\w*|Auszahlung\w*|erstatt\w*|Erstattung\w*|gutschr\w*|"
                           r"Gutschrift\w*|virements?|rembours\w*|versements?|paiements?|estorn\w*|pagament\w*|addebit\w*|"
    r"rimbors\w*)\b", re.I)


#: A refusal named as what ends the retries ("sends it again until the scheme returns an approval or a
#: decline") is no safeguard: the repeats before it may each have moved the money.
_ENDS_THE_RETRY = lazy_compile(r"\buntil\b[^.;:!?]*$", re.I)
#: The thing a repeat makes again: "sends the OCT again" -> "OCT".
_REPEATED_THING = lazy_compile(r"^\s*(?:(?:the|that|this|a|an|its|their|same)\s+)?([\w-]{3,})", re.I)


def _names_again(sentence: str, movement_sentence: str) -> bool:
    """The sentence after a movement repeats the thing that movement sent ("debits the balance and sends the
    OCT to the scheme. If the call times out, the service sends the OCT again"): the same money, unnamed."""
    repeat = _repeat(sentence)
    if repeat is None:
        return False
    words = repeat.group(0).split()
    # the words between the verb and "again", or the first word after a plain retry word
    candidates = words[1:-1] if words[-1].lower() == "again" else []
    if not candidates:
        following = _REPEATED_THING.match(sentence, repeat.end())
        candidates = [following.group(1)] if following else []
    return any(len(word) >= 3 and word.lower() not in {"the", "that", "this", "its", "their", "same"}
               and re.search(r"\b" + re.escape(word) + r"\b", movement_sentence) for word in candidates)


#: A component the document says is driven by events, which a broker or a sender delivers at least once:
#: "the billing worker subscribes to the `member.joined` event", "the ledger service consumes the
#: `payouts` topic", "a function triggered by the `charge.succeeded` webhook". Group 1 is its name.
_EVENT_DRIVEN = lazy_compile(
    r"\b((?:[\w-]+\s+){1,2}?(?:worker|service|consumer|handler|listener|processor|function|lambda|subscriber))\s+"
    r"(?:subscribes\s+to|consumes|listens\s+(?:to|for)|reacts\s+to|is\s+(?:triggered|invoked)\s+by)\s+"
    r"(?:[^.;:!?\n]|\.(?=\S)){0,60}?\b(?:events?|topics?|queues?|webhooks?|messages?|notifications?)\b",
    re.I)
_NOT_A_NAME = frozenset({"the", "a", "an", "our", "its", "their", "this", "that", "each", "every"})


def _event_driven_actors(source: str) -> tuple[str, ...]:
    """The names of the document's event-driven components ("billing worker"), without their article."""
    if "subscribe" not in source and "consume" not in source and "listen" not in source \
            and "react" not in source and "by" not in source:
        return ()
    names = []
    for match in _EVENT_DRIVEN.finditer(source):
        words = [word for word in match.group(1).split() if word.lower() not in _NOT_A_NAME]
        if len(words) >= 2 or (words and words[0].lower() not in {"worker", "service", "function", "lambda"}):
            names.append(" ".join(words))
    return tuple(dict.fromkeys(names))


def _actor_in(sentence: str, actors: tuple[str, ...]) -> re.Match[str] | None:
    """The event-driven component that moves the money in this sentence: it moves it again on a redelivery."""
    for actor in actors:
        found = re.search(r"\b" + re.escape(actor) + r"\b", sentence, re.I)
        if found is not None:
            return found
    return None


def _runs_again(sentence: str) -> re.Match[str] | None:
    """What runs the movement again by design: an event's handler, or a scheduled job that recomputes
    what it moves."""
    for match in _REPEATS.finditer(sentence):
        if _HANDLER.search(match.group(0)) or _RECOMPUTES.search(sentence) or _EACH.search(sentence, match.end()):
            return match
    return None


#: A scheduled batch that moves money for each of many accounts ("a nightly job debits every
#: subscriber's card", "addebita su ciascun borsellino"): stopped part-way and run again, it moves
#: the first ones' money twice unless it records what it moved. (Not "every night": the schedule.)
_EACH = lazy_compile(r"\b(?:each|every|all|ciascun[oa]?|ogni|cada|tod[oa]s\s+(?:os|as)|jede[nmrs]?|chaque|tous\s+les|"
                     r"toutes\s+les)\s+(?!(?:night|day|hour|morning|evening|week|month|time|notte|giorno|sera|noche|d[ií]a|"
                     r"hora|Nacht|Tag|Stunde|nuit|jour|heure|noites|dias)\b)\w", re.I)


def _repeat(sentence: str) -> re.Match[str] | None:
    for match in _RETRY.finditer(sentence):
        if not _NOT_BEFORE.search(sentence, max(0, match.start() - 30), match.start()):
            return match
    return None


def _moves_money(sentence: str) -> str:
    """The word that moves money in the sentence (with money named apart from it, not shown or reported), or ''."""
    if _SHOWN.search(sentence):
        return ""
    for move in _MOVES.finditer(sentence):
        if any(other.start() <= move.start() < other.end() for other in _OTHER_SENSE.finditer(sentence)):
            continue
        if _SELF_EVIDENT.match(move.group(0)) or any(money.end() <= move.start() or money.start() >= move.end()
                                                     for money in _MONEY.finditer(sentence)):
            return move.group(0)
    return ""


def _span(segments: list[TextSegment], start: int, end: int) -> Span:
    """The span of text offsets `start`..`end` of the segments joined by newlines (within one segment)."""
    offset = 0
    for segment in segments:
        if start <= offset + len(segment.text):
            column = segment.column + (start - offset)
            length = min(end, offset + len(segment.text)) - start
            return Span(Position(segment.line, column), Position(segment.line, column + length))
        offset += len(segment.text) + 1
    last = segments[-1]
    return Span(Position(last.line, last.column), Position(last.line, last.column + len(last.text)))
