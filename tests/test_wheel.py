"""The built wheel carries the built-in rules and finds them through entry points.

Builds the wheel from a copy of the repository, installs it into a fresh virtual environment and
lints a document with the installed `speclint`, from a folder where the source tree is not
importable. Needs a package index for the build backend and the runtime dependencies.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPOSITORY

NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis"
)
BUILT_IN_RULE_MODULES = ["structure/empty_document.py", "metadata/front_matter_syntax.py", "placeholder/unresolved_marker.py"]


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    completed = subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, env=environment, timeout=600
    )
    return completed


def succeed(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    completed = run(*command, cwd=cwd)
    assert completed.returncode == 0, f"{command} failed:\n{completed.stdout}\n{completed.stderr}"
    return completed


def test_installed_wheel_lints_with_its_built_in_rules(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(REPOSITORY, source, ignore=NOT_SOURCE)
    wheels = tmp_path / "wheels"
    succeed(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", wheels, source, cwd=tmp_path)
    [wheel] = wheels.glob("speclint-*.whl")
    shipped = zipfile.ZipFile(wheel).namelist()
    for module in BUILT_IN_RULE_MODULES:
        assert f"speclint/rules/{module}" in shipped
    assert any(name.endswith("entry_points.txt") for name in shipped)

    environment = tmp_path / "venv"
    succeed(sys.executable, "-m", "venv", environment, cwd=tmp_path)
    bin_folder = environment / ("Scripts" if os.name == "nt" else "bin")
    succeed(bin_folder / "python", "-m", "pip", "install", "--quiet", wheel, cwd=tmp_path)

    project = tmp_path / "project"
    project.mkdir()
    (project / "spec.md").write_text("---\ntitle: Refunds\nstatus draft\n---\n# Refunds\n\nLimit: TBD\n")
    (project / "empty.md").write_text("")
    completed = run(bin_folder / "speclint", "check", "--format", "concise", "--select", "PH001,MD001,ST001", ".", cwd=project)
    assert completed.returncode == 1, completed.stderr
    assert completed.stderr == ""
    assert [line.split(" ")[:3] for line in completed.stdout.splitlines()] == [
        ["empty.md:1:1:", "warning", "ST001"],
        ["spec.md:3:1:", "error", "MD001"],
        ["spec.md:7:8:", "error", "PH001"],
    ]
    located = succeed(bin_folder / "python", "-c", "import speclint.rules; print(speclint.rules.__file__)", cwd=project)
    assert Path(located.stdout.strip()).is_relative_to(environment)
