"""API017 response-shape-missing: a GET whose response has no shape, a DELETE with no response at all."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.headings import normalize_title
from speclint.document.model import CodeBlock, Document, Paragraph, Span, Table
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.interfaces import ENDPOINT, SUCCESS_WORDS, http_endpoints, named_endpoints, refers_to_existing
from speclint.reading.requirements import plain
from speclint.rules.api_contract.endpoint_without_contract import skips_document

#: Words that give a response's shape, or point at where it is given.
_SHAPE_WORDS = lazy_compile(
    r"[{\[]|\b(?:fields?|schemas?|properties|property|attributes?|objects?|models?|types?|dto|structs?|"
    r"interfaces?|entit(?:y|ies)|columns?|keys?|includ\w*|contain\w*|consist\w*|made\s+of|"
    r"same\s+(?:shape|format|body|payload)|see|per|§|as\s+(?:in|defined|described)|json\s+with|"
    r"csv|pdf|png|file|redirects?|html|stream\w*|sse|server-sent)\b",
    re.I,
)
#: Paths whose response everyone knows: health checks, metrics, a binary download.
_SELF_EVIDENT = lazy_compile(r"/(?:health\w*|ready\w*|live\w*|ping|metrics|version|status|favicon\S*|robots\.txt|"
                             r"\.well-known\S*|openapi\S*|swagger\S*|docs)/?$", re.I)
_CODE_SPAN = lazy_compile(r"`[^`\n]+`")
#: Words of the section titles under which a document gives its data's shapes (titles are normalised:
#: "Key Entities" is "key entity").
_MODEL_WORDS = frozenset({"model", "models", "schema", "schemas", "entity", "entities", "type", "types", "payload",
                          "payloads", "structure", "structures", "dictionary", "resource", "resources", "dto", "dtos"})
_FIELD_COLUMN = lazy_compile(r"^(?:fields?|names?|attributes?|properties|property|keys?|columns?|types?)$", re.I)


class ResponseShapeMissing(Rule):
    """Flags a GET endpoint whose response has no shape anywhere, and a DELETE whose response is never said.

    **What it flags.** In a product specification (not a proposal, decision record, plan or task
    list) that gives no data model anywhere (no JSON or type in code, no field table, no "Data
    model" or "Key entities" section): a `GET` endpoint, defined or named, when no text about it
    gives the shape of what it returns (an inline `{...}`, field names, "fields", "schema", a file
    or a redirect): "`GET /v2/credit-notes/{id}` returns the credit note" says which call, not what
    comes back. And a `DELETE` whose text says nothing of its response (no 2xx status, "returns",
    "responds", "no content"). Health checks, metrics and other self-evident paths are left out.
    One finding per document, at the first such endpoint, naming the others.

    **Why it matters.** The client team builds its screen against the fields of the response; with
    none given, it builds against whatever the first server build happened to send, and the
    contract becomes an accident. A DELETE that says nothing back leaves each client to guess
    between `200`, `202` and `204`, and what a second delete of the same thing gets.

    **Example**

    ```markdown
    - `GET /v2/credit-notes/{id}` returns the credit note.
    - `DELETE /v2/credit-notes/{id}` voids a credit note issued by mistake.
    ```

    **Use instead**

    ```markdown
    - `GET /v2/credit-notes/{id}` returns `200` with `{id, invoice_id, amount_minor, currency, reason,
      status}`; `404` for another customer's note.
    - `DELETE /v2/credit-notes/{id}` voids it and returns `204`; `409` once it has been refunded.
    ```
    """

    id = "API017"
    name = "response-shape-missing"
    category = Category.API_CONTRACT
    default_level = Level.INFO
    # Default at info: no finding on the corpus after its two first-draft findings (a Japanese criterion, a
    # PRD with a 'Minimal Data Model' section) were fixed; on bench/eval2 three findings, all on keyed
    # api-contract defects; none on clean documents or api-contract traps (bench/verdicts/round14-fam-api9.tsv).
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not ("GET" in document.source or "DELETE" in document.source) or skips_document(document, context):
            return
        candidates: list[tuple[Span, str, str, str]] = []  # span, label, method, what the text says of it
        for interface in http_endpoints(document):
            if interface.kind != "http" or interface.method not in ("GET", "DELETE"):
                continue
            if interface.code or any(_field_table(table) for table in interface.tables):
                continue
            cells = [cell.text for cell in interface.row] if interface.row is not None else []
            candidates.append((interface.span, interface.label, interface.method,
                               "\n".join([interface.text, *cells])))
        for endpoint in named_endpoints(document):
            if endpoint.key[0] in ("GET", "DELETE") and not refers_to_existing(endpoint):
                candidates.append((endpoint.span, endpoint.label, endpoint.key[0], "\n".join(endpoint.contexts)))
        silent = [(span, label, method) for span, label, method, text in candidates
                  if not _SELF_EVIDENT.search(label.partition(" ")[2].split("?", 1)[0])
                  and not _foreign(text) and _says_nothing_back(method, label, text)]
        if not silent or _has_data_model(document):
            return
        silent.sort(key=lambda item: (item[0].start.line, item[0].start.column))
        (span, label, method), others = silent[0], silent[1:]
        what = ("what its response holds" if method == "GET" else "what it returns")
        also = f"; nor {', '.join(other[1] for other in others[:4])}" if others else ""
        yield Violation(span, f"endpoint {label}: nothing says {what}{also}: give the success status and the "
                              "fields that come back")


_NON_LATIN = lazy_compile(r"[^\x00-\u024f]")


def _foreign(text: str) -> bool:
    """Text mostly in a script whose words these lists are not (a Japanese criterion)."""
    return len(_NON_LATIN.findall(text)) * 5 > len(text)


def _says_nothing_back(method: str, label: str, text: str) -> bool:
    rest = ENDPOINT.sub(" ", text)
    if method == "DELETE":
        return not SUCCESS_WORDS.search(rest)
    if _SHAPE_WORDS.search(rest):
        return False
    # "returns `id`, `status` and `total`": field names written as code
    return len(_CODE_SPAN.findall(rest)) < 2


def _field_table(table: Table) -> bool:
    return any(_FIELD_COLUMN.match(plain(name).strip()) for name in table.columns)


def _has_data_model(document: Document) -> bool:
    """True when the document gives its data's shapes somewhere: an endpoint's "the invitation" may
    be that model, and a reader can tell."""
    for section in document.sections():
        if _MODEL_WORDS.intersection(normalize_title(section.title).split()):
            return True  # "Data model", "Minimal data model", "Key entities", "Schemas"
    for _section, block in document.iter_blocks():
        if isinstance(block, CodeBlock) and (("{" in block.code) or re.search(r"\b(?:type|interface|class|message|"
                                                                              r"table)\b", block.code)):
            return True
        if isinstance(block, Table) and _field_table(block):
            return True
        if isinstance(block, Paragraph) and _LISTS_FIELDS.search(block.text) \
                and len(_CODE_SPAN.findall(block.text)) >= 3:
            return True  # "Each exception has `id`, `date`, `scheme` and `reason`": a data model in prose
    return False


_LISTS_FIELDS = lazy_compile(r"\b(?:has|have|holds?|carr(?:y|ies)|contains?|consists?\s+of|fields?|with)\b", re.I)
