"""Acceptance criteria in every shape real documents write them (AC001, AC002; issue 12)."""

import pytest
from conftest import lint_with, spans

REQUIREMENTS = """
## Requirements

- **FR-001**: Shoppers MUST be able to save a cart for later.
- **FR-002**: Saved carts MUST be kept for 30 days.
"""


def test_an_acceptance_tests_section_holds_criteria() -> None:
    text = REQUIREMENTS + """
## Acceptance Tests

1. Save a cart, sign out and in: the cart is there.
"""
    assert lint_with("AC001", text) == []


@pytest.mark.parametrize("label", [
    "Критерии приёмки", "Критерии приемки", "Akzeptanzkriterien", "Critères d'acceptation",
    "Criterios de aceptación", "Critérios de aceitação", "验收标准", "受け入れ基準",
])
def test_a_criteria_label_in_another_language_holds_criteria(label: str) -> None:
    text = REQUIREMENTS + f"""
**{label}:**

- Save a cart, sign out and in: the cart is there.
"""
    assert lint_with("AC001", text) == []


def test_a_criteria_heading_in_another_language_holds_criteria() -> None:
    text = REQUIREMENTS + """
### Критерии приёмки

- Сохранённая корзина видна после повторного входа.
"""
    assert lint_with("AC001", text) == []


def test_bullets_directly_under_each_story_are_its_criteria() -> None:
    text = """
    ## User stories

    ### Story 1: Save a cart

    As a shopper, I want to save my cart so that I can buy later.

    - The cart page has a "Save for later" button.
    - A saved cart is listed under "Saved" after signing in again.
    """
    assert lint_with("AC001", text) == []


@pytest.mark.parametrize("line", [
    "Done when: a saved cart survives signing out and in.",
    "Definition of done: a saved cart survives signing out and in.",
    "Check: a saved cart survives signing out and in.",
])
def test_done_when_definition_of_done_and_check_lines_are_criteria(line: str) -> None:
    assert lint_with("AC001", REQUIREMENTS + "\n" + line + "\n") == []


def test_a_test_plan_is_where_a_proposal_keeps_its_criteria() -> None:
    text = """
    ## User stories

    - As an operator, I want to pause reconciliation so that I can debug a cluster.

    ## Test plan

    - e2e: pausing stops reconciliation within one sync period.
    """
    assert lint_with("AC001", text) == []


def test_requirements_and_stories_without_any_criteria_are_still_flagged() -> None:
    assert [finding.rule_id for finding in lint_with("AC001", REQUIREMENTS)] == ["AC001"]


def test_criteria_keyed_by_story_cover_requirements_linked_through_a_story_column() -> None:
    text = """
    ## Requirements

    | ID | Requirement | Story |
    |----|-------------|-------|
    | FR-001 | Owners MUST be able to invite a teammate by email. | US-1 |
    | FR-002 | Invitations MUST expire after 7 days. | US-1 |
    | FR-003 | Owners MUST be able to revoke an invitation. | US-2 |

    ## Acceptance criteria

    - **US-1:** A invites B; B joins after clicking the link within 7 days.
    - **US-2:** A revokes B's invitation; B's link shows "Invitation revoked".
    """
    assert lint_with("AC002", text) == []


def test_a_requirement_whose_story_no_criterion_names_is_still_flagged() -> None:
    text = """
    ## Requirements

    | ID | Requirement | Story |
    |----|-------------|-------|
    | FR-001 | Owners MUST be able to invite a teammate by email. | US-1 |
    | FR-003 | Owners MUST be able to revoke an invitation. | US-2 |

    ## Acceptance criteria

    - **US-1:** A invites B; B joins after clicking the link within 7 days.
    """
    assert spans(lint_with("AC002", text)) == [(6, 3)]


def test_a_story_marked_removed_in_chinese_needs_no_criteria() -> None:
    text = """
    ## User stories

    ### User Story 1 - Sign in

    As a user, I want to sign in with email.

    **Acceptance Scenarios**:

    1. **Given** a registered user, **When** they sign in, **Then** the dashboard opens.

    ### User Story 2 - （已移除：通知）
    """
    assert lint_with("AC002", text) == []


# --- AC003, AC004 ------------------------------------------------------------------------------


def test_ac003_a_criterion_naming_content_to_write_is_checkable() -> None:
    text = """
    ## Acceptance criteria

    - The README documents which imports are acceptable.
    """
    assert lint_with("AC003", text) == []


def test_ac003_still_flags_a_vague_outcome() -> None:
    text = """
    ## Acceptance criteria

    - The import page is intuitive.
    """
    assert [finding.rule_id for finding in lint_with("AC003", text)] == ["AC003"]


def test_ac004_gherkin_in_a_document_about_gherkin_is_an_example() -> None:
    text = """
    # Writing Gherkin scenarios

    A scenario without an outcome is a common mistake:

    ```gherkin
    Scenario: Missing outcome
      Given a user
      When they sign in
    ```
    """
    assert lint_with("AC004", text) == []


def test_ac004_a_given_heading_a_list_of_assertions_is_not_a_broken_scenario() -> None:
    text = """
    ## Acceptance tests

    - Given a route with a single backend
      - Send a request to the route
      - Assert the backend receives it
    """
    assert lint_with("AC004", text) == []


def test_ac004_a_second_when_then_pair_is_not_out_of_order() -> None:
    text = """
    ## Acceptance criteria

    1. **Given** mouse support is on, **When** the user clicks a row, **Then** the row opens; **When** mouse
       support is off, **Then** clicks do nothing.
    """
    assert lint_with("AC004", text) == []


def test_ac004_still_flags_a_scenario_without_its_outcome() -> None:
    text = """
    ## Acceptance criteria

    1. **Given** a signed-in user, **When** they click Export
    """
    assert [finding.rule_id for finding in lint_with("AC004", text)] == ["AC004"]


# --- AC005 -------------------------------------------------------------------------------------


def _ears(criteria: str) -> str:
    return "# Requirements Document\n\n### Requirement 1: Tasks\n\n#### Acceptance Criteria\n\n" + criteria + "\n"


@pytest.mark.parametrize("criterion", [
    "1. タスク作成時に挿入位置が未指定の場合、システムは末尾に新しいタスクを追加すること",
    "1. A node is **live** when the status array holds an entry for it.",
    "1. This requirement does not apply to a developer machine.",
    "1. Run with `--provider=codex` and verify the Codex CLI is invoked.",
    "1. WHEN streaks are built THEN progress bars MAY be included as backlog items.",
])
def test_ac005_items_that_are_not_criteria_to_rewrite(criterion: str) -> None:
    assert lint_with("AC005", _ears(criterion)) == []


def test_ac005_still_flags_an_english_criterion_without_shall() -> None:
    assert [finding.rule_id for finding in lint_with("AC005", _ears("1. The service stores each task."))] == ["AC005"]
