"""Issue 14, fifteenth round (eh10): failure handling of named systems and third-party calls.
Recall: a system named by its owner ("from Hardwarehaus through their ordering API"), a provider
that sends to our webhook, a business system called by its acronym ("post an adjustment to the
ERP"), a system called in German, Spanish or French; a provider named by its channel ("the SMS
provider") answers only for that channel. Precision: a provider as the source of a success metric,
payment callbacks, an ID "S3" in a series, an SRS's product perspective, the product's own interface,
failure handled in a later section. One behaviour per test; fixtures written for these tests."""

from __future__ import annotations

from conftest import lint_with, spans

# --- EH004: systems named by their owner ------------------------------------------------------


def test_flags_a_named_system_called_through_its_owners_api() -> None:
    text = """
    # Store replenishment

    ## Requirements
    - When stock falls below the minimum, the app orders the item from Corvell through their ordering API.
    """
    findings = lint_with("EH004", text)
    assert spans(findings) == [(4, 68)]
    assert findings[0].message.startswith("Corvell (external API)")


def test_a_named_system_whose_rejection_is_handled_is_not_flagged() -> None:
    text = """
    # Store replenishment

    ## Requirements
    - When stock falls below the minimum, the app orders the item from Corvell through their ordering API.

    ## Orders that fail
    - If Corvell rejects the order or does not answer within 30 seconds, the order is queued and retried
      hourly; after 3 attempts the store manager gets a task.
    """
    assert lint_with("EH004", text) == []


def test_flags_a_provider_that_sends_to_our_webhook() -> None:
    text = """
    # Signed leases

    ## Design
    The lease service creates the envelope. When every party has signed, Quillsign sends the
    `envelope.done` event to our webhook, and the handler marks the lease signed.
    """
    assert spans(lint_with("EH004", text)) == [(4, 70)]


def test_a_pronoun_that_sends_to_a_webhook_names_no_provider() -> None:
    text = """
    # Signed leases

    ## Design
    The lease service creates the envelope. It sends the `envelope.done` event to our webhook.
    """
    assert lint_with("EH004", text) == []


def test_flags_a_business_system_a_sentence_posts_to() -> None:
    text = """
    # Shelf counts

    ## Solution
    Accepted counts post an adjustment to the ERP with the associate's badge number.
    """
    findings = lint_with("EH004", text)
    assert spans(findings) == [(4, 43)]
    assert findings[0].message.startswith("ERP (external API)")


def test_a_business_system_named_but_not_called_is_no_provider() -> None:
    text = """
    # Shelf counts

    ## Solution
    Counts are reviewed by the ERP team every Monday; stock in the ERP stays the reference.
    """
    assert lint_with("EH004", text) == []


def test_failure_of_the_business_system_in_a_failure_section_is_an_answer() -> None:
    text = """
    # Shelf counts

    ## Solution
    Accepted counts post an adjustment to the ERP with the associate's badge number.

    ## Failure handling
    - An adjustment the ERP rejects stays on the scanner as "not posted" and is retried at the next sync.
    """
    assert lint_with("EH004", text) == []


# --- EH004: other languages -------------------------------------------------------------------


def test_flags_a_german_interface_of_another_system() -> None:
    text = """
    # Tarifrechner

    ## Anforderungen
    - Das System muss die Fahrzeugdaten bei der KBA-Schnittstelle abrufen.
    """
    findings = lint_with("EH004", text)
    assert spans(findings) == [(4, 45)]
    assert findings[0].message.startswith("KBA-Schnittstelle")


def test_the_german_products_own_rest_interface_is_no_provider() -> None:
    text = """
    # Tarifrechner

    ## Anforderungen
    - Makler rufen den Tarifrechner über eine REST-Schnittstelle auf.
    """
    assert lint_with("EH004", text) == []


def test_a_german_failure_sentence_in_another_section_answers_the_interface() -> None:
    text = """
    # Tarifrechner

    ## Anforderungen
    - Das System muss die Fahrzeugdaten bei der KBA-Schnittstelle abrufen.

    ## Ausnahmen
    - Ist die KBA-Schnittstelle nicht erreichbar, gibt der Makler die Daten von Hand ein.
    """
    assert lint_with("EH004", text) == []


