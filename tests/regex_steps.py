"""How much work a regular expression does, counted in steps: a deterministic stand-in for time.

Python's `re` is a backtracking matcher: a pattern such as `(\\w+)+x` or `\\s*\\w+\\s*:` can take
exponential or quadratic time on text crafted for it (ReDoS), and `re` has no step counter. This
module is one: a small backtracking matcher over the parse tree `re` itself builds
(`re._parser`), with the same search order (greedy and lazy repeats, alternatives in order,
lookarounds, anchors, atomic groups), counting one step per node tried. Single characters are
tested by `re` itself (each class is compiled alone), so classes, flags and Unicode mean exactly
what they mean in `re`.

`pathological_inputs` builds, for a pattern, the strings that attack it: repetitions of each
character class and literal found in it, and of pairs of them. `growth` counts the steps of
`finditer` (what `search`, `sub` and `finditer` do) at two sizes: a linear pattern's count
doubles when the input doubles; a quadratic one's quadruples; an exponential one runs out of
its step budget. Used by `tests/test_regex_linear.py` and `bench/regex_growth.py`.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import random
import re
import re._compiler as sre_compile  # noqa: E402  (the parser and compiler `re` uses)
import re._constants as sre
import re._parser as sre_parse
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

MAXREPEAT = sre.MAXREPEAT
#: Bounded repeats above this count are treated like unbounded ones when building attack strings.
CANDIDATE_CHARACTERS = (
    [chr(code) for code in range(32, 127)] + ["\t", "\n", "\u00a0", "é", "É", "中", "–", "—", "“", "’", "…", "\u2028"]
)


#: Flags as plain ints: `RegexFlag` arithmetic goes through `enum` and cost a third of each step.
_CHARACTER_FLAGS = int(re.I | re.S)
_MULTILINE = int(re.M)
_ASCII = int(re.A)


#: The steps `growth` allows each attack: work past it counts as superlinear.
GROWTH_BUDGET = 200_000


class OutOfSteps(Exception):
    pass


@dataclass(frozen=True)
class PatternSource:
    """A pattern and where it was found."""

    pattern: str
    flags: int
    where: str
    anchored: bool = False  # only ever used with `match` / `fullmatch`: tried at one position

class StepCounter:
    """Runs one compiled-from-source pattern over strings, counting steps."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.tree = sre_parse.parse(pattern, flags)
        self.flags = int(self.tree.state.flags)
        self._char_tests: dict[int, Callable[[str], bool]] = {}
        self.steps = 0
        self.budget = 0
        self.groups: dict[int, tuple[int, int]] = {}

    # --- single characters, tested by `re` itself ---

    def _char_test(self, node: tuple, flags: int) -> Callable[[str], bool]:
        key = id(node) * 4 + (flags & _CHARACTER_FLAGS) // 2
        test = self._char_tests.get(key)
        if test is None:
            state = sre_parse.State()
            state.flags = flags
            compiled = sre_compile.compile(sre_parse.SubPattern(state, [node]), flags)
            test = self._char_tests[key] = lambda ch, compiled=compiled: compiled.match(ch) is not None
        return test

    def _is_word(self, ch: str) -> bool:
        if self.flags & _ASCII:
            return ch.isascii() and (ch.isalnum() or ch == "_")
        return ch.isalnum() or ch == "_"

    # --- matching ---

    def _tick(self) -> None:
        self.steps += 1
        if self.steps > self.budget:
            raise OutOfSteps()

    def count(self, text: str, budget: int = 1_000_000, anchored: bool = False) -> int:
        """Steps that `finditer(text)` takes (`match(text)` when `anchored`); raises `OutOfSteps`
        past `budget`."""
        self.steps, self.budget = 0, budget
        if anchored:
            self._match_at(text, 0)
            return self.steps
        position = 0
        while position <= len(text):
            end = self._match_at(text, position)
            if end is None:
                position += 1
            else:
                position = end if end > position else position + 1
        return self.steps

    def _match_at(self, text: str, start: int) -> int | None:
        found: list[int] = []

        def done(position: int) -> bool:
            found.append(position)
            return True

        self.groups = {}
        return found[0] if self._seq(list(self.tree), 0, text, start, self.flags, done) else None

    def _seq(self, items: list, index: int, text: str, pos: int, flags: int, k: Callable[[int], bool]) -> bool:
        if index == len(items):
            return k(pos)
        return self._node(items[index], text, pos, flags, lambda p: self._seq(items, index + 1, text, p, flags, k))

    def _node(self, node: tuple, text: str, pos: int, flags: int, k: Callable[[int], bool]) -> bool:
        self._tick()
        op, arg = node
        if op in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN):
            return pos < len(text) and self._char_test(node, flags)(text[pos]) and k(pos + 1)
        if op is sre.SUBPATTERN:
            group, add, remove, pattern = arg
            if group is None:
                return self._seq(list(pattern), 0, text, pos, (flags | add) & ~remove, k)

            def close(end: int) -> bool:
                previous = self.groups.get(group)
                self.groups[group] = (pos, end)
                if k(end):
                    return True
                if previous is None:
                    del self.groups[group]
                else:
                    self.groups[group] = previous
                return False

            return self._seq(list(pattern), 0, text, pos, (flags | add) & ~remove, close)
        if op is sre.BRANCH:
            return any(self._seq(list(alternative), 0, text, pos, flags, k) for alternative in arg[1])
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, item = arg
            return self._repeat(list(item), low, high, op is sre.MIN_REPEAT, text, pos, flags, k, 0)
        if op in (sre.POSSESSIVE_REPEAT, sre.ATOMIC_GROUP):
            if op is sre.ATOMIC_GROUP:
                end = self._first_end(list(arg), text, pos, flags)
            else:
                low, high, item = arg
                end = self._possessive(list(item), low, high, text, pos, flags)
            return end is not None and k(end)
        if op is sre.AT:
            return self._at(arg, text, pos, flags) and k(pos)
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            direction, pattern = arg
            items = list(pattern)
            if direction == -1:
                width = pattern.getwidth()[0]
                start = pos - width
                matched = start >= 0 and self._seq(items, 0, text, start, flags, lambda p: p == pos)
            else:
                matched = self._seq(items, 0, text, pos, flags, lambda p: True)
            return (matched if op is sre.ASSERT else not matched) and k(pos)
        if op is sre.GROUPREF:
            if arg not in self.groups:
                return False
            start, end = self.groups[arg]
            for offset in range(end - start):  # one step per character compared, as `re` does
                self._tick()
                if pos + offset >= len(text) or text[pos + offset] != text[start + offset]:
                    return False
            return k(pos + end - start)
        if op is sre.GROUPREF_EXISTS:
            _group, yes, no = arg
            return self._seq(list(yes), 0, text, pos, flags, k) or (
                no is not None and self._seq(list(no), 0, text, pos, flags, k))
        raise NotImplementedError(f"regex node {op}")

    def _repeat(self, item: list, low: int, high: int, lazy: bool, text: str, pos: int, flags: int,
                k: Callable[[int], bool], count: int) -> bool:
        def more() -> bool:
            if count >= high:
                return False
            # An iteration that matched nothing ends the loop, as in `re`.
            return self._seq(item, 0, text, pos, flags, lambda p: (p != pos or count < low) and self._repeat(
                item, low, high, lazy, text, p, flags, k, count + 1))

        if lazy:
            return (count >= low and k(pos)) or more()
        return more() or (count >= low and k(pos))

    def _first_end(self, items: list, text: str, pos: int, flags: int) -> int | None:
        found: list[int] = []
        self._seq(items, 0, text, pos, flags, lambda p: found.append(p) is None)
        return found[0] if found else None

    def _possessive(self, item: list, low: int, high: int, text: str, pos: int, flags: int) -> int | None:
        count = 0
        while count < high:
            end = self._first_end(item, text, pos, flags)
            if end is None or end == pos:
                break
            pos, count = end, count + 1
        return pos if count >= low else None

    def _at(self, code: Any, text: str, pos: int, flags: int) -> bool:
        multiline = bool(flags & _MULTILINE)
        if code is sre.AT_BEGINNING:
            return pos == 0 or (multiline and text[pos - 1] == "\n")
        if code is sre.AT_BEGINNING_STRING:
            return pos == 0
        if code is sre.AT_END:
            at_end = pos == len(text) or (pos == len(text) - 1 and text[pos] == "\n")
            return at_end or (multiline and pos < len(text) and text[pos] == "\n")
        if code is sre.AT_END_STRING:
            return pos == len(text)
        before = pos > 0 and self._is_word(text[pos - 1])
        after = pos < len(text) and self._is_word(text[pos])
        if code is sre.AT_BOUNDARY:
            return before != after
        if code is sre.AT_NON_BOUNDARY:
            return before == after
        raise NotImplementedError(f"regex anchor {code}")


