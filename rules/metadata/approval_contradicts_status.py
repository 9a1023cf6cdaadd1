"""MD011 status-contradicts-approval: the header says approved while the approval is still pending."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Span, Table
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.header import header_lines
from speclint.reading.kep import maturity

#: A header field: `Status: Approved`, `**Estado:** Aprobado`, `| Stato | Approvato |`, `status: final`.
_FIELD = lazy_compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\|[ \t]*)?(?:\*\*|__)?(?P<key>[^\W\d_][\w ./'-]{1,40}?)[ \t]*"
    r"(?:(?:\*\*|__)?[ \t]*[:|]|:[ \t]*(?:\*\*|__))[ \t]*(?:\*\*|__)?[ \t]*(?P<value>[^|\n]*?)[ \t]*(?:\*\*|__)?[ \t]*\|?[ \t]*$"
)
#: Keys that hold the document's status, in the languages specs are written in.
_STATUS_KEY = lazy_compile(
    r"(?:document\s+)?(?:status|state|estado|stato|statut|stand|estatus|situa[çc][ãa]o)", re.I)
#: Statuses that say the document is signed off.
_APPROVED_VALUE = lazy_compile(
    r"(?:approved|accepted|final|signed[ -]off|baselined|implementable|"
    r"aprobad[oa]|aprovad[oa]|approvat[oa]|approuv[ée]e?|valid[ée]e?|genehmigt|freigegeben|abgenommen|"
    r"goedgekeurd|definitiv[oa]?)(?![\w-])",
    re.I,
)
#: Keys that name an approval or a sign-off.
_APPROVAL_KEY = lazy_compile(
    r"(?:approv(?:al|als|ed\s+by|er|ers)|sign[ -]?off(?:\s+by)?|signed\s+off\s+by|signatures?|"
    r"aprobaci[óo]n|aprobad[oa]\s+por|aprobador(?:es)?|firmas?|approvazion[ei]|approvat[oa]\s+da|firme|"
    r"approbation|approuv[ée]\s+par|signatures?|freigabe|genehmigung|genehmigt\s+von|abnahme|unterschrift(?:en)?|"
    r"aprova[çc][ãa]o|aprovad[oa]\s+por|assinatura)", re.I)
#: A value saying the approval has not happened yet.
_PENDING = lazy_compile(
    r"(?<![\w-])(?:pending|awaiting|outstanding|not\s+yet|to\s+be\s+(?:signed|approved)|unsigned|tbd|tba|"
    r"pendiente|por\s+firmar|sin\s+firmar|en\s+espera|in\s+attesa|da\s+firmare|non\s+firmat[oa]|"
    r"en\s+attente|[àa]\s+signer|non\s+sign[ée]e?|ausstehend|noch\s+nicht|offen|"
    r"pendente|aguardando|por\s+assinar)(?![\w-])",
    re.I,
)
#: Columns of a sign-off table that record the approval itself.
_RECORD_COLUMN = lazy_compile(
    r"(?:signature|signed|sign[ -]?off|date|approved|approval|decision|status|firma|fecha|data|datum|"
    r"unterschrift|freigabe|sign[ée]|assinatura|estado|stato)", re.I)
#: The KEP template's checklist line claiming the status was approved as implementable.
_KEP_IMPLEMENTABLE_CLAIM = lazy_compile(
    r"^[ \t]*[-*][ \t]+\[[xX]\][^\n]*approved\s+the\s+KEP\s+status\s+as\s+`?implementable`?", re.M)


class StatusContradictsApproval(Rule):
    """Flags a document whose header says it is approved while its own approval record says it is not yet.

    **What it flags.** A status in the header (front matter, `Status: Approved`, a metadata table
    row `| Estado | Aprobado |`) that says the document is approved, accepted, final or signed off,
    when the same document records the approval as still to come: an approval field whose value is
    pending (`Approval: Head of Finance (pending signature)`, `Aprobado por: pendiente`), or a
    sign-off table none of whose rows is signed or dated. In a KEP, a ticked checklist line saying
    the approvers approved the status as `implementable` when kep.yaml says otherwise.

    **Why it matters.** Engineers build from an approved spec because someone accountable signed
    it. When the sign-off is still pending, the "approved" status is a claim nobody has made yet:
    the text may still change, and nobody has taken responsibility for it.

    **Example**

    ```markdown
    | Field | Value |
    |---|---|
    | Status | Approved |
    | Approval | Head of Operations (pending signature) |
    ```

    **Use instead**

    ```markdown
    | Status | In approval |
    | Approval | Head of Operations (pending signature) |
    ```
    """

    id = "MD011"
    name = "status-contradicts-approval"
    category = Category.METADATA
    default_level = Level.WARNING
    # Default under the rule for a check with few corpus findings: none on the corpus, none on the
    # clean documents of eval, eval2, eval3, eval5, cleanset, cleanset2 or on any variant bank's trap;
    # warning level (bench/verdicts/round16-riskauth11.tsv, bench/recall-notes/riskauth11.md).
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        yield from _kep_checklist(document)
        status = _approved_status(document)
        if status is None:
            return
        value, span = status
        pending = _pending_field(document, span.start.line) or _unsigned_table(document)
        if pending is None:
            return
        line, what = pending
        yield Violation(
            span,
            f"the status says '{value}', but {what} (line {line}): "
            "keep the status at review until the approval is recorded, or record it",
        )


def _header_fields(document: Document) -> Iterator[tuple[int, str, str, int]]:
    """(line, key, value, column of the value) of each field in the header (front matter included)."""
    lines = document.lines
    for number in header_lines(document):
        match = _FIELD.match(lines[number - 1])
        if match is not None:
            key = match.group("key").strip(" *_").strip()
            yield number, key, match.group("value").strip(" *_"), match.start("value") + 1


def _approved_status(document: Document) -> tuple[str, Span] | None:
    for number, key, value, column in _header_fields(document):
        if not _STATUS_KEY.fullmatch(key):
            continue
        if _APPROVED_VALUE.match(value) is None or _PENDING.search(value):
            return None
        return value, Span.of(number, column, number, column + len(value))
    return None


def _pending_field(document: Document, status_line: int) -> tuple[int, str] | None:
    """An approval field of the header whose value says it is pending."""
    for number, key, value, _ in _header_fields(document):
        if number == status_line or not _APPROVAL_KEY.fullmatch(key):
            continue
        if _PENDING.search(value):
            return number, f"the {key.lower()} is still pending ('{value}')"
    return None


def _unsigned_table(document: Document) -> tuple[int, str] | None:
    """A sign-off table (under an approvals heading) none of whose rows has its signature, date or
    decision filled in."""
    for section in document.root.walk():
        if section.heading is None or not _APPROVAL_KEY.search(section.title):
            continue
        for block in section.blocks:
            if not isinstance(block, Table) or not block.rows:
                continue
            columns = [index for index, cell in enumerate(block.header)
                       if _RECORD_COLUMN.search(cell.text)]
            if not columns:
                continue
            signed = False
            for row in block.rows:
                for index in columns:
                    text = row[index].text.strip(" *_`-—–") if index < len(row) else ""
                    if text and _PENDING.search(text) is None:
                        signed = True
            if not signed:
                return block.span.start.line, "no row of the sign-off table is signed or dated"
    return None


def _kep_checklist(document: Document) -> Iterator[Violation]:
    source = document.source
    if "implementable" not in source or document.file_path is None:
        return
    match = _KEP_IMPLEMENTABLE_CLAIM.search(source)
    if match is None:
        return
    status = maturity(document)[1]
    if status is None or status == "implementable" or status == "implemented":
        return
    line = source.count("\n", 0, match.start()) + 1
    text = document.lines[line - 1]
    start = len(text) - len(text.lstrip()) + 1
    yield Violation(
        Span.of(line, start, line, len(text) + 1),
        f"the checklist says the approvers approved the status as implementable, but kep.yaml says "
        f"'{status}': untick the line or update kep.yaml",
    )


