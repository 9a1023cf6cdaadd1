"""Shared helpers of the [risk] rules (RK001...): phrase lists, entries of a section, anchors.

The risk rules ask document-level questions ("does this spec say anything about rollback?") and
entry-level ones ("does each risk have a mitigation?"). What they share lives here:

- `phrase_pattern`: a user-editable list of phrases ("kill switch", "mitigat*", "re:p9\\d") compiled
  into one case-insensitive regular expression that matches whole words only.
- `ProseIndex` and `evidence`: the document's visible prose, masked and joined once, searched with
  exact spans; "does this document keep coming back to payments?" (mentions in several sections,
  negated mentions like "no payment data" left out).
- `sections_named`, `section_entries`, `question_entries`: the sections a rule reads, matched the way
  a reader does, and their entries the way a reader counts them: table rows, top-level list items
  (with everything nested), subsections, `?` paragraphs.
- `anchor_for`, `grouped`: where a "this is missing" finding points, and when a section is
  reported once instead of entry by entry.
- `profile_applies`, `front_matter_value`, `body_status`: the profile in use and the document's
  status, tolerant of a missing profile (`RuleContext.profile` is None until profiles exist).
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from functools import lru_cache
from typing import Any, Iterable, Iterator, Sequence

from speclint.document.headings import normalize_title
from speclint.document.model import (
    Block,
    BlockQuote,
    Document,
    ListBlock,
    ListItem,
    Paragraph,
    Position,
    Section,
    Span,
    Table,
    TableCell,
    TextSegment,
    iter_nested,
)
from speclint.document.text import WordListPattern, join_segments, literal_pieces, mask_invisible, position_at, strip_inline
from speclint.engine.rule import RuleContext
from speclint.lazy_regex import lazy_compile
from speclint.record import Record

# --- phrases ----------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _phrase_pattern(phrases: tuple[str, ...]) -> WordListPattern | None:
    if not any(phrase.strip() for phrase in phrases):
        return None
    return WordListPattern(phrases, _phrase_alternation, _phrase_pieces)


def _phrase_pieces(phrase: str) -> tuple[str, ...] | None:
    return None if phrase.strip().startswith("re:") else literal_pieces(phrase.strip())


@lru_cache(maxsize=512)
def _phrase_alternation(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    expressions: list[str] = []
    # Literal phrases grouped by their first letter: `(?:a(?:vailability|lert\w*)|b(?:ackup\w*))`.
    # Python's regex engine tries alternatives one by one; grouping makes it try only the few that
    # start with the letter at hand, which keeps a 60-phrase list fast on long documents.
    by_first: dict[str, list[str]] = {}
    for phrase in sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True):
        if phrase.startswith("re:"):
            try:
                re.compile(phrase[3:])
            except re.error:
                phrase = phrase[3:]  # not a valid expression: match it as the words it is
            else:
                expressions.append("(?:" + phrase[3:] + ")")
                continue
        words = phrase.split()
        escaped = []
        for word in words:
            # `*` inside or at the end of a word stands for any further word characters.
            escaped.append(r"\w*".join(re.escape(piece) for piece in word.split("*")))
        body = r"[\s\-]+".join(escaped) if len(words) > 1 else escaped[0]
        first = phrase[0].lower()
        if first.isalnum() and body[:1].lower() == first:
            by_first.setdefault(first, []).append(body[1:])
        else:
            expressions.append(body)
    grouped_parts = [
        re.escape(first) + "(?:" + "|".join(rests) + ")" if len(rests) > 1 else re.escape(first) + rests[0]
        for first, rests in sorted(by_first.items())
    ]
    parts = grouped_parts + expressions
    if not parts:
        return None
    return re.compile(r"(?<![\w@])(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One regex for a list of phrases: whole words, case-insensitive, `*` = any word ending.

    An entry starting with `re:` is a regular expression used as it is (still case-insensitive
    and still required to start and end at word edges).

    `"kill switch"` also matches "kill-switch" and "Kill  Switch"; `"mitigat*"` matches
    "mitigation" and "mitigated". None when the list is empty (nothing can match).
    """
    return _phrase_pattern(tuple(phrases))


def search_text(pattern: re.Pattern[str] | None, text: str) -> re.Match[str] | None:
    """The first match of `pattern` in the visible part of `text` (code spans and URLs masked)."""
    if pattern is None or not text:
        return None
    return pattern.search(mask_invisible(text))


_NOT_YET = lazy_compile(
    r"\b(?:to\s+be|not(?:\s+yet)?|never|yet\s+to\s+be|(?:needs?|has|have)\s+to\s+be|must\s+be|should\s+be|"
    r"will\s+be|is\s+being|are\s+being|until|unless|once|when|if|no)\s+$",
    re.IGNORECASE,
)


def search_settled(pattern: re.Pattern[str] | None, text: str) -> re.Match[str] | None:
    """Like `search_text`, but a word that says it is not settled yet does not count: "needs to be
    decided", "not yet resolved", "until agreed", "no owner" are the opposite of an answer."""
    if pattern is None or not text:
        return None
    visible = mask_invisible(text)
    for match in pattern.finditer(visible):
        if not _NOT_YET.search(visible[max(0, match.start() - 30):match.start()]):
            return match
    return None


