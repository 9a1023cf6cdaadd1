"""API contract rules API001-API005."""

import pytest
from conftest import lint_with, spans

# --- API001 interface-contract-incomplete -----------------------------------------------------


def test_api001_flags_an_endpoint_heading_with_only_a_description() -> None:
    text = """
    ## API

    Requests need a bearer token.

    ### POST /v1/orders

    Creates an order for the signed-in customer.
    """
    findings = lint_with("API001", text)
    assert spans(findings) == [(5, 1)]
    assert "request body, success response and error responses with status codes" in findings[0].message


def test_api001_accepts_a_complete_endpoint_section() -> None:
    text = """
    ### `POST /v1/orders`

    Request body: `{"items": [{"sku": "A-1", "quantity": 2}]}`

    Returns `201 Created` with the order. Errors: `400` invalid items, `422` out of stock.
    """
    assert lint_with("API001", text) == []


def test_api001_get_without_parameters_needs_no_request_body() -> None:
    text = """
    ### GET /v1/orders

    Returns `200` with the customer's orders, newest first; `401` without a session.
    """
    assert lint_with("API001", text) == []


def test_api001_accepts_errors_listed_once_for_the_whole_api() -> None:
    text = """
    ## Errors

    | Status | When |
    |--------|------|
    | 401 | No or expired token |
    | 429 | More than 100 requests a minute |

    ### GET /v1/orders/{id}

    Returns the order (`200`).
    """
    assert lint_with("API001", text) == []


def test_api001_reads_an_endpoint_table_with_contract_columns() -> None:
    text = """
    | Method | Path | Request | Response | Errors |
    |--------|------|---------|----------|--------|
    | POST | /v1/carts | `{"sku": "A-1"}` | `201` cart | `400`, `409` |
    | DELETE | /v1/carts/{id} | | `204` | |
    """
    findings = lint_with("API001", text)
    assert spans(findings) == [(4, 3)]
    assert "DELETE /v1/carts/{id} has no error responses" in findings[0].message


def test_api001_ignores_index_tables_and_passing_mentions() -> None:
    text = """
    The mobile app calls `GET /v1/me` when it starts.

    | Endpoint | Scope |
    |----------|-------|
    | `PUT /crates/new` | publish |
    """
    assert lint_with("API001", text) == []


def test_api001_finds_the_contract_of_a_list_endpoint_elsewhere_in_its_section() -> None:
    text = """
    ### Certificates service

    - `POST /v1/certificates` → issues a certificate.

    The request body is a CSR in PEM. On success it returns `200` with the certificate; a CSR
    for a name outside the allowed domains gets `403`.
    """
    assert lint_with("API001", text) == []


def test_api001_checks_cli_commands_and_events() -> None:
    text = """
    ## Commands

    ### `billing export`

    Exports invoices.

    ## Events

    ### `invoice.paid` event

    Published when an invoice is paid.
    """
    findings = lint_with("API001", text)
    assert spans(findings) == [(3, 1), (9, 1)]
    assert "arguments and options, output on success and errors and exit codes" in findings[0].message
    assert "payload" in findings[1].message


def test_api001_checks_openapi_operations() -> None:
    text = """
    ```yaml
    paths:
      /v1/orders:
        post:
          requestBody:
            content:
              application/json:
                schema: {type: object}
          responses:
            "201":
              description: Created
    ```
    """
    findings = lint_with("API001", text)
    assert spans(findings) == [(4, 5)]
    assert "OpenAPI operation POST /v1/orders has no error responses" in findings[0].message


def test_api001_require_option_selects_parts() -> None:
    text = """
    ### DELETE /v1/orders/{id}

    Cancels the order and returns `204`.
    """
    assert len(lint_with("API001", text)) == 1
    assert lint_with("API001", text, require=["request", "response"]) == []


# --- API002 api-authentication-undefined ------------------------------------------------------


