"""SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`) and other SARIF viewers.

One run. `tool.driver` describes speclint and every rule that ran (documentation as help text and
Markdown, category as a tag); each result points at one region with 1-based lines and columns
counted in Unicode code points (`run.columnKind`), end column exclusive as SARIF defines it. Paths
are relative to the source root (`%SRCROOT%` in `originalUriBaseIds`: the git work tree or
`GITHUB_WORKSPACE`), which is what code scanning resolves them against. Files that could not be
read and rules that crashed are `toolExecutionNotifications`, and `executionSuccessful` is false.

GitHub's limits (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning)
are kept: descriptions at most 1024 characters, at most 20 tags per rule, at most 25,000 results
per run (beyond that the most serious are kept and a notification says how many were left out).
"""

from __future__ import annotations

import json
from typing import Any, TextIO
from urllib.parse import quote

from speclint import HOMEPAGE
from speclint.engine.rule import Finding, Level, Rule
from speclint.engine.runner import RunResult
from speclint.lazy_regex import lazy_compile
from speclint.reporters import ReportContext, ascii_only

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SOURCE_ROOT = "%SRCROOT%"
MAX_DESCRIPTION = 1024
MAX_TAGS = 20
MAX_RESULTS = 25_000
SARIF_LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}
# GitHub sorts and labels non-security alerts by `problem.severity`.
PROBLEM_SEVERITY = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "recommendation"}
# What `toolExecutionNotifications` and `toolConfigurationNotifications` report, by descriptor id.
NOTIFICATIONS = {
    "read-error": "A file could not be read (binary, not UTF-8, too large, unreadable), so it was not linted.",
    "rule-error": "A rule raised an error on a file; its other findings on that file are missing.",
    "load-error": "A rule or plugin could not be loaded, so it did not run.",
    "results-truncated": "More results than GitHub code scanning accepts in one run; the most serious were kept.",
}
_NOTIFICATION_INDEX = {descriptor: index for index, descriptor in enumerate(NOTIFICATIONS)}
_SEMVER = lazy_compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")


def rule_descriptor(rule: type[Rule]) -> dict[str, Any]:
    from speclint.reporters import ruledocs

    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": ruledocs.shorten(rule.summary(), MAX_DESCRIPTION)},
        "fullDescription": {"text": ruledocs.description(rule, MAX_DESCRIPTION)},
        "help": {"text": ruledocs.rule_help_text(rule), "markdown": ruledocs.rule_help_markdown(rule)},
        "defaultConfiguration": {"level": SARIF_LEVEL[rule.default_level]},
        "properties": {
            "tags": [rule.category.value][:MAX_TAGS],
            "problem.severity": PROBLEM_SEVERITY[rule.default_level],
        },
    }
    url = ruledocs.documentation_url(rule)
    if url:
        descriptor["helpUri"] = url
    return descriptor


def artifact_location(path: str, context: ReportContext) -> dict[str, Any]:
    """A repository-relative URI with `uriBaseId`, or an absolute file URI outside the root."""
    relative = context.root_relative(path)
    if relative is not None:
        return {"uri": quote(relative, safe="/"), "uriBaseId": SOURCE_ROOT}
    return {"uri": context.absolute_path(path).resolve().as_uri()}


def _result(finding: Finding, rule_index: int, line_hashes: dict[int, str], context: ReportContext) -> dict[str, Any]:
    span = finding.span
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": SARIF_LEVEL[finding.level],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(finding.path, context),
                    "region": {
                        "startLine": span.start.line,
                        "startColumn": span.start.column,
                        "endLine": span.end.line,
                        "endColumn": span.end.column,
                    },
                }
            }
        ],
    }
    if finding.fix is not None:
        result["fixes"] = [_fix(finding, context)]
    line_hash = line_hashes.get(span.start.line)
    if line_hash is not None:  # None only for a position past the last line
        result["partialFingerprints"] = {"primaryLocationLineHash": line_hash}
    return result


def _fix(finding: Finding, context: ReportContext) -> dict[str, Any]:
    """The finding's fix as SARIF's `fix`: replacements in the finding's file (columns as in regions)."""
    assert finding.fix is not None
    return {
        "description": {"text": finding.fix.description},
        "artifactChanges": [
            {
                "artifactLocation": artifact_location(finding.path, context),
                "replacements": [
                    {
                        "deletedRegion": {
                            "startLine": edit.span.start.line,
                            "startColumn": edit.span.start.column,
                            "endLine": edit.span.end.line,
                            "endColumn": edit.span.end.column,
                        },
                        "insertedContent": {"text": edit.new_text},
                    }
                    for edit in finding.fix.edits
                ],
            }
        ],
    }


