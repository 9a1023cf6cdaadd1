"""EC003 edge-cases-unanswered: an edge-case section that only asks questions."""

from __future__ import annotations

from conftest import lint_with, spans


def test_a_section_of_questions_is_flagged_at_its_heading() -> None:
    findings = lint_with(
        "EC003",
        """
        ## Edge cases

        - What happens if the balance is exactly the price?
        - What if the card expires during checkout?
        """,
    )

    assert spans(findings) == [(1, 1)]
    assert "2 edge cases" in findings[0].message


def test_questions_with_their_answers_pass() -> None:
    text = (
        "## Edge cases\n\n"
        "- What happens if the balance is exactly the price? The purchase goes through.\n"
        "- What if the card expires during checkout?\n"
        "  - The payment is declined and the user picks another card.\n"
    )

    assert lint_with("EC003", text) == []


def test_questions_in_other_sections_are_not_read() -> None:
    assert lint_with("EC003", "## Open questions\n\n- What if the card expires?\n- Who owns refunds?\n") == []


def test_a_single_question_is_left_to_the_reader() -> None:
    assert lint_with("EC003", "## Edge cases\n\n- What if the card expires during checkout?\n") == []
