"""Risk rules, round 14: safeguards that are not this design's (RK009; proposals stay skipped), a
risk answered in the paragraph after its list (RK011), a code sent to a phone number without the
word SMS (RK012), and a cutover that retires the old path with no way back (RK013). Fixtures
written for these tests."""

from __future__ import annotations

from conftest import lint_with, spans

REFUND_RFC = """
# RFC 0042: Partial refunds

## Summary

Support agents refund part of an order instead of cancelling all of it.

## Design

On confirm, the order service sends the refund to the PSP with the payment ID and the amount.
Refunds to store credit are added to the customer's wallet balance instead.
Every refund is written to the audit log.
{extra}
"""


def test_rk009_skips_a_proposal_even_when_it_keeps_naming_refunds() -> None:
    # Reading proposals' money phrases cost a folder of RFCs 7% of its time for no corpus finding
    # (speed, issue 15); a design doc or spec with the same text is read.
    assert lint_with("RK009", REFUND_RFC.format(extra="")) == []
    assert len(lint_with("RK009", REFUND_RFC.format(extra="").replace("RFC 0042: ", "Design: "))) == 1


def test_rk009_reads_no_money_verbs_in_a_proposal() -> None:
    text = """
    # RFC 0101: Async closures

    ## Design

    An async closure captures its environment by reference and pays the cost of one allocation.
    The runtime upgrades the closure's future when the caller awaits it; the payment of that cost
    is deferred, and the closure captures the balance of its borrowed state.
    """
    assert lint_with("RK009", text) == []


def test_rk009_ignores_a_safeguard_named_only_in_a_rejected_alternative() -> None:
    text = """
    # Design: Daily seller payouts

    ## Design

    The payout job transfers each seller's balance to the seller's bank account and debits the
    seller's ledger account by the same amount.

    ## Alternatives considered

    Stripe's automatic payouts: rejected, finance could not reconcile the payouts with our ledger.
    """
    assert len(lint_with("RK009", text)) == 1


def test_rk009_skips_a_document_that_says_it_moves_no_money() -> None:
    text = """
    # Pitch: Split the bill at the table

    Everyone ticks what they had and the app shows each guest their share, so the group can
    split the bill without the waiter.

    ## Rabbit holes

    - Paying in the app: out. This pitch moves no money; guests pay at the terminal.
    """
    assert lint_with("RK009", text) == []


def test_rk009_takes_no_comparison_for_a_charge_made_once() -> None:
    text = """
    # PRD: Wallet refunds

    Customers who wait more than three days for a refund open a chargeback twice as often.

    ## Requirements

    - Refunds to the wallet are credited as soon as the agent confirms them.
    - The customer can top up the wallet by card.
    """
    assert len(lint_with("RK009", text)) == 1


RISKS_THEN_PARAGRAPH = """
# KEP-4711: Image eviction hints

### Risks and Mitigations

- **Abuse by tenants.** A tenant could mark system images. The hint only applies to images no
  other pod references.
- **Thrashing.** A job that restarts often pulls its image again each time.

{paragraph}
"""


def test_rk011_accepts_a_risk_answered_in_the_paragraph_after_the_list() -> None:
    paragraph = "Thrashing is bounded: the kubelet keeps the image for at least 10 minutes."
    assert lint_with("RK011", RISKS_THEN_PARAGRAPH.format(paragraph=paragraph)) == []


def test_rk011_still_flags_a_risk_the_paragraph_after_the_list_does_not_name() -> None:
    paragraph = "Abuse is further limited: the field is validated by admission."
    assert spans(lint_with("RK011", RISKS_THEN_PARAGRAPH.format(paragraph=paragraph))) == [(7, 3)]


def test_rk012_flags_a_reset_code_sent_to_the_mobile_number_without_the_word_sms() -> None:
    text = """
    # Password reset

    ## Requirements

    1. WHEN a member taps "Forgot password" THEN the system SHALL send a six-digit one-time code
       to the mobile number on file.
    """
    assert spans(lint_with("RK012", text)) == [(5, 63)]


def test_rk012_flags_a_code_delivered_to_the_phone_whatever_word_the_sentence_starts_with() -> None:
    text = """
    # Sign-in

    ## Requirements

    - Two-factor sign-in: the one-time code is delivered to the registered mobile number.
    - WHEN a member resets the password THEN the system SHALL deliver a one-time code to the registered mobile number.
    """
    assert [line for line, _column in spans(lint_with("RK012", text))] == [5]


def test_rk012_points_at_the_requirement_rather_than_the_introduction() -> None:
    text = """
    # Password reset

    ## Introduction

    Members reset the password in the app with a code sent to the mobile number on their account.

    ## Requirements

    1. WHEN a member taps "Forgot password" THEN the system SHALL text them a six-digit code.
    """
    assert [line for line, _column in spans(lint_with("RK012", text))] == [9]


