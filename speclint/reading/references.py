"""Numbered things a document defines and the references to them: short IDs, labelled items, sections.

A requirement table that stops at R6, decisions D1 to D3, Kiro's "Requirement 1" to "Requirement 7",
numbered headings up to 5.2: each is a numbered series the document defines. A reference past the
end of the series ("(R7)", "D4", "Requirement 9", "see §5.3") names something that is not there.

Only series the document itself defines are read (at least two members, starting at 0 or 1), and
only references past the series' last member count: a gap may be a withdrawn item, and a
document that defines no series may be citing another document. The one exception is a Kiro
spec's `tasks.md` and `design.md`, whose trace lines (`_Requirements: 2.3_`) cite the series of
the `requirements.md` beside them (`dangling_in_requirements_file`).
"""

from __future__ import annotations

import os
import re
import weakref
from typing import Iterable, Iterator, Pattern

from speclint.document.model import Document, ListBlock, ListItem, Paragraph, Span, Table, TextSegment
from speclint.document.text import find_all, mask_invisible, strip_inline
from speclint.lazy_regex import lazy_compile
from speclint.reading.normative import is_keyed_section, requirement_ids
from speclint.reading.requirements import plain_cannot_hold
from speclint.reading.vocabulary import WITHDRAWN_WORDS, is_criteria_title, prefix_of
from speclint.record import Record

# --- short IDs: R1, D3, G2, NFR7 ----------------------------------------------------------------

#: `R7`, `D-4`, `NG2`, `PERF-3`: one to three capitals and an optional dash, or four capitals and a
#: dash, then a number (not a version `R1.2.3` nor part of a word or a path).
SHORT_ID = lazy_compile(
    r"(?<![\w\-./#§@$%+])(?P<prefix>[A-Z]{1,3}(?=-?\d)|[A-Z]{4}(?=-\d))-?(?P<number>\d{1,3})(?![\w\-]|\.\d|[,.]\d|%)"
)
#: Prefixes that are seldom a numbered series of the document's own: heading levels, priorities,
#: quarters and halves, cloud services and product names, network layers, sizes.
_NOT_SERIES = frozenset({
    "H", "P", "Q", "S", "L", "V", "X", "E", "C", "K", "W", "Y", "Z", "MD", "HTTP", "TLS", "SHA", "AES", "UTF",
    "EC", "RSA", "FY", "CY", "CVE", "ISO", "RFC", "PEP", "KEP", "GEP", "SEC", "ES", "GC", "SQL", "IE", "OS",
    "GPT", "API", "T", "N", "M", "A", "B", "F", "O", "U", "I", "J",
})
#: Series whose dashed form TR002 already checks (`FR-012`) when the document defines dashed IDs:
#: here the undashed form, and the dashed one against an undashed series (`FR-12` after FR1 to FR10).
_DASHED_ELSEWHERE = frozenset({"FR", "NFR", "REQ", "SC", "US", "AC", "UC", "BR", "TR", "SR", "PR", "QR"})
#: A short ID that starts a line, a cell or a heading and is followed by its text: a definition.
_DEFINING_START = lazy_compile(
    r"^[\s>*_\[(]{0,4}(?P<id>[A-Z]{1,3}-?\d{1,3}|[A-Z]{4}-\d{1,3})(?:[*_\])]{0,3})(?:\s*(?:[:.)|—–]|-\s|\s-\s)|\s*$|\s+\S)"
)
#: A number of a heading: `## 5.3 Title`, `### 5.3. Title`, `## Section 5`, `## 5) Title`.
_HEADING_NUMBER = lazy_compile(r"^\W{0,3}(?:(?:section|chapter|part)\s+)?(?P<number>\d{1,2}(?:\.\d{1,2}){0,4})(?:\.|\))?(?=\s|$)", re.I)

# --- labelled items: Requirement 9, Decision 4, User Story 3 ------------------------------------

_ITEM_LABELS = {
    "requirement": "Requirement",
    "requirements": "Requirement",
    "decision": "Decision",
    "decisions": "Decision",
    "user story": "User Story",
    "user stories": "User Story",
    "story": "User Story",
    "stories": "User Story",
    "goal": "Goal",
    "goals": "Goal",
    "non-goal": "Non-goal",
    "non-goals": "Non-goal",
    "risk": "Risk",
    "risks": "Risk",
    "option": "Option",
    "options": "Option",
}
#: Items of a plan, a pitch, a test plan or a FAQ that authors number and cite the same way ("Phase
#: 3", "sketch 2", "Scenario 4", "question 9"), in English, German, Spanish and French. Units of time
#: (day, week, sprint, version) are not here: "Day 30" is a date to come, not an item to find.
_SERIES_NOUNS = {
    "phase": "Phase", "phases": "Phase", "fase": "Phase", "fases": "Phase",
    "step": "Step", "steps": "Step", "schritt": "Step", "schritte": "Step", "paso": "Step", "pasos": "Step",
    "étape": "Step", "étapes": "Step", "etapa": "Step", "etapas": "Step",
    "stage": "Stage", "stages": "Stage",
    "milestone": "Milestone", "milestones": "Milestone", "meilenstein": "Milestone", "hito": "Milestone",
    "wave": "Wave", "waves": "Wave",
    "scenario": "Scenario", "scenarios": "Scenario", "szenario": "Scenario", "escenario": "Scenario",
    "use case": "Use Case", "use cases": "Use Case",
    "alternative": "Alternative", "alternatives": "Alternative",
    "sketch": "Sketch", "sketches": "Sketch", "breadboard": "Breadboard", "breadboards": "Breadboard",
    "figure": "Figure", "figures": "Figure",
    "question": "Question", "questions": "Question", "faq": "Question",
    "driver": "Driver", "drivers": "Driver",
    "principle": "Principle", "principles": "Principle",
}
_ITEM_LABELS.update(_SERIES_NOUNS)
_SERIES_LABELS = frozenset(_SERIES_NOUNS.values())
#: How far past the end of such a series a reference may be and still be a slip ("FAQ 14" of eleven):
#: "Phase 11" of a plan with three phases names another plan's phase.
_SERIES_REACH = 3
_SERIES_WORDS = (r"|phases?|fases?|steps?|schritte?|pasos?|[ée]tapes?|etapas?|stages?|milestones?|meilenstein|hito|waves?|"
                 r"scenarios?|szenario|escenario|use\s+cases?|alternatives?|sketch(?:es)?|breadboards?|figures?|questions?|"
                 r"faq|drivers?|principles?")
