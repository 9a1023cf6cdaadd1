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
from typing import Iterable
from weakref import WeakKeyDictionary

from speclint.document.headings import normalize_title
from speclint.document.model import Document, Section, Span, Table, TextSegment
from speclint.lazy_regex import lazy_compile

#: Each entry: (what the operation is, for messages; pattern).
FALLIBLE_OPERATIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "pay" alone is too often figurative ("all programs pay the cost"); "checkout" is also git's.
    ("payment", lazy_compile(
        r"\b(?:payments?|pays\s+(?:for|with|by)\s+(?:the|an?|their|his|her)\b|charges?\s+(?:the|a|their)\s+"
        r"(?:saved\s+)?(?:card|customer|account)|refunds?|billing|stripe|paypal|adyen|braintree|"
        r"credit\s+cards?|card\s+payments?|payouts?|checkout\s+(?:flow|page|process|session))\b", re.I)),
    ("call to another service", lazy_compile(
        r"\b(?:third[- ]party\s+(?:service|api|provider|system|integration|gateway)s?|"
        r"external\s+(?:service|api|system|provider|endpoint)s?|"
        r"(?:calls?|calling|invokes?|requests?\s+data\s+from|queries|fetch(?:es)?\s+\w+\s+from|posts?\s+to)\s+"
        r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}(?:api|service|endpoint|server|backend|provider|gateway|webhook)\b|"
        r"webhooks?|http\s+(?:request|call)s?|rest\s+(?:call|request)s?|grpc\s+calls?|"
        r"remote\s+(?:service|server|api)s?)\b", re.I)),
    ("upload", lazy_compile(
        r"\b(?:uploads?|uploading|uploaded|downloading\s+(?:the|a|an|their)\b|"
        r"download(?:s)?\s+(?:the|a|an|their)\s+(?:[\w-]+\s+)?(?:file|report|export|invoice|attachment)s?)\b",
        re.I)),
    ("import or parsing", lazy_compile(
        r"\b(?:pars(?:e|es|ing)\s+(?:the\s+|a\s+|an\s+|uploaded\s+|user\s+)?(?:[\w-]+\s+)?"
        r"(?:file|input|csv|json|xml|yaml|document|payload|response|feed|spreadsheet)s?|"
        r"imports?\s+(?:a\s+|the\s+|their\s+)?(?:[\w-]+\s+)?(?:csv|file|spreadsheet|data|contacts|xlsx|excel)s?|"
        r"csv\s+import|file\s+import)\b", re.I)),
    # Data sync between systems, not "synchronization" of threads or "in sync with".
    ("sync", lazy_compile(
        r"\b(?:(?:sync|syncs|syncing|synced|synchroni[sz]es?|synchroni[sz]ing)\s+(?:the\s+|their\s+|all\s+)?"
        r"(?:[\w-]+\s+){0,2}(?:with|to|from|between|across)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}"
        r"(?:server|cloud|service|api|device|devices|backend|crm|salesforce|calendar|account|remote)s?|"
        r"(?:data|background|offline|contact|calendar|cloud|two-way|bidirectional)\s+sync(?:hroni[sz]ation)?)\b",
        re.I)),
    ("message delivery", lazy_compile(
        r"\b(?:(?:sends?|sending|delivers?|delivering)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
        r"(?:confirmation|notification|welcome|reset|verification|receipt|reminder|push|transactional)\s+"
        r"(?:emails?|sms|messages?|notifications?)|(?:emails?|sms|push\s+notifications?)\s+(?:is|are)\s+sent)\b",
        re.I)),
    ("user input", lazy_compile(
        r"\b(?:(?:sign[- ]?up|registration|checkout|contact|payment|web)\s+forms?|"
        r"(?:enters?|types?|submits?|fills\s+in)\s+(?:their|a|an|the)\s+(?:[\w-]+\s+){0,2}"
        r"(?:email|password|address|phone|card|amount|form|details)s?)\b", re.I)),
)

#: Statements of what happens on failure.
FAILURE_HANDLING = lazy_compile(
    r"\b(?:errors?|fail(?:s|ed|ure|ures|ing)?|retr(?:y|ies|ied|ying)|time[- ]?outs?|timed\s+out|invalid|"
    r"validat(?:e|es|ed|ion|ing)|fall(?:s)?\s*back|fallbacks?|reject(?:s|ed|ion)?|unavailable|unreachable|"
    r"exceptions?|roll(?:s|ed)?\s*back|rollbacks?|declin(?:e|es|ed)|circuit[- ]breakers?|dead[- ]letter|"
    r"back[- ]?off|idempoten\w*|compensat\w+|abort(?:s|ed)?|refus(?:e|es|ed)|denied|malformed|corrupt\w*|"
    r"conflicts?|offline|outages?|degrad\w+|recover(?:y|s|ed)?|4\d\d|5\d\d|4xx|5xx|non-zero\s+exit|"
    r"exit\s+code\s+[1-9])\b",
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
                                   r"breakdown|estimates?|table)\b", re.I)


