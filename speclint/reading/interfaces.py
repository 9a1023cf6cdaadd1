"""Finding the interfaces a specification defines, and what their contracts say.

Shared by the API-contract rules. An *interface definition* is one of:

- an HTTP endpoint given its own heading (`### POST /v1/orders`), led off a list item or paragraph
  (`- \\`GET /v1/orders/{id}\\` returns ...`), or written in a row of an endpoint table;
- an operation in an OpenAPI fragment (a fenced YAML or JSON block with `paths:`);
- a CLI command given its own heading (`` ### `billing export` ``);
- an event or message given its own heading (`` ### `order.created` event ``).

An endpoint merely mentioned in a sentence ("the app calls `GET /me` on start") is not a
definition. Each definition has a *scope*: the text, tables and code where its contract is
expected. For a heading, its section. For a list item, paragraph or table row: the item or row,
every paragraph that names the same endpoint, and the sections that are about that endpoint
alone (the one it is defined in, or "### Create an order" describing it below an endpoint table).
"""

from __future__ import annotations

import re
from typing import Any, Iterator
from weakref import WeakKeyDictionary

from speclint.document.headings import normalize_title
from speclint.document.model import (
    Block,
    CodeBlock,
    Document,
    ListItem,
    Paragraph,
    Position,
    Section,
    Span,
    Table,
    TextSegment,
    iter_nested,
)
from speclint.lazy_regex import lazy_compile
from speclint.reading.requirements import blocks_segments, item_segments, not_in_scope, plain, section_segments
from speclint.record import Record

HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
#: A path runs to the first space, backquote, pipe or closing punctuation; a bracketed segment
#: (`/shared/[code]`, `/items/[...slug]`, `?after=<message_id>`) is kept whole, so the path in a
#: message is never cut. A base URL written as a variable (`{partner_callback_url}/usage-alerts`, a
#: webhook sent to a URL the partner registers) belongs to the path.
_PATH = r"((?:\{[A-Za-z_][\w.-]{0,40}\})?/(?:\[[^\]\s`]*\]|<[^>\s`]*>|[^\s`|)\]\[<>,;])*)"
ENDPOINT = lazy_compile(r"\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+`?" + _PATH)
_LEADING_ENDPOINT = lazy_compile(r"^\W{0,6}(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+`?" + _PATH)
_BODY_METHODS = {"POST", "PUT", "PATCH"}

#: Heading that is only a command in a code span: "`billing export`", "`subtree add --remote`".
_CLI_HEADING = lazy_compile(r"^\s*`([a-z][\w.-]*(?:\s+(?:[a-z][\w-]*|--?[\w-]+|<[\w-]+>|\[[^\]]+\]))+)`\s*"
                          r"(?:command|subcommand)?\s*$")
# CamelCase names are matched case-sensitively (`(?-i:...)`): under re.I the nested repeat could
# split one long word in exponentially many ways.
_EVENT_HEADING = lazy_compile(
    r"^(?:(?:event|message|topic)s?\s*[:\-–—]\s*`?[\w./-]+`?|`[\w./-]+`\s+(?:event|message|topic)|"
    r"(?-i:[A-Z][a-z]+(?:[A-Z][a-z]+)+)\s+(?:event|message))\s*$",
    re.I,
)

# --- contract vocabulary ------------------------------------------------------------------------

REQUEST_WORDS = lazy_compile(
    r"\b(?:request\s+(?:body|payload|schema|fields?|parameters?|shape)|body|payload|parameters?|params|"
    r"query\s+(?:string|parameters?)|path\s+parameters?|form\s+data|multipart|content-type|fields?|"
    r"accepts?|takes?|send(?:s)?\s+(?:a|an|the)\b|input)\b",
    re.I,
)
SUCCESS_WORDS = lazy_compile(r"\b(?:2\d\d|2xx|returns?|returned|responds?|response|ok|created|no\s+content|"
                           r"success(?:ful)?|acknowledg\w+)\b|(?:→|->|=>)\s*`?[{\[\w]", re.I)
ERROR_STATUS = lazy_compile(r"(?<![\w.])(?:[45]\d\d|[45]xx|[45]XX)(?![\w.])")
AUTH_WORDS = lazy_compile(
    r"\b(?:(?!author(?:s|ed|ing|ship)?\b)auth\w*|bearer|tokens?|api[- ]keys?|oauth\d?|openid|oidc|jwt|sessions?|cookies?|mtls|mutual\s+tls|"
    r"client\s+certificates?|signed\s+requests?|signatures?|hmac|sso|saml|credentials?|unauthenticated|"
    r"public\s+endpoints?|no\s+authentication|anonymous|signed[- ]in|logged[- ]in|401|403|securityschemes|"
    r"security)\b",
    re.I,
)
CLI_REQUEST = lazy_compile(r"(?:(?<![\w-])--?[a-zA-Z][\w-]*|<[\w-]+>|\b(?:arguments?|options?|flags?|usage)\b)", re.I)
CLI_SUCCESS = lazy_compile(r"\b(?:exit(?:s)?\s+(?:code\s+)?(?:with\s+)?0|exit\s+code\s+0|outputs?|prints?|stdout|"
                         r"displays?|shows?|writes?|creates?|succeeds?|success)\b", re.I)
CLI_ERRORS = lazy_compile(r"\b(?:exit(?:s)?\s+(?:code\s+)?(?:with\s+)?(?:[1-9]\d*|non-?zero)|non-?zero|stderr|"
                        r"fails?\s+with|error(?:s)?|exit\s+codes?)\b", re.I)
EVENT_PAYLOAD = lazy_compile(r"\b(?:payload|fields?|schema|attributes?|properties|body|contains?|carries)\b", re.I)

_FIELD_COLUMN = lazy_compile(r"^(?:fields?|names?|parameters?|params?|properties|property|attributes?|keys?|"
                           r"request(?:\s+(?:body|payload|fields?|schema|shape))?|body|input|payload)$", re.I)
_RESPONSE_COLUMN = lazy_compile(r"^(?:responses?|returns?|success(?:\s+(?:response|status|code))?|output|result|"
                              r"response\s+(?:body|\(success\)|shape|schema)|2xx|ok)$", re.I)
