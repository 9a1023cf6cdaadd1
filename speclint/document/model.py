"""The document model: what the parser produces and what every rule reads.

A `Document` holds the source, the front matter and a tree of `Section`s. Each section holds the
blocks written directly under its heading (paragraphs, lists, tables, code, quotes, HTML, breaks) and
its child sections. Every node carries a `Span` in the original file: 1-based lines and columns,
columns counted in Unicode code points, the end column exclusive (one past the last character), so a
span can be handed unchanged to SARIF, LSP-style editors or a caret printer.

Text search with exact positions goes through `TextSegment`s: for each source line a block covers,
the part of the line that belongs to the block (container markers such as `> ` and list indentation
removed). `speclint.document.text.find_all` searches segments and returns spans.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Union

from speclint.record import Record

if TYPE_CHECKING:
    from pathlib import Path

# The classes below whose instances every document has by the thousand are `Record`s written out
# rather than dataclasses: a one-file run pays neither for generating their code at import nor for
# a frozen dataclass's slower `__init__`. Treat them as immutable values all the same.


class Position(Record):
    """A place in the source: 1-based line and 1-based column (code points). Ordered by line, then column."""

    __slots__ = ("line", "column")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Position:
            return NotImplemented
        return self.line == other.line and self.column == other.column  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((self.line, self.column))

    def __lt__(self, other: Position) -> bool:
        if other.__class__ is not Position:
            return NotImplemented
        return (self.line, self.column) < (other.line, other.column)

    def __le__(self, other: Position) -> bool:
        if other.__class__ is not Position:
            return NotImplemented
        return (self.line, self.column) <= (other.line, other.column)

    def __gt__(self, other: Position) -> bool:
        if other.__class__ is not Position:
            return NotImplemented
        return (self.line, self.column) > (other.line, other.column)

    def __ge__(self, other: Position) -> bool:
        if other.__class__ is not Position:
            return NotImplemented
        return (self.line, self.column) >= (other.line, other.column)


class Span(Record):
    """From `start` (inclusive) to `end` (exclusive column) in the source."""

    __slots__ = ("start", "end")

    def __init__(self, start: Position, end: Position) -> None:
        self.start = start
        self.end = end

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Span:
            return NotImplemented
        return self.start == other.start and self.end == other.end  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    @classmethod
    def of(cls, line: int, column: int, end_line: int, end_column: int) -> Span:
        return cls(Position(line, column), Position(end_line, end_column))

    @classmethod
    def point(cls, line: int, column: int = 1) -> Span:
        """An empty span at one position (for "missing X here" findings)."""
        return cls(Position(line, column), Position(line, column))

    @property
    def line(self) -> int:
        return self.start.line

    @property
    def column(self) -> int:
        return self.start.column


class TextSegment(Record):
    """The part of one source line that belongs to a block: `text` starts at `line`:`column`."""

    __slots__ = ("line", "column", "text")

    def __init__(self, line: int, column: int, text: str) -> None:
        self.line = line
        self.column = column
        self.text = text


# --- blocks -----------------------------------------------------------------------------------


class Paragraph(Record, eq=False):
    """A paragraph, or the text of a list item ("tight" paragraph)."""

    __slots__ = ("span", "segments", "kind", "_joined")
    _not_shown = ("_joined",)

    def __init__(
        self, span: Span, segments: list[TextSegment], kind: str = "paragraph", _joined: tuple[Any, str] | None = None
    ) -> None:
        self.span = span
        self.segments = segments
        self.kind = kind
        # (the segments list, its text): rules ask a paragraph's text again and again (279,000
        # times over the RFC folder), so it is joined once. It is kept with the list it was joined
        # from, so that a copy with other segments (`replace(segments=...)`) joins its own.
        self._joined = _joined

    @property
    def text(self) -> str:
        joined = self._joined
        if joined is not None and joined[0] is self.segments:
            return joined[1]
        text = "\n".join([segment.text for segment in self.segments])  # a list joins faster than a generator
        self._joined = (self.segments, text)
        return text


class ListItem(Record, eq=False):
    """One item of a list. `checked` is None for a plain item, False for `[ ]`, True for `[x]`."""

    __slots__ = ("span", "marker", "checked", "blocks", "kind")

    def __init__(
        self, span: Span, marker: str, checked: bool | None, blocks: list[Block] | None = None, kind: str = "list_item"
    ) -> None:
        self.span = span
        self.marker = marker
        self.checked = checked
        self.blocks = [] if blocks is None else blocks
        self.kind = kind

    @property
    def text(self) -> str:
        """The item's own text: its leading paragraph, without the task box."""
        if self.blocks and isinstance(self.blocks[0], Paragraph):
            text = self.blocks[0].text
            if self.checked is not None:
                text = text.lstrip()[3:].lstrip()
            return text
        return ""

    @property
    def sublists(self) -> list[ListBlock]:
        return [block for block in self.blocks if isinstance(block, ListBlock)]


