"""AC003 uncheckable-criterion on judgements (issue 14, class 10): criteria nobody can check."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, requires_corpus, spans

from speclint.document.parser import parse
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.registry import load_registry


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


# --- damage test on a real Kiro requirements document ---------------------------------------------

_KIRO = "kiro-more/Homas__RpiDNS__.kiro__specs__user-authentication__requirements.md"


@requires_corpus
def test_damage_a_criterion_replaced_by_a_judgement(tmp_path: Path) -> None:
    def ac003(path: Path) -> list[tuple[int, int]]:
        rule = load_registry().get("AC003")
        assert rule is not None
        result = run_rules(parse(path.read_text(encoding="utf-8"), str(path)),
                           [ActiveRule(rule, rule.default_level, rule.resolve_options({}))])
        return [(finding.span.start.line, finding.span.start.column) for finding in result.findings]

    source = CORPUS / _KIRO
    assert ac003(source) == []
    old = "3. THE Login_Page SHALL display a logout confirmation message after successful logout"
    text = source.read_text(encoding="utf-8")
    assert old in text
    damaged = tmp_path / "requirements.md"
    damaged.write_text(text.replace(old, "3. THE Login_Page SHALL display correctly 100% of the time", 1), encoding="utf-8")
    assert ac003(damaged) == [(37, 25)]


def _ears(line: str) -> str:
    return f"""
    ## Requirements

    ### Requirement 1

    #### Acceptance Criteria

    1. {line}
    """


def test_an_ears_response_is_read_apart_from_its_trigger() -> None:
    # "lists" in the trigger is concrete; the response is still a judgement
    text = _ears("WHEN a seller lists a product THE system SHALL ensure sellers are treated fairly.")
    assert spans(lint_with("AC003", text)) == [(7, 66)]


def test_when_in_an_ears_trigger_does_not_read_as_content_to_write() -> None:
    text = _ears("WHEN the order is placed THE system SHALL work correctly.")
    assert spans(lint_with("AC003", text)) == [(7, 46)]


def test_a_judgement_beside_something_shown_is_still_uncheckable() -> None:
    text = _ears("WHEN the shopper opens the home page THE system SHALL show recommendations that match their taste.")
    assert spans(lint_with("AC003", text)) == [(7, 84)]


def test_a_vague_word_beside_something_shown_stays_checkable_in_an_ears_response() -> None:
    text = _ears("WHEN the export fails THE system SHALL show the message \"Export failed\" in a clear banner.")
    assert lint_with("AC003", text) == []


def test_relevant_options_with_a_word_between() -> None:
    assert spans(lint_with("AC003", _criteria("Relevant filter options are available."))) == [(3, 3)]
