"""What a KEP says about its own maturity, and which template questions wait for a later stage.

A Kubernetes enhancement proposal records its stage (alpha, beta, stable) and status (provisional,
implementable, ...) in `kep.yaml` beside its README.md; KEP-style proposals of other projects keep
a status in their front matter. The KEP template's Production Readiness questionnaire says which
questions must be answered only "when targeting beta": in an alpha or provisional KEP they are
deliberately left unanswered, so rules that look for empty sections or template text skip them.
"""

from __future__ import annotations

import re
from typing import Any

from speclint.document.model import Document, HtmlBlock, Paragraph, Section
from speclint.lazy_regex import lazy_compile

# Guidance that defers a section to beta or GA: "This section must be completed when targeting
# beta to a release", "For beta, this section is required", "Not required until ... beta".
_LATER_STAGE = lazy_compile(
    r"when targeting (?:beta|ga|stable)|for beta, this section is required|required (?:at|for|from) beta|"
    r"not required until[^.]*\bbeta\b|targeting beta|needed (?:for|when targeting|at) beta",
    re.I,
)
_EARLY_STATUSES = frozenset({"provisional"})
_EARLY_STAGES = frozenset({"alpha"})
# Statuses under which the proposal's own process says it is still being defined and may be merged
# with open points: a KEP "marked as `provisional` is a working document and subject to change" (KEP
# template); a Gateway API GEP is `Provisional` while "implementation details have not been agreed to
# yet", and `Prototyping` "carries the same base meaning" (geps/overview.md); a plain `draft`.
_STILL_DEFINED_STATUSES = frozenset({"provisional", "prototyping", "draft"})
# A proposal whose feature has shipped: nothing in it is deferred any more.
_SHIPPED_STATUSES = frozenset({"implemented"})
# A proposal that ended without being built as written: KEP and OpenShift `replaced`, `withdrawn`,
# `rejected`; `superseded`; Gateway API `Declined`. What it leaves open will never be decided in it.
_DROPPED_STATUSES = frozenset({"replaced", "superseded", "withdrawn", "rejected", "declined"})


def maturity(document: Document) -> tuple[str | None, str | None]:
    """(stage, status) from the KEP's kep.yaml, else from its front matter, else from a Gateway API
    GEP's metadata.yaml (`kind: GEPDetails`) beside its index.md; None when not said."""
    # Worked out once per document (kept on it, as `Document.sections` keeps its list): several rules
    # ask it of every document, and each answer asked the file system twice (`is_file`: 0.5% of the
    # CPU of the Rust RFCs, none of which has either file).
    found = document.__dict__.get("_kep_maturity")
    if found is None:
        found = document.__dict__["_kep_maturity"] = _read_maturity(document)
    return found


def _read_maturity(document: Document) -> tuple[str | None, str | None]:
    data: Any = None
    if document.file_path is not None and (document.file_path.parent / "kep.yaml").is_file():
        from speclint.reading import metadata

        kep = metadata.sibling_yaml(document, "kep.yaml")
        data = getattr(kep, "data", None)
    if not isinstance(data, dict) and document.front_matter is not None:
        data = document.front_matter.data
        if data is None and document.front_matter.error is not None:
            data = _plain_fields(document.front_matter.text)
    if not (isinstance(data, dict) and data.get("status")) and document.file_path is not None and (
            document.file_path.parent / "metadata.yaml").is_file():
        from speclint.reading import metadata

        gep = getattr(metadata.sibling_yaml(document, "metadata.yaml"), "data", None)
        if isinstance(gep, dict) and gep.get("kind") == "GEPDetails":
            data = gep
    if not isinstance(data, dict):
        return None, None
    stage, status = data.get("stage"), data.get("status")
    return (_chosen(stage), _chosen(status))


#: A `key: value` line of front matter, read when its YAML does not load (`- @handle` in a list of
#: reviewers stops the parser, and the status two lines below is still plain to read).
_PLAIN_FIELD = lazy_compile(r"(?m)^(stage|status):[ \t]*([^#\n]*?)[ \t]*$")
#: The template's list of choices with the chosen one in bold: `**provisional**|implementable|...`.
_BOLD_CHOICE = lazy_compile(r"^[\w|*-]*\*\*([\w-]+)\*\*[\w|*-]*$")


def _plain_fields(text: str) -> dict[str, str]:
    return {match.group(1): match.group(2).strip("'\"") for match in _PLAIN_FIELD.finditer(text)}


def _chosen(value: object) -> str | None:
    """The value, lower-cased; from the template's list of choices, the one its author set in bold."""
    if not value:
        return None
    text = str(value).strip()
    bold = _BOLD_CHOICE.match(text) if "|" in text else None
    return (bold.group(1) if bold else text).lower()


def is_early(document: Document) -> bool:
    """True for an alpha or provisional KEP: questions for beta are not due yet."""
    stage, status = maturity(document)
    return stage in _EARLY_STAGES or status in _EARLY_STATUSES


def still_defined_status(document: Document) -> str | None:
    """The proposal's status when it says the proposal is still being defined (provisional,
    prototyping, draft), else None."""
    status = maturity(document)[1]
    return status if status in _STILL_DEFINED_STATUSES else None


def is_shipped(document: Document) -> bool:
    """True when the proposal's status says its feature is implemented."""
    return maturity(document)[1] in _SHIPPED_STATUSES


def is_dropped(document: Document) -> bool:
    """True when the proposal's status says it ended without being built as written (replaced,
    superseded, withdrawn, rejected, declined)."""
    return maturity(document)[1] in _DROPPED_STATUSES


def deferred_to_later_stage(section: Section) -> bool:
    """True when the section's own guidance, or an enclosing section's, says it is due at beta or GA."""
    current: Section | None = section
    while current is not None:
        for block in current.blocks:
            if isinstance(block, HtmlBlock):
                text = block.raw
            elif isinstance(block, Paragraph):
                text = block.text if "<!--" in block.text else ""
            else:
                continue
            if _LATER_STAGE.search(text):
                return True
        current = current.parent
    return False
