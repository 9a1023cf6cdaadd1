"""The CI recipes in docs/ci/ run as written.

The tests read each shipped YAML file, take the shell commands out of it exactly as the CI system
would, and run them (all but the `pip install` step: speclint is already installed here) in a
small specification repository. A documented flag that does not exist, a report file that is not
written, or a report in the wrong format fails them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPOSITORY, md

CI_DOCS = REPOSITORY / "docs" / "ci"
BIN = Path(sys.executable).parent




def _load_yaml(path: Path) -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _is_install(command: str) -> bool:
    return "pip install" in command


@pytest.fixture
def spec_repository(tmp_path: Path) -> Path:
    """A repository with one spec that has an error-level finding and one that is clean."""
    root = tmp_path / "product-specs"
    (root / "specs").mkdir(parents=True)
    (root / "specs" / "bulk-refunds.md").write_text(
        md(
            """
            # Bulk refunds

            ## Requirements

            - Support agents can refund up to 500 orders at once.
            - Refunds above the daily limit need approval from TBD.
            """
        ),
        encoding="utf-8",
    )
    (root / "specs" / "order-notes.md").write_text(
        "# Order notes\n\nAgents can add a note of up to 2,000 characters to an order.\n", encoding="utf-8"
    )
    return root


def _run(command: str, cwd: Path, extra_environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("GITHUB_", "GITLAB_", "CI"))
    }
    environment.update(extra_environment)
    environment["PATH"] = os.pathsep.join([str(BIN), environment.get("PATH", "")])
    return subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", command],
        cwd=cwd, env=environment, capture_output=True, text=True, timeout=120,
    )


# --- GitHub Actions ---------------------------------------------------------------------------


def _github_workflow() -> dict[str, Any]:
    return _load_yaml(CI_DOCS / "github-actions.yml")


def _steps_running_speclint(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step and not _is_install(step["run"])]


def test_the_github_workflow_uploads_the_sarif_file_speclint_writes() -> None:
    job = _github_workflow()["jobs"]["code-scanning"]
    [lint_command] = _steps_running_speclint(job)
    [upload] = [step for step in job["steps"] if str(step.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]

    arguments = lint_command.split()
    assert arguments[arguments.index("--format") + 1] == "sarif"
    assert arguments[arguments.index("--output-file") + 1] == upload["with"]["sarif_file"]
    assert job["permissions"]["security-events"] == "write"
    # speclint exits 1 on an error-level finding; the report must be uploaded all the same
    assert "!cancelled()" in upload["if"] or "always()" in upload["if"]


def test_the_github_code_scanning_job_writes_valid_sarif_with_the_finding(spec_repository: Path) -> None:
    job = _github_workflow()["jobs"]["code-scanning"]
    [lint_command] = _steps_running_speclint(job)
    [upload] = [step for step in job["steps"] if "upload-sarif" in str(step.get("uses", ""))]

    completed = _run(lint_command, spec_repository, {"GITHUB_ACTIONS": "true", "CI": "true"})

    assert completed.returncode == 1, completed.stderr  # an error-level finding: the check fails
    sarif = json.loads((spec_repository / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    [result] = [result for result in sarif["runs"][0]["results"] if result["level"] == "error"]
    assert result["ruleId"] == "PH001"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "specs/bulk-refunds.md"
    assert (location["region"]["startLine"], location["region"]["startColumn"]) == (6, 52)


def test_the_github_annotations_job_prints_workflow_commands(spec_repository: Path) -> None:
    [lint_command] = _steps_running_speclint(_github_workflow()["jobs"]["annotations"])

    completed = _run(lint_command, spec_repository, {"GITHUB_ACTIONS": "true", "CI": "true"})

    assert completed.returncode == 1, completed.stderr
    [annotation] = [line for line in completed.stdout.splitlines() if line.startswith("::error")]
    assert annotation.startswith("::error file=specs/bulk-refunds.md,line=6,")
    assert ",col=52," in annotation
    assert "unresolved marker 'TBD'" in annotation


# --- GitLab CI --------------------------------------------------------------------------------


def _gitlab_job() -> dict[str, Any]:
    return _load_yaml(CI_DOCS / "gitlab-ci.yml")["speclint"]


def _run_gitlab_script(job: dict[str, Any], cwd: Path) -> tuple[int, list[subprocess.CompletedProcess[str]]]:
    """Run the job's script lines as a GitLab runner does: in order, stopping at the first failure."""
    outcomes = []
    for command in job["script"]:
        if _is_install(command):
            continue
        completed = _run(command, cwd, {"GITLAB_CI": "true", "CI": "true"})
        outcomes.append(completed)
        if completed.returncode != 0:
            return completed.returncode, outcomes
    return 0, outcomes


def test_the_gitlab_job_writes_the_code_quality_report_it_declares_and_fails_on_errors(spec_repository: Path) -> None:
    job = _gitlab_job()
    report_name = job["artifacts"]["reports"]["codequality"]

    status, outcomes = _run_gitlab_script(job, spec_repository)

    assert status == 1, [outcome.stderr for outcome in outcomes]
    assert len(outcomes) == 2  # the report step never fails the job; the log step does
    assert job["artifacts"]["when"] == "always"
    report = json.loads((spec_repository / report_name).read_text(encoding="utf-8"))
    [issue] = [issue for issue in report if issue["severity"] == "major"]  # the error-level finding
    assert issue["check_name"] == "PH001"
    assert issue["location"]["path"] == "specs/bulk-refunds.md"
    assert issue["location"]["positions"]["begin"] == {"line": 6, "column": 52}
    assert any(line.startswith("specs/bulk-refunds.md:6:52: error PH001 ") for line in outcomes[-1].stdout.splitlines())


def test_the_gitlab_job_passes_on_clean_specifications(spec_repository: Path) -> None:
    (spec_repository / "specs" / "bulk-refunds.md").unlink()

    status, outcomes = _run_gitlab_script(_gitlab_job(), spec_repository)

    assert status == 0, [outcome.stderr for outcome in outcomes]
    report = json.loads((spec_repository / _gitlab_job()["artifacts"]["reports"]["codequality"]).read_text())
    assert [issue for issue in report if issue["severity"] in ("major", "critical", "blocker")] == []


# --- a pull request cannot make the recipes run its code (issue 17) -------------------------------------


def test_a_pull_request_adding_a_nested_python_plugin_runs_no_code_in_the_github_recipe(
        spec_repository: Path, tmp_path: Path) -> None:
    marker = tmp_path / "plugin-was-imported"
    (spec_repository / ".git").mkdir()
    (spec_repository / "specs" / ".speclint.yaml").write_text("plugins: [evil.py]\n", encoding="utf-8")
    (spec_repository / "specs" / "evil.py").write_text(
        f"from pathlib import Path\nPath({str(marker)!r}).write_text('imported')\n", encoding="utf-8")
    [lint_command] = _steps_running_speclint(_github_workflow()["jobs"]["annotations"])

    completed = _run(lint_command, spec_repository, {"GITHUB_ACTIONS": "true", "CI": "true"})

    assert completed.returncode == 2
    assert "never from a nested configuration" in completed.stderr
    assert not marker.exists()