_LABEL_WORDS = (r"(?:requirements?|decisions?|user\s+stor(?:y|ies)|stor(?:y|ies)|(?:non-)?goals?|risks?|options?"
                + _SERIES_WORDS + ")")
#: `Requirement 9`, `Requirements 1.2, 3.4 and 9.1`, `User Story 3`: a label and its numbers.
LABELLED_REFERENCE = lazy_compile(
    r"(?<![\w\-])(?P<label>" + _LABEL_WORDS + r")\s+#?(?P<numbers>\d{1,3}(?:\.\d{1,3})?"
    r"(?:\s*(?:,|&|and|or|/)\s*\d{1,3}(?:\.\d{1,3})?){0,30})(?![\w\-]|\.\d)",
    re.I,
)
_LABELLED_DEFINITION = lazy_compile(
    r"^[\s>*_\[(]{0,4}(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?P<label>requirement|decision|user\s+story|story|(?:non-)?goal|risk|option"
    r"|phase|fase|step|schritt|paso|[ée]tape|etapa|stage|milestone|meilenstein|hito|wave|scenario|szenario|escenario|"
    r"use\s+case|alternative|sketch|breadboard|figure|question|driver|principle)\s+"
    r"(?P<number>\d{1,3})(?![\w.\-]|\.\d)",
    re.I,
)
_NUMBER = lazy_compile(r"\d{1,3}(?:\.\d{1,3})?")

# --- sections: §5.3, section 5.3 ------------------------------------------------------------------

#: `§5.3`, `§ 5`, `section 5.3`, `Sections 4.1 and 4.2`.
SECTION_REFERENCE = lazy_compile(
    r"(?:§{1,2}\s?|(?<![\w\-])[Ss]ections?\s+)(?P<numbers>\d{1,2}(?:\.\d{1,2}){0,4}"
    r"(?:\s*(?:,|&|and|or|–|-|to)\s*\d{1,2}(?:\.\d{1,2}){0,4}){0,10})(?![\w\-]|\.\d)"
)
#: `§2(12)`, `§ 3(b)(1)`: a statute's sections, cited by a document about the law.
_LEGAL_CITATION = lazy_compile(r"§\s?\d{1,4}\([\da-z]{1,3}\)")
_SECTION_NUMBER = lazy_compile(r"\d{1,2}(?:\.\d{1,2}){0,4}")

#: Near before a reference, a name of another document: "RFC 9110 §5.3", "ISO 27001 section 6",
#: "PCI DSS Requirement 9", "the wiki §9", "the platform spec's Requirement 3".
_EXTERNAL_WORDS = lazy_compile(
    r"\b(?:RFC|ISO|IEC|IEEE|NIST|SP|PCI|DSS|GDPR|HIPAA|SOC|OWASP|WCAG|ASVS|CWE|FIPS|ECMA|W3C|IETF|"
    r"POSIX|ANSI|CFR|USC|Article|Art|Annex|Appendix|spec|specs|specification|standard|regulation|act|law|"
    r"directive|guide|guidelines|manual|book|paper|reference|docs|documentation|RFD|KEP|PEP|GEP|OTEP|ADR|PRD|"
    r"README|chapter|wiki|framework|crate|library|package|project|upstream|RFCs|"
    # a section of an agreement the spec cites: "as stated in contract section 7.2", "Contract section 7"
    r"contract|contracts|agreement|agreements|policy|SLA|MSA|DPA|handbook|charter|licen[cs]e)\b",
    re.I,
)
#: Standards and laws cited by section, found a few words before the reference.
_STANDARDS = lazy_compile(r"\b(?:RFC|ISO|IEC|IEEE|NIST|PCI|GDPR|HIPAA|OWASP|WCAG|FIPS|CFR|ECMA|POSIX|ANSI|W3C|IETF)\b")
_FILE_SUFFIXES = (".md", ".markdown", ".yaml", ".yml", ".json", ".txt", ".rst", ".adoc")


_LISTED_ID = lazy_compile(r"[A-Z]{1,3}-?\d{1,3}")


def _names_a_document(word: str) -> bool:
    """The word just before a reference names another document: an acronym or a CamelCase name
    (`DSS`, `OAuth2`, `GitHub`), a file (`research.md`), a possessive (`framework's`)."""
    word = word.strip("*_,;:(")
    if not word or _LISTED_ID.fullmatch(word):
        return False  # "(G2, G4)": the reference before, in a list of the same kind, names no document
    if word.lower().endswith(_FILE_SUFFIXES) or word in ("its", "their") or word.endswith(("'s", "’s")):
        return True
    capitals = sum(char.isupper() or char.isdigit() for char in word)
    return word[0].isupper() and capitals >= 2 and all(char.isalnum() or char == "-" for char in word)


#: After a reference, a name of another document: "section 5.3 of RFC 9110", "§4 in the Go spec".
_EXTERNAL_AFTER = lazy_compile(
    r"^(?:\s*\([^)]{0,40}\))?\s*(?:(?:of|from)\s+(?:the\s+|that\s+|an?\s+)|(?:of|from|in)\s+(?:[A-Z\[`\"“]|[\w\-]+['’]s\b))"
)


