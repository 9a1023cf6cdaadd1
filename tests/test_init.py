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


def _commented_examples(text: str) -> list[tuple[int, int]]:
    """(first, last) line indexes of each commented YAML example: a `# key:` line and the indented
    `#   ...` lines under it."""
    import re

    lines = text.splitlines()
    examples = []
    index = 0
    while index < len(lines):
        if re.match(r"^# [a-z][a-z-]*:( |$)", lines[index]):
            last = index
            while last + 1 < len(lines) and lines[last + 1].startswith("#   "):
                last += 1
            examples.append((index, last))
            index = last
        index += 1
    return examples


def _uncommented(text: str, examples: list[tuple[int, int]]) -> str:
    lines = text.splitlines()
    for first, last in examples:
        for index in range(first, last + 1):
            lines[index] = lines[index][2:]
    return "\n".join(lines) + "\n"


def _project_for_examples(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "docs/checkout.md", "# Checkout\n\n## Goals\n\nFaster checkout.\n")
    run_speclint("init", cwd=tmp_path)
    # the plugin the example names, so that loading it is part of the check
    write(tmp_path, "speclint-rules/house-style.yaml", """
        rules:
          - id: ACME001
            name: no-codenames
            category: wording
            level: warning
            message: "codename '{match}'"
            existence:
              words: [Bluebird]
        """)


def test_each_commented_example_of_init_is_valid_when_uncommented(tmp_path: Path) -> None:
    _project_for_examples(tmp_path)
    text = (tmp_path / ".speclint.yaml").read_text()
    examples = _commented_examples(text)
    keys = {text.splitlines()[first].split(":")[0][2:] for first, _ in examples}
    assert {"overrides", "rules", "ignore", "plugins", "section-aliases", "extend-sections"} <= keys
    for example in examples:
        (tmp_path / ".speclint.yaml").write_text(_uncommented(text, [example]))
        code, _, err = run_speclint("check", "docs", cwd=tmp_path)
        assert code in (0, 1), f"uncommenting line {example[0] + 1} gives: {err}"


def test_all_commented_examples_of_init_together_are_valid(tmp_path: Path) -> None:
    _project_for_examples(tmp_path)
    text = (tmp_path / ".speclint.yaml").read_text()
    (tmp_path / ".speclint.yaml").write_text(_uncommented(text, _commented_examples(text)))
    code, _, err = run_speclint("check", "docs", cwd=tmp_path)
    assert code in (0, 1), err
