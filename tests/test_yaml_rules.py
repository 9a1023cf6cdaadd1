"""Declarative YAML rules: the three checks, their scope, validation messages and `speclint test-rules`."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import md, run_speclint, write

from speclint.configuration.yaml_rules import load_rule_file
from speclint.document.parser import parse
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.rule import Finding

HOUSE_RULES = """
rules:
  - id: ACME001
    name: no-codenames
    category: wording
    level: warning
    message: "internal codename '{match}': use the product name"
    description: Specs are read outside the team; codenames mean nothing there.
    documentation: https://wiki.example.com/spec-style#codenames
    existence:
      words: [Bluebird, Falcon]
      exclude-sections: [Glossary]
    examples:
      must-trigger:
        - "The Bluebird checkout ships in May."
        - |
          ## Rollout

          - Falcon goes first.
      must-not-trigger:
        - "The new checkout ships in May."
        - |
          ## Glossary

          Bluebird: the checkout project.
        - "Run `deploy bluebird` to ship."

  - id: ACME002
    name: rollback-plan
    category: risk
    level: error
    message: "no '{section}' section: say how this change is undone"
    required-section:
      section: Rollback plan
      aliases: [Rollback, Backout plan]
    examples:
      must-trigger: ["# Checkout\\n\\n## Rollout\\n\\nWe ship on Monday.\\n"]
      must-not-trigger: ["# Checkout\\n\\n## 5. Rollback\\n\\nFlip the flag off.\\n"]

  - id: ACME003
    name: spec-status
    category: metadata
    level: error
    message: "front matter '{key}' must be draft, review or approved"
    front-matter:
      key: status
      required: true
      allowed: [draft, review, approved]
    examples:
      must-trigger: ["---\\nstatus: done\\n---\\n# Checkout\\n", "# No front matter\\n"]
      must-not-trigger: ["---\\nstatus: review\\n---\\n# Checkout\\n"]
