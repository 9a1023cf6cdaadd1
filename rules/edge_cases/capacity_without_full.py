"""EC007 capacity-without-full: a capacity or quota of countable things, and nothing about reaching it."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import document_prose
from speclint.reading.normative import normative_statements, search
from speclint.reading.requirements import specifies_behaviour

#: A cap on a count of things people take, make or send: "Each slot takes at most 25 orders", "accept
#: at most 300 registrations per webinar", "can request up to 4 free repair visits a year", "a limit
#: of 12 seats per group", "a CSV file of up to 500 rows", "Each class has 20 places". Sizes, durations, money and what a system
#: returns or uses ("at most 20 MB", "up to 2 hours", "up to 150 euros", "returns at most 3 routes")
#: are not counts of things and do not match.
_COUNTED = (
    r"(?:orders|registrations|places|seats|spots|slots|guests|people|persons|participants|attendees|members|"
    r"bookings|reservations|visits|tickets|students|players|riders|passengers|patients|appointments|redemptions|"
    r"claims|sign-?ups|vouchers|coupons|invitations|invites|devices|searches|alerts|collaborators|accounts|"
    r"profiles|referrals|renewals|holds|bundles|rows|records|entries|files|photos|attachments|uploads|items|"
    r"pets|vehicles|addresses|cards|loans|withdrawals|transfers|top-?ups|requests|submissions|nominations|"
    r"applications|subscriptions|licen[cs]es|users)"
)
#: What holds a number of them: "Each class has 20 places", "every van route takes 40 orders".
_CONTAINER = (
    r"(?:slots?|class(?:es)?|sessions?|events?|webinars?|workshops?|tours?|courses?|rooms?|tables?|vans?|routes?|"
    r"shifts?|groups?|teams?|households?|showings?|shows?|screenings?|flights?|trips?|buses|rides?|batch(?:es)?|"
    r"waves?|cohorts?|lockers?|venues?|classrooms?|pitch(?:es)?|courts?)"
)
CAPACITY = lazy_compile(
    r"\b(?:at\s+most|up\s+to|a\s+maximum\s+of|maximum\s+of|max(?:imum)?\.?|no\s+more\s+than|not\s+more\s+than|"
    r"limited\s+to|capped\s+at|(?:a\s+)?limit\s+of|(?:a\s+)?capacity\s+of|(?:a\s+)?quota\s+of)\s+\d[\d,]*\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_COUNTED}\b|"
    rf"\b(?:each|every|per)\s+(?:[\w-]+\s+){{0,2}}?{_CONTAINER}\s+(?:holds?|takes?|accepts?|has|seats?|fits?|"
    r"admits?|allows?|is\s+limited\s+to|is\s+capped\s+at|can\s+(?:hold|take|accept|seat|fit)|has\s+room\s+for)\s+"
    rf"\d[\d,]*\s+(?:[\w-]+\s+){{0,2}}?{_COUNTED}\b",
    re.I,
)
#: Words that say what happens at or past a cap: the slot is full, the quota reached or used up, the
#: 26th order refused, a waitlist, the button greyed out.
AT_THE_CAP = lazy_compile(
    r"\b(?:full|fills?\s+up|filled\s+up|sold\s+out|sells?\s+out|waitlist\w*|waiting\s+lists?|run(?:s)?\s+out|"
    r"ran\s+out|reach\w*|exceed\w*|beyond|over\s+(?:the|its|their|a|this|that)\s+(?:limit|cap|quota|maximum|"
    r"capacity)|above\s+(?:the|its|their|this|that)\s+(?:limit|cap|quota|maximum|capacity)|more\s+than\s+"
    r"(?:that|this|the\s+(?:limit|cap|maximum|quota)|\d)|\d+(?:st|nd|rd|th)|too\s+many|used\s+up|use[sd]?\s+"
    r"(?:all|up)|remaining|no\s+(?:\w+\s+)?(?:places?|seats?|spots?|slots?|room|capacity|visits?)\s+(?:left|"
    r"remain\w*)|refus\w*|reject\w*|block\w*|greyed|grayed|disabled|disappear\w*|unavailable|no\s+longer\s+"
    r"(?:offered|shown|available|bookable|possible)|not\s+(?:allowed|offered|possible|accepted)|(?:cannot|can't|can\s+not)\s+"
    r"(?:be\s+)?(?:\w+\s+)?(?:book|pick|order|add|select|register|request|create|save|invite|upload|choose|join|"
    r"hold|reserve|attach|submit|buy|purchase|claim|redeem|import|send|share)\w*|"
    r"hid(?:e|es|den)|overflow\w*|truncat\w*|extra\s+(?:\w+\s+)?(?:charge|fee|cost)s?|charged\s+(?:for|at)|"
    r"limit\s+is|cap\s+is|quota\s+is|larger|bigger|evict\w*|discard\w*|drop(?:s|ped)?\s+the\s+oldest|oldest\s+(?:\w+\s+)?(?:is|are)\s+"
    r"(?:removed|deleted|replaced)|least\s+recently)\b",
    re.I,
)

#: What a system gives back is not a cap on what people take: "SHALL list up to 10 matching addresses".
_OUTPUT_BEFORE = lazy_compile(
    r"\b(?:lists?|listing|returns?|returning|shows?|showing|displays?|displaying|suggests?|suggesting|renders?|"
    r"fetch(?:es)?|retrieves?|loads?|offers?|previews?|recommends?)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)

#: A cap that bounds a performance promise ("loads in under 2 seconds for ledgers of up to 50,000
#: entries") is the envelope of a measurement, not a cap on what people take.
_PERFORMANCE = lazy_compile(
    r"\b(?:(?:in|within|under|below)\s+\d[\d.,]*\s*(?:ms|milliseconds?|s|secs?|seconds?|minutes?)\b|p\d{2}\b|"
    r"percentile|latency|response\s+times?|throughput)",
    re.I,
)
_BOUNDARY = lazy_compile(r"[.!?\n\x00]")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or line) of `text` around [start, end)."""
    before = max((m.end() for m in _BOUNDARY.finditer(text, max(0, start - 300), start)), default=max(0, start - 300))
    after = _BOUNDARY.search(text, end, end + 300)
    return text[before:after.start() if after else end + 300]


