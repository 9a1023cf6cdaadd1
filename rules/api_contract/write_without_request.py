"""API012 write-endpoint-without-request: a create or update endpoint whose response is given and whose request is not."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.reading.endpoint_contracts import (
    first_line,
    heading_lines,
    more_endpoints,
    request_given_elsewhere,
    request_shown_unnamed,
    takes_a_body,
    writes_without_request,
)
from speclint.reading.interfaces import endpoint_key, http_endpoints
from speclint.rules.api_contract.endpoint_without_contract import skips_document


class WriteEndpointWithoutRequest(Rule):
    """Flags a create or update endpoint whose response the spec gives and whose request body it never states.

    **What it flags.** In a product specification (not a proposal, decision record, plan or task
    list), a PUT or PATCH endpoint, or a POST to a collection (`POST /v1/labels`,
    `POST /v1/orders/{id}/items`), whose success response is written down (a status, "returns",
    a response example or cell) and whose request is not: no JSON example or field table that is
    not the response, no request cell, no word of its body, fields, parameters or payload. POSTs
    that act on one resource (`POST /v1/orders/{id}/cancel`, `POST /logout`) need no body and are
    left alone. A request given in another paragraph that names the endpoint by its path alone, or
    by its method alone when no other endpoint has that method ("the body of the `PUT` is ..."),
    counts, and so does, when the document has only one endpoint that takes a body, a JSON example
    introduced as what the client sends without naming it ("or use the API:", "Request body:"). One finding per document, at the first such endpoint, counting the others.

    **Why it matters.** A create or update endpoint is mostly its request: which fields, which of
    them required, in what format. A spec that shows the response and not the request leaves the
    client and server teams to agree on the body in code review, after both have written it.

    **Example**

    ```markdown
    ### POST /v1/labels
    Creates a shipping label. Returns `201` with `{"label_id": "l-1", "pdf_url": "..."}`.
    ```

    **Use instead**

    ```markdown
    ### POST /v1/labels
    Creates a shipping label. Body: `{"parcel_id": "p-1", "carrier": "ups", "service": "ground"}`.
    Returns `201` with `{"label_id": "l-1", "pdf_url": "..."}`.
    ```
    """

    id = "API012"
    name = "write-endpoint-without-request"
    category = Category.API_CONTRACT
    default_level = Level.WARNING
    # Default: no finding on the corpus's specifications (bench/verdicts/round8-recall-api3.tsv).
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if skips_document(document, context):
            return
        headed = heading_lines(document)
        endpoints = http_endpoints(document)
        methods = [endpoint.method for endpoint in endpoints]
        silent = [endpoint for endpoint in endpoints
                  if takes_a_body(endpoint)
                  and writes_without_request(endpoint, endpoint.span.start.line in headed, document.lines)
                  and not request_given_elsewhere(endpoint, document, methods.count(endpoint.method))]
        if not silent:
            return
        bodied = {endpoint_key(endpoint.method, endpoint.label.partition(" ")[2].split("?", 1)[0])
                  for endpoint in endpoints if takes_a_body(endpoint)}
        if len(bodied) == 1 and request_shown_unnamed(document):
            return  # the only endpoint that takes a body: a request example introduced as sent to the API is its own
        first, others = silent[0], len(silent) - 1
        also = more_endpoints(others)
        yield Violation(first_line(first.span), f"endpoint {first.label} gives its response but not its request{also}: "
                              "state the body it takes (fields, types, which are required)")
