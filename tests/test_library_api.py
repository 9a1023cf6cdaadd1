"""`speclint.api`: speclint embedded in another tool (a docs plugin, a review bot)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import md, write

from speclint.api import ConfigurationError, lint_paths, lint_text

DOCUMENT = md(
    """
    # Checkout

    Dates: TBD with the payments team.
    """
)


def test_lint_text_returns_findings_with_exact_positions(tmp_path: Path) -> None:
    findings = lint_text(DOCUMENT, tmp_path / "checkout.md", isolated=True, select=["PH001"])

    assert [(f.rule_id, f.line, f.column, f.path) for f in findings] == [("PH001", 3, 8, str(tmp_path / "checkout.md"))]


def test_lint_text_applies_the_configuration_that_governs_the_path(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # the search climbs to the repository root (outside one, only to the working folder)
    write(tmp_path, ".speclint.yaml", "rules:\n  PH001: off\n")

    findings = lint_text(DOCUMENT, tmp_path / "docs" / "checkout.md")

    assert "PH001" not in {finding.rule_id for finding in findings}


def test_lint_text_obeys_suppression_comments(tmp_path: Path) -> None:
    silenced = DOCUMENT.replace("Dates:", "<!-- speclint-disable-next-line PH001 -- agreed -->\nDates:")

    assert lint_text(silenced, tmp_path / "checkout.md", isolated=True, select=["PH001"]) == []


def test_a_broken_configuration_raises_with_the_messages_the_cli_prints(tmp_path: Path) -> None:
    write(tmp_path, ".speclint.yaml", "rules:\n  PH001: warn\n")

    with pytest.raises(ConfigurationError) as raised:
        lint_text(DOCUMENT, tmp_path / "checkout.md")

    assert any("PH001" in str(problem) and "warning" in str(problem) for problem in raised.value.problems)


def test_lint_paths_lints_folders_and_reports_unreadable_files(tmp_path: Path) -> None:
    write(tmp_path, "specs/checkout.md", DOCUMENT)
    (tmp_path / "specs" / "broken.md").write_bytes(b"\xff\xfe\x00binary")

    result = lint_paths([tmp_path / "specs"], isolated=True, select=["PH001"])

    assert [(f.rule_id, f.line) for f in result.findings] == [("PH001", 3)]
    assert [Path(failure.path).name for failure in result.read_failures] == ["broken.md"]
