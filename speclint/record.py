"""`Record`: the base of the small value classes every run creates at start-up.

A `@dataclass` writes its `__init__`, `__eq__`, `__repr__` (and, frozen, `__hash__`,
`__setattr__`, `__delattr__`) as source text and compiles them each time its module is imported:
on Python 3.11 about half a millisecond a class, and a one-file `speclint check` imports some eighty
of them. A `Record` subclass writes its `__slots__` and `__init__` out (compiled once, into the
.pyc), and inherits equality, hashing and repr computed from its fields, as a frozen dataclass
would have them. It is meant for the classes a one-file run imports; elsewhere a dataclass reads better.

    class ReadFailure(Record):
        __slots__ = ("path", "message")

        def __init__(self, path: str, message: str) -> None:
            self.path = path
            self.message = message

Fields are `__slots__`, in order (`__dict__` and `__weakref__` among them are not fields). `_not_compared` names fields that equality and hashing ignore
(a dataclass's `field(compare=False)`), `_not_shown` fields `repr` leaves out (`repr=False`);
`class Node(Record, eq=False)` compares and hashes by identity, as `@dataclass(eq=False)` does.
Records are not frozen: treat them as values and do not assign to their fields after creation
(a record holding a list is not hashable, as a mutable dataclass is not).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:  # at run time, a TypeVar bound by name would build a ForwardRef, which calls `compile()`
    from typing import TypeVar

    _R = TypeVar("_R", bound="Record")


class Record:
    """Equality, hashing and repr from the fields (`__slots__`) of the subclass."""

    __slots__ = ()
    _not_compared: ClassVar[tuple[str, ...]] = ()
    _not_shown: ClassVar[tuple[str, ...]] = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _compared: ClassVar[tuple[str, ...]] = ()
    _shown: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, eq: bool = True, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not eq:  # a dataclass's `eq=False`: equal only to itself, hashed by identity
            cls.__eq__ = object.__eq__  # type: ignore[method-assign,assignment]
            cls.__hash__ = object.__hash__  # type: ignore[method-assign,assignment]
        # `__dict__` and `__weakref__` in `__slots__` give the instances a dictionary (for what code
        # keeps on them) or weak references; they are no fields.
        fields = tuple(name for klass in reversed(cls.__mro__) for name in vars(klass).get("__slots__", ())
                       if not name.startswith("__"))
        cls._fields = fields
        cls._compared = tuple(name for name in fields if name not in cls._not_compared)
        cls._shown = tuple(name for name in fields if name not in cls._not_shown)

    def replace(self: _R, **changes: Any) -> _R:
        """A copy with some fields changed (`dataclasses.replace`); `__init__` takes every field by name."""
        values = {name: getattr(self, name) for name in self._fields}
        values.update(changes)
        return type(self)(**values)

    def as_dict(self) -> dict[str, Any]:
        """The fields by name (not recursive)."""
        return {name: getattr(self, name) for name in self._fields}

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._compared)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        # Field by field, as tuples compare (the same object, or equal), stopping at the first that
        # differs: `limit in (...)` compares a record with each of a tuple's, and two tuples of all
        # the fields cost more than the comparison.
        for name in self._compared:
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine is not theirs and not mine == theirs:
                return False
        return True

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"{type(self).__qualname__}({shown})"
