"""Acceptance-criteria rules AC001-AC006 and the requirement/criteria extraction they share."""

from conftest import lint_with, parse_md, spans

from speclint.reading.requirements import extract

# --- extraction -------------------------------------------------------------------------------


def test_extracts_requirement_sections_stories_and_list_items() -> None:
    document = parse_md("""
    ## Requirements

    ### Requirement 1: Sign in

    **User Story:** As a member, I want to sign in with my email, so that I can see my orders.

    #### Acceptance Criteria

    1. WHEN the member submits a known email and the right password, THE app SHALL open the Orders page.

    ### Functional requirements

    - **FR-002**: The app MUST lock an account after 5 failed sign-ins in 15 minutes.
    - Users must be able to reset their password by email.
    - The login page uses the brand colours.
    """)
    picture = extract(document)
    labels = [(r.kind, r.form, r.label) for r in picture.requirements]
    assert labels[0] == ("requirement", "section", "Requirement 1")
    assert ("requirement", "list-item", "FR-002") in labels
    assert any(label.startswith("'Users must") for _k, _f, label in labels)
    assert len(labels) == 3  # "uses the brand colours" states no obligation
    assert picture.requirements[0].covered


def test_withdrawn_requirement_is_not_a_requirement() -> None:
    document = parse_md("""
    ### Requirement 4: Fax export — DESCOPED

    No longer planned; the number is kept so references stay stable.
    """)
    assert extract(document).requirements == []


def test_id_that_only_points_at_a_story_is_not_a_requirement() -> None:
    document = parse_md("""
    ## Review notes

    1. US1 (P1): Clean removal - core functionality
    """)
    assert extract(document).requirements == []


# --- AC001 acceptance-criteria-missing --------------------------------------------------------

NO_CRITERIA = """
# Saved carts

## Requirements

- **FR-001**: Shoppers MUST be able to save a cart for later.
- **FR-002**: Saved carts MUST be kept for 30 days.
"""


def test_ac001_flags_requirements_without_any_criteria_once() -> None:
    findings = lint_with("AC001", NO_CRITERIA)
    assert spans(findings) == [(5, 3)]
    assert "2 requirements" in findings[0].message


def test_ac001_accepts_criteria_in_a_separate_section() -> None:
    text = NO_CRITERIA + """
## Acceptance criteria

- A saved cart reappears after signing out and in again.
- A cart saved 31 days ago is gone and the shopper sees an empty cart.
"""
    assert lint_with("AC001", text) == []


def test_ac001_accepts_a_gherkin_block() -> None:
    text = NO_CRITERIA + """
```gherkin
Scenario: Cart survives sign-out
  Given a shopper with a saved cart
  When they sign out and sign in again
  Then the cart shows the same 2 items
```
"""
    assert lint_with("AC001", text) == []


def test_ac001_accepts_a_done_when_label() -> None:
    text = NO_CRITERIA + """
Done when:

- the cart page has a "Save for later" button that stores the cart.
"""
    assert lint_with("AC001", text) == []


def test_ac001_flags_user_stories_without_criteria() -> None:
    text = """
    ## User stories

    - As a shopper, I want to save my cart, so that I can finish buying on my phone.
    """
    findings = lint_with("AC001", text)
    assert spans(findings) == [(3, 3)]
    assert "user story" in findings[0].message


def test_ac001_skips_rust_rfcs() -> None:
    text = """
    - Feature Name: `saved_carts`
    - Start Date: 2026-01-01

    ## Requirements

    - The API must be usable from `no_std`.
    """
    assert lint_with("AC001", text) == []


def test_ac001_ignores_documents_without_requirements() -> None:
    assert lint_with("AC001", "# Notes\n\nWe talked about carts.\n") == []


# --- AC002 requirement-without-criteria -------------------------------------------------------

