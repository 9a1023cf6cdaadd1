"""Front-matter schemas: loading them, validating YAML data, and turning errors into positioned messages.

Schemas are JSON Schema (draft 2020-12) files. A schema is named by a built-in name (`prd`,
`spec-kit`, `ears`, `kep`, `rust-rfc`, `adr`: `schemas/front-matter/<name>.schema.json` inside
the package) or given as a path to a `.json` file. jsonschema is imported only when a document
actually has metadata to validate.

A KEP keeps its metadata in `kep.yaml` next to its README.md: `sibling_yaml` reads such a file
once per document (size-limited, UTF-8 only, never raising), with the same positions a front
matter has, so errors in it point at its own lines.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import weakref
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from speclint.document.model import Document, Position, Span, YamlFile
from speclint.lazy_regex import lazy_compile

BUILT_IN_SCHEMAS = ("prd", "spec-kit", "ears", "kep", "rust-rfc", "adr", "openshift-enhancement", "capi-proposal")


class SchemaLoadError(ValueError):
    """A schema name or path that does not resolve to a valid JSON Schema."""


def is_schema_path(reference: str) -> bool:
    return reference.endswith(".json") or "/" in reference or os.sep in reference


@lru_cache(maxsize=32)
def load_schema(reference: str) -> dict[str, Any]:
    """The schema named `reference` (a built-in name or a path to a .json file)."""
    if is_schema_path(reference):
        try:
            text = Path(reference).read_text(encoding="utf-8")
        except OSError as error:
            raise SchemaLoadError(f"cannot read front-matter schema {reference}: {error.strerror or error}") from None
    else:
        from importlib.resources import files

        resource = files("speclint.schemas").joinpath("front-matter", f"{reference}.schema.json")
        if not resource.is_file():
            known = ", ".join(BUILT_IN_SCHEMAS)
            raise SchemaLoadError(f"no built-in front-matter schema '{reference}' (built in: {known}; or give a path to a .json file)")
        text = resource.read_text(encoding="utf-8")
    try:
        schema = json.loads(text)
    except json.JSONDecodeError as error:
        raise SchemaLoadError(f"front-matter schema {reference} is not valid JSON: {error}") from None
    if not is_schema_path(reference):
        # Built-in schemas are checked by the test suite: a lint run does not import jsonschema for them.
        return schema
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        raise SchemaLoadError(f"front-matter schema {reference} is not a valid JSON Schema: {error.message}") from None
    return schema


def to_json(value: Any) -> Any:
    """YAML data as JSON data: mappings and sequences as dict and list, dates as ISO strings."""
    if isinstance(value, dict):
        return {str(key): to_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(item) for item in value]
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()  # a timestamp names a real day; its time is not metadata
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)


@dataclass(frozen=True)
class SchemaProblem:
    """One validation error: the path of the offending key, whether to point at its value, and why."""

    path: tuple[str | int, ...]
    at_value: bool
    message: str


def validate(data: Any, schema: dict[str, Any]) -> list[SchemaProblem]:
    """Problems of YAML `data` against `schema`, in document order of their paths."""
    instance = to_json(data if data is not None else {})
    if _conforms(instance, schema, schema) is True:
        return []  # most metadata is valid: no need to import jsonschema (and its referencing stack)
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    problems: list[SchemaProblem] = []
    seen: set[tuple[str | int, ...]] = set()
    for error in validator.iter_errors(instance):
        problem = _describe(error)
        if problem.path in seen and problem.path:
            continue  # one finding per key: "not a date" covers both the format and the pattern
        seen.add(problem.path)
        problems.append(problem)
    return problems


# --- a quick check for valid data -------------------------------------------------------------
# The keywords the front-matter schemas use, checked as jsonschema checks them (draft 2020-12 with
# its format checker). The answer is True (valid), False (invalid) or None (a keyword or format
# this does not know): only a certain True skips jsonschema; anything else goes to it for messages.

_ANNOTATIONS = {"$schema", "$id", "$comment", "$defs", "definitions", "title", "description", "examples",
                "default", "deprecated", "readOnly", "writeOnly", "markdownDescription"}
_DATE = lazy_compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def _conforms(instance: Any, schema: Any, root: dict[str, Any]) -> bool | None:
    if schema is True or schema == {}:
        return True
    if not isinstance(schema, dict):
        return None
    verdicts: list[bool | None] = []
    for keyword, value in schema.items():
        if keyword in _ANNOTATIONS or keyword in ("then", "else"):
            continue
        check = _KEYWORDS.get(keyword)
        verdict = check(instance, value, schema, root) if check is not None else None
        if verdict is False:
            return False
        verdicts.append(verdict)
    return None if None in verdicts else True


def _is_type(instance: Any, name: str) -> bool | None:
    if name == "object":
        return isinstance(instance, dict)
    if name == "array":
        return isinstance(instance, list)
    if name == "string":
        return isinstance(instance, str)
    if name == "boolean":
        return isinstance(instance, bool)
    if name == "null":
        return instance is None
    if name == "integer":
        return not isinstance(instance, bool) and (
            isinstance(instance, int) or (isinstance(instance, float) and instance.is_integer())
        )
    if name == "number":
        return isinstance(instance, (int, float)) and not isinstance(instance, bool)
    return None


def _type(instance: Any, value: Any, schema: dict[str, Any], root: dict[str, Any]) -> bool | None:
    names = value if isinstance(value, list) else [value]
    verdicts = [_is_type(instance, name) for name in names]
    return True if True in verdicts else (None if None in verdicts else False)


def _ref(instance: Any, value: Any, schema: dict[str, Any], root: dict[str, Any]) -> bool | None:
    for prefix in ("#/$defs/", "#/definitions/"):
        if isinstance(value, str) and value.startswith(prefix) and "/" not in value[len(prefix):]:
            target = root.get(prefix[2:-1], {}).get(value[len(prefix):])
            return _conforms(instance, target, root) if target is not None else None
    return None


def _properties(instance: Any, value: Any, schema: dict[str, Any], root: dict[str, Any]) -> bool | None:
    if not isinstance(instance, dict):
        return True
    return _all(_conforms(instance[key], sub, root) for key, sub in value.items() if key in instance)


def _additional(instance: Any, value: Any, schema: dict[str, Any], root: dict[str, Any]) -> bool | None:
    if not isinstance(instance, dict):
        return True
    if "patternProperties" in schema:
        return None
    extra = [key for key in instance if key not in schema.get("properties", {})]
    return _all(_conforms(instance[key], value, root) for key in extra)


def _items(instance: Any, value: Any, schema: dict[str, Any], root: dict[str, Any]) -> bool | None:
    if not isinstance(instance, list):
        return True
    if "prefixItems" in schema:
        return None
    return _all(_conforms(item, value, root) for item in instance)


def _any_of(instance: Any, value: Any, schema: dict[str, Any], root: dict[str, Any]) -> bool | None:
    verdicts = [_conforms(instance, sub, root) for sub in value]
    return True if True in verdicts else (None if None in verdicts else False)


def _if(instance: Any, value: Any, schema: dict[str, Any], root: dict[str, Any]) -> bool | None:
    condition = _conforms(instance, value, root)
    if condition is None:
        return None
    branch = schema.get("then" if condition else "else", True)
    return _conforms(instance, branch, root)


def _enum(instance: Any, value: Any, schema: dict[str, Any], root: dict[str, Any]) -> bool | None:
    if isinstance(instance, (dict, list)) or any(isinstance(option, (dict, list, float)) for option in value):
        return None  # jsonschema's equality of containers and numbers is subtler than Python's
    return any(type(option) is type(instance) and option == instance for option in value)


def _required(instance: Any, value: Any, schema: dict[str, Any], root: dict[str, Any]) -> bool | None:
    return not isinstance(instance, dict) or all(key in instance for key in value)


def _pattern(instance: Any, value: Any, schema: dict[str, Any], root: dict[str, Any]) -> bool | None:
    return not isinstance(instance, str) or re.search(value, instance) is not None


def _min_length(instance: Any, value: Any, schema: dict[str, Any], root: dict[str, Any]) -> bool | None:
    return not isinstance(instance, str) or len(instance) >= value


def _min_items(instance: Any, value: Any, schema: dict[str, Any], root: dict[str, Any]) -> bool | None:
    return not isinstance(instance, list) or len(instance) >= value


def _minimum(instance: Any, value: Any, schema: dict[str, Any], root: dict[str, Any]) -> bool | None:
    if isinstance(instance, bool) or not isinstance(instance, (int, float)):
        return True
    return instance >= value


def _format(instance: Any, value: Any, schema: dict[str, Any], root: dict[str, Any]) -> bool | None:
    if not isinstance(instance, str):
        return True
    if value != "date":
        return None
    if not _DATE.match(instance):
        return False
    try:
        datetime.date.fromisoformat(instance)
    except ValueError:
        return False
    return True


def _all(verdicts: Any) -> bool | None:
    unknown = False
    for verdict in verdicts:
        if verdict is False:
            return False
        unknown = unknown or verdict is None
    return None if unknown else True


_KEYWORDS = {
    "type": _type, "$ref": _ref, "properties": _properties, "additionalProperties": _additional,
    "items": _items, "anyOf": _any_of, "if": _if, "enum": _enum, "required": _required, "pattern": _pattern,
    "minLength": _min_length, "minItems": _min_items, "minimum": _minimum, "format": _format,
}


def _name(path: tuple[str | int, ...]) -> str:
    if not path:
        return "front matter"
    text = str(path[0])
    for part in path[1:]:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def _describe(error: Any) -> SchemaProblem:
    from jsonschema.exceptions import best_match

    path = tuple(error.absolute_path)
    name = _name(path)
    instance = error.instance
    kind = error.validator
    if kind in ("anyOf", "oneOf") and error.context:
        required = [sub.validator_value for sub in error.context if sub.validator == "required"]
        if required and len(required) == len(error.context):
            keys = ", ".join(f"'{key}'" for group in required for key in group)
            where = "front matter" if not path else name
            return SchemaProblem(path, False, f"{where} needs one of {keys}")
        if instance is None:
            return SchemaProblem(path, False, f"'{name}' is empty: give it a value")
        # The branch that fits the value's type says what is wrong with it ("owners: []" fails
        # the list branch's minItems; that it is not a string is beside the point).
        fitting = [sub for sub in error.context if not (sub.validator == "type" and not sub.relative_path)]
        deepest = best_match(fitting) if fitting else None
        description = str(error.schema.get("description", "")).strip().rstrip(".")
        if deepest is not None and not (description and deepest.validator in ("pattern", "type", "minimum")):
            return _describe(deepest)
        if description:
            return SchemaProblem(path, True, f"'{name}' is {_show(instance)}: expected {_lower_first(description)}")
        return SchemaProblem(path, True, f"'{name}' has an unexpected value {_show(instance)}")
    if kind == "required":
        missing = [key for key in error.validator_value if not isinstance(instance, dict) or key not in instance]
        keys = ", ".join(f"'{key}'" for key in missing)
        where = "front matter" if not path else f"'{name}'"
        return SchemaProblem(path, False, f"{where} has no {keys}: add {'it' if len(missing) == 1 else 'them'}")
    if instance is None:
        return SchemaProblem(path, False, f"'{name}' is empty: give it a value")
    if kind == "enum":
        allowed = _dedupe(error.validator_value)
        return SchemaProblem(path, True, f"'{name}' is {_show(instance)}, not one of: {', '.join(allowed)}")
    if error.schema.get("format") == "date" and kind in ("format", "pattern", "type"):
        return SchemaProblem(path, True, f"'{name}' is {_show(instance)}, not a real date written YYYY-MM-DD")
    if kind == "not":  # the schemas use `not` only to refuse placeholders such as TBD
        return SchemaProblem(path, True, f"'{name}' is {_show(instance)}, a placeholder: give the real value")
    if kind == "minItems":
        if not instance:
            least = "one" if error.validator_value == 1 else error.validator_value
            return SchemaProblem(path, False, f"'{name}' is an empty list: name at least {least}")
        return SchemaProblem(path, False, f"'{name}' needs at least {error.validator_value} entries")
    if kind in ("minLength",) or (kind == "pattern" and error.validator_value == "\\S"):
        return SchemaProblem(path, True, f"'{name}' is empty: give it a value")
    if kind == "pattern":
        description = str(error.schema.get("description", "")).strip().rstrip(".")
        if description:
            return SchemaProblem(path, True, f"'{name}' is {_show(instance)}: expected {_lower_first(description)}")
        return SchemaProblem(path, True, f"'{name}' is {_show(instance)}, which does not match the expected form {error.validator_value}")
    if kind == "type":
        expected = error.validator_value
        expected_text = " or ".join(expected) if isinstance(expected, list) else expected
        return SchemaProblem(path, True, f"'{name}' must be {_article(expected_text)}, not {_json_type(instance)} {_show(instance)}")
    if kind == "minimum":
        return SchemaProblem(path, True, f"'{name}' is {_show(instance)}, below the minimum {error.validator_value}")
    if kind == "additionalProperties":
        return SchemaProblem(path, False, f"'{name}' has keys the schema does not allow: {error.message}")
    return SchemaProblem(path, True, f"'{name}': {error.message}")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _dedupe(values: list[Any]) -> list[str]:
    """Allowed values once each: "Draft"/"DRAFT" and "in-review"/"in review" are spellings of one."""
    seen: dict[str, str] = {}
    for value in values:
        key = str(value).lower().replace("-", " ")
        seen.setdefault(key, str(value).lower() if isinstance(value, str) else str(value))
    return list(seen.values())


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "...'"


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "null"


def _article(type_name: str) -> str:
    words = {"string": "a string", "integer": "a whole number", "number": "a number", "array": "a list",
             "object": "a mapping", "boolean": "true or false", "null": "empty"}
    return " or ".join(words.get(part.strip(), part.strip()) for part in type_name.split(" or "))


def problem_span(metadata: YamlFile | Any, lines: list[str], problem: SchemaProblem) -> Span:
    """Where to point for `problem`: the key's line (or its value), to the end of that line.

    `metadata` is a `FrontMatter` or `YamlFile`; `lines` are the lines of the file it stands in.
    Falls back to the nearest parent key that has a position, then to the start of the block.
    """
    path = problem.path
    position: Position | None = None
    while path:
        position = metadata.value_position(*path) if problem.at_value and path == problem.path else None
        position = position or metadata.key_position(*path)
        if position is not None:
            break
        path = path[:-1]
    if position is None:
        position = metadata.span.start
    line_text = lines[position.line - 1] if 0 < position.line <= len(lines) else ""
    end_column = max(len(line_text.rstrip()) + 1, position.column)
    return Span.of(position.line, position.column, position.line, end_column)


# --- sibling files --------------------------------------------------------------------------

_siblings: weakref.WeakKeyDictionary[Document, dict[str, YamlFile | None]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class SiblingReadError:
    path: str
    message: str


def sibling_path(document: Document, name: str) -> str:
    """The display path of the file `name` next to the document (`keps/sig-x/1-y/kep.yaml`)."""
    directory = os.path.dirname(document.path)
    return os.path.join(directory, name) if directory else name


def sibling_yaml(document: Document, name: str) -> YamlFile | SiblingReadError | None:
    """The YAML file `name` in the document's folder, loaded with positions; None when absent or
    when the document was read from standard input. Read once per document."""
    if document.file_path is None:
        return None
    cache = _siblings.setdefault(document, {})
    if name in cache:
        return cache[name]
    path = Path(document.file_path).parent / name
    result: YamlFile | SiblingReadError | None = None
    if path.is_file():
        from speclint.document.parser import load_yaml, split_lines
        from speclint.engine import files

        display = sibling_path(document, name)
        try:
            text = files.read_text(path)
        except files.ReadError as error:
            result = SiblingReadError(display, str(error))
        else:
            if text.startswith("\ufeff"):
                text = text[1:]
            lines = split_lines(text)
            last = len(lines) or 1
            end_column = len(lines[-1]) + 1 if lines else 1
            yaml_file = YamlFile(span=Span.of(1, 1, last, end_column), text="\n".join(lines), path=display, lines=lines)
            if yaml_file.text.strip():
                load_yaml(yaml_file)
            result = yaml_file
    cache[name] = result  # type: ignore[assignment]
    return result


from speclint.reading.siblings import SIBLING_DOCUMENTS  # noqa: E402  (kept importable from here)
_sibling_documents: weakref.WeakKeyDictionary[Document, dict[str, Document | None]] = weakref.WeakKeyDictionary()


def sibling_document(document: Document, name: str) -> Document | None:
    """The Markdown file `name` (one of `SIBLING_DOCUMENTS`) in the document's folder, parsed; None
    when absent, unreadable, or when the document was read from standard input. Read once per
    document."""
    if document.file_path is None or name not in SIBLING_DOCUMENTS:
        return None
    cache = _sibling_documents.setdefault(document, {})
    if name not in cache:
        path = Path(document.file_path).parent / name
        result: Document | None = None
        if path.is_file() and path.name != Path(document.file_path).name:
            from speclint.document.parser import parse
            from speclint.engine import files

            try:
                result = parse(files.read_text(path), sibling_path(document, name))
            except files.ReadError:
                result = None
        cache[name] = result
    return cache[name]

