"""How far a specification takes its endpoints' contracts: which endpoints it specifies down to a
request or a response, which requests it shows as code, and whether it says anywhere how they fail.

Read by API011 (no errors) and API012 (a write with no request); API010 (no response) shares
`heading_lines` and the two message helpers at the end. An endpoint *specified down to its
contract* is one the author wrote a contract for, so that what is left out is a gap rather than an
outline: its own heading with a success response, a JSON example or field table in its scope, a
request or response cell of an endpoint table, or a request example written as code (`curl -X POST`,
`POST /v1/orders HTTP/1.1`). A route list with one line of description is an outline.
"""

from __future__ import annotations

import re

from speclint.document.model import CodeBlock, Document, Span
from speclint.lazy_regex import lazy_compile
from speclint.reading.interfaces import (
    ENDPOINT,
    ERROR_STATUS,
    Interface,
    endpoint_key,
    has_error_catalogue,
    http_endpoints,
    missing_parts,
)
from speclint.reading.requirements import not_in_scope, plain

_FIELD_COLUMN = lazy_compile(r"^(?:fields?|names?|parameters?|params?|properties|property|attributes?|keys?)$", re.I)
_REQUEST_CELL_COLUMN = lazy_compile(r"^(?:request(?:\s+(?:body|payload|schema|shape))?|body|payload|input)$", re.I)
_RESPONSE_CELL_COLUMN = lazy_compile(r"^(?:responses?|returns?|output|response\s+(?:body|\(success\)|shape|schema)|"
                                     r"success(?:\s+response)?)$", re.I)
#: A cell that says nothing: "—", "-", "n/a", "none".
_EMPTY_CELL = lazy_compile(r"^[\s`*_]*(?:[-—–]+|n/?a|none|tbd|\?)?[\s`*_]*$", re.I)
#: Code that is a request or a response: JSON, an HTTP exchange, a curl call.
_CONTRACT_LANGUAGES = frozenset({"json", "jsonc", "json5", "http", "https", "curl"})
_CONTRACT_CODE = lazy_compile(r"^\s*[{\[]|\bHTTP/\d|\bcurl\s")
#: A request written as code: `curl -X POST https://host/v1/x`, `POST /v1/x HTTP/1.1`.
_CURL_METHOD = lazy_compile(r"(?:-X\s*|--request\s+)(GET|POST|PUT|PATCH|DELETE)\b")
_URL_PATH = lazy_compile(r"(?:https?://[^\s/'\"]+|\$\{?\w+\}?|localhost|(?<![\w/])[\w-]+(?:\.[\w-]+)+(?::\d+)?)(/[^\s'\"\\]*)")
_CURL_DATA = lazy_compile(r"(?<!\S)(?:-d|--data(?:-raw|-binary|-urlencode)?|-F|--form|--json)(?!\S)")
_REQUEST_LINE = lazy_compile(r"^\s*(GET|POST|PUT|PATCH|DELETE)\s+(/\S*)\s+HTTP/\d")

#: A 4xx or 5xx number that is a quantity, not a status: "500 ms", "400 users".
_QUANTITY_AFTER = lazy_compile(
    r"\s*(?:%|\+|k\b|(?:ms|milliseconds?|s|secs?|seconds?|minutes?|mins?|hours?|days?|weeks?|months?|years?|"
    r"users?|customers?|people|accounts?|members?|employees?|requests?|rps|qps|tps|items?|records?|rows?|"
    r"characters?|chars?|words?|tokens?|lines?|files?|pages?|px|pt|dpi|kb|mb|gb|tb|kib|mib|gib|bytes?|"
    r"dollars?|usd|eur|gbp|calls?|messages?|events?|orders?|points?|credits?|units?|times|x)\b)",
    re.I,
)
_NOT_HTTP_LANGUAGES = frozenset({"sql", "mermaid", "plantuml", "dot", "graphviz", "csv", "toml", "ini", "dockerfile",
                                 "makefile", "css", "html", "prisma", "proto", "protobuf"})
#: Errors named without a status: an error body, format or code list, an `"error"` field.
_ERROR_WORDS = lazy_compile(
    r"\berrors?\s+(?:responses?|codes?|bod(?:y|ies)|formats?|shapes?|objects?|payloads?|envelopes?|schemas?|"
    r"models?|statuses|status(?:\s+codes?)?|catalog(?:ue)?)\b|[\"']error[\"']\s*:|\bproblem\+json\b|"
    r"\bproblem\s+details\b|\bstatus\s+codes?\b|\bfails?\s+with\b",
    re.I,
)


