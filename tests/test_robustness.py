"""Hostile input (issue 17): every failure stays with its file, YAML is loaded within budgets,
standard input has a size limit, a runaway rule is stopped and the others go on."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Iterator

import pytest

from speclint.api import ConfigurationError, lint_paths, lint_text
from speclint.document.parser import parse
from speclint.document.yaml_guard import MAX_DEPTH, YamlRefused, check_budget
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.files import DEFAULT_MAX_BYTES
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.engine.runner import Source, lint

#: `title:`, a blank line, `> # x`: ruamel.yaml raises an AssertionError with an empty message.
EMPTY_MESSAGE_YAML = "title:\n\n> # x\n"

#: Seven levels of ten aliases each: 10^7 values once expanded, from a few hundred bytes.
ALIAS_BOMB = 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n' + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]\n" for previous, name in zip("abcdefg", "bcdefgh")
)


def md(text: str) -> str:
    return textwrap.dedent(text).lstrip()


# --- one bad file never stops the run ---------------------------------------------------------------


def test_yaml_the_parser_fails_on_with_an_empty_message_is_a_finding_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text(f"---\n{EMPTY_MESSAGE_YAML}---\n# Bad\n")
    (tmp_path / "good.md").write_text("# Good\n\nText.\n")
    result = lint_paths([tmp_path], isolated=True, select=["MD001"])
    [finding] = result.findings
    assert (finding.path.endswith("bad.md"), finding.rule_id, finding.line) == (True, "MD001", 2)
    assert "could not read" in finding.message
    assert result.rule_failures == [] and result.read_failures == []
    assert [report.path.endswith("good.md") for report in result.files].count(True) == 1


@pytest.mark.parametrize("rule_id", ["API001", "API002", "API004", "API005"])
def test_a_yaml_example_the_parser_fails_on_crashes_no_rule(rule_id: str, tmp_path: Path) -> None:
    text = md("""
        # Orders API

        ## POST /orders

        ```yaml
        """) + EMPTY_MESSAGE_YAML + "```\n"
    path = tmp_path / "spec.md"
    path.write_text(text)
    result = lint_paths([path], isolated=True, select=[rule_id])
    assert result.rule_failures == []


def test_the_yaml_example_rule_reports_the_unreadable_example() -> None:
    text = "# Doc\n\n```yaml\n" + EMPTY_MESSAGE_YAML + "```\n"
    findings = lint_text(text, isolated=True, preview=True, select=["API004"])  # API004 is a preview rule
    assert [(finding.rule_id, finding.line) for finding in findings] == [("API004", 4)]
    assert findings[0].message.strip().endswith(")")  # "... could not read this (AssertionError)"


def test_a_parser_crash_stays_with_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import speclint.engine.runner as runner

    def parse_or_crash(text: str, path: str = "<stdin>"):  # a parser bug on one text
        if "crash" in text:
            raise IndexError("list index out of range")
        return parse(text, path)

    monkeypatch.setattr(runner, "parse", parse_or_crash)
    result = lint([Source("a.md", None, "# crash\n"), Source("b.md", None, "# Fine\n\nText.\n")], [])
    assert [(failure.path, "could not be parsed" in failure.message) for failure in result.read_failures] == [
        ("a.md", True)]
    assert [report.path for report in result.files] == ["b.md"]


def test_a_problem_at_the_end_of_a_line_in_an_example_stays_on_that_line() -> None:
    text = "# Doc\n\n```json\n{\n  \"a\": 1\n  \"b\": 2\n}\n```\n"
    lines = text.splitlines()
    findings = lint_text(text, isolated=True, preview=True, select=["API003"])  # API003 is a preview rule
    assert findings
    for finding in findings:
        for position in (finding.span.start, finding.span.end):
            assert position.column <= len(lines[position.line - 1]) + 1


# --- YAML budgets -------------------------------------------------------------------------------------


