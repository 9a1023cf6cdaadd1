"""MS007 named-limit-without-value: a requirement that names a rate limit, timeout, retention, retry or quota and gives no value."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.normative import has_quantity, search
from speclint.reading.wording import SKIP_PROFILES_HELP
from speclint.rules.measurability.threshold_without_value import _VAGUE_COUNT, _VAGUE_DURATION
from speclint.rules.measurability.limit_without_value import (
    _IN_REQUIREMENTS,
    _LIMITS,
    _MAGNITUDES,
    _NEGATION_BEFORE,
    _PROPOSALS,
    _QUESTION,
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
# A limit someone else enforces ("handle rate limiting from the Deltastream API", "when quota limits
# are hit"), or a topic to document: not a value this spec owes.
_EXTERNAL = lazy_compile(
    r"\b(?:encounter\w*|hit|hits|handl\w*|respect\w*|receiv\w*|return\w*|exceed\w*|reach\w*|honou?r\w*|back\s+off|429|"
    r"errors?|document\w*|describ\w*|explain\w*|section|upstream|third[- ]party|provider)\b|\b(?:from|by|of)\s+(?:the\s+)?[\w.-]+\s+api\b", _I)
# "Rate limits are configurable per tenant": the value is a setting (its default is another question).
_SETTING = lazy_compile(r"\bconfigur\w*|\bsettings?\b|\btunable\b|\bset\s+by\b|\bper[- ]tenant\s+override", _I)
_ALREADY_READ = _LIMITS + _MAGNITUDES + _IN_REQUIREMENTS


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

    Not flagged: a sentence with a number or time frame; a limit whose value another line of the
    document gives ("Rate limit: 100 requests per minute per key" answers "rate limiting on the
    public API"); a limit said to be absent ("no retry"), configurable or a setting; questions;
    background, user stories and statements without the weight of a requirement. Sentences that
    `limit-without-value` (MS005) reads are left to it. Design proposals are not read (option
    `skip-profiles`); an ADR only in its decision.

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
        for statement in statements_read(document, context):
            if not (statement.is_requirement and (statement.in_requirements or statement.requirement_id is not None)):
                continue
            for limit in _NAMED:
                for hit in search(limit.pattern, statement.segments):
                    sentence = hit.source_sentence
                    if _QUESTION.search(hit.sentence) or has_quantity(without_outline_number(sentence)) or _SETTING.search(sentence):
                        continue
                    if _EXTERNAL.search(sentence) or _VAGUE_COUNT.search(sentence) or _VAGUE_DURATION.search(sentence):
                        continue  # another party's limit, a topic, or threshold-without-value's (MS003)
                    if any(other.pattern.search(sentence) for other in _ALREADY_READ):
                        continue  # limit-without-value (MS005) reads it
                    if _NEGATION_BEFORE.search(hit.match.string, max(0, hit.match.start() - 40), hit.match.start()):
                        continue
                    if _given_elsewhere(limit, hit.match.group(0), lines, hit.span.start.line):
                        continue
                    where = (statement.span.start.line, hit.sentence)
                    if where in reported:
                        continue
                    reported.add(where)
                    written = " ".join(hit.match.group(0).split())
                    yield Violation(hit.span, f"'{written}' named with no value: {limit.question}? "
                                              "State it so it can be built and tested")
