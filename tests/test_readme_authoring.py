"""The README's `new`, `outline`, `--diff` and `--fix` examples are the tool's real output: each
`$ command` in its "Writing a spec" section is run on the spec it shows and prints what it shows."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import REPOSITORY, run_speclint

SECTION = "## Writing a spec, and fixing what speclint finds"


def _section() -> str:
    """The section's text, up to the next `## ` heading outside a code block."""
    lines = (REPOSITORY / "README.md").read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(SECTION + "\n")
    in_code = False
    for end in range(start + 1, len(lines)):
        if lines[end].startswith("```"):
            in_code = not in_code
        elif not in_code and lines[end].startswith("## "):
            break
    return "".join(lines[start:end])


def _console_blocks() -> list[tuple[str, str]]:
    """(command, output) for each `$ speclint ...` line of the section's console blocks."""
    found = []
    for block in re.findall(r"```console\n(.*?)```", _section(), re.S):
        parts = re.split(r"^\$ (.+)\n", block, flags=re.M)
        found += list(zip(parts[1::2], parts[2::2]))
    return found


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "config", "user.name", "Maria Lopez"], cwd=tmp_path, check=True)
    subprocess.run(["git", "config", "user.email", "maria@example.com"], cwd=tmp_path, check=True)
    [spec] = re.findall(r"```markdown\n(.*?)```", _section(), re.S)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "checkout.md").write_text(spec, encoding="utf-8")
    return tmp_path


def test_each_command_of_the_section_prints_what_the_readme_shows(demo: Path) -> None:
    blocks = _console_blocks()
    assert [command.split()[1] for command, _ in blocks if command.startswith("speclint")] == [
        "new", "outline", "check", "check", "check"]
    for command, shown in blocks:
        if command.startswith("head "):
            lines = (demo / command.split()[-1]).read_text().splitlines()[: int(command.split()[1][1:])]
            actual = "\n".join(lines) + "\n"
            shown = re.sub(r"^date: .*$", lines[4], shown, flags=re.M)  # the day it is run
        else:
            code, out, err = run_speclint(*command.split()[1:], cwd=demo)
            actual = err + out if "--fix" in command or " new " in f" {command} " else out + err
        assert actual == shown, f"$ {command}"
