"""WD001-WD005: vague, escape, open-ended, absolute and weak-modal wording in normative text only."""

from conftest import lint_with, spans

# --- WD001 vague-term ------------------------------------------------------------------------


def test_vague_term_in_a_requirement_list_item_is_flagged_at_its_column() -> None:
    text = """
    ## Functional requirements

    - FR-004: Search results load fast and the filter panel is intuitive.
    """
    findings = lint_with("vague-term", text)
    assert spans(findings) == [(3, 31), (3, 60)]
    assert findings[0].span.end.column == 35
    assert findings[0].message.startswith("vague term 'fast': state a measurable value")
    assert "'intuitive' [ISO 29148 (subjective language)]" in findings[1].message


def test_vague_term_with_a_requirement_id_outside_a_requirements_section() -> None:
    text = """
    ## Checkout

    **NFR-2**: The payment form must feel seamless on mobile.
    """
    assert spans(lint_with("WD001", text)) == [(3, 39)]


def test_vague_term_in_a_table_cell_of_a_requirements_section() -> None:
    text = """
    ## Non-functional requirements

    | ID | Requirement |
    |----|-------------|
    | NFR-1 | The importer is robust against malformed rows |
    """
    assert spans(lint_with("WD001", text)) == [(5, 27)]


def test_hyphenated_vague_term_is_one_finding() -> None:
    text = """
    ## Requirements

    - The onboarding flow is user-friendly.
    """
    findings = lint_with("WD001", text)
    assert spans(findings) == [(3, 26)]
    assert "'user-friendly'" in findings[0].message


def test_problem_statement_and_background_are_not_read() -> None:
    text = """
    ## Problem statement

    Checkout is slow and the coupon field is not intuitive, so users abandon carts.

    ## Background

    Our current importer is not robust.
    """
    assert lint_with("WD001", text) == []


def test_quoted_user_complaint_is_not_read() -> None:
    text = """
    ## Requirements

    > "The app should be fast and intuitive" - customer interview, March

    - FR-001: Reports list the interviewee's quote "make it fast" verbatim in the appendix.
    """
    assert lint_with("WD001", text) == []


def test_code_and_links_are_not_read() -> None:
    text = """
    ## Requirements

    - FR-002: The CLI accepts `--fast` and follows the [robust retry guide](https://example.com/robust).
    """
    assert lint_with("WD001", text) == []


def test_user_story_is_not_a_requirement_statement() -> None:
    text = """
    ## Requirements

    - As a shopper, I want a fast checkout so that I can pay on my phone.
    """
    assert lint_with("WD001", text) == []


def test_quantified_sentence_is_not_flagged_by_default() -> None:
    text = """
    ## Requirements

    - FR-003: Search is fast: results render within 300 ms at p95.
    """
    assert lint_with("WD001", text) == []
    assert spans(lint_with("WD001", text, **{"allow-when-quantified": False})) == [(3, 21)]


def test_technical_compounds_are_not_vague() -> None:
    text = """
    ## Requirements

    - FR-005: Notifications are delivered best-effort; merges use fast-forward only.
    - FR-006: The layout uses responsive design breakpoints from the design system.
    """
    assert lint_with("WD001", text) == []


def test_design_prose_is_read_only_in_the_sentence_that_says_must() -> None:
    text = """
    ## Design

    The simple approach would be easy to build. The exporter MUST flush buffers efficiently.
    """
    assert spans(lint_with("WD001", text)) == [(3, 77)]


def test_scenario_is_read_only_in_its_outcome() -> None:
    text = """
    ## User scenarios

    1. **Given** several saved carts, **When** the user opens the app, **Then** the carts load quickly.
    """
    findings = lint_with("WD001", text)
    assert [finding.message.split("'")[1] for finding in findings] == ["quickly"]


def test_terms_option_replaces_and_extend_terms_adds() -> None:
    text = """
    ## Requirements

    - The report is fast and snazzy.
    """
    assert spans(lint_with("WD001", text, terms=["snazzy"])) == [(3, 26)]
    assert spans(lint_with("WD001", text, **{"extend-terms": ["snazzy"]})) == [(3, 17), (3, 26)]


def test_document_title_does_not_make_the_whole_document_normative() -> None:
    text = """
    # Requirements document

    ## Introduction

    This feature makes deployments fast and seamless.
    """
    assert lint_with("WD001", text) == []


# --- WD002 escape-clause ---------------------------------------------------------------------


def test_escape_clause_in_a_requirement() -> None:
    text = """
    ## Requirements

    - FR-010: Thumbnails are generated on upload where possible.
    """
    findings = lint_with("escape-clause", text)
    assert spans(findings) == [(3, 46)]
    assert "INCOSE R8" in findings[0].message


