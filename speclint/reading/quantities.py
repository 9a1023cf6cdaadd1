"""Quantities a document states about one subject: "reset links expire after 7 days", "a 14-day
trial", "session timeout: 30 minutes", "conversion must not drop more than 5%".

Shared by the contradiction rule (MS010). A *statement* is a number with its unit, tied by the
sentence's construction to a subject and, for durations of something that happens, a verb:

- a verb with a duration: "<subject> expire(s)/is retained/is locked/times out ... after|for|within N unit";
- a duration before a noun: "a 14-day trial", "30 day retention";
- a named setting: "<modifier> timeout|TTL|retention|grace period|lockout ... of|:|is N unit";
- a threshold in percent: "<metric> drop(s)|exceed(s) ... (by) (more than) N%".

Statements that compare, change, give an example or a bound ("was 7, now 14 days", "from 7 to
14 days", "e.g.", "up to", "default", "maximum", "for premium plans") are not taken: two of them
with different numbers say nothing contradictory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator
from weakref import WeakKeyDictionary

from speclint.document.model import Document, Span, TextSegment
from speclint.lazy_regex import lazy_compile

_NUMBER = r"(?P<num>\d+(?:\.\d+)?)"
_TIME_UNIT = (r"(?P<unit>ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|months?|"
              r"years?)")
_SECONDS = {"ms": 0.001, "millisecond": 0.001, "s": 1, "sec": 1, "second": 1, "min": 60, "minute": 60, "h": 3600,
            "hr": 3600, "hour": 3600, "d": 86400, "day": 86400, "week": 604800, "month": 2592000, "year": 31536000}

#: "<subject> expire(s) after 7 days", "accounts are locked for 15 minutes", "links are valid for 24 hours".
_VERB_DURATION = lazy_compile(
    r"\b(?P<verb>expir(?:e|es|ed|ing)|retained|kept|stored|deleted|purged|archived|locked(?:\s+out)?|"
    r"times?\s+out|timed\s+out|valid|lasts?|rotated|cached)\s+(?:after|for|within|in)\s+(?:about\s+|approximately\s+|~)?"
    + _NUMBER + r"[\s-]?" + _TIME_UNIT + r"\b",
    re.I,
)
#: "a 14-day trial", "30 day retention".
_DURATION_NOUN = lazy_compile(
    r"\b" + _NUMBER + r"[\s-](?P<unit>second|minute|hour|day|week|month|year)\s+(?P<noun>[a-z][a-z-]{2,})\b", re.I)
#: "session timeout: 30 minutes", "a retention period of 90 days", "TTL = 300 s".
_SETTING = lazy_compile(
    r"\b(?P<noun>timeout|ttl|expiry|expiration|retention(?:\s+period)?|grace\s+period|lockout(?:\s+(?:period|duration))?|"
    r"trial(?:\s+period)?|cool-?down)(?:\*\*|__)?\s*(?:of|is|:|=|will\s+be|must\s+be|shall\s+be|set\s+to)(?:\*\*|__)?\s*"
    r"(?:about\s+|~)?"
    + _NUMBER + r"[\s-]?" + _TIME_UNIT + r"\b",
    re.I,
)
#: "must not drop more than 5%", "if the error rate exceeds 2%".
_PERCENT = lazy_compile(
    r"\b(?P<verb>drops?|dropped|dropping|falls?|fell|declines?|declined|decreases?|decreased|increases?|increased|"
    r"rises?|rose|exceeds?|exceeded|degrades?|degraded|regress(?:es|ed)?)\s+(?:by\s+)?(?:more\s+than\s+|over\s+|"
    r"above\s+|beyond\s+|at\s+least\s+)?" + _NUMBER + r"\s?%",
    re.I,
)
#: Nouns after "N-day" that name a span, not a subject ("a 30-day window" of what?).
_GENERIC_NOUNS = frozenset({"period", "window", "span", "interval", "cycle", "rolling", "average", "moving", "history",
                            "lookback", "range", "time", "timeframe", "old", "long", "delay", "lag", "notice",
                            "streak", "chunk", "batch", "increments", "increment", "intervals", "periods", "windows",
                            "sprint", "sprints", "phase", "plan", "program", "programme", "block", "blocks"})
#: A sentence that compares, changes, illustrates or bounds its numbers.
_NOT_A_STATEMENT = lazy_compile(
    r"\b(?:was|were|previously|currently|today|old|legacy|instead\s+of|changed?|increas\w*\s+(?:from|to)|"
    r"reduc\w*|rais\w*|lower\w*|from\s+\d|up\s+from|down\s+from|e\.g\b|eg\b|for\s+example|for\s+instance|such\s+as|"
    r"example|up\s+to|at\s+most|at\s+least|no\s+more\s+than|maximum|max|minimum|min|default|defaults|configurable|"
    r"between|either|tiers?|plans?|premium|enterprise|free|paid|pro|vs\.?|versus|compared|alternatively|option\s+\w)\b"
    r"|\d\s*(?:-|–|—|to|or)\s*\d",
    re.I,
)
_STOPWORDS = frozenset("""a an the is are be been being will would must shall should may might can could not never no
automatically also then only if when once after and or but that which who it its they their them this these those all
any each every our your his her of to by for in on at as with from than more so do does did has have had get gets
getting while until unless whose where there here""".split())


@dataclass(frozen=True)
class Statement:
    """One stated quantity: what it is about, its value in a common unit, and where it stands."""

    kind: str  # "verb", "noun", "setting", "percent"
    subject: tuple[str, ...]  # content words before the construction, last word last ("reset", "link")
    anchor: str  # the verb or noun the number hangs on ("expire", "trial", "timeout", "drop")
    family: str  # "time" or "percent"
    value: float
    text: str  # the words as written
    span: Span


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


def _subject(before: str) -> tuple[str, ...]:
    """The last two content words before a construction, in the same clause."""
    clause = re.split(r"[.;:!?()\[\]|,—–]|\s-\s", before)[-1]
    words = [word for word in re.findall(r"[A-Za-z][\w'-]*", clause)[-6:] if word.lower() not in _STOPWORDS]
    return tuple(_lemma(word) for word in words[-2:])


def statements(segments: list[TextSegment]) -> Iterator[Statement]:
    """The quantities stated in one paragraph, item or cell."""
    from speclint.document.text import find_all

    for pattern, kind in ((_VERB_DURATION, "verb"), (_DURATION_NOUN, "noun"), (_SETTING, "setting"),
                          (_PERCENT, "percent")):
        for match, span in find_all(pattern, segments):
            text = match.string
            start = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
            end_candidates = [i for i in (text.find(". ", match.end()), text.find("\n", match.end())) if i >= 0]
            sentence = text[start: min(end_candidates) if end_candidates else len(text)]
            if _NOT_A_STATEMENT.search(sentence):
                continue
            value = float(match.group("num"))
            if kind == "percent":
                family, anchor = "percent", _lemma(match.group("verb").split()[0])
            else:
                unit = match.group("unit").lower()
                unit = unit if unit in _SECONDS else unit.rstrip("s")
                family, value = "time", value * _SECONDS.get(unit, 1)
                if kind == "noun":
                    anchor = _lemma(match.group("noun"))
                    noun = match.group("noun").lower()
                    if anchor in _GENERIC_NOUNS or noun in _GENERIC_NOUNS or noun in _STOPWORDS \
                            or noun.endswith(("ed", "ly")):
                        continue  # "a 5-minute aggregated table", "1 day and ...": no subject
                elif kind == "setting":
                    anchor = _lemma(match.group("noun").split()[0])
                else:
                    anchor = _lemma(match.group("verb").split()[0])
            subject = _subject(text[start: match.start()]) if kind != "noun" else ()
            if kind == "setting":
                subject = subject[-1:]  # the setting's own modifier: "session" timeout, "idle" timeout
            if kind in ("verb", "percent") and not subject:
                continue  # "expires after 7 days" of what? Nothing to compare with.
            yield Statement(kind, subject, anchor, family, value, " ".join(match.group(0).split()), span)


def _compatible(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Same subject: equal, or one names it more fully ("link" and "reset link")."""
    shorter, longer = sorted((one, other), key=len)
    return longer[len(longer) - len(shorter):] == shorter


