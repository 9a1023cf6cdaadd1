"""MS003 threshold-without-value: a limit the system enforces, named with no value."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.document.text import find_all, iter_prose
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.normative import has_quantity, is_descriptive, sentence_bounds

# "after multiple failed login attempts", "too many requests", "several retries"
_VAGUE_COUNT = lazy_compile(
    r"\b(?:multiple|several|many|numerous|repeated|a few|a number of|too many)\s+(?:failed\s+|unsuccessful\s+|"
    r"invalid\s+|wrong\s+|incorrect\s+)?(?:login\s+|sign-in\s+|password\s+|verification\s+)?"
    r"(?:attempts|tries|retries|failures|requests|logins|codes|guesses)\b|"
    r"\b(?:fails?|failed|exceeds?\s+(?:its|the|their)\s+(?:limit|quota))\s+repeatedly\b",
    re.I,
)
# "temporarily locked", "locked for a while", "blocked for some time"
_VAGUE_DURATION = lazy_compile(
    r"\b(?:temporarily|briefly)\s+(?:lock|block|disable|suspend|ban|throttle)(?:s|e?d)?\b|"
    r"\b(?:locked|blocked|disabled|suspended|banned)\s+(?:out\s+)?for\s+(?:a\s+(?:while|period|short\s+time)|some\s+time)\b",
    re.I,
)
# What makes it a limit the system enforces: a penalty, and what triggers it.
_PENALTY = lazy_compile(r"\b(?:lock|block|disabl|suspend|throttl|ban|den(?:y|ie)|captcha|cool-?down|rate[- ]limit)\w*", re.I)
_TRIGGER = lazy_compile(r"\b(?:fail\w*|attempts?|wrong|invalid|incorrect|exceed\w*|too many|repeatedly|abus\w*)\b", re.I)
# An opening quote ends the scan as a closing one does: one scan per quotation, not per quote mark.
_QUOTED = lazy_compile(r"\"[^\"\n]{1,300}\"|“[^“”\n]{1,300}”")


class ThresholdWithoutValue(Rule):
    """Flags a limit the system must enforce that the requirement names with no value.

    **What it flags.** A sentence with no number (outside background and problem statements) that
    - counts vaguely what triggers a limit: "after multiple failed login attempts", "too many
      requests", "several retries";
    - gives a vague duration to a penalty: "temporarily locked", "blocked for a while".

    The sentence must say what the limit does (lock, block, disable, throttle, deny...) and what
    triggers it (failures, attempts, exceeding...): "makes many requests" describes, it does not
    limit. Quoted UI text ("Too many attempts, try again later") is not read. A limit merely named
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
                    if has_quantity(sentence) or (start, end) in reported:
                        continue
                    reported.add((start, end))
                    yield Violation(span, f"'{match.group(0)}': {what}? State the threshold so it can be built and tested")
