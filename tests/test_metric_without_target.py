"""MS004 metric-without-target: success metrics that name a measure or a direction with no target."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, lint_with, requires_corpus, spans

from speclint.document.parser import parse
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.registry import load_registry

# --- shapes that are flagged ---------------------------------------------------------------------


def test_a_direction_without_a_target_in_a_success_metrics_section() -> None:
    text = """
    ## Success metrics

    - Increase checkout conversion.
    """
    findings = lint_with("MS004", text)
    assert spans(findings) == [(3, 3)]
    assert "no target" in findings[0].message


def test_a_named_measure_without_a_target() -> None:
    text = """
    ## KPIs

    - **Guide completion rate**: share of users who finish a guide
    """
    assert spans(lint_with("MS004", text)) == [(3, 5)]


def test_a_success_label_in_any_section_points_after_the_label() -> None:
    text = """
    ## Launch

    **Success metric:** reduce churn among annual plans.
    """
    assert spans(lint_with("MS004", text)) == [(3, 21)]


def test_a_list_under_a_bare_success_label() -> None:
    text = """
    ## What we expect

    **KPIs:**

    - Improve retention
    """
    assert spans(lint_with("MS004", text)) == [(5, 3)]


def test_a_sentence_saying_how_success_is_measured() -> None:
    text = """
    ## How will we know?

    Success will be measured by higher retention among new users.
    """
    assert spans(lint_with("MS004", text)) == [(3, 1)]


def test_a_metrics_table_row_whose_target_is_empty() -> None:
    text = """
    ## Success metrics

    | Metric | Target |
    |---|---|
    | Conversion rate | |
    | Churn | < 3% monthly |
    """
    assert spans(lint_with("MS004", text)) == [(5, 3)]


def test_a_question_heading_of_a_pr_faq() -> None:
    text = """
    ## How will we measure success?

    - Reduce support tickets about refunds.
    """
    assert spans(lint_with("MS004", text)) == [(3, 3)]


def test_a_pr_faq_answer_to_how_success_is_measured() -> None:
    text = """
    ## Internal FAQ

    **Q: How will we measure success?**

    A: We'll look at conversion and retention of returning buyers.
    """
    assert spans(lint_with("MS004", text)) == [(5, 4)]


def test_a_prfaq_question_heading_answered_in_a_paragraph() -> None:
    text = """
    ## FAQ

    ### How will we know this worked?

    We expect more offline trips and higher weekly engagement.
    """
    assert spans(lint_with("MS004", text)) == [(5, 1)]


def test_what_success_looks_like_answered_by_a_measure_that_goes_down() -> None:
    text = """
    ## What does success look like?

    Customers plan trips offline. Support tickets about lost connectivity go down.
    """
    assert spans(lint_with("MS004", text)) == [(3, 31)]


def test_a_how_we_will_measure_label() -> None:
    text = """
    **How we'll measure:** increase in weekly active readers.
    """
    assert spans(lint_with("MS004", text)) == [(1, 24)]


def test_a_spec_kit_outcome_that_says_a_measure_increases() -> None:
    text = """
    ## Success Criteria

    ### Measurable Outcomes

    - **SC-002**: Export adoption increases.
    """
    assert spans(lint_with("MS004", text)) == [(5, 5)]


def test_a_heading_that_names_success_metrics_after_goals() -> None:
    text = """
    ## 3. Goals & success metrics

    - Reduce churn among annual plans.
    """
    assert spans(lint_with("MS004", text)) == [(3, 3)]


def test_a_percentile_names_the_measure_it_is_no_target() -> None:
    text = """
    ## Success metrics

    - Lower p99 checkout latency.
    """
    assert spans(lint_with("MS004", text)) == [(3, 3)]


# --- traps that are not flagged ------------------------------------------------------------------


def test_a_metric_with_a_number_and_time_frame_is_fine() -> None:
    text = """
    ## Success metrics

    - Checkout conversion rises from 2.1% to 2.6% within 60 days of launch.
    - Annual-plan churn falls below 8% by the end of Q3.
    """
    assert lint_with("MS004", text) == []


def test_a_time_frame_alone_is_a_target_date() -> None:
    text = """
    ## Success metrics

    - Retention is reviewed weekly.
    """
    assert lint_with("MS004", text) == []


def test_a_pass_fail_gate_names_no_measure() -> None:
    text = """
    ## Success criteria

    - Admins can export the audit log.
    - No P1 bugs at launch.
    """
    assert lint_with("MS004", text) == []


def test_targets_in_sub_items_measure_the_metric() -> None:
    text = """
    ## Success metrics

    - Retention:
      - Baseline: 40% 30-day retention
      - Target: 50% by Q3
    """
    assert lint_with("MS004", text) == []


def test_a_placeholder_target_is_left_to_the_placeholder_rules() -> None:
    text = """
    ## Success metrics

    - Increase conversion by [X]%.
    """
    assert lint_with("MS004", text) == []


def test_a_pr_faq_answer_with_a_target_is_fine() -> None:
    text = """
    ## Internal FAQ

    **Q: How will we know it worked?**

    A: Checkout conversion for returning buyers rises from 2.1% to 2.6% within 60 days.
    """
    assert lint_with("MS004", text) == []


def test_goals_are_not_success_metrics() -> None:
    text = """
    ## Goals

    - Increase conversion for returning buyers.
    """
    assert lint_with("MS004", text) == []


def test_background_that_mentions_churn_is_not_a_metric() -> None:
    text = """
    ## Background

    Success is measured by lower churn, the board says.
    """
    assert lint_with("MS004", text) == []


def test_a_design_metrics_section_lists_exported_metrics() -> None:
    text = """
    ## Proposal

    ### Metrics

    - Reconcile latency of the controller.
    """
    assert lint_with("MS004", text) == []


def test_a_list_of_tracked_usage_metrics_is_not_targets() -> None:
    text = """
    ## Metrics and success criteria

    Product usage metrics:

    - success/failure rate;
    """
    assert lint_with("MS004", text) == []


def test_a_sentence_introducing_the_metrics_is_not_one() -> None:
    text = """
    ## Success metrics

    Success is measured through public adoption signals rather than in-product metrics:
    """
    assert lint_with("MS004", text) == []


def test_an_answer_with_a_target() -> None:
    text = """
    ### How will we know this worked?

    Weekly engagement rises from 2.1 to 2.6 sessions per user within 60 days of launch.
    """
    assert lint_with("MS004", text) == []


def test_an_answer_that_introduces_the_metrics_below() -> None:
    text = """
    ## How we'll measure success

    We will watch whether retention improves, through the metrics below:

    - Day-30 retention from 31% to 36% by Q3.
    """
    assert lint_with("MS004", text) == []


def test_an_answer_whose_measure_is_quantified_in_another_section() -> None:
    text = """
    ### How will we know this worked?

    We expect higher weekly engagement.

    ## Targets

    | Measure | Now | Goal |
    |---|---|---|
    | Weekly engagement | 2.1 | 2.6 |
    """
    assert lint_with("MS004", text) == []


def test_an_answer_that_names_no_direction() -> None:
    text = """
    ### How will we know this worked?

    We track conversion in Amplitude and review it at the launch retro.
    """
    assert lint_with("MS004", text) == []


# --- damage tests on real documents -------------------------------------------------------------


def _ms004(path: Path) -> list[tuple[int, int]]:
    rule = load_registry().get("MS004")
    assert rule is not None
    result = run_rules(parse(path.read_text(encoding="utf-8"), str(path)), [ActiveRule(rule, rule.default_level, rule.resolve_options({}))])
    return [(finding.span.start.line, finding.span.start.column) for finding in result.findings]


def _damaged(tmp_path: Path, source: str, old: str, new: str) -> Path:
    text = (CORPUS / source).read_text(encoding="utf-8")
    assert old in text, f"{source} changed: the damage no longer applies"
    damaged = tmp_path / Path(source).name
    damaged.write_text(text.replace(old, new, 1), encoding="utf-8")
    return damaged


_TABLE_PRD = "prds/abiolaogu__couchestor-ce__docs__prd.md"
_LIST_PRD = "prds/ProductBuildersHQ__prism__docs__specs__PRD.md"


@requires_corpus
def test_damage_a_metrics_table_target_removed(tmp_path: Path) -> None:
    assert _ms004(CORPUS / _TABLE_PRD) == []
    damaged = _damaged(tmp_path, _TABLE_PRD, "| Migration Success Rate | > 99% |", "| Migration Success Rate | |")
    assert _ms004(damaged) == [(152, 3)]


@requires_corpus
def test_damage_a_metric_number_replaced_by_a_direction(tmp_path: Path) -> None:
    assert _ms004(CORPUS / _LIST_PRD) == []
    damaged = _damaged(tmp_path, _LIST_PRD,
                       "- <5% of commits in participating repos during an initiative window are unattributed.",
                       "- Reduce the share of unattributed commits in participating repos.")
    assert _ms004(damaged) == [(108, 3)]


@requires_corpus
def test_damage_a_success_sentence_inserted_in_a_prd(tmp_path: Path) -> None:
    damaged = _damaged(tmp_path, _LIST_PRD, "## 8. Success Metrics\n",
                       "## 8. Success Metrics\n\nSuccess will be measured by improved retention of pilot teams.\n")
    assert (106, 1) in _ms004(damaged)


def test_a_target_cell_that_sets_all_as_the_target() -> None:
    text = """
    ## Success metrics

    | Metric | Baseline | Target |
    |---|---|---|
    | Error code stability | N/A | All error codes are string constants |
    """
    assert lint_with("MS004", text) == []


def test_a_faq_question_and_its_answer_in_one_paragraph() -> None:
    text = """
    ## Internal FAQ

    **Q: How will we know it worked?**
    A: more teams will use offline maps and retention improves.
    """
    assert spans(lint_with("MS004", text)) == [(4, 4)]


def test_a_bare_success_label() -> None:
    text = """
    **Success:** churn goes down.
    """
    assert spans(lint_with("MS004", text)) == [(1, 14)]


def test_a_bare_metrics_label_lists_what_is_observed() -> None:
    text = """
    ### Observability

    - Metrics: enqueue rate, dequeue rate, drop count, lag.
    """
    assert lint_with("MS004", text) == []


def test_a_bold_line_standing_for_a_success_metrics_heading() -> None:
    text = """
    ## Proposal

    **Success metrics**

    - Increase weekly active readers.
    """
    assert spans(lint_with("MS004", text)) == [(5, 3)]


def test_an_expected_outcomes_section() -> None:
    text = """
    ## Expected outcomes

    - Churn among annual plans goes down.
    """
    assert spans(lint_with("MS004", text)) == [(3, 3)]


def test_a_success_metric_row_of_a_one_pager_fact_table() -> None:
    text = """
    | Field | Value |
    |---|---|
    | Success metric | Higher weekly engagement |
    | Owner | Growth team |
    """
    assert spans(lint_with("MS004", text)) == [(3, 20)]


def test_a_criterion_that_compares_with_today() -> None:
    text = """
    ## Success Criteria

    ### Measurable Outcomes

    - **SC-001**: Users export reports faster than today.
    """
    assert spans(lint_with("MS004", text)) == [(5, 5)]


def test_a_pitch_success_section_that_says_when_it_worked() -> None:
    text = """
    ## Success

    We'll know this worked when fewer users churn and more transfers are scheduled.
    """
    assert spans(lint_with("MS004", text)) == [(3, 1)]


def test_a_sentence_that_says_when_it_worked_anywhere() -> None:
    text = """
    ## Rollout

    - We will know it worked when support tickets about refunds go down.
    """
    assert spans(lint_with("MS004", text)) == [(3, 3)]


def test_success_criteria_inside_an_srs_introduction() -> None:
    text = """
    # Software Requirements Specification: Family Wallet

    ## 1. Introduction

    ### 1.4 Success Criteria

    - Higher weekly engagement with the wallet screen.
    """
    assert spans(lint_with("MS004", text)) == [(7, 3)]


def test_an_introduction_holds_no_metrics_of_its_own() -> None:
    text = """
    # Software Requirements Specification: Family Wallet

    ## 1. Introduction

    ### 1.1 Purpose

    - Higher weekly engagement with the wallet screen is what the board asked for.
    """
    assert lint_with("MS004", text) == []


@pytest.mark.parametrize("question", ["What is the goal?", "What metrics will we track?", "How do we measure success?"])
def test_a_pr_faq_answer_about_success_is_read_once_after_its_label(question: str) -> None:
    text = f"""
    ## Internal FAQ

    **Q: {question}**

    A: More hikers will use the app on trails and churn will go down.
    """
    assert spans(lint_with("MS004", text)) == [(5, 4)]
