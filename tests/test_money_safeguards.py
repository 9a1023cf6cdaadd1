"""RK009 money-without-safeguards: money moves and nothing says it moves once, whole and reversibly."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, md, requires_corpus, spans

from speclint.api import lint_text

WALLET = """
# Wallet

## Requirements

- Customers top up their wallet with a saved card.
- At checkout the wallet balance pays first, then the card.
"""


def test_flags_a_spec_that_moves_money_without_safeguards() -> None:
    findings = lint_with("RK009", WALLET)
    assert spans(findings) == [(5, 13)]
    assert "'top up'" in findings[0].message and "1 more mention" in findings[0].message


def test_flags_money_moved_in_a_table() -> None:
    text = """
    # Refunds

    | Step | What happens |
    |------|--------------|
    | 1 | Support approves the refund |
    | 2 | The refund is paid to the card on file |
    """
    # at the row that says where the money goes (the approval only decides)
    assert spans(lint_with("RK009", text)) == [(6, 11)]


def test_flags_money_moved_in_ears_criteria() -> None:
    text = """
    # Requirements Document

    ### Requirement 3: Payouts

    1. WHEN a seller's sale clears, THE Marketplace SHALL add it to the seller's next payout.
    2. WHEN the payout date arrives, THE Marketplace SHALL transfer funds to the seller's bank.
    """
    # at the transfer to the bank, not at the bookkeeping of the first criterion
    assert spans(lint_with("RK009", text)) == [(6, 56)]


def test_accepts_an_idempotency_sentence() -> None:
    text = WALLET + "\nEach top-up carries an idempotency key: a retried request never credits twice.\n"
    assert lint_with("RK009", text) == []


def test_accepts_atomicity_stated_under_a_bold_label() -> None:
    text = WALLET + "\n**Consistency:** the card charge and the balance update commit in one database transaction.\n"
    assert lint_with("RK009", text) == []


def test_accepts_a_reversal() -> None:
    text = WALLET + "\n## Failures\n\nA top-up whose charge fails later is reversed on the balance.\n"
    assert lint_with("RK009", text) == []


def test_one_passing_mention_is_not_a_money_feature() -> None:
    text = """
    # Help centre

    ## Articles

    The article on refunds moves to the billing category.
    """
    assert lint_with("RK009", text) == []


def test_a_crypto_wallet_that_signs_in_is_not_money() -> None:
    text = """
    # Time capsule

    - Users connect their Talisman wallet to sign in.
    - The wallet address is shown on the dashboard.
    """
    assert lint_with("RK009", text) == []


def test_money_named_in_non_goals_does_not_count() -> None:
    text = """
    # Invoices

    ## Goals

    Customers download their invoices as PDF.

    ## Non-goals

    - Refunds and payouts.
    - Store credit.
    """
    assert lint_with("RK009", text) == []


# --- damage tests on a real document --------------------------------------------------------------

# No real specification in the corpus moves money, so the damage is an insertion: a top-up feature
# added to a real PRD, first with its idempotency sentence, then without it.
REAL_PRD = "prds/0al-spec__Platform__PRD.md"
TOP_UP = ["", "## Credits", "", "Users top up prepaid credits with a card; each run debits the account.", ""]
IDEMPOTENT = "A retried top-up carries the same idempotency key and is never credited twice."


@requires_corpus
def test_a_real_prd_with_money_and_its_safeguard_is_not_flagged(tmp_path: Path) -> None:
    lines = (CORPUS / REAL_PRD).read_text(encoding="utf-8").splitlines()
    damaged = lines[:20] + TOP_UP + [IDEMPOTENT, ""] + lines[20:]
    assert _lint(tmp_path, damaged) == []


@requires_corpus
def test_deleting_the_idempotency_sentence_of_a_real_prd_is_found(tmp_path: Path) -> None:
    lines = (CORPUS / REAL_PRD).read_text(encoding="utf-8").splitlines()
    damaged = lines[:20] + TOP_UP + lines[20:]
    line = 20 + 4
    assert _lint(tmp_path, damaged) == [(line, damaged[line - 1].index("top up") + 1)]


def _lint(tmp_path: Path, lines: list[str]) -> list[tuple[int, int]]:
    path = tmp_path / "prd.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    findings = lint_text(path.read_text(encoding="utf-8"), path=str(path), select=["RK009"], preview=True,
                         isolated=True)
    return [(f.span.start.line, f.span.start.column) for f in findings]


def test_md_helper_is_used_for_snippets() -> None:
    assert md("\n  a\n") == "a\n"


def test_points_at_the_requirement_rather_than_the_summary() -> None:
    text = """
    # Annual billing

    ## Summary

    Customers switch to annual billing and get a refund for unused months.

    ## Requirements

    - The refund goes back to the card on file.
    """
    assert spans(lint_with("RK009", text)) == [(9, 7)]


# --- money moved in a sentence: a money verb with money named -------------------------------------


def test_flags_a_passive_charge_and_a_payment_in_an_faq() -> None:
    text = """
    # Offline map packs

    **How do customers pay?**
    Customers pay for a pack with the payment method stored in their account.

    **When is the card charged?**
    The price is charged when the download starts.
    """
    findings = lint_with("RK009", text)
    assert spans(findings) == [(4, 11)]
    assert "'pay'" in findings[0].message


def test_flags_a_balance_debited_and_credited_in_srs_requirements() -> None:
    text = """
    # Peer transfers

    ## 3.1 Functional requirements

    - REQ-1: The system shall allow a user to send money to another user by phone number.
    - REQ-2: The system shall debit the sender's account and credit the recipient's account.
    """
    assert spans(lint_with("RK009", text)) == [(5, 43)]


def test_counts_each_sentence_once() -> None:
    text = """
    # Wallet

    At checkout the wallet balance pays first, then the card.
    """
    assert lint_with("RK009", text) == []


def test_a_money_verb_without_money_named_is_not_money() -> None:
    text = """
    # Cache

    - Every request pays the cost of a lookup; we transfer the file to the archive.
    - Readers pay attention to the banner; the team in charge of billing reviews it free of charge.
    """
    assert lint_with("RK009", text) == []


def test_money_shown_rather_than_moved_does_not_count() -> None:
    text = """
    # Billing history

    - The billing page lists every invoice with the amount paid and the card charged.
    - The dashboard shows the total paid this year.
    """
    assert lint_with("RK009", text) == []


def test_cloud_credits_are_not_money_moved() -> None:
    text = """
    # Lab

    - Hardware: student-affordable (under $2,000) or cloud VM credits.
    - Data transfer charges are the same in every zone ($0.01/GB).
    """
    assert lint_with("RK009", text) == []


def test_money_on_a_blockchain_is_left_out() -> None:
    text = """
    # Agent payments

    - The agent pays 0.1 USDC on devnet for each chapter.
    - The agent pays again with a permitted stablecoin when the first is blocked on-chain.
    """
    assert lint_with("RK009", text) == []


# --- safeguards ------------------------------------------------------------------------------------

TOP_UPS = """
# Wallet top-ups

