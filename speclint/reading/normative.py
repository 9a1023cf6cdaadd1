"""Where a specification makes commitments: normative sections, requirement statements, their IDs.

The wording and measurability rules judge only *normative* text: what the document commits the
team to build (requirements, acceptance criteria, success criteria, non-functional requirements).
A problem statement, a quoted user complaint, a user story ("As a ..., I want ...") or background
prose says what people feel or want, and vague words there are not defects. This module decides,
once for every rule, which text is normative, and searches it with exact positions.

- `normative_statements(document)` yields each `Statement`: a paragraph, a list item's own text or
  a table cell that makes a commitment, with its section, whether it carries a requirement ID,
  and whether it is a Given/When/Then step or a user story.
- `search(pattern, segments)` finds matches with exact spans in a statement's source, never inside
  code spans, link text or targets, HTML, or text in quotation marks.
- `requirement_ids(document)` lists every requirement ID written in the document, marking the
  places that *define* an ID (`- **FR-001**: ...`, `### US-2: ...`, a table row's first cell) apart
  from the places that *refer* to one (`see FR-009`).
"""

from __future__ import annotations

import re
import weakref
from typing import Callable, Iterable, Iterator, Pattern, Sequence

from speclint.document.headings import normalize_title
from speclint.document.model import (
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
)
from speclint.document.text import (
    JoinedText,
    could_match,
    join_segments,
    joined_entry,
    joined_segments,
    mask_invisible,
    position_at,
    text_cache,
)
from speclint.lazy_regex import lazy_compile
from speclint.reading import languages
from speclint.reading.vocabulary import (  # noqa: F401  (re-exported: rules import them from here)
    DEFAULT_ID,
    DEFAULT_ID_PREFIXES,
    FAMILY_SUFFIX,
    RANGE_SUFFIX,
    WITHDRAWN_WORDS,
    id_pattern,
    is_criteria_title,
    prefix_of,
)
from speclint.record import Record

# --- sections -------------------------------------------------------------------------------

#: Section titles (compared with `normalize_title`) whose content is normative.
NORMATIVE_TITLES = (
    "requirements",
    "functional requirements",
    "non-functional requirements",
    "nonfunctional requirements",
    "acceptance criteria",
    "definition of done",
    "done when",
    "success criteria",
    "success metrics",
    "measurable outcomes",
    "quality attributes",
    "quality requirements",
    "service level objectives",
    "slos",
)
#: Words that make any section title normative ("Technical requirements", "Requirement 3: Login").
NORMATIVE_TITLE_WORDS = frozenset({"requirement", "nfr", "nfrs"})

#: Sections that describe the world rather than commit to anything, even under a normative parent.
DESCRIPTIVE_TITLES = (
    "problem",
    "problem statement",
    "the problem",
    "background",
    "context",
    "context and problem statement",
    "motivation",
    "current state",
    "pain points",
    "user research",
    "customer feedback",
    "user feedback",
    "quotes",
    "user quotes",
    "rationale",
    "key entities",
    "entities",
    "glossary",
    "definitions",
    "terminology",
    "assumptions",
    "open questions",
    "out of scope",
    "non-goals",
    "notes",
    "user story",
    "user stories",
    "examples",
    "example",
    "introduction",
    "overview",
    "summary",
    "purpose",
    "scope",
    "dependencies",
    "prerequisites",
    "references",
    "alternatives",
    "alternatives considered",
    "risks",
)

#: Sections about success criteria or metrics (measurability rules).
SUCCESS_TITLES = (
    "success criteria",
    "success metrics",
    "success measures",
    "measurable outcomes",
    "metrics",
    "kpis",
    "key metrics",
    "key results",
    "goals and metrics",
    "metrics and success criteria",
    "measuring success",
    "how we measure success",
    "how will we measure success",
)
#: Sections about non-functional qualities (measurability rules).
QUALITY_TITLES = (
    "non-functional requirements",
    "nonfunctional requirements",
    "non functional requirements",
    "quality attributes",
    "quality requirements",
    "performance",
    "performance requirements",
    "availability",
    "reliability",
    "scalability",
    "scale",
    "capacity",
    "latency",
    "service level objectives",
    "slos",
    "performance and scale",
    "performance and scalability",
    "reliability and availability",
)

