"""Round 16 (edgeq11): questions that decide behaviour left open in an open-questions list, edge-case and
rabbit-hole lists in Portuguese and Italian, and placeholders written in words. Every sentence is our own."""

from __future__ import annotations

from conftest import lint_with, spans


# --- EC003: open-questions sections -------------------------------------------------------------

def test_an_unanswered_situation_question_beside_an_answered_one_is_flagged() -> None:
    text = (
        "# Parcel lockers\n\n"
        "## Open questions\n\n"
        "- Should the locker code be six digits? Yes: six, as the vendor's firmware allows.\n"
        "- What happens to a parcel when the courier scans it into a locker that reports itself full?\n"
    )

    assert spans(lint_with("EC003", text)) == [(6, 1)]


def test_a_lone_open_question_in_portuguese_is_flagged() -> None:
    text = (
        "# Reembolsos\n\n"
        "## Questões em aberto\n\n"
        "- O que acontece quando o cliente troca de plano no meio do ciclo de cobrança?\n"
    )

    assert spans(lint_with("EC003", text)) == [(5, 1)]


def test_a_question_paragraph_with_nothing_after_it_in_dutch_is_flagged() -> None:
    text = (
        "# Roosters\n\n"
        "## Open vragen\n\n"
        "Wie wint als twee planners tegelijk dezelfde dienst toewijzen?\n"
    )

    assert spans(lint_with("EC003", text)) == [(5, 1)]


def test_a_french_question_answered_a_voir_is_flagged() -> None:
    text = (
        "# Inventaire\n\n"
        "## Questions ouvertes\n\n"
        "- Que fait-on si un colis arrive pendant l'inventaire ? À voir.\n"
        "- Faut-il un second compteur ? Non : un seul suffit.\n"
    )

    assert spans(lint_with("EC003", text)) == [(5, 1)]


def test_a_german_question_followed_only_by_what_would_happen_is_flagged() -> None:
    text = (
        "# Tarifwechsel\n\n"
        "## Offene Fragen\n\n"
        "- Was passiert mit laufenden Verträgen, wenn der Tarif zum Monatsende ausläuft?\n"
        "  Ohne Regel würde der alte Preis einfach weiterlaufen.\n"
        "- Brauchen wir eine Übergangsfrist? Ja, dreißig Tage.\n"
    )

    assert spans(lint_with("EC003", text)) == [(5, 1)]


def test_an_italian_question_of_how_a_case_is_handled_is_flagged() -> None:
    text = (
        "# Abbonamenti\n\n"
        "## Domande aperte\n\n"
        "- Come si gestisce il rinnovo quando la carta scade a metà mese?\n"
        "- Serve un'email di promemoria? Sì, sette giorni prima.\n"
    )

    assert spans(lint_with("EC003", text)) == [(5, 1)]


def test_several_open_questions_of_one_section_are_one_finding() -> None:
    text = (
        "# Seat booking\n\n"
        "## Open questions\n\n"
        "- What happens if two colleagues book the last desk at the same moment?\n"
        "- What do we do for desks whose sensor is offline?\n"
    )

    findings = lint_with("EC003", text)
    assert spans(findings) == [(5, 1)]
    assert "1 more" in findings[0].message


def test_answered_open_questions_are_not_flagged() -> None:
    text = (
        "# Seat booking\n\n"
        "## Open questions\n\n"
        "- What happens if two colleagues book the last desk at the same moment?\n"
        "  - The first confirmed booking wins; the second sees the next free desk.\n"
        "- What if the sensor is offline? → Resolved: the desk is shown as unknown and stays bookable.\n"
        "- [x] What happens when a booking spans midnight?\n"
        "- ~~What if a guest has no badge?~~ Guests are out of scope.\n"
        "- What happens to a booking when its owner leaves the company? Decision: it is cancelled that night.\n"
    )

    assert lint_with("EC003", text) == []


def test_an_open_question_with_an_owner_a_date_or_a_ticket_is_planned() -> None:
    text = (
        "# Seat booking\n\n"
        "## Open questions\n\n"
        "- What happens if two colleagues book the last desk at the same moment? (owner: Priya)\n"
        "- What if the sensor is offline? Tracked in FAC-118.\n"
        "- What happens when a booking spans midnight? To settle by 2027-01-15.\n"
    )

    assert lint_with("EC003", text) == []


