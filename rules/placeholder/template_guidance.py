"""PH003 template-guidance: the template's own guidance or example text, left word for word."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import (
    Block,
    BlockQuote,
    Document,
    HtmlBlock,
    ListBlock,
    Paragraph,
    Section,
    Span,
    ThematicBreak,
)
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading import kep


class TemplateGuidance(Rule):
    """Flags guidance and example text copied from the document's template and never replaced.

    **What it flags.** Text that contains, word for word (case, emphasis and line breaks aside), a
    sentence of the template the profile knows. Visible guidance (`template_text`: the Rust RFC
    template's "One paragraph explanation of the feature.", the OTEP template's questions) is
    looked for in headings, paragraphs and list items (the OTEP template's title is "Replace this
    with your awesome OTEP title"); guidance the template hides in HTML comments and asks
    to remove (`template_comments`: spec-kit's "ACTION REQUIRED: ..." and a KEP's instructions,
    MADR's "This is an optional element. Feel free to remove.") in comments. Quoting the template
    in a block quote is citing it, not leaving it in. Without a profile nothing is checked.

    A guidance comment is invisible: it is reported only in a section with nothing a reader sees
    (in a written section it harms nobody), and not at all under the Production Readiness
    questions an alpha or provisional KEP leaves for beta. A template question kept as the lead-in
    to its answer ("Why should we *not* do this?" followed by the reasons) is not reported.

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
        visible = [(text, _key(text)) for text in getattr(context.profile, "template_text", ())]
        hidden = [(text, _key(text)) for text in getattr(context.profile, "template_comments", ())]
        if not visible and not hidden:
            return
        early_kep: bool | None = None
        for section in document.root.walk():
            heading = section.heading
            filled = _has_visible_content(section)
            if heading is not None:
                found = _first_match(heading.text, visible)
                if found is not None and not (found.rstrip().endswith("?") and filled):
                    yield Violation(heading.span, f"template heading left in: '{_shorten(found)}': "
                                    "write this document's own title")
            for block in _outside_quotes(section.blocks):
                if isinstance(block, Paragraph):
                    found = _first_match(block.text, visible)
                    if found is not None and found.rstrip().endswith("?") and _has_visible_content(section, block):
                        continue  # the template's question, kept as the lead-in to its answer
                    if found is None and not filled:
                        # Comments written inline in a paragraph are hidden guidance too.
                        found = next((match for comment in _INLINE_COMMENT.findall(block.text)
                                      if (match := _first_match(comment, hidden)) is not None), None)
                    if found is not None:
                        yield _violation(block.span, found, document)
                elif isinstance(block, HtmlBlock) and not filled:
                    # A comment is invisible: left in a section that is written, it harms no reader.
                    if early_kep is None:
                        early_kep = kep.is_early(document)
                    if early_kep and kep.deferred_to_later_stage(section):
                        continue  # an alpha or provisional KEP answers the beta questions later
                    for comment in block.comments:
                        found = _first_match(comment.text, hidden)
                        if found is not None:
                            yield _violation(comment.span, found, document)


def _has_visible_content(section: Section, besides: Block | None = None) -> bool:
    """True when the section, or one of its subsections, has a block a reader sees (other than `besides`)."""
    if any(_has_visible_content(child) for child in section.children):
        return True
    for block in section.blocks:
        if block is besides or isinstance(block, ThematicBreak):
            continue
        if isinstance(block, HtmlBlock):
            if block.is_comment:
                continue
            return True
        if isinstance(block, Paragraph):
            if _INLINE_COMMENT.sub("", block.text).strip():
                return True
            continue
        return True
    return False


_INLINE_COMMENT = lazy_compile(r"<!--(.*?)(?:-->|$)", re.S)


def _outside_quotes(blocks: list[Block]) -> Iterator[Block]:
    """Blocks and the blocks nested in list items, but not what is quoted (quoting the template is citing it)."""
    for block in blocks:
        if isinstance(block, BlockQuote):
            continue
        yield block
        if isinstance(block, ListBlock):
            for item in block.items:
                yield from _outside_quotes(item.blocks)


def _first_match(text: str, guidance: list[tuple[str, str]]) -> str | None:
    if not guidance:
        return None
    key = _key(text)
    return next((original for original, wanted in guidance if wanted in key), None)


def _violation(span: Span, original: str, document: Document) -> Violation:
    return Violation(_first_line(span, document),
                     f"template guidance left in: '{_shorten(original)}': replace it with this document's content")


def _key(text: str) -> str:
    return " ".join(re.sub(r"[*_`]", "", text).split()).lower()


def _first_line(span: Span, document: Document) -> Span:
    line = span.start.line
    end = len(document.line_text(line).rstrip()) + 1
    return Span.of(line, span.start.column, line, max(end, span.start.column))


def _shorten(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
