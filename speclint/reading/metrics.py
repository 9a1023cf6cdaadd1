"""Success metrics: where a document says how success is measured, and whether a metric has a target.

Shared by `unmeasurable-success-criterion` (MS001, opinions and directions in success criteria) and
`metric-without-target` (MS004, metrics that name a measure or a direction and give no target), so
that one metric is judged once: MS001 leaves to MS004 what `metric_needs_target` reports.
"""

from __future__ import annotations

import re

from speclint.document.headings import normalize_title
from speclint.document.model import Section, Span, TextSegment
from speclint.document.text import group_span
from speclint.lazy_regex import lazy_compile
from speclint.reading.normative import (
    DESCRIPTIVE_TITLES,
    has_quantity,
    is_descriptive,
    is_success_section,
    mask_non_prose,
    search,
    sentence_bounds,
    without_ids,
)

#: What a metric measures, in its label or first words ("Checkout conversion rate", "Weekly active users").
MEASURE = lazy_compile(
    r"(?<![\w-])(?:rates?|ratios?|percent\w*|share|number\s+of|counts?|frequency|scores?|average|median|(?<!real-)time[- ]to[- ]\w+|"
    r"duration|latency|adoption|usage|engagement|retention|conversion|nps|csat|satisfaction|churn|growth|"
    r"active\s+(?:[\w-]+\s+)?(?:users|teams|accounts|customers)|dau|mau|wau|revenue|arr|mrr|ltv|cac|volume|throughput|uptime|"
    r"completion|activation|sign-?ups?|signups|tickets|abandonment|bounce|drop-?off|cost|spend|velocity|"
    r"cycle\s+time|lead\s+time|response\s+time|load\s+time|"
    # qualities a goal moves ("improve reliability", "fewer incidents", "setup time is reduced")
    r"reliability|availability|performance|stability|accuracy|errors|error\s+rates?|failures|incidents|outages|downtime|"
    r"productivity|efficiency|complaints|support\s+(?:load|burden|requests|contacts|calls|volume)|time\s+spent|"
    r"(?:setup|build|wait|waiting|page|resolution|handling|onboarding|review|processing|checkout|search|turnaround|"
    r"deploy(?:ment)?|release|startup|start-up|render(?:ing)?)\s+times?|(?:un)?subscriptions|renewals|referrals|"
    r"purchases|bookings|sales)(?![\w-])",
    re.I,
)
#: Counted events a product moves, measures only when a direction is given them ("increase repeat
#: visits", "fewer failed payments"); alone they are what users do ("users can make payments").
_COUNTED = (r"(?<![\w-])(?:visits|visitors|sessions|orders|transactions|downloads|installs|page\s?views|clicks|logins|"
            r"payments|deposits|top-?ups|transfers|searches|uploads|invites)(?![\w-])")
_MEASURE_OR_COUNTED = lazy_compile(MEASURE.pattern + "|" + _COUNTED, re.I)
#: A direction without a target: "Increase conversion", "Reduce churn", "Improved retention".
_DIRECTION = (r"increas\w*|reduc\w*|improv\w*|grow\w*|boost\w*|lower\w*|decreas\w*|rais\w*|rise|rises|drive|"
              r"higher|fewer|less|more|maximi[sz]\w*|minimi[sz]\w*|cut|cuts|shorten\w*|faster|better|enhanc\w*|"
              r"accelerat\w*|speed\s+up|bring\s+down|drive\s+(?:up|down)")
_LEADING_DIRECTION = lazy_compile(
    r"^\W*(?:[A-Z]{1,6}-?\d+(?:\.\d+)?\W*)?(?:" + _DIRECTION + r")(?![\w-])", re.I)
_DIRECTION_ON_MEASURE = lazy_compile(
    r"(?<![\w-])(?:" + _DIRECTION + r")\s+(?:[\w-]+\s+){0,3}?(?:" + MEASURE.pattern + "|" + _COUNTED + ")", re.I)
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


#: Sections that wrap a document's opening (an IEEE/ISO SRS's "1. Introduction", "1.2 Scope"): descriptive,
#: but a success or goals section inside them states what the work must reach.
_WRAPPER_KEYS = frozenset(normalize_title(title) for title in ("introduction", "overview", "purpose", "scope", "summary",
                                                               "executive summary"))
#: Goals and objectives sections ("1.3 Business objectives", "Project goals").
_GOALS_KEY = lazy_compile(r"^(?:(?:business|product|project|key|primary|main|our)\s+)?(?:goal|objective)(?:\s+and\s+\w+)?$")


def is_background(section: Section) -> bool:
    """`is_descriptive`, except for a success or goals section inside a document's introduction or scope
    (an SRS's "1. Introduction > 1.3 Business objectives" states targets, not background)."""
    if not is_descriptive(section):
        return False
    own = normalize_title(section.title) if section.heading is not None else ""
    if own in _DESCRIPTIVE_KEYS or not (names_success(section.title) or _GOALS_KEY.match(own) or is_success_section(section)):
        return True
    # every descriptive section around it is only a wrapper: "Introduction", not "Background"
    return any(each.heading is not None and normalize_title(each.title) in _DESCRIPTIVE_KEYS
               and normalize_title(each.title) not in _WRAPPER_KEYS for each in section.ancestors())


