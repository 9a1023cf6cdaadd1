"""`speclint check`: what a user types, what they see, and the exit code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from speclint import __version__
from speclint.cli import cli
from speclint.engine import files

CLEAN = "# Checkout\n\nGuests pay by card.\n"
WITH_TBD = "# Checkout\n\nRetry limit: TBD\n"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# The three rules these tests use; the format is fixed (the default depends on the terminal and CI).
OPTIONS = ["--format", "concise", "--select", "PH001,MD001,ST001"]


def check(*args: str, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, ["check", *OPTIONS, *args], input=stdin)


def write(root: Path, name: str, content: str | bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    return path


def test_clean_document_prints_nothing_and_exits_0(workdir: Path) -> None:
    write(workdir, "spec.md", CLEAN)
    result = check("spec.md")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_error_finding_is_one_line_in_the_editor_format_and_exits_1(workdir: Path) -> None:
    write(workdir, "docs/spec.md", WITH_TBD)
    result = check("docs/spec.md")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "docs/spec.md:3:14: error PH001 unresolved marker 'TBD': decide, or list it as an open question"
    ]


def test_warning_only_findings_exit_0(workdir: Path) -> None:
    write(workdir, "empty.md", "")
    result = check("empty.md")
    assert result.exit_code == 0
    assert result.stdout == "empty.md:1:1: warning ST001 the document is empty\n"


def test_no_path_means_the_current_directory(workdir: Path) -> None:
    write(workdir, "b.md", WITH_TBD)
    write(workdir, "docs/a.markdown", WITH_TBD)
    write(workdir, "node_modules/x/README.md", WITH_TBD)
    result = check()
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["b.md", "docs/a.markdown"]


def test_paths_are_relative_to_the_working_directory(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(workdir, "specs/api/spec.md", WITH_TBD)
    monkeypatch.chdir(workdir / "specs")
    assert check("api").stdout.startswith("api/spec.md:3:14:")
    assert check(str(workdir / "specs" / "api" / "spec.md")).stdout.startswith("api/spec.md:3:14:")


def test_findings_are_sorted_by_path_then_line(workdir: Path) -> None:
    write(workdir, "b.md", "TBD\n\nTODO\n")
    write(workdir, "a.md", "FIXME\n")
    lines = check("b.md", "a.md").stdout.splitlines()
    assert [line.split(": ")[0] for line in lines] == ["a.md:1:1", "b.md:1:1", "b.md:3:1"]


def test_standard_input_is_reported_under_the_stdin_filename() -> None:
    result = check("-", "--stdin-filename", "docs/checkout.md", stdin=WITH_TBD)
    assert result.exit_code == 1
    assert result.stdout.startswith("docs/checkout.md:3:14: error PH001 ")


def test_standard_input_without_a_name_is_stdin() -> None:
    assert check("-", stdin="TBD\n").stdout.startswith("<stdin>:1:1: ")


def test_standard_input_that_is_not_utf8_is_an_error() -> None:
    result = check("-", stdin=b"\xff\xfe\x00")
    assert result.exit_code == 2
    assert result.stderr.startswith("speclint: error: standard input: binary file")


def test_unreadable_files_get_one_line_each_and_the_others_are_linted(workdir: Path) -> None:
    write(workdir, "a-good.md", WITH_TBD)
    write(workdir, "b-latin1.md", "# Résumé\n".encode("latin-1"))
    write(workdir, "c-image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(workdir, "d-huge.md", "x" * (files.DEFAULT_MAX_BYTES + 1))
    write(workdir, "e-good.md", WITH_TBD)
    result = check(".")
    assert result.exit_code == 2
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["a-good.md", "e-good.md"]
    assert result.stderr.splitlines() == [
        "speclint: b-latin1.md: not valid UTF-8 (byte 0xe9 at line 1, byte 4); save the file as UTF-8",
        "speclint: c-image.md: binary file (contains NUL bytes); not linted",
        f"speclint: d-huge.md: file is {files.DEFAULT_MAX_BYTES + 1:,} bytes, "
        f"above the {files.DEFAULT_MAX_BYTES:,}-byte limit; not linted",
    ]


def test_a_missing_path_is_reported_and_the_others_are_linted(workdir: Path) -> None:
    write(workdir, "spec.md", WITH_TBD)
    result = check("missing.md", "spec.md")
    assert result.exit_code == 2
    assert result.stdout.startswith("spec.md:3:14:")
    assert result.stderr == "speclint: missing.md: no such file or directory\n"


def test_unknown_option_is_a_usage_error() -> None:
    result = check("--no-such-option")
    assert result.exit_code == 2
    assert "No such option" in result.stderr


def test_version_and_help() -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["--version"]).stdout == f"speclint {__version__}\n"
    help_text = runner.invoke(cli, ["--help"]).stdout
    assert "check" in help_text and "Lint Markdown specifications" in help_text
    check_help = runner.invoke(cli, ["check", "--help"]).stdout
    assert "--stdin-filename" in check_help and ".gitignore" in check_help


def run_module(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    if args[:1] == ("check",):
        args = ("check", *OPTIONS, *args[1:])
    return subprocess.run([sys.executable, "-m", "speclint", *args], cwd=cwd, capture_output=True, text=True)


def test_python_dash_m_speclint_runs_the_command(tmp_path: Path) -> None:
    write(tmp_path, "spec.md", WITH_TBD)
    completed = run_module("check", "spec.md", cwd=tmp_path)
    assert completed.returncode == 1
    assert completed.stdout.startswith("spec.md:3:14: error PH001")
    assert run_module("--version", cwd=tmp_path).stdout == f"speclint {__version__}\n"


def test_a_binary_file_never_shows_a_traceback(tmp_path: Path) -> None:
    write(tmp_path, "spec.md", bytes(range(256)) * 4)
    completed = run_module("check", "spec.md", cwd=tmp_path)
    assert completed.returncode == 2
    assert "Traceback" not in completed.stderr
    assert completed.stderr.startswith("speclint: spec.md: binary file")


def test_check_in_a_git_work_tree_skips_ignored_files_unless_named(workdir: Path) -> None:
    if subprocess.run(["git", "init", "-q"], cwd=workdir, capture_output=True).returncode != 0:
        pytest.skip("git is not available")
    (workdir / ".gitignore").write_text("generated/\n")
    write(workdir, "specs/refunds.md", WITH_TBD)
    write(workdir, "generated/api.md", WITH_TBD)
    assert [line.split(":")[0] for line in check().stdout.splitlines()] == ["specs/refunds.md"]
    assert check("generated/api.md").stdout.startswith("generated/api.md:3:14:")
