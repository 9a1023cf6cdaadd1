"""Configuration: where it is found, what it changes, and every message for a bad one."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_speclint, write

from speclint.configuration.config import builtin_profiles, glob_to_regex

SPEC_WITH_TBD = """
# Checkout redesign

## Retries

Failed payments are retried. Backoff: TBD.
"""

pytestmark = pytest.mark.usefixtures("core_rules")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository (it has `.git`) with one spec holding a TBD."""
    (tmp_path / ".git").mkdir()
    write(tmp_path, "docs/checkout.md", SPEC_WITH_TBD)
    return tmp_path


def check(repo: Path, *args: str) -> tuple[int, str, str]:
    return run_speclint("check", *args, cwd=repo)


# --- what a configuration changes ---------------------------------------------------------------


def test_without_configuration_rules_run_at_their_default_level(repo: Path) -> None:
    code, out, _ = check(repo, "docs")
    assert code == 1
    assert out == "docs/checkout.md:5:39: error PH001 unresolved marker 'TBD': decide, or list it as an open question\n"


def test_rule_level_by_id(repo: Path) -> None:
    write(repo, ".speclint.yaml", "rules:\n  PH001: warning\n")
    code, out, _ = check(repo, "docs")
    assert (code, out.split()[1]) == (0, "warning")


def test_rule_turned_off_by_name(repo: Path) -> None:
    write(repo, ".speclint.yaml", "rules:\n  unresolved-marker: off\n")
    assert check(repo, "docs") == (0, "", "")


def test_rule_options_and_level_in_one_mapping(repo: Path) -> None:
    write(repo, ".speclint.yaml", "rules:\n  unresolved-marker: {level: info, markers: [TODO]}\n")
    assert check(repo, "docs") == (0, "", "")


def test_category_level_applies_to_its_rules_and_a_named_rule_wins(repo: Path) -> None:
    write(repo, ".speclint.yaml", "rules:\n  PH001: error\n  placeholder: off\n")
    code, out, _ = check(repo, "docs")
    assert code == 1 and "PH001" in out


def test_closest_configuration_wins(repo: Path) -> None:
    write(repo, ".speclint.yaml", "rules:\n  PH001: off\n")
    write(repo, "docs/.speclint.yaml", "rules:\n  PH001: info\n")
    code, out, _ = check(repo, "docs")
    assert (code, out.split()[1]) == (0, "info")


def test_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    write(tmp_path, ".speclint.yaml", "rules:\n  PH001: off\n")
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    write(project, "spec.md", SPEC_WITH_TBD)
    code, out, _ = run_speclint("check", "spec.md", cwd=project)
    assert code == 1 and "PH001" in out


def test_yaml_beats_pyproject_in_the_same_folder(repo: Path) -> None:
    write(repo, "pyproject.toml", "[tool.speclint.rules]\nPH001 = 'off'\n")
    write(repo, ".speclint.yml", "rules:\n  PH001: info\n")
    assert check(repo, "docs")[1].split()[1] == "info"


def test_pyproject_tool_speclint_is_read(repo: Path) -> None:
    write(repo, "pyproject.toml", "[project]\nname = 'specs'\n\n[tool.speclint.rules]\nunresolved-marker = 'off'\n")
    assert check(repo, "docs") == (0, "", "")


def test_pyproject_without_tool_speclint_is_not_a_configuration(repo: Path) -> None:
    write(repo, "docs/pyproject.toml", "[project]\nname = 'specs'\n\n[project.scripts]\nspeclint = 'x:main'\n")
    write(repo, ".speclint.yaml", "rules:\n  PH001: off\n")
    assert check(repo, "docs") == (0, "", "")


def test_config_option_overrides_the_closest_file(repo: Path) -> None:
    write(repo, ".speclint.yaml", "rules:\n  PH001: off\n")
    write(repo, "ci/strict.yaml", "rules:\n  PH001: error\n")
    code, _, _ = check(repo, "--config", "ci/strict.yaml", "docs")
    assert code == 1


