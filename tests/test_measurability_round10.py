"""Measurability, issue 14 (round 10): thresholds never given, success metrics without a number or
time frame, and one quantity stated twice. Small fixtures of our own, one behaviour each, and damage
tests on real corpus documents at the exact line and column."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, requires_corpus, spans
from damage import damaged_copy, rule_positions

# --- MS010: one sentence written twice with another number -----------------------------------------


def test_a_sentence_repeated_in_another_section_with_another_number() -> None:
    text = """
    ## Performance

    - Catalogue pages render within 300 ms at the 95th percentile.

    ## Verification

    - PERF-2 passes when catalogue pages render within 800 ms at the 95th percentile.
    """
    assert spans(lint_with("MS010", text)) == [(7, 52)]


def test_a_storage_tier_is_not_a_pricing_tier() -> None:
    text = """
    ## Storage

    Audit events are retained for 30 days in the warm tier.

    ## Compliance

    Audit events are retained for 45 days in the warm tier to meet the regulator's rule.
    """
    assert spans(lint_with("MS010", text)) == [(7, 18)]


def test_a_percentage_of_a_population_stated_twice() -> None:
    text = """
    ## Beta criteria

    - Fewer than 2% of jobs report a scheduling timeout in soak tests.

    ## Test plan

    The beta gate requires that fewer than 4% of jobs report a scheduling timeout in soak tests.
    """
    assert spans(lint_with("MS010", text)) == [(7, 40)]


def test_a_size_limit_in_a_sentence_and_in_a_limits_table() -> None:
    text = """
    ## Requirements

    - Members can upload photos of up to 8 MB to a post.

    ## Limits

    | Limit | Value |
    |---|---|
    | Maximum photo size | 12 MB |
    """
    assert [line for line, _column in spans(lint_with("MS010", text))] == [9]


def test_a_sentence_rewritten_for_another_case_is_not_a_contradiction() -> None:
    # several numbers change together: the same sentence describes another profile
    text = """
    ## Default profile

    The controller waits 2 minutes before it marks the node unhealthy and evicts pods after 3 minutes.

    ## Slow profile

    The controller waits 5 minutes before it marks the node unhealthy and evicts pods after 6 minutes.
    """
    assert lint_with("MS010", text) == []


def test_a_statement_for_one_environment_is_not_a_contradiction() -> None:
    text = """
    ## Staging

    In staging, export jobs time out after 5 minutes.

    ## Production

    In production, export jobs time out after 30 minutes.
    """
    assert lint_with("MS010", text) == []


def test_a_statement_scoped_to_one_suite_is_not_a_contradiction() -> None:
    text = """
    ## Alpha

    - The eval harness pass rate stays above 80% for task scoring across nightly runs.

    ## Beta

    - The eval harness pass rate stays above 95% for task scoring across nightly runs for the storage suite.
    """
    assert lint_with("MS010", text) == []


def test_a_sentence_whose_subject_is_a_pronoun_is_not_compared() -> None:
    text = """
    ## Small heaps

    It swings at most 3% around the 2 GiB goal.

    ## Large heaps

    It swings at most 40% around the 2 GiB goal.
    """
    assert lint_with("MS010", text) == []


def test_rows_of_a_table_are_cases_not_contradictions() -> None:
    text = """
    ## Alerts

    | Alert | Condition |
    |---|---|
    | Disk warning | disk usage is above 75% of the volume for 10 minutes |
    | Disk critical | disk usage is above 95% of the volume for 10 minutes |
    """
    assert lint_with("MS010", text) == []


# --- MS004: metrics tables and metrics in other languages ------------------------------------------


def test_an_empty_target_cell_when_the_metric_name_holds_a_number() -> None:
    text = """
    ## Success metrics

    | Metric | Baseline | Target |
    |---|---|---|
    | 90-day repeat purchase rate | 18% | |
    """
    assert spans(lint_with("MS004", text)) == [(5, 3)]


def test_a_direction_in_the_target_column() -> None:
    text = """
    ## Success metrics

    | Metric | Baseline | Target |
    |---|---|---|
    | Average order value | $38 | higher |
    """
    assert spans(lint_with("MS004", text)) == [(5, 31)]


def test_a_target_without_the_time_frame_the_other_rows_give() -> None:
    text = """
    ## Success metrics

    | Metric | Target |
    |---|---|
    | Activation rate | 55% by end of Q2 |
    | Median setup time | under 10 minutes by end of Q2 |
    | Paying workspaces | 1,200 |
    """
    assert spans(lint_with("MS004", text)) == [(7, 23)]


def test_a_time_frame_in_the_target_header_dates_every_row() -> None:
    text = """
    ## Success metrics

    | Metric | Target (two quarters after launch) |
    |---|---|
    | Activation rate | 55% by end of Q2 |
    | Median setup time | under 10 minutes by end of Q2 |
    | Paying workspaces | 1,200 |
    """
    assert lint_with("MS004", text) == []


def test_a_bold_group_row_over_its_metrics_is_not_a_metric() -> None:
    text = """
    ## Success metrics

    | Metric | Target |
    |---|---|
    | **Engagement** | |
    | Weekly active teams | 800 by end of Q3 |
    """
    assert lint_with("MS004", text) == []


def test_a_spanish_metric_that_only_gives_a_direction() -> None:
    text = """
    ## Métricas de éxito

    - Reducir el tiempo de respuesta del soporte.
    """
    assert spans(lint_with("MS004", text)) == [(3, 3)]


def test_a_german_metric_that_ends_in_a_direction() -> None:
    text = """
    ## Erfolgskriterien

    - Die Zahl der Stornierungen sinkt.
    """
    assert spans(lint_with("MS004", text)) == [(3, 3)]


def test_time_spent_moved_with_no_figure() -> None:
    text = """
    ## Success Criteria

    - **SC-004**: Moderators spend less time reviewing flagged posts.
    """
    assert len(lint_with("MS004", text)) == 1


def test_time_to_first_is_the_name_of_a_measure_not_a_number() -> None:
    text = """
    ## Success metrics

    - Time to first invoice goes down.
    """
    assert spans(lint_with("MS004", text)) == [(3, 3)]


# --- MS003: thresholds --------------------------------------------------------------------------------


def test_a_vague_attempt_count_answered_by_a_limits_table() -> None:
    text = """
    ## Requirements

    - After repeated failed sign-in attempts the account is locked (see Limits).

    ## Limits

    | Limit | Value |
    |---|---|
    | Failed attempts before lockout | 6 |
    | Lockout duration | 20 minutes |
    """
    assert lint_with("MS003", text) == []


def test_a_german_vague_attempt_count() -> None:
    text = """
    ## Anforderungen

    - Nach mehreren fehlgeschlagenen Anmeldeversuchen wird das Konto gesperrt.
    """
    assert spans(lint_with("MS003", text)) == [(3, 8)]


def test_a_french_temporary_lock() -> None:
    text = """
    ## Exigences

    - Après une tentative invalide, le compte est temporairement verrouillé.
    """
    assert spans(lint_with("MS003", text)) == [(3, 47)]


# --- MS005 and MS007: limits named without a value -----------------------------------------------------


def test_a_limit_sized_in_words() -> None:
    text = """
    ## Requirements

    - Exchange rates are cached with a short TTL.
    """
    assert spans(lint_with("MS005", text)) == [(3, 34)]


def test_high_volume_demanded_with_no_figure() -> None:
    text = """
    ## Requirements

    The ingestion API must support high volume during the holiday sale.
    """
    assert spans(lint_with("MS005", text)) == [(3, 24)]


def test_sent_shortly_with_no_time() -> None:
    text = """
    ## Requirements

    - A receipt is sent shortly after checkout completes.
    - A delivery update is sent shortly.
    """
    assert [line for line, _column in spans(lint_with("MS005", text))] == [3, 4]


def test_an_http_status_is_not_the_value_of_a_rate_limit() -> None:
    text = """
    ## Requirements

    - WHEN a caller exceeds the rate limit THEN the API SHALL answer HTTP 429.
    """
    assert spans(lint_with("MS005", text)) == [(3, 17)]


def test_an_outcome_step_of_a_gherkin_scenario() -> None:
    text = """
    ## Scenarios

    ```gherkin
    Scenario: Refund
      Given a paid order
      When the customer returns it
      Then the refund is processed shortly
    ```
    """
    assert spans(lint_with("MS005", text)) == [(7, 19)]


def test_a_quota_named_with_its_reset_period_and_no_value() -> None:
    text = """
    ## Requirements

    - Free workspaces have a monthly export quota.
    """
    assert spans(lint_with("MS007", text)) == [(3, 26)]


def test_a_spanish_quota_named_with_no_value() -> None:
    text = """
    ## Requisitos

    - El sistema debe aplicar una cuota de almacenamiento por equipo.
    """
    assert spans(lint_with("MS007", text)) == [(3, 31)]


# --- MS011: a limits table row without a value -----------------------------------------------------------


def test_a_limit_whose_value_is_a_word() -> None:
    text = """
    ## Limits

    | Limit | Value |
    |---|---|
    | Page size | 50 |
    | Request timeout | configurable |
    """
    assert spans(lint_with("MS011", text)) == [(6, 21)]


def test_a_limit_whose_value_cell_is_empty() -> None:
    text = """
    ## Settings

    | Setting | Default |
    |---|---|
    | Cache TTL |  |
    """
    assert spans(lint_with("MS011", text)) == [(5, 3)]


def test_limits_said_to_be_absent_or_left_to_fill_in_are_not_flagged() -> None:
    text = """
    ## Limits

    | Limit | Value |
    |---|---|
    | Maximum projects | unlimited |
    | Retention period | TBD |
    | Upload size | configurable, default 20 MB |
    | Max 3 retries | - |
    """
    assert lint_with("MS011", text) == []


def test_a_table_without_a_value_column_is_not_read() -> None:
    text = """
    ## Risks

    | Risk | Mitigation |
    |---|---|
    | Request timeout | configurable |
    """
    assert lint_with("MS011", text) == []


# --- damage on real corpus documents -------------------------------------------------------------------

_GENERATION = "kiro/staneslevski__kiro-autonomous-build__.kiro__specs__multi-state-requirements-generation__requirements.md"
_MEMORY_ENGINE = "prds/brianluby__rusty-brain__specs__003-core-memory-engine__prd.md"


_findings = rule_positions
_damaged = damaged_copy


@requires_corpus
def test_damage_a_performance_requirement_restated_with_another_number(tmp_path: Path) -> None:
    assert _findings("MS010", CORPUS / _GENERATION) == []
    damaged, line = _damaged(tmp_path, _GENERATION, "- Failed workflows SHALL not impact other work items in the queue",
                             "- Requirements generation SHALL complete within 10 minutes for typical work items")
    assert _findings("MS010", damaged) == [(line, 49)]


@requires_corpus
def test_damage_a_metrics_table_target_emptied(tmp_path: Path) -> None:
    assert _findings("MS004", CORPUS / _MEMORY_ENGINE) == []
    damaged, line = _damaged(tmp_path, _MEMORY_ENGINE, "| Search latency (10K obs) | N/A | <500ms p95 |",
                             "| Search latency (10K obs) | N/A |  |")
    assert _findings("MS004", damaged) == [(line, 3)]


@requires_corpus
def test_damage_a_limits_table_value_replaced_by_a_word(tmp_path: Path) -> None:
    assert _findings("MS011", CORPUS / _GENERATION) == []
    damaged, line = _damaged(tmp_path, _GENERATION, "### 4.2 Scalability\n",
                             "### 4.2 Scalability\n\n| Limit | Value |\n|---|---|\n| Maximum work items per cycle | large |\n")
    assert _findings("MS011", damaged) == [(line + 4, 34)]
