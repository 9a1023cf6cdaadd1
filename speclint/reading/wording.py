"""Word lists for the wording rules, and where each word comes from.

Every default term cites the published reference it is taken from, so a team that disagrees with
a word can see why it is there and drop it with the rule's `terms` option:

- **ARM**: NASA Goddard SATC's Automated Requirements Measurement tool (Wilson, Rosenberg and
  Hyatt, "Automated Analysis of Requirement Specifications", ICSE 1997): its *weak phrases*
  (adequate, as appropriate, as required, easy to, effective, timely...), *options* (can, may,
  optionally) and *incompletes* (but not limited to, as a minimum).
- **INCOSE R7 / R8 / R9 / R26**: the INCOSE Guide to Writing Requirements (INCOSE-TP-2010-006),
  rules R7 *vague terms*, R8 *escape clauses*, R9 *open-ended clauses*, R26 *absolutes*.
- **ISO 29148**: ISO/IEC/IEEE 29148:2018, 5.2.7 *requirements language criteria*: superlatives,
  subjective language, ambiguous adverbs and adjectives, open-ended non-verifiable terms,
  comparative phrases and loopholes are to be avoided; 5.2.4 reserves "shall" for requirements
  ("should" states a goal, "may" an option).
- **Wiegers**: the ambiguous-terms table of Wiegers and Beatty, *Software Requirements* (3rd ed.),
  which several of the terms PRDs use most (robust, seamless, graceful, faster) come from.
- **speclint**: terms product documents use for the same purpose that the references above do not
  spell out: speeds and times without a value (fast, quickly, instantly, as soon as possible),
  which break INCOSE R7's rule without being on its list, and product slang (performant, snappy).

A term listed under ISO 29148 is one of its examples or falls in one of the categories it names
(subjective language, superlatives, comparatives, ambiguous adjectives, loopholes); the other
references are cited for the terms their lists contain.
"""

from __future__ import annotations

import re
import weakref
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Iterable, Pattern

if TYPE_CHECKING:
    from speclint.document.model import Document, Section
    from speclint.reading.normative import Statement

from speclint.document.model import Span
from speclint.document.text import WordListPattern, literal_pieces
from speclint.lazy_regex import lazy_compile
from speclint.reading import languages

# (term, sources). Terms are matched case-insensitively as whole words; a space also matches a
# hyphen or a line break ("user friendly", "user-friendly").
VAGUE_TERMS: tuple[tuple[str, str], ...] = (
    ("adequate", "ARM, INCOSE R7"),
    ("adequately", "ARM, INCOSE R7"),
    ("appropriate", "INCOSE R7"),
    ("appropriately", "INCOSE R7"),
    ("efficient", "INCOSE R7, Wiegers"),
    ("efficiently", "INCOSE R7, Wiegers"),
    ("sufficient", "INCOSE R7"),
    ("sufficiently", "INCOSE R7"),
    ("reasonable", "INCOSE R7, Wiegers"),
    ("reasonably", "INCOSE R7, Wiegers"),
    ("significant", "INCOSE R7, ISO 29148"),
    ("significantly", "INCOSE R7, ISO 29148"),
    ("typical", "INCOSE R7"),
    ("typically", "INCOSE R7"),
    ("usually", "INCOSE R7"),
    ("almost always", "INCOSE R7, ISO 29148"),
    ("several", "INCOSE R7, Wiegers"),
    ("a few", "INCOSE R7"),
    ("a lot of", "INCOSE R7"),
    ("numerous", "INCOSE R7"),
    ("flexible", "INCOSE R7, Wiegers"),
    ("expandable", "INCOSE R7"),
    ("timely", "ARM"),
    ("in a timely manner", "ARM"),
    ("easy", "ARM (easy to), ISO 29148"),
    ("easily", "ARM (easy to), ISO 29148"),
    ("easy to use", "ISO 29148"),
    ("user friendly", "ISO 29148"),
    ("cost effective", "ISO 29148"),
    ("minimize", "Wiegers"),
    ("maximize", "Wiegers"),
    ("optimal", "Wiegers"),
    ("best", "ISO 29148 (superlatives)"),
    ("better", "ISO 29148 (comparatives), Wiegers"),
    ("faster", "ISO 29148 (comparatives), Wiegers"),
    ("improved", "Wiegers"),
    ("robust", "Wiegers"),
    ("seamless", "Wiegers"),
    ("seamlessly", "Wiegers"),
    ("graceful", "Wiegers"),
    ("gracefully", "Wiegers"),
    ("intuitive", "ISO 29148 (subjective language)"),
    ("intuitively", "ISO 29148 (subjective language)"),
    ("fast", "speclint (a speed without a value)"),
    ("quick", "speclint (a speed without a value)"),
    ("quickly", "speclint (a speed without a value)"),
    ("rapid", "speclint (a speed without a value)"),
    ("rapidly", "speclint (a speed without a value)"),
    ("instantly", "speclint (a speed without a value)"),
    ("as soon as possible", "speclint (a time without a value)"),
    ("asap", "speclint (a time without a value)"),
    ("responsive", "ISO 29148 (subjective language)"),
    ("scalable", "ISO 29148 (non-verifiable)"),
    ("highly available", "ISO 29148 (non-verifiable)"),
    ("reliable", "ISO 29148 (non-verifiable)"),
    ("reliably", "ISO 29148 (non-verifiable)"),
    ("smooth", "ISO 29148 (subjective language)"),
    ("smoothly", "ISO 29148 (subjective language)"),
    ("state of the art", "ISO 29148 (superlatives)"),
    ("best in class", "ISO 29148 (superlatives)"),
    ("world class", "ISO 29148 (superlatives)"),
    ("performant", "speclint"),
    ("high performance", "speclint"),
    ("snappy", "speclint"),
    ("blazing fast", "speclint"),
    ("lightning fast", "speclint"),
    *languages.VAGUE_TERMS,  # German, Spanish, French
)