_DESCRIPTIVE_KEYS = frozenset(normalize_title(title) for title in DESCRIPTIVE_TITLES)


def is_success_metrics_section(section: Section) -> bool:
    """A success section (*Success metrics*, *Success criteria*, *KPIs*...), but not a design's
    "Metrics" section (under Proposal, Monitoring, Design details...), which lists what the system
    exposes, and not background."""
    if not is_success_section(section) or is_background(section):
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


#: Headings that ask or say how success is measured, beyond the section names every rule shares: a
#: PR/FAQ's "How will we know this worked?", "What does success look like?", "How we'll measure".
_SUCCESS_HEADING = lazy_compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:q\d*\s*[:.)-]\s*)?(?:"
    r"how\s+(?:will|would|do|can|should|are)\s+(?:we|you|i)\s+(?:going\s+to\s+)?(?:know|measure|tell|judge|track)\b"
    r"[^?\n]{0,60}?\b(?:success\w*|succeed\w*|work\w*|impact|progress)\b|"
    r"how\s+we(?:'ll|\s+will)?\s+(?:know|measure)\b|what\s+(?:does\s+)?success\s+looks?\s+like|"
    r"measur(?:es?|ing)\s+(?:of\s+)?(?:success|impact)|[^\n]{0,40}?\bsuccess\s+(?:signals?|measures?|metrics?|kpis?|indicators?)\b|"
    r"(?:key\s+)?(?:metrics|kpis?)\s+(?:and|&)\s+(?:targets?|goals?)\b|(?:expected|desired|target)\s+(?:outcomes?|impact|results?)\b|"
    r"okrs?\b|objectives?\s+(?:and|&)\s+key\s+results\b|"
    # a pitch's or one-pager's "Success", "Definition of success"
    r"(?:definition\s+of\s+)?success(?:\s+definition)?\W*$|"
    # the same in German, Spanish and French ("Erfolg", "Criterios de éxito *(obligatorio)*", "Indicateurs de succès"),
    # and a MADR's "Confirmation" (how the decision is shown to have worked)
    r"(?:erfolg(?:skriterien|smessung|skennzahlen|smetriken)?|(?:criterios|indicadores|métricas|medidas)\s+de\s+éxito|éxito|"
    r"(?:indicateurs|critères|mesures)\s+de\s+(?:succès|réussite)|succès|confirmation|"
    # Italian and Portuguese: "Metriche di successo", "Critérios de Sucesso *(obrigatório)*", "Resultados mensuráveis"
    r"(?:metriche|criteri|indicatori|misure)\s+di\s+successo|successo|risultati\s+misurabili|"
    r"(?:métricas|critérios|indicadores|medidas)\s+de\s+sucesso|sucesso|resultados\s+mensuráveis)"
    r"(?:\s*[*_]*\([^()\n]{1,20}\)[*_]*)?\W*$|"
    # a PR/FAQ's "What is the goal?", "What metrics will we track?"
    r"what(?:\s+is|\s+are|'s)\s+(?:the|our)\s+(?:goals?|targets?|success\s+(?:metrics?|criteria)|(?:key\s+)?metrics|kpis?)\b[^?\n]{0,40}\?|"
    r"what\s+metrics\s+(?:will|do|should|would)\s+(?:we|you)\s+(?:track|use|measure|watch|move)\b[^?\n]{0,40}\?)",
    re.I,
)


#: A paragraph that is only bold text stands for a heading in lean documents: "**Success metrics**".
_BOLD_LINE = lazy_compile(r"^\s*(?:\*\*|__)(?P<title>[^*_\n]{2,60}?)[:.]?(?:\*\*|__)[:.]?\s*$")


def bold_heading(text: str) -> str | None:
    """The title of a paragraph that is only bold text, else None."""
    match = _BOLD_LINE.match(text)
    return match.group("title").strip() if match else None


def names_success(title: str) -> bool:
    """A heading title (or a bold line's) that names success metrics or asks how success is measured."""
    return normalize_title(title) in _SUCCESS_TITLE_KEYS or bool(_SUCCESS_HEADING.match(title))


_SUCCESS_TITLE_KEYS = frozenset(normalize_title(title) for title in (
    "success criteria", "success metrics", "success measures", "metrics", "kpis", "key metrics", "key results",
    "goals and metrics", "measuring success", "how we measure success", "how will we measure success"))


_SUMMARY_KEYS = frozenset(normalize_title(title) for title in (
    "summary", "overview", "tl;dr", "tldr", "introduction", "executive summary", "at a glance", "one-pager", "one pager"))


def is_summary(section: Section) -> bool:
    """A summary or overview: descriptive, but where a lean document states its goal and success metric
    under a label ("**Success metric:** ..."). Background and problem statements are not summaries."""
    return section.heading is not None and normalize_title(section.title) in _SUMMARY_KEYS


def is_success_heading(section: Section) -> bool:
    """A success-metrics section, or one whose heading (or an ancestor's) asks or says how success is
    measured ("How will we know this worked?"); not background, not a design's exported metrics."""
    if is_success_metrics_section(section):
        return True
    if is_background(section):
        return False
    return any(each.heading is not None and bool(_SUCCESS_HEADING.match(each.title))
               for each in (section, *section.ancestors()))


