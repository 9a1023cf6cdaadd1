"""`speclint check`'s options as click declares them (help, usage errors, the group's other
commands); the command itself is `speclint.cli.check.run`. A plain command line is read without
click by `speclint.cli.check_arguments`, which must agree with these declarations (a test holds
them side by side)."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import click

from speclint.cli.app import FORMAT_NAMES, LEVEL_NAMES, UsageProblem
from speclint.cli.group import cli


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
    type=click.Choice(FORMAT_NAMES),
    default=None,
    help="Output format. Default: `full` on a terminal, `concise` otherwise, `github` when "
    "GITHUB_ACTIONS=true.",
)
@click.option(
    "-o",
    "--output-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour in the `full` format; `auto` means on a terminal, unless NO_COLOR is set.",
)
@click.option(
    "--fail-on",
    type=click.Choice(LEVEL_NAMES),
    default="error",
    show_default=True,
    help="The lowest level of finding that makes the exit code 1.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (still 2 if speclint itself failed).")
@click.option("--statistics", is_flag=True, help="After the report, print how many findings each rule reported.")
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Run only these rules: ids, names, aliases or categories, comma-separated or repeated.",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="RULES",
    help="Do not run these rules: ids, names, aliases or categories, comma-separated or repeated.",
)
@click.option(
    "--preview",
    is_flag=True,
    help="Also run the preview rules: those whose measured precision on real documents is below 90% "
    "(`speclint rules` shows each rule's group and precision).",
)
@click.option(
    "--profile",
    "profile_name",
    metavar="NAME",
    help="Check every file as this kind of document (prd, spec-kit, ears, kep, rust-rfc, adr, ...) "
    "instead of detecting it from each file's content. `speclint profiles` lists them.",
)
@click.option("-v", "--verbose", is_flag=True, help="Also print each file checked, its profile and a summary on standard error.")
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
@click.option("--summary", is_flag=True, help="End with a one-line summary on standard error: counts by level, "
              "and how to see warnings on a commit that passes (the pre-commit hook uses it).")
@click.option("--fix", is_flag=True, help="Apply the safe fixes of findings marked [*], write the files, then report what is left.")
@click.option("--diff", "show_diff", is_flag=True, help="Show the changes --fix would make as a unified diff; write nothing.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Lint every file, even when the results cache holds its findings from an earlier run.",
)
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Where the results cache lives. Default: $SPECLINT_CACHE_DIR, else `cache-dir` in the "
    "configuration, else .speclint_cache in the current directory.",
)
def check(
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
    """Lint Markdown files and directories (default: the current directory).

    Directories are searched for *.md and *.markdown files, skipping hidden folders, node_modules
    and, in a git work tree, what .gitignore excludes. `-` reads standard input.

    Settings come from the closest .speclint.yaml, .speclint.yml or pyproject.toml [tool.speclint]
    above each file (see `--config`, `--isolated`); inline `<!-- speclint-disable ... -->` comments
    silence findings; `--baseline` hides the findings recorded by `--write-baseline`. Findings of
    unchanged files come from a results cache (see `--no-cache`, `--cache-dir`).

    Exit codes: 0 no finding at the --fail-on level or above, 1 at least one, 2 speclint could
    not do its job (usage error, configuration error, unreadable file, crashing rule).
    """
    from speclint.cli import check as command

    try:
        command.run(
            paths=paths, stdin_filename=stdin_filename, output_format=output_format, output_file=output_file,
            color=color, fail_on=fail_on, exit_zero=exit_zero, statistics=statistics, select=select, ignore=ignore,
            preview=preview, profile_name=profile_name, verbose=verbose, config_file=config_file, isolated=isolated,
            baseline_file=baseline_file, write_baseline_file=write_baseline_file, no_cache=no_cache,
            cache_dir=cache_dir, summary=summary, fix=fix, show_diff=show_diff,
        )
    except UsageProblem as problem:
        raise click.UsageError(str(problem)) from None