_ERROR_COLUMN = lazy_compile(r"^(?:errors?|error\s+(?:codes?|responses?|cases?)|status(?:\s+codes?)?|failures?|"
                           r"http\s+status|4xx(?:\s*/\s*5xx)?|failure\s+(?:codes?|responses?))$", re.I)
ERROR_SECTION_NAMES = ("errors", "error codes", "error responses", "status codes", "error handling",
                       "common errors", "error model", "error format")
_ERROR_SECTION_KEYS = {normalize_title(name) for name in ERROR_SECTION_NAMES}


class Interface(Record):
    """One interface definition and the scope where its contract is expected."""

    __slots__ = ("kind", "label", "span", "method", "segments", "code", "tables", "row", "header")

    def __init__(
        self,
        kind: str,
        label: str,
        span: Span,
        method: str = "",
        segments: list[TextSegment] | None = None,
        code: list[CodeBlock] | None = None,
        tables: list[Table] | None = None,
        row: list[Any] | None = None,
        header: list[str] | None = None,
    ) -> None:
        self.kind = kind  # "http", "cli", "event"
        self.label = label  # "POST /v1/orders", "`billing export`", "`order.created`"
        self.span = span
        self.method = method
        self.segments = [] if segments is None else segments
        self.code = [] if code is None else code
        self.tables = [] if tables is None else tables
        self.row = row
        self.header = [] if header is None else header

    @property
    def text(self) -> str:
        return "\n".join(segment.text for segment in self.segments)


def _normalize_path(path: str) -> str:
    path = path.rstrip("`.:")
    return re.sub(r"\{[^{}]*\}|:[\w]+|<[^<>]*>", "{}", path).rstrip("/") or "/"


def endpoint_key(method: str, path: str) -> tuple[str, str]:
    return method.upper(), _normalize_path(path)


def _section_scope(section: Section) -> tuple[list[TextSegment], list[CodeBlock], list[Table]]:
    segments = ([section.heading.text_segment] if section.heading else []) + section_segments(section)
    code = [block for current in section.walk() for block in iter_nested(current.blocks)
            if isinstance(block, CodeBlock)]
    tables = [block for current in section.walk() for block in iter_nested(current.blocks)
              if isinstance(block, Table)]
    return segments, code, tables


def _blocks_scope(blocks: list[Block]) -> tuple[list[TextSegment], list[CodeBlock], list[Table]]:
    nested = list(iter_nested(blocks))
    return (blocks_segments(blocks), [b for b in nested if isinstance(b, CodeBlock)],
            [b for b in nested if isinstance(b, Table)])


_METHOD_COLUMN = lazy_compile(r"^(?:method|verb|http\s+method)$", re.I)
_PATH_COLUMN = lazy_compile(r"^(?:path|endpoint|route|url|uri|resource)$", re.I)
_CONTRACT_COLUMN = lazy_compile(r"^(?:request(?:\s+body)?|body|params?|parameters|responses?|returns?|status(?:\s+codes?)?|"
                              r"errors?|error\s+codes?|success(?:\s+response)?|output|input)$", re.I)

#: Sections whose endpoints are test steps, tasks or pages rather than API definitions.
_NOT_API_TITLE_WORDS = frozenset({
    "test", "tests", "testing", "e2e", "qa", "verification", "validation", "scenario", "task", "checklist",
    "page", "screen", "view", "frontend", "ui", "ux", "navigation", "sitemap", "wireframe",
})
#: A page route in a list of pages: "GET /dashboard: the dashboard page", "/shared/[code] renders ...".
_PAGE_WORDS = lazy_compile(r"\b(?:page|screen|view|renders?|ui|layout|form|modal|dashboard)\b", re.I)
_API_WORDS = lazy_compile(r"\b(?:api|json|returns?|responds?|response|payload|body|status|endpoint|[245]\d\d)\b", re.I)


#: Words of a page list that, in the document's own title, name the feature ("Navigation fixes"),
#: not a list of pages.
_PAGE_TITLE_WORDS = frozenset({"page", "screen", "view", "frontend", "ui", "ux", "navigation", "sitemap", "wireframe"})


def _not_api_section(section: Section) -> bool:
    """Tests, tasks and page lists: an endpoint there is a step or a route, not a definition."""
    for each in (section, *section.ancestors()):
        if each.heading is None:
            continue
        # The words of an endpoint's own path ("POST /v1/tasks/{id}/start") do not say what the section is.
        words = _NOT_API_TITLE_WORDS.intersection(normalize_title(ENDPOINT.sub(" ", each.title)).split())
        if each.level == 1:
            words -= _PAGE_TITLE_WORDS
        if words:
            return True
    return False


def _is_page_route(method: str, path: str, text: str) -> bool:
    """A browser page (`GET /shared/[code]` "the shared page") rather than an API endpoint."""
    if method != "GET" or "/api" in path or re.search(r"/v\d", path):
        return False
    return bool(_PAGE_WORDS.search(text)) and not _API_WORDS.search(text)


def http_endpoints(document: Document) -> list[Interface]:
    """HTTP endpoint definitions, one per method and path (a heading wins over other forms).

    A list item, paragraph or table row that defines an endpoint has its contract wherever the
    document talks about that endpoint: every paragraph, item or row that names it, and the
    whole section when it is the only endpoint defined there.

    Worked out once per document (six rules ask for it); each call gets its own list.
    """
    cached = _http_endpoints.get(document)
    if cached is None:
        cached = _http_endpoints[document] = _http_endpoints_in(document)
    return list(cached)


_http_endpoints: WeakKeyDictionary[Document, list[Interface]] = WeakKeyDictionary()


