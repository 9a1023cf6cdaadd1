"""Property-based: no text, no bytes make speclint raise, and every position it gives is real."""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speclint.cli import main
from speclint.document.model import CodeBlock, Document, HtmlBlock, Paragraph, Span, Table, TextSegment
from speclint.document.parser import parse
from speclint.engine import files

# Lines built from Markdown's container prefixes and significant text, so that random documents
# often hold real structure: nested lists and quotes, tables, fences, HTML, headings.
LINE_PREFIXES = [
    "", "", "  ", "   ", "    ", "\t", "> ", ">", "- ", "* ", "+ ", "1. ", "10) ", "- [ ] ", "- [x] ",
    "# ", "### ", "```", "~~~", "| ", "<!-- ", "<div>",
]
LINE_CONTENTS = [
    "", "TBD", "fast", "a | b |", "|---|---|", "| c | d |", "---", "===", "* * *", "text", "`code`", "-->",
    "</div>", "**bold** _em_", "[link](https://example.com)", "\\|", "é\u00a0", "\u2028", "title: x",
]
line = st.tuples(
    st.lists(st.sampled_from(LINE_PREFIXES), max_size=3).map("".join),
    st.sampled_from(LINE_CONTENTS) | st.text(max_size=6),
).map("".join)
markdown_like = st.tuples(st.lists(line, max_size=25), st.sampled_from(["\n", "\r\n", "\r"])).map(
    lambda parts: parts[1].join(parts[0])
)


def assert_positions_are_real(document: Document) -> None:
    """Every span lies inside the document, and every text segment is the source at its position."""
    last_line = max(len(document.lines), 1)

    def check_span(span: Span) -> None:
        assert 1 <= span.start.line <= span.end.line <= last_line, span
        assert span.start.column >= 1 and span.start <= span.end, span

    def check_segment(segment: TextSegment) -> None:
        line = document.line_text(segment.line)
        assert line[segment.column - 1 : segment.column - 1 + len(segment.text)] == segment.text, segment

    for section in document.root.walk():
        check_span(section.span)
        if section.heading is not None:
            check_span(section.heading.span)
            for segment in section.heading.segments:
                check_segment(segment)
    for _, block in document.iter_blocks():
        check_span(block.span)
        segments = []
        if isinstance(block, Paragraph):
            segments = block.segments
        elif isinstance(block, Table):
            segments = [segment for row in [block.header, *block.rows] for cell in row for segment in cell.segments]
        elif isinstance(block, HtmlBlock):
            for comment in block.comments:
                check_span(comment.span)
        elif isinstance(block, CodeBlock):
            segments = block.lines
        for segment in segments:
            check_segment(segment)


@settings(max_examples=400, deadline=None)
@given(markdown_like)
def test_parse_never_raises_and_positions_are_real(text: str) -> None:
    assert_positions_are_real(parse(text))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_parse_never_raises_on_any_unicode(text: str) -> None:
    assert_positions_are_real(parse(text))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_decode_returns_text_or_a_read_error(data: bytes) -> None:
    try:
        text = files.decode(data)
    except files.ReadError as error:
        assert str(error)
    else:
        parse(text)


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), pytest.raises(SystemExit) as exit_info:
        main(list(args))
    return exit_info.value.code, out.getvalue(), err.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200) | markdown_like.map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_check_command_never_shows_a_traceback(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "spec.md"
        path.write_bytes(data)
        code, out, err = run_cli("check", str(path))
    assert code in (0, 1, 2)
    assert "Traceback" not in out + err
    assert "internal error" not in err
    assert "failed on" not in err  # no rule crashed
    if code == 2:
        assert err.startswith("speclint: ")
