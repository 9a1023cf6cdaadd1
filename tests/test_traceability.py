"""TR001 duplicate-requirement-id, TR002 undefined-requirement-reference, TR003 broken-internal-link."""

from conftest import lint_with, spans

# --- TR001 -------------------------------------------------------------------------------------


def test_second_definition_of_an_id_is_flagged_with_the_first_line() -> None:
    text = """
    ## Functional requirements

    - **FR-003**: Users can reset their password by email.
    - **FR-003**: Reset links expire after 30 minutes.
    """
    findings = lint_with("duplicate-requirement-id", text)
    assert spans(findings) == [(4, 5)]
    assert findings[0].span.end.column == 11
    assert "line 3" in findings[0].message


def test_definitions_in_headings_and_tables_count() -> None:
    text = """
    ### US-1: Saved carts

    | ID | Requirement |
    |----|-------------|
    | FR-001 | Carts persist for 30 days |
    | FR-001 | Carts sync across devices |

    ### US-1: Shared carts
    """
    assert spans(lint_with("TR001", text)) == [(6, 3), (8, 5)]


def test_references_are_not_definitions() -> None:
    text = """
    - FR-001: Users can export a report as CSV.
    - FR-002: Large exports are emailed; FR-001 still applies to the email attachment.

    FR-001 and FR-002 are covered by the export tests.
    """
    assert lint_with("TR001", text) == []


def test_traceability_table_listing_ids_defined_above_is_not_a_duplicate() -> None:
    text = """
    - FR-001: Users can export a report as CSV.

    ## Traceability

    | Requirement | Test |
    |-------------|------|
    | FR-001 | test_export_csv |
    """
    assert lint_with("TR001", text) == []


def test_ids_in_code_are_not_read() -> None:
    text = """
    - FR-001: Users can export a report as CSV.

    ```
    FR-001: example line in a fixture
    ```
    """
    assert lint_with("TR001", text) == []


# --- TR002 -------------------------------------------------------------------------------------


def test_reference_to_an_undefined_id() -> None:
    text = """
    - **FR-001**: Users can export a report as CSV.
    - **FR-002**: Exports larger than 10 MB are emailed (see FR-004).
    """
    findings = lint_with("undefined-requirement-reference", text)
    assert spans(findings) == [(2, 58)]
    assert "FR-004" in findings[0].message


def test_document_citing_another_documents_ids_is_left_alone() -> None:
    text = """
    # Implementation plan

    - T001 implements FR-001 and FR-002 from spec.md.
    """
    assert lint_with("TR002", text) == []


def test_references_to_defined_ids_are_fine() -> None:
    text = """
    - NFR-1: p95 latency under 300 ms.
    - NFR-2: Availability of 99.9% monthly; NFR-1 applies during failover.
    """
    assert lint_with("TR002", text) == []


# --- TR003 -------------------------------------------------------------------------------------


def test_link_to_a_missing_heading_suggests_the_closest_anchor() -> None:
    text = """
    Retries are described in [error handling](#error-handlin).

    ## Error handling
    """
    findings = lint_with("broken-internal-link", text)
    assert spans(findings) == [(1, 43)]
    assert "did you mean '#error-handling'" in findings[0].message


def test_links_to_headings_use_github_slugs_with_duplicates_numbered() -> None:
    text = """
    See [the second example](#example-1), [Q&A](#qa) and [top](#top).

    ## Example
    ## Example
    ## Q&A
    """
    assert lint_with("TR003", text) == []


def test_a_heading_with_code_keeps_the_code_text_in_its_anchor() -> None:
    text = """
    See [the future type](#returning-futoutput--t).

    ## Returning `Fut<Output = T>`
    """
    assert lint_with("TR003", text) == []