ESCAPE_CLAUSES: tuple[tuple[str, str], ...] = (
    ("as far as possible", "INCOSE R8"),
    ("so far as is possible", "INCOSE R8"),
    ("as much as possible", "INCOSE R8"),
    ("as little as possible", "INCOSE R8"),
    ("where possible", "INCOSE R8"),
    ("wherever possible", "INCOSE R8"),
    ("if possible", "ISO 29148 (loopholes)"),
    ("when possible", "INCOSE R8"),
    ("whenever possible", "INCOSE R8"),
    ("if necessary", "INCOSE R8"),
    ("where necessary", "INCOSE R8"),
    ("when necessary", "INCOSE R8, Wiegers"),
    ("as necessary", "INCOSE R8"),
    ("to the extent necessary", "INCOSE R8"),
    ("if it should prove necessary", "INCOSE R8"),
    ("as appropriate", "ARM, INCOSE R8, ISO 29148"),
    ("where appropriate", "INCOSE R8, Wiegers"),
    ("when appropriate", "INCOSE R8"),
    ("if appropriate", "INCOSE R8"),
    ("as required", "ARM, INCOSE R8"),
    ("as needed", "INCOSE R8"),
    ("if needed", "INCOSE R8"),
    ("as applicable", "ISO 29148 (loopholes)"),
    ("where applicable", "ISO 29148 (loopholes)"),
    ("if applicable", "ISO 29148 (loopholes)"),
    ("to the extent practical", "INCOSE R8"),
    ("to the extent practicable", "INCOSE R8"),
    ("as far as practical", "INCOSE R8"),
    ("as much as practicable", "Wiegers"),
    ("if practicable", "INCOSE R8"),
    ("where practicable", "INCOSE R8"),
    ("if feasible", "INCOSE R8"),
    ("where feasible", "INCOSE R8"),
    ("ideally", "Wiegers"),
    ("preferably", "INCOSE R8"),
    ("if time permits", "INCOSE R8"),
    ("time permitting", "INCOSE R8"),
    *languages.ESCAPE_CLAUSES,  # German, Spanish, French
)

OPEN_ENDED_CLAUSES: tuple[tuple[str, str], ...] = (
    ("including but not limited to", "INCOSE R9, ISO 29148"),
    ("but not limited to", "ARM (incompletes), ISO 29148"),
    ("but is not limited to", "ARM (incompletes), ISO 29148"),
    ("etc", "INCOSE R9"),
    ("and so on", "INCOSE R9"),
    ("and so forth", "INCOSE R9"),
    ("and the like", "INCOSE R9"),
    ("among others", "INCOSE R9"),
    ("or similar", "INCOSE R9"),
    ("and more", "INCOSE R9"),
    ("as a minimum", "ARM (incompletes), ISO 29148"),
    ("at a minimum", "ARM (incompletes), ISO 29148"),
    ("...", "INCOSE R9 (an enumeration ending in an ellipsis)"),
    *languages.OPEN_ENDED_CLAUSES,  # German, Spanish, French
)

