"""Reading requirements, user stories and acceptance criteria out of a document.

The content rules (acceptance criteria, error handling, edge cases) all need the same picture of a
specification: which things are requirements or user stories, where each one's own text is, and which
acceptance criteria belong to it. This module builds that picture once per rule call from the model,
without printing or judging.

Three shapes of requirement are recognised, as real documents write them:

- a *section*: `### Requirement 3: Export`, `### User Story 1 - Sign in (Priority: P1)`,
  `### FR-004 Refunds` — everything under that heading belongs to it;
- a *list item*: `- **FR-001**: Users MUST ...`, or a "shall"/"must" item written directly under a
  requirements heading, or a `As a ..., I want ...` item under a user-stories heading;
- a *table row*: a row of a table with an ID or Requirement/Story column.

Acceptance criteria are recognised in these forms: a criteria heading (`#### Acceptance Criteria`,
"Definition of done", "Done when", "Acceptance scenarios") or a bold/colon label (`**Acceptance
Scenarios**:`, `Done when:`) followed by a list; Given/When/Then scenarios in prose or list items;
fenced `gherkin` blocks; EARS clauses (`WHEN ..., THE system SHALL ...`); a nested list under a
requirement list item; a table column named like acceptance criteria; a reference to criteria kept
elsewhere (`see AC-3`, a link to an acceptance-criteria heading).
"""

from __future__ import annotations

import re
from typing import Iterator
from weakref import WeakKeyDictionary

from speclint.document.headings import normalize_title
from speclint.document.model import (
    Block,
    CodeBlock,
    Document,
    HtmlBlock,
    ListBlock,
    ListItem,
    Paragraph,
    Section,
    Span,
    Table,
    TextSegment,
    iter_nested,
)
from speclint.document.text import could_match, mask_invisible, strip_inline, text_cache
from speclint.lazy_regex import lazy_compile
from speclint.reading import languages
from speclint.reading.vocabulary import (  # noqa: F401  (re-exported: rules import them from here)
    CRITERIA_LABEL,
    CRITERIA_SECTION_NAMES,
    CRITERION_ID,
    REQUIREMENT_ID,
    REQUIREMENTS_SECTION_NAMES,
    STORY_SECTION_NAMES,
    is_criteria_label,
    is_criteria_title,
    is_requirements_title,
    is_story_section_title,
)
from speclint.record import Record

# --- vocabulary -------------------------------------------------------------------------------

_REQUIREMENT_HEADING = lazy_compile(
    r"^(?:(?:functional\s+|business\s+|user\s+|system\s+)?requirement|req|" + languages.REQUIREMENT_HEADING_WORDS
    + r")\s*#?\s*\d",
    re.I,
)
_STORY_HEADING_NUMBERED = lazy_compile(
    r"^(?:(?:user\s+)?story|" + languages.STORY_HEADING_WORDS + r")\s*#?\s*\d|^(?:user\s+)?story\s*[:\-–—]", re.I)
_REQUIREMENT_ID_HEADING = lazy_compile(r"^\W*(?:FR|REQ|RQ|US|UR|BR|SR|UC)(?:-[A-Z]{1,8}-)?-?\d{1,4}(?:\.\d+)*\b")

_CRITERIA_LABEL = CRITERIA_LABEL
_CRITERIA_REFERENCE = lazy_compile(
    r"\b(?:see|in|under|per|covered\s+by|defined\s+in|listed\s+in|as\s+in)\b[^.\n]{0,60}?"
    r"\b(?:acceptance\s+(?:criteria|scenarios?|tests?)|definition\s+of\s+done|test\s+plan)\b",
    re.I,
)
#: The reference the other way round: "Acceptance criteria for this story are in [Balance checks](#...)",
#: "Its criteria are listed under Billing rules".
_CRITERIA_REFERENCE_AFTER = lazy_compile(
    r"\b(?:acceptance\s+(?:criteria|scenarios?|tests?)|criteria)\b[^.\n]{0,40}?\b(?:are|is|live|lives|sits?|kept|"
    r"listed|defined|given|written|described|covered|documented)\s+(?:in|under|below|above|at|by)\b",
    re.I,
)
_CRITERIA_ANCHOR_LINK = lazy_compile(r"\]\(#[^()\]]*(?:acceptance|criteria|definition-of-done|done-when)[^()\]]*\)", re.I)

# A job story ("When I reach a full dock, I want to see ..., so I can ...") is a story too.
_STORY_TEXT = lazy_compile(
    r"\bAs\s+(?:an?|the)\s+[^,.\n]{1,80}?,?\s+I\s+(?:want|need|would\s+like|can|should\s+be\s+able)\b|"
    r"\bWhen\s+[^.\n]{1,120}?,\s*I\s+(?:want|need|would\s+like)\b|\b(?:"
    + languages.USER_STORY_OPENING + ")",
    re.I,
)
_MODAL = lazy_compile(r"\b(?:shall|must|MUST|SHALL)\b", re.I)
#: A story paragraph may open with its label: "**Story 3: Merge carts.** As a shopper, I want ...".
#: The first words `_STORY_TEXT` (English, German, Spanish, French; a job story's "When") and `_STORY_LABEL`
#: ("Story 3", "Job 3") may match at the start.
_STORY_OPENER = lazy_compile(r"as|als|como|en|user|story|job|when", re.I)
_STORY_LABEL = lazy_compile(r"^(?:(?:user\s+|job\s+)?story|job)\s+\d{1,3}\b\s*(?:[:\-–—]\s*[^.\n]{0,60})?[.:]?[\s*_]{0,6}"
                            r"(?=as\s|when\s)", re.I)

