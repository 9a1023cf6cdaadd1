"""Failure handling of calls that can fail: the shapes a reviewer flags (EH003-EH006) and the traps they must not."""

from __future__ import annotations

from conftest import CORPUS, lint_with, requires_corpus, spans
from damage import position_of, without_failure

# --- EH004: providers named by brand or by what they are ------------------------------------------


def test_eh004_flags_a_provider_when_the_only_error_is_a_form_validation_message() -> None:
    text = """
    # Instant receipts

    ## Requirements

    - After checkout, we send the receipt via SES to the address on the account.
    - Invalid email addresses are rejected on the profile page with an inline error.
    """
    findings = lint_with("EH004", text)
    assert spans(findings) == [(5, 43)]
    assert "SES (email)" in findings[0].message


def test_eh004_flags_a_payment_card_field_error_as_no_word_on_the_charge_failing() -> None:
    text = """
    # Renewals

    ## Flow

    - We charge the saved card through Braintree on the renewal date.
    - The card number field shows an inline error when the format is invalid.
    """
    assert spans(lint_with("EH004", text)) == [(5, 36)]


def test_eh004_flags_a_provider_named_by_what_it_is() -> None:
    text = """
    # Top-ups

    ## Flow

    The wallet is topped up through the payment gateway once the member confirms the amount.
    """
    findings = lint_with("EH004", text)
    assert spans(findings) == [(5, 37)]
    assert "payment gateway (payment)" in findings[0].message


def test_eh004_flags_a_kiro_glossary_name_for_a_provider() -> None:
    text = """
    # Requirements Document

    ### Requirement 1: Renew

    #### Acceptance Criteria

    1. WHEN the member taps Renew, THE Billing_Service SHALL charge the card through the Payment_Gateway.
    """
    findings = lint_with("EH004", text)
    assert spans(findings) == [(7, 86)]
    assert "Payment Gateway" in findings[0].message


def test_eh004_does_not_count_failures_named_in_the_success_metrics() -> None:
    text = """
    # Reminders

    ## Success metrics

    - Failed payments drop by 20% within a quarter.

    ## Solution

    A daily job emails the client a reminder through Postmark.
    """
    assert spans(lint_with("EH004", text)) == [(9, 50)]


def test_eh004_points_at_the_body_rather_than_the_glossary() -> None:
    text = """
    # Sign-in codes

    ## Glossary

    - **SMS provider**: Twilio.

    ## Flow

    Twilio sends the one-time code to the phone on file.
    """
    assert spans(lint_with("EH004", text)) == [(9, 1)]


def test_eh004_flags_a_provider_adopted_by_a_decision_record() -> None:
    text = """
    # 7. Charge cards through Stripe

    ## Status

    Accepted

    ## Context

    We take card payments for subscriptions.

    ## Decision

    We will charge cards through Stripe and store only the Stripe customer ID.

    ## Consequences

    Subscriptions renew automatically each month.
    """
    assert spans(lint_with("EH004", text, path="docs/adr/0007-charge-cards-through-stripe.md")) == [(13, 30)]


def test_eh004_leaves_providers_in_a_decision_records_context_alone() -> None:
    text = """
    # 12. Create IAM users on request

    ## Status

    Accepted

    ## Context

    An application may need a user, for example to send email with SES.

    ## Decision

    Teams ask for users through a pull request.
    """
    assert lint_with("EH004", text, path="docs/adr/0012-create-iam-users-on-request.md") == []


# --- EH004 traps: failure handled elsewhere, or the provider not called --------------------------------


def test_eh004_accepts_failure_handling_in_another_section() -> None:
    text = """
    # Instant receipts

    ## Requirements

    - After checkout, we send the receipt via SES to the address on the account.

    ## Failure handling

    - If SES rejects the message, we retry twice and then show the receipt on the order page.
    """
    assert lint_with("EH004", text) == []


def test_eh004_accepts_an_error_and_response_table() -> None:
    text = """
    # Sign-in codes

    ## Flow

    Twilio sends the one-time code to the phone on file.

    ## Errors

    | Error | Response |
    |-------|----------|
    | Code not delivered in 60 s | Offer to resend |
    """
    assert lint_with("EH004", text) == []


