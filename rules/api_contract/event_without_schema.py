"""API015 event-without-schema: a message published to a topic or queue, and nothing says what it carries."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import CodeBlock, Document, Span, Table, TextSegment, iter_nested
from speclint.document.text import iter_prose
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.interfaces import EVENT_PAYLOAD
from speclint.reading.requirements import (
    TASK_LISTS,
    document_kind,
    is_proposal,
    not_in_scope,
    reads_like_proposal,
    section_text,
)

#: A message named in a code span: `loyalty.points_changed`, `order-created`, `OrderPlaced` (a name, not a sentence).
_MESSAGE_NAME = r"`((?:[a-z][a-z0-9]*(?:[._:-][a-z0-9]+)+)|(?-i:[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+))`"
#: A sentence that publishes a named message: a publishing verb, the name, within a few words.
_PUBLISHES = lazy_compile(
    r"\b(?:publish(?:es|ed|ing)?|emit(?:s|ted|ting)?|produc(?:es|ed|ing)|sends?|sent|puts?|pushes|enqueues?|"
    r"writes?|fires?|raises?|broadcasts?)\s+(?:(?:an?|the|one|each|every|its|our|new)\s+)?(?:\w+\s+){0,2}?"
    + _MESSAGE_NAME
    # "emit `replication_backlog_bytes` saturation alert": a metric, alert or log line, not a message
    + r"(?!\s+(?:\w+\s+)?(?:metrics?|alerts?|counters?|gauges?|histograms?|logs?|log\s+lines?|spans?|traces?|"
      r"attributes?|fields?|columns?|headers?|flags?|status|states?|errors?|exceptions?|warnings?|commands?|"
      r"functions?|methods?|files?|labels?|annotations?|conditions?)\b)",
    re.I,
)
#: A message broker: where the message goes, so that other teams consume it.
_BROKER = lazy_compile(
    r"\b(?:kafka|topics?|queues?|sqs|sns|pub/?sub|event\s?bridge|event\s+bus|message\s+bus|service\s+bus|"
    r"rabbit\s?mq|amqp|nats|kinesis|event\s+hubs?|exchange|outbox|stream)\b",
    re.I,
)
#: What makes a message's content given: its payload words (fields, schema, carries...), a shape
#: written inline, or the schema registry.
_SHAPE_INLINE = lazy_compile(r"`\s*[{\[]|\b(?:keyed\s+by|with\s+(?:the|its)\s+\w+(?:\s+and\s+\w+)?\b|"
                             r"avro|protobuf|json\s+schema|cloudevents?|registry|includes?|with\s+`)", re.I)
#: A publisher whose messages are another party's: a bucket, a cloud, a vendor ("S3 emits `ObjectCreated`").
_FOREIGN_PUBLISHER = lazy_compile(
    r"\b(?:buckets?|s3|aws|gcs|gcp|azure|cloud\s+storage|stripe|github|gitlab|twilio|shopify|salesforce|"
    r"providers?|vendors?|carriers?|partners?|third[- ]part(?:y|ies))\b",
    re.I,
)
_SCHEMA_LANGUAGES = frozenset({"json", "jsonc", "json5", "yaml", "yml", "avro", "avsc", "proto", "protobuf",
                               "typescript", "ts", "graphql", "go", "java", "kotlin", "python", "csharp", "cs"})


class EventWithoutSchema(Rule):
    """Flags a message published to a topic or queue for others to consume, when nothing says what it carries.

    **What it flags.** In a product specification or design (not a decision record, a KEP or RFC, a
    plan or a task list), a sentence that publishes a named message to a broker ("publishes a
    `loyalty.points_changed` message to the `loyalty-events` Kafka topic", "emits `OrderPlaced` to
    SNS"), when no text that names the message says what is in it: no payload, fields, schema,
    attributes or "carries", no shape written inline, no schema registry, and no code block or field
    table in the sections that name it. One finding per document, at the first such message, naming
    the others.

    **Why it matters.** An event is an interface: the teams that consume it build against its fields,
    its key and its version just as a client builds against a response. "We publish an event" lets
    every consumer guess, and the first field renamed breaks the warehouse's load at 3 a.m.

    **Example**

    ```markdown
    Whenever points change, the loyalty service publishes a `loyalty.points_changed` message to the
    `loyalty-events` Kafka topic, which the CRM consumes.
    ```

    **Use instead**

    ```markdown
    Whenever points change, the loyalty service publishes a `loyalty.points_changed` message to the
    `loyalty-events` Kafka topic, keyed by customer ID (so one customer's changes arrive in order),
    at least once; it carries `customer_id`, `delta`, `balance`, `reason` and `occurred_at`, and its
    schema is registered as `loyalty.points_changed.v1`.
    ```
    """

    id = "API015"
    name = "event-without-schema"
    category = Category.API_CONTRACT
    default_level = Level.INFO
    # Default at info: no finding on the corpus (it holds almost no product document that publishes messages),
    # none on the clean documents of bench/eval, bench/eval2 and bench/cleanset nor on any bank's api-contract
    # traps (bench/verdicts/round14-fam-api9.tsv).
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if "`" not in document.source:
            return
        # The kind first: it is worked out once per document for other rules too, while the broker
        # words are searched in the whole source (most of this rule's time on a folder of RFCs).
        if is_proposal(document, context) or reads_like_proposal(document) \
                or document_kind(document, context) in (*TASK_LISTS, "kiro-tasks"):
            return
        if not _BROKER.search(document.source):
            return
        published: dict[str, list] = {}
        for piece in iter_prose(document):
            if piece.kind == "heading" or (piece.section.heading is not None and not_in_scope(piece.section)):
                continue
            text = " ".join(segment.text for segment in piece.segments)
            if not _BROKER.search(text):
                continue
            for match, span in _find_raw(_PUBLISHES, piece.segments):
                name = match.group(1)
                before = text[max(0, text.rfind(".", 0, match.start()) + 1): match.start()]
                if _FOREIGN_PUBLISHER.search(before):
                    continue  # "the bucket emits an `ObjectCreated` notification": the cloud's message, its schema
                if name not in published:
                    published[name] = [span]
        if not published:
            return
        bare = [(name, spans[0]) for name, spans in published.items() if not _described(document, name)]
        if not bare:
            return
        (name, span), others = bare[0], bare[1:]
        also = f"; nor {', '.join(f'`{other}`' for other, _span in others[:4])}" if others else ""
        yield Violation(span, f"message `{name}` is published for others to consume and nothing says what it "
                              f"carries{also}: give its fields (or schema), its key and how it is delivered")


def _find_raw(pattern: re.Pattern[str], segments: list[TextSegment]) -> Iterator[tuple[re.Match[str], Span]]:
    """Matches of `pattern` in the segments' source text joined by newlines, code spans included
    (`find_all` masks them, and the message's name is one), each with the span of its name."""
    text = "\n".join(segment.text for segment in segments)
    starts = []
    offset = 0
    for segment in segments:
        starts.append(offset)
        offset += len(segment.text) + 1
    for match in pattern.finditer(text):
        begin, end = match.span(1)
        index = max(i for i, start in enumerate(starts) if start <= begin)
        segment = segments[index]
        column = segment.column + begin - starts[index]
        yield match, Span.of(segment.line, column - 1, segment.line, column + end - begin + 1)


def _described(document: Document, name: str) -> bool:
    """True when some text naming the message gives its content: payload words or an inline shape
    in the paragraph, item or row that names it, or a schema code block or field table in a section
    that names it (a heading of its own included)."""
    quoted = f"`{name}`"
    for section in document.root.walk():
        if section.heading is not None and not_in_scope(section):
            continue
        names_it = section.heading is not None and name in section.heading.raw
        own_blocks = list(iter_nested(section.blocks))
        for block in own_blocks:
            if isinstance(block, CodeBlock):
                if name in block.code and (block.language in _SCHEMA_LANGUAGES or "{" in block.code):
                    return True
                continue
            if isinstance(block, Table):
                cells = [cell.text for row in [block.header, *block.rows] for cell in row]
                if any(name in cell for cell in cells):
                    names_it = True
                continue
            text = getattr(block, "text", "")
            if not isinstance(text, str) or quoted not in text:
                continue
            names_it = True
            rest = text.replace(quoted, " ")
            if EVENT_PAYLOAD.search(rest) or _SHAPE_INLINE.search(rest) or re.search(r"\bschemas?\b", rest, re.I):
                return True
        if names_it and _SECTION_PAYLOAD.search(section_text(section, deep=False)):
            return True  # "Every request carries an `idempotency_key`": the section tells what the message holds
        if names_it and any(
                (isinstance(block, CodeBlock) and (block.language in _SCHEMA_LANGUAGES or "{" in block.code))
                or (isinstance(block, Table) and _field_table(block)) for block in own_blocks):
            return True
    return False


_SECTION_PAYLOAD = lazy_compile(r"\b(?:payloads?|carr(?:y|ies)|contains?|schemas?|fields?|attributes?)\b", re.I)
_FIELD_COLUMN = lazy_compile(r"^\W*(?:fields?|names?|attributes?|properties|property|keys?|type|payload)\W*$", re.I)


def _field_table(table: Table) -> bool:
    return any(_FIELD_COLUMN.match(cell.text.strip()) for cell in table.header)