# --- attack strings ---------------------------------------------------------------------------------


def _walk(items: Any, flags: int) -> Iterator[tuple[tuple, int]]:
    for node in items:
        yield node, flags
        op, arg = node
        if op is sre.SUBPATTERN:
            yield from _walk(arg[3], (flags | arg[1]) & ~arg[2])
        elif op is sre.BRANCH:
            for alternative in arg[1]:
                yield from _walk(alternative, flags)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            yield from _walk(arg[2], flags)
        elif op is sre.ATOMIC_GROUP:
            yield from _walk(arg, flags)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            yield from _walk(arg[1], flags)
        elif op is sre.GROUPREF_EXISTS:
            yield from _walk(arg[1], flags)
            if arg[2] is not None:
                yield from _walk(arg[2], flags)


def has_unbounded_repeat(pattern: str, flags: int = 0, bound: int = 50) -> bool:
    """Whether the pattern repeats anything more than `bound` times: without such a repeat, each
    match attempt does bounded work, and the pattern is linear under `finditer`."""
    tree = sre_parse.parse(pattern, flags)
    return any(node[0] in (sre.MAX_REPEAT, sre.MIN_REPEAT) and node[1][1] > bound
               for node, _ in _walk(tree, tree.state.flags))


def pumps(pattern: str, flags: int = 0) -> list[str]:
    """The fragments an attack repeats: characters each class matches, and the literal strings."""
    counter = StepCounter(pattern, flags)
    found: list[str] = []

    def add(fragment: str) -> None:
        if fragment and fragment not in found:
            found.append(fragment)

    def literals(items: Any, flags: int) -> None:
        run = ""
        for node in items:
            if node[0] is sre.LITERAL:
                run += chr(node[1])
            else:
                add(run)
                run = ""
        add(run)

    literals(counter.tree, counter.flags)
    for node, node_flags in _walk(counter.tree, counter.flags):
        op, arg = node
        if op in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN):
            test = counter._char_test(node, node_flags)
            matching = [ch for ch in CANDIDATE_CHARACTERS if test(ch)]
            # A letter, a digit, a space and a punctuation mark the class matches, as far as it has them.
            for kind in (str.isalpha, str.isdigit, str.isspace, lambda ch: ch == "\n",
                         lambda ch: not ch.isalnum() and not ch.isspace()):
                chosen = next((ch for ch in matching if kind(ch)), None)
                if chosen is not None:
                    add(chosen)
        elif op is sre.SUBPATTERN:
            literals(arg[3], node_flags)
        elif op is sre.BRANCH:
            for alternative in arg[1]:
                literals(alternative, node_flags)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            literals(arg[2], node_flags)
    return found