MIGRATION = """
# Design: Move addresses out of the customers table

## Migration

1. Backfill the new `addresses` table from the address columns of `customers`.
2. Switch checkout to the address service for all customers.
3. Drop the six address columns from `customers` in the next release.
{extra}
"""


def test_rk013_flags_a_migration_that_drops_the_old_columns_with_no_way_back() -> None:
    findings = lint_with("RK013", MIGRATION.format(extra=""))
    assert spans(findings) == [(7, 4)]
    assert "'Drop'" in findings[0].message


def test_rk013_accepts_a_snapshot_before_the_old_columns_go() -> None:
    extra = "4. A snapshot of `customers` is kept for 90 days."
    assert lint_with("RK013", MIGRATION.format(extra=extra)) == []


def test_rk013_accepts_a_grace_period_before_the_old_servers_go() -> None:
    text = """
    # 11. Use ephemeral CI runners

    ## Decision

    All repositories move to the new runners by June; the old VMs are switched off four weeks after.
    """
    assert lint_with("RK013", text) == []


def test_rk013_reads_no_negated_removal() -> None:
    text = """
    # Migration plan

    ## Migration

    The machine is not removed from the old pool when the move to spot instances starts.
    """
    assert lint_with("RK013", text) == []


def test_rk013_reads_no_purge_api_for_a_retirement() -> None:
    text = """
    # Multi-CDN switching

    ## Decision

    Every publish now calls the purge APIs of both CDNs, and the steering service moves traffic.
    """
    assert lint_with("RK013", text) == []


def test_rk009_takes_no_voided_invoice_for_a_reversal_of_the_refund() -> None:
    text = """
    # Spec: Credit notes

    When an invoice is wrong today, an accountant voids it and issues a new one by hand.

    ## Refunds

    When a credit note is issued against an invoice that was already paid, the service creates a
    refund of the credited amount and sends it to the customer's IBAN. Refunds are shown on the statement.
    A second refund is sent when a later credit note covers the same invoice.
    """
    assert len(lint_with("RK009", text)) == 1


PRFAQ_RISKS = """
# PR/FAQ: Refill stations

## Internal FAQ

**What are the biggest risks?**
Inspectors in some districts may not accept shopper bottles for food. The supplier may not
deliver 40 stations by March.{answer}

**How will we measure success?** Refills per station per day.
"""


def test_rk014_flags_a_faq_risks_answer_with_nothing_done() -> None:
    assert spans(lint_with("RK014", PRFAQ_RISKS.format(answer=""))) == [(6, 1)]


def test_rk014_accepts_a_faq_risks_answer_that_says_what_is_done() -> None:
    answer = " We launch with non-food products where inspectors have not confirmed."
    assert lint_with("RK014", PRFAQ_RISKS.format(answer=answer)) == []


def test_rk014_flags_a_rabbit_hole_nobody_has_looked_at() -> None:
    text = """
    # Pitch: Recurring bookings

    ## Rabbit holes

    - **Daylight saving.** We store local time and the zone, not UTC.
    - **Invoices per class.** A series may create 52 invoices at once, and we have not looked at
      what the billing partners do with that.
    """
    assert spans(lint_with("RK014", text)) == [(6, 1)]


def test_rk014_accepts_rabbit_holes_with_their_calls() -> None:
    text = """
    # Pitch: Split the bill

    ## Rabbit holes

    - **Paying in the app.** Out: guests pay at the terminal.
    - **Tips.** Each guest adds their own tip at the terminal.
    """
    assert lint_with("RK014", text) == []


def test_rk014_accepts_a_restriction_as_the_answer() -> None:
    answer = " Refills are only offered for non-food products until inspectors confirm."
    assert lint_with("RK014", PRFAQ_RISKS.format(answer=answer)) == []


def test_rk013_reads_no_retention_period_for_a_cutover() -> None:
    text = """
    # Use object storage for logs

    ## Decision

    Logs move to the archive bucket after 14 days and the old log files are deleted after 400 days.
    """
    assert lint_with("RK013", text) == []


def test_rk014_reads_a_faq_before_any_heading() -> None:
    text = """
    **What could go wrong?**
    The supplier may not deliver the stations by March.
    """
    assert spans(lint_with("RK014", text)) == [(2, 1)]


def test_rk014_reads_a_faq_risks_answer_written_as_a_list() -> None:
    # A list under the question once crashed the rule (a list has no text of its own).
    text = """
    **What could go wrong?**

    - The supplier may not deliver the stations by March.
    - Stores may refuse the floor space.
    """
    assert spans(lint_with("RK014", text)) == [(3, 1)]


def test_rk014_accepts_a_listed_answer_that_says_what_is_done() -> None:
    text = """
    **What could go wrong?**

    - The supplier may not deliver the stations by March.
    - We launch with non-food products where inspectors have not confirmed.
    """
    assert lint_with("RK014", text) == []
