"""Operations that can fail, and the language that says what happens when they do.

Shared by the error-handling rules. An *operation that can fail* is something a developer will
wrap in error handling: a call to another service or API, a payment, parsing a file or input, an
upload or download, a sync, sending a message, user input in a form. *Failure handling* is any
statement of what happens then: an error response or status code, a retry, a timeout, a
validation error, a fallback, a rollback, a message shown to the user, or a section that lists
failure modes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Collection, Iterable, Sequence
from weakref import WeakKeyDictionary

from speclint.document.headings import normalize_title
from speclint.document.model import Document, Section, Span, Table, TextSegment
from speclint.lazy_regex import lazy_compile
from speclint.reading.normative import per_section

if TYPE_CHECKING:
    from speclint.document.text import Prose

#: Each entry: (what the operation is, for messages; pattern).
FALLIBLE_OPERATIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "pay" alone is too often figurative ("all programs pay the cost"); "checkout" is also git's.
    ("payment", lazy_compile(
        r"\b(?:payments?|pays\s+(?:for|with|by)\s+(?:the|an?|their|his|her)\b|"
        r"(?:charges?|charged|charging)\s+(?:to\s+)?(?:the|a|their|his|her)\s+(?:saved\s+|stored\s+)?(?:card|customer|account|"
        r"user|member|client|buyer|shopper)|refunds?|billing|stripe|paypal|adyen|braintree|top[- ]ups?|"
        r"(?:bank|wire|fund)\s+transfers?|transfers?\s+(?:the\s+)?funds|"
        r"credit\s+cards?|card\s+payments?|payouts?|checkout\s+(?:flow|page|process|session))\b", re.I)),
    ("call to another service", lazy_compile(
        r"\b(?:third[- ]party\s+(?:service|api|provider|system|integration|gateway)s?|"
        r"external\s+(?:service|api|system|provider|endpoint)s?|"
        r"(?:calls?|calling|invokes?|requests?\s+data\s+from|queries|fetch(?:es)?\s+\w+\s+from|posts?\s+to)\s+"
        r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}(?:api|service|endpoint|server|backend|provider|gateway|webhook)\b|"
        r"webhooks?|http\s+(?:request|call)s?|rest\s+(?:call|request)s?|grpc\s+calls?|"
        r"via\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}apis?|"
        # a request to, or data sent to, a system named as one: "request a route from the Maps_API",
        # "send the order to the Warehouse_System", "publish the event to the message queue"
        r"(?:requests?|requesting|fetch(?:es|ing)?|retrieves?|retrieving|pulls?|pulling)\s+(?:the\s+|an?\s+|each\s+)?"
        r"(?:[\w'-]+\s+){0,4}?from\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:\w+_)?(?:api|service|endpoint|server|backend|"
        r"provider|gateway|system|feed)|"
        r"(?:sends?|sending|posts?|posting|submits?|submitting|forwards?|forwarding|publish(?:es|ing)?|pushe?s?|pushing|"
        r"transmits?|transmitting|exports?|exporting)\s+"
        r"(?:the\s+|an?\s+|each\s+|every\s+|its\s+|their\s+)?(?:[\w'-]+\s+){0,3}?(?:to|on(?:to)?)\s+(?:the\s+|an?\s+)?"
        r"(?:(?:[\w'-]+\s+){0,2}?(?:\w+_(?:api|service|system|gateway|provider|queue|bus|topic)|api|endpoint|backend|gateway|"
        r"webhook|(?:message|event|job|task)\s+(?:queue|broker|bus)|queue|topic)|[\w'-]+\s+(?:[\w'-]+\s+)?(?:system|platform))|"
        # "integrates with the carrier's label service"
        r"integrat(?:e|es|ed|ing)\s+with\s+(?:the\s+|an?\s+|their\s+)?(?:[\w'-]+\s+){0,3}?(?:api|service|system|platform|"
        r"provider|gateway)|"
        r"remote\s+(?:service|server|api)s?)\b", re.I)),
    ("upload", lazy_compile(
        r"\b(?:uploads?|uploading|uploaded|downloading\s+(?:the|a|an|their)\b|"
        r"download(?:s)?\s+(?:the|a|an|their)\s+(?:[\w-]+\s+)?(?:file|report|export|invoice|attachment)s?|"
        # a file sent out: "the job sends the file to each partner", "pushes the CSV to the vendor's drop"
        r"(?:sends?|sending|pushe?s?|pushing|delivers?|delivering|transmits?|transmitting|exports?|exporting)\s+"
        r"(?:the|a|an|each|every|their|our|its)\s+(?:[\w'-]+\s+){0,3}?(?:files?|feeds?|extracts?|csvs?|batch(?:es)?|"
        r"exports?)\s+to)\b",
        re.I)),
    ("import or parsing", lazy_compile(
        r"\b(?:pars(?:e|es|ing)\s+(?:the\s+|a\s+|an\s+|uploaded\s+|user\s+)?(?:[\w-]+\s+)?"
        r"(?:file|input|csv|json|xml|yaml|document|payload|response|feed|spreadsheet)s?|"
        r"imports?\s+(?:a\s+|the\s+|their\s+)?(?:[\w-]+\s+)?(?:csv|file|spreadsheet|data|contacts|xlsx|excel)s?|"
        # row by row: "we import every row as a product"; the import as a run: "the import runs nightly"
        r"import(?:s|ed|ing)?\s+(?:every|each|all)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:rows?|lines?|records?|entr(?:y|ies))|"
        r"(?:the|each|every|this)\s+(?:[\w-]+\s+)?import\s+(?:runs?|job|completes?|finishes|starts?|processes|creates?)|"
        r"csv\s+import|file\s+import)\b", re.I)),
    # Data sync between systems, not "synchronization" of threads or "in sync with".
    ("sync", lazy_compile(
        r"\b(?:(?:sync|syncs|syncing|synced|synchroni[sz]es?|synchroni[sz]ing)\s+(?:the\s+|their\s+|all\s+)?"
        r"(?:[\w-]+\s+){0,3}(?:with|to|from|between|across)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:\w+_)?"
        r"(?:server|cloud|service|api|device|devices|backend|crm|salesforce|calendar|account|remote|system|platform|"
        r"hris|erp|directory)s?|"
        r"(?:data|background|offline|contact|calendar|cloud|two-way|bidirectional)\s+sync(?:hroni[sz]ation)?)\b",
        re.I)),
    ("message delivery", lazy_compile(
        r"\b(?:(?:sends?|sending|delivers?|delivering)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
        r"(?:confirmation|notification|welcome|reset|verification|receipt|reminder|push|transactional)\s+"
        r"(?:emails?|sms|messages?|notifications?)|(?:emails?|sms|push\s+notifications?)\s+(?:is|are)\s+sent|"
        r"(?:sends?|sending|sent|delivers?|delivered)\s+(?:an?\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?:e-?mail|sms|text\s+message|push\s+notification|push)s?|notifications?\s+(?:is|are)\s+sent|"
        r"(?:receives?|gets?)\s+(?:an?\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,3}(?:by|via)\s+(?:e-?mail|sms|text|push)|"
        # what the person gets: "the customer gets a confirmation email", "receives a push notification"
        r"(?:receives?|gets?)\s+(?:an?\s+|the\s+|their\s+)(?:[\w-]+\s+){0,2}?(?:e-?mail|sms|text\s+message|"
        r"push\s+notification)s?(?!\s+(?:address|field|domain)s?\b)|"
        r"(?:e-?mails|texts)\s+(?:the|them|their|a)\s+(?:[\w-]+\s+){0,2}(?:receipt|code|link|invoice|ticket|"
        r"confirmation|reminder)s?|(?:e-?mails|texts)\s+(?:it|them)\s+to\s+(?:the|their|each|every|all)\b|"
        r"notif(?:y|ies|ying)\s+(?:the\s+|an?\s+|their\s+)?(?:[\w-]+\s+){0,2}(?:by|via|with\s+an?)\s+"
        r"(?:e-?mail|sms|text|push))\b",
        re.I)),
    # Commands sent to devices in the field over a network: a robot, scanner or locker that stops
    # answering ("dispatch missions to robots over the site Wi-Fi").
    ("device command", lazy_compile(
        r"\b(?:sends?|sending|sent|dispatch(?:es|ed|ing)?|pushe?s?|pushed|pushing|transmits?|transmitted|"
        r"downloads?|forwards?)\s+(?:the\s+|an?\s+|each\s+|every\s+|its\s+|their\s+)?(?:[\w'-]+\s+){0,3}?to\s+"
        r"(?:the\s+|each\s+|every\s+|all\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:robots?|devices?|scanners?|terminals?|"
        r"lockers?|meters?|chargers?|printers?|kiosks?|vehicles?|sensors?|controllers?|handhelds?|tablets?|drones?|"
        r"thermostats?|cameras?|displays?|screens?|labels?|signs?|beacons?)\s+(?:over|via|using|through)\b", re.I)),
    # A job that runs unattended: nobody watches it fail.
    ("scheduled job", lazy_compile(
        r"\b(?:(?:nightly|daily|hourly|weekly|monthly|scheduled|cron|batch|recurring|periodic|background)\s+"
        r"(?:[\w-]+\s+)?jobs?|(?:scheduled|cron|background)\s+tasks?|cron\s*jobs?|cronjobs?)\b", re.I)),
    ("user input", lazy_compile(
        r"\b(?:(?:sign[- ]?up|registration|checkout|contact|payment|web)\s+forms?|"
        r"(?:enters?|types?|submits?|fills\s+in)\s+(?:their|a|an|the)\s+(?:[\w-]+\s+){0,2}"
        r"(?:email|password|address|phone|card|amount|form|details)s?)\b", re.I)),
)

#: Failure, error, retry, timeout and bounce in German, Spanish and French: "schlägt der Versand
#: fehl", "si el proveedor falla", "en cas d'échec". What they are about is not read (as for the
#: Chinese and Japanese words): a sentence that says so in another language addresses failure.
FOREIGN_FAILURE_WORDS = (
    r"\b(?:fehl(?:er\w*|schl\w+|geschlagen\w*)|fehl\b|wiederhol\w+|zeitüberschreitung\w*|ausf(?:a|ä)ll\w*|"
    r"nicht\s+(?:zugestellt|erreichbar|verfügbar)|abgelehnt\w*|"
    r"fall(?:a|an|ó|aron|ido|ida|idos|idas|o|os)|reintent\w*|rebot(?:a|an|e|ó|ado|ados)|errores|rechaz\w+|"
    r"no\s+(?:responde\w*|disponible|entregad\w+)|tiempo\s+de\s+espera|"
    r"échecs?|échou\w*|erreurs?|réessa\w*|nouvelle\s+tentative|indisponible|rejet(?:s|é|ée|és|ées)?|"
    r"non\s+(?:livré|distribué)\w*)\b"
)
_FOREIGN_FAILURE = lazy_compile(FOREIGN_FAILURE_WORDS, re.I)
#: Failure words of other languages that may only state a decision (rejected, refused).
_FOREIGN_DECISION = lazy_compile(r"abgelehnt\w*|rechaz\w+|rejet(?:s|é|ée|és|ées)?", re.I)

#: Statements of what happens on failure.
FAILURE_HANDLING = lazy_compile(
    r"\b(?:errors?|fail(?:s|ed|ure|ures|ing)?|retr(?:y|ies|ied|ying)|time[- ]?outs?|timed\s+out|invalid|"
    r"validat(?:e|es|ed|ion|ing)|fall(?:s)?\s*back|fallbacks?|reject(?:s|ed|ion)?|unavailable|unreachable|"
    r"exceptions?|roll(?:s|ed)?\s*back|rollbacks?|declin(?:e|es|ed)|circuit[- ]breakers?|dead[- ]letter|"
    r"back[- ]?off|idempoten\w*|compensat\w+|abort(?:s|ed)?|refus(?:e|es|ed)|denied|malformed|corrupt\w*|"
    r"conflicts?|offline|outages?|degrad\w+|recover(?:y|s|ed)?|4\d\d|5\d\d|4xx|5xx|non-zero\s+exit|"
    r"exit\s+code\s+[1-9])\b|" + FOREIGN_FAILURE_WORDS,
    re.I,
)

FAILURE_SECTION_NAMES = (
    "error handling",
    "errors",
    "error cases",
    "error codes",
    "error responses",
    "error states",
    "failure modes",
    "failure handling",
    "failure scenarios",
    "failures",
    "what can go wrong",
    "unhappy paths",
    "unhappy path",
    "exception handling",
    "exceptions",
    "recovery",
    "failure recovery",
    "resilience",
    "retries",
    "retry policy",
    # German, Spanish, French
    "fehlerbehandlung",
    "fehlerfälle",
    "fehlerszenarien",
    "manejo de errores",
    "gestión de errores",
    "casos de error",
    "gestion des erreurs",
    "cas d'erreur",
    "cas d'échec",
)
_FAILURE_SECTION_KEYS = {normalize_title(name) for name in FAILURE_SECTION_NAMES}
_ERROR_COLUMN = lazy_compile(r"^(?:error(?:\s+code|\s+message|\s+case|\s+type)?s?|status(?:\s+code)?|http\s+status|"
                           r"failure(?:\s+mode)?s?|exception|code|exit\s+code)$", re.I)


#: A payment *amount* or schedule that is computed or shown ("the monthly payment", "payment
#: schedule"), not a transaction that moves money.
_PAYMENT_AMOUNT_BEFORE = lazy_compile(r"\b(?:monthly|annual|yearly|weekly|down|minimum|estimated|total|loan|mortgage|"
                                    r"expected|required|balloon|periodic|installment|instalment|lease|calculated)\s+$",
                                    re.I)
_PAYMENT_AMOUNT_AFTER = lazy_compile(r"^\s+(?:amounts?|schedules?|calculat\w+|plans?|frequency|terms?|formula|"
                                   r"breakdown|estimates?|table|processing\s+fees?|"
                                   # payments as a part of the code or of the company, which makes no
                                   # payment: "the payments module", "the payments team's on-call rota"
                                   r"(?:modules?|code(?:base)?|repo(?:sitory|sitories|s)?|librar(?:y|ies)|packages?|"
                                   r"teams?|squads?|org(?:ani[sz]ation)?|department|engineers?|reviewers?|owners?|"
                                   r"rotas?|on-?call|incidents?|domain|area|roadmap|backlog|channel|"
                                   # news of a payment made elsewhere, which this product receives: "a
                                   # payment callback that arrives within the grace period", "payment events"
                                   r"callbacks?|webhooks?|events?)(?![\w-]))", re.I)
#: Billing and payouts as places and records: "the billing page", "the billing export", "the payouts page".
_BILLING_PLACE = lazy_compile(r"(?:billing|payouts?)\s+(?:pages?|screens?|tabs?|portal|dashboards?|settings|exports?|data|"
                              r"history|address(?:es)?|details|information|reports?|contacts?|emails?)\b|"
                              # billing as a system that receives data, its accounts and its schedule (not "a payout
                              # runs"): "published to the billing system's queue", "billing service accounts",
                              # "Billing run schedule", "Billing calculations are out of scope"
                              r"billing\s+(?:system(?:s|['’]s)?|service\s+accounts?|run\s+(?:schedules?|dates?|times?)|"
                              r"calculations?)\b", re.I)
#: Money explained or shown, not moved: "help articles explain how refunds affect fees".
_PAYMENT_SHOWN_BEFORE = lazy_compile(r"\b(?:explain(?:s|ed|ing)?|describ(?:e|es|ed|ing)|shows?|showing|displays?|lists?)"
                                     # words between: "list that customer's top-ups and refunds"
                                     r"\s+(?:[\w'’-]+\s+){0,4}$", re.I)


#: Payments as a right someone holds, not money moved: "a custom role can never contain *Manage billing*",
#: "admins can view refunds", "the billing permission", "a Billing admin" (a capability's name, a role's).
_PAYMENT_RIGHT_BEFORE = lazy_compile(r"\b(?:manage|managing|administer|administering|view|viewing|access\s+to|"
                                     r"permissions?\s+(?:to|for)|rights?\s+(?:to|over))\s+(?:the\s+)?[*_]*$", re.I)
_PAYMENT_RIGHT_AFTER = lazy_compile(r"^[*_]*\s+(?:permissions?|scopes?|roles?|rights?|bundles?|admins?|administrators?|"
                                    r"managers?|privileges?|access|viewers?)\b", re.I)


#: An operation denied: "no payments go through us", "never uploads".
#: "no email", "never charged", "nothing to refund or charge", "does not send": no operation happens.
_DENIED_BEFORE = lazy_compile(r"\b(?:no|never|not|nothing\s+to|without)\s+(?:\w+\s+(?:or|nor)\s+)?$", re.I)


def _is_operation(kind: str, match: re.Match[str], text: str) -> bool:
    if _DENIED_BEFORE.search(text, max(0, match.start() - 30), match.start()):
        return False
    if kind != "payment":
        return True
    before = text[max(0, match.start() - 30): match.start()]
    after = text[match.end(): match.end() + 30]
    return not (_PAYMENT_AMOUNT_BEFORE.search(before) or _PAYMENT_AMOUNT_AFTER.match(after)
                or _BILLING_PLACE.match(text, match.start())
                or _PAYMENT_RIGHT_BEFORE.search(text[max(0, match.start() - 30): match.start()])
                or _PAYMENT_RIGHT_AFTER.match(after)
                or _PAYMENT_SHOWN_BEFORE.search(text[max(0, match.start() - 60): match.start()]))


def fallible_operation(text: str) -> tuple[str, re.Match[str]] | None:
    """The first operation that can fail named in `text`: (kind, match), or None."""
    best: tuple[str, re.Match[str]] | None = None
    for kind, pattern in FALLIBLE_OPERATIONS:
        match = next((m for m in pattern.finditer(text) if _is_operation(kind, m, text)), None)
        if match and (best is None or match.start() < best[1].start()):
            best = (kind, match)
    return best


def addresses_failure(text: str) -> bool:
    return bool(FAILURE_HANDLING.search(text))


def is_failure_section_title(title: str) -> bool:
    key = normalize_title(title)
    return key in _FAILURE_SECTION_KEYS or key.startswith(("error handling", "failure mode", "error and ", "what if"))


def is_error_table(table: Table) -> bool:
    """A table with an Error / Status code / Failure mode column. A bare "Status" column counts
    when it holds status codes: "| Status | Meaning |" listing Requested, Approved, Rejected is a
    lifecycle, and a request rejected by a person is no call failing."""
    from speclint.reading.requirements import plain

    for index, name in enumerate(table.columns):
        title = plain(name).strip()
        if not _ERROR_COLUMN.match(title):
            continue
        if title.lower() != "status" or any(index < len(row) and _STATUS_CODE_CELL.search(row[index].text)
                                            for row in table.rows):
            return True
    return False


_STATUS_CODE_CELL = lazy_compile(r"\b(?:[1-5]\d\d|[1-5]xx)\b", re.I)


def failure_sections(document: Document) -> Iterable[Section]:
    return (section for section in document.sections() if is_failure_section_title(section.title))


def has_central_failure_handling(document: Document) -> bool:
    """A failure-modes section with content, or an error table, anywhere in the document."""
    for section in failure_sections(document):
        if any(section.iter_blocks()):
            return True
    for _section, block in document.iter_blocks():
        if isinstance(block, Table) and is_error_table(block):
            return True
    return False


def first_operation(segments: list[TextSegment]) -> tuple[str, str, Span] | None:
    """The earliest operation that can fail in `segments`: (kind, the words, their span)."""
    from speclint.document.text import find_all

    best: tuple[str, str, Span] | None = None
    for kind, pattern in FALLIBLE_OPERATIONS:
        hit = next((found for found in find_all(pattern, segments)
                    if _is_operation(kind, found[0], found[0].string)), None)
        if hit is not None:
            match, span = hit
            if best is None or (span.start.line, span.start.column) < (best[2].start.line, best[2].start.column):
                best = (kind, " ".join(match.group(0).split()), span)
    return best


def describe_operation(kind: str, words: str) -> str:
    """"'charge the saved card' (payment)", or just "'payment'" when the words name the kind."""
    if words.lower().rstrip("s") == kind.lower().rstrip("s") or kind.lower() in words.lower():
        return f"'{words}'"
    return f"'{words}' ({kind})"


#: Sections whose operations are steps of a test, not behaviour to specify: "When an HTTP request
#: is sent to /orders, then ..." triggers the test; the test need not say how the request fails.
_TEST_TITLE_WORDS = frozenset({"test", "tests", "testing", "e2e", "qa", "verification", "scenario",
                               "acceptance", "example", "demo", "walkthrough"})


def is_test_section(section: Section) -> bool:
    return any(each.heading is not None and _TEST_TITLE_WORDS.intersection(normalize_title(each.title).split())
               for each in (section, *section.ancestors()))


def is_test_step(text: str) -> bool:
    """A Given/When/Then scenario or step: the operations it names are its triggers."""
    from speclint.reading.requirements import is_scenario_text

    if re.search(r"\b(?:SHALL|MUST)\b", text):
        return False  # an EARS clause ("WHEN ..., THE system SHALL ...") is a requirement
    return bool(re.match(r"^\W{0,6}(?:given|when|then|and)\b", text, re.I)) or is_scenario_text(text)


INTRO_SECTIONS = _INTRO_SECTIONS = ("summary", "overview", "problem", "problem statement", "background", "motivation",
                   "context", "introduction", "abstract", "tl dr", "tldr", "why")

#: (rank, (kind, words, span)): a mention of an operation that can fail; rank 0 for the body of the
#: spec, 1 for its introduction, 2 for headings (where a finding should not point first).
Mention = tuple[int, tuple[str, str, Span]]


def unhandled_mentions(document: Document) -> list[Mention]:
    """When the document never addresses failure anywhere (no error, retry, timeout... in prose
    or code, no failure section or error table): every mention of an operation that can fail,
    outside test steps. Empty when failure is addressed somewhere. Computed once per document:
    EH001 reports the whole defect once, and EH002/EH003 leave it to EH001."""
    cached = _unhandled.get(document)
    if cached is None:
        cached = _unhandled[document] = _unhandled_mentions(document)
    return cached


def silent_on_failure(document: Document) -> bool:
    """The document never addresses failure anywhere: no error, retry, timeout... in prose or
    code, no failure section or error table. Computed once per document."""
    cached = _silent.get(document)
    if cached is None:
        from speclint.document.model import CodeBlock
        from speclint.document.text import code_spans, iter_prose, mask_invisible

        texts = ["\n".join(s.text for s in piece.segments) for piece in iter_prose(document)]
        visible = "\n".join(mask_invisible(text) for text in texts)
        # Inline code is code too: "the call returns `409 slot_taken`" answers the failure.
        code = "\n".join([block.code for _section, block in document.iter_blocks() if isinstance(block, CodeBlock)]
                         + [span for text in texts for span in code_spans(text)])
        cached = _silent[document] = not (has_central_failure_handling(document) or addresses_failure(visible)
                                          or addresses_failure(code))
    return cached


_silent: WeakKeyDictionary[Document, bool] = WeakKeyDictionary()


def _unhandled_mentions(document: Document) -> list[Mention]:
    from speclint.document.headings import title_matches
    from speclint.document.text import iter_prose

    if not silent_on_failure(document):
        return []
    pieces = list(iter_prose(document))
    mentions: list[Mention] = []
    for piece in pieces:
        if is_test_section(piece.section) or is_test_step("\n".join(s.text for s in piece.segments)):
            continue
        found = first_operation(piece.segments)
        if found is None:
            continue
        if piece.kind == "heading":
            rank = 2
        elif any(section.heading is not None and title_matches(section.title, _INTRO_SECTIONS)
                 for section in [piece.section, *piece.section.ancestors()]):
            rank = 1
        else:
            rank = 0
        mentions.append((rank, found))
    return mentions


_unhandled: WeakKeyDictionary[Document, list[Mention]] = WeakKeyDictionary()


def reported_document_wide(document: Document, context: object) -> bool:
    """True when EH001 reports this document's missing failure handling once for all its
    operations (at its default threshold of two mentions), so that the per-requirement rules
    (EH002, EH003) do not report the same defect again."""
    from speclint.reading.requirements import is_proposal

    return not is_proposal(document, context) and len(unhandled_mentions(document)) >= 2


# --- named third-party providers ---------------------------------------------------------------

#: Providers named by brand, and what the call to them does. Brand names are matched with their
#: capitals ("Stripe", not a "stripe" of a RAID array; "SES", not "ses").
PROVIDERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("payment", lazy_compile(r"\b(?:Stripe|PayPal|Paypal|Braintree|Adyen|Razorpay|Chargebee|Recurly|Mollie|Klarna|"
                           r"Plaid|Paystack|Flutterwave|Checkout\.com|Authorize\.net|Square\s+(?:Payments|API)|"
                           r"GoCardless|Worldpay|Paddle|Lemon\s+Squeezy|M-Pesa|Apple\s+Pay|Google\s+Pay|Worldline|Nexi|Ingenico|"
                           r"Cybersource|CyberSource|Elavon|Moneris|Computop|Payone|PAYONE|Mercado\s+Pago|PagSeguro|"
                           r"Przelewy24|Afterpay|Affirm|Satispay|Bizum|Swish|Vipps|MobilePay|Twint|TWINT)\b")),
    ("SMS", lazy_compile(r"\b(?:Twilio|Vonage|Nexmo|MessageBird|Plivo|Sinch|Telnyx|(?:Amazon|AWS)\s+SNS)\b")),
    ("email", lazy_compile(r"\b(?:SendGrid|Sendgrid|Mailgun|Postmark|Mandrill|SparkPost|Mailjet|Brevo|Mailchimp|"
                         # "Resend" is also a link ("Resend" link): the brand only where it is a provider
                         r"(?<=via\s)Resend|(?<=through\s)Resend|(?<=using\s)Resend|Resend(?=\s+(?:API|SDK))|Customer\.io|(?:Amazon\s+|AWS\s+)?SES|Amazon\s+Simple\s+Email\s+Service)\b")),
    ("push notification", lazy_compile(r"\b(?:APNs|APNS|FCM|Firebase\s+Cloud\s+Messaging|OneSignal|Expo\s+[Pp]ush|"
                                     r"Apple\s+Push\s+Notification\s+[Ss]ervice)\b")),
    ("object storage", lazy_compile(r"\b(?:(?:Amazon\s+|AWS\s+)?S3|Google\s+Cloud\s+Storage|GCS|"
                                  r"Azure\s+Blob(?:\s+Storage)?|Cloudflare\s+R2|Backblaze\s+B2)\b")),
    ("file transfer", lazy_compile(r"\b(?:SFTP|FTPS?)\b")),
    # A broker whose messages can fail to publish, or fail to be processed and need a dead-letter queue.
    ("message queue", lazy_compile(r"\b(?:RabbitMQ|Apache\s+Kafka|Kafka|(?:Amazon\s+|AWS\s+)?SQS|(?:Google\s+(?:Cloud\s+)?)?Pub/Sub|"
                                 r"EventBridge|Azure\s+Service\s+Bus|Kinesis|ActiveMQ|NATS|Celery|Sidekiq|BullMQ)\b")),
    # Services that exist to be called (a CRM, e-signature, tax or shipping-rate API). A
    # capitalised word before "API" is too often the document's own API ("the Review API").
    ("external API", lazy_compile(
        r"\b(?:Salesforce|HubSpot|Zendesk|DocuSign|Avalara|TaxJar|Shippo|EasyPost|"
        r"Google\s+(?:Maps|Places|Calendar|Translate|Vision)\s+(?:[A-Z]\w+\s+){0,2}API|Gmail\s+API|Slack\s+API|"
        r"Mapbox|Xero|QuickBooks|NetSuite|Shopify\s+(?:Admin\s+)?API)\b")),
    # Sign-in delegated to an identity provider: when it is down, nobody signs in.
    ("identity provider", lazy_compile(
        r"\b(?:Auth0|Okta|(?:Amazon\s+|AWS\s+)?Cognito|Firebase\s+Auth(?:entication)?|Keycloak|OneLogin|"
        r"Azure\s+(?:AD|Active\s+Directory)|(?:Microsoft\s+)?Entra\s+ID|Ping\s+Identity)\b")),
    # Identity verification (KYC) vendors: a check that never answers, or answers "consider".
    ("identity verification", lazy_compile(r"\b(?:Onfido|Jumio|Veriff|Sumsub|Socure|Trulioo|IDnow|Mitek)\b")),
    # Hosted model APIs: slow, rate-limited, and sometimes answering nonsense.
    # Named with the API that is called ("the OpenAI vision API"): "OpenAI Codex CLI", "an
    # OpenAI-compatible surface" and "the OpenAI API key" call nothing.
    ("AI model API", lazy_compile(
        r"\b(?:(?:OpenAI|Anthropic|Claude|Gemini|Mistral|Cohere|GPT-[345]\w*)(?:'s)?\s+(?:[a-z][\w-]*\s+)?API(?!\s+keys?\b)|"
        r"Azure\s+OpenAI(?:\s+Service)?|Vertex\s+AI|(?:Amazon|AWS)\s+Bedrock|Hugging\s*Face\s+Inference(?:\s+API)?)\b")),
)

#: A service named by its owner's brand, which no list can hold ("sent to the Receiptly OCR API",
#: "from Fixwell's rates API", "submits it to Verity's e-signature service"): a capitalised name
#: with "API", or a possessive name with "service", where the sentence calls it (`_CALLED_BEFORE`).
#: Not the platform's, the language's or the browser's own APIs, nor the document's own API (a
#: heading names it: `provider_mentions_in`).
NAMED_API_KIND = "external API"
_GLUE = r"(?:via|their|its|his|her|our|your|the|an?|to|from|of|for|with|and|or|in|on|by|through|using|is|are|was|were)"
NAMED_API = lazy_compile(
    r"\b(?!(?:Our|Your|Its|This|The|Public|Private|Internal|Admin|REST|HTTP|HTTPS|GraphQL|gRPC|Web|Core|Main|New|"
    r"Legacy|Kubernetes|K8s|Cluster|Machine|Gateway|OpenAPI|JSON|XML|SQL|CLI|UI|SDK|Java|Python|Go|Rust|Node|JNI|"
    r"C|Fetch|Canvas|Clipboard|Geolocation|Notifications?|Payment\s+Request|Storage|File|Media\w*|Intl|DOM)\b)"
    r"[A-Z][\w&-]*(?:\.[\w&-]+)*(?:\s+[A-Z][\w&-]*(?:\.[\w&-]+)*){0,2}"
    r"(?:(?:(?:['\u2019]s|(?<=s)['\u2019])(?:\s+(?!" + _GLUE + r"\b)[\w-]+){0,2}\s+(?:API|[Ss]ervice|web\s+service|endpoint))|"
    r"(?:\s+(?!" + _GLUE + r"\b)[a-z][\w-]*){0,2}\s+API|"
    # "the Paperform rendering service": a name, what it does, and "service"
    r"(?:\s+(?!" + _GLUE + r"\b)[a-z][\w-]*){1,2}\s+service)\b(?!\s+(?:keys?|tokens?|docs?|documentation|reference|references|version|surface|"
    r"server|types?|group|objects?|resources?)\b)")
#: Capitalised words that name no system: pronouns, articles, sentence openers.
_NOT_A_NAME = (r"(?:It|Its|This|That|These|Those|The|A|An|We|Our|Us|You|Your|He|She|They|Their|Each|Every|When|Then|If|"
               r"Once|After|Before|Which|Who|Nobody|Everyone|Someone|Nothing|Everything)")
#: A business system named by its acronym ("the ERP", "the HRIS"), where a sentence calls it.
#: Business systems known by their acronym: an ERP, a CRM, an HRIS, an EHR...
_BUSINESS_SYSTEMS = r"ERP|CRM|HRIS|WMS|TMS|EHR|EMR|LIMS|MES|DMS|PIM|OMS|HCM|CMMS|PACS|RIS"
SYSTEM_ACRONYM = lazy_compile(r"(?<=\bthe\s)(?:" + _BUSINESS_SYSTEMS + r")"
                              r"(?:\s+system)?\b(?![-\u2019']|\s+(?:team|vendor|data\s+model|project|migration|replacement)\b)")
#: Before a business system, in its sentence: a call to it ("posts an adjustment to the ERP").
_SYSTEM_CALLED_BEFORE = lazy_compile(
    r"\b(?:posts?|posted|posting|sends?|sent|sending|writes?|written|writing|pushe[sd]|pushing|push|submits?|submitted|"
    r"creates?|created|creating|books?|booked|registers?|registered|fetch(?:es|ed|ing)?|pulls?|pulled|retrieves?|"
    r"retrieved|looks?\s+up|queries|queried|calls?|called|exports?|exported|transmits?|transmitted|updates?|updated|"
    r"orders?|ordered)\b[^.;!?\n]{0,80}?\b(?:to|into|in|from|with|on)\s+$", re.I)


#: Another system named by its acronym alone where the sentence calls it: "queued and posted to SAP
#: PM", "la consulta al RUNT", "create the outage report in the OMS" (the acronyms `SYSTEM_ACRONYM`
#: lists need no call before "the"). Not a format, a protocol, a keyword of EARS or RFC 2119, a team
#: or a role ("export to CSV", "over HTTPS", "THEN the system SHALL", "sent to QA"); `provider_mentions`
#: asks for a call verb before it in its sentence (`_ACRONYM_CALLED_BEFORE`) and for the acronym on
#: another line of the document.
ACRONYM_SYSTEM = lazy_compile(
    # (the acronym's first capital first, a character class the engine scans for fast; `provider_mentions`
    # asks for the word before it, `_ACRONYM_LEAD`, and drops the acronyms of `_NOT_A_SYSTEM`)
    r"(?P<name>[A-Z](?<![\w-][A-Z])[A-Z0-9]{2,5}(?:\s+[A-Z]{2,4}\b(?!\s+[a-z]))?)\b(?![-\u2019'./]\w)"
    # an acronym that qualifies a thing is no system: "to SBOM components", "in the HL7 format"
    r"(?!\s+(?:files?|formats?|components?|documents?|records?|fields?|codes?|numbers?|data|reports?|exports?|"
    r"schemas?|standards?|spec\w*|versions?|complian\w*|rules?|requirements?|guidelines?|ids?|entries|values?|"
    r"messages?|payloads?|templates?)\b)")
#: Acronyms that name no system: formats, protocols, keywords of EARS and RFC 2119, roles, channels.
_NOT_A_SYSTEM = frozenset((
    "API APIS SDK CLI URL URI CSV TSV PDF JSON XML HTML YAML TOML XLS XLSX ZIP PNG JPG JPEG SVG GIF HTTP HTTPS TCP UDP "
    "TLS SSL SSH DNS SMTP IMAP MQTT AMQP REST SOAP RPC GRPC SQL NFS CPU GPU RAM SSD USB UTF ASCII ISO UTC GMT EUR USD "
    "GBP PII SLA SLO SLI KPI OKR MVP FAQ TBD TODO EOF IDE CEO CTO CFO COO CISO DPO LLM OCR NLP RFC KEP ADR PRD SRS ERS "
    "NFR REQ MUST SHALL SHOULD MAY NOT AND THE WHEN THEN WHILE WHERE WENN DANN MUSS SOLL DEBE CUANDO ENTONCES DEVE "
    "QUANDO ENTÃO LORSQUE ALORS DOIT NEW ALL ANY NONE YES OFF FIFO LIFO ETA ERT GDPR HIPAA PCI DSS SOC AWS GCP IAM "
    "VPC VPN LAN WAN CDN SMS MMS OTP PIN NFC GPS LTE IVR RFID BLE WIFI").split())
#: The words just before an acronym that is called: "to", "into", "from", "with" (and "the"), "in the",
#: "al", "ao", "no", "nel", "zum", "en el", "a la", "an das", "bei der", an article after the call
#: itself ("consulta o SIAFI", "consulta el RUNT", "interroga il CUP").
_ACRONYM_LEAD = lazy_compile(
    r"(?:\b(?:(?:to|into|from|with)\s+(?:the\s+)?|in\s+the\s+|(?:al|ao|no|na|nel|nella|del|do|dal|dallo|zum|zur|beim)\s+|"
    r"(?:en|a|de)\s+(?:el|la|los|las)\s+|(?:an|bei|in|von|aus)\s+(?:das|die|den|dem|der)\s+)|"
    r"(?<=[a-zà-ú]\s)(?:o|el|il|lo|le)\s+)$")
#: A call before an acronym in its sentence, in English, Spanish, Portuguese, Italian, German.
_ACRONYM_CALLED_BEFORE = lazy_compile(
    r"\b(?:posts?|posted|posting|sends?|sent|sending|writes?|written|writing|pushe[sd]|pushing|push|submits?|submitted|"
    r"creates?|created|creating|books?|booked|registers?|registered|fetch(?:es|ed|ing)?|pulls?|pulled|retrieves?|"
    r"retrieved|looks?\s+up|quer(?:y|ies|ied|ying)|calls?|called|transmits?|transmitted|synced|syncs?|"
    r"synchroni[sz]e[sd]?|reports?|reported|"
    r"consult(?:a|ar|ará|an|e|ado|ada)?|envi(?:a|ar|ará|an|ado|ada)|registr(?:a|ar|ará|an|ado|ada)|"
    r"sincroniz(?:a|ar|ará|an|ado|ada)|publica(?:r|rá|do|da)?|notifica(?:r|rá|do|da)?|reporta(?:r|rá|do|da)?|"
    r"invia(?:re|to|ta)?|interroga(?:re|to|ta)?|pubblica(?:re|to|ta)?|sincronizza(?:re|to|ta)?|"
    r"abgefragt|abfragen|fragt|übermittel\w*|gemeldet|meldet|sendet|gesendet|bucht|gebucht)\b", re.I)


#: Before a named API, in its sentence: a call to it ("sent to", "from", "through", "uses the").
_CALLED_BEFORE = lazy_compile(
    r"\b(?:to|from|through|via|by|with|using|uses?|calls?|called|calling|quer(?:y|ies|ied|ying)|asks?|asked|asking|"
    r"polls?|polled|polling|hits?|invokes?|invoked|checks?|checked)\s+(?:the\s+)?$")
#: Not a call: "access to the X API", "changes to the X API", "migration to the X API".
_NOT_CALLED_BEFORE = lazy_compile(r"\b(?:access|changes?|additions?|migrat\w+|moves?|upgrades?|contributions?|"
                                  r"compatib\w+|similar|equivalent|identical|close|added|according)\s+to\s+(?:the\s+)?$",
                                  re.I)


#: Providers named by what they are rather than by brand ("the payment gateway", "our SMS
#: provider", Kiro's `Email_Service`): the call is as fallible as a named one.
GENERIC_PROVIDERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("payment", lazy_compile(
        r"\b(?:payment[\s_-]+(?:processor|provider|gateway|service[\s_-]+provider|platform|service|api)s?|"
        r"card[\s_-]+processors?|(?-i:PSPs?))\b", re.I)),
    ("SMS", lazy_compile(r"\b(?:sms|text[\s_-]+messag(?:e|ing))[\s_-]+(?:provider|gateway|service|vendor|api)s?\b",
                         re.I)),
    ("email", lazy_compile(
        r"\b(?:(?:transactional[\s_-]+)?e-?mail[\s_-]+(?:provider|service[\s_-]+provider|delivery[\s_-]+service|"
        r"sending[\s_-]+service|vendor|gateway|relay|api)s?|(?-i:ESPs?))\b", re.I)),
    ("push notification", lazy_compile(
        r"\bpush[\s_-]+(?:notification[\s_-]+)?(?:provider|service|gateway)s?\b", re.I)),
    ("object storage", lazy_compile(r"\b(?:object|blob)[\s_-]+(?:storage|store)\b|\bstorage[\s_-]+buckets?\b",
                                  re.I)),
    ("external API", lazy_compile(
        r"\b(?:third[\s_-]+party|external|partner|vendor)[\s_-]+(?:api|service|provider|system|gateway|"
        r"endpoint)s?\b|"
        # someone else's system: "our shipping partner's API", "the insurer's claims system"
        r"\b(?:partner|vendor|supplier|carrier|courier|bank|insurer|lender|provider|merchant|marketplace|authority|agency|"
        r"registry|bureau|regulator|government|ministry|wholesaler|distributor|airline|exchange|clearing\s?house|payer)"
        r"(?:'s|s'|\u2019s)\s+"
        r"(?:[\w-]+\s+)?(?:api|endpoint|webhook|gateway)s?\b|"
        r"\bgeocoding\s+(?:api|service|provider)s?\b", re.I)),
    # a payments API named after its owner: "through the Halvard Bank payments API"
    ("payment", lazy_compile(r"\b(?:[A-Z][\w&.-]*\s+){1,3}(?:payments?|billing|card|acquiring)\s+(?:API|gateway)s?\b")),
    # someone else's API in German, Spanish and French: "die Geo-API des Kartenanbieters", "la API
    # del banco", "l'API du transporteur" (not "unsere API", "nuestra API", "notre API")
    ("external API", lazy_compile(
        r"\b[\w-]*API\s+(?:des|der)\s+[A-ZÄÖÜ][\w-]+|\b(?:la\s+)?API\s+(?:del|de\s+la|de)\s+(?!nuestr|est[ae]\b)\w[\w-]*|"
        r"\bl['\u2019]API\s+(?:du|des|de\s+la|de\s+l['\u2019]|de)\s*(?!notre\b|cette\b)\w[\w-]*")),
    (NAMED_API_KIND, NAMED_API),
    # a system named by its owner, in the sentence that calls it: "orders a laptop from Hardwarehaus
    # through their ordering API", "Inkwell sends the completed event to our webhook" (the brand is
    # the group `name`: `provider_mentions`)
    (NAMED_API_KIND, lazy_compile(
        r"\b(?:from|with|to|at|in)\s+(?P<name>(?!" + _NOT_A_NAME + r"\b)[A-Z][\w&-]+(?:\s+[A-Z][\w&-]+){0,2})"
        # (one space or a line break between "through" and "their": its literals are those pairs)
        r"\s+(?:through|via|using|over)[ \n](?:their|its)\s+(?:[a-z][\w-]*\s+){0,2}"
        r"(?:API|web\s?service|endpoint|portal|integration)s?\b")),
    (NAMED_API_KIND, lazy_compile(
        r"\b(?P<name>(?!" + _NOT_A_NAME + r"\b)[A-Z][\w&-]+)\s+(?:sends?|posts?|calls?|delivers?|pushes|notifies)\s+"
        r"(?:us\s+)?(?:(?:the|an?|each|every)\s+)?(?:\S+\s+){0,3}?(?:to\s+)?(?:our|the|a)\s+(?:[\w-]+\s+)?"
        r"(?:webhook|callback)s?\b")),
    # a system a sentence calls by its name alone: "the quote service calls Tarn for each quote"
    (NAMED_API_KIND, lazy_compile(
        # (a requirement calls it in the base form: "the operator SHALL query Prometheus for volume IOPS")
        r"\b(?:calls|queries|polls|invokes|calling|querying|"
        r"(?i:shall|must|will|should)\s+(?:(?:first|then|also|periodically|always)\s+)?(?:call|query|poll|invoke))"
        r"\s+(?P<name>(?!" + _NOT_A_NAME + r"\b)[A-Z][\w&-]+"
        r"(?:\s+[A-Z][\w&-]+)?)(?=\s+(?:for|with|on|at|every|each|once|and)\b|[,;]|\.(?:\s|$))")),
    # a system called in German, Spanish or French: "Fahrzeugdaten bei der DAT-Schnittstelle
    # abrufen", "über die Schnittstelle zum Bestandssystem", "a través de la integración con el
    # Sistema RED", "via l'interface Chorus Pro" (not "über eine REST-Schnittstelle", the product's own)
    (NAMED_API_KIND, lazy_compile(
        r"(?<=\bd(?:er|ie|em|en)\s)(?!(?:REST|HTTPS?|SOAP|GraphQL|gRPC|Web|JSON|XML|Programmier|Benutzer|Admin|Eigene)\b)"
        r"[A-ZÄÖÜ][\w.&]*-(?:Schnittstelle|API|Webservice|Dienst|Anbindung)\b|"
        r"\b(?:der|die|dem|den)\s+(?:Schnittstelle|Anbindung)\s+(?:zu[rm]?|an\s+(?:das|die|den)|von|des|der)\s+"
        r"(?:[a-zäöü]\w*\s+)?[A-ZÄÖÜ][\w-]+|"
        r"\b(?:integraci[óo]n|conexi[óo]n|interfaz)\s+con\s+(?:el\s+|la\s+|los\s+|las\s+)?(?!nuestr)"
        r"[A-ZÁÉÍÓÚÑ][\w-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w-]*){0,2}|"
        r"\b(?:l['\u2019]interface|l['\u2019]int[ée]gration\s+avec)\s+(?:de\s+|du\s+|d['\u2019])?"
        r"(?!notre\b|nos\b)[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}")),
    # a business system called by the sentence: "post an adjustment to the ERP", "creates the
    # employee in the HRIS" (`provider_mentions` asks for a call before it)
    (NAMED_API_KIND, SYSTEM_ACRONYM),
    (NAMED_API_KIND, ACRONYM_SYSTEM),
    ("file transfer", lazy_compile(r"\b(?:(?:file|sftp|ftp)[\s_-]+drops?|drop[\s_-]+(?:folder|zone)s?)\b", re.I)),
    ("identity provider", lazy_compile(r"\b(?:identity|sso|oidc|saml)[\s_-]+providers?\b|(?-i:\bIdPs?\b)", re.I)),
    ("identity verification", lazy_compile(
        r"\b(?:kyc|identity[\s_-]+verification|id[\s_-]+verification)[\s_-]+(?:provider|vendor|service|api|partner)s?\b",
        re.I)),
    ("AI model API", lazy_compile(
        r"\b(?:llm|(?:large[\s_-]+)?language[\s_-]+model|(?:ai|ml)[\s_-]+model|inference)[\s_-]+(?:api|endpoint)s?\b",
        re.I)),
)
#: Every provider pattern, brands first (what `provider_mentions` searches when not told).
_EVERY_PROVIDER = (*PROVIDERS, *GENERIC_PROVIDERS)

#: Words that name what a provider is called for ("the SMS", "the charge"), so that "if the SMS is
#: not delivered within a minute, resend it" handles Twilio's failure without naming Twilio. Only
#: the call's own object: "email address", "error codes" and "error messages" are not duties.
PROVIDER_DUTIES: dict[str, re.Pattern[str]] = {
    "payment": lazy_compile(r"\b(?:charg\w*|payments?|pays?|paid|cards?|checkout|billing|refunds?|subscriptions?|"
                          r"transactions?|payouts?|invoices?|purchases?|webhooks?|transfers?)\b", re.I),
    "SMS": lazy_compile(r"\b(?:sms|texts?|text\s+messages?|otps?|one-time\s+(?:code|password)s?|"
                      r"(?<!error\s)(?<!status\s)(?<!exit\s)(?<!source\s)(?<!response\s)codes?)\b", re.I),
    "email": lazy_compile(r"\b(?:e-?mails?(?!\s+(?:address|field|format|input|domain))|mail(?:s|ing)?|receipts?|"
                        r"newsletters?)\b", re.I),
    "push notification": lazy_compile(r"\b(?:push(?:es)?|notifications?|device\s+tokens?)\b", re.I),
    "object storage": lazy_compile(r"\b(?:uploads?|uploading|downloads?|storage|buckets?|objects?|files?|attachments?|"
                                 r"images?|photos?)\b", re.I),
    "message queue": lazy_compile(r"\b(?:events?|messages?|queues?|publish\w*|consum\w*|topics?|jobs?|tasks?|workers?)\b",
                                re.I),
    "file transfer": lazy_compile(r"\b(?:transfers?|files?|uploads?|downloads?|drops?|feeds?|exports?|imports?)\b",
                                re.I),
    "external API": lazy_compile(r"\b(?:apis?|calls?|requests?|integrations?|sync\w*|lookups?|quotes?|geocod\w*|"
                               r"labels?|exports?|"
                               # another system by what it is: "if a head-end system is unreachable" (not
                               # "the system", the product itself)
                               # (nor "das System", "el sistema": the product, in German, Spanish, French...)
                               r"(?!(?:the|this|our|a|an|that|its|same|whole|entire|new|das|dieses|unser|ein|el|este|"
                               r"nuestro|un|le|ce|notre|il|lo|questo|nostro|o|um|nosso)\s)[\w-]+\s+systems?)\b", re.I),
    "identity provider": lazy_compile(r"\b(?:sign(?:s|ed|ing)?[\s-]*(?:in|on)|log(?:s|ged|ging)?[\s-]*(?:in|on)|logins?|sso|"
                                    r"authenticat\w*|tokens?|sessions?|idps?)\b", re.I),
    "identity verification": lazy_compile(r"\b(?:verif\w+|checks?|kyc|identity|documents?|selfies?|onboarding)\b", re.I),
    "AI model API": lazy_compile(r"\b(?:models?|llms?|completions?|extract\w*|prompts?|inference|predictions?|"
                               r"responses?|answers?|summar\w+|classif\w+)\b", re.I),
}

#: Words that name any outbound call: "if a provider or any external call fails, ..." handles them all.
_ANY_CALL = lazy_compile(
    r"\b(?:providers?|vendors?|third[- ]party|external\s+(?:services?|apis?|calls?|providers?|systems?|dependenc\w+)|"
    r"downstream|upstream|dependenc(?:y|ies)|integrations?|outbound\s+calls?|api\s+calls?|"
    r"(?:remote|partner)\s+(?:services?|apis?|calls?))\b", re.I)

#: A provider named by its channel ("the SMS provider", "our e-mail vendor", "the payment
#: integration") is that provider, not any outbound call: "IF the SMS provider returns a delivery
#: failure" says nothing of the visits API failing.
_CHANNEL_BEFORE = lazy_compile(r"\b(?:sms|text(?:ing)?|e-?mail|mail|push|notifications?|payments?|card|storage|sftp|ftp|"
                               r"identity|sso|kyc|verification|shipping|tax|maps?|geocoding|ai|llm|model|signature|"
                               r"e-?signature|telephony|voice)[\s_-]+$", re.I)


def _any_call(text: str) -> bool:
    """`text` names any outbound call ("if a provider or any external call fails"), not one
    provider named by its channel ("the SMS provider")."""
    for match in _ANY_CALL.finditer(text):
        if not (match.group(0)[0] in "pvPVIi" and match.group(0).lower().startswith(("provider", "vendor", "integration"))
                and _CHANNEL_BEFORE.search(text, max(0, match.start() - 20), match.start())):
            return True
    return False


#: What happens when a provider's call fails, besides the general failure words: a bounce, an
#: undeliverable message, a dead-letter queue, the provider being down.
PROVIDER_FAILURE = lazy_compile(
    r"\b(?:bounc\w+|undeliver\w+|not\s+(?:be\s+)?delivered|dlq|insufficient\s+funds|unsuccessful|"
    r"(?:is|are|goes|go|went)\s+down|does\s+not\s+(?:arrive|respond)|doesn't\s+(?:arrive|respond))\b",
    re.I,
)

#: What a call's failure is written as. Narrower than `FAILURE_HANDLING`: an invalid email
#: address, a validated form, an offline mode or "500 users" say nothing about a provider failing.
CALL_FAILURE = lazy_compile(
    r"\b(?:errors?|fail(?:s|ed|ure|ures|ing)?|retr(?:y|ies|ied|ying)|re-?(?:send|sends|sent|tr(?:y|ies|ied)|"
    r"queue[sd]?|attempts?)|time[- ]?outs?|timed\s+out|fall(?:s)?\s*back|fallbacks?|reject(?:s|ed|ion)?|"
    r"unavailable|unreachable|exceptions?|roll(?:s|ed)?\s*back|rollbacks?|declin(?:e|es|ed)|circuit[- ]breakers?|"
    r"dead[- ]letter\w*|back[- ]?off|idempoten\w*|compensat\w+|abort(?:s|ed)?|refus(?:e|es|ed)|outages?|"
    r"degrad\w+|(?:http|status)\s+(?:code\s+)?[45]\d\d|[45]xx|[45]\d\d\s+(?:page|error|response|status|screen)s?|bounc\w+|undeliver\w+|not\s+(?:be\s+)?delivered|"
    r"dlq|insufficient\s+funds|unsuccessful|(?:is|are|goes|go|went)\s+down|"
    r"(?:does\s+not|doesn't|did\s+not|didn't|never)\s+(?:arrives?|responds?|succeeds?|completes?|go(?:es)?\s+through)|"
    # (not a dispute: a customer contesting a fee is a business process, not a call failing)
    r"no\s+response|chargebacks?|tr(?:y|ies|ied)\s+again|unpars\w+|interrupted|"
    # "rows that do not parse are skipped", "a file that cannot be read"
    r"(?:does\s+not|do\s+not|don't|doesn't|cannot|can't|could\s+not|fails?\s+to)\s+(?:be\s+)?pars\w*|"
    # (not "we do not send marketing email": a policy, not a failure)
    r"(?:cannot|can't|could\s+not|fails?\s+to)\s+(?:be\s+)?(?:read|load\w*|import\w*|upload\w*|sync\w*|sen[dt]\w*))\b|"
    # Chinese and Japanese: failure, error, retry, timeout, fallback.
    r"失败|失敗|错误|錯誤|エラー|重试|重試|リトライ|再試行|超时|超時|タイムアウト|异常|異常|降级|フォールバック|"
    r"(?:" + FOREIGN_FAILURE_WORDS + r")",
    re.I,
)

#: Before a brand in the same sentence: it is compared, rejected or replaced, not called.
_NOT_USED_BEFORE = lazy_compile(
    r"\b(?:instead\s+of|rather\s+than|not|no|without|replac\w+|migrat\w+\s+(?:away\s+)?from|moving\s+off|"
    r"vs\.?|versus|compared?\s+(?:to|with)|considered|rejected|evaluated|like|such\s+as|e\.g\.?|unlike|"
    # a provider left or retired: "agents stop using Zendesk", "we no longer send through Mailgun"
    r"stop(?:s|ped)?\s+using|no\s+longer|(?:we|they|it|agents?|staff|teams?)\s+used\s+to|retir\w+|decommission\w*|"
    r"sunset\w*)"
    r"\s+(?:\w+\s+){0,2}$",
    re.I,
)
#: After a brand: "Stripe was rejected", "Stripe (rejected: fees)", "Stripe is out of scope".
_NOT_USED_AFTER = lazy_compile(
    r"^\W{0,3}(?:\w+,?\s+){0,3}(?:was|were|is|are)?\s*(?:rejected|ruled\s+out|not\s+(?:yet\s+)?(?:chosen|selected|used|"
    r"supported|integrated|in\s+scope)|out\s+of\s+scope|dropped|deprecated|considered|later|in\s+(?:the\s+)?future)\b",
    re.I,
)

#: Earlier in the sentence: the provider may come later ("allow future replacement of SNS with
#: Amazon SES"), it is not called now.
_LATER = lazy_compile(r"\b(?:future|later\s+(?:phase|release|version)s?|eventually|phase\s+(?:2|two)|v2)\b", re.I)

#: Sections that describe the world around the spec, not what it builds: a provider named there
#: ("competitors take payments through Stripe") is not called by this product.
_NOT_CALLED_SECTIONS = ("competitors", "competitive analysis", "competitive landscape", "market", "related work",
                        "references", "prior art", "inspiration", "existing solutions", "comparison")

#: Headings of what is not built now, or only assumed: "Later (v1.x, not required now)", "Phase 2",
#: "Assumptions", "Open questions".
_NOT_NOW_TITLE = lazy_compile(
    r"\b(?:later|future|roadmap|not\s+(?:required|in\s+scope|now|planned)|v2|phase\s+(?:2|3|two|three)|"
    r"next\s+(?:phase|release|steps)|nice[\s-]+to[\s-]+have|backlog|assumptions?|open\s+questions?|"
    r"(?:don['\u2019]?t|do\s+not)\s+(?:touch|change|build|do)|"
    # (a PR/FAQ's "Frequently asked questions" answer them: its Internal FAQ is where the design is)
    r"(?<!asked\s)questions)\b", re.I)

#: (kind, brand as written, span) of one provider mention.
ProviderMention = tuple[str, str, Span]


def provider_mentions(segments: list[TextSegment],
                      patterns: Iterable[tuple[str, re.Pattern[str]]] | None = None,
                      listed_as_called: bool = False) -> list[ProviderMention]:
    """The providers `segments` say are used (not compared, rejected or replaced), in order:
    brands first, then providers named by what they are. `patterns` narrows the search to some
    of `PROVIDERS` and `GENERIC_PROVIDERS` (those `present_in` the document). `listed_as_called`:
    the segments are a cell of a table of what the product calls (`_lists_calls`), where a named
    API alone in its cell is called."""
    from speclint.document.text import find_all, group_span, patterns_to_search

    pairs = patterns if isinstance(patterns, tuple) else _EVERY_PROVIDER if patterns is None else tuple(patterns)
    searched = patterns_to_search(_patterns_of(pairs), segments)  # most pieces: none
    if not searched:
        return []
    found: list[ProviderMention] = []
    for kind, pattern in pairs:
        if pattern not in searched:
            continue
        for match, span in find_all(pattern, segments):
            text = match.string
            if pattern is ACRONYM_SYSTEM and (match.group(0).split()[0] in _NOT_A_SYSTEM or not _ACRONYM_LEAD.search(
                    text, max(0, match.start() - 14), match.start())):
                continue  # ("export to CSV", "THEN the system SHALL"; an acronym no call leads to)
            if "name" in pattern.groupindex:  # the system's name, not the words that call it
                span = group_span(segments, match, "name")
                match = _NamedMatch(match, "name")
            sentence_start = _sentence_start(text, match.start())
            before = text[max(sentence_start, match.start() - 40): match.start()]
            after = text[match.end(): match.end() + 40]
            if _NOT_USED_BEFORE.search(before) or _NOT_USED_AFTER.match(after) \
                    or _LATER.search(text, sentence_start, match.start()) \
                    or _quoted(match) or _BY_HAND.search(text, sentence_start, _sentence_end(text, match.end())) \
                    or _worked_in(text, sentence_start, match):
                continue
            if pattern is SYSTEM_ACRONYM and not _SYSTEM_CALLED_BEFORE.search(text, sentence_start, match.start() - 4):
                continue  # "the ERP" named, not called ("the ERP team", "stock in the ERP is wrong")
            if pattern is ACRONYM_SYSTEM and (
                    SYSTEM_ACRONYM.match(text, match.start())  # (a listed acronym is `SYSTEM_ACRONYM`'s)
                    or not _ACRONYM_LEAD.search(text, max(sentence_start, match.start() - 14), match.start())
                    or not _ACRONYM_CALLED_BEFORE.search(text, sentence_start, match.start())):
                continue  # (the lead again within the sentence: not "... to.\nLOGIS")
            if pattern is NAMED_API and not (listed_as_called and not text[:match.start()].strip(" *_`")
                                             and not text[match.end():].strip(" *_`.")) \
                    and (not _CALLED_BEFORE.search(before) or _NOT_CALLED_BEFORE.search(before)):
                continue  # a name with "API" that nothing here calls
            found.append((kind, " ".join(match.group(0).replace("_", " ").split()), span))
    found.sort(key=lambda mention: (mention[2].start.line, mention[2].start.column))
    unique: list[ProviderMention] = []
    for mention in found:  # a brand and a generic name may overlap ("the Stripe payment gateway")
        if not unique or (mention[2].start.line, mention[2].start.column) != (unique[-1][2].start.line,
                                                                              unique[-1][2].start.column):
            unique.append(mention)
    return unique


class _NamedMatch:
    """A match read as its group: `start`, `end`, `group(0)` and `string` are the group's."""

    __slots__ = ("_match", "_group", "string")

    def __init__(self, match: re.Match[str], group: str) -> None:
        self._match, self._group, self.string = match, group, match.string

    def start(self, group: int | str = 0) -> int:
        return self._match.start(self._group if group == 0 else group)

    def end(self, group: int | str = 0) -> int:
        return self._match.end(self._group if group == 0 else group)

    def group(self, group: int | str = 0) -> str:
        return self._match.group(self._group if group == 0 else group)


