"""MD005 misspelt-status: a status one or two letters away from a known one."""

from __future__ import annotations

from conftest import lint_with, spans


def test_a_misspelt_status_in_an_adr_status_section_is_flagged() -> None:
    findings = lint_with("MD005", "# 1. Use Postgres\n\n## Status\n\nAcceptd\n\n## Context\n\nWe need a database.\n")

    assert spans(findings) == [(5, 1)]
    assert "accepted" in findings[0].message


def test_a_misspelt_status_after_an_emoji_points_at_the_word() -> None:
    assert spans(lint_with("MD005", "## Status\n\n❌ Rejectd\n")) == [(3, 3)]


def test_a_misspelt_status_in_front_matter_without_a_schema_is_flagged() -> None:
    findings = lint_with("MD005", "---\ntitle: Cache\nstatus: approvd\n---\n\n# Cache\n")
    assert spans(findings) == [(3, 9)]


def test_a_misspelt_status_line_is_flagged() -> None:
    assert spans(lint_with("MD005", "# Export\n\n**Status**: Drafft\n")) == [(3, 13)]


def test_known_statuses_of_every_kind_are_not_flagged() -> None:
    for status in ("Accepted", "✅ Accepted", "Superseded by ADR-7", "Implementable", "In review", "Declined",
                   "Ready for implementation", "Complete (2025-11-30)", "On hold"):
        assert lint_with("MD005", f"## Status\n\n{status}\n") == [], status


def test_words_far_from_any_status_are_not_guessed() -> None:
    assert lint_with("MD005", "## Status\n\nThe two points above have been addressed.\n") == []


def test_prose_under_a_status_heading_is_not_a_status() -> None:
    text = "## Status\n\nCurrently the controller writes its conditions to the status stanza of the resource.\n"
    assert lint_with("MD005", text) == []
