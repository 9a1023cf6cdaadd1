"""Matching section titles the way a reader does.

"3.1 Non-Goals (Optional)", "**Non goals**" and "Step 2: non-goal" all name the same section.
`normalize_title` reduces a heading to a comparable key: lower-case, without numbering, emphasis,
punctuation, "(Optional)"-style decorations, and with each word in the singular.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from speclint.model import Document, Section

_NUMBERING = re.compile(
    r"^(?:(?:step|part|section|chapter|phase|appendix)\s+)?"  # "Step 2:", "Appendix A."
    r"(?:\d+(?:\.\d+)*\.?|[ivxlcdm]+[.)]|[a-z][.)])"  # "3.", "3.1", "iv)", "a."
    r"(?:\s*[:.)\-–—]\s*|\s+)",
)
_DECORATION = re.compile(
    r"\((?:optional|mandatory|required|recommended|if applicable|as applicable|"
    r"optional but recommended|if needed|where applicable|opt|req)\)",
)
_NON_WORD = re.compile(r"[^\w]+")
_KEEP_FINAL_S = ("ss", "us", "is", "ics", "ous")


def singular(word: str) -> str:
    """A cheap singular that is right for the words headings use ("dependencies", "goals")."""
    if len(word) <= 3 or word.endswith(_KEEP_FINAL_S):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def normalize_title(title: str) -> str:
    """A comparison key for a heading's plain text: `'3.1 Non-Goals (Optional)'` -> `'non goal'`."""
    text = title.lower().replace("_", " ").strip()
    text = _DECORATION.sub(" ", text)
    text = _NUMBERING.sub("", text, count=1)
    words = _NON_WORD.sub(" ", text).split()
    return " ".join(singular(word) for word in words)


def title_matches(title: str, names: Iterable[str]) -> bool:
    """True when the heading `title` is one of `names` (each normalized the same way)."""
    key = normalize_title(title)
    return any(key == normalize_title(name) for name in names)


def find_sections(document: Document, names: Iterable[str]) -> Iterator[Section]:
    """Sections whose heading is one of `names`, in document order."""
    keys = {normalize_title(name) for name in names}
    for section in document.sections():
        if normalize_title(section.title) in keys:
            yield section
