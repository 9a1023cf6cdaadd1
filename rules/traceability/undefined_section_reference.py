"""TR006 undefined-section-reference: "see §5.3" when the document has no section 5.3."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.reading.references import dangling_references


class UndefinedSectionReference(Rule):
    """Flags a reference to a section number that no numbered heading of the document has.

    **What it flags.** `§5.3`, `section 5.3` or `Sections 4.1 and 4.9` when the document numbers
    its headings (three numbered headings at least, `## 5. Rollout`, `### 5.2 Canary`) and none
    of them, at that depth, has the number. A section of another document ("RFC 9110 §5.3",
    "section 4 of the OAuth spec", "[the guide](...) §2", "Backend Ingest API v4, section 5", a
    statute's "§ 8 GwG" or "§ 14 Abs. 2 HGB") is left alone, and so is a number
    deeper than any the document uses. A reference that names this document ("§5.3 of this
    document", "section 4 in this spec", "section 2 below") is read whatever the document numbers:
    in a document that numbers no heading at all, it points at nothing.

    **Why it matters.** Sections are renumbered as a document grows; a cross-reference left
    behind sends the reader to a section that is not there, or to the wrong one.

    **Example**

    ```markdown
    ## 4. Rollout

    Canary first, as described in §4.3.

    ### 4.1 Canary
    ### 4.2 Rollback
    ```

    **Use instead**

    ```markdown
    ## 4. Rollout

    Canary first, as described in §4.1.

    ### 4.1 Canary
    ### 4.2 Rollback
    ```
    """

    id = "TR006"
    name = "undefined-section-reference"
    category = Category.TRACEABILITY
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        _, _, sections = dangling_references(document)
        for reference in sections:
            yield Violation(
                reference.span,
                f"{reference.shown} is referenced but the document has no section numbered so: "
                "fix the number or the heading",
            )
