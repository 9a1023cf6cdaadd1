"""MS006 goal-without-target: a goal that says which way a measure should move, with no number or time frame."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.headings import normalize_title
from speclint.document.model import Document, ListBlock, ListItem, Paragraph, Section, Span, Table
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import profile_name
from speclint.reading.metrics import (
    bold_heading,
    OTHER_LANGUAGE_VERBS,
    direction_without_target,
    has_target,
    intensified_direction,
    is_background,
    is_success_heading,
    is_summary,
    perceived_outcome,
    quantified_elsewhere,
)
from speclint.reading.normative import mask_non_prose, nested_text
from speclint.reading.wording import SKIP_PROFILES_HELP

# "Goals", "Business objectives", "Goals and success metrics" (normalized: singular, lower case).
_GOALS_TITLE = lazy_compile(
    r"^(?:(?:business|product|primary|key|project|main|our|customer|user|high level|top|launch|release)\s+)?(?:goal|objective)"
    r"(?:\s+(?:for|of)\s+(?:this|the|v\d+|mvp|launch|release)(?:\s+\w+)?)?$|^what we want to achieve$|"
    # German, Spanish, French: "Ziele", "Objetivos", "Objectifs" (normalized: lower case)
    r"^(?:ziele?|zielsetzung|objetivos?(?:\s+de\s+(?:negocio|negócio))?|metas?|objectifs?|buts?|obiettivi?)$")
# "**Goal:** ...", "Objective: ...", "- **Business goal**: ...".
_GOAL_LABEL = lazy_compile(
    r"^\W*(?:(?:business|product|primary|main|key|our)\s+)?(?:goals?|objectives?|ziele?|objetivos?|objectifs?|obiettivi?)[*_\s]*[:—–][*_\s]*",
    re.I)
# A goal in German, Spanish or French that gives a direction: "Reducir el tiempo de espera", "Weniger Rückfragen
# beim Support", "augmenter le taux de réachat" (read only where a goal is expected).
_OTHER_LANGUAGE_GOAL = lazy_compile(
    r"^\W*(?:aumentar|mejorar|incrementar|reducir|disminuir|acortar|elevar|bajar|"
    r"erhöhen|steigern|verbessern|senken|reduzieren|verringern|verkürzen|weniger|mehr|"
    r"augmenter|améliorer|réduire|diminuer|accroître|raccourcir|moins\s+de|plus\s+de|"
    # Italian and Portuguese: "Aumentare l'adesione", "Reduzir o tempo de espera"
    + OTHER_LANGUAGE_VERBS + r")\b", re.I)
# Enhancement proposals of the Kubernetes family and language RFCs state goals as capabilities to
# build; their readers do not expect a number there.
_PROPOSALS = ("kep", "rust-rfc", "otep", "gep", "openshift-enhancement", "capi-proposal", "go-design", "not-a-spec")
_SENTENCE_END = lazy_compile(r"[.!?;](?:\s|$)")


class GoalWithoutTarget(Rule):
    """Flags a goal that says which way a measure should move and gives no number or time frame.

    **What it flags.** In a *Goals* or *Objectives* section, or after a "**Goal:**" label anywhere,
    an item or sentence that gives a measure a direction ("Increase checkout conversion", "Reduce
    churn", "Improve retention of returning shoppers", "support tickets go down") and states no
    target: no number, percentage, count or time frame, in the item or its sub-items.

    Not flagged when another line of the document gives that measure a number (a success metric
    "Cart abandonment: 68% to 55%" answers the goal "Reduce cart abandonment"), nor goals that name
    no measure ("Let admins export the audit log"), zero and all ("No P1 bugs"), non-goals,
    background, questions and placeholders (reported by the placeholder rules). Goals in German,
    Spanish, French, Italian and Portuguese are read the same way ("## Objetivos" over "- Reducir el
    tiempo de espera", "Objectif : augmenter le taux de réachat", "Weniger Rückfragen beim Support",
    "## Obiettivi" over "- Aumentare l'adesione"). A digit inside a name ("P2P users") and the period
    that names a measure ("7-day retention") are no target. Enhancement
    proposals and language RFCs, whose goals are capabilities, are not read (option `skip-profiles`).

    **Why it matters.** A goal of "increase conversion" is met by one extra sale. Without a number
    and a date the team cannot tell after launch whether it reached the goal, and cannot size the
    work before it.

    **Example**

    ```markdown
    ## Goals
    - Reduce cart abandonment on mobile.
    ```

    **Use instead**

    ```markdown
    ## Goals
    - Reduce mobile cart abandonment from 68% to 55% by the end of Q3.
    ```
    """

    id = "MS006"
    name = "goal-without-target"
    category = Category.MEASURABILITY
    default_level = Level.WARNING
    options = (Option("skip-profiles", "list[str]", list(_PROPOSALS), SKIP_PROFILES_HELP),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        lines = document.lines
        if profile_name(context) in set(context.options["skip-profiles"]):
            # a proposal's goals are capabilities; one that is a feeling ("feel fair to players") still has no measure
            for section in document.root.walk():
                if _is_goals(section):
                    yield from _perceived_goals(section)
            return
        for section in document.root.walk():
            if section.heading is not None and is_background(section) and not is_summary(section):
                continue  # background, problem: a summary states the goal under a label
            if section.heading is not None and is_success_heading(section):
                continue  # success metrics are metric-without-target's (MS004)
            yield from _blocks(section.blocks, _is_goals(section), lines)


def _perceived_goals(section: Section) -> Iterator[Violation]:
    """The items of a goals list whose outcome is how people feel, with no measure."""
    for block in section.blocks:
        if not isinstance(block, ListBlock):
            continue
        for item in block.items:
            first = item.blocks[0] if item.blocks and isinstance(item.blocks[0], Paragraph) else None
            if first is not None and perceived_outcome(first.text + "\n" + nested_text(item)):
                yield _violation(first, 0, _PERCEIVED_MESSAGE)


def _is_goals(section: Section) -> bool:
    return section.heading is not None and bool(_GOALS_TITLE.match(normalize_title(section.title)))


def _blocks(blocks: list, in_goals: bool, lines: list[str]) -> Iterator[Violation]:
    previous: Paragraph | None = None
    for block in blocks:
        title = bold_heading(block.text) if isinstance(block, Paragraph) else None
        if title is not None:
            in_goals = bool(_GOALS_TITLE.match(normalize_title(title)))  # "**Goals**" on a line of its own
            previous = block
            continue
        if isinstance(block, Paragraph):
            label = _GOAL_LABEL.match(block.text)
            if label and block.text[label.end():].strip(" *_"):
                yield from _sentences(block, label.end(), lines)
            elif in_goals and not block.text.rstrip(" *_").endswith(":"):
                yield from _sentences(block, 0, lines)
            previous = block
            continue
        if isinstance(block, Table) and in_goals:
            yield from _table(block, lines)
        elif isinstance(block, Table):
            yield from _key_value_rows(block, lines)
        if isinstance(block, ListBlock):
            label = _GOAL_LABEL.match(previous.text) if previous is not None else None
            announced = label is not None and not previous.text[label.end():].strip(" *_")
            for item in block.items:
                yield from _item(item, in_goals or announced, lines)
        previous = None


def _item(item: ListItem, in_goals: bool, lines: list[str]) -> Iterator[Violation]:
    first = item.blocks[0] if item.blocks and isinstance(item.blocks[0], Paragraph) else None
    if first is None:
        return
    label = _GOAL_LABEL.match(first.text)
    own = first.text[label.end():] if label else first.text
    if (in_goals or label) and own.strip(" *_"):
        found = _direction(own, nested_text(item))
        if found is not None and not quantified_elsewhere(found, lines, first.segments[0].line):
            yield _violation(first, label.end() if label else 0)
            return
        if found is None and perceived_outcome(own + "\n" + nested_text(item)):
            yield _violation(first, label.end() if label else 0, _PERCEIVED_MESSAGE)
            return
    bare_label = label is not None and not own.strip(" *_")
    for sublist in item.sublists:
        for sub_item in sublist.items:
            yield from _item(sub_item, bare_label, lines)


def _table(table: Table, lines: list[str]) -> Iterator[Violation]:
    """A goals table ("| Goal | Metric |"): a row whose cells give a measure a direction and no target."""
    for row in table.rows:
        cells = [cell for cell in row if cell.text.strip()]
        if not cells:
            continue
        found = direction_without_target(" | ".join(cell.text for cell in cells))
        first = cells[0]
        line = first.segments[0].line if first.segments else first.span.start.line
        if found is not None and not quantified_elsewhere(found, lines, line):
            yield Violation(Span.of(line, first.span.start.column, line, first.span.end.column), _MESSAGE)


def _key_value_rows(table: Table, lines: list[str]) -> Iterator[Violation]:
    """A two-column fact table of a one-pager ("| Goal | Increase conversion |"): the goal's value."""
    for row in [table.header, *table.rows]:
        if len(row) < 2 or not _GOAL_LABEL.match(row[0].text.strip() + ":"):
            continue
        value = row[1]
        found = direction_without_target(value.text) if value.text.strip() else None
        line = value.segments[0].line if value.segments else value.span.start.line
        if found is not None and not quantified_elsewhere(found, lines, line):
            yield Violation(Span.of(line, value.span.start.column, line, value.span.end.column), _MESSAGE)


def _sentences(paragraph: Paragraph, offset: int, lines: list[str]) -> Iterator[Violation]:
    """The first sentence of the paragraph (after `offset`) that gives a measure a direction and no target."""
    text = paragraph.text
    start = offset
    for end_match in [*_SENTENCE_END.finditer(text, offset), None]:
        end = end_match.end() if end_match else len(text)
        sentence = text[start:end]
        begin = start
        start = end
        found = _direction(sentence) if sentence.strip() else None
        if found is None:
            continue
        line = paragraph.segments[0].line + text.count("\n", 0, begin + found.start())
        if quantified_elsewhere(found, lines, line):
            continue
        yield _violation(paragraph, begin + len(sentence) - len(sentence.lstrip()))
        return


def _direction(text: str, nested: str = "") -> re.Match[str] | None:
    """Where a goal gives a measure a direction and no target, in English or in German, Spanish or French."""
    found = direction_without_target(text, nested)
    if found is None and not nested.strip():
        found = intensified_direction(text)  # "Reduce churn significantly among sellers with more than 50 orders"
    if found is not None or has_target(text + "\n" + nested):
        return found
    return _OTHER_LANGUAGE_GOAL.search(mask_non_prose(text))


def _violation(paragraph: Paragraph, offset: int, message: str | None = None) -> Violation:
    """At the goal's first word (after its label), on its line."""
    remaining = offset
    for segment in paragraph.segments:
        if remaining <= len(segment.text):
            rest = segment.text[remaining:]
            column = segment.column + remaining + len(rest) - len(rest.lstrip(" *_"))
            return Violation(Span.of(segment.line, column, segment.line, segment.column + len(segment.text)),
                             message or _MESSAGE)
        remaining -= len(segment.text) + 1
    first = paragraph.segments[0]
    return Violation(Span.of(first.line, first.column, first.line, first.column + len(first.text)), message or _MESSAGE)


_MESSAGE = ("goal gives a direction but no target: say by how much and by when "
            "(e.g. 'reduce cart abandonment from 68% to 55% by the end of Q3'), or give the measure a success metric")
_PERCEIVED_MESSAGE = ("goal is a feeling with no measure: say how it is measured (a survey score, a rate), "
                      "its baseline and the target to reach by when")
