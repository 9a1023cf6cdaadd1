"""Every block kind carries its exact span in the source: 1-based lines and columns, end exclusive."""

from __future__ import annotations

from conftest import parse_md

from speclint.document.model import (
    BlockQuote,
    CodeBlock,
    Document,
    HtmlBlock,
    ListBlock,
    ListItem,
    Paragraph,
    Span,
    Table,
    TextSegment,
    ThematicBreak,
)
from speclint.document.parser import parse


def where(span: Span) -> tuple[int, int, int, int]:
    return (span.start.line, span.start.column, span.end.line, span.end.column)


def blocks(document: Document, kind: type) -> list:
    return [block for _, block in document.iter_blocks() if isinstance(block, kind)]


def test_paragraph_spans_its_lines_and_keeps_one_segment_per_line() -> None:
    document = parse_md(
        """
        # Checkout

        Guests can pay without an account;
          the cart survives a page reload.
        """
    )
    [paragraph] = blocks(document, Paragraph)
    assert where(paragraph.span) == (3, 1, 4, 35)
    assert paragraph.segments == [
        TextSegment(3, 1, "Guests can pay without an account;"),
        TextSegment(4, 3, "the cart survives a page reload."),
    ]


def test_bullet_list_items_with_task_state_and_a_nested_list() -> None:
    document = parse_md(
        """
        - [ ] Card payments
          - [x] Visa and Mastercard
          - [X] Amex
        - Gift cards
        """
    )
    [outer, inner] = blocks(document, ListBlock)
    assert not outer.ordered
    assert where(outer.span) == (1, 1, 4, 13)
    assert where(inner.span) == (2, 3, 3, 13)
    items = blocks(document, ListItem)
    assert [(item.text, item.checked, item.marker) for item in items] == [
        ("Card payments", False, "-"),
        ("Visa and Mastercard", True, "-"),
        ("Amex", True, "-"),
        ("Gift cards", None, "-"),
    ]
    assert [where(item.span) for item in items] == [(1, 1, 3, 13), (2, 3, 2, 28), (3, 3, 3, 13), (4, 1, 4, 13)]
    assert items[0].sublists == [inner]


def test_ordered_list_keeps_its_start_number_and_marker() -> None:
    document = parse_md(
        """
        3) Validate the address
        4) Show the shipping options
        """
    )
    [listing] = blocks(document, ListBlock)
    assert listing.ordered and listing.start == 3
    assert [(item.marker, where(item.span)) for item in listing.items] == [("3)", (1, 1, 1, 24)), ("4)", (2, 1, 2, 29))]


def test_list_item_text_in_a_loose_item_spans_blank_lines() -> None:
    document = parse_md(
        """
        1. Reserve stock.

           Release it after 15 minutes.
        2. Charge the card.
        """
    )
    first, second = blocks(document, ListItem)
    assert where(first.span) == (1, 1, 3, 32)
    assert [where(block.span) for block in first.blocks] == [(1, 4, 1, 18), (3, 4, 3, 32)]
    assert where(second.span) == (4, 1, 4, 20)


def test_table_header_and_body_cells_point_at_their_text() -> None:
    document = parse_md(
        """
        | Field    | Limit      |
        |----------|-----------:|
        | email    | 254 chars  |
        | `coupon` | a \\| b     |
        """
    )
    [table] = blocks(document, Table)
    assert where(table.span) == (1, 1, 4, 26)
    assert table.columns == ["Field", "Limit"]
    assert [(cell.text, where(cell.span)) for cell in table.header] == [
        ("Field", (1, 3, 1, 8)),
        ("Limit", (1, 14, 1, 19)),
    ]
    assert [[(cell.text, where(cell.span)) for cell in row] for row in table.rows] == [
        [("email", (3, 3, 3, 8)), ("254 chars", (3, 14, 3, 23))],
        [("`coupon`", (4, 3, 4, 11)), ("a \\| b", (4, 14, 4, 20))],
    ]


def test_table_cells_split_only_on_pipes_without_an_odd_run_of_backslashes() -> None:
    # `\\|` is an escaped backslash and then a pipe that splits; `\\\|` escapes its pipe again.
    document = parse_md(
        r"""
        | Pattern | Meaning |
        |---|---|
        | a \\| b | c \\\| d \| |
        """
    )
    [table] = blocks(document, Table)
    assert [(cell.text, where(cell.span)) for cell in table.rows[0]] == [
        ("a \\\\", (3, 3, 3, 7)),
        ("b", (3, 9, 3, 10)),
    ]
    assert [cell.text for cell in table.header] == ["Pattern", "Meaning"]


