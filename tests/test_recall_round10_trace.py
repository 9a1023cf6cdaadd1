"""Issue 14, classes 1, 7 and 8, round 10: placeholders that are not markers (a value "to be
confirmed", a link to `url`, template text in front matter, an empty Owner cell, `<<owner>>`),
references by name to sections that do not exist, and the metadata of decision records (superseded
with no successor, accepted with no deciders), titles and dates. Fixtures written for the project;
the damage tests at the end damage real corpus documents and expect the finding at the damaged
line and column."""

from __future__ import annotations

from pathlib import Path

from conftest import lint_profiled, lint_with, parse_md, requires_corpus, spans
from test_damage_recall import damaged, findings_of, index_of

from speclint.engine.kinds import detect_kind

# --- class 1: placeholders -----------------------------------------------------------------------


def test_a_struck_through_marker_is_resolved() -> None:
    text = """
    ## Open items

    - ~~TODO: decide the retention period~~ decided: 30 days
    """
    assert lint_with("PH001", text) == []


def test_a_spanish_value_left_pending_is_flagged_where_a_value_stands() -> None:
    text = """
    ## Dependencias

    **Proveedor de SMS:** pendiente
    """
    assert spans(lint_with("PH001", text)) == [(3, 23)]


def test_pending_as_an_order_state_in_a_sentence_is_not_a_marker() -> None:
    text = """
    ## Estados

    Un pedido pasa del estado pendiente al estado pagado.
    """
    assert lint_with("PH001", text) == []


def test_a_table_cell_pending_decision_is_flagged() -> None:
    text = """
    | Topic | Choice |
    |---|---|
    | Data residency | pending decision |
    """
    assert spans(lint_with("PH001", text)) == [(3, 20)]


def test_to_be_determined_in_parentheses_is_left_to_placeholder_value() -> None:
    text = """
    ## Limits

    The default quota is 500 GB (to be determined).
    """
    assert lint_with("PH001", text) == []
    assert spans(lint_with("PH004", text)) == [(3, 29)]


def test_a_value_said_to_be_still_open_is_flagged() -> None:
    text = """
    ## Dependencies

    The SMS delivery vendor is to be confirmed; procurement compares two offers.
    """
    assert spans(lint_with("PH004", text)) == [(3, 25)]


def test_an_action_to_be_confirmed_by_someone_is_not_an_open_value() -> None:
    text = """
    ## Requirements

    - Each booking request must be confirmed by the clinic within 24 hours.
    - Orders are to be confirmed within one day of payment.
    """
    assert lint_with("PH004", text) == []


def test_a_condition_that_something_has_not_been_decided_is_not_an_open_value() -> None:
    text = """
    ## Inference

    If at the end of the deduction the type has not been determined, the call is an error.
    """
    assert lint_with("PH004", text) == []


def test_a_link_to_the_word_url_is_flagged_at_the_url() -> None:
    text = """
    ## References

    - [API reference](url)
    """
    assert spans(lint_with("PH004", text)) == [(3, 19)]


def test_front_matter_owner_left_as_template_text_is_flagged() -> None:
    text = """
    ---
    title: Bulk user import
    owner: your-name-here
    ---

    # Bulk user import
    """
    assert spans(lint_with("PH004", text)) == [(3, 8)]


def test_a_letter_limit_with_two_words_before_the_unit_is_flagged_in_a_requirement() -> None:
    text = """
    ## Requirements

    The system shall support up to N concurrent booking sessions per clinic.
    """
    assert spans(lint_with("PH004", text)) == [(3, 32)]


def test_a_cohort_to_onboard_given_as_a_letter_is_flagged() -> None:
    text = """
    ## Rollout

    The pilot will onboard N users from the design-partner list.
    """
    assert spans(lint_with("PH004", text)) == [(3, 24)]


def test_a_slot_in_double_angle_brackets_is_filler() -> None:
    text = """
    # Design: audit log export

    Owner: <<owner>>
    """
    assert spans(lint_with("PH005", text)) == [(3, 8)]


def test_shift_operators_are_not_a_slot() -> None:
    text = """
    ## Operators

    * << and >> require an unsigned count when shifting.
    """
    assert lint_with("PH005", text) == []


def test_a_name_slot_in_a_quote_attribution_is_filler() -> None:
    text = """
    ## Press release

    "Rebooking was the hardest part," said <name>, head of Patient Experience.
    """
    assert spans(lint_with("PH005", text)) == [(3, 40)]


def test_a_name_segment_of_a_path_is_not_a_slot() -> None:
    text = """
    ## API

    Keys live under users/<name>/keys.
    """
    assert lint_with("PH005", text) == []


