"""API002 api-authentication-undefined: HTTP endpoints, and no word on who may call them."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.examples import load_fragment, operations
from speclint.document.model import CodeBlock, Document, Position, Span
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.interfaces import AUTH_WORDS, NamedEndpoint, http_endpoints, named_endpoints, says_anything_of_contract
from speclint.reading.requirements import not_in_scope, section_text


class ApiAuthenticationUndefined(Rule):
    """Flags a document that defines HTTP endpoints but never says how callers authenticate.

    **What it flags.** A document with at least one HTTP endpoint definition (a heading, a leading
    list item or paragraph, an endpoint-table row, an OpenAPI operation, endpoints listed one per
    line in a code block of a product spec, a curl call in a product spec's code) in which nothing mentions
    authentication or authorization: no auth, token, bearer, API key, OAuth, session, cookie, mTLS,
    signature, SSO, no 401/403, no OpenAPI `security` or `securitySchemes`, no statement that an
    endpoint is public, and no rule naming who may act by their own account ("only the account that
    booked can reschedule": the caller is signed in). Words that also mean other things (session, cookie, SSO, credentials,
    security) count only in the API's own sections: "the admin console uses SSO" elsewhere does
    not say how the API's callers authenticate. Nor do a bare "token" (an LLM's tokens), a proposal's "Author:" line, a
    resource of the API itself (`POST /sessions`) or a non-goal ("No RBAC"). An endpoint named only in prose counts when the
    text around it tells part of its contract ("`GET /v1/orders` returns the orders"): in product
    specs, not in proposals or task lists. One finding, at the first endpoint. Saying it once for the whole API is
    enough. A call drawn in a sequence diagram does not stand for the document's API. And in a product spec
    whose API does authenticate its callers, an endpoint that receives another system's webhooks
    (`/webhooks/...`, `/hooks/...`, `/callbacks/...`) is flagged when nothing says how the sender is
    verified (a signature, HMAC, a shared secret, mTLS, an allowlist): the users' token is not what a
    payment provider sends.

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
            listed = _code_block_endpoints(document, context) or _code_requests(document, context)
            if listed:
                first = listed[0]
        if first is None:
            # Endpoints only named in prose, whose request or response is told there: their callers
            # authenticate somehow too. (One named with nothing at all is API009's.)
            described = _described_named_endpoints(document, context)
            if not described:
                return
            first = (described[0].span, described[0].label)
            endpoints = described
        if _states_authentication(document, endpoints, code_text):
            hook = _unverified_webhook(document, context, endpoints)
            if hook is not None:
                yield Violation(hook.span, f"endpoint {hook.label} receives webhooks from another system, and "
                                           "nothing says how the sender is verified: name the signature (HMAC "
                                           "and its secret), the token or the mTLS identity, and what a request "
                                           "that fails it gets")
            return
        span, label = first
        yield Violation(span, f"endpoint {label} and the rest of the API never say how callers authenticate: "
                              "name the scheme (token, API key, session, mTLS) or say the endpoint is public")


#: Words that can only be about authentication, wherever they stand.
_STRONG_AUTH = lazy_compile(
    # A bare "token" is also an LLM's ("token-by-token streaming") or a secret redacted from logs.
    r"\b(?:auth(?:entication|enticated|enticates?|orization|orized|orizes?|n|z|header)?|bearer|api[- ]keys?|"
    r"(?:access|api|session|refresh|id|jwt|oauth|personal\s+access|service|signed|csrf)\s+tokens?|"
    r"oauth\d?|openid|oidc|jwt|mtls|mutual\s+tls|client\s+certificates?|signed\s+requests?|hmac|"
    r"unauthenticated|unauthori[sz]ed|public\s+endpoints?|no\s+authentication|anonymous|401|403|securityschemes|"
    r"rbac|access\s+control|(?:only|is|are)\s+(?:\w+\s+){0,4}allowed\s+to\s+(?:query|call|access|reach|use))\b"
    # Who may act, by the caller's own account: "Only the parent account that booked can reschedule"
    # names a signed-in caller, so the API knows who calls it.
    r"|\bonly\s+(?:the|their|its)\s+(?:[\w-]+\s+){0,2}?(?:account|owner|user|admin(?:istrator)?|member|creator|author)s?"
    r"(?:\s+(?:who|that)\s+[\w\s-]{1,30}?)?\s+(?:can|may|is\s+able\s+to|are\s+able\s+to)\s+\w",
    re.I,
)
#: Titles of the sections that are about the API (where a weaker word such as "session" or
#: "SSO" does speak about how callers authenticate).
_API_TITLES = lazy_compile(r"\b(?:api|apis|endpoints?|routes?|http|rest|interfaces?|auth\w*|security|access)\b", re.I)


