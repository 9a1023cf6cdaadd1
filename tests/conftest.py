"""Shared test helpers: parse a snippet, run one rule on it."""

from __future__ import annotations

import os
import tempfile
import textwrap
from pathlib import Path
from typing import Any

import pytest

from speclint.document.model import Document
from speclint.document.parser import parse
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.registry import load_registry
from speclint.engine.rule import Finding

# Tests never leave a results cache (or its signing key) in the repository, in ../shared/corpus or
# in the user's home: every run of speclint in the suite uses folders of its own.
_SCRATCH = tempfile.mkdtemp(prefix="speclint-tests-")
os.environ.setdefault("SPECLINT_CACHE_DIR", os.path.join(_SCRATCH, "cache"))
os.environ.setdefault("SPECLINT_CACHE_SECRET_DIR", os.path.join(_SCRATCH, "key"))

REPOSITORY = Path(__file__).resolve().parent.parent
SHARED = REPOSITORY.parent / "shared"
CORPUS = SHARED / "corpus"


def md(text: str) -> str:
    """Dedent a triple-quoted Markdown snippet and drop the first newline."""
    return textwrap.dedent(text).lstrip("\n")


def parse_md(text: str, path: str = "spec.md") -> Document:
    return parse(md(text), path)


def lint_with(rule_key: str, text: str, path: str = "spec.md", **options: Any) -> list[Finding]:
    """Findings of one rule (by id or name) on a dedented snippet, with option overrides."""
    rule = load_registry().get(rule_key)
    assert rule is not None, f"no rule {rule_key}"
    active = ActiveRule(rule, rule.default_level, rule.resolve_options(options))
    result = run_rules(parse(md(text), path), [active])
    assert not result.failures, result.failures
    return result.findings


def spans(findings: list[Finding]) -> list[tuple[int, int]]:
    return [(finding.span.start.line, finding.span.start.column) for finding in findings]


requires_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")


def run_speclint(*args: str, cwd: Path, stdin: str | None = None) -> tuple[int, str, str]:
    """Run the `speclint` command in-process in `cwd`: (exit code, standard output, standard error)."""
    import os

    from click.testing import CliRunner

    from speclint.cli import cli

    previous = Path.cwd()
    os.chdir(cwd)
    try:
        # GITHUB_ACTIONS would switch the default output format to annotations.
        result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False, env={"GITHUB_ACTIONS": None})
    finally:
        os.chdir(previous)
    return result.exit_code, result.stdout, result.stderr


def write(folder: Path, relative: str, text: str) -> Path:
    """Write a dedented file below `folder`, creating its folders."""
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(md(text), encoding="utf-8")
    return path


# Rules that tests of configuration, suppressions and the baseline run with: the foundation's and
# ST100. Those tests are about the machinery, so they must not change when other rules are added.
CORE_RULES = ("PH001", "ST001", "MD001", "ST100")


@pytest.fixture
def core_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Restrict the process's rule registry to `CORE_RULES` for one test."""
    import speclint.engine.registry as registry_module

    full = registry_module.load_registry()
    restricted = registry_module.RuleRegistry()
    for rule_id in CORE_RULES:
        restricted.add(full.rules[rule_id], "test")
    monkeypatch.setattr(registry_module, "_registry", restricted)


def only_rules_config(**levels: str) -> str:
    """A `rules:` mapping that turns every category off and runs only the named rules at the given
    levels (for tests that run speclint in a subprocess, where the registry can't be patched)."""
    from speclint.engine.rule import Category

    lines = ["rules:"] + [f"  {category.value}: off" for category in Category]
    lines += [f"  {rule}: {level}" for rule, level in levels.items()]
    return "\n".join(lines) + "\n"


def lint_profiled(rule_key: str, text: str, profile: str | None, path: str = "spec.md", **options: Any) -> list[Finding]:
    """Findings of one rule run with a built-in profile (by name; None runs without a profile)."""
    from speclint.engine.profiles import load_profile

    rule = load_registry().get(rule_key)
    assert rule is not None, f"no rule {rule_key}"
    active = ActiveRule(rule, rule.default_level, rule.resolve_options(options))
    loaded = load_profile(profile) if profile else None
    result = run_rules(parse(md(text), path), [active], profile=loaded)
    assert not result.failures, result.failures
    return result.findings
