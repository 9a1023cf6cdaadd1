"""MS004 metric-without-target: a success metric that names a measure or a direction with no number or time frame."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, ListBlock, ListItem, Paragraph, Section, Span, Table, TableCell
from speclint.engine.rule import Category, Level, Rule, RuleContext, Subsumes, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.normative import has_quantity, nested_text
from speclint.reading.metrics import (
    MEASURE,
    is_background,
    bold_heading,
    direction_without_target,
    is_not_a_metric,
    is_success_heading,
    is_summary,
    metric_needs_target,
    names_a_measure_or_direction,
    measures_without_target,
    names_success,
    states_a_bound,
    judged_sufficiency,
    perceived_outcome,
    quantified_elsewhere,
    success_direction,
    VAGUE_TARGET_WORDS,
    intensified_direction,
)

# A bold or plain label that announces a success metric in any section: "**Success metric:** ...",
# "KPI: ...", "**How we measure success**: ...".
_SUCCESS_LABEL = lazy_compile(
    r"^\W*(?:(?:primary|secondary|north[- ]star|key)\s+metrics?|(?:primary\s+|secondary\s+|north[- ]star\s+|key\s+)?"
    r"(?:success\s+(?:metrics?|measures?|criteria|kpis?)|"
    r"kpis?|measures?\s+of\s+success|how\s+(?:we(?:'ll|\s+will)?\s+)?measure(?:\s+(?:success|it|impact))?|"
    r"(?:what\s+)?success\s+looks\s+like|success\s+signals?|metrics?\s+of\s+success|"
    r"success(?:\s+(?:for|of)\s+(?:this|the)\s+(?:project|feature|work|change|launch|release|effort|initiative|rollout))?|targets?|"
    r"expected\s+(?:impact|outcomes?|results?)|"
    # an OKR's key result: "KR2: Grow the share of searches that end in a cart"
    r"kr\s?\d{1,2}(?:\.\d{1,2})?|key\s+results?(?:\s+\d{1,2})?))"
    r"[*_\s]*[:—–][*_\s]*",
    re.I,
)
# "Success will be measured by higher retention", "We will measure success by reduced churn."
# (`(?=[sw])`: every alternative starts with "success" or "we"; a position holding neither letter is
# turned away with one test instead of trying each alternative, case-folded: see tests/test_regex_guards.py.)
_SUCCESS_SENTENCE = lazy_compile(
    r"(?=[sw])(?:\bsuccess\s+(?:is|will\s+be|would\s+be|gets?)\s+measured\s+(?:by|through|as|in)\b|"
    r"\bwe(?:'ll|\s+will)\s+measure\s+success\s+(?:by|through|as|in)\b|"
    r"\bsuccess\s+(?:means|looks\s+like)\s*:?|"
    # "We'll know this worked when fewer users churn"
    r"\bwe(?:'ll|\s+will)\s+know\s+(?:this|it|we(?:'ve|\s+have)?)\s+(?:has\s+)?(?:worked|succeeded|is\s+working|"
    r"was\s+a\s+success|succeed\w*)\s+(?:when|if|once|because)\b|"
    # an expected outcome stated as a direction: "We expect conversion to improve once rates follow the market"
    r"\bwe\s+(?:expect|anticipate)\s+(?=(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:conversion|churn|retention|revenue|adoption|"
    r"engagement|sign-?ups?|activation|satisfaction|nps|csat|margin|sales|bookings|orders|complaints|tickets|calls)\s+"
    r"(?:rates?\s+)?to\s+(?:improve|increase|rise|grow|go\s+up|go\s+down|drop|fall|decrease|decline)\b))",
    re.I,
)
# A label over metrics that are tracked, not targets: "Product usage metrics:", "Operational metrics:".
_TELEMETRY_LABEL = lazy_compile(
    r"^[*\s]*(?:[A-Za-z][\w-]*\s+){0,2}(?:usage|operational|health|telemetry|monitoring|observability|tracked|dashboard|"
    r"instrumentation|diagnostic)\s+(?:metrics?|signals?|events?)[*_\s]*:[*_\s]*$",
    re.I,
)
# A PR/FAQ question about success, asked in a paragraph rather than a heading, and the answer's label.
# "What are the success metrics?", "What does success look like?", "How will success be measured?": the
# same question asked about success itself.
_WHAT_SUCCESS = (r"(?:what\s+(?:are|is|will\s+be)\s+(?:the|our|its|your)\s+(?:(?:key\s+)?success\s+(?:metrics?|criteria|measures?|kpis?)|"
                 r"(?:key\s+)?(?:metrics|kpis)\s+(?:for|of)\s+success)|what\s+does\s+success\s+look\s+like|"
                 r"how\s+(?:will|would|is|should)\s+success\s+(?:be\s+)?(?:measured|judged|tracked))")
_SUCCESS_QUESTION = lazy_compile(
    r"^[\s>]*(?:[*_]{1,3}\s*)?(?:q\d*\s*[:.)-]\s*)?(?:[*_]{1,3})?(?:how\s+(?:will|would|do|can|should)\s+(?:we|you|i)\s+(?:measure|know|tell|judge)\b"
    r"[^?\n]{0,60}\b(?:success|succeed\w*|work(?:s|ed|ing)?|worked)\b|" + _WHAT_SUCCESS + r")[^?\n]{0,20}\?[*_]*\s*$",
    re.I,
)
# The same question followed by its answer in one paragraph or item.
# (`(?=[hw])`: every question starts with "how" or "what", as `_SUCCESS_SENTENCE`'s guard.)
_INLINE_QUESTION = lazy_compile(
    r"(?=[hw])\b(?:how\s+(?:will|would|do|can|should)\s+(?:we|you|i)\s+(?:measure|know|tell|judge)\b"
    r"[^?\n]{0,60}\b(?:success|succeed\w*|work(?:s|ed|ing)?)\b|" + _WHAT_SUCCESS + r")[^?\n]{0,20}\?(?:\*\*|__|\*|_)?",
    re.I,
)
_ANSWER_LABEL = lazy_compile(r"^[*_\s]*(?:a\d*\s*[:.)-]|answer\s*:)?[*_\s]*", re.I)
_SENTENCE_END = lazy_compile(r"[.!?](?:\s|$)")
# Table columns that hold the metric, and those that hold its target.
_METRIC_COLUMN = lazy_compile(r"^\W*(?:success\s+)?(?:metrics?|kpis?|measures?|goals?|objectives?|indicators?|"
                              r"metri(?:ca|che|k|ken)|métricas?|kennzahl(?:en)?|indicatori?|indicador(?:es)?|indicateurs?)\W*$", re.I)
_TARGET_COLUMN = lazy_compile(r"^\W*(?:targets?|goals?|thresholds?|success\s+(?:criteria|threshold)|target\s+value|"
                              r"obiettiv[oi]|objetivos?|metas?|alvos?|ziel(?:wert)?e?|cibles?|objectifs?|valore\s+obiettivo|valor\s+alvo)\W*$", re.I)


class MetricWithoutTarget(Rule):
    """Flags a success metric that names a measure or a direction but gives no number or time frame.

    **What it flags.** A success metric that says what to measure ("Checkout conversion rate",
    "Weekly active users") or which way it should move ("Increase conversion", "Reduce churn",
    "Improve retention") and states no target: no number, percentage, count or time frame. A
    comparison with nothing to compare to counts as a direction: "Returning shoppers complete
    checkout faster", "Users export reports more often". Read wherever a document states how
    success is measured:
    - the items and table rows of a *Success metrics*, *Success criteria*, *Metrics*, *KPIs*,
      *Key results* or *How will we measure success?* section (not a design's *Metrics* section
      under Proposal or Monitoring, which lists what the system exports);
    - a bold or plain label anywhere ("**Success metric:** increase conversion", "KPIs:" over a list),
      and an OKR's key result ("KR2: Grow the share of searches that end in a cart");
    - a sentence that says how success is measured ("Success will be measured by higher retention");
    - a metrics table whose Target cell is empty (a number in the metric's name, "30-day
      retention", is no target), says only a direction ("higher", "increase"), or gives a number
      without the time frame the table's other targets give ("5,000" beside "60% by end of Q3");
    - metrics in German, Spanish, French, Italian and Portuguese ("Mejorar la satisfacción", "Die
      Kundenzufriedenheit steigt", "Redução das reclamações"), and Target cells that are only a
      direction or a level in any of them ("in calo", "em queda", "rückläufig", "low", "stable");
    - a metric that keeps a level with no value ("opt-out rate stays low", "the hit rate should not
      regress"), one labelled with its ID ("**SC-002**: ..."), one sized by an adverb ("D30 retention;
      should rise noticeably"), and "Success for this project: ..." as a label;
    - an answer to how success is shown (a decision record's *Confirmation*, "How will we know this
      worked?") that passes on a sufficiency with no level: "by checking that delta updates are
      reliable enough", "the client is sufficiently stable" ("large enough to hold an hour of uploads"
      says what is enough);
    - a design's *Metrics* list whose other items give targets: an item there that names a measure
      and has no value on any line.

    Not flagged: a pass/fail gate that names no measure ("Admins can export the audit log"), zero
    and all ("No P1 bugs at launch"), a metric's Baseline or Measurement sub-item, questions,
    Prometheus or OpenTelemetry metric definitions, and a metric whose sub-items give the target.
    Opinions ("users find it easy") are `unmeasurable-success-criterion`'s.

    **Why it matters.** "Increase conversion" is met by one extra sale. Without a number and a
    date nobody can say after launch whether the work paid off, and nobody knows before it
    which events to instrument.

    **Example**

    ```markdown
    ## Success metrics
    - Increase checkout conversion.
    - Reduce churn among annual plans.
    ```

    **Use instead**

    ```markdown
    ## Success metrics
    - Checkout conversion rises from 2.1% to 2.6% within 60 days of launch.
    - Annual-plan churn falls below 8% by the end of Q3.
    ```
    """

    id = "MS004"
    name = "metric-without-target"
    category = Category.MEASURABILITY
    default_level = Level.WARNING
    # Makes redundant where they meet (one defect, one finding): a success metric without a target because of a vague
    # word ('faster')
    subsumes = (Subsumes(("WD001", "WD006", "WD008")),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        for section in document.root.walk():
            if section.heading is not None and is_background(section) and not is_summary(section):
                continue  # background, problem, quotes: "success is measured by lower churn, the board says"
            yield from _in_blocks(section, section.blocks, is_success_heading(section), document.lines)


def _in_blocks(section: Section, blocks: list, in_metrics: bool, lines: list[str]) -> Iterator[Violation]:
    """Metrics among `blocks`: every list item when `in_metrics`, and a list under a success label."""
    previous: Paragraph | None = None  # the paragraph just before this block: it may label the list
    for block in blocks:
        title = bold_heading(block.text) if isinstance(block, Paragraph) else None
        if title is not None:
            # "**Success metrics**" on a line of its own heads what follows, as a heading would
            in_metrics = names_success(title) and not _TELEMETRY_LABEL.match(title + ":")
            previous = block
            continue
        found: list[Violation] = []
        if isinstance(block, Paragraph):
            found = list(_paragraph(block))
            if not found and in_metrics:
                found = list(_answer(block, lines, _asks_success(section)))
            yield from found
        elif isinstance(block, ListBlock):
            label = _SUCCESS_LABEL.match(previous.text) if previous is not None else None
            announced = label is not None and not previous.text[label.end():].strip(" *_")
            # "Product usage metrics:" over what a dashboard tracks: not targets
            tracked = previous is not None and bool(_TELEMETRY_LABEL.match(previous.text))
            if not tracked and (in_metrics or announced):
                for item in block.items:
                    yield from _item(section, item, True)
            elif not tracked and _target_list(section, block):
                # a design's metrics list that gives targets: a metric whose number is on another line is answered
                for item in block.items:
                    for violation in _item(section, item, True):
                        measure = MEASURE.search(item.blocks[0].text) if item.blocks else None
                        if measure is None or not quantified_elsewhere(measure, lines, violation.span.start.line):
                            yield violation
            elif not tracked:
                for item in block.items:
                    yield from _item(section, item, False)
        elif isinstance(block, Table):
            yield from _table(block, in_metrics)
        if isinstance(block, Paragraph) and not found and previous is not None and _SUCCESS_QUESTION.match(previous.text):
            # a PR/FAQ: "**How will we measure success?**" then its answer, a paragraph
            answer = block.text[_ANSWER_LABEL.match(block.text).end():]
            if answer.strip() and (metric_needs_target(answer, "", strict=True) or success_direction(answer)):
                yield _violation(block, len(block.text) - len(answer))
        previous = block if isinstance(block, Paragraph) else None


#: An alert or a page on a threshold is monitoring, not a target: "Error rate: alert above 2% for 5 min".
_ALERT = lazy_compile(r"\b(?:alert\w*|pag(?:e|es|ed|ing)|notif\w*|alarm\w*|escalat\w*|warn\w*)\b", re.I)


def _target_list(section: Section, block: ListBlock) -> bool:
    """A list under a *Metrics* heading (in a design, where such a list may be what the system exports) whose other
    items give targets ("Harmful reviews live > 24 h: from ~40/week to < 5/week", "precision >= 0.85"): a list of
    targets, where an item that names a measure and no value is a metric left without one."""
    if section.heading is None or not names_success(section.title):
        return False
    bounded = sum(1 for item in block.items if item.blocks and isinstance(item.blocks[0], Paragraph)
                  and has_quantity(item.blocks[0].text) and states_a_bound(item.blocks[0].text)
                  and not is_not_a_metric(item.blocks[0].text) and not _ALERT.search(item.blocks[0].text))
    return bounded >= 2 and bounded * 2 >= len(block.items)


def _answer(paragraph: Paragraph, lines: list[str], asks_success: bool) -> Iterator[Violation]:
    """A paragraph that answers how success is measured (a PR/FAQ's "How will we know this worked?"):
    each sentence that says which way a measure should move and gives no target ("We expect higher
    weekly engagement"); under a heading that asks about success itself (not a bare "Metrics"), any
    direction with no target ("Energy savings will go up"). Sentences that introduce the metrics below
    are not metrics."""
    text = paragraph.text
    start = _ANSWER_LABEL.match(text).end()  # "A: more hikers use the app": the answer, after its label
    for end_match in [*_SENTENCE_END.finditer(text, start), None]:
        end = end_match.end() if end_match else len(text)
        sentence = text[start:end]
        offset = start
        start = end
        if not sentence.strip() or _INTRODUCES.search(sentence) or sentence.rstrip().endswith(":"):
            continue
        found = success_direction(sentence) if asks_success else direction_without_target(sentence)
        if found is None and asks_success:
            # "confirmed when it feels stable and sales are happy with it": a feeling, with no measure
            found = perceived_outcome(sentence)
            if found is None and not states_a_bound(text):
                found = measures_without_target(sentence)  # what will be looked at, in a paragraph that bounds nothing
            if found is None:
                found = judged_sufficiency(sentence)  # "checking that delta updates are reliable enough": how reliable?
            if found is not None:
                yield _violation(paragraph, offset + len(sentence) - len(sentence.lstrip()))
                return
        if found is None:
            continue
        line = paragraph.segments[0].line + text.count("\n", 0, offset + found.start())
        if quantified_elsewhere(found, lines, line):
            continue
        yield _violation(paragraph, offset + len(sentence) - len(sentence.lstrip()))
        return  # one finding per answer


#: Section titles that name a list of measures, not success itself: a design's "Metrics" may list what it exports.
_MEASURE_LIST_TITLES = frozenset({"metrics", "kpis", "key metrics", "metric"})


def _asks_success(section: Section) -> bool:
    """The section (or the one it stands in) asks or says how success is measured, in words of success
    ("What does success look like?", "Erfolg", "Confirmation"), rather than naming a list of metrics."""
    return any(each.heading is not None and names_success(each.title)
               and each.title.strip(" #*_:").lower() not in _MEASURE_LIST_TITLES for each in (section, *section.ancestors()))


# "the metrics below", "the following KPIs": a sentence that introduces the metrics, not one of them.
_INTRODUCES = lazy_compile(r"\b(?:below|following|these\s+metrics|this\s+table|the\s+table)\b", re.I)


def _item(section: Section, item: ListItem, in_metrics: bool) -> Iterator[Violation]:
    first = item.blocks[0] if item.blocks and isinstance(item.blocks[0], Paragraph) else None
    if first is not None:
        nested = nested_text(item)
        label = _SUCCESS_LABEL.match(first.text)
        if in_metrics or label:
            own = first.text[label.end():] if label else first.text
            if own.strip(" *_") and (metric_needs_target(own, nested, strict=bool(label) or in_metrics)
                                     or not nested.strip() and intensified_direction(own)):
                # "7-day retention of learners with a streak of 30+ days; should improve significantly"
                yield _violation(first, label.end() if label else 0)
        elif _SUCCESS_SENTENCE.search(first.text) or _INLINE_QUESTION.search(first.text):
            yield from _paragraph(first)
        # a bare label item ("- **KPIs:**") announces its own sub-list
        bare_label = label is not None and not first.text[label.end():].strip(" *_")
        for sublist in item.sublists:
            for sub_item in sublist.items:
                yield from _item(section, sub_item, bare_label or (in_metrics and _is_group(first.text)))
    for block in item.blocks[1:]:
        if isinstance(block, Table):
            yield from _table(block, in_metrics)


def _is_group(text: str) -> bool:
    """A metric item whose sub-items carry its parts ("- Adoption:" over targets) is read by them."""
    return text.rstrip(" *_").endswith(":")


def _paragraph(paragraph: Paragraph) -> Iterator[Violation]:
    """A success label with its metric ("**Success metric:** ..."), or a sentence saying how success is measured.
    Other paragraphs, in a metrics section too, introduce the metrics; they are not metrics."""
    text = paragraph.text
    label = _SUCCESS_LABEL.match(text)
    if label:
        own = text[label.end():]
        if own.strip(" *_") and metric_needs_target(own, "", strict=True):
            yield _violation(paragraph, label.end())
        return
    question = _INLINE_QUESTION.search(text)
    if question:
        # "**Q: How will we know it worked?** A: more teams use offline maps." in one paragraph
        rest = text[question.end():]
        answer = rest[_ANSWER_LABEL.match(rest).end():]
        if answer.strip() and (metric_needs_target(answer, "", strict=True) or success_direction(answer)):
            yield _violation(paragraph, len(text) - len(answer))
            return
    for sentence in _SUCCESS_SENTENCE.finditer(text):
        end = _SENTENCE_END.search(text, sentence.end())
        claim = text[sentence.end(): end.start() + 1 if end else len(text)]
        if claim.rstrip().endswith(":"):
            continue  # "success is measured through adoption signals:" introduces the metrics below
        if claim.strip() and metric_needs_target(claim, "", strict=True):
            yield _violation(paragraph, sentence.start())


def _key_value_rows(table: Table) -> Iterator[Violation]:
    """A two-column fact table of a one-pager ("| Success metric | More orders |"): the label's value."""
    for row in [table.header, *table.rows]:
        if len(row) < 2 or not _KEY_LABEL.match(row[0].text.strip()):
            continue
        value = row[1]
        if value.text.strip() and metric_needs_target(value.text, "", strict=True):
            yield Violation(_cell_span(value), _MESSAGE)


_KEY_LABEL = lazy_compile(
    r"^[*_\s]*(?:(?:primary|secondary|north[- ]star|key)\s+metrics?|success\s+(?:metrics?|measures?|criteria|kpis?|signals?)|"
    r"kpis?|how\s+(?:we(?:'ll|\s+will)?\s+)?measure(?:\s+success)?|success|targets?)[*_\s:]*$", re.I)


def _table(table: Table, in_metrics: bool) -> Iterator[Violation]:
    yield from _key_value_rows(table)
    names = [cell.text.strip() for cell in table.header]
    metric_columns = [index for index, name in enumerate(names) if _METRIC_COLUMN.match(name)]
    target_columns = [index for index, name in enumerate(names) if _TARGET_COLUMN.match(name)]
    if not metric_columns and not in_metrics:
        return
    metric_column = metric_columns[0] if metric_columns else 0
    dated = _dated_targets(table, metric_column, target_columns)
    for row in table.rows:
        if metric_column >= len(row):
            continue
        metric = row[metric_column]
        targets = [row[index] for index in target_columns if index < len(row) and index != metric_column]
        others = " | ".join(cell.text for index, cell in enumerate(row) if index != metric_column)
        if targets and any(_filled(cell) for cell in targets):
            others = " | ".join(cell.text for cell in targets)
            if not has_quantity(others) and _VAGUE_TARGET.match(others) and not is_not_a_metric(metric.text) \
                    and not _PLACEHOLDER.search(others):
                # "| Basket size | $41 | higher |": a direction in the Target column is no target
                yield Violation(_cell_span(next(cell for cell in targets if _filled(cell))), _MESSAGE)
                continue
            if dated and not _TARGET_TIME_FRAME.search(others) and has_quantity(others) and not is_not_a_metric(metric.text):
                # "| Weekly active merchants | 5,000 |" where the other targets say by when
                yield Violation(_cell_span(targets[0]), _NO_TIME_FRAME)
                continue
        elif targets:
            # the Target column is empty: a number in the metric's name ("30-day retention") is no target
            if _filled(metric) and not _group_row(metric, row) \
                    and not is_not_a_metric(metric.text) and names_a_measure_or_direction(metric.text) \
                    and not _PLACEHOLDER.search(metric.text):
                yield Violation(_cell_span(metric), _MESSAGE)
            continue
        elif not in_metrics:
            continue  # a table with a Metric column but no Target column: not a success table
        if metric.text.strip() and metric_needs_target(metric.text, others, strict=True):
            yield Violation(_cell_span(metric), _MESSAGE)


#: A time frame for reaching a target: "by end of Q3", "within 6 months", "in 90 days", "2026-09-30", "H2 2026".
_TARGET_TIME_FRAME = lazy_compile(
    r"\b(?:by|within|in|before|after|until|through|over|from)\s+(?:the\s+)?(?:end\s+of\s+|first\s+|next\s+)?(?:Q[1-4]|H[12]|FY|"
    r"20\d\d|\d+\s*(?:days?|weeks?|months?|quarters?|years?)|(?:one|two|three|four|six|nine|twelve)\s+(?:weeks?|months?|quarters?)|"
    r"launch|GA|release|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)\b|"
    r"\b(?:Q[1-4]|H[12])\s*(?:FY)?\s*'?\d{2,4}\b|\b20\d\d-\d\d(?:-\d\d)?\b|\b(?:after|post)[- ]launch\b", re.I)
#: A Target cell that gives a direction or a wish, not a value: "higher", "↑", "improve", "as high as possible".
_VAGUE_TARGET = lazy_compile(
    r"^[\s*_|]*(?:higher|lower|up|down|more|less|fewer|better|increase[sd]?|decrease[sd]?|improve[sd]?|improvement|reduced?|grow(?:th|s)?|"
    r"positive|upward|downward|↑|↓|⬆|⬇|maximi[sz]e[sd]?|minimi[sz]e[sd]?|as\s+(?:high|low|many|few)\s+as\s+possible|"
    r"(?:significant|measurable|meaningful)\s+(?:increase|decrease|improvement|reduction|growth)|"
    # a level with no value: "low", "stays flat", "kept minimal"
    r"(?:(?:stays?|remains?|kept|keep)\s+)?(?:low|stable|flat|minimal)|" + VAGUE_TARGET_WORDS + r")[\s*_.!]*$",
    re.I)
#: Placeholders are the placeholder rules' finding.
_PLACEHOLDER = lazy_compile(r"\[[^\[\]\n]{0,40}\]|\b(?:TBD|TBC|TODO|XX+|N/A)\b|\bX\s*%|<[^<>\n]{1,40}>")


def _group_row(metric: TableCell, row: list[TableCell]) -> bool:
    """A row that only heads the rows below it: "| **Engagement** | | |"."""
    text = metric.text.strip()
    bold = len(text) > 4 and text[:2] in ("**", "__") and text[-2:] in ("**", "__")
    return bold and not any(_filled(cell) for cell in row if cell is not metric)


def _dated_targets(table: Table, metric_column: int, target_columns: list[int]) -> bool:
    """The document's convention for this table: two or more targets say by when, and no header does
    ("| Target (6 months after launch) |" dates them all)."""
    if not target_columns or any(_TARGET_TIME_FRAME.search(cell.text) for cell in table.header):
        return False
    dated = sum(1 for row in table.rows for index in target_columns
                if index < len(row) and index != metric_column and _TARGET_TIME_FRAME.search(row[index].text))
    return dated >= 2


def _filled(cell: TableCell) -> bool:
    return bool(cell.text.strip(" -–—*_"))


def _violation(paragraph: Paragraph, offset: int) -> Violation:
    """At the metric's first word (after its label), on its first line."""
    first = paragraph.segments[0]
    column = first.column
    remaining = offset
    for segment in paragraph.segments:
        if remaining <= len(segment.text):
            skipped = len(segment.text[remaining:]) - len(segment.text[remaining:].lstrip(" *_"))
            column = segment.column + remaining + skipped
            return Violation(Span.of(segment.line, column, segment.line, segment.column + len(segment.text)), _MESSAGE)
        remaining -= len(segment.text) + 1
    return Violation(Span.of(first.line, column, first.line, column + len(first.text)), _MESSAGE)


def _cell_span(cell: TableCell) -> Span:
    segments = cell.segments
    if segments:
        first = segments[0]
        return Span.of(first.line, first.column, first.line, first.column + len(first.text))
    return cell.span


_NO_TIME_FRAME = ("success metric target has no time frame, where the other targets of its table give one: "
                  "say by when (e.g. '5,000 by end of Q3')")
_MESSAGE = ("success metric has no target: give the number to reach and by when "
            "(e.g. 'conversion from 2.1% to 2.6% within 60 days of launch')")
