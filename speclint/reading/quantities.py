"""Quantities a document states about one subject: "reset links expire after 7 days", "a 14-day
trial", "session timeout: 30 minutes", "conversion must not drop more than 5%".

Shared by the contradiction rule (MS010). A *statement* is a number with its unit, tied by the
sentence's construction to a subject and, for durations of something that happens, a verb:

- a verb with a duration: "<subject> expire(s)/is retained/is locked/times out ... after|for|within N unit";
- a duration before a noun: "a 14-day trial", "30 day retention";
- a named setting: "<modifier> timeout|TTL|retention|grace period|lockout ... of|:|is N unit";
- a threshold in percent: "<metric> drop(s)|exceed(s) ... (by) (more than) N%";
- a wait that gives up: "<subject> waits up to N unit ... before giving up", "gives up after N unit";
- a fee: "a 1% fee", "a fee of 1%", "we charge 1.5%", and the answer to a question about the price
  ("**How much does it cost?** 1.5% of the amount").

Statements that compare, change, give an example or a bound ("was 7, now 14 days", "from 7 to
14 days", "e.g.", "up to", "default", "maximum", "for premium plans") are not taken: two of them
with different numbers say nothing contradictory.
"""

from __future__ import annotations

import re
from typing import Iterator
from weakref import WeakKeyDictionary

from speclint.document.model import Document, Position, Section, Span, Table, TextSegment
from speclint.lazy_regex import lazy_compile
from speclint.record import Record

_NUMBER = r"(?P<num>\d+(?:\.\d+)?)"
_TIME_UNIT = (r"(?P<unit>ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|months?|"
              r"years?)")
_SECONDS = {"ms": 0.001, "millisecond": 0.001, "s": 1, "sec": 1, "second": 1, "min": 60, "minute": 60, "h": 3600,
            "hr": 3600, "hour": 3600, "d": 86400, "day": 86400, "week": 604800, "month": 2592000, "year": 31536000}

#: "<subject> expire(s) after 7 days", "accounts are locked for 15 minutes", "links are valid for 24 hours".
_VERB_DURATION = lazy_compile(
    r"\b(?P<verb>expir(?:e|es|ed|ing)|retained|kept|stored|deleted|purged|archived|locked(?:\s+out)?|"
    r"times?\s+out|timed\s+out|valid|lasts?|rotated|cached)\s+(?:after|for|within|in)\s+(?:about\s+|approximately\s+|~|a\s+maximum\s+of\s+|up\s+to\s+|at\s+most\s+|"
    r"no\s+more\s+than\s+)?"
    + _NUMBER + r"[\s-]?" + _TIME_UNIT + r"\b|"
    # "time out calls to the card network after 30 seconds": what times out follows the verb
    r"\b(?P<verb2>time\s+out|times\s+out)\s+(?P<object>(?:(?!after\b)[\w-]+\s+){1,6}?)after\s+(?:about\s+|~)?(?P<num2>\d+(?:\.\d+)?)[\s-]?"
    r"(?P<unit2>ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?)\b",
    re.I,
)
#: "the call waits up to 30 seconds before giving up", "the client gives up after 10 s": a timeout in other words.
_GIVE_UP = lazy_compile(
    r"\b(?P<verb>waits?|waited)\s+(?:up\s+to\s+|at\s+most\s+|for\s+|a\s+maximum\s+of\s+)?" + _NUMBER + r"[\s-]?" + _TIME_UNIT
    + r"(?:\s+(?:for|on)(?:\s+[\w-]+){1,4}?)?\s+before\s+(?:giving\s+up|failing|timing\s+out|aborting|cancell?ing|"
    r"returning\s+an?\s+error)\b|"
    r"\b(?P<verb2>gives?\s+up|aborts?)\s+after\s+(?P<num2>\d+(?:\.\d+)?)[\s-]?"
    r"(?P<unit2>ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?)\b",
    re.I,
)
#: "we keep raw location data for 14 days", "the service stores uploads for 30 days".
_KEEP_FOR = lazy_compile(
    r"\b(?P<verb>keeps?|stores?|retains?|holds?|caches?|archives?)\s+(?P<object>(?:(?!for\b)[\w-]+\s+){1,5}?)for\s+"
    r"(?:about\s+|~|a\s+maximum\s+of\s+|up\s+to\s+|at\s+most\s+|no\s+more\s+than\s+)?"
    + _NUMBER + r"[\s-]?" + _TIME_UNIT + r"\b",
    re.I,
)
#: "a gift card code expires 60 days after purchase", "deleted 30 days after closing".
_VERB_DURATION_AFTER = lazy_compile(
    r"\b(?P<verb>expir(?:e|es|ed)|deleted|purged|locked)\s+(?:about\s+|approximately\s+|~)?" + _NUMBER + r"[\s-]?" + _TIME_UNIT
    + r"\s+(?:after|from|following)\b",
    re.I,
)
#: A number with a decimal point or a decimal comma ("1,5 %" in German, Spanish, French, Italian, Portuguese).
_DECIMAL = r"(?P<num>\d+(?:\.\d+|,\d{1,2}(?!\d))?)"
#: A fee named in German, Spanish, Portuguese, Italian or French, and what joins it to its value there: "Gebühr: 1,0 %",
#: "die Gebühr von 1,5 %", "la comisión es del 2 %", "les frais sont de 3 %".
_FEE_ABROAD = r"gebühr(?:en)?|gebuehr(?:en)?|entgelt|comisi[oó]n|comiss[aã]o|commissione|frais"
_CONNECTOR_ABROAD = (r"von|beträgt|liegt\s+bei|ist|(?:es|est|è|é)(?:\s+(?:del?|di|du))?|sont\s+de|de[l]?|di|du")
#: Articles before a fee's name in those languages: "die Gebühr" is no one's fee in particular.
_ARTICLES_ABROAD = frozenset("der die das den dem des la el le il lo los las les une un una uno".split())
#: "a 1% fee", "a fee of 1.5%", "commission: 2%".
_PERCENT_NOUN = lazy_compile(
    r"(?:\b(?P<noun>fees?|commissions?|surcharges?|markups?|cashback|interest\s+rate|take\s+rate|platform\s+fee|" + _FEE_ABROAD
    + r")(?:\*\*|__)?\s*(?:of|is|:|=|will\s+be|must\s+be|shall\s+be|set\s+to|" + _CONNECTOR_ABROAD + r")(?:\*\*|__)?\s*"
    + _DECIMAL + r"\s?%|"
    r"(?<![\d.,])(?P<num2>\d+(?:\.\d+|,\d{1,2}(?!\d))?)\s?(?:%|percent)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun2>fees?|commissions?|"
    r"surcharges?|markups?|cashback|interest|" + _FEE_ABROAD + r")|"
    # "we charge 1.5% per top-up", "the platform takes 1%"
    r"\b(?P<noun3>charges?|charged|takes|deducts?|deducted)\s+(?:a\s+|an\s+)?(?P<num3>\d+(?:\.\d+)?)\s?(?:%|percent)(?!\s+(?:of\s+)?(?:the\s+)?(?:users|customers|merchants|traffic))|"
    # "**How much does it cost?** 1.5% of the amount": a FAQ's answer to a question about the price
    r"\b(?:cost|costs|fee|fees|price|pricing|charge)\b[^?\n]{0,30}\?(?:\*\*|__)?\s*(?:(?:\*\*|__)?A(?:nswer)?\s*[:.](?:\*\*|__)?\s*)?"
    r"(?P<num4>\d+(?:\.\d+)?)\s?(?:%|percent)(?!\s+(?:more|less|higher|lower|cheaper|extra)\b))",
    re.I,
)
#: "How much does it cost?" as a heading or a paragraph of its own: the next paragraph answers it.
_COST_QUESTION = lazy_compile(r"\b(?:cost|costs|fee|fees|price|pricing|charge)\b[^?\n]{0,30}\?[\s*_]*$", re.I)
_COST_QUESTIONS = (_COST_QUESTION,)  # its literal test first
_ANSWER_PERCENT = lazy_compile(r"^[\s*_]*(?:A(?:nswer)?\s*[:.][\s*_]*)?(?P<num>\d+(?:\.\d+)?)\s?(?:%|percent)"
                               r"(?!\s+(?:more|less|higher|lower|cheaper|extra)\b)", re.I)
