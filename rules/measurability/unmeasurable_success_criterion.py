"""MS001 unmeasurable-success-criterion: a success criterion or metric with no number or time frame."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.headings import normalize_title
from speclint.document.model import Document, Section, Span
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Subsumes, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.metrics import (
    DESIGN_ANCESTOR,
    intensified_direction,
    is_not_a_metric,
    is_success_heading,
    metric_needs_target,
    other_language_direction,
    perceived_outcome,
    reduction_by_means,
    undefined_workload,
)
from speclint.reading.normative import (
    has_quantity,
    is_descriptive,
    is_metrics_section,
    is_user_story,
    is_success_section,
    mask_non_prose,
    prefix_of,
    Statement,
    search,
    statements,
    table_rows,
)

# What makes a criterion a matter of opinion or a direction without a target.
# How people feel, how easy or fast something seems, and which way a figure should move are judged
# only by a survey or a measurement, which needs a number. The quality of an output ("error messages
# are clear", "actionable errors", "a helpful message, not a stack trace", "preserves enough information
# (hash, URL, prefix)") is checked by reading that output, and a capability ("a new developer can
# understand the split") by trying it: both pass or fail as written.
_SUBJECTIVE = lazy_compile(
    r"(?<![\w-])(?:easy|easily|intuitive(?:ly)?|feels?|love|loves|happy|"
    r"satisf(?:y|ied|action)|delight(?:ed)?|seamless(?:ly)?|smooth(?:ly)?|"
    r"confident(?:ly)?|comfortable|simple|quick(?:ly)?|fast|faster|responsive|good|great|better|improv(?:e|es|ed|ing)|"
    r"friendly|meaningful|significant(?:ly)?|effective(?:ly)?|efficient(?:ly)?|"
    r"go(?:es)? (?:down|up)|drops?|rises?|increase[sd]?|reduce[sd]?|decrease[sd]?|grow(?:s|n)?|boost(?:s|ed)?|lower|higher|more|less|fewer)(?![\w-])|"
    # a perception people report: "users report that they understand the scan status"
    r"\b(?:report|say|said|agree|tell\s+us)\w*\s+(?:that\s+)?(?:they|it|the)\b",
    re.I,
)
_PLACEHOLDER_ONLY = lazy_compile(r"^\W*\[[^\[\]]*\]\W*$")
# Zero and all are thresholds: "No critical bugs at launch", "Every import completes".
_ZERO_OR_ALL = lazy_compile(r"^\W*(?:[A-Z]{1,6}-\d+\W*)?(?:\w[\w /&-]{0,39}:\W*)?(?:no|zero|none|never|nothing|all|every|each|100\s?%)\b", re.I)
# What makes an item a metric that needs a target, rather than a yes/no gate ("Adding a client does
# not restart the tunnel" passes or fails as written): it names a measure in its first words.
_MEASURE = lazy_compile(
    r"\b(?:rate|ratio|percent\w*|share|number|count|frequency|score|time|duration|latency|adoption|usage|"
    r"engagement|retention|conversion|nps|csat|satisfaction|churn|growth|active users|dau|mau|revenue|"
    r"volume|throughput|uptime)\b",
    re.I,
)
_LABEL_ONLY = lazy_compile(r"^\W*[\w ./&-]{1,40}:\W*$")
# A time frame that never arrives: "can eventually read the catalog", "at some point", "down the road". A
# criterion held to it can never fail. "Eventually consistent" is a consistency model, not a deadline.
_OPEN_ENDED_TIME = lazy_compile(
    r"\b(?:eventually(?![\s-]+consistent)|at\s+some\s+(?:point|stage)|some\s?day|down\s+the\s+road|"
    r"in\s+(?:the\s+)?(?:long\s+run|fullness\s+of\s+time|due\s+course))\b",
    re.I,
)

# Unaided use claimed for nobody in particular: "Users can initialize on first attempt without consulting
# documentation". Whether it holds depends on which users are tried and how many succeed; with no share and no
# sample, one user who needs the docs neither passes nor fails it.
_UNAIDED_USE = lazy_compile(
    r"\b(?:on\s+(?:the\s+|their\s+|a\s+)?first\s+(?:attempt|try|use|go)"
    r"|without\s+(?:(?:consulting|reading|referring\s+to|needing|checking|opening|looking\s+(?:at|up)|asking\s+for)\s+)?"
    r"(?:the\s+|any\s+|external\s+|additional\s+)?(?:docs|documentation|manuals?|help|guides?|readme|support|assistance|"
    r"training|hand-?holding|guidance)"
    r"|unaided|unassisted|without\s+(?:any\s+)?(?:prior\s+)?training"
    # "can understand the role split from this repo alone": the only help allowed is named, who succeeds is not
    r"|(?:from|with|using)\s+(?:this|the|its|our)\s+(?:[\w-]+\s+){0,2}?alone)\b",
    re.I,
)
_FIRST_TIME = lazy_compile(r"\bfirst[- ]time\b", re.I)
#: Who the claim is about: people, not the system ("the CLI starts on first attempt" is a behaviour).
_PEOPLE = lazy_compile(
    r"\b(?:users?|developers?|operators?|admins?|administrators?|customers?|people|engineers?|contributors?|"
    r"maintainers?|members?|newcomers?|beginners?|novices?|anyone|analysts?|authors?|reviewers?|new\s+[a-z]+s?|"
    r"staff|employees?|clerks?|teachers?|students?|patients?|nurses?|players?|shoppers?|buyers?|sellers?|merchants?|"
    r"testers?|participants?|(?:support|sales|service|call[- ]cent(?:re|er))\s+agents?)\b",
    re.I,
)


class UnmeasurableSuccessCriterion(Rule):
    """Flags success criteria and success metrics that state no number, threshold or time frame.

    **What it flags.** A success metric (an item or table row of a *Success metrics*, *Metrics*,
    *KPIs* or *Key results* section) with no number, percentage, count or time frame ("within
    30 days", "per week", "by Q3"); and a success criterion (`SC-###` anywhere, or an item of a
    *Success criteria* or *Measurable outcomes* section) that has no number and is a matter of
    opinion ("users find it easy", "users report that they understand the status") or a direction
    without a target ("reduce support tickets"); a criterion whose only time frame never arrives
    ("SpecSpace can eventually read the catalog"; "eventually consistent" is a consistency model), a claim of
    unaided use for no share of users ("users can initialize on first attempt without consulting documentation",
    "can understand the split from this repo alone"; "90% of first-time users" measures it), and a
    target held on a workload nobody sized ("in under 10 seconds for typical repositories"; "typical file
    sets (10-50 files)" is sized). The quality of an output ("error messages are
    clear", "actionable errors instead of a stack trace") is checked by reading the output, and a
    capability ("a new developer can understand the split") by trying it: neither is flagged. A criterion that is a pass/fail check ("CI fails the build when
    a test fails") is measurable as written. Sub-items count: a label such as "Adoption:" whose
    nested items give the target is measured. Requirement IDs are not numbers. Zero and all are
    thresholds ("No critical bugs at launch"); in a metrics section, an item that names no measure
    (rate, count, time...) is a yes/no gate and checkable as written. A metric's Baseline or
    Measurement item is part of the metric, not a metric; questions and the metrics a design
    exports (Prometheus gauges, a "Metrics" section under Proposal or Monitoring) are not criteria.

    **Why it matters.** Success criteria are how the team decides, after launch, whether the
    work paid off, and how engineers decide what to instrument before it. "Users love the new
    onboarding" cannot be measured, so nobody adds the event that would tell.

    **Example**

    ```markdown
    ## Success criteria
    - SC-001: Onboarding feels faster for new users.
    ```

    **Use instead**

    ```markdown
    ## Success criteria
    - SC-001: Median time from sign-up to first project drops from 9 to under 4 minutes
      within 30 days of launch.
    ```
    """

    id = "MS001"
    name = "unmeasurable-success-criterion"
    category = Category.MEASURABILITY
    default_level = Level.WARNING
    # Makes redundant where they meet (one defect, one finding): a success criterion without a number because of a
    # vague word ('easy', 'significantly'); and a criterion written as a statement ("SC-003: ...") that is also a
    # metric without a target (MS004)
    subsumes = (Subsumes(("WD001", "WD006", "WD008", "MS004")),)
    # Its wrong classes are removed (round 12); on by default since round 15: fewer than 25 corpus
    # findings, every one judged right (bench/verdicts/round15-goals10.tsv), none on the clean sets.
    options = (Option("id-prefixes", "list[str]", ["SC"], "Requirement-ID prefixes that mark success criteria."),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        yield from unmeasurable_criteria(document, set(context.options["id-prefixes"]))


def unmeasurable_criteria(document: Document, prefixes: set[str], rows: bool = True) -> Iterator[Violation]:
    """This rule's findings (vague-quality, WD008, leaves their lines to this rule: one defect, one finding;
    metric-without-target, MS004, its statements' lines, `rows=False`)."""
    for statement in statements(document):
        if statement.kind == "table-cell" or is_descriptive(statement.section):
            continue
        has_id = statement.requirement_id is not None and prefix_of(statement.requirement_id) in prefixes
        in_section = _is_success(statement.section) and statement.kind == "list-item"
        if not (has_id or in_section):
            if statement.in_requirements and statement.is_requirement and statement.requirement_id is None \
                    and not is_user_story(statement.text) and intensified_direction(statement.text):
                # a criterion that asks a measure to "improve noticeably": by how much?
                yield Violation(_first_line(statement.span, statement.segments[0]), _INTENSIFIED_MESSAGE)
            continue
        if not has_id and is_not_a_metric(statement.text):
            continue
        text = statement.text + "\n" + statement.nested_text
        if _LABEL_ONLY.match(statement.text) and statement.nested_text:
            continue
        vague_frame = _open_ended_or_undefined_workload(statement, text)
        if vague_frame is not None:
            yield vague_frame
            continue
        if _measurable(statement.text, text, strict=_is_metric(statement.section, statement.text) and not has_id):
            continue
        if (in_section or is_success_heading(statement.section)) and metric_needs_target(statement.text, statement.nested_text):
            continue  # a metric without a target: metric-without-target (MS004) reports it
        yield Violation(_first_line(statement.span, statement.segments[0]), _MESSAGE)
    for row in table_rows(document) if rows else ():
        if not _is_success(row.section) or is_descriptive(row.section) or is_not_a_metric(row.text):
            continue
        if _measurable(row.text, row.text, strict=is_metrics_section(row.section)):
            continue
        yield Violation(row.cells[0].span, _MESSAGE)


def _direction_span(statement: Statement, direction: re.Match[str]) -> Span:
    """The direction's words when they sit on the statement's first line, else the first line."""
    first = statement.segments[0]
    if len(statement.segments) == 1 and statement.text == first.text:
        return Span.of(first.line, first.column + direction.start(), first.line, first.column + direction.end())
    return _first_line(statement.span, first)


def _open_ended_or_undefined_workload(statement: Statement, text: str) -> Violation | None:
    """A criterion whose only time frame is "eventually", that claims unaided use for no share of users ("users can
    initialize on first attempt without consulting documentation"), or whose target holds for a "typical" workload
    that the criterion never sizes: all read as measurable and cannot fail."""
    quantified = has_quantity(text)
    if not quantified:
        for hit in search(_OPEN_ENDED_TIME, statement.segments):
            return Violation(hit.span, _OPEN_ENDED_MESSAGE)
    if not has_quantity(_FIRST_TIME.sub(" ", _UNAIDED_USE.sub(" ", text))):  # "on first attempt", "first-time" count no users
        for hit in search(_UNAIDED_USE, statement.segments):
            if _PEOPLE.search(hit.match.string, 0, hit.match.start()):  # people do it, before the qualifier
                return Violation(hit.span, _UNAIDED_MESSAGE.format(phrase=" ".join(hit.match.group(0).split())))
    reduction = reduction_by_means(statement.text)
    if reduction is not None:
        return Violation(_direction_span(statement, reduction), _REDUCTION_BY_MEANS_MESSAGE)
    if not quantified:
        return None
    workload = undefined_workload(statement.segments)
    if workload is not None:
        return Violation(workload[0], _UNDEFINED_WORKLOAD_MESSAGE.format(phrase=workload[1]))
    return None


_REDUCTION_BY_MEANS_MESSAGE = ("success criterion says a measure moves and only how ('reduced by eliminating ...'), "
                               "with no baseline or target: say from what to what (e.g. 'from 6 min to under 2 min')")
_OPEN_ENDED_MESSAGE = ("success criterion's only time frame never arrives ('eventually'): give the release, date or "
                       "milestone by which it must hold")
_UNDEFINED_WORKLOAD_MESSAGE = ("success criterion's target holds '{phrase}', which the document never sizes: say the "
                               "workload it is measured on (size, count, data set)")
_UNAIDED_MESSAGE = ("success criterion claims unaided use ('{phrase}') for no share of users: say what share of which "
                   "users succeeds, and how it is measured (e.g. '90% of first-time users in a moderated test')")
_MESSAGE = "success criterion states no number, threshold or time frame: say how success is measured and by when"
_INTENSIFIED_MESSAGE = ("criterion asks a measure to move 'noticeably' or 'significantly' with no number: "
                        "say by how much, against which baseline and over what period")


def _is_success(section: Section) -> bool:
    """A success section, but not a design's "Metrics" section (under Proposal, Monitoring, Design
    details...), which lists what the system exposes."""
    if not is_success_section(section):
        return False
    for each in (section, *section.ancestors()):
        if each.heading is None:
            continue
        title = normalize_title(each.title)
        if title in ("metrics", "key metrics"):
            return not any(ancestor.heading is not None and DESIGN_ANCESTOR.search(ancestor.title)
                           for ancestor in each.ancestors())
        if is_success_section(each) and title not in ("metrics", "key metrics"):
            return True
    return True


def _is_metric(section: Section, text: str) -> bool:
    """A metric needs a target; in a metrics section, an item that names no measure is a yes/no gate."""
    if not is_metrics_section(section):
        return False
    label = LABEL.match(text)
    head = label.group("label") if label else " ".join(text.split()[:4])
    return bool(_MEASURE.search(head))


# The label starts at a word character, after the leading `\W*`, and `\s` is part of `\W`: the
# repeats never compete for the same characters (was exponential on a line of spaces).
LABEL = lazy_compile(r"^\W*(?P<label>\w[^:\n]{1,59}?)\W*[:—–]\s+\S")


def _measurable(own_text: str, text: str, strict: bool) -> bool:
    """A metric needs a number or time frame. A criterion may instead be a pass/fail check
    ("every import completes", "verified by ...") as long as it is not a matter of opinion
    ("error messages are clear") or a direction without a target ("reduce churn")."""
    if _PLACEHOLDER_ONLY.match(own_text) or not own_text.strip():
        return True  # template text: the placeholder rules report it
    if has_quantity(text) or _ZERO_OR_ALL.match(mask_non_prose(own_text)):
        return True
    if strict:
        return False
    return not (_SUBJECTIVE.search(mask_non_prose(text)) or perceived_outcome(text) or other_language_direction(own_text))


def _first_line(span: Span, first_segment) -> Span:
    """Point at the statement's first line only: a multi-line item reads better that way."""
    return Span.of(span.start.line, span.start.column, span.start.line, first_segment.column + len(first_segment.text))
