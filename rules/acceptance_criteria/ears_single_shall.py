"""AC006 ears-single-shall: an EARS criterion that holds more than one SHALL."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.rules.acceptance_criteria.ears_pattern import ears_criteria

from speclint.document.model import Document
from speclint.document.text import find_all
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.requirements import is_ears_document

_SHALL_NOT = lazy_compile(r"\bSHALL(?:\s+NOT)?\b", re.I)


class EarsSingleShall(Rule):
    """Flags an EARS acceptance criterion that holds more than one SHALL.

    **What it flags.** In an EARS document (profile `ears`), a criterion list item with two or more SHALLs (`SHALL NOT` counts as one). The finding
    points at the second SHALL. Explanations that stand in separate paragraphs between criteria are
    not read.

    **Why it matters.** Each SHALL is one obligation and needs its own test. Two obligations in one
    numbered criterion are reviewed as one, traced as one, and are half-done in practice when one
    of them slips. The default level is `info`: compound criteria are common in real EARS
    documents, and splitting them is a clean-up rather than a defect.

    **Example**

    ```markdown
    1. WHEN a user uploads a file, THE service SHALL scan it and SHALL store it in S3.
    ```

    **Use instead**

    ```markdown
    1. WHEN a user uploads a file, THE service SHALL scan it for malware.
    2. WHEN a scanned file is clean, THE service SHALL store it in S3.
    ```
    """

    id = "AC006"
    name = "ears-single-shall"
    category = Category.ACCEPTANCE_CRITERIA
    default_level = Level.INFO
    # Measured below 90% precision on real documents (bench/verdicts): opt-in until it reaches it.
    group = Group.PREVIEW

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not is_ears_document(document, context):
            return
        for criterion in ears_criteria(document, context):
            shalls = list(find_all(_SHALL_NOT, criterion.segments))
            if len(shalls) > 1:
                _match, span = shalls[1]
                yield Violation(span, f"criterion holds {len(shalls)} SHALLs: split it into one criterion per SHALL "
                                      "so each can be tested on its own")
