"""The pipeline for one run: read each file, parse it, run the rules, filter, collect the results.

    paths -> files.discover -> files.read_text -> parser.parse -> engine.run_rules
          -> suppressions (inline comments) -> redundancy (one defect, one finding: filters.redundancy)
          -> RunResult -> baseline (speclint.filters.baseline, in the CLI)

Which rules run on a file, at which levels and with which options, is decided per file by a
planner (`speclint.configuration.config.ConfigPlanner` from the CLI); without one, `settings_for_file` detects
the profile (or uses `profile_name`) and runs every rule at its default.

Every stage's failure stays with its file: one unreadable file or crashing rule never stops the
others. The CLI turns a `RunResult` into output and an exit code.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, Sequence

from speclint.document.parser import parse
from speclint.engine import files
from speclint.engine.check import ActiveRule, RuleFailure, run_rules
from speclint.engine.profiles import Profile, RuleSetting, detect_kind, load_profile
from speclint.engine.rule import Finding, Level
from speclint.record import Record

if TYPE_CHECKING:
    from speclint.document.model import Document
    from speclint.engine.cache import ResultsCache
    from speclint.engine.registry import RuleRegistry


class FileReport(Record):
    """What linting one file gave: its findings and the profile it was checked with."""

    __slots__ = ("path", "findings", "profile", "profile_signals", "text")
    _not_compared = ("profile_signals", "text")
    _not_shown = ("text",)

    def __init__(
        self,
        path: str,
        findings: list[Finding],
        profile: str | None = None,
        profile_signals: tuple[str, ...] = (),
        text: str = "",
    ) -> None:
        self.path = path
        self.findings = findings
        self.profile = profile  # the name of the profile the file was checked with
        # Why that profile: the signals that decided its kind, or what forced it (`--profile`, configuration).
        self.profile_signals = profile_signals
        # The text as read (BOM and line endings kept): reporters show source lines and compute
        # GitHub's line fingerprints from it.
        self.text = text


class ReadFailure(Record):
    """A file that could not be read, and why."""

    __slots__ = ("path", "message")

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message


class RunResult(Record):
    """What a run gave: a report per file, the files not read and the rules that crashed."""

    __slots__ = ("files", "read_failures", "rule_failures", "elapsed", "rules_run")
    __hash__ = None  # type: ignore[assignment]  (it changes as the run goes)

    def __init__(
        self,
        files: list[FileReport] | None = None,
        read_failures: list[ReadFailure] | None = None,
        rule_failures: list[RuleFailure] | None = None,
        elapsed: float = 0.0,
        rules_run: dict[str, ActiveRule] | None = None,
    ) -> None:
        self.files = [] if files is None else files
        self.read_failures = [] if read_failures is None else read_failures
        self.rule_failures = [] if rule_failures is None else rule_failures
        self.elapsed = elapsed
        # Every rule that ran on some file, by id (as configured for the first file it ran on): the
        # rule list reporters describe (SARIF's tool.driver.rules).
        self.rules_run = {} if rules_run is None else rules_run

    @property
    def findings(self) -> list[Finding]:
        return [finding for report in self.files for finding in report.findings]

    @property
    def failed(self) -> bool:
        """True when speclint itself could not do its job on some file (exit code 2)."""
        return bool(self.read_failures or self.rule_failures)


class Source(Record):
    """A document to lint: a path on disk, or text from standard input with the name to show."""

    __slots__ = ("display_path", "path", "text", "config")

    def __init__(self, display_path: str, path: Path | None, text: str | None = None, config: Any = None) -> None:
        self.display_path = display_path
        self.path = path
        self.text = text
        self.config = config  # the speclint.configuration.config.Config that governs this file (None: defaults)


class FileSettings(Record):
    """What applies to one file: its profile, and the rules to run at their levels with their options."""

    __slots__ = ("profile", "rules", "signals")

    def __init__(self, profile: Profile, rules: list[ActiveRule], signals: tuple[str, ...] = ()) -> None:
        self.profile = profile
        self.rules = rules
        self.signals = signals  # why this profile (see `FileReport.profile_signals`)


def settings_for_file(
    document: Document,
    rules: Sequence[ActiveRule],
    profile_name: str | None = None,
    user_settings: Mapping[str, RuleSetting] | None = None,
    forced_by: str = "--profile",
) -> FileSettings:
    """Decide, for one file, which profile applies and which rules run at which level and options.

    The profile is `profile_name` when given (from `--profile`, or chosen by configuration for
    this path), else detected from the document. Rule settings are layered: each `ActiveRule` as
    given (rule defaults), then the profile's `rules` settings, then `user_settings` (keyed by rule
    id, name or alias: the user's configuration for this path). A level of `off` drops the rule.
    A profile that is not a specification's (`not-a-spec`) runs no rule.
    """
    if profile_name:
        profile, signals = load_profile(profile_name), (f"forced by {forced_by}",)
    else:
        detection = detect_kind(document, document.file_path)
        profile, signals = load_profile(detection.profile), detection.signals
    if not profile.lint:
        return FileSettings(profile, [], signals)
    return FileSettings(profile, apply_rule_settings(rules, [profile.rules, user_settings or {}]), signals)


def apply_rule_settings(rules: Sequence[ActiveRule], layers: Sequence[Mapping[str, RuleSetting]]) -> list[ActiveRule]:
    """`rules` with each layer of settings applied in order (a later layer wins)."""
    configured = []
    # Each layer's keys lower-cased once (not once per rule), each with its place in the layer:
    # the first key in the layer's order that names the rule (by id, name or alias) wins.
    indexes = [_lowered_index(layer) for layer in layers if layer]
    for active in rules:
        rule = active.rule
        level: Level | None = active.level
        given: dict[str, object] = {}
        wanted = (rule.id.lower(), rule.name.lower(), *(alias.lower() for alias in rule.aliases)) if indexes else ()
        for index in indexes:
            found = [index[name] for name in wanted if name in index]
            if not found:
                continue
            setting = min(found, key=lambda place: place[0])[1]
            if setting.level is not None:
                level = None if setting.level == "off" else Level(setting.level)
            given.update(setting.options)
        if level is None:
            continue
        options = dict(active.options)
        if given:
            resolved = rule.resolve_options(given)  # validates; OptionError names the rule and option
            options.update({name: resolved[name] for name in given})
        configured.append(ActiveRule(rule, level, options))
    return configured


def _lowered_index(layer: Mapping[str, RuleSetting]) -> dict[str, tuple[int, RuleSetting]]:
    index: dict[str, tuple[int, RuleSetting]] = {}
    for place, (key, setting) in enumerate(layer.items()):
        index.setdefault(key.lower(), (place, setting))
    return index


class FilePlan(Record):
    """What to run on one file: the rules (levels, options), the profile and the rule settings.
    Copied with `plan.replace(rules=...)` (what `dataclasses.replace` did when it was a dataclass)."""

    __slots__ = ("rules", "profile_name", "profile", "settings", "registry", "profile_signals")

    def __init__(
        self,
        rules: Sequence[ActiveRule],
        profile_name: str | None = None,
        profile: Any = None,
        settings: Mapping[str, Any] | None = None,
        registry: RuleRegistry | None = None,
        profile_signals: tuple[str, ...] = (),
    ) -> None:
        self.rules = rules
        self.profile_name = profile_name
        self.profile = profile
        self.settings: Mapping[str, Any] = {} if settings is None else settings
        self.registry = registry  # for naming rules in suppression comments
        self.profile_signals = profile_signals  # why this profile


# Decides a file's plan from its source and parsed document. It goes to worker processes with the
# sources, so it must pickle: a module-level class or function, not a closure.
# (Only for type checkers: at run time `"Document"` inside `Callable[...]` would build a ForwardRef,
# which compiles the name: the compiler's first use costs a one-file run about 1.5 ms.)
if TYPE_CHECKING:
    Planner = Callable[[Source, Document], FilePlan]


def lint_source(
    source: Source,
    rules: Sequence[ActiveRule],
    result: RunResult,
    max_bytes: int,
    profile_name: str | None = None,
    planner: Planner | None = None,
    cache: ResultsCache | None = None,
) -> None:
    """Lint one document and add what came of it to `result` (from `cache` when it is unchanged)."""
    try:
        text = source.text if source.text is not None else files.read_text(source.path, max_bytes)  # type: ignore[arg-type]
    except files.ReadError as error:
        result.read_failures.append(ReadFailure(source.display_path, str(error)))
        return
    key = cache.key(source, text) if cache is not None else None
    cached = cache.load(key) if cache is not None and key is not None else None
    if cached is not None:
        _add_reports(source, text, cached.findings, cached.profile_name, cached.rules_run, result, max_bytes,
                     cached.profile_signals)
        return
    try:
        document = parse(text, source.display_path)
    except Exception as error:  # a parser bug on this text stays with this file
        result.read_failures.append(ReadFailure(source.display_path, f"could not be parsed ({type(error).__name__}: "
                                                                     f"{error}); not linted"))
        return
    document.file_path = source.path
    if planner is not None:
        plan = planner(source, document)
    else:
        settings = settings_for_file(document, rules, profile_name)
        plan = FilePlan(settings.rules, settings.profile.name, settings.profile, profile_signals=settings.signals)
    outcome = run_rules(document, plan.rules, profile=plan.profile, settings=plan.settings)
    findings = _suppress(document, plan, outcome.findings, outcome.failures)
    if any(active.rule.subsumes for active in plan.rules):
        from speclint.filters.redundancy import drop_redundant

        findings = drop_redundant(document, findings, plan.rules)
    _release(document)
    result.rule_failures.extend(outcome.failures)
    signals = tuple(plan.profile_signals)
    _add_reports(source, text, findings, plan.profile_name, plan.rules, result, max_bytes, signals)
    if cache is not None and key is not None and not outcome.failures:
        from speclint.engine.cache import CachedFile

        cache.store(key, CachedFile(findings, plan.profile_name, list(plan.rules), signals))


def _release(document: Document) -> None:
    """Unlink each section from its parent once the document is linted: without that cycle, the
    document's tree is freed as soon as it is dropped, instead of waiting for the cycle collector,
    which went through every document's blocks once more (3% of a folder run) and let them pile up."""
    for section in document.root.walk():
        section.parent = None


