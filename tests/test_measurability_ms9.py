"""Measurability rules, ninth session (fam-ms9): an SRS's outline-numbered requirements written on
consecutive lines of one paragraph ("3.2.1 ...", "3.2.2 ...") are read one by one, and an outline
number is no value; a limits table keyed by its first column ("| Limit | Free | Team |") with words
for values ("Several", "A handful"); a PR/FAQ answer to "What are the success metrics?". Fixtures
written for these tests."""

from __future__ import annotations

from conftest import lint_with, spans

from speclint.document.parser import parse
from speclint.reading.normative import has_quantity, statements


SRS = """\
# Software Requirements Specification: Depot Planner

## 3. Specific Requirements
### 3.2 Performance Requirements
3.2.1 The route view shall load in under 2 seconds.
3.2.2 The planner shall stay responsive for large fleets during the morning dispatch.
3.2.3 Drivers shall be notified within a short time of a route change.
3.2.4 The planner shall be highly available.
3.2.5 The planner shall lock an account after repeated failed sign-in attempts.
"""


# --- reading: outline-numbered lines ---------------------------------------------------------


def test_each_outline_numbered_line_of_a_paragraph_is_its_own_statement() -> None:
    document = parse(SRS)
    lines = [statement.span.start.line for statement in statements(document) if statement.kind == "list-item"]
    assert lines == [5, 6, 7, 8, 9]


def test_an_outline_number_opening_a_requirement_is_no_value() -> None:
    assert not has_quantity("3.2.4 The planner shall be highly available.")


def test_a_number_after_the_outline_number_is_still_a_value() -> None:
    assert has_quantity("3.2.1 The route view shall load in under 2 seconds.")


def test_a_paragraph_opening_with_a_decimal_amount_is_not_cut_into_outline_items() -> None:
    document = parse("# Notes\n\n2.5 million riders use the app every week.\nMost of them pay by card.\n")
    assert [statement.kind for statement in statements(document)] == ["paragraph"]


# --- the rules on an SRS paragraph of numbered requirements ------------------------------------


def test_a_vague_magnitude_in_an_srs_numbered_line_is_flagged_despite_the_line_above() -> None:
    assert (6, 45) in spans(lint_with("MS005", SRS))


def test_within_a_short_time_in_an_srs_numbered_line_is_flagged() -> None:
    assert (7, 33) in spans(lint_with("MS005", SRS))


def test_highly_available_in_an_srs_numbered_line_is_flagged_once() -> None:
    # vague-requirement (WD006) names the word; unmeasurable-nfr (MS002) leaves that line to it
    assert [line for line, _column in spans(lint_with("WD006", SRS) + lint_with("MS002", SRS))].count(8) == 1


def test_highly_available_alone_in_an_srs_numbered_line_is_an_unmeasurable_nfr() -> None:
    text = """\
    # Software Requirements Specification: Depot Planner

    ## 3. Specific Requirements
    ### 3.2 Performance Requirements
    3.2.1 The route view shall load in under 2 seconds.
    3.2.2 The system shall be highly available.
    """
    assert spans(lint_with("MS002", text)) + spans(lint_with("WD006", text)) != []


def test_a_lockout_in_an_srs_numbered_line_is_flagged() -> None:
    assert spans(lint_with("MS003", SRS)) == [(9, 47)]


def test_srs_numbered_lines_with_their_values_are_not_flagged() -> None:
    text = """\
    # Software Requirements Specification: Depot Planner

    ## 3. Specific Requirements
    ### 3.2 Performance Requirements
    3.2.1 The route view shall load in under 2 seconds.
    3.2.2 The planner shall handle 400 vehicles during the morning dispatch.
    3.2.3 Drivers shall be notified within 30 seconds of a route change.
    """
    for rule in ("MS002", "MS003", "MS005"):
        assert lint_with(rule, text) == [], rule


# --- MS011: a limits table keyed by its first column --------------------------------------------


def test_a_word_in_a_plan_column_of_a_limits_table_is_flagged() -> None:
    text = """\
    # PRD: Free plan

    ## Limits

    | Limit | Free | Business |
    |---|---|---|
    | Projects | 3 | unlimited |
    | Guests per project | Several | 100 |
    """
    assert spans(lint_with("MS011", text)) == [(8, 24)]


def test_a_handful_in_the_value_column_of_a_limit_table_is_flagged() -> None:
    text = """\
    # PRD: Export API

    | Limit | Value |
    |---|---|
    | Rows per export | 100,000 |
    | Concurrent exports | A handful |
    """
    assert spans(lint_with("MS011", text)) == [(6, 24)]