#: The patterns of each tuple of (kind, pattern) pairs searched, by the tuple's id (the tuple kept).
_pattern_tuples: dict[int, tuple[tuple[tuple[str, Any], ...], tuple[Any, ...]]] = {}


def _patterns_of(pairs: tuple[tuple[str, Any], ...]) -> tuple[Any, ...]:
    kept = _pattern_tuples.get(id(pairs))
    if kept is None or kept[0] is not pairs:
        if len(_pattern_tuples) > 256:  # a tuple per document: a bound for long-lived servers
            _pattern_tuples.clear()
        kept = _pattern_tuples[id(pairs)] = (pairs, tuple(pattern for _, pattern in pairs))
    return kept[1]


#: A line break ends a sentence only before an item or a row: a paragraph wraps its sentences
#: ("Agents stop using\nZendesk for repairs" is one sentence).
_SENTENCE_END = lazy_compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)[.!?]\s|\n(?=[ \t]*(?:[-*+|>]|\d+[.)]|\n))|\n\Z")


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts ("e.g. S3" does not end a sentence)."""
    start = max(0, position - 300)
    for end in _SENTENCE_END.finditer(text, start):  # (the whole text: a line break looks at the next line)
        if end.end() > position:
            break
        start = end.end()
    return start


def _sentence_end(text: str, position: int) -> int:
    """Where the sentence holding `position` ends (at most 300 characters on)."""
    end = _SENTENCE_END.search(text, position, position + 300)
    return end.start() if end else min(len(text), position + 300)


#: People doing the work by hand: "an agent types the request into Zendesk by hand", "staff copy
#: each order into Shopify manually". The provider is a tool someone uses today, not a call.
_BY_HAND = lazy_compile(r"\b(?:by\s+hand|manually|hand-?(?:typed|entered|keyed|copied))\b", re.I)


#: A person at work, as the subject of a sentence: "Support agents triage the tickets in Zendesk".
_PERSON_SUBJECT = lazy_compile(
    r"\W*(?:(?:the|our|an?|each|every|their)\s+)?(?:[\w-]+\s+){0,2}?(?:agents?|staff|reps?|representatives?|teams?|"
    r"managers?|admins?|administrators?|operators?|analysts?|accountants?|recruiters?|dispatchers?|nurses?|"
    r"clinicians?|coordinators?|planners?|designers?|marketers?)\s+(?!(?:is|are|was|were)\b)[a-z]+", re.I)
#: A tool someone works in: "in Zendesk", "from HubSpot", "using Salesforce".
_IN_TOOL_BEFORE = lazy_compile(r"\b(?:in|into|inside|within|from|on|using)\s+(?:the\s+|their\s+|our\s+)?$", re.I)
#: ... unless the product does it: "automatically", "the system", an API or a webhook.
_THE_PRODUCT_DOES = lazy_compile(r"\b(?:automatic\w*|the\s+(?:system|app|service|platform|integration|sync)|"
                                 r"API|webhooks?|synced|syncs?)\b", re.I)


def _worked_in(text: str, sentence_start: int, match: re.Match[str]) -> bool:
    """The provider is a tool people work in, not a call the product makes: "Support agents
    triage the tickets in Zendesk", "Sales reps see the trial in HubSpot"."""
    if not _IN_TOOL_BEFORE.search(text, max(sentence_start, match.start() - 30), match.start()):
        return False
    sentence = text[sentence_start: _sentence_end(text, match.end())]
    return bool(_PERSON_SUBJECT.match(sentence)) and not _THE_PRODUCT_DOES.search(sentence)


