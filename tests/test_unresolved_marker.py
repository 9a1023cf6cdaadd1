"""PH001 unresolved-marker: markers in visible text, nowhere else."""

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
