"""EC006 concurrency-unaddressed: people book a scarce thing or edit a shared one, and two of them at once is never addressed."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import document_prose
from speclint.reading.normative import normative_statements, search
from speclint.reading.requirements import specifies_behaviour

#: Someone takes one of a limited set of things: "books a place in a class", "selects a free desk",
#: "They pick a table", "reserve a parking spot", "hold a block of adjacent seats". A determiner is
#: required, so "with reserved slots" (a scheduler's capacity) is not a booking.
BOOKING = lazy_compile(
    r"\b(?:books?|booking|reserves?|reserving|holds?|holding|claims?|claiming|picks?|picking|selects?|selecting|"
    r"chooses?|choosing|grabs?|takes?\s+(?:the\s+)?last)\s+(?:a|an|the|one|their|his|her|that|this|any|two|"
    r"several|adjacent)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:places?|seats?|slots?|spots?|tables?|desks?|rooms?|courts?|lockers?|appointments?|parking\s+(?:spaces?|"
    r"spots?|bays?)|pitch(?:es)?|berths?|cabins?|beds?|lanes?|stations?|bikes?|scooters?|vehicles?)\b"
    r"(?!\s+(?:type|types|template|layout|layouts|map|maps|picker|size|sizes)\b)",
    re.I,
)
#: Several people may change one shared thing: "Any agent can edit the ticket's priority", "All
#: planners can move shifts on the rota", "Every member can add, rename and delete items".
SHARED_EDIT = lazy_compile(
    r"\b(?:every|any|all|each|other|several|multiple)\s+(?:[\w-]+\s+){0,2}?(?:members?|users?|collaborators?|"
    r"editors?|participants?|admins?|administrators?|agents?|managers?|teammates?|colleagues?|staff|owners?|"
    r"planners?|dispatchers?|parents?|guardians?|employees?)\s+(?:can|may|could|are\s+able\s+to|is\s+able\s+to|"
    r"(?:must|shall|should)\s+be\s+able\s+to)\s+(?:[\w-]+,?\s+){0,5}?(?:edit|change|update|modify|rename|"
    r"reorder|move|reassign|overwrite)(?:s|ed|ing)?\b",
    re.I,
)
#: Words that say two people wanting the same thing at once was thought about.
CONCURRENCY = lazy_compile(
    r"\b(?:concurren\w*|simultaneous\w*|at\s+the\s+same\s+(?:time|moment|second|instant)|at\s+once|same\s+"
    r"(?:moment|second|instant)|races?|race\s+conditions?|lock(?:s|ed|ing)?|double[- ]?book\w*|overbook\w*|"
    r"oversell\w*|oversold|first[- ]come|first[- ]served|whoever\s+(?:\w+\s+){0,3}first|(?:first|earliest)\s+"
    r"(?:\w+\s+){0,3}wins|already\s+(?:been\s+)?(?:booked|taken|reserved|held|claimed|picked|selected)|just\s+"
    r"(?:been\s+)?(?:taken|booked|reserved)|no\s+longer\s+(?:free|available)|(?:taken|booked|reserved|held|"
    r"claimed)\s+by\s+(?:someone|somebody|another|other)|(?:another|other)\s+(?:customer|user|member|guest|employee|"
    r"person|organi[sz]er|attendee|buyer|patient|driver|cyclist|player|participant|student|client)s?\s+"
    r"(?:\w+\s+){0,4}(?:booked|books|took|takes|reserved|reserves|held|holds|claimed|claims|picked|picks|"
    r"selected|selects|gets|got)|last\s+(?:write|writer|save|edit|change|update)\s+wins|(?:versions?|revisions?|"
    r"etags?)\s+(?:check|number|conflict)s?|merge\w*|overwrit\w*|real[- ]time\s+(?:collaboration|co-?editing)|"
    r"co-?editing|atomic\w*|transactions?|transactional|conflict\w*|409|optimistic|pessimistic|"
    r"unique\s+(?:index|constraint|key)|serializ\w*|mutual\w*\s+exclusi\w*|mutex\w*|contention|"
    r"(?:is|are|was|were|becomes?|gets?|got)\s+(?:already\s+|just\s+)?(?:taken|gone)|(?:goes|went|go)\s+to\s+"
    r"(?:another|someone|somebody)|while\s+(?:someone|somebody|another)|two\s+(?:[\w-]+\s+){1,4}?(?:the\s+)?same)\b",
    re.I,
)


class ConcurrencyUnaddressed(Rule):
    """Flags a specification where people book a scarce thing or edit a shared one and two of them at once is never addressed.

    **What it flags.** A document with requirements or user stories in which someone books,
    reserves, holds, claims, picks or selects one of a limited set of things (a place in a class, a
    seat, a slot, a table, a desk, a room, a parking spot, an appointment), or in which several
    people may change one shared thing ("Any agent can edit the ticket's priority", "All planners
    can move shifts on the rota"), and which nowhere says what happens when two people want the
    same one at once: no "at the same time", "concurrent",
    "first come, first served", "already booked", "taken by another customer", "lock", "atomic",
    "conflict", "last write wins" or "double booking". One finding, at the first booking (or shared
    edit) a requirement or criterion states, or the first anywhere when none does. Proposals, decision records,
    plans and checklists are skipped.

    **Why it matters.** Two members tapping "Book" on the last place of a class is not rare: it
    happens every time a popular class opens. A spec that does not say who gets the place, and what
    the other one sees, leaves a double booking or a lost place to whoever builds it.

    **Example**

    ```markdown
    - R3: A member books a place in a class from the timetable with one tap.
    ```

    **Use instead**

    ```markdown
    - R3: A member books a place in a class from the timetable with one tap. When two members book
      the last place at the same time, the first confirmed booking wins and the other sees "Class
      just filled up" with the option to join the waitlist.
    ```
    """

    id = "EC006"
    name = "concurrency-unaddressed"
    category = Category.EDGE_CASES
    default_level = Level.INFO
    # Preview: it raises nothing on the corpus, and on the held-out evaluation set its three
    # findings were all wrong (a slot or a title picked where no two people contend for one).
    group = Group.PREVIEW

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not specifies_behaviour(document, context):
            return
        prose = document_prose(document)
        pattern = BOOKING
        found = prose.first(BOOKING)
        if found is None:
            pattern = SHARED_EDIT
            found = prose.first(SHARED_EDIT)
        if found is None or CONCURRENCY.search(prose.text):
            return
        match, span = found
        # Where a requirement or criterion books, that is where the reviewer writes the comment.
        committed = next((hit for statement in normative_statements(document)
                          for hit in search(pattern, statement.segments)), None)
        if committed is not None:
            match, span = committed.match, committed.span
        if pattern is BOOKING:
            yield Violation(span, f"'{match.group(0)}': nothing says what happens when two people book the same one "
                                  "at once; say who gets it and what the other sees")
        else:
            yield Violation(span, f"'{match.group(0)}': nothing says what happens when two people change the same "
                                  "thing at once; say whose change wins and what the other sees")
