"""Round 14 (fam-api9): endpoints called in sequence diagrams (API009, API002), messages published
with no schema (API015), lists with no pagination (API016), responses with no shape (API017)."""

from __future__ import annotations

from conftest import lint_with, spans

# --- endpoints called in a mermaid sequence diagram -----------------------------------------------

_DIAGRAM_ONLY = """
# Design: Saved carts

## Design

```mermaid
sequenceDiagram
    App->>CartAPI: GET /v1/carts/current
    App->>CartAPI: POST /v1/carts/current/merge
```

Carts are kept in Redis for 30 days.
"""


def test_api009_flags_an_endpoint_called_only_in_a_sequence_diagram() -> None:
    assert spans(lint_with("API009", _DIAGRAM_ONLY)) == [(7, 20)]


def test_api009_reads_the_dashed_reply_after_a_diagram_call_as_its_response() -> None:
    text = """
    # Design: Password reset

    ## Design

    ```mermaid
    sequenceDiagram
        Web->>Auth: POST /v1/password-resets
        Auth-->>Web: 202 and an email to the user
    ```
    """
    assert lint_with("API009", text) == []


def test_api009_ignores_the_labels_of_a_flowchart() -> None:
    text = """
    # Design: Saved carts

    ## Design

    ```mermaid
    flowchart LR
        App -->|GET /v1/carts/current| CartAPI
    ```
    """
    assert lint_with("API009", text) == []


def test_api002_leaves_a_call_between_services_in_a_diagram_to_the_design() -> None:
    text = """
    # Design: Invoice PDFs

    ## Flow

    ```mermaid
    sequenceDiagram
      Billing->>PdfRender: POST /render
      PdfRender-->>Billing: the PDF
    ```
    """
    assert lint_with("API002", text) == []


# --- API015 event-without-schema ------------------------------------------------------------------


def test_api015_flags_a_message_published_to_a_topic_with_nothing_on_its_content() -> None:
    text = """
    # One-pager: Loyalty points

    ## Integration

    Whenever points change, the loyalty service publishes a `loyalty.points_changed` message to the
    `loyalty-events` Kafka topic, which the CRM consumes.
    """
    assert spans(lint_with("API015", text)) == [(5, 57)]


def test_api015_accepts_a_message_whose_sentence_says_what_it_carries() -> None:
    text = """
    # Design: Stock events

    ## Design

    The inventory service publishes `inventory.stock_changed` to the `inventory-events` topic; it
    carries the SKU, the warehouse and the new quantity.
    """
    assert lint_with("API015", text) == []


def test_api015_accepts_a_schema_block_in_the_section_that_names_the_message() -> None:
    text = """
    # Design: Stock events

    ## Design

    The inventory service publishes `inventory.stock_changed` to the `inventory-events` topic.

    ```json
    {"sku": "TSHIRT-M", "on_hand": 42}
    ```
    """
    assert lint_with("API015", text) == []


def test_api015_leaves_a_cloud_services_own_notification_alone() -> None:
    text = """
    # Design: Image resizing

    ## Design

    The bucket emits an `ObjectCreated` notification to the `resize-jobs` SQS queue.
    """
    assert lint_with("API015", text) == []


def test_api015_leaves_a_metric_emitted_beside_a_queue_alone() -> None:
    text = """
    # PRD: Replication

    ## Requirements

    When the replication queue is full, the primary emits `replication_backlog_bytes` metric samples.
    """
    assert lint_with("API015", text) == []


def test_api015_skips_decision_records() -> None:
    text = """
    # 4. Publish order events to Kafka

    ## Status

    Accepted

    ## Context

    Other teams poll the orders table.

    ## Decision

    The order service publishes an `order.placed` event to Kafka after the order is committed.

    ## Consequences

    Kafka becomes a dependency of checkout.
    """
    assert lint_with("API015", text, path="0004-order-events.md") == []


# --- API016 list-endpoint-without-pagination ------------------------------------------------------

_LIST = """
# SRS: Maintenance log

## 3. Requirements

All calls carry a bearer token.

### GET /api/v1/vans/{vanId}/services

Returns `200` with the services done on the van, newest first.{more}
"""


def test_api016_flags_a_list_endpoint_when_nothing_bounds_the_list() -> None:
    assert spans(lint_with("API016", _LIST.replace("{more}", ""))) == [(7, 1)]