def _quoted(match: re.Match[str]) -> bool:
    """Inside someone's quoted words ("Build a Stripe Checkout UI."), not a name quoted alone
    (MADR's `Chosen option: "SendGrid"`)."""
    text = match.string
    if text[match.start() - 1: match.start()] == '"' and text.startswith('"', match.end()):
        return False
    return text.count('"', _sentence_start(text, match.start()), match.start()) % 2 == 1


def _states_provider_failure(text: str) -> bool:
    return bool(CALL_FAILURE.search(text))


def _names(kind: str, text: str) -> bool:
    """`text` names a provider of `kind` (by brand or by what it is)."""
    return any(pattern.search(text) for each, pattern in (*PROVIDERS, *GENERIC_PROVIDERS)
               if each == kind and pattern is not ACRONYM_SYSTEM)  # (any capitals: `provider_mentions` reads it)


#: A sentence: up to a full stop, a semicolon or a line break.
_SENTENCE = lazy_compile(r"[^.;!?\n]+(?:[.;!?]+|$)", re.M)


def failure_addressed(kind: str, text: str, in_failure_section: bool = False, named: bool | None = None) -> bool:
    """`text` (a paragraph, list item or table row) says what happens when a call of `kind` fails:
    it names the provider with a failure word, or a sentence names what the call is for (the
    SMS, the charge) or any outbound call ("a provider", "external calls") with a failure word.
    In a failure-modes or edge-case section, naming the call is enough. `named`: whether the
    text names the provider as used (not "PayPal was rejected"); found here when not given."""
    duty = duty_of(kind)
    if named is None:
        named = _names(kind, text)
    if in_failure_section:
        return not text.rstrip().endswith("?") and (named or bool(duty.search(text)) or _any_call(text)
                                                    or _foreign_about(text, kind))
    text = _NOT_A_FAILURE.sub(" ", text)
    if not CALL_FAILURE.search(text):
        return False
    asked = False  # "What if the SMS never arrives? We resend it after a minute." answers the question
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0)
        if not _call_fails(sentence):
            continue
        # the provider named in the paragraph ("We call Stripe. If it times out, we retry."), or
        # the call named in the sentence
        about = named or bool(duty.search(sentence)) or _any_call(sentence)
        if about and kind != "payment" and decision_only(sentence) and (
                not named or kind != "call to another service") and not _names(kind, sentence):
            # "the portal shall refuse a request for ...", "the app refuses photos larger than 10 MB":
            # the product's own rule, not the call refused (a declined charge is a payment failing)
            # (unless the refusal is a requirement on the product's own service: "the Purchase Service MUST
            # refuse to credit a purchase over the limit" is a business rule, not the service failing)
            about = (bool(_CALLED.search(sentence)) or _any_call(sentence)) and not _REQUIRED_REFUSAL.search(sentence)
        if sentence.rstrip().endswith("?"):
            asked = asked or about
        elif about or asked or ((not CALL_FAILURE.search(sentence).group(0).isascii()  # type: ignore[union-attr]
                                 or any(kind == "payment" or not _FOREIGN_DECISION.fullmatch(word.group(0))
                                        for word in _FOREIGN_FAILURE.finditer(sentence)))
                                and _foreign_call_fails(sentence, kind)):
            return True  # (failure words of other languages, except a decision: "als abgelehnt behandeln",
            # "se rechaza la solicitud", though a payment "rechazado" is declined; said of a call, not of a
            # scan or a wish: `_foreign_call_fails`)
    return False


