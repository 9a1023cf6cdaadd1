"""WD006 and WD008: a vague word whose measure the document gives outside its own sentence is not
vague there (the next sentence, a pointer to a table or a success criterion, the glossary), nor is a
vague word in a question; "responsive" in a section about screens is layout."""

from __future__ import annotations

from conftest import lint_with, spans


def _wording(text: str) -> list[tuple[int, int]]:
    return spans(lint_with("WD006", text)) + spans(lint_with("WD008", text))


def test_the_next_sentence_gives_a_bound() -> None:
    text = """
    ## Requirements

    - The seat map must be fast. It renders in under 900 ms at p75 on a mid-range phone.
    """
    assert _wording(text) == []


def test_a_next_sentence_with_a_number_that_is_no_bound_leaves_the_word_vague() -> None:
    text = """
    ## Requirements

    - The seat map must be fast. It shows the last 30 days of bookings.
    """
    assert spans(lint_with("WD006", text)) == [(3, 24)]


def test_a_share_of_testers_in_the_next_sentence_measures_intuitive() -> None:
    text = """
    ## Requirements

    - The payroll wizard must be intuitive. In a moderated test, 9 of 10 office managers finish it unaided.
    """
    assert _wording(text) == []


def test_a_pointer_to_the_table_below_gives_the_measure() -> None:
    text = """
    ## Requirements

    The sync client must handle a lost connection gracefully, as set out per case in the table below.

    | Situation | What the client does |
    |---|---|
    | Connection lost while saving | Keeps the change on the device |
    """
    assert _wording(text) == []


def test_a_pointer_to_a_success_criterion_gives_the_measure() -> None:
    text = """
    ## Requirements

    - **FR-003**: System MUST show matching clinics quickly (see SC-004).
    """
    assert _wording(text) == []


def test_a_word_the_glossary_defines_is_precise() -> None:
    text = """
    ## Glossary

    - **Responsive**: lays out without horizontal scrolling from 360 px to 1440 px wide.

    ## Requirements

    - FR-4: The booking form must be responsive.
    """
    assert _wording(text) == []


def test_a_word_defined_inline_is_precise() -> None:
    text = """
    ## Requirements

    - Refunds must be prompt.
    - "Prompt" means the money is back on the card within 3 working days.
    """
    assert spans(lint_with("WD006", text)) == []


def test_a_vague_word_in_a_question_is_not_a_requirement() -> None:
    text = """
    ## FAQ

    **Will it be fast on a five-year-old laptop?**
    Yes, it is. The editor opens a 50-page document in 2 seconds in our tests.
    """
    assert _wording(text) == []


def test_a_table_row_gives_the_value_in_another_cell() -> None:
    text = """
    ## Non-functional requirements

    | Area | Requirement | Target |
    |---|---|---|
    | Speed | Unlocking a scooter must be quick | Unlocks within 4 s of the tap, 99% of attempts |
    """
    assert spans(lint_with("WD006", text)) == []


def test_responsive_in_a_section_about_breakpoints_is_layout() -> None:
    text = """
    ## Layout requirements

    The admin console must be responsive.

    | Breakpoint | Width |
    |---|---|
    | Phone | < 600 px |
    """
    assert spans(lint_with("WD006", text)) == []


def test_responsive_said_of_an_api_stays_vague() -> None:
    text = """
    ## Requirements

    - The pricing API must be responsive.
    """
    assert spans(lint_with("WD006", text)) == [(3, 27)]
