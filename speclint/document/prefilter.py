"""Which texts a regular expression cannot match, told by a substring test.

Python's `re` tries a pattern at every position of a text; a pattern that starts with a
look-behind or an alternation gets no fast scan, and the rules run dozens of them over every
paragraph. Most paragraphs hold none of the literal text a pattern needs (`___`, `??`, `e.g.`),
so `may_match(pattern, text)` asks first, with `str`'s fast substring search, whether the text
holds at least one of the pattern's *required literals*: strings of which every match contains
one. When it holds none, no match exists anywhere in it, and the search is skipped: the result
is the same, only sooner.

The required literals are read off the parsed pattern (`re._parser`), conservatively: a literal
run of a sequence, an alternation's (each branch must have some), a repetition's of at least one.
Anything the analysis does not know (a character class, a back-reference, a case-insensitive
non-ASCII letter) gives nothing, and a pattern with nothing required is always searched.
Case-insensitive literals are compared with the text lower-cased as `re.IGNORECASE` folds it.
"""

from __future__ import annotations

import re
from typing import Any, Optional, Sequence

from speclint.startup_store import compile_pattern

try:  # Python 3.11+
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

# A set of required literals: each (text, folded). `folded`: compared lower-cased.
_Required = Optional[frozenset[tuple[str, bool]]]

_LITERAL = sre_constants.LITERAL
_IN = sre_constants.IN
_BRANCH = sre_constants.BRANCH
_SUBPATTERN = sre_constants.SUBPATTERN
_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None)}
_ATOMIC = getattr(sre_constants, "ATOMIC_GROUP", None)
#: A pattern with more required literals than this is not filtered. A substring test costs about a
#: nanosecond a character, `re` about a hundred for a pattern without a fast scan (one led by `\b`,
#: a look-behind or a case-insensitive letter): a list of 23 brands is still worth testing first.
_LITERAL_LIMIT = 40
#: Character classes of at most this many literal characters give one literal per character.
_CLASS_LIMIT = 4


def required_literals(expression: str, flags: int = 0,
                      limit: int | None = _LITERAL_LIMIT) -> tuple[tuple[str, ...], bool] | None:
    """Strings of which every match of `expression` contains at least one, and whether they are
    to be compared case-folded (lower-cased); None when the analysis finds none, or more than
    `limit` (None: no limit; `speclint.document.words` tests many brands cheaply)."""
    try:
        parsed = sre_parse.parse(expression, flags)
    except Exception:  # noqa: BLE001 - not a pattern this module can read: no filter
        return None
    required = _sequence(list(parsed), bool(parsed.state.flags & re.IGNORECASE))
    if not required:
        return None
    folded = any(fold for _, fold in required)
    texts = []
    for text, fold in required:
        if folded and not text.isascii():
            return None  # a case-sensitive non-ASCII literal cannot be compared lower-cased
        texts.append(text.lower() if folded else text)
    # A literal that contains another is implied by it: keep the shorter (fewer tests, same answer).
    unique = sorted(set(texts), key=lambda text: (len(text), text))
    kept: list[str] = []
    for text in unique:
        if not any(shorter in text for shorter in kept):
            kept.append(text)
    if limit is not None and len(kept) > limit:
        return None  # testing that many costs about what the search itself costs
    return tuple(kept), folded


def _better(first: _Required, second: _Required) -> _Required:
    """The more selective of two requirements (either is sound)."""
    if not first:
        return second
    if not second:
        return first

    def score(required: frozenset[tuple[str, bool]]) -> tuple[bool, int, int]:
        # Few enough to test, then longer (up to 4 characters a literal is rare enough), then fewer.
        return len(required) <= _LITERAL_LIMIT, min(4, min(len(text) for text, _ in required)), -len(required)

    return first if score(first) >= score(second) else second


# What an item of a pattern tells: `exact`, the strings it always matches one of (None when it is
# not that simple), and `required`, strings of which its every match contains one.
_Facts = tuple[_Required, _Required]
#: A product of exact sets larger than this is cut into shorter runs.
_PRODUCT_LIMIT = 32
#: A repeat with at most this many optional copies (`{1,3}`) has one exact string per length.
_BOUNDED_EXTRA = 3
#: The version of this analysis: the start-up store keeps each pattern's literals under it, so a
#: change here is never answered from a store written by an earlier analysis.
ANALYSIS_VERSION = 2


def _product(first: frozenset[tuple[str, bool]], second: frozenset[tuple[str, bool]]) -> frozenset[tuple[str, bool]]:
    return frozenset((a + b, fold_a or fold_b) for a, fold_a in first for b, fold_b in second)


def _sequence(items: Sequence[tuple[Any, Any]], ignore_case: bool) -> _Required:
    return _sequence_facts(items, ignore_case)[1]


def _sequence_facts(items: Sequence[tuple[Any, Any]], ignore_case: bool) -> _Facts:
    best: _Required = None
    run: _Required = frozenset({("", False)})  # the exact strings of the items so far in this run
    whole_exact = True
    for op, argument in items:
        exact, required = _item(op, argument, ignore_case)
        if exact is not None and run is not None and len(run) * len(exact) <= _PRODUCT_LIMIT:
            run = _product(run, exact)
            continue
        if exact is not None:  # too many combinations: a new run starts here
            best = _better(best, _nonempty(run))
            run = exact
            whole_exact = False
            continue
        whole_exact = False
        best = _better(best, _nonempty(run))
        best = _better(best, required)
        run = frozenset({("", False)})
    best = _better(best, _nonempty(run))
    return (run if whole_exact else None), best


