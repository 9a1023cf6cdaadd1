"""A stable JSON object for scripts and dashboards; its JSON Schema is `schemas/output.schema.json`.

    {
      "format_version": 1,
      "tool": {"name": "speclint", "version": "0.1.0"},
      "summary": {"files_checked": 2, "findings": 1, "by_level": {...}, "by_rule": {...},
                  "elapsed_seconds": 0.04, "execution_successful": true},
      "files": [{"path": "docs/checkout.md", "profile": "prd",
                 "profile_signals": ["headings: Requirements, Goals"], "findings": 1}],
      "findings": [{"rule_id": "PH001", "rule_name": "unresolved-marker", "category": "placeholder",
                    "level": "error", "message": "...", "path": "docs/checkout.md",
                    "start": {"line": 12, "column": 16}, "end": {"line": 12, "column": 19},
                    "fix": null}],
      "errors": [],
      "rules": [{"id": "PH001", "name": "unresolved-marker", "category": "placeholder", "level": "error"}]
    }

Lines and columns are 1-based, columns count Unicode code points, and `end.column` is exclusive.
Keys are only ever added (with `format_version` unchanged); renaming or removing one bumps it.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from speclint.engine.rule import Finding
from speclint.engine.runner import RunResult
from speclint.reporters import ReportContext, ascii_only, count_by_level, count_by_rule

FORMAT_VERSION = 1


def finding_object(finding: Finding) -> dict[str, Any]:
    span = finding.span
    return {
        "rule_id": finding.rule_id,
        "rule_name": finding.rule_name,
        "category": finding.category,
        "level": finding.level.value,
        "message": finding.message,
        "path": finding.path,
        "start": {"line": span.start.line, "column": span.start.column},
        "end": {"line": span.end.line, "column": span.end.column},
        "fix": fix_object(finding),
    }


def fix_object(finding: Finding) -> dict[str, Any] | None:
    """The finding's fix: a description and edits (`new_text` replaces `start` to `end`)."""
    if finding.fix is None:
        return None
    return {
        "description": finding.fix.description,
        "edits": [
            {"start": {"line": edit.span.start.line, "column": edit.span.start.column},
             "end": {"line": edit.span.end.line, "column": edit.span.end.column},
             "new_text": edit.new_text}
            for edit in finding.fix.edits
        ],
    }


def profile_name(profile: object) -> str | None:
    """The profile's name, whether the runner recorded a name or a profile object."""
    if profile is None or isinstance(profile, str):
        return profile
    name = getattr(profile, "name", None)
    return name if isinstance(name, str) else str(profile)


def report_object(result: RunResult, context: ReportContext) -> dict[str, Any]:
    errors: list[dict[str, Any]] = [
        {"type": "read-error", "path": failure.path, "message": failure.message}
        for failure in result.read_failures
    ]
    errors += [
        {"type": "rule-error", "path": crash.path, "rule_id": crash.rule_id, "rule_name": crash.rule_name,
         "message": crash.error}
        for crash in result.rule_failures
    ]
    errors += [{"type": "load-error", "path": None, "message": message} for message in context.load_errors]
    findings = result.findings
    return {
        "format_version": FORMAT_VERSION,
        "tool": {"name": "speclint", "version": context.version},
        "summary": {
            "files_checked": len(result.files),
            "findings": len(findings),
            "by_level": count_by_level(result),
            "by_rule": count_by_rule(result),
            "elapsed_seconds": round(result.elapsed, 3),
            "execution_successful": not (result.failed or context.load_errors),
        },
        "files": [
            {"path": report.path, "profile": profile_name(report.profile),
             "profile_signals": list(report.profile_signals), "findings": len(report.findings)}
            for report in result.files
        ],
        "findings": [finding_object(finding) for finding in findings],
        "errors": errors,
        "rules": [
            {"id": active.rule.id, "name": active.rule.name, "category": active.rule.category.value,
             "level": active.level.value}
            for active in context.rules
        ],
    }


def write(result: RunResult, context: ReportContext, out: TextIO) -> None:
    json.dump(report_object(result, context), out, indent=2, ensure_ascii=ascii_only(out))
    out.write("\n")
