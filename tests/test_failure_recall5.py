"""Issue 14: provider and operation failures in more shapes (EH003, EH004, EH006) and money moved in other
languages (RK009). One behaviour per test; fixtures written for these tests, damage tests on real corpus documents."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, md, requires_corpus, spans

from speclint.api import lint_text
from speclint.document.parser import parse
from speclint.reading.operations import provider_mentions_in

# --- EH004: more kinds of provider ---------------------------------------------------------------


def test_flags_an_identity_provider_that_signs_users_in() -> None:
    text = """
    # Admin console sign-in

    ## Requirements
    - Admins sign in through the company's Okta tenant over OIDC.
    - Sessions last eight hours.
    """
    findings = lint_with("EH004", text)
    assert spans(findings) == [(4, 40)]
    assert "Okta (identity provider)" in findings[0].message


def test_flags_an_identity_verification_vendor() -> None:
    text = """
    # Seller onboarding

    ## Flow
    1. We send the owner's ID document to Onfido for identity verification.
    2. When Onfido returns "clear", the seller can list products.
    """
    assert spans(lint_with("EH004", text)) == [(4, 39)]


def test_flags_a_model_api_named_with_the_api_called() -> None:
    text = """
    # Receipt scanning

    ## Requirements
    - The backend sends the receipt image to the OpenAI vision API and reads merchant and total.
    """
    findings = lint_with("EH004", text)
    assert spans(findings) == [(4, 46)]
    assert "(AI model API)" in findings[0].message


def test_a_model_brand_without_an_api_called_is_not_a_call() -> None:
    text = """
    # Provider selection

    ## Requirements
    - Add OpenAI Codex CLI as an alternative to the local CLI.
    - Document the OpenAI API key configuration in the setup guide.
    """
    assert lint_with("EH004", text) == []


def test_flags_someone_elses_api_named_by_its_owner() -> None:
    text = """
    # Shipping labels

    ## Scope
    - "Print label" requests a label and a tracking number from our shipping partner's API.
    """
    assert spans(lint_with("EH004", text)) == [(4, 74)]


def test_flags_a_file_drop() -> None:
    text = """
    # Payroll file

    ## How it works
    Every night the payroll service places the payment file on the bank's file drop.
    """
    findings = lint_with("EH004", text)
    assert spans(findings) == [(4, 71)]
    assert "(file transfer)" in findings[0].message


def test_a_provider_named_only_in_the_problem_statement_is_not_called() -> None:
    text = """
    # Budgets in the terminal

    ## Problem
    Heavy accounting suites (QuickBooks, Xero) are overkill for freelancers.

    ## Requirements
    - Budgets are planned per month in categories.
    """
    assert lint_with("EH004", text) == []


def test_a_provider_under_a_dont_touch_heading_is_not_called() -> None:
    text = """
    # Training feature

    ## Requirements
    - Add a GRPO trainer next to the SFT trainer.

    ## Don't touch
    - Uploads to Amazon S3 stay as they are.
    """
    assert lint_with("EH004", text) == []


def test_a_provider_not_yet_integrated_is_not_called() -> None:
    text = """
    # Stack

    ## Requirements
    - Sign-in: Auth0 (configured, not yet integrated).
    """
    assert lint_with("EH004", text) == []


# --- failure written in other languages, or in a "What if" section -------------------------------


def test_a_german_fehlerbehandlung_section_handles_the_provider() -> None:
    text = """
    # Terminerinnerungen

    ## Anforderungen
    - Erinnerungen werden per SMS über Twilio versendet.

    ## Fehlerbehandlung
    - Kann die SMS nicht zugestellt werden, erscheint der Termin auf der Rückrufliste.
    """
    assert lint_with("EH004", text) == []


def test_a_spanish_sentence_saying_the_provider_fails_handles_it() -> None:
    text = """
    # Confirmación de reservas

    ## Requisitos
    - La confirmación se envía por correo a través de SendGrid.
    - Si el proveedor falla, el envío se reintenta tres veces.
    """
    assert lint_with("EH004", text) == []


def test_a_french_en_cas_d_echec_handles_the_provider() -> None:
    text = """
    # Dépôt des factures

    ## Exigences
    - Les factures sont déposées chaque nuit sur le SFTP du cabinet comptable.
    - En cas d'échec du dépôt, le job alerte l'équipe finance.
    """
    assert lint_with("EH004", text) == []


def test_a_what_if_section_handles_the_provider() -> None:
    text = """
    # Seller onboarding

    ## Flow
    1. We send the owner's ID document to Onfido for identity verification.

    ## What if...
    **Onfido does not answer within a minute?** Verification finishes in the background.
    """
    assert lint_with("EH004", text) == []


# --- EH006: a single stated operation, one mention per line --------------------------------------


def test_one_stated_send_in_a_document_silent_on_failure_is_flagged() -> None:
    text = """
    # Back-in-stock alerts

    - Shoppers tap "Notify me" on a sold-out size.
    - When stock arrives, we send a push notification to everyone who asked.
    """
    assert spans(lint_with("EH006", text)) == [(4, 26)]


def test_one_passing_mention_in_a_subordinate_clause_is_not_enough() -> None:
    text = """
    # Referral credit

    ## Requirements
    - Credit is applied at checkout before charging the card.
    """
    assert lint_with("EH006", text) == []


def test_one_call_to_another_service_is_not_enough_in_a_silent_document() -> None:
    text = """
    # Fraud screening

    ## Requirements
    - On sign-up the backend calls the fraud scoring service with the IP address.
    """
    assert lint_with("EH006", text) == []


def test_each_line_of_a_paragraph_counts_as_a_mention() -> None:
    text = """
    # Library holds

    ## Functional requirements
    REQ-12 The system shall send an email to the patron when a held item is ready.
    REQ-13 The system shall send a reminder email two days before the hold expires.

    ## Errors
    An unknown patron number shows an inline error.
    """
    findings = lint_with("EH006", text)
    assert spans(findings) == [(4, 25)]
    assert "line 5" in findings[0].message


def test_an_import_of_every_row_is_an_import() -> None:
    text = """
    # Catalogue onboarding

    **Import:** merchants drop their spreadsheet on the page and we import every row as a product.
    **Review:** once the import completes, the merchant publishes the catalogue.
    """
    assert spans(lint_with("EH006", text)) == [(3, 65)]


# --- EH003: a sync to a system named the Kiro way ------------------------------------------------


def test_an_ears_sync_to_a_named_service_has_no_if_then() -> None:
    text = """
    # Requirements Document

    ### Requirement 1: Sync job notes

    #### Acceptance Criteria

    1. WHEN the device regains connectivity THE Field_App SHALL sync all unsent job notes to the Job_Service.
    """
    findings = lint_with("EH003", text, path="requirements.md")
    assert spans(findings) == [(7, 4)]
    assert "can fail" in findings[0].message


# --- the shared reading ---------------------------------------------------------------------------


def test_provider_mentions_in_the_body_leave_out_headings_and_the_problem() -> None:
    document = parse(md("""
    # Twilio reminders

    ## Problem
    Clinics text patients from Twilio one by one.

    ## Requirements
    - Reminders are sent through Twilio.
    """), "spec.md")
    assert [span.start.line for _kind, _brand, span in provider_mentions_in(document)] == [1, 4, 7]
    assert [span.start.line for _kind, _brand, span in provider_mentions_in(document, ("SMS",), body_only=True)] == [7]


# --- RK009: money in other languages --------------------------------------------------------------


def test_flags_german_money_movements_without_a_safeguard() -> None:
    text = """
    # Guthabenkonto

    ## Anforderungen
    - Kunden laden ihr Guthaben per Kreditkarte auf.
    - Bei jeder Bestellung wird der Betrag vom Guthaben abgebucht.
    """
    assert spans(lint_with("RK009", text)) == [(4, 10)]


def test_a_german_idempotency_key_is_a_safeguard() -> None:
    text = """
    # Guthabenkonto

    ## Anforderungen
    - Kunden laden ihr Guthaben per Kreditkarte auf.
    - Bei jeder Bestellung wird der Betrag vom Guthaben abgebucht.
    - Jede Aufladung trägt einen Idempotenzschlüssel; eine wiederholte Anfrage bucht nie doppelt.
    """
    assert lint_with("RK009", text) == []


def test_a_scenario_title_is_not_where_the_money_finding_points() -> None:
    text = """
    # Tickets

    ## Flow
    The buyer pays for the seats by card at checkout.

    ## Acceptance criteria
    Scenario: Buy two tickets
      When I pay with a valid card
      Then my card is charged for two tickets
    """
    assert [line for line, _column in spans(lint_with("RK009", text))] == [4]  # not line 7's title


# --- damage tests on a real document --------------------------------------------------------------

CFO_PRD = "prds/Neskys__cfo-cli__docs__prd__PRD.md"


@requires_corpus
def test_a_real_prd_naming_accounting_suites_in_its_problem_is_not_flagged() -> None:
    text = (CORPUS / CFO_PRD).read_text(encoding="utf-8")
    assert lint_text(text, path="PRD.md", select=["EH004"], isolated=True) == []


@requires_corpus
def test_an_accounting_api_added_to_a_real_prds_requirements_is_found(tmp_path: Path) -> None:
    lines = (CORPUS / CFO_PRD).read_text(encoding="utf-8").splitlines()
    at = next(index for index, line in enumerate(lines) if line.startswith("- **Reports**")) + 1
    lines.insert(at, "- **Ledger export** — posts each month's entries to the Xero API as draft journals. *(v1.0)*")
    damaged = tmp_path / "PRD.md"
    damaged.write_text("\n".join(lines) + "\n", encoding="utf-8")
    findings = lint_text(damaged.read_text(encoding="utf-8"), path=str(damaged), select=["EH004"], isolated=True)
    assert [(f.span.start.line, f.span.start.column) for f in findings] == [(at + 1, lines[at].index("Xero") + 1)]


@requires_corpus
def test_a_wallet_added_to_a_real_prds_requirements_is_found(tmp_path: Path) -> None:
    lines = (CORPUS / CFO_PRD).read_text(encoding="utf-8").splitlines()
    at = next(index for index, line in enumerate(lines) if line.startswith("- **Reports**")) + 1
    lines[at:at] = ["- **Wallet** — users top up a prepaid wallet by card to unlock premium forecasts. *(v1.0)*",
                    "- **Premium forecasts** — each premium forecast deducts its price from the wallet balance. *(v1.0)*"]
    damaged = tmp_path / "PRD.md"
    damaged.write_text("\n".join(lines) + "\n", encoding="utf-8")
    findings = lint_text(damaged.read_text(encoding="utf-8"), path=str(damaged), select=["RK009"], isolated=True)
    assert [(f.span.start.line, f.span.start.column) for f in findings] == [(at + 1, lines[at].index("top up") + 1)]
