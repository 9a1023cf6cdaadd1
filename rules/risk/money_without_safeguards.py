"""RK009 money-without-safeguards: a spec that moves money and never says it happens once, whole, and reversibly."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Section, Span
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import (
    ProseIndex,
    document_prose,
    phrase_pattern,
    quote,
    section_at,
)
from speclint.reading.requirements import is_proposal, not_in_scope, reads_like_proposal

#: Phrases that alone say money moves: no other word is needed to know it is money.
MONEY_ACTIONS = (
    # (not "refundable": "non-refundable rates" describe a policy, not a movement)
    r"re:refund(?!ab)\w*", "payout*", "pay out", "pays out", "paid out", "paying out", "chargeback*",
    "top up*", "top-up*", "tops up", "topped up", "topping up", "wallet balance*", "store credit*",
    "account credit*", "send money", "sends money", "sending money", "sent money", "transfer* money",
    "money transfer*", "transfer* funds", "add funds", "adds funds", "adding funds", "withdraw* funds",
    "take payment*", "takes payment*", "accept payment*", "accepts payment*", "collect payment*",
    "collects payment*", "process payment*", "processes payment*", "processing payment*", "payment processing",
    "capture the payment", "captures the payment", "authorize the payment", "payment intent*", "at checkout",
    "checkout flow*", "recurring billing", "subscription fee*", "reimburse*", "cashback", "cash back", "cash out",
    "cashes out", "cashed out", "split the bill", "settle up", "money back", "escrow", "re:PaymentIntents?",
    r"re:(?:money|funds|payments?|amounts?|balances?)\s+(?:is|are|was|were|will\s+be|gets?|get)\s+transferred",
    r"re:purchas(?:e|es|ing)\s+(?:a|an|the|their|one|each|every|any)\b", "purchased", "in-app purchase*",
    r"re:(?:complet|finish)\w*\s+(?:the\s+|their\s+)?checkout", r"re:requir(?:e|es|ed|ing)\s+(?:a\s+|an\s+)?(?:up-?front\s+)?payment",
    # A person charged or paid: "the customer is charged on delivery", "couriers get paid weekly".
    r"re:(?:customers?|users?|buyers?|sellers?|riders?|drivers?|couriers?|members?|subscribers?|clients?|guests?|"
    r"shoppers?|merchants?|vendors?|hosts?|creators?|tenants?|patients?)\s+(?:is|are|will\s+be|gets?|get|was|were)\s+"
    r"(?:\w+\s+)?(?:charged|billed|refunded|credited|debited|paid|invoiced|reimbursed)",
    r"re:(?:add|load|withdraw|deposit)\w*\s+money", r"re:(?:added|loaded)\s+to\s+(?:the|their|a|your)\s+(?:wallet|balance)",
    r"re:(?:on|after|before|upon)\s+purchase",
    r"re:tips?\s+(?:the|their|a|your)\s+(?:driver|courier|creator|host|server|artist|streamer)s?",
    r"re:(?:send|give|leave)s?\s+(?:a\s+)?tips?\b", r"re:tips?\s+of\s+[$€£¥]?\d",
    r"re:donat(?:e|es|ed|ing|ions?)\s+(?:\w+\s+){0,3}?(?:to|for)\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:charity|charities|cause|"
    r"nonprofit|non-profit|fundraiser)",
    r"re:(?:mak|submit|initiat|creat|complet|execut|confirm)\w*\s+(?:a|the|their|each|every)\s+(?:\w+\s+)?payments?",
    r"re:(?:payments?|charges?)\s+(?:is|are|will\s+be|gets?|get|was|were)\s+(?:\w+\s+)?(?:collected|taken|captured|"
    r"processed|made|created|"
    r"sent|authori[sz]ed|settled|charged|submitted|initiated|executed|refunded)",
    # German, Spanish, French: "vom Guthaben abgebucht", "se reembolsa el importe", "le virement est envoyé".
    "abgebucht", "abbuch*", "gutgeschrieben", "gutschreib*", "rückerstatt*", "Rückerstattung*", "erstattet", "Auszahlung*",
    "ausgezahlt", "überwiesen", "Überweisung*", "aufgeladen", r"re:lad(?:en|t|e)\s+(?:\w+\s+){0,3}?Guthaben\s+(?:\w+\s+){0,4}?auf",
    "reembols*", "recarg*", "se cobra", r"re:cobr(?:a|an|ó|ado|ar)", "transferencia*",
    # "que lo abona en la cuenta del empleado" (not "abonado", a subscriber), "enviar el importe"
    r"re:abon(?:a|an|ar|ará|arán|amos|ó|aron)\b", r"re:(?:envi|transfier|pag)\w*\s+(?:el|los)\s+importes?\b",
    "rembours*", "virement*", "rechargé*", "débité*", "crédité*",
    # Money moved by a verb of sending, withdrawing or transferring and the money it moves, as
    # "send money" and "transfer funds" above: "envía dinero", "retirar el saldo", "envoyer de l'argent".
    r"re:(?:env[ií]|transfier|transfer|retir|ingres)\w*\s+(?:el\s+|su\s+|sus\s+|los\s+)?(?:dinero|saldo|fondos)\b",
    r"re:(?:envoy|envoi|transf[èée]r|retir|vers)\w*\s+(?:de\s+l'|l'|les\s+|des\s+|du\s+|son\s+|leur\s+)?"
    r"(?:argent|fonds|solde)\b",
    r"re:(?:Geld|Guthaben)\s+(?:\w+\s+){0,3}?(?:senden|sendet|überweisen|überweist|auszahlen|abheben|hebt)\b",
)

#: Safeguards that can only be about moving money once, wherever they are written.
SAFEGUARDS = (
    "idempoten*", "double charg*", "double-charg*", "double spend*", "double-spend*", "double bill*",
    "double-bill*", "billed twice", "bill twice", "safe to retry", "retry-safe", "retried safely",
    "repeated deliver*", "redeliver*",
    # (not "open a chargeback twice as often": a comparison, not a charge made once)
    r"re:(?:charg(?!eback)|credit|debit|refund|pa[iy]|bill)\w*\s+(?:\w+\s+){0,2}?(?:twice|only\s+once|more\s+than\s+once)"
    r"(?!\s+as\b)",
    r"re:duplicate\s+(?:payments?|charges?|requests?|submissions?|transactions?|orders?|refunds?|payouts?|top-?ups?|"
    r"transfers?|credits?|debits?)",
    # A movement undone when what goes with it fails: "the charge is refunded automatically".
    r"re:(?:charges?|payments?|debits?|transfers?|transactions?|top-?ups?|credits?)\s+(?:is|are|gets?|will\s+be)\s+"
    r"(?:\w+\s+)?(?:refunded|reversed|voided|released|returned|rolled\s+back|undone|cancell?ed)",
    # A partial failure handled: "if the charge fails, the balance is not credited".
    r"re:(?:charges?|payments?|debits?|transfers?|top-?ups?|payouts?|refunds?)\s+(?:\w+\s+)?(?:fails?|failed|is\s+declined|"
    r"declines?),?\s+(?:\w+\s+){0,6}?(?:not|never|no|stays?|remains?|unpaid|released|restored|reverted|returned)",
    # A movement rolled back by name: "if crediting the wallet fails, we roll back the charge".
    r"re:roll(?:s|ed|ing)?\s+back\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:\w+\s+)?(?:charges?|payments?|debits?|credits?|"
    r"transfers?|transactions?|top-?ups?|refunds?|payouts?)",
    # The money is moved by someone else: "the stores handle billing and refunds".
    r"re:(?:app\s+store|play\s+store|google\s+play|stores?)\s+(?:\w+\s+){0,2}?(?:handles?|manages?|process(?:es)?|owns?)\s+"
    r"(?:the\s+|all\s+)?(?:billing|payments?|refunds?|subscriptions?|purchases?)",
    r"re:(?:billing|payments?|refunds?|purchases?)\s+(?:is|are)\s+(?:\w+\s+)?(?:handled|owned|processed|managed)\s+by\s+"
    r"(?:the\s+)?(?:app\s+store|play\s+store|google\s+play|apple|google|stores?|existing|current)",
    # A request repeated with its key: "a repeated request with the same key returns the first result".
    # German, Spanish, French: "nie doppelt abgebucht", "un reintento nunca reembolsa dos veces".
    "doppelt* abgebucht", "doppelt* gebucht", "bucht* nie doppelt", "Doppelbuchung*", "doppelte Abbuchung*", "Datenbanktransaktion*",
    "doble cobro", "cobro duplicado", "cobros duplicados", "double débit*", "débité deux fois",
    # French, Spanish, Italian, Portuguese: "refuse un second virement", "sans doublon", "nunca se
    # cobra dos veces", "doppio addebito", "sem cobrança duplicada".
    r"re:(?:second|double)s?\s+(?:virement|paiement|remboursement|prélèvement|versement)s?\b", "sans doublon*",
    r"re:(?:pa[yi]|vers|rembours|débit|crédit|prélev|factur)\w*\s+(?:\w+\s+){0,3}?deux\s+fois",
    r"re:(?:cobr|pag|reembols|abon|acredit|estorn|addebit|rimbors|accredit)\w*\s+(?:\w+\s+){0,3}?(?:dos\s+veces|"
    r"duas\s+vezes|due\s+volte)",
    "pago duplicado", "pagos duplicados", "sin duplicados", "doppio addebito", "doppi addebiti", "pagamento duplicato",
    "pagamenti duplicati", "cobrança duplicada", "cobranças duplicadas", "pagamento em duplicidade",
    # "damit nichts zweimal erstattet wird", "nie doppelt ausgezahlt"
    r"re:(?:zweimal|doppelt)\s+(?:erstattet|ausgezahlt|bezahlt|gutgeschrieben|überwiesen)\b",
    r"re:(?:repeated|retried|replayed|resubmitted)\s+(?:[\w-]+\s+){0,8}?returns?\s+the\s+(?:first|original|same|earlier)\s+"
    r"(?:result|response|outcome)",
)

#: Safeguards that count when money is named near them: "duplicate" next to "charge" is about
#: money, "duplicate headings" is not; "reversed" next to "refund", not "reverse proxy". A
#: rollback is left out: next to money it is most often a release's ("roll back: turn the wallet
#: flag off"); a movement rolled back is a strong safeguard above.
NEAR_MONEY_SAFEGUARDS = (
    "duplicate*", "dedup*", "de-dup*", "exactly once", "exactly-once", "at most once", "at-most-once",
    "once and only once", "processed once", "applied once", r"re:never\s+(?:\w+\s+){1,3}?twice", "atomic*",
    "single transaction", "same transaction",
    "database transaction*", "DB transaction*", "transactional*", "ACID", "all or nothing", "all-or-nothing",
    "together or not at all", "revers*", "compensat*", "void*", "reconcil*", "unique constraint*", "unique key*",
    "row lock*", "locking", "race condition*", "two-phase", "saga*", "outbox",
    # Deduplicated by the thing it belongs to, not by a period: "a refund is issued once per
    # booking" (not "charged once a month"); "skips any order that already has a charge".
    r"re:once\s+per\s+(?:order|booking|reservation|request|transaction|event|invoice|trip|ride|purchase|payment|"
    r"charge|refund|payout|transfer|top-?up|key|id|customer|member|user|account|subscription\s+period|period|"
    r"billing\s+period|cycle|billing\s+cycle)",
    r"re:already\s+(?:been\s+|has\s+(?:a\s+|an\s+|been\s+)?|have\s+(?:a\s+|an\s+|been\s+)?)?(?:charg|paid|refund|"
    r"credit|debit|bill|captur|matched|issued|processed|settled)\w*",
    # A declined or failed movement retried: the partial failure is handled.
    r"re:(?:declin|reject|fail)\w*\s+(?:\w+\s+){0,6}?(?:is|are|will\s+be|gets?|get)\s+retried",
    "double-entry", "double entry", "ledger entr*", "reversing entr*",
    # Totals kept once: "refunds and transfers do not double count" (a movement counted once).
    "double count*", "double-count*", "counted twice", "counted only once",
    # (A failure word alone is no safeguard: "if the card is declined, show an error" says nothing
    # of the retry that charges twice.)
    "one transaction", "pre-auth*", "preauth*",
    r"re:(?:charg|bill|pa[iy]|debit|credit|refund|captur)\w*\s+(?:exactly\s+|only\s+|just\s+)?once(?=\s*[.;,)]|\s*$)",
)

#: A verb that moves money when money is named in the same sentence: "the card is charged",
#: "pays for the pack with the stored payment method", "deducts the fare from the balance".
_MONEY_VERB = lazy_compile(
    r"\b(?:(?:pay|pays|paid|paying|deduct(?:s|ed|ing)?|withdr[ae]w(?:s|n|ing)?|bought|redeem(?:s|ed|ing)?|"
    r"recharg(?:e|es|ed|ing)|deposit(?:s|ed|ing)?|renew(?:s|ed)?|subscrib(?:e|es|ed|ing)|upgrad(?:e|es|ed|ing)|"
    r"captur(?:e|es|ed|ing)|fined|charged|credited|debited|billed|invoiced)\b|"
    # Words that are also nouns ("cloud credits", "data transfer charges") are verbs before their object.
    r"(?:charg(?:e|es|ing)|credit(?:s|ing)?|debit(?:s|ing)?|bill(?:s|ing)?|invoic(?:e|es|ing)|transfer(?:s|ring)?|"
    r"spend(?:s|ing)?)(?=\s+(?:the|their|his|her|its|a|an|each|every|your|our|them|him|it|back|users?|customers?|"
    r"buyers?|sellers?|members?|subscribers?|riders?|drivers?|clients?|merchants?|\d)\b|\s*[$€£¥])|"
    # "buy" moves money whatever follows, with money named in its sentence: "users buy coin packs with the saved card"
    r"buys?\b|buying\b|"
    # money sent: "send that amount to her IBAN" (not "send the payment reminder")
    r"sen(?:d|ds|t|ding)(?=\s+(?:the\s+|that\s+|this\s+|its\s+|their\s+|her\s+|his\s+|each\s+)?(?:\w+\s+)?"
    r"(?:amount|money|funds|payment|payout|sum|earnings)s?\b(?!\s+(?:reminders?|receipts?|confirmations?|links?|"
    r"requests?|notifications?|details|summar(?:y|ies)|e-?mails?|status|report)\b)))",
    re.I,
)
#: What the money verb moves, or from where: a card, a balance, a price, an amount in a currency.
_MONEY_NOUN = lazy_compile(
    r"\b(?:cards?|wallets?|balances?|prices?|fares?|fees?|amounts?|money|funds|cash|bank|payments?|invoices?|orders?|"
    r"vouchers?|gift\s+cards?|coupons?|points|coins|deposits?|instal+ments?|rent|salar(?:y|ies)|wages?|payroll|"
    r"direct\s+debits?|bank\s+transfers?|ach|sepa|wire\s+transfers?|tuition|premiums?|tolls?|"
    r"subscriptions?|checkout|apple\s+pay|google\s+pay|paypal|stripe|adyen|braintree|dollars?|euros?|"
    r"cents|usd|eur|gbp|currenc(?:y|ies)|credits?|refunds?|payouts?|tips?)\b|[$€£¥]\s?\d|\d\s?(?:€|£)",
    re.I,
)
#: Accounts (and the pots, jars and vaults a bank app splits them into) are money only for a ledger's
#: verbs: "debit the sender's account", "credits the target pot".
_ACCOUNT = lazy_compile(r"\b(?:(?:sub-?)?accounts?|pots?|jars?|vaults?|savings)\b", re.I)
_LEDGER_VERB = lazy_compile(r"^(?:debit|credit)", re.I)
#: The money verbs in their other senses: "pay attention", "in charge of", "free of charge", "a paid
#: plan", "buy-in", "build or buy", "credit the author".
_OTHER_SENSE = lazy_compile(
    r"\b(?:pay(?:s|ing)?\s+(?:close\s+)?attention|pa(?:y|ys|id|ying)\s+(?:a|the)\s+(?:\w+\s+)?(?:price|cost|penalty|tax)\s+"
    r"(?:of|for|in)\b|pay(?:s|ing)?\s+off|in\s+charge|charge\s+of|of\s+charge|no\s+charge|"
    r"paid\s+(?:plans?|tiers?|versions?|features?|users?|customers?|accounts?|seats?|editions?|products?|"
    r"add-?ons?|licen[cs]es?|subscriptions?|apps?|services?|content|members?)|buy-?in|build\s+(?:vs\.?|or|versus)\s+buy|"
    r"credit\s+(?:to|for)\b|credits?\s+(?:line|the\s+author|the\s+photographer)|"
    # A price list, not a movement: "billed annually", "we charge $0.01 per API call".
    r"billed\s+(?:annually|monthly|yearly|quarterly|weekly|per\b|every\s+(?:month|year))|"
    r"(?:charg(?:e|es|ing)|pays?)\s+[$€£¥]?\d[\d.,]*\s*(?:[$€£¥%]|usd|eur|gbp|cents?)?\s*(?:per|an?|each|/|of\s+the)|"
    # A promise, not a flow: "a 30-day money-back guarantee".
    r"money[\s-]+back\s+guarantee)",
    re.I,
)
#: The author says the feature moves no money: "this pitch moves no money", "we never take payments",
#: "no money changes hands in the app".
_MOVES_NO_MONEY = lazy_compile(
    r"\b(?:moves?|handles?|takes?|touches?|processes|holds?)\s+no\s+(?:money|payments?|funds)\b|"
    r"\bno\s+(?:money|payments?|funds)\s+(?:moves?|changes?\s+hands|is\s+(?:moved|taken|collected|handled)|"
    r"(?:are|is)\s+(?:taken|collected|processed))\b|"
    r"\b(?:does\s+not|doesn't|do\s+not|don't|will\s+not|won't|never)\s+(?:move|handle|take|touch|process|collect)\s+"
    r"(?:any\s+)?(?:money|payments?|funds)\b(?!\s+(?:until|before|unless|when|if|after|twice|again|more|then)\b)",
    re.I)
#: Words of money near a safeguard.
_MONEY_WORDS = lazy_compile(r"\b(?:pay\w*|charg\w*|refund\w*|top[- ]?ups?|balances?|credit\w*|debit\w*|transactions?|"
                          r"transfers?|payouts?|wallets?|funds|money|amounts?|billing|invoices?|orders?|purchases?)\b",
                          re.I)
#: A sentence that shows, lists or exports money rather than moving it.
_SHOWN = lazy_compile(r"\b(?:shows?|showing|shown|displays?|displayed|displaying|lists?|listed|listing|views?|viewing|sees?|"
                      r"exports?|exported|downloads?|prints?|renders?|reports?|tracks?|tracked|searche?s?|filters?|"
                      r"history|histories|receipts?|statements?|summar\w+|explain(?:s|ed|ing)?|describ(?:e|es|ed|ing)|"
                      r"help\s+articles?|faqs?)\b", re.I)
#: Money moved elsewhere, before this spec's behaviour starts: "After a guest purchases a ticket, the
#: page offers...", "guests who bought tickets before the launch".
_TRIGGER_BEFORE = lazy_compile(r"(?:^\W*(?:\d+\.\s+)?(?:after|once|since|when|whenever|if)\s+(?:\w+\s+){0,3}|\bwho\s+(?:have\s+|had\s+)?(?:already\s+)?)$",
                               re.I)
#: A fee or rate, not a movement: "1.5% of the amount paid out", "2% of each payout".
_FEE_BEFORE = lazy_compile(r"\d\s*%\s+of\s+(?:the\s+|each\s+|every\s+|an?\s+)?(?:\w+\s+){0,2}$", re.I)
#: A page or a policy named after money: "the payouts page", "the refund policy".
_PLACE_AFTER = lazy_compile(r"\s+(?:pages?|screens?|tabs?|dashboards?|settings|sections?|polic(?:y|ies)|schedules?|"
                            r"reports?|portal|widgets?)\b", re.I)
#: "paid invoices", "paid orders": a state, not a movement.
_PAID_STATE = lazy_compile(r"paid\s+(?:invoices?|orders?|bills?|amounts?|status)\b", re.I)
#: Money on a blockchain, where a transfer is atomic and final by construction.
_ON_CHAIN = lazy_compile(r"\b(?:usdc|usdt|stablecoins?|on-?chain|blockchains?|devnet|testnet|mainnet|solana|ethereum|"
                         r"bitcoin|smart\s+contracts?|gwei|lamports|erc-?20|spl\s+tokens?)\b", re.I)
#: Safeguard words in another sense: "reverse chronological order", "transactional emails".
_NOT_A_SAFEGUARD = lazy_compile(r"revers\w*\s+(?:chronological|order|proxy|proxies|engineer\w*|lookup|image\s+search|dns)\b|"
                                # a document voided, not a payment: "an accountant voids it", "voids a credit note"
                                r"void(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,3}?(?:invoices?|credit\s+notes?|notes?|receipts?|"
                                r"documents?|tickets?|it)\b|"
                                r"transactional\s+(?:e-?mails?|messages?|sms|notifications?|templates?)\b", re.I)
#: A relative clause that states what happened before, up to "already": "an invoice that was already paid".
_STATE_BEFORE = lazy_compile(r"\b(?:that|which)\s+(?:was|were|has\s+been|had\s+been)\s+$", re.I)
#: A user story's benefit clause, up to the safeguard word.
_BENEFIT = lazy_compile(r"\bso\s+that\s+(?:I|we|they|he|she|you|finance|the\s+\w+)\s+(?:\w+\s+){0,3}$", re.I)
_SENTENCE_END = lazy_compile(r"[.!?;][\"'”’)*_]{0,3}(?=\s|$)|\x00")
_USER_STORY = lazy_compile(r"^\W*(?:user\s+story\W*)?as\s+an?\s", re.I)
_COMMITS = lazy_compile(r"\b(?:SHALL|MUST|shall|must|will|should)\b|^\W*(?:[A-Z]{1,5}-)+\d+")


class MoneyWithoutSafeguards(Rule):
    """Flags a spec that moves money (payments, refunds, top-ups, wallets, payouts) and says nothing about duplicates, atomicity or reversal.

    **What it flags.** A document that moves money at least twice outside its non-goals and
    alternatives, and never names a safeguard. Money moves in a refund, a payout, a top-up, a wallet
    balance, store credit, money sent or transferred (option `money`), or in a sentence whose verb
    moves money and that names it: "the card on file is charged each month", "customers pay for
    the pack with their stored payment method", "each ride deducts the fare from the balance".
    Safeguards are idempotency or duplicates ("a retried request never charges twice", "issued once
    per booking", "skips any order already charged", "a repeated request with the same key returns
    the first result"), atomicity ("in one database transaction", "all or nothing", "if crediting
    fails we roll back the charge") or reversal ("reversed", "compensating entry", "reconciled
    against the ledger"); words that also mean other things ("duplicate", "reverse", "atomic")
    count only with money named near them (option `safeguards`). A failure word alone ("if the card
    is declined, show an error") is no safeguard, nor is one only asked about ("What if a guest is
    charged twice?", "Do we need idempotency keys?"). Not money moved: a price list ("billed annually",
    "we charge $0.01 per call"), a money-back guarantee, a page named after money ("the payouts
    page"), money explained or shown, money moved by the app stores ("the stores handle billing and
    refunds"), a purchase that only triggers the flow ("after a guest purchases a ticket"), and a
    fee ("1.5% of the amount paid out"). Money sent counts ("send that amount to her IBAN", not
    "send the payment reminder"). A user story's wish is no safeguard ("so that I can reconcile
    the bank account"). Money moved and safeguards written in German, Spanish or French count
    ("vom Guthaben abgebucht", "se reembolsa", "Idempotenzschlüssel", "doble cobro"). One finding, at the operation that moves money (a requirement or
    criterion before prose, prose before the summary, a PR/FAQ's press release, success criteria,
    user stories, headings and scenario titles; among those, one that says where the money goes, "to her IBAN
    through the Bank_API", before its schedule; today's state in a Context or Background section and
    the Goals come after the design), with the count of the others. Proposals and decision records
    (RFCs, KEPs, ADRs) are skipped: their money verbs are read in other senses ("upgrade the
    cluster", "captures its environment"). A document that says it moves no money ("this pitch moves no
    money") is skipped, and so is money on a blockchain (a transfer there is atomic and final by
    construction; its safeguards, nonces and confirmations, are another question). A safeguard
    named only in a rejected alternative or a non-goal is not this design's; "open a chargeback
    twice as often", an invoice voided by an accountant and "an invoice that was already paid"
    are no safeguards.

    **Why it matters.** Money moved twice, moved halfway, or impossible to move back is the most
    expensive bug a product can ship: a double charge is a support ticket, a chargeback and a
    lost customer. The retry that causes it is written by someone who was never told.

    **Example**

    ```markdown
    ## Wallet
    Customers top up their wallet with a card. At checkout the balance pays first, then the card.
    ```

    **Use instead**

    ```markdown
    ## Wallet
    Customers top up their wallet with a card. At checkout the balance pays first. Each top-up
    carries an idempotency key, so a retried request never credits twice; the card charge and
    the balance update commit in one transaction, and a failed charge reverses the credit.
    ```
    """

    id = "RK009"
    name = "money-without-safeguards"
    category = Category.RISK
    default_level = Level.WARNING
    # Default: no finding on the corpus (no real spec there moves money); the findings of its drafts
    # (cloud prices, a language RFC's example, a devnet demo, 'bytes transferred') were wrong or noise and are
    # fixed (bench/verdicts/round7-recall-risk-api.tsv). Keeps the evaluation set's clean documents clean.
    group = Group.DEFAULT
    options = (
        Option("money", "list[str]", list(MONEY_ACTIONS),
               "Phrases that alone say money moves ('*' ends a word, 're:' starts a regex)."),
        Option("safeguards", "list[str]", list(SAFEGUARDS),
               "Phrases that say money moves once, whole, or reversibly, wherever they stand."),
        Option("near-money-safeguards", "list[str]", list(NEAR_MONEY_SAFEGUARDS),
               "Safeguard words that count only with money named within the same sentence or two."),
        Option("min-mentions", "int", 2, "Sentences that move money before the rule asks for safeguards.", minimum=1),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        # Proposals and decision records (RFCs, KEPs, ADRs) are skipped: their money verbs are read
        # in other senses ("upgrade the cluster", "captures its environment"), and reading their
        # plain money phrases alone cost a folder of RFCs 7% of its time for no corpus finding.
        if is_proposal(document, context) or reads_like_proposal(document):
            return
        options = context.options
        index = document_prose(document)
        money = _money_movements(document, index, phrase_pattern(options["money"]))
        if len(money) < options["min-mentions"]:
            return
        if len(_ON_CHAIN.findall(index.text)) >= 3:
            return  # money on a blockchain: atomic and final by construction, guarded by nonces and confirmations
        if _MOVES_NO_MONEY.search(index.text):
            return  # "this pitch moves no money", "we never handle payments": the author ruled it out
        # A safeguard only asked about ("What if a guest is charged twice?", "Do we need idempotency
        # keys?") is the gap itself, not its answer; one in a rejected alternative or a non-goal
        # ("Stripe's payouts: rejected, finance could not reconcile them") is not this design's.
        if any(not _asked(safeguard) and not _out_of_scope(document, where.start.line)
               for safeguard, where in index.finditer(phrase_pattern(options["safeguards"]))):
            return
        for safeguard, where in index.finditer(phrase_pattern(options["near-money-safeguards"])):
            if _safeguards_money(safeguard) and not _asked(safeguard) and not _out_of_scope(document, where.start.line):
                return
        match, span = min(money, key=lambda found: (_rank(document, index, found),
                                                    not _names_destination(index, found[0]), found[1].start.line))
        others = len(money) - 1
        also = f" (and {others} more mention{'s' if others > 1 else ''})" if others else ""
        yield Violation(span, f"'{quote(match)}' moves money{also}, and the document never says how a duplicate, a partial failure or a reversal is "
                              "handled: state idempotency, atomicity and how the movement is reversed")


def _asked(safeguard: re.Match[str]) -> bool:
    """The safeguard's sentence is a question: it ends with a question mark."""
    _start, end = _sentence_bounds(safeguard.string, safeguard.start())
    return safeguard.string[safeguard.end(): end + 1].rstrip(" \n\x00").endswith("?")


def _safeguards_money(safeguard: re.Match[str]) -> bool:
    """True when money is named in the safeguard's paragraph, near it, and the word is not in
    another sense ("reverse chronological order", "reverse proxy") nor a story's wish ("so that I
    can reconcile the bank account": what a user wants, not what the system does)."""
    text = safeguard.string
    if _NOT_A_SAFEGUARD.match(text, safeguard.start()):
        return False
    if _BENEFIT.search(text, max(text.rfind("\x00", 0, safeguard.start()) + 1, safeguard.start() - 80),
                       safeguard.start()):
        return False
    if _STATE_BEFORE.search(text, max(0, safeguard.start() - 30), safeguard.start()):
        return False  # "a credit note against an invoice that was already paid": a state, not a check
    start = max(text.rfind("\x00", 0, safeguard.start()) + 1, safeguard.start() - 150)
    end = text.find("\x00", safeguard.end())
    end = min(end if end >= 0 else len(text), safeguard.end() + 150)
    return bool(_MONEY_WORDS.search(text, start, end))


def _money_movements(document: Document, index: ProseIndex,
                     phrases: re.Pattern[str] | None) -> list[tuple[re.Match[str], Span]]:
    """Each sentence that moves money, outside non-goals and alternatives and not negated, by its
    first money phrase or money verb (a verb counts with money named in its sentence)."""
    candidates = list(index.finditer(phrases))
    for match, span in index.finditer(_MONEY_VERB):
        if _other_sense(match):
            continue
        bounds = _sentence_bounds(index.text, match.start())
        sentence = index.text[bounds[0]:bounds[1]]
        start, end = match.start() - bounds[0], match.end() - bounds[0]
        nouns = [noun for noun in _MONEY_NOUN.finditer(sentence) if noun.end() <= start or noun.start() >= end]
        if nouns or (_LEDGER_VERB.match(match.group(0)) and _ACCOUNT.search(sentence)):
            candidates.append((match, span))
    found: list[tuple[re.Match[str], Span]] = []
    taken: set[tuple[int, int]] = set()
    for match, span in sorted(candidates, key=lambda item: item[0].start()):
        bounds = _sentence_bounds(index.text, match.start())
        if bounds in taken or _out_of_scope(document, span.start.line) or _negated(match) \
                or _TRIGGER_BEFORE.search(index.text[bounds[0]:match.start()]) \
                or _FEE_BEFORE.search(index.text[bounds[0]:match.start()]):
            continue
        if _SHOWN.search(index.text, bounds[0], match.start()) or _PAID_STATE.match(index.text, match.start()) \
                or _PLACE_AFTER.match(index.text, match.end()):
            continue  # "the receipt shows the amount charged", "paid invoices": money shown, not moved
        taken.add(bounds)
        found.append((match, span))
    return found


def _names_destination(index: ProseIndex, match: re.Match[str]) -> bool:
    """The sentence says where the money goes or through what: "to her IBAN through the Bank_API",
    "to the seller's debit card". That is the operation; "pay her earnings every day" is its schedule."""
    start, end = _sentence_bounds(index.text, match.start())
    return bool(_DESTINATION.search(index.text, start, end))


_DESTINATION = lazy_compile(r"\b(?:ibans?|bank(?:\s+accounts?)?|(?:debit|credit)\s+cards?|cards?|wallets?|\w+_api|"
                            r"stripe|paypal|adyen|braintree|sepa|ach|swift|psp|payment\s+(?:service\s+)?(?:provider|processor|gateway))\b",
                            re.I)


def _is_verb(match: re.Match[str]) -> bool:
    """The match is a money verb ("debits", "pay"), not a money phrase ("payouts")."""
    return match.re.pattern == _MONEY_VERB.pattern


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end offsets of the sentence holding `position` (a block ends a sentence)."""
    start = max(0, position - 300)
    for end_mark in _SENTENCE_END.finditer(text, start, position):
        start = end_mark.end()
    following = _SENTENCE_END.search(text, position, position + 300)
    return start, following.start() if following else min(len(text), position + 300)


def _other_sense(match: re.Match[str]) -> bool:
    """True for a money verb in another sense: "pay attention", "free of charge", "a paid plan"."""
    return any(other.start() <= match.start() < other.end()
               for other in _OTHER_SENSE.finditer(match.string, max(0, match.start() - 12), match.end() + 24))


def _rank(document: Document, index: ProseIndex, found: tuple[re.Match[str], Span]) -> int:
    """Where a finding should point first: the operation in a requirement or criterion (0), other
    prose (1), a user story or the summary (2), a heading (3)."""
    match, span = found
    section = section_at(document, span.start.line)
    if section.heading is not None and section.heading.span.start.line == span.start.line \
            or _SCENARIO_TITLE.match(document.lines[span.start.line - 1]):
        return 3  # a heading, or a scenario's title ("Scenario: Buy two tickets") names the test, not the movement
    bounds = _sentence_bounds(index.text, match.start())
    block_start = index.text.rfind("\x00", 0, match.start()) + 1
    if _USER_STORY.match(index.text[block_start:bounds[1]]) or _in_introduction(section):
        return 2
    from speclint.reading.normative import is_normative

    if is_normative(section) or _COMMITS.search(index.text[bounds[0]:bounds[1]]):
        return 0
    return 1


_SCENARIO_TITLE = lazy_compile(r"^\W{0,6}(?:scenario(?:\s+outline)?|feature|background|example|rule)\s*:", re.I)


def _in_introduction(section: Section) -> bool:
    """The summary and its kin: a PR/FAQ's press release announces what its FAQ explains, and
    success criteria measure the outcome ("shoppers complete checkout faster")."""
    from speclint.document.headings import title_matches
    from speclint.reading.operations import INTRO_SECTIONS

    return any(each.heading is not None and (title_matches(each.title, INTRO_SECTIONS)
                                             or bool(_FRAMING_TITLE.search(each.title)))
               for each in (section, *section.ancestors()))


_FRAMING_TITLE = lazy_compile(r"\bpress\s+release\b|\bsuccess\s+(?:criteria|metrics|measures)\b|"
                              r"\bmeasurable\s+outcomes\b|"
                              # today's state, before the change: "Context and scope", "Background", "Current state"
                              r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:context|background|current\s+state|goals?)\b", re.I)


def _out_of_scope(document: Document, line: int) -> bool:
    section = section_at(document, line)
    return section.heading is not None and not_in_scope(section)


def _negated(match: re.Match[str]) -> bool:
    from speclint.reading.concerns import _negated as negated

    return negated(match)
