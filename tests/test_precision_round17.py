"""Precision, round 17 (the lead's): findings a clean document of an evaluation set drew where nothing
was wrong, each fixed for its class. One behaviour per test; fixtures written for these tests."""

from __future__ import annotations

from conftest import lint_with, spans

# --- EH006: a failure answered by a status code written as inline code -----------------------------

CLASS_BOOKING = """
# Class booking

## Behaviour
- Members book a spin class from the timetable.
- Calendar sync puts each booking in the member's Google Calendar.
- {answer}
"""


def test_eh006_reads_an_error_status_in_inline_code_as_failure_handled() -> None:
    text = CLASS_BOOKING.format(answer="A class that filled up meanwhile gets `409 class_full` and the timetable reloads.")
    assert lint_with("EH006", text) == []


def test_eh006_reads_an_error_status_alone_in_inline_code() -> None:
    text = CLASS_BOOKING.format(answer="Booking a class that already started answers `422`; the button is greyed out.")
    assert lint_with("EH006", text) == []


def test_eh006_still_flags_the_sync_when_inline_code_holds_no_failure() -> None:
    text = CLASS_BOOKING.format(answer="The booking is stored as `booking_id` and shown under `My classes`.")
    assert spans(lint_with("EH006", text)) == [(5, 3)]


# --- API002: who may call it, said by the caller's own account --------------------------------------

WORKSPACE_RENAME = """
# Workspace rename

## Flow
1. The settings page calls `PATCH /workspaces/{{id}}` with the new `name`; the response is the workspace.
2. {rule}
"""


def test_api002_reads_only_the_owner_may_act_as_a_signed_in_caller() -> None:
    text = WORKSPACE_RENAME.format(rule="Only the workspace owner may rename it; other members see the name read-only.")
    assert lint_with("API002", text) == []


def test_api002_reads_only_the_account_that_created_it_can_act() -> None:
    text = WORKSPACE_RENAME.format(rule="Only the admin account that created the workspace can rename it.")
    assert lint_with("API002", text) == []


def test_api002_still_flags_an_only_that_names_no_caller() -> None:
    text = WORKSPACE_RENAME.format(rule="Only the latest name is kept; the old one is not stored.")
    assert spans(lint_with("API002", text)) == [(4, 29)]
