"""MD004 record-number-mismatch: the title's number differs from the file name's."""

from __future__ import annotations

from conftest import lint_with, spans


def test_a_title_number_other_than_the_file_number_is_flagged_at_the_number() -> None:
    findings = lint_with("MD004", "# 41. Use Kafka for order events\n", path="docs/adr/0042-use-kafka.md")

    assert spans(findings) == [(1, 3)]
    assert "title says 41 but the file name says 42" in findings[0].message


def test_prefixed_titles_are_read_and_leading_zeros_ignored() -> None:
    assert lint_with("MD004", "# ADR-0042: Use Kafka\n", path="docs/adr/0042-use-kafka.md") == []
    assert spans(lint_with("MD004", "# ADR 7: Use Kafka\n", path="docs/adr/0042-use-kafka.md")) == [(1, 7)]


def test_unnumbered_titles_and_files_are_not_judged() -> None:
    assert lint_with("MD004", "# Use Kafka\n", path="docs/adr/0042-use-kafka.md") == []
    assert lint_with("MD004", "# 41. Use Kafka\n", path="docs/adr/use-kafka.md") == []
    assert lint_with("MD004", "# 2024 roadmap\n", path="docs/0001-roadmap.md") == []
