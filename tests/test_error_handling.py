"""Error-handling rules EH001-EH003."""

from conftest import lint_with, spans

# --- EH001 failure-handling-missing -----------------------------------------------------------

HAPPY_PATH_ONLY = """
# One-click reorder

## Summary

Customers reorder a past order with one click from the Orders page.

## Flow

1. The customer clicks "Reorder".
2. We charge the saved card through Stripe.
3. We send a confirmation email with the delivery date.
"""


def test_eh001_flags_a_document_that_never_addresses_failure() -> None:
    findings = lint_with("EH001", HAPPY_PATH_ONLY)
    assert spans(findings) == [(10, 7)]
    assert "charge the saved card" in findings[0].message


def test_eh001_accepts_a_what_can_go_wrong_section() -> None:
    text = HAPPY_PATH_ONLY + """
## What can go wrong

- The card is declined: show the bank's reason and keep the cart.
"""
    assert lint_with("EH001", text) == []


def test_eh001_accepts_failure_stated_in_passing() -> None:
    text = HAPPY_PATH_ONLY + "\nIf Stripe times out after 10 s, we retry once.\n"
    assert lint_with("EH001", text) == []


def test_eh001_accepts_an_error_table() -> None:
    text = HAPPY_PATH_ONLY + """
| Situation | Error message |
|-----------|---------------|
| Card expired | "Update your card to reorder" |
"""
    assert lint_with("EH001", text) == []


def test_eh001_needs_more_than_one_passing_mention() -> None:
    text = """
    # Team handbook

    Refunds go through the finance team once a month.
    """
    assert lint_with("EH001", text) == []
    assert len(lint_with("EH001", text, **{"minimum-mentions": 1})) == 1


def test_eh001_ignores_figurative_and_concurrency_words() -> None:
    text = """
    # Lock-free queue

    All programs pay for the bounds check. The queue needs no synchronization and stays in sync
    with the scheduler; replicate the layout for the other buffers.
    """
    assert lint_with("EH001", text) == []


# --- EH002 operation-without-failure-handling -------------------------------------------------

STORIES = """
# Contacts

## User stories

### User Story 1 - Import contacts

As a sales rep, I want to import contacts from a CSV file, so that I do not type them again.

**Acceptance Scenarios**:

1. **Given** a CSV with 20 contacts, **When** the rep imports it, **Then** 20 contacts appear in the list.

### User Story 2 - Export contacts

As a sales rep, I want to export my contacts, so that I can share them.

**Acceptance Scenarios**:

1. **Given** 20 contacts, **When** the rep exports, **Then** the CSV has 20 rows.
2. **Given** the export fails, **When** the rep retries, **Then** the error message is gone.
"""


def test_eh002_flags_a_story_whose_operation_can_fail() -> None:
    findings = lint_with("EH002", STORIES)
    assert spans(findings) == [(5, 20)]
    assert "'Import contacts' (import or parsing)" in findings[0].message
    assert findings[0].level.value == "info"


def test_eh002_accepts_a_story_that_says_what_happens_on_failure() -> None:
    text = STORIES.replace(
        "**Then** 20 contacts appear in the list.",
        "**Then** 20 contacts appear in the list.\n2. **Given** a row without an email, **When** the rep imports, "
        "**Then** the row is skipped and listed as invalid.")
    assert lint_with("EH002", text) == []


def test_eh002_stays_quiet_when_failure_is_handled_centrally() -> None:
    text = STORIES + """
## Error handling

- Rows with an invalid email are skipped and reported after the import.
"""
    assert lint_with("EH002", text) == []


def test_eh002_checks_sections_named_after_an_operation() -> None:
    text = """
    ## Requirements

    - **FR-001**: Reps MUST see their contacts on any device.
    - **FR-002**: A phone number that is invalid MUST be rejected with a message.

    ### Sync with Salesforce

    Contacts sync with Salesforce every 15 minutes.
    """
    findings = lint_with("EH002", text)
    assert spans(findings) == [(6, 5)]


STARTER_KIT = """
# Starter kit

## Requirements

- **FR-001**: Teams MUST be able to subscribe to a paid plan.
- **FR-002**: A sign-in with a wrong password MUST show an error and keep the form filled.

## Dependency map

### Payments (Dodo)
- **`@dodopayments/nextjs`** → `app/api/billing/webhook/route.ts` (webhook handler)
"""


def test_eh002_a_map_of_packages_to_files_is_not_an_operation() -> None:
    # A dependency map says where code lives; the payment behaviour is specified elsewhere.
    text = STARTER_KIT + "- **`standardwebhooks`** → `lib/billing/webhooks.ts` (manual verification)\n"
    assert lint_with("EH002", text) == []


def test_eh002_still_checks_an_operation_section_with_one_mapped_line() -> None:
    text = STARTER_KIT + "- The webhook handler marks the team's plan as paid.\n"
    assert spans(lint_with("EH002", text)) == [(10, 5)]


# --- EH003 ears-unwanted-behavior -------------------------------------------------------------

EARS = """
# Requirements Document

### Requirement 1: Card payment

#### Acceptance Criteria

1. WHEN the customer confirms the order, THE checkout service SHALL charge the saved card.
2. WHEN the charge succeeds, THE checkout service SHALL mark the order as paid.

### Requirement 2: Order history

#### Acceptance Criteria

1. WHEN the customer opens Orders, THE app SHALL list orders newest first.
"""


