"""Structure rules ST002-ST006 with the profiles that drive them."""

import pytest
from conftest import REPOSITORY, lint_profiled, spans

# --- ST002 missing-section ------------------------------------------------------------------

PRD_WITHOUT_NON_GOALS = """
# Saved cards

## Problem
Buyers re-type card numbers.

## Goals
- Faster checkout.

## Requirements
- Save a card after payment.

## Success metrics
- Abandonment below 28%.
"""


def test_missing_section_points_before_the_next_expected_section() -> None:
    findings = lint_profiled("missing-section", PRD_WITHOUT_NON_GOALS, "prd")
    assert spans(findings) == [(9, 1)]
    assert "'Non-goals'" in findings[0].message
    assert "before 'Requirements'" in findings[0].message


def test_alias_satisfies_the_expected_section() -> None:
    text = PRD_WITHOUT_NON_GOALS.replace("## Requirements", "## Out of scope\n- Wallets.\n\n## Requirements")
    assert lint_profiled("missing-section", text, "prd") == []


def test_numbered_and_decorated_headings_still_match() -> None:
    text = """
    # Saved cards
    ## 1. Problem statement
    x
    ## 2. Goals (mandatory)
    x
    ## 3. **Non-Goals**
    x
    ## 4. Functional requirements
    x
    ## 5. Success Metrics
    x
    """
    assert lint_profiled("missing-section", text, "prd") == []


def test_missing_nested_section_points_under_its_parent() -> None:
    text = """
    # Requirements Document
    ## Introduction
    Export for accountants.
    ## Requirements
    ### Requirement 1: Export a month
    **User Story:** As an accountant, I want a monthly export.
    #### Acceptance Criteria
    1. WHEN the user clicks Export THE SYSTEM SHALL download a CSV file.
    ### Requirement 2: Tax column
    **User Story:** As an accountant, I want the tax column.
    """
    findings = lint_profiled("missing-section", text, "ears")
    assert spans(findings) == [(9, 1)]
    assert "Acceptance Criteria" in findings[0].message
    assert "Requirement 2" in findings[0].message


def test_without_a_profile_nothing_is_expected() -> None:
    assert lint_profiled("missing-section", PRD_WITHOUT_NON_GOALS, None) == []


def test_a_document_of_another_kind_gets_one_finding_not_one_per_section() -> None:
    findings = lint_profiled("missing-section", "# Team offsite\n## Agenda\n- Planning\n", "prd")
    assert len(findings) == 1
    assert "none of the sections a prd document has" in findings[0].message


def test_ignore_option_skips_a_section() -> None:
    assert lint_profiled("missing-section", PRD_WITHOUT_NON_GOALS, "prd", ignore=["Out of scope"]) == []


def test_rust_rfc_old_and_new_design_sections_both_count() -> None:
    old = "## Summary\nx\n## Motivation\nx\n## Detailed design\nx\n"
    new = "## Summary\nx\n## Motivation\nx\n## Guide-level explanation\nx\n## Reference-level explanation\nx\n"
    assert lint_profiled("missing-section", old, "rust-rfc") == []
    assert lint_profiled("missing-section", new, "rust-rfc") == []


# --- ST003 empty-section --------------------------------------------------------------------


def test_heading_followed_by_heading_is_empty() -> None:
    text = """
    # Saved cards
    ## Rollout
    ## Open questions
    None.
    """
    findings = lint_profiled("empty-section", text, "prd")
    assert spans(findings) == [(2, 1)]
    assert "'Rollout' is empty" in findings[0].message


def test_section_with_only_a_guidance_comment_is_empty() -> None:
    text = """
    ## Rollout
    <!-- Describe phases, flags and the rollback plan. -->

    ## Risks
    Card tokens could leak through logs.
    """
    findings = lint_profiled("empty-section", text, "prd")
    assert spans(findings) == [(1, 1)]
    assert "guidance comment" in findings[0].message


