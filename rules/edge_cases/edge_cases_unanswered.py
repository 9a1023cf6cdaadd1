"""EC003 edge-cases-unanswered: an edge-case section that only asks questions."""

from __future__ import annotations

import re
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
from speclint.reading.edge_cases import EDGE_QUESTION
from speclint.reading.requirements import PLATFORM_PROPOSALS, TASK_LISTS, document_kind, item_text, plain, reads_like_proposal
from speclint.reading.vocabulary import EDGE_CASE_WORDS


class EdgeCasesUnanswered(Rule):
    """Flags edge cases and open questions that are asked and left without an answer.

    **What it flags.** An "Edge cases" (or "Corner cases", "Boundary conditions", a Shape Up
    pitch's "Rabbit holes") section whose paragraphs and list items all end with a question mark:
    "What happens if the balance is exactly the price?", with no answer anywhere in the section.
    The same for the entries under a label that names edge cases inside another section
    (`**Edge cases:**`, a PR/FAQ question "**What edge cases are still open?**"), up to the next
    label. One answered question is enough for the section to pass.

    In a list of cases where some are answered, each item that only asks its case or answers it with a
    non-answer ("Open.", "À voir.", "Da capire.", "to discuss with Finance") is reported (one finding
    per list). So is an outcome with another outcome still asked beside it: "binds to the channel's
    default agent (or first account?)", "new holds are refused (?)", "the member is charged (to be
    confirmed with Finance)". Section names are read in English, German, Spanish, French, Portuguese, Italian and Dutch
    ("Casos de borda", "Buchi del coniglio").

    **Open questions.** In the open-questions section of a spec, PRD, design or decision record
    ("Open questions", "Offene Punkte", "Domande aperte", "Questões em aberto", "Open vragen"), a
    question about what happens in a situation ("What happens to an order when ...?", "Whose
    confirmation wins when both sync?", "Come si gestisce ...?", "Notfallaufnahme ohne Identität: wie
    ...?") with no answer: nothing after it, a non-answer, or only a sentence of what *would* happen.
    Not reported: an answered question (a sentence after it, a sub-item, "Yes:", "Decision:", "→",
    a ticked box, struck-through text), one with an owner, a date or a ticket, a title with a deadline
    ("to decide before v1"), a section that says none remain, a choice ("Postgres or MySQL?") or a
    value to set ("What is the acceptable downtime?"), and the unresolved questions of RFCs, KEPs and
    other platform proposals, whose process keeps them open until a later stage.

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
        if document_kind(document, context) not in _OPEN_BY_PROCESS and not reads_like_proposal(document):
            for section in document.sections():
                if section not in sections and _is_open_questions(section):
                    yield from _open_questions(document, section)
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
    whole = " ".join(f"{own} {nested}".split())
    text = _PARENTHETICAL.sub(" ", whole)
    if "?" not in text and any(
            _open_aside(aside.group(0)[1:-1]) for aside in _PARENTHETICAL.finditer(whole)):
        return "this edge case is answered with an alternative still open: decide which, and say it"
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


#: An aside that leaves the outcome beside it undecided: "(or first account?)", "(oder verwerfen?)",
#: "(maybe after 3 tries?)", "(?)"; an aside that asks something else ("(see FR-4)") is not one.
_ALTERNATIVE_ASKED = lazy_compile(r"^\s*(?:(?:or|oder|ou|o|of|maybe|perhaps|possibly|vielleicht|peut-[eê]tre|quiz[áa]s|"
                                  r"tal\s+vez|forse|talvez|misschien)\b[^?]{0,80})?\?\s*$", re.I)


def _open_aside(aside: str) -> bool:
    """An outcome's parenthetical that asks for another outcome, or says it is not decided: "binds to the
    channel's default agent (or first account?)", "the draft is kept (to be confirmed with Legal)"."""
    return bool(_ALTERNATIVE_ASKED.match(aside)) or is_non_answer(aside)


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


# --- open questions that decide behaviour ---------------------------------------------------------

