"""AC002 and AC003 on the layouts of criteria-shapes8: job stories, use-case headings, criteria
labels in other words (Fit criterion, Test cases, Conditions of satisfaction, Condiciones de
aceptación), a bare Acceptance heading, and copula judgements in German, Spanish and French."""

from __future__ import annotations

from conftest import lint_with, spans


def test_a_job_story_without_criteria_among_job_stories_with_them() -> None:
    text = """
    # Lean PRD: Parcel lockers

    ## Job stories

    **Job 1.** When my parcel arrives, I want a pickup code, so I can open the locker.

    Done when:
    - A six-digit code arrives by SMS within 1 minute of the drop-off.

    **Job 2.** When a locker door jams, I want to report it, so I get another locker.
    """
    assert spans(lint_with("AC002", text)) == [(10, 1)]


def test_a_use_case_heading_is_a_requirement() -> None:
    text = """
    # Requirements: Vet clinic booking

    ## Use cases

    ### UC-1 Book a slot

    The owner picks a pet and a free slot.

    **Test cases:**
    1. A booked slot disappears for every other owner.

    ### UC-2 Move a booking

    The owner moves a booking to another free slot.
    """
    assert spans(lint_with("AC002", text)) == [(12, 1)]


def test_a_fit_criterion_label_holds_criteria() -> None:
    text = """
    # Requirements: Library kiosk

    ## Functional requirements

    ### Requirement 1

    **Description:** The kiosk shall check out a tagged book.

    **Fit criterion:** The book is on the member's loan list within 3 seconds.

    ### Requirement 2

    **Description:** The kiosk shall refuse a member who owes fines.
    """
    assert spans(lint_with("AC002", text)) == [(11, 1)]


def test_a_spanish_conditions_label_holds_criteria() -> None:
    text = """
    # PRD: Salas

    ## Historias de usuario

    ### HU-01 Reservar una sala

    Como empleado, quiero reservar una sala libre, para reunirme.

    **Condiciones de aceptación:**
    - La sala reservada deja de aparecer libre.

    ### HU-02 Ver la ocupación

    Como responsable, quiero ver la ocupación semanal, para ajustar las salas.
    """
    assert spans(lint_with("AC002", text)) == [(14, 1)]


def test_a_german_criterion_judged_by_a_look() -> None:
    text = """
    ## Akzeptanzkriterien

    - Die Monatsansicht ist übersichtlich.
    """
    assert spans(lint_with("AC003", text)) == [(3, 21)]


def test_a_spanish_criterion_judged_by_ease() -> None:
    text = """
    ## Criterios de aceptación

    - El proceso de alta es ágil.
    """
    assert spans(lint_with("AC003", text)) == [(3, 22)]


def test_a_french_criterion_judged_by_readability() -> None:
    text = """
    ## Critères d'acceptation

    - La page du relevé est claire et lisible.
    """
    assert spans(lint_with("AC003", text)) == [(3, 21)]


def test_a_bare_acceptance_heading_holds_criteria() -> None:
    text = """
    ## Acceptance

    - The offline map is stable.
    """
    assert spans(lint_with("AC003", text)) == [(3, 19)]