def _http_endpoints_in(document: Document) -> list[Interface]:
    from speclint.document.text import iter_prose

    if not any(method in document.source for method in HTTP_METHODS) \
            and not any(piece.kind == "table-cell" for piece in iter_prose(document)):
        return []  # no method in capitals, no table (a Method column): nothing below finds an endpoint
    found: dict[tuple[str, str], Interface] = {}
    home: dict[tuple[str, str], Section] = {}
    for section in document.sections():
        assert section.heading is not None
        match = ENDPOINT.search(section.heading.raw)
        if match and not not_in_scope(section) and not _not_api_section(section):
            key = endpoint_key(match.group(1), match.group(2))
            if key in found:
                continue
            segments, code, tables = _section_scope(section)
            found[key] = Interface("http", _label(key, match.group(2)), section.heading.span,
                                   key[0], segments, code, tables)
    headed = set(found)
    mentions: dict[tuple[str, str], list[TextSegment]] = {}
    keys_in_section: dict[int, set[tuple[str, str]]] = {}
    sections_by_id: dict[int, Section] = {}
    for section in document.root.walk():
        if section.heading is not None and (not_in_scope(section) or _not_api_section(section)):
            continue
        blocks = list(iter_nested(section.blocks))
        item_paragraphs = {id(b.blocks[0]) for b in blocks if isinstance(b, ListItem) and b.blocks}
        sections_by_id[id(section)] = section
        for block in blocks:
            if isinstance(block, Paragraph):
                leader = _LEADING_ENDPOINT.match(block.text)
                leading_key = endpoint_key(leader.group(1), leader.group(2)) if leader else None
                for match in ENDPOINT.finditer(block.text):
                    key = endpoint_key(match.group(1), match.group(2))
                    keys_in_section.setdefault(id(section), set()).add(key)
                    # A paragraph that describes another endpoint mentions this one in passing:
                    # its details are the other endpoint's.
                    if leading_key is None or leading_key == key:
                        mentions.setdefault(key, []).extend(block.segments)
            if isinstance(block, (ListItem, Paragraph)) and id(block) not in item_paragraphs:
                segments = item_segments(block) if isinstance(block, ListItem) else block.segments
                inner = block.blocks if isinstance(block, ListItem) else [block]
                for match, own in _endpoint_runs(segments):
                    key = endpoint_key(match.group(1), match.group(2))
                    own_text = "\n".join(s.text for s in own)
                    if key in found or _is_page_route(key[0], match.group(2), own_text):
                        continue
                    if len(own) == len(segments):
                        scope_segments, code, tables = _blocks_scope(inner)
                    else:  # one of several endpoints written line by line in one paragraph
                        scope_segments, code, tables = list(own), [], []
                    found[key] = Interface("http", _label(key, match.group(2)), _span_of(own, block.span),
                                           key[0], scope_segments, code, tables)
                    home[key] = section
            elif isinstance(block, Table):
                for key, path, cell, row, names in _table_endpoints(block):
                    mentions.setdefault(key, []).extend(s for c in row for s in c.segments)
                    if key in found and found[key].row is None:
                        # a summary table (Method | Path | Success | Errors) above the endpoint's
                        # own section: its cells are part of the contract too
                        found[key].row, found[key].header = list(row), names
                        if key in headed:
                            found[key].segments.extend(s for c in row for s in c.segments)
                        continue
                    if key not in found:
                        found[key] = Interface("http", _label(key, path), cell.span, key[0],
                                               [s for c in row for s in c.segments], [], [], row=list(row),
                                               header=names)
                        home[key] = section
    per_section: dict[int, int] = {}
    for section in home.values():
        per_section[id(section)] = per_section.get(id(section), 0) + 1
    for key, interface in found.items():
        if key in headed:
            continue
        seen = {(s.line, s.column) for s in interface.segments}
        interface.segments.extend(s for s in mentions.get(key, []) if (s.line, s.column) not in seen)
        # Sections about this endpoint alone: where it is defined, or a section that describes it
        # in prose (an endpoint table above, "### Create an order" with the details below).
        about: list[Section] = []
        section = home.get(key)
        if section is not None and section.heading is not None and per_section[id(section)] == 1:
            about.append(section)
        for section_id, keys in keys_in_section.items():
            described = sections_by_id[section_id]
            if keys == {key} and described.heading is not None and described not in about \
                    and not any(ENDPOINT.search(c.heading.raw) for c in described.walk() if c.heading):
                about.append(described)
        for described in about:
            segments, code, tables = _section_scope(described)
            interface.segments.extend(segments)
            interface.code.extend(code)
            interface.tables.extend(tables)
    return list(found.values())


def _endpoint_runs(segments: list[TextSegment]) -> Iterator[tuple[re.Match[str], list[TextSegment]]]:
    """Each endpoint a list item or paragraph leads with, and its own lines: the whole block, or,
    when several of its lines each lead with an endpoint, each line up to the next one."""
    starts = [(index, match) for index, segment in enumerate(segments)
              if (match := _LEADING_ENDPOINT.match(segment.text))]
    if not starts or starts[0][0] != 0:
        return
    if len(starts) == 1:
        whole = _LEADING_ENDPOINT.match("\n".join(s.text for s in segments))
        if whole:
            yield whole, segments
        return
    bounds = [index for index, _match in starts] + [len(segments)]
    for (index, match), end in zip(starts, bounds[1:]):
        yield match, segments[index:end]


def _label(key: tuple[str, str], path: str) -> str:
    return f"{key[0]} {path.rstrip('`.:')}"


def _table_endpoints(table: Table) -> Iterator[tuple[tuple[str, str], str, Any, list[Any], list[str]]]:
    """Endpoint rows of a table that defines endpoints (a Method column, or contract columns).

    A table that only maps endpoints to something else ("Endpoint | Scope") is an index, not a
    contract, and yields nothing.
    """
    names = [plain(name).strip() for name in table.columns]
    method_column = next((i for i, n in enumerate(names) if _METHOD_COLUMN.match(n)), None)
    path_column = next((i for i, n in enumerate(names) if _PATH_COLUMN.match(n)), None)
    if method_column is None and not any(_CONTRACT_COLUMN.match(n) for n in names):
        return
    for row in table.rows:
        if method_column is not None and path_column is not None and max(method_column, path_column) < len(row):
            method = plain(row[method_column].text).strip().upper()
            path = plain(row[path_column].text).strip()
            if method in HTTP_METHODS and path.startswith("/"):
                yield endpoint_key(method, path), path, row[method_column], list(row), names
                continue
        for cell in row:
            match = ENDPOINT.search(cell.text)
            if match:
                yield endpoint_key(match.group(1), match.group(2)), match.group(2), cell, list(row), names
                break


