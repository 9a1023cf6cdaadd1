"""MD010 version-mismatch: the header's version is not the newest entry of the document's own revision history."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Span, Table
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.header import header_lines

# "Version: 1.0", "**Version:** 1.0", "version: 1.2" (front matter), "| Version | 1.0 |", "Rev. 3",
# "Versión: 1.1", "Fassung 2.0", several fields on one line ("**Document:** X · **Version:** 1.0").
_HEADER_VERSION = lazy_compile(
    r"(?:^|[\s*_|·;,(])(?:\*\*|__)?(?P<key>version|versi[óo]n|vers[ãa]o|fassung|rev(?:ision)?\.?)(?:\*\*|__)?"
    r"[ \t]*(?::[ \t]*(?:\*\*|__)?|(?:\*\*|__)?[ \t]*[:|])[ \t]*(?:\*\*|__)?[ \t]*[\"']?v?"
    r"(?P<version>\d{1,3}(?:\.\d{1,3}){0,3})(?![\w.-]*\d)",
    re.IGNORECASE,
)
_HISTORY_TITLE = lazy_compile(
    r"(?:(?:revision|version|change|document|release|amendment)s?\s+(?:history|log|record)|change\s*log|"
    r"record\s+of\s+changes|historial\s+de\s+(?:revisiones|versiones|cambios)|control\s+de\s+versiones|"
    r"(?:änderungs|versions|dokument|revisions)(?:historie|verlauf|übersicht|geschichte)|"
    r"historique\s+des\s+(?:versions|révisions|modifications))",
    re.IGNORECASE,
)
_VERSION_COLUMN = lazy_compile(r"(?:version|ver\.?|rev\.?|revision|versi[óo]n|vers[ãa]o|fassung|v|#)", re.IGNORECASE)
_VERSION_VALUE = lazy_compile(r"[*_]*v?(?P<version>\d{1,3}(?:\.\d{1,3}){0,3})[*_]*(?:[ \t].*)?", re.IGNORECASE)


class VersionMismatch(Rule):
    """Flags a document whose header version differs from the newest entry of its own revision history.

    **What it flags.** A version in the document's header (`Version: 1.0`, `**Version:** 1.0`, a
    front-matter `version:`, a metadata table row), when the document also keeps a revision history
    (a section titled `Revision history`, `Change log`, `Document history`, `Änderungshistorie`,
    `Historial de revisiones`...) whose table has a Version column, and the newest version there
    (the highest, whichever order the rows are in) is another one.

    **Why it matters.** Readers and approvers cite a document by its version; when the header says
    1.0 and the history runs to 1.2, nobody can tell which text was approved, or whether the
    history records changes the header never took.

    **Example**

    ```markdown
    **Version:** 1.0

    ## Revision history

    | Version | Date | Change |
    |---|---|---|
    | 1.0 | 2026-06-02 | First baseline |
    | 1.2 | 2026-10-27 | Speed limits revised |
    ```

    **Use instead**

    ```markdown
    **Version:** 1.2
    ```
    """

    id = "MD010"
    name = "version-mismatch"
    category = Category.METADATA
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        source = document.source
        if "ersi" not in source and "ev" not in source and "assung" not in source:
            return
        history = _history(document)
        if history is None:
            return
        newest, newest_line = history
        lines = document.lines
        for number in header_lines(document):
            line = lines[number - 1]
            match = _HEADER_VERSION.search(line)
            if match is None:
                continue
            stated = match.group("version")
            if _key(stated) == newest[0]:
                return
            start = match.start("version") + 1
            relation = "is older than" if _key(stated) < newest[0] else "is newer than"
            yield Violation(
                Span.of(number, start, number, start + len(stated)),
                f"the header says version {stated}, which {relation} the newest entry of the revision history "
                f"({newest[1]}, line {newest_line}): make them agree",
            )
            return


def _key(version: str) -> tuple[int, ...]:
    parts = [int(part) for part in version.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def _history(document: Document) -> tuple[tuple[tuple[int, ...], str], int] | None:
    """((key, text) of the newest version, its line) in the first revision-history table."""
    for section in document.root.walk():
        if section.heading is None or not _HISTORY_TITLE.search(section.title):
            continue
        table = next((block for block in section.blocks if isinstance(block, Table)), None)
        if table is None:
            continue
        column = next((index for index, cell in enumerate(table.header)
                       if _VERSION_COLUMN.fullmatch(cell.text.strip(" *_"))), None)
        if column is None:
            return None
        versions = []
        for row in table.rows:
            if column < len(row):
                match = _VERSION_VALUE.fullmatch(row[column].text.strip())
                if match is not None:
                    versions.append(((_key(match.group("version")), match.group("version")), row[column].span.start.line))
        if len(versions) < 2:
            return None
        return max(versions, key=lambda entry: entry[0][0])
    return None
