"""Module-level regular expressions compiled on first use.

speclint holds some 300 module-level patterns; compiling them all at import cost a one-file run
about a third of its time, though a run uses only some of them. `lazy_compile(expression, flags)`
returns a stand-in for `re.compile(expression, flags)` that compiles on its first use and then
hands out the compiled pattern's own bound methods (no extra call on later uses). It compiles
through `speclint.startup_store`, which keeps the compiled code between runs.

The stand-in has the pattern's methods and attributes, but it is not an `re.Pattern`: pass
`.compiled` where an API insists on one (`re.sub(pattern, ...)` takes a string or a compiled
pattern). `tests/test_regex_linear.py` finds lazy patterns as it finds compiled ones.
"""

from __future__ import annotations

from typing import Any, Pattern, cast

from speclint.startup_store import compile_pattern

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """`re.compile(pattern, flags)`, done the first time a method or attribute is used."""

    __slots__ = ("pattern", "flags", "_compiled", *_METHODS)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: Pattern[str] | None = None

    @property
    def compiled(self) -> Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = compile_pattern(self.pattern, self.flags)
            for name in _METHODS:  # later look-ups find the bound methods in the slots
                setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return compiled

    def __getattr__(self, name: str) -> Any:  # only called for what the slots do not hold yet
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self.flags})"


def compile_loaded(prefix: str = "speclint") -> int:
    """Compile now every lazy pattern that the loaded modules named `prefix...` hold (at module
    level or in a class): what a long-running process (the language server) does while it warms
    up, so that its first document does not pay for them. Returns how many were compiled."""
    import sys

    compiled = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith(prefix) or module is None:
            continue
        for value in list(vars(module).values()):
            holders = [value, *vars(value).values()] if isinstance(value, type) else [value]
            for item in holders:
                if isinstance(item, LazyPattern) and item._compiled is None:
                    item.compiled  # noqa: B018  (compiles)
                    compiled += 1
    return compiled


def lazy_compile(pattern: str, flags: int = 0) -> Pattern[str]:
    """A stand-in for `re.compile(pattern, flags)` that compiles on first use (see the module)."""
    return cast("Pattern[str]", LazyPattern(pattern, flags))
