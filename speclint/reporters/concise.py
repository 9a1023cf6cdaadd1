"""`path:line:col: level rule-id message`, one finding a line: what editors and CI tools parse
(vim's `%f:%l:%c: %m`, VS Code problem matchers, efm-langserver)."""

from __future__ import annotations

from typing import TextIO

from speclint.engine.rule import Finding
from speclint.engine.runner import RunResult
from speclint.reporters import FIXABLE_MARKER, ReportContext, escape_path, printable


def format_finding(finding: Finding) -> str:
    message = printable(" ".join(finding.message.split()))  # one finding, one line
    start = finding.span.start
    marker = FIXABLE_MARKER if finding.fix is not None else ""
    return f"{escape_path(finding.path)}:{start.line}:{start.column}: {finding.level.value} {finding.rule_id} {marker}{message}"


def write(result: RunResult, context: ReportContext, out: TextIO) -> None:
    for finding in result.findings:
        out.write(format_finding(finding) + "\n")
