"""Goals, success metrics, acceptance criteria and vague wording (round 16, goals11; issue 14 classes 10 and 11).

Where the eval5 writers put a goal or a metric and what kept the rules off: goals and metric tables in Italian and
Portuguese ("Obiettivi", "Metriche di successo" with an "Obiettivo" column, "Resultados mensuráveis"); a metric
labelled with its ID ("**SC-002**: ..."), whose name the rules read as the ID; a level with no value ("stays low",
"should not regress"); a digit inside a name ("P2P users") or the period that names a measure ("7-day retention")
read as a target; "through" read as "throughput" when looking for the measure's number elsewhere; a design's
"Metrics" list whose other items give targets; a criteria heading that only puts the criteria off; a MADR
Confirmation that names no check; and a hedge or a degree adverb in a requirement ("should be reasonably fair",
"drops meaningfully below"). Fixtures written for these tests, in shapes the development sets do not use (other
languages, a table where the sets use a list, a label where they use a heading); traps beside each.
"""

from __future__ import annotations

from conftest import lint_with, spans

from speclint.reading.metrics import direction_without_target, has_target, metric_needs_target

def _metric_lines(text: str) -> list[int]:
    """The lines the two success-metric rules (MS001, MS004) report."""
    return sorted({line for line, _ in spans(lint_with("MS001", text)) + spans(lint_with("MS004", text))})


# --- reading -----------------------------------------------------------------------------------------------------


def test_a_digit_inside_a_name_or_a_period_naming_the_measure_is_no_target() -> None:
    assert not has_target("Grow B2B sign-ups among logistics firms.")
    assert not has_target("D30 retention of new hosts")
    assert not has_target("14-day activation of invited members")
    assert has_target("Grow B2B sign-ups from 40 to 60 a week.")
    assert has_target("Activation within 14 days of the invite")


def test_a_level_with_no_value_is_a_direction() -> None:
    assert direction_without_target("Refund request rate remains low after the change.")
    assert direction_without_target("Search latency should not regress when the new ranker ships.")
    assert not direction_without_target("Refund request rate remains under 2% of orders.")
    assert not direction_without_target("Search latency should not regress beyond 180 ms at p95.")


def test_a_metric_labelled_with_its_id_is_read_after_the_id() -> None:
    assert metric_needs_target("**KR-3**: Churn of annual plans stays flat.", "")
    assert not metric_needs_target("**KR-3**: Churn of annual plans stays under 6% through Q4.", "")


# --- MS006: goals in other languages, and names with digits --------------------------------------------------------


def test_an_italian_goal_with_a_direction_and_no_target_is_flagged() -> None:
    text = """\
    # Prenotazione sale studio

    ## Obiettivi

    - Ridurre i tempi di attesa allo sportello della biblioteca.
    - Ridurre le prenotazioni non usate sotto il 5 % entro marzo 2027.
    - Permettere agli studenti di prenotare dal telefono.
    """
    assert spans(lint_with("MS006", text)) == [(5, 3)]


def test_a_portuguese_goal_under_a_label_is_flagged() -> None:
    text = """\
    # Entregas agendadas

    **Objetivo:** Aumentar a adoção do agendamento entre os lojistas.

    **Objetivo:** Reduzir as entregas falhadas de 9 % para 4 % até o fim do trimestre.
    """
    assert spans(lint_with("MS006", text)) == [(3, 15)]


def test_a_goal_on_a_name_with_a_digit_is_flagged_and_one_with_a_number_is_not() -> None:
    text = """\
    # Team invoices

    ## Goals

    - Grow B2B sign-ups among logistics firms.
    - Let finance teams pay invoices by card.
    """
    assert spans(lint_with("MS006", text)) == [(5, 3)]
    assert lint_with("MS006", text.replace("among logistics firms", "from 40 to 60 a week by the end of Q2")) == []


def test_a_goal_whose_measure_only_looks_like_a_word_in_the_background_is_flagged() -> None:
    text = """\
    # Claims triage

    ## Problem

    Agents work through 300 claims a day by hand.

    ## Goals

    - Claims throughput per agent goes up.
    """
    assert spans(lint_with("MS006", text)) == [(9, 3)]


def test_a_goal_whose_measure_is_given_a_number_elsewhere_is_not_flagged() -> None:
    text = """\
    # Claims triage

    ## Goals

    - Claims throughput per agent goes up.

    ## Success metrics

    - Throughput: from 40 to 55 claims per agent-day by the end of Q3.
    """
    assert lint_with("MS006", text) == []


def test_a_narrative_motivation_is_not_a_goal() -> None:
    text = """\
    # Claims triage

    ## Motivation

    We want to increase agent throughput, and the old queue makes that hard.
    """
    assert lint_with("MS006", text) == []


