"""EH004 provider-failure-unhandled: a named third-party provider is called and its failure is never addressed."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.lazy_regex import lazy_compile
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.document.headings import title_matches
from speclint.document.model import Span
from speclint.reading.concerns import section_at
from speclint.reading.operations import INTRO_SECTIONS, sets_the_scene, unhandled_providers
from speclint.reading.requirements import TASK_LISTS, document_kind, is_proposal, reads_like_proposal


class ProviderFailureUnhandled(Rule):
    """Flags a document that calls a named provider (Stripe, Twilio, SES, APNs, S3, SFTP...) and never says what happens when it fails.

    **What it flags.** A document that names a third-party provider it relies on, by brand (a
    payment processor, an SMS, email or push provider, object storage, an SFTP or FTP transfer, a
    CRM, tax, shipping, geocoding or accounting API, a message broker such as RabbitMQ, Kafka or SQS
    where messages go through it, an identity provider such as Auth0 or Okta, an identity
    verification vendor such as Onfido, a model API named with the API called: "the OpenAI vision
    API", Amazon Bedrock) or by what it is ("the payment gateway", "our SMS provider", "our
    shipping partner's API", "the bank's file drop", "la API del banco", "die API des Großhändlers",
    Kiro's `Email_Service`), or by a brand no list holds where the sentence calls it ("sent to the
    Receiptly OCR API", "from Fixwell's rates API", "sends it to the Paperform rendering service",
    "posts it to Miettes' orders endpoint"; not the document's own API, which a heading names) or
    where a table of what the product calls lists it ("| Sift API | fraud score |" under
    "| System | Called for |"), or by an acronym alone where the sentence calls it and the document
    names it again ("posted to LOGIS", "la consulta al SIRVE", "consulta o SIAFI"; not a format, a
    protocol or a keyword: "export to CSV", "THEN ... SHALL"), and never says what happens when that provider fails: no sentence, item or
    table row that names the provider or what it is called for (the charge, the SMS, the upload)
    with an error, timeout, retry, decline, bounce or dead-letter; no failure-modes section or
    error table that names it; no section about the call that speaks of failure. Words that do not
    describe the call failing do not count: a form's validation error ("invalid email address"), a
    target ("error rate below 1%"), a problem statement or success metric ("fewer failed
    payments"), a decision ("when the manager approves or rejects the request"), a channel that
    is itself the fallback ("SMS fallback for sign-in"), a code screen's "Resend" link, or a
    lifecycle table whose Status column lists Approved and Rejected (a Status column counts as
    an error table when it holds status codes). A PR/FAQ's internal FAQ is read as the body. A provider that is compared, rejected, replaced, left ("agents stop using Zendesk"), planned
    for later, quoted or named in non-goals, background or alternatives is not called, nor is a
    tool people work in by hand ("an agent types the request into Zendesk by hand", "support
    agents review each request in Zendesk") unless the sentence says the product does it
    (automatically, through an API); a document title that names the product ("Pay later for
    furniture") is no later phase; and a specification that names its
    providers only in its introduction, problem statement or background ("heavy suites such as
    QuickBooks") calls none. Failure written in German, Spanish or French ("Fehlerbehandlung",
    "si el proveedor falla", "en cas d'échec") counts where it is about a call or what the call is
    for (an interface, a service, a connection, a payment, a message; not "die Karte ist nicht
    lesbar ... Fehlermeldung", nor an SMS retry for a registry the booking queries, nor a user
    story's wish), and so does a "What if" section. A failure word of the document's title names its
    subject ("Report a power outage by SMS"): it neither makes every section a failure section nor
    answers "create an outage report in the OMS". One finding per document, at the first
    mention in the body (not the introduction or glossary), naming the other providers and lines.
    A customer's dispute, a size limit ("refuses photos larger than 10 MB") or an error shown as a
    field ("the last error") is no word on the call failing. An "Overview" under the design is the
    design, not the introduction.
    Decision records are judged on the payment, SMS, email or push provider or the message broker
    they decide to adopt, and on storage or an API their decision sends data to ("uploads the dump
    to a B2 bucket"),
    proposals (KEPs, Rust RFCs, Go design documents, OTEPs) on those their design calls; plans and
    task lists (an "Implementation Plan" under any file name) are skipped.

    **Why it matters.** Every provider call fails sometimes: a declined card, a Twilio outage, an
    email that bounces, an S3 timeout. The spec is where the team agrees whether to retry, queue,
    tell the user or give up; left out, each engineer decides alone.

    **Example**

    ```markdown
    ## Checkout
    The customer pays with Stripe and gets a receipt from SendGrid.
    ```

    **Use instead**

    ```markdown
    ## Checkout
    The customer pays with Stripe and gets a receipt from SendGrid.

    If Stripe declines the card, the order stays in the cart with the decline reason shown. A
    receipt that bounces is logged and shown on the order page instead.
    ```
    """

    id = "EH004"
    name = "provider-failure-unhandled"
    category = Category.ERROR_HANDLING
    default_level = Level.WARNING
    # Default: no finding on the corpus's specifications (none names a provider it leaves unhandled);
    # the findings of its first draft, on proposals, are judged in bench/verdicts/round5-recall-failure.tsv.
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        kind_of_document = document_kind(document, context)
        if kind_of_document in TASK_LISTS or _PLAN_TITLE.match(document_title(document)):
            return  # a plan or task list implements the spec, where failure is specified
        proposal = kind_of_document != "adr" and (
            is_proposal(document, context) or reads_like_proposal(document) or kind_of_document in _PROPOSALS)
        # (a proposal is read on its transactional providers only: searching for the others costs)
        mentions = unhandled_providers(document, _TRANSACTIONAL if proposal else None)
        if kind_of_document == "adr":
            # A decision record is judged on what it decides: a payment, SMS, email or push
            # provider or a message broker it adopts. Providers named in its context or options are not called.
            # Storage or another API counts where the decision sends something to it ("uploads the
            # dump to a B2 bucket"), not where it is named as infrastructure.
            mentions = [mention for mention in mentions
                        if (mention[0] in _ADOPTED or (mention[0] in _SENT_TO and _SENDS.search(
                            document.lines[mention[2].start.line - 1])))
                        and _DECISION_TITLE.search(section_at(document, mention[2].start.line).title or "")]
        elif proposal:
            # A proposal names storage and infrastructure in passing; a payment, SMS, email or
            # push provider its design calls (not its summary or motivation) is a call to answer for.
            mentions = [mention for mention in mentions if mention[0] in _TRANSACTIONAL
                        and _rank(document, mention[2]) == 0 and not _motivation(document, mention[2])]
        else:
            # A broker counts where messages go through it ("publishes the event to SQS"), not
            # where it is named as a data store ("external stores (Kafka, Kinesis, etc.)").
            mentions = [mention for mention in mentions if mention[0] != "message queue"
                        or _MESSAGING.search(document.lines[mention[2].start.line - 1])]
            # A provider named where the document says how success is measured ("| Care contacts tagged
            # 'overcharge' | Zendesk tag export |") is where a figure comes from, not a call the product makes.
            mentions = [mention for mention in mentions if not _measures(document, mention[2])]
            if all(_introduces(document, span) for _kind, _brand, span in mentions):
                # named only in the introduction, problem or background ("heavy suites (QuickBooks,
                # Xero)", "competitors collect through PayPal"): what the product calls is in its body
                mentions = []
        if not mentions:
            return
        kind, brand, span = min(mentions, key=lambda mention: (_rank(document, mention[2]), _in_relative_clause(
            document, mention[2]), mention[2].start.line))
        others: dict[str, int] = {}
        for other_kind, other_brand, other_span in mentions:
            if other_brand != brand and other_brand not in others:
                others[other_brand] = other_span.start.line
        also = ""
        if others:
            named = ", ".join(f"{name} (line {line})" for name, line in list(others.items())[:4])
            also = f"; nor for {named}"
        yield Violation(span, f"{brand} ({kind}) is called, and the document never says what happens when the call "
                              f"fails{also}: say what happens on errors, timeouts, retries, declines or bounces")


#: A Kiro task list under another file name: "# Implementation Plan", "# Tasks".
_PLAN_TITLE = lazy_compile(r"^\W*(?:implementation\s+plan|implementation\s+tasks|tasks?|task\s+list)\W*$", re.I)


def document_title(document: Document) -> str:
    """The text of the document's first heading ("" when it has none)."""
    first = next((section for section in document.sections() if section.heading is not None), None)
    return first.title if first is not None else ""


#: Providers whose failure a decision to adopt them must answer for (a declined charge, an
#: undelivered code, a message nobody can process): not storage or file transfer, which decision
#: records name as infrastructure.
_TRANSACTIONAL = frozenset({"payment", "SMS", "email", "push notification"})
#: What a decision record adopts and must answer for: those, and a message broker (a message
#: nobody can process needs a dead-letter queue or a retry policy).
_ADOPTED = _TRANSACTIONAL | {"message queue"}
#: Proposal profiles besides `PROPOSAL_PROFILES` (descendants of the KEP template).
_PROPOSALS = ("openshift-enhancement", "capi-proposal", "gep")
_MESSAGING = lazy_compile(r"\b(?:publish\w*|consum\w*|enqueue\w*|queued|produces?|producers?|emits?|emitted|subscrib\w*|"
                          r"sends?|sent|pushe[sd]|polls?|dispatch\w*|events?|messages?|jobs?)\b", re.I)
_DECISION_TITLE = lazy_compile(r"\bdecision\b|\bchosen\s+option", re.I)
#: Providers a decision sends data to, and the verbs that say it does.
_SENT_TO = frozenset({"object storage", "file transfer", "external API"})
_SENDS = lazy_compile(r"\b(?:upload(?:s|ed|ing)?|ships?|shipped|pushe?s?|pushed|copies|copied|sends?|sent|writes?|written|"
                      r"transmits?|exports?|exported|submits?|submitted|posts?|posted|"
                      # a call the decision makes: "orders a laptop from Hardwarehaus through their API"
                      r"orders?|ordered|calls?|called|quer(?:y|ies|ied)|requests?|requested|fetch(?:es|ed)?)\b", re.I)


#: Where a finding should not point first: the introduction and the glossary name the providers
#: the body calls.
_PREAMBLE_SECTIONS = (*INTRO_SECTIONS, "introduction", "glossary", "terminology", "definitions", "tech stack",
                      "technology stack", "stack", "dependencies")


def _motivation(document: Document, span: Span) -> bool:
    section = section_at(document, span.start.line)
    return any(each.heading is not None and title_matches(each.title, _MOTIVATION)
               for each in (section, *section.ancestors()))


_MOTIVATION = ("motivation", "goals", "user stories", "use cases", "risks and mitigations", "drawbacks",
               "unresolved questions", "future possibilities", "rationale and alternatives")


def _introduces(document: Document, span: Span) -> bool:
    """In the summary, problem, background, context or glossary: where a spec sets the scene and
    names its terms (a tech stack, by contrast, lists what is called)."""
    section = section_at(document, span.start.line)
    return section is not None and sets_the_scene(section, _SCENE_SECTIONS)


_SCENE_SECTIONS = (*INTRO_SECTIONS, "glossary", "terminology", "definitions",
                   # an SRS's overall description (IEEE 29148): the context its section 3 specifies
                   "overall description", "product perspective", "system context", "operating environment",
                   "allgemeine beschreibung", "produktumfeld", "descripción general", "perspectiva del producto",
                   "description générale", "perspective du produit")


def _measures(document: Document, span: Span) -> bool:
    """In a section about how success is measured: "Goals and success metrics", "KPIs", "Success
    criteria" (where a provider is the source of a figure, not a call)."""
    section = section_at(document, span.start.line)
    return section is not None and any(each.heading is not None and bool(_MEASURES_TITLE.search(each.title))
                                       for each in (section, *section.ancestors()))


_MEASURES_TITLE = lazy_compile(r"\b(?:success\s+(?:metrics?|measures?|criteria)|kpis?|key\s+results|okrs?|"
                               r"goals?\s+(?:and|&)\s+(?:success\s+)?metrics|measur\w+\s+success|"
                               r"m[ée]tricas(?:\s+de\s+[ée]xito)?|erfolgs(?:kriterien|messung|kennzahlen)|kennzahlen|"
                               r"(?:indicateurs|mesures?)\s+de\s+succ[èe]s)\b|^\W*(?:\d+(?:\.\d+)*\.?\s+)?metrics\W*$", re.I)


def _in_relative_clause(document: Document, span: Span) -> bool:
    """Named in passing, in a relative clause ("owns the service that calls Tarn"): a sentence that
    states the call ("The quote service calls Tarn for each quote") is where the finding points."""
    return bool(_RELATIVE_BEFORE.search(document.lines[span.start.line - 1][:span.start.column - 1]))


_RELATIVE_BEFORE = lazy_compile(r"\b(?:that|which)\s+\w+\s+$", re.I)


def _rank(document: Document, span: Span) -> int:
    """0 for the body, 1 for headings, introductions and glossaries."""
    section = section_at(document, span.start.line)
    if section is None or (section.heading is not None and section.heading.span.start.line == span.start.line):
        return 1
    return int(sets_the_scene(section, _PREAMBLE_SECTIONS))