def test_flags_a_spanish_integration_with_a_named_system() -> None:
    text = """
    # Altas de empleados

    ## Qué vamos a construir
    1. Al firmar, el portal registra al empleado a través de la integración con el Sistema Delta.
    """
    assert spans(lint_with("EH004", text)) == [(4, 61)]


def test_a_spanish_failure_sentence_in_another_section_answers_the_integration() -> None:
    text = """
    # Altas de empleados

    ## Qué vamos a construir
    1. Al firmar, el portal registra al empleado a través de la integración con el Sistema Delta.

    ## Casos límite
    - Si el Sistema Delta rechaza el alta, RR. HH. recibe un aviso y la repite a mano.
    """
    assert lint_with("EH004", text) == []


def test_flags_a_french_interface_of_another_system() -> None:
    text = """
    # Factures fournisseurs

    ## Exigences
    - Chaque facture validée est déposée via l'interface Chorus Pro.
    """
    assert spans(lint_with("EH004", text)) == [(4, 42)]


# --- EH004: what answers for which provider ---------------------------------------------------


def test_a_channel_providers_failure_does_not_answer_for_another_api() -> None:
    text = """
    # Visit booking

    ## Requirements
    1. WHEN a slot is confirmed THEN the system SHALL send the visit to the trial sponsor through the Clinomed visits API.

    ## Reminders
    1. IF the SMS provider returns a delivery failure THEN the system SHALL flag the reminder as not delivered.
    """
    findings = lint_with("EH004", text)
    assert spans(findings) == [(4, 99)]


def test_any_providers_failure_answers_for_every_call() -> None:
    text = """
    # Visit booking

    ## Requirements
    1. WHEN a slot is confirmed THEN the system SHALL send the visit to the trial sponsor through the Clinomed visits API.

    ## Failures
    1. IF a provider does not answer within 10 seconds THEN the system SHALL keep the booking and retry hourly.
    """
    assert lint_with("EH004", text) == []


# --- EH004 and EH006: precision ---------------------------------------------------------------


def test_a_provider_named_as_the_source_of_a_success_metric_is_not_called() -> None:
    text = """
    # Fare capping

    ## Goals and success metrics

    | Metric | Baseline | Target | Measured by |
    |---|---|---|---|
    | Complaints about overcharging per 10,000 taps | 3.1 | 2.0 | Zendesk tag export |
    """
    assert lint_with("EH004", text) == []


def test_an_id_s3_in_a_series_is_not_amazon_s3() -> None:
    text = """
    # Timetable solver

    ## Constraints

    | ID | Kind | Rule |
    |---|---|---|
    | S1 | Soft | No more than 6 periods a day for a teacher. |
    | S3 | Soft | Keep a class in the same room for double periods. |
    """
    assert lint_with("EH004", text) == []


def test_a_provider_named_only_in_an_srs_product_perspective_is_not_called() -> None:
    text = """
    # Permit portal SRS

    ## 2. Overall description

    ### 2.1 Product perspective
    The portal integrates with the city's identity provider (CityID) for staff sign-in.

    ## 3. Specific requirements
    - **REQ-01** The portal shall list each applicant's open permits.
    """
    assert lint_with("EH004", text) == []


def test_payment_callbacks_received_are_no_payment_made() -> None:
    text = """
    # Seat holds

    ## Decision
    Holds live in a table with an expiry column.

    | Setting | Value |
    |---|---|
    | Grace period for late payment callbacks | 90 seconds |

    A payment callback that arrives within the grace period converts the hold to a booking.
    """
    assert lint_with("EH006", text, path="docs/adr/0012-seat-holds.md") == []


def test_a_name_that_is_also_a_common_word_of_the_document_answers_for_nothing() -> None:
    text = """
    # Opportunity charging

    ## Requirements
    1. WHEN the robot arrives at the dock THEN the Fleet Manager SHALL call the Dock API to start charging.

    ## Settings

    | Setting | Value |
    |---|---|
    | Dock reservation timeout | 3 minutes |
    """
    assert spans(lint_with("EH004", text)) == [(4, 77)]


def test_a_named_system_called_in_a_section_that_says_what_happens_on_failure_is_answered() -> None:
    text = """
    # Vault uploads

    ## Requirement 5
    1. WHEN a blob is ready THEN the app SHALL upload it to Filebarn via their API.
    2. IF the upload fails THEN the app SHALL show an error and let the user retry.
    """
    assert lint_with("EH004", text) == []


