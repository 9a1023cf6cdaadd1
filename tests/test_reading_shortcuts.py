"""The shortcuts the readings take before stripping or searching a text answer as the full work does."""

from __future__ import annotations

import re

import pytest

from speclint.document.parser import parse
from speclint.document.model import TextSegment
from speclint.document.text import LiteralGroup, find_all_alone, patterns_to_search_alone, strip_inline
from speclint.reading.quantities import _STATEMENT_PATTERNS, tables
from speclint.reading.requirements import (
    _EARS_OPENER,
    _STORY_LABEL,
    _STORY_OPENER,
    _STORY_TEXT,
    EARS_KEYWORD,
    REQUIREMENT_ID,
    _has_content,
    is_ears_text,
    plain,
    plain_cannot_hold,
    plain_first_word,
)

TEXTS = [
    "As a buyer, I want saved cards",
    "as**a** buyer",
    "A**s** a buyer, I want saved cards",
    "Story 3: Merge carts. As a shopper, I want one cart",
    "WHEN the card is declined THE system SHALL show the reason",
    "Wh<b>en</b> the card is declined THE system SHALL show it",
    "PENDANT QUE la synchronisation THE system SHALL wait",
    "TBD",
    "Tb`d`",
    "n/a",
    "None",
    "Nonetheless it ships",
    "FR-001: Users MUST be able to pay",
    "Users must pay. See `FR`-2",
    "The sh_all_ word",
    "Plain words only, nothing to find",
    "ſtory 4 (long s)",
]


@pytest.mark.parametrize("text", TEXTS)
def test_plain_first_word_is_the_first_word_of_the_plain_text(text: str) -> None:
    first = plain_first_word(text)
    if first is not None:
        assert plain(text).startswith(first)
        assert not plain(text)[len(first):len(first) + 1].isalpha()


@pytest.mark.parametrize("text", TEXTS)
def test_a_first_word_no_opener_matches_rules_out_the_patterns(text: str) -> None:
    first = plain_first_word(text)
    if first is not None and not _EARS_OPENER.fullmatch(first):
        assert not EARS_KEYWORD.match(plain(text))
    if first is not None and not _STORY_OPENER.fullmatch(first):
        stripped = plain(text).lstrip(" *_")
        assert not _STORY_TEXT.match(stripped) and not _STORY_LABEL.match(stripped)


def test_ears_text_is_still_read_when_its_keyword_opens_it() -> None:
    assert is_ears_text("WHEN the card is declined THE system SHALL show the reason")
    assert is_ears_text("PENDANT QUE la synchronisation dure, le système DOIT attendre")
    assert not is_ears_text("Then the card is declined and the system SHALL show it")


# "Tb`d`": the code span joins "Tb" and "d" into "Tbd" once stripped
@pytest.mark.parametrize("text, expected", [("TBD", False), ("Tb`d`", False), ("n/a", False), ("None", False),
                                            ("Nonetheless it ships", True), ("Na", False), ("Nah, it ships", True)])
def test_content_test_answers_as_the_plain_text_does(text: str, expected: bool) -> None:
    assert _has_content(text) is expected
    stripped = plain(text).strip().lower()
    assert expected is (bool(stripped) and stripped not in {"-", "—", "–", "n/a", "na", "tbd", "todo", "none", "?"})


def test_plain_cannot_hold_needs_text_free_of_joining_marks() -> None:
    assert plain_cannot_hold("Plain words only", REQUIREMENT_ID)
    assert not plain_cannot_hold("Plain words FR-1", REQUIREMENT_ID)  # the literal is there
    # emphasis may join letters: "F**R**-1" is "FR-1" once stripped
    assert not plain_cannot_hold("See F**R**-1", REQUIREMENT_ID)
    assert REQUIREMENT_ID.search(strip_inline("See F**R**-1"))


def _segments(*lines: str) -> list[TextSegment]:
    return [TextSegment(number, 1, line) for number, line in enumerate(lines, start=1)]


PIECES = [
    _segments("Reset links expire after 7 days."),
    _segments("The session timeout is 30 minutes; retried up to 3 times.", "A fee of 1.5% applies."),
    _segments("Attachments of up to 25 MB, kept for 14 days (`ttl` 3600)."),
    _segments("Nothing measured here, 42 words."),
    _segments("RETAINED FOR 90 DAYS in the hot tier"),
    _segments(""),
]


@pytest.mark.parametrize("segments", PIECES)
def test_literal_group_gives_the_patterns_and_matches_of_each_pattern_alone(segments: list[TextSegment]) -> None:
    group = LiteralGroup(_STATEMENT_PATTERNS)
    assert group.patterns_in(segments) == patterns_to_search_alone(_STATEMENT_PATTERNS, segments)
    expected = [(pattern, match.group(0), span) for pattern in patterns_to_search_alone(_STATEMENT_PATTERNS, segments)
                for match, span in find_all_alone(pattern, segments)]
    assert [(pattern, match.group(0), span) for pattern, match, span in group.search(segments)] == expected


def test_literal_group_keeps_patterns_without_literals() -> None:
    anything = re.compile(r"\d")
    group = LiteralGroup((anything,))
    assert group.patterns_in(_segments("no digit")) == [anything]


def test_tables_lists_every_table_with_its_section_in_order() -> None:
    document = parse("# Doc\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## Limits\n\n- item\n\n  | c | d |\n  |---|---|\n  | 3 | 4 |\n",
                     "doc.md")
    found = tables(document)
    assert [section.title for section, _ in found] == ["Doc", "Limits"]
    assert [table.columns for _, table in found] == [["a", "b"], ["c", "d"]]