# --- prose of a section -----------------------------------------------------------------------


def block_segments(block: Block) -> Iterator[list[TextSegment]]:
    """The prose segments inside one block: paragraphs (nested ones too) and table cells."""
    for inner in iter_nested([block]):
        if isinstance(inner, Paragraph):
            yield inner.segments
        elif isinstance(inner, Table):
            for row in [inner.header, *inner.rows]:
                for cell in row:
                    yield cell.segments


def section_segments(section: Section, deep: bool = True) -> Iterator[list[TextSegment]]:
    """Prose of a section: its blocks, and (with `deep`) its subsections' headings and blocks."""
    for block in section.blocks:
        yield from block_segments(block)
    if deep:
        for child in section.children:
            if child.heading is not None:
                yield [child.heading.text_segment]
            yield from section_segments(child, deep=True)



class ProseIndex:
    """Prose blocks joined once, masked once, searchable many times with exact spans.

    Rules that ask several document-wide questions ("does it mention payments? latency? retries?")
    search this instead of each block: one regex pass over one string per question. Blocks are
    separated by a NUL character, so no phrase runs from one block into the next.
    """

    def __init__(self, segment_lists: Iterable[list[TextSegment]]) -> None:
        parts: list[str] = []
        self.offsets: list[tuple[int, TextSegment]] = []
        offset = 0
        for segments in segment_lists:
            text, block_offsets = join_segments(segments)
            if not block_offsets:
                continue
            self.offsets.extend((offset + start, segment) for start, segment in block_offsets)
            parts.append(mask_invisible(text))
            offset += len(text) + 1
        self.text = "\x00".join(parts)

    def finditer(self, pattern: re.Pattern[str] | None) -> Iterator[tuple[re.Match[str], Span]]:
        if pattern is None or not self.offsets:
            return
        for match in pattern.finditer(self.text):
            start = position_at(self.offsets, match.start())
            end = position_at(self.offsets, max(match.end() - 1, match.start()))
            yield match, Span(start, Position(end.line, end.column + (1 if match.end() > match.start() else 0)))

    def first(self, pattern: re.Pattern[str] | None) -> tuple[re.Match[str], Span] | None:
        return next(self.finditer(pattern), None)


def document_segments(document: Document) -> Iterator[list[TextSegment]]:
    """All visible prose of the document, headings included, in document order."""
    for section in document.root.walk():
        if section.heading is not None:
            yield [section.heading.text_segment]
        for block in section.blocks:
            yield from block_segments(block)


def document_prose(document: Document) -> ProseIndex:
    """The `ProseIndex` of `document_segments(document)`, built once per document: several risk
    and edge-case rules search the whole prose, and joining and masking it is most of their cost."""
    index = _prose_by_document.get(document)
    if index is None:
        index = _prose_by_document[document] = ProseIndex(document_segments(document))
    return index


_prose_by_document: weakref.WeakKeyDictionary[Document, ProseIndex] = weakref.WeakKeyDictionary()


def plain(segments: Sequence[TextSegment]) -> str:
    return " ".join(" ".join(segment.text for segment in segments).split())


# --- sections by name -------------------------------------------------------------------------


def sections_named(document: Document, names: Iterable[str], prefixes: bool = True) -> list[Section]:
    """Sections whose title is one of `names` (forgiving, as `speclint.document.headings` matches).

    With `prefixes`, a title that joins several topics matches each of them: "Risks and
    mitigations", "Dependencies & assumptions", "Rollout: phases".
    When a matched section holds a matched subsection ("Open questions and future work" holding
    "Open questions"), the subsection is the one returned: it is the more precise of the two.
    """
    keys = {normalize_title(name) for name in names if name.strip()}
    title = _title_section(document)
    matched = [section for section in document.sections()
               if section is not title and _title_key_matches(section.title, keys, prefixes)]
    return [section for section in matched if not any(_is_inside(other, section) for other in matched)]


def _title_section(document: Document) -> Section | None:
    """The document's title heading (the only level-1 heading, with sections under it), if any:
    "# 2019 Roadmap" names the document, it is not a Roadmap section."""
    level_one = [section for section in document.root.children if section.level == 1]
    if len(level_one) == 1 and level_one[0].children:
        return level_one[0]
    return None


def _title_key_matches(title: str, keys: set[str], prefixes: bool) -> bool:
    key = normalize_title(title)
    if key in keys:
        return True
    if not prefixes:
        return False
    # "Risks and mitigations", "Risks, assumptions & dependencies", "Open questions / decisions":
    # a title that lists several topics matches each of them.
    parts = _TOPIC_SEPARATOR.split(title.lower())
    return len(parts) > 1 and any(normalize_title(part) in keys for part in parts if part.strip())


_TOPIC_SEPARATOR = lazy_compile(r"(?<!\s)\s+(?:and|or|vs\.?)\s+|(?<!\s)\s*[,&/+:]\s*|(?<=\s)[,&/+:]\s*")


def _is_inside(section: Section, container: Section) -> bool:
    return any(ancestor is container for ancestor in section.ancestors())


