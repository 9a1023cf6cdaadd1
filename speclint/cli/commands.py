"""The commands besides `check`: `rules`, `explain`, `profiles`, `init`, `test-rules` and `server`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

import click

from speclint.cli.app import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, _fail
from speclint.cli.group import cli
from speclint.cli.check import _is_terminal

if TYPE_CHECKING:
    from speclint.engine.profiles import ExpectedSection
    from speclint.engine.registry import RuleRegistry


@cli.command("rules")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="`text`: a table; `json`: every rule with its options; `markdown`: the reference page.",
)
def rules_command(output_format: str) -> None:
    """List every rule: id, name, category, default level and summary (with the YAML rules and
    plugins the configuration here loads)."""
    from speclint.reporters import ruledocs

    registry = _configured_registry()
    for error in registry.load_errors:
        click.echo(f"speclint: error: {error}", err=True)
    rules = registry.sorted()
    if output_format == "json":
        click.echo(ruledocs.rules_json(rules), nl=False)
    elif output_format == "markdown":
        click.echo(ruledocs.rules_markdown(rules), nl=False)
    else:
        import shutil

        width = shutil.get_terminal_size().columns if _is_terminal(sys.stdout) else None
        click.echo(ruledocs.rules_table(rules, width), nl=False)
    sys.exit(EXIT_ERROR if registry.load_errors else EXIT_CLEAN)


def _configured_registry() -> RuleRegistry:
    """The rules a check here would know: the installed ones, and the YAML rules and plugins of the
    configuration that governs the current folder (a broken configuration is reported, not fatal)."""
    from speclint.configuration.config import ConfigResolver
    from speclint.configuration.validation import InvalidFile
    from speclint.engine.registry import load_registry

    registry = load_registry()
    try:
        return ConfigResolver(registry).for_file(Path.cwd() / "spec.md").registry
    except InvalidFile as error:
        for problem in error.problems:
            click.echo(f"speclint: error: {problem}", err=True)
        return registry


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Print a rule's documentation (RULE is its id, name or alias): what it flags, why it
    matters, a bad and a good example, and its options with their defaults."""
    import difflib

    from speclint.engine.rule import Category
    from speclint.reporters import ruledocs

    registry = _configured_registry()
    found = registry.get(rule)
    if found is None and rule.strip().lower() in {category.value for category in Category}:
        in_category = registry.select(rule)
        listed = ", ".join(f"{r.id} ({r.name})" for r in in_category) or "none yet"
        _fail(f"'{rule}' is a category, not a rule; its rules: {listed}. Explain one of them by id or name.")
    if found is None:
        keys = {key.lower(): key for r in registry.sorted() for key in (r.id, r.name, *r.aliases)}
        close = difflib.get_close_matches(rule.strip().lower(), list(keys), n=3, cutoff=0.6)
        hint = f" Did you mean {' or '.join(repr(keys[match]) for match in close)}?" if close else ""
        _fail(f"no rule '{rule}'.{hint} `speclint rules` lists every rule.")
    click.echo(ruledocs.explain_text(found), nl=False)


@cli.command()
@click.argument("name", required=False)
def profiles(name: str | None) -> None:
    """List the document profiles, or show one profile's expected sections.

    A profile is a kind of document (prd, spec-kit, kep, rust-rfc, adr...). `speclint check`
    picks one per file from its content; `--profile NAME` forces one.
    """
    from speclint.engine.profiles import ProfileError, builtin_profile_names, load_profile

    if name is None:
        for profile_name in builtin_profile_names():
            profile = load_profile(profile_name)
            click.echo(f"{profile.name:22} {profile.description}")
        return
    try:
        profile = load_profile(name)
    except ProfileError as error:
        _fail(str(error))
    click.echo(f"{profile.name}: {profile.description}")
    click.echo(f"title heading: {profile.title_heading}")
    if profile.front_matter_schema:
        click.echo(f"front matter schema: {profile.front_matter_schema}")
    click.echo("sections (in the expected order):" if profile.sections else "sections: none expected")
    _echo_sections(profile.sections, depth=1)
    for key, setting in profile.rules.items():
        options = f" {dict(setting.options)}" if setting.options else ""
        click.echo(f"rule {key}: {setting.level or 'default level'}{options}")


