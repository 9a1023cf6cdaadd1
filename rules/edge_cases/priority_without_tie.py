"""EC010 priority-without-tie: a rule that decides between competitors by priority or rank, and no word on a tie."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import document_prose
from speclint.reading.normative import normative_statements, search
from speclint.reading.requirements import specifies_behaviour


class PriorityWithoutTie(Rule):
    """Flags a requirement that decides between competitors by priority or rank when nothing says what happens on a tie.

    **What it flags.** In a specification with requirements, a normative statement where two or more
    parties compete for one thing and the higher priority, score or rank wins ("When two robots request
    the same segment, the robot whose mission has the higher priority shall be given the segment and the
    other shall wait"; "the bid with the highest score wins"), in a document that never says what
    happens when they are equal or wait on each other: no "tie", "equal priority", "same priority",
    "tie-break", "first come", "earliest request", "deadlock". One finding, at the first such statement.

    **Why it matters.** Equal priorities are the usual case, not the rare one (most missions have the
    default priority), and two parties each waiting for what the other holds wait forever. Whoever
    builds the arbiter has to invent the rule, and testers cannot check it.

    **Example**

    ```markdown
    - FMS-F-06: When two robots request the same segment, the robot whose mission has the higher
      priority shall be given the segment and the other shall wait.
    ```

    **Use instead**

    ```markdown
    - FMS-F-06: When two robots request the same segment, the robot whose mission has the higher
      priority shall be given the segment; on equal priority, the robot that asked first.
    - FMS-F-07: A robot that has waited 30 s for a segment held by a robot waiting on it is re-routed.
    ```
    """

    id = "EC010"
    name = "priority-without-tie"
    category = Category.EDGE_CASES
    default_level = Level.INFO
    group = Group.PREVIEW

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not specifies_behaviour(document, context):
            return
        prose = document_prose(document)
        if not _WINS.search(prose.text) or _TIE.search(prose.text):
            return
        for statement in normative_statements(document):
            for hit in search(_WINS, statement.segments):
                if _COMPETITION.search(hit.sentence):
                    yield Violation(hit.span, f"'{hit.match.group(0)}' decides who wins, and nothing says what "
                                              "happens on a tie or when each waits for the other: give the tie-break")
                    return


#: "the higher priority", "the highest score wins", "by priority", "in order of rank".
_WINS = lazy_compile(
    r"\b(?:higher|highest|lower|lowest|greater|greatest)\s+(?:\w+\s+)?(?:priority|priorities|score|rank|ranking|"
    r"seniority|bid)\b|\b(?:by|in\s+order\s+of|according\s+to|based\s+on)\s+(?:their\s+|its\s+|the\s+)?"
    r"(?:priority|rank|ranking|score|seniority)\b|\bpriority\s+wins\b",
    re.I,
)
#: The sentence sets parties against each other for one thing.
_COMPETITION = lazy_compile(
    r"\b(?:two|several|multiple|both|competing|conflicting|concurrent|simultaneous\w*|at\s+the\s+same\s+time|"
    r"same\s+(?:\w+\s+)?(?:slot|segment|resource|seat|item|dock|room|lane|spot|place|time)|the\s+other|others|"
    r"contend\w*|contest\w*|wait\w*|queue\w*|first|gets?\s+the|given\s+the|is\s+assigned|wins?)\b",
    re.I,
)
#: What a tie-break or a wait cycle is called.
_TIE = lazy_compile(
    r"\b(?:ties?|tied|tie-?break\w*|equal\s+(?:\w+\s+)?(?:priority|priorities|score|scores|rank|ranks|seniority)|"
    r"same\s+(?:\w+\s+)?(?:priority|score|rank|seniority)|first[- ]come|first[- ]in|FIFO|earliest\s+(?:request|"
    r"arrival)|arrival\s+order|order\s+of\s+arrival|deadlock\w*|livelock\w*|starv\w+|gleiche\w*\s+Priorit\w+|"
    r"misma\s+prioridad|m[êe]me\s+priorit[ée])\b",
    re.I,
)