def test_api002_flags_an_api_that_never_mentions_authentication() -> None:
    text = """
    ## API

    ### GET /v1/invoices/{id}

    Returns the invoice as JSON (`200`), or `404` when it does not exist.
    """
    findings = lint_with("API002", text)
    assert spans(findings) == [(3, 1)]


def test_api002_accepts_authentication_stated_once() -> None:
    text = """
    ## API

    All endpoints require an API key in the `X-Api-Key` header.

    ### GET /v1/invoices/{id}

    Returns the invoice as JSON (`200`).
    """
    assert lint_with("API002", text) == []


def test_api002_accepts_openapi_security_schemes() -> None:
    text = """
    ```yaml
    openapi: 3.1.0
    info: {title: Invoices, version: "1"}
    paths:
      /v1/invoices:
        get:
          responses:
            "200": {description: OK}
    components:
      securitySchemes:
        bearer: {type: http, scheme: bearer}
    ```
    """
    assert lint_with("API002", text) == []


def test_api002_ignores_documents_without_endpoints() -> None:
    assert lint_with("API002", "# Notes\n\nWe should add an API later.\n") == []


# --- API003 invalid-json-example --------------------------------------------------------------


def test_api003_points_at_the_missing_comma() -> None:
    text = """
    Request:

    ```json
    {
      "sku": "A-1"
      "quantity": 2
    }
    ```
    """
    findings = lint_with("API003", text)
    assert spans(findings) == [(6, 3)]
    assert findings[0].level.value == "error"
    assert "missing ','" in findings[0].message


def test_api003_points_into_a_block_inside_a_list_item() -> None:
    text = """
    - Response:

      ```json
      {"id": 1, 'status': "paid"}
      ```
    """
    assert spans(lint_with("API003", text)) == [(4, 13)]


def test_api003_reports_a_trailing_comma() -> None:
    text = """
    ```json
    {"id": 1, "status": "paid",}
    ```
    """
    findings = lint_with("API003", text)
    assert spans(findings) == [(2, 27)]
    assert "trailing comma" in findings[0].message


def test_api003_accepts_abbreviated_examples() -> None:
    text = """
    ```json
    {
      "id": "ord_123",   // server-generated
      "items": [ ... ],
      ...
    }
    ```

    ```json
    "status": "paid",
    "total": 1200
    ```

    ```json
    {"event": "start"}
    {"event": "stop"}
    ```
    """
    assert lint_with("API003", text) == []


def test_api003_still_reports_a_real_error_in_an_abbreviated_example() -> None:
    text = """
    ```json
    {
      "id": "ord_123", // server-generated
      "total": 1200
      "currency": "EUR"
    }
    ```
    """
    assert spans(lint_with("API003", text)) == [(5, 3)]


def test_api003_skips_other_languages_and_templates() -> None:
    text = """
    ```jsonc
    {"a": 1, /* note */}
    ```

    ```json
    {"name": "{{ .Values.name }}" {{ if .x }}}
    ```
    """
    assert lint_with("API003", text) == []


# --- API004 invalid-yaml-example --------------------------------------------------------------


def test_api004_points_at_the_bad_indentation() -> None:
    text = """
    ```yaml
    retry:
      attempts: 3
       backoff: exponential
    ```
    """
    findings = lint_with("API004", text)
    assert spans(findings) == [(4, 11)]
    assert findings[0].level.value == "error"


def test_api004_reports_a_duplicate_key() -> None:
    text = """
    ```yaml
    name: orders
    name: invoices
    ```
    """
    findings = lint_with("API004", text)
    assert spans(findings) == [(3, 1)]
    assert "duplicate key" in findings[0].message


def test_api004_accepts_multiple_documents_and_elisions() -> None:
    text = """
    ```yaml
    kind: Service
    ---
    kind: Deployment
    spec:
      replicas: 3
      ...
    ```
    """
    assert lint_with("API004", text) == []


# --- API005 invalid-openapi -------------------------------------------------------------------


