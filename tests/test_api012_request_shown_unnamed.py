"""API012 write-endpoint-without-request: a request example introduced as what the client sends,
without naming the endpoint, is the request of the document's only endpoint that takes a body; it
is nobody's when two endpoints take one, and a response example is never a request."""

import pytest
from conftest import lint_with, spans

_TABLE = """
    | Route | Returns |
    |---|---|
    | `POST /v2/webhook-subscriptions` | `201` with the new subscription's id |
    | `DELETE /v2/webhook-subscriptions/{id}` | `204` |
"""


def api012(text: str) -> list[tuple[int, int]]:
    return spans(lint_with("API012", text))


@pytest.mark.parametrize("intro", [
    "You can also subscribe through the public API:",
    "**Request body**",
    "To subscribe, send:",
    "Alternativ über die API:",
], ids=["through-the-api", "bold-label", "send", "german"])
def test_request_example_introduced_as_sent_is_the_only_writes_request(intro):
    text = f"""
    # Webhook subscriptions

    ## How to subscribe

    {intro}

    ```json
    {{"url": "https://hooks.example.com/in", "events": ["invoice.paid"]}}
    ```

    ## API
    {_TABLE}
    """
    assert api012(text) == []


def test_a_response_example_is_not_a_request():
    text = f"""
    # Webhook subscriptions

    ## How to subscribe

    The API returns:

    ```json
    {{"id": "ws_1", "url": "https://hooks.example.com/in"}}
    ```

    ## API
    {_TABLE}
    """
    assert api012(text) == [(15, 3)]


def test_with_two_writes_the_example_is_neither_ones_request():
    text = """
    # Webhook subscriptions

    ## How to subscribe

    You can also subscribe through the public API:

    ```json
    {"url": "https://hooks.example.com/in", "events": ["invoice.paid"]}
    ```

    ## API

    | Route | Returns |
    |---|---|
    | `POST /v2/webhook-subscriptions` | `201` with the new subscription's id |
    | `PUT /v2/webhook-subscriptions/{id}` | `200` with the subscription |
    """
    assert api012(text) == [(15, 3)]