def test_a_choice_between_tools_is_not_a_situation() -> None:
    text = (
        "# Build\n\n"
        "## Open questions\n\n"
        "- Postgres or MySQL for the audit store?\n"
        "- Do we publish the client library on npm as well?\n"
    )

    assert lint_with("EC003", text) == []


def test_a_resolved_section_and_a_section_with_a_deadline_are_not_flagged() -> None:
    resolved = (
        "# Booking\n\n"
        "## Open questions\n\n"
        "None. The last one (what happens when a booking spans midnight?) was settled in review.\n"
    )
    deadline = (
        "# Booking\n\n"
        "## Open questions (to decide before launch)\n\n"
        "- What happens when a booking spans midnight?\n"
    )

    assert lint_with("EC003", resolved) == []
    assert lint_with("EC003", deadline) == []


def test_a_question_paragraph_followed_by_its_answer_is_not_flagged() -> None:
    text = (
        "# Booking\n\n"
        "## Open questions\n\n"
        "**What happens when a booking spans midnight?**\n\n"
        "It belongs to the day it starts on, for quotas and for reports.\n"
    )

    assert lint_with("EC003", text) == []


def test_unresolved_questions_of_a_language_proposal_are_the_process() -> None:
    text = (
        "- Feature Name: `lazy_statics`\n- Start Date: 2027-01-01\n\n"
        "# Summary\n\nA thing.\n\n"
        "# Motivation\n\nWhy.\n\n"
        "# Unresolved questions\n\n"
        "- What happens when two crates initialise the same static at once?\n"
    )

    assert lint_with("EC003", text, path="text/0000-lazy-statics.md") == []


def test_faq_questions_and_rhetorical_questions_are_not_read_as_open() -> None:
    text = (
        "# Returns\n\n"
        "## Problem\n\n"
        "What happens today when a parcel comes back damaged? Nobody knows, and that is why we write this.\n\n"
        "## FAQ\n\n"
        "**What if the label is lost?** Support prints a new one from the order page.\n"
    )

    assert lint_with("EC003", text) == []


# --- EC003: edge-case and rabbit-hole lists in other languages ----------------------------------

def test_a_bare_question_in_a_portuguese_edge_case_list_is_flagged() -> None:
    text = (
        "# Agendamento\n\n"
        "### Casos de borda\n\n"
        "- Horário duplicado: o sistema recusa a segunda reserva.\n"
        "- O que acontece se a clínica fechar no dia marcado?\n"
        "- Paciente sem CPF: o cadastro pede outro documento.\n"
    )

    assert spans(lint_with("EC003", text)) == [(6, 1)]


def test_an_italian_rabbit_hole_left_to_be_seen_is_flagged() -> None:
    text = (
        "# Buoni regalo\n\n"
        "## Tane del coniglio\n\n"
        "- **Buono usato su due dispositivi.** Se due casse lo leggono insieme, quale addebito vale? Da vedere.\n"
        "- **Buoni scaduti.** Non si possono usare: la cassa mostra la data di scadenza.\n"
    )

    assert spans(lint_with("EC003", text)) == [(5, 1)]


# --- EC009: a case that trails off into a non-answer --------------------------------------------

def test_a_case_trailing_off_into_to_align_with_is_flagged() -> None:
    text = (
        "# Pickup\n\n"
        "## Rules\n\n"
        "- If the shelf is empty at picking, the clerk marks the item missing and the buyer... to align with Support\n"
        "- Orders not collected in 7 days are cancelled and refunded.\n"
    )

    assert spans(lint_with("EC009", text)) == [(5, 3)]


def test_an_ellipsis_that_is_not_followed_by_a_non_answer_is_not_flagged() -> None:
    text = (
        "# Pickup\n\n"
        "## Rules\n\n"
        "- While the order loads, the screen shows \"Loading...\" and then the order.\n"
        "- Sizes run S, M, L... up to XXL.\n"
    )

    assert lint_with("EC009", text) == []


# --- PH001: open items in Portuguese, Italian and Dutch ------------------------------------------

def test_open_items_in_portuguese_italian_and_dutch_are_flagged_where_a_value_stands() -> None:
    text = (
        "# Metas\n\n"
        "| Métrica | Meta |\n|---|---|\n| Tempo de espera | a definir |\n| Conversão | 8% |\n\n"
        "Responsabile: da definire\n\n"
        "- Budget (nog te bepalen)\n"
    )

    assert spans(lint_with("PH001", text)) == [(5, 21), (8, 15), (10, 11)]


