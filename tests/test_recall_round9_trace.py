"""Issue 14, classes 1, 7, 8 and 10, round 9: a marker written into a sentence after an article
("with a TODO: decide ..."), a forecast whose figure is a letter ("we expect N users"), a section
of this very document that does not exist in a document that numbers no heading, and a decision
record whose status is a task's ("Done"). Fixtures written for the project; the damage tests at
the end damage real corpus documents and expect the finding at the damaged line and column."""

from __future__ import annotations

from pathlib import Path

from conftest import lint_profiled, lint_with, requires_corpus, spans
from test_damage_recall import append_to, damaged, findings_of, index_of

# --- class 1: placeholders ---------------------------------------------------------------------------


def test_a_marker_after_an_article_with_its_own_note_is_flagged() -> None:
    text = """
    ## Decision

    Old rows are purged nightly, with a TODO: agree the window with legal.
    """
    assert spans(lint_with("PH001", text)) == [(3, 37)]


def test_a_marker_after_an_article_and_a_pointing_verb_is_a_mention() -> None:
    text = """
    ## Decision

    See the TODO: it lists what the migration still needs.
    """
    assert lint_with("PH001", text) == []


def test_a_marker_named_as_a_noun_after_an_article_is_still_a_mention() -> None:
    text = """
    ## Decision

    The app keeps a TODO list per workspace.
    """
    assert lint_with("PH001", text) == []


def test_a_forecast_whose_figure_is_a_letter_is_flagged_in_a_background_section() -> None:
    text = """
    ## Background

    Finance teams ask for this weekly; we expect N users in the first quarter.
    """
    assert spans(lint_with("PH004", text)) == [(3, 46)]


def test_an_estimate_whose_size_is_a_letter_is_flagged() -> None:
    text = """
    ## Context

    The archive is estimated at XX GB a year.
    """
    assert spans(lint_with("PH004", text)) == [(3, 29)]


def test_a_letter_quantity_as_a_parameter_in_the_background_is_not_a_forecast() -> None:
    text = """
    ## Background

    With N users the nightly scan reads N rows, so it grows with the customer base.
    """
    assert lint_with("PH004", text) == []


def test_a_forecast_letter_the_document_defines_is_not_flagged() -> None:
    text = """
    ## Background

    We expect N users in the first quarter, where N is the number of pilot seats sold.
    """
    assert lint_with("PH004", text) == []


def test_a_placeholder_date_in_a_front_matter_key_no_schema_declares_is_flagged() -> None:
    text = """
    ---
    title: Saved baskets
    beta-launch: 2026-03-xx
    ---

    # Saved baskets
    """
    findings = lint_profiled("PH004", text, "prd")
    assert spans(findings) == [(3, 14)]
    assert "'2026-03-xx'" in findings[0].message


def test_a_blank_owner_in_front_matter_is_flagged() -> None:
    text = """
    ---
    title: Saved baskets
    owner: "______"
    ---

    # Saved baskets
    """
    assert spans(lint_profiled("PH004", text, "prd")) == [(3, 9)]


def test_a_placeholder_date_in_a_front_matter_date_the_schema_checks_is_left_to_md002() -> None:
    text = """
    ---
    title: Saved baskets
    date: 2026-03-xx
    ---

    # Saved baskets
    """
    assert lint_profiled("PH004", text, "prd") == []
    assert spans(lint_profiled("MD002", text, "prd")) == [(3, 7)]


# --- class 7: references to sections of this document ----------------------------------------------


def test_a_section_of_this_document_is_flagged_when_no_heading_is_numbered() -> None:
    text = """
    # Parcel alerts

    ## How alerts are ranked

    The ranking table is in section 6.1 of this document.

    ## Rollout

    Everyone at once.
    """
    findings = lint_with("TR006", text)
    assert spans(findings) == [(5, 25)]
    assert "§6.1" in findings[0].message


def test_a_section_below_is_flagged_when_no_heading_is_numbered() -> None:
    text = """
    # Parcel alerts

    ## How alerts are ranked

    The carrier codes are mapped as in §2 below.
    """
    assert spans(lint_with("TR006", text)) == [(5, 36)]


def test_a_bare_section_number_in_a_document_with_no_numbered_heading_is_left_alone() -> None:
    text = """
    # Parcel alerts

    ## How alerts are ranked

    The carrier codes are mapped as in §5.3.
    """
    assert lint_with("TR006", text) == []


def test_a_section_of_this_document_that_exists_is_not_flagged() -> None:
    text = """
    # Parcel alerts

    ## 1. Ranking

    The codes are mapped as in section 2 of this document.

    ## 2. Carrier codes

    A table.
    """
    assert lint_with("TR006", text) == []


def test_a_section_of_another_document_cited_beside_this_one_is_left_alone() -> None:
    text = """
    # Parcel alerts

    ## Retries

    Retries follow RFC 9110 §15.5, and the budget is in section 3 below.
    """
    assert lint_with("TR006", text) == []