def _states_authentication(document: Document, endpoints: list, code_text: list[str]) -> bool:
    """True when the document says how callers authenticate: a word that can only mean it
    anywhere, or any auth word (session, cookie, SSO, credentials) in the API's own sections or
    code. "The marketing site uses SSO" elsewhere says nothing about the API."""
    # Non-goals and alternatives do not say how this API authenticates ("No multi-user, RBAC").
    prose = "\n".join(section_text(section, deep=False) for section in document.root.walk()
                      if section.heading is None or not not_in_scope(section))
    if _STRONG_AUTH.search(mask_invisible(prose)) or _STRONG_AUTH.search(prose):
        return True
    if AUTH_WORDS.search("\n".join(code_text)):
        return True
    endpoint_lines = {endpoint.span.start.line for endpoint in endpoints}
    # A word that names one of the API's own resources ("POST /sessions") is not a sign-in there.
    resources = {part.lower().rstrip("s") for endpoint in endpoints
                 for part in re.findall(r"[A-Za-z]+", endpoint.label.split(" ", 1)[-1])}
    for section in document.sections():
        own = section.heading is not None and _API_TITLES.search(section.title)
        holds_endpoint = any(section.span.start.line <= line <= section.span.end.line for line in endpoint_lines)
        if not (own or holds_endpoint):
            continue
        # A Security section speaks of the whole product: its sign-in words are the API's only in a
        # sentence about the API's calls ("the feature uses SSO like the rest of the app" is not).
        general = not (holds_endpoint or _API_OWN_TITLES.search(section.title))
        for sentence in _SENTENCE_END.split(section_text(section, deep=not holds_endpoint)):
            if general and not _ABOUT_CALLS.search(sentence):
                continue
            if any(_says_who_calls(word, sentence, resources) for word in AUTH_WORDS.finditer(sentence)):
                return True
    return False


#: Titles of sections about the API itself or its authentication (not a product-wide Security section).
_API_OWN_TITLES = lazy_compile(r"\b(?:api|apis|endpoints?|routes?|http|rest|interfaces?|auth\w*)\b", re.I)
#: A sentence about the API's calls.
_ABOUT_CALLS = lazy_compile(r"\b(?:api|apis|endpoints?|requests?|calls?|callers?|clients?|headers?|routes?|"
                            r"server|backend|services?)\b", re.I)


_SENTENCE_END = lazy_compile(r"(?<=[.!?;])\s+|\n")
#: A sentence about keeping secrets out of logs or at rest: its "tokens" say nothing of how callers sign in.
_SECRET_HANDLING = lazy_compile(r"\b(?:redact\w*|mask\w*|scrub\w*|obfuscat\w*|logs?|logged|logging|"
                                r"encrypt\w*|hash\w*|stored?|rotat\w*)\b", re.I)
_SIGN_IN_WORDS = frozenset({"sso", "saml"})
_SECRET_WORDS = frozenset({"token", "credential", "session", "cookie"})


def _says_who_calls(word: re.Match[str], sentence: str, resources: set[str]) -> bool:
    """True when an auth word of an API section says how callers authenticate. Not "security" (a
    Security heading's own word), not SSO outside a sentence about the API's calls ("the app is
    secure and uses SSO"), not one of the API's resources (`POST /sessions`), not tokens or
    credentials in a sentence about redacting, logging or storing them ("tokens are redacted
    from logs")."""
    name = word.group(0).lower().rstrip("s")
    if name in resources or name == "security":
        return False
    if name in _SIGN_IN_WORDS and not _ABOUT_CALLS.search(sentence):
        return False  # "the mobile app is secure and uses SSO": how people sign in, not how calls authenticate
    return not (name in _SECRET_WORDS and _SECRET_HANDLING.search(sentence))