class Reference(Record):
    """A reference to a numbered item: what it names (`R7`, `Requirement 9`, `§5.3`) and where."""

    __slots__ = ("shown", "series", "number", "span", "last")

    def __init__(self, shown: str, series: str, number: tuple[int, ...], span: Span, last: str) -> None:
        self.shown = shown
        self.series = series  # "R", "Requirement", "§"
        self.number = number
        self.span = span
        self.last = last  # the series' last member, for the message


class Series(Record):
    """Members of one numbered series the document defines: prefix -> major numbers defined."""

    __slots__ = ("members",)

    def __init__(self, members: dict[str, set[int]] | None = None) -> None:
        self.members = {} if members is None else members

    def add(self, series: str, number: int) -> None:
        self.members.setdefault(series, set()).add(number)

    def last(self, series: str) -> int | None:
        """The last member of a real series (two members at least, starting at 0 or 1)."""
        numbers = self.members.get(series)
        if not numbers or len(numbers) < 2 or min(numbers) > 1:
            return None
        return max(numbers)


_cache: weakref.WeakKeyDictionary[Document, tuple[list[Reference], list[Reference], list[Reference]]] = (
    weakref.WeakKeyDictionary()
)


def dangling_references(document: Document) -> tuple[list[Reference], list[Reference], list[Reference]]:
    """(short IDs, labelled items, sections) referenced past the end of their series."""
    if document not in _cache:
        places = list(_places(document))  # the three readings walk the same places: found once
        _cache[document] = (
            list(_dangling_short_ids(document, places)),
            list(_dangling_labelled(document, places)),
            list(_dangling_sections(document, places)),
        )
    return _cache[document]


# --- where text is ------------------------------------------------------------------------------


class _Place(Record):
    """Text where a numbered item may be defined or referred to."""

    __slots__ = ("segments", "defining", "heading", "keyed", "cell")

    def __init__(self, segments: list[TextSegment], defining: bool, heading: bool = False, keyed: bool = False,
                 cell: bool = False) -> None:
        self.segments = segments
        self.defining = defining  # a heading, a first table cell, the start of a paragraph or list item
        self.heading = heading
        self.cell = cell  # a table cell
        #: in a section that keys tests, criteria or metrics to items defined elsewhere ("| G-3 | pages
        #: per week |" under Metrics, "- Story 4: ..." under Acceptance criteria): a leading ID there
        #: defines only a series the rest of the document does not
        self.keyed = keyed


#: Sections that measure items defined elsewhere (beside those `is_keyed_section` knows).
_MEASURING_WORDS = frozenset({"metric", "metrics", "kpi", "kpis", "measurement", "measurements"})


def _places(document: Document) -> Iterator[_Place]:
    for section in document.root.walk():
        keyed = section.heading is not None and (is_keyed_section(section) or any(
            _MEASURING_WORDS.intersection(strip_inline(each.title).lower().split())
            for each in (section, *section.ancestors()) if each.heading is not None))
        if section.heading is not None:
            yield _Place([section.heading.text_segment], True, heading=True)
        for place in _block_places(section.blocks):
            place.keyed = keyed
            yield place


_ID_COLUMN_NAMES = frozenset({"id", "#", "ref", "key", "no", "no.", "code", "req", "req id", "decision", "risk", "goal"})


def _block_places(blocks: list) -> Iterator[_Place]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield _Place(block.segments, True)
        elif isinstance(block, Table):
            names = [strip_inline(mask_invisible(cell.text)).strip().lower() for cell in block.header]
            id_columns = {index for index, name in enumerate(names) if name in _ID_COLUMN_NAMES} or {0}
            for row in [block.header, *block.rows]:
                for index, cell in enumerate(row):
                    yield _Place(cell.segments, index in id_columns, cell=True)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _block_places(item.blocks)
        elif isinstance(block, ListItem):
            yield from _block_places(block.blocks)
        elif hasattr(block, "blocks"):
            yield from _block_places(block.blocks)


def _is_external(text: str, start: int, end: int, source: str | None = None) -> bool:
    """True when the reference at text[start:end] names an item of another document. `text` is
    masked; `source`, the same text unmasked, shows a code span or a path just before."""
    before = (source or text)[max(0, start - 60):start].rstrip()
    if before.endswith(("`", "`,", "`;", "]")) or _ends_with_link(before):
        return True
    words = before.split()
    if len(words) > 1 and _VERSION.fullmatch(words[-1].strip("*_,;:(")):
        words = words[:-1]  # "Backend Ingest API v4, section 5": the document's name is before its version
    if words and _names_a_document(words[-1]):
        return True
    if len(words) > 1 and words[-1].isdigit() and _names_a_document(words[-2]):
        return True
    if words and _EXTERNAL_WORDS.fullmatch(words[-1].strip("*_,;:(")):
        return True  # "the wiki §9", "the guide section 4"
    if len(words) > 1 and _is_name(words[-1]) and not words[-2].endswith((".", ":", "|", "!", "?")):
        return True  # "the Canon R7", "a Pixel 8": a product's name, mid-sentence
    if _STANDARDS.search(before[-25:]):
        return True  # "RFC 9110, §5.3", "ISO/IEC 27001:2022 section 6"
    if text[start:start + 1] == "§" and _STATUTE_AFTER.match(text, end):
        return True  # "§ 8 GwG", "§ 25a Abs. 1 KWG": a section of a statute, named after the number
    return bool(_EXTERNAL_AFTER.match(text[end:end + 60]))


