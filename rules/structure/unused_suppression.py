"""ST100 unused-suppression: a speclint-disable comment that silenced nothing, or names no rule."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation


class UnusedSuppression(Rule):
    """Flags `speclint-disable` comments that suppress nothing, name an unknown rule, or are misspelt.

    **What it flags.** An inline suppression comment (`<!-- speclint-disable-next-line PH001 -->`,
    `speclint-disable`, `-disable-line`, `-disable-section`, `-disable-file`) that silenced no
    finding of the rule it names; a rule name in it that is not a known id, name or alias; a
    `speclint-enable` with no `speclint-disable` open; and a `speclint-...` comment that is not one of
    the directives. A suppression of a rule that did not run on the file (turned off, or not in the
    file's profile) is not judged. Like ruff's unused-noqa, this finding is made by the engine's
    suppression stage, after every other rule has run; this class carries its identity, level and
    documentation, so `rules: {unused-suppression: off}` turns it off.

    **Category.** `structure`: a suppression comment is part of the document's markup, not of what
    the spec says, and a stale one is clutter in the document's structure, like a leftover heading.

    **Why it matters.** Suppressions pile up: the TBD was resolved months ago but the comment
    stays, and later silences a new TBD nobody has judged. A misspelt rule name silences nothing
    while the author believes the finding is handled.

    **Example**

    ```markdown
    <!-- speclint-disable-next-line unresolved-marker -- agreed in review -->
    The client retries a failed upload 3 times.
    ```

    **Use instead**

    ```markdown
    The client retries a failed upload 3 times.
    ```
    """

    id = "ST100"
    name = "unused-suppression"
    category = Category.STRUCTURE
    default_level = Level.WARNING
    aliases = ("unused-disable",)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        # The suppression stage (speclint.filters.suppressions) reports these: only it knows which
        # findings each comment silenced. Nothing to do per document here.
        return iter(())
