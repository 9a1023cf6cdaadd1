"""MD008 missing-title: front matter with no title, and no title heading either."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document, Span
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation

#: Keys a front matter names its document by.
_TITLE_KEYS = ("title", "name", "feature", "feature-name", "feature_name", "summary")


class MissingTitle(Rule):
    """Flags a document whose front matter has no title and whose body has no `#` title heading.

    **What it flags.** In a kind of document that has a title (PRDs, design docs, specs, ADRs,
    KEPs: the profile's `title_heading` is `expected`), front matter with no `title` (nor `name`,
    `feature`) key, or with an empty one, when the body has no level-1 heading either. The finding
    sits on the front matter's closing `---`, where the `title:` line goes. A document with no
    front matter is `title-heading`'s (ST005).

    **Why it matters.** Indexes, status boards and link previews name a document by its title;
    without one, tools fall back to the file name, and the reader of the rendered page meets
    a first section with nothing saying what the document is about.

    **Example**

    ```markdown
    ---
    status: draft
    owner: Nadia Rahman
    ---

    ## Problem
    ```

    **Use instead**

    ```markdown
    ---
    title: Order history in the support sidebar
    status: draft
    owner: Nadia Rahman
    ---

    ## Problem
    ```
    """

    id = "MD008"
    name = "missing-title"
    category = Category.METADATA
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        front_matter = document.front_matter
        if front_matter is None or front_matter.error is not None or not isinstance(front_matter.data, dict):
            return
        if getattr(context.profile, "title_heading", "optional") != "expected":
            return
        if any(str(front_matter.data.get(key) or "").strip() for key in _TITLE_KEYS):
            return
        if any(section.level == 1 for section in document.sections()):
            return
        line = front_matter.span.end.line
        yield Violation(Span.of(line, 1, line, 1 + len(document.line_text(line).rstrip())),
                        "the document has no title: add a 'title:' to the front matter, or a '# Title' heading")
