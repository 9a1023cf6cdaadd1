"""Issue 14, items 1, 7 and 10 in the shapes real documents use: references to items that do not
exist (multi-segment IDs, rows keyed to goals or stories, Kiro criterion numbers, `US-5` against
"Story N"), placeholders outside the prose (front matter, link text and targets), and criteria in
SRS and one-pager layouts."""

from __future__ import annotations

from conftest import lint_with, spans

# --- item 7: references to things that do not exist ------------------------------------------------


def test_a_multi_segment_requirement_id_past_the_defined_ones_is_flagged() -> None:
    text = """
    | ID | Requirement |
    |---|---|
    | REQ-F-1 | Users can pay by card. |
    | REQ-F-2 | Users can save a card. |

    Refunds reuse the card flow (REQ-F-5).
    """
    assert spans(lint_with("TR002", text)) == [(6, 30)]


def test_a_metrics_row_keyed_to_a_goal_that_is_not_defined_is_flagged() -> None:
    text = """
    ## Goals

    - **G-1** Alert within a minute.
    - **G-2** No duplicate alerts.

    ## Metrics

    | Goal | Metric |
    |---|---|
    | G-1 | p95 delay |
    | G-3 | pages per week |
    """
    findings = lint_with("TR005", text)
    assert spans(findings) == [(11, 3)]
    assert "G-3" in findings[0].message


def test_criteria_keyed_to_a_story_past_the_last_story_are_flagged() -> None:
    text = """
    ## User stories

    1. As a new user, I want a tour so that I learn the app.
    2. As a new user, I want to skip the tour so that I start at once.

    ## Acceptance criteria

    - Story 1: the tour has 5 steps.
    - Story 4: completion rate is on the admin page.
    """
    assert spans(lint_with("TR005", text)) == [(9, 3)]


def test_a_series_written_only_in_a_test_plan_defines_itself() -> None:
    text = """
    ## Test plan

    | ID | Check |
    |---|---|
    | C1 | Export a report. |
    | C2 | Email the link. |

    C2 runs nightly.
    """
    assert lint_with("TR005", text) == []


def test_a_paragraph_opening_with_a_missing_requirement_is_a_reference() -> None:
    text = """
    ### Requirement 1
    Export invoices.
    ### Requirement 2
    Email the link.

    Requirement 9 covers archiving.
    """
    assert spans(lint_with("TR005", text)) == [(6, 1)]


def test_a_kiro_criterion_number_past_the_requirements_criteria_is_flagged() -> None:
    text = """
    ### Requirement 1

    #### Acceptance Criteria

    1. WHEN a file is chosen THEN the system SHALL upload it.
    2. WHEN an upload fails THEN the system SHALL retry it (see Requirement 1.4).

    ### Requirement 2

    #### Acceptance Criteria

    1. WHEN a user clicks download THEN the system SHALL send the file.
    """
    findings = lint_with("TR005", text)
    assert spans(findings) == [(6, 61)]
    assert "Requirement 1.4" in findings[0].message and "Requirement 1.2" in findings[0].message


def test_criterion_numbers_are_not_read_in_a_document_that_cites_another_specs_requirements() -> None:
    text = """
    ### Requirement 1

    #### Acceptance Criteria

    1. WHEN a request is sent THEN the system SHALL count it, as `specs/http/` Requirement 1.3 does.
    2. WHEN a request fails THEN the system SHALL count the error, matching Requirement 1.4.

    ### Requirement 2

    #### Acceptance Criteria

    1. WHEN a user clicks download THEN the system SHALL send the file.
    """
    assert lint_with("TR005", text) == []


def test_a_story_id_past_the_numbered_stories_is_flagged() -> None:
    text = """
    ## User stories

    - **Story 1**: As an editor, I want to share a doc.
    - **Story 2**: As a viewer, I want to open a shared doc.

    Revocation keeps the audit trail of US-5.
    """
    assert spans(lint_with("TR005", text)) == [(6, 37)]


def test_story_ids_are_not_read_against_story_numbers_when_the_document_has_its_own_story_ids() -> None:
    text = """
    ## User stories

    - **Story 1**: As an editor, I want to share a doc.
    - **Story 2**: As a viewer, I want to open a shared doc.

    ## Backlog

    - US-7: As an owner, I want to transfer a doc.

    Transfers come after US-7.
    """
    assert lint_with("TR005", text) == []


def test_a_criterion_id_past_the_labelled_criteria_is_flagged() -> None:
    text = """
    ## Acceptance criteria

    - **AC 1.1**: Results appear within 1 second.
    - **AC 1.2**: Empty queries show recent items.

    Ship once AC 1.2 and AC 2.4 pass in staging.
    """
    findings = lint_with("TR005", text)
    assert spans(findings) == [(6, 22)]
    assert "AC 2.4" in findings[0].message and "AC 1.2" in findings[0].message


