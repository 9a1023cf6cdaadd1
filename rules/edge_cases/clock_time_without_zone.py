"""EC008 clock-time-without-zone: a product used in several countries acts at a clock time and never names the zone."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import document_prose
from speclint.reading.normative import normative_statements, search
from speclint.reading.requirements import specifies_behaviour

#: A clock time the product acts at, in one sentence with what it does then: "sends the reminder at
#: 18:00", "Order before 14:00 and we ship today", "charged at 9 am", "closes at midnight".
_TIME = r"(?:\b(?:[01]?\d|2[0-3]):[0-5]\d\b|\b(?:1[0-2]|[1-9])\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)|\bmidnight\b|\bnoon\b)"
_ACTION = (r"(?:send\w*|sent|remind\w*|notif\w*|push(?:es|ed)?|emails?|emailed|SMS|texts?|texted|runs?|ran|job|"
           r"charg\w*|bill\w*|deliver\w*|publish\w*|clos(?:e|es|ed|ing)|opens?|cut-?off|deadline|expir\w*|reset\w*|"
           r"renew\w*|dispatch\w*|ship(?:s|ped|ping)?|orders?|ordered|book(?:s|ed|ing)?|cancel\w*|pay(?:s|ment)?|"
           r"payouts?|collect\w*|count(?:s|down)?|digest)")
SCHEDULED = lazy_compile(
    rf"\b{_ACTION}\b[^.!?\n\x00]{{0,80}}?{_TIME}|{_TIME}[^.!?\n\x00]{{0,80}}?\b{_ACTION}\b",
    re.I,
)
_CLOCK = lazy_compile(_TIME, re.I)
#: Any word that says which clock: a zone, UTC, local time, an IANA name, "the clinic's time".
ZONE = lazy_compile(
    r"\b(?:time\s?zones?|timezones?|UTC|GMT|CES?T|EES?T|WES?T|BST|IST|JST|KST|AES?T|AEDT|[ECMP][SD]T|[ECMP]T|"
    r"local\s+(?:time|hours?|clock)|Ortszeit|Zeitzone|hora\s+local|zona\s+horaria|heure\s+locale|fuseau\s+horaire|"
    r"DST|daylight\s+saving|summer\s+time|(?-i:(?:Europe|America|Asia|Africa|Australia|Pacific|Atlantic|Indian)/"
    r"[A-Z][A-Za-z_]+)|(?:\w+'s|their|your|his|her)\s+(?:own\s+)?time)\b",
    re.I,
)
#: Where the readers are: several countries, or a country that spans zones, or "international".
_COUNTRY = (r"Germany|Austria|Portugal|Spain|France|Italy|Netherlands|Belgium|Luxembourg|Switzerland|Ireland|"
            r"(?:the\s+)?UK|United\s+Kingdom|Britain|England|Scotland|Poland|Czechia|Czech\s+Republic|Slovakia|"
            r"Hungary|Romania|Bulgaria|Greece|Sweden|Norway|Denmark|Finland|Estonia|Latvia|Lithuania|Croatia|"
            r"Slovenia|Serbia|Turkey|Israel|Egypt|Morocco|Nigeria|Kenya|South\s+Africa|India|Pakistan|Bangladesh|"
            r"China|Japan|Korea|Singapore|Malaysia|Indonesia|Philippines|Thailand|Vietnam|New\s+Zealand|Argentina|"
            r"Chile|Colombia|Peru|the\s+Canaries|Canary\s+Islands|Azores|UAE|Saudi\s+Arabia|Qatar")
COUNTRY = lazy_compile(rf"\b(?:{_COUNTRY})\b")
#: One name that spans zones, or a word that says the readers are spread out.
SPREAD = lazy_compile(
    r"\b(?:United\s+States|USA|U\.S\.|the\s+US|Canada|Australia|Brazil|Mexico|Russia|"
    r"(?:several|many|multiple|\d+)\s+countries|international\w*|worldwide|across\s+(?:Europe|the\s+(?:EU|world|"
    r"globe))|globally|travell?ers?|abroad)\b"
)


class ClockTimeWithoutZone(Rule):
    """Flags a specification for readers in several countries that acts at a clock time and never says whose clock.

    **What it flags.** A document with requirements or user stories whose users are spread over
    zones (two or more countries named, a country that spans zones such as the United States, or
    "international", "worldwide", "several countries") and that schedules something at a clock
    time: a reminder sent at 18:00, "order before 14:00 and we ship today", a charge at 9 am, a
    window that closes at midnight. It flags when the document nowhere names a zone, UTC, local
    time, an IANA zone name ("Europe/Madrid"), daylight saving, or whose time it is ("the clinic's
    time"). One finding, at the first such time a requirement states (or the first anywhere).
    Proposals, decision records, plans and checklists are skipped.

    **Why it matters.** 18:00 is a different instant in Lisbon and in Berlin, and twice a year it
    moves against UTC. A spec that names the time and not the zone leaves the server's zone to
    decide when customers get their reminder or lose their same-day dispatch.

    **Example**

    ```markdown
    Parcelo delivers in Germany, Austria and Portugal. The job sends the reminder at 18:00 on
    the day before the delivery.
    ```

    **Use instead**

    ```markdown
    Parcelo delivers in Germany, Austria and Portugal. The job sends the reminder at 18:00 in the
    customer's local time (Europe/Berlin, Europe/Vienna or Europe/Lisbon) on the day before.
    ```
    """

    id = "EC008"
    name = "clock-time-without-zone"
    category = Category.EDGE_CASES
    default_level = Level.INFO

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not specifies_behaviour(document, context):
            return
        prose = document_prose(document)
        if not _CLOCK.search(prose.text) or ZONE.search(prose.text):
            return
        if len({" ".join(name.split()).lower() for name in COUNTRY.findall(prose.text)}) < 2 and not SPREAD.search(
                prose.text):
            return
        found = prose.first(SCHEDULED)
        if found is None:
            return
        committed = next((hit for statement in normative_statements(document)
                          for hit in search(SCHEDULED, statement.segments)), None)
        match, span = (committed.match, committed.span) if committed is not None else found
        time = _CLOCK.search(match.group(0))
        shown = time.group(0) if time else match.group(0)
        yield Violation(span, f"clock time '{shown}' for readers in several countries, and no time zone anywhere: say "
                              "whose time it is (the customer's, the store's, UTC) and what happens when clocks change")
