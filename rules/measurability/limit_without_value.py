"""MS005 limit-without-value: an expiry, timeout, rate limit, retention, retry or window the system enforces, with no value."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import profile_name
from speclint.reading.normative import has_quantity, is_descriptive, is_user_story, search, statements
from speclint.reading.wording import DESIGN_PROPOSAL_PROFILES, SKIP_PROFILES_HELP


@dataclass(frozen=True)
class _Limit:
    """A phrase that names a limit, and what settles its value."""

    pattern: re.Pattern[str]
    question: str  # what the reader must ask
    #: words whose value stated anywhere else in the document settles the question
    #: ("Session timeout: 30 minutes" in a table answers "sessions expire after inactivity")
    subject: re.Pattern[str]
    #: what the sentence must also say for the phrase to be a limit ("cached for some time" is;
    #: "the rollout may take some time" is not)
    needs: re.Pattern[str] | None = None


_I = re.I
_LIMITS = (
    _Limit(lazy_compile(
        r"\b(?:sessions?|tokens?|links?|codes?|otps?|invit(?:ations?|es?)|api\s+keys?|cookies?|carts?|reservations?|"
        r"holds?|leases?|passwords?|credentials?)\s+(?:(?!not\b|never\b)[\w'-]+\s+){0,2}?"
        r"(?:expires?|expiring|time\s+out|times\s+out)\b(?!\s+(?:after|in|within|at)\s+\S*\d)", _I),
        "after how long", lazy_compile(r"\b(?:expir\w*|time-?\s?outs?|ttl|lifetime|valid\s+for)\b", _I)),
    _Limit(lazy_compile(
        r"\b(?:session|idle|inactivity)\s+time-?outs?\s+(?:is|are|applies|apply|will|must|shall|should)\b"
        r"(?!\s+(?:be\s+)?(?:configurable|configured|set\s+by))|\bha(?:s|ve)\s+an?\s+(?:session|idle|inactivity)\s+time-?out\b", _I),
        "how long is it", lazy_compile(r"\b(?:time-?\s?outs?|expir\w*|inactivity)\b", _I)),
    _Limit(lazy_compile(
        r"\b(?:is|are|be|being|gets?)\s+rate[- ]limited\b|\b(?:shall|must|will|should|to)\s+rate[- ]limit\b|"
        r"\b(?:appl(?:y|ies|ied)|enforc(?:e|es|ed)|impos(?:e|es|ed))\s+(?:a\s+|per-[\w-]+\s+)?rate[- ]limit(?:s|ing)?\b|"
        r"\brate[- ]limit(?:s|ing)?\s+(?:is|are)\s+(?:applied|enforced)\b", _I),
        "at what rate, per what", lazy_compile(r"\b(?:rate[- ]limit\w*|requests?\s+(?:per|/)|throttl\w*)\b", _I)),
    _Limit(lazy_compile(
        r"\b(?:retained|kept|stored|preserved|archived)\s+(?:[\w-]+\s+){0,2}?(?:for\s+(?:a|an|the)\s+(?:limited|certain|reasonable|set|"
        r"defined|specific)\s+(?:time|period|duration)|as\s+long\s+as\s+(?:necessary|needed|required))\b", _I),
        "for how long", lazy_compile(r"\b(?:retention|retain\w*|kept\s+for|purg\w*|deleted\s+after)\b", _I)),
    _Limit(lazy_compile(
        r"\bretr(?:y|ies|ied)\s+(?:a\s+few|several|multiple|a\s+number\s+of|a\s+limited\s+number\s+of)\s+times\b|"
        r"\b(?:is|are)\s+(?:automatically\s+)?retried\b(?!\s+(?:by|manually|once|twice|\S*\d))", _I),
        "how many times, how far apart", lazy_compile(r"\b(?:retr(?:y|ies)|attempts?|backoff|back-off)\b", _I)),
    _Limit(lazy_compile(
        r"\bwithin\s+the\s+(?:delivery|grace|booking|cancellation|return|refund|sla|allowed|agreed|service|maintenance)\s+"
        r"(?:window|period)\b", _I),
        "how long is it", lazy_compile(r"\b(?:window|period)\b", _I)),
    _Limit(lazy_compile(
        r"\bafter\s+(?:a|some)\s+(?:short\s+|long\s+|certain\s+|set\s+|predefined\s+|defined\s+)?(?:period|amount|length)\s+"
        r"of\s+(?:inactivity|idle\s+time|time)\b|\bafter\s+(?:some\s+time|a\s+while|a\s+(?:short|brief)\s+(?:time|delay|period))\b|"
        r"\bfor\s+a\s+(?:short|limited|certain|set|brief|reasonable)\s+(?:time|period|while|duration)\b|\bfor\s+(?:some\s+time|a\s+while)\b", _I),
        "how long", lazy_compile(r"\b(?:inactivity|idle|time-?\s?outs?|expir\w*)\b", _I), lazy_compile(
            r"\b(?:expir\w*|lock\w*|block\w*|time[sd]?\s+out|(?:log|sign)(?:s|ged|ging|ed)?\s+(?:\w+\s+){0,2}?out|retain\w*|kept|keep|stor\w*|"
            r"delet\w*|purg\w*|cach\w*|disabl\w*|suspend\w*|invalidat\w*|hidden|hide\w*|valid|available)\b", _I)),
    _Limit(lazy_compile(
        r"\ba\s+(?:certain|limited|maximum|reasonable|fixed|set)\s+number\s+of\b|\bup\s+to\s+a\s+(?:certain\s+)?(?:limit|maximum|threshold)\b", _I),
        "how many", lazy_compile(r"\b(?:limit|maximum|max|at\s+most|threshold)\b", _I), lazy_compile(
            r"\b(?:after|allow\w*|limit\w*|lock\w*|block\w*|up\s+to|at\s+most|cap\w*|max\w*|exceed\w*|retr\w*|attempts?)\b", _I)),
)
# Magnitudes left vague in a requirement: "supports many concurrent users", "large customers", "updates in
# real time". Read only in requirement statements: background and design prose use them to describe.
_MAGNITUDES = (
    _Limit(lazy_compile(
        r"\bmany\s+(?:concurrent\s+|simultaneous\s+|parallel\s+)?(?:users|requests|connections|sessions|customers|orders|"
        r"transactions|devices|tenants|uploads|files|records|events|messages|items)\b|\bhigh[- ]volumes?\s+of\s+\w+", _I),
        "how many", lazy_compile(r"\b(?:users|requests|connections|sessions|customers|orders|transactions|devices|tenants|"
                               r"uploads|files|records|events|messages|items)\b", _I)),
    _Limit(lazy_compile(
        r"\blarge\s+(?:customers|accounts|tenants|organi[sz]ations|orgs|enterprises|files|uploads|attachments|datasets|"
        r"data\s+sets|catalogs|workspaces|teams|repositories|repos|documents|images|videos|exports|imports|lists|tables)\b", _I),
        "how large", lazy_compile(r"\b(?:large|size|MB|GB|KB|TB|rows|seats|users|employees|items)\b", _I)),
    # "progress streams in real time": streaming is the behaviour, not a latency left out
    _Limit(lazy_compile(r"(?<!stream )(?<!streams )(?<!streamed )(?<!streaming )\b(?:in|at)\s+(?:near[- ])?real[- ]?time\b", _I),
        "within how long", lazy_compile(r"\breal[- ]?time\b|\blatency\b", _I)),
)
_MODAL = lazy_compile(r"\b(?:must|shall|should|will|needs?\s+to|has\s+to)\b", _I)
# "Sessions do not expire", "links never time out": a statement that there is no limit.
_NEGATION_BEFORE = lazy_compile(r"(?:\bnot|\bnever|\bno|n't|\bno\s+longer|\bwithout)\s+(?:\w+\s+){0,2}$", _I)
# Design proposals of every family, and files that are not specs: their prose discusses.
_PROPOSALS = (*DESIGN_PROPOSAL_PROFILES, "openshift-enhancement", "gep", "capi-proposal", "kiro-design", "not-a-spec")
_QUESTION = lazy_compile(r"\?\s*(?:\*\*|__)?\s*$")


class LimitWithoutValue(Rule):
    """Flags an expiry, timeout, rate limit, retention, retry or window the system enforces, with no value.

    **What it flags.** A statement (outside background, problem statements, user stories, quotes,
    code and questions) that makes the system enforce a limit and leaves its value out:
    - an expiry or timeout: "sessions expire after a period of inactivity", "reset links expire",
      "the session timeout";
    - a vague duration or count: "for a limited time", "after a while", "a maximum number of",
      "up to a limit";
    - a rate limit applied with no rate: "the API is rate limited per user";
    - a retention with no period: "logs are retained for a limited period", "kept as long as necessary";
    - a retry with no count: "failed webhooks are retried", "retries several times";
    - a window named with no length: "within the delivery window".

    Not flagged when the sentence states a number or time frame, nor when the document gives the
    value elsewhere (a "Session timeout | 30 min" row answers "sessions expire after inactivity"),
    nor when the statement says there is no limit ("links never expire"). In design proposals
    (RFCs, KEPs, design docs, ADRs), whose prose discusses rather than commits, only statements
    with a requirement ID are read (option `skip-profiles`).

    **Why it matters.** These are the values an engineer needs to write the code and a tester to
    check it. Left out, each is decided in a pull request by whoever gets there first, and rarely
    the same way on web and mobile.

    **Example**

    ```markdown
    - Sessions expire after a period of inactivity.
    - Failed webhook deliveries are retried.
    ```

    **Use instead**

    ```markdown
    - Sessions expire after 30 minutes of inactivity.
    - Failed webhook deliveries are retried 5 times with exponential backoff (1 s, 2 s, 4 s...).
    ```
    """

    id = "MS005"
    name = "limit-without-value"
    category = Category.MEASURABILITY
    default_level = Level.WARNING
    options = (Option("skip-profiles", "list[str]", list(_PROPOSALS), SKIP_PROFILES_HELP),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        proposal = profile_name(context) in set(context.options["skip-profiles"])
        lines = document.lines
        reported: set[tuple[int, str]] = set()  # one finding per sentence
        for statement in statements(document):
            if proposal and not statement.requirement_id:
                continue
            if is_descriptive(statement.section) or is_user_story(statement.text):
                continue
            requirement = statement.is_requirement and (statement.in_requirements or statement.requirement_id is not None)
            for limit in _LIMITS + _MAGNITUDES:
                for hit in search(limit.pattern, statement.segments):
                    if limit in _MAGNITUDES and not (requirement or _MODAL.search(_own_sentence(hit.match))):
                        continue  # "large customers churn": a description; "must support many users": a demand
                    if _QUESTION.search(hit.sentence) or has_quantity(hit.source_sentence):
                        continue
                    if limit.needs is not None and not limit.needs.search(hit.sentence):
                        continue
                    if _NEGATION_BEFORE.search(hit.match.string, max(0, hit.match.start() - 40), hit.match.start()):
                        continue
                    if _given_elsewhere(limit, hit.match.group(0), lines, hit.span.start.line):
                        continue
                    where = (statement.span.start.line, hit.sentence)
                    if where in reported:
                        continue
                    reported.add(where)
                    written = " ".join(hit.match.group(0).split())
                    yield Violation(hit.span, f"'{written}': {limit.question}? State the value so it can be built and tested")


def _given_elsewhere(limit: _Limit, written: str, lines: list[str], line: int) -> bool:
    """True when another line of the document states a value for the same limit ("Session timeout: 30 min").
    An expiry is the same limit only for the same thing: "invitations expire after 7 days" does not
    say when sessions expire."""
    noun = _EXPIRING_NOUN.match(written)
    for index, line_text in enumerate(lines):
        text = _LINE_MARKER.sub("", line_text)  # "3. WHEN ...": a list number is not a value
        if index + 1 == line or not limit.subject.search(text) or not has_quantity(text):
            continue
        if noun is None or noun.group(1).lower() in text.lower():
            return True
    return False


_LINE_MARKER = lazy_compile(r"^\s*(?:>\s*)*(?:[-*+]|\d{1,3}[.)])\s+")
# The thing that expires, as a stem found in its plural and singular ("session", "link", "invit").
_EXPIRING_NOUN = lazy_compile(r"(session|token|link|code|otp|invit|api key|cookie|cart|reservation|hold|lease|password|credential)",
                            re.I)


_SENTENCE_START = lazy_compile(r"[.!?;]\s+(?=\S)")


def _own_sentence(match: re.Match[str]) -> str:
    """The sentence the match stands in, from its start (a match that opens a sentence does not take
    the sentence before it along)."""
    text = match.string
    begin = 0
    for boundary in _SENTENCE_START.finditer(text, max(0, match.start() - 300), match.start() + 1):
        if boundary.end() <= match.start():
            begin = boundary.end()
    end = _SENTENCE_START.search(text, match.end())
    return text[begin: end.start() + 1 if end else len(text)]
