"""Which pieces of a document may hold a match of a pattern, asked for all the pieces at once.

A reader that searches each piece of prose (a paragraph, an item, a cell) with a few patterns asks
first, piece by piece, whether the piece holds one of each pattern's literals; on a document of
thousands of pieces, where few hold any, the questions cost more than the searches. `PiecesHolding`
joins the pieces' texts by newlines once and looks for each literal (or, for a pattern without
literals, for a match) in the whole text, going on from the next piece after each piece found.
The pieces it leaves out are those in which the pattern cannot match: asking the others only gives
the same answers. A literal or a match found across two pieces counts for both (a superset).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, Iterable, Sequence

from speclint.lazy_regex import LazyPattern


class PiecesHolding:
    """Which of the pieces whose texts are `texts` may hold a match of a pattern (see the module)."""

    __slots__ = ("count", "whole", "starts", "_words", "_lowered", "_found", "_matched")

    def __init__(self, texts: Sequence[str]) -> None:
        self.count = len(texts)
        self.whole = "\n".join(texts)
        self.starts = _starts(texts)
        self._words: Any = None
        self._lowered: tuple[str, list[int]] | None = None
        self._found: dict[Any, list[int] | None] = {}
        self._matched: dict[Any, list[int]] = {}

    @property
    def words(self) -> Any:
        """The capitalised words of the whole text (`speclint.document.words`): brands without a scan each."""
        if self._words is None:
            from speclint.document.words import CapitalisedWords

            self._words = CapitalisedWords(self.whole)
        return self._words

    def lowered(self) -> tuple[str, list[int]]:
        """The pieces' texts lower-cased as `find_all`'s literal test lowers them
        (`prefilter.lowered_for_search`), joined, and where each starts."""
        if self._lowered is None:
            from speclint.document.prefilter import lowered_for_search

            whole, starts = self.whole, self.starts
            if whole.isascii():  # one character for one: the same starts
                self._lowered = (whole.lower(), starts)
            else:  # "İ" lowers to two characters: each piece on its own, as `find_all` lowers it
                ends = [start - 1 for start in starts[1:]] + [len(whole)]
                texts = [lowered_for_search(whole[start:end]) for start, end in zip(starts, ends)]
                self._lowered = ("\n".join(texts), _starts(texts))
        return self._lowered

    def holding(self, pattern: Any) -> list[int] | None:
        """The indexes, in order, of the pieces that hold one of the literals every match of
        `pattern` holds (`speclint.document.prefilter`, however many); None when it has none (any
        piece may match)."""
        try:
            return self._found[pattern]
        except KeyError:
            pass
        literals = all_literals_of(pattern)
        if literals is None:
            found = None
        else:
            needed, folded = literals
            text, starts = self.lowered() if folded else (self.whole, self.starts)
            words = None if folded else self.words
            hits: set[int] = set()
            for literal in needed:
                if words is not None and not words.holds(literal):  # (exactly `literal in text`)
                    continue
                _add_pieces_holding(text, starts, literal, hits)
            found = sorted(hits)
        self._found[pattern] = found
        return found

    def matching(self, pattern: Any) -> list[int]:
        """The indexes, in order, of the pieces in which `pattern` may match: those where a search
        of the whole text finds a match that starts or ends. For a pattern whose matches in a piece
        are matches in the whole text at the same place: no `^`, `$`, `\\A` or `\\Z`, and no look
        around that a newline before or after the piece would change (`\\b` is fine: a newline is
        no word character, as the start and end of a text are not)."""
        try:
            return self._matched[pattern]
        except KeyError:
            pass
        hits: list[int] = []
        starts, count, whole = self.starts, self.count, self.whole
        match = pattern.search(whole) if count else None
        while match is not None:
            first = bisect_right(starts, match.start()) - 1
            last = bisect_right(starts, max(match.end() - 1, match.start()), first) - 1
            hits.extend(range(first, last + 1))  # (a search from the next piece on finds none before it)
            if last + 1 >= count:
                break
            match = pattern.search(whole, starts[last + 1])
        self._matched[pattern] = hits
        return hits

    def present(self, pairs: Iterable[tuple[str, Any]]) -> tuple[tuple[str, Any], ...]:
        """The (kind, pattern) pairs whose patterns may match in one of the pieces (`holding`)."""
        return tuple((kind, pattern) for kind, pattern in pairs if self.holding(pattern) != [])

    def pieces_holding(self, patterns: Iterable[Any]) -> list[int]:
        """The indexes, in order, of the pieces in which one of `patterns` may match (`holding`)."""
        hits: set[int] = set()
        for pattern in patterns:
            found = self.holding(pattern)
            if found is None:
                return list(range(self.count))
            hits.update(found)
        return sorted(hits)


def _starts(texts: Sequence[str]) -> list[int]:
    """Where each of `texts` starts in `"\\n".join(texts)`."""
    starts: list[int] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    return starts


def _add_pieces_holding(text: str, starts: list[int], literal: str, hits: set[int]) -> None:
    """Adds to `hits` the index of every piece (starting at `starts` in `text`) an occurrence of
    `literal` overlaps; after each occurrence the search goes on at the next piece."""
    size = len(literal)
    count = len(starts)
    position = text.find(literal) if size and count else -1
    while position != -1:
        first = bisect_right(starts, position) - 1
        last = bisect_right(starts, position + size - 1, first) - 1
        hits.update(range(first, last + 1))
        if last + 1 >= count:
            break
        position = text.find(literal, starts[last + 1])


#: Each pattern's required literals, however many (`speclint.document.prefilter`), by the pattern.
_full_literals: dict[Any, tuple[tuple[str, ...], bool] | None] = {}


def all_literals_of(pattern: Any) -> tuple[tuple[str, ...], bool] | None:
    """The literals every match of `pattern` holds, however many, and whether they are lower-cased
    (`prefilter.literals_of` without its limit); None for a pattern without them or an object that
    is not a compiled or lazy pattern."""
    try:
        return _full_literals[pattern]
    except KeyError:
        pass
    found = None
    if isinstance(pattern, (re.Pattern, LazyPattern)):
        from speclint.document.prefilter import literals_of, required_literals

        found = literals_of(pattern) or required_literals(pattern.pattern, pattern.flags, limit=None)
    if len(_full_literals) > 1024:  # patterns built at run time: a bound for long-lived servers
        _full_literals.clear()
    _full_literals[pattern] = found
    return found