def section_at(document: Document, line: int) -> Section:
    """The innermost section whose span holds `line` (the root for the preamble).

    In O(log n): the last section starting at or before `line` (sections start in document
    order), or the closest of its ancestors that holds the line (spans nest)."""
    starts, sections = _section_starts(document)
    index = bisect_right(starts, line) - 1
    section: Section | None = sections[index] if index >= 0 else None
    while section is not None and section.heading is not None:
        if section.span.start.line <= line <= section.span.end.line:
            return section
        section = section.parent
    return document.root


_starts_by_document: weakref.WeakKeyDictionary[Document, tuple[list[int], list[Section]]] = weakref.WeakKeyDictionary()


def _section_starts(document: Document) -> tuple[list[int], list[Section]]:
    known = _starts_by_document.get(document)
    if known is None:
        sections = list(document.sections())
        known = ([section.span.start.line for section in sections], sections)
        _starts_by_document[document] = known
    return known


def heading_span(section: Section) -> Span:
    if section.heading is not None:
        return section.heading.span
    return Span.point(section.span.start.line, 1)


def anchor_for(document: Document, look_in: Iterable[str]) -> Span:
    """Where to report something missing: the first section named in `look_in` (in that order of
    preference), else the document's title heading, else the first line after the front matter."""
    for name in look_in:
        matches = sections_named(document, [name], prefixes=False)
        if matches:
            return heading_span(matches[0])
    for section in document.sections():
        if section.level == 1:
            return heading_span(section)
    first = next(document.sections(), None)
    if first is not None:
        return heading_span(first)
    line = document.front_matter.span.end.line + 1 if document.front_matter is not None else 1
    return Span.point(min(line, max(len(document.lines), 1)), 1)


# --- entries ----------------------------------------------------------------------------------


class Entry(Record):
    """One item a reader counts in a section: a list item, a table row or a subsection.

    `span` is where a finding about the entry points (the item's first line, the row's first
    cell, the subsection's heading); `segments` is all of its prose, nested items included;
    `cells` maps lower-cased column names to cells for table rows.
    """

    __slots__ = ("span", "kind", "segments", "cells", "checked")

    def __init__(
        self,
        span: Span,
        kind: str,
        segments: list[list[TextSegment]],
        cells: dict[str, TableCell] | None = None,
        checked: bool | None = None,
    ) -> None:
        self.span = span
        self.kind = kind  # "item", "row", "subsection" or "paragraph"
        self.segments = segments
        self.cells = {} if cells is None else cells
        self.checked = checked

    @property
    def text(self) -> str:
        return "\n".join(" ".join(segment.text for segment in segments) for segments in self.segments)

    @property
    def struck(self) -> bool:
        """True when the entry's first line is struck through (`~~Use Redis?~~`): settled."""
        first = plain(self.segments[0]).strip() if self.segments else ""
        first = re.sub(r"^\[[ xX]\]\s*", "", first)
        return first.startswith("~~") and "~~" in first[2:]

    @property
    def label(self) -> str:
        """A short quote of the entry for messages (first 60 visible characters)."""
        first = self.segments[0] if self.segments else []
        words = re.sub(r"^\[[ xX]\]\s*", "", plain(first))
        words = strip_inline(words)  # keeps the text of code spans and links: "Relation between `a` and `b`"
        return words if len(words) <= 60 else words[:57].rstrip() + "..."


def section_entries(section: Section) -> list[Entry]:
    """The entries of `section`: table body rows, top-level list items, subsections, in order."""
    entries: list[Entry] = []
    for block in section.blocks:
        entries.extend(_block_entries(block))
    return _with_subsections(entries, section)


def _with_subsections(entries: list[Entry], section: Section) -> list[Entry]:
    """`entries` (from `section`'s blocks) with one entry per titled subsection, in source order."""
    for child in section.children:
        if child.heading is None:
            continue
        segments = [[child.heading.text_segment], *section_segments(child)]
        entries.append(Entry(heading_span(child), "subsection", segments))
    entries.sort(key=lambda entry: (entry.span.start.line, entry.span.start.column))
    return entries


def _block_entries(block: Block) -> Iterator[Entry]:
    if isinstance(block, Table):
        columns = [" ".join(cell.text.lower().split()) for cell in block.header]
        for row in block.rows:
            if not any(cell.text.strip() for cell in row):
                continue
            cells = {name: cell for name, cell in zip(columns, row)}
            yield Entry(row[0].span, "row", [cell.segments for cell in row], cells)
    elif isinstance(block, ListBlock):
        for item in block.items:
            segments = list(block_segments(item))
            if segments:
                yield Entry(item.span, "item", segments, checked=item.checked)
    elif isinstance(block, BlockQuote):
        for inner in block.blocks:
            yield from _block_entries(inner)


def column(entry: Entry, names: Iterable[str]) -> TableCell | None:
    """The cell of a table-row entry whose column is one of `names` (forgiving match)."""
    keys = {normalize_title(name) for name in names}
    for header, cell in entry.cells.items():
        if normalize_title(header) in keys:
            return cell
    return None


EMPTY_CELL = lazy_compile(r"^\s*(?:|-+|–|—|n/?a|tbd|tbc|todo|\?+|none|unknown|\.\.\.|…)\s*$", re.IGNORECASE)


