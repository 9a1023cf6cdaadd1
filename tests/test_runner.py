"""The runner gives the same result in one process and in worker processes."""

from __future__ import annotations

from pathlib import Path

from speclint.engine.check import ActiveRule
from speclint.engine.registry import load_registry
from speclint.engine.runner import Source, lint


def built_in_rules() -> list[ActiveRule]:
    """The unresolved-marker and empty-document rules: enough to see findings from every file."""
    rules = [load_registry().get(key) for key in ("PH001", "ST001")]
    return [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in rules if rule is not None]


def corpus_of_specs(folder: Path, count: int) -> list[Source]:
    sources = []
    for number in range(count):
        path = folder / f"spec-{number:03}.md"
        if number % 7 == 0:
            path.write_bytes(b"\x00binary")
        else:
            path.write_text(f"# Spec {number}\n\nOwner: TBD\n" + "\nMore text.\n" * (number % 5))
        sources.append(Source(path.name, path))
    return sources


def test_worker_processes_give_the_same_result_as_one_process(tmp_path: Path) -> None:
    sources = corpus_of_specs(tmp_path, 70)
    alone = lint(sources, built_in_rules(), jobs=1)
    shared = lint(sources, built_in_rules(), jobs=2)
    assert shared.findings == alone.findings
    assert [report.path for report in shared.files] == [report.path for report in alone.files]
    assert shared.read_failures == alone.read_failures
    assert len(alone.findings) == 60 and len(alone.read_failures) == 10


def test_a_rule_that_cannot_go_to_a_worker_runs_in_this_process(tmp_path: Path) -> None:
    class LocalRule(built_in_rules()[0].rule):  # defined in a function: workers cannot import it
        pass

    sources = corpus_of_specs(tmp_path, 70)
    rules = [*built_in_rules(), ActiveRule(LocalRule, LocalRule.default_level, LocalRule.default_options())]
    assert lint(sources, rules, jobs=2).findings == lint(sources, rules, jobs=1).findings
