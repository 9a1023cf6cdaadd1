"""RK006 open-questions-in-approved-spec on real OpenShift enhancements whose status is implementable:
a copy is damaged (an open question written where the section said "None", an answer deleted from
under its question) and the finding must appear at the question's line and column."""

from __future__ import annotations

from pathlib import Path

from conftest import requires_corpus
from damage import damaged_copy, lint_positions, rule_positions

pytestmark = requires_corpus

NOTHING_OPEN = "openshift-enhancements/enhancements/service-catalog/service-catalog-and-broker-removal.md"
ANSWERED = "openshift-enhancements/enhancements/subscription-content/subscription-injection.md"


def test_the_undamaged_enhancements_have_no_finding() -> None:
    assert lint_positions("RK006", NOTHING_OPEN) == []
    assert lint_positions("RK006", ANSWERED) == []


def test_an_open_question_where_the_section_said_none_is_found(tmp_path: Path) -> None:
    path, line = damaged_copy(tmp_path, NOTHING_OPEN, "## Open Questions\n\nN/A\n",
                              "## Open Questions\n\n1. Should the removal wait until the last broker is uninstalled?\n")
    assert rule_positions("RK006", path) == [(line + 2, 1)]


def test_a_question_whose_answer_is_deleted_is_found(tmp_path: Path) -> None:
    question = "1. Is allowing an admission webhook which can read all `Secrets` and `ConfigMaps` acceptable?\n"
    answer = "   The assumption is yes - admission webhooks in general require a high level of privilege.\n"
    path, line = damaged_copy(tmp_path, ANSWERED, question + answer, question)
    assert rule_positions("RK006", path) == [(line, 1)]
