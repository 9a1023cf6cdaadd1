"""Markdown source -> `Document`: mistune 3 finds the block structure, this module adds positions.

mistune's block tokens carry no positions, and the text of nested blocks has container markers
(`> `, list indentation) already removed. Tokens come out in document order, though, and each one
says enough about its first line to find it: a paragraph's first line of text, a fence marker, a
list marker, a `>`. So the `_Locator` walks the token tree with a line cursor that only moves
forward, finds each block's first line at or after the cursor, and derives the last line from what
the token holds (its number of text lines, code lines, table rows, or its last child). On the first
line of a list item or quote, its children are searched after the container's marker (`floor`).
This keeps positions exact and costs one pass over the lines.

Three things mistune does differently from GitHub are adjusted before the locator runs: lines of
spaces and tabs are blanked (they are blank lines), a block quote's token is kept before the block
that ended it (document order), and pipe tables are read as GitHub reads them. The positions are
checked against markdown-it-py on the whole corpus (tests/test_corpus_positions.py).
"""

from __future__ import annotations

import gc
import re
from typing import Any, Callable, Union

from speclint.document.model import (
    Block,
    BlockQuote,
    CodeBlock,
    Document,
    FrontMatter,
    FrontMatterError,
    Heading,
    HtmlBlock,
    HtmlComment,
    ListBlock,
    ListItem,
    Paragraph,
    Position,
    Section,
    Span,
    Table,
    TableCell,
    TextSegment,
    ThematicBreak,
)
from speclint.document.text import SlugRegistry, join_segments, position_at, strip_inline, trim_text_caches
from speclint.lazy_regex import lazy_compile
from speclint.startup_store import compile_pattern, compiling_from_the_store

_LINE_BREAK = lazy_compile(r"\r\n|\r|\n")
# Any indentation: inside a list item a quote marker stands at the item's content column.
_QUOTE_MARKER = lazy_compile(r"[ \t]*>[ ]?")
_LIST_MARKER = lazy_compile(r"[ \t]*([-*+]|\d{1,9}[.)])(?=[ \t]|$)")
_TASK_BOX = lazy_compile(r"[ \t]*\[([ xX])\](?=[ \t]|$)")
# Three or more of one of `-*_`, spaces and tabs between: written without a repeated group, as
# `re` keeps a backtracking record per repetition of a group (160 bytes a character on a 1 MB line).
_THEMATIC_BREAK = lazy_compile(r"[ \t>]*(-[ \t]*-[ \t]*-[- \t]*|_[ \t]*_[ \t]*_[_ \t]*|\*[ \t]*\*[ \t]*\*[* \t]*)$")
# A line of spaces and tabs, with the line break before it: led by a literal `\n`, `re` finds
# the candidates at C speed (`^[ \t]+$` with `re.M` was tried at every position of the text).
_WHITESPACE_LINE = lazy_compile(r"\n[ \t]+(?=\n)")
_ATX_CLOSING = lazy_compile(r"(?:^|[ \t]+)#*[ \t]*$")
_LINK_DEFINITION = lazy_compile(r"\[[^\]]+\]:[ \t]*\S")
_DELIMITER_CELL = lazy_compile(r":?-+:?$")
_FENCE_CLOSE = lazy_compile(r"[ \t]*(`{3,}|~{3,})[ \t]*$")
_COMMENT = lazy_compile(r"<!--(.*?)(?:-->|$)", re.S)
_SCAN_WINDOW = 400  # how far to look for a block's first line before falling back
# Lists and quotes nested deeper than this are read as text. Each level re-reads the rest of the
# item, so a line of `1. 1. 1. …` costs the square of its nesting: the bound keeps parsing linear
# in the size of the text. The corpus's deepest document nests 7 levels; mistune's own default
# is 6 in 3.0 and 20 in 3.4, so it is fixed here.
MAX_NESTING = 12
# mistune's patterns for these two lines repeat a group (`(?:\*[ \t]*){3,}`, `(=|-){1,}`), and
# `re` keeps a backtracking record per repetition: a 1 MB line of `*` took 500 MB. The same
# lines, matched with repeated character classes only (same groups, same meaning).
_LINEAR_BLOCK_PATTERNS = {
    "thematic_break": r"^ {0,3}(-[ \t]*-[ \t]*-[- \t]*|_[ \t]*_[ \t]*_[_ \t]*|\*[ \t]*\*[ \t]*\*[* \t]*)$",
    "setex_heading": r"^ {0,3}[=-]*(?P<setext_1>[=-])[ \t]*$",
}

_markdown: Any = None


def _block_parser() -> Any:
    """mistune's block parser with GitHub tables (also inside lists and quotes), built once."""
    global _markdown
    if _markdown is None:
        from speclint.document.light_dataclass import while_mistune_loads

        # mistune's four record classes without importing dataclasses, and the patterns its modules
        # compile at import (and `string.Template`'s) built from the start-up store's code
        with while_mistune_loads(), compiling_from_the_store():
            import mistune

            _markdown = mistune.create_markdown(
                renderer=None, plugins=[
                    "table",
                    "mistune.plugins.table.table_in_list",
                    "mistune.plugins.table.table_in_quote",
                ]
            )
        _markdown.block.max_nested_level = MAX_NESTING
        for name, pattern in _LINEAR_BLOCK_PATTERNS.items():
            if name in _markdown.block.specification:
                _markdown.block.specification[name] = pattern
        _markdown.block.register("block_quote", None, _parse_block_quote_in_order)
        _take_lazy_lines_only_after_paragraph_text()
        _find_blank_lines_once_per_text()
        _compile_list_breaks_once()
        for name in ("table", "nptable"):
            _markdown.block.register(name, None, _parse_gfm_table)
        _compile_mistune_patterns_from_the_store()
        _scan_by_line_starts(_markdown.block)
        _try_indented_code_only_after_indentation(_markdown.block)
        _read_link_destinations_by_runs()
    return _markdown.block


# Characters `_parse_link_href` passes over one by one without a decision: none of ASCII
# whitespace or control characters (at or below the space, and DEL), the backslash and parentheses.
_ORDINARY_HREF_RUN = lazy_compile(r"[^\x00-\x20\x7f\\()]+")


