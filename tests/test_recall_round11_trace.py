"""Issue 14, round 11: the classes behind the development set's misses in placeholders,
traceability and metadata. Values whose digits are wildcards (`€__`, `Q?-2027`, `20XX-03`), TK,
capitals slots in a press release's prose; references past the end of series of any item a plan,
a pitch or a FAQ numbers; task statuses spelled out; links to headings a missing fence swallowed;
and the kinds of a translated spec-kit spec, an ADR stub and a phased plan. Fixtures written for
the project; the damage tests at the end damage real corpus documents and expect the finding at
the damaged line and column."""

from __future__ import annotations

from conftest import lint_profiled, lint_with, parse_md, requires_corpus, spans
from damage import damaged_text, lint_positions

from speclint.engine.kinds import detect_kind

# --- placeholders: digits written as wildcards --------------------------------------------------


def test_a_price_with_underscores_for_digits_is_flagged() -> None:
    text = """
    ## Requirements

    - The organiser pays a booking fee of €__ per seat.
    """
    assert spans(lint_with("PH004", text)) == [(3, 39)]


def test_a_quarter_with_a_question_mark_before_a_dash_is_flagged() -> None:
    text = """
    | Field | Value |
    |---|---|
    | Launch | Q?-2027 |
    """
    assert spans(lint_with("PH004", text)) == [(3, 12)]


def test_a_year_written_20xx_before_a_month_is_flagged() -> None:
    text = """
    **Target release:** 20XX-03
    """
    assert spans(lint_with("PH004", text)) == [(1, 21)]


def test_a_code_span_that_is_only_a_blank_size_is_flagged() -> None:
    text = """
    - **FR-002**: Uploads MUST NOT exceed `XX MB`.
    """
    assert spans(lint_with("PH004", text)) == [(1, 39)]


def test_a_status_code_class_and_an_open_ended_year_are_not_placeholders() -> None:
    text = """
    ## Design

    The client retries 5XX responses. The field is rejected for Edition 20XX+.
    """
    assert lint_with("PH004", text) == []


def test_tk_standing_for_a_link_is_flagged() -> None:
    text = """
    The comparison is in the capacity sheet (link TK).
    """
    assert spans(lint_with("PH004", text)) == [(1, 41)]


def test_tk_in_a_list_of_names_is_not_a_placeholder() -> None:
    text = """
    - Claims go to the insurer directly (TK, AOK and Barmer at launch).
    """
    assert lint_with("PH004", text) == []


# --- placeholders: capitals slots in running text -----------------------------------------------


def test_a_capitals_slot_after_a_quote_that_closed_is_flagged() -> None:
    text = """
    "The gaps are on my phone before I
    arrive," said [FIRSTNAME LASTNAME], store manager.
    """
    assert spans(lint_with("PH005", text)) == [(2, 15)]


def test_a_merge_field_inside_a_quoted_message_is_not_flagged() -> None:
    text = """
    - The reminder reads "Hi [FIRST NAME], your appointment is tomorrow."
    """
    assert lint_with("PH005", text) == []


def test_a_slot_after_a_german_quote_closed_with_a_straight_mark_is_flagged() -> None:
    text = """
    „Jetzt ist das Medikament am nächsten Morgen da", sagt [NAME], Kundin aus [ORT].
    """
    assert spans(lint_with("PH005", text)) == [(1, 56), (1, 75)]


def test_work_in_progress_under_a_status_heading_is_left_to_the_status_rule() -> None:
    text = """
    ## Status

    Work in progress
    """
    assert lint_with("PH005", text) == []


# --- metadata: a task's status spelled out -------------------------------------------------------

_RECORD = """
# 12. Cache product images at the edge

## Status

{status}

## Context

Image requests make up 70% of origin traffic.
"""


def test_a_record_whose_status_is_still_a_work_in_progress_is_flagged() -> None:
    found = lint_profiled("MD006", _RECORD.format(status="Still a work in progress"), "adr")
    assert spans(found) == [(5, 1)]


def test_a_record_whose_status_is_in_arbeit_is_flagged() -> None:
    assert spans(lint_profiled("MD006", _RECORD.format(status="In Arbeit"), "adr")) == [(5, 1)]


def test_an_accepted_record_whose_implementation_is_in_progress_is_left_alone() -> None:
    assert lint_profiled("MD006", _RECORD.format(status="Accepted (implementation in progress)"), "adr") == []


# --- kinds ----------------------------------------------------------------------------------------


def test_a_spanish_spec_kit_title_makes_a_spec_kit_spec_without_its_path() -> None:
    document = parse_md("""
    # Especificación de la funcionalidad: Arrastre de saldo

    ## Requisitos *(obligatorio)*
    """)
    assert detect_kind(document, None).profile == "spec-kit"


def test_a_numbered_record_with_status_and_context_is_a_decision_record() -> None:
    assert detect_kind(parse_md(_RECORD.format(status="Proposed")), None).profile == "adr"


def test_a_plan_of_numbered_steps_is_a_spec() -> None:
    document = parse_md("""
    # Cutover plan

    ### Step 1 - Freeze changes
    ### Step 2 - Export balances
    ### Step 3 - Import balances
    ### Step 4 - Reconcile
    """)
    assert detect_kind(document, None).is_spec


# --- traceability: series of any item ------------------------------------------------------------


