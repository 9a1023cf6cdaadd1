"""MS010 contradictory-quantity: the same subject, the same unit, a different number."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, requires_corpus, spans

from speclint.api import lint_text


def test_flags_an_expiry_stated_twice_in_sentences() -> None:
    text = """
    # Password reset

    ## Requirements

    Reset links expire after 7 days.

    ## Email copy

    Your reset link expires after 14 days.
    """
    findings = lint_with("MS010", text)
    assert spans(findings) == [(9, 17)]
    assert "line 5" in findings[0].message and findings[0].level.value == "info"


def test_flags_a_setting_under_a_bold_label_and_in_prose() -> None:
    text = """
    # Sessions

    ## Settings

    - **Session timeout:** 30 minutes.

    ## Security

    Users are signed out after a session timeout of 1 hour.
    """
    assert spans(lint_with("MS010", text)) == [(9, 38)]


def test_flags_a_duration_before_a_noun_in_a_table() -> None:
    text = """
    # Trials

    ## Plans

    | Plan | Offer |
    |------|-------|
    | Team | a 14-day trial |

    ## Onboarding emails

    Day 1: "Welcome to your 30-day trial."
    """
    assert spans(lint_with("MS010", text)) == [(11, 25)]


def test_flags_a_guardrail_and_a_rollout_threshold_that_disagree() -> None:
    text = """
    # Checkout redesign

    ## Guardrails

    Checkout conversion must not drop more than 5%.

    ## Rollout

    The rollout pauses when checkout conversion drops more than 10%.
    """
    findings = lint_with("MS010", text)
    assert spans(findings) == [(9, 45)]
    assert "'checkout conversion'" in findings[0].message


def test_compares_durations_in_one_unit() -> None:
    text = """
    # Lockout

    ## Rules

    Accounts are locked for 24 hours.

    ## Support

    A locked account is locked for 1 day; support can unlock it sooner.
    """
    assert lint_with("MS010", text) == []


def test_ears_criteria_that_disagree_are_flagged() -> None:
    text = """
    # Requirements Document

    ### Requirement 1

    1. WHEN a user requests a reset, THE system SHALL send a link; reset links expire after 1 hour.

    ### Requirement 4

    1. WHEN a reset link is opened after it expired, THE system SHALL say that reset links expire after 2 hours.
    """
    assert spans(lint_with("MS010", text)) == [(9, 88)]


# --- traps -----------------------------------------------------------------------------------


def test_a_change_of_value_is_not_a_contradiction() -> None:
    text = """
    # Retention

    ## Current state

    Logs are retained for 30 days.

    ## Proposal

    Logs are retained for 90 days, up from 30.
    """
    assert lint_with("MS010", text) == []


def test_tiers_and_bounds_are_not_contradictions() -> None:
    text = """
    # Trials

    ## Plans

    A 14-day trial for everyone.

    ## Sales

    Enterprise customers get a 30-day trial.
    """
    assert lint_with("MS010", text) == []


def test_values_side_by_side_in_one_section_are_cases() -> None:
    text = """
    # Charts

    ## Buckets

    - Ranges up to a day use a 5-minute aggregated table.
    - Ranges up to a week use a 1-hour aggregated table.
    """
    assert lint_with("MS010", text) == []


def test_a_short_subject_that_could_be_either_is_not_compared() -> None:
    text = """
    # Links

    ## Invites

    Invite links expire after 7 days.

    ## Resets

    Reset links expire after 1 day.

    ## Email

    The link expires after 3 days.
    """
    assert lint_with("MS010", text) == []


def test_different_subjects_with_the_same_verb_are_not_compared() -> None:
    text = """
    # Storage

    ## Logs

    Audit logs are retained for 1 year.

    ## Uploads

    Uploaded files are retained for 30 days.
    """
    assert lint_with("MS010", text) == []


# --- damage test on a real document ----------------------------------------------------------------

REAL_PRD = "prds/0al-spec__Platform__PRD.md"


@requires_corpus
def test_a_real_prd_is_not_flagged() -> None:
    text = (CORPUS / REAL_PRD).read_text(encoding="utf-8")
    assert lint_text(text, path="prd.md", select=["MS010"], preview=True, isolated=True) == []


@requires_corpus
def test_a_second_value_inserted_in_another_section_of_a_real_prd_is_found(tmp_path: Path) -> None:
    lines = (CORPUS / REAL_PRD).read_text(encoding="utf-8").splitlines()
    headings = [index for index, line in enumerate(lines) if line.startswith("## ")]
    first, second = headings[1] + 1, headings[-1] + 1
    damaged = (lines[:first] + ["", "Build caches expire after 7 days.", ""] + lines[first:second]
               + ["", "A build cache expires after 14 days.", ""] + lines[second:])
    path = tmp_path / "prd.md"
    path.write_text("\n".join(damaged) + "\n", encoding="utf-8")
    findings = lint_text(path.read_text(encoding="utf-8"), path=str(path), select=["MS010"], preview=True,
                         isolated=True)
    line = damaged.index("A build cache expires after 14 days.") + 1
    assert [(f.span.start.line, f.span.start.column) for f in findings] == [(line, 15)]


# --- limits stated in other words (issue 14, item 13) -------------------------------------------


def test_flags_a_fee_in_a_summary_and_a_fact_table() -> None:
    text = """
    # Instant cash-out

    ## Summary

    Drivers cash out earnings instantly for a 1% processing fee.

    ## Pricing

    | Item | Value |
    |---|---|
    | Fee | 1.5% of the amount |
    """
    findings = lint_with("MS010", text)
    assert spans(findings) == [(11, 3)]
    assert "line 5" in findings[0].message


def test_flags_a_retention_kept_and_retained() -> None:
    text = """
    # Telematics

    ## Requirements

    - The system shall retain raw GPS points for a maximum of 7 days.

    ## Data

    We keep raw GPS points for 14 days for dispute handling.
    """
    assert spans(lint_with("MS010", text)) == [(9, 4)]


def test_flags_a_retry_count_and_attempts_that_run_out() -> None:
    text = """
    # Payout jobs

    ## Processing

    Failed payout jobs are retried up to 3 times with exponential backoff.

    ## Failure handling

    A payout job is moved to the dead-letter queue after 5 attempts.
    """
    findings = lint_with("MS010", text)
    assert spans(findings) == [(9, 54)]
    assert "payout" in findings[0].message


def test_flags_a_timeout_in_a_sentence_and_a_settings_table() -> None:
    text = """
    # Card authorisation

    ## Requirements

    - The system shall time out calls to the card network after 30 seconds.

    ## Settings

    | Setting | Value |
    |---|---|
    | Card network timeout | 60 s |
    """
    assert spans(lint_with("MS010", text)) == [(11, 16)]  # at the setting's name in the row


def test_flags_an_expiry_stated_before_its_event() -> None:
    text = """
    # Gift cards

    ## Requirements

    - Gift card codes expire after 30 days.

    ## FAQ

    **When does a code expire?** A gift card code expires 60 days after purchase.
    """
    assert spans(lint_with("MS010", text)) == [(9, 47)]


def test_flags_the_same_setting_twice_in_one_section() -> None:
    text = """
    # Sessions

    ## Requirements

    - Sessions time out after 30 minutes of inactivity.
    - The session timeout is 60 minutes.
    """
    assert spans(lint_with("MS010", text)) == [(6, 15)]


def test_two_things_of_one_kind_are_not_a_contradiction() -> None:
    text = """
    # Tokens

    ## Requirements

    - Access tokens expire after 15 minutes.
    - Refresh tokens expire after 30 days.
    - A CAPTCHA appears after 3 failed attempts; the account locks after 5 failed attempts.

    ## Retention

    - Invoices are retained for 7 years.
    - Chat logs are retained for 30 days.
    """
    assert lint_with("MS010", text) == []


def test_fees_of_two_plans_are_tiers() -> None:
    text = """
    # Pricing

    ## Summary

    Standard payouts carry a 1% fee.

    ## Plans

    On the premium plan the fee is 0.5%.
    """
    assert lint_with("MS010", text) == []


def test_a_retention_kept_in_one_section_and_named_in_a_since_clause_in_another() -> None:
    text = """
    # Audit events on a stream

    ## Decision

    The stream keeps audit events for 30 days, long enough to replay a month of changes.

    ## Consequences

    Replays are bounded, since retention is 90 days, which covers a quarter.
    """
    findings = lint_with("MS010", text)
    assert spans(findings) == [(9, 28)]
    assert "line 5" in findings[0].message


def test_a_subject_qualified_after_its_head_is_the_same_subject() -> None:
    text = """
    # Loyalty points

    ## Requirements

    - **FR-004**: Points MUST expire 12 months after they are awarded.

    ## Assumptions

    - Points awarded for reviews are valid for 6 months, like points from promotions.
    """
    findings = lint_with("MS010", text)
    assert spans(findings) == [(9, 34)]
    assert "line 5" in findings[0].message


def test_qualifiers_after_the_head_keep_two_kinds_apart() -> None:
    text = """
    # Loyalty points

    ## Reviews

    - Points awarded for reviews expire after 6 months.

    ## Promotions

    - Points awarded for promotions expire after 3 months.
    """
    assert lint_with("MS010", text) == []


def test_a_wait_that_gives_up_and_a_timeout_set_elsewhere() -> None:
    text = """
    # Snapshot agent

    ## Proposal

    The snapshot request waits up to
    20 seconds for the storage driver before giving up.

    ## Design details

    The snapshot request takes a timeout; the agent sets it to 45 seconds on every node.
    """
    findings = lint_with("MS010", text)
    assert spans(findings) == [(10, 30)]
    assert "line 5" in findings[0].message


def test_a_price_answered_in_a_faq_disagrees_with_the_press_release() -> None:
    text = """
    # Express withdrawals

    ## Press release

    Drivers can now withdraw their earnings within the hour, for a fee of 2% of the amount.

    ## FAQ

    **What does an express withdrawal cost?**
    2.5% of the amount withdrawn, at least 0.30 EUR.
    """
    findings = lint_with("MS010", text)
    assert spans(findings) == [(10, 1)]
    assert "line 5" in findings[0].message


def test_a_price_question_in_a_heading_is_answered_by_the_next_paragraph() -> None:
    text = """
    # Express withdrawals

    Drivers pay a fee of 2% of each express withdrawal.

    ## FAQ

    ### How much does it cost?

    2.5% of the amount withdrawn.
    """
    assert spans(lint_with("MS010", text)) == [(9, 1)]


def test_a_providers_own_fee_is_not_the_products_fee() -> None:
    text = """
    # Express withdrawals

    ## Pricing

    Drivers pay a fee of 2% of each express withdrawal.

    ## Costs

    Adyen charges 1% per withdrawal; our fee covers it.
    """
    assert lint_with("MS010", text) == []


def test_a_price_that_compares_is_not_a_fee() -> None:
    text = """
    # Express withdrawals

    ## Pricing

    Drivers pay a fee of 2% of each express withdrawal.

    ## FAQ

    **Is it dearer than a bank transfer? How much does it cost?**
    5% more than a standard transfer costs today.
    """
    assert lint_with("MS010", text) == []


def test_flags_two_statements_among_many_pieces_without_a_number() -> None:
    # only the pieces holding a digit are read for quantities: the others must not hide the two that are
    filler = "\n\n".join(f"Plain paragraph about the design, part {word}." for word in ("one", "two", "three") * 40)
    text = f"""
# Password reset

## Requirements

Reset links expire after 7 days.

## Notes

{filler}

## Email copy

Your reset link expires after 14 days.
"""
    findings = lint_with("MS010", text)
    assert len(findings) == 1 and "line 5" in findings[0].message
    assert spans(findings) == [(text.count("\n", 0, text.index("Your reset")) , 17)]


def test_flags_numbers_written_in_other_digits() -> None:
    # a digit is what `\d` matches: Arabic-Indic digits too
    text = """
    # Password reset

    ## Requirements

    Reset links expire after ٧ days.

    ## Email copy

    Your reset link expires after ١٤ days.
    """
    assert spans(lint_with("MS010", text)) == [(9, 17)]
