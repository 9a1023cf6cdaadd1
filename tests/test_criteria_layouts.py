"""AC002 requirement-without-criteria in the story layouts of issue 14 class 10 that it first missed."""

from __future__ import annotations

from conftest import lint_with, spans


def test_a_numbered_story_without_its_labelled_criteria_list_is_flagged() -> None:
    text = """
    ## User Stories

    1. As a shopper, I want my cart saved, so that I can come back later.
       - Acceptance criteria:
         - The cart persists for 30 days.
    2. As a shopper, I want to share my cart, so that a friend can buy for me.
       - Acceptance criteria:
         - A share link opens a read-only copy.
    3. As a shopper, I want to merge carts, so that I keep items from two devices.
    """
    assert spans(lint_with("AC002", text)) == [(9, 4)]


def test_numbered_stories_that_all_have_labelled_criteria_are_not_flagged() -> None:
    text = """
    ## User Stories

    1. As a shopper, I want my cart saved, so that I can come back later.
       - Acceptance criteria: the cart persists for 30 days.
    2. As a shopper, I want to share my cart, so that a friend can buy for me.
       - Acceptance criteria:
         - A share link opens a read-only copy.
    """
    assert lint_with("AC002", text) == []


def test_a_labelled_story_paragraph_without_criteria_is_flagged() -> None:
    text = """
    ## User Stories

    **Story 1: Save cart.** As a shopper, I want my cart saved, so that I can come back later.

    *Acceptance criteria:*
    - The cart persists for 30 days.

    **Story 2: Merge carts.** As a shopper, I want to merge carts, so that I keep items from two devices.

    ## Non-goals

    - Wishlists.
    """
    assert spans(lint_with("AC002", text)) == [(8, 1)]


def test_a_story_label_without_a_story_is_not_a_story() -> None:
    text = """
    ## User Stories

    **Story 1: Save cart.** As a shopper, I want my cart saved, so that I can come back later.

    *Acceptance criteria:*
    - The cart persists for 30 days.

    **Story 2 was merged into story 1.**
    """
    assert lint_with("AC002", text) == []


def test_bullets_under_a_story_item_are_its_criteria() -> None:
    text = """
    ## User Stories

    - **US-1**: As a shopper, I want my cart saved, so that I can come back later.
      - The cart persists for 30 days.
    - **US-2**: As a shopper, I want to share my cart, so that a friend can buy for me.
      - A share link opens a read-only copy.
    - **US-3**: As a shopper, I want to merge carts, so that I keep items from two devices.
    """
    assert spans(lint_with("AC002", text)) == [(7, 3)]


def test_a_criteria_heading_holding_only_tbd_is_no_criteria() -> None:
    text = """
    ### Story 1: Save cart

    As a shopper, I want my cart saved, so that I can come back later.

    #### Acceptance criteria

    - The cart persists for 30 days.

    ### Story 2: Merge carts

    As a shopper, I want to merge carts, so that I keep items from two devices.

    #### Acceptance criteria

    TBD
    """
    assert spans(lint_with("AC002", text)) == [(9, 1)]


def test_criteria_keyed_by_story_headings_cover_the_stories_of_a_table() -> None:
    text = """
    ## User Stories

    | ID | Story |
    |----|-------|
    | US-1 | As a shopper, I want my cart saved, so that I can come back later. |
    | US-2 | As a shopper, I want to merge carts, so that I keep items from two devices. |

    ## Acceptance Criteria

    ### US-1

    - The cart persists for 30 days.
    """
    assert spans(lint_with("AC002", text)) == [(6, 3)]


def test_a_criteria_list_holding_only_tbd_is_no_criteria() -> None:
    text = """
    ### Requirement 1: Export

    #### Acceptance Criteria

    1. WHEN the accountant selects a range, THE system SHALL export its invoices as CSV.

    ### Requirement 2: Purge

    #### Acceptance Criteria

    - [ ] TBD
    """
    assert spans(lint_with("AC002", text)) == [(7, 1)]