def test_escape_clause_that_names_its_authority_is_fine() -> None:
    text = """
    ## Requirements

    - FR-011: Account data is deleted within 30 days, as required by GDPR article 17.
    """
    assert lint_with("WD002", text) == []


def test_escape_clause_that_names_the_licence_it_serves_is_fine() -> None:
    text = """
    ## Requirements

    - FR-012: Ledger entries are kept 10 years, as required for our e-money licence.
    """
    assert lint_with("WD002", text) == []


def test_escape_clause_across_a_line_break() -> None:
    text = """
    ## Requirements

    - FR-012: Retries back off exponentially, as
      appropriate for the endpoint.
    """
    assert spans(lint_with("WD002", text)) == [(3, 43)]


# --- WD003 open-ended-list -------------------------------------------------------------------


def test_etc_in_a_requirement() -> None:
    text = """
    ## Requirements

    - FR-007: Users can import contacts from CSV, vCard, etc.
    """
    findings = lint_with("open-ended-list", text)
    assert spans(findings) == [(3, 54)]
    assert findings[0].span.end.column == 58


def test_including_but_not_limited_to_is_one_finding() -> None:
    text = """
    ## Requirements

    - FR-008: Audit events include, but not limited to, logins and exports.
    """
    assert len(lint_with("WD003", text)) == 1


def test_trailing_ellipsis_in_an_enumeration() -> None:
    text = """
    ## Requirements

    - FR-009: Supported currencies: EUR, USD, ...
    """
    assert spans(lint_with("WD003", text)) == [(3, 43)]


def test_list_announced_as_examples_is_not_open_ended() -> None:
    text = """
    ## Requirements

    - FR-013: Webhooks retry on transient errors (e.g. timeouts, 503, etc.).
    """
    assert lint_with("WD003", text) == []


# --- WD004 unbounded-absolute ----------------------------------------------------------------


def test_always_available_is_an_unbounded_absolute() -> None:
    text = """
    ## Non-functional requirements

    - NFR-002: The checkout API is always available.
    """
    findings = lint_with("unbounded-absolute", text)
    assert spans(findings) == [(3, 32)]
    assert "INCOSE R26" in findings[0].message


def test_self_contained_absolute_phrases() -> None:
    text = """
    ## Non-functional requirements

    - Deployments happen with zero downtime and no data loss.
    """
    assert spans(lint_with("WD004", text)) == [(3, 27), (3, 45)]


def test_prohibition_with_never_is_testable_and_not_flagged() -> None:
    text = """
    ## Requirements

    - FR-020: The API never returns full card numbers in responses.
    """
    assert lint_with("WD004", text) == []


def test_absolute_with_a_tolerance_is_fine() -> None:
    text = """
    ## Non-functional requirements

    - NFR-003: The API is always available except for a 30-minute monthly maintenance window.
    """
    assert lint_with("WD004", text) == []


def test_hundred_percent_of_a_deterministic_property_is_fine() -> None:
    text = """
    ## Success criteria

    - SC-002: 100% of invalid file names are rejected before upload starts.
    - SC-003: The service reaches 100% uptime during the launch week.
    """
    assert spans(lint_with("WD004", text)) == [(4, 31)]


# --- WD005 weak-modal ------------------------------------------------------------------------


def test_should_in_a_requirement() -> None:
    text = """
    ## Functional requirements

    - FR-003: The system should email a receipt after each payment.
    """
    findings = lint_with("weak-modal", text)
    assert spans(findings) == [(3, 22)]
    assert "'should'" in findings[0].message


def test_may_with_the_system_as_subject_is_weak_but_a_permission_is_not() -> None:
    text = """
    ## Requirements

    - The service may retry failed webhooks.
    - Admins may export the audit log as CSV.
    - A request may carry two idempotency keys.
    """
    assert spans(lint_with("WD005", text)) == [(3, 15)]


def test_bdd_then_should_is_idiomatic() -> None:
    text = """
    ## Acceptance criteria

    - Given a saved card, When the user pays, Then the receipt should show the last four digits.
    """
    assert lint_with("WD005", text) == []


def test_upper_case_rfc_2119_keywords_are_deliberate() -> None:
    text = """
    ## Requirements

    - Clients SHOULD send an idempotency key.
    """
    assert lint_with("WD005", text) == []
    assert spans(lint_with("WD005", text, **{"flag-rfc2119-keywords": True})) == [(3, 11)]


def test_modal_qualifying_a_detail_of_a_must_sentence() -> None:
    text = """
    ## Requirements

    - FR-001: The config MUST define a `subtrees` list (which should be sorted by name).
    """
    assert lint_with("WD005", text) == []


