"""Headings, the section tree they make, and GitHub anchors."""

from __future__ import annotations

from conftest import parse_md

from speclint.document.model import Paragraph, Section, Span, TextSegment
from speclint.document.parser import parse


def where(span: Span) -> tuple[int, int, int, int]:
    return (span.start.line, span.start.column, span.end.line, span.end.column)


def outline(section: Section, depth: int = 0) -> list[str]:
    lines = [] if section.heading is None else ["  " * depth + section.title]
    for child in section.children:
        lines += outline(child, depth + (section.heading is not None))
    return lines


def test_atx_heading_position_level_and_text_segment() -> None:
    document = parse_md("## Non-Goals ##\n")
    [section] = document.sections()
    heading = section.heading
    assert heading is not None
    assert (heading.level, heading.text, heading.raw) == (2, "Non-Goals", "Non-Goals")
    assert where(heading.span) == (1, 1, 1, 16)
    assert heading.text_segment == TextSegment(1, 4, "Non-Goals")


def test_indented_atx_heading_starts_at_its_hashes() -> None:
    document = parse("   ### Open questions\n")
    [section] = document.sections()
    assert where(section.heading.span) == (1, 4, 1, 22)
    assert section.heading.text_segment == TextSegment(1, 8, "Open questions")


def test_setext_headings_span_their_underline() -> None:
    document = parse_md(
        """
        Checkout Redesign
        =================

        Scope
        -----
        """
    )
    first, second = document.sections()
    assert (first.level, where(first.heading.span)) == (1, (1, 1, 2, 18))
    assert (second.level, where(second.heading.span)) == (2, (4, 1, 5, 6))


def test_multi_line_setext_heading_has_one_segment_per_line() -> None:
    document = parse_md(
        """
        Payment retries
          and refunds
        ---------------
        """
    )
    [section] = document.sections()
    assert section.title == "Payment retries and refunds"
    assert section.heading.segments == (TextSegment(1, 1, "Payment retries"), TextSegment(2, 3, "and refunds"))


def test_heading_text_has_inline_markup_stripped_and_raw_keeps_it() -> None:
    document = parse_md("# **Search** `v2` [API](https://example.com/api) _beta_ snake_case\n")
    heading = next(document.sections()).heading
    assert heading.text == "Search v2 API beta snake_case"
    assert heading.raw == "**Search** `v2` [API](https://example.com/api) _beta_ snake_case"
    assert heading.text_segment == TextSegment(1, 3, heading.raw)


def test_code_in_a_heading_is_literal_text_and_keeps_its_anchor() -> None:
    document = parse_md("## Make `Fut<Output = T>` and `__init__` work\n")
    section = next(document.sections())
    assert section.title == "Make Fut<Output = T> and __init__ work"
    assert section.slug == "make-futoutput--t-and-__init__-work"


def test_text_before_the_first_heading_is_the_preamble() -> None:
    document = parse_md(
        """
        Status: draft

        # Search
        """
    )
    [paragraph] = document.preamble
    assert isinstance(paragraph, Paragraph)
    assert document.root.heading is None and document.root.level == 0
    assert [section.title for section in document.root.children] == ["Search"]


def test_sections_nest_by_level_and_skipped_levels_nest_under_the_nearest_parent() -> None:
    document = parse_md(
        """
        # Search
        ## Goals
        #### Latency
        ### Relevance
        ## Rollout
        # Appendix
        """
    )
    assert outline(document.root) == ["Search", "  Goals", "    Latency", "    Relevance", "  Rollout", "Appendix"]
    latency = next(s for s in document.sections() if s.title == "Latency")
    assert latency.level == 4
    assert [section.title for section in latency.ancestors()] == ["Goals", "Search"]


def test_a_document_may_start_below_level_one() -> None:
    document = parse_md(
        """
        ### Context
        # Decision
        """
    )
    assert outline(document.root) == ["Context", "Decision"]


def test_section_span_runs_to_its_last_non_blank_line_including_subsections() -> None:
    document = parse_md(
        """
        # Search

        ## Goals

        Fast results.

        ### Latency

        p95 under 200 ms.


        ## Rollout
        Behind a flag.
        """
    )
    search, goals, latency, rollout = document.sections()
    assert where(search.span) == (1, 1, 13, 15)
    assert where(goals.span) == (3, 1, 9, 18)
    assert where(latency.span) == (7, 1, 9, 18)
    assert where(rollout.span) == (12, 1, 13, 15)


def test_blocks_belong_to_the_section_they_follow() -> None:
    document = parse_md(
        """
        ## Goals
        Fast results.
        ### Latency
        p95 under 200 ms.
        """
    )
    goals, latency = document.sections()
    assert [block.span.start.line for block in goals.blocks] == [2]
    assert [block.span.start.line for block in latency.blocks] == [4]
    assert [block.span.start.line for block in goals.iter_blocks()] == [2, 4]
    assert [block.span.start.line for block in goals.iter_blocks(deep=False)] == [2]


def test_slugs_follow_github_with_numbered_duplicates() -> None:
    document = parse_md(
        """
        # API v2: Orders & Refunds!
        ## Goals
        ## Goals
        ## Goals
        ## Goals 1
        ## Ünïcode Überblick
        ## snake_case and `code`
        """
    )
    assert [section.slug for section in document.sections()] == [
        "api-v2-orders--refunds",
        "goals",
        "goals-1",
        "goals-2",
        "goals-1-1",
        "ünïcode-überblick",
        "snake_case-and-code",
    ]


def test_title_comes_from_front_matter_else_the_first_level_one_heading() -> None:
    assert parse("---\ntitle: Checkout v2\n---\n# Checkout\n").title == "Checkout v2"
    assert parse("## Notes\n# Checkout\n").title == "Checkout"
    assert parse("Just text.\n").title is None