# Given/When/Then: a scenario starts with Given, or marks its steps in bold.
_STARTS_WITH_GIVEN = lazy_compile(r"^\W{0,4}given\b", re.I)
_BOLD_GWT = lazy_compile(r"(?:\*\*|__)\s*(given|when|then)\s*(?:\*\*|__)", re.I)

#: EARS: the five patterns' leading keywords, and the one obligation word.
#: In German, Spanish and French only the upper-case keywords Kiro writes count ("WENN", not "wenn").
EARS_KEYWORD = lazy_compile(r"^\W{0,4}(WHEN|WHILE|WHERE|IF|(?-i:" + "|".join(languages.EARS_KEYWORDS) + r"))\b", re.I)
SHALL = lazy_compile(r"\bSHALL\b|(?-i:\b(?:" + "|".join(languages.EARS_SHALL) + r")\b)", re.I)

#: The first words EARS_KEYWORD may match (a foreign keyword of two words by its first).
_EARS_OPENER = lazy_compile(r"when|while|where|if|(?-i:" + "|".join(sorted({keyword.split()[0] for keyword in
                                                                            languages.EARS_KEYWORDS})) + r")", re.I)

_GHERKIN_LANGUAGES = {"gherkin", "feature", "cucumber", "behat"}
_GHERKIN_SCENARIO = lazy_compile(r"^[ \t]*(?:Scenario(?: Outline| Template)?|Example)\s*:", re.M)

_CRITERIA_COLUMN = lazy_compile(
    r"^(?:acceptance(?:\s+criteria|\s+criterion|\s+test)?s?|criteria|done\s+when|definition\s+of\s+done|"
    r"verification|how\s+to\s+verify|test(?:\s+case)?s?|expected(?:\s+(?:result|outcome|behaviou?r))?s?|"
    r"then|outcome|pass\s+criteria)$",
    re.I,
)


def is_criteria_column(name: str) -> bool:
    """A table column of criteria: "Acceptance criteria", "Done when", "Expected result", "验收标准"."""
    text = plain(name).strip()
    return bool(_CRITERIA_COLUMN.match(text)) or (not text.isascii() and is_criteria_title(text))


_ID_COLUMN = lazy_compile(r"^(?:id|#|req(?:uirement)?\s*(?:id|#)|story\s*(?:id|#)|key|ref)$", re.I)
_REQUIREMENT_COLUMN = lazy_compile(r"^(?:requirements?|user\s+stor(?:y|ies)|stor(?:y|ies)|description|feature)$", re.I)


# --- the picture ------------------------------------------------------------------------------


class Criterion(Record):
    """One acceptance criterion: a list item, a paragraph, a table cell or a gherkin scenario."""

    __slots__ = ("text", "segments", "span", "form", "block", "explicit")

    def __init__(
        self,
        text: str,
        segments: list[TextSegment],
        span: Span,
        form: str,
        block: object = None,
        explicit: bool = True,
    ) -> None:
        self.text = text  # the criterion's source text (inline markup kept; segments joined with newlines)
        self.segments = segments
        self.span = span
        self.form = form  # "item", "scenario", "gherkin", "ears", "cell", "nested"
        self.block = block
        self.explicit = explicit  # under a criteria heading/label, a scenario, EARS or gherkin


class Requirement(Record):
    """A requirement or user story, and the acceptance criteria that are its own."""

    __slots__ = (
        "kind",
        "label",
        "span",
        "form",
        "section",
        "block",
        "criteria",
        "references_criteria",
        "text",
        "segments",
    )

    def __init__(
        self,
        kind: str,
        label: str,
        span: Span,
        form: str,
        section: Section,
        block: object = None,
        criteria: list[Criterion] | None = None,
        references_criteria: bool = False,
        text: str = "",
        segments: list[TextSegment] | None = None,
    ) -> None:
        self.kind = kind  # "requirement" or "story"
        self.label = label  # for messages: "FR-003", "Requirement 2", "user story 'Export invoices'"
        self.span = span  # where a finding about it points
        self.form = form  # "section", "list-item", "table-row"
        self.section = section
        self.block = block
        self.criteria = [] if criteria is None else criteria
        self.references_criteria = references_criteria
        self.text = text  # the requirement's own text (for the other content rules)
        self.segments = [] if segments is None else segments

    @property
    def covered(self) -> bool:
        return bool(self.criteria) or self.references_criteria


class SpecPicture(Record):
    """A document's requirements and acceptance criteria."""

    __slots__ = ("requirements", "criteria")

    def __init__(self, requirements: list[Requirement], criteria: list[Criterion]) -> None:
        self.requirements = requirements
        #: Every criterion in the document, including those that belong to no single requirement.
        self.criteria = criteria


# --- document kind ----------------------------------------------------------------------------

