"""Risk rules, round 13: a questions table's filled answer column answers its question (RK006), a
risks table's column named for mitigation in other words (RK010), a design restriction written with
"never" (RK011), and money moved in Spanish, French and German or by a ledger's verbs on pots
(RK009). Fixtures written for these tests."""

from __future__ import annotations

from conftest import lint_with, spans

APPROVED_QUESTIONS = """
**Status:** Approved

# Spec: Warehouse pick lists

## Open questions

| Question | Resolution |
|---|---|
| Print or tablet? | {answer} |
"""


def test_rk006_accepts_a_question_whose_resolution_cell_is_filled() -> None:
    assert lint_with("RK006", APPROVED_QUESTIONS.format(answer="Tablet, decided on 3 Nov")) == []


def test_rk006_flags_a_question_whose_resolution_is_still_open() -> None:
    assert spans(lint_with("RK006", APPROVED_QUESTIONS.format(answer="Open"))) == [(9, 3)]


def test_rk010_reads_a_mitigation_column_named_in_other_words() -> None:
    text = """
    # Conception : Paiement fractionné

    ## Risques

    | Risque | Mesure d'atténuation |
    |---|---|
    | Impayés | Vérification de solvabilité |
    | Double prélèvement | |
    """
    assert spans(lint_with("RK010", text)) == [(8, 24)]


def test_rk011_takes_what_the_design_never_lets_through_for_a_mitigation() -> None:
    text = """
    # Design: Public report links

    ## Risks and mitigations

    - **Links forwarded.** Links expire after 7 days and the owner can revoke them.
    - **Sensitive columns exposed.** Shared reports never include columns marked confidential.
    """
    assert lint_with("RK011", text) == []


def test_rk009_reads_money_sent_and_withdrawn_in_spanish() -> None:
    text = """
    # Especificación: Monedero

    ## Requisitos

    - RF-1: El usuario envía dinero a un contacto desde el chat.
    - RF-2: El usuario puede retirar el saldo a su cuenta bancaria.
    """
    assert spans(lint_with("RK009", text)) == [(5, 20)]


def test_rk009_reads_a_ledger_verb_on_a_savings_pot_as_money_moved() -> None:
    text = """
    # Design: Transfers between pots

    ## Design

    The transfer service debits the source pot and credits the target pot.

    A scheduled transfer debits the source pot on the chosen date.
    """
    assert spans(lint_with("RK009", text)) == [(5, 22)]
