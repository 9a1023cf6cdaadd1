"""WD001 vague-term: vague adjectives and adverbs in requirements and acceptance criteria."""

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
    SKIP_PROFILES_HELP,
    VAGUE_TERMS,
    canonical,
    compile_terms,
    contract_statements,
    in_rationale,
    terms,
    with_sources,
)

# Fixed phrases in which a listed word is a precise technical term, or belongs to another rule.
_EXCEPTIONS = lazy_compile(
    r"best[\s-]+effort|best[\s-]+practices?|fast[\s-]+forward(?:s|ed|ing)?|fail[\s-]+fast|fast[\s-]+path|"
    r"responsive[\s-]+(?:design|layout|web|breakpoints?|ui)|"
    r"immediately\s+(?:after|before|following|preceding|prior|upon|on)\b|"
    r"(?:as|where|when|if)\s+appropriate|simple\s+(?:storage|queue|notification|email)\s+service|"
    r"(?:an?|the)\s+few\s+\w+\s+(?:of|who)|quick[\s-]+start|"
    r"effective\s+(?:date|immediately|from|as\s+of)|at\s+best",
    re.I,
)
_DIGIT = lazy_compile(r"\d")

_SOURCES = dict(VAGUE_TERMS)


class VagueTerm(Rule):
    """Flags vague, unverifiable adjectives and adverbs ("fast", "robust", "user-friendly") in normative text.

    **What it flags.** Words from the published lists of terms to avoid in requirements (NASA
    ARM's weak phrases, INCOSE Guide to Writing Requirements rule R7 *vague terms*, ISO/IEC/IEEE
    29148 5.2.7's subjective language, superlatives and comparatives, Wiegers' ambiguous terms),
    written in requirements, acceptance criteria, success criteria and non-functional
    requirements: a requirements section's list items and table cells, any statement with a
    requirement ID (`FR-001`), an upper-case SHALL/MUST, or a Given/Then step. Each default term and
    its source are listed in `speclint/reading/wording.py`.

    It does not read problem statements, background, context, user stories ("As a ..., I want
    ..."), block quotes, text in quotation marks, code, or links, where vague words
    describe how people feel rather than what must be built. A sentence that also gives a number
    ("fast: p95 under 300 ms") is not flagged (option `allow-when-quantified`). Technical terms
    that contain a listed word (best-effort, fast-forward, fail fast, responsive design, "at
    best"), hyphenated names (`fast-check`) and capitalized feature names inside a sentence
    ("the Quick Actions menu") are not flagged. In design prose, only the
    sentence that holds the SHALL/MUST is read; in a Given/When/Then scenario, only the outcome
    from "Then" on.

    Left out of the default list after reading real specs, because they are mostly technical
    there: "effective" ("effective permissions"), "minimal" ("minimal valid config"), "simple"
    ("simple types"), "immediately" ("fails immediately, without retrying"). Add them back with
    `extend-terms`.

    **Why it matters.** "The search page must be fast" cannot fail a test, so it is never
    finished: the engineer picks a number, QA picks another, and the argument happens after the
    sprint instead of before it.

    **Example**

    ```markdown
    ## Requirements
    - FR-004: Search results load fast and the filter panel is intuitive.
    ```

    **Use instead**

    ```markdown
    ## Requirements
    - FR-004: Search results render within 300 ms at p95 for catalogs of up to 50,000 items.
    - FR-005: A first-time user applies a price filter without help in a moderated test (8 of 10 users).
    ```
    """

    id = "WD001"
    name = "vague-term"
    category = Category.WORDING
    default_level = Level.WARNING
    # Below 90% measured precision (bench/verdicts): off unless named.
    group = Group.PREVIEW
    options = (
        Option("terms", "list[str]", terms(VAGUE_TERMS), "Vague terms to flag (replaces the default list)."),
        Option("extend-terms", "list[str]", [], "More vague terms to flag, added to `terms`."),
        Option("allow-when-quantified", "bool", True, "Do not flag a sentence that also states a number."),
        Option("skip-profiles", "list[str]", list(DESIGN_PROPOSAL_PROFILES), SKIP_PROFILES_HELP),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        pattern = compile_terms(tuple(context.options["terms"]) + tuple(context.options["extend-terms"]))
        if pattern is None:
            return
        quantified_ok = context.options["allow-when-quantified"]
        for statement in contract_statements(document, profile_name(context), context.options["skip-profiles"]):
            for hit in search_statement(pattern, statement):
                if _inside_exception(hit.match) or _is_proper_name(hit.match) or in_rationale(hit.match):
                    continue
                if _is_made_concrete(hit.match):
                    continue
                if quantified_ok and _DIGIT.search(hit.source_sentence):
                    continue
                term = canonical(hit.match.group(0))
                source = _SOURCES.get(term)
                cited = f" [{source}]" if source and not source.startswith("speclint") else ""
                yield Violation(
                    hit.span,
                    f"vague term '{hit.match.group(0)}'{cited}: state a measurable value or an observable behaviour instead",
                )


# "the appropriate lab type" means the corresponding one; "sufficient to construct the test" and
# "gracefully fall back to read-only mode" say what is meant in the same breath.
_DETERMINED = lazy_compile(r"\b(?:the|its|their|each)\s+$", re.I)
_SPELLED_OUT = lazy_compile(
    r"^\s*(?:\(|:|—|–|with\b|by\b|to\b|for\b|instead\b|and\s+(?:provides?|returns?|shows?|logs?|do(?:es)?\s+not)\b|"
    r"fall(?:s|ing)?\s*back|shutdown|shut\s+down|restart|degradation|degrad\w*|return\w*|show\w*|"
    r"display\w*|retr(?:y|ies)\w*|fail\w*\s+(?:open|closed))",
    re.I,
)


def _is_made_concrete(match: re.Match[str]) -> bool:
    word = match.group(0).lower()
    before = match.string[max(0, match.start() - 12):match.start()]
    after = match.string[match.end():match.end() + 30]
    if word.startswith("appropriate") and _DETERMINED.search(before):
        return True
    if re.match(r"^\s*(?:[\w-]+\s+){0,3}\((?!e\.g|i\.e|see)", after, re.I):
        return True  # "handle them appropriately (retry or mark as failed)", "appropriate badges (Hosted, Local)"
    if word.startswith(("graceful", "sufficient")) and _SPELLED_OUT.match(after):
        return True
    if word.startswith("sufficient") and re.match(r"^\s*(?:[\w-]+\s+){0,2}(?:to|for)\b", after):
        return True  # "sufficient permissions to create the stack"
    return False


def _inside_exception(match: re.Match[str]) -> bool:
    text = match.string
    window_start = max(0, match.start() - 40)
    for exception in _EXCEPTIONS.finditer(text, window_start, min(len(text), match.end() + 40)):
        if exception.start() <= match.start() and match.end() <= exception.end():
            return True
    return False


_NAME_NEXT = lazy_compile(r"[ \t]+[A-Z][a-z]")


def _is_proper_name(match: re.Match[str]) -> bool:
    """"the Quick Actions menu", "Fast Pass": a capitalized term inside a sentence, followed by
    another capitalized word, names a product feature."""
    written = match.group(0)
    if not written[:1].isupper() or written.isupper():
        return False
    if _PRODUCT_NEXT.match(match.string, match.end()):
        return True  # "Better Auth", "Fast Refresh": a capitalized word then a capitalized noun is a name
    before = match.string[: match.start()].rstrip(" \t*_")
    if not before or before[-1] in ".!?:\n|-" or before.endswith(("**", "__")):
        return False  # the start of a sentence or item: capitalized for grammar, not as a name
    return bool(_NAME_NEXT.match(match.string, match.end()))


# A capitalized noun after the term, not an article or pronoun that starts a clause.
_PRODUCT_NEXT = lazy_compile(r"[ \t]+(?!(?:The|A|An|I|We|It|This|That|These|Those|If|When|And|Or)\b)[A-Z][a-z]+")


# The documentation lists every default term with the reference it comes from.
with_sources(VagueTerm, VAGUE_TERMS)