#: Absolutes (INCOSE R26). Those in `SELF_CONTAINED_ABSOLUTES` promise perfection on their own;
#: the others ("always", "never") are only unachievable when they qualify a quality such as
#: availability, latency or data loss ("never stores card numbers" is a testable prohibition).
ABSOLUTES: tuple[tuple[str, str], ...] = (
    ("always", "INCOSE R26"),
    ("never", "INCOSE R26"),
    ("at all times", "INCOSE R26"),
    ("under all circumstances", "INCOSE R26"),
    ("under all conditions", "INCOSE R26"),
    ("in all cases", "INCOSE R26"),
    ("100%", "INCOSE R26"),
    ("100 percent", "INCOSE R26"),
    ("zero downtime", "INCOSE R26"),
    ("no downtime", "INCOSE R26"),
    ("without any downtime", "INCOSE R26"),
    ("zero data loss", "INCOSE R26"),
    ("no data loss", "INCOSE R26"),
    ("without interruption", "INCOSE R26"),
    ("error free", "INCOSE R26"),
    ("bug free", "INCOSE R26"),
)
SELF_CONTAINED_ABSOLUTES = frozenset({
    "zero downtime", "no downtime", "without any downtime", "zero data loss", "no data loss",
    "without interruption", "error free", "bug free",
})
#: Words that make "always", "never", "at all times" a promise about a quality when they stand
#: next to it ("always available", "never fails", "responds ... at all times").
QUALITY_WORDS = (
    "available", "availability", "up", "uptime", "downtime", "online", "reachable", "accessible",
    "responsive", "respond", "responds", "fast", "instant", "instantly", "quick", "quickly",
    "fail", "fails", "crash", "crashes", "break", "breaks", "down", "lose", "loses", "lost",
    "accurate", "reliable", "secure", "work", "works", "succeed", "succeeds", "correct",
)
#: Qualities for which "100%" is unachievable (operations): "100% of inputs are validated" is a
#: deterministic property a test checks; "100% uptime" is not.
PERCENT_QUALITY_WORDS = (
    "uptime", "availability", "available", "reliability", "reliable", "durability", "durable",
    "delivery", "delivered", "secure", "security", "accuracy", "accurate", "satisfaction",
)

#: Weak modals (ISO 29148 5.2.4: "should" is a goal, "may" an option; ARM "options"; INCOSE R1/R2
#: require "shall"). "can" and "will" are left out by default: PRDs use them for plain facts.
WEAK_MODALS: tuple[tuple[str, str], ...] = (
    ("should", "ISO 29148 5.2.4"),
    ("may", "ISO 29148 5.2.4, ARM (options)"),
    ("might", "ISO 29148 5.2.4"),
    ("could", "ISO 29148 5.2.4"),
    ("ought to", "ISO 29148 5.2.4"),
)


def terms(table: Iterable[tuple[str, str]]) -> list[str]:
    return [term for term, _ in table]


_REFERENCES = ("ARM", "INCOSE", "ISO 29148", "Wiegers", "speclint")
_REFERENCE_NAMES = {
    "ARM": "NASA ARM (weak phrases, options, incompletes)",
    "INCOSE": "INCOSE Guide to Writing Requirements",
    "ISO 29148": "ISO/IEC/IEEE 29148:2018",
    "Wiegers": "Wiegers and Beatty, Software Requirements",
    "speclint": "speclint (speeds and times without a value, product slang)",
}


def sources_markdown(table: Iterable[tuple[str, str]]) -> str:
    """A Markdown list: each reference with the default terms taken from it (for rule docs)."""
    rows = list(table)
    lines = []
    for reference in _REFERENCES:
        taken = [f'"{term}"' for term, sources in rows if reference in sources]
        if taken:
            lines.append(f"- {_REFERENCE_NAMES[reference]}: {', '.join(taken)}")
    return "\n".join(lines)


def with_sources(rule: type, table: Iterable[tuple[str, str]]) -> type:
    """Append a **Sources** paragraph, built from `table`, to a rule's docstring (its documentation),
    so the published docs list every default term with the reference it comes from."""
    body = "**Sources of the default list.**\n\n" + sources_markdown(table)
    indented = "\n".join(("    " + line) if line else "" for line in body.splitlines())
    rule.__doc__ = (rule.__doc__ or "").rstrip() + "\n\n" + indented + "\n    "
    return rule


def _term_regex(term: str) -> str:
    if term == "...":
        # An enumeration that trails off: "PNG, JPEG, ..." or "PNG, JPEG…".
        return r"(?:(?<=, )|(?<=,))(?:\.\.\.|…)(?!\.)|(?<=\w)…"
    if term == "etc":
        return r"\betc\b\.?"
    words = [re.escape(word) for word in term.split()]
    body = r"(?:\s+|-)".join(words)
    # Not part of a hyphenated compound or name ("fast-check", "graceful-degradation").
    start = r"(?<![\w-])" if term[0].isalnum() else ""
    end = r"(?![\w]|-\w)" if term[-1].isalnum() else r"(?!\w)"
    return start + body + end


