"""Edge-case rules EC001-EC002."""

import pytest
from conftest import lint_with, spans

# --- EC001 edge-cases-missing -----------------------------------------------------------------

SCHEDULING = """
# Scheduled posts

## Requirements

- **FR-001**: Editors MUST be able to schedule a post for a future date and time.
- **FR-002**: Editors MUST be able to cancel a scheduled post.
"""


def test_ec001_flags_a_spec_that_never_considers_an_edge_case() -> None:
    findings = lint_with("EC001", SCHEDULING)
    assert spans(findings) == [(5, 3)]
    assert findings[0].level.value == "info"


def test_ec001_accepts_an_edge_case_section() -> None:
    text = SCHEDULING + """
## Edge cases

- A post scheduled in the past is published at once.
"""
    assert lint_with("EC001", text) == []


def test_ec001_accepts_edge_cases_discussed_in_the_requirements() -> None:
    text = SCHEDULING + """
- **FR-003**: Times MUST be entered in the editor's time zone and stored in UTC.
- **FR-004**: An editor MUST NOT schedule more than 50 posts per day (the limit is shown on the page).
"""
    assert lint_with("EC001", text) == []


def test_ec001_ignores_documents_without_requirements() -> None:
    assert lint_with("EC001", "# Retro notes\n\nThe launch went well.\n") == []


def test_ec001_skips_decision_records() -> None:
    text = """
    # Use PostgreSQL for scheduling

    ## Context

    - Editors must be able to schedule posts.

    ## Decision

    We use PostgreSQL.
    """
    assert lint_with("EC001", text) == []


# --- EC002 edge-cases-empty -------------------------------------------------------------------


def test_ec002_flags_template_prompts() -> None:
    text = """
    ### Edge Cases

    <!-- ACTION REQUIRED: fill these in. -->

    - What happens when [boundary condition]?
    - How does system handle [error scenario]?
    """
    findings = lint_with("EC002", text)
    assert spans(findings) == [(1, 1)]
    assert "template text" in findings[0].message


def test_ec002_flags_an_empty_section_and_a_placeholder_answer() -> None:
    text = """
    ## Corner cases

    ## Boundary conditions

    TBD
    """
    findings = lint_with("EC002", text)
    assert spans(findings) == [(1, 1), (3, 1)]
    assert "is empty" in findings[0].message


def test_ec002_accepts_real_edge_cases_with_links_and_task_boxes() -> None:
    text = """
    ## Edge cases

    - [ ] An empty CSV shows "Nothing to import" ([design](https://example.com/design)).
    - [x] A duplicate email is merged into the existing contact.
    """
    assert lint_with("EC002", text) == []


def test_ec002_accepts_content_in_subsections_or_a_table() -> None:
    text = """
    ## Edge cases

    ### Imports

    - A file over 5 MB is rejected before upload.

    ## Limits

    | Limit | Value |
    |-------|-------|
    | Rows per import | 10,000 |
    """
    assert lint_with("EC002", text) == []


def test_ec002_brackets_in_code_spans_are_not_prompts() -> None:
    text = """
    ## Edge cases

    - A name matching `[^a-z0-9-]` is rejected with "Use lower-case letters, digits and hyphens".
    """
    assert lint_with("EC002", text) == []


# --- issue 12: edge cases in every shape ---------------------------------------------------------


def test_ec001_edge_cases_handled_inline_count() -> None:
    text = """
    ## Requirements

    - **FR-001**: Users MUST be able to file a claim with photos of the damage.
    - **FR-002**: If the photos don't cover the damage, the system asks for better ones.
    - **FR-003**: If the policy has lapsed, the system rejects the claim and says why.
    """
    assert lint_with("EC001", text) == []


