"""Turn module-level `re.compile(...)` into `lazy_compile(...)` (speclint.lazy_regex) in the given
files, adding the import; calls inside functions are left alone. Idempotent.

    python bench/lazy_regex_rewrite.py speclint/**/*.py rules/**/*.py

What the `speed2` branch ran over speclint/ and rules/ (all but language_server.py): to redo after
a merge takes another branch's version of a module, then run `python -m speclint.engine.registry >
rules/manifest.json` and `python -m pytest tests/test_regex_linear.py tests/test_rule_manifest.py`.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

IMPORT = "from speclint.lazy_regex import lazy_compile\n"


def module_level_compiles(tree: ast.AST) -> list[tuple[int, int]]:
    """(line, byte column) of each `re.compile(` call outside any function or lambda."""
    sites = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if (not in_function and isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute)
                    and isinstance(child.func.value, ast.Name) and child.func.value.id == "re"
                    and child.func.attr == "compile"):
                sites.append((child.lineno, child.col_offset))
            visit(child, inside)

    visit(tree, False)
    return sites


def rewrite(path: Path) -> int:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    sites = module_level_compiles(tree)
    if not sites:
        return 0
    lines = source.splitlines(keepends=True)
    for line, column in sorted(sites, reverse=True):
        raw = lines[line - 1].encode()
        lines[line - 1] = (raw[:column] + b"lazy_compile" + raw[column + len(b"re.compile"):]).decode()
    if IMPORT not in source:
        imports = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
        ours = [node for node in imports if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("speclint")]
        if ours:
            before = [node for node in ours if (node.module or "") < "speclint.lazy_regex"]
            at = before[-1].end_lineno if before else ours[0].lineno - 1
        else:
            at = imports[-1].end_lineno if imports else 0
            lines.insert(at, "\n")
        lines.insert(at, IMPORT)
    path.write_text("".join(lines), encoding="utf-8")
    return len(sites)


def main() -> None:
    total = 0
    for name in sys.argv[1:]:
        path = Path(name)
        if path.name in ("language_server.py", "lazy_regex.py") or path.suffix != ".py":
            continue
        count = rewrite(path)
        if count:
            print(f"{count:4d} {path}")
        total += count
    print(f"{total} module-level patterns now compile on first use")


if __name__ == "__main__":
    main()
