"""TR008 missing-linked-record: a link to a numbered record beside the document (`0006-storage.md`) that is not there."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from speclint.document.model import Document, Paragraph, Span, Table
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile

# `[ADR-0006](0006-contract-storage.md)`, `(./0006-x.md#decision)`: a file of the same folder.
_LINK = lazy_compile(r"\]\((?:\./)?(?P<target>[^)\s/#\\\[\]()]{1,200}\.md)(?:#[^)\s]{0,200})?(?:[ \t]+[\"'][^\"'\n]{0,200}[\"'])?\)")
# A numbered record's file name: `0006-contract-storage.md`, `42_use-kafka.md`.
_NUMBERED = lazy_compile(r"(?P<number>\d{1,5})[-_][^/\\]*\.md")


class MissingLinkedRecord(Rule):
    """Flags a relative link to a numbered record in the document's own folder that does not exist.

    **What it flags.** In a document read from disk, a link to a Markdown file of the same folder
    whose name is numbered (`[ADR-0006](0006-contract-document-storage.md)`, `(./0042-x.md)`), when
    that folder keeps numbered records (two others at least, as adr-tools, MADR, log4brains and RFC
    repositories do) and no file there has that name. Only that folder is read, and only its file
    names; a document given on standard input is not checked.

    **Why it matters.** Decision records build on each other: "storage follows ADR-0006" is the
    reason a reader trusts this decision. A link to a record that was never written, renamed or
    renumbered leaves the reasoning with a hole and the reader with a 404.

    **Example**

    ```markdown
    Storage follows [ADR-0006](0006-contract-document-storage.md).
    <!-- the folder holds 0005-....md and 0007-....md, no 0006 -->
    ```

    **Use instead**

    ```markdown
    Storage follows [ADR-0005](0005-contract-document-storage.md).
    ```
    """

    id = "TR008"
    name = "missing-linked-record"
    category = Category.TRACEABILITY
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if document.file_path is None or ".md" not in document.source:
            return
        folder: set[str] | None = None
        for _, block in document.iter_blocks():
            if isinstance(block, Paragraph):
                segment_lists = [block.segments]
            elif isinstance(block, Table):
                segment_lists = [cell.segments for row in [block.header, *block.rows] for cell in row]
            else:
                continue
            for segments in segment_lists:
                for segment in segments:
                    if ".md" not in segment.text:
                        continue
                    for match in _LINK.finditer(segment.text):
                        target = match.group("target")
                        if _NUMBERED.fullmatch(target) is None or segment.text.count("`", 0, match.start()) % 2:
                            continue
                        if folder is None:
                            folder = _numbered_records(Path(str(document.file_path)).parent)
                        if len(folder) < 2 or target in folder:
                            continue
                        start = segment.column + match.start("target")
                        yield Violation(
                            Span.of(segment.line, start, segment.line, start + len(target)),
                            f"'{target}' is not in this folder, which keeps its numbered records: "
                            "link the record that exists, or write it",
                        )


def _numbered_records(folder: Path) -> set[str]:
    """The names of the numbered Markdown files in `folder` (none when it cannot be read)."""
    try:
        return {entry.name for entry in os.scandir(folder) if _NUMBERED.fullmatch(entry.name)}
    except OSError:
        return set()
