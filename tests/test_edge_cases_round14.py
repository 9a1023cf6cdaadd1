"""Edge-case rules, round 14: EC006 people book a scarce thing or edit a shared one, and two of them
at once is never addressed; EC007 a capacity or quota of countable things with nothing said about reaching it.
Fixtures written for these tests."""

from __future__ import annotations

from pathlib import Path

from conftest import lint_with, requires_corpus, spans
from damage import damaged_copy, lint_positions, rule_positions

CLASS_BOOKING = """
# PRD: Class booking

## Requirements

- R1: Each class has 20 places; a full class shows "Full".
- R2: A member books a place in a class from the timetable.
"""

# --- EC006 concurrency-unaddressed --------------------------------------------------------


def test_ec006_flags_a_booking_with_no_word_on_two_people_at_once() -> None:
    assert spans(lint_with("EC006", CLASS_BOOKING)) == [(6, 16)]


def test_ec006_accepts_a_booking_whose_race_for_the_last_place_is_decided() -> None:
    text = CLASS_BOOKING + """
## Edge cases

- Two members book the last place at the same time: the first confirmed booking wins.
"""
    assert lint_with("EC006", text) == []


def test_ec006_accepts_an_ears_criterion_for_a_slot_taken_meanwhile() -> None:
    text = """
# Requirements Document

### Requirement 1: Book a service slot

#### Acceptance Criteria

1. WHEN a cyclist picks a free slot THE Booking_Service SHALL book the slot for that cyclist.
2. IF the slot was booked by another cyclist meanwhile THEN THE Booking_Service SHALL refuse the booking.
"""
    assert lint_with("EC006", text) == []


def test_ec006_reports_at_the_requirement_rather_than_the_introduction() -> None:
    text = """
# Requirements Document

## Introduction

Employees reserve a desk for a day from the web app.

## Requirements

### Requirement 1: Reserve a desk

#### Acceptance Criteria

1. WHEN an employee selects a free desk THE Desk_Service SHALL reserve that desk for that employee.
"""
    assert spans(lint_with("EC006", text)) == [(13, 21)]


def test_ec006_does_not_read_a_capacity_without_a_determiner_as_a_booking() -> None:
    text = """
# Design: Transcode queue

## Requirements

- Pro customers get a queue with reserved slots; the dispatcher polls it first.
"""
    assert lint_with("EC006", text) == []


def test_ec006_skips_decision_records() -> None:
    text = """
# 7. Store seat bookings in PostgreSQL

Date: 2026-08-19

## Status

Accepted

## Context

Customers book a seat from the seat map; a showing has up to 400 seats.

## Decision

We will store one row per booked seat.

## Consequences

Reporting joins bookings with showings.
"""
    assert lint_with("EC006", text, path="docs/adr/0007-store-seat-bookings.md") == []


def test_ec006_flags_several_people_editing_one_shared_thing() -> None:
    text = """
# PRD: Shift rota

## Requirements

- All planners can move shifts on the week's rota.
- The rota is published every Friday.
"""
    assert spans(lint_with("EC006", text)) == [(5, 3)]


def test_ec006_accepts_a_shared_edit_whose_conflict_is_decided() -> None:
    text = """
# PRD: Ticket priority

## Requirements

- Any agent can edit the ticket's priority; when two agents change it at once, the last save wins
  and the other agent sees a notice.
"""
    assert lint_with("EC006", text) == []


# --- EC007 capacity-without-full --------------------------------------------------------------


def test_ec007_flags_a_capacity_with_nothing_at_the_cap() -> None:
    text = """
# One-pager: Pickup slots

## Requirements

- Each slot takes at most 25 orders.
- Staff see the orders of the next two slots.
"""
    assert spans(lint_with("EC007", text)) == [(5, 19)]


def test_ec007_flags_a_yearly_quota_in_a_faq_answer() -> None:
    text = """
# HomeCare Plus

## Customer FAQ

**Q: How many visits do I get?**

A: Each household can request up to 4 free repair visits a year.
"""
    assert spans(lint_with("EC007", text)) == [(7, 31)]


def test_ec007_accepts_a_capacity_whose_full_state_is_described() -> None:
    text = """
# PRD: Delivery slots

## Requirements

1. Each slot holds at most 40 orders.
2. A slot with 40 orders is shown as full and cannot be picked.
"""
    assert lint_with("EC007", text) == []


def test_ec007_does_not_read_sizes_durations_or_money_as_caps() -> None:
    text = """
# PRD: Receipts

## Requirements

- Receipt photos of up to 20 MB are accepted.
- Members cancel a booking up to 2 hours before the class.
- Parts up to 150 euros per repair are included.
"""
    assert lint_with("EC007", text) == []


def test_ec007_does_not_read_what_the_system_returns_as_a_cap() -> None:
    text = """
# Requirements Document

#### Acceptance Criteria

1. WHEN the dispatcher types 3 characters THE system SHALL list up to 10 matching addresses.
"""
    assert lint_with("EC007", text) == []