def _add_reports(
    source: Source,
    text: str,
    findings: list[Finding],
    profile_name: str | None,
    rules_run: Sequence[ActiveRule],
    result: RunResult,
    max_bytes: int,
    profile_signals: tuple[str, ...] = (),
) -> None:
    own = [finding for finding in findings if finding.path == source.display_path]
    result.files.append(FileReport(source.display_path, own, profile_name, profile_signals, text=text))
    for active in rules_run:
        result.rules_run.setdefault(active.rule.id, active)
    _add_companion_reports(source, findings, result, max_bytes, profile_name)


def _suppress(document: Document, plan: FilePlan, findings: list[Finding], failures: list[RuleFailure]) -> list[Finding]:
    """The inline-suppression stage: what the document's `speclint-disable` comments leave."""
    from speclint.engine.registry import load_registry
    from speclint.filters.suppressions import META_RULE_ID, apply_suppressions

    crashed = {failure.rule_id for failure in failures}
    ran = {active.rule.id for active in plan.rules} - crashed
    meta = next((active for active in plan.rules if active.rule.id == META_RULE_ID), None)
    return apply_suppressions(document, findings, plan.registry or load_registry(), ran, meta)


def _add_companion_reports(
    source: Source, findings: Sequence[Finding], result: RunResult, max_bytes: int, profile: str | None
) -> None:
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
        result.files.append(FileReport(path, companion_findings, profile, text=text))