def _foreign_call_fails(sentence: str, kind: str) -> bool:
    """A sentence of another language whose failure words may be about a call of `kind`: it names a
    call, an interface, a service or a connection ("Ist die Schnittstelle nicht erreichbar", "si el
    servicio no responde"), or what a call of `kind` is for (a payment, a message, an upload). As
    `failure_addressed` asks of an English sentence. Not "WENN der Barcode nicht lesbar ist, DANN ...
    eine Fehlermeldung anzeigen" (a scan, the product's own message), not a message's retry for a
    call to another system ("el envío es asíncrono y sus fallos no afectan la reserva" says nothing
    of the registry the booking queries), nor a user story's wish ("Als Apothekerin möchte ich ...,
    damit Fehler erkannt werden")."""
    return not _WISH.search(sentence) and _foreign_about(sentence, kind)


def _foreign_about(text: str, kind: str) -> bool:
    """`text` names, in another language, a call or what a call of `kind` is for ("Pago rechazado"
    in a section "Cuando algo falla")."""
    if _FOREIGN_CALL.search(text):
        return True
    duty = _FOREIGN_DUTIES.get(kind)
    return duty is not None and bool(duty.search(text))


#: What a call, or a failure only a call has, is written as in German, Spanish, French, Italian and
#: Portuguese (or with a word every language borrows: API, Timeout, Server).
_FOREIGN_CALL = lazy_compile(
    r"\b(?:apis?|timeouts?|server\w*|webservices?|webhooks?|gateways?|http|[45]\d\d|"
    r"schnittstelle\w*|dienst\w*|verbindung\w*|anbindung\w*|anfrage\w*|abfrage\w*|antwort\w*|aufruf\w*|"
    r"übermittl\w*|übertrag\w*|synchron\w*|sync\w*|erreichbar|verfügbar|zeitüberschreitung\w*|ausf(?:a|ä)ll\w*|"
    r"servicios?|interfa(?:z|ces)|conexi[óo]n\w*|consultas?|respuestas?|integraci[óo]n\w*|llamadas?|"
    r"sincroniz\w*|disponible|responde\w*|tiempo\s+de\s+espera|"
    r"services?|interfaces?|connexion\w*|requêtes?|réponses?|appels?|indisponible|"
    r"servizi\w*|interfacc\w*|conness\w*|rispost\w*|chiamat\w*|"
    r"servi[çc]os?|conex[ãa]o|respostas?|chamadas?)\b|"
    # Chinese and Japanese: request, call, interface, service, connection, response, timeout, retry
    r"请求|调用|接口|服务|连接|响应|超时|重试|リクエスト|呼び出し|接続|サービス|応答|タイムアウト|リトライ|再試行", re.I)
