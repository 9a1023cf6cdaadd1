"""MS006 goal-without-target: goals that give a measure a direction and no number or time frame."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_profiled, lint_with, requires_corpus, spans

# --- shapes that are flagged ---------------------------------------------------------------------


def test_a_direction_on_a_measure_in_a_goals_section() -> None:
    text = """
    ## Goals

    - Reduce cart abandonment on mobile.
    """
    findings = lint_with("MS006", text)
    assert spans(findings) == [(3, 3)]
    assert "no target" in findings[0].message


def test_a_measure_then_its_direction_in_an_objectives_section() -> None:
    text = """
    ## Business objectives

    - Support tickets about exports go down.
    """
    assert spans(lint_with("MS006", text)) == [(3, 3)]


def test_a_goal_label_in_a_one_pager_points_after_the_label() -> None:
    text = """
    **Problem:** night readers strain their eyes.

    **Goal:** improve retention of night-time readers.
    """
    assert spans(lint_with("MS006", text)) == [(3, 11)]


def test_a_sentence_of_a_goals_paragraph() -> None:
    text = """
    ## Goals

    We want shoppers to come back. The redesign should increase the repeat purchase rate.
    """
    assert spans(lint_with("MS006", text)) == [(3, 32)]


def test_a_list_under_a_bare_goals_label() -> None:
    text = """
    ## Why now

    **Objectives:**

    - Lower onboarding drop-off.
    """
    assert spans(lint_with("MS006", text)) == [(5, 3)]


# --- traps that are not flagged -------------------------------------------------------------------


def test_a_goal_with_a_number_and_a_date() -> None:
    text = """
    ## Goals

    - Reduce cart abandonment from 68% to 55% by the end of Q3.
    """
    assert lint_with("MS006", text) == []


def test_a_goal_whose_target_is_in_a_sub_item() -> None:
    text = """
    ## Goals

    - Reduce cart abandonment on mobile.
      - Target: 55%, from a 68% baseline.
    """
    assert lint_with("MS006", text) == []


def test_a_goal_whose_measure_has_a_target_in_the_metrics_table() -> None:
    text = """
    ## Goals

    - Reduce cart abandonment on mobile.

    ## Success metrics

    | Metric | Baseline | Target |
    |---|---|---|
    | Cart abandonment (mobile) | 68% | 55% |
    """
    assert lint_with("MS006", text) == []


def test_a_goal_that_names_no_measure() -> None:
    text = """
    ## Goals

    - Let admins export the audit log.
    - Improve the onboarding copy.
    """
    assert lint_with("MS006", text) == []


def test_zero_and_all_are_targets() -> None:
    text = """
    ## Goals

    - No increase in P1 bugs after launch.
    """
    assert lint_with("MS006", text) == []


def test_non_goals_and_background() -> None:
    text = """
    ## Background

    Last year we tried to increase conversion with coupons.

    ## Non-goals

    - Reduce churn among annual plans.
    """
    assert lint_with("MS006", text) == []


def test_a_goals_section_of_an_enhancement_proposal_is_not_read() -> None:
    text = """
    ## Goals

    - Reduce the number of API calls the kubelet makes.
    """
    assert lint_profiled("MS006", text, "kep") == []


def test_a_success_metrics_section_is_left_to_metric_without_target() -> None:
    text = """
    ## Goals and success metrics

    - Increase checkout conversion.
    """
    assert lint_with("MS006", text) == []
    assert spans(lint_with("MS004", text)) == [(3, 3)]


def test_a_placeholder_target_is_the_placeholder_rules() -> None:
    text = """
    ## Goals

    - Increase conversion by [X]%.
    """
    assert lint_with("MS006", text) == []


# --- damage test on a real PRD ---------------------------------------------------------------------

_PRD = "prds/0xCozart__vallum__docs__product-requirements.md"


@requires_corpus
def test_damage_a_goal_with_its_time_frame_replaced_by_a_direction(tmp_path: Path) -> None:
    text = (CORPUS / _PRD).read_text(encoding="utf-8")
    old = "execute one sponsored transaction within 30 minutes."
    assert old in text, f"{_PRD} changed: the damage no longer applies"
    damaged = tmp_path / "product-requirements.md"
    damaged.write_text(text.replace(old, "and increase demo conversion.", 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    assert lint_profiled("MS006", (CORPUS / _PRD).read_text(encoding="utf-8"), "prd") == []
    assert spans(lint_profiled("MS006", damaged.read_text(encoding="utf-8"), "prd")) == [(line, 4)]


def test_a_goals_table_row() -> None:
    text = """
    ## Goals

    | Goal | Metric |
    |---|---|
    | Grow self-serve revenue | Monthly revenue from self-serve plans goes up |
    """
    assert spans(lint_with("MS006", text)) == [(5, 3)]


def test_a_key_result_label_is_no_number() -> None:
    text = """
    ## Objectives

    - KR1: Increase activation of new workspaces.
    """
    assert spans(lint_with("MS006", text)) == [(3, 3)]


def test_a_bold_line_standing_for_a_goals_heading() -> None:
    text = """
    **Goals**

    - Reduce support tickets about exports.

    **Non-goals**

    - Reduce churn.
    """
    assert spans(lint_with("MS006", text)) == [(3, 3)]


def test_a_goal_row_of_a_one_pager_fact_table() -> None:
    text = """
    | Field | Value |
    |---|---|
    | Problem | Night readers strain their eyes |
    | Goal | Improve retention of night readers |
    """
    assert spans(lint_with("MS006", text)) == [(4, 10)]


def test_a_goal_label_in_a_summary() -> None:
    text = """
    ## Summary

    **Goal:** improve retention of night readers.
    """
    assert spans(lint_with("MS006", text)) == [(3, 11)]


def test_a_goal_label_in_background_is_history() -> None:
    text = """
    ## Background

    **Goal:** improve retention, the board said last year.
    """
    assert lint_with("MS006", text) == []


def test_business_objectives_inside_an_srs_introduction() -> None:
    text = """
    # Software Requirements Specification: Family Wallet

    ## 1. Introduction

    ### 1.3 Business Objectives

    - Increase wallet adoption among families.
    """
    assert spans(lint_with("MS006", text)) == [(7, 3)]


def test_objectives_inside_a_background_section_are_history() -> None:
    text = """
    # Family Wallet

    ## Background

    ### Objectives of the old wallet

    - Increase wallet adoption among families.
    """
    assert lint_with("MS006", text) == []


def test_a_goals_table_whose_metric_column_gives_counted_visits_a_direction() -> None:
    text = """
    ## Goals

    | Goal | Success metric |
    |---|---|
    | Help users find listings again | Increase repeat visits |
    """
    assert spans(lint_with("MS006", text)) == [(5, 3)]


def test_a_capability_that_names_a_counted_event_is_no_goal_to_measure() -> None:
    text = """
    ## Goals

    - Let users make payments from the wallet.
    """
    assert lint_with("MS006", text) == []