#: Profiles whose documents are proposals and decision records, not build specifications: they
#: have no requirement/criteria convention, so the coverage rules stay quiet on them. (Names as in
#: the built-in profiles; `go-design` and `otep` are the Go and OpenTelemetry proposal formats.)
PROPOSAL_PROFILES = ("rust-rfc", "kep", "adr", "go-design", "otep")
#: Profiles of companion documents (a spec-kit plan, a requirements-quality checklist): the
#: requirements live in the spec next to them, so coverage is judged there.
COMPANION_PROFILES = ("spec-kit-plan", "checklist")
#: Profiles of documents that implement or list a spec rather than state it: a plan, a task list.
TASK_LISTS = (*COMPANION_PROFILES, "kiro-tasks", "spec-kit-tasks", "not-a-spec")
#: Profiles of language and platform proposals (Rust RFCs, Go designs, OTEPs, OpenShift
#: enhancements, Gateway API GEPs, Cluster API proposals): they design a language, a library, a
#: protocol or a platform, and product concerns such as money do not arise in them. (A KEP-style
#: document, "kep", may be a product's own proposal and is not among them.)
PLATFORM_PROPOSALS = ("rust-rfc", "go-design", "otep", "openshift-enhancement", "gep", "capi-proposal")


def profile_name(context: object) -> str | None:
    """The name of the profile in use, or None while profiles are unknown."""
    return getattr(getattr(context, "profile", None), "name", None)


def document_kind(document: Document, context: object) -> str:
    """The name of the profile in use; without one (a rule run on its own, a third-party runner),
    the built-in profile that `speclint.engine.profiles` detects for the document."""
    name = profile_name(context)
    if name:
        return str(name)
    if document not in _detected:
        from speclint.engine.profiles import detect_profile_name

        _detected[document] = detect_profile_name(document)
    return _detected[document]


_detected: WeakKeyDictionary[Document, str] = WeakKeyDictionary()


def is_ears_document(document: Document, context: object) -> bool:
    return document_kind(document, context) == "ears"


def is_proposal(document: Document, context: object) -> bool:
    return document_kind(document, context) in PROPOSAL_PROFILES


def states_requirements(document: Document, context: object) -> bool:
    """False for the kinds of document where requirement coverage is not judged (proposals,
    decision records, plans and checklists), whatever profile they were given: an OpenShift
    enhancement or a Cluster API proposal checked as a design doc is still a proposal."""
    if document_kind(document, context) in PROPOSAL_PROFILES + COMPANION_PROFILES:
        return False
    return not reads_like_proposal(document)


def specifies_behaviour(document: Document, context: object) -> bool:
    """A document that states requirements and is not a task list or plan: where a missing edge
    case, criterion or failure behaviour is the document's own gap (a task list names the stories it
    implements; their criteria and cases live in the spec)."""
    return states_requirements(document, context) and document_kind(document, context) not in TASK_LISTS


#: Sections of the KEP template and its descendants (OpenShift enhancements, Cluster API
#: proposals, Gateway API GEPs): a proposal's user stories are motivation, its checks live in
#: the test plan and graduation criteria.
_PROPOSAL_SECTION_KEYS = frozenset(normalize_title(name) for name in (
    "motivation", "proposal", "design details", "graduation criteria", "test plan", "implementation history",
    "drawbacks", "alternatives", "upgrade downgrade strategy", "version skew strategy", "risks and mitigations",
    "production readiness review questionnaire", "infrastructure needed", "user stories", "goals", "non goals",
    "api extensions", "topology considerations", "support procedures", "operational aspects of api extensions",
))


def reads_like_proposal(document: Document) -> bool:
    """True for a numbered enhancement proposal ("GEP-2627: ...") or a document written on the
    KEP template (five or more of its sections)."""
    cached = _proposal_like.get(document)
    if cached is None:
        keys = {normalize_title(section.title) for section in document.sections()}
        cached = _proposal_like[document] = bool(_PROPOSAL_TITLE.match(document.title or "")) or (
            len(keys & _PROPOSAL_SECTION_KEYS) >= 5 and bool(
                keys & {"motivation", "graduation criterion", "test plan", "implementation history", "design detail"}))
    return cached


#: "GEP-2627: DNS configuration", "KEP-1287: In-place update": a numbered enhancement proposal.
_PROPOSAL_TITLE = lazy_compile(r"^\W*(?:GEP|KEP|OEP|OTEP|CAEP|RFC|ADR)[- ]?\d+\b")


_proposal_like: WeakKeyDictionary[Document, bool] = WeakKeyDictionary()


# --- text helpers -----------------------------------------------------------------------------


def plain(text: str) -> str:
    """Visible plain text of inline Markdown (code spans keep their content)."""
    return strip_inline(text)


_FIRST_WORD = lazy_compile(r"[^\W\d_]+")
#: The characters where `strip_inline` may start deleting (code ticks, HTML, links and images,
#: emphasis, strike-through, escapes, and the marks it parks code spans with): before the first
#: of them, the plain text is the source text.
_MAY_DELETE = frozenset("`<[!*_~\\\ue000\ue001")


def plain_cannot_hold(text: str, *patterns: object) -> bool:
    """True when neither `plain(text)` nor `strip_inline(mask_invisible(text))` can match any of
    `patterns`: `text` holds none of the characters where stripping or masking may join two
    runs of letters (so the plain text is `text` with its spaces collapsed, or blanked in places)
    and none of the literals every match of each pattern contains (`could_match`; no literal
    holds a space). False otherwise: the plain text must be worked out."""
    if any(char in text for char in _MAY_DELETE):
        return False
    return not any(could_match(pattern, text) for pattern in patterns)  # type: ignore[arg-type]


