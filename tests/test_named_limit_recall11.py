"""Issue 14, class 2 (round 16): a limit, duration, count or threshold the behaviour depends on, named with no value
anywhere in the document. Read by structure, not by the nouns of one writer: any noun that names an amount ("the
settlement lag", "the archive horizon"), any comparison ("older than", "farther than"), a limit brought in with an
indefinite article ("up to a monthly quota", "on a set interval"), the same shapes in Italian and Portuguese, spans in
words in every language read, an action that waits for an answer with no time; and the value looked for only where the
limit itself is named. All sentences are ours."""

from __future__ import annotations

from conftest import lint_with


def lines(rule: str, text: str, path: str = "spec.md") -> list[int]:
    return [finding.span.start.line for finding in lint_with(rule, text, path=path)]


# --- any noun that names an amount, named, used as a boundary -------------------------------------------------------


def test_a_named_lag_with_no_value_anywhere() -> None:
    text = """
    ## Requirements

    - Ledger entries are final once they fall outside the settlement lag.
    """
    assert lines("MS005", text) == [3]


def test_an_age_comparison_with_a_named_horizon() -> None:
    text = """
    # Archive design

    ## Design

    Orders older than the archive horizon are moved to cold storage every night.
    """
    assert lines("MS005", text) == [5]


def test_a_comparative_in_a_requirements_table_cell() -> None:
    text = """
    ## Functional requirements

    | ID | Requirement |
    |---|---|
    | FR-4 | A drone farther than the geofence margin returns home. |
    """
    assert lines("MS005", text) == [5]


def test_a_named_span_whose_value_is_in_a_parameters_table_is_not_reported() -> None:
    text = """
    ## Requirements

    - Ledger entries are final once they fall outside the settlement lag.

    ## Parameters

    | Parameter | Value |
    |---|---|
    | Settlement lag | 2 business days |
    """
    assert lines("MS005", text) == []


# --- the value must be given to the limit itself, not to something named near it -----------------------------------


def test_another_span_of_the_same_thing_is_not_its_value() -> None:
    text = """
    ## Requirements

    - WHEN an export is inside its archive window, THE service SHALL copy it to tape.
    - WHILE an export is in its grace period, THE service SHALL check every 5 minutes for readers.
    """
    assert lines("MS005", text) == [3]


def test_the_value_given_to_the_named_window_settles_it() -> None:
    text = """
    ## Requirements

    - WHEN an export is inside its archive window, THE service SHALL copy it to tape.

    ## Glossary

    - **Archive window**: the last 3 days before an export's expiry.
    """
    assert lines("MS005", text) == []


# --- a limit brought in with an indefinite article ----------------------------------------------------------------


def test_a_limit_brought_in_with_an_indefinite_article() -> None:
    text = """
    ## Features

    - Hosts receive alerts up to a monthly quota; later alerts are batched into a digest.
    """
    assert lines("MS005", text) == [3]


def test_a_span_sized_in_words_with_any_measure_noun() -> None:
    text = """
    ## Behaviour

    - **Merging:** sightings within a small distance of each other are merged into one report.
    - Sensors report on a set interval and buffer readings while offline.
    """
    assert lines("MS005", text) == [3, 4]


def test_a_configurable_span_with_a_default_is_not_reported() -> None:
    text = """
    ## Behaviour

    - Sensors report on a configurable interval (default 60 s) and buffer readings while offline.
    """
    assert lines("MS005", text) == []


def test_a_state_or_an_object_brought_in_with_an_article_is_not_a_limit() -> None:
    text = """
    ## Behaviour

    - Credit stops a tenant from bursting after a quiet period.
    - Promoted items are placed on an end cap near the entrance.
    - Reports are grouped within a window chosen by the dispatcher.
    """
    assert lines("MS005", text) == []


def test_the_period_a_cap_resets_in_is_not_its_value() -> None:
    text = """
    ## Behaviour

    - Riders may top up any amount up to a weekly cap.

    ## Open points

    - Weekly cap per rider: finance and risk disagree.
    """
    assert lines("MS005", text) == [3]


def test_a_cap_per_customer_is_not_delegated_but_a_cap_set_per_customer_is() -> None:
    reported = """
    ## Behaviour

    - Transfers are instant up to the instant transfer cap per customer.
    """
    delegated = """
    ## Behaviour

    - Transfers are instant up to the instant transfer cap, set per customer by the risk team.
    """
    assert lines("MS005", reported) == [3]
    assert lines("MS005", delegated) == []


def test_a_configuration_the_system_keeps_is_not_a_delegated_value() -> None:
    text = """
    ## Decision

    The agent refreshes its cache on a fixed interval and keeps the last good configuration if the server is down.
    """
    assert lines("MS005", text, path="docs/adr/0042-cache.md") == [3]


# --- other languages -------------------------------------------------------------------------------------------------


def test_an_italian_threshold_in_a_numbered_requirement() -> None:
    text = """
    ## Requisiti

    - **RF-2** Se il consumo supera la soglia di allerta, il sistema invia un SMS al cliente.
    """
    assert lines("MS005", text) == [3]


