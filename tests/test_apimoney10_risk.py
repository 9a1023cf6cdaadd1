"""Round 15 (apimoney10): a risk the design rules out is answered (RK011), "do not double count" is a
money safeguard (RK009), and RK015: one money movement retried, re-run or replayed with nothing that
makes the repeat safe. Fixtures written for these tests, in several kinds and languages."""

from __future__ import annotations

from conftest import lint_with, spans

RISKS = """
# Gang scheduling timeout

### Risks and Mitigations

- **Thrashing**: a controller that resubmits at once times out again. Mitigation: back off exponentially.
- **{label}**: {text}
"""


def test_rk011_a_risk_the_design_rules_out_is_answered() -> None:
    text = RISKS.format(label="Clock skew", text="the timeout is measured by the scheduler from the time it first "
                                                 "saw the group, so skew between nodes does not matter.")
    assert lint_with("RK011", text) == []


def test_rk011_a_risk_that_only_describes_harm_is_still_flagged() -> None:
    text = RISKS.format(label="Clock skew", text="nodes with skewed clocks time groups out early.")
    assert spans(lint_with("RK011", text)) == [(6, 3)]


def test_rk009_do_not_double_count_is_a_safeguard() -> None:
    text = """
    # Fare capping

    ## Requirements

    - Each tap is charged to the rider's card until the day cap is reached.
    - Refunds of taps are paid back to the same card.
    - Refunds and transfers do not double count toward the cap.
    """
    assert lint_with("RK009", text) == []


def test_rk015_flags_a_transfer_retried_after_a_timeout() -> None:
    text = """
    # Instant payouts

    ## Requirements

    - R6. On confirmation we debit the seller's balance and call the processor's push-to-card
      transfer. If the call times out, the payout job retries the transfer until it answers.
    """
    findings = lint_with("RK015", text)
    assert spans(findings) == [(6, 51)]
    assert "'retries'" in findings[0].message


def test_rk015_flags_a_refund_retried_by_the_nightly_job_in_a_design_doc() -> None:
    text = """
    # Plan changes

    ## Payment provider calls

    For downgrades we call `refunds.create` for the unused part of the plan; if the call errors,
    the nightly billing job retries it on its next run.
    """
    assert spans(lint_with("RK015", text)) == [(6, 25)]


def test_rk015_flags_a_nightly_job_that_recomputes_and_credits_back() -> None:
    text = """
    # Fare capping

    ## Requirements

    - **FR-006**: A nightly job MUST recompute each card's week and credit back to the card any amount above the cap.
    """
    assert spans(lint_with("RK015", text)) == [(5, 17)]


def test_rk015_flags_an_event_handler_that_credits_a_wallet_in_a_kep() -> None:
    text = """
    # KEP-0142: Backfill

    ## Design Details

    At match end, the handler credits 150 Gems to the player's wallet through the economy service.
    """
    assert spans(lint_with("RK015", text)) == [(5, 19)]


def test_rk015_reads_spanish_german_and_french() -> None:
    spanish = """
    # Liquidaciones

    ## Requisitos

    - Si la llamada al banco agota el tiempo de espera, el sistema DEBE reintentar la transferencia al día siguiente.
    """
    german = """
    # Auszahlungen

    ## Anforderungen

    - Antwortet die Bank nicht, wiederholt der Job die Überweisung an den Verkäufer in der nächsten Nacht.
    """
    french = """
    # Remboursements

    ## Exigences

    - Si la banque ne répond pas, le système relance le virement du remboursement le lendemain.
    """
    assert [len(lint_with("RK015", text)) for text in (spanish, german, french)] == [1, 1, 1]


def test_rk015_an_idempotency_key_named_elsewhere_makes_the_retry_safe() -> None:
    text = """
    # Instant payouts

    ## Requirements

    - If the processor call times out, the payout job retries the transfer until it answers.

    ## Processor calls

    Every call carries the payout ID as its idempotency key.
    """
    assert lint_with("RK015", text) == []


def test_rk015_a_check_of_what_was_already_credited_in_the_section_makes_it_safe() -> None:
    text = """
    # Fare capping

    ## Requirements

    - A nightly job recomputes each card's week and credits back any amount above the cap.
    - The job skips weeks that were already credited, so a rerun never credits twice.
    """
    assert lint_with("RK015", text) == []


def test_rk015_a_retried_email_is_no_money_movement() -> None:
    text = """
    # Receipts

    ## Requirements

    - The card is charged when the order ships. The receipt email is retried three times if the mail service fails.
    """
    assert lint_with("RK015", text) == []


def test_rk015_a_retry_after_the_bank_rejected_the_transfer_moves_nothing_twice() -> None:
    text = """
    # Cash out

    ## FAQ

    **Q: What if the bank rejects the transfer?**
    A: The amount goes back to the seller's balance, and the payout can be retried once the account is fixed.
    """
    assert lint_with("RK015", text) == []


def test_rk015_a_job_that_reports_payouts_moves_no_money() -> None:
    text = """
    # Finance exports

    ## Requirements

    - A nightly job recomputes the day's payouts and exports them to the finance warehouse; failed exports are retried.
    """
    assert lint_with("RK015", text) == []


def test_rk016_flags_a_charge_followed_by_a_separate_update() -> None:
    text = """
    # Plan changes

    ## Upgrades

    1. The billing service charges the difference to the card on file, then updates the subscription record.
    """
    findings = lint_with("RK016", text)
    assert spans(findings) == [(5, 24)]
    assert "'then updates'" in findings[0].message


def test_rk016_flags_a_prfaq_answer_that_charges_and_then_issues_the_ticket() -> None:
    text = """
    # Fare lock

    ## Internal FAQ

    **How does booking work?**
    We charge their card for the locked fare and then issue the ticket with the airline.
    """
    assert spans(lint_with("RK016", text)) == [(6, 4)]


def test_rk016_reads_german() -> None:
    text = """
    # Tarifwechsel

    ## Ablauf

    Der Dienst belastet die Karte mit dem Betrag und aktualisiert danach das Abonnement.
    """
    assert spans(lint_with("RK016", text)) == [(5, 12)]


def test_rk016_one_transaction_handles_it() -> None:
    text = """
    # Plan changes

    ## Upgrades

    1. The billing service charges the card on file, then updates the subscription record; both commit in one
       database transaction with the charge's record.
    """
    assert lint_with("RK016", text) == []


def test_rk016_a_charge_voided_when_ticketing_fails_handles_it() -> None:
    text = """
    # Fare lock

    ## Internal FAQ

    We charge their card for the locked fare and then issue the ticket. If ticketing fails, we void the charge.
    """
    assert lint_with("RK016", text) == []
