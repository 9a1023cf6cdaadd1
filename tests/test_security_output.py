"""Exit codes and output under hostile or broken conditions: Ctrl-C, a report file written by two
runs at once, file names holding escape sequences or newlines, a full disk on standard output,
and baselines that would crash a JSON reader."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_speclint, write

from speclint.cli import app

pytestmark = pytest.mark.usefixtures("core_rules")

SPEC = "# Refunds\n\nOwner: TBD.\n"
HOSTILE_NAME = "a\x1b[31mred\u202eevil\n::error::forged.md"


# --- Ctrl-C ---------------------------------------------------------------------------------------


def test_ctrl_c_during_a_run_exits_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import speclint.engine.runner

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    write(tmp_path, "spec.md", SPEC)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(speclint.engine.runner, "lint", interrupted)

    with pytest.raises(SystemExit) as exited:
        app.main(["check", "spec.md"])

    assert exited.value.code == 130
    assert capsys.readouterr().err.endswith("speclint: interrupted\n")


@pytest.mark.skipif(os.name != "posix", reason="SIGINT to a child process")
def test_sigint_to_the_process_exits_130(tmp_path: Path) -> None:
    import signal

    # speclint waits for standard input, which the test never closes: the signal is what ends it.
    # It says "ready" from inside the command, so the signal never lands before speclint runs.
    program = (
        "import speclint.cli.app as app, speclint.cli.check as check\n"
        "read = check._read_stdin\n"
        "def ready():\n    print('ready', flush=True)\n    return read()\n"
        "check._read_stdin = ready\n"
        "app.main(['check', '-'])\n"
    )
    # A suite started in the background by a shell without job control inherits an ignored SIGINT,
    # and Python keeps it ignored: the child starts as a terminal's would, with the default.
    process = subprocess.Popen([sys.executable, "-c", program],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert process.stdout is not None and process.stdout.readline() == b"ready\n"
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 130
    finally:
        process.kill()
        process.wait()


def test_usage_errors_still_exit_2_and_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        app.main(["check", "--no-such-option"])
    assert exited.value.code == 2 and "No such option" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        app.main(["--help"])
    assert exited.value.code == 0 and "Usage" in capsys.readouterr().out


# --- the report file ------------------------------------------------------------------------------


def test_the_output_file_is_replaced_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import speclint.reporters

    write(tmp_path, "spec.md", SPEC)
    write(tmp_path, "report.txt", "the previous report\n")

    def failing(output_format: str, result: object, out: object, context: object = None) -> None:
        out.write("half a rep")  # type: ignore[attr-defined]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(speclint.reporters, "write_report", failing)
    code, _, err = run_speclint("check", "-o", "report.txt", "spec.md", cwd=tmp_path)

    assert (code, err) == (2, "speclint: error: cannot write report.txt: No space left on device\n")
    assert (tmp_path / "report.txt").read_text() == "the previous report\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["report.txt", "spec.md"]  # no temporary file left


def test_the_output_file_holds_the_report(tmp_path: Path) -> None:
    write(tmp_path, "spec.md", SPEC)
    write(tmp_path, "report.txt", "the previous report, longer than the new one " * 10 + "\n")

    code, out, _ = run_speclint("check", "-o", "report.txt", "spec.md", cwd=tmp_path)

    assert (code, out) == (1, "")
    assert (tmp_path / "report.txt").read_text().startswith("spec.md:3:8: error PH001 ")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["report.txt", "spec.md"]


# --- hostile file names ---------------------------------------------------------------------------


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / HOSTILE_NAME).write_text(SPEC)
    return tmp_path


@pytest.mark.parametrize("output_format", ["concise", "full", "github"])
def test_control_and_bidirectional_characters_in_file_names_are_escaped(hostile: Path, output_format: str) -> None:
    code, out, err = run_speclint("check", "--format", output_format, "--color", "never", "docs", cwd=hostile)

    assert code == 1
    assert "\x1b" not in out + err and "\u202e" not in out + err
    assert "a\\x1b[31mred\\u202eevil\\n" in out
    assert not any(line.startswith("::error::forged") for line in out.splitlines())


def test_a_github_annotation_is_one_line_starting_with_the_command(hostile: Path) -> None:
    _, out, _ = run_speclint("check", "--format", "github", "docs", cwd=hostile)

    [line] = out.splitlines()
    assert line.startswith("::error file=docs/a\\x1b[31mred\\u202eevil\\n%3A%3Aerror%3A%3Aforged.md,line=3,col=8,")


def test_verbose_messages_escape_file_names_too(hostile: Path) -> None:
    _, _, err = run_speclint("check", "-v", "docs", cwd=hostile)

    assert "\x1b" not in err and "\n::error" not in err


# --- usage ----------------------------------------------------------------------------------------


def test_stdin_filename_without_reading_standard_input_is_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path, "spec.md", SPEC)

    code, out, err = run_speclint("check", "--stdin-filename", "spec.md", cwd=tmp_path)

    assert (code, out) == (2, "")
    assert "--stdin-filename names the text read from standard input: add `-` to the paths" in err


# --- standard output that cannot be written -------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("output_format", ["concise", "json"])
def test_a_full_standard_output_is_a_clean_error(tmp_path: Path, output_format: str) -> None:
    write(tmp_path, "spec.md", SPEC)
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    with open("/dev/full", "w") as full:
        completed = subprocess.run([sys.executable, "-m", "speclint", "check", "--format", output_format, "spec.md"],
                                   cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, text=True, timeout=60, env=environment)

    assert completed.returncode == 2
    assert completed.stderr == "speclint: error: cannot write the report to standard output: No space left on device\n"


# --- baselines that would crash a JSON reader -----------------------------------------------------


def _baseline(tmp_path: Path, text: str) -> tuple[int, str, str]:
    write(tmp_path, "spec.md", SPEC)
    (tmp_path / "baseline.json").write_text(text)
    return run_speclint("check", "--baseline", "baseline.json", "spec.md", cwd=tmp_path)


def test_a_baseline_count_of_1e400_is_a_clean_error(tmp_path: Path) -> None:
    entry = '{"rule": "PH001", "path": "spec.md", "line": "Owner: TBD.", "count": 1e400}'
    code, _, err = _baseline(tmp_path, '{"version": 1, "findings": [' + entry + "]}")

    assert (code, err) == (2, "speclint: error: baseline.json: entry 1: 'count' must be a whole number, not Infinity\n")


def test_a_baseline_nested_100000_deep_is_a_clean_error(tmp_path: Path) -> None:
    code, _, err = _baseline(tmp_path, "[" * 100_000 + "]" * 100_000)

    assert (code, err) == (2, "speclint: error: baseline.json: not a speclint baseline (its JSON is nested too deeply)\n")


def test_a_whole_number_count_still_works(tmp_path: Path) -> None:
    entry = {"rule": "PH001", "path": "spec.md", "line": "Owner: TBD.", "count": 1}
    assert _baseline(tmp_path, json.dumps({"version": 1, "findings": [entry]}))[:2] == (0, "")