def test_eh004_accepts_an_edge_case_that_says_the_provider_is_down() -> None:
    text = """
    # Sign-in codes

    ## Flow

    Twilio sends the one-time code to the phone on file.

    ## Edge cases

    - Twilio is down: the code is sent by email instead.
    """
    assert lint_with("EH004", text) == []


def test_eh004_accepts_a_retry_written_in_prose() -> None:
    text = """
    # Sign-in codes

    ## Flow

    Twilio sends the one-time code to the phone on file. If Twilio is down we retry 3 times.
    """
    assert lint_with("EH004", text) == []


def test_eh004_ignores_providers_named_in_background_and_alternatives() -> None:
    text = """
    # Receipts v2

    ## Background

    The legacy shop sent receipts through Mailgun.

    ## Alternatives considered

    - Stripe receipts: rejected because they cannot show our loyalty points.

    ## Requirements

    - The order page shows a printable receipt.
    """
    assert lint_with("EH004", text) == []


def test_eh004_ignores_a_provider_planned_for_later() -> None:
    text = """
    # Run history

    ## Storage

    Runs are kept in SQLite on the host (or S3 later).
    """
    assert lint_with("EH004", text) == []


def test_eh004_ignores_a_provider_inside_quoted_words() -> None:
    text = """
    # Prompt box

    ## Flow

    The user types an idea such as "Build a Stripe checkout page" and the agent starts.
    """
    assert lint_with("EH004", text) == []


def test_eh004_accepts_an_edge_case_only_when_it_says_the_call_fails() -> None:
    text = """
    # Photo backup

    ## Requirements

    - New photos are uploaded to object storage.

    ## Edge cases

    - A photo deleted before it is backed up is not uploaded.
    """
    assert spans(lint_with("EH004", text)) == [(5, 30)]


def test_eh004_does_not_take_an_unanswered_question_for_failure_handling() -> None:
    text = """
    # Sign-in codes

    ## Flow

    Twilio sends the one-time code to the phone on file.

    ## Edge cases

    - What happens if Twilio is down?
    """
    assert spans(lint_with("EH004", text)) == [(5, 1)]


def test_eh004_accepts_a_question_answered_in_the_same_paragraph() -> None:
    text = """
    # Sign-in codes

    ## Flow

    Twilio sends the one-time code to the phone on file.

    ## FAQ

    What if the code never arrives? We resend it after a minute, three times at most.
    """
    assert lint_with("EH004", text) == []


def test_eh004_leaves_the_fixtures_of_a_test_section_alone() -> None:
    text = """
    # Quorum manager

    ## Requirements

    - The manager keeps three nodes running.

    ## Integration test fixture

    - The fixture uploads the node binary to S3 before the cluster starts.
    """
    assert lint_with("EH004", text) == []


def test_eh004_does_not_take_a_promise_to_handle_errors_gracefully_for_failure_handling() -> None:
    text = """
    # Receipts

    ## Flow

    Receipts are sent through Mailgun. Errors are handled gracefully.
    """
    assert spans(lint_with("EH004", text)) == [(5, 27)]


# --- EH003: EARS requirements that call out with no IF ... THEN -------------------------------------


def test_eh003_is_not_silenced_by_a_document_with_no_failure_word_at_all() -> None:
    text = """
    # Requirements Document

    ### Requirement 1: Export

    #### Acceptance Criteria

    1. WHEN the month closes, THE Ledger SHALL upload the statement to the archive.
    2. WHEN the statement is uploaded, THE Ledger SHALL email the accountant.

    ### Requirement 2: Import

    #### Acceptance Criteria

    1. WHEN a bank file arrives, THE Ledger SHALL import the CSV rows.
    """
    assert spans(lint_with("EH003", text, path="requirements.md")) == [(7, 4), (14, 4)]


def test_eh003_does_not_take_a_validation_criterion_for_failure_handling() -> None:
    text = """
    # Requirements Document

    ### Requirement 1: Export

    #### Acceptance Criteria

    1. WHEN the accountant asks for an export, THE Ledger SHALL validate the period.
    2. WHEN the period is valid, THE Ledger SHALL upload the statement to the archive.
    """
    assert spans(lint_with("EH003", text, path="requirements.md")) == [(8, 4)]