def plain_first_word(text: str) -> str | None:
    """The first word (letters) of `plain(text)`, read off `text` without stripping it, when
    `text` opens with letters followed by a character stripping keeps (or nothing); else None.
    `plain(text)` then starts with that word and a character that is not a letter: a pattern
    anchored at the start that needs another first word cannot match it, and `plain` need not be
    worked out (most paragraphs and items open with a word)."""
    found = _FIRST_WORD.match(text)
    if found is None:
        return None
    end = found.end()
    if end < len(text) and text[end] in _MAY_DELETE:
        return None
    return found.group(0)


def item_segments(item: ListItem) -> list[TextSegment]:
    """The segments of a list item's own paragraphs (not of its nested lists)."""
    segments: list[TextSegment] = []
    for block in item.blocks:
        if isinstance(block, Paragraph):
            segments.extend(block.segments)
    return segments


def item_text(item: ListItem) -> str:
    return "\n".join(segment.text for segment in item_segments(item))


def segments_span(segments: list[TextSegment], fallback: Span) -> Span:
    if not segments:
        return fallback
    first, last = segments[0], segments[-1]
    return Span.of(first.line, first.column, last.line, last.column + len(last.text))


def section_segments(section: Section, deep: bool = True) -> list[TextSegment]:
    """Every prose segment of a section: subsection headings, paragraphs, list items, table cells."""
    segments: list[TextSegment] = []
    for current in section.walk() if deep else [section]:
        if current.heading is not None and current is not section:
            segments.append(current.heading.text_segment)
        segments.extend(blocks_segments(current.blocks))
    return segments


def blocks_segments(blocks: list[Block]) -> list[TextSegment]:
    """The prose segments of `blocks` and of everything nested in them."""
    segments: list[TextSegment] = []
    for block in iter_nested(blocks):
        if isinstance(block, Paragraph):
            segments.extend(block.segments)
        elif isinstance(block, Table):
            for row in [block.header, *block.rows]:
                for cell in row:
                    segments.extend(cell.segments)
    return segments


def section_text(section: Section, deep: bool = True, with_code: bool = False) -> str:
    text = "\n".join(segment.text for segment in section_segments(section, deep))
    if with_code:
        code = [block.code for current in (section.walk() if deep else [section]) for block in
                iter_nested(current.blocks) if isinstance(block, CodeBlock)]
        text = "\n".join([text, *code])
    return text


def document_segments(document: Document) -> list[TextSegment]:
    return section_segments(document.root, deep=True)


NOT_IN_SCOPE_SECTION_NAMES = (
    "non goals", "non-goals", "out of scope", "not in scope", "future work", "future scope", "future",
    "later", "won't have", "wont have", "won't do", "alternatives", "alternatives considered",
    "rejected alternatives", "considered alternatives", "prior art", "background", "current state",
    "current behavior", "current behaviour", "existing behavior", "existing behaviour", "deprecated",
    "removed", "descoped", "changelog", "change log", "revision history",
)
_NOT_IN_SCOPE_KEYS = {normalize_title(name) for name in NOT_IN_SCOPE_SECTION_NAMES}


@text_cache
def is_not_in_scope_title(title: str) -> bool:
    """Sections whose content is not what will be built: non-goals, alternatives, current state..."""
    key = normalize_title(title)
    return key in _NOT_IN_SCOPE_KEYS or key.startswith(("non goal", "out of scope", "alternative", "future "))


def not_in_scope(section: Section) -> bool:
    """True when `section` or one of its ancestors is a non-goals / alternatives / background section."""
    # Asked for each paragraph and match: answered once per section (kept on it, as `per_section` does).
    answer = section.__dict__.get("_not_in_scope")
    if answer is None:
        answer = section.__dict__["_not_in_scope"] = any(
            is_not_in_scope_title(s.title) for s in [section, *section.ancestors()] if s.heading is not None)
    return answer


#: A requirement kept only for its number: "Requirement 12 — DESCOPED", "~~FR-004~~ (removed)".
_WITHDRAWN = lazy_compile(r"(?:[—–:(\[]|\s-)\s*(?:descoped|de-scoped|removed|withdrawn|deprecated|superseded|dropped|"
                        r"deferred|out of scope|obsolete|cancell?ed|won't do|wont do)\b[^\w]*$", re.I)


#: A status in brackets anywhere in the title: "Requirement 3 (Deferred to phase 2)", "[out of scope for v1]".
_WITHDRAWN_BRACKETED = lazy_compile(r"[(\[]\s*(?:descoped|de-scoped|removed|withdrawn|deprecated|superseded|dropped|"
                                  r"deferred|postponed|out of scope|not in scope|obsolete|cancell?ed|won't do|wont do)"
                                  r"\b[^)\]\n]{0,60}[)\]]", re.I)
#: A requirement whose text opens by withdrawing it: "Out of scope for this release; ...", "**Status:** Deferred".
_WITHDRAWN_OPENING = lazy_compile(r"^\W{0,6}(?:status\W{0,6})?(?:descoped|de-scoped|withdrawn|deferred|postponed|"
                                  r"out of scope|not in scope|won't do|wont do)\b", re.I)
_STRUCK_THROUGH = lazy_compile(r"^\W{0,6}~~[^~]{3,}~~")


def is_withdrawn_text(text: str) -> bool:
    """True for a requirement's text that withdraws it: struck through ("~~As a creator ...~~ (moved to
    the analytics PRD)"), or a status in brackets ("(deferred to phase 2)")."""
    return bool(_STRUCK_THROUGH.match(text) or _WITHDRAWN_BRACKETED.search(text[:300]))