def test_an_alias_bomb_is_refused_at_the_alias_that_crosses_the_budget() -> None:
    with pytest.raises(YamlRefused) as refused:
        check_budget(ALIAS_BOMB)
    assert "too large" in refused.value.problem.message
    assert refused.value.problem.line == 4  # 0-based: `e: &e [*d, ...]` expands to 100,000 and more


def test_aliases_within_the_budget_load() -> None:
    check_budget("base: &base {a: 1}\none: *base\ntwo: *base\n")


def test_over_deep_yaml_is_refused() -> None:
    with pytest.raises(YamlRefused) as refused:
        check_budget("a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n")
    assert "too deep" in refused.value.problem.message


def test_an_alias_bomb_in_front_matter_is_a_finding_at_its_line() -> None:
    findings = lint_text(f"---\n{ALIAS_BOMB}---\n# Doc\n", isolated=True, select=["MD001"])
    assert [(finding.rule_id, finding.line) for finding in findings] == [("MD001", 6)]
    assert "too large" in findings[0].message


def test_an_alias_bomb_in_the_configuration_is_an_error_at_its_line(tmp_path: Path) -> None:
    config = tmp_path / ".speclint.yaml"
    config.write_text(ALIAS_BOMB)
    with pytest.raises(ConfigurationError) as error:
        lint_text("# Doc\n", tmp_path / "doc.md", config=config)
    [problem] = error.value.problems
    assert problem.line == 5 and "too large" in problem.message


def test_an_alias_bomb_in_kep_yaml_is_a_finding(tmp_path: Path) -> None:
    folder = tmp_path / "keps" / "sig-node" / "1-bomb"
    folder.mkdir(parents=True)
    (folder / "kep.yaml").write_text(ALIAS_BOMB)
    (folder / "README.md").write_text("# KEP-1: Bomb\n\n## Summary\n\nText.\n")
    result = lint_paths([folder / "README.md"], isolated=True, profile="kep", select=["MD001", "MD002"])
    assert result.rule_failures == []
    assert any("too large" in finding.message for finding in result.findings)


# --- budgets ---------------------------------------------------------------------------------------------


def test_standard_input_above_the_size_limit_is_refused_with_a_message() -> None:
    done = subprocess.run([sys.executable, "-m", "speclint", "check", "--isolated", "-"],
                          input=b"a" * (DEFAULT_MAX_BYTES + 1), capture_output=True)
    assert done.returncode == 2
    assert b"standard input: more than 5,242,880 bytes" in done.stderr


class Endless(Rule):
    id = "XX901"
    name = "endless"
    category = Category.STRUCTURE
    summary = "Never finishes."
    default_level = Level.WARNING

    def check(self, document, context: RuleContext) -> Iterator[Violation]:  # type: ignore[override]
        while True:
            pass
        yield  # pragma: no cover


class Quick(Endless):
    id = "XX902"
    name = "quick"

    def check(self, document, context: RuleContext) -> Iterator[Violation]:  # type: ignore[override]
        yield Violation(document.root.heading.span if document.root.heading else _first_heading(document), "here")


def _first_heading(document):
    return next(iter(document.sections())).heading.span


def test_a_rule_over_its_time_budget_is_stopped_and_the_others_go_on() -> None:
    document = parse("# Title\n\nText.\n", "doc.md")
    rules = [ActiveRule(Endless, Level.WARNING), ActiveRule(Quick, Level.WARNING)]
    result = run_rules(document, rules, rule_budget=0.2)
    assert [(failure.rule_id, "stopped after" in failure.error) for failure in result.failures] == [("XX901", True)]
    assert [finding.rule_id for finding in result.findings] == ["XX902"]


def test_once_the_document_budget_is_spent_the_other_rules_are_reported_as_not_run() -> None:
    document = parse("# Title\n\nText.\n", "doc.md")
    result = run_rules(document, [ActiveRule(Quick, Level.WARNING)], document_budget=-1.0)
    assert [(failure.rule_id, failure.error.startswith("not run")) for failure in result.failures] == [
        ("XX902", True)]
    assert result.findings == []