#: A version after a document's name: "v4", "v2.1" (not a bare number: "Alternative 2; Alternative 3").
_VERSION = lazy_compile(r"v\d+(?:\.\d+){0,2}", re.I)
#: After "§ 8": the statute's abbreviation, as German (and Austrian, Swiss) law is cited ("§ 8 GwG",
#: "§ 147 Abs. 1 AO", "§ 25a KWG"), possibly after a paragraph, sentence or number.
_STATUTE_AFTER = lazy_compile(
    r"[a-z]?(?:\s+(?:Abs\.|Absatz|S\.|Satz|Nr\.|lit\.)\s*\d{0,3}[a-z]?)*\s+(?:[A-ZÄÖÜ][A-Za-zäöü]{0,6}[A-ZÄÖÜ]"
    r"[A-Za-zäöü]{0,3}|AO)\b(?!-)"
)


_SENTENCE_WORDS = frozenset({"See", "Per", "Also", "And", "Or", "In", "As", "Under", "Like", "From", "With", "Unlike"})


#: Nouns that name the kind of item an ID belongs to ("siehe Anforderung A5", "Event E6"): German
#: capitalises them mid-sentence, and they name no product.
_ITEM_KIND_WORDS = frozenset({
    "Requirement", "Event", "Step", "Phase", "Stage", "Decision", "Goal", "Risk", "Story", "Item", "Rule",
    "Anforderung", "Ereignis", "Schritt", "Stufe", "Regel", "Entscheidung", "Ziel", "Risiko", "Punkt",
    "Requisito", "Evento", "Paso", "Fase", "Regla", "Exigence", "Étape", "Règle",
})


def _is_name(word: str) -> bool:
    return word.isalpha() and word[0].isupper() and word[1:].islower() and word not in _SENTENCE_WORDS \
        and word not in _ITEM_KIND_WORDS


def _ends_with_link(text: str) -> bool:
    """`... [the guide](https://...)`: a link just before."""
    if not text.endswith(")"):
        return False
    opening = text.rfind("](")
    return opening >= 0 and ")" not in text[opening + 2:-1]


def _withdrawn(text: str) -> bool:
    return bool(WITHDRAWN_WORDS.search(text))


def _citing_places(places: Iterable[_Place], pattern: Pattern[str], headings: bool = False,
                   ) -> Iterator[tuple[list[tuple[re.Match[str], Span]], str, str]]:
    """Each place where `pattern` matches, with its matches, its masked text and its source text;
    not headings (a heading names its own section: "Non-goal Story 6"; unless `headings`), and not
    text that withdraws what it names."""
    for place in places:
        if place.heading and not headings:
            continue
        matches = list(find_all(pattern, place.segments))
        if not matches:
            continue
        source = "\n".join(segment.text for segment in place.segments)
        text = mask_invisible(source)
        if not _withdrawn(text):
            yield matches, text, source


# --- short IDs ----------------------------------------------------------------------------------


def _short_series(places: list[_Place]) -> Series:
    """The short-ID series the document defines in its places."""
    series, keyed, rows = Series(), Series(), Series()
    has_digit = _DIGIT.search
    for place in places:
        if place.defining:
            for index, segment in enumerate(place.segments):
                # every definition holds a digit, and masking and stripping add none
                if not has_digit(segment.text):
                    continue
                # a later line defines only when it starts with `**` or `__`, which masking never makes
                if index > 0 and not place.heading and not _TWO_MARKS.search(segment.text):
                    continue
                line = mask_invisible(segment.text)
                if index > 0 and not place.heading and not re.match(r"^\s*(?:[*_]{2})", line):
                    continue
                text = strip_inline(line) if place.heading else line
                if place.heading:
                    text = _HEADING_NUMBER.sub("", text, count=1).lstrip(" :.-")
                found = _DEFINING_START.match(text)
                if found:
                    prefix, number = _split(found.group("id"))
                    if prefix not in _NOT_SERIES:
                        (keyed if place.keyed else series).add(prefix, number)
                    elif place.cell and not place.keyed:
                        rows.add(prefix, number)
    # A prefix that is seldom a series ("A4" paper, "E2" instance, "P1" priority) is one when a
    # table's ID column numbers three rows or more with it: "| A1 – Reminder |", "| E1 | order.created |"
    for prefix, numbers in rows.members.items():
        if len(numbers) >= 3 and rows.last(prefix) is not None and prefix not in series.members:
            for number in numbers:
                series.add(prefix, number)
    return _with_keyed(series, keyed)


def _with_keyed(series: Series, keyed: Series) -> Series:
    """`series`, plus the series defined only where items are keyed (a test plan's T1 to T5): a
    keyed row past the end of a series defined elsewhere is a reference to follow, not a definition."""
    for name, numbers in keyed.members.items():
        if series.last(name) is None:
            for number in numbers:
                series.add(name, number)
    return series


_TWO_MARKS = lazy_compile(r"[*_]{2}")
_DIGIT = lazy_compile(r"\d")


def _split(identifier: str) -> tuple[str, int]:
    match = re.match(r"([A-Z]+)-?(\d+)", identifier)
    assert match
    return match.group(1), int(match.group(2))


def _dangling_short_ids(document: Document, places: list[_Place]) -> Iterator[Reference]:
    series = _short_series(places)
    lasts = {prefix: series.last(prefix) for prefix in series.members}
    lasts = {prefix: last for prefix, last in lasts.items() if last is not None}
    if not lasts:
        return

    def dashed_defined() -> set[str]:
        return {prefix_of(each.requirement_id) for each in requirement_ids(document) if each.defines}

    for matches, text, source in _citing_places(places, SHORT_ID, headings=True):
        for match, span in matches:
            prefix, number = match.group("prefix"), int(match.group("number"))
            last = lasts.get(prefix)
            if last is None or number <= last:
                continue
            if "-" in match.group(0) and prefix in _DASHED_ELSEWHERE and prefix in dashed_defined():
                continue  # TR002 reads it against the dashed IDs the document defines
            if _year_after(text, match.end()) or _is_external(text, match.start(), match.end(), source):
                continue
            yield Reference(match.group(0), prefix, (number,), span, f"{prefix}{last}")


