"""RK017 open-to-anyone: a design that accepts requests from any source, or honours an action
without any check, with nothing that limits it. Fixtures are our own."""

from __future__ import annotations

from conftest import lint_with


def lines(text: str) -> list[int]:
    return [finding.span.start.line for finding in lint_with("RK017", text)]


def test_a_requirement_accepting_requests_from_any_source_is_flagged() -> None:
    text = """
    ## Functional requirements

    - **REQ-4** The mail relay shall accept messages from any sender address and deliver them.
    - **REQ-5** Delivery is retried for 48 hours.
    """
    assert lines(text) == [3]


def test_an_action_honoured_without_any_check_is_flagged() -> None:
    text = """
    ## Design

    A namespace opts out of the quota by carrying the label `quota.example.io/skip`, which the
    controller applies without further verification.
    """
    assert lines(text) == [4]


def test_the_shape_in_a_table_cell_and_in_other_languages_is_flagged() -> None:
    table = """
    | ID | Requisito |
    |---|---|
    | RF-3 | El servicio aceptará cargas de archivos desde cualquier origen. |
    """
    german = """
    ## Anforderungen

    Der Dienst beantwortet Abfragen von jeder Quelle im Internet.
    """
    assert lines(table) == [3]
    assert lines(german) == [3]


def test_a_door_closed_in_the_same_or_next_sentence_is_fine() -> None:
    allowlisted = """
    - The relay shall accept messages from any sender address on the allowlist.
    """
    refused = """
    The gateway accepts connections from any client. Calls without a valid token are refused with 401.
    """
    configurable = """
    The load balancer allows traffic from all sources by default; operators narrow it with source ranges.
    """
    assert lines(allowlisted) == []
    assert lines(refused) == []
    assert lines(configurable) == []


def test_public_by_design_negated_and_threat_sentences_are_fine() -> None:
    public = """
    The status page is served to any client anonymously: it holds nothing private, by design.
    """
    negated = """
    - The resolver shall not answer queries from any source outside the customer ranges.
    - An open resolver that answers from any source would be abused for amplification, so it is closed.
    """
    device = """
    Customers can accept the offer from any device they are signed in on.
    """
    assert lines(public) == []
    assert lines(negated) == []
    assert lines(device) == []
