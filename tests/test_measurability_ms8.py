"""Measurability rules, eighth session (fam-ms8): recall by grammar (a thing sized in words, a busy
period standing in for a load, a period entered with no length, a count capped in words, goals in
German/Spanish/French, OKR key results) and precision (an expiry named as the event of a trigger, a
value kept at a named place of the document). Fixtures written for these tests; damage tests on
real corpus documents."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, requires_corpus, spans
from damage import damaged_copy, rule_positions


# --- MS005: a thing sized in words ------------------------------------------------------------


def test_a_single_large_file_in_an_ears_trigger_is_flagged() -> None:
    text = """\
    # Requirements

    ## Acceptance Criteria
    1. WHEN a clerk uploads a large file THEN the system SHALL import it in the background.
    """
    assert spans(lint_with("MS005", text)) == [(4, 25)]


def test_large_file_storage_is_a_product_not_a_size() -> None:
    text = """\
    # Requirements

    ## Requirements
    - The repository must keep design assets in the large file storage of the Git host.
    """
    assert lint_with("MS005", text) == []


def test_many_seats_in_a_requirement_is_flagged() -> None:
    text = """\
    # PRD: Onboarding

    ## Requirements
    - Accounts with many seats must be assigned an onboarding manager.
    """
    assert spans(lint_with("MS005", text)) == [(4, 17)]


# --- MS005: a busy period standing in for a load ----------------------------------------------


def test_handling_the_lunch_rush_is_a_load_with_no_figure() -> None:
    text = """\
    # PRD: Canteen kiosks

    ## Requirements
    - The order service must handle the lunch rush without queuing orders.
    """
    assert spans(lint_with("MS005", text)) == [(4, 26)]


def test_a_busy_period_with_a_figure_is_not_flagged() -> None:
    text = """\
    # PRD: Canteen kiosks

    ## Requirements
    - The order service must handle the lunch rush of 40 orders per minute without queuing orders.
    """
    assert lint_with("MS005", text) == []


# --- MS005: a period entered with no length ---------------------------------------------------


def test_entering_a_grace_period_with_no_length_is_flagged() -> None:
    text = """\
    # PRD: Renewals

    ## Requirements
    - Subscriptions whose renewal fails enter a grace period before access is removed.
    """
    assert spans(lint_with("MS005", text)) == [(4, 37)]


def test_a_grace_period_with_its_length_is_not_flagged() -> None:
    text = """\
    # PRD: Renewals

    ## Requirements
    - Subscriptions whose renewal fails enter a 7-day grace period before access is removed.
    """
    assert lint_with("MS005", text) == []


# --- MS005: a count capped in words -----------------------------------------------------------


def test_exports_limited_on_a_tier_with_no_value_are_flagged() -> None:
    text = """\
    # Lean PRD: Free tier

    **What**
    - Free accounts can create invoices; PDF exports are limited on the free tier.
    """
    assert spans(lint_with("MS005", text)) == [(4, 42)]


def test_limited_to_a_group_of_people_is_not_a_count() -> None:
    text = """\
    # PRD: Reports

    ## Requirements
    - Exports are limited to workspace admins.
    """
    assert lint_with("MS005", text) == []


# --- MS005: an expiry named as the event of a trigger -----------------------------------------


def test_an_expiry_that_triggers_a_behaviour_is_not_the_limit_stated() -> None:
    text = """\
    # Requirements

    ## Acceptance Criteria
    1. WHEN the lease expires before the job completes THEN the system SHALL offer the job to the next station.
    """
    assert lint_with("MS005", text) == []


def test_an_expiry_stated_as_the_limit_is_still_flagged() -> None:
    text = """\
    # Requirements

    ## Requirements
    - Print leases expire and the job goes back to the queue.
    """
    assert spans(lint_with("MS005", text)) == [(4, 9)]


# --- a value kept at a named place of the document --------------------------------------------


def test_a_load_defined_in_an_appendix_is_not_an_unmeasured_nfr() -> None:
    text = """\
    # Software Requirements Specification: Scanner

    ## 3.3 Performance requirements
    PR-1 The gate scanner shall validate a ticket under the peak load defined in Appendix C.
    """
    assert lint_with("MS002", text) == []


def test_the_same_load_with_no_reference_is_still_an_unmeasured_nfr() -> None:
    text = """\
    # Software Requirements Specification: Scanner

    ## 3.3 Performance requirements
    PR-1 The gate scanner shall validate a ticket under peak load.
    """
    assert spans(lint_with("MS002", text)) == [(4, 1)]


# --- MS006: goals in German, Spanish and French -----------------------------------------------


def test_a_spanish_goal_with_a_direction_and_no_number_is_flagged() -> None:
    text = """\
    # PRD: Caja rápida

    ## Objetivos
    - Reducir el tiempo de espera en caja.
    """
    assert spans(lint_with("MS006", text)) == [(4, 3)]


def test_a_spanish_goal_with_a_target_is_not_flagged() -> None:
    text = """\
    # PRD: Caja rápida

    ## Objetivos
    - Reducir la espera media en caja de 6 a 3 minutos antes de diciembre.
    """
    assert lint_with("MS006", text) == []


def test_a_french_goal_label_with_a_direction_is_flagged() -> None:
    text = """\
    # PRD : Fidélité

    ## Exigences
    - Objectif : augmenter le taux de réachat des clients.
    """
    assert spans(lint_with("MS006", text)) == [(4, 14)]


def test_a_german_goal_that_names_fewer_of_something_is_flagged() -> None:
    text = """\
    # PRD: Sendungsverfolgung

    ## Ziele
    - Weniger Rückfragen beim Kundenservice zum Lieferstatus.
    """
    assert spans(lint_with("MS006", text)) == [(4, 3)]


# --- MS004: OKR key results -------------------------------------------------------------------


def test_a_key_result_with_no_number_is_a_metric_without_target() -> None:
    text = """\
    # Q3 plan

    ## Objective: buyers find the right part
    - KR2: Grow the share of searches that end in an add-to-cart.
    """
    assert spans(lint_with("MS004", text)) == [(4, 8)]


def test_a_key_result_with_a_target_is_not_flagged() -> None:
    text = """\
    # Q3 plan

    ## Objective: buyers find the right part
    - KR1: Zero-result searches drop from 14% to 8%.
    """
    assert lint_with("MS004", text) == []


# --- damage tests on real corpus documents ----------------------------------------------------

_AUTH = "kiro-more/Homas__RpiDNS__.kiro__specs__user-authentication__requirements.md"
_PASTEBIN = "prds/0atxl__0xbin__docs__PRD.md"
_NETMONITOR = "prds/A-K-6__NetMonitor__docs__prd__PRD.md"
_AUTH_ANCHOR = ("5. IF a session token is invalid or expired, THEN THE Authentication_System SHALL redirect the user to the "
                "Login_Page\n")


@requires_corpus
def test_damage_a_cooldown_with_no_length(tmp_path: Path) -> None:
    damaged, line = damaged_copy(tmp_path, _AUTH, _AUTH_ANCHOR, _AUTH_ANCHOR + (
        "6. WHEN a user fails to sign in, THE Authentication_System SHALL apply a cooldown before the next attempt\n"))
    before = rule_positions("MS005", CORPUS / _AUTH)  # the rate limit of criterion 5, reported already
    after = rule_positions("MS005", damaged)
    assert (line + 1, 66) in after and len(after) == len(before) + 1


@requires_corpus
def test_damage_a_large_file_with_no_size(tmp_path: Path) -> None:
    old = "- [ ] **Cumulative Tracking:** Monitor total data consumed per process since the app started."
    damaged, line = damaged_copy(tmp_path, _NETMONITOR, old,
                                 "- [ ] **Capture import:** The dashboard must import a large file of saved captures in the background.")
    assert rule_positions("MS005", CORPUS / _NETMONITOR) == []
    assert (line, 53) in rule_positions("MS005", damaged)


@requires_corpus
def test_damage_a_spanish_goal_with_no_target(tmp_path: Path) -> None:
    damaged, line = damaged_copy(tmp_path, _PASTEBIN, "## 2. Goals\n\n- Create and share a paste in seconds without an account.",
                                 "## 2. Objetivos\n\n- Reducir el tiempo de carga de los pastes.")
    assert rule_positions("MS006", CORPUS / _PASTEBIN) == []
    assert rule_positions("MS006", damaged) == [(line + 2, 3)]


# --- MS012: a vague trigger in a Gherkin scenario's condition ---------------------------------

_SCENARIO = """\
# Feature: Table holds

