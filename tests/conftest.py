"""Shared test helpers: parse a snippet, run one rule on it."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest

from speclint.engine import ActiveRule, run_rules
from speclint.model import Document
from speclint.parser import parse
from speclint.registry import load_registry
from speclint.rule import Finding

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
        result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
    finally:
        os.chdir(previous)
    return result.exit_code, result.stdout, result.stderr


def write(folder: Path, relative: str, text: str) -> Path:
    """Write a dedented file below `folder`, creating its folders."""
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(md(text), encoding="utf-8")
    return path
