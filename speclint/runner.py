"""The pipeline for one run: read each file, parse it, run the rules, collect the results.

    paths -> files.discover -> files.read_text -> parser.parse -> engine.run_rules -> RunResult

Every stage's failure stays with its file: one unreadable file or crashing rule never stops the
others. The CLI turns a `RunResult` into output and an exit code.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from speclint import files
from speclint.engine import ActiveRule, RuleFailure, run_rules
from speclint.parser import parse
from speclint.rule import Finding


@dataclass(frozen=True)
class FileReport:
    path: str
    findings: list[Finding]
    profile: str | None = None
    # The text as read (BOM and line endings kept): reporters show source lines and compute
    # GitHub's line fingerprints from it.
    text: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True)
class ReadFailure:
    path: str
    message: str


@dataclass
class RunResult:
    files: list[FileReport] = field(default_factory=list)
    read_failures: list[ReadFailure] = field(default_factory=list)
    rule_failures: list[RuleFailure] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def findings(self) -> list[Finding]:
        return [finding for report in self.files for finding in report.findings]

    @property
    def failed(self) -> bool:
        """True when speclint itself could not do its job on some file (exit code 2)."""
        return bool(self.read_failures or self.rule_failures)


@dataclass(frozen=True)
class Source:
    """A document to lint: a path on disk, or text from standard input with the name to show."""

    display_path: str
    path: Path | None
    text: str | None = None


def lint_source(source: Source, rules: Sequence[ActiveRule], result: RunResult, max_bytes: int) -> None:
    """Lint one document and add what came of it to `result`."""
    try:
        text = source.text if source.text is not None else files.read_text(source.path, max_bytes)  # type: ignore[arg-type]
    except files.ReadError as error:
        result.read_failures.append(ReadFailure(source.display_path, str(error)))
        return
    document = parse(text, source.display_path)
    document.file_path = source.path
    outcome = run_rules(document, rules)
    own = [finding for finding in outcome.findings if finding.path == source.display_path]
    result.files.append(FileReport(source.display_path, own, text=text))
    result.rule_failures.extend(outcome.failures)
    _add_companion_reports(source, outcome.findings, result, max_bytes)


def _add_companion_reports(source: Source, findings: Sequence[Finding], result: RunResult, max_bytes: int) -> None:
    """Findings a rule made about a file the document owns (a KEP's kep.yaml) get that file's own
    report, with its text, so reporters show its lines and fingerprint them, not the document's."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.path != source.display_path:
            by_path.setdefault(finding.path, []).append(finding)
    for path, companion_findings in by_path.items():
        existing = next((report for report in result.files if report.path == path), None)
        if existing is not None:
            existing.findings.extend(companion_findings)
            existing.findings.sort(key=lambda finding: finding.sort_key)
            continue
        text = ""
        if source.path is not None:
            relative = os.path.relpath(path, os.path.dirname(source.display_path) or ".")
            try:
                text = files.read_text(source.path.parent / relative, max_bytes)
            except files.ReadError:
                text = ""  # reporters then show the finding without a source line
        result.files.append(FileReport(path, companion_findings, text=text))


# Called after each file with (files done, files in total, display path of the file just done).
ProgressCallback = Callable[[int, int, str], None]


def lint(
    sources: Sequence[Source],
    rules: Sequence[ActiveRule],
    max_bytes: int = files.DEFAULT_MAX_BYTES,
    progress: ProgressCallback | None = None,
) -> RunResult:
    started = time.perf_counter()
    result = RunResult()
    for done, source in enumerate(sources, start=1):
        lint_source(source, rules, result, max_bytes)
        if progress is not None:
            progress(done, len(sources), source.display_path)
    result.files.sort(key=lambda report: report.path)
    result.elapsed = time.perf_counter() - started
    return result
