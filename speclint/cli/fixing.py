"""`speclint check --fix` and `--diff`: apply the fixes findings carry, or show them as a diff.

Each file is fixed in rounds: apply every fix that does not overlap another, lint the new text,
and again, until no fix is left or the text stops changing (a fix never undoes another, so this
ends; the round limit is a guard). Only files on disk are fixed; a file is written only when its
text changed, in its own encoding, line endings and BOM (they are kept in the text as read).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from speclint.fixes import apply_fixes, fixes_of, unified_diff

if TYPE_CHECKING:
    from speclint.engine.runner import Planner, RunResult, Source

MAX_ROUNDS = 10


@dataclass
class FixedFile:
    source: Source
    before: str
    after: str
    applied: int


@dataclass
class FixSummary:
    files: list[FixedFile] = field(default_factory=list)

    @property
    def applied(self) -> int:
        return sum(item.applied for item in self.files)

    def diff(self) -> str:
        return "".join(unified_diff(item.source.display_path, item.before, item.after) for item in self.files)


def compute_fixes(result: RunResult, sources: Sequence[Source], planner: Planner) -> FixSummary:
    """What --fix would change in each file of `result`: the fixed text and how many fixes it took."""
    from speclint.engine.runner import Source as SourceType
    from speclint.engine.runner import lint

    by_path = {source.display_path: source for source in sources if source.path is not None}
    summary = FixSummary()
    for report in result.files:
        source = by_path.get(report.path)
        if source is None or not fixes_of(report.findings):
            continue
        text, applied, findings = report.text, 0, report.findings
        for _ in range(MAX_ROUNDS):
            fixes = fixes_of(findings)
            if not fixes:
                break
            outcome = apply_fixes(text, fixes)
            if outcome.text == text:
                break
            text, applied = outcome.text, applied + outcome.applied
            again = lint([SourceType(source.display_path, source.path, text, source.config)], [], planner=planner, jobs=1)
            findings = [finding for finding in again.findings if finding.path == source.display_path]
        if text != report.text:
            summary.files.append(FixedFile(source, report.text, text, applied))
    return summary


def write_fixes(summary: FixSummary) -> list[str]:
    """Write each fixed file; the messages of those that could not be written."""
    problems = []
    for item in summary.files:
        assert item.source.path is not None
        try:
            with open(item.source.path, "w", encoding="utf-8", newline="") as out:
                out.write(item.after)
        except OSError as error:
            problems.append(f"{item.source.display_path}: cannot write: {error.strerror or error}")
    return problems
