"""ST006 heading-increment: a heading more than one level deeper than the one before it."""

from __future__ import annotations

from typing import Iterator

from speclint.authoring.repairs import relevel_heading
from speclint.document.model import Document
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation


class HeadingIncrement(Rule):
    """Flags a heading that skips a level: a `####` right after a `##`.

    **What it flags.** A heading whose level is more than one deeper than the previous heading's.
    Going back up any number of levels is fine, and so is the first heading of the document.

    **Why it matters.** The outline (the table of contents GitHub shows, the sidebar of a docs
    site, a screen reader's heading list) shows a gap, and readers cannot tell which section the
    deeper heading belongs to. It usually means a heading was copied from another document.

    **Example**

    ```markdown
    ## Requirements
    #### Checkout page
    ```

    **Use instead**

    ```markdown
    ## Requirements
    ### Checkout page
    ```
    """

    id = "ST006"
    name = "heading-increment"
    category = Category.STRUCTURE
    default_level = Level.WARNING
    group = Group.PREVIEW  # measured precision below 90% (rules/precision.json)
    aliases = ("skipped-heading-level",)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        previous = None
        for section in document.sections():
            level = section.level
            if previous is not None and level > previous + 1:
                heading = section.heading
                assert heading is not None
                expected = "#" * (previous + 1)
                yield Violation(
                    heading.span,
                    f"heading level {level} after level {previous} skips a level: use '{expected}'",
                    fix=relevel_heading(document, section, previous + 1),
                )
            previous = level