def _read_link_destinations_by_runs() -> None:
    """Make mistune read a link reference definition's destination run by run, not character by
    character.

    mistune 3.x's `_parse_link_href` (`mistune.helpers`, BSD-3-Clause) walks the destination in a
    Python loop, deciding only at whitespace, control characters, backslashes and parentheses: 10%
    of the RFC folder's parse is that loop over URLs. This is the same loop, which skips each run of
    other characters with one match. Installed only where mistune's helper is the one this was
    written from (its whitespace set, and the helpers it calls).
    """
    from mistune import helpers

    original = getattr(helpers, "_parse_link_href", None)
    skip_whitespace = getattr(helpers, "_skip_link_start_whitespace", None)
    angle_href = getattr(helpers, "_parse_angle_link_href", None)
    if (original is None or skip_whitespace is None or angle_href is None or getattr(original, "speclint", False)
            or getattr(helpers, "ASCII_WHITESPACE", None) != " \t\n\r\f"):
        return
    whitespace = helpers.ASCII_WHITESPACE
    punctuation = helpers.string.punctuation
    ordinary_run = _ORDINARY_HREF_RUN.match

    def parse_link_href(src: str, start_pos: int, block: bool = False, *,
                        max_nested_level: int = helpers.DEFAULT_MAX_NESTED_LEVEL) -> tuple[Any, Any, int]:
        pos = skip_whitespace(src, start_pos)
        if pos >= len(src):
            return None, None, pos
        if src[pos] == "<":
            href, href_pos = angle_href(src, pos)
            if href is None:
                return None, None, pos
            return href, href_pos, href_pos
        if block and src[pos] in whitespace:
            return None, None, pos
        start = pos
        level = 0
        length = len(src)
        while pos < length:
            run = ordinary_run(src, pos)
            if run is not None:
                pos = run.end()
                if pos >= length:
                    break
            c = src[pos]
            if c in whitespace:
                break
            if ord(c) < 32 or c == "\x7f":
                return None, None, pos
            if c == "\\" and pos + 1 < length and src[pos + 1] in punctuation:
                pos = min(pos + 2, length)
                continue
            if c == "(":
                level += 1
                if level > max_nested_level:
                    return None, None, pos
            elif c == ")":
                if level == 0:
                    break
                level -= 1
            pos += 1
        if level != 0:
            return None, None, pos
        return src[start:pos], pos, pos

    parse_link_href.speclint = True  # type: ignore[attr-defined]
    parse_link_href.mistune_original = original  # type: ignore[attr-defined]
    helpers._parse_link_href = parse_link_href


def _try_indented_code_only_after_indentation(block: Any) -> None:
    """Ask mistune's indented-code test only of lines that start with a space or a tab.

    mistune's block loop calls `_parse_indent_code_fast` before every block (100,000 times over the
    RFC folder): it slices the line and tests its indentation, and returns None, with nothing
    changed, unless the line starts with four spaces or with spaces and a tab. A line that starts
    with anything else is answered None at once, without the slice (the same answer).
    """
    original = getattr(block, "_parse_indent_code_fast", None)
    if original is None:
        return

    def parse_indent_code_fast(state: Any) -> Any:
        first = state.src[state.cursor : state.cursor + 1]
        if first != " " and first != "\t":
            return None
        return original(state)

    block._parse_indent_code_fast = parse_indent_code_fast


class _StoredRe:
    """The `re` module as mistune's parsing modules see it: the same, except that `compile` takes
    the code from `speclint.startup_store` (mistune compiles its scanners and its list patterns
    while it parses: some 5 ms of a one-file run)."""

    def __init__(self, module: Any) -> None:
        self._module = module

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        return compile_pattern(pattern, flags)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)


def _compile_mistune_patterns_from_the_store() -> None:
    import sys

    for name in ("mistune.core", "mistune.block_parser", "mistune.list_parser", "mistune.inline_parser"):
        module = sys.modules.get(name)
        if module is not None and getattr(module, "re", None) is re:
            module.re = _StoredRe(re)  # type: ignore[attr-defined]


_FENCE_OPEN = lazy_compile(r" {0,3}(`{3,}(?=[^`]*$)|~{3,})")


class _LineStartScanner:
    """One of mistune's block scanners (`compile_sc`: an alternation of its block rules, each
    anchored at a line start), searched line start by line start.

    mistune's block loop searches the scanner forward from a line that starts no block (the end of
    a paragraph that starts with punctuation or a digit), and `_parse_plain_paragraph` matches it
    at each line of a paragraph in a Python loop. `re` has no literal to look for in the
    alternation, so a search tried each rule at every position of the text: 15% of a parse. A
    rule can only match where a line starts, so the same match is found by looking for a `\n`
    followed by a rule (`re` finds a leading literal at C speed) and matching there.
    """

    __slots__ = ("pattern", "match", "_after_break", "_paragraph_end")

    def __init__(self, pattern: re.Pattern[str], first_characters: str | None = None) -> None:
        self.pattern = pattern
        rules = pattern.pattern
        if first_characters is not None:
            # The same pattern behind a look-ahead at its first character: a line of prose fails
            # at once instead of after each of a dozen rules (a third of the block loop's time).
            rules = r"(?=%s)(?:%s)" % (first_characters, rules)
        self.match = compile_pattern(rules, pattern.flags).match if first_characters is not None else pattern.match
        self._after_break = compile_pattern(r"\n(?=(?:%s))" % rules, pattern.flags)
        # Where a plain paragraph ends: a line a rule starts, or a blank line as `str.strip` sees
        # it (only whitespace; `\s` is `str.isspace`), or the end of the text.
        self._paragraph_end = compile_pattern(r"\n(?=(?:%s)|[^\S\n]*(?:\n|\Z))" % rules, pattern.flags)

    def search(self, string: str, pos: int = 0) -> re.Match[str] | None:
        """`pattern.search(string, pos)`: a match only ever starts where a line starts."""
        if pos == 0 or string[pos - 1 : pos] == "\n":
            found = self.match(string, pos)
            if found is not None:
                return found
        after = self._after_break.search(string, pos)
        return None if after is None else self.match(string, after.end())

    def paragraph_end(self, string: str, start: int) -> int:
        """Where the plain paragraph whose first line starts at `start` ends (see `_scan_by_line_starts`)."""
        after = self._paragraph_end.search(string, start)
        return len(string) if after is None else after.end()


