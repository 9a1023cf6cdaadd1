"""API014 privileged-endpoint-without-authorization: an admin, internal or ops endpoint, and nothing says who may call it."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import CodeBlock, Document, Span
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.interfaces import AUTHORISATION_STRONG, ENDPOINT, http_endpoints, named_endpoints
from speclint.reading.requirements import document_kind, not_in_scope, section_text
from speclint.rules.api_contract.endpoint_without_contract import _COMPANIONS, _is_task_list

#: A path segment that reserves an endpoint for the operator's own people: `/admin/...`,
#: `/v1/admin/...`, `/internal/...`, `/ops/...`, `/debug/...` (and the German and Spanish words).
_PRIVILEGED_SEGMENT = lazy_compile(
    r"^(?:admin|administration|internal|intern|interno|ops|operations|operator|management|mgmt|backoffice|"
    r"back-office|staff|debug|superuser|sudo)$",
    re.I,
)
#: How callers are recognised, beyond the authorisation words every admin rule reads: a token, a key,
#: a network boundary, and the same in German, Spanish and French.
_CALLER_RECOGNISED = lazy_compile(
    r"\b(?:bearer|tokens?|api[- ]keys?|oauth\d?|oidc|openid|jwt|mtls|mutual\s+tls|client\s+certificates?|"
    r"signed\s+requests?|hmac|sso|saml|single\s+sign[- ]on|credentials?|service\s+accounts?|unauthenticated|"
    r"anonymous|vpn|private\s+network|bastion|network\s+polic\w+|firewall\w*|not\s+exposed|localhost|loopback|"
    r"autenticaci[óo]n|autorizaci[óo]n|permisos?|rol(?:es)?|berechtigung\w*|rollen?|authentifizier\w*|"
    r"autoris\w*|authentifi\w*|droits?)\b",
    re.I,
)


#: A sentence about the endpoints or who calls them: a token there is how callers are recognised;
#: "a `~/.npmrc` with a token" left on a build machine is not.
_ABOUT_CALLERS = lazy_compile(
    r"\b(?:endpoints?|apis?|calls?|callers?|call(?:ed|ing)|requests?|admins?|administrators?|operators?|on-call|"
    r"support|staff|engineers?|team|console|dashboard|clients?|users?|sign(?:s|ed)?[- ]in|log(?:s|ged)?[- ]in)\b",
    re.I,
)
_SENTENCE_END = lazy_compile(r"(?<=[.!?])\s+|\n\s*\n")


class PrivilegedEndpointWithoutAuthorization(Rule):
    """Flags an admin, internal or ops endpoint named in any document, decision records and proposals too, when nothing says who may call it.

    **What it flags.** An HTTP endpoint whose path reserves it for the operator's own people
    (`POST /admin/runners/{id}/drain`, `DELETE /v1/admin/users/{id}/sessions`,
    `POST /internal/webhooks/{id}/replay`, `DELETE /ops/cache/{tenant}`, `/debug/...`), named in a
    sentence, list item or table cell of any document (an ADR, a KEP or RFC, a design doc, a pitch),
    when the document says nowhere who may call it: no role, permission, authorisation, 401/403,
    allowlist, token, key, SSO, mTLS, service account or network boundary. Documents whose endpoints
    have definitions of their own (a heading, a leading item, an endpoint-table row) are API002's;
    plans, task lists, non-goals and alternatives are skipped. An internal endpoint defined beside the public ones
    (`POST /internal/payouts/{id}/release` in a code block after the public API) counts too: API002's finding
    is at the public API and says nothing of who may call the internal one. One finding, at the first such
    endpoint, naming the others.

    **Why it matters.** A decision record that adds "`DELETE /admin/runners/{id}` so that people
    can take a runner out" has decided that an endpoint exists which deletes infrastructure; who
    "people" are is the part an attacker reads first, and the part the implementer improvises.

    **Example**

    ```markdown
    ## Decision
    The controller exposes `POST /admin/runners/{id}/drain` so that on-call can take a runner out.
    ```

    **Use instead**

    ```markdown
    ## Decision
    The controller exposes `POST /admin/runners/{id}/drain` so that on-call can take a runner out.
    Only members of the `ci-admins` group (checked through SSO) may call it; others get `403`.
    ```
    """

    id = "API014"
    name = "privileged-endpoint-without-authorization"
    category = Category.API_CONTRACT
    default_level = Level.WARNING
    # Default: no finding on the corpus (bench/verdicts/round11-recall-criteria6.tsv).
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if "/" not in document.source or document_kind(document, context) in _COMPANIONS or _is_task_list(document):
            return
        # endpoints defined in their own right (a code block, a heading, a table row) count too, beside a
        # public API: API002 asks how the API's callers authenticate, this who may call its internal endpoints
        found = {(endpoint.span.start.line, endpoint.label): endpoint.span for endpoint in named_endpoints(document)
                 if _is_privileged(endpoint.label)}
        defined = [(each.span, each.label) for each in http_endpoints(document) if each.kind == "http"]
        defined += _code_endpoints(document)
        # An API of admin endpoints only is API002's (its finding is at them); beside a public API, API002's
        # finding points at the public endpoints and says nothing of who may call the internal ones.
        if any(not _is_privileged(label) for _span, label in defined):
            for span, label in defined:
                if _is_privileged(label):
                    found.setdefault((span.start.line, label), span)
        privileged = [_Endpoint(label, span) for (_line, label), span in
                      sorted(found.items(), key=lambda item: (item[1].start.line, item[1].start.column))]
        if not privileged:
            return
        text = ENDPOINT.sub(" endpoint ", mask_invisible(section_text(document.root, with_code=True)))
        if any(_says_who(strong) for strong in AUTHORISATION_STRONG.finditer(text)) or any(
                any(_says_who(word) for word in _CALLER_RECOGNISED.finditer(sentence))
                and _ABOUT_CALLERS.search(sentence) and not _CREDENTIALS_HANDED.search(sentence)
                for sentence in _SENTENCE_END.split(text)):
            return
        first, others = privileged[0], privileged[1:]
        also = f"; nor {', '.join(other.label for other in others[:4])}" if others else ""
        yield Violation(first.span, f"endpoint {first.label} is for admins or operators, and nothing says who may "
                                    f"call it{also}: name the role or permission, how callers are recognised, "
                                    "and what everyone else gets (403)")


#: "Roles" in the sense of jobs: "for office roles it also orders a laptop", "warehouse roles".
_JOB_ROLE = lazy_compile(r"(?:office|warehouse|job|field|store|shop|sales|staff|engineering|seasonal|entry-level|"
                         r"senior|junior|customer-facing|frontline|front-line|new|open)\s+$", re.I)
#: A new hire's credentials handed over in person: the employee's login, not how callers are recognised.
_CREDENTIALS_HANDED = lazy_compile(r"\bcredentials?\s+(?:are|is|will\s+be)\s+(?:\w+\s+)?(?:handed|given|printed|"
                                   r"posted|mailed|sent|issued)\b", re.I)


def _says_who(match: re.Match[str]) -> bool:
    """An authorisation word that says who may act: not "roles" in the sense of jobs ("office roles")."""
    if match.group(0).lower() in ("role", "roles", "rol", "roles", "rolle", "rollen"):
        return not _JOB_ROLE.search(match.string, max(0, match.start() - 30), match.start())
    return True


class _Endpoint:
    __slots__ = ("label", "span")

    def __init__(self, label: str, span: Span) -> None:
        self.label = label
        self.span = span


#: A code line that is an endpoint, perhaps a raw request: "POST /internal/payouts/{id}/release".
_CODE_ENDPOINT = lazy_compile(r"^\s*(GET|POST|PUT|PATCH|DELETE)\s+(/[^\s`]*)(?:\s+HTTP/[\d.]+)?\s*$")
_LIST_LANGUAGES = frozenset({"", "http", "text", "txt", "plain", "plaintext", "rest", "api", "endpoints"})


def _code_endpoints(document: Document) -> list[tuple[Span, str]]:
    """Endpoints written alone on a line of a plain or `http` code block, outside non-goals and alternatives."""
    found: list[tuple[Span, str]] = []
    for section, block in document.iter_blocks():
        if not isinstance(block, CodeBlock) or block.language not in _LIST_LANGUAGES \
                or (section.heading is not None and not_in_scope(section)):
            continue
        for segment in block.lines:
            match = _CODE_ENDPOINT.match(segment.text)
            if match:
                found.append((Span.of(segment.line, segment.column + match.start(1), segment.line,
                                      segment.column + match.end(2)), f"{match.group(1)} {match.group(2)}"))
    return found


def _is_privileged(label: str) -> bool:
    path = label.partition(" ")[2].split("?", 1)[0].strip("`")
    return any(_PRIVILEGED_SEGMENT.match(segment) for segment in path.strip("/").split("/")[:3])
