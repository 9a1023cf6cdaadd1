"""Edge-case rules EC001-EC002."""

from conftest import lint_with, spans

# --- EC001 edge-cases-missing -----------------------------------------------------------------

SCHEDULING = """
# Scheduled posts

## Requirements

- **FR-001**: Editors MUST be able to schedule a post for a future date and time.
- **FR-002**: Editors MUST be able to cancel a scheduled post.
"""


def test_ec001_flags_a_spec_that_never_considers_an_edge_case() -> None:
    findings = lint_with("EC001", SCHEDULING)
    assert spans(findings) == [(5, 3)]
    assert findings[0].level.value == "info"


def test_ec001_accepts_an_edge_case_section() -> None:
    text = SCHEDULING + """
## Edge cases

- A post scheduled in the past is published at once.
"""
    assert lint_with("EC001", text) == []


def test_ec001_accepts_edge_cases_discussed_in_the_requirements() -> None:
    text = SCHEDULING + """
- **FR-003**: Times MUST be entered in the editor's time zone and stored in UTC.
- **FR-004**: An editor MUST NOT schedule more than 50 posts per day (the limit is shown on the page).
"""
    assert lint_with("EC001", text) == []


def test_ec001_ignores_documents_without_requirements() -> None:
    assert lint_with("EC001", "# Retro notes\n\nThe launch went well.\n") == []


def test_ec001_skips_decision_records() -> None:
    text = """
    # Use PostgreSQL for scheduling

    ## Context

    - Editors must be able to schedule posts.

    ## Decision

    We use PostgreSQL.
    """
    assert lint_with("EC001", text) == []


# --- EC002 edge-cases-empty -------------------------------------------------------------------


def test_ec002_flags_template_prompts() -> None:
    text = """
    ### Edge Cases

    <!-- ACTION REQUIRED: fill these in. -->

    - What happens when [boundary condition]?
    - How does system handle [error scenario]?
    """
    findings = lint_with("EC002", text)
    assert spans(findings) == [(1, 1)]
    assert "template text" in findings[0].message


def test_ec002_flags_an_empty_section_and_a_placeholder_answer() -> None:
    text = """
    ## Corner cases

    ## Boundary conditions

    TBD
    """
    findings = lint_with("EC002", text)
    assert spans(findings) == [(1, 1), (3, 1)]
    assert "is empty" in findings[0].message


def test_ec002_accepts_real_edge_cases_with_links_and_task_boxes() -> None:
    text = """
    ## Edge cases

    - [ ] An empty CSV shows "Nothing to import" ([design](https://example.com/design)).
    - [x] A duplicate email is merged into the existing contact.
    """
    assert lint_with("EC002", text) == []


def test_ec002_accepts_content_in_subsections_or_a_table() -> None:
    text = """
    ## Edge cases

    ### Imports

    - A file over 5 MB is rejected before upload.

    ## Limits

    | Limit | Value |
    |-------|-------|
    | Rows per import | 10,000 |
    """
    assert lint_with("EC002", text) == []


def test_ec002_brackets_in_code_spans_are_not_prompts() -> None:
    text = """
    ## Edge cases

    - A name matching `[^a-z0-9-]` is rejected with "Use lower-case letters, digits and hyphens".
    """
    assert lint_with("EC002", text) == []
