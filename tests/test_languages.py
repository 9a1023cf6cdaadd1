"""Specifications written in German, Spanish and French: the checks about words read them too.

Fixtures are written for these tests in the shapes such documents take: a German Kiro
requirements.md (WENN ... DANN ... SOLL), a Spanish PRD with a criteria column, a French MADR
("Statut : Accepté"), an English template with a German body.
"""

from __future__ import annotations

from conftest import lint_with, md, spans

from speclint.api import lint_text
from speclint.document.headings import normalize_title, same_section

# --- section titles ---------------------------------------------------------------------------


def test_german_spanish_and_french_titles_name_the_english_sections() -> None:
    pairs = [
        ("Akzeptanzkriterien", "Acceptance criteria"), ("Criterios de aceptación", "Acceptance criteria"),
        ("Critères d'acceptation", "Acceptance criteria"), ("Randfälle", "Edge cases"),
        ("Casos límite", "Edge cases"), ("Cas limites", "Edge cases"), ("Fehlerbehandlung", "Error handling"),
        ("Manejo de errores", "Error handling"), ("Gestion des erreurs", "Error handling"),
        ("3. Nicht-Ziele", "Non-goals"), ("Fuera de alcance", "Non-goals"), ("Hors périmètre", "Non-goals"),
        ("Offene Fragen", "Open questions"), ("Preguntas abiertas", "Open questions"),
        ("Questions ouvertes", "Open questions"), ("Risiken und Gegenmaßnahmen", "Risks and mitigations"),
        ("Métricas de éxito", "Success metrics"), ("Entscheidung", "Decision"), ("Conséquences", "Consequences"),
    ]
    assert [title for title, name in pairs if not same_section(title, name)] == []


def test_english_titles_keep_their_keys() -> None:
    assert [normalize_title(title) for title in ("Status", "X and Y", "Context", "Edge cases")] == [
        "status", "x and y", "context", "edge case"]


def test_a_german_kiro_requirement_without_akzeptanzkriterien_is_reported_at_its_heading() -> None:
    text = """
    # Anforderungsdokument

    ## Einleitung

    Kundinnen speichern ihre Karte für spätere Käufe.

    ## Anforderungen

    ### Anforderung 1

    **User Story:** Als Kundin möchte ich meine Karte speichern, damit ich schneller bezahle.

    #### Akzeptanzkriterien

    1. WENN die Kundin „Karte speichern“ wählt, DANN SOLL das System die Karte beim Zahlungsanbieter hinterlegen.

    ### Anforderung 2

    **User Story:** Als Kundin möchte ich eine gespeicherte Karte löschen.

    ### Anforderung 3

    **User Story:** Als Support möchte ich gesperrte Karten sehen.

    #### Akzeptanzkriterien

    1. WENN eine Karte gesperrt wird, DANN SOLL das System sie als gesperrt markieren.
    """
    assert spans(lint_with("AC002", text, ".kiro/specs/karten/requirements.md")) == [(17, 1)]


def test_a_spanish_prd_with_every_section_is_missing_only_its_non_goals() -> None:
    text = md("""
    # Pago con tarjeta guardada

    ## Problema

    El 18 % de los clientes abandona el pago al volver a escribir su tarjeta.

    ## Objetivos

    - Reducir el abandono del pago del 18 % al 12 % en 60 días.

    ## Requisitos

    | ID | Requisito | Criterios de aceptación |
    |----|-----------|-------------------------|
    | FR-001 | El sistema debe guardar la tarjeta. | La tarjeta aparece en el perfil. |

    ## Métricas de éxito

    - Abandono del pago: del 18 % al 12 % en 60 días.
    """)
    findings = [finding for finding in lint_text(text, "docs/pago.md", isolated=True, select=["ST002"], preview=True)]
    assert [(finding.span.start.line, finding.message.split(":")[0]) for finding in findings] == [
        (11, "missing section 'Non-goals' (or 'Out of scope', 'Scope exclusions')")]


def test_an_empty_german_sonderfaelle_section_is_an_empty_edge_case_section() -> None:
    text = """
    # Export

    ## Anforderungen

    - FR-001: Das System MUSS Rechnungen als CSV exportieren.

    ## Sonderfälle

    ## Offene Fragen

    Keine.
    """
    findings = lint_with("EC002", text)
    assert spans(findings) == [(7, 1)]
    assert "'Sonderfälle' is empty" in findings[0].message


# --- open items -------------------------------------------------------------------------------


def test_por_definir_after_a_label_is_an_unresolved_marker() -> None:
    findings = lint_with("PH001", "# Pago\n\n## Lanzamiento\n\nFecha de lanzamiento: por definir.\n")
    assert spans(findings) == [(5, 23)]
    assert "'por definir'" in findings[0].message


def test_a_definir_alone_in_a_table_cell_is_an_unresolved_marker() -> None:
    text = """
    # Notifications

    | Canal | Délai |
    |-------|-------|
    | E-mail | 5 minutes |
    | SMS | À définir |
    """
    assert spans(lint_with("PH001", text)) == [(6, 9)]


def test_noch_zu_klaeren_in_parentheses_is_an_unresolved_marker() -> None:
    assert spans(lint_with("PH001", "# Export\n\nDie Aufbewahrungsfrist beträgt 30 Tage (noch zu klären).\n")) == [(3, 41)]


def test_a_definir_inside_a_sentence_is_not_a_marker() -> None:
    text = """
    # Rôles

    Cet atelier consiste à définir les rôles de chaque équipe. La nouvelle API ayuda a definir los permisos.
    """
    assert lint_with("PH001", text) == []