@pytest.mark.parametrize("title", ["Edge Cases", "Corner cases", "Boundary conditions"])
def test_ec001_an_edge_case_section_anywhere_counts(title: str) -> None:
    text = f"""
    ## Requirements

    - **FR-001**: Users MUST be able to file a claim.

    ## Appendix

    ### {title}

    - A claim filed twice for the same damage is merged.
    """
    assert lint_with("EC001", text) == []


def test_ec001_a_proposal_on_the_kep_template_is_not_judged() -> None:
    text = """
    # Pause reconciliation

    ## Motivation

    ### Goals

    ### Non-Goals

    ## Proposal

    ### User Stories

    - As an operator, I want to pause reconciliation so that I can debug a cluster.

    ## Design Details

    ### Test Plan

    ### Graduation Criteria

    ## Implementation History
    """
    assert lint_with("EC001", text) == []


def test_ec001_still_flags_requirements_without_any_edge_case() -> None:
    text = """
    ## Requirements

    - **FR-001**: Users MUST be able to file a claim with photos of the damage.
    - **FR-002**: Users MUST be able to see their claims.
    """
    assert [finding.rule_id for finding in lint_with("EC001", text)] == ["EC001"]


def test_ec002_a_checklist_item_with_tags_is_real_content() -> None:
    text = """
    ## Edge Cases

    - [ ] CHK012 Are requirements defined for multi-ecosystem projects? [Gap, Spec §Edge Cases]
    """
    assert lint_with("EC002", text) == []


def test_ec001_ears_unwanted_behaviour_clauses_handle_edge_cases_inline() -> None:
    text = """
    ## Requirements

    1. WHEN a user uploads a file, THE app SHALL store it.
    2. IF the file exceeds 100 MB, THEN THE app SHALL reject it with a size message.
    3. IF the wallet is not installed, THEN THE app SHALL link to the installer.
    """
    assert lint_with("EC001", text) == []


def test_ec001_conditions_written_in_japanese_handle_edge_cases_inline() -> None:
    text = """
    ## Requirements

    1. タスクが作成されたとき、システムはタスクに一意のIDを割り当てること
    2. 親タスクが提供されない場合、システムはトップレベルのタスクを作成すること
    3. 挿入位置が未指定の場合、システムは末尾に追加すること
    """
    assert lint_with("EC001", text) == []


def test_ec001_a_numbered_enhancement_proposal_is_not_judged() -> None:
    text = """
    ---
    title: "GEP-2627: DNS configuration"
    ---

    ## Use cases

    As a cluster administrator, I want DNS records created for my gateways.
    """
    assert lint_with("EC001", text) == []


def test_ec001_limits_and_failures_named_in_chinese_are_edge_cases() -> None:
    text = """
    ## Requirements

    - **FR-001**: Users MUST be able to crawl a site; 单次抓取页面数上限为 500。
    - **FR-002**: Users MUST see progress; 请求超时后重试 3 次。
    """
    assert lint_with("EC001", text) == []


def test_ec001_a_help_content_spec_is_not_judged() -> None:
    # A guide's requirements say what the text explains: empty input or concurrency do not arise.
    text = """
    ## Requirements

    ### Requirement 1: Export guide

    **User Story:** As an admin, I want a guide to exports, so that I can set them up alone.

    #### Acceptance Criteria

    1. THE Guide SHALL explain each export format and when to pick it
    2. THE Guide SHALL document the schedule options (daily, weekly, monthly)
    3. THE Guide SHALL describe the fields of the export settings form
    4. THE Guide SHALL include a screenshot of the export page
    """
    assert lint_with("EC001", text) == []


def test_ec001_still_flags_a_feature_spec_with_one_content_criterion() -> None:
    text = """
    ## Requirements

    ### Requirement 1: Scheduled exports

    #### Acceptance Criteria

    1. WHEN an admin saves a schedule, THE System SHALL run the export at that time
    2. THE System SHALL email the file to the admin
    3. THE Settings page SHALL explain the schedule options
    """
    assert [finding.rule_id for finding in lint_with("EC001", text)] == ["EC001"]
