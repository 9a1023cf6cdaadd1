"""`speclint check`: lint files and report findings (the exit codes are in `speclint.cli.app`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence, TextIO

import click

from speclint import __version__
from speclint.cli.app import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, FORMAT_NAMES, LEVEL_NAMES, _fail, cli

if TYPE_CHECKING:
    from speclint.cli.progress import ProgressBar
    from speclint.engine.cache import ResultsCache
    from speclint.engine.check import ActiveRule
    from speclint.engine.registry import RuleRegistry
    from speclint.engine.runner import Planner, RunResult, Source
    from speclint.filters.baseline import Baseline, BaselineWriter


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="The name to report for the text read from standard input (`-`).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMAT_NAMES),
    default=None,
    help="Output format. Default: `full` on a terminal, `concise` otherwise, `github` when "
    "GITHUB_ACTIONS=true.",
)
@click.option(
    "-o",
    "--output-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour in the `full` format; `auto` means on a terminal, unless NO_COLOR is set.",
)
@click.option(
    "--fail-on",
    type=click.Choice(LEVEL_NAMES),
    default="error",
    show_default=True,
    help="The lowest level of finding that makes the exit code 1.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (still 2 if speclint itself failed).")
@click.option("--statistics", is_flag=True, help="After the report, print how many findings each rule reported.")
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Run only these rules: ids, names, aliases or categories, comma-separated or repeated.",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="RULES",
    help="Do not run these rules: ids, names, aliases or categories, comma-separated or repeated.",
)
@click.option(
    "--preview",
    is_flag=True,
    help="Also run the preview rules: those whose measured precision on real documents is below 90% "
    "(`speclint rules` shows each rule's group and precision).",
)
@click.option(
    "--profile",
    "profile_name",
    metavar="NAME",
    help="Check every file as this kind of document (prd, spec-kit, ears, kep, rust-rfc, adr, ...) "
    "instead of detecting it from each file's content. `speclint profiles` lists them.",
)
@click.option("-v", "--verbose", is_flag=True, help="Also print each file checked, its profile and a summary on standard error.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Use this configuration file for every file (instead of the closest .speclint.yaml).",
)
@click.option("--isolated", is_flag=True, help="Ignore every configuration file: built-in defaults only.")
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Report only findings that are not in this baseline file.",
)
@click.option(
    "--write-baseline",
    "write_baseline_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Record every current finding in this baseline file, then exit 0.",
)
@click.option("--summary", is_flag=True, help="End with a one-line summary on standard error: counts by level, "
              "and how to see warnings on a commit that passes (the pre-commit hook uses it).")
@click.option("--fix", is_flag=True, help="Apply the safe fixes of findings marked [*], write the files, then report what is left.")
@click.option("--diff", "show_diff", is_flag=True, help="Show the changes --fix would make as a unified diff; write nothing.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Lint every file, even when the results cache holds its findings from an earlier run.",
)
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Where the results cache lives. Default: $SPECLINT_CACHE_DIR, else `cache-dir` in the "
    "configuration, else .speclint_cache in the current directory.",
)
def check(
    paths: Sequence[Path],
    stdin_filename: str | None,
    output_format: str | None,
    output_file: Path | None,
    color: str,
    fail_on: str,
    exit_zero: bool,
    statistics: bool,
    select: Sequence[str],
    ignore: Sequence[str],
    preview: bool,
    profile_name: str | None,
    verbose: bool,
    config_file: Path | None,
    isolated: bool,
    baseline_file: Path | None,
    write_baseline_file: Path | None,
    no_cache: bool = False,
    cache_dir: Path | None = None,
    summary: bool = False,
    fix: bool = False,
    show_diff: bool = False,
) -> None:
    """Lint Markdown files and directories (default: the current directory).

    Directories are searched for *.md and *.markdown files, skipping hidden folders, node_modules
    and, in a git work tree, what .gitignore excludes. `-` reads standard input.

    Settings come from the closest .speclint.yaml, .speclint.yml or pyproject.toml [tool.speclint]
    above each file (see `--config`, `--isolated`); inline `<!-- speclint-disable ... -->` comments
    silence findings; `--baseline` hides the findings recorded by `--write-baseline`. Findings of
    unchanged files come from a results cache (see `--no-cache`, `--cache-dir`).

    Exit codes: 0 no finding at the --fail-on level or above, 1 at least one, 2 speclint could
    not do its job (usage error, configuration error, unreadable file, crashing rule).
    """
    from speclint.configuration.config import ConfigPlanner, ConfigResolver
    from speclint.configuration.validation import InvalidFile
    from speclint.engine import files
    from speclint.engine.registry import load_registry
    from speclint.engine.profiles import NOT_A_SPEC
    from speclint.engine.runner import ReadFailure, Source, lint
    from speclint.reporters import MACHINE_FORMATS, ReportContext, escape_path, write_report

    _tolerate_unencodable_output()
    if stdin_filename is not None and not any(str(path) == "-" for path in paths):
        raise click.UsageError("--stdin-filename names the text read from standard input: add `-` to the paths")
    if profile_name is not None:
        from speclint.engine.profiles import ProfileError, load_profile

        try:
            load_profile(profile_name)
        except ProfileError as error:
            _fail(f"--profile: {error}")

    registry = load_registry()
    for load_error in registry.load_errors:
        click.echo(f"speclint: error: {load_error}", err=True)
    if config_file is not None and isolated:
        _fail("--config and --isolated exclude each other")
    resolver = ConfigResolver(registry, explicit=config_file, isolated=isolated)

    output_format = output_format or default_format(os.environ, _is_terminal(sys.stdout), output_file)
    cwd = Path.cwd()
    sources: list[Source] = []
    walk_failures: list[ReadFailure] = []

    def skipped(path: Path, reason: str) -> None:
        if verbose:
            click.echo(f"speclint: skipped {escape_path(files.display_path(path, cwd))}: {reason}", err=True)

    def unsearchable(path: Path, reason: str) -> None:
        walk_failures.append(ReadFailure(files.display_path(path, cwd), reason))

    try:
        for path in paths or [Path(".")]:
            if str(path) == "-":
                text = _read_stdin()
                shown = stdin_filename or "<stdin>"
                config = resolver.for_file(cwd / shown if stdin_filename else cwd / "stdin.md")
                if not (stdin_filename and config.is_ignored(cwd / stdin_filename)):
                    sources.append(Source(shown, None, text, config))
                continue
            start = _search_start(path, cwd)
            if not _exists(path):  # reported with the other unreadable files; the rest go on
                sources.append(Source(files.display_path(path, cwd), path, None, resolver.for_file(path, start)))
            else:
                if _is_dir(path):
                    resolver.for_folder(path.resolve(), start)  # a broken configuration fails even with no file to lint
                for found in files.discover([path], on_skip=skipped, on_error=unsearchable):
                    config = resolver.for_file(found, start)
                    if not config.is_ignored(found):
                        sources.append(Source(files.display_path(found, cwd), found, None, config))
    except InvalidFile as error:
        for problem in error.problems:
            click.echo(f"speclint: error: {problem}", err=True)
        sys.exit(EXIT_ERROR)

    if verbose:
        used: dict[str, int] = {}
        for source in sources:
            config_path = getattr(source.config, "path", None)
            shown = files.display_path(config_path, cwd) if config_path is not None else "none (defaults)"
            used[shown] = used.get(shown, 0) + 1
        for shown, count in used.items():
            click.echo(f"speclint: configuration {shown} for {count} file{'s' * (count != 1)}", err=True)

    registries = [registry] + [source.config.registry for source in sources if source.config is not None]
    _check_selection(registries, select, ignore)
    planner = ConfigPlanner(
        profile_name, tuple(select), tuple(ignore), cwd / stdin_filename if stdin_filename else None, preview
    )
    baseline, baseline_writer = _baseline_stage(baseline_file, write_baseline_file)
    cache = None if no_cache else _results_cache(cache_dir, _configuration_here(resolver, cwd), registry, planner, verbose)
    progress = _progress_bar(os.environ)
    _tune_garbage_collection()
    try:
        result = lint(sources, [], progress=progress, planner=planner, cache=cache)
    finally:
        if progress is not None:
            progress.close()
    if fix or show_diff:
        result = _fix_stage(result, sources, planner, fix, show_diff)
    result.read_failures.extend(walk_failures)
    if baseline_writer is not None:
        baseline_writer.add(result, cwd)
    if baseline is not None:
        baseline.apply(result, cwd)

    ran = result.rules_run or {active.rule.id: active for active in _default_rules(registry, select, ignore, preview)}
    to_terminal = output_file is None and _is_terminal(sys.stdout)
    use_color = color == "always" or (color == "auto" and to_terminal and _color_allowed(os.environ))
    context = ReportContext.for_run([ran[rule_id] for rule_id in sorted(ran)], __version__, cwd, use_color, registry.load_errors)
    if baseline_writer is not None:
        _write_baseline(baseline_writer)
    elif output_file is None:
        _write_stdout(lambda out: write_report(output_format, result, out, context))
    else:
        _write_file(output_file, lambda out: write_report(output_format, result, out, context))
    if baseline is not None and verbose:
        click.echo(f"speclint: {baseline.matched} finding(s) hidden by the baseline", err=True)

    # Machine-readable output on standard output must stay parseable: extra text goes to stderr.
    extra_to_stderr = output_file is None and output_format in MACHINE_FORMATS
    if statistics:
        click.echo(statistics_text(result), nl=False, err=extra_to_stderr)
    for failure in result.read_failures:
        click.echo(f"speclint: {escape_path(failure.path)}: {failure.message}", err=True)
    for crash in result.rule_failures:
        click.echo(
            f"speclint: error: rule {crash.rule_id} ({crash.rule_name}) failed on {escape_path(crash.path)}: {crash.error}",
            err=True,
        )
    if verbose:
        for report in result.files:
            why = "; ".join(report.profile_signals)
            if report.profile == NOT_A_SPEC:
                click.echo(f"speclint: {escape_path(report.path)}: skipped, not a spec ({why})", err=True)
            else:
                click.echo(f"speclint: {escape_path(report.path)}: profile {report.profile}{f' ({why})' if why else ''}", err=True)
        count = len(result.files)
        click.echo(f"speclint: checked {count} file{'s' * (count != 1)} in {result.elapsed:.2f}s", err=True)

    if summary and baseline_writer is None:
        from speclint.cli.summary import summary_line

        sys.stdout.flush()  # pre-commit shows both streams as one: the summary comes last
        click.echo(summary_line(result, fail_on), err=True)
    if baseline_writer is not None and not (result.failed or registry.load_errors):
        sys.exit(EXIT_CLEAN)  # every finding is now accepted
    sys.exit(exit_code(result, fail_on, exit_zero, bool(registry.load_errors)))


def _tune_garbage_collection() -> None:
    """A document is thousands of small objects with parent links: with the default thresholds the
    collector walks the whole heap again and again on a large document. The modules loaded so far
    live until the end, so they are frozen out of its sight; collections are rarer."""
    import gc

    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def _configuration_here(resolver: Any, cwd: Path) -> Any:
    """The configuration of the working directory (for `cache-dir`); None when it cannot be read
    (the files being linted may live elsewhere, under a configuration of their own)."""
    from speclint.configuration.validation import InvalidFile

    try:
        return resolver.for_folder(cwd.resolve())
    except (InvalidFile, OSError):
        return None


def _results_cache(
    cache_dir: Path | None, config: Any, registry: RuleRegistry, planner: Any, verbose: bool
) -> ResultsCache | None:
    """The results cache: `--cache-dir`, else $SPECLINT_CACHE_DIR, else the configuration's `cache-dir`,
    else .speclint_cache (as ruff orders its own)."""
    from speclint.engine.cache import DEFAULT_DIRECTORY, ENVIRONMENT_VARIABLE, open_cache

    configured = getattr(config, "cache_dir", None)
    directory = cache_dir or Path(os.environ.get(ENVIRONMENT_VARIABLE) or configured or DEFAULT_DIRECTORY)
    cache, problem = open_cache(directory, [], planner, rule_classes=registry.entries())
    if problem is not None and verbose:
        click.echo(f"speclint: {problem}", err=True)
    return cache


def _fix_stage(result: RunResult, sources: Sequence[Source], planner: Planner, fix: bool, show_diff: bool) -> RunResult:
    """--diff prints what the fixes would change and exits (1 when something would change);
    --fix writes the fixed files and returns the findings of a new run on them."""
    from speclint.cli.fixing import compute_fixes, write_fixes
    from speclint.engine.runner import lint

    if any(source.path is None for source in sources):
        click.echo("speclint: text from standard input is not fixed: --fix and --diff work on files", err=True)
    summary = compute_fixes(result, sources, planner)
    if show_diff:
        click.echo(summary.diff(), nl=False)
        count = len(summary.files)
        click.echo(f"speclint: {summary.applied} fix{'es' * (summary.applied != 1)} would change "
                   f"{count} file{'s' * (count != 1)}", err=True)
        sys.exit(EXIT_FINDINGS if summary.files else EXIT_CLEAN)
    problems = write_fixes(summary)
    for problem in problems:
        click.echo(f"speclint: error: {problem}", err=True)
    count = len(summary.files)
    click.echo(f"speclint: fixed {summary.applied} finding{'s' * (summary.applied != 1)} in "
               f"{count} file{'s' * (count != 1)}", err=True)
    if problems:
        sys.exit(EXIT_ERROR)
    return lint(sources, [], planner=planner) if summary.files else result


def _default_rules(
    registry: RuleRegistry, select: Sequence[str], ignore: Sequence[str], preview: bool = False
) -> list[ActiveRule]:
    from speclint.engine.check import ActiveRule
    from speclint.engine.selection import apply_selection

    rules = [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in registry.enabled(preview)]
    return apply_selection(registry, rules, select, ignore) if select or ignore else rules


def _check_selection(registries: Sequence[RuleRegistry], select: Sequence[str], ignore: Sequence[str]) -> None:
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


def default_format(environ: Mapping[str, str], stdout_is_terminal: bool, output_file: Path | None) -> str:
    """The format when none is given: annotations in GitHub Actions, `full` for people, else `concise`."""
    if output_file is None and environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    if output_file is None and stdout_is_terminal:
        return "full"
    return "concise"


def exit_code(result: RunResult, fail_on: str, exit_zero: bool, load_failed: bool = False) -> int:
    """2 if speclint itself failed; else 1 if a finding reaches `fail_on` (unless `exit_zero`); else 0."""
    from speclint.engine.rule import Level

    if result.failed or load_failed:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    threshold = Level(fail_on).rank
    failing = any(finding.level.rank >= threshold for finding in result.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def statistics_text(result: RunResult) -> str:
    """One line per rule that reported something: count, id, name, level; most frequent first."""
    from speclint.reporters import count_by_rule, plural

    names: dict[str, tuple[str, str]] = {}
    for finding in result.findings:
        names.setdefault(finding.rule_id, (finding.rule_name, finding.level.value))
    counts = count_by_rule(result)
    if not counts:
        return "No findings.\n"
    count_width = len(str(max(counts.values())))
    id_width = max(len(rule_id) for rule_id in counts)
    name_width = max(len(names[rule_id][0]) for rule_id in counts)
    lines = [
        f"{str(count).rjust(count_width)}  {rule_id.ljust(id_width)}  {names[rule_id][0].ljust(name_width)}  "
        f"{names[rule_id][1]}"
        for rule_id, count in counts.items()
    ]
    total = sum(counts.values())
    lines.append(f"Found {plural(total, 'finding')} from {plural(len(counts), 'rule')}.")
    return "\n".join(lines) + "\n"


def _tolerate_unencodable_output() -> None:
    """A console that cannot show `…` or `日本` (a legacy Windows code page) gets `?` instead of
    a crash: documents hold any character, and so do messages and excerpts."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _color_allowed(environ: Mapping[str, str]) -> bool:
    """https://no-color.org: a non-empty NO_COLOR turns colour off; so does a dumb terminal."""
    return not environ.get("NO_COLOR") and environ.get("TERM") != "dumb"