# What each of mistune 3.4's block rules (and ours) needs at the place it is tried, read from its
# pattern (whose CRC-32 is given: a rule written otherwise gets no look-ahead): a character of the
# class, or for `nptable` (any line with a pipe) a pipe before the line's end. `\\d` is any
# decimal digit, as in the list rule's `\\d{1,9}`.
_FIRST_CHARACTERS: dict[str, tuple[int, str]] = {
    "blank_line": (2647490945, " \\t\\v\\f\\n"),
    "atx_heading": (2154832167, " #"),
    "setex_heading": (3959892518, " =\\-"),
    "fenced_code": (4124975902, " `~"),
    "indent_code": (306985386, " \\t"),
    "thematic_break": (246187011, " \\-_*"),
    "ref_link": (4031831056, " \\["),
    "block_quote": (562252714, " >"),
    "list": (305295019, " *+\\-\\d"),
    "block_html": (2989188816, " <"),
    "raw_html": (2042729498, " <"),
    "table": (4207608236, " |"),
    "nptable": (2187672263, " "),  # and a pipe later on the line
}
_NPTABLE = "nptable"


def _first_characters(block: Any, names: list[str]) -> str | None:
    """A look-ahead every match of the rules `names` passes at its start, or None when a rule
    is not one `_FIRST_CHARACTERS` knows as written."""
    from zlib import crc32

    characters = ""
    for name in names:
        known = _FIRST_CHARACTERS.get(name)
        if known is None or crc32(block.specification.get(name, "").encode()) != known[0]:
            return None
        characters += known[1]
    return "[%s]|[^\\n|]*\\|" % characters if _NPTABLE in names else "[%s]" % characters


def _scan_by_line_starts(block: Any) -> None:
    """Give mistune's block parser `_LineStartScanner`s, and a `_parse_plain_paragraph` that
    finds a paragraph's end with one search instead of a Python loop over its lines.

    Only when every block rule is anchored at a line start (`^`), mistune's scanners are
    compiled patterns, and its paragraph helpers are those this was written for (mistune 3.4);
    otherwise mistune's own loops stay.
    """
    from mistune import block_parser

    original_compile = getattr(block, "compile_sc", None)
    original_paragraph = getattr(type(block), "_parse_plain_paragraph", None)
    is_plain_start = getattr(block_parser, "_is_plain_paragraph_start", None)
    if original_compile is None or original_paragraph is None or is_plain_start is None:
        return
    scanners: dict[re.Pattern[str], Any] = {}

    def anchored(rules: list[str] | None) -> bool:
        names = block.rules if rules is None else rules
        return all(block.specification.get(name, "").lstrip("(").startswith("^") for name in names)

    def compile_sc(rules: list[str] | None = None) -> Any:
        pattern = original_compile(rules)
        scanner = scanners.get(pattern)
        if scanner is None:
            usable = isinstance(pattern, re.Pattern) and anchored(rules)
            names = block.rules if rules is None else rules
            scanner = _LineStartScanner(pattern, _first_characters(block, names)) if usable else pattern
            scanners[pattern] = scanner
        return scanner

    def parse_plain_paragraph(state: Any, sc: Any) -> bool:
        """mistune's `_parse_plain_paragraph`: from a line that starts with a character other than
        whitespace, a digit or punctuation, the lines up to one a rule starts or a blank one."""
        if not isinstance(sc, _LineStartScanner):
            return original_paragraph(block, state, sc)
        if not is_plain_start(state.src, state.cursor):
            return False
        end = sc.paragraph_end(state.src, state.cursor)
        state.add_paragraph(state.get_text(end))
        state.cursor = end
        return True

    block.compile_sc = compile_sc
    block._parse_plain_paragraph = parse_plain_paragraph


def _take_lazy_lines_only_after_paragraph_text() -> None:
    """Make mistune's list items take a less indented line only as CommonMark does.

    A line indented less than a list item's content continues the item only as a "lazy" line of
    an open paragraph (CommonMark 5.2). mistune takes any such line that starts no other block,
    so an item whose last block is a fenced example swallowed the bold line after it, an empty
    item (`6.` alone) took the next paragraph, and a fence closed by a line less indented than
    the item swallowed what followed; all three were seen in real enhancement proposals. This
    is mistune 3.x's line collector (`mistune.list_parser`, BSD-3-Clause) with that condition
    added; with a mistune that has no such collector, mistune's own behaviour stays.
    """
    from mistune import list_parser

    original = getattr(list_parser, "_collect_list_item_lines", None)
    if original is None or getattr(original, "speclint", False):
        return
    indented = list_parser._has_continuation_indent
    dedent = list_parser._strip_continuation_indent

    def collect(block: Any, list_item_re: Any, break_sc: Any, state: Any, text: str, continue_width: int) -> Any:
        src = ""
        prev_blank_line = False
        content = _ItemContent(text)
        while state.cursor < state.cursor_max:
            raw_line = state.get_line(state.cursor)
            next_pos = state.cursor + len(raw_line)
            if block.BLANK_LINE.match(raw_line):
                src += "\n"
                prev_blank_line = True
                content.add("")
                state.cursor = next_pos
                continue
            if indented(raw_line, continue_width):
                if prev_blank_line and not text and not src.strip():
                    break  # a list item can begin with at most one blank line
                src += raw_line
                content.add(dedent(raw_line, continue_width))
                prev_blank_line = False
                state.cursor = next_pos
                continue
            line = list_parser._expand_leading_tabs(raw_line)
            line_break = list_parser._match_list_item_break(list_item_re, break_sc, state, line)
            if line_break:
                kind, match = line_break
                if kind == "list_item":
                    state.cursor = next_pos
                    next_item = list_parser._create_list_marker(match, "listitem")
                    return list_parser._ListItemLines(src, next_item=next_item, loose=prev_blank_line)
                if kind == "list":
                    break
                token_index = len(state.tokens)
                end_pos = block.parse_method(match, state)
                if end_pos:
                    return list_parser._ListItemLines(src, end_pos=end_pos, token_index=token_index)
            if prev_blank_line or not content.paragraph_open:
                break  # not a lazy line of a paragraph: the item ends here
            src += raw_line
            state.cursor = next_pos
        return list_parser._ListItemLines(src)

    collect.speclint = True  # type: ignore[attr-defined]
    list_parser._collect_list_item_lines = collect