_NORMATIVE_KEYS = frozenset(normalize_title(title) for title in NORMATIVE_TITLES)
_DESCRIPTIVE_KEYS = frozenset(normalize_title(title) for title in DESCRIPTIVE_TITLES)
_SUCCESS_KEYS = frozenset(normalize_title(title) for title in SUCCESS_TITLES)
_QUALITY_KEYS = frozenset(normalize_title(title) for title in QUALITY_TITLES)


def _section_key(section: Section) -> str:
    """`normalize_title` of the section's heading, computed once per section (kept on it, as
    `per_section` keeps its answers)."""
    key = section.__dict__.get("_title_key")
    if key is None:
        key = section.__dict__["_title_key"] = normalize_title(section.title)
    return key


def per_section(predicate: Callable[[Section], bool]) -> Callable[[Section], bool]:
    """`predicate`, computed once per section: what it asks depends only on the section's title and
    those of its ancestors, and rules ask it for every paragraph and every match."""
    def cached(section: Section) -> bool:
        # Kept on the section itself (a plain dict by predicate): a weak dictionary made a weak
        # reference at each of the 400 questions a document's rules ask, more than most answers cost.
        answers = section.__dict__.get("_answers")
        if answers is None:
            answers = section.__dict__["_answers"] = {}
        result = answers.get(predicate)
        if result is None:
            result = answers[predicate] = predicate(section)
        return result

    cached.__doc__, cached.__name__, cached.__qualname__ = predicate.__doc__, predicate.__name__, predicate.__qualname__
    return cached


def _key_matches(section: Section, keys: frozenset[str], words: frozenset[str] = frozenset()) -> bool:
    key = _section_key(section)
    return key in keys or bool(words and words.intersection(key.split()))


def _nearest(section: Section) -> Iterator[Section]:
    """The section itself, then its ancestors (nearest first), without the document's title
    heading: "# Checkout requirements" names the whole document, not a requirements section."""
    for each in (section, *section.ancestors()) if section.heading is not None else ():
        if not _is_title(each):
            yield each


def _is_title(section: Section) -> bool:
    if section.level != 1 or section.parent is None:
        return False
    siblings = [child for child in section.parent.children if child.level == 1]
    return len(siblings) == 1


def _is_criteria_section(section: Section) -> bool:
    """Acceptance criteria in any of the names `speclint.reading.vocabulary` knows (other languages too),
    but not the generic ones ("Scenarios", "Verification", "Checks") that also title prose."""
    key = _section_key(section)
    return key.startswith(("acceptance", "definition of done", "done when")) or (
        is_criteria_title(section.title) and not key.isascii())


@per_section
def is_descriptive(section: Section) -> bool:
    """True inside a problem statement, background, user stories... (at any depth)."""
    return any(_key_matches(each, _DESCRIPTIVE_KEYS) for each in _nearest(section))


@per_section
def is_normative(section: Section) -> bool:
    """True when the section or an ancestor is a requirements/criteria section, and no nearer
    section is descriptive ("Requirements > Rationale" is not normative)."""
    for each in _nearest(section):
        if _key_matches(each, _DESCRIPTIVE_KEYS):
            return False
        if _key_matches(each, _NORMATIVE_KEYS, NORMATIVE_TITLE_WORDS) or _is_criteria_section(each):
            return True
    return False


_METRICS_KEYS = frozenset(normalize_title(title) for title in (
    "success metrics", "metrics", "kpis", "key metrics", "key results", "measuring success",
    "how we measure success", "how will we measure success", "goals and metrics", "success measures",
))


@per_section
def is_metrics_section(section: Section) -> bool:
    """A metrics/KPI section: every item is a number to reach (criteria sections may hold checks)."""
    return any(_key_matches(each, _METRICS_KEYS) for each in _nearest(section))


@per_section
def is_success_section(section: Section) -> bool:
    return any(_key_matches(each, _SUCCESS_KEYS) for each in _nearest(section))


@per_section
def is_quality_section(section: Section) -> bool:
    return any(_key_matches(each, _QUALITY_KEYS) for each in _nearest(section))


# --- requirement IDs --------------------------------------------------------------------------

