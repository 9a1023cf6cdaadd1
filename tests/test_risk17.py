"""Round 17 (risk17): a risk left unanswered in a plain "Risks" list while its siblings are answered (RK011),
and money moved again by a request sent a second time or by an event-driven component (RK015).
Fixtures are our own; none is copied from an evaluation set."""

from __future__ import annotations

from conftest import lint_with, spans


def rk011(text: str) -> list[tuple[int, int]]:
    return spans(lint_with("RK011", text))


def rk015(text: str) -> list[tuple[int, int]]:
    return spans(lint_with("RK015", text))


# --- RK011 under a plain "Risks" title -----------------------------------------------------------

def test_a_plain_risks_list_with_one_item_left_unanswered_is_flagged() -> None:
    text = """
    ## Known risks

    - __Quota exhaustion:__ a tenant that bursts can use the shared pool. Bursts are capped at 2x
      the tenant's plan and the excess is queued.
    - __Schema drift:__ producers can add a column that the loader silently drops.
    """
    assert rk011(text) == [(5, 3)]


def test_the_document_title_does_not_make_its_risks_a_features_risks() -> None:
    # "Feature flags" in the title names the document; the Risks section is still the project's.
    text = """
    # Design: feature flags for the mobile apps

    ## Risks

    - **Stale flags.** A phone offline for a week keeps old values. Flags carry a 24-hour expiry
      after which the app falls back to the defaults.
    - **Flag sprawl.** Nobody deletes a flag after its experiment ends.
    """
    assert rk011(text) == [(7, 3)]


def test_a_spanish_risks_list_is_read() -> None:
    text = """
    ## Riesgos

    - **Picos de demanda.** En Navidad el tráfico se triplica. Se escalan los nodos con una semana de antelación.
    - **Fraude con tarjetas robadas.** Un comprador puede pagar con una tarjeta robada y recoger el pedido.
    """
    assert rk011(text) == [(4, 3)]


def test_a_will_that_tells_the_risk_is_no_answer_under_a_plain_title() -> None:
    text = """
    ## Risks

    - **Partner formats.** Two partners send CSV with a BOM. The parser strips it first.
    - **Legacy clients.** Older Android builds will reject the new certificate chain.
    """
    assert rk011(text) == [(4, 3)]


def test_trap_a_will_under_risks_and_mitigations_is_still_an_answer() -> None:
    text = """
    ## Risks and mitigations

    - **Partner formats.** Two partners send CSV with a BOM. The parser strips it first.
    - **Legacy clients.** The team will ship a pinned chain to older Android builds.
    """
    assert rk011(text) == []


def test_trap_an_obligation_answers_the_risk() -> None:
    text = """
    ## Risks

    - **Clock skew.** Devices may report times minutes off. The server stamps every reading on arrival.
    - **Replay.** A captured upload must be rejected by its nonce.
    """
    assert rk011(text) == []


def test_trap_a_risk_ruled_out_in_german_or_french_is_answered() -> None:
    german = """
    ## Risiken

    - **Lastspitzen.** Am Monatsende verdoppelt sich die Last. Wir skalieren vorab.
    - **Ausfall des Druckdienstes.** Bei einem Ausfall bleibt die Buchung davon unberührt.
    """
    french = """
    ## Risques

    - **Pics de charge.** La charge double en fin de mois. Nous ajoutons des nœuds la veille.
    - **Panne du service d'impression.** La réservation n'est pas affectée par une panne d'impression.
    """
    assert rk011(german) == []
    assert rk011(french) == []


def test_trap_a_plain_list_with_no_answer_at_all_is_left_to_rk002() -> None:
    text = """
    ## Risks

    - **Vendor lock-in.** The queue's API has no open equivalent.
    - **Cost.** Egress is billed per gigabyte.
    """
    assert rk011(text) == []


def test_trap_an_imperative_after_the_label_answers_the_risk() -> None:
    text = """
    ## Risks & mitigations

    - **Slow builds**: pin the toolchain image and reuse it between runs.
    - **Too many knobs**: allow presets for the common setups.
    - **Breaking upgrades**: freeze the schema for a major version.
    """
    assert rk011(text) == []


# --- RK015: the request sent again, and the event-driven component --------------------------------

def test_a_transfer_sent_again_after_a_timeout_is_flagged() -> None:
    text = """
    ## Design

    The wallet service debits the buyer's balance and posts the transfer order to the bank. On a
    timeout it posts the transfer order again.
    """
    assert rk015(text) == [(4, 12)]


def test_a_request_sent_again_named_only_by_its_object_is_flagged() -> None:
    # The repeat sentence names no money: it names the same order the movement sent.
    text = """
    ## Flow

    The payout service debits the seller's balance and submits the ACH batch to the bank. When no
    acknowledgement arrives within an hour, it submits the ACH batch again.
    """
    assert rk015(text) == [(4, 44)]


def test_trap_a_refusal_that_stops_the_retries_is_no_safeguard_but_a_refusal_before_is() -> None:
    flagged = """
    ## Flow

    We credit the card through the processor and push the credit to the network. Without an answer
    the job pushes the credit again until the network returns an approval or a rejection.
    """
    trap = """
    ## Flow

    We credit the card through the processor. If the processor rejects the credit, the amount
    goes back to the balance and the job pushes the credit again the next day.
    """
    assert rk015(flagged) == [(4, 9)]
    assert rk015(trap) == []


def test_trap_a_receipt_sent_again_is_not_the_money_sent_again() -> None:
    text = """
    ## Flow

    The billing service charges the card on file for the renewal. If the mail server bounces, it
    sends the receipt again an hour later.
    """
    assert rk015(text) == []


def test_money_moved_by_a_component_that_consumes_events_is_flagged() -> None:
    text = """
    ## Architecture

    The settlement worker listens to the `order.paid` topic on the broker.

    ## Settlement

    1. The settlement worker credits the seller's wallet with the order amount minus the fee.
    """
    assert rk015(text) == [(7, 8)]


def test_trap_an_event_driven_component_with_a_deduplication_key_is_not_flagged() -> None:
    text = """
    ## Architecture

    The settlement worker listens to the `order.paid` topic on the broker and deduplicates on the
    event id.

    ## Settlement

    1. The settlement worker credits the seller's wallet with the order amount minus the fee.
    """
    assert rk015(text) == []


def test_trap_an_event_driven_component_that_only_shows_money_is_not_flagged() -> None:
    text = """
    ## Architecture

    The statement worker subscribes to the `invoice.closed` event.
    It shows the customer's balance and the amount charged this month.
    """
    assert rk015(text) == []
