"""Recall of the error-handling rules on the shapes round 9 found missed: a provider called in a
PR/FAQ's internal FAQ, failure words that state a decision ("approves or rejects", "refuses a
request for ..."), a channel that is itself the fallback ("SMS fallback"), the "Resend" link of a
code screen, a lifecycle status table, and a call to a system the document names once as a call
and again elsewhere. Fixtures written for these tests, and damage tests on real corpus documents."""

from __future__ import annotations

from conftest import CORPUS, lint_with, requires_corpus, spans
from damage import position_of, without_failure

# --- EH004: where a provider is called, and what does not handle its failure ----------------------


def test_eh004_reads_the_internal_faq_of_a_pr_faq() -> None:
    text = """
    # PR/FAQ: Gift cards

    ## Press release

    Shoppers can now send a gift card by email.

    ## Frequently asked questions

    ### Internal FAQ

    **How is the card paid for?**
    The buyer pays through Adyen and the card code is stored once the payment is captured.
    """
    assert spans(lint_with("EH004", text)) == [(12, 24)]


def test_eh004_leaves_open_questions_alone() -> None:
    text = """
    # Gift cards

    ## Open questions

    - Should the buyer pay through Adyen or through the existing checkout?
    """
    assert lint_with("EH004", text) == []


def test_eh004_an_approval_decision_is_no_word_on_the_email_failing() -> None:
    text = """
    # Leave requests

    ## Flow

    When a manager approves or rejects a leave request, the employee is emailed through Postmark.
    """
    assert spans(lint_with("EH004", text)) == [(5, 85)]


def test_eh004_a_bounce_in_the_same_flow_still_handles_the_email() -> None:
    text = """
    # Leave requests

    ## Flow

    When a manager approves or rejects a leave request, the employee is emailed through Postmark.
    An email that bounces is shown to HR on the request's page.
    """
    assert lint_with("EH004", text) == []


def test_eh004_a_channel_that_is_the_fallback_is_no_fallback_for_its_own_failure() -> None:
    text = """
    # Voice fallback for delivery updates

    ## Solution

    Couriers who do not open the app get an SMS fallback sent by Vonage with the delivery slot.
    """
    assert spans(lint_with("EH004", text)) == [(5, 62)]


def test_eh004_a_resend_link_is_no_word_on_the_text_failing() -> None:
    text = """
    # One-time codes

    ## Screens

    - Code screen: a "Resend" link, enabled after a minute.
    - Codes are texted through Plivo.
    """
    assert spans(lint_with("EH004", text)) == [(6, 28)]


def test_eh004_a_lifecycle_status_table_is_no_error_table() -> None:
    text = """
    # Claims

    ## Flow

    Each status change is emailed to the claimant through Mailgun.

    ## Statuses

    | Status | Meaning |
    |---|---|
    | Submitted | waiting for an assessor |
    | Rejected | rejected by the assessor, with a reason |
    """
    assert spans(lint_with("EH004", text)) == [(5, 55)]


def test_eh004_a_status_code_table_is_still_an_error_table() -> None:
    text = """
    # Claims

    ## Flow

    Each status change is emailed to the claimant through Mailgun.

    ## Responses

    | Status | Meaning |
    |---|---|
    | 502 | Mailgun rejected the email; it is retried hourly |
    """
    assert lint_with("EH004", text) == []


# --- EH006: a call to a named system, and refusals that are business rules ----------------------


def test_eh006_flags_a_call_to_a_system_the_document_comes_back_to() -> None:
    text = """
    # Repair bookings

    ## Users

    - Dealers, who confirm bookings in the Dealer Management system.

    ## Requirements

    R1. The app shall send the booking to the Dealer Management system.

    R2. The app shall refuse a booking for a date less than 2 days ahead, with a message.
    """
    findings = lint_with("EH006", text)
    assert spans(findings) == [(9, 19)]
    assert "call to another service" in findings[0].message


def test_eh006_a_call_named_once_to_a_system_named_nowhere_else_is_not_enough() -> None:
    text = """
    # Repair bookings

    ## Requirements

    R1. The app shall send the booking to the Dealer Management system.
    """
    assert lint_with("EH006", text) == []


def test_eh006_accepts_the_system_rejecting_the_call() -> None:
    text = """
    # Repair bookings

    ## Users

    - Dealers, who confirm bookings in the Dealer Management system.

    ## Requirements

    R1. The app shall send the booking to the Dealer Management system.

    R2. When the Dealer Management system rejects the booking or its API times out, the app shall
    keep the booking as a draft and tell the customer.
    """
    assert lint_with("EH006", text) == []


# --- damage tests on real documents -----------------------------------------------------------------

# A real PRD that calls Azure Blob storage and handles its failure (tests/test_failure_recall.py).
QUESTION_SERVICE = "prds/andresharpe__dotbot__docs__specs__PRD-029-expand-question-service.md"


def _lint(lines: list[str], rule: str, name: str = "prd.md") -> list[tuple[int, int]]:
    from speclint.api import lint_text

    findings = lint_text("\n".join(lines) + "\n", path=name, isolated=True)
    return [(finding.span.start.line, finding.span.start.column) for finding in findings if finding.rule_id == rule]


@requires_corpus
def test_failure_paragraphs_replaced_by_a_review_decision_are_found_by_eh004() -> None:
    lines = (CORPUS / QUESTION_SERVICE).read_text(encoding="utf-8").splitlines()
    damaged = without_failure(lines)
    damaged += ["", "## Review", "", "A maintainer approves or rejects each question before it is published.", ""]
    assert _lint(damaged, "EH004") == [position_of(damaged, "- **Azure Blob** - cloud deployments", "Azure")]


@requires_corpus
def test_failure_paragraphs_replaced_by_a_status_table_are_found_by_eh004() -> None:
    lines = (CORPUS / QUESTION_SERVICE).read_text(encoding="utf-8").splitlines()
    damaged = without_failure(lines)
    damaged += ["", "## Question statuses", "", "| Status | Meaning |", "|---|---|", "| Open | asked |",
                "| Declined | declined by the owner |", ""]
    assert _lint(damaged, "EH004") == [position_of(damaged, "- **Azure Blob** - cloud deployments", "Azure")]