def test_section_saying_only_tbd_is_empty() -> None:
    findings = lint_profiled("empty-section", "## Rollout\n\nTBD.\n", "prd")
    assert "only says 'TBD.'" in findings[0].message


def test_not_applicable_answers_an_optional_section() -> None:
    assert lint_profiled("empty-section", "## Open questions\n\nN/A\n", "prd") == []


@pytest.mark.parametrize("answer", ["N/A", "None.", "Not applicable"])
@pytest.mark.parametrize("title", ["Drawbacks", "Success metrics", "Open questions"])
def test_not_applicable_answers_every_section_alike(title: str, answer: str) -> None:
    assert lint_profiled("empty-section", f"## {title}\n\n{answer}\n", "prd") == []


@pytest.mark.parametrize("content", ["![Request flow](flow.png)", '<img src="flow.svg" alt="Request flow">',
                                     "[![Request flow](flow.png)](flow.png)"])
def test_an_image_or_diagram_is_content(content: str) -> None:
    assert lint_profiled("empty-section", f"## Architecture\n\n{content}\n", "prd") == []


def test_an_empty_optional_section_is_fine() -> None:
    assert lint_profiled("empty-section", "## Infrastructure Needed (Optional)\n\n## Next\n\nText.\n", "kep") == []
    assert lint_profiled("empty-section", "## Infrastructure Needed [optional]\n\n## Next\n\nText.\n", "kep") == []


def test_code_block_or_table_alone_is_content() -> None:
    code = "## API\n\n```http\nPOST /v1/cards\n```\n"
    table = "## Limits\n\n| Field | Max |\n|---|---|\n| cards | 5 |\n"
    assert lint_profiled("empty-section", code, "prd") == []
    assert lint_profiled("empty-section", table, "prd") == []


def test_heading_whose_subsections_have_content_is_not_empty() -> None:
    text = """
    ## Requirements
    ### Checkout
    Show saved cards first.
    """
    assert lint_profiled("empty-section", text, "prd") == []


def test_comments_are_empty_option_off_counts_comments_as_content() -> None:
    assert lint_profiled("empty-section", "## Rollout\n<!-- phases -->\n", "prd", **{"comments-are-empty": False}) == []


# --- ST004 duplicate-heading ----------------------------------------------------------------


def test_duplicate_heading_under_the_same_parent() -> None:
    text = """
    # Saved cards
    ## Requirements
    x
    ## Rollout
    x
    ## 5. Requirements
    y
    """
    findings = lint_profiled("duplicate-heading", text, "prd")
    assert spans(findings) == [(6, 1)]
    assert "first on line 2" in findings[0].message


def test_same_title_under_different_parents_is_fine() -> None:
    text = """
    ## Checkout
    ### Examples
    x
    ## Account page
    ### Examples
    y
    """
    assert lint_profiled("duplicate-heading", text, "prd") == []


# --- ST005 title-heading --------------------------------------------------------------------


def test_second_title_heading_is_flagged_once() -> None:
    text = """
    # Saved cards
    ## Problem
    x
    # Requirements
    x
    # Rollout
    x
    """
    findings = lint_profiled("title-heading", text, "prd")
    assert spans(findings) == [(4, 1)]
    assert "1 more level-1 heading follow" in findings[0].message


def test_rust_rfcs_have_no_title_heading_and_that_is_fine() -> None:
    text = "- Feature Name: `x`\n\n# Summary\nx\n# Motivation\nx\n"
    assert lint_profiled("title-heading", text, "rust-rfc") == []


def test_missing_title_where_one_is_expected() -> None:
    findings = lint_profiled("title-heading", "Some intro.\n\n## Problem\nx\n", "prd")
    assert spans(findings) == [(3, 1)]
    assert "no title" in findings[0].message


def test_title_written_as_level_two_heading() -> None:
    findings = lint_profiled("title-heading", "## Proposal: faster builds\n\n## Abstract\nx\n", "prd")
    assert "is a level-2 heading" in findings[0].message


