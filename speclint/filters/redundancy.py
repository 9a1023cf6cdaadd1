"""One defect, one finding: the filter that drops a finding another rule's finding makes redundant.

Two rules sometimes see the same defect: a vague word in a requirement is a vague term (WD001) and a
vague requirement (WD006); a front-matter field left as the template's prompt breaks the schema
(MD002) and is a prompt left in (PH007). The more specific rule declares it in its metadata,
`subsumes = (Subsumes(("WD001",)),)` (`speclint.engine.rule.Subsumes`), and this stage drops the
other rule's finding where the two meet: their spans overlap (`Within.SPAN`), or one of them points
at a section's heading and the other lies in that section (`Within.SECTION`: a section whose only
content is 'TODO' is one unwritten section, not an empty section and a marker).

It runs per file after the suppressions, on the findings that are reported: a finding is dropped
only for one the author sees. With the specific rule off, not selected, crashed, or suppressed at
that line, the other rule's finding stays. The finding kept is reported at the higher of the two
levels, so that a defect never reports lower than a rule that ran rated it. The baseline (whole
run, in the CLI) then matches what is left.
"""

from __future__ import annotations

from typing import Sequence

from speclint.document.model import Document, Span
from speclint.engine.check import ActiveRule
from speclint.engine.rule import Finding, Within


def drop_redundant(document: Document, findings: Sequence[Finding], rules: Sequence[ActiveRule]) -> list[Finding]:
    """`findings` without those a finding of a rule in `rules` makes redundant (see the module)."""
    # (subsumed rule id) -> the findings that may make its findings redundant, and where they reach
    reach: dict[str, list[tuple[Finding, Within]]] = {}
    relations = {active.rule.id: active.rule.subsumes for active in rules if active.rule.subsumes}
    for finding in findings:
        for relation in relations.get(finding.rule_id, ()):
            for rule_id in relation.rule_ids:
                reach.setdefault(rule_id, []).append((finding, relation.within))
    if not reach:
        return list(findings)
    sections = _Sections(document)
    kept: list[Finding] = []
    raised: dict[int, Finding] = {}  # id(kept finding) -> it at the level of what it made redundant
    for finding in findings:
        keeper = next((other for other, within in reach.get(finding.rule_id, ())
                       if other.path == finding.path and _meet(other, finding, within, sections)), None)
        if keeper is None:
            kept.append(finding)
            continue
        current = raised.get(id(keeper), keeper)
        if finding.level.rank > current.level.rank:
            raised[id(keeper)] = current.replace(level=finding.level)
    return [raised.get(id(finding), finding) for finding in kept]


def _meet(one: Finding, other: Finding, within: Within, sections: _Sections) -> bool:
    if within is Within.SPAN:
        return _overlap(one.span, other.span)
    if one.path != sections.path:
        return False  # a finding in a file the document owns (a KEP's kep.yaml) has no section here
    extent = sections.opened_at(one.line)
    if extent is not None and _overlap(extent, other.span):
        return True
    extent = sections.opened_at(other.line)
    return extent is not None and _overlap(extent, one.span)


def _overlap(extent: Span, span: Span) -> bool:
    """Whether the spans overlap (an empty span meets what holds its position)."""
    start = max(extent.start, span.start)
    end = min(extent.end, span.end)
    return start < end or (start == end and (span.start == span.end or extent.start == extent.end))


class _Sections:
    """The span of each section with a heading, by the line its heading starts on (listed on first use)."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.path = document.path
        self._by_line: dict[int, Span] | None = None

    def opened_at(self, line: int) -> Span | None:
        if self._by_line is None:
            self._by_line = {section.heading.span.start.line: section.span
                             for section in self.document.sections() if section.heading is not None}
        return self._by_line.get(line)