# --- MS004: metrics tables in other languages, ID labels, levels, designs ---------------------------------------------


def test_a_portuguese_metrics_table_with_a_direction_as_target_is_flagged() -> None:
    text = """\
    # Agendamento de vacinas

    ## Métricas de sucesso

    | Indicador | Meta |
    |---|---|
    | Faltas às consultas | em queda |
    | Agendamentos pelo app | 60 % até junho de 2027 |
    """
    assert _metric_lines(text) == [7]
    assert spans(lint_with("MS004", text)) == [(7, 25)]


def test_an_italian_table_whose_target_is_in_its_own_column_is_not_flagged() -> None:
    text = """\
    # Mensa aziendale

    ## Metriche di successo

    | Indicatore | Valore attuale | Obiettivo |
    |---|---|---|
    | Pasti sprecati | 12 % | sotto l'8 % entro dicembre |
    | Prenotazioni dall'app | 30 % | 70 % entro il primo anno |
    """
    assert _metric_lines(text) == []


def test_an_id_labelled_criterion_with_a_level_and_no_value_is_flagged_once() -> None:
    text = """\
    # Feature Specification: Saved carts

    ## Success Criteria

    - **SC-001**: 20% of saved carts are checked out within 14 days.
    - **SC-002**: Support contact rate about lost carts remains low.
    - **SC-003**: Support contact rate about lost carts remains under 0.5% of orders.
    """
    assert spans(lint_with("MS004", text)) == [(6, 5)]
    assert lint_with("MS001", text) == []


def test_a_success_label_for_the_project_with_no_value_is_flagged() -> None:
    text = """\
    # Image cache

    ## Monitoring

    - `img_cache_bytes` per region.

    Success for this release: the thumbnail hit rate should not regress once the new eviction runs.

    Success for this release: the thumbnail hit rate stays at or above 92% in the week after the switch.
    """
    assert spans(lint_with("MS004", text)) == [(7, 27)]


def test_a_metric_whose_name_holds_a_period_and_an_adverb_as_its_size_is_flagged() -> None:
    text = """\
    # Host onboarding

    **Metrics**
    - Primary: D30 retention of hosts with 3+ listings; should rise noticeably
    - Guardrail: cancellations per host stay below 2% vs control
    """
    assert spans(lint_with("MS004", text)) == [(4, 3)]


def test_a_design_metrics_list_whose_other_items_give_targets_flags_the_one_without() -> None:
    text = """\
    # Design: Payout retries

    ## Metrics

    - Mean time to payout for retried transfers
    - Failed payouts per day: from ~30 to < 5
    - Retry success rate at least 0.9, measured weekly
    """
    assert spans(lint_with("MS004", text)) == [(5, 3)]


def test_a_design_metrics_list_of_what_the_service_exports_is_not_flagged() -> None:
    text = """\
    # Design: Payout retries

    ## Metrics

    - Queue depth per shard
    - Retry count per transfer
    - Worker CPU per pod
    """
    assert lint_with("MS004", text) == []


def test_a_design_metrics_list_of_alerts_is_monitoring_not_targets() -> None:
    text = """\
    # Design: Payout retries

    ## Metrics

    - Request latency p50/p95/p99 per endpoint
    - Error rate: alert above 2% for 5 minutes
    - Retry queue age: page the on-call engineer at 30 minutes
    """
    assert lint_with("MS004", text) == []


def test_a_german_target_column_with_a_level_or_a_direction_is_flagged() -> None:
    text = """\
    # Rechnungsversand

    ## Erfolgsmetriken

    | Kennzahl | Zielwert |
    |---|---|
    | Zustellfehler pro Monat | rückläufig |
    | Anteil E-Rechnungen | 80 % bis Ende 2027 |
    | Rückfragen beim Support | stabil |
    """
    assert _metric_lines(text) == [7, 9]


def test_a_design_metric_whose_target_is_on_a_later_line_is_not_flagged() -> None:
    text = """\
    # Design: Payout retries

    ## Metrics

    - Payout latency for retried transfers
    - Failed payouts per day: from ~30 to < 5
    - Retry success rate at least 0.9, measured weekly

    The payout latency target is p95 under 4 hours (see the dashboard spec).
    """
    assert lint_with("MS004", text) == []


# --- AC002: criteria put off; AC003: a Confirmation with no check ---------------------------------------------------


def test_criteria_that_only_put_off_the_criteria_are_none() -> None:
    text = """\
    # Requirements Document

    ### Requirement 1: Book a slot

    **User Story:** As a driver, I want to book a loading slot, so that I do not queue at the gate.

    #### Acceptance Criteria

    1. WHEN a driver books a free slot THEN the system SHALL confirm it within 5 seconds.

    ### Requirement 2: Export the day plan

    **User Story:** As a yard manager, I want the day plan as a spreadsheet, so that I can share it.

    #### Acceptance Criteria

    *Will be defined with the terminal operator in January.*
    """
    assert spans(lint_with("AC002", text)) == [(17, 1)]


