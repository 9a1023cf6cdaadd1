"""Criteria a strict reviewer sends back in real specifications: an acceptance criterion whose outcome is only that
something "works" (AC003), and a decision's confirmation or a success answer that passes on a sufficiency nobody
set ("reliable enough", "sufficiently stable": MS004, not AC003's "names no check")."""

from conftest import lint_with, spans

# --- AC003: the outcome is only that something works -----------------------------------------------------------


def test_works_with_only_a_scope_is_flagged_at_the_claim() -> None:
    text = """
    ### Story 4: Offline drafts

    **Done when:**
    - A draft saved on the train opens on the laptop.
    - Offline drafts work across all signed-in devices.
    """
    findings = lint_with("AC003", text)
    assert spans(findings) == [(5, 18)]
    assert "work across all signed-in devices" in findings[0].message


def test_works_independently_in_a_criteria_table_cell_is_flagged() -> None:
    text = """
    ## Requirements

    | ID | Requirement | Acceptance criteria |
    |----|-------------|---------------------|
    | R-1 | Each tenant MUST have its own rate limiter. | The rate limiter works for each tenant independently |
    """
    assert spans(lint_with("AC003", text)) == [(5, 72)]  # once, though the cell is read as two criteria


def test_a_then_step_that_only_says_the_coupon_works_is_flagged() -> None:
    text = """
    ## Acceptance criteria

    ```gherkin
    Scenario: Coupon at checkout
      Given a basket of 40 EUR and the code SPRING10
      When the shopper applies the code
      Then the coupon works.
    ```
    """
    assert spans(lint_with("AC003", text)) == [(7, 19)]


def test_what_keeps_working_is_checked_against_todays_behaviour() -> None:
    text = """
    ## Acceptance criteria

    - Webhooks registered before the migration continue to work.
    - The nightly export still works.
    - After revocation the old token does not work.
    """
    assert lint_with("AC003", text) == []


def test_work_as_a_noun_and_controls_that_all_work_are_not_claims() -> None:
    text = """
    ## Acceptance criteria

    - The reviewer approves the work.
    - Keyboard shortcuts: Tab, Enter and Escape all work.
    - Given the scheduler works, when a job is due, then the log lists it with status `queued`.
    - The module exports two helper functions.
    """
    assert lint_with("AC003", text) == []


def test_works_with_what_is_observed_is_checkable() -> None:
    text = """
    ## Acceptance criteria

    - Search works across all workspaces: a term from workspace B returns its pages within 2 s.
    """
    assert lint_with("AC003", text) == []


# --- MS004: a sufficiency nobody set -------------------------------------------------------------------------------


def test_a_confirmation_that_passes_when_something_is_good_enough_is_a_metric_without_target() -> None:
    text = """\
    # Move thumbnails to the edge cache

    ## Decision Outcome

    Chosen option: edge cache.

    ### Confirmation

    We will call this done by reviewing the cache dashboards until the hit rate proves high enough.
    """
    assert spans(lint_with("MS004", text)) == [(9, 1)]
    assert lint_with("AC003", text) == []  # a check is named; the figure is what is missing


def test_a_success_answer_that_is_sufficiently_stable_is_flagged() -> None:
    text = """\
    # Tempo for Android

    ## How will we know this worked?

    The Android client is sufficiently stable in the beta, and the store listing goes live.
    """
    assert spans(lint_with("MS004", text)) == [(5, 1)]


def test_enough_with_a_figure_or_a_purpose_is_not_flagged() -> None:
    text = """\
    # Move thumbnails to the edge cache

    ## Decision Outcome

    ### Confirmation

    The load test shows the cache is fast enough: p95 under 40 ms at 3,000 requests per second.
    The drill confirms the buffer is large enough to hold a full hour of uploads.
    """
    assert lint_with("MS004", text) == []


def test_a_sufficiency_outside_success_and_confirmation_sections_is_not_read() -> None:
    text = """\
    # Move thumbnails to the edge cache

    ## Context

    The current origin is not reliable enough during sales, which is why this record exists.
    """
    assert lint_with("MS004", text) == []


# --- MS001: unaided use claimed for no share of users ------------------------------------------------------------


def test_people_who_succeed_unaided_with_no_share_is_flagged_at_the_qualifier() -> None:
    text = """
    ## Success measures

    1. A first-time admin can connect the SSO provider unaided.
    """
    findings = lint_with("MS001", text)
    assert spans(findings) == [(3, 52)]
    assert "unaided" in findings[0].message


def test_on_the_first_try_counts_attempts_not_users() -> None:
    text = """
    ## Outcomes

    - **SC-07**: Support agents issue a partial refund on the first try without asking for help.
    """
    assert spans(lint_with("MS001", text)) == [(3, 52)]


def test_a_share_of_users_or_a_session_count_makes_it_measurable() -> None:
    text = """
    ## Success measures

    - 90% of first-time admins connect the SSO provider without reading the guide.
    - Support agents issue a partial refund unaided in 4 of 5 moderated sessions.
    """
    assert lint_with("MS001", text) == []


def test_a_system_that_succeeds_on_its_first_attempt_is_a_behaviour() -> None:
    text = """
    ## Success measures

    - The installer completes on the first attempt on a clean machine, without support tickets being opened.
    """
    assert lint_with("MS001", text) == []


def test_unaided_use_outside_success_criteria_is_not_read() -> None:
    text = """
    ## Problem

    Today admins cannot connect an SSO provider without contacting support.
    """
    assert lint_with("MS001", text) == []


def test_understanding_from_the_documents_alone_is_an_unaided_claim() -> None:
    text = """
    ## Success measures

    - A new maintainer can explain how the ingest and billing services
      share the ledger, from the architecture page alone.
    """
    assert spans(lint_with("MS001", text)) == [(4, 21)]


def test_understanding_with_no_qualifier_stays_a_capability() -> None:
    text = """
    ## Success measures

    - A new maintainer can explain how the ingest and billing services share the ledger.
    """
    assert lint_with("MS001", text) == []