_DEFAULT_ID = DEFAULT_ID
#: An ID at the start of a statement: `FR-001:`, `**FR-001**`, `[FR-001]`, `FR-001 -`.
_LEADING_ID = lazy_compile(
    r"^\s*(?:\*\*|__|\*|_|\[|`)?(?P<id>[A-Z]{1,5}(?:-[A-Z]{1,8})?-\d{1,5}(?:\.\d{1,3})*[a-z]?)"
    r"(?:\*\*|__|\*|_|\]|`)?"
    # followed by a delimiter ("FR-001:", "FR-001 -", "| FR-001 |"), the end, or a capital that
    # starts the statement ("FR-001 The system ..."), but not "FR-003 and FR-004 are related".
    # A parenthetical note may stand between the ID and its colon ("FR-9.1 (spike finding): ...").
    r"(?=\s*(?:[:：.)\-–—|]|$)|\s+[A-Z]|\s*[(（][^)）\n]{0,80}[)）]\s*[:：])"
)


_ID_HINT = lazy_compile(r"[A-Z]-\d|[A-Z]-[A-Z]{2,8}-\d")


def leading_id(text: str, pattern: Pattern[str] = _DEFAULT_ID) -> str | None:
    """The requirement ID a statement starts with, if any."""
    match = _LEADING_ID.match(text)
    if match and pattern.fullmatch(match.group("id")):
        return match.group("id")
    return None


class IdOccurrence(Record):
    """A requirement ID where it occurs: defined there or referred to."""

    __slots__ = ("requirement_id", "span", "defines", "where", "extent", "withdrawn")

    def __init__(
        self,
        requirement_id: str,
        span: Span,
        defines: bool,
        where: str = "text",
        extent: str = "",
        withdrawn: bool = False,
    ) -> None:
        self.requirement_id = requirement_id
        self.span = span
        self.defines = defines  # True where the ID is introduced, False where it is referred to
        #: "text" (heading, paragraph, list item), "table-<n>" (a table's rows), or "keyed" (a label
        #: that keys tests or criteria to an ID defined elsewhere: `**US-1:** A invites B ...` under
        #: "Acceptance tests")
        self.where = where
        #: what follows the ID when it names several: "family" (`FR-8.x`, `FR-100 series`), "range"
        #: (`FR-1.1-1.15`, `FR-120~127`), "label" (a heading's `(FR-300)` over FR-301, FR-302...), or
        #: "" for one ID
        self.extent = extent
        self.withdrawn = withdrawn  # the line says the requirement was removed, deprecated, renumbered...


_id_cache: weakref.WeakKeyDictionary[Document, dict[tuple[str, ...], list[IdOccurrence]]] = weakref.WeakKeyDictionary()


def requirement_ids(document: Document, prefixes: Sequence[str] = DEFAULT_ID_PREFIXES) -> list[IdOccurrence]:
    """Every requirement ID in the visible text, in document order, definitions marked."""
    per_document = _id_cache.setdefault(document, {})
    key = tuple(prefixes)
    if key not in per_document:
        per_document[key] = _requirement_ids(document, prefixes)
    return per_document[key]


#: Sections whose items key tests, criteria or status to requirements defined elsewhere.
_KEYED_TITLE_WORDS = frozenset({
    "test", "tests", "testing", "verification", "validation", "traceability", "coverage", "mapping", "matrix",
    "checklist", "qa", "scenario", "plan", "task", "implementation", "status", "progress", "changelog",
    "summary", "criterion", "done", "demo", "walkthrough", "trace",
})
_ID_COLUMN_NAME = lazy_compile(r"^(?:id|#|ids?|req(?:uirement)?\s*(?:id|#)|story\s*(?:id|#)|key|code|no\.?)$", re.I)
#: A heading that ends with the ID in parentheses labels its section: `### 2.1 Caching (FR-300)`.
_PARENTHETICAL_LABEL = lazy_compile(r"[(（\[]\s*(?P<id>[A-Z]{1,5}(?:-[A-Z]{1,8})?-\d{1,5}(?:\.\d{1,3})*[a-z]?)\s*[)）\]]\W*$")


_LABELLED_LINE = lazy_compile(r"^\s*(?:\*\*|__)?[A-Z]{1,5}(?:-[A-Z]{1,8})?-\d{1,5}(?:\.\d{1,3})*[a-z]?(?:\*\*|__)?\s*[:：]")


def is_keyed_section(section: Section) -> bool:
    """A section whose items key tests, criteria, tasks or status to requirements defined elsewhere
    (traceability, test plan, checklist, acceptance criteria)."""
    return _is_keyed_section(section)


def _is_keyed_section(section: Section) -> bool:
    for each in (section, *section.ancestors()):
        if each.heading is None:
            continue
        if is_criteria_title(each.title) or _KEYED_TITLE_WORDS.intersection(_section_key(each).split()):
            return True
    return False