@lru_cache(maxsize=64)
def compile_terms(terms: tuple[str, ...], case_sensitive: bool = False) -> WordListPattern | None:
    """One alternation of `terms`, longest first, each as whole words (compiled, per text, from
    the terms that occur in it: see `WordListPattern`)."""
    cleaned = [term.strip() for term in terms if term.strip()]
    if not cleaned:
        return None
    longest_first = sorted(set(cleaned), key=len, reverse=True)
    return WordListPattern(longest_first, partial(_terms_alternation, case_sensitive=case_sensitive), _term_pieces)


@lru_cache(maxsize=256)
def _terms_alternation(terms: tuple[str, ...], case_sensitive: bool) -> Pattern[str]:
    alternatives = [_term_regex(term) for term in terms]
    return re.compile("|".join(f"(?:{alternative})" for alternative in alternatives), 0 if case_sensitive else re.I)


def _term_pieces(term: str) -> tuple[str, ...] | None:
    return None if term == "..." else literal_pieces(term, r"\s+")


def canonical(matched: str) -> str:
    """The matched words lower-cased with single spaces ("User-Friendly" -> "user friendly")."""
    return " ".join(re.split(r"[\s\-]+", matched.lower())).strip()


# --- which statements the wording rules read ---------------------------------------------------------

#: Profiles of design proposals (RFCs, KEPs, design docs, ADRs): their lowercase "should" and "efficient"
#: are discussion; only statements with a requirement ID are contract there.
DESIGN_PROPOSAL_PROFILES = ("rust-rfc", "kep", "go-design", "otep", "design-doc", "adr")
SKIP_PROFILES_HELP = ("Profiles of design proposals, where only statements with a requirement ID are read "
                      "(their prose argues; it does not commit).")

# "Rationale: users should...", "(why: ...)": the reason given for a requirement is not the requirement.
_RATIONALE = lazy_compile(r"(?:\b(?:rationale|why|reason|motivation|because)\b\s*[:—–)]?|\(\s*why\b)", re.IGNORECASE)
# A status line ("✅ Handles a missing domain gracefully") reports work done; it requires nothing.
_STATUS_MARK = lazy_compile(r"^\W*(?:✅|☑️?|✔️?|❌|⚠️?)")


def contract_statements(document: Document, profile: str | None, skip_profiles: Iterable[str]) -> list[Statement]:
    """The normative statements a wording rule reads: in a design proposal (profile listed in
    `skip_profiles`), only those with a requirement ID; never a status line."""
    from speclint.reading.normative import normative_statements

    proposal = profile is not None and profile in set(skip_profiles)
    return [statement for statement in normative_statements(document)
            if not _STATUS_MARK.match(statement.text) and (not proposal or statement.requirement_id)]


def in_rationale(match: re.Match[str]) -> bool:
    """True when the match comes after a rationale label or "because" in its statement."""
    return _RATIONALE.search(match.string, 0, match.start()) is not None


def sentence_before(match: re.Match[str]) -> str:
    """The sentence up to the match (at most 300 characters back): the modal that commits must govern
    it ("the product should use X where practical"), not stand in an aside after it ("... if necessary
    (think about whether it should ...)")."""
    before = match.string[max(0, match.start() - 300): match.start()]
    return re.split(r"[.!?;]\s", before)[-1]


def match_span(span: Span, match: re.Match[str]) -> Span:
    """The span of the matched words alone when they stand on one line; the hit's span otherwise."""
    if "\n" in match.group(0):
        return span
    return Span.of(span.start.line, span.start.column, span.start.line, span.start.column + len(match.group(0)))


# "## Problem Statement 🔴 `@human-required`": a review tag after the title (code, emoji) does not change what
# the section is.
_TITLE_TAGS = lazy_compile(r"`[^`]*`|@[\w-]+|[^\w\s&/'-]+")


def in_descriptive_section(statement: Statement) -> bool:
    """True in a problem statement, background, user stories... (`normative.is_descriptive`), also when the
    heading carries a review tag after its title, and in a list of principles."""
    from speclint.document.headings import normalize_title
    from speclint.reading.normative import is_descriptive

    if is_descriptive(statement.section):
        return True
    keys = _descriptive_keys()
    for section in (statement.section, *statement.section.ancestors()):
        if section.heading is None:
            continue
        if normalize_title(section.title).endswith("principle"):
            return True  # "Product principles": how the team decides, not what it builds
        if _TITLE_TAGS.search(section.title) and normalize_title(_TITLE_TAGS.sub(" ", section.title)) in keys:
            return True
    return False


