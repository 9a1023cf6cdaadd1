"""A baseline hides the findings a repository already had, and survives edits elsewhere in the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import md, run_speclint, write

SPEC = """
# Checkout redesign

## Retries

Failed payments are retried. Backoff: TBD.

## Owners

- Owner: TBD
- Owner: TBD
"""

pytestmark = pytest.mark.usefixtures("core_rules")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "docs/checkout.md", SPEC)
    return tmp_path


def test_write_baseline_records_every_finding_and_exits_0(repo: Path) -> None:
    code, out, err = run_speclint("check", "docs", "--write-baseline", "speclint-baseline.json", cwd=repo)
    assert (code, out) == (0, "")
    assert err == "speclint: recorded 3 findings in speclint-baseline.json\n"
    data = json.loads((repo / "speclint-baseline.json").read_text())
    assert data == {
        "version": 1,
        "tool": "speclint",
        "findings": [
            {"rule": "PH001", "path": "docs/checkout.md", "line": "- Owner: TBD", "count": 2},
            {"rule": "PH001", "path": "docs/checkout.md", "line": "Failed payments are retried. Backoff: TBD.", "count": 1},
        ],
    }


def test_baseline_hides_recorded_findings(repo: Path) -> None:
    run_speclint("check", "docs", "--write-baseline", "baseline.json", cwd=repo)
    assert run_speclint("check", "docs", "--baseline", "baseline.json", cwd=repo) == (0, "", "")


def test_baseline_survives_inserted_lines_and_reports_only_new_findings(repo: Path) -> None:
    run_speclint("check", "docs", "--write-baseline", "baseline.json", cwd=repo)
    edited = md(SPEC).replace("## Retries\n", "## Context\n\nCheckout fails for 2% of users.\nRollout date: TBD.\n\n## Retries\n")
    (repo / "docs/checkout.md").write_text(edited)
    code, out, _ = run_speclint("check", "docs", "--baseline", "baseline.json", cwd=repo)
    assert (code, out) == (1, "docs/checkout.md:6:15: error PH001 unresolved marker 'TBD': decide, or list it as an open question\n")


def test_baseline_counts_identical_lines(repo: Path) -> None:
    run_speclint("check", "docs", "--write-baseline", "baseline.json", cwd=repo)
    (repo / "docs/checkout.md").write_text(md(SPEC) + "- Owner: TBD\n")
    code, out, _ = run_speclint("check", "docs", "--baseline", "baseline.json", cwd=repo)
    assert out.splitlines() == ["docs/checkout.md:11:10: error PH001 unresolved marker 'TBD': decide, or list it as an open question"]


def test_editing_the_offending_line_makes_its_finding_new(repo: Path) -> None:
    run_speclint("check", "docs", "--write-baseline", "baseline.json", cwd=repo)
    (repo / "docs/checkout.md").write_text(md(SPEC).replace("Backoff: TBD.", "Backoff and jitter: TBD."))
    code, out, _ = run_speclint("check", "docs", "--baseline", "baseline.json", cwd=repo)
    assert [line.split(":")[1] for line in out.splitlines()] == ["5"]


def test_baseline_works_from_another_working_directory(repo: Path) -> None:
    run_speclint("check", "docs", "--write-baseline", "baseline.json", cwd=repo)
    assert run_speclint("check", ".", "--baseline", "../baseline.json", cwd=repo / "docs") == (0, "", "")


def test_baseline_matches_the_rule(repo: Path) -> None:
    (repo / "baseline.json").write_text(json.dumps({"version": 1, "findings": [
        {"rule": "ST001", "path": "docs/checkout.md", "line": "Failed payments are retried. Backoff: TBD.", "count": 1},
    ]}))
    code, out, _ = run_speclint("check", "docs", "--baseline", "baseline.json", cwd=repo)
    assert len(out.splitlines()) == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline.json: no such baseline file (create it with --write-baseline)"),
        ("{broken", "baseline.json:1:2: not valid JSON: Expecting property name enclosed in double quotes"),
        ('{"version": 7, "findings": []}', "baseline.json: not a speclint baseline (version 1, with a 'findings' list)"),
        ('{"version": 1, "findings": [{"rule": "PH001"}]}', "baseline.json: entry 1 needs 'rule', 'path' and 'line'"),
    ],
)
def test_bad_baseline_file(repo: Path, content: str | None, message: str) -> None:
    if content is not None:
        (repo / "baseline.json").write_text(content)
    code, out, err = run_speclint("check", "docs", "--baseline", "baseline.json", cwd=repo)
    assert (code, out, err) == (2, "", f"speclint: error: {message}\n")


def test_baseline_and_write_baseline_exclude_each_other(repo: Path) -> None:
    code, _, err = run_speclint("check", "docs", "--baseline", "a.json", "--write-baseline", "b.json", cwd=repo)
    assert code == 2 and "exclude each other" in err


def test_baseline_on_a_run_large_enough_for_worker_processes(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    for number in range(70):
        write(tmp_path, f"docs/spec-{number:02}.md", f"# Spec {number}\n\nOwner: TBD.\n")
    assert run_speclint("check", "docs", "--write-baseline", "b.json", cwd=tmp_path)[0] == 0
    (tmp_path / "docs/spec-07.md").write_text("# Spec 7\n\nIntro.\n\nOwner: TBD.\nRollout: TBD.\n")
    code, out, _ = run_speclint("check", "docs", "--baseline", "b.json", cwd=tmp_path)
    assert out == "docs/spec-07.md:6:10: error PH001 unresolved marker 'TBD': decide, or list it as an open question\n"