def _requirement_ids(document: Document, prefixes: Sequence[str]) -> list[IdOccurrence]:
    pattern = _DEFAULT_ID if tuple(prefixes) == DEFAULT_ID_PREFIXES else id_pattern(prefixes)
    occurrences: list[IdOccurrence] = []
    for section in document.root.walk():
        keyed = _is_keyed_section(section)
        text_where = "keyed" if keyed else "text"
        if section.heading is not None:
            occurrences.extend(_ids_in([section.heading.text_segment], pattern, True, text_where, heading=True))
        for block in _iter_with_tables(section.blocks):
            if isinstance(block, Paragraph):
                occurrences.extend(_ids_in(block.segments, pattern, True, text_where))
            elif isinstance(block, Table):
                where = f"table-{block.span.start.line}"
                names = [mask_invisible(cell.text).strip(" *_`") for cell in block.header]
                id_columns = {index for index, name in enumerate(names) if _ID_COLUMN_NAME.match(name)} or {0}
                for row in block.rows:
                    for index, cell in enumerate(row):
                        occurrences.extend(_ids_in(cell.segments, pattern, index in id_columns, where))
    return occurrences


def _iter_with_tables(blocks: list) -> Iterator[object]:
    for block in blocks:
        yield block
        if isinstance(block, ListBlock):
            for item in block.items:
                yield from _iter_with_tables(item.blocks)
        elif isinstance(block, (ListItem, BlockQuote)):
            yield from _iter_with_tables(block.blocks)


def _ids_in(segments: list[TextSegment], pattern: Pattern[str], defining_start: bool,
            where: str, heading: bool = False) -> Iterator[IdOccurrence]:
    # a block's own segments are joined once per document (rules search them too); a heading's list is made here
    text, offsets = join_segments(segments) if heading else joined_segments(segments)
    if not offsets or not _ID_HINT.search(text):
        return
    visible = mask_invisible(text)
    # Each source line may open a definition: a `**FR-006**: ...` line lazily continuing the
    # paragraph above is a definition as much as one that starts it.
    line_starts = [0] + [index + 1 for index, char in enumerate(visible) if char == "\n"]
    leading: dict[int, str] = {}
    if defining_start:
        for start in line_starts:
            found = leading_id(visible[start:], pattern)
            # a later line defines only when it is labelled ("**FR-006**: ..."), not when a
            # wrapped sentence happens to start with an ID ("FR-006a) or attaches ...")
            if found and (start == 0 or _LABELLED_LINE.match(visible[start:])):
                leading[start + visible[start:].index(found)] = found
    label = _PARENTHETICAL_LABEL.search(visible) if heading else None
    for match in pattern.finditer(visible):
        defines = leading.get(match.start()) == match.group(0)
        extent = _extent(visible[match.end():match.end() + 24])
        if label and label.start("id") == match.start() and not defines:
            extent = "label"  # "### 2.1 Caching (FR-300)": names the family FR-301, FR-302...
        line_start = visible.rfind("\n", 0, match.start()) + 1
        line_end = visible.find("\n", match.end())
        line = visible[line_start: line_end if line_end >= 0 else len(visible)]
        yield IdOccurrence(match.group(0), _span(offsets, match.start(), match.end()), defines, where,
                           extent, bool(WITHDRAWN_WORDS.search(line)))


def _extent(after: str) -> str:
    if FAMILY_SUFFIX.match(after):
        return "family"
    if RANGE_SUFFIX.match(after) or re.match(r"^[.\-]\d", after):
        return "range"
    return ""


# --- statements -----------------------------------------------------------------------------

_USER_STORY = lazy_compile(r"^\W*(?:user story\W*)?(?:as an?\b.{0,120}?\bi (?:want|need|would like|can)\b|"
                           + languages.USER_STORY_OPENING + ")", re.I | re.S)
_SCENARIO_STEP = lazy_compile(r"^\W*(?:given|when|then|and|but)\b", re.I)
# A whole scenario on one line: "**Given** ..., **When** ..., **Then** ..." (prose that merely
# starts with "Then," is not one).
_SCENARIO_KEYWORD = lazy_compile(r"^\W*given\b.*\bthen\b", re.I | re.S)
_NORMATIVE_VERB = lazy_compile(r"\b(?:SHALL|MUST|" + "|".join(languages.NORMATIVE_VERBS).replace(" ", r"\s+") + r")\b")


