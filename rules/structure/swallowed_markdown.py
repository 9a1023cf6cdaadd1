"""ST008 fence-swallows-markdown: a code fence that turns the document's own headings into code."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import CodeBlock, Document, Span
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile

_HEADING = lazy_compile(r" {0,3}#{1,6}[ \t]+\S")
_FENCE = lazy_compile(r"[ \t]*(`{3,}|~{3,})")
_OPENING_WITH_INFO = lazy_compile(r"[ \t]*(?:`{3,}|~{3,})[ \t]*[A-Za-z]")
# Examples of Markdown itself legitimately hold headings and fences.
_MARKDOWN_LANGUAGES = frozenset({"markdown", "md", "mdx", "gfm", "commonmark", "rmd", "text", "txt", "diff", "patch"})


class FenceSwallowsMarkdown(Rule):
    """Flags a code fence that swallows the document's own Markdown: headings and other fences.

    **What it flags.** A fenced code block that never closes and runs over headings to the end of
    its container, or that holds both a heading and a line opening another fence with a language
    (```` ```yaml ````): the sign that its closing fence was missed, or written at less indentation
    than the fence it closes (inside a list item a less indented fence ends the item and *opens* a
    new block of code). A closed example of Markdown itself (` ```markdown `, ` ```text `, a
    ```` fence) may hold both.

    **Why it matters.** Everything after the missing fence renders as code: sections disappear from
    the outline and from review, and every other check skips them. A real proposal lost eleven
    sections this way without anyone noticing.

    **Example**

    ````markdown
    1. Apply the configuration:
       ```yaml
       retries: 3
      ```

    ## Rollback
    ````

    **Use instead**

    ````markdown
    1. Apply the configuration:
       ```yaml
       retries: 3
       ```

    ## Rollback
    ````
    """

    id = "ST008"
    name = "fence-swallows-markdown"
    aliases = ("unclosed-code-fence",)
    category = Category.STRUCTURE
    default_level = Level.ERROR

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        for _, block in document.iter_blocks():
            if isinstance(block, CodeBlock) and block.fenced:
                violation = _swallowed(document, block)
                if violation is not None:
                    yield violation


def _swallowed(document: Document, block: CodeBlock) -> Violation | None:
    first, last = block.span.start.line, block.span.end.line
    opening = _FENCE.match(document.line_text(first))
    if opening is None:
        return None
    marker = opening.group(1)
    closing = re.fullmatch(rf"[ \t]*{re.escape(marker[0])}{{{len(marker)},}}[ \t]*", document.line_text(last))
    closed = last > first and closing is not None
    inner = range(first + 1, last if closed else last + 1)
    headings = [number for number in inner if _HEADING.match(document.line_text(number))]
    if not headings:
        return None
    fences = [number for number in inner if _OPENING_WITH_INFO.match(document.line_text(number))]
    if closed and (not fences or len(marker) > 3 or block.language in _MARKDOWN_LANGUAGES):
        return None  # a closed block showing a heading (or a Markdown example, fences too) is an example
    heading = document.line_text(headings[0]).strip()
    more = f" and {len(headings) - 1} more" if len(headings) > 1 else ""
    how = "never closes" if not closed else f"closes only at line {last}"
    column = opening.start(1) + 1
    span = Span.of(first, column, first, column + len(marker))
    return Violation(
        span,
        f"this code fence {how}: the heading '{_shorten(heading)}' (line {headings[0]}){more} renders as code; "
        "close the fence at the indentation it was opened",
    )


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
