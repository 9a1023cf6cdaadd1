"""`find_all` on a document with many pieces: the literal test is done for all of them at once.

Once a document has enough pieces of text, a pattern's required literals are looked for in all the
pieces listed so far in one pass (`speclint.document.text`'s literal index) instead of piece by
piece. These tests say that the matches are the same as a search of each piece on its own: in the
first, the last and every other piece, at a piece's edges, for pieces listed after the index was
made, case-insensitive patterns, and across documents.
"""

from __future__ import annotations

import re

from speclint.document import text as text_module
from speclint.document.model import TextSegment
from speclint.document.parser import parse
from speclint.document.text import find_all, iter_prose, searched_text

MANY = 3 * text_module._INDEX_FROM  # pieces: more than enough for an index


def _matches(pattern: re.Pattern[str], segments: list[TextSegment]) -> list[tuple[str, int, int]]:
    return [(match.group(0), span.start.line, span.start.column) for match, span in find_all(pattern, segments)]


def _one_by_one(pattern: re.Pattern[str], segments: list[TextSegment]) -> list[str]:
    """The matches of a plain search of the piece's searched text (no filter, no index)."""
    return [match.group(0) for match in pattern.finditer(searched_text(segments))]


def _document(paragraphs: list[str], listed: bool = True) -> list[list[TextSegment]]:
    """The paragraphs' segments; `listed`: each already read once, as the rules before do."""
    document = parse("\n\n".join(paragraphs) + "\n", "many.md")
    pieces = [piece.segments for piece in iter_prose(document) if piece.kind == "paragraph"]
    for segments in pieces if listed else ():
        searched_text(segments)
    return pieces


