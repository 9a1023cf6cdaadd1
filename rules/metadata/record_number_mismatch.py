"""MD004 record-number-mismatch: `# 41. Title` in a file named `0042-title.md`."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Iterator

from speclint.document.model import Document, Span
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.header import header_lines

_FILE_NUMBER = lazy_compile(r"(?P<number>\d{1,6})[-_]")
# "41. Title", "41 - Title", "ADR 41: Title", "ADR-0041 Title"; not "2024 roadmap"
_TITLE_NUMBER = lazy_compile(
    r"(?:ADR|RFC|KEP|GEP|OTEP|DR)[\s-]*(?P<prefixed>\d{1,6})(?=[.:)\s-])|(?P<number>\d{1,6})(?=[.:)]\s|\s[-–—]\s)", re.I
)


# The file a proposal keeps in its own folder (a KEP's `0142-skill-based-backfill/README.md`).
_FOLDER_FILES = frozenset({"readme.md", "index.md"})
# "- RFC PR: [rust-lang/rfcs#0000](https://github.com/rust-lang/rfcs/pull/0000)", "Rust Issue: #0000".
_TEMPLATE_NUMBER = lazy_compile(
    r"[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?P<key>(?:RFC[ \t]+)?(?:PR|Pull[ \t]+request|Issue)|"
    r"(?:Rust|Tracking|RFC)[ \t]+Issue)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*\[?"
    r"(?P<value>(?:[\w.-]+/[\w.-]+)?#?0000)(?![\w])",
    re.I,
)


class RecordNumberMismatch(Rule):
    """Flags a numbered record whose title carries another number than its file name.

    **What it flags.** A document whose file name starts with a number (`0042-use-kafka.md`, as
    adr-tools, log4brains and MADR name records) and whose title starts with a different one
    (`# 41. Use Kafka`, `# ADR-0041: Use Kafka`). Leading zeros do not count.

    A proposal kept in its own numbered folder (a KEP's `0142-skill-based-backfill/README.md`) is
    compared with the folder's number (and its `kep.yaml`'s `kep-number` is named when it agrees
    with the folder). A numbered proposal whose `RFC PR:` or issue field still holds its
    template's `0000` (`rust-lang/rfcs#0000`) is flagged too.

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
        path = PurePath(str(document.file_path or document.path))
        name = path.name
        in_file = _FILE_NUMBER.match(name)
        where = "file name"
        if in_file is None and name.lower() in _FOLDER_FILES:
            in_file = _FILE_NUMBER.match(path.parent.name)  # a KEP's `0142-backfill/README.md`
            where = "folder name"
        if in_file is None:
            return
        if int(in_file["number"]) != 0 and "0000" in document.source:
            found = _template_number(document)
            if found is not None:
                yield found
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
        also = ""
        if where == "folder name":
            number = _kep_number(document)
            if number is not None and number == int(in_file["number"]):
                also = " and kep.yaml's kep-number"
        yield Violation(
            Span.of(segment.line, start, segment.line, start + len(in_title[group])),
            f"the title says {int(in_title[group])} but the {where}{also} {'say' if also else 'says'} "
            f"{int(in_file['number'])}: "
            "renumber one of them so citations find this record",
        )


def _template_number(document: Document) -> Violation | None:
    """A numbered proposal whose PR or issue field still holds its template's `0000`."""
    lines = document.lines
    for number in header_lines(document):
        line = lines[number - 1]
        if "0000" not in line:
            continue
        match = _TEMPLATE_NUMBER.match(line)
        if match is None:
            continue
        start = match.start("value") + 1
        return Violation(
            Span.of(number, start, number, start + len(match.group("value"))),
            f"'{match.group('key')}' still holds the template's '{match.group('value')}' though the file is "
            "numbered: link the real pull request or issue",
        )
    return None


def _kep_number(document: Document) -> int | None:
    from speclint.reading.metadata import sibling_yaml

    found = sibling_yaml(document, "kep.yaml")
    data = getattr(found, "data", None)
    value = data.get("kep-number") if isinstance(data, dict) else None
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None
