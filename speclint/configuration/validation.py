"""Loading user-written YAML/TOML with positions, and turning JSON Schema errors into sentences.

Configuration files and YAML rule files are written by people, so every problem is reported as
`file:line:column: what is wrong; what is allowed`, never as a traceback or a raw jsonschema dump.
ruamel.yaml keeps the line and column of every key and value; for TOML (pyproject.toml), which
Python's tomllib loads without positions, `TomlLocator` finds the key in the text as well as it can.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Protocol, Sequence

from speclint.record import Record

PathKey = tuple[Any, ...]  # a path into loaded data: mapping keys and list indexes


class Problem(Record):
    """One thing wrong in a user's file, with the 1-based position it is at."""

    __slots__ = ("file", "line", "column", "message")

    def __init__(self, file: str, line: int, column: int, message: str) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.message = message

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class InvalidFile(Exception):
    """A configuration or rule file that cannot be used; `problems` says where and why."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = list(problems)


class Locator(Protocol):
    def position(self, path: PathKey, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the value at `path` (or of its key, with `key`)."""


# --- YAML -----------------------------------------------------------------------------------


def load_yaml(text: str, file: str) -> Any:
    """Round-trip YAML (positions kept); `InvalidFile` at the parser's position when it is broken."""
    from ruamel.yaml import YAML

    from speclint.document import yaml_guard

    loader = YAML(typ="rt", pure=True)
    try:
        return yaml_guard.load(loader, text)
    except Exception as error:  # ruamel raises many kinds; all mean "not valid YAML"
        problem = yaml_guard.describe(error)
        message = problem.message if isinstance(error, yaml_guard.YamlRefused) else f"invalid YAML: {problem.message}"
        raise InvalidFile([Problem(file, problem.line + 1, problem.column + 1, message)]) from None


class YamlLocator:
    """Positions from ruamel.yaml's round-trip data (`.lc` on every mapping and sequence)."""

    def __init__(self, data: Any, line_offset: int = 0) -> None:
        self.data = data
        self.line_offset = line_offset

    def position(self, path: PathKey, key: bool = False) -> tuple[int, int]:
        node = self.data
        best = (1, 1)
        for depth, step in enumerate(path):
            lc = getattr(node, "lc", None)
            if lc is None:
                break
            last = depth == len(path) - 1
            try:
                if isinstance(node, list):
                    line, column = lc.item(step)
                elif last and not key:
                    line, column = lc.value(step)
                else:
                    line, column = lc.key(step)
                node = node[step]
            except (KeyError, IndexError, TypeError, AttributeError):
                break
            best = (line + 1 + self.line_offset, column + 1)
        else:
            if not path:
                lc = getattr(node, "lc", None)
                if lc is not None:
                    best = (lc.line + 1 + self.line_offset, lc.col + 1)
        return best


# --- TOML -----------------------------------------------------------------------------------


def load_toml(text: str, file: str) -> dict[str, Any]:
    try:
        import tomllib  # Python 3.11+
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        try:
            import tomli as tomllib  # type: ignore[no-redef]
        except ModuleNotFoundError:
            raise InvalidFile([Problem(file, 1, 1, "reading pyproject.toml needs Python 3.11+ or the 'tomli' package; "
                                       "use .speclint.yaml instead")]) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        line, column = (int(match.group(1)), int(match.group(2))) if match else (1, 1)
        message = re.sub(r"(?<!\s)\s*\(at line \d+, column \d+\)", "", str(error))
        raise InvalidFile([Problem(file, line, column, f"invalid TOML: {message}")]) from None


class TomlLocator:
    """Best-effort positions in a TOML file, found by reading the text (tomllib keeps none).

    `prefix` is where the data lives (`("tool", "speclint")`). The locator finds the deepest table
    header (`[tool.speclint.rules]`, the n-th `[[tool.speclint.overrides]]`) on the path, then the
    remaining keys in order after it (`PH001 = { level = "warn" }` finds `level`).
    """

    def __init__(self, text: str, prefix: PathKey) -> None:
        self.lines = text.splitlines()
        self.prefix = prefix

    def position(self, path: PathKey, key: bool = False) -> tuple[int, int]:
        full = (*self.prefix, *path)
        for depth in range(len(full), 0, -1):
            header = self._header(full[:depth])
            if header is None:
                continue
            rest = full[depth:]
            return self._find_keys(header, [step for step in rest if isinstance(step, str)], key)
        return (1, 1)

    def _header(self, path: PathKey) -> int | None:
        """Line index of the table header for `path` (or of the n-th `[[...]]` entry)."""
        names: list[str] = []
        occurrence = 0
        consumed = 0
        for step in path:
            if isinstance(step, int):
                occurrence = step
                consumed += 1
                continue
            names.append(step)
            consumed += 1
        dotted = ".".join(_toml_key(name) for name in names)
        plain = re.compile(r"^\s*\[\s*" + re.escape(dotted) + r"\s*\]\s*(#.*)?$")
        array = re.compile(r"^\s*\[\[\s*" + re.escape(dotted) + r"\s*\]\]\s*(#.*)?$")
        seen = 0
        for index, line in enumerate(self.lines):
            if plain.match(line):
                return index
            if array.match(line):
                if seen == occurrence:
                    return index
                seen += 1
        return None if consumed else 0

    def _find_keys(self, start: int, keys: list[str], key: bool) -> tuple[int, int]:
        line_index, column = start, 0
        for name in keys:
            pattern = re.compile(r"(?:^|[\s{,])(" + re.escape(name) + r'|"' + re.escape(name) + r'")\s*=\s*')
            found = None
            for index in range(line_index, len(self.lines)):
                if index > start and name == keys[0] and self.lines[index].lstrip().startswith("["):
                    break  # the next table starts: the key is not in this one
                match = pattern.search(self.lines[index], column if index == line_index else 0)
                if match:
                    found = (index, match)
                    break
            if found is None:
                return (line_index + 1, column + 1)
            line_index, match = found
            column = match.start(1) if key and name == keys[-1] else match.end()
        return (line_index + 1, column + 1)