#: Who charges a fee, when it is not the product itself: "Stripe charges 1%" is the provider's fee, not ours.
_NOT_A_THIRD_PARTY = frozenset({"we", "it", "they", "this", "that", "the", "our", "you", "each", "every", "platform", "app",
                                "service", "system", "product", "company"})
#: Numbers written as words (two and up: "one" and "a" are more often not a count), in English, Spanish, German.
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90,
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "diez": 10, "quince": 15,
    "veinte": 20, "treinta": 30, "noventa": 90,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "zehn": 10, "vierzehn": 14,
    "fünfzehn": 15, "zwanzig": 20, "dreißig": 30, "neunzig": 90}
#: Counts written as words: "retries twice", "retried three times".
_COUNT_WORDS_VALUES = {"twice": 2, "thrice": 3, **NUMBER_WORDS}
#: "retried 3 times", "retries up to 5 times", "3 retries", "after 5 failed delivery attempts", "retries it twice".
_COUNT = lazy_compile(
    r"\b(?P<verb>retr(?:y|ies|ied|ying))\s+(?P<object>(?:(?!up\b|at\b|no\b)[\w-]+\s+){0,3}?)(?:up\s+to\s+|at\s+most\s+|a\s+maximum\s+of\s+)?"
    r"(?:(?P<num>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:more\s+|additional\s+)?times|(?P<twice>twice|thrice))\b|"
    r"(?:\b(?:up\s+to|at\s+most|a\s+maximum\s+of|max(?:imum)?(?:\s+of)?)\s+)?(?<![\d.])(?P<num2>\d{1,2})\s+"
    r"(?P<what>(?:(?:failed|unsuccessful|delivery|send|retry|total)\s+){0,2}(?:retries|retry\s+attempts|attempts))\b",
    re.I,
)
#: "a 30 s timeout", "a 15 min TTL": abbreviated units before a limit's name.
_ABBREVIATED_NOUN = lazy_compile(
    r"(?<![\w.])" + _NUMBER + r"[\s-]?(?P<unit>ms|s|secs?|mins?|h|hrs?|d)\s+(?P<noun>timeout|time-out|ttl|expiry|lockout|retention)\b", re.I)
#: "a 14-day trial", "30 day retention".
_DURATION_NOUN = lazy_compile(
    r"\b" + _NUMBER + r"[\s-](?P<unit>second|minute|hour|day|week|month|year)\s+(?P<noun>[a-z][a-z-]{2,})\b", re.I)
#: "session timeout: 30 minutes", "a retention period of 90 days", "TTL = 300 s".
_SETTING = lazy_compile(
    r"\b(?P<noun>timeout|ttl|expiry|expiration|retention(?:\s+period)?|grace\s+period|lockout(?:\s+(?:period|duration))?|"
    r"trial(?:\s+period)?|cool-?down)(?:\*\*|__)?\s*(?:of|is|:|=|will\s+be|must\s+be|shall\s+be|(?:is\s+)?set\s+to)(?:\*\*|__)?\s*"
    r"(?:about\s+|~)?"
    + _NUMBER + r"[\s-]?" + _TIME_UNIT + r"\b"
    # "the call takes a timeout; the kubelet sets it to 60 seconds"
    r"|\b(?P<noun2>timeout|ttl|expiry|retention\s+period|grace\s+period|lockout\s+period)\b[^.?!]{0,80}?\bsets?\s+(?:it|this)\s+to\s+"
    r"(?P<num2>\d+(?:\.\d+)?)[\s-]?(?P<unit2>ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|d|days?)\b",
    re.I,
)
#: What owns a setting named after a verb: "the CRI call takes a timeout" (the call's timeout).
_OWNS = lazy_compile(r"\b(?:takes?|has|have|uses?|gets?|accepts?|needs?)\s+(?:an?\s+|its\s+|their\s+)?$", re.I)
#: "must not drop more than 5%", "if the error rate exceeds 2%".
_PERCENT = lazy_compile(
    r"\b(?P<verb>drops?|dropped|dropping|falls?|fell|declines?|declined|decreases?|decreased|increases?|increased|"
    r"rises?|rose|exceeds?|exceeded|degrades?|degraded|regress(?:es|ed)?|"
    # "once failed installs pass 1.5% of a wave": a threshold passed or crossed is one exceeded
    r"pass(?:es|ed)?|cross(?:es|ed)?|"
    # "the rebuffering ratio goes above 5%": a threshold crossed, as "exceeds"
    r"(?:goes|go|went|climbs?|climbed|jumps?|jumped)(?=\s+(?:above|over|beyond|past)))\s+(?:by\s+)?(?:more\s+than\s+|over\s+|"
    r"above\s+|beyond\s+|at\s+least\s+)?" + _NUMBER + r"\s?%",
    re.I,
)
#: Nouns after "N-day" that name a span, not a subject ("a 30-day window" of what?).
_GENERIC_NOUNS = frozenset({"period", "window", "span", "interval", "cycle", "rolling", "average", "moving", "history",
                            "lookback", "range", "time", "timeframe", "old", "long", "delay", "lag", "notice",
                            "streak", "chunk", "batch", "increments", "increment", "intervals", "periods", "windows",
                            "sprint", "sprints", "phase", "plan", "program", "programme", "block", "blocks"})