def _is_operation(kind: str, match: re.Match[str], text: str) -> bool:
    if kind != "payment":
        return True
    before = text[max(0, match.start() - 30): match.start()]
    after = text[match.end(): match.end() + 30]
    return not (_PAYMENT_AMOUNT_BEFORE.search(before) or _PAYMENT_AMOUNT_AFTER.match(after))


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
    return key in _FAILURE_SECTION_KEYS or key.startswith(("error handling", "failure mode", "error and "))


def is_error_table(table: Table) -> bool:
    """A table with an Error / Status code / Failure mode column."""
    from speclint.reading.requirements import plain

    return any(_ERROR_COLUMN.match(plain(name).strip()) for name in table.columns)


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


def _unhandled_mentions(document: Document) -> list[Mention]:
    from speclint.document.headings import title_matches
    from speclint.document.model import CodeBlock
    from speclint.document.text import iter_prose, mask_invisible

    if has_central_failure_handling(document):
        return []
    pieces = list(iter_prose(document))
    visible = "\n".join(mask_invisible("\n".join(s.text for s in piece.segments)) for piece in pieces)
    code = "\n".join(block.code for _section, block in document.iter_blocks() if isinstance(block, CodeBlock))
    if addresses_failure(visible) or addresses_failure(code):
        return []
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
                           r"Plaid|Paystack|Flutterwave|Checkout\.com|Authorize\.net|Square\s+(?:Payments|API))\b")),
    ("SMS", lazy_compile(r"\b(?:Twilio|Vonage|Nexmo|MessageBird|Plivo|Sinch|(?:Amazon|AWS)\s+SNS)\b")),
    ("email", lazy_compile(r"\b(?:SendGrid|Sendgrid|Mailgun|Postmark|Mandrill|SparkPost|Mailjet|Brevo|"
                         r"(?:Amazon\s+|AWS\s+)?SES)\b")),
    ("push notification", lazy_compile(r"\b(?:APNs|APNS|FCM|Firebase\s+Cloud\s+Messaging|OneSignal|Expo\s+[Pp]ush)\b")),
    ("object storage", lazy_compile(r"\b(?:(?:Amazon\s+|AWS\s+)?S3|Google\s+Cloud\s+Storage|Azure\s+Blob(?:\s+Storage)?|"
                                  r"Cloudflare\s+R2)\b")),
    ("file transfer", lazy_compile(r"\b(?:SFTP|FTPS?)\b")),
)

#: Words that name what a provider is called for ("the SMS", "the charge"), so that "if the SMS is
#: not delivered within a minute, resend it" handles Twilio's failure without naming Twilio.
PROVIDER_DUTIES: dict[str, re.Pattern[str]] = {
    "payment": lazy_compile(r"\b(?:charg\w*|payments?|pays?|card|checkout|billing|refunds?|subscriptions?|"
                          r"transactions?|payouts?|invoices?|webhooks?)\b", re.I),
    "SMS": lazy_compile(r"\b(?:sms|text\s+messages?|texts?|otp|codes?|phones?|one-time\s+(?:code|password)s?|verification\s+codes?|"
                      r"messages?)\b", re.I),
    "email": lazy_compile(r"\b(?:e-?mails?|mail|messages?)\b", re.I),
    "push notification": lazy_compile(r"\b(?:push(?:es)?|notifications?|device\s+tokens?)\b", re.I),
    "object storage": lazy_compile(r"\b(?:uploads?|uploading|downloads?|storage|buckets?|objects?|files?|attachments?)\b",
                                 re.I),
    "file transfer": lazy_compile(r"\b(?:transfers?|files?|uploads?|downloads?|drops?|feeds?|exports?|imports?)\b", re.I),
}

#: What happens when a provider's call fails, besides the general failure words: a bounce, an
#: undeliverable message, a dead-letter queue, the provider being down.
PROVIDER_FAILURE = lazy_compile(
    r"\b(?:bounc\w+|undeliver\w+|not\s+(?:be\s+)?delivered|dlq|insufficient\s+funds|unsuccessful|"
    r"(?:is|are|goes|go|went)\s+down|does\s+not\s+(?:arrive|respond)|doesn't\s+(?:arrive|respond))\b",
    re.I,
)

