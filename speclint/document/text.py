"""Text helpers shared by the parser and the rules: visible text, searching with positions, slugs.

Rules search the *source* text of blocks rather than a rendered string, so a match maps straight
back to a line and column. `mask_invisible` blanks out what a reader does not see as prose (code
spans, link destinations, HTML tags and comments, bare URLs) with spaces of the same length, which
keeps every offset valid.
"""

from __future__ import annotations

import re
import sys
import unicodedata
import weakref
from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Pattern, Sequence, TypeVar

from speclint.document.model import Document, Paragraph, Position, Section, Span, Table, TextSegment, iter_nested
from speclint.document.prefilter import (
    ALTERNATION_FROM,
    literal_alternation,
    literals_of,
    lowered_for_search,
    may_match,
)
from speclint.lazy_regex import LazyPattern, lazy_compile
from speclint.record import Record
from speclint.startup_store import compile_pattern

# (The leading `(?=`)` turns every position but a backtick away with one test: `re` finds no literal to scan
# for in a pattern that starts with a look-behind, and tried the look-behind and the run at each character.)
_CODE_SPAN = lazy_compile(r"(?=`)(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_HTML_COMMENT = lazy_compile(r"<!--.*?(?:-->|$)", re.S)
_HTML_TAG = lazy_compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_AUTOLINK = lazy_compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
_LINK_DESTINATION = lazy_compile(r"(?<=\])\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_REFERENCE_LABEL = lazy_compile(r"(?<=\])\[[^\]\n]*\]")
_BARE_URL = lazy_compile(r"\b(?:https?|ftp)://[^\s<>()\[\]]+|\bwww\.[^\s<>()\[\]]+")


if TYPE_CHECKING:  # annotations only: subscribing `Callable` at import costs time
    _F = TypeVar("_F", bound=Callable[..., Any])
_TEXT_CACHES: list[Any] = []
#: Entries a text cache keeps from one document to the next (see `text_cache`).
TEXT_CACHE_KEEP = 8192


def text_cache(function: _F) -> _F:
    """Memoise a pure function of a document's text (a heading's title, a block's text).

    The cache has no bound while a document is read, and `trim_text_caches` (at each `parse`)
    empties it once it holds more than `TEXT_CACHE_KEEP` entries. A bounded LRU cache gets no hit
    at all on a document with more distinct texts than it holds, as the rules read them in turn:
    20,000 headings took 6 times as long as 5,000.
    """
    cached = lru_cache(maxsize=None)(function)
    _TEXT_CACHES.append(cached)
    return cached  # type: ignore[return-value]


def trim_text_caches() -> None:
    """Empty the text caches that hold more than `TEXT_CACHE_KEEP` entries (before a new document)."""
    _joined.clear()
    _joined_in_order.clear()
    _views.clear()
    _indexes[False].clear()
    _indexes[True].clear()
    _group_indexes[False].clear()
    _group_indexes[True].clear()
    for cached in _TEXT_CACHES:
        if cached.cache_info().currsize > TEXT_CACHE_KEEP:
            cached.cache_clear()


_NOT_NEWLINE = lazy_compile(r"[^\n]")


def _blank(match: re.Match[str]) -> str:
    text = match.group(0)
    return _NOT_NEWLINE.sub(" ", text) if "\n" in text else " " * len(text)


@text_cache  # many rules search the same text of a document: mask it once
def mask_invisible(text: str) -> str:
    """`text` with code spans, HTML, link destinations and URLs replaced by spaces (same length)."""
    if "`" in text:
        text = _CODE_SPAN.sub(_blank, text)
    if "<" in text:
        text = _HTML_COMMENT.sub(_blank, text)
        text = _AUTOLINK.sub(_blank, text)
        text = _HTML_TAG.sub(_blank, text)
    if "](" in text:
        text = _LINK_DESTINATION.sub(_blank, text)
    if "][" in text:
        text = _REFERENCE_LABEL.sub(_blank, text)
    if "://" in text or "www." in text:
        text = _BARE_URL.sub(_blank, text)
    return text


def code_span_matches(text: str) -> list[re.Match[str]]:
    """The inline code spans of `text`, backticks included; `group(2)` is a span's content."""
    return list(_CODE_SPAN.finditer(text)) if "`" in text else []


def code_spans(text: str) -> list[str]:
    """The contents of the inline code spans in `text` (what `mask_invisible` blanks)."""
    return [match.group(2) for match in code_span_matches(text)]


def blank_code_spans(text: str) -> str:
    """`text` with only its inline code spans replaced by spaces (same length, newlines kept)."""
    return _CODE_SPAN.sub(_blank, text) if "`" in text else text


