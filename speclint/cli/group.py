"""The `speclint` command group (click), with every command registered on it.

Importing this module imports click and the commands; `speclint.cli.app.main` does so for every
command line except a plain `speclint check` (see `speclint.cli.check_arguments`).
"""

from __future__ import annotations

import click

from speclint import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="speclint", message="%(prog)s %(version)s")
def cli() -> None:
    """Lint Markdown specifications: PRDs, design docs, RFCs, spec-kit and EARS specs, ADRs.

    speclint tells the author, before review, what engineers would otherwise discover mid-sprint:
    requirements without acceptance criteria, TBDs, unfilled template text, vague wording, broken
    references. Run `speclint check` in a spec repository to start.
    """


# The commands register themselves on `cli` when imported (they import it from here).
from speclint.cli import authoring, check_command, commands  # noqa: E402,F401
