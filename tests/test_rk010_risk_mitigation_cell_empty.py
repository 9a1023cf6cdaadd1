"""RK010 risk-mitigation-cell-empty: a risks table row whose Mitigation cell was left blank."""

from __future__ import annotations

from conftest import CORPUS, lint_with, requires_corpus, spans

from speclint.api import lint_text

RISKS = """
# Launch in Brazil

## Risks

| Risk | Likelihood | Mitigation |
|---|---|---|
| Pix volume exceeds the provider's limit at launch | Medium | TBD |
| Translations arrive late | Low | Ship the English fallback for two weeks |
| Tax rules change | Low | |
"""


def test_flags_each_row_whose_mitigation_cell_is_empty_or_tbd() -> None:
    findings = lint_with("RK010", RISKS)
    assert spans(findings) == [(7, 64), (9, 28)]
    assert "'TBD'" in findings[0].message


def test_accepts_a_table_whose_mitigations_are_filled() -> None:
    text = RISKS.replace("| Medium | TBD |", "| Medium | Raise the limit before launch |").replace(
        "| Low | |", "| Low | Accepted by finance (@ana) |")
    assert lint_with("RK010", text) == []


def test_a_template_blank_row_is_not_a_risk() -> None:
    text = """
    # PRD template

    ## Risks

    | Risk | Mitigation |
    |---|---|
    | | |
    """
    assert lint_with("RK010", text) == []


def test_a_table_outside_a_risks_section_is_not_read() -> None:
    text = """
    # Options

    ## Considered options

    ### Risks

    | Risk | Mitigation |
    |---|---|
    | Vendor lock-in | - |
    """
    assert lint_with("RK010", text) == []


# Damage on a real PRD's risks table: empty one mitigation cell, the finding is at that cell.
PERMITR = "prds/0xSardius__permitr__PRD.md"


@requires_corpus
def test_emptying_a_mitigation_cell_of_a_real_prd_is_found() -> None:
    lines = (CORPUS / PERMITR).read_text(encoding="utf-8").splitlines()
    assert _lint(lines) == []
    row = next(index for index, line in enumerate(lines) if line.startswith("| Live demo fails on stage |"))
    damaged = lines[:row] + ["| Live demo fails on stage | TBD |"] + lines[row + 1:]
    assert _lint(damaged) == [(row + 1, damaged[row].index("TBD") + 1)]


def _lint(lines: list[str]) -> list[tuple[int, int]]:
    findings = lint_text("\n".join(lines) + "\n", path="prd.md", select=["RK010"], preview=True, isolated=True)
    return [(finding.span.start.line, finding.span.start.column) for finding in findings]