@lru_cache(maxsize=1)
def _descriptive_keys() -> frozenset[str]:
    from speclint.document.headings import normalize_title
    from speclint.reading.normative import DESCRIPTIVE_TITLES

    return frozenset(normalize_title(title) for title in DESCRIPTIVE_TITLES)


#: Sections of a design proposal that commit, as a requirements section does: an ADR's decision, and the
#: drivers a MADR decision is judged against ("Flag evaluation must be fast" is a yardstick nobody can apply).
#: (Goals were tried: "whatever we implement must be easy to use" in a Go design's goals is a direction, not
#: a contract.)
_COMMITMENT_TITLES = ("decision", "decision outcome", "decision drivers", "decision driver")


def commits(section: Section) -> bool:
    """True in a design proposal's decision (the section or an ancestor)."""
    # rules ask for each statement: answered once per section, kept on it (a weak dictionary cost more)
    known = section.__dict__.get("_commits")
    if known is None:
        known = section.__dict__["_commits"] = _commits(section)
    return known


def _commits(section: Section) -> bool:
    from speclint.document.headings import normalize_title

    keys = _commitment_keys()
    return any(each.heading is not None and normalize_title(each.title) in keys
               for each in (section, *section.ancestors()))


@lru_cache(maxsize=1)
def _commitment_keys() -> frozenset[str]:
    from speclint.document.headings import normalize_title

    return frozenset(normalize_title(title) for title in _COMMITMENT_TITLES)


# --- requirement shapes the section titles do not show --------------------------------------------------

# "3.1.2 The system shall ...", "1.3. WHEN ..., THE System SHALL ...", "**R3.** The page ...": an SRS or Kiro
# outline number, or a short requirement label, in front of a requirement numbers it; it is not a value it gives.
_OUTLINE_NUMBER = lazy_compile(r"^(\W{0,4})(?:\d{1,3}(?:\.\d{1,3})+\.?|(?:R|REQ|FR|NFR|F|SR|QR)\d{1,3}(?:\.\d{1,3})*[.:)]?)"
                               r"(?=(?:\*\*|__)?\s+(?:[—–:-]\s+)?(?:\*\*|__)?[A-Z])")


def without_outline_number(sentence: str) -> str:
    """`sentence` with a leading outline number ("3.1.2", "1.3.") or label ("R3.", "NFR2:") blanked (same length)."""
    match = _OUTLINE_NUMBER.match(sentence)
    if match is None:
        return sentence
    start = match.end(1)
    return sentence[:start] + " " * (match.end() - start) + sentence[match.end():]


# A digit inside a name is not a value: "3G networks", "IPv6", "S3", "OAuth2", "HTTP/2", "WCAG"-like codes. A number
# with a unit stays ("200ms", "10x", "5s", "99.9%"), and so do percentiles ("p95").
_NAME_WITH_DIGIT = lazy_compile(
    r"(?<![\w.])(?:(?!p\d{2}\b)[A-Za-z]+[\d][\w]*|\d+(?!(?:ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|d|days?|k|kb|mb|gb|"
    r"tb|x|px|fps|rps|qps|st|nd|rd|th)\b)[A-Za-z]+)(?![\w.])")


def without_names_with_digits(text: str) -> str:
    """`text` with names that hold a digit blanked (same length): "loads fast on 3G networks" gives no value."""
    return _NAME_WITH_DIGIT.sub(lambda match: " " * len(match.group(0)), text)


# "**Requirements:**", "Non-functional requirements:", "**Acceptance criteria**": a label that heads the list below
# it in a one-pager or under a story, where no heading says "Requirements".
_LABEL_WORDS = (r"(?:(?:functional|non[\s-]?functional|technical|product|system|quality|key|core|performance|security|mvp)\s+)?"
                r"(?:requirements?|nfrs?|acceptance\s+(?:criteria|scenarios?|tests?)|success\s+criteria|must[\s-]haves?|features|in\s+scope|"
                r"what\s+we(?:'|’|\s+a)re\s+building)")
_REQUIREMENT_LABEL = lazy_compile(r"^[\s*_]*" + _LABEL_WORDS + r"[\s*_]*[:：]?[\s*_]*$", re.I)
# "**Requirements:** sync is fast and intuitive.": the label and the requirement in one paragraph.
_LABELLED_PARAGRAPH = lazy_compile(r"^(?:\*\*|__)" + _LABEL_WORDS + r"\s*(?:[:：]\s*(?:\*\*|__)|(?:\*\*|__)\s*[:：])\s*\S", re.I)