def pathological_inputs(pattern: str, flags: int = 0, size: int = 40, limit: int = 40) -> list[tuple[str, str]]:
    """(name, attack) pairs: each pump, and pairs of pumps, repeated to about `size` characters; at
    most `limit`, chosen deterministically. The name rebuilds the attack at another size."""
    fragments = pumps(pattern, flags)
    singles = [(fragment,) for fragment in fragments]
    pairs = [(first, second) for first in fragments for second in fragments if first != second]
    random.Random(pattern).shuffle(pairs)
    chosen = (singles + pairs)[:limit]
    return [(repr("".join(parts)), attack("".join(parts), size)) for parts in chosen]


def attack(pump: str, size: int) -> str:
    return pump * max(1, size // len(pump))


@dataclass(frozen=True)
class Growth:
    pump: str
    small: int  # steps at the small size
    large: int  # steps at twice the size (or -1: out of steps)

    @property
    def ratio(self) -> float:
        return float("inf") if self.large < 0 else self.large / max(self.small, 1)


def growth(pattern: str, flags: int = 0, size: int = 40, budget: int = GROWTH_BUDGET, limit: int = 40,
           anchored: bool = False) -> list[Growth]:
    """Steps of `finditer` (`match` when `anchored`) on each attack at `size` and at twice `size`."""
    counter = StepCounter(pattern, flags)
    results = []
    for name, _ in pathological_inputs(pattern, flags, size, limit):
        pump = ast.literal_eval(name)
        try:
            small = counter.count(attack(pump, size), budget, anchored)
        except OutOfSteps:
            results.append(Growth(pump, budget, -1))
            continue
        try:
            large = counter.count(attack(pump, 2 * size), budget, anchored)
        except OutOfSteps:
            large = -1
        results.append(Growth(pump, small, large))
    return results


def run_deep(function: Callable[[], Any]) -> Any:
    """Run `function` in a thread with a large stack: the step counter recurses per character."""
    result: list[Any] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            result.append(function())
        except BaseException as error:  # handed to the caller
            errors.append(error)

    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(200_000)
    threading.stack_size(512 * 1024 * 1024)
    try:
        thread = threading.Thread(target=target)
        thread.start()
        thread.join()
    finally:
        threading.stack_size(0)
        sys.setrecursionlimit(old_limit)
    if errors:
        raise errors[0]
    return result[0]


# --- the patterns of the code base --------------------------------------------------------------------

REPOSITORY = Path(__file__).resolve().parent.parent
_RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}


