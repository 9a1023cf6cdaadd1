"""The pipeline decides a profile per file, applies its rule settings, and reports it."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import md

from speclint.cli import cli
from speclint.document.parser import parse
from speclint.engine.check import ActiveRule
from speclint.engine.profiles import RuleSetting
from speclint.engine.registry import load_registry
from speclint.engine.rule import Level
from speclint.engine.runner import Source, apply_rule_settings, lint, settings_for_file

KEP = md("""
    # KEP-4321: Pod readiness gates v2
    ## Summary
    Readiness gates for sidecars.
    ## Design Details
    ### Test Plan
    ##### Unit tests
    Covered in `pkg/kubelet`.
    ### Graduation Criteria
    Alpha in 1.31.
    ### Version Skew Strategy
    None needed.
    """)


def default_rules() -> list[ActiveRule]:
    return [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in load_registry().sorted()]


def test_detected_profile_is_recorded_per_file() -> None:
    result = lint([Source("kep.md", None, KEP), Source("notes.md", None, "# Notes\n\nText.\n")], default_rules())
    assert {report.path: report.profile for report in result.files} == {"kep.md": "kep", "notes.md": "prd"}


def test_forced_profile_applies_to_every_file() -> None:
    result = lint([Source("kep.md", None, KEP)], default_rules(), profile_name="prd")
    assert result.files[0].profile == "prd"


def test_profile_rule_settings_turn_a_rule_off() -> None:
    kep_result = lint([Source("kep.md", None, KEP)], default_rules())
    assert not [f for f in kep_result.findings if f.rule_id == "ST006"]
    prd_result = lint([Source("kep.md", None, KEP)], default_rules(), profile_name="prd")
    assert [f.span.line for f in prd_result.findings if f.rule_id == "ST006"] == [6]


def test_settings_for_file_returns_the_profile_and_its_rules() -> None:
    document = parse(KEP, "kep.md")
    settings = settings_for_file(document, default_rules())
    assert settings.profile.name == "kep"
    assert "ST006" not in {active.rule.id for active in settings.rules}


def test_user_settings_win_over_profile_settings() -> None:
    document = parse(KEP, "kep.md")
    settings = settings_for_file(document, default_rules(), user_settings={"heading-increment": RuleSetting("error")})
    increment = [active for active in settings.rules if active.rule.id == "ST006"]
    assert increment and increment[0].level is Level.ERROR


def test_layered_options_are_validated_and_merged() -> None:
    rule = load_registry().get("empty-section")
    assert rule is not None
    base = [ActiveRule(rule, rule.default_level, rule.default_options())]
    layered = apply_rule_settings(base, [{"ST003": RuleSetting(options={"filler": ["TBD"]})},
                                         {"empty-section": RuleSetting(level="info")}])
    assert layered[0].level is Level.INFO
    assert layered[0].options["filler"] == ["TBD"]
    assert layered[0].options["comments-are-empty"] is True


def test_profile_reaches_the_rule_context() -> None:
    result = lint([Source("kep.md", None, KEP)], default_rules())
    assert [f.message for f in result.findings if f.rule_id == "ST002" and "Non-Goals" in f.message] == []


# --- command line ---------------------------------------------------------------------------


@pytest.fixture()
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "kep.md").write_text(KEP)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_verbose_prints_the_profile_of_each_file(docs: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "-v", "kep.md"])
    assert "kep.md: profile kep" in result.stderr


def test_profile_option_forces_the_profile(docs: Path) -> None:
    # heading-increment (ST006, a preview rule) is off in the kep profile, on in the prd profile.
    result = CliRunner().invoke(cli, ["check", "-v", "--preview", "--profile", "prd", "kep.md"])
    assert "kep.md: profile prd" in result.stderr
    assert "ST006" in result.stdout


def test_unknown_profile_is_a_usage_error(docs: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--profile", "whitepaper", "kep.md"])
    assert result.exit_code == 2
    assert "unknown profile 'whitepaper'" in result.stderr


def test_profiles_command_lists_every_profile() -> None:
    result = CliRunner().invoke(cli, ["profiles"])
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert {"prd", "spec-kit", "ears", "kep", "rust-rfc", "adr"} <= set(names)


def test_profiles_command_shows_nested_expected_sections() -> None:
    result = CliRunner().invoke(cli, ["profiles", "kep"])
    assert result.exit_code == 0
    assert "    - Non-Goals [required]" in result.stdout
    assert "rule heading-increment: off" in result.stdout


def test_profile_names_are_case_insensitive(docs: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "-v", "--profile", "KEP", "kep.md"])
    assert "kep.md: profile kep" in result.stderr