def _span_of(segments: list[TextSegment], fallback: Span) -> Span:
    if not segments:
        return fallback
    first, last = segments[0], segments[-1]
    return Span.of(first.line, first.column, last.line, last.column + len(last.text))


_CODE_NAME_HEADING = lazy_compile(r"^\s*`([^`]+)`\s*$")
_COMMAND_NAME = lazy_compile(r"^[a-z][\w.-]*(?:\s+(?:[a-z][\w-]*|--?[\w-]+|<[\w-]+>|\[[^\]]+\]))*$")
_EVENT_NAME = lazy_compile(r"^[A-Za-z][\w-]*(?:[./:][\w-]+)+$|^[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+$")
COMMAND_PARENT_NAMES = ("commands", "cli", "command line interface", "command-line interface", "cli commands",
                        "subcommands", "usage")
EVENT_PARENT_NAMES = ("events", "messages", "webhooks", "topics", "domain events", "event catalog",
                      "event catalogue", "published events", "emitted events")
_COMMAND_PARENT_KEYS = {normalize_title(name) for name in COMMAND_PARENT_NAMES}
_EVENT_PARENT_KEYS = {normalize_title(name) for name in EVENT_PARENT_NAMES}


#: Code-span headings that start with a language keyword ("`if let`", "`pub use`", "`go func`")
#: are about syntax, not commands.
_LANGUAGE_KEYWORDS = frozenset(
    "if else while for loop let match fn use pub impl type struct enum const static async await return extern mod "
    "trait where unsafe dyn ref mut move crate self super import from def class func var select go defer chan "
    "interface package switch case try catch throw new delete typeof yield lambda with as in is not and or".split()
)


def _parent_key(section: Section) -> str:
    parent = section.parent
    return normalize_title(parent.title) if parent is not None and parent.heading is not None else ""


def cli_commands(document: Document) -> list[Interface]:
    """CLI commands given their own heading: `` `tool sub` `` anywhere, or `` `sub` `` under "Commands"."""
    found = []
    for section in document.sections():
        assert section.heading is not None
        if not_in_scope(section):
            continue
        match = _CLI_HEADING.match(section.heading.raw)
        name = match.group(1) if match and match.group(1).split()[0] not in _LANGUAGE_KEYWORDS else None
        if name is None and _parent_key(section) in _COMMAND_PARENT_KEYS:
            code_name = _CODE_NAME_HEADING.match(section.heading.raw)
            if code_name and _COMMAND_NAME.match(code_name.group(1)):
                name = code_name.group(1)
        if name is not None:
            segments, code, tables = _section_scope(section)
            found.append(Interface("cli", f"`{name}`", section.heading.span, "", segments, code, tables))
    return found


def events(document: Document) -> list[Interface]:
    """Events and messages given their own heading: "`order.created` event", "Event: OrderPlaced",
    or a code-span name (`` `order.created` ``) under an "Events" / "Webhooks" heading."""
    found = []
    for section in document.sections():
        assert section.heading is not None
        if not_in_scope(section):
            continue
        raw = section.heading.raw.strip()
        is_event = bool(_EVENT_HEADING.match(raw))
        if not is_event and _parent_key(section) in _EVENT_PARENT_KEYS:
            code_name = _CODE_NAME_HEADING.match(raw)
            is_event = bool(code_name and _EVENT_NAME.match(code_name.group(1)))
        if is_event:
            segments, code, tables = _section_scope(section)
            found.append(Interface("event", section.title, section.heading.span, "", segments, code, tables))
    return found


_API_WIDE = lazy_compile(r"\b(?:every|all|any|each)\s+(?:other\s+)?(?:api\s+)?(?:requests?|endpoints?|routes?|calls?|"
                       r"operations?)\b", re.I)


def has_error_catalogue(document: Document) -> bool:
    """Errors stated once for the whole API: an errors or status-codes section, an error table
    with 4xx/5xx codes, or a sentence such as "every request without a token gets 401"."""
    for _section, block in document.iter_blocks():
        if isinstance(block, Paragraph) and ERROR_STATUS.search(block.text) and _API_WIDE.search(block.text):
            return True
    for section in document.sections():
        if normalize_title(section.title) in _ERROR_SECTION_KEYS:
            segments, code, _tables = _section_scope(section)
            text = "\n".join(s.text for s in segments) + "\n".join(b.code for b in code)
            if ERROR_STATUS.search(text):
                return True
    for _section, block in document.iter_blocks():
        if isinstance(block, Table) and any(_ERROR_COLUMN.match(plain(n).strip()) for n in block.columns) \
                and next(_table_endpoints(block), None) is None:  # an endpoint table is per-endpoint
            if any(ERROR_STATUS.search(cell.text) for row in block.rows for cell in row):
                return True
    return False


# --- contract parts -----------------------------------------------------------------------------


def _column(interface: Interface, pattern: re.Pattern[str]) -> str | None:
    """The text of the row's cell under a column matching `pattern` (None: no such column)."""
    if interface.row is None:
        return None
    for index, name in enumerate(interface.header):
        if pattern.match(name) and index < len(interface.row):
            return interface.row[index].text
    return None


