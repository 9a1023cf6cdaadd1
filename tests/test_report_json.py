"""The JSON format: a stable object, valid against schemas/output.schema.json."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import REPOSITORY
from reporting import copy_fixtures, run_check, use_rules
from reporting_rules import REPORTING_RULES, Crashing, MissingOwner, Unresolved

from speclint.engine.rule import Category

SCHEMA = json.loads((REPOSITORY / "schemas" / "output.schema.json").read_text(encoding="utf-8"))


def validate(document: object) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(document)


def json_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, dict]:
    copy_fixtures(tmp_path)
    monkeypatch.chdir(tmp_path)
    run = run_check(["--format", "json", *args])
    return run.exit_code, json.loads(run.stdout)


def test_output_is_valid_against_the_published_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    _, document = json_run(tmp_path, monkeypatch, "docs")
    validate(document)
    assert document["summary"]["findings"] == len(document["findings"]) == 6


def test_finding_carries_rule_identity_level_and_exact_span(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    _, document = json_run(tmp_path, monkeypatch, "docs/ops/runbook.md")
    assert document["findings"][-1] == {
        "rule_id": "TS003",
        "rule_name": "test-unresolved",
        "category": "placeholder",
        "level": "error",
        "message": "unresolved 'TBD': decide, or list it as an open question",
        "path": "docs/ops/runbook.md",
        "start": {"line": 7, "column": 36},
        "end": {"line": 7, "column": 39},
        "fix": None,
    }


def test_each_file_is_listed_with_its_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    _, document = json_run(tmp_path, monkeypatch, "docs")
    assert [(f["path"], f["profile"], f["findings"]) for f in document["files"]] == [
        ("docs/checkout.md", "prd", 4), ("docs/notes.md", "prd", 0), ("docs/ops/runbook.md", "prd", 2),
    ]


def test_a_profile_recorded_by_the_runner_is_reported_by_name() -> None:
    from speclint.engine.runner import FileReport, RunResult
    from speclint.reporters import ReportContext
    from speclint.reporters.json_report import report_object

    class Profile:
        name = "spec-kit"

    result = RunResult(files=[FileReport("a.md", [], profile="prd"), FileReport("b.md", [], profile=Profile())])  # type: ignore[arg-type]
    context = ReportContext.for_run([], "0.1.0", Path.cwd(), environ={})
    document = report_object(result, context)
    validate(document)
    assert [f["profile"] for f in document["files"]] == ["prd", "spec-kit"]


def test_read_and_rule_failures_are_listed_as_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch, MissingOwner, Crashing)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "legacy.md").write_bytes("Caf\xe9 menu\n".encode("latin-1"))
    exit_code, document = json_run(tmp_path, monkeypatch, "docs")
    validate(document)
    assert exit_code == 2
    assert document["summary"]["execution_successful"] is False
    kinds = {(error["type"], error["path"]) for error in document["errors"]}
    assert ("read-error", "docs/legacy.md") in kinds
    assert ("rule-error", "docs/checkout.md") in kinds
    rule_error = next(error for error in document["errors"] if error["type"] == "rule-error")
    assert rule_error["rule_id"] == "TS999" and "boom" in rule_error["message"]


def test_rules_that_ran_are_listed_with_their_level(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    _, document = json_run(tmp_path, monkeypatch, "--select", "TS003", "docs")
    assert document["rules"] == [
        {"id": "TS003", "name": "test-unresolved", "category": "placeholder", "level": "error"}
    ]


def test_schema_categories_are_the_public_categories() -> None:
    assert SCHEMA["$defs"]["category"]["enum"] == [category.value for category in Category]


def test_json_output_is_shipped_with_the_package() -> None:
    from importlib.resources import files

    assert json.loads(files("speclint.schemas").joinpath("output.schema.json").read_text()) == SCHEMA


def test_non_ascii_text_is_kept_readable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch, Unresolved)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "liste.md").write_text("Résumé des étapes : TBD\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = run_check(["--format", "json", "docs/liste.md"])
    assert json.loads(run.stdout)["findings"][0]["start"] == {"line": 1, "column": 21}
    assert "\\u" not in run.stdout


def test_all_reporting_rules_are_valid_rules() -> None:
    from speclint.engine.rule import rule_definition_errors

    assert [rule_definition_errors(rule) for rule in REPORTING_RULES] == [[], [], []]


def test_documented_example_is_valid_against_the_schema() -> None:
    import re

    text = (REPOSITORY / "docs" / "output.md").read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)\n```", text, re.S)
    assert example is not None
    validate(json.loads(example.group(1)))


def test_non_ascii_is_escaped_for_a_console_that_cannot_encode_it() -> None:
    import io

    from reporting_rules import VagueTime, active

    from speclint.engine.runner import Source, lint
    from speclint.reporters import write_report

    result = lint([Source("日本/launch.md", None, "We launch soon.\n")], active(VagueTime))
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="cp1252")
    write_report("json", result, out)
    out.flush()
    text = raw.getvalue().decode("cp1252")
    assert "\\u65e5\\u672c/launch.md" in text
    assert json.loads(text)["findings"][0]["path"] == "日本/launch.md"


def test_a_fixable_finding_carries_its_fix_as_edits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    _, document = json_run(tmp_path, monkeypatch, "docs/ops/runbook.md")
    validate(document)
    assert document["findings"][0]["fix"] == {
        "description": "Add front matter with an owner",
        "edits": [{"start": {"line": 1, "column": 1}, "end": {"line": 1, "column": 1}, "new_text": "---\nowner: TBD\n---\n"}],
    }
