"""API021 endpoint-left-out-of-authorization: who may call is given endpoint by endpoint, and one is left out."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import CodeBlock, Document, Span
from speclint.document.text import iter_prose, mask_invisible
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.interfaces import (
    AUTHORISATION_STRONG,
    ENDPOINT,
    SENTENCE_BREAK,
    endpoint_key,
    http_endpoints,
    named_endpoints,
)
from speclint.reading.requirements import document_kind
from speclint.rules.api_contract.api_authentication import _STRONG_AUTH
from speclint.rules.api_contract.endpoint_without_contract import _COMPANIONS, _is_task_list
from speclint.rules.api_contract.privileged_endpoint_without_authorization import _is_privileged


class EndpointLeftOutOfAuthorization(Rule):
    """Flags an endpoint with no word on who may call it, in a document that says it for its other endpoints one by one.

    **What it flags.** A document that states who may call its endpoints endpoint by endpoint (an
    `Auth` column, "requires the `orders:write` scope" in one row, "it requires the app's OAuth
    token" in the paragraph of one endpoint, "reading and editing (`GET`, `PATCH`) require the
    editor role") and has no statement for all of them ("every endpoint requires ...", an
    Authentication section, an OpenAPI `security`), when one endpoint's own row, sentences or
    section say nothing of it: an empty `Auth` cell, a row that alone lacks the "Requires ..." its
    neighbours have. Only an endpoint that changes something (POST, PUT, PATCH, DELETE), an admin or
    internal one, or one beside two or more endpoints that each say who may call them is flagged;
    health, login, token and webhook routes are left alone. One finding per endpoint.

    **Why it matters.** When the spec gives each endpoint its permission, the one without is read
    as open, or gets whatever the implementer guesses. It is usually the endpoint added last, and
    often the one that does the most (sends to every device, hands out the whole export).

    **Example**

    ```markdown
    | Method | Path | Auth |
    |---|---|---|
    | GET | /v1/teams/{id}/settings | session, Admin role |
    | PUT | /v1/teams/{id}/settings | |
    ```

    **Use instead**

    ```markdown
    | Method | Path | Auth |
    |---|---|---|
    | GET | /v1/teams/{id}/settings | session, Admin role |
    | PUT | /v1/teams/{id}/settings | session, Admin role; others get 403 |
    ```
    """

    id = "API021"
    name = "endpoint-left-out-of-authorization"
    category = Category.API_CONTRACT
    default_level = Level.WARNING
    # Default: no finding on the corpus, none on a clean document of any development set; its four on eval6
    # are keyed auth defects (bench/verdicts/round17-api17.tsv).
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not any(method in document.source for method in _WRITE_METHODS) and "GET" not in document.source:
            return
        if document_kind(document, context) in _COMPANIONS or _is_task_list(document):
            return
        # health, sign-in, token and webhook routes are public or checked another way: not the API's convention
        endpoints = {key: own for key, own in _own_texts(document).items()
                     if not _PUBLIC_BY_NATURE.search(own[1].partition(" ")[2])}
        if len(endpoints) < 2 or _states_for_all(document):
            return
        by_bare_method = _methods_named_with_authorization(document)
        covered = {key for key, (_span, _label, text) in endpoints.items()
                   if _says_who(text) or key[0] in by_bare_method}
        if not covered:
            return
        home = {key: _home_line(document, span.start.line) for key, (span, _label, _text) in endpoints.items()}
        for key, (span, label, _text) in endpoints.items():
            if key in covered:
                continue
            # its siblings: the covered endpoints of its own section (a table's rows, a list of interfaces)
            siblings = sum(home[other] == home[key] for other in covered)
            if siblings and (key[0] in _WRITE_METHODS or _is_privileged(label) or siblings >= 2):
                yield Violation(span, f"endpoint {label} says nothing of who may call it, while the document "
                                      "says it for its other endpoints one by one: name its role, permission or "
                                      "scope, or say it is public")


_WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
#: Routes whose callers are not the API's users, or anyone: health checks, sign-in, tokens, webhooks.
_PUBLIC_BY_NATURE = lazy_compile(
    r"/(?:health\w*|healthz|livez|readyz|ping|status|metrics|version|login|logout|sign-?in|sign-?up|register|"
    r"oauth\w*|token|tokens|session|sessions|callbacks?|webhooks?|hooks|public|\.well-known)(?:/|$|\?)",
    re.I,
)
#: Who may call, written as a requirement: "Requires `data:export`", "needs the `payroll:read` scope",
#: "requires Owner or Admin".
_REQUIRES_GRANT = lazy_compile(r"\b(?:[Rr]equire[sd]?|[Nn]eeds?|[Nn]eeded)\s+(?:an?\s+|the\s+)?(?:`[\w.:*/-]+`|[A-Z]\w+(?:\s+(?:or|and)\s+[A-Z]\w+)+\b)")
#: A statement for every endpoint: "All endpoints require ...", "every request carries ...".
_FOR_ALL = lazy_compile(r"\b(?:all|every|each|any)\s+(?:\w+\s+)?(?:endpoints?|requests?|calls?|routes?|operations?|"
                        r"apis?|methods?)\b|\bthe\s+(?:whole\s+)?api\s+(?:requires?|uses?|expects?)\b", re.I)
_AUTH_TITLE = lazy_compile(r"\b(?:auth\w*|security|permissions?|access\s+control|rbac)\b", re.I)
#: A path, whose words say nothing of who may call: `/v1/workspaces/{id}/sso/jit`.
_PATH = lazy_compile(r"(?<![\w/])/[\w{}.:~-]+(?:/[\w{}.:~-]*)*")
#: A method named alone in code, without a path: "(`POST /campaigns`, `GET`, `PATCH`)".
_BARE_METHOD = lazy_compile(r"`(GET|POST|PUT|PATCH|DELETE)`")


def _says_who(text: str) -> bool:
    """Words that can only be about who may call: not a bare "session" or "token" (a review session,
    an LLM's tokens) nor "signed in" ("marks the contract signed in the CRM")."""
    return bool(AUTHORISATION_STRONG.search(text) or _STRONG_AUTH.search(text) or _REQUIRES_GRANT.search(text)
                or _SIGN_ON.search(text))


#: Sign-on schemes, which API002's strong words leave to its API sections.
_SIGN_ON = lazy_compile(r"\b(?:sso|saml|single\s+sign[- ]on)\b", re.I)


def _own_texts(document: Document) -> dict[tuple[str, str], tuple[Span, str, str]]:
    """Each endpoint with what is said of it alone: its table row, or the sentences naming its path,
    or (defined by a heading) its section."""
    found: dict[tuple[str, str], tuple[Span, str, str]] = {}
    for interface in http_endpoints(document):
        if interface.kind != "http":
            continue
        method, _, path = interface.label.partition(" ")
        key = endpoint_key(method, path.split("?", 1)[0])
        if interface.row is not None:
            own = _PATH.sub(" ", " | ".join(cell.text for cell in interface.row))
            cell = _auth_cell(interface.header, interface.row)
            if cell is not None and cell.strip(" `*_-—–"):
                own += " " + _COLUMN_SAYS  # an Auth or Permission column filled in for this row
            own += " " + " ".join(_sentences_naming(interface.text, path))
        else:
            own = interface.text
        span, label, text = found.get(key, (interface.span, interface.label, ""))
        found[key] = (span, label, text + "\n" + own)
    for endpoint in named_endpoints(document):
        path = endpoint.label.partition(" ")[2]
        if document.lines[endpoint.span.start.line - 1].lstrip().startswith("|"):
            own = " ".join(_PATH.sub(" ", context) for context in endpoint.contexts)  # its row
        else:
            own = " ".join(sentence for context in endpoint.contexts for sentence in _sentences_naming(context, path))
        span, label, text = found.get(endpoint.key, (endpoint.span, endpoint.label, ""))
        found[endpoint.key] = (span, label, text + "\n" + (own or " ".join(endpoint.contexts)))
    return found


#: A column that says who may call each endpoint: "Auth", "Permission", "Required scope", "Roles".
_AUTH_COLUMN = lazy_compile(r"^\W*(?:auth\w*|permissions?|(?:required\s+)?scopes?|roles?|access|who(?:\s+may\s+call)?|"
                            r"security|caller|callers)\W*$", re.I)
_COLUMN_SAYS = "authorization"


def _auth_cell(header: list[str], row: list) -> str | None:
    """The text of the row's cell under an Auth or Permission column, or None when there is none."""
    for index, name in enumerate(header):
        if _AUTH_COLUMN.match(name) and index < len(row):
            return row[index].text
    return None


def _home_line(document: Document, line: int) -> int:
    """The line of the heading of the innermost section holding `line` (0 before any heading)."""
    home = 0
    for section in document.sections():
        if section.heading is not None and section.heading.span.start.line <= line:
            home = section.heading.span.start.line
    return home


def _sentences_naming(text: str, path: str) -> list[str]:
    """The sentences of `text` that name `path`, with the endpoints' paths masked (`/v1/auth/...`
    says nothing of who may call)."""
    return [_PATH.sub(" ", ENDPOINT.sub(" ", sentence)) for sentence in SENTENCE_BREAK.split(text) if path in sentence]


def _states_for_all(document: Document) -> bool:
    """A statement that covers every endpoint: a sentence for all of them with an authentication or
    authorisation word, a section on authentication, or an OpenAPI `security`."""
    for section in document.sections():
        if section.heading is not None and _AUTH_TITLE.search(section.title):
            return True
    for _section, block in document.iter_blocks():
        if isinstance(block, CodeBlock) and re.search(r"^[ \t]*(?:security|securitySchemes)[ \t]*:", block.code, re.M):
            return True
    for piece in iter_prose(document):
        text = mask_invisible(" ".join(segment.text for segment in piece.segments))
        for sentence in SENTENCE_BREAK.split(text):
            if _FOR_ALL.search(sentence) and _says_who(ENDPOINT.sub(" ", sentence)):
                return True
    return False


def _methods_named_with_authorization(document: Document) -> set[str]:
    """Methods named alone in code in a sentence that says who may call: "Creating, reading and
    editing drafts (`POST /campaigns`, `GET`, `PATCH`) requires the `liveops:write` role"."""
    methods: set[str] = set()
    for piece in iter_prose(document):
        text = " ".join(segment.text for segment in piece.segments)
        if "`" not in text:
            continue
        for sentence in SENTENCE_BREAK.split(text):
            bare = _BARE_METHOD.findall(sentence)
            if bare and _says_who(ENDPOINT.sub(" ", sentence)):
                methods.update(bare)
    return methods
