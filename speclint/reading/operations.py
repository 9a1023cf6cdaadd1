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

from speclint.document.headings import normalize_title
from speclint.document.model import Document, Section, Span, Table, TextSegment

#: Each entry: (what the operation is, for messages; pattern).
FALLIBLE_OPERATIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "pay" alone is too often figurative ("all programs pay the cost"); "checkout" is also git's.
    ("payment", re.compile(
        r"\b(?:payments?|pays\s+(?:for|with|by)\s+(?:the|an?|their|his|her)\b|charges?\s+(?:the|a|their)\s+"
        r"(?:saved\s+)?(?:card|customer|account)|refunds?|billing|stripe|paypal|adyen|braintree|"
        r"credit\s+cards?|card\s+payments?|payouts?|checkout\s+(?:flow|page|process|session))\b", re.I)),
    ("call to another service", re.compile(
        r"\b(?:third[- ]party\s+(?:service|api|provider|system|integration|gateway)s?|"
        r"external\s+(?:service|api|system|provider|endpoint)s?|"
        r"(?:calls?|calling|invokes?|requests?\s+data\s+from|queries|fetch(?:es)?\s+\w+\s+from|posts?\s+to)\s+"
        r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}(?:api|service|endpoint|server|backend|provider|gateway|webhook)\b|"
        r"webhooks?|http\s+(?:request|call)s?|rest\s+(?:call|request)s?|grpc\s+calls?|"
        r"remote\s+(?:service|server|api)s?)\b", re.I)),
    ("upload", re.compile(
        r"\b(?:uploads?|uploading|uploaded|downloading\s+(?:the|a|an|their)\b|"
        r"download(?:s)?\s+(?:the|a|an|their)\s+(?:[\w-]+\s+)?(?:file|report|export|invoice|attachment)s?)\b",
        re.I)),
    ("import or parsing", re.compile(
        r"\b(?:pars(?:e|es|ing)\s+(?:the\s+|a\s+|an\s+|uploaded\s+|user\s+)?(?:[\w-]+\s+)?"
        r"(?:file|input|csv|json|xml|yaml|document|payload|response|feed|spreadsheet)s?|"
        r"imports?\s+(?:a\s+|the\s+|their\s+)?(?:[\w-]+\s+)?(?:csv|file|spreadsheet|data|contacts|xlsx|excel)s?|"
        r"csv\s+import|file\s+import)\b", re.I)),
    # Data sync between systems, not "synchronization" of threads or "in sync with".
    ("sync", re.compile(
        r"\b(?:(?:sync|syncs|syncing|synced|synchroni[sz]es?|synchroni[sz]ing)\s+(?:the\s+|their\s+|all\s+)?"
        r"(?:[\w-]+\s+){0,2}(?:with|to|from|between|across)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}"
        r"(?:server|cloud|service|api|device|devices|backend|crm|salesforce|calendar|account|remote)s?|"
        r"(?:data|background|offline|contact|calendar|cloud|two-way|bidirectional)\s+sync(?:hroni[sz]ation)?)\b",
        re.I)),
    ("message delivery", re.compile(
        r"\b(?:(?:sends?|sending|delivers?|delivering)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
        r"(?:confirmation|notification|welcome|reset|verification|receipt|reminder|push|transactional)\s+"
        r"(?:emails?|sms|messages?|notifications?)|(?:emails?|sms|push\s+notifications?)\s+(?:is|are)\s+sent)\b",
        re.I)),
    ("user input", re.compile(
        r"\b(?:(?:sign[- ]?up|registration|checkout|contact|payment|web)\s+forms?|"
        r"(?:enters?|types?|submits?|fills\s+in)\s+(?:their|a|an|the)\s+(?:[\w-]+\s+){0,2}"
        r"(?:email|password|address|phone|card|amount|form|details)s?)\b", re.I)),
)

#: Statements of what happens on failure.
FAILURE_HANDLING = re.compile(
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
_ERROR_COLUMN = re.compile(r"^(?:error(?:\s+code|\s+message|\s+case|\s+type)?s?|status(?:\s+code)?|http\s+status|"
                           r"failure(?:\s+mode)?s?|exception|code|exit\s+code)$", re.I)


def fallible_operation(text: str) -> tuple[str, re.Match[str]] | None:
    """The first operation that can fail named in `text`: (kind, match), or None."""
    best: tuple[str, re.Match[str]] | None = None
    for kind, pattern in FALLIBLE_OPERATIONS:
        match = pattern.search(text)
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
        hit = next(find_all(pattern, segments), None)
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