def _find_blank_lines_once_per_text() -> None:
    """Make mistune list a text's blank lines once per parse, not once per switch of text.

    mistune 3.4 keeps the blank lines of one text only (for link reference definitions): a
    definition-like line in a list item, then one at the top level, listed the whole document's
    blank lines again, for each such pair (2% of the time of a folder of RFCs). This keeps them
    per text for the whole parse; the answer is mistune's own.
    """
    from bisect import bisect_left

    from mistune import block_parser

    original = getattr(block_parser, "_find_next_blank_line", None)
    if original is None or getattr(original, "speclint", False):
        return

    def find_next_blank_line(state: Any, pos: int, pattern: Any) -> int | None:
        by_text = state.env.setdefault("__speclint_blank_line_starts__", {})
        cached = by_text.get((id(state.src), pattern))
        if cached is None or cached[0] is not state.src:
            cached = by_text[(id(state.src), pattern)] = (state.src, _blank_line_run_starts(state.src, pattern))
        positions = cached[1]
        index = bisect_left(positions, pos)
        return positions[index] if index < len(positions) else None

    find_next_blank_line.speclint = True  # type: ignore[attr-defined]
    block_parser._find_next_blank_line = find_next_blank_line


_MISTUNE_BLANK_LINE = r"(^[ \t\v\f]*\n)+"
# The second of two line breaks in a row, after a character that is not one: where a run of
# empty lines starts (not at the text's start). Led by a literal, so `re` scans at C speed.
_EMPTY_LINE_RUN = lazy_compile(r"\n\n(?<=[^\n]\n\n)")
# A line of spaces, tabs, vertical tabs or form feeds only (after a `\n`; put one before the text).
_BLANK_LINE_NOT_EMPTY = lazy_compile(r"\n[ \t\v\f]+\n")


