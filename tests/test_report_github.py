"""The `github` format: workflow commands escaped exactly as the Actions toolkit escapes them."""

from __future__ import annotations

from pathlib import Path

import pytest
from reporting import copy_fixtures, run_check, use_rules
from reporting_rules import Crashing, Unresolved

from speclint.document.model import Span
from speclint.engine.rule import Finding, Level
from speclint.reporters import ReportContext
from speclint.reporters.github import annotation, escape_data, escape_property


def finding(message: str, path: str = "docs/spec.md", span: Span = Span.of(3, 5, 3, 8),
            level: Level = Level.WARNING) -> Finding:
    return Finding(path, span, "WD001", "vague-wording", "wording", level, message)


def context(tmp_path: Path) -> ReportContext:
    return ReportContext.for_run([], "0.1.0", tmp_path, environ={})


@pytest.mark.parametrize(
    ("message", "escaped"),
    [
        ("100% of uploads", "100%25 of uploads"),
        ("%0A is not a line break", "%250A is not a line break"),
        ("first line\nsecond line", "first line%0Asecond line"),
        ("windows\r\nline", "windows%0D%0Aline"),
        ("key: value, and more", "key: value, and more"),  # the message keeps ':' and ','
        ("::error::injected", "::error::injected"),  # harmless after the first '::'
    ],
)
def test_message_escapes_percent_cr_and_lf_only(message: str, escaped: str) -> None:
    assert escape_data(message) == escaped


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ("docs/a,b.md", "docs/a%2Cb.md"),
        ("C:/specs/a.md", "C%3A/specs/a.md"),
        ("50%", "50%25"),
        ("two\nlines\r", "two%0Alines%0D"),
        ("a: b, c%", "a%3A b%2C c%25"),
    ],
)
def test_property_also_escapes_colon_and_comma(value: str, escaped: str) -> None:
    assert escape_property(value) == escaped


def test_annotation_has_position_title_and_escaped_message(tmp_path: Path) -> None:
    line = annotation(finding("say 'within 2 s': not 'fast', 100% of the time\nplease"), context(tmp_path))
    assert line == (
        "::warning file=docs/spec.md,line=3,col=5,endLine=3,endColumn=8,title=WD001 vague-wording::"
        "say 'within 2 s': not 'fast', 100%25 of the time%0Aplease"
    )


def test_file_property_with_comma_and_colon_is_escaped(tmp_path: Path) -> None:
    line = annotation(finding("vague", path="docs/q1, q2: plans.md"), context(tmp_path))
    assert line.startswith("::warning file=docs/q1%2C q2%3A plans.md,line=3,")


@pytest.mark.parametrize(("level", "command"), [(Level.ERROR, "error"), (Level.WARNING, "warning"), (Level.INFO, "notice")])
def test_level_chooses_the_command(level: Level, command: str, tmp_path: Path) -> None:
    assert annotation(finding("x", level=level), context(tmp_path)).startswith(f"::{command} ")


def test_span_over_several_lines_sends_no_columns(tmp_path: Path) -> None:
    line = annotation(finding("x", span=Span.of(1, 1, 4, 4)), context(tmp_path))
    assert "col=" not in line and "endColumn=" not in line
    assert "line=1,endLine=4," in line


def test_path_is_relative_to_the_workspace_not_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    copy_fixtures(tmp_path)
    monkeypatch.chdir(tmp_path / "docs")
    run = run_check(["--format", "github", "ops"], env={"GITHUB_WORKSPACE": str(tmp_path)})
    assert "file=docs/ops/runbook.md," in run.stdout


def test_is_the_default_in_github_actions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    copy_fixtures(tmp_path)
    monkeypatch.chdir(tmp_path)
    run = run_check(["docs/ops/runbook.md"], env={"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(tmp_path)})
    assert run.stdout.startswith("::notice file=docs/ops/runbook.md,line=1,")


def test_failures_become_error_annotations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch, Unresolved, Crashing)
    (tmp_path / "legacy.md").write_bytes(b"Caf\xe9\n")
    (tmp_path / "spec.md").write_text("Backoff: TBD\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = run_check(["--format", "github", "."])
    assert run.exit_code == 2
    lines = run.stdout.splitlines()
    assert any(line.startswith("::error file=legacy.md,title=speclint could not read this file::not valid UTF-8")
               for line in lines)
    assert any(line.startswith("::error file=spec.md,title=speclint rule TS999 failed::") for line in lines)
