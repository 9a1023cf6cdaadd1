"""EC009 edge-case-left-open: a case the document raises and answers with "to discuss", "open" or "still working it out"."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.headings import normalize_title
from speclint.document.model import Block, Document, ListBlock, Paragraph, Span, iter_nested
from speclint.document.text import find_all, mask_invisible
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.edge_cases import CASE_AS_SUBJECT, EDGE_QUESTION, case_declared_open, inline_handlings, is_non_answer
from speclint.reading.requirements import PLATFORM_PROPOSALS, TASK_LISTS, document_kind, item_text, plain


class EdgeCaseLeftOpen(Rule):
    """Flags a case the document raises and answers only with "to discuss", "open" or "still working it out".

    **What it flags.** Outside an edge-case section (EC003 reads those), two shapes of a case raised
    and left open:

    - a case named under a condition and given a non-answer: "If a buyer opens a dispute after the
      payout, the amount is taken from the next sales. Negative balances: to discuss with Finance.";
    - an open question noted in the body of the spec, about a situation, with nobody and no date to
      answer it: "> Open question (Jonas, 14 Oct): what happens when every dock is reserved?",
      "> Offene Frage des Betriebsrats: Was passiert ..., wenn ...?" (one with "by <date>", "before
      beta", "tracked in #311" or an answer after it is not reported);
    - a question that raises a situation ("What happens if the airline cancels the flight while I have
      a lock?", "¿Qué pasa si ...?", "Was passiert, wenn ...?", "... si un client achète l'article
      pendant le comptage ?") whose answer, in the same paragraph or item or in the paragraph after it,
      is only a non-answer: "Open.", "We are still working this out with Airline Partnerships.",
      "À voir.", "Por definir.", "Noch offen.".

    - a case written as the subject of a sentence that says it is not settled: "What happens when a
      ninth device is added is still open; we will look at it during beta.", "Was passiert, wenn der
      Akku leer ist, ist noch offen." (reported at the case);
    - a case whose outcome trails off into a non-answer: "... the clerk marks it missing and the
      customer... to align with Support";
    - in a list of rules and cases, one item that only names a case with a question mark and says
      nothing more ("Store closed without notice (strike, local holiday)?"), outside motivation,
      goals and FAQ sections and outside platform proposals.

    Non-answers are `speclint.reading.edge_cases.NON_ANSWER` (bare TBD/TODO markers are PH001's).
    Open-questions sections, decision logs and status lines are not read: an open question listed
    where open questions belong is RK005's to judge.

    **Why it matters.** The case was seen, which is the hard part, and then nobody decided. The
    engineer who meets it has the question and no answer, and "to discuss with Finance" has no owner
    or date that makes it happen.

    **Example**

    ```markdown
    **What happens if the airline cancels the flight while I have a lock?**
    We are still working this out with Airline Partnerships.
    ```

    **Use instead**

    ```markdown
    **What happens if the airline cancels the flight while I have a lock?**
    The lock fee is refunded in full within 5 days, and the lock ends.
    ```
    """

    id = "EC009"
    name = "edge-case-left-open"
    category = Category.EDGE_CASES
    default_level = Level.WARNING
    # Default under the rule for a check with few corpus findings: none on the corpus (its one draft finding,
    # an aside "(if at all)", was wrong and is fixed: bench/verdicts/round15-edgeq10.tsv), none on cleanset,
    # cleanset2, the clean documents of eval, eval2 and eval3, or any variant bank's document; warning level.
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if document_kind(document, context) in (*TASK_LISTS, "template"):
            return
        for section in document.root.walk():
            if section.heading is not None and (_SKIPPED.search(section.title) or normalize_title(section.title).startswith(
                    ("edge case", "rabbit hole", "open question", "open issue", "open point"))):
                continue  # "Casos de Borda", "Buchi del coniglio", "Domande aperte" read in English
            yield from _blocks(list(section.blocks))
            if document_kind(document, context) not in _PROCESS_KINDS and not _BACKGROUND.search(section.title or ""):
                for block in section.blocks:
                    if isinstance(block, ListBlock):
                        yield from _case_asked_among_rules(block)


def _blocks(blocks: list[Block]) -> Iterator[Violation]:
    flat = [block for block in iter_nested(blocks) if isinstance(block, Paragraph)]
    for index, block in enumerate(flat):
        trails = ("..." in block.text or "…" in block.text) and _TRAILS_OFF.search(block.text.rstrip()) is not None
        declared = CASE_AS_SUBJECT.search(block.text) is not None
        if "?" not in block.text and ":" not in block.text and not trails and not declared:
            continue  # every shape below needs a question mark, a label's colon, an ellipsis or a case as subject
        text = " ".join(plain(mask_invisible(block.text)).split())
        if not text:
            continue
        if declared:
            opened = next((span for match, span in find_all(CASE_AS_SUBJECT, block.segments)
                           if case_declared_open(match.string, match.start())), None)
            if opened is not None:
                yield _finding(opened)  # "What happens when ... is still open; we will look at it during beta."
                continue
        noted = _NOTED_QUESTION.match(text)
        if noted is not None and EDGE_QUESTION.search(_ASIDE.sub(" ", noted.group("question"))) and not _DUE.search(text) and not (
                index + 1 < len(flat) and _ANSWER_LABEL.match(plain(flat[index + 1].text))):
            yield _finding(block.span)
            continue
        if text.endswith("?") and EDGE_QUESTION.search(_ASIDE.sub(" ", text)) and index + 1 < len(flat):
            following = flat[index + 1]
            answer = " ".join(plain(mask_invisible(following.text)).split())
            if following.span.start.line <= block.span.end.line + 2 and is_non_answer(answer):
                yield _finding(block.span)
                continue
        if "?" in text[:-1]:
            question = text[:text.rfind("?") + 1]
            after = text[text.rfind("?") + 1:]
            if after.strip() and EDGE_QUESTION.search(_ASIDE.sub(" ", _last_sentence(question))) and is_non_answer(after):
                yield _finding(block.span)
                continue
        trailing = _TRAILS_OFF.search(text) if trails else None
        if trailing is not None and is_non_answer(trailing.group("rest")):
            yield _finding(block.span)  # "... and the customer... to align with Support": the outcome trails off
            continue
        for label in _LABELLED.finditer(text):
            if len(label.group("label").split()) <= 6 and not _NOT_A_CASE.search(label.group("label")) \
                    and _CONDITION.search(text) and is_non_answer(label.group("rest")):
                yield _finding(block.span)
                break


def _finding(span: Span) -> Violation:
    return Violation(Span.point(span.start.line, span.start.column),
                     "this case is raised and left open: say what the system does, or make it an open question "
                     "with an owner and a date")


def _last_sentence(text: str) -> str:
    cut = max(text.rfind(". ", 0, len(text) - 1), text.rfind("! ", 0, len(text) - 1))
    return text[cut + 1:]


#: A sentence that trails off into a non-answer: "the clerk marks it missing and the customer... to align with
#: Support", "o cliente… alinhar com Atendimento".
_TRAILS_OFF = lazy_compile(r"\w(?:\.{3}|…)\s+(?P<rest>[^.…?!\n]{3,80}[.!]?)$")
#: "Open question (Jonas, 14 Oct): what happens when every dock is reserved?", "Offene Frage des
#: Betriebsrats (Sitzung vom 30.09.): Was passiert ..., wenn ...?": a question noted in the body.
_NOTED_QUESTION = lazy_compile(r"^\W{0,4}(?:open\s+question|unanswered\s+question|offene\s+frage|pregunta\s+abierta|"
                               r"question\s+ouverte)\b[^:\n]{0,80}:\s*(?P<question>[^\n]+\?)\W{0,4}$", re.I)
#: Who decides it by when: "by 2026-11-01", "before beta", "due 12 Nov", "bis 15.11.", "tracked in #311".
_DUE = lazy_compile(r"\b(?:by|before|due|until|deadline|bis|antes\s+del?|avant|para\s+el|tracked\s+in|owner)\b|#\d+", re.I)
_ANSWER_LABEL = lazy_compile(r"^\W{0,4}(?:answer|decision|resolution|antwort|entscheidung|respuesta|decisi[óo]n|"
                             r"r[ée]ponse|d[ée]cision)\b", re.I)
#: An aside in brackets ("(if at all)") raises no situation.
_ASIDE = lazy_compile(r"\([^()\n]*\)")
#: "Negative balances: to discuss with Finance." A sentence that is a label and what follows it.
_LABELLED = lazy_compile(r"(?:^|(?<=[.!?])\s+)(?P<label>[^\W\d_][^.:!?\n]{2,60}):\s+(?P<rest>[^.!?\n]+[.!?]?)")
#: Labels of metadata and bookkeeping, not cases: "Status: open", "Decision: pending".
_NOT_A_CASE = lazy_compile(r"\b(?:status|state|estado|statut|owner|decision|resolution|outcome|question|answer|"
                           r"note|priority|phase|milestone|review|approval|sign-?off|ticket|issue)s?\b", re.I)
#: The block raises a situation: a condition in any language.
_CONDITION = lazy_compile(r"\b(?:if|when|whenever|unless|in\s+case|after|before|during|si|wenn|falls|cuando|"
                          r"lorsque|quand|während|nachdem)\b", re.I)
#: Sections where open points belong, and edge-case sections (EC003's).
_SKIPPED = lazy_compile(
    r"\b(?:open|unresolved|outstanding|pending)\s+(?:questions?|issues?|items?|points?|decisions?)|\bquestions?\b|"
    r"decision\s+log|change\s*log|history|status|offene\s+(?:fragen|punkte)|preguntas\s+abiertas|questions\s+ouvertes|"
    r"edge|corner|rabbit\s+holes?|randf|casos\s+l[íi]mite|cas\s+limites?",
    re.I,
)


#: Proposals keep questions open by their process; a question in a motivation or a FAQ is no case.
_PROCESS_KINDS = (*PLATFORM_PROPOSALS, "kep")
_BACKGROUND = lazy_compile(r"\b(?:problem|motivation|background|context|why|summary|overview|goals?|faq|questions?|"
                           r"interview|research|hypothes[ie]s|discussion|alternatives?|kontext|contexto|contesto|"
                           r"hintergrund|problema|motiva)", re.I)
#: A condition in Portuguese, Italian or Dutch, where a rule states a case ("Se o pedido ...", "Qualora ...").
_CASE_CONDITION = lazy_compile(r"\b(?:se|quando|caso|enquanto|ap[óo]s|qualora|mentre|dopo|als|wanneer|indien|zodra)\b", re.I)
#: An interrogative word: a question that asks something, not a case named with a question mark.
_ASKS = lazy_compile(r"\b(?:what|who|whom|which|how|why|where|do|does|did|is|are|can|should|will|would|was|wer|wie|warum|"
                     r"welche\w*|qu[ée]|qui[ée]n|c[óo]mo|cu[áa]l|por\s*qu[ée]|que|quem|qual|porque|cosa|chi|come|quale|"
                     r"perch[ée]|quoi|comment|pourquoi|wat|hoe|welke|waarom)\b", re.I)


def _case_asked_among_rules(block: ListBlock) -> Iterator[Violation]:
    """A list of rules and cases ("If the item is missing at picking, ...", "Orders not collected in 7 days
    are cancelled") where one item only names a case with a question mark ("Store closed without notice
    (strike, local holiday)?") and says nothing more: the case was seen and not decided."""
    items = [item for item in block.items if item.checked is None]
    texts = [" ".join(plain(item_text(item)).split()) for item in items]
    if len(items) < 3 or any(item.sublists for item in items):
        return
    asked = [index for index, text in enumerate(texts) if text.endswith("?")]
    if len(asked) != 1 or not any(inline_handlings(text) or _CONDITION.search(text) or _CASE_CONDITION.search(text)
                                  for text in texts if not text.endswith("?")):
        return
    question = _ASIDE.sub(" ", texts[asked[0]]).strip()
    if "?" in question[:-1] or len(question.split()) > 8 or _ASKS.search(question):
        return
    yield _finding(items[asked[0]].span)