def mask_invisible_keeping_tags(text: str) -> str:
    """`mask_invisible`, except that HTML-looking tags and reference labels stay: a template's
    `<describe it>` or `[insert name]` is what the placeholder rules read."""
    if "`" in text:
        text = _CODE_SPAN.sub(_blank, text)
    if "<!--" in text:
        text = _HTML_COMMENT.sub(_blank, text)
    if "<" in text:
        text = _AUTOLINK.sub(_blank, text)
    if "](" in text:
        text = _LINK_DESTINATION.sub(_blank, text)
    if "://" in text or "www." in text:
        text = _BARE_URL.sub(_blank, text)
    return text


def join_segments(segments: Iterable[TextSegment]) -> tuple[str, list[tuple[int, TextSegment]]]:
    """Join segments with newlines; also return each segment's offset in the joined text."""
    parts: list[str] = []
    offsets: list[tuple[int, TextSegment]] = []
    offset = 0
    for segment in segments:
        offsets.append((offset, segment))
        parts.append(segment.text)
        offset += len(segment.text) + 1
    return "\n".join(parts), offsets


class _Joined:
    """A list of segments joined (`join_segments`), with its visible text and their lower-cased
    forms worked out on first use."""

    __slots__ = ("segments", "length", "last", "text", "offsets", "_visible", "_lowered", "serial")

    def __init__(self, segments: Any, text: str, offsets: list[tuple[int, TextSegment]]) -> None:
        self.serial = _UNLISTED  # its place in `_joined_in_order`, once listed there
        self.segments = segments
        self.length = len(offsets)
        self.last = offsets[-1][1] if offsets else None
        self.text = text
        self.offsets = offsets
        self._visible: str | None = None
        self._lowered: dict[bool, str] = {}

    def searched(self, visible_only: bool) -> str:
        if not visible_only:
            return self.text
        if self._visible is None:
            self._visible = mask_invisible(self.text)
        return self._visible

    def lowered(self, visible_only: bool) -> str:
        lowered = self._lowered.get(visible_only)
        if lowered is None:
            lowered = self._lowered[visible_only] = lowered_for_search(self.searched(visible_only))
        return lowered


# The joined text of each list of segments searched in the current document, by the list's id
# (the list is kept, so its id is not reused): rules search the same paragraph with many
# patterns. An entry is used only while the list still has the length and last segment it had.
_joined: dict[int, _Joined] = {}


def _joined_segments(segments: Iterable[TextSegment]) -> _Joined:
    if type(segments) is not list:
        return _Joined(segments, *join_segments(segments))
    entry = _joined.get(id(segments))
    if (entry is not None and entry.segments is segments and entry.length == len(segments)
            and (not segments or entry.last is segments[-1])):
        return entry
    entry = _joined[id(segments)] = _Joined(segments, *join_segments(segments))
    entry.serial = len(_joined_in_order)
    _joined_in_order.append(entry)
    return entry


# --- which pieces hold a pattern's literals, for the whole document at once ----------------------
#
# Rules ask `find_all` about each piece of prose with each of their patterns, and most of those
# calls end at the literal test (tens of thousands on a large document): a substring test per
# literal, per piece. Instead, the first time a pattern's literals are tested, they are looked for
# once in all the pieces listed so far, joined by a character no literal holds; the answer for
# each of those pieces is then a set lookup. It is the same test (the same texts, the same
# literals), only done for all the pieces at once: a piece listed afterwards is tested alone, and
# the index is built again when the pieces listed have doubled.

#: Sorts after every serial: a `_Joined` that is not listed (its segments are not a list).
_UNLISTED = sys.maxsize
#: The `_Joined` entries of the current document, in the order they were made (by serial).
_joined_in_order: list[_Joined] = []
#: Fewer pieces than this are tested one by one (an index costs a pass over their texts).
_INDEX_FROM = 64
_SEPARATOR = "\x00"


