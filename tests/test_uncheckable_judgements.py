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
