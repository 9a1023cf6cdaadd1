"""MD006 record-status: a decision record whose status is a task's, not a decision's (`## Status` `Done`); any
document whose status is a ticket's (`status: todo`, `merged`)."""

from __future__ import annotations

import re

from typing import Iterator

from speclint.document.model import Document, Span
from speclint.engine.rule import Category, Level, Rule, RuleContext, Subsumes, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import profile_name, stated_statuses
from speclint.reading.header import header_lines

#: Statuses of work items, releases and reviews, which say nothing about a decision: is it
#: proposed, accepted, rejected, deprecated or superseded? Only these are reported; any other
#: word (a record's own vocabulary, "Implemented", "Declined", "In review", or prose about the
#: status) is left alone. Two words ("in progress") are matched before one.
_TASK_STATUSES = frozenset({
    "done", "complete", "completed", "finished", "wip", "todo", "to do", "in progress", "in development",
    "shipped", "released", "merged", "deployed", "live", "closed", "open", "green", "yellow", "red", "ready",
    "started", "blocked", "resolved", "fixed",
})
#: Statuses only a ticket or a pull request has, which no kind of document uses for itself: read in
#: every kind of document, where "Done", "Shipped" or "In progress" may well be the document's stage.
_TICKET_STATUSES = frozenset({"todo", "to do", "backlog", "merged", "green", "yellow", "red", "amber", "blocked"})
#: The first word or two of a status value, after an emoji or a bullet: "✅ Accepted", "**Done**".
_FIRST_WORDS = lazy_compile(r"[A-Za-z][A-Za-z-]*(?:[ \t]+[A-Za-z]+)?")
#: A task's status spelled out, or in German, Spanish or French: "Still a work in progress", "Not
#: started", "Under construction", "In Arbeit", "En curso", "En cours".
_SPELLED_TASK_STATUS = lazy_compile(
    r"(?:still\s+)?(?:an?\s+)?(?:work\s+in\s+progress|not\s+(?:yet\s+)?started|under\s+construction|"
    r"in\s+arbeit|in\s+bearbeitung|en\s+curso|en\s+progreso|en\s+cours)(?![\w-])",
    re.I,
)
#: A header field, in front matter or the body: `launch_target: 2027-04`, `**Last updated:** 2026-11-16`.
_HEADER_FIELD = lazy_compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?P<key>[A-Za-z][A-Za-z _-]{1,30}?)[ \t]*"
    r"(?::(?:\*\*|__)?|(?:\*\*|__)[ \t]*:)[ \t]*(?P<value>\S[^\n]*?)[ \t]*$"
)
#: Statuses saying the feature is out: only these are compared with a launch target.
_SHIPPED = lazy_compile(r"(?i:launched|live|shipped|released|generally available|GA|in production)")
_TARGET_KEYS = ("launch target", "target launch", "launch date", "target launch date", "release date",
                "target release", "ga date", "ship date")
_WRITTEN_KEYS = ("last updated", "updated", "date", "last modified", "created")
_YEAR_MONTH = lazy_compile(r"(?<!\d)(?P<year>20\d\d)-(?P<month>\d\d)(?!\d)")
#: Titles of a decision record's status section.
_STATUS_TITLES = frozenset({"status", "estado", "stand", "statut", "decision status"})
#: A status field with no value: "Status:", "**Status:**", "- Status:", "| Status | |", `status:` (YAML null).
_EMPTY_STATUS_FIELD = lazy_compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\|[ \t]*)?(?:\*\*|__)?(?P<key>status|estado|statut)[ \t]*"
    r"(?::[ \t]*(?:\*\*|__)?|(?:\*\*|__)?[ \t]*(?::|\|))[ \t]*(?:\*\*|__)?[ \t]*\|?[ \t]*$",
    re.IGNORECASE,
)
#: A line that starts another field or block, so the blank status's value is not on it.
_FIELD_START = lazy_compile(r"(?:[-*+>|#]|---|\*\*|__|[A-Za-z][\w -]{0,30}:)")
#: A status is a word or a few, not a sentence: longer text under "## Status" is prose about it.
_MAX_WORDS = 6