def test_a_phase_past_the_last_phase_heading_is_flagged() -> None:
    text = """
    ### Phase 1: dual write
    ### Phase 2: read from Redis
    ### Phase 3: stop writing

    Sessions older than a year are archived in Phase 5.
    """
    assert spans(lint_with("TR005", text)) == [(5, 44)]


def test_a_sketch_past_the_bold_sketch_labels_is_flagged() -> None:
    text = """
    **Sketch 1: the list**

    **Sketch 2: the panel**

    Removing a member works as sketch 3 shows.
    """
    assert spans(lint_with("TR005", text)) == [(5, 28)]


def test_a_milestone_past_bold_labels_on_consecutive_lines_is_flagged() -> None:
    text = """
    **Milestone 1**: pilot partners.
    **Milestone 2**: every partner.

    Single sign-on arrives with Milestone 3.
    """
    assert spans(lint_with("TR005", text)) == [(4, 29)]


def test_a_question_past_the_numbered_faq_is_flagged() -> None:
    text = """
    ## FAQ

    **1. Who can book?** Residents.

    **2. How is it priced?** Per hour.

    Cleaning fees are covered in question 4.
    """
    assert spans(lint_with("TR005", text)) == [(7, 30)]


def test_a_driver_past_the_bulleted_decision_drivers_is_flagged() -> None:
    text = """
    ## Decision Drivers

    * latency
    * proxies

    ## Decision Outcome

    Chosen because it meets driver 1 and driver 4.
    """
    assert spans(lint_with("TR005", text)) == [(8, 38)]


def test_an_id_past_a_table_id_column_of_a_seldom_series_prefix_is_flagged() -> None:
    text = """
    | ID | Event |
    |---|---|
    | E1 | order.created |
    | E2 | order.paid |
    | E3 | order.shipped |

    Returns emit event E5.
    """
    assert spans(lint_with("TR005", text)) == [(7, 20)]


def test_a_phase_far_past_the_end_names_another_plans_phase() -> None:
    text = """
    ### Phase 0: research
    ### Phase 1: design

    Builds on the bootstrap work (Phase 11 complete).
    """
    assert lint_with("TR005", text) == []


def test_days_of_a_rollout_are_not_a_series() -> None:
    text = """
    **Day 1**: employees only.
    **Day 2**: 5% of users.

    We review the alert volume on Day 30.
    """
    assert lint_with("TR005", text) == []


def test_a_spec_kit_plans_workflow_phase_is_left_alone() -> None:
    text = """
    # Implementation Plan: Export

    **Phase 0 (Research)**: done.

    **Phase 1 (Design)**: done.

    Ready for implementation (Phase 2).
    """
    assert lint_profiled("TR005", text, "spec-kit-plan") == []


# --- traceability: a link whose heading a missing fence swallowed ---------------------------------


def test_a_link_to_a_heading_swallowed_by_an_unclosed_fence_is_left_to_the_fence_rule() -> None:
    text = """
    - [Rollback](#rollback)

    ## Example

    ```yaml
    retries: 3

    ## Rollback
    """
    assert lint_with("TR003", text) == []
    assert spans(lint_with("ST008", text)) == [(5, 1)]


# --- damage on real corpus documents ---------------------------------------------------------------

_LATENCY_PRD = "prds/0xC0FFEE-sudo__Latency__docs__prd.md"


@requires_corpus
def test_a_price_blanked_with_underscores_is_found_in_a_real_prd() -> None:
    assert lint_positions("PH004", _LATENCY_PRD) == []
    text, line = damaged_text(_LATENCY_PRD, "(≤ $2 000)", "(≤ $__)")
    assert lint_positions("PH004", _LATENCY_PRD, text) == [(line, 39)]


@requires_corpus
def test_a_phase_past_the_milestone_table_is_found_in_a_real_prd() -> None:
    assert lint_positions("TR005", _LATENCY_PRD) == []
    text, line = damaged_text(_LATENCY_PRD, "- **UC4:** Settle trades via Qubic state channels with <1 s finality.",
                              "- **UC4:** Settle trades via Qubic state channels in Phase 7.")
    assert lint_positions("TR005", _LATENCY_PRD, text) == [(line, 54)]


@requires_corpus
def test_a_slot_left_in_a_quote_attribution_is_found_in_a_real_prd() -> None:
    assert lint_positions("PH005", _LATENCY_PRD) == []
    text, line = damaged_text(_LATENCY_PRD, "- **Compliance Auditor:** reviews audit logs and on-chain settlements.",
                              '- **Compliance Auditor:** "I read every log," says [NAME].')
    assert lint_positions("PH005", _LATENCY_PRD, text) == [(line, 52)]


@requires_corpus
def test_a_driver_past_the_decision_drivers_is_found_in_a_real_record() -> None:
    source = "madr/docs/decisions/0010-support-categories.md"
    assert lint_positions("TR005", source) == []
    text, line = damaged_text(source, "because comes out best (see below).", "because it meets drivers 1 to 6 and driver 8.")
    assert lint_positions("TR005", source, text) == [(line, 85)]


@requires_corpus
def test_a_status_spelled_as_work_in_progress_is_found_in_a_real_record() -> None:
    source = "adrs/arachne-framework__architecture__adr-001-use-adrs.md"
    assert lint_positions("MD006", source) == []
    text, line = damaged_text(source, "## Status\n\nAccepted\n", "## Status\n\nWork in progress\n")
    assert lint_positions("MD006", source, text) == [(line + 2, 1)]
