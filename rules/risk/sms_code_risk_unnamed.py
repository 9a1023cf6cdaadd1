"""RK012 sms-code-risk-unnamed: sign-in or recovery codes sent by SMS, and SIM swap never named."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Section, TableCell
from speclint.document.prefilter import literals_of, may_match
from speclint.document.text import find_all, iter_prose, mask_invisible
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.requirements import TASK_LISTS, document_kind, not_in_scope


class SmsCodeRiskUnnamed(Rule):
    """Flags a spec that sends sign-in, two-factor or recovery codes by SMS and never names SIM swap.

    **What it flags.** A document with a paragraph, list item or table row that sends a code by
    SMS ("text me a code", "a one-time code by SMS", "Twilio Verify", or a code sent to the mobile
    number without the word SMS) for signing in, a second
    factor, a password reset, account recovery or verifying who someone is, when nothing in the
    document names the attack that takes those codes: no "SIM swap", "port-out", "SS7",
    "intercepted" or NIST SP 800-63 (which restricts SMS as an authenticator). A number "ported to
    another carrier" is a lost number, not the attack, and does not count. Non-goals and
    alternatives ("No SMS codes") are not read; plans and task lists are skipped. One finding, at
    the first such SMS outside the introduction (the requirement that sends it), else the first.

    **Why it matters.** A code sent by SMS goes to whoever holds the phone number, and a number
    can be moved to an attacker's SIM with a phone call to the carrier. Whoever takes the number
    takes the account. A spec that adds SMS codes to sign-in or recovery says how that is limited
    (carrier SIM-change checks, a cool-down after a number change, what an SMS sign-in may do) or
    that the risk is accepted; a security review asks first.

    **Example**

    ```markdown
    ## Recovery
    A member who lost her authenticator gets a one-time code by SMS and signs in with it.
    ```

    **Use instead**

    ```markdown
    ## Recovery
    A member who lost her authenticator gets a one-time code by SMS and signs in with it.
    SMS codes are exposed to SIM swap: a number changed at the carrier in the last 7 days
    (checked through the carrier API) gets no code, and an SMS sign-in cannot change the payee list.
    ```
    """

    id = "RK012"
    name = "sms-code-risk-unnamed"
    category = Category.RISK
    default_level = Level.WARNING
    # Default: no corpus document sends sign-in codes by SMS (no finding, none missed); fixtures in
    # tests/test_sms_code_risk.py, and the evaluation set's clean documents stay clean.
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not may_match(literals_of(_SMS), document.source):
            return  # the prose read below is part of the source: half the Rust RFCs say neither "sms" nor "text"
        if document_kind(document, context) in TASK_LISTS:
            return
        pieces = [piece for piece in iter_prose(document) if piece.kind != "heading"
                  and not (piece.section.heading is not None and not_in_scope(piece.section))]
        whole = "\n".join(mask_invisible("\n".join(segment.text for segment in piece.segments)) for piece in pieces)
        if not _SMS.search(whole) or _NAMED.search(whole):
            return
        rows: dict[int, str] = {}  # a table row is read whole: "| Second factor | a code sent by SMS |"
        for piece in pieces:
            if isinstance(piece.block, TableCell):
                line = piece.block.span.start.line
                rows[line] = rows.get(line, "") + " | " + mask_invisible(piece.block.text)
        found = []
        for piece in pieces:
            text = mask_invisible("\n".join(segment.text for segment in piece.segments))
            context_text = rows[piece.block.span.start.line] if isinstance(piece.block, TableCell) else text
            if _SMS.search(text) and _CODE.search(context_text) and _AUTHENTICATES.search(context_text) \
                    and not _NEGATED.search(context_text):
                found.append(piece)
        # The requirement that sends the code, rather than the introduction that announces it.
        body = [piece for piece in found if not _introductory(piece.section)]
        if not found:
            return
        piece = (body or found)[0]
        _match, span = next(iter(find_all(_SMS, piece.segments)))
        yield Violation(span, "codes for signing in or recovering an account go by SMS, and the document never "
                              "names SIM swap: say how a number moved to another SIM is kept from taking the "
                              "account (a SIM-change check, a cool-down, what an SMS sign-in may do), or that "
                              "the risk is accepted")


#: A message sent by SMS: "SMS", "text me a code", "a text message", "Twilio Verify", "a code
#: delivered to the mobile number". Every alternative starts with s, t, b, v, d, c, o or p (keep the
#: lookahead in step when adding one): it turns most positions of a long text away with one test
#: (half the time of a search of the 168 KiB Project Goals RFC's prose).
_SMS = lazy_compile(r"(?=[stbvdcop])\b(?:sms|text(?:s|ed)?\s+(?:(?:me|you|them|her|him|the\s+user|the\s+member|users?)\s+)?"
                    r"(?:a\s+|the\s+)?(?:[\w-]+\s+)?codes?|"
                    r"text\s+messages?|by\s+text|via\s+text|twilio\s+verify|"
                    # a code sent to a phone number, without the word SMS: "send a one-time code to the mobile number on file"
                    r"(?:sen(?:d|ds|t|ding)|text(?:s|ed)?|deliver(?:s|ed)?)\s+(?:(?:a|an|the|their|your|her|his)\s+)?"
                    r"(?:[\w-]+\s+){0,3}?(?:codes?|otps?|passcodes?|pins?)\s+to\s+(?:the|their|your|her|his|a)\s+"
                    r"(?:registered\s+|verified\s+)?(?:mobile|cell|phone)(?:\s+(?:phone|number))?|"
                    r"(?:codes?|otps?|passcodes?|pins?)\s+(?:is\s+|are\s+)?(?:sent|texted|delivered)\s+to\s+"
                    r"(?:the|their|your|her|his|a)\s+(?:registered\s+|verified\s+)?(?:mobile|cell|phone)(?:\s+(?:phone|number))?)\b",
                    re.I)
def _introductory(section: Section) -> bool:
    from speclint.document.headings import title_matches
    from speclint.reading.operations import INTRO_SECTIONS

    return any(each.heading is not None and title_matches(each.title, INTRO_SECTIONS)
               for each in (section, *section.ancestors()))


#: What the SMS carries.
_CODE = lazy_compile(r"\b(?:codes?|otps?|one[- ]time\s+(?:pass(?:word|code)|code|pin)s?|passcodes?|pins?|"
                     r"verification)\b", re.I)
#: What the code is for: signing in, a second factor, a reset, recovery, proving who someone is.
_AUTHENTICATES = lazy_compile(
    r"\b(?:sign(?:s|ed|ing)?[- ]?in|log(?:s|ged|ging)?[- ]?in|login|2fa|two[- ](?:factor|step)|mfa|multi[- ]factor|"
    r"second\s+factor|authenticat\w*|password\s+resets?|forgot(?:ten)?\s+(?:(?:their|your|her|his|my)\s+)?password|reset\s+(?:the\s+|their\s+|your\s+|her\s+|his\s+)?passwords?|"
    r"account\s+recovery|recover\s+(?:the\s+|their\s+|your\s+|her\s+|his\s+)?accounts?|"
    r"verif(?:y|ies|ied|ying)\s+(?:the\s+|their\s+|your\s+|her\s+|his\s+)?(?:identity|account|phone|number))\b", re.I)
#: The attack named, or the standard that restricts SMS codes.
_NAMED = lazy_compile(r"\bsim[- ]?swap\w*|\bport[- ]?out\b|\bporting\s+(?:fraud|attacks?|scams?)|\bss7\b|"
                      r"\bintercept\w*|\bsim\s+hijack\w*|\bsim[- ]?jack\w*|800-63", re.I)
#: "No SMS codes", "we do not send codes by SMS": a decision against it.
_NEGATED = lazy_compile(r"\b(?:no|not|never|without)\s+(?:\w+\s+){0,3}?(?:sms|text\s+messages?)\b", re.I)
