"""ST004 duplicate-heading: two sections with the same title under the same parent."""

from __future__ import annotations

from typing import Iterator

from speclint.document.headings import _DECORATION, _NUMBERING
from speclint.document.model import Document, Section
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation


class DuplicateHeading(Rule):
    """Flags a heading that repeats the title of an earlier sibling section.

    **What it flags.** Two sections under the same parent whose titles are the same once case,
    numbering, "(Optional)"-style decorations and end punctuation are set aside ("## Risks" and
    "## 5. Risks:"). The same title under different parents ("### Examples" in two chapters) is
    fine, and so are titles that differ by a symbol or a letter ("C" and "C++").

    **Why it matters.** Two "Requirements" sections split what should be one list: readers find
    one and miss the other, links to `#requirements` land on the first, and the two drift apart.

    **Example**

    ```markdown
    ## Requirements
    - Cards are saved only with the buyer's consent.
    ## Rollout
    ## Requirements
    - Saved cards can be deleted from the account page.
    ```

    **Use instead**

    ```markdown
    ## Requirements
    - Cards are saved only with the buyer's consent.
    - Saved cards can be deleted from the account page.
    ## Rollout
    ```
    """

    id = "ST004"
    name = "duplicate-heading"
    category = Category.STRUCTURE
    default_level = Level.WARNING
    group = Group.PREVIEW  # measured precision below 90% (rules/precision.json)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        for parent in document.root.walk():
            yield from _duplicates(parent.children)


def _duplicate_key(title: str) -> str:
    """Case, numbering, decorations and end punctuation aside, the title as written.

    Stricter than `normalize_title` on purpose: "C" and "C++", "GenericArg" and "GenericArgs"
    are different sections, and a false "duplicate" is worse than a missed one.
    """
    text = _DECORATION.sub(" ", title.lower().strip())
    text = _NUMBERING.sub("", text, count=1)
    return " ".join(text.split()).rstrip(" .:;!")


def _duplicates(siblings: list[Section]) -> Iterator[Violation]:
    seen: dict[str, Section] = {}
    for section in siblings:
        key = _duplicate_key(section.title)
        if not key:
            continue
        first = seen.get(key)
        if first is None:
            seen[key] = section
            continue
        heading, first_heading = section.heading, first.heading
        assert heading is not None and first_heading is not None
        where = f"under '{section.parent.title}'" if section.parent is not None and section.parent.heading else "at the top level"
        yield Violation(
            heading.span,
            f"duplicate heading '{section.title}' {where} (first on line {first_heading.span.start.line}): "
            "merge the two sections or rename one",
        )
