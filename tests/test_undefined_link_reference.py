"""TR004 undefined-link-reference: `[text][label]` where no `[label]: url` is defined."""

from __future__ import annotations

from conftest import lint_with, spans


def test_a_reference_with_no_definition_is_flagged_at_the_whole_link() -> None:
    findings = lint_with("TR004", "See the [maturity levels][maturity-levels] first.\n")

    assert [(f.span.start.line, f.span.start.column, f.span.end.column) for f in findings] == [(1, 9, 43)]
    assert "[maturity-levels]: <url>" in findings[0].message


def test_labels_match_ignoring_case_and_spaces() -> None:
    text = "See [the design][Design   Doc].\n\n[design doc]: https://example.com/design\n"

    assert lint_with("TR004", text) == []


def test_a_collapsed_reference_uses_its_text_as_the_label() -> None:
    assert spans(lint_with("TR004", "Read [this blog post][] first.\n")) == [(1, 6)]
    assert lint_with("TR004", "Read [this blog post][] first.\n\n[this blog post]: https://example.com\n") == []


def test_definitions_inside_list_items_and_with_the_url_on_the_next_line_count() -> None:
    text = "- Use [the API][api].\n\n  [api]:\n  https://example.com/api\n"

    assert lint_with("TR004", text) == []


def test_an_anchor_or_url_written_as_a_label_gets_the_inline_form_suggested() -> None:
    [anchor] = lint_with("TR004", "See the [rollback section][#rollbacks].\n")
    [url] = lint_with("TR004", "See [the docs][https://example.com].\n")

    assert "write [text](#rollbacks)" in anchor.message
    assert "write [text](url)" in url.message


def test_a_code_span_label_is_read_from_the_source() -> None:
    text = "The [syntax for `impl Trait`][] changes.\n\n[syntax for `impl Trait`]: https://example.com\n"

    assert lint_with("TR004", text) == []


def test_citations_code_and_inline_links_are_not_references() -> None:
    text = "As shown [1][2].\n\nUse `x[0][1]` here, and [a link](https://example.com)[^1].\n\n```\nm[i][j]\n```\n"

    assert lint_with("TR004", text) == []
