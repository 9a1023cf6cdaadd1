"""`speclint check`'s command line read without click (`speclint.cli.check_arguments`) means what
click reads it to mean; whatever it does not read plainly goes to click."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest

from speclint.cli import cli
from speclint.cli.check_arguments import OPTIONS, SHORT_NAMES, parse_check_arguments


def click_parameters(args: list[str]) -> dict[str, Any]:
    command = cli.commands["check"]
    with command.make_context("check", list(args)) as context:
        return dict(context.params)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "spec.md").write_text("# Spec\n")
    (tmp_path / "base.json").write_text("{}")
    monkeypatch.chdir(tmp_path)
    return tmp_path


PLAIN_COMMAND_LINES = [
    [],
    ["docs/spec.md"],
    ["docs", "docs/spec.md", "missing.md", "-"],
    ["--format", "json", "docs"],
    ["--format=sarif", "--color=never", "--fail-on", "warning", "docs"],
    ["-o", "report.txt", "docs"],
    ["-oreport.txt", "-v", "docs"],
    ["--output-file=out/report.json", "--format", "json"],
    ["--select", "PH001,MD001", "--select=ST001", "--ignore", "wording", "docs"],
    ["--select="],
    ["--preview", "--exit-zero", "--statistics", "--summary", "--no-cache", "--isolated", "docs"],
    ["--fix", "--diff", "--verbose", "docs"],
    ["--profile", "kep", "--config", "missing.yaml", "docs"],
    ["--baseline", "base.json", "docs"],
    ["--write-baseline", "new.json", "--cache-dir", "docs", "docs"],
    ["--cache-dir", "not-yet"],
    ["--stdin-filename", "docs/spec.md", "-"],
    ["--format", "json", "--format", "concise", "docs"],
    ["docs", "--", "--format", "-v"],
    ["--select", "--", "docs"],
    ["--profile", "-v"],
]


@pytest.mark.parametrize("args", PLAIN_COMMAND_LINES, ids=lambda args: " ".join(args) or "(none)")
def test_a_plain_command_line_gives_the_parameters_click_gives(workdir: Path, args: list[str]) -> None:
    assert parse_check_arguments(args) == click_parameters(args)


CLICK_COMMAND_LINES = [
    ["--help"],
    ["-h"],
    ["--no-such-option"],
    ["--format", "yaml"],
    ["--color"],
    ["--preview=yes"],
    ["-vo", "report.txt"],
    ["--config", "docs"],  # a directory where a file is wanted
    ["--cache-dir", "base.json"],  # a file where a directory is wanted
    ["--stdin-filename", "docs/spec.md", "docs"],  # names standard input, but reads none
]


@pytest.mark.parametrize("args", CLICK_COMMAND_LINES, ids=" ".join)
def test_help_errors_and_uncommon_forms_are_left_to_click(workdir: Path, args: list[str]) -> None:
    assert parse_check_arguments(args) is None


def test_every_option_click_declares_is_read_the_same_way() -> None:
    declared = {}
    for parameter in cli.commands["check"].params:
        if not isinstance(parameter, click.Option) or parameter.name == "help":
            continue
        kind = parameter.type
        shape = {
            "names": sorted(parameter.opts),
            "flag": parameter.is_flag,
            "multiple": parameter.multiple,
            "choices": tuple(kind.choices) if isinstance(kind, click.Choice) else (),
            "path": (kind.file_okay, kind.dir_okay, kind.exists, kind.readable) if isinstance(kind, click.Path) else None,
        }
        declared[parameter.name] = shape
    read = {}
    for name, option in OPTIONS.items():
        read[option.parameter] = {
            "names": sorted([name, *(short for short, long in SHORT_NAMES.items() if long == name)]),
            "flag": option.kind == "flag",
            "multiple": option.multiple,
            "choices": option.choices,
            "path": (option.file_okay, option.dir_okay, False, True) if option.kind == "path" else None,
        }
    assert read == declared



PROBE = """
import json, sys
from speclint.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exit:
    code = exit.code
print(json.dumps([code, "click" in sys.modules]), file=sys.stderr)
"""


def run_probe(args: list[str], cwd: Path) -> tuple[int, bool, str]:
    completed = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=cwd, capture_output=True, text=True)
    *said, last = completed.stderr.strip().splitlines() or [""]
    code, click_loaded = json.loads(last)
    return code, click_loaded, "\n".join(said)


def test_a_plain_check_runs_without_importing_click(workdir: Path) -> None:
    code, click_loaded, _ = run_probe(["check", "--no-cache", "--select", "PH001", "docs"], workdir)
    assert (code, click_loaded) == (0, False)


def test_a_usage_error_still_gets_clicks_message_and_exit_code(workdir: Path) -> None:
    code, click_loaded, said = run_probe(["check", "--format", "yaml", "docs"], workdir)
    assert (code, click_loaded) == (2, True)
    assert "Usage: speclint check [OPTIONS] [PATHS]..." in said and "'yaml' is not one of" in said