def states_errors(document: Document) -> bool:
    """True when the document says anything of how its endpoints fail: a 4xx or 5xx status anywhere
    (not a quantity such as "500 ms"), an errors section, an error body or code list, an `"error"`
    field in an example."""
    if has_error_catalogue(document):
        return True
    # Code in a language that is not an HTTP exchange holds numbers, not statuses: `VARCHAR(500)`.
    other_code = {segment.line for _section, block in document.iter_blocks()
                  if isinstance(block, CodeBlock) and block.language in _NOT_HTTP_LANGUAGES for segment in block.lines}
    for number, line in enumerate(document.lines, start=1):
        if number in other_code:
            continue
        if _ERROR_WORDS.search(line):
            return True
        for match in ERROR_STATUS.finditer(line):
            if not _QUANTITY_AFTER.match(line, match.end()) and not _value_of_other_key(line, match.start()):
                return True
    return False


_STATUS_KEY = lazy_compile(r"status|code|error|http", re.I)


def _value_of_other_key(line: str, start: int) -> bool:
    """True when the number is the value of a field that is not a status (`"points": 500`, `limit=400`)."""
    before = line[:start].rstrip(" \"'")
    if not before.endswith((":", "=")):
        return False
    before = before[:-1].rstrip(" \"'")
    index = len(before)
    while index > 0 and (before[index - 1].isalnum() or before[index - 1] in "_-"):
        index -= 1
    key = before[index:]
    return bool(key) and not _STATUS_KEY.search(key)


def _cell(interface: Interface, column: re.Pattern[str]) -> str:
    if interface.row is None:
        return ""
    for index, name in enumerate(interface.header):
        if column.match(name) and index < len(interface.row):
            text = interface.row[index].text
            return "" if _EMPTY_CELL.match(plain(text)) else text
    return ""


def contract_code(block: CodeBlock) -> bool:
    """A code block that shows a request or a response (JSON, an HTTP exchange, a curl call)."""
    return block.language in _CONTRACT_LANGUAGES or bool(_CONTRACT_CODE.search(block.code))


def _has_field_table(interface: Interface) -> bool:
    return any(any(_FIELD_COLUMN.match(plain(name).strip()) for name in table.columns) for table in interface.tables)


def specified(interface: Interface, headed: bool) -> bool:
    """True when the endpoint's request or response is written down, not only its purpose."""
    if any(contract_code(block) for block in interface.code) or _has_field_table(interface):
        return True
    if _cell(interface, _REQUEST_CELL_COLUMN) or _cell(interface, _RESPONSE_CELL_COLUMN):
        return True
    return headed and "success response" not in missing_parts(interface, True)


def heading_lines(document: Document) -> set[int]:
    return {section.heading.span.start.line for section in document.sections() if section.heading is not None}


def more_endpoints(others: int) -> str:
    """The message's note on how many more endpoints of the document have the same gap."""
    return f" (nor {others} more endpoint{'s' if others > 1 else ''} of this document)" if others else ""


def first_line(span: Span) -> Span:
    """`span`, or its first character when it runs over several lines (an endpoint's label and the
    text that wraps after it): a finding points at one line."""
    if span.start.line == span.end.line:
        return span
    return Span.of(span.start.line, span.start.column, span.start.line, span.start.column + 1)


def code_requests(document: Document, curl_only: bool = False) -> list[tuple[Span, str]]:
    """Requests written as code outside non-goals and alternatives: `curl -X POST https://host/v1/x`,
    `POST /v1/x HTTP/1.1`. Each with the span of its method and path and its label."""
    found: list[tuple[Span, str]] = []
    for section, block in document.iter_blocks():
        if not isinstance(block, CodeBlock) or (section.heading is not None and not_in_scope(section)):
            continue
        lines = block.lines
        for index, segment in enumerate(lines):
            request = _request_in(segment.text, curl_only)
            if request is None and not curl_only and index + 1 < len(lines):
                request = _bare_request(segment.text, lines[index + 1].text)
            if request is not None:
                (start, end), label = request
                found.append((Span.of(segment.line, segment.column + start, segment.line, segment.column + end), label))
    return found


#: A request line without its protocol, "PATCH /v1/subscriptions/{id}", followed by a header
#: ("Authorization: Bearer <token>") or a JSON body: a raw request written as an example.
_BARE_REQUEST_LINE = lazy_compile(r"^\s*(GET|POST|PUT|PATCH|DELETE)\s+(/\S*)\s*$")
_HEADER_OR_BODY = lazy_compile(r"^\s*(?:[A-Za-z][\w-]*:\s*\S|[{\[])")


