"""Round 17, failure17: error-handling findings a clean or unrelated line drew, fixed for their class, and a
system a requirement calls in the base form ("SHALL query Prometheus for ..."). One behaviour per test;
fixtures written for these tests, in shapes no evaluation set uses."""

from __future__ import annotations

from conftest import lint_with, spans

# --- EH006: a payment word that names a right someone holds, not money moved -----------------------

ROLE_MATRIX = """
# Finance roles for the expense tool

## Roles
- Approvers get the *Administer payouts* bundle and nothing else.
- The payouts admin role is held by two people per company.
- {extra}
"""


def test_eh006_reads_a_bundle_named_after_payouts_as_a_right_not_a_payout() -> None:
    assert lint_with("EH006", ROLE_MATRIX.format(extra="Auditors can read every report.")) == []


def test_eh006_reads_access_to_refunds_as_a_right() -> None:
    text = """
# Support console

## Access
- Tier-2 agents have access to refunds in the console.
- Tier-1 agents have permissions to view refunds but cannot act on them.
"""
    assert lint_with("EH006", text) == []


def test_eh006_still_flags_a_payout_sent_beside_a_right() -> None:
    text = ROLE_MATRIX.format(extra="Every Friday the tool sends payouts to each employee's bank account.")
    assert spans(lint_with("EH006", text)) == [(6, 31)]


# --- EH007: the permanent failure answered in inline code or in the other word order ---------------

WORKOUT_REMINDERS = """
# Workout reminders

## Delivery
- Reminders are sent as push notifications through Firebase Cloud Messaging.
- A push that fails with a server error is retried twice, one minute apart.
- {answer}
"""


def test_eh007_reads_an_unregistered_status_in_inline_code() -> None:
    text = WORKOUT_REMINDERS.format(answer="An answer of `404 UNREGISTERED` stops all sends to that installation.")
    assert lint_with("EH007", text) == []


def test_eh007_reads_a_token_removed_said_the_other_way_round() -> None:
    text = WORKOUT_REMINDERS.format(answer="When the app is gone from the phone, its token is removed on the next send.")
    assert lint_with("EH007", text) == []


def test_eh007_still_flags_when_inline_code_holds_no_permanent_failure() -> None:
    text = WORKOUT_REMINDERS.format(answer="Each attempt is logged with its `attempt_no`.")
    assert spans(lint_with("EH007", text)) == [(4, 52)]


# --- EH004: the product's own API named beside its other ways in -----------------------------------

LISTINGS = """
# Seasonal listings

## Requirements
1. Shop owners edit a listing in the admin panel or via the Listings API.
2. A listing shows the season's price from its start date.
3. {extra}
"""


def test_eh004_reads_an_api_named_beside_the_admin_panel_as_the_products_own() -> None:
    assert lint_with("EH004", LISTINGS.format(extra="Prices are kept for two years.")) == []


def test_eh004_still_flags_another_api_the_same_document_calls() -> None:
    text = LISTINGS.format(extra="Each night the service fetches exchange rates through the Kursbank Rates API.")
    assert [finding.message.split(" (")[0] for finding in lint_with("EH004", text)] == ["Kursbank Rates API"]


# --- EH004: a system a requirement calls in the base form ------------------------------------------

BUILD_RADIATOR = """
# Build radiator

| # | Requirement |
|---|---|
| R1 | The radiator must poll Jenkins every 5 minutes for finished builds. |
| R2 | Each team's wall screen shows its last ten builds. |
{extra}
"""


def test_eh004_flags_a_system_a_requirement_polls_in_the_base_form() -> None:
    assert spans(lint_with("EH004", BUILD_RADIATOR.format(extra=""))) == [(5, 31)]


def test_eh004_reads_the_same_system_named_when_it_is_down() -> None:
    text = BUILD_RADIATOR.format(extra="| R3 | If Jenkins is unreachable, the screen keeps the last builds and shows their age. |")
    assert lint_with("EH004", text) == []


def test_eh004_does_not_read_a_base_form_call_without_a_modal() -> None:
    # an imperative step of a how-to ("Call Jenkins for help"): no requirement, no call of the product
    text = BUILD_RADIATOR.format(extra="").replace("The radiator must poll Jenkins", "Operators call Jenkins")
    assert lint_with("EH004", text) == []


# --- EH004: a refusal a requirement asks of the product's own service is no call failing -----------

TICKETS = """
# Concert tickets

## Requirements
- R1: The Ticket Service MUST check each seat with the Seatwise Venue API before it is sold.
- R2: The Ticket Service MUST refuse to sell more than six seats to one buyer.
"""


def test_eh004_does_not_read_a_required_refusal_as_the_call_failing() -> None:
    assert spans(lint_with("EH004", TICKETS)) == [(4, 56)]


def test_eh004_still_reads_the_called_service_refusing() -> None:
    text = TICKETS + "- R3: If the Seatwise Venue API refuses the check or times out, the seat is shown as unavailable.\n"
    assert lint_with("EH004", text) == []


# --- EH009: a second write after the first committed, and nothing on it failing then ---------------

KEY_ROTATION = """
# Signing key rotation

## Steps
- The rotator creates the new key in the HSM and records its id in the key registry.
- Services pick up the new id within five minutes.
{extra}
"""


def test_eh009_flags_the_second_of_two_writes_to_two_places() -> None:
    assert spans(lint_with("EH009", KEY_ROTATION.format(extra=""))) == [(4, 50)]


def test_eh009_reads_a_failure_that_names_the_second_place() -> None:
    text = KEY_ROTATION.format(extra="- If the write to the key registry fails, the new key is destroyed and an alert fires.")
    assert lint_with("EH009", text) == []


def test_eh009_reads_a_rollback_anywhere_as_the_state_between_spoken_of() -> None:
    text = KEY_ROTATION.format(extra="- A rotation that stops half way is rolled back by the next run.")
    assert lint_with("EH009", text) == []


def test_eh009_flags_a_step_that_runs_after_another_succeeded() -> None:
    text = """
# Catalogue import

| Step | Behaviour |
|---|---|
| 1 | The importer loads the supplier file. |
| 2 | After a successful load, the importer MUST update `catalog.json` with the new version. |
"""
    assert spans(lint_with("EH009", text)) == [(6, 50)]


def test_eh009_does_not_flag_two_writes_to_one_place() -> None:
    text = KEY_ROTATION.format(extra="").replace("records its id in the key registry", "stores its label in the HSM")
    assert lint_with("EH009", text) == []


def test_eh009_does_not_read_a_user_storys_wish_as_two_steps() -> None:
    text = """
# Shared drives

## User stories
- As an editor, I want to save drafts to my folder and publish them to the team space.
"""
    assert lint_with("EH009", text) == []
