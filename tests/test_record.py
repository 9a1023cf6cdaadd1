"""`speclint.record.Record`: the written-out value classes behave as the dataclasses they replace."""

from __future__ import annotations

import pickle

from speclint.record import Record


class Point(Record):
    __slots__ = ("x", "y", "label")
    _not_compared = ("label",)
    _not_shown = ("label",)

    def __init__(self, x: int, y: int, label: str = "") -> None:
        self.x = x
        self.y = y
        self.label = label


class Node(Record, eq=False):
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


class LabelledPoint(Point):
    __slots__ = ("colour",)

    def __init__(self, x: int, y: int, label: str = "", colour: str = "red") -> None:
        super().__init__(x, y, label)
        self.colour = colour


def test_records_with_equal_compared_fields_are_equal_and_hash_alike() -> None:
    assert Point(1, 2, "a") == Point(1, 2, "b")
    assert hash(Point(1, 2, "a")) == hash(Point(1, 2, "b"))
    assert Point(1, 2) != Point(2, 1)


def test_a_record_is_never_equal_to_another_class_with_the_same_values() -> None:
    assert Point(1, 2) != LabelledPoint(1, 2)
    assert Point(1, 2) != (1, 2)


def test_repr_shows_the_fields_in_order_except_those_left_out() -> None:
    assert repr(Point(1, 2, "hidden")) == "Point(x=1, y=2)"


def test_a_subclass_has_its_parents_fields_first() -> None:
    assert repr(LabelledPoint(1, 2, colour="blue")) == "LabelledPoint(x=1, y=2, colour='blue')"


def test_eq_false_compares_and_hashes_by_identity() -> None:
    node = Node("a")
    assert node == node and Node("a") != Node("a")
    assert len({node, Node("a")}) == 2


def test_replace_copies_with_some_fields_changed() -> None:
    point = Point(1, 2, "a")
    moved = point.replace(y=5)
    assert (moved.x, moved.y, moved.label) == (1, 5, "a")
    assert (point.x, point.y) == (1, 2)


def test_a_record_survives_pickling() -> None:
    point = LabelledPoint(1, 2, "a", "blue")
    copy = pickle.loads(pickle.dumps(point))
    assert copy == point and (copy.label, copy.colour) == ("a", "blue")
