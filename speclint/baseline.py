"""A baseline: the findings a repository already had when it adopted speclint, to report only new ones.

`speclint check --write-baseline FILE` records every finding as (rule id, path, text of the line the
finding starts on), with a count for identical ones; `--baseline FILE` drops findings that match a
recorded entry, each entry absorbing at most its count. Matching on the line's text rather than its
number keeps the baseline valid when lines are inserted or removed elsewhere in the file; editing the
offending line itself makes its finding new again, which is what a reviewer wants to see.

Paths are stored relative to the baseline file's folder, so the baseline works from any working
directory. The file is JSON, sorted, one entry per line group, so that it diffs well in review.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from speclint.model import Document
from speclint.rule import Finding

FORMAT_VERSION = 1

Key = tuple[str, str, str]  # rule id, path, stripped line text


class BaselineError(Exception):
    """The baseline file cannot be read or is not a speclint baseline; `str()` says why."""


def _path_key(document: Document, folder: Path) -> str:
    if document.file_path is None:
        return document.path
    try:
        return document.file_path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return document.file_path.resolve().as_posix()


def finding_key(document: Document, finding: Finding, folder: Path) -> Key:
    if finding.path != document.path:
        # A finding in a file the document owns (a KEP's kep.yaml): its lines are not at hand, so
        # the message stands in for the line's text.
        return (finding.rule_id, _other_path_key(finding.path, folder), finding.message)
    return (finding.rule_id, _path_key(document, folder), document.line_text(finding.span.start.line).strip())


def _other_path_key(display_path: str, folder: Path) -> str:
    try:
        return Path(display_path).resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return display_path


@dataclass
class Baseline:
    """Recorded findings, as counts per key. `matched` counts what `filter` has absorbed."""

    folder: Path
    counts: Counter[Key] = field(default_factory=Counter)
    matched: int = 0

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"{path}: no such baseline file (create it with --write-baseline)") from None
        except (OSError, UnicodeDecodeError) as error:
            raise BaselineError(f"{path}: cannot read the baseline: {error}") from None
        except json.JSONDecodeError as error:
            raise BaselineError(f"{path}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}") from None
        baseline = cls(path.resolve().parent)
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION or not isinstance(data.get("findings"), list):
            raise BaselineError(f"{path}: not a speclint baseline (version {FORMAT_VERSION}, with a 'findings' list)")
        for index, entry in enumerate(data["findings"]):
            try:
                key = (str(entry["rule"]), str(entry["path"]), str(entry["line"]))
                count = int(entry.get("count", 1))
            except (KeyError, TypeError, ValueError, AttributeError):
                raise BaselineError(f"{path}: entry {index + 1} needs 'rule', 'path' and 'line'") from None
            baseline.counts[key] += max(count, 1)
        return baseline

    def filter(self, document: Document, findings: Iterable[Finding]) -> list[Finding]:
        """`findings` not in the baseline. Of several identical findings, the later ones are new."""
        remaining: Counter[Key] = Counter()
        kept = []
        for finding in findings:
            key = finding_key(document, finding, self.folder)
            available = self.counts.get(key, 0)
            if remaining[key] < available:
                remaining[key] += 1
                self.matched += 1
                continue
            kept.append(finding)
        return kept


@dataclass
class BaselineWriter:
    """Collects keys of every finding of a run, then writes them to `path`."""

    path: Path
    counts: Counter[Key] = field(default_factory=Counter)

    def add(self, document: Document, findings: Iterable[Finding]) -> None:
        folder = self.path.resolve().parent
        for finding in findings:
            self.counts[finding_key(document, finding, folder)] += 1

    def write(self) -> int:
        """Write the baseline; the number of findings recorded."""
        entries: list[dict[str, Any]] = [
            {"rule": rule, "path": path, "line": line, "count": count}
            for (rule, path, line), count in sorted(self.counts.items(), key=lambda item: (item[0][1], item[0][0], item[0][2]))
        ]
        data = {"version": FORMAT_VERSION, "tool": "speclint", "findings": entries}
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        try:
            self.path.write_text(text, encoding="utf-8")
        except OSError as error:
            raise BaselineError(f"{self.path}: cannot write the baseline: {error.strerror or error}") from None
        return sum(self.counts.values())
