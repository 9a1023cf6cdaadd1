"""ST002 missing-section: a section the document's profile expects is not there."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.authoring import repairs
from speclint.document.model import Document, Section, Span
from speclint.engine.profiles import ExpectedSection, match_sections
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile


class MissingSection(Rule):
    """Flags a section that documents of this kind are expected to have and this one lacks.

    **What it flags.** A required section of the document's profile (the `prd` profile expects a
    problem statement, goals, non-goals, requirements and success metrics; a KEP expects its test
    plan and graduation criteria...) with no heading under any of its names. Matching is forgiving:
    case, numbering ("3.1", "Step 2:"), emphasis, "(Optional)" and plurals don't matter, and each
    section has aliases ("Out of scope" is "Non-goals"). A section the profile nests (a KEP's
    "Goals" under "Motivation") is looked for under its parent first, then anywhere. The finding
    points where the section should have been: before the next expected section that is present.

    **Why it matters.** Each section of a template answers a question engineers will ask. A PRD
    without non-goals invites scope creep mid-sprint; one without success metrics cannot be
    declared done.

    **Example**

    ```markdown
    # Saved payment methods
    ## Problem
    ## Goals
    ## Requirements
    ## Success metrics
    ```

    **Use instead**

    ```markdown
    # Saved payment methods
    ## Problem
    ## Goals
    ## Non-goals
    - Storing bank accounts (cards only in this release).
    ## Requirements
    ## Success metrics
    ```
    """

    id = "ST002"
    name = "missing-section"
    category = Category.STRUCTURE
    default_level = Level.WARNING
    group = Group.PREVIEW  # measured precision below 90% (rules/precision.json)
    options = (
        Option("ignore", "list[str]", [], "Expected sections not to report, by name (any alias works)."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        profile = context.profile
        if profile is None or not profile.sections or not document.source.strip():
            return
        ignored = [ExpectedSection(name) for name in context.options["ignore"]]
        required = [expected for expected in profile.sections if expected.required and not _ignored(expected, ignored)]
        if len(required) >= 3 and not any(match_sections(expected, document.root.children) for expected in required):
            # Not one section of the kind is here: the document is probably of another kind. One
            # finding says so, instead of one per section.
            first = next(document.sections(), None)
            line = first.heading.span.start.line if first is not None and first.heading is not None else 1
            names = ", ".join(f"'{expected.name}'" for expected in required)
            yield Violation(Span.point(line, 1), f"none of the sections a {profile.name} document has ({names}) is "
                            "here: write them, or check this file with another profile (--profile)")
            return
        yield from _check_level(document, profile.sections, document.root, ignored)


# A section marked as dropped ("Requirement 12: ... - DESCOPED") needs none of its children.
_WITHDRAWN = lazy_compile(r"\b(?:descoped|de-scoped|removed|withdrawn|deprecated|superseded|obsolete|dropped)\b", re.I)


def _ignored(expected: ExpectedSection, ignored: list[ExpectedSection]) -> bool:
    return any(expected.matches(item.name) or item.matches(expected.name) for item in ignored)


def _check_level(
    document: Document,
    expected_list: tuple[ExpectedSection, ...],
    parent: Section,
    ignored: list[ExpectedSection],
    repeated_parent: bool = False,
) -> Iterator[Violation]:
    scope = parent.children
    found = [match_sections(expected, scope) for expected in expected_list]
    for index, (expected, matches) in enumerate(zip(expected_list, found)):
        if matches:
            targets = matches if expected.pattern is not None else matches[:1]
            for target in targets:
                if expected.children and not _WITHDRAWN.search(target.title):
                    yield from _check_level(document, expected.children, target, ignored, expected.pattern is not None)
            continue
        if not expected.required or _ignored(expected, ignored):
            continue
        if parent.heading is not None and not repeated_parent and match_sections(expected, document.root.children):
            continue  # present elsewhere in the document: nesting is not this rule's business
        # (A repeating section, like each "Requirement N", needs its own children.)
        yield _missing(document, expected, expected_list, found, index, parent)


def _missing(
    document: Document,
    expected: ExpectedSection,
    expected_list: tuple[ExpectedSection, ...],
    found: list[list[Section]],
    index: int,
    parent: Section,
) -> Violation:
    what = f"'{expected.name}'" if expected.pattern is None else f"a '{expected.name}' section"
    if expected.aliases:
        what += f" (or {', '.join(repr(alias) for alias in expected.aliases[:2])})"
    where = f"under '{parent.title}'" if parent.heading is not None else ""
    for later in found[index + 1 :]:
        if later:
            heading = later[0].heading
            assert heading is not None
            span = Span.point(heading.span.start.line, heading.span.start.column)
            fix = _skeleton_fix(document, expected, later[0].level, before=heading.span.start.line)
            return Violation(span, f"missing section {what}{' ' + where if where else ''}: add it before '{later[0].title}'",
                             fix=fix)
    for earlier in reversed(found[:index]):
        if earlier:
            section = earlier[-1]
            line = section.span.end.line
            return Violation(Span.point(line, 1), f"missing section {what}: add it after '{section.title}'",
                             fix=_skeleton_fix(document, expected, section.level, after=line))
    if parent.heading is not None:
        heading = parent.heading
        return Violation(Span.point(heading.span.start.line, heading.span.start.column),
                         f"missing section {what} {where}: add it as a subsection",
                         fix=_skeleton_fix(document, expected, parent.level + 1, after=parent.span.end.line))
    first = next(document.sections(), None)
    line = first.heading.span.start.line if first is not None and first.heading is not None else 1
    return Violation(Span.point(line, 1), f"missing section {what}: add it to the document")


def _skeleton_fix(
    document: Document, expected: ExpectedSection, level: int, before: int | None = None, after: int | None = None
) -> repairs.Fix | None:
    """Insert the section as a heading and its guidance comment where the profile puts it. A
    repeating section ("Requirement N") has no one name to insert."""
    if expected.pattern is not None or not 1 <= level <= 6:
        return None
    if before is not None:
        return repairs.insert_section_before(document, before, expected.name, level)
    assert after is not None
    return repairs.insert_section_after(document, after, expected.name, level)
