"""Edge-case rules, round 13: EC002 reads an edge-case list that names cases and no outcome, and a
one-line section that only defers them; EC004 a sentence that puts the edge cases off until later;
EC005 (preview) limits stated with nothing at or past any of them. Fixtures written for these
tests, and damage tests on real corpus documents."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, requires_corpus, spans
from damage import damaged_copy, lint_positions, rule_positions

REQUIREMENTS = """
# PRD: Locker pickup

## Requirements

- Customers pick parcels up from a locker with a six-digit code.
"""

# --- EC002: cases named, no outcome -----------------------------------------------------------


def test_ec002_flags_an_edge_case_list_of_bare_situations() -> None:
    text = REQUIREMENTS + """
## Edge cases

- Locker full when the courier arrives
- Customer loses the code
- Parcel too large for any compartment
"""
    findings = lint_with("EC002", text)
    assert spans(findings) == [(7, 1)]
    assert "names cases but not what happens" in findings[0].message


def test_ec002_accepts_entries_that_give_the_outcome_after_a_colon() -> None:
    text = REQUIREMENTS + """
## Edge cases

- Locker full: the courier takes the parcel to the nearest locker with space.
- Customer loses the code: support resends it by SMS.
"""
    assert lint_with("EC002", text) == []


def test_ec002_flags_conditions_that_never_reach_a_main_clause() -> None:
    text = REQUIREMENTS + """
## Edge cases

- When two couriers open the same compartment.
- When the locker loses power overnight.
"""
    assert spans(lint_with("EC002", text)) == [(7, 1)]


def test_ec002_accepts_a_condition_with_its_outcome_after_a_comma() -> None:
    text = REQUIREMENTS + """
## Edge cases

- When the locker loses power, compartments stay shut and the app shows the nearest open locker.
- When the code is wrong three times, the keypad locks for ten minutes.
"""
    assert lint_with("EC002", text) == []


def test_ec002_takes_handled_gracefully_for_no_outcome() -> None:
    text = REQUIREMENTS + """
## Edge cases

- A jammed door should be handled gracefully.
- Expired codes will be handled appropriately.
"""
    assert spans(lint_with("EC002", text)) == [(7, 1)]


def test_ec002_reads_past_an_entry_id_label() -> None:
    text = REQUIREMENTS + """
## Edge cases

- **EC-1** (R1): Locker full when the courier arrives
- **EC-2** (R1): Customer loses the code
"""
    assert spans(lint_with("EC002", text)) == [(7, 1)]


def test_ec002_leaves_a_list_of_questions_to_ec003() -> None:
    text = REQUIREMENTS + """
## Edge cases

- What if the locker is full?
- What if the customer loses the code?
"""
    assert lint_with("EC002", text) == []


def test_ec002_does_not_read_a_limits_section_as_cases() -> None:
    text = REQUIREMENTS + """
## Limits

- Parcels up to 60 cm on the longest side
- At most 3 parcels per customer per locker
"""
    assert lint_with("EC002", text) == []


def test_ec002_accepts_entries_separated_by_a_full_width_colon() -> None:
    text = REQUIREMENTS + """
## Edge cases

- 网络断线：暂停所有操作，恢复后自动继续。
- 储物柜已满：提示最近的有空位的储物柜。
"""
    assert lint_with("EC002", text) == []


def test_ec002_flags_a_one_line_section_that_defers_the_cases() -> None:
    text = REQUIREMENTS + """
## Edge cases

To be defined with the operations team before the pilot.
"""
    findings = lint_with("EC002", text)
    assert spans(findings) == [(7, 1)]
    assert "only defers them" in findings[0].message


def test_ec002_flags_a_spanish_section_left_por_definir() -> None:
    text = REQUIREMENTS + """
## Casos límite

Por definir con el equipo de pagos.
"""
    assert spans(lint_with("EC002", text)) == [(7, 1)]


# --- EC004 edge-cases-deferred ----------------------------------------------------------------


def test_ec004_flags_edge_cases_put_off_to_a_follow_up() -> None:
    text = REQUIREMENTS + """
## Notes

Lost codes and oversized parcels are edge cases we will handle in a follow-up.
"""
    findings = lint_with("EC004", text)
    assert spans(findings) == [(9, 38)]
    assert findings[0].level.value == "info"


def test_ec004_ignores_a_deferral_in_an_open_questions_section() -> None:
    text = REQUIREMENTS + """
## Open questions

- Corner cases of shared lockers will be decided later with the landlord.
"""
    assert lint_with("EC004", text) == []


def test_ec004_ignores_edge_cases_named_without_a_deferral() -> None:
    text = REQUIREMENTS + """
## Notes

The edge cases we found in the pilot are listed in the requirements above.
"""
    assert lint_with("EC004", text) == []


def test_ec004_skips_proposals() -> None:
    text = """
# KEP-1234: Locker API

## Summary

Corner cases will be handled later, in beta.
"""
    assert lint_with("EC004", text) == []


# --- EC005 limit-without-boundary (preview) ---------------------------------------------------


def test_ec005_flags_a_limit_with_nothing_past_it() -> None:
    text = """
# PRD: Chat attachments

## Requirements

- Customers **MUST** be able to attach up to 5 files to a message.
"""
    assert spans(lint_with("EC005", text)) == [(5, 40)]


def test_ec005_accepts_a_limit_whose_passing_is_described() -> None:
    text = """
# PRD: Chat attachments

## Requirements

- Customers **MUST** be able to attach up to 5 files to a message; a sixth is refused.
"""
    assert lint_with("EC005", text) == []


# --- damage tests on real documents -----------------------------------------------------------

DELTASTREAM = "speckit-more/deltastreaminc__pulumi-deltastream__specs__001-initial-query-support__spec.md"
RUSTY_BRAIN = "prds/brianluby__rusty-brain__specs__003-core-memory-engine__prd.md"


@requires_corpus
def test_the_undamaged_documents_have_no_finding() -> None:
    assert lint_positions("EC002", DELTASTREAM) == []
    assert lint_positions("EC004", RUSTY_BRAIN) == []


@requires_corpus
def test_edge_cases_stripped_to_their_labels_are_found(tmp_path: Path) -> None:
    text = (CORPUS / DELTASTREAM).read_text(encoding="utf-8")
    start = text.index("- **Deltastream service errors during resource creation**")
    end = text.index("\n", text.index("- **Delete of missing object**"))
    answered = text[start:end]
    labels_only = "\n".join(line.split("**:")[0] + "**" for line in answered.splitlines())
    path, line = damaged_copy(tmp_path, DELTASTREAM, answered, labels_only)
    assert rule_positions("EC002", path) == [(line - 1, 1)]  # the "### Edge Cases" heading


@requires_corpus
def test_a_deferral_sentence_in_the_requirements_is_found(tmp_path: Path) -> None:
    anchor = "### Must Have (M) — MVP, launch blockers"
    sentence = "Corner cases around file locking will be handled in a follow-up.\n\n"
    path, line = damaged_copy(tmp_path, RUSTY_BRAIN, anchor, sentence + anchor)
    assert rule_positions("EC004", path) == [(line, 1)]
