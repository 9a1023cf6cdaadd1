"""Round 19 (limits19): retries, backoff and configurable limits named with no value, in the shapes real authors use.

A backoff built or used with no count or delay ("must implement jittered backoff"); an EARS requirement's retry that
another requirement's count does not size (each trigger retries its own way); a limit made configurable as a
predicate ("the scan interval and idle cutoff shall be configurable") in a document whose defaults sit under a
heading of their own; a limit sized only as "appropriate". Traps: the backoff's values given in a settings table,
a default documented, a retry with a changed input, a retry asked about in a Q&A. All sentences are ours."""

from __future__ import annotations

from conftest import lint_with


def findings(rule: str, text: str) -> list[tuple[int, int]]:
    return [(finding.span.start.line, finding.span.start.column) for finding in lint_with(rule, text, path="spec.md")]


# --- a backoff built or used, with no count or delay ------------------------------------------------------------------


def test_a_backoff_to_implement_with_no_values() -> None:
    text = """
    ## Requirements

    - **Upstream throttling:** the sync worker must detect quota errors from the mail provider and use jittered backoff.
    """
    assert findings("MS005", text) == [(3, 96)]


def test_a_backoff_whose_values_are_in_a_settings_table_is_given() -> None:
    text = """
    ## Requirements

    - The sync worker must detect quota errors and use jittered backoff.

    | Setting | Value |
    |---|---|
    | Backoff attempts | 6 |
    """
    assert findings("MS005", text) == []


def test_locking_with_retry_and_backoff() -> None:
    text = """
    ## Requirements

    - The ledger writer shall guard the journal file with retry and exponential backoff.
    """
    assert findings("MS005", text) == [(3, 50)]


# --- one EARS requirement's retry count does not size another's ---------------------------------------------------------


def test_another_triggers_retry_count_does_not_answer() -> None:
    text = """
    ## Requirements

    1. WHEN the thumbnail render fails, THE Renderer SHALL retry with exponential backoff up to 4 attempts
    2. WHEN the object store rejects an upload, THE Renderer SHALL retry with exponential backoff
    """
    assert [line for line, _ in findings("MS005", text)] == [4]


def test_the_same_trigger_restated_is_answered() -> None:
    text = """
    ## Requirements

    1. WHEN the object store rejects an upload, THE Renderer SHALL retry with exponential backoff
    2. WHEN the object store rejects an upload, THE Renderer SHALL retry at most 4 times before alerting
    """
    assert findings("MS005", text) == []


def test_a_retry_with_a_changed_input_is_not_a_loop() -> None:
    text = """
    ## Requirements

    1. WHEN a slug collision occurs, THE Publisher SHALL retry with a new random suffix
    """
    assert findings("MS005", text) == []


def test_a_retry_asked_about_and_answered() -> None:
    text = """
    ## Clarifications

    - Q: Should a dropped upload trigger automatic retry? → A: No, the user uploads again.
    """
    assert findings("MS005", text) == []


# --- a limit made configurable, in a document whose defaults stand under their own heading ------------------------------


def test_limits_made_configurable_as_a_predicate_with_defaults_under_a_heading() -> None:
    text = """
    ## Functional requirements

    1. The scan interval and idle cutoff shall be configurable.

    ## Defaults

    - Report page: 50 rows.
    """
    assert findings("MS005", text) == [(3, 8)]


def test_a_documented_default_answers_the_predicate() -> None:
    text = """
    ## Functional requirements

    1. The scan interval shall be configurable.

    ## Defaults

    - Scan interval: 10 minutes.
    """
    assert findings("MS005", text) == []


def test_a_heading_naming_defaults_with_no_values_below_states_no_defaults() -> None:
    text = """
    ## Functional requirements

    1. The scan interval shall be configurable.

    ## Defaults

    Operators choose these at install time.
    """
    assert findings("MS005", text) == []


# --- a limit sized only as appropriate ----------------------------------------------------------------------------------


def test_an_appropriate_retention_period_in_a_requirement() -> None:
    text = """
    ## Requirements

    - Call recordings are kept in cold storage with an appropriate retention period.
    """
    assert findings("MS005", text) == [(3, 49)]


def test_an_appropriate_lifetime_in_background_prose_is_not_read() -> None:
    text = """
    ## Background

    The compiler could not infer an appropriate lifetime for the borrowed buffer.
    """
    assert findings("MS005", text) == []


# --- a ticked task of a plan is a record of work done ---------------------------------------------------------------------


def test_a_detail_under_a_ticked_task_is_not_read() -> None:
    text = """
    ## Tasks

    - [x] 3.1 Harden the invoice exporter
      - Exporter uses exponential backoff against the ledger API
    """
    assert findings("MS005", text) == []


def test_the_same_detail_as_a_requirement_is_read() -> None:
    text = """
    ## Requirements

    - The invoice exporter uses exponential backoff against the ledger API.
    """
    assert findings("MS005", text) == [(3, 24)]


def test_a_retry_schedule_table_gives_the_delays() -> None:
    text = """
    ## Requirements

    Failed invoice uploads are retried on this schedule:

    | Try | Wait | Then |
    |---|---|---|
    | 1 | 30 s | retry |
    | 2 | 10 min | alert finance |
    """
    assert findings("MS005", text) == []
