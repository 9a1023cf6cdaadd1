"""Goals, success criteria and wording (round 15, goals10; issue 14 classes 10 and 11): goals and success criteria
that are feelings ("feel fair", "sales are happy with it", "más satisfechos"), directions sized by an adverb
("drop significantly") whose only figure scopes who is measured, expected outcomes in an ADR, availability
required in German, Spanish or French, criteria that pass on "charged correctly" or on one person's opinion, escape
clauses in a FAQ's answer and after an RFC 2119 SHOULD, and a run time promised "in a reasonable time". Fixtures
written for these tests, in shapes other than the development set's sentences; traps beside each."""

from __future__ import annotations

from conftest import lint_profiled, lint_with, spans

from speclint.reading.metrics import intensified_direction, perceived_outcome


# --- reading: a feeling, and a direction sized by an adverb ------------------------------------------------------


def test_a_feeling_is_a_perceived_outcome_in_english_spanish_german_and_french() -> None:
    for text in ("Checkout feels snappier to returning shoppers.", "Support agents are happy with the new queue.",
                 "Drivers find the route screen easy to read.", "Los conductores están más satisfechos con las rutas.",
                 "Die Fahrer sind zufriedener mit der Planung.", "Les clients sont satisfaits du nouveau parcours."):
        assert perceived_outcome(text), text


def test_a_feeling_with_a_survey_figure_is_measured() -> None:
    assert not perceived_outcome("Support agents are happy with the new queue: CSAT 4.2 or more by end of Q2.")
    assert not perceived_outcome("Error messages are clear.")  # checked by reading the message: AC003's, not a feeling


def test_a_figure_that_scopes_who_is_measured_is_no_target() -> None:
    assert intensified_direction("Cut refund disputes considerably for merchants with more than 200 orders a week.")
    assert not intensified_direction("Cut refund disputes by 30% for merchants with more than 200 orders a week.")
    assert not intensified_direction("Cut refund disputes for merchants with more than 200 orders a week.")


# --- MS006: goals ---------------------------------------------------------------------------------------------


def test_a_goal_sized_by_an_adverb_with_a_scoping_figure_is_flagged() -> None:
    text = """\
    # Courier tips

    ## Objectives
    - Raise courier retention substantially in cities with over 300 active couriers.
    - Let couriers see tips before they accept a job.
    """
    assert spans(lint_with("MS006", text)) == [(4, 3)]


def test_a_goal_that_is_a_feeling_is_flagged_in_a_proposal_too() -> None:
    text = """\
    # KEP-9: Quiet node drain

    ## Motivation

    ### Goals

    - Drain nodes without dropping in-flight requests.
    - Make node drains feel safe to cluster operators.

    ### Non-Goals

    - Make every upgrade feel safe to everyone.
    """
    assert spans(lint_profiled("MS006", text, "kep")) == [(8, 3)]


def test_a_feeling_in_background_or_a_customer_quote_is_not_a_goal() -> None:
    text = """\
    # Courier tips

    ## Background
    Couriers are happy with the app but not with tips.

    > "I love the new map," said one courier.

    ## Goals
    - Show tips before a courier accepts a job.
    """
    assert lint_with("MS006", text) == []


# --- MS001: success criteria ------------------------------------------------------------------------------------


def test_a_spanish_success_criterion_that_is_a_feeling_is_flagged() -> None:
    text = """\
    # Especificación: reembolsos

    ## Criterios de éxito

    - **SC-001**: El 95 % de los reembolsos llegan en 3 días hábiles.
    - **SC-002**: Los clientes se sienten tranquilos con el proceso.
    """
    assert spans(lint_with("MS001", text)) == [(6, 3)]


def test_a_criterion_that_asks_a_measure_to_improve_noticeably_is_flagged() -> None:
    text = """\
    # Requirements Document

    ### Requirement 2: Batch picking

    #### Acceptance Criteria

    1. WHEN batch picking is on THEN the picks completed per hour SHALL rise markedly compared with wave picking.
    2. WHEN batch picking is on THEN the system SHALL group at most 6 orders per batch.
    """
    assert spans(lint_with("MS001", text)) == [(7, 4)]


def test_a_criterion_with_a_number_beside_its_adverb_is_measured() -> None:
    text = """\
    # Requirements Document

    ### Requirement 2: Batch picking

    #### Acceptance Criteria

    1. WHEN batch picking is on THEN the picks completed per hour SHALL rise markedly, by at least 15%.
    """
    assert lint_with("MS001", text) == []


# --- MS004: a MADR confirmation and an expected outcome --------------------------------------------------------


def test_a_confirmation_that_is_a_feeling_is_flagged() -> None:
    text = """\
    # Use Kestrel for feature flags

    ## Decision Outcome

    Chosen option: Kestrel.

    ### Confirmation

    We will consider this done when the team is comfortable with the rollout tooling.
    """
    assert spans(lint_with("MS004", text)) == [(9, 1)]


def test_a_confirmation_with_a_check_is_not_flagged() -> None:
    text = """\
    # Use Kestrel for feature flags

    ## Decision Outcome

    ### Confirmation

    An architecture test fails the build when a service reads a flag without the Kestrel client.
    """
    assert lint_with("MS004", text) == []


def test_an_expected_rise_in_a_business_measure_with_no_figure_is_flagged() -> None:
    text = """\
    # 12. Price quotes in the rules engine

    ## Consequences

    We anticipate churn to fall once renewals are priced by the engine.

    We expect renewal churn to fall from 14% to 11% within two quarters.
    """
    assert spans(lint_with("MS004", text)) == [(5, 1)]