EARS_REQUIREMENTS = """
# Requirements Document

## Requirements

### Requirement 1: Upload receipts

**User Story:** As an employee, I want to upload a receipt photo, so that I get reimbursed.

#### Acceptance Criteria

1. WHEN an employee uploads a JPEG or PNG up to 10 MB, THE expense service SHALL attach it to the claim.
2. IF the file is larger than 10 MB, THEN THE expense service SHALL reject it with "File too large".

### Requirement 2: Approve claims

**User Story:** As a manager, I want to approve claims, so that my team gets paid.

### Requirement 3: Currency — DESCOPED

Dropped for the first release.
"""


def test_ac002_flags_a_requirement_section_whose_neighbours_have_criteria() -> None:
    findings = lint_with("AC002", EARS_REQUIREMENTS)
    assert spans(findings) == [(14, 1)]
    assert "Requirement 2" in findings[0].message


def test_ac002_accepts_a_reference_to_criteria_elsewhere() -> None:
    text = EARS_REQUIREMENTS.replace(
        "so that my team gets paid.\n",
        "so that my team gets paid.\n\nSee the acceptance criteria in the approval flow spec.\n")
    assert lint_with("AC002", text) == []


def test_ac002_flags_a_list_requirement_whose_siblings_have_scenarios() -> None:
    text = """
    ## Requirements

    - **FR-001**: Members MUST be able to pause a subscription for up to 3 months.
      - Given an active subscription, when the member pauses it for 2 months, then no charge is made until it resumes.
    - **FR-002**: Members MUST be able to resume a paused subscription early.
    """
    findings = lint_with("AC002", text)
    assert spans(findings) == [(5, 3)]
    assert "FR-002" in findings[0].message


def test_ac002_is_quiet_when_criteria_live_in_one_section_for_all() -> None:
    text = """
    ## Requirements

    - **FR-001**: Members MUST be able to pause a subscription.
    - **FR-002**: Members MUST be able to resume a paused subscription early.

    ## Acceptance criteria

    - A paused subscription is not charged.
    - Resuming charges the pro-rated amount on the same day.
    """
    assert lint_with("AC002", text) == []


def test_ac002_flags_a_requirement_no_traced_criterion_names() -> None:
    text = """
    ## Requirements

    - **FR-001**: Members MUST be able to pause a subscription.
    - **FR-002**: Members MUST be able to resume a paused subscription early.

    ## Acceptance criteria

    - AC-1 (FR-001): a paused subscription is not charged.
    """
    findings = lint_with("AC002", text)
    assert spans(findings) == [(4, 3)]
    assert "FR-002" in findings[0].message


def test_ac002_flags_an_empty_criteria_cell_in_a_requirements_table() -> None:
    text = """
    ## Requirements

    | ID | Requirement | Acceptance criteria |
    |----|-------------|---------------------|
    | FR-1 | Users must be able to archive a project. | The project disappears from the sidebar. |
    | FR-2 | Users must be able to restore an archived project. | |
    """
    findings = lint_with("AC002", text)
    assert spans(findings) == [(6, 3)]


def test_ac002_leaves_documents_without_any_criteria_to_ac001() -> None:
    assert lint_with("AC002", NO_CRITERIA) == []


# --- AC003 uncheckable-criterion --------------------------------------------------------------


def test_ac003_flags_vague_criteria_at_the_phrase() -> None:
    text = """
    ### Search

    **Acceptance criteria**:

    - Search is fast.
    - Users are happy with the results.
    - Search returns results within 300 ms (p95).
    """
    findings = lint_with("AC003", text)
    assert spans(findings) == [(5, 10), (6, 3)]
    assert "'is fast'" in findings[0].message


def test_ac003_reads_only_the_outcome_of_a_scenario() -> None:
    text = """
    **Acceptance Scenarios**:

    1. **Given** a fast connection, **When** the user pays, **Then** the checkout works as expected
    2. **Given** a fast connection, **When** the user pays, **Then** the order page shows "Payment received"
    """
    findings = lint_with("AC003", text)
    assert spans(findings) == [(3, 79)]


def test_ac003_accepts_a_vague_word_next_to_a_number() -> None:
    text = """
    #### Acceptance Criteria

    1. The page is fast: the first paint happens within 1.5 s on a 4G connection.
    """
    assert lint_with("AC003", text) == []