def under_requirement_label(statement: Statement) -> bool:
    """True for an item of a list that a requirements label heads (the paragraph right before the list is only
    "**Requirements:**", "Acceptance criteria:", "NFRs:", "Must haves:"..., or the item's parent item is), and for a
    paragraph that starts with such a label in bold ("**Requirements:** ...")."""
    if statement.kind == "paragraph":
        return bool(_LABELLED_PARAGRAPH.match(statement.text))
    if statement.kind != "list-item":
        return False
    return _labelled_items(statement.section).get(id(statement.segments[0]) if statement.segments else 0, False)


def _labelled_items(section: Section) -> dict[int, bool]:
    """For each list item's first segment (by identity) in `section`, whether a requirements label heads it."""
    # Kept on the section (asked for each statement; a weak dictionary cost more than the answer).
    cached = section.__dict__.get("_labelled_items")
    if cached is not None:
        return cached
    from speclint.document.model import ListBlock, Paragraph

    found: dict[int, bool] = {}

    def visit(block: ListBlock, labelled: bool) -> None:
        for item in block.items:
            first = item.blocks[0] if item.blocks else None
            if isinstance(first, Paragraph) and first.segments:
                found[id(first.segments[0])] = labelled
            heads = isinstance(first, Paragraph) and bool(_REQUIREMENT_LABEL.match(first.text))
            for sublist in item.sublists:
                visit(sublist, labelled or heads)

    previous: object = None
    for block in section.blocks:
        if isinstance(block, ListBlock):
            visit(block, isinstance(previous, Paragraph) and bool(_REQUIREMENT_LABEL.match(previous.text)))
        previous = block
    section.__dict__["_labelled_items"] = found
    return found


#: Sections of a product document whose items are what it builds, though no title says "requirements": a PRD's
#: feature list, its MVP or must-haves, what is in scope, a one-pager's or a pitch's solution.
_FEATURE_TITLES = (
    "features", "key features", "core features", "core features mvp", "feature list", "feature set", "mvp",
    "mvp features", "mvp scope", "mvp capabilities", "in scope", "must have", "must haves", "capabilities",
    "key capabilities", "functionality", "what we are building", "what we're building", "solution",
    "proposed solution", "deliverables",
    # a lean one-pager's "Why / What / Not doing": its What is what gets built
    "what",
    # a product document's quality sections, when no "Non-functional requirements" heading holds them
    "performance", "security", "privacy", "usability", "accessibility", "reliability", "availability", "scalability",
    "compliance", "ux", "user experience",
)


@lru_cache(maxsize=1)
def _feature_keys() -> frozenset[str]:
    from speclint.document.headings import normalize_title

    return frozenset(normalize_title(title) for title in _FEATURE_TITLES)


def in_feature_section(statement: Statement) -> bool:
    """True for a list item or table cell of a feature list, an MVP, must-haves, in scope or a solution (the
    nearest such section is nearer than any background, scope or other descriptive section), in a product
    document (a README's feature list advertises; it does not commit)."""
    if statement.kind == "paragraph":
        return False  # prose there describes; its items are what gets built
    return _feature_section(statement.section) and _is_product_document(statement.section)


#: Headings only a product document has: a README or a guide lists features without any of them.
_PRODUCT_TITLES = ("problem", "problem statement", "the problem", "goals", "goals and non goals", "non goals",
                   "user stories", "success metrics", "success criteria", "target users", "personas", "appetite",
                   "functional requirements", "non functional requirements", "acceptance criteria", "not doing",
                   "what we are not doing")
# (not "Requirements" alone: a README's "Requirements" lists what to install)


def _is_product_document(section: Section) -> bool:
    from speclint.document.headings import normalize_title

    root = section
    while root.parent is not None:
        root = root.parent
    cached = _product_cache.get(root)
    if cached is None:
        keys = {normalize_title(title) for title in _PRODUCT_TITLES}
        cached = _product_cache[root] = any(
            each.heading is not None and normalize_title(_TITLE_TAGS.sub(" ", each.title)) in keys for each in root.walk())
    return cached


_product_cache: weakref.WeakKeyDictionary[Section, bool] = weakref.WeakKeyDictionary()


def _feature_section(section: Section) -> bool:
    from speclint.document.headings import normalize_title
    from speclint.reading.normative import is_descriptive

    features = _feature_keys()
    for each in (section, *section.ancestors()):
        if each.heading is None:
            continue
        key = normalize_title(_TITLE_TAGS.sub(" ", each.title))
        if key in features:
            return True
        if is_descriptive(each):
            return False
    return False


_FAQ_TITLES = ("faq", "faqs", "frequently asked questions", "customer faq", "internal faq", "external faq")
# "A: Refunds arrive instantly.", "**A:** ...", "Answer: ...": a PR/FAQ's answer says what the product does.
_ANSWER = lazy_compile(r"^[\s*_]*(?:A|Answer)[\s*_]*[:：.][\s*_]*\S")


