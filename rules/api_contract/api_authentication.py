"""API002 api-authentication-undefined: HTTP endpoints, and no word on who may call them."""

from __future__ import annotations

from typing import Iterator

from speclint.document.examples import load_fragment, operations
from speclint.document.model import CodeBlock, Document, Position, Span
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.reading.interfaces import AUTH_WORDS, http_endpoints
from speclint.reading.requirements import section_text


class ApiAuthenticationUndefined(Rule):
    """Flags a document that defines HTTP endpoints but never says how callers authenticate.

    **What it flags.** A document with at least one HTTP endpoint definition (a heading, a leading
    list item or paragraph, an endpoint-table row, an OpenAPI operation) in which nothing mentions
    authentication or authorization: no auth, token, bearer, API key, OAuth, session, cookie, mTLS,
    signature, SSO, no 401/403, no OpenAPI `security` or `securitySchemes`, and no statement that an
    endpoint is public. One finding, at the first endpoint. Saying it once for the whole API is
    enough.

    **Why it matters.** Authentication decides the client code, the gateway configuration and the
    threat model. When the spec is silent, the endpoint ships either open or with whatever scheme
    the first implementer liked.

    **Example**

    ```markdown
    ## API
    ### GET /v1/invoices/{id}
    Returns the invoice as JSON (`200`), or `404` when it does not exist.
    ```

    **Use instead**

    ```markdown
    ## API
    All endpoints require a bearer token from the customer's session; a missing or expired token
    gets `401`, another customer's invoice gets `404`.

    ### GET /v1/invoices/{id}
    Returns the invoice as JSON (`200`), or `404` when it does not exist.
    ```
    """

    id = "API002"
    name = "api-authentication-undefined"
    category = Category.API_CONTRACT
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        endpoints = http_endpoints(document)
        first: tuple[Span, str] | None = None
        if endpoints:
            first = (endpoints[0].span, endpoints[0].label)
        code_text = []
        for _section, block in document.iter_blocks():
            if isinstance(block, CodeBlock):
                code_text.append(block.code)
                if first is None and block.fenced:
                    fragment = load_fragment(block)
                    operation = next(operations(fragment), None) if fragment else None
                    if operation is not None:
                        position = operation.position
                        first = (Span(position, Position(position.line, position.column + 1)),
                                 f"{operation.method} {operation.path}")
        if first is None:
            return
        prose = mask_invisible(section_text(document.root))
        if AUTH_WORDS.search(prose) or AUTH_WORDS.search(section_text(document.root)) \
                or AUTH_WORDS.search("\n".join(code_text)):
            return
        span, label = first
        yield Violation(span, f"endpoint {label} and the rest of the API never say how callers authenticate: "
                              "name the scheme (token, API key, session, mTLS) or say the endpoint is public")
