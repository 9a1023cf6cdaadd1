"""`speclint check`'s command line read without click: what a pre-commit hook runs pays neither
for importing click nor for building its command objects.

`parse_check_arguments` reads the plain, unambiguous forms only (`--format json`, `--format=json`,
`-o FILE`, `-oFILE`, `-v`, flags, paths, `--`) and returns exactly the parameters click would pass
to the command. Whenever click could answer differently (help, an unknown option, a value click
would refuse, a path it would reject, combined short options), it returns None and the command
line goes to click, which prints its usual message. `tests/test_check_arguments.py` holds the two
readers side by side, option by option.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, Sequence

from speclint.cli.app import FORMAT_NAMES, LEVEL_NAMES

# How a value is read: free text, one of some choices, or a path (click.Path's checks).
TEXT, FLAG = "text", "flag"
COLORS = ("auto", "always", "never")


class _Option:
    """One option of `check`: its parameter name, what its value is, whether it repeats."""

    __slots__ = ("parameter", "kind", "choices", "multiple", "file_okay", "dir_okay")

    def __init__(
        self,
        parameter: str,
        kind: str = TEXT,
        choices: Sequence[str] = (),
        multiple: bool = False,
        file_okay: bool = True,
        dir_okay: bool = True,
    ) -> None:
        self.parameter = parameter
        self.kind = kind  # TEXT, FLAG, "choice" or "path"
        self.choices = tuple(choices)
        self.multiple = multiple
        self.file_okay = file_okay
        self.dir_okay = dir_okay


def _choice(parameter: str, choices: Sequence[str]) -> _Option:
    return _Option(parameter, "choice", choices)


def _path(parameter: str, file_okay: bool = True, dir_okay: bool = True) -> _Option:
    return _Option(parameter, "path", file_okay=file_okay, dir_okay=dir_okay)


#: Every option of `check` by each of its names (`speclint.cli.check_command` declares them for click).
OPTIONS: dict[str, _Option] = {
    "--stdin-filename": _Option("stdin_filename"),
    "--format": _choice("output_format", FORMAT_NAMES),
    "--output-file": _path("output_file", dir_okay=False),
    "--color": _choice("color", COLORS),
    "--fail-on": _choice("fail_on", LEVEL_NAMES),
    "--exit-zero": _Option("exit_zero", FLAG),
    "--statistics": _Option("statistics", FLAG),
    "--select": _Option("select", multiple=True),
    "--ignore": _Option("ignore", multiple=True),
    "--preview": _Option("preview", FLAG),
    "--profile": _Option("profile_name"),
    "--verbose": _Option("verbose", FLAG),
    "--config": _path("config_file", dir_okay=False),
    "--isolated": _Option("isolated", FLAG),
    "--baseline": _path("baseline_file", dir_okay=False),
    "--write-baseline": _path("write_baseline_file", dir_okay=False),
    "--summary": _Option("summary", FLAG),
    "--fix": _Option("fix", FLAG),
    "--diff": _Option("show_diff", FLAG),
    "--no-cache": _Option("no_cache", FLAG),
    "--cache-dir": _path("cache_dir", file_okay=False),
}
SHORT_NAMES = {"-o": "--output-file", "-v": "--verbose"}

#: What click passes for an option the command line does not give.
DEFAULTS: dict[str, Any] = {
    "output_format": None, "color": "auto", "fail_on": "error", "select": (), "ignore": (),
    **{option.parameter: False for option in OPTIONS.values() if option.kind == FLAG},
}


class _NotPlain(Exception):
    """The command line needs click (help, an error to report, a form not read here)."""


def parse_check_arguments(args: Sequence[str]) -> dict[str, Any] | None:
    """The parameters of `speclint check ARGS` as click would pass them, or None when only click
    should read `args`."""
    try:
        return _parse(list(args))
    except _NotPlain:
        return None


def _parse(args: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {option.parameter: None for option in OPTIONS.values()}
    values.update({name: list(value) if isinstance(value, tuple) else value for name, value in DEFAULTS.items()})
    paths: list[str] = []
    index = 0
    while index < len(args):
        token = args[index]
        index += 1
        if token == "--":
            paths += args[index:]
            break
        if not token.startswith("-") or token == "-":
            paths.append(token)
            continue
        name, has_value, value = token.partition("=") if token.startswith("--") else (token[:2], len(token) > 2, token[2:])
        option = OPTIONS.get(SHORT_NAMES.get(name, name))
        if option is None:
            raise _NotPlain  # help, an unknown option, combined short options: click says what it says
        if option.kind == FLAG:
            if has_value:
                raise _NotPlain  # "--preview=x": click refuses it
            values[option.parameter] = True
            continue
        if not has_value:
            if index == len(args):
                raise _NotPlain  # click: the option requires an argument
            value = args[index]
            index += 1
        converted = _convert(option, value)
        if option.multiple:
            values[option.parameter].append(converted)
        else:
            values[option.parameter] = converted
    values["paths"] = tuple(_checked_path(path, True, True) for path in paths)
    for name in ("select", "ignore"):
        values[name] = tuple(values[name])
    if values["stdin_filename"] is not None and not any(str(path) == "-" for path in values["paths"]):
        raise _NotPlain  # a usage error, which click reports with the usage line
    return values


def _convert(option: _Option, value: str) -> Any:
    if option.kind == "choice":
        if value not in option.choices:
            raise _NotPlain
        return value
    if option.kind == "path":
        return _checked_path(value, option.file_okay, option.dir_okay)
    return value


def _checked_path(value: str, file_okay: bool, dir_okay: bool) -> Path:
    """`Path(value)` when click.Path would accept it (exists=False, readable=True)."""
    try:
        status = os.stat(value)
    except OSError:
        return Path(value)  # not there: click accepts it as it is
    except ValueError:
        raise _NotPlain from None  # an embedded NUL: whatever click does with it, click does
    if (not file_okay and stat.S_ISREG(status.st_mode)) or (not dir_okay and stat.S_ISDIR(status.st_mode)):
        raise _NotPlain
    if not os.access(value, os.R_OK):
        raise _NotPlain
    return Path(value)
