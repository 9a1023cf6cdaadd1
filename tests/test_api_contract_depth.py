"""API011-API013: endpoints specified without their errors or request, examples one slip from parsing;
and API002/API009 on the shapes that fooled them (a redaction note, several endpoints in one paragraph)."""

import pytest
from conftest import lint_with, spans

# --- API011 endpoint-without-errors -------------------------------------------------------------


@pytest.mark.parametrize("text, where", [
    ("""
     ## API

     All requests carry the customer's bearer token.

     ### POST /v1/points/redeem

     Request:

     ```json
     {"order_id": "o-1", "points": 500}
     ```

     Response `200`: `{"balance": 1200}`
     """, (5, 1)),
    ("""
     ## API

     Authentication: the web app's session cookie.

     | Method | Path | Request | Response |
     |---|---|---|---|
     | POST | /api/invites | `{email, role}` | `201` with the invite |
     | DELETE | /api/invites/{id} | — | `204` |
     """, (7, 3)),
    ("""
     ## Replay

     ```bash
     curl -X POST https://api.example.com/v1/deliveries/{id}/replay -H "Authorization: Bearer $TOKEN"
     ```

     The call returns `202 Accepted` and the delivery is queued again.
     """, (4, 9)),
    ("""
     ## API

     Every call needs an API key.

     #### `POST /v1/refund-requests`

     **Request body**

     | Field | Type |
     |---|---|
     | order_id | string |

     **Response:** `201 Created` with the refund request.
     """, (5, 1)),
], ids=["heading-and-json", "contract-table", "curl", "bold-labels-and-field-table"])
def test_api011_flags_an_endpoint_specified_without_any_error(text: str, where: tuple[int, int]) -> None:
    assert spans(lint_with("API011", text)) == [where]


@pytest.mark.parametrize("errors", [
    "Errors: `404` unknown order, `409` already redeemed.",
    "Error responses use `{\"error\": {\"code\": \"...\", \"message\": \"...\"}}`.",
    "It fails with 422 Unprocessable Entity when the balance is too low.",
])
def test_api011_accepts_errors_stated_in_any_form(errors: str) -> None:
    text = f"""
    ### POST /v1/points/redeem

    Request: `{{"order_id": "o-1", "points": 500}}`. Returns `200` with the new balance.

    {errors}
    """
    assert lint_with("API011", text) == []


def test_api011_a_quantity_is_not_an_error_status() -> None:
    text = """
    ### GET /v1/points/balance

    Returns `200` with `{"balance": 1700}` within 500 ms, for up to 400 users at once.
    """
    assert spans(lint_with("API011", text)) == [(1, 1)]


def test_api011_leaves_a_route_outline_alone() -> None:
    text = """
    ## Endpoints

    - `GET /v1/orders`: list the customer's orders
    - `POST /v1/orders`: create an order
    """
    assert lint_with("API011", text) == []


def test_api011_skips_proposals() -> None:
    text = """
    # KEP-1234: Runtime info

    ## Summary
    ## Motivation
    ## Proposal
    ## Design Details

    ### GET /gather-runtime-info

    ```json
    {"containers": []}
    ```
    ## Graduation Criteria
    ## Test Plan
    ## Implementation History
    """
    assert lint_with("API011", text) == []


# --- API012 write-endpoint-without-request --------------------------------------------------------


def test_api012_flags_a_create_endpoint_with_a_response_and_no_request() -> None:
    text = """
    ## API

    ### POST /v1/labels

    Creates a shipping label for a parcel.

    **Response** `201`:

    ```json
    {"label_id": "l-1"}
    ```
    """
    findings = lint_with("API012", text)
    assert spans(findings) == [(3, 1)]
    assert "POST /v1/labels gives its response but not its request" in findings[0].message


@pytest.mark.parametrize("request_text", [
    "Body: `{\"parcel_id\": \"p-1\"}`.",
    "It takes the parcel id and the carrier.",
    "```json\n{\"parcel_id\": \"p-1\"}\n```",
    "| Field | Type |\n|---|---|\n| parcel_id | string |",
])
def test_api012_accepts_a_request_in_any_form(request_text: str) -> None:
    text = "### POST /v1/labels\n\n" + request_text + "\n\nReturns `201` with the label.\n"
    assert lint_with("API012", text) == []