#: A path that receives another system's calls: `/webhooks/stripe`, `/hooks/carriers/{id}`, `/callbacks/sms`.
_WEBHOOK_PATH = lazy_compile(r"/(?:web-?hooks?|hooks|callbacks?|notify|ipn)(?:/|$)", re.I)
#: How a receiver knows who sent a webhook: a signature, a shared secret, a token in the URL, mTLS, an allowlist.
_SENDER_VERIFIED = lazy_compile(
    r"\b(?:signatures?|signed|signing|hmac|shared\s+secrets?|secrets?|verif\w+|validat\w+\s+(?:the\s+)?(?:sender|"
    r"request|payload)|mtls|mutual\s+tls|client\s+certificates?|allow-?list\w*|whitelist\w*|ip\s+ranges?|"
    r"basic\s+auth\w*|jws|oidc)\b",
    re.I,
)


def _unverified_webhook(document: Document, context: RuleContext, endpoints: list) -> "NamedEndpoint | None":
    """In a product spec whose API authenticates its callers, an endpoint that receives another
    system's webhooks (its path says so) when nothing in the document says how the sender is verified:
    the users' bearer token is not what a payment provider or a carrier sends."""
    from speclint.rules.api_contract.endpoint_without_contract import skips_document

    hooks = [endpoint for endpoint in [*endpoints, *named_endpoints(document)]
             if _WEBHOOK_PATH.search(endpoint.label.partition(" ")[2].split("?", 1)[0])
             and endpoint.label.startswith(("POST", "PUT"))]
    if not hooks or skips_document(document, context):
        return None
    if _SENDER_VERIFIED.search(mask_invisible(section_text(document.root, with_code=True))):
        return None
    return min(hooks, key=lambda endpoint: (endpoint.span.start.line, endpoint.span.start.column))


def _described_named_endpoints(document: Document, context: RuleContext) -> list[NamedEndpoint]:
    """Endpoints named in the prose of a product spec (not a proposal, not a task list) with some of
    their contract told."""
    from speclint.rules.api_contract.endpoint_without_contract import skips_document

    if skips_document(document, context):
        return []
    # A call drawn in a sequence diagram is how services talk, often an internal one: how the
    # diagram's callers authenticate is the design's business only where its text names the API.
    return [endpoint for endpoint in named_endpoints(document)
            if not endpoint.in_diagram and says_anything_of_contract(endpoint, foreign_counts=False)]


#: A code line that is only an endpoint, perhaps with a note: "POST /v1/exports", "GET /v1/x  # poll".
_CODE_ENDPOINT = lazy_compile(r"^\s*(GET|POST|PUT|PATCH|DELETE)\s+(/[^\s`]*)(?:\s+(?:#|//|--|:)[^\n]*|\s{2,}\S[^\n]*)?$")
#: Languages of a block that lists an API's endpoints (not a program, not a raw request with headers).
_ENDPOINT_LIST_LANGUAGES = frozenset({"", "http", "text", "txt", "plain", "plaintext", "rest", "api", "endpoints"})


def _code_requests(document: Document, context: RuleContext) -> list[tuple[Span, str]]:
    """Calls a product spec shows as curl commands (`curl -X POST https://host/v1/x`): its own API,
    called the way its clients will call it. (A raw request, `GET /x HTTP/1.1`, is an example.)"""
    from speclint.reading.endpoint_contracts import code_requests
    from speclint.rules.api_contract.endpoint_without_contract import skips_document

    requests = code_requests(document, curl_only=True)
    return [] if not requests or skips_document(document, context) else requests


def _code_block_endpoints(document: Document, context: RuleContext) -> list[tuple[Span, str]]:
    """Endpoints listed one per line in a fenced code block of a product spec (```http POST /v1/x```):
    the API the document defines, written as code. Raw requests (`GET /x HTTP/1.1` and headers) are
    examples, and proposals, plans and task lists name endpoints without defining them."""
    from speclint.rules.api_contract.endpoint_without_contract import skips_document

    found: list[tuple[Span, str]] = []
    for section, block in document.iter_blocks():
        if not (isinstance(block, CodeBlock) and block.fenced and block.language in _ENDPOINT_LIST_LANGUAGES):
            continue
        if section.heading is not None and not_in_scope(section):
            continue
        for segment in block.lines:
            match = _CODE_ENDPOINT.match(segment.text)
            if match and "HTTP/" not in segment.text:
                start = segment.column + match.start(1)
                found.append((Span.of(segment.line, start, segment.line, segment.column + match.end(2)),
                              f"{match.group(1)} {match.group(2)}"))
    if found and skips_document(document, context):
        return []
    return found
