"""Issue 14, eighth session (fam-eh8): error-handling classes of blind writers' product documents.
Precision: a provider used by hand or left, payments named as a module or a team, a paragraph's line
wrap. Recall: a document title that says "later", syncs from the HR system, "gets a confirmation
email", one stated payment where the only error is a form's, services named by brand with
"service" or "endpoint", named APIs listed in a table of calls. One behaviour per test; fixtures
written for these tests, damage tests on real corpus documents at exact line and column."""

from __future__ import annotations

from conftest import lint_with, requires_corpus, spans
from damage import damaged_text, lint_positions

# --- EH004: precision -------------------------------------------------------------------------


def test_a_provider_someone_uses_by_hand_is_not_called() -> None:
    text = """
    # Repair requests

    ## How it works today
    An agent types each request into Zendesk by hand and phones the contractor.

    ## Requirements
    - Tenants report a repair in the app, with photos.
    """
    assert lint_with("EH004", text) == []


def test_a_provider_the_team_stops_using_is_not_called() -> None:
    text = """
    # Repair requests

    ## Requirements
    - Requests land in the new repairs inbox. Agents stop using Zendesk for repairs.
    """
    assert lint_with("EH004", text) == []


def test_a_wrapped_line_does_not_end_the_sentence_that_leaves_the_provider() -> None:
    text = """
    # Repair requests

    ## Requirements
    Requests land in the new repairs inbox. Agents stop using
    Zendesk for repairs; it stays for billing questions.
    """
    assert lint_with("EH004", text) == []


def test_a_provider_used_in_the_same_sentence_is_still_called() -> None:
    text = """
    # Repair requests

    ## Requirements
    - Each repair request is created as a ticket in Zendesk with the tenant's photos.
    """
    assert spans(lint_with("EH004", text)) == [(4, 49)]


# --- EH004: recall ----------------------------------------------------------------------------


def test_a_document_title_that_says_later_is_no_later_phase() -> None:
    text = """
    # Pay later for furniture

    ## Solution
    - At checkout the shopper picks "Pay in 3" and is charged through Klarna.
    """
    assert spans(lint_with("EH004", text)) == [(4, 67)]


def test_a_later_phase_under_the_title_is_still_skipped() -> None:
    text = """
    # Pay later for furniture

    ## Later phases
    - Charge instalments through Klarna.
    """
    assert lint_with("EH004", text) == []


def test_flags_a_named_service_a_sentence_sends_to() -> None:
    text = """
    # Contract PDFs

    ## Design
    1. The worker sends the filled template to the Paperform rendering service, which returns the PDF.
    """
    findings = lint_with("EH004", text)
    assert spans(findings) == [(4, 48)]
    assert "Paperform rendering service (external API)" in findings[0].message


def test_flags_a_plural_possessive_endpoint() -> None:
    text = """
    # Cake orders

    ## Requirements
    When a cake order is paid, the order service posts it to Miettes' orders endpoint.
    """
    assert spans(lint_with("EH004", text)) == [(4, 58)]


def test_flags_a_named_api_alone_in_a_table_of_calls() -> None:
    text = """
    # Seller onboarding

    ## Integrations

    | System | Called for |
    |---|---|
    | Sift API | fraud score of each new seller |
    """
    assert spans(lint_with("EH004", text)) == [(7, 3)]


def test_a_named_api_in_a_table_that_lists_no_calls_is_no_provider() -> None:
    text = """
    # Seller onboarding

    ## Glossary

    | Term | Meaning |
    |---|---|
    | Sift API | the fraud vendor's scoring API |
    """
    assert lint_with("EH004", text) == []


# --- EH006 ------------------------------------------------------------------------------------


def test_payments_named_as_a_module_make_no_payment() -> None:
    text = """
    # 21. Move the payments module to its own repository

    ## Status
    Accepted

    ## Decision
    We will move the payments module into its own repository.
    The payments team reviews every change to it.
    """
    assert lint_with("EH006", text, path="0021-payments-repo.md") == []


def test_flags_a_nightly_sync_from_the_hr_system() -> None:
    text = """
    # Leavers

    ## Behaviour
    Every night we sync employees from the HR system and disable the accounts of leavers.
    """
    assert spans(lint_with("EH006", text)) == [(4, 16)]


def test_flags_one_refund_where_the_only_error_is_a_forms() -> None:
    text = """
    # Self-service cancellations

    ## Requirements
    - The refund is issued to the original card when the order is cancelled.
    - The reason field shows an error if it is left empty.
    """
    assert spans(lint_with("EH006", text)) == [(4, 7)]


def test_a_confirmation_email_the_customer_gets_is_a_message_sent() -> None:
    text = """
    # Self-service cancellations

    ## Requirements
    - The customer gets a confirmation email with the amount.
    - The reason field shows an error if it is left empty.
    """
    assert spans(lint_with("EH006", text)) == [(4, 16)]


def test_a_message_in_an_edge_cases_outcome_is_not_the_operation() -> None:
    text = """
    # Order tracking

    ## Edge cases
    - The courier changes: the map follows the new courier and the customer gets a push notification.

    ## Requirements
    - The status field shows an error if it is left empty.
    """
    assert lint_with("EH006", text) == []


def test_one_refund_in_a_document_that_handles_failures_is_not_flagged() -> None:
    text = """
    # Self-service cancellations

    ## Requirements
    - The refund is issued to the original card when the order is cancelled.
    - If the refund is declined by the card issuer, support is alerted and pays it by bank transfer.
    """
    assert lint_with("EH006", text) == []


# --- damage tests on real documents ---------------------------------------------------------

LEAN_PRD = "prds/Ceee17__browser-flow__PRODUCT_REQUIREMENTS.md"


@requires_corpus
def test_a_named_service_inserted_into_a_real_prd_is_found_at_its_line_and_column() -> None:
    assert lint_positions("EH004", LEAN_PRD) == []
    text, line = damaged_text(LEAN_PRD, "- As an operator, I can upload a workflow JSON.",
                              "- As an operator, I can upload a workflow JSON.\n"
                              "- Each finished run is sent to the Tracelane archiving service.")
    assert lint_positions("EH004", LEAN_PRD, text) == [(line + 1, 36)]


@requires_corpus
def test_an_hr_sync_inserted_into_a_real_prd_is_found_at_its_line_and_column() -> None:
    before = lint_positions("EH006", LEAN_PRD)
    text, line = damaged_text(LEAN_PRD, "- As an operator, I can upload a workflow JSON.",
                              "- As an operator, I can upload a workflow JSON.\n"
                              "- Every night the control room syncs operators from the HR system.\n"
                              "- Operators added by hand are kept until the next sync with the HR system.")
    after = lint_positions("EH006", LEAN_PRD, text)
    assert (line + 1, 32) in after and (line + 1, 32) not in before


def test_a_tool_people_work_in_is_not_called() -> None:
    text = """
    # Refund requests

    ## Requirements
    - Customers ask for a refund from the order page.
    - Support agents review each refund request in Zendesk.
    """
    assert lint_with("EH004", text) == []


def test_a_tool_the_product_writes_to_automatically_is_called() -> None:
    text = """
    # Refund requests

    ## Requirements
    - Support agents get each refund request in Zendesk automatically, with the order attached.
    """
    assert spans(lint_with("EH004", text)) == [(4, 45)]
