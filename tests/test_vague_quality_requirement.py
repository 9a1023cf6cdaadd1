"""MS008 vague-quality-requirement: speed, availability, reliability or scale demanded in words, with no figure."""

from __future__ import annotations

import pytest
from conftest import lint_with, spans


@pytest.mark.parametrize(
    ("sentence", "demand"),
    [
        ("- The payout API shall be highly available.", "shall"),
        ("- The wallet screen shall load fast.", "shall"),
        ("- The limiter check must add minimal latency to each request.", "must"),
        ("- The system shall scale to support growth in bookings.", "shall"),
        ("- Search must be reliable.", "must"),
        ("- The importer must perform well.", "must"),
    ],
)
def test_a_quality_demanded_in_words(sentence: str, demand: str) -> None:
    column = sentence.index(demand) + 1  # the finding starts at the demand
    text = f"""
    ## Non-functional requirements

    {sentence}
    """
    assert spans(lint_with("MS008", text)) == [(3, column)]


def test_an_item_of_a_quality_section_that_is_only_the_quality_word() -> None:
    text = """
    ## Performance requirements

    - **Latency:** low latency.
    """
    findings = lint_with("MS008", text)
    assert spans(findings) == [(3, 16)]
    assert "'low latency'" in findings[0].message


def test_a_figure_in_the_statement_is_a_threshold() -> None:
    text = """
    ## Non-functional requirements

    - The payout API shall be highly available (99.95% monthly).
    - Search must be fast: p95 under 300 ms.
    """
    assert lint_with("MS008", text) == []


def test_a_figure_for_the_quality_elsewhere_answers_it() -> None:
    text = """
    ## Non-functional requirements

    - The payout API shall be highly available.

    ## Service levels

    | Measure | Target |
    |---|---|
    | Availability | 99.95% per month |
    """
    assert lint_with("MS008", text) == []


def test_a_heading_number_is_no_figure() -> None:
    text = """
    ## 3. Specific requirements

    ### 3.3 Availability

    - The payout API shall be highly available.
    """
    assert spans(lint_with("MS008", text)) == [(5, 18)]


def test_a_prediction_in_prose_is_not_a_demand() -> None:
    text = """
    ## Design

    The lookup will be fast because the index is in memory.
    """
    assert lint_with("MS008", text) == []


def test_a_negation_and_a_question_are_not_demands() -> None:
    text = """
    ## Requirements

    - The batch does not need to be fast.
    - Should the export be fast?
    """
    assert lint_with("MS008", text) == []


def test_a_vague_magnitude_is_left_to_limit_without_value() -> None:
    text = """
    ## Requirements

    - The system shall scale to support large clinics.
    """
    assert lint_with("MS008", text) == []
    assert spans(lint_with("MS005", text)) == [(3, 37)]


def test_a_figure_for_another_quality_does_not_answer_it() -> None:
    text = """
    ## Non-functional requirements

    - The wallet screen shall load fast.

    ## Capacity

    | Measure | Target |
    |---|---|
    | Concurrent users | 2,000 |
    """
    assert spans(lint_with("MS008", text)) == [(3, 21)]
