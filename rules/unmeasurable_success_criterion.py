"""MS001 unmeasurable-success-criterion: a success criterion or metric with no number or time frame."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.model import Document, Span
from speclint.normative import (
    has_quantity,
    is_descriptive,
    is_success_section,
    prefix_of,
    statements,
    table_rows,
)
from speclint.rule import Category, Level, Option, Rule, RuleContext, Violation

# "All imports complete", "no user sees a stack trace", "every endpoint is documented": a universal
# claim is a pass/fail threshold a test can check.
_UNIVERSAL = re.compile(r"\b(?:all|every|each|none|no|zero|never)\b", re.I)
_PLACEHOLDER_ONLY = re.compile(r"^\W*\[[^\]]*\]\W*$")
_LABEL_ONLY = re.compile(r"^\W*[\w ./&-]{1,40}:\W*$")


class UnmeasurableSuccessCriterion(Rule):
    """Flags success criteria and success metrics that state no number, threshold or time frame.

    **What it flags.** A success criterion (`SC-###` anywhere, or an item of a *Success criteria*,
    *Success metrics*, *Measurable outcomes*, *KPIs* or *Metrics* section, list item or table row)
    that has no number, percentage, count or time frame ("within 30 days", "per week", "by Q3")
    and makes no universal, pass/fail claim ("all", "every", "no", "zero"). Sub-items count: a
    label such as "Adoption:" whose nested items give the target is measured.

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

    **Options.** `id-prefixes`: the ID prefixes of success criteria (default `SC`).
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
            if _measurable(statement.text, text) or _LABEL_ONLY.match(statement.text) and statement.nested_text:
                continue
            yield Violation(_first_line(statement.span, statement.segments[0]), _MESSAGE)
        for row in table_rows(document):
            if not is_success_section(row.section) or is_descriptive(row.section):
                continue
            if _measurable(row.text, row.text):
                continue
            yield Violation(row.cells[0].span, _MESSAGE)


_MESSAGE = "success criterion states no number, threshold or time frame: say how success is measured and by when"


def _measurable(own_text: str, text: str) -> bool:
    if _PLACEHOLDER_ONLY.match(own_text) or not own_text.strip():
        return True  # template text: the placeholder rules report it
    return has_quantity(text) or bool(_UNIVERSAL.search(text))


def _first_line(span: Span, first_segment) -> Span:
    """Point at the statement's first line only: a multi-line item reads better that way."""
    return Span.of(span.start.line, span.start.column, span.start.line, first_segment.column + len(first_segment.text))