def _blank_line_run_starts(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Where mistune's `BLANK_LINE` matches in `text`: the start of each run of blank lines.

    `pattern.finditer` tries that pattern (no literal to look for) at every position: 8% of a
    parse. When no line holds only spaces, tabs, vertical tabs or form feeds (none at the top
    level: those lines are blanked before mistune runs), a blank line is an empty one, and a run
    starts at the text's start or at an empty line after a line with text: the same positions.
    """
    if pattern.pattern != _MISTUNE_BLANK_LINE or not pattern.flags & re.M or _BLANK_LINE_NOT_EMPTY.search("\n" + text):
        return [match.start() for match in pattern.finditer(text)]
    starts = [match.start() + 1 for match in _EMPTY_LINE_RUN.finditer(text)]
    if text.startswith("\n"):
        starts.insert(0, 0)
    return starts


def _compile_list_breaks_once() -> None:
    """Make mistune compile the pattern of what ends a list item once per indentation, not once
    per item: it builds the pattern's text again for each item and `re` looks it up by that text
    (4% of a parse). The block parser's rules are set before the first parse and never change."""
    from mistune import list_parser

    original = getattr(list_parser, "_compile_list_break_sc", None)
    if original is None or getattr(original, "speclint", False):
        return
    compiled: dict[tuple[int, int], tuple[Any, Any]] = {}

    def compile_list_break_sc(block: Any, leading_width: int) -> Any:
        known = compiled.get((id(block), leading_width))
        if known is None or known[0] is not block:
            known = compiled[(id(block), leading_width)] = (block, original(block, leading_width))
        return known[1]

    compile_list_break_sc.speclint = True  # type: ignore[attr-defined]
    list_parser._compile_list_break_sc = compile_list_break_sc


class _ItemContent:
    """Just enough of a list item's content to know whether its last block is an open paragraph:
    the item has text, its last line is not blank, and no fence is open or just closed."""

    def __init__(self, first_line: str) -> None:
        self.fence = ""  # the marker of the open fence
        self.paragraph_open = False
        self.add(first_line.rstrip("\n"))

    def add(self, line: str) -> None:
        stripped = line.strip(" \t")
        if self.fence:
            if stripped.startswith(self.fence) and not stripped.strip(self.fence[0]) and _indent_width(line) <= 3:
                self.fence = ""
            return
        opening = _FENCE_OPEN.match(line)
        if opening:
            self.fence, self.paragraph_open = opening.group(1), False
            return
        self.paragraph_open = bool(stripped) and (self.paragraph_open or _indent_width(line) < 4)


def _table_cells(line: str) -> list[str] | None:
    """A table row's cells as GitHub splits them: outer pipes optional, `\\|` is a pipe in a cell."""
    text = line.strip(" \t\n")
    if "|" not in text:
        return None
    if "\\" not in text:  # no escaped pipe: every pipe splits (the loop below, at C speed)
        cells = [cell.strip(" \t") for cell in text.split("|")]
        if text.startswith("|"):
            cells.pop(0)
        if len(cells) > 1 and text.endswith("|"):
            cells.pop()
        return cells
    cells, start = [], 0
    for index in _unescaped_pipes(text):
        cells.append(text[start:index].strip(" \t"))
        start = index + 1
    cells.append(text[start:].strip(" \t"))
    if text.startswith("|"):
        cells.pop(0)
    if len(cells) > 1 and text.endswith("|") and not _escaped(text, len(text) - 1):
        cells.pop()
    return cells


def table_cells(line: str) -> list[str] | None:
    """A line's cells as GitHub splits a table row (None when it holds no pipe), for rules that read
    lines of pipes the parser did not take for a table, or the cells past a header's."""
    return _table_cells(line)


def _parse_gfm_table(block: Any, m: Any, state: Any) -> int | None:
    """A pipe table as GitHub reads it (mistune's table rule wants a pipe at both ends of the
    header when it starts with one, and drops the whole table when one row has a cell more or
    less). The header and delimiter rows must have as many cells; body rows may have any number
    (GitHub pads or cuts them); the table ends at a line without a pipe.

    Only the locator reads the token (`_Locator._place_table`), and it splits each row where it
    is, in the source: a body row's token holds no cells (a row has as many as the header, padded
    or cut), so a body row is only looked for its pipe here."""
    header = _table_cells(m.group(0))
    position = m.end()
    delimiter_line = state.get_line(position)
    delimiters = _table_cells(delimiter_line)
    if not header or not delimiters or len(header) != len(delimiters):
        return None
    if not all(_DELIMITER_CELL.match(cell) for cell in delimiters):
        return None
    position += len(delimiter_line)

    rows = []
    while position < state.cursor_max:
        line = state.get_line(position)
        if "|" not in line:  # `_table_cells` would give None: no pipe once spaces are stripped
            break
        rows.append({"type": "table_row"})
        position += len(line)
    cells = [{"type": "table_cell", "text": cell, "attrs": {"align": None, "head": True}} for cell in header]
    head = {"type": "table_head", "children": cells}
    state.append_token({"type": "table", "children": [head, {"type": "table_body", "children": rows}]})
    return position


def _parse_block_quote_in_order(block: Any, m: Any, state: Any) -> Any:
    """mistune's block quote rule, with the quote's token kept before the blocks that follow it.

    A quote without a blank line after it ends where a list, fence, break or HTML block starts;
    mistune parses that block while reading the quote and may add its tokens first (`> a`, `- `,
    `---`). The locator needs tokens in document order, so the quote's token, the last one the
    rule adds to this state, moves back to where the rule started.
    """
    first_new = len(state.tokens)
    added: list[dict[str, Any]] = []
    if not hasattr(state, "__dict__"):  # a future mistune with slotted states: plain behaviour
        return type(block).parse_block_quote(block, m, state)
    saved = {name: state.__dict__.get(name) for name in ("append_token", "prepend_token")}
    for name in saved:
        add = getattr(state, name)
        setattr(state, name, lambda token, add=add: (added.append(token), add(token))[1])
    try:
        end = type(block).parse_block_quote(block, m, state)
    finally:
        for name, previous in saved.items():
            if previous is None:
                del state.__dict__[name]
            else:
                setattr(state, name, previous)
    if added and added[-1].get("type") == "block_quote":
        quote = added[-1]
        for index in range(len(state.tokens) - 1, first_new, -1):
            if state.tokens[index] is quote:
                state.tokens.insert(first_new, state.tokens.pop(index))
                break
    return end


def split_lines(text: str) -> list[str]:
    """Lines without their endings; `\\r\\n`, `\\r` and `\\n` all end a line."""
    # Without a carriage return only `\n` ends a line: `str.split` gives the same list, 20 times faster.
    lines = text.split("\n") if "\r" not in text else _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def parse(source: str, path: str = "<stdin>") -> Document:
    """Parse Markdown `source` into a `Document`. Never raises on any text."""
    # Parsing allocates many small objects (tokens, blocks, spans) and no garbage cycles: the
    # cycle collector would only re-scan them, which doubles the time of a large document.
    trim_text_caches()
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse(source, path)
    finally:
        if collecting:
            gc.enable()


def _parse(source: str, path: str) -> Document:
    if source.startswith("\ufeff"):
        source = source[1:]  # a BOM is not a character of line 1
    lines = split_lines(source)
    front_matter, body_start = _front_matter(lines)
    # mistune sees the body with the front matter blanked out, so its lines keep their numbers.
    body = "\n" * body_start + "\n".join(lines[body_start:]) + "\n"
    # A line of spaces or tabs is a blank line (CommonMark 4.9); mistune reads one after a
    # heading as an empty code block and one after a paragraph as more paragraph text.
    if " \n" in body or "\t\n" in body:
        body = _WHITESPACE_LINE.sub("\n", "\n" + body)[1:]  # the `\n` in front: line 1 has one before it too
    state = _block_parser().state_cls()
    state.process(body)
    _block_parser().parse(state)
    nodes = _Locator(lines).place(state.tokens, body_start, len(lines) - 1, 0, top_level=True)
    root = _build_sections(nodes, lines)
    return Document(path=path, source=source, lines=lines, root=root, front_matter=front_matter)


# --- front matter ---------------------------------------------------------------------------

_yaml_loader: Any = None


def _front_matter(lines: list[str]) -> tuple[FrontMatter | None, int]:
    """Front matter at the top of the file, and the index of the first body line."""
    if not lines or lines[0].rstrip() != "---":
        return None, 0
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            break
    else:
        return None, 0  # a lone `---` is a thematic break, not front matter
    text = "\n".join(lines[1:index])
    span = Span.of(1, 1, index + 1, len(lines[index]) + 1)
    front_matter = FrontMatter(span=span, text=text)
    if text.strip():
        load_yaml(front_matter)
    return front_matter, index + 1


def _yaml() -> Any:
    """The round-trip YAML loader (keeps positions), built once.

    A date-like scalar that is not a real date (`2025-13-40`) stays the string it is instead of
    failing the whole file: the metadata rule then reports it at its own line, as a bad date.
    """
    global _yaml_loader
    if _yaml_loader is None:
        from ruamel.yaml import YAML
        from ruamel.yaml.constructor import RoundTripConstructor

        class _Constructor(RoundTripConstructor):
            def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
                try:
                    return super().construct_yaml_timestamp(node, values)
                except (ValueError, OverflowError):
                    return self.construct_scalar(node)

        _Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)
        _yaml_loader = YAML(typ="rt", pure=True)
        _yaml_loader.Constructor = _Constructor
    return _yaml_loader