class _View:
    """The searched texts (`visible_only`, lower-cased or not) of the first `covered` pieces,
    joined by `_SEPARATOR` (`text`), and where each starts; extended as pieces are listed."""

    __slots__ = ("visible_only", "folded", "texts", "starts", "length", "text")

    def __init__(self, visible_only: bool, folded: bool) -> None:
        self.visible_only = visible_only
        self.folded = folded
        self.texts: list[str] = []
        self.starts: list[int] = []
        self.length = 0
        self.text = ""

    @property
    def covered(self) -> int:
        return len(self.texts)

    def extend(self) -> None:
        """Add the pieces listed since."""
        entries = _joined_in_order[len(self.texts):]
        visible_only = self.visible_only
        if self.folded:
            added = [entry._lowered.get(visible_only) or entry.lowered(visible_only) for entry in entries]
        elif visible_only:
            added = [entry._visible or entry.searched(True) for entry in entries]
        else:
            added = [entry.text for entry in entries]
        starts, length = self.starts, self.length
        for text in added:
            starts.append(length)
            length += len(text) + 1
        self.length = length
        self.texts += added
        self.text = _SEPARATOR.join(self.texts)


_views: dict[tuple[bool, bool], _View] = {}


class _LiteralIndex:
    """Which of the first `covered` pieces hold at least one of a pattern's literals (`hits`, by serial)."""

    __slots__ = ("covered", "hits", "pattern")

    def __init__(self, needed: tuple[str, ...], view: _View, pattern: Any = None) -> None:
        self.pattern = pattern  # kept alive while indexed by its id
        self.covered = view.covered
        hits: set[int] = set()
        text, starts = view.text, view.starts
        last = len(starts) - 1
        if _by_alternation(needed):
            # Literals that all start with a character prose seldom holds (capitals, digits,
            # punctuation): one search of their alternation, which `re` starts only at such a
            # character, skipping to the next piece at each hit (the same pieces, found sooner).
            search = literal_alternation(needed).search
            match = search(text)
            while match is not None:
                piece = bisect_right(starts, match.start()) - 1
                hits.add(piece)
                match = search(text, starts[piece + 1]) if piece < last else None
            self.hits = hits
            return
        # One `str.find` pass per literal (skipping to the next piece at each hit) beats one
        # alternation of them all on a whole document when they start with lower-case letters:
        # `re` would try the alternation at nearly every position.
        for literal in needed:
            position = text.find(literal)
            while position != -1:
                piece = bisect_right(starts, position) - 1
                hits.add(piece)
                position = text.find(literal, starts[piece + 1]) if piece < last else -1
        self.hits = hits


#: By a tuple of literals: whether `_LiteralIndex` looks for them by their alternation.
_alternation_chosen: dict[tuple[str, ...], bool] = {}


def _by_alternation(needed: tuple[str, ...]) -> bool:
    """Whether a literal index looks for `needed` by one search of their alternation rather than one
    `str.find` pass per literal: when there are many (`ALTERNATION_FROM`) and none starts with a
    lower-case ASCII letter or white space (on the RFCs, 1.3 to 5 times faster for such lists: a
    currency sign or `?` before `__`/`XX`, capitals before `]`, years and month names; slower for lists
    of lower-case words, and for two or three short literals, which `str.find` passes quickly)."""
    chosen = _alternation_chosen.get(needed)
    if chosen is None:
        chosen = len(needed) >= ALTERNATION_FROM and not any(literal[0].isspace() or "a" <= literal[0] <= "z" for literal in needed)
        if len(_alternation_chosen) > 4096:  # literals of patterns built at run time: a bound for servers
            _alternation_chosen.clear()
        _alternation_chosen[needed] = chosen
    return chosen


#: By `visible_only`: each pattern's `_LiteralIndex` in the current document, by the pattern's id (a
#: compiled pattern's hash reads its whole code at each look-up: 20,000 instructions for a long one).
#: The index holds the pattern, so that id is not reused while the entry lives.
_indexes: dict[bool, dict[int, _LiteralIndex]] = {False: {}, True: {}}


def _literal_index(pattern: Any, literals: tuple[tuple[str, ...], bool], visible_only: bool,
                   serial: int) -> _LiteralIndex | None:
    """The pattern's index, (re)built when it does not cover the piece `serial` and the pieces
    listed have doubled since; None when the piece is to be tested alone."""
    indexes = _indexes[visible_only]
    index = indexes.get(id(pattern))
    listed = len(_joined_in_order)
    if serial >= listed:
        return None  # not listed: tested alone
    if index is not None and (index.covered > serial or listed < 2 * index.covered):
        return index if index.covered > serial else None
    if listed < _INDEX_FROM:
        return None
    needed, folded = literals
    if any(_SEPARATOR in literal for literal in needed):
        return None
    view = _views.get((visible_only, folded))
    if view is None:
        view = _views[(visible_only, folded)] = _View(visible_only, folded)
    if view.covered != listed:
        view.extend()
    index = indexes[id(pattern)] = _LiteralIndex(needed, view, pattern)
    return index


