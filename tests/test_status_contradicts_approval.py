"""MD011 status-contradicts-approval: the header says approved while the document's own approval
record says the sign-off is still to come. Fixtures are our own."""

from __future__ import annotations

from pathlib import Path

from conftest import lint_with, md

from speclint.api import lint_paths


def test_an_approved_status_with_a_pending_approval_row_is_flagged() -> None:
    text = """
    # Parcel lockers: returns

    | Field | Value |
    |---|---|
    | Owner | Returns squad |
    | Status | Approved |
    | Approval | Head of Operations (pending signature) |

    ## Problem

    Returns take too long.
    """
    findings = lint_with("MD011", text)
    assert [finding.span.start.line for finding in findings] == [6]
    assert "pending" in findings[0].message and "line 7" in findings[0].message


def test_bold_labels_in_another_language_are_read() -> None:
    text = """
    # Especificación: pagos en sede

    **Estado:** Aprobado
    **Aprobado por:** pendiente de firma del director

    ## Alcance
    """
    assert [finding.span.start.line for finding in lint_with("MD011", text)] == [3]


def test_an_approved_status_over_an_unsigned_sign_off_table_is_flagged() -> None:
    text = """
    # Dispatch console SRS

    Status: Final

    ## Scope

    Dispatchers assign crews.

    ## Sign-off

    | Role | Name | Signature | Date |
    |---|---|---|---|
    | Head of dispatch | A. Osei | | |
    | Security officer | B. Lund | | |
    """
    findings = lint_with("MD011", text)
    assert [finding.span.start.line for finding in findings] == [3]
    assert "sign-off table" in findings[0].message


def test_a_recorded_approval_or_a_status_still_in_review_is_fine() -> None:
    signed = """
    # Dispatch console SRS

    Status: Approved
    Approved by: A. Osei, 2026-03-02

    ## Sign-off

    | Role | Name | Signature | Date |
    |---|---|---|---|
    | Head of dispatch | A. Osei | signed | 2026-03-02 |
    | Security officer | B. Lund | | |
    """
    in_review = """
    # Dispatch console SRS

    | Status | In review |
    |---|---|
    | Approval | pending |

    ## Aprobaciones

    | Rol | Nombre | Firma | Fecha |
    |---|---|---|---|
    | Director | | | |
    """
    hedged = """
    # Dispatch console SRS

    **Status:** Approved (pending signature)
    **Approval:** pending
    """
    assert lint_with("MD011", signed) == []
    assert lint_with("MD011", in_review) == []
    assert lint_with("MD011", hedged) == []


def test_a_pending_approval_of_something_else_in_the_body_is_not_read() -> None:
    text = """
    # Expense approvals

    Status: Accepted

    ## Requirements

    - Approval: a manager's approval is pending until the receipt is attached.
    - The report shows each pending approval with its age.
    """
    assert lint_with("MD011", text) == []


README = md("""
# KEP-5120: Node drain budgets

## Release Signoff Checklist

- [x] (R) Enhancement issue in release milestone
- [x] (R) KEP approvers have approved the KEP status as `implementable`
- [ ] (R) Test plan is in place

## Summary

Drains respect a per-node budget.
""")


def _kep(tmp_path: Path, status: str) -> list[tuple[int, str]]:
    folder = tmp_path / "keps" / "sig-node" / "5120-drain-budgets"
    folder.mkdir(parents=True)
    (folder / "README.md").write_text(README)
    (folder / "kep.yaml").write_text(f"title: Node drain budgets\nkep-number: 5120\nstatus: {status}\nstage: alpha\n")
    result = lint_paths([folder / "README.md"], select=["MD011"])
    return [(finding.span.start.line, finding.rule_id) for finding in result.findings]


def test_a_kep_checklist_claiming_implementable_against_a_provisional_kep_yaml(tmp_path: Path) -> None:
    assert _kep(tmp_path, "provisional") == [(6, "MD011")]


def test_a_kep_checklist_claiming_implementable_in_an_implementable_kep_is_fine(tmp_path: Path) -> None:
    assert _kep(tmp_path, "implementable") == []
