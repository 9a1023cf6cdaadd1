"""The caches and shortcuts of the shared text machinery (issue 15) answer as the full work does:
a statement's kept text, `requirement_shape` answered once per statement, a record's equality field by
field, a document's listed sections, the section walk, and `patterns_to_search` on a small document."""

from __future__ import annotations

import math
import re

import pytest

from speclint.document.model import Position, Section, Span, TextSegment
from speclint.document.parser import parse
from speclint.document.text import _holds_literals, _joined_segments, find_all, join_segments, patterns_to_search
from speclint.reading.normative import Statement, statements
from speclint.reading.wording import _requirement_shape, requirement_shape

PRODUCT = """# Checkout

## Problem

Buyers abandon carts when paying takes too long.

## Features

- Saving a card is fast and intuitive
- **R3.** The page loads quickly

**Requirements:**

- Payment is seamless
  - Refunds are simple

### FR-1: Search

Search results appear instantly.

## FAQ

A: Refunds arrive instantly.

| ID | Requirement |
|---|---|
| FR-2 | An intuitive card screen |
"""


def _recursive_walk(section: Section) -> list[Section]:
    found = [section]
    for child in section.children:
        found.extend(_recursive_walk(child))
    return found


# --- a statement's text ------------------------------------------------------------------------------


def test_a_statements_text_is_its_segments_joined() -> None:
    for statement in statements(parse(PRODUCT, "product.md")):
        assert statement.text == join_segments(statement.segments)[0]


def test_a_statement_with_other_segments_has_their_text() -> None:
    statement = statements(parse(PRODUCT, "product.md"))[0]
    assert statement.text  # kept on the statement
    copy = statement.replace(segments=[TextSegment(3, 1, "Other words"), TextSegment(4, 1, "on two lines")])
    assert copy.text == "Other words\non two lines"
    assert statement.text == join_segments(statement.segments)[0]


def test_a_statements_text_follows_its_segments_changed_in_place() -> None:
    segments = [TextSegment(1, 1, "First line")]
    statement = Statement(Section(None, 0, "", Span.point(1)), segments, "paragraph", None, False, False)
    assert statement.text == "First line"
    segments.append(TextSegment(2, 1, "second line"))
    assert statement.text == "First line\nsecond line"
    segments[-1] = TextSegment(2, 1, "another line")
    assert statement.text == "First line\nanother line"


def test_a_document_parsed_twice_gives_each_statement_its_own_text() -> None:
    first = statements(parse(PRODUCT, "product.md"))
    second = statements(parse(PRODUCT.replace("instantly", "at once"), "product.md"))
    assert [statement.text for statement in first] == [join_segments(each.segments)[0] for each in first]
    assert [statement.text for statement in second] == [join_segments(each.segments)[0] for each in second]
    assert any("instantly" in statement.text for statement in first)
    assert not any("instantly" in statement.text for statement in second)


# --- requirement_shape ---------------------------------------------------------------------------------


@pytest.mark.parametrize("proposal", [False, True])
def test_requirement_shape_answers_as_worked_out_afresh(proposal: bool) -> None:
    found = statements(parse(PRODUCT, "product.md"))
    answers = [requirement_shape(statement, proposal) for statement in found]
    assert answers == [_requirement_shape(statement, proposal) for statement in found]
    assert answers == [requirement_shape(statement, proposal) for statement in found]  # asked again
    assert True in answers and False in answers


def test_requirement_shape_keeps_its_answers_apart_by_proposal() -> None:
    found = statements(parse(PRODUCT, "product.md"))
    feature_item = next(statement for statement in found if statement.text.startswith("Saving a card"))
    assert requirement_shape(feature_item, False) is True  # an item of a product document's feature list
    assert requirement_shape(feature_item, True) is False  # not in a design proposal
    assert requirement_shape(feature_item, False) is True


def test_a_copy_of_a_statement_works_out_its_own_shape() -> None:
    found = statements(parse(PRODUCT, "product.md"))
    labelled = next(statement for statement in found if statement.text.startswith("**R3.**"))
    assert requirement_shape(labelled, True) is True
    copy = labelled.replace(segments=[TextSegment(1, 1, "The page loads quickly")])
    assert requirement_shape(copy, True) is _requirement_shape(copy, True)


# --- records ---------------------------------------------------------------------------------------------


