"""Issue 14, sixteenth round (ehmoney11): another system's failure, and money moved again.
EH004 recall: a system called by its acronym alone, in English, Spanish, Portuguese ("posted to
LOGIS", "consulta o SIAFI"); failure words of other languages count only when they are about a call
("die Karte ist nicht lesbar ... Fehlermeldung" answers no interface; an SMS retry answers no
registry); the document's title names its subject, not a failure ("Outage notifications").
RK015 recall: Portuguese and Italian movements and retries; a scheduled batch that moves money for
each of many accounts. Traps: formats, an acronym named once, a failure policy for every call, a
failure section in Spanish, a batch that records what it moved, an idempotency key. One behaviour per
test; fixtures written for these tests (no sentence of an evaluation set)."""

from __future__ import annotations

from conftest import lint_with, spans

# --- EH004: a system called by its acronym -------------------------------------------------------


def test_flags_a_system_called_by_its_acronym() -> None:
    text = """
    # Dock booking

    ## Glossary
    - LOGIS: the carrier's transport management platform.

    ## Requirements
    - Each confirmed slot is posted to LOGIS with the pallet count and the gate number.
    - The yard screen shows the slots of the day.
    """
    findings = lint_with("EH004", text)
    assert [line for line, _column in spans(findings)] == [7]
    assert findings[0].message.startswith("LOGIS (external API)")


def test_flags_a_registry_queried_in_portuguese() -> None:
    text = """
    # Emissão de empenhos

    ## Requisitos
    | ID | Requisito |
    |---|---|
    | R-1 | Antes de emitir o empenho, o sistema consulta o SIAFI para confirmar o saldo da dotação. |
    | R-2 | O gestor aprova o empenho no painel. |

    ## Interfaces
    - SIAFI: serviço do Tesouro, acesso por certificado.
    """
    findings = lint_with("EH004", text)
    assert [line for line, _column in spans(findings)] == [6]
    assert findings[0].message.startswith("SIAFI")


def test_a_format_after_export_is_no_system() -> None:
    text = """
    # Timesheets

    ## Requirements
    - Managers can export the month's timesheets to CSV or to PDF.
    - CSV and PDF files carry the team name in the header.
    """
    assert lint_with("EH004", text) == []


def test_an_acronym_named_once_is_not_read_as_a_system() -> None:
    text = """
    # Timesheets

    ## Requirements
    - At month end the approved hours are sent to PAYRUN for the payroll.
    """
    assert lint_with("EH004", text) == []


def test_a_system_whose_unavailability_is_handled_is_not_flagged() -> None:
    text = """
    # Dock booking

    ## Requirements
    - Each confirmed slot is posted to LOGIS with the pallet count and the gate number.
    - If LOGIS is unavailable, the slot is kept in an outbox and posted again every five minutes;
      after an hour the yard planner is alerted.
    """
    assert lint_with("EH004", text) == []


def test_a_failure_policy_stated_once_for_every_call_is_enough() -> None:
    text = """
    # Dock booking

    ## Requirements
    - Each confirmed slot is posted to LOGIS with the pallet count and the gate number.

    ## Calls to other systems
    Every outbound call times out after 5 seconds and is retried three times with backoff; a call
    that still fails raises an alert and leaves the record in the outbox.
    """
    assert lint_with("EH004", text) == []


# --- EH004: failure words of other languages ---------------------------------------------------


def test_a_german_scan_error_does_not_answer_for_an_interface() -> None:
    text = """
    # Laborbefunde

    ## Anforderungen
    1. WENN ein Befund angefordert wird, DANN MUSS das System ihn über die Schnittstelle zum Laborsystem abfragen.
    2. WENN die Patientenkarte nicht lesbar ist, DANN MUSS das System eine Fehlermeldung anzeigen.
    """
    assert len(lint_with("EH004", text)) == 1


def test_a_german_interface_failure_answers_for_the_interface() -> None:
    text = """
    # Laborbefunde

    ## Anforderungen
    1. WENN ein Befund angefordert wird, DANN MUSS das System ihn über die Schnittstelle zum Laborsystem abfragen.
    2. Ist die Schnittstelle nicht erreichbar, zeigt das System den letzten Stand mit Datum an und fragt nach fünf Minuten erneut ab.
    """
    assert lint_with("EH004", text) == []