def test_isolated_ignores_every_configuration(repo: Path) -> None:
    write(repo, ".speclint.yaml", "rules:\n  PH001: off\n")
    assert check(repo, "--isolated", "docs")[0] == 1


def test_config_and_isolated_exclude_each_other(repo: Path) -> None:
    write(repo, "strict.yaml", "{}\n")
    code, _, err = check(repo, "--isolated", "--config", "strict.yaml", "docs")
    assert code == 2 and "--config and --isolated exclude each other" in err


def test_override_applies_to_matching_paths_only(repo: Path) -> None:
    write(repo, "docs/adr/0001-queue.md", "# Use a queue\n\nOwner: TBD.\n")
    write(repo, ".speclint.yaml", """
    overrides:
      - files: ["docs/adr/**"]
        rules: {PH001: off}
    """)
    code, out, _ = check(repo, "docs")
    assert [line.split(":")[0] for line in out.splitlines()] == ["docs/checkout.md"]


def test_an_override_s_options_reach_only_its_files_of_the_same_kind(repo: Path) -> None:
    # Files of one profile share their planned rules unless their settings differ.
    write(repo, "docs/billing.md", SPEC_WITH_TBD)
    write(repo, ".speclint.yaml", """
    overrides:
      - files: ["docs/billing.md"]
        rules: {PH001: {markers: [TODO]}}
    """)
    code, out, _ = check(repo, "docs")
    assert [line.split(":")[0] for line in out.splitlines()] == ["docs/checkout.md"]


def test_later_override_wins(repo: Path) -> None:
    write(repo, ".speclint.yaml", """
    overrides:
      - files: ["docs/**"]
        rules: {PH001: off}
      - files: ["**/checkout.md"]
        rules: {PH001: info}
    """)
    assert check(repo, "docs")[1].split()[1] == "info"


def test_ignore_skips_paths_also_when_named_explicitly(repo: Path) -> None:
    write(repo, "docs/archive/old.md", "Owner: TBD.\n")
    write(repo, ".speclint.yaml", "ignore: [docs/archive, '*.draft.md']\n")
    write(repo, "docs/new.draft.md", "Owner: TBD.\n")
    code, out, _ = check(repo, "docs", "docs/archive/old.md", "docs/new.draft.md")
    assert "archive" not in out and "draft" not in out and "checkout" in out


def test_stdin_uses_the_configuration_of_its_file_name(repo: Path) -> None:
    write(repo, "docs/.speclint.yaml", "rules:\n  PH001: info\n")
    code, out, _ = run_speclint("check", "--stdin-filename", "docs/new.md", "-", cwd=repo, stdin="Owner: TBD.\n")
    assert out == "docs/new.md:1:8: info PH001 unresolved marker 'TBD': decide, or list it as an open question\n"


def test_extends_another_file_and_overrides_it(repo: Path) -> None:
    write(repo, "shared/base.yaml", "rules:\n  PH001: off\n  ST001: error\n")
    write(repo, ".speclint.yaml", "extends: shared/base.yaml\nrules:\n  ST001: info\n")
    write(repo, "docs/empty.md", "")
    code, out, _ = check(repo, "docs")
    assert out == "docs/empty.md:1:1: info ST001 the document is empty\n"


def test_extends_a_builtin_profile_sets_the_profile(repo: Path) -> None:
    from speclint.configuration.config import ConfigResolver
    from speclint.engine.registry import load_registry

    write(repo, ".speclint.yaml", "extends: adr\n")
    config = ConfigResolver(load_registry()).for_file(repo / "docs" / "checkout.md")
    assert config.settings_for(repo / "docs" / "checkout.md").profile == "adr"


