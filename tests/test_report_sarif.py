"""The SARIF format: valid SARIF 2.1.0, within GitHub code scanning's limits, with GitHub's own
line fingerprints, repository-relative paths and failures as notifications."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import SHARED
from hypothesis import given, settings
from hypothesis import strategies as st
from reporting import copy_fixtures, run_check, use_rules
from reporting_rules import REPORTING_RULES, Crashing, MissingOwner, Unresolved, VagueTime, active

from speclint.engine.rule import Level
from speclint.engine.runner import Source, lint
from speclint.reporters import ReportContext
from speclint.reporters.fingerprint import line_hashes
from speclint.reporters.sarif import sarif_log

SARIF_SCHEMA = SHARED / "reference" / "sarif-schema-2.1.0.json"
requires_sarif_schema = pytest.mark.skipif(
    not SARIF_SCHEMA.is_file(), reason="../shared/reference/sarif-schema-2.1.0.json is not present"
)

# RFC 3986: a scheme, then anything without spaces; for relative references, no spaces.
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$")
_URI_REFERENCE = re.compile(r"^[^\s]*$")


def validate_sarif(log: dict[str, Any]) -> None:
    """Against the official schema, with its `uri` formats checked (jsonschema skips them otherwise)."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    checker = jsonschema.FormatChecker()
    checker.checks("uri")(lambda value: not isinstance(value, str) or bool(_URI.match(value)))
    checker.checks("uri-reference")(lambda value: not isinstance(value, str) or bool(_URI_REFERENCE.match(value)))
    jsonschema.Draft4Validator(schema, format_checker=checker).validate(log)


def check_github_limits(log: dict[str, Any]) -> None:
    """https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning"""
    assert len(log["runs"]) <= 20
    for run in log["runs"]:
        rules = run["tool"]["driver"]["rules"]
        assert len(run["results"]) <= 25_000
        assert len(rules) <= 25_000
        for rule in rules:
            assert len(rule["shortDescription"]["text"]) <= 1024
            assert len(rule["fullDescription"]["text"]) <= 1024
            assert len(rule["properties"]["tags"]) <= 20
        for result in run["results"]:
            assert len(result["locations"]) <= 1_000
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def sarif_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, dict[str, Any]]:
    copy_fixtures(tmp_path)
    monkeypatch.chdir(tmp_path)
    run = run_check(["--format", "sarif", *args])
    return run.exit_code, json.loads(run.stdout)


@requires_sarif_schema
def test_output_is_valid_sarif_within_github_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    _, log = sarif_run(tmp_path, monkeypatch, "docs")
    validate_sarif(log)
    check_github_limits(log)
    assert len(log["runs"][0]["results"]) == 6