def missing_parts(interface: Interface, document_has_error_catalogue: bool) -> list[str]:
    """Which parts of the contract the interface's scope does not state."""
    text = interface.text
    code = "\n".join(block.code for block in interface.code)
    has_field_table = any(any(_FIELD_COLUMN.match(plain(n).strip()) for n in t.columns) for t in interface.tables)
    missing: list[str] = []
    if interface.kind == "http":
        if interface.method in _BODY_METHODS:
            request_cell = _column(interface, _FIELD_COLUMN)
            if not (interface.code or has_field_table or REQUEST_WORDS.search(text)
                    or (request_cell and request_cell.strip())):
                missing.append("request body")
        response_cell = _column(interface, _RESPONSE_COLUMN)
        if not (SUCCESS_WORDS.search(text) or re.search(r"\b2\d\d\b", code)
                or (response_cell and response_cell.strip())):
            missing.append("success response")
        error_cell = _column(interface, _ERROR_COLUMN)
        if not (ERROR_STATUS.search(text) or ERROR_STATUS.search(code) or document_has_error_catalogue
                or (error_cell and ERROR_STATUS.search(error_cell))):
            missing.append("error responses with status codes")
    elif interface.kind == "cli":
        if not CLI_REQUEST.search(text + "\n" + code):
            missing.append("arguments and options")
        if not (CLI_SUCCESS.search(text) or interface.code):
            missing.append("output on success")
        if not CLI_ERRORS.search(text + "\n" + code):
            missing.append("errors and exit codes")
    elif interface.kind == "event":
        if not (interface.code or has_field_table or EVENT_PAYLOAD.search(text)):
            missing.append("payload")
    return missing


# --- fenced examples ------------------------------------------------------------------------------


def code_position(block: CodeBlock, line_index: int, column_index: int) -> Position:
    """Source position of 0-based (line, column) inside a code block's content."""
    if not block.lines:
        return block.span.start
    line_index = max(0, min(line_index, len(block.lines) - 1))
    segment = block.lines[line_index]
    column_index = max(0, min(column_index, len(segment.text)))
    return Position(segment.line, segment.column + column_index)


def iter_code_blocks(document: Document, languages: set[str]) -> Iterator[CodeBlock]:
    for _section, block in document.iter_blocks():
        if isinstance(block, CodeBlock) and block.fenced and block.language in languages:
            yield block



# --- endpoints only named -------------------------------------------------------------------------


class NamedEndpoint(Record):
    """An HTTP endpoint the document names without defining it, and what the text around it says."""

    __slots__ = ("key", "label", "span", "contexts", "in_diagram")

    def __init__(self, key: tuple[str, str], label: str, span: Span, contexts: list[str] | None = None,
                 in_diagram: bool = False) -> None:
        self.key = key
        self.label = label
        self.span = span
        self.contexts = [] if contexts is None else contexts
        self.in_diagram = in_diagram  # named only as a call of a sequence diagram


#: Words that make a named endpoint a reference to an API that exists already.
EXISTING_API = lazy_compile(r"\b(?:existing|exists|today|currently|current|already|unchanged|as\s+before|legacy)\b", re.I)
#: The narrower test for a spec, whose sentences often set the scene ("Today support deletes accounts
#: by hand; `DELETE /v1/users/{id}` ..."): the endpoint itself is called existing or already in use.
_EXISTING_ENDPOINT = lazy_compile(r"\b(?:existing|already\s+(?:uses?|used|calls?|called|serves?|returns?|exists?|in\s+use)|"
                                  r"unchanged|as\s+before|legacy)\b", re.I)
_NEW_API = lazy_compile(r"\bnew\b", re.I)


def refers_to_existing(endpoint: NamedEndpoint) -> bool:
    """The sentences that name the endpoint call it existing ("the existing `GET /slots` the booking
    flow already uses") and none calls it new: a reference to a contract defined elsewhere."""
    path = endpoint.label.partition(" ")[2]
    # (the path itself is left out: `GET /v1/carts/current` calls nothing current)
    sentences = [sentence.replace(path, " ") for context in endpoint.contexts
                 for sentence in SENTENCE_BREAK.split(context) if path in sentence]
    return any(_EXISTING_ENDPOINT.search(sentence) for sentence in sentences) \
        and not any(_NEW_API.search(sentence) for sentence in sentences)


def named_endpoints(document: Document) -> list[NamedEndpoint]:
    """Endpoints named in a sentence, list item or table cell and defined nowhere (no heading,
    leading position or endpoint-table row of their own: `http_endpoints`), each with the text of
    every paragraph, item (its nested items included) and row that names it. Tests, tasks, page
    lists, non-goals and alternatives are left out, as `http_endpoints` leaves them out.

    Worked out once per document (API002, API009 and API014 ask for it); each call gets its own list.
    """
    if not any(method in document.source for method in HTTP_METHODS):
        return []  # every segment's text is a slice of the source: no method in capitals, no endpoint named
    cached = _named_endpoints.get(document)
    if cached is None:
        cached = _named_endpoints[document] = _named_endpoints_in(document)
    return list(cached)


_named_endpoints: WeakKeyDictionary[Document, list[NamedEndpoint]] = WeakKeyDictionary()


def _named_endpoints_in(document: Document) -> list[NamedEndpoint]:
    defined = {endpoint_key(interface.method, interface.label.split(" ", 1)[1].split("?", 1)[0])
               for interface in http_endpoints(document) if interface.kind == "http"}
    found: dict[tuple[str, str], NamedEndpoint] = {}
    for section in document.root.walk():
        if section.heading is not None and (not_in_scope(section) or _not_api_section(section)):
            continue
        blocks = list(iter_nested(section.blocks))
        item_paragraphs = {id(b.blocks[0]) for b in blocks if isinstance(b, ListItem) and b.blocks}
        for block in blocks:
            if isinstance(block, Table):
                for row in [block.header, *block.rows]:
                    context = " | ".join(cell.text for cell in row)
                    for cell in row:
                        _collect(found, defined, cell.segments, context)
            elif isinstance(block, ListItem):
                own = block.blocks[0].segments if block.blocks and isinstance(block.blocks[0], Paragraph) else []
                _collect(found, defined, own, "\n".join(s.text for s in item_segments(block)))
            elif isinstance(block, Paragraph) and id(block) not in item_paragraphs:
                _collect(found, defined, block.segments, block.text, _sentence_contexts(block.text))
            elif isinstance(block, CodeBlock) and block.fenced and block.language == "mermaid" \
                    and _SEQUENCE_DIAGRAM.match(block.code):
                messages = [(segment, *message) for segment in block.lines
                            if (message := _diagram_message(segment.text))]
                for index, (segment, _arrow, text) in enumerate(messages):
                    if not ENDPOINT.search(text):
                        continue
                    # the arrow's message is what the diagram says of the call, and the reply drawn
                    # after it ("Site-->>App: HTML page", "API-->>App: 202") what comes back
                    said = text
                    for _later, arrow, reply in messages[index + 1:]:
                        if ENDPOINT.search(reply):
                            break
                        if arrow.startswith("--") and reply.strip():
                            said += " returns " + reply
                            break
                    fresh = set(found)
                    _collect(found, defined, [segment], said)
                    for key in set(found) - fresh:
                        found[key].in_diagram = True
    return list(found.values())