#: A statement made for one environment: "in staging, jobs time out after 5 minutes" beside production's 30.
_ENVIRONMENT = (r"|\b(?:in|on|for)\s+(?:the\s+)?(?:staging|production|prod|dev|development|test(?:ing)?|sandbox|qa|ci|preview)"
                r"(?:\s+(?:environments?|clusters?|builds?))?\b")
#: A sentence that compares, changes, illustrates or bounds its numbers.
_NOT_A_STATEMENT = lazy_compile(
    r"\b(?:was|were|previously|currently|today|old|legacy|instead\s+of|changed?|increas\w*\s+(?:from|to)|"
    r"reduc\w*|rais\w*|lower\w*|from\s+\d|up\s+from|down\s+from|e\.g\b|eg\b|for\s+example|for\s+instance|such\s+as|"
    r"example|up\s+to|at\s+most|at\s+least|no\s+more\s+than|maximum|max|minimum|min|default|defaults|configurable|"
    r"between|either|(?<!hot\s)(?<!warm\s)(?<!cold\s)tiers?|plans?|premium|enterprise|free|paid(?!\s+out)|pro|vs\.?|versus|compared|"
    r"alternatively|option\s+\w)\b"
    r"|\d\s*(?:-|–|—|to|or)\s*\d" + _ENVIRONMENT,
    re.I,
)
_STOPWORDS = frozenset("""a an the is are be been being will would must shall should may might can could not never no
automatically also then only if when once after and or but that which who it its they their them this these those all
any each every our your his her of to by for in on at as with from than more so do does did has have had get gets
getting while until unless whose where there here since because although though whereas hence thus therefore""".split())
#: What ends the head of a subject: a preposition or a participle after it ("credit earned through referrals",
#: "logs of failed payments").
_PREPOSITIONS = frozenset("through via by from in on for of with at under to into within across over per".split())
_VERBS = frozenset("is are was were be been being has have had can could will would must shall should may might do does did".split())
_IRREGULAR_PARTICIPLES = frozenset("sent made paid held given taken written bought sold built kept granted".split())


class Statement(Record):
    """One stated quantity: what it is about, its value in a common unit, and where it stands."""

    __slots__ = ("kind", "subject", "anchor", "family", "value", "text", "span", "actions")

    def __init__(
        self, kind: str, subject: tuple[str, ...], anchor: str, family: str, value: float, text: str, span: Span,
        actions: frozenset[str] = frozenset(),
    ) -> None:
        self.kind = kind  # "verb", "noun", "setting", "percent"
        self.subject = subject  # content words before the construction, last word last ("reset", "link")
        self.anchor = anchor  # the verb or noun the number hangs on ("expire", "trial", "timeout", "drop")
        self.family = family  # "time" or "percent"
        self.value = value
        self.text = text  # the words as written
        self.span = span
        self.actions = actions  # what a threshold triggers, when its sentence says ("alert", "roll back")


def _lemma(word: str) -> str:
    """A crude stem, enough to make "expires", "expired" and "expire" (or "links" and "link") one word."""
    word = word.lower().strip("-'")
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    elif len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "ls":
        word = word[:-1]  # "dropp" from "dropped"
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


#: The verbs and settings that state one limit, as one concept: "expire after 30 days" and "expiry: 60
#: days", "time out after 30 s" and "a 60 s timeout", "retained for 7 days" and "kept for 14 days".
_CONCEPTS = {
    "keep": "retention", "hold": "retention", "cach": "retention", "archiv": "retention", "retain": "retention",
    "kept": "retention", "stor": "retention", "delet": "retention", "purg": "retention", "retention": "retention",
    # an expiry and a timeout are one limit: "session timeout: 30 min" and "sessions expire after 60 minutes"
    "expir": "timeout", "expiry": "timeout", "expiration": "timeout", "valid": "timeout", "ttl": "timeout",
    "time-out": "timeout", "lifetime": "timeout", "time": "timeout", "timeout": "timeout", "tim": "timeout",
    "lock": "lockout", "lockout": "lockout",
    # "waits up to 30 s before giving up", "gives up after 10 s", "aborts after 5 s": a timeout
    "wait": "timeout", "giv": "timeout", "abort": "timeout",
    # "goes above 5%", "climbs above 5%": a threshold crossed, as "exceeds 5%"
    "goe": "exceed", "go": "exceed", "went": "exceed", "climb": "exceed", "jump": "exceed",
    "exc": "exceed", "pass": "exceed", "cross": "exceed"}


def _concept(anchor: str) -> str:
    return _CONCEPTS.get(anchor, anchor)


#: What opens a clause of its own inside a sentence: the words before it are another verb's.
_SUBORDINATE = lazy_compile(r"\b(?:when|whenever|once|if|unless|until|while|as\s+soon\s+as)\b", re.I)


def _subject(before: str, head_first: bool = False) -> tuple[str, ...]:
    """What a construction is about, in the same clause: the last two content words before it. With
    `head_first` (the words before a verb are its subject), when the head noun is followed by what
    qualifies it, the head with its qualifier ("credit earned through referrals" is referral credit,
    "logs of failed payments" failed-payment logs)."""
    clause = re.split(r"[.;:!?()\[\]|,—–]|\s-\s", before)[-1]
    if head_first:  # "the rollout halts when failed installs (exceed 3%)": the verb's subject is in its own clause
        clause = _SUBORDINATE.split(clause)[-1]
    every_word = re.findall(r"[A-Za-z][\w'-]*", clause)
    all_words = every_word[-8:]
    phrase = list(every_word)
    while phrase and phrase[-1].lower() in _STOPWORDS:
        phrase.pop()  # "credit earned through referrals is (valid)": the verb's auxiliaries
    if any(word.lower() in _VERBS for word in phrase):
        phrase = []  # "the policy was changed to require that packages can (be deleted)": a clause, not a noun phrase
    phrase = phrase[-8:]
    for index, word in enumerate(phrase if head_first else ()):
        if index and (word.lower() in _PREPOSITIONS or _is_participle(word)):
            head = [each for each in phrase[:index] if each.lower() not in _STOPWORDS]
            qualifier = [each for each in phrase[index + 1:] if each.lower() not in _STOPWORDS
                         and each.lower() not in _PREPOSITIONS]
            if head and len(head) < 2 and qualifier:
                return (_lemma(qualifier[0]), _lemma(head[-1]))
            if head:
                return tuple(_lemma(each) for each in head[-2:])
            break
    words = [word for word in all_words[-6:] if word.lower() not in _STOPWORDS]
    return tuple(_lemma(word) for word in words[-2:])


def _is_participle(word: str) -> bool:
    lowered = word.lower()
    return (len(lowered) > 4 and lowered.endswith("ed") and not lowered.endswith("eed")) or lowered in _IRREGULAR_PARTICIPLES




