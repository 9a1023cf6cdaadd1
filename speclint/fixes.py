"""Fixes: what a rule proposes to change, as data, and the one place that applies it to a text.

A rule never writes. It attaches a `Fix` (a description and `TextEdit`s at speclint positions:
1-based lines, code-point columns, end exclusive) to its `Violation`; the engine copies it to the
`Finding`. `apply_fixes` turns the fixes of one file's findings into the new text: `speclint check
--fix` writes it, `--diff` shows it, the language server sends the same edits as code actions.

Edits that overlap an edit already taken are left for the next round (the CLI lints the fixed text
again until nothing changes), as ruff does; edits at the same place are applied in the order of
their findings, so that two sections inserted before the same heading keep the profile's order.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from speclint.document.model import Position, Span
from speclint.lazy_regex import lazy_compile
from speclint.record import Record

_LINE = lazy_compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


class TextEdit(Record):
    """Replace the text in `span` with `new_text` (an insertion when the span is empty).

    `new_text` uses `\\n` line endings; they become the file's own when applied.
    """

    __slots__ = ("span", "new_text")

    def __init__(self, span: Span, new_text: str) -> None:
        self.span = span
        self.new_text = new_text


class Fix(Record):
    """A safe change that removes one finding: what it does, in a few words, and its edits."""

    __slots__ = ("description", "edits")

    def __init__(self, description: str, edits: tuple[TextEdit, ...]) -> None:
        self.description = description
        self.edits = edits


class FixOutcome(Record):
    """The fixed text and how many fixes went into it."""

    __slots__ = ("text", "applied")

    def __init__(self, text: str, applied: int) -> None:
        self.text = text
        self.applied = applied


class LineIndex:
    """Turns speclint positions into offsets in a text as read (BOM and any line endings kept)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.bom = 1 if text.startswith("\ufeff") else 0
        self.starts: list[int] = []
        self.contents: list[str] = []  # each line without its ending
        offset = self.bom
        for match in _LINE.finditer(text, self.bom):
            self.starts.append(offset)
            self.contents.append(match.group().rstrip("\r\n"))
            offset = match.end()
        self.end = len(text)
        newline = re.search(r"\r\n|\r|\n", text)
        self.newline = newline.group() if newline else "\n"

    def offset(self, position: Position) -> int:
        """The offset of `position`; a column past a line's end is its end, a line past the last is the end."""
        index = position.line - 1
        if index < 0:
            return self.bom
        if index >= len(self.starts):
            return self.end
        return self.starts[index] + min(max(position.column - 1, 0), len(self.contents[index]))


def apply_fixes(text: str, fixes: Iterable[Fix]) -> FixOutcome:
    """`text` with every fix applied whose edits overlap no fix taken before it."""
    index = LineIndex(text)
    taken: list[tuple[int, int, int, str]] = []  # start, end, order, new text
    applied = 0
    for order, fix in enumerate(fixes):
        ranges = [(index.offset(edit.span.start), index.offset(edit.span.end), edit.new_text) for edit in fix.edits]
        if any(_overlaps(start, end, other_start, other_end) for start, end, _ in ranges
               for other_start, other_end, _, _ in taken):
            continue
        taken.extend((start, end, order, new_text) for start, end, new_text in ranges)
        applied += 1
    pieces = []
    cursor = 0
    for start, end, _, new_text in sorted(taken, key=lambda edit: (edit[0], edit[2])):
        pieces.append(text[cursor:start])
        pieces.append(new_text.replace("\n", index.newline) if index.newline != "\n" else new_text)
        cursor = max(cursor, end)
    pieces.append(text[cursor:])
    return FixOutcome("".join(pieces), applied)


def _overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    """Two replacements overlap when they share a character; insertions at one point do not
    conflict with each other, but one inside a replaced range does."""
    if start == end and other_start == other_end:
        return False
    if start == end:
        return other_start < start < other_end
    if other_start == other_end:
        return start < other_start < end
    return start < other_end and other_start < end


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of one file, as `git diff` shows it (`a/` and `b/` prefixes)."""
    import difflib  # only `check --diff` and editors need it

    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path.lstrip('/')}", f"b/{path.lstrip('/')}"
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def fixes_of(findings: Sequence[object]) -> list[Fix]:
    """The fixes attached to `findings`, in their order."""
    return [fix for finding in findings if (fix := getattr(finding, "fix", None)) is not None]
