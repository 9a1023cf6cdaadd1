"""`speclint check --summary`: the one line the pre-commit hook ends its output with.

pre-commit shows a hook's output only when the hook fails (or with `verbose: true`), and a commit
with warnings only passes: the line says what was found, what fails the commit, and how to see the
warnings on a commit that passes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from speclint.engine.runner import RunResult


def summary_line(result: RunResult, fail_on: str) -> str:
    from speclint.reporters import count_by_level, level_phrase, plural

    counts = count_by_level(result)
    found = ", ".join(level_phrase(count, level) for level, count in counts.items())
    line = f"speclint: {plural(len(result.files), 'file')} checked: {found}."
    fixable = sum(1 for finding in result.findings if finding.fix is not None)
    if fixable:
        line += f" {plural(fixable, 'finding')} marked [*] can be fixed with `speclint check --fix`."
    below = [level for level in ("warning", "info") if _rank(level) < _rank(fail_on)]
    if below:
        line += (f" Only {fail_on}s fail the commit; to see {' and '.join(below)} findings on a commit that passes, "
                 "set `verbose: true` on the hook (or `args: [--fail-on, warning]` to fail on warnings too).")
    return line


def _rank(level: str) -> int:
    return {"info": 0, "warning": 1, "error": 2}[level]
