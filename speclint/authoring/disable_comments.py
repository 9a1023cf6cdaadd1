"""Where an editor's "disable" quick fix may put a suppression comment without changing the document.

A comment line inside a code block becomes part of the example; inside a table it ends the table;
between the lines of a paragraph or a list item it splits them (and the new comment is then
reported as unused, because `disable-next-line` covers one line). So:

- a finding on the first line of a block (or on a heading) gets `disable-next-line` right above it;
- a finding further inside a block gets `disable RULE` above the whole top-level block (the list,
  the table, the code block, the quote) and `enable RULE` below it;
- a finding in front matter gets no line or block comment: only disable-section or disable-file.

The plans are 1-based line insertions, in speclint's numbering; the language server turns them
into LSP edits.
"""

from __future__ import annotations

from dataclasses import dataclass

from speclint.document.model import Block, Document, Section


@dataclass(frozen=True)
class Insertion:
    """Insert `text` (one or more whole lines, `\\n`-ended) before 1-based `line`; a line past the
    last means the end of the document."""

    line: int
    text: str


@dataclass(frozen=True)
class BlockPlan:
    """How to silence a rule on one line: `next_line` (one comment above it) or `block` (a
    disable/enable pair around the block holding it)."""

    kind: str  # "next-line" or "block"
    first: int  # the block's first line
    last: int  # the block's last line


def in_front_matter(document: Document, line: int) -> bool:
    front_matter = document.front_matter
    return front_matter is not None and front_matter.span.start.line <= line <= front_matter.span.end.line


def top_level_block(document: Document, line: int) -> Block | None:
    """The block directly under a section (not nested in a list or quote) that holds `line`."""
    for section in document.root.walk():
        for block in section.blocks:
            if block.span.start.line <= line <= block.span.end.line:
                return block
    return None


def plan_for_line(document: Document, line: int) -> BlockPlan | None:
    """How a comment can silence a finding on `line`; None inside front matter."""
    if in_front_matter(document, line):
        return None
    block = top_level_block(document, line)
    if block is None or block.span.start.line == line:
        return BlockPlan("next-line", line, line)  # a heading, a blank line, or a block's first line
    return BlockPlan("block", block.span.start.line, block.span.end.line)


def block_insertions(document: Document, plan: BlockPlan, rule_id: str) -> list[Insertion]:
    """`disable RULE` above the block and `enable RULE` below it."""
    return [
        Insertion(plan.first, f"<!-- speclint-disable {rule_id} -->\n"),
        Insertion(plan.last + 1, f"<!-- speclint-enable {rule_id} -->\n"),
    ]


def section_at(document: Document, line: int) -> Section | None:
    """The innermost section with a heading that holds `line` (None in the preamble)."""
    found = None
    for section in document.sections():
        if section.span.start.line <= line <= section.span.end.line:
            found = section
    return found


def section_insertion(document: Document, line: int, rule_id: str) -> Insertion | None:
    """`disable-section RULE` on the line after the heading of the section holding `line`."""
    if in_front_matter(document, line):
        return None
    section = section_at(document, line)
    if section is None or section.heading is None:
        return None
    return Insertion(section.heading.span.end.line + 1, f"<!-- speclint-disable-section {rule_id} -->\n")