def test_api005_points_at_an_unknown_field_and_a_missing_required() -> None:
    text = """
    ```yaml
    paths:
      /orders/{id}:
        get:
          parameters:
            - name: id
              in: path
          response:
            "200":
              description: The order
    ```
    """
    findings = lint_with("API005", text)
    assert spans(findings) == [(6, 11), (8, 7)]
    assert "required" in findings[0].message
    assert "unknown field 'response'" in findings[1].message


def test_api005_checks_top_level_fields_of_a_full_document() -> None:
    text = """
    ```json
    {
      "openapi": "3.0.3",
      "paths": {"/health": {"get": {"responses": {"OK": {"description": "up"}}}}}
    }
    ```
    """
    messages = [finding.message for finding in lint_with("API005", text)]
    assert any("'info' is required" in message for message in messages)
    assert any("'OK' is not a status code" in message for message in messages)


def test_api005_accepts_a_valid_fragment() -> None:
    text = """
    ```yaml
    paths:
      /orders/{id}:
        get:
          parameters:
            - name: id
              in: path
              required: true
              schema: {type: string}
          responses:
            "200":
              description: The order
            "404":
              description: No such order
    ```
    """
    assert lint_with("API005", text) == []


def test_api005_ignores_yaml_that_is_not_openapi() -> None:
    text = """
    ```yaml
    paths:
      - src/
      - docs/
    ```
    """
    assert lint_with("API005", text) == []


def test_api003_an_ellipsis_inside_a_string_is_a_value_not_an_elision() -> None:
    text = """
    ```json
    {
      "provider_token": "tok_1N3x...",
      "set_default": true,
    }
    ```
    """
    findings = lint_with("API003", text)
    assert spans(findings) == [(4, 22)]
    assert "trailing comma" in findings[0].message


def test_api001_endpoint_table_row_takes_its_contract_from_a_section_about_it() -> None:
    text = """
    ## API

    | Method | Path | Description |
    |--------|------|-------------|
    | POST | /v1/orders | Create an order |

    ### Create an order

    `POST /v1/orders` takes the cart id.

    ```json
    {"cart_id": "c_1"}
    ```

    It returns `201` with the order, or `409` when the cart was already ordered.
    """
    assert lint_with("API001", text) == []


def test_api001_skips_endpoints_under_non_goals_and_alternatives() -> None:
    text = """
    ## Non-goals

    ### POST /v2/refunds

    Refunds stay manual this quarter.

    ## Alternatives considered

    - `PUT /v1/cards/{id}` replacing the whole card: rejected, tokens cannot be updated.
    """
    assert lint_with("API001", text) == []


def test_api001_reads_commands_and_events_named_under_their_parent_heading() -> None:
    text = """
    ## Commands

    ### `init`

    Creates `subtree.yaml` in the repository root.

    ## Webhooks

    ### `invoice.paid`

    Sent to the partner's URL with the invoice id and amount in the JSON payload.
    """
    findings = lint_with("API001", text)
    assert spans(findings) == [(3, 1)]
    assert "command `init` has no arguments and options and errors and exit codes" in findings[0].message


def test_api001_a_complete_command_section_passes() -> None:
    text = """
    ### `billing export`

    Usage: `billing export --month 2026-03 [--format csv|json]`

    Prints the path of the written file and exits 0. Exits 2 when `--month` is missing or not a
    month, and 1 when the billing API cannot be reached.
    """
    assert lint_with("API001", text) == []


def test_api001_syntax_headings_are_not_commands() -> None:
    text = """
    ### `if let`

    Pattern matching in conditions.

    ### `pub use`

    Re-exports.
    """
    assert lint_with("API001", text) == []


def test_api001_a_filled_response_column_is_a_success_response() -> None:
    text = """
    | Method | Path | Body | Response | Errors |
    |--------|------|------|----------|--------|
    | PUT | /v1/carts/{id} | `{"items": [...]}` | the updated cart | `404`, `409` |
    """
    assert lint_with("API001", text) == []


