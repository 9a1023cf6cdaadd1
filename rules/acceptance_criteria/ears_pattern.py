"""AC005 ears-pattern: in an EARS document, a criterion that follows no EARS pattern or has more than one SHALL."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, ListItem
from speclint.document.text import find_all, mask_invisible
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.commitments import commitments
from speclint.reading import languages
from speclint.reading.requirements import EARS_KEYWORD, SHALL, Criterion, is_ears_document

_THEN = lazy_compile(r"\bTHEN\b|(?-i:\b(?:" + "|".join(languages.EARS_THEN) + r")\b)", re.I)
# SHALL in German, Spanish and French Kiro criteria ("DANN SOLL", "ENTONCES DEBERÁ", "ALORS DOIT").
_SHALL_NOT = lazy_compile(r"\bSHALL(?:\s+NOT)?\b|(?-i:\b(?:" + "|".join(languages.EARS_SHALL)
                          + r")(?:\s+(?:NICHT|NO|PAS))?\b)", re.I)
_OTHER_MODAL = lazy_compile(r"\b(?:MUST|SHOULD|WILL|MAY|CAN)\b")


class EarsPattern(Rule):
    """Flags, in EARS requirements, a criterion that follows none of the EARS patterns.

    **What it flags.** In a document written with EARS (the Easy Approach to Requirements Syntax;
    Kiro's `requirements.md` and the `ears` profile), each acceptance criterion must be one of:

    - ubiquitous: `THE <system> SHALL <response>`
    - event-driven: `WHEN <trigger>, THE <system> SHALL <response>`
    - state-driven: `WHILE <state>, THE <system> SHALL <response>`
    - optional feature: `WHERE <feature is included>, THE <system> SHALL <response>`
    - unwanted behaviour: `IF <condition>, THEN THE <system> SHALL <response>`

    The rule flags a criterion (a list item under an acceptance-criteria heading) with no SHALL
    (often a MUST or a plain sentence) and an IF clause with no THEN. An item that only introduces
    a nested list whose items carry the SHALL ("The following fields:") is fine. More than one SHALL
    in a criterion is AC006's business. The rule runs on documents whose profile is `ears` (chosen
    with `--profile ears`, or detected: a "Requirements Document" title, EARS SHALL clauses).

    **Why it matters.** EARS makes every criterion one testable obligation with its trigger. A
    criterion without SHALL is a statement nobody is obliged to implement; an IF without THEN reads
    as a condition whose response is missing.

    **Example**

    ```markdown
    #### Acceptance Criteria
    1. IF the scan finds malware, THE service SHALL delete the file.
    2. Uploads are limited to 25 MB.
    ```

    **Use instead**

    ```markdown
    #### Acceptance Criteria
    1. IF the scan finds malware, THEN THE service SHALL delete the file.
    2. THE service SHALL reject uploads larger than 25 MB.
    ```
    """

    id = "AC005"
    name = "ears-pattern"
    category = Category.ACCEPTANCE_CRITERIA
    default_level = Level.WARNING
    # Measured below 90% precision on real documents (bench/verdicts): opt-in until it reaches it.
    group = Group.PREVIEW
    options = (Option("require-then", "bool", True, "Report unwanted-behaviour criteria (IF ...) without THEN."),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not is_ears_document(document, context):
            return
        seen: set[int] = set()
        dropped = {id(criterion) for criterion in criteria_without_their_shall(document, context)}
        for criterion in ears_criteria(document, context):
            if id(criterion) in seen:
                continue
            seen.add(id(criterion))
            visible = mask_invisible(criterion.text)
            shalls = list(find_all(_SHALL_NOT, criterion.segments))
            if not shalls:
                if _introduces_obligations(criterion) or _not_a_criterion_to_rewrite(criterion, visible):
                    continue
                if id(criterion) in dropped:
                    continue  # AC007 reports a criterion that lost the SHALL its siblings have
                other = _OTHER_MODAL.search(visible)
                hint = f" (it uses {other.group(0)})" if other else ""
                yield Violation(criterion.span, f"criterion has no SHALL{hint}: write it as an EARS requirement, "
                                                "e.g. 'WHEN <trigger>, THE <system> SHALL <response>'")
                continue
            keyword = EARS_KEYWORD.match(visible)
            leading = languages.EARS_KEYWORDS.get(keyword.group(1), keyword.group(1).upper()) if keyword else ""
            if context.options["require-then"] and leading == "IF" and not _THEN.search(visible):
                yield Violation(criterion.span, "IF criterion without THEN: write 'IF <condition>, THEN THE "
                                                "<system> SHALL <response>'")


def ears_criteria(document: Document, context: RuleContext) -> Iterator[Criterion]:
    """The list-item criteria of an EARS document (paragraphs between them are commentary)."""
    picture = commitments(document, context)
    seen: set[int] = set()
    for criterion in [c for r in picture.requirements for c in r.criteria] + picture.criteria:
        if id(criterion) in seen:
            continue
        seen.add(id(criterion))
        if criterion.form in ("item", "ears") and isinstance(criterion.block, ListItem):
            yield criterion


def criteria_without_their_shall(document: Document, context: RuleContext) -> Iterator[Criterion]:
    """Criteria of an EARS requirement that lost the SHALL every sibling has: an EARS clause ("WHEN the
    writer reopens the document THEN the latest draft is loaded") or a plain outcome ("The payout
    amount is shown in the courier app") among at least two criteria that each carry a SHALL."""
    if not is_ears_document(document, context):
        return
    for requirement in commitments(document, context).requirements:
        items = [c for c in requirement.criteria if c.form in ("item", "ears") and isinstance(c.block, ListItem)]
        without = [c for c in items if not _SHALL_NOT.search(mask_invisible(c.text))]
        if len(without) != 1 or len(items) - len(without) < 2:
            continue  # a list that mostly lacks SHALL is written in another style: AC005's business
        criterion = without[0]
        visible = " ".join(mask_invisible(criterion.text).split())
        if _introduces_obligations(criterion) or _not_a_criterion_to_rewrite(criterion, visible):
            continue
        if _NOT_AN_OUTCOME.search(visible) or visible.rstrip().endswith(":"):
            continue
        if EARS_KEYWORD.match(visible) or _PLAIN_OUTCOME.match(visible):
            yield criterion


#: "The payout amount is shown in the app", "Each export is stored for 30 days", "The Scheduler
#: sends a receipt": an outcome stated as a fact, where its siblings say SHALL.
_PLAIN_OUTCOME = lazy_compile(
    r"^\W{0,4}(?:the|a|an|each|every|all|its|their)\s+[^.;:]{1,80}?\s+(?:is|are|gets?|becomes?|remains?|stays?)\s+"
    r"(?:not\s+)?(?:\w+ed|shown|sent|kept|paid|set|written|given|taken|hidden|held|read|built|made|visible|available)\b"
    r"|^\W{0,4}the\s+(?:system|app|application|service|server|api|platform|backend|frontend|client|ui|\w+_\w+)\s+"
    r"(?!is\b|are\b|has\b|was\b)\w+s\b",
    re.I,
)
#: Cross-references, rationale and notes among criteria: "... are Requirement 15.9", "Because ...".
_NOT_AN_OUTCOME = lazy_compile(r"\brequirements?\s+\d|^\W*(?:because|since|note|e\.g\.|i\.e\.|see)\b", re.I)


#: Items among the criteria that are not criteria to rewrite as EARS: a definition ("A node is
#: **live** when ..."), a scope note ("This requirement does not apply to ..."), a test step
#: ("Run with `--provider=codex` and verify ...").
_DEFINITION = lazy_compile(r"^\W*(?:an?|the)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:is|are)\s+\W*[\w-]+\W*\s+(?:when|if|once)\b", re.I)
_SCOPE_NOTE = lazy_compile(r"^\W*(?:this|these)\s+(?:requirements?|criteri(?:a|on))\b|^\W*(?:note|nb)\b", re.I)
_TEST_STEP = lazy_compile(r"^\W*(?:run|create|add|verify|check|test|open|start|stop|click|navigate|confirm|ensure)\b", re.I)
#: MAY grants a latitude on purpose ("... MAY be included as backlog items").
_STATED_MODAL = lazy_compile(r"\bMAY\b")


def _not_a_criterion_to_rewrite(criterion: Criterion, visible: str) -> bool:
    text = visible.strip()
    if sum(1 for char in text if ord(char) > 0x2E7F) > len(text) / 4:
        return True  # written in Japanese or Chinese ("...すること"): EARS in that language
    return bool(_DEFINITION.match(text) or _SCOPE_NOTE.match(text) or _TEST_STEP.match(text)
                or _STATED_MODAL.search(text))


def _introduces_obligations(criterion: Criterion) -> bool:
    """An item like "The following fields:" whose nested items carry the SHALLs."""
    item = criterion.block
    if not isinstance(item, ListItem):
        return False
    return any(SHALL.search(sub_item.text) for sub in item.sublists for sub_item in sub.items)