def _year_after(text: str, end: int) -> bool:
    return bool(re.match(r"\s*(?:['’]?\d{2}\b|/\d{2,4}|\d{4})", text[end:end + 6]))


# --- labelled items -----------------------------------------------------------------------------


#: Sections whose ordered list numbers the items of a series: "## Requirements" then "1. ...", "2. ...";
#: a decision record's "## Considered Options" then "1. LaunchDarkly", "2. Unleash" ("Option 4" of three).
_LIST_SERIES = (("requirement", "Requirement"), ("decision driver", "Driver"), ("decision", "Decision"),
                ("user stor", "User Story"), ("stories", "User Story"), ("considered option", "Option"),
                ("options considered", "Option"), ("option", "Option"), ("driver", "Driver"),
                ("principle", "Principle"), ("guiding principle", "Principle"))
#: Series whose items a bulleted list numbers too: MADR's "## Decision Drivers" is a `*` list that the
#: outcome cites by position ("meets drivers 1 to 3").
_BULLETED_SERIES = frozenset({"Driver"})


def _ordered_list_series(document: Document, series: Series) -> None:
    """Items of an ordered list directly under a requirements, decisions or stories section number
    that series, when no labelled item does ("see requirement 9" of a list of seven)."""
    for section in document.root.walk():
        if section.heading is None:
            continue
        title = strip_inline(section.title).lower()
        label = next((name for word, name in _LIST_SERIES if title.lstrip(" 0123456789.").startswith(word)), None)
        if label is None or label in series.members:
            continue
        lists = [block for block in section.blocks
                 if isinstance(block, ListBlock) and (block.ordered or label in _BULLETED_SERIES)]
        if len(lists) == 1:
            for offset in range(len(lists[0].items)):
                series.add(label, (lists[0].start if lists[0].ordered else 1) + offset)


#: A FAQ's numbered question: `**7. How is playback kept in sync?**`, `### 3. Who installs it?`.
_NUMBERED_QUESTION = lazy_compile(r"^\W{0,4}(?P<number>\d{1,2})[.)]\s+[^?\n]{3,200}\?")
_FAQ_TITLE = lazy_compile(r"(?=[fqp])(?:\bfaqs?\b|frequently asked|\bquestions\b|preguntas|fragen)", re.I)


def _faq_series(document: Document, series: Series) -> None:
    """The numbered questions of FAQ sections (headings, or paragraphs that open with one) number
    the "Question" series that "question 9" and "FAQ 14" cite."""
    if "Question" in series.members:
        return
    for section in document.root.walk():
        if section.heading is None or not any(_FAQ_TITLE.search(strip_inline(each.title or ""))
                                              for each in (section, *section.ancestors()) if each.heading is not None):
            continue
        found = _NUMBERED_QUESTION.match(strip_inline(section.title)) if section.level > 2 else None
        if found:
            series.add("Question", int(found.group("number")))
        for block in section.blocks:
            if isinstance(block, Paragraph) and block.segments:
                found = _NUMBERED_QUESTION.match(mask_invisible(block.segments[0].text))
                if found and block.segments[0].text.lstrip().startswith(("**", "__")):
                    series.add("Question", int(found.group("number")))


def _dangling_labelled(document: Document, places: list[_Place]) -> Iterator[Reference]:
    series, keyed = Series(), Series()
    defining_spans: set[tuple[int, int]] = set()
    has_digit = _DIGIT.search
    for place in places:
        if not place.defining:
            continue
        for index, segment in enumerate(place.segments):
            # a later line of a paragraph defines only when it opens with a bold label of its own
            # ("**Milestone 1**: ...", "**Milestone 2**: ..." on consecutive lines)
            # or with emphasis ("![...](flow.png)" then "*Figure 1: request flow*", a caption)
            if index > 0 and (place.heading or not segment.text.lstrip().startswith(("*", "_"))):
                continue
            if not has_digit(segment.text) or plain_cannot_hold(segment.text, _LABELLED_DEFINITION):
                continue  # every labelled definition holds a number and a label, and masking and stripping add none
            text = strip_inline(mask_invisible(segment.text))
            found = _LABELLED_DEFINITION.match(text)
            # "Phase 3: ...", "Phase 3 (4.13+): ...": the label, maybe a note in brackets, then its text
            if found and (place.heading or re.match(r"^\W{0,4}\w[\w ]*\d+(?:\s?\([^()\n]{1,30}\))?\W{0,4}(?:[:.)—–\-]|$)",
                                                    text)):
                label = _ITEM_LABELS[" ".join(found.group("label").lower().split())]
                # a plan's phase or a pitch's sketch defines its item wherever it stands; only a
                # requirement, story or decision is keyed to one defined elsewhere
                defines = not place.keyed or label in _SERIES_LABELS
                (series if defines else keyed).add(label, int(found.group("number")))
                if defines:
                    defining_spans.add((segment.line, segment.column))
    _ordered_list_series(document, series)
    _faq_series(document, series)
    series = _with_keyed(series, keyed)
    if all(series.last(label) is None for label in series.members):
        yield from _dangling_criteria_ids(document, places, {})
        yield from _dangling_appendices(document, places)
        return  # no labelled series to run past the end of
    counts = _criteria_counts(document) if series.last("Requirement") is not None else {}
    past_criteria: list[Reference] = []
    cites_another = False
    for matches, text, source in _citing_places(places, LABELLED_REFERENCE):
        # one reference to another document's items ("extends the CA spec's Requirement 17 and
        # reuses its Requirement 9, Requirement 15...") makes the paragraph's others its too
        if any(_is_external(text, match.start(), match.end(), source) for match, _ in matches):
            cites_another = True
            continue
        for match, span in matches:
            label = _ITEM_LABELS[" ".join(match.group("label").lower().split())]
            last = series.last(label)
            if last is None:
                continue
            if not place.keyed and (_opens_definition(place, match, text) or _at_definition(place, match, defining_spans)):
                continue
            for position, number_match in enumerate(_NUMBER.finditer(match.group("numbers"))):
                major, _, minor = number_match.group(0).partition(".")
                if position and len(major) >= 3 and last < 100:
                    break  # "Requirement 2, 404 responses": a status code or a count, not the list's next item
                if int(major) > last:
                    if label in _SERIES_LABELS and int(major) > last + _SERIES_REACH:
                        break
                    yield Reference(f"{label} {number_match.group(0)}", label, (int(major),), span,
                                    f"{label} {last}")
                    break
                criteria = counts.get(int(major)) if label == "Requirement" and minor else None
                if criteria is not None and int(minor) > criteria:
                    # Kiro's "Requirement 2.4": the fourth criterion of requirement 2, which has two
                    past_criteria.append(Reference(f"{label} {number_match.group(0)}", label, (int(major), int(minor)),
                                                   span, f"{label} {major}.{criteria}"))
                    break
    if not cites_another:
        # a document that cites another spec's "Requirement 16.3" may mean it by a bare "Requirement 16.6" too
        yield from past_criteria
    yield from _dangling_story_ids(document, places, series.last("User Story"))
    if not cites_another:
        yield from _dangling_criteria_ids(document, places, counts)
    yield from _dangling_appendices(document, places)


