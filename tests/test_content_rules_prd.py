"""The content rules of issue 4 (acceptance criteria, error handling, edge cases, API contracts)
report nothing on a complete, well-written PRD."""

from pathlib import Path

import pytest

from conftest import lint_with

FIXTURE = Path(__file__).parent / "fixtures" / "invoice-export-prd.md"
CONTENT_RULES = [
    "AC001", "AC002", "AC003", "AC004", "AC005", "AC006",
    "EH001", "EH002", "EH003",
    "EC001", "EC002",
    "API001", "API002", "API003", "API004", "API005",
]


@pytest.mark.parametrize("rule", CONTENT_RULES)
def test_complete_prd_has_no_content_findings(rule: str) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    assert lint_with(rule, text, path="invoice-export-prd.md") == []
