"""MS002 unmeasurable-nfr: a performance, availability or scale requirement with no number."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Span
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.reading.normative import (
    DEFAULT_ID_PREFIXES,
    has_quantity,
    id_pattern,
    is_descriptive,
    is_measured_quality_section,
    is_normative,
    is_quality_section,
    is_user_story,
    mask_non_prose,
    prefix_of,
    statements,
    table_rows,
)
from speclint.reading.wording import compile_terms

DEFAULT_TOPIC_WORDS = (
    "performance", "performant", "latency", "response time", "response times", "load time", "page load",
    "under load", "heavy load", "high load", "peak load", "throughput", "requests per second",
    "availability", "highly available", "uptime", "downtime", "scalable", "scalability", "scale to",
    "scales to", "scale with", "scales with", "concurrent users", "concurrent requests",
    "concurrent connections", "fast", "quickly", "slow", "responsive", "reliability", "reliable",
    "durability", "disaster recovery", "rto", "rpo", "high traffic", "peak traffic",
)
_PLACEHOLDER_ONLY = re.compile(r"^\W*\[[^\[\]]*\]\W*$")
_LABEL_ONLY = re.compile(r"^\W*[\w ./&-]{1,40}:\W*$")
_ANY_ID = id_pattern(DEFAULT_ID_PREFIXES)
_QUALITATIVE_OK = re.compile(r"\bsub-?second\b|\bconstant[ -]time\b|\bO\([^()]*\)", re.I)


class UnmeasurableNfr(Rule):
    """Flags non-functional requirements about performance, availability or scale that state no number.

    **What it flags.** A non-functional requirement (an `NFR-###` statement, an item or table row
    of a *Non-functional requirements*, *Performance*, *Availability*, *Scalability*, *SLOs*...
    section, or any requirement statement) that speaks of a measurable quality (latency,
    throughput, availability, uptime, load, concurrency, capacity, recovery) and gives no number,
    unit, threshold or time frame. Security, privacy or compliance requirements ("passwords are
    hashed with Argon2id") are not about such a quality and are not flagged.

    **Why it matters.** Performance and availability decide the architecture: a cache, a queue,
    a second region. "The API must scale to high traffic" leaves the engineer to guess how high,
    and load tests have nothing to pass or fail.

    **Example**

    ```markdown
    ## Non-functional requirements
    - NFR-001: The dashboard loads quickly, even under heavy load.
    ```

    **Use instead**

    ```markdown
    ## Non-functional requirements
    - NFR-001: The dashboard renders in under 1.5 s at p95 with 2,000 concurrent users.
    ```
    """

    id = "MS002"
    name = "unmeasurable-nfr"
    category = Category.MEASURABILITY
    default_level = Level.WARNING
    options = (
        Option("topic-words", "list[str]", list(DEFAULT_TOPIC_WORDS),
               "Words that make a requirement a performance, availability or scale requirement."),
        Option("id-prefixes", "list[str]", ["NFR"], "Requirement-ID prefixes of non-functional requirements."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        topics = compile_terms(tuple(context.options["topic-words"]))
        prefixes = set(context.options["id-prefixes"])
        if topics is None:
            return
        for statement in statements(document):
            if statement.kind == "table-cell" or is_descriptive(statement.section):
                continue
            text = statement.text
            if not text.strip() or _PLACEHOLDER_ONLY.match(text) or is_user_story(text):
                continue
            has_id = statement.requirement_id is not None and prefix_of(statement.requirement_id) in prefixes
            in_quality = is_quality_section(statement.section) and (statement.kind == "list-item" or statement.is_requirement)
            is_requirement = statement.is_requirement and statement.in_requirements
            if not (has_id or in_quality or is_requirement):
                continue
            if statement.requirement_id is None and _ANY_ID.search(text):
                continue  # a summary that cites requirements ("NFR-1 through NFR-4: reliability...")
            about_quality = is_measured_quality_section(statement.section) or bool(topics.search(mask_non_prose(text)))
            if not about_quality:
                continue
            if _LABEL_ONLY.match(text) and statement.nested_text:
                continue
            if has_quantity(text + "\n" + statement.nested_text) or _QUALITATIVE_OK.search(text):
                continue
            first = statement.segments[0]
            yield Violation(Span.of(first.line, first.column, first.line, first.column + len(first.text)), _MESSAGE)
        for row in table_rows(document):
            if not (is_quality_section(row.section) or is_normative(row.section)) or is_descriptive(row.section):
                continue
            if not (is_measured_quality_section(row.section) or topics.search(mask_non_prose(row.text))):
                continue
            if has_quantity(row.text) or _QUALITATIVE_OK.search(row.text) or _PLACEHOLDER_ONLY.match(row.cells[0].text):
                continue
            yield Violation(row.cells[0].span, _MESSAGE)


_MESSAGE = ("performance, availability or scale requirement has no number: give a threshold with a unit "
            "(e.g. p95 < 300 ms, 99.9% monthly, 5,000 concurrent users)")