#: The joined text of a list of segments (`joined_entry`): `text`, `offsets`, and the `segments`, `length` and
#: `last` segment it was joined from (a holder keeps it while the list still has that length and last segment).
JoinedText = _Joined


def joined_entry(segments: Iterable[TextSegment]) -> _Joined:
    """The `JoinedText` of `segments` (`joined_segments`'s text and offsets), worked out once per list of
    segments in the current document."""
    return _joined_segments(segments)


def joined_segments(segments: Iterable[TextSegment]) -> tuple[str, list[tuple[int, TextSegment]]]:
    """`join_segments`, worked out once per list of segments in the current document."""
    joined = _joined_segments(segments)
    return joined.text, joined.offsets


def searched_text(segments: Iterable[TextSegment], visible_only: bool = True) -> str:
    """The text `find_all` searches in `segments` (joined, and masked with `visible_only`)."""
    return _joined_segments(segments).searched(visible_only)


def could_match(pattern: Pattern[str], text: str) -> bool:
    """False when `pattern` cannot match anywhere in `text`: the text holds none of the literals
    every match contains (`speclint.document.prefilter`); True otherwise."""
    literals = _literals_of(pattern)
    if literals is None:
        return True
    return may_match(literals, text, _lowered_text(text) if literals[1] else None)


@text_cache
def _lowered_text(text: str) -> str:
    return lowered_for_search(text)


# Each pattern's required literals (see `speclint.document.prefilter`), with the pattern, by the
# pattern's id: a compiled pattern's hash reads its whole code at each look-up (20,000 instructions
# for a long one, and `find_all` looks up every call); the entry holds the pattern, so its id is not
# reused while the entry lives.
_pattern_literals: dict[int, tuple[Any, tuple[tuple[str, ...], bool] | None]] = {}


def _literals_of(pattern: Any) -> tuple[tuple[str, ...], bool] | None:
    """The required literals of a compiled or lazy pattern (none for other pattern-like objects,
    such as a `WordListPattern`, whose own search already narrows the work)."""
    entry = _pattern_literals.get(id(pattern))
    if entry is not None and entry[0] is pattern:
        return entry[1]
    literals = literals_of(pattern) if isinstance(pattern, (re.Pattern, LazyPattern)) else None
    if len(_pattern_literals) > 4096:  # patterns built at run time: a bound for long-lived servers
        _pattern_literals.clear()
    _pattern_literals[id(pattern)] = (pattern, literals)
    return literals


def position_at(offsets: list[tuple[int, TextSegment]], index: int) -> Position:
    """The source position of character `index` of a `join_segments` text."""
    low, high = 0, len(offsets) - 1
    while low < high:  # last segment whose offset <= index
        middle = (low + high + 1) // 2
        if offsets[middle][0] <= index:
            low = middle
        else:
            high = middle - 1
    start, segment = offsets[low]
    return Position(segment.line, segment.column + (index - start))


def group_span(segments: Iterable[TextSegment], match: re.Match[str], group: str) -> Span:
    """The source span of a group of a match on the joined `segments` (`find_all` gives the whole match's)."""
    _text, offsets = joined_segments(segments)
    start = position_at(offsets, match.start(group))
    end = position_at(offsets, max(match.end(group) - 1, match.start(group)))
    return Span(start, Position(end.line, end.column + (1 if match.end(group) > match.start(group) else 0)))


def find_all(
    pattern: Pattern[str], segments: Iterable[TextSegment], visible_only: bool = True
) -> Iterator[tuple[re.Match[str], Span]]:
    """Each match of `pattern` in the segments' text, with its exact source span.

    Matches may run across line breaks (segments are joined with `\\n`). With `visible_only`, code
    spans, URLs and HTML are masked first, so nothing inside them matches.
    """
    # Rules call this for each piece of prose and each of their patterns, and most calls end at the
    # literal test: `_joined_segments`, `searched` and `may_match` are inlined here for them, and
    # such a call returns an empty iterator (no generator is made).
    joined = _joined.get(id(segments)) if type(segments) is list else None
    if (joined is None or joined.segments is not segments or joined.length != len(segments)
            or (segments and joined.last is not segments[-1])):
        joined = _joined_segments(segments)
    offsets = joined.offsets
    if not offsets:
        return _NOTHING
    entry = _pattern_literals.get(id(pattern))
    literals = entry[1] if entry is not None and entry[0] is pattern else _literals_of(pattern)
    if literals is not None:
        serial = joined.serial
        index = _indexes[visible_only].get(id(pattern))
        if index is None or serial >= index.covered:
            index = _literal_index(pattern, literals, visible_only, serial)
        if index is not None:
            if serial not in index.hits:
                return _NOTHING  # the text holds none of the literals every match contains
        else:
            needed, folded = literals
            if folded:
                searched = joined._lowered.get(visible_only) or joined.lowered(visible_only)
            else:
                searched = (joined._visible or joined.searched(True)) if visible_only else joined.text
            if len(needed) >= ALTERNATION_FROM:
                if literal_alternation(needed).search(searched) is None:
                    return _NOTHING  # the text holds none of the literals every match contains
            else:
                for literal in needed:
                    if literal in searched:
                        break
                else:
                    return _NOTHING  # the text holds none of the literals every match contains
    text = (joined._visible or joined.searched(True)) if visible_only else joined.text
    return _matches(pattern.finditer(text), offsets)