@requires_sarif_schema
def test_output_with_failures_is_valid_sarif(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch, Unresolved, Crashing)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "scan.md").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    exit_code, log = sarif_run(tmp_path, monkeypatch, "docs")
    validate_sarif(log)
    assert exit_code == 2
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notifications = invocation["toolExecutionNotifications"]
    read_error = next(n for n in notifications if n["descriptor"]["id"] == "read-error")
    assert read_error["level"] == "error"
    assert read_error["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "docs/scan.md", "uriBaseId": "%SRCROOT%"
    }
    crash = next(n for n in notifications if n["descriptor"]["id"] == "rule-error")
    descriptors = log["runs"][0]["tool"]["driver"]["notifications"]
    for notification in notifications:
        assert descriptors[notification["descriptor"]["index"]]["id"] == notification["descriptor"]["id"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[crash["associatedRule"]["index"]]["id"] == crash["associatedRule"]["id"] == "TS999"


def test_driver_lists_every_rule_that_ran_even_without_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    _, log = sarif_run(tmp_path, monkeypatch, "docs/notes.md")
    driver = log["runs"][0]["tool"]["driver"]
    assert [rule["id"] for rule in driver["rules"]] == ["TS001", "TS002", "TS003"]
    assert log["runs"][0]["results"] == []
    assert driver["name"] == "speclint"
    assert re.match(r"^\d+\.\d+\.\d+", driver["semanticVersion"])
    assert driver["informationUri"].startswith("https://")


def test_rule_descriptor_carries_documentation_level_and_category(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    _, log = sarif_run(tmp_path, monkeypatch, "docs/notes.md")
    rule = log["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule["id"] == "TS001" and rule["name"] == "vague-time"
    assert rule["shortDescription"]["text"] == VagueTime.summary()
    assert "Words that promise a date" in rule["fullDescription"]["text"]
    assert "**Why it matters.**" in rule["help"]["markdown"]
    assert "| `words` | list of strings |" in rule["help"]["markdown"]
    assert "Why it matters." in rule["help"]["text"] and "**" not in rule["help"]["text"]
    assert rule["defaultConfiguration"] == {"level": "warning"}
    assert "wording" in rule["properties"]["tags"]


def test_result_points_at_the_region_with_exclusive_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    _, log = sarif_run(tmp_path, monkeypatch, "docs/ops/runbook.md")
    run = log["runs"][0]
    result = run["results"][-1]
    assert result["ruleId"] == "TS003"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "TS003"
    assert result["level"] == "error"
    assert result["message"]["text"].startswith("unresolved 'TBD'")
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "docs/ops/runbook.md", "uriBaseId": "%SRCROOT%"}
    # "  - Switch to the backup provider: TBD." - TBD is columns 36-38; SARIF's end is the column after.
    assert location["region"] == {"startLine": 7, "startColumn": 36, "endLine": 7, "endColumn": 39}
    assert run["columnKind"] == "unicodeCodePoints"


def test_levels_map_to_sarif_levels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    _, log = sarif_run(tmp_path, monkeypatch, "docs/checkout.md")
    assert [(r["ruleId"], r["level"]) for r in log["runs"][0]["results"]] == [
        ("TS002", "note"), ("TS001", "warning"), ("TS001", "warning"), ("TS003", "error"),
    ]


def test_source_root_is_the_git_work_tree_above_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    (tmp_path / ".git").mkdir()
    copy_fixtures(tmp_path)
    monkeypatch.chdir(tmp_path / "docs")
    log = json.loads(run_check(["--format", "sarif", "ops"]).stdout)
    run = log["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"docs/ops/runbook.md"}


def test_source_root_is_github_workspace_in_actions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    copy_fixtures(tmp_path)
    monkeypatch.chdir(tmp_path / "docs")
    log = json.loads(run_check(["--format", "sarif", "ops"], env={"GITHUB_WORKSPACE": str(tmp_path)}).stdout)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "docs/ops/runbook.md"


def test_path_with_spaces_is_percent_encoded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch, Unresolved)
    (tmp_path / "team specs").mkdir()
    (tmp_path / "team specs" / "sync #2.md").write_text("Conflict policy: TBD\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    log = json.loads(run_check(["--format", "sarif", "team specs"]).stdout)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "team%20specs/sync%20%232.md"


def test_file_outside_the_source_root_gets_an_absolute_uri(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "spec.md"
    outside.parent.mkdir()
    outside.write_text("Owner: TBD\n", encoding="utf-8")
    (tmp_path / "repo").mkdir()
    result = lint([Source(str(outside), outside)], active(Unresolved))
    context = ReportContext.for_run(active(Unresolved), "0.1.0", tmp_path / "repo", environ={})
    location = sarif_log(result, context)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": outside.resolve().as_uri()}


def test_fingerprint_is_githubs_line_hash_of_the_start_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    _, log = sarif_run(tmp_path, monkeypatch, "docs/ops/runbook.md")
    text = (tmp_path / "docs" / "ops" / "runbook.md").read_text(encoding="utf-8")
    result = log["runs"][0]["results"][-1]
    assert result["partialFingerprints"] == {"primaryLocationLineHash": line_hashes(text)[7]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Test vectors of github/codeql-action (src/fingerprints.test.ts), which computes the same hash.
        ("", ["c129715d7a2bc9a3:1"]),
        (" a\nb\n  \t\tc\n d", ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"]),
        (
            " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
            ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
             "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"],
        ),
        (
            " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n",
            ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
             "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"],
        ),
        (
            "Lorem ipsum dolor sit amet.\n" * 10,
            ["a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
             "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
             "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"],
        ),
    ],
)
def test_line_hashes_match_codeql_action(text: str, expected: list[str]) -> None:
    assert line_hashes(text) == {number: value for number, value in enumerate(expected, start=1)}


def test_line_hash_does_not_change_when_lines_are_inserted_above() -> None:
    body = "## Retries\n\nBackoff: TBD, owned by the payments team.\n"
    before = line_hashes("# Upload\n\n" + body)[3]
    after = line_hashes("# Upload\n\nA new paragraph.\n\n" + body)[5]
    assert before == after


def test_line_hash_counts_astral_characters_as_two_code_units_like_javascript() -> None:
    # "😀" is one code point but two UTF-16 units: the hash window of 100 units ends one character
    # earlier than it would if code points were counted.
    def first_line_hash(last: str, a_count: int) -> str:
        return line_hashes("😀" + "a" * a_count + last + "\n")[1]

    assert first_line_hash("b", 97) != first_line_hash("c", 97)  # the last letter is unit 100: inside
    assert first_line_hash("b", 98) == first_line_hash("c", 98)  # unit 101: outside


def test_configured_level_is_a_rule_configuration_override() -> None:
    from speclint.engine.check import ActiveRule

    rules = [ActiveRule(Unresolved, Level.WARNING, {})]
    result = lint([Source("spec.md", None, "Owner: TBD\n")], rules)
    log = sarif_log(result, ReportContext.for_run(rules, "0.1.0", Path.cwd(), environ={}))
    run = log["runs"][0]
    assert run["tool"]["driver"]["rules"][0]["defaultConfiguration"] == {"level": "error"}
    assert run["results"][0]["level"] == "warning"
    assert run["invocations"][0]["ruleConfigurationOverrides"] == [
        {"descriptor": {"id": "TS003", "index": 0}, "configuration": {"level": "warning"}}
    ]


def test_long_documentation_is_cut_to_githubs_description_limit() -> None:
    from speclint.reporters.sarif import rule_descriptor

    class Verbose(MissingOwner):
        __doc__ = "Flags " + "very " * 400 + "long things.\n\n**What it flags.** " + "Words. " * 300

    descriptor = rule_descriptor(Verbose)
    assert len(descriptor["shortDescription"]["text"]) <= 1024
    assert len(descriptor["fullDescription"]["text"]) <= 1024
    assert descriptor["shortDescription"]["text"].endswith("…")


def test_results_beyond_githubs_limit_keep_the_most_serious(monkeypatch: pytest.MonkeyPatch) -> None:
    import speclint.reporters.sarif as sarif

    monkeypatch.setattr(sarif, "MAX_RESULTS", 3)
    rules = active(*REPORTING_RULES)
    text = "soon soon TBD soon TBD\n"
    result = lint([Source("spec.md", None, text)], rules)
    log = sarif_log(result, ReportContext.for_run(rules, "0.1.0", Path.cwd(), environ={}))
    run = log["runs"][0]
    # Findings: owner (info) at 1, soon at 1, 6 and 15 (warnings), TBD at 11 and 20 (errors).
    assert [r["level"] for r in run["results"]] == ["warning", "error", "error"]  # document order kept
    assert [r["locations"][0]["physicalLocation"]["region"]["startColumn"] for r in run["results"]] == [1, 11, 20]
    notification = run["invocations"][0]["toolExecutionNotifications"][-1]
    assert notification["level"] == "warning" and "3 results were left out" in notification["message"]["text"]


def rolling_line_hashes(text: str) -> dict[int, str]:
    """A line-by-line port of codeql-action's rolling hash, to check the fast implementation."""
    units = [unit for char in text for unit in (
        [ord(char)] if ord(char) <= 0xFFFF
        else [0xD800 + ((ord(char) - 0x10000) >> 10), 0xDC00 + ((ord(char) - 0x10000) & 0x3FF)])]
    window, line_numbers = [0] * 100, [-1] * 100
    first_mod, mask = pow(37, 100, 1 << 64), (1 << 64) - 1
    hashes: dict[int, str] = {}
    counts: dict[str, int] = {}
    state = {"hash": 0, "index": 0, "line": 0, "line_start": True, "cr": False}

    def output() -> None:
        value = format(state["hash"], "x")
        counts[value] = counts.get(value, 0) + 1
        hashes[line_numbers[state["index"]]] = f"{value}:{counts[value]}"
        line_numbers[state["index"]] = -1

    def update(unit: int) -> None:
        begin, window[state["index"]] = window[state["index"]], unit
        state["hash"] = (37 * state["hash"] + unit - first_mod * begin) & mask
        state["index"] = (state["index"] + 1) % 100

    for unit in [*units, 0xFFFF]:
        if unit in (0x20, 0x09) or (state["cr"] and unit == 0x0A):
            state["cr"] = False
            continue
        state["cr"] = unit == 0x0D
        unit = 0x0A if unit == 0x0D else unit
        if line_numbers[state["index"]] != -1:
            output()
        if state["line_start"]:
            state["line_start"] = False
            state["line"] += 1
            line_numbers[state["index"]] = state["line"]
        if unit == 0x0A:
            state["line_start"] = True
        update(unit)
    for _ in range(100):
        if line_numbers[state["index"]] != -1:
            output()
        update(0)
    return hashes


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", " ", "\t", "\r", "\n", "é", "日", "😀", "\r\n", "x" * 40]), max_size=80)
       .map("".join))
def test_fast_line_hashes_equal_the_rolling_algorithm(text: str) -> None:
    assert line_hashes(text) == rolling_line_hashes(text)


def test_hashes_of_some_lines_equal_those_of_all_lines() -> None:
    text = "# Plan\n\nSame line.\nSame line.\nOther.\nSame line.\n"
    every = line_hashes(text)
    assert line_hashes(text, {4, 6, 99}) == {4: every[4], 6: every[6]}


def test_paths_above_the_working_directory_are_made_relative_to_the_source_root(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "api").mkdir()
    (tmp_path / "docs").mkdir()
    context = ReportContext.for_run([], "0.1.0", tmp_path / "docs", environ={})
    assert context.source_root == tmp_path.resolve()
    assert context.root_relative("../api/orders.md") == "api/orders.md"
    assert context.root_relative("guide.md") == "docs/guide.md"
    assert context.root_relative(str(tmp_path.parent / "other.md")) is None


def test_github_workspace_is_ignored_when_running_outside_it(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    context = ReportContext.for_run([], "0.1.0", tmp_path / "repo", environ={"GITHUB_WORKSPACE": "/elsewhere"})
    assert context.source_root == (tmp_path / "repo").resolve()


def test_each_checked_file_is_an_artifact_with_its_profile() -> None:
    from speclint.engine.check import ActiveRule
    from speclint.engine.registry import load_registry
    from speclint.engine.runner import Source, lint
    from speclint.reporters import ReportContext
    from speclint.reporters.sarif import sarif_log

    rules = [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in load_registry().sorted()]
    kep = "# KEP-1: Gates\n## Summary\nx\n## Design Details\nx\n### Graduation Criteria\nx\n### Version Skew Strategy\nx\n"
    result = lint([Source("keps/gates.md", None, kep), Source("notes.md", None, "# Notes\n\nText.\n")], rules)
    log = sarif_log(result, ReportContext.for_run(rules, "1.0.0", Path.cwd(), False, []))
    artifacts = log["runs"][0]["artifacts"]
    assert [(a["location"]["uri"], a["properties"]["profile"]) for a in artifacts] == [
        ("keps/gates.md", "kep"), ("notes.md", "prd"),
    ]


@requires_sarif_schema
def test_a_fixable_finding_carries_its_fix_as_sarif_replacements(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    _, log = sarif_run(tmp_path, monkeypatch, "docs/ops/runbook.md")
    validate_sarif(log)
    [fixable] = [result for result in log["runs"][0]["results"] if "fixes" in result]
    [fix] = fixable["fixes"]
    assert fix["description"] == {"text": "Add front matter with an owner"}
    [change] = fix["artifactChanges"]
    assert change["artifactLocation"] == fixable["locations"][0]["physicalLocation"]["artifactLocation"]
    assert change["replacements"] == [{
        "deletedRegion": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1},
        "insertedContent": {"text": "---\nowner: TBD\n---\n"},
    }]
