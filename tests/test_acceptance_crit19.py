"""Acceptance criteria in the layouts real documents use (AC003): a criteria heading with a scope or a note ("Launch
Exit Criteria", "4. Acceptance Criteria for the beta"), a clause of a compound criterion that is only "done
correctly", a criterion that only "works" on or with its set-up, and an attributive "accurate"/"reliable"."""

from conftest import lint_with, spans

from speclint.reading.vocabulary import is_criteria_title

# --- which headings hold criteria ------------------------------------------------------------------------------


def test_criteria_headings_with_a_scope_or_a_note_hold_criteria() -> None:
    for title in ("Beta Exit Criteria", "7.2 Acceptance criteria (v2)", "Team-Level Acceptance Criteria",
                  "Acceptance Criteria & Metrics", "Definition of Done (import)"):
        assert is_criteria_title(title), title


def test_headings_that_only_mention_criteria_hold_none() -> None:
    for title in ("REQ-9 has no acceptance criterion for retries", "Acceptance Criteria Quality",
                  "Review & Acceptance Checklist", "Risk Acceptance", "Launch Criteria",
                  # a release's gate and a roll-up of deliverables, not criteria a requirement is checked by
                  "4. Acceptance Criteria for the public beta", "Acceptance Criteria Summary"):
        assert not is_criteria_title(title), title


def test_a_criterion_under_a_scoped_exit_criteria_heading_is_read() -> None:
    text = """
    ## Pilot Exit Criteria

    - the nightly sync works on the staging tenant
    - the export holds one row per invoice
    """
    findings = lint_with("AC003", text)
    assert spans(findings) == [(3, 20)]
    assert "works on the staging tenant" in findings[0].message


def test_a_release_checklist_of_tasks_under_a_scoped_heading_is_quiet() -> None:
    text = """
    ## 5. Definition of Done (beta)

    - [ ] Migration script merged and reviewed
    - [ ] Runbook published in the wiki
    - [ ] On-call rota updated
    """
    assert lint_with("AC003", text) == []


# --- a clause that is only "done correctly" ---------------------------------------------------------------------


def test_a_clause_that_only_says_correctly_is_flagged_beside_checkable_ones() -> None:
    text = """
    **Acceptance criteria:**
    - Toggle on → the sidebar lists open invoices; partial refunds reconcile correctly; the badge shows the count.
    """
    findings = lint_with("AC003", text)
    assert spans(findings) == [(2, 64)]
    assert "reconcile correctly" in findings[0].message


def test_correctly_with_the_expected_result_after_it_is_quiet() -> None:
    text = """
    **Acceptance criteria:**
    - Partial refunds reconcile correctly: the ledger balance equals the sum of captured minus refunded amounts.
    - Leap days are handled correctly (29 Feb 2028 is billed as a full day).
    """
    assert lint_with("AC003", text) == []


def test_semicolons_inside_one_checkable_outcome_stay_quiet() -> None:
    text = """
    ## Acceptance
    - The CSV has three columns; the header row reads `id,amount,currency`; amounts use a dot as decimal mark.
    """
    assert lint_with("AC003", text) == []


# --- "works" on or with its set-up ------------------------------------------------------------------------------


def test_works_with_named_inputs_and_nothing_observed_is_flagged() -> None:
    text = """
    #### Acceptance Criteria
    1. Batch import works with the `legacy` and `v2` manifest formats.
    """
    findings = lint_with("AC003", text)
    assert spans(findings) == [(2, 17)]
    assert "works with `legacy` and `v2`" not in findings[0].message  # quoted as written
    assert "`legacy`" in findings[0].message


def test_works_with_an_observable_result_in_the_same_sentence_is_quiet() -> None:
    text = """
    #### Acceptance Criteria
    1. Batch import works with the legacy format and creates one order per manifest line.
    2. Configuring the proxy to work with the /admin prefix serves `/admin/index.html`.
    """
    assert lint_with("AC003", text) == []


# --- accurate or reliable, and nothing says against what --------------------------------------------------------


def test_returns_accurate_results_with_no_reference_is_flagged() -> None:
    text = """
    ## Done when
    - Geocoding returns accurate coordinates for every depot address.
    """
    findings = lint_with("AC003", text)
    assert spans(findings) == [(2, 13)]


def test_accurate_to_a_stated_tolerance_is_quiet() -> None:
    text = """
    ## Done when
    - Geocoding returns accurate coordinates to within 25 m of the surveyed depot positions.
    - The meter reports reliable readings (matching the calibrated reference within 0.5%).
    """
    assert lint_with("AC003", text) == []


# --- an action on a named object, and a layout claim ------------------------------------------------------------


def test_correctly_after_an_action_on_a_named_object_is_quiet() -> None:
    text = """
    ## Acceptance Criteria

    1. WHEN a filter is applied, THE Catalog SHALL record the chosen filter in the page address correctly
    """
    assert lint_with("AC003", text) == []


def test_correctly_after_a_subject_and_its_verb_is_still_flagged() -> None:
    text = """
    ## Acceptance Criteria

    - the queued payments are replayed correctly
    """
    findings = lint_with("AC003", text)
    assert spans(findings) == [(3, 27)]
    assert "replayed correctly" in findings[0].message


def test_working_on_phones_beside_responsive_is_one_layout_claim() -> None:
    text = """
    ## Acceptance Criteria

    1. THE Booking_Form SHALL be responsive and work on phones and tablets
    """
    assert lint_with("AC003", text) == []


def test_working_on_a_device_without_a_layout_claim_is_still_flagged() -> None:
    text = """
    ## Acceptance Criteria

    - the offline sync works on tablets
    """
    findings = lint_with("AC003", text)
    assert spans(findings) == [(3, 20)]
    assert "works on tablets" in findings[0].message
