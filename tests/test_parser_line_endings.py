"""CRLF and CR line endings and a UTF-8 byte order mark never shift a position."""

from __future__ import annotations

import re

import pytest

from speclint.document.model import Document, ListItem, Position, Table
from speclint.document.parser import parse
from speclint.document.text import find_all, iter_prose

LF_SPEC = (
    "---\n"
    "title: Refunds\n"
    "---\n"
    "# Refunds\n"
    "\n"
    "- Partial refunds\n"
    "  - limit: TBD\n"
    "\n"
    "| Case | Owner |\n"
    "|------|-------|\n"
    "| fraud | TBD |\n"
)


def snapshot(document: Document) -> list[tuple]:
    """What rules see of a document: heading, item and cell positions, front matter, TBD spans."""
    marker = re.compile(r"TBD")
    return [
        [section.heading.span for section in document.sections()],
        [block.span for _, block in document.iter_blocks() if isinstance(block, ListItem)],
        [cell.span for _, block in document.iter_blocks() if isinstance(block, Table) for cell in block.rows[0]],
        document.front_matter.key_position("title"),
        [span for prose in iter_prose(document) for _, span in find_all(marker, prose.segments)],
    ]


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(LF_SPEC.replace("\n", "\r\n"), id="crlf"),
        pytest.param(LF_SPEC.replace("\n", "\r"), id="cr"),
        pytest.param("\ufeff" + LF_SPEC, id="bom"),
        pytest.param("\ufeff" + LF_SPEC.replace("\n", "\r\n"), id="bom-crlf"),
    ],
)
def test_line_endings_and_bom_give_the_same_positions_as_lf(variant: str) -> None:
    assert snapshot(parse(variant)) == snapshot(parse(LF_SPEC))


def test_positions_in_a_crlf_document_are_those_an_editor_shows() -> None:
    document = parse(LF_SPEC.replace("\n", "\r\n"))
    tbd_spans = [span for prose in iter_prose(document) for _, span in find_all(re.compile("TBD"), prose.segments)]
    assert [(span.start, span.end) for span in tbd_spans] == [
        (Position(7, 12), Position(7, 15)),
        (Position(11, 11), Position(11, 14)),
    ]
    assert document.lines[6] == "  - limit: TBD"


def test_bom_is_not_part_of_the_first_line() -> None:
    document = parse("\ufeff# Refunds\n")
    [section] = document.sections()
    assert section.title == "Refunds"
    assert section.heading.span.start == Position(1, 1)
    assert document.lines == ["# Refunds"]
