"""The parser's work and memory grow linearly with hostile Markdown (issue 17, item 4).

Work is counted, never timed: `calls` counts the Python and C function calls made while parsing
(a profiler hook), and memory is the peak `tracemalloc` sees. Each test compares two sizes of the
same input, or two inputs of the same size, against a bound the old behaviour broke.
"""

from __future__ import annotations

import sys
import tracemalloc
from typing import Callable

import pytest

from speclint.document.model import ListBlock
from speclint.document.parser import MAX_NESTING, parse


def calls(work: Callable[[], object]) -> int:
    """Function calls (Python and built-in) made by `work()`."""
    count = 0

    def hook(frame: object, event: str, argument: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    previous = sys.getprofile()
    sys.setprofile(hook)
    try:
        work()
    finally:
        sys.setprofile(previous)
    return count


def parse_calls(text: str) -> int:
    parse("# Warm up\n\n1. x\n")  # the parser is built on first use: not part of any count
    return calls(lambda: parse(text, "input.md"))


def nested_ordered_lines(markers: int, lines: int) -> str:
    return ("1. " * markers + "x\n") * lines


def list_depth(text: str) -> int:
    blocks, depth = parse(text).root.blocks, 0
    while blocks and isinstance(blocks[0], ListBlock):
        depth += 1
        blocks = blocks[0].items[0].blocks
    return depth


# --- lines of `1. 1. 1. …` ------------------------------------------------------------------------


def test_lists_nested_as_deep_as_real_documents_are_kept() -> None:
    assert list_depth(nested_ordered_lines(8, 1)) == 8


def test_lists_nested_deeper_than_the_bound_are_read_as_text() -> None:
    document = parse(nested_ordered_lines(MAX_NESTING + 5, 1))
    assert list_depth(nested_ordered_lines(MAX_NESTING + 5, 1)) == MAX_NESTING
    innermost = document.root.blocks[0]
    for _ in range(MAX_NESTING - 1):
        innermost = innermost.items[0].blocks[0]
    assert innermost.items[0].blocks[0].segments[0].text == "1. " * 5 + "x"


def test_a_line_of_nested_markers_costs_no_more_past_the_nesting_bound() -> None:
    # Each level re-reads the rest of its item: without a bound, twice the markers on a line
    # is more than twice the work (and its square in characters copied).
    bounded = parse_calls(nested_ordered_lines(2 * MAX_NESTING, 10))
    assert parse_calls(nested_ordered_lines(8 * MAX_NESTING, 10)) <= 1.1 * bounded


def test_work_on_lines_of_nested_markers_grows_linearly_with_the_lines() -> None:
    small = parse_calls(nested_ordered_lines(20, 25))
    assert parse_calls(nested_ordered_lines(20, 100)) <= 4.4 * small


# --- long lines of one character -------------------------------------------------------------------


def peak_bytes(text: str) -> int:
    parse("# Warm up\n\n***\n")
    tracemalloc.start()
    try:
        parse(text, "input.md")
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("line", ["*" * 200_000, "-" * 200_000, "_ " * 100_000, "=" * 200_000, "- " * 100_000],
                         ids=["stars", "dashes", "underscores and spaces", "equals", "dashes and spaces"])
def test_a_long_line_of_break_characters_takes_memory_of_the_size_of_the_file(line: str) -> None:
    # `re` kept a backtracking record per repetition of `(?:\*[ \t]*){3,}`: 160-540 bytes a
    # character (a 1 MB line of `*` took 500 MB). Now the text and its copies: about 20.
    text = "Intro.\n\n" + line + "\n"
    assert peak_bytes(text) < 40 * len(text)


def test_a_long_break_line_is_still_a_thematic_break_or_a_setext_underline() -> None:
    document = parse("Intro.\n\n" + "* " * 1000 + "\n\nTitle\n" + "=" * 1000 + "\n")
    assert [type(block).__name__ for block in document.root.blocks] == ["Paragraph", "ThematicBreak"]
    assert document.root.children[0].title == "Title"
