"""MD005 misspelt-status: a document status that is a misspelling of a known one (`Acceptd`)."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document, Paragraph, Span
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import body_status
from speclint.reading.languages import STATUS_VALUES

#: Statuses documents of every kind use: ADRs (Nygard, MADR), design docs, KEPs and RFCs,
#: spec-kit and PRD templates. A value that is one of these, or that nearly is none of them, is
#: left alone; one that is a letter or two away from one of them is a typo.
KNOWN_STATUSES = frozenset({
    "proposed", "accepted", "rejected", "deprecated", "superseded", "superceded", "draft", "drafting", "hold",
    "withdrawn", "implemented", "implementable", "provisional", "approved", "declined", "complete", "completed",
    "progress", "review", "reviewed", "final", "finalized", "finalised", "active", "done", "shipped", "refined",
    "ready", "experimental", "informational", "standard", "memorandum", "deferred", "replaced", "abandoned",
    "obsolete", "archived", "planning", "planned", "discovery", "published", "living", "wip", "open", "closed",
    "pending", "blocked", "cancelled", "canceled", "paused", "stable", "beta", "alpha", "released", "merged",
    "postponed", "discussion", "idea", "concept", "prototyping", "prototype", "partially", "amended", "retired",
    "revised", "approval", "proposal", "landed", "inactive", "dormant", "stalled", "started", "todo", "new",
    "agreed", "adopted", "dropped", "parked", "green", "red", "yellow", "not", "in", "on", "under",
    "partial", "rfc", "ga", "preview", "deployed", "live", "frozen", "locked", "signed", "current",
})
#: Inflections and neighbours a status is written in, a letter or two from a status: left alone,
#: never suggested.
_TOLERATED = frozenset({
    "drafted", "proposing", "implementing", "reviewing", "shipping", "accepting", "testing", "tested",
    "validated", "verified", "launched", "launching", "building", "built", "designing", "designed",
    "prototyped", "superseding", "supersedes", "replaces", "amends", "extends", "requested", "submitted",
    "triaged", "scheduled", "resolved", "unresolved", "answered", "unknown", "deprecating", "sunset",
    "sunsetting", "evaluating", "evaluation", "exploring", "exploratory", "investigating", "research",
    "researching", "finished", "approve", "accept", "reject", "propose", "implement", "complet", "closing",
    "opened", "reopened", "blocking", "pausing", "waiting", "awaiting", "outdated", "historical", "historic",
    "legacy", "accepted", "ongoing", "continuous", "living", "stale", "moved", "renamed", "combined",
})
#: A status is a word or a few, not a sentence: longer text under "## Status" is prose about it.
_MAX_WORDS = 6
_WORD = lazy_compile(r"[A-Za-z]+")


class MisspeltStatus(Rule):
    """Flags a document status that is a misspelling of a known status, such as `Acceptd`.

    **What it flags.** The status a document gives itself, in front matter (`status: approvd`,
    for kinds whose front matter no JSON Schema checks; MD002 checks the others), in a status
    line at the top (`**Status**: Drfat`), or as the first word of an ADR's `## Status` section
    (`Acceptd`), when its first word is not a status any kind of document uses and is one or two
    letters away from one (`proposd`, `accpeted`, `superseeded`).

    **Why it matters.** Tools and readers filter records by status: an ADR index, a dashboard of
    approved designs, a search for accepted decisions. A misspelt status drops the document from
    all of them, and nobody notices because it reads right at a glance.

    **Example**

    ```markdown
    ## Status

    Acceptd
    ```

    **Use instead**

    ```markdown
    ## Status

    Accepted
    ```
    """

    id = "MD005"
    name = "misspelt-status"
    category = Category.METADATA
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        for value, span in _statuses(document, context):
            if len(value.split()) > _MAX_WORDS:
                continue
            word = _WORD.search(value)
            if word is None:
                continue
            lowered = word.group(0).lower()
            if _is_foreign_status(value):
                continue
            if lowered in KNOWN_STATUSES or lowered in _TOLERATED or len(lowered) < 4:
                continue
            meant = _nearest_status(lowered)
            if meant is None:
                continue
            start = span.start.column + word.start()
            yield Violation(
                Span.of(span.start.line, start, span.start.line, start + len(word.group(0))),
                f"status '{word.group(0)}' is not a status: did you mean '{meant}'?",
            )


def _statuses(document: Document, context: RuleContext) -> Iterator[tuple[str, Span]]:
    """(value, span of the value) of each status the document gives itself."""
    front_matter = document.front_matter
    schema = getattr(context.profile, "front_matter_schema", None)
    if front_matter is not None and isinstance(front_matter.data, dict) and not schema:
        value = front_matter.data.get("status")
        position = front_matter.value_position("status")
        if isinstance(value, str) and position is not None:
            yield value, Span.of(position.line, position.column, position.line, position.column + len(value))
    found = body_status(document)
    if found is not None:
        yield found[1], found[2]
    for section in document.root.walk():
        if section.heading is None or section.title.strip(" *_:").lower() not in _STATUS_TITLES or not section.blocks:
            continue
        first = section.blocks[0]
        if isinstance(first, Paragraph) and first.segments:
            segment = first.segments[0]
            yield segment.text, Span.of(segment.line, segment.column, segment.line, segment.column + len(segment.text))


#: "## Status", and its German, Spanish and French titles.
_STATUS_TITLES = frozenset({"status", "estado", "statut"})
_FOREIGN_STATUS = lazy_compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+)?")


def _is_foreign_status(value: str) -> bool:
    """A German, Spanish or French status ("Akzeptiert", "Propuesto", "Accepté", "En revisión")."""
    words = _FOREIGN_STATUS.search(value.strip(" *_`"))
    if words is None:
        return False
    phrase = words.group(0).lower()
    return phrase in STATUS_VALUES or phrase.split()[0] in STATUS_VALUES


def _nearest_status(word: str) -> str | None:
    """The known status one edit away (two for words of seven letters or more), if any."""
    limit = 2 if len(word) >= 7 else 1
    best: tuple[int, str] | None = None
    for status in KNOWN_STATUSES:
        if abs(len(status) - len(word)) > limit or len(status) < 4:
            continue
        distance = _edit_distance(word, status, limit)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, status)
    return best[1] if best else None


def _edit_distance(first: str, second: str, limit: int) -> int:
    """Levenshtein distance with transpositions (capped: anything over `limit` is `limit + 1`)."""
    previous_previous: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, start=1):
        current = [i] + [0] * len(second)
        for j, b in enumerate(second, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return previous[-1]
