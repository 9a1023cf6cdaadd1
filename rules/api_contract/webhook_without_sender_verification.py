"""API018 webhook-without-sender-verification: an endpoint that receives another system's webhooks, in a
decision record or proposal, and nothing says how the sender is verified."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Span
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.interfaces import http_endpoints, named_endpoints
from speclint.reading.requirements import document_kind, section_text

#: A path that receives calls from another system: `/webhooks/stripe`, `/hooks/inkwell`, `/callbacks/bank`.
_WEBHOOK_PATH = lazy_compile(r"/(?:web-?hooks?|hooks|callbacks?|notify|ipn)(?:/|$)", re.I)
#: The text that names the endpoint says it receives another system's calls: "our handler",
#: "receives Stripe's events", "Inkwell calls our webhook".
_RECEIVES = lazy_compile(
    r"\b(?:our|the)\s+(?:webhook|callback)\s+(?:handler|endpoint|receiver|listener)|"
    r"\b(?:our|the)\s+(?:webhook|callback)\b(?:\s*,)?\s+`?(?:POST|PUT)|\bour\s+handler\b|"
    r"\breceives?\s+(?:the\s+)?(?:\w+(?:'s)?\s+)?(?:webhooks?|callbacks?|events?|notifications?)\s+from\b",
    re.I,
)
#: How a receiver knows who sent the call, said anywhere: an HMAC, a shared secret, mTLS, an allowlist.
_VERIFIED_ANYWHERE = lazy_compile(
    r"\b(?:hmac|shared\s+secrets?|webhook\s+secrets?|signing\s+secrets?|signing\s+keys?|mtls|mutual\s+tls|"
    r"client\s+certificates?|allow-?list\w*|whitelist\w*|ip\s+ranges?|basic\s+auth\w*|jws|oidc|"
    r"verif\w+\s+(?:the\s+|each\s+|every\s+|its\s+)?(?:sender|signature|request|payload|webhook|caller|call|event|"
    r"origin|token)s?|x-[\w-]*signature[\w-]*)\b",
    re.I,
)
#: Words that verify the sender only in a sentence about the calls: a signature on the request, not the
#: customer's signature on a contract ("when all parties have signed").
_VERIFIED_NEAR = lazy_compile(r"\b(?:signatures?|signing|signed\s+(?:with|using|by)|secrets?|verif\w+|validat\w+|"
                              r"tokens?|authenticat\w+|api[- ]keys?)\b", re.I)
_ABOUT_CALLS = lazy_compile(r"\b(?:webhooks?|hooks?|callbacks?|requests?|payloads?|headers?|events?|"
                            r"notifications?|senders?|calls?|handler|endpoints?)\b", re.I)
_SENTENCE_END = lazy_compile(r"(?<=[.!?])\s+|\n\s*\n")
#: Companion documents whose endpoints are steps or plans.
_COMPANIONS = ("kiro-tasks", "spec-kit-tasks", "spec-kit-plan", "checklist")


class WebhookWithoutSenderVerification(Rule):
    """Flags an endpoint that receives another system's webhooks, in a decision record or a proposal, when nothing says how the sender is verified.

    **What it flags.** A `POST` or `PUT` endpoint that receives calls from another system (its path
    says so, `/webhooks/...`, `/hooks/...`, `/callbacks/...`, or the text naming it does: "our handler",
    "receives the provider's events from"), named in an ADR, an RFC, a KEP or another proposal, when
    the document says nowhere how the receiver knows who sent the call: no HMAC or signing secret, no
    signature checked on the request, no token, no mTLS or client certificate, no allowlist. A
    signature on a contract ("when all parties have signed") is not one on the request. Product specs
    are API002's, which asks the same where the API states how its own callers authenticate.

    **Why it matters.** A webhook receiver is a public endpoint that changes state: anyone who finds
    `POST /hooks/inkwell` can mark a contract signed and start onboarding. A decision record that
    chooses the vendor decides the integration; how its calls are trusted is part of that decision.

    **Example**

    ```markdown
    ## Decision Outcome
    When all parties have signed, Inkwell sends `contract.completed` to our webhook. Our handler,
    `POST /hooks/inkwell`, marks the contract signed in the CRM.
    ```

    **Use instead**

    ```markdown
    ## Decision Outcome
    When all parties have signed, Inkwell sends `contract.completed` to our webhook. Our handler,
    `POST /hooks/inkwell`, checks the `X-Inkwell-Signature` HMAC with the shared secret, answers 401
    when it fails, and only then marks the contract signed in the CRM.
    ```
    """

    id = "API018"
    name = "webhook-without-sender-verification"
    category = Category.API_CONTRACT
    default_level = Level.WARNING
    # Default: no corpus finding, none on the clean documents of eval, eval2, eval3, cleanset and cleanset2,
    # no false alarm on the variant banks' traps (bench/recall-notes/apimoney10.md).
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        from speclint.rules.api_contract.endpoint_without_contract import _is_task_list, skips_document

        if "/" not in document.source or not skips_document(document, context) \
                or document_kind(document, context) in _COMPANIONS or _is_task_list(document):
            return
        hooks: list[tuple[Span, str]] = []
        for endpoint in named_endpoints(document):
            if _receives(endpoint.label, " ".join(endpoint.contexts)):
                hooks.append((endpoint.span, endpoint.label))
        for interface in http_endpoints(document):
            if interface.kind == "http" and _receives(interface.label, ""):
                hooks.append((interface.span, interface.label))
        if not hooks:
            return
        text = mask_invisible(section_text(document.root, with_code=True))
        if _VERIFIED_ANYWHERE.search(text) or any(
                _VERIFIED_NEAR.search(sentence) and _ABOUT_CALLS.search(sentence)
                for sentence in _SENTENCE_END.split(text)):
            return
        span, label = min(hooks, key=lambda hook: (hook[0].start.line, hook[0].start.column))
        yield Violation(span, f"endpoint {label} receives another system's calls, and nothing says how the sender "
                              "is verified: name the signature (HMAC and its secret), the token or the mTLS "
                              "identity, and what a request that fails it gets")


def _receives(label: str, context: str) -> bool:
    method, _, path = label.partition(" ")
    if method not in ("POST", "PUT"):
        return False
    return bool(_WEBHOOK_PATH.search(path.split("?", 1)[0]) or _RECEIVES.search(context))