_REQUIREMENT_HEADING_ID = lazy_compile(r"^\W*(?:FR|NFR|REQ|RQ|SR|QR|BR)-\d{1,5}(?:\.\d{1,3})*[a-z]?\b")


def under_requirement_heading(statement: Statement) -> bool:
    """True for a paragraph or item right under a heading that defines a requirement ("### FR-1: Search"): the
    section's text is that requirement (user stories, "US-1", stay out)."""
    section = statement.section
    answer = section.__dict__.get("_requirement_heading")  # asked for each statement: once per section
    if answer is None:
        answer = section.__dict__["_requirement_heading"] = (
            section.heading is not None and bool(_REQUIREMENT_HEADING_ID.match(section.title)))
    return answer


def is_faq_answer(statement: Statement) -> bool:
    """True for an answer ("A: ...") in the FAQ of a product document (a PR/FAQ)."""
    from speclint.document.headings import normalize_title

    if statement.kind == "table-cell" or not _ANSWER.match(statement.text):
        return False
    keys = {normalize_title(title) for title in _FAQ_TITLES}
    return any(each.heading is not None and normalize_title(each.title) in keys
               for each in (statement.section, *statement.section.ancestors()))


_PITCH_TITLES = ("appetite", "rabbit holes", "no gos", "no-gos")


def is_pitch(document: Document) -> bool:
    """A Shape Up pitch (problem, appetite, solution, rabbit holes, no-gos): a product document that commits to
    its solution, though its problem and solution headings make it read as a design document."""
    from speclint.document.headings import normalize_title

    keys = {normalize_title(title) for title in _PITCH_TITLES}
    return any(section.heading is not None and normalize_title(section.title) in keys for section in document.root.walk())


# "**R3.** The page ...", "NFR2: ...": a short requirement label without the hyphen of an ID.
_SHORT_LABEL = lazy_compile(r"^(?:\*\*|__)?(?:R|REQ|FR|NFR)\d{1,3}(?:\.\d{1,3})*[.:)]?(?:\*\*|__)?[.:)]?\s+(?:[—–:-]\s+)?[A-Z]")


def requirement_shape(statement: Statement, proposal: bool) -> bool:
    """True when a statement is a requirement by its shape though no requirements heading holds it: an item under a
    requirements label, text under a requirement's own heading or after a short label ("**R3.**"), and, outside
    design proposals, an item of a
    product document's feature or quality section, or a PR/FAQ answer."""
    # Four rules ask it of every statement: answered once per statement and `proposal` (kept on it).
    shapes = statement._shapes
    if shapes is None:
        shapes = statement._shapes = [None, None]
    which = 1 if proposal else 0
    answer = shapes[which]
    if answer is None:
        answer = shapes[which] = _requirement_shape(statement, proposal)
    return answer


def _requirement_shape(statement: Statement, proposal: bool) -> bool:
    return (under_requirement_label(statement) or under_requirement_heading(statement)
            or bool(_SHORT_LABEL.match(statement.text))
            or (not proposal and (in_feature_section(statement) or is_faq_answer(statement))))


# --- Where a vague word's measure is given outside its own sentence (WD006, WD008) ---------------------

# A measure: a bound, a percentile or a share before a number and its unit ("under 800 ms", "p95 inferior
# a 500 ms", "8 of 10 managers", "in about 1.5 seconds", "60 images par seconde"). A bare number ("the
# last 30 days", "a 2019 phone") is not one.
_MEASURE = lazy_compile(
    r"(?:\b(?:under|below|within|less\s+than|more\s+than|at\s+(?:most|least)|no\s+(?:more|less)\s+than|up\s+to|"
    r"in\s+(?:about|around|roughly|approximately)?|unter|innerhalb|höchstens|mindestens|binnen|"
    r"(?:en\s+)?menos\s+de|inferior\s+a|máximo|como\s+mucho|(?:en\s+)?moins\s+de|inférieure?\s+à|au\s+plus)"
    r"\s+(?:\w+\s+)?\d"
    r"|[<>≤≥]\s*=?\s*\d|\bp\d{2}\b|\d\s*%|\b\d+\s+(?:of|out\s+of|von|de|sur)\s+\d+\b"
    r"|\d[\d.,]*\s*(?:ms|s|sec(?:ond)?s?|seconds?|minutes?|min|fps|images\s+par\s+seconde|frames\s+per\s+second)\b)",
    re.I,
)
_SENTENCE_END = lazy_compile(r"[.!?;](?:\s|$)")


