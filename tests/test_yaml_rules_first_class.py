"""YAML rules are first-class: `speclint rules` lists them, `speclint explain` shows them, and their
`documentation:` URL is SARIF's `helpUri` (the editor's link is tested through the language server)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_speclint, write

HOUSE_RULE = """
rules:
  - id: ACME001
    name: no-codenames
    category: wording
    level: warning
    message: "internal codename '{match}': use the product name"
    description: Specs are read outside the team; codenames mean nothing there.
    documentation: https://wiki.example.com/spec-style#codenames
    existence:
      words: [Bluebird]
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path, "house.yaml", HOUSE_RULE)
    write(tmp_path, ".speclint.yaml", "plugins: [house.yaml]\n")
    write(tmp_path, "spec.md", "# Checkout\n\nThe Bluebird checkout ships in May.\n")
    return tmp_path


def test_rules_lists_the_configured_yaml_rules(project: Path) -> None:
    code, out, _ = run_speclint("rules", cwd=project)
    assert code == 0
    [line] = [line for line in out.splitlines() if line.startswith("ACME001")]
    assert "no-codenames" in line and "wording" in line


def test_explain_shows_a_yaml_rule_with_its_documentation_link(project: Path) -> None:
    code, out, _ = run_speclint("explain", "no-codenames", cwd=project)
    assert code == 0
    assert out.startswith("ACME001 no-codenames")
    assert "https://wiki.example.com/spec-style#codenames" in out


def test_sarif_help_uri_of_a_yaml_rule_is_its_documentation(project: Path) -> None:
    code, out, _ = run_speclint("check", "--format", "sarif", "spec.md", cwd=project)
    assert code == 0
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    [descriptor] = [rule for rule in rules if rule["id"] == "ACME001"]
    assert descriptor["helpUri"] == "https://wiki.example.com/spec-style#codenames"


def test_rules_with_a_broken_configuration_still_lists_the_built_in_rules(tmp_path: Path) -> None:
    write(tmp_path, ".speclint.yaml", "plugins: [missing.yaml]\n")
    code, out, err = run_speclint("rules", cwd=tmp_path)
    assert "PH001" in out and "missing.yaml" in err and "Traceback" not in err
