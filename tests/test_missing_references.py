"""References to things that do not exist (issue 14, recall round 15): a gap in an ID series and an appendix the
document lacks (TR005), a link to a numbered record the folder does not hold (TR008)."""

from __future__ import annotations

from pathlib import Path

from conftest import lint_with, spans, write

from speclint.api import lint_paths, lint_text

# --- TR005: a reference into a gap of a series --------------------------------------------------

_SAFETY = """
# SRS

## 3.2 Safety

- **FMS-S-01** The FMS shall limit speed to 1.5 m/s in aisles.
- **FMS-S-02** The FMS shall limit speed to 0.3 m/s in shared zones.
- **FMS-S-03** The FMS shall stop a robot when a person is detected.
- **FMS-S-05** Emergency stops shall be handled as specified in FMS-S-04.
"""


def test_a_reference_into_the_gap_of_a_series_is_flagged_at_the_reference() -> None:
    findings = lint_with("TR005", _SAFETY)

    assert spans(findings) == [(8, 65)]
    assert "FMS-S-04 is referenced but not defined" in findings[0].message


def test_a_gap_in_a_table_series_is_flagged() -> None:
    text = """
    | ID | Constraint |
    |---|---|
    | HC-1 | A teacher teaches one class at a time. |
    | HC-2 | A room holds one class at a time. |
    | HC-4 | Labs are in lab rooms. |
    | HC-5 | A class meets once a day. |

    HC-3 is checked by the timetable office.
    """

    assert spans(lint_with("TR005", text)) == [(8, 1)]


def test_a_series_with_many_holes_is_a_list_whose_settled_items_were_removed() -> None:
    text = """
    ### DM-6. Rate limits are underspecified
    ### DM-7. No criterion for discovery latency
    ### DM-10. No RTO for restores
    ### DM-11. No guard rails for vnodes

    Twelve gaps were raised in the review; DM-8 was the largest.
    """

    assert lint_with("TR005", text) == []


def test_a_withdrawn_or_struck_id_and_a_gap_nobody_cites_are_left_alone() -> None:
    withdrawn = _SAFETY.replace("as specified in FMS-S-04.", "as FMS-S-04 did before it was withdrawn.")
    uncited = _SAFETY.replace("as specified in FMS-S-04.", "within 100 ms.")

    assert lint_with("TR005", withdrawn) == []
    assert lint_with("TR005", uncited) == []


def test_ids_of_two_defined_items_or_of_another_prefix_are_not_a_series() -> None:
    text = "- **S-01** First.\n- **S-03** Third.\n\nS-02 is elsewhere, and so is ISO-2.\n"

    assert lint_with("TR005", text) == []


# --- TR005: an appendix the document does not have ------------------------------------------


def test_an_appendix_cited_in_a_document_without_appendices_is_flagged() -> None:
    text = "# Payouts\n\n## 6. Fees\n\nThe breakdown by card network is in Appendix C.\n\n## 7. Scope\n"

    findings = lint_with("TR005", text)

    assert spans(findings) == [(5, 37)]
    assert "has no appendices" in findings[0].message


def test_an_appendix_of_another_document_or_in_a_file_of_its_own_is_left_alone() -> None:
    other = "# Payouts\n\nStatus codes follow RFC 9110 Appendix C.\n"
    linked = "# Payouts\n\nThe breakdown is in [Appendix C](appendix-c.md).\n"
    annex = "# Payouts\n\nSee Appendix B.\n\n## Appendices\n\nB. Fees by network.\n"

    assert lint_with("TR005", other) == []
    assert lint_with("TR005", linked) == []
    assert lint_with("TR005", annex) == []


# --- TR008: a link to a numbered record that is not beside the document ------------------------


def _records(folder: Path) -> Path:
    write(folder, "adr/0005-use-postgres.md", "# 5. Use Postgres\n")
    write(folder, "adr/0007-use-kafka.md", "# 7. Use Kafka\n")
    return write(folder, "adr/0009-choose-e-signature.md", """
    # 9. Choose an e-signature provider

    Storage follows [ADR-0006](0006-contract-storage.md); events follow [ADR-0007](./0007-use-kafka.md).
    """)


def test_a_link_to_a_record_missing_from_the_folder_is_flagged_at_its_target(tmp_path: Path) -> None:
    result = lint_paths([_records(tmp_path)], isolated=True, select=["TR008"])
    findings = [finding for report in result.files for finding in report.findings]

    assert [(finding.span.start.line, finding.span.start.column) for finding in findings] == [(3, 28)]
    assert "'0006-contract-storage.md'" in findings[0].message


def test_a_folder_without_numbered_records_is_not_judged(tmp_path: Path) -> None:
    document = write(tmp_path, "flat/owner__repo__0009-x.md", "# X\n\nSee [ADR-0006](0006-contract-storage.md).\n")
    write(tmp_path, "flat/owner__repo__0005-y.md", "# Y\n")

    result = lint_paths([document], isolated=True, select=["TR008"])

    assert [finding for report in result.files for finding in report.findings] == []


def test_text_from_standard_input_is_not_checked_against_a_folder() -> None:
    text = "# 9. X\n\nSee [ADR-0006](0006-contract-storage.md).\n"

    assert lint_text(text, "docs/adr/0009-x.md", isolated=True, select=["TR008"]) == []
