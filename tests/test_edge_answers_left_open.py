"""Round 18 (realedge18): an edge case answered with an alternative still asked, an open question whose case
holds a status word, an edge case that shares only the feature's words with the rest of the document, and a
requirement that demands a comparative with nothing to compare against. Every sentence is our own."""

from __future__ import annotations

from conftest import lint_with, spans


# --- EC003: an outcome with an alternative still asked beside it -----------------------------------

def test_an_outcome_with_an_alternative_asked_in_parentheses_is_flagged() -> None:
    text = (
        "# Library holds\n\n"
        "## Edge cases\n\n"
        "- Member cancels a hold after pickup is ready: the item goes to the next member in the queue.\n"
        "- Two branches scan the same returned item: the later scan wins (or the branch that owns it?).\n"
        "- Card expires while a hold is waiting: the hold is kept for 7 days.\n"
    )

    assert spans(lint_with("EC003", text)) == [(6, 1)]


def test_a_sentence_item_whose_outcome_carries_a_bare_question_mark_is_flagged() -> None:
    text = (
        "# Library holds\n\n"
        "## Corner cases\n\n"
        "1. When the queue is empty, a returned item goes back on the shelf.\n"
        "2. When a member has three overdue items, new holds are refused (?)\n"
    )

    assert spans(lint_with("EC003", text)) == [(6, 1)]


def test_a_german_alternative_asked_in_parentheses_is_flagged() -> None:
    text = (
        "# Ausleihe\n\n"
        "## Randfälle\n\n"
        "- Leser meldet Verlust: das Medium wird gesperrt und in Rechnung gestellt.\n"
        "- Zwei Vormerkungen zur selben Minute: die ältere gewinnt (oder die des Stammkunden?).\n"
    )

    assert spans(lint_with("EC003", text)) == [(6, 1)]


def test_an_aside_that_says_the_outcome_is_not_settled_is_flagged() -> None:
    text = (
        "# Library holds\n\n"
        "## Edge cases\n\n"
        "- Item is damaged on return: the member is charged the repair fee (to be confirmed with Finance).\n"
        "- Item is returned to another branch: it is shipped back on the next courier run.\n"
    )

    assert spans(lint_with("EC003", text)) == [(5, 1)]


def test_asides_that_refer_quote_or_qualify_are_not_open_alternatives() -> None:
    text = (
        "# Library holds\n\n"
        "## Edge cases\n\n"
        "- Member deletes the account with a hold waiting: the hold is cancelled (see FR-4).\n"
        "- Member leaves the pickup screen: the kiosk asks (\"Keep your place in the queue?\") and waits 30 s.\n"
        "- Two branches scan the same item: the owning branch wins (or the later scan, when no branch owns it).\n"
    )

    assert lint_with("EC003", text) == []


def test_an_alternative_aside_outside_an_edge_case_list_is_not_read() -> None:
    text = (
        "# Library holds\n\n"
        "## Background\n\n"
        "- Today a returned item goes to the next member (or back to the shelf?), depending on the branch.\n"
        "- Staff resolve clashes by phone.\n"
    )

    assert lint_with("EC003", text) == []


# --- EC003: a status word inside the question is the case, not a status ----------------------------

def test_an_open_question_about_a_closed_account_is_still_open() -> None:
    text = (
        "# Library holds\n\n"
        "## Open questions\n\n"
        "- Do we notify members by SMS? Yes: SMS and e-mail, as today.\n"
        "- What happens to a waiting hold when the member's account has been closed by the branch?\n"
    )

    assert spans(lint_with("EC003", text)) == [(6, 1)]


def test_a_status_before_or_after_the_question_closes_it() -> None:
    text = (
        "# Library holds\n\n"
        "## Open questions\n\n"
        "- [Resolved] What happens to a waiting hold when the branch closes for a week?\n"
        "- What happens to a waiting hold when the member moves to another city? (answered)\n"
        "- **Decided** What happens when a hold is placed on a lost item?\n"
    )

    assert lint_with("EC003", text) == []


# --- EC003: a passage sharing only the feature's words does not answer a case -----------------------

_HOLDS_SPEC = (
    "# Library holds\n\n"
    "## Overview\n\n"
    "Members place holds on items; a hold waits in the queue until the item is returned.\n\n"
    "## Requirements\n\n"
    "- FR-1: A member can place a hold on any item of the catalogue.\n"
    "- FR-2: A hold waits in the queue in the order it was placed.\n"
    "- FR-3: When an item is returned, the first hold in the queue is notified.\n"
    "- FR-4: A notified member has 7 days to collect the item.\n"
    "- FR-5: A member sees the position of each hold in the queue.\n"
    "- FR-6: Staff can move a hold to the top of the queue.\n"
    "{answer}"
    "\n## Edge cases\n\n"
    "- A member places a second hold on the same item: the second hold is refused.\n"
    "- What happens when the item is withdrawn from the catalogue while holds wait in the queue?\n"
)


def test_an_edge_case_question_sharing_only_the_features_words_is_flagged() -> None:
    text = _HOLDS_SPEC.format(answer="")

    assert spans(lint_with("EC003", text)) == [(19, 1)]


def test_an_edge_case_question_taken_up_in_a_requirement_is_not_flagged() -> None:
    answer = "- FR-7: When an item is withdrawn from the catalogue, every waiting hold is cancelled and its member told.\n"
    text = _HOLDS_SPEC.format(answer=answer)

    assert lint_with("EC003", text) == []


# --- WD006: a comparative with no baseline --------------------------------------------------------

def test_a_requirement_demanding_a_comparative_with_no_baseline_is_flagged() -> None:
    text = (
        "# Forecasts\n\n"
        "## Requirements\n\n"
        "| ID | Requirement |\n"
        "|---|---|\n"
        "| R-3 | The planner SHALL show more accurate forecasts for stores open 24 hours. |\n"
    )

    assert spans(lint_with("WD006", text)) == [(7, 32)]


def test_a_list_requirement_with_a_digit_still_needs_its_comparatives_baseline() -> None:
    text = (
        "# Forecasts\n\n"
        "## Requirements\n\n"
        "- For horizons beyond 14 days the planner must fall back to less detailed models.\n"
    )

    [finding] = lint_with("WD006", text)
    assert (finding.span.start.line, finding.span.start.column) == (5, 61)
    assert "less detailed than what?" in finding.message


def test_comparatives_with_a_baseline_or_not_comparing_are_not_flagged() -> None:
    text = (
        "# Forecasts\n\n"
        "## Requirements\n\n"
        "- The planner must show forecasts more accurate than the nightly batch.\n"
        "- The planner must rank stores with more relevant signals compared to v1 first.\n"
        "- The planner must accept one or more selected stores.\n"
        "- The export must contain no more detailed rows once a store is archived.\n"
        "- The planner must keep more data for weekends.\n"
    )

    assert lint_with("WD006", text) == []


def test_a_comparative_in_background_prose_is_not_a_requirement() -> None:
    text = (
        "# Forecasts\n\n"
        "## Background\n\n"
        "Store managers asked for more accurate forecasts last year.\n"
    )

    assert lint_with("WD006", text) == []
