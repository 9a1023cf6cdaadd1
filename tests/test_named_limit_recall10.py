"""Issue 14, class 2 (round 15): a limit, threshold, window, budget or tolerance the document names as a boundary
of behaviour and never gives a value (MS005), a level reached in words (MS012), and their traps."""

from __future__ import annotations

from conftest import lint_with, spans

# --- a named limit used as a boundary, with no value anywhere (MS005) ---------------------------------


def test_a_review_limit_that_holds_payouts() -> None:
    text = """
    ## Requirements

    - Payouts above the review limit are held for manual review.
    """
    findings = lint_with("MS005", text)
    assert spans(findings) == [(3, 11)]
    assert "never gives this limit a value" in findings[0].message


def test_a_per_card_cap_behind_a_possessive() -> None:
    text = """
    ## Functional requirements

    1. Members may borrow items up to their card's loan cap; the app shows how many remain.
    """
    assert spans(lint_with("MS005", text)) == [(3, 29)]


def test_a_threshold_split_over_two_lines_in_a_design_doc() -> None:
    text = """
    # Fraud scoring design

    ## Design

    An order is sent to manual review when its score is more than the fraud
    threshold.
    """
    assert spans(lint_with("MS005", text)) == [(5, 53)]


def test_a_maximum_in_a_constraints_table() -> None:
    text = """
    ## Constraints

    | ID | Kind | Constraint |
    |---|---|---|
    | C1 | Hard | No driver works more than the maximum consecutive shifts. |
    """
    assert spans(lint_with("MS005", text)) == [(5, 31)]


def test_a_time_budget_in_prose() -> None:
    text = """
    ## Proposal

    The planner stops after its time budget and returns the best route found.
    """
    assert spans(lint_with("MS005", text)) == [(3, 19)]


def test_a_tolerance_without_an_article() -> None:
    text = """
    ## Solution

    Weights outside tolerance are sent back to the packing station.
    """
    assert spans(lint_with("MS005", text)) == [(3, 9)]


def test_a_named_retention_period_in_a_clause_of_its_own() -> None:
    text = """
    ## Requirements

    - Closed tickets are archived on the first day of each month, and deleted after the retention period.
    """
    assert spans(lint_with("MS005", text)) == [(3, 75)]


def test_a_spanish_risk_threshold() -> None:
    text = """
    ## Requisitos funcionales

    - **FR-003**: El sistema DEBE bloquear los pedidos cuyo importe supere el umbral de fraude.
    """
    assert spans(lint_with("MS005", text)) == [(3, 65)]


def test_a_german_threshold_before_its_verb() -> None:
    text = """
    ## Anforderungen

    - **FR-004**: Wenn der Verbrauch den Schwellenwert überschreitet, sendet das System eine Warnung.
    """
    assert len(lint_with("MS005", text)) == 1


def test_a_french_ceiling() -> None:
    text = """
    ## Exigences

    - **FR-007**: Les remboursements au-delà du plafond de remboursement sont validés par un responsable.
    """
    assert len(lint_with("MS005", text)) == 1


def test_a_german_vague_validity() -> None:
    text = """
    ## Anforderungen

    - Ein Gutschein ist für einen begrenzten Zeitraum gültig.
    """
    assert spans(lint_with("MS005", text)) == [(3, 21)]


# --- traps: the value is there, delegated, or not this document's -------------------------------------


def test_value_given_in_a_limits_table() -> None:
    text = """
    ## Requirements

    - Payouts above the review limit are held for manual review.

    ## Limits

    | Limit | Value |
    |---|---|
    | Review limit | $2,000 per payout |
    """
    assert lint_with("MS005", text) == []


def test_value_given_in_a_configuration_block() -> None:
    text = """
    ## Design

    If the consumer lag grows beyond the lag limit, the indexer pauses.

    ```yaml
    indexer:
      lag_limit: 50000
    ```
    """
    assert lint_with("MS005", text) == []


def test_value_given_under_another_noun_of_the_same_kind() -> None:
    text = """
    ## Proposal

    The planner stops after its time budget and returns the best route found.

    - **Solver time limit:** 30 seconds per depot.
    """
    assert lint_with("MS005", text) == []


def test_value_given_by_a_label_without_the_noun() -> None:
    text = """
    ## Requirements

    - Closed tickets are deleted after the retention period.

    ## Data

    - **Retention:** 90 days
    """
    assert lint_with("MS005", text) == []


def test_value_beside_the_limit() -> None:
    text = """
    ## Requirements

    - Payouts above the review limit ($2,000) are held for manual review.
    """
    assert lint_with("MS005", text) == []


def test_another_use_of_the_limit_with_another_number_gives_no_value() -> None:
    text = """
    ## Requirements

    - Sellers younger than 90 days whose volume exceeds the risk threshold are held.
    - A held seller above the risk threshold is reviewed within 1 day.
    """
    assert len(lint_with("MS005", text)) == 2


def test_a_configurable_limit_is_delegated() -> None:
    text = """
    ## Requirements

    - Payouts above the review limit, configurable per seller by Finance, are held.
    """
    assert lint_with("MS005", text) == []


def test_another_systems_limit_is_cited() -> None:
    text = """
    ## Design

    Calls beyond GitHub's API rate limit are queued and replayed.
    """
    assert lint_with("MS005", text) == []


def test_a_limit_in_an_open_questions_section() -> None:
    text = """
    ## Open questions

    - Payouts above the review limit are held; Finance to decide the amount by 2026-12-15.
    """
    assert lint_with("MS005", text) == []


