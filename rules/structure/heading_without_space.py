"""ST009 heading-without-space: a line written as a heading with no space after its `#`s."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document, Paragraph, Span
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile

# `##Rollout`, `###2. Scope`, `####**Examples**`: two to six `#`s, then a letter, a section number
# (`2.`, `3.1`) or emphasis around a letter. `#123` (an issue), `##` alone and `#[attr]` are not.
_SEVERAL = lazy_compile(r"(#{2,6})(?=[*_]{0,2}[^\W\d_]|\d{1,3}(?:\.\d{1,3})*[.)]?[ \t]+[^\W\d_])[^#\s]")
# One `#` only when the paragraph is that one line and reads as a title: a capital, then words.
# `#hashtag`, `#forum-channel`, `#include <x>` and `#123` start with a small letter or a digit.
_SINGLE = lazy_compile(r"#(?=[^\W\d_a-z])[^\W\d_][\w'’-]*(?:[ \t]+\S+){0,11}[ \t]*#*[ \t]*$")
_LOWERCASE = lazy_compile(r"[a-z]")


class HeadingWithoutSpace(Rule):
    """Flags a line written as a heading whose `#`s are not followed by a space, so it renders as text.

    **What it flags.** A paragraph line that starts with two to six `#`s and a word or section number
    (`##Rollout`, `###3.2 Limits`), or a line on its own that starts with one `#` and a capitalised
    title (`#Overview`). CommonMark and GitHub need a space (or the end of the line) after the `#`s:
    without it the line is an ordinary paragraph. Code, front matter and comments are not read, and
    `#hashtags`, issue numbers (`#123`), channels (`#forum-ops`) and `#include` lines are left alone.

    **Why it matters.** The section disappears from the outline and the table of contents, its
    links (`#rollout`) point nowhere, and its text merges into the section above, where a reviewer
    (and every other check) reads it as part of that section.

    **Example**

    ```markdown
    ##Rabbit holes

    - Items in two places.
    ```

    **Use instead**

    ```markdown
    ## Rabbit holes

    - Items in two places.
    ```
    """

    id = "ST009"
    name = "heading-without-space"
    aliases = ("no-missing-space-atx",)
    category = Category.STRUCTURE
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        for _, block in document.iter_blocks():
            if not isinstance(block, Paragraph):
                continue
            segments = block.segments
            for segment in segments:
                text = segment.text
                if not text.startswith("#"):
                    continue
                match = _SEVERAL.match(text)
                if match is None and len(segments) == 1:
                    match = _SINGLE.match(text)
                    if match is not None and not _LOWERCASE.search(text):
                        match = None  # `#ALERT`, `#NOTE`: a shout or a label, not a title
                if match is None:
                    continue
                hashes = len(text) - len(text.lstrip("#"))
                column = segment.column
                title = text[hashes:].strip().rstrip("#").strip()
                yield Violation(
                    Span.of(segment.line, column, segment.line, column + hashes),
                    f"'{_shorten(text.strip())}' renders as a paragraph, not a heading: put a space after "
                    f"'{'#' * hashes}' so that '{_shorten(title, 40)}' is a section",
                )


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
