"""Precision, round 16 (the lead's): findings a clean document of the fifth evaluation set drew
where nothing was wrong, each fixed for its class: an operation the document says does not
happen ("nothing to refund or charge"). One behaviour per test; fixtures written for these tests."""

from __future__ import annotations

from conftest import lint_with, spans

LESSON_SWAP = """
# Lesson swap

## Requirements
- Parents move a lesson to another free slot of the same tutor.
- {money}
"""


def test_eh006_reads_no_payment_in_nothing_to_refund_or_charge() -> None:
    text = LESSON_SWAP.format(money="Same tutor, same price: there is nothing to refund or charge.")
    assert lint_with("EH006", text) == []


def test_eh006_reads_no_payment_in_a_denied_charge() -> None:
    text = LESSON_SWAP.format(money="The card on file is not charged again; the lesson keeps its original price.")
    assert lint_with("EH006", text) == []


def test_eh006_still_flags_a_payment_that_happens() -> None:
    text = LESSON_SWAP.format(money="The app charges the card on file for the difference at checkout.")
    assert spans(lint_with("EH006", text)) == [(5, 11)]


# --- RK009: refund policies shown, and safeguards written in French, Spanish, Italian, Portuguese --

RATE_POLICY = """
# Cancellation timeline

## Requirements
- Checkout shows each rate as refundable or non-refundable, with its penalty windows.
- Non-refundable rates say: "you won't get money back if you cancel".
- Refundable rates show the last day on which cancelling is free.
"""


def test_rk009_reads_no_money_moved_in_a_refund_policy_shown_at_checkout() -> None:
    assert lint_with("RK009", RATE_POLICY) == []


CLAIM_PAYMENT = """
# Déclaration express

## Exigences
- Le sociétaire accepte la proposition et le virement est émis sous 72 heures.
- Le virement part uniquement vers l'IBAN enregistré au contrat.
- {safeguard}
"""


def test_rk009_flags_a_transfer_with_no_safeguard_in_french() -> None:
    text = CLAIM_PAYMENT.format(safeguard="Le sociétaire reçoit un SMS quand le virement part.")
    assert spans(lint_with("RK009", text)) == [(5, 6)]


def test_rk009_reads_a_french_safeguard_against_duplicates() -> None:
    safeguard = "L'ordre de virement est réémis jusqu'à confirmation, sans doublon grâce au numéro de sinistre."
    assert lint_with("RK009", CLAIM_PAYMENT.format(safeguard=safeguard)) == []


def test_rk009_reads_a_second_transfer_refused_as_a_safeguard() -> None:
    safeguard = "Le module de paiement refuse un second virement pour un sinistre déjà réglé."
    assert lint_with("RK009", CLAIM_PAYMENT.format(safeguard=safeguard)) == []


def test_rk009_reads_paying_twice_in_italian_as_a_safeguard() -> None:
    text = """
    # Ricarica borsellino

    ## Requisiti
    - The parent tops up the wallet balance by card; top-ups are credited within a minute.
    - Refunds of unused balance are sent to the card at the end of the school year.
    - Un avviso già pagato non viene mai addebitato due volte: il nodo rifiuta il secondo pagamento.
    """
    assert lint_with("RK009", text) == []


# --- EC001: EARS conditions written in Dutch, Portuguese or Italian ------------------------------

DUTCH_REQUIREMENTS = """
# Requirementsdocument

## Requirements

### Requirement 1: Tijdslot reserveren

**User Story:** Als planner wil ik een tijdslot reserveren, zodat mijn chauffeur niet hoeft te wachten.

#### Acceptatiecriteria

1. WANNEER de planner een tijdslot kiest, DAN MOET het systeem de reservering bevestigen.
2. {second}
3. {third}
"""


def test_ec001_reads_dutch_if_then_criteria_as_cases_handled() -> None:
    text = DUTCH_REQUIREMENTS.format(
        second="ALS het gekozen half uur vol is, DAN MOET het systeem de drie dichtstbijzijnde vrije tijdsloten tonen.",
        third="ALS de container geblokkeerd is, DAN MOET het systeem de blokkadecode tonen.")
    assert lint_with("EC001", text) == []


def test_ec001_still_flags_dutch_criteria_that_only_follow_the_happy_path() -> None:
    text = DUTCH_REQUIREMENTS.format(
        second="WANNEER de reservering bevestigd is, DAN MOET het systeem de chauffeur een bericht sturen.",
        third="WANNEER de vrachtwagen aankomt, DAN MOET de slagboom opengaan.")
    assert spans(lint_with("EC001", text)) == [(5, 1)]


# --- API008: a group whose members may take the admin action -------------------------------------

QUOTA_ADMIN = """
# Warehouse query quotas

## Requirements
- Admins can raise a team's quota in the admin UI.
- {who}
"""


def test_api008_reads_a_group_whose_members_may_act_as_authorisation() -> None:
    text = QUOTA_ADMIN.format(who="Only members of warehouse-admins may change a quota; each change is audited.")
    assert lint_with("API008", text) == []


def test_api008_reads_members_of_a_named_group_as_authorisation() -> None:
    text = QUOTA_ADMIN.format(who="Quota changes are open to members of the `wh-admins` group.")
    assert lint_with("API008", text) == []


def test_api008_still_flags_members_of_a_team() -> None:
    text = QUOTA_ADMIN.format(who="Members of the data platform team handle quota requests.")
    assert spans(lint_with("API008", text)) == [(4, 42)]


# --- API009, API017: an endpoint the text calls existing is a reference --------------------------

RESCHEDULE = """
# Pitch: Reschedule a lesson

## Solution
1. We show the tutor's free slots for the next 14 days ({slots}).
2. The parent picks one and the app moves the lesson.
"""


def test_api009_and_api017_read_an_existing_endpoint_as_a_reference() -> None:
    text = RESCHEDULE.format(slots="the existing `GET /tutors/{id}/slots` the booking flow already uses")
    assert lint_with("API009", text) == []
    assert lint_with("API017", text) == []


def test_api009_flags_the_same_endpoint_when_it_is_new() -> None:
    text = RESCHEDULE.format(slots="a new `GET /tutors/{id}/slots` next to the booking flow's")
    assert spans(lint_with("API009", text)) == [(4, 64)]


def test_api009_still_flags_an_endpoint_in_a_sentence_about_today() -> None:
    text = """
    # Self-service account deletion

    ## Requirements
    - Today support deletes accounts by hand; from now on the app calls `DELETE /v1/accounts/{id}`.
    """
    assert spans(lint_with("API009", text)) == [(4, 70)]