def test_explicit_html_anchors_and_heading_attributes_are_targets() -> None:
    text = """
    Jump to [limits](#upload-limits), [retries](#retries) or [legacy](#legacy).

    <a name="upload-limits"></a>
    ## Limits

    <div id="retries"></div>

    ## Legacy behaviour {#legacy}
    """
    assert lint_with("TR003", text) == []


def test_user_content_prefix_and_case_are_accepted() -> None:
    text = """
    [Scope](#user-content-scope), [Scope again](#Scope)

    ## Scope
    """
    assert lint_with("TR003", text) == []


def test_reference_definition_used_in_the_text_is_checked() -> None:
    text = """
    See the [rollout plan][plan].

    [plan]: #rollout

    ## Launch
    """
    assert spans(lint_with("TR003", text)) == [(3, 9)]


def test_unused_reference_definition_is_not_a_link() -> None:
    text = """
    ## Alternatives
    [rationale]: #rationale
    """
    assert lint_with("TR003", text) == []


def test_html_link_in_an_html_block() -> None:
    text = """
    <p>Read the <a href="#faq">FAQ</a> first.</p>

    ## Questions
    """
    assert len(lint_with("TR003", text)) == 1


def test_links_in_code_are_not_read() -> None:
    text = """
    Use `[text](#anchor)` to link a section.

    ```markdown
    [Missing](#missing)
    ```
    """
    assert lint_with("TR003", text) == []


def test_heading_with_angle_brackets_in_code_keeps_them_in_its_anchor() -> None:
    text = """
    See [the signature](#users-write-f-fn---futoutput--t).

    ## Users write `F: Fn() -> Fut<Output = T>`
    """
    assert lint_with("TR003", text) == []


def test_site_generator_spellings_of_an_anchor_are_accepted_but_typos_are_not() -> None:
    text = """
    See [flags](#appendix_thp-flag-behavior) and [the plan](#roll-out).

    ## Appendix: THP flag behavior

    ## Rollout
    """
    findings = lint_with("TR003", text)
    assert [finding.message.split("'")[1] for finding in findings] == ["#roll-out"]


# --- one reading of IDs (issue 12) ---------------------------------------------------------------


def test_bold_label_keying_a_test_to_a_story_is_not_a_second_definition() -> None:
    text = """
    ## User stories

    - **US-1:** As an owner, I want to invite a teammate so that we share the board.

    ## Acceptance tests

    - **US-1:** A invites B; B sees the board after accepting.
    """
    assert lint_with("TR001", text) == []


def test_definition_on_a_lazy_continuation_line_is_a_definition() -> None:
    text = """
    - **FR-001**: Builds MUST run on every pull request.
    **FR-002**: Releases MUST attach checksums.
    """
    assert lint_with("TR002", text) == []


def test_family_reference_resolves_to_its_members() -> None:
    text = """
    - **FR-8.1**: Exports MUST be CSV.
    - **FR-8.2**: Exports MUST be under 10 MB.
    - **FR-9**: Every export in FR-8.x is logged.
    """
    assert lint_with("TR002", text) == []


def test_range_reference_resolves() -> None:
    text = """
    - **FR-1.1**: Sign-in MUST use email.
    - **FR-2**: Requirements FR-1.1-1.15 apply to the mobile app too.
    """
    assert lint_with("TR002", text) == []


def test_id_in_a_table_id_column_that_is_not_the_first_is_a_definition() -> None:
    text = """
    | Priority | ID | Requirement |
    |----------|----|-------------|
    | P0 | FR-010 | Exports are CSV |
    | P1 | FR-011 | Exports are zipped (see FR-010) |
    """
    assert lint_with("TR002", text) == []


def test_parenthetical_label_of_a_heading_defines_the_id() -> None:
    text = """
    ### 2.1 Caching (FR-300)

    - **FR-301**: Reads MUST hit the cache first.

    ### 2.2 Eviction

    Eviction follows FR-300.
    """
    assert lint_with("TR002", text) == []


