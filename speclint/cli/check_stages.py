"""The stages `speclint check` runs around linting: which rules run, the results cache, `--fix` and
`--diff`, the baseline, and writing the report. Each stage either returns what the next one needs
or ends the run with a clear message and exit code 2 (`_fail`), as the command does itself."""

from __future__ import annotations

import os
import sys
from collections import abc
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence, TextIO

from speclint.cli.app import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, _fail, echo

if TYPE_CHECKING:
    from speclint.engine.cache import ResultsCache
    from speclint.engine.check import ActiveRule
    from speclint.engine.registry import RuleRegistry
    from speclint.engine.runner import Planner, RunResult, Source
    from speclint.filters.baseline import Baseline, BaselineWriter

if TYPE_CHECKING:  # annotations only: subscribing `Callable` at import costs time
    ReportWriter = Callable[[TextIO], None]


# --- rules ----------------------------------------------------------------------------------


def default_rules(
    registry: RuleRegistry, select: Sequence[str], ignore: Sequence[str], preview: bool = False
) -> list[ActiveRule]:
    """The rules a run uses when no file was linted (for the report's rule list)."""
    from speclint.engine.check import ActiveRule
    from speclint.engine.selection import apply_selection

    rules = [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in registry.enabled(preview)]
    return apply_selection(registry, rules, select, ignore) if select or ignore else rules


class RulesWhenAsked(abc.Sequence):  # type: ignore[type-arg]
    """A report's rule list worked out on first use: only some formats list the rules (SARIF's
    `tool.driver.rules`, JSON's), and working out the default ones imports every rule's module."""

    def __init__(self, compute: Callable[[], Sequence[ActiveRule]]) -> None:
        self._compute = compute
        self._rules: Sequence[ActiveRule] | None = None

    def _listed(self) -> Sequence[ActiveRule]:
        if self._rules is None:
            self._rules = tuple(self._compute())
        return self._rules

    def __getitem__(self, index: Any) -> Any:
        return self._listed()[index]

    def __len__(self) -> int:
        return len(self._listed())

    def __iter__(self) -> Iterator[ActiveRule]:
        return iter(self._listed())

    def __eq__(self, other: object) -> bool:
        return tuple(self._listed()) == (tuple(other) if isinstance(other, Sequence) else other)

    def __hash__(self) -> int:
        return hash(tuple(self._listed()))


def check_selection(registries: Sequence[RuleRegistry], select: Sequence[str], ignore: Sequence[str]) -> None:
    """Fail early on a --select/--ignore name no registry knows (plugin rules live in a
    configuration's registry, so a name is fine when any of them knows it)."""
    if not (select or ignore):
        return
    from speclint.engine.selection import SelectorError, apply_selection

    first_error = None
    for registry in {id(r): r for r in registries}.values():
        try:
            apply_selection(registry, [], select, ignore)
            return
        except SelectorError as error:
            first_error = first_error or error
    _fail(str(first_error))


# --- the results cache ----------------------------------------------------------------------


def results_cache(
    cache_dir: Path | None, resolver: Any, cwd: Path, registry: RuleRegistry, planner: Planner, verbose: bool
) -> ResultsCache | None:
    """The results cache: `--cache-dir`, else $SPECLINT_CACHE_DIR, else the `cache-dir` of the
    working directory's configuration, else .speclint_cache (as ruff orders its own)."""
    from speclint.engine.cache import DEFAULT_DIRECTORY, ENVIRONMENT_VARIABLE, open_cache

    configured = getattr(_configuration_here(resolver, cwd), "cache_dir", None)
    directory = cache_dir or Path(os.environ.get(ENVIRONMENT_VARIABLE) or configured or DEFAULT_DIRECTORY)
    cache, problem = open_cache(directory, [], planner, rule_classes=registry.entries())
    if problem is not None and verbose:
        echo(f"speclint: {problem}", err=True)
    return cache


def _configuration_here(resolver: Any, cwd: Path) -> Any:
    """The configuration of the working directory (for `cache-dir`); None when it cannot be read
    (the files being linted may live elsewhere, under a configuration of their own)."""
    from speclint.configuration.validation import InvalidFile

    try:
        return resolver.for_folder(cwd.resolve())
    except (InvalidFile, OSError):
        return None


# --- --fix and --diff -----------------------------------------------------------------------