# --- wording ----------------------------------------------------------------------------------


def test_schnell_in_a_german_ears_criterion_is_a_vague_term() -> None:
    text = """
    # Karten

    ## Anforderungen

    ### Anforderung 1

    #### Akzeptanzkriterien

    1. WENN eine Karte gesperrt wird, DANN SOLL das System die Seite schnell aktualisieren.
    """
    findings = lint_with("WD001", text)
    assert spans(findings) == [(9, 66)]
    assert "'schnell'" in findings[0].message


def test_intuitiva_in_a_spanish_requirements_table_is_a_vague_term() -> None:
    text = """
    # Pago

    ## Requisitos

    | ID | Requisito |
    |----|-----------|
    | FR-001 | El sistema debe guardar la tarjeta de forma intuitiva. |
    """
    assert spans(lint_with("WD001", text)) == [(7, 56)]


def test_an_upper_case_muss_makes_a_sentence_a_requirement_outside_requirement_sections() -> None:
    text = """
    # Export

    ## Ablauf

    Der Export MUSS zeitnah erfolgen.
    """
    assert spans(lint_with("WD001", text)) == [(5, 17)]


def test_soweit_moeglich_in_a_german_requirement_is_an_escape_clause() -> None:
    text = """
    # Export

    ## Anforderungen

    - FR-001: Das System MUSS fehlgeschlagene Exporte soweit möglich wiederholen.
    """
    assert spans(lint_with("WD002", text)) == [(5, 51)]


def test_a_german_user_story_under_requirements_is_not_judged_as_a_requirement() -> None:
    text = """
    # Checkout

    ## Anforderungen

    - Als Kundin möchte ich schnell bezahlen, damit ich den Bus nicht verpasse.
    """
    assert lint_with("WD001", text) == []


def test_a_quoted_vague_word_in_a_german_requirement_is_not_flagged() -> None:
    text = """
    # Checkout

    ## Anforderungen

    - FR-001: Das System MUSS den Hinweis „Zahlung wird schnell bearbeitet“ durch die Wartezeit in Sekunden ersetzen.
    """
    assert lint_with("WD001", text) == []


def test_schnell_in_a_background_section_is_not_a_requirement() -> None:
    text = """
    # Checkout

    ## Hintergrund

    In Interviews sagten Kundinnen, der Checkout solle schnell und intuitiv sein.
    """
    assert lint_with("WD001", text) == []


def test_a_mixed_document_with_english_headings_and_a_german_body_is_read() -> None:
    text = """
    # Saved cards

    ## Requirements

    - FR-001: Das System MUSS gespeicherte Karten benutzerfreundlich anzeigen.
    """
    assert spans(lint_with("WD001", text)) == [(5, 47)]


# --- EARS -------------------------------------------------------------------------------------


def test_a_german_falls_criterion_without_dann_is_reported() -> None:
    text = """
    # Anforderungsdokument

    ## Anforderungen

    ### Anforderung 1

    #### Akzeptanzkriterien

    1. FALLS die Karte abgelehnt wird, SOLL das System den Ablehnungsgrund anzeigen.
    2. FALLS der Anbieter nicht antwortet, DANN SOLL das System die Zahlung als offen markieren.
    """
    findings = lint_with("AC005", text, ".kiro/specs/karten/requirements.md")
    assert spans(findings) == [(9, 4)]
    assert "without THEN" in findings[0].message


def test_a_spanish_ears_criterion_without_debera_is_the_one_without_a_shall() -> None:
    text = """
    # Documento de requisitos

    ## Requisitos

    ### Requisito 1

    #### Criterios de aceptación

    1. CUANDO el cliente confirma el pedido, ENTONCES el sistema DEBERÁ cobrar la tarjeta guardada.
    2. SI el cobro es rechazado, ENTONCES el sistema DEBERÁ mostrar el motivo del rechazo.
    3. El pedido queda pagado.
    """
    findings = lint_with("AC005", text, ".kiro/specs/pedido/requirements.md")
    assert spans(findings) == [(11, 4)]
    assert "has no SHALL" in findings[0].message


# --- status -----------------------------------------------------------------------------------


def test_a_french_madr_status_accepte_is_a_status() -> None:
    text = "# 7. Utiliser une file de messages\n\n## Statut\n\nAccepté\n\n## Contexte\n\nLes envois sont synchrones.\n"
    assert lint_with("MD005", text) == []


def test_a_misspelt_status_under_statut_is_flagged() -> None:
    text = "# 7. Utiliser une file de messages\n\n## Statut\n\nAcceptd\n"
    assert spans(lint_with("MD005", text)) == [(5, 1)]


def test_approuve_is_not_guessed_as_a_misspelling() -> None:
    assert lint_with("MD005", "## Statut\n\nApprouvé\n") == []


def test_a_spanish_front_matter_status_is_one_of_the_prd_statuses() -> None:
    text = "---\ntitle: Pago\nstatus: Borrador\nowner: Ana\n---\n\n# Pago\n"
    assert lint_with("MD002", text) == []


def test_a_german_front_matter_status_outside_the_adr_set_is_still_reported() -> None:
    text = "---\nstatus: Entwurfx\ndate: 2026-01-05\n---\n\n# 3. Warteschlange\n"
    assert spans(lint_with("MD002", text, "docs/adr/0003-warteschlange.md", schema="adr")) == [(2, 9)]
