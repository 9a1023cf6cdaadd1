"""Vague wording in the shapes requirements take when no heading says "Requirements": a bold label over a
list, an SRS or Kiro outline number, a one-pager; and compliance with nothing named (WD006, WD008, WD009, WD010)."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, md, requires_corpus, spans

from speclint.api import lint_text
from speclint.document.parser import parse
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.registry import load_registry
from speclint.reading.wording import without_outline_number


def _lint_as(rule_id: str, text: str, profile: str) -> list[tuple[int, int]]:
    """Findings of one rule on a snippet checked as `profile`."""
    rule = load_registry().get(rule_id)
    assert rule is not None
    result = run_rules(parse(md(text), "spec.md"), [ActiveRule(rule, rule.default_level, rule.resolve_options({}))],
                       profile=profile)
    assert not result.failures, result.failures
    return [(finding.span.start.line, finding.span.start.column) for finding in result.findings]

# --- a requirements label over a list -------------------------------------------------------------


def test_a_list_under_a_bold_requirements_label_is_read_as_requirements() -> None:
    text = """
    # One-pager: team invites

    **Requirements:**
    - The invite screen is user-friendly.
    - Invites go out to Google, Microsoft, etc.
    """
    assert spans(lint_with("WD006", text)) == [(4, 24)]
    assert spans(lint_with("WD009", text)) == [(5, 40)]


def test_a_criteria_label_under_a_user_story_is_read_as_criteria() -> None:
    text = """
    # Reports

    ## User stories

    As an admin, I want weekly reports so that I plan staffing.

    Acceptance criteria:
    - Reports load quickly.
    """
    # Read as a criterion, the vague outcome is uncheckable-criterion's finding; vague-requirement
    # leaves it to that rule (one defect, one finding).
    assert spans(lint_with("AC003", text)) == [(8, 11)]
    assert spans(lint_with("WD006", text)) == []


def test_a_list_under_an_ordinary_label_is_not_a_requirements_list() -> None:
    text = """
    # One-pager: team invites

    **Ideas:**
    - The invite screen is user-friendly.
    """
    assert lint_with("WD006", text) == []


def test_a_sub_list_under_a_requirements_item_is_read_as_requirements() -> None:
    text = """
    # One-pager: team invites

    - **Requirements:**
      - The invite screen is user-friendly.
    """
    assert spans(lint_with("WD006", text)) == [(4, 26)]


# --- outline numbers are not values ---------------------------------------------------------------


def test_an_srs_outline_number_does_not_make_a_requirement_measurable() -> None:
    text = """
    ## 3. Specific requirements

    3.1.1 The system shall process payments quickly.

    3.1.2 The system shall be robust.
    """
    assert spans(lint_with("WD006", text)) == [(3, 41), (5, 27)]


def test_a_kiro_numbered_criterion_paragraph_is_read() -> None:
    text = """
    ## Requirements

    ### Requirement 2

    2.1. WHEN an order is paid, THE System SHALL show a seamless confirmation screen.
    """
    assert spans(lint_with("WD008", text)) == [(5, 53)]


def test_a_number_after_the_outline_number_still_counts() -> None:
    text = """
    ## Requirements

    3.1.1 The system shall process payments quickly, within 2 seconds at p95.
    """
    assert lint_with("WD006", text) == []


def test_only_a_leading_outline_number_is_blanked() -> None:
    assert without_outline_number("3.1.2 The system shall") == "      The system shall"
    assert without_outline_number("**1.3.** WHEN x") == "**    ** WHEN x"
    assert without_outline_number("1.5 seconds at most") == "1.5 seconds at most"  # a value, not a number
    assert without_outline_number("Retry 2.1 times") == "Retry 2.1 times"


# --- more vague predicates and qualities ----------------------------------------------------------


def test_a_second_vague_quality_after_and_is_the_demand() -> None:
    text = """
    ## Requirements

    - The UI must be clean and modern.
    """
    findings = lint_with("WD006", text)
    assert spans(findings) == [(3, 28)]
    assert "'modern'" in findings[0].message


def test_reliable_flexible_accurate_and_easy_as_the_whole_demand() -> None:
    text = """
    ## Requirements

    - The sync must be reliable.
    - Settings must be flexible.
    - The import must be accurate.
    - Onboarding must be easy.
    - The API should be simple to integrate.
    """
    assert spans(lint_with("WD006", text)) == [(3, 20), (4, 20), (5, 22), (6, 22), (7, 21)]


def test_easy_followed_by_what_it_makes_easy_is_left_to_the_purpose_reading() -> None:
    text = """
    ## Requirements

    - The export must be easy for an admin to schedule from the reports page.
    """
    assert lint_with("WD006", text) == []


def test_keep_make_and_find_link_a_vague_quality_to_its_subject() -> None:
    text = """
    ## Requirements

    - Keep the dashboard fast.
    - Make checkout seamless.
    - Users find the export dialog intuitive.
    """
    # keep and make in a requirement item are the imperative demands vague-requirement (WD006) reports; one
    # defect, one finding
    assert spans(lint_with("WD006", text)) == [(3, 22), (4, 17)]
    assert spans(lint_with("WD008", text)) == [(5, 32)]


def test_a_reasonable_amount_of_time_and_acceptable_performance() -> None:
    text = """
    ## Requirements

    - Pages load in a reasonable amount of time.
    - Acceptable performance on older phones.
    """
    assert spans(lint_with("WD008", text)) == [(3, 14), (4, 3)]


# --- compliance with nothing named ----------------------------------------------------------------


def test_compliant_with_nothing_named() -> None:
    text = """
    ## Requirements

    - Data storage must be compliant.
    - The service must comply with regulations.
    """
    findings = lint_with("WD010", text)
    assert spans(findings) == [(3, 24), (4, 32)]
    assert "'compliant'" in findings[0].message


def test_a_yardstick_alone_in_a_quality_table_or_after_a_label() -> None:
    text = """
    ## Non-functional requirements

    - **Security:** Industry best practices.

    | Attribute | Target |
    |---|---|
    | Compliance | Compliant |
    | Accessibility | Best practices |
    """
    assert spans(lint_with("WD010", text)) == [(3, 17), (7, 16), (8, 19)]


def test_compliant_with_a_named_standard_is_not_flagged() -> None:
    text = """
    ## Requirements

    - Exports are GDPR compliant.
    - The widget is WCAG 2.1 AA compliant.
    - Card storage is PCI-compliant.
    - The schema must be compliant with the OpenAPI 3.1 specification.

    | Attribute | Target |
    |---|---|
    | Privacy | GDPR compliant |
    """
    assert lint_with("WD010", text) == []


# --- damage tests: a real document given a vague requirement in the shape it already uses ----------

KIRO_NUMBERED = "kiro/staneslevski__kiro-autonomous-build__.kiro__specs__multi-state-requirements-generation__requirements.md"


def _damaged(tmp_path: Path, name: str, old: str, new: str) -> tuple[Path, str, int]:
    source = (CORPUS / name).read_text(encoding="utf-8")
    assert old in source, f"{name} changed: the damage no longer applies"
    text = source.replace(old, new, 1)
    line = text[: text.index(new)].count("\n") + 1
    path = tmp_path / Path(name).name
    path.write_text(text, encoding="utf-8")
    return path, text, line


def _findings(path: Path, text: str, rule: str) -> list[tuple[int, int]]:
    return [(f.span.start.line, f.span.start.column)
            for f in lint_text(text, path, isolated=True, select=(rule,)) if f.rule_id == rule]


@requires_corpus
def test_damage_a_kiro_numbered_criterion_made_vague(tmp_path: Path) -> None:
    old = "1.4. THE Configuration SHALL define a list of monitored states without requiring code changes"
    path, text, line = _damaged(tmp_path, KIRO_NUMBERED, old, "1.4. THE Configuration SHALL be flexible")
    assert (line, 33) in _findings(path, text, "WD006")


# --- a PRD's feature list and a Shape Up pitch -----------------------------------------------------


def test_a_feature_list_is_read_as_requirements() -> None:
    text = """
    # Habit tracker PRD

    ## Problem

    People forget their habits.

    ## Features

    - Intuitive drag-and-drop editor.

    ## Scope

    ### In scope

    - A robust reminder engine.
    """
    assert spans(lint_with("WD008", text)) == [(9, 3), (15, 5)]


def test_a_readme_s_feature_list_advertises_and_is_not_read() -> None:
    text = """
    # Notes app

    ## Features

    - Easily link notes to each other.

    ## Installation

    Run the installer.
    """
    assert lint_with("WD008", text) == []


def test_prose_of_a_feature_section_and_a_design_proposal_s_solution_are_not_read() -> None:
    text = """
    # Habit tracker PRD

    ## Features

    Today logging is an intuitive gesture for most users.
    """
    assert lint_with("WD008", text) == []
    proposal = """
    # Design: caching

    ## Proposed solution

    - A robust cache layer in front of the catalog.
    """
    assert _lint_as("WD008", proposal, "design-doc") == []


def test_a_shape_up_pitch_commits_to_its_solution() -> None:
    text = """
    # Pitch: bulk invite

    ## Problem

    Admins invite people one by one, which is slow.

    ## Appetite

    Two weeks.

    ## Solution

    Admins paste a list of emails. The invite dialog must be intuitive.

    ## Rabbit holes

    - Duplicate emails should be handled gracefully.
    """
    assert _lint_as("WD006", text, "design-doc") == [(13, 58), (17, 38)]


# --- open lists and wishes ------------------------------------------------------------------------


def test_including_but_not_limited_to_and_a_list_ending_in_and_more() -> None:
    text = """
    ## Requirements

    - Export supports CSV, PDF and more.
    - Import reads formats including but not limited to CSV and JSON.
    - The queue grows and more workers start.
    """
    assert spans(lint_with("WD009", text)) == [(3, 28), (4, 24)]


def test_ideally_and_preferably_make_a_requirement_a_wish() -> None:
    text = """
    ## Requirements

    - Ideally, the report is emailed to the owner.
    - Dark mode, if time permits.
    - Search latency is under 300 ms at p95, ideally 200 ms.
    - Search supports saved filters (ideally shared ones too).
    """
    findings = lint_with("WD009", text)
    assert spans(findings) == [(3, 3), (4, 14)]
    assert "wish" in findings[0].message


def test_a_bold_requirements_label_opening_a_paragraph_makes_it_a_requirement() -> None:
    text = """
    # One-pager: offline mode

    **Requirements:** Sync must be seamless.

    **Must haves:**
    - A robust local cache.
    """
    assert spans(lint_with("WD006", text)) == [(3, 32)]
    assert spans(lint_with("WD008", text)) == [(6, 5)]


def test_polish_words_and_relevance_nobody_can_check() -> None:
    text = """
    ## Requirements

    - A beautiful dashboard for admins.
    - High-performance search across all notes.
    - Search shows the most relevant results first.
    """
    assert spans(lint_with("WD008", text)) == [(3, 5), (4, 3), (5, 10)]


def test_a_product_document_s_quality_sections_are_requirements() -> None:
    text = """
    # Checkout PRD

    ## Problem

    Checkout is slow.

    ## Performance

    - Pages load quickly.

    ## Security

    - Follows industry best practices.
    """
    assert spans(lint_with("WD006", text)) == [(9, 14)]
    assert spans(lint_with("WD010", text)) == [(13, 11)]


def test_a_pr_faq_answer_says_what_the_product_does() -> None:
    text = """
    # PR/FAQ: instant refunds

    ## FAQ

    **Q: How fast are refunds?**

    A: Refunds arrive instantly.
    """
    assert spans(lint_with("WD006", text)) == [(7, 19)]


def test_text_under_a_requirement_s_own_heading_is_that_requirement() -> None:
    text = """
    # Search PRD

    ### FR-2: Filters

    The filter panel is intuitive.

    ### US-1: Filter by date

    Why this priority: admins want an intuitive way to filter.
    """
    assert spans(lint_with("WD006", text)) == [(5, 21)]


def test_a_short_requirement_label_makes_a_paragraph_a_requirement() -> None:
    text = """
    # Search PRD

    ## Requirements

    **R4** — Results refresh seamlessly.

    - Results appear fast.
    - Search: fast
    """
    assert spans(lint_with("WD006", text)) == [(5, 26), (7, 18)]
    assert spans(lint_with("WD008", text)) == [(8, 11)]


def test_a_recommended_option_among_allowed_ones_is_not_a_wish() -> None:
    text = """
    ## Requirements

    - The script accepts --arch, so an operator can cross-build via QEMU or, preferably, build natively.
    """
    assert lint_with("WD009", text) == []


def test_etc_after_a_list_without_a_comma() -> None:
    text = """
    ## Requirements

    - Export as CSV and PDF etc.
    - Upload images/videos etc.
    """
    assert spans(lint_with("WD009", text)) == [(3, 25), (4, 24)]


def test_minimal_effort_and_asap() -> None:
    text = """
    ## Requirements

    - Setup requires minimal configuration.
    - Send the digest ASAP.
    """
    assert spans(lint_with("WD008", text)) == [(3, 18), (4, 19)]


def test_a_row_number_is_not_a_value_in_a_requirements_table() -> None:
    text = """
    ## Functional requirements

    | # | Requirement |
    |---|---|
    | 4 | Alerts are batched appropriately. |
    | 5 | Alerts are batched every 10 minutes, appropriately sized. |
    """
    assert spans(lint_with("WD008", text)) == [(5, 26)]


def test_industry_standard_encryption_names_no_algorithm() -> None:
    text = """
    ## Security requirements

    - The system shall protect patient data using industry-standard encryption.
    - The system shall encrypt data at rest with industry-standard encryption (AES-256-GCM).
    """
    findings = lint_with("WD010", text)
    assert spans(findings) == [(3, 47)]
    assert "'industry-standard encryption'" in findings[0].message


def test_a_spec_kit_acceptance_scenario_outcome_done_in_a_vague_way() -> None:
    text = """
    ### User Story 1 - Save a filter (Priority: P1)

    **Acceptance Scenarios**:

    1. **Given** a filtered list, **When** the shopper taps Save, **Then** the filter is saved quickly.
    """
    assert spans(lint_with("WD008", text)) == [(5, 92)]


def test_well_received_is_no_outcome_a_tester_can_check() -> None:
    text = """
    ## Success criteria

    - **SC-002**: The feature is well received by users.
    """
    assert spans(lint_with("WD008", text)) == [(3, 27)]


PRD_FEATURES = "prds/0xCozart__vallum__docs__product-requirements.md"
PRD_FR_HEADINGS = "prds/Amoenus__waycloak__docs__product__PRD.md"


@requires_corpus
def test_damage_an_item_of_a_features_label_list_made_vague(tmp_path: Path) -> None:
    path, text, line = _damaged(tmp_path, PRD_FEATURES, "- metrics endpoint or metrics export guide;",
                                "- a seamless metrics export;")
    assert (line, 5) in _findings(path, text, "WD008")


@requires_corpus
def test_damage_a_paragraph_under_a_requirement_heading_made_vague(tmp_path: Path) -> None:
    path, text, line = _damaged(tmp_path, PRD_FR_HEADINGS, "Mutation is idempotent and versioned.",
                                "Mutation is seamless.")
    column = text.split("\n")[line - 1].index("seamless") + 1
    assert (line, column) in _findings(path, text, "WD006")


@requires_corpus
def test_damage_a_requirement_made_compliant_with_nothing_named(tmp_path: Path) -> None:
    path, text, line = _damaged(tmp_path, PRD_FR_HEADINGS, "Mutation is idempotent and versioned.",
                                "Mutation must be compliant.")
    column = text.split("\n")[line - 1].index("compliant") + 1
    assert (line, column) in _findings(path, text, "WD010")
