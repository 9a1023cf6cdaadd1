"""WD002 escape-clause: "where possible", "as appropriate", "if necessary" in requirements."""

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
    ESCAPE_CLAUSES,
    SKIP_PROFILES_HELP,
    canonical,
    compile_terms,
    contract_statements,
    terms,
    with_sources,
)

_FOR_A_NAMED_RULE = (
    r"\s+for\s+(?:(?:the|our|their|its|an?|each|every)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:licen[cs]es?|regulat\w+|laws?|acts?|audits?|auditors?|certifications?|contracts?|agreements?)\b"
)
# "as required by GDPR", "as needed by the billing job": the clause names who decides.
# "as required for our money transmitter licence", "as required for the SOC 2 audit": it names the rule it obeys.
_NAMED_AUTHORITY = lazy_compile(r"\s+(?:by|under|in)\b|" + _FOR_A_NAMED_RULE, re.I)
_SOURCES = dict(ESCAPE_CLAUSES)


class EscapeClause(Rule):
    """Flags escape clauses ("where possible", "as appropriate", "if necessary") in normative text.

    **What it flags.** Clauses that let a requirement be skipped without anyone deciding when:
    INCOSE Guide to Writing Requirements rule R8 *escape clauses* (so far as is possible, where
    possible, if necessary, to the extent practical...), the loopholes of ISO/IEC/IEEE 29148 5.2.7
    (if possible, as appropriate, as applicable) and NASA ARM's weak phrases (as appropriate, as
    required). "Optionally" is left out by default: specs use it for optional inputs ("a name
    and, optionally, a priority"); add it with `extend-terms`. Read in the same normative text as `vague-term`
    (requirements, acceptance and success criteria, non-functional requirements; never problem
    statements, user stories, quotes, code or links). "As required by GDPR article 17" names who
    decides and is not flagged.

    **Why it matters.** An engineer under deadline reads "where possible" as "not this sprint";
    a tester cannot fail the build against it. Whoever wrote it knew the condition they meant: the
    spec should say it.

    **Example**

    ```markdown
    - FR-010: Thumbnails are generated on upload where possible.
    ```

    **Use instead**

    ```markdown
    - FR-010: Thumbnails are generated on upload for JPEG, PNG and HEIC files up to 25 MB;
      other files show the generic file icon.
    ```
    """

    id = "WD002"
    name = "escape-clause"
    category = Category.WORDING
    default_level = Level.WARNING
    # Below 90% measured precision (bench/verdicts): off unless named.
    group = Group.PREVIEW
    options = (
        Option("terms", "list[str]", terms(ESCAPE_CLAUSES), "Escape clauses to flag (replaces the default list)."),
        Option("extend-terms", "list[str]", [], "More escape clauses to flag, added to `terms`."),
        Option("skip-profiles", "list[str]", list(DESIGN_PROPOSAL_PROFILES), SKIP_PROFILES_HELP),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        pattern = compile_terms(tuple(context.options["terms"]) + tuple(context.options["extend-terms"]))
        if pattern is None:
            return
        for statement in contract_statements(document, profile_name(context), context.options["skip-profiles"]):
            for hit in search_statement(pattern, statement):
                clause = canonical(hit.match.group(0))
                if clause in ("as required", "as needed") and _NAMED_AUTHORITY.match(hit.match.string, hit.match.end()):
                    continue
                source = _SOURCES.get(clause)
                cited = f" [{source}]" if source else ""
                yield Violation(
                    hit.span,
                    f"escape clause '{hit.match.group(0)}'{cited}: state the exact condition, or drop the clause",
                )


# The documentation lists every default term with the reference it comes from.
with_sources(EscapeClause, ESCAPE_CLAUSES)
