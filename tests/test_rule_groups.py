"""Rule groups: a `preview` rule (measured precision below 90%) is off unless asked for by name,
by `preview: true` in the configuration or by `--preview`; the listing shows group and precision."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_speclint, write

from speclint.api import ConfigurationError, lint_text
from speclint.engine.registry import load_registry
from speclint.engine.rule import Group

# Two house rules in the same category: one in the preview group, one that does not say (default).
HOUSE_RULES = """
rules:
  - id: ACME001
    name: no-codenames
    category: wording
    level: warning
    group: preview
    message: "internal codename '{match}': use the product name"
    existence:
      words: [Bluebird]
  - id: ACME002
    name: no-falcon
    category: wording
    level: warning
    message: "internal codename '{match}': use the product name"
    existence:
      words: [Falcon]
"""

DOCUMENT = "# Checkout\n\nThe Bluebird checkout replaces Falcon in May.\n"


def house_findings(tmp_path: Path, config: str = "", **options: object) -> list[tuple[str, str]]:
    write(tmp_path, "house.yaml", HOUSE_RULES)
    write(tmp_path, ".speclint.yaml", "plugins: [house.yaml]\n" + config)
    findings = lint_text(DOCUMENT, tmp_path / "checkout.md", **options)  # type: ignore[arg-type]
    return [(f.rule_id, f.level.value) for f in findings if f.rule_id.startswith("ACME")]


def test_a_preview_rule_is_off_by_default_and_a_rule_that_names_no_group_is_default(tmp_path: Path) -> None:
    assert house_findings(tmp_path) == [("ACME002", "warning")]


def test_naming_a_preview_rule_by_id_turns_it_on_at_that_level(tmp_path: Path) -> None:
    assert ("ACME001", "error") in house_findings(tmp_path, "rules:\n  ACME001: error\n")


def test_naming_a_preview_rule_by_name_turns_it_on(tmp_path: Path) -> None:
    assert ("ACME001", "warning") in house_findings(tmp_path, "rules:\n  no-codenames: {}\n")


def test_naming_a_preview_rule_off_keeps_it_off(tmp_path: Path) -> None:
    assert "ACME001" not in dict(house_findings(tmp_path, "rules:\n  ACME001: off\n"))


def test_a_category_sets_the_level_of_its_default_rules_only(tmp_path: Path) -> None:
    assert house_findings(tmp_path, "rules:\n  wording: error\n") == [("ACME002", "error")]


def test_preview_true_in_the_configuration_turns_the_group_on(tmp_path: Path) -> None:
    assert ("ACME001", "warning") in house_findings(tmp_path, "preview: true\n")


def test_with_the_group_on_a_category_level_reaches_preview_rules_too(tmp_path: Path) -> None:
    found = house_findings(tmp_path, "preview: true\nrules:\n  wording: info\n")

    assert sorted(found) == [("ACME001", "info"), ("ACME002", "info")]


def test_an_override_can_turn_the_group_on_for_some_paths(tmp_path: Path) -> None:
    config = "overrides:\n  - files: ['drafts/**']\n    preview: true\n"

    assert "ACME001" not in dict(house_findings(tmp_path, config))
    write(tmp_path, "house.yaml", HOUSE_RULES)
    (tmp_path / ".git").mkdir()  # the configuration search climbs to the repository root only
    drafts = lint_text(DOCUMENT, tmp_path / "drafts" / "checkout.md")
    assert "ACME001" in {f.rule_id for f in drafts}


def test_the_preview_option_of_the_library_turns_the_group_on(tmp_path: Path) -> None:
    assert ("ACME001", "warning") in house_findings(tmp_path, preview=True)


def test_select_narrows_and_does_not_turn_a_preview_rule_on(tmp_path: Path) -> None:
    assert house_findings(tmp_path, select=["ACME001"]) == []


def test_the_preview_flag_turns_the_group_on(tmp_path: Path) -> None:
    write(tmp_path, "house.yaml", HOUSE_RULES)
    write(tmp_path, ".speclint.yaml", "plugins: [house.yaml]\n")
    write(tmp_path, "checkout.md", DOCUMENT)

    _, without, _ = run_speclint("check", "--select", "wording", "checkout.md", cwd=tmp_path)
    _, with_flag, _ = run_speclint("check", "--preview", "--select", "wording", "checkout.md", cwd=tmp_path)

    assert "ACME001" not in without
    assert "ACME001" in with_flag


def test_preview_must_be_true_or_false(tmp_path: Path) -> None:
    try:
        house_findings(tmp_path, "preview: yes please\n")
    except ConfigurationError as error:
        assert any("preview" in str(problem) for problem in error.problems)
    else:
        raise AssertionError("a non-boolean `preview` was accepted")


def test_every_built_in_rule_belongs_to_a_group() -> None:
    assert all(isinstance(rule.group, Group) for rule in load_registry().sorted())


def test_rules_lists_each_rule_with_its_group_and_measured_precision(tmp_path: Path) -> None:
    _, text, _ = run_speclint("rules", cwd=tmp_path)
    _, as_json, _ = run_speclint("rules", "--format", "json", cwd=tmp_path)

    header = text.splitlines()[0].split()
    assert header[4:6] == ["GROUP", "PRECISION"]
    md001 = next(rule for rule in json.loads(as_json) if rule["id"] == "MD001")
    assert md001["group"] in {"default", "preview"}
    assert {"findings", "judged", "precision", "measured_on"} <= set(md001["precision"])


def test_explain_says_the_group_and_how_to_turn_a_preview_rule_on(tmp_path: Path) -> None:
    preview_rule = next(rule for rule in load_registry().sorted() if rule.group == Group.PREVIEW)
    default_rule = next(rule for rule in load_registry().sorted() if rule.group == Group.DEFAULT)

    _, default_text, _ = run_speclint("explain", default_rule.id, cwd=tmp_path)
    _, preview_text, _ = run_speclint("explain", preview_rule.id, cwd=tmp_path)

    assert "Group: default. Measured precision: " in default_text
    assert "Group: preview." in preview_text and "--preview" in preview_text


def test_a_default_rule_without_a_judged_current_finding_shows_a_dash_never_zero(tmp_path: Path) -> None:
    from speclint.reporters.ruledocs import measured_precision

    _, text, _ = run_speclint("rules", cwd=tmp_path)
    shown = {line.split()[0]: line.split()[5] for line in text.splitlines()[1:] if line.strip()}
    unmeasured = [rule for rule in load_registry().sorted()
                  if rule.group == Group.DEFAULT and (measured_precision(rule) or {}).get("precision") is None]

    assert unmeasured and all(shown[rule.id] == "-" for rule in unmeasured)
