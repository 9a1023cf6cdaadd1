"""A document's header: the lines its metadata fields stand on (front matter, the title and the lines
under it). Kept apart from `speclint.reading.metadata`, which a one-file run should not import (json,
datetime, dataclasses) for rules that only read a few lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from speclint.document.model import Document

#: How far down a document its header fields may be read (front matter, a title and its lines).
_HEADER_LIMIT = 60


def header_lines(document: Document) -> range:
    """Line numbers of a document's header: from the first line to the first heading below the
    title (a `##`, or a second `#`), at most `_HEADER_LIMIT` lines. Front matter is included."""
    end = min(len(document.lines), _HEADER_LIMIT)
    titles = 0
    for section in document.root.walk():
        heading = section.heading
        if heading is None:
            continue
        if heading.level == 1 and titles == 0:
            titles += 1
            continue
        end = min(end, heading.span.start.line - 1)
        break
    return range(1, end + 1)