#: What `find_all` returns when nothing can match (an exhausted iterator: it yields nothing, to anyone).
_NOTHING: Iterator[Any] = iter(())


class _GroupIndex:
    """For a tuple of patterns searched together in each piece: which of them may match in each of
    the first `covered` pieces (by serial), from the patterns' own literal indexes. A pattern
    without literals may match anywhere: it is in every piece's list (`default` for the others)."""

    __slots__ = ("covered", "by_serial", "default")

    def __init__(self, patterns: tuple[Any, ...], indexes: list[_LiteralIndex | None]) -> None:
        covered = min((index.covered for index in indexes if index is not None), default=sys.maxsize)
        hits_of = [None if index is None else index.hits for index in indexes]
        some_hit: set[int] = set()
        for hits in hits_of:
            if hits is not None:
                some_hit |= hits
        self.by_serial = {
            serial: [pattern for pattern, hits in zip(patterns, hits_of) if hits is None or serial in hits]
            for serial in some_hit if serial < covered
        }
        self.default = tuple(pattern for pattern, hits in zip(patterns, hits_of) if hits is None)
        self.covered = covered


#: By `visible_only`: each tuple of patterns' `_GroupIndex` in the current document (by the tuple).
_group_indexes: dict[bool, dict[tuple[Any, ...], _GroupIndex]] = {False: {}, True: {}}


def patterns_to_search(patterns: tuple[Any, ...], segments: Iterable[TextSegment],
                       visible_only: bool = True) -> Sequence[Any]:
    """The patterns of `patterns` (in their order) that may match in `segments`: `find_all` of each
    of the others finds nothing there. For a reader that searches each piece with several patterns:
    one question per piece instead of one per pattern. `patterns` should be a tuple the caller keeps
    (a document's answers are kept by it)."""
    joined = _joined.get(id(segments)) if type(segments) is list else None
    if (joined is None or joined.segments is not segments or joined.length != len(segments)
            or (segments and joined.last is not segments[-1])):
        joined = _joined_segments(segments)
    if not joined.offsets:
        return ()
    serial = joined.serial
    group = _group_indexes[visible_only].get(patterns)
    if group is None or serial >= group.covered:
        # (no index is made for a document with fewer pieces: no need to ask)
        group = _group_index(patterns, visible_only, serial) if len(_joined_in_order) >= _INDEX_FROM else None
        if group is None:  # not covered by the patterns' indexes: the piece's own literal test
            return _holding_literals(patterns, joined, visible_only)
    return group.by_serial.get(serial, group.default)


#: By a tuple of patterns (`patterns_to_search`): each pattern with its required literals (None: it
#: may match anywhere), whether they are compared lower-cased, and their alternation when they are many.
_literal_tests: dict[tuple[Any, ...], list[tuple[Any, tuple[str, ...] | None, bool, Any]]] = {}


def _holding_literals(patterns: tuple[Any, ...], joined: _Joined, visible_only: bool) -> list[Any]:
    """`[pattern for pattern in patterns if _holds_literals(joined, pattern, visible_only)]`, with each
    pattern's literals looked up once per tuple rather than once per piece."""
    tests = _literal_tests.get(patterns)
    if tests is None:
        tests = []
        for pattern in patterns:
            literals = _literals_of(pattern)
            if literals is None:
                tests.append((pattern, None, False, None))
            else:
                needed, folded = literals
                tests.append((pattern, needed, folded,
                              literal_alternation(needed) if len(needed) >= ALTERNATION_FROM else None))
        if len(_literal_tests) > 4096:  # tuples built at run time: a bound for long-lived servers
            _literal_tests.clear()
        _literal_tests[patterns] = tests
    plain = joined.searched(visible_only)
    lowered = None
    kept = []
    for pattern, needed, folded, alternation in tests:
        if needed is None:
            kept.append(pattern)
            continue
        if folded:
            if lowered is None:
                lowered = joined.lowered(visible_only)
            searched = lowered
        else:
            searched = plain
        if alternation is not None:
            if alternation.search(searched) is not None:
                kept.append(pattern)
        else:
            for literal in needed:
                if literal in searched:
                    kept.append(pattern)
                    break
    return kept


