"""EC003 edge-cases-unanswered: an edge-case section that only asks questions."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document, Paragraph, Span, iter_nested
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.reading.edge_cases import edge_case_sections


class EdgeCasesUnanswered(Rule):
    """Flags an edge-case section whose every entry is a question.

    **What it flags.** An "Edge cases" (or "Corner cases", "Boundary conditions") section whose
    paragraphs and list items all end with a question mark: "What happens if the balance is
    exactly the price?", with no answer anywhere in the section. One answered question is enough
    for the section to pass.

    **Why it matters.** Listing the questions is the start of the work, not the spec: the
    engineer who meets the case mid-sprint still has to ask the product owner what should happen,
    which is what the section was for.

    **Example**

    ```markdown
    ## Edge cases

    - What happens if the balance is exactly the price?
    - What if the card expires during checkout?
    ```

    **Use instead**

    ```markdown
    ## Edge cases

    - The balance is exactly the price: the purchase goes through and the balance becomes 0.
    - The card expires during checkout: the payment is declined and the user is asked for another card.
    ```
    """

    id = "EC003"
    name = "edge-cases-unanswered"
    category = Category.EDGE_CASES
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        for section in edge_case_sections(document):
            texts = [
                block
                for part in section.walk()
                for block in iter_nested(part.blocks)
                if isinstance(block, Paragraph) and "".join(segment.text for segment in block.segments).strip()
            ]
            if len(texts) < 2 or not all(_is_question(paragraph) for paragraph in texts):
                continue
            heading = section.heading
            assert heading is not None  # edge-case sections are found by their heading
            yield Violation(
                Span(heading.span.start, heading.span.end),
                f"the {len(texts)} edge cases here are only questions: answer each one with what the system does",
            )


def _is_question(paragraph: Paragraph) -> bool:
    text = " ".join(segment.text for segment in paragraph.segments).strip().rstrip("*_ )")
    return text.endswith("?")