#: `US-5`, `US5`: a user story cited by an ID, in a document that numbers its stories "Story 1"...
_STORY_ID = lazy_compile(r"(?<![\w\-./#])US-?(?P<number>\d{1,3})(?![\w\-]|\.\d)")
_STORY_ID_DEFINED = lazy_compile(r"(?m)^[\s>*_\[(|#\-]{0,8}US-?\d")


def _dangling_story_ids(document: Document, places: list[_Place], last: int | None) -> Iterator[Reference]:
    """`US-5` in a document whose stories are "Story 1" to "Story 3" and that gives no story an ID
    of its own: the fifth story is not there."""
    if last is None or "US" not in document.source or _STORY_ID_DEFINED.search(document.source):
        return
    for matches, text, source in _citing_places(places, _STORY_ID):
        for match, span in matches:
            number = int(match.group("number"))
            if number > last and not _is_external(text, match.start(), match.end(), source):
                yield Reference(match.group(0), "User Story", (number,), span, f"User Story {last}")


#: `AC 2.4`, `AC2.4`: criterion 4 of requirement or story 2 (the dashed `AC-2.4` is TR002's).
_CRITERION_REFERENCE = lazy_compile(r"(?<![\w\-./#])AC ?(?P<major>\d{1,2})\.(?P<minor>\d{1,2})(?![\w\-]|\.\d)")
_CRITERION_DEFINITION = lazy_compile(r"^[\s>*_\[(|]{0,6}AC[ \-]?(?P<major>\d{1,2})\.(?P<minor>\d{1,2})(?![\w\-]|\.\d)")


def _dangling_criteria_ids(document: Document, places: list[_Place], counts: dict[int, int]) -> Iterator[Reference]:
    """`AC 2.4` when requirement 2's criteria stop at AC 2.2 (labelled `AC 2.1`..., or Kiro's numbered
    list under "Requirement 2"), or when no requirement 2 has criteria at all."""
    if "AC" not in document.source:
        return
    defined: dict[int, int] = {}
    for place in places:
        if place.defining and place.segments and not place.heading:
            found = _CRITERION_DEFINITION.match(strip_inline(mask_invisible(place.segments[0].text)))
            if found:
                major = int(found.group("major"))
                defined[major] = max(defined.get(major, 0), int(found.group("minor")))
    defined = defined or dict(counts)
    if sum(defined.values()) < 2 or min(defined) > 1:
        return  # no series of criteria to run past the end of
    for matches, text, source in _citing_places(places, _CRITERION_REFERENCE):
        for match, span in matches:
            major, minor = int(match.group("major")), int(match.group("minor"))
            if minor <= defined.get(major, 0) or _is_external(text, match.start(), match.end(), source):
                continue
            last = f"AC {major}.{defined[major]}" if major in defined else f"AC {max(defined)}.{defined[max(defined)]}"
            yield Reference(match.group(0), "AC", (major, minor), span, last)


#: `Appendix C`: a lettered appendix, defined by a heading ("## Appendix A: Glossary").
_APPENDIX_REFERENCE = lazy_compile(r"(?<![\w\-])[Aa]ppendix\s+(?P<letter>[A-Z])(?![\w\-])")
_APPENDIX_HEADING = lazy_compile(r"^\W{0,4}(?:\d{1,2}\.?\s+)?Appendix\s+(?P<letter>[A-Z])(?![\w\-])", re.I)


# A heading that holds appendices under another name ("## Appendices", "## Annex"), or an
# appendix kept in a file of its own (`appendix-c.md`).
_APPENDICES_TITLE = lazy_compile(r"\W{0,4}(?:\d{1,2}\.?\s+)?(?:appendi(?:ces|x)|annex|anhang|anexo|annexe)\b", re.I)
_APPENDIX_FILE = lazy_compile(r"appendix[-_ ]?[a-z]\.md", re.I)
_LINKED_AFTER = lazy_compile(r"\]")  # the text of a link: "[Appendix C](appendix-c.md)", "[Appendix G][]"