def test_profile_override_and_auto(repo: Path) -> None:
    from speclint.configuration.config import ConfigResolver
    from speclint.engine.registry import load_registry

    write(repo, ".speclint.yaml", """
    profile: prd
    overrides:
      - files: ["docs/adr/**"]
        profile: adr
      - files: ["specs/*/spec.md"]
        profile: auto
    """)
    config = ConfigResolver(load_registry()).for_file(repo / "docs" / "checkout.md")
    assert config.settings_for(repo / "docs/checkout.md").profile == "prd"
    assert config.settings_for(repo / "docs/adr/0001-queue.md").profile == "adr"
    assert config.settings_for(repo / "specs/001-login/spec.md").profile is None


def test_section_settings_reach_the_rules(repo: Path) -> None:
    from speclint.configuration.config import ConfigResolver
    from speclint.engine.registry import load_registry

    write(repo, "schemas/fm.json", '{"type": "object", "required": ["owner"]}\n')
    write(repo, ".speclint.yaml", """
    extend-sections:
      - {name: Rollout plan, required: true, aliases: [Launch plan]}
    section-aliases:
      Non-goals: [Not in this release]
    front-matter: schemas/fm.json
    overrides:
      - files: ["docs/adr/**"]
        sections: [Context, Decision, Consequences]
    """)
    config = ConfigResolver(load_registry()).for_file(repo / "docs" / "checkout.md")
    prd = config.settings_for(repo / "docs/checkout.md").as_settings()
    assert prd["extend-sections"] == [{"name": "Rollout plan", "required": True, "aliases": ["Launch plan"]}]
    assert prd["section-aliases"] == {"Non-goals": ["Not in this release"]}
    assert prd["front-matter-schema"] == {"type": "object", "required": ["owner"]}
    adr = config.settings_for(repo / "docs/adr/0001.md").as_settings()
    assert adr["sections"] == ["Context", "Decision", "Consequences"] and "extend-sections" not in adr


# --- every message for a bad configuration -----------------------------------------------------


def errors(repo: Path, config: str, name: str = ".speclint.yaml") -> list[str]:
    write(repo, name, config)
    code, out, err = check(repo, "docs")
    assert code == 2 and out == ""
    assert "Traceback" not in err
    return [line.removeprefix("speclint: error: ") for line in err.splitlines()]


def test_broken_yaml(repo: Path) -> None:
    assert errors(repo, "rules:\n  PH001: [off\n") == [
        ".speclint.yaml:3:1: invalid YAML: expected ',' or ']', but got '<stream end>'"
    ]


def test_configuration_that_is_not_a_mapping(repo: Path) -> None:
    assert errors(repo, "- PH001\n") == [".speclint.yaml:1:1: the configuration must be a mapping of settings, not a list"]


def test_unknown_top_level_key_with_suggestion(repo: Path) -> None:
    [message] = errors(repo, "rule:\n  PH001: off\n")
    assert message.startswith(".speclint.yaml:1:1: unknown key 'rule' (did you mean 'rules'?) (allowed: $schema, extends, profile, rules,")


def test_bad_level(repo: Path) -> None:
    assert errors(repo, "rules:\n  PH001: warn\n") == [
        ".speclint.yaml:2:10: rules.PH001: 'warn' is not allowed (did you mean 'warning'?) (allowed: off, info, warning, error)"
    ]


def test_bad_level_inside_a_mapping(repo: Path) -> None:
    assert errors(repo, "rules:\n  PH001: {level: fatal}\n") == [
        ".speclint.yaml:2:18: rules.PH001.level: 'fatal' is not allowed (allowed: off, info, warning, error)"
    ]


def test_rule_value_of_the_wrong_type(repo: Path) -> None:
    assert errors(repo, "rules:\n  PH001: 3\n") == [
        ".speclint.yaml:2:10: rules.PH001 must be a level (off, info, warning, error) or a mapping of `level` and options, not 3"
    ]