def test_table_body_rows_keep_at_most_the_headers_cells_and_end_at_a_line_without_a_pipe() -> None:
    document = parse_md(
        """
        | Field | Limit |
        |---|---|
        | a | 1 | extra |
        |  b  |
        c | 3
        After the table.
        """
    )
    [table] = blocks(document, Table)
    assert where(table.span) == (1, 1, 5, 6)
    assert [[(cell.text, where(cell.span)) for cell in row] for row in table.rows] == [
        [("a", (3, 3, 3, 4)), ("1", (3, 7, 3, 8))],
        [("b", (4, 4, 4, 5))],
        [("c", (5, 1, 5, 2)), ("3", (5, 5, 5, 6))],
    ]


def test_table_without_outer_pipes() -> None:
    document = parse_md(
        """
        Status | Meaning
        ------ | -------
        draft  | open for comments
        """
    )
    [table] = blocks(document, Table)
    assert [(cell.text, where(cell.span)) for cell in table.rows[0]] == [
        ("draft", (3, 1, 3, 6)),
        ("open for comments", (3, 10, 3, 27)),
    ]


def test_fenced_code_keeps_info_string_and_each_code_line_position() -> None:
    document = parse_md(
        """
        Request:

        ~~~json title="POST /orders"
        {
          "sku": "A-1"
        }
        ~~~
        """
    )
    [code] = blocks(document, CodeBlock)
    assert code.fenced
    assert code.info == 'json title="POST /orders"'
    assert code.language == "json"
    assert where(code.span) == (3, 1, 7, 4)
    assert code.lines == [TextSegment(4, 1, "{"), TextSegment(5, 1, '  "sku": "A-1"'), TextSegment(6, 1, "}")]


def test_unclosed_fence_runs_to_the_end_of_the_document() -> None:
    document = parse_md(
        """
        ```yaml
        retries: 3
        timeout: 5s
        """
    )
    [code] = blocks(document, CodeBlock)
    assert where(code.span) == (1, 1, 3, 12)
    assert [segment.line for segment in code.lines] == [2, 3]


def test_indented_code_block_starts_at_its_code() -> None:
    document = parse_md(
        """
        Run:

            make migrate
              --dry-run
        """
    )
    [code] = blocks(document, CodeBlock)
    assert not code.fenced and code.info == "" and code.language == ""
    assert where(code.span) == (3, 5, 4, 16)
    assert code.lines == [TextSegment(3, 5, "make migrate"), TextSegment(4, 5, "  --dry-run")]


def test_code_block_inside_a_list_item_inside_a_quote() -> None:
    document = parse_md(
        """
        > 1. Deploy:
        >
        >    ```sh
        >    kubectl apply -f api.yaml
        >    ```
        """
    )
    [quote] = blocks(document, BlockQuote)
    assert where(quote.span) == (1, 1, 5, 9)
    [code] = blocks(document, CodeBlock)
    assert code.info == "sh"
    assert where(code.span) == (3, 6, 5, 9)
    assert code.lines == [TextSegment(4, 6, "kubectl apply -f api.yaml")]


def test_block_quote_holds_its_blocks_and_lazy_continuation() -> None:
    document = parse_md(
        """
        > **Decision:** we keep the v1 endpoint
        until the mobile app migrates.
        >
        > - owner: payments team
        """
    )
    [quote] = blocks(document, BlockQuote)
    assert where(quote.span) == (1, 1, 4, 25)
    paragraph, listing = quote.blocks
    assert paragraph.segments == [
        TextSegment(1, 3, "**Decision:** we keep the v1 endpoint"),
        TextSegment(2, 1, "until the mobile app migrates."),
    ]
    assert where(listing.span) == (4, 3, 4, 25)


def test_html_block_keeps_each_comment_with_its_span_and_text() -> None:
    document = parse_md(
        """
        <!-- Guidance: describe the problem, not the solution. -->

        <details>
        <summary>Rejected options</summary>
        <!-- speclint-disable
             PH001 -->
        </details>
        """
    )
    first, second = blocks(document, HtmlBlock)
    assert first.is_comment
    assert where(first.span) == (1, 1, 1, 59)
    [comment] = first.comments
    assert comment.text == "Guidance: describe the problem, not the solution."
    assert where(comment.span) == (1, 1, 1, 59)
    assert not second.is_comment
    assert where(second.span) == (3, 1, 7, 11)
    [comment] = second.comments
    assert comment.text == "speclint-disable PH001"
    assert where(comment.span) == (5, 1, 6, 15)


def test_thematic_breaks_of_each_style() -> None:
    document = parse_md(
        """
        Intro.

        ---

        * * *

          ___
        """
    )
    assert [where(block.span) for block in blocks(document, ThematicBreak)] == [
        (3, 1, 3, 4),
        (5, 1, 5, 6),
        (7, 3, 7, 6),
    ]