def _obliges(text: str) -> bool:
    """`_NORMATIVE_VERB.search(text)`, after the substring test of its literals (most statements
    hold none of SHALL, MUST and their German, Spanish and French forms)."""
    return could_match(_NORMATIVE_VERB, text) and _NORMATIVE_VERB.search(text) is not None


_ANY_CASE_VERB = lazy_compile(r"\b(?:shall|must)\b", re.I)
_PLACEHOLDER_ONLY = lazy_compile(r"^\W*\[[^\[\]]*\]\W*$")


class Statement(Record):
    """One unit of normative text: a paragraph, a list item's own text, or a table cell."""

    __slots__ = ("section", "segments", "kind", "requirement_id", "in_requirements", "is_scenario_step", "nested_text",
                 "_joined", "_shapes")
    _not_compared = ("_joined", "_shapes")
    _not_shown = ("_joined", "_shapes")

    def __init__(
        self,
        section: Section,
        segments: list[TextSegment],
        kind: str,
        requirement_id: str | None,
        in_requirements: bool,
        is_scenario_step: bool,
        nested_text: str = "",
        _joined: object = None,
        _shapes: object = None,
    ) -> None:
        self.section = section
        self.segments = segments
        self.kind = kind  # "paragraph", "list-item" or "table-cell"
        self.requirement_id = requirement_id
        self.in_requirements = in_requirements  # stands in a requirements/criteria section
        self.is_scenario_step = is_scenario_step  # Given/When/Then/And line (BDD "should" is idiomatic there)
        self.nested_text = nested_text  # the text of a list item's sub-items (for "does the item say a number?")
        # The `joined_entry` of the segments, kept while it still joins this list as it is (rules ask a
        # statement's text about a million times over the RFC folder), and `wording.requirement_shape`'s
        # answers (by `proposal`): worked out on first use, never copied (`replace` starts afresh).
        self._joined: JoinedText | None = None
        self._shapes: list[bool | None] | None = None

    @property
    def text(self) -> str:
        # the segments joined by newlines, as `find_all` joins them: worked out once per statement
        joined = self._joined
        segments = self.segments
        if (joined is not None and joined.segments is segments and joined.length == len(segments)
                and (not segments or joined.last is segments[-1])):
            return joined.text
        joined = self._joined = joined_entry(segments)
        return joined.text

    @property
    def span(self) -> Span:
        first, last = self.segments[0], self.segments[-1]
        return Span.of(first.line, first.column, last.line, last.column + len(last.text))

    @property
    def is_requirement(self) -> bool:
        """A requirement statement proper: it has an ID, a SHALL/MUST, or it is an item of a
        requirements list (not a paragraph introducing the list)."""
        if self.requirement_id or _obliges(self.text):
            return True
        return self.in_requirements and self.kind != "paragraph" and not self.is_scenario_step


_statement_cache: weakref.WeakKeyDictionary[Document, list[Statement]] = weakref.WeakKeyDictionary()


def statements(document: Document) -> list[Statement]:
    """Every paragraph, list-item text and table body cell outside block quotes, with context
    (computed once per document: several rules read them)."""
    cached = _statement_cache.get(document)
    if cached is None:
        cached = _statement_cache[document] = [
            statement for section in document.root.walk() for statement in _statements_in(section, section.blocks)
        ]
    return cached


def _statements_in(section: Section, blocks: list, item: ListItem | None = None) -> Iterator[Statement]:
    in_requirements = is_normative(section)
    for position, block in enumerate(blocks):
        if isinstance(block, BlockQuote):
            continue  # quoted material: a user's complaint, a cited standard
        if isinstance(block, Paragraph):
            is_item_text = item is not None and position == 0
            if not is_item_text and _OUTLINE_ITEM.match(block.segments[0].text):
                for unit in outline_units(block.segments):
                    yield _statement(section, unit, "list-item", in_requirements)
                continue
            nested = nested_text(item) if is_item_text else ""
            yield _statement(section, block.segments, "list-item" if is_item_text else "paragraph", in_requirements, nested)
        elif isinstance(block, ListBlock):
            for list_item in block.items:
                yield from _statements_in(section, list_item.blocks, list_item)
        elif isinstance(block, Table):
            for row in block.rows:
                row_id = leading_id(row[0].text) if row else None
                for cell in row:
                    statement = _statement(section, cell.segments, "table-cell", in_requirements)
                    if row_id and statement.requirement_id is None:
                        statement = Statement(statement.section, statement.segments, statement.kind, row_id,
                                              statement.in_requirements, statement.is_scenario_step)
                    yield statement


