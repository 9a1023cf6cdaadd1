"""PH004 placeholder-value: values left as placeholders that no marker rule sees."""

from __future__ import annotations

from conftest import lint_with, spans


def test_a_date_with_a_real_year_and_letters_is_flagged() -> None:
    findings = lint_with("PH004", "## Timeline\n\n- 2025-XX-XX: design review\n- Beta: 2025-09-xx\n")

    assert spans(findings) == [(3, 3), (4, 9)]


def test_format_descriptions_and_generic_years_are_not_dates() -> None:
    assert lint_with("PH004", "Dates use the format YYYY-MM-DD.\n\nIt applies from edition 20XX.\n") == []


def test_spelled_out_placeholders_are_flagged() -> None:
    findings = lint_with("PH004", "**Package (placeholder):** acme-sdk\n\nThe impact is small (to be determined).\n")

    assert spans(findings) == [(1, 11), (3, 21)]


def test_a_link_definition_pointing_at_a_marker_is_flagged_at_its_url() -> None:
    findings = lint_with("PH004", "Stored in the [GCS backend][gcs-backend].\n\n[gcs-backend]: TODO\n")

    assert spans(findings) == [(3, 16)]


def test_a_letter_for_a_number_in_a_requirement_is_flagged() -> None:
    findings = lint_with(
        "PH004",
        """
        ## Requirements

        - The page MUST load for X% of visits within 2 seconds.
        - The system MUST support N users at launch.
        - Refunds above $X need approval.
        """,
    )

    assert spans(findings) == [(3, 26), (4, 27), (5, 17)]


def test_a_letter_the_document_defines_is_a_variable() -> None:
    text = "## Requirements\n\n- The probe MUST succeed across N requests (N >= 50).\n"

    assert lint_with("PH004", text) == []


def test_letters_in_quoted_ui_text_and_in_background_are_not_read() -> None:
    text = (
        "## Background\n\nToday X% of users give up.\n\n"
        "## Requirements\n\n- The system MUST show \"Try again in X minutes\" after a lockout.\n"
    )

    assert lint_with("PH004", text) == []


def test_a_letter_in_graduation_criteria_is_flagged() -> None:
    text = "## Graduation Criteria\n\n#### Beta\n\n- Checkpoint success rate above X% in the e2e jobs.\n"

    assert spans(lint_with("PH004", text)) == [(5, 33)]


def test_a_letter_in_design_discussion_is_a_parameter() -> None:
    text = "## Design\n\nThe summary keeps the last N messages and retries N times.\n"

    assert lint_with("PH004", text) == []