# --- EH008: failure handling promised, not described ------------------------------------------


def test_flags_a_faq_answer_that_promises_to_handle_bounces_gracefully() -> None:
    text = """
    # Bulk send

    ## External FAQ

    **What happens if some email addresses bounce?**
    We will handle bounces gracefully and keep the sender informed.
    """
    findings = lint_with("EH008", text)
    assert spans(findings) == [(6, 9)]
    assert "'handle bounces gracefully'" in findings[0].message


def test_flags_a_requirement_that_asks_for_proper_error_handling() -> None:
    text = """
    # Sync

    ## Requirements
    - **NFR-2**: The connector MUST gracefully handle disconnections during a sync.
    """
    assert spans(lint_with("EH008", text)) == [(4, 33)]


def test_flags_a_german_promise() -> None:
    text = """
    # Zahlungserinnerungen

    ## Anforderungen
    - Fehler werden angemessen behandelt.
    """
    assert spans(lint_with("EH008", text)) == [(4, 3)]


def test_a_promise_that_goes_on_to_say_how_is_not_flagged() -> None:
    text = """
    # Bulk send

    ## FAQ
    Bounces are handled gracefully: the envelope stays open and the sender sees each bounced address.
    Timeouts are handled gracefully by retrying twice after 30 seconds.
    """
    assert lint_with("EH008", text) == []


def test_a_promise_the_next_sentence_spells_out_is_not_flagged() -> None:
    text = """
    # Bulk send

    ## FAQ
    Errors are handled appropriately. A send that times out is retried twice, then marked failed.
    """
    assert lint_with("EH008", text) == []


def test_a_user_storys_wish_is_no_promise() -> None:
    text = """
    # Workers

    ## Requirement 4
    **User Story:** As an operator, I want workers to handle errors gracefully, so that failures are clear.
    """
    assert lint_with("EH008", text) == []


def test_a_third_partys_behaviour_given_as_a_reason_is_no_promise() -> None:
    text = """
    # Metrics

    ## Design
    Scrapes may fail for a minute, which is acceptable since Prometheus handles transient scrape failures gracefully.
    """
    assert lint_with("EH008", text) == []


def test_a_task_list_is_not_read() -> None:
    text = """
    # Implementation Tasks: Integration

    - [ ] 2. Ensure the API client handles connection failures gracefully
    """
    assert lint_with("EH008", text) == []


# --- EH004: a system a sentence calls by its name alone ---------------------------------------


def test_flags_a_system_called_by_its_name_alone_in_a_decision() -> None:
    text = """
    # 9. Rate quotes in a rules engine

    ## Decision
    We will move rating into the Brindle rules engine; engineering owns the service that calls Brindle and its API.

    The quote service calls Brindle for each quote and returns the premium to the broker.
    """
    findings = lint_with("EH004", text, path="docs/adr/0009-rate-quotes.md")
    assert spans(findings) == [(6, 25)]


def test_a_pronoun_after_calls_names_no_system() -> None:
    text = """
    # Quotes

    ## Requirements
    - The quote service calls The engine on each quote. It calls We for nothing.
    """
    assert lint_with("EH004", text) == []


# --- EH006: commands sent to devices over a network -------------------------------------------


def test_flags_commands_sent_to_devices_over_a_network() -> None:
    text = """
    # Locker fleet SRS

    ## 3 Specific requirements
    - **LF-I-01** The hub shall send unlock codes to the lockers over LTE using the vendor protocol.
    - **LF-F-01** The hub shall show each locker's fill level on the map.
    """
    findings = lint_with("EH006", text)
    assert spans(findings) == [(4, 29)]
    assert "(device command)" in findings[0].message


def test_a_device_that_stops_answering_handled_is_not_flagged() -> None:
    text = """
    # Locker fleet SRS

    ## 3 Specific requirements
    - **LF-I-01** The hub shall send unlock codes to the lockers over LTE using the vendor protocol.
    - **LF-F-02** If a locker does not acknowledge a code within 10 s, the hub shall retry twice and then
      show the locker as offline to the courier.
    """
    assert lint_with("EH006", text) == []
