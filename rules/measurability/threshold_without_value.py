"""MS003 threshold-without-value: a limit the system enforces, named with no value."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.document.text import find_all, iter_prose
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.normative import has_quantity, is_descriptive, sentence_bounds

# "after multiple failed login attempts", "too many requests", "several retries". (`(?=[adefimnprstvwz])`: the
# first letters of the alternatives, a position without one is turned away with one test: tests/test_regex_guards.py.)
_VAGUE_COUNT = lazy_compile(
    r"(?=[adefimnprstvwz])(?:\b(?:multiple|several|many|numerous|repeated|a few|a number of|too many)\s+(?:consecutive\s+)?(?:failed\s+|unsuccessful\s+|"
    r"invalid\s+|wrong\s+|incorrect\s+)?(?:login\s+|sign-in\s+|password\s+|verification\s+)?"
    r"(?:attempts|tries|retries|failures|requests|logins|codes|guesses)\b|"
    r"\b(?:fails?|failed|exceeds?\s+(?:its|the|their)\s+(?:limit|quota))\s+repeatedly\b|"
    # "enters the wrong code repeatedly", "fails to sign in multiple times": the penalty and the
    # trigger the sentence must also name keep these to limits
    r"\brepeatedly\b|\b(?:multiple|several|many|numerous|a\s+few|too\s+many)\s+times\b|\btoo\s+often\b|"
    # "locks the account after failed attempts": how many?
    r"\bafter\s+(?:consecutive\s+)?(?:failed|unsuccessful|invalid|incorrect|wrong)\s+(?:login\s+|sign-in\s+|password\s+|verification\s+)?"
    r"(?:attempts|tries|logins|guesses)\b|"
    # German, Spanish, French: "nach mehreren fehlgeschlagenen Anmeldeversuchen", "tras varios intentos fallidos",
    # "après plusieurs tentatives échouées"
    r"\b(?:mehreren|mehrere|einigen|wiederholten|mehrmaligen|zu\s+vielen)\s+(?:fehlgeschlagenen\s+|falschen\s+|ungültigen\s+)?"
    r"(?:Anmelde|Login-?|Passwort|Eingabe|Zugriffs)?versuchen?\b|"
    r"\b(?:varios|múltiples|repetidos|demasiados|reiterados)\s+intentos\b|\bintentos\s+(?:fallidos\s+)?(?:repetidos|múltiples|reiterados)\b|"
    r"\b(?:plusieurs|trop\s+de|de\s+multiples|nombreuses)\s+tentatives\b|\btentatives\s+(?:répétées|multiples)\b)",
    re.I,
)
# "temporarily locked", "locked for a while", "blocked for some time"
_VAGUE_DURATION = lazy_compile(
    r"\b(?:temporarily|briefly)\s+(?:lock|block|disable|suspend|ban|throttle)(?:s|e?d)?\b|"
    r"\b(?:locked|blocked|disabled|suspended|banned|throttled)\s+(?:out\s+)?(?:temporarily\b|for\s+(?:a\s+(?:short\s+|brief\s+|limited\s+|"
    r"certain\s+)?(?:while|period(?:\s+of\s+time)?|time)|some\s+time|a\s+cool-?down(?:\s+period)?)\b)|"
    r"\btemporar(?:y|ily)\s+(?:lock-?outs?|locks?|blocks?|bans?|suspensions?)\b|"
    r"\b(?:vorübergehend|zeitweise|temporär)\s+(?:gesperrt|blockiert|deaktiviert|gebannt)\b|"
    r"\btemporalmente\s+(?:bloquead[oa]s?|suspendid[oa]s?|deshabilitad[oa]s?)\b|\b(?:bloquead[oa]s?|suspendid[oa]s?)\s+temporalmente\b|"
    r"\btemporairement\s+(?:bloqué|verrouillé|suspendu|désactivé)e?s?\b|\b(?:bloqué|verrouillé|suspendu)e?s?\s+temporairement\b",
    re.I,
)
# What makes it a limit the system enforces: a penalty, and what triggers it.
_PENALTY = lazy_compile(r"\b(?:lock|block|disabl|suspend|throttl|ban|den(?:y|ie)|captcha|cool-?down|rate[- ]limit|"
                      r"must\s+wait|re-?authenticat|step-?up|gesperrt|sperr|blockiert|bloqu|verrouill|suspendu|deshabilit)\w*", re.I)
_TRIGGER = lazy_compile(r"\b(?:fail\w*|attempts?|wrong|invalid|incorrect|exceed\w*|too many|repeatedly|abus\w*|suspicious|"
                      r"fraud\w*|violat\w*|brute|\w*versuch\w*|intentos?|tentatives?|fehlgeschlagen\w*|fallid\w*|échou\w*)\b", re.I)
# A penalty that lasts, and what says how long: "locked for 15 minutes", "until an admin unlocks it".
_LOCKED = lazy_compile(r"\b(?:locks?|locked|blocks?|blocked|suspends?|suspended|bans?|banned)(?:\s+out)?\b", re.I)
_COUNTED_TRIGGER = lazy_compile(
    r"\b\d+\s+(?:consecutive\s+)?(?:failed|unsuccessful|invalid|wrong|incorrect|bad)\s+(?:[\w-]+\s+)?(?:attempts|tries|logins|guesses|codes|passwords)\b|"
    r"\b(?:failed|unsuccessful|invalid|wrong|incorrect)\s+(?:[\w-]+\s+)?(?:attempts|tries|logins)\s*(?:>=?|≥|of|reach\w*|exceed\w*)\s*\d", re.I)
_DURATION_GIVEN = lazy_compile(
    r"\b\d+(?:\.\d+)?\s*-?\s*(?:ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?)\b|\buntil\b|\bpermanent\w*|"
    r"\bindefinite\w*|\bmanual\w*|\badmin\w*|\bsupport\b|\bunlock\w*|\breset\w*|\bverif\w*|\bcaptcha\b|\bcool-?down\b|"
    r"\b(?:an?|one)\s+(?:minute|hour|day)\b|\bfor\s+the\s+rest\s+of\b|\bnot\b|\bnever\b", re.I)
# "rate limited to 100 requests", "throttled at 10 calls": per what?
_RATE_COUNT = lazy_compile(
    r"\b(?:rate[- ]limit(?:s|ed|ing)?|throttl(?:e|es|ed|ing))\s+(?:\w+\s+){0,3}?(?:to|at|of)\s+\d[\d,.]*\s*k?\s+"
    r"(?:requests?|calls?|messages?|emails?|sms|texts?|uploads?|attempts?|queries|jobs?|events?)\b", re.I)
_WINDOW_GIVEN = lazy_compile(
    r"/\s*(?:s|sec|second|min|minute|h|hr|hour|d|day)\b|\b(?:per|an?|each|every|within|in|over)\s+(?:\d+\s*-?\s*)?"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|sec|min|hr|s|m|h|d)\b|\b(?:hourly|daily|weekly|monthly)\b|\brps\b|\bqps\b|\brpm\b", re.I)
_QUESTION_END = lazy_compile(r"\?\s*(?:\*\*|__)?\s*$")
# An opening quote ends the scan as a closing one does: one scan per quotation, not per quote mark.
_QUOTED = lazy_compile(r"\"[^\"\n]{1,300}\"|“[^“”\n]{1,300}”")


class ThresholdWithoutValue(Rule):
    """Flags a limit the system must enforce that the requirement names with no value.

    **What it flags.** A sentence with no number (outside background and problem statements) that
    - counts vaguely what triggers a limit: "after multiple failed login attempts", "too many
      requests", "several retries", "enters the wrong code repeatedly", "fails several times";
    - gives a vague duration to a penalty: "temporarily locked", "blocked for a while", "locked
      for a period of time", "a temporary lockout".

    The same in German, Spanish and French ("nach mehreren fehlgeschlagenen Anmeldeversuchen",
    "temporairement bloqué"). Not flagged when another line gives the value left out: a count of
    attempts ("| Failed attempts before lockout | 5 |"), or how long the lock lasts.

    The sentence must say what the limit does (lock, block, disable, throttle, deny...) and what
    triggers it (failures, attempts, exceeding...): "makes many requests" describes, it does not
    limit. Quoted UI text ("Too many attempts, try again later") is not read. A reference is not a
    number: "... temporarily locked, and the member unlocks it through the reset email (R7)" is
    still flagged. A limit merely named
    ("supports rate limiting") is not flagged: in real specs it is as often an external service's
    limit, a configurable setting or a topic of the documentation as a missing value.

    **Why it matters.** These are the numbers an engineer needs to write the code and a tester
    needs to check it. Left out, each one is decided in a pull request by whoever gets there
    first, and rarely the same way for web and mobile.

    **Example**

    ```markdown
    - After multiple failed login attempts the account is temporarily locked.
    ```

    **Use instead**

    ```markdown
    - After 5 failed login attempts within 15 minutes the account is locked for 30 minutes.
    ```
    """

    id = "MS003"
    name = "threshold-without-value"
    category = Category.MEASURABILITY
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        for prose in iter_prose(document):
            if prose.kind == "heading" or is_descriptive(prose.section):
                continue
            text = ""
            reported: set[tuple[int, int]] = set()
            quoted: list[tuple[int, int]] = []
            for pattern, what in ((_VAGUE_COUNT, "how many"), (_VAGUE_DURATION, "for how long")):
                for match, span in find_all(pattern, prose.segments):
                    if not text:  # the paragraph as written, and its quotations: only once it has a match
                        text = "\n".join(segment.text for segment in prose.segments)
                        quoted = [(quote.start(), quote.end()) for quote in _QUOTED.finditer(text)]
                    start, end = sentence_bounds(text, match.start(), match.end())
                    if any(begin < match.start() < finish for begin, finish in quoted):
                        continue
                    sentence = text[start:end]
                    if not (_PENALTY.search(sentence) and _TRIGGER.search(sentence)):
                        continue  # "makes many requests": a description, not a limit
                    if has_quantity(_OUTLINE_NUMBER.sub("", sentence)) or (start, end) in reported:
                        continue
                    if _given_elsewhere(sentence, what, document.lines, span.start.line):
                        continue  # "after repeated failed attempts the account is locked (see Limits)": the table says 5
                    reported.add((start, end))
                    yield Violation(span, f"'{match.group(0)}': {what}? State the threshold so it can be built and tested")
            yield from _half_given(prose.segments, text, quoted, reported)


#: What a threshold counts, as written in the line that may give its value elsewhere.
_COUNTED_NOUN = lazy_compile(r"\b(?:attempts?|tries|retries|requests|logins|sign-ins|guesses|codes)\b", re.I)
#: How long a lock lasts, given elsewhere: "| Lockout duration | 30 minutes |", "locked for 15 min".
_LOCK_DURATION = lazy_compile(r"\b(?:lock|block|suspen)\w*\b[^.\n]{0,40}?\b\d+\s*(?:s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?)\b",
                              re.I)
_LEADING_LIST_MARKER = lazy_compile(r"^\s*(?:>\s*)*(?:[-*+]|\d{1,3}[.)]|\d{1,3}(?:\.\d{1,3})+\.?)\s+")
# "3.4.2 The system shall lock ...": an SRS outline number opening the sentence is no value.
_OUTLINE_NUMBER = lazy_compile(r"^\s*\d{1,3}(?:\.\d{1,3})+\.?(?=\s)")


def _given_elsewhere(sentence: str, what: str, lines: list[str], line: int) -> bool:
    """True when another line gives the value the sentence leaves out: a count for what it counts
    ("| Failed attempts before lockout | 5 |"), or how long its lock lasts ("Lockout duration: 30 minutes")."""
    nouns = {match.group(0).lower().rstrip("s")[:5] for match in _COUNTED_NOUN.finditer(sentence)}
    if what == "how many" and not nouns:
        return False
    for index, text in enumerate(lines):
        if index + 1 == line or not any(char.isdigit() for char in text):
            continue
        written = _LEADING_LIST_MARKER.sub("", text)
        if what == "how many":
            if any(match.group(0).lower().rstrip("s")[:5] in nouns for match in _COUNTED_NOUN.finditer(written)) \
                    and has_quantity(written):
                return True
        elif _LOCK_DURATION.search(written):
            return True
    return False


def _half_given(segments: list, text: str, quoted: list[tuple[int, int]],
                reported: set[tuple[int, int]]) -> Iterator[Violation]:
    """A limit whose count is given and whose other half is not: "after 5 failed attempts the account
    is locked" (for how long?), "rate limited to 100 requests" (per second, per day?)."""
    for pattern, what, answered in ((_LOCKED, "for how long", _DURATION_GIVEN), (_RATE_COUNT, "per what time window", _WINDOW_GIVEN)):
        for match, span in find_all(pattern, segments):
            if not text:  # not joined yet: the paragraph had no vague threshold
                text = "\n".join(segment.text for segment in segments)
                quoted = [(quote.start(), quote.end()) for quote in _QUOTED.finditer(text)]
            start, end = sentence_bounds(text, match.start(), match.end())
            if (start, end) in reported or any(begin < match.start() < finish for begin, finish in quoted):
                continue
            sentence = text[start:end]
            if answered.search(sentence) or _QUESTION_END.search(sentence):
                continue
            if pattern is _LOCKED and not (_COUNTED_TRIGGER.search(sentence)):
                continue  # "locked" with no counted trigger is another kind of lock (a row, a file)
            reported.add((start, end))
            yield Violation(span, f"'{match.group(0)}': {what}? State the threshold so it can be built and tested")
