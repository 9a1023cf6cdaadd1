"""MS001 unmeasurable-success-criterion and MS002 unmeasurable-nfr."""

from conftest import lint_with, requires_corpus, spans
from damage import damaged_text, lint_positions

# --- MS001 -------------------------------------------------------------------------------------


def test_subjective_success_criterion_without_a_number() -> None:
    text = """
    ## Success criteria

    - **SC-001**: Median time to first project is under 4 minutes within 30 days of launch.
    - **SC-002**: Onboarding feels easy for new users.
    """
    findings = lint_with("unmeasurable-success-criterion", text)
    assert spans(findings) == [(4, 3)]
    assert "no number" in findings[0].message


def test_a_perception_users_report_needs_a_number() -> None:
    text = """
    ## Success Criteria

    ### Measurable Outcomes

    - Maintainers report that they understand which scans failed and why.
    """
    assert spans(lint_with("MS001", text)) == [(5, 3)]


def test_the_quality_of_an_output_is_checked_by_reading_it() -> None:
    text = """
    ## Success Criteria

    - **SC-003**: Error messages for a bad manifest clearly name the file and suggest a fix.
    - **SC-004**: The importer rejects a malformed row gracefully with an actionable message instead of a stack trace.
    - **SC-005**: Release notes keep enough information to trace each change (tag, author, pull request).
    """
    assert lint_with("MS001", text) == []


def test_a_capability_is_checked_by_trying_it() -> None:
    text = """
    ## Success criteria

    - A new contributor can understand how the plugin loader and the registry split the work.
    - Operators understand sync status without opening the logs: the status page shows each lagging replica.
    """
    assert lint_with("MS001", text) == []


def test_requirement_id_is_not_a_number() -> None:
    text = """
    ## Outcomes

    - SC-003: Onboarding feels faster for new users.
    """
    assert spans(lint_with("MS001", text)) == [(3, 3)]


def test_pass_fail_criterion_is_measurable_as_written() -> None:
    text = """
    ## Success criteria

    - SC-004: CI fails the build when any test fails.
    - SC-005: Every exported file opens in Excel and Numbers without a warning.
    """
    assert lint_with("MS001", text) == []


def test_metric_needs_a_number_or_time_frame() -> None:
    text = """
    ## Success metrics

    - Weekly active teams grow to 400 by end of Q3.
    - Support tickets about exports go down.
    - Checkout conversion is tracked weekly.
    """
    assert spans(lint_with("MS004", text)) == [(4, 3)]


def test_metric_without_target_is_left_to_ms004() -> None:
    text = """
    ## Success metrics

    - Support tickets about exports go down.
    """
    assert lint_with("MS001", text) == []


def test_label_with_nested_targets_is_measured() -> None:
    text = """
    ## Success metrics

    - Adoption:
      - 40% of workspaces create a saved view in the first month.
    """
    assert lint_with("MS001", text) == []


def test_metrics_table_row_without_a_target() -> None:
    text = """
    ## Success metrics

    | Metric | Target |
    |--------|--------|
    | Activation rate | 35% by March |
    | Customer happiness | Improves |
    """
    assert spans(lint_with("MS001", text)) == [(6, 3)]


def test_template_placeholder_is_left_to_the_placeholder_rules() -> None:
    text = """
    ## Success criteria

    - **SC-001**: [Measurable metric, e.g., "Users complete signup quickly"]
    """
    assert lint_with("MS001", text) == []


def test_success_words_in_background_are_not_criteria() -> None:
    text = """
    ## Background

    - Users are happier with the new editor.
    """
    assert lint_with("MS001", text) == []


# --- MS002 -------------------------------------------------------------------------------------


def test_performance_requirement_without_a_number() -> None:
    text = """
    ## Non-functional requirements

    - NFR-001: The report service must scale with the number of tenants.
    - NFR-002: Passwords are hashed with Argon2id.
    - NFR-003: The export API handles 200 requests per second at p95 < 400 ms.
    """
    findings = lint_with("unmeasurable-nfr", text)
    assert spans(findings) == [(3, 3)]
    assert "threshold" in findings[0].message


def test_every_item_of_a_performance_section_needs_a_number() -> None:
    text = """
    ## Performance

    - Search results appear without delay.
    - The sync job completes in under 5 minutes for 10,000 records.
    """
    assert spans(lint_with("MS002", text)) == [(3, 3)]


