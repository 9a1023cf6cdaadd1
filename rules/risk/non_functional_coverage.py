"""RK001 non-functional-coverage: a spec that handles data, money, traffic or jobs but is silent on
performance, security, privacy, reliability or observability."""

from __future__ import annotations

from typing import Any, Iterator, Mapping

from speclint.document.model import Document, TextSegment
from speclint.engine.rule import Category, Group, Level, Option, OptionError, Rule, RuleContext, Violation
from speclint.reading.concerns import (
    MONEY_MOVEMENT,
    ProseIndex,
    anchor_for,
    block_segments,
    document_prose,
    evidence,
    phrase_pattern,
    profile_applies,
    quote,
    search_text,
    section_segments,
    sections_named,
)

# What a spec handles (the triggers). Each list is an option: `handles-<domain>`.
HANDLES: dict[str, tuple[str, ...]] = {
    "personal-data": (
        # "user data" written with a space: "user-data" is a cloud-init script in a cluster proposal.
        "personal data", "personal information", "personally identifiable", "PII", r"re:user\s+data",
        r"re:customer\s+data", "email address*", "phone number*", "mobile number*", "date* of birth",
        "home address*", "postal address*", "billing address*", "shipping address*",
        "location data", "location history", "health data", "medical record*", "social security number*",
        "passport number*", "biometric*", "customer record*", "contact detail*",
    ),
    "money": MONEY_MOVEMENT,
    "external-traffic": (
        # "public API" is left out: in library and language proposals it means exported functions.
        # Not a bare "webhook" (Kubernetes admission webhooks run inside the cluster) nor "web app"
        # (a build migration of the app names it): traffic that arrives from outside.
        "REST API*", "HTTP API*", "public API endpoint*", "public HTTP endpoint*", "public REST endpoint*",
        "public endpoint*", "incoming webhook*", "inbound webhook*", "requests per second", "incoming requests",
        "user traffic", "API gateway*", "GraphQL API*", "public internet", "internet-facing", "public-facing",
    ),
    "background-jobs": (
        "background job*", "background task*", "background process*", "cron job*",
        "cron", "crontab", "scheduled job*", "scheduled task*", "batch job*", "nightly job*", "job queue*",
        "message queue*", "task queue*", "worker pool*", "queue consumer*", "async job*",
        "asynchronous job*",
    ),
}

# What counts as addressing each concern (the concern's own name in a heading or sentence counts:
# "Privacy: N/A, no personal data is stored" addresses privacy). Each list is an option: `<concern>-terms`.
ADDRESSED_BY: dict[str, tuple[str, ...]] = {
    "performance": (
        "performance", "latency", "latencies", "throughput", "response time*", "p50", "p90", "p95", "p99",
        "p999", "percentile*", "requests per second", "RPS", "QPS", "TPS", "per second", "per minute",
        "load test*", "load-test*", "benchmark*", "scalab*", "scale", "scales", "scaling", "at scale",
        "capacity", "volume*", "concurrent user*", "concurrency", "million*", "billion*", "thousands",
        "re:\\d+(?:[.,]\\d+)?\\s?(?:ms|milliseconds)",
        "re:(?:under|within|below|less than|at most|no more than|<)\\s*(?:a|one|\\d+(?:[.,]\\d+)?)\\s*"
        "(?:ms|milliseconds?|s|secs?|seconds?|min|minutes?|hours?)",
    ),
    "security": (
        "security", "secure*", "authenticat*", "authoriz*", "authoris*", "authn", "authz", "OAuth*",
        "OIDC", "SSO", "single sign-on", "signed-in", "logged-in", "sign-in", "login*", "PCI*", "tokeni*", "IAM", "access to", "who can", "role-based", "roles", "access control*", "permission*", "RBAC", "ACL*", "encrypt*",
        "TLS", "mTLS", "HTTPS", "secret*", "credential*", "threat model*", "CSRF", "XSS",
        "injection", "API key*", "least privilege", "vulnerab*", "attacker*", "malicious",
        "abuse", "signed request*", "signed URL*", "HMAC",
    ),
    "privacy": (
        "privacy", "private data", "GDPR", "CCPA", "HIPAA", "data protection", "retention", "retain*",
        "consent", "anonymi*", "pseudonymi*", "redact*", "data minimi*", "right to be forgotten",
        "erasure", "opt-out", "opt out", "data processing agreement*", "DPA",
        "no personal data", "no PII", "no user data", "no customer data",
        "re:(?:not|never|avoid|avoids|without|no)\\s+(?:store|collect|process|log|retain|keep|persist|cach|sav|shar|send)"
        "\\w*\\s+(?:of\\s+)?(?:any\\s+)?(?:personal|user|customer|PII)",
    ),
    "reliability": (
        "reliab*", "availability", "highly available", "uptime", "downtime", "SLA*", "SLO*", "failover",
        "fail over", "fails over", "redundan*", "disaster recovery", "recover*", "backup*", "back up",
        "data loss", "lose data", "durab*", "retry", "retries", "retried", "idempoten*",
        "circuit breaker*", "graceful degradation", "degrade*", "single point* of failure", "outage*",
        "RTO", "RPO", "replica*", "replicat*", "fault toleran*", "fault-toleran*", "resilien*",
        "dead letter*", "dead-letter*", "at-least-once", "exactly-once",
    ),
    "observability": (
        "observab*", "monitor*", "metric*", "logging", "logs", "logged", "log line*", "alert*",
        "dashboard*", "tracing", "traces", "telemetry", "on-call", "on call", "pager*", "paging",
        "instrument*", "health check*", "SLI*", "SLO*", "audit log*", "audit trail*",
    ),
}

