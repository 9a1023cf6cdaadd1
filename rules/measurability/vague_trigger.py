"""MS012 vague-trigger: a behaviour the system applies past an amount the document never gives ("too often", "for a while")."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Section
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Subsumes, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import profile_name
from speclint.reading.named_limits import stated_with_quantity
from speclint.reading.normative import Hit, has_quantity, is_descriptive, is_user_story, search, statements
from speclint.reading.wording import SKIP_PROFILES_HELP
from speclint.rules.measurability.limit_without_value import _PROPOSALS, scenario_blocks, without_outline_number

_I = re.I
_UNITS_EN = r"(?:seconds|minutes|hours|days|weeks|months|tries|attempts|failures|retries|reminders|cycles|runs|polls)"
#: The amount that triggers the behaviour, left in words. Each alternative names what it leaves out.
_TRIGGER = lazy_compile(
    # an excess: "cancels too often", "lags too far behind", "sends too many requests", "silent for too long"
    r"(?P<excess>\btoo\s+(?:often|frequently|many|far|long|slow(?:ly)?|low|high|late|old|big|large|small)\b(?!\s+(?:to|for)\b)|"
    r"\bzu\s+(?:oft|häufig|viel(?:e|en|er)?|lange|weit|spät|niedrig|hoch|groß(?:e|en|er)?)\b|"
    r"\b(?:troppo|troppi|troppe|demais|trop\s+nombreu\w*)\b|"
    r"\bdemasiad[oa]s?\s+(?:veces|tiempo|tarde|lejos|intentos|solicitudes|peticiones)\b|\bdemasiado\s+(?:tiempo|tarde|lejos)\b|"
    r"\btrop\s+(?:souvent|longtemps|loin|tard|bas|haut|de\s+(?:requêtes|tentatives|demandes|fois))\b)|"
    # a span in words: "for a while", "after some time", "for a long time", "a few days", "einigen Tagen"
    r"(?P<span>\b(?:for|after|in|within)\s+(?:a\s+(?:little\s+|long\s+)?while|some\s+time|a\s+long\s+time|a\s+few\s+" + _UNITS_EN + r"|"
    r"several\s+" + _UNITS_EN + r")\b|\bafter\s+(?:a\s+few|several)\s+(?:[\w-]+\s+)?" + _UNITS_EN + r"\b|"
    r"\b(?:for|after|within)\s+(?:the|our|its|their)\s+(?:usual|standard|normal|customary|regular|agreed)\s+"
    r"(?:period|time|retention(?:\s+period)?|duration|interval|window)\b|"
    r"\b(?:nach|seit|in)\s+(?:einigen|ein\s+paar|mehreren)\s+(?:Tagen|Stunden|Minuten|Wochen|Monaten|Versuchen)\b|"
    r"\b(?:nach|seit)\s+(?:längerer\s+Zeit|einer\s+Weile)\b|"
    r"\b(?:en|tras|después\s+de|durante)\s+(?:unos|unas|algunos|algunas|varios|varias)\s+(?:días|horas|minutos|semanas|meses|intentos)\b|"
    r"\b(?:después\s+de|tras|durante)\s+(?:un\s+tiempo|algún\s+tiempo|mucho\s+tiempo)\b|"
    r"\b(?:après|pendant|depuis|sous)\s+(?:quelques|plusieurs)\s+(?:jours|heures|minutes|semaines|mois|tentatives)\b|"
    r"\bdepuis\s+(?:longtemps|un\s+certain\s+temps)\b)|"
    # a size in words: "refunds above a large amount", "over a certain number of seats"
    r"(?P<size>\b(?:above|over|exceeding|beyond|below|under|more\s+than|less\s+than)\s+(?:a|an|the)\s+(?:large|high|certain|small|low|"
    r"significant|given|specific|predefined|set)\s+(?:amount|number|value|sum|total|size|level|threshold)\b)|"
    # a level in words a measure reaches: "when stock runs low", "if the battery is low", "when the queue gets long"
    r"(?P<level>\b(?P<measure>stock|inventory|balance|battery|credits?|disk(?:\s+space)?|storage|memory|cpu(?:\s+usage)?|load|traffic|"
    r"demand|latency|error\s+rate|queue|backlog|temperature|signal|fuel|funds|supply|capacity|usage|lag|soc|state\s+of\s+charge|"
    r"charge|ink|toner|tank|pressure|humidity|occupancy|utili[sz]ation|wait(?:ing)?\s+time|risk\s+score|confidence)\s+"
    r"(?:(?:levels?|wait|time|size|depth|length)\s+)?"
    r"(?:is|are|gets?|runs?|falls?|drops?|becomes?|goes|grows?|rises?|climbs?|gets)\s+(?:too\s+|very\s+|critically\s+|"
    r"dangerously\s+|unusually\s+)?(?:low|high|full|long)\b)|"
    # a budget never given: "within the serving latency budget"
    r"(?P<budget>\bwithin\s+(?:the|our|its|their)\s+(?:[\w-]+\s+)?(?:latency|response[- ]time|performance|time|render(?:ing)?|load)"
    r"\s+budget\b)",
    _I,
)
#: "Large spreadsheets are imported by a batch worker": a size, opening the sentence, sends things down another path.
_LARGE_SUBJECT = lazy_compile(
    r"(?:^|(?<=[.!?]\s))(?P<size>(?:Very\s+)?(?:Large|Big|Huge|Oversized)\s+[a-z][\w-]*s)\s+(?:are|get|go|need|must|shall|will|should)\b")
#: What makes the amount a trigger: a condition, a relative clause or a time the behaviour waits for.
_CONDITION = lazy_compile(r"\b(?:if|when|whenever|once|after|until|unless|who|that(?!\s+(?:is|was|would|will)\b)|whose|which|where|wenn|falls|sobald|die|der|"
                          r"si|cuando|que|quand|lorsque|qui|se|quando|"
                          # the amount qualifies what is acted on: "schemas with too many fields are rejected"
                          r"with|mit|con|avec|com)\b", _I)
#: The behaviour must be the system's: something is done, or must be.
_CONSEQUENCE = lazy_compile(
    r"\b(?:must|shall|should|will|needs?|requires?|triggers?|(?:is|are|gets?|be)\s+(?:automatically\s+)?[a-z]+(?:ed|en|wn|ne|lt|pt)|goes|go|moves?|"
    r"loses?|lose|marks?|falls?\s+back|switch(?:es)?|drops?|limits?|blocks?|throttles?|pauses?|locks?|escalates?|closes?|"
    r"cancels?|sends?|offers?|asks?|jumps?|retries|removes?|takes?|reaps?|deletes?|archives?|expires?|"
    r"SOLL|MUSS|DEBE|DOIT|wird|werden|se\s+\w+|est|sont)\b|"
    # "If the queue wait gets too long, we widen the search": the team's system acts
    r"\bwe\s+(?:then\s+)?(?!(?:can|could|might|may|would|don't|do|did|are|were|have|had|think|believe|expect|hope|want|need|saw|"
    r"see|know|found|noticed|learned|heard|lose|lost|get|got)\b)[a-z]{3,}\b", _I)
_QUESTION = lazy_compile(r"\?\s*(?:\*\*|__)?\s*$")
#: "not too many", "never too long": the amount is said not to be reached.
_NEGATED = lazy_compile(r"\b(?:not|never|no)\s+$", _I)
#: A span that is itself the moment something happens: "after some time", "depuis longtemps", "nach einigen Tagen".
_SELF_CONDITION = lazy_compile(r"^(?:after|nach|seit|tras|después|après|depuis)\b", _I)
#: Decisions of an ADR, and the drivers a MADR weighs them by.
_DECISION_OR_DRIVERS = lazy_compile(r"\bdecision\b|\bdecided\b|\b(?:Entscheidung|decisión|décision|decisione|decisão|besluit)\b", _I)
#: What the words "budget" and "large" stand for, given a value elsewhere: "| Latency budget | 40 ms |".
_LINE_MARKER = lazy_compile(r"^\s*(?:>\s*)*(?:[-*+]|\d{1,3}(?:\.\d{1,3})*[.)])\s+")
_BUDGET_HEAD = lazy_compile(r"(?P<head>latency|response[- ]time|performance|time|render(?:ing)?|load)\s+budget", _I)


class VagueTrigger(Rule):
    """Flags a behaviour the system applies past an amount it leaves in words: "too often", "for a while", "a large amount".

    **What it flags.** A statement that makes the system act when an amount is reached, and gives
    the amount in words:
    - an excess: "drivers who cancel too often lose priority", "if a replica lags too far behind, it
      is taken out of the pool", "a device that sends too many readings is blocked", "WHEN a sensor
      has been silent for too long THEN ...";
    - a span in words: "if the recipient does not answer for a while, the parcel goes to a locker",
      "environments are destroyed after some time without pushes", "after a few unanswered codes,
      offer a voice call", "artifacts are retained for the standard period";
    - a size in words: "refunds above a large amount need approval", "large spreadsheets are
      imported by a batch worker";
    - a budget never given: "reads must stay within the request latency budget";
    - a level in words that a measure reaches: "when stock runs low, the manager is notified", "if
      the battery is low, uploads pause", "WHEN its SoC is low THEN ...", "if the queue wait gets too
      long, we widen the search" (not when another line gives the level: "**Low SoC**: 25%");
    - the condition of a Gherkin scenario in a code block, when the scenario has an outcome: "When
      the customer waits too long before paying / Then the seats are released".

    The same in German, Spanish and French ("nach einigen Tagen ohne Antwort", "si el cliente no
    responde en unos días", "les comptes inactifs depuis longtemps sont archivés"), an excess in
    Italian and Portuguese ("troppi"), and an excess that qualifies what is acted on: "uploads with
    too many pages are rejected", "Schemas mit zu vielen Feldern werden abgelehnt" (a number in
    another clause, "..., damit niemand 1:1 ...", says nothing of it). An ADR's decision is found
    under its heading in those languages too ("Entscheidung", "Decisión", "Décision").

    The amount must trigger something the system does: it stands in a condition or a relative clause
    ("if", "when", "who", "after"), and the statement says what then happens ("is blocked", "goes to",
    "must", "loses", "we widen"). Not flagged: a statement with a number in the same clause ("scales
    between 4 and 200 runners, and idle runners are reaped after a while" is flagged), a budget whose value another line gives
    ("| Latency budget | 40 ms |"), background and problem statements, user stories, questions,
    negations ("never too long"). Design proposals (KEPs, RFCs) are read only in statements with a
    requirement ID (option `skip-profiles`); an ADR in its decision and decision drivers.

    **Why it matters.** "Too often" is the threshold the code needs and the test checks. Left in
    words, the engineer picks a number in review, support cannot tell a customer why it happened, and
    the test has nothing to pass or fail.

    **Example**

    ```markdown
    - Drivers who cancel accepted rides too often lose priority dispatch.
    ```

    **Use instead**

    ```markdown
    - Drivers who cancel more than 3 accepted rides in 7 days lose priority dispatch for 7 days.
    ```
    """

    id = "MS012"
    name = "vague-trigger"
    category = Category.MEASURABILITY
    default_level = Level.WARNING
    # Makes redundant where they meet (one defect, one finding): 'after a few tries' holds the vague word 'a few'
    subsumes = (Subsumes(("WD001", "WD006", "WD008")),)
    options = (Option("skip-profiles", "list[str]", list(_PROPOSALS), SKIP_PROFILES_HELP),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        proposal = profile_name(context) in set(context.options["skip-profiles"])
        adr = profile_name(context) == "adr"
        for statement in statements(document):
            if proposal and not statement.requirement_id:
                continue
            if adr and not statement.requirement_id and not _in_decision(statement.section):
                continue
            if is_descriptive(statement.section) or is_user_story(statement.text):
                continue
            if statement.text.rstrip(" *_").endswith(":"):
                continue  # "A listing is demoted when its seller is silent for a while, as follows:" and a table of values
            for pattern in (_TRIGGER, _LARGE_SUBJECT):
                hit = next((each for each in search(pattern, statement.segments) if _triggers(each, pattern, statement.kind == "table-cell")), None)
                if hit is None:
                    continue
                if pattern is _TRIGGER and hit.match.group("measure") and _level_given(document, hit):
                    continue  # "- **Low SoC**: 25%" gives the level of "when its SoC is low"
                if hit.match.group("size") is None and pattern is _TRIGGER and hit.match.group("budget"):
                    head = _BUDGET_HEAD.search(hit.match.group(0))
                    if head is not None and _budget_given(head.group("head"), document.lines, hit.span.start.line):
                        continue
                written = " ".join(hit.match.group(0).split())
                yield Violation(hit.span, f"'{written}': how much exactly? State the amount that triggers this, so it "
                                          f"can be built and tested")
                break
        if not proposal:
            yield from _in_scenario_conditions(document)


_STEP = lazy_compile(r"^\s*(?P<keyword>Given|When|Then|And|But)\b", _I)


def _in_scenario_conditions(document: Document) -> Iterator[Violation]:
    """The conditions of Gherkin scenarios in code blocks ("When the customer waits too long before paying")
    followed by an outcome ("Then the seats are released"): the scenario is the trigger and its consequence."""
    from speclint.document.text import find_all

    for block in scenario_blocks(document):
        pending: list[Violation] = []  # vague conditions of the current scenario, waiting for its "Then"
        in_outcome = False
        for segment in block.lines:
            step = _STEP.match(segment.text)
            if step is None:
                if segment.text.strip():
                    pending, in_outcome = [], False  # "Scenario: ...", a table row: another part begins
                continue
            keyword = step.group("keyword").lower()
            if keyword == "then":
                yield from pending
                pending, in_outcome = [], True
                continue
            if keyword in ("given", "when") or not in_outcome:
                in_outcome = False
                if has_quantity(segment.text):
                    continue
                found = next(iter(find_all(_TRIGGER, [segment], visible_only=False)), None)
                if found is None or _NEGATED.search(segment.text[:found[0].start()]):
                    continue
                written = " ".join(found[0].group(0).split())
                pending.append(Violation(found[1], f"'{written}': how much exactly? State the amount that triggers "
                                                   f"this, so it can be built and tested"))


#: A table cell this short that gives a span in words is the value of a timing column.
_CELL_WORDS = 8


def _triggers(hit: Hit, pattern: re.Pattern[str], in_cell: bool) -> bool:
    """The amount triggers a behaviour of the system: a condition before it (or the amount opens the
    sentence as its subject), a consequence in the sentence, no number, no question, no negation."""
    sentence = hit.sentence
    if _QUESTION.search(sentence) or has_quantity(without_outline_number(_clause(sentence, hit.match.group(0)))):
        return False
    line_end = hit.match.string.find("\n", hit.match.end())
    if "?" in hit.match.string[hit.match.end(): line_end if line_end >= 0 else len(hit.match.string)]:
        return False  # a FAQ's question over its answer: "**What happens when my battery runs low?**"
    before = hit.match.string[max(0, hit.match.start() - 60): hit.match.start()]
    if _NEGATED.search(before):
        return False
    if pattern is _LARGE_SUBJECT:
        return True
    lead = sentence[: max(0, sentence.find(hit.match.group(0)))]
    if in_cell and hit.match.group("span") and len(sentence.split()) <= _CELL_WORDS:
        return True  # "| E2 – Team lead | after a few days without an answer |": the cell is the moment
    if not (_SELF_CONDITION.search(hit.match.group(0)) or _CONDITION.search(lead) or hit.match.group("size")
            or hit.match.group("budget")):
        return False
    return bool(_CONSEQUENCE.search(sentence))


def _in_decision(section: Section) -> bool:
    return any(each.heading is not None and bool(_DECISION_OR_DRIVERS.search(each.title)) for each in (section, *section.ancestors()))


def _budget_given(head: str, lines: list[str], line: int) -> bool:
    """True when another line gives the budget a value: "| Latency budget, product page read | 40 ms at p99 |"."""
    for index, text in enumerate(lines, start=1):
        if index == line or not any(char.isdigit() for char in text):
            continue
        written = _LINE_MARKER.sub("", text)  # "1. Reads must stay within the budget": a list number is no value
        if any(found.group("head").lower() == head.lower() for found in _BUDGET_HEAD.finditer(written)) and has_quantity(written):
            return True
    return False


_LEVEL_WORD = lazy_compile(r"(?:low|high|full|long)$", _I)


def _level_given(document: Document, hit: Hit) -> bool:
    """True when another line gives the level a value: "Low SoC: 25 %", "| Low stock threshold | 5 units |"."""
    level = _LEVEL_WORD.search(hit.match.group("level"))
    measure = hit.match.group("measure").split()
    if level is None:
        return False
    return stated_with_quantity(document, [level.group(0), *measure], hit.span.start.line, hit.span.end.line)


#: Where a clause of its own begins: "scales between 4 and 200 runners, and idle runners are reaped after a while".
_CLAUSE_BREAK = lazy_compile(r";|,\s+(?:and|but|so|while|whereas|"
                             # the same clauses in German, Spanish, French, Italian, Portuguese: "..., damit niemand ..."
                             r"und|aber|damit|sodass|weil|während|y|pero|para\s+que|mientras|et|mais|afin\s+que|tandis\s+que|"
                             r"e|ma|affinché|perché|mentre|mas|para\s+que|enquanto)\s", _I)


def _clause(sentence: str, written: str) -> str:
    """The clause of `sentence` that holds `written`: a number in another clause says nothing of its amount."""
    at = sentence.find(written)
    if at < 0:
        return sentence
    begin = 0
    for found in _CLAUSE_BREAK.finditer(sentence, 0, at):
        begin = found.end()
    end = _CLAUSE_BREAK.search(sentence, at + len(written))
    return sentence[begin: end.start() if end else len(sentence)]