class ListBlock(Record, eq=False):
    """An ordered or bullet list; items may hold nested lists."""

    __slots__ = ("span", "ordered", "items", "start", "kind")

    def __init__(
        self, span: Span, ordered: bool, items: list[ListItem] | None = None, start: int = 1, kind: str = "list"
    ) -> None:
        self.span = span
        self.ordered = ordered
        self.items = [] if items is None else items
        self.start = start
        self.kind = kind


class TableCell(Record, eq=False):
    """One cell of a table row: its span and its source text."""

    __slots__ = ("span", "text", "_segments")
    _not_shown = ("_segments",)

    def __init__(self, span: Span, text: str, _segments: object = None) -> None:
        self.span = span
        self.text = text
        self._segments: list[TextSegment] | None = None  # made on first use (a copy's are its own)

    @property
    def segments(self) -> list[TextSegment]:
        """One list per cell: `find_all` and `searched_text` join and mask a list once, by identity."""
        segments = self._segments
        if segments is None:
            segments = self._segments = [TextSegment(self.span.start.line, self.span.start.column, self.text)]
        return segments


class Table(Record, eq=False):
    """A GitHub-flavoured pipe table: a header row and body rows of cells."""

    __slots__ = ("span", "header", "rows", "kind")

    def __init__(self, span: Span, header: list[TableCell], rows: list[list[TableCell]], kind: str = "table") -> None:
        self.span = span
        self.header = header
        self.rows = rows
        self.kind = kind

    @property
    def columns(self) -> list[str]:
        return [cell.text for cell in self.header]


class CodeBlock(Record, eq=False):
    """A fenced or indented code block. `lines` are the code lines with their source positions."""

    __slots__ = ("span", "code", "info", "fenced", "lines", "kind")

    def __init__(
        self, span: Span, code: str, info: str, fenced: bool, lines: list[TextSegment], kind: str = "code"
    ) -> None:
        self.span = span
        self.code = code
        self.info = info
        self.fenced = fenced
        self.lines = lines
        self.kind = kind

    @property
    def language(self) -> str:
        """The first word of the info string, lower-cased (```` ```JSON title ```` is `json`)."""
        return self.info.split(maxsplit=1)[0].lower() if self.info.strip() else ""


class BlockQuote(Record, eq=False):
    """A `>` quote and the blocks inside it."""

    __slots__ = ("span", "blocks", "kind")

    def __init__(self, span: Span, blocks: list[Block] | None = None, kind: str = "block_quote") -> None:
        self.span = span
        self.blocks = [] if blocks is None else blocks
        self.kind = kind


class HtmlComment(Record):
    """One `<!-- ... -->` comment; `text` is what stands between the markers, stripped."""

    __slots__ = ("span", "text")

    def __init__(self, span: Span, text: str) -> None:
        self.span = span
        self.text = text


class HtmlBlock(Record, eq=False):
    """Raw HTML, including comments (template guidance and suppression comments live there)."""

    __slots__ = ("span", "raw", "comments", "kind")

    def __init__(self, span: Span, raw: str, comments: list[HtmlComment], kind: str = "html") -> None:
        self.span = span
        self.raw = raw
        self.comments = comments
        self.kind = kind

    @property
    def is_comment(self) -> bool:
        """True when the block holds nothing but comments."""
        return bool(self.comments) and not _strip_comments(self.raw).strip()


