"""PH001 unresolved-marker: markers in visible text, nowhere else."""

import pytest
from conftest import lint_with, spans


def test_flags_tbd_in_a_paragraph_at_its_column() -> None:
    findings = lint_with("unresolved-marker", "Retry backoff: TBD.\n")
    assert spans(findings) == [(1, 16)]
    assert findings[0].span.end.column == 19
    assert "TBD" in findings[0].message


def test_flags_marker_in_nested_list_item() -> None:
    text = """
    - Uploads
      - Size limit: TODO
    """
    assert spans(lint_with("PH001", text)) == [(2, 17)]


def test_flags_marker_in_table_cell() -> None:
    text = """
    | Field | Limit |
    |-------|-------|
    | name  | TBC   |
    """
    assert spans(lint_with("PH001", text)) == [(3, 11)]


def test_flags_marker_in_heading() -> None:
    assert spans(lint_with("PH001", "## Rollout (TBD)\n")) == [(1, 13)]


def test_flags_needs_clarification_with_the_question() -> None:
    findings = lint_with("PH001", "Users log in with [NEEDS CLARIFICATION: SSO or password?].\n")
    assert spans(findings) == [(1, 19)]
    assert "SSO or password?" in findings[0].message


def test_flags_three_question_marks() -> None:
    assert spans(lint_with("PH001", "Owner: ???\n")) == [(1, 8)]


def test_ignores_code_spans_and_code_blocks() -> None:
    text = """
    Run `grep TODO` to list them.

    ```
    TODO: not prose
    ```
    """
    assert lint_with("PH001", text) == []


def test_ignores_html_comments() -> None:
    assert lint_with("PH001", "<!-- TODO: remove this guidance -->\n") == []


def test_ignores_product_words_and_file_names() -> None:
    text = "We are building a TODO-list app; see TODO.md and the todo list.\n"
    assert lint_with("PH001", text) == []


def test_ignores_link_destinations() -> None:
    assert lint_with("PH001", "See [the tracker](https://example.com/TODO).\n") == []


def test_markers_option_replaces_the_list() -> None:
    assert spans(lint_with("PH001", "Owner: TBD, WIP\n", markers=["WIP"])) == [(1, 13)]


def test_flags_kep_unresolved_block_with_its_context() -> None:
    text = """
    <<[UNRESOLVED @sig-node: which kubelet flag? ]>>
    The kubelet reads the new field.
    <<[/UNRESOLVED]>>
    """
    findings = lint_with("PH001", text)
    assert spans(findings) == [(1, 1)]
    assert "which kubelet flag?" in findings[0].message


def test_ignores_markers_talked_about_as_nouns() -> None:
    text = """
    We are building a TODO list app with TODO comments support.
    The TODO entry named the provider.
    The status column may say "TBD" for rows still open.
    """
    assert lint_with("PH001", text) == []


def test_ignores_bare_needs_clarification_mentions_in_checklists() -> None:
    text = "- [x] No [NEEDS CLARIFICATION] markers remain\n"
    assert lint_with("PH001", text) == []


def test_flags_a_bare_needs_clarification_in_a_requirement() -> None:
    findings = lint_with("PH001", "- **FR-004**: Sessions expire after [NEEDS CLARIFICATION].\n")
    assert spans(findings) == [(1, 37)]


def test_unresolved_blocks_deferring_the_same_thing_are_one_finding_at_the_first() -> None:
    text = """
    ## Graduation criteria

    <<[UNRESOLVED beta]>>
    Decide the metric names.
    <<[/UNRESOLVED]>>

    ## Monitoring

    <<[UNRESOLVED beta]>>
    Decide the alerts.
    <<[/UNRESOLVED]>>

    <<[UNRESOLVED beta]>>
    Decide the SLO.
    <<[/UNRESOLVED]>>
    """
    findings = lint_with("PH001", text)
    assert spans(findings) == [(3, 1)]
    assert "2 more blocks defer the same, at lines 9, 13" in findings[0].message


def test_unresolved_blocks_deferring_different_things_are_separate_findings() -> None:
    text = """
    <<[UNRESOLVED beta]>>
    Decide the metric names.
    <<[/UNRESOLVED]>>

    <<[UNRESOLVED @sig-node: flag name]>>
    Which flag?
    <<[/UNRESOLVED]>>
    """
    assert spans(lint_with("PH001", text)) == [(1, 1), (5, 1)]


