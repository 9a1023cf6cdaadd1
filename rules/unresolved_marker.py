"""PH001 unresolved-marker: TBD, TODO, FIXME and friends left in the visible text."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.model import Document
from speclint.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.text import find_all, iter_prose

DEFAULT_MARKERS = ("TBD", "TBC", "TODO", "FIXME", "XXX", "TKTK")


class UnresolvedMarker(Rule):
    """Flags unresolved markers (TBD, TBC, TODO, FIXME, XXX, TKTK, ???, [NEEDS CLARIFICATION: ...]) in visible text.

    **What it flags.** A marker that says "this is not decided yet", written in the text a reader
    sees: paragraphs, list items, table cells and headings. Markers are matched as whole upper-case
    words, so "a to-do list", `TODO.md` and a "TODO-list app" are not markers; text in code spans,
    code blocks, HTML comments and link targets is never read.

    **Why it matters.** An engineer who meets "Retry policy: TBD" in the middle of a sprint has to
    stop and find the author. A spec that is ready for review has either decided, or lists the open
    point as an open question with an owner.

    **Example**

    ```markdown
    ## Retries
    The client retries failed uploads. Backoff: TBD.
    ```

    **Use instead**

    ```markdown
    ## Retries
    The client retries a failed upload 3 times, waiting 1 s, 2 s, then 4 s.
    ```
    """

    id = "PH001"
    name = "unresolved-marker"
    category = Category.PLACEHOLDER
    default_level = Level.ERROR
    aliases = ("tbd",)
    options = (
        Option("markers", "list[str]", list(DEFAULT_MARKERS), "Upper-case words that mark unresolved text."),
        Option("question-marks", "bool", True, "Also flag runs of three or more question marks (`???`)."),
        Option("needs-clarification", "bool", True, "Also flag spec-kit's `[NEEDS CLARIFICATION: ...]`."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        pattern = _pattern(tuple(context.options["markers"]), context.options["question-marks"],
                           context.options["needs-clarification"])
        if pattern is None:
            return
        for prose in iter_prose(document):
            for match, span in find_all(pattern, prose.segments):
                if match.group("clarify"):
                    question = " ".join(match.group("question").split())
                    yield Violation(span, f"needs clarification: {question}: answer it in the spec")
                else:
                    marker = match.group(0)
                    yield Violation(span, f"unresolved marker '{marker}': decide, or list it as an open question")


_compiled: dict[tuple[tuple[str, ...], bool, bool], re.Pattern[str] | None] = {}


def _pattern(markers: tuple[str, ...], question_marks: bool, clarify: bool) -> re.Pattern[str] | None:
    key = (markers, question_marks, clarify)
    if key not in _compiled:
        parts = []
        if clarify:
            parts.append(r"(?P<clarify>\[NEEDS CLARIFICATION:?(?P<question>[^\]]*)\])")
        if markers:
            words = "|".join(re.escape(marker) for marker in sorted(markers, key=len, reverse=True))
            # Not part of a longer word, file name or hyphenated compound ("TODO-list", "TODO.md").
            parts.append(r"(?<![\w\-./])(?:" + words + r")(?![\w\-]|\.\w)")
        if question_marks:
            parts.append(r"(?<!\?)\?{3,}")
        _compiled[key] = re.compile("|".join(parts)) if parts else None
    return _compiled[key]