def test_an_explaining_column_of_a_limits_table_is_not_a_value() -> None:
    text = """\
    # PRD: Workspaces

    | Limit | Value | Why |
    |---|---|---|
    | Workspaces per account | 5 | several teams share an account |
    """
    assert lint_with("MS011", text) == []


# --- MS004: a PR/FAQ answer to "What are the success metrics?" ------------------------------------


def test_an_answer_to_what_are_the_success_metrics_with_directions_only_is_flagged() -> None:
    text = """\
    # PR/FAQ: Pay by bank

    ## Internal FAQ
    **Q: What are the success metrics?**
    A: Lower card fees and higher checkout conversion for bank payers.
    """
    assert spans(lint_with("MS004", text)) == [(5, 4)]


def test_an_answer_to_what_does_success_look_like_with_a_target_is_not_flagged() -> None:
    text = """\
    # PR/FAQ: Pay by bank

    ## Internal FAQ
    **Q: What does success look like?**
    A: Bank payments reach 15% of checkout volume by the end of Q4 2026.
    """
    assert lint_with("MS004", text) == []


# --- MS004: a frequency is part of the measure, not a time frame ------------------------------------


def test_a_success_line_whose_only_period_is_a_frequency_is_flagged() -> None:
    text = """\
    # One-pager: Saved searches

    **Problem:** buyers rerun the same search every morning.

    **Success looks like:** more buyers come back each week, and fewer searches are abandoned.
    """
    assert spans(lint_with("MS004", text)) == [(5, 25)]


def test_a_success_line_with_a_deadline_within_a_week_is_not_flagged() -> None:
    text = """\
    # One-pager: Refunds

    **Success looks like:** every refund request is answered within a week.
    """
    assert lint_with("MS004", text) == []


# --- MS010: a size bound set by a refusal -----------------------------------------------------------


def test_a_refusal_above_another_size_than_the_stated_limit_is_a_contradiction() -> None:
    text = """\
    # PRD: Claims

    ## Requirements

    | ID | Requirement |
    |---|---|
    | FR-1 | Each photo may be up to 20 MB; the app compresses larger photos before upload. |

    Uploads happen in the background. The app refuses photos larger than 10 MB.
    """
    assert spans(lint_with("MS010", text)) == [(9, 58)]


def test_a_size_above_which_something_is_compressed_is_no_limit() -> None:
    text = """\
    # PRD: Claims

    ## Requirements
    - Each photo may be up to 20 MB.

    ## Processing
    - Photos over 10 MB are compressed before upload.
    """
    assert lint_with("MS010", text) == []


def test_two_plans_limits_side_by_side_are_tiers_not_a_contradiction() -> None:
    text = """\
    # PRD: Attachments

    ## Requirements
    - On the Free plan, attachments may be up to 25 MB.
    - On the Business plan, attachments may be up to 100 MB.
    """
    assert lint_with("MS010", text) == []


# --- MS010: a threshold crossed in other words ------------------------------------------------------


def test_goes_above_and_exceeds_for_the_same_threshold_and_action_are_a_contradiction() -> None:
    text = """\
    # 17. Switch CDN on the client

    ## Decision Drivers
    * Switch when the rebuffering ratio over the last minute exceeds 2%.

    ## Decision Outcome
    The player switches to the secondary CDN when its rebuffering ratio goes above 5%.
    """
    assert spans(lint_with("MS010", text)) == [(7, 69)]


def test_two_thresholds_of_one_rate_for_two_actions_are_an_escalation() -> None:
    text = """\
    # Design: Checkout rollout

    ## Monitoring
    We alert the on-call engineer when the checkout error rate exceeds 1%.

    ## Rollout
    The rollout is rolled back automatically when the checkout error rate goes above 5%.
    """
    assert lint_with("MS010", text) == []


# --- MS005: a retention by an unstated norm ---------------------------------------------------------


def test_a_retention_for_the_usual_period_in_an_adr_decision_is_flagged() -> None:
    text = """\
    # 9. Archive the write-ahead log

    Date: 2026-01-01

    ## Decision

    - WAL archives are kept for the usual period, then deleted by the cleanup job.
    """
    assert spans(lint_with("MS005", text, path="0009-archive-wal.md")) == [(7, 20)]


def test_a_standard_period_with_its_length_is_not_flagged() -> None:
    text = """\
    # PRD: Artifacts

    ## Requirements
    - Artifacts are retained for the standard period of 30 days.
    """
    assert lint_with("MS005", text) == []