def fix_or_diff(
    result: RunResult, sources: Sequence[Source], planner: Planner, fix: bool, show_diff: bool
) -> RunResult:
    """--diff prints what the fixes would change and exits (1 when something would change);
    --fix writes the fixed files and returns the findings of a new run on them."""
    from speclint.cli.fixing import compute_fixes, write_fixes
    from speclint.engine.runner import lint

    if any(source.path is None for source in sources):
        echo("speclint: text from standard input is not fixed: --fix and --diff work on files", err=True)
    summary = compute_fixes(result, sources, planner)
    if show_diff:
        echo(summary.diff(), nl=False)
        count = len(summary.files)
        echo(f"speclint: {summary.applied} fix{'es' * (summary.applied != 1)} would change "
                   f"{count} file{'s' * (count != 1)}", err=True)
        sys.exit(EXIT_FINDINGS if summary.files else EXIT_CLEAN)
    problems = write_fixes(summary)
    for problem in problems:
        echo(f"speclint: error: {problem}", err=True)
    count = len(summary.files)
    echo(f"speclint: fixed {summary.applied} finding{'s' * (summary.applied != 1)} in "
               f"{count} file{'s' * (count != 1)}", err=True)
    if problems:
        sys.exit(EXIT_ERROR)
    return lint(sources, [], planner=planner) if summary.files else result


# --- the baseline ---------------------------------------------------------------------------


def load_baseline(
    baseline_file: Path | None, write_baseline_file: Path | None
) -> tuple[Baseline | None, BaselineWriter | None]:
    """The baseline to apply (`--baseline`) and the one to record (`--write-baseline`): at most one."""
    if baseline_file is None and write_baseline_file is None:
        return None, None
    from speclint.filters.baseline import Baseline, BaselineError, BaselineWriter

    if baseline_file is not None and write_baseline_file is not None:
        _fail("--baseline and --write-baseline exclude each other (the new baseline records every finding)")
    baseline = None
    if baseline_file is not None:
        try:
            baseline = Baseline.load(baseline_file)
        except BaselineError as error:
            _fail(str(error))
    return baseline, BaselineWriter(write_baseline_file) if write_baseline_file is not None else None


def write_baseline(writer: BaselineWriter) -> None:
    from speclint.filters.baseline import BaselineError

    try:
        count = writer.write()
    except BaselineError as error:
        _fail(str(error))
    echo(f"speclint: recorded {count} finding{'s' * (count != 1)} in {writer.path}", err=True)


# --- writing the report ---------------------------------------------------------------------


def write_report_file(path: Path, write: ReportWriter) -> None:
    """Write the report to a temporary file beside `path`, then rename it over `path`: a reader
    (or a second run) never sees half a report."""
    import stat
    import tempfile

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # /dev/stdout, a FIFO: nothing to replace, write to it
            with open(path, "w", encoding="utf-8", newline="\n") as out:
                write(out)
            return
    except FileNotFoundError:
        pass
    except OSError as error:
        _fail(f"cannot write {path}: {error.strerror or error}")
    folder = path.parent if str(path.parent) else Path(".")
    temporary: str | None = None
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as out:
            write(out)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it private; a report is an ordinary file
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        _fail(f"cannot write {path}: {error.strerror or error}")
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def write_report_stdout(write: ReportWriter) -> None:
    """Write the report to standard output; a full disk or closed pipe is a clean error (exit 2)."""
    try:
        write(sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        raise  # the reader went away (`| head`): click's own handling keeps that quiet
    except OSError as error:
        _abandon_stdout()
        _fail(f"cannot write the report to standard output: {error.strerror or error}")


def _abandon_stdout() -> None:
    """Point standard output at the null device, so that what is still buffered does not fail
    again (and print a traceback-like warning) when the interpreter exits."""
    from speclint.cli.app import abandon_stdout

    abandon_stdout()


# --- messages on standard error -------------------------------------------------------------


def say_configurations(sources: Sequence[Source], cwd: Path) -> None:
    """--verbose: which configuration file each group of files was linted with."""
    from speclint.engine import files

    used: dict[str, int] = {}
    for source in sources:
        config_path = getattr(source.config, "path", None)
        shown = files.display_path(config_path, cwd) if config_path is not None else "none (defaults)"
        used[shown] = used.get(shown, 0) + 1
    for shown, count in used.items():
        echo(f"speclint: configuration {shown} for {count} file{'s' * (count != 1)}", err=True)


def say_failures(result: RunResult) -> None:
    """The files speclint could not read and the rules that crashed (each makes the exit code 2)."""
    from speclint.reporters import escape_path

    for failure in result.read_failures:
        echo(f"speclint: {escape_path(failure.path)}: {failure.message}", err=True)
    for crash in result.rule_failures:
        echo(
            f"speclint: error: rule {crash.rule_id} ({crash.rule_name}) failed on {escape_path(crash.path)}: {crash.error}",
            err=True,
        )


def say_files(result: RunResult) -> None:
    """--verbose: each file's profile (and the signals that decided it), then how many files took how long."""
    from speclint.engine.profiles import NOT_A_SPEC
    from speclint.reporters import escape_path

    for report in result.files:
        why = "; ".join(report.profile_signals)
        if report.profile == NOT_A_SPEC:
            echo(f"speclint: {escape_path(report.path)}: skipped, not a spec ({why})", err=True)
        else:
            echo(f"speclint: {escape_path(report.path)}: profile {report.profile}{f' ({why})' if why else ''}", err=True)
    count = len(result.files)
    echo(f"speclint: checked {count} file{'s' * (count != 1)} in {result.elapsed:.2f}s", err=True)