def _flags_value(node: ast.expr | None) -> int | None:
    if node is None:
        return 0
    try:
        source = ast.unparse(node)
        return int(eval(source, {"re": re}))  # only `re.I | re.M`-like expressions reach here
    except Exception:
        return None


def literal_patterns(roots: tuple[str, ...] = ("speclint", "rules")) -> list[PatternSource]:
    """Every `re.<function>("literal", ..., flags)` in the source, with its flags."""
    found = []
    paths = [path for root in roots for path in sorted((REPOSITORY / root).rglob("*.py"))]
    sources = [path.read_text(encoding="utf-8") for path in paths]
    uses = identifier_uses(sources)
    for path, text in zip(paths, sources):
        tree = ast.parse(text)
        assigned = _assignments(tree)
        for call in ast.walk(tree):
            if not (isinstance(call, ast.Call) and call.args):
                continue
            function = _re_function(call.func)
            if function is None:
                continue
            try:
                pattern = ast.literal_eval(call.args[0])
            except ValueError:
                continue  # built at run time: found among the compiled patterns instead
            if not isinstance(pattern, str):
                continue
            flag_position = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "findall": 2,
                             "finditer": 2, "split": 3, "sub": 4, "subn": 4}[function]
            flags_node = next((keyword.value for keyword in call.keywords if keyword.arg == "flags"), None)
            if flags_node is None and len(call.args) > flag_position:
                flags_node = call.args[flag_position]
            flags = _flags_value(flags_node)
            if flags is None:
                continue
            anchored = function in ("match", "fullmatch")
            if function == "compile":
                name = assigned.get(id(call))
                anchored = name is not None and _only_matched(name, uses)
            found.append(PatternSource(pattern, flags, f"{path.relative_to(REPOSITORY)}:{call.lineno}", anchored))
    return found


