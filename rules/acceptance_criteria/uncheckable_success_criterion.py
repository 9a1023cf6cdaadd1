"""AC008 uncheckable-success-criterion: a success criterion that passes on someone's say-so or on "correctly"."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Span
from speclint.document.text import find_all
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.reading.metrics import perceived_outcome
from speclint.reading.normative import has_quantity, is_descriptive, is_success_section, statements
from speclint.lazy_regex import lazy_compile


#: An outcome that passes on a judgement: "is acceptable to the deputy head", "to the satisfaction of the product owner",
#: "invoices are calculated correctly", "works as expected". The quality of an output ("error messages are clear") is
#: checked by reading it, and a feeling ("users are happy") is unmeasurable-success-criterion's (MS001).
_JUDGED = lazy_compile(
    r"\b(?:(?:is|are|be)\s+acceptable\s+to\s+(?:the\s+|our\s+|a\s+|an\s+)?[\w-]+|to\s+the\s+(?:full\s+)?satisfaction\s+of\b|"
    r"(?:works?|behaves?|functions?|performs?|runs?|operates?)\s+(?:well|fine|properly|correctly|as\s+(?:expected|intended))|"
    r"(?:is|are|be|been|gets?)\s+(?:[\w-]+\s+)?(?:correctly|properly|as\s+expected)(?!\s*[(:])"
    # "preserved correctly relative to the glob's base": what correct means is said
    r"(?!\s+(?:relative\s+to|according\s+to|as\s+(?:defined|described|specified)|per|against|matching|with\s+respect\s+to)\b))",
    re.I,
)


class UncheckableSuccessCriterion(Rule):
    """Flags a success criterion that nobody can check: it passes on one person's opinion or on "correctly".

    **What it flags.** An item of a *Success criteria* section (a design doc's, a PRD's, a
    pitch's), or a statement with a success-criterion ID (`SC-001`), whose outcome is a judgement
    a tester cannot turn into a pass or a fail: "the generated timetable is acceptable to the
    deputy head", "to the satisfaction of the product owner", "invoices are calculated correctly",
    "the migration works as expected". Not flagged: an item with a number, a feeling with no
    measure (unmeasurable-success-criterion, MS001, reports it), and background sections.

    **Why it matters.** A success criterion is what the team checks at the end. "Acceptable to
    the deputy head" is checked by asking one person, on the day, what they think; the engineers
    never learn what they were building towards.

    **Example**

    ```markdown
    ## Success criteria
    - The generated timetable is acceptable to the deputy head.
    ```

    **Use instead**

    ```markdown
    ## Success criteria
    - The generated timetable breaks no hard constraint and leaves no teacher more than 2 free periods a day.
    ```
    """

    id = "AC008"
    name = "uncheckable-success-criterion"
    category = Category.ACCEPTANCE_CRITERIA
    default_level = Level.WARNING
    group = Group.PREVIEW

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        for statement in statements(document):
            if statement.kind != "list-item" and not (statement.requirement_id or "").upper().startswith("SC-"):
                continue
            if is_descriptive(statement.section) or not is_success_section(statement.section):
                continue
            text = statement.text + "\n" + statement.nested_text
            if has_quantity(text) or perceived_outcome(text):
                continue
            for match, span in find_all(_JUDGED, statement.segments):
                phrase = " ".join(match.group(0).split())
                yield Violation(Span.of(span.start.line, span.start.column, span.end.line, span.end.column),
                                f"success criterion '{phrase}' cannot be checked: say what is measured or observed, "
                                "and the value that passes")
                break