def test_front_matter_may_carry_the_title() -> None:
    assert lint_profiled("title-heading", "---\ntitle: Saved cards\n---\n## Problem\nx\n", "prd") == []


# --- ST006 heading-increment ----------------------------------------------------------------


def test_skipped_heading_level() -> None:
    findings = lint_profiled("heading-increment", "## Requirements\n#### Checkout\nx\n", "prd")
    assert spans(findings) == [(2, 1)]
    assert "use '###'" in findings[0].message


def test_going_back_up_any_number_of_levels_is_fine() -> None:
    assert lint_profiled("heading-increment", "# T\n## A\n### B\n#### C\n## D\n", "prd") == []


# --- the complete PRD -----------------------------------------------------------------------


@pytest.mark.parametrize(("fixture", "profile_name"), [
    ("complete-prd.md", "prd"),
    ("complete-spec-kit.md", "spec-kit"),
    ("complete-rust-rfc.md", "rust-rfc"),
])
def test_complete_well_written_document_gets_no_profile_finding(fixture: str, profile_name: str) -> None:
    from speclint.document.parser import parse
    from speclint.engine.check import ActiveRule, run_rules
    from speclint.engine.profiles import detect_profile
    from speclint.engine.registry import load_registry
    from speclint.engine.runner import apply_rule_settings

    path = REPOSITORY / "tests" / "fixtures" / fixture
    registry = load_registry()
    document = parse(path.read_text(), str(path))
    profile = detect_profile(document)
    assert profile.name == profile_name
    rules = [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in registry.sorted()]
    result = run_rules(document, apply_rule_settings(rules, [profile.rules]), profile=profile)
    assert result.failures == []
    assert [f"{f.rule_id} {f.span.line}: {f.message}" for f in result.findings if f.category in
            ("structure", "placeholder")] == []


def test_titles_differing_by_a_symbol_or_plural_are_not_duplicates() -> None:
    text = """
    ## Other languages
    ### C
    x
    ### C++
    y
    ### GenericArg
    z
    ### GenericArgs
    w
    """
    assert lint_profiled("duplicate-heading", text, "prd") == []


# --- ST007 section-order --------------------------------------------------------------------


def test_section_before_its_template_place_is_flagged() -> None:
    text = """
    # Saved cards
    ## Requirements
    x
    ## Problem
    x
    ## Goals
    x
    """
    findings = lint_profiled("section-order", text, "prd")
    assert spans(findings) == [(2, 1)]
    assert "'Requirements' comes before 'Problem'" in findings[0].message
    assert "move it down" in findings[0].message


def test_fewest_moves_are_reported() -> None:
    text = "# T\n## Problem\nx\n## Non-goals\nx\n## Requirements\nx\n## Goals\nx\n"
    findings = lint_profiled("section-order", text, "prd")
    assert [f.span.line for f in findings] == [8]
    assert "'Goals' comes after 'Non-goals'" in findings[0].message


def test_optional_sections_are_ordered_only_on_request() -> None:
    text = "## Summary\nx\n## Motivation\nx\n## Drawbacks\nx\n## Detailed design\nx\n"
    assert lint_profiled("section-order", text, "rust-rfc") == []
    findings = lint_profiled("section-order", text, "rust-rfc", **{"include-optional": True})
    assert [f.span.line for f in findings] == [5]


def test_sections_in_template_order_with_unknown_ones_between_are_fine() -> None:
    text = "## Summary\nx\n## History\nx\n## Motivation\nx\n## Detailed design\nx\n## Drawbacks\nx\n"
    assert lint_profiled("section-order", text, "rust-rfc") == []


def test_nested_sections_are_ordered_within_their_parent() -> None:
    text = """
    # KEP-1: Gates
    ## Summary
    x
    ## Motivation
    ### Non-Goals
    x
    ### Goals
    x
    """
    findings = lint_profiled("section-order", text, "kep")
    assert len(findings) == 1
    assert "Goals" in findings[0].message
