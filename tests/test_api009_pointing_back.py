"""API009 endpoint-without-contract: a contract given by text that points back at the endpoint
without repeating its path ("both calls ...", "these endpoints ...", the label of the requirement
naming it) counts; text that points back and says nothing of a contract does not."""

import pytest
from conftest import lint_with, spans


def api009(text: str) -> list[tuple[int, int]]:
    return spans(lint_with("API009", text))


@pytest.mark.parametrize("text", [
    """
    # Saved addresses

    ## Behaviour

    - The checkout page calls `PUT /me/addresses/{id}` when the shopper saves an address.
    - The account page calls `DELETE /me/addresses/{id}` to forget one.
    - These endpoints take the shopper's session cookie and answer 404 for an address of another shopper.
    """,
    """
    # Exportación de pedidos

    ## Comportamiento

    El panel llama a `POST /exports/{id}/start` y a `POST /exports/{id}/stop`. Ambas llamadas
    exigen el token de la tienda y devuelven 202.
    """,
    """
    # Loyalty points

    ## Requirements

    - **LP-4**: The mobile app reads the balance from `GET /loyalty/balance` on every launch.

    ## Failure handling

    LP-4's call answers 503 while the points ledger is rebuilding; the app shows the cached balance.
    """,
], ids=["list-items-these-endpoints", "spanish-ambas-llamadas", "label-cited-in-another-section"])
def test_contract_given_by_text_pointing_back_is_enough(text):
    assert api009(text) == []


@pytest.mark.parametrize("text, where", [
    ("""
     # Saved addresses

     ## Behaviour

     - The checkout page calls `PUT /me/addresses/{id}` when the shopper saves an address.
     - These endpoints are owned by the accounts squad.
     """, (5, 28)),
    ("""
     # Loyalty points

     ## Requirements

     - **LP-4**: The mobile app reads the balance from `GET /loyalty/balance` on every launch.

     ## Other

     Both calls of the partner SDK return 200 even when the partner is down.
     """, (5, 52)),
], ids=["pointing-back-without-contract", "anaphor-in-another-section"])
def test_still_flags_when_nothing_pointing_back_gives_a_contract(text, where):
    assert api009(text) == [where]