def cell_is_empty(cell: TableCell | None) -> bool:
    """True for a missing cell or one holding only '-', 'TBD', 'N/A', '?' and the like."""
    return cell is None or bool(EMPTY_CELL.match(mask_invisible(cell.text).replace("*", "").replace("_", "")))


_CLOSED_STATUS = lazy_compile(
    r"^\W*(?:resolved|closed|done|answered|decided|agreed|settled|accepted|complete[d]?|won'?t fix|wontfix|"
    r"n/?a|out of scope|✅|☑|✔)\W*$",
    re.IGNORECASE,
)


def row_status_closed(entry: Entry) -> bool:
    """True for a table row whose Status (or State) cell says the item is settled ("Resolved", "Done")."""
    cell = column(entry, ("Status", "State"))
    return cell is not None and bool(_CLOSED_STATUS.match(mask_invisible(cell.text).replace("*", "").strip()))


# --- profile and front matter -----------------------------------------------------------------


def profile_name(context: RuleContext) -> str | None:
    """The name of the profile in use (`prd`, `rust-rfc`...), or None when there is none."""
    profile = getattr(context, "profile", None)
    if profile is None:
        return None
    if isinstance(profile, str):
        return profile
    name = getattr(profile, "name", None)
    return name if isinstance(name, str) else None


def profile_applies(context: RuleContext, option: str = "skip-profiles") -> bool:
    """False when the profile in use is listed in the rule's `option` (a list of profile names)."""
    name = profile_name(context)
    skipped = context.options.get(option) or []
    return name is None or name not in skipped


def front_matter_value(document: Document, keys: Iterable[str]) -> tuple[str, Any, Span] | None:
    """The first of `keys` (case-insensitive) set in the front matter: (key, value, value span)."""
    front_matter = document.front_matter
    data = getattr(front_matter, "data", None)
    if front_matter is None or not isinstance(data, dict):
        return None
    wanted = [key.lower() for key in keys]
    for key in data:
        if isinstance(key, str) and key.lower() in wanted:
            value = data[key]
            position = front_matter.value_position(key) or front_matter.key_position(key) or front_matter.span.start
            text = str(value) if value is not None else ""
            end = position.column + (len(text) if "\n" not in text else 1)
            return key, value, Span.of(position.line, position.column, position.line, end)
    return None


# --- evidence: "this document handles X" ------------------------------------------------------


def evidence(
    document: Document,
    phrases: Iterable[str],
    min_mentions: int,
    min_sections: int,
    index: ProseIndex | None = None,
) -> tuple[re.Match[str], Span] | None:
    """The first mention of `phrases` when the document mentions them at least `min_mentions`
    times in at least `min_sections` different sections, else None.

    One passing mention, or a worked example in one paragraph ("a customer's payment info"), does
    not make a document about payments; a spec about payments names them throughout.
    """
    pattern = phrase_pattern(phrases)
    if pattern is None:
        return None
    if index is None:
        index = document_prose(document)
    matches = [found for found in index.finditer(pattern) if not _negated(found[0])]
    if len(matches) < max(min_mentions, 1):
        return None
    sections = {id(section_at(document, span.start.line)) for _, span in matches}
    if len(sections) < min_sections:
        return None
    return matches[0]


