"""MS008 vague-quality-requirement: a requirement that demands speed, availability, reliability or scale in words, with no figure."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Span
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Subsumes, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.normative import (
    Statement,
    has_quantity,
    is_descriptive,
    is_normative,
    is_quality_section,
    is_user_story,
    mask_non_prose,
    search,
    table_rows,
)
from speclint.reading.wording import SKIP_PROFILES_HELP
from speclint.rules.measurability.limit_without_value import _MAGNITUDES, _PROPOSALS, statements_read, without_outline_number
from speclint.rules.measurability.unmeasurable_nfr import _DESIGN_VOCABULARY

_I = re.I
# The demand: "shall", "must", "should", "needs to"; "will" only in a requirement statement (in prose
# it predicts: "the lookup will be fast because it is a hash").
_MODAL = r"(?:shall|must|should|needs?\s+to|has\s+to|have\s+to|(?:is|are)\s+required\s+to|will)\s+(?:also\s+|always\s+|still\s+)?"
_QUALITY = (
    # "shall be highly available", "must be fast", "should remain performant", "shall be reliable"
    lazy_compile(
        _MODAL + r"(?:be|remain|stay)\s+(?:(?:very|extremely|sufficiently|reasonably|suitably|adequately|highly)\s+)?"
        r"(?:(?:highly|always)\s+available|available\s+(?:at\s+all\s+times|around\s+the\s+clock)|scalable|reliable|fast|"
        r"performant|quick|speedy|snappy|low[- ]latency)\b(?!\s+(?:to|for|in|at|on)\s+(?:use|users?|read|reach|download|install|"
        r"access|customers|clients|developers|download)\b)", _I),
    # "shall respond fast", "must load quickly", "should be processed promptly", "must sync without delay"
    lazy_compile(
        _MODAL + r"(?:(?:respond|load|render|return|complete|process|start|execute|synchroni[sz]e|sync|reply|react|appear|"
        r"open|finish|refresh|display|update)\w*|be\s+(?:processed|delivered|returned|displayed|loaded|rendered|completed|sent|"
        r"updated|shown|generated|reflected|visible|available|propagated|applied|detected|notified|handled|resolved))\s+"
        r"(?:[\w-]+\s+){0,4}?(?:fast|quickly|rapidly|promptly|swiftly|speedily|in\s+a\s+timely\s+(?:manner|fashion)|"
        r"without\s+(?:noticeable\s+|perceptible\s+|significant\s+|any\s+)?(?:delay|lag))\b", _I),
    lazy_compile(_MODAL + r"(?:quickly|rapidly|promptly|swiftly)\s+(?:respond|load|render|return|process|complete|react|reply)\w*\b", _I),
    # "must add minimal latency", "shall have negligible overhead"
    lazy_compile(
        _MODAL + r"(?:add|introduce|have|incur|impose|cause)\s+(?:only\s+)?(?:minimal|low|negligible|little|minimum|acceptable|"
        r"no\s+(?:noticeable|significant|perceptible))\s+(?:latency|overhead|delay|performance\s+(?:impact|overhead|degradation|cost)|"
        r"impact\s+on\s+(?:performance|latency|response\s+times?))\b", _I),
    # "shall scale to support large clinics", "must scale with demand", "shall handle high traffic"
    lazy_compile(
        _MODAL + r"(?:be\s+able\s+to\s+)?(?:scale\s+(?:to\s+(?:support|handle|serve|meet|accommodate)\b|with\s+(?:demand|growth|load|"
        r"traffic|usage)\b|as\s+(?:demand|usage|traffic|load)\s+grows?\b|(?:up\s+)?to\s+(?:large|high|many|growing)\b)|"
        r"(?:support|handle|sustain|serve|cope\s+with|withstand|absorb)\s+(?:high|heavy|peak|large|increased|increasing|growing|"
        r"significant|massive|huge)\s+(?:traffic|loads?|volumes?|usage|demand|throughput)\b)", _I),
    # "must perform well", "shall perform well under load"
    lazy_compile(_MODAL + r"perform\s+(?:well|efficiently|adequately|acceptably)\b", _I),
)
_SCALE_DEMAND = 4  # the pattern of scale and load, answered by a figure of scale
# An item or row of a non-functional section that is only the quality word: "- Highly available.",
# "- **Performance:** fast", "| Latency | low |", "- The API is scalable".
_BARE_QUALITY = lazy_compile(
    r"^\W{0,8}(?:[A-Za-z][\w/&-]*(?: [\w/&-]+){0,3}\W{0,6}[:—–|]\W{0,6})?(?:(?:the\s+)?(?:[\w-]+\s+){0,2}(?:is|are|be)\s+)?(?P<word>highly\s+available|high\s+availability|"
    r"always\s+available|(?:very\s+)?fast|quick|snappy|low[- ]latency|scalable|(?:highly\s+)?reliable|high[- ]performance|"
    r"good\s+performance|performant|minimal\s+(?:latency|downtime))\b(?![\w-])", _I)
# The words of another line that gives the same quality a figure ("| Availability | 99.9% |" answers
# "the API shall be highly available"), by the quality the vague word asks for.
_AVAILABILITY = lazy_compile(r"\b(?:availab\w*|uptime|downtime|slas?|slos?|nines|error\s+budget)\b", _I)
_RELIABILITY = lazy_compile(r"\b(?:reliab\w*|availab\w*|uptime|slas?|slos?|(?:error|failure|success)\s+rates?|mtt[rfd]|"
                            r"error\s+budget)\b", _I)
_SCALE = lazy_compile(r"\b(?:scal\w*|concurrent|simultaneous|rps|qps|tps|requests?\s+(?:per|/)|throughput|capacity|"
                      r"peak|load\s+test\w*)\b", _I)
_SPEED = lazy_compile(r"\b(?:latency|latencies|response\s+times?|p\d{2}|ms|milliseconds?|load\s+times?|overhead|"
                      r"performance\s+budget|time\s+to\s+\w+)\b", _I)
_QUESTION = lazy_compile(r"\?\s*(?:\*\*|__)?\s*$")
# "does not need to scale", "no need for it to be fast"
_NEGATION_BEFORE = lazy_compile(r"(?:\bnot|\bnever|\bno|n't)\s+(?:\w+\s+){0,3}$", _I)
_WILL = lazy_compile(r"^will\b", _I)


class VagueQualityRequirement(Rule):
    """Flags a requirement that demands speed, availability, reliability or scale in words and gives no figure.

    **What it flags.** A requirement that asks for a quality with a word instead of a number, and
    states no number anywhere in the statement, its sub-items or its table row:
    - "The payout API shall be highly available", "the service must be reliable", "the search
      must be fast", "the dashboard should remain performant";
    - "The system shall respond fast", "results must load quickly", "events shall be processed
      promptly", "changes must sync without delay";
    - "The check must add minimal latency", "tracing shall have negligible overhead";
    - "The system shall scale to support growth", "must scale with demand", "shall handle high
      traffic" (a vague magnitude such as "large clinics" is `limit-without-value`'s);
    - "The importer must perform well".

    Read in every requirement statement and in sentences that demand (shall, must, should, needs
    to; "will" only in a requirement statement, where it commits rather than predicts). Not flagged
    when another line of the document gives that quality a figure ("| Availability | 99.9% |"
    answers "shall be highly available"), nor negations ("does not need to scale"), questions,
    quotations, background, user stories and design vocabulary ("animations must be fast"). Design
    proposals are read only in statements with a requirement ID (option `skip-profiles`); an ADR
    only in its decision.

    **Why it matters.** "Highly available" is 99% to one engineer and 99.99% to another, and the
    difference is a second region. A load test, an alert or an SLO needs the number; without it
    the requirement cannot fail.

    **Example**

    ```markdown
    ## Non-functional requirements
    - The payout API shall be highly available.
    - Search results must load quickly.
    ```

    **Use instead**

    ```markdown
    ## Non-functional requirements
    - The payout API shall be available 99.95% of each calendar month.
    - Search results load within 500 ms at p95 with 200 concurrent users.
    ```
    """

    id = "MS008"
    name = "vague-quality-requirement"
    category = Category.MEASURABILITY
    default_level = Level.WARNING
    # Makes redundant where they meet (one defect, one finding): 'should add minimal latency' is also a performance
    # requirement without a number (MS002); the vague word itself is WD006's or WD008's, which subsume this rule
    subsumes = (Subsumes(("MS002",)),)
    # One corpus finding (right) is too little to judge, and on the evaluation sets 3 of its 4 findings
    # (all right) sit on a line where vague-requirement (WD006) names the same words. It no longer reports
    # those twice (WD006 and WD008 subsume it); off unless named until a sample says otherwise.
    group = Group.PREVIEW
    options = (Option("skip-profiles", "list[str]", list(_PROPOSALS), SKIP_PROFILES_HELP),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        lines = document.lines
        for statement in statements_read(document, context):
            if statement.kind == "table-cell":
                continue  # read with its row below
            requirement = statement.is_requirement and (statement.in_requirements or statement.requirement_id is not None)
            whole = without_outline_number(statement.text + "\n" + statement.nested_text)
            if has_quantity(whole):
                continue
            yield from _hits(statement, requirement, lines)
        for row in table_rows(document):
            if not (is_normative(row.section) or is_quality_section(row.section)) or is_descriptive(row.section):
                continue
            if has_quantity(row.text):
                continue
            quality = is_quality_section(row.section)
            for cell in row.cells:
                found = next(_found(cell.segments, True, lines, bare=quality and cell is not row.cells[0]), None)
                if found is not None:
                    yield found
                    break


def _hits(statement: Statement, requirement: bool, lines: list[str]) -> Iterator[Violation]:
    if is_user_story(statement.text):
        return
    bare = statement.kind == "list-item" and is_quality_section(statement.section)
    found = next(_found(statement.segments, requirement, lines, bare), None)
    if found is not None:
        yield found


def _found(segments: list, requirement: bool, lines: list[str], bare: bool = False) -> Iterator[Violation]:
    """The first vague quality demanded in `segments` (`bare`: also an item that is only the quality word)."""
    for pattern in (*_QUALITY, _BARE_QUALITY) if bare else _QUALITY:
        for hit in search(pattern, segments):
            if _WILL.match(hit.match.group(0)) and not requirement:
                continue
            if _QUESTION.search(hit.sentence) or _DESIGN_VOCABULARY.search(mask_non_prose(hit.sentence)):
                continue
            if _NEGATION_BEFORE.search(hit.match.string, max(0, hit.match.start() - 30), hit.match.start()):
                continue
            if any(limit.pattern.search(hit.sentence) for limit in _MAGNITUDES):
                continue  # "shall scale to support large clinics": limit-without-value (MS005) asks how large
            if _given_elsewhere(_subject(pattern, hit.match.group(0)), lines, hit.span.start.line):
                continue
            span = hit.span
            if pattern is _BARE_QUALITY:  # at the quality word, after the item's label
                skipped = hit.match.start("word") - hit.match.start()
                if "\n" not in hit.match.string[hit.match.start():hit.match.start("word")]:
                    span = Span.of(span.start.line, span.start.column + skipped, span.end.line, span.end.column)
            written = " ".join(hit.match.group("word" if pattern is _BARE_QUALITY else 0).split())
            yield Violation(span, f"'{written}' with no figure: state the number it must meet "
                                      "(e.g. 99.9% monthly availability, p95 < 300 ms, 2,000 concurrent users)")


def _subject(pattern: re.Pattern[str], written: str) -> re.Pattern[str]:
    """What another line must name to give the quality `written` (matched by `pattern`) a figure."""
    lowered = written.lower()
    if "availab" in lowered:
        return _AVAILABILITY
    if "reliab" in lowered:
        return _RELIABILITY
    if pattern is _QUALITY[_SCALE_DEMAND] or "scalab" in lowered:
        return _SCALE
    return _SPEED


def _given_elsewhere(subject: re.Pattern[str], lines: list[str], line: int) -> bool:
    """True when another line of the document gives the quality a figure (an SLO table, a latency budget)."""
    for index, text in enumerate(lines):
        if index + 1 == line or text.lstrip().startswith("#") or not subject.search(text):
            continue  # a heading's number ("### 4.2 Availability") is no figure
        if has_quantity(_PERCENTILE.sub(" ", without_outline_number(text.lstrip(" -*>")))):
            return True
    return False


# "p99 latency" names a measure; it gives no figure.
_PERCENTILE = lazy_compile(r"\bp\d{2}(?:\.\d{1,2})?\b", _I)
