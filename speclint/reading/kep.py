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


def maturity(document: Document) -> tuple[str | None, str | None]:
    """(stage, status) from the KEP's kep.yaml, else from its front matter; None when not said."""
    data: Any = None
    if document.file_path is not None and (document.file_path.parent / "kep.yaml").is_file():
        from speclint.reading import metadata

        kep = metadata.sibling_yaml(document, "kep.yaml")
        data = getattr(kep, "data", None)
    if not isinstance(data, dict) and document.front_matter is not None:
        data = document.front_matter.data
    if not isinstance(data, dict):
        return None, None
    stage, status = data.get("stage"), data.get("status")
    return (str(stage).strip().lower() if stage else None, str(status).strip().lower() if status else None)


def is_early(document: Document) -> bool:
    """True for an alpha or provisional KEP: questions for beta are not due yet."""
    stage, status = maturity(document)
    return stage in _EARLY_STAGES or status in _EARLY_STATUSES


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
