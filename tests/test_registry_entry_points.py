"""Rule entry points are read from each distribution's entry_points.txt, as importlib.metadata reads them."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

from speclint.engine.registry import ENTRY_POINT_GROUP, _entry_points_from_importlib, rule_entry_points


def distribution(folder: Path, name: str, entry_points_text: str) -> None:
    info = folder / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(entry_points_text)


def test_entry_points_of_the_group_in_path_order_with_the_first_of_a_name_winning(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    distribution(first, "acme_rules", "[console_scripts]\nacme = acme:main\n\n[speclint.rules]\nacme = acme.rules:RULES\n")
    distribution(second, "Acme.Rules", "[speclint.rules]\nshadowed = acme_old.rules:RULES\n")
    distribution(second, "other", "[speclint.rules]\nOT001 = other.rules : Thing\n")
    found = sorted((entry.name, entry.value) for entry in rule_entry_points([str(first), str(second)]))
    assert found == [("OT001", "other.rules : Thing"), ("acme", "acme.rules:RULES")]
    expected = sorted((entry.name, entry.value) for entry in _entry_points_from_importlib([str(first), str(second)]))
    assert found == expected


def test_the_installed_rules_are_those_importlib_metadata_lists() -> None:
    assert sorted((entry.name, entry.value) for entry in rule_entry_points()) == sorted(
        (entry.name, entry.value) for entry in entry_points(group=ENTRY_POINT_GROUP)
    )