# --- issue 12: where a contract is stated, what is not an API, elided examples -----------------


def test_a_summary_table_with_success_and_errors_columns_states_the_contract() -> None:
    text = """
    ## API

    | Method | Path | Auth | Success | Errors |
    |--------|------|------|---------|--------|
    | GET | /v1/boards/{id} | token | 200 board JSON | 404, 403 |
    """
    assert lint_with("API001", text) == []


def test_the_endpoint_detail_section_and_its_summary_row_together_state_the_contract() -> None:
    text = """
    ## API

    | Method | Path | Errors |
    |--------|------|--------|
    | POST | /v1/boards | 400 invalid name, 409 duplicate |

    ### POST /v1/boards

    Request body: `{ "name": string }`. Returns `201` with the board.
    """
    assert lint_with("API001", text) == []


def test_two_endpoints_in_consecutive_lines_each_keep_their_own_details() -> None:
    text = """
    ## API

    `POST /v1/shares` takes `{ "board": id }` and returns `201` with a code; `404` for an unknown board.
    `DELETE /v1/shares/{code}` revokes a share.
    """
    findings = lint_with("API001", text)
    assert [finding.span.start.line for finding in findings] == [4]
    assert "DELETE /v1/shares/{code}" in findings[0].message


def test_a_browser_page_route_in_a_list_of_pages_is_not_an_api() -> None:
    text = """
    ## Pages

    - `GET /shared/[code]`: the shared board page, read-only.
    """
    assert lint_with("API001", text) == []


def test_a_bracketed_path_is_never_cut_in_the_message() -> None:
    text = """
    ## API

    - `DELETE /api/shares/[code]`: revokes the share.
    """
    findings = lint_with("API001", text)
    assert "DELETE /api/shares/[code]" in findings[0].message


def test_an_http_request_in_a_test_list_is_not_an_endpoint_definition() -> None:
    text = """
    ## E2E tests

    - `GET /animals?category=lost` → only lost animals
    """
    assert lint_with("API001", text) == []


def test_api002_sso_mentioned_elsewhere_is_not_authentication_of_the_api() -> None:
    text = """
    ## Background

    Staff sign in to the intranet with SSO.

    ## API

    ### GET /v1/invoices/{id}

    Returns the invoice as JSON (`200`), or `404` when it does not exist.
    """
    assert [finding.rule_id for finding in lint_with("API002", text)] == ["API002"]


def test_api002_a_session_cookie_stated_in_the_api_section_is_authentication() -> None:
    text = """
    ## API

    Calls carry the user's session cookie.

    ### GET /v1/invoices/{id}

    Returns the invoice as JSON (`200`), or `404` when it does not exist.
    """
    assert lint_with("API002", text) == []


@pytest.mark.parametrize("example", [
    '{\n  "Days": <RETENTION_DAYS>\n}',
    '{\n  "id": 1,\n  <...>\n}',
    '{"warband": { ...warband object... }}',
    '{\n  "id": 1,\n  ....\n}',
    '{\n  "id": 1,\n  "more fields..."}',
])
def test_api003_elided_json_examples_are_read_as_meant(example: str) -> None:
    assert lint_with("API003", f"```json\n{example}\n```\n") == []


def test_api003_a_missing_comma_beside_an_elision_is_still_reported() -> None:
    example = '{\n  "id": 1\n  "name": "x",\n  ...\n}'
    assert [finding.rule_id for finding in lint_with("API003", f"```json\n{example}\n```\n")] == ["API003"]


@pytest.mark.parametrize("example", ["spec:\n  replicas: 1\n  [...]", "items:\n  - a\n  ....", "items:\n  - a\n  etc..."])
def test_api004_elided_yaml_examples_are_read_as_meant(example: str) -> None:
    assert lint_with("API004", f"```yaml\n{example}\n```\n") == []


