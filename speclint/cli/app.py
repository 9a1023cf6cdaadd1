"""The `speclint` command group, its exit codes and its entry point.

Exit codes: 0 when no finding reaches the failing level (`--fail-on`, default error), 1 when one does, 2 for a usage or
configuration error, a file speclint could not read, a rule that crashed, or any internal error.

The commands live in `speclint.cli.check` (`check`) and `speclint.cli.commands` (the others); importing
`speclint.cli` registers them all.
"""

from __future__ import annotations

import sys
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


# Kept here (not imported from speclint.reporters) so that `--help` and `--version` stay light.
FORMAT_NAMES = ("concise", "full", "json", "sarif", "github", "gitlab")
LEVEL_NAMES = ("error", "warning", "info")


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