def test_ec007_accepts_a_limit_whose_larger_case_is_described() -> None:
    text = """
# One-pager: CSV export

## Requirements

- Small exports (up to 5,000 rows) are downloaded directly.
- Larger exports run as a background job and are emailed.
"""
    assert lint_with("EC007", text) == []


def test_ec007_ignores_a_generic_cannot_in_the_problem_statement() -> None:
    text = """
# One-pager: Pickup slots

## Problem

At 17:00 the counter has a queue and the staff cannot keep up.

## Requirements

- Each slot takes at most 25 orders.
"""
    assert spans(lint_with("EC007", text)) == [(9, 19)]


# --- EC008 clock-time-without-zone ------------------------------------------------------------

REMINDER = """
# Design: Delivery-day reminders

## Context

Parcelo delivers furniture in Germany, Austria and Portugal.

## Design

The job sends the reminder at 18:00 on the day before the delivery.
"""


def test_ec008_flags_a_clock_time_for_several_countries_with_no_zone() -> None:
    assert spans(lint_with("EC008", REMINDER)) == [(9, 5)]


def test_ec008_accepts_a_clock_time_with_its_zone() -> None:
    text = REMINDER + "\nTimes are in the customer's local time (Europe/Berlin or Europe/Lisbon).\n"
    assert lint_with("EC008", text) == []


def test_ec008_does_not_ask_for_a_zone_in_a_one_country_product() -> None:
    text = """
# PRD: Delivery slots for Fresko

## Requirements

- Fresko delivers in Vienna; the customer can move the order until 22:00 the day before.
"""
    assert lint_with("EC008", text) == []


def test_ec008_reads_a_country_that_spans_zones_as_several() -> None:
    text = """
# One-pager: Payday reminders

## Requirements

- Members in the United States get a push at 9 am on the day before payday.
"""
    assert spans(lint_with("EC008", text)) == [(5, 38)]


def test_ec008_ignores_a_clock_time_that_schedules_nothing() -> None:
    text = """
# One-pager: Dark mode

## Problem

Readers in Germany and Spain read mostly at night: 61% of minutes fall between 21:00 and 02:00.

## Requirements

- The app follows the system's dark setting.
"""
    assert lint_with("EC008", text) == []


# --- damage tests on a real document ----------------------------------------------------------

ANIMALS = "kiro-more/9mak__oneco__.kiro__specs__animal-category-field__requirements.md"
FIRST_CRITERION = "1. The RawAnimalData shall `category` フィールド（文字列型）を持つ"


@requires_corpus
def test_the_undamaged_document_has_no_finding() -> None:
    assert lint_positions("EC006", ANIMALS) == []
    assert lint_positions("EC007", ANIMALS) == []


@requires_corpus
def test_a_booking_criterion_inserted_into_a_real_document_is_found(tmp_path: Path) -> None:
    booking = "1. WHEN an adopter picks a visit slot THE Shelter_Service SHALL book the slot for that adopter.\n"
    path, line = damaged_copy(tmp_path, ANIMALS, FIRST_CRITERION, booking + FIRST_CRITERION)
    assert rule_positions("EC006", path) == [(line, 20)]


@requires_corpus
def test_a_capacity_criterion_inserted_into_a_real_document_is_found(tmp_path: Path) -> None:
    capacity = "1. THE Shelter_Service SHALL accept at most 5 visit requests per animal per day.\n"
    path, line = damaged_copy(tmp_path, ANIMALS, FIRST_CRITERION, capacity + FIRST_CRITERION)
    assert rule_positions("EC007", path) == [(line, 37)]


def test_ec007_flags_what_each_container_holds() -> None:
    text = """
# SRS: Tours

## Requirements

- TR-1: Each walking tour has 15 places and is booked online.
"""
    assert spans(lint_with("EC007", text)) == [(5, 9)]


def test_ec007_does_not_read_the_envelope_of_a_performance_promise_as_a_cap() -> None:
    text = """
# SRS: Close assistant

## Requirements

- PR-1: The reconciliation view shall load in under 2 seconds for ledgers of up to 50,000 entries.
"""
    assert lint_with("EC007", text) == []


def test_ec002_none_identified_for_this_release_names_no_case() -> None:
    findings = lint_with("EC002", "## Edge cases\n\nNone identified for this release.\n")

    assert spans(findings) == [(1, 1)]


def test_ec002_a_real_case_saying_none_is_kept_passes() -> None:
    assert lint_with("EC002", "## Edge cases\n\nNone of the saved carts is kept after 30 days; the user is told.\n") == []


def test_ec004_reads_an_rfc_design_section() -> None:
    text = (
        "# Summary\n\nA delegation API.\n\n"
        "# Reference-level explanation\n\n"
        "Edge cases such as wildcard names will be worked out during implementation.\n\n"
        "# Unresolved questions\n\nNone.\n"
    )

    assert spans(lint_with("EC004", text, path="text/0042-delegations.md")) == [(7, 1)]
