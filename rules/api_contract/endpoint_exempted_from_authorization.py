"""API020 endpoint-exempted-from-authorization: "all routes except X require auth", and X changes data."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Span
from speclint.document.text import iter_prose, mask_invisible
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.interfaces import ENDPOINT

#: "All routes except X", "every endpoint apart from X", "todos los endpoints salvo X", "alle Endpunkte außer X".
_ALL_EXCEPT = lazy_compile(
    r"\b(?:all|every|each|todos?|todas?|alle[ns]?|tous|toutes|tutti|tutte)\s+(?:(?:the|our|other|los|las|die|les|gli|le|i)\s+)?"
    r"(?:\w+\s+)?(?:routes?|endpoints?|apis?|calls?|paths?|operations?|methods?|rutas?|endpunkte?|pfade?|"
    r"routen|chemins?|percorsi|rotte)\b[^.;!?]{0,60}?"
    r"\b(?P<word>except(?:\s+for)?|apart\s+from|other\s+than|excluding|but\s+not|salvo|excepto|menos|"
    r"au(?:ß|ss)er|ausgenommen|sauf|tranne|eccetto)\s+(?P<rest>[^.;!?]{1,120})",
    re.I,
)
#: Who is recognised: the sentence has to be about authentication for its exception to matter.
_AUTH = lazy_compile(
    r"\b(?:auth\w*|sso|single\s+sign[- ]on|saml|oidc|oauth\d?|tokens?|api[- ]keys?|roles?|permissions?|"
    r"log(?:ged)?[- ]?in|sign(?:ed)?[- ]in|mtls|credentials?|autenticaci[óo]n|autorizaci[óo]n|rol(?:es)?|"
    r"authentifizier\w*|berechtigung\w*|authentifi\w*|autoris\w*|autenticazione)\b",
    re.I,
)
#: An exception that answers itself: a health check, the sign-in route, a signed webhook, public reads.
_JUSTIFIED = lazy_compile(
    r"\b(?:health\w*|healthz|readyz|livez|ping|status|metrics|login|log[- ]?in|sign[- ]?in|sign[- ]?up|token|"
    r"oauth|callback|webhooks?|signature|signed|hmac|public(?:ly)?|anonymous(?:ly)?|open\s+data|docs?|openapi|"
    r"swagger|version)\b",
    re.I,
)
_WRITES = {"POST", "PUT", "PATCH", "DELETE"}
#: A name the exception gives: a path (`/cases/bulk-decision`) or a word of one (`bulk-decision`).
#: An endpoint-table row: `| PATCH | /v1/items/merge |`.
_TABLE_ENDPOINT = lazy_compile(r"\|\s*`?(POST|PUT|PATCH|DELETE)`?\s*\|\s*`?(/[^\s|`]+)`?\s*\|")
_NAME = lazy_compile(r"`?(?P<name>/?[\w{}:-]+(?:/[\w{}:-]+)*)`?")


class EndpointExemptedFromAuthorization(Rule):
    """Flags a statement that every route requires authentication except one, when the excepted route changes data.

    **What it flags.** A sentence saying that all routes, endpoints or calls sit behind sign-in, a
    token or a role "except", "apart from" or "other than" some of them (and the same in Spanish,
    German, French and Italian), when an excepted route is one the document defines with POST, PUT,
    PATCH or DELETE, and the exception is not a sign-in, health, callback, signed webhook or public
    route, and no later sentence of the paragraph names the route again with how its callers are
    recognised ("bulk-decision takes a service token").

    **Why it matters.** The exception is usually the most dangerous route: the bulk action, the
    import, the purge, left open because it is called by a script. A reviewer reads "all routes
    except X" as "X is open to anyone who can reach it" and asks who may call it.

    **Example**

    ```markdown
    - `POST /orders/{id}/refund` refunds an order.
    - `POST /orders/bulk-refund` refunds many orders at once.

    Every route except bulk-refund requires a staff token.
    ```

    **Use instead**

    ```markdown
    Every route requires a staff token; bulk-refund also requires the `refund-admin` role.
    ```
    """

    id = "API020"
    name = "endpoint-exempted-from-authorization"
    category = Category.API_CONTRACT
    default_level = Level.WARNING
    # Default under the rule for a check with few corpus findings: none on the corpus, none on the
    # clean documents of eval, eval2, eval3, eval5, cleanset, cleanset2 or on any variant bank's trap;
    # warning level (bench/verdicts/round16-riskauth11.tsv, bench/recall-notes/riskauth11.md).
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        source = document.source
        if not any(method in source for method in _WRITES):
            return
        writes = [(match.group(1), match.group(0).split()[-1].strip("`")) for match in ENDPOINT.finditer(source)
                  if match.group(1) in _WRITES]
        writes += [(match.group(1), match.group(2)) for match in _TABLE_ENDPOINT.finditer(source)]
        if not writes:
            return
        for piece in iter_prose(document):
            for segment in piece.segments:
                text = mask_invisible(segment.text)
                found = _ALL_EXCEPT.search(text)
                if found is None or not _AUTH.search(text):
                    continue
                head = _names(found.group("rest"))
                excepted = _excepted_write(head, writes)
                if excepted is None or _JUSTIFIED.search(head) or _recognised_elsewhere(piece, excepted[1]):
                    continue
                start = segment.column + found.start()
                yield Violation(
                    Span.of(segment.line, start, segment.line, segment.column + found.end()),
                    f"{excepted[0]} {excepted[1]} is excepted from the sign-in the other routes require, and it "
                    "changes data: say who may call it and how they are recognised, or drop the exception",
                )
                return


def _names(rest: str) -> str:
    """The words after "except" up to the verb of the sentence: what is excepted."""
    return re.split(r"\b(?:sit|sits|are|is|require|requires|need|needs|go|goes|run|runs|must|will|have|has|"
                    r"requieren?|est[áa]n|erfordern|ben[öo]tigen|sind|exigent|sont|richiedono|sono)\b", rest, maxsplit=1)[0]


def _excepted_write(head: str, writes: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The write endpoint the excepted words name: its path, or the last segment of it."""
    for name in _NAME.finditer(head):
        word = name.group("name").strip("/").lower()
        if len(word) < 3 or word in {"the", "for", "and", "los", "las", "die", "les"}:
            continue
        for method, path in writes:
            tail = path.lower().rstrip("/")
            if tail.endswith("/" + word) or tail == "/" + word or (word.count("/") and tail.endswith(word)):
                return method, path
    return None


def _recognised_elsewhere(piece: object, path: str) -> bool:
    """A later sentence of the paragraph names the excepted route with how its callers are recognised."""
    text = mask_invisible(" ".join(segment.text for segment in getattr(piece, "segments")))
    word = path.rstrip("/").rsplit("/", 1)[-1].lower()
    for sentence in re.split(r"(?<=[.;!?])\s+", text):
        if word in sentence.lower() and not _ALL_EXCEPT.search(sentence) and _AUTH.search(sentence):
            return True
    return False
