"""The safe fixes rules attach to their findings, built from the parsed document.

Each builder returns a `Fix` (or None when the change would not be safe), never writes. They are
used by ST002 (insert a missing section as a skeleton), ST006 (repair a heading-level jump), TR003
(point a broken link at the one heading it almost names) and the suppression stage's ST100
(delete a suppression comment that silences nothing).
"""

from __future__ import annotations


from speclint.authoring.guidance import guidance_comment
from speclint.document.model import Document, Position, Section, Span
from speclint.fixes import Fix, TextEdit
from speclint.lazy_regex import lazy_compile

_ATX_OPENING = lazy_compile(r"^(?P<indent> {0,3})(?P<marks>#{1,6})(?=[ \t]|$)")


def section_skeleton(name: str, level: int) -> str:
    """A heading and its guidance comment, followed by a blank line."""
    return f"{'#' * level} {name}\n\n{guidance_comment(name)}\n\n"


def insert_section_before(document: Document, line: int, name: str, level: int) -> Fix:
    """Insert the skeleton of section `name` at the start of 1-based `line` (a heading's line)."""
    at = Position(line, 1)
    return Fix(f"Insert a '{name}' section", (TextEdit(Span(at, at), section_skeleton(name, level)),))


def insert_section_after(document: Document, line: int, name: str, level: int) -> Fix:
    """Insert the skeleton of section `name` after 1-based `line` (a section's last line)."""
    skeleton = section_skeleton(name, level).rstrip("\n") + "\n"
    if line < len(document.lines):
        at = Position(line + 1, 1)
        return Fix(f"Insert a '{name}' section", (TextEdit(Span(at, at), "\n" + skeleton),))
    if document.source.endswith(("\n", "\r")):
        at = Position(len(document.lines) + 1, 1)  # the end of the text
        return Fix(f"Insert a '{name}' section", (TextEdit(Span(at, at), "\n" + skeleton),))
    last = len(document.lines)
    at = Position(last, len(document.line_text(last)) + 1)  # a last line with no line ending
    return Fix(f"Insert a '{name}' section", (TextEdit(Span(at, at), "\n\n" + skeleton),))


def relevel_heading(document: Document, section: Section, level: int) -> Fix | None:
    """Make `section`'s heading `level` deep and move its subsections up or down with it, so
    that they stay below it without skipping a level themselves. None for a setext heading."""
    shift = level - section.level
    edits = []
    for part in section.walk():
        heading = part.heading
        if heading is None:
            continue
        line = heading.span.start.line
        text = document.line_text(line)
        opening = _ATX_OPENING.match(text)
        if opening is None or len(opening["marks"]) != part.level:
            return None  # a setext heading, or one inside a container: not ours to rewrite
        new_level = part.level + shift
        if not 1 <= new_level <= 6:
            return None
        start = Position(line, opening.start("marks") + 1)
        edits.append(TextEdit(Span(start, Position(line, opening.end("marks") + 1)), "#" * new_level))
    if not edits:
        return None
    return Fix(f"Make '{section.title}' a level-{level} heading", tuple(edits))


def retarget_link(span: Span, anchor: str) -> Fix:
    """Replace a link's `#fragment` (the span starts at `#`) with `#anchor`."""
    return Fix(f"Link to '#{anchor}'", (TextEdit(span, f"#{anchor}"),))


def delete_comment(document: Document, span: Span) -> Fix:
    """Delete the HTML comment at `span`: its whole lines when nothing else stands on them, else
    the comment and the blanks before it."""
    first, last = span.start.line, span.end.line
    before = document.line_text(first)[: span.start.column - 1]
    after = document.line_text(last)[span.end.column - 1 :]
    if not before.strip() and not after.strip():
        start = Position(first, 1)
        end = Position(last + 1, 1) if last < len(document.lines) else Position(last, len(document.line_text(last)) + 1)
        if last >= len(document.lines) and first > 1:
            # The last line: take the line ending before it instead.
            start = Position(first - 1, len(document.line_text(first - 1)) + 1)
        return Fix("Remove the unused suppression comment", (TextEdit(Span(start, end), ""),))
    blanks = len(before) - len(before.rstrip())
    start = Position(first, span.start.column - blanks)
    return Fix("Remove the unused suppression comment", (TextEdit(Span(start, span.end), ""),))


def delete_name(names: list[tuple[str, Span]], span: Span) -> Fix | None:
    """Delete one rule name (at `span`) from a suppression comment's list, with its separator."""
    spans = [name_span for _, name_span in names]
    if span not in spans or len(spans) < 2:
        return None
    index = spans.index(span)
    if index > 0:
        removed = Span(spans[index - 1].end, span.end)  # ", NAME"
    else:
        removed = Span(span.start, spans[1].start)  # "NAME, "
    if removed.start.line != removed.end.line:
        return None
    return Fix("Remove the rule that suppressed nothing from the comment", (TextEdit(removed, ""),))
