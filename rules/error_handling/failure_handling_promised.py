"""EH008 failure-handling-promised: failure handling promised in vague words, with no behaviour."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Subsumes, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.operations import CALL_FAILURE, skipped_section
from speclint.reading.requirements import TASK_LISTS, document_kind, is_proposal, reads_like_proposal
from speclint.rules.error_handling.provider_failure_unhandled import document_title


class FailureHandlingPromised(Rule):
    """Flags a sentence that promises failures will be handled ("We will handle bounces gracefully") and says nothing of how.

    **What it flags.** A sentence whose only word on a failure is that it will be handled well:
    "We will handle bounces gracefully and keep the sender informed", "Errors are handled
    appropriately", "the app deals with timeouts properly", "Los rebotes se gestionan
    correctamente", "Fehler werden angemessen behandelt", "les erreurs sont gérées correctement".
    Not when the sentence goes on to say how ("gracefully: the envelope stays open and the sender
    sees the bounced address", "with a retry after 30 s", "by falling back to ..."), nor when the
    same paragraph or item says what happens in another sentence ("Errors are handled gracefully.
    A timed-out call is retried twice."). Not in a user story's wish ("I want the workers to handle
    errors gracefully, so that ..."), quoted words, non-goals or later phases, nor in task lists.

    **Why it matters.** "Gracefully" is a promise, not a behaviour: it does not say whether the
    envelope stays open, whether the sender is told, whether anything is retried. A reviewer, a
    tester and an engineer will each read it differently, and nobody can test it.

    **Example**

    ```markdown
    **What happens if some email addresses bounce?**
    We will handle bounces gracefully and keep the sender informed.
    ```

    **Use instead**

    ```markdown
    **What happens if some email addresses bounce?**
    The envelope stays open for the other recipients; the sender sees each bounced address in the
    batch report and can correct it and resend that envelope.
    ```
    """

    id = "EH008"
    name = "failure-handling-promised"
    category = Category.ERROR_HANDLING
    default_level = Level.WARNING
    # Makes redundant where they meet (one defect, one finding): 'gracefully' in 'handle errors gracefully' is also a
    # vague word
    subsumes = (Subsumes(("WD001", "WD006", "WD008")),)
    # Default: its 2 corpus findings are right (bench/verdicts/round15-eh10.tsv); none on the clean documents of
    # eval, eval2, eval3, cleanset and cleanset2 nor on the variant banks' traps.
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if document_kind(document, context) in TASK_LISTS or _PLAN_TITLE.match(document_title(document)):
            return  # a plan's "handle connection failures gracefully" is a to-do, the spec says how
        if is_proposal(document, context) or reads_like_proposal(document):
            return  # a proposal's "mitigated through proper error handling" weighs a risk, it specifies nothing
        if not _PROMISE_WORDS.search(document.source):
            return  # most documents promise nothing: one scan of the source
        from speclint.document.text import find_all, iter_prose

        for piece in iter_prose(document):
            if piece.kind == "heading" or skipped_section(piece.section):
                continue
            for match, span in find_all(_PROMISE, piece.segments):
                text = match.string
                start = _sentence_start(text, match.start())
                end = _sentence_end(text, match.end())
                sentence = text[start:end]
                rest = text[match.end():end]
                if _USER_STORY.search(sentence) or _SAYS_HOW.search(rest) or text.count('"', start, match.start()) % 2 \
                        or _RATIONALE_BEFORE.search(text, start, match.start()):
                    continue
                others = text[:start] + " " + text[end:]
                if CALL_FAILURE.search(others):
                    continue  # another sentence of the paragraph says what happens
                yield Violation(span, f"'{' '.join(match.group(0).split())}' promises failure handling without "
                                      "saying what happens: say what the user sees, what is retried or kept, "
                                      "and who is told")


#: Failures, in the words a promise handles: "bounces", "errors", "network failures".
_FAILURES = (r"(?:(?:all|any|the|these|those|such|possible|potential|transient)\s+)?(?:[\w-]+\s+){0,2}?"
             r"(?:errors?|failures?|bounces?|time-?outs?|outages?|exceptions?|declines?|declined\s+\w+|rejections?|"
             r"retries|disconnect(?:ion)?s?)")
_VAGUE = r"(?:gracefully|appropriately|properly|correctly|robustly|sensibly|cleanly|smoothly|elegantly|well|accordingly)"
#: A promise: "handle bounces gracefully", "errors are handled appropriately", "gracefully handle
#: failures", "graceful error handling", and in Spanish, German and French.
_PROMISE = lazy_compile(
    r"\b(?:handl(?:e|es|ed|ing)|deal(?:s|t|ing)?\s+with|manag(?:e|es|ed|ing)|treat(?:s|ed|ing)?)\s+" + _FAILURES + r"\s+"
    + _VAGUE + r"\b|"
    r"\b" + _FAILURES + r"\s+(?:are|is|will\s+be|shall\s+be|must\s+be|should\s+be|get|gets)\s+(?:handled|managed|dealt\s+with|"
    r"treated)\s+" + _VAGUE + r"\b|"
    r"\b(?:gracefully|appropriately|properly|robustly)\s+(?:handl(?:e|es|ed|ing)|deal(?:s|t)?\s+with|manag(?:e|es|ed|ing))\s+"
    + _FAILURES + r"\b|"
    r"\b(?:graceful|appropriate|proper|robust)\s+(?:error|failure|bounce|exception|timeout)\s+handling\b|"
    # Spanish: "gestionaremos los rebotes adecuadamente", "los errores se gestionan correctamente"
    r"\b(?:gestion\w+|manej\w+|trat\w+)\s+(?:los\s+|las\s+|todos\s+los\s+)?(?:errores|fallos|rebotes|rechazos|"
    r"excepciones)\s+(?:de\s+forma\s+|de\s+manera\s+)?(?:adecuad\w*|correct\w*|apropiad\w*|elegante\w*)|"
    r"\b(?:errores|fallos|rebotes|rechazos|excepciones)\s+se\s+(?:gestionan|manejan|tratan|gestionarán|manejarán)\s+"
    r"(?:de\s+forma\s+|de\s+manera\s+)?(?:adecuad\w*|correct\w*|apropiad\w*)|"
    # German: "Fehler werden angemessen behandelt", "Bounces sauber behandeln"
    r"\b(?:Fehler\w*|Ausfälle|Bounces|Zeitüberschreitungen|Ablehnungen)\s+(?:werden\s+|wird\s+)?"
    r"(?:angemessen|sauber|korrekt|ordnungsgemäß|elegant|robust|sinnvoll)\s+(?:behandelt|abgefangen|behandeln)\b|"
    # French: "les erreurs sont gérées correctement", "gérer les rejets proprement"
    r"\b(?:erreurs|échecs|rejets|rebonds)\s+(?:sont|seront)\s+(?:gérée?s|traitée?s)\s+"
    r"(?:correctement|proprement|convenablement|de\s+manière\s+appropriée)|"
    r"\bg[ée]rer\s+(?:les\s+)?(?:erreurs|échecs|rejets)\s+(?:correctement|proprement|convenablement)", re.I)
#: A cheap test of the whole source before the pieces are searched.
_PROMISE_WORDS = lazy_compile(r"graceful|appropriate|properly|robust|correct|sensibl|cleanly|smoothly|elegant|"
                              r"\bwell\b|accordingly|adecuad|apropiad|angemessen|sauber|korrekt|ordnungsgemäß|"
                              r"sinnvoll|proprement|convenablement", re.I)
#: After the promise, in its sentence: how it is done ("with a retry", "by falling back", ": the
#: envelope stays open", "(retry twice)", "such as").
_SAYS_HOW = lazy_compile(
    r"[:(\u2014\u2013]|\s-\s|\b(?:with|by|using|via|through|such\s+as|e\.g|i\.e|including|except|unless|if|when|"
    r"retr\w+|fall\w*\s*back|queue\w*|return\w*|shows?|showing|display\w*|logs?|logged|logging|alert\w*|"
    r"notif\w+|email\w*|pages?|paged|skip\w*|discard\w*|reject\w*|mark\w*|flag\w*|roll\w*\s*back|"
    r"con|mediante|mit|durch|avec|en)\b|\d")
#: A reason, not a promise: "which is acceptable since Prometheus handles transient scrape failures gracefully".
_RATIONALE_BEFORE = lazy_compile(r"\b(?:since|because|as)\s+(?:[\w'-]+\s+){0,6}$", re.I)
#: A plan or task list under any file name: "# Implementation Tasks: System Integration", "# Tasks".
_PLAN_TITLE = lazy_compile(r"^\W*(?:implementation\s+(?:plan|tasks)|tasks?|task\s+list)\b", re.I)
_USER_STORY = lazy_compile(r"\bI\s+(?:want|need|would\s+like)\b|^\W*as\s+an?\s", re.I)
_SENTENCE_END = lazy_compile(r"(?<!\be\.g)(?<!\bi\.e)[.!?](?:\s|$)|\n\s*\n|\n(?=[ \t]*(?:[-*+|>]|\d+[.)]))")


def _sentence_start(text: str, position: int) -> int:
    start = 0
    for end in _SENTENCE_END.finditer(text, 0, position):
        start = end.end()
    return start


def _sentence_end(text: str, position: int) -> int:
    end = _SENTENCE_END.search(text, position)
    return end.start() + 1 if end else len(text)


