"""Acceptance criteria, edge cases and API contracts as independent writers leave them (recall, round 11):
a person's perception as a criterion's outcome, a requirement declared testable whose statement no test
can check, edge cases left as questions under a label or in a pitch's rabbit holes, admin endpoints in
any document with nobody said to be allowed to call them, an endpoint a proposal's design introduces
with no contract, and a write endpoint's body given below its table. Small fixtures of our own, one
behaviour each, and damage tests on real corpus documents at the exact line and column."""

from __future__ import annotations

from pathlib import Path

from conftest import lint_with, parse_md, requires_corpus, spans
from damage import damaged_copy, damaged_text, lint_positions, rule_positions

from speclint.reading.commitments import commitments

# --- AC003: a person's perception is no outcome ---------------------------------------------------


def test_a_criterion_that_is_what_a_person_finds_is_flagged() -> None:
    text = """
    ## Acceptance criteria

    - The export lists one row per invoice.
    - Accountants find the export layout clear.
    """
    assert spans(lint_with("AC003", text)) == [(4, 15)]


def test_a_perception_beside_a_concrete_word_is_still_flagged() -> None:
    # "receive" reads as something a tester observes; the outcome is still how customers feel
    text = """
    ## Acceptance criteria

    - Customers are happy with the parcels they receive by courier.
    """
    assert spans(lint_with("AC003", text)) == [(3, 13)]


def test_a_perception_measured_by_a_survey_score_is_checkable() -> None:
    text = """
    ## Acceptance criteria

    - Accountants rate the export 4 or more out of 5 in the pilot survey, and find it clear.
    """
    assert lint_with("AC003", text) == []


def test_finding_something_in_a_list_is_an_observation() -> None:
    text = """
    ## Acceptance criteria

    - The admin finds the refunded order in the "Refunds" tab.
    """
    assert lint_with("AC003", text) == []


def test_a_spanish_perception_in_an_acceptance_scenario_is_flagged() -> None:
    text = """
    ### Historia 2 - Cambio de turno (Prioridad: P2)

    **Escenarios de aceptación**:

    1. **Dado** un turno cambiado, **Cuando** el empleado abre el calendario, **Entonces** percibe que el reparto es justo.
    """
    assert spans(lint_with("AC003", text)) == [(5, 88)]


# --- AC003: a requirement declared testable ---------------------------------------------------------


def test_a_requirement_verified_by_test_whose_statement_cannot_be_tested_is_flagged() -> None:
    text = """
    ## Quality requirements

    | ID | Requirement | Verification |
    |---|---|---|
    | Q-1 | Reports shall load within 2 seconds. | Test |
    | Q-2 | Reports shall render charts correctly on every screen. | Test |
    """
    assert spans(lint_with("AC003", text)) == [(6, 23)]


def test_a_verification_label_makes_the_requirement_statement_a_criterion() -> None:
    text = """
    ### REQ-7 Booking screen

    The booking screen shall be user-friendly.

    **Verification:** Demonstration
    """
    assert spans(lint_with("AC003", text)) == [(3, 26)]


# --- criteria reading -----------------------------------------------------------------------------


def test_an_item_among_scenarios_is_a_criterion() -> None:
    document = parse_md("""
    ### Story 1: Refund a ticket

    As a fan, I want a refund, so that I do not pay for a cancelled match.

    - Given a cancelled match, when the fan opens the ticket, then a "Refund" button is shown.
    - The refund arrives on the original card.
    """)
    texts = [criterion.text for criterion in commitments(document).requirements[0].criteria]
    assert texts[1] == "The refund arrives on the original card."


def test_the_spanish_acceptance_scenarios_label_opens_criteria() -> None:
    document = parse_md("""
    ### Historia 1 - Reservar pista (Prioridad: P1)

    **Escenarios de aceptación**:

    1. **Dado** una pista libre, **Cuando** el socio reserva, **Entonces** la pista aparece ocupada.
    """)
    assert len(commitments(document).requirements[0].criteria) == 1


# --- EC003: edge cases left as questions -----------------------------------------------------------


def test_rabbit_holes_that_only_ask_are_flagged_at_their_heading() -> None:
    text = """
    ## Rabbit holes

    - What if two members swap seats at once?
    - What if the class is cancelled after a swap?
    """
    assert spans(lint_with("EC003", text)) == [(1, 1)]


def test_rabbit_holes_patched_with_decisions_pass() -> None:
    text = """
    ## Rabbit holes

    - Two swaps at once: the second one sees the seat taken and is refused.
    - A class cancelled after a swap: both members are refunded.
    """
    assert lint_with("EC003", text) == []


def test_an_edge_case_label_followed_by_questions_is_flagged_at_the_label() -> None:
    text = """
    ## Requirements

    Points expire after 12 months.

    **Edge cases:**

    - What if an order is partly refunded?
    - Can the balance go below zero?

    ## Rollout
    """
    assert spans(lint_with("EC003", text)) == [(5, 1)]


def test_a_faq_question_on_edge_cases_answered_below_passes() -> None:
    text = """
    ## FAQ

    **3. Which edge cases did we handle?**
    Two parents editing one event: the later edit wins.
    A child turning 16: the account becomes a full account.
    """
    assert lint_with("EC003", text) == []


# --- API012: a write's body given below its table ----------------------------------------------------

