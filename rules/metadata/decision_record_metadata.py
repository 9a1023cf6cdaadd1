"""MD007 decision-record-metadata: a superseded record that names no successor, an accepted one with no deciders."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Span
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import profile_name, stated_statuses

#: The successor named anywhere: "Superseded by [ADR-0012](...)", "replaced by 14", `superseded-by:`.
_SUCCESSOR = lazy_compile(
    r"\b(?:superseded|replaced|obsoleted|deprecated)\s+(?:by|in\s+favou?r\s+of|with)\s+\S"
    r"|\bsuccessor\b|\bsee\s+(?:ADR|\[)|superseded[-_]by\s*:\s*\S",
    re.I,
)
#: The status itself points at the successor: "Superseded [0019](0019-use-go.md)", "Superseded (ADR 12)".
_NAMES_RECORD = lazy_compile(r"\]\(|\]\[|\d|\bADR\b|https?://", re.I)
_SUPERSEDED = lazy_compile(r"^\W*superseded\b", re.I)
_ACCEPTED = lazy_compile(r"^\W*(?:accepted|approved|decided)\b", re.I)
#: Older MADR's metadata list: "* Deciders:" with nothing after it.
_EMPTY_DECIDERS_LINE = lazy_compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?P<key>Deciders|Decision[- ]makers)(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*$",
    re.I,
)
_DECIDER_KEYS = ("deciders", "decision-makers", "decision_makers")


class DecisionRecordMetadata(Rule):
    """Flags a decision record that is superseded without naming its successor, or accepted with no deciders.

    **What it flags.** In an architecture decision record (profile `adr`):

    - a status `Superseded` (front matter, a `Status:` line, or the first words under `## Status`)
      when the record nowhere names what supersedes it: no link or number in the status, no
      "superseded by ..." or "replaced by ..." elsewhere, and no `superseded-by` key;
    - a status `Accepted` when the record's deciders are left empty: a `* Deciders:` line with
      nothing after it, or a `deciders:` / `decision-makers:` front-matter key with no value.

    **Why it matters.** A reader who lands on a superseded record needs the decision that replaced
    it, and tools that build a decision log link records by that pointer. An accepted decision
    with no deciders cannot be traced back to who agreed to it, which is what the field is for.

    **Example**

    ```markdown
    # 2. Use Jenkins for CI

    ## Status

    Superseded
    ```

    **Use instead**

    ```markdown
    # 2. Use Jenkins for CI

    ## Status

    Superseded by [11. Use GitHub Actions](0011-use-github-actions.md)
    ```
    """

    id = "MD007"
    name = "decision-record-metadata"
    category = Category.METADATA
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if profile_name(context) != "adr":
            return
        statuses = list(_statuses(document))
        if not statuses:
            return
        value, span = statuses[0]
        if _SUPERSEDED.match(value) and not _NAMES_RECORD.search(value) and not _SUCCESSOR.search(document.source):
            yield Violation(span, "the record is superseded but does not say by which record: "
                            "write 'Superseded by' with a link to its successor")
        if _ACCEPTED.match(value):
            empty = _empty_deciders(document)
            if empty is not None:
                yield Violation(empty, "the decision is accepted but its deciders are left empty: "
                                "name who made the decision")


def _statuses(document: Document) -> Iterator[tuple[str, Span]]:
    """(value, span) of the status the record gives: front matter first, then the body, then a
    Status section's first line (Nygard)."""
    return stated_statuses(document, status_sections=True)


def _empty_deciders(document: Document) -> Span | None:
    """Where the deciders are left empty, if they are."""
    front_matter = document.front_matter
    data = front_matter.data if front_matter is not None and front_matter.error is None else None
    if isinstance(data, dict):
        assert front_matter is not None
        for key in _DECIDER_KEYS:
            if key in data and data[key] in (None, "", []):
                position = front_matter.key_position(key)
                if position is not None:
                    return Span.of(position.line, position.column, position.line, position.column + len(key))
    start = front_matter.span.end.line if front_matter is not None else 0
    for number, line in enumerate(document.lines[start:start + 30], start=start + 1):
        match = _EMPTY_DECIDERS_LINE.match(line)
        if match:
            return Span.of(number, match.start("key") + 1, number, match.end("key") + 1)
    return None
