"""speclint as a library, for tools that embed it (an MkDocs plugin, a review bot, an editor).

    from speclint.api import lint_text

    for finding in lint_text(markdown, "docs/checkout.md"):
        print(finding.line, finding.column, finding.rule_id, finding.message)

Both functions apply the same configuration as `speclint check` would for that path (the closest
`.speclint.yaml` or `pyproject.toml`), unless `config` names a file or `isolated` asks for the
built-in defaults, and the document's suppression comments. They never print, never write a file
and never exit: a configuration that cannot be loaded raises `ConfigurationError`, whose
`problems` print as the messages the CLI shows (`file:line:col: message`). Each `Finding` carries its rule id, level,
message and exact span (`speclint.engine.rule.Finding`); the baseline is a CLI stage and is not
applied here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from speclint.configuration.validation import InvalidFile as ConfigurationError
from speclint.engine.rule import Finding, Level
from speclint.engine.runner import RunResult

__all__ = ["ConfigurationError", "Finding", "Level", "RunResult", "lint_paths", "lint_text"]


def lint_text(
    text: str,
    path: str | Path = "document.md",
    *,
    config: str | Path | None = None,
    isolated: bool = False,
    profile: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    preview: bool = False,
) -> list[Finding]:
    """The findings for `text`, linted as if it were the file at `path` (which need not exist).

    `path` decides which configuration, overrides and detected profile apply, and is the path the
    findings carry. `profile` forces a profile; `select` and `ignore` narrow the rules as the CLI's
    flags do; `preview` also runs the preview rules (`--preview`). Findings come sorted by position.
    """
    from speclint.engine.runner import Source

    location = Path(path)
    resolver = _resolver(config, isolated)
    source = Source(str(path), None, text, resolver.for_file(location.resolve()))
    result = _lint([source], profile, select, ignore, stdin_path=location.resolve(), preview=preview)
    return [finding for report in result.files for finding in report.findings]


def lint_paths(
    paths: Sequence[str | Path],
    *,
    config: str | Path | None = None,
    isolated: bool = False,
    profile: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    preview: bool = False,
) -> RunResult:
    """Lint files and folders as `speclint check PATHS` does, and return the whole result: each
    file's findings and profile, the files that could not be read and the rules that crashed."""
    from speclint.engine import files
    from speclint.engine.runner import Source

    resolver = _resolver(config, isolated)
    cwd = Path.cwd()
    sources = []
    for given in paths:
        path = Path(given)
        found_files = [path] if not path.is_dir() else list(files.discover([path]))
        absolute = path.resolve()
        # outside a repository the configuration search stops at the working folder, or at the path given
        start = cwd if cwd.resolve() in (absolute, *absolute.parents) else (absolute if path.is_dir() else absolute.parent)
        for found in found_files:
            file_config = resolver.for_file(found, start)
            if not file_config.is_ignored(found):
                sources.append(Source(files.display_path(found, cwd), found, None, file_config))
    return _lint(sources, profile, select, ignore, preview=preview)


def _resolver(config: str | Path | None, isolated: bool):  # -> ConfigResolver (imported lazily)
    from speclint.configuration.config import ConfigResolver
    from speclint.engine.registry import load_registry

    if config is not None and isolated:
        raise ValueError("config and isolated exclude each other")
    return ConfigResolver(load_registry(), explicit=Path(config) if config is not None else None, isolated=isolated)


def _lint(
    sources: list,
    profile: str | None,
    select: Sequence[str],
    ignore: Sequence[str],
    stdin_path: Path | None = None,
    preview: bool = False,
) -> RunResult:
    from speclint.configuration.config import ConfigPlanner
    from speclint.engine.runner import lint

    planner = ConfigPlanner(profile, tuple(select), tuple(ignore), stdin_path, preview)
    return lint(sources, [], planner=planner, jobs=1 if len(sources) < 2 else None)