_FOREIGN_MESSAGE = (r"zustell\w*|nachricht\w*|e-?mails?|sms|push\w*|env[ií]\w*|mensaje\w*|correos?|rebot\w*|"
                    r"messages?|courriels?|livr\w*|distribu\w*|invi\w*|messaggi\w*|mensage\w*|envio\w*")
_FOREIGN_PAYMENT = (r"zahlung\w*|abbuchung\w*|belast\w*|karte\w*|pagos?|cobros?|transferencias?|tarjeta\w*|"
                    r"paiements?|virements?|carte\w*|pagament\w*|addebit\w*|cart[ãa]o\w*")
_FOREIGN_FILE = (r"upload\w*|import\w*|datei\w*|archivos?|fichiers?|ficheros?|file|arquivos?|carga\w*|chargement\w*|"
                 # a drop or a transfer: "en cas d'échec du dépôt", "si falla la transferencia del fichero"
                 r"dépôts?|déposé\w*|transferts?|téléversement\w*|dep[óo]sitos?|transferencias?|ablage\w*|"
                 r"trasferiment\w*|caricament\w*|transferências?|envois?")
_FOREIGN_DUTIES = {
    **{kind: lazy_compile(r"\b(?:" + _FOREIGN_MESSAGE + r")\b", re.I)
       for kind in ("SMS", "email", "push notification", "message delivery")},
    "payment": lazy_compile(r"\b(?:" + _FOREIGN_PAYMENT + r")\b", re.I),
    **{kind: lazy_compile(r"\b(?:" + _FOREIGN_FILE + r")\b", re.I)
       for kind in ("object storage", "file transfer", "upload", "import or parsing")},
}
#: A user story's wish, in English, German, Spanish, French: "Als ... möchte ich ..., damit ...".
_WISH = lazy_compile(r"^\W*(?:\*\*[^*]+\*\*\s*)?(?:as\s+an?\s|als\s|como\s|en\s+tant\s+qu)[^.]*?"
                     r"\b(?:I\s+(?:want|need|would\s+like)|möchte\s+ich|will\s+ich|quiero|necesito|je\s+(?:veux|souhaite))\b",
                     re.I)