MILESTONES = """
## Milestones

| Milestone | Owner | Date |
|---|---|---|
| Design review | Lena Fischer | 2026-02-10 |
| Beta | | 2026-03-16 |
| GA | Omar Haddad | 2026-04-20 |
"""


def test_an_empty_owner_cell_among_filled_rows_is_flagged() -> None:
    assert spans(lint_with("PH006", MILESTONES)) == [(6, 9)]


def test_a_row_with_only_its_first_cell_filled_is_a_group_heading() -> None:
    text = """
    | Goal | Owner | Notes |
    |---|---|---|
    | *Design meeting* | | |
    | Yank crates with a reason | Ana Souza | |
    | Sandboxed build scripts | Omar Haddad | |
    """
    assert lint_with("PH006", text) == []


def test_an_empty_cell_of_an_optional_column_is_not_flagged() -> None:
    text = """
    | Format | Max size | Notes |
    |---|---|---|
    | CSV | 50 MB | |
    | XLSX | 20 MB | first sheet only |
    | JSON | 10 MB | one object per line |
    """
    assert lint_with("PH006", text) == []


def test_a_column_mostly_empty_is_a_plan_not_started() -> None:
    text = """
    | Phase | Owner |
    |---|---|
    | Pilot | Ana Souza |
    | Beta | |
    | GA | |
    """
    assert lint_with("PH006", text) == []


# --- class 7: references to things that do not exist ---------------------------------------------


def test_a_section_named_in_a_cross_reference_that_does_not_exist_is_flagged() -> None:
    text = """
    # Passwordless sign-in

    ## Design

    Links expire after 15 minutes; the staged enablement is described in the Rollout section.

    ## Security
    """
    assert spans(lint_with("TR007", text)) == [(5, 74)]


def test_a_named_section_resolves_to_a_longer_heading() -> None:
    text = """
    # Passwordless sign-in

    ## Design

    See the Rollout section for the staged enablement.

    ## Rollout plan
    """
    assert lint_with("TR007", text) == []


def test_a_place_words_and_another_documents_section_are_not_names() -> None:
    text = """
    # Pod restart budget

    ## Design

    As noted in the Previous section, restarts are counted per pod.
    The limits are described in the Security section of the KEP template.

    ## Drawbacks
    """
    assert lint_with("TR007", text) == []


def test_a_screen_section_a_user_navigates_to_is_not_a_document_section() -> None:
    text = """
    # Lockdrop app

    ## Requirements

    1. WHEN the user navigates to the Sent Messages section, THE app SHALL list sent messages.

    ## Glossary
    """
    assert lint_with("TR007", text) == []


def test_an_id_listed_after_another_of_its_series_is_still_a_reference() -> None:
    text = """
    | ID | Goal |
    |---|---|
    | G1 | Cut onboarding time to one day. |
    | G2 | Verify identity automatically. |

    Automatic verification rate (G2, G4).
    """
    assert spans(lint_with("TR005", text)) == [(6, 34)]


def test_a_status_code_after_a_labelled_requirement_is_not_the_next_requirement() -> None:
    text = """
    ### Requirement 1
    Profiles are public by default.

    ### Requirement 2
    Private profiles return 404.

    ## Tests

    The suite covers Requirement 2, 404 responses for private profiles.
    """
    assert lint_with("TR005", text) == []


# --- class 8: metadata ----------------------------------------------------------------------------


def test_a_day_month_date_that_is_a_date_in_neither_order_is_flagged() -> None:
    text = """
    # 5. Store sessions in Redis

    Date: 31/02/2025
    """
    assert spans(lint_with("MD003", text)) == [(3, 7)]


def test_a_dotted_date_past_the_end_of_its_month_is_flagged() -> None:
    text = """
    | Feld | Wert |
    |---|---|
    | Datum | 31.04.2025 |
    """
    assert spans(lint_with("MD003", text)) == [(3, 11)]


def test_a_date_valid_in_one_order_is_left_alone() -> None:
    text = """
    # Release

    Frozen on 02/03/2025 and 13/03/2025; firmware v1.2.2025 ships later.
    """
    assert lint_with("MD003", text) == []


NYGARD_SUPERSEDED = """
# 2. Use Jenkins for CI

Date: 2021-03-02

## Status

Superseded

## Context

We need CI for every repository.

## Decision

We will run Jenkins on a VM.
"""


def test_a_superseded_record_that_names_no_successor_is_flagged() -> None:
    assert spans(lint_profiled("MD007", NYGARD_SUPERSEDED, "adr")) == [(7, 1)]