#: A mermaid sequence diagram (a flowchart's or class diagram's labels are no calls).
_SEQUENCE_DIAGRAM = lazy_compile(r"\s*(?:%%[^\n]*\n\s*)*sequenceDiagram\b")
_DIAGRAM_ARROW = lazy_compile(r"-{1,2}(?:>>|>|x|\))")


def _diagram_message(line: str) -> tuple[str, str] | None:
    """The arrow and the text of one message of a sequence diagram ("App->>API: GET /v1/carts/current"
    gives `->>` and the call; "API-->>App: 202" a dashed reply), or None for any other line."""
    head, colon, text = line.partition(":")
    arrow = _DIAGRAM_ARROW.search(head) if colon else None
    return (arrow.group(0), text.strip()) if arrow else None


SENTENCE_BREAK = lazy_compile(r"(?<=[.!?])\s+(?=[`*_(\[]*[A-Z])")


def _sentence_contexts(text: str) -> list[tuple[int, int]] | None:
    """In a paragraph that names several endpoints, each endpoint's own sentences: from the
    sentence that names it to the next sentence that names another ("... `PUT /drafts/{id}` and the
    server answers `200`. To discard it, the editor calls `DELETE /drafts/{id}`." gives the DELETE
    nothing of the PUT's answer). None when the paragraph names one endpoint: all of it is its."""
    keys = [(match.start(), endpoint_key(match.group(1), match.group(2).split("?", 1)[0]))
            for match in ENDPOINT.finditer(text)]
    if len({key for _start, key in keys}) < 2:
        return None
    starts = [0] + [match.end() for match in SENTENCE_BREAK.finditer(text)]
    bounds = list(zip(starts, starts[1:] + [len(text)]))
    named = [{key for start, key in keys if begin <= start < end} for begin, end in bounds]
    runs = []
    for index, (begin, _end) in enumerate(bounds):
        last = index
        while last + 1 < len(bounds) and not (named[last + 1] - named[index]):
            last += 1
        runs.append((begin, bounds[last][1]))
    return runs


def _collect(found: dict[tuple[str, str], NamedEndpoint], defined: set[tuple[str, str]],
             segments: list[TextSegment], context: str, runs: list[tuple[int, int]] | None = None) -> None:
    """Each endpoint of `segments` not defined elsewhere, with `context` (or, given `runs` of the
    joined segments, the run of sentences it stands in) as what the text says of it."""
    foreign: set[str] = set()
    offset = 0
    for segment in segments:
        segment_offset, offset = offset, offset + len(segment.text) + 1
        for match in ENDPOINT.finditer(segment.text):
            path = match.group(2).split("?", 1)[0]
            if path == "/" and _METHOD_NEXT.match(segment.text, match.end()):
                continue  # "GET / PUT latency": two methods, no path
            key = endpoint_key(match.group(1), path)
            if key in defined or _is_page_route(key[0], path, context):
                continue
            resource = "/".join(path.split("/")[:3])
            if _THIRD_PARTY.search(segment.text[max(0, match.start() - 50):match.start()]) or resource in foreign:
                foreign.add(resource)
                continue  # "calls Stripe's `POST /v1/refunds`, then `POST /v1/refunds/{id}`": another party's endpoints
            if key not in found:
                start = segment.column + match.start()
                found[key] = NamedEndpoint(key, _label(key, match.group(2)),
                                           Span.of(segment.line, start, segment.line, segment.column + match.end()))
            if runs is None:
                found[key].contexts.append(context)
            else:
                where = segment_offset + match.start()
                found[key].contexts.extend(context[begin:end] for begin, end in runs if begin <= where < end)


#: Words before an endpoint that give it to another party: "Stripe's", "the GitHub API's", "the Twilio API (".
_THIRD_PARTY = lazy_compile(r"(?-i:\b[A-Z][\w.-]*)(?:'s|’s)\s+(?:\w+\s+){0,2}`?$|"
                            r"(?-i:\b[A-Z][\w.-]*)\s+(?:API|api)(?:'s|’s)?\s*(?:[:(]|endpoints?)?\s*`?$")
_METHOD_NEXT = lazy_compile(r"\s*(?:/\s*)?(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b")
#: "receives `{verdict, pathway}`": a shape written inline.
_INLINE_SHAPE = lazy_compile(r"`\s*[{\[]|\b(?:receives?|gets?\s+back|yields?|streams?|redirects?|"
                           r"query\s+param\w*|with\s+`?\?)\b", re.I)
#: Text mostly in another language: the English contract words cannot be looked for in it.
_NON_LATIN = lazy_compile(r"[^\x00-\u024f]")


def says_anything_of_contract(endpoint: NamedEndpoint, foreign_counts: bool = True) -> bool:
    """True when some text naming the endpoint says what it takes, returns, fails with or who may
    call it: a request word, a success word, an error status, an authentication word, a shape
    written inline; or (with `foreign_counts`) is written in a language whose words these are not."""
    for context in endpoint.contexts:
        if len(_NON_LATIN.findall(context)) * 5 > len(context):
            if foreign_counts:
                return True
            continue
        rest = ENDPOINT.sub(" ", context)
        if any(pattern.search(rest) for pattern in (REQUEST_WORDS, SUCCESS_WORDS, ERROR_STATUS, AUTH_WORDS,
                                                     _INLINE_SHAPE)):
            return True
    return False


