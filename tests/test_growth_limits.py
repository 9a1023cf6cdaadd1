"""Work and memory grow linearly with hostile Markdown (issue 17, item 4): lines of `1. 1. 1. …`,
a long line of `*`, many headings.

Work is counted, never timed: `calls` counts the Python and C function calls made while parsing
or linting (a profiler hook), and memory is the peak `tracemalloc` sees. Each test compares two sizes of the
same input, or two inputs of the same size, against a bound the old behaviour broke.
"""

from __future__ import annotations

import sys
import tracemalloc
from typing import Callable

import pytest

from speclint.configuration.config import ConfigPlanner
from speclint.document.model import ListBlock
from speclint.document.parser import MAX_NESTING, parse
from speclint.document.text import TEXT_CACHE_KEEP
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.profiles import load_profile
from speclint.engine.registry import load_registry
from speclint.engine.runner import Source, lint


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


# --- many headings ----------------------------------------------------------------------------------


def headings(count: int) -> str:
    return "# Design\n\n" + "".join(f"## Part {number}\n\nText of part {number}.\n\n" for number in range(count))


def lint_calls(text: str) -> int:
    planner = ConfigPlanner(forced_profile="prd", preview=True)  # every rule runs
    lint([Source("warm-up.md", None, headings(3))], [], planner=planner, jobs=1)
    return calls(lambda: lint([Source("input.md", None, text)], [], planner=planner, jobs=1))


def test_work_of_every_rule_grows_linearly_with_the_headings() -> None:
    assert lint_calls(headings(600)) <= 4.4 * lint_calls(headings(150))


def test_work_per_heading_stays_the_same_past_the_size_of_the_text_caches() -> None:
    # The rules look up each heading's key in turn, once per expected section: a bounded LRU cache
    # smaller than the document's headings missed every time (20,000 headings took 6 times as
    # long as 5,000). Section order (ST007) reads every heading once per expected section.
    rule = load_registry().get("ST007")
    assert rule is not None
    active, profile = ActiveRule(rule, rule.default_level, rule.default_options()), load_profile("prd")
    small = parse(headings(TEXT_CACHE_KEEP // 4), "small.md")
    large = parse(headings(TEXT_CACHE_KEEP + 2000), "large.md")
    counts = []
    for document in (small, large):
        run_rules(document, [active], profile=profile)  # each heading's key is computed once, here
        counts.append(calls(lambda: run_rules(document, [active], profile=profile)))
    ratio = counts[1] / counts[0]
    assert ratio <= 1.1 * (TEXT_CACHE_KEEP + 2000) / (TEXT_CACHE_KEEP // 4)


def test_the_text_caches_keep_no_more_than_their_bound_from_one_document_to_the_next() -> None:
    from speclint.document.headings import heading_key

    for number in range(TEXT_CACHE_KEEP + 10):
        heading_key(f"Part {number}")
    parse("# The next document\n")
    assert heading_key.cache_info().currsize <= TEXT_CACHE_KEEP