# "3.2.1 The report view shall load ...": an SRS requirement numbered in its outline, which Markdown
# does not read as a list item (a number with two parts or more, then a capitalised word).
_OUTLINE_ITEM = lazy_compile(r"^\s*\d{1,2}(?:\.\d{1,3}){1,4}\.?\s+(?=[A-Z][a-z])")


def outline_units(segments: list[TextSegment]) -> list[list[TextSegment]]:
    """A paragraph of outline-numbered lines cut into one unit per number: consecutive lines
    "3.2.1 ...", "3.2.2 ..." of one paragraph are two requirements, like two list items (a line
    without a number continues the one above)."""
    units: list[list[TextSegment]] = []
    for segment in segments:
        if units and not _OUTLINE_ITEM.match(segment.text):
            units[-1].append(segment)
        else:
            units.append([segment])
    return units


def nested_text(item: ListItem) -> str:
    """The text of an item's sub-items, at every depth, one per line."""
    parts = []
    for sublist in item.sublists:
        for sub_item in sublist.items:
            parts.append(sub_item.text)
            parts.append(nested_text(sub_item))
    return "\n".join(part for part in parts if part)


def _statement(section: Section, segments: list[TextSegment], kind: str, in_requirements: bool,
               nested: str = "") -> Statement:
    joined = joined_entry(segments)
    text = joined.text  # the text `Statement.text` gives, joined once
    statement = Statement(
        section=section,
        segments=segments,
        kind=kind,
        requirement_id=leading_id(text),
        in_requirements=in_requirements,
        is_scenario_step=bool(_SCENARIO_STEP.match(text)) and _is_bdd(text),
        nested_text=nested,
    )
    statement._joined = joined
    return statement


def _is_bdd(text: str) -> bool:
    """"When ..., then ..." or a step keyword: but not EARS "WHEN x THE SYSTEM SHALL y"."""
    return not _obliges(text)


def is_user_story(text: str) -> bool:
    return bool(_USER_STORY.match(text))


_normative_cache: weakref.WeakKeyDictionary[Document, list[Statement]] = weakref.WeakKeyDictionary()


def normative_statements(document: Document) -> list[Statement]:
    """Statements that make a commitment: inside a requirements/criteria section, or anywhere
    with a requirement ID, an upper-case SHALL/MUST, or as a whole Given/When/Then scenario.
    Never in a problem statement, background, user story, block quote, or template placeholder
    line. Computed once per document (the five wording rules share it)."""
    cached = _normative_cache.get(document)
    if cached is None:
        cached = _normative_cache[document] = list(_normative_statements(document))
    return cached


def _normative_statements(document: Document) -> Iterator[Statement]:
    for statement in statements(document):
        if is_descriptive(statement.section):
            continue
        text = statement.text
        if is_user_story(text) or _PLACEHOLDER_ONLY.match(text):
            continue
        if (statement.in_requirements or statement.requirement_id or _obliges(text)
                or _SCENARIO_KEYWORD.match(text)):
            yield statement


# --- searching ------------------------------------------------------------------------------

# "double", “curly” and 'single' quotations; a single quote only opens after a non-word character
# and closes before one, so the apostrophes of "users' carts" and "system's" quote nothing.
# German „...“ and French/Spanish «...» quotations too.
_QUOTED = lazy_compile(r"\"[^\"\n]{1,300}\"|“[^“”\n]{1,300}”|„[^„“”\n]{1,300}[“”]|«[^«»\n]{1,300}»|‘[^‘’\n]{1,300}’|(?<!\w)'(?=\S)[^'\n]{1,120}?(?<=\S)'(?!\w)")
_LINK_TEXT = lazy_compile(r"!?\[[^\[\]\n]*\](?=\(|\[)")


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


@text_cache  # searched with many patterns
def mask_non_prose(text: str) -> str:
    """`mask_invisible`, plus link text and text in quotation marks blanked (same length)."""
    masked = mask_invisible(text)
    for match in _LINK_TEXT.finditer(text):
        masked = _blank(masked, match.start(), match.end())
    for match in _QUOTED.finditer(masked):
        masked = _blank(masked, match.start(), match.end())
    return masked


def _span(offsets: list[tuple[int, TextSegment]], start: int, end: int) -> Span:
    first = position_at(offsets, start)
    last = position_at(offsets, max(end - 1, start))
    return Span(first, Position(last.line, last.column + (1 if end > start else 0)))