#: Before a brand in the same sentence: it is compared, rejected or replaced, not called.
_NOT_USED_BEFORE = lazy_compile(
    r"\b(?:instead\s+of|rather\s+than|not|no|without|replac\w+|migrat\w+\s+(?:away\s+)?from|moving\s+off|"
    r"vs\.?|versus|compared?\s+(?:to|with)|considered|rejected|evaluated|like|such\s+as|e\.g\.?|unlike)"
    r"\s+(?:\w+\s+){0,2}$",
    re.I,
)
#: After a brand: "Stripe was rejected", "Stripe (rejected: fees)", "Stripe is out of scope".
_NOT_USED_AFTER = lazy_compile(
    r"^\W{0,3}(?:\w+\s+){0,3}(?:was|were|is|are)?\s*(?:rejected|ruled\s+out|not\s+(?:chosen|selected|used|"
    r"supported|in\s+scope)|out\s+of\s+scope|dropped|deprecated|considered)\b",
    re.I,
)

#: (kind, brand as written, span) of one provider mention.
ProviderMention = tuple[str, str, Span]


def provider_mentions(segments: list[TextSegment]) -> list[ProviderMention]:
    """The providers `segments` say are used (not compared, rejected or replaced), in order."""
    from speclint.document.text import find_all

    found: list[ProviderMention] = []
    for kind, pattern in PROVIDERS:
        for match, span in find_all(pattern, segments):
            text = match.string
            sentence_start = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
            before = text[max(sentence_start, match.start() - 40): match.start()]
            after = text[match.end(): match.end() + 40]
            if _NOT_USED_BEFORE.search(before) or _NOT_USED_AFTER.match(after):
                continue
            found.append((kind, " ".join(match.group(0).split()), span))
    found.sort(key=lambda mention: (mention[2].start.line, mention[2].start.column))
    return found


def _states_provider_failure(text: str) -> bool:
    return bool(FAILURE_HANDLING.search(text) or PROVIDER_FAILURE.search(text))


def unhandled_providers(document: Document) -> list[ProviderMention]:
    """Every mention of a provider whose failure the document never addresses: no failure section
    or error table, no paragraph, item or cell that names the provider or what it is called for
    together with a failure (error, timeout, retry, bounce, decline...), no section naming it that
    speaks of failure, no code around it that handles errors. Computed once per document."""
    cached = _unhandled_providers.get(document)
    if cached is None:
        cached = _unhandled_providers[document] = _find_unhandled_providers(document)
    return cached


def _find_unhandled_providers(document: Document) -> list[ProviderMention]:
    from speclint.document.model import CodeBlock
    from speclint.document.text import iter_prose, mask_invisible
    from speclint.reading.requirements import not_in_scope, section_text

    mentions: list[ProviderMention] = []
    handled: set[str] = set()
    pieces = list(iter_prose(document))
    for piece in pieces:
        if piece.section.heading is not None and not_in_scope(piece.section):
            continue
        found = provider_mentions(piece.segments)
        if not found:
            continue
        mentions.extend(found)
        for kind in {kind for kind, _brand, _span in found}:
            if kind in handled:
                continue
            # the section where the provider is called, and its subsections
            # (not the whole document when the provider is named under its title)
            deep = piece.section.heading is not None and piece.section.level >= 2
            if _states_provider_failure(mask_invisible(section_text(piece.section, deep=deep, with_code=True))):
                handled.add(kind)
    kinds = {kind for kind, _brand, _span in mentions} - handled
    if not kinds or has_central_failure_handling(document):
        return []
    for piece in pieces:
        if piece.section.heading is not None and not_in_scope(piece.section):
            continue
        text = mask_invisible("\n".join(segment.text for segment in piece.segments))
        if not _states_provider_failure(text):
            continue
        used = {kind for kind, _brand, _span in provider_mentions(piece.segments)}
        for kind in list(kinds):
            named = any(pattern.search(text) for each, pattern in PROVIDERS if each == kind)
            if kind in used or (not named and PROVIDER_DUTIES[kind].search(text)):
                kinds.discard(kind)
    for _section, block in document.iter_blocks():
        if isinstance(block, CodeBlock) and _states_provider_failure(block.code):
            kinds = {kind for kind in kinds if not any(p.search(block.code) for each, p in PROVIDERS if each == kind)}
    return [mention for mention in mentions if mention[0] in kinds]


_unhandled_providers: WeakKeyDictionary[Document, list[ProviderMention]] = WeakKeyDictionary()