def test_record_equality_is_that_of_their_fields_as_tuples() -> None:
    nan = math.nan
    pairs = [
        (TextSegment(1, 2, "a"), TextSegment(1, 2, "a")),
        (TextSegment(1, 2, "a"), TextSegment(1, 2, "b")),
        (TextSegment(1, 2, "a"), TextSegment(2, 2, "a")),
        (Span.of(1, 1, 1, 4), Span.of(1, 1, 1, 4)),
        (Span.of(1, 1, 1, 4), Span.of(1, 1, 2, 4)),
    ]
    for first, second in pairs:
        assert (first == second) == (first._values() == second._values())
        assert (first != second) == (first._values() != second._values())
    same = TextSegment(1, nan, "x")  # type: ignore[arg-type]
    assert same == TextSegment(1, nan, "x")  # the same NaN object: equal, as in a tuple
    assert (TextSegment(1, float("nan"), "x") == TextSegment(1, float("nan"), "x")) == (  # type: ignore[arg-type]
        (1, float("nan"), "x") == (1, float("nan"), "x"))
    assert TextSegment(1, 1, "a") != Position(1, 1)


# --- sections ----------------------------------------------------------------------------------------------


def test_walk_gives_the_sections_in_document_order() -> None:
    text = "# A\n\n## B\n\n### C\n\n#### D\n\n## E\n\n### F\n\n# G\n\n## H\n"
    document = parse(text, "deep.md")
    walked = list(document.root.walk())
    assert walked == _recursive_walk(document.root)
    assert [section.title for section in walked] == ["", "A", "B", "C", "D", "E", "F", "G", "H"]
    inner = walked[2]
    assert list(inner.walk()) == _recursive_walk(inner)


def test_walk_of_a_section_without_children_is_the_section() -> None:
    section = Section(None, 0, "", Span.point(1))
    assert list(section.walk()) == [section]


def test_sections_are_the_headed_sections_walked() -> None:
    document = parse(PRODUCT, "product.md")
    expected = [section for section in _recursive_walk(document.root) if section.heading is not None]
    assert list(document.sections()) == expected
    assert list(document.sections()) == expected  # listed once, asked twice


def test_sections_follow_a_replaced_root() -> None:
    document = parse(PRODUCT, "product.md")
    assert [section.title for section in document.sections()][:2] == ["Checkout", "Problem"]
    document.root = parse("# Other\n\n## Part\n", "other.md").root
    assert [section.title for section in document.sections()] == ["Other", "Part"]


# --- patterns_to_search on a small document (no literal index) -------------------------------------------

PATTERNS = (
    re.compile(r"\bTBD\b"),
    re.compile(r"\b(?:lorem|ipsum|foo|bar|baz|qux|quux|corge|grault)\b", re.I),  # many literals: an alternation
    re.compile(r"\bstory\b", re.I),  # folded: "ſtory" and "STORY" hold it
    re.compile(r"\bistanbul\b", re.I),  # "İstanbul" lowers to "i" plus a dot
    re.compile(r"[A-Z]{2}-\d+"),  # no literal: searched everywhere
    re.compile(r"`x`"),  # only inside a code span: masked
)

SMALL = """# Notes

TBD: the ſtory of `x` and İSTANBUL.

Lorem IPSUM, then FR-12.

Nothing here at all.

| A | B |
|---|---|
| tbd | a STORY |
"""


@pytest.mark.parametrize("visible_only", [True, False])
def test_patterns_to_search_on_a_small_document_keeps_every_pattern_that_finds_something(visible_only: bool) -> None:
    from speclint.document.text import iter_prose

    document = parse(SMALL, "small.md")
    pieces = [prose.segments for prose in iter_prose(document)]
    kept_somewhere = set()
    for segments in pieces:
        kept = list(patterns_to_search(PATTERNS, segments, visible_only))
        joined = _joined_segments(segments)
        assert kept == [pattern for pattern in PATTERNS if _holds_literals(joined, pattern, visible_only)]
        for pattern in PATTERNS:
            if list(find_all(pattern, segments, visible_only)):
                assert pattern in kept
        kept_somewhere.update(kept)
    assert PATTERNS[2] in kept_somewhere and PATTERNS[3] in kept_somewhere
    assert (PATTERNS[5] in kept_somewhere) is not visible_only
