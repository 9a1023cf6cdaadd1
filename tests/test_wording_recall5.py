"""Vague wording in requirements, issue 14 (round 10): the shapes WD006, WD008, WD009 and WD010 read since the
wording variant banks (German, Spanish and French demands, "secure" and "lightweight", a vague user story with no
criteria, names that hold a digit or a quality word, loopholes after a requirement ID), and damage tests on real
corpus documents at the exact line and column."""

from __future__ import annotations

from conftest import lint_with, requires_corpus, spans
from damage import damaged_text, lint_positions

# --- WD006: German, Spanish and French demands -------------------------------------------------


def test_a_german_requirement_that_must_be_fast() -> None:
    text = """
    ## Anforderungen

    - Die Kartenansicht muss schnell sein.
    """
    findings = lint_with("WD006", text)
    assert spans(findings) == [(3, 26)]
    assert "'schnell'" in findings[0].message


def test_a_spanish_requirement_cell_that_must_be_easy_to_use() -> None:
    text = """
    ## Requisitos

    | ID | Requisito | Prioridad |
    |---|---|---|
    | RNF-4 | El asistente de alta debe ser fácil de usar | Alta |
    """
    assert spans(lint_with("WD006", text)) == [(5, 41)]


def test_a_french_requirement_that_must_be_intuitive() -> None:
    text = """
    ## Exigences

    - EX-3 : Le formulaire de sinistre doit être intuitive pour les assurés.
    """
    assert spans(lint_with("WD006", text)) == [(3, 46)]


def test_a_german_demand_with_its_value_is_not_flagged() -> None:
    text = """
    ## Anforderungen

    - Die Kartenansicht muss schnell sein: p95 unter 400 ms.
    """
    assert lint_with("WD006", text) == []


def test_a_negated_foreign_demand_is_not_flagged() -> None:
    text = """
    ## Exigences

    - Le calcul nocturne ne doit pas être rapide au détriment de l'exactitude.
    """
    assert lint_with("WD006", text) == []


def test_a_foreign_vague_word_in_the_background_is_not_flagged() -> None:
    text = """
    ## Hintergrund

    Die alte Kartenansicht muss schnell sein, sagen die Außendienstler, ist es aber nicht.

    ## Anforderungen

    - Die Kartenansicht zeigt höchstens 500 Marker gleichzeitig.
    """
    assert lint_with("WD006", text) == []


# --- WD006: secure, lightweight, names with a digit -----------------------------------------------


def test_secure_with_nothing_named_is_flagged() -> None:
    text = """
    ## Requirements

    - The invite flow must be secure.
    """
    assert spans(lint_with("WD006", text)) == [(3, 27)]


def test_secure_with_its_means_named_is_not_flagged() -> None:
    text = """
    ## Requirements

    - The invite flow must be secure: invite tokens are single-use and stored hashed with SHA-256.
    """
    assert lint_with("WD006", text) == []


def test_secure_against_a_named_threat_is_not_flagged() -> None:
    text = """
    ## Requirements

    - The invite link must be secure against replay: a token is rejected after its first use.
    """
    assert lint_with("WD006", text) == []


def test_a_lightweight_sdk_is_flagged() -> None:
    text = """
    ## Requirements

    - The tracking SDK must be lightweight.
    """
    assert spans(lint_with("WD006", text)) == [(3, 28)]


def test_a_digit_inside_a_name_is_not_a_value() -> None:
    text = """
    ## Requirements

    - The store locator must load fast on 3G networks.
    """
    assert spans(lint_with("WD006", text)) == [(3, 31)]


# --- WD006: a user story that wants a vague quality ----------------------------------------------


def test_a_user_story_wanting_a_vague_quality_with_no_criteria_anywhere() -> None:
    text = """
    ## User stories

    - As a dispatcher, I want the route board to be fast, so that I can reassign drivers.
    """
    findings = lint_with("WD006", text)
    assert spans(findings) == [(3, 49)]
    assert "user story" in findings[0].message


def test_a_spanish_user_story_wanting_a_vague_quality() -> None:
    text = """
    ## Historias de usuario

    - Como repartidor, quiero que la ruta del día sea intuitiva, para no perder entregas.
    """
    assert spans(lint_with("WD006", text)) == [(3, 51)]


def test_a_vague_user_story_with_acceptance_criteria_is_left_to_its_criteria() -> None:
    text = """
    ## User stories

    - As a dispatcher, I want the route board to be fast, so that I can reassign drivers.

    ## Acceptance criteria

    - The route board shows every driver's position within 2 s of opening.
    """
    assert lint_with("WD006", text) == []


def test_a_vague_word_in_the_reason_of_a_story_is_not_flagged() -> None:
    text = """
    ## User stories

    - As a dispatcher, I want to see every driver on one board, so that reassigning is fast.
    """
    assert lint_with("WD006", text) == []


# --- WD008: names and looks ------------------------------------------------------------------------


def test_a_product_name_holding_a_quality_word_is_not_flagged() -> None:
    text = """
    # Quick Reorder

    ## Requirements

    - Quick Reorder must list the customer's last 5 orders.
    - Quick Reorder must place a past order again after one confirmation.
    """
    assert lint_with("WD008", text) == []


