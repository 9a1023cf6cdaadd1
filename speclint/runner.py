"""The pipeline for one run: read each file, parse it, run the rules, collect the results.

    paths -> files.discover -> files.read_text -> parser.parse -> engine.run_rules -> RunResult

Every stage's failure stays with its file: one unreadable file or crashing rule never stops the
others. The CLI turns a `RunResult` into output and an exit code.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from speclint import files
from speclint.engine import ActiveRule, RuleFailure, run_rules
from speclint.parser import parse
from speclint.rule import Finding


@dataclass(frozen=True)
class FileReport:
    path: str
    findings: list[Finding]
    profile: str | None = None


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
    result.files.append(FileReport(source.display_path, outcome.findings))
    result.rule_failures.extend(outcome.failures)


def lint(
    sources: Sequence[Source],
    rules: Sequence[ActiveRule],
    max_bytes: int = files.DEFAULT_MAX_BYTES,
    jobs: int | None = None,
) -> RunResult:
    """Lint `sources`; many files go to `jobs` worker processes (default: one per CPU)."""
    started = time.perf_counter()
    result = RunResult()
    workers = _worker_count(len(sources), jobs)
    parts = _lint_in_processes(sources, rules, max_bytes, workers) if workers > 1 else None
    if parts is None:
        for source in sources:
            lint_source(source, rules, result, max_bytes)
    else:
        for part in parts:  # in source order: the result is what one process gives
            result.files.extend(part.files)
            result.read_failures.extend(part.read_failures)
            result.rule_failures.extend(part.rule_failures)
    result.files.sort(key=lambda report: report.path)
    result.elapsed = time.perf_counter() - started
    return result


# --- worker processes for large runs ----------------------------------------------------------

PARALLEL_MIN_FILES = 64  # below this, starting workers costs more than it saves
_CHUNK_FILES = 16


def _worker_count(file_count: int, jobs: int | None) -> int:
    if jobs is None:
        if file_count < PARALLEL_MIN_FILES:
            return 1
        import os

        jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(jobs, -(-file_count // _CHUNK_FILES)))


def _lint_chunk(chunk: Sequence[Source], rules: Sequence[ActiveRule], max_bytes: int) -> RunResult:
    result = RunResult()
    for source in chunk:
        lint_source(source, rules, result, max_bytes)
    return result


def _lint_in_processes(
    sources: Sequence[Source], rules: Sequence[ActiveRule], max_bytes: int, workers: int
) -> list[RunResult] | None:
    """Each chunk's result, in source order; None when worker processes cannot be used here (no
    multiprocessing support, or a rule or option that cannot be sent to a worker): the caller
    then lints in this process, with the same findings, only slower."""
    import pickle
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool
    from functools import partial

    chunks = [sources[index : index + _CHUNK_FILES] for index in range(0, len(sources), _CHUNK_FILES)]
    try:
        pickle.dumps((rules, chunks[0]))
    except Exception:  # pickle raises several kinds for a class defined in a function, a lambda...
        return None
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(partial(_lint_chunk, rules=rules, max_bytes=max_bytes), chunks))
    except (OSError, ImportError, NotImplementedError, BrokenProcessPool):
        return None