_NEGATION = lazy_compile(r"\b(?:no|not|never|without|nor|neither|zero|\w+n[’']t)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _negated(match: re.Match[str]) -> bool:
    """True for "no breaking changes", "does not store any payment data", "without a migration", "you won't
    get money back"."""
    before = match.string[max(0, match.start() - 40):match.start()]
    return bool(_NEGATION.search(before))


def quote(match: re.Match[str]) -> str:
    return " ".join(match.group(0).split())



_NOTHING_LEFT = lazy_compile(
    r"^\s*(?:\*\*|_)?(?:none|n/?a|nothing|not applicable|all (?:questions )?(?:are |have been )?(?:resolved|answered)|"
    r"no (?:open |unresolved |outstanding |remaining )?(?:questions?|issues?|items?|decisions?)|"
    r"there are (?:currently )?no (?:open |unresolved |outstanding |remaining )?(?:questions?|issues?|items?))\b"
    r"[^.?!\n]{0,60}[.!]?(?:\*\*|_)?\s*$",
    re.IGNORECASE,
)
# "None required at this time", "None so far", "No open questions at the moment", "All resolved".


def question_entries(section: Section) -> list[Entry]:
    """The open questions of a section: its entries, or (for a prose section) each paragraph that
    ends with a question mark. "None", "N/A" and "No open questions" are not questions; neither is
    the template's example under "For instance," nor a question answered in its own entry."""
    entries, block_of = _entries_outside_examples(section)
    if entries and not any("?" in mask_invisible(entry.text) for entry in entries) and any(
            isinstance(block, Paragraph) and "?" in mask_invisible(block.text) for block in section.blocks):
        # The question is asked in prose ("**How do we hide the old operator?** We don't want two.")
        # and the list under it is its discussion, as a question heading with a body is (see
        # `_answered_subsection`): the list items are not questions of their own.
        return []
    if not entries:
        for block in section.blocks:
            if isinstance(block, Paragraph) and mask_invisible(block.text).rstrip().endswith("?"):
                entries.append(Entry(block.span, "item", [block.segments]))
    entries = [entry for entry in entries if not _NOTHING_LEFT.match(mask_invisible(entry.text))
               and not _answered_subsection(entry) and not _answered_inline(entry) and not _answered_in_row(entry)
               and not _DEMAND_QUESTION.match(mask_invisible(entry.text))]
    # A list under a question, apart from the list of questions, that holds "CURRENT ANSWER: yes" is
    # the discussion that settled it (a sibling question's own answer settles only that sibling).
    entries = [entry for index, entry in enumerate(entries)
               if not (index + 1 < len(entries) and block_of.get(id(entries[index + 1])) != block_of.get(id(entry))
                       and _NESTED_ANSWER.search(mask_invisible(entries[index + 1].text)))]
    asked = [entry for entry in entries if "?" in mask_invisible(entry.text)]
    if asked and len(asked) < len(entries):
        # A list of questions with other lines between them: lead-ins ("Based on question 1:") and
        # answers ("I think it will be possible...") are not questions; an answer settles the one before it.
        answered = {id(entries[index]) for index in range(len(entries) - 1)
                    if _answers(entries[index + 1])}
        entries = [entry for entry in entries if id(entry) not in answered
                   and ("?" in mask_invisible(entry.text) or not _NOT_A_QUESTION.search(mask_invisible(entry.text)))]
    return entries


# A question about how much people will use the feature ("How often do cluster administrators want
# an internal load balancer?"): usage answers it after launch; there is nothing for the author to decide.
_DEMAND_QUESTION = lazy_compile(
    r"^\W*how\s+(?:often|many|much|frequently|widely|commonly)\s+(?:\w+\s+){0,2}(?:do|does|will|would)\s+"
    r"(?:[\w-]+\s+){0,2}(?:users?|customers?|administrators?|admins?|operators?|people|teams?|tenants?)\b",
    re.IGNORECASE,
)

# A paragraph that introduces the template's example ("For instance,", "e.g.:", "For example:").
_EXAMPLE_LEAD = lazy_compile(r"\b(?:for\s+instance|for\s+example|e\.\s?g\.|such\s+as)\s*[,:]?\s*$", re.IGNORECASE)


def _entries_outside_examples(section: Section) -> tuple[list[Entry], dict[int, int]]:
    """`section_entries`, less a list or quote that a paragraph ending "For instance," introduces
    (OpenShift's template quotes an example question under its guidance, and authors leave both),
    and the index of the block each entry comes from, by `id` (subsections have none)."""
    entries: list[Entry] = []
    block_of: dict[int, int] = {}
    previous: Block | None = None
    for index, block in enumerate(section.blocks):
        if not (isinstance(previous, Paragraph) and _EXAMPLE_LEAD.search(mask_invisible(previous.text))):
            for entry in _block_entries(block):
                entries.append(entry)
                block_of[id(entry)] = index
        previous = block
    return _with_subsections(entries, section), block_of


# Lines between questions that ask nothing: a lead-in ("Based on question 1:"), an answer ("I think
# it will be configurable", "CURRENT ANSWER: yes").
_NOT_A_QUESTION = lazy_compile(
    r":\W*$|^\W*(?:i think|i believe|we think|we believe|yes\b|no\b|currently\b|current answer|answer\b|a:)",
    re.IGNORECASE,
)


# "CURRENT ANSWER: yes", "A: ...", "Answer - ...", "Resolution: ..." after a question.
_ANSWER = lazy_compile(r"^\W*(?:current\s+)?(?:answer|a|resolution|decision|response)\b\W*[:—–-]", re.IGNORECASE)
# The same label opening a nested line of the entry after a question ("- Currently X. Should Y?
#   - CURRENT ANSWER: yes"): the discussion under the question settled it.
_NESTED_ANSWER = lazy_compile(r"^[ \t*_>-]{0,12}(?:current[ \t]+)?(?:answer|resolution|decision)\b[ \t*_]{0,4}[:—–-]",
                              re.IGNORECASE | re.MULTILINE)

# A sentence that answers the question before it: "The assumption is yes", "We won't evict pods",
# "Defer to post-GA", "I think it will be possible", "Yes, ...", "The proposed options are:".
# "We will need to decide" and "No decision yet" are not answers.
_ANSWER_START = lazy_compile(
    r"^\W*(?:(?:the\s+)?(?:current\s+)?(?:answer|assumption|decision|conclusion|consensus|resolution)\s+(?:is|was)\b"
    r"|(?:yes|no)\s*[,.;:—–-]"
    r"|we(?:\s+will|'ll)\s+(?!need\b|have\s+to\b|decide\b|figure\b|see\b|revisit\b|discuss\b|know\b)"
    r"|we\s+(?:won'?t|will\s+not|decided|chose|agreed|are\s+going\s+to)\b"
    r"|(?:i|we)\s+(?:think|believe)\b"
    r"|defer(?:red)?\s+(?:to|until)\b"
    r"|the\s+proposed\s+[\w-]+(?:\s+[\w-]+){0,3}\s+(?:is|are)\b)",
    re.IGNORECASE,
)


def _answered_inline(entry: Entry) -> bool:
    """A question followed, in its own entry, by the sentence that answers it: "Is a webhook that
    reads all Secrets acceptable? The assumption is yes - webhooks need that privilege."."""
    visible = mask_invisible(entry.text)
    after = visible[visible.rfind("?") + 1:] if "?" in visible else ""
    return bool(after.strip()) and bool(_ANSWER_START.match(after))


#: A questions table's column that holds each question's answer: "| Question | Resolution |".
_ANSWER_COLUMNS = ("Answer", "Answers", "Resolution", "Resolved", "Decision", "Decided", "Outcome", "Conclusion",
                   "Respuesta", "Decisión", "Réponse", "Décision", "Antwort", "Entscheidung")


def _answered_in_row(entry: Entry) -> bool:
    """A table row whose answer column is filled: "| Print or tablet? | Tablet; printing stays |"."""
    return entry.kind == "row" and not cell_is_empty(column(entry, _ANSWER_COLUMNS)) and not _left_open_cell(
        column(entry, _ANSWER_COLUMNS))


_OPEN_ANSWER = lazy_compile(r"^\W*(?:open|pending|tbd|unresolved|not\s+yet|to\s+be\s+decided|undecided|offen|"
                            r"pendiente|en\s+attente)\b", re.I)


def _left_open_cell(cell: TableCell | None) -> bool:
    text = " ".join(mask_invisible(cell.text).replace("*", "").split()) if cell is not None else ""
    return bool(_OPEN_ANSWER.match(text))


def _answers(entry: Entry) -> bool:
    """True when `entry`, coming right after a question, is that question's answer or holds it."""
    visible = mask_invisible(entry.text)
    return bool(_ANSWER.match(visible) or _ANSWER_START.match(visible))


def _answered_subsection(entry: Entry) -> bool:
    """A question asked as a heading ("#### Do we need a new CRD?") whose section gives the answer."""
    return entry.kind == "subsection" and len(entry.segments) > 1 and any(
        plain(segments).strip() for segments in entry.segments[1:])


GROUP_OPTION_HELP = (
    "When no entry of a section has what is asked for, report the section once at its heading "
    "instead of every entry (a team that never writes owners hears it once per section)."
)


def grouped(section: Section, entries: list[Entry], failing: list[Entry], group: bool) -> tuple[Span, int] | None:
    """(heading span, count) when `failing` is all of `entries` (two or more) and grouping is on."""
    if group and len(entries) >= 2 and len(failing) == len(entries):
        return heading_span(section), len(failing)
    return None


_STATUS_LINE = lazy_compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?P<key>status|state)(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*"
    r"(?P<value>[^\n]*?)[ \t]*(?:\*\*|__)?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def body_status(document: Document) -> tuple[str, str, Span] | None:
    """A `Status: Approved` / `**Status**: Draft` line at the top of the body (before the first
    section below the title), as spec-kit and many PRD templates write it: (key, value, span)."""
    top = list(document.root.blocks)
    level_one = [section for section in document.root.children if section.level == 1]
    if level_one:
        top.extend(level_one[0].blocks)
    for block in iter_nested(top):
        if not isinstance(block, Paragraph):
            continue
        for segment in block.segments:
            match = _STATUS_LINE.match(segment.text)
            if match and match.group("value").strip():
                start = segment.column + match.start("value")
                value = match.group("value").strip()
                return match.group("key"), value, Span.of(segment.line, start, segment.line, start + len(value))
    return None


def stated_statuses(document: Document, front_matter: bool = True,
                    status_sections: bool = False) -> Iterator[tuple[str, Span]]:
    """(value, span of the value) of each status the document states: its front matter's `status`
    (unless `front_matter` is false), a status line at the top of the body (`body_status`), and,
    with `status_sections`, the first line of each Status section (a Nygard record's)."""
    header = document.front_matter
    data = header.data if front_matter and header is not None and header.error is None else None
    if isinstance(data, dict) and isinstance(data.get("status"), str):
        assert header is not None
        position = header.value_position("status")
        if position is not None:
            value = data["status"]
            yield value, Span.of(position.line, position.column, position.line, position.column + len(value))
    found = body_status(document)
    if found is not None:
        yield found[1], found[2]
    if not status_sections:
        return
    for section in document.root.walk():
        if section.heading is None or section.title.strip(" *_:").lower() != "status" or not section.blocks:
            continue
        first = section.blocks[0]
        if isinstance(first, ListBlock) and first.items and isinstance(first.items[0], ListItem) \
                and first.items[0].blocks:
            first = first.items[0].blocks[0]  # "- Accepted"
        if isinstance(first, Paragraph) and first.segments:
            segment = first.segments[0]
            text = segment.text.strip(" *_")
            column = segment.column + segment.text.index(text) if text else segment.column
            yield text, Span.of(segment.line, column, segment.line, column + len(text))


# --- shared vocabularies ----------------------------------------------------------------------

# Phrases of a feature that moves money. Not "pricing" (a pricing table), "invoice" (an invoice-PDF
# parser) or a bare "payment" (docs about a payment gateway): naming money is not moving it.
MONEY_MOVEMENT = (
    "take payment*", "takes payment*", "accept payment*", "accepts payment*", "collect payment*",
    "process payment*", "processes payment*", "processing payment*", "payment processing", "payment flow*",
    "checkout flow*", "checkout page*", "at checkout", "refund*", "payout*", "chargeback*", "credit card*",
    "debit card*", "card number*", "card on file", "saved card*", "charge the customer*", "charge customers",
    "charge the user*", "charges the customer*", "charges the card", "charge the card", "wallet balance*",
    "transfer* funds", "money transfer*", "subscription fee*", "recurring billing", "billing cycle*",
    "capture the payment", "authorize the payment", "payment intent*",
)

# Section titles that hold a document's risks (matched forgivingly, "Risks and mitigations" too).
RISK_SECTIONS = (
    "Risks", "Risk", "Risk mitigation", "Risk mitigations", "Known risks",
    "Risk assessment", "Risk analysis", "Risk register", "Key risks", "Risks and concerns",
    "Threats and mitigations",
)
# Sections that also answer "what could go wrong" in other templates (Rust RFCs' Drawbacks, ADRs'
# Consequences): enough for "there is a risks section", not lists of risks to be mitigated.
RISK_LIKE_SECTIONS = ("Drawbacks", "Downsides", "Consequences", "Negative consequences", "Trade-offs", "Tradeoffs")

# Who answers: "Owner: Maria", "owned by payments", "@maria".
OWNER = (
    "owner*", "owned by", "assigned to", "assignee", "DRI", r"re:@[A-Za-z0-9][\w.-]*",
)
# What was decided. Not "decide" ("we need to decide"), "done" or "closed" ("closed accounts"):
# words that a question asks about; only their labelled forms ("Closed: ...") count.
DECISION = (
    r"re:(?:decision|resolution|answer|outcome|closed|done|status)\s*[:—–]", "decided", "decision made",
    "resolved", "answered", "agreed", "accepted", "accept the risk", "won't fix", "wontfix", "out of scope",
    "settled", "concluded",
    # "defers the removal decision to a separate proposal", "Defer to post-Tech Preview": a decision to decide later.
    r"re:defer(?:s|red)?\s+(?:[\w-]+\s+){0,3}(?:to|until)\s+(?:a\s+|the\s+)?(?:separate|future|follow-?up|later|"
    r"subsequent|next|post)",
)

# Sections that hold open questions.
QUESTION_SECTIONS = (
    "Open questions", "Unresolved questions", "Outstanding questions", "Remaining questions",
    "Unanswered questions", "Remaining unanswered questions", "Open issues", "Open points", "Open items",
    "Questions", "Pending decisions", "Decisions needed", "Decisions to make", "TBD", "To be decided",
)

# A date or a time frame: "2026-03-01", "March 3", "Q3", "H2 2026", "week 2", "sprint 14", "+2 weeks",
# "end of quarter", "EOW", "by Friday", a release train ("Go 1.23", "v1.30").
TIME_FRAME = (
    r"re:\d{4}-\d{1,2}(?:-\d{1,2})?",
    r"re:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}",
    r"re:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,4}(?:st|nd|rd|th)?",
    r"re:\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    r"re:(?:FY\s?\d{2,4}\s?)?[QH][1-4](?:\s?(?:FY)?\s?'?\d{2,4})?",
    r"re:(?:CY|FY)\s?'?\d{2,4}",
    # Units of time, not "daily"/"weekly"/"monthly" (a monthly plan is not a time frame).
    "day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years", "sprint",
    "sprints", "iteration", "iterations", "fortnight", "weekend", "week of",
    "monday", "tuesday", "wednesday", "thursday", "friday", "EOD", "EOW", "EOM", "EOQ", "EOY",
    "end of", "by launch", "before launch", "at launch", "after launch", "before GA", "after GA",
    "before beta", "after beta", "before release", "next release", "this release",
    r"re:[TDWM]\s?[+-]\s?\d+", r"re:W\d{1,2}", r"re:\d+\s?(?:d|w|wk|wks|mo|h|hrs)",
    r"re:v?\d+\.\d+(?:\.\d+)?", "deadline", "due", "ETA", "target date", "today", "tomorrow",
    "immediately", "ongoing",
)

# A due date for a question: an explicit date, or "by"/"before" a point in time. Durations ("how many
# days do we keep logs?") are what questions ask about, so they do not count here.
_DATE_WORDS = (
    r"(?:\d{4}-\d{1,2}(?:-\d{1,2})?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,4}(?:st|nd|rd|th)?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
    r"|(?:FY\s?\d{2,4}\s?)?[QH][1-4](?:\s?'?\d{2,4})?)"
)
DUE_DATE = (
    "re:" + _DATE_WORDS,
    r"re:(?:by|before|until|no later than)\s+(?:the\s+)?(?:end of|next|this|monday|tuesday|wednesday|thursday|friday|"
    r"launch|beta|GA|release|code freeze|kick-?off|design review|sprint|milestone|phase|M\d|EO[DWMQY])",
    "due", "due date", "deadline", "ETA", "EOD", "EOW", "EOM", "EOQ", r"re:sprint\s+\d+",
)


# Title parts that may stand beside "Risks" in a project risk section's title ("Risks and
# mitigations"); any other ("Risk & controls", "Risk scoring") names a product feature.
_RISK_COMPANIONS = lazy_compile(
    r"^(?:risks?|known risks|key risks|mitigations?|concerns?|assumptions?|dependenc(?:y|ies)|issues?|"
    r"open questions?|questions?|trade-?offs?|constraints?|contingenc(?:y|ies)|challenges?|limitations?|"
    r"drawbacks?|unknowns?|caveats?|considerations?|rollback|threats?|mitigation plans?|open issues?|"
    r"\d+\.?|\d+(?:\.\d+)*\.?\s+risks?)$",
    re.IGNORECASE,
)
# Ancestors under which a "Risks" heading is not the project's risk register: an ADR option's
# cons, a product feature ("Features > Risk & controls"), a rejected alternative.
_NOT_PROJECT_RISKS = lazy_compile(
    r"\b(?:options?|considered|alternatives?|pros and cons|features?|functional|screens?|pages?|user stor\w*|"
    r"capabilit\w*|modules?)\b",
    re.IGNORECASE,
)


def _names_the_document(section: Section) -> bool:
    """The document's only level-1 heading: "# Design: a cache for the feature store" names the document, it
    is not a product feature whose risks are the feature's."""
    parent = section.parent
    return section.level == 1 and parent is not None and parent.heading is None \
        and sum(1 for sibling in parent.children if sibling.level == 1) == 1


def is_project_risk_section(section: Section, names: list[str], read_title: bool = True) -> bool:
    """A section of the project's risks: not an ADR option's cons nor a product feature's "Risk & controls".
    Without `read_title`, the document's own title is not read for a feature or an option ("# Design: a cache
    for the feature store" names the document; RK002 (preview) still reads it, which keeps it off documents
    about features whose risks lists it reads badly)."""
    if any(ancestor.heading is not None and (read_title or not _names_the_document(ancestor))
           and _NOT_PROJECT_RISKS.search(ancestor.title) for ancestor in section.ancestors()):
        return False
    if normalize_title(section.title) in {normalize_title(name) for name in names}:
        return True
    parts = [part for part in re.split(r"(?<!\s)\s+(?:and|or|vs\.?)\s+|[,&/+:]\s*", section.title.lower()) if part.strip()]
    return all(_RISK_COMPANIONS.match(part.strip()) for part in parts)


# --- responses to a risk (RK002, RK011) -------------------------------------------------------

MITIGATION = (
    "mitigat*", "we will", "we'll", "we plan", "plan:", "planned", "fallback*", "fall back", "falls back",
    "rollback*", "roll back", "revert*", "feature flag*", "feature toggle*", "kill switch*", "monitor*",
    "alert*", "canary", "staged rollout", "gradual rollout", "avoid*", "prevent*", "reduce", "reduces",
    "reducing", "throttl*", "retry", "retries", "circuit breaker*", "document*", "validat*",
    "workaround*", "contingenc*", "idempoten*", "dedup*", "backoff", "handled by", "addressed by", "covered by", "protect*", "backup*",
    "redundan*", "escalat*", "review*", "audit*", "spike", "timebox*", "prototype", "pilot",
    "announce*", "deprecation period", "migration guide", "opt-in", "by using", "by adding",
    "enforc*", "acceptable", "tolerable", "negligible",
    # Responses prose gives without a keyword: "this won't be a problem as ...", "bounded by the
    # queue size", "covered by e2e tests", "the gate must be removed manually".
    "won't be a problem", "will not be a problem", "not be a problem", "not a problem", "not an issue",
    "not be an issue", "no issue", "bounded by", "bounded", "limited to", "limits", "capped", "at most",
    "unlikely", "low risk", "low impact", "minimal", "only affects", "only applies", "test*", "e2e",
    "recover*", "retry*", "retried", "manually", "follow-up", "future enhancement", "ensur*", "instead",
    "do not expect", "don't expect", "not expected", "is expected", "by design", "intended", "we can", "we could",
    *OWNER, *DECISION,
)

# A paragraph that introduces the list after it as responses: "Above risks will be mitigated by:",
# "The mitigation is:", "*Mitigation:*".
RESPONSE_LEAD_IN = lazy_compile(
    r"\b(?:mitigat\w*|address\w*|handl\w*|prevent\w*|reduc\w*|we will|we'll|response|contingenc\w*|"
    r"safeguards?|countermeasures?)\b[^\n]*:\W*$",
    re.IGNORECASE,
)

# "Risk mitigation", "Mitigations": a section whose items are the responses themselves.
LISTS_RESPONSES = lazy_compile(r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:risk\s+)?mitigations?(?:\s+plans?|\s+strateg\w+)?\W*$", re.I)

# Under "Risks and mitigations", an item that says what will or must be done is a response.
RESPONSE_ACTION = lazy_compile(r"\b(?:should|must|will|shall|needs? to|has to|have to|is to|are to)\b", re.I)

# "Local paths can leak into git. Keep local variants ignored.": a second sentence that orders a response.
IMPERATIVE_RESPONSE = lazy_compile(
    r"[.;:]\s+(?:\*\*|__)?(?:keep|use|add|limit|require|make|ensure|restrict|document|run|test|gate|pin|cap|warn|"
    r"validate|avoid|prefer|provide|start|ship|scope|check|review|monitor|fall back|roll back|"
    # "**Over-opinionation**: allow overrides via a config file": what the design lets users do about it
    r"allow|introduce|enable|offer|isolate|encrypt|freeze)\b",
    re.IGNORECASE,
)
