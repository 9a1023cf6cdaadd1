"""ST003 empty-section: a heading with nothing under it but whitespace, guidance comments or filler."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import BlockQuote, Document, HtmlBlock, ListBlock, Paragraph, Section, ThematicBreak
from speclint.document.text import strip_inline
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading import kep

DEFAULT_FILLER = ("TBD", "TBC", "TODO", "TKTK", "...", "…", "Coming soon", "To be written")
DEFAULT_NOT_APPLICABLE = ("N/A", "NA", "n.a.", "Not applicable", "None", "-", "--")


class EmptySection(Rule):
    """Flags a section with no content: nothing, only template guidance comments, or only N/A or TBD.

    **What it flags.** A heading followed directly by the next heading (of the same or a higher
    level), or by nothing but blank lines, HTML comments (the guidance a template leaves), thematic
    breaks, or a filler word such as `N/A` or `TBD` (the `filler` option). A section whose only
    content is a code block, a table, a list or a quote is not empty, and neither is a heading
    whose subsections have content. A heading with subsections and no text of its own is fine.
    "N/A", "None" or "Not applicable" answers a section, whichever section it is (the
    `not-applicable` option); an image or a diagram is content. A section whose heading says
    "(Optional)" may stay empty, and so may the Production Readiness questions the KEP template
    leaves for beta ("This section must be completed when targeting beta") in a KEP whose kep.yaml
    (or front matter) says it is alpha or provisional. Nothing is reported in a proposal whose status
    says it ended without being built as written (replaced, superseded, withdrawn, rejected): nobody
    fills it in any more.

    **Why it matters.** An empty section tells the reader the question was seen and not answered.
    Reviewers skim past headings; the gap surfaces when an engineer needs the answer.

    **Example**

    ```markdown
    ## Rollout
    <!-- Describe phases, flags and the rollback plan. -->

    ## Open questions
    ```

    **Use instead**

    ```markdown
    ## Rollout
    Behind the `saved_cards` flag: 5% of web traffic for a week, then everyone.

    ## Open questions
    None: all questions were settled in the design review on 3 March.
    ```
    """

    id = "ST003"
    name = "empty-section"
    category = Category.STRUCTURE
    default_level = Level.WARNING
    group = Group.PREVIEW  # measured precision below 90% (rules/precision.json)
    options = (
        Option("filler", "list[str]", list(DEFAULT_FILLER),
               "Texts that, alone in a section, leave it empty (compared without case, emphasis and end punctuation)."),
        Option("not-applicable", "list[str]", list(DEFAULT_NOT_APPLICABLE),
               "Texts that answer a section ('Open questions: None'): a section saying only one of these is "
               "not empty, in any section."),
        Option("comments-are-empty", "bool", True, "A section holding only HTML comments counts as empty."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        filler = {_filler_key(text) for text in context.options["filler"]}
        not_applicable = {_filler_key(text) for text in context.options["not-applicable"]}
        comments_are_empty = context.options["comments-are-empty"]
        empty_words = filler - not_applicable  # "N/A" and "None" answer a section, whichever it is
        early_kep: bool | None = None
        for section in document.sections():
            if section.children:
                continue  # its subsections are checked themselves
            if _OPTIONAL.search(section.title):
                continue  # "(Optional)": the template says it may stay empty
            state = _emptiness(section, empty_words, comments_are_empty)
            if state is None:
                continue
            if early_kep is None:
                if kep.is_dropped(document):
                    return  # a record of a proposal nobody builds
                early_kep = kep.is_early(document)
            if early_kep and kep.deferred_to_later_stage(section):
                continue  # an alpha or provisional KEP answers the "targeting beta" questions later
            heading = section.heading
            assert heading is not None
            yield Violation(heading.span, f"section '{section.title}' is empty{state}: write its content or remove it")


_OPTIONAL = lazy_compile(r"[(\[]\s*optional\s*[)\]]|\boptional\s*$", re.I)  # "(Optional)", "[optional]"


def _filler_key(text: str) -> str:
    return re.sub(r"[.!:;\s]+$", "", strip_inline(text).strip()).lower()


def _emptiness(section: Section, filler: set[str], comments_are_empty: bool) -> str | None:
    """None when the section has content, else a short note on what it holds ('' when nothing)."""
    saw_comment = False
    filler_text = ""
    for block in section.blocks:
        if isinstance(block, ThematicBreak):
            continue
        if isinstance(block, HtmlBlock):
            if block.is_comment and comments_are_empty:
                saw_comment = True
                continue
            return None
        if isinstance(block, Paragraph):
            text = _without_comments(block.text)
            if not text.strip():
                saw_comment = saw_comment or "<!--" in block.text
                continue
            if _filler_key(text) in filler:
                filler_text = text.strip()
                continue
            return None
        if isinstance(block, ListBlock) and len(block.items) == 1:
            item = block.items[0]
            if len(item.blocks) <= 1 and _filler_key(item.text) in filler:
                filler_text = item.text.strip()
                continue
            return None
        if isinstance(block, BlockQuote) or block is not None:
            return None
    if filler_text:
        return f" (it only says '{filler_text}')"
    if saw_comment:
        return " (it holds only a guidance comment)"
    return ""


def _without_comments(text: str) -> str:
    return re.sub(r"<!--.*?(?:-->|$)", "", text, flags=re.S)