def _echo_sections(sections: Sequence[ExpectedSection], depth: int) -> None:
    for section in sections:
        required = "required" if section.required else "optional"
        also = f" (also: {', '.join(section.aliases)})" if section.aliases else ""
        click.echo(f"{'  ' * depth}- {section.name} [{required}]{also}")
        _echo_sections(section.children, depth + 1)


@cli.command()
@click.argument("directory", default=".", type=click.Path(path_type=Path, file_okay=False, exists=True))
def init(directory: Path) -> None:
    """Write a commented starter .speclint.yaml in DIRECTORY (default: here).

    The documents below DIRECTORY are read to pick the profile, and an override for each folder
    whose documents are of another kind. An existing configuration is never overwritten.
    """
    from speclint.configuration.config import CONFIG_FILE_NAMES, PYPROJECT, declares_speclint
    from speclint.configuration.starter import detect_kinds, starter_config

    for name in CONFIG_FILE_NAMES:
        if (directory / name).exists():
            _fail(f"{directory / name} already exists; edit it, or delete it to start again")
    if (directory / PYPROJECT).is_file() and declares_speclint(directory / PYPROJECT):
        _fail(f"{directory / PYPROJECT} already configures speclint ([tool.speclint])")
    kinds = detect_kinds(directory)
    target = directory / CONFIG_FILE_NAMES[0]
    try:
        with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
            handle.write(starter_config(kinds))
    except FileExistsError:
        _fail(f"{target} already exists; edit it, or delete it to start again")
    except OSError as error:
        _fail(f"cannot write {target}: {error.strerror or error}")
    count = len(kinds)
    click.echo(f"speclint: wrote {target} for {count} document{'s' * (count != 1)}", err=True)


@cli.command("test-rules")
@click.argument("rule_files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
def test_rules(rule_files: Sequence[Path]) -> None:
    """Run the examples of YAML rule files: each must-trigger example needs a finding, each
    must-not-trigger example none. Exit 0 when all pass, 1 when one fails, 2 for an invalid file."""
    from speclint.configuration.validation import InvalidFile
    from speclint.configuration.yaml_rules import read_rule_file, run_examples

    invalid = failed = passed = 0
    for path in rule_files:
        if path.suffix not in (".yaml", ".yml"):
            click.echo(f"speclint: error: {path}: test-rules reads YAML rule files (.yaml, .yml)", err=True)
            invalid += 1
            continue
        try:
            loaded = read_rule_file(path)
        except InvalidFile as error:
            for problem in error.problems:
                click.echo(f"speclint: error: {problem}", err=True)
            invalid += 1
            continue
        for result in run_examples(loaded):
            if result.passed:
                passed += 1
                continue
            failed += 1
            click.echo(
                f"{loaded.shown}:{result.line}:{result.column}: {result.rule_id} ({result.rule_name}) "
                f"{result.expectation} example {result.number} failed: {result.detail}"
            )
        without = [rule.id for rule in loaded.rules if not any(rule.examples.values())]
        if without:
            click.echo(f"speclint: {loaded.shown}: no examples for {', '.join(without)}", err=True)
    if invalid < len(rule_files):
        click.echo(f"speclint: {passed} example{'s' * (passed != 1)} passed, {failed} failed", err=True)
    sys.exit(EXIT_ERROR if invalid else EXIT_FINDINGS if failed else EXIT_CLEAN)


@cli.command()
@click.option(
    "--stdio",
    is_flag=True,
    help="Talk over standard input and output: the only transport, and the default. Accepted "
    "because LSP clients such as vscode-languageclient add it.",
)
def server(stdio: bool) -> None:
    """Start the language server (LSP over standard input and output) for editors.

    It publishes speclint's findings as diagnostics while you type and offers quick fixes that
    insert suppression comments. Needs the optional dependency: pip install 'speclint[lsp]'.
    """
    from importlib.util import find_spec

    try:
        installed = find_spec("pygls") is not None and find_spec("lsprotocol") is not None
    except (ImportError, ValueError):
        installed = False
    worker = None
    if installed:
        from speclint.language_server_worker import LintWorker

        # The linting process warms up while pygls is imported and the editor initialises.
        worker = LintWorker()
        worker.start_in_background()
    try:
        from speclint.language_server import serve
    except ImportError as error:
        if worker is not None:
            worker.stop()
        _fail(f"speclint server needs pygls ({error}); install it with: pip install 'speclint[lsp]'")
    serve(worker)
