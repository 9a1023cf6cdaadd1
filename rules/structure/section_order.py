"""ST007 section-order: expected sections in a different order than the document's template."""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterator

from speclint.document.model import Document, Section
from speclint.engine.profiles import ExpectedSection
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation


class SectionOrder(Rule):
    """Flags an expected section that stands out of the order the document's template gives.

    **What it flags.** Among the sections the profile requires (at the top level, and among the
    children of a nested expected section), one that comes later than a section the template puts
    after it: "Goals" after "Requirements" in a PRD, "Motivation" after "Detailed design" in an
    RFC. When several sections are out of place, the fewest moves are reported (the longest run in
    template order stays put). Sections the profile does not know are ignored, and so are optional
    ones unless `include-optional` is set: templates move their trailing sections over the years
    (early Rust RFCs put Drawbacks before the design), and that is not a defect.

    **Why it matters.** Reviewers read specs of one kind in the template's order: the problem
    before the solution, goals before requirements. A section in an unexpected place is read out
    of context, or not found at all.

    **Example**

    ```markdown
    # Saved cards
    ## Requirements
    ## Problem
    ## Goals
    ```

    **Use instead**

    ```markdown
    # Saved cards
    ## Problem
    ## Goals
    ## Requirements
    ```
    """

    id = "ST007"
    name = "section-order"
    category = Category.STRUCTURE
    default_level = Level.INFO
    group = Group.PREVIEW  # measured precision below 90% (rules/precision.json)
    options = (
        Option("include-optional", "bool", False,
               "Also check the order of optional sections (templates' trailing sections vary most)."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        profile = context.profile
        if profile is None or not profile.sections:
            return
        yield from _check_order(profile.name, profile.sections, _top_level(document), context.options["include-optional"])


def _top_level(document: Document) -> list[Section]:
    """The document's first level of sections: under the title heading when there is one."""
    children = document.root.children
    if len(children) == 1 and children[0].level == 1:
        return children[0].children
    return children


def _check_order(
    profile_name: str, expected_list: tuple[ExpectedSection, ...], scope: list[Section], include_optional: bool
) -> Iterator[Violation]:
    placed: list[tuple[int, int, Section]] = []  # (line, expected index, section)
    claimed: set[int] = set()
    for index, expected in enumerate(expected_list):
        if expected.pattern is not None:
            continue  # repeating sections have no single place
        for section in scope:  # siblings only: a subsection is not out of order with its parent's siblings
            if section.heading is None or id(section) in claimed or not expected.matches(section.title):
                continue
            claimed.add(id(section))
            if expected.required or include_optional:
                placed.append((section.span.start.line, index, section))
            if expected.children:
                yield from _check_order(profile_name, expected.children, section.children, include_optional)
            break
    placed.sort(key=lambda item: item[0])
    keep = _longest_increasing(placed)
    for position, (_, index, section) in enumerate(placed):
        if position in keep or section.heading is None:
            continue
        earlier = next((other for p, (_, other_index, other) in enumerate(placed)
                        if p in keep and p < position and other_index > index), None)
        if earlier is not None:
            message = (f"section '{section.title}' comes after '{earlier.title}', but the {profile_name} template "
                       "puts it before: move it up")
        else:
            later = next((other for p, (_, other_index, other) in enumerate(placed)
                          if p in keep and p > position and other_index < index), None)
            if later is None:
                continue
            message = (f"section '{section.title}' comes before '{later.title}', but the {profile_name} template "
                       "puts it after: move it down")
        yield Violation(section.heading.span, message)


def _longest_increasing(placed: list[tuple[int, int, Section]]) -> set[int]:
    """Positions (in `placed`) of a longest run whose expected indexes increase."""
    tails: list[int] = []  # smallest expected index ending a run of each length
    tail_positions: list[int] = []
    previous: list[int] = [-1] * len(placed)
    for position, (_, index, _) in enumerate(placed):
        length = bisect_left(tails, index)
        if length == len(tails):
            tails.append(index)
            tail_positions.append(position)
        else:
            tails[length] = index
            tail_positions[length] = position
        previous[position] = tail_positions[length - 1] if length > 0 else -1
    keep: set[int] = set()
    position = tail_positions[-1] if tail_positions else -1
    while position >= 0:
        keep.add(position)
        position = previous[position]
    return keep
