"""WD009 requirement-loophole: an escape clause or an open list inside a requirement."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, lint_with, requires_corpus, spans

from speclint.api import lint_text


def test_an_escape_clause_in_a_requirement_item() -> None:
    text = """
    ## Requirements

    1. The export job retries failed uploads as needed.
    """
    findings = lint_with("WD009", text)
    assert spans(findings) == [(3, 42)]
    assert "escape clause 'as needed'" in findings[0].message


def test_an_open_list_in_a_requirement_item() -> None:
    text = """
    ## Requirements

    - Reports can be exported as CSV, PDF, etc.
    """
    findings = lint_with("WD009", text)
    assert spans(findings) == [(3, 40)]
    assert "open list 'etc.'" in findings[0].message


def test_an_escape_clause_in_an_ears_criterion() -> None:
    text = """
    ## Requirements

    ### Requirement 2

    #### Acceptance Criteria

    1. WHEN a thumbnail is requested THE system SHALL generate it where possible.
    """
    assert spans(lint_with("WD009", text)) == [(7, 63)]


def test_a_should_sentence_whose_modal_governs_the_clause() -> None:
    text = """
    ## Output

    Machine-readable output should use stable schemas where practical.
    """
    assert spans(lint_with("WD009", text)) == [(3, 51)]


def test_a_clause_that_names_who_decides_or_states_its_condition_is_not_flagged() -> None:
    text = """
    ## Requirements

    - Data is retained as required by GDPR article 17.
    - The app copies the link when possible, otherwise it shows the link in a dialog.
    - On success, copy the URL when possible; show a notice if clipboard access fails.
    """
    assert lint_with("WD009", text) == []


def test_a_clause_that_names_the_licence_or_audit_it_serves_is_not_flagged() -> None:
    text = """
    ## Requirements

    - Card numbers are masked in every log line, as required for the yearly PCI audit.
    """
    assert lint_with("WD009", text) == []


def test_a_clause_that_names_only_a_purpose_is_still_flagged() -> None:
    text = """
    ## Requirements

    - Card numbers are masked in log lines as required for the dashboard.
    """
    assert spans(lint_with("WD009", text)) == [(3, 40)]


def test_examples_in_a_parenthesis_or_a_numbered_series_are_not_an_open_list() -> None:
    text = """
    ## Requirements

    - Statuses (`pending`, `failed`, etc.) are shown as badges.
    - Tags follow the series [US1], [US2], etc.
    - Files `a.csv`, `b.csv`, etc. are imported.
    - Headers are set in `next.config.ts` (or middleware where needed).
    """
    assert lint_with("WD009", text) == []


def test_background_rationale_and_asides_are_not_read() -> None:
    text = """
    ## Background

    Today support retries exports as needed, etc.

    ## Requirements

    - Uploads are retried 3 times. Rationale: we retry where possible because networks fail.

    ## Guidelines

    Small commits make it easier to revert the PR if necessary (ask whether it should be two PRs).
    """
    assert lint_with("WD009", text) == []


def test_a_ticked_checklist_item_is_not_read() -> None:
    text = """
    ## Acceptance criteria

    - [x] Usage documented (where possible)
    - [x] System tables documented where possible
    """
    assert lint_with("WD009", text) == []


SPEC_KIT = "speckit-specs/21-DOT-DEV__subtree__specs__003-init-command__spec.md"


@requires_corpus
def test_damage_a_spec_kit_requirement_given_an_escape_clause(tmp_path: Path) -> None:
    source = CORPUS / SPEC_KIT
    if not source.is_file():
        pytest.skip(f"{SPEC_KIT} is not in the corpus")
    lines = source.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("- **FR-003**:"))
    lines[index] = "- **FR-003**: Command MUST back up an existing `subtree.yaml` as needed"
    text = "\n".join(lines)
    target = tmp_path / SPEC_KIT
    target.parent.mkdir(parents=True)
    target.write_text(text, encoding="utf-8")
    found = [(f.span.start.line, f.span.start.column) for f in lint_text(text, target, isolated=True, select=("WD009",),
                                                                         preview=True) if f.rule_id == "WD009"]
    assert found == [(index + 1, 63)]


def test_principles_are_not_requirements() -> None:
    text = """
    ## 8. Product principles

    The product should use open standards where practical.
    """
    assert lint_with("WD009", text) == []
