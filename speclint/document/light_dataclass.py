"""`import mistune` without importing `dataclasses` (and with it `inspect`, `ast`, `dis`, `tokenize`).

mistune 3 declares four small record classes with `@dataclass` (a list marker, a list item's lines,
an emphasis delimiter, a link bracket). Importing `dataclasses` imports `inspect`, which imports
`ast`, `dis`, `tokenize` and `linecache`: about a tenth of a one-file `speclint check`, for classes
that need only an `__init__`, a `__repr__` and an `__eq__`. While `while_mistune_loads()` is open,
`sys.modules["dataclasses"]` is a stand-in whose `dataclass` builds those classes itself:

- only a plain class (no base class, no `__post_init__` or method a dataclass would write), with
  fields whose annotations are strings (`from __future__ import annotations`) naming no
  `ClassVar`, `InitVar` or `KW_ONLY`, whose defaults are immutable values, and with no option but
  `slots` (and `init`, `repr`, `eq` left true);
- it writes what `dataclasses.dataclass` writes for such a class: `__init__` (the same parameters
  and defaults), `__repr__`, `__eq__` (the fields compared as a tuple, `NotImplemented` for another
  class), `__hash__ = None`, `__match_args__`, the `__doc__` a dataclass gets, and with
  `slots=True` the new class with `__slots__` and no class attributes for the fields. It does
  not set `__dataclass_fields__` (so `dataclasses.fields()` and `replace()` do not take them):
  mistune only creates and reads them.

Any other class, option or name (`field`, `fields`...) goes to the real `dataclasses`, imported
then, so nothing is built differently, only sooner or later. The stand-in is used only for
mistune's first import, only in a process that runs no other thread (one that never imported
`threading`) and has not imported `dataclasses` yet; it leaves `sys.modules` when mistune is
loaded. `tests/test_light_dataclass.py` compares its classes with the real ones.
"""

from __future__ import annotations

import sys
import types
from contextlib import contextmanager
from typing import Any, Iterator

from speclint.startup_store import store

_WRITTEN = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__", "__match_args__",
            "__slots__", "__post_init__", "__getstate__", "__setstate__", "__dataclass_fields__")
_PLAIN_DEFAULTS = (type(None), bool, int, float, complex, str, bytes)
_SPECIAL_ANNOTATIONS = ("ClassVar", "InitVar", "KW_ONLY")


def _real() -> Any:
    """The real `dataclasses` (imported now if need be, replacing the stand-in in `sys.modules`)."""
    module = sys.modules.get("dataclasses")
    if isinstance(module, _StandIn):
        del sys.modules["dataclasses"]
    import dataclasses

    return dataclasses


def _plain_default(value: Any) -> bool:
    if isinstance(value, tuple):
        return all(_plain_default(item) for item in value)
    return type(value) in _PLAIN_DEFAULTS


def _fields(cls: type) -> list[tuple[str, str, bool, Any]] | None:
    """(name, annotation, has a default, default) of each field, or None when `cls` is not plain."""
    if cls.__bases__ != (object,) or any(name in cls.__dict__ for name in _WRITTEN):
        return None
    fields = []
    seen_default = False
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if not isinstance(annotation, str) or any(word in annotation for word in _SPECIAL_ANNOTATIONS):
            return None
        if not name.isidentifier() or name.startswith("__") or name in ("self", "cls"):
            return None
        has_default = name in cls.__dict__
        default = cls.__dict__.get(name)
        if has_default and not _plain_default(default):
            return None  # a `field()`, a descriptor, a mutable default: the real decorator decides
        if seen_default and not has_default:
            return None  # the real decorator raises TypeError
        seen_default = seen_default or has_default
        fields.append((name, annotation, has_default, default))
    return fields


_repr_running: set[tuple[int, int]] = set()


