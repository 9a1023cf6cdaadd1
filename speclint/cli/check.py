"""`speclint check`: lint files and report findings (the exit codes are in `speclint.cli.app`; the stages
around linting, from the results cache to writing the report, are in `speclint.cli.check_stages`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence, TextIO

from speclint import __version__
from speclint.cli.app import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, UsageProblem, _fail, echo
from speclint.cli import check_stages as stages

if TYPE_CHECKING:
    from speclint.cli.progress import ProgressBar
    from speclint.engine.check import ActiveRule
    from speclint.engine.runner import RunResult, Source


def run(
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
    """`speclint check` (its options: `speclint.cli.check_command`); ends with `sys.exit`."""
    from speclint.configuration.config import ConfigPlanner, ConfigResolver
    from speclint.configuration.validation import InvalidFile
    from speclint.engine import files
    from speclint.engine.registry import load_registry
    from speclint.engine.runner import ReadFailure, Source, lint
    from speclint.reporters import MACHINE_FORMATS, ReportContext, escape_path, write_report

    _tolerate_unencodable_output()
    if stdin_filename is not None and not any(str(path) == "-" for path in paths):
        raise UsageProblem("--stdin-filename names the text read from standard input: add `-` to the paths")
    if profile_name is not None:
        from speclint.engine.profiles import ProfileError, load_profile

        try:
            load_profile(profile_name)
        except ProfileError as error:
            _fail(f"--profile: {error}")

    registry = load_registry()
    for load_error in registry.load_errors:
        echo(f"speclint: error: {load_error}", err=True)
    if config_file is not None and isolated:
        _fail("--config and --isolated exclude each other")
    resolver = ConfigResolver(registry, explicit=config_file, isolated=isolated)

    output_format = output_format or default_format(os.environ, _is_terminal(sys.stdout), output_file)
    cwd = Path.cwd()
    sources: list[Source] = []
    walk_failures: list[ReadFailure] = []

    def skipped(path: Path, reason: str) -> None:
        if verbose:
            echo(f"speclint: skipped {escape_path(files.display_path(path, cwd))}: {reason}", err=True)

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
            echo(f"speclint: error: {problem}", err=True)
        sys.exit(EXIT_ERROR)

    if verbose:
        stages.say_configurations(sources, cwd)

    registries = [registry] + [source.config.registry for source in sources if source.config is not None]
    stages.check_selection(registries, select, ignore)
    planner = ConfigPlanner(
        profile_name, tuple(select), tuple(ignore), cwd / stdin_filename if stdin_filename else None, preview
    )
    baseline, baseline_writer = stages.load_baseline(baseline_file, write_baseline_file)
    cache = None if no_cache else stages.results_cache(cache_dir, resolver, cwd, registry, planner, verbose)
    progress = _progress_bar(os.environ)
    _tune_garbage_collection()
    try:
        result = lint(sources, [], progress=progress, planner=planner, cache=cache)
    finally:
        if progress is not None:
            progress.close()
    if fix or show_diff:
        result = stages.fix_or_diff(result, sources, planner, fix, show_diff)
    result.read_failures.extend(walk_failures)
    if baseline_writer is not None:
        baseline_writer.add(result, cwd)
    if baseline is not None:
        baseline.apply(result, cwd)

    if result.rules_run:
        ran = result.rules_run
        rules_run: Sequence[ActiveRule] = [ran[rule_id] for rule_id in sorted(ran)]
    else:  # no file ran a rule (none was a specification): the defaults, imported only if a format lists them
        rules_run = stages.RulesWhenAsked(lambda: sorted(
            stages.default_rules(registry, select, ignore, preview), key=lambda active: active.rule.id))
    to_terminal = output_file is None and _is_terminal(sys.stdout)
    use_color = color == "always" or (color == "auto" and to_terminal and _color_allowed(os.environ))
    context = ReportContext.for_run(rules_run, __version__, cwd, use_color, registry.load_errors)
    if baseline_writer is not None:
        stages.write_baseline(baseline_writer)
    elif output_file is None:
        stages.write_report_stdout(lambda out: write_report(output_format, result, out, context))
    else:
        stages.write_report_file(output_file, lambda out: write_report(output_format, result, out, context))
    if baseline is not None and verbose:
        echo(f"speclint: {baseline.matched} finding(s) hidden by the baseline", err=True)

    # Machine-readable output on standard output must stay parseable: extra text goes to stderr.
    extra_to_stderr = output_file is None and output_format in MACHINE_FORMATS
    if statistics:
        echo(statistics_text(result), nl=False, err=extra_to_stderr)
    stages.say_failures(result)
    if verbose:
        stages.say_files(result)

    if summary and baseline_writer is None:
        from speclint.cli.summary import summary_line

        sys.stdout.flush()  # pre-commit shows both streams as one: the summary comes last
        echo(summary_line(result, fail_on), err=True)
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


def _read_stdin() -> str:
    from speclint.engine.files import DEFAULT_MAX_BYTES, ReadError, decode

    try:
        data = sys.stdin.buffer.read(DEFAULT_MAX_BYTES + 1)  # no more than the limit is ever held
        if len(data) > DEFAULT_MAX_BYTES:
            raise ReadError(f"more than {DEFAULT_MAX_BYTES:,} bytes, the limit for one document; not linted")
        return decode(data)
    except ReadError as error:
        _fail(f"standard input: {error}")
