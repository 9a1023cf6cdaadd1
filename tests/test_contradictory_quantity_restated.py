"""MS010 contradictory-quantity: quantities named in other words (round 15, issue 14 class 13).

A duration named by a phrase, a count limit with its owner, a hold and its release, a FAQ's answer to
"how long", a deadline on one act, a setting in a configuration block, a value cell's qualifier; and
the traps that look like them.
"""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, requires_corpus
from damage import damaged_copy, rule_positions


def _lines(text: str) -> list[int]:
    return [finding.span.start.line for finding in lint_with("MS010", text)]


# --- durations named by a phrase ------------------------------------------------------------------


def test_flags_a_period_named_before_and_after_its_number() -> None:
    text = """
    # Returns

    ## How returns work

    A customer may return an item during a cooling-off period of 14 days.

    ## Requirements

    - R3. Refunds are issued for returns made inside the 30-day cooling-off period.
    """
    assert _lines(text) == [9]


def test_flags_an_objective_restated_with_another_value() -> None:
    text = """
    # Archive the write-ahead log

    ## Context

    Operations asks for a recovery point objective of 5 minutes.

    ## Consequences

    - The recovery point objective becomes 15 minutes.
    """
    assert _lines(text) == [9]


def test_flags_three_working_days_against_five_in_words() -> None:
    text = """
    # Onboarding

    ## Decision

    New hires get a three-working-day grace period to sign.

    ## Consequences

    The five-working-day grace period means a late signature still lands before day one.
    """
    assert _lines(text) == [9]


def test_different_things_that_share_a_unit_are_not_flagged() -> None:
    text = """
    # Billing

    ## Trial

    Every workspace starts with a 7-day trial.

    ## Refunds

    Paid plans come with a 14-day refund window.
    """
    assert _lines(text) == []


def test_a_value_changed_from_one_to_another_is_not_flagged() -> None:
    text = """
    # Holds

    ## Background

    The hold period was 7 days until March; it is now 14 days.

    ## Requirements

    - R1. Proceeds are available once a hold period of 14 days has passed.
    """
    assert _lines(text) == []


def test_a_value_for_one_version_or_an_example_is_not_flagged() -> None:
    text = """
    # Grace periods

    ## Requirements

    - R1. The grace period lasts 14 days.

    ## Roadmap

    In v2 the grace period is 30 days.

    ## Notes

    For example, a grace period of 7 days would cover most holidays.
    """
    assert _lines(text) == []


def test_a_duration_in_an_alternative_considered_is_not_flagged() -> None:
    text = """
    # Holds

    ## Decision

    Proceeds become available after a hold period of 14 days.

    ## Alternatives considered

    A hold period of 7 days was cheaper but left disputes uncovered.
    """
    assert _lines(text) == []


def test_one_word_names_in_per_case_sections_are_not_flagged() -> None:
    text = """
    # Alert severities

    ## Critical

    Timeline: ~5 minutes.

    ## Warning

    Timeline: ~60 minutes.
    """
    assert _lines(text) == []


def test_timeouts_of_two_calls_are_not_flagged() -> None:
    text = """
    # Dispatch

    ## Push

    Send the push through FCM with a 5-second request timeout.

    ## Directory

    The directory lookup uses a 2-second timeout.
    """
    assert _lines(text) == []


def test_flags_an_amount_of_money_named_twice() -> None:
    text = """
    # Fare capping

    ## Summary

    Once a card reaches the daily cap of €7.50, further taps that day are free.

    ## Requirements

    - FR-3: The daily cap is €7.20, reset at 03:00.
    """
    assert _lines(text) == [9]


def test_amounts_for_each_plan_are_not_flagged() -> None:
    text = """
    # Pricing

    ## Team

    The monthly price is $20 per seat.

    ## Enterprise plan

    For enterprise customers the monthly price is $35 per seat.
    """
    assert _lines(text) == []


# --- count limits -------------------------------------------------------------------------------


def test_flags_a_count_limit_with_its_owner_stated_twice() -> None:
    text = """
    # Workspaces

    ## Guide

    A workspace can have up to 20 members, enough for every team we know of.

    ## Rules

    - Each workspace is limited to 10 members; inviting an eleventh is refused.
    """
    assert _lines(text) == [9]


def test_flags_a_german_count_limit_per_owner() -> None:
    text = """
    # Bestellungen

    ## Ablauf

    Kunden können bis zu 5 Artikel pro Bestellung reservieren.

    ## Regeln

    Es gelten höchstens 3 Artikel pro Bestellung.
    """
    assert _lines(text) == [9]


def test_count_limits_of_tiers_and_ranges_are_not_flagged() -> None:
    text = """
    # Workspaces

    ## Plans

    Free workspaces can have up to 5 members.

    ## Parties

    Parties of 2 to 4 players per party can queue together.

    ## Rules

    Each workspace is limited to 50 members.
    """
    assert _lines(text) == []


# --- a hold and its release ------------------------------------------------------------------------


def test_flags_a_hold_and_a_release_of_the_same_deposit() -> None:
    text = """
    # Deposits

    ## Requirements

    - FR-2: Security deposits are held for 3 days after checkout.

    ## Assumptions

    - A security deposit is released after 5 days, with the next payout.
    """
    assert _lines(text) == [9]


