"""ST009 heading-without-space and ST010 broken-table: Markdown mistakes that change what the reader sees."""

from __future__ import annotations

from conftest import lint_with, spans

# --- ST009: a heading with no space after its hashes -------------------------------------------


def test_two_hashes_glued_to_a_title_are_flagged_at_the_hashes() -> None:
    findings = lint_with("ST009", "# Pitch\n\nThe scanners are slow.\n\n##Rabbit holes\n\n- Items in two places.\n")

    assert spans(findings) == [(5, 1)]
    assert "'##Rabbit holes'" in findings[0].message and "'Rabbit holes'" in findings[0].message


def test_a_glued_heading_right_under_a_paragraph_is_flagged() -> None:
    text = "## Stories\n\nLena accepts the offer.\n##Risks and Mitigations\n- Players farm gems.\n"

    assert spans(lint_with("ST009", text)) == [(4, 1)]


def test_a_numbered_glued_heading_is_flagged() -> None:
    assert spans(lint_with("ST009", "# SRS\n\n###3.2 Performance\n\nLatency is 200 ms.\n")) == [(3, 1)]


def test_a_glued_heading_in_german_is_flagged() -> None:
    assert spans(lint_with("ST009", "# Tarifrechner\n\n##Übersicht\n\nText.\n")) == [(3, 1)]


def test_a_single_hash_title_alone_on_its_line_is_flagged() -> None:
    assert spans(lint_with("ST009", "#Overview\n\nThe service stores holds.\n")) == [(1, 1)]


def test_hashtags_issue_numbers_and_channels_are_not_headings() -> None:
    text = """
    # Notes

    #hashtag
    #123 fixed the race.
    #forum-ops is the channel.
    ##
    #[derive(Debug)]
    #INCLUDE
    See #42 and the
    #platform channel.
    """

    assert lint_with("ST009", text) == []


def test_a_single_hash_word_inside_a_longer_paragraph_is_left_alone() -> None:
    assert lint_with("ST009", "Ask in the channel\n#Platform if in doubt.\n") == []


def test_glued_hashes_in_code_and_front_matter_are_not_read() -> None:
    text = """
    ---
    title: x
    #see-also: y
    ---
    # Title

    ```sh
    ##Comment in a script
    ```

        ##Indented code
    """

    assert lint_with("ST009", text) == []


# --- ST010: pipe tables GitHub does not render as written ---------------------------------------


def test_lines_of_pipes_without_a_delimiter_row_are_flagged_at_the_header() -> None:
    text = """
    Measured load:

    | Option | CPU (p95) | Time (p95) |
    | Stream changes | 41% | 48 s |
    | Hourly rebuild | 67% | 34 min |
    """

    findings = lint_with("ST010", text)

    assert spans(findings) == [(3, 1)]
    assert "no delimiter row" in findings[0].message


def test_a_delimiter_row_after_the_data_rows_is_flagged_where_it_is() -> None:
    text = """
    | Metric | Baseline | Target |
    | Complaints per 10,000 | 11.6 | 7.0 |
    | Alerts opened in 24 h | n/a | 40% |
    |---|---|---|
    """

    findings = lint_with("ST010", text)

    assert spans(findings) == [(4, 1)]
    assert "after the data rows" in findings[0].message


def test_a_delimiter_row_with_fewer_cells_than_the_header_is_flagged() -> None:
    text = "| Requisito | Valor | Fuente |\n|---|---|\n| Plazo | 3 días | Legal |\n"

    findings = lint_with("ST010", text)

    assert spans(findings) == [(2, 1)]
    assert "2 cells and the header 3" in findings[0].message


def test_a_pipe_inside_a_code_span_that_splits_a_cell_is_flagged_once_per_table() -> None:
    text = """
    | Plan | Price | Intervals |
    |---|---|---|
    | Solo | €12 | `monthly|annual` |
    | Team | €29 | `monthly|annual` |
    """

    findings = lint_with("ST010", text)

    assert spans(findings) == [(3, 16)]
    assert "`monthly|annual`" in findings[0].message and "1 more rows" in findings[0].message


def test_an_unescaped_pipe_in_cell_text_that_adds_a_cell_is_flagged() -> None:
    text = "| Flag | Meaning |\n|---|---|\n| `-q` | quiet | no progress bar |\n"

    findings = lint_with("ST010", text)

    assert spans(findings) == [(3, 3)]
    assert "'no progress bar'" in findings[0].message


def test_well_formed_tables_escaped_pipes_and_padded_rows_are_left_alone() -> None:
    text = """
    | Plan | Intervals |
    |:--|--:|
    | Solo | `monthly\\|annual` |
    | Team |
    | Firm | yearly | |

    > | a | b |
    > |---|---|
    > | 1 | 2 |
    """

    assert lint_with("ST010", text) == []


def test_a_single_line_of_pipes_or_pipes_in_prose_are_not_tables() -> None:
    text = """
    | this line stands alone |

    Run `a | b` and then
    pipe it | into c.
    """

    assert lint_with("ST010", text) == []
