"""MD004 record-number-mismatch: `# 41. Title` in a file named `0042-title.md`."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Iterator

from speclint.document.model import Document, Span
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile

_FILE_NUMBER = lazy_compile(r"(?P<number>\d{1,6})[-_]")
# "41. Title", "41 - Title", "ADR 41: Title", "ADR-0041 Title"; not "2024 roadmap"
_TITLE_NUMBER = lazy_compile(
    r"(?:ADR|RFC|KEP|GEP|OTEP|DR)[\s-]*(?P<prefixed>\d{1,6})(?=[.:)\s-])|(?P<number>\d{1,6})(?=[.:)]\s|\s[-–—]\s)", re.I
)


class RecordNumberMismatch(Rule):
    """Flags a numbered record whose title carries another number than its file name.

    **What it flags.** A document whose file name starts with a number (`0042-use-kafka.md`, as
    adr-tools, log4brains and MADR name records) and whose title starts with a different one
    (`# 41. Use Kafka`, `# ADR-0041: Use Kafka`). Leading zeros do not count.

    **Why it matters.** Records are cited by number ("as decided in ADR 42"); when the title and
    the file disagree, links and citations point at the wrong decision. It happens when a record
    is copied from its predecessor, or renumbered after a merge.

    **Example**

    ```markdown
    <!-- docs/adr/0042-use-kafka-for-order-events.md -->
    # 41. Use Kafka for order events
    ```

    **Use instead**

    ```markdown
    <!-- docs/adr/0042-use-kafka-for-order-events.md -->
    # 42. Use Kafka for order events
    ```
    """

    id = "MD004"
    name = "record-number-mismatch"
    category = Category.METADATA
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        name = PurePath(str(document.file_path or document.path)).name
        in_file = _FILE_NUMBER.match(name)
        title = next((section.heading for section in document.sections() if section.heading and section.heading.level == 1), None)
        if in_file is None or title is None:
            return
        segment = title.segments[0]
        in_title = _TITLE_NUMBER.match(segment.text)
        if in_title is None:
            return
        group = "prefixed" if in_title["prefixed"] else "number"
        if int(in_title[group]) == int(in_file["number"]):
            return
        start = segment.column + in_title.start(group)
        yield Violation(
            Span.of(segment.line, start, segment.line, start + len(in_title[group])),
            f"the title says {int(in_title[group])} but the file name says {int(in_file['number'])}: "
            "renumber one of them so citations find this record",
        )
