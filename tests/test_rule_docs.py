"""`speclint rules`, `speclint explain` and the generated docs/rules.md."""

from __future__ import annotations

import json

import pytest
from conftest import REPOSITORY
from reporting import run_check, use_rules
from reporting_rules import MissingOwner, VagueTime

from speclint.engine.registry import load_registry
from speclint.reporters import ruledocs

DOCS = REPOSITORY / "docs" / "rules.md"


def test_docs_rules_md_is_up_to_date() -> None:
    expected = ruledocs.rules_markdown(ruledocs.built_in_rules())
    actual = DOCS.read_text(encoding="utf-8") if DOCS.exists() else ""
    assert actual == expected, (
        f"docs/rules.md is stale: regenerate it with `{ruledocs.REGENERATE_COMMAND}` "
        "from the repository root, then commit it"
    )


def test_docs_document_every_built_in_rule_with_its_options() -> None:
    text = ruledocs.rules_markdown(ruledocs.built_in_rules())
    for rule in ruledocs.built_in_rules():
        assert f"\n## {rule.id} {rule.name}\n" in text
        assert f"[{rule.id}](#{ruledocs.anchor(rule)})" in text
        for option in rule.options:
            assert f"| `{option.name}` |" in text


def test_docs_leave_out_third_party_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch, VagueTime, *load_registry().sorted())
    assert all(ruledocs.is_built_in(rule) for rule in ruledocs.built_in_rules())
    assert VagueTime not in ruledocs.built_in_rules()


def test_rules_lists_id_name_category_level_and_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch, VagueTime, MissingOwner)
    run = run_check([], command="rules")
    assert run.exit_code == 0
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["ID", "NAME", "CATEGORY", "LEVEL", "GROUP", "PRECISION", "SUMMARY"]
    assert lines[1] == (
        "TS001  vague-time     wording   warning  default  -          Flags \"soon\", \"later\" and \"shortly\" as a time frame."
    )
    assert lines[2].startswith("TS002  missing-owner  metadata  info     default  -          Flags a document")


def test_rules_as_json(monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch, VagueTime)
    rules = json.loads(run_check(["--format", "json"], command="rules").stdout)
    assert rules == [{
        "id": "TS001",
        "name": "vague-time",
        "aliases": ["soon"],
        "category": "wording",
        "default_level": "warning",
        "group": "default",
        "precision": None,  # never measured
        "summary": "Flags \"soon\", \"later\" and \"shortly\" as a time frame.",
        "options": [{"name": "words", "type": "list[str]", "default": ["soon", "later", "shortly"],
                     "description": "Words that are not a time frame."}],
        "documentation_url": None,  # not a built-in rule
    }]


def test_rules_as_markdown_is_the_reference_page(monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch, VagueTime)
    markdown = run_check(["--format", "markdown"], command="rules").stdout
    assert markdown == ruledocs.rules_markdown([VagueTime])


def test_built_in_rules_link_to_their_documentation() -> None:
    rule = load_registry().get("PH001")
    assert rule is not None
    assert ruledocs.documentation_url(rule).endswith("/docs/rules.md#ph001-unresolved-marker")


@pytest.mark.parametrize("key", ["TS001", "vague-time", "soon", "ts001"])
def test_explain_by_id_name_or_alias(monkeypatch: pytest.MonkeyPatch, key: str) -> None:
    use_rules(monkeypatch, VagueTime)
    run = run_check([key], command="explain")
    assert run.exit_code == 0
    assert run.stdout.startswith("TS001 vague-time\n\nCategory: wording. Default level: warning.\nAliases: soon.\n")


def test_explain_prints_documentation_examples_and_options_with_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch, VagueTime)
    text = run_check(["TS001"], command="explain").stdout
    assert "**Why it matters.** Engineers plan sprints with dates" in text
    assert "```markdown\nWe ship to everyone soon.\n```" in text  # bad example
    assert "We ship to everyone in the week of 2026-03-02." in text  # good example
    assert 'words: list of strings, default ["soon", "later", "shortly"]\n      Words that are not a time frame.' in text


def test_explain_of_a_rule_without_options_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch, MissingOwner)
    assert "Options: none." in run_check(["missing-owner"], command="explain").stdout


def test_explain_unknown_rule_exits_2_with_a_suggestion(monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch, VagueTime)
    run = run_check(["vague-tme"], command="explain")
    assert run.exit_code == 2
    assert "speclint: error: no rule 'vague-tme'. Did you mean 'vague-time'?" in run.stderr


def test_explain_built_in_rule_links_to_the_reference() -> None:
    from click.testing import CliRunner

    from speclint.cli import cli

    output = CliRunner().invoke(cli, ["explain", "unresolved-marker"]).output
    assert output.startswith("PH001 unresolved-marker\n")
    assert "Documentation: " in output and "#ph001-unresolved-marker" in output


def test_options_table_escapes_pipes() -> None:
    from speclint.engine.rule import Option

    class Piped(VagueTime):
        options = (Option("separator", "str", "|", "Split cells on | characters."),)

    assert "| `separator` | string | `\"\\|\"` | Split cells on \\| characters. |" in ruledocs.options_markdown(Piped)


def test_explain_a_category_lists_its_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch, VagueTime, MissingOwner)
    run = run_check(["wording"], command="explain")
    assert run.exit_code == 2
    assert "'wording' is a category, not a rule; its rules: TS001 (vague-time)." in run.stderr