#: Documents whose process keeps questions open until a later stage (an RFC's unresolved questions are
#: settled before stabilisation, a KEP's before beta), and documents that list work, not behaviour.
_OPEN_BY_PROCESS = (*PLATFORM_PROPOSALS, "kep", *TASK_LISTS, "template")
#: Section keys (`normalize_title`, so "Offene Punkte", "Domande aperte", "Questões em aberto" too).
_OPEN_KEYS = ("open question", "open issue", "open point", "open item", "unresolved question", "outstanding question")
#: A section title that gives the questions a deadline ("Open questions (to decide before v1)"), or an
#: entry that gives one an owner, a date or a ticket: the question is planned, not forgotten.
_PLANNED = lazy_compile(
    r"\b(?:by|before|until|bis|antes\s+d[eo]l?|avant|entro|prima\s+d[ie]l?|até|para\s+el)\s+(?:the\s+|end\s+of\s+|el\s+|le\s+|il\s+|"
    r"o\s+|dem\s+|der\s+)?(?:\d|Q[1-4]\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|"
    r"okt|dez|ene|abr|ago|dic|janv|févr|mars|avr|juin|juil|août|gen|giu|lug|set|ott|fev|out|dez)\w*\b|(?:mon|tues|wednes|thurs|"
    r"fri|satur|sun)day|next\s+\w+|(?:the\s+)?(?:launch|release|beta|ga|go-live|rollout|pilot|kick-?off|sprint|v\d|phase|"
    r"lancio|rilascio|lançamento|lanzamiento|start|design\s+review))|\b(?:due|deadline|owners?|tracked\s+(?:in|as)|ticket|"
    r"responsable|responsabile|respons[áa]vel|verantwortlich|zuständig)\b|#\d+|\b[A-Z][A-Z0-9]+-\d+\b|(?<![\w.])@\w+|"
    r"\b\d{4}-\d{2}-\d{2}\b", re.I)
#: A section that says it is done: "No open questions remain", "None.", "Keine.", "Ninguna.", "Nessuna."
_RESOLVED_SECTION = lazy_compile(r"^\W*(?:none|n/?a|nothing|no\s+open\s+questions?|all\s+(?:questions\s+)?(?:resolved|answered|"
                                 r"closed)|keine|ninguna|ninguno|aucune?|nessuna|nenhuma)\b", re.I)
#: An entry marked answered: "Resolved", "Answered:", "Decision:", "→", "Entschieden", "Risposta:".
_MARKED_ANSWERED = lazy_compile(r"~~|→|=>|\b(?:resolved|answered|decided|decision|closed|done|entschieden|beantwortet|"
                                r"gekl[äa]rt|resuelt[oa]|respondid[oa]|r[ée]solu|risolt[oa]|decis[oa]|resolvid[oa]|"
                                r"respondid[oa]|opgelost|besloten)\b", re.I)
#: A sentence that only says what would happen ("With X every version would be checked"): it explains
#: why the question matters, it does not answer it.
_HYPOTHETICAL = lazy_compile(r"\b(?:would|could|might|würden?|könnten?|wären?|sería|serían|podría|podrían|seria|"
                             r"poderia|sarebbe|potrebbe|serait|pourrait|zou|zouden)\b", re.I)
_ANSWER_OPENING = lazy_compile(r"^\W*(?:yes|no|ja|nein|sí|si|sim|não|nao|oui|non|nee|answer|antwort|respuesta|resposta|"
                               r"risposta|réponse|decision|entscheidung|decisión|decisão|decisione)\b", re.I)
#: A question that asks for a value or a choice, not for what happens: "What is the acceptable downtime ...?",
#: "How long do we keep ...?", "Which provider ...?", "Wie lange ...?", "Quanto ...?".
_ASKS_A_VALUE = lazy_compile(r"^\W*(?:what\s+(?:is|are|should\s+be|will\s+be)\s+(?:the|our|an?)\b|how\s+(?:long|many|much|often|fast|"
                             r"big|large|soon)\b|which\b|wie\s+(?:lange|viel|viele|oft|hoch|gro(?:ß|ss))\b|welche\w*\b|"
                             r"cu[áa]nt[oa]s?\b|cu[áa]l(?:es)?\b|quant[oaie]s?\b|qual(?:e|i|is)?\b|combien\b|quel(?:le)?s?\b|"
                             r"hoe\s+(?:lang|veel|vaak)\b|welke\b)", re.I)
#: "Emergency admission without a confirmed identity: how is ... merged?": a label that names a situation.
_SITUATION_LABEL = lazy_compile(r"^(?P<label>[^:?\n]{3,120}):\s")
_SITUATION_WORDS = lazy_compile(r"\b(?:without|ohne|sin|sem|senza|sans|zonder|unknown|unidentified|unbekannt\w*|"
                                r"missing|fehlend\w*|mancante|ausente|faltante)\b", re.I)


def _is_open_questions(section: Section) -> bool:
    key = normalize_title(section.title)
    return key.startswith(_OPEN_KEYS) and not _PLANNED.search(plain(section.title))


