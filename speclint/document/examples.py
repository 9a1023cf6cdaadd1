"""Parsing the JSON and YAML examples of a specification, with errors at their source position.

Examples in specifications are often abbreviated on purpose: `...` stands for "more fields",
`// comment` explains a field. Such an example is read as the author meant it: a JSON block
whose only problems are elisions and comments is not reported. What remains is a syntax error a
reader would copy into a request: a missing comma, an unquoted key, a trailing comma.

OpenAPI fragments (a YAML or JSON block with `openapi:` or `paths:`) are loaded with ruamel.yaml,
which keeps each key's line and column, so a structural error points at its key.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterator

from speclint.document.model import CodeBlock, Position, Span
from speclint.lazy_regex import lazy_compile
from speclint.record import Record

if TYPE_CHECKING:
    import json

JSON_LANGUAGES = {"json"}
YAML_LANGUAGES = {"yaml", "yml"}
_TEMPLATE = lazy_compile(r"\{\{|\{%|<%|\$\{\{")
#: A line that stands for omitted content: `...`, `....`, `[...]`, `{ ... }`, `<...>`, `etc.`, a comment.
_ELISION_LINE = lazy_compile(r"^\s*(?:\.{2,}|…+|[\[{(<]\s*(?:\.{2,}|…)\s*[\]})>]|etc\.{0,3}|//.*|#.*|/\*.*\*/)\s*,?\s*$")
#: Elided content inside a line: `...`, `…`, `...warband object...` (words between two ellipses).
_INLINE_ELISION = lazy_compile(r"\.\.\.[^.\n{}\[\]\",:]{0,60}?\.\.\.|…[^…\n]{0,60}?…|\.{3,}|…")
#: A placeholder standing for a value the reader fills in: `<RETENTION_DAYS>`, `<...>`.
_PLACEHOLDER_VALUE = lazy_compile(r"(?<=:)\s*<[^<>\n\"]{1,60}>|<\s*(?:\.{2,}|…)\s*>")
#: A string that only says more members follow: `"more fields..."` where a member would stand.
_ELIDED_MEMBER = lazy_compile(r"(?:^|(?<=[{,]))\s*\"[^\"\n]*(?:\.\.\.|…)[^\"\n]*\"\s*(?=[,}\]]|$)")
_LINE_COMMENT = lazy_compile(r"(?<![:\"'\w])//.*$|/\*.*?\*/|(?<=\s)#\s.*$")
_TRAILING_COMMA = lazy_compile(r",(\s*[}\]])")


class SyntaxProblem(Record):
    """A parse error: its message and its 0-based line and column inside the code block."""

    __slots__ = ("message", "line", "column")

    def __init__(self, message: str, line: int, column: int) -> None:
        self.message = message
        self.line = line
        self.column = column


@lru_cache(maxsize=256)  # the same example in another copy of a document, or after a keystroke elsewhere
def json_problem(code: str) -> SyntaxProblem | None:
    """The syntax error of a JSON example, or None when it parses as its author meant it.

    Read leniently, as a reviewer would: elisions (`...`) and comments are blanked out (so every
    remaining character keeps its line and column), the trailing commas they leave are ignored,
    JSON Lines (one value per line) and a bare run of object members (`"id": 1, "name": "x"`)
    are accepted. What still fails is reported where it fails.
    """
    if not code.strip() or _TEMPLATE.search(code):
        return None
    import json  # here, not at import: a run on documents without JSON examples never loads it

    try:
        json.loads(code)
        return None
    except json.JSONDecodeError:
        pass
    cleaned = _blank_abbreviations(code)
    try:
        json.loads(cleaned)
        return None
    except json.JSONDecodeError as error:
        problem = _problem_at(error)
    if _is_value_sequence(cleaned):
        return None
    if cleaned.lstrip().startswith('"'):
        return _member_run_problem(cleaned)  # an excerpt of an object: judge it as one
    return problem


def _blank_abbreviations(code: str) -> str:
    """`code` with elisions, comments and the trailing commas they leave replaced by spaces."""
    lines = []
    for line in code.splitlines():
        if _ELISION_LINE.match(line):
            lines.append("")
            continue
        line = _ELIDED_MEMBER.sub(lambda m: " " * len(m.group(0)), line)
        line = _PLACEHOLDER_VALUE.sub(lambda m: " 0" + " " * (len(m.group(0)) - 2), line)
        line = _outside_strings(line, _LINE_COMMENT)
        line = _outside_strings(line, _INLINE_ELISION)
        lines.append(line)
    cleaned = "\n".join(lines)
    if cleaned == "\n".join(code.splitlines()):
        return code  # nothing was abbreviated: a trailing comma is the author's, not ours
    previous = None
    while previous != cleaned:  # commas left before a closing bracket, or doubled by a removed line
        previous = cleaned
        cleaned = _TRAILING_COMMA.sub(lambda m: " " + m.group(1), cleaned)
        cleaned = re.sub(r",(\s*),", lambda m: " " + m.group(1) + ",", cleaned)
        cleaned = re.sub(r"([\[{])(\s*),", lambda m: m.group(1) + m.group(2) + " ", cleaned)
    return cleaned


def _problem_at(error: json.JSONDecodeError) -> SyntaxProblem:
    """The problem, placed where a reader fixes it: a trailing comma at the comma itself."""
    message = _json_message(error)
    index = error.pos
    if message.startswith("trailing comma"):
        comma = index - 1
        while comma > 0 and error.doc[comma] in " \t\r\n":
            comma -= 1
        if error.doc[comma] == ",":
            index = comma
    line = error.doc.count("\n", 0, index)
    column = index - (error.doc.rfind("\n", 0, index) + 1)
    return SyntaxProblem(message, line, column)


def _outside_strings(line: str, pattern: re.Pattern[str]) -> str:
    """`line` with matches of `pattern` blanked where they stand outside JSON strings
    ("tok_1N3x..." is a value, not an elision)."""
    result = line
    for match in pattern.finditer(line):
        before = line[:match.start()]
        quotes = len(re.findall(r'(?<!\\)"', before))
        if quotes % 2 == 0:
            result = result[:match.start()] + " " * (match.end() - match.start()) + result[match.end():]
    return result


def _is_value_sequence(code: str) -> bool:
    """Several JSON values one after another (JSON Lines, or a logged stream of objects)."""
    import json

    decoder = json.JSONDecoder()
    index, count = 0, 0
    length = len(code)
    try:
        while True:
            while index < length and code[index] in " \t\r\n\x1e":
                index += 1
            if index >= length:
                return count >= 2
            _value, index = decoder.raw_decode(code, index)
            count += 1
    except json.JSONDecodeError:
        return False


def _member_run_problem(code: str) -> SyntaxProblem | None:
    """`"key": value, ...` without the braces (an excerpt of an object): its error, if any."""
    import json

    wrapped = "{" + code.rstrip().rstrip(",") + "\n}"
    try:
        json.loads(wrapped)
        return None
    except json.JSONDecodeError as error:
        line = error.lineno - 1
        column = error.colno - 1 - (1 if line == 0 else 0)
        if line >= len(code.splitlines()):
            lines = code.rstrip().splitlines()
            return SyntaxProblem("unbalanced brackets: a '}' or ']' is missing", len(lines) - 1, len(lines[-1]))
        return SyntaxProblem(_json_message(error), line, max(column, 0))


def _json_message(error: json.JSONDecodeError) -> str:
    message = error.msg
    if message.startswith("Expecting property name enclosed in double quotes"):
        if error.doc[error.pos:error.pos + 1] == "}":
            return "trailing comma before '}'"
        return "property name must be in double quotes"
    if message.startswith("Expecting value") and error.doc[error.pos:error.pos + 1] == "]":
        return "trailing comma before ']'"
    if message == "Expecting ',' delimiter":
        return "missing ',' between items"
    if message.startswith("Invalid control character"):
        return "line break or control character inside a string"
    return message[0].lower() + message[1:]


#: A shell session pasted into a yaml fence: "$ oc get ... -o yaml" then its output.
_SHELL_PROMPT = lazy_compile(r"(?m)^[ \t]*[$%]\s+[a-z]")
#: TOML or INI in a yaml fence: "[crio.nri]" then "enable_nri = true".
_TOML_LINE = lazy_compile(r"(?m)^\s*(?:\[[\w.\- \"]+\]|[\w.\-\"]+\s*=\s*\S)")
#: Callout markers explained below the block (" (3)", " <1>") at the end of a line.
_CALLOUT = lazy_compile(r"(?m)(?<![ \t])[ \t]+(?:\(\d{1,2}\)|<\d{1,2}>)[ \t]*$")
#: Blanks with a tab after a line's first token (`key:<TAB>value`, `- host<TAB># note`). YAML 1.2
#: separates tokens and comments with spaces or tabs, and only indentation must be spaces: libyaml
#: (and go-yaml, which kubectl uses) reads them so, while ruamel's pure-Python scanner rejects them.
_INLINE_TAB = lazy_compile(r"(?<=\S)[ \t]*\t[ \t]*")


@lru_cache(maxsize=256)  # pure-Python YAML is slow: never parse the same example twice in a process
def yaml_problem(code: str) -> SyntaxProblem | None:
    """The syntax error of a YAML example, or None when it parses (or is not YAML at all: a shell
    session or TOML in a mislabelled fence), read as meant: callout markers (`(3)`) are not content,
    and a tab between tokens is a blank as YAML 1.2 says (not one in indentation)."""
    if not code.strip() or _TEMPLATE.search(code):
        return None
    if _SHELL_PROMPT.search(code):
        return None
    lines = [line for line in code.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if lines and all(_TOML_LINE.match(line) for line in lines):
        return None
    code = _CALLOUT.sub(lambda m: " " * len(m.group(0)), code)
    if "\t" in code:  # one space for each blank, so that positions stay where they were
        code = _INLINE_TAB.sub(lambda m: " " * len(m.group(0)), code)
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    from speclint.document import yaml_guard

    try:
        yaml_guard.load(YAML(typ="rt"), code, all_documents=True)
        return None
    except yaml_guard.YamlRefused as refused:
        return SyntaxProblem(refused.problem.message, refused.problem.line, refused.problem.column)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if _only_elisions_break_yaml(code):
            return None
        problem = (error.problem or error.context or "invalid YAML").strip()
        if mark is None:
            return SyntaxProblem(problem, 0, 0)
        return SyntaxProblem(problem, mark.line, mark.column)
    except Exception as error:  # duplicate keys, and ruamel's own assertion errors on odd input
        if _only_elisions_break_yaml(code):
            return None
        problem = yaml_guard.describe(error)
        return SyntaxProblem(problem.message, problem.line, problem.column)


def _only_elisions_break_yaml(code: str) -> bool:
    from ruamel.yaml import YAML

    from speclint.document import yaml_guard

    cleaned = "\n".join(line for line in code.splitlines() if not _ELISION_LINE.match(line))
    cleaned = _INLINE_ELISION.sub("", cleaned)
    if cleaned == code:
        return False
    try:
        yaml_guard.load(YAML(typ="rt"), cleaned, all_documents=True)
        return True
    except Exception:  # ruamel raises many kinds; all mean "still not valid YAML"
        return False


# --- OpenAPI ----------------------------------------------------------------------------------


class Fragment(Record):
    """A loaded OpenAPI fragment: the data (ruamel nodes keep positions) and its block."""

    __slots__ = ("data", "block", "complete")

    def __init__(self, data: Any, block: CodeBlock, complete: bool) -> None:
        self.data = data
        self.block = block
        self.complete = complete  # it has an `openapi` key, so the top-level required fields apply


def load_fragment(block: CodeBlock) -> Fragment | None:
    """The OpenAPI fragment in a YAML or JSON block, or None when the block is something else."""
    if block.language not in JSON_LANGUAGES | YAML_LANGUAGES or _TEMPLATE.search(block.code):
        return None
    if not re.search(r"(?m)^[ \t]*[\"']?(?:openapi|paths)[\"']?\s*:", block.code):
        return None
    from ruamel.yaml import YAML

    from speclint.document import yaml_guard

    try:
        data = yaml_guard.load(YAML(typ="rt"), block.code)
    except Exception:  # a syntax error or over budget: the JSON/YAML example rules report it
        return None
    if not isinstance(data, dict):
        return None
    if "swagger" in data:
        return None  # Swagger 2.0 has other rules; not checked
    paths = data.get("paths")
    if "openapi" not in data and not (isinstance(paths, dict) and any(str(k).startswith("/") for k in paths)):
        return None
    return Fragment(data, block, "openapi" in data)


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    import json
    from importlib.resources import files

    return json.loads(files("speclint.schemas").joinpath("openapi-3-structure.json").read_text(encoding="utf-8"))


class StructureProblem(Record):
    """An OpenAPI fragment that does not have the structure the specification requires."""

    __slots__ = ("message", "position")

    def __init__(self, message: str, position: Position) -> None:
        self.message = message
        self.position = position


def structure_problems(fragment: Fragment) -> Iterator[StructureProblem]:
    """Structural errors of an OpenAPI fragment, each at the key it concerns."""
    from jsonschema import Draft202012Validator

    schema = _schema()
    if not fragment.complete:
        schema = {"$ref": "#/$defs/Fragment", "$defs": schema["$defs"]}
    validator = Draft202012Validator(schema)
    plain_data = _to_plain(fragment.data)
    for error in sorted(validator.iter_errors(plain_data), key=lambda e: list(map(str, e.absolute_path))):
        best = _deepest(error)
        path = list(best.absolute_path)
        where = "/".join(str(part) for part in path) or "top level"
        key_path = path + _offending_key(best)
        yield StructureProblem(f"{where}: {_schema_message(best)}", node_position(fragment, key_path))


def _deepest(error: Any) -> Any:
    """For anyOf/oneOf/if-then errors, the most specific sub-error (what the author got wrong)."""
    while error.context:
        error = max(error.context, key=lambda e: len(e.absolute_path))
    return error


def _unexpected_keys(error: Any) -> list[str]:
    """The keys an additionalProperties error is about, in the order they are written."""
    allowed = set(error.schema.get("properties", {}))
    patterns = [re.compile(pattern) for pattern in error.schema.get("patternProperties", {})]
    instance = error.instance if isinstance(error.instance, dict) else {}
    return [str(key) for key in instance
            if str(key) not in allowed and not any(p.search(str(key)) for p in patterns)]


def _is_property_name_error(error: Any) -> bool:
    return "propertyNames" in error.absolute_schema_path


def _offending_key(error: Any) -> list[str]:
    """The key to point at, beyond the error's own path: the unknown field or the bad name."""
    if error.validator == "additionalProperties":
        keys = _unexpected_keys(error)
        return keys[:1]
    if _is_property_name_error(error):
        return [str(error.instance)]
    return []


