"""RK009 money-without-safeguards, round 9: where the finding points (the operation that says where
the money goes, not a press release, a success criterion or a fee), money sent ("send that amount to
her IBAN"), and a user story's wish that is no safeguard ("so that I can reconcile"). Fixtures
written for these tests, and a damage test on a real Kiro requirements document."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, requires_corpus, spans

from speclint.api import lint_text


def test_points_at_the_faq_answer_rather_than_the_press_release() -> None:
    text = """
    # PR/FAQ: Same-day withdrawals

    ## Press release

    Drivers can now withdraw their balance to a debit card the same day.

    ## FAQ

    **How does it work?**
    The wallet service deducts the amount from the driver's balance and pushes it to her debit card.
    """
    assert spans(lint_with("RK009", text)) == [(10, 20)]


def test_a_fee_rate_is_no_movement() -> None:
    text = """
    # Same-day withdrawals

    ## FAQ

    **What does it cost?**
    2% of the amount paid out, at least 0.30 EUR.
    """
    assert lint_with("RK009", text) == []


def test_money_sent_to_an_account_is_moved() -> None:
    text = """
    # Requirements Document

    ### Requirement 2

    1. WHEN the weekly run starts THE Scheduler SHALL send the amount owed to each host's IBAN through the Bank_API.
    2. WHEN the bank confirms THE Scheduler SHALL mark the host's payout as sent.
    """
    assert spans(lint_with("RK009", text)) == [(5, 51)]


def test_sending_a_payment_reminder_moves_no_money() -> None:
    text = """
    # Reminders

    ## Flow

    The app sends the payment reminder three days before the due date.
    The app sends the payment receipt by email.
    """
    assert lint_with("RK009", text) == []


def test_a_story_that_wants_to_reconcile_is_no_safeguard() -> None:
    text = """
    # Requirements Document

    ### Requirement 1

    1. WHEN the weekly run starts THE Scheduler SHALL send the amount owed to each host's IBAN through the Bank_API.
    2. WHEN the bank confirms THE Scheduler SHALL mark the host's payout as sent.

    ### Requirement 2

    **User Story:** As a finance manager, I want a payout report, so that I can reconcile the bank account.
    """
    assert spans(lint_with("RK009", text)) == [(5, 51)]


def test_reconciliation_the_system_does_is_a_safeguard() -> None:
    text = """
    # Requirements Document

    ### Requirement 1

    1. WHEN the weekly run starts THE Scheduler SHALL send the amount owed to each host's IBAN through the Bank_API.
    2. WHEN the bank confirms THE Scheduler SHALL mark the host's payout as sent.
    3. WHEN a day closes THE Scheduler SHALL reconcile every payout against the bank statement.
    """
    assert lint_with("RK009", text) == []


KIRO = "kiro/crawlins__kythira__.kiro__specs__ccache-adoption__requirements.md"


@requires_corpus
def test_a_payout_requirement_added_to_a_real_kiro_spec_is_found(tmp_path: Path) -> None:
    lines = (CORPUS / KIRO).read_text(encoding="utf-8").split("\n")
    path = tmp_path / "requirements.md"
    assert [f for f in lint_text("\n".join(lines), path, isolated=True) if f.rule_id == "RK009"] == []
    added = ["### Requirement 90", "",
             "**User Story:** As a maintainer, I want sponsors paid monthly, so that I can reconcile the budget.", "",
             "#### Acceptance Criteria", "",
             "1. WHEN the month closes THE Build_Fund SHALL send the amount pledged to each sponsor's IBAN.",
             "2. WHEN a sponsor leaves THE Build_Fund SHALL pay out the remaining balance.", ""]
    lines = lines + [""] + added
    line = len(lines) - len(added) + 7
    found = [(f.span.start.line, f.span.start.column) for f in lint_text("\n".join(lines), path, isolated=True)
             if f.rule_id == "RK009"]
    assert found == [(line, lines[line - 1].index("send") + 1)]
