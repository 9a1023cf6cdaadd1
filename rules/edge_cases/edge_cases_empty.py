"""EC002 edge-cases-empty: an edge-case section that is empty or still holds template text."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import CodeBlock, Document, HtmlBlock, ListBlock, Paragraph, Section, Table
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.edge_cases import edge_case_sections
from speclint.reading.requirements import item_text, plain

#: `[boundary condition]`, `[error scenario]`: a bracketed prompt. Links (`[text](url)`,
#: `[text][ref]`), task boxes (`[ ]`, `[x]`) and footnotes (`[^1]`) are not prompts.
_BRACKET_PROMPT = lazy_compile(r"(?<![\\!])\[(?![ xX]\]|\^)[^\[\]\n]{2,}\](?![(\[:])")
_ANGLE_PROMPT = lazy_compile(r"<(?:describe|add|list|insert|enter|your|what|e\.g\.)[^>\n]*>", re.I)


class EdgeCasesEmpty(Rule):
    """Flags an edge-case section that is empty or holds only template text.

    **What it flags.** A section named "Edge cases" (or "Corner cases", "Boundary conditions",
    "Limits"...) with no content, only HTML guidance comments, only a placeholder answer
    (`placeholders`, by default N/A, TBD, TODO, None, "-"), or only template prompts such as
    "What happens when [boundary condition]?" and `<describe the edge case>`. A section whose
    subsections hold content, or that holds a table or code block, is not empty.

    **Why it matters.** An edge-case heading signals to reviewers that edge cases were thought
    about. Left empty or as template text, it gives false comfort: the hard cases are still
    undecided, and now nobody looks for them.

    **Example**

    ```markdown
    ### Edge Cases

    - What happens when [boundary condition]?
    - How does system handle [error scenario]?
    ```

    **Use instead**

    ```markdown
    ### Edge Cases

    - An import file with 0 data rows shows "Nothing to import" and creates nothing.
    - A contact whose email already exists is merged, keeping the newer phone number.
    ```
    """

    id = "EC002"
    name = "edge-cases-empty"
    category = Category.EDGE_CASES
    default_level = Level.WARNING
    options = (
        Option("placeholders", "list[str]", ["N/A", "NA", "TBD", "TODO", "None", "-", "...", "TBC"],
               "Whole answers that do not count as content (case-insensitive)."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        placeholders = {value.strip().lower() for value in context.options["placeholders"]}
        for section in edge_case_sections(document):
            verdict = _emptiness(section, placeholders)
            if verdict is None or section.heading is None:
                continue
            yield Violation(section.heading.span, f"'{section.title}' {verdict}: list the real edge cases and what "
                                                  "happens in each")


def _emptiness(section: Section, placeholders: set[str]) -> str | None:
    """None when the section has real content; else how it is empty."""
    texts: list[str] = []
    for current in section.walk():
        for block in current.blocks:
            if isinstance(block, (Table, CodeBlock)):
                return None
            if isinstance(block, HtmlBlock):
                if block.is_comment:
                    continue
                return None
            if isinstance(block, Paragraph):
                texts.append(block.text)
            elif isinstance(block, ListBlock):
                texts.extend(_list_texts(block))
    if not texts:
        return "is empty"
    if all(_is_placeholder(text, placeholders) for text in texts):
        return "holds only template text"
    return None


def _list_texts(block: ListBlock) -> list[str]:
    texts: list[str] = []
    for item in block.items:
        texts.append(item_text(item))
        for sub in item.sublists:
            texts.extend(_list_texts(sub))
    return texts


def _is_placeholder(text: str, placeholders: set[str]) -> bool:
    stripped = plain(text).strip().strip(".").strip()
    if not stripped or stripped.lower() in placeholders:
        return True
    visible = mask_invisible(text)  # `[a-z]+` in a code span is a pattern, not a prompt
    if not (_BRACKET_PROMPT.search(visible) or _ANGLE_PROMPT.search(text)):
        return False
    # "[Describe edge cases]" is a prompt; "CHK012 Are multi-ecosystem projects covered? [Gap]"
    # is a real item that carries a tag.
    rest = _ANGLE_PROMPT.sub(" ", _BRACKET_PROMPT.sub(" ", visible))
    return len(plain(rest).split()) < 6

