"""Issue 14, sixth session: the error-handling and money classes independent writers produce (EH004,
EH006, RK009). One behaviour per test; fixtures written for these tests, damage tests on real corpus
documents at exact line and column."""

from __future__ import annotations

from conftest import lint_with, requires_corpus, spans
from damage import damaged_text, lint_positions

# --- EH004: a service named by a brand no list holds ------------------------------------------


def test_flags_a_named_api_the_sentence_sends_to() -> None:
    text = """
    # Expense capture

    ## Requirements
    - Each receipt photo is sent to the Receiptly OCR API, which returns the total.
    - The employee confirms the total before submitting.
    """
    findings = lint_with("EH004", text)
    assert spans(findings) == [(4, 37)]
    assert "Receiptly OCR API (external API)" in findings[0].message


def test_flags_another_companys_service_named_with_a_possessive() -> None:
    text = """
    # Lease signing

    ## Requirements
    - The system submits each lease to Verity's e-signature service and stores the signed copy.
    """
    assert spans(lint_with("EH004", text)) == [(4, 36)]


def test_a_named_api_nothing_calls_is_no_provider() -> None:
    text = """
    # Expense capture

    ## Requirements
    - The Receiptly OCR API returns merchant, date and total for a photo.
    """
    assert lint_with("EH004", text) == []


def test_the_documents_own_api_is_no_provider() -> None:
    text = """
    # Ledger API

    ## Requirements
    - Partners post journal entries to the Ledger API with their client credentials.
    """
    assert lint_with("EH004", text) == []


def test_a_named_api_whose_timeout_is_handled_is_not_flagged() -> None:
    text = """
    # Expense capture

    ## Requirements
    - Each receipt photo is sent to the Receiptly OCR API.
    - If the Receiptly API times out, the photo is kept and the scan is retried hourly.
    """
    assert lint_with("EH004", text) == []


def test_flags_someone_elses_api_in_german() -> None:
    text = """
    # Lieferadressen

    ## Anforderungen
    1. WENN die Kundin eine Adresse eingibt, DANN SOLL der Dienst die Geo-API des Kartenanbieters abfragen.
    """
    assert spans(lint_with("EH004", text)) == [(4, 67)]


def test_a_german_decision_word_is_no_word_on_the_api_failing() -> None:
    text = """
    # Ersatzartikel

    ## Anforderungen
    1. WENN ein Ersatz gewählt wird, DANN SOLL der Dienst den Preis bei der API des Großhändlers abfragen.
    2. WENN die Kundin nicht antwortet, DANN SOLL der Dienst den Ersatz als abgelehnt behandeln.
    """
    assert spans(lint_with("EH004", text)) == [(4, 73)]


def test_flags_a_payment_processor_brand_independent_writers_name() -> None:
    text = """
    # Scooter fares

    ## Requirements
    - When the ride ends, the fare is charged through Worldline to the saved card.
    """
    assert spans(lint_with("EH004", text)) == [(4, 51)]


# --- EH004: words that look like failure handling and are not -----------------------------------


def test_a_size_limit_refused_is_no_word_on_the_upload_failing() -> None:
    text = """
    # Video answers

    ## Requirements
    - Videos are uploaded to Cloudflare R2 and linked from the ticket.
    - The app refuses videos longer than 2 minutes.
    """
    assert spans(lint_with("EH004", text)) == [(4, 26)]


def test_a_customer_dispute_is_no_word_on_the_charge_failing() -> None:
    text = """
    # Equipment deposit

    ## Requirements
    1. The renter pays a deposit; the card is charged through Adyen.
    2. A renter who disagrees with a damage fee can dispute it within 7 days.
    """
    assert spans(lint_with("EH004", text)) == [(4, 59)]


def test_an_error_shown_as_a_field_is_no_word_on_the_sync_failing() -> None:
    text = """
    # Inventory sync

    ## Requirements
    - Every 15 minutes stock levels are pushed to the Shopify Admin API.
    - The status screen lists the time of the last sync and the last error.
    """
    assert spans(lint_with("EH004", text)) == [(4, 51)]


# --- EH004: where a provider is called ----------------------------------------------------------


def test_an_overview_under_the_design_is_the_design() -> None:
    text = """
    # Design: Thumbnails

    ## Design

    ### Overview
    1. The worker writes each size to the `thumbs` S3 bucket and publishes `thumb.ready`.
    """
    assert spans(lint_with("EH004", text)) == [(6, 48)]


def test_a_provider_named_only_in_the_documents_overview_is_not_called() -> None:
    text = """
    # Invoice reminders

    ## Overview
    Heavy suites such as QuickBooks are too much for a freelancer.

    ## Requirements
    - The app shows overdue invoices first.
    """
    assert lint_with("EH004", text) == []


def test_a_decision_that_uploads_to_storage_answers_for_it() -> None:
    text = """
    # 7. Off-site dumps

    ## Status
    Accepted

    ## Decision
    The backup job uploads each nightly dump to a Backblaze B2 bucket in another region.
    """
    assert spans(lint_with("EH004", text, path="docs/adr/0007-off-site-dumps.md")) == [(7, 47)]


def test_an_implementation_plan_is_a_task_list_under_any_name() -> None:
    text = """
    # Implementation Plan

    - [ ] 1. Implement public key retrieval from Talisman API
    """
    assert lint_with("EH004", text, path="lockdrop-plan.md") == []


# --- EH006: an operation denied is not named ----------------------------------------------------


def test_no_payments_names_no_payment() -> None:
    text = """
    # Tip poster

    ## What we build
    A printable QR poster that links to the musician's page. No payments go through us.
    """
    assert lint_with("EH006", text) == []


# --- RK009: a safeguard only asked about --------------------------------------------------------


def test_a_safeguard_only_asked_about_is_no_safeguard() -> None:
    text = """
    # Bill split

    ## Requirements
    - The host pays the whole bill with their saved card.
    - Each guest is charged their share when they accept the split.

    ## Edge cases
    - What if a guest is charged twice because they tapped Accept twice?
    """
    assert spans(lint_with("RK009", text)) == [(4, 12)]


def test_a_safeguard_question_answered_is_a_safeguard() -> None:
    text = """
    # Bill split

    ## Requirements
    - The host pays the whole bill with their saved card.
    - Each guest is charged their share when they accept the split.

    ## Edge cases
    - What if a guest taps Accept twice? The split ID is an idempotency key, so the guest is charged once.
    """
    assert lint_with("RK009", text) == []


def test_spanish_abona_moves_money() -> None:
    text = """
    # Pago de días no disfrutados

    ## Requisitos
    - El sistema DEBE enviar el importe a la API de nóminas, que lo abona en la cuenta del empleado.
    - RR. HH. DEBE poder reenviar el pago; la API de nóminas lo abona de nuevo en la cuenta.
    """
    assert spans(lint_with("RK009", text)) == [(4, 19)]


# --- damage tests on real corpus documents ------------------------------------------------------

LEAN_PRD = "prds/Ceee17__browser-flow__PRODUCT_REQUIREMENTS.md"


@requires_corpus
def test_a_named_api_inserted_into_a_real_prd_is_found_at_its_line_and_column() -> None:
    assert lint_positions("EH004", LEAN_PRD) == []
    text, line = damaged_text(LEAN_PRD, "- As an operator, I can upload a workflow JSON.",
                              "- As an operator, I can upload a workflow JSON.\n"
                              "- Each finished run is sent to the Tracelane audit API for storage.")
    assert lint_positions("EH004", LEAN_PRD, text) == [(line + 1, 36)]