class ThematicBreak(Record, eq=False):
    """A `---` line between blocks."""

    __slots__ = ("span", "kind")

    def __init__(self, span: Span, kind: str = "thematic_break") -> None:
        self.span = span
        self.kind = kind


Block = Union[Paragraph, ListBlock, ListItem, Table, CodeBlock, BlockQuote, HtmlBlock, ThematicBreak]


def _strip_comments(raw: str) -> str:
    import re

    return re.sub(r"<!--.*?(-->|$)", "", raw, flags=re.S)


# --- sections and the document ----------------------------------------------------------------


class Heading(Record):
    """A heading as written: `text` has inline markup stripped, `raw` is the source text.

    `text_segment` is where the heading's text starts (after `## `); `segments` has one segment per
    source line of the text (a setext heading may run over several lines): search those.
    """

    __slots__ = ("span", "level", "text", "raw", "text_segment", "segments")

    def __init__(
        self,
        span: Span,
        level: int,
        text: str,
        raw: str,
        text_segment: TextSegment,
        segments: tuple[TextSegment, ...] = (),
    ) -> None:
        self.span = span
        self.level = level
        self.text = text
        self.raw = raw
        self.text_segment = text_segment
        self.segments = segments or (text_segment,)


class Section(Record, eq=False):
    """A heading and everything up to the next heading of the same or a higher level.

    The document's root section has level 0 and no heading; its blocks are the preamble (what
    stands before the first heading). `span` runs from the heading to the section's last line,
    subsections included.
    """

    # `__dict__`: readers keep per-section answers there (`reading.normative`, `reading.wording`).
    __slots__ = ("heading", "level", "slug", "span", "blocks", "children", "parent", "__dict__", "__weakref__")
    _not_shown = ("parent",)

    def __init__(
        self,
        heading: Heading | None,
        level: int,
        slug: str,
        span: Span,
        blocks: list[Block] | None = None,
        children: list[Section] | None = None,
        parent: Section | None = None,
    ) -> None:
        self.heading = heading
        self.level = level
        self.slug = slug
        self.span = span
        self.blocks: list[Block] = [] if blocks is None else blocks
        self.children: list[Section] = [] if children is None else children
        self.parent = parent

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else ""

    def walk(self) -> Iterator[Section]:
        """This section and all sections below it, in document order."""
        # An explicit stack, as `iter_nested` has: nested generators cost each section one step per
        # level above it (rules walk every document's sections some 400 times over the RFC folder).
        yield self
        children = self.children
        if not children:
            return
        stack = [iter(children)]
        while stack:
            section = next(stack[-1], None)
            if section is None:
                stack.pop()
                continue
            yield section
            if section.children:
                stack.append(iter(section.children))

    def iter_blocks(self, deep: bool = True) -> Iterator[Block]:
        """Blocks of this section (and, with `deep`, of subsections), containers before contents."""
        yield from iter_nested(self.blocks)
        if deep:
            for child in self.children:
                yield from child.iter_blocks(deep=True)

    def ancestors(self) -> Iterator[Section]:
        """Parent, grand-parent... up to (excluding) the root."""
        section = self.parent
        while section is not None and section.heading is not None:
            yield section
            section = section.parent


def iter_nested(blocks: list[Block]) -> Iterator[Block]:
    """Every block in `blocks` and inside them (list items, quotes), in document order."""
    # An explicit stack: nested generators cost each block one step per level of nesting, which
    # made 1,000-deep lists quadratic.
    stack: list[Iterator[Block]] = [iter(blocks)]
    while stack:
        block = next(stack[-1], None)
        if block is None:
            stack.pop()
            continue
        yield block
        if isinstance(block, ListBlock):
            stack.append(iter(block.items))
        elif isinstance(block, (ListItem, BlockQuote)):
            stack.append(iter(block.blocks))


class FrontMatterError(Record):
    """Front matter that does not parse: the message and where."""

    __slots__ = ("message", "position")

    def __init__(self, message: str, position: Position) -> None:
        self.message = message
        self.position = position