def test_a_superseded_record_with_a_link_in_its_status_names_its_successor() -> None:
    text = NYGARD_SUPERSEDED.replace("Superseded\n", "⌛️ Superseded [0019](0019-use-github-actions.md)\n")
    assert lint_profiled("MD007", text, "adr") == []


def test_an_accepted_record_with_an_empty_deciders_line_is_flagged_at_the_line() -> None:
    text = """
    # Use OpenAPI for the public API

    * Status: accepted
    * Deciders:
    * Date: 2024-11-05

    ## Decision Outcome

    Chosen option: "OpenAPI 3.1".
    """
    assert spans(lint_profiled("MD007", text, "adr")) == [(4, 3)]


def test_an_accepted_record_with_empty_decision_makers_in_front_matter_is_flagged() -> None:
    text = """
    ---
    status: accepted
    date: 2025-01-09
    decision-makers:
    ---

    # Adopt trunk-based development
    """
    assert spans(lint_profiled("MD007", text, "adr")) == [(4, 1)]


def test_front_matter_without_a_title_and_no_title_heading_is_flagged_at_its_end() -> None:
    text = """
    ---
    status: draft
    owner: Nadia Rahman
    ---

    ## Problem

    Support agents cannot see past orders.
    """
    assert spans(lint_profiled("MD008", text, "prd")) == [(4, 1)]


def test_a_title_in_front_matter_or_a_title_heading_is_enough() -> None:
    titled = """
    ---
    title: Order history
    status: draft
    ---

    ## Problem
    """
    headed = """
    ---
    status: draft
    ---

    # Order history
    """
    assert lint_profiled("MD008", titled, "prd") == []
    assert lint_profiled("MD008", headed, "prd") == []


def test_a_design_doc_whose_status_is_a_tickets_is_flagged() -> None:
    text = """
    ---
    title: Search indexer rewrite
    status: todo
    ---

    # Design: search indexer rewrite
    """
    assert spans(lint_profiled("MD006", text, "design-doc")) == [(3, 9)]


def test_a_design_doc_whose_status_is_done_is_left_alone() -> None:
    text = """
    ---
    title: Search indexer rewrite
    status: Done
    ---

    # Design: search indexer rewrite
    """
    assert lint_profiled("MD006", text, "design-doc") == []


def test_madr_front_matter_status_and_date_with_madr_headings_make_a_decision_record() -> None:
    document = parse_md("""
    ---
    status: superseded
    date: 2022-06-30
    ---

    # Use REST for internal services

    ## Context and Problem Statement

    Services need to call each other.

    ## Decision Outcome

    Chosen option: "REST".
    """)
    assert detect_kind(document, "0003-use-rest.md").profile == "adr"


# --- damage tests on real corpus documents -----------------------------------------------------------

NYGARD_ADR = "adrs/ministryofjustice__modernisation-platform__architecture-decision-record__0002-use-iam-federated-access.md"
PRD_WITH_DECISION_LOG = "prds/brianluby__rusty-brain__specs__003-core-memory-engine__prd.md"


@requires_corpus
def test_a_superseded_status_with_no_successor_is_found_in_a_real_record(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        index = index_of(lines, "❌ Rejected", after=index_of(lines, "## Status"))
        lines[index] = "Superseded"
        where.append((index + 1, 1))
        return lines

    path, text = damaged(tmp_path, NYGARD_ADR, damage)
    assert findings_of("MD007", path, text) == where


@requires_corpus
def test_a_date_line_that_is_no_date_is_found_in_a_real_record(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        index = index_of(lines, "Date: ")
        lines[index] = "Date: 31/02/2020"
        where.append((index + 1, len("Date: ") + 1))
        return lines

    path, text = damaged(tmp_path, NYGARD_ADR, damage)
    assert findings_of("MD003", path, text) == where


@requires_corpus
def test_a_named_section_that_is_not_there_is_found_in_a_real_record(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        index = index_of(lines, "The Modernisation Platform will be used")
        column = len(lines[index].rstrip()) + 1
        lines[index] = lines[index].rstrip() + " Access reviews are described in the Audit Trail section."
        where.append((index + 1, column + len(" Access reviews are described in the ")))
        return lines

    path, text = damaged(tmp_path, NYGARD_ADR, damage)
    assert findings_of("TR007", path, text) == where


@requires_corpus
def test_an_emptied_date_cell_is_found_in_a_real_decision_log(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        header = index_of(lines, "| Date | Decision |")
        index = header + 3  # the second row under the header and its delimiter
        assert lines[index].startswith("| 2026-")
        lines[index] = "|  |" + lines[index].split("|", 2)[2]
        where.append((index + 1, 2))
        return lines

    path, text = damaged(tmp_path, PRD_WITH_DECISION_LOG, damage)
    assert findings_of("PH006", path, text) == where
