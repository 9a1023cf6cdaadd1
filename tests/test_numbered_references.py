"""TR005 undefined-numbered-reference and TR006 undefined-section-reference: references past the
end of a series the document defines."""

from __future__ import annotations

from conftest import lint_with, spans

# --- TR005: short IDs ----------------------------------------------------------------------------


def test_a_short_id_past_the_end_of_a_requirements_table_is_flagged() -> None:
    text = """
    | ID | Requirement |
    |----|-------------|
    | R1 | Export a report as CSV. |
    | R2 | Email exports over 10 MB as a link (R7). |
    """
    findings = lint_with("TR005", text)
    assert spans(findings) == [(4, 44)]
    assert "R7" in findings[0].message and "R2" in findings[0].message


def test_a_decision_past_the_last_labelled_decision_is_flagged() -> None:
    text = """
    ## Decisions

    - **D1**: Store exports in object storage.
    - **D2**: Sign links for 7 days.
    - **D3**: Keep CSV only; revisit with D4.
    """
    assert spans(lint_with("TR005", text)) == [(5, 39)]


def test_short_ids_defined_by_headings_count() -> None:
    text = """
    ### G1: Faster exports
    ### G2: Fewer support tickets

    Both serve G3.
    """
    assert spans(lint_with("TR005", text)) == [(4, 12)]


def test_references_inside_the_series_and_gaps_are_not_flagged() -> None:
    text = """
    | ID | Requirement |
    |----|-------------|
    | R1 | Export a report as CSV. |
    | R3 | Email large exports (see R1 and R3). |
    """
    assert lint_with("TR005", text) == []


def test_a_product_name_is_not_a_reference() -> None:
    text = """
    | ID | Requirement |
    |----|-------------|
    | R1 | Photos from the Canon R7 import without loss. |
    | R2 | Imports keep the camera's metadata. |
    """
    assert lint_with("TR005", text) == []


def test_a_document_that_defines_no_series_is_not_read() -> None:
    assert lint_with("TR005", "This plan implements R7 and D4 of the spec.\n") == []


def test_quarters_priorities_and_heading_levels_are_not_series() -> None:
    text = """
    - **Q1**: Ship the beta.
    - **Q2**: Ship GA; the rest waits for Q3 '26.
    - **P0**: Exports. **P1**: Imports; P3 later.
    """
    assert lint_with("TR005", text) == []


def test_a_line_about_a_removed_item_is_a_note() -> None:
    text = """
    - **R1**: Export a report as CSV.
    - **R2**: Email large exports. R3 was removed in review.
    """
    assert lint_with("TR005", text) == []


# --- TR005: labelled items -----------------------------------------------------------------------


def test_a_requirement_number_past_the_last_requirement_heading_is_flagged() -> None:
    text = """
    ### Requirement 1: Export

    #### Acceptance Criteria

    1. WHEN the user exports, THE system SHALL write CSV (see Requirement 9).

    ### Requirement 2: Links
    """
    findings = lint_with("TR005", text)
    assert spans(findings) == [(5, 59)]
    assert "Requirement 9" in findings[0].message


def test_a_kiro_criterion_reference_names_its_requirement() -> None:
    text = """
    ### Requirement 1: Export
    ### Requirement 2: Links

    Links follow Requirements 1.2 and 4.1.
    """
    findings = lint_with("TR005", text)
    assert spans(findings) == [(4, 14)]
    assert "Requirement 4.1" in findings[0].message


def test_a_requirement_of_another_document_is_not_flagged() -> None:
    text = """
    ### Requirement 1: Export
    ### Requirement 2: Links

    Card data is handled as PCI DSS Requirement 9 asks, and as Requirement 12 of the platform spec.
    Storage follows the `storage` spec's Requirement 5 and reuses its Requirement 7.
    """
    assert lint_with("TR005", text) == []


def test_headings_define_labelled_items_and_never_refer() -> None:
    text = """
    #### User Story 1
    #### User Story 2
    #### Non-goal Story 3
    """
    assert lint_with("TR005", text) == []


# --- TR006 ------------------------------------------------------------------------------------------


SECTIONED = """
## 1. Goals
## 2. Design
### 2.1 Storage
### 2.2 Links

{line}
"""


def test_a_section_number_no_heading_has_is_flagged() -> None:
    findings = lint_with("TR006", SECTIONED.format(line="Links expire as described in §2.3."))
    assert spans(findings) == [(6, 30)]
    assert "§2.3" in findings[0].message


def test_section_references_in_words_are_read() -> None:
    assert spans(lint_with("TR006", SECTIONED.format(line="See sections 2.1 and 2.4."))) == [(6, 5)]


def test_existing_sections_are_not_flagged() -> None:
    assert lint_with("TR006", SECTIONED.format(line="See §2.2 and section 1.")) == []


def test_sections_of_other_documents_are_not_flagged() -> None:
    line = "Caching follows RFC 9110 §5.3, section 4.7 of the OAuth spec and [the guide](https://example.com) §3.4."
    assert lint_with("TR006", SECTIONED.format(line=line)) == []


def test_a_document_citing_a_statute_is_not_read() -> None:
    line = "A foreign issuer is not permitted (§2(12)); §18 is an exception to §3."
    assert lint_with("TR006", SECTIONED.format(line=line)) == []


def test_a_document_without_numbered_headings_is_not_read() -> None:
    assert lint_with("TR006", "## Goals\n\n## Design\n\nSee §5.3.\n") == []


def test_a_series_in_a_table_id_column_that_is_not_the_first_counts() -> None:
    text = """
    | # | ID | Decision |
    |---|----|----------|
    | 1 | D1 | Store exports in object storage. |
    | 2 | D2 | Sign links for 7 days, as D5 says. |
    """
    assert spans(lint_with("TR005", text)) == [(4, 38)]


def test_an_ordered_list_under_a_requirements_heading_numbers_the_requirements() -> None:
    text = """
    ## Requirements

    1. The system shall export CSV.
    2. The system shall email large exports, as requirement 4 says.
    3. The system shall expire links after 7 days.
    """
    findings = lint_with("TR005", text)
    assert spans(findings) == [(4, 45)]


def test_two_ordered_lists_under_a_requirements_heading_number_nothing() -> None:
    text = """
    ## Requirements

    1. The system shall export CSV.
    2. The system shall email large exports.

    Later:

    1. The system shall expire links, unlike requirement 4.
    """
    assert lint_with("TR005", text) == []
