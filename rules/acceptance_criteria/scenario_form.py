"""AC004 scenario-form: Given/When/Then scenarios with a step missing or out of order."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import CodeBlock, Document, Paragraph, Span, TextSegment
from speclint.document.text import find_all
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.commitments import commitments
from speclint.reading.requirements import Criterion, is_gherkin_block

_ORDER = {"given": 0, "when": 1, "then": 2}
#: In a bold-keyword scenario only bold keywords are steps ("**Given** a user **when** ..." style
#: is read from the bold words; "when" in the middle of plain prose is just a word).
_BOLD_KEYWORD = lazy_compile(r"(?:\*\*|__)\s*(Given|When|Then)\s*(?:\*\*|__)", re.I)
_PLAIN_KEYWORD = lazy_compile(r"(?:^|(?<=[\s,;(]))(Given|When|Then)\b", re.I)
_GHERKIN_STEP = lazy_compile(r"^(\s*)(Given|When|Then|And|But|\*)\s")
_GHERKIN_HEADER = lazy_compile(r"^\s*(Background|Scenario(?: Outline| Template)?|Example|Examples|Scenarios|Rule|Feature)\s*:")


class ScenarioForm(Rule):
    """Flags Given/When/Then scenarios with a missing step or steps out of order.

    **What it flags.** In a scenario written as prose or a list item (`**Given** ..., **When** ...,
    **Then** ...`, or a sentence that starts with "Given"), and in each scenario of a fenced
    `gherkin` block:

    - no *Then*: the scenario has no expected outcome;
    - no *When*: nothing happens, so nothing can be tested;
    - no *Given* (unless a gherkin `Background` provides it; see `require-given`);
    - steps out of order: a *Given* after the *When*, or a *When* after the *Then* (two behaviours in
      one scenario; split it).

    **Why it matters.** Scenarios are executable intent: QA and BDD tools read them literally. A
    scenario without an outcome tests nothing, and one that acts after asserting hides a second
    scenario that nobody will name.

    **Example**

    ```markdown
    1. **Given** a cart with 2 items, **When** the shopper removes one
    2. **When** the coupon expires, **Given** a cart with a coupon, **Then** the discount is removed
    ```

    **Use instead**

    ```markdown
    1. **Given** a cart with 2 items, **When** the shopper removes one, **Then** the cart shows 1 item
    2. **Given** a cart with a coupon, **When** the coupon expires, **Then** the discount is removed
    ```
    """

    id = "AC004"
    name = "scenario-form"
    category = Category.ACCEPTANCE_CRITERIA
    default_level = Level.WARNING
    # Measured below 90% precision on real documents (bench/verdicts): opt-in until it reaches it.
    group = Group.PREVIEW
    options = (Option("require-given", "bool", True, "Report scenarios that have no Given step."),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        require_given = context.options["require-given"]
        picture = commitments(document, context)
        seen: set[int] = set()
        for criterion in [c for r in picture.requirements for c in r.criteria] + picture.criteria:
            if criterion.form != "scenario" or id(criterion.block) in seen:
                continue
            seen.add(id(criterion.block))
            yield from _check_prose(criterion, require_given)
        if _is_about_gherkin(document):
            return  # its code blocks are examples of the notation, good and bad on purpose
        for _section, block in document.iter_blocks():
            if isinstance(block, CodeBlock) and is_gherkin_block(block) and id(block) not in seen:
                seen.add(id(block))
                yield from _check_gherkin(block, require_given)


_ABOUT_GHERKIN = lazy_compile(r"\b(?:gherkin|cucumber|behat|feature\s+files?|bdd|behaviou?r[- ]driven)\b", re.I)


def _is_about_gherkin(document: Document) -> bool:
    """A document about the notation itself (a Gherkin guide, a BDD tool's design): its title or
    a heading names it, or its prose keeps coming back to it."""
    if any(_ABOUT_GHERKIN.search(section.title) for section in document.sections()):
        return True
    mentions = 0
    for _section, block in document.iter_blocks():
        if isinstance(block, Paragraph):
            mentions += len(_ABOUT_GHERKIN.findall(block.text))
    return mentions >= 3


def _check_prose(criterion: Criterion, require_given: bool) -> Iterator[Violation]:
    text = "\n".join(segment.text for segment in criterion.segments)
    pattern = _BOLD_KEYWORD if _BOLD_KEYWORD.search(text) else _PLAIN_KEYWORD
    steps = [(match.group(1).lower(), span) for match, span in find_all(pattern, criterion.segments)]
    if pattern is _PLAIN_KEYWORD and len({kind for kind, _span in steps}) < 2:
        # "Given a producer route" heading a list of Send/Assert steps, or "Given X, requests are
        # dropped": a test written in prose, not a Given/When/Then scenario missing its steps.
        return
    yield from _judge(steps, criterion.span, require_given, has_background=False)


def _judge(steps: list[tuple[str, Span]], where: Span, require_given: bool,
           has_background: bool, point_at_where: bool = False) -> Iterator[Violation]:
    """Findings for one scenario's steps; a missing step is reported at the first step, or at
    `where` (a gherkin Scenario line) when `point_at_where`."""
    kinds = [kind for kind, _span in steps]
    for position, (kind, span) in enumerate(steps):
        # "When A, Then B; When C, Then D": a second action and its outcome is a style choice,
        # testable as written; only a step out of its place in one cycle is reported.
        cycle_start = max((index + 1 for index in range(position) if kinds[index] == "then"
                           and kind == "when"), default=0)
        later = [k for k in kinds[cycle_start:position] if _ORDER[k] > _ORDER[kind]]
        if later:
            yield Violation(span, f"'{kind.capitalize()}' after '{later[-1].capitalize()}': write the steps as "
                                  "Given, When, Then (split a second behaviour into its own scenario)")
            return
    missing = [kind for kind in ("given", "when", "then") if kind not in kinds]
    if "given" in missing and (has_background or not require_given):
        missing.remove("given")
    if missing:
        anchor = steps[0][1] if steps and not point_at_where else where
        words = " and ".join(f"'{kind.capitalize()}'" for kind in missing)
        advice = {"then": "add the expected outcome", "when": "add the action being tested",
                  "given": "add the starting state"}[missing[-1] if "then" not in missing else "then"]
        yield Violation(anchor, f"scenario has no {words} step: {advice}")


def _check_gherkin(block: CodeBlock, require_given: bool) -> Iterator[Violation]:
    has_background = False
    current: list[tuple[str, Span]] = []
    header: Span | None = None
    in_background = False
    judged = False
    last_kind = "given"

    def finish() -> Iterator[Violation]:
        if header is not None and not in_background and judged:
            yield from _judge(current, header, require_given, has_background, point_at_where=True)

    for segment in block.lines:
        header_match = _GHERKIN_HEADER.match(segment.text)
        if header_match:
            word = header_match.group(1)
            if word in ("Examples", "Scenarios"):
                continue  # the data table of an outline belongs to the scenario above
            yield from finish()
            judged = word not in ("Feature", "Rule")  # containers, not scenarios
            in_background = word == "Background"
            has_background = has_background or in_background
            header = _line_span(segment, header_match.start(1), header_match.end(1))
            current = []
            last_kind = "given"
            continue
        step = _GHERKIN_STEP.match(segment.text)
        if step and header is not None:
            word = step.group(2).lower()
            kind = last_kind if word in ("and", "but", "*") else word
            last_kind = kind
            if word in ("given", "when", "then"):
                current.append((kind, _line_span(segment, step.end(1), step.end(2))))
    yield from finish()


def _line_span(segment: TextSegment, start: int, end: int) -> Span:
    return Span.of(segment.line, segment.column + start, segment.line, segment.column + end)