def test_wrong_type_for_a_list(repo: Path) -> None:
    assert errors(repo, "ignore: docs/archive\n") == [".speclint.yaml:1:9: ignore must be a list, not 'docs/archive'"]


def test_override_without_files(repo: Path) -> None:
    assert errors(repo, "overrides:\n  - profile: adr\n") == [
        ".speclint.yaml:2:5: overrides[0] is missing the required key 'files'"
    ]


def test_override_with_empty_files(repo: Path) -> None:
    assert errors(repo, "overrides:\n  - files: []\n") == [".speclint.yaml:2:12: overrides[0].files must have at least 1 item"]


def test_unknown_key_in_an_override(repo: Path) -> None:
    [message] = errors(repo, "overrides:\n  - files: [a]\n    profil: adr\n")
    assert message.startswith(".speclint.yaml:3:5: unknown key 'profil' in overrides[0] (did you mean 'profile'?)")


def test_plugin_with_the_wrong_extension(repo: Path) -> None:
    assert errors(repo, "plugins: [rules/house.txt]\n") == [
        ".speclint.yaml:1:11: plugins[0]: 'rules/house.txt' does not fit a path ending in .py, .yaml or .yml"
    ]


def test_unknown_profile(repo: Path) -> None:
    allowed = ", ".join(builtin_profiles())
    assert errors(repo, "profile: prdd\n") == [
        f".speclint.yaml:1:10: profile: unknown profile 'prdd' (did you mean 'prd'?) (allowed: {allowed}, auto)"
    ]


def test_unknown_rule(repo: Path) -> None:
    assert errors(repo, "rules:\n  unresolved-markers: off\n") == [
        ".speclint.yaml:2:3: rules: unknown rule 'unresolved-markers' (did you mean 'unresolved-marker'?); "
        "name a rule by id, name or alias, or a category (`speclint rules` lists them)"
    ]


def test_unknown_option(repo: Path) -> None:
    assert errors(repo, "rules:\n  PH001:\n    level: warning\n    marker: [TBD]\n") == [
        ".speclint.yaml:4:5: rules.PH001: rule PH001 (unresolved-marker) has no option 'marker' "
        "(options: deferred-sections, markers, needs-clarification, question-marks) (did you mean 'markers'?)"
    ]


def test_bad_option_value(repo: Path) -> None:
    assert errors(repo, "rules:\n  PH001: {markers: TBD}\n") == [
        ".speclint.yaml:2:20: rules.PH001: option 'markers' must be a list of strings, not 'TBD'"
    ]


def test_option_on_a_category(repo: Path) -> None:
    assert errors(repo, "rules:\n  placeholder: {level: info, markers: [TBD]}\n") == [
        ".speclint.yaml:2:30: rules.placeholder: a category takes only `level`; set option 'markers' on one rule of it"
    ]


def test_several_problems_are_all_reported_in_file_order(repo: Path) -> None:
    messages = errors(repo, "profile: nope\nrules:\n  PH009: off\n  PH001: {markers: 3}\n")
    assert [message.split(": ")[0] for message in messages] == [".speclint.yaml:1:10", ".speclint.yaml:3:3", ".speclint.yaml:4:20"]


def test_extends_neither_profile_nor_file(repo: Path) -> None:
    assert errors(repo, "extends: adrs\n") == [
        ".speclint.yaml:1:10: extends: 'adrs' is neither a built-in profile (did you mean 'adr'?) "
        f"(profiles: {', '.join(builtin_profiles())}) nor a .yaml, .yml or .toml configuration file"
    ]


def test_extends_a_missing_file(repo: Path) -> None:
    [message] = errors(repo, "extends: [prd, shared/base.yaml]\n")
    assert message.startswith(".speclint.yaml:1:16: extends: 'shared/base.yaml' does not exist (relative to ")