def test_the_same_words_inside_a_sentence_are_not_markers() -> None:
    text = (
        "# Metas\n\n"
        "Este documento ajuda a definir as regras da loja.\n\n"
        "Il gruppo è da definire meglio nel trimestre.\n"
    )

    assert lint_with("PH001", text) == []


# --- PH005: a section written later, a requirement that stops at its verb -----------------------

def test_a_section_that_says_when_it_will_be_written_is_filler() -> None:
    text = (
        "# Gateway\n\n"
        "## Constraints\n\n"
        "To be written once the vendor is chosen.\n\n"
        "## Risks\n\n"
        "Da completare dopo il collaudo.\n"
    )

    assert spans(lint_with("PH005", text)) == [(5, 1), (9, 1)]


def test_a_requirement_that_stops_at_its_verb_is_flagged() -> None:
    text = (
        "# Sync\n\n"
        "## Acceptance Criteria\n\n"
        "1. WHEN the token expires, THE Client SHALL refresh it.\n"
        "2. IF the refresh fails, THE Client SHALL ...\n"
        "3. Das System MUSS…\n"
    )

    assert [line for line, _ in spans(lint_with("PH005", text))] == [6, 7]


def test_an_ellipsis_in_a_ui_string_or_a_sequence_is_not_an_unfinished_requirement() -> None:
    text = (
        "# Sync\n\n"
        "## Acceptance Criteria\n\n"
        "1. WHILE syncing, THE Client SHALL show \"Syncing...\"\n"
        "2. THE Client SHALL retry after 1, 2, 4, ...\n"
        "3. To be completed, a form needs a signature.\n"
    )

    assert lint_with("PH005", text) == []


def test_a_case_named_with_only_a_question_mark_in_a_list_of_rules_is_flagged() -> None:
    text = (
        "# Click and collect\n\n"
        "## Rules\n\n"
        "- If the parcel is damaged on arrival, the store refuses it and the order is re-sent.\n"
        "- Orders not collected within 5 days are refunded.\n"
        "- Power cut at the store on collection day?\n"
    )

    assert spans(lint_with("EC009", text)) == [(7, 1)]


def test_a_real_question_or_a_question_in_goals_is_not_a_case_left_open() -> None:
    asks = (
        "# Click and collect\n\n"
        "## Rules\n\n"
        "- If the parcel is damaged on arrival, the store refuses it.\n"
        "- Orders not collected within 5 days are refunded.\n"
        "- Should we also offer lockers?\n"
    )
    goals = (
        "# Click and collect\n\n"
        "## Goals\n\n"
        "- If a store opts in, it gets the pickup tab.\n"
        "- Fewer abandoned carts.\n"
        "- Same-day pickup in big cities?\n"
    )

    assert lint_with("EC009", asks) == []
    assert lint_with("EC009", goals) == []


def test_an_open_question_asking_for_a_value_is_not_a_case() -> None:
    text = (
        "# Deploys\n\n"
        "## Open questions\n\n"
        "- What is the longest pause we accept during a rollback?\n"
        "- How many retries when the build agent is offline?\n"
    )

    assert lint_with("EC003", text) == []


def test_the_open_item_words_keep_ph001s_literal_prefilter() -> None:
    # Past 40 required literals a pattern has no literal prefilter (speclint.document.prefilter) and PH001
    # searches every piece of prose in full: more open-item words must share the literals already there.
    from speclint.document.text import _literals_of
    from speclint.engine.registry import load_registry

    from rules.placeholder import unresolved_marker

    rule = load_registry().get("PH001")
    options = rule.resolve_options({})
    pattern = unresolved_marker._pattern(tuple(options["markers"]), options["question-marks"],
                                         options["needs-clarification"])
    assert _literals_of(pattern) is not None


def test_a_labelled_design_choice_is_not_a_situation() -> None:
    text = (
        "# Gateway\n\n"
        "## Open questions\n\n"
        "- Rate limits: token bucket or sliding window?\n"
        "- Timeouts: do we set them per route or per upstream?\n"
    )

    assert lint_with("EC003", text) == []
