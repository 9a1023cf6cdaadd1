"""API014 privileged-endpoint-without-authorization: an admin, internal or ops endpoint, and nothing says who may call it."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.interfaces import AUTHORISATION_STRONG, ENDPOINT, http_endpoints, named_endpoints
from speclint.reading.requirements import document_kind, section_text
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
    plans, task lists, non-goals and alternatives are skipped. One finding, at the first such
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
        if http_endpoints(document):
            return  # endpoints defined in their own right: API002 reads the document's authentication
        privileged = [endpoint for endpoint in named_endpoints(document) if _is_privileged(endpoint.label)]
        if not privileged:
            return
        text = ENDPOINT.sub(" endpoint ", mask_invisible(section_text(document.root, with_code=True)))
        if AUTHORISATION_STRONG.search(text) or any(
                _CALLER_RECOGNISED.search(sentence) and _ABOUT_CALLERS.search(sentence)
                for sentence in _SENTENCE_END.split(text)):
            return
        first, others = privileged[0], privileged[1:]
        also = f"; nor {', '.join(other.label for other in others[:4])}" if others else ""
        yield Violation(first.span, f"endpoint {first.label} is for admins or operators, and nothing says who may "
                                    f"call it{also}: name the role or permission, how callers are recognised, "
                                    "and what everyone else gets (403)")


def _is_privileged(label: str) -> bool:
    path = label.partition(" ")[2].split("?", 1)[0].strip("`")
    return any(_PRIVILEGED_SEGMENT.match(segment) for segment in path.strip("/").split("/")[:3])