def _dangling_appendices(document: Document, places: list[_Place]) -> Iterator[Reference]:
    """`Appendix C` in a document whose appendices are A and B."""
    if "ppendix" not in document.source:
        return
    letters = set()
    elsewhere = False
    for section in document.root.walk():
        if section.heading is not None:
            title = strip_inline(section.title)
            found = _APPENDIX_HEADING.match(title)
            if found:
                letters.add(found.group("letter").upper())
            elif _APPENDICES_TITLE.match(title):
                elsewhere = True
    if letters and "A" not in letters:
        return
    # No appendix at all: "Appendix C" points at nothing, unless the document has an appendix
    # under another name ("## Appendices", "## Annex") or its appendices are files of their own.
    if not letters and (elsewhere or _APPENDIX_FILE.search(document.source)):
        return
    last = max(letters) if letters else ""
    for place in places:
        if place.heading:
            continue
        matches = list(find_all(_APPENDIX_REFERENCE, place.segments))
        if not matches:
            continue
        source = "\n".join(segment.text for segment in place.segments)
        text = mask_invisible(source)
        for match, span in matches:
            if match.group("letter") > last and not _is_external(text, match.start(), match.end(), source):
                if not last and _LINKED_AFTER.match(text, match.end()):
                    continue  # "[Appendix C](appendix-c.md)": an appendix kept elsewhere, or another document's
                yield Reference(match.group(0), "Appendix", (ord(match.group("letter")) - 64,), span,
                                f"Appendix {last}" if last else "")


def _criteria_counts(document: Document) -> dict[int, int]:
    """Requirement number -> its last acceptance criterion, for requirements headed "Requirement N"
    whose criteria are one numbered list under an acceptance-criteria heading (Kiro's layout)."""
    counts: dict[int, int] = {}
    for section in document.root.walk():
        if section.heading is None:
            continue
        found = _LABELLED_DEFINITION.match(strip_inline(section.title))
        if not found or not found.group("label").lower().startswith("requirement"):
            continue
        lists = [block for child in section.children if is_criteria_title(child.title)
                 for block in child.blocks if isinstance(block, ListBlock)]
        if len(lists) == 1 and lists[0].ordered and lists[0].start == 1:
            counts[int(found.group("number"))] = len(lists[0].items)
    return counts


# --- a Kiro spec's tasks and design, against its requirements.md -------------------------------

#: The trace line of a Kiro task or design property: `_Requirements: 1.1, 2.3_`,
#: `**Validates: Requirements 1.2, 3.4**`, `_Requirements: Requirement 2, 3_`.
_TRACE_LINE = lazy_compile(
    r"(?<![A-Za-z0-9])(?:Requirements?|Validates|Implements|Satisfies|Covers)[ \t]*:[ \t]*(?:Requirements?[ \t]+)?"
    r"(?P<numbers>\d{1,3}(?:\.\d{1,3})?(?:[ \t]*(?:,|&|and)[ \t]*(?:Requirements?[ \t]+)?\d{1,3}(?:\.\d{1,3})?){0,40})"
    r"(?![A-Za-z0-9\-]|\.\d)",  # an underscore may close the italics: `_Requirements: 2.3_`
    re.I,
)
_TRACE_NUMBER = lazy_compile(r"\d{1,3}(?:\.\d{1,3})?")
#: The files of a Kiro spec that trace to its requirements.md.
_TRACING_FILES = frozenset({"tasks.md", "design.md"})


def dangling_in_requirements_file(document: Document) -> list[Reference]:
    """In a Kiro spec's `tasks.md` or `design.md`, the requirements and criteria its trace lines
    (`_Requirements: 2.3_`) and labelled references (`Requirement 9`) cite that the
    `requirements.md` beside it does not have: no requirement 9 among its `### Requirement N`
    headings, or a third criterion of a requirement whose numbered criteria stop at two."""
    if document.file_path is None or os.path.basename(str(document.file_path)).lower() not in _TRACING_FILES:
        return []
    if "equirement" not in document.source:
        return []
    from speclint.reading.metadata import sibling_document

    requirements = sibling_document(document, "requirements.md")
    if requirements is None:
        return []
    defined = Series()
    for section in requirements.root.walk():
        if section.heading is not None:
            found = _LABELLED_DEFINITION.match(strip_inline(section.title))
            if found and found.group("label").lower().startswith("requirement"):
                defined.add("Requirement", int(found.group("number")))
    last = defined.last("Requirement")
    if last is None:
        return []  # requirements.md does not number its requirements as Kiro does
    numbers = defined.members["Requirement"]
    counts = _criteria_counts(requirements)
    found_references: list[Reference] = []
    seen: set[tuple[int, int]] = set()  # "Validates: Requirements 4.2" is both a trace line and a label
    for place in _places(document):
        if place.heading:
            continue
        for pattern in (_TRACE_LINE, LABELLED_REFERENCE):
            for match, span in find_all(pattern, place.segments):
                if pattern is LABELLED_REFERENCE and not match.group("label").lower().startswith("requirement"):
                    continue
                source = match.string
                if _is_external(source, match.start(), match.end()):
                    continue
                for number_match in _TRACE_NUMBER.finditer(match.group("numbers")):
                    major, _, minor = number_match.group(0).partition(".")
                    shown = f"Requirement {number_match.group(0)}"
                    start = match.start("numbers") + number_match.start()
                    span = _span_of(place.segments, start, start + len(number_match.group(0))) or span
                    if (span.start.line, span.start.column) in seen:
                        break
                    seen.add((span.start.line, span.start.column))
                    if int(major) not in numbers:
                        if int(major) > last:  # a gap may be a withdrawn requirement
                            found_references.append(Reference(shown, "Requirement", (int(major),), span,
                                                              f"Requirement {last}"))
                            break
                        continue
                    criteria = counts.get(int(major)) if minor else None
                    if criteria is not None and int(minor) > criteria:
                        found_references.append(Reference(shown, "Requirement", (int(major), int(minor)), span,
                                                          f"Requirement {major}.{criteria}"))
                        break
    return found_references


