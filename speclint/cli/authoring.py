"""`speclint new` (a new document from a profile) and `speclint outline` (a document's sections
against what its kind expects)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from speclint.cli.app import EXIT_CLEAN, _fail
from speclint.cli.group import cli


@cli.command("new")
@click.argument("path", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--profile", "profile_name", default="prd", show_default=True, metavar="KIND",
              help="The kind of document: prd, spec-kit, ears, kep, rust-rfc, adr, ... (`--list` shows them).")
@click.option("--title", help="The document's title (default: from the file name).")
@click.option("--list", "list_kinds", is_flag=True, help="List the kinds of document `new` can write, and exit.")
def new_command(path: Path | None, profile_name: str, title: str | None, list_kinds: bool) -> None:
    """Write a new spec at PATH from a profile: its sections in order, each with its guidance as a
    comment, and front matter with today's date and you (from git config) as the owner.

    An existing file is never overwritten. Sections left unwritten are reported by `speclint check`.
    """
    import datetime

    from speclint.authoring.scaffold import git_author, new_document, title_from_path
    from speclint.engine.profiles import ProfileError, builtin_profile_names, load_profile

    if list_kinds:
        for name in builtin_profile_names():
            profile = load_profile(name)
            if profile.lint:  # not-a-spec is a verdict about a file, not a kind to write
                click.echo(f"{profile.name:22} {profile.description}")
        sys.exit(EXIT_CLEAN)
    if path is None:
        _fail("give the path of the document to write, e.g. `speclint new docs/saved-cards.md` (--list shows the kinds)")
    try:
        profile = load_profile(profile_name)
    except ProfileError as error:
        _fail(f"--profile: {error}")
    if not profile.lint:
        _fail(f"--profile: '{profile.name}' is for files that are not specifications; `speclint new --list` shows the kinds")
    if path.exists():
        _fail(f"{path} already exists; `new` never overwrites a file")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        _fail(f"{directory} is not a folder; create it first")
    text = new_document(profile, title or title_from_path(path), git_author(directory), datetime.date.today())
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite, even in a race
            handle.write(text)
    except FileExistsError:
        _fail(f"{path} already exists; `new` never overwrites a file")
    except OSError as error:
        _fail(f"cannot write {path}: {error.strerror or error}")
    click.echo(f"speclint: wrote {path} ({profile.name}); `speclint check {path}` lists what is left to write", err=True)


@cli.command("outline")
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--profile", "profile_name", metavar="KIND", help="Compare with this profile instead of the detected one.")
def outline_command(path: Path, output_format: str, profile_name: str | None) -> None:
    """Show a document's outline: its sections with line numbers, its kind and why, which heading
    matched which expected section (and through which alias), what is missing or out of order,
    and how many requirements, user stories, criteria, endpoints and open questions it holds."""
    from speclint.authoring.outline import build_outline, outline_text
    from speclint.document.parser import parse
    from speclint.engine import files
    from speclint.engine.profiles import ProfileError, load_profile

    try:
        text = files.read_text(path)
    except files.ReadError as error:
        _fail(f"{path}: {error}")
    document = parse(text, files.display_path(path, Path.cwd()))
    document.file_path = path
    try:
        profile = load_profile(profile_name) if profile_name else None
    except ProfileError as error:
        _fail(f"--profile: {error}")
    outline = build_outline(document, profile)
    if output_format == "json":
        click.echo(json.dumps(outline, indent=2, ensure_ascii=False))
    else:
        click.echo(outline_text(outline), nl=False)