def load_yaml(front_matter: FrontMatter) -> None:
    """Load `front_matter.text` into `data`, or set `error` at the line and column that failed."""
    from speclint.document import yaml_guard

    first_line = front_matter.yaml_first_line()
    try:
        front_matter.data = yaml_guard.load(_yaml(), front_matter.text)
    except Exception as error:  # ruamel raises many kinds; all mean "not valid YAML"
        problem = yaml_guard.describe(error, scanner_context=True)
        message = problem.message if isinstance(error, yaml_guard.YamlRefused) else f"invalid YAML: {problem.message}"
        front_matter.error = FrontMatterError(message, Position(first_line + problem.line, problem.column + 1))



# --- locating blocks ------------------------------------------------------------------------

_Node = Union[Block, Heading]
_Matcher = Callable[[str], int]  # a line -> 0-based column where the block starts, or -1


def _contains(probe: str) -> _Matcher:
    return lambda line: line.find(probe)


def _indent_width(line: str) -> int:
    """How many columns the line's leading spaces and tabs take (a tab stops at a multiple of 4)."""
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _first_text(line: str) -> int:
    stripped = line.lstrip(" \t>")
    return len(line) - len(stripped) if stripped.strip(" \t") else -1


class _Locator:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        # On the first line of a list item or quote, its children start after the container's
        # marker: `floor[line]` is that column, so `48. > 1. Reason` finds the nested `1.`,
        # not `48.`. Later lines hold only indentation and `>`s, which the matchers skip.
        self.floor: dict[int, int] = {}
        # The last line the blocks of the latest `place` call consumed. It can lie past their
        # spans, which end on the last line with content (a quote's trailing `>` lines).
        self.reached = -1
        # The content column of the innermost list item being placed (0 outside lists): a line
        # indented less is not part of the item, so it cannot close a fence opened inside it.
        self.content_column = 0

    # Each `place_*` gets the token and the first line it may start on, and returns the block
    # with the 0-based index of the block's last line.

    def place(
        self, tokens: list[dict[str, Any]], cursor: int, last: int, depth: int, top_level: bool = False
    ) -> list[_Node]:
        nodes: list[_Node] = []
        reached = cursor - 1
        for token in tokens:
            kind = token.get("type")
            if kind == "blank_line" or cursor > last:
                continue
            placer = getattr(self, f"_place_{kind}", None)
            if placer is None:
                continue
            node, end = placer(token, cursor, last, depth)
            if isinstance(node, Heading) and not top_level:
                node = Paragraph(node.span, list(node.segments))  # a heading in a list is text
            nodes.append(node)
            cursor = end + 1
            reached = max(reached, end)
        self.reached = reached
        return nodes

    def find(self, matcher: _Matcher, cursor: int, last: int) -> tuple[int, int]:
        """First line at or after `cursor` where `matcher` finds the block: (line index, column)."""
        stop = min(last, cursor + _SCAN_WINDOW)
        floor = self.floor
        for index in range(cursor, stop + 1):
            line = self.lines[index]
            if line.strip(" \t"):
                offset = floor.get(index, 0)
                column = matcher(line[offset:] if offset else line)
                if column >= 0:
                    return index, column + offset
        # mistune changed the text (tabs expanded...): take the next non-blank line.
        for index in range(cursor, last + 1):
            offset = floor.get(index, 0)
            column = _first_text(self.lines[index][offset:])
            if column >= 0:
                return index, column + offset
        return min(cursor, last), floor.get(min(cursor, last), 0)

    def text_segments(self, text_lines: list[str], start: int, column: int, last: int) -> list[TextSegment]:
        """Segments for consecutive text lines beginning at line `start`, column `column` (0-based)."""
        segments = [TextSegment(start + 1, column + 1, self.lines[start][column:].rstrip(" \t"))]
        for offset, text in enumerate(text_lines[1:], start=1):
            index = start + offset
            if index > last:
                break
            line = self.lines[index]
            probe = text.strip(" \t")
            found = line.find(probe) if probe else -1
            if found < 0:
                found = max(_first_text(line), 0)
            segments.append(TextSegment(index + 1, found + 1, line[found:].rstrip(" \t")))
        return segments

    def span(self, start: int, column: int, end: int) -> Span:
        end_column = len(self.lines[end].rstrip(" \t")) + 1
        if end == start:
            end_column = max(end_column, column + 1)
        return Span.of(start + 1, column + 1, end + 1, end_column)

    def _place_paragraph(self, token: dict[str, Any], cursor: int, last: int, depth: int) -> tuple[_Node, int]:
        text_lines = token["text"].rstrip("\n").split("\n")
        probe = text_lines[0].strip(" \t")
        start, column = self.find(_contains(probe) if probe else _first_text, cursor, last)
        end = min(start + len(text_lines) - 1, last)
        segments = self.text_segments(text_lines, start, column, last)
        return Paragraph(self.span(start, column, end), segments), end

    _place_block_text = _place_paragraph

    def _place_heading(self, token: dict[str, Any], cursor: int, last: int, depth: int) -> tuple[_Node, int]:
        raw = token["text"].rstrip("\n")
        level = token["attrs"]["level"]
        if token.get("style") == "setext":
            text_lines = raw.split("\n")
            start, column = self.find(_contains(text_lines[0].strip(" \t")), cursor, last)
            end = min(start + len(text_lines), last)  # the underline
            segments = self.text_segments(text_lines, start, column, end - 1 if end > start else end)
        else:
            opening = _atx_opening(level)

            def matcher(line: str) -> int:
                match = opening.match(line)
                return match.start(1) if match else -1

            start, column = self.find(matcher, cursor, last)
            end = start
            line = self.lines[start]
            text_column = line.find(raw, column + level) if raw else -1
            if text_column >= 0:
                segments = [TextSegment(start + 1, text_column + 1, raw)]
            else:  # mistune changed the text (tabs...): the segment is what the line holds
                rest = _ATX_CLOSING.sub("", line[column + level :]).strip(" \t")
                text_column = line.find(rest, column + level) if rest else len(line.rstrip(" \t"))
                segments = [TextSegment(start + 1, text_column + 1, rest)]
        text = strip_inline(" ".join(raw.split()))
        span = self.span(start, column, end)
        return Heading(span, level, text, raw, segments[0], tuple(segments)), end

    def _place_block_code(self, token: dict[str, Any], cursor: int, last: int, depth: int) -> tuple[_Node, int]:
        raw: str = token.get("raw", "")
        fenced = token.get("style") == "fenced"
        code_lines = raw.split("\n")
        if code_lines and code_lines[-1] == "":
            code_lines.pop()
        if fenced:
            start, column = self.find(_contains(token["marker"]), cursor, last)
            first_code = start + 1
            end = min(start + len(code_lines) + 1, last)
            closing = _FENCE_CLOSE.match(_strip_quotes(self.lines[end], depth)) if end > start else None
            if (
                closing is None
                or closing.group(1)[0] != token["marker"][0]
                or _indent_width(closing.string) < self.content_column  # the item ended before this line
            ):
                end = min(start + len(code_lines), last)  # unclosed: runs to the container's end
        else:
            probe = code_lines[0].strip(" \t") if code_lines else ""
            start, column = self.find(_contains(probe) if probe else _first_text, cursor, last)
            first_code = start
            end = min(start + len(code_lines) - 1, last)
        segments = []
        for offset, code in enumerate(code_lines):
            index = first_code + offset
            if index > last:
                break
            line = self.lines[index]
            if code and line.endswith(code):
                segments.append(TextSegment(index + 1, len(line) - len(code) + 1, code))
            else:  # mistune expanded tabs or dropped indentation: keep the source text
                found = max(_first_text(line), self.floor.get(index, 0))
                segments.append(TextSegment(index + 1, found + 1, line[found:]))
        info = (token.get("attrs") or {}).get("info", "")
        return CodeBlock(self.span(start, column, max(end, start)), raw, info, fenced, segments), max(end, start)

    def _place_thematic_break(self, token: dict[str, Any], cursor: int, last: int, depth: int) -> tuple[_Node, int]:
        def matcher(line: str) -> int:
            match = _THEMATIC_BREAK.match(line)
            return match.start(1) if match else -1

        start, column = self.find(matcher, cursor, last)
        return ThematicBreak(self.span(start, column, start)), start

    def _place_block_html(self, token: dict[str, Any], cursor: int, last: int, depth: int) -> tuple[_Node, int]:
        raw: str = token.get("raw", "")
        raw_lines = raw.rstrip("\n").split("\n")
        probe = raw_lines[0].strip(" \t")
        start, column = self.find(_contains(probe) if probe else _first_text, cursor, last)
        end = min(start + len(raw_lines) - 1, last)
        segments = self.text_segments(raw_lines, start, column, last)
        text, offsets = join_segments(segments)
        comments = []
        for match in _COMMENT.finditer(text):
            begin = position_at(offsets, match.start())
            finish = position_at(offsets, max(match.end() - 1, match.start()))
            span = Span(begin, Position(finish.line, finish.column + 1))
            comments.append(HtmlComment(span, " ".join(match.group(1).split())))
        return HtmlBlock(self.span(start, column, end), raw, comments), end

    def _place_block_quote(self, token: dict[str, Any], cursor: int, last: int, depth: int) -> tuple[_Node, int]:
        start, column = self.find(_contains(">"), cursor, last)
        # A blank line ends a quote: bounding the children's search keeps a misread child from
        # pulling the cursor past the quote.
        last, marked, with_content = self._quote_extent(start, last, depth)
        self.floor[start] = column + 1
        blocks = self.place(token.get("children", []), start, last, depth + 1)
        end = max([with_content] + [_last_line(block) for block in blocks])
        return BlockQuote(self.span(start, column, end), blocks), max(end, marked, self.reached)  # type: ignore[arg-type]

    def _quote_extent(self, start: int, last: int, depth: int) -> tuple[int, int, int]:
        """For the quote opening on line `start`: the line before the next blank one (no child
        goes further); the last of the `>` lines that follow `start` without a break (the quote
        consumes them, even blank ones); and the last of those with text (where its span ends)."""
        marked = with_content = start
        for index in range(start + 1, last + 1):
            content = _strip_quotes(self.lines[index], depth)
            if not content.strip(" \t"):
                return index - 1, marked, with_content
            if content.lstrip(" \t").startswith(">") and _indent_width(content) < self.content_column:
                return index - 1, marked, with_content  # a quote outside the list item holding this one
            if marked == index - 1 and content.lstrip(" \t").startswith(">"):
                marked = index
                if content.strip(" \t>"):
                    with_content = index
        return last, marked, with_content

    def _place_list(self, token: dict[str, Any], cursor: int, last: int, depth: int) -> tuple[_Node, int]:
        attrs = token.get("attrs", {})
        items: list[ListItem] = []
        item_cursor = cursor
        for item_token in token.get("children", []):
            if item_cursor > last:
                break
            item, end = self._place_list_item(item_token, item_cursor, last, depth)
            items.append(item)
            item_cursor = end + 1
        reached = item_cursor - 1
        if not items:
            start, column = self.find(_first_text, cursor, last)
            return ListBlock(self.span(start, column, start), bool(attrs.get("ordered"))), start
        first, final = items[0].span, items[-1].span
        span = Span(first.start, final.end)
        ordered = bool(attrs.get("ordered"))
        return ListBlock(span, ordered, items, int(attrs.get("start", 1))), max(final.end.line - 1, reached)

    def _place_list_item(self, token: dict[str, Any], cursor: int, last: int, depth: int) -> tuple[ListItem, int]:
        def matcher(line: str) -> int:
            match = _LIST_MARKER.match(_strip_quotes(line, depth))
            return match.start(1) + (len(line) - len(_strip_quotes(line, depth))) if match else -1

        start, column = self.find(matcher, cursor, last)
        line = self.lines[start]
        marker_match = _LIST_MARKER.match(line, column)
        marker = marker_match.group(1) if marker_match else ""
        after_marker = column + len(marker)
        box = _TASK_BOX.match(line, after_marker)
        checked = None if box is None else box.group(1) != " "
        self.floor[start] = after_marker
        rest = line[after_marker:]
        spaces = len(rest) - len(rest.lstrip(" "))
        content_column = after_marker + (spaces if 1 <= spaces <= 4 and rest.strip() else 1)
        content_column -= len(line) - len(_strip_quotes(line, depth))  # the column inside the quotes
        outer_column, self.content_column = self.content_column, content_column
        try:
            blocks = self.place(token.get("children", []), start, last, depth)
        finally:
            self.content_column = outer_column
        reached = self.reached
        end = max([start] + [_last_line(block) for block in blocks])
        end = self._after_link_definitions(end, last, depth, content_column)
        return ListItem(self.span(start, column, end), marker, checked, blocks), max(end, reached)  # type: ignore[arg-type]

    def _after_link_definitions(self, end: int, last: int, depth: int, content_column: int) -> int:
        """`end`, moved over the link reference definitions (`[id]: url`) indented into the list
        item that ends there: mistune keeps no token for them, but they belong to the item."""
        index = end + 1
        while index <= last:
            content = _strip_quotes(self.lines[index], depth)
            text = content.lstrip(" ")
            if not text.strip(" \t"):
                index += 1
            elif len(content) - len(text) >= content_column and _LINK_DEFINITION.match(text):
                end = index
                index += 1
            else:
                break
        return end

    def _place_table(self, token: dict[str, Any], cursor: int, last: int, depth: int) -> tuple[_Node, int]:
        start, column = self.find(_contains("|"), cursor, last)
        head: list[dict[str, Any]] = []
        rows: list[dict[str, Any]] = []
        for part in token.get("children", []):
            if part.get("type") == "table_head":
                head = part.get("children", [])
            elif part.get("type") == "table_body":
                rows = part.get("children", [])
        header = self._cells(start, len(head), depth)
        body = []
        for offset in range(2, len(rows) + 2):  # each body row has as many cells as the header (or fewer)
            if start + offset > last:
                break
            body.append(self._cells(start + offset, len(head), depth))
        end = min(start + 1 + len(rows), last)
        line = self.lines[start]
        floor = self.floor.get(start, 0)
        column = len(line) - len(_strip_quotes(line[floor:], depth).lstrip(" \t"))
        return Table(self.span(start, column, end), header, body), end

    def _cells(self, index: int, count: int, depth: int) -> list[TableCell]:
        """The cells of the table row on line `index`, split on unescaped pipes as GitHub does."""
        line = self.lines[index]
        content = _strip_quotes(line[self.floor.get(index, 0) :], depth)
        offset = len(line) - len(content)
        boundaries = _unescaped_pipes(content)
        stripped = content.rstrip()
        if not boundaries or content[: boundaries[0]].strip():
            boundaries.insert(0, -1)  # no leading pipe
        if boundaries[-1] != len(stripped) - 1:
            boundaries.append(len(stripped))  # no trailing pipe
        if count:
            del boundaries[count + 1 :]  # the cells past the header's are not kept
        cells = []
        line_number = index + 1
        for left, right in zip(boundaries, boundaries[1:]):
            raw = content[left + 1 : right]
            text = raw.strip()
            begin = offset + left + 2 + (raw.index(text) if text else len(raw))  # 1-based, past leading spaces
            cells.append(TableCell(Span(Position(line_number, begin), Position(line_number, begin + len(text))), text))
        return cells