#: A measure followed by the way it should move, with no target: "Export adoption increases",
#: "support tickets about search go down".
_MEASURE_THEN_DIRECTION = lazy_compile(
    r"(?:" + MEASURE.pattern + "|" + _COUNTED + r")\s+(?:[\w-]+\s+){0,4}?(?:(?:to|will|should|must|would)\s+)?"
    r"(?:increas|decreas|improv|declin|grow|shrink|rises?\b|drops?\b|dropping|falls?\b|falling|go(?:es)?\s+(?:up|down)|"
    r"(?:is|are|gets?|will\s+be|should\s+be|must\s+be)\s+(?:significantly\s+|greatly\s+|substantially\s+)?"
    r"(?:reduc|lowered\b|shortened\b|cut\b|minimi[sz])|"
    r"trends?\s+(?:up|down))\w*|"
    # a level with no value: "opt-out rate stays low", "the hit rate should not regress", "keeps churn low"
    r"(?:" + MEASURE.pattern + "|" + _COUNTED + r")\s+(?:[\w-]+\s+){0,4}?(?:(?:stays?|remains?|is\s+kept|are\s+kept|"
    r"(?:should|must|will)\s+(?:stay|remain|be\s+kept))\s+(?:low|high|stable|flat|minimal|healthy|acceptable|reasonable)\b|"
    r"(?:should|must|does|do|will)\s+not\s+(?:regress|degrade|get\s+worse)\b)",
    re.I,
)


def direction_without_target(text: str, nested: str = "") -> re.Match[str] | None:
    """Where `text` says which way a measure should move ("increase conversion", "higher weekly
    engagement", "churn goes down") and neither it nor its sub-items give a number or time frame."""
    visible = mask_non_prose(text)
    if not visible.strip(" *_") or is_not_a_metric(text) or _PLACEHOLDER.search(text + "\n" + nested):
        return None
    if _has_target(text + "\n" + nested) or _ZERO_OR_ALL.match(visible) or _zero_or_all_given(nested):
        return None
    return (_DIRECTION_ON_MEASURE.search(visible) or _MEASURE_THEN_DIRECTION.search(visible) or _MORE_PEOPLE.search(visible)
            or _LESS_TIME.search(visible) or _ACTION_MORE_OFTEN.search(visible))


#: Any word that says which way something should go: read only where the text answers how success is measured
#: ("Energy savings will go up", "fewer broken builds and shorter waits", "Weniger überfällige Rechnungen").
_SUCCESS_DIRECTION = lazy_compile(
    r"\b(?:go(?:es)?\s+(?:up|down)|fewer|shorter|higher|lower|less|more|increas\w*|decreas\w*|improv\w*|dropp?(?:s|ed)?|"
    r"ris(?:e|es|en)|fall(?:s|en)?|grow(?:s|n)?|reduc\w*|better|faster|quicker|cheaper|"
    r"mehr|weniger|höher\w*|niedriger\w*|schneller\w*|besser\w*|zufriedener\w*|"
    r"más|menos|mayor(?:es)?|menor(?:es)?|mejor(?:es)?|plus|moins|meilleur\w*)\b", re.I)


def success_direction(sentence: str) -> re.Match[str] | None:
    """Where a sentence that answers how success is measured (a success section's paragraph, a FAQ's answer, a
    MADR's confirmation) says which way anything should go and gives no number or time frame."""
    found = direction_without_target(sentence)
    if found is not None:
        return found
    visible = mask_non_prose(sentence)
    if is_not_a_metric(sentence) or _PLACEHOLDER.search(sentence) or _has_target(sentence) or _ZERO_OR_ALL.match(visible):
        return None
    for found in _SUCCESS_DIRECTION.finditer(visible):
        if not _COMPARED_OR_DONE_BY.match(visible, found.end()):
            return found
    return None


#: A comparison of two things ("more important than the frontend") or a passive ("records dropped by filters"):
#: not a direction for a measure.
_COMPARED_OR_DONE_BY = lazy_compile(r"\s+(?:[\w-]+\s+){0,2}?than\b|\s+by\b", re.I)


#: People doing something more or less often, with no figure: "Teams reply in threads more often".
#: (A word starts with a word character, so a run of dashes is not split into words: linear work.)
_ACTION_MORE_OFTEN = lazy_compile(
    r"^\W*(?:[A-Z]{1,6}-?\d+(?:\.\d+)?\W*)?(?:\w[\w-]*\s+){0,2}?(?:users|customers|people|teams|merchants|shoppers|members|admins|"
    r"developers|visitors|players|creators|agents|drivers|patients|students|readers|viewers)\s+(?:\w[\w-]*\s+){1,6}?"
    r"(?:more|less)\s+(?:often|frequently|regularly)\b", re.I)


_WORD = lazy_compile(r"[a-z]{4,}", re.I)


def quantified_elsewhere(match: re.Match[str], lines: list[str], line: int) -> bool:
    """True when another line of the document states a number about the measure `match` names
    ("Cart abandonment: 68% -> 55%" quantifies the goal "Reduce cart abandonment")."""
    measure = _MEASURE_OR_COUNTED.search(match.group(0))
    if measure is None:
        return False
    words = [word.lower() for word in _WORD.findall(match.group(0)) if word.lower() not in _DIRECTION_WORDS]
    word = measure.group(0).lower()
    stem = re.compile(r"(?<![a-z])" + re.escape(word[:max(4, len(word) - 2)]) + r"[a-z]{0,4}(?![a-z])")
    for index, text in enumerate(lines):
        if index + 1 == line:
            continue
        lowered = text.lower()
        if stem.search(lowered) and has_quantity(text) and all(word[:5] in lowered for word in words[-2:]):
            return True
    return False


