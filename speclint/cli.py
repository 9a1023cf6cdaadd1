"""The `speclint` command line.

Exit codes: 0 when no finding reaches the failing level, 1 when one does, 2 for a usage or
configuration error, a file speclint could not read, a rule that crashed, or any internal error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, Sequence

import click

from speclint import __version__

if TYPE_CHECKING:
    from speclint.runner import Filters

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _fail(message: str) -> NoReturn:
    click.echo(f"speclint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="speclint", message="%(prog)s %(version)s")
def cli() -> None:
    """Lint Markdown specifications: PRDs, design docs, RFCs, spec-kit and EARS specs, ADRs.

    speclint tells the author, before review, what engineers would otherwise discover mid-sprint:
    requirements without acceptance criteria, TBDs, unfilled template text, vague wording, broken
    references. Run `speclint check` in a spec repository to start.
    """


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
    type=click.Choice(["concise"]),
    default="concise",
    show_default=True,
    help="Output format.",
)
@click.option("-v", "--verbose", is_flag=True, help="Also print each file checked and a summary on standard error.")
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
def check(
    paths: Sequence[Path],
    stdin_filename: str | None,
    output_format: str,
    verbose: bool,
    config_file: Path | None,
    isolated: bool,
    baseline_file: Path | None,
    write_baseline_file: Path | None,
) -> None:
    """Lint Markdown files and directories (default: the current directory).

    Directories are searched for *.md and *.markdown files, skipping hidden folders, node_modules
    and, in a git work tree, what .gitignore excludes. `-` reads standard input.

    Each finding is printed as `path:line:col: level rule-id message`.

    Settings come from the closest .speclint.yaml, .speclint.yml or pyproject.toml [tool.speclint]
    above each file (see `--config`, `--isolated`); inline `<!-- speclint-disable ... -->` comments
    silence findings; `--baseline` hides the findings recorded by `--write-baseline`.
    """
    from speclint import files
    from speclint.config import ConfigResolver, plan_file
    from speclint.registry import load_registry
    from speclint.reporters import write_report
    from speclint.runner import Source, lint
    from speclint.validation import InvalidFile

    registry = load_registry()
    for error in registry.load_errors:
        click.echo(f"speclint: error: {error}", err=True)
    if config_file is not None and isolated:
        _fail("--config and --isolated exclude each other")
    resolver = ConfigResolver(registry, explicit=config_file, isolated=isolated)

    cwd = Path.cwd()
    sources: list[Source] = []
    try:
        for path in paths or [Path(".")]:
            if str(path) == "-":
                text = _read_stdin()
                shown = stdin_filename or "<stdin>"
                config = resolver.for_file(cwd / shown if stdin_filename else cwd / "stdin.md")
                if not (stdin_filename and config.is_ignored(cwd / stdin_filename)):
                    sources.append(Source(shown, None, text, config))
            elif not path.exists():
                _fail(f"{path}: no such file or directory")
            else:
                if path.is_dir():
                    resolver.for_folder(path.resolve())  # a broken configuration fails even with no file to lint
                for found in files.discover([path]):
                    config = resolver.for_file(found)
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

    def planner(source: Source, document: object) -> object:
        where = source.path if source.path is not None else (cwd / stdin_filename if stdin_filename else None)
        return plan_file(source.config, where, document)

    filters = _filters(baseline_file, write_baseline_file)
    result = lint(sources, [], planner=planner, filters=filters)  # type: ignore[arg-type]
    if filters.baseline_writer is None:
        write_report(output_format, result, sys.stdout)
    else:
        _write_baseline(filters)
    if filters.baseline is not None and verbose:
        click.echo(f"speclint: {filters.baseline.matched} finding(s) hidden by the baseline", err=True)
    for failure in result.read_failures:
        click.echo(f"speclint: {failure.path}: {failure.message}", err=True)
    for crash in result.rule_failures:
        click.echo(
            f"speclint: error: rule {crash.rule_id} ({crash.rule_name}) failed on {crash.path}: {crash.error}",
            err=True,
        )
    if verbose:
        count = len(result.files)
        click.echo(f"speclint: checked {count} file{'s' * (count != 1)} in {result.elapsed:.2f}s", err=True)

    if result.failed or registry.load_errors:
        sys.exit(EXIT_ERROR)
    if filters.baseline_writer is not None:
        sys.exit(EXIT_CLEAN)  # every finding is now accepted
    failing = any(finding.level.value == "error" for finding in result.findings)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


@cli.command()
@click.argument("directory", default=".", type=click.Path(path_type=Path, file_okay=False, exists=True))
def init(directory: Path) -> None:
    """Write a commented starter .speclint.yaml in DIRECTORY (default: here).

    The documents below DIRECTORY are read to pick the profile, and an override for each folder
    whose documents are of another kind. An existing configuration is never overwritten.
    """
    from speclint.config import CONFIG_FILE_NAMES, PYPROJECT, declares_speclint
    from speclint.starter import detect_kinds, starter_config

    for name in CONFIG_FILE_NAMES:
        if (directory / name).exists():
            _fail(f"{directory / name} already exists; edit it, or delete it to start again")
    if (directory / PYPROJECT).is_file() and declares_speclint(directory / PYPROJECT):
        _fail(f"{directory / PYPROJECT} already configures speclint ([tool.speclint])")
    kinds = detect_kinds(directory)
    target = directory / CONFIG_FILE_NAMES[0]
    try:
        with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
            handle.write(starter_config(kinds))
    except FileExistsError:
        _fail(f"{target} already exists; edit it, or delete it to start again")
    except OSError as error:
        _fail(f"cannot write {target}: {error.strerror or error}")
    count = len(kinds)
    click.echo(f"speclint: wrote {target} for {count} document{'s' * (count != 1)}", err=True)


@cli.command("test-rules")
@click.argument("rule_files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
def test_rules(rule_files: Sequence[Path]) -> None:
    """Run the examples of YAML rule files: each must-trigger example needs a finding, each
    must-not-trigger example none. Exit 0 when all pass, 1 when one fails, 2 for an invalid file."""
    from speclint.validation import InvalidFile
    from speclint.yaml_rules import read_rule_file, run_examples

    invalid = failed = passed = 0
    for path in rule_files:
        if path.suffix not in (".yaml", ".yml"):
            click.echo(f"speclint: error: {path}: test-rules reads YAML rule files (.yaml, .yml)", err=True)
            invalid += 1
            continue
        try:
            loaded = read_rule_file(path)
        except InvalidFile as error:
            for problem in error.problems:
                click.echo(f"speclint: error: {problem}", err=True)
            invalid += 1
            continue
        for result in run_examples(loaded):
            if result.passed:
                passed += 1
                continue
            failed += 1
            click.echo(
                f"{loaded.shown}:{result.line}:{result.column}: {result.rule_id} ({result.rule_name}) "
                f"{result.expectation} example {result.number} failed: {result.detail}"
            )
        without = [rule.id for rule in loaded.rules if not any(rule.examples.values())]
        if without:
            click.echo(f"speclint: {loaded.shown}: no examples for {', '.join(without)}", err=True)
    if invalid < len(rule_files):
        click.echo(f"speclint: {passed} example{'s' * (passed != 1)} passed, {failed} failed", err=True)
    sys.exit(EXIT_ERROR if invalid else EXIT_FINDINGS if failed else EXIT_CLEAN)


def _filters(baseline_file: Path | None, write_baseline_file: Path | None) -> Filters:
    from speclint.baseline import Baseline, BaselineError, BaselineWriter
    from speclint.runner import Filters

    if baseline_file is not None and write_baseline_file is not None:
        _fail("--baseline and --write-baseline exclude each other (the new baseline records every finding)")
    filters = Filters()
    if baseline_file is not None:
        try:
            filters.baseline = Baseline.load(baseline_file)
        except BaselineError as error:
            _fail(str(error))
    if write_baseline_file is not None:
        filters.baseline_writer = BaselineWriter(write_baseline_file)
    return filters


def _write_baseline(filters: Filters) -> None:
    from speclint.baseline import BaselineError

    writer = filters.baseline_writer
    assert writer is not None
    try:
        count = writer.write()
    except BaselineError as error:
        _fail(str(error))
    click.echo(f"speclint: recorded {count} finding{'s' * (count != 1)} in {writer.path}", err=True)


def _read_stdin() -> str:
    from speclint.files import ReadError, decode

    try:
        return decode(sys.stdin.buffer.read())
    except ReadError as error:
        _fail(f"standard input: {error}")


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the CLI; turn any unexpected exception into a message and exit 2."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="speclint", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("speclint: interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # last line of defence: never show a traceback to a user
        click.echo(
            f"speclint: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in speclint; please report it with the file that caused it.",
            err=True,
        )
        sys.exit(EXIT_ERROR)