def test_flags_a_spanish_reserve_held_and_released() -> None:
    text = """
    # Liquidaciones

    ## Requisitos

    - **FR-002**: El sistema DEBE retener como reserva el 5 % de las ventas durante 10 días.

    ## Supuestos

    - La reserva se libera a los 14 días de su retención.
    """
    assert _lines(text) == [9]


def test_holds_of_different_things_are_not_flagged() -> None:
    text = """
    # Payments

    ## Payouts

    Payouts are held for 7 days.

    ## Refunds

    Refund requests are held for 14 days.
    """
    assert _lines(text) == []


# --- a FAQ's answer -----------------------------------------------------------------------------


def test_flags_a_faq_answer_against_the_press_release() -> None:
    text = """
    # Price lock

    ## Press release

    **Travellers can lock a fare for 72 hours while they decide**

    ## Customer FAQ

    **1. How long does a lock last?**
    48 hours from the moment the fee is paid.
    """
    assert _lines(text) == [10]


def test_flags_a_faq_answer_in_the_next_paragraph() -> None:
    text = """
    # Quotes

    ## Overview

    Sales can quote a price for 14 days.

    ## FAQ

    ### How long does a quote last?

    30 days, after which the price is recalculated.
    """
    assert _lines(text) == [11]


def test_a_faq_answer_that_agrees_is_not_flagged() -> None:
    text = """
    # Price lock

    ## Press release

    Travellers can lock a fare for 48 hours.

    ## FAQ

    **How long does a lock last?** 2 days from payment.
    """
    assert _lines(text) == []


# --- deadlines ----------------------------------------------------------------------------------


def test_flags_a_spanish_deadline_on_one_act() -> None:
    text = """
    # Incorporación

    ## Qué construimos

    1. Los documentos deben firmarse en un plazo de 5 días hábiles desde el envío.

    ## Riesgos

    - Si el candidato no firma en el plazo de 10 días hábiles, el enlace caduca.
    """
    assert _lines(text) == [9]


def test_flags_an_english_deadline_in_working_days() -> None:
    text = """
    # Invoices

    ## Requirements

    - Managers must approve invoices within 3 working days.

    ## Escalation

    If nobody approves the invoice within 5 working days, it goes to finance.
    """
    assert _lines(text) == [9]


def test_deadlines_for_each_priority_are_not_flagged() -> None:
    text = """
    # Incidents

    ## P1

    P1 incidents must be acknowledged within 15 minutes.

    ## P2

    P2 incidents must be acknowledged within 4 hours.
    """
    assert _lines(text) == []


def test_working_days_and_calendar_days_are_not_compared() -> None:
    text = """
    # Invoices

    ## Requirements

    - Managers must approve invoices within 5 working days.

    ## Escalation

    Finance expects to approve every invoice within 7 days of receipt.
    """
    assert _lines(text) == []


# --- values in configuration blocks and value tables -----------------------------------------------


def test_flags_a_configuration_value_against_the_text() -> None:
    text = """
    # Sync

    ## Decision

    The sync poll runs every 5 minutes so that changes show up quickly.

    ## Settings

    ```yaml
    sync:
      poll_interval: 10m
    ```
    """
    assert _lines(text) == [11]


def test_a_configuration_example_is_not_flagged() -> None:
    text = """
    # Sync

    ## Decision

    The sync poll runs every 5 minutes so that changes show up quickly.

    ## Settings

    For example, a team that wants fewer calls might write:

    ```yaml
    sync:
      poll_interval: 10m
    ```
    """
    assert _lines(text) == []


def test_a_migration_from_one_value_to_another_is_not_flagged() -> None:
    text = """
    # Index

    ## Decision

    The index refresh interval moves from 30 seconds to 5 seconds.

    ## Settings

    ```json
    {"index": {
      "refresh_interval": "5s"
    }}
    ```
    """
    assert _lines(text) == []


def test_flags_a_table_value_with_its_qualifier() -> None:
    text = """
    # Charging

    ## Requirements

    1. WHEN CPU load stays high THEN the scheduler SHALL alert the on-call once CPU reaches 90%.

    ## Configuration

    | Setting | Value |
    |---|---|
    | Alert threshold | 85% CPU |
    """
    assert _lines(text) == [11]


# --- damage on real corpus documents --------------------------------------------------------------

_COREDNS = "openshift-enhancements/enhancements/dns/coredns-egressfirewall-integration.md"
_CONDITIONAL = "openshift-enhancements/enhancements/insights/conditional-data-gathering.md"


@requires_corpus
def test_damage_a_grace_period_restated_with_another_value(tmp_path: Path) -> None:
    assert rule_positions("MS010", CORPUS / _COREDNS) == []
    damaged, line = damaged_copy(tmp_path, _COREDNS, "grace period of 5 seconds post the validity expiration",
                                 "grace period of 10 seconds post the validity expiration")
    assert [found[0] for found in rule_positions("MS010", damaged)] == [line]


@requires_corpus
def test_damage_a_count_limit_restated_with_another_value(tmp_path: Path) -> None:
    assert rule_positions("MS010", CORPUS / _CONDITIONAL) == []
    damaged, line = damaged_copy(tmp_path, _CONDITIONAL, "up to 8 conditions in each rule",
                                 "up to 8 conditions in each rule")
    text = damaged.read_text()
    damaged.write_text(text + "\n## Limits\n\nEach rule is limited to 5 conditions.\n")
    assert [found[0] for found in rule_positions("MS010", damaged)] == [len(text.splitlines()) + 4]
