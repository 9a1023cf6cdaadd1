"""AC005 ears-pattern: in an EARS document, a criterion that follows no EARS pattern or has more than one SHALL."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, ListItem
from speclint.document.text import find_all, mask_invisible
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.commitments import commitments
from speclint.reading import languages
from speclint.reading.requirements import EARS_KEYWORD, Criterion, is_ears_document
from speclint.rules.acceptance_criteria.ears_shall_missing import (
    OTHER_MODAL,
    SHALL_OR_SHALL_NOT,
    criteria_without_their_shall,
    introduces_obligations,
    not_a_criterion_to_rewrite,
)

_THEN = lazy_compile(r"\bTHEN\b|(?-i:\b(?:" + "|".join(languages.EARS_THEN) + r")\b)", re.I)


class EarsPattern(Rule):
    """Flags, in EARS requirements, a criterion that follows none of the EARS patterns.

    **What it flags.** In a document written with EARS (the Easy Approach to Requirements Syntax;
    Kiro's `requirements.md` and the `ears` profile), each acceptance criterion must be one of:

    - ubiquitous: `THE <system> SHALL <response>`
    - event-driven: `WHEN <trigger>, THE <system> SHALL <response>`
    - state-driven: `WHILE <state>, THE <system> SHALL <response>`
    - optional feature: `WHERE <feature is included>, THE <system> SHALL <response>`
    - unwanted behaviour: `IF <condition>, THEN THE <system> SHALL <response>`

    The rule flags a criterion (a list item under an acceptance-criteria heading) with no SHALL
    (often a MUST or a plain sentence) and an IF clause with no THEN. An item that only introduces
    a nested list whose items carry the SHALL ("The following fields:") is fine. More than one SHALL
    in a criterion is AC006's business. The rule runs on documents whose profile is `ears` (chosen
    with `--profile ears`, or detected: a "Requirements Document" title, EARS SHALL clauses).

    **Why it matters.** EARS makes every criterion one testable obligation with its trigger. A
    criterion without SHALL is a statement nobody is obliged to implement; an IF without THEN reads
    as a condition whose response is missing.

    **Example**

    ```markdown
    #### Acceptance Criteria
    1. IF the scan finds malware, THE service SHALL delete the file.
    2. Uploads are limited to 25 MB.
    ```

    **Use instead**

    ```markdown
    #### Acceptance Criteria
    1. IF the scan finds malware, THEN THE service SHALL delete the file.
    2. THE service SHALL reject uploads larger than 25 MB.
    ```
    """

    id = "AC005"
    name = "ears-pattern"
    category = Category.ACCEPTANCE_CRITERIA
    default_level = Level.WARNING
    # Measured below 90% precision on real documents (bench/verdicts): opt-in until it reaches it.
    group = Group.PREVIEW
    options = (Option("require-then", "bool", True, "Report unwanted-behaviour criteria (IF ...) without THEN."),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not is_ears_document(document, context):
            return
        seen: set[int] = set()
        dropped = {id(criterion) for criterion in criteria_without_their_shall(document, context)}
        for criterion in ears_criteria(document, context):
            if id(criterion) in seen:
                continue
            seen.add(id(criterion))
            visible = mask_invisible(criterion.text)
            shalls = list(find_all(SHALL_OR_SHALL_NOT, criterion.segments))
            if not shalls:
                if introduces_obligations(criterion) or not_a_criterion_to_rewrite(criterion, visible):
                    continue
                if id(criterion) in dropped:
                    continue  # AC007 reports a criterion that lost the SHALL its siblings have
                other = OTHER_MODAL.search(visible)
                hint = f" (it uses {other.group(0)})" if other else ""
                yield Violation(criterion.span, f"criterion has no SHALL{hint}: write it as an EARS requirement, "
                                                "e.g. 'WHEN <trigger>, THE <system> SHALL <response>'")
                continue
            keyword = EARS_KEYWORD.match(visible)
            leading = languages.EARS_KEYWORDS.get(keyword.group(1), keyword.group(1).upper()) if keyword else ""
            if context.options["require-then"] and leading == "IF" and not _THEN.search(visible):
                yield Violation(criterion.span, "IF criterion without THEN: write 'IF <condition>, THEN THE "
                                                "<system> SHALL <response>'")


def ears_criteria(document: Document, context: RuleContext) -> Iterator[Criterion]:
    """The list-item criteria of an EARS document (paragraphs between them are commentary)."""
    picture = commitments(document, context)
    seen: set[int] = set()
    for criterion in [c for r in picture.requirements for c in r.criteria] + picture.criteria:
        if id(criterion) in seen:
            continue
        seen.add(id(criterion))
        if criterion.form in ("item", "ears") and isinstance(criterion.block, ListItem):
            yield criterion