_DIRECTION_WORDS = frozenset("""increase increased increases increasing reduce reduced reduces reducing improve improved
improves improving grow grows growing boost boosts lower lowers raise raises rise rises drive higher fewer less more
maximize maximise minimize minimise faster better decrease decreases decreasing shorten shorter goes down drop drops
fall falls decline declines trend trends will should must would""".split())


# "Weekly active users", "monthly churn", "annual recurring revenue": a period that names the measure
# is not a time frame for reaching it.
_PERIOD_IN_NAME = lazy_compile(
    r"\b(?:daily|weekly|monthly|quarterly|yearly|annual)\s+(?=(?:active|engagement|usage|retention|users|revenue|"
    r"recurring|sessions|visits|visitors|sign-?ups|orders|churn|spend|bookings|purchases|transactions)\b)", re.I)


# "more buyers come back each week", "orders per month go up": a frequency is part of the measure, not
# the time frame of a target (which says by when: "by Q3", "within 60 days of launch").
_FREQUENCY_IN_MEASURE = lazy_compile(r"(?<!within )(?<!under )\b(?:each|every|per)\s+(?:day|week|month|quarter|year)\b", re.I)


def _has_target(text: str) -> bool:
    """A number, count, percentage or time frame, not counting the period in a measure's name nor a frequency."""
    text = _ITEM_ID.sub(lambda match: match.group(1), text)
    text = _FIRST_IN_NAME.sub(lambda match: " " * len(match.group(0)), text)
    text = _FREQUENCY_IN_MEASURE.sub(lambda match: " " * len(match.group(0)), text)
    text = _DIGIT_IN_NAME.sub(lambda match: " " * len(match.group(0)), text)
    return has_quantity(_PERCENTILE.sub(" ", _PERIOD_IN_NAME.sub(lambda match: " " * len(match.group(0)), text)))


# "P2P users", "B2B accounts": a name with a digit inside is no number; nor the period that names a measure:
# "7-day retention", "30-day active users", "D30 retention".
_DIGIT_IN_NAME = lazy_compile(
    r"(?<![\w-])[A-Za-z]+\d+[A-Za-z]+(?![\w-])|"
    r"(?<![\w-])(?:\d{1,3}[- ](?:day|week|month)|[DWM]\d{1,3})\s+(?=(?:[\w-]+\s+)?(?:retention|churn|active|return|repeat|"
    r"engagement|conversion|activation|usage)\b)", re.I)


# "Time to first message", "first-contact resolution": "first" names the measure, it is no number.
_FIRST_IN_NAME = lazy_compile(r"\b(?:time[- ]to[- ]first|first[- ](?:contact|time|call|response|touch|week|day|session))\b", re.I)


# "KR1: ...", "G2 - ...", "O1.1": the label of a goal or key result is no number.
_ITEM_ID = lazy_compile(r"^(\W{0,6})[A-Z]{1,4}\d{1,3}(?:\.\d{1,2})?\b", re.M)


# "p99 latency": the percentile names the measure.
_PERCENTILE = lazy_compile(r"\bp\d{2}(?:\.\d{1,2})?\b", re.I)


def other_language_direction(text: str) -> re.Match[str] | None:
    """A direction given in German, Spanish, French, Italian or Portuguese ("Redução das reclamações", "Aumentare
    l'adesione"), with no number or time frame."""
    if _has_target(text) or _PLACEHOLDER.search(text):
        return None
    return _OTHER_LANGUAGE_DIRECTION.search(mask_non_prose(text))


def has_target(text: str) -> bool:
    """A number, count, percentage or time frame that can be a target (not a name with a digit, not "7-day retention")."""
    return _has_target(text)


def _zero_or_all_given(nested: str) -> bool:
    """A sub-item or Target cell that sets zero or all as the target ("All error codes are string constants")."""
    return any(_ZERO_OR_ALL.match(mask_non_prose(part)) for part in nested.replace(" | ", "\n").splitlines() if part.strip())


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
    if label and _ID_ONLY.match(label.group("label")):
        written = written[label.end() - 1:]  # "**SC-002**: Push opt-out rate ...": the metric follows its ID
        visible = mask_non_prose(written)
        label = _LABEL.match(written)
    head = label.group("label") if label else " ".join(written.split()[:4])
    if label and _DEFINITION.match(written, label.end() - 1):
        return True  # "**Resubmit usage**: Frequency of resubmit clicks": a metric defined, its target missing
    return bool(MEASURE.search(head) or _LEADING_DIRECTION.match(visible) or _DIRECTION_ON_MEASURE.search(visible)
                or _MEASURE_THEN_DIRECTION.search(visible) or _THAN_TODAY.search(visible)
                or _BARE_COMPARATIVE.search(visible) or _OTHER_LANGUAGE_DIRECTION.search(visible)
                or _MORE_PEOPLE.search(visible) or _LESS_TIME.search(visible))


