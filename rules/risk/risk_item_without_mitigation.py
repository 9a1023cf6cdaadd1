"""RK011 risk-item-without-mitigation: one labelled risk of a "Risks and mitigations" list left with no mitigation."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, ListBlock, Paragraph, Section, Span
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import (
    RESPONSE_ACTION,
    IMPERATIVE_RESPONSE,
    LISTS_RESPONSES,
    MITIGATION,
    RESPONSE_LEAD_IN,
    RISK_SECTIONS,
    Entry,
    is_project_risk_section,
    phrase_pattern,
    search_text,
    section_entries,
    sections_named,
)


class RiskItemWithoutMitigation(Rule):
    """Flags one risk of a "Risks and mitigations" list that is described and left without the mitigation its siblings have.

    **What it flags.** Under a heading of the project's risks ("Risks", "Known risks", "Risks and
    Mitigations", "Risks and responses", "Riesgos", "Risiken", "Risques"), a list of two or more risks, each item opening with
    a bold label (`**Disk pressure.**`, `**Secrets in archives:**`), where at least one item says
    what is done about its risk and another only describes its own: one sentence after the label,
    with no word of response (mitigated, limited to, monitored, we will, feature flag, accepted...;
    RK002's `mitigation-terms`), no "should" or "must" (nor "will" under a title that promises
    mitigations: under a plain "Risks" title "will" tells the risk, "partners will reject the file"),
    nothing ruled out ("is not affected", "nicht betroffen", "n'est pas affecté"), no order ("Keep ...", "Limit ..."),
    nothing nested under it, no restriction the design sets ("holds only ids, never names"), and no
    paragraph after the list that names it and answers it ("Thrashing is bounded: ..."). The finding points at that item's label. The author's own list shows
    that each risk gets its answer; the one without is the one that was not decided. Lists of
    "**Impact:**" and "**Mitigation:**" fields, a "Risk mitigation" section and a list introduced
    as responses ("The design addresses these risks by:") are not read. RK002 (preview) reads
    every other way of listing a risk, RK010 risks tables.

    **Why it matters.** A risk that is named and then left alone is a worry handed to whoever
    meets it in production: "archives can be as large as the pod's memory" tells the reviewer
    the disk can fill, and nothing about who stops it.

    **Example**

    ```markdown
    ### Risks and Mitigations
    - **Stale cache.** Readers may see an old price for a minute. Prices are cached for 60
      seconds at most and purged on every change.
    - **Hot partition.** One merchant's traffic can land on a single shard.
    ```

    **Use instead**

    ```markdown
    ### Risks and Mitigations
    - **Stale cache.** Readers may see an old price for a minute. Prices are cached for 60
      seconds at most and purged on every change.
    - **Hot partition.** One merchant's traffic can land on a single shard. Merchant ids are
      hashed with the order id, and a shard over 70% CPU pages the on-call.
    ```
    """

    id = "RK011"
    name = "risk-item-without-mitigation"
    category = Category.RISK
    default_level = Level.WARNING
    # Default: no finding on the corpus (its labelled risks lists either answer every risk or are
    # Impact/Mitigation field lists, which are not read); bench/verdicts/round9-recall-failure4.tsv.
    # Widened to plain "Risks" titles in round 17 (risk17): still no corpus finding, none on a clean document.
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        names = list(RISK_SECTIONS)
        for section in sections_named(document, names):
            if not is_project_risk_section(section, names, read_title=False) \
                    or LISTS_RESPONSES.match(section.title) or _introduces_responses(section):
                continue
            entries = [entry for entry in section_entries(section) if entry.kind == "item"]
            labels = [_LABEL.match(mask_invisible(entry.text)) for entry in entries]
            if len(entries) < 2 or not all(labels) or any(_FIELD.match(label.group("label")) for label in labels if label):
                continue
            # Under a plain "Risks" title, "will" is how a risk is told ("their finance team will reject
            # the charge"); under "Risks and mitigations" it is how the answer is.
            promised = bool(_PROMISES_MITIGATION.search(section.title))
            answered = [_responds(entry, label.group("rest"), promised) for entry, label in zip(entries, labels) if label]
            if not any(answered):
                continue  # a list with no answer at all is RK002's (preview) to read
            after = _paragraphs_after_lists(section)
            for entry, label, responds in zip(entries, labels, answered):
                if responds or label is None:
                    continue
                name = label.group("label").strip(" .:—–-")
                if _answered_after(name, after):
                    continue
                first = entry.segments[0][0]
                yield Violation(Span.of(first.line, first.column, first.line, first.column + len(name) + 4),
                                f"risk '{name}' has no mitigation, though the other risks of "
                                            f"'{section.title}' have one: say how it is reduced, who watches it, "
                                            "or that it is accepted")


#: Titles that ask for each risk's answer.
_PROMISES_MITIGATION = lazy_compile(r"\b(?:mitigat\w*|responses?|contingenc\w*|countermeasures?)\b", re.I)
#: An item that opens with a bold label: group `label` is the label, `rest` what follows it.
_LABEL = lazy_compile(r"^\s*(?:\*\*|__)(?P<label>[^*_\n]{2,80}?)(?:\*\*|__)\s*[:.—–-]?\s*(?P<rest>.*)$", re.S)
#: Labels that are fields of one risk, not risks: "**Impact:**", "**Mitigation:**".
_FIELD = lazy_compile(r"^\W*(?:impact|mitigations?|likelihood|probability|severity|owner|status|response|risk|"
                      r"consequences?|cause|trigger|contingency|plan|action)\W*$", re.I)
_SENTENCE_END = lazy_compile(r"[.!?](?=\s|$)")
_TERMS = phrase_pattern(list(MITIGATION))
#: A restriction the design sets, which bounds the harm: "messages carry only the date and time, never
#: the diagnosis", "the export holds only ids, not names", "reports never include confidential columns".
_RESTRICTION = lazy_compile(
    r"\bonly\b[^.;:!?]{1,80}?,\s*(?:but\s+)?(?:never|not)\b"
    # or what the design never lets through: "shared reports never include columns marked confidential".
    r"|\bnever\s+(?:include|contain|store|send|show|log|expose|share|leave|hold|carry|return|list|index|reach|"
    r"cache|copy|export|forward|print|display)s?\b",
    re.I)

#: A risk the design rules out, which answers it: "the timeout is measured by the scheduler, so skew
#: between nodes does not matter", "a replayed token is not accepted", "the cache is unaffected".
_RULED_OUT = lazy_compile(
    r"\b(?:does\s+not|doesn't|do\s+not|don't|cannot|can't|can\s+not|will\s+not|won't|never)\s+"
    r"(?:matter|apply|arise|occur|happen|affect\s+(?:it|this|them|the\s+\w+))\b"
    r"|\b(?:is|are)\s+(?:not\s+(?:affected|a\s+(?:concern|problem|risk|issue))|unaffected|irrelevant)\b"
    r"|\bhas\s+no\s+(?:effect|impact)\s+on\b",
    re.I)


#: What must be done, without the "will" a risk is told with: "the proxy must cap bodies at 1 MB".
_OBLIGATION = lazy_compile(r"\b(?:should|must|shall|needs? to|has to|have to|is to|are to)\b", re.I)

#: `_RULED_OUT` in the other languages risks are written in: "der Lauf ist davon nicht betroffen",
#: "le calcul n'est pas affecté", "la nómina no se ve afectada", "sin impacto en".
_RULED_OUT_ELSEWHERE = lazy_compile(
    r"\bnicht\s+betroffen\b|\bkeine(?:n)?\s+(?:Einfluss|Auswirkung(?:en)?)\s+auf\b|\bunberührt\b"
    r"|\bn['’](?:est|sont)\s+pas\s+(?:affecté|concerné|impacté)e?s?\b|\b(?:sans|aucun)\s+(?:impact|effet)\s+sur\b"
    r"|\bno\s+se\s+ve(?:n)?\s+afectad[oa]s?\b|\bno\s+afecta(?:n)?\s+(?:a|al)\b|\bsin\s+(?:impacto|efecto)\s+(?:en|sobre)\b",
    re.I)


def _paragraphs_after_lists(section: Section) -> list[str]:
    """The visible text of each paragraph that follows a list in the section."""
    found: list[str] = []
    seen_list = False
    for block in section.blocks:
        if isinstance(block, ListBlock):
            seen_list = True
        elif seen_list and isinstance(block, Paragraph):
            found.append(mask_invisible(block.text))
    return found


def _answered_after(name: str, paragraphs: list[str]) -> bool:
    """A paragraph after the list names the risk and answers it: "Thrashing is bounded: the kubelet
    keeps the image for 10 minutes"."""
    words = [word for word in re.findall(r"[^\W\d_]{4,}", name)]
    if not words:
        return False
    named = re.compile(r"\b" + re.escape(words[0]), re.I) if len(words) > 1 else re.compile(
        r"\b" + re.escape(words[0]) + r"\b", re.I)
    for text in paragraphs:
        if (name.lower() in text.lower() or named.search(text)) and (
                _TERMS is not None and _TERMS.search(text) or RESPONSE_ACTION.search(text)):
            return True
    return False


def _introduces_responses(section: Section) -> bool:
    """A paragraph before the list presents it as responses ("The design addresses these risks by:")."""
    previous = None
    for block in section.blocks:
        if isinstance(block, ListBlock) and isinstance(previous, Paragraph) \
                and RESPONSE_LEAD_IN.search(mask_invisible(previous.text).rstrip("*_ ")):
            return True
        previous = block
    return False


def _responds(entry: Entry, rest: str, promised: bool = True) -> bool:
    """The item says what is done about its risk, or says more than one sentence of it. `promised`: the
    section's title asks for responses, so a "will" in the item is one."""
    text = mask_invisible(entry.text)
    if len(entry.segments) > 1 or search_text(_TERMS, entry.text) is not None:
        return True
    action = RESPONSE_ACTION if promised else _OBLIGATION
    if IMPERATIVE_RESPONSE.search(text) or action.search(text) or _RESTRICTION.search(rest) \
            or _RULED_OUT.search(rest) or _RULED_OUT_ELSEWHERE.search(rest):
        return True
    sentences = [piece for piece in _SENTENCE_END.split(rest.strip()) if piece.strip()]
    return len(sentences) != 1