## Requirements

- Riders top up their balance with a card.
- Each ride deducts the fare from the balance.
"""


def test_a_safeguard_word_in_another_sense_does_not_count() -> None:
    text = TOP_UPS + """- Transactions are listed in reverse chronological order.

## Accounts

- Duplicate email addresses are rejected at sign-up.
"""
    assert spans(lint_with("RK009", text)) == [(5, 10)]


def test_idempotency_stated_in_another_section_counts() -> None:
    text = TOP_UPS + "\n## Non-functional requirements\n\n- All wallet operations are idempotent.\n"
    assert lint_with("RK009", text) == []


def test_a_partial_failure_handled_counts() -> None:
    text = TOP_UPS + "- If the card charge fails, the balance is not credited.\n"
    assert lint_with("RK009", text) == []


def test_a_movement_undone_counts() -> None:
    text = TOP_UPS + "- When the balance update fails, the charge is refunded automatically.\n"
    assert lint_with("RK009", text) == []


def test_webhooks_processed_once_count() -> None:
    text = TOP_UPS + "\n## Payments\n\nStripe webhooks are processed once; a repeated delivery is ignored.\n"
    assert lint_with("RK009", text) == []


# --- where the finding points ------------------------------------------------------------------------


def test_points_at_the_criterion_rather_than_the_user_story() -> None:
    text = """
    # Requirements Document

    ### Requirement 1: Add funds

    **User Story:** As a buyer, I want to add funds to my wallet, so that I can check out faster.

    #### Acceptance Criteria

    1. WHEN the buyer submits an amount THEN the system SHALL charge the buyer's card and add it to the wallet.
    2. WHEN the buyer confirms an order THEN the system SHALL deduct the total from the wallet balance.
    """
    assert spans(lint_with("RK009", text)) == [(9, 59)]


# Money added to a real Kiro requirements document as EARS criteria, with and without the criterion
# that makes it safe: deleting that criterion is found at the first criterion that moves money.
REAL_KIRO = "kiro/crawlins__kythira__.kiro__specs__arm64-ci-verification__requirements.md"
CREDITS = [
    "", "### Requirement 99: Build credits", "",
    "**User Story:** As a maintainer, I want to buy build credits, so that CI runs on paid runners.", "",
    "#### Acceptance Criteria", "",
    "1. WHEN a maintainer buys credits THEN the system SHALL charge the organisation's card the price of the pack.",
    "2. WHEN a CI run finishes THEN the system SHALL deduct its minutes from the credit balance.",
]
SAFE = "3. WHEN a purchase request is retried THEN the system SHALL use its idempotency key and never charge twice."


@requires_corpus
def test_a_real_kiro_spec_with_money_criteria_and_their_safeguard_is_not_flagged(tmp_path: Path) -> None:
    lines = (CORPUS / REAL_KIRO).read_text(encoding="utf-8").splitlines()
    assert _lint(tmp_path, lines + CREDITS + [SAFE]) == []


@requires_corpus
def test_deleting_the_idempotency_criterion_of_a_real_kiro_spec_is_found(tmp_path: Path) -> None:
    lines = (CORPUS / REAL_KIRO).read_text(encoding="utf-8").splitlines()
    damaged = lines + CREDITS
    line = len(lines) + 8
    assert _lint(tmp_path, damaged) == [(line, damaged[line - 1].index("charge") + 1)]


def test_flags_a_person_charged_or_paid_without_money_named() -> None:
    text = """
    # Deliveries

    ## Requirements

    - The customer is charged on delivery.
    - Couriers get paid every Friday.
    """
    assert spans(lint_with("RK009", text)) == [(5, 7)]


def test_flags_money_paid_by_direct_debit_and_a_deposit() -> None:
    text = """
    # Rentals

    - Tenants pay by SEPA direct debit on the first of the month.
    - Guests pay a deposit when they book.
    """
    assert spans(lint_with("RK009", text)) == [(3, 11)]


# --- safeguards written in other words, and money that is priced or moved by someone else ---------


def test_a_refund_issued_once_per_booking_counts() -> None:
    text = """
    # Refunds for cancelled classes

    - When a studio cancels a class, every booked member is refunded the class price to their card.
    - A refund is issued once per booking, even when the cancellation job runs again.
    """
    assert lint_with("RK009", text) == []


def test_charged_once_a_month_is_no_safeguard() -> None:
    text = """
    # Renewals

    - Members are charged once a month with the card on file.
    - Members can ask support to refund a renewal within 14 days.
    """
    assert spans(lint_with("RK009", text)) == [(3, 3)]


def test_skipping_what_was_already_charged_counts() -> None:
    text = """
    # Renewals

    - Members on the annual plan are charged on their renewal date with the card on file.
    - The renewal job skips any subscription that already has a charge for the period.
    """
    assert lint_with("RK009", text) == []


def test_a_declined_renewal_retried_counts() -> None:
    text = """
    # Renewals

    - Members are charged on their renewal date with the card on file.
    - A declined renewal is retried on days 1, 3 and 7, then the plan is downgraded.
    """
    assert lint_with("RK009", text) == []


def test_rolling_back_the_charge_counts() -> None:
    text = """
    # Wallet top-up

    - Users top up their wallet from a bank card.
    - If crediting the wallet fails, we roll back the charge.
    """
    assert lint_with("RK009", text) == []


def test_a_repeated_request_returning_the_first_result_counts() -> None:
    text = """
    # Wallet top-up

    - Users top up their wallet from a bank card, from 10 to 500 euros.
    - A repeated top-up request with the same key returns the first result.
    """
    assert lint_with("RK009", text) == []


def test_a_ledger_of_entries_counts() -> None:
    text = """
    # Loyalty points

    - Customers earn points credited to their balance when the order is delivered.
    - Points pay for rewards at checkout: the reward's cost is deducted from the balance.
    - Every change to a balance is a ledger entry keyed by the order or reward ID.
    """
    assert lint_with("RK009", text) == []


def test_a_price_list_does_not_move_money() -> None:
    text = """
    # Launch the Pro plan

    - Pro costs $12 per user per month, billed annually, or $15 billed monthly.
    - We charge $0.01 per API call above 10,000 calls a month.
    - Students pay $4.99 a month.
    """
    assert lint_with("RK009", text) == []


def test_money_moved_by_the_app_stores_is_theirs_to_guard() -> None:
    text = """
    # StudyBuddy Premium

    Students pay for Premium with a 30-day money-back guarantee.
    Students subscribe through the App Store and Google Play; the stores handle billing and refunds.
    """
    assert lint_with("RK009", text) == []


def test_pages_named_after_money_and_purchases_before_the_flow_do_not_move_money() -> None:
    text = """
    # Event tickets in Apple Wallet

    After a guest purchases a ticket, the confirmation page offers "Add to Apple Wallet".
    Guests who bought tickets before the launch get the button on the payouts page.
    """
    assert lint_with("RK009", text) == []


def test_flags_tips_sent_to_creators() -> None:
    text = """
    # Creator tips

    Viewers can send a tip of $1 to $20 to a creator during a live stream.
    The creator gets 90% of each tip in their next monthly payout.
    """
    assert spans(lint_with("RK009", text)) == [(3, 13)]


def test_flags_coins_bought_with_a_saved_card() -> None:
    text = """
    # Coins for stickers

    - Users buy coin packs with the card saved in their account.
    - Each month, users can buy a bonus pack at half the price.
    """
    assert spans(lint_with("RK009", text)) == [(3, 9)]


def test_a_declined_card_alone_is_no_safeguard() -> None:
    text = WALLET + "\nIf the card is declined, the app shows the issuer's reason.\n"
    assert spans(lint_with("RK009", text)) == [(5, 13)]


def test_a_failed_charge_that_leaves_the_order_unpaid_counts() -> None:
    text = WALLET + "\nIf the card charge fails, the order stays unpaid and the balance is restored.\n"
    assert lint_with("RK009", text) == []
