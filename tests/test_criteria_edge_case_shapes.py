"""Stories without criteria, uncheckable criteria and empty edge-case sections in the shapes real specs use
(AC001, AC002, AC003, AC005, AC007, EC001, EC002), with damage tests on real corpus documents."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import CORPUS, lint_with, parse_md, requires_corpus, run_speclint, spans

from speclint.reading.requirements import extract

# --- reading requirements ---------------------------------------------------------------------


def test_a_numbered_french_story_heading_is_a_story() -> None:
    document = parse_md("""
    ### Récit 2 : Suspendre

    En tant que client, je veux suspendre mon abonnement afin de partir en vacances.
    """)
    assert [(r.kind, r.form, r.label) for r in extract(document).requirements] == [
        ("story", "section", "Récit 2 : Suspendre")]


def test_rows_of_a_table_pairing_requirements_with_acceptance_criteria_are_requirements() -> None:
    document = parse_md("""
    ## Scope

    | Requirement | Acceptance criteria |
    |---|---|
    | Export a month of trips | The PDF lists every trip of the month |
    | Attach the company's VAT number | |
    """)
    requirements = extract(document).requirements
    assert [r.span.start.line for r in requirements] == [5, 6]
    assert [bool(r.criteria) for r in requirements] == [True, False]


def test_rows_of_a_test_table_with_expected_results_are_not_requirements() -> None:
    document = parse_md("""
    ## Test cases

    | Test | Description | Expected result |
    |---|---|---|
    | T1 | Upload a 2 MB file | The file is listed |
    """)
    assert extract(document).requirements == []


def test_criteria_named_after_the_story_are_a_reference() -> None:
    document = parse_md("""
    ### User Story 3 - Check a balance (Priority: P2)

    Acceptance criteria for this story are kept in [Balance checks](#balance-checks).
    """)
    assert extract(document).requirements[0].references_criteria


def test_a_requirement_deferred_in_brackets_is_not_a_requirement() -> None:
    document = parse_md("""
    ### Requirement 3 (Deferred to phase 2)

    **User Story:** As a tenant, I want to split rent with flatmates.
    """)
    assert extract(document).requirements == []


def test_a_requirement_whose_text_opens_out_of_scope_is_not_a_requirement() -> None:
    document = parse_md("""
    ### User Story 5 - Gift cards

    Out of scope for this release; criteria come when the story is planned.
    """)
    assert extract(document).requirements == []


def test_a_struck_through_story_item_is_not_a_story() -> None:
    document = parse_md("""
    ## Stories

    - ~~As a creator, I want analytics on clip shares.~~ (moved to the analytics PRD)
    """)
    assert extract(document).requirements == []


# --- AC002: sections numbered alike -----------------------------------------------------------

_FEATURES = """
# Offline notes

### F1. Write offline

Done when:
- a note written without a connection is listed at once.

### F2. Conflict copies

Done when:
- two offline edits of one note leave both versions.

### F3. Attachments offline

Photos attached offline stay on the device until they can be uploaded.
"""


def test_ac002_flags_a_numbered_feature_without_the_done_when_list_its_siblings_have() -> None:
    assert spans(lint_with("AC002", _FEATURES)) == [(13, 1)]


def test_ac002_leaves_numbered_features_alone_when_only_one_has_criteria() -> None:
    text = _FEATURES.replace("Done when:\n- two offline edits of one note leave both versions.\n", "")
    assert lint_with("AC002", text) == []


def test_ac002_does_not_read_phases_as_features() -> None:
    text = _FEATURES.replace("F1.", "Phase 1:").replace("F2.", "Phase 2:").replace("F3.", "Phase 3:")
    assert lint_with("AC002", text) == []


def test_ac002_flags_the_empty_acceptance_cell_of_a_prd_table() -> None:
    text = """
    # Loyalty points

    ## Requirements

    | # | Requirement | Acceptance criteria |
    |---|---|---|
    | R1 | Earn 1 point per euro | A €23.40 order adds 23 points |
    | R2 | Redeem 500 points for a voucher | |
    | R3 | Expire points after a year | A customer inactive for 366 days has 0 points |
    """
    assert spans(lint_with("AC002", text)) == [(8, 3)]  # the first cell


def test_ac002_checks_a_document_made_of_story_headings() -> None:
    text = """
    # Password reset

    ## Story 1: Request a link

    ```gherkin
    Scenario: Known email
      Given an account for ana@example.com
      When Ana requests a reset
      Then an email with a link valid for 30 minutes is sent
    ```

    ## Story 2: Set a password

    ```gherkin
    Scenario: Valid link
      Given a link issued 10 minutes ago
      When the user submits a 12-character password
      Then the password is changed
    ```

    ## Story 3: Rate-limit requests
    """
    assert spans(lint_with("AC002", text)) == [(21, 1)]


# --- AC003 ------------------------------------------------------------------------------------


def test_ac003_reads_judgements_in_german_spanish_and_french() -> None:
    text = """
    ## Akzeptanzkriterien

    - Der Export nach DATEV funktioniert wie erwartet.

    ## Criterios de aceptación

    - El sistema responde rápidamente a cada búsqueda.

    ## Critères d'acceptation

    - Le calcul des échéances fonctionne correctement.
    """
    assert [finding.span.start.line for finding in lint_with("AC003", text)] == [3, 7, 11]


def test_ac003_a_load_condition_is_not_a_bound() -> None:
    text = """
    ## Acceptance criteria

    - Search performs well under peak load.
    - Search performs well: p95 under 300 ms at peak load.
    """
    assert [finding.span.start.line for finding in lint_with("AC003", text)] == [3]


# --- AC007 and AC005 --------------------------------------------------------------------------

_KIRO = """
# Requirements Document

## Requirements

### Requirement 1

**User Story:** As a writer, I want drafts saved, so that I never lose work.

#### Acceptance Criteria

1. WHEN the writer pauses typing for 2 seconds THEN the system SHALL save the draft.
2. WHEN the save fails THEN the system SHALL show "Not saved" in the toolbar.
3. WHEN the writer reopens the document THEN the latest draft is loaded.
"""


def test_ac007_flags_the_ears_criterion_that_lost_its_shall() -> None:
    assert spans(lint_with("AC007", _KIRO, path="requirements.md")) == [(13, 4)]


def test_ac007_flags_a_plain_outcome_among_shall_criteria() -> None:
    text = _KIRO.replace("WHEN the writer reopens the document THEN the latest draft is loaded.",
                         "The draft's save time is shown under the title.")
    assert spans(lint_with("AC007", text, path="requirements.md")) == [(13, 4)]


def test_ac007_leaves_a_cross_reference_alone() -> None:
    text = _KIRO.replace("WHEN the writer reopens the document THEN the latest draft is loaded.",
                         "The retry limits are Requirement 4.2.")
    assert lint_with("AC007", text, path="requirements.md") == []


def test_ac007_leaves_a_list_written_without_shall_to_ac005() -> None:
    text = _KIRO.replace("SHALL show", "shows")
    assert lint_with("AC007", text, path="requirements.md") == []


def test_ac005_does_not_repeat_what_ac007_reports() -> None:
    assert lint_with("AC005", _KIRO, path="requirements.md") == []


# --- AC001 and EC001 on task lists ------------------------------------------------------------


def test_ac001_and_ec001_skip_a_task_list() -> None:
    text = """
    # Tasks: Export

    ## Phase 3: User Story 1 - Export (Priority: P1)

    - [ ] T010 [US1] Add the export endpoint
    - **US2 (P2)**: Depends on US1 and must wait for the export endpoint
    - **US3 (P3)**: Must start after US2
    """
    assert lint_with("AC001", text, path="specs/001-export/tasks.md") == []
    assert lint_with("EC001", text, path="specs/001-export/tasks.md") == []


# --- EC002 ------------------------------------------------------------------------------------


def test_ec002_flags_one_line_that_names_no_case() -> None:
    text = """
    ## Edge cases

    Edge cases will be handled appropriately during implementation.
    """
    assert spans(lint_with("EC002", text)) == [(1, 1)]


def test_ec002_one_line_that_names_a_case_passes() -> None:
    text = """
    ## Edge cases

    A booking that spans midnight is split into two days on the invoice.
    """
    assert lint_with("EC002", text) == []


def test_ec002_flags_a_french_a_definir() -> None:
    text = """
    ## Cas limites

    À définir.
    """
    assert spans(lint_with("EC002", text)) == [(1, 1)]


def test_ec002_flags_an_edge_case_label_left_tbd() -> None:
    text = """
    # Split the bill

    **Acceptance criteria:** each share is the total divided by the number of people.

    **Edge cases:** TBD
    """
    assert spans(lint_with("EC002", text)) == [(5, 1)]


def test_ec002_an_edge_case_label_with_a_case_passes() -> None:
    text = """
    **Edge cases:** a bill of €0.01 split between 3 people charges the first person €0.01.
    """
    assert lint_with("EC002", text) == []


def test_ec002_flags_a_case_table_that_leaves_every_behaviour_open() -> None:
    text = """
    ## Edge cases

    | Case | Expected behaviour |
    |---|---|
    | Booking spans midnight | ? |
    | Booking on a public holiday | TBD |
    """
    assert spans(lint_with("EC002", text)) == [(1, 1)]


def test_ec002_a_case_table_with_one_behaviour_passes() -> None:
    text = """
    ## Edge cases

    | Case | Expected behaviour |
    |---|---|
    | Booking spans midnight | Split into two days |
    | Booking on a public holiday | TBD |
    """
    assert lint_with("EC002", text) == []


# --- damage tests on real corpus documents ----------------------------------------------------

_KIRO_DOCUMENT = "kiro/crawlins__kythira__.kiro__specs__cbor-rpc-serializer__requirements.md"
_SPEC_KIT_DOCUMENT = "speckit-specs/21-DOT-DEV__subtree__specs__003-init-command__spec.md"


def _damaged(tmp_path: Path, relative: str, name: str, old: str, new: str) -> Path:
    target = tmp_path / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(CORPUS / relative, target)
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def _findings(folder: Path, rule: str) -> list[str]:
    _code, out, _err = run_speclint("check", "--isolated", "--no-cache", "--exit-zero", "--select", rule,
                                    "--format", "concise", ".", cwd=folder)
    return [line for line in out.splitlines() if f" {rule} " in line or line.endswith(rule)]


@requires_corpus
def test_damage_a_kiro_criterion_without_its_shall(tmp_path: Path) -> None:
    old = ("3. WHEN `Address` is `std::string` THEN the system SHALL encode `contact_address` and any\n"
           "   `peer_info::address` field as a CBOR text string.")
    _damaged(tmp_path, _KIRO_DOCUMENT, ".kiro/specs/cbor/requirements.md", old,
             "3. The `contact_address` field is encoded as a CBOR text string.")
    found = _findings(tmp_path, "AC007")
    assert len(found) == 1 and ".kiro/specs/cbor/requirements.md:160:4:" in found[0]


@requires_corpus
def test_damage_a_spec_kit_story_without_its_scenarios(tmp_path: Path) -> None:
    text = (CORPUS / _SPEC_KIT_DOCUMENT).read_text(encoding="utf-8")
    start = text.index("**Acceptance Scenarios**", text.index("### User Story 3"))
    scenarios = text[start:text.index("### Edge Cases")]
    _damaged(tmp_path, _SPEC_KIT_DOCUMENT, "specs/003-init/spec.md", scenarios, "")
    found = _findings(tmp_path, "AC002")
    assert len(found) == 1 and "specs/003-init/spec.md:65:1:" in found[0]


@requires_corpus
def test_damage_an_edge_case_section_reduced_to_one_vague_line(tmp_path: Path) -> None:
    text = (CORPUS / _SPEC_KIT_DOCUMENT).read_text(encoding="utf-8")
    start = text.index("\n", text.index("### Edge Cases")) + 1
    cases = text[start:text.index("## Requirements")]
    _damaged(tmp_path, _SPEC_KIT_DOCUMENT, "specs/003-init/spec.md", cases,
             "\nEdge cases will be handled gracefully.\n\n")
    found = _findings(tmp_path, "EC002")
    assert len(found) == 1 and "specs/003-init/spec.md:79:1:" in found[0]


_STORIES_ONLY_PRD = "prds/Ceee17__browser-flow__PRODUCT_REQUIREMENTS.md"


@requires_corpus
def test_real_stories_with_no_edge_case_get_ec001_by_default(tmp_path: Path) -> None:
    # EC001 is in the default group: selecting its category (not its id) and no --preview runs it.
    _damaged(tmp_path, _STORIES_ONLY_PRD, "docs/PRD.md", "", "")
    _code, out, _err = run_speclint("check", "--isolated", "--no-cache", "--exit-zero", "--select", "edge-cases",
                                    "--format", "concise", ".", cwd=tmp_path)
    found = [line for line in out.splitlines() if " EC001 " in line]
    assert len(found) == 1 and "docs/PRD.md:10:3:" in found[0]


@requires_corpus
def test_the_same_prd_with_an_edge_case_section_gets_no_ec001(tmp_path: Path) -> None:
    _damaged(tmp_path, _STORIES_ONLY_PRD, "docs/PRD.md", "## 3. Non-Functional Requirements (MVP)",
             "## Edge cases\n\n- A workflow JSON over 1 MB is rejected on upload.\n- An agent that goes offline "
             "mid-run marks the execution failed.\n\n## 3. Non-Functional Requirements (MVP)")
    assert _findings(tmp_path, "EC001") == []
