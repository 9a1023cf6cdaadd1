"""Success metrics: where a document says how success is measured, and whether a metric has a target.

Shared by `unmeasurable-success-criterion` (MS001, opinions and directions in success criteria) and
`metric-without-target` (MS004, metrics that name a measure or a direction and give no target), so
that one metric is judged once: MS001 leaves to MS004 what `metric_needs_target` reports.
"""

from __future__ import annotations

import re

from speclint.document.headings import normalize_title
from speclint.document.model import Section
from speclint.lazy_regex import lazy_compile
from speclint.reading.normative import has_quantity, is_descriptive, is_success_section, mask_non_prose

#: What a metric measures, in its label or first words ("Checkout conversion rate", "Weekly active users").
MEASURE = lazy_compile(
    r"(?<![\w-])(?:rates?|ratios?|percent\w*|share|number\s+of|counts?|frequency|scores?|average|median|(?<!real-)time[- ]to[- ]\w+|"
    r"duration|latency|adoption|usage|engagement|retention|conversion|nps|csat|satisfaction|churn|growth|"
    r"active\s+(?:users|teams|accounts|customers)|dau|mau|wau|revenue|arr|mrr|ltv|cac|volume|throughput|uptime|"
    r"completion|activation|sign-?ups?|signups|tickets|abandonment|bounce|drop-?off|cost|spend|velocity|"
    r"cycle\s+time|lead\s+time|response\s+time|load\s+time)(?![\w-])",
    re.I,
)
#: A direction without a target: "Increase conversion", "Reduce churn", "Improved retention".
_DIRECTION = (r"increas\w*|reduc\w*|improv\w*|grow\w*|boost\w*|lower\w*|decreas\w*|rais\w*|rise|rises|drive|"
              r"higher|fewer|less|more|maximi[sz]\w*|minimi[sz]\w*|cut|cuts|shorten\w*|faster|better")
_LEADING_DIRECTION = lazy_compile(
    r"^\W*(?:[A-Z]{1,6}-\d+\W*)?(?:" + _DIRECTION + r")(?![\w-])", re.I)
_DIRECTION_ON_MEASURE = lazy_compile(
    r"(?<![\w-])(?:" + _DIRECTION + r")\s+(?:[\w-]+\s+){0,3}?" + MEASURE.pattern, re.I)
# Zero and all are thresholds: "No critical bugs at launch", "Every import completes".
_ZERO_OR_ALL = lazy_compile(
    r"^\W*(?:[A-Z]{1,6}-\d+\W*)?(?:\w[\w /&-]{0,39}:\W*)?(?:no|zero|none|never|nothing|all|every|each|100\s?%)\b", re.I)
# The parts of a metric that are not metrics of their own: "- Baseline: unknown", "- Measurement: via analytics".
METRIC_ATTRIBUTE = lazy_compile(
    r"^\W*(?:baseline|current(?: state| value)?|measurement|measured by|how (?:to )?measured?|method|methodology|"
    r"source|data source|owner|definition|description|why|rationale|tracking|instrumentation|frequency|"
    r"cadence|tool(?:ing)?|dashboard|notes?)\W*\s*[:—–-]",
    re.I,
)
# Metrics a system exports (Prometheus, OpenTelemetry) are definitions, not success criteria.
EXPORTED_METRIC = lazy_compile(r"`[a-z][a-z0-9]*(?:_[a-z0-9]+){1,}`|\b(?:gauge|counter|histogram|prometheus)\b", re.I)
# A target left to fill in is the placeholder rules' finding: "[X]%", "TBD", "N users".
_PLACEHOLDER = lazy_compile(r"\[[^\[\]\n]{0,40}\]|\b(?:TBD|TBC|TODO|XX+|N/A)\b|\bX\s*%|<[^<>\n]{1,40}>")
# The label of a metric item: "**Guide completion rate**: Percentage of ...".
_LABEL = lazy_compile(r"^\W*(?P<label>\w[^:\n]{1,59}?)\W*[:—–]\s+\S")
# Ancestors under which a "Metrics" section lists what the system measures and exposes.
DESIGN_ANCESTOR = lazy_compile(
    r"\b(?:proposal|design|details?|implementation|monitoring|observability|telemetry|readiness|operational|"
    r"alert\w*|instrumentation|architecture|technical|api|scalability|troubleshooting)\b",
    re.I,
)


def is_success_metrics_section(section: Section) -> bool:
    """A success section (*Success metrics*, *Success criteria*, *KPIs*...), but not a design's
    "Metrics" section (under Proposal, Monitoring, Design details...), which lists what the system
    exposes, and not background."""
    if not is_success_section(section) or is_descriptive(section):
        return False
    for each in (section, *section.ancestors()):
        if each.heading is None:
            continue
        title = normalize_title(each.title)
        if title in ("metric", "metrics", "key metric", "key metrics"):
            return not any(ancestor.heading is not None and DESIGN_ANCESTOR.search(ancestor.title)
                           for ancestor in each.ancestors())
        if is_success_section(each):
            return True
    return True


def is_not_a_metric(text: str) -> bool:
    """Questions, parts of a metric (its baseline or how it is measured) and exported metric definitions."""
    visible = mask_non_prose(text).rstrip().rstrip("*_")
    return visible.endswith("?") or bool(METRIC_ATTRIBUTE.match(text) or EXPORTED_METRIC.search(text))


def names_a_measure_or_direction(text: str) -> bool:
    """True when a metric's label or first words name what is measured ("Conversion rate: ...",
    "Weekly active users"), or it gives a direction ("Increase conversion", "higher retention")."""
    visible = mask_non_prose(text)
    written = text.replace("`", "")  # code names the subject ("`prism report` answers ..."): keep its words
    label = _LABEL.match(written)
    head = label.group("label") if label else " ".join(written.split()[:4])
    if label and _DEFINITION.match(written, label.end() - 1):
        return True  # "**Resubmit usage**: Frequency of resubmit clicks": a metric defined, its target missing
    return bool(MEASURE.search(head) or _LEADING_DIRECTION.match(visible) or _DIRECTION_ON_MEASURE.search(visible))


# A metric's definition after its label: "Percentage of users who ...", "Average time from ...".
_DEFINITION = lazy_compile(r"\W*(?:percentage|share|number|count|rate|ratio|frequency|average|median|mean|proportion)\s+(?:of|from)\b",
                         re.I)


def metric_needs_target(own_text: str, nested_text: str, strict: bool = True) -> bool:
    """True when a metric (its own text, and the text of its sub-items) names a measure or a direction
    and gives no number, percentage, count or time frame. `strict=False` asks for a measure word in
    the text even when it starts with a direction ("Improve the docs" is then not a metric)."""
    visible = mask_non_prose(own_text)
    if not visible.strip(" *_") or is_not_a_metric(own_text) or _PLACEHOLDER.search(own_text + "\n" + nested_text):
        return False
    if has_quantity(own_text + "\n" + nested_text) or _ZERO_OR_ALL.match(visible):
        return False
    if strict:
        return names_a_measure_or_direction(own_text)
    return bool(MEASURE.search(visible))
