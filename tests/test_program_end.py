"""How `speclint check` ends when it is the program (the console script, `python -m speclint`).

A plain `check` then exits without the interpreter's teardown of its modules (`app._end_process`):
each test runs the command in a fresh interpreter and checks that what the teardown would have done
still happens: the report reaches standard output, `atexit` functions run, the exit code is the
command's. No timing: speed is measured by bench/bench.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# Runs main() as the console script does (no argv), with an atexit function of its own.
PROGRAM = """
import atexit, sys
atexit.register(lambda: print("atexit ran", file=sys.stderr))
sys.argv = ["speclint", *sys.argv[1:]]
from speclint.cli import main
main()
"""


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    path = tmp_path / "spec.md"
    path.write_text("# Checkout\n\n## Requirements\n\nThe page TODO loads the cart.\n", encoding="utf-8")
    return path


def run_program(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PROGRAM, *args], cwd=cwd, capture_output=True, text=True)


def test_a_plain_check_reports_its_findings_and_runs_atexit_functions(spec: Path) -> None:
    completed = run_program("check", "--no-cache", "--select", "PH001", spec.name, cwd=spec.parent)
    assert completed.returncode == 1
    assert completed.stdout.startswith("spec.md:5:10: error PH001")
    assert completed.stderr == "atexit ran\n"


def test_a_clean_check_exits_zero_with_atexit_functions_run(spec: Path) -> None:
    spec.write_text("# Checkout\n\n## Requirements\n\nThe page loads the cart.\n", encoding="utf-8")
    completed = run_program("check", "--no-cache", "--select", "PH001", "--format", "json", spec.name, cwd=spec.parent)
    assert completed.returncode == 0
    assert '"findings": 0' in completed.stdout
    assert completed.stderr == "atexit ran\n"


def test_a_report_larger_than_the_output_buffer_arrives_whole(spec: Path) -> None:
    spec.write_text("# Checkout\n\n" + "".join(f"Step {n} is TODO.\n\n" for n in range(600)), encoding="utf-8")
    completed = run_program("check", "--no-cache", "--select", "PH001", spec.name, cwd=spec.parent)
    assert completed.returncode == 1
    assert completed.stdout.count("PH001") == 600
    assert completed.stdout.endswith("\n")


def test_a_usage_error_still_exits_two(spec: Path) -> None:
    completed = run_program("check", "--no-cache", "--select", "NO999", spec.name, cwd=spec.parent)
    assert completed.returncode == 2
    assert "NO999" in completed.stderr
    assert completed.stderr.endswith("atexit ran\n")


def test_the_report_file_is_written_whole(spec: Path) -> None:
    completed = run_program("check", "--no-cache", "--select", "PH001", "-o", "report.txt", spec.name, cwd=spec.parent)
    assert completed.returncode == 1
    assert (spec.parent / "report.txt").read_text(encoding="utf-8").startswith("spec.md:5:10: error PH001")
