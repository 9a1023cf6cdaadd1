"""One defect, one finding: the filter that drops a finding another rule's finding makes redundant.

Two rules sometimes see the same defect: a vague word in a performance requirement is a vague term
(WD001), a vague requirement (WD006) and a performance requirement without a figure (MS008); a
front-matter field left as the template's prompt breaks the schema (MD002) and is a prompt left in
(PH007). The more specific rule declares it in its metadata, `subsumes = (Subsumes(("WD001",
"WD006")),)` (`speclint.engine.rule.Subsumes`), and this stage drops the other rule's finding where
the two meet: their spans overlap (`Within.SPAN`), or the other finding lies in the section whose
heading the specific finding points at (`Within.SECTION`: an empty section that only says 'TODO'
is one finding, not a section finding and a marker finding).

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
from speclint.engine.rule import Finding, Subsumes, Within


def drop_redundant(document: Document, findings: Sequence[Finding], rules: Sequence[ActiveRule]) -> list[Finding]:
    """`findings` without those a finding of a rule in `rules` makes redundant (see the module)."""
    relations: dict[str, tuple[Subsumes, ...]] = {
        active.rule.id: active.rule.subsumes for active in rules if active.rule.subsumes
    }
    if not relations:
        return list(findings)
    # (subsumed rule id) -> the findings that may make its findings redundant, with where they reach
    reach: dict[str, list[tuple[Finding, Span]]] = {}
    sections: dict[int, Span] | None = None
    for finding in findings:
        for relation in relations.get(finding.rule_id, ()):
            if relation.within is Within.SECTION:
                if sections is None:
                    sections = _section_extents(document)
                extent = sections.get(finding.line) if finding.path == document.path else None
                if extent is None:
                    continue
            else:
                extent = finding.span
            for rule_id in relation.rule_ids:
                reach.setdefault(rule_id, []).append((finding, extent))
    if not reach:
        return list(findings)
    kept: list[Finding] = []
    raised: dict[int, Finding] = {}  # id(kept finding) -> it at the level of what it made redundant
    for finding in findings:
        keeper = next((other for other, extent in reach.get(finding.rule_id, ())
                       if other.path == finding.path and _meet(extent, finding.span)), None)
        if keeper is None:
            kept.append(finding)
            continue
        current = raised.get(id(keeper), keeper)
        if finding.level.rank > current.level.rank:
            raised[id(keeper)] = current.replace(level=finding.level)
    return [raised.get(id(finding), finding) for finding in kept]


def _meet(extent: Span, span: Span) -> bool:
    """Whether `span` overlaps `extent` (an empty span meets what holds its position)."""
    start = max(extent.start, span.start)
    end = min(extent.end, span.end)
    return start < end or (start == end and (span.start == span.end or extent.start == extent.end))


def _section_extents(document: Document) -> dict[int, Span]:
    """The span of each section with a heading, by the line its heading starts on."""
    return {section.heading.span.start.line: section.span
            for section in document.sections() if section.heading is not None}
