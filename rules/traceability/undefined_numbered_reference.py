"""TR005 undefined-numbered-reference: "(R7)" when the requirements stop at R6, "Requirement 9" of seven."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from speclint.document.model import Document, ListItem, Paragraph, Span, Table, TextSegment
from speclint.document.text import find_all
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import profile_name
from speclint.reading.references import dangling_in_requirements_file, dangling_references
from speclint.reading.vocabulary import DEFAULT_ID_PREFIXES, WITHDRAWN_WORDS

# A dashed ID with a document's own prefix: `FMS-S-04`, `S-04`, `SAF-3`, `H-07`.
_DASHED_ID = lazy_compile(
    r"(?<![\w\-/.#])(?P<prefix>[A-Z][A-Z0-9]{0,7}(?:-[A-Z][A-Z0-9]{0,7}){0,2})-(?P<number>\d{1,4})(?![\w\-]|\.\d)"
)
# What may stand before an ID that opens its definition: a bullet's emphasis, a bracket, a code mark.
_BEFORE_DEFINITION = lazy_compile(r"[\s*_`\[(|]*")
_STRUCK = lazy_compile(r"~~")
_ID_HINT = lazy_compile(r"[A-Z0-9]-\d")
# An item settled and taken out of the list: "DM-3 resolved", "closed", "fixed", "removed".
_SETTLED = lazy_compile(r"\b(?:resolved|closed|fixed|removed|addressed|dropped|erledigt|entfernt|resuelt[oa]s?|eliminad[oa]s?)\b",
                        re.I)
_AFTER_DEFINITION = lazy_compile(r"[*_`\])]*[ \t]*(?:[:.)|—–-]|$)")


class UndefinedNumberedReference(Rule):
    """Flags a reference past the end of a numbered series the document defines.

    **What it flags.** A short ID (`R7`, `D4`, `G5`) when the document defines that series
    (`R1` to `R6` as table rows, headings, or labelled list items) and stops before it; a
    labelled item (`Requirement 9`, `Decision 4`, `User Story 5`) when the document's headings or
    labels define that series and stop before it (a numbered list under a requirements, decisions,
    stories or considered-options heading defines it too: "Option 4" of three listed options).
    The items a plan, a pitch, a test plan or a FAQ numbers count the same way: `Phase 5` of three
    phases, `Step 6`, `Milestone 4`, `Wave 4`, `Scenario 5`, `Use Case 4`, `Alternative 3`,
    `sketch 3`, `Figure 3` of two captions, `Schritt 4`, `Fase 4`, `étape 5` (headings, bold labels,
    captions); a FAQ's numbered questions (`**7. How ...?**`) for "question 9" and "FAQ 14"; MADR's
    bulleted decision drivers for "driver 5"; a numbered principles list. Such a reference more than
    three past the end ("Phase 11" of three) names another plan's item and is left alone, as are
    the workflow phases a spec-kit plan names. Prefixes seldom a series of the document's own
    (`A4`, `E2`, `P1`) count when a table's ID column numbers three rows or more with them. A
    series counts when it has two members at least and starts at 0 or 1. Only references past the
    last member are flagged: a gap may be a withdrawn item. A line saying the item was removed or renumbered, a reference to another
    document ("PCI DSS Requirement 9", "Requirement 3 of the platform spec") and a year
    ("Q4 '25") are left alone.

    In a Kiro spec's `tasks.md` or `design.md`, the trace lines (`_Requirements: 2.3, 4.1_`,
    `**Validates: Requirements 1.2**`) and labelled references cite the `requirements.md` beside
    them: a requirement past the last `### Requirement N` there, or a criterion past the last of
    that requirement's numbered acceptance criteria (`2.3` when requirement 2 has two), is flagged.

    **Why it matters.** A reference to an item that does not exist is usually one that was
    renumbered or deleted: the reader following it lands nowhere, or on the wrong item, and the
    traceability the numbering promised is broken.

    **Example**

    ```markdown
    | ID | Requirement |
    |----|-------------|
    | R1 | Export a report as CSV. |
    | R2 | Email exports over 10 MB as a link (see R3). |
    ```

    **Use instead**

    ```markdown
    | ID | Requirement |
    |----|-------------|
    | R1 | Export a report as CSV. |
    | R2 | Email exports over 10 MB as a link (see R3). |
    | R3 | Export links expire after 7 days. |
    ```
    """

    id = "TR005"
    name = "undefined-numbered-reference"
    category = Category.TRACEABILITY
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        short_ids, labelled, _ = dangling_references(document)
        if profile_name(context) == "spec-kit-plan":
            # spec-kit's plan template names the workflow's phases (Phase 2 is /tasks, run after the
            # plan): "Ready for implementation (Phase 2)" cites the workflow, not an item of the plan
            labelled = [each for each in labelled if each.series != "Phase"]
        for reference in sorted(short_ids + labelled, key=lambda each: (each.span.start.line, each.span.start.column)):
            if not reference.last:
                yield Violation(reference.span, f"{reference.shown} is referenced but the document has no "
                                "appendices: add it, or point at where the content is")
                continue
            yield Violation(
                reference.span,
                f"{reference.shown} is referenced but the document's series stops at {reference.last}: "
                "fix the reference or define the item",
            )
        for shown, span, numbers in _gap_references(document):
            yield Violation(
                span,
                f"{shown} is referenced but not defined: its series goes {numbers}, with no "
                f"{shown}: fix the reference or define the item",
            )
        for reference in dangling_in_requirements_file(document):
            yield Violation(
                reference.span,
                f"{reference.shown} is cited but requirements.md stops at {reference.last}: "
                "fix the reference, or add the requirement or criterion there",
            )


def _gap_references(document: Document) -> Iterator[tuple[str, Span, str]]:
    """A dashed ID cited inside its series' range but never defined: `FMS-S-04` of S-01, S-02, S-03,
    S-05. Only series of three or more defined IDs; prefixes TR002 reads (`FR-`, `NFR-`...) are its;
    an ID the document says was withdrawn, settled or struck through (anywhere) is left alone."""
    if "-" not in document.source:
        return
    defined: dict[str, set[int]] = {}
    widths: dict[str, int] = {}
    cited: list[_Cited] = []
    items: set[int] = set()  # the first paragraph of each list item: an ID opening it defines the item
    for _, block in document.iter_blocks():
        if isinstance(block, ListItem) and block.blocks:
            items.add(id(block.blocks[0]))
        elif isinstance(block, Paragraph):
            _read(block.segments, True, defined, widths, cited, id(block) in items)
        elif isinstance(block, Table):
            for row in block.rows:
                for index, cell in enumerate(row):
                    _read(cell.segments, index == 0, defined, widths, cited)
    for section in document.root.walk():
        if section.heading is not None:
            _read(section.heading.segments, True, defined, widths, cited)
    gaps = [each for each in cited if _in_a_gap(each[0], each[1], defined)]
    if not gaps:
        return
    # only now, for the few IDs in a gap: is any mention of them a withdrawal or a settlement?
    in_gaps = {gap[2] for gap in gaps}
    settled = {shown for _, _, shown, _, text, start, end in cited if shown in in_gaps and _settled(text, start, end)}
    for prefix, _, shown, span, _, _, _ in gaps:
        if shown in settled:
            continue
        numbers = defined[prefix]
        width = widths.get(prefix, 1)
        listed = ", ".join(f"{prefix}-{value:0{width}d}" for value in sorted(numbers)[:6])
        yield shown, span, listed + (", ..." if len(numbers) > 6 else "")


if TYPE_CHECKING:
    _Cited = tuple[str, int, str, Span, str, int, int]  # prefix, number, shown, span, text, start, end


def _in_a_gap(prefix: str, number: int, defined: dict[str, set[int]]) -> bool:
    numbers = defined.get(prefix)
    if not numbers or len(numbers) < 3 or number in numbers or not min(numbers) < number < max(numbers):
        return False
    if prefix.split("-")[0] in DEFAULT_ID_PREFIXES:
        return False
    size = max(numbers) - min(numbers) + 1
    return (size - len(numbers)) * 5 <= size  # more than one in five missing: items removed as they were resolved


def _settled(text: str, start: int, end: int) -> bool:
    sentence = text[max(0, start - 120) : end + 120]
    return bool(WITHDRAWN_WORDS.search(sentence) or _SETTLED.search(sentence) or _STRUCK.search(text, max(0, start - 2), start))


def _read(segments: list[TextSegment], may_define: bool, defined: dict[str, set[int]], widths: dict[str, int],
          cited: list[_Cited], item: bool = True) -> None:
    if not segments or not any(_ID_HINT.search(segment.text) for segment in segments):
        return  # every ID has a capital or a digit, a dash and a digit
    first = segments[0]
    for match, span in find_all(_DASHED_ID, segments):
        prefix, number = match.group("prefix"), int(match.group("number"))
        text = match.string
        before = _BEFORE_DEFINITION.fullmatch(text, 0, match.start()) if may_define else None
        # a paragraph (not a list item) that opens with an ID defines it when the ID is a label:
        # in emphasis or brackets ("**S-01** ..."), or followed by a colon or a dash ("S-01: ...")
        opening = before is not None and span.start.line == first.line and (
            item or bool(before.group(0).strip()) or _AFTER_DEFINITION.match(text, match.end()) is not None)
        if opening:
            defined.setdefault(prefix, set()).add(number)
            widths[prefix] = len(match.group("number"))
            continue
        cited.append((prefix, number, match.group(0), span, text, match.start(), match.end()))