def _bare_request(line: str, following: str) -> tuple[tuple[int, int], str] | None:
    match = _BARE_REQUEST_LINE.match(line)
    if match is None or not _HEADER_OR_BODY.match(following):
        return None
    return (match.start(1), match.end(2)), f"{match.group(1)} {match.group(2)}"


def _request_in(line: str, curl_only: bool = False) -> tuple[tuple[int, int], str] | None:
    """The request a code line makes, with the columns of its method and path (0-based, end exclusive)."""
    match = None if curl_only else _REQUEST_LINE.match(line)
    if match:
        return (match.start(1), match.end(2)), f"{match.group(1)} {match.group(2)}"
    if "curl" not in line:
        return None
    url = _URL_PATH.search(line)
    if url is None:
        return None
    method = _CURL_METHOD.search(line)
    if method is None:  # curl's own default: GET, or POST when it sends data
        name = "POST" if _CURL_DATA.search(line) else "GET"
        return (url.start(1), url.end(1)), f"{name} {url.group(1)}"
    start = min(method.start(1), url.start(1))
    return (start, max(method.end(1), url.end(1))), f"{method.group(1)} {url.group(1)}"


def detailed_endpoints(document: Document) -> list[tuple[Span, str]]:
    """The endpoints specified down to their contract, in document order, one per method and path:
    the span of each definition (or request example) and its label."""
    headed_lines = heading_lines(document)
    found: dict[tuple[str, str], tuple[Span, str]] = {}
    for interface in http_endpoints(document):
        if specified(interface, interface.span.start.line in headed_lines):
            method, _, path = interface.label.partition(" ")
            found.setdefault(endpoint_key(method, path.split("?", 1)[0]), (interface.span, interface.label))
    for span, label in code_requests(document):
        method, _, path = label.partition(" ")
        found.setdefault(endpoint_key(method, path.split("?", 1)[0]), (span, label))
    return sorted(found.values(), key=lambda item: (item[0].start.line, item[0].start.column))



# --- a write's request ---------------------------------------------------------------------------

_PARAMETER = lazy_compile(r"^(?:\{[^}]*\}|:\w+|<[^>]*>|\[[^\]]*\])$")
#: Last path segments that name an action on a resource, not a collection to add to.
_ACTIONS = frozenset(
    "cancel approve reject retry refresh logout signout login signin publish unpublish archive unarchive restore "
    "start stop pause resume close open complete confirm verify resend replay regenerate reload purge sync run "
    "trigger lock unlock enable disable ack acknowledge heartbeat ping dismiss read unread like unlike follow "
    "unfollow subscribe unsubscribe activate deactivate submit rerun rollback revoke invalidate reset clear "
    "flush test preview validate check status access process progress search analysis stats metrics".split()
)
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
_WORD_SEGMENT = lazy_compile(r"^[a-z][a-z_-]*$")
#: A line introducing a response: "Response `201`:", "**Returns**", "200 OK".
_RESPONSE_LABEL = lazy_compile(r"\b(?:responses?|returns?|returned|2\d\d|output|result|replies|answers?)\b", re.I)
#: A request named in words: body, payload, fields, parameters, form data.
_REQUEST_WORDS = lazy_compile(
    r"\b(?:request|body|payload|parameters?|params|query\s+string|form\s+data|multipart|content-type|fields?|"
    r"accepts?|takes?|sends?|input|with\s+(?:an?\s+|the\s+)?(?:json|\w+\s+(?:object|id))|upload\w*)\b",
    re.I,
)
_INLINE_SHAPE = lazy_compile(r"`\s*[{\[]")
_RESPONSE_BEFORE = lazy_compile(r"(?:\b(?:returns?|returned|responds?|response|2\d\d|ok|created)\b|→|->|=>)[^`]{0,30}$",
                                re.I)


def takes_a_body(endpoint: Interface) -> bool:
    """A PUT or PATCH, or a POST to a collection (`POST /v1/labels`, `POST /orders/{id}/items`): an
    endpoint that creates or replaces something from what the client sends. `POST /orders/{id}/cancel`
    acts on a resource and may take nothing."""
    if endpoint.kind != "http" or endpoint.method not in _BODY_METHODS:
        return False
    path = endpoint.label.partition(" ")[2].split("?", 1)[0].strip("`")
    segments = [segment for segment in path.strip("/").split("/") if segment]
    if not segments:
        return False
    last = segments[-1].lower()
    if _PARAMETER.match(last):
        return endpoint.method != "POST"
    if not _WORD_SEGMENT.match(last) or last.replace("-", "").replace("_", "") in _ACTIONS \
            or last.split("-")[-1] in _ACTIONS or last.split("_")[-1] in _ACTIONS:
        return False
    return endpoint.method != "POST" or (last.endswith("s") and not last.endswith(("ss", "us", "is")))


