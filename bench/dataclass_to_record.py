"""Turn plain `@dataclass` classes into `speclint.record.Record` classes, in place.

    python bench/dataclass_to_record.py FILE [CLASS ...]     # every convertible dataclass, or the named ones

A dataclass writes and compiles its methods each time its module is imported (about half a
millisecond a class on Python 3.11); a Record's `__slots__` and `__init__` are in the `.pyc`
(see speclint/record.py). The rewrite keeps each field's name, order, default and comments:
`x: int = 0` becomes a parameter with that default, `field(default_factory=list)` a parameter
that defaults to None and an empty list, `field(compare=False)` and `field(repr=False)` go to
`_not_compared` and `_not_shown`, `eq=False` to `Record, eq=False`. A class it cannot rewrite
faithfully (a base class, `init=False` fields without a default, `order=True`, `__post_init__`,
`InitVar`, `ClassVar` fields) is left alone and named on standard error.

Behaviour that changes, and why it does not matter where this is used: a Record is not frozen
(nothing assigns to a frozen dataclass's fields, or it would have raised), and a mutable Record is
hashable by value (a mutable dataclass is not hashable at all, so no code hashes one).

Written for merges: when a branch changed a class this script rewrote, take that branch's version
of the file and run the script on it again.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

_EMPTY_FACTORIES = {"list": "[]", "dict": "{}", "set": "set()", "tuple": "()", "frozenset": "frozenset()"}


def _decorator_options(decorator: ast.expr) -> dict[str, object] | None:
    """The options of an `@dataclass` or `@dataclass(...)` decorator, None for another decorator."""
    if isinstance(decorator, ast.Name) and decorator.id == "dataclass":
        return {}
    if isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Name) and decorator.func.id == "dataclass":
        return {keyword.arg: ast.literal_eval(keyword.value) for keyword in decorator.keywords if keyword.arg}
    return None


def _convert(source: str, node: ast.ClassDef, lines: list[str]) -> tuple[int, int, list[str]] | str:
    """(first line, last line, new lines) replacing the decorator and the field block; or why not."""
    decorators = [_decorator_options(decorator) for decorator in node.decorator_list]
    options = next((found for found in decorators if found is not None), None)
    if options is None or len(node.decorator_list) != 1:
        return "not a plain @dataclass"
    if node.bases or node.keywords:
        return "has a base class"
    if options.get("order") or options.get("init") is False or options.get("unsafe_hash"):
        return "order, init=False or unsafe_hash"
    body = node.body
    has_docstring = body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant)
    start = 1 if has_docstring else 0
    fields: list[ast.AnnAssign] = []
    for item in body[start:]:
        if isinstance(item, ast.AnnAssign):
            if fields and fields[-1] is not body[body.index(item) - 1]:
                return "fields after other statements"
            fields.append(item)
        elif isinstance(item, ast.FunctionDef) and item.name == "__post_init__":
            return "has __post_init__"
    if not fields:
        return "no fields"
    parameters, assignments, not_compared, not_shown = [], [], [], []
    for item in fields:
        if not isinstance(item.target, ast.Name):
            return "a field that is not a name"
        name = item.target.id
        annotation = ast.get_source_segment(source, item.annotation) or ""
        if "ClassVar" in annotation or "InitVar" in annotation:
            return "ClassVar or InitVar field"
        default: str | None = None
        value = "\0"  # stands for the parameter's name
        if item.value is not None:
            call = item.value
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "field":
                settings = {keyword.arg: keyword.value for keyword in call.keywords}
                if "init" in settings:
                    return "a field with init="
                if settings.get("compare") is not None and not ast.literal_eval(settings["compare"]):
                    not_compared.append(name)
                if settings.get("repr") is not None and not ast.literal_eval(settings["repr"]):
                    not_shown.append(name)
                if "default_factory" in settings:
                    factory = ast.get_source_segment(source, settings["default_factory"]) or ""
                    empty = _EMPTY_FACTORIES.get(factory, f"{factory}()")
                    annotation = f"{annotation} | None"
                    default = "None"
                    value = f"{empty} if \0 is None else \0"
                elif "default" in settings:
                    default = ast.get_source_segment(source, settings["default"])
            else:
                default = ast.get_source_segment(source, call)
        parameters.append(f"{name}: {annotation}" + (f" = {default}" if default is not None else ""))
        # The field's own comments: the `#:` lines above it and the one at the end of its line.
        comments = []
        line_index = item.lineno - 2
        while line_index >= 0 and lines[line_index].strip().startswith("#"):
            comments.insert(0, lines[line_index].strip())
            line_index -= 1
        trailing = re.search(r"\s(#.*)$", lines[item.end_lineno - 1])
        assignment = f"self.{name} = {value.replace(chr(0), name)}"
        assignments.append((comments, assignment + (f"  {trailing.group(1)}" if trailing else "")))
    indent = " " * (node.col_offset + 4)
    names = ", ".join(f'"{item.target.id}"' for item in fields)  # type: ignore[union-attr]
    new = [f"{indent}__slots__ = ({names}{',' if len(fields) == 1 else ''})"]
    if len(new[0]) > 120:
        quoted = [f'{indent}    "{item.target.id}",' for item in fields]  # type: ignore[union-attr]
        new = [f"{indent}__slots__ = (", *quoted, f"{indent})"]
    if not_compared:
        new.append(f"{indent}_not_compared = ({', '.join(repr(n) for n in not_compared)},)")
    if not_shown:
        new.append(f"{indent}_not_shown = ({', '.join(repr(n) for n in not_shown)},)")
    new.append("")
    signature = f"{indent}def __init__(self, {', '.join(parameters)}) -> None:"
    if len(signature) <= 120:
        new.append(signature)
    else:
        new.append(f"{indent}def __init__(")
        new.append(f"{indent}    self,")
        new += [f"{indent}    {parameter}," for parameter in parameters]
        new.append(f"{indent}) -> None:")
    for comments, assignment in assignments:
        new += [f"{indent}    {comment}" for comment in comments]
        new.append(f"{indent}    {assignment}")
    eq = "" if options.get("eq", True) else ", eq=False"
    class_line = lines[node.lineno - 1]
    class_line = re.sub(rf"class {node.name}\s*(\(\s*\))?:", f"class {node.name}(Record{eq}):", class_line, count=1)
    first_field = fields[0].lineno
    while lines[first_field - 2].strip().startswith("#"):
        first_field -= 1  # the first field's comment lines go with it
    docstring = lines[node.lineno: first_field - 1]  # between the class line and the first field
    replaced = [class_line, *docstring, *new]
    return node.decorator_list[0].lineno, fields[-1].end_lineno or fields[-1].lineno, replaced


def convert_file(path: Path, wanted: set[str]) -> list[str]:
    """Rewrite the dataclasses of `path` (those named in `wanted`, or all); the names rewritten."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    edits = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef) or (wanted and node.name not in wanted):
            continue
        result = _convert(source, node, lines)
        if isinstance(result, str):
            if wanted or any(_decorator_options(d) is not None for d in node.decorator_list):
                print(f"{path}: {node.name} left alone: {result}", file=sys.stderr)
            continue
        edits.append((node.name, result))
    for _, (first, last, replacement) in sorted(edits, key=lambda edit: -edit[1][0]):
        lines[first - 1:last] = replacement
    text = "\n".join(lines) + "\n"
    if edits:
        text = _fix_imports(text)
        path.write_text(text, encoding="utf-8")
    return [name for name, _ in edits]