def test_ac003_checks_gherkin_then_steps() -> None:
    text = """
    ```gherkin
    Scenario: Export
      Given an account with invoices
      When the owner exports March
      Then everything works well
    ```
    """
    assert spans(lint_with("AC003", text)) == [(5, 19)]


def test_ac003_ignores_vague_words_outside_criteria() -> None:
    text = """
    ## Problem

    Today the search is slow and users are unhappy; we want it to be fast.
    """
    assert lint_with("AC003", text) == []


# --- AC004 scenario-form ----------------------------------------------------------------------


def test_ac004_flags_a_scenario_without_then() -> None:
    text = """
    **Acceptance Scenarios**:

    1. **Given** a cart with 2 items, **When** the shopper removes one
    """
    findings = lint_with("AC004", text)
    assert spans(findings) == [(3, 4)]
    assert "'Then'" in findings[0].message


def test_ac004_flags_steps_out_of_order_at_the_late_step() -> None:
    text = """
    **Acceptance Scenarios**:

    1. **When** the coupon expires, **Given** a cart with a coupon, **Then** the discount is removed
    """
    findings = lint_with("AC004", text)
    assert spans(findings) == [(3, 33)]
    assert "'Given' after 'When'" in findings[0].message


def test_ac004_accepts_well_formed_scenarios() -> None:
    text = """
    **Acceptance Scenarios**:

    1. **Given** a cart with 2 items, **When** the shopper removes one, **Then** the cart shows 1 item
    2. Given a signed-out visitor, when they open /orders, then they are sent to the sign-in page
    """
    assert lint_with("AC004", text) == []


def test_ac004_ignores_prose_that_starts_with_given() -> None:
    text = """
    Given the results above, we propose the hybrid approach.
    """
    assert lint_with("AC004", text) == []


def test_ac004_checks_each_gherkin_scenario_and_honours_background() -> None:
    text = """
    ```gherkin
    Feature: Coupons
      Background:
        Given a cart with a coupon

      Scenario: Expiry
        When the coupon expires
        Then the discount is removed

      Scenario: Missing outcome
        When the shopper removes the coupon
        And the shopper reloads the page
    ```
    """
    findings = lint_with("AC004", text)
    assert spans(findings) == [(10, 3)]
    assert "'Then'" in findings[0].message


def test_ac004_require_given_can_be_turned_off() -> None:
    text = """
    **Acceptance Scenarios**:

    1. **When** the shopper removes the coupon, **Then** the discount is removed
    """
    assert len(lint_with("AC004", text)) == 1
    assert lint_with("AC004", text, **{"require-given": False}) == []


# --- AC005 ears-pattern / AC006 ears-single-shall --------------------------------------------

EARS_DOC = """
# Requirements Document

### Requirement 1: Upload

#### Acceptance Criteria

1. WHEN an employee uploads a receipt, THE expense service SHALL scan it for malware.
2. IF the scan finds malware, THE expense service SHALL delete the file.
3. Receipts are limited to 10 MB.
4. WHEN a scanned file is clean, THE expense service SHALL store it and SHALL notify the approver.
5. The stored file SHALL have these properties:
   - THE expense service SHALL keep it for 7 years.
6. Uploads MUST be encrypted at rest.
"""


def test_ac005_flags_criteria_outside_the_ears_patterns() -> None:
    findings = lint_with("AC005", EARS_DOC)
    assert spans(findings) == [(8, 4), (9, 4), (13, 4)]
    assert "IF criterion without THEN" in findings[0].message
    assert "no SHALL" in findings[1].message
    assert "it uses MUST" in findings[2].message


def test_ac006_flags_the_second_shall() -> None:
    findings = lint_with("AC006", EARS_DOC)
    assert spans(findings) == [(10, 73)]
    assert findings[0].level.value == "info"


def test_ears_rules_are_quiet_on_documents_that_are_not_ears() -> None:
    text = """
    ## Acceptance criteria

    - Receipts are limited to 10 MB.
    - The approver gets an email and a push notification.
    """
    assert lint_with("AC005", text) == []
    assert lint_with("AC006", text) == []


