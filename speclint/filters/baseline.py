"""A baseline: the findings a repository already had when it adopted speclint, to report only new ones.

`speclint check --write-baseline FILE` records every finding as (rule id, path, text of the line the
finding starts on), with a count for identical ones; `--baseline FILE` drops findings that match a
recorded entry, each entry absorbing at most its count. Matching on the line's text rather than its
number keeps the baseline valid when lines are inserted or removed elsewhere in the file; editing the
offending line itself makes its finding new again, which is what a reviewer wants to see.

The baseline applies to a finished `RunResult` (each file's report carries its text), after every
other stage, in the main process. Paths are stored relative to the baseline file's folder, so the
baseline works from any working directory. The file is JSON, sorted, so that it diffs well in review.
A finding in a file a document owns (a KEP's kep.yaml) is matched on that file's own line.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from speclint.engine.runner import FileReport, RunResult

FORMAT_VERSION = 1

Key = tuple[str, str, str]  # rule id, path, stripped line text


class BaselineError(Exception):
    """The baseline file cannot be read or is not a speclint baseline; `str()` says why."""


def _report_keys(report: FileReport, folder: Path, cwd: Path) -> list[Key]:
    """The key of each finding of one file's report, in order."""
    from speclint.document.parser import split_lines

    lines = split_lines(report.text[1:] if report.text.startswith("\ufeff") else report.text)
    path = _path_key(report.path, folder, cwd)
    keys = []
    for finding in report.findings:
        line = finding.span.start.line
        keys.append((finding.rule_id, path, lines[line - 1].strip() if 0 < line <= len(lines) else ""))
    return keys


def _path_key(display_path: str, folder: Path, cwd: Path) -> str:
    """A display path (relative to the working directory) as a path relative to the baseline's folder."""
    absolute = Path(display_path) if Path(display_path).is_absolute() else cwd / display_path
    try:
        return absolute.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return absolute.resolve().as_posix()


@dataclass
class Baseline:
    """Recorded findings, as counts per key. `matched` counts what `apply` has hidden."""

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
        except RecursionError:
            raise BaselineError(f"{path}: not a speclint baseline (its JSON is nested too deeply)") from None
        baseline = cls(path.resolve().parent)
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION or not isinstance(data.get("findings"), list):
            raise BaselineError(f"{path}: not a speclint baseline (version {FORMAT_VERSION}, with a 'findings' list)")
        for index, entry in enumerate(data["findings"]):
            try:
                key = (str(entry["rule"]), str(entry["path"]), str(entry["line"]))
                count = entry.get("count", 1)
            except (KeyError, TypeError, ValueError, AttributeError):
                raise BaselineError(f"{path}: entry {index + 1} needs 'rule', 'path' and 'line'") from None
            if isinstance(count, bool) or not isinstance(count, int):  # 1e400 is a float (infinity)
                raise BaselineError(f"{path}: entry {index + 1}: 'count' must be a whole number, not {json.dumps(count)[:40]}")
            baseline.counts[key] += max(count, 1)
        return baseline

    def apply(self, result: RunResult, cwd: Path) -> None:
        """Remove from `result` the findings the baseline holds. Of several identical findings,
        the later ones in the file are the new ones."""
        used: Counter[Key] = Counter()
        for index, report in enumerate(result.files):
            kept = []
            for finding, key in zip(report.findings, _report_keys(report, self.folder, cwd), strict=True):
                if used[key] < self.counts.get(key, 0):
                    used[key] += 1
                    self.matched += 1
                else:
                    kept.append(finding)
            if len(kept) != len(report.findings):
                result.files[index] = FileReport(report.path, kept, report.profile, report.profile_signals, text=report.text)


@dataclass
class BaselineWriter:
    """Collects the keys of every finding of a run, then writes them to `path`."""

    path: Path
    counts: Counter[Key] = field(default_factory=Counter)

    def add(self, result: RunResult, cwd: Path) -> None:
        folder = self.path.resolve().parent
        for report in result.files:
            self.counts.update(_report_keys(report, folder, cwd))

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
