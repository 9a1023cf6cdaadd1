"""ST008 fence-swallows-markdown: a code fence that turns the document's own headings into code."""

from __future__ import annotations

from conftest import lint_with, spans


def test_a_fence_that_never_closes_over_a_heading_is_flagged_at_its_opening() -> None:
    findings = lint_with(
        "ST008",
        """
        # Rollout

        ```yaml
        retries: 3

        ## Rollback

        Revert the flag.
        """,
    )

    assert spans(findings) == [(3, 1)]
    assert "never closes" in findings[0].message and "'## Rollback' (line 6)" in findings[0].message


def test_a_fence_closed_at_less_indentation_in_a_list_item_is_flagged_where_the_stray_fence_opens() -> None:
    findings = lint_with(
        "ST008",
        """
        1. Apply the configuration:
           ```yaml
           retries: 3
          ```

        ## Rollback

        1. Apply the old configuration:
           ```yaml
           retries: 1
           ```
        """,
    )

    assert spans(findings) == [(4, 3)]
    assert "closes only at line 11" in findings[0].message


def test_a_closed_fence_showing_a_heading_is_an_example() -> None:
    assert lint_with("ST008", "```sh\n# install the tool\nmake install\n```\n") == []


def test_a_markdown_example_may_hold_headings_and_fences() -> None:
    text = "````markdown\n## Example\n\n```yaml\na: 1\n```\n````\n"

    assert lint_with("ST008", text) == []


def test_four_backtick_fences_without_a_language_are_examples_too() -> None:
    assert lint_with("ST008", "````\n## Example\n```yaml\na: 1\n```\n````\n") == []


def test_an_unclosed_fence_at_the_end_without_headings_is_left_to_the_reader() -> None:
    assert lint_with("ST008", "# Title\n\n```sh\nmake\n") == []