def test_availability_section_holds_behaviours_too() -> None:
    text = """
    ## Availability

    - The API is highly available.
    - When the primary region fails, traffic fails over to the secondary region.
    """
    assert spans(lint_with("MS002", text)) == [(3, 3)]


def test_requirement_about_scale_outside_an_nfr_section() -> None:
    text = """
    ## Requirements

    - FR-014: The importer must scale to large catalogs.
    - FR-015: The importer must scale to catalogs of 2 million products.
    """
    assert spans(lint_with("MS002", text)) == [(3, 3)]


def test_nfr_table_row_without_a_threshold() -> None:
    text = """
    ## Performance

    | Area | Target |
    |------|--------|
    | Page load | p95 < 1.5 s |
    | Search | Fast |
    """
    assert spans(lint_with("MS002", text)) == [(6, 3)]


def test_topic_words_in_code_are_not_read() -> None:
    text = """
    ## Requirements

    - FR-020: Integration tests carry the label `slow` and run nightly in CI.
    """
    assert lint_with("MS002", text) == []


def test_qualitative_bounds_count_as_a_threshold() -> None:
    text = """
    ## Performance

    - Lookups by ID are constant-time.
    - Autocomplete answers in sub-second time.
    """
    assert lint_with("MS002", text) == []


def test_requirements_table_row_about_performance_without_a_number() -> None:
    text = """
    ## Requirements

    | ID | Requirement |
    |----|-------------|
    | FR-001 | The system must let a customer save at most 5 cards. |
    | FR-002 | The payment step should stay stable under heavy load. |
    """
    assert spans(lint_with("MS002", text)) == [(6, 3)]


def test_questionnaire_answers_are_not_requirements() -> None:
    text = """
    ## Production Readiness Review Questionnaire

    ### Scalability

    ###### Will enabling / using this feature result in any new calls to the cloud provider?

    - No.

    ###### Will enabling / using this feature result in increasing time taken by any operations covered by existing SLIs/SLOs?

    - No, the scale of the cluster is unchanged.
    """
    assert lint_with("MS002", text) == []


def test_a_question_is_not_a_requirement() -> None:
    text = """
    ## Non-functional requirements

    - **Scale:** does the importer need to scale beyond one region?
    """
    assert lint_with("MS002", text) == []


def test_design_vocabulary_is_not_performance() -> None:
    text = """
    ## Non-functional requirements

    - The UI uses a modular type scale and stays responsive across breakpoints.
    - Durations: fast, normal, slow animations for every transition.
    - The editor must stay stable under heavy load.
    """
    assert spans(lint_with("MS002", text)) == [(5, 3)]


def test_a_quality_that_is_logged_or_checked_is_not_required() -> None:
    text = """
    ## Requirements

    1. WHEN the job completes THEN the system SHALL log the run with its id and latency.
    2. THE startup script SHALL check for Docker availability before starting.
    3. THE app SHALL fail fast when a required variable is missing.
    """
    assert lint_with("MS002", text) == []


def test_a_quality_said_not_to_be_needed_is_not_required() -> None:
    text = """
    ## Non-functional requirements

    - The MVP does not require enterprise-scale, highly available infrastructure.
    """
    assert lint_with("MS002", text) == []


def test_zero_is_a_threshold() -> None:
    text = """
    ## Success metrics

    - No critical bugs open at launch.
    - **Documentation:** No sprints missing documentation.
    - SC-007: Zero data loss during the migration.
    """
    assert lint_with("MS001", text) == []


def test_a_yes_no_launch_gate_in_a_metrics_section_is_checkable() -> None:
    text = """
    ## Success metrics

    - Adding a client does not restart the tunnel.
    - Weekly active teams is tracked.
    - Retention rate improves.
    """
    assert lint_with("MS001", text) == []  # the metrics without a target are metric-without-target's (MS004)
    # the gate (line 3) passes or fails as written; "weekly" names the measure, it is no time frame
    assert spans(lint_with("MS004", text)) == [(4, 3), (5, 3)]