# Called after each file with (files done, files in total, display path of the file just done).
if TYPE_CHECKING:  # annotations only: subscribing `Callable` at import costs time
    ProgressCallback = Callable[[int, int, str], None]


def lint(
    sources: Sequence[Source],
    rules: Sequence[ActiveRule],
    max_bytes: int = files.DEFAULT_MAX_BYTES,
    progress: ProgressCallback | None = None,
    profile_name: str | None = None,
    jobs: int | None = None,
    planner: Planner | None = None,
    cache: ResultsCache | None = None,
) -> RunResult:
    """Lint every source. A `planner` decides each file's profile and rules (the CLI passes a
    `speclint.configuration.config.ConfigPlanner`); without one, `profile_name` forces one profile for all of
    them (else each is detected).

    Many files go to `jobs` worker processes (default: one per CPU); the result is the same.
    With a `cache` (`speclint.engine.cache`), unchanged files are not linted again.
    """
    started = time.perf_counter()
    result = RunResult()
    workers = _worker_count(len(sources), jobs)
    parts = _lint_in_processes(sources, rules, max_bytes, profile_name, workers, planner, cache) if workers > 1 else None
    if parts is None:
        for done, source in enumerate(sources, start=1):
            lint_source(source, rules, result, max_bytes, profile_name, planner, cache)
            if progress is not None:
                progress(done, len(sources), source.display_path)
    else:
        done = 0
        for chunk, part in parts:  # in source order: the result is what one process gives
            result.files.extend(part.files)
            result.read_failures.extend(part.read_failures)
            result.rule_failures.extend(part.rule_failures)
            for rule_id, active in part.rules_run.items():
                result.rules_run.setdefault(rule_id, active)
            done += len(chunk)
            if progress is not None:
                progress(done, len(sources), chunk[-1].display_path)
    result.files.sort(key=lambda report: report.path)
    result.elapsed = time.perf_counter() - started
    return result


# --- worker processes for large runs ----------------------------------------------------------

PARALLEL_MIN_FILES = 64  # below this, starting workers costs more than it saves
# Files per task sent to a worker: small enough that the tasks still running at the end are
# short, large enough that sending them costs little.
_CHUNK_FILES = 8