def _nonempty(strings: _Required) -> _Required:
    """`strings` as a requirement: none when one of them is empty (it matches without text)."""
    if not strings or any(not text for text, _ in strings):
        return None
    return strings


def _item(op: Any, argument: Any, ignore_case: bool) -> _Facts:
    if op is _LITERAL:
        char = chr(argument)
        if ignore_case and not char.isascii():
            return None, None  # non-ASCII case folding is left to `re`
        exact = frozenset({(char, ignore_case)})
        return exact, exact
    if op is _SUBPATTERN:
        _group, add_flags, del_flags, inner = argument
        inner_case = (ignore_case or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
        return _sequence_facts(list(inner), inner_case)
    if _ATOMIC is not None and op is _ATOMIC:
        return _sequence_facts(list(argument), ignore_case)
    if op in _REPEATS:
        low, high, inner = argument
        if low < 1:
            return None, None
        exact, required = _sequence_facts(list(inner), ignore_case)
        if exact is not None and low <= 8:
            repeated = frozenset({("", False)})
            for _ in range(low):
                if len(repeated) * len(exact) > _PRODUCT_LIMIT:
                    return None, _better(required, _nonempty(repeated))
                repeated = _product(repeated, exact)
            if high == low:
                return repeated, _nonempty(repeated)
            # A short bounded repeat (`X{1,3}`) always matches one of its few lengths: exact, so that
            # what comes before and after it joins it (`\[X{1,3}\]` needs "[X]", "[XX]" or "[XXX]").
            if high - low <= _BOUNDED_EXTRA:
                every_length: set[tuple[str, bool]] = set(repeated)
                longer = repeated
                for _ in range(high - low):
                    if len(longer) * len(exact) > _PRODUCT_LIMIT:
                        break
                    longer = _product(longer, exact)
                    every_length |= longer
                else:
                    if len(every_length) <= _PRODUCT_LIMIT:
                        return frozenset(every_length), _nonempty(repeated)
            return None, _nonempty(repeated)
        return None, required
    if op is _BRANCH:
        exact_union: set[tuple[str, bool]] | None = set()
        required_union: set[tuple[str, bool]] = set()
        for alternative in argument[1]:
            exact, required = _sequence_facts(list(alternative), ignore_case)
            if exact is not None and exact_union is not None:
                exact_union |= exact
            else:
                exact_union = None
            if not required:
                required_union = set()
                if exact_union is None:
                    return None, None
                continue
            required_union |= required
        if exact_union is not None and len(exact_union) <= _PRODUCT_LIMIT:
            exact_set = frozenset(exact_union)
            return exact_set, _nonempty(exact_set)
        return None, (frozenset(required_union) if required_union else None)
    if op is _IN:
        chars = []
        for member_op, member in argument:
            if member_op is not _LITERAL:
                return None, None
            char = chr(member)
            if ignore_case and not char.isascii():
                return None, None
            chars.append(char)
        if not chars or len(chars) > _CLASS_LIMIT:
            return None, None
        exact = frozenset((char, ignore_case) for char in chars)
        return exact, exact
    return None, None  # any character, a class, an anchor, a look-around, a back-reference: nothing required


# --- the test ---------------------------------------------------------------------------------

_cache: dict[tuple[str, int], tuple[tuple[str, ...], bool] | None] = {}


def literals_of(pattern: Any) -> tuple[tuple[str, ...], bool] | None:
    """`required_literals` of a compiled (or lazily compiled) pattern, worked out once per pattern."""
    key = (pattern.pattern, pattern.flags)
    try:
        return _cache[key]
    except KeyError:
        pass
    if isinstance(key[0], str):
        from speclint.startup_store import store

        found = store().literals(key[0], key[1], required_literals, ANALYSIS_VERSION)  # kept between runs
    else:
        found = None
    _cache[key] = found
    return found


def lowered_for_search(text: str) -> str:
    """`text` lower-cased so that a lower-case ASCII literal occurs in it wherever `re.IGNORECASE`
    could match it: "İ" lowers to "i" plus a dot, and `re` also folds "ı" to "i" and "ſ" to "s"
    (and the Kelvin sign to "k", which `str.lower` does too)."""
    lowered = text.lower()
    if not lowered.isascii():
        lowered = lowered.replace("i\u0307", "i").replace("\u0131", "i").replace("\u017f", "s")
    return lowered


def may_match(literals: tuple[tuple[str, ...], bool] | None, text: str, lowered: str | None = None) -> bool:
    """False only when `text` holds none of `literals` (from `literals_of`): then the pattern
    cannot match it anywhere. `lowered` is `lowered_for_search(text)` when the caller has it."""
    if literals is None:
        return True
    needed, folded = literals
    if folded:
        text = lowered if lowered is not None else lowered_for_search(text)
    if len(needed) >= ALTERNATION_FROM:
        return literal_alternation(needed).search(text) is not None
    for literal in needed:
        if literal in text:
            return True
    return False


#: From this many literals, one search for all of them (`literal_alternation`) beats a substring
#: test for each (twice as fast for a list of 23 brands, on a paragraph as on a whole document).
ALTERNATION_FROM = 8
_alternations: dict[tuple[str, ...], Any] = {}


def literal_alternation(needed: tuple[str, ...]) -> Any:
    """A compiled pattern that matches wherever one of the literals `needed` occurs (plain text:
    escaped, no flags; the caller lower-cases the text for folded literals)."""
    pattern = _alternations.get(needed)
    if pattern is None:
        pattern = _alternations[needed] = compile_pattern("|".join(re.escape(literal) for literal in needed))
    return pattern