def test_blocks_of_a_list_item_inside_a_quote_inside_a_list_item() -> None:
    document = parse_md(
        """
        1. Survey answers:

           > - cheaper than the old flow
           > - faster to review

        2. Next question
        """
    )
    items = blocks(document, ListItem)
    assert [(item.text, where(item.span)) for item in items] == [
        ("Survey answers:", (1, 1, 4, 24)),
        ("cheaper than the old flow", (3, 6, 3, 33)),
        ("faster to review", (4, 6, 4, 24)),
        ("Next question", (6, 1, 6, 17)),
    ]


def test_a_heading_inside_a_list_item_is_text_of_the_item() -> None:
    document = parse_md(
        """
        - ## Not a section
        """
    )
    assert list(document.sections()) == []
    [item] = blocks(document, ListItem)
    [paragraph] = item.blocks
    assert isinstance(paragraph, Paragraph)
    assert where(paragraph.span) == (1, 3, 1, 19)
    assert paragraph.segments == [TextSegment(1, 6, "Not a section")]


def test_whitespace_only_lines_are_blank_lines() -> None:
    document = parse(
        "## Limits\n"
        "      \n"
        "Uploads stop at 10 MB.\n"
        "Larger files are refused.\n"
        "  \t \n"
        "Retries: three.\n"
    )
    assert blocks(document, CodeBlock) == []
    assert [where(paragraph.span) for paragraph in blocks(document, Paragraph)] == [(3, 1, 4, 26), (6, 1, 6, 16)]


def test_a_list_inside_a_quote_inside_a_wide_list_item_does_not_shift_later_blocks() -> None:
    document = parse_md(
        """
        47. > Plain answer.

        48. > 1. first reason
            > 2. second reason
            >
            > Closing thought.

        49. > Last answer.

        ## Appendix
        """
    )
    items = [(item.marker, item.span.start.line) for _, item in document.iter_blocks() if isinstance(item, ListItem)]
    assert items == [("47.", 1), ("48.", 3), ("1.", 3), ("2.", 4), ("49.", 8)]
    [appendix] = document.sections()
    assert appendix.heading.span.start.line == 10


def test_a_quote_ended_by_a_list_and_a_break_keeps_document_order() -> None:
    document = parse_md(
        """
        > Note: prices exclude tax.
        - Card
        - Wallet
        ---
        """
    )
    assert [(block.kind, where(block.span)) for block in document.preamble] == [
        ("block_quote", (1, 1, 1, 28)),
        ("list", (2, 1, 3, 9)),
        ("thematic_break", (4, 1, 4, 4)),
    ]


def test_a_quote_of_empty_lines_does_not_swallow_the_next_quote() -> None:
    document = parse_md(
        """
        >
        >

        > Quoted.
        """
    )
    assert [where(block.span) for block in document.preamble] == [(1, 1, 1, 2), (4, 1, 4, 10)]


def test_spans_end_on_the_last_line_with_content() -> None:
    document = parse_md(
        """
        > Rationale:
        >
        > - fewer round trips
        >
        >

        Next paragraph.
        """
    )
    quote, paragraph = document.preamble
    assert where(quote.span) == (1, 1, 3, 22)
    assert where(paragraph.span) == (7, 1, 7, 16)


def test_a_list_item_includes_its_indented_link_definitions() -> None:
    document = parse_md(
        """
        - See [the RFC][rfc].

          [rfc]: https://example.com/rfc
        - Second item

         [not-indented]: https://example.com/other
        """
    )
    first, second = [block for _, block in document.iter_blocks() if isinstance(block, ListItem)]
    assert where(first.span) == (1, 1, 3, 33)
    assert where(second.span) == (4, 1, 4, 14)


def test_table_rows_may_have_fewer_or_more_cells_than_the_header() -> None:
    document = parse_md(
        """
        | Error | Status | Retry
        |-------|--------|------|
        | timeout | 504 | yes |
        | not found | 404 |
        | conflict | 409 | no | see ADR-7 |
        """
    )
    [table] = blocks(document, Table)
    assert table.columns == ["Error", "Status", "Retry"]
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["timeout", "504", "yes"],
        ["not found", "404"],
        ["conflict", "409", "no"],
    ]
    assert where(table.rows[1][1].span) == (4, 15, 4, 18)


def test_a_header_and_delimiter_with_different_cell_counts_is_not_a_table() -> None:
    document = parse_md(
        """
        | a | b | c |
        |---|---|
        """
    )
    assert blocks(document, Table) == []


# --- where mistune reads list items differently from CommonMark (GitHub) ---------------------------