class Hit(Record):
    """A match in a statement: the match object (on the masked text), its span, and the sentence."""

    __slots__ = ("match", "span", "sentence", "source_sentence")

    def __init__(self, match: re.Match[str], span: Span, sentence: str, source_sentence: str) -> None:
        self.match = match
        self.span = span
        self.sentence = sentence  # the sentence as prose (code, links and quotations blanked), IDs blanked
        self.source_sentence = source_sentence  # the same sentence as written (code spans kept), IDs blanked


# A sentence ends at a stop before a capital, at a blank line, and at a line break before an outline
# number: an SRS writes "3.2.1 The view shall ...", "3.2.2 The system shall ..." on consecutive lines of
# one paragraph, each its own requirement (the number of one is no value of the next).
_SENTENCE_END = lazy_compile(r"(?<=[.!?;])\s+(?=[A-Z*_(\[])|\n\s*\n|\n(?=[ \t]*\d{1,3}(?:\.\d{1,3})+\.?[ \t])")


def search(pattern: Pattern[str], segments: Iterable[TextSegment],
           scope: list[tuple[int, int]] | None = None) -> Iterator[Hit]:
    """Matches of `pattern` in prose (see `mask_non_prose`) with exact spans and their sentence.

    `scope`, when given, limits matches to those character ranges of the joined text.
    """
    text, offsets = joined_segments(segments)
    if not offsets:
        return
    masked = mask_non_prose(text)
    if not could_match(pattern, masked):
        return
    for match in pattern.finditer(masked):
        if scope is not None and not any(start <= match.start() < end for start, end in scope):
            continue
        begin, stop = sentence_bounds(masked, match.start(), match.end())
        yield Hit(match, _span(offsets, match.start(), match.end()), without_ids(masked[begin:stop]),
                  without_ids(text[begin:stop]))


_THEN = lazy_compile(r"(?<![\w-])then\b", re.I)
_GIVEN_OR_WHEN = lazy_compile(r"^\W*(?:given|when|and|but)\b", re.I)


def normative_scope(statement: Statement) -> list[tuple[int, int]] | None:
    """The parts of a statement that commit to something (None: all of it).

    A requirement (in a requirements section, or with an ID) commits as a whole. A BDD scenario
    commits in its outcome: the text from "Then" on ("Given several users..." is set-up). A
    paragraph of design prose that holds a SHALL/MUST commits only in the sentences that say it.
    """
    text = statement.text
    if _SCENARIO_STEP.match(text) and not _NORMATIVE_VERB.search(text):
        then = _THEN.search(text)
        if then:
            return [(then.start(), len(text))]
        return [] if _GIVEN_OR_WHEN.match(text) else None
    if statement.requirement_id or (statement.in_requirements and statement.kind != "paragraph"):
        return None
    # Prose: only the sentences that commit. In a requirements section a lower-case "must" or
    # "shall" commits too; elsewhere only the upper-case keywords do.
    verb = _ANY_CASE_VERB if statement.in_requirements else _NORMATIVE_VERB
    scope = []
    begin = 0
    for boundary in [*_SENTENCE_END.finditer(text), None]:
        end = boundary.start() if boundary else len(text)
        if verb.search(text, begin, end):
            scope.append((begin, end))
        begin = boundary.end() if boundary else len(text)
    return scope