def find_all_alone(pattern: Pattern[str], segments: Iterable[TextSegment],
                   visible_only: bool = True) -> Iterator[tuple[re.Match[str], Span]]:
    """`find_all`, with the piece's own literal test instead of the pattern's literal index: for a
    reader that asks only a few of a document's pieces (those holding a number), where an index
    over the whole document would cost more than it saves. The same matches and spans."""
    joined = _joined_segments(segments)
    if not joined.offsets or not _holds_literals(joined, pattern, visible_only):
        return _NOTHING
    return _matches(pattern.finditer(joined.searched(visible_only)), joined.offsets)


def patterns_to_search_alone(patterns: Sequence[Any], segments: Iterable[TextSegment],
                             visible_only: bool = True) -> list[Any]:
    """`patterns_to_search`, with the piece's own literal test of each pattern instead of their
    literal indexes (see `find_all_alone`)."""
    joined = _joined_segments(segments)
    if not joined.offsets:
        return []
    return [pattern for pattern in patterns if _holds_literals(joined, pattern, visible_only)]


def _holds_literals(joined: _Joined, pattern: Any, visible_only: bool) -> bool:
    """Whether the piece's searched text holds one of the pattern's literals (`find_all`'s test of a
    piece that no index covers); True for a pattern without literals."""
    literals = _literals_of(pattern)
    if literals is None:
        return True
    needed, folded = literals
    searched = joined.lowered(visible_only) if folded else joined.searched(visible_only)
    if len(needed) >= ALTERNATION_FROM:
        return literal_alternation(needed).search(searched) is not None
    return any(literal in searched for literal in needed)


def _group_index(patterns: tuple[Any, ...], visible_only: bool, serial: int) -> _GroupIndex | None:
    """The group's index, (re)built from its patterns' literal indexes when each of them covers the
    piece `serial`; None when one of them does not (yet)."""
    indexes: list[_LiteralIndex | None] = []
    for pattern in patterns:
        literals = _literals_of(pattern)
        if literals is None:
            indexes.append(None)  # may match anywhere
            continue
        index = _literal_index(pattern, literals, visible_only, serial)
        if index is None or index.covered <= serial:
            return None
        indexes.append(index)
    group = _group_indexes[visible_only][patterns] = _GroupIndex(patterns, indexes)
    return group


def _matches(found: Iterator[re.Match[str]], offsets: list[tuple[int, TextSegment]]) -> Iterator[tuple[re.Match[str], Span]]:
    for match in found:
        start = position_at(offsets, match.start())
        end_index = max(match.end() - 1, match.start())
        end = position_at(offsets, end_index)
        end_column = end.column + (1 if match.end() > match.start() else 0)
        yield match, Span(start, Position(end.line, end_column))


# --- headings -------------------------------------------------------------------------------

# (Led by `(?=[*_])`, the characters both alternatives start with: `re` finds no first character to scan for in
# an alternation whose branches start with a group and a look-behind, and tried both at every position.)
_EMPHASIS = lazy_compile(
    r"(?=[*_])(?:(\*{1,3})(?=\S)(.+?)(?<=\S)\1"  # *em*, **strong**
    r"|(?<![^\W_])(_{1,3})(?=\S)(.+?)(?<=\S)\3(?![^\W_]))"  # _em_, but not snake_case
)
# Link text stops at a `[` as well as at `]`: each `[` then scans only to the next bracket, not to
# the end of the text (quadratic on a paragraph of `[`).
_IMAGE = lazy_compile(r"!\[([^\[\]]*)\]\([^)]*\)")
_LINK = lazy_compile(r"\[([^\[\]]*)\](?:\([^)]*\)|\[[^\[\]]*\])?")
_ESCAPE = lazy_compile(r"\\([!-/:-@\[-`{-~])")
_INLINE_CODE = _CODE_SPAN  # one attempt per backtick run: `(`+)(.+?)\1` was cubic on a run of backticks
_STRIKE = lazy_compile(r"~~(.+?)~~")
_PARKED_CODE = lazy_compile("\ue000([0-9]+)\ue001")


