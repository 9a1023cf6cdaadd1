"""EH001 failure-handling-missing: a document describes operations that can fail and never says what happens when they do."""

from __future__ import annotations

from typing import Iterator

from speclint.document.headings import title_matches
from speclint.document.model import CodeBlock, Document
from speclint.document.text import Prose, iter_prose, mask_invisible
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.reading.operations import (
    addresses_failure,
    describe_operation,
    first_operation,
    has_central_failure_handling,
)
from speclint.reading.requirements import is_proposal


class FailureHandlingMissing(Rule):
    """Flags a document that describes operations that can fail but never says what happens on failure.

    **What it flags.** A document that mentions an operation that can fail (a payment, a call to
    another service or API, an upload, parsing or importing a file, a sync, sending an email or
    notification, user input in a form) and nowhere addresses failure: no error, failure, retry,
    timeout, validation, fallback, rollback, rejection or status code, no "Failure modes" / "Error
    handling" / "What can go wrong" section and no error table. One finding, at the first such
    operation. Proposals and decision records (Rust RFCs, KEPs, ADRs, Go design documents, OTEPs)
    are skipped.

    **Why it matters.** The happy path is the part everyone agrees on. What the app shows when the
    card is declined, how often the upload is retried, what a malformed CSV row does: left unsaid,
    each engineer decides alone and differently, usually at the end of the sprint.

    **Example**

    ```markdown
    ## Checkout
    The customer pays with a saved card and the order is confirmed by email.
    ```

    **Use instead**

    ```markdown
    ## Checkout
    The customer pays with a saved card and the order is confirmed by email.

    ## What can go wrong
    - Card declined: show the issuer's reason and keep the cart; no order is created.
    - Payment provider times out after 10 s: retry once, then ask the customer to try again.
    ```
    """

    id = "EH001"
    name = "failure-handling-missing"
    category = Category.ERROR_HANDLING
    default_level = Level.WARNING
    options = (
        Option("minimum-mentions", "int", 2,
               "Paragraphs, items or cells that must name an operation that can fail before the rule asks for "
               "failure handling (one passing mention is not a description).", minimum=1),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if is_proposal(document, context) or has_central_failure_handling(document):
            return
        pieces = list(iter_prose(document))
        visible = "\n".join(mask_invisible("\n".join(s.text for s in piece.segments)) for piece in pieces)
        code = "\n".join(block.code for _section, block in document.iter_blocks() if isinstance(block, CodeBlock))
        if addresses_failure(visible) or addresses_failure(code):
            return
        mentions = [(_rank(piece), found) for piece in pieces
                    if (found := first_operation(piece.segments)) is not None]
        if len(mentions) < context.options["minimum-mentions"]:
            return  # one operation named in passing is not a description of it
        # Point at the first mention where the behaviour is described: not the title, not the
        # problem statement.
        _rank_value, (kind, words, span) = min(mentions, key=lambda mention: mention[0])
        yield Violation(span, f"{describe_operation(kind, words)} can fail, and the document never says what "
                              "happens then: describe errors, retries, timeouts or what the user sees")


_INTRO_SECTIONS = ("summary", "overview", "problem", "problem statement", "background", "motivation",
                   "context", "introduction", "abstract", "tl dr", "tldr", "why")


def _rank(piece: Prose) -> int:
    """0 for the body of the spec, 1 for its introduction, 2 for headings."""
    if piece.kind == "heading":
        return 2
    sections = [piece.section, *piece.section.ancestors()]
    if any(section.heading is not None and title_matches(section.title, _INTRO_SECTIONS) for section in sections):
        return 1
    return 0