def test_a_portuguese_limit_in_a_numbered_table_row() -> None:
    text = """
    ## Requisitos funcionais

    | ID | Requisito |
    |---|---|
    | RF-09 | Um pedido acima do limite diário exige aprovação do gestor. |
    """
    assert lines("MS005", text) == [5]


def test_spans_in_words_in_other_languages() -> None:
    text = """
    ## Anforderungen

    1. AF-4: Das System MUSS gesperrte Konten nach einer Sperrzeit wieder freigeben.
    2. EX-3 : Le code est renvoyé après quelques minutes sans réponse.
    3. RF-7: El sistema reenvía el enlace tras unos minutos si no se abrió.
    """
    assert lines("MS005", text) == [3, 4, 5]


def test_a_period_left_undetermined_in_a_numbered_row_whatever_it_holds() -> None:
    text = """
    ## Requisitos

    | ID | Requisito |
    |---|---|
    | RF-11 | Tras tres rechazos, la cuenta quedará suspendida durante un periodo limitado. |
    | RF-12 | Los datos se conservarán durante 5 años. |
    """
    assert lines("MS005", text) == [5]


def test_a_meal_is_not_a_span() -> None:
    text = """
    ## Anforderungen

    1. AF-8: Nach einer Mahlzeit MUSS die Pflegekraft den Blutzucker im Protokoll erfassen.
    """
    assert lines("MS005", text) == []


def test_an_unnumbered_foreign_boundary_is_not_read() -> None:
    text = """
    ## Contesto

    Oggi il consumo supera spesso la soglia di allerta senza che nessuno lo sappia.
    """
    assert lines("MS005", text) == []


# --- an action that waits for an answer ----------------------------------------------------------------------------


def test_an_escalation_that_waits_for_an_acknowledgement_with_no_time() -> None:
    text = """
    ## Requirements

    - **FR-9**: The system MUST page the duty manager if a freezer alarm is not acknowledged.
    - **FR-10**: Unanswered support tickets are reassigned to the team lead.
    - **FR-11**: The dispatcher SHALL offer the job to the next courier if the assigned courier does not respond.
    """
    assert lines("MS005", text) == [3, 4, 5]


def test_a_wait_with_its_time_or_a_value_elsewhere_is_not_reported() -> None:
    text = """
    ## Requirements

    - **FR-9**: The system MUST page the duty manager if a freezer alarm is not acknowledged within 10 minutes.
    - **FR-10**: IF the payment provider responds with an error, THEN the system SHALL show it.
    - **FR-11**: The system MUST escalate if an outage alert is not acknowledged.

    | Setting | Value |
    |---|---|
    | Acknowledgement timeout | 15 min |
    """
    assert lines("MS005", text) == []


# --- vague triggers: too many, in any language, qualifying what is acted on -----------------------------------------


def test_too_many_qualifying_what_is_rejected() -> None:
    text = """
    ## Requirements

    - Uploads with too many pages are rejected with a message.
    """
    assert lines("MS012", text) == [3]


def test_too_many_in_a_german_decision_with_a_number_in_another_clause() -> None:
    text = """
    ## Entscheidung

    1. Anfragen mit zu vielen Parametern werden vom Gateway abgewiesen, damit niemand 1:1 die Datenbank abfragt.
    """
    assert lines("MS012", text, path="docs/adr/0310-gateway.md") == [3]


def test_not_too_many_and_a_background_are_not_triggers() -> None:
    text = """
    ## Background

    Accounts with too many roles are hard to audit today.

    ## Requirements

    - Reports with not too many columns are rendered inline.
    """
    assert lines("MS012", text) == []


# --- a letter standing in for a number --------------------------------------------------------------------------


def test_a_letter_standing_for_a_number_never_given() -> None:
    text = """
    ## Behaviour

    - Search shows at most N results, then a "more" link.
    - Das Konto wird nach K Fehlversuchen gesperrt.
    """
    assert lines("MS005", text) == [3, 4]


def test_a_letter_given_a_value_or_used_in_a_formula_is_not_reported() -> None:
    text = """
    ## Behaviour

    - Search shows at most N results, then a "more" link.
    - Cost grows with N tenants, as O(N log N).

    ## Parameters

    - N = 25
    """
    assert lines("MS005", text) == []


def test_a_letter_that_is_the_callers_argument_is_not_reported() -> None:
    text = """
    ## Requirements

    1. WHEN `take_n(items, n)` is called THEN the system SHALL return the first N items in order.
    2. WHEN `collectN` is called THEN the system SHALL return the first N completed results.
    """
    assert lines("MS005", text) == []


def test_a_letter_the_document_explains_is_not_reported() -> None:
    text = """
    ## Behaviour

    - The preview shows the first N rows, where N is the smaller of 5 and the number of rows.
    - The end condition is never, after N runs, or on a date.

    The user types N in the sheet.
    """
    assert lines("MS005", text) == []