def test_should_in_prose_outside_requirements_is_not_read() -> None:
    text = """
    ## Motivation

    Teams should not have to copy configuration by hand.
    """
    assert lint_with("WD005", text) == []


def test_capitalized_feature_name_is_not_a_vague_term() -> None:
    text = """
    ## Requirements

    - FR-030: The Quick Actions menu lists the commands the current user runs most.
    - Quick replies are sent as plain text.
    """
    findings = lint_with("WD001", text)
    assert spans(findings) == [(4, 3)]


def test_moscow_priorities_are_not_weak_modals() -> None:
    text = """
    ## Requirements

    | ID | Requirement | Priority |
    |----|-------------|----------|
    | FR-001 | Users can export a report as CSV. | Must |
    | FR-002 | Users can export a report as PDF. | Should |

    - Should have: scheduled exports every Monday.
    - **Could**: export to Google Sheets.
    - The exporter should compress files over 10 MB.
    """
    assert spans(lint_with("WD005", text)) == [(10, 16)]


def test_single_quoted_ui_labels_are_not_read_but_apostrophes_do_not_hide_text() -> None:
    text = """
    ## Requirements

    - FR-040: The button reads 'Quick pay' and the users' carts load fast.
    """
    findings = lint_with("WD001", text)
    assert [finding.message.split("'")[1] for finding in findings] == ["fast"]


def test_vague_words_outside_requirements_are_not_flagged() -> None:
    text = """
    ## Background
    Users say the old export is slow and hard to use.

    ## Requirements
    - FR-1: The export button is labelled "Quick export" and the menu item **Fast Lane** opens the wizard.

    ## Alternatives considered
    - A user-friendly wizard that must ask fewer questions: rejected, it hides the format options.
    """
    assert lint_with("WD001", text) == []


def test_should_in_a_rationale_is_not_a_weak_requirement() -> None:
    text = """
    ## Requirements
    - FR-2: The export MUST include archived projects. Rationale: auditors should see every project.
    - FR-3: The export should include deleted projects.
    """
    assert spans(lint_with("WD005", text)) == [(3, 20)]


def test_design_proposals_argue_in_prose_and_commit_in_ids() -> None:
    from risk_support import lint_risk

    text = """
    ## Requirements
    * The API should be easily extendable with new metrics.
    * REQ-4: The API should expose the heap size.
    """
    assert [finding.span.start.line for finding in lint_risk("WD005", text, profile="go-design")] == [3]
    assert [finding.span.start.line for finding in lint_risk("WD001", text, profile="go-design")] == []
    assert len(lint_risk("WD005", text)) == 2


def test_a_status_line_is_not_a_requirement() -> None:
    text = """
    ## Requirements
    3. ✅ Handles a missing domain gracefully (defaults to public)
    """
    assert lint_with("WD001", text) == []


def test_vague_words_made_concrete_in_the_same_breath_are_not_flagged() -> None:
    text = """
    ## Requirements
    1. WHEN I open a lab THEN the system SHALL navigate to the appropriate lab page.
    2. WHEN WebGPU is unavailable THEN the system SHALL gracefully fall back to read-only demo mode.
    3. THE deploy step SHALL check the credentials have sufficient permissions to create the stack.
    4. THE system SHALL handle errors gracefully.
    """
    assert spans(lint_with("WD001", text)) == [(5, 35)]


def test_graceful_terms_of_art_and_spelled_out_fallbacks() -> None:
    text = """
    ## Requirements
    1. Graceful shutdown MUST provide a bounded drain window.
    2. WHEN the LLM fails, THE system SHALL gracefully fallback to template-based generation.
    3. THE parser SHALL handle malformed YAML gracefully and provide actionable errors instead of crashing.
    """
    assert lint_with("WD001", text) == []


def test_a_product_name_that_starts_with_a_vague_word_is_a_name() -> None:
    text = """
    ## Requirements
    - **ID type requirement**: Better Auth user IDs are text.
    - Integrations MUST include Better Auth and Dodo Payments.
    - Better performance is expected.
    """
    assert spans(lint_with("WD001", text)) == [(4, 3)]


def test_a_parenthesis_that_spells_the_vague_word_out() -> None:
    text = """
    ## Requirements
    1. WHEN the worker restarts THEN the system SHALL handle unfinished items appropriately (retry or mark as failed).
    2. WHEN in fallback mode THEN the system SHALL show appropriate source badges (Hosted, Sample, Local).
    """
    assert lint_with("WD001", text) == []


def test_etc_closing_a_parenthesis_of_examples_is_an_aside() -> None:
    text = """
    ## Requirements
    - The operator MUST label all generated resources (Service, Deployment, etc.) with the gateway name.
    - The importer MUST accept CSV, TSV, etc.
    """
    assert spans(lint_with("WD003", text)) == [(3, 38)]