@pytest.mark.parametrize("endpoint", ["POST /v1/orders/{id}/cancel", "POST /v1/logout", "GET /v1/labels",
                                      "DELETE /v1/labels/{id}"])
def test_api012_an_action_read_or_delete_needs_no_body(endpoint: str) -> None:
    assert lint_with("API012", f"### {endpoint}\n\nReturns `200`.\n") == []


def test_api012_flags_an_update_in_a_contract_table() -> None:
    text = """
    | Method | Path | Request | Response |
    |---|---|---|---|
    | PATCH | /v1/labels/{id} | | `200` with the label |
    """
    assert spans(lint_with("API012", text)) == [(3, 3)]


# --- API013 example-syntax-slip --------------------------------------------------------------------


@pytest.mark.parametrize("fence, code, where", [
    ("json", '{"a": 1, "b": 2,}', (2, 16)),
    ("json", '{\n  "a": 1\n  "b": 2\n}', (4, 3)),
    ("json", '{id: 1, "name": "x"}', (2, 2)),
    ("json", "{'id': 1, 'name': 'x'}", (2, 2)),
    ("json", '{"id": "o-1", "status": active}', (2, 25)),
    ("json", '{\n  "id": "o-1",\n  "items": [1, 2]', (4, 18)),
    ("json", '{"path": "C:\\k\\x"}', (2, 13)),
    ("yaml", "a:\n\tb: 1", (3, 1)),
    ("yaml", "hosts:\n  - *.example.com", (3, 5)),
    ("yaml", "owners:\n  - @team", (3, 5)),
    ("yaml", "retention:\n  infra\n    maxAge: 7d", (3, 8)),
    ("yaml", "apiVersion:cluster.x-k8s.io/v1\nkind: Machine", (2, 11)),
], ids=["trailing-comma", "missing-comma", "bare-key", "single-quotes", "bare-string", "unclosed", "backslash", "tab",
        "alias", "at-sign", "missing-colon", "no-space-after-colon"])
def test_api013_flags_an_example_one_slip_from_parsing(fence: str, code: str, where: tuple[int, int]) -> None:
    assert spans(lint_with("API013", f"```{fence}\n{code}\n```\n")) == [where]


@pytest.mark.parametrize("fence, code", [
    ("json", '{"id": <id>, "status": "open" "closed"}'),
    ("json", '"generics": {\n  "params": [1],'),
    ("yaml", "spec:\n  foo: bar\n baz: 1"),
    ("yaml", "$ kubectl get pods\nNAME READY"),
], ids=["placeholder-and-slip", "excerpt-cut-on-purpose", "indentation", "shell-session"])
def test_api013_leaves_sketches_to_the_preview_rules(fence: str, code: str) -> None:
    assert lint_with("API013", f"```{fence}\n{code}\n```\n") == []


# --- API002: a note about tokens is not how callers authenticate ---------------------------------


@pytest.mark.parametrize("security", [
    "Tokens are redacted from logs.",
    "The feature uses SSO like the rest of the app and must be secure.",
])
def test_api002_a_security_note_in_passing_is_not_authentication(security: str) -> None:
    text = f"""
    ## Endpoints

    - `POST /api/saved-searches` saves a search and returns `201`.

    ## Security

    {security}
    """
    assert spans(lint_with("API002", text)) == [(3, 3)]


def test_api002_a_security_section_that_speaks_of_the_api_calls_is_authentication() -> None:
    text = """
    ## Endpoints

    - `POST /api/saved-searches` saves a search and returns `201`.

    ## Security

    API requests carry the SSO session cookie.
    """
    assert lint_with("API002", text) == []


# --- API009: each endpoint of a paragraph has its own sentences ----------------------------------


