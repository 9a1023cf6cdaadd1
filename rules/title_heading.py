"""ST005 title-heading: more than one level-1 title heading, or none where the profile expects one."""

from __future__ import annotations

from typing import Iterator

from speclint.model import Document, Span
from speclint.rule import Category, Level, Rule, RuleContext, Violation


class TitleHeading(Rule):
    """Flags a document with more than one level-1 (title) heading, or without one where expected.

    **What it flags.** A second, third... `#` heading in a document whose profile has a title
    heading (PRDs, spec-kit specs, KEPs, ADRs); and, where the profile expects a title, a document
    with neither a `#` heading nor a `title` in its front matter. Profiles whose documents have no
    title heading (Rust RFCs: their title is the file name) are not checked.

    **Why it matters.** The title names the document in indexes, link previews and the outline;
    a second `#` heading splits the outline in two, and every section after it is nested one level
    too high.

    **Example**

    ```markdown
    # Saved payment methods
    ## Problem
    # Requirements
    ```

    **Use instead**

    ```markdown
    # Saved payment methods
    ## Problem
    ## Requirements
    ```
    """

    id = "ST005"
    name = "title-heading"
    category = Category.STRUCTURE
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        convention = getattr(context.profile, "title_heading", "optional")
        if convention == "none" or not document.source.strip():
            return
        titles = [section for section in document.sections() if section.level == 1]
        if titles:
            first = titles[0].heading
            assert first is not None
            for extra in titles[1:]:
                assert extra.heading is not None
                yield Violation(
                    extra.heading.span,
                    f"second title heading '{extra.title}' (the title is '{titles[0].title}' on line "
                    f"{first.span.start.line}): make it a '##' section",
                )
        elif convention == "expected" and not _front_matter_title(document):
            first_section = next(document.sections(), None)
            line = first_section.heading.span.start.line if first_section and first_section.heading else 1
            yield Violation(Span.point(line, 1), "the document has no title: start it with a '# Title' heading")


def _front_matter_title(document: Document) -> bool:
    data = document.front_matter.data if document.front_matter is not None else None
    return isinstance(data, dict) and isinstance(data.get("title"), str) and bool(data["title"].strip())