"""

pytestmark = pytest.mark.usefixtures("core_rules")


@pytest.fixture
def rules(tmp_path: Path) -> dict[str, type]:
    loaded = load_rule_file(write(tmp_path, "house.yaml", HOUSE_RULES))
    return {rule.id: rule for rule in loaded}


def run(rule: type, text: str) -> list[Finding]:
    result = run_rules(parse(md(text), "spec.md"), [ActiveRule(rule, rule.default_level, {})])
    assert not result.failures
    return result.findings


def test_a_yaml_rule_is_a_rule_with_identity_and_documentation(rules: dict[str, type]) -> None:
    rule = rules["ACME001"]
    assert (rule.name, rule.category.value, rule.default_level.value) == ("no-codenames", "wording", "warning")
    assert rule.documentation_url == "https://wiki.example.com/spec-style#codenames"
    assert rule.summary() == "Specs are read outside the team; codenames mean nothing there."
    assert "**Example**" in rule.documentation() and "**Use instead**" in rule.documentation()


def test_existence_points_at_each_word_with_the_message_filled_in(rules: dict[str, type]) -> None:
    findings = run(rules["ACME001"], """
    # Checkout

    The Bluebird checkout ships in May.

    | Phase | Service |
    |-------|---------|
    | 1     | Falcon  |
    """)
    assert [(f.span.start.line, f.span.start.column, f.span.end.column) for f in findings] == [(3, 5, 13), (7, 11, 17)]
    assert findings[0].message == "internal codename 'Bluebird': use the product name"


def test_existence_skips_code_excluded_sections_and_partial_words(rules: dict[str, type]) -> None:
    findings = run(rules["ACME001"], """
    The Bluebirds page and `Bluebird` in code.

    ```
    Falcon
    ```

    ## Glossary

    Falcon: the payment service.
    """)
    assert findings == []


def test_existence_scope_to_sections_and_block_kinds(tmp_path: Path) -> None:
    [rule] = load_rule_file(write(tmp_path, "r.yaml", """
    rules:
      - id: ACME010
        name: no-should-in-requirements
        category: wording
        level: warning
        message: "'{match}' in {section}: write 'must'"
        existence:
          pattern: "\\\\bshould\\\\b"
          ignore-case: true
          sections: [Requirements]
          blocks: [list-item]
    """))
    findings = run(rule, """
    ## Background

    - Users should not wait.

    ## Requirements

    The list below should be complete.

    - The page Should load in 2 s.
      - Retries should back off.
    """)
    assert [(f.span.start.line, f.span.start.column) for f in findings] == [(9, 12), (10, 13)]
    assert findings[0].message == "'Should' in Requirements: write 'must'"


def test_existence_can_search_code_when_asked(tmp_path: Path) -> None:
    [rule] = load_rule_file(write(tmp_path, "r.yaml", """
    rules:
      - id: ACME011
        name: no-internal-hosts
        category: api-contract
        level: error
        message: "internal host {match} in an example"
        existence: {pattern: "[a-z]+\\\\.corp\\\\.example", blocks: [code]}
    """))
    findings = run(rule, "Call billing.corp.example.\n\n```http\nGET https://billing.corp.example/v1\n```\n")
    assert [(f.span.start.line, f.span.start.column) for f in findings] == [(4, 13)]


def test_required_section_matches_forgivingly_and_points_at_the_title(rules: dict[str, type]) -> None:
    assert run(rules["ACME002"], "# Checkout\n\n## 5. Backout Plans\n\nFlip the flag.\n") == []
    [finding] = run(rules["ACME002"], "# Checkout\n\n## Rollout\n\nMonday.\n")
    assert (finding.span.start.line, finding.message) == (1, "no 'Rollback plan' section: say how this change is undone")


def test_front_matter_value_not_allowed_points_at_the_value(rules: dict[str, type]) -> None:
    [finding] = run(rules["ACME003"], "---\ntitle: Checkout\nstatus: done\n---\n")
    assert (finding.span.start.line, finding.span.start.column) == (3, 9)
    assert finding.message == "front matter 'status' must be draft, review or approved ('done' is not one of draft, review, approved)"


def test_front_matter_missing_key_and_missing_front_matter(rules: dict[str, type]) -> None:
    [missing_key] = run(rules["ACME003"], "---\ntitle: Checkout\n---\n")
    assert missing_key.message.endswith("(key 'status' is missing)")
    [no_front_matter] = run(rules["ACME003"], "# Checkout\n")
    assert no_front_matter.message.endswith("(the document has no front matter)")


def test_front_matter_type_and_pattern(tmp_path: Path) -> None:
    [date_rule, owner_rule] = load_rule_file(write(tmp_path, "r.yaml", """
    rules:
      - {id: ACME020, name: review-date, category: metadata, level: warning,
         message: "'{key}' must be a date", front-matter: {key: review-by, type: date}}
      - {id: ACME021, name: owner-handle, category: metadata, level: warning,
         message: "'{key}' must be a @handle", front-matter: {key: owner, pattern: "^@[a-z0-9-]+$"}}
    """))
    assert run(date_rule, "---\nreview-by: 2026-03-01\n---\n") == []
    assert run(date_rule, "---\nreview-by: next sprint\n---\n")[0].message == "'review-by' must be a date ('next sprint' is not a date)"
    assert run(owner_rule, "---\nowner: '@ana'\n---\n") == []
    assert len(run(owner_rule, "---\nowner: Ana\n---\n")) == 1


def test_yaml_rules_load_through_plugins_and_obey_configuration(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "speclint/house.yaml", HOUSE_RULES)
    write(tmp_path, ".speclint.yaml", "plugins: [speclint/house.yaml]\nrules:\n  rollback-plan: off\n  spec-status: off\n")
    write(tmp_path, "spec.md", "# Checkout\n\nBluebird ships in May.\n")
    code, out, err = run_speclint("check", "spec.md", cwd=tmp_path)
    assert (code, out, err) == (0, "spec.md:3:1: warning ACME001 internal codename 'Bluebird': use the product name\n", "")


# --- speclint test-rules ------------------------------------------------------------------------


def test_test_rules_passes_when_every_example_behaves(tmp_path: Path) -> None:
    write(tmp_path, "house.yaml", HOUSE_RULES)
    code, out, err = run_speclint("test-rules", "house.yaml", cwd=tmp_path)
    assert (code, out, err) == (0, "", "speclint: 10 examples passed, 0 failed\n")


def test_test_rules_reports_each_failing_example_at_its_line(tmp_path: Path) -> None:
    broken = HOUSE_RULES.replace('- "The new checkout ships in May."', '- "The new Falcon checkout ships in May."')
    broken = broken.replace("aliases: [Rollback, Backout plan]", "aliases: [Backout plan]")
    write(tmp_path, "house.yaml", broken)
    code, out, _ = run_speclint("test-rules", "house.yaml", cwd=tmp_path)
    assert code == 1
    assert out.splitlines() == [
        "house.yaml:20:11: ACME001 (no-codenames) must-not-trigger example 1 failed: "
        "found at example line 1, column 9: internal codename 'Falcon': use the product name",
        "house.yaml:37:26: ACME002 (rollback-plan) must-not-trigger example 1 failed: "
        "found at example line 1, column 1: no 'Rollback plan' section: say how this change is undone",
    ]


def test_test_rules_says_when_a_rule_has_no_examples(tmp_path: Path) -> None:
    write(tmp_path, "r.yaml", "rules:\n  - {id: ACME030, name: x-rule, category: wording, level: info, message: m, existence: {words: [x]}}\n")
    code, _, err = run_speclint("test-rules", "r.yaml", cwd=tmp_path)
    assert code == 0 and "speclint: r.yaml: no examples for ACME030" in err


# --- messages for a bad rule file -----------------------------------------------------------------


def problems(tmp_path: Path, text: str) -> list[str]:
    """The problems `speclint test-rules` prints for a rule file holding `text` (exit code 2)."""
    write(tmp_path, "house.yaml", text)
    code, out, err = run_speclint("test-rules", "house.yaml", cwd=tmp_path)
    assert (code, out) == (2, "") and "Traceback" not in err
    return [line.removeprefix("speclint: error: ") for line in err.splitlines()]


RULE = "rules:\n  - id: ACME001\n    name: no-codenames\n    category: wording\n    level: warning\n    message: m\n"


def test_rule_file_without_rules(tmp_path: Path) -> None:
    assert sorted(problems(tmp_path, "rule: []\n")) == [
        "house.yaml:1:1: the top level is missing the required key 'rules'",
        "house.yaml:1:1: unknown key 'rule' (did you mean 'rules'?) (allowed: $schema, rules)",
    ]


def test_rule_missing_required_keys(tmp_path: Path) -> None:
    assert problems(tmp_path, "rules:\n  - id: ACME001\n    existence: {words: [x]}\n") == [
        "house.yaml:2:5: rules[0] is missing the required keys 'name', 'category', 'level', 'message'"
    ]


def test_rule_with_a_bad_id_category_and_level(tmp_path: Path) -> None:
    text = RULE.replace("ACME001", "acme-1").replace("wording", "style").replace("level: warning", "level: off")
    assert problems(tmp_path, text + "    existence: {words: [x]}\n") == [
        "house.yaml:2:9: rules[0].id: 'acme-1' does not fit two to four capitals and three digits, like ACME001",
        "house.yaml:4:15: rules[0].category: 'style' is not allowed (allowed: structure, placeholder, acceptance-criteria, "
        "error-handling, edge-cases, api-contract, wording, measurability, traceability, metadata, risk)",
        "house.yaml:5:12: rules[0].level: 'off' is not allowed (allowed: info, warning, error)",
    ]


def test_rule_without_a_check_or_with_two(tmp_path: Path) -> None:
    assert problems(tmp_path, RULE) == [
        "house.yaml:2:5: rule ACME001: give exactly one check: existence, required-section or front-matter (none given)"
    ]
    two = RULE + "    existence: {words: [x]}\n    front-matter: {key: status}\n"
    assert problems(tmp_path, two)[0].endswith("(existence, front-matter given)")


def test_existence_needs_words_or_pattern(tmp_path: Path) -> None:
    assert problems(tmp_path, RULE + "    existence: {sections: [Goals]}\n") == [
        "house.yaml:7:16: existence: give either `words` or `pattern` (not both, not neither)"
    ]


def test_invalid_regular_expression(tmp_path: Path) -> None:
    assert problems(tmp_path, RULE + "    existence: {pattern: 'retr(y|ies'}\n") == [
        "house.yaml:7:26: pattern is not a valid regular expression: missing ), unterminated subpattern at position 4"
    ]


def test_pattern_matching_the_empty_string(tmp_path: Path) -> None:
    assert problems(tmp_path, RULE + "    existence: {pattern: 'x*'}\n") == [
        "house.yaml:7:26: pattern matches the empty string: it would flag every position"
    ]


def test_unknown_block_kind_and_check_key(tmp_path: Path) -> None:
    messages = problems(tmp_path, RULE + "    existence: {words: [x], blocks: [prose], section: [Goals]}\n")
    assert messages == [
        "house.yaml:7:38: rules[0].existence.blocks[0]: 'prose' is not allowed "
        "(allowed: heading, paragraph, list-item, table, block-quote, code)",
        "house.yaml:7:46: unknown key 'section' in rules[0].existence (did you mean 'sections'?) "
        "(allowed: words, pattern, ignore-case, sections, exclude-sections, blocks)",
    ]


def test_duplicate_rule_id_in_one_file(tmp_path: Path) -> None:
    second = RULE.replace("rules:\n", "").replace("no-codenames", "other-name")
    text = RULE + "    existence: {words: [x]}\n" + second + "    existence: {words: [y]}\n"
    assert problems(tmp_path, text) == ["house.yaml:8:9: id 'ACME001' is used by rule 1 of this file too"]


def test_example_that_is_not_text(tmp_path: Path) -> None:
    assert problems(tmp_path, RULE + "    existence: {words: [x]}\n    examples: {must-trigger: [[x]]}\n") == [
        "house.yaml:8:31: rules[0].examples.must-trigger[0] must be a string, not a list"
    ]


def test_broken_yaml_rule_file(tmp_path: Path) -> None:
    assert problems(tmp_path, "rules:\n  - id: ACME001\n   name: x\n") == [
        "house.yaml:3:4: invalid YAML: expected <block end>, but found '<block mapping start>'"
    ]


def test_bad_rule_file_named_in_configuration_fails_the_check(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "house.yaml", RULE)
    write(tmp_path, ".speclint.yaml", "plugins: [house.yaml]\n")
    write(tmp_path, "spec.md", "# Spec\n")
    code, _, err = run_speclint("check", "spec.md", cwd=tmp_path)
    assert code == 2
    assert err == "speclint: error: house.yaml:2:5: rule ACME001: give exactly one check: existence, required-section or front-matter (none given)\n"


def test_test_rules_reads_only_yaml_files(tmp_path: Path) -> None:
    write(tmp_path, "house.py", "RULES = []\n")
    code, _, err = run_speclint("test-rules", "house.py", cwd=tmp_path)
    assert (code, err) == (2, "speclint: error: house.py: test-rules reads YAML rule files (.yaml, .yml)\n")


def test_a_package_module_can_ship_yaml_rules(tmp_path: Path) -> None:
    from speclint.engine.registry import RuleRegistry, _rules_from

    write(tmp_path, "house.yaml", HOUSE_RULES)
    module = type("module", (), {"RULES": load_rule_file(tmp_path / "house.yaml")})
    registry = RuleRegistry()
    for rule in _rules_from(module):
        registry.add(rule, "entry point")
    assert registry.load_errors == [] and sorted(registry.rules) == ["ACME001", "ACME002", "ACME003"]


def test_yaml_rule_classes_pickle_as_file_and_id(tmp_path: Path) -> None:
    import pickle

    rules = load_rule_file(write(tmp_path, "house.yaml", HOUSE_RULES))
    assert pickle.loads(pickle.dumps(rules)) == rules  # the very same class objects