def _line_break_before(text: str, position: int) -> int:
    """The last line break before `position` that ends a sentence or a label: a paragraph's line wrapped in the
    middle of a sentence ("... halts a release once failed installs / pass 1.5% of a wave") goes on."""
    found = text.rfind("\n", 0, position)
    while found > 0 and text[found - 1] not in ".!?:;|*_":
        found = text.rfind("\n", 0, found)
    return found


def statements(segments: list[TextSegment]) -> Iterator[Statement]:
    """The quantities stated in one paragraph, item or cell."""
    global _statement_group
    if _statement_group is None:
        from speclint.document.text import LiteralGroup

        _statement_group = LiteralGroup(_STATEMENT_PATTERNS)
    # asked of the few pieces holding a number (`numbered_pieces`): each piece's own literal test, no index
    for pattern, match, span in _statement_group.search(segments):
        kind = _STATEMENT_KIND[pattern]
        text = match.string
        start = max(text.rfind(". ", 0, match.start()), _line_break_before(text, match.start()),
                    text.rfind("? ", 0, match.start())) + 1
        end_candidates = [i for i in (text.find(". ", match.end()), text.find("\n", match.end())) if i >= 0]
        sentence = text[start: min(end_candidates) if end_candidates else len(text)]
        if kind in ("fee", "count"):
            yield from _counted(kind, match, span, text[start: match.start()], sentence, segments)
            continue
        if kind == "size":
            yield from _size(match, span, text[start: match.start()], sentence)
            continue
        limit = kind in ("verb", "setting") and _concept(_lemma(_group(match, "verb", "verb2", "noun", "noun2").split()[0])) in _LIMIT_CONCEPTS
        # a limit's maximum is its value ("retained for a maximum of 7 days"); changes, tiers and examples are not
        if (_NOT_A_COUNT if limit else _NOT_A_STATEMENT).search(sentence):
            continue
        value = float(_group(match, "num", "num2"))
        if kind == "percent":
            family, anchor = "percent", _lemma(match.group("verb").split()[0])
        else:
            unit = _group(match, "unit", "unit2").lower()
            unit = unit if unit in _SECONDS else unit.rstrip("s")
            family, value = "time", value * _SECONDS.get(unit, 1)
            if kind == "noun":
                anchor = _lemma(match.group("noun"))
                noun = match.group("noun").lower()
                if anchor in _GENERIC_NOUNS or noun in _GENERIC_NOUNS or noun in _STOPWORDS \
                        or noun.endswith(("ed", "ly")):
                    continue  # "a 5-minute aggregated table", "1 day and ...": no subject
            elif kind == "setting":
                anchor = _lemma(_group(match, "noun", "noun2").split()[0])
            else:
                anchor = _lemma(_group(match, "verb", "verb2").split()[0])
        before = text[start: match.start()]
        if kind == "setting":
            before = _OWNS.sub("", before)  # "the CRI call takes a timeout": the call's
        subject = _subject(before, kind in ("verb", "percent")) if kind != "noun" else _noun_subject(anchor, text, match.end())
        if kind == "verb" and _group(match, "object") and (not subject or subject[-1] in _AGENTS):
            subject = _subject(_group(match, "object"))  # "the system shall time out calls to the card network"
        if kind == "setting":
            subject = subject[-1:]  # the setting's own modifier: "session" timeout, "idle" timeout
        if kind in ("verb", "percent") and not subject:
            continue  # "expires after 7 days" of what? Nothing to compare with.
        actions = frozenset(_action_lemma(found) for found in _ACTIONS.findall(sentence)) if kind == "percent" else frozenset()
        yield Statement(kind, subject, anchor, family, value, " ".join(match.group(0).split()), span, actions)


#: What crossing a threshold triggers: "alert when the error rate exceeds 1%" and "roll back when it
#: goes above 5%" are two steps of one escalation, not two values of one threshold.
_ACTIONS = lazy_compile(r"\b(alert|warn|page|notif|roll(?:ed|s)?\s+back|rollback|paus|halt|stop|abort|switch|fail(?:s|ed)?\s+over|"
                        r"failover|block|throttl|escalat|open\s+an?\s+incident|shed)", re.I)


def _action_lemma(word: str) -> str:
    word = " ".join(word.lower().split())
    return "roll back" if word.startswith("roll") else "fail over" if word.startswith("fail") else word


_NOUN_OBJECT = lazy_compile(r"\s+(?:for|on|of)\s+(?:the\s+|all\s+|each\s+|every\s+)?((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)")


def _noun_subject(anchor: str, text: str, end: int) -> tuple[str, ...]:
    """What a limit named by a noun applies to: "a 30-second timeout for upstream calls" (upstream call)."""
    if _concept(anchor) not in ("timeout", "retention", "lockout"):
        return ()
    found = _NOUN_OBJECT.match(text, end)
    return _subject(found.group(1)) if found else ()


def _group(match: re.Match[str], *names: str) -> str:
    """The first of the named groups that took part in the match ("" when none did)."""
    groups = match.re.groupindex
    return next((match.group(name) for name in names if name in groups and match.group(name)), "")


# A fee or a count is bounded by nature ("up to 3 times", "a maximum of 5 attempts" is the value itself):
# only comparisons, changes, examples, ranges and tiers are left out.
_NOT_A_COUNT = lazy_compile(
    r"\b(?:was|were|previously|currently|today|old|legacy|instead\s+of|changed?|from\s+\d|up\s+from|down\s+from|e\.g\b|eg\b|"
    r"for\s+example|for\s+instance|such\s+as|example|default|defaults|configurable|between|either|(?<!hot\s)(?<!warm\s)(?<!cold\s)tiers?|plans?|premium|"
    r"enterprise|free|paid(?!\s+out)|pro|vs\.?|versus|compared|alternatively|option\s+\w|per\s+(?:plan|tier|merchant|customer|region))\b"
    r"|\d\s*(?:-|–|—|to|or)\s*\d" + _ENVIRONMENT,
    re.I,
)
# A count of failed sign-in attempts is a threshold, and products set several ("a CAPTCHA after 3, a
# lock after 5"): only retries and deliveries are counted.
_LOGIN_WORDS = lazy_compile(r"\b(?:log-?in|sign-?in|password|passcode|pin|otp|code|captcha|lock\w*|block\w*|guess\w*)\b", re.I)
_EXHAUSTED = lazy_compile(r"\bretr\w*|\bdeliver\w*|\bre-?sen[dt]\w*|\bre-?attempt|\bgives?\s+up\b|\bdead[- ]letter\w*|"
                         r"\bmarked\s+(?:as\s+)?(?:failed|dead|permanently)|\babandon\w*|\bDLQ\b", re.I)