def test_eh003_flags_an_event_that_can_fail_without_if_then() -> None:
    findings = lint_with("EH003", EARS)
    assert spans(findings) == [(7, 4)]
    assert "Requirement 1" in findings[0].message


def test_eh003_accepts_an_if_then_counterpart() -> None:
    text = EARS.replace(
        "SHALL mark the order as paid.",
        "SHALL mark the order as paid.\n3. IF the card is declined, THEN THE checkout service SHALL keep the order "
        "unpaid and show the decline reason.")
    assert lint_with("EH003", text) == []


def test_eh003_can_ask_every_event_driven_requirement() -> None:
    findings = lint_with("EH003", EARS, **{"only-fallible": False})
    assert spans(findings) == [(7, 4), (14, 4)]


def test_eh003_accepts_an_if_then_whose_condition_is_the_operation_still_unfinished_after_a_deadline() -> None:
    text = EARS.replace(
        "SHALL mark the order as paid.",
        "SHALL mark the order as paid.\n3. IF the order is still pending after 30 minutes, THEN THE order service "
        "SHALL cancel it and tell the customer.")
    assert lint_with("EH003", text) == []


def test_eh003_a_precondition_with_a_duration_is_no_failure_path() -> None:
    text = EARS.replace(
        "SHALL mark the order as paid.",
        "SHALL mark the order as paid.\n3. IF the customer has been inactive for 30 minutes, THEN THE app SHALL "
        "sign the customer out.")
    assert spans(lint_with("EH003", text)) == [(7, 4)]


def test_eh003_payments_a_criterion_only_lists_are_no_operation() -> None:
    text = """
    # Requirements Document

    ### Requirement 1: Payment history

    #### Acceptance Criteria

    1. WHEN a member opens the Wallet tab, THE app SHALL list the member's top-ups and refunds of the past year.
    """
    assert lint_with("EH003", text) == []


def test_eh002_an_edge_case_section_that_says_what_fails_is_central_handling() -> None:
    text = STORIES + """
### Edge Cases

- A CSV with a malformed row: the row is skipped and reported as invalid after the import.
"""
    assert lint_with("EH002", text) == []


def test_eh001_points_at_the_body_rather_than_the_title_or_the_problem() -> None:
    text = """
    # Payments for marketplace sellers

    ## Problem

    Sellers wait 30 days for a payout.

    ## Solution

    Sellers get a payout to their bank account every Friday.
    """
    findings = lint_with("EH001", text)
    assert spans(findings) == [(9, 15)]
    assert findings[0].message.startswith("'payout' (payment) can fail")


def test_eh002_reads_behaviour_not_test_instructions() -> None:
    text = """
    ## User Scenarios & Testing

    ### User Story 1 - Download a month of invoices (Priority: P1)

    An accountant downloads every invoice of a closed month as one CSV file.

    **Independent Test**: Export March, then import the file into the ledger sandbox.

    **Acceptance Scenarios**:

    1. **Given** March is closed, **When** the accountant exports March, **Then** a CSV with one row per invoice downloads.
    """
    assert lint_with("EH002", text) == []


# --- one defect, one finding ---------------------------------------------------------------------

NOTHING_HANDLES_FAILURE = """
# Contacts

## Requirements

### Requirement 1 - Import contacts

The rep imports a CSV file of contacts.

### Requirement 2 - Upload a photo

The rep uploads a photo for each contact.
"""


def test_a_document_that_never_handles_failure_is_reported_once_by_eh001() -> None:
    findings = [finding for rule in ("EH001", "EH002", "EH003") for finding in lint_with(rule, NOTHING_HANDLES_FAILURE)]
    assert [finding.rule_id for finding in findings] == ["EH001"]
    assert "line" in findings[0].message  # the other places are named in the message


def test_a_loan_calculators_monthly_payment_is_not_a_payment_transaction() -> None:
    text = """
    ## Requirements

    - The calculator shows the monthly payment for the loan amount and term.
    - The monthly payment updates as the user moves the rate slider.
    """
    assert lint_with("EH001", text) == []


def test_an_http_request_that_triggers_a_test_scenario_is_not_an_operation_to_handle() -> None:
    text = """
    ## Requirements

    ### Requirement 1 - Order list

    The order list shows the 20 newest orders.

    #### Test scenarios

    - When an HTTP request is sent to the order list, then 20 orders are returned.
    - When an HTTP request asks for page 2, then the next 20 orders are returned.
    """
    assert lint_with("EH001", text) == []
    assert lint_with("EH002", text) == []


def test_eh001_a_proposal_on_the_kep_template_is_not_judged() -> None:
    # An OpenShift enhancement or a Cluster API proposal: its failure modes belong to the design
    # review of the proposal, not to a "what can go wrong" section the template never asks for.
    text = """
    # Quota admission for build pods

    ## Summary

    A mutating admission webhook sets default limits on build pods.

    ## Motivation

    Build pods without limits starve other workloads.

    ## Proposal

    The operator deploys the webhook server and registers the webhook with the API server.

    ## Design Details

    ### Test Plan

    e2e tests cover pods with and without limits.

    ### Graduation Criteria

    GA once the e2e suite is stable.

    ## Implementation History

    Initial version.
    """
    assert lint_with("EH001", text) == []
