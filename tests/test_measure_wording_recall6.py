"""Round 11 (issue 14, recall-measure6): the classes behind the measurability and wording misses of
independent writers. MS012 vague-trigger, MS010's value-table rows and traffic shares, MS004's
success paragraphs and answers, WD011 perceived-quality: small fixtures of our own, then damage
tests on a real corpus document at exact line and column."""

from __future__ import annotations

from conftest import lint_with, requires_corpus, spans
from damage import damaged_text, lint_positions

# --- MS012 vague-trigger ------------------------------------------------------------------------


def test_ms012_flags_an_excess_that_triggers_a_penalty() -> None:
    text = """
    # PRD: Priority dispatch

    ## Requirements

    - Couriers who decline offers too often lose priority for the rest of the week.
    """
    assert spans(lint_with("MS012", text, "prd.md")) == [(5, 31)]


def test_ms012_flags_a_span_in_words_in_a_timing_table_cell() -> None:
    text = """
    # One-pager: Dunning

    ## What we build

    | Step | When |
    |---|---|
    | First reminder | 3 days after the due date |
    | Second reminder | after a few days without payment |
    """
    assert spans(lint_with("MS012", text, "one-pager.md")) == [(8, 21)]


def test_ms012_flags_a_budget_no_line_gives() -> None:
    text = """
    # Design: Price service

    ## Requirements

    - Price reads must stay within the request latency budget during the sale.
    """
    assert spans(lint_with("MS012", text, "design.md")) == [(5, 25)]


def test_ms012_leaves_a_budget_another_line_gives() -> None:
    text = """
    # Design: Price service

    ## Requirements

    - Price reads must stay within the request latency budget during the sale.

    | Budget | Value |
    |---|---|
    | Request latency budget | 40 ms at p99 |
    """
    assert lint_with("MS012", text, "design.md") == []


def test_ms012_leaves_a_vague_span_in_a_problem_statement() -> None:
    text = """
    # PRD: Callbacks

    ## Problem

    Callers wait on hold for a while and many hang up before an agent answers.
    """
    assert lint_with("MS012", text, "prd.md") == []


def test_ms012_leaves_a_paragraph_whose_table_gives_the_values() -> None:
    text = """
    # Design: Listing freshness

    ## Ranking

    A listing is demoted when its seller has been silent for a while, as follows:

    | Seller silent for | Effect |
    |---|---|
    | 10 to 29 days | score × 0.7 |
    """
    assert lint_with("MS012", text, "design.md") == []


# --- MS010: a value table's row and a sentence; two shares of one traffic ------------------------


def test_ms010_flags_a_value_row_that_restates_a_sentence_with_another_value() -> None:
    text = """
    # Design: Public orders API

    ## Rate limiting

    The public API allows 100 requests per minute per API key; beyond that it answers 429.

    ## Limits

    | Limit | Value |
    |---|---|
    | Requests per API key | 60 per minute |
    """
    findings = lint_with("MS010", text, "design.md")
    assert spans(findings) == [(11, 26)]
    assert "line 5" in findings[0].message


def test_ms010_leaves_a_value_row_restated_in_its_own_table() -> None:
    text = """
    # Design: Plans

    ## Retention

    | Setting | Value |
    |---|---|
    | Activity history kept | 7 days |
    | Team workspaces | Activity history kept for 90 days |
    """
    assert lint_with("MS010", text, "design.md") == []


def test_ms010_flags_two_shares_of_the_same_traffic() -> None:
    text = """
    # Design: Learned ranking

    ## Rollout

    A new ranker first serves 5% of search traffic for two days.

    ## Risks

    A bad ranker is caught by a canary on 20% of search traffic.
    """
    assert spans(lint_with("MS010", text, "design.md")) == [(9, 39)]


def test_ms010_leaves_the_stages_of_one_rollout() -> None:
    text = """
    # Design: Learned ranking

    ## Rollout

    A new ranker serves 5% of search traffic for a day, then 25%, then all of it.

    ## Risks

    A bad ranker is rolled back at any stage.
    """
    assert lint_with("MS010", text, "design.md") == []


# --- MS004: success paragraphs and answers --------------------------------------------------------


def test_ms004_flags_a_german_success_paragraph_of_comparatives() -> None:
    text = """
    # One-Pager: Lastschrift

    ## Erfolg

    Mehr Kunden zahlen per Lastschrift, und das Team bekommt weniger Rückfragen.
    """
    assert spans(lint_with("MS004", text, "one-pager.md")) == [(5, 1)]