@text_cache  # rules and readers strip the same paragraphs and headings
def strip_inline(markdown: str) -> str:
    """Plain text of inline Markdown: emphasis, code ticks, links, images and HTML removed."""
    text = markdown
    code_spans: list[str] = []
    if "`" in text:
        # Code is literal: park each span's content so HTML and emphasis stripping leave
        # `Fut<Output = T>` and `__init__` alone, and put it back at the end.
        def park(match: re.Match[str]) -> str:
            code_spans.append(match.group(2).strip())
            return f"\ue000{len(code_spans) - 1}\ue001"

        text = _INLINE_CODE.sub(park, text)
    if "<" in text:
        text = _HTML_COMMENT.sub("", text)
        text = _AUTOLINK.sub(lambda m: m.group(0)[1:-1], text)
        text = _HTML_TAG.sub("", text)
    if "[" in text:
        text = _IMAGE.sub(r"\1", text)
        text = _LINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        previous = None
        while previous != text:
            previous = text
            text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
    if "~~" in text:
        text = _STRIKE.sub(r"\1", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if code_spans:
        text = _PARKED_CODE.sub(lambda m: code_spans[int(m.group(1))], text)
    return " ".join(text.split())


def github_slug(text: str) -> str:
    """The anchor GitHub gives a heading with this (plain) text, before de-duplication.

    Lower-case; drop every character that is not a letter, mark, number, connector (`_`), hyphen
    or space; spaces become hyphens (as github-slugger does).
    """
    kept = []
    for char in text.lower():
        if char == " " or char == "-":
            kept.append("-" if char == " " else char)
            continue
        category = unicodedata.category(char)
        if category[0] in "LMN" or category == "Pc":
            kept.append(char)
    return "".join(kept)


class SlugRegistry:
    """Hands out GitHub anchors: the second `Intro` is `intro-1`, the third `intro-2`."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def slug(self, text: str) -> str:
        base = github_slug(text)
        slug = base
        while slug in self._seen:
            self._seen[base] += 1
            slug = f"{base}-{self._seen[base]}"
        self._seen[slug] = 0
        return slug


# --- prose ----------------------------------------------------------------------------------


class Prose(Record):
    """A run of text a reader sees: a paragraph (list items' text included), a table cell or a
    heading, with the section it stands in. Code blocks and HTML are never prose."""

    __slots__ = ("section", "kind", "segments", "block")

    def __init__(self, section: Section, kind: str, segments: list[TextSegment], block: object) -> None:
        self.section = section
        self.kind = kind  # "paragraph", "table-cell" or "heading"
        self.segments = segments
        self.block = block  # the Paragraph, TableCell or Heading


_prose_of: weakref.WeakKeyDictionary[Document, tuple[Prose, ...]] = weakref.WeakKeyDictionary()


def iter_prose(document: Document) -> Iterator[Prose]:
    """Every piece of prose in `document`, in document order (found once per document: most rules
    read it, and walking the nested blocks again for each cost more than their searches)."""
    prose = _prose_of.get(document)
    if prose is None:
        prose = _prose_of[document] = tuple(_find_prose(document))
    return iter(prose)


def _find_prose(document: Document) -> Iterator[Prose]:
    for section in document.root.walk():
        if section.heading is not None:
            yield Prose(section, "heading", list(section.heading.segments), section.heading)
        for block in iter_nested(section.blocks):
            if isinstance(block, Paragraph):
                yield Prose(section, "paragraph", block.segments, block)
            elif isinstance(block, Table):
                for row in [block.header, *block.rows]:
                    for cell in row:
                        yield Prose(section, "table-cell", cell.segments, cell)


# --- word lists -------------------------------------------------------------------------------


class WordListPattern:
    """A regular expression made of many alternatives (a word list), compiled per text from only
    the alternatives that can match it.

    Python's `re` compiles a 100-term alternation slowly and tries every term at every position of
    a long text. Most terms of a list never occur in a given document, so this asks first which of
    each term's literal pieces (lower-cased, from `pieces`) occur in the text at all, and compiles
    (`build`, once per distinct set) the alternation of the remaining terms, in their original
    order. Removing alternatives that cannot match anywhere does not change what the others match,
    so matches are those of the whole alternation, as `re.Match` objects of the smaller pattern.
    A term whose `pieces` is None (a raw regular expression) is always kept.
    """

    def __init__(
        self,
        terms: Sequence[str],
        build: Callable[[tuple[str, ...]], Pattern[str] | None],
        pieces: Callable[[str], tuple[str, ...] | None],
    ) -> None:
        self.terms = tuple(terms)
        self._build = build
        self._needs = [(term, pieces(term)) for term in self.terms]
        self._all_pieces = sorted({piece for _, needed in self._needs if needed for piece in needed})
        self._compiled: dict[tuple[str, ...], Pattern[str] | None] = {}

    def _pattern_for(self, text: str) -> Pattern[str] | None:
        lowered = _lowered_for_search(text)
        present = {piece for piece in self._all_pieces if piece in lowered}
        chosen = tuple(term for term, needed in self._needs if needed is None or present.issuperset(needed))
        if chosen not in self._compiled:
            if len(self._compiled) > 512:  # a bound for servers that run for days
                self._compiled.clear()
            self._compiled[chosen] = self._build(chosen) if chosen else None
        return self._compiled[chosen]

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern = self._pattern_for(text)
        return pattern.search(text, pos, endpos) if pattern is not None else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern = self._pattern_for(text)
        return pattern.match(text, pos, endpos) if pattern is not None else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        pattern = self._pattern_for(text)
        return pattern.finditer(text, pos, endpos) if pattern is not None else iter(())

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        pattern = self._pattern_for(text)
        return pattern.findall(text, pos, endpos) if pattern is not None else []

    @property
    def full(self) -> Pattern[str] | None:
        """The whole alternation (compiled on first use)."""
        if self.terms not in self._compiled:
            self._compiled[self.terms] = self._build(self.terms)
        return self._compiled[self.terms]

    def __getattr__(self, name: str) -> Any:  # `.pattern`, `.flags`, `.sub`...: the whole alternation
        if name.startswith("_") or name in ("terms", "full"):
            raise AttributeError(name)
        return getattr(self.full, name)


def _lowered_for_search(text: str) -> str:
    """`text` lower-cased so that a lower-case ASCII piece occurs in it wherever `re.IGNORECASE`
    could match it: "İ" lowers to "i" plus a dot, and `re` also folds "ı" to "i" and "ſ" to "s"."""
    lowered = text.lower()
    if not lowered.isascii():
        lowered = lowered.replace("i\u0307", "i").replace("\u0131", "i").replace("\u017f", "s")
    return lowered


def literal_pieces(term: str, separators: str = r"[\s*]+") -> tuple[str, ...] | None:
    """The lower-case literal pieces every match of a plain word-list term contains (split at white
    space and at `*` wildcards), or None when the term is not plain ASCII (then it is always tried)."""
    if not term.isascii():
        return None
    pieces = tuple(piece for piece in compile_pattern(separators).split(term.lower()) if piece)
    return pieces or None


class LiteralGroup:
    """A tuple of patterns searched together in a few pieces (those a reader picked, such as the
    pieces holding a number): `patterns_to_search_alone` and `find_all_alone` of each, with one
    substring test per distinct literal of the group instead of one literal test per pattern and
    another per search. The same patterns, matches and spans, in the same order."""

    __slots__ = ("patterns", "_literals", "_distinct")

    def __init__(self, patterns: Sequence[Any]) -> None:
        self.patterns = tuple(patterns)
        self._literals = [_literals_of(pattern) for pattern in self.patterns]
        #: by folded or not: every distinct literal of the group's patterns
        self._distinct = {folded: tuple(sorted({literal for each in self._literals if each is not None and each[1] is folded
                                                for literal in each[0]})) for folded in (False, True)}

    def patterns_in(self, segments: Iterable[TextSegment], visible_only: bool = True) -> list[Any]:
        """`patterns_to_search_alone(self.patterns, segments, visible_only)`."""
        return self._patterns_in(_joined_segments(segments), visible_only)

    def _patterns_in(self, joined: _Joined, visible_only: bool) -> list[Any]:
        if not joined.offsets:
            return []
        present: set[str] = set()
        for folded in (False, True):
            distinct = self._distinct[folded]
            if distinct:
                searched = joined.lowered(visible_only) if folded else joined.searched(visible_only)
                present.update(literal for literal in distinct if literal in searched)
        return [pattern for pattern, literals in zip(self.patterns, self._literals)
                if literals is None or not present.isdisjoint(literals[0])]

    def search(self, segments: Iterable[TextSegment],
               visible_only: bool = True) -> Iterator[tuple[Any, re.Match[str], Span]]:
        """Each pattern that may match (in the group's order), and `find_all_alone`'s matches of it."""
        joined = _joined_segments(segments)
        patterns = self._patterns_in(joined, visible_only)
        if not patterns:
            return
        text = joined.searched(visible_only)
        for pattern in patterns:
            for match, span in _matches(pattern.finditer(text), joined.offsets):
                yield pattern, match, span
