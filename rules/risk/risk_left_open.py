"""RK014 risk-left-open: a risk the document names and leaves without any answer, in a FAQ answer or a pitch's rabbit holes."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.headings import normalize_title
from speclint.document.model import Document, Heading, ListBlock, Paragraph, Span, iter_nested
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import MITIGATION, RISK_SECTIONS, is_project_risk_section, phrase_pattern, section_entries


class RiskLeftOpen(Rule):
    """Flags a risk the document names and leaves without any answer: a FAQ's "What are the risks?" answered with risks only, or a risk or rabbit hole that says nobody has looked at it.

    **What it flags.** Two shapes a reviewer asks "and then what?" about:

    - a question about risks in a PR/FAQ or FAQ ("What are the biggest risks?", "What could go
      wrong?", as a bold paragraph or a heading) whose answer names risks and holds no word of
      response: nothing mitigated, limited, monitored, tested, accepted, no "we will", no owner
      (RK002's `mitigation-terms`). The finding points at the answer's first line;
    - an item of a Risks section or of a Shape Up pitch's Rabbit holes that says it was left
      open: "we have not looked at", "nobody has checked", "still unclear", "no plan yet", "we
      don't know yet". The finding points at the item.

    **Why it matters.** A risk named and left alone is a worry handed to whoever meets it in
    production. A pitch's rabbit holes exist to be patched before the bet; one the pitch admits
    it has not looked at is the hole the team falls into in week three.

    **Example**

    ```markdown
    **What are the biggest risks?**
    Inspectors may not accept shopper bottles for food. The supplier may not deliver 40 stations by March.
    ```

    **Use instead**

    ```markdown
    **What are the biggest risks?**
    Inspectors may not accept shopper bottles for food: we launch with non-food products in districts that have
    not confirmed. The supplier may not deliver 40 stations by March: the launch starts with those delivered.
    ```
    """

    id = "RK014"
    name = "risk-left-open"
    category = Category.RISK
    default_level = Level.WARNING
    # Default under the rule for a check with few corpus findings: none on the corpus (its first draft's
    # two were wrong and are fixed, bench/verdicts/round14-fam-rk9.tsv), none on cleanset, on the clean
    # documents of eval and eval2 or on any variant bank's trap; warning level.
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        yield from _faq_answers(document)
        names = list(RISK_SECTIONS)
        for section in document.sections():
            if section.heading is None:
                continue
            rabbit_holes = normalize_title(section.title) in _RABBIT_HOLES
            if not rabbit_holes and not (normalize_title(section.title) in _RISK_KEYS
                                         and is_project_risk_section(section, names)):
                continue
            for entry in section_entries(section):
                if entry.kind != "item":
                    continue
                text = mask_invisible(entry.text)
                if _LEFT_OPEN.search(text) and not (_TERMS is not None and _TERMS.search(text)) \
                        and not _RESPONSE.search(text):
                    yield Violation(entry.span, "this risk says it was left open: say how it is handled, who "
                                                "looks into it by when, or that it is accepted")


def _faq_answers(document: Document) -> Iterator[Violation]:
    """A risks question (bold paragraph or heading) and the paragraphs that answer it."""
    for section in document.root.walk():
        blocks = list(section.blocks)
        if section.heading is not None and _RISK_QUESTION.search(_heading_text(section.heading)):
            answer = [block for block in blocks if isinstance(block, (Paragraph, ListBlock))]
            yield from _judge(answer)
            continue
        for index, block in enumerate(blocks):
            if not isinstance(block, Paragraph):
                continue
            text = mask_invisible(block.text).strip()
            question = _BOLD_QUESTION.match(text)
            if question is None or not _RISK_QUESTION.search(question.group("question")):
                continue
            rest = text[question.end():].strip()
            answer: list[Paragraph | ListBlock] = [block] if rest else []
            for following in blocks[index + 1:]:
                if isinstance(following, Paragraph) and _BOLD_QUESTION.match(mask_invisible(following.text).strip()):
                    break
                if isinstance(following, (Paragraph, ListBlock)):
                    answer.append(following)
            yield from _judge(answer, question_line=block.span.start.line if rest else None)


def _judge(answer: list[Paragraph | ListBlock], question_line: int | None = None) -> Iterator[Violation]:
    """One finding at the answer's first line when it names a risk and no response."""
    if not answer:
        return
    text = " ".join(_prose(block) for block in answer)
    if _TERMS is None or _TERMS.search(text) or _RESPONSE.search(text) or not _RISK_WORDS.search(text):
        return
    line = answer[0].span.start.line
    if question_line == line and answer[0].span.end.line > line:
        line += 1  # the answer runs on from the bold question's line
    yield Violation(Span.point(line, 1), "the answer names risks and says nothing done about them: say how each is "
                                         "reduced, who watches it, or that it is accepted")


def _prose(block: Paragraph | ListBlock) -> str:
    """The visible text of a paragraph, or of every paragraph inside a list (nested ones too)."""
    return " ".join(mask_invisible(inner.text) for inner in iter_nested([block]) if isinstance(inner, Paragraph))


def _heading_text(heading: Heading) -> str:
    return mask_invisible(heading.text_segment.text)


_TERMS = phrase_pattern(list(MITIGATION))
_RABBIT_HOLES = {normalize_title(name) for name in ("rabbit holes", "rabbit hole", "rabbit holes to patch")}
_RISK_KEYS = {normalize_title(name) for name in ("risks", "risk", "known risks", "key risks", "risks and concerns",
                                                 "risks and mitigations", "risks and open questions")}
#: "**What are the biggest risks?**", "**What could go wrong?** ..."
_BOLD_QUESTION = lazy_compile(r"^(?:\*\*|__)(?P<question>[^*_\n]{5,160}\?)\s*(?:\*\*|__)")
_RISK_QUESTION = lazy_compile(r"\b(?:risks?|could\s+go\s+wrong|might\s+go\s+wrong|can\s+go\s+wrong)\b[^?]*\?\W*$", re.I)
#: A response said without a listed term: "we would", "if so, ...", "in that case".
_RESPONSE = lazy_compile(r"\b(?:we\s+would|in\s+that\s+case|if\s+so|if\s+that\s+happens|then\s+we|our\s+answer|"
                         r"to\s+limit|to\s+reduce|to\s+avoid)\b|"
                         # a restriction the design sets: "only offered to accounts older than 30 days", "waits 24 hours"
                         r"\bonly\s+(?:offered|available|allowed|enabled|shown|sent|possible|appl(?:y|ies)|for|to|after|"
                         r"when|if)\b|\brequire[sd]?\b|\bwaits?\s+\d|\b(?:is|are)\s+(?:blocked|disabled|held|paused)\b|"
                         # what the team does: "we launch with non-food products", "we keep an alert"
                         r"\bwe\s+(?!may\b|might\b|could\b|don't\b|do\s+not\b|have\s+not\b|haven't\b|are\s+not\b|"
                         r"aren't\b|cannot\b|can't\b|worry\b|fear\b|think\b|expect\b|risk\b)[a-z]+", re.I)
#: The answer speaks of something that may go wrong.
_RISK_WORDS = lazy_compile(r"\b(?:may|might|could|can't|cannot|risk\w*|fail\w*|not\s+deliver|not\s+accept|delay\w*|"
                           r"late|lose|losing|break\w*)\b", re.I)
#: An item that admits nobody has answered it yet.
_LEFT_OPEN = lazy_compile(
    r"\b(?:(?:we|i|nobody|no\s+one|they)\s+(?:have|has)\s*(?:n't|\s+not|\s+yet\s+to)\s+(?:yet\s+)?"
    r"(?:looked|checked|investigated|decided|figured|worked\s+out|thought|explored|asked|talked|spoken)|"
    r"(?:we|i)\s+(?:do|did)\s*(?:n't|\s+not)\s+(?:yet\s+)?know|"
    r"(?:still|remains?|is|are)\s+(?:unclear|unknown|open|undecided|unresolved)\b(?!\s+(?:whether|if)\b[^.]*\.\s+we)|"
    r"no\s+(?:plan|mitigation|answer|decision|owner)\s+(?:yet|so\s+far)|not\s+yet\s+(?:looked|investigated|decided|"
    r"known|clear|understood))",
    re.I)