def test_a_criterion_that_mentions_a_pending_state_is_a_criterion() -> None:
    text = """\
    # Requirements Document

    ### Requirement 1: Book a slot

    **User Story:** As a driver, I want to book a loading slot, so that I do not queue at the gate.

    #### Acceptance Criteria

    1. WHEN a driver books a free slot THEN the system SHALL confirm it within 5 seconds.

    ### Requirement 2: Hold a slot

    **User Story:** As a driver, I want to hold a slot while I confirm my load, so that nobody takes it.

    #### Acceptance Criteria

    Pending confirmation, the system SHALL hold the slot for 10 minutes.
    """
    assert lint_with("AC002", text) == []


def test_a_portuguese_story_without_scenarios_among_stories_with_them_is_flagged() -> None:
    text = """\
    # Especificação: Reembolso de consultas

    ### História de Usuário 1 - Pedir reembolso (Prioridade: P1)

    O associado envia o recibo pelo app.

    **Cenários de aceitação**:

    1. **Dado** um recibo legível, **quando** o associado o envia, **então** o sistema abre um pedido com número de protocolo.

    ### História de Usuário 2 - Acompanhar o pedido (Prioridade: P2)

    O associado vê em que etapa está o pedido.
    """
    assert spans(lint_with("AC002", text)) == [(11, 1)]


def test_a_confirmation_that_names_no_check_is_flagged() -> None:
    text = """\
    # 0042. Use one message broker

    ## Decision Outcome

    Chosen option: "one broker", because it halves the operational load.

    ### Confirmation

    The decision is confirmed by the architecture board after the migration of all teams.
    """
    assert spans(lint_with("AC003", text)) == [(9, 1)]


def test_a_confirmation_with_a_named_check_a_figure_or_template_text_is_not_flagged() -> None:
    for body in ("A code review of each new service checks that it publishes through the shared client.",
                 "Confirmed when the restore drill in March finishes within 2 hours.",
                 "{Describe how the implementation of/compliance with the ADR can/will be confirmed.}"):
        text = f"""\
        # 0042. Use one message broker

        ### Confirmation

        {body}
        """
        assert lint_with("AC003", text) == [], body


# --- WD006: a hedge or a degree adverb in a requirement, Italian and Portuguese demands -----------------------------


def test_a_hedged_quality_in_a_requirement_is_flagged() -> None:
    text = """\
    # Requirements

    - The nightly export must be reasonably complete for the auditors.
    - The nightly export must be reasonably complete: every posted invoice of the month, and no draft.
    """
    assert spans(lint_with("WD006", text)) == [(3, 30)]


def test_a_hedged_quality_in_a_description_is_not_flagged() -> None:
    text = """\
    # Background

    The old export was reasonably complete, and auditors rarely complained.
    """
    assert lint_with("WD006", text) == []


def test_a_comparison_sized_by_an_adverb_in_a_requirement_is_flagged() -> None:
    text = """\
    # Requirements

    - The system MUST page the on-call engineer when error rates climb significantly above the weekly baseline.
    - The system MUST page the on-call engineer when error rates climb 30% above the weekly baseline.
    """
    assert spans(lint_with("WD006", text)) == [(3, 68)]


def test_a_hedge_in_a_design_goal_is_flagged_and_in_its_alternatives_is_not() -> None:
    text = """\
    # Design: Shard rebalancing

    ## Goals

    - Load should be reasonably even across shards after a rebalance.

    ## Alternatives considered

    Hashing by tenant would be reasonably simple, but it should be reasonably even only for small tenants.
    """
    assert spans(lint_with("WD006", text, path="docs/design/shard-rebalancing.md")) == [(5, 18)]


def test_italian_and_portuguese_vague_demands_are_flagged_and_a_value_clears_them() -> None:
    text = """\
    # Requisiti

    - Il modulo di iscrizione deve essere intuitivo per i genitori.
    - Il modulo di iscrizione deve rispondere velocemente: entro 2 secondi.
    - O painel deverá ser confiável durante o fechamento do mês.
    - La consulta deberá resolverse de forma ágil.
    """
    assert [line for line, _ in spans(lint_with("WD006", text))] == [3, 5, 6]


# --- WD011: an ordinal before a plural is no count ----------------------------------------------------------------------


def test_adapting_intelligently_over_the_first_weeks_is_an_impression() -> None:
    text = """\
    # Smart charging

    ## Goals

    - The charging plan adjusts intelligently to each driver over the first weeks.
    """
    assert spans(lint_with("WD011", text)) == [(5, 21)]