class FrontMatter(Record, eq=False):
    """YAML front matter between `---` lines at the top of the file.

    `data` is what ruamel.yaml loaded (mappings keep key order and positions), or None when the YAML
    is broken, in which case `error` says where.
    """

    __slots__ = ("span", "text", "data", "error", "__dict__", "__weakref__")

    def __init__(self, span: Span, text: str, data: Any = None, error: FrontMatterError | None = None) -> None:
        self.span = span
        self.text = text
        self.data = data
        self.error = error

    def key_position(self, *path: str | int) -> Position | None:
        """Where the key at `path` stands (`key_position("owners", 0)` for a list item)."""
        return self._position(path, value=False)

    def value_position(self, *path: str | int) -> Position | None:
        """Where the value at `path` starts."""
        return self._position(path, value=True)

    def yaml_first_line(self) -> int:
        """The file line on which the YAML text starts (the line after `---`)."""
        return self.span.start.line + 1

    def _position(self, path: tuple[str | int, ...], value: bool) -> Position | None:
        node = self.data
        if not path:
            return self.span.start
        for depth, key in enumerate(path):
            lc = getattr(node, "lc", None)
            if lc is None:
                return None
            try:
                last = depth == len(path) - 1
                if isinstance(key, int):
                    line, column = lc.item(key)
                elif last and value:
                    line, column = lc.value(key)
                else:
                    line, column = lc.key(key)
                node = node[key]
            except (KeyError, IndexError, TypeError, AttributeError):
                return None
        # ruamel counts from 0 inside the YAML text, which starts on the line after `---`.
        return Position(self.yaml_first_line() + line, column + 1)


class YamlFile(FrontMatter, eq=False):
    """A YAML file that belongs to a document (a KEP's `kep.yaml`), loaded with positions.

    `path` is its display path (for findings); `span` covers the whole file and positions are
    lines and columns in that file.
    """

    __slots__ = ("path", "lines")

    def __init__(
        self,
        span: Span,
        text: str,
        data: Any = None,
        error: FrontMatterError | None = None,
        path: str = "",
        lines: list[str] | None = None,
    ) -> None:
        super().__init__(span, text, data, error)
        self.path = path
        self.lines: list[str] = [] if lines is None else lines

    def yaml_first_line(self) -> int:
        return 1


class Document(Record, eq=False):
    """One parsed Markdown file."""

    __slots__ = ("path", "source", "lines", "root", "front_matter", "file_path", "_all_blocks", "__dict__", "__weakref__")
    _not_shown = ("_all_blocks",)

    def __init__(
        self,
        path: str,
        source: str,
        lines: list[str],
        root: Section,
        front_matter: FrontMatter | None = None,
        file_path: Path | None = None,
    ) -> None:
        self.path = path
        self.source = source
        self.lines = lines
        self.root = root
        self.front_matter = front_matter
        self.file_path = file_path  # where it was read from; None for standard input
        # `iter_blocks`, listed once: every rule walks it, and the tree does not change after parsing.
        self._all_blocks: list[tuple[Section, Block]] | None = None

    @property
    def title(self) -> str | None:
        """The front matter's `title`, else the text of the first level-1 heading."""
        if self.front_matter is not None and isinstance(self.front_matter.data, dict):
            title = self.front_matter.data.get("title")
            if isinstance(title, str) and title.strip():
                return title.strip()
        for section in self.root.walk():
            if section.level == 1 and section.heading is not None:
                return section.heading.text
        return None

    @property
    def preamble(self) -> list[Block]:
        return self.root.blocks

    def sections(self) -> Iterator[Section]:
        """All sections with a heading, in document order."""
        # Listed once (kept with the root it was listed from): rules ask for them about 400 times a
        # document over the RFC folder, and the tree does not change after parsing.
        listed = self.__dict__.get("_sections")
        if listed is None or listed[0] is not self.root:
            listed = self.__dict__["_sections"] = (
                self.root, [section for section in self.root.walk() if section.heading is not None])
        return iter(listed[1])

    def iter_blocks(self) -> Iterator[tuple[Section, Block]]:
        """Every block in the document, nested ones included, with the section it stands in."""
        if self._all_blocks is None:
            self._all_blocks = [
                (section, block) for section in self.root.walk() for block in iter_nested(section.blocks)
            ]
        return iter(self._all_blocks)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending; '' past the end."""
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""
