"""What README.md tells users to paste matches the files that are shipped and tested."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import REPOSITORY


README = (REPOSITORY / "README.md").read_text(encoding="utf-8")


def _load_yaml(text: str) -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(text)


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def _yaml_blocks(text: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", text, flags=re.S)


def _pre_commit(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", *arguments], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_the_hook_manifest_is_valid_for_pre_commit() -> None:
    completed = _pre_commit("validate-manifest", ".pre-commit-hooks.yaml", cwd=REPOSITORY)

    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_the_hook_runs_speclint_serially_on_markdown() -> None:
    [hook] = _load_yaml((REPOSITORY / ".pre-commit-hooks.yaml").read_text())

    # --summary: the output ends with counts by level and how to see warnings on a passing commit
    assert (hook["id"], hook["language"], hook["entry"]) == ("speclint", "python", "speclint check --summary")
    assert hook["types"] == ["markdown"] and hook["require_serial"] is True


def test_the_readme_pre_commit_snippet_is_a_valid_config_for_this_release(tmp_path: Path) -> None:
    snippet = _yaml_blocks(_section("As a pre-commit hook"))[0]
    (tmp_path / ".pre-commit-config.yaml").write_text(snippet)
    [hook] = _load_yaml((REPOSITORY / ".pre-commit-hooks.yaml").read_text())

    completed = _pre_commit("validate-config", ".pre-commit-config.yaml", cwd=tmp_path)

    assert completed.returncode == 0, completed.stdout + completed.stderr
    [repository] = _load_yaml(snippet)["repos"]
    # No release is tagged yet: `main` is the rev that exists (test_pre_commit_hook.py installs it).
    assert repository["rev"] == "main"
    assert [entry["id"] for entry in repository["hooks"]] == [hook["id"]]


def _run_lines(value: Any) -> list[str]:
    """Every shell command in a YAML document: `run:` values and `script:` items."""
    if isinstance(value, dict):
        found = []
        for key, item in value.items():
            if key == "run" and isinstance(item, str):
                found.append(item.strip())
            elif key == "script" and isinstance(item, list):
                found.extend(str(line).strip() for line in item)
            else:
                found.extend(_run_lines(item))
        return found
    if isinstance(value, list):
        return [line for item in value for line in _run_lines(item)]
    return []


def test_every_command_in_the_readme_ci_section_is_in_a_shipped_ci_file() -> None:
    shipped = set()
    for path in (REPOSITORY / "docs" / "ci").glob("*.yml"):
        shipped.update(_run_lines(_load_yaml(path.read_text())))
    documented = [line for block in _yaml_blocks(_section("In CI")) for line in _run_lines(_load_yaml(block))]

    assert documented
    assert [line for line in documented if line not in shipped] == []


def test_the_readme_gitlab_job_is_the_shipped_one() -> None:
    blocks = [_load_yaml(block) for block in _yaml_blocks(_section("In CI"))]
    [readme_job] = [block for block in blocks if isinstance(block, dict) and "speclint" in block]

    assert readme_job == _load_yaml((REPOSITORY / "docs" / "ci" / "gitlab-ci.yml").read_text())


def test_the_readme_github_steps_are_the_shipped_ones() -> None:
    jobs = _load_yaml((REPOSITORY / "docs" / "ci" / "github-actions.yml").read_text())["jobs"]
    shipped_steps = [step for job in jobs.values() for step in job["steps"]]
    documents = [_load_yaml(block) for block in _yaml_blocks(_section("In CI"))]
    readme_steps = [step for document in documents if isinstance(document, list) for step in document]

    assert readme_steps and all(step in shipped_steps for step in readme_steps)
