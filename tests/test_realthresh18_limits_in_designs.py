"""Round 18 (realthresh18): a design names a timeout or a rate limit it will build and never gives its value.

A design document states what will be built. "**Tile fetch timeout**: serve the last cached tile" and "if the
geocoder call times out, ..." make a wait end in a timeout whose length the team must pick; "**Abuse control**:
apply rate limiting to the search endpoint" commits to a rate nobody wrote down. A requirement ID is not needed for
that. Not a commitment: a design's tests, future work, a limit the design only reacts to ("**Rate limit**: switch to
the backup provider"), a timeout that is a setting or a caller's parameter, or one whose value the document gives.
All sentences are ours."""

from __future__ import annotations

from conftest import md

from speclint.document.parser import parse
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.kinds import detect_kind
from speclint.engine.registry import load_registry

KIRO = ".kiro/specs/tiles/design.md"


def found(text: str, path: str = KIRO) -> list[tuple[int, int]]:
    """MS007's findings, with the profile speclint detects for the document (as `speclint check` runs it)."""
    rule = load_registry().get("MS007")
    assert rule is not None
    document = parse(md(text), path)
    result = run_rules(document, [ActiveRule(rule, rule.default_level, rule.resolve_options({}))],
                       profile=detect_kind(document, path).profile)
    return [(finding.span.start.line, finding.span.start.column) for finding in result.findings]


# --- a timeout named as the case a design answers ------------------------------------------------------------------


def test_a_timeout_in_a_case_label_of_a_kiro_design() -> None:
    text = """
    # Design Document

    ## Components and Interfaces

    ### Degraded mode

    1. **Tile server reachable**: render live tiles
    2. **Tile fetch timeout**: serve the last cached tile
    """
    assert found(text) == [(8, 17)]


def test_a_call_that_times_out_in_a_free_form_design() -> None:
    text = """
    # Address lookup design doc

    ## Lookup flow

    - The form sends the typed address to the geocoder; if the geocoder call times out, the form keeps the address
      as typed and marks it unverified.
    """
    assert found(text, path="docs/address-lookup.md") == [(5, 53)]


def test_a_reply_waited_for_within_the_timeout() -> None:
    text = """
    # Design Document

    ## Architecture

    - The checkout asks the fraud scorer and accepts its answer only within the timeout; later answers are logged.
    """
    assert found(text) == [(5, 66)]


def test_a_timeout_given_a_value_elsewhere_is_answered() -> None:
    text = """
    # Design Document

    ## Components and Interfaces

    1. **Tile fetch timeout**: serve the last cached tile

    ## Configuration

    | Setting | Value |
    |---|---|
    | Tile fetch timeout | 800 ms |
    """
    assert found(text) == []


def test_a_timeout_that_is_a_setting_or_a_parameter_is_the_callers() -> None:
    text = """
    # Design Document

    ## Components and Interfaces

    - `fetch_tile(key, timeout)` returns None when no tile arrived within the timeout.
    """
    assert found(text) == []


def test_a_bold_timeout_inside_a_sentence_is_no_case_label() -> None:
    text = """
    # Design Document

    ## Components and Interfaces

    - Renders use the shared client; see the **timeout** notes of the platform team: serve what is cached.
    """
    assert found(text) == []


def test_a_timeout_in_the_test_plan_of_a_design_is_no_commitment() -> None:
    text = """
    # Design Document

    ## Testing Strategy

    - **Upstream timeout**: simulate a hung tile server and check the cached tile is served
    """
    assert found(text) == []


# --- a rate limit a design commits to ---------------------------------------------------------------------------------


def test_rate_limiting_a_kiro_design_commits_to() -> None:
    text = """
    # Design Document

    ## Security

    - **Abuse control**: apply rate limiting to the search endpoint
    """
    assert found(text) == [(5, 22)]


def test_a_rate_limit_the_design_only_reacts_to_is_another_partys() -> None:
    text = """
    # Design Document

    ## Error Handling

    1. **Rate limit**: switch to the backup geocoder and show a notice
    """
    assert found(text) == []


def test_rate_limiting_given_a_rate_elsewhere_is_answered() -> None:
    text = """
    # Design Document

    ## Security

    - **Abuse control**: apply rate limiting to the search endpoint

    ## Limits

    - Search rate limit: 30 requests per minute per API key.
    """
    assert found(text) == []


def test_rate_limiting_in_future_work_is_no_commitment() -> None:
    text = """
    # Design Document

    ## Planned Enhancements

    - **Abuse control**: apply rate limiting to the search endpoint
    """
    assert found(text) == []


# --- a decided wait in an ADR ------------------------------------------------------------------------------------------


ADR = """
# 12. Price quotes from the partner carrier

## Context

Checkout needs a shipping price before the order is placed.

## Decision

We ask the partner carrier for a live quote at checkout. If the carrier does not reply within the timeout, checkout
shows the flat table rate instead.

## Consequences

- Quotes are logged for reconciliation.
"""


def test_a_wait_decided_in_an_adr_names_a_timeout_with_no_length() -> None:
    assert found(ADR, path="docs/adr/0012-carrier-quotes.md") == [(9, 88)]


def test_an_adr_that_gives_the_timeout_is_answered() -> None:
    text = ADR + "- The carrier quote timeout is 400 ms.\n"
    assert found(text, path="docs/adr/0012-carrier-quotes.md") == []


def test_a_timeout_in_an_adrs_context_is_not_its_decision() -> None:
    text = ADR.replace("Checkout needs a shipping price before the order is placed.",
                       "Today checkout falls back to the table rate if the carrier call times out.")
    assert found(text, path="docs/adr/0012-carrier-quotes.md") == [(9, 88)]
