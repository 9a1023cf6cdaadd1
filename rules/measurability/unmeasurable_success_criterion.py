"""MS001 unmeasurable-success-criterion: a success criterion or metric with no number or time frame."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Span
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.reading.normative import (
    has_quantity,
    is_descriptive,
    is_metrics_section,
    is_success_section,
    mask_non_prose,
    prefix_of,
    statements,
    table_rows,
)

# What makes a criterion a matter of opinion or a direction without a target.
_SUBJECTIVE = re.compile(
    r"(?<![\w-])(?:clear(?:ly)?|easy|easily|intuitive(?:ly)?|understands?|understood|feels?|love|loves|happy|"
    r"satisf(?:y|ied|action)|delight(?:ed)?|enough|actionable|graceful(?:ly)?|seamless(?:ly)?|smooth(?:ly)?|"
    r"confident(?:ly)?|comfortable|simple|quick(?:ly)?|fast|faster|responsive|good|great|better|improved?|"
    r"friendly|helpful|meaningful|significant(?:ly)?|effective(?:ly)?|efficient(?:ly)?|"
    r"increase[sd]?|reduce[sd]?|decrease[sd]?|grow(?:s|n)?|boost(?:s|ed)?|lower|higher|more|less|fewer)(?![\w-])",
    re.I,
)
_PLACEHOLDER_ONLY = re.compile(r"^\W*\[[^\[\]]*\]\W*$")
_LABEL_ONLY = re.compile(r"^\W*[\w ./&-]{1,40}:\W*$")


class UnmeasurableSuccessCriterion(Rule):
    """Flags success criteria and success metrics that state no number, threshold or time frame.

    **What it flags.** A success metric (an item or table row of a *Success metrics*, *Metrics*,
    *KPIs* or *Key results* section) with no number, percentage, count or time frame ("within
    30 days", "per week", "by Q3"); and a success criterion (`SC-###` anywhere, or an item of a
    *Success criteria* or *Measurable outcomes* section) that has no number and is a matter of
    opinion ("error messages are clear", "users find it easy") or a direction without a target
    ("reduce support tickets"). A criterion that is a pass/fail check ("CI fails the build when
    a test fails") is measurable as written. Sub-items count: a label such as "Adoption:" whose
    nested items give the target is measured. Requirement IDs are not numbers.

    **Why it matters.** Success criteria are how the team decides, after launch, whether the
    work paid off, and how engineers decide what to instrument before it. "Users love the new
    onboarding" cannot be measured, so nobody adds the event that would tell.

    **Example**

    ```markdown
    ## Success criteria
    - SC-001: Onboarding feels faster for new users.
    ```

    **Use instead**

    ```markdown
    ## Success criteria
    - SC-001: Median time from sign-up to first project drops from 9 to under 4 minutes
      within 30 days of launch.
    ```
    """

    id = "MS001"
    name = "unmeasurable-success-criterion"
    category = Category.MEASURABILITY
    default_level = Level.WARNING
    options = (Option("id-prefixes", "list[str]", ["SC"], "Requirement-ID prefixes that mark success criteria."),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        prefixes = set(context.options["id-prefixes"])
        for statement in statements(document):
            if statement.kind == "table-cell" or is_descriptive(statement.section):
                continue
            has_id = statement.requirement_id is not None and prefix_of(statement.requirement_id) in prefixes
            in_section = is_success_section(statement.section) and statement.kind == "list-item"
            if not (has_id or in_section):
                continue
            text = statement.text + "\n" + statement.nested_text
            if _LABEL_ONLY.match(statement.text) and statement.nested_text:
                continue
            if _measurable(statement.text, text, strict=is_metrics_section(statement.section) and not has_id):
                continue
            yield Violation(_first_line(statement.span, statement.segments[0]), _MESSAGE)
        for row in table_rows(document):
            if not is_success_section(row.section) or is_descriptive(row.section):
                continue
            if _measurable(row.text, row.text, strict=is_metrics_section(row.section)):
                continue
            yield Violation(row.cells[0].span, _MESSAGE)


_MESSAGE = "success criterion states no number, threshold or time frame: say how success is measured and by when"


def _measurable(own_text: str, text: str, strict: bool) -> bool:
    """A metric needs a number or time frame. A criterion may instead be a pass/fail check
    ("every import completes", "verified by ...") as long as it is not a matter of opinion
    ("error messages are clear") or a direction without a target ("reduce churn")."""
    if _PLACEHOLDER_ONLY.match(own_text) or not own_text.strip():
        return True  # template text: the placeholder rules report it
    if has_quantity(text):
        return True
    if strict:
        return False
    return not _SUBJECTIVE.search(mask_non_prose(text))


def _first_line(span: Span, first_segment) -> Span:
    """Point at the statement's first line only: a multi-line item reads better that way."""
    return Span.of(span.start.line, span.start.column, span.start.line, first_segment.column + len(first_segment.text))