def test_api009_an_endpoint_gets_nothing_from_another_endpoints_sentence() -> None:
    text = """
    ## Behaviour

    The editor sends the draft with `PUT /api/drafts/{id}` and the server answers `200` with the
    saved version. To discard a draft, the editor calls `DELETE /api/drafts/{id}`.
    """
    findings = lint_with("API009", text)
    assert spans(findings) == [(4, 54)]
    assert "DELETE /api/drafts/{id}" in findings[0].message


def test_api009_a_following_sentence_is_still_the_endpoints_own() -> None:
    text = """
    ## Behaviour

    The editor saves with `PUT /api/drafts/{id}`, which returns `200`. To discard a draft it calls
    `DELETE /api/drafts/{id}`. That call returns `204`.
    """
    assert lint_with("API009", text) == []


def test_api002_flags_a_product_spec_whose_api_is_shown_only_as_curl_calls() -> None:
    text = """
    # Status page API

    ```bash
    curl https://status.example.com/v1/incidents
    ```

    Returns `200` with the incidents.
    """
    assert spans(lint_with("API002", text)) == [(4, 32)]


def test_api002_a_curl_call_with_its_bearer_token_is_authentication() -> None:
    text = """
    # Status page API

    ```bash
    curl -H "Authorization: Bearer $TOKEN" https://status.example.com/v1/incidents
    ```
    """
    assert lint_with("API002", text) == []


def test_api002_sso_in_passing_in_the_api_section_is_not_authentication_of_the_calls() -> None:
    text = """
    ## API

    The mobile app is secure and uses SSO.

    - `POST /wallet/topups`: body `{amount_cents, card_token}`, returns `201` with the top-up.
    """
    assert spans(lint_with("API002", text)) == [(5, 3)]


def test_api002_sso_said_of_the_api_calls_is_authentication() -> None:
    text = """
    ## API

    Every request carries the user's SSO session.

    - `POST /wallet/topups`: body `{amount_cents, card_token}`, returns `201` with the top-up.
    """
    assert lint_with("API002", text) == []


@pytest.mark.parametrize("code, parsed", [
    ("description: matches *.example.com and user@example.com\nkind: Policy", False),
    ("spec:\n  replicas: 3\n  image: quay.io/app:v1", False),
    ("hosts:\n  - *.example.com", True),
    ("owners: [@team]", True),
    ("a:\n\tb: 1", True),
    ("retention:\n  infra\n    maxAge: 7d", True),
], ids=["star-and-at-inside-text", "valid", "alias-in-a-list", "at-in-flow", "tab", "bare-key-over-a-block"])
def test_api013_parses_only_an_example_that_may_hold_a_slip(code: str, parsed: bool) -> None:
    # Pure-Python YAML is slow on a KEP's CRD examples: an example with no tab, no `*` or `@` where a
    # token starts, and no colon slip cannot hold a slip the rule repairs, so it is never parsed.
    from speclint.rules.api_contract.example_syntax_slip import _may_hold_a_yaml_slip

    assert _may_hold_a_yaml_slip(code) is parsed


@pytest.mark.parametrize("code", [
    "hosts:\n  - registry.example.com\t# the mirror\n  - quay.io",
    "retention:\tP30D",
    "timeout: 30s\t\t# per attempt",
], ids=["tab-before-a-comment", "tab-after-a-colon", "tabs-before-a-comment"])
def test_api013_reads_a_tab_between_tokens_as_yaml_does(code: str) -> None:
    # YAML forbids tabs only in indentation; libyaml, go-yaml and kubectl read these examples.
    assert lint_with("API013", f"```yaml\n{code}\n```\n") == []


def test_api013_still_finds_a_slip_after_a_tab_between_tokens() -> None:
    code = "hosts:\t# mirrors\n  - @team"

    assert spans(lint_with("API013", f"```yaml\n{code}\n```\n")) == [(3, 5)]


def test_api004_reads_a_tab_between_tokens_as_yaml_does_and_a_tab_in_indentation_as_an_error() -> None:
    between = "hosts:\n  - registry.example.com\t# the mirror"
    indented = "hosts:\n\t- registry.example.com"

    assert (lint_with("API004", f"```yaml\n{between}\n```\n"),
            len(lint_with("API004", f"```yaml\n{indented}\n```\n"))) == ([], 1)
