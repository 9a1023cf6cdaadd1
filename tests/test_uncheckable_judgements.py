"""AC003 uncheckable-criterion on judgements (issue 14, class 10): criteria nobody can check."""

from __future__ import annotations

from conftest import lint_with, spans


def _criteria(line: str) -> str:
    return f"""
    ## Acceptance criteria

    - {line}
    """


def test_matching_their_taste() -> None:
    findings = lint_with("AC003", _criteria("Recommendations match their taste."))
    assert spans(findings) == [(3, 19)]
    assert "'match their taste'" in findings[0].message


def test_a_comparative_feeling() -> None:
    assert spans(lint_with("AC003", _criteria("The feed feels snappier."))) == [(3, 12)]


def test_displays_correctly_however_often() -> None:
    assert spans(lint_with("AC003", _criteria("The chart displays correctly 100% of the time."))) == [(3, 13)]


def test_treated_fairly() -> None:
    assert spans(lint_with("AC003", _criteria("Sellers are treated fairly in the ranking."))) == [(3, 11)]


def test_relevant_options_are_available() -> None:
    assert spans(lint_with("AC003", _criteria("Relevant options are available."))) == [(3, 3)]


def test_displays_correctly_spelled_out_is_checkable() -> None:
    assert lint_with("AC003", _criteria("The risk badge shows correctly (low, medium, high, each with its colour).")) == []


def test_a_named_value_displayed_is_checkable() -> None:
    assert lint_with("AC003", _criteria("The chart displays the monthly total in EUR.")) == []