def test_api016_accepts_a_cursor() -> None:
    assert lint_with("API016", _LIST.replace("{more}", " Pass `cursor` from the previous page.")) == []


def test_api016_accepts_a_page_size_written_in_spanish() -> None:
    assert lint_with("API016", _LIST.replace("{more}", " Máximo 500 por página.")) == []


def test_api016_leaves_a_settings_resource_alone() -> None:
    text = """
    # API spec: Notifications

    All calls carry a bearer token.

    ### GET /v1/users/{id}/settings

    Returns `200` with the user's notification settings.
    """
    assert lint_with("API016", text) == []


# --- API017 response-shape-missing ----------------------------------------------------------------


def test_api017_flags_a_get_that_returns_a_thing_with_no_shape() -> None:
    text = """
    # Spec: Credit notes

    ## API

    All calls need the merchant's API key.

    - `POST /v2/invoices/{id}/credit-notes` creates a credit note and returns `201`.
    - `GET /v2/credit-notes/{creditNoteId}` returns the credit note.
    """
    assert spans(lint_with("API017", text)) == [(8, 3)]


def test_api017_flags_a_delete_that_says_nothing_of_its_response() -> None:
    text = """
    # Spec: Bookings

    ## API

    All calls need the partner's API key.

    - `DELETE /v2/bookings/{id}` cancels the booking and frees the seats.
    """
    assert spans(lint_with("API017", text)) == [(7, 3)]


def test_api017_accepts_a_get_whose_shape_a_data_model_section_gives() -> None:
    text = """
    # Spec: Credit notes

    ## API

    - `GET /v2/credit-notes/{creditNoteId}` returns the credit note.

    ## Data model

    - Credit note: id, invoice, amount, reason.
    """
    assert lint_with("API017", text) == []


def test_api017_accepts_fields_listed_in_a_paragraph() -> None:
    text = """
    # SRS: Reconciliation

    | Method | Path | Success |
    |---|---|---|
    | GET | `/v1/exceptions/{id}` | 200, one exception |

    Each exception has `id`, `date`, `scheme`, `reason` and `amount_minor`.
    """
    assert lint_with("API017", text) == []


def test_api017_leaves_a_health_check_alone() -> None:
    text = """
    # Spec: Worker

    ## API

    - `GET /healthz` is polled by the load balancer.
    """
    assert lint_with("API017", text) == []


def test_api017_leaves_a_criterion_in_japanese_alone() -> None:
    text = """
    # Requirements Document

    ## Requirement 3

    1. The GET /animals エンドポイント shall `category` クエリパラメータを受け取る
    """
    assert lint_with("API017", text) == []


# --- admins in more words ---------------------------------------------------------------------------


def test_api006_flags_an_ears_criterion_that_grants_admin_rights_to_one_address() -> None:
    text = """
    # Requirements Document

    ## Requirement 1

    1. WHEN a user signs in with `head@citylib.org` THEN the system SHALL grant that user administrator rights.
    """
    assert spans(lint_with("API006", text)) == [(5, 31)]


def test_api006_leaves_an_address_that_receives_mail_for_the_admins_alone() -> None:
    text = """
    # PRD: Alerts

    Alerts are sent to ops@acme.com, which gets the admin digest every morning.
    """
    assert lint_with("API006", text) == []


def test_api008_flags_a_support_team_that_can_void_gift_cards() -> None:
    text = """
    # PRD: Gift cards

    ## Requirements

    - Support team can void a gift card and reissue it to another email address.
    """
    assert spans(lint_with("API008", text)) == [(5, 3)]


# --- API002: webhooks received -----------------------------------------------------------------------

_WEBHOOK = """
# PRD: Card payments

## API

All endpoints need the customer's session cookie; without it they return `401`.

- `POST /v1/checkout` starts a payment and returns `201` with the payment ID.
- `POST /webhooks/psp` receives the payment provider's status updates and marks the payment paid.{more}
"""


def test_api002_flags_a_webhook_receiver_when_nothing_verifies_the_sender() -> None:
    assert spans(lint_with("API002", _WEBHOOK.replace("{more}", ""))) == [(8, 3)]


def test_api002_accepts_a_webhook_receiver_that_checks_a_signature() -> None:
    more = " Each call's HMAC signature is checked against the provider's secret."
    assert lint_with("API002", _WEBHOOK.replace("{more}", more)) == []