def test_a_message_retry_in_spanish_does_not_answer_for_a_registry() -> None:
    text = """
    # Citas de inspección vehicular

    ## Requisitos
    - RF-1: La cita se confirma solo si la consulta al SIRVE indica que el vehículo no tiene multas.
    - RF-2: El recordatorio por SMS es asíncrono; si su envío falla, se reintenta dos veces.

    ## Interfaces externas
    - SIRVE: registro nacional de vehículos, servicio SOAP.
    """
    assert [line for line, _column in spans(lint_with("EH004", text))] == [4]


def test_a_spanish_failure_section_answers_for_the_payment() -> None:
    text = """
    # Bonos de gimnasio

    ## Compra
    El socio paga el bono con Bizum desde la app.

    ## Cuando algo sale mal
    - **Pago rechazado:** el bono no se emite y la app muestra el motivo del banco.
    """
    assert lint_with("EH004", text) == []


def test_a_user_story_wish_is_no_failure_handling() -> None:
    text = """
    # Laborbefunde

    ## Anforderung 1
    **User Story:** Als Stationsärztin möchte ich die Befunde sofort sehen, damit Fehler bei der Dosierung auffallen.

    1. WENN ein Befund angefordert wird, DANN MUSS das System ihn über die Schnittstelle zum Laborsystem abfragen.
    """
    assert len(lint_with("EH004", text)) == 1


# --- EH004: the document's title names its subject -----------------------------------------------


def test_a_failure_word_of_the_title_is_the_subject_not_a_failure() -> None:
    text = """
    # Outage notifications for water customers

    ## How it works
    1. The control room marks the affected streets on the map.
    2. The app creates an outage ticket in the CRM for each street and texts the residents.
    """
    assert [line for line, _column in spans(lint_with("EH004", text))] == [5]


def test_the_crm_failure_said_under_an_outage_title_is_handled() -> None:
    text = """
    # Outage notifications for water customers

    ## How it works
    1. The app creates an outage ticket in the CRM for each street and texts the residents.
    2. If the CRM is unreachable, tickets are queued on the device and sent when it answers again.
    """
    assert lint_with("EH004", text) == []


# --- RK015: Portuguese, Italian, a batch over many accounts -------------------------------------


def test_flags_a_refund_retried_in_portuguese() -> None:
    text = """
    # Devoluções

    ## Regras
    - Quando a devolução é aprovada, o sistema faz o estorno no cartão do cliente. Se o estorno falhar, o job
      tenta novamente na manhã seguinte.
    """
    assert len(lint_with("RK015", text)) == 1


def test_flags_a_refund_retried_in_italian() -> None:
    text = """
    # Resi

    ## Requisiti
    - Se il rimborso sulla carta non va a buon fine, il sistema riprova ogni ora per un giorno.
    """
    assert len(lint_with("RK015", text)) == 1


def test_flags_a_batch_that_charges_every_account() -> None:
    text = """
    # Class subscriptions

    ## Billing
    - Every night at 02:00 a batch job charges each member's card for the classes booked that day.
    """
    assert len(lint_with("RK015", text)) == 1


def test_a_batch_that_records_what_it_moved_is_not_flagged() -> None:
    text = """
    # Class subscriptions

    ## Billing
    - Every night at 02:00 a batch job charges each member's card for the classes booked that day; each
      charge is written to the ledger, and a re-run skips members already charged for that day.
    """
    assert lint_with("RK015", text) == []


def test_a_nightly_charge_with_no_batch_over_accounts_is_not_flagged() -> None:
    text = """
    # Class subscriptions

    ## Billing
    - A nightly job charges the studio's monthly platform fee on the first of the month.
    """
    assert lint_with("RK015", text) == []


def test_an_italian_retry_with_an_idempotency_key_is_not_flagged() -> None:
    text = """
    # Resi

    ## Requisiti
    - Se il rimborso sulla carta non va a buon fine, il sistema riprova ogni ora con la stessa chiave di
      idempotenza, così il gestore non rimborsa due volte.
    """
    assert lint_with("RK015", text) == []


def test_a_spanish_drop_that_is_retried_answers_for_the_transfer() -> None:
    text = """
    # Remesas de cobro

    ## Requisitos
    - Cada noche el proceso deja el fichero de remesas en el SFTP del banco.
    - Si falla el depósito del fichero, el proceso lo reintenta cada hora hasta las 06:00 y luego avisa a tesorería.
    """
    assert lint_with("EH004", text) == []
