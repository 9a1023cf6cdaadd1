"""PH003 template-guidance: the template's own guidance or example text, left word for word."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.model import Document, HtmlBlock, Paragraph, Span
from speclint.rule import Category, Level, Rule, RuleContext, Violation


class TemplateGuidance(Rule):
    """Flags guidance and example text copied from the document's template and never replaced.

    **What it flags.** A paragraph, list item or HTML comment that contains, word for word (case
    and line breaks aside), a sentence of the template the profile knows: spec-kit's "ACTION
    REQUIRED: ..." comments, the Rust RFC template's "One paragraph explanation of the feature.",
    MADR's "This is an optional element. Feel free to remove.", a KEP's instructions. Each profile
    lists its template's sentences under `template_text`; without a profile nothing is checked.

    **Why it matters.** Guidance left in place means the section was not written for this
    document: either the author forgot it, or the section's real content is missing. The KEP and
    spec-kit templates say explicitly that their guidance must be removed.

    **Example**

    ```markdown
    ## Summary

    One paragraph explanation of the feature.
    ```

    **Use instead**

    ```markdown
    ## Summary

    Allow `async fn` in traits, so that libraries can define asynchronous interfaces.
    ```
    """

    id = "PH003"
    name = "template-guidance"
    category = Category.PLACEHOLDER
    default_level = Level.WARNING
    aliases = ("template-leftover",)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        guidance = [(text, _key(text)) for text in getattr(context.profile, "template_text", ())]
        if not guidance:
            return
        for section, block in document.iter_blocks():
            if isinstance(block, Paragraph):
                pieces = [(block.span, block.text)]
            elif isinstance(block, HtmlBlock):
                pieces = [(comment.span, comment.text) for comment in block.comments]
            else:
                continue  # list items are reached through their paragraphs
            for span, text in pieces:
                key = _key(text)
                for original, wanted in guidance:
                    if wanted in key:
                        yield Violation(_first_line(span, document), f"template guidance left in: '{_shorten(original)}': "
                                        "replace it with this document's content")
                        break


def _key(text: str) -> str:
    return " ".join(re.sub(r"[*_`]", "", text).split()).lower()


def _first_line(span: Span, document: Document) -> Span:
    line = span.start.line
    end = len(document.line_text(line).rstrip()) + 1
    return Span.of(line, span.start.column, line, max(end, span.start.column))


def _shorten(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