@pytest.mark.parametrize("example", [
    "$ oc get configmap pages -o yaml\napiVersion: v1\nkind: ConfigMap",
    "[crio.nri]\nenable_nri = true",
    "metadata:\n  labels:\n    zone-type: local-zone (3)\n  taints: (5)\n    - key: edge",
])
def test_api004_shell_sessions_toml_and_callouts_are_read_as_meant(example: str) -> None:
    assert lint_with("API004", f"```yaml\n{example}\n```\n") == []


def test_api004_a_yaml_comment_does_not_hide_a_real_error() -> None:
    example = "# metrics\nspec:\n  a: 1\n\tb: 2"
    assert [finding.rule_id for finding in lint_with("API004", f"```yaml\n{example}\n```\n")] == ["API004"]


def test_api001_an_arrow_to_the_returned_object_states_the_success_response() -> None:
    text = """
    ## REST endpoints

    - GET `/runs/{id}` → `{ id, status }`; `404` for an unknown run.
    """
    assert lint_with("API001", text) == []


def test_api002_rbac_in_front_of_the_api_is_authentication() -> None:
    text = """
    ## API

    ### GET /gather-runtime-info

    Returns the data as JSON (`200`).

    ## Security

    The server is fronted by kube-rbac-proxy so that only the operator is allowed to query it.
    """
    assert lint_with("API002", text) == []


def test_an_angle_bracket_placeholder_in_a_path_is_never_cut_in_the_message() -> None:
    text = """
    ## API

    - GET `/messages?after=<message_id>` lists messages.
    """
    assert "GET /messages?after=<message_id>" in lint_with("API001", text)[0].message


# --- API002 on endpoints listed in a code block -----------------------------------------------------


def test_api002_flags_endpoints_listed_in_a_code_block() -> None:
    text = """
    # Export service

    ## Endpoints

    ```http
    POST /v1/exports
    GET /v1/exports/{id}
    ```

    Creating an export returns `202`; polling returns the status. Unknown ids get `404`.
    """
    assert spans(lint_with("API002", text)) == [(6, 1)]


def test_api002_a_raw_request_example_is_not_an_endpoint_list() -> None:
    text = """
    # Export service

    ```http
    GET /v1/exports/42 HTTP/1.1
    Accept: application/json
    ```
    """
    assert lint_with("API002", text) == []


def test_api002_code_block_endpoints_with_a_security_section_pass() -> None:
    text = """
    # Export service

    ```http
    POST /v1/exports
    ```

    ## Security

    Every call carries a bearer token.
    """
    assert lint_with("API002", text) == []


# --- API010 endpoint-without-response ----------------------------------------------------------------


def test_api010_flags_a_bare_endpoint_list_once() -> None:
    text = """
    # Notifications

    ## Endpoints

    - `GET /v1/notifications`
    - `POST /v1/notifications/{id}/read`
    - `DELETE /v1/notifications/{id}`
    """
    findings = lint_with("API010", text)
    assert spans(findings) == [(5, 3)]
    assert "nor 2 more endpoints" in findings[0].message


def test_api010_flags_a_delete_with_no_response() -> None:
    text = """
    # Reports

    ### GET /v1/reports/{id}

    Returns `200` with `{id, title, rows}`; `404` when unknown.

    ### DELETE /v1/reports/{id}

    Deletes the report. `403` when the caller does not own it.
    """
    assert spans(lint_with("API010", text)) == [(7, 1)]


def test_api010_accepts_a_post_with_its_request() -> None:
    text = """
    # Addresses

    ### POST /v1/addresses

    Request body: `{"line1": "...", "postcode": "..."}`.
    """
    assert lint_with("API010", text) == []


def test_api010_skips_task_lists_and_proposals() -> None:
    text = """
    # Tasks

    - [ ] 1. `GET /v1/notifications`
    - [ ] 2. `DELETE /v1/notifications/{id}`
    - [ ] 3. Write the tests
    - [ ] 4. Ship
    - [ ] 5. Announce
    """
    assert lint_with("API010", text) == []