_atx_openings: dict[int, re.Pattern[str]] = {}


def _atx_opening(level: int) -> re.Pattern[str]:
    """The `#`s of a level-`level` heading, after any container markers (`>`, `- `, `1. `)."""
    pattern = _atx_openings.get(level)
    if pattern is None:
        pattern = compile_pattern(r"(?:[ \t>]|[-*+][ \t]|\d{1,9}[.)][ \t])*(#{%d})(?!#)" % level)
        _atx_openings[level] = pattern
    return pattern


def _strip_quotes(line: str, depth: int) -> str:
    for _ in range(depth):
        match = _QUOTE_MARKER.match(line)
        if match is None:
            break
        line = line[match.end() :]
    return line


def _unescaped_pipes(text: str) -> list[int]:
    """Where `text` has a pipe not escaped by a backslash (an odd number of backslashes before it).
    Found with `str.find`, pipe to pipe: only pipes are asked whether they are escaped."""
    pipes = []
    found = text.find("|")
    if "\\" not in text:  # no backslash: every pipe counts
        while found >= 0:
            pipes.append(found)
            found = text.find("|", found + 1)
        return pipes
    while found >= 0:
        if not _escaped(text, found):
            pipes.append(found)
        found = text.find("|", found + 1)
    return pipes


def _escaped(text: str, index: int) -> bool:
    backslashes = 0
    while index > 0 and text[index - 1] == "\\":
        backslashes += 1
        index -= 1
    return backslashes % 2 == 1


