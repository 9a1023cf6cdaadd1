"""MD003 impossible-date: a YYYY-MM-DD date that no calendar has."""

from __future__ import annotations

from conftest import lint_with, spans


def test_a_month_past_twelve_is_flagged_and_a_swap_suggested() -> None:
    [finding] = lint_with("MD003", "# 3. Use Kafka\n\nDate: 2024-14-02\n")

    assert spans([finding]) == [(3, 7)]
    assert "no month 14" in finding.message


def test_a_day_the_month_does_not_have_is_flagged() -> None:
    [finding] = lint_with("MD003", "- Start Date: 2023-02-30\n")

    assert "February has no day 30" in finding.message


def test_front_matter_dates_are_read_when_no_schema_checks_them() -> None:
    assert spans(lint_with("MD003", "---\ncreation-date: 2021-21-01\n---\n# Title\n")) == [(2, 16)]


def test_real_dates_versions_and_code_are_not_flagged() -> None:
    text = "Date: 2024-02-29\n\nBuilt with tool 2024-13-01.2 and `2024-99-99`.\n\n```\n2024-14-02\n```\n"

    assert lint_with("MD003", text) == []


def test_leap_days_follow_the_gregorian_calendar() -> None:
    text = "Dates: 2024-02-29, 2000-02-29, 1900-02-29 and 2023-02-29 too.\n"

    assert [finding.message.split(":")[0] for finding in lint_with("MD003", text)] == ["'1900-02-29' is not a date",
                                                                                       "'2023-02-29' is not a date"]


def test_dates_on_every_line_of_a_long_document_are_each_found() -> None:
    # The lines worth searching are found in one pass over the whole text: each must still be read,
    # a year in a URL path is no date, and a date inside a code span is not read.
    lines = ["# Log", ""]
    for number in range(60):
        lines.append([f"- Entry {number}: see https://example.com/2026/{number} and 31/02/2025",
                      f"- Entry {number}: 2024-04-31",
                      f"- Entry {number}: `2024-04-31` and https://example.com/2026/1999"][number % 3])
    expected = [(index + 1, line.index("31/02/2025" if "31/02" in line else "2024-04-31") + 1)
                for index, line in enumerate(lines) if "31/02" in line or line.endswith(": 2024-04-31")]

    assert spans(lint_with("MD003", "\n".join(lines) + "\n")) == expected
    assert len(expected) == 40


def test_each_impossible_date_is_found_at_its_own_line_among_many_hyphenated_lines() -> None:
    text = "# Plan\n\n" + "- a well-known step\n" * 30 + "\nStarted 2024-13-01, ended 31/02/2025.\n\n- Review: 2024-02-31\n"

    assert spans(lint_with("MD003", text)) == [(34, 9), (34, 27), (36, 11)]


def test_lines_ending_in_carriage_returns_are_numbered_as_other_lines() -> None:
    text = "# Plan\r\rDate: 2024-02-29\r\nEnd: 2024-00-10\r\n"

    assert spans(lint_with("MD003", text)) == [(4, 6)]


def test_a_date_in_a_code_span_beside_an_impossible_one_is_not_read() -> None:
    assert spans(lint_with("MD003", "Use `2024-99-99` until 2024-11-31 at noon\n")) == [(1, 24)]
