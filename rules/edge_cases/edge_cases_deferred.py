"""EC004 edge-cases-deferred: a sentence that names the edge cases and puts them off until later."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Section
from speclint.document.text import find_all
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import section_segments
from speclint.reading.edge_cases import is_edge_case_title
from speclint.reading.requirements import TASK_LISTS, document_kind, states_requirements

#: What names the cases: "edge cases", "corner cases", "tricky cases", "negative scenarios", and the
#: words of other languages ("Randfälle", "casos límite", "cas limites").
_CASES = lazy_compile(
    r"\b(?:edge|corner|tricky|special|unusual|boundary|negative|odd)[\s-]+(?:cases?|scenarios?|conditions?)\b|"
    r"\b(?:randf[äa]lle|grenzf[äa]lle|cas\s+limites?|casos\s+(?:l[íi]mite|extremos))\b",
    re.I,
)
#: When they are put off to: later, a follow-up, another phase, the beta, "when we get there".
_LATER = lazy_compile(
    r"\b(?:later|afterwards|at\s+a\s+later\s+(?:stage|date|point)|in\s+(?:a|the)\s+(?:follow[- ]?up|later|future|"
    r"separate|next)\b|in\s+the\s+(?:design|implementation|build|development)\s+(?:phase|stage)|during\s+(?:the\s+)?"
    r"(?:beta|pilot|implementation|development|build|testing|test\s+planning|review|design\s+phase)|when\s+we\s+get\s+"
    r"(?:there|to\s+(?:it|them))|come\s+up\s+(?:in|during)\s+(?:review|testing|QA)|m[áa]s\s+adelante|plus\s+tard|"
    r"sp[äa]ter)\b",
    re.I,
)
#: The future of a promise: "will", "we'll", "to be", "are going to".
_FUTURE = lazy_compile(r"\b(?:will|shall|to\s+be|going\s+to|plan\s+to|wird|werden|ser[áa]n?|seront?)\b|'ll\b", re.I)
#: Sections where putting something off is the point of the section.
_DEFERRAL_SECTIONS = lazy_compile(
    r"\b(?:open|unresolved|outstanding)\s+(?:questions?|issues?|items?)|future|follow[- ]?ups?|non[- ]?goals?|"
    r"out\s+of\s+scope|not\s+in\s+scope|later|roadmap|milestones?|phases?|graduation|timeline|next\s+steps|"
    r"alternatives?|backlog|parking\s+lot",
    re.I,
)
#: Proposals whose design sections specify behaviour (an RFC's reference-level explanation, a KEP's
#: design details): edge cases put off there are put off from the design under review. Decision
#: records are not read: their consequences may say what is left for later.
_PROPOSALS_THAT_DESIGN = ("rust-rfc", "kep", "go-design", "otep")
#: A proposal's own stages: "handled later, in beta", "before stabilisation" is the process, not a gap.
_STAGE = lazy_compile(r"\b(?:alpha|beta|GA|general\s+availability|stable|stabili[sz]ation|graduat\w+|promotion|"
                      r"nightly|preview)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


class EdgeCasesDeferred(Rule):
    """Flags a sentence that names the edge cases and puts them off until later.

    **What it flags.** In a specification with requirements or user stories, a sentence that names
    the edge cases ("edge cases", "corner cases", "tricky cases", "negative scenarios", "Randfälle",
    "casos límite", "cas limites"), promises them for the future ("will", "we'll", "to be") and puts
    them off: later, in a follow-up, in the design phase, during the beta or implementation, "when we
    get there". One finding per paragraph, at the words that name the cases. Sections whose purpose
    is to put things off (open questions, future work, non-goals, roadmap, phases) are not read, nor
    are decision records; in a design proposal (RFC, KEP, Go design, OTEP) a deferral to one of the
    proposal's own stages ("in beta", "before stabilisation") is the process and is not reported, while
    "will be worked out during implementation" is. An edge-case section is EC002's and EC003's to read.

    **Why it matters.** "We'll handle the edge cases later" is the spec admitting it has not
    decided what the product does when something goes wrong or runs out. Later is mid-sprint, when
    an engineer meets the case and has to guess.

    **Example**

    ```markdown
    Partial refunds and refunds after the payout are edge cases we will handle in a follow-up.
    ```

    **Use instead**

    ```markdown
    - A partial refund returns the amount asked for, at most the amount paid.
    - A refund after the payout is taken from the seller's next payout.
    ```
    """

    id = "EC004"
    name = "edge-cases-deferred"
    category = Category.EDGE_CASES
    default_level = Level.INFO
    # Default at info level: no finding on the corpus (round 13), none on the 825 documents of the
    # variant banks but the deferrals they were written for, none on eval, eval2 or cleanset.
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        kind = document_kind(document, context)
        if kind in TASK_LISTS or kind == "template":
            return
        proposal = not states_requirements(document, context)
        if proposal and kind not in _PROPOSALS_THAT_DESIGN:
            return
        yield from _deferrals(document.root, proposal)


def _deferrals(section: Section, proposal: bool) -> Iterator[Violation]:
    if section.heading is not None and (_DEFERRAL_SECTIONS.search(section.title) or is_edge_case_title(section.title)):
        return  # a section for putting things off; or the edge cases' own, which EC002 and EC003 read
    for segments in section_segments(section, deep=False):
        for match, span in find_all(_CASES, segments):
            sentence = _sentence_around(match.string, match.start(), match.end())
            if _LATER.search(sentence) and _FUTURE.search(sentence) and not (proposal and _STAGE.search(sentence)):
                yield Violation(span, f"'{match.group(0)}' put off until later: say what happens in each case now, "
                                      "or list them as open questions with an owner")
                break
    for child in section.children:
        yield from _deferrals(child, proposal)


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds text[start:end]."""
    opening = 0
    for found in _SENTENCE_END.finditer(text, 0, start):
        opening = found.end()
    closing = _SENTENCE_END.search(text, end)
    return text[opening:closing.end() if closing else len(text)]