def test_ms004_flags_a_madr_confirmation_that_only_says_a_measure_improves() -> None:
    text = """
    # Use a vector index

    ## Decision Outcome

    Chosen option: "pgvector".

    ### Confirmation

    The decision is confirmed once answers feel more relevant and query cost has dropped.
    """
    assert spans(lint_with("MS004", text, "docs/decisions/0019-use-a-vector-index.md")) == [(9, 1)]


def test_ms004_leaves_a_comparison_between_two_things_in_a_success_section() -> None:
    text = """
    # Proposal: Structured logging

    ## What does success look like?

    But more important than the new API is one shared backend for every library.
    """
    assert lint_with("MS004", text, "design.md") == []


# --- WD011 perceived-quality ------------------------------------------------------------------------


def test_wd011_flags_a_goal_that_must_look_a_certain_way() -> None:
    text = """
    # Design: Statement PDFs

    ## Goals

    - Statements should look polished on every device.
    """
    assert spans(lint_with("WD011", text, "design.md")) == [(5, 21)]


def test_wd011_flags_an_impression_as_a_table_condition() -> None:
    text = """
    # Requirements: Player

    ## Requirements

    | Signal | Switch when |
    |---|---|
    | Segment errors | 3 consecutive requests fail |
    | Startup time | startup feels sluggish |
    """
    assert spans(lint_with("WD011", text, "requirements.md")) == [(8, 26)]


def test_wd011_flags_a_spanish_requirement_that_must_feel_fluid() -> None:
    text = """
    # Especificación: Agenda

    ## Requisitos funcionales

    - **RF-002**: La agenda DEBE sentirse fluida al cambiar de semana.
    """
    assert spans(lint_with("WD011", text, "spec.md")) == [(5, 30)]


def test_wd011_leaves_a_customer_quote_in_the_problem() -> None:
    text = """
    # PRD: Checkout

    ## Problem

    Shoppers told us checkout feels slow on older phones.
    """
    assert lint_with("WD011", text, "prd.md") == []


def test_wd011_leaves_an_impression_defined_by_a_number() -> None:
    text = """
    # Feature Specification: Notes editor

    ## Requirements

    - **FR-001**: The editor MUST feel responsive: a keystroke renders within 50 ms at p95.
    """
    assert lint_with("WD011", text, "spec.md") == []


# --- damage tests on a real PRD -----------------------------------------------------------------------

_PRISM = "prds/ProductBuildersHQ__prism__docs__specs__PRD.md"
_LEASES = "- **FR6** — Lease-based assignments"
_NON_FUNCTIONAL = "### Non-Functional\n"
_SUCCESS_END = "into the running system (dogfood).\n"


@requires_corpus
def test_damage_ms012_a_lease_reclaimed_after_too_long() -> None:
    assert lint_positions("MS012", _PRISM) == []
    damaged, line = damaged_text(_PRISM, _LEASES, "- **FR6a** — A lease whose session stays silent for too long is reclaimed.\n"
                                 + _LEASES)
    assert lint_positions("MS012", _PRISM, damaged) == [(line, 53)]


@requires_corpus
def test_damage_ms010_a_lease_row_that_disagrees_with_a_requirement() -> None:
    assert lint_positions("MS010", _PRISM) == []
    damaged, line = damaged_text(_PRISM, _NON_FUNCTIONAL, _NON_FUNCTIONAL
                                 + "\n- **NFR0** — Each claim lease lasts 45 minutes.\n\n| Setting | Value |\n|---|---|\n"
                                   "| Claim lease | 30 minutes |\n")
    # and the inserted 45 minutes disagrees with the scenario's "4-hour lease" too (a duration before its noun, round 15)
    assert lint_positions("MS010", _PRISM, damaged) == [(line + 2, 19), (line + 6, 17)]


@requires_corpus
def test_damage_wd011_a_cli_that_must_feel_snappy() -> None:
    assert lint_positions("WD011", _PRISM) == []
    damaged, line = damaged_text(_PRISM, _NON_FUNCTIONAL, _NON_FUNCTIONAL + "\n- **NFR0** — `prismctl` must feel snappy.\n")
    assert lint_positions("WD011", _PRISM, damaged) == [(line + 2, 30)]


@requires_corpus
def test_damage_ms004_a_success_paragraph_of_directions() -> None:
    before = lint_positions("MS004", _PRISM)
    damaged, line = damaged_text(_PRISM, _SUCCESS_END, _SUCCESS_END
                                 + "\nTeams will plan more of their work in PRISM and hold fewer status meetings.\n")
    assert lint_positions("MS004", _PRISM, damaged) == sorted([*before, (line + 2, 1)])
