"""Metadata a header states wrongly: MD009 relative-date, MD010 version-mismatch, and the MD004/MD006 cases of
issue 14's recall round (a KEP folder's number, a template's `0000`, an empty status)."""

from __future__ import annotations

from pathlib import Path

from conftest import lint_with, spans, write

from speclint.api import lint_paths, lint_text

# --- MD009 relative-date ----------------------------------------------------------------------


def test_a_last_updated_label_holding_last_week_is_flagged_at_the_value() -> None:
    text = "# Design doc\n\n* **Author:** Rahul\n* **Last updated:** last week\n\n## Context\n\nText.\n"

    findings = lint_with("MD009", text)

    assert spans(findings) == [(4, 21)]
    assert "'last week'" in findings[0].message


def test_a_front_matter_date_of_yesterday_is_flagged() -> None:
    assert spans(lint_with("MD009", "---\ntitle: X\nlast_updated: yesterday\n---\n# X\n")) == [(3, 15)]


def test_relative_dates_in_german_and_spanish_are_flagged() -> None:
    german = "# Tarifrechner\n\n| Feld | Wert |\n|---|---|\n| Stand | letzte Woche |\n"
    spanish = "# Ficha\n\n**Fecha:** hace 3 días\n"

    assert spans(lint_with("MD009", german)) == [(5, 11)]
    assert spans(lint_with("MD009", spanish)) == [(3, 12)]


def test_several_fields_on_one_line_are_read() -> None:
    text = "# SRS\n\n**Version:** 1.0 · **Updated:** yesterday · **Status:** Draft\n"

    assert spans(lint_with("MD009", text)) == [(3, 33)]


def test_real_dates_and_relative_words_in_sentences_are_left_alone() -> None:
    text = """
    # Design doc

    * **Last updated:** 2026-11-24
    * **Date:** 24 November 2026

    We reviewed this last week with finance; the date of the change is next week.

    ## Context

    Updated: yesterday the rollout paused (not a header field: below the first section).
    """

    assert lint_with("MD009", text) == []


# --- MD010 version-mismatch ---------------------------------------------------------------------

_HISTORY = """
| Version | Date | Author | Description |
|---|---|---|---|
| 1.0 | 2026-06-02 | B. D. | First baseline |
| 1.1 | 2026-08-19 | E. J. | Charging added |
| 1.2 | 2026-10-27 | B. D. | Speed limits revised |
"""


def test_a_header_version_older_than_the_revision_history_is_flagged() -> None:
    text = "# SRS\n\n**Document:** SRS-1 · **Version:** 1.0 · **Status:** Approved\n\n## Revision history\n" + _HISTORY

    findings = lint_with("MD010", text)

    assert spans(findings) == [(3, 36)]
    assert "1.2, line 11" in findings[0].message


def test_a_front_matter_version_ahead_of_a_german_history_is_flagged() -> None:
    text = "---\nversion: 2.1\n---\n# Lastenheft\n\n## Änderungshistorie\n\n| Fassung | Datum |\n|---|---|\n" \
        "| 2.0 | 2026-01-10 |\n| 1.0 | 2025-11-02 |\n"

    findings = lint_with("MD010", text)

    assert spans(findings) == [(2, 10)]
    assert "newer than" in findings[0].message


def test_a_header_that_matches_the_newest_entry_in_any_order_is_left_alone() -> None:
    text = "# SRS\n\nVersion: 1.2\n\n## Revision history\n\n| Rev | Date |\n|---|---|\n| 1.2 | b |\n| 1.0 | a |\n"

    assert lint_with("MD010", text) == []


def test_without_a_revision_history_table_nothing_is_compared() -> None:
    text = "# SRS\n\nVersion: 1.0\n\n## Scope\n\n| Version | Supported |\n|---|---|\n| 1.2 | yes |\n| 1.3 | no |\n"

    assert lint_with("MD010", text) == []


# --- MD004: a proposal's folder number, a template's 0000 -------------------------------------


