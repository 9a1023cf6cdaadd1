"""PH001: markers in a change history or decision log are history, and markers in an open-items
section (in German, Spanish and French too, and IEEE 830's To Be Determined List) are listed."""

from __future__ import annotations

from conftest import lint_with, spans


def test_a_change_history_records_a_replaced_marker() -> None:
    text = """
    ## Change history

    | Version | Date | Change |
    |---|---|---|
    | 0.2 | 2026-04-02 | Grace period was TBD; set to 14 days after the legal review |
    """
    assert lint_with("PH001", text) == []


def test_a_spanish_change_history_records_a_replaced_marker() -> None:
    text = """
    ## Historial de cambios

    - 2026-03-02: el plazo estaba como TBD; fijado en 30 días.
    """
    assert lint_with("PH001", text) == []


def test_a_german_open_points_section_lists_the_marker() -> None:
    text = """
    ## Offene Punkte

    - Versandzeit der Erinnerung: TBD (Entscheidung durch Frau Weber bis 2026-02-01)
    """
    assert lint_with("PH001", text) == []


def test_an_srs_to_be_determined_list_holds_its_tbds() -> None:
    text = """
    ## Appendix C: To Be Determined List

    | TBD | Item | Owner | Due |
    |---|---|---|---|
    | TBD-1 | Fee for a second vehicle | Finance | 2026-11-30 |
    """
    assert lint_with("PH001", text) == []


def test_a_marker_in_the_body_is_reported_even_with_a_change_history() -> None:
    text = """
    ## Requirements

    - The grace period is TBD.

    ## Change history

    - 0.2: added the grace period.
    """
    assert spans(lint_with("PH001", text)) == [(3, 23)]
