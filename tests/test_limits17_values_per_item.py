"""Round 17 (limits17): a limit whose value is set per item elsewhere is not a limit the document forgot.

"Above the remaining credit", "within their allotted quota", "later than its expected delivery window": what is
left of a limit, whose limit it is, or what is expected of it does not say which limit; the limit itself is the one
to find a value for. And a limit whose values are listed item by item ("Delivery windows per carrier:" over a table,
a table column headed by the limit) is given, in numbers or in words ("next working day"). All sentences are ours."""

from __future__ import annotations

from conftest import lint_with


def lines(rule: str, text: str, path: str = "spec.md") -> list[int]:
    return [finding.span.start.line for finding in lint_with(rule, text, path=path)]


# --- values listed per item under a lead-in or in a column -----------------------------------------------------------


def test_windows_listed_per_carrier_under_a_lead_in() -> None:
    text = """
    ## Requirements

    Parcels not scanned later than their expected delivery window open a claim.
    Delivery windows per carrier:

    | Carrier | Delivered |
    |---|---|
    | Post | next working day |
    | Courier | within 4 hours |
    """
    assert lines("MS005", text) == []


def test_a_column_headed_by_the_limit_gives_it_per_row() -> None:
    text = """
    ## Requirements

    - Exports above the monthly export cap are queued for the next night.

    | Plan | Monthly export cap |
    |---|---|
    | Free | 10 exports |
    | Team | 200 exports |
    """
    assert lines("MS005", text) == []


def test_a_list_under_a_lead_in_gives_the_values() -> None:
    text = """
    ## Requirements

    - Holds beyond the branch loan limit are refused.

    Branch loan limits:
    - Central: 12 items
    - Riverside: 8 items
    """
    assert lines("MS005", text) == []


def test_a_lead_in_over_items_without_any_value_is_no_value() -> None:
    text = """
    ## Requirements

    - Holds beyond the branch loan limit are refused.

    The branch loan limit applies to:
    - printed books
    - audiobooks
    """
    assert lines("MS005", text) == [3]


def test_a_column_of_another_limit_does_not_answer() -> None:
    text = """
    ## Requirements

    - Exports above the monthly export cap are queued for the next night.

    | Plan | Seat cap |
    |---|---|
    | Free | 3 seats |
    """
    assert lines("MS005", text) == [3]


# --- what is left of a limit, or whose it is, does not name another limit ---------------------------------------------


def test_the_remaining_credit_is_answered_by_the_credit_limit() -> None:
    text = """
    ## Requirements

    - A buyer's credit limit is 2,000 EUR per calendar month.
    - Orders above the remaining credit limit are sent for approval.
    """
    assert lines("MS005", text) == []


def test_an_allotted_quota_shown_by_example_in_a_scenario() -> None:
    text = """
    ## Requirements

    - Messages beyond their allotted quota are billed per message.

    ## Scenarios

    1. Given a team on a 5,000-message quota that sent 5,200, then 200 messages are billed.
    """
    assert lines("MS005", text) == []


def test_a_remaining_quota_never_given_anywhere_is_still_reported() -> None:
    text = """
    ## Requirements

    - Uploads beyond the remaining storage quota are rejected with a clear message.
    """
    assert lines("MS005", text) == [3]


def test_a_long_name_of_a_limit_with_no_value_is_reported() -> None:
    text = """
    ## Requirements

    - Transfers above the per-account weekly outbound transfer limit need a second approver.
    """
    assert lines("MS005", text) == [3]


# --- a configurable limit with no default, where the document gives defaults for other settings ----------------------


def test_a_configurable_window_with_no_default_beside_settings_with_defaults() -> None:
    text = """
    ## Requirements

    1. **REQ-7** The collector SHALL batch events over a configurable flush interval.
    2. **REQ-8** The collector SHALL drop events older than the retention age (configurable, default 7 days).
    """
    assert lines("MS005", text) == [3]


def test_a_configurable_limit_with_its_default_in_the_sentence() -> None:
    text = """
    ## Requirements

    1. **REQ-7** The collector SHALL batch events over a configurable flush interval, defaulting to 10 s.
    2. **REQ-8** The collector SHALL keep events for a configurable retention age (default 7 days).
    """
    assert lines("MS005", text) == []


def test_configurable_is_the_whole_answer_where_no_setting_has_a_default() -> None:
    text = """
    ## Requirements

    1. **REQ-7** The collector SHALL batch events over a configurable flush interval.
    2. **REQ-8** The collector SHALL let operators choose the output format.
    """
    assert lines("MS005", text) == []


def test_a_configurable_limit_given_a_value_in_a_settings_table() -> None:
    text = """
    ## Requirements

    | ID | Requirement |
    |---|---|
    | SR-3 | Uploads are split into chunks up to a configurable chunk cap. |
    | SR-4 | Idle uploads expire after a configurable TTL (default 24 h). |

    | Setting | Value |
    |---|---|
    | Chunk cap | 8 MiB |
    """
    assert lines("MS005", text) == []


def test_an_unnumbered_background_sentence_is_not_read() -> None:
    text = """
    ## Background

    Older collectors used a configurable flush interval; the new one keeps its retention age (default 7 days).
    """
    assert lines("MS005", text) == []
