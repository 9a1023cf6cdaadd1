"""MS010 contradictory-quantity, round 17: a value table's row of several values, a bound on a change, a count limit
given by a limits table, a fee named in another language with a decimal comma, and a threshold passed or crossed.

Precision: a row that gives a quantity now and its target (or one value per tier) is no single value a sentence can
restate; a sentence whose number bounds how far something is extended or raised does not restate that thing's setting.
Recall: "| Seats per workspace | at most 25 |" is the count limit "a workspace can have up to 10 seats" states; "Comisión:
2,5 %" and "la comisión es del 3 %" are one fee; "errors pass 1.5%" crosses the threshold "errors exceed 3%" names,
also when the paragraph's line breaks before the verb.
"""

from __future__ import annotations

from conftest import lint_with


def _findings(text: str) -> list[tuple[int, int]]:
    return [(finding.span.start.line, finding.span.start.column) for finding in lint_with("MS010", text)]


# --- a value table's row with a baseline and a target -------------------------------------------------------------


def test_a_row_with_a_baseline_and_a_target_is_not_restated_by_the_target() -> None:
    text = """
    # Team invites

    ## Goal

    We expect invite acceptance on mobile to climb to 38% by the end of the quarter.

    ## Measures

    | Measure | Baseline | Goal |
    |---|---|---|
    | Invite acceptance, mobile | 31% | 38% |
    """
    assert _findings(text) == []


def test_a_row_with_one_value_still_disagrees_with_a_sentence() -> None:
    text = """
    # Team invites

    ## Goal

    Invite acceptance on mobile must stay above 38% after the redesign.

    ## Measures

    | Measure | Goal |
    |---|---|
    | Invite acceptance, mobile | 31% |
    """
    assert _findings(text) == [(11, 31)]


# --- a value that bounds a change --------------------------------------------------------------------------------


def test_an_extension_bound_does_not_restate_a_configured_duration() -> None:
    text = """
    # Blue-green switch

    ## Risks

    - Slow health checks on cold nodes: the switch warmup is prolonged, at most 45 minutes, before a human decides.

    ## Configuration

    ```yaml
    switch:
      warmupPeriod: 5m
    ```
    """
    assert _findings(text) == []


def test_a_configured_duration_still_disagrees_with_a_plain_statement() -> None:
    text = """
    # Blue-green switch

    ## Behaviour

    - The switch warmup lasts 30 minutes on every node.

    ## Configuration

    ```yaml
    switch:
      warmupPeriod: 5m
    ```
    """
    assert [line for line, _column in _findings(text)] == [11]


# --- a count limit in a limits table -----------------------------------------------------------------------------


def test_flags_a_limits_table_row_against_a_count_limit_sentence() -> None:
    text = """
    # Workspaces

    ## Model

    A workspace can have up to 10 seats.

    ## Limits

    | Limit | Value |
    |---|---|
    | Seats per workspace | at most 25 |
    """
    assert _findings(text) == [(11, 25)]


def test_flags_a_maximum_label_in_german_against_a_sentence() -> None:
    text = """
    # Warenkorb

    ## Regeln

    Der Kunde legt bis zu 30 Artikel pro Warenkorb ab.

    ## Grenzen

    | Grenze | Wert |
    |---|---|
    | Max. Artikel pro Warenkorb | 50 |
    """
    assert [line for line, _column in _findings(text)] == [11]


def test_a_row_of_tiers_is_no_count_limit() -> None:
    text = """
    # Workspaces

    ## Model

    A workspace can have up to 10 seats.

    ## Limits

    | Limit | Starter | Business |
    |---|---|---|
    | Seats per workspace | 25 | 250 |
    """
    assert _findings(text) == []


def test_a_rate_row_is_no_count_limit_per_owner() -> None:
    text = """
    # Public API

    ## Throttling

    Clients may send at most 60 requests per minute.

    ## Limits

    | Limit | Value |
    |---|---|
    | Requests per minute | 120 |
    """
    assert _findings(text) == []


def test_a_limits_row_that_agrees_is_no_finding() -> None:
    text = """
    # Workspaces

    ## Model

    A workspace can have up to 25 seats.

    ## Limits

    | Limit | Value |
    |---|---|
    | Seats per workspace | 25 |
    """
    assert _findings(text) == []


# --- a fee named in another language, with a decimal comma ------------------------------------------------------


def test_flags_a_spanish_fee_with_decimal_commas() -> None:
    text = """
    # Cobro con enlace

    ## Alcance

    - Comisión: 2,5 % del importe cobrado.

    ## Precio

    La comisión es del 3 % y se descuenta al liquidar.
    """
    assert [line for line, _column in _findings(text)] == [9]


def test_a_foreign_fee_that_agrees_is_no_finding() -> None:
    text = """
    # Cobro con enlace

    ## Alcance

    - Comisión: 2,5 % del importe cobrado.

    ## Precio

    La comisión es del 2,5 % y se descuenta al liquidar.
    """
    assert _findings(text) == []


# --- a threshold passed or crossed -------------------------------------------------------------------------------


def test_flags_a_threshold_crossed_in_other_words_across_a_wrapped_line() -> None:
    text = """
    # Batch imports

    ## Policy

    The importer pauses a batch when rejected rows exceed 4% of the file.

    ## Operations

    Per the policy above, the importer pauses the batch as soon as rejected rows
    cross 2% of the file; the runbook says how to resume.
    """
    assert [line for line, _column in _findings(text)] == [10]


def test_two_crossings_that_trigger_different_actions_are_two_steps() -> None:
    text = """
    # Batch imports

    ## Alerts

    The importer warns the owner when rejected rows pass 1% of the file.

    ## Policy

    The importer aborts the batch when rejected rows exceed 4% of the file.
    """
    assert _findings(text) == []