_WITHDRAWN_CJK = lazy_compile(r"已(?:移除|删除|刪除|废弃|廢棄|取消)|廃止|削除済")


@text_cache
def requirement_heading_label(title: str) -> tuple[str, str] | None:
    """(kind, label) when a heading names one requirement or one user story, else None.

    Withdrawn requirements ("Requirement 12 - DESCOPED", "User Story 16 - （已移除）") are not
    requirements any more.
    """
    text = title.strip()
    if _WITHDRAWN.search(text) or _WITHDRAWN_CJK.search(text) or _WITHDRAWN_BRACKETED.search(text):
        return None
    if _REQUIREMENT_HEADING.match(text):
        match = re.match(r"^(.*?\d+(?:\.\d+)*)", text)
        return "requirement", (match.group(1) if match else text)
    if _REQUIREMENT_ID_HEADING.match(text):
        identifier = REQUIREMENT_ID.search(text)
        return "requirement", identifier.group(0) if identifier else text
    if _STORY_HEADING_NUMBERED.match(text):
        label = re.split(r"\((?:priority|p\d)", text, maxsplit=1, flags=re.I)[0].strip()
        return "story", label
    return None


_ANY_GWT = lazy_compile(r"given|when|then", re.I)
_PLAIN_WHEN = lazy_compile(r"\bwhen\b", re.I)
_PLAIN_THEN = lazy_compile(r"\bthen\b", re.I)


def is_scenario_text(text: str, in_criteria: bool = False) -> bool:
    """True for a Given/When/Then scenario.

    Anywhere: two or more bold keywords (`**Given** ... **When** ...`), or a sentence that starts
    with "Given" and goes on with both "when" and "then". Under a criteria heading or label, any
    item that starts with "Given" is a scenario (so a scenario missing its Then is still seen);
    elsewhere "Given that constraint, we can..." is ordinary prose.
    """
    if not could_match(_ANY_GWT, text):  # a substring test: no "given", "when" or "then" in any case
        return False
    visible = mask_invisible(text)
    if len({m.group(1).lower() for m in _BOLD_GWT.finditer(visible)}) >= 2:
        return True
    if not _STARTS_WITH_GIVEN.match(visible):
        return False
    return in_criteria or bool(_PLAIN_WHEN.search(visible) and _PLAIN_THEN.search(visible))


def is_ears_text(text: str) -> bool:
    first = plain_first_word(text)
    if first is not None and not _EARS_OPENER.fullmatch(first):
        return False  # EARS_KEYWORD needs one of its keywords as the first word
    visible = plain(text)
    return bool(EARS_KEYWORD.match(visible)) and bool(SHALL.search(visible))


def is_gherkin_block(block: CodeBlock) -> bool:
    if block.language in _GHERKIN_LANGUAGES:
        return True
    return bool(_GHERKIN_SCENARIO.search(block.code)) and bool(re.search(r"^[ \t]*Given\b", block.code, re.M))


def references_criteria(text: str) -> bool:
    return bool(CRITERION_ID.search(mask_invisible(text)) or _CRITERIA_REFERENCE.search(text)
                or _CRITERIA_REFERENCE_AFTER.search(text) or _CRITERIA_ANCHOR_LINK.search(text))


# --- criteria extraction ----------------------------------------------------------------------


def _criteria_from_list(block: ListBlock, form: str = "item") -> Iterator[Criterion]:
    for item in block.items:
        segments = item_segments(item)
        if not segments:
            continue
        yield Criterion(item_text(item), segments, segments_span(segments, item.span), form, item)


def _gherkin_criteria(block: CodeBlock) -> Iterator[Criterion]:
    yield Criterion(block.code, block.lines, block.span, "gherkin", block)


def criteria_in_blocks(blocks: list[Block], ears: bool, under_criteria_heading: bool = False) -> list[Criterion]:
    """Criteria written directly in `blocks` (a section's own blocks, or a list item's)."""
    found: list[Criterion] = []
    label_open = under_criteria_heading
    for block in blocks:
        if isinstance(block, Paragraph):
            text = block.text
            if is_criteria_label(text):
                label_open = True
                # "Acceptance criteria: the export holds one row per invoice." -> inline criterion
                rest = _CRITERIA_LABEL.sub("", plain(text), count=1).strip(" :*")
                if len(rest.split()) >= 3:
                    found.append(Criterion(text, block.segments, block.span, "item", block))
                continue
            if is_scenario_text(text, in_criteria=label_open):
                found.append(Criterion(text, block.segments, block.span, "scenario", block))
            elif ears and is_ears_text(text):
                found.append(Criterion(text, block.segments, block.span, "ears", block))
            elif label_open and under_criteria_heading and _has_content(text):  # not a lone "TBD"
                found.append(Criterion(text, block.segments, block.span, "paragraph", block))
            elif label_open and not under_criteria_heading:
                label_open = False
        elif isinstance(block, ListBlock):
            listed = [criterion for criterion in _criteria_from_list(block)
                      if _has_content(criterion.text)]  # "- [ ] TBD" is a criterion still to write
            for criterion in listed:
                if is_scenario_text(criterion.text, in_criteria=label_open):
                    criterion.form = "scenario"
                elif is_ears_text(criterion.text):
                    criterion.form = "ears"
            # a list of Given/When/Then scenarios is a list of criteria: "- The adjuster finds the
            # layout intuitive" beside two scenarios is a criterion written without the keywords
            in_scenario_list = any(criterion.form == "scenario" for criterion in listed)
            found.extend(criterion for criterion in listed
                         if label_open or in_scenario_list or criterion.form in ("scenario", "ears"))
            if not under_criteria_heading:
                label_open = False
        elif isinstance(block, CodeBlock) and is_gherkin_block(block):
            found.extend(_gherkin_criteria(block))
        elif isinstance(block, Table):
            found.extend(_criteria_from_table(block))
        elif isinstance(block, HtmlBlock):
            continue
    return found