def measured_next(text: str, end: int) -> bool:
    """True when the sentence right after the one that holds `text[end]` gives a measure (a bound or a
    percentile with its number): "The time picker must be fast. It renders in under 800 ms at p75";
    "debe ser rápida. Objetivo: p95 inferior a 500 ms"."""
    first = _SENTENCE_END.search(text, end)
    if first is None:
        return False
    second = _SENTENCE_END.search(text, first.end())
    following = text[first.end(): second.start() if second else len(text)]
    return bool(_MEASURE.search(following))


# After the word, in its sentence: a pointer to where it is spelled out ("scalable to the load below",
# "gracefully, as set out in the table below", "quickly (see SC-002)", "as defined in section 3.4").
_POINTS_TO_MEASURE = lazy_compile(
    r"[^.!?;\n]{0,80}?(?:\b(?:below|above|hereafter|unten|ci-dessous|a\s+continuación)\b"
    r"|\b(?:as\s+(?:set\s+out|defined|described|specified|listed|detailed|measured|given)|see|per|"
    r"in|according\s+to)\s+(?:the\s+)?(?:table|section|appendix|§|[A-Z]{2,5}-\d+\b)"
    r"|\(\s*(?:see\s+)?(?:[A-Z]{2,5}-\d+|§\s*\d|section\s+\d|table\s+\d|appendix\s+[A-Z\d]))",
    re.I,
)


def points_to_measure(text: str, end: int) -> bool:
    """True when the vague word's own sentence says where its measure is."""
    return bool(_POINTS_TO_MEASURE.match(text, end))


# The rest of the line after the word ends in a question mark: "**Will it be fast on an old phone?**".
_QUESTION_ON_LINE = lazy_compile(r"[^.!\n]*\?")


def asked(text: str, end: int) -> bool:
    """True when the word stands in a question that runs to the end of its line."""
    return bool(_QUESTION_ON_LINE.match(text, end))


# A glossary, definitions or terms section, in English, German, Spanish and French.
_GLOSSARY_TITLE = lazy_compile(
    r"\b(?:glossary|definitions?|terms|terminology|vocabulary|glossar|begriffe|begriffsbestimmungen|glosario|"
    r"definiciones|términos|terminología|glossaire|définitions|terminologie)\b", re.I)
# A term defined where it is used: "'Instant' means ...", "Responsive is defined as ...".
_DEFINED_INLINE = lazy_compile(
    r"(?:(?<![\"'“‘*_])[\"'“‘*_]{1,3}(\w[\w -]{1,30}?)[\"'”’*_]{1,3}|(?<![\w-])([\w-]{3,30}))[ \t]{1,3}"
    r"(?:means|is[ \t]{1,3}defined[ \t]{1,3}as|bedeutet|significa|signifie)\b",
    re.I)
# The term that opens a glossary entry: "**Responsive**: ...", "- Rapide : ...", "| Promptly | ... |".
_ENTRY_TERM = lazy_compile(r"^[ \t]{0,3}(?:[-*+][ \t]{1,3}|\d{1,3}[.)][ \t]{1,3}|\|[ \t]{0,3})?[*_]{0,2}"
                           r"([^*_:|—–\s][^*_:|—–]{1,39}?)[*_]{0,2}[ \t]{0,3}(?:[:|—–]|[ \t]-[ \t])")


def defined_terms(document: Document) -> frozenset[str]:
    """The words this document defines (lower case): the terms of its glossary or definitions sections,
    and terms defined inline ("'Instant' means ..."). A vague word the document defines is precise in it."""
    cached = _DEFINED.get(document)
    if cached is not None:
        return cached
    found: set[str] = set()
    lines = document.lines
    for section in document.root.walk():
        if section.heading is None or not _GLOSSARY_TITLE.search(section.title):
            continue
        for number in range(section.span.start.line + 1, section.span.end.line + 1):
            entry = _ENTRY_TERM.match(lines[number - 1])
            if entry:
                found.add(" ".join(entry.group(1).split()).lower())
    for match in _DEFINED_INLINE.finditer(document.source):
        found.add(" ".join((match.group(1) or match.group(2)).split()).lower())
    result = frozenset(found)
    _DEFINED[document] = result
    return result


_DEFINED: "weakref.WeakKeyDictionary[Document, frozenset[str]]" = weakref.WeakKeyDictionary()


def is_defined(word: str, document: Document) -> bool:
    """True when the document defines the vague word (or its adjective, for an adverb: "promptly")."""
    terms_defined = defined_terms(document)
    if not terms_defined:
        return False
    word = " ".join(word.split()).lower()
    stems = {word, word[:-2] if word.endswith("ly") else word}
    return any(stem in terms_defined for stem in stems)
