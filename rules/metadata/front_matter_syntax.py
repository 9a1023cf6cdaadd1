"""MD001 front-matter-syntax: front matter that is not valid YAML."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document, Span
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation


class FrontMatterSyntax(Rule):
    """Flags front matter (the `---` block at the top) that is not valid YAML.

    **What it flags.** YAML that does not load: a missing colon, bad indentation, an unclosed
    quote, a duplicate key. The finding points at the line and column where the YAML parser gave
    up.

    **Why it matters.** Tools that index specs (status boards, owners, review dates) read the front
    matter; when it is broken, the document silently disappears from them, and every metadata
    check is skipped.

    **Example**

    ```markdown
    ---
    title: Checkout redesign
    status draft
    ---
    ```

    **Use instead**

    ```markdown
    ---
    title: Checkout redesign
    status: draft
    ---
    ```
    """

    id = "MD001"
    name = "front-matter-syntax"
    category = Category.METADATA
    default_level = Level.ERROR

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        front_matter = document.front_matter
        if front_matter is None or front_matter.error is None:
            return
        position = front_matter.error.position
        line_length = len(document.line_text(position.line).rstrip())
        end_column = max(line_length + 1, position.column)
        yield Violation(Span.of(position.line, position.column, position.line, end_column), front_matter.error.message)