def test_a_capitalised_quality_word_used_once_is_still_flagged() -> None:
    text = """
    ## Requirements

    - Seamless Onboarding for every new clinic is required.
    """
    assert spans(lint_with("WD008", text)) == [(3, 3)]


def test_a_modern_look_and_feel_is_flagged() -> None:
    text = """
    ## Requirements

    - The booking page must have a modern look and feel.
    """
    assert spans(lint_with("WD008", text)) == [(3, 32)]


# --- WD009: loopholes ------------------------------------------------------------------------------


def test_an_escape_clause_after_a_requirement_id_and_colon() -> None:
    text = """
    ## Requirements

    - REQ-7: The import shall skip duplicate rows where possible.
    """
    assert spans(lint_with("WD009", text)) == [(3, 47)]


def test_unless_otherwise_agreed_is_flagged() -> None:
    text = """
    ## Requirements

    - Uploaded scans must be deleted after 30 days, unless otherwise agreed.
    """
    assert spans(lint_with("WD009", text)) == [(3, 49)]


def test_unless_otherwise_specified_is_a_default_rule() -> None:
    text = """
    ## Requirements

    - Every timestamp in the API must be UTC, unless otherwise specified in the field's description.
    """
    assert lint_with("WD009", text) == []


def test_a_german_escape_clause_in_a_requirement() -> None:
    text = """
    ## Anforderungen

    - Der Import soll doppelte Zeilen soweit möglich überspringen.
    """
    assert spans(lint_with("WD009", text)) == [(3, 35)]


def test_a_spanish_escape_clause_in_a_requirement() -> None:
    text = """
    ## Requisitos

    - RF-9: El importador debe omitir filas duplicadas siempre que sea posible.
    """
    assert spans(lint_with("WD009", text)) == [(3, 52)]


def test_a_foreign_escape_clause_with_its_alternative_is_not_flagged() -> None:
    text = """
    ## Exigences

    - L'import doit ignorer les doublons si possible, sinon il signale chaque ligne en double.
    """
    assert lint_with("WD009", text) == []


# --- WD010: protection by reputation -----------------------------------------------------------------


def test_military_grade_encryption_is_flagged() -> None:
    text = """
    ## Requirements

    - Backups must be protected with military-grade encryption.
    """
    assert spans(lint_with("WD010", text)) == [(3, 34)]


def test_strong_encryption_with_its_algorithm_is_not_flagged() -> None:
    text = """
    ## Requirements

    - Backups must be protected with strong encryption (AES-256-GCM, keys in the cloud KMS).
    """
    assert lint_with("WD010", text) == []


# --- damage tests on real corpus documents --------------------------------------------------------

_SUBTREE = "speckit-specs/21-DOT-DEV__subtree__specs__001-cli-bootstrap__spec.md"
_PRISM = "prds/ProductBuildersHQ__prism__docs__specs__PRD.md"


_findings = lint_positions
_damaged = damaged_text


@requires_corpus
def test_damage_an_escape_clause_in_a_spec_kit_requirement() -> None:
    assert _findings("WD009", _SUBTREE) == []
    anchor = "- **FR-002**: CLI MUST support `--help`"
    damaged, line = _damaged(_SUBTREE, anchor,
                             "- **FR-099**: CLI MUST reuse cached subtree metadata where possible\n" + anchor)
    assert _findings("WD009", _SUBTREE, damaged) == [(line, 54)]


@requires_corpus
def test_damage_a_secure_demand_in_a_spec_kit_requirement() -> None:
    assert _findings("WD006", _SUBTREE) == []
    anchor = "- **FR-002**: CLI MUST support `--help`"
    damaged, line = _damaged(_SUBTREE, anchor, "- **FR-099**: The extract command MUST be secure\n" + anchor)
    assert _findings("WD006", _SUBTREE, damaged) == [(line, 43)]


@requires_corpus
def test_damage_a_german_requirement_in_a_prd() -> None:
    assert _findings("WD006", _PRISM) == []
    anchor = "- **FR7** — Delivery evidence"
    damaged, line = _damaged(_PRISM, anchor, "- **FR14** — Der Bericht muss übersichtlich sein.\n" + anchor)
    assert _findings("WD006", _PRISM, damaged) == [(line, 31)]


# --- RK010: risks tables in German, Spanish and French -------------------------------------------


def test_a_spanish_risks_table_with_a_mitigation_left_to_be_defined() -> None:
    text = """
    ## Riesgos

    | Riesgo | Mitigación |
    |---|---|
    | El proveedor de SMS nos limita en el lanzamiento | por definir |
    """
    assert spans(lint_with("RK010", text)) == [(5, 54)]


def test_a_german_risks_table_with_an_open_measure() -> None:
    text = """
    ## Risiken

    | Risiko | Maßnahme |
    |---|---|
    | Der Zahlungsdienst fällt am Monatsende aus | offen |
    """
    assert spans(lint_with("RK010", text)) == [(5, 48)]


def test_a_french_risks_table_with_every_response_is_not_flagged() -> None:
    text = """
    ## Risques

    | Risque | Atténuation |
    |---|---|
    | Le prestataire de paiement tombe en panne | Deuxième prestataire activé en 5 minutes |
    """
    assert lint_with("RK010", text) == []