def _criteria_from_table(table: Table) -> Iterator[Criterion]:
    columns = [index for index, name in enumerate(table.columns) if is_criteria_column(name)]
    for row in table.rows:
        for index in columns:
            if index < len(row) and row[index].text.strip():
                cell = row[index]
                yield Criterion(cell.text, cell.segments, cell.span, "cell", cell)


def criteria_in_section(section: Section, ears: bool) -> list[Criterion]:
    """Criteria anywhere in a section and its subsections."""
    found: list[Criterion] = []
    for current in section.walk():
        under = current.heading is not None and (
            is_criteria_title(current.title) or any(is_criteria_title(a.title) for a in current.ancestors()))
        found.extend(criteria_in_blocks(current.blocks, ears, under_criteria_heading=under))
    return found


# --- requirement extraction -------------------------------------------------------------------


_STATEMENT_MODAL = lazy_compile(r"\b(?:shall|must|should|will|can|may|needs?\s+to|allows?|supports?|provides?)\b", re.I)


def _is_requirement_item(text: str, in_requirements_section: bool) -> tuple[str, str] | None:
    """(kind, label) when a list item states a requirement or a user story.

    An item led by an ID counts when it states something (a modal verb: "FR-001: Users MUST ..."),
    not when it only points at one ("US1 (P1): Clean removal"). Under a requirements heading an
    item counts when "shall" or "must" stands among its first ten words ("Users must be able to
    ..."); a modal deep in an explanation does not make the item a requirement.
    """
    if plain_cannot_hold(text, REQUIREMENT_ID, _STORY_TEXT, *([_MODAL] if in_requirements_section else [])):
        return None  # none of the three tests below can pass
    visible = plain(text)
    identifier = REQUIREMENT_ID.match(visible.lstrip(" *_[]"))
    if identifier:
        if _STATEMENT_MODAL.search(visible) or _STORY_TEXT.search(visible):
            return "requirement", identifier.group(0)
        return None
    if _STORY_TEXT.search(visible[:200]):
        return "story", _short_label(visible)
    if in_requirements_section and _MODAL.search(" ".join(visible.split()[:10])):
        return "requirement", _short_label(visible)
    return None


def _short_label(text: str) -> str:
    words = text.split()
    label = " ".join(words[:8])
    return f"'{label}{'...' if len(words) > 8 else ''}'"


_pictures: WeakKeyDictionary[Document, dict[bool, SpecPicture]] = WeakKeyDictionary()


def extract(document: Document, context: object = None) -> SpecPicture:
    """Requirements, user stories and their criteria, in document order.

    Several rules ask for the same document's picture; it is computed once per document and
    EARS reading (the only thing the context changes) and dropped with the document.
    """
    return picture(document, is_ears_document(document, context))


def picture(document: Document, ears: bool) -> SpecPicture:
    """`extract` for a known EARS reading (cached the same way)."""
    cached = _pictures.setdefault(document, {})
    if ears not in cached:
        cached[ears] = _extract(document, ears)
    return cached[ears]


def _extract(document: Document, ears: bool) -> SpecPicture:
    requirements: list[Requirement] = []
    all_criteria: list[Criterion] = []
    claimed: set[int] = set()  # ids of sections that belong to a section-form requirement

    for section in document.sections():
        if not_in_scope(section):
            claimed.update(id(inner) for inner in section.walk())
            continue
        if id(section) in claimed:
            continue
        labelled = requirement_heading_label(section.title)
        if labelled is None or is_criteria_title(section.title):
            continue
        kind, label = labelled
        for inner in section.walk():
            claimed.add(id(inner))
        if any(isinstance(block, Paragraph) and _WITHDRAWN_OPENING.match(plain(block.text)) for block in section.blocks):
            continue  # "Out of scope for this release; criteria come when it is planned"
        criteria = criteria_in_section(section, ears)
        if kind == "story" and not criteria:
            criteria = _story_bullets(section)
        text = section_text(section)
        assert section.heading is not None
        requirement = Requirement(kind, label, section.heading.span, "section", section, section, criteria,
                                  references_criteria(text), text, section_segments(section))
        requirements.append(requirement)
        all_criteria.extend(criteria)

    for section in document.root.walk():
        if id(section) in claimed:
            continue
        under_criteria = section.heading is not None and (
            is_criteria_title(section.title) or any(is_criteria_title(a.title) for a in section.ancestors()))
        section_criteria = criteria_in_blocks(section.blocks, ears, under_criteria_heading=under_criteria)
        all_criteria.extend(section_criteria)
        if under_criteria:
            # "## Stories and acceptance criteria" over a table of stories with a criteria column
            for block in section.blocks:
                if isinstance(block, Table):
                    requirements.extend(row for row in _table_requirements(block, section, False) if row.kind == "story")
            continue
        in_requirements = section.heading is not None and (
            is_requirements_title(section.title) or any(is_requirements_title(a.title) for a in section.ancestors()))
        in_stories = section.heading is not None and is_story_section_title(section.title)
        for block in section.blocks:
            if isinstance(block, ListBlock):
                requirements.extend(_list_requirements(block, section, in_requirements, ears, all_criteria))
            elif isinstance(block, Table):
                requirements.extend(_table_requirements(block, section, in_requirements or in_stories))
            elif isinstance(block, Paragraph) and _is_story_paragraph(block):
                inline = _inline_criteria(block)
                all_criteria.extend(inline)
                requirements.append(Requirement("story", _short_label(plain(block.text)), block.span, "paragraph",
                                                section, block, inline, references_criteria(block.text), block.text,
                                                block.segments))
    _attach_paragraph_story_criteria(requirements, all_criteria)
    return SpecPicture(requirements, all_criteria)


