"""PH004 placeholder-value: the shapes of issue 14 class 1 beyond the first ones."""

from __future__ import annotations

from conftest import lint_with, spans


def test_dates_with_slashes_and_month_names_are_flagged() -> None:
    findings = lint_with("PH004", "## Timeline\n\n- Beta: Sept XX, 2025\n- GA: 2025/10/xx\n- Review: XX/XX/2026\n")

    assert spans(findings) == [(3, 9), (4, 7), (5, 11)]


def test_real_dates_and_format_strings_are_not_placeholders() -> None:
    text = "Dates are written YYYY/MM/DD, e.g. 2025/10/01; the beta ran in Sept 2025.\n"
    assert lint_with("PH004", text) == []


def test_a_value_given_only_as_an_example_awaiting_a_decision_is_flagged() -> None:
    text = "- The token MUST be short (e.g. ≤8–12 chars — finalize in wire spec).\n"
    findings = lint_with("PH004", text)

    assert spans(findings) == [(1, 28)]
    assert "example" in findings[0].message


def test_an_example_that_illustrates_a_decided_value_is_not_flagged() -> None:
    text = "- Tokens are 12 characters long (e.g. `a1b2c3d4e5f6`).\n- Use any region, e.g. eu-west-1, as configured.\n"
    assert lint_with("PH004", text) == []


def test_a_letter_for_a_number_in_goals_is_flagged() -> None:
    text = "## Goals\n\n- Reduce failed payments by X% within two quarters.\n- Support N users at launch.\n"
    assert spans(lint_with("PH004", text)) == [(3, 29), (4, 11)]


def test_a_letter_for_a_number_in_non_goals_is_not_read() -> None:
    assert lint_with("PH004", "## Non-goals\n\n- Supporting N users per workspace.\n") == []


def test_throughput_and_size_letters_in_a_requirement_are_flagged() -> None:
    text = "- The service MUST handle X req/s and store XX GB per tenant.\n"
    assert spans(lint_with("PH004", text)) == [(1, 27), (1, 45)]


def test_a_link_definition_pointing_at_an_angle_bracketed_marker_is_flagged() -> None:
    findings = lint_with("PH004", "See the [design][design].\n\n[design]: <TBD>\n")
    assert spans(findings) == [(3, 11)]


def test_values_left_blank_or_as_question_marks_are_flagged() -> None:
    text = (
        "Owner: ________\n\nLaunch: Q? 2026\n\n- Latency under ?? ms.\n- Price: $??.\n- Version: v?.?\n"
        "- Date: 2025-09-??\n- Timeout is [N] seconds.\n- Limit: {{max_items}} items.\n"
    )
    assert spans(lint_with("PH004", text)) == [(1, 8), (3, 9), (5, 17), (6, 10), (7, 12), (8, 9), (9, 14), (10, 10)]


def test_question_marks_and_rules_that_are_not_values_are_not_flagged() -> None:
    text = "Why?? Nobody knows.\n\nSee the FAQ: what now?\n\n---\n\nFill in: `____`\n"
    assert lint_with("PH004", text) == []


def test_a_letter_percentage_in_a_rollout_plan_is_flagged() -> None:
    assert spans(lint_with("PH004", "## Rollout\n\nRamp to X% of traffic, then 100%.\n")) == [(3, 9)]