Contradiction = tuple[Statement, Statement]  # (the later statement, the earlier one it disagrees with)


def contradictions(document: Document) -> list[Contradiction]:
    """Pairs of statements about the same subject, in the same unit, with different numbers, in
    different sections. Computed once per document."""
    cached = _contradictions.get(document)
    if cached is None:
        cached = _contradictions[document] = _find_contradictions(document)
    return cached


def _find_contradictions(document: Document) -> list[Contradiction]:
    from speclint.document.text import iter_prose
    from speclint.reading.requirements import not_in_scope

    # Each statement with the section it stands in: values given side by side in one section are
    # tiers or cases ("1 hour ... 5-minute buckets; 1 day ... 1-hour buckets"), not a contradiction.
    found: list[tuple[int, Statement]] = []
    for piece in iter_prose(document):
        if piece.kind == "heading" or (piece.section.heading is not None and not_in_scope(piece.section)):
            continue
        found.extend((id(piece.section), statement) for statement in statements(piece.segments))
    groups: dict[tuple[str, str, str], list[tuple[int, Statement]]] = {}
    for index, statement in found:
        last = statement.subject[-1] if statement.subject else ""
        groups.setdefault((statement.anchor, last, statement.family), []).append((index, statement))
    pairs: list[Contradiction] = []
    for members in groups.values():
        subjects = {statement.subject for _index, statement in members}
        for position, (index, later) in enumerate(members):
            for earlier_index, earlier in members[:position]:
                if earlier_index == index or earlier.value == later.value:
                    continue
                if earlier.kind != later.kind and "noun" in (earlier.kind, later.kind):
                    continue
                if not _compatible(earlier.subject, later.subject) or _ambiguous(earlier.subject, later.subject,
                                                                                  subjects):
                    continue
                pairs.append((later, earlier))
                break
    return pairs


def _ambiguous(one: tuple[str, ...], other: tuple[str, ...], subjects: set[tuple[str, ...]]) -> bool:
    """The shorter subject could also be another one: "link" when both "invite link" and "reset
    link" are stated."""
    shorter, longer = sorted((one, other), key=len)
    if shorter == longer:
        return False
    return any(candidate != longer and len(candidate) > len(shorter) and _compatible(candidate, shorter)
               and not _compatible(candidate, longer) for candidate in subjects)


_contradictions: WeakKeyDictionary[Document, list[Contradiction]] = WeakKeyDictionary()
