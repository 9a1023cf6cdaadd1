"""GitLab Code Quality report: the JSON array a CI job declares as `artifacts:reports:codequality`.

GitLab shows these in the merge request widget and the changed-files diff. Each issue needs a
`description`, a `check_name`, a `fingerprint` that identifies it across pipelines, a `severity`
(`info`, `minor`, `major`, `critical`, `blocker`) and a `location` with a repository-relative path
and a begin line. The fingerprint hashes the rule, the path, the message and the finding's rank
among identical ones, not its line number, so a finding keeps its identity when lines are
inserted above it and GitLab does not report it as "fixed" and "new" at once. Paths are relative
to the source root (the top of the git work tree), which GitLab resolves them against. A file that
could not be read and a rule that crashed become `blocker` issues, so a pipeline never fails
without the merge request saying why.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any, TextIO

from speclint.engine.rule import Finding
from speclint.engine.runner import RunResult
from speclint.reporters import ReportContext

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def _fingerprint(*identity: str) -> str:
    return hashlib.sha256("\0".join(identity).encode("utf-8")).hexdigest()


def _path(display_path: str, context: ReportContext) -> str:
    relative = context.root_relative(display_path)
    return relative if relative is not None else str(context.absolute_path(display_path))


def issue(finding: Finding, context: ReportContext, rank: int = 0) -> dict[str, Any]:
    """One Code Quality issue for a finding; `rank` tells apart identical findings in one file."""
    start, end = finding.span.start, finding.span.end
    path = _path(finding.path, context)
    return {
        "type": "issue",
        "check_name": finding.rule_id,
        "description": f"{finding.rule_id} {finding.rule_name}: {' '.join(finding.message.split())}",
        "categories": ["Style"],
        "severity": SEVERITY[finding.level.value],
        "fingerprint": _fingerprint(finding.rule_id, path, finding.message, str(rank)),
        "location": {
            "path": path,
            "positions": {
                "begin": {"line": start.line, "column": start.column},
                "end": {"line": end.line, "column": end.column},
            },
        },
    }


def _failure(check_name: str, display_path: str, description: str, context: ReportContext) -> dict[str, Any]:
    path = _path(display_path, context)
    return {
        "type": "issue",
        "check_name": check_name,
        "description": description,
        "categories": ["Bug Risk"],
        "severity": "blocker",
        "fingerprint": _fingerprint(check_name, path, description),
        "location": {"path": path, "lines": {"begin": 1}},
    }


def write(result: RunResult, context: ReportContext, out: TextIO) -> None:
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for finding in result.findings:
        key = (finding.rule_id, finding.path, finding.message)
        issues.append(issue(finding, context, seen[key]))
        seen[key] += 1
    for failure in result.read_failures:
        issues.append(_failure("speclint-read-error", failure.path, f"speclint could not read this file: {failure.message}", context))
    for crash in result.rule_failures:
        message = f"speclint rule {crash.rule_id} ({crash.rule_name}) crashed on this file: {crash.error}"
        issues.append(_failure("speclint-rule-error", crash.path, message, context))
    json.dump(issues, out, indent=2, ensure_ascii=False)
    out.write("\n")