#: Time spent, moved with no figure: "Admins spend less time moderating", "agents take less time per ticket".
_LESS_TIME = lazy_compile(r"\b(?:spends?|spent|spending|takes?|taking|wastes?|wasting|need|needs)\s+(?:much\s+)?(?:less|more)\s+time\b", re.I)


#: More or fewer people doing something, with no count: "More users adopt saved searches", "fewer agents escalate".
_MORE_PEOPLE = lazy_compile(
    r"^\W*(?:[A-Z]{1,6}-?\d+(?:\.\d+)?\W*)?(?:\*\*[^*\n]{1,40}\*\*:?\s*)?(?:more|fewer)\s+(?:[\w-]+\s+)?(?:users|customers|people|teams|"
    r"merchants|shoppers|buyers|sellers|members|subscribers|admins|developers|accounts|visitors|players|creators|agents|drivers|"
    r"patients|students|organi[sz]ations|companies|tenants|partners|hosts|guests|riders|readers|viewers|employees|clinicians|"
    r"operators|engineers|contributors|maintainers)\s+[a-z]", re.I)


#: Italian and Portuguese verbs that give a measure a direction, as a goal or metric opens with them.
OTHER_LANGUAGE_VERBS = (r"aumentare|migliorare|ridurre|diminuire|incrementare|accorciare|abbassare|"
                        r"reduzir|melhorar|diminuir|encurtar|baixar|elevar")

#: A target that is only a direction or a level, in any of the languages read: "in calo", "em queda", "à la baisse".
VAGUE_TARGET_WORDS = (r"in\s+(?:calo|aumento|crescita|diminuzione|miglioramento)|em\s+(?:queda|alta|crescimento|redução|baixa)|"
                      r"a\s+la\s+(?:baja|alza)|al\s+alza|en\s+(?:baisse|hausse)|à\s+la\s+(?:baisse|hausse)|"
                      r"steigend|sinkend|rückläufig|höher|niedriger|mayor|menor|más\s+alt[oa]|más\s+baj[oa]")

#: A direction in German, Spanish or French, leading ("Mejorar la satisfacción", "Kundenzufriedenheit
#: erhöhen") or ending the metric ("Die Kundenzufriedenheit steigt", "le taux de churn diminue").
_OTHER_LANGUAGE_DIRECTION = lazy_compile(
    r"^\W*(?:[A-Z]{1,6}-?\d+(?:\.\d+)?\W*)?(?:\*\*[A-Z]{1,6}-?\d+(?:\.\d+)?\*\*\W*)?(?:aumentar|mejorar|incrementar|reducir|disminuir|elevar|"
    r"erhöhen|steigern|verbessern|senken|reduzieren|verringern|augmenter|améliorer|réduire|diminuer|accroître|"
    # Italian and Portuguese ("Aumentare l'adesione", "Reduzir as reclamações")
    + OTHER_LANGUAGE_VERBS + r"|"
    # a direction named as a noun: "Redução das reclamações", "Riduzione dei reclami", "Reducción de quejas"
    r"(?:redução|reducción|riduzione|réduction|aumento|incremento|augmentation|melhoria|miglioramento|mejora|amélioration|"
    r"diminuição|diminuzione|disminución|diminution|Senkung|Steigerung|Verbesserung|Reduktion|Verringerung)\s+"
    r"(?:d[aeiou]s?|dell[aeo']?|degli|dei|del|de\s+la|de\s+los|de\s+las|de|des|du|der|des|von|na|no|in|of)\b)\b|"
    r"\b(?:aumenta[nr]?|mejora[nr]?|disminuye[nr]?|sube[nr]?|baja[nr]?|crece[nr]?|steigt|steigen|sinkt|sinken|wächst|wachsen|"
    r"nimmt\s+(?:zu|ab)|nehmen\s+(?:zu|ab)|verbessert\s+sich|verbessern\s+sich|erhöht\s+sich|verringert\s+sich|"
    r"augmente(?:nt)?|diminue(?:nt)?|baisse(?:nt)?|s'améliore(?:nt)?|progresse(?:nt)?|"
    r"cala(?:no)?|cresce(?:m|ono)?|diminui(?:sce|scono|em)?|migliora(?:no)?|melhora(?:m)?|"
    r"(?:erhöhen|steigern|verbessern|senken|reduzieren|verringern))[\s*_]*(?:[.;!]|$)",
    re.I)


# "Users export reports faster than today": a comparison with now is a direction, not a target.
_THAN_TODAY = lazy_compile(
    r"\b(?:faster|slower|fewer|less|more|higher|lower|better|cheaper|quicker|shorter|smaller)\s+(?:[\w-]+\s+){0,3}?than\s+"
    r"(?:today|before|now|currently|at\s+present|the\s+(?:current|old|existing|legacy|previous)\b|(?:the\s+)?baseline|last\s+\w+)",
    re.I)


# "Returning shoppers complete checkout faster.": a comparison that ends the criterion, with nothing to compare to.
_BARE_COMPARATIVE = lazy_compile(
    r"\b(?:faster|quicker|sooner|slower|cheaper|more\s+(?:quickly|often|easily|reliably|accurately|frequently)|"
    r"less\s+(?:often|frequently))(?=[\s*_]*(?:[.;!]|$))",
    re.I)