def _re_function(called: ast.expr) -> str | None:
    """`compile` for `re.compile(...)` and for `lazy_compile(...)` (speclint.lazy_regex); the
    function's name for the other `re.<function>(...)`; None for any other call."""
    if isinstance(called, ast.Name) and called.id == "lazy_compile":
        return "compile"
    if (isinstance(called, ast.Attribute) and isinstance(called.value, ast.Name) and called.value.id == "re"
            and called.attr in _RE_FUNCTIONS):
        return called.attr
    return None


def _assignments(tree: ast.AST) -> dict[int, str]:
    """id(call) -> the name a call's value is assigned to (`NAME = re.compile(...)`)."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if len(targets) == 1 and isinstance(targets[0], (ast.Name, ast.Attribute)):
                target = targets[0]
                names[id(node.value)] = target.id if isinstance(target, ast.Name) else target.attr
    return names


_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")
_DEFINED_HERE = re.compile(r"\s*[:=][^=]")  # an assignment or an annotation, not a use
_MATCHED = re.compile(r"\.(?:full)?match\(")


def identifier_uses(sources: list[str]) -> dict[str, list[str]]:
    """name -> what follows each use of it in `sources` (up to 12 characters of its line): every
    identifier not after a word character or a dot, nor assigned or annotated there. One pass over
    the code base, where a search per name took a minute of every test run."""
    uses: dict[str, list[str]] = {}
    for source in sources:
        for match in _IDENTIFIER.finditer(source):
            start, end = match.span()
            if start and (source[start - 1].isalnum() or source[start - 1] in "_."):
                continue
            if _DEFINED_HERE.match(source, end):
                continue
            tail = source[end:end + 12].split("\n", 1)[0]
            uses.setdefault(match.group(0), []).append(tail)
    return uses


def _only_matched(name: str, uses: dict[str, list[str]]) -> bool:
    """Whether every use of `name` in the code base is `name.match(` or `name.fullmatch(`."""
    tails = uses.get(name, [])
    return bool(tails) and all(_MATCHED.match(tail) for tail in tails)


def compiled_patterns() -> list[PatternSource]:
    """Every compiled pattern a module of speclint or of the built-in rules holds at import time
    (also in a module-level tuple, list or dict, or as a class attribute): patterns built from word
    lists, which the source does not spell out."""
    import speclint.rules

    import speclint
    from speclint.lazy_regex import LazyPattern

    sources = [path.read_text(encoding="utf-8") for root in ("speclint", "rules")
               for path in sorted((REPOSITORY / root).rglob("*.py"))]
    uses = identifier_uses(sources)
    found = []
    for package in (speclint, speclint.rules):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith("language_server"):
                continue  # imports pygls; it has no pattern of its own for document text
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                values: list[Any] = [value]
                if isinstance(value, (tuple, list)):
                    values = list(value)
                elif isinstance(value, dict):
                    values = list(value.values())
                elif isinstance(value, type) and value.__module__ == module.__name__:
                    values = list(vars(value).values())
                for item in values:
                    # A lazy pattern (compiled on first use) counts as what it will compile.
                    pattern = re.compile(item.pattern, item.flags) if isinstance(item, LazyPattern) else item
                    if isinstance(pattern, re.Pattern) and isinstance(pattern.pattern, str):
                        anchored = item is value and _only_matched(name, uses)
                        found.append(PatternSource(pattern.pattern, pattern.flags & ~re.U, f"{info.name}.{name}", anchored))
    return found


def all_patterns() -> list[PatternSource]:
    """The code base's patterns, each once (by text and flags), literal ones first (they say where)."""
    from dataclasses import replace

    seen: dict[tuple[str, int], PatternSource] = {}
    for source in literal_patterns() + compiled_patterns():
        key = (source.pattern, source.flags & ~re.U)
        first = seen.setdefault(key, source)
        if not source.anchored:  # searched somewhere: counted as searched
            seen[key] = replace(first, anchored=False)
    return sorted(seen.values(), key=lambda source: (source.where, source.pattern))
