"""API020 endpoint-exempted-from-authorization: "every route except X requires sign-in", and X
changes data. Fixtures are our own."""

from __future__ import annotations

from conftest import lint_with


def lines(text: str) -> list[int]:
    return [finding.span.start.line for finding in lint_with("API020", text)]


def test_a_write_route_excepted_from_sign_in_is_flagged() -> None:
    text = """
    ## API

    - `GET /invoices/{id}` returns one invoice.
    - `DELETE /invoices/purge-drafts` removes every draft older than 30 days.

    Every endpoint apart from purge-drafts requires a bearer token with the `billing` scope.
    """
    assert lines(text) == [6]


def test_the_exception_in_a_table_note_and_in_spanish_is_flagged() -> None:
    text = """
    | Método | Ruta | Descripción |
    |---|---|---|
    | GET | /v1/citas | Lista las citas |
    | PATCH | /v1/citas/reasignar | Reasigna citas en bloque |

    Todos los endpoints excepto /v1/citas/reasignar requieren autenticación con el token de la sede.
    """
    assert lines(text) == [6]


def test_justified_exceptions_and_read_routes_are_fine() -> None:
    health = """
    - `POST /orders` creates an order.
    - `GET /healthz` answers 200 when the service is up.

    All routes except /healthz require a bearer token.
    """
    login = """
    - `POST /sessions/login` exchanges a password for a token.
    - `POST /orders` creates an order.

    All endpoints other than login require the token it issues.
    """
    webhook = """
    - `POST /payments/callback` receives the provider's result, checked against its HMAC signature.
    - `POST /orders` creates an order.

    Every route except the callback sits behind SSO.
    """
    assert lines(health) == []
    assert lines(login) == []
    assert lines(webhook) == []


def test_an_exception_recognised_another_way_in_the_same_paragraph_is_fine() -> None:
    text = """
    - `POST /imports/nightly` loads the partner file.
    - `GET /imports` lists imports.

    All routes except nightly require SSO. The nightly route takes the scheduler's service token.
    """
    assert lines(text) == []


def test_an_exception_that_is_not_about_sign_in_is_fine() -> None:
    text = """
    - `POST /reports/rebuild` rebuilds every report.

    All endpoints except rebuild answer within 200 ms.
    """
    assert lines(text) == []


def test_a_route_that_needs_more_than_the_others_is_not_an_exception() -> None:
    text = """
    - `POST /exports` starts an export of every customer.
    - `GET /exports/{id}` returns one export.

    All endpoints require a bearer token, but POST /exports additionally requires the `admin` role.
    """
    assert lines(text) == []