def _schema_message(error: Any) -> str:
    if error.validator == "additionalProperties":
        names = _unexpected_keys(error)
        return f"unknown field {', '.join(repr(n) for n in names)}" if names else error.message
    if _is_property_name_error(error):
        return f"{str(error.instance)!r} is not a status code (use 200, 4XX or default)"
    if error.validator == "required":
        return error.message.replace("is a required property", "is required")
    return error.message


def _to_plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(key): _to_plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_to_plain(value) for value in node]
    return node


def node_position(fragment: Fragment, path: list[Any]) -> Position:
    """Source position of the key (or list item) at `path` in the fragment."""
    from speclint.reading.interfaces import code_position

    node = fragment.data
    line, column = 0, 0
    for part in path:
        lc = getattr(node, "lc", None)
        try:
            if isinstance(node, dict):
                key = _original_key(node, part)
                if lc is not None:
                    line, column = lc.key(key)
                node = node[key]
            elif isinstance(node, list):
                index = int(part)
                if lc is not None:
                    line, column = lc.item(index)
                node = node[index]
            else:
                break
        except (KeyError, IndexError, TypeError, ValueError):
            break
    return code_position(fragment.block, line, column)


def _original_key(mapping: dict[Any, Any], part: Any) -> Any:
    """The mapping's own key for `part` (YAML `200:` is an int; the schema path holds '200')."""
    if part in mapping:
        return part
    for key in mapping:
        if str(key) == str(part):
            return key
    raise KeyError(part)


def problem_span(block: CodeBlock, line: int, column: int) -> Span:
    from speclint.reading.interfaces import code_position

    return character_span(block, code_position(block, line, column))


def character_span(block: CodeBlock, start: Position) -> Span:
    """The character at `start` in a code block; never past the end of its line: a problem at the
    end of a line (a missing comma, an unclosed bracket) or on an empty one is an empty span there."""
    line_end = next((segment.column + len(segment.text) for segment in block.lines if segment.line == start.line),
                    start.column + 1)
    return Span(start, Position(start.line, max(start.column, min(start.column + 1, line_end))))


class Operation(Record):
    """One operation (method and path) of an OpenAPI fragment."""

    __slots__ = ("method", "path", "data", "position")

    def __init__(self, method: str, path: str, data: Any, position: Position) -> None:
        self.method = method
        self.path = path
        self.data = data
        self.position = position


def operations(fragment: Fragment) -> Iterator[Operation]:
    paths = fragment.data.get("paths")
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        for method, operation in item.items():
            if str(method).lower() in {"get", "put", "post", "delete", "options", "head", "patch", "trace"} \
                    and isinstance(operation, dict):
                yield Operation(str(method).upper(), str(path), operation,
                                node_position(fragment, ["paths", path, method]))
