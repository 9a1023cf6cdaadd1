"""Helpers for the [risk] rule tests: run one rule with an optional profile name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from conftest import md

from speclint.document.parser import parse
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.registry import load_registry
from speclint.engine.rule import Finding


@dataclass(frozen=True)
class NamedProfile:
    """Stands in for speclint.engine.profiles.Profile: the risk rules only read `.name`."""

    name: str


def lint_risk(rule_key: str, text: str, profile: str | None = None, **options: Any) -> list[Finding]:
    rule = load_registry().get(rule_key)
    assert rule is not None, f"no rule {rule_key}"
    active = ActiveRule(rule, rule.default_level, rule.resolve_options(options))
    result = run_rules(parse(md(text), "spec.md"), [active], profile=NamedProfile(profile) if profile else None)
    assert not result.failures, result.failures
    return result.findings


def lines(findings: list[Finding]) -> list[int]:
    return [finding.span.start.line for finding in findings]