def _story_bullets(section: Section) -> list[Criterion]:
    """The bullets written directly under a story's own text ("As a ..., I want ..." then a list):
    its criteria, as real documents write them without a label."""
    found: list[Criterion] = []
    told = False
    for block in section.blocks:
        if isinstance(block, Paragraph) and _STORY_TEXT.search(plain(block.text)):
            told = True
        elif isinstance(block, ListBlock) and told:
            for criterion in _criteria_from_list(block):
                if not _STORY_TEXT.search(plain(criterion.text)):
                    found.append(criterion)
    return found


def _list_requirements(block: ListBlock, section: Section, in_requirements: bool, ears: bool,
                       all_criteria: list[Criterion]) -> Iterator[Requirement]:
    for item in block.items:
        text = item_text(item)
        kind_label = _is_requirement_item(text, in_requirements)
        if kind_label is None or is_withdrawn_text(text):
            continue
        kind, label = kind_label
        segments = item_segments(item)
        criteria: list[Criterion] = []
        tells_story = kind == "story" or bool(_STORY_TEXT.search(plain(text)))
        for sub in item.sublists:
            for criterion in _criteria_from_list(sub, "nested"):
                labelled = _labelled_criteria(criterion.block)
                if labelled is not None:  # "- Acceptance criteria:" over its own list of criteria
                    criteria.extend(labelled)
                    continue
                # the bullets under a story's own item are its criteria, as real documents write them
                criterion.explicit = tells_story or is_scenario_text(criterion.text) or (
                    ears and is_ears_text(criterion.text))
                criteria.append(criterion)
        inner_blocks = [b for b in item.blocks[1:] if not isinstance(b, ListBlock)]
        criteria.extend(criteria_in_blocks(inner_blocks, ears))
        if not criteria and item.blocks and isinstance(item.blocks[0], Paragraph):
            criteria.extend(_inline_criteria(item.blocks[0]))  # "  Acceptance: ..." on the item's next line
        all_criteria.extend(c for c in criteria if c.explicit)
        yield Requirement(kind, label, segments_span(segments, item.span), "list-item", section, item, criteria,
                          references_criteria(text), text, segments)


def _labelled_criteria(item: object) -> list[Criterion] | None:
    """The criteria under a list item that is a criteria label ("Acceptance criteria:" with a
    nested list), or None when the item is not such a label."""
    if not isinstance(item, ListItem) or not item.blocks or not isinstance(item.blocks[0], Paragraph):
        return None
    if not is_criteria_label(item.blocks[0].text):
        return None
    nested = [criterion for sub in item.sublists for criterion in _criteria_from_list(sub, "nested")]
    if nested:
        return nested
    segments = item_segments(item)
    rest = _CRITERIA_LABEL.sub("", plain(item.blocks[0].text), count=1).strip(" :*")
    return [Criterion(item_text(item), segments, segments_span(segments, item.span), "nested", item)] \
        if len(rest.split()) >= 3 else []


#: Criteria columns that say "acceptance" or "done" (not a test table's "Expected result").
_ACCEPTANCE_COLUMN = lazy_compile(r"accept|done|akzeptanz|abnahme|aceptaci|criterios?|crit[èe]res?", re.I)


def _table_requirements(table: Table, section: Section, in_requirements: bool) -> Iterator[Requirement]:
    names = [plain(name).strip() for name in table.columns]
    id_columns = [index for index, name in enumerate(names) if _ID_COLUMN.match(name)] or [0]
    requirement_columns = [index for index, name in enumerate(names) if _REQUIREMENT_COLUMN.match(name)]
    criteria_columns = [index for index, name in enumerate(names) if is_criteria_column(name)]
    acceptance_columns = [index for index in criteria_columns if _ACCEPTANCE_COLUMN.search(names[index])]
    for row in table.rows:
        cells = [cell.text for cell in row]
        identifier = None
        for index in id_columns:
            if index < len(cells):
                identifier = REQUIREMENT_ID.search(plain(cells[index]))
                if identifier:
                    break
        is_requirement = identifier is not None or (in_requirements and requirement_columns and any(
            index < len(cells) and (_MODAL.search(cells[index]) or _STORY_TEXT.search(plain(cells[index])))
            for index in requirement_columns))
        # a story beside a criteria column is a story wherever the table stands
        tells_story = bool(criteria_columns) and any(
            index < len(cells) and _STORY_TEXT.search(plain(cells[index])) for index in requirement_columns)
        # "| Requirement | Priority | Acceptance criteria |": every row of a table that pairs what is wanted
        # with its acceptance criteria is a requirement, worded with a modal or not
        is_requirement = is_requirement or (bool(acceptance_columns) and any(
            index < len(cells) and _has_content(cells[index]) for index in requirement_columns))
        if not (is_requirement or tells_story) or not row:
            continue
        label = identifier.group(0) if identifier else _short_label(plain(cells[requirement_columns[0]]))
        criteria = [Criterion(row[index].text, row[index].segments, row[index].span, "cell", row[index])
                    for index in criteria_columns if index < len(row) and _has_content(row[index].text)]
        text = " | ".join(cells)
        first = row[0]
        kind = "story" if tells_story and identifier is None and not is_requirement else "requirement"
        yield Requirement(kind, label, first.span, "table-row", section, row, criteria,
                          references_criteria(text), text,
                          [segment for cell in row for segment in cell.segments])


