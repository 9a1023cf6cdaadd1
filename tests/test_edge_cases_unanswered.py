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
    # Round 16: an open-questions section is read since edgeq11 (a question there that decides behaviour and
    # has no answer is reported: tests/test_open_questions_left_open.py); other sections still are not.
    assert lint_with("EC003", "## Background\n\n- What if the card expires?\n- Who owns refunds?\n") == []
    assert lint_with("EC003", "## FAQ\n\n- What if the card expires?\n- Who owns refunds?\n") == []


def test_a_single_question_is_left_to_the_reader() -> None:
    assert lint_with("EC003", "## Edge cases\n\n- What if the card expires during checkout?\n") == []


def test_one_question_left_in_a_list_of_answered_cases_is_flagged_at_its_item() -> None:
    text = (
        "## Edge cases\n\n"
        "- The phone is offline: the tap is stored and uploaded later.\n"
        "- What happens when a rider uses two different cards on the same day?\n"
        "- A double tap within 10 seconds is charged once.\n"
    )

    findings = lint_with("EC003", text)

    assert spans(findings) == [(4, 1)]
    assert "only asked" in findings[0].message


def test_a_spanish_question_left_among_answered_cases_is_flagged() -> None:
    text = (
        "### Casos límite\n\n"
        "- Un pedido se devuelve antes del lunes: no entra en la liquidación.\n"
        "- ¿Qué ocurre si un comprador obtiene un contracargo cuando el vendedor ya ha cobrado?\n"
    )

    assert spans(lint_with("EC003", text)) == [(4, 1)]


def test_a_rabbit_hole_answered_with_open_is_flagged() -> None:
    text = (
        "## Rabbit holes\n\n"
        "- **Dodging.** A member who leaves gives every member the penalty.\n"
        "- **What if one member disconnects mid-match?** Open.\n"
    )

    findings = lint_with("EC003", text)

    assert spans(findings) == [(4, 1)]
    assert "left open" in findings[0].message


def test_a_french_case_left_to_be_seen_under_a_heading_written_without_its_space_is_flagged() -> None:
    text = (
        "## Solution\n\n"
        "##Rabbit holes\n\n"
        "- **Articles à deux endroits.** La quantité est la somme des deux.\n"
        "- **Ventes pendant le comptage.** Si un client achète l'article, le stock est-il faussé ? À voir.\n"
    )

    assert spans(lint_with("EC003", text)) == [(6, 1)]


def test_a_question_answered_in_its_own_item_or_sub_item_passes() -> None:
    text = (
        "## Edge cases\n\n"
        "- The phone is offline: the tap is stored.\n"
        "- What if the card expires? — The payment is declined.\n"
        "- What if two taps arrive at once?\n"
        "  - The second one is dropped.\n"
    )

    assert lint_with("EC003", text) == []


def test_a_question_taken_up_elsewhere_in_the_document_passes() -> None:
    text = (
        "## Edge cases\n\n"
        "- The phone is offline: the tap is stored.\n"
        "- How does the batch update behave when one subtree fails midway?\n\n"
        "## Requirements\n\n"
        "- FR-016: When a batch update fails midway on one subtree, it continues with the rest and exits 1.\n"
    )

    assert lint_with("EC003", text) == []


def test_an_aside_in_brackets_is_not_the_item_question() -> None:
    # An aside that asks for another outcome ("(or the first account?)") leaves the case open: see
    # tests/test_edge_answers_left_open.py. An aside that explains the outcome is not the item's question.
    text = (
        "## Edge cases\n\n"
        "- Thread in a shared channel — binds to the channel's default agent (why the default? admins set it)\n"
        "- Empty channel: nothing is posted.\n"
    )

    assert lint_with("EC003", text) == []


def test_a_template_prompt_among_answered_cases_is_left_to_ec002() -> None:
    text = (
        "## Edge Cases\n\n"
        "- What happens when [boundary condition]?\n"
        "- Empty cart: the button is disabled.\n"
    )

    assert lint_with("EC003", text) == []


def test_several_open_items_of_one_list_are_one_finding() -> None:
    text = (
        "## Edge cases\n\n"
        "- Empty cart: the button is disabled.\n"
        "- What happens when the coupon expires during checkout?\n"
        "- What if the warehouse cancels a line after payment?\n"
    )

    findings = lint_with("EC003", text)

    assert spans(findings) == [(4, 1)]
    assert findings[0].message.startswith("2 edge cases")


def test_a_case_named_and_left_to_discuss_in_an_edge_case_list_is_flagged() -> None:
    text = (
        "## Edge cases\n\n"
        "- Refund after payout: the amount is taken from the next sales.\n"
        "- **Negative balances**: to discuss with Finance.\n"
    )

    findings = lint_with("EC003", text)

    assert spans(findings) == [(4, 1)]
    assert "named and left open" in findings[0].message


def test_a_question_subsection_with_nothing_under_it_is_flagged() -> None:
    text = (
        "## Edge cases\n\n"
        "### Offline validator\n\nThe tap is stored and uploaded later.\n\n"
        "### What if the rider's card expires between two taps?\n\n"
        "### Double tap\n\nThe second tap within 10 seconds is not charged.\n"
    )

    assert spans(lint_with("EC003", text)) == [(7, 1)]


def test_a_question_subsection_with_its_answer_passes() -> None:
    text = (
        "## Edge cases\n\n"
        "### What if the rider's card expires between two taps?\n\nThe second tap is declined at the gate.\n\n"
        "### Double tap\n\nThe second tap within 10 seconds is not charged.\n"
    )

    assert lint_with("EC003", text) == []


def test_a_row_of_a_table_of_cases_left_to_discuss_is_flagged() -> None:
    text = (
        "## Edge cases\n\n"
        "| Case | What happens |\n|---|---|\n"
        "| Refund after payout | Taken from the next sales |\n"
        "| Negative balance | To discuss with Finance |\n"
    )

    assert spans(lint_with("EC003", text)) == [(6, 3)]


def test_a_table_of_answered_cases_passes() -> None:
    text = (
        "## Edge cases\n\n"
        "| Case | What happens |\n|---|---|\n"
        "| Refund after payout | Taken from the next sales |\n"
        "| Negative balance | Open invoices are sent to the seller after 30 days |\n"
    )

    assert lint_with("EC003", text) == []
