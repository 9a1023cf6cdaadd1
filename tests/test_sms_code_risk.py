"""RK012 sms-code-risk-unnamed: sign-in, two-factor or recovery codes sent by SMS, and SIM swap never
named. Fixtures written for these tests, and a damage test on a real PRD."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, requires_corpus, spans

from speclint.api import lint_text


def test_flags_a_recovery_code_sent_by_sms() -> None:
    text = """
    # Account recovery

    ## Flow

    A member who lost her authenticator gets a one-time code by SMS and signs in with it.
    """
    findings = lint_with("RK012", text)
    assert spans(findings) == [(5, 61)]
    assert "SIM swap" in findings[0].message


def test_flags_an_ears_criterion_that_texts_the_code() -> None:
    text = """
    # Requirements Document

    ### Requirement 2

    1. WHEN a user asks to reset her password THE Auth_Service SHALL text her a six-digit code.
    """
    assert spans(lint_with("RK012", text)) == [(5, 66)]


def test_flags_a_table_row() -> None:
    text = """
    # Sign-in

    | Factor | How |
    |---|---|
    | Second factor | one-time code sent by SMS through Sinch |
    """
    assert spans(lint_with("RK012", text)) == [(5, 41)]


def test_accepts_sim_swap_named_anywhere() -> None:
    text = """
    # Account recovery

    ## Flow

    A member who lost her authenticator gets a one-time code by SMS and signs in with it.

    ## Risks

    SIM swap: numbers changed at the carrier in the last 7 days get no code.
    """
    assert lint_with("RK012", text) == []


def test_a_number_ported_to_another_carrier_is_not_the_attack() -> None:
    text = """
    # Account recovery

    A member who lost her authenticator gets a one-time code by SMS and signs in with it.

    - What if the number was ported to another carrier?
    """
    assert spans(lint_with("RK012", text)) == [(3, 61)]


def test_leaves_delivery_updates_by_sms_alone() -> None:
    text = """
    # Delivery updates

    The courier's arrival window and the door code are sent by SMS an hour before delivery.
    """
    assert lint_with("RK012", text) == []


def test_leaves_a_decision_against_sms_codes_alone() -> None:
    text = """
    # Sign-in

    ## Non-goals

    - Sign-in codes by SMS.

    ## Decisions

    - No SMS codes for sign-in: the authenticator app or a passkey only.
    """
    assert lint_with("RK012", text) == []


PLATFORM_PRD = "prds/0al-spec__Platform__PRD.md"


@requires_corpus
def test_an_sms_recovery_code_added_to_a_real_prd_is_found(tmp_path: Path) -> None:
    lines = (CORPUS / PLATFORM_PRD).read_text(encoding="utf-8").split("\n")
    path = tmp_path / "PRD.md"
    assert [f for f in lint_text("\n".join(lines), path, isolated=True) if f.rule_id == "RK012"] == []
    added = "Operators who lose their authenticator can sign in with a one-time code sent by SMS."
    lines[24:24] = ["", added, ""]
    found = [(f.span.start.line, f.span.start.column) for f in lint_text("\n".join(lines), path, isolated=True)
             if f.rule_id == "RK012"]
    assert found == [(26, added.index("SMS") + 1)]


def test_flags_a_code_texted_in_capitals_in_a_document_that_never_writes_sms() -> None:
    text = """
    # Sign-in

    ## Flow

    The service TEXTS THE MEMBER A CODE that she enters to sign in.
    """
    assert spans(lint_with("RK012", text)) == [(5, 13)]
