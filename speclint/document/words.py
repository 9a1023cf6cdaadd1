"""Which capitalised words a text holds, asked many times: brand names without a scan per brand.

A rule that looks for brands ("Stripe", "Twilio", "SES") asks, before its patterns run, whether a
text holds any of their required literals (`speclint.document.prefilter`). Brands are written with
their capitals, so those literals start with a capital letter; a text holds few distinct words that
do. `CapitalisedWords(text)` lists them once (one scan of the text), sorted, and then answers
"does the text hold this literal" with a binary search instead of a pass over the text per literal
or per list of literals.

The answer is exactly `literal in text`, for any literal that starts with an ASCII capital:

- every position of the text that holds an ASCII capital starts a *tail*: the text from there to the
  end of its run of word characters (`\\w`). The tails are what `_CAPITALISED` finds, plus the
  tails that start at a capital inside a found run ("McStripe" gives "McStripe" and "Stripe");
- a literal made of word characters occurs at a position exactly when the tail starting there begins
  with it (it cannot run past the end of the run);
- a literal whose leading run of word characters is followed by another character ("Customer.io",
  "Pub/Sub", "GPT-4") can occur only where that leading run is a whole tail; there the text itself
  is asked.

Literals that start with anything else are answered by the text itself (`in`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from speclint.document.prefilter import literals_of, required_literals
from speclint.document.text import _lowered_text as lowered_text
from speclint.document.text import could_match as could_match_text
from speclint.lazy_regex import LazyPattern, lazy_compile

#: A run of word characters from a capital to the run's end (non-overlapping: a capital inside a
#: found run is added by `CapitalisedWords`).
_CAPITALISED = lazy_compile(r"[A-Z]\w*")
_WORD = lazy_compile(r"\w+")


class CapitalisedWords:
    """The tails of `text` that start at an ASCII capital (see the module's docstring), sorted."""

    __slots__ = ("text", "tails", "_wholes")

    def __init__(self, text: str) -> None:
        self.text = text
        tails: set[str] = set()
        for run in _CAPITALISED.findall(text):
            tails.add(run)
            if len(run) > 1 and not run[1:].islower():  # a capital inside: "McStripe", "SES", "HashMap"
                for position in range(1, len(run)):
                    if "A" <= run[position] <= "Z":
                        tails.add(run[position:])
        self.tails = sorted(tails)
        self._wholes = tails

    def holds(self, literal: str) -> bool:
        """Exactly `literal in self.text`."""
        lead = _leads.get(literal)
        if lead is None:
            if len(_leads) > 4096:  # literals of patterns built at run time: a bound for long-lived servers
                _leads.clear()
            lead = _leads[literal] = _lead(literal)
        if lead == "":
            return literal in self.text
        if len(lead) != len(literal):  # "Customer.io": its first run is a whole tail where it occurs
            return lead in self._wholes and literal in self.text
        tails = self.tails
        index = bisect_left(tails, literal)
        return index < len(tails) and tails[index].startswith(literal)

    def holds_any(self, literals: tuple[str, ...]) -> bool:
        """Exactly `any(literal in self.text for literal in literals)`."""
        return any(self.holds(literal) for literal in literals)


def _lead(literal: str) -> str:
    """The literal itself when it is a run of word characters from an ASCII capital; its leading run
    when another character follows ("Customer" of "Customer.io"); "" when it does not start with one."""
    if not literal or not "A" <= literal[0] <= "Z":
        return ""
    lead = _WORD.match(literal)
    assert lead is not None  # an ASCII capital is a word character
    return literal if lead.end() == len(literal) else lead.group(0)


#: `_lead` of each literal asked about (brand lists are few and fixed).
_leads: dict[str, str] = {}


#: Each pattern's required literals with no limit on how many (a list of 50 brands), by the pattern.
_all_literals: dict[Any, tuple[tuple[str, ...], bool] | None] = {}


def brand_literals(pattern: Any) -> tuple[str, ...] | None:
    """The required literals of `pattern`, however many, when they are compared with their case and
    each starts with an ASCII capital (a list of brands); None otherwise."""
    if not isinstance(pattern, (re.Pattern, LazyPattern)):
        return None  # a pattern-like object (a `WordListPattern`): no literals to read
    try:
        found = _all_literals[pattern]
    except KeyError:
        found = literals_of(pattern) or required_literals(pattern.pattern, pattern.flags, limit=None)
        if len(_all_literals) > 1024:  # patterns built at run time: a bound for long-lived servers
            _all_literals.clear()
        _all_literals[pattern] = found
    if found is None or found[1] or not all("A" <= literal[:1] <= "Z" for literal in found[0]):
        return None
    return found[0]


def could_match(pattern: Any, text: str, words: CapitalisedWords) -> bool:
    """`speclint.document.text.could_match(pattern, text)`, or sooner: False when `pattern` cannot
    match anywhere in `text` (`words` is `CapitalisedWords(text)`). A pattern whose literals are
    brands (however many) is answered from `words`; any other by a substring test per literal."""
    brands = brand_literals(pattern)
    if brands is not None:
        return words.holds_any(brands)
    literals = literals_of(pattern) if isinstance(pattern, (re.Pattern, LazyPattern)) else None
    if literals is None:
        return could_match_text(pattern, text)
    needed, folded = literals
    searched = lowered_text(text) if folded else text
    # One substring test per literal: on a whole document, three times as fast as `may_match`'s
    # alternation of 27 lower-case words (which `re` tries at every position).
    return any(literal in searched for literal in needed)
