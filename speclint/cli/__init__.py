"""The `speclint` command line: the entry point (`app.main`), the click command group (`group.cli`),
`check` (`check`, its options in `check_command`), the other commands (`commands`, `authoring`),
and the progress bar (`progress`). Importing this package imports neither click nor the commands:
`cli` is loaded when first asked for."""

from __future__ import annotations

from typing import Any

from speclint.cli.app import main

__all__ = ["cli", "main"]


def __getattr__(name: str) -> Any:
    if name == "cli":
        from speclint.cli.group import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
