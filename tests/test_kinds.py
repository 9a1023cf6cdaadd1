"""What kind of document a file is: path, title, front matter and content together (speclint.engine.kinds),
files that are not specifications, discovery of `.kiro/`, and the kinds on the real corpus."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import corpus_sample
import pytest
from click.testing import CliRunner
from conftest import CORPUS, REPOSITORY, md, parse_md, requires_corpus

from speclint.cli import cli
from speclint.engine import files
from speclint.engine.kinds import NOT_A_SPEC, detect_kind


def kind_of(text: str, path: str | Path | None = None) -> str:
    return detect_kind(parse_md(text, str(path or "doc.md")), path).profile


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(md(text), encoding="utf-8")
    return path


DESIGN = """
# Invoice export design

## Overview

Accountants export a month of invoices.

## Architecture

A worker writes the CSV file.

## Components and Interfaces

The export endpoint and the worker.
"""

REQUIREMENTS = """
# Requirements Document

## Introduction

Invoice export for accountants.

## Requirements

### Requirement 1

#### Acceptance Criteria

1. WHEN the user clicks Export THE SYSTEM SHALL start a CSV download.
"""


# --- files that are not specifications -------------------------------------------------------


@pytest.mark.parametrize("name", ["README.md", "CHANGELOG.md", "CONTRIBUTING.md", "CODE_OF_CONDUCT.md", "SECURITY.md",
                                  "AGENTS.md", "CLAUDE.md", "docs/RELEASE.md"])
def test_project_files_are_not_specs(name: str) -> None:
    assert kind_of("# Project\n\n## Requirements\n\nPython 3.11.\n\n## Goals\n\nFast.\n", name) == NOT_A_SPEC


def test_a_kep_readme_beside_its_kep_yaml_is_a_kep(tmp_path: Path) -> None:
    (tmp_path / "kep.yaml").write_text("title: Invoice export\n", encoding="utf-8")
    assert kind_of("# KEP-1: Invoice export\n\n## Summary\n\nText.\n", tmp_path / "README.md") == "kep"


def test_a_readme_that_is_a_spec_by_its_content_stays_a_spec() -> None:
    text = """
    # Architecture Decision Record: use PostgreSQL

    ## Context and Problem Statement

    We need a database.

    ## Considered Options

    PostgreSQL, MySQL.

    ## Decision Outcome

    PostgreSQL.
    """
    assert kind_of(text, "docs/adr/README.md") == "adr"


def test_templates_are_not_specs() -> None:
    assert kind_of("# Title\n\n## Summary\n\n[one paragraph]\n", "docs/adr/adr-template.md") == NOT_A_SPEC


def test_a_document_named_after_a_template_engine_is_still_a_spec() -> None:
    text = "# Email templates\n\n## Requirements\n\nText.\n\n## Goals\n\nText.\n"
    assert kind_of(text, "template-engine.md") == "prd"


def test_agent_command_prompts_are_not_specs() -> None:
    text = """
    ---
    description: Plan the feature.
    scripts:
      sh: scripts/plan.sh
    ---

    ## User Input

    $ARGUMENTS
    """
    assert kind_of(text, "templates/commands/plan.md") == NOT_A_SPEC


def test_a_short_draft_without_spec_sections_is_still_linted_as_a_prd() -> None:
    assert kind_of("# Checkout\n\nTODO: write it.\n", "checkout.md") == "prd"


# --- path, title and content together --------------------------------------------------------


def test_kiro_files_get_their_kind_from_their_path() -> None:
    assert kind_of(DESIGN, ".kiro/specs/invoice-export/design.md") == "kiro-design"
    assert kind_of(REQUIREMENTS, ".kiro/specs/invoice-export/requirements.md") == "ears"
    assert kind_of("# Implementation Plan\n\n- [ ] 1. Add the endpoint\n", ".kiro/specs/x/tasks.md") == "kiro-tasks"


def test_a_kiro_design_that_quotes_shall_criteria_stays_a_design() -> None:
    text = DESIGN + "\n".join(f"\n- THE SYSTEM SHALL do thing {n}." for n in range(4))
    assert kind_of(text, ".kiro/specs/invoice-export/design.md") == "kiro-design"


def test_a_product_requirements_document_title_makes_a_prd_not_ears() -> None:
    text = """
    # Invoice Export: Product Requirements Document

    ## Functional requirements

    - FR-1: Export a month.
    """
    assert kind_of(text) == "prd"


def test_adr_folders_hold_adrs() -> None:
    text = """
    # 7. Use PostgreSQL

    ## Context

    We need a database.

    ## Decision: PostgreSQL

    We use PostgreSQL.
    """
    assert kind_of(text, "docs/adr/0007-use-postgresql.md") == "adr"


def test_a_specs_folder_spec_not_written_from_spec_kits_template_is_not_spec_kit() -> None:
    text = """
    # Milestone 1

    ## Goals

    Ship the MVP.

    ## Requirements

    - Users log meals.
    """
    assert kind_of(text, "specs/001-mvp/spec.md") == "prd"


def test_openshift_enhancements_are_told_from_keps_by_their_front_matter() -> None:
    text = """
    ---
    title: invoice-export
    authors:
      - "@writer"
    reviewers:
      - "@reviewer"
    approvers:
      - "@approver"
    creation-date: 2024-03-04
    ---

    # Invoice export

    ## Summary

    Text.
    """
    assert kind_of(text, "enhancements/billing/invoice-export.md") == "openshift-enhancement"


def test_the_signals_that_decided_are_named() -> None:
    detection = detect_kind(parse_md(DESIGN, "design.md"), ".kiro/specs/invoice-export/design.md")
    assert detection.signals[0] == "path: .kiro/specs/*/design.md"


# --- end to end ------------------------------------------------------------------------------


def test_check_at_the_root_of_a_kiro_project_lints_its_kiro_specs(workdir: Path) -> None:
    write(workdir, ".kiro/specs/invoice-export/requirements.md", REQUIREMENTS + "\nRetry limit: TBD\n")
    write(workdir, ".git-cache/notes.md", "# Notes\n\nTBD\n")  # other hidden folders stay skipped

    result = CliRunner().invoke(cli, ["check", "--format", "concise", "--select", "PH001", "-v"])

    assert ".kiro/specs/invoice-export/requirements.md:" in result.stdout
    assert "PH001" in result.stdout
    assert ".git-cache" not in result.stdout + result.stderr
    assert "requirements.md: profile ears (path: .kiro/specs/*/requirements.md" in result.stderr


def test_discovery_walks_kiro_and_skips_other_hidden_folders(tmp_path: Path) -> None:
    write(tmp_path, ".kiro/specs/x/design.md", DESIGN)
    write(tmp_path, ".github/notes.md", "# Notes\n")
    found = [path.relative_to(tmp_path).as_posix() for path in files.discover([tmp_path])]
    assert found == [".kiro/specs/x/design.md"]


def test_a_readme_with_a_todo_gets_no_finding_and_verbose_says_why(workdir: Path) -> None:
    write(workdir, "README.md", "# Tools\n\nTODO: document the install.\n")

    result = CliRunner().invoke(cli, ["check", "--format", "concise", "-v", "README.md"])

    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert "README.md: skipped, not a spec (file name: README.md" in result.stderr


def test_a_file_forced_with_profile_is_linted_as_that_kind(workdir: Path) -> None:
    write(workdir, "README.md", "# Tools\n\nTODO: document the install.\n")

    result = CliRunner().invoke(cli, ["check", "--format", "json", "--profile", "prd", "README.md"])

    report = json.loads(result.stdout)
    assert report["files"][0]["profile"] == "prd"
    assert report["files"][0]["profile_signals"] == ["forced by --profile"]
    assert any(finding["rule_id"] == "PH001" for finding in report["findings"])


def test_a_configured_profile_forces_a_kind(workdir: Path) -> None:
    write(workdir, ".speclint.yaml", 'overrides:\n  - files: ["README.md"]\n    profile: prd\n')
    write(workdir, "README.md", "# Tools\n\nTODO: document the install.\n")

    result = CliRunner().invoke(cli, ["check", "--format", "json", "README.md"])

    report = json.loads(result.stdout)
    assert report["files"][0]["profile"] == "prd"
    assert report["files"][0]["profile_signals"] == ["forced by profile: in .speclint.yaml"]


def test_json_output_names_the_kind_and_its_signals(workdir: Path) -> None:
    write(workdir, "CHANGELOG.md", "# Changelog\n\n## 1.0\n\n- TODO list removed.\n")

    result = CliRunner().invoke(cli, ["check", "--format", "json", "CHANGELOG.md"])

    entry = json.loads(result.stdout)["files"][0]
    assert entry == {"path": "CHANGELOG.md", "profile": NOT_A_SPEC,
                     "profile_signals": ["file name: CHANGELOG.md (a changelog)"], "findings": 0}


def test_init_does_not_count_files_that_are_not_specs(tmp_path: Path) -> None:
    from speclint.configuration.starter import detect_kinds

    write(tmp_path, "README.md", "# Tools\n")
    write(tmp_path, "CHANGELOG.md", "# Changelog\n")
    write(tmp_path, "docs/adr/0001-use-postgresql.md", "# 1. Use PostgreSQL\n\n## Context\n\nA.\n\n## Decision\n\nB.\n")
    assert detect_kinds(tmp_path) == {"docs/adr/0001-use-postgresql.md": "adr"}


# --- the corpus ------------------------------------------------------------------------------


def _bench_kinds():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(REPOSITORY / "bench"))
    try:
        import kinds
    finally:
        sys.path.pop(0)
    return kinds


# Sampled corpus files whose kind the detector gets wrong today (path -> what it detects): each is one of
# the few a folder has (every folder is >= 97% right, checked on every file by bench/corpus_checks.py).
KNOWN_MISDETECTIONS = {
    "capi-proposals/docs/proposals/20240807-in-place-updates-implementation-notes.md": "capi-proposal",
    "go-design/design/cryptography-principles.md": "go-design",
    "openshift-enhancements/enhancements/authentication/direct-oidc-study/study-oidc-in-openshift.md": "prd",
}


@requires_corpus
@pytest.mark.skipif(not (CORPUS / "KINDS.tsv").is_file(), reason="the corpus has no KINDS.tsv")
@pytest.mark.skipif(corpus_sample.EVERY_DOCUMENT, reason="on every document, the 97% test below applies")
@pytest.mark.corpus
def test_each_sampled_corpus_file_gets_the_right_kind_but_the_known_misdetections() -> None:
    kinds = _bench_kinds()
    outcomes = kinds.measure(CORPUS, only=corpus_sample.is_sampled)
    assert len(outcomes) == len(corpus_sample.sample())
    unexpected = [f"{o.entry.corpus_path}: {o.detected}, not {'/'.join(sorted(o.expected))}" for o in outcomes
                  if not o.right and KNOWN_MISDETECTIONS.get(o.entry.corpus_path) != o.detected]
    assert unexpected == []


@requires_corpus
@pytest.mark.skipif(not (CORPUS / "KINDS.tsv").is_file(), reason="the corpus has no KINDS.tsv")
@pytest.mark.skipif(not corpus_sample.EVERY_DOCUMENT, reason="a share of every file: bench/corpus_checks.py runs it")
@pytest.mark.corpus
def test_at_least_97_percent_of_each_corpus_folder_gets_the_right_kind() -> None:
    kinds = _bench_kinds()
    outcomes = kinds.measure(CORPUS)
    below = {folder: f"{right}/{total}" for folder, (right, total) in kinds.accuracy_by_folder(outcomes).items()
             if right < 0.97 * total}
    wrong = [f"{o.entry.corpus_path}: {o.detected}" for o in outcomes if not o.right and o.entry.folder in below]
    assert not below, f"below 97%: {below}\n" + "\n".join(wrong)


@requires_corpus
@pytest.mark.skipif(not (CORPUS / "KINDS.tsv").is_file(), reason="the corpus has no KINDS.tsv")
def test_corpus_files_that_are_not_specs_get_no_finding() -> None:
    from speclint.engine.runner import Source, lint

    kinds = _bench_kinds()
    entries = [entry for entry in kinds.read_kinds(CORPUS) if entry.kind == "not-a-spec"]
    sources = [Source(entry.corpus_path, kinds.repository_path(CORPUS, entry), (CORPUS / entry.corpus_path).read_text(
        encoding="utf-8")) for entry in entries]
    result = lint(sources, [], planner=_default_planner())
    assert len(result.files) == len(entries) >= 50
    assert [(finding.path, finding.rule_id) for finding in result.findings] == []


def _default_planner():  # type: ignore[no-untyped-def]
    from speclint.configuration.config import ConfigPlanner

    return ConfigPlanner()


def test_an_adr_whose_decision_heading_carries_the_decision_is_an_adr() -> None:
    text = """
    # Use PostgreSQL

    ## Status

    Accepted

    ## Context

    We need a database.

    ## Decision: PostgreSQL

    We use PostgreSQL.

    ## Consequences

    One more service to run.
    """
    assert kind_of(text) == "adr"


def test_functional_requirements_count_as_requirements_for_a_prd() -> None:
    text = """
    # Invoice export

    ## Overview

    Accountants export invoices.

    ## Functional requirements

    - Export a month.

    ## Goals

    Fewer support tickets.

    ## Technical architecture

    A worker writes the file.
    """
    assert kind_of(text) == "prd"


def test_a_pr_faq_without_the_usual_headings_is_still_a_spec() -> None:
    """An Amazon-style PR/FAQ has none of the template headings, but it is a specification."""
    text = (
        "# Instant payouts\n\n## Press release\n\nSellers get paid in minutes.\n\n## Customer FAQ\n\nHow fast? Minutes.\n\n"
        "## Internal FAQ\n\nWho pays the fee? The seller.\n\n## Appendix\n\nVolumes by month.\n"
    )

    path = "docs/prfaq/instant-payouts.md"
    assert detect_kind(parse_md(text, path), path).profile != NOT_A_SPEC


@pytest.mark.parametrize(
    "text, found",
    [("Go 1.22 and Go", 2), ("Goals, GoLand", 0), ("xGo, _Go, Go_, 9Go", 0), ("(Go), -Go-, éGo", 2), ("GoGo", 0)],
)
def test_go_is_counted_as_a_whole_word_only(text: str, found: int) -> None:
    from speclint.engine.kinds import _GO_WORD

    assert len(_GO_WORD.findall(text)) == found