def search_statement(pattern: Pattern[str], statement: Statement) -> Iterator[Hit]:
    """`search` limited to the statement's normative scope."""
    yield from search(pattern, statement.segments, normative_scope(statement))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence of `text` that holds `start`..`end` begins and ends."""
    begin = 0
    for boundary in _SENTENCE_END.finditer(text, 0, start):
        begin = boundary.end()
    stop = _SENTENCE_END.search(text, end)
    return begin, stop.start() if stop else len(text)


# --- quantities -----------------------------------------------------------------------------

_NUMBER = lazy_compile(
    r"\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|hundred|thousand|million|billion|half|double|twice|single|first|"
    r"dozen|percent)\b",
    re.I,
)
_TIME_FRAME = lazy_compile(
    r"\b(?:per|within|under|every|each)\s+(?:a\s+|an\s+)?(?:ms|millisecond|second|minute|hour|day|week|month|"
    r"quarter|year|sprint|release)s?\b|\b(?:daily|weekly|monthly|quarterly|yearly|annually|hourly)\b|"
    r"\bby\s+(?:the\s+)?(?:end\s+of\s+)?(?:Q[1-4]|H[12]|GA|launch|january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\b",
    re.I,
)


_ANY_ID = lazy_compile(r"\b[A-Z]{1,6}(?:-[A-Z]{2,8})?-\d{1,5}(?:\.\d{1,3})*[a-z]?\b|\b(?:CHK|T)\d{3,}\b")


def without_ids(text: str) -> str:
    """`text` with requirement, task and checklist IDs blanked: "SC-003" is not a number."""
    return _ANY_ID.sub(lambda match: " " * len(match.group(0)), text) if "-" in text or "CHK" in text or "T" in text else text


# References are not quantities: "(R7)", "FR3", "Requirement 7", "§5.3", "see section 4.2", "RFC 7231", "issue #12".
_REFERENCE = lazy_compile(
    r"\b(?:R|FR|NFR|REQ|US|UC|AC|BR|SR|QR|SC)\d{1,3}(?:\.\d{1,3})*[a-z]?\b|"
    r"\b(?:requirements?|stor(?:y|ies)|sections?|figures?|fig\.|tables?|chapters?|appendix|rfcs?|keps?|adrs?|issues?|prs?)"
    r"\s+#?\d{1,5}(?:\.\d{1,3})*\b|§\s*\d{1,3}(?:\.\d{1,3})*|(?<![\w&])#\d{1,6}\b",
    re.I,
)


def has_quantity(text: str) -> bool:
    """True when `text` states a number, a count, a percentage or a time frame (IDs and references such as
    "(R7)", "Requirement 7" or "§5.3" do not count, nor the outline number an SRS requirement opens with:
    "3.2.2 The system shall ...")."""
    text = without_ids(text)
    if any(char.isdigit() for char in text):
        text = _REFERENCE.sub(lambda match: " " * len(match.group(0)), _OUTLINE_ITEM.sub("", text, count=1))
    return bool(_NUMBER.search(text) or _TIME_FRAME.search(text))


#: The value kept at a named place of the document: "the peak load defined in Appendix C", "after the
#: number of failed sign-ins given in Table 4", "(see Section 5)". Not a requirement label ("(R7)"):
#: a reference to a place where values are listed.
_VALUE_AT = lazy_compile(
    r"\b(?:defined|specified|given|stated|set\s+out|listed|documented|detailed|tabulated|configured)\s+(?:in|under)\s+"
    r"(?:the\s+)?(?:appendix|annex|table|section|chapter)\s+[A-Z0-9]|"
    r"\(\s*see\s+(?:appendix|annex|table|section|chapter)\s+[A-Z0-9]",
    re.I,
)


def value_given_at(text: str) -> bool:
    """True when `text` says where in the document its value is given ("the peak load defined in Appendix C")."""
    return bool(_VALUE_AT.search(text))


# --- tables -----------------------------------------------------------------------------------


class TableRow(Record):
    """A table row with its header and the section it is in."""

    __slots__ = ("section", "header", "cells")

    def __init__(self, section: Section, header: list[TableCell], cells: list[TableCell]) -> None:
        self.section = section
        self.header = header
        self.cells = cells

    @property
    def text(self) -> str:
        return " | ".join(cell.text for cell in self.cells)

    @property
    def span(self) -> Span:
        first, last = self.cells[0].span, self.cells[-1].span
        return Span(first.start, last.end)


def table_rows(document: Document) -> Iterator[TableRow]:
    """Body rows of every table outside block quotes, with the section they stand in."""
    for section in document.root.walk():
        for table in _tables(section.blocks):
            for row in table.rows:
                if row:
                    yield TableRow(section, table.header, row)


def _tables(blocks: list) -> Iterator[Table]:
    for block in blocks:
        if isinstance(block, Table):
            yield block
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _tables(item.blocks)


_MEASURED_KEYS = frozenset(normalize_title(title) for title in (
    "performance", "performance requirements", "latency", "scalability", "scale", "capacity",
    "service level objectives", "slos", "performance and scale", "performance and scalability",
    "throughput",
))


def is_measured_quality_section(section: Section) -> bool:
    """Performance, latency, scalability, capacity, SLOs: a section whose every item is a number
    to meet. (Availability and reliability sections also hold behaviours such as failover.)"""
    return any(_key_matches(each, _MEASURED_KEYS) for each in _nearest(section))