#: A label that is only an ID: "SC-002", "KR1", "M3".
_ID_ONLY = lazy_compile(r"^[A-Z]{1,6}-?\d{1,4}(?:\.\d{1,3})?\W*$")


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
    if _has_target(own_text + "\n" + nested_text) or _ZERO_OR_ALL.match(visible) or _zero_or_all_given(nested_text):
        return False
    if strict:
        return names_a_measure_or_direction(own_text)
    return bool(MEASURE.search(visible))


#: An outcome judged by how people feel about it, which only a survey with a number can measure: "matches feel fair
#: to players", "it feels stable and sales are happy with it", "riders find fare capping easy to understand",
#: "los vendedores están más satisfechos", "Nutzer sind zufriedener", "les clients sont satisfaits".
_PERCEIVED = lazy_compile(
    r"(?<![\w-])(?:feels?|feeling|seems?)\s+(?:more\s+|less\s+|very\s+|really\s+)?(?:fair|stable|fast|faster|snappy|snappier|"
    r"smooth|natural|easy|easier|intuitive|right|good|better|safe|safer|reliable|responsive|simple|simpler|seamless|"
    r"balanced|polished|trustworthy|consistent)\b|"
    r"(?<![\w-])(?:are|is|were|feel|be|remain|stay|get|become)\s+(?:more\s+|very\s+|really\s+|much\s+)?(?:happy|happier|satisfied|"
    r"delighted|pleased|comfortable|confident|content)\b|"
    r"(?<![\w-])(?:find|finds|found)\s+(?:[\w'-]+\s+){1,5}?(?:easy|easier|intuitive|simple|simpler|clear|clearer|useful|"
    r"helpful|convenient|fair|pleasant|enjoyable)\b|"
    r"(?<![\w-])(?:love|loves|enjoy|enjoys)\s+(?:the|it|this|using|our|their|its)\b|"
    # German, Spanish, French
    r"(?<![\w-])(?:zufrieden\w*|begeistert|fühl\w*\s+sich\s+\w+|satisfech[oa]s?|content[oa]s?|contentos|se\s+sienten\s+\w+|"
    r"les\s+resulta\s+f[aá]cil|satisfaits?|satisfaites?|ravis?|se\s+sentent\s+\w+|trouvent\s+\w+\s+(?:facile|simple))\b"
    r"|(?:mejorar|verbessern|améliorer)\s+(?:la|die|l['’])\s*(?:experiencia|erfahrung|erlebnis|expérience)\b",
    re.I,
)
#: A direction made big with an adverb instead of a number: "drop significantly", "improve noticeably",
#: "Reduce seller churn significantly", "a significant reduction", "deutlich senken", "reducir notablemente".
_INTENSIFIED = lazy_compile(
    r"(?<![\w-])(?:increas|decreas|improv|reduc|dropp?|fall|ris(?:e|es|ing)\b|grow|declin|lower|rais|boost|cut|shrink|shorten|"
    r"go(?:es)?\s+(?:up|down)|verbesser|senk|reduzier|steiger|erhöh|verringer|mejor|reduc|aument|disminu|baj|amélior|rédui|"
    r"augment|diminu|baiss)\w*\s+(?:[\w'-]+\s+){0,5}?"
    r"(?:significantly|substantially|considerably|dramatically|markedly|noticeably|visibly|meaningfully|greatly|massively|"
    r"sharply|a\s+lot|deutlich|erheblich|spürbar|merklich|significativamente|notablemente|considerablemente|sensiblement|"
    r"significativement|nettement|considérablement)\b|"
    r"(?<![\w-])(?:significantly|substantially|considerably|dramatically|markedly|noticeably|greatly|deutlich|erheblich|spürbar|"
    r"significativement|nettement|considérablement)\s+(?:increas|decreas|improv|reduc|lower|rais|boost|fewer|less|more|better|"
    r"higher|shorter|faster|verbesser|senk|reduzier|steiger|erhöh|verringer|weniger|mehr|höher|améliorer|réduire|augmenter)\w*|"
    r"(?<![\w-])(?:significant|substantial|considerable|dramatic|marked|noticeable|meaningful|measurable|visible|sharp|"
    r"deutliche[nr]?|erhebliche[nr]?|spürbare[nr]?|significativa|notable|considerable|significative|nette|sensible)\s+"
    r"(?:increase|decrease|improvement|reduction|drop|fall|rise|growth|gain|decline|uplift|lift|Verbesserung|Senkung|Reduktion|"
    r"Steigerung|Rückgang|mejora|reducción|aumento|disminución|amélioration|réduction|augmentation|baisse|hausse)\b",
    re.I,
)
#: A figure that scopes who or what is measured rather than where it should go: "among sellers with more than 50
#: orders a month", "for teams of 10 or more", "in the 3 largest markets".
_SCOPE = lazy_compile(
    r"\b(?:among|for|of|in|across|bei|unter|entre|para|de|pour|parmi)\s+(?:the\s+|los\s+|las\s+|les\s+|den\s+|die\s+)?"
    r"(?:[\w'-]+\s+){0,3}?(?:with|who|whose|that|having|mit|die|con|que|avec|qui)\b[^.;\n]*", re.I)


#: The unit of the measure, not a target: "totes delivered per hour".
_RATE_UNIT = lazy_compile(r"\b(?:per|an?)\s+(?:second|minute|hour|day|week|month|shift)\b", re.I)


