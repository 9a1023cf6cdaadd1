"""A rule may report one finding one level below the level it is configured at (the document says
the thing is not due yet); every other finding takes the configured level."""

from __future__ import annotations

from typing import Iterator

import pytest
from conftest import parse_md

from speclint.document.model import Document, Span
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation


class NotDueYet(Rule):
    """Flags every line: the first at the configured level, the second one level lower."""

    id = "ZZ901"
    name = "not-due-yet"
    category = Category.PLACEHOLDER

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        yield Violation(Span.point(1, 1), "due now")
        yield Violation(Span.point(2, 1), "due later", one_level_lower=True)


@pytest.mark.parametrize(("configured", "lowered"), [
    (Level.ERROR, Level.WARNING),
    (Level.WARNING, Level.INFO),
    (Level.INFO, Level.INFO),
])
def test_a_finding_marked_one_level_lower_is_reported_below_the_configured_level(configured: Level,
                                                                                 lowered: Level) -> None:
    result = run_rules(parse_md("first\nsecond\n"), [ActiveRule(NotDueYet, configured)])

    assert [(finding.message, finding.level) for finding in result.findings] == [
        ("due now", configured), ("due later", lowered)]
