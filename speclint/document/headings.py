"""Matching section titles the way a reader does.

"3.1 Non-Goals (Optional)", "**Non goals**" and "Step 2: non-goal" all name the same section.
`normalize_title` reduces a heading to a comparable key: lower-case, without numbering, emphasis,
punctuation, "(Optional)"-style decorations, and with each word in the singular.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from speclint.document.model import Document, Section
from speclint.document.text import text_cache
from speclint.lazy_regex import lazy_compile

_NUMBERING = lazy_compile(
    r"^(?:(?:step|part|section|chapter|phase|appendix)\s+)?"  # "Step 2:", "Appendix A."
    r"(?:\d+(?:\.\d+)*\.?|[ivxlcdm]+[.)]|[a-z][.)])"  # "3.", "3.1", "iv)", "a."
    r"(?:\s*[:.)\-–—]\s*|\s+)",
)
_DECORATION = lazy_compile(
    r"\((?:optional|mandatory|required|recommended|if applicable|as applicable|"
    r"optional but recommended|if needed|where applicable|opt|req|"
    # spec-kit headings in other languages: "Critérios de Sucesso *(obrigatório)*", "Casi limite (facoltativo)"
    r"obligatorio|obrigatório|obbligatorio|obligatoire|verpflichtend|opcional|facoltativo|optionnel)\)",
)
_NON_WORD = lazy_compile(r"[^\w]+")
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


@text_cache
def normalize_title(title: str) -> str:
    """A comparison key for a heading's plain text: `'3.1 Non-Goals (Optional)'` -> `'non goal'`."""
    text = title.lower().replace("_", " ").strip()
    text = _DECORATION.sub(" ", text)
    text = _NUMBERING.sub("", text, count=1)
    words = [singular(word) for word in _NON_WORD.sub(" ", text).split()]
    if _has_foreign(words):
        words = _in_english(words)
    return " ".join(words)


def _key_words(title: str) -> list[str]:
    """`normalize_title`'s words without reading foreign titles in English (for building the table)."""
    text = _NUMBERING.sub("", _DECORATION.sub(" ", title.lower().replace("_", " ").strip()), count=1)
    return [singular(word) for word in _NON_WORD.sub(" ", text).split()]


def _foreign_phrases() -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """First word -> (phrase words, English words), longest phrase first."""
    from speclint.document.section_names import FOREIGN_SECTION_NAMES

    phrases: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for english, names in FOREIGN_SECTION_NAMES.items():
        english_words = tuple(_key_words(english))
        for name in names:
            words = tuple(_key_words(name))
            if words and words != english_words:
                phrases.setdefault(words[0], []).append((words, english_words))
    for entries in phrases.values():
        entries.sort(key=lambda entry: len(entry[0]), reverse=True)
    return phrases


def _stored_foreign_phrases() -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """`_foreign_phrases()`, kept between runs in the start-up store while `section_names.py` and
    this file are unchanged: building it reads some 300 titles, about 1 ms of every run."""
    from speclint.document import section_names
    from speclint.startup_store import store

    try:
        this_file = store().file_digest(__file__)
        return store().from_file(  # type: ignore[no-any-return]
            section_names.__file__, f"foreign phrases, headings.py {this_file}", lambda _path: _foreign_phrases())
    except (OSError, TypeError):  # no source file to key on (a zip install): build it
        return _foreign_phrases()


_FOREIGN_PHRASES = _stored_foreign_phrases()
_FOREIGN_FIRST_WORDS = frozenset(_FOREIGN_PHRASES)


def _has_foreign(words: list[str]) -> bool:
    return any(word in _FOREIGN_FIRST_WORDS for word in words)


def _in_english(words: list[str]) -> list[str]:
    """The words of a title with each German, Spanish or French section name read as its English
    one (`speclint.document.section_names`): "akzeptanzkriterien" -> "acceptance criteria"."""
    from speclint.document.section_names import FOREIGN_CONNECTORS

    result: list[str] = []
    translated = False
    index = 0
    while index < len(words):
        for phrase, english in _FOREIGN_PHRASES.get(words[index], ()):
            if tuple(words[index:index + len(phrase)]) == phrase:
                result.extend(english)
                index += len(phrase)
                translated = True
                break
        else:
            result.append(words[index])
            index += 1
    if translated:
        result = ["and" if word in FOREIGN_CONNECTORS else word for word in result]
    return result


def title_matches(title: str, names: Iterable[str]) -> bool:
    """True when the heading `title` is one of `names` (each normalized the same way)."""
    key = normalize_title(title)
    if type(names) is tuple:  # a module's list of names: normalized once, not at each heading
        keys = _name_keys.get(names)
        if keys is None:
            if len(_name_keys) > 1024:  # a bound for names built at run time
                _name_keys.clear()
            keys = _name_keys[names] = frozenset(normalize_title(name) for name in names)
        return key in keys
    return any(key == normalize_title(name) for name in names)


_name_keys: dict[tuple[str, ...], frozenset[str]] = {}


def find_sections(document: Document, names: Iterable[str]) -> Iterator[Section]:
    """Sections whose heading is one of `names`, in document order."""
    keys = {normalize_title(name) for name in names}
    for section in document.sections():
        if normalize_title(section.title) in keys:
            yield section


# --- aliases ----------------------------------------------------------------------------------
#
# Groups of titles that name the same section. The first name of each group is its canonical
# name. Profiles add their own aliases per expected section; these are the ones every kind of
# document shares, so rules and profiles agree on them.

