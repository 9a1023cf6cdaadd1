"""One defect, one finding: where two rules report the same defect, the more specific one reports it.

A rule declares which rules' findings its own makes redundant (`Rule.subsumes`); the filter stage
(`speclint.filters.redundancy`) drops those findings where the two meet, and only for a finding
that is itself reported.
"""

from __future__ import annotations

from pathlib import Path

from conftest import md, parse_md, run_speclint, write

from speclint.api import lint_text
from speclint.document.model import Position, Span
from speclint.engine.check import ActiveRule
from speclint.engine.registry import load_registry
from speclint.engine.rule import Finding, Level, Subsumes, Within, rule_definition_errors
from speclint.filters.redundancy import drop_redundant

SPEC = """\
    # Photo upload

    ## Requirements

    - FR-001: The app MUST retry a failed upload where possible.
    - FR-002: The app MUST keep the photo on the phone until it is uploaded.

    ## Test plan

    TODO
    """


def _found(text: str, select: str, path: str = "docs/spec.md") -> list[tuple[str, int, int, str]]:
    findings = lint_text(md(text), path, isolated=True, preview=True, select=select.split(","))
    return [(finding.rule_id, finding.line, finding.column, finding.level.value) for finding in findings]


def test_an_escape_clause_in_a_requirement_is_reported_once_by_the_rule_about_requirements() -> None:
    assert _found(SPEC, "WD002,WD009") == [("WD009", 5, 46, "warning")]


def test_with_the_specific_rule_not_selected_the_other_rule_reports() -> None:
    assert _found(SPEC, "WD002") == [("WD002", 5, 46, "warning")]


def test_with_the_specific_rule_turned_off_the_other_rule_reports(tmp_path: Path) -> None:
    write(tmp_path, ".speclint.yaml", "preview: true\nrules:\n  WD009: off\n")
    spec = write(tmp_path, "docs/spec.md", SPEC)
    code, out, _ = run_speclint("check", "--no-cache", str(spec), cwd=tmp_path)
    assert "WD002" in out and "WD009" not in out


def test_a_section_that_only_says_todo_is_one_finding_the_markers() -> None:
    assert _found(SPEC, "ST003,PH001") == [("PH001", 10, 1, "error")]


def test_with_the_marker_rule_not_selected_the_section_is_reported_empty() -> None:
    assert _found(SPEC, "ST003") == [("ST003", 8, 1, "warning")]


def test_an_empty_section_and_a_marker_in_another_section_are_both_reported() -> None:
    text = SPEC + "\n    ## Rollout\n\n    ## Notes\n\n    We ship it behind a flag; the date is TBD.\n"
    assert _found(text, "ST003,PH001") == [("PH001", 10, 1, "error"), ("ST003", 12, 1, "warning"),
                                           ("PH001", 16, 39, "error")]


def test_the_finding_kept_is_reported_at_the_higher_level_of_the_two() -> None:
    # '??? ms' is a value left open (PH004, a warning) that PH001 reads as a marker (an error).
    text = """\
    # Checkout

    ## Requirements

    - The page must open in ??? ms.
    """
    assert _found(text, "PH001,PH004") == [("PH004", 5, 25, "error")]


def test_suppressing_the_specific_finding_lets_the_other_rule_report() -> None:
    text = SPEC.replace("where possible.", "where possible. <!-- speclint-disable-line WD009 -->")
    assert _found(text, "WD002,WD009,ST100") == [("WD002", 5, 46, "warning")]


def test_suppressing_the_redundant_rule_is_a_used_suppression() -> None:
    text = SPEC.replace("where possible.", "where possible. <!-- speclint-disable-line WD002 -->")
    assert _found(text, "WD002,WD009,ST100") == [("WD009", 5, 46, "warning")]  # no ST100: it silenced WD002


def test_a_baseline_written_with_both_findings_still_silences_the_one_left(tmp_path: Path) -> None:
    spec = write(tmp_path, "docs/spec.md", SPEC)
    arguments = ("check", "--isolated", "--preview", "--no-cache", "--select", "WD002,WD009", str(spec))
    code, _, _ = run_speclint(*arguments, "--write-baseline", "baseline.json", cwd=tmp_path)
    assert code == 0
    code, out, _ = run_speclint(*arguments, "--baseline", "baseline.json", cwd=tmp_path)
    assert code == 0 and "WD00" not in out


# --- the filter on its own: where two findings meet ---------------------------------------------


def _finding(rule_id: str, line: int, start: int, end: int, level: Level = Level.WARNING) -> Finding:
    return Finding("spec.md", Span(Position(line, start), Position(line, end)), rule_id, rule_id.lower(),
                   "wording", level, f"{rule_id} message")


def _filter(*findings: Finding) -> list[tuple[str, int, int]]:
    registry = load_registry()
    rules = [ActiveRule(registry.rules[rule_id], Level.WARNING) for rule_id in ("WD001", "WD006")]
    kept = drop_redundant(parse_md("x\n"), list(findings), rules)
    return [(finding.rule_id, finding.line, finding.column) for finding in kept]


def test_a_finding_whose_span_overlaps_the_specific_finding_is_dropped() -> None:
    assert _filter(_finding("WD001", 3, 30, 34), _finding("WD006", 3, 30, 48)) == [("WD006", 3, 30)]


def test_findings_on_different_lines_are_untouched() -> None:
    assert _filter(_finding("WD001", 3, 30, 34), _finding("WD006", 4, 30, 34)) == [("WD001", 3, 30), ("WD006", 4, 30)]


def test_findings_on_the_same_line_that_do_not_overlap_are_untouched() -> None:
    # 'fast' and, further on, 'user-friendly': two vague words, two defects.
    assert _filter(_finding("WD001", 3, 30, 34), _finding("WD006", 3, 40, 53)) == [("WD001", 3, 30), ("WD006", 3, 40)]


def test_every_built_in_relation_names_other_rules_that_exist_and_none_goes_round_in_a_circle() -> None:
    rules = load_registry().rules
    graph = {rule_id: {other for relation in rule.subsumes for other in relation.rule_ids}
             for rule_id, rule in rules.items()}
    for rule_id, rule in rules.items():
        assert rule_definition_errors(rule) == [], rule_id
        assert graph[rule_id] <= set(rules), rule_id

    def reaches(start: str, target: str, seen: set[str]) -> bool:
        return any(other == target or (other not in seen and reaches(other, target, seen | {other}))
                   for other in graph.get(start, ()))

    assert [rule_id for rule_id in graph if reaches(rule_id, rule_id, {rule_id})] == []


def test_a_relation_that_names_the_rule_itself_is_a_definition_error() -> None:
    class SelfSubsuming(load_registry().rules["WD006"]):  # type: ignore[misc, valid-type]
        """A rule that would drop its own findings."""

        subsumes = (Subsumes(("WD006",), Within.SPAN),)

    assert rule_definition_errors(SelfSubsuming) == ["subsumes names 'WD006', which is not the id of another rule"]


def test_the_rule_documentation_says_which_findings_the_rule_is_reported_instead_of() -> None:
    from speclint.reporters.ruledocs import explain_text

    assert ("Reported instead of WD002 where their findings overlap its own (one defect, one finding)."
            in explain_text(load_registry().rules["WD009"]))