def _last_line(block: _Node) -> int:
    return block.span.end.line - 1


# --- sections -------------------------------------------------------------------------------


def _build_sections(nodes: list[_Node], lines: list[str]) -> Section:
    """Nest top-level headings by level; blocks go to the section they follow."""
    last_line = max(len(lines), 1)
    root = Section(None, 0, "", Span.of(1, 1, last_line, len(lines[-1]) + 1 if lines else 1))
    stack = [root]
    slugs = SlugRegistry()
    for node in nodes:
        if isinstance(node, Heading):
            while stack[-1].level >= node.level:
                _close(stack.pop(), node.span.start.line - 1, lines)
            parent = stack[-1]
            section = Section(node, node.level, slugs.slug(node.text), node.span, parent=parent)
            parent.children.append(section)
            stack.append(section)
        else:
            stack[-1].blocks.append(node)
    while len(stack) > 1:
        _close(stack.pop(), len(lines), lines)
    return root


def _close(section: Section, last_line: int, lines: list[str]) -> None:
    """End `section` at the last non-blank line at or before `last_line` (1-based)."""
    assert section.heading is not None
    first = section.heading.span.end.line
    end = max(last_line, first)
    while end > first and not lines[end - 1].strip(" \t"):
        end -= 1
    section.span = Span(section.heading.span.start, Position(end, len(lines[end - 1].rstrip(" \t")) + 1))