SECTION_ALIASES: tuple[tuple[str, ...], ...] = (
    ("Non-goals", "Out of scope", "Out-of-scope", "Not in scope", "Scope exclusions", "Non-objectives",
     "What we are not doing", "Anti-goals"),
    ("Goals", "Objectives", "Goals and objectives", "Aims"),
    ("Acceptance criteria", "Definition of done", "Done when", "Exit criteria", "Acceptance tests",
     "Acceptance scenarios"),
    ("Error handling", "Failure modes", "What can go wrong", "Errors", "Error cases", "Failure handling",
     "Failure scenarios", "Error states"),
    ("Edge cases", "Corner cases", "Boundary conditions", "Edge conditions", "Special cases"),
    ("Open questions", "Unresolved questions", "Open issues", "Outstanding questions", "Questions",
     "Discussion and open questions"),
    ("Alternatives", "Alternatives considered", "Considered alternatives", "Other options considered",
     "Rejected alternatives", "Prior art and alternatives", "Rationale and alternatives"),
    ("Risks", "Risks and mitigations", "Risk assessment", "Trade-offs and mitigations", "Drawbacks"),
    ("Success metrics", "Success criteria", "Metrics", "Measures of success", "KPIs", "Key results",
     "Success measures", "Measurable outcomes"),
    ("Problem statement", "Problem", "The problem", "Context and problem statement", "Background",
     "Motivation", "Why", "Context"),
    ("Requirements", "Functional requirements", "Product requirements", "User requirements",
     "Feature requirements"),
    ("Non-functional requirements", "Nonfunctional requirements", "Quality attributes", "NFRs",
     "Performance requirements", "Quality requirements"),
    ("User stories", "User scenarios", "Use cases", "User journeys", "User scenarios and testing",
     "Scenarios"),
    ("Dependencies", "External dependencies", "Prerequisites"),
    ("Timeline", "Milestones", "Schedule", "Roadmap", "Release plan", "Phases"),
    ("Summary", "Overview", "TL;DR", "Executive summary", "Abstract", "Introduction"),
    ("Rollout", "Rollout plan", "Launch plan", "Deployment plan", "Release strategy", "Rollout strategy"),
    ("Testing", "Test plan", "Testing strategy", "Testing plan", "Verification", "Validation plan"),
    ("Security", "Security considerations", "Privacy and security", "Security and privacy"),
    ("Assumptions", "Assumptions and constraints", "Constraints"),
    ("Glossary", "Terminology", "Definitions", "Terms"),
)

_CONDITIONAL_NOTE = lazy_compile(
    r"\((?=[^()]*\b(?:optional|mandatory|required|recommended|if applicable|if any|if needed|as needed|"
    r"include if|when applicable|where relevant)\b)[^()]*\)",  # `[^()]`: linear on a run of `(`
    re.I,
)
# `(?<!\s)\s*/` starts only where a run of spaces starts, and `(?<=\s)/` covers a slash right after
# one: a search from inside a long run of spaces would rescan it (quadratic).
_PARTS = lazy_compile(r"(?<!\s)\s+(?:and|&)\s+|(?<!\s)\s*/\s*|(?<=\s)/\s*|,\s+", re.I)


def heading_parts(title: str) -> list[str]:
    """The parts of a combined heading: "Goals and Non-goals" -> ["Goals", "Non-goals"] ([] if one part)."""
    parts = [part for part in _PARTS.split(_CONDITIONAL_NOTE.sub(" ", title)) if part.strip()]
    return parts if len(parts) > 1 else []


_STOP_WORDS = frozenset({"and", "the", "a", "an", "of", "for", "to"})


@text_cache
def heading_key(title: str) -> str:
    """A looser key than `normalize_title`: also ignores "&"/"and", "the", "a", "of", "for", "to",
    and any parenthesised note that says the section is optional or conditional.

    "User Scenarios & Testing" and "User scenario and testing" share a key; so do "Trade-offs and
    mitigations" and "Tradeoffs & Mitigations"; "Key Entities *(include if feature involves data)*"
    is "key entity". Used to match a heading against expected names.
    """
    title = _CONDITIONAL_NOTE.sub(" ", title)
    words = normalize_title(title.replace("&", " and ")).split()
    kept = [word for word in words if word not in _STOP_WORDS]
    key = " ".join(kept or words)
    return key.replace("non goal", "nongoal").replace("trade off", "tradeoff").replace("out of scope", "out scope")


def _build_alias_index() -> dict[str, frozenset[str]]:
    index: dict[str, frozenset[str]] = {}
    for group in SECTION_ALIASES:
        keys = frozenset(heading_key(name) for name in group)
        for key in keys:
            index[key] = index.get(key, frozenset()) | keys
    return index


_ALIAS_INDEX = _build_alias_index()


def alias_keys(name: str) -> frozenset[str]:
    """The keys of `name` and of every built-in alias of it ("Non-goals" -> also "out scope"...)."""
    key = heading_key(name)
    return _ALIAS_INDEX.get(key, frozenset()) | {key}


def same_section(title: str, name: str) -> bool:
    """True when a heading `title` names the section `name`, built-in aliases included."""
    return heading_key(title) in alias_keys(name)


def find_sections_like(document: Document, names: Iterable[str]) -> Iterator[Section]:
    """Sections whose heading is one of `names` or one of their built-in aliases, in document order."""
    keys: set[str] = set()
    for name in names:
        keys |= alias_keys(name)
    for section in document.sections():
        if heading_key(section.title) in keys:
            yield section
