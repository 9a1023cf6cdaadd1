"""WD003 open-ended-list: "etc.", "and so on", "including but not limited to" in requirements."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import profile_name
from speclint.reading.normative import search_statement
from speclint.reading.wording import (
    DESIGN_PROPOSAL_PROFILES,
    OPEN_ENDED_CLAUSES,
    SKIP_PROFILES_HELP,
    canonical,
    compile_terms,
    contract_statements,
    terms,
    with_sources,
)

_SOURCES = dict(OPEN_ENDED_CLAUSES)
# "(e.g. gRPC, Kafka, etc.)": the list is announced as examples, not as the contract.
_EXAMPLES_MARKER = lazy_compile(r"\be\.\s?g\.|\bfor (?:example|instance)\b|\bsuch as\b|\blike\b", re.I)


class OpenEndedList(Rule):
    """Flags open-ended lists ("etc.", "and so on", "including but not limited to") in normative text.

    **What it flags.** Enumerations that do not end: INCOSE Guide to Writing Requirements rule R9
    *open-ended clauses* (including but not limited to, etc., and so on), NASA ARM's incompletes
    and ISO/IEC/IEEE 29148's open-ended terms (but not limited to, as a minimum), and a list that
    trails off in an ellipsis ("PNG, JPEG, ..."). Read in requirements, acceptance and success
    criteria and non-functional requirements; never in problem statements, user stories, quotes,
    code or links.

    Not flagged: a list announced as examples in the same clause ("for example gRPC, Kafka,
    etc.", "(e.g. PNG, JPEG, ...)"); the items are illustrations there, not the contract.

    **Why it matters.** An engineer implements the items that are listed; QA tests the ones they
    imagine "etc." covers. The list in the spec is the contract: if a case is not in it, it will
    not be built, or it will be built and not tested.

    **Example**

    ```markdown
    - FR-007: Users can import contacts from CSV, vCard, etc.
    ```

    **Use instead**

    ```markdown
    - FR-007: Users can import contacts from CSV (RFC 4180) and vCard 3.0/4.0 files.
      Other formats are rejected with "Unsupported file type".
    ```
    """

    id = "WD003"
    name = "open-ended-list"
    category = Category.WORDING
    default_level = Level.WARNING
    # Below 90% measured precision (bench/verdicts): off unless named.
    group = Group.PREVIEW
    options = (
        Option("terms", "list[str]", terms(OPEN_ENDED_CLAUSES), "Open-ended clauses to flag (replaces the default list)."),
        Option("extend-terms", "list[str]", [],
               "More open-ended clauses to flag, added to `terms` (for example \"such as\", left out by default "
               "because specs use it for illustrations)."),
        Option("skip-profiles", "list[str]", list(DESIGN_PROPOSAL_PROFILES), SKIP_PROFILES_HELP),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        pattern = compile_terms(tuple(context.options["terms"]) + tuple(context.options["extend-terms"]))
        if pattern is None:
            return
        for statement in contract_statements(document, profile_name(context), context.options["skip-profiles"]):
            for hit in search_statement(pattern, statement):
                written = hit.match.group(0).strip()
                if _announced_as_examples(hit.match) or _parenthesized_examples(hit.match):
                    continue
                source = _SOURCES.get("..." if written in ("...", "…") else canonical(written).rstrip("."))
                cited = f" [{source}]" if source else ""
                yield Violation(
                    hit.span,
                    f"open-ended list '{written}'{cited}: list every case the system must handle",
                )


def _parenthesized_examples(match: re.Match[str]) -> bool:
    """True for "etc." closing a parenthesis ("(Service, Deployment, etc.)", "(IP, Port, etc.)"): an aside
    that illustrates the noun before it, whose own rule is stated outside the parenthesis."""
    text = match.string
    opened = text.rfind("(", max(0, match.start() - 200), match.start())
    if opened < 0 or ")" in text[opened:match.start()]:
        return False
    return bool(re.match(r"^[\s.]*\)", text[match.end():]))


def _announced_as_examples(match: re.Match[str]) -> bool:
    """True when "e.g.", "for example", "such as" or "like" opens the clause the match ends
    (the clause starts after the last "(", ";" or ":", at most 120 characters back)."""
    text = match.string
    window_start = max(0, match.start() - 120)
    start = max(text.rfind(mark, window_start, match.start()) for mark in "(;:")
    clause = text[start + 1 if start >= 0 else window_start : match.start()]
    return bool(_EXAMPLES_MARKER.search(clause))


# The documentation lists every default term with the reference it comes from.
with_sources(OpenEndedList, OPEN_ENDED_CLAUSES)
