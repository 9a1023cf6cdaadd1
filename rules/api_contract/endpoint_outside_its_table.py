"""API019 endpoint-outside-its-table: an endpoint written beside the document's endpoint table, without what every
row of that table gives (the scope, the errors, the success response)."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Paragraph, Section, Table
from speclint.document.text import iter_nested, mask_invisible
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Subsumes, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.interfaces import ENDPOINT, endpoint_key
from speclint.reading.requirements import not_in_scope

#: What a column of an endpoint table gives, by its header, and how a sentence gives the same.
_COLUMNS = (
    ("scope or authorisation", lazy_compile(r"\b(?:scopes?|auth\w*|permissions?|roles?|access|who\s+may|callers?|"
                                            r"berechtigung\w*|rollen?|permisos?|alcance|rôles?|droits?)\b", re.I),
     lazy_compile(r"\b(?:scopes?|auth\w*|permissions?|roles?|tokens?|api[- ]keys?|admins?|owners?|public|"
                  r"anonymous|mtls|401|403)\b|`[a-z][\w-]*:[a-z][\w-]*`", re.I)),
    ("errors", lazy_compile(r"\b(?:errors?|error\s+codes?|failures?|fehler\w*|errores?|erreurs?)\b", re.I),
     lazy_compile(r"\b(?:[45]\d\d|errors?|fails?|refused|rejected|not\s+found|conflict)\b", re.I)),
    ("success response", lazy_compile(r"\b(?:success|responses?|returns?|result|output|antwort|respuesta|réponse)\b",
                                      re.I),
     lazy_compile(r"\b(?:2\d\d|returns?|answers?|responds?|responses?|replies|with\s+the\s+\w+)\b", re.I)),
)
_SENTENCE_END = lazy_compile(r"(?<=[.!?])\s+")


class EndpointOutsideItsTable(Rule):
    """Flags an endpoint written beside the document's endpoint table without what every row of the table gives.

    **What it flags.** A section that lists its endpoints in a table whose columns give part of each
    contract (a scope or authorisation column, an errors column, a success or response column), and
    then defines or names another endpoint of the same API in a sentence or list item of that section,
    outside the table, whose own text gives none of what such a column gives: no scope, role, token
    or 401/403 where the table has a scope column; no 4xx/5xx or failure where it has an errors
    column; no 2xx or "returns" where it has a success column. One finding per such endpoint, naming
    the missing columns. Endpoints of another API (another path prefix), in non-goals or alternatives,
    and those the table lists too are left alone.

    **Why it matters.** The table sets the standard the document holds itself to: a reader takes the
    endpoint written after it for one that needs no scope and cannot fail. "`DELETE .../{name}` removes
    the delegation" beside a table where every other endpoint needs `zone:admin` leaves open whether
    a read-only token may delete.

    **Example**

    ```markdown
    | Method and path | Scope | Success | Errors |
    |---|---|---|---|
    | `POST /v1/zones/{zone}/delegations` | `zone:admin` | `201` | `409` already delegated |

    `DELETE /v1/zones/{zone}/delegations/{name}` removes the delegation and answers `204`.
    ```

    **Use instead**

    ```markdown
    | Method and path | Scope | Success | Errors |
    |---|---|---|---|
    | `POST /v1/zones/{zone}/delegations` | `zone:admin` | `201` | `409` already delegated |
    | `DELETE /v1/zones/{zone}/delegations/{name}` | `zone:admin` | `204` | `404` no such delegation |
    ```
    """

    id = "API019"
    name = "endpoint-outside-its-table"
    category = Category.API_CONTRACT
    default_level = Level.WARNING
    # Makes redundant where they meet (one defect, one finding): the endpoint's missing contract, which API001 reports
    # without the table
    subsumes = (Subsumes(("API001",)),)
    # Default: no corpus finding, none on the clean documents of eval, eval2, eval3, cleanset and cleanset2,
    # no false alarm on the variant banks' traps (bench/recall-notes/apimoney10.md).
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if "|" not in document.source or "/" not in document.source:
            return
        for section in document.root.walk():
            if section.heading is not None and not_in_scope(section):
                continue
            yield from _check_section(section)


def _check_section(section: Section) -> Iterator[Violation]:
    tables = [block for block in section.blocks if isinstance(block, Table)]
    if not tables:
        return
    listed: set[tuple[str, str]] = set()
    prefixes: set[str] = set()
    columns: list[int] = []
    for table in tables:
        headers = [mask_invisible(cell.text) for cell in table.header]
        kinds = [index for index, (_name, column, _says) in enumerate(_COLUMNS)
                 if any(column.search(header) for header in headers)]
        rows = 0
        for row in table.rows:
            for cell in row:
                for match in ENDPOINT.finditer(cell.text):
                    listed.add(endpoint_key(match.group(1), match.group(2)))
                    prefixes.add(_prefix(match.group(2)))
                    rows += 1
                    break
        if rows >= 2 and kinds:
            columns = sorted(set(columns) | set(kinds))
    if not columns:
        return
    for block in iter_nested(section.blocks):
        if not isinstance(block, Paragraph):
            continue
        text = block.text
        for match in ENDPOINT.finditer(text):
            if endpoint_key(match.group(1), match.group(2)) in listed or _prefix(match.group(2)) not in prefixes:
                continue
            own = " ".join(sentence for sentence in _SENTENCE_END.split(text) if match.group(2) in sentence)
            own = own.replace(match.group(2), " ")
            missing = [_COLUMNS[index][0] for index in columns if not _COLUMNS[index][2].search(own)]
            if not missing:
                continue
            span = _span_of(block, match.group(1), match.group(2))
            if span is None:
                continue
            yield Violation(span, f"endpoint {match.group(1)} {match.group(2)} is written outside the endpoint table "
                                  f"and gives no {', '.join(missing)}, which every row of the table gives: add it to "
                                  "the table or state them")


def _prefix(path: str) -> str:
    return "/".join(path.split("?", 1)[0].strip("/").split("/")[:2])


def _span_of(block: Paragraph, method: str, path: str):  # type: ignore[no-untyped-def]
    from speclint.document.model import Position, Span

    label = f"{method} "
    for segment in block.segments:
        at = segment.text.find(label)
        while at >= 0:
            rest = segment.text[at + len(label):].lstrip("`")
            if rest.startswith(path):
                column = segment.column + at
                return Span(Position(segment.line, column), Position(segment.line, column + len(label) + len(path)))
            at = segment.text.find(label, at + 1)
    return None