# Words of every retry statement: they say nothing of what is retried.
_COUNT_WORDS = frozenset(_lemma(word) for word in """retry retries retried retrying attempt attempts time times failed fail
failure failures up most maximum max total more additional marked mark give gives exponential backoff back-off
permanently dead letter before after then with""".split())
# Who retries is not what is retried: "the system retries a failed SMS".
_AGENTS = frozenset({"system", "service", "app", "application", "platform", "we", "worker", "client", "server", "job",
                     "scheduler", "backend", "api", "it", "consumer", "producer", "gateway"})


def _counted(kind: str, match: re.Match[str], span: Span, before: str, sentence: str,
             segments: list[TextSegment]) -> Iterator[Statement]:
    """A fee in percent ("a 1% fee") or a retry count ("retried 3 times", "5 delivery attempts")."""
    if _NOT_A_COUNT.search(sentence):
        return
    number = _group(match, "num", "num2", "num3", "num4", "twice").lower().replace(",", ".")  # "1,5 %"
    number = str(_COUNT_WORDS_VALUES.get(number, number))
    if kind == "fee":
        noun = _group(match, "noun", "noun2") or "fee"
        subject = _subject(before)[-1:] if match.group("noun") else ()
        subject = tuple(word for word in subject if word not in ("carry", "charge", "cost", "pay", "take", "apply")
                        and word not in _ARTICLES_ABROAD)
        anchor = _lemma(noun.split()[-1])
        agent = re.findall(r"[A-Za-z][\w'-]*", before)[-1:] if match.group("noun3") else []
        if agent and agent[0][0].isupper() and agent[0].lower() not in _NOT_A_THIRD_PARTY:
            anchor = f"{anchor} of {agent[0]}"  # "Stripe charges 1%": Stripe's fee, not the product's
        text = match.group(0)[match.start("num4") - match.start():] if match.group("num4") else match.group(0)
        yield Statement("fee", subject, anchor, "percent", float(number), " ".join(text.split()),
                        _from(span, match, "num4", segments))
        return
    if _LOGIN_WORDS.search(sentence):
        return
    value = float(number)
    what = _group(match, "what").lower()
    if _group(match, "verb") or "retr" in what:
        value += 1  # three retries are four attempts
    elif not (_EXHAUSTED.search(sentence) or re.search(r"\bfail\w*", sentence, re.I)):
        return  # "5 attempts" at what? Only attempts at a delivery or a send, or attempts that run out, are counted
    # what is retried: the content words of the sentence ("Failed webhooks are retried up to 3 times"
    # and "the webhook is marked failed after 5 attempts" share "webhook")
    words = {_lemma(word) for word in re.findall(r"[A-Za-z][\w'-]*", sentence) if word.lower() not in _STOPWORDS}
    subject = tuple(sorted(words - _COUNT_WORDS - {_lemma(word) for word in _AGENTS}))
    if not subject:
        return
    yield Statement("count", subject, "retry", "count", value, " ".join(match.group(0).split()), span)


#: A size limit: "attach files of up to 25 MB", "uploads must not exceed 10 MB", "maximum attachment size: 50 MB",
#: "Belege dürfen höchstens 10 MB groß sein".
_SIZE_UNIT = r"\s?(?P<unit>KB|MB|GB|TB|KiB|MiB|GiB)\b"
_SIZE = lazy_compile(
    r"\b(?:up\s+to|at\s+most|a\s+maximum\s+of|maximum\s+of|no\s+(?:more|larger|bigger)\s+than|limit(?:ed)?\s+(?:of|to)|"
    r"(?P<over>(?:larger|bigger|greater)\s+than|exceeding|over|above)|"
    r"(?:must|shall|may|should|cannot|can't)\s+not\s+exceed|(?:must|shall|may|should)n't\s+exceed|höchstens|maximal|jusqu'à|hasta)\s+"
    r"(?P<num>\d+(?:\.\d+)?)" + _SIZE_UNIT + "|"
    r"\b(?:max(?:imum)?\.?\s+)?(?P<noun>(?:[\w-]+\s+){0,2}?(?:files?|uploads?|attachments?|payloads?|requests?|messages?|bod(?:y|ies)|"
    r"images?|videos?|documents?|imports?|exports?|photos?))\s+size(?:\s+limit)?(?:\*\*|__)?\s*(?:is|of|:|=|must\s+be|shall\s+be)?"
    r"(?:\*\*|__)?\s*(?P<num2>\d+(?:\.\d+)?)\s?(?P<unit2>KB|MB|GB|TB|KiB|MiB|GiB)\b",
    re.I,
)

#: The patterns of stated quantities, in the order they are read, and the kind of statement of each.
_STATEMENT_KINDS = ((_VERB_DURATION, "verb"), (_VERB_DURATION_AFTER, "verb"), (_GIVE_UP, "verb"), (_KEEP_FOR, "verb"),
                    (_DURATION_NOUN, "noun"), (_ABBREVIATED_NOUN, "noun"),
                    (_SETTING, "setting"), (_PERCENT, "percent"), (_PERCENT_NOUN, "fee"), (_COUNT, "count"),
                    (_SIZE, "size"))
_STATEMENT_PATTERNS = tuple(pattern for pattern, _ in _STATEMENT_KINDS)
#: `_STATEMENT_PATTERNS` as one `LiteralGroup` (made on first use: it reads the patterns' literals)
_statement_group = None
_STATEMENT_KIND = dict(_STATEMENT_KINDS)

