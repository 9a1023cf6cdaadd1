"""`--format gitlab`: a GitLab Code Quality report (the `artifacts:reports:codequality` JSON)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import md

from speclint.cli import cli

# The fields GitLab reads from a Code Quality report, as its documentation lists them: every issue
# has a description, a check name, a fingerprint, a severity and a location with a path and a
# begin line (given either as `lines.begin` or `positions.begin.line`).
CODE_QUALITY_SCHEMA: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {"type": "object", "required": ["begin"], "properties": {"begin": {"type": "integer", "minimum": 1}}},
                    "positions": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {
                            "begin": {
                                "type": "object",
                                "required": ["line"],
                                "properties": {"line": {"type": "integer", "minimum": 1}, "column": {"type": "integer", "minimum": 1}},
                            }
                        },
                    },
                },
                "oneOf": [{"required": ["lines"]}, {"required": ["positions"]}],
            },
        },
    },
}

SPEC = md(
    """
    # Partner API keys

    Partners rotate keys every 90 days; the grace period is TBD.

    ## Approvals

    - A new partner is approved by: TBD
    """
)


def gitlab_report(text: str, name: str = "specs/partner-keys.md", rules: str = "PH001") -> list[dict[str, Any]]:
    """The report for `text`, with only `rules` running (the format is under test, not the rules)."""
    result = CliRunner().invoke(
        cli, ["check", "--format", "gitlab", "--select", rules, "--stdin-filename", name, "-"], input=text
    )
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_the_report_has_every_field_gitlab_reads() -> None:
    report = gitlab_report(SPEC)

    jsonschema.validate(report, CODE_QUALITY_SCHEMA)
    assert len(report) == 2


def test_each_issue_points_at_the_finding() -> None:
    first = gitlab_report(SPEC)[0]

    assert first["check_name"] == "PH001"
    assert first["description"].startswith("PH001 unresolved-marker: unresolved marker 'TBD'")
    assert first["location"] == {
        "path": "specs/partner-keys.md",
        "positions": {"begin": {"line": 3, "column": 57}, "end": {"line": 3, "column": 60}},
    }


def test_error_findings_are_major_in_gitlab() -> None:
    assert {issue["severity"] for issue in gitlab_report(SPEC)} == {"major"}


def test_warnings_are_minor_in_gitlab() -> None:
    [issue] = gitlab_report("", rules="empty-document")

    assert (issue["check_name"], issue["severity"]) == ("ST001", "minor")


def test_identical_findings_get_different_fingerprints() -> None:
    report = gitlab_report("# Limits\n\nTBD\n\nTBD\n")

    assert len({issue["fingerprint"] for issue in report}) == 2


def test_fingerprints_survive_lines_inserted_above_the_finding() -> None:
    edited = SPEC.replace("# Partner API keys\n", "# Partner API keys\n\nOwner: platform team.\n")

    before = [issue["fingerprint"] for issue in gitlab_report(SPEC)]
    after = [issue["fingerprint"] for issue in gitlab_report(edited)]

    assert before == after


def test_a_clean_run_writes_an_empty_list() -> None:
    assert gitlab_report("# Partner API keys\n\nPartners rotate keys every 90 days.\n") == []


def test_paths_are_relative_to_the_repository_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()  # the top of a work tree, which GitLab resolves paths against
    (tmp_path / "docs" / "specs").mkdir(parents=True)
    (tmp_path / "docs" / "specs" / "partner-keys.md").write_text(SPEC, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "docs")

    result = CliRunner().invoke(cli, ["check", "--format", "gitlab", "--select", "PH001", "specs"])

    assert {issue["location"]["path"] for issue in json.loads(result.stdout)} == {"docs/specs/partner-keys.md"}


def test_a_file_that_cannot_be_read_is_a_blocker_issue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "diagram.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    monkeypatch.chdir(tmp_path)

    result = CliRunner().invoke(cli, ["check", "--format", "gitlab", "diagram.md"])

    [issue] = json.loads(result.stdout)
    jsonschema.validate([issue], CODE_QUALITY_SCHEMA)
    assert result.exit_code == 2
    assert issue["severity"] == "blocker" and issue["check_name"] == "speclint-read-error"
    assert issue["location"] == {"path": "diagram.md", "lines": {"begin": 1}}