def test_eh003_does_not_take_a_precondition_for_the_unwanted_behaviour() -> None:
    text = """
    # Requirements Document

    ### Requirement 1: Export

    #### Acceptance Criteria

    1. WHEN the month closes, THE Ledger SHALL upload the statement to the archive.
    2. IF the accountant is not signed in, THEN THE Ledger SHALL show the sign-in page.
    """
    assert spans(lint_with("EH003", text, path="requirements.md")) == [(7, 4)]


def test_eh003_accepts_an_if_then_about_the_operation() -> None:
    text = """
    # Requirements Document

    ### Requirement 1: Export

    #### Acceptance Criteria

    1. WHEN the month closes, THE Ledger SHALL upload the statement to the archive.
    2. IF the archive does not acknowledge the upload within 30 seconds, THEN THE Ledger SHALL try again hourly.
    """
    assert lint_with("EH003", text, path="requirements.md") == []


# --- EH005: criteria that test only the success ------------------------------------------------------

STORY = """
# Gift cards

## User stories

### Story 1: Buy a gift card

As a shopper, I want to buy a gift card with my credit card, so that I can give it to a friend.

**Acceptance criteria**

- The shopper enters the amount and confirms.
- The user sees the confirmation page with the gift card code.

### Story 2: Check the balance

As a friend, I want to check my gift card balance.

**Acceptance criteria**

- The balance page shows the remaining amount.
"""


def test_eh005_flags_criteria_that_only_see_the_confirmation() -> None:
    findings = lint_with("EH005", STORY)
    assert spans(findings) == [(11, 3)]
    assert "Story 1" in findings[0].message and "'credit card' (payment)" in findings[0].message


def test_eh005_points_at_the_operation_when_the_criteria_name_it() -> None:
    text = """
    # Feature Specification: Photo backup

    ## User Scenarios & Testing

    ### User Story 1 - Back up photos (Priority: P1)

    A user turns on backup and every new photo is copied to the cloud.

    **Acceptance Scenarios**:

    1. **Given** backup is on, **When** the user takes a photo, **Then** the photo is uploaded within a minute.
    """
    assert spans(lint_with("EH005", text)) == [(11, 83)]


def test_eh005_accepts_a_criterion_for_the_decline() -> None:
    text = STORY.replace("- The user sees the confirmation page with the gift card code.",
                         "- The user sees the confirmation page with the gift card code.\n"
                         "- If the card is declined, the user sees the issuer's reason.")
    assert lint_with("EH005", text) == []


def test_eh005_accepts_the_decline_handled_in_an_edge_case_section() -> None:
    text = STORY + "\n## Edge cases\n\n- A declined card keeps the cart and shows the issuer's reason.\n"
    assert lint_with("EH005", text) == []


def test_eh005_leaves_stories_without_an_operation_that_can_fail() -> None:
    text = STORY.replace("with my credit card", "for a friend")
    assert lint_with("EH005", text) == []


# --- EH006: a kind of operation whose failure the document never addresses ---------------------------


def test_eh006_flags_payments_when_the_only_error_is_a_form_message() -> None:
    text = """
    # Checkout

    ## Requirements

    - Customers pay for the order by credit card at checkout.
    - Refunds are issued from the order page within 30 days.
    - The email field shows an error when the address is invalid.
    """
    findings = lint_with("EH006", text)
    assert spans(findings) == [(5, 34)]
    assert "(nor at line 6)" in findings[0].message


def test_eh006_accepts_a_sentence_that_says_what_a_decline_does() -> None:
    text = """
    # Checkout

    ## Requirements

    - Customers pay for the order by credit card at checkout.
    - Refunds are issued from the order page within 30 days.
    - A declined card keeps the cart and shows the issuer's reason.
    """
    assert lint_with("EH006", text) == []


def test_eh006_asks_for_two_mentions() -> None:
    text = """
    # Checkout

    ## Requirements

    - Customers pay for the order by credit card at checkout.
    """
    assert lint_with("EH006", text) == []