# Which domains make each concern expected. Privacy is about personal data only: a spec for a
# cron job that moves invoices owes a word on reliability, not on privacy.
CONCERN_TRIGGERS: dict[str, tuple[str, ...]] = {
    "performance": ("personal-data", "money", "external-traffic", "background-jobs"),
    "security": ("personal-data", "money", "external-traffic", "background-jobs"),
    "privacy": ("personal-data",),
    "reliability": ("personal-data", "money", "external-traffic", "background-jobs"),
    "observability": ("personal-data", "money", "external-traffic", "background-jobs"),
}

CONCERN_ADVICE = {
    "performance": "say what load, latency or data volume it must handle",
    "security": "say who may call or see what (authentication, authorisation) and how secrets are kept",
    "privacy": "say what personal data is kept, for how long and who can see it, or state that there is none",
    "reliability": "say what availability it needs and how it recovers without losing data",
    "observability": "say which metrics, logs and alerts tell the team it is working",
}

DOMAIN_WORDS = {
    "personal-data": "personal data",
    "money": "money",
    "external-traffic": "external traffic",
    "background-jobs": "background jobs",
}

EXEMPT = (
    "no behavior change*", "no behaviour change*", "no behavioral change*", "no behavioural change*",
    "no functional change*", "no user-facing change*", "no user-visible change*",
    "no externally visible change*", "pure refactor*", "purely a refactor*", "refactoring only",
    "internal refactor*", "code-only refactor*",
)

EXEMPT_TITLES = ("refactor*", "clean up", "cleanup", "code cleanup", "rename*", "internal refactor*", "tech debt")

LOOK_IN = (
    "Non-functional requirements", "Nonfunctional requirements", "NFRs", "Quality attributes",
    "Operational requirements", "Technical considerations", "Considerations", "Cross-cutting concerns",
    "Requirements", "Detailed design", "Design", "Technical design", "Proposal",
    "Reference-level explanation", "Implementation",
)


