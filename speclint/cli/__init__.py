"""The `speclint` command line: the command group and entry point (`app`), `check` (`check`), the
other commands (`commands`), and the progress bar (`progress`)."""

from speclint.cli import authoring, check, commands  # noqa: F401  (registers the commands on the group)
from speclint.cli.app import cli, main

__all__ = ["cli", "main"]
