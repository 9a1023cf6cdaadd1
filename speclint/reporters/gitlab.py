"""GitLab Code Quality report: the JSON array a CI job declares as `artifacts:reports:codequality`.

GitLab shows these in the merge request widget and the changed-files diff. Each issue needs a
`description`, a `check_name`, a `fingerprint` that identifies it across pipelines, a `severity`
(`info`, `minor`, `major`, `critical`, `blocker`) and a `location` with a repository-relative path
and a begin line. The fingerprint hashes the rule, the path, the message and the finding's rank
among identical ones, not its line number, so a finding keeps its identity when lines are
inserted above it and GitLab does not report it as "fixed" and "new" at once.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any, TextIO

from speclint.rule import Finding
from speclint.runner import RunResult

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def _fingerprint(finding: Finding, rank: int) -> str:
    identity = "\0".join([finding.rule_id, finding.path, finding.message, str(rank)])
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()


def issue(finding: Finding, rank: int = 0) -> dict[str, Any]:
    """One Code Quality issue for a finding; `rank` tells apart identical findings in one file."""
    start, end = finding.span.start, finding.span.end
    return {
        "type": "issue",
        "check_name": finding.rule_id,
        "description": f"{finding.rule_id} {finding.rule_name}: {' '.join(finding.message.split())}",
        "categories": ["Style"],
        "severity": SEVERITY[finding.level.value],
        "fingerprint": _fingerprint(finding, rank),
        "location": {
            "path": finding.path,
            "positions": {
                "begin": {"line": start.line, "column": start.column},
                "end": {"line": end.line, "column": end.column},
            },
        },
    }


def write(result: RunResult, out: TextIO) -> None:
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for finding in result.findings:
        key = (finding.rule_id, finding.path, finding.message)
        issues.append(issue(finding, seen[key]))
        seen[key] += 1
    json.dump(issues, out, indent=2, ensure_ascii=False)
    out.write("\n")
