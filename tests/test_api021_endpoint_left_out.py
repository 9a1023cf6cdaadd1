"""API021 endpoint-left-out-of-authorization: a document that says who may call its endpoints one
by one, and leaves one out."""

import pytest
from conftest import lint_with, spans


def api021(text: str) -> list[tuple[int, int]]:
    return spans(lint_with("API021", text))


def test_an_empty_permission_cell_beside_filled_ones():
    assert api021("""
        # Team settings

        ## Endpoints

        | Method | Path | Permission | Does |
        |---|---|---|---|
        | GET | `/v2/teams/{team}/billing` | `billing:read` scope | shows the plan |
        | DELETE | `/v2/teams/{team}/billing` | | cancels the plan |
        """) == [(8, 3)]


def test_a_bullet_list_where_one_write_lacks_its_role():
    assert api021("""
        # Coupons

        ## Interfaces

        - `POST /promo/coupons` creates a coupon; only the Marketing Admin role may call it.
        - `POST /promo/coupons/{code}/expire` ends a coupon at once and refunds nothing.
        """) == [(6, 3)]


def test_a_read_left_out_among_reads_that_each_name_their_scope():
    assert api021("""
        # Payroll exports

        ## Interface

        | Ref | Route | Notes |
        |---|---|---|
        | P-1 | `GET /payroll/runs` | Needs the `payroll:read` scope. |
        | P-2 | `GET /payroll/runs/{id}` | Needs the `payroll:read` scope; 404 if unknown. |
        | P-3 | `GET /payroll/runs/{id}/payslips.zip` | Every payslip of the run as one archive. |
        """) == [(9, 10)]


@pytest.mark.parametrize("text", [
    """
    # Coupons

    ## Interfaces

    Every endpoint below requires the Marketing Admin role; others get 403.

    - `POST /promo/coupons` creates a coupon; only the Marketing Admin role may call it.
    - `POST /promo/coupons/{code}/expire` ends a coupon at once.
    """,
    """
    # Coupons

    ## Interfaces

    - `POST /promo/coupons` creates a coupon; only the Marketing Admin role may call it.
    - `POST /promo/coupons/{code}/expire` ends a coupon at once; it is public on purpose, anonymous callers get the same.
    """,
    """
    # Coupons

    ## Interfaces

    - `POST /promo/coupons` creates a coupon; only the Marketing Admin role may call it.
    - `GET /healthz` answers 200 while the service is up.
    - `POST /webhooks/psp` receives the payment provider's events.
    """,
    """
    # Review sessions

    ## Routes

    | Method | Path | Description |
    |---|---|---|
    | GET | `/api/sessions/{id}` | one review session and its token usage |
    | PATCH | `/api/sessions/{id}` | close the session |
    """,
    """
    # Coupons

    ## Interfaces

    - `POST /promo/coupons` creates a coupon; only the Marketing Admin role may call it.

    ## Later

    The partner app may one day call `POST /promo/coupons/{code}/share`.
    """,
], ids=["a-statement-for-every-endpoint", "said-public", "health-and-webhook-routes",
        "session-and-token-as-domain-words", "not-a-sibling-in-another-section"])
def test_traps(text):
    assert api021(text) == []