def test_ignores_a_marker_spoken_of_with_an_article() -> None:
    text = """
    There is an open TODO in the specification about retries.
    The limit stays in place (see the FIXME on `RetryPolicy`).
    """
    assert lint_with("PH001", text) == []


def test_ignores_markers_listed_together() -> None:
    text = """
    Contributors leave TODO and FIXME comments in code, not in specs.
    The checker flags unresolved placeholders (TODO, TKTK, ???).
    """
    assert lint_with("PH001", text) == []


def test_ignores_a_bare_needs_clarification_naming_a_heading() -> None:
    text = """
    ## Open Questions / [NEEDS CLARIFICATION]

    None remain: every question was answered in review.
    """
    assert lint_with("PH001", text) == []


def test_still_flags_a_lone_todo_after_a_colon() -> None:
    findings = lint_with("PH001", "Retry policy: TODO\n")
    assert spans(findings) == [(1, 15)]


def test_the_same_marker_down_a_table_column_is_one_finding() -> None:
    text = """
    | Stage | Target | Measured |
    |---|---|---|
    | Build | < 10 min | TBD |
    | Deploy | < 15 min | TBD |
    | Rollback | < 15 min | TBD |
    """
    findings = lint_with("PH001", text)
    assert spans(findings) == [(3, 22)]
    assert "2 more in this table, at lines 4, 5" in findings[0].message


def test_a_marker_inside_a_title_case_name_is_part_of_the_name() -> None:
    assert lint_with("PH001", "### CUJ: Human TODO Central\n\nThe hub lists every pending review.\n") == []


@pytest.mark.parametrize(
    "text",
    [
        "## Unresolved questions\n\nTBD\n",
        "## Open Questions\n\n- Retry policy: TBD, owner @dana.\n",
        "### Implementation Details [optional]\n\nTBD\n",
        "A `cargo new --script` (flag TBD) could help.\n",
        'Some behaviour is marked "To Be Determined" (TBD) until the group specifies it.\n',
        "As the [metric SDK specification (TODO: WIP)](https://example.com/spec) says, there are two modes.\n",
        "| Goal | Contact |\n|---|---|\n| Faster builds | ![TBD][] |\n\n[TBD]: tbd.svg\n",
    ],
)
def test_markers_that_leave_nothing_unfinished_here(text: str) -> None:
    assert lint_with("PH001", text) == []


def test_a_lone_parenthesised_tbd_is_still_flagged() -> None:
    assert spans(lint_with("PH001", "Release date (TBD).\n")) == [(1, 15)]


def test_question_marks_attached_to_a_word_are_emphasis() -> None:
    assert lint_with("PH001", "### Two parent teams?? Can you do that???\n\nYes.\n") == []


def test_a_standalone_run_of_question_marks_is_flagged() -> None:
    assert spans(lint_with("PH001", "Owner: ???\n")) == [(1, 8)]


def test_an_implementation_history_grows_with_the_work() -> None:
    assert lint_with("PH001", "## Implementation History\n\nTBD\n") == []


def test_a_bare_parenthesised_marker_inside_a_sentence_is_a_hedge_on_a_name() -> None:
    text = "There is a separate notation (TBD) that covers the general case.\n"

    assert lint_with("PH001", text) == []


def test_a_parenthesised_marker_closing_a_statement_is_still_reported() -> None:
    assert spans(lint_with("PH001", "- Validation and conversion webhook (TBD)\n")) == [(1, 38)]


def test_a_marker_the_sentence_says_was_decided_on_a_date_is_not_reported() -> None:
    text = "Archive format, left as TBD in the first draft, was settled on 2025-04-02: zstd tarballs.\n"
    assert lint_with("PH001", text) == []


def test_a_marker_in_a_decision_log_cell_that_records_its_decision_is_not_reported() -> None:
    text = """
    | When | What |
    |---|---|
    | 2025-03-11 | Quota per team: TBD -> agreed 14 March 2025 as 40 GB |
    """
    assert lint_with("PH001", text) == []


def test_a_marker_with_a_deadline_for_its_decision_is_still_reported() -> None:
    text = "Quota per team: TBD, to be decided by 2025-06-30.\n"
    assert spans(lint_with("PH001", text)) == [(1, 17)]
