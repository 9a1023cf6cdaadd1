"""MS007 named-limit-without-value: a requirement that names a rate limit, timeout, retention, retry or quota and gives no value."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import profile_name
from speclint.reading.normative import Statement, has_quantity, is_descriptive, is_user_story, search, statements
from speclint.reading.wording import SKIP_PROFILES_HELP
from speclint.rules.measurability.threshold_without_value import _VAGUE_COUNT, _VAGUE_DURATION
from speclint.rules.measurability.limit_without_value import (
    _IN_REQUIREMENTS,
    _LIMITS,
    _MAGNITUDES,
    _NEGATION_BEFORE,
    _PROPOSALS,
    _QUESTION,
    _HEDGE,
    _NOT_DESIGN_TITLE,
    _Limit,
    _given_elsewhere,
    statements_read,
    without_outline_number,
)

_I = re.I
# Limits a requirement may name as a feature ("Rate limiting on the public API", "Session timeout for
# admins", "Retry failed payments") whose value the reader must then find.
_NAMED = (
    # "Rate limiting on the public API", "must support rate limiting": one the system enforces
    _Limit(lazy_compile(
        r"^\W*(?:\*\*[^*\n]{1,40}\*\*:?\s*)?rate[- ]limit(?:s|ing)?\b(?!\s*(?:errors?|responses?|exceeded|headers?))|"
        r"\b(?:support|supports|implement|implements|enforce|enforces|apply|applies|add|adds|provide|provides|include|includes|with)\s+"
        r"(?:[\w/-]+\s+(?:and\s+)?){0,2}?rate[- ]limit(?:s|ing)?\b|\brate[- ]limit(?:s|ing)?\s+(?:on|for|per)\b", _I),
        "at what rate, per what", lazy_compile(r"\b(?:rate[- ]limit\w*|requests?\s+(?:per|/)|throttl\w*|rps|qps)\b", _I)),
    _Limit(lazy_compile(r"\b(?:session|idle|inactivity)\s+time-?outs?\b|\bsession\s+expir\w*|\bauto(?:matic)?[- ]?(?:log|sign)[- ]?outs?\b", _I),
           "after how long", lazy_compile(r"\b(?:time-?\s?outs?|expir\w*|inactiv\w*|idle|ttl)\b", _I)),
    _Limit(lazy_compile(r"\b(?:data|log|audit|message|backup|record|event)s?\s+retention\b|\bretention\s+(?:period|policy|policies|window)\b", _I),
           "for how long", lazy_compile(r"\b(?:retention|retain\w*|kept\s+for|purg\w*|deleted\s+after)\b", _I)),
    # "Retry failed payouts", "retry logic for webhooks" (not a Retry button the user presses)
    _Limit(lazy_compile(r"^\W*(?:\*\*[^*\n]{1,40}\*\*:?\s*)?(?:automatically\s+)?retry(?=\s+(?!button|option|link|action|prompt)[a-z])|"
                        r"\b(?:automatic|auto)[- ]?retr(?:y|ies)\b|\bretry\s+(?:logic|policy|policies|mechanism|strateg(?:y|ies)|behaviou?r)\b", _I),
           "how many times, how far apart", lazy_compile(r"\b(?:retr(?:y|ies)|attempts?|backoff|back-off)\b", _I)),
    _Limit(lazy_compile(r"\block-?outs?\b|\baccount\s+lock(?:ing)?\b", _I),
           "after how many attempts, for how long", lazy_compile(r"\b(?:lock\w*|attempts?)\b", _I)),
    _Limit(lazy_compile(r"\b(?:token|link|otp|code|invite|invitation|url|key|password|cache|session)\s+(?:expiry|expiration|ttls?|lifetime)\b", _I),
           "how long", lazy_compile(r"\b(?:expir\w*|ttl|lifetime|valid\s+for)\b", _I)),
    _Limit(lazy_compile(r"\b(?:storage|upload|workspace|user|account|api|daily|monthly|weekly|hourly|usage|message|request|credit|"
                        r"seat|project|download|export|email|sms)\s+(?:(?!quota)[\w-]+\s+)?quotas?\b|"
                        r"\b(?:upload|file[- ]size|storage|attachment|payload|request[- ]size)\s+limits?\b|"
                        r"\bmax(?:imum)?\s+(?:file|upload|attachment|payload|request|message)\s+sizes?\b", _I),
           "what value", lazy_compile(r"\b(?:quotas?|limits?|max\w*|size)\b", _I)),
    # German, Spanish, French: "una cuota de almacenamiento", "Speicherkontingent", "un délai d'expiration"
    _Limit(lazy_compile(
        r"\bcuotas?\s+de\s+(?:almacenamiento|uso|subida|descarga|api|peticiones|solicitudes)\b|"
        r"\blímites?\s+de\s+(?:tasa|peticiones|solicitudes|velocidad|subida|tamaño|almacenamiento|intentos)\b|"
        r"\btiempo\s+(?:máximo\s+)?de\s+(?:espera|expiración|inactividad)\b|\b(?:caducidad|expiración)\s+de\s+(?:la\s+|el\s+|los\s+)?"
        r"(?:sesi[oó]n|sesiones|tokens?|enlaces?|contraseñas?)\b|\bperiodo\s+de\s+(?:retención|conservación|gracia|bloqueo)\b|"
        r"\bbloqueo\s+de\s+(?:la\s+)?cuenta\b|"
        r"\b(?:Speicher|Upload|API-?|Nutzungs|Anfrage)?[Kk]ontingent(?:e|s)?\b|\bRatenbegrenzung\w*|\bZeitüberschreitung\w*|"
        r"\bSitzungs-?[Tt]imeout\w*|\bAufbewahrungs(?:frist|dauer)\w*|\bKontosperr\w*|\bSperrfrist\w*|\bKulanzfrist\w*|"
        r"\bmaximale\s+Dateigröße\b|"
        r"\bquotas?\s+(?:de\s+stockage|d['’]utilisation|d['’]API|de\s+requêtes)\b|\blimites?\s+de\s+(?:débit|requêtes|taille|"
        r"téléversement)\b|\bdélai\s+d['’](?:expiration|inactivité|attente)\b|\bdurée\s+de\s+(?:conservation|rétention|validité)\b|"
        r"\bverrouillage\s+(?:du|de\s+la)\s+compte\b|\bpériode\s+de\s+grâce\b", _I),
        "what value", lazy_compile(r"\b(?:cuota|límite|tiempo|caducidad|expiración|retención|conservación|gracia|bloqueo|"
                                   r"\w*kontingent\w*|\w*begrenzung|\w*timeout|\w*frist|\w*sperr\w*|\w*dauer|quotas?|limites?|délai|"
                                   r"durée|verrouillage|grâce|dateigröße|taille)\b", _I)),
)
# A wait that ends in a timeout named as the case a behaviour answers, with no length: "**LLM Timeout**: retry once,
# then fall back", "if the scoring call does not answer within the timeout", "when the upload times out, ...". The
# system sets how long it waits, so the length is the spec's to give.
_TIMEOUT_TRIGGER = _Limit(lazy_compile(
    r"\btime-?outs?\b(?=[^*_\n]{0,30}?(?:\*\*|__)\s*[:—–-]?\s*[A-Za-z])|"
    r"\b(?:within|before|on|upon)\s+(?:the\s+)?time-?out\b(?!\s+(?:of|is|=|:|set|configured|value)\b)|"
    r"\b(?:if|when|once|whenever)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:times|timed)\s+out\b"
    r"(?!\s+(?:after|in|within)\s+\S*\d)", _I),
    "after how long", lazy_compile(r"\b(?:time-?\s?outs?|timed?\s+out|times\s+out|deadline)\b", _I))
#: The document makes the timeout a setting or a parameter: "a configurable timeout", "`api_timeout`", "`wait(timeout)`";
#: its value is then the caller's or the operator's.
_TIMEOUT_SETTING = lazy_compile(
    r"\bconfigurable\s+(?:[\w-]+\s+){0,2}?time-?outs?\b|\btime-?outs?\s+(?:[\w-]+\s+){0,3}?(?:is|are|must\s+be|shall\s+be|"
    r"should\s+be|can\s+be)\s+(?:user-)?configur\w*|`[^`\n]*time_?out[^`\n]*`", _I)
#: What stands before a timeout named in an item's bold label ("2. **LLM Timeout/Error**: ...").
_LABEL_OPENS = lazy_compile(r"^\W*(?:\*\*|__)[^*_\n]{0,40}$")


def _opens_the_item(limit: _Limit, match: re.Match[str]) -> bool:
    """A timeout in bold counts only as the label that opens an item: "see the **timeout handling** notes" is no case."""
    if limit is not _TIMEOUT_TRIGGER or not match.group(0).lower().startswith("time"):
        return True
    return _LABEL_OPENS.match(match.string[:match.start()]) is not None


# A limit someone else enforces ("handle rate limiting from the Deltastream API", "when quota limits
# are hit"), or a topic to document: not a value this spec owes.
_EXTERNAL = lazy_compile(
    r"\b(?:encounter\w*|hit|hits|handl\w*|respect\w*|receiv\w*|return\w*|exceed\w*|reach\w*|honou?r\w*|back\s+off|429|"
    r"errors?|document\w*|describ\w*|explain\w*|section|upstream|third[- ]party|provider)\b|\b(?:from|by|of)\s+(?:the\s+)?[\w.-]+\s+api\b", _I)
# "Rate limits are configurable per tenant": the value is a setting (its default is another question).
_SETTING = lazy_compile(r"\bconfigur\w*|\bsettings?\b|\btunable\b|\bset\s+by\b|\bper[- ]tenant\s+override", _I)
_ALREADY_READ = _LIMITS + _MAGNITUDES + _IN_REQUIREMENTS
#: Sections of a design that plan work not built now, or test it: their items are no commitment.
_NOT_PLANNED_NOW = lazy_compile(r"\b(?:test\w*|planned|post-mvp|not\s+mvp|enhancements?|roadmap|later|phase\s+[2-9])\b", _I)
#: The kinds that state a design as decided: a Kiro design (a plan of what will be built) and a free-form design doc.
_DESIGNS = ("kiro-design", "design-doc")


def _commits_in_design(statement: Statement) -> bool:
    """An item of a design that says what will be built: a list item or table cell outside background, tests, future
    work and the other sections a design discusses in ("**Rate Limiting**: implement rate limits")."""
    if statement.kind not in ("list-item", "table-cell") or is_descriptive(statement.section) or is_user_story(statement.text):
        return False
    titles = [each.title for each in (statement.section, *statement.section.ancestors()) if each.heading is not None]
    if any(_NOT_DESIGN_TITLE.search(title) or _NOT_PLANNED_NOW.search(title) for title in titles):
        return False
    return not _HEDGE.search(statement.text)


def _statements(document: Document, context: RuleContext) -> Iterator[tuple[Statement, bool, bool]]:
    """The statements read, each with whether it is a design's commitment rather than a requirement (a design states
    what will be built, so its items are read even without a requirement ID or a requirements section), and whether
    limit-without-value (MS005) reads it too (it skips a Kiro design's statements without an ID)."""
    read = list(statements_read(document, context))
    design = profile_name(context) in _DESIGNS
    yield from ((statement, design and _commits_in_design(statement), True) for statement in read)
    if not design or profile_name(context) not in set(context.options["skip-profiles"]):
        return
    already = set(map(id, read))
    for statement in statements(document):
        if id(statement) not in already and _commits_in_design(statement):
            yield statement, True, False


class NamedLimitWithoutValue(Rule):
    """Flags a requirement that names a rate limit, timeout, retention, retry, lockout or quota and gives no value.

    **What it flags.** A requirement statement (an item of a requirements or criteria section, or a
    statement with a requirement ID) that names a limit as something to build and states no value
    for it, there or anywhere else in the document:
    - "Rate limiting on the public API" (at what rate, per what?);
    - "Session timeout for admin users", "automatic logout" (after how long?);
    - "Audit logs follow the data retention policy" (for how long?);
    - "Retry failed payouts" (how many times, how far apart?);
    - "Account lockout after failed logins" (after how many attempts, for how long?);
    - "Token TTL", "upload limit", "storage quota", "a monthly export quota" (what value?);
    - the same in German, Spanish and French ("Speicherkontingent", "cuota de almacenamiento",
      "délai d'expiration").

    In a design (a Kiro design or a free-form design doc), which states what will be built, an item
    of a list or table is read without a requirement ID, outside its tests, future work and the other
    sections a design discusses in: "**Abuse control**: implement rate limiting". There, and in
    requirements, a timeout named as the case a behaviour answers is read too ("**Upstream
    timeout**: serve the cached page", "if the geocoder call times out, ..."), and in an ADR's
    decision ("if the carrier does not reply within the timeout, ..."): after how long? unless the
    document gives the timeout a value or makes it a setting or a parameter.

    Not flagged: a sentence with a number or time frame; a limit whose value another line of the
    document gives ("Rate limit: 100 requests per minute per key" answers "rate limiting on the
    public API"); a limit said to be absent ("no retry"), configurable or a setting; questions;
    background, user stories and statements without the weight of a requirement. Sentences that
    `limit-without-value` (MS005) reads are left to it. Design proposals are not read (option
    `skip-profiles`) except a Kiro design's items; an ADR only in its decision. A design's case label
    naming a limit it meets ("**Rate limit**: switch to the backup provider") is another party's limit.

    **Why it matters.** Naming the limit shows the team knows it is needed; leaving the value out
    leaves engineering to pick one in code review and QA with nothing to test against.

    **Example**

    ```markdown
    ## Requirements
    - Rate limiting on the public API.
    - Retry failed payouts.
    ```

    **Use instead**

    ```markdown
    ## Requirements
    - The public API allows 100 requests per minute per API key; beyond that it answers 429.
    - Failed payouts are retried 3 times, 1, 5 and 30 minutes apart, then flagged for review.
    ```
    """

    id = "MS007"
    name = "named-limit-without-value"
    category = Category.MEASURABILITY
    default_level = Level.WARNING
    options = (Option("skip-profiles", "list[str]", list(_PROPOSALS), SKIP_PROFILES_HELP),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        lines = document.lines
        reported: set[tuple[int, str]] = set()
        decision = profile_name(context) == "adr"  # an ADR's statements read are those of its decision
        for statement, committed, read_by_ms005 in _statements(document, context):
            if committed or (statement.is_requirement and (statement.in_requirements or statement.requirement_id is not None)):
                limits: tuple[_Limit, ...] = (*_NAMED, _TIMEOUT_TRIGGER)
            elif decision:
                limits = (_TIMEOUT_TRIGGER,)  # a decided wait: "if the vendor does not answer within the timeout, ..."
            else:
                continue
            for limit in limits:
                for hit in search(limit.pattern, statement.segments):
                    sentence = hit.source_sentence
                    if not _opens_the_item(limit, hit.match):
                        continue
                    if _QUESTION.search(hit.sentence) or has_quantity(without_outline_number(sentence)) or _SETTING.search(sentence):
                        continue
                    if limit is not _TIMEOUT_TRIGGER and _EXTERNAL.search(sentence):
                        continue  # another party's limit, or a topic; a timeout is how long the system itself waits
                    if _VAGUE_COUNT.search(sentence) or _VAGUE_DURATION.search(sentence):
                        continue  # threshold-without-value's (MS003)
                    if read_by_ms005 and any(other.pattern.search(sentence) and (other.needs is None or other.needs.search(sentence))
                                             for other in _ALREADY_READ):
                        continue  # limit-without-value (MS005) reads it
                    # "does not answer within the timeout": the negation is the wait's, not the timeout's
                    if limit is not _TIMEOUT_TRIGGER and _NEGATION_BEFORE.search(hit.match.string, max(0, hit.match.start() - 40),
                                                                                  hit.match.start()):
                        continue
                    if _given_elsewhere(limit, hit.match.group(0), lines, hit.span.start.line):
                        continue
                    if limit is _TIMEOUT_TRIGGER and any(_TIMEOUT_SETTING.search(line) for line in lines):
                        continue
                    if committed and hit.match.group(0).lstrip(" \t>-").startswith(("*", "_")):
                        continue  # a design's case label ("**Rate limit**: switch to the local model") names a limit hit
                    where = (statement.span.start.line, hit.sentence)
                    if where in reported:
                        continue
                    reported.add(where)
                    written = " ".join(hit.match.group(0).split())
                    yield Violation(hit.span, f"'{written}' named with no value: {limit.question}? "
                                              "State it so it can be built and tested")
