"""Configuration meets profiles: the profile each file gets, and the sections the configuration adds."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_speclint, write

profiles = pytest.importorskip("speclint.engine.profiles", reason="the profiles module is not on this branch yet")

PRD = """
# Checkout redesign

## Problem

Checkout fails for 2% of users on slow networks.

## Goals

- Cut failed checkouts in half.

## Non-goals

- Redesigning the cart.

## Requirements

- The page loads in under 2 s on 3G.

## Success metrics

- Failed checkouts below 1% by June.
"""


def plan(tmp_path: Path, config: str, relative: str, text: str = PRD, forced: str | None = None):  # type: ignore[no-untyped-def]
    from speclint.configuration.config import ConfigResolver, plan_file
    from speclint.document.parser import parse
    from speclint.engine.registry import load_registry

    (tmp_path / ".git").mkdir(exist_ok=True)
    write(tmp_path, ".speclint.yaml", config)
    path = write(tmp_path, relative, text)
    document = parse(path.read_text(), relative)
    document.file_path = path
    config_object = ConfigResolver(load_registry()).for_file(path)
    return plan_file(config_object, path, document, forced)


def test_configured_profile_beats_detection_and_cli_profile_beats_both(tmp_path: Path) -> None:
    assert plan(tmp_path, "{}\n", "docs/checkout.md").profile_name == "prd"
    assert plan(tmp_path, "profile: design-doc\n", "docs/checkout.md").profile_name == "design-doc"
    assert plan(tmp_path, "profile: design-doc\n", "docs/checkout.md", forced="adr").profile_name == "adr"


def test_override_chooses_the_profile_for_a_folder(tmp_path: Path) -> None:
    config = 'overrides:\n  - files: ["docs/adr/**"]\n    profile: adr\n'
    assert plan(tmp_path, config, "docs/adr/0001-queue.md").profile_name == "adr"
    assert plan(tmp_path, config, "docs/checkout.md").profile_name == "prd"


def test_configuration_rule_settings_beat_the_profiles(tmp_path: Path) -> None:
    config = "profile: kep\nrules:\n  heading-increment: error\n"  # the kep profile turns it off
    levels = {active.rule.name: active.level.value for active in plan(tmp_path, config, "keps/README.md").rules}
    assert levels["heading-increment"] == "error"


def test_extend_sections_adds_a_required_section(tmp_path: Path) -> None:
    config = "profile: prd\nextend-sections:\n  - {name: Rollout plan, aliases: [Launch plan]}\n"
    profile = plan(tmp_path, config, "docs/checkout.md").profile
    assert profile.sections[-1].name == "Rollout plan" and profile.sections[-1].required
    assert profile.sections[-1].matches("Launch plan")


def test_sections_replace_the_profiles_list(tmp_path: Path) -> None:
    config = "profile: prd\nsections:\n  - Problem\n  - {name: Decision, required: false}\n"
    profile = plan(tmp_path, config, "docs/checkout.md").profile
    assert [(s.name, s.required) for s in profile.sections] == [("Problem", True), ("Decision", False)]


def test_section_aliases_extend_a_section_found_by_any_of_its_names(tmp_path: Path) -> None:
    config = "profile: prd\nsection-aliases:\n  Out of scope: [Not in this release]\n"
    profile = plan(tmp_path, config, "docs/checkout.md").profile
    non_goals = next(section for section in profile.sections if section.name == "Non-goals")
    assert non_goals.matches("Not in this release")


def test_missing_section_rule_uses_the_configured_sections(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "docs/checkout.md", PRD)
    only = "rules:\n" + "".join(f"  {c}: off\n" for c in ("structure", "placeholder", "wording", "metadata")) + "  ST002: warning\n"
    write(tmp_path, ".speclint.yaml", "profile: prd\n" + only)
    assert "ST002" not in run_speclint("check", "docs", cwd=tmp_path)[1]
    write(tmp_path, ".speclint.yaml", "profile: prd\nextend-sections: [Rollout plan]\n" + only)
    code, out, _ = run_speclint("check", "docs", cwd=tmp_path)
    assert [line for line in out.splitlines() if "ST002" in line] and "Rollout plan" in out


def test_init_detects_kinds_per_folder(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "docs/checkout.md", PRD)
    write(tmp_path, "docs/search.md", PRD.replace("Checkout", "Search"))
    adr = "# Use a queue for payments\n\n## Status\n\nAccepted\n\n## Context\n\nRetries.\n\n## Decision\n\nSQS.\n\n## Consequences\n\nOps.\n"
    write(tmp_path, "docs/adr/0001-queue.md", adr)
    write(tmp_path, "docs/adr/0002-store.md", adr.replace("queue", "store"))
    assert run_speclint("init", cwd=tmp_path)[0] == 0
    text = (tmp_path / ".speclint.yaml").read_text()
    assert "\nprofile: auto\n" in text and '  - files: ["docs/adr/**"]\n    profile: adr\n' in text