def test_eh006_leaves_named_providers_to_eh004() -> None:
    text = """
    # Backup

    ## Requirements

    - Photos are uploaded to S3 every night.
    - Uploads run on Wi-Fi only.
    """
    assert lint_with("EH006", text) == []
    assert len(lint_with("EH004", text)) == 1


def test_eh006_flags_a_scheduled_job_that_sends_a_file_once() -> None:
    text = """
    # Nightly inventory feed

    ## What

    Every night a scheduled job exports the stock levels and sends the file to each partner.
    """
    findings = lint_with("EH006", text)
    assert spans(findings) == [(5, 15)]
    assert "'scheduled job' can fail" in findings[0].message


def test_eh006_accepts_a_scheduled_job_whose_failure_is_handled() -> None:
    text = """
    # Nightly inventory feed

    Every night a scheduled job sends the file to each partner.
    A partner whose transfer fails is tried again every hour until 06:00.
    """
    assert lint_with("EH006", text) == []


def test_eh006_counts_an_upload_and_the_import_of_it_as_one_flow() -> None:
    text = """
    # Import your client list

    ## Solution

    The coach can upload a spreadsheet exported from their old tool.
    We import the CSV file and create one client per row.
    """
    assert spans(lint_with("EH006", text)) == [(5, 15)]


def test_eh006_reads_rows_that_do_not_parse_as_an_import_failure() -> None:
    text = """
    # Import your client list

    The coach can upload a spreadsheet, and we import the CSV file, one client per row.
    Rows that do not parse are listed in an import report.
    """
    assert lint_with("EH006", text) == []


def test_eh006_an_offline_mode_says_nothing_about_a_sync_failing() -> None:
    text = """
    # Field inspections

    ## Requirements

    - FR-1 The app shall let an inspector record findings while offline.
    - FR-2 The app shall synchronize inspection records with the central server when back online.
    - FR-3 The app shall upload the photos of each inspection to the document store.
    - FR-4 Inspectors can sync their records to the server from the settings page.
    """
    findings = lint_with("EH006", text)
    assert spans(findings) == [(6, 22)]
    assert "(nor at line 8)" in findings[0].message


def test_eh006_a_failed_transfer_reversed_addresses_the_bank_transfer() -> None:
    text = """
    # Driver payouts

    ## Requirements

    - Drivers are paid every Friday through a bank transfer.
    - Every payout is written to the ledger; a failed transfer is reversed with a compensating entry.
    - Drivers see each bank transfer in the app.
    """
    assert lint_with("EH006", text) == []


def test_eh006_a_billing_page_or_export_is_no_payment() -> None:
    text = """
    # Cloud cost dashboard

    ## Requirements

    - The dashboard shows spend per team from the billing export.
    - Team leads open the billing page from the dashboard.
    """
    assert lint_with("EH006", text) == []


def test_eh006_leaves_a_job_calling_a_named_provider_to_eh004() -> None:
    text = """
    # Address geocoding

    ## Design

    A nightly job sends each new address to the Google Maps API and stores the coordinates.
    The job runs again the next night for addresses edited during the day.
    """
    assert lint_with("EH006", text) == []
    assert spans(lint_with("EH004", text)) == [(5, 45)]


def test_eh003_flags_a_request_to_a_system_named_in_the_glossary() -> None:
    text = """
    # Requirements Document

    ### Requirement 1: Order hand-off

    #### Acceptance Criteria

    1. WHEN an order is paid, THE Order_Service SHALL send the order to the Warehouse_System.
    2. THE Order_Service SHALL include the shipping address in each hand-off.
    """
    findings = lint_with("EH003", text)
    assert spans(findings) == [(7, 4)]
    assert "'send the order to the Warehouse_System' can fail" in findings[0].message


def test_eh003_reads_a_404_page_as_the_failure_path_of_a_fetch() -> None:
    text = """
    # Requirements Document

    ### Requirement 1: Exercise page

    #### Acceptance Criteria

    1. WHEN the exercises page loads, THE System SHALL fetch task details from the backend.
    2. WHEN the task does not exist, THE System SHALL show a 404 page with navigation options.
    """
    assert lint_with("EH003", text) == []