def _toml_key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else f'"{name}"'


# --- schema errors as sentences -------------------------------------------------------------

_TYPE_WORDS = {
    "string": "a string",
    "array": "a list",
    "object": "a mapping",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
    "null": "empty",
}


def describe_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value) if isinstance(value, str) else str(value)


def plain(data: Any) -> Any:
    """ruamel's commented containers as plain dicts and lists (jsonschema wants those)."""
    if isinstance(data, Mapping):
        return {key: plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [plain(item) for item in data]
    return data


def schema_problems(
    data: Any, schema: Mapping[str, Any], file: str, locator: Locator, where: PathKey = ()
) -> list[Problem]:
    """Every place `data` breaks `schema`, as sentences, in file order."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema)
    problems = []
    for error in validator.iter_errors(plain(data)):
        for path, key, message in _explain(error):
            line, column = locator.position((*where, *path), key=key)
            problems.append(Problem(file, line, column, message))
    unique = {(p.line, p.column, p.message): p for p in problems}
    return sorted(unique.values(), key=lambda p: (p.line, p.column))


def dotted(path: Iterable[Any]) -> str:
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text or "the top level"


def _explain(error: Any) -> Iterator[tuple[PathKey, bool, str]]:
    """(path, point-at-key, message) for one jsonschema error, choosing the useful branch."""
    path = tuple(error.absolute_path)
    where = dotted(path)
    validator = error.validator
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    instance = error.instance
    if validator in ("anyOf", "oneOf") and error.context:
        # The branch whose type fits the value is the one the user meant.
        branches: dict[Any, list[Any]] = {}
        for sub in error.context:
            branches.setdefault(sub.schema_path[0] if sub.schema_path else None, []).append(sub)
        fitting = [
            sub for subs in branches.values()
            if not any(s.validator == "type" and len(s.absolute_path) == len(path) for s in subs)
            for sub in subs
        ]
        if fitting:
            deepest = max(len(sub.absolute_path) for sub in fitting)
            for sub in fitting:
                if len(sub.absolute_path) == deepest:
                    yield from _explain(sub)
                    return
        titles = [str(branch.get("title") or "") for branch in error.validator_value if isinstance(branch, Mapping)]
        if titles and all(titles):
            yield path, False, f"{where} must be {' or '.join(titles)}, not {describe_value(instance)}"
            return
    if validator == "additionalProperties" and isinstance(instance, Mapping):
        known = list(schema.get("properties", {}))
        patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
        for name in instance:
            if name in known or any(p.search(str(name)) for p in patterns):
                continue
            allowed = ", ".join(known) if known else "none"
            place = f" in {where}" if path else ""
            suggestion = suggest(str(name), known)
            yield (*path, name), True, f"unknown key '{name}'{place}{suggestion} (allowed: {allowed})"
        return
    if validator == "enum":
        allowed = ", ".join(str(value) for value in error.validator_value)
        yield path, False, f"{where}: {describe_value(instance)} is not allowed{suggest(str(instance), [str(v) for v in error.validator_value])} (allowed: {allowed})"
        return
    if validator == "type":
        expected = error.validator_value
        words = " or ".join(_TYPE_WORDS.get(str(t), str(t)) for t in (expected if isinstance(expected, list) else [expected]))
        yield path, False, f"{where} must be {words}, not {describe_value(instance)}"
        return
    if validator == "required":
        missing = [name for name in error.validator_value if name not in instance]
        yield path, True, f"{where} is missing the required key{'s' * (len(missing) > 1)} {', '.join(repr(m) for m in missing)}"
        return
    if validator == "pattern":
        hint = schema.get("description") or f"the pattern {error.validator_value}"
        yield path, False, f"{where}: {describe_value(instance)} does not fit {hint}"
        return
    if validator == "minItems":
        yield path, False, f"{where} must have at least {error.validator_value} item{'s' * (error.validator_value != 1)}"
        return
    if validator == "minProperties":
        yield path, False, f"{where} must not be empty"
        return
    if validator == "format":
        yield path, False, f"{where}: {describe_value(instance)} is not a valid {error.validator_value}"
        return
    yield path, False, f"{where}: {error.message}"


def suggest(name: str, candidates: Sequence[str]) -> str:
    """' (did you mean 'X'?)' for a near miss among `candidates`, else ''."""
    import difflib

    close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def read_schema(name: str) -> dict[str, Any]:
    """A JSON Schema shipped in the `speclint.schemas` package."""
    import json
    from importlib.resources import files

    return json.loads(files("speclint.schemas").joinpath(name).read_text(encoding="utf-8"))


def read_user_file(path: Path, shown: str) -> str:
    """A user's configuration or rule file as text; `InvalidFile` when it cannot be read."""
    import os
    import stat

    try:
        # Without blocking, and only a regular file: a FIFO or a device named as a configuration never hangs the run.
        with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise InvalidFile([Problem(shown, 1, 1, "not a regular file; not read")])
            return stream.read().decode("utf-8-sig")
    except FileNotFoundError:
        raise InvalidFile([Problem(shown, 1, 1, "no such file")]) from None
    except UnicodeDecodeError:
        raise InvalidFile([Problem(shown, 1, 1, "not valid UTF-8; save the file as UTF-8")]) from None
    except OSError as error:
        raise InvalidFile([Problem(shown, 1, 1, f"cannot read: {error.strerror or error}")]) from None