class NonFunctionalCoverage(Rule):
    """Flags a spec that handles personal data, money, external traffic or background jobs but never addresses performance, security, privacy, reliability or observability.

    **What it flags.** Each concern that the document never mentions, once per document, when the
    document shows it needs it. A concern is *expected* when the text names something the feature
    handles: personal data ("email address", "date of birth"), money ("payment", "refund"),
    external traffic ("endpoint", "webhook", "REST API") or background jobs ("cron job",
    "message queue"), at least three times in two sections (options `min-mentions`,
    `min-sections`; "no personal data is stored" is not a mention). Privacy is expected only with personal data. A concern is *addressed* when
    any heading, sentence, list item or table cell uses one of its terms: "latency", "p99" or
    "200 ms" for performance; "authentication", "permissions" or "secrets" for security;
    "retention", "GDPR" or "no personal data" for privacy; "SLO", "retries" or "backup" for
    reliability; "metrics", "alerts" or "dashboard" for observability. The concern's own name
    counts, so `Privacy: N/A — no personal data is stored` addresses privacy. Code blocks and HTML
    comments (template guidance) never count. The finding points at the section a reader would
    look in (Non-functional requirements, Requirements, Design...; option `look-in`) and quotes
    the line that made the concern expected.

    A document that says up front (preamble, summary, overview, scope or its first section) that
    it changes no behaviour ("pure refactoring", "no user-facing change"; option `exempt`), or whose
    title starts with "Refactor", "Cleanup" or "Rename" (option `exempt-titles`), is not checked:
    moving code changes nobody's data. Every list of words is an option, so a profile or a team
    can tune what triggers a concern and what addresses it; `skip-profiles` turns the rule off for
    document kinds where it does not apply (decision records and checklists, by default).

    **Why it matters.** Reviewers ask "how fast, how safe, what if it breaks, how will we know"
    about anything that handles customer data, money or traffic. When the spec is silent, the
    answers get invented mid-sprint, or in the first incident review.

    **Example**

    ```markdown
    # Saved credit cards

    ## Requirements
    - Customers can save a credit card at checkout and pick it on their next purchase.
    - The `POST /payment-methods` endpoint stores the card token from the payment provider.
    ```

    **Use instead**

    ```markdown
    ## Non-functional requirements
    - Performance: `POST /payment-methods` answers within 300 ms at p95 at 50 requests per second.
    - Security: only the card owner can list or delete a card; tokens are encrypted at rest.
    - Privacy: we keep the last 4 digits and expiry only; cards are deleted 30 days after account closure.
    - Reliability: 99.9% monthly availability; a failed save is retried by the client, never charged twice.
    - Observability: a dashboard and alert on the save error rate (above 2% for 5 minutes pages on-call).
    ```
    """

    id = "RK001"
    name = "non-functional-coverage"
    category = Category.RISK
    default_level = Level.WARNING
    # Below 90% measured precision (bench/verdicts): off unless named.
    group = Group.PREVIEW
    aliases = ("nfr-coverage",)
    options = (
        Option("concerns", "list[str]", list(ADDRESSED_BY),
               "The concerns to check: performance, security, privacy, reliability, observability."),
        *(
            Option(f"handles-{domain}", "list[str]", list(words),
                   f"Phrases that show the spec handles {DOMAIN_WORDS[domain]} ('*' ends a word, 're:' starts a regex).")
            for domain, words in HANDLES.items()
        ),
        *(
            Option(f"{concern}-terms", "list[str]", list(words),
                   f"Phrases that address {concern} anywhere in the visible text.")
            for concern, words in ADDRESSED_BY.items()
        ),
        Option("min-mentions", "int", 3,
               "How many mentions of what a spec handles make a concern expected (one passing mention is not enough).",
               minimum=1),
        Option("min-sections", "int", 2,
               "In how many different sections those mentions must stand (a worked example in one paragraph is not the feature).",
               minimum=1),
        Option("exempt", "list[str]", list(EXEMPT), "Phrases that mark a document that changes no behaviour."),
        Option("exempt-titles", "list[str]", list(EXEMPT_TITLES),
               "Words that, starting the document's title, mark a change of code only ('Refactor: ...')."),
        Option("look-in", "list[str]", list(LOOK_IN), "Sections a reader looks in for these concerns, by preference."),
        Option("skip-profiles", "list[str]", ["adr", "checklist", "kep"], "Profiles this rule does not apply to."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not profile_applies(context):
            return
        options = context.options
        unknown = [concern for concern in options["concerns"] if concern not in ADDRESSED_BY]
        if unknown:
            raise OptionError(f"option 'concerns' has unknown concern(s) {', '.join(map(repr, unknown))} "
                              f"(known: {', '.join(ADDRESSED_BY)})")
        if ProseIndex(_summary_segments(document)).first(phrase_pattern(options["exempt"])) is not None:
            return
        index = document_prose(document)
        if document.title and _title_is_exempt(document.title, options):
            return
        handled = {}
        for domain in HANDLES:
            found = evidence(document, options[f"handles-{domain}"], options["min-mentions"],
                             options["min-sections"], index)
            if found is not None:
                handled[domain] = found
        if not handled:
            return
        anchor = None
        addressing = ProseIndex(_addressing_segments(document))
        for concern in options["concerns"]:
            triggered = [domain for domain in CONCERN_TRIGGERS[concern] if domain in handled]
            if not triggered:
                continue
            if addressing.first(phrase_pattern(options[f"{concern}-terms"])) is not None:
                continue
            anchor = anchor or anchor_for(document, options["look-in"])
            match, span = handled[triggered[0]]
            yield Violation(
                anchor,
                f"{concern} is never addressed though the spec handles {DOMAIN_WORDS[triggered[0]]} "
                f"('{quote(match)}', line {span.start.line}): {CONCERN_ADVICE[concern]}",
            )


def _addressing_segments(document: Document) -> Iterator[list[TextSegment]]:
    """Visible prose that can address a concern: every block's text, and the headings of sections
    that say something. A "## Security" heading over nothing but template guidance is a promise,
    not an answer."""
    for section in document.root.walk():
        if section.heading is not None and any(True for _ in section_segments(section)):
            yield [section.heading.text_segment]
        for block in section.blocks:
            yield from block_segments(block)


SUMMARY_SECTIONS = ("Summary", "Overview", "Abstract", "TL;DR", "TLDR", "Introduction", "Context", "Motivation",
                    "Background", "Scope", "Goals", "Non-goals", "Problem")


def _summary_segments(document: Document) -> Iterator[list[TextSegment]]:
    """What a document says about itself up front: the preamble, the text under the title, the
    first section and its Summary/Overview/Scope sections. "Phase 2 has no user-facing change"
    deep in a rollout plan does not make the whole feature a refactoring."""
    for block in document.root.blocks:
        yield from block_segments(block)
    for section in document.root.children:
        if section.level == 1:
            for block in section.blocks:
                yield from block_segments(block)
    firsts = [section for section in document.sections() if section.level > 1][:1]
    for section in [*firsts, *sections_named(document, SUMMARY_SECTIONS)]:
        yield from section_segments(section)


def _title_is_exempt(title: str, options: Mapping[str, Any]) -> bool:
    if search_text(phrase_pattern(options["exempt"]), title):
        return True
    starts = phrase_pattern(options["exempt-titles"])
    match = search_text(starts, title)
    # Only at the start ("Refactor: split the payments module"), not "Payments refactor follow-ups".
    return match is not None and not title[: match.start()].strip(" \t#*_:-[]().0123456789")
