"""Precision on bench/cleanset2 (round 14, clean9): shapes of clean documents that default rules
flagged, each held here by a fixture written for this test, beside the defect the rule still finds.

- TR006: a section of a contract, agreement or policy ("as stated in contract section 7.2").
- AC002: a verification section that covers every requirement ("Each requirement is verified by
  test") and names a few for a second method.
- EC001: EARS unwanted behaviour written in German, Spanish or French (FALLS ... DANN, SI ...
  ENTONCES, SI ... ALORS).
- RK009: money captured once ("captured once, after packing"); a German duplicate check that
  says nothing is reimbursed twice ("damit nichts zweimal erstattet wird").
- EH006: billing as a system, a service account or a schedule ("the billing system's queue").
"""

from __future__ import annotations

from conftest import lint_with, spans

# --- TR006: sections of another document -----------------------------------------------------

NUMBERED = """
# SRS: Meter reading ingest

## 1. Introduction

Readings come from the contractor.

## 2. Overall description

{sentence}

## 3. Requirements

- REQ-1 The service shall poll every 15 minutes.
"""


def test_tr006_leaves_a_section_of_the_contract_alone() -> None:
    text = NUMBERED.format(sentence="The contractor delivers files by 06:00, as stated in contract section 7.2.")
    assert lint_with("TR006", text) == []


def test_tr006_leaves_a_section_of_a_policy_in_a_table_cell_alone() -> None:
    text = NUMBERED.format(sentence="| Requirement | Source |\n|---|---|\n| REQ-1 | Contract section 7 |")
    assert lint_with("TR006", text) == []


def test_tr006_still_flags_a_section_of_this_document_that_does_not_exist() -> None:
    text = NUMBERED.format(sentence="The contractor delivers files by 06:00, as stated in section 7.2.")
    assert spans(lint_with("TR006", text)) == [(9, 54)]


# --- AC002: a verification section that covers every requirement -------------------------------

VERIFIED = """
# Software Requirements Specification: Meter reading ingest

## 3. Specific requirements

- **REQ-1** The service shall poll the SFTP server every 15 minutes.
- **REQ-2** The service shall skip a file it has already processed.
- **REQ-3** The service shall process a file of 200,000 lines within 5 minutes.

## 4. Verification

{verification}
"""


def test_ac002_accepts_a_verification_section_that_covers_each_requirement() -> None:
    text = VERIFIED.format(verification="Each requirement is verified by test in the staging environment. "
                                        "REQ-3 is also verified by load test.")
    assert lint_with("AC002", text) == []


def test_ac002_still_flags_requirements_a_verification_section_leaves_out() -> None:
    text = VERIFIED.format(verification="REQ-3 is verified by load test in the staging environment.")
    assert [finding.span.start.line for finding in lint_with("AC002", text)] == [5, 6]


# --- EC001: EARS unwanted behaviour in German, Spanish and French ------------------------------


def test_ec001_counts_german_ears_conditions_as_edge_cases_handled() -> None:
    text = """
    # Anforderungsdokument

    ### Anforderung 1: Texterkennung

    **User Story:** Als Mitarbeiterin möchte ich, dass der Betrag vorausgefüllt ist.

    #### Akzeptanzkriterien

    1. WENN ein Bild hochgeladen ist, DANN SOLL das System den Betrag erkennen.
    2. FALLS der Erkennungsdienst einen Fehler liefert, DANN SOLL das System das Formular leer anzeigen.
    3. FALLS der Betrag unsicher erkannt wird, DANN SOLL das System das Feld gelb markieren.
    """
    assert lint_with("EC001", text) == []


def test_ec001_counts_spanish_ears_conditions_as_edge_cases_handled() -> None:
    text = """
    # Documento de requisitos

    ### Requisito 1: Reserva

    **Historia de usuario:** Como jugador, quiero reservar una pista.

    #### Criterios de aceptación

    1. CUANDO el jugador elige una hora, EL sistema DEBERÁ bloquear la pista.
    2. SI el pago se rechaza, ENTONCES el sistema DEBERÁ liberar la pista.
    3. SI el jugador cancela tarde, ENTONCES el sistema DEBERÁ cobrar la reserva.
    """
    assert lint_with("EC001", text) == []


def test_ec001_still_flags_german_requirements_with_no_condition_and_no_edge_case() -> None:
    text = """
    # Anforderungsdokument

    ### Anforderung 1: Texterkennung

    **User Story:** Als Mitarbeiterin möchte ich, dass der Betrag vorausgefüllt ist.

    #### Akzeptanzkriterien

    1. WENN ein Bild hochgeladen ist, DANN SOLL das System den Betrag erkennen.
    2. WENN der Betrag erkannt ist, DANN SOLL das System ihn im Formular anzeigen.
    """
    assert len(lint_with("EC001", text)) == 1


# --- RK009: money moved once, said in other words ----------------------------------------------


def test_rk009_accepts_a_payment_captured_once() -> None:
    text = """
    # PR/FAQ: Substitution approvals

    Customers approve substitutions while the order is picked, at checkout prices.

    **How is the price difference charged correctly?**
    The card is authorised for the basket total plus 10% at checkout and captured once, after packing,
    for the final amount. If the capture fails, the payment team's standard retry applies.
    """
    assert lint_with("RK009", text) == []


def test_rk009_accepts_a_german_duplicate_check_against_reimbursing_twice() -> None:
    text = """
    # Belegerfassung

    Mitarbeitende reichen Belege ein; die Buchhaltung prüft und erstattet.

    ### Anforderung 4: Doppelte Belege

    **User Story:** Als Buchhalter möchte ich doppelt eingereichte Belege erkennen, damit nichts zweimal
    erstattet wird.
    """
    assert lint_with("RK009", text) == []


def test_rk009_still_flags_a_payment_authorised_and_captured_with_no_safeguard() -> None:
    text = """
    # PR/FAQ: Substitution approvals

    Customers approve substitutions while the order is picked, at checkout prices.

    **How is the price difference charged?**
    The card is authorised for the basket total at checkout and captured after packing for the final amount.
    """
    assert len(lint_with("RK009", text)) == 1


# --- EH006: billing as a system ----------------------------------------------------------------

BILLING = """
# Software Requirements Specification: Meter reading ingest

## Scope

The service collects reading files, validates them and makes them available to billing.

## Requirements

- REQ-1 The service shall publish accepted readings to the billing system's message queue.
- REQ-2 Stored readings shall be readable only by the ingest and billing service accounts.
- REQ-3 If publishing to the queue fails, the service shall retry every minute for 24 hours.
{extra}
"""


def test_eh006_leaves_billing_as_a_system_and_its_service_accounts_alone() -> None:
    assert lint_with("EH006", BILLING.format(extra="")) == []


def test_eh006_still_flags_billing_customers_with_no_word_on_declines() -> None:
    extra = ("- REQ-4 The service shall bill each customer's card for the readings every month.\n"
             "- REQ-5 The service shall send each customer an invoice for the card payment.")
    assert len(lint_with("EH006", BILLING.format(extra=extra))) == 1