def test_exported_metrics_of_a_design_are_not_success_criteria() -> None:
    text = """
    ## Proposal

    ### Metrics

    - Latency (sec)
    - Count of each datastore type used in the cluster.

    ## Success metrics

    | metric name | value | type |
    |-------------|-------|------|
    | `capi_machineset_created` | `.metadata.creationTimestamp` | Gauge |
    """
    assert lint_with("MS001", text) == []


def test_baseline_and_measurement_of_a_metric_are_one_metric() -> None:
    text = """
    ## Success metrics

    ### Activation

    - **Target:** 40% of new workspaces invite a teammate in week one.
    - **Baseline:** not yet known; first export after launch.
    - **Measurement:** product analytics funnel.

    - **Retention**
      - Target: 60% of teams active after 30 days.
      - Baseline: unknown.
      - Measured by: the weekly cohort report.
    """
    assert lint_with("MS001", text) == []


def test_a_question_under_success_criteria_is_not_a_criterion() -> None:
    text = """
    ## Success criteria

    - Are the clusters healthy? Do they have conditions in an undesirable state?
    """
    assert lint_with("MS001", text) == []


def test_a_checklist_question_with_tags_is_not_a_requirement() -> None:
    text = """
    ## Non-functional requirements

    - [x] CHK013 Are performance requirements documented for the import? [Gap, Spec §NFR]
    - Prometheus downtime doesn't crash the operator.
    """
    assert lint_with("MS002", text) == []


def test_a_success_criterion_that_only_compares_is_flagged() -> None:
    text = """
    ## Success Criteria

    - **SC-001**: Returning members book a class faster.
    - **SC-002**: 40% of bookings come from returning members within 2 months of launch.
    """
    assert spans(lint_with("MS004", text)) == [(3, 5)]


def test_a_comparison_with_a_number_is_a_target() -> None:
    text = """
    ## Success Criteria

    - **SC-001**: Returning members book a class in under 30 seconds, 2x faster.
    - **SC-002**: Members who book more often renew at 60% within 6 months.
    """
    assert lint_with("MS004", text) == []


def test_a_quality_recorded_at_the_end_of_a_long_list_is_not_required() -> None:
    text = """
    ### Requirement 4

    #### Acceptance Criteria

    1. WHEN a sync run finishes THEN the worker SHALL record the run id, the tenant, the source table, the row counts, the retry count and the latency
    """
    assert lint_with("MS002", text) == []


def test_a_criterion_that_points_at_the_documents_targets_is_not_unmeasured() -> None:
    text = """
    ## Non-functional requirements

    - Ingest throughput: at least 20,000 events per second per node.

    ## Acceptance criteria

    1. Load tests on the reference cluster demonstrate the throughput targets.
    2. Soak tests show target class latency on the staging hardware.
    """
    assert lint_with("MS002", text) == []


def test_ack_fast_names_an_order_not_a_speed() -> None:
    text = """
    ## Requirements

    - Payment webhook handlers must verify the signature, write the event to the ledger, ack fast and
      reconcile in a background job.
    """
    assert lint_with("MS002", text) == []


def test_a_line_where_vague_requirement_reports_gets_no_second_finding() -> None:
    text = """
    ## Requirements

    - The top-up screen must be fast.
    """
    assert spans(lint_with("WD006", text)) == [(3, 29)]
    assert lint_with("MS002", text) == []


def test_a_vague_demand_that_vague_requirement_does_not_name_is_reported() -> None:
    text = """
    ## Non-functional requirements

    - Ledger queries should stay stable under heavy load.
    """
    assert lint_with("WD006", text) == []
    assert spans(lint_with("MS002", text)) == [(3, 3)]


# --- MS002 on a real document (damage test) -------------------------------------------------------

_MEMMQ_PRD = "prds/lingfliu__dd-core__docs__prd-memmq-v1.md"


@requires_corpus
def test_a_performance_target_whose_number_is_removed_is_reported_at_its_line() -> None:
    damaged, line = damaged_text(_MEMMQ_PRD, "2. Publish latency:\n   - p95 <= 1 ms, p99 <= 3 ms under baseline load.",
                                 "2. Publish latency must remain predictable under baseline load.")
    assert (line, 4) in lint_positions("MS002", _MEMMQ_PRD, damaged)
    assert (line, 4) not in lint_positions("MS002", _MEMMQ_PRD)
