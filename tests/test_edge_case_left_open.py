"""EC009 edge-case-left-open: a case raised outside an edge-case section and answered with a non-answer."""

from __future__ import annotations

from conftest import lint_with, spans


def test_a_faq_question_answered_with_still_working_it_out_is_flagged() -> None:
    text = (
        "## FAQ\n\n"
        "**4. What happens if the airline cancels the flight while I have a lock?**\n"
        "\n"
        "We are still working this out with Airline Partnerships.\n"
    )

    assert spans(lint_with("EC009", text)) == [(3, 1)]


def test_a_case_labelled_to_discuss_under_a_condition_is_flagged() -> None:
    text = (
        "## Disputes\n\n"
        "- R9. If a buyer opens a dispute after the payout, the amount is taken from the next sales.\n"
        "  Negative balances: to discuss with Finance.\n"
    )

    assert spans(lint_with("EC009", text)) == [(3, 3)]


def test_a_german_open_question_noted_in_a_decision_is_flagged() -> None:
    text = (
        "## Decision\n\n"
        "We create accounts three working days before the start date.\n\n"
        "> Offene Frage des Betriebsrats (Sitzung vom 30.09.): Was passiert mit angelegten Konten, wenn sich "
        "das Eintrittsdatum verschiebt?\n"
    )

    assert spans(lint_with("EC009", text)) == [(5, 3)]


def test_a_spanish_question_answered_por_definir_is_flagged() -> None:
    text = "## Pagos\n\n¿Qué pasa si el banco rechaza la transferencia? Por definir con Tesorería.\n"

    assert spans(lint_with("EC009", text)) == [(3, 1)]


def test_an_answered_faq_question_passes() -> None:
    text = (
        "## FAQ\n\n"
        "**What happens if the airline cancels the flight while I have a lock?**\n\n"
        "The lock fee is refunded in full within 5 days.\n"
    )

    assert lint_with("EC009", text) == []


def test_an_open_question_with_an_owner_and_a_date_passes() -> None:
    text = (
        "## Requirement 2\n\n"
        "> Open question: what happens when every dock is reserved? Jonas to decide by 2026-11-01.\n"
    )

    assert lint_with("EC009", text) == []


def test_questions_in_an_open_questions_section_are_not_read() -> None:
    text = "## Open questions\n\n- What happens if the airline cancels the flight? To discuss with Partnerships.\n"

    assert lint_with("EC009", text) == []


def test_a_status_label_is_not_a_case() -> None:
    text = "## Rollout\n\nIf the pilot goes well we extend it. Status: open.\n"

    assert lint_with("EC009", text) == []


def test_an_aside_in_brackets_raises_no_situation() -> None:
    text = "## Removal\n\n- Open question: for how long do we support both mechanisms (if at all)?\n"

    assert lint_with("EC009", text) == []


def test_a_rhetorical_question_answered_in_the_next_paragraph_passes() -> None:
    text = (
        "## Motivation\n\n"
        "What happens when a rider taps twice?\n\n"
        "Today they are charged twice; this proposal charges them once.\n"
    )

    assert lint_with("EC009", text) == []
