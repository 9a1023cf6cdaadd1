"""The trust model: what a configuration in a pull request can make speclint do.

The attack (issue 17): a pull request adds `docs/.speclint.yaml` with `plugins: [evil.py]` and
`docs/evil.py`. Python plugins are code, so they load only from the root configuration (the top of
the repository, or the starting folder outside one) or from `--config`, and only from inside the
repository; a nested configuration that names one is an error, and its code is never imported.
Every path a configuration names resolves inside the repository. Each test's plugin writes a marker
file when imported: the marker must never appear where the plugin is refused.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import run_speclint, write

pytestmark = pytest.mark.usefixtures("core_rules")

SPEC = "# Refunds\n\nSee PAY-12. Owner: TBD.\n"


def evil_plugin(marker: Path) -> str:
    """A plugin whose import leaves `marker` behind (and that defines a rule, so it would load)."""
    return (
        "from pathlib import Path\n"
        f"Path({str(marker)!r}).write_text('imported')\n"
        "from speclint.engine.rule import Category, Level, Rule\n\n"
        "class Evil(Rule):\n"
        '    """Flags nothing.\n\n    **What it flags.** Nothing. **Why it matters.** It is a test.\n    """\n'
        "    id = 'EVL001'\n    name = 'evil'\n    category = Category.WORDING\n    default_level = Level.ERROR\n\n"
        "    def check(self, document, context):\n        return []\n"
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    write(root, "docs/spec.md", SPEC)
    return root


@pytest.fixture
def marker(tmp_path: Path) -> Path:
    return tmp_path / "plugin-was-imported"


def test_a_nested_configuration_naming_a_python_plugin_is_an_error_and_its_code_never_runs(repo: Path, marker: Path) -> None:
    write(repo, "docs/.speclint.yaml", "plugins: [evil.py]\n")
    write(repo, "docs/evil.py", evil_plugin(marker))

    code, out, err = run_speclint("check", cwd=repo)

    assert code == 2
    assert err.startswith(
        "speclint: error: docs/.speclint.yaml:1:11: plugin 'evil.py': Python plugins load only from the "
        "configuration at the top of the repository or from --config, never from a nested configuration; "
        "it was not imported\n"
    )
    assert not marker.exists()


def test_a_nested_configuration_is_refused_also_outside_a_repository(tmp_path: Path, marker: Path) -> None:
    write(tmp_path, "docs/spec.md", SPEC)
    write(tmp_path, "docs/.speclint.yaml", "plugins: [evil.py]\n")
    write(tmp_path, "docs/evil.py", evil_plugin(marker))

    code, _, err = run_speclint("check", "docs/spec.md", cwd=tmp_path)

    assert code == 2 and "never from a nested configuration" in err
    assert not marker.exists()


def test_a_nested_configuration_cannot_borrow_plugins_through_extends(repo: Path, marker: Path) -> None:
    write(repo, "shared/base.yaml", "plugins: [evil.py]\n")
    write(repo, "shared/evil.py", evil_plugin(marker))
    write(repo, "docs/.speclint.yaml", "extends: ../shared/base.yaml\n")

    code, _, err = run_speclint("check", "docs", cwd=repo)

    assert code == 2
    assert "shared/base.yaml:1:11: plugin 'evil.py': Python plugins load only" in err
    assert not marker.exists()


def test_a_nested_configuration_may_name_yaml_rule_files(repo: Path) -> None:
    write(repo, "docs/house.yaml", "rules:\n  - {id: HSE002, name: no-falcon, category: wording, level: error, "
                                   "message: codename, existence: {words: [Refunds]}}\n")
    write(repo, "docs/.speclint.yaml", "plugins: [house.yaml]\nrules:\n  PH001: off\n")

    assert run_speclint("check", "docs", cwd=repo)[:2] == (1, "docs/spec.md:1:3: error HSE002 codename\n")


def test_the_root_configuration_loads_its_python_plugin_without_writing_pycache(
    repo: Path, marker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setattr(sys, "dont_write_bytecode", False)  # as in a user's shell (PYTHONDONTWRITEBYTECODE unset)
    write(repo, ".speclint.yaml", "plugins: [tools/house.py]\n")
    write(repo, "tools/house.py", evil_plugin(marker))

    code, _, err = run_speclint("check", "docs", cwd=repo)

    assert (code, err) == (1, "")
    assert marker.exists()
    assert not (repo / "tools" / "__pycache__").exists()
    assert sys.dont_write_bytecode is False  # restored after the import


def test_a_configuration_given_with_config_loads_its_plugin(tmp_path: Path, repo: Path, marker: Path) -> None:
    write(tmp_path, "team/speclint.yaml", "plugins: [house.py]\n")
    write(tmp_path, "team/house.py", evil_plugin(marker))

    code, _, err = run_speclint("check", "--config", str(tmp_path / "team" / "speclint.yaml"), "docs", cwd=repo)

    assert (code, err) == (1, "")
    assert marker.exists()


@pytest.mark.parametrize("entry", ["../outside/evil.py", "../outside/rules.yaml"])
def test_a_plugin_outside_the_repository_is_refused(tmp_path: Path, repo: Path, marker: Path, entry: str) -> None:
    write(tmp_path, "outside/evil.py", evil_plugin(marker))
    write(tmp_path, "outside/rules.yaml", "rules: []\n")
    write(repo, ".speclint.yaml", f"plugins: [{entry}]\n")

    code, _, err = run_speclint("check", "docs", cwd=repo)

    assert code == 2
    assert err.startswith(f"speclint: error: .speclint.yaml:1:11: plugin '{entry}' is outside the repository; ")
    assert not marker.exists()


def test_a_plugin_reached_through_a_symlink_out_of_the_repository_is_refused(tmp_path: Path, repo: Path, marker: Path) -> None:
    write(tmp_path, "outside/evil.py", evil_plugin(marker))
    (repo / "house.py").symlink_to(tmp_path / "outside" / "evil.py")
    write(repo, ".speclint.yaml", "plugins: [house.py]\n")

    code, _, err = run_speclint("check", "docs", cwd=repo)

    assert code == 2 and "plugin 'house.py' is outside the repository" in err
    assert not marker.exists()


def test_extends_out_of_the_repository_is_refused(tmp_path: Path, repo: Path) -> None:
    write(tmp_path, "shared.yaml", "rules:\n  PH001: off\n")
    write(repo, ".speclint.yaml", "extends: ../shared.yaml\n")

    code, _, err = run_speclint("check", "docs", cwd=repo)

    assert code == 2
    assert err.startswith("speclint: error: .speclint.yaml:1:10: extends: '../shared.yaml' is outside the repository")


def test_a_configuration_that_is_a_symlink_out_of_the_repository_is_not_read(tmp_path: Path, repo: Path) -> None:
    write(tmp_path, "elsewhere.yaml", "rules:\n  PH001: off\n")
    (repo / ".speclint.yaml").symlink_to(tmp_path / "elsewhere.yaml")

    code, _, err = run_speclint("check", "docs", cwd=repo)

    assert code == 2 and err.startswith("speclint: error: .speclint.yaml:1:1: resolves to a file outside the repository")


def test_the_search_stops_at_the_repository_root(tmp_path: Path, repo: Path, marker: Path) -> None:
    write(tmp_path, ".speclint.yaml", "plugins: [evil.py]\nrules:\n  PH001: off\n")
    write(tmp_path, "evil.py", evil_plugin(marker))

    code, out, _ = run_speclint("check", "docs", cwd=repo)

    assert (code, out.split()[2]) == (1, "PH001")  # the configuration above the repository did not apply
    assert not marker.exists()


def test_outside_a_repository_the_search_stops_at_the_starting_folder(tmp_path: Path, marker: Path) -> None:
    write(tmp_path, ".speclint.yaml", "plugins: [evil.py]\nrules:\n  PH001: off\n")  # a shared parent folder
    write(tmp_path, "evil.py", evil_plugin(marker))
    write(tmp_path, "project/docs/spec.md", SPEC)

    code, out, _ = run_speclint("check", "docs", cwd=tmp_path / "project")

    assert (code, out.split()[2]) == (1, "PH001")
    assert not marker.exists()


def test_a_front_matter_schema_outside_the_repository_is_refused_and_never_quoted(tmp_path: Path, repo: Path) -> None:
    write(tmp_path, "passwd", "root:x:0:0:SECRET-CONTENT:/root:/bin/bash\n")
    write(repo, ".speclint.yaml", "front-matter: ../../passwd\n")
    os.symlink(tmp_path / "passwd", repo / "schema.json")
    for entry in ("../../passwd", "../passwd", "schema.json"):
        write(repo, ".speclint.yaml", f"front-matter: {entry}\n")

        code, out, err = run_speclint("check", "docs", cwd=repo)

        assert code == 2
        assert "SECRET-CONTENT" not in out + err
        assert f"front-matter: schema file '{entry}' is outside the repository" in err


def test_a_front_matter_schema_file_holding_text_is_described_not_quoted(repo: Path) -> None:
    write(repo, "schema.json", "SECRET-CONTENT\n")
    write(repo, ".speclint.yaml", "front-matter: schema.json\n")

    code, out, err = run_speclint("check", "docs", cwd=repo)

    assert code == 2
    assert err == "speclint: error: .speclint.yaml:1:15: front-matter: the schema must be a mapping, not text\n"


def test_an_invalid_glob_in_ignore_is_a_configuration_error_at_its_position(repo: Path) -> None:
    write(repo, ".speclint.yaml", 'ignore: ["docs/[z-a].md"]\n')

    code, _, err = run_speclint("check", "docs", cwd=repo)

    assert code == 2
    assert err.startswith("speclint: error: .speclint.yaml:1:10: ignore[0]: 'docs/[z-a].md' is not a valid glob (bad character range")