def _notification(level: str, text: str, descriptor: str, path: str | None, context: ReportContext) -> dict[str, Any]:
    notification: dict[str, Any] = {
        "level": level,
        "message": {"text": text},
        "descriptor": {"id": descriptor, "index": _NOTIFICATION_INDEX[descriptor]},
    }
    if path is not None:
        notification["locations"] = [{"physicalLocation": {"artifactLocation": artifact_location(path, context)}}]
    return notification


def sarif_log(result: RunResult, context: ReportContext) -> dict[str, Any]:
    from speclint.reporters.fingerprint import line_hashes
    from speclint.reporters.json_report import profile_name

    rules: list[type[Rule]] = []
    rule_index: dict[str, int] = {}
    for active in sorted(context.rules, key=lambda active: active.rule.id):
        rule_index[active.rule.id] = len(rules)
        rules.append(active.rule)
    descriptors = [rule_descriptor(rule) for rule in rules]

    results = []
    for report in result.files:
        hashes = line_hashes(report.text, {f.span.start.line for f in report.findings}) if report.findings else {}
        for finding in report.findings:
            if finding.rule_id not in rule_index:  # cannot happen through the CLI; stay valid anyway
                rule_index[finding.rule_id] = len(descriptors)
                descriptors.append({"id": finding.rule_id, "name": finding.rule_name,
                                    "properties": {"tags": [finding.category]}})
            results.append(_result(finding, rule_index[finding.rule_id], hashes, context))

    execution = [
        _notification("error", f"{failure.path}: {failure.message}", "read-error", failure.path, context)
        for failure in result.read_failures
    ]
    for crash in result.rule_failures:
        notification = _notification(
            "error", f"rule {crash.rule_id} ({crash.rule_name}) failed on {crash.path}: {crash.error}",
            "rule-error", crash.path, context,
        )
        notification["associatedRule"] = {"id": crash.rule_id, **(
            {"index": rule_index[crash.rule_id]} if crash.rule_id in rule_index else {})}
        execution.append(notification)
    if len(results) > MAX_RESULTS:
        rank = {"error": 0, "warning": 1, "note": 2}
        kept = sorted(range(len(results)), key=lambda i: rank[results[i]["level"]])[:MAX_RESULTS]
        left_out = len(results) - MAX_RESULTS
        results = [results[i] for i in sorted(kept)]
        execution.append(_notification(
            "warning", f"{left_out:,} results were left out: GitHub code scanning accepts at most "
            f"{MAX_RESULTS:,} per run; the most serious were kept", "results-truncated", None, context,
        ))

    overrides = [
        {"descriptor": {"id": active.rule.id, "index": rule_index[active.rule.id]},
         "configuration": {"level": SARIF_LEVEL[active.level]}}
        for active in sorted(context.rules, key=lambda active: active.rule.id)
        if active.level != active.rule.default_level
    ]
    invocation: dict[str, Any] = {
        "executionSuccessful": not (result.failed or context.load_errors),
        "toolExecutionNotifications": execution,
    }
    if context.load_errors:
        invocation["toolConfigurationNotifications"] = [
            _notification("error", message, "load-error", None, context) for message in context.load_errors
        ]
    if overrides:
        invocation["ruleConfigurationOverrides"] = overrides

    driver: dict[str, Any] = {"name": "speclint", "version": context.version, "informationUri": HOMEPAGE}
    if _SEMVER.match(context.version):
        driver["semanticVersion"] = context.version
    driver["rules"] = descriptors
    driver["notifications"] = [
        {"id": descriptor, "shortDescription": {"text": text}} for descriptor, text in NOTIFICATIONS.items()
    ]
    # Each checked file, with the document profile it was checked against (prd, kep, rust-rfc...).
    artifacts = [
        {"location": artifact_location(report.path, context), "properties": {"profile": profile_name(report.profile)}}
        for report in result.files
    ]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [invocation],
                "artifacts": artifacts,
                "originalUriBaseIds": {SOURCE_ROOT: {"uri": context.source_root.as_uri().rstrip("/") + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def write(result: RunResult, context: ReportContext, out: TextIO) -> None:
    json.dump(sarif_log(result, context), out, indent=2, ensure_ascii=ascii_only(out))
    out.write("\n")