def test_a_kep_title_number_that_differs_from_its_folder_and_kep_yaml_is_flagged(tmp_path: Path) -> None:
    folder = "enhancements/sig-x/0142-skill-backfill"
    readme = write(tmp_path, f"{folder}/README.md", "# KEP-124: Skill-based backfill\n\n## Summary\n\nText.\n")
    write(tmp_path, f"{folder}/kep.yaml", "title: Skill-based backfill\nkep-number: 142\n")

    findings = [finding for finding in lint_paths([readme], select=["MD004"]).findings]

    assert [(finding.span.start.line, finding.span.start.column) for finding in findings] == [(1, 7)]
    assert "folder name and kep.yaml's kep-number say 142" in findings[0].message


def test_a_numbered_rfc_whose_pr_field_holds_the_template_number_is_flagged() -> None:
    text = """
    - Feature Name: `subzone_delegation`
    - Start Date: 2026-08-11
    - RFC PR: [pelican/rfcs#0000](https://example.test/rfcs/pull/0000)

    # Summary
    """

    findings = lint_with("MD004", text, path="text/0042-subzone-delegation.md")

    assert spans(findings) == [(3, 12)]
    assert "'pelican/rfcs#0000'" in findings[0].message


def test_the_template_itself_and_a_real_pr_number_are_left_alone() -> None:
    template = "- RFC PR: [rust-lang/rfcs#0000](https://github.com/rust-lang/rfcs/pull/0000)\n\n# Summary\n"
    real = "- RFC PR: [rust-lang/rfcs#3771](https://github.com/rust-lang/rfcs/pull/3771)\n- Rust Issue: 20000\n"

    assert lint_with("MD004", template, path="0000-template.md") == []
    assert lint_with("MD004", real, path="text/3771-x.md") == []


# --- MD006: an empty status ---------------------------------------------------------------------


def test_an_empty_status_section_of_a_decision_record_is_flagged_at_its_heading() -> None:
    text = "# 9. Rate quotes in a rules engine\n\nDate: 2026-01-02\n\n## Status\n\n## Context\n\nText.\n"

    findings = lint_text(text, "docs/architecture/decisions/0009-rate-quotes.md", isolated=True, profile="adr",
                         select=["MD006"])

    assert spans(findings) == [(5, 1)]
    assert "Status section is empty" in findings[0].message


def test_a_blank_status_field_in_a_prd_header_is_flagged() -> None:
    text = "# Payouts PRD\n\n**Owner:** Ana\n**Status:**\n**Last updated:** 2026-11-02\n\n## Goals\n"

    assert spans(lint_with("MD006", text, path="docs/prd/payouts.md")) == [(4, 3)]


def test_a_status_given_on_the_next_line_or_filled_is_left_alone() -> None:
    below = "# Payouts PRD\n\nStatus:\nApproved by finance\n\n## Goals\n"
    filled = "# 9. Use X\n\n## Status\n\nAccepted\n\n## Context\n"

    assert lint_with("MD006", below, path="docs/prd/payouts.md") == []
    assert lint_text(filled, "docs/architecture/decisions/0009-use-x.md", isolated=True, profile="adr",
                     select=["MD006"]) == []


def test_a_launched_status_before_the_documents_own_launch_target_is_flagged() -> None:
    text = "---\ntitle: Price Lock\nstatus: Launched\nlaunch_target: 2027-04\nlast_updated: 2026-11-16\n---\n# PR/FAQ\n"

    findings = lint_with("MD006", text, path="docs/prfaq/price-lock.md")

    assert spans(findings) == [(3, 9)]
    assert "2027-04, line 4" in findings[0].message


def test_a_launched_status_in_body_fields_after_its_target_or_without_a_date_is_left_alone() -> None:
    after = "# PR/FAQ\n\n**Status:** Live\n**Launch date:** 2026-03-01\n**Last updated:** 2026-11-16\n"
    undated = "# PR/FAQ\n\n**Status:** Launched\n**Launch date:** 2027-03-01\n"
    draft = "# PR/FAQ\n\n**Status:** Draft\n**Launch date:** 2027-03-01\n**Updated:** 2026-11-16\n"

    for text in (after, undated, draft):
        assert lint_with("MD006", text, path="docs/prfaq/x.md") == []