def _progress_bar(environ: Mapping[str, str]) -> ProgressBar | None:
    """A progress bar on stderr when it is a terminal (not in CI logs, which keep every redraw)."""
    if not _is_terminal(sys.stderr) or environ.get("CI") or environ.get("GITHUB_ACTIONS") == "true":
        return None
    import shutil

    from speclint.cli.progress import ProgressBar

    return ProgressBar(sys.stderr, width=shutil.get_terminal_size().columns)


def _search_start(path: Path, cwd: Path) -> Path:
    """Where the configuration search for files of `path` stops outside a repository: the working
    folder when `path` is below it, else the folder named (or the named file's folder)."""
    absolute = Path(os.path.abspath(path))
    if absolute == cwd or cwd in absolute.parents:
        return cwd
    return absolute if _is_dir(absolute) else absolute.parent


def _exists(path: Path) -> bool:
    try:
        return os.path.lexists(path) or path.exists()
    except OSError:  # in a folder we may not search: it is there, and reading it will say why not
        return True


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _write_file(path: Path, write: Callable[[TextIO], None]) -> None:
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


def _write_stdout(write: Callable[[TextIO], None]) -> None:
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


def _baseline_stage(
    baseline_file: Path | None, write_baseline_file: Path | None
) -> tuple[Baseline | None, BaselineWriter | None]:
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


def _write_baseline(writer: BaselineWriter) -> None:
    from speclint.filters.baseline import BaselineError

    try:
        count = writer.write()
    except BaselineError as error:
        _fail(str(error))
    click.echo(f"speclint: recorded {count} finding{'s' * (count != 1)} in {writer.path}", err=True)


def _read_stdin() -> str:
    from speclint.engine.files import DEFAULT_MAX_BYTES, ReadError, decode

    try:
        data = sys.stdin.buffer.read(DEFAULT_MAX_BYTES + 1)  # no more than the limit is ever held
        if len(data) > DEFAULT_MAX_BYTES:
            raise ReadError(f"more than {DEFAULT_MAX_BYTES:,} bytes, the limit for one document; not linted")
        return decode(data)
    except ReadError as error:
        _fail(f"standard input: {error}")