def test_an_appendix_past_the_last_appendix_heading_is_flagged() -> None:
    text = """
    Terms are in Appendix A; the data in Appendix C.

    ## Appendix A: Glossary

    ## Appendix B: Data
    """
    assert spans(lint_with("TR005", text)) == [(1, 38)]


def test_a_named_goal_past_the_last_goal_heading_is_flagged() -> None:
    text = """
    ### Goal 1: Fewer tickets
    ### Goal 2: Faster sign-in

    This supports Goal 3.
    """
    assert spans(lint_with("TR005", text)) == [(4, 15)]


def test_a_dashed_id_against_an_undashed_series_is_read() -> None:
    text = """
    - **FR1**: Sign in.
    - **FR2**: Sign out.

    Lockout follows FR-12.
    """
    assert spans(lint_with("TR005", text)) == [(4, 17)]


def test_a_subsection_number_past_the_unnumbered_subsections_is_flagged() -> None:
    text = """
    ## 1. Overview

    Rollback is in §5.2; canaries in §5.1; the budget in §7.1.

    ## 2. Goals

    ## 5. Rollout

    ### Canary
    """
    assert spans(lint_with("TR006", text)) == [(3, 16), (3, 54)]


# --- item 1: placeholders outside the prose ------------------------------------------------------------


def test_a_front_matter_value_that_is_only_a_marker_is_flagged_at_the_value() -> None:
    text = """
    ---
    title: Alerts PRD
    owner: TBD
    reviewers:
      - "@dana"
      - TODO
    ---

    # Alerts PRD
    """
    findings = lint_with("PH001", text)
    assert spans(findings) == [(3, 8), (6, 5)]
    assert "'owner' is left as 'TBD'" in findings[0].message


def test_a_front_matter_date_left_as_the_templates_format_is_flagged() -> None:
    text = """
    ---
    title: Alerts PRD
    updated: yyyy-mm-dd
    ---
    """
    assert spans(lint_with("PH001", text)) == [(3, 10)]


def test_tba_is_a_marker() -> None:
    assert spans(lint_with("PH001", "## Rollout\n\nTBA.\n")) == [(3, 1)]


def test_an_enhancement_proposals_metadata_is_left_to_front_matter_schema() -> None:
    text = """
    ---
    title: faster-boot
    creation-date: 2024-01-02
    reviewers:
      - TBD
    ---

    # Faster boot
    """
    assert lint_with("PH001", text) == []


def test_link_text_that_is_only_a_marker_is_flagged() -> None:
    text = """
    - Runbook: [TBD](https://wiki.example.com/runbook)
    - See the [TODO list](https://example.com/todo) for chores.
    """
    assert spans(lint_with("PH001", text)) == [(1, 13)]


def test_a_placeholder_named_in_words_is_flagged() -> None:
    text = """
    - Lockout lasts a while (duration to be determined).
    - The SDK ships as [placeholder package].
    """
    assert spans(lint_with("PH004", text)) == [(1, 25), (2, 20)]


def test_a_letter_for_a_number_before_an_adjective_and_a_unit_is_flagged() -> None:
    text = """
    ## Requirements

    - The service MUST support N concurrent users.
    """
    assert spans(lint_with("PH004", text)) == [(3, 28)]


def test_a_link_whose_target_is_a_marker_is_flagged() -> None:
    text = """
    - Dashboard: [latency dashboard](TODO)
    - Design: [design doc](#)
    - Code: `[not a link](TODO)`
    """
    findings = lint_with("PH004", text)
    assert spans(findings) == [(1, 34), (2, 24)]
    assert "'TODO'" in findings[0].message


# --- item 10: acceptance criteria in SRS and one-pager layouts -------------------------------------------


def test_an_srs_requirement_heading_with_a_category_id_needs_criteria_like_its_siblings() -> None:
    text = """
    ### REQ-F-1 Account creation

    The system shall create an account from an email address.

    Acceptance: an account row exists and a welcome email is sent within 1 minute.

    ### REQ-F-2 Password reset

    The system shall let a user reset a forgotten password.
    """
    findings = lint_with("AC002", text)
    assert spans(findings) == [(7, 1)]
    assert "REQ-F-2" in findings[0].message


def test_a_done_when_line_inside_a_story_paragraph_is_its_criterion() -> None:
    text = """
    ## Stories

    **Story 1 — Save a search.** As a buyer, I want to save a search so that I can rerun it.
    *Done when:* the search appears under "Saved" with its filters.

    **Story 2 — Rename a search.** As a buyer, I want to rename a search so that I can find it.
    """
    assert spans(lint_with("AC002", text)) == [(6, 1)]