#: The texts that are no content, as `_has_content` reads them.
_NO_CONTENT = ("-", "—", "–", "n/a", "na", "tbd", "todo", "none", "?")


#: Criteria put off, with nothing to check yet: "_To be agreed with the vendor after the pilot._", "Will be defined
#: once the design is signed off", "Noch festzulegen", "Por definir con el proveedor".
_DEFERRED = lazy_compile(
    r"^\W*(?:(?:criteria\s+)?(?:are\s+|is\s+)?(?:still\s+)?to\s+be\s+(?:agreed|defined|decided|confirmed|determined|written|added|"
    r"specified|clarified|discussed|worked\s+out)|(?:criteria\s+)?will\s+be\s+(?:agreed|defined|decided|written|added|specified|"
    r"worked\s+out)\s+(?:later|after|once|when|with|in)|(?:pending|awaiting)\s+(?:the\s+)?\w+|"
    + "|".join(r"\s+".join(re.escape(part) for part in marker.split()) for marker in languages.OPEN_ITEM_MARKERS if " " in marker)
    + r")\b", re.I)
_OBLIGATION = lazy_compile(r"\b(?:shall|must|should|will\s+(?!be\s+(?:agreed|defined|decided|written|added|specified)))\b|"
                           r"\b(?:SHALL|MUST|SOLL|MUSS|DEBE|DOIT)\b", re.I)


def is_deferral(text: str) -> bool:
    """A note that puts criteria off, with no obligation in it: "To be agreed with the vendor after the pilot"."""
    written = plain(text)
    return bool(_DEFERRED.match(written)) and not _OBLIGATION.search(written)


def _has_content(text: str) -> bool:
    first = plain_first_word(text)
    if is_deferral(text):
        return False  # "To be agreed with the vendor after the pilot": no criterion yet
    if first is not None and not any(empty.startswith(first.lower()) for empty in _NO_CONTENT):
        return True  # the plain text opens with a word none of the empty texts starts with
    stripped = plain(text).strip().lower()
    return bool(stripped) and stripped not in _NO_CONTENT


def _is_story_paragraph(block: Paragraph) -> bool:
    """A paragraph that tells a story: "As a shopper, I want ...", or its labelled form
    "**Story 3: Merge carts.** As a shopper, I want ..."."""
    first = plain_first_word(block.text)
    if first is not None and not _STORY_OPENER.fullmatch(first):
        return False  # both patterns need one of these first words
    text = plain(block.text).lstrip(" *_")
    return bool(_STORY_TEXT.match(text) or (_STORY_LABEL.match(text) and _STORY_TEXT.match(_STORY_LABEL.sub("", text, 1))))


def _inline_criteria(block: Paragraph) -> list[Criterion]:
    """Criteria a story paragraph gives on its own later lines: "As a buyer, I want ..." then
    "*Done when:* the search appears under Saved" on the next line of the same paragraph."""
    for index, segment in enumerate(block.segments[1:], start=1):
        if is_criteria_label(segment.text) and len(_CRITERIA_LABEL.sub("", plain(segment.text), count=1).split()) >= 3:
            segments = block.segments[index:]
            return [Criterion("\n".join(each.text for each in segments), segments,
                              segments_span(segments, block.span), "item", block)]
    return []


def _attach_paragraph_story_criteria(requirements: list[Requirement], all_criteria: list[Criterion]) -> None:
    """A story written as a paragraph owns the criteria that directly follow it (up to the next story)."""
    by_block = {id(criterion.block): criterion for criterion in all_criteria}
    for requirement in requirements:
        if requirement.form != "paragraph":
            continue
        blocks = requirement.section.blocks
        try:
            index = next(i for i, block in enumerate(blocks) if block is requirement.block)
        except StopIteration:
            continue
        following: list[Block] = []
        for block in blocks[index + 1:]:
            if isinstance(block, Paragraph) and _is_story_paragraph(block):
                break
            following.append(block)
        requirement.criteria = requirement.criteria + [
            by_block[id(block)] for block in iter_nested(following) if id(block) in by_block]
        if not requirement.criteria and following and isinstance(following[0], ListBlock) and requirement.kind == "story":
            requirement.criteria = [criterion for criterion in _criteria_from_list(following[0])
                                    if not _STORY_TEXT.search(plain(criterion.text))]
            all_criteria.extend(requirement.criteria)
