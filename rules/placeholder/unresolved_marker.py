"""PH001 unresolved-marker: TBD, TODO, FIXME and friends left in the visible text."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.headings import heading_key
from speclint.document.model import Document, Section, Span
from speclint.document.text import find_all, iter_prose
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Subsumes, Violation, Within
from speclint.lazy_regex import lazy_compile
from speclint.reading.languages import OPEN_FIELD_MARKERS, OPEN_ITEM_MARKERS
from speclint.reading import kep
from speclint.reading.tracking import tracked_point, varies_per_case
from speclint.startup_store import compile_pattern

DEFAULT_MARKERS = ("TBD", "tbd", "TBC", "TBA", "TODO", "FIXME", "XXX", "TKTK")


class UnresolvedMarker(Rule):
    """Flags unresolved markers (TBD, TBC, TBA, TODO, FIXME, XXX, TKTK, ???, [NEEDS CLARIFICATION: ...], <<[UNRESOLVED]>>) in visible text.

    **What it flags.** A marker that says "this is not decided yet", written in the text a reader
    sees: paragraphs, list items, table cells and headings. That includes spec-kit's
    `[NEEDS CLARIFICATION: ...]` and the KEP template's `<<[UNRESOLVED ...]>>` blocks. Markers are
    matched as whole upper-case words, and words that talk *about* markers are left alone: "a
    to-do list", `TODO.md`, a "TODO-list app", "a TODO list", "TODO comments", "the TODO entry",
    a quoted `"TBD"`, "No [NEEDS CLARIFICATION] markers remain" (but "with a TODO: decide how ...",
    an article then the marker and its note, is the marker itself); a hedge on a name left open on
    purpose ("(flag TBD)", "a separate notation (TBD) that ...") is not reported, nor a marker its own
    sentence or table cell says was decided on a date ("TBD → decided 2026-02-02 as ..."), nor one
    that holds the place of a link to a change not made yet ("PR link: TBD", "Pull request: TODO" in
    a list of the work to do: there is nothing to decide). A marker its own sentence (or the next)
    lists as a tracked open point is the listing this rule asks for and is left alone: it names the ticket that tracks it ("TBD, tracked in LOC-541", "Ticket PRC-77", or
    a marker that is the text of a link to the issue: `[TBD](https://jira.example.com/browse/OPS-42)`),
    or an owner of the decision with a date or a forum ("TBD. The pricing committee sets it in its
    September review"); so is a value fixed case by case ("TBD per merchant, as negotiated in each
    contract") and the row of a glossary table that defines the marker. "TBD, we will decide later",
    "TBD (ask Maria)", "TBD with the network team" and "owned by the storage team" alone are still
    reported. Markers in
    an open-questions section (also "Offene Punkte", "Preguntas abiertas", "Questions ouvertes", an
    SRS's "To Be Determined List") are listed there, and those in a change history or decision log
    are history. Text in code spans, code blocks,
    HTML comments and link targets is never read.

    **Proposals that say the point is not due yet.** `error` is kept for markers that are certainly
    defects. A KEP-style proposal says in its own metadata how far it is (front matter, `kep.yaml`, or
    a Gateway API GEP's `metadata.yaml`): under `provisional`, `prototyping` or `draft` the process
    merges it with open points on purpose (the KEP template: a provisional KEP "is a working document
    and subject to change"; Gateway API: implementation details "have not been agreed to yet"), so a
    marker there is reported one level lower (an error becomes a warning) and the message says it is
    due before the proposal becomes implementable. Likewise a marker in a section the template
    requires only once the proposal targets a release (the `deferred-sections` option; the OpenShift
    and Cluster API profiles name Test Plan and Graduation Criteria, whose template note says
    "Section not required until targeted at a release"), or in an alpha KEP's "when targeting beta"
    questions, is a warning until the proposal's status says `implemented`. The same marker in an
    `implementable` or `implemented` proposal, in any other section, or in a document with no status
    stays an error. A proposal whose status says it ended without being built as written (`replaced`,
    `superseded`, `withdrawn`, `rejected`, a GEP's `Declined`) is a record: what it left open will
    never be decided in it, and no marker in it is reported. A TBD in the proposal's metadata
    (approvers, reviewers) is `front-matter-schema`'s, and stays an error whatever the status, as
    OpenShift's own metadata linter rejects it.

    **Why it matters.** An engineer who meets "Retry policy: TBD" in the middle of a sprint has to
    stop and find the author. A spec that is ready for review has either decided, or lists the open
    point as an open question with an owner.

    **Example**

    ```markdown
    ## Retries
    The client retries failed uploads. Backoff: TBD.
    ```

    **Use instead**

    ```markdown
    ## Retries
    The client retries a failed upload 3 times, waiting 1 s, 2 s, then 4 s.
    ```
    """

    id = "PH001"
    name = "unresolved-marker"
    category = Category.PLACEHOLDER
    default_level = Level.ERROR
    # Makes redundant where they meet (one defect, one finding): a section whose only content is the marker is one
    # unwritten section, which ST003 would report as empty; the marker's finding stays, as it knows when a proposal's
    # section may still wait (provisional, not yet targeted at a release)
    subsumes = (Subsumes(("ST003",), Within.SECTION),)
    aliases = ("tbd",)
    options = (
        Option("markers", "list[str]", list(DEFAULT_MARKERS), "Upper-case words that mark unresolved text."),
        Option("question-marks", "bool", True, "Also flag runs of three or more question marks (`???`)."),
        Option("needs-clarification", "bool", True, "Also flag spec-kit's `[NEEDS CLARIFICATION: ...]`."),
        Option("deferred-sections", "list[str]", [],
               "Titles of sections the template requires only once the proposal targets a release "
               "(with their subsections); a marker there is reported one level lower until the proposal "
               "is implemented."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        pattern = _pattern(tuple(context.options["markers"]), context.options["question-marks"],
                           context.options["needs-clarification"])
        if pattern is None:
            return
        not_due = _NotDueYet(document, tuple(context.options["deferred-sections"]))
        # One defect, one finding: UNRESOLVED blocks that defer the same thing ("beta") are reported
        # once, at the first, which names the lines of the others.
        unresolved: dict[str, tuple[str, list[Span], str | None]] = {}
        markers = frozenset(context.options["markers"])
        # The same marker in cells of consecutive table rows ("| Build | < 10 min | TBD |" for every
        # stage) is one pending column: one finding at the first cell.
        table_run: list[Span] = []
        table_marker = ""
        table_reason: str | None = None
        answered: dict[int, bool] = {}  # by section: decided once per section, not per paragraph
        glossaries: dict[int, bool] = {}  # by section, asked only for a marker that opens an entry
        for prose in iter_prose(document):
            key = id(prose.section)
            if key not in answered:
                answered[key] = _answers_elsewhere(prose.section)
            if answered[key]:
                continue
            for match, span in find_all(pattern, prose.segments):
                if _DEFINED_TERM.match(match.string, match.end()) and not match.string[: match.start()].strip(" \t-*+|_"):
                    if key not in glossaries:
                        glossaries[key] = _in_glossary(prose.section)
                    if glossaries[key]:
                        continue  # "- **TBD:** this document has none": the term a glossary defines
                if prose.kind == "table-cell" and _defines_marker_row(document, prose, markers):
                    if key not in glossaries:
                        glossaries[key] = _in_glossary(prose.section)
                    if glossaries[key]:
                        continue  # "| TBD | To be determined; ... |": a glossary table's entry for the term
                if (_is_mention(match, prose.kind == "heading", markers) or _is_deliberate(match)
                        or _struck_through(match) or _resolved_in_place(match) or _placeholder_values(match)
                        or _listed_where_it_stands(match) or _links_to_its_ticket(document, span)
                        or _awaits_a_change_link(match)):
                    continue
                if not_due.dropped():
                    return  # a record of a proposal nobody builds: its open points stay open
                reason = not_due.reason(prose.section)
                if match.group("clarify"):
                    question = " ".join(match.group("question").split())
                    yield _violation(span, f"needs clarification: {question}: answer it in the spec"
                                     if question else "needs clarification: answer it in the spec", reason)
                elif match.group("unresolved"):
                    context_words = " ".join(match.group("context").split())
                    unresolved.setdefault(context_words.lower(), (context_words, [], reason))[1].append(span)
                elif prose.kind == "table-cell":
                    marker = match.group(0)
                    if table_run and marker == table_marker and span.start.line - table_run[-1].start.line in (0, 1):
                        table_run.append(span)
                        continue
                    if table_run:
                        yield _table_violation(table_marker, table_run, table_reason)
                    table_run, table_marker, table_reason = [span], marker, reason
                else:
                    marker = match.group(0)
                    yield _violation(span, f"unresolved marker '{marker}': decide, or list it as an open question",
                                     reason)
        if table_run:
            yield _table_violation(table_marker, table_run, table_reason)
        yield from _front_matter_markers(document, markers, not_due)
        for context_words, spans, reason in unresolved.values():
            about = f" ({context_words})" if context_words else ""
            others = ""
            if len(spans) > 1:
                lines = ", ".join(str(span.start.line) for span in spans[1:])
                others = f"; {len(spans) - 1} more block{'s' * (len(spans) > 2)} defer{'s' * (len(spans) == 2)} the same, at line{'s' * (len(spans) > 2)} {lines}"
            yield _violation(spans[0], f"unresolved block{about}: settle it and remove the UNRESOLVED markers{others}",
                             reason)


#: Front matter of an enhancement proposal (a creation date, reviewers or approvers): its values are
#: `front-matter-schema`'s, which reports a TBD there against the project's own metadata linter.
_PROPOSAL_KEYS = ("creation-date", "reviewers", "approvers")


#: Front-matter values left as the template wrote them: `???`, `yyyy-mm-dd`.
_FRONT_MATTER_BLANK = lazy_compile(r"\?{3,}|(?i:yyyy-mm-dd|mm/dd/yyyy|dd/mm/yyyy)")


def _front_matter_markers(document: Document, markers: frozenset[str], not_due: _NotDueYet) -> Iterator[Violation]:
    """A front-matter value that is only a marker (`owner: TBD`, `launch: "???"`, a `- TODO` list
    item, `updated: yyyy-mm-dd`): metadata nobody filled in, which status boards and ownership
    reports then show."""
    front_matter = document.front_matter
    data = front_matter.data if front_matter is not None and front_matter.error is None else None
    if not isinstance(data, dict) or ("creation-date" in data and any(key in data for key in _PROPOSAL_KEYS[1:])):
        return
    assert front_matter is not None
    for key, value in data.items():
        paths: list[tuple[object, ...]] = [(key,)] if isinstance(value, str) else (
            [(key, index) for index, item in enumerate(value) if isinstance(item, str)] if isinstance(value, list) else [])
        for path in paths:
            item = value if len(path) == 1 else value[path[1]]
            marker = item.strip()
            if marker not in markers and not _FRONT_MATTER_BLANK.fullmatch(marker):
                continue
            position = front_matter.value_position(*path)  # type: ignore[arg-type]
            if position is None or not 0 < position.line <= len(document.lines):
                continue
            line = document.lines[position.line - 1]
            column = line.find(marker, position.column - 1)
            if column < 0:
                continue
            if not_due.dropped():
                return
            yield _violation(Span.of(position.line, column + 1, position.line, column + 1 + len(marker)),
                             f"front-matter '{key}' is left as '{marker}': fill it in", not_due.reason(None))


class _NotDueYet:
    """Why a marker in this document is not yet a certain defect, if it is not: the proposal's own
    metadata says it is still being defined (provisional), or the marker sits in a section its
    template requires only at a later stage. Such a marker is reported one level lower, saying when
    it is due; anywhere else, and in a proposal whose feature is implemented, it stays as it is. In a
    proposal that was dropped (replaced, withdrawn...) it is not reported at all."""

    def __init__(self, document: Document, deferred_sections: tuple[str, ...]) -> None:
        self.document = document
        self.deferred_keys = frozenset(heading_key(title) for title in deferred_sections)
        self._status: tuple[str | None, bool, bool] | None = None

    def _read_status(self) -> tuple[str | None, bool, bool]:
        if self._status is None:  # read the metadata once, and only when there is a marker
            self._status = (kep.still_defined_status(self.document), kep.is_shipped(self.document),
                            kep.is_early(self.document))
        return self._status

    def dropped(self) -> bool:
        """The proposal ended without being built as written: nothing in it is due any more."""
        return kep.is_dropped(self.document)

    def reason(self, section: Section | None) -> str | None:
        still_defined, shipped, early = self._read_status()
        if still_defined:
            return f"the proposal is {still_defined}: resolve it before it becomes implementable"
        if shipped or section is None:
            return None
        current: Section | None = section
        while current is not None:
            if heading_key(current.title) in self.deferred_keys:
                return f"the template requires '{current.title}' only once the proposal targets a release: fill it in by then"
            current = current.parent
        if early and kep.deferred_to_later_stage(section):
            return "the template asks for this section only when the proposal targets beta: answer it by then"
        return None


def _violation(span: Span, message: str, not_due: str | None) -> Violation:
    if not_due is None:
        return Violation(span, message)
    return Violation(span, f"{message} ({not_due})", one_level_lower=True)


def _table_violation(marker: str, spans: list[Span], not_due: str | None) -> Violation:
    message = f"unresolved marker '{marker}': decide, or list it as an open question"
    if len(spans) > 1:
        lines = sorted({span.start.line for span in spans[1:]})
        message += f" ({len(spans) - 1} more in this table, at line{'s' * (len(lines) > 1)} {', '.join(map(str, lines))})"
    return _violation(spans[0], message, not_due)


# A section listing open questions already says what is undecided ("list it as an open question"),
# a section the template marks optional may stay unwritten, and an implementation history is
# written as the work happens.
_OPEN_QUESTIONS = lazy_compile(
    r"\b(?:open|unresolved|outstanding)\s+(?:questions?|issues?|points?)\b|\bimplementation history\b|[\[(]\s*optional\s*[\])]|\boptional\s*$", re.I
)
# The same in German, Spanish and French ("Offene Punkte", "Preguntas abiertas", "Questions ouvertes"),
# open items, and IEEE 830's "To Be Determined List", where an SRS keeps its open TBDs by design. A change
# history or decision log records past states ("Expiry was TBD; set to 24 months"): its entries are
# history, and a marker still open in the body is reported there.
_LISTED_OR_PAST = lazy_compile(
    r"\b(?:open|outstanding)\s{1,3}items?\b|"
    r"\boffene\s{1,3}(?:punkte|fragen|themen)\b|\b(?:preguntas|cuestiones|temas|puntos)\s{1,3}(?:abiert[oa]s|pendientes)\b|"
    r"\b(?:questions|points)\s{1,3}(?:ouvert(?:e)?s|en\s{1,3}suspens)\b|"
    r"\bto\s{1,3}be\s{1,3}(?:determined|decided|confirmed)\s{1,3}(?:list|items)\b|\btbd\s{1,3}(?:list|items|register)\b|"
    r"\b(?:change|revision|version|document|edit)\s{1,3}(?:history|log)\b|\bchangelog\b|\bdecision\s{1,3}log\b|"
    r"\bhistorial\s{1,3}de\s{1,3}(?:cambios|revisiones|versiones)\b|\b(?:änderungs|versions|revisions)(?:historie|verlauf|übersicht)\b|"
    r"\bhistorique\s{1,3}des\s{1,3}(?:modifications|révisions|versions)\b",
    re.I,
)


def _answers_elsewhere(section: object) -> bool:
    current = section
    while current is not None:
        title = getattr(current, "title", "") or ""
        if _OPEN_QUESTIONS.search(title) or _LISTED_OR_PAST.search(title):
            return True
        current = getattr(current, "parent", None)
    return False


# "(flag TBD)", "(exact naming TBD)": a detail deliberately left to implementation.
_SHORT_HEDGE = lazy_compile(r"\(\s*(?:[\w`'-]+\s+){1,2}$")
# "a separate notation (TBD) that ...", "plain+v1 (TBD) bundle formats": a bare parenthesised marker
# after a word, with the sentence going on, qualifies a name or detail left open on purpose.
_BARE_HEDGE_BEFORE = lazy_compile(r"\S ?\($")
_SENTENCE_GOES_ON = lazy_compile(r"\)[ \t]+[a-z]")
_DEFINED_ABBREVIATION = lazy_compile(r"To Be (?:Determined|Confirmed|Decided)[\"”']?\s*\($", re.I)
_OPEN_LINK_TEXT = lazy_compile(r"\[[^\[\]]*$")
_CLOSE_LINK_TEXT = lazy_compile(r"[^\[\]]*\](?:[(\[]| {2,})")  # a blanked destination reads as spaces
_IMAGE_ALT = lazy_compile(r"!\[[^\[\]]*$")


def _is_deliberate(match: re.Match[str]) -> bool:
    """A marker that does not leave this document unfinished: a short hedge in parentheses ("(flag
    TBD)", or a bare "(TBD)" in the middle of a sentence), the
    abbreviation of "To Be Determined" being defined, or the text of a link or image (it names or
    describes the target)."""
    if match.group("unresolved") or match.group("clarify"):
        return False
    text = match.string
    if match.group(0).startswith("???") and match.start() > 0 and text[match.start() - 1].isalnum():
        return True  # "Can you do that???": emphasis, not a placeholder
    before = text[max(0, match.start() - 40) : match.start()]
    if _SHORT_HEDGE.search(before) and text[match.end() : match.end() + 2].lstrip().startswith(")"):
        return True
    if _BARE_HEDGE_BEFORE.search(before) and _SENTENCE_GOES_ON.match(text, match.end()):
        return True
    if _DEFINED_ABBREVIATION.search(before):
        return True
    if _IMAGE_ALT.search(text[max(0, match.start() - 120) : match.start()]):
        return True
    if (text[max(0, match.start() - 1):match.start()] == "[" and text[match.end():match.end() + 1] == "]"
            and not _MENTION_BEFORE.search(text[max(0, match.start() - 13):match.start() - 1])):
        return False  # "PR link: [TBD](https://...)": the whole link text is the marker, still open
    return bool(_OPEN_LINK_TEXT.search(text[max(0, match.start() - 120) : match.start()])
                and _CLOSE_LINK_TEXT.match(text, match.end()))


#: The label of a link to a change that is made when the work is done: "PR link:", "Pull request:",
#: "Merge request URL:", "CL:". The marker after it holds the place of the link, with nothing to decide.
_CHANGE_LINK_LABEL = lazy_compile(
    r"(?:\b(?:PR|MR|CL)s?|\b(?i:pull|merge)\s+(?i:requests?)|\b(?i:change\s*lists?|commits?|patch(?:es)?))"
    r"(?:\s+(?i:links?|urls?))?\s*:\s*\[?$"
)


def _awaits_a_change_link(match: re.Match[str]) -> bool:
    """"PR link: TBD", "* Pull request link: TBD": the place of a link to a change not made yet, in a
    list of the work still to do (a graduation checklist); the work itself is what the list states."""
    if match.group("unresolved") or match.group("clarify"):
        return False
    line_start = match.string.rfind("\n", 0, match.start()) + 1
    return _CHANGE_LINK_LABEL.search(match.string, line_start, match.start()) is not None


_SPELLED_OUT_VALUE = lazy_compile(r"to[ \t]+be[ \t]+(?:decided|determined|confirmed)", re.I)


def _placeholder_values(match: re.Match[str]) -> bool:
    """"(to be determined)" after a value is `placeholder-value`'s (PH004): one defect, one finding."""
    return bool(_SPELLED_OUT_VALUE.fullmatch(match.group(0))) and match.string[:match.start()].rstrip().endswith("(")


def _listed_where_it_stands(match: re.Match[str]) -> bool:
    """A marker its own sentence (or the next) lists as a tracked open point, with its ticket, or its
    owner and when or where it is decided ("TBD: Finance owns the decision in FIN-332"), or a value
    fixed case by case ("TBD per merchant, as negotiated in each contract"): the listing the message
    asks for, written in place."""
    if match.group("unresolved") or match.group("clarify"):
        return False
    return tracked_point(match.string, match.start(), match.end()) or varies_per_case(
        match.string, match.start(), match.end())


#: What follows a marker that is a link's whole text, when the link goes to the ticket that tracks it:
#: `[TBD](https://issues.example.com/browse/CONSOLE-4279)`, `[TODO](https://github.com/o/r/issues/12)`.
_TICKET_LINK = lazy_compile(
    r"\]\(\s*<?https?://[^\s)>]*?(?:/browse/[A-Z][A-Z0-9]{1,11}-\d+|/(?:-/)?issues/\d+|/tickets?/\d+)/?[)>\s]"
)


def _links_to_its_ticket(document: Document, span: Span) -> bool:
    """The marker is the text of a link to the issue that tracks it: the listing the message asks for,
    written as a link (link targets are not in the text the markers are looked for in)."""
    if span.end.line != span.start.line or not 0 < span.start.line <= len(document.lines):
        return False
    line = document.lines[span.start.line - 1]
    start, end = span.start.column - 1, span.end.column - 1
    return 0 < start < end and line[start - 1] == "[" and _TICKET_LINK.match(line, end) is not None


def _defines_marker_row(document: Document, prose: object, markers: frozenset[str]) -> bool:
    """The table row of this cell has a marker as its term ("| TBD | To be determined; ... |")."""
    line_number = prose.block.span.start.line  # type: ignore[attr-defined]
    if not 0 < line_number <= len(document.lines):
        return False
    cells = document.lines[line_number - 1].strip().removeprefix("|").split("|")
    return len(cells) > 1 and cells[0].strip("*_` \t") in markers


def _struck_through(match: re.Match[str]) -> bool:
    """`~~TODO: pick the region~~`: a marker struck through is one the author has resolved."""
    text = match.string
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    before = text[line_start:match.start()]
    after = text[match.end():line_end if line_end >= 0 else len(text)]
    return before.count("~~") % 2 == 1 and "~~" in after


#: After a marker, in its sentence or cell: it was settled on a date ("TBD → decided 2026-02-02 as T-48h",
#: "first listed as TBD, was decided on 2026-09-10"). Not a deadline: "to be decided by 2026-03-01".
_RESOLVED_ON_A_DATE = lazy_compile(
    r"[^.!?\n|]{0,40}?(?<!\bbe\s)(?<!\bto\s)\b(?:decided|resolved|settled|agreed|confirmed|fixed)\s+(?:on\s+)?"
    r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},?\s+\d{4})\b")


def _resolved_in_place(match: re.Match[str]) -> bool:
    """A marker the same sentence says was decided, with the date: a record of a settled point, as
    a decision log keeps it, not an open one."""
    if match.group("unresolved") or match.group("clarify"):
        return False
    return bool(_RESOLVED_ON_A_DATE.match(match.string, match.end()))


# A marker inside a title-case name is part of the name: "Human TODO Central", "the TODO Hub".
_NAME_AROUND = lazy_compile(r"[A-Z][a-z]+\s+$")
_NAME_AFTER = lazy_compile(r"\s+[A-Z][a-z]+\b(?!:)")


# Words after a marker that make it a noun people talk about: "TODO list", "TODO comments".
_MENTION_AFTER = lazy_compile(
    r"\s*(?:[\"'”’]|(?:list|lists|app|apps|application|item|items|comment|comments|entry|entries|marker|"
    r"markers|tag|tags|note|notes|file|files|tracker|format|placeholder|placeholders|syntax)\b)"
)
_MENTION_BEFORE = lazy_compile(
    r"(?:[\"'“‘]|\b(?:[Nn]o|[Zz]ero|[Aa]ny|[Rr]emaining|[Ee]very|an?|[Tt]he|[Tt]his|[Tt]hat|[Oo]pen|[Ss]ee|[Mm]ark|"
    r"[Mm]arked|[Ll]eave|[Ll]eaving|[Aa]dd|[Aa]dding|[Ww]rite)\s+)$"
)
# "a TODO: decide how to handle gaps": after an article, a marker followed by a colon and its note is
# the marker itself, written into the sentence, not a TODO talked about.
# Not after a verb that points at a marker elsewhere ("see the TODO: ...", "add a TODO: ...").
_ARTICLE_BEFORE = lazy_compile(
    r"(?:\b(?P<verb>[Ss]ee|[Mm]ark|[Mm]arked|[Ll]eave|[Ll]eaving|[Aa]dd|[Aa]dding|[Ww]rite|[Rr]ead|[Ff]ind)\s+)?"
    r"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat)\s+$"
)
_NOTE_FOLLOWS = lazy_compile(r":[ \t]+[A-Za-z]")
# Different markers listed together are markers talked about: "TODO, TKTK, ???", "TODO/TBD",
# "TODO and FIXME".
_JOIN = r"\s*(?:,|/|\band\b|\bor\b)\s*"
_OTHER_AFTER = lazy_compile(_JOIN + r"(?P<other>[A-Z]{3,}|\?{3,})(?![\w\-])")
# A run of `?` is tried from its first `?` only.
_OTHER_BEFORE = lazy_compile(r"(?P<other>(?<![\w\-])[A-Z]{3,}|(?<![\w\-?])\?{3,})" + _JOIN + "$")


# Sections that define terms: their entries name a marker to say what it means.
_GLOSSARY_TITLE = lazy_compile(
    r"definition|glossary|terminolog|acronym|abbreviation|\bterms\b|begriff|glosario|definicion|t[ée]rmino|"
    r"glossaire|d[ée]finition",
    re.I,
)
# After the term: the end of its bold label and a colon or a dash, then its definition.
_DEFINED_TERM = lazy_compile(r"(?::\*\*|\*\*[ \t]*:|\*\*[ \t]+[—–-]|:)[ \t]+\S")


def _in_glossary(section: object) -> bool:
    while section is not None:
        title = getattr(section, "title", "") or ""
        if title and _GLOSSARY_TITLE.search(title):
            return True
        section = getattr(section, "parent", None)
    return False


def _listed_with_another(match: re.Match[str], markers: frozenset[str]) -> bool:
    text, word = match.string, match.group(0)
    after = _OTHER_AFTER.match(text, match.end())
    before = _OTHER_BEFORE.search(text[max(0, match.start() - 16) : match.start()])
    return any(
        found is not None and found.group("other") != word
        and (found.group("other") in markers or found.group("other").startswith("???"))
        for found in (after, before)
    )


def _is_mention(match: re.Match[str], in_heading: bool = False, markers: frozenset[str] = frozenset()) -> bool:
    """True when the marker is talked about rather than used: quoted, a noun ("TODO list", "an open
    TODO", "see the FIXME"), listed with other markers ("leave TODO and FIXME comments"), or a bare
    `[NEEDS CLARIFICATION]` naming a heading ("Open Questions / [NEEDS CLARIFICATION]")."""
    if match.group("unresolved"):
        return False
    text = match.string
    before = text[max(0, match.start() - 12) : match.start()]
    after = text[match.end() : match.end() + 16]
    if match.group("clarify"):
        if match.group("question").strip():
            return False  # a real question is never a mention
        if in_heading:
            return True
    in_name = bool(_NAME_AROUND.search(before) and _NAME_AFTER.match(text, match.end()))
    article = _ARTICLE_BEFORE.search(text[max(0, match.start() - 24) : match.start()])
    if article and not article.group("verb") and _NOTE_FOLLOWS.match(text, match.end()):
        return False  # "with a TODO: decide how ...": an article, then the marker's own note
    return bool(
        in_name
        or _MENTION_BEFORE.search(before)
        or _MENTION_AFTER.match(after)
        or _listed_with_another(match, markers)
    )


_compiled: dict[tuple[tuple[str, ...], bool, bool], re.Pattern[str] | None] = {}

# German, Spanish and French open items ("Fecha: por definir", "(noch zu klären)", a cell "À définir"),
# only where a value stands: "ayuda a definir" and "à définir les rôles" are sentences, not markers.
_OPEN_ITEM = (
    r"(?:(?m:^)|(?<=[:(—–=|])|(?<=[:(—–=|][ \t])|(?<=[:(—–=|]\*\*[ \t])|(?<=[:(—–=|][ \t]\*\*)|(?<=[:(—–=|]\*\*)"
    # in emphasis: "**Responsable**: _por definir_", "Owner: *to be defined*"
    r"|(?<=[:(—–=|][ \t][_*])|(?<=[:(—–=|]\*\*[ \t][_*])|(?<=[:(—–=|][ \t][_*]{2}))"
    r"(?i:" + "|".join(re.escape(marker).replace(r"\ ", r"[ \t]+") for marker in sorted(OPEN_ITEM_MARKERS, key=len, reverse=True))
    + r")(?=[ \t]*(?:\*\*|[_*]{1,2})?[ \t]*(?:\*\*)?[ \t]*(?:[).;,!]|(?m:$)))"
    # "Owner: to be defined", "**Responsable**: _sin asignar_": after a label's colon only, to the line's end
    r"|(?:(?<=:[ \t])|(?<=:\*\*[ \t])|(?<=:[ \t][_*])|(?<=:\*\*[ \t][_*]))"
    r"(?i:" + "|".join(re.escape(marker).replace(r"\ ", r"[ \t]+") for marker in OPEN_FIELD_MARKERS)
    + r")(?=[ \t]*[_*]{0,2}[ \t]*[.]?[ \t]*(?m:$))"
)


def _pattern(markers: tuple[str, ...], question_marks: bool, clarify: bool) -> re.Pattern[str] | None:
    key = (markers, question_marks, clarify)
    if key not in _compiled:
        parts = []
        # The KEP template's <<[UNRESOLVED context]>> ... <<[/UNRESOLVED]>>: the opening marker.
        parts.append(r"(?P<unresolved><<\[UNRESOLVED\b(?P<context>[^\]]*)\]>>)")
        if clarify:
            parts.append(r"(?P<clarify>\[NEEDS CLARIFICATION:?(?P<question>[^\]]*)\])")
        if markers:
            words = "|".join(re.escape(marker) for marker in sorted(markers, key=len, reverse=True))
            # Not part of a longer word, file name or hyphenated compound ("TODO-list", "TODO.md").
            parts.append(r"(?<![\w\-./])(?:" + words + r")(?![\w\-]|\.\w)")
            parts.append(_OPEN_ITEM)
        if question_marks:
            parts.append(r"(?<!\?)\?{3,}")
        _compiled[key] = compile_pattern(_first_character_guard(markers) + "(?:" + "|".join(parts) + ")")
    return _compiled[key]


def _first_character_guard(markers: tuple[str, ...]) -> str:
    """A look-ahead admitting the characters a match can start with: `<` (UNRESOLVED), `[` (NEEDS
    CLARIFICATION), `?`, and the first letter of each marker and open-item word. Every alternative
    starts with a look-behind or `^`, which gives `re` no first character to scan for: it tried them
    all at every position of each piece holding a literal (on the Rust RFCs' 4,600 such pieces,
    0.29 -> 0.16 s). Case-insensitive, so it admits what the `(?i:...)` words start with (and more,
    for the upper-case markers: harmless)."""
    firsts = {"<", "[", "?"} | {marker[0] for marker in (*markers, *OPEN_ITEM_MARKERS, *OPEN_FIELD_MARKERS) if marker}
    return "(?=(?i:[" + "".join(re.escape(first) for first in sorted(firsts)) + "]))"
