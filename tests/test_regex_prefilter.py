"""The literal pre-filter: a text that holds none of a pattern's required literals has no match.

`speclint.document.prefilter` lets `find_all` skip the search of a paragraph that cannot match.
These tests say what it reads off a pattern, and that on every pattern of the code base each
match found contains one of its literals (else a finding would be lost).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from speclint.document.model import TextSegment
from speclint.document.prefilter import lowered_for_search, may_match, required_literals
from speclint.document.text import find_all
import regex_steps

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_literal_run_is_required() -> None:
    assert required_literals(r"\bTBD\b") == (("TBD",), False)


def test_each_branch_of_an_alternation_gives_its_literal() -> None:
    assert required_literals(r"\b(?:TODO|FIXME)\b") == (("TODO", "FIXME"), False)


def test_an_optional_part_requires_nothing() -> None:
    assert required_literals(r"(?:draft)?\d+") is None


def test_a_branch_without_a_literal_makes_the_whole_alternation_require_nothing() -> None:
    assert required_literals(r"TBD|\d+") is None


def test_a_repeated_literal_requires_its_minimum_count() -> None:
    assert required_literals(r"_{3,}") == (("___",), False)


def test_a_short_bounded_repeat_joins_what_comes_before_and_after_it() -> None:
    # `[` alone would let every paragraph with a link through; "[X]", "[XX]" or "[XXX]" is rare.
    assert required_literals(r"\[(?:N|X{1,3})\]") == (("[N]", "[X]", "[XX]", "[XXX]"), False)


def test_a_small_character_class_multiplies_the_run() -> None:
    assert required_literals(r"20[xX]{2}") == (("20XX", "20Xx", "20xX", "20xx"), False)


def test_a_literal_that_contains_another_is_dropped() -> None:
    assert required_literals(r"(?:e\.g\.|e\.g\.,)") == (("e.g.",), False)


def test_case_insensitive_literals_are_compared_lower_cased() -> None:
    assert required_literals(r"\bplaceholder\b", re.I) == (("placeholder",), True)
    assert required_literals(r"(?i:Foo)Bar") == (("foobar",), True)


def test_lower_casing_folds_what_ignorecase_folds() -> None:
    literals = required_literals(r"kiss", re.I)
    for text in ("KISS", "\u212aISS", "K\u0130SS", "KI\u017f\u017f", "k\u0131ss"):
        assert re.search("kiss", text, re.I)
        assert may_match(literals, text), text


def test_a_text_without_the_literals_cannot_match() -> None:
    literals = required_literals(r"(?<!\w)TBD(?!\w)")
    assert not may_match(literals, "to be decided")
    assert may_match(literals, "owner: TBD")


def test_find_all_finds_the_same_matches_with_the_filter() -> None:
    segments = [TextSegment(3, 1, "Owner: ___ and TBD"), TextSegment(4, 3, "e.g. 30 days")]
    pattern = re.compile(r"_{3,}|\bTBD\b|e\.g\.")
    found = [(match.group(0), span.start.line, span.start.column) for match, span in find_all(pattern, segments)]
    assert found == [("___", 3, 8), ("TBD", 3, 16), ("e.g.", 4, 3)]


def _texts(source: regex_steps.PatternSource) -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.rglob("*.md"))]
    texts += [text for _, text in regex_steps.pathological_inputs(source.pattern, source.flags, size=12, limit=20)]
    return texts


@pytest.mark.parametrize("source", regex_steps.all_patterns(), ids=lambda source: source.where)
def test_every_match_of_a_pattern_of_the_code_base_contains_one_of_its_literals(
    source: regex_steps.PatternSource,
) -> None:
    literals = required_literals(source.pattern, source.flags)
    if literals is None:
        return  # always searched
    compiled = re.compile(source.pattern, source.flags)
    for text in _texts(source):
        for match in compiled.finditer(text):
            matched = match.group(0)
            assert may_match(literals, matched, lowered_for_search(matched)), (source.where, matched, literals)
