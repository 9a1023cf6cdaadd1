"""`speclint check` options for reporting: exit codes (--fail-on, --exit-zero), the default
format, --output-file, --statistics, --select and --ignore."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reporting import copy_fixtures, run_check, use_rules
from reporting_rules import REPORTING_RULES, Crashing

from speclint.cli.check import default_format, exit_code
from speclint.engine.runner import ReadFailure, RunResult

# docs/checkout.md has one finding of each rule: TS001 (warning), TS002 (info), TS003 (error).
ONLY = {"error": "TS003", "warning": "TS001", "info": "TS002"}


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    use_rules(monkeypatch)
    copy_fixtures(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("finding_level", "fail_on", "expected"),
    [
        ("error", "error", 1), ("error", "warning", 1), ("error", "info", 1),
        ("warning", "error", 0), ("warning", "warning", 1), ("warning", "info", 1),
        ("info", "error", 0), ("info", "warning", 0), ("info", "info", 1),
    ],
)
def test_fail_on_sets_the_lowest_failing_level(workspace: Path, finding_level: str, fail_on: str, expected: int) -> None:
    run = run_check(["--select", ONLY[finding_level], "--fail-on", fail_on, "docs/checkout.md"])
    assert run.exit_code == expected, run.stdout + run.stderr


def test_fail_on_defaults_to_error(workspace: Path) -> None:
    assert run_check(["--select", "TS001", "docs/checkout.md"]).exit_code == 0
    assert run_check(["--select", "TS003", "docs/checkout.md"]).exit_code == 1


@pytest.mark.parametrize("fail_on", ["error", "warning", "info"])
def test_no_findings_exit_zero_at_every_level(workspace: Path, fail_on: str) -> None:
    assert run_check(["--fail-on", fail_on, "docs/notes.md"]).exit_code == 0


def test_exit_zero_exits_0_with_error_findings(workspace: Path) -> None:
    run = run_check(["--exit-zero", "--fail-on", "info", "docs"])
    assert run.exit_code == 0
    assert "error TS003" in run.stdout  # findings are still reported


def test_exit_zero_still_exits_2_when_speclint_failed(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch, *REPORTING_RULES, Crashing)
    run = run_check(["--exit-zero", "docs/notes.md"])
    assert run.exit_code == 2
    assert "rule TS999 (crashing-rule) failed on docs/notes.md: RuntimeError: boom" in run.stderr


def test_unreadable_file_exits_2_and_the_others_are_still_reported(workspace: Path) -> None:
    (workspace / "docs" / "scan.md").write_bytes(b"\0\0binary")
    run = run_check(["docs"])
    assert run.exit_code == 2
    assert "docs/scan.md: binary file" in run.stderr
    assert "docs/ops/runbook.md:7:36: error TS003" in run.stdout


def test_exit_code_function_ranks_failure_above_findings() -> None:
    failed = RunResult(read_failures=[ReadFailure("a.md", "binary")])
    assert exit_code(failed, "error", exit_zero=True) == 2
    assert exit_code(RunResult(), "info", exit_zero=False) == 0
    assert exit_code(RunResult(), "error", exit_zero=False, load_failed=True) == 2


@pytest.mark.parametrize(
    ("environ", "terminal", "output_file", "expected"),
    [
        ({}, False, None, "concise"),
        ({}, True, None, "full"),
        ({"GITHUB_ACTIONS": "true"}, False, None, "github"),
        ({"GITHUB_ACTIONS": "true"}, True, None, "github"),
        ({"GITHUB_ACTIONS": "false"}, True, None, "full"),
        ({}, True, Path("report.txt"), "concise"),  # a file is not a terminal
        ({"GITHUB_ACTIONS": "true"}, False, Path("report.txt"), "concise"),  # annotations only work on stdout
    ],
)
def test_default_format(environ: dict[str, str], terminal: bool, output_file: Path | None, expected: str) -> None:
    assert default_format(environ, terminal, output_file) == expected


def test_output_file_receives_the_report_and_stdout_stays_empty(workspace: Path) -> None:
    run = run_check(["--format", "sarif", "--output-file", "speclint.sarif", "docs"])
    assert run.exit_code == 1
    assert run.stdout == ""
    log = json.loads((workspace / "speclint.sarif").read_text(encoding="utf-8"))
    assert len(log["runs"][0]["results"]) == 6


def test_output_file_in_a_missing_folder_is_a_clear_error(workspace: Path) -> None:
    run = run_check(["--output-file", "reports/missing/out.txt", "docs"])
    assert run.exit_code == 2
    assert "speclint: error: cannot write reports/missing/out.txt: No such file or directory" in run.stderr


def test_statistics_count_findings_per_rule(workspace: Path) -> None:
    run = run_check(["--statistics", "docs"])
    assert run.stdout.endswith(
        "2  TS001  vague-time       warning\n"
        "2  TS002  missing-owner    info\n"
        "2  TS003  test-unresolved  error\n"
        "Found 6 findings from 3 rules.\n"
    )


def test_statistics_go_to_stderr_when_stdout_is_machine_readable(workspace: Path) -> None:
    run = run_check(["--statistics", "--format", "json", "docs"])
    json.loads(run.stdout)  # still one JSON document
    assert "Found 6 findings from 3 rules." in run.stderr


def test_statistics_go_to_stdout_when_the_report_goes_to_a_file(workspace: Path) -> None:
    run = run_check(["--statistics", "--format", "json", "-o", "report.json", "docs"])
    assert "Found 6 findings from 3 rules." in run.stdout


def test_statistics_without_findings(workspace: Path) -> None:
    assert run_check(["--statistics", "docs/notes.md"]).stdout == "No findings.\n"


# --- select and ignore ------------------------------------------------------------------------


def rule_ids(run_stdout: str) -> set[str]:
    return {line.split()[2] for line in run_stdout.splitlines() if line.count(":") >= 3}


@pytest.mark.parametrize("selector", ["TS001", "vague-time", "soon", "wording", "ts001", " TS001 "])
def test_select_by_id_name_alias_or_category(workspace: Path, selector: str) -> None:
    assert rule_ids(run_check(["--select", selector, "docs"]).stdout) == {"TS001"}


def test_select_accepts_commas_and_repetition(workspace: Path) -> None:
    run = run_check(["--select", "TS001,metadata", "--select", "test-unresolved", "docs"])
    assert rule_ids(run.stdout) == {"TS001", "TS002", "TS003"}


def test_ignore_removes_rules(workspace: Path) -> None:
    assert rule_ids(run_check(["--ignore", "placeholder,TS002", "docs"]).stdout) == {"TS001"}


def test_ignore_applies_after_select(workspace: Path) -> None:
    assert rule_ids(run_check(["--select", "TS001,TS003", "--ignore", "TS003", "docs"]).stdout) == {"TS001"}


def test_category_with_no_rules_is_allowed_and_selects_nothing(workspace: Path) -> None:
    run = run_check(["--select", "risk", "docs"])
    assert run.exit_code == 0 and run.stdout == ""


def test_unknown_selector_exits_2_and_says_what_is_allowed(workspace: Path) -> None:
    run = run_check(["--select", "TS01", "docs"])
    assert run.exit_code == 2
    assert run.stdout == ""
    message = run.stderr
    assert "--select: 'TS01' is not a rule or a category." in message
    assert "Did you mean 'TS001'" in message
    assert "structure, placeholder, acceptance-criteria" in message
    assert "speclint rules" in message


def test_unknown_ignore_selector_is_an_error_too(workspace: Path) -> None:
    run = run_check(["--ignore", "wordings", "docs"])
    assert run.exit_code == 2
    assert "--ignore: 'wordings' is not a rule or a category. Did you mean 'wording'?" in run.stderr


def test_only_selected_rules_are_listed_as_run_in_sarif(workspace: Path) -> None:
    log = json.loads(run_check(["--format", "sarif", "--select", "TS003", "docs"]).stdout)
    assert [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]] == ["TS003"]


def test_cli_offers_exactly_the_registered_formats() -> None:
    from speclint.cli.app import FORMAT_NAMES
    from speclint.reporters import FORMATS

    assert tuple(FORMATS) == FORMAT_NAMES


def test_a_rule_that_failed_to_load_is_reported_in_every_machine_format(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import speclint.engine.registry

    broken = "entry point 'acme = acme_rules:Rules' failed to load: ImportError: no module named acme_rules"
    speclint.engine.registry._registry.load_errors.append(broken)  # type: ignore[union-attr]
    json_run = run_check(["--format", "json", "docs/notes.md"])
    assert json_run.exit_code == 2
    document = json.loads(json_run.stdout)
    assert document["errors"] == [{"type": "load-error", "path": None, "message": broken}]
    assert document["summary"]["execution_successful"] is False
    log = json.loads(run_check(["--format", "sarif", "docs/notes.md"]).stdout)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolConfigurationNotifications"][0]["message"]["text"] == broken
    github = run_check(["--format", "github", "docs/notes.md"]).stdout
    assert "::error title=speclint could not load a rule::entry point 'acme = acme_rules:Rules' failed" in github


@pytest.mark.parametrize("output_format", ["concise", "full", "json", "sarif", "github"])
def test_every_format_writes_without_a_context(output_format: str) -> None:
    import io

    from reporting_rules import Unresolved, active

    from speclint.engine.runner import Source, lint
    from speclint.reporters import write_report

    out = io.StringIO()
    write_report(output_format, lint([Source("spec.md", None, "Owner: TBD\n")], active(Unresolved)), out)
    assert "TBD" in out.getvalue()
