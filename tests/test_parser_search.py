"""`find_all` over block segments points at the exact source line and column of a word."""

from __future__ import annotations

import re

from conftest import parse_md

from speclint.document.model import ListItem, Paragraph, Span, Table
from speclint.document.text import find_all, iter_prose

FAST = re.compile(r"\bfast\b")


def where(span: Span) -> tuple[int, int, int, int]:
    return (span.start.line, span.start.column, span.end.line, span.end.column)


def test_word_inside_a_nested_list_item() -> None:
    document = parse_md(
        """
        - Search
          - Results must be fast
            and relevant.
        """
    )
    nested = [block for _, block in document.iter_blocks() if isinstance(block, ListItem)][1]
    paragraph = nested.blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert [where(span) for _, span in find_all(FAST, paragraph.segments)] == [(2, 21, 2, 25)]


def test_word_inside_a_table_cell() -> None:
    document = parse_md(
        """
        | Area   | Requirement        |
        |--------|--------------------|
        | search | fast, typo-tolerant |
        """
    )
    [table] = [block for _, block in document.iter_blocks() if isinstance(block, Table)]
    cell = table.rows[0][1]
    assert [where(span) for _, span in find_all(FAST, cell.segments)] == [(3, 12, 3, 16)]


def test_word_inside_a_quote_inside_a_list_item() -> None:
    document = parse_md(
        """
        1. Feedback:
           > it feels fast
        """
    )
    found = [where(span) for prose in iter_prose(document) for _, span in find_all(FAST, prose.segments)]
    assert found == [(2, 15, 2, 19)]


def test_match_across_a_line_break_ends_on_the_next_line() -> None:
    document = parse_md(
        """
        Checkout must be
          really fast.
        """
    )
    [paragraph] = document.preamble
    pattern = re.compile(r"be\s+really")
    assert [where(span) for _, span in find_all(pattern, paragraph.segments)] == [(1, 15, 2, 9)]


def test_code_spans_links_and_html_are_not_searched() -> None:
    document = parse_md("Use `fast` mode, see [docs](https://x.io/fast) <b title='fast'>and</b> fast.\n")
    [paragraph] = document.preamble
    assert [where(span) for _, span in find_all(FAST, paragraph.segments)] == [(1, 72, 1, 76)]


def test_headings_and_cells_are_prose_but_code_is_not() -> None:
    document = parse_md(
        """
        ## Fast path

        ```
        fast
        ```

        | a    |
        |------|
        | fast |
        """
    )
    pattern = re.compile(r"(?i)fast")
    found = [(prose.kind, where(span)) for prose in iter_prose(document) for _, span in find_all(pattern, prose.segments)]
    assert found == [("heading", (1, 4, 1, 8)), ("table-cell", (9, 3, 9, 7))]
