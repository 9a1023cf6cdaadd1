"""Running rules: one document in, sorted findings out.

The engine knows nothing about files, configuration files or output formats. It gets a parsed
`Document` and the rules to run (each with its level and validated options), and returns findings
sorted by position. A rule that raises is recorded as a `RuleFailure` and the other rules go on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from speclint.document.model import Document
from speclint.engine.rule import Finding, Level, Rule, RuleContext


@dataclass(frozen=True)
class ActiveRule:
    """A rule as configured for one run: the class, the level it reports at, its options."""

    rule: type[Rule]
    level: Level
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RuleFailure:
    """A rule raised on a document: reported once, and the run exits 2."""

    path: str
    rule_id: str
    rule_name: str
    error: str


@dataclass
class LintResult:
    findings: list[Finding] = field(default_factory=list)
    failures: list[RuleFailure] = field(default_factory=list)


def run_rules(
    document: Document,
    rules: Sequence[ActiveRule],
    profile: Any = None,
    settings: Mapping[str, Any] | None = None,
) -> LintResult:
    """Run each rule on `document`; collect findings sorted by line and column."""
    result = LintResult()
    for active in rules:
        rule = active.rule
        context = RuleContext(options=active.options, profile=profile, settings=settings or {})
        try:
            for violation in rule().check(document, context):
                result.findings.append(
                    Finding(
                        path=violation.path or document.path,
                        span=violation.span,
                        rule_id=rule.id,
                        rule_name=rule.name,
                        category=rule.category.value,
                        level=active.level,
                        message=violation.message,
                        fix=violation.fix,
                    )
                )
        except Exception as error:  # a rule's bug must not stop the other rules or files
            result.failures.append(RuleFailure(document.path, rule.id, rule.name, f"{type(error).__name__}: {error}"))
    result.findings.sort(key=lambda finding: finding.sort_key)
    return result