def test_a_fence_in_a_list_item_is_not_closed_by_a_less_indented_fence() -> None:
    """The item ends before the less indented line, which opens a fence of its own (CommonMark 5.2)."""
    document = parse("1. Step:\n   ```yaml\n   a: 1\n  ```\n  b: 2\n  ```\n\nafter\n")
    fences = [block for _, block in document.iter_blocks() if isinstance(block, CodeBlock)]

    assert [(fence.span.start.line, fence.span.end.line) for fence in fences] == [(2, 3), (4, 6)]


def test_a_line_after_a_fence_in_a_list_item_is_not_lazy_item_text() -> None:
    document = parse("1. Step:\n\n   ```sh\n   run\n   ```\n**Next**\n")

    [listing] = [block for block in document.root.blocks if isinstance(block, ListBlock)]
    [after] = [block for block in document.root.blocks if isinstance(block, Paragraph)]
    assert listing.span.end.line == 5
    assert after.span.start.line == 6


def test_an_empty_list_item_does_not_take_the_less_indented_line_after_it() -> None:
    document = parse("5. five\n6.\n  a. text\n 7. seven\n")
    items = [block for _, block in document.iter_blocks() if isinstance(block, ListItem)]

    assert [(item.span.start.line, item.span.end.line) for item in items] == [(1, 1), (2, 2)]


def test_a_quote_in_a_list_item_ends_before_a_quote_outside_the_item() -> None:
    document = parse("1. > one\n> two\n2. > three\n\n## Summary\n")

    assert [section.heading.span.start.line for section in document.sections()] == [5]
    quotes = [block for _, block in document.iter_blocks() if isinstance(block, BlockQuote)]
    assert [(quote.span.start.line, quote.span.end.line) for quote in quotes] == [(1, 1), (2, 2), (3, 3)]


def test_an_empty_list_item_ends_at_the_unindented_line_after_it() -> None:
    """`1)` alone, then unindented text: the item is empty and the text a paragraph after the list."""
    document = parse("Steps:\n\n1)\nRun it.\n2)\nShip it.\n\n- real item\n")
    items = [block for _, block in document.iter_blocks() if isinstance(block, ListItem)]

    assert [item.span.start.line for item in items] == [3, 8]


def test_indented_code_led_by_a_tab_or_by_spaces_and_a_tab() -> None:
    """mistune is asked for indented code only on lines that start with a space or a tab: both leads still make code."""
    document = parse("Run:\n\n\tmake migrate\n  \tmake seed\n\nDone.\n")
    [code] = blocks(document, CodeBlock)
    assert not code.fenced
    assert where(code.span) == (3, 2, 4, 13)
    assert [(segment.line, segment.column) for segment in code.lines] == [(3, 2), (4, 4)]
    [first, last] = blocks(document, Paragraph)
    assert first.text == "Run:" and last.text == "Done."


def test_a_paragraph_gives_the_same_text_each_time_it_is_asked() -> None:
    [paragraph] = blocks(parse("Guests can pay\n  without an account.\n"), Paragraph)
    assert paragraph.text == "Guests can pay\nwithout an account."
    assert paragraph.text is paragraph.text  # joined once


def test_a_paragraph_copied_with_other_segments_joins_its_own_text() -> None:
    [paragraph] = blocks(parse("Guests can pay\nwithout an account.\n"), Paragraph)
    assert paragraph.text == "Guests can pay\nwithout an account."
    copy = paragraph.replace(segments=[TextSegment(1, 1, "Guests can pay")])
    assert copy.text == "Guests can pay"
    assert paragraph.text == "Guests can pay\nwithout an account."
    assert paragraph.replace(kind="block_text").text == paragraph.text


def test_link_destinations_are_read_as_mistune_reads_them() -> None:
    """The parser reads reference definitions' destinations run by run: the same answers as mistune's own loop."""
    from mistune import helpers

    from speclint.document.parser import _block_parser

    _block_parser()
    ours = helpers._parse_link_href
    mistunes = ours.mistune_original
    destinations = [
        "https://example.com/a_(b)_c d", "  /docs/x\\(y\\)\n", "a(b(c)d", "a)b", "bad\x01url", "x\x7fy", "\\a\\!b",
        "<https://example.com/a b>", "<unclosed", "\tx", "\ny", "", "(((deep)))", "url\fmore", "tab\tend", "é/ü?q=1",
    ]
    for text in destinations:
        for block in (False, True):
            for nesting in (1, 2, 32):
                assert ours(text, 0, block, max_nested_level=nesting) == mistunes(text, 0, block, max_nested_level=nesting)


def test_a_reference_definition_with_parentheses_and_escapes_is_not_a_paragraph() -> None:
    document = parse("See [spec].\n\n[spec]: https://example.com/a_(b)\\)c \"Title\"\n\nDone.\n")
    assert [paragraph.text for paragraph in blocks(document, Paragraph)] == ["See [spec].", "Done."]
