"""EC003 edge-cases-unanswered: an edge-case section that only asks questions."""

from __future__ import annotations

from typing import Iterator

from speclint.document.headings import normalize_title
from speclint.document.model import (
    Block,
    Document,
    HtmlBlock,
    ListBlock,
    ListItem,
    Paragraph,
    Section,
    Span,
    Table,
    iter_nested,
)
from speclint.engine.rule import Category, Level, Rule, RuleContext, Subsumes, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.edge_cases import answered_elsewhere, edge_case_sections, is_non_answer
from speclint.reading.requirements import item_text, plain
from speclint.reading.vocabulary import EDGE_CASE_WORDS


class EdgeCasesUnanswered(Rule):
    """Flags an edge-case section whose every entry is a question.

    **What it flags.** An "Edge cases" (or "Corner cases", "Boundary conditions", a Shape Up
    pitch's "Rabbit holes") section whose paragraphs and list items all end with a question mark:
    "What happens if the balance is exactly the price?", with no answer anywhere in the section.
    The same for the entries under a label that names edge cases inside another section
    (`**Edge cases:**`, a PR/FAQ question "**What edge cases are still open?**"), up to the next
    label. One answered question is enough for the section to pass.

    **Why it matters.** Listing the questions is the start of the work, not the spec: the
    engineer who meets the case mid-sprint still has to ask the product owner what should happen,
    which is what the section was for.

    **Example**

    ```markdown
    ## Edge cases

    - What happens if the balance is exactly the price?
    - What if the card expires during checkout?
    ```

    **Use instead**

    ```markdown
    ## Edge cases

    - The balance is exactly the price: the purchase goes through and the balance becomes 0.
    - The card expires during checkout: the payment is declined and the user is asked for another card.
    ```
    """

    id = "EC003"
    name = "edge-cases-unanswered"
    category = Category.EDGE_CASES
    default_level = Level.WARNING
    # Makes redundant where they meet (one defect, one finding): a case asked and left open inside an edge-case
    # section is EC003's
    subsumes = (Subsumes(("EC009",)),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        sections = edge_case_sections(document)
        sections += [section for section in document.sections()
                     if section not in sections and normalize_title(section.title) in _RABBIT_HOLE_KEYS]
        for section in sections:
            texts = [
                block
                for part in section.walk()
                for block in iter_nested(part.blocks)
                if isinstance(block, Paragraph) and "".join(segment.text for segment in block.segments).strip()
            ]
            heading = section.heading
            assert heading is not None  # edge-case sections are found by their heading
            if _only_questions(texts):
                yield _finding(heading.span, len(texts))
            elif len(texts) + sum(len(block.rows) for part in section.walk() for block in part.blocks
                                   if isinstance(block, Table)) >= 2:  # a lone question is left to the reader
                yield from _open_entries(document, [block for part in section.walk() for block in part.blocks],
                                         list(_open_subsections(document, section)))
        for label, entries, blocks in _labelled_runs(document, sections):
            if _only_questions(entries):
                yield _finding(label.span, len(entries))
            elif len(entries) >= 2:
                yield from _open_entries(document, blocks)


def _open_entries(document: Document, blocks: list[Block],
                  found: list[tuple[Span, str]] | None = None) -> Iterator[Violation]:
    """In a list of cases where some are answered: each item that only asks its case ("What happens
    when a rider uses two cards?"), or answers it with a non-answer ("**What if a member disconnects?**
    Open.", "... le stock est-il faussé ? À voir."). Answers in the item's own sub-items count, and so
    does a passage elsewhere that takes the same case up (`answered_elsewhere`)."""
    found = list(found or [])
    for block in blocks:
        if isinstance(block, ListBlock):
            for item in block.items:
                verdict = _left_open(item)
                if verdict is not None and not (verdict is _ONLY_ASKED and answered_elsewhere(
                        document, plain(item_text(item)), (item.span.start.line, item.span.end.line))):
                    found.append((item.span, verdict))
        elif isinstance(block, Table):
            for row in block.rows:
                outcomes = [plain(cell.text).strip() for cell in row[1:]]
                if row and outcomes and all(is_non_answer(text) for text in outcomes if text) and any(outcomes):
                    found.append((row[0].span, "this edge case is named and left open: say what the system does"))
        elif isinstance(block, Paragraph) and (bold := _BOLD_QUESTION.match(block.text.strip())) is not None:
            after = plain(block.text.strip()[bold.end():])
            if after.strip() and is_non_answer(after):
                found.append((block.span, "this edge case is asked and left open: say what the system does"))
    found.sort(key=lambda pair: (pair[0].start.line, pair[0].start.column))
    if len(found) == 1:
        yield Violation(*found[0])
    elif found:  # one defect: the list was left half done
        yield Violation(found[0][0], f"{len(found)} edge cases of this list are only asked or left open (from here "
                                     "on): answer each one with what the system does")


#: "**What if one member disconnects?** Open.": a bold question opening a paragraph.
_BOLD_QUESTION = lazy_compile(r"^(?:\*\*|__)[^*_\n]{5,200}\?\s*(?:\*\*|__)")
#: A parenthetical ("(or first account?)") is an aside, not the entry's question.
_PARENTHETICAL = lazy_compile(r"\([^()\n]*\)")
#: A bracketed template prompt ("What happens when [boundary condition]?") is EC002's.
_PROMPT = lazy_compile(r"(?<![\\!])\[(?![ xX]\]|\^)[^\[\]\n]{2,}\](?![(\[:])")


_ONLY_ASKED = "this edge case is only asked: answer it with what the system does"


#: "Negative balances: to discuss with Finance.", "**Partial refunds** — open": a case named and a
#: non-answer after it.
_CASE_LABEL = lazy_compile(r"^[*_]{0,2}(?P<label>[^:—–\n]{3,60}?)[*_]{0,2}(?::|\s[—–-])(?P<rest>[^\n]+)")


def _open_subsections(document: Document, section: Section) -> Iterator[tuple[Span, str]]:
    """Subsections of an edge-case section asked as a question ("### What if the card expires?") with
    nothing under them, or only a non-answer."""
    for child in section.walk():
        if child is section or child.heading is None or child.children:
            continue
        title = plain(child.title).strip()
        if not title.endswith("?"):
            continue
        body = [block for block in child.blocks if not (isinstance(block, HtmlBlock) and block.is_comment)]
        answer = " ".join(plain(block.text) for block in body if isinstance(block, Paragraph))
        if not body and not answered_elsewhere(document, title, (child.heading.span.start.line,
                                                                 child.heading.span.end.line)):
            yield child.heading.span, _ONLY_ASKED
        elif len(body) == 1 and answer.strip() and is_non_answer(answer):
            yield child.heading.span, "this edge case is asked and left open: say what the system does"


def _left_open(item: ListItem) -> str | None:
    own = plain(item_text(item))
    if not own.strip() or _PROMPT.search(item_text(item)):
        return None
    nested = " ".join(plain(inner.text) for block in item.blocks if isinstance(block, ListBlock)
                      for inner in iter_nested([block]) if isinstance(inner, Paragraph))
    text = _PARENTHETICAL.sub(" ", " ".join(f"{own} {nested}".split()))
    if "?" not in text:
        labelled = _CASE_LABEL.match(text)
        if labelled is not None and is_non_answer(labelled.group("rest")):
            return "this edge case is named and left open: say what the system does"
        return None
    after = text[text.rfind("?") + 1:].strip(" *_")
    if not after:
        return _ONLY_ASKED
    if is_non_answer(after):
        return "this edge case is asked and left open: say what the system does"
    return None


def _finding(span: Span, count: int) -> Violation:
    return Violation(Span(span.start, span.end),
                     f"the {count} edge cases here are only questions: answer each one with what the system does")


def _only_questions(paragraphs: list[Paragraph]) -> bool:
    return len(paragraphs) >= 2 and all(_is_question(paragraph) for paragraph in paragraphs)


#: A Shape Up pitch's rabbit holes are the edge cases it must patch before the bet.
_RABBIT_HOLE_KEYS = {normalize_title(name) for name in ("rabbit holes", "rabbit hole", "rabbit holes to patch")}
#: A short bold or colon-ended paragraph that names edge cases: "**Edge cases:**", "**Randfälle:**",
#: "**11. What are the open edge cases?**" (a PR/FAQ question heads its answer the same way).
#: "##Rabbit holes" (no space after the hashes) is no heading, but its writer meant one.
_LABEL_SHAPE = lazy_compile(r"^\s*(?:\*\*|__)[^*_\n]{3,90}(?:\*\*|__)\s*[:.?]?\s*$|^[^\n]{3,60}:\s*$|^#{1,6}[^\s#][^\n]{2,60}$")


def _is_edge_label(paragraph: Paragraph) -> bool:
    text = paragraph.text
    return bool(_LABEL_SHAPE.match(text)) and (bool(EDGE_CASE_WORDS.search(plain(text)))
                                               or "rabbit hole" in plain(text).lower())


def _is_any_label(paragraph: Paragraph) -> bool:
    return bool(_LABEL_SHAPE.match(paragraph.text))


def _labelled_runs(document: Document,
                   skip: list[Section]) -> Iterator[tuple[Paragraph, list[Paragraph], list[Block]]]:
    """Each edge-case label inside a section that is not itself about edge cases, with the paragraphs
    and list items after it up to the next label (or the end of the section)."""
    skipped = {id(part) for section in skip for part in section.walk()}
    for section in document.root.walk():
        if id(section) in skipped:
            continue
        blocks: list[Block] = list(section.blocks)
        for index, block in enumerate(blocks):
            if not (isinstance(block, Paragraph) and _is_edge_label(block)):
                continue
            entries: list[Paragraph] = []
            run: list[Block] = []
            for after in blocks[index + 1:]:
                if isinstance(after, Paragraph) and _is_any_label(after):
                    break
                if isinstance(after, (Paragraph, ListBlock)):
                    run.append(after)
                    entries.extend(inner for inner in iter_nested([after]) if isinstance(inner, Paragraph)
                                   and inner.text.strip())
            yield block, entries, run


def _is_question(paragraph: Paragraph) -> bool:
    text = " ".join(segment.text for segment in paragraph.segments).strip().rstrip("*_ )")
    return text.endswith("?")