def test_a_limit_in_rejected_alternatives() -> None:
    text = """
    ## Alternatives considered

    Holding payouts above the review limit was rejected: it delays every large seller.
    """
    assert lint_with("MS005", text) == []


def test_a_cap_set_by_an_agreement() -> None:
    text = """
    ## Requisitos

    - **FR-002**: Los días no disfrutados pasan al año siguiente hasta el tope de su convenio.
    """
    assert lint_with("MS005", text) == []


def test_a_bare_limit_just_stated_in_the_same_requirement() -> None:
    text = """
    ## Requirements

    - **FR-006**: The endpoint is rate-limited to 60 requests per minute per IP, and answers 429 above the
      limit.
    """
    assert lint_with("MS005", text) == []


def test_a_window_with_no_name_is_not_a_limit() -> None:
    text = """
    ## Requirements

    - Reports compare each metric within the same window.
    """
    assert lint_with("MS005", text) == []


def test_an_expiry_whose_duration_a_table_row_gives() -> None:
    text = """
    # Queue design

    ## Design

    | Setting | Value | Why |
    |---|---|---|
    | Worker lease | 15 min, renewed every 5 min | Jobs return to the queue |

    If a worker dies, its lease expires and the job goes back to the front of the queue.
    """
    assert lint_with("MS005", text) == []


# --- a level reached in words (MS012) ----------------------------------------------------------------


def test_a_state_of_charge_that_is_low() -> None:
    text = """
    ## Requirements

    1. WHEN a scooter's SoC is low THEN the fleet service SHALL hide it from the map.
    """
    assert spans(lint_with("MS012", text)) == [(3, 21)]


def test_a_low_level_defined_elsewhere() -> None:
    text = """
    ## Glossary

    - **Low SoC**: 25% or less.

    ## Requirements

    1. WHEN a scooter's SoC is low THEN the fleet service SHALL hide it from the map.
    """
    assert lint_with("MS012", text) == []


def test_a_wait_that_gets_too_long_and_what_we_do() -> None:
    text = """
    ## Solution

    If the queue wait gets too long, we widen the search to any region.
    """
    assert spans(lint_with("MS012", text)) == [(3, 8)]


def test_what_we_know_is_no_behaviour() -> None:
    text = """
    ## Solution

    If the queue wait gets too long, we know players leave.
    """
    assert lint_with("MS012", text) == []


def test_a_span_in_words_beside_a_number_of_another_clause() -> None:
    text = """
    ## Decision

    - D2. The pool scales between 4 and 200 runners, and idle runners are reaped after a while.
    """
    assert spans(lint_with("MS012", text, path="docs/adr/0011-runners.md")) == [(3, 78)]


def test_a_span_in_words_given_in_its_own_clause() -> None:
    text = """
    ## Requirements

    - Idle runners are reaped after a while (about 10 minutes).
    """
    assert lint_with("MS012", text) == []


def test_a_limit_another_line_delegates() -> None:
    text = """
    ## Requirements

    - Unused days carry over up to the carry-over cap of the employee's collective agreement.
    - Days above the carry-over cap are paid out in January.
    """
    assert lint_with("MS005", text) == []


def test_a_maximum_number_of_attempts() -> None:
    text = """
    ## Requirements

    - Accounts are locked after more than the maximum number of failed sign-ins.
    """
    assert spans(lint_with("MS005", text)) == [(3, 29)]


def test_a_quota_reached_before_its_verb() -> None:
    text = """
    ## Requirements

    - When the daily export quota is reached, further exports are queued until midnight.
    """
    assert spans(lint_with("MS005", text)) == [(3, 8)]


def test_a_maximum_given_in_a_json_example() -> None:
    text = """
    ## Requirements

    - Messages larger than the maximum message size are rejected with 413.

    ```json
    {"maxMessageSize": "256 KB"}
    ```
    """
    assert lint_with("MS005", text) == []


def test_two_caps_named_together_given_in_a_fare_table() -> None:
    text = """
    ## Success criteria

    - **SC-001**: No card is charged more than the daily or weekly cap after launch.

    | Fare | Price |
    |---|---|
    | Daily cap | €7.50 |
    | Weekly cap | €28.50 |
    """
    assert lint_with("MS005", text) == []


def test_a_timeout_the_caller_passes_as_a_parameter() -> None:
    text = """
    ## Requirements

    1. WHEN `Future::wait(timeout)` is called THEN the system SHALL return whether the future became ready within the
       timeout.
    """
    assert lint_with("MS005", text) == []


def test_value_given_in_a_paragraph_wrapped_over_two_lines() -> None:
    text = """
    ## Requirements

    - Two taps less than the maximum transfer time apart are charged once.

    ## Fares

    A transfer is free when the maximum transfer time is not yet over; the maximum transfer
    time is 90 minutes from the first tap.
    """
    assert lint_with("MS005", text) == []


def test_value_given_in_another_sentence_of_the_same_line() -> None:
    text = """
    ## Requirements

    - The review limit is $2,000 per payout. Payouts above the review limit are held for manual review.
    """
    assert lint_with("MS005", text) == []


def test_a_spanish_threshold_outside_a_numbered_requirement_is_left_alone() -> None:
    text = """
    ## Requisitos funcionales

    - El sistema bloquea los pedidos cuyo importe supere el umbral de fraude.
    """
    assert lint_with("MS005", text) == []