def _span_of(segments: list[TextSegment], start: int, end: int) -> Span | None:
    """The span of text[start:end], where text is the segments' texts joined by newlines."""
    offset = 0
    for segment in segments:
        if offset <= start and end <= offset + len(segment.text):
            column = segment.column + start - offset
            return Span.of(segment.line, column, segment.line, column + end - start)
        offset += len(segment.text) + 1
    return None


#: After a label at the start of a paragraph, what makes it the item's own label: a delimiter or
#: the item's text in capitals ("Requirement 8: ...", "Requirement 8 The system ..."), not a
#: sentence about it ("Requirement 9 covers exports").
_DEFINITION_AFTER = lazy_compile(r"^[*_\])]{0,3}\s*(?:[:.)|—–\-]|$|[A-Z*_(\[])")


def _opens_definition(place: _Place, match: re.Match[str], text: str) -> bool:
    return place.defining and match.start() == 0 and bool(_DEFINITION_AFTER.match(text[match.end():match.end() + 8]))


def _at_definition(place: _Place, match: re.Match[str], defining_spans: set[tuple[int, int]]) -> bool:
    if not place.segments:
        return False
    first = place.segments[0]
    prefix = mask_invisible(first.text)[: match.start()] if match.start() <= len(first.text) else "x"
    return (first.line, first.column) in defining_spans and not re.search(r"\w", strip_inline(prefix) or "")


# --- sections -----------------------------------------------------------------------------------


def section_numbers(document: Document) -> set[tuple[int, ...]]:
    """Numbers of the numbered headings: `## 5. Risks` -> (5,), `### 5.3 Rollback` -> (5, 3)."""
    numbers: set[tuple[int, ...]] = set()
    for section in document.root.walk():
        if section.heading is None:
            continue
        found = _HEADING_NUMBER.match(strip_inline(section.heading.text))
        if found:
            numbers.add(tuple(int(part) for part in found.group("number").split(".")))
    return numbers


def _subsection_counts(document: Document) -> dict[tuple[int, ...], int]:
    """Number of a numbered heading -> how many subsections it has (numbered or not)."""
    counts: dict[tuple[int, ...], int] = {}
    for section in document.root.walk():
        if section.heading is None:
            continue
        found = _HEADING_NUMBER.match(strip_inline(section.heading.text))
        if found:
            counts[tuple(int(part) for part in found.group("number").split("."))] = len(section.children)
    return counts


def _past_unnumbered_subsections(number: tuple[int, ...], numbers: set[tuple[int, ...]],
                                 children: dict[tuple[int, ...], int]) -> bool:
    """`§5.3` in a document whose numbered headings are `## 1.` to `## 6.` with unnumbered
    subsections: there is no 5.3 when section 5 has fewer than three subsections, nor a 7.1 when
    the sections stop at 6."""
    if len(number) != 2 or not all(len(each) == 1 for each in numbers):
        return False
    major = number[:1]
    if major not in numbers:
        return number[0] > max(numbers)[0]
    return number[1] > children.get(major, 0)


#: After a section reference, words that say it is a section of this very document: "§5.3 of this
#: document", "section 4 in this spec", "section 2 below".
_THIS_DOCUMENT_AFTER = lazy_compile(
    r"^\s*(?:(?:of|in)\s+this\s+(?:document|doc|spec|specification|proposal|PRD|RFC|KEP|design|page|FAQ|ADR|"
    r"record|pitch|SRS|one-pager|plan)\b|below\b|above\b)",
    re.I,
)


def _names_this_document(text: str, end: int) -> bool:
    return bool(_THIS_DOCUMENT_AFTER.match(text[end:end + 40]))


def _dangling_sections(document: Document, places: list[_Place]) -> Iterator[Reference]:
    if "§" not in document.source and "ection" not in document.source:
        return
    numbers = section_numbers(document)
    if _LEGAL_CITATION.search(document.source):
        return
    # With fewer than three numbered headings, a bare "§5.3" usually cites another document; only
    # a reference that names this document ("§5.3 of this document") is read.
    only_this_document = len(numbers) < 3
    if only_this_document and "this" not in document.source and "below" not in document.source \
            and "above" not in document.source:
        return
    depths = {len(number) for number in numbers}
    children = _subsection_counts(document)
    for place in places:
        if place.heading:
            continue
        source = "\n".join(segment.text for segment in place.segments)
        if "§" not in source and "ection" not in source:
            continue  # masking only blanks characters: the masked text holds neither either
        text = mask_invisible(source)
        if "§" not in text and "ection" not in text or _withdrawn(text):
            continue
        matches = list(find_all(SECTION_REFERENCE, place.segments))
        if any(_is_external(text, match.start(), match.end(), source) for match, _ in matches):
            continue  # "Wiki §9.2 moved to §9.1": the paragraph is about another document's sections
        for match, span in matches:
            this_document = _names_this_document(text, match.end())
            if only_this_document and not this_document:
                continue
            for number_match in _SECTION_NUMBER.finditer(match.group("numbers")):
                number = tuple(int(part) for part in number_match.group(0).split("."))
                if number in numbers:
                    continue
                if this_document and not numbers:
                    pass  # "§5.3 of this document" in a document that numbers no heading at all
                elif len(number) not in depths and not _past_unnumbered_subsections(number, numbers, children):
                    continue
                last = ".".join(str(part) for part in max(numbers)) if numbers else ""
                yield Reference(f"§{number_match.group(0)}", "§", number, span, last)
                break
