"""Loading untrusted YAML safely: front matter, YAML examples, `.speclint.yaml`, `kep.yaml`.

ruamel.yaml keeps an alias as a reference to its anchor's node, but anything that walks the data
(JSON Schema validation, `to_json`) copies it: ten aliases of ten aliases of ... is a few hundred
bytes of YAML and gigabytes of copies (a "billion laughs"). Before loading, `check_budget` walks
the parser's events once, in linear time, and counts the nodes the document would have with every
alias expanded and how deep it nests; a document over either budget is refused at the line where
it crosses it.

ruamel also raises errors that are not `YAMLError` (an `AssertionError` with an empty message on
`title:`, a blank line, `> # x`), and errors whose message is empty: `describe` always gives a
sentence and a position, so a caller never trips over the error it is reporting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: At most this many nodes (scalars, mappings, sequences) once aliases are expanded. Real front
#: matter and configuration have hundreds; an OpenAPI example a few thousand.
MAX_EXPANDED_NODES = 100_000
#: At most this deep: real YAML nests a dozen levels; ruamel's composer recurses once per level.
MAX_DEPTH = 200


@dataclass(frozen=True)
class YamlProblem:
    """Why YAML could not be loaded: a sentence, and the 0-based line and column it is about."""

    message: str
    line: int = 0
    column: int = 0


class YamlRefused(Exception):
    """The YAML is over a budget (`MAX_EXPANDED_NODES`, `MAX_DEPTH`); `problem` says where."""

    def __init__(self, problem: YamlProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def check_budget(text: str, max_nodes: int = MAX_EXPANDED_NODES, max_depth: int = MAX_DEPTH) -> None:
    """Raise `YamlRefused` when `text`, with its aliases expanded, has more than `max_nodes` nodes
    or nests deeper than `max_depth`. Syntax errors are left for the loader to report."""
    from ruamel.yaml import YAML
    from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent

    anchored: dict[str, int] = {}  # anchor -> expanded size of its node
    open_sizes: list[int] = []  # expanded size so far of each open mapping or sequence
    open_anchors: list[str | None] = []
    total = 0  # expanded size of the finished top-level nodes (all documents of the stream)

    def add(size: int, event: Any) -> None:
        nonlocal total
        if open_sizes:
            open_sizes[-1] += size
            grown = open_sizes[-1]
        else:
            total += size
            grown = total
        if grown > max_nodes:
            raise YamlRefused(_at(event, f"YAML too large: more than {max_nodes:,} values once its aliases "
                                         "are expanded; not loaded"))

    try:
        for event in YAML(typ="rt", pure=True).parse(text):
            if isinstance(event, AliasEvent):
                add(anchored.get(event.anchor, 1), event)
            elif isinstance(event, ScalarEvent):
                if event.anchor:
                    anchored[event.anchor] = 1
                add(1, event)
            elif isinstance(event, CollectionStartEvent):
                open_sizes.append(1)
                open_anchors.append(event.anchor)
                if len(open_sizes) > max_depth:
                    raise YamlRefused(_at(event, f"YAML too deep: more than {max_depth} levels of nesting; not loaded"))
            elif isinstance(event, CollectionEndEvent) and open_sizes:
                size, anchor = open_sizes.pop(), open_anchors.pop()
                if anchor:
                    anchored[anchor] = size
                add(size, event)
    except YamlRefused:
        raise
    except Exception:  # a syntax error: the loader reports it with its own message
        return


def _at(event: Any, message: str) -> YamlProblem:
    mark = getattr(event, "start_mark", None)
    return YamlProblem(message, getattr(mark, "line", 0), getattr(mark, "column", 0))


def load(loader: Any, text: str, all_documents: bool = False) -> Any:
    """`loader.load(text)` (a list of `load_all` documents with `all_documents`), after `check_budget`."""
    check_budget(text)
    if all_documents:
        return list(loader.load_all(text))
    return loader.load(text)


def describe(error: BaseException, scanner_context: bool = False) -> YamlProblem:
    """A clear sentence and the position for any error raised while loading YAML.

    With `scanner_context`, a scanner error is placed where the bad token starts (`status draft`
    with no colon, an unclosed quote) rather than at its problem mark, often the next line."""
    if isinstance(error, YamlRefused):
        return error.problem
    if isinstance(error, RecursionError):
        return YamlProblem("YAML too deep to load")
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    context = getattr(error, "context", None) or ""
    if scanner_context and context.startswith("while scanning") and getattr(error, "context_mark", None) is not None:
        mark = error.context_mark  # type: ignore[attr-defined]
    lines = str(error).strip().splitlines()
    problem = (getattr(error, "problem", None) or (lines[0] if lines else "")).strip()
    if not problem:
        problem = f"the YAML parser could not read this ({type(error).__name__})"
    line, column = (getattr(mark, "line", 0), getattr(mark, "column", 0)) if mark is not None else (0, 0)
    return YamlProblem(problem, line or 0, column or 0)