class RecordStatus(Rule):
    """Flags a decision record whose status is a task's status (`Done`, `WIP`, `In progress`), not a decision's.

    **What it flags.** In an architecture decision record (profile `adr`), the status written in
    the body, where Nygard's template and older MADR put it: the first words under a `## Status`
    heading, or a `Status: ...` line at the top. A status that belongs to a work item, a release
    or a review (`Done`, `Complete`, `WIP`, `To do`, `In progress`, `Shipped`, `Released`,
    `Merged`, `Live`, `Open`, `Closed`, `Ready`, `Green`, `Blocked`...), also spelled out or in
    German, Spanish or French (`Still a work in progress`, `Not started`, `Under construction`,
    `In Arbeit`, `En curso`, `En cours`), is reported; any other
    word is left alone, including statuses real records use beside the template's (`Implemented`,
    `Declined`, `In review`), and prose about the status. A status in front matter is checked by
    `MD002 front-matter-schema`, a misspelt one by `MD005 misspelt-status`.

    In any other kind of document (a design doc, a PRD, a spec), a status that only a ticket or a
    pull request has (`To do`, `Backlog`, `Merged`, `Blocked`, `Green`/`Red`), in front matter that
    no schema checks the status of, or in a `Status:` line at the top.

    **Why it matters.** A decision record's status says whether the decision stands: proposed,
    accepted, rejected, deprecated, or superseded by another record. "Done" answers another
    question (was the work finished?) and leaves readers and ADR tools (adr-tools, log4brains)
    unable to tell whether the decision was ever accepted or has since been replaced.

    **Example**

    ```markdown
    ## Status

    Done
    ```

    **Use instead**

    ```markdown
    ## Status

    Accepted
    ```
    """

    id = "MD006"
    name = "record-status"
    category = Category.METADATA
    default_level = Level.WARNING
    # Makes redundant where they meet (one defect, one finding): an empty Status section is also an empty section
    # (ST003)
    subsumes = (Subsumes(("ST003",)),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if "tatus" not in document.source:
            return
        yield from _empty_statuses(document, context)
        yield from _launched_before_target(document)
        if profile_name(context) != "adr":
            yield from _ticket_statuses(document, context)
            return
        seen: set[tuple[int, int]] = set()
        for value, span in _statuses(document):
            if (span.start.line, span.start.column) in seen or len(value.split()) > _MAX_WORDS:
                continue
            seen.add((span.start.line, span.start.column))
            words = _FIRST_WORDS.search(value)
            if words is None:
                continue
            status = _task_status(words.group(0))
            spelled = _SPELLED_TASK_STATUS.match(value, words.start()) if status is None else None
            if status is None and spelled is None:
                continue
            start = span.start.column + words.start()
            shown = spelled.group(0) if spelled is not None else words.group(0)[: len(status or "")]
            yield Violation(
                Span.of(span.start.line, start, span.start.line, start + len(shown)),
                f"'{shown}' is a task's status, not a decision's: say whether the decision is proposed, "
                "accepted, rejected, deprecated or superseded",
            )


def _empty_statuses(document: Document, context: RuleContext) -> Iterator[Violation]:
    """A Status section with nothing in it (a decision record's), or a `Status:` field left blank."""
    if profile_name(context) == "adr":
        for section in document.root.walk():
            heading = section.heading
            if heading is None or section.title.strip(" *_:").lower() not in _STATUS_TITLES:
                continue
            if section.blocks or section.children:
                continue
            yield Violation(heading.span, "the Status section is empty: say whether the decision is proposed, "
                            "accepted, rejected, deprecated or superseded")
            return
    lines = document.lines
    header = document.front_matter
    skipped = range(0)
    if header is not None and _schema_checks_status(context):
        skipped = range(header.span.start.line, header.span.end.line + 1)  # MD002 checks it there
    for number in header_lines(document):
        match = _EMPTY_STATUS_FIELD.match(lines[number - 1])
        if match is None or number in skipped:
            continue
        following = lines[number] if number < len(lines) else ""
        if following[:1] in (" ", "\t") and following.strip():
            continue  # an indented value below (a YAML list, a continuation)
        if following.strip() and not _FIELD_START.match(following.strip()):
            continue  # the value is on the next line
        start = match.start("key") + 1
        yield Violation(Span.of(number, start, number, start + len(match.group("key"))),
                        f"'{match.group('key')}' is left empty: say what stage the document is at "
                        "(draft, in review, approved, accepted...)")
        return


def _launched_before_target(document: Document) -> Iterator[Violation]:
    """A status that says the thing has shipped ("Launched", "Live", "GA") while the document's own
    launch target is later than the document's own date: both read from its header."""
    fields: dict[str, tuple[str, int, int]] = {}
    lines = document.lines
    for number in header_lines(document):
        match = _HEADER_FIELD.match(lines[number - 1])
        if match is not None:
            key = " ".join(match.group("key").lower().replace("_", " ").replace("-", " ").split())
            fields.setdefault(key, (match.group("value"), number, match.start("value") + 1))
    status = fields.get("status")
    if status is None or _SHIPPED.fullmatch(status[0].strip(" *_\"'")) is None:
        return
    target = next((fields[key] for key in _TARGET_KEYS if key in fields), None)
    written = next((fields[key] for key in _WRITTEN_KEYS if key in fields), None)
    if target is None or written is None:
        return
    target_month, written_month = _month(target[0]), _month(written[0])
    if target_month is None or written_month is None or target_month <= written_month:
        return
    value = status[0].strip()
    yield Violation(Span.of(status[1], status[2], status[1], status[2] + len(value)),
                    f"the status says '{value}', but the launch target ({target[0].strip()}, line {target[1]}) is "
                    f"after the document's own date ({written[0].strip()}): give the stage it is really at")


def _month(value: str) -> tuple[int, int] | None:
    found = _YEAR_MONTH.search(value)
    if found is None:
        return None
    month = int(found.group("month"))
    return (int(found.group("year")), month) if 1 <= month <= 12 else None


def _ticket_statuses(document: Document, context: RuleContext) -> Iterator[Violation]:
    """A document (not a decision record) whose status is a ticket's: `status: todo`, `Status: Merged`."""
    for value, span in _document_statuses(document, context):
        words = _FIRST_WORDS.search(value)
        if words is None or len(value.split()) > _MAX_WORDS:
            continue
        lowered = " ".join(words.group(0).lower().split())
        status = lowered if lowered in _TICKET_STATUSES else lowered.split(" ")[0]
        if status not in _TICKET_STATUSES:
            continue
        start = span.start.column + words.start()
        shown = words.group(0)[: len(status)]
        yield Violation(Span.of(span.start.line, start, span.start.line, start + len(shown)),
                        f"'{shown}' is a ticket's status, not a document's: say what stage the document is at "
                        "(draft, in review, approved, implemented...)")
        return


def _document_statuses(document: Document, context: RuleContext) -> Iterator[tuple[str, Span]]:
    """The status in front matter (unless the profile's schema checks it: MD002's) and in a status line."""
    schema_checks_it = document.front_matter is not None and _schema_checks_status(context)
    return stated_statuses(document, front_matter=not schema_checks_it)


def _schema_checks_status(context: RuleContext) -> bool:
    schema = getattr(context.profile, "front_matter_schema", None)
    if not isinstance(schema, str):
        return False
    from speclint.reading.metadata import load_schema

    try:
        return "status" in load_schema(schema).get("properties", {})
    except Exception:  # a schema that cannot be loaded is MD002's to report
        return False


def _task_status(words: str) -> str | None:
    """The task status the words start with ("in progress", "done"), if they start with one."""
    lowered = " ".join(words.lower().split())
    first = lowered.split(" ")[0]
    if lowered in _TASK_STATUSES:
        return lowered
    if first in _TASK_STATUSES:
        return first
    return None


def _statuses(document: Document) -> Iterator[tuple[str, Span]]:
    """(value, span of the value) of each status the record gives in its body."""
    return stated_statuses(document, front_matter=False, status_sections=True)

