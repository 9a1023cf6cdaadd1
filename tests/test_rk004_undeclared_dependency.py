"""RK004 undeclared-dependency: dependencies named in the text are on the list."""

from risk_support import lines, lint_risk


def test_flags_a_team_missing_from_the_dependencies_section() -> None:
    text = """
    # Account deletion

    ## Design
    Card tokens are provided by Stripe. Deletion relies on the Identity team's new
    `account.closed` event.

    ## Dependencies
    - Stripe (vendor): card tokenisation, contract in place.
    """
    findings = lint_risk("RK004", text)
    assert len(findings) == 1
    assert "'Identity team'" in findings[0].message
    assert (findings[0].span.start.line, findings[0].span.start.column) == (4, 46)  # "relies on the Identity team"


def test_listed_dependencies_are_fine_in_any_spelling() -> None:
    text = """
    ## Design
    Deletion relies on the Identity team's event and is blocked by RFC 2119 adoption.
    It integrates with Zendesk.

    ## Dependencies
    | Dependency | Owner | Status |
    |------------|-------|--------|
    | Identity (team) | @ana | planned |
    | the RFC #2119 wording | @lee | done |
    | Zendesk | @kim | contract signed |
    """
    assert lint_risk("RK004", text) == []


def test_each_missing_name_is_reported_once() -> None:
    text = """
    ## Design
    Exports depend on the Warehouse service. Retries also depend on the Warehouse service.

    ## Dependencies
    - None.
    """
    assert lines(lint_risk("RK004", text)) == [2]


def test_no_dependencies_section_with_several_dependencies() -> None:
    text = """
    # Saved cards

    ## Design
    Card tokens are provided by Stripe, and deletion relies on the Identity team.
    """
    findings = lint_risk("RK004", text)
    assert len(findings) == 1
    assert "'Stripe', 'Identity team'" in findings[0].message
    assert "no Dependencies section" in findings[0].message


def test_a_single_dependency_needs_no_section() -> None:
    assert lint_risk("RK004", "## Design\nCard tokens are provided by Stripe.\n") == []


def test_references_inside_the_document_are_not_dependencies() -> None:
    text = """
    ## Requirements
    - FR-2 depends on FR-1. Task T012 depends on T011.
    - This depends on Requirement 3 and relies on Section 4.
    - The export depends on the user choosing a format.
    """
    assert lint_risk("RK004", text) == []


def test_unnamed_services_are_not_named_dependencies() -> None:
    assert lint_risk("RK004", "## Design\nIt relies on a new service and depends on the queue service.\n") == []


def test_skipped_for_rust_rfcs_by_default() -> None:
    text = "## Design\nThis depends on RFC 1234 and relies on the Cargo team.\n"
    assert lint_risk("RK004", text, profile="rust-rfc") == []
    assert len(lint_risk("RK004", text)) == 1


def test_table_of_contents_links_and_adjectives_are_not_dependencies() -> None:
    text = """
    ## Contents
    - [Why the exporter depends on Collector changes](#why)

    ## Design
    The probe relies on Linux-specific features and integrates with eBPF-based tooling.
    """
    assert lint_risk("RK004", text) == []


def test_a_name_is_listed_only_as_a_whole_word() -> None:
    text = """
    ## Design
    The checkout relies on the UI team and on Stripe.

    ## Dependencies
    - Stripe: card vault (the build pipeline is ours).
    """
    findings = lint_risk("RK004", text)
    assert len(findings) == 1 and "'UI team'" in findings[0].message


def test_generic_technical_words_are_not_dependencies() -> None:
    text = """
    ## Design
    The exporter relies on CPU limits, depends on API versioning and integrates with CLI flags.

    ## Dependencies
    - Stripe: card vault.
    """
    assert lint_risk("RK004", text) == []


def test_the_platform_a_proposal_is_about_is_not_a_dependency() -> None:
    text = """
    # Kubernetes pod priority for batch jobs

    ## Summary
    Batch jobs depend on Kubernetes scheduling; Kubernetes preemption and Kubernetes quotas apply.
    The Kubernetes API server stores the priority class. Kubernetes admins opt in.

    ## Dependencies
    - sig-scheduling review.
    """
    assert lint_risk("RK004", text) == []


def test_a_company_in_a_user_story_is_not_a_dependency() -> None:
    text = """
    ## Requirements
    - As a buyer who relies on Acme Payroll, I want my payslips imported so that I can file taxes.

    ## Dependencies
    - Stripe: card vault.
    """
    assert lint_risk("RK004", text) == []


def test_names_in_alternatives_non_goals_and_questions_are_not_dependencies() -> None:
    text = """
    ## Non-goals
    - Integration with Salesforce.

    ## Alternatives considered
    We could have relied on Auth0 instead.

    ## Design
    Should the exporter depend on Snowflake?

    ## Dependencies
    - Stripe: card vault.
    """
    assert lint_risk("RK004", text) == []


def test_a_dependency_listed_under_a_broader_name_is_listed() -> None:
    text = """
    ## Design
    Notes are exported as files that depend on Google Docs.

    ## Dependencies
    - Google Workspace: Docs and Drive APIs, admin consent required.
    """
    assert lint_risk("RK004", text) == []
