"""`speclint init`: a commented, valid starter configuration; never overwrites one."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_speclint, write

from speclint.configuration.starter import plan_overrides, starter_config

pytestmark = pytest.mark.usefixtures("core_rules")


def test_init_writes_a_commented_configuration_that_check_accepts(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "docs/checkout.md", "# Checkout\n\n## Goals\n\nFaster checkout.\n")
    code, _, err = run_speclint("init", cwd=tmp_path)
    assert code == 0 and err == f"speclint: wrote {Path('.') / '.speclint.yaml'} for 1 document\n"
    text = (tmp_path / ".speclint.yaml").read_text()
    assert text.startswith("# speclint configuration.")
    assert "\nprofile: " in text and "# plugins:" in text and "speclint-disable-next-line" in text
    assert run_speclint("check", cwd=tmp_path)[0] in (0, 1)  # valid: not a configuration error


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    write(tmp_path, ".speclint.yml", "rules: {}\n")
    code, _, err = run_speclint("init", cwd=tmp_path)
    assert code == 2 and "already exists" in err
    assert (tmp_path / ".speclint.yml").read_text() == "rules: {}\n"
    assert not (tmp_path / ".speclint.yaml").exists()


def test_init_refuses_when_pyproject_configures_speclint(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", "[tool.speclint]\nprofile = 'prd'\n")
    code, _, err = run_speclint("init", cwd=tmp_path)
    assert code == 2 and "already configures speclint" in err


def test_one_kind_everywhere_is_the_profile() -> None:
    assert plan_overrides({"0001.md": "adr", "0002.md": "adr"}) == ("adr", [])


def test_mixed_kinds_keep_detection_and_pin_unambiguous_folders_and_names() -> None:
    kinds = {
        "README.md": "prd",
        "docs/checkout.md": "prd",
        "docs/adr/0001-queue.md": "adr",
        "docs/adr/0002-db.md": "adr",
        "specs/001-login/spec.md": "spec-kit",
        "specs/001-login/plan.md": "spec-kit-plan",
        "specs/001-login/tasks.md": "checklist",
        "specs/002-export/spec.md": "spec-kit",
        "specs/002-export/plan.md": "spec-kit-plan",
        "specs/002-export/tasks.md": "prd",
    }
    assert plan_overrides(kinds) == ("auto", [
        ("docs/adr/**", "adr"),
        ("specs/*/plan.md", "spec-kit-plan"),
        ("specs/*/spec.md", "spec-kit"),
    ])


def test_a_folder_of_one_kind_is_pinned_at_its_highest_level() -> None:
    kinds = {"README.md": "prd", "keps/sig-a/1/README.md": "kep", "keps/sig-b/2/README.md": "kep"}
    assert plan_overrides(kinds) == ("auto", [("keps/**", "kep")])


def test_starter_configuration_lists_what_was_found() -> None:
    text = starter_config({"docs/a.md": "prd", "docs/adr/1.md": "adr", "docs/adr/2.md": "adr"})
    assert "for the documents found here: 2 adr, 1 prd." in text
    assert "\nprofile: auto\n" in text
    assert 'overrides:\n  - files: ["docs/adr/**"]\n    profile: adr\n' in text
