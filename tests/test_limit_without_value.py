"""MS005 limit-without-value (and MS003 threshold-without-value on damaged real documents): limits with no value."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, md, requires_corpus, spans

from speclint.document.parser import parse
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.registry import load_registry

# --- shapes that are flagged ---------------------------------------------------------------------


def test_an_expiry_with_no_duration() -> None:
    text = """
    ## Requirements

    - Password reset links expire.
    """
    findings = lint_with("MS005", text)
    assert spans(findings) == [(3, 3)]
    assert "after how long" in findings[0].message


def test_a_period_of_inactivity() -> None:
    text = """
    ## Requirements

    - The app signs the user out after a period of inactivity.
    """
    assert spans(lint_with("MS005", text)) == [(3, 30)]


def test_a_rate_limit_applied_with_no_rate() -> None:
    text = """
    ## Requirements

    - The public API is rate limited per user.
    """
    assert spans(lint_with("MS005", text)) == [(3, 18)]


def test_a_retention_with_no_period() -> None:
    text = """
    ## Requirements

    - Audit logs are retained for a limited period.
    """
    assert spans(lint_with("MS005", text)) == [(3, 18)]


def test_a_retry_with_no_count() -> None:
    text = """
    ## Requirements

    - Failed webhook deliveries are retried.
    """
    assert spans(lint_with("MS005", text)) == [(3, 29)]


def test_a_window_named_with_no_length() -> None:
    text = """
    ## Requirements

    - Orders placed before noon arrive within the delivery window.
    """
    assert spans(lint_with("MS005", text)) == [(3, 36)]


def test_a_session_timeout_named_as_applying() -> None:
    text = """
    ## Requirements

    - A session timeout applies to the admin pages.
    """
    assert spans(lint_with("MS005", text)) == [(3, 5)]


def _lint_as(profile: str, text: str) -> list[tuple[int, int]]:
    rule = load_registry().get("MS005")
    assert rule is not None
    result = run_rules(parse(md(text), "design.md"), [ActiveRule(rule, rule.default_level, rule.resolve_options({}))],
                       profile=profile)
    return [(finding.span.start.line, finding.span.start.column) for finding in result.findings]


def test_an_id_statement_in_a_design_proposal_is_read() -> None:
    text = """
    ## Design

    - **FR-7**: Invitation links expire.
    """
    assert _lint_as("design-doc", text) == [(3, 13)]


def test_many_concurrent_users_in_a_requirement() -> None:
    text = """
    ## Requirements

    - The service supports many concurrent users.
    """
    findings = lint_with("MS005", text)
    assert spans(findings) == [(3, 24)]
    assert "how many" in findings[0].message


def test_large_customers_in_a_requirement() -> None:
    text = """
    ## Requirements

    - Large customers can import their whole catalog.
    """
    assert spans(lint_with("MS005", text)) == [(3, 3)]


def test_updates_in_real_time() -> None:
    text = """
    ## Requirements

    - The order board updates in real time.
    """
    assert spans(lint_with("MS005", text)) == [(3, 27)]


def test_idle_sessions_timed_out_with_no_value() -> None:
    text = """
    ## Requirements

    REQ-2: The system shall time out idle sessions.
    """
    assert spans(lint_with("MS005", text)) == [(3, 25)]


def test_a_retry_in_an_ears_line_and_with_backoff() -> None:
    text = """
    ## Requirements

    - IF the email provider fails THEN the system SHALL retry the send.
    - Failed sync jobs retry with exponential backoff.
    """
    assert spans(lint_with("MS005", text)) == [(3, 47), (4, 20)]


def test_a_timeout_named_and_never_given() -> None:
    text = """
    ## Requirements

    - WHEN the user is idle THEN the system SHALL end the session after the inactivity timeout.
    """
    assert spans(lint_with("MS005", text)) == [(3, 63)]


def test_rate_limits_that_apply_and_requests_that_are_throttled() -> None:
    text = """
    ## Requirements

    - Rate limits apply to the export API.
    - Excess webhook calls are throttled.
    """
    assert spans(lint_with("MS005", text)) == [(3, 3), (4, 24)]


def test_a_retention_with_no_period_at_all() -> None:
    text = """
    ## Requirements

    - Audit log entries are retained.
    """
    assert spans(lint_with("MS005", text)) == [(3, 21)]


def test_instantly_and_a_large_number_demanded() -> None:
    text = """
    ## Requirements

    - Search results must appear instantly.
    - The service must handle a large number of concurrent sessions.
    """
    assert spans(lint_with("MS005", text)) == [(3, 30), (4, 27)]


def test_a_design_doc_states_its_design() -> None:
    text = """
    ## Design

    Results are cached for a short time.
    """
    assert _lint_as("design-doc", text) == [(3, 20)]


def test_an_adr_is_read_in_its_decision_only() -> None:
    text = """
    ## Considered options

    - Sessions expire after a period of inactivity.

    ## Decision

    Sessions expire after a period of inactivity.
    """
    assert _lint_as("adr", text) == [(7, 1)]


# --- traps that are not flagged ------------------------------------------------------------------


def test_a_magnitude_demanded_in_prose_outside_requirements() -> None:
    text = """
    ## Solution

    The cart page must update in real time. Large customers churn today.
    """
    assert spans(lint_with("MS005", text)) == [(3, 27)]  # the second sentence describes


def test_streaming_in_real_time_is_the_behaviour() -> None:
    text = """
    ## Acceptance criteria

    - Clicking it starts the agent; progress streams in real time.
    """
    assert lint_with("MS005", text) == []


def test_magnitudes_outside_requirements_describe() -> None:
    text = """
    ## Context

    Many users complain that large customers cannot see orders in real time.
    """
    assert lint_with("MS005", text) == []


def test_a_magnitude_given_elsewhere_answers_it() -> None:
    text = """
    ## Requirements

    - Large files are rejected with a clear message.
    - Uploads up to 25 MB are accepted.
    """
    assert lint_with("MS005", text) == []


def test_a_limit_with_its_value_is_fine() -> None:
    text = """
    ## Requirements

    - Sessions expire after 30 minutes of inactivity.
    - Failed webhook deliveries are retried 5 times with exponential backoff.
    """
    assert lint_with("MS005", text) == []


def test_a_value_given_elsewhere_in_the_document_answers_it() -> None:
    text = """
    ## Requirements

    - Sessions expire after a period of inactivity.

    ## Configuration

    | Setting | Value |
    |---|---|
    | Session expiry | 30 minutes |
    """
    assert lint_with("MS005", text) == []


def test_another_things_expiry_does_not_answer_it() -> None:
    text = """
    ## Requirements

    - Sessions expire.
    - Invitations expire after 7 days.
    """
    assert spans(lint_with("MS005", text)) == [(3, 3)]


def test_saying_there_is_no_limit_is_not_a_missing_value() -> None:
    text = """
    ## Requirements

    - Share links never expire.
    - Sessions do not time out while a download runs.
    """
    assert lint_with("MS005", text) == []


def test_an_external_limit_to_respect_is_not_the_systems_own() -> None:
    text = """
    ## Requirements

    - The sync job must respect the provider's rate limits.
    """
    assert lint_with("MS005", text) == []


def test_a_vague_time_that_limits_nothing_is_not_flagged() -> None:
    text = """
    ## Requirements

    - The migration may take some time.
    """
    assert lint_with("MS005", text) == []


def test_background_and_questions_are_not_read() -> None:
    text = """
    ## Background

    Sessions expire after a while in the old system.

    ## Requirements

    - Should failed exports be retried?
    """
    assert lint_with("MS005", text) == []


def test_quoted_ui_text_is_not_read() -> None:
    text = """
    ## Requirements

    - The banner reads "Your session expires soon".
    """
    assert lint_with("MS005", text) == []


def test_prose_of_a_design_proposal_discusses() -> None:
    text = """
    ## Proposal

    The lease expires and another replica takes over after some time.
    """
    assert _lint_as("kep", text) == []


def test_a_retry_with_its_count_elsewhere() -> None:
    text = """
    ## Requirements

    - IF the email provider fails THEN the system SHALL retry the send.

    ## Limits

    | Setting | Value |
    |---|---|
    | Email retries | 3 attempts, 1 s backoff |
    """
    assert lint_with("MS005", text) == []


def test_how_long_something_is_retained_is_a_question() -> None:
    text = """
    ## Plan

    - Decide where artifacts are stored and how long they are retained.
    """
    assert lint_with("MS005", text) == []


def test_instantly_in_a_description() -> None:
    text = """
    ## Requirements

    Today results appear instantly for small catalogs.
    """
    assert lint_with("MS005", text) == []


# --- damage tests on a real Kiro requirements document -------------------------------------------

_KIRO = "kiro-more/Homas__RpiDNS__.kiro__specs__user-authentication__requirements.md"
_RATE_LIMIT = (74, 30)  # "5. THE Authentication_System SHALL rate-limit login attempts to prevent brute force attacks"
_EXPIRY = "3. WHEN a session has been inactive for 24 hours, THE Authentication_System SHALL automatically expire it"


def _findings(rule_id: str, path: Path) -> list[tuple[int, int]]:
    rule = load_registry().get(rule_id)
    assert rule is not None
    active = ActiveRule(rule, rule.default_level, rule.resolve_options({}))
    result = run_rules(parse(path.read_text(encoding="utf-8"), str(path)), [active])
    return [(finding.span.start.line, finding.span.start.column) for finding in result.findings]


def _damaged(tmp_path: Path, old: str, new: str) -> Path:
    text = (CORPUS / _KIRO).read_text(encoding="utf-8")
    assert old in text, f"{_KIRO} changed: the damage no longer applies"
    damaged = tmp_path / "requirements.md"
    damaged.write_text(text.replace(old, new, 1), encoding="utf-8")
    return damaged


@requires_corpus
def test_damage_the_session_expiry_value_removed(tmp_path: Path) -> None:
    # before the damage: only the document's own "SHALL rate-limit login attempts" (line 74) has no value
    assert _findings("MS005", CORPUS / _KIRO) == [_RATE_LIMIT]
    damaged = _damaged(tmp_path, _EXPIRY, _EXPIRY.replace("for 24 hours", "for a while"))
    assert _findings("MS005", damaged) == [(72, 37), _RATE_LIMIT]


@requires_corpus
def test_damage_an_idle_sign_out_inserted_while_the_value_is_given(tmp_path: Path) -> None:
    anchor = "5. IF a session token is invalid or expired, THEN THE Authentication_System SHALL redirect the user to the Login_Page\n"
    inserted = "6. THE Authentication_System SHALL sign the user out after a period of inactivity\n"
    damaged = _damaged(tmp_path, anchor, anchor + inserted)
    assert _findings("MS005", damaged) == [(_RATE_LIMIT[0] + 1, _RATE_LIMIT[1])]  # line 73 still says 24 hours


@requires_corpus
def test_damage_a_rate_limit_without_a_rate_inserted(tmp_path: Path) -> None:
    anchor = "5. IF a session token is invalid or expired, THEN THE Authentication_System SHALL redirect the user to the Login_Page\n"
    inserted = "6. THE Authentication_System SHALL be rate limited per client address\n"
    damaged = _damaged(tmp_path, anchor, anchor + inserted)
    assert _findings("MS005", damaged) == [(28, 36), (_RATE_LIMIT[0] + 1, _RATE_LIMIT[1])]


@requires_corpus
def test_damage_a_lockout_after_multiple_failed_attempts_inserted(tmp_path: Path) -> None:
    assert _findings("MS003", CORPUS / _KIRO) == []
    anchor = "5. IF a session token is invalid or expired, THEN THE Authentication_System SHALL redirect the user to the Login_Page\n"
    inserted = "6. THE account is temporarily locked after multiple failed login attempts\n"
    damaged = _damaged(tmp_path, anchor, anchor + inserted)
    assert _findings("MS003", damaged) == [(28, 44)]


def test_vague_magnitudes_of_a_measure_demanded() -> None:
    text = """
    ## Requirements

    - The cache must keep a high hit rate.
    - Deployments must cause minimal downtime.
    - The new index should significantly reduce query latency.
    - Beta ends once enough users have tried the feature.
    """
    assert spans(lint_with("MS005", text)) == [(3, 23), (4, 26), (5, 24), (6, 18)]


def test_codes_that_are_short_lived() -> None:
    text = """
    ## Requirements

    - Email verification codes are short-lived.
    - The service accepts short-lived credentials from the cloud provider.
    """
    assert spans(lint_with("MS005", text)) == [(3, 28)]


def test_instantly_in_a_checklist_criterion_without_a_demand() -> None:
    text = """
    ## Acceptance criteria

    - [ ] Cached results load instantly on revisit (no network call).
    """
    assert lint_with("MS005", text) == []


def test_we_retry_with_no_count() -> None:
    text = """
    ## Solution

    The transfer runs on the chosen day; if it fails, we retry later.
    """
    assert spans(lint_with("MS005", text)) == [(3, 51)]


def test_a_large_number_of_concurrent_merchants() -> None:
    text = """
    ## Requirements

    - The system shall support a large number of concurrent merchants.
    """
    assert spans(lint_with("MS005", text)) == [(3, 28)]


def test_many_concurrent_logins() -> None:
    text = """
    ## Requirements

    1. THE system SHALL handle many concurrent logins.
    """
    assert spans(lint_with("MS005", text)) == [(3, 28)]


def test_a_settlement_window_named_with_no_length() -> None:
    text = """
    ## Requirements

    - Payouts are processed within the settlement window.
    """
    assert spans(lint_with("MS005", text)) == [(3, 25)]


def test_reminders_sent_periodically() -> None:
    text = """
    ## Requirements

    - The system sends reminders periodically.
    """
    assert spans(lint_with("MS005", text)) == [(3, 14)]


def test_a_reminder_shortly_before_an_event() -> None:
    text = """
    ## Requirements

    - Reminders are sent shortly before the appointment.
    """
    assert spans(lint_with("MS005", text)) == [(3, 22)]


def test_shortly_before_answered_by_another_line() -> None:
    text = """
    ## Requirements

    - Reminders are sent shortly before the appointment.

    ## Notifications

    - The reminder goes out 24 hours before the appointment.
    """
    assert lint_with("MS005", text) == []


def test_real_time_in_the_what_of_a_one_pager_is_flagged() -> None:
    text = """
    # Shared carts

    ## Why

    Families order together and today they pass one phone around.

    ## What

    - Each member adds items from their own phone.
    - The cart total updates in real time for every member.

    ## Not doing

    - Split payments.
    """
    assert spans(lint_with("MS005", text)) == [(10, 26)]


def test_real_time_in_a_readme_style_what_section_is_a_description() -> None:
    text = """
    # cartsync

    ## What

    - Syncs carts in real time.
    """
    assert lint_with("MS005", text) == []


def test_a_duration_given_to_the_thing_that_expires_answers_the_expiry() -> None:
    text = """
    ## Requirements

    - A worker claims a job with a 10-minute lease.
    - Abandoned leases expire and the job returns to the queue.
    """
    assert lint_with("MS005", text) == []


def test_an_expiry_at_a_named_moment_has_its_value() -> None:
    text = """
    ## Requirements

    - Boarding passes expire at the end of the flight's boarding window.
    """
    assert lint_with("MS005", text) == []


def test_an_expiry_once_used_has_its_value() -> None:
    text = """
    ## Requirements

    - Gift codes expire once they are redeemed.
    """
    assert lint_with("MS005", text) == []


def test_an_expiry_at_an_unnamed_moment_is_still_reported() -> None:
    text = """
    ## Requirements

    - Guest links expire at some point.
    """
    assert spans(lint_with("MS005", text)) == [(3, 9)]
