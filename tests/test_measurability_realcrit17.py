"""MS001 on success criteria that read as measurable and cannot fail: a time frame that never arrives
("eventually"), and a target held on a workload the criterion never sizes ("for typical repositories")."""

from conftest import lint_with, spans

# --- a time frame that never arrives -------------------------------------------------------------


def test_eventually_is_not_a_time_frame() -> None:
    text = """
    ## Success measures

    1. The billing export is eventually available to partner accounts without a support ticket.
    """
    findings = lint_with("MS001", text)
    assert spans(findings) == [(3, 26)]
    assert "eventually" in findings[0].message


def test_at_some_point_in_a_spec_kit_criterion() -> None:
    text = """
    ## Outcomes

    - **SC-014**: At some point the mobile client shares the offline queue with the desktop client.
    """
    assert spans(lint_with("MS001", text)) == [(3, 15)]


def test_eventually_consistent_is_a_consistency_model_not_a_deadline() -> None:
    text = """
    ## Success criteria

    - Replicas are eventually consistent and a read after a write never returns a deleted row.
    """
    assert lint_with("MS001", text) == []


def test_eventually_with_a_date_has_a_time_frame() -> None:
    text = """
    ## Success criteria

    - Every tenant is eventually migrated to the new store, by the end of Q3.
    """
    assert lint_with("MS001", text) == []


def test_eventually_outside_success_criteria_is_not_a_criterion() -> None:
    text = """
    ## Background

    - The old importer will eventually be removed.
    """
    assert lint_with("MS001", text) == []


# --- a target on a workload nobody sized ---------------------------------------------------------


def test_a_target_for_a_normal_workload_that_is_never_sized() -> None:
    text = """
    ## Success criteria

    - Search answers in under 300 ms at p95 on a normal mailbox.
    """
    findings = lint_with("MS001", text)
    assert spans(findings) == [(3, 46)]
    assert "'normal mailbox'" in findings[0].message


def test_under_average_load_in_a_bold_labelled_criterion() -> None:
    text = """
    ## Measurable outcomes

    - **SC-9**: The checkout page renders within 2 seconds under average load.
    """
    assert spans(lint_with("MS001", text)) == [(3, 62)]


def test_a_workload_sized_in_parentheses_is_defined() -> None:
    text = """
    ## Success criteria

    - Search answers in under 300 ms at p95 on a typical mailbox (20,000 messages, 2 GB).
    - Imports finish within 5 minutes for typical 50 MB archives.
    - Sync completes within 1 minute for standard projects of up to 500 files.
    """
    assert lint_with("MS001", text) == []


def test_typical_without_a_target_is_left_to_the_other_readings() -> None:
    text = """
    ## Success criteria

    - Typical users export a report without help.
    """
    # no workload finding; the unaided-use reading (round 18, "without help" for no share of users) is another reading
    assert [finding.message for finding in lint_with("MS001", text) if "never sizes" in finding.message] == []


# --- MS002: a performance requirement on a workload nobody sized ---------------------------------


def test_a_performance_requirement_for_typical_projects() -> None:
    text = """
    ## Performance

    - The indexer SHALL finish a full rebuild within 3 minutes for typical projects.
    """
    findings = lint_with("MS002", text)
    assert spans(findings) == [(3, 64)]
    assert "'typical projects'" in findings[0].message


def test_a_performance_requirement_with_a_sized_workload() -> None:
    text = """
    ## Non-functional requirements

    - NFR-3: The indexer SHALL finish a full rebuild within 3 minutes for typical projects (5,000 files).
    - NFR-4: Page loads stay under 800 ms at p95 under normal load of 200 requests per second.
    """
    assert lint_with("MS002", text) == []


def test_a_number_in_another_clause_or_an_id_is_not_the_figure() -> None:
    text = """
    ## Requirements

    - The client SHALL cover the cases listed in Requirement 12; its retry loop is correct for representative hosts.
    - **FR-EXP-7:** A member SHALL export the board as one normal archive, with the normal export flow choosing the format.
    """
    assert lint_with("MS002", text) == []
