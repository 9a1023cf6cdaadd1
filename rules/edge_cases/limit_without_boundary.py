"""EC005 limit-without-boundary: limits stated, and nothing anywhere about reaching or passing one."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import document_prose
from speclint.reading.edge_cases import EDGE_CASE_PHRASE, edge_case_sections, inline_handlings
from speclint.reading.requirements import section_text, specifies_behaviour

#: A stated limit: "up to 5 files", "at most 20 MB", "between 10 and 250 euros", "limited to 40 euros
#: per day", "a maximum of 3 devices", "no more than 2 permits".
_LIMIT = lazy_compile(
    r"\b(?:up\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of|maximum\s+of|limited\s+to|capped\s+at|"
    r"between)\s+(?:€|\$|£)?\d[\d.,]*\b",
    re.I,
)
#: Words that say what happens at or past a limit, or that a boundary was thought about.
_PAST_THE_LIMIT = lazy_compile(
    r"\b(?:exceed\w*|beyond|above|over\s+(?:the|a|its|their)\s+(?:limit|maximum|cap|quota)|more\s+than|fewer\s+than|"
    r"less\s+than|reject\w*|refus\w*|block\w*|errors?|full|reach\w*|truncat\w*|too\s+(?:many|large|long|big|much)|"
    r"fails?|denied|declin\w*|disabled|greyed|cannot|can't|not\s+allowed|overflow|remaining|left|"
    r"waitlist|queue\w*|limit\s+is)\b",
    re.I,
)


class LimitWithoutBoundary(Rule):
    """Flags a specification that states limits and never says what happens at or past any of them.

    **What it flags.** A document with requirements or user stories that states a numeric limit
    ("up to 5 files", "at most 20 MB", "between 10 and 250 euros", "limited to 40 euros per day")
    and nowhere says what happens when one is reached or passed: no edge-case section, never
    "edge case", no situation handled where it arises ("If the file is larger, ..."), and no word
    of exceeding, rejecting, refusing, blocking, an error, "full" or "too many". One finding, at the
    first limit. Proposals, decision records, plans and checklists are skipped.

    **Why it matters.** Every limit has a boundary, and the boundary is where the bug reports come
    from: the sixth file, the 251-euro top-up, the 41st euro of the day. A spec that states the
    limit and not the behaviour leaves the message, the state and the retry to whoever builds it.

    **Example**

    ```markdown
    - Customers can attach up to 5 files per message, each at most 20 MB.
    ```

    **Use instead**

    ```markdown
    - Customers can attach up to 5 files per message, each at most 20 MB. A sixth file, or a
      larger one, is refused with a message that names the limit.
    ```
    """

    id = "EC005"
    name = "limit-without-boundary"
    category = Category.EDGE_CASES
    default_level = Level.INFO
    group = Group.PREVIEW

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not specifies_behaviour(document, context):
            return
        if edge_case_sections(document):
            return  # the edge cases have their place; EC002 and EC003 judge it
        text = mask_invisible(section_text(document.root))
        if EDGE_CASE_PHRASE.search(text) or _PAST_THE_LIMIT.search(text) or inline_handlings(text):
            return
        found = document_prose(document).first(_LIMIT)
        if found is None:
            return
        match, span = found
        yield Violation(span, f"limit '{match.group(0)}' with nothing said about reaching or passing it, here or "
                              "anywhere: say what happens at the limit and past it")
