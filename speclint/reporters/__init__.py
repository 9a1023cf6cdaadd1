"""Reporters turn a `RunResult` into text. They never judge: levels and exit codes are decided
before a reporter runs. Each format lives in its own module and is imported only when used."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from speclint.runner import RunResult

FORMATS = {
    "concise": "speclint.reporters.concise",
    "gitlab": "speclint.reporters.gitlab",
}


def write_report(output_format: str, result: RunResult, out: TextIO) -> None:
    import_module(FORMATS[output_format]).write(result, out)
