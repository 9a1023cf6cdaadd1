"""speclint.reading.normative: which text commits to something, and requirement IDs."""

from conftest import parse_md

from speclint.reading.normative import has_quantity, is_normative, leading_id, normative_statements, requirement_ids


def titles_of_normative_sections(text: str) -> list[str]:
    return [section.title for section in parse_md(text).sections() if is_normative(section)]


def test_requirement_sections_and_their_subsections_are_normative() -> None:
    text = """
    # Saved carts

    ## Overview
    ## Requirements
    ### Functional requirements
    ### Rationale
    ## Acceptance criteria
    ### Requirement 3: Sharing
    """
    assert titles_of_normative_sections(text) == [
        "Requirements", "Functional requirements", "Acceptance criteria", "Requirement 3: Sharing",
    ]


def test_a_title_heading_alone_does_not_make_everything_normative() -> None:
    text = """
    # Requirements document
    ## Introduction
    """
    assert titles_of_normative_sections(text) == []


def test_statements_outside_requirements_need_an_id_or_a_keyword() -> None:
    text = """
    ## Design

    The cache is warmed at start-up.

    The cache MUST be warmed before the first request.

    - FR-009: Cached entries expire after 10 minutes.

    - As an operator, I want a warm cache so that p95 stays low.
    """
    assert [statement.text[:12] for statement in normative_statements(parse_md(text))] == [
        "The cache MU", "FR-009: Cach",
    ]


def test_leading_id_needs_a_delimiter_or_a_statement_after_it() -> None:
    assert leading_id("**FR-001**: Users can export") == "FR-001"
    assert leading_id("FR-001 The system exports") == "FR-001"
    assert leading_id("[NFR-2] Latency") == "NFR-2"
    assert leading_id("FR-003 and FR-004 are related") is None
    assert leading_id("UTF-8 is the encoding") is None


def test_requirement_ids_mark_definitions_and_references() -> None:
    text = """
    - **FR-001**: Export as CSV.
    - **FR-002**: Email large exports (see FR-001).
    """
    occurrences = [(occurrence.requirement_id, occurrence.defines) for occurrence in requirement_ids(parse_md(text))]
    assert occurrences == [("FR-001", True), ("FR-002", True), ("FR-001", False)]


def test_quantities_ignore_requirement_ids() -> None:
    assert has_quantity("p95 under 300 ms")
    assert has_quantity("within a minute")
    assert has_quantity("reviewed weekly")
    assert not has_quantity("SC-003: users understand the error")
