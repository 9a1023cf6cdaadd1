"""Helpers for the reporter and CLI tests: run `speclint check` in-process on a copy of the
reporting fixtures, with the test rules (or any rules) as the installed rules."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import pytest
from click.testing import CliRunner
from conftest import REPOSITORY
from reporting_rules import REPORTING_RULES, registry_of

import speclint.engine.registry
from speclint.cli import cli
from speclint.engine.rule import Rule

FIXTURES = REPOSITORY / "tests" / "fixtures" / "reports"
GOLDEN = REPOSITORY / "tests" / "golden"
UPDATE_GOLDEN_VARIABLE = "SPECLINT_UPDATE_GOLDEN"

# Nothing from the environment of the person running the tests may leak into the output.
CLEAN_ENVIRONMENT = {
    "GITHUB_ACTIONS": None, "GITHUB_WORKSPACE": None, "NO_COLOR": None, "CI": None, "COLUMNS": "100",
}


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def copy_fixtures(destination: Path) -> Path:
    """The reporting fixtures copied under `destination` (outside any git work tree)."""
    shutil.copytree(FIXTURES, destination, dirs_exist_ok=True)
    return destination


def use_rules(monkeypatch: pytest.MonkeyPatch, *rules: type[Rule]) -> None:
    """Make `rules` the installed rules for this test."""
    monkeypatch.setattr(speclint.engine.registry, "_registry", registry_of(*(rules or REPORTING_RULES)))


def run_check(args: Sequence[str], env: dict[str, str | None] | None = None, command: str = "check") -> Run:
    runner = CliRunner(mix_stderr=False) if _supports_mix_stderr() else CliRunner()
    result = runner.invoke(cli, [command, *args], env={**CLEAN_ENVIRONMENT, **(env or {})}, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def _supports_mix_stderr() -> bool:
    import inspect

    return "mix_stderr" in inspect.signature(CliRunner.__init__).parameters