#: Failure words that state no failure: a target ("error rate below 0.5%"), an exclusion ("with
#: the exception of admins").
_NOT_A_FAILURE = lazy_compile(r"\b(?:error|failure)\s+rates?\b|\bwith\s+the\s+exception\s+of\b|"
                              # an error shown as a field: "lists the time of the last sync and the last error"
                              r"\b(?:last|latest|most\s+recent)\s+(?:[\w-]+\s+){0,2}?errors?\b(?!\s+(?:is|are)\b)|"
                              # a decision, not a call failing: "when the practice approves or rejects a request"
                              r"\b(?:approv\w*|accept\w*)(?:\s+(?:it|them|the\s+\w+))?\s*(?:,?\s*or|/)\s*(?:reject\w*|declin\w*|"
                              r"refus\w*|den(?:y|ies|ied))\b|\b(?:reject\w*|declin\w*)\s*(?:,?\s*or|/)\s*(?:approv\w*|accept\w*)\b|"
                              # a channel that is itself the fallback ("SMS fallback for sign-in"), and the
                              # "Resend" link every code screen has: neither says what happens when a send fails
                              r"\b(?:sms|e-?mail|push|text|voice|phone|manual)\s+fall-?back\b|"
                              r"\"(?:resend|send\s+again)(?:\s+(?:the\s+)?(?:code|sms|e-?mail|link))?\"|"
                              r"\bresend\s+(?:links?|buttons?)\b|"
                              r"\bexceptions?\s+(?:to|for)\s+(?:the|this|these)\s+(?:rule|policy|policies)\b|"
                              # a promise with no behaviour: "errors are handled gracefully"
                              r"\b(?:handles?|handled|handling)\s+(?:all\s+|any\s+)?(?:errors?|failures?|exceptions?)\s+"
                              r"(?:gracefully|appropriately|properly|correctly|robustly)\b|"
                              r"\b(?:errors?|failures?|exceptions?)\s+(?:are|is|will\s+be|shall\s+be|must\s+be)\s+handled"
                              r"(?:\s+(?:gracefully|appropriately|properly|correctly|robustly))?\s*[.;]|"
                              r"\b(?:graceful|appropriate|proper|robust)\s+(?:error|failure|exception)\s+handling\b", re.I)

#: Input validation: "the card number field shows an inline error" is no word on the charge failing.
_VALIDATION = lazy_compile(r"\b(?:invalid|validat\w+|format|required|inline|field|typos?|missing|empty|too\s+(?:long|short)|"
                           r"mandatory)\b", re.I)


def _call_fails(sentence: str) -> bool:
    """`sentence` says a call fails: a failure word other than a validation message's "error"."""
    words = {match.group(0).lower() for match in CALL_FAILURE.finditer(sentence)}
    if not words:
        return False
    return bool(words - {"error", "errors"}) or not _VALIDATION.search(sentence)