def _worker_count(file_count: int, jobs: int | None) -> int:
    if jobs is None:
        if file_count < PARALLEL_MIN_FILES:
            return 1
        import os

        jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(jobs, -(-file_count // _CHUNK_FILES)))


def _lint_chunk(
    chunk: Sequence[Source],
    rules: Sequence[ActiveRule],
    max_bytes: int,
    profile_name: str | None,
    planner: Planner | None = None,
    cache: ResultsCache | None = None,
) -> RunResult:
    result = RunResult()
    for source in chunk:
        lint_source(source, rules, result, max_bytes, profile_name, planner, cache)
    return result


def _lint_in_processes(
    sources: Sequence[Source],
    rules: Sequence[ActiveRule],
    max_bytes: int,
    profile_name: str | None,
    workers: int,
    planner: Planner | None = None,
    cache: ResultsCache | None = None,
) -> Iterator[tuple[Sequence[Source], RunResult]] | None:
    """Each chunk of sources with its result, in source order; None when a rule or option cannot
    be sent to a worker (a class defined in a function, a lambda...): the caller then lints in this
    process, with the same findings, only slower."""
    import pickle

    # The first file is linted here, before the workers start: it imports the parser and the
    # rules and compiles their patterns, which forked workers then inherit instead of each doing it.
    chunks = [sources[:1]] + [sources[index : index + _CHUNK_FILES] for index in range(1, len(sources), _CHUNK_FILES)]
    try:
        # Every chunk: each source carries its configuration (plugin rules, YAML rules...).
        pickle.dumps((rules, chunks, profile_name, planner))
    except Exception:  # pickle raises several kinds of error for what it cannot send
        return None
    return _chunk_results(chunks, rules, max_bytes, profile_name, workers, planner, cache)


def _chunk_size(chunk: Sequence[Source]) -> int:
    """About how much work a chunk is: its files' sizes in bytes."""
    size = 0
    for source in chunk:
        if source.text is not None:
            size += len(source.text)
        elif source.path is not None:
            try:
                size += source.path.stat().st_size
            except OSError:
                pass
    return size


def _pool_context() -> Any:
    """Where the platform allows, workers are forked: they start with what this process has
    imported and compiled. macOS and Windows keep their default (spawning a fresh interpreter)."""
    import multiprocessing
    import sys

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def _chunk_results(
    chunks: list[Sequence[Source]],
    rules: Sequence[ActiveRule],
    max_bytes: int,
    profile_name: str | None,
    workers: int,
    planner: Planner | None = None,
    cache: ResultsCache | None = None,
) -> Iterator[tuple[Sequence[Source], RunResult]]:
    """Each chunk with its result, in source order. This process is one of the `workers`: it lints
    the first chunk before the others start (they are forked with what that imported and compiled),
    then, while `workers - 1` processes take the largest chunks first, the smallest ones left, so
    that no large file runs alone at the end and no process waits idle."""
    from collections import deque
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool
    from functools import partial

    lint_chunk = partial(
        _lint_chunk, rules=rules, max_bytes=max_bytes, profile_name=profile_name, planner=planner, cache=cache
    )
    results: dict[int, RunResult] = {}
    given = 0  # chunks handed back so far (in source order)

    def ready() -> Iterator[tuple[Sequence[Source], RunResult]]:
        nonlocal given
        while given in results:
            yield chunks[given], results.pop(given)
            given += 1

    if not chunks:
        return
    results[0] = lint_chunk(chunks[0])
    yield from ready()
    waiting = deque(sorted(range(1, len(chunks)), key=lambda index: -_chunk_size(chunks[index])))
    helpers = max(1, workers - 1)
    try:
        with ProcessPoolExecutor(max_workers=helpers, mp_context=_pool_context()) as pool:
            running: dict[Future[RunResult], int] = {}
            while waiting or running:
                while waiting and len(running) < 2 * helpers:  # a chunk queued behind each one running
                    index = waiting.popleft()
                    running[pool.submit(lint_chunk, chunks[index])] = index
                if waiting:  # the smallest chunk left, here
                    index = waiting.pop()
                    results[index] = lint_chunk(chunks[index])
                    finished = [future for future in running if future.done()]
                else:
                    finished = list(wait(list(running), return_when=FIRST_COMPLETED).done)
                for future in finished:
                    results[running.pop(future)] = future.result()
                yield from ready()
    except (OSError, ImportError, NotImplementedError, BrokenProcessPool):
        pass  # no worker processes here (no semaphores, a sandbox), or one died: finish in this one
    for index in range(given, len(chunks)):
        if index not in results:
            results[index] = lint_chunk(chunks[index])
        yield from ready()
