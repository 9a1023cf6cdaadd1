"""An open point that is tracked where it is written: "Fee: TBD. The pricing committee sets it in
decision PRICE-212, due 2025-09-30."

A marker such as TBD asks the reader "decide, or list it as an open question". A writer who names,
next to the marker, the ticket that tracks the point, or who owns the decision together with when or
where it is made, has listed it: the point is open on purpose, and someone will close it. Shared by
`unresolved-marker` (PH001) and `open-questions-in-approved-spec` (RK006).

What counts, in the marker's sentence and the one after it (English, German, Spanish, French,
Portuguese, Italian and Dutch):

- a tracking ticket: an issue key ("LOC-541", "Ticket PRC-77", "tracked as decision DEC-88"), not a
  requirement, criterion or standard identifier ("FR-3", "NFR-12", "ISO-8601");
- or an owner of the decision ("owned by Records Management", "Finance owns the decision",
  "verantwortlich: ...", "the pricing committee sets it") together with a date or a forum where it is
  made ("due 2025-09-30", "in its Q3 packaging review", "im Pricing-Board").

Not enough on its own: a vague promise ("we will decide later"), a team to ask ("TBD with the network
team"), or only an owner ("owner: Maria").
"""

from __future__ import annotations

import re

from speclint.lazy_regex import lazy_compile

#: An issue key as trackers write them: a project prefix, a dash, a number ("LEDGER-151", "FIN-332").
_ISSUE_KEY = lazy_compile(r"(?<![\w\-./#])(?P<prefix>[A-Z][A-Z0-9]{1,11})-(?P<number>\d{1,6})(?![\w\-]|\.\d)")

#: Prefixes of identifiers that name a requirement, criterion or standard, never a tracking ticket.
_NOT_TICKETS = frozenset({
    "FR", "NFR", "REQ", "SC", "US", "AC", "UC", "BR", "TR", "SR", "PR", "QR", "RF", "RNF", "NF", "SRS", "KPI",
    "ISO", "IEC", "RFC", "EN", "DIN", "UTF", "SHA", "AES", "RSA", "TLS", "SSL", "HTTP", "CVE", "CWE", "GPT",
    "ADR", "KEP", "PEP", "GEP", "RFD", "OTEP", "WCAG", "ASVS", "NIST",
})

#: Words that introduce a tracked item: "tracked in", "ticket", "Vorgang", "incidencia".
_TRACKING_CUE = lazy_compile(
    r"\b(?:track(?:ed|ing)?|ticket|issue|jira|epic|story|decision|entscheidung|vorgang|verfolgt|erfasst|"
    r"incidencia|seguimiento|decisi[oó]n|suivi|d[ée]cision|acompanhad[oa]|decis[aã]o|chamado|tracciat[oa]|"
    r"decisione|segnalazione|gevolgd|besluit|melding)\b",
    re.I,
)

#: Someone who owns the decision: "owned by", "owner: X", "X owns the decision", "X decides", "X sets it".
_OWNER = lazy_compile(
    r"\b(?:owned\s+by|owner\s*[:=]\s*(?!tbd|tbc|tba|\?|none|n/a|unknown|unassigned)\S|"
    r"owns\s+(?:the|this|that|it)\b|decides|is\s+deciding|will\s+decide\s+(?:it\s+)?(?:in|at|on|by)\b|"
    r"(?<!\bbe\s)decided\s+by\s+(?!\d)|(?:sets|fixes|approves)\s+(?:it|the\s+\w+)\b|accountable\s*:|DRI\s*:|"
    # German, Spanish, French, Portuguese, Italian, Dutch
    r"verantwortlich|zust[äa]ndig|entscheidet|entscheidung\s+(?:im|in\s+der|durch|von|des|der|bei)\b|"
    r"responsable\s*:|a\s+cargo\s+de|lo\s+decide\b|decide\s+(?:el|la|los|las)\b|decisi[oó]n\s+(?:del?|en\s+el)\b|"
    r"d[ée]cide(?:nt)?\b|d[ée]cision\s+(?:du|de\s+la|des|en)\b|port[ée]\s+par|"
    r"respons[aá]vel\s*:|decis[aã]o\s+(?:do|da|no|na)\b|responsabile\s*:|in\s+carico\s+a|decisione\s+(?:del|della|nel)\b|"
    r"eigenaar\s*:|beslist|verantwoordelijk)",
    re.I,
)

