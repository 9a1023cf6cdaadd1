"""The `speclint` command line.

Exit codes: 0 when no finding reaches the failing level, 1 when one does, 2 for a usage or
configuration error, a file speclint could not read, a rule that crashed, or any internal error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn, Sequence

import click

from speclint import __version__

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
def check(paths: Sequence[Path], stdin_filename: str | None, output_format: str, verbose: bool) -> None:
    """Lint Markdown files and directories (default: the current directory).

    Directories are searched for *.md and *.markdown files, skipping hidden folders, node_modules
    and, in a git work tree, what .gitignore excludes. `-` reads standard input.

    Each finding is printed as `path:line:col: level rule-id message`.
    """
    from speclint import files
    from speclint.engine import ActiveRule
    from speclint.registry import load_registry
    from speclint.reporters import write_report
    from speclint.runner import Source, lint

    registry = load_registry()
    for error in registry.load_errors:
        click.echo(f"speclint: error: {error}", err=True)
    rules = [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in registry.sorted()]

    cwd = Path.cwd()
    sources: list[Source] = []
    for path in paths or [Path(".")]:
        if str(path) == "-":
            text = _read_stdin()
            sources.append(Source(stdin_filename or "<stdin>", None, text))
        elif not path.exists():  # reported with the other unreadable files; the rest go on
            sources.append(Source(files.display_path(path, cwd), path))
        else:
            for found in files.discover([path]):
                sources.append(Source(files.display_path(found, cwd), found))

    result = lint(sources, rules)
    write_report(output_format, result, sys.stdout)
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
    failing = any(finding.level.value == "error" for finding in result.findings)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


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
