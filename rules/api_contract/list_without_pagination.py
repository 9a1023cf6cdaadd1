"""API016 list-endpoint-without-pagination: a GET that returns a collection, and nothing bounds it."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.interfaces import has_error_catalogue, http_endpoints, missing_parts
from speclint.reading.requirements import section_text
from speclint.rules.api_contract.endpoint_without_contract import skips_document

#: Plural words that name one thing, not a collection: `/status`, `/settings`, `/metrics`.
_NOT_COLLECTIONS = frozenset(
    "status stats statistics metrics settings preferences prefs details analytics news access address progress "
    "health healthz readiness alias canvas bus class process success limits quotas credentials diagnostics totals "
    "counts options capabilities defaults configs permissions terms contents series species aliases basics "
    "insights trends kpis thresholds".split()
)
#: Anything that bounds what a list returns: pages, cursors, limits, "at most 20", a stream or a file.
_BOUNDED = lazy_compile(
    r"\b(?:pag(?:e|es|ed|ing|inat\w*)|page_?size|pagesize|per_?page|cursors?|offsets?|limit(?:s|ed)?|"
    r"next_?(?:page|token|cursor|link)|continuation|keyset|infinite\s+scroll|load\s+more|"
    r"(?:at\s+most|up\s+to|top|first|last|latest|max(?:imum)?(?:\s+of)?|no\s+more\s+than|capped\s+at)\s+\d+|"
    r"\d+\s+(?:items|results|entries|records|rows)\s+(?:per|at\s+a\s+time)|bounded|capped|streams?|streaming|"
    r"sse|server-sent|websockets?|ndjson|jsonl|csv|download|export|"
    # the same in the other languages specs are written in
    r"p[áa]gin\w*|m[áa]xim[oa]|siguiente|seiten?|paginier\w*|höchstens|maximal|suivante?|curseur)\b",
    re.I,
)
_PATH_SEGMENT = lazy_compile(r"^[a-z][a-z_-]*s$")


class ListEndpointWithoutPagination(Rule):
    """Flags a GET endpoint that returns a collection when nothing in the spec bounds how much it returns.

    **What it flags.** In a product specification (not a proposal, decision record, plan or task
    list), an HTTP `GET` defined by a heading, a leading list item or an endpoint-table row whose
    path ends in a collection (`/v1/orders`, `/vans/{id}/services`) and whose response the spec
    gives, when the document says nowhere how the list is bounded: no page, cursor, offset, limit,
    next token, "at most 50", stream or download. One finding per document, at the first such
    endpoint, naming the others.

    **Why it matters.** A list that returns everything works in the demo and times out the day a
    customer has 40,000 orders. Adding pagination later changes the response's shape, which breaks
    every client built against the first one.

    **Example**

    ```markdown
    ### GET /api/v1/vans/{vanId}/services
    Returns `200` with the services done on the van, newest first.
    ```

    **Use instead**

    ```markdown
    ### GET /api/v1/vans/{vanId}/services
    Returns `200` with `{"items": [...], "next_cursor": "..."}`, newest first; `limit` is 1 to 100
    (default 25) and `cursor` comes from the previous page.
    ```
    """

    id = "API016"
    name = "list-endpoint-without-pagination"
    category = Category.API_CONTRACT
    default_level = Level.INFO
    group = Group.PREVIEW

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if "GET" not in document.source or skips_document(document, context):
            return
        catalogue: bool | None = None
        lists = []
        for endpoint in http_endpoints(document):
            if endpoint.method != "GET" or not _is_collection(endpoint.label):
                continue
            if catalogue is None:
                catalogue = has_error_catalogue(document)
            if "success response" in missing_parts(endpoint, catalogue):
                continue  # nothing said of what comes back: API010's
            lists.append(endpoint)
        if not lists:
            return
        text = mask_invisible(section_text(document.root, with_code=True))
        if _BOUNDED.search(text) or _BOUNDED.search(section_text(document.root, with_code=True)):
            return
        first, others = lists[0], lists[1:]
        also = f"; nor {', '.join(other.label for other in others[:4])}" if others else ""
        yield Violation(first.span, f"endpoint {first.label} returns a list and nothing says how it is paged or "
                                    f"bounded{also}: give the page size, how to get the next page (cursor or "
                                    "offset) and the largest page")


def _is_collection(label: str) -> bool:
    path = label.partition(" ")[2].split("?", 1)[0].strip("`").rstrip("/")
    last = path.rsplit("/", 1)[-1].lower()
    if not _PATH_SEGMENT.match(last) or last in _NOT_COLLECTIONS or last.endswith("ss"):
        return False
    return not re.search(r"(?:^|[_-])(?:status|settings|stats|metrics|details)$", last)
