"""Reporters turn a `RunResult` into text for people, editors and CI systems.

Reporters never judge: levels are decided before they run (by the configuration, in each
`Finding`), and exit codes are decided by the CLI after they ran. Each format lives in its own
module, imported only when it is used, and exposes

    write(result: RunResult, context: ReportContext, out: TextIO) -> None

`ReportContext` carries what a format needs besides the findings: the rules that ran, the tool
version, the working directory (paths in the `RunResult` are relative to it), the source root that
CI systems resolve paths against, and whether colour is wanted.
"""

from __future__ import annotations

import os
import unicodedata
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence, TextIO

from speclint.record import Record

if TYPE_CHECKING:
    from speclint.engine.check import ActiveRule
    from speclint.engine.runner import RunResult

# Format name -> module. The order is the order `--help` lists them in.
FORMATS: dict[str, str] = {
    "concise": "speclint.reporters.concise",
    "full": "speclint.reporters.full",
    "json": "speclint.reporters.json_report",
    "sarif": "speclint.reporters.sarif",
    "github": "speclint.reporters.github",
    "gitlab": "speclint.reporters.gitlab",
}

# Formats other programs parse: nothing else may be written into the same stream.
MACHINE_FORMATS = frozenset({"json", "sarif", "github", "gitlab"})


class ReportContext(Record):
    """What a reporter needs besides the `RunResult`."""

    __slots__ = ("rules", "version", "cwd", "source_root", "color", "load_errors")

    def __init__(
        self,
        rules: Sequence[ActiveRule],
        version: str,
        cwd: Path,
        source_root: Path,
        color: bool = False,
        load_errors: Sequence[str] = (),
    ) -> None:
        self.rules = rules  # every rule that ran, with the level it ran at
        self.version = version
        self.cwd = cwd  # display paths in the RunResult are relative to this
        self.source_root = source_root  # CI systems (GitHub code scanning, annotations) resolve paths against this
        self.color = color
        self.load_errors = load_errors  # rules or plugins that failed to load

    @classmethod
    def for_run(
        cls,
        rules: Sequence[ActiveRule],
        version: str,
        cwd: Path | None = None,
        color: bool = False,
        load_errors: Sequence[str] = (),
        environ: Mapping[str, str] | None = None,
    ) -> ReportContext:
        cwd = (cwd or Path.cwd()).resolve()
        return cls(rules, version, cwd, find_source_root(cwd, environ), color, tuple(load_errors))

    def absolute_path(self, display_path: str) -> Path:
        """The file a display path names (display paths are relative to `cwd`, or absolute)."""
        path = Path(display_path)
        return path if path.is_absolute() else self.cwd / path

    def root_relative(self, display_path: str) -> str | None:
        """The path relative to `source_root`, POSIX-style; None when the file is outside it."""
        absolute = Path(os.path.normpath(self.absolute_path(display_path)))
        try:
            return absolute.relative_to(self.source_root).as_posix()
        except ValueError:
            return None


def find_source_root(cwd: Path, environ: Mapping[str, str] | None = None) -> Path:
    """The folder CI systems resolve reported paths against.

    In GitHub Actions that is `GITHUB_WORKSPACE` (when we run inside it); elsewhere the top of the
    git work tree around `cwd` (a `.git` folder or file); failing both, `cwd` itself.
    """
    environ = os.environ if environ is None else environ
    workspace = environ.get("GITHUB_WORKSPACE")
    if workspace:
        root = Path(workspace).resolve()
        if cwd == root or root in cwd.parents:
            return root
    for folder in (cwd, *cwd.parents):
        if (folder / ".git").exists():
            return folder
    return cwd


def write_report(output_format: str, result: RunResult, out: TextIO, context: ReportContext | None = None) -> None:
    """Write `result` in `output_format` (a key of `FORMATS`) to `out`.

    Without a `context`, the report has no rule list, the working directory is the current one
    and there is no colour.
    """
    if context is None:
        from speclint import __version__

        context = ReportContext.for_run((), __version__)
    import_module(FORMATS[output_format]).write(result, context, out)


def ascii_only(out: TextIO) -> bool:
    """True when `out` cannot encode every character (a legacy console code page): JSON output
    then escapes non-ASCII characters (`\\u65e5`) rather than lose them."""
    encoding = (getattr(out, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
    return not encoding.startswith(("utf", "cp65001"))


def printable(text: str) -> str:
    """`text` safe to print on one terminal line: control characters (an escape sequence in a
    document must never reach the terminal) shown as U+FFFD, line breaks and tabs as spaces."""
    if text.isprintable():
        return text
    return "".join(
        " " if char in "\t\n\r" else "\ufffd" if unicodedata.category(char) in ("Cc", "Cs") else char
        for char in text
    )


# Marks a finding `speclint check --fix` can fix, in the text formats (ruff's marker).
FIXABLE_MARKER = "[*] "


# Bidirectional controls reorder what a reader sees (Trojan Source, CVE-2021-42574).
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def escape_path(path: str) -> str:
    """A file name safe to print: control characters (ESC, newline, ...), bidirectional controls
    and line separators written as Python escapes (`\\x1b`, `\\n`, `\\u202e`), and a backslash
    before them doubled only when one of them is there, so that ordinary paths print unchanged."""
    if path.isprintable() and not any(char in _BIDI_CONTROLS for char in path):
        return path
    out = []
    for char in path:
        if char == "\\":
            out.append("\\\\")
        elif char in _BIDI_CONTROLS or not char.isprintable():
            out.append(char.encode("unicode_escape").decode("ascii"))
        else:
            out.append(char)
    return "".join(out)


def plural(count: int, word: str, many: str | None = None) -> str:
    """`1 file`, `2 files`, `0 info` (with `many` for irregular words)."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def level_phrase(count: int, level: str) -> str:
    """`1 error`, `2 warnings`, `3 info` ("info" has no plural)."""
    return f"{count} {level}" if count == 1 or level == "info" else f"{count} {level}s"


def count_by_level(result: RunResult) -> dict[str, int]:
    """Findings per level, every level present, most serious first."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in result.findings:
        counts[finding.level.value] += 1
    return counts


def count_by_rule(result: RunResult) -> dict[str, int]:
    """Findings per rule id, most frequent first (ties by id)."""
    counts: dict[str, int] = {}
    for finding in result.findings:
        counts[finding.rule_id] = counts.get(finding.rule_id, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
