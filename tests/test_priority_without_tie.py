"""EC010 priority-without-tie: competitors decided by priority or rank, with no word on a tie."""

from __future__ import annotations

from conftest import lint_with, spans

_REQUIREMENTS = "# Fleet manager\n\n## Requirements\n\n"


def test_a_priority_rule_with_no_tie_is_flagged_at_the_ordering_words() -> None:
    text = _REQUIREMENTS + (
        "- FMS-F-05: The FMS shall reserve each aisle segment for one robot at a time.\n"
        "- FMS-F-06: When two robots request the same segment, the robot with the higher priority shall be given it.\n"
    )

    findings = lint_with("EC010", text)

    assert spans(findings) == [(6, 74)]
    assert "tie" in findings[0].message


def test_a_highest_score_rule_in_a_table_of_requirements_is_flagged() -> None:
    text = _REQUIREMENTS + (
        "| ID | Requirement |\n|---|---|\n"
        "| R3 | When several drivers bid for the same shift, the highest score wins. |\n"
    )

    assert len(lint_with("EC010", text)) == 1


def test_a_tie_break_anywhere_in_the_document_passes() -> None:
    text = _REQUIREMENTS + (
        "- R1: When two robots request the same segment, the robot with the higher priority shall be given it.\n\n"
        "## Notes\n\nOn equal priority, the robot that asked first gets the segment.\n"
    )

    assert lint_with("EC010", text) == []


def test_a_named_deadlock_passes() -> None:
    text = _REQUIREMENTS + (
        "- R1: When two robots request the same segment, the higher priority robot shall be given it.\n"
        "- R2: A deadlock between two waiting robots is broken by re-routing the newer mission.\n"
    )

    assert lint_with("EC010", text) == []


def test_priority_without_competition_passes() -> None:
    text = _REQUIREMENTS + "- R1: Tickets shall be sorted by priority in the agent's inbox view.\n"

    assert lint_with("EC010", text) == []
