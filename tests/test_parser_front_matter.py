"""YAML front matter: loaded with each key's and value's position; broken YAML is a finding."""

from __future__ import annotations

from conftest import lint_with, md, spans

from speclint.document.model import Position, ThematicBreak
from speclint.document.parser import parse

SPEC = md(
    """
    ---
    title: Checkout redesign
    status: draft
    owners:
      - ana@example.com
      - li@example.com
    review:
      due: 2026-03-01
    ---
    # Checkout redesign
    """
)


def test_front_matter_is_loaded_in_order_and_the_body_follows_it() -> None:
    document = parse(SPEC)
    front_matter = document.front_matter
    assert front_matter is not None and front_matter.error is None
    assert list(front_matter.data) == ["title", "status", "owners", "review"]
    assert (front_matter.span.start, front_matter.span.end) == (Position(1, 1), Position(9, 4))
    [section] = document.sections()
    assert section.heading.span.start == Position(10, 1)


def test_key_and_value_positions_in_the_source() -> None:
    front_matter = parse(SPEC).front_matter
    assert front_matter.key_position("status") == Position(3, 1)
    assert front_matter.value_position("status") == Position(3, 9)
    assert front_matter.key_position("owners", 1) == Position(6, 5)
    assert front_matter.key_position("review", "due") == Position(8, 3)
    assert front_matter.value_position("review", "due") == Position(8, 8)


def test_positions_of_missing_keys_are_none() -> None:
    front_matter = parse(SPEC).front_matter
    assert front_matter.key_position("reviewers") is None
    assert front_matter.key_position("owners", 5) is None
    assert front_matter.key_position("title", "nested") is None


def test_broken_yaml_is_an_error_at_the_key_missing_its_colon() -> None:
    text = """
    ---
    title: Checkout redesign
    status draft
    owner: ana
    ---
    # Checkout
    """
    document = parse(md(text))
    assert document.front_matter.data is None
    assert document.front_matter.error.position == Position(3, 1)
    [finding] = lint_with("front-matter-syntax", text)
    assert spans([finding]) == [(3, 1)]
    assert "invalid YAML" in finding.message
    assert [section.title for section in document.sections()] == ["Checkout"]


def test_broken_yaml_points_at_a_bad_indentation() -> None:
    text = """
    ---
    title: Checkout
      status: draft
    ---
    """
    assert spans(lint_with("MD001", text)) == [(3, 9)]


def test_unclosed_quote_points_at_where_the_quote_opens() -> None:
    text = """
    ---
    title: "Checkout
    ---
    """
    assert spans(lint_with("MD001", text)) == [(2, 8)]


def test_duplicate_key_is_reported_at_the_second_key() -> None:
    text = """
    ---
    status: draft
    status: approved
    ---
    """
    [finding] = lint_with("MD001", text)
    assert spans([finding]) == [(3, 1)]
    assert "duplicate key" in finding.message


def test_valid_front_matter_has_no_finding() -> None:
    assert lint_with("MD001", SPEC) == []


def test_empty_front_matter_loads_as_nothing() -> None:
    document = parse("---\n---\n# Title\n")
    assert document.front_matter is not None
    assert document.front_matter.data is None and document.front_matter.error is None


def test_a_dashes_line_without_a_closing_one_is_a_thematic_break() -> None:
    document = parse("---\nNot front matter.\n")
    assert document.front_matter is None
    assert isinstance(document.preamble[0], ThematicBreak)


def test_dashes_below_the_first_line_are_not_front_matter() -> None:
    document = parse("\n---\ntitle: x\n---\n")
    assert document.front_matter is None