def test_extends_cycle(repo: Path) -> None:
    write(repo, "base.yaml", "extends: .speclint.yaml\n")
    assert errors(repo, "extends: base.yaml\n") == ["base.yaml:1:10: extends: '.speclint.yaml' extends this file again (a cycle)"]


def test_error_in_an_extended_file_names_that_file(repo: Path) -> None:
    write(repo, "base.yaml", "rules:\n  PH001: loud\n")
    [message] = errors(repo, "extends: base.yaml\n")
    assert message.startswith("base.yaml:2:10: rules.PH001: 'loud' is not allowed")


def test_missing_plugin_file(repo: Path) -> None:
    [message] = errors(repo, "plugins: [house_rules.py]\n")
    assert message.startswith(".speclint.yaml:1:11: plugin 'house_rules.py' does not exist (relative to ")


def test_plugin_that_fails_to_import(repo: Path) -> None:
    write(repo, "house_rules.py", "import math\n\nvalue = 1 / 0\n")
    assert errors(repo, "plugins: [house_rules.py]\n") == [
        ".speclint.yaml:1:11: plugin 'house_rules.py' failed to load: ZeroDivisionError: division by zero (line 3)"
    ]


def test_plugin_with_a_syntax_error(repo: Path) -> None:
    write(repo, "house_rules.py", "def broken(:\n    pass\n")
    [message] = errors(repo, "plugins: [house_rules.py]\n")
    assert message.startswith(".speclint.yaml:1:11: plugin 'house_rules.py' failed to load: SyntaxError:")
    assert message.endswith("(line 1)")


def test_plugin_without_rules(repo: Path) -> None:
    write(repo, "house_rules.py", "HELLO = 1\n")
    assert errors(repo, "plugins: [house_rules.py]\n") == [
        ".speclint.yaml:1:11: plugin 'house_rules.py' defines no rule (a speclint.engine.rule.Rule subclass, or a RULES list)"
    ]


def test_plugin_rule_with_a_bad_declaration(repo: Path) -> None:
    write(repo, "house_rules.py", """
    from speclint.engine.rule import Category, Rule

    class NoCodenames(Rule):
        \"\"\"Flags codenames.\"\"\"

        id = "codenames"
        name = "no-codenames"
        category = Category.WORDING
    """)
    assert errors(repo, "plugins: [house_rules.py]\n") == [
        ".speclint.yaml:1:11: rule NoCodenames from plugin house_rules.py: "
        "id 'codenames' is not two to four capitals and three digits (like PH001)"
    ]


def test_plugin_rule_reusing_a_builtin_id(repo: Path) -> None:
    write(repo, "house_rules.py", """
    from speclint.engine.rule import Category, Rule

    class Again(Rule):
        \"\"\"Flags nothing.\"\"\"

        id = "PH001"
        name = "house-again"
        category = Category.WORDING
    """)
    assert errors(repo, "plugins: [house_rules.py]\n") == [
        ".speclint.yaml:1:11: rule PH001 (house-again) from plugin house_rules.py: 'PH001' is already used by rule PH001"
    ]


def test_front_matter_schema_file_missing(repo: Path) -> None:
    assert errors(repo, "front-matter: schemas/fm.json\n") == [
        ".speclint.yaml:1:15: front-matter: schema file schemas/fm.json:1:1: no such file"
    ]


def test_front_matter_schema_that_is_not_a_schema(repo: Path) -> None:
    assert errors(repo, "front-matter:\n  type: object\n  required: owner\n") == [
        ".speclint.yaml:2:3: front-matter: not a valid JSON Schema at required: 'owner' is not of type 'array'"
    ]


def test_front_matter_schema_file_that_is_not_a_mapping(repo: Path) -> None:
    write(repo, "fm.yaml", "- owner\n")
    assert errors(repo, "front-matter: fm.yaml\n") == [
        ".speclint.yaml:1:15: front-matter: the schema must be a mapping, not a list"
    ]