_SIZE_BYTES = {"kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12, "kib": 1024, "mib": 1024 ** 2, "gib": 1024 ** 3}
#: Words of every size limit: they say nothing of what is limited.
_SIZE_WORDS = frozenset("""max maximum size limit allow able user users dürfen darf müssen muss sollen soll debe deben puede
pueden doit doivent peut peuvent""".split())


def _size(match: re.Match[str], span: Span, before: str, sentence: str) -> Iterator[Statement]:
    """A size limit, about what is limited ("attachment", "upload"): the noun before "size", or the
    clause's words before the bound."""
    if _NOT_A_COUNT.search(sentence):
        return
    if match.group("over") is not None:
        # "refuses photos larger than 10 MB": the bound a refusal sets, about the thing just named;
        # "photos over 10 MB are compressed" bounds nothing
        if not _REFUSED.search(sentence):
            return
        before = " ".join(re.findall(r"[^\W\d_][\w'-]*", before)[-1:])
    words = _group(match, "noun") or re.split(r"[.;:!?()\[\]|,—–]", before)[-1]
    subject = tuple(_size_lemma(word) for word in re.findall(r"[^\W\d_][\w'-]*", words)
                    if word.lower() not in _STOPWORDS and word.lower() not in _SIZE_WORDS)[-2:]
    unit = _group(match, "unit", "unit2").lower()
    value = float(_group(match, "num", "num2")) * _SIZE_BYTES[unit]
    yield Statement("size", subject, "size", "size", value, " ".join(match.group(0).split()), span)


#: A refusal: what a size bound above which something is refused says.
_REFUSED = lazy_compile(r"\b(?:refus|reject|block|decline|den(?:y|ies|ied)|not\s+(?:be\s+)?(?:accepted|allowed|uploaded))\w*", re.I)


def _size_lemma(word: str) -> str:
    """`_lemma`, with "attachment" and "attach" one word."""
    lemma = _lemma(word)
    return lemma[:-4] if len(lemma) > 7 and lemma.endswith("ment") else lemma


def _answered_fee(segments: list[TextSegment]) -> Iterator[Statement]:
    """A price given as the answer to the question before it: "1.5% of the amount paid out"."""
    from speclint.document.text import find_all_alone

    for match, span in find_all_alone(_ANSWER_PERCENT, segments):
        if _NOT_A_COUNT.search(match.string[match.start(): match.string.find("\n", match.end()) % (len(match.string) + 1)]):
            return
        yield Statement("fee", (), "fee", "percent", float(match.group("num")), match.group(0).strip(" *_"),
                        _from(span, match, "num", segments))
        return


def _from(span: Span, match: re.Match[str], group: str, segments: list[TextSegment]) -> Span:
    """The span from `group` on, when the group took part (a price answered after its question: the
    finding points at the answer)."""
    if not match.group(group):
        return span
    from speclint.document.text import joined_segments, position_at

    _text, offsets = joined_segments(segments)
    return Span(position_at(offsets, match.start(group)), span.end)


def _compatible(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Same subject: equal, or one names it more fully ("link" and "reset link")."""
    shorter, longer = sorted((one, other), key=len)
    return longer[len(longer) - len(shorter):] == shorter


Contradiction = tuple[Statement, Statement]  # (the later statement, the earlier one it disagrees with)

_DIGIT = lazy_compile(r"\d")


def numbered_pieces(document: Document) -> tuple[int, ...]:
    """The positions, in `iter_prose(document)`, of the pieces whose text holds a digit (as `\\d`
    matches one). Every quantity this module and `labelled_quantities` read is a number, and most
    pieces hold none (89% of the Rust RFCs'): the others need not be searched. A piece's searched
    text is its joined text with some characters masked, so it holds a digit only if this does."""
    cached = _numbered.get(document)
    if cached is None:
        from speclint.document.text import iter_prose, joined_segments

        search = _DIGIT.search
        cached = _numbered[document] = tuple(position for position, piece in enumerate(iter_prose(document))
                                             if search(joined_segments(piece.segments)[0]))
    return cached


def contradictions(document: Document) -> list[Contradiction]:
    """Pairs of statements about the same subject, in the same unit, with different numbers, in
    different sections. Computed once per document."""
    cached = _contradictions.get(document)
    if cached is None:
        cached = _contradictions[document] = _find_contradictions(document)
    return cached


def _find_contradictions(document: Document) -> list[Contradiction]:
    from speclint.document.text import iter_prose, patterns_to_search_alone, searched_text
    from speclint.reading.requirements import not_in_scope

    # Each statement with the section it stands in: values given side by side in one section are
    # tiers or cases ("1 hour ... 5-minute buckets; 1 day ... 1-hour buckets"), not a contradiction.
    found: list[tuple[int, Statement]] = []
    pieces = tuple(iter_prose(document))
    for position in numbered_pieces(document):  # every statement holds a number: only these pieces
        piece = pieces[position]
        if piece.kind == "heading" or (piece.section.heading is not None and not_in_scope(piece.section)):
            continue
        found.extend((id(piece.section), statement) for statement in statements(piece.segments))
        # the piece before asked what something costs ("### How much does it cost?"): this one may answer it
        previous = pieces[position - 1] if position else None
        if piece.kind == "paragraph" and previous is not None and previous.kind != "table-cell" \
                and patterns_to_search_alone(_COST_QUESTIONS, previous.segments) \
                and _COST_QUESTION.search(searched_text(previous.segments)):
            found.extend((id(piece.section), statement) for statement in _answered_fee(piece.segments))
    found.extend(_table_settings(document))
    found.extend(_config_counts(document))
    groups: dict[tuple[str, str, str], list[tuple[int, Statement]]] = {}
    for index, statement in found:
        concept = _concept(statement.anchor)
        last = statement.subject[-1] if statement.subject and concept not in _LIMIT_CONCEPTS else ""
        groups.setdefault((concept, last, statement.family), []).append((index, statement))
    pairs: list[Contradiction] = []
    for members in groups.values():
        subjects = {statement.subject for _index, statement in members}
        for position, (index, later) in enumerate(members):
            for earlier_index, earlier in members[:position]:
                if earlier.value == later.value:
                    continue
                if earlier.actions and later.actions and not earlier.actions & later.actions:
                    continue  # "alert above 1%", "roll back above 5%": two steps of one escalation
                configured = (earlier.kind == "config-count") + (later.kind == "config-count")
                if configured == 2:
                    continue  # two settings of one file: retries of two clients, read in no sentence
                if earlier_index == index and not configured \
                        and not (_concept(later.anchor) in _LIMIT_CONCEPTS and later.family in ("time", "size")
                                 and earlier.subject and earlier.subject == later.subject):
                    continue  # side by side in one section: tiers or cases, unless the very same thing twice
                if _concept(later.anchor) in _LIMIT_CONCEPTS:
                    if not _related(earlier.subject, later.subject, subjects):
                        continue
                elif earlier.kind != later.kind and "noun" in (earlier.kind, later.kind):
                    continue  # "a 14-day trial" and "the trial lasts 30 days" of what?
                elif not _compatible(earlier.subject, later.subject) or _ambiguous(earlier.subject, later.subject,
                                                                                    subjects):
                    continue
                # a configuration block is read after the prose: the later of the two is the one to point at
                pairs.append((earlier, later) if configured and earlier.span.start.line > later.span.start.line
                             else (later, earlier))
                break
    taken = {later.span.start.line for later, _earlier in pairs}
    pairs.extend(pair for pair in _parallel_pairs(document) if pair[0].span.start.line not in taken)
    return pairs


#: A retry count set in a configuration block: `retry = 3`, `max_retries: 5`, `"maxAttempts": 4`.
_CONFIG_COUNT = lazy_compile(r"^\s*[\"']?(?P<key>[A-Za-z][\w.-]*?)[\"']?\s*[:=]\s*[\"']?(?P<num>\d{1,2})[\"']?\s*,?\s*(?:#.*|//.*)?$")
_CONFIG_COUNT_KEY = lazy_compile(r"(?:^|[._-])(?:max[_-]?)?(?P<what>retry|retries|attempts)$|(?:^|[._])max(?P<what2>Retries|Attempts)$", re.I)


def _config_counts(document: Document) -> Iterator[tuple[int, Statement]]:
    """Retry counts set in configuration blocks (not in one introduced as an example): `retry = 3` is three
    retries, four attempts. What is retried is the document's one retried thing (no subject)."""
    from speclint.document.model import CodeBlock, Paragraph
    from speclint.reading.labelled_quantities import _CONFIG_LANGUAGES, _EXAMPLE
    from speclint.reading.requirements import not_in_scope

    source = document.source
    if "etr" not in source and "ttempt" not in source:
        return  # no retry, Retries, max_retries, attempts, maxAttempts anywhere
    previous: object = None
    for section, block in document.iter_blocks():
        introduced_by, previous = previous, block
        if not isinstance(block, CodeBlock) or block.language not in _CONFIG_LANGUAGES:
            continue
        if (isinstance(introduced_by, Paragraph) and _EXAMPLE.search(introduced_by.text)) \
                or (section.heading is not None and not_in_scope(section)):
            continue
        for segment in block.lines:
            if "retr" not in segment.text.lower() and "attempt" not in segment.text.lower():
                continue
            found = _CONFIG_COUNT.match(segment.text)
            named = _CONFIG_COUNT_KEY.search(found.group("key")) if found else None
            if named is None:
                continue
            value = float(found.group("num")) + (1 if "retr" in (named.group("what") or named.group("what2")).lower() else 0)
            column = segment.column + found.start("num")
            span = Span(Position(segment.line, column), Position(segment.line, column + len(found.group("num"))))
            yield id(section), Statement("config-count", (), "retry", "count", value, segment.text.strip(), span)


#: A table column or row label that names a setting: "| Card network timeout | 60 s |", "| Item | Fee |".
_SETTING_NAME = lazy_compile(r"\b(?:timeout|ttl|expiry|expiration|retention(?:\s+period)?|grace\s+period|lockout|fees?|"
                             r"(?:files?|uploads?|attachments?|payloads?|requests?|messages?|images?|videos?|documents?|photos?)\s+"
                             r"size(?:\s+limit)?|"
                             r"commission|surcharge)\W*$", re.I)


def _names_setting(label: str) -> bool:
    from speclint.document.text import could_match

    return could_match(_SETTING_NAME, label) and _SETTING_NAME.search(label) is not None  # most labels: no literal


_tables: WeakKeyDictionary[Document, tuple[tuple[Section, Table], ...]] = WeakKeyDictionary()


def tables(document: Document) -> tuple[tuple[Section, Table], ...]:
    """Every table of the document with the section it stands in, in document order (found once
    per document: `_table_settings` and `labelled_quantities` read them, and walking every
    section's nested blocks for them cost more than reading them)."""
    found = _tables.get(document)
    if found is None:
        found = _tables[document] = tuple((section, block) for section, block in document.iter_blocks()
                                          if isinstance(block, Table))
    return found


def _table_settings(document: Document) -> Iterator[tuple[int, Statement]]:
    """Settings stated in table rows, read as "<label> <column>: <value>" ("Card network timeout: 60 s",
    "Instant payout fee: 1.5%")."""
    from speclint.reading.requirements import not_in_scope

    for section, block in tables(document):
        if section.heading is not None and not_in_scope(section):
            continue
        # whether each column's header, and each row's label, names a setting: asked once, not per cell
        headers = [cell.text.strip(" *_") for cell in block.header]
        setting_headers = [_names_setting(header) for header in headers]
        for row in block.rows:
            if len(row) < 2 or not row[0].segments:
                continue
            label_is_setting = _names_setting(row[0].text.strip(" *_"))
            label_names_setting: bool | None = None  # the label as written, asked when a header names one
            for column, cell in enumerate(row[1:], start=1):
                if not cell.segments:
                    continue
                if label_is_setting:
                    glue = ": "
                elif column < len(headers) and setting_headers[column]:
                    if label_names_setting is None:
                        label_names_setting = _names_setting(row[0].text)
                    if label_names_setting:
                        continue
                    glue = f" {headers[column]}: "
                else:
                    continue
                first = cell.segments[0]
                joined = (*row[0].segments, TextSegment(first.line, max(first.column - len(glue), 1), glue), *cell.segments)
                for statement in statements(joined):
                    yield id(section), statement
                break


#: Limits a document usually states once for one thing (a timeout, a retention, an expiry, a lockout,
#: a retry count, a fee): two statements of one are about the same thing when their subjects share a
#: word, or when one names none and the document states the limit for one thing only.
_LIMIT_CONCEPTS = frozenset({"timeout", "retention", "lockout", "retry", "fee", "fe", "commission", "surcharg", "size"})


def _related(one: tuple[str, ...], other: tuple[str, ...], subjects: set[tuple[str, ...]]) -> bool:
    if len(one) == len(other) == 2 and one[-1] == other[-1] and one[0] != other[0]:
        return False  # "access token" and "refresh token": two things
    if set(one) & set(other):
        # "link" when both "invite link" and "reset link" are stated could be either
        return not (_compatible(one, other) and _ambiguous(one, other, subjects))
    if one and other:
        return False
    named = [subject for subject in subjects if subject]
    return all(set(subject) & set(named[0]) for subject in named)  # one thing only (or none named)


def _ambiguous(one: tuple[str, ...], other: tuple[str, ...], subjects: set[tuple[str, ...]]) -> bool:
    """The shorter subject could also be another one: "link" when both "invite link" and "reset
    link" are stated."""
    shorter, longer = sorted((one, other), key=len)
    if shorter == longer:
        return False
    return any(candidate != longer and len(candidate) > len(shorter) and _compatible(candidate, shorter)
               and not _compatible(candidate, longer) for candidate in subjects)


# --- one sentence written twice with another number ----------------------------------------------

#: A number with its unit: a duration, a size or a percentage ("30 days", "25 MB", "5%").
_MEASURED = lazy_compile(
    r"(?<![\w.,/:#-])(?P<num>\d+(?:\.\d+)?)\s?(?P<unit>%|percent\b|(?:ms|milliseconds?|secs?|seconds?|mins?|minutes?|hrs?|hours?|"
    r"days?|weeks?|months?|years?|kb|mb|gb|tb|kib|mib|gib|bytes?)\b)(?![.,]?\d)", re.I)
_BYTES = {"byte": 1, **_SIZE_BYTES}
#: Words that bound the number ("more than", "at most", "within"): part of what is stated, not of the subject.
_LOWER_BOUND = frozenset("least minimum min over above exceed exceeds exceeded exceeding beyond".split())
_UPPER_BOUND = frozenset("most maximum max under below within fewer less up höchstens maximal mindestens".split())
_CLAUSE_BREAK = lazy_compile(r"[,;:\[\]|—–]|\s-\s")
_TOKEN = lazy_compile(r"[^\W_][\w'-]*")
#: A clause whose subject is elsewhere ("It swings at most 3%"), or a condition that names a case
#: ("WHEN the duration is greater than 1 hour"): its number is not a statement about a named thing.
_NO_OWN_SUBJECT = frozenset("it this that these those they which when whenever if once unless while where".split())
#: Sentences about what could be: examples of a mechanism, not its values.
_HYPOTHETICAL = lazy_compile(r"\b(?:would|could|might|imagine|suppose|assume|say)\b", re.I)
#: Words that scope a statement to one case: "for the ovn-kubernetes suite", "per tenant", "on mobile".
_SCOPING = frozenset("for per on in with during".split())
_LISTED_NUMBERS = lazy_compile(r"\d\s*(?:,|and|und|y|et)\s*\d")
_SHARED_WORDS = 4


class _Parallel(Record):
    """A number in its sentence: the content words of its clause before and after it, its bound, and
    the sentence's other numbers."""

    __slots__ = ("section", "statement", "before", "after", "bound", "unit", "others")

    def __init__(self, section: int, statement: Statement, before: tuple[str, ...], after: tuple[str, ...], bound: str,
                 unit: str, others: tuple[str, ...]) -> None:
        self.section = section
        self.statement = statement
        self.before = before
        self.after = after
        self.bound = bound
        self.unit = unit
        self.others = others


def _parallel_pairs(document: Document) -> Iterator[Contradiction]:
    """One statement written twice with another number: "access logs are retained for 30 days in the
    hot tier" and, elsewhere, "... retained for 90 days in the hot tier to satisfy the audit"; "fewer
    than 1% of pods report a readiness gate timeout" and "... fewer than 5% of pods report a
    readiness gate timeout". The words of the clause around the number name the quantity: at least
    four content words, the shorter side of each written identically in both (the longer may add
    words, but not a scope: "for the X suite"), the same unit, the same bound, and the same other
    numbers (a sentence rewritten for another case changes several). Table cells are rows of cases;
    in one section both sides must be identical."""
    from speclint.document.text import find_all_alone, iter_prose
    from speclint.reading.requirements import not_in_scope

    # the earlier measures by unit, bound and other numbers (all three must be equal): a lookup, not a pass over all
    seen: dict[tuple[str, str, tuple[str, ...]], list[_Parallel]] = {}
    pieces = tuple(iter_prose(document))
    for piece in (pieces[position] for position in numbered_pieces(document)):  # a measure holds a number
        if piece.kind != "paragraph" or (piece.section.heading is not None and not_in_scope(piece.section)):
            continue
        for match, span in find_all_alone(_MEASURED, piece.segments):
            parallel = _parallel(id(piece.section), match, span)
            if parallel is None:
                continue
            alike = seen.setdefault((parallel.unit, parallel.bound, parallel.others), [])
            for earlier in alike:
                if earlier.statement.value != parallel.statement.value and _same_words(earlier, parallel):
                    yield parallel.statement, earlier.statement
                    break
            alike.append(parallel)


def _parallel(section: int, match: re.Match[str], span: Span) -> _Parallel | None:
    from speclint.reading.normative import sentence_bounds

    text = match.string
    start, end = sentence_bounds(text, match.start(), match.end())
    sentence = text[start:end]
    if _NOT_A_COUNT.search(sentence) or _HYPOTHETICAL.search(sentence) or sentence.rstrip(" *_").endswith("?"):
        return None  # a change, an example, a range, a tier or an environment: two numbers on purpose
    head = _CLAUSE_BREAK.split(text[start: match.start()])[-1]
    tail = _CLAUSE_BREAK.split(text[match.end(): end])[0]
    before_words = [word.lower() for word in _TOKEN.findall(head)]
    opening = _TOKEN.search(sentence)
    if any(words and words[0] in _NO_OWN_SUBJECT for words in (before_words, [opening.group(0).lower()] if opening else [])):
        return None
    if _LISTED_NUMBERS.search(sentence):
        return None  # "durations of 0 and 1 minute": a list of cases
    bound = ""
    if any(word in _LOWER_BOUND for word in before_words[-3:]) or "more than" in head.lower()[-20:] or "≥" in head[-4:]:
        bound = "min"
    elif any(word in _UPPER_BOUND for word in before_words[-3:]) or "up to" in head.lower()[-10:] or "≤" in head[-4:]:
        bound = "max"
    before = tuple(word if word in _SCOPING else _lemma(word) for word in before_words
                   if (word not in _STOPWORDS or word in _SCOPING) and word not in _LOWER_BOUND
                   and word not in _UPPER_BOUND and word != "than")
    after = tuple(word.lower() if word.lower() in _SCOPING else _lemma(word) for word in _TOKEN.findall(tail)
                  if word.lower() not in _STOPWORDS or word.lower() in _SCOPING)
    unit = match.group("unit").lower().rstrip("s") if match.group("unit").lower() != "ms" else "ms"
    value = float(match.group("num"))
    if unit in ("%", "percent"):
        family, unit = "percent", "%"
    elif unit.rstrip("e") in _BYTES or unit in _BYTES:
        family, value = "size", value * _BYTES.get(unit, _BYTES.get(unit.rstrip("e"), 1))
    else:
        family, value = "time", value * _SECONDS.get(unit, 1)
    others = tuple(sorted(" ".join(other.group(0).split()) for other in _MEASURED.finditer(sentence)
                          if start + other.start() != match.start()))
    words = tuple(word for word in (*before, *after) if word not in _SCOPING)
    statement = Statement("parallel", words, family, family, value, " ".join(match.group(0).split()), span)
    return _Parallel(section, statement, before, after, bound, family, others)


def _same_words(one: _Parallel, other: _Parallel) -> bool:
    """The shorter side of each written identically in both, what the longer adds not a scope, and
    four content words shared in all."""
    if one.section == other.section:
        return one.before == other.before and one.after == other.after and len(one.statement.subject) >= _SHARED_WORDS
    shared_before = min(len(one.before), len(other.before))
    shared_after = min(len(one.after), len(other.after))
    if shared_before and one.before[-shared_before:] != other.before[-shared_before:]:
        return False
    if one.after[:shared_after] != other.after[:shared_after]:
        return False
    added = {*one.before[:len(one.before) - shared_before], *other.before[:len(other.before) - shared_before],
             *one.after[shared_after:], *other.after[shared_after:]}
    if added & _SCOPING:
        return False
    shared = [word for word in (*one.before[len(one.before) - shared_before:], *one.after[:shared_after])
              if word not in _SCOPING]
    return len(shared) >= _SHARED_WORDS


_contradictions: WeakKeyDictionary[Document, list[Contradiction]] = WeakKeyDictionary()
_numbered: WeakKeyDictionary[Document, tuple[int, ...]] = WeakKeyDictionary()