#: What each kind of operation that can fail (`FALLIBLE_OPERATIONS`) is written as, so that "if the
#: upload fails" addresses an upload and "rows that do not parse are skipped" an import.
OPERATION_DUTIES: dict[str, re.Pattern[str]] = {
    "call to another service": lazy_compile(r"\b(?:apis?|calls?|requests?|services?|endpoints?|webhooks?|"
                                          r"integrations?|responses?|backends?|servers?|(?:message\s+)?queues?)\b", re.I),
    "upload": PROVIDER_DUTIES["object storage"],
    "import or parsing": lazy_compile(r"\b(?:imports?|importing|imported|files?|rows?|csv|records?|pars\w+|"
                                    r"uploads?|lines?|spreadsheets?)\b", re.I),
    "sync": lazy_compile(r"\b(?:sync\w*|synchroni\w+)\b", re.I),
    "scheduled job": lazy_compile(r"\b(?:jobs?|tasks?|runs?|reruns?|batch(?:es)?|cron\w*|scheduler)\b", re.I),
    "device command": lazy_compile(r"\b(?:robots?|devices?|scanners?|terminals?|lockers?|meters?|chargers?|printers?|"
                                   r"kiosks?|vehicles?|sensors?|controllers?|handhelds?|tablets?|drones?|thermostats?|"
                                   r"cameras?|displays?|screens?|labels?|signs?|beacons?|missions?|commands?|"
                                   r"connections?|wi-?fi|network|acknowledg\w*|"
                                   r"heartbeats?)\b", re.I),
    "message delivery": lazy_compile("|".join(f"(?:{PROVIDER_DUTIES[kind].pattern})"
                                              for kind in ("SMS", "email", "push notification")), re.I),
}


def duty_of(kind: str) -> re.Pattern[str]:
    """What a call of `kind` (a provider kind or a kind of operation) is written as."""
    return PROVIDER_DUTIES.get(kind) or OPERATION_DUTIES[kind]


def present_in(pieces: Sequence[Prose],
               patterns: Iterable[tuple[str, re.Pattern[str]]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The (kind, pattern) pairs that could match somewhere in `pieces`: a pattern whose required
    literals (`speclint.document.prefilter`) are in none of them is not searched piece by piece.
    The pieces' searched texts are joined as `find_all` joins segments, so each piece's text is a
    part of the whole and a pattern dropped here could not have matched in any piece."""
    from speclint.document.text import searched_text
    from speclint.document.words import CapitalisedWords, could_match

    whole = "\n".join(searched_text(piece.segments) for piece in pieces)
    words = CapitalisedWords(whole)  # brands: one scan of the text, not one per list of brands
    return tuple((kind, pattern) for kind, pattern in patterns if could_match(pattern, whole, words))


def unhandled_providers(document: Document, kinds: frozenset[str] | None = None) -> list[ProviderMention]:
    """Every mention of a provider whose failure the document never addresses. Computed once
    per document. See `failure_addressed` for what addresses it; besides, a section about the
    call (its title names the provider or its duty) that speaks of failure, a failure-modes or
    edge-case section or error table that names the call, and code around the provider that
    handles errors. `kinds` narrows the search to providers of those kinds, with the same mentions of
    those kinds as without it (each kind's failure is read on its own): EH004 reads a proposal on its
    payment, SMS, email and push providers only, and searching for the others there costs time."""
    cache = _unhandled_providers.setdefault(document, {})
    cached = cache.get(kinds)
    if cached is None:
        cached = cache[kinds] = _find_unhandled_providers(document, kinds)
    return cached


@per_section
def skipped_section(section: Section) -> bool:
    """A section whose calls are not made: non-goals, out of scope, competitors, prior art, later
    phases, assumptions, open questions."""
    from speclint.document.headings import title_matches
    from speclint.reading.requirements import not_in_scope

    return section.heading is not None and (not_in_scope(section) or any(
        each.heading is not None and not _document_title(each) and (title_matches(each.title, _NOT_CALLED_SECTIONS)
                                                                   or bool(_NOT_NOW_TITLE.search(each.title)))
        for each in (section, *section.ancestors())))


def _document_title(section: Section) -> bool:
    """The document's own title (its first heading, a level 1 over level 2 sections): it names the
    product ("Pitch: Pay later for furniture", "Buy now, pay later"), not a later phase."""
    parent = section.parent
    return section.level == 1 and bool(section.children) and parent is not None and parent.heading is None \
        and next((each for each in parent.children if each.heading is not None), None) is section


#: Sections that frame the work rather than specify it: "8% of payments fail today" in the problem
#: statement or "fewer failed payments" in the success metrics says nothing about handling them.
_FRAMING = lazy_compile(r"^(?:[\d\s]+)?(?:summary|overview|problem(?:\s+statement)?|background|motivation|context|introduction|"
                        r"abstract|tl\s*;?\s*dr|why|goals?(?:\s+and\s+non[\s-]goals)?|objectives?|success\s+"
                        r"(?:metrics|criteria|measures)|metrics|kpis?|key\s+results|okrs?|impact|opportunity)$", re.I)


@per_section
def framing_section(section: Section) -> bool:
    """A section (or one under a section) that frames the work: summary, problem, goals, metrics.
    An "Overview" or "Summary" under "Design" describes the design: only a section of the document
    itself (`outermost_section`) frames it by such a title."""
    top = outermost_section(section)
    return any(each.heading is not None and _FRAMING.match(normalize_title(each.title))
               and (each is top or not _SCENE_TITLE.match(normalize_title(each.title)))
               for each in (section, *section.ancestors()))


#: Titles that set the scene only as a section of the document itself ("## Overview"), not under
#: its design ("## Design" > "### Overview", the flow the design builds).
_SCENE_TITLE = lazy_compile(r"^(?:[\d\s]+)?(?:summary|overview|background|context|introduction|abstract)$", re.I)


def outermost_section(section: Section) -> Section:
    """The section of the document itself that holds `section`: its outermost headed ancestor
    below the document's title (a level-1 heading above level-2 ones)."""
    headed = [each for each in (section, *section.ancestors()) if each.heading is not None]
    below_title = [each for each in headed if each.level > 1] or headed
    return below_title[-1] if below_title else section


def sets_the_scene(section: Section, titles: Collection[str]) -> bool:
    """`section` is in one of the document's own sections titled `titles` (its introduction, its
    glossary), not in a subsection of the same name under its design."""
    from speclint.document.headings import title_matches

    top = outermost_section(section)
    return any(each.heading is not None and title_matches(each.title, titles)
               and (each is top or not _SCENE_TITLE.match(normalize_title(each.title)))
               for each in (section, *section.ancestors()))


@per_section
def _in_failure_section(section: Section) -> bool:
    """A failure-modes section ("Error handling", "What can go wrong", "Payment failures"), where
    naming a call says what happens when it fails. An edge-case section lists other cases too. The
    document's own title names its subject ("Outage reporting by SMS", "Failed-payment recovery"),
    not a section about what fails."""
    return any(each.heading is not None and not _document_title(each) and (is_failure_section_title(each.title)
                                             or bool(CALL_FAILURE.search(_NOT_A_FAILURE.sub(" ", each.title))))
               for each in (section, *section.ancestors()))


def provider_mentions_in(document: Document, kinds: Collection[str] | None = None,
                         body_only: bool = False) -> list[ProviderMention]:
    """The providers (of `kinds`, or of every kind) the document says it calls, in reading order:
    not in non-goals, background of competitors, alternatives or later phases (`skipped_section`),
    nor in sections about tests (a test's fixtures are not the product's calls). `body_only`: not
    in headings nor in the sections that frame the work (summary, problem, goals, metrics)."""
    from speclint.document.text import iter_prose

    pieces = [piece for piece in iter_prose(document)
              if not skipped_section(piece.section) and not describes_tests(piece.section)
              and not (body_only and (piece.kind == "heading" or framing_section(piece.section)))]
    patterns = present_in(pieces, tuple(pair for pair in (*PROVIDERS, *GENERIC_PROVIDERS)
                                        if kinds is None or pair[0] in kinds))
    listing = {id(cell) for _section, block in document.iter_blocks() if isinstance(block, Table) and _lists_calls(block)
               for row in block.rows for cell in row}
    mentions = [mention for piece in pieces
                for mention in provider_mentions(piece.segments, patterns, id(piece.block) in listing)]
    if any(brand == "S3" for _kind, brand, _span in mentions) and _SERIES_OF_S.search(document.source):
        # "| S3 | Soft | Keep a class in the same room |": the third of a series S1, S2, S3, not Amazon S3
        mentions = [mention for mention in mentions if mention[1] != "S3"]
    return [mention for mention in mentions if not _own_api(document, mention) and not _named_once(document, mention)]


_ALL_CAPS = lazy_compile(r"[A-Z][A-Z0-9]{2,5}(?:\s+[A-Z]{2,4})?")
_LISTED_ACRONYM = lazy_compile(r"(?:" + _BUSINESS_SYSTEMS + r")\b")


def _named_once(document: Document, mention: ProviderMention) -> bool:
    """A system called by an acronym (`ACRONYM_SYSTEM`) that the document names nowhere else: an
    acronym the document relies on comes back (its glossary, its interfaces, other requirements)."""
    kind, brand, _span = mention
    if kind != NAMED_API_KIND or not _ALL_CAPS.fullmatch(brand) or _LISTED_ACRONYM.match(brand):
        return False
    return len(re.findall(r"(?<![\w-])" + re.escape(brand.split()[0]) + r"(?![\w-])", document.source)) < 2


#: Another item of a series S1, S2, S4 ... (constraints, scenarios, stories).
_SERIES_OF_S = lazy_compile(r"\bS[124-9]\b")


#: A column of a table of what the product calls: "| System | Called for |", "| Integration | Used for |".
_CALLS_COLUMN = lazy_compile(r"\b(?:called|used)\s+(?:for|when)\b|\bintegrations?\b|\bthird[\s-]part(?:y|ies)\b|"
                             r"\bexternal\s+(?:systems?|services?|apis?)\b|\bdependenc(?:y|ies)\b", re.I)


def _lists_calls(table: Table) -> bool:
    """A table of the services the product calls (its header says so)."""
    return any(_CALLS_COLUMN.search(column) for column in table.columns)


def _own_api(document: Document, mention: ProviderMention) -> bool:
    """A named API the document is about: a heading names it ("# Orders API", "## Ledger API")."""
    kind, brand, _span = mention
    if kind != NAMED_API_KIND or not brand.endswith(("API", "service")):
        return False
    named = brand.lower()
    if any(named in section.title.lower() for section in document.sections() if section.heading is not None):
        return True
    # the product's own API, named beside the product's other ways in: "issues refunds from the dashboard
    # or through the Refunds API", "the Ledger API and the console let ..."
    name = r"(?:the\s+|our\s+)?" + r"\s+".join(map(re.escape, brand.split()))
    return bool(re.search(_SURFACE + r"\s+(?:and|or)\s+(?:(?:through|via|from|in|with)\s+)?" + name + r"\b|"
                          r"\b" + name + r"\s+(?:and|or)\s+(?:(?:through|via|from|in|with)\s+)?(?:the\s+|our\s+)?"
                          + _SURFACE, document.source, re.I))


#: The product's own ways in, beside which an API is the product's own.
_SURFACE = (r"\b(?:dashboard|console|web\s+app|mobile\s+app|app|UI|user\s+interface|CLI|command\s+line|admin\s+panel|"
            r"portal|website|back[\s-]?office)s?\b")


def _find_unhandled_providers(document: Document, only: frozenset[str] | None = None) -> list[ProviderMention]:
    mentions = provider_mentions_in(document, only)
    kinds = {kind for kind, _brand, _span in mentions}
    if not kinds:
        return []
    # (a name that is also a common word of the document, "Dock API" beside "the dock", is no name:
    # "| Dock reservation timeout | 3 minutes |" says nothing of the API failing)
    names = frozenset(name for kind, brand, _span in mentions if kind == NAMED_API_KIND
                      and (name := owner_name(brand))
                      and not re.search(r"(?<![\w-])" + re.escape(name.lower()) + r"(?![\w-])", document.source))
    kinds = unaddressed_failures(document, frozenset(kinds), names)
    return [mention for mention in mentions if mention[0] in kinds
            and not (mention[0] == NAMED_API_KIND and _called_where_failure_is_said(document, mention[2]))]


def _called_where_failure_is_said(document: Document, span: Span) -> bool:
    """The section that calls a system no list names ("upload the blob to Web3_Storage via their
    API") says what happens when something fails ("IF the upload fails, THEN ... retry"): the call
    is what that section is about, though the failure sentence names the upload, not the system."""
    from speclint.document.text import mask_invisible
    from speclint.reading.concerns import section_at
    from speclint.reading.requirements import section_text

    section = section_at(document, span.start.line)
    if section.heading is None:
        return False
    # the operation the call is made for ("upload the blob"), and a sentence of the section that says it fails
    line = document.lines[span.start.line - 1]
    column = span.start.column - 1
    # the operation the call does, before the name ("upload the blob to Web3_Storage"), not a participle that
    # describes what is sent ("send every uploaded photo to ScanGuard's API"): else the call itself
    before = [(match.start(), kind) for kind, pattern in FALLIBLE_OPERATIONS if kind != "user input"
              for match in pattern.finditer(line, 0, column) if _is_operation(kind, match, line)
              and not match.group(0).lower().endswith("ed")]
    operation = max(before)[1] if before else "call to another service"
    return failure_addressed(operation, mask_invisible(section_text(section, deep=False)))


#: The name a system goes by, in what names it: "Clinova" in "Clinova visits API", "DAT" in
#: "DAT-Schnittstelle", "Sistema RED" in "integración con el Sistema RED".
_OWNER_NAME = lazy_compile(r"[A-ZÄÖÜÁÉÍÓÚÑ][\w&.]*(?:\s+[A-ZÄÖÜÁÉÍÓÚÑ][\w&.]*)*")
_NAME_SUFFIXES = ("API", "Schnittstelle", "Webservice", "Dienst", "Anbindung")


def owner_name(brand: str) -> str:
    """The name in `brand` a later sentence may call the system by ("" when it has none of two letters)."""
    match = _OWNER_NAME.search(brand)
    name = match.group(0) if match else ""
    while name.endswith(_NAME_SUFFIXES):  # "DAT-Schnittstelle", "Sift API"
        name = name[:max(name.rfind(suffix) for suffix in _NAME_SUFFIXES if name.endswith(suffix))].rstrip(" -")
    return name if len(name) >= 2 else ""


def unaddressed_failures(document: Document, kinds: frozenset[str],
                         names: frozenset[str] = frozenset()) -> frozenset[str]:
    """Which of `kinds` (provider kinds, or kinds of `FALLIBLE_OPERATIONS`) the document never says
    fail: see `failure_addressed`; besides, an error table of rejections or timeouts, a section
    about the call (its title names it) that speaks of failure, and code around a provider that
    handles errors address them. Cached per document and set of kinds."""
    cache = _unaddressed.setdefault(document, {})
    key = (kinds, names)
    if key not in cache:
        cache[key] = frozenset(_unaddressed_failures(document, set(kinds), names))
    return cache[key]


def _unaddressed_failures(document: Document, kinds: set[str], names: frozenset[str] = frozenset()) -> set[str]:
    from speclint.document.model import CodeBlock, TableCell
    from speclint.document.text import iter_prose, mask_invisible
    from speclint.reading.edge_cases import is_edge_case_title
    from speclint.reading.requirements import section_text

    pieces = [piece for piece in iter_prose(document) if not skipped_section(piece.section) and not framing_section(piece.section)]
    rows: dict[int, list[str]] = {}
    providers = present_in(pieces, (*PROVIDERS, *GENERIC_PROVIDERS))
    subject = _subject_words(document)
    for piece in pieces:
        text = mask_invisible("\n".join(segment.text for segment in piece.segments))
        if subject is not None:
            text = subject.sub(_blank, text)  # "create an outage report in the OMS" in a pitch about outages
        if isinstance(piece.block, TableCell):  # a row is read whole: "| SMS | not delivered: resend |"
            rows.setdefault(piece.block.span.start.line, []).append(text)
            continue
        failure_section = _in_failure_section(piece.section) and piece.kind != "heading"
        used = {kind for kind, _brand, _span in provider_mentions(piece.segments, providers)}
        if names and any(name in text for name in names):
            used.add(NAMED_API_KIND)  # "If Corvell rejects the order ...": the system named again, by its name
        kinds = {kind for kind in kinds if not failure_addressed(kind, text, failure_section, kind in used)}
    for _line, cells in rows.items():
        text = " | ".join(cells)
        named_again = bool(names) and any(name in text for name in names)
        kinds = {kind for kind in kinds if not failure_addressed(
            kind, text, named=True if named_again and kind == NAMED_API_KIND else None)}
    for _section, block in document.iter_blocks():
        if isinstance(block, Table) and is_error_table(block):
            text = " ".join(mask_invisible(cell.text) for row in block.rows for cell in row)
            if _OTHER_THAN_ERROR.search(CALL_FAILURE.sub(_keep_unless_error, text)) and not _STATUS_CODE.search(text):
                # a table of rejections, timeouts, declines handles failures (an API's table of
                # status codes is about the API's own errors)
                return set()
            kinds = {kind for kind in kinds if not failure_addressed(kind, text, in_failure_section=True)}
        elif isinstance(block, CodeBlock) and CALL_FAILURE.search(block.code):
            # code that calls the provider, or an API ("await api.orders.post(...)"), and handles its error
            kinds = {kind for kind in kinds if not (_names(kind, block.code) or (
                kind == "call to another service" and _CALLED.search(block.code)
                and not decision_only(block.code)))}
    for section in document.sections():
        # A section about the call ("### Payment", "### Twilio SMS") that speaks of failure.
        if section.heading is None or section.level < 2 or not kinds or is_edge_case_title(section.title):
            continue  # the document's title is about everything in it
        about = {kind for kind in kinds if _names(kind, section.title) or duty_of(kind).search(section.title)
                 or (kind == NAMED_API_KIND and any(name in section.title for name in names))}
        if not about:
            continue
        text = mask_invisible(section_text(section, deep=True, with_code=True))
        if speaks_of_failure(text, decisions=False):
            kinds -= about
        elif speaks_of_failure(text):  # only a decision ("refuses a request"): a charge declined, no call refused
            kinds -= about - {"call to another service"}
    return kinds


def _subject_words(document: Document) -> re.Pattern[str] | None:
    """The failure words of the document's title ("Report a power outage by SMS", "Error budget
    policy"): there they name what the product is about, and "create an outage report in the OMS"
    says nothing of the OMS failing. None when the title has none."""
    first = next((section for section in document.sections() if section.heading is not None), None)
    if first is None or first.level != 1:
        return None
    words = {match.group(0).lower() for match in CALL_FAILURE.finditer(first.title)}
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words))) + r")\b", re.I) if words else None


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