def test_eh004_flags_a_message_broker_a_decision_record_adopts() -> None:
    text = """
    # 12. Publish order events to a message queue

    ## Status

    Accepted

    ## Decision

    The order service will publish an `order.created` event to RabbitMQ for the warehouse to consume.
    """
    findings = lint_with("EH004", text, path="docs/adr/0012-order-events.md")
    assert spans(findings) == [(9, 60)]
    assert "RabbitMQ (message queue)" in findings[0].message


def test_eh004_accepts_a_broker_whose_dead_letters_are_handled() -> None:
    text = """
    # Order events

    ## Design

    The order service publishes each event to SQS; the warehouse consumes it.
    A message that fails three times goes to a dead-letter queue that on-call reviews daily.
    """
    assert lint_with("EH004", text) == []


def test_eh004_a_broker_named_as_a_data_store_is_not_called() -> None:
    text = """
    # Streaming provider

    ## Resources

    - **Stores**: external data stores (Kafka, Kinesis, etc.)
    """
    assert lint_with("EH004", text) == []


def test_eh006_reads_the_operations_a_decision_record_decides() -> None:
    text = """
    # Fetch exchange rates from an external rates API

    ## Context and Problem Statement

    Prices in EUR are converted with rates an analyst types in each Monday.

    ## Considered Options

    * Fetch rates hourly from the rates API
    * Keep typing them in

    ## Decision Outcome

    Chosen option: fetch rates hourly, because prices follow the market within an hour.
    A background job calls the rates API every hour and stores the rates in the prices database.
    """
    findings = lint_with("EH006", text, path="docs/decisions/0004-exchange-rates.md")
    assert spans(findings) == [(15, 3)]
    assert "'background job' (scheduled job)" in findings[0].message


# --- damage tests on real documents: delete the failure handling, the finding appears ---------------

LOCKDROP = "kiro-more/49LabsAI__SovSeal__.kiro__specs__lockdrop-app__requirements.md"
QUESTION_SERVICE = "prds/andresharpe__dotbot__docs__specs__PRD-029-expand-question-service.md"
CD_PIPELINE = "kiro/staneslevski__kiro-autonomous-build__.kiro__specs__cd-pipeline__requirements.md"
COMMENT_PERSISTENCE = "prds/alexandre-schaffner__revv__docs__prds__01-comment-persistence.md"


def _lint_damaged(lines: list[str], rule: str, name: str) -> list[tuple[int, int]]:
    from speclint.api import lint_text

    findings = lint_text("\n".join(lines) + "\n", path=name, select=[rule], preview=True, isolated=True)
    return [(finding.span.start.line, finding.span.start.column) for finding in findings]


@requires_corpus
def test_deleting_the_if_then_of_a_real_kiro_upload_requirement_is_found() -> None:
    # The upload goes "to Web3_Storage via their API": a named service, EH004's one finding, to
    # which EH003 leaves the requirement (round 15); before that, EH003's finding at "WHEN".
    lines = (CORPUS / LOCKDROP).read_text(encoding="utf-8").splitlines()
    assert _lint_damaged(lines, "EH003", "requirements.md") == []
    assert _lint_damaged(lines, "EH004", "requirements.md") == []
    damaged = [line for line in lines if not line.startswith("3. IF the upload fails, THEN")]
    assert len(damaged) == len(lines) - 1
    assert _lint_damaged(damaged, "EH004", "requirements.md") == [
        position_of(damaged, "SHALL upload the blob to Web3_Storage", "Web3_Storage")]


@requires_corpus
def test_deleting_the_failure_paragraphs_of_a_real_prd_is_found_by_eh004() -> None:
    lines = (CORPUS / QUESTION_SERVICE).read_text(encoding="utf-8").splitlines()
    assert _lint_damaged(lines, "EH004", "prd.md") == []
    damaged = without_failure(lines)
    assert _lint_damaged(damaged, "EH004", "prd.md") == [
        position_of(damaged, "- **Azure Blob** - cloud deployments", "Azure")]


