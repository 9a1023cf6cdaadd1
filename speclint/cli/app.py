"""The `speclint` command group, its exit codes and its entry point.

Exit codes: 0 when no finding reaches the failing level (`--fail-on`, default error), 1 when one does, 2 for a usage or
configuration error, a file speclint could not read, a rule that crashed, or any internal error; 130 when interrupted
(Ctrl-C).

The commands live in `speclint.cli.check` (`check`) and `speclint.cli.commands` (the others); importing
`speclint.cli` registers them all.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn, Sequence

import click

from speclint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C


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
    """Entry point: run the CLI; turn any unexpected exception into a message and exit 2.

    Click runs in non-standalone mode so that Ctrl-C reaches us (click would turn it into
    "Aborted!" and exit 1, which means "findings"): it exits 130, as shells expect.
    """
    try:
        code = cli.main(args=list(argv) if argv is not None else None, prog_name="speclint", standalone_mode=False)
    except SystemExit as exit:
        code = exit.code
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("speclint: interrupted", err=True)
        code = EXIT_INTERRUPTED
    except click.ClickException as error:
        error.show()
        code = error.exit_code
    except BrokenPipeError:
        abandon_stdout()  # the reader (`| head`) has gone: nothing more to say
        code = EXIT_FINDINGS
    except Exception as error:  # last line of defence: never show a traceback to a user
        click.echo(
            f"speclint: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in speclint; please report it with the file that caused it.",
            err=True,
        )
        code = EXIT_ERROR
    sys.exit(_flush_stdout(code if isinstance(code, int) else (0 if code is None else EXIT_ERROR)))


def _flush_stdout(code: int) -> int:
    """`code`, or 2 when what is left for standard output cannot be written (`/dev/full`)."""
    try:
        if sys.stdout is not None and not sys.stdout.closed:  # the language server closes it on exit
            sys.stdout.flush()
    except BrokenPipeError:
        abandon_stdout()
    except OSError as error:
        abandon_stdout()
        click.echo(f"speclint: error: cannot write to standard output: {error.strerror or error}", err=True)
        return EXIT_ERROR
    return code


def abandon_stdout() -> None:
    """Point standard output at the null device, so that what is still buffered does not fail
    again when the interpreter exits."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # not a real file (a test's capture)
        pass