# --- profiles ---------------------------------------------------------------------------------


def _lint_with_profile(rule_key: str, text: str, profile_name: str) -> list:
    from types import SimpleNamespace

    from conftest import md

    from speclint.document.parser import parse
    from speclint.engine.check import ActiveRule, run_rules
    from speclint.engine.registry import load_registry

    rule = load_registry().get(rule_key)
    assert rule is not None
    active = ActiveRule(rule, rule.default_level, rule.default_options())
    return run_rules(parse(md(text), "spec.md"), [active], profile=SimpleNamespace(name=profile_name)).findings


def test_coverage_rules_follow_the_profile_when_there_is_one() -> None:
    assert len(_lint_with_profile("AC001", NO_CRITERIA, "prd")) == 1
    assert _lint_with_profile("AC001", NO_CRITERIA, "go-design") == []
    assert _lint_with_profile("AC001", NO_CRITERIA, "spec-kit-plan") == []


def test_ears_rules_follow_the_ears_profile() -> None:
    text = """
    ## Acceptance criteria

    1. Receipts are limited to 10 MB.
    """
    assert _lint_with_profile("AC005", text, "prd") == []
    assert len(_lint_with_profile("AC005", text, "ears")) == 1


def test_requirements_under_out_of_scope_are_not_extracted() -> None:
    document = parse_md("""
    ## Out of scope

    - **FR-010**: Users MUST be able to export to PDF.

    ### Requirement 9: Fax
    """)
    assert extract(document).requirements == []


def test_a_test_case_table_counts_as_criteria_of_its_requirement() -> None:
    text = """
    ### Requirement 1: Discount codes

    | Input | Expected result |
    |-------|-----------------|
    | `SPRING10` on a 50 EUR cart | total is 45 EUR |

    ### Requirement 2: Gift cards

    #### Acceptance criteria

    - A gift card covering the total leaves 0 EUR to pay.
    """
    assert lint_with("AC002", text) == []


def test_user_story_rows_of_a_story_table_are_stories() -> None:
    document = parse_md("""
    ## User stories

    | Story | Priority |
    |-------|----------|
    | As a shopper, I want to save my cart, so that I can finish later. | P1 |
    """)
    assert [r.form for r in extract(document).requirements] == ["table-row"]


def test_ac002_judges_stories_and_requirements_by_their_own_convention() -> None:
    text = """
    ### User Story 1 - Save a cart

    As a shopper, I want to save my cart, so that I can finish on my phone.

    ### Requirement 1: Saved carts

    #### Acceptance criteria

    - A saved cart is shown after signing in on another device.
    """
    assert lint_with("AC002", text) == []


def test_a_paragraph_story_owns_the_criteria_that_follow_it_and_they_are_read_once() -> None:
    text = """
    ## Stories

    As a shopper, I want to save my cart, so that I can finish later.

    **Acceptance criteria**:

    - Saving works as expected.

    As a shopper, I want to share my cart, so that someone else can pay.
    """
    picture = extract(parse_md(text))
    assert [len(r.criteria) for r in picture.requirements] == [1, 0]
    assert len(lint_with("AC003", text)) == 1
    assert spans(lint_with("AC002", text)) == [(9, 1)]


def test_ac001_nested_lists_are_criteria_when_they_are_the_habit() -> None:
    text = """
    ## Requirements

    - **FR-001**: Users MUST be able to export invoices as CSV.
      - The file has one row per invoice.
    - **FR-002**: Dates MUST be written as ISO 8601.
      - 1 March 2026 is written 2026-03-01.
    """
    assert lint_with("AC001", text) == []


def test_ac001_a_detail_list_under_one_requirement_is_not_a_criteria_practice() -> None:
    text = """
    ## Requirements

    - **FR-001**: Users MUST be able to export invoices as CSV.
    - **FR-002**: The export MUST support these formats:
      - CSV
      - XLSX
    - **FR-003**: Exports MUST be kept for 7 days.
    """
    assert len(lint_with("AC001", text)) == 1
