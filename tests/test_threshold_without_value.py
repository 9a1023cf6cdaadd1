"""MS003 threshold-without-value: a limit the system enforces, given no value."""

from __future__ import annotations

from conftest import lint_with, spans


def test_a_lockout_with_a_vague_count_and_duration_is_flagged_once() -> None:
    findings = lint_with("MS003", "## Sign-in\n\nAfter multiple failed sign-in attempts the account is temporarily locked.\n")

    assert spans(findings) == [(3, 7)]
    assert "how many?" in findings[0].message


def test_an_ears_criterion_that_locks_on_repeated_failures_is_flagged() -> None:
    text = "1. WHEN a sign-in fails repeatedly for an account THE SYSTEM SHALL temporarily lock the account.\n"

    assert spans(lint_with("MS003", text)) == [(1, 19)]


def test_a_limit_with_its_numbers_passes() -> None:
    text = "After 5 failed sign-in attempts within 15 minutes the account is locked for 30 minutes.\n"

    assert lint_with("MS003", text) == []


def test_descriptions_quotes_and_background_are_not_limits() -> None:
    text = (
        "## Background\n\nAfter multiple failed attempts users are temporarily locked today.\n\n"
        "## Design\n\nThe index avoids making many requests to the registry.\n\n"
        "The system SHALL show \"Too many attempts: you are temporarily locked\".\n"
    )

    assert lint_with("MS003", text) == []


def test_a_wrong_code_entered_repeatedly_blocks_attempts() -> None:
    text = """
    ## Requirements

    - WHEN a user enters the wrong code repeatedly THEN the system SHALL block further attempts.
    """
    assert spans(lint_with("MS003", text)) == [(3, 37)]


def test_an_account_locked_for_a_period_of_time() -> None:
    text = """
    ## Requirements

    - After 5 failed attempts in 10 minutes the account is locked.
    - Accounts that fail verification are locked for a period of time.
    """
    assert spans(lint_with("MS003", text)) == [(4, 39)]


def test_repeatedly_without_a_penalty_is_a_description() -> None:
    text = """
    ## Requirements

    - Users repeatedly open the export page to check progress.
    """
    assert lint_with("MS003", text) == []


def test_a_lockout_with_a_count_and_no_duration() -> None:
    text = """
    ## Requirements

    - After 5 failed login attempts the account is locked.
    - After 5 failed login attempts the account is locked for 15 minutes.
    - After 10 failed attempts the account is locked until an admin unlocks it.
    """
    assert spans(lint_with("MS003", text)) == [(3, 48)]


def test_a_rate_limit_with_a_count_and_no_window() -> None:
    text = """
    ## Requirements

    - The export API is rate limited to 100 requests per API key.
    - The search API is rate limited to 100 requests per minute per key.
    - Webhooks are throttled at 20 calls/s.
    """
    assert spans(lint_with("MS003", text)) == [(3, 21)]


def test_a_lock_with_no_counted_trigger_is_another_lock() -> None:
    text = """
    ## Requirements

    - The invoice row is locked while 2 editors work on it.
    """
    assert lint_with("MS003", text) == []


def test_too_many_attempts_make_the_user_wait() -> None:
    text = """
    ## Requirements

    - After too many failed attempts the user must wait before trying again.
    """
    assert spans(lint_with("MS003", text)) == [(3, 9)]


def test_a_requirement_reference_is_not_a_count() -> None:
    text = """
    ## Sign-in

    After several failed sign-in attempts the account is temporarily locked, and the user unlocks
    it from the email of R4 (see §3.2).
    """
    assert spans(lint_with("MS003", text)) == [(3, 7)]