def test_id_with_a_parenthetical_note_before_its_colon_is_a_definition() -> None:
    text = """
    - **FR-001**: Uploads MUST be resumable.
    - **FR-009.1** (spike finding): Pastes MUST go through a temp file.

    Pastes use FR-009.1.
    """
    assert lint_with("TR002", text) == []


def test_a_note_that_a_requirement_was_removed_is_not_a_dangling_reference() -> None:
    text = """
    - **FR-001**: Uploads MUST be resumable.

    FR-120 was removed with the notification adapter.
    """
    assert lint_with("TR002", text) == []


def test_a_dangling_reference_beside_these_shapes_is_still_flagged() -> None:
    text = """
    - **FR-8.1**: Exports MUST be CSV.
    - **FR-9**: Every export is logged as in FR-7.
    """
    assert [finding.rule_id for finding in lint_with("TR002", text)] == ["TR002"]


def test_an_id_heading_a_plan_phase_is_a_reference() -> None:
    text = """
    - **FR-001**: Builds MUST run on every pull request.

    ### Phase D: Documentation (FR-010)
    """
    assert [finding.rule_id for finding in lint_with("TR002", text)] == ["TR002"]


def test_a_wrapped_line_that_starts_with_an_id_does_not_define_it() -> None:
    text = """
    - **FR-001**: Builds MUST run on every pull request.

    The engine creates (per
    FR-006a) a session per feature.
    """
    assert [finding.rule_id for finding in lint_with("TR002", text)] == ["TR002"]


def test_a_status_list_of_ids_with_notes_is_not_a_second_definition() -> None:
    text = """
    - **FR-17**: The stack MUST ship a metrics dashboard.

    ## GA blockers

    - **FR-17** (observability stack, M12) — GA-blocking.
    """
    assert lint_with("TR001", text) == []


# --- TR002: an ID scheme of the document's own ----------------------------------------------------


def test_a_reference_past_the_end_of_an_own_prefixed_scheme_is_flagged() -> None:
    text = """
    ## 3. Requirements

    **SYS-ORD-201** The order service shall reserve stock when an order is placed.

    **SYS-ORD-202** A reservation shall expire after 20 minutes.

    **SYS-ORD-203** An expired reservation shall release its stock; see SYS-ORD-219 for the audit trail.
    """
    findings = lint_with("TR002", text)
    assert [finding.span.start.line for finding in findings] == [7]
    assert "SYS-ORD-219" in findings[0].message and "SYS-ORD-203" in findings[0].message


def test_an_own_scheme_in_a_table_and_a_list_is_read_too() -> None:
    text = """
    | Code | Requirement |
    |---|---|
    | DRV-1 | Drivers sign in with their badge. |
    | DRV-2 | A shift starts at the first scan. |
    | DRV-3 | A shift ends after 10 hours at most. |

    - Overtime follows the rule in DRV-7.
    """
    assert [finding.span.start.line for finding in lint_with("TR002", text)] == [7]


def test_sparse_ticket_numbers_and_other_documents_numbers_are_not_a_scheme() -> None:
    text = """
    | Key | Work item |
    |---|---|
    | PAY-1203 | Retry the webhook |
    | PAY-1290 | Show the receipt |
    | PAY-1451 | Export to CSV |

    Blocked by PAY-2001. Follows RFC-0042 and ADR-0017.
    """
    assert lint_with("TR002", text) == []


def test_an_own_scheme_is_held_only_past_its_end_and_only_with_three_labels() -> None:
    gap = """
    **CTL-1** Cards can be frozen.

    **CTL-2** Frozen cards decline every authorisation.

    **CTL-4** Unfreezing takes effect at once (the rule CTL-3 was dropped).
    """
    two = """
    **CTL-1** Cards can be frozen.

    **CTL-2** Frozen cards decline every authorisation; see CTL-9.
    """
    assert lint_with("TR002", gap) == []
    assert lint_with("TR002", two) == []
