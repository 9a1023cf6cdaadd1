"""WD004 unbounded-absolute: "always available", "never fails", "100% uptime" without a tolerance."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import profile_name
from speclint.reading.normative import search_statement
from speclint.reading.wording import (
    ABSOLUTES,
    DESIGN_PROPOSAL_PROFILES,
    PERCENT_QUALITY_WORDS,
    QUALITY_WORDS,
    SELF_CONTAINED_ABSOLUTES,
    SKIP_PROFILES_HELP,
    canonical,
    compile_terms,
    contract_statements,
    terms,
    with_sources,
)

# A tolerance: any number other than the absolute's own 100 (99.9%, 5 minutes, 1 in 10,000).
_TOLERANCE = lazy_compile(r"(?<![\d.])(?!100(?:\.0+)?(?:\s*%|\s+percent))\d")


class UnboundedAbsolute(Rule):
    """Flags absolutes without a tolerance ("always available", "never loses data", "100% uptime") in normative text.

    **What it flags.** INCOSE Guide to Writing Requirements rule R26 *absolutes*: "always",
    "never", "at all times", "in all cases" next to a quality no system achieves perfectly
    ("always available", "never fails", "never loses", "responds instantly at all times"); "100%"
    in a sentence about an operational quality (uptime, availability, durability, delivery,
    accuracy); and phrases that promise perfection on their own ("zero downtime", "no data loss",
    "error-free"). Not when the sentence gives a tolerance (another number). "The API never
    returns card numbers" is a prohibition a test can check and is not flagged; nor is "100% of
    invalid inputs are rejected", a deterministic property. Read in requirements, acceptance and
    success criteria and non-functional requirements only.

    **Why it matters.** "The service is always available" cannot be built or tested: every
    system has outages. Engineers size redundancy, on-call and budgets from the number the spec
    gives; without one, they guess, and the first incident becomes a breach of the spec.

    **Example**

    ```markdown
    - NFR-002: The checkout API is always available and never loses an order.
    ```

    **Use instead**

    ```markdown
    - NFR-002: The checkout API is available 99.95% of each calendar month; an accepted order
      is durable once the API returns 201 (RPO 0 s, RTO 15 min).
    ```
    """

    id = "WD004"
    name = "unbounded-absolute"
    category = Category.WORDING
    default_level = Level.WARNING
    # Below 90% measured precision (bench/verdicts): off unless named.
    group = Group.PREVIEW
    options = (
        Option("terms", "list[str]", terms(ABSOLUTES), "Absolutes to flag (replaces the default list)."),
        Option("quality-words", "list[str]", list(QUALITY_WORDS),
               "Words that make 'always', 'never', 'at all times' a promise about a quality when next to them."),
        Option("percent-quality-words", "list[str]", list(PERCENT_QUALITY_WORDS),
               "Qualities for which '100%' is unachievable (uptime, availability, accuracy...)."),
        Option("skip-profiles", "list[str]", list(DESIGN_PROPOSAL_PROFILES), SKIP_PROFILES_HELP),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        pattern = compile_terms(tuple(context.options["terms"]))
        qualities = compile_terms(tuple(context.options["quality-words"]))
        percent_qualities = compile_terms(tuple(context.options["percent-quality-words"]))
        if pattern is None:
            return
        for statement in contract_statements(document, profile_name(context), context.options["skip-profiles"]):
            for hit in search_statement(pattern, statement):
                absolute = canonical(hit.match.group(0))
                if _TOLERANCE.search(hit.source_sentence):
                    continue
                if absolute in ("100%", "100 percent"):
                    # "100% uptime", "availability of 100%": anywhere in the sentence.
                    if percent_qualities is None or not percent_qualities.search(hit.sentence):
                        continue
                elif absolute not in SELF_CONTAINED_ABSOLUTES:
                    # "always available", "never loses", "available at all times": next to it.
                    text = hit.match.string
                    window = text[max(0, hit.match.start() - _NEAR) : hit.match.end() + _NEAR]
                    if qualities is None or not qualities.search(window):
                        continue
                yield Violation(
                    hit.span,
                    f"absolute '{hit.match.group(0)}' (INCOSE R26) promises perfection: state the tolerance "
                    "(a percentage, a time window, a count)",
                )


_NEAR = 30  # characters either side: about four words


# The documentation lists every default term with the reference it comes from.
with_sources(UnboundedAbsolute, ABSOLUTES)
