"""TR004 undefined-link-reference: `[text][label]` where no `[label]: url` is defined."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import CodeBlock, Document, Span
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile

# A definition may stand in a list item or a quote, and its URL on the next line.
_DEFINITION = lazy_compile(r"[ \t>]*\[(?P<label>(?:[^\]\\\n]|\\.){1,999})\]:")
# [text][label] and [text][] (collapsed); not ![image][x] handled alike, since it fails alike.
# The text holds no unescaped `[`: one scan per bracket, not one to the end of the line per `[`.
_FULL_REFERENCE = lazy_compile(r"(?<![\]\\])\[(?P<text>(?:[^\[\]\\\n]|\\.){1,999})\]\[(?P<label>(?:[^\]\\\n]|\\.){0,999})\]")
# One attempt per backtick run, as in speclint.document.text (`(`+)...\1` was cubic on a run of backticks).
_CODE_SPAN = lazy_compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
# A comment left open runs to the end of the line (one scan, not one per `<!--`).
_HTML_COMMENT = lazy_compile(r"<!--.*?(?:-->|$)")


class UndefinedLinkReference(Rule):
    """Flags a reference link `[text][label]` whose label no link reference definition names.

    **What it flags.** `[text][label]` and `[label][]` when the document has no `[label]: url`
    line (labels match ignoring case and runs of spaces, as GitHub matches them; definitions may
    stand inside list items and quotes). A pair of numbers (`[1][2]`, written as citations) and
    text in code are not read.

    **Why it matters.** GitHub renders an undefined reference as the literal text `[text][label]`:
    the reader sees brackets where a link was promised, and the document it pointed to (the
    design it depends on, the section with the details) is lost. Common causes are a definition
    deleted with an old paragraph, and `[text][#anchor]` or `[text][https://...]` written where
    `(...)` was meant.

    **Example**

    ```markdown
    See the [maturity levels][maturity-levels] for what each stage requires.
    ```

    **Use instead**

    ```markdown
    See the [maturity levels][maturity-levels] for what each stage requires.

    [maturity-levels]: https://example.com/maturity-levels
    ```
    """

    id = "TR004"
    name = "undefined-link-reference"
    category = Category.TRACEABILITY
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if "][" not in document.source:
            return
        code_lines = _code_lines(document)
        defined: set[str] = set()
        candidates: list[tuple[str, str, int, int, int]] = []
        for number, line in enumerate(document.lines, start=1):
            if number in code_lines or "[" not in line:
                continue
            definition = _DEFINITION.match(line)
            if definition:
                defined.add(_normalized(definition.group("label")))
                continue
            if "][" not in line:
                continue
            visible = _blank(_CODE_SPAN, line) if "`" in line else line
            if "<!--" in visible:
                visible = _blank(_HTML_COMMENT, visible)
            for match in _FULL_REFERENCE.finditer(visible):
                # The brackets are found in the visible text, the label is read from the source:
                # "[`impl Trait`][]" is labelled with its code span.
                text, label = (line[match.start(name) : match.end(name)] for name in ("text", "label"))
                shown = line[match.start() : match.end()]
                if not (text.strip().isdigit() and label.strip().isdigit()):  # "[1][2]": citations
                    candidates.append((label or text, shown, number, match.start() + 1, match.end() + 1))
        for label, shown, line_number, start, end in candidates:
            key = _normalized(label)
            if not key or key in defined:
                continue
            hint = _hint(label)
            yield Violation(
                Span.of(line_number, start, line_number, end),
                f"'{_shorten(shown)}' refers to no link definition: GitHub shows it as plain text; {hint}",
            )


def _hint(label: str) -> str:
    if label.startswith("#"):
        return f"write [text]({label}) to link to a heading"
    if "://" in label:
        return "write [text](url) to link to a URL"
    return f"add a line '[{label}]: <url>' or fix the label"


def _normalized(label: str) -> str:
    return " ".join(label.lower().split())


def _blank(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(lambda match: " " * len(match.group(0)), text)


def _code_lines(document: Document) -> set[int]:
    lines: set[int] = set()
    for _, block in document.iter_blocks():
        if isinstance(block, CodeBlock):
            lines.update(range(block.span.start.line, block.span.end.line + 1))
    return lines


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