def _fix_imports(text: str) -> str:
    """Import Record; drop `dataclass` and `field` from the dataclasses import when unused."""
    body_without_imports = re.sub(r"^from dataclasses import .*$", "", text, flags=re.M)
    unused = [name for name in ("dataclass", "field") if not re.search(rf"\b{name}\b", body_without_imports)]

    def trim(match: re.Match[str]) -> str:
        kept = [name.strip() for name in match.group(1).split(",") if name.strip() not in unused]
        return f"from dataclasses import {', '.join(kept)}\n" if kept else ""

    text = re.sub(r"^from dataclasses import (.*)\n", trim, text, count=1, flags=re.M)
    if "from speclint.record import Record" not in text:
        ours = [node for node in ast.parse(text).body
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("speclint")]
        if not ours:
            raise SystemExit("no speclint import to put `from speclint.record import Record` beside")
        lines = text.splitlines(keepends=True)
        after = next((node for node in ours if (node.module or "") > "speclint.record"), None)
        at = after.lineno - 1 if after is not None else ours[-1].end_lineno or ours[-1].lineno
        lines.insert(at, "from speclint.record import Record\n")
        text = "".join(lines)
    return text


def main() -> None:
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    path, wanted = Path(sys.argv[1]), set(sys.argv[2:])
    converted = convert_file(path, wanted)
    print(f"{path}: {', '.join(converted) if converted else 'nothing'} rewritten")


if __name__ == "__main__":
    main()