def perceived_outcome(text: str) -> re.Match[str] | None:
    """Where `text` states an outcome as how people feel about it, with no number or time frame a survey could check."""
    visible = mask_non_prose(text)
    if _PLACEHOLDER.search(text) or has_quantity(text) or _has_target(text):
        return None
    return _PERCEIVED.search(visible)


def intensified_direction(text: str) -> re.Match[str] | None:
    """Where `text` gives a direction an adverb of size ("drop significantly", "a noticeable improvement") and no
    number; a figure that only scopes who is measured ("among sellers with more than 50 orders a month") is no target."""
    visible = mask_non_prose(text)
    if _PLACEHOLDER.search(text):
        return None
    unscoped = _RATE_UNIT.sub(" ", _SCOPE.sub(" ", visible))
    if _has_target(unscoped):
        return None
    return _INTENSIFIED.search(unscoped)


#: What a success section says it will look at, with nothing that passes or fails: "Ranked matches with at least one party, win rate for solo-only teams, and lapsed-player return
#: in Season 9 versus Season 8".
#: A bound a result is held to: "at least 45%", "under 2 minutes", "from 12% to 8%", "doubles", "≥ 0.9".
_BOUND = lazy_compile(
    r"\b(?:at\s+least|at\s+most|no\s+(?:more|less|fewer)\s+than|more\s+than|less\s+than|fewer\s+than|under|below|above|"
    r"over|up\s+to|within|by|to|from|between|of|exceeds?|reach(?:es)?|stays?|remains?)\s+(?:about\s+|around\s+)?[$€£]?\d|"
    r"\d\s*(?:%|percent|pp|points?)|[<>≤≥]=?\s*\d|\b(?:doubles?|halves|halved|triples?|twice|half|target|goal|threshold|"
    r"acceptable\s+range|fair\s+if|counts?\s+as|no|zero|none|never|all|every)\b", re.I)
#: A figure in a name, a scope or a window: "with at least one party", "Season 9 versus Season 8".
_NAMED_FIGURE = lazy_compile(
    r"\bwith\s+(?:at\s+least\s+)?(?:one|a|an|two|\d+)\s+[\w-]+|\b(?:season|sprint|release|version|v|wave|phase|"
    r"q[1-4]|h[12]|cohort)\s*\d+\b", re.I)


_AND = lazy_compile(r"\b(?:and|or|y|und|et)\b", re.I)
#: A list of what is looked at names things; a sentence with a verb says something about them.
_CLAUSE_VERB = lazy_compile(r"\b(?:is|are|was|were|be|been|will|shall|must|should|can|could|would|may|has|have|had|does|do|"
                            r"did|\w+s\s+(?:the|that|a|an|every|each|its|their)|ist|sind|wird|es|son|est|sont)\b", re.I)


def measures_without_target(sentence: str) -> re.Match[str] | None:
    """Where a sentence that answers how success is measured names what will be looked at and no value that passes:
    two or more measures or outcomes in a verbless list, with no bound ("We track conversion in Amplitude" says how
    a measure is read, and is not flagged)."""
    visible = mask_non_prose(sentence)
    if _PLACEHOLDER.search(sentence) or is_not_a_metric(sentence) or sentence.rstrip().endswith(":"):
        return None
    unnamed = _NAMED_FIGURE.sub(" ", _SCOPE.sub(" ", visible))
    if _BOUND.search(unnamed) or has_quantity(_NAMED_FIGURE.sub(" ", visible)) and _BOUND.search(visible):
        return None
    measures = list(_MEASURE_OR_COUNTED.finditer(visible))
    if not measures:
        return None
    looked_at = len(measures) + len(_OUTCOME_COUNTED.findall(visible))
    if looked_at >= 2 and visible.count(",") >= 1 and _AND.search(visible) and not _CLAUSE_VERB.search(visible):
        return measures[0]  # a list of measures, not a sentence about them
    return None


#: A pass condition that names a sufficiency and not its level: "delta updates are reliable enough", "the new index
#: proves fast enough", "is sufficiently stable", "deemed adequately secure". The threshold exists only in the
#: author's head; "enough" followed by what it is enough for ("enough memory to ...") is a quantity, not a verdict.
_SUFFICIENCY = lazy_compile(
    r"\b(?:is|are|be|been|being|was|were|remains?|stays?|proves?|proven|seems?|looks?|deemed|considered)\s+"
    r"(?:(?:not\s+|still\s+|also\s+)?(?:[a-z]+ly\s+)?[a-z]{3,}\s+enough\b(?!\s+(?:to|for|that)\b)"
    r"|(?:sufficiently|adequately|acceptably)\s+[a-z]{3,})",
    re.I,
)


def judged_sufficiency(sentence: str) -> re.Match[str] | None:
    """Where `sentence` passes on a sufficiency nobody set ("updates are reliable enough", "is sufficiently stable"),
    with no figure beside it that would say how much is enough."""
    visible = mask_non_prose(sentence)
    if _PLACEHOLDER.search(sentence) or has_quantity(sentence):
        return None
    return _SUFFICIENCY.search(visible)


def states_a_bound(text: str) -> bool:
    """True when `text` holds a bound anywhere ("at least 72 hours", "under 5%", "no P1 bugs") or a requirement."""
    return bool(_BOUND.search(mask_non_prose(text)) or _REQUIRED.search(text))