_TABLE = """
## App API

All calls need the owner's OAuth token.

| Call | Success | Errors |
|---|---|---|
| `PUT /v1/pumps/{id}/schedule` | `200`, the stored schedule | `400`, `401`, `404` |
{more}
The body of the `PUT` is `{"start": "06:00", "minutes": 20}`.
"""


def test_a_body_given_by_the_endpoints_method_alone_counts() -> None:
    assert lint_with("API012", _TABLE.replace("{more}", "")) == []


def test_a_method_shared_by_two_endpoints_names_neither() -> None:
    text = _TABLE.replace("{more}", "| `PUT /v1/pumps/{id}/limits` | `200`, the stored limits | `400`, `401`, `404` |\n")
    assert spans(lint_with("API012", text)) == [(7, 3)]


# --- API014: admin endpoints in any document ---------------------------------------------------------

_DECISION = """
# 9. Drainable workers

## Status

Accepted

## Decision

The pool exposes `POST /admin/workers/{id}/drain` so that on-call can take a worker out.
{extra}
"""


def test_an_admin_endpoint_in_a_decision_record_with_no_caller_rule_is_flagged() -> None:
    assert spans(lint_with("API014", _DECISION.replace("{extra}", ""), path="0009-drainable-workers.md")) == [(9, 19)]


def test_an_admin_endpoint_with_its_role_passes() -> None:
    extra = "Only the `pool-admin` role may call it; others get `403`."
    assert lint_with("API014", _DECISION.replace("{extra}", extra), path="0009-drainable-workers.md") == []


def test_a_token_in_a_sentence_about_something_else_does_not_say_who_may_call() -> None:
    extra = "Workers used to keep a `.netrc` with a token between jobs."
    assert spans(lint_with("API014", _DECISION.replace("{extra}", extra), path="0009-drainable-workers.md")) == [(9, 19)]


def test_a_document_that_defines_its_endpoints_is_left_to_api002() -> None:
    text = """
    ## Endpoints

    - `POST /admin/workers/{id}/drain` drains the worker and returns `202`.
    """
    assert lint_with("API014", text) == []


# --- API009: an endpoint a proposal's design introduces -------------------------------------------

_PROPOSAL = """
# KEP-7001: Pool quotas

## Summary

Pools get quotas.

## Design Details

The scheduler reads a pool's quota through {sentence}
"""


def test_an_endpoint_a_proposal_design_introduces_with_no_contract_is_flagged() -> None:
    text = _PROPOSAL.replace("{sentence}", "`GET /quota/v1/pools/{name}` before each placement.")
    assert spans(lint_with("API009", text, path="README.md")) == [(9, 45)]


def test_an_endpoint_a_proposal_calls_existing_is_a_reference() -> None:
    text = _PROPOSAL.replace("{sentence}", "the existing `GET /quota/v1/pools/{name}` before each placement.")
    assert lint_with("API009", text, path="README.md") == []


# --- damage tests on real corpus documents ----------------------------------------------------------

_KIRO = "kiro/crawlins__kythira__.kiro__specs__arm64-ci-verification__requirements.md"
_PRD = "prds/0xCozart__vallum__docs__product-requirements.md"
_ADR = "adrs/JabRef__jabref__docs__decisions__0002-use-slf4j-for-logging.md"
_ENHANCEMENT = "openshift-enhancements/enhancements/builds/disable-jenkins-pipeline.md"


@requires_corpus
def test_damage_a_kiro_criterion_judged_by_what_maintainers_find(tmp_path: Path) -> None:
    old = "5. WHEN the arm64 leg is added THEN"
    new = "6. THE workflow SHALL show the arm64 results in a way maintainers find clear.\n" + old
    path, line = damaged_copy(tmp_path, _KIRO, old, new)
    assert rule_positions("AC003", path) == [(line, 67)]
    assert lint_positions("AC003", _KIRO) == []


@requires_corpus
def test_damage_a_prd_edge_case_label_with_only_questions(tmp_path: Path) -> None:
    old = "## 5. Non-Goals"
    new = ("**Edge cases:**\n\n- What if the quota runs out mid-transaction?\n"
           "- What if two apps sponsor the same wallet?\n\n" + old)
    path, line = damaged_copy(tmp_path, _PRD, old, new)
    assert rule_positions("EC003", path) == [(line, 1)] + [p for p in lint_positions("EC003", _PRD) if p[0] > line]


@requires_corpus
def test_damage_an_adr_that_adds_an_admin_endpoint() -> None:
    old = "## Pros and Cons of the Options"
    new = "The log service exposes `PUT /admin/loggers/{name}` to change a level at runtime.\n\n" + old
    text, line = damaged_text(_ADR, old, new)
    assert lint_positions("API014", _ADR, text) == [(line, 26)]
    assert lint_positions("API014", _ADR) == []


@requires_corpus
def test_damage_an_enhancement_design_that_introduces_an_endpoint() -> None:
    old = "The Jenkins Pipeline build strategy will be disabled by default for new OpenShift clusters."
    new = old + "\nThe console reads the setting through `GET /apis/builds/v1/strategies/jenkins`."
    text, line = damaged_text(_ENHANCEMENT, old, new)
    assert lint_positions("API009", _ENHANCEMENT, text) == [(line + 1, 40)]
    assert lint_positions("API009", _ENHANCEMENT) == []