def test_every_piece_that_holds_the_literal_is_searched_and_no_other_gives_a_match() -> None:
    paragraphs = [f"Paragraph {n} is plain." for n in range(MANY)]
    for where in (0, 5, MANY // 2, MANY - 1):
        paragraphs[where] = f"Owner: TBD, paragraph {where}."
    pieces = _document(paragraphs, listed=False)  # listed one by one as they are searched
    pattern = re.compile(r"\bTBD\b")
    for pieces_order in (pieces, pieces[::-1]):
        for segments in pieces_order:
            assert [found for found, _, _ in _matches(pattern, segments)] == _one_by_one(pattern, segments)
    found_in = [index for index, segments in enumerate(pieces) if _matches(pattern, segments)]
    assert found_in == [0, 5, MANY // 2, MANY - 1]


def test_a_literal_at_the_start_or_the_end_of_a_piece_is_found_at_its_line_and_column() -> None:
    paragraphs = ["TBD opens this one."] + [f"Filler {n}." for n in range(MANY)] + ["This one ends with TBD"]
    pieces = _document(paragraphs)
    pattern = re.compile(r"\bTBD\b")
    assert _matches(pattern, pieces[0]) == [("TBD", 1, 1)]
    last = pieces[-1]
    assert _matches(pattern, last) == [("TBD", last[0].line, 20)]


def test_a_case_insensitive_pattern_finds_its_literal_in_any_case() -> None:
    paragraphs = [f"Filler {n}." for n in range(MANY)] + ["Decision: To Be Decided later."]
    pieces = _document(paragraphs)
    pattern = re.compile(r"\bto be decided\b", re.IGNORECASE)
    assert [_matches(pattern, segments) for segments in pieces[-2:]] == [[], [("To Be Decided", MANY * 2 + 1, 11)]]


def test_a_piece_listed_after_the_index_was_made_is_still_searched() -> None:
    pieces = _document([f"Filler {n}." for n in range(MANY)])
    pattern = re.compile(r"\bTBD\b")
    assert not any(_matches(pattern, segments) for segments in pieces)  # the index holds these pieces
    later = [TextSegment(900, 3, "Owner: TBD")]
    assert _matches(pattern, later) == [("TBD", 900, 10)]


def test_text_inside_code_is_masked_as_for_a_piece_searched_alone() -> None:
    paragraphs = [f"Filler {n}." for n in range(MANY)] + ["Call `TBD()` here.", "Owner: TBD."]
    pieces = _document(paragraphs)
    pattern = re.compile(r"\bTBD\b")
    assert _matches(pattern, pieces[-2]) == []
    assert [found for found, _, _ in _matches(pattern, pieces[-2], )] == _one_by_one(pattern, pieces[-2])
    assert len(_matches(pattern, pieces[-1])) == 1
    assert len(list(find_all(pattern, pieces[-2], visible_only=False))) == 1  # the code itself, when asked


def test_the_next_document_is_indexed_afresh() -> None:
    pattern = re.compile(r"\bTBD\b")
    first = _document([f"Filler {n}." for n in range(MANY)])
    assert not any(_matches(pattern, segments) for segments in first)
    second = _document([f"Owner {n}: TBD." for n in range(MANY)])
    assert all(len(_matches(pattern, segments)) == 1 for segments in second)


def test_each_of_a_long_list_of_literals_is_found() -> None:
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
    paragraphs = [f"Filler {n}." for n in range(MANY)]
    for where, word in zip(range(0, MANY, MANY // len(words)), words):
        paragraphs[where] = f"Filler {where} with {word}."
    pieces = _document(paragraphs)
    pattern = re.compile(r"\b(?:" + "|".join(words) + r")\b")
    found = [match[0] for segments in pieces for match in _matches(pattern, segments)]
    assert found == words


def test_literals_that_start_with_capitals_or_signs_are_found_in_every_piece_that_holds_one() -> None:
    # (such lists are looked for by one search of their alternation, not one pass per literal)
    slots = ["[NAME]", "[CITY]", "$__", "€XX", "Q? 2025"]  # eight literals: "[NAME]", "[CITY]", "$__", "$XX"...
    paragraphs = [f"Filler {n} says NAM and CIT, $ 5 and Q." for n in range(MANY)]
    wheres = list(range(1, MANY, MANY // len(slots)))
    for where, slot in zip(wheres, slots):
        paragraphs[where] = f"Filler {where} holds {slot} and {slot} again."
    paragraphs[wheres[0] + 1] = "Two at once: [CITY] then $__."
    pieces = _document(paragraphs)
    pattern = re.compile(r"\[(?:NAME|CITY)\]|[$€£](?:__|XX)|Q\?\s\d{4}")
    assert text_module._by_alternation(text_module._literals_of(pattern)[0])
    for segments in pieces:
        assert [found for found, _, _ in _matches(pattern, segments)] == _one_by_one(pattern, segments)
    found = [match[0] for segments in pieces for match in _matches(pattern, segments)]
    assert found == ["[NAME]", "[NAME]", "[CITY]", "$__", "[CITY]", "[CITY]", "$__", "$__", "€XX", "€XX",
                     "Q? 2025", "Q? 2025"]


def test_literals_that_start_with_lower_case_letters_are_looked_for_one_by_one() -> None:
    assert not text_module._by_alternation(("tbd", "tbc", "[x]"))
    assert not text_module._by_alternation((" section", "§"))
    assert not text_module._by_alternation(("API", "§"))  # too few to be worth it
    assert text_module._by_alternation(("[N]", "[X]", "??", "Q?", "H?", "{{", "___", "19", "Apr"))


# --- several patterns asked about at once (`patterns_to_search`) --------------------------------

_GROUP = (re.compile(r"\bTBD\b"), re.compile(r"\btimeout\b", re.IGNORECASE), re.compile(r"\d+ ms"))


def _searched_by_each(patterns: tuple[re.Pattern[str], ...], segments: list[TextSegment]) -> list[re.Pattern[str]]:
    """The patterns that match the piece when each is searched alone, in order."""
    return [pattern for pattern in patterns if _one_by_one(pattern, segments)]


def test_the_patterns_to_search_in_a_piece_are_those_that_match_it_in_their_order() -> None:
    paragraphs = [f"Filler {n}." for n in range(MANY)]
    paragraphs[3] = "Owner: TBD, the Timeout is 30 ms."
    paragraphs[MANY // 2] = "A 250 ms TIMEOUT."
    paragraphs[MANY - 1] = "Still TBD."
    pieces = _document(paragraphs)
    for segments in pieces:
        searched = list(text_module.patterns_to_search(_GROUP, segments))
        assert set(_searched_by_each(_GROUP, segments)) <= set(searched)
        assert searched == [pattern for pattern in _GROUP if pattern in searched]  # the group's order
    assert list(text_module.patterns_to_search(_GROUP, pieces[3])) == list(_GROUP)
    assert list(text_module.patterns_to_search(_GROUP, pieces[MANY // 2])) == list(_GROUP[1:])
    assert list(text_module.patterns_to_search(_GROUP, pieces[0])) == []


def test_a_pattern_without_literals_is_searched_in_every_piece() -> None:
    anything = re.compile(r"[A-Z]\w+")
    pieces = _document([f"Filler {n}." for n in range(MANY)] + ["Owner: TBD."])
    assert list(text_module.patterns_to_search((_GROUP[0], anything), pieces[0])) == [anything]
    assert list(text_module.patterns_to_search((_GROUP[0], anything), pieces[-1])) == [_GROUP[0], anything]


def test_a_piece_no_index_covers_is_tested_alone_with_the_same_answer() -> None:
    pieces = _document([f"Filler {n}." for n in range(MANY)], listed=False)
    for segments in pieces:  # listed as they are asked about: the first ones before any index
        assert list(text_module.patterns_to_search(_GROUP, segments)) == []
    later = [TextSegment(900, 3, "Owner: TBD, a 30 ms TIMEOUT")]  # listed after the index was made
    assert list(text_module.patterns_to_search(_GROUP, later)) == list(_GROUP)
    few = _document(["Owner: TBD.", "Plain text."])  # too few pieces for an index
    assert [list(text_module.patterns_to_search(_GROUP, segments)) for segments in few] == [[_GROUP[0]], []]


def test_find_all_alone_gives_the_matches_and_spans_of_find_all() -> None:
    paragraphs = [f"Paragraph {n} is plain." for n in range(MANY)]
    paragraphs[7] = "Owner: `TBD` in code, then TBD in prose."
    paragraphs[MANY - 2] = "tbd in lower case, and TBD"
    pieces = _document(paragraphs)
    for pattern in (re.compile(r"\bTBD\b"), re.compile(r"\btbd\b", re.I)):
        for segments in pieces:
            alone = [(match.group(0), span) for match, span in text_module.find_all_alone(pattern, segments)]
            assert alone == [(match.group(0), span) for match, span in find_all(pattern, segments)]
    assert [match.group(0) for match, _ in text_module.find_all_alone(re.compile(r"\bTBD\b"), pieces[7])] == ["TBD"]


def test_patterns_to_search_alone_keeps_the_patterns_a_piece_holds_the_literals_of() -> None:
    pieces = _document([f"Paragraph {n} is plain." for n in range(MANY)] + ["A TBD and a TODO."])
    patterns = (re.compile(r"\bTBD\b"), re.compile(r"\bFIXME\b"), re.compile(r"\bTODO\b"))
    assert text_module.patterns_to_search_alone(patterns, pieces[-1]) == [patterns[0], patterns[2]]
    assert text_module.patterns_to_search_alone(patterns, pieces[0]) == []