_REQUIRED = lazy_compile(r"\b(?:must|shall|MUST|SHALL|REQUIRED)\b")
#: What a product counts as outcomes beside its measures: "matches with at least one party", "lapsed-player return".
_OUTCOME_COUNTED = lazy_compile(
    r"(?<![\w-])(?:matches|games|trips|rides|bookings|purchases|returns?|renewals|referrals|reviews|ratings|replies|"
    r"cancellations|refunds|disputes|escalations|repeat\s+[\w-]+)(?![\w-])", re.I)


# --- a target on a workload nobody sized -------------------------------------------------------

# A target measured on a workload nobody defined: "in under 10 seconds for typical repositories".
# The qualifier is followed by a noun; a number in the phrase or a parenthesis after it defines the
# workload ("typical file sets (10-50 files)", "typical 10GB volumes") and is not flagged.
_UNDEFINED_WORKLOAD = lazy_compile(
    r"\b(?:for|on|with|across|under)\s+(?:an?\s+|the\s+)?(?P<phrase>(?:typical|normal|common|average|standard|regular|usual|realistic|"
    r"representative)\s+(?P<noun>[a-z][a-z-]*(?:\s+(?!(?:and|or|with|in|on|of|for|to|at|is|are)\b)[a-z][a-z-]*)?))",
    re.I,
)
_DEFINED_AFTER = lazy_compile(r"^[a-z\s-]{0,40}[(\[:]|^\s*(?:of|with|up\s+to|between)\s+\S*\d", re.I)


_FIGURE = lazy_compile(r"\d")


def undefined_workload(segments: list[TextSegment]) -> tuple[Span, str] | None:
    """Where a quantified target holds for a "typical", "normal" or "standard" workload that the
    statement never sizes ("in under 10 seconds for typical repositories"), and the phrase; None when
    there is none or the workload is sized ("typical file sets (10-50 files)")."""
    for hit in search(_UNDEFINED_WORKLOAD, segments):
        text = hit.match.string
        rest = text[hit.match.end("noun"):]
        if _DEFINED_AFTER.match(rest) or has_quantity(rest.split(".")[0].split(";")[0]):
            continue
        # the figure the workload qualifies comes first in its clause: "within 5 minutes for typical
        # work items", not "(as Requirement 16 does); the round-trip is correct for representative IDs"
        begin = sentence_bounds(text, hit.match.start(), hit.match.end())[0]
        clause = text[begin:hit.match.start()].rsplit(";", 1)[-1]
        if not (_FIGURE.search(without_ids(clause)) and has_quantity(clause)):
            continue
        return group_span(segments, hit.match, "phrase"), hit.match.group("phrase")
    return None


# --- a requirement held under a load nobody sized ----------------------------------------------

# The noun itself names a load ("for typical usage", "under normal load", "during average traffic"), so the
# phrase is an unsized workload even where the requirement gives no figure: "MUST run for weeks without a
# restart for typical usage" cannot fail. Sized: "under normal load (200 requests/s)", "typical usage of 50 users".
_UNSIZED_LOAD = lazy_compile(
    r"\b(?:for|under|with|during|in|at)\s+(?:an?\s+|the\s+)?(?P<phrase>(?:typical|normal|average|regular|usual|expected|"
    r"everyday|day-to-day)\s+(?:usage|use|loads?|traffic|workloads?))(?![\w-])",
    re.I,
)


def unsized_load(segments: list[TextSegment]) -> tuple[Span, str] | None:
    """Where a requirement holds under a load named only "typical", "normal" or "average" ("without restarts
    for typical usage"), and the phrase; None when there is none or the load is sized right after it."""
    for hit in search(_UNSIZED_LOAD, segments):
        rest = hit.match.string[hit.match.end("phrase"):]
        # sized in the phrase itself: a comma ends it ("under normal load, p95 stays under 300 ms" gives a target)
        if _DEFINED_AFTER.match(rest) or has_quantity(_PHRASE_END.split(rest, 1)[0]):
            continue
        return group_span(segments, hit.match, "phrase"), hit.match.group("phrase")
    return None


_PHRASE_END = lazy_compile(r"[,.;]")


# --- a reduction whose only "how much" is how it is done -----------------------------------------

# "Setup time is reduced by eliminating per-language actions": "by" leads to a means, not to an amount ("by 40%").
_BY_MEANS = lazy_compile(r"\s+by\s+(?:[a-z]+ly\s+)?[a-z]+ing\b", re.I)


def reduction_by_means(text: str) -> re.Match[str] | None:
    """Where `text` says a measure moves ("setup time is reduced") by a means ("by eliminating per-language setup
    actions") and gives no figure for the measure: the counts of the means ("via a single step") size the means,
    not the reduction. None when a digit or a time frame is given anywhere (a baseline or a target)."""
    visible = mask_non_prose(text)
    direction = _MEASURE_THEN_DIRECTION.search(visible)
    if direction is None or not _BY_MEANS.match(visible, direction.end()):
        return None
    figures = _ITEM_ID.sub(lambda match: match.group(1), without_ids(visible))
    if any(char.isdigit() for char in figures) or has_quantity(figures[:direction.end()]):
        return None
    return direction