def _build(cls: type, slots: bool) -> type | None:
    """What `dataclass(cls, slots=slots)` builds, for a plain class; None for any other."""
    fields = _fields(cls)
    if fields is None:
        return None
    names = [name for name, _annotation, _has_default, _default in fields]
    defaults = {f"__dataclass_dflt_{name}__": default for name, _a, has_default, default in fields if has_default}
    parameters = ", ".join(
        name + (f"=__dataclass_dflt_{name}__" if has_default else "") for name, _a, has_default, _d in fields)
    body = "".join(f"  self.{name} = {name}\n" for name in names) or "  pass\n"
    compared = "".join(f"self.{name}," for name in names)
    others = "".join(f"other.{name}," for name in names)
    source = (
        f"def __init__(self, {parameters}):\n{body}"
        f"def __eq__(self, other):\n"
        f"  if other.__class__ is self.__class__:\n    return ({compared}) == ({others})\n"
        f"  return NotImplemented\n"
    ) if names else (
        "def __init__(self):\n  pass\n"
        "def __eq__(self, other):\n"
        "  if other.__class__ is self.__class__:\n    return () == ()\n  return NotImplemented\n"
    )
    namespace: dict[str, Any] = {}
    # The code from the start-up store after the first run: a run then compiles nothing.
    code = store().compile_source(source, f"<dataclass {cls.__qualname__}>")
    exec(code, defaults, namespace)  # noqa: S102

    def __repr__(self: Any) -> str:  # dataclasses' repr, with its guard against recursion
        key = (id(self), _thread_id())
        if key in _repr_running:
            return "..."
        _repr_running.add(key)
        try:
            shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
            return f"{self.__class__.__qualname__}({shown})"
        finally:
            _repr_running.discard(key)

    init, eq = namespace["__init__"], namespace["__eq__"]
    init.__annotations__ = {**{name: annotation for name, annotation, _h, _d in fields}, "return": None}
    for function, name in ((init, "__init__"), (__repr__, "__repr__"), (eq, "__eq__")):
        function.__qualname__ = f"{cls.__qualname__}.{name}"
    members: dict[str, Any] = {"__init__": init, "__repr__": __repr__, "__eq__": eq, "__hash__": None,
                               "__match_args__": tuple(names)}
    if cls.__doc__ is None:  # what a dataclass writes from `inspect.signature`
        shown = ", ".join(f"{name}: {annotation!r}" + (f" = {default!r}" if has_default else "")
                          for name, annotation, has_default, default in fields)
        members["__doc__"] = f"{cls.__name__}({shown})"
    if not slots:
        for name, value in members.items():
            setattr(cls, name, value)
        return cls
    namespace = {key: value for key, value in cls.__dict__.items()
                 if key not in names and key not in ("__dict__", "__weakref__")}
    namespace.update(members)
    namespace["__slots__"] = tuple(names)
    slotted = type(cls)(cls.__name__, cls.__bases__, namespace)
    slotted.__qualname__ = cls.__qualname__
    return slotted


def _thread_id() -> int:
    import _thread

    return _thread.get_ident()


def dataclass(cls: type | None = None, /, **options: Any) -> Any:
    """`dataclasses.dataclass` for the plain classes mistune declares; the real one for any other."""

    def wrap(target: type) -> type:
        simple = set(options) <= {"slots", "init", "repr", "eq"} and all(
            options.get(name, True) is True for name in ("init", "repr", "eq"))
        slots = options.get("slots", False)
        built = _build(target, slots) if simple and isinstance(slots, bool) else None
        return built if built is not None else _real().dataclass(target, **options)

    return wrap if cls is None else wrap(cls)


class _StandIn(types.ModuleType):
    """`dataclasses` as mistune's modules see it while they load: `dataclass` above, and for any
    other name the real module's."""

    dataclass = staticmethod(dataclass)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(_real(), name)


@contextmanager
def while_mistune_loads() -> Iterator[None]:
    """`with while_mistune_loads(): import mistune` (see the module docstring)."""
    if "dataclasses" in sys.modules or "mistune" in sys.modules or "threading" in sys.modules:
        yield
        return
    stand_in = _StandIn("dataclasses", "the stand-in of speclint.document.light_dataclass")
    sys.modules["dataclasses"] = stand_in
    try:
        yield
    finally:
        if sys.modules.get("dataclasses") is stand_in:
            del sys.modules["dataclasses"]