def test_an_option_past_a_numbered_list_of_considered_options_is_flagged() -> None:
    text = """
    # Pick a queue

    ## Considered Options

    1. SQS
    2. RabbitMQ

    ## Decision Outcome

    Chosen option: 2, because the latency test in Option 3 favours it.
    """
    findings = lint_with("TR005", text, path="docs/adr/0007-pick-a-queue.md")
    assert spans(findings) == [(10, 47)]
    assert "Option 2" in findings[0].message


def test_an_option_within_a_numbered_list_of_considered_options_is_not_flagged() -> None:
    text = """
    # Pick a queue

    ## Considered Options

    1. SQS
    2. RabbitMQ

    ## Decision Outcome

    Chosen option: 2, because Option 1 has no ordering guarantee.
    """
    assert lint_with("TR005", text, path="docs/adr/0007-pick-a-queue.md") == []


# --- class 8: the status of a decision record ------------------------------------------------------


def test_a_task_status_in_a_nygard_status_section_is_flagged() -> None:
    text = """
    # 12. Queue exports

    Date: 2024-03-08

    ## Status

    Complete

    ## Context

    Exports time out.

    ## Decision

    Queue them.
    """
    findings = lint_profiled("MD006", text, "adr", path="docs/adr/0012-queue-exports.md")
    assert spans(findings) == [(7, 1)]
    assert "'Complete'" in findings[0].message


def test_a_two_word_task_status_in_a_status_line_is_flagged() -> None:
    text = """
    # Use a read replica for reports

    * Status: In progress
    * Deciders: data team

    ## Context and Problem Statement

    Reports slow the primary.
    """
    findings = lint_profiled("MD006", text, "adr", path="docs/decisions/0004-read-replica.md")
    assert spans(findings) == [(3, 11)]
    assert "'In progress'" in findings[0].message


def test_a_bold_task_status_after_an_emoji_is_flagged() -> None:
    text = """
    # 3. Pin base images

    ## Status

    ✅ **WIP**
    """
    assert spans(lint_profiled("MD006", text, "adr", path="adr/0003-pin-base-images.md")) == [(5, 5)]


def test_decision_statuses_and_statuses_real_records_add_are_not_flagged() -> None:
    for status in ("Accepted", "Superseded by [ADR 9](0009-x.md)", "Implemented", "Declined", "In review",
                   "🤔 Proposed", "Deprecated (2024-05-01)"):
        text = f"""
        # 3. Pin base images

        ## Status

        {status}
        """
        assert lint_profiled("MD006", text, "adr", path="adr/0003-pin-base-images.md") == [], status


def test_prose_under_a_status_heading_is_not_a_status() -> None:
    text = """
    # 3. Pin base images

    ## Status

    Done in part: the two services above have been moved, the rest wait for the next quarter's budget.
    """
    assert lint_profiled("MD006", text, "adr", path="adr/0003-pin-base-images.md") == []


def test_a_task_status_in_a_document_that_is_not_a_decision_record_is_left_alone() -> None:
    text = """
    # Bulk edit

    ## Status

    Done
    """
    assert lint_profiled("MD006", text, "prd") == []


# --- damage tests on real corpus documents -----------------------------------------------------------

NYGARD_ADR = "adrs/ministryofjustice__modernisation-platform__architecture-decision-record__0002-use-iam-federated-access.md"
MADR_NO_NUMBERS = "adrs/JabRef__jabref__docs__decisions__0010-use-h2-as-internal-database.md"
PRD_FRONT_MATTER = "prds/ARTFROST1__FrostDeploy__doc__PRD.md"


@requires_corpus
def test_a_marker_written_into_a_decision_after_an_article_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        line, column = append_to(lines, index_of(lines, "Rather than managing"), " We start with a TODO: pick the provider.")
        where.append((line, column + len(" We start with a ")))
        return lines

    path, text = damaged(tmp_path, NYGARD_ADR, damage)
    assert where[0] in findings_of("PH001", path, text)


@requires_corpus
def test_a_forecast_left_as_a_letter_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        line, column = append_to(lines, index_of(lines, "The Modernisation Platform will be used"),
                                 " We expect N users in the first year.")
        where.append((line, column + len(" We expect ")))
        return lines

    path, text = damaged(tmp_path, NYGARD_ADR, damage)
    assert findings_of("PH004", path, text) == where


@requires_corpus
def test_a_section_of_this_record_that_does_not_exist_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        paragraph = next(i for i, line in enumerate(lines) if line and line[0].isalpha() and i > index_of(lines, "## "))
        line, column = append_to(lines, paragraph, " The test results are in section 4.2 of this document.")
        where.append((line, column + len(" The test results are in ")))
        return lines

    path, text = damaged(tmp_path, MADR_NO_NUMBERS, damage)
    assert findings_of("TR006", path, text) == where