def test_a_frequency_does_not_make_a_judgement_of_the_list_checkable() -> None:
    text = """
    ## Acceptance criteria

    - The list displays correctly 100% of the time.
    """
    findings = lint_with("AC003", text)
    assert spans(findings) == [(3, 12)]
    assert "displays correctly" in findings[0].message


def test_a_noun_that_reads_like_a_verb_is_not_an_observation() -> None:
    text = """
    ## Acceptance criteria

    - The export behaves as expected.
    - Reports are accurate.
    """
    assert spans(lint_with("AC003", text)) == [(3, 14), (4, 11)]


def test_a_criterion_naming_what_it_shows_stays_checkable() -> None:
    text = """
    ## Acceptance criteria

    - The page lists the 10 newest orders.
    - The export contains one row per invoice.
    """
    assert lint_with("AC003", text) == []


def test_vague_speed_timing_and_relevance_outcomes_are_flagged() -> None:
    text = """
    ## Acceptance criteria

    - Search results load quickly.
    - The feed updates in a timely manner.
    - Scrolling works without noticeable delay.
    - The redesign meets user expectations.
    - Results are relevant.
    """
    assert [line for line, _ in spans(lint_with("AC003", text))] == [3, 4, 5, 6, 7]


def test_speed_and_relevance_with_a_measure_stay_checkable() -> None:
    text = """
    ## Acceptance criteria

    - The page loads quickly (p95 under 1 s).
    - Results are relevant to the query "shoes": the top 3 are shoes.
    """
    assert lint_with("AC003", text) == []


def test_an_acceptance_line_continuing_a_story_item_is_its_criterion() -> None:
    text = """
    ## User stories

    - As a patient, I want a reminder before my appointment, so that I do not miss it.
      Acceptance: I get an SMS 24 hours before.
    - As a clinic, I want to see reminder delivery, so that I can call patients who missed it.
    """
    assert spans(lint_with("AC002", text)) == [(5, 3)]


def test_a_story_table_under_a_criteria_heading_needs_a_criterion_in_every_row() -> None:
    text = """
    ## Stories and acceptance criteria

    | # | Story | Acceptance criteria |
    |---|---|---|
    | 1 | As a writer, I want to create a note. | Given no notes, when I click New, then an empty note opens. |
    | 2 | As a writer, I want to pin a note. | |
    """
    assert spans(lint_with("AC002", text)) == [(6, 3)]


def test_a_percentage_with_letters_after_the_point_is_a_placeholder() -> None:
    text = """
    ## Goals

    - Raise conversion to 99.X% and retention by X.X%.
    """
    assert spans(lint_with("PH004", text)) == [(3, 23), (3, 46)]


def test_a_lower_case_tbd_is_a_marker() -> None:
    assert spans(lint_with("PH001", "Pricing: tbd.\n")) == [(1, 10)]


# --- PH005 filler-text ------------------------------------------------------------------------------------


def test_filler_slots_and_dummy_text_are_flagged() -> None:
    text = """
    - Slack: <fill in channel>
    - Ticket: [insert Jira link]
    - Lorem ipsum dolor sit amet.
    - Spec: (fill me in with a link)
    """
    assert spans(lint_with("PH005", text)) == [(1, 10), (2, 11), (3, 3), (4, 9)]


def test_a_field_whose_value_is_a_slot_name_is_flagged() -> None:
    text = """
    Owner: [Name]
    **Last updated:** [Date]
    """
    assert spans(lint_with("PH005", text)) == [(1, 8), (2, 19)]


def test_a_headings_name_slot_is_flagged_but_a_status_tag_is_not() -> None:
    text = """
    # Feature Specification: [FEATURE NAME]

    ## Rollout [WIP]
    """
    assert spans(lint_with("PH005", text)) == [(1, 26)]


def test_links_code_and_quoted_messages_are_not_filler() -> None:
    text = """
    - See [insert mode](https://vim.example.com/insert) for editing.
    - Run `[insert name]` to test.
    - The banner reads "Welcome, <your name>!".
    - Status: [Draft] and a field with text: [Date] of the audit.
    """
    assert lint_with("PH005", text) == []


def test_a_paragraph_that_is_only_filler_is_flagged() -> None:
    text = """
    ## Upgrade strategy

    WIP

    ## Examples

    *Coming soon.*
    """
    assert spans(lint_with("PH005", text)) == [(3, 1), (7, 2)]


def test_filler_in_an_implementation_history_or_a_status_cell_is_not_flagged() -> None:
    text = """
    ## Implementation History

    WIP

    ## Phases

    | Phase | Status |
    |---|---|
    | 1 | WIP |
    """
    assert lint_with("PH005", text) == []
