"""ST001 empty-document: a Markdown file with nothing in it."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document, Span
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation


class EmptyDocument(Rule):
    """Flags a document that is empty or holds only whitespace.

    **What it flags.** A `.md` file with no content at all (front matter alone counts as content).

    **Why it matters.** An empty spec is usually a file created from a script or a rename gone
    wrong; reviewers and the people who link to it expect a document.

    **Example**

    An empty file `docs/specs/checkout.md`.

    **Use instead**

    Write the spec, or delete the file.
    """

    id = "ST001"
    name = "empty-document"
    category = Category.STRUCTURE
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not document.source.strip():
            yield Violation(Span.point(1, 1), "the document is empty")