def _is_cap(text: str, match: re.Match[str]) -> bool:
    if _OUTPUT_BEFORE.search(text, max(0, match.start() - 60), match.start()):
        return False
    return not _PERFORMANCE.search(_sentence(text, match.start(), match.end()))


class CapacityWithoutFull(Rule):
    """Flags a specification that caps a count of things and never says what happens when the cap is reached.

    **What it flags.** A document with requirements or user stories that caps how many things
    people book, make or send: a capacity ("Each slot takes at most 25 orders", "accept at most 300
    registrations per webinar", "Each class has 20 places") or a quota ("can request up to 4
    repair visits a year", "a file of up to 500 rows"), and nowhere says what happens at or past
    it: no "full", "sold out", "waitlist", "reached", "exceeded", "used up", "the 26th", "refused",
    "greyed out", "no longer offered" or "too many". Sizes, durations, money and what a system
    returns are not counts and are not read, nor is a cap that bounds a performance promise ("loads
    in under 2 seconds for up to 50,000 entries"); EC005, in preview, reads every limit. One finding, at
    the first cap a requirement states (or the first anywhere). Proposals, decision records, plans
    and checklists are skipped.

    **Why it matters.** The cap is a promise with two sides: the 25 orders that fit, and the 26th
    customer who sees the slot at checkout. A spec that states only the first side leaves the
    second (hidden slot, error, waitlist, overbooking) to whoever builds it.

    **Example**

    ```markdown
    - Each pickup slot takes at most 25 orders.
    ```

    **Use instead**

    ```markdown
    - Each pickup slot takes at most 25 orders. A full slot is shown greyed out at checkout with
      the next free slot suggested.
    ```
    """

    id = "EC007"
    name = "capacity-without-full"
    category = Category.EDGE_CASES
    default_level = Level.INFO

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not specifies_behaviour(document, context):
            return
        prose = document_prose(document)
        found = next(((match, span) for match, span in prose.finditer(CAPACITY) if _is_cap(prose.text, match)), None)
        if found is None or AT_THE_CAP.search(prose.text):
            return
        match, span = found
        committed = next((hit for statement in normative_statements(document)
                          for hit in search(CAPACITY, statement.segments) if _is_cap(hit.match.string, hit.match)),
                         None)
        if committed is not None:
            match, span = committed.match, committed.span
        yield Violation(span, f"'{match.group(0)}': nothing says what happens when the limit is reached; say what "
                              "the next one sees (refused, waitlisted, greyed out)")
