"""Damage tests on real corpus documents: a defect inserted into a copy of a corpus document, and
the finding expected at its exact line and column (and none on the undamaged document)."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS

from speclint.api import lint_text
from speclint.document.parser import parse
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.registry import load_registry


def damaged_text(source: str, old: str, new: str) -> tuple[str, int]:
    """The text of the corpus document `source` with `old` replaced by `new`, and the line the
    damage starts on."""
    text = (CORPUS / source).read_text(encoding="utf-8")
    assert old in text, f"{source} changed: the damage no longer applies"
    return text.replace(old, new, 1), text[: text.index(old)].count("\n") + 1


def damaged_copy(tmp_path: Path, source: str, old: str, new: str) -> tuple[Path, int]:
    """`damaged_text` written to a file of the same name in `tmp_path`, and the damaged line."""
    text, line = damaged_text(source, old, new)
    damaged = tmp_path / Path(source).name
    damaged.write_text(text, encoding="utf-8")
    return damaged, line


def rule_positions(rule_id: str, path: Path) -> list[tuple[int, int]]:
    """(line, column) of each finding of one rule, at its default level and options, on `path`."""
    rule = load_registry().get(rule_id)
    assert rule is not None
    active = ActiveRule(rule, rule.default_level, rule.resolve_options({}))
    result = run_rules(parse(path.read_text(encoding="utf-8"), str(path)), [active])
    return [(finding.span.start.line, finding.span.start.column) for finding in result.findings]


def lint_positions(rule_id: str, source: str, text: str | None = None, preview: bool = False) -> list[tuple[int, int]]:
    """(line, column) of each finding of one rule on the corpus document `source` (or on `text`, a
    damaged copy of it), linted as the command line lints it: its kind detected from its corpus
    path and content, built-in settings."""
    if text is None:
        text = (CORPUS / source).read_text(encoding="utf-8")
    found = lint_text(text, source, isolated=True, select=[rule_id], preview=preview)
    return [(finding.span.start.line, finding.span.start.column) for finding in found]


def without_failure(lines: list[str]) -> list[str]:
    """Every line that speaks of failure deleted (the damage of the error-handling rules' tests)."""
    from speclint.reading.operations import CALL_FAILURE, FAILURE_HANDLING

    return [line for line in lines if not (FAILURE_HANDLING.search(line) or CALL_FAILURE.search(line))]


def position_of(lines: list[str], text: str, words: str) -> tuple[int, int]:
    """Line and column (1-based) of `words` on the first line holding `text`."""
    line = next(index for index, each in enumerate(lines, 1) if text in each)
    return line, lines[line - 1].index(words) + 1
