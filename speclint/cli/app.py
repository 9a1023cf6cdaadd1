"""The `speclint` entry point, its exit codes and what every command shares (`echo`, `_fail`).

Exit codes: 0 when no finding reaches the failing level (`--fail-on`, default error), 1 when one does, 2 for a usage or
configuration error, a file speclint could not read, a rule that crashed, or any internal error; 130 when interrupted
(Ctrl-C).

The command group is `speclint.cli.group.cli` (click); the commands live in `speclint.cli.check_command` (`check`),
`speclint.cli.commands` and `speclint.cli.authoring`. A plain `speclint check` (what a pre-commit hook runs) does not
import click at all: `speclint.cli.check_arguments` reads its options when they are of the common, unambiguous kinds,
and anything else (help, a usage error, another command) goes through click, which says what it always said.
"""

from __future__ import annotations

import os
import sys
from typing import Any, NoReturn, Sequence

from speclint.lazy_regex import lazy_compile

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C

# Kept here (not imported from speclint.reporters) so that `--help` and `--version` stay light.
FORMAT_NAMES = ("concise", "full", "json", "sarif", "github", "gitlab")
LEVEL_NAMES = ("error", "warning", "info")

# What click.echo strips from text written to anything but a terminal.
_ANSI_SEQUENCE = lazy_compile(r"\033\[[;?0-9]*[a-zA-Z]")


def echo(message: str = "", *, err: bool = False, nl: bool = True) -> None:
    """Write `message` (and a newline) to standard output, or standard error with `err`, and flush:
    what `click.echo` does with text, without importing click (escape sequences are dropped unless
    the stream is a terminal)."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return
    text = message + "\n" if nl else message
    if text and not _isatty(stream):
        text = _ANSI_SEQUENCE.sub("", text)
    if text:
        stream.write(text)
    stream.flush()


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except Exception:  # noqa: BLE001 - a closed or odd stream is no terminal
        return False


def _fail(message: str) -> NoReturn:
    echo(f"speclint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


class UsageProblem(Exception):
    """A usage error found while a command runs; the click command turns it into click's usage
    error (the usage line, then `Error: ...`, exit 2)."""


def __getattr__(name: str) -> Any:
    if name == "cli":  # the click group, for code that still imports it from here
        from speclint.cli.group import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the CLI; turn any unexpected exception into a message and exit 2.

    Click runs in non-standalone mode so that Ctrl-C reaches us (click would turn it into
    "Aborted!" and exit 1, which means "findings"): it exits 130, as shells expect. `speclint
    check` with plain options runs without click, with the same outcomes.
    """
    args = list(argv) if argv is not None else sys.argv[1:]
    if argv is None and args[:1] == ["check"]:
        from speclint import module_bundle

        module_bundle.install()  # the program imports speclint's modules from one file
    options = _plain_check_options(args)
    # The program itself (the console script, `python -m speclint`), not a caller in a process
    # that goes on: a plain `check` may then end without the interpreter's teardown (`_end_process`).
    whole_process = argv is None and options is not None
    if whole_process:
        _defer_garbage_collection()
    try:
        if options is not None:
            code = _run_check(options)
        else:
            code = _run_click(list(argv) if argv is not None else None)
    except SystemExit as exit:
        code = exit.code
    except KeyboardInterrupt:
        echo("speclint: interrupted", err=True)
        code = EXIT_INTERRUPTED
    except BrokenPipeError:
        abandon_stdout()  # the reader (`| head`) has gone: nothing more to say
        code = EXIT_FINDINGS
    except Exception as error:  # last line of defence: never show a traceback to a user
        code = _click_outcome(error)
        if code is None:
            echo(
                f"speclint: internal error: {type(error).__name__}: {error}\n"
                "This is a bug in speclint; please report it with the file that caused it.",
                err=True,
            )
            code = EXIT_ERROR
    code = _flush_stdout(code if isinstance(code, int) else (0 if code is None else EXIT_ERROR))
    if whole_process:
        _end_process(code)
    sys.exit(code)


def _defer_garbage_collection() -> None:
    """Start-up creates tens of thousands of objects that live until the end (modules, classes,
    functions): with the default thresholds the collector walks them about twenty times before the
    first file is read (3-5 ms of a one-file run). `check` sets its own thresholds (and freezes
    what was imported) before linting: `speclint.cli.check._tune_garbage_collection`."""
    import gc

    gc.set_threshold(1_000_000, 20, 100)


def _end_process(code: int) -> NoReturn:
    """Exit with `code` now, as `sys.exit` would, without the interpreter's teardown: taking apart
    the ~230 modules a run imported and collecting their objects costs a one-file run about 10 ms,
    and nothing in them is left to save. What the teardown would do that matters is done here:
    the `atexit` functions run (`speclint.startup_store` saves itself there) and both output
    streams are flushed. A process that started threads (the worker pool of a run over many files)
    exits the ordinary way, which waits for them."""
    if "threading" in sys.modules:
        sys.exit(code)
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None and not stream.closed:
                stream.flush()
        except (OSError, ValueError):
            if stream is sys.stdout and code == EXIT_CLEAN:
                code = EXIT_ERROR  # the report could not be written out in full
    os._exit(code)


def _plain_check_options(args: list[str]) -> dict[str, Any] | None:
    """`check`'s parameters when `args` is `check` with options `check_arguments` reads exactly as
    click would; None for anything else (click's shell completion included)."""
    if args[:1] != ["check"] or os.environ.get("_SPECLINT_COMPLETE"):
        return None
    from speclint.cli.check_arguments import parse_check_arguments

    return parse_check_arguments(args[1:])


def _run_check(options: dict[str, Any]) -> Any:
    """`speclint check` without click, ending as click's non-standalone mode would."""
    from speclint.cli import check

    try:
        check.run(**options)
    except (EOFError, KeyboardInterrupt):
        echo(err=True)  # click's blank line, which closes the terminal's `^C`
        raise KeyboardInterrupt from None
    except OSError as error:
        if not isinstance(error, BrokenPipeError):
            raise
        abandon_stdout()  # click quiets standard output and exits 1
        return EXIT_FINDINGS
    return None


def _run_click(argv: list[str] | None) -> Any:
    from speclint.cli.group import cli

    return cli.main(args=argv, prog_name="speclint", standalone_mode=False)


def _click_outcome(error: Exception) -> int | None:
    """The exit code of a click exception (after showing it), or None when `error` is none."""
    click = sys.modules.get("click")
    if click is None:
        return None
    if isinstance(error, click.exceptions.Abort):
        echo("speclint: interrupted", err=True)
        return EXIT_INTERRUPTED
    if isinstance(error, click.ClickException):
        error.show()
        return int(error.exit_code)
    return None


def _flush_stdout(code: int) -> int:
    """`code`, or 2 when what is left for standard output cannot be written (`/dev/full`)."""
    try:
        if sys.stdout is not None and not sys.stdout.closed:  # the language server closes it on exit
            sys.stdout.flush()
    except BrokenPipeError:
        abandon_stdout()
    except OSError as error:
        abandon_stdout()
        echo(f"speclint: error: cannot write to standard output: {error.strerror or error}", err=True)
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
