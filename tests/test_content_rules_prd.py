"""The content rules of issue 4 (acceptance criteria, error handling, edge cases, API contracts)
report nothing on complete, well-written documents: a PRD and an EARS requirements document."""

from pathlib import Path

import pytest
from conftest import lint_with

FIXTURES = Path(__file__).parent / "fixtures"
# Ours, and the complete documents the profile rules are tested on.
WELL_WRITTEN = ["invoice-export-prd.md", "receipts-requirements.md", "complete-prd.md", "complete-spec-kit.md",
                "complete-rust-rfc.md"]
CONTENT_RULES = [
    "AC001", "AC002", "AC003", "AC004", "AC005", "AC006",
    "EH001", "EH002", "EH003",
    "EC001", "EC002",
    "API001", "API002", "API003", "API004", "API005",
]


@pytest.mark.parametrize("fixture", WELL_WRITTEN)
@pytest.mark.parametrize("rule", CONTENT_RULES)
def test_well_written_documents_have_no_content_findings(rule: str, fixture: str) -> None:
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    assert lint_with(rule, text, path=fixture) == []