# --- MS002: availability in German, Spanish and French ---------------------------------------------------------


def test_availability_required_in_german_or_spanish_with_no_figure_is_flagged() -> None:
    text = """\
    # Lastenheft

    ## Nichtfunktionale Anforderungen
    - Das Portal muss eine hohe Verfügbarkeit bieten.
    - Das Portal muss zu 99,9 % im Monat verfügbar sein (Verfügbarkeit außerhalb der Wartungsfenster).
    """
    assert spans(lint_with("MS002", text)) == [(4, 3)]


# --- AC003 and AC008: criteria nobody can check ----------------------------------------------------------------


def test_an_amount_calculated_correctly_cannot_be_checked() -> None:
    text = """\
    ## Acceptance criteria
    - Given a plan change mid-month, when the invoice is issued, then the customer is billed correctly.
    - Given a plan change mid-month, when the invoice is issued, then the proration line shows 15 days at the new price.
    """
    assert spans(lint_with("AC003", text)) == [(2, 80)]


def test_a_success_criterion_left_to_one_persons_opinion_is_flagged() -> None:
    text = """\
    # Design: exam room allocation

    ## Success criteria

    - Allocations are acceptable to the exams officer.
    - No two exams share a room in the same slot.
    - Fewer than 1% of runs time out over the summer term.
    """
    assert spans(lint_with("AC008", text)) == [(5, 15)]


def test_a_success_criterion_approved_in_a_named_review_is_not_vague() -> None:
    text = """\
    # Design: exam room allocation

    ## Background
    Today the allocation is acceptable to the exams officer only after a day of manual edits.

    ## Success criteria
    - The exams officer signs off the allocation in the review on 3 March.
    """
    assert lint_with("AC008", text) == []


# --- wording ----------------------------------------------------------------------------------------------------


def test_an_escape_clause_in_a_faq_answer_is_flagged() -> None:
    text = """\
    # Parcel lockers: PR/FAQ

    ## Frequently asked questions

    **Can I change the locker after ordering?**
    Yes, on a case-by-case basis.

    **Is the locker free?**

    Lockers are free at the courier's discretion.
    """
    assert spans(lint_with("WD009", text)) == [(6, 6), (10, 18)]


def test_an_escape_clause_in_an_open_question_is_not_a_faq_answer() -> None:
    text = """\
    # Parcel lockers: PR/FAQ

    ## Open questions
    - Should lockers be free where possible? Undecided.
    """
    assert lint_with("WD009", text) == []


def test_an_escape_clause_after_a_capital_should_in_a_proposal_is_not_flagged() -> None:
    text = """\
    # KEP-7: Gentle eviction

    ## Proposal

    The eviction controller SHOULD spread evictions across zones where practical.

    We should probably revisit the zone spread where possible in a later release.
    """
    assert lint_profiled("WD009", text, "kep") == []  # RFC 2119 SHOULD already admits exceptions


def test_a_run_time_with_no_bound_is_flagged_in_a_design_doc() -> None:
    text = """\
    # Design: exam room allocation

    ## Detailed design

    The allocator should complete within an acceptable amount of time on large schools.

    ## Alternatives considered

    A greedy allocator would finish in a reasonable time but breaks constraints.
    """
    assert spans(lint_profiled("WD006", text, "design-doc")) == [(5, 41)]


def test_a_cut_off_left_as_nearly_full_after_a_capital_should_is_flagged_in_a_proposal() -> None:
    text = """\
    # KEP-11: Log rotation

    ## Proposal

    The kubelet SHOULD rotate container logs when the log volume is almost full.

    In practice the volume is nearly full only on nodes with chatty workloads.
    """
    assert spans(lint_profiled("WD006", text, "kep")) == [(5, 65)]


# --- MS004: what a success section says it will look at, with no bound -------------------------------------------


def test_a_list_of_what_will_be_looked_at_with_no_target_is_flagged() -> None:
    text = """\
    # Pitch: Carpool matching

    ## How we'll know

    Trips with at least two riders, cancellation rate for shared trips, and repeat bookings in Q3 versus Q2.
    """
    assert spans(lint_with("MS004", text)) == [(5, 1)]


def test_what_will_be_looked_at_with_a_bound_or_a_check_is_not_flagged() -> None:
    text = """\
    # Pitch: Carpool matching

    ## How we'll know

    Cancellation rate for shared trips, compared with solo trips, stays under 6% through Q3.

    The ops team checks every Friday that no shared trip was charged twice, and reports the count.

    Launch gate: no open P1 bugs, and zero double charges in the beta week.
    """
    assert lint_with("MS004", text) == []


def test_commentary_and_an_evidence_list_under_a_bound_are_not_lists_of_measures() -> None:
    text = """\
    # PRD: Tunnel gateway

    ## Success measures

    The release must stay unchanged for at least 72 hours. The evidence records tunnel conditions, lease renewal
    and acknowledgement, DHT health, and sampled UDP delivery.

    The integration of comprehensive testing, security scanning, and monitoring keeps incidents rare.
    """
    assert lint_with("MS004", text) == []


def test_correctly_with_what_correct_means_is_checkable() -> None:
    text = """\
    # Feature Specification: extract

    ## Success Criteria

    - **SC-001**: Directory structure is preserved correctly relative to the glob's base for every extraction.
    - **SC-002**: Extracted files are copied correctly.
    """
    assert spans(lint_with("AC008", text)) == [(6, 31)]