def _open_questions(document: Document, section: Section) -> Iterator[Violation]:
    """In an open-questions section of a spec, a PRD, a design or a decision record: each question
    that decides what the system does in a situation ("What happens to an entry whose blob is still
    uploading?", "Whose confirmation wins when both sync?", "Come si gestisce il cambio di fascia a metà
    anno?") and is left without an answer (nothing after it, a non-answer, or only a sentence of what
    would happen), with no owner, date or ticket, and not taken up elsewhere in the document. One
    finding per section, at the first such question."""
    blocks = [block for block in section.blocks if not (isinstance(block, HtmlBlock) and block.is_comment)]
    paragraphs = [block for block in blocks if isinstance(block, Paragraph)]
    if paragraphs and _RESOLVED_SECTION.match(plain(paragraphs[0].text)):
        return
    found: list[Span] = []
    for index, block in enumerate(blocks):
        if isinstance(block, ListBlock):
            for item in block.items:
                if item.checked:
                    continue
                nested = " ".join(plain(inner.text) for sub in item.blocks if isinstance(sub, ListBlock)
                                  for inner in iter_nested([sub]) if isinstance(inner, Paragraph))
                if _question_left_open(document, item_text(item), nested, (item.span.start.line, item.span.end.line)):
                    found.append(item.span)
        elif isinstance(block, Paragraph) and "?" in block.text:
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            answer = ""
            if isinstance(following, ListBlock) or (isinstance(following, Paragraph) and "?" not in following.text):
                answer = plain(following.text) if isinstance(following, Paragraph) else "answered in a list"
            if _question_left_open(document, block.text, answer, (block.span.start.line, block.span.end.line)):
                found.append(block.span)
    if found:
        more = f" (and {len(found) - 1} more in this section)" if len(found) > 1 else ""
        yield Violation(found[0], "this open question decides what the system does and is left unanswered"
                                  f"{more}: answer it, or give it an owner and a date")


def _question_left_open(document: Document, raw: str, answer: str, lines: tuple[int, int]) -> bool:
    text = " ".join(plain(raw).split())
    if "?" not in text or _marked_answered(raw) or _PLANNED.search(text) or _PROMPT.search(raw):
        return False
    question = text[:text.rfind("?") + 1]
    after = " ".join(f"{text[text.rfind('?') + 1:]} {answer}".split()).strip(" *_")
    asked = _PARENTHETICAL.sub(" ", question)
    label = _SITUATION_LABEL.match(asked)
    if _ASKS_A_VALUE.match(asked[label.end():] if label is not None else asked):
        return False  # "What is the acceptable downtime during a rollback?": a target to set, which PH/MS rules read
    if not (EDGE_QUESTION.search(asked) or (label is not None and _SITUATION_WORDS.search(label.group("label")))):
        return False  # a choice ("pnpm or npm?"), not a situation
    if after:
        if _ANSWER_OPENING.match(after) or not (is_non_answer(after) or _only_hypothetical(after)):
            return False
        return True
    # The author listed it as open: a passage elsewhere sharing its words is the topic, not the answer
    # (an edge-case list is different: there a case may be taken up in the requirements).
    return True


def _marked_answered(raw: str) -> bool:
    """The entry carries a status that closes it: "~~...~~", "→ ...", "Decision: ...", "**Resolved**",
    "(answered)", or a status word after the question. Not a status word the question itself asks about:
    "What happens when the card has been closed since the payment?" is a case, still open."""
    question_end = raw.rfind("?")
    for found in _MARKED_ANSWERED.finditer(raw):
        if not found.group(0)[0].isalpha() or found.start() > question_end:
            return True  # a strike-through or an arrow, or a status written after the question
        before, after = raw[:found.start()], raw[found.end():]
        if _STATUS_BEFORE.search(before) or _STATUS_AFTER.match(after):
            return True
    return False


#: Where a status word stands as a status: at the entry's start ("Resolved: ...", "**Decided** - ..."),
#: or set off by brackets, bold or a colon ("(answered)", "[closed]", "Decision:").
_STATUS_BEFORE = lazy_compile(r"(?:^\W*|[(\[]|\*\*|__)$")
_STATUS_AFTER = lazy_compile(r"\s*(?:[:)\]]|\*\*|__)")


def _only_hypothetical(text: str) -> bool:
    sentences = [part for part in re.split(r"(?<=[.!;])\s+", text) if part.strip()]
    return bool(sentences) and all(_HYPOTHETICAL.search(part) and "?" not in part for part in sentences)