#: Words that point back at endpoints named just before without naming them again: "Both calls
#: require ...", "These endpoints return ...", "Each route ...", in English, Spanish, German, French.
_ENDPOINT_ANAPHOR = lazy_compile(
    r"\b(?:(?:both|these|those|this|that|each|either|all|the)\s+(?:two\s+|three\s+)?"
    r"(?:calls?|endpoints?|routes?|requests?|operations?|api\s+calls?)|"
    r"(?:ambas|ambos|estas|estos|cada)\s+(?:llamadas?|endpoints?|rutas?)|"
    r"(?:beide|diese|jeder|jede)\s+(?:aufrufe?|endpunkte?|routen?|anfragen?)|"
    r"(?:ces|les\s+deux|chaque)\s+(?:appels?|endpoints?|routes?|requêtes?))\b",
    re.I,
)
#: The label that opens a requirement row or item: `R-1`, `FR-12`, `API-3.2`, `REQ_7`.
_OWN_LABEL = lazy_compile(r"^[ \t]*+(?:[-+*][ \t]|\d{1,3}[.)][ \t])?[ \t|*_`]*([A-Z][A-Z0-9]{0,9}[-_.]?\d{1,4}(?:\.\d{1,3})?)\b[\s|*_`:.)–—-]")


def contract_said_nearby(document: Document, endpoint: NamedEndpoint) -> bool:
    """True when text that does not repeat the endpoint's path still says its contract, pointing back
    at it: a row, item or paragraph of the section naming it that says "both calls", "these endpoints",
    "the call"; or text anywhere that cites the label of the requirement naming it ("Error responses
    for R-1 are in the table below"). A requirement table row often names the calls and the next rows
    give their authentication, idempotency and errors."""
    line = endpoint.span.start.line
    label = _OWN_LABEL.match(document.lines[line - 1])
    cited = re.compile(r"(?<![\w-])" + re.escape(label.group(1)) + r"(?![\w-]|\.\d)") if label else None
    home = None
    for section in document.root.walk():
        if section.heading is None or section.heading.span.start.line <= line:
            home = section
    texts: list[str] = []
    for section in document.root.walk():
        for block in iter_nested(section.blocks):
            if isinstance(block, Table):
                rows = [" | ".join(cell.text for cell in row) for row in [block.header, *block.rows]]
            elif isinstance(block, (Paragraph, ListItem)):
                rows = [block.text if isinstance(block, Paragraph) else
                        "\n".join(segment.text for segment in item_segments(block))]
            else:
                continue
            for text in rows:
                if (section is home and _ENDPOINT_ANAPHOR.search(text)) or (cited is not None and cited.search(text)):
                    texts.append(text)
    pointed = [text for text in texts if endpoint.label.partition(" ")[2] not in text]
    return bool(pointed) and says_anything_of_contract(NamedEndpoint(endpoint.key, endpoint.label, endpoint.span, pointed),
                                                       foreign_counts=False)


# --- who may do what: admin actions, admin identities, security left undefined --------------------

#: An action only some people may take: "admins can ban users", "the admin dashboard".
ADMIN_ACTION = lazy_compile(
    r"\b(?:(?:admins?|administrators?|admin\s+users|moderators?|super[- ]?users?|"
    r"support\s+(?:agents?|staff|team|engineers?)|staff(?:\s+members)?|back[- ]?office\s+(?:users|staff)|"
    r"internal\s+users)\s+"
    r"(?:can|may|must\s+be\s+able\s+to|should\s+be\s+able\s+to|are\s+able\s+to|is\s+able\s+to|will\s+be\s+able\s+to|"
    r"will|shall)\s+(?:\w+\s+){0,2}?(?:delete|remove|ban|suspend|block|refund|approve|reject|edit|modify|override|"
    r"reset|impersonate|export|deactivate|disable|enable|grant|revoke|change|update|view|see|manage|create|"
    r"configure|invite|moderate|publish|unpublish|restore|purge|void|cancel|lock|unlock|reassign|credit|adjust|"
    r"waive|extend|reopen|hide|resend|merge)|"
    r"admin(?:istrator|istration)?\s+(?:panel|dashboard|console|page|portal|screen|endpoints?|api|tools?|"
    r"actions?|interface|ui|area|section|view)|"
    # a back-office or head-office tool that throws data away: "the head-office tool discards every open count"
    r"(?:back|head)[- ]?office\s+(?:tools?|consoles?|apps?|portals?|screens?|dashboards?|ui|pages?)\s+"
    r"(?:\w+\s+){0,2}?(?:discard|delet|remov|reset|wip|purg|void|overrid|overwrit|clear)\w*|"
    # German, Spanish, French: "Tarifadministratoren können Beitragsfaktoren ... ändern", "la interfaz de
    # administración", "les administrateurs peuvent supprimer"
    r"\w*administrator(?:en|innen|in)?\s+(?:können|dürfen|kann|darf)\s+(?:[\w/-]+,?\s+){0,10}?(?:ändern|löschen|"
    r"sperren|entsperren|anlegen|bearbeiten|freigeben|zurücksetzen|erstatten|deaktivieren|aktivieren|verwalten|"
    r"überschreiben|einsehen|exportieren|anpassen|pflegen)|"
    r"admin-?(?:oberfläche|bereich|konsole|panel|portal|maske|werkzeug)\w*|administrations(?:oberfläche|bereich|"
    r"konsole|portal)\w*|"
    r"administrador(?:es|as?)?\s+(?:pueden|puede|podrán|podrá)\s+(?:\w+\s+){0,2}?(?:borrar|eliminar|bloquear|"
    r"suspender|reembolsar|aprobar|rechazar|editar|modificar|cambiar|restablecer|recalcular|anular|cancelar|crear|"
    r"gestionar|desactivar|exportar)|(?:panel|consola|interfaz|portal)\s+de\s+administración|"
    r"administrat(?:eur|eurs|rice|rices)\s+(?:peuvent|peut|pourront|pourra)\s+(?:\w+\s+){0,2}?(?:supprimer|bloquer|"
    r"suspendre|rembourser|approuver|rejeter|modifier|changer|réinitialiser|annuler|créer|gérer|désactiver|"
    r"exporter)|(?:interface|console|panneau|espace|portail)\s+d'administration)\b",
    re.I,
)
#: Words that can only say who may do something, wherever they stand.
AUTHORISATION_STRONG = lazy_compile(
    r"\b(?:roles?|rbac|permissions?|permitted|authori[sz]\w*|authenticat\w*|access\s+control\w*|privileges?|"
    r"admin[- ]only|only\s+(?:\w+\s+)?(?:admins?|administrators?|moderators?|staff|owners?)|restricted\s+to|"
    r"limited\s+to|allow-?lists?|allowlisted|whitelist\w*|is_?admin|isAdmin|401|403|forbidden|acls?|"
    r"mfa|2fa|two[- ]factor|multi[- ]factor|least\s+privilege|"
    # a group that grants the power: "only members of warehouse-admins may", "members of the ops group"
    r"only\s+members\s+of|members?\s+of\s+(?:the\s+)?\S+\s+(?:group|role)|group\s+membership|"
    # German, Spanish, French: "Berechtigung", "Vier-Augen-Prinzip", "permisos", "habilitation"
    r"berechtigung\w*|berechtigt\w*|zugriffsrecht\w*|rechtekonzept\w*|rollenkonzept\w*|autorisier\w*|"
    r"authentifizier\w*|vier-augen\w*|permisos?|autoriza\w*|autentica\w*|rol|roles|rôles?|autoris\w*|"
    r"authentifi\w*|habilitation\w*|droits?\s+d'accès)\b",
    re.I,
)
#: Words that say it only in the section about the admin actions: "SSO" in passing elsewhere does not.
AUTHORISATION_WEAK = lazy_compile(
    r"\b(?:sso|single\s+sign[- ]on|saml|oidc|oauth\d?|log(?:s|ged)?[- ]?in|sign(?:s|ed)?[- ]in|sessions?|"
    r"passwords?|tokens?|api[- ]keys?|credentials?|secure|security|access)\b",
    re.I,
)

_EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
#: An admin identity tied to one address: "admin access is granted to jane@acme.com",
#: "`ADMIN_EMAIL=jane@acme.com`", "jane@acme.com is the admin".
ADMIN_EMAIL = lazy_compile(
    r"\b(?:is_?admin|isAdmin|ADMIN_EMAILS?|ADMIN_USERS?|admin(?:istrator)?\s+(?:access|role|rights|privileges?|"
    r"permissions?|user|account|status)|super[- ]?admin|superuser)\b[^.\n]{0,80}?" + _EMAIL
    + r"|" + _EMAIL + r"[`'\"*_)]*\s+(?:is|will\s+be|becomes|gets|has|acts\s+as)\s+(?:the\s+|an?\s+|sole\s+|only\s+)*"
    r"(?:admin(?:istrator)?|super[- ]?admin|superuser|owner)\b"
    # "the first admin is jane@acme.com", "only the admin (ops@acme.com) can", "only jane@acme.com can"
    r"|\badmin(?:istrator)?\s*(?:is|will\s+be|=|:|\(|account\s+is)\s*[`'\"*_]*" + _EMAIL
    + r"|\bonly\s+[`'\"*_]*" + _EMAIL + r"[`'\"*_]*\s+(?:can|may|has|is\s+allowed)\b"
    # "WHEN a user signs in with `jane@acme.com` THEN the system SHALL give that user the admin role"
    + r"|" + _EMAIL + r"[`'\"*_)]*[^.\n@]{0,80}?\b(?:give|gives|grant|grants|granted|assign|assigns|assigned|"
    r"receives?|gets?)\b[^.\n@]{0,40}?\b(?:admin(?:istrator)?|super[- ]?admin|superuser)\s+"
    r"(?:role|rights|access|privileges?|permissions?|status|flag)\b",
    re.I,
)
#: A contact address next to the word admin is not an identity: "email the admin at ops@acme.com".
_CONTACT = lazy_compile(r"\b(?:contact|reach|e-?mail\s+(?:the\s+)?admin|notif\w+|alerts?|sent\s+to|send\s+to|cc|"
                      r"reply|support|report)\b", re.I)


def hard_coded_admin(text: str) -> re.Match[str] | None:
    """An admin identity tied to one email address in `text`, or None."""
    if "@" not in text:
        return None  # every match holds an address; most lines of code hold none (`re` would try each position)
    for match in ADMIN_EMAIL.finditer(text):
        sentence_start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        if not _CONTACT.search(text[max(sentence_start, match.start() - 60): match.end()]):
            return match
    return None


#: Security promised and never said: "meets all security requirements", "must be secure".
VAGUE_SECURITY = lazy_compile(
    r"\b(?:(?:meets?|meeting|compl(?:y|ies|iant)\s+with|satisf(?:y|ies|ying)|adher(?:e|es|ing)\s+to|"
    r"follows?|following|conforms?\s+to|in\s+line\s+with|according\s+to)\s+"
    r"(?:(?:all|the|our|any|applicable|relevant|standard|company|industry[- ]standard|corporate|existing|internal|"
    r"necessary|required|appropriate|current|modern|enterprise|[a-z][\w-]{1,30}['’]s)\s+){0,3}"
    r"(?:security|infosec)\s+(?:requirements|standards|policies|policy|guidelines|best\s+practices|controls)|"
    r"(?:must|shall|should|will|needs?\s+to)\s+be\s+(?:fully\s+|highly\s+|completely\s+|very\s+)?secure)\b"
    r"(?!\s+(?:against|from|by|with|using|via|through|:|\())",
    re.I,
)
#: What makes it defined in the same sentence: a list, an example, a standard, a link.
_SECURITY_SPECIFICS = lazy_compile(r"(?::\s*\S|\bsuch\s+as\b|\bincluding\b|\be\.g\.|\(|\bowasp\b|\bsoc\s?2\b|\biso\s?27001\b|"
                                 r"\bpci\b|\bhipaa\b|\bnist\b|\bgdpr\b|\]\(|\bsee\b|§|\bsection\b)", re.I)


def vague_security(text: str) -> re.Match[str] | None:
    """A promise of security with nothing that says what it is, in `text` (one sentence or item)."""
    match = VAGUE_SECURITY.search(text)
    if match is None:
        return None
    end = text.find(".", match.end())
    rest = text[match.end(): end if end >= 0 else len(text)]
    return None if _SECURITY_SPECIFICS.search(rest) else match