#: When or where the decision is made: a date, a quarter, "due", or a forum that meets.
_WHEN_OR_WHERE = lazy_compile(
    r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|(?:FY\s?\d{2,4}\s?)?Q[1-4](?:\s?'?\d{2,4})?|"
    r"(?:jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|sept|o[ck]t|nov|de[cz])[a-zä]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|"
    r"\d{1,2}(?:\.|st|nd|rd|th)?\s+(?:de\s+)?(?:jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|sept|o[ck]t|nov|de[cz]|"
    r"ene|abr|ago|dic|janv|f[ée]v|avr|juil|ao[uû]t|d[ée]c|gen|giu|lug|ott|dez)[a-zéû]*\.?(?:\s+(?:de\s+)?\d{4})?|"
    r"due|deadline|f[äa]llig|frist|plazo|fecha\s+l[ií]mite|[ée]ch[ée]ance|prazo|scadenza|uiterlijk|"
    r"review|board|committee|council|steering|meeting|forum|"
    r"gremium|ausschuss|sitzung|komitee|comit[ée]|reuni[oó]n|comisi[oó]n|r[ée]union|reuni[aã]o|comitato|riunione|"
    r"commissie|overleg|vergadering)\b",
    re.I,
)

#: The end of a sentence: a full stop, question or exclamation mark before a space, or a line break
#: between two list items.
_SENTENCE_END = lazy_compile(r"[.!?](?=\s)|\n\s*\n|\n(?=[ \t]*(?:\*\*|__|[-*+][ \t]|\d{1,2}[.)][ \t]|\|))")


def names_a_ticket(text: str) -> bool:
    """True when `text` names a tracking ticket: an issue key after a tracking word ("tracked in
    AUD-512", "Ticket PRC-77"), or one in parentheses whose prefix names no requirement or standard
    ("(PRICE-41)"). A key standing alone in the sentence is as often a product or a model ("BF-2
    workers", "GPT-4"), and does not count."""
    for key in _ISSUE_KEY.finditer(text):
        if _TRACKING_CUE.search(text[max(0, key.start() - 30):key.start()]):
            return True
        if key.group("prefix") not in _NOT_TICKETS and text[max(0, key.start() - 1):key.start()] == "(":
            return True
    return False


def tracked_point(text: str, start: int, end: int) -> bool:
    """True when the open point at text[start:end] is tracked where it stands: its sentence, or the
    sentence after it, names a tracking ticket, or an owner of the decision with a date or a forum."""
    window_start, window = _sentence_and_next_at(text, start, end)
    if "-" in window and names_a_ticket(window):
        return True
    marker_at = start - window_start
    # "Owner: TBD", "**Owner:** @TODO": the marker is the owner's value, not a point someone owns.
    owners = [owner for owner in _OWNER.finditer(window) if not 0 <= marker_at - owner.end() <= 8]
    return bool(owners and _WHEN_OR_WHERE.search(window))


def tracked_text(text: str) -> bool:
    """True when `text` (an open-questions entry) names a tracking ticket, or an owner of the decision
    with a date or a forum."""
    if "-" in text and names_a_ticket(text):
        return True
    return bool(_OWNER.search(text) and _WHEN_OR_WHERE.search(text))


#: What ships while the point is open: "Until then files stay in the existing bucket", "this does not
#: block build", "falls back to the tier-4 decal", "the feature ships behind the flag either way".
_MEANWHILE = lazy_compile(
    r"\b(?:until\s+(?:then|it\s+(?:closes|is\s+decided|lands))|in\s+the\s+meantime|meanwhile|"
    r"(?:does|do|will)\s+not\s+block|(?:is\s+)?not\s+blocking|non-blocking|falls?\s+back|either\s+way|regardless|"
    r"bis\s+dahin|unabh[äa]ngig|blockiert\s+nicht|hasta\s+entonces|mientras\s+tanto|no\s+bloquea|"
    r"en\s+attendant|d['’]ici\s+l[àa]|ne\s+bloque\s+pas|enquanto\s+isso|at[ée]\s+l[áa]|n[ãa]o\s+bloqueia|"
    r"nel\s+frattempo|fino\s+ad?\s+allora|non\s+blocca|intussen|tot\s+dan|blokkeert\s+niet)\b",
    re.I,
)


def tracked_with_interim(text: str) -> bool:
    """True when an open point is tracked (`tracked_text`) and says what ships while it stays open: an
    approved spec may carry such a point, as the build does not wait on it."""
    return tracked_text(text) and bool(_MEANWHILE.search(text))


def _sentence_and_next(text: str, start: int, end: int) -> str:
    return _sentence_and_next_at(text, start, end)[1]


def _sentence_and_next_at(text: str, start: int, end: int) -> tuple[int, str]:
    """Where the sentence of text[start:end] starts, and that sentence with the one after it."""
    sentence_start = 0
    for boundary in _SENTENCE_END.finditer(text, 0, start):
        sentence_start = boundary.end()
    ends = _SENTENCE_END.finditer(text, end)
    first = next(ends, None)
    if first is None:
        return sentence_start, text[sentence_start:]
    second = next(ends, None)
    return sentence_start, text[sentence_start:second.start() if second is not None else len(text)]


#: A value left open because it differs from case to case, which the sentence says: "The rate is TBD per
#: merchant because it is negotiated in each merchant contract", "Limit: TBD for each customer, set in
#: the contract". Fixed in each contract, not forgotten in this document.
_PER_CASE = lazy_compile(
    r"[ \t]+(?:per|for\s+(?:each|every)|case[\s-]+by[\s-]+case|je|pro|por\s+cada|para\s+cada|pour\s+chaque|"
    r"per\s+ogni|per\s+elke?|por|par)[ \t]+(?!the\b|de[rnms]?\b|la\b|le\b|el\b|os?\b|as?\b|il\b|het\b)[a-zäöüéèàáíóúñç]",
)
_VARIES_BECAUSE = lazy_compile(
    r"\b(?:negotiat\w*|contract\w*|individual\w*|verhandel\w*|vertrag\w*|individuell\w*|negoci\w*|contrat\w*|"
    r"n[ée]goci\w*|contratt\w*|onderhandel\w*)\b",
    re.I,
)


def varies_per_case(text: str, start: int, end: int) -> bool:
    """True when the marker at text[start:end] stands for a value fixed case by case ("TBD per merchant")
    and its sentence says where each case's value comes from (a contract, a negotiation)."""
    return bool(_PER_CASE.match(text, end)) and bool(_VARIES_BECAUSE.search(_sentence_and_next(text, start, end)))
