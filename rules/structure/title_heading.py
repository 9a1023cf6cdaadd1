"""ST005 title-heading: more than one level-1 title heading, or none where the profile expects one."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document, Span
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation


class TitleHeading(Rule):
    """Flags a document with more than one level-1 (title) heading, or without one where expected.

    **What it flags.** A second, third... `#` heading in a document whose profile has a title
    heading (PRDs, spec-kit specs, KEPs, ADRs); and, where the profile expects a title, a document
    with no `#` heading and no front matter (where a `title` key can name it). Profiles whose documents have no
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
    group = Group.PREVIEW  # measured precision below 90% (rules/precision.json)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        convention = getattr(context.profile, "title_heading", "optional")
        if convention == "none" or not document.source.strip():
            return
        titles = [section for section in document.sections() if section.level == 1]
        if len(titles) > 1:
            # One finding per document: when every section is a '#' heading, one fix (demote them) covers all.
            first, extra = titles[0].heading, titles[1].heading
            assert first is not None and extra is not None
            more = len(titles) - 2
            also = f" ({more} more level-1 heading{'s' * (more != 1)} follow)" if more else ""
            yield Violation(
                extra.span,
                f"second title heading '{titles[1].title}'{also}: the title is '{titles[0].title}' on line "
                f"{first.span.start.line}; make the others '##' sections",
            )
        elif not titles and convention == "expected" and document.front_matter is None:
            # With front matter, the title belongs there (metadata rules check it); agent prompt
            # files and site pages start with a '##' section under a front-matter title.
            first_section = next(document.sections(), None)
            heading = first_section.heading if first_section is not None else None
            if heading is not None and not _text_before(document, heading.span.start.line):
                yield Violation(heading.span, f"the title '{heading.text}' is a level-{heading.level} heading: "
                                "make it '# " + heading.text + "'")
            else:
                line = heading.span.start.line if heading is not None else 1
                yield Violation(Span.point(line, 1), "the document has no title: start it with a '# Title' heading")


def _text_before(document: Document, line: int) -> bool:
    """True when the body has non-blank text before `line` (besides front matter)."""
    start = document.front_matter.span.end.line + 1 if document.front_matter is not None else 1
    return any(document.line_text(number).strip() for number in range(start, line))