```gherkin
Scenario: Hold released
  Given a diner has reserved a table
  When the diner {wait} before confirming
  Then the table is released to the waitlist
```
"""


def test_a_vague_wait_in_a_scenario_condition_is_flagged() -> None:
    assert spans(lint_with("MS012", _SCENARIO.format(wait="waits too long"))) == [(6, 24)]


def test_a_wait_with_its_length_in_a_scenario_condition_is_not_flagged() -> None:
    assert lint_with("MS012", _SCENARIO.format(wait="waits longer than 10 minutes")) == []


def test_a_vague_wait_in_a_scenario_with_no_outcome_is_not_flagged() -> None:
    text = "# Feature: Table holds\n\n```gherkin\nScenario: Waiting\n  Given a diner has reserved a table\n" \
           "  When the diner waits too long before confirming\n```\n"
    assert lint_with("MS012", text) == []


def test_a_large_number_of_anything_counted_is_a_vague_magnitude() -> None:
    text = """\
    # SRS: Proctoring

    ## 3.3 Performance requirements
    PR-1 The system shall support a large number of simultaneous exam takers.
    """
    assert spans(lint_with("MS005", text)) == [(4, 31)]


def test_a_level_in_words_that_triggers_a_behaviour_is_flagged() -> None:
    text = """\
    # PRD: Florist stock

    ## Requirements
    - When stock runs low, the shop manager is notified by email.
    """
    assert spans(lint_with("MS012", text)) == [(4, 8)]


def test_a_level_with_its_value_is_not_flagged() -> None:
    text = """\
    # PRD: Florist stock

    ## Requirements
    - When stock falls below 10 stems, the shop manager is notified by email.
    """
    assert lint_with("MS012", text) == []


def test_a_priority_called_high_is_a_category_not_a_level() -> None:
    text = """\
    # PRD: Support routing

    ## Requirements
    - When the priority is high, the ticket is sent to the on-call agent.
    """
    assert lint_with("MS012", text) == []


def test_a_level_in_a_faq_question_is_not_a_trigger() -> None:
    text = """\
    # PR/FAQ: Scooters

    ## FAQ

    **What happens when my battery runs low?**
    The scooter shows the nearest charging point.
    """
    assert lint_with("MS012", text) == []
