"""Rules defined for the reporter tests only, so that golden outputs do not change when the
built-in rules' messages or documentation change. Each one exercises a kind of span a reporter
must render: a word on one line, a span over several lines, an empty span (a point)."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Span
from speclint.document.text import find_all, iter_prose
from speclint.engine.check import ActiveRule
from speclint.engine.registry import RuleRegistry
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.fixes import Fix, TextEdit


class VagueTime(Rule):
    """Flags "soon", "later" and "shortly" as a time frame.

    **What it flags.** Words that promise a date without giving one.

    **Why it matters.** Engineers plan sprints with dates; "soon" plans nothing.

    **Example**

    ```markdown
    We ship to everyone soon.
    ```

    **Use instead**

    ```markdown
    We ship to everyone in the week of 2026-03-02.
    ```
    """

    id = "TS001"
    name = "vague-time"
    category = Category.WORDING
    default_level = Level.WARNING
    aliases = ("soon",)
    options = (Option("words", "list[str]", ["soon", "later", "shortly"], "Words that are not a time frame."),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, context.options["words"])) + r")\b", re.I)
        for prose in iter_prose(document):
            for match, span in find_all(pattern, prose.segments):
                yield Violation(span, f"vague time '{match.group(0)}': give a date, e.g. 2026-03-02, or a time frame")


class MissingOwner(Rule):
    """Flags a document whose front matter names no owner.

    **What it flags.** Front matter without an `owner` key, or no front matter at all.

    **Why it matters.** A spec without an owner has nobody to answer questions.

    **Example**

    ```markdown
    ---
    title: Checkout
    ---
    ```

    **Use instead**

    ```markdown
    ---
    title: Checkout
    owner: maria.lopez
    ---
    ```
    """

    id = "TS002"
    name = "missing-owner"
    category = Category.METADATA
    default_level = Level.INFO

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        front_matter = document.front_matter
        if front_matter is None:
            # A fix, so that the golden outputs show how each format marks a fixable finding.
            fix = Fix("Add front matter with an owner", (TextEdit(Span.point(1, 1), "---\nowner: TBD\n---\n"),))
            yield Violation(Span.point(1, 1), "no front matter: add one with an 'owner' key", fix=fix)
        elif not (isinstance(front_matter.data, dict) and front_matter.data.get("owner")):
            yield Violation(front_matter.span, "front matter has no 'owner': name the person who answers questions")


class Unresolved(Rule):
    """Flags TBD in visible text.

    **What it flags.** The word TBD.

    **Why it matters.** Undecided points stop engineers mid-sprint.

    **Example**

    ```markdown
    Backoff: TBD.
    ```

    **Use instead**

    ```markdown
    Backoff: 1 s, then 2 s, then 4 s.
    ```
    """

    id = "TS003"
    name = "test-unresolved"
    category = Category.PLACEHOLDER
    default_level = Level.ERROR

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        for prose in iter_prose(document):
            for _, span in find_all(re.compile(r"\bTBD\b"), prose.segments):
                yield Violation(span, "unresolved 'TBD': decide, or list it as an open question")


class Crashing(Rule):
    """Raises on every document (to test how failures are reported).

    **What it flags.** Nothing: it crashes.
    """

    id = "TS999"
    name = "crashing-rule"
    category = Category.STRUCTURE
    default_level = Level.ERROR

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        raise RuntimeError("boom")
        yield  # a generator, like every rule


REPORTING_RULES = (VagueTime, MissingOwner, Unresolved)


def registry_of(*rules: type[Rule]) -> RuleRegistry:
    registry = RuleRegistry()
    for rule in rules:
        registry.add(rule, "tests")
    assert not registry.load_errors, registry.load_errors
    return registry


def active(*rules: type[Rule]) -> list[ActiveRule]:
    return [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in rules]
