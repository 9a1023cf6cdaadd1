"""API001 interface-contract-incomplete: an endpoint, command or event whose contract is missing a part."""

from __future__ import annotations

from typing import Iterator

from speclint.document.examples import load_fragment, operations
from speclint.document.model import CodeBlock, Document, Position, Span
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.reading.interfaces import cli_commands, events, has_error_catalogue, http_endpoints, missing_parts
from speclint.reading.requirements import is_proposal

_PARTS = ("request", "response", "errors")


class InterfaceContractIncomplete(Rule):
    """Flags an endpoint, CLI command or event defined in the document without a complete contract.

    **What it flags.** Each interface the document defines, with what its contract lacks:

    - an HTTP endpoint (a heading such as `### POST /v1/orders`, a list item or paragraph that
      starts with the endpoint, a row of an endpoint table, an operation of an OpenAPI fragment):
      the request body for POST, PUT and PATCH (a JSON example, a field table, or the words body,
      payload, parameters, fields); the success response (a 2xx status, "returns", "response");
      error responses with status codes (4xx/5xx in its section or row, or an errors section or
      table with codes for the whole API);
    - a CLI command with its own heading (`` ### `billing export` ``): arguments or options, the
      output on success, errors and exit codes;
    - an event or message with its own heading (`` ### `order.created` event ``): its payload.

    An endpoint merely mentioned in a sentence is not a definition and is not checked. CLI commands
    and events are not checked in proposals (Rust RFCs, KEPs, ADRs, Go design documents, OTEPs),
    which discuss commands rather than define them. Authentication is API002's business.

    **Why it matters.** The contract is what frontend, backend and partner teams build against in
    parallel. A missing error list becomes three different error formats; a missing request shape
    becomes a week of back-and-forth in pull-request comments.

    **Example**

    ```markdown
    ### POST /v1/orders
    Creates an order for the signed-in customer.
    ```

    **Use instead**

    ```markdown
    ### POST /v1/orders
    Creates an order for the signed-in customer.

    Request body: `{"items": [{"sku": "A-1", "quantity": 2}], "coupon": "SPRING"}`

    Returns `201 Created` with the order. Errors: `400` invalid items, `409` coupon already
    used, `422` an item is out of stock.
    ```
    """

    id = "API001"
    name = "interface-contract-incomplete"
    category = Category.API_CONTRACT
    default_level = Level.WARNING
    # Measured below 90% precision on real documents (bench/verdicts): opt-in until it reaches it.
    group = Group.PREVIEW
    options = (
        Option("require", "list[str]", list(_PARTS),
               "Contract parts to require: 'request', 'response', 'errors'."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        required = set(context.options["require"])
        catalogue = has_error_catalogue(document)
        interfaces = http_endpoints(document)
        if not is_proposal(document, context):
            interfaces += cli_commands(document) + events(document)
        for interface in interfaces:
            missing = [part for part in missing_parts(interface, catalogue) if _part_key(part) in required]
            if missing:
                what = {"http": "endpoint", "cli": "command", "event": "event"}[interface.kind]
                yield Violation(interface.span, f"{what} {interface.label} has no {_join(missing)}: "
                                                "state it so clients can be built against it")
        for _section, block in document.iter_blocks():
            if isinstance(block, CodeBlock) and block.fenced:
                yield from _check_openapi(block, required, catalogue)


def _check_openapi(block: CodeBlock, required: set[str], catalogue: bool) -> Iterator[Violation]:
    fragment = load_fragment(block)
    if fragment is None:
        return
    for operation in operations(fragment):
        missing = []
        responses = operation.data.get("responses")
        codes = [str(code) for code in responses] if isinstance(responses, dict) else []
        if "request" in required and operation.method in ("POST", "PUT", "PATCH") and \
                "requestBody" not in operation.data and not operation.data.get("parameters"):
            missing.append("request body")
        if "response" in required and not any(code.startswith("2") for code in codes):
            missing.append("success response")
        if "errors" in required and not catalogue and \
                not any(code[:1] in "45" or code == "default" for code in codes):
            missing.append("error responses with status codes")
        if missing:
            yield Violation(_point(operation.position),
                            f"OpenAPI operation {operation.method} {operation.path} has no {_join(missing)}")


def _point(position: Position) -> Span:
    return Span(position, Position(position.line, position.column + 1))


def _part_key(part: str) -> str:
    if part in ("request body", "arguments and options", "payload"):
        return "request"
    if part in ("success response", "output on success"):
        return "response"
    return "errors"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
