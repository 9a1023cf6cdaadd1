"""WD007 mixed-modal: "should" or "may" in one requirement where the others say must or shall."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, requires_corpus, spans

from speclint.document.parser import parse
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.registry import load_registry

_MUSTS = """
## Requirements

- FR-1: The system must email a receipt after each payment.
- FR-2: The system must store receipts for 7 years.
"""


def test_should_among_musts() -> None:
    findings = lint_with("WD007", _MUSTS + "- FR-3: The system should let the user download the receipt as PDF.\n")
    assert spans(findings) == [(5, 20)]
    assert "'should'" in findings[0].message


def test_may_with_the_system_as_subject() -> None:
    assert spans(lint_with("WD007", _MUSTS + "- FR-3: The service may retry failed emails.\n")) == [(5, 21)]


def test_a_kiro_ears_criterion_with_should_among_shalls() -> None:
    text = """
    #### Acceptance Criteria

    1. WHEN a user signs in THEN the system SHALL create a session
    2. WHEN a user signs out THEN the system SHALL end the session
    3. WHEN a session ends THEN the system should show the sign-in page
    """
    assert spans(lint_with("WD007", text)) == [(5, 40)]


def test_a_permission_granted_to_a_person_is_not_a_hedge() -> None:
    assert lint_with("WD007", _MUSTS + "- FR-3: Admins may export receipts as CSV.\n") == []


def test_upper_case_should_is_an_rfc_2119_keyword() -> None:
    assert lint_with("WD007", _MUSTS + "- FR-3: The system SHOULD compress PDFs.\n") == []


def test_a_document_that_says_should_everywhere_has_chosen_its_register() -> None:
    text = """
    ## Non-functional requirements

    - Pages should load in 2 s.
    - Exports should be restartable.
    - The API must reject unsigned requests.
    """
    assert lint_with("WD007", text) == []


def test_should_qualifying_a_must_sentence_is_a_detail() -> None:
    assert lint_with("WD007", _MUSTS + "- FR-3: The system must accept a list of tags (it should be short).\n") == []


def test_priorities_and_rationale_are_not_modals() -> None:
    text = _MUSTS + "- FR-3: Should have: dark mode.\n- FR-4: Receipts are PDFs. Rationale: accountants should not retype them.\n"
    assert lint_with("WD007", text) == []


def test_a_design_feel_is_vague_rather_than_optional() -> None:
    assert lint_with("WD007", _MUSTS + "- FR-3: Buttons should feel lightly alive.\n") == []


def test_another_sections_musts_do_not_count() -> None:
    text = _MUSTS + """
## Nice to have

- The system should remember the last export folder.
"""
    assert lint_with("WD007", text) == []


# --- damage test on a real Kiro requirements document ---------------------------------------------

_KIRO = "kiro-more/Homas__RpiDNS__.kiro__specs__user-authentication__requirements.md"


def _wd007(path: Path) -> list[tuple[int, int]]:
    rule = load_registry().get("WD007")
    assert rule is not None
    result = run_rules(parse(path.read_text(encoding="utf-8"), str(path)), [ActiveRule(rule, rule.default_level, rule.resolve_options({}))])
    return [(finding.span.start.line, finding.span.start.column) for finding in result.findings]


@requires_corpus
def test_damage_one_shall_weakened_to_should(tmp_path: Path) -> None:
    source = CORPUS / _KIRO
    assert _wd007(source) == []
    old = "2. WHEN a session is invalidated, THE Authentication_System SHALL redirect the user to the Login_Page"
    text = source.read_text(encoding="utf-8")
    assert old in text
    damaged = tmp_path / "requirements.md"
    damaged.write_text(text.replace(old, old.replace("SHALL", "should"), 1), encoding="utf-8")
    assert _wd007(damaged) == [(36, 61)]

