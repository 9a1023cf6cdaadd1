"""API011 endpoint-without-errors: endpoints specified down to their request or response, and no word on how any of them fails."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.reading.endpoint_contracts import detailed_endpoints, first_line, more_endpoints, states_errors
from speclint.rules.api_contract.endpoint_without_contract import skips_document


class EndpointWithoutErrors(Rule):
    """Flags a spec that gives its endpoints' requests or responses and never says how any of them fails.

    **What it flags.** In a product specification (not a proposal, decision record, plan or task
    list), the first HTTP endpoint specified down to its contract, in a document that says
    nothing anywhere of errors. An endpoint is specified down to its contract when it has its own
    heading (`### POST /v1/orders`) and a success response, or when a JSON example, a field
    table, a request or response cell of an endpoint table, or a request example in code
    (`curl -X POST ...`, `POST /v1/orders HTTP/1.1`) gives its request or response. The
    document says something of errors when it has a 4xx or 5xx status anywhere (not "500 ms"),
    an error section, an `"error"` field in an example, or words such as "error response",
    "fails with", "rejects". One finding per document, at the first such endpoint, counting the
    others. A bare route list ("`GET /v1/orders`: list orders") is an outline, not a contract,
    and is left alone.

    **Why it matters.** A request and a response are half a contract. Without the failures (a
    missing order, an invalid body, a conflict, an expired token) every client invents its own
    handling, the server team picks status codes one pull request at a time, and the first
    partner integration finds out by trial and error.

    **Example**

    ```markdown
    ### POST /v1/points/redeem
    Request: `{"order_id": "o-1", "points": 500}`
    Response `200`: `{"balance": 1200}`
    ```

    **Use instead**

    ```markdown
    ### POST /v1/points/redeem
    Request: `{"order_id": "o-1", "points": 500}`
    Response `200`: `{"balance": 1200}`
    Errors: `404` unknown order, `409` points already redeemed for this order, `422` not enough
    points; the body is `{"error": {"code", "message"}}`.
    ```
    """

    id = "API011"
    name = "endpoint-without-errors"
    category = Category.API_CONTRACT
    default_level = Level.WARNING
    # Default: no finding on the corpus's specifications (its eight documents that specify
    # endpoints down to a request or response all state their errors; the two that do not are proposals, skipped);
    # bench/verdicts/round8-recall-api3.tsv.
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if skips_document(document, context):
            return
        detailed = detailed_endpoints(document)
        if not detailed or states_errors(document):
            return
        (span, label), others = detailed[0], len(detailed) - 1
        also = more_endpoints(others)
        yield Violation(first_line(span), f"endpoint {label} gives its contract but nothing in the document says how "
                                           f"it fails{also}: give its error statuses and the error body")
