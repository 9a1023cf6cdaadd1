"""RK002 risk-without-mitigation: a listed risk with no mitigation, owner or decision."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, ListBlock, Paragraph, Section, Span
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import (
    RESPONSE_ACTION,
    IMPERATIVE_RESPONSE,
    LISTS_RESPONSES,
    MITIGATION,
    RESPONSE_LEAD_IN,
    GROUP_OPTION_HELP,
    RISK_SECTIONS,
    Entry,
    cell_is_empty,
    column,
    grouped,
    heading_span,
    is_project_risk_section,
    phrase_pattern,
    profile_applies,
    search_text,
    section_entries,
    section_segments,
    sections_named,
)

RESPONSE_COLUMNS = (
    "Mitigation", "Mitigations", "Mitigation plan", "Mitigation strategy", "Response", "Plan",
    "Contingency", "Action", "Actions", "Owner", "Decision", "Status", "Handling", "How we handle it",
    "Resolution",
)
HEDGE = lazy_compile(r"\b(?:could|might|may|risk|risks|chance|likely|possib\w*)\b", re.IGNORECASE)
# The label starts with a non-space and one space run follows the colon: overlapping runs of `\s*`
# made a long run of spaces cubic.
LABEL = lazy_compile(
    r"^\s*(?:\*\*|__)?(?P<label>[^:*_\s][^:*_\n]{1,79}?)(?:\*\*|__)?\s*[:—–]\s*(?:(?:\*\*|__)\s*)?(?P<rest>\S.*)$", re.S
)
RISKY = lazy_compile(
    r"\b(?:risks?|could|might|may|fail\w*|break\w*|delay\w*|slip\w*|outage\w*|lose|loss|leak\w*|"
    r"exceed\w*|overrun\w*|regress\w*|block\w*)\b",
    re.IGNORECASE,
)
_OTHER_TOPICS = lazy_compile(r"\b(?:assumptions?|dependenc(?:y|ies)|constraints?|open questions?|issues?)\b", re.IGNORECASE)


def _shares_title(title: str) -> bool:
    """True for "Assumptions and risks", "Risks & dependencies": a section that lists other things too."""
    return bool(_OTHER_TOPICS.search(title))


RESPONSE_PARAGRAPH = lazy_compile(
    r"^\s*(?:\*\*|__|\*|_)?(?:mitigation|mitigations|response|plan|owner|decision|contingency|resolution)\b",
    re.IGNORECASE,
)
RISK_PARAGRAPH = lazy_compile(r"^\s*(?:\*\*|__|\*|_)?(?:risk|r)\s*#?\d*\s*(?:\*\*|__|\*|_)?\s*[:.)—–-]", re.IGNORECASE)
# "- R: the risk" followed by "- M: the mitigation" (or "Risk:" / "Mitigation:" items).
_RISK_ITEM = lazy_compile(r"^\W*(?:r|risk)\s*\d*\s*[:.)]", re.IGNORECASE)
_MITIGATION_ITEM = lazy_compile(r"^\W*(?:m|mitigation|mitigations|a|answer|response)\s*\d*\s*[:.)]", re.IGNORECASE)
# A prose risks section that only says there is nothing to say, or points elsewhere.
_NOTHING_TO_SAY = lazy_compile(
    r"^\W*(?:n/?a|none|no risks?(?: identified)?|nothing|not applicable|tbd|see\b[^\n]*)\W*$", re.IGNORECASE
)


class RiskWithoutMitigation(Rule):
    """Flags a risk in a risks section that has no mitigation, owner or decision.

    **What it flags.** Each risk listed under a Risks heading ("Risks", "Risks and mitigations",
    "Known risks"...; option `sections`) that says neither how it is reduced, who owns it, nor that
    it was accepted. A risk is a table row, a top-level list item (with everything nested under
    it), a subsection, or a paragraph that starts with "**Risk**:". In a table with a Mitigation,
    Owner, Response, Decision or Status column (option `response-columns`), that cell must hold
    something other than `-`, `TBD` or `N/A`. Elsewhere, the risk's own text (nested bullets
    included) must use a word of response: "mitigated by", "we will", "feature flag", "monitor",
    "owner: @sam", "accepted"... (option `mitigation-terms`). Under a heading that promises
    mitigations ("Risks and mitigations"), `**Label**: what we do` counts as a mitigation unless the
    text after the label only describes the risk ("could", "might", "may"). A risks section written
    as prose is read as a whole and reported once at its heading, and so is a section where no risk
    has a response (option `group`). Under a shared heading ("Assumptions and risks", "Risks and
    dependencies") only entries that read as risks ("could", "may", "fail", "delay"...) are
    checked. Rust RFC "Drawbacks" and ADR "Consequences" are not read: they describe costs, not
    risks to manage. Nor are an ADR option's risks (under "Considered options"), a product
    feature called "Risk & controls", or a "Risk mitigation" section (its items are responses);
    a list introduced by "Above risks will be mitigated by:" holds responses, and so does what is
    nested under a risk in a "Risks and mitigations" section.

    **Why it matters.** A list of risks with no response is a worry, not a plan: nobody knows who
    watches for it or what happens when it materialises. Reviewers ask "and then what?" for each one.

    **Example**

    ```markdown
    ## Risks
    - The payment provider's sandbox differs from production.
    - Card-on-file volume could exceed the provider's rate limit during the holiday sale.
    ```

    **Use instead**

    ```markdown
    ## Risks
    | Risk | Mitigation | Owner |
    |------|------------|-------|
    | Sandbox differs from production | Run the first 1% of live traffic behind a feature flag | @dana |
    | Rate limit during the holiday sale | Queue saves and retry with backoff; limit raised to 200 rps | @lee |
    ```
    """

    id = "RK002"
    name = "risk-without-mitigation"
    category = Category.RISK
    default_level = Level.WARNING
    # Below 90% measured precision (bench/verdicts): off unless named.
    group = Group.PREVIEW
    options = (
        Option("sections", "list[str]", list(RISK_SECTIONS), "Titles of the sections that list risks."),
        Option("mitigation-terms", "list[str]", list(MITIGATION),
               "Phrases that show a response to a risk: a mitigation, an owner or a decision."),
        Option("response-columns", "list[str]", list(RESPONSE_COLUMNS),
               "Table columns whose cell, when filled, is the response to the risk on that row."),
        Option("group", "bool", True, GROUP_OPTION_HELP),
        Option("skip-profiles", "list[str]", ["kep"], "Profiles this rule does not apply to."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not profile_applies(context):
            return
        options = context.options
        terms = phrase_pattern(options["mitigation-terms"])
        for section in sections_named(document, options["sections"]):
            if not is_project_risk_section(section, options["sections"]) or LISTS_RESPONSES.match(section.title):
                continue
            promises_mitigation = search_text(phrase_pattern(("mitigat*", "response*", "handling", "plan*")),
                                              section.title) is not None
            if _states_mitigations(section):
                continue  # "Mitigations:" / "For the first point, there are some possible mitigations": answered in prose
            responses = _response_list_items(section)
            entries = [entry for entry in section_entries(section)
                       if (entry.span.start.line, entry.span.start.column) not in responses]
            if responses and not entries:
                entries = _risk_paragraphs(section)
                if not entries:
                    continue  # "The risk is X. It is mitigated by:" and a list of what is done
            entries = [entry for entry in entries or _risk_paragraphs(section)
                       if not _NOTHING_TO_SAY.match(mask_invisible(entry.text))]
            entries = _without_paired_responses(entries)
            if _shares_title(section.title):
                # "Assumptions and risks": the assumptions need no mitigation, only the risks do.
                entries = [entry for entry in entries if RISKY.search(mask_invisible(entry.text))]
            if not entries:
                yield from _prose_section(section, terms)
                continue
            failing = [entry for entry in entries
                       if not _has_response(entry, terms, options["response-columns"], promises_mitigation)]
            group = grouped(section, entries, failing, options["group"])
            if group is not None:
                span, count = group
                yield Violation(span, f"none of the {count} risks has a mitigation, owner or decision: say how each "
                                      "is reduced, who watches it, or that it is accepted")
                continue
            for entry in failing:
                yield Violation(
                    entry.span,
                    f"risk '{entry.label}' has no mitigation, owner or decision: say how it is reduced, "
                    "who watches it, or that it is accepted",
                )


def _has_response(entry: Entry, terms: re.Pattern[str] | None, response_columns: list[str], promises: bool) -> bool:
    if entry.kind == "row":
        cells = [cell for name in response_columns if (cell := column(entry, [name])) is not None]
        if cells:
            return any(not cell_is_empty(cell) for cell in cells)
    text = entry.text
    if entry.checked:
        return True  # a ticked risk is one the team has dealt with
    if search_text(terms, text) is not None or IMPERATIVE_RESPONSE.search(mask_invisible(text)):
        return True
    if promises and entry.kind == "subsection" and RESPONSE_ACTION.search(mask_invisible(text)):
        return True  # a risk subsection that says what will happen next
    if promises and entry.kind == "item" and (len(entry.segments) > 1 or RESPONSE_ACTION.search(mask_invisible(text))):
        return True  # under "Risks and mitigations", what is nested under a risk is its response
    if promises and entry.kind == "item":
        labelled = LABEL.match(mask_invisible(text.split("\n", 1)[0]))
        if labelled and not HEDGE.search(labelled.group("rest")):
            return True
    return False


def _without_paired_responses(entries: list[Entry]) -> list[Entry]:
    """Drop "M: ..." items and the risk each answers ("R: ..." or any item right before it), and
    questions answered by an "A: ..." line in the same item."""
    kept: list[Entry] = []
    for index, entry in enumerate(entries):
        text = mask_invisible(entry.text)
        if _MITIGATION_ITEM.match(text):
            continue
        following = mask_invisible(entries[index + 1].text) if index + 1 < len(entries) else ""
        if following and _MITIGATION_ITEM.match(following):
            continue
        if re.search(r"\?\s+(?:a|answer)\s*:", text, re.IGNORECASE):
            continue
        kept.append(entry)
    return kept


def _states_mitigations(section: Section) -> bool:
    """True when a paragraph of the section itself (not an entry) gives the mitigations."""
    paragraphs = [block for block in section.blocks if isinstance(block, Paragraph)]
    if any(RISK_PARAGRAPH.match(paragraph.text) for paragraph in paragraphs):
        return False  # "**Risk**: ..." / "**Mitigation**: ..." pairs are read pair by pair
    return any(_MITIGATION_PROSE.search(mask_invisible(paragraph.text)) for paragraph in paragraphs)


_MITIGATION_PROSE = lazy_compile(r"\bmitigat(?:ion|ions|ed|e|es|ing)\b", re.IGNORECASE)


def _response_list_items(section: Section) -> set[tuple[int, int]]:
    """Start positions of the items of lists that a lead-in paragraph presents as responses."""
    found: set[tuple[int, int]] = set()
    previous = None
    for block in section.blocks:
        if isinstance(block, ListBlock) and isinstance(previous, Paragraph):
            if RESPONSE_LEAD_IN.search(mask_invisible(previous.text).rstrip("*_ ")):
                found.update((item.span.start.line, item.span.start.column) for item in block.items)
        previous = block
    return found


def _risk_paragraphs(section: Section) -> list[Entry]:
    """`**Risk**: ...` paragraphs (with the paragraph after each, often `**Mitigation**: ...`)."""
    paragraphs = [block for block in section.blocks if isinstance(block, Paragraph)]
    entries: list[Entry] = []
    for index, paragraph in enumerate(paragraphs):
        if not RISK_PARAGRAPH.match(paragraph.text):
            continue
        segments = [paragraph.segments]
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if following is not None and RESPONSE_PARAGRAPH.match(following.text):
            segments.append(following.segments)
        entries.append(Entry(paragraph.span, "paragraph", segments))
    return entries


def _prose_section(section: Section, terms: re.Pattern[str] | None) -> Iterator[Violation]:
    text = "\n".join(" ".join(segment.text for segment in segments) for segments in section_segments(section))
    if not text.strip() or search_text(terms, text) is not None:
        return  # an empty section is the empty-section rule's business
    if _NOTHING_TO_SAY.match(mask_invisible(text)) or not RISKY.search(mask_invisible(text)):
        return  # "N/A", "See KEP-4639", or prose that names no risk
    span: Span = heading_span(section)
    yield Violation(span, f"the '{section.title}' section names risks but no mitigation, owner or decision: "
                          "say how each risk is handled")