def test_configuration_that_is_not_utf8(repo: Path) -> None:
    (repo / ".speclint.yaml").write_bytes(b"rules:\n  PH001: \xff\n")
    code, _, err = check(repo, "docs")
    assert code == 2 and err == "speclint: error: .speclint.yaml:1:1: not valid UTF-8; save the file as UTF-8\n"


def test_missing_config_option_file(repo: Path) -> None:
    code, _, err = check(repo, "--config", "nope.yaml", "docs")
    assert (code, err) == (2, "speclint: error: nope.yaml:1:1: no such file\n")


def test_broken_toml(repo: Path) -> None:
    assert errors(repo, "[tool.speclint\nrules = 1\n", name="pyproject.toml") == [
        "pyproject.toml:1:15: invalid TOML: Expected ']' at the end of a table declaration"
    ]


def test_pyproject_positions_point_at_the_key(repo: Path) -> None:
    config = """
    [project]
    name = "specs"

    [tool.speclint]
    profile = "prd"

    [tool.speclint.rules]
    ST001 = "info"
    PH001 = { level = "loud" }
    unresolved-markers = "off"
    """
    assert errors(repo, config, name="pyproject.toml") == [
        "pyproject.toml:9:19: rules.PH001.level: 'loud' is not allowed (allowed: off, info, warning, error)",
    ]
    config = config.replace('{ level = "loud" }', '"warning"')
    [message] = errors(repo, config, name="pyproject.toml")
    assert message.startswith("pyproject.toml:10:1: rules: unknown rule 'unresolved-markers'")


def test_pyproject_override_tables_are_located(repo: Path) -> None:
    config = """
    [tool.speclint]
    profile = "prd"

    [[tool.speclint.overrides]]
    files = ["docs/adr/**"]
    profile = "adr"

    [[tool.speclint.overrides]]
    files = ["specs/**"]
    profile = "speckit"
    """
    [message] = errors(repo, config, name="pyproject.toml")
    assert message.startswith("pyproject.toml:10:11: profile: unknown profile 'speckit' (did you mean 'spec-kit'?)")


# --- globs --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("docs/adr/**", "docs/adr/0001.md", True),
        ("docs/adr/**", "docs/adr/old/0001.md", True),
        ("docs/adr/**", "docs/adrs/0001.md", False),
        ("specs/*/spec.md", "specs/001-login/spec.md", True),
        ("specs/*/spec.md", "specs/001-login/plan.md", False),
        ("specs/*/spec.md", "specs/a/b/spec.md", False),
        ("**/spec.md", "spec.md", True),
        ("**/spec.md", "specs/a/b/spec.md", True),
        ("*.draft.md", "docs/deep/x.draft.md", True),
        ("docs/archive", "docs/archive/2019/x.md", True),
        ("docs/archive/", "docs/archive/x.md", True),
        ("docs/rfc-[0-9]*.md", "docs/rfc-12.md", True),
        ("docs/rfc-[!0-9]*.md", "docs/rfc-12.md", False),
        ("docs/?.md", "docs/a.md", True),
    ],
)
def test_glob_patterns(pattern: str, path: str, expected: bool) -> None:
    assert (glob_to_regex(pattern).match(path) is not None) is expected


def test_broken_configuration_fails_even_without_markdown_files(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, ".speclint.yaml", "rules:\n  PH001: loud\n")
    code, _, err = run_speclint("check", cwd=tmp_path)
    assert code == 2 and ".speclint.yaml:2:10:" in err


def test_verbose_names_the_configuration_each_file_uses(repo: Path) -> None:
    write(repo, "docs/.speclint.yaml", "rules:\n  PH001: info\n")
    write(repo, "notes.md", "Intro.\n")
    _, _, err = check(repo, "-v", ".")
    assert "speclint: configuration docs/.speclint.yaml for 1 file\n" in err
    assert "speclint: configuration none (defaults) for 1 file\n" in err