@requires_corpus
def test_a_task_status_in_a_nygard_record_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        index = index_of(lines, "❌ Rejected", after=index_of(lines, "## Status"))
        lines[index] = "Done"
        where.append((index + 1, 1))
        return lines

    path, text = damaged(tmp_path, NYGARD_ADR, damage)
    assert findings_of("MD006", path, text) == where


# --- class 7: a Kiro spec's tasks and design cite its requirements.md ------------------------------

KIRO_REQUIREMENTS = """
# Requirements Document

## Requirements

### Requirement 1

**User Story:** As a shopper, I want saved baskets, so that I can finish an order later.

#### Acceptance Criteria

1. WHEN a shopper saves a basket THE Basket_Service SHALL keep it for 30 days.
2. WHEN a saved basket expires THE Basket_Service SHALL delete it.

### Requirement 2

**User Story:** As a shopper, I want to share a basket, so that someone else can pay.

#### Acceptance Criteria

1. WHEN a shopper shares a basket THE Basket_Service SHALL issue a link valid for 24 hours.
"""


def kiro_spec(tmp_path: Path, name: str, text: str) -> Path:
    from conftest import write

    folder = tmp_path / ".kiro" / "specs" / "saved-baskets"
    write(folder, "requirements.md", KIRO_REQUIREMENTS)
    return write(folder, name, text)


def trace_findings(path: Path) -> list[tuple[int, int, str]]:
    from speclint.api import lint_paths

    result = lint_paths([path], isolated=True, select=("TR005",))
    return [(f.span.start.line, f.span.start.column, f.message) for report in result.files for f in report.findings]


def test_a_task_citing_a_criterion_its_requirement_does_not_have_is_flagged(tmp_path: Path) -> None:
    tasks = kiro_spec(tmp_path, "tasks.md", """
    # Implementation Plan

    - [ ] 1. Store saved baskets
      - _Requirements: 1.1, 1.3_
    """)
    findings = trace_findings(tasks)
    assert [(line, column) for line, column, _ in findings] == [(4, 25)]
    assert "Requirement 1.3" in findings[0][2] and "Requirement 1.2" in findings[0][2]


def test_a_design_property_validating_a_requirement_past_the_last_is_flagged(tmp_path: Path) -> None:
    design = kiro_spec(tmp_path, "design.md", """
    # Design Document

    ## Correctness Properties

    **Validates: Requirements 2.1, 4.2**
    """)
    assert [(line, column) for line, column, _ in trace_findings(design)] == [(5, 32)]


def test_trace_lines_that_cite_existing_criteria_are_not_flagged(tmp_path: Path) -> None:
    tasks = kiro_spec(tmp_path, "tasks.md", """
    # Implementation Plan

    - [ ] 1. Store saved baskets
      - _Requirements: 1.1, 1.2_
    - [ ] 2. Share links
      - _Requirements: Requirement 2_
    """)
    assert trace_findings(tasks) == []


def test_trace_lines_with_no_requirements_file_beside_them_are_left_alone(tmp_path: Path) -> None:
    from conftest import write

    tasks = write(tmp_path / "plan", "tasks.md", """
    # Implementation Plan

    - [ ] 1. Store saved baskets
      - _Requirements: 7.3_
    """)
    assert trace_findings(tasks) == []


@requires_corpus
def test_a_dangling_trace_line_in_a_real_kiro_task_list_is_found(tmp_path: Path) -> None:
    from conftest import CORPUS

    prefix = "kiro-more/Homas__RpiDNS__.kiro__specs__custom-period__"
    folder = tmp_path / ".kiro" / "specs" / "custom-period"
    folder.mkdir(parents=True)
    (folder / "requirements.md").write_text((CORPUS / (prefix + "requirements.md")).read_text(encoding="utf-8"),
                                            encoding="utf-8")
    lines = (CORPUS / (prefix + "tasks.md")).read_text(encoding="utf-8").split("\n")
    index = index_of(lines, "  - _Requirements: 5.5, 5.6_")
    lines[index] = "  - _Requirements: 5.5, 5.6, 9.2_"
    (folder / "tasks.md").write_text("\n".join(lines), encoding="utf-8")
    findings = trace_findings(folder / "tasks.md")
    assert [(line, column) for line, column, _ in findings] == [(index + 1, len("  - _Requirements: 5.5, 5.6, ") + 1)]


@requires_corpus
def test_a_placeholder_date_in_front_matter_a_schema_does_not_check_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        index = index_of(lines, "version: ")
        lines.insert(index + 1, "beta: 2026-05-xx")
        where.append((index + 2, len("beta: ") + 1))
        return lines

    path, text = damaged(tmp_path, PRD_FRONT_MATTER, damage)
    assert findings_of("PH004", path, text) == where