@requires_corpus
def test_deleting_the_failure_criteria_of_a_real_kiro_pipeline_is_found_by_eh004() -> None:
    lines = (CORPUS / CD_PIPELINE).read_text(encoding="utf-8").splitlines()
    assert _lint_damaged(lines, "EH004", "requirements.md") == []
    damaged = without_failure(lines)
    assert _lint_damaged(damaged, "EH004", "requirements.md") == [
        position_of(damaged, "- S3 bucket for pipeline artifacts", "S3")]


@requires_corpus
def test_deleting_the_error_handling_of_a_real_prd_is_found_by_eh006() -> None:
    lines = (CORPUS / COMMENT_PERSISTENCE).read_text(encoding="utf-8").splitlines()
    assert _lint_damaged(lines, "EH006", "prd.md") == []
    damaged = without_failure(lines)
    assert _lint_damaged(damaged, "EH006", "prd.md") == [
        position_of(damaged, "to call API endpoints instead", "call API")]


# A scheduled job added to a real PRD (no real specification in the corpus runs one): with the
# sentence on its failure, then without it.
PLATFORM_PRD = "prds/0al-spec__Platform__PRD.md"
NIGHTLY_EXPORT = ["", "## Nightly export", "",
                  "Every night a scheduled job exports the workspace index and sends the file to each partner.", ""]
EXPORT_FAILURE = "A partner whose transfer fails is tried again every hour until 06:00, then on-call is paged."


@requires_corpus
def test_a_real_prd_with_a_nightly_job_and_its_failure_sentence_is_not_flagged_by_eh006() -> None:
    lines = (CORPUS / PLATFORM_PRD).read_text(encoding="utf-8").splitlines()
    damaged = lines[:24] + NIGHTLY_EXPORT + [EXPORT_FAILURE, ""] + lines[24:]
    assert _lint_damaged(damaged, "EH006", "prd.md") == []


@requires_corpus
def test_deleting_the_failure_sentence_of_a_nightly_job_in_a_real_prd_is_found_by_eh006() -> None:
    lines = (CORPUS / PLATFORM_PRD).read_text(encoding="utf-8").splitlines()
    damaged = lines[:24] + NIGHTLY_EXPORT + lines[24:]
    assert _lint_damaged(damaged, "EH006", "prd.md") == [
        position_of(damaged, "a scheduled job exports", "scheduled job")]


# A message broker adopted in a real decision record's decision: with its dead-letter sentence, then without it.
CROWDIN_ADR = "adrs/JabRef__jabref__docs__decisions__0001-use-crowdin-for-translations.md"
BROKER_DECISION = "New strings are published to RabbitMQ for the translation bot to consume."
DEAD_LETTERS = "A message the bot cannot process goes to a dead-letter queue after three retries."


@requires_corpus
def test_deleting_the_dead_letter_sentence_of_a_broker_in_a_real_adr_is_found_by_eh004() -> None:
    lines = (CORPUS / CROWDIN_ADR).read_text(encoding="utf-8").splitlines()
    decision = next(index for index, line in enumerate(lines) if line.startswith("## Decision Outcome")) + 2
    with_safeguard = lines[:decision] + [BROKER_DECISION, DEAD_LETTERS, ""] + lines[decision:]
    assert _lint_damaged(with_safeguard, "EH004", "docs/decisions/0001-use-crowdin-for-translations.md") == []
    damaged = lines[:decision] + [BROKER_DECISION, ""] + lines[decision:]
    assert _lint_damaged(damaged, "EH004", "docs/decisions/0001-use-crowdin-for-translations.md") == [
        position_of(damaged, BROKER_DECISION, "RabbitMQ")]


def test_eh006_flags_data_sent_to_another_system_in_srs_requirements() -> None:
    text = """
    # SRS: Warehouse scanner app

    ## 3 Functional requirements

    - SR-1 The system shall transmit each scan to the inventory system within 5 seconds.
    - SR-2 The system shall integrate with the carrier's label service to print shipping labels.
    - SR-3 The scanner shall beep when a barcode is read.
    """
    findings = lint_with("EH006", text)
    assert spans(findings) == [(5, 25)]
    assert "(nor at line 6)" in findings[0].message
