"""RK007 milestone-without-date and RK008 rollout-without-rollback."""

from risk_support import lines, lint_risk


def test_flags_milestones_without_dates() -> None:
    text = """
    ## Milestones
    1. Internal dogfood with the payments team: week of 2026-01-12.
    2. Beta for 5% of EU customers.
    3. General availability: two weeks after beta.
    4. Remove the old checkout: Q2 2026.
    """
    findings = lint_risk("RK007", text)
    assert lines(findings) == [3]
    assert "'Beta for 5% of EU customers.'" in findings[0].message


def test_a_plan_with_no_dates_at_all_is_reported_once() -> None:
    text = """
    ## Milestones
    1. Internal dogfood.
    2. Beta.
    3. General availability.
    """
    findings = lint_risk("RK007", text)
    assert lines(findings) == [1]
    assert "none of the 3 milestones" in findings[0].message


def test_milestone_table_needs_its_date_cell() -> None:
    text = """
    ## Timeline
    | Milestone | Target date |
    |-----------|-------------|
    | Dogfood | 2026-01-12 |
    | Beta | TBD |
    """
    findings = lint_risk("RK007", text)
    assert lines(findings) == [5]


def test_relative_time_frames_count() -> None:
    text = """
    ## Milestones
    - M1: API in staging (sprint 14)
    - M2: first partner live, +3 weeks
    - M3: GA by end of quarter
    - M4: shipped in v1.30
    """
    assert lint_risk("RK007", text) == []


def test_in_a_rollout_plan_only_phases_are_milestones() -> None:
    text = """
    ## Rollout plan
    - Phase 1: internal users.
    - Phase 2: 10% of customers, one week after phase 1.
    - Announce the change on the status page.
    """
    findings = lint_risk("RK007", text)
    assert lines(findings) == [2]


def test_document_title_is_not_a_roadmap_section() -> None:
    text = """
    # Roadmap 2027

    - Author: Sam
    - Status: draft

    ## Goals
    - Faster builds.
    """
    assert lint_risk("RK007", text, sections=["Roadmap 2027"]) == []


def test_spec_kit_plans_are_skipped_by_default() -> None:
    text = "## Phases\n- Phase 0: research\n"
    assert lint_risk("RK007", text, profile="spec-kit") == []
    assert len(lint_risk("RK007", text)) == 1


ROLLOUT = """
# Saved cards

## Rollout
1. Backfill `saved_cards` from the provider's vault.
2. Enable card saving for 10% of customers, then 50%, then everyone.
"""


def test_flags_a_rollout_with_no_way_back() -> None:
    findings = lint_risk("RK008", ROLLOUT)
    assert lines(findings) == [3]
    assert "'Rollout' section" in findings[0].message


def test_a_feature_flag_is_a_way_back() -> None:
    text = ROLLOUT + "\nCard saving sits behind the `saved-cards` feature flag.\n"
    assert lint_risk("RK008", text) == []


def test_saying_it_cannot_be_undone_addresses_it() -> None:
    text = ROLLOUT + "\nThe backfill is irreversible: we take a snapshot first.\n"
    assert lint_risk("RK008", text) == []


def test_migration_described_in_text_without_a_section() -> None:
    text = """
    # Card vault move

    ## Design
    A data migration copies tokens to the new vault, then a backfill fills the `last4` column.
    """
    findings = lint_risk("RK008", text)
    assert len(findings) == 1
    assert (findings[0].span.start.line, findings[0].span.start.column) == (4, 3)


def test_no_rollout_no_finding() -> None:
    assert lint_risk("RK008", "# Dark mode\n\n## Design\nColours come from CSS variables.\n") == []


def test_a_rollback_word_in_a_code_block_does_not_count() -> None:
    text = ROLLOUT + "\n```sh\n./rollback.sh\n```\n"
    assert len(lint_risk("RK008", text)) == 1


def test_phases_of_a_processing_pipeline_are_not_milestones() -> None:
    text = """
    ## Phases
    1. Parse: read every uploaded file into records.
    2. Validate: check each record against the schema.
    3. Store: write valid records to the ledger.
    """
    assert lint_risk("RK007", text) == []


def test_states_of_a_workflow_are_not_milestones() -> None:
    text = """
    ## Phases
    A request moves through these states:
    - Draft: the author edits it.
    - Review: a reviewer approves or returns it.
    """
    assert lint_risk("RK007", text) == []


def test_a_hosting_stack_under_deployment_is_not_a_rollout() -> None:
    text = """
    ## Deployment
    - Frontend: Vercel
    - Database: Supabase Postgres
    - Files: Cloudflare R2
    """
    assert lint_risk("RK008", text) == []
