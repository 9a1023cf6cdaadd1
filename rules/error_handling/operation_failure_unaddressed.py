"""EH006 operation-failure-unaddressed: a kind of operation that can fail is specified and its failure is never addressed."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.headings import normalize_title
from speclint.document.model import Document, Section, Span
from speclint.lazy_regex import lazy_compile
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Subsumes, Violation
from speclint.reading.operations import (
    has_central_failure_handling,
    INTRO_SECTIONS,
    describe_operation,
    operation_mentions,
    speaks_of_failure,
    unaddressed_failures,
    sets_the_scene,
    silent_on_failure,
    unhandled_providers,
)
from speclint.reading.requirements import document_kind, is_ears_document, is_proposal, specifies_behaviour
from speclint.reading.edge_cases import is_edge_case_title


class OperationFailureUnaddressed(Rule):
    """Flags a specification that describes payments, messages, uploads, imports, syncs or calls to other services and never says what happens when that kind of operation fails.

    **What it flags.** A specification (a PRD, an SRS, a spec-kit spec, a design document, the
    decision of a decision record; not a proposal, not an EARS document, where EH003 asks per requirement) that
    names an operation that can fail at least twice (a call to a system named with a capital, "send
    the booking to the Dealer Management system", counts the other lines that name that system),
    once at least outside its introduction (a payment, sending
    an email or SMS, an upload or a file sent to a partner, parsing or importing a file, a sync, a call to
    or data sent to another service or system, a scheduled job; an upload and the import of what was
    uploaded count as one flow, and so does a scheduled job with what it does; each line of a
    paragraph counts; in a document that never speaks of failure at all, one mention that a sentence
    states, "we send a push notification to everyone who asked", is enough, except for a call to
    another service, and not a passing one, "apply credit before charging the card", nor a user
    story's wish; for a payment or a message also where the only failure words are a form's
    validation messages, though not in an edge case's outcome; "the payments module" or "the
    payments team" makes no payment),
    when nothing in the document says what happens when that kind of operation fails: no
    sentence, item or table row that names it (the charge, the email, the upload, the import)
    with an error, decline, timeout, retry, rejection or bounce; no failure-modes section or error
    table that names it. Payments and messages need their own answer: unlike EH001, an unrelated
    error (a form's validation message, an "invalid email address") does not count as handling a
    declined charge or a bounced email. An upload, import, sync or call counts as handled by any
    error handling the document has (a sentence that says something fails, times out or is
    retried; not a form's validation message or an offline mode, and not a decision: "the portal
    shall refuse a request for ...", "rejected by the practice" say nothing of a call failing unless
    they name the call, its API or its service). One finding per kind of
    operation (one per flow), at its first mention, naming the other lines. Named providers (Stripe,
    Twilio, S3...) are EH004's; plans and task lists are skipped; a decision record is read on the
    operations its decision introduces.

    **Why it matters.** A declined card, an email that bounces, an upload that stops half way and
    a CSV row that does not parse each need a decision: retry, queue, tell the user or give up.
    Left out of the spec, each engineer decides alone.

    **Example**

    ```markdown
    ## Requirements
    - Customers pay for the order by credit card at checkout.
    - A confirmation email is sent once the payment is captured.
    - The email field shows an error when the address is invalid.
    ```

    **Use instead**

    ```markdown
    ## Requirements
    - Customers pay for the order by credit card at checkout. A declined card keeps the cart and
      shows the issuer's reason.
    - A confirmation email is sent once the payment is captured; a bounced email is shown on the
      order page.
    ```
    """

    id = "EH006"
    name = "operation-failure-unaddressed"
    category = Category.ERROR_HANDLING
    default_level = Level.WARNING
    # Makes redundant where they meet (one defect, one finding): the same operation left without failure handling, as
    # EH001 reports it
    subsumes = (Subsumes(("EH001",)),)
    # Default: no finding on the corpus's specifications at its final draft (its drafts' findings are
    # judged in bench/verdicts/round7-recall-failure2.tsv) and none on the evaluation set's clean documents.
    group = Group.DEFAULT
    options = (
        Option("minimum-mentions", "int", 2,
               "Mentions of a kind of operation (outside headings, one at least outside the introduction) before "
               "the rule asks what happens when it fails (one passing mention is not a description).", minimum=1),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        for violation, _lines in operation_failures(document, context, context.options["minimum-mentions"]):
            yield violation


#: The kind of operation a provider of each kind is called for (EH004 reports those).
_PROVIDER_OPERATION = {"SMS": "message delivery", "email": "message delivery", "push notification": "message delivery",
                       "object storage": "upload", "file transfer": "upload", "external API": "call to another service",
                       "message queue": "call to another service", "identity provider": "call to another service",
                       "identity verification": "call to another service", "AI model API": "call to another service"}


#: Kinds of operation counted together: a file uploaded and then imported is one flow.
#: A scheduled job is one flow with what it does ("a nightly job sends the file to each partner").
_FLOWS = {"upload": ("upload", "import or parsing", "scheduled job"),
          "import or parsing": ("upload", "import or parsing", "scheduled job"),
          "sync": ("sync", "scheduled job"), "call to another service": ("call to another service", "scheduled job"),
          "scheduled job": ("scheduled job", "upload", "import or parsing", "sync", "call to another service",
                            "payment", "message delivery")}
#: Kinds reported once between them: an upload and the import of what was uploaded.
_ONE_FINDING = {"import or parsing": "upload"}

#: Operations whose failure needs its own answer, whatever else the document says about errors.
_TRANSACTIONS = frozenset({"payment", "message delivery"})


def _in_decision(section: Section) -> bool:
    """The section states a decision record's decision ("Decision", "Decision Outcome"), not its
    drivers, options or context."""
    return any(each.heading is not None and bool(_DECISION_TITLE.match(normalize_title(each.title)))
               for each in (section, *section.ancestors()))


_DECISION_TITLE = lazy_compile(r"^(?:\d+\s+)?(?:the\s+|our\s+)?(?:decision(?:\s+outcome)?|decisions|chosen\s+option)$", re.I)


#: The system a call goes to, at the end of its words: "send the request to the GP system".
_CALL_TARGET = lazy_compile(r"\bto\s+the\s+((?:[A-Z][\w'-]*\s+){1,2}(?:system|platform))$")


def _target_mentions(document: Document, kind: str, found: list[tuple[int, str, Span]]) -> int:
    """Other lines that name the system a call goes to ("The GP system exposes the medications
    through its API"): a system the document comes back to is one it relies on, though it names
    the call once. Only systems named with a capital ("the GP system", "the Warehouse Platform")."""
    if kind != "call to another service":
        return 0
    from speclint.document.text import iter_prose

    targets = {match.group(1).strip() for _rank, words, _span in found if (match := _CALL_TARGET.search(words))}
    if not targets:
        return 0
    called = {span.start.line for _rank, _words, span in found}
    lines = {segment.line for piece in iter_prose(document) if piece.kind != "heading"
             for segment in piece.segments if any(target in segment.text for target in targets)}
    return len(lines - called)


def _stated(document: Document, words: str, span: Span) -> bool:
    """The operation is what a sentence states ("we send a push notification to everyone who
    asked"), not a passing mention in a subordinate clause ("apply credit before charging the card")."""
    before = document.lines[span.start.line - 1][:span.start.column - 1]
    return not (_GERUND.match(words) or _SUBORDINATE_BEFORE.search(before) or _USER_STORY.search(before))


_GERUND = lazy_compile(r"^\w+ing\b", re.I)
#: A user story's wish ("As a shopper, I want to buy a gift card with my credit card") is EH005's to
#: read against its criteria, not a stated behaviour.
_USER_STORY = lazy_compile(r"^\W*as\s+an?\s.*\bI\s+(?:want|need|would\s+like)\b", re.I)
_SUBORDINATE_BEFORE = lazy_compile(r"\b(?:before|after|when|whenever|while|until|once|without|by|for|if|unless|instead\s+of)\s+"
                                   r"(?:\w+\s+){0,2}$", re.I)


def _handles_failure_somewhere(document: Document) -> bool:
    """A failure-modes section or error table, or a sentence that says something fails, times out or
    is retried. A form's validation message ("invalid email"), an offline mode or a conflict rule
    says nothing about an upload or a sync failing."""
    from speclint.document.text import iter_prose, mask_invisible

    return has_central_failure_handling(document) or any(
        speaks_of_failure(mask_invisible("\n".join(segment.text for segment in piece.segments)), decisions=False)
        for piece in iter_prose(document) if piece.kind != "heading")


def operation_failures(document: Document, context: object, minimum: int = 2) -> list[tuple[Violation, set[int]]]:
    """EH006's findings, each with the lines of every mention it stands for (EH005 leaves those
    to EH006)."""
    # A decision record is judged on the operations its decision introduces.
    decision_record = document_kind(document, context) == "adr"
    if not decision_record and (is_proposal(document, context) or is_ears_document(document, context)
                                or not specifies_behaviour(document, context)):
        return []
    by_kind: dict[str, list[tuple[int, str, Span]]] = {}
    in_edge_cases: set[tuple[int, int]] = set()  # where an edge case's outcome names the operation
    for section, kind, words, span in operation_mentions(document):
        if decision_record and not _in_decision(section):
            continue
        rank = 1 if sets_the_scene(section, INTRO_SECTIONS) else 0  # (not "Design" > "Overview")
        by_kind.setdefault(kind, []).append((rank, words, span))
        if any(each.heading is not None and is_edge_case_title(each.title) for each in (section, *section.ancestors())):
            in_edge_cases.add((span.start.line, span.start.column))
    reported_by_eh004 = {_PROVIDER_OPERATION.get(kind, kind) for kind, _brand, _span in unhandled_providers(document)
                         if kind != "message queue" or decision_record}  # EH004 reads brokers in decisions only
    if reported_by_eh004:
        reported_by_eh004.add("scheduled job")  # the job calls that provider: EH004's one finding
    # Named `minimum` times (an upload and the import of what was uploaded are one flow), once at
    # least where the behaviour is described (not only in the summary).
    # A document that never speaks of failure at all: one mention in the body of a payment, a
    # message, an upload, an import, a sync or a job is the description ("we send a push to everyone
    # who asked"). A call to another service named once is too often a trigger or an example.
    silent = not decision_record and silent_on_failure(document)
    # A payment or a message needs its own answer: a document whose only failure words are a form's
    # validation messages ("the reason field shows an error if it is left empty") is silent on them.
    silent_on_calls = silent or (not decision_record and bool(_TRANSACTIONS & set(by_kind))
                                 and not _handles_failure_somewhere(document))
    kinds = frozenset(kind for kind, found in by_kind.items()
                      if kind not in reported_by_eh004 and any(rank == 0 for rank, _w, _s in found)
                      and (sum(len(by_kind.get(each, ())) for each in _FLOWS.get(kind, (kind,)))
                           + _target_mentions(document, kind, found) >= minimum
                           or (silent and kind != "call to another service"
                               and any(rank == 0 and _stated(document, words, span) for rank, words, span in found))
                           or (silent_on_calls and kind in _TRANSACTIONS
                               and any(rank == 0 and _stated(document, words, span)
                                       and (span.start.line, span.start.column) not in in_edge_cases
                                       for rank, words, span in found))))
    if kinds - _TRANSACTIONS and _handles_failure_somewhere(document):
        # An upload, import, sync or call in a document that handles failures elsewhere is usually
        # covered by its general error handling; a payment or a message is not.
        kinds &= _TRANSACTIONS
    if not kinds:
        return []
    violations = []
    reported_lines: set[int] = set()
    reported_flows: set[str] = set()
    for kind in sorted(unaddressed_failures(document, kinds), key=lambda each: min(
            (span.start.line, span.start.column) for _r, _w, span in by_kind[each])):
        found = sorted(by_kind[kind], key=lambda each: (each[0], each[2].start.line, each[2].start.column))
        _rank, words, span = found[0]
        flow = _ONE_FINDING.get(kind, kind)
        if span.start.line in reported_lines or flow in reported_flows:
            continue  # "a nightly job sends the file", "upload a CSV and import it": one flow, one finding
        reported_lines.add(span.start.line)
        reported_flows.add(flow)
        others = sorted({other.start.line for _r, _w, other in found[1:] if other.start.line != span.start.line})
        also = ""
        if others:
            lines = ", ".join(str(line) for line in others[:5]) + (", ..." if len(others) > 5 else "")
            also = f" (nor at line{'s' if len(others) > 1 else ''} {lines})"
        violations.append((Violation(span, f"{describe_operation(kind, words)} can fail, and the document never says "
                                           f"what happens when it does{also}: say what happens on errors, declines, "
                                           "timeouts, retries or bounces"),
                           {each.start.line for _r, _w, each in found}))
    return violations