_unaddressed: WeakKeyDictionary[Document, dict[tuple[frozenset[str], frozenset[str]], frozenset[str]]] = WeakKeyDictionary()


_unhandled_providers: WeakKeyDictionary[Document, dict[frozenset[str] | None, list[ProviderMention]]] = WeakKeyDictionary()

_OTHER_THAN_ERROR = lazy_compile(r"\x00")
_STATUS_CODE = lazy_compile(r"\b[45]\d\d\b")


def speaks_of_failure(text: str, decisions: bool = True) -> bool:
    """A sentence of `text` says something fails (not a validation message, a target, an exclusion).
    `decisions=False`: a sentence whose only failure word is a decision ("refuses a request for a
    medication issued last week", "rejected by the practice") counts only when it names a call."""
    text = _NOT_A_FAILURE.sub(" ", text)
    return any(_call_fails(sentence) and (decisions or not decision_only(sentence) or bool(
        _CALLED.search(sentence) or _ANY_CALL.search(sentence)))
        for sentence in (match.group(0) for match in _SENTENCE.finditer(text)))


#: Failure words that may only state a decision: a person or a business rule rejects, refuses,
#: declines or denies a request. Said of a call ("the API rejects the token") they are failures.
_DECISION_WORD = lazy_compile(r"^(?:reject(?:s|ed|ion)?|refus(?:e|es|ed)|declin(?:e|es|ed))$", re.I)
#: What names the call itself, not a request of the domain (a refill request, a leave request).
_CALLED = lazy_compile(r"\b(?:apis?|calls?|endpoints?|services?|servers?|integrations?|webhooks?|responses?|"
                       r"backends?|gateways?|(?:message\s+)?queues?|connections?|\w+_(?:api|service|system|gateway))\b",
                       re.I)


#: A refusal a requirement asks for: "MUST refuse to credit", "shall reject the request", "will decline".
_REQUIRED_REFUSAL = lazy_compile(r"\b(?:shall|must|will|should)\s+(?:(?:not\s+)?(?:always\s+|automatically\s+|then\s+|"
                                 r"also\s+)?)(?:reject|refuse|decline)\b", re.I)


def decision_only(sentence: str) -> bool:
    """Every failure word of `sentence` may be a decision (reject, refuse, decline)."""
    words = [match.group(0) for match in CALL_FAILURE.finditer(sentence)]
    return bool(words) and all(_DECISION_WORD.match(word) for word in words)


def _keep_unless_error(match: re.Match[str]) -> str:
    """Marks a call-failure word other than "error" itself (a form's error table names errors too)."""
    return match.group(0) if match.group(0).lower().startswith("error") else "\x00"


#: (section, kind, words, span): one mention of an operation that can fail.
OperationMention = tuple[Section, str, str, Span]


def operation_mentions(document: Document) -> list[OperationMention]:
    """Every operation that can fail named in the document's prose, one per kind per line of a
    paragraph, item or cell: not in headings, test steps, non-goals, background or alternatives, and not
    user input (a form's validation is not a call that fails). Computed once per document."""
    cached = _operation_mentions.get(document)
    if cached is None:
        cached = _operation_mentions[document] = _find_operation_mentions(document)
    return cached


def _find_operation_mentions(document: Document) -> list[OperationMention]:
    from speclint.document.text import find_all, iter_prose

    found: list[OperationMention] = []
    pieces = [piece for piece in iter_prose(document)
              if not (piece.kind == "heading" or skipped_section(piece.section) or describes_tests(piece.section)
                      or _scenario_step("\n".join(segment.text for segment in piece.segments)))]
    operations = present_in(pieces, FALLIBLE_OPERATIONS)
    for piece in pieces:
        for kind, pattern in operations:
            if kind == "user input":
                continue
            lines: set[int] = set()  # one per line: a paragraph of "REQ-12 ...", "REQ-14 ..." lines states each
            for match, span in find_all(pattern, piece.segments):
                if span.start.line not in lines and _is_operation(kind, match, match.string) and _described(match):
                    lines.add(span.start.line)
                    found.append((piece.section, kind, " ".join(match.group(0).split()), span))
    return found


_operation_mentions: WeakKeyDictionary[Document, list[OperationMention]] = WeakKeyDictionary()

#: Brands are EH004's (and "stripe" is also a RAID term).
_BRAND_WORDS = lazy_compile(r"^(?:stripe|paypal|adyen|braintree)$", re.I)


def _described(match: re.Match[str]) -> bool:
    """The operation itself, not a brand, a compound ("upload-based scanning") or quoted words."""
    text = match.string
    return not (_BRAND_WORDS.match(match.group(0)) or text.startswith("-", match.end()) or _quoted(match))


_STEP = lazy_compile(r"^\W{0,6}(?:given|then|and)\b|^\W{0,6}when\b[^\n]*\bthen\b", re.I)


def _scenario_step(text: str) -> bool:
    """A Given/When/Then step (its operations are the test's triggers); "When an order changes,
    the dispatcher POSTs the event" is behaviour."""
    from speclint.reading.requirements import is_scenario_text

    return not re.search(r"\b(?:SHALL|MUST)\b", text) and (bool(_STEP.match(text)) or is_scenario_text(text))


#: spec-kit's "User Scenarios & Testing" holds the user stories: behaviour, not tests.
_USER_SCENARIOS = lazy_compile(r"\buser\s+(?:scenarios|stories|journeys)\b", re.I)


#: A section about tests ("Integration test fixture infrastructure", "Test plan"); not
#: "Acceptance criteria" or "Scenarios", which state the product's behaviour.
_TESTS_TITLE = lazy_compile(r"\b(?:tests?|testing|e2e|qa|fixtures?)\b", re.I)


@per_section
def describes_tests(section: Section) -> bool:
    """A section about tests ("Test plan", "Integration test fixtures"), not the product's user scenarios."""
    headed = [each for each in (section, *section.ancestors()) if each.heading is not None]
    return any(_TESTS_TITLE.search(each.title) for each in headed) and not any(
        _USER_SCENARIOS.search(each.title) for each in headed)
