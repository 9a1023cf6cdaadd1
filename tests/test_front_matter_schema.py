"""MD002 front-matter-schema: front matter and a KEP's kep.yaml against JSON Schemas."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import md, parse_md, spans

from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.registry import load_registry
from speclint.engine.runner import Source, lint

RULE = load_registry().get("front-matter-schema")


def check(text: str, profile: object = None, path: str = "spec.md", **options: object):
    assert RULE is not None
    active = ActiveRule(RULE, RULE.default_level, RULE.resolve_options(options))
    result = run_rules(parse_md(text, path), [active], profile=profile)
    return result


def findings(text: str, profile: object = None, **options: object):
    result = check(text, profile, **options)
    assert not result.failures, result.failures
    return result.findings


def profile(name: str, schema: str | None = None) -> SimpleNamespace:
    return SimpleNamespace(name=name, front_matter_schema=schema if schema is not None else name)


GOOD_PRD = """
---
title: Saved carts
status: draft
owners: ["@maria.lopez"]
updated: 2025-11-04
---
# Saved carts
"""


def test_complete_prd_front_matter_passes() -> None:
    assert findings(GOOD_PRD, profile("prd")) == []


def test_a_document_without_front_matter_is_not_checked() -> None:
    assert findings("# Saved carts\n", profile("prd")) == []


def test_status_outside_the_enumeration_points_at_the_value() -> None:
    text = GOOD_PRD.replace("status: draft", "status: drafted")
    result = findings(text, profile("prd"))
    assert spans(result) == [(3, 9)]
    assert "'drafted'" in result[0].message and "draft" in result[0].message and "(prd schema)" in result[0].message


def test_impossible_date_is_reported_at_its_line_not_as_broken_yaml() -> None:
    text = GOOD_PRD.replace("updated: 2025-11-04", "updated: 2025-13-40")
    result = findings(text, profile("prd"))
    assert spans(result) == [(5, 10)]
    assert "not a real date" in result[0].message
    assert result[0].span.end.column == 20


def test_date_must_be_zero_padded_iso() -> None:
    text = GOOD_PRD.replace("updated: 2025-11-04", "updated: 2025-1-5")
    assert spans(findings(text, profile("prd"))) == [(5, 10)]


def test_empty_owner_list_points_at_the_key() -> None:
    text = GOOD_PRD.replace('owners: ["@maria.lopez"]', "owners: []")
    result = findings(text, profile("prd"))
    assert spans(result) == [(4, 1)]
    assert "empty list" in result[0].message


def test_blank_owner_in_a_list_points_at_the_item() -> None:
    text = GOOD_PRD.replace('owners: ["@maria.lopez"]', 'owners:\n  - "@maria.lopez"\n  - ""')
    result = findings(text, profile("prd"))
    assert spans(result) == [(6, 5)]
    assert "owners[1]" in result[0].message


def test_missing_required_keys_point_at_the_front_matter() -> None:
    text = """
    ---
    title: Saved carts
    created: 2026-10-01
    ---
    """
    result = findings(text, profile("prd"))
    assert [finding.span.start.line for finding in result] == [1, 1]
    messages = " ".join(finding.message for finding in result)
    assert "'status'" in messages and "'owner'" in messages


def test_keys_the_schema_does_not_list_are_allowed() -> None:
    text = GOOD_PRD.replace("title: Saved carts", "title: Saved carts\nnav_order: 4\nparent: Specs")
    assert findings(text, profile("prd")) == []


def test_adr_schema_accepts_superseded_by_and_rejects_unknown_status() -> None:
    good = """
    ---
    status: superseded by ADR-0012
    date: 2024-05-02
    decision-makers: [Ana, Tomás]
    ---
    """
    assert findings(good, profile("adr")) == []
    assert spans(findings(good.replace("superseded by ADR-0012", "done"), profile("adr"))) == [(2, 9)]


def test_a_status_in_title_case_is_the_schemas_status() -> None:
    assert findings(GOOD_PRD.replace("status: draft", "status: On Hold"), profile("prd")) == []


def test_a_status_in_title_case_that_is_not_in_the_schema_is_still_reported() -> None:
    assert spans(findings(GOOD_PRD.replace("status: draft", "status: Work In Progress"), profile("prd"))) == [(3, 9)]


def test_no_profile_means_the_default_prd_schema() -> None:
    assert spans(findings(GOOD_PRD.replace("status: draft", "status: wip"))) == [(3, 9)]


def test_schema_option_names_another_schema_or_turns_it_off() -> None:
    adr = """
    ---
    status: accepted
    ---
    """
    assert findings(adr, profile("prd")) != []
    assert findings(adr, profile("prd"), schema="adr") == []
    assert findings(adr, profile("prd"), schema="none") == []


def test_schema_option_accepts_a_path_to_a_json_schema(tmp_path: Path) -> None:
    schema = {"type": "object", "required": ["team"], "properties": {"team": {"type": "string"}}}
    schema_file = tmp_path / "team.schema.json"
    schema_file.write_text(json.dumps(schema))
    result = findings(GOOD_PRD, profile("prd"), schema=str(schema_file))
    assert len(result) == 1
    assert "'team'" in result[0].message and "team.schema.json" in result[0].message


def test_unknown_schema_name_is_a_clear_configuration_error() -> None:
    result = check(GOOD_PRD, profile("prd"), schema="nonexistent")
    assert len(result.failures) == 1
    assert "no built-in front-matter schema 'nonexistent'" in result.failures[0].error


def test_broken_yaml_is_left_to_front_matter_syntax() -> None:
    text = """
    ---
    status draft
    owners: [
    ---
    """
    assert findings(text, profile("prd")) == []


def test_front_matter_that_is_not_a_mapping() -> None:
    text = """
    ---
    - draft
    ---
    """
    result = findings(text, profile("prd"))
    assert spans(result) == [(2, 1)]


@pytest.mark.parametrize("name", ["prd", "spec-kit", "ears", "kep", "rust-rfc", "adr"])
def test_every_built_in_schema_is_a_valid_json_schema(name: str) -> None:
    from jsonschema import Draft202012Validator

    from speclint.reading.metadata import load_schema

    Draft202012Validator.check_schema(load_schema(name))  # a lint run does not check built-in ones


# --- kep.yaml ------------------------------------------------------------------------------------

KEP_YAML = """\
title: Pod readiness gates
kep-number: 580
authors:
  - "@dana"
owning-sig: sig-node
status: implementable
creation-date: 2024-02-10
reviewers:
  - "@lee"
approvers:
  - "@kim"
stage: beta
latest-milestone: "v1.31"
milestone:
  alpha: "v1.30"
  beta: "v1.31"
metrics:
  - readiness_gate_wait_seconds
"""


def lint_kep(tmp_path: Path, kep_yaml: str, readme_name: str = "README.md"):
    folder = tmp_path / "keps" / "sig-node" / "580-readiness-gates"
    folder.mkdir(parents=True)
    (folder / "kep.yaml").write_text(kep_yaml)
    readme = folder / readme_name
    readme.write_text(md("""
    # KEP-580: Pod readiness gates

    ## Summary

    Pods report readiness gates.
    """))
    assert RULE is not None
    rules = [ActiveRule(RULE, RULE.default_level, RULE.default_options())]
    return lint([Source("keps/sig-node/580-readiness-gates/" + readme_name, readme)], rules)


def test_valid_kep_yaml_passes(tmp_path: Path) -> None:
    result = lint_kep(tmp_path, KEP_YAML)
    assert result.findings == [] and not result.failed


def test_kep_yaml_findings_carry_the_kep_yaml_path_and_its_lines(tmp_path: Path) -> None:
    broken = KEP_YAML.replace("status: implementable", "status: proposed").replace("creation-date: 2024-02-10", "creation-date: yyyy-mm-dd")
    result = lint_kep(tmp_path, broken)
    assert [(finding.path, finding.span.start.line, finding.span.start.column) for finding in result.findings] == [
        ("keps/sig-node/580-readiness-gates/kep.yaml", 6, 9),
        ("keps/sig-node/580-readiness-gates/kep.yaml", 7, 16),
    ]
    assert "(kep schema)" in result.findings[0].message


def test_kep_yaml_missing_required_key_and_empty_authors(tmp_path: Path) -> None:
    broken = KEP_YAML.replace('authors:\n  - "@dana"\n', "authors: []\n").replace("owning-sig: sig-node\n", "")
    result = lint_kep(tmp_path, broken)
    messages = [(finding.span.start.line, finding.message) for finding in result.findings]
    assert any(line == 1 and "'owning-sig'" in message for line, message in messages)
    assert any(line == 3 and "empty list" in message for line, message in messages)


def test_broken_kep_yaml_is_reported_in_kep_yaml(tmp_path: Path) -> None:
    result = lint_kep(tmp_path, "title: x\nauthors: [\n")
    assert len(result.findings) == 1
    assert result.findings[0].path.endswith("kep.yaml")
    assert "invalid YAML" in result.findings[0].message


def test_kep_yaml_is_checked_from_the_readme_only(tmp_path: Path) -> None:
    result = lint_kep(tmp_path, KEP_YAML.replace("stage: beta", "stage: gamma"), readme_name="notes.md")
    assert result.findings == []


def test_kep_yaml_check_can_be_turned_off(tmp_path: Path) -> None:
    folder = tmp_path / "kep"
    folder.mkdir()
    (folder / "kep.yaml").write_text("title: x\n")
    (folder / "README.md").write_text("# KEP\n")
    assert RULE is not None
    rules = [ActiveRule(RULE, RULE.default_level, RULE.resolve_options({"kep-yaml": False}))]
    assert lint([Source("kep/README.md", folder / "README.md")], rules).findings == []


def test_standard_input_has_no_sibling_files() -> None:
    assert RULE is not None
    rules = [ActiveRule(RULE, RULE.default_level, RULE.default_options())]
    assert lint([Source("README.md", None, "# KEP\n")], rules).findings == []


def test_cli_prints_kep_yaml_findings_with_the_kep_yaml_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from speclint.cli import cli

    folder = tmp_path / "keps" / "1234-quota"
    folder.mkdir(parents=True)
    (folder / "kep.yaml").write_text(KEP_YAML.replace("stage: beta", "stage: gamma"))
    (folder / "README.md").write_text("# KEP-1234: Quota\n\n## Summary\n\nQuotas per namespace.\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "keps"])
    assert "keps/1234-quota/kep.yaml:12:8: error MD002 'stage' is 'gamma'" in result.output
    assert result.exit_code == 1


def test_site_generator_front_matter_is_not_held_to_the_prd_metadata() -> None:
    text = """
    ---
    layout: page
    nav_order: 3
    title: Saved carts
    ---
    """
    assert findings(text, profile("prd")) == []


def test_kep_yaml_findings_get_their_own_file_report_with_its_text(tmp_path: Path) -> None:
    result = lint_kep(tmp_path, KEP_YAML.replace("stage: beta", "stage: gamma"))
    reports = {report.path: report for report in result.files}
    kep_report = reports["keps/sig-node/580-readiness-gates/kep.yaml"]
    assert [finding.rule_id for finding in kep_report.findings] == ["MD002"]
    assert kep_report.text.splitlines()[11] == "stage: gamma"
    assert reports["keps/sig-node/580-readiness-gates/README.md"].findings == []


def test_full_format_shows_the_kep_yaml_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from speclint.cli import cli

    folder = tmp_path / "keps" / "1234-quota"
    folder.mkdir(parents=True)
    (folder / "kep.yaml").write_text(KEP_YAML.replace("stage: beta", "stage: gamma"))
    (folder / "README.md").write_text("# KEP-1234: Quota\n\n## Summary\n\nQuotas per namespace.\n")
    monkeypatch.chdir(tmp_path)
    output = CliRunner().invoke(cli, ["check", "--format", "full", "keps"]).output
    assert "stage: gamma" in output


def test_unreadable_kep_yaml_is_one_clear_finding(tmp_path: Path) -> None:
    folder = tmp_path / "kep"
    folder.mkdir()
    (folder / "kep.yaml").write_bytes(b"title: \xff\xfe broken\n")
    (folder / "README.md").write_text("# KEP\n")
    assert RULE is not None
    rules = [ActiveRule(RULE, RULE.default_level, RULE.default_options())]
    result = lint([Source("kep/README.md", folder / "README.md")], rules)
    assert [(finding.path, finding.span.start.line) for finding in result.findings] == [("kep/kep.yaml", 1)]
    assert "UTF-8" in result.findings[0].message and not result.failed


def test_a_profile_without_a_schema_is_not_checked() -> None:
    assert findings(GOOD_PRD.replace("status: draft", "status: wip"), profile("go-design", schema="")) == []
    no_schema = SimpleNamespace(name="otep", front_matter_schema=None)
    assert findings(GOOD_PRD.replace("status: draft", "status: wip"), no_schema) == []


@pytest.mark.parametrize("name", ["prd", "spec-kit", "ears", "kep", "rust-rfc", "adr"])
def test_each_built_in_profile_names_its_schema(name: str) -> None:
    from speclint.engine.profiles import load_profile

    assert load_profile(name).front_matter_schema == name


# --- the project's schema from the configuration ----------------------------------------------

PROJECT_SCHEMA = {"type": "object", "required": ["team"], "properties": {"team": {"type": "string"}}}


def test_project_schema_from_the_configuration_replaces_the_profile_schema() -> None:
    assert RULE is not None
    active = ActiveRule(RULE, RULE.default_level, RULE.resolve_options({}))
    settings = {"front-matter-schema": PROJECT_SCHEMA}
    result = run_rules(parse_md(GOOD_PRD), [active], profile=profile("prd"), settings=settings)
    assert len(result.findings) == 1
    assert "team" in result.findings[0].message and "project schema" in result.findings[0].message


def test_schema_option_still_beats_the_project_schema() -> None:
    assert RULE is not None
    active = ActiveRule(RULE, RULE.default_level, RULE.resolve_options({"schema": "prd"}))
    settings = {"front-matter-schema": PROJECT_SCHEMA}
    result = run_rules(parse_md(GOOD_PRD), [active], profile=profile("prd"), settings=settings)
    assert result.findings == []
