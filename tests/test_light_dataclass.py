"""The stand-in `dataclass` mistune is imported with builds what `dataclasses.dataclass` builds.

`speclint.document.light_dataclass` writes the classes of plain shapes itself (the shapes mistune
declares: string annotations, immutable defaults, `slots=True` or not) and hands every other class
to the real decorator. Each test builds the same class body twice, with the stand-in and with
`dataclasses.dataclass`, and compares what code can see of them.
"""

from __future__ import annotations

import dataclasses
import inspect
import subprocess
import sys
import textwrap
from typing import Any

import pytest

from speclint.document import light_dataclass

SHAPES = {
    "list marker": '''
        class Marker:
            spaces: str
            marker: str
            text: str

            @property
            def ordered(self) -> bool:
                return len(self.marker) > 1
    ''',
    "item lines with defaults": '''
        class ItemLines:
            src: str
            next_item: Optional[Marker] = None
            loose: bool = False
            end_pos: Optional[int] = None
    ''',
    "with a docstring": '''
        class Delimiter:
            """A run of `*` or `_`."""

            index: int
            marker: str
            can_open: bool
            orig_length: int = 0
            order: int = 0
    ''',
    "no fields": '''
        class Nothing:
            pass
    ''',
}


def build(body: str, decorator: Any, **options: Any) -> type:
    namespace: dict[str, Any] = {}
    exec("from __future__ import annotations\nfrom typing import Optional\n" + textwrap.dedent(body), namespace)
    cls = [value for value in namespace.values() if isinstance(value, type) and value.__module__ == "builtins"
           and value.__qualname__ in body][-1]
    return decorator(**options)(cls) if options else decorator(cls)


def arguments(cls: type) -> list[Any]:
    required = [p for p in inspect.signature(cls).parameters.values() if p.default is inspect.Parameter.empty]
    return [f"value {index}" for index, _ in enumerate(required)]


def assert_same(built: type, real: type) -> None:
    assert not dataclasses.is_dataclass(built)  # written by the stand-in, not handed on
    assert str(inspect.signature(built.__init__)) == str(inspect.signature(real.__init__))
    assert built.__doc__ == real.__doc__
    assert built.__match_args__ == real.__match_args__
    assert built.__hash__ is None and real.__hash__ is None
    assert getattr(built, "__slots__", None) == getattr(real, "__slots__", None)
    assert built.__qualname__ == real.__qualname__
    fields = [field.name for field in dataclasses.fields(real)]
    assert [name for name in fields if name in vars(built)] == [name for name in fields if name in vars(real)]
    values = arguments(real)
    first, second, real_one = built(*values), built(*values), real(*values)
    assert repr(first) == repr(real_one)
    assert first == second and not (first != second)
    assert [getattr(first, name) for name in fields] == [getattr(real_one, name) for name in fields]
    assert (first == real_one) is False  # another class: NotImplemented both ways
    if fields:
        setattr(second, fields[0], "changed")
        assert first != second


@pytest.mark.parametrize("slots", [False, True])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_plain_classes_are_written_as_a_dataclass_writes_them(shape: str, slots: bool) -> None:
    options = {"slots": True} if slots else {}
    built = build(SHAPES[shape], light_dataclass.dataclass, **options)
    real = build(SHAPES[shape], dataclasses.dataclass, **options)
    assert_same(built, real)


def test_a_recursive_repr_shows_dots_as_a_dataclass_does() -> None:
    body = '''
        class Bracket:
            start: int
            previous: Optional[Bracket] = None
    '''
    built, real = build(body, light_dataclass.dataclass), build(body, dataclasses.dataclass)
    first, real_first = built(1), real(1)
    first.previous, real_first.previous = first, real_first
    assert repr(first) == repr(real_first) == "Bracket(start=1, previous=...)"


@pytest.mark.parametrize("body, options", [
    ("class A:\n    items: list = dataclasses.field(default_factory=list)", {}),
    ("class A:\n    count: ClassVar[int] = 0\n    name: str = ''", {}),
    ("class A:\n    name: str\n    def __post_init__(self):\n        self.name = self.name.strip()", {}),
    ("class Base:\n    pass\nclass A(Base):\n    name: str", {}),
    ("class A:\n    name: str", {"frozen": True}),
    ("class A:\n    name: str", {"order": True}),
    ("class A:\n    name: str\n    def __eq__(self, other):\n        return True", {}),
])
def test_any_other_class_goes_to_the_real_decorator(body: str, options: dict[str, Any]) -> None:
    namespace: dict[str, Any] = {"dataclasses": dataclasses}
    exec("from __future__ import annotations\nfrom typing import ClassVar\n" + body, namespace)
    built = light_dataclass.dataclass(**options)(namespace["A"]) if options else light_dataclass.dataclass(namespace["A"])
    assert dataclasses.is_dataclass(built)


def test_a_mutable_default_is_refused_as_the_real_decorator_refuses_it() -> None:
    with pytest.raises(ValueError, match="mutable default"):
        build("class A:\n    items: list = []", light_dataclass.dataclass)


FRESH_PROCESS = r'''
import json, sys
from speclint.document.light_dataclass import while_mistune_loads
with while_mistune_loads():
    import mistune
    import mistune.list_parser, mistune._inline.emphasis, mistune._inline.links
print(json.dumps(sorted(name for name in ("dataclasses", "inspect", "ast", "dis", "tokenize") if name in sys.modules)))
'''


def test_mistune_loads_without_dataclasses_or_inspect_in_a_fresh_process() -> None:
    completed = subprocess.run([sys.executable, "-c", FRESH_PROCESS], capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == "[]"


REBUILD = r'''
import dataclasses, inspect, json, sys, textwrap
from speclint.document.light_dataclass import while_mistune_loads
with while_mistune_loads():
    import mistune.list_parser, mistune._inline.emphasis, mistune._inline.links
import mistune.list_parser, mistune._inline.emphasis, mistune._inline.links
found = []
for module in (mistune.list_parser, mistune._inline.emphasis, mistune._inline.links):
    for name, value in vars(module).items():
        if isinstance(value, type) and value.__module__ == module.__name__ and "__match_args__" in vars(value):
            found.append([module.__name__, name])
print(json.dumps(found))
'''


def test_every_record_class_of_the_installed_mistune_is_one_the_stand_in_writes() -> None:
    """The classes mistune declares with `@dataclass` are plain (so the stand-in writes them, and
    the comparison above covers them); each is built again from its source with the real decorator
    and compared."""
    completed = subprocess.run([sys.executable, "-c", REBUILD], capture_output=True, text=True, check=True)
    import json

    found = json.loads(completed.stdout)
    assert found, "mistune declares no dataclass any more: the stand-in can go"
    import importlib

    for module_name, class_name in found:
        module = importlib.import_module(module_name)
        source = textwrap.dedent(inspect.getsource(getattr(module, class_name)))
        body = "\n".join(line for line in source.splitlines() if not line.startswith("@"))
        slots = "slots=True" in source.split("class ", 1)[0]
        options = {"slots": True} if slots else {}
        namespace = dict(vars(module))
        real = _rebuilt(body, namespace, dataclasses.dataclass, options)
        built = _rebuilt(body, dict(vars(module)), light_dataclass.dataclass, options)
        assert_same(built, real)


def _rebuilt(body: str, namespace: dict[str, Any], decorator: Any, options: dict[str, Any]) -> type:
    exec("from __future__ import annotations\n" + body, namespace)
    cls = namespace[body.split("class ", 1)[1].split(":", 1)[0].split("(", 1)[0].strip()]
    return decorator(**options)(cls) if options else decorator(cls)