def _labelled_response(document_lines: list[str], block: CodeBlock) -> bool:
    """True when the line before a code block (blank lines skipped) introduces a response."""
    index = block.span.start.line - 2
    while index >= 0 and not document_lines[index].strip():
        index -= 1
    return index >= 0 and bool(_RESPONSE_LABEL.search(document_lines[index]))


def writes_without_request(endpoint: Interface, headed: bool, document_lines: list[str] | None = None) -> bool:
    """True when the endpoint's success response is written down and its request is not."""
    cells_request = _cell(endpoint, _REQUEST_CELL_COLUMN)
    if cells_request or any(any(_FIELD_COLUMN.match(plain(name).strip()) or _REQUEST_CELL_COLUMN.match(plain(name).strip())
                                for name in table.columns) for table in endpoint.tables):
        return False
    text = endpoint.text
    rest = ENDPOINT.sub(" ", text)
    if _REQUEST_WORDS.search(rest):
        return False
    for match in _INLINE_SHAPE.finditer(rest):
        if not _RESPONSE_BEFORE.search(rest[max(0, match.start() - 60):match.start()]):
            return False
    code = [block for block in endpoint.code if contract_code(block)]
    if document_lines is not None and any(not _labelled_response(document_lines, block) for block in code):
        return False
    if document_lines is None and code:
        return False
    responded = bool(_cell(endpoint, _RESPONSE_CELL_COLUMN)) or bool(code) or \
        "success response" not in missing_parts(endpoint, True)
    return responded and (headed or endpoint.row is not None or bool(code))


#: A body or its fields, named in words or shown inline: "the body of the `PUT` is `{...}`".
_BODY_NAMED = lazy_compile(r"\b(?:body|payload|request|fields?|parameters?|json)\b|`\s*[{\[]", re.I)


def request_given_elsewhere(endpoint: Interface, document: Document, same_method: int) -> bool:
    """True when a paragraph or item outside the endpoint's own scope gives its request, naming the
    endpoint by its path alone ("requests to `/v1/labels` carry `{...}`") or, when it is the document's
    only endpoint with that method, by its method alone ("the body of the `PUT` is `{...}`")."""
    from speclint.document.text import iter_prose

    method, _, path = endpoint.label.partition(" ")
    path = path.split("?", 1)[0].strip("`")
    by_path = re.compile(r"(?<![\w/{])`?" + re.escape(path) + r"(?![\w/{])")
    by_method = re.compile(r"(?:\bthe\s+`?|`)" + method + r"`?(?!\s*`?/)") if same_method == 1 else None
    for piece in iter_prose(document):
        text = "\n".join(segment.text for segment in piece.segments)
        named = by_path.search(ENDPOINT.sub(" ", text)) or (by_method is not None and by_method.search(text))
        if named and _BODY_NAMED.search(text):
            return True
    return False


#: The line before a code block that introduces it as what the client sends: "or use the API:",
#: "Request body:", "send this payload", "POST this JSON", "über die API:", "vía la API:".
_REQUEST_INTRO = lazy_compile(
    r"\b(?:requests?|body|payload|send|sends|sent|submit|post|posts|input|"
    r"(?:use|using|via|through|call|calls|with|over)\s+(?:the\s+|our\s+|its\s+)?(?:\w+\s+)?api|"
    r"(?:über|via|vía|mediante|par)\s+(?:die\s+|la\s+|l')?api)\b",
    re.I,
)


def request_shown_unnamed(document: Document) -> bool:
    """True when a JSON (or other contract) code block is introduced as what the client sends ("or use
    the API:", "Request body:") and not as a response, without naming an endpoint: when the document
    has a single endpoint that takes a body, this is its request."""
    lines = document.lines
    for section, block in document.iter_blocks():
        if not isinstance(block, CodeBlock) or not contract_code(block) or ENDPOINT.search(block.code):
            continue
        if section.heading is not None and not_in_scope(section):
            continue
        index = block.span.start.line - 2
        while index >= 0 and not lines[index].strip():
            index -= 1
        if index < 0:
            continue
        intro = lines[index]
        if _REQUEST_INTRO.search(intro) and not _RESPONSE_LABEL.search(intro) and not ENDPOINT.search(intro):
            return True
    return False
