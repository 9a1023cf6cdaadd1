"""RK004 undeclared-dependency: a dependency named in the text but missing from the dependencies list."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.headings import normalize_title
from speclint.document.model import Document, Section, Span, Table, TextSegment
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import (
    ProseIndex,
    document_segments,
    profile_applies,
    section_at,
    section_segments,
    sections_named,
)
from speclint.reading.normative import is_user_story

SECTIONS = (
    "Dependencies", "Dependency", "External dependencies", "Internal dependencies", "Upstream dependencies",
    "Cross-team dependencies", "Team dependencies", "Service dependencies", "Dependencies and assumptions",
    "Prerequisites", "Depends on", "Blocked by", "Third-party dependencies", "Vendors",
)
DEPENDENCY_COLUMNS = ("Dependency", "Dependencies", "Depends on", "Upstream", "Blocked by", "Prerequisite")
KINDS = (
    "team", "squad", "service", "microservice", "API", "SDK", "platform", "vendor", "provider", "gateway",
    "database", "queue", "partner", "spec", "RFC", "PRD",
)
VERBS = (
    r"depends\s+on", r"depend\s+on", r"depending\s+on", r"dependent\s+on", r"dependency\s+on",
    r"relies\s+on", r"rely\s+on", r"relying\s+on", r"reliant\s+on", r"blocked\s+(?:by|on)",
    r"waiting\s+(?:for|on)", r"built\s+on\s+top\s+of", r"integrates?\s+with", r"integration\s+with",
    r"provided\s+by", r"requires?\s+(?:a\s+change\s+(?:from|in|to)|work\s+from|sign-?off\s+from|approval\s+from)",
    r"needs?\s+(?:a\s+change\s+(?:from|in|to)|work\s+from|sign-?off\s+from|approval\s+from)",
    r"calls?\s+(?:out\s+to\s+)?the",
)
# Words that start a sentence or a phrase, not a name: "depends on The ..." is rarely a vendor.
_NOT_A_NAME = {
    "the", "this", "that", "these", "those", "a", "an", "it", "its", "we", "our", "their", "them", "they",
    "which", "what", "whether", "how", "if", "each", "every", "some", "any", "all", "both", "either", "one",
    "user", "users", "i", "you", "your", "his", "her", "there", "here", "whatever", "other", "another", "such",
    # references inside the document itself
    "requirement", "requirements", "section", "sections", "step", "steps", "task", "tasks", "phase", "phases",
    "table", "figure", "appendix", "chapter", "item", "story", "stories", "example", "milestone", "part",
    "option", "alternative", "goal", "scenario", "criterion", "criteria", "property", "feature",
}
# Generic technical words that are written in capitals but name no one to depend on.
_GENERIC_TERMS = frozenset({
    "api", "apis", "cpu", "cpus", "gpu", "gpus", "cli", "ui", "ux", "os", "dns", "http", "https", "tls", "ssl", "json",
    "yaml", "xml", "sql", "rest", "grpc", "crd", "crds", "url", "urls", "ip", "tcp", "udp", "ssh", "sdk", "sdks", "db",
    "ram", "disk", "io", "html", "css", "js", "ci", "cd", "ci/cd", "llm", "ai", "ml", "oauth", "oidc", "jwt", "saml",
})
# Sections whose names are not dependencies of the plan: rejected alternatives, non-goals, questions.
_NOT_THE_PLAN = lazy_compile(
    r"\b(?:alternatives?|considered|rejected|non-?goals?|out of scope|questions?|future work|future|"
    r"user stor\w*|personas?|drawbacks?|prior art|references?|faq)\b",
    re.IGNORECASE,
)
_QUESTION = lazy_compile(r"\?\s*$")
# A name the document mentions this often is its subject or platform ("Kubernetes" in a KEP).
_SUBJECT_MENTIONS = 5
_ADJECTIVE = lazy_compile(r"-(?:specific|based|like|style|only|aware|compatible|native|friendly|wide)$", re.IGNORECASE)
_TOC_ENTRY = lazy_compile(r"^\s*\[[^\]]*\]\(#[^)]*\)\s*$")
_INTERNAL_ID = lazy_compile(r"^(?:[A-Z]{1,4}-?\d+(?:\.\d+)*|[A-Z]\d*)$")  # T012, FR-003, NFR-2, R1.2, L1


class UndeclaredDependency(Rule):
    """Flags a service, team, vendor or spec the document depends on that its dependencies list leaves out.

    **What it flags.** A dependency named in the text with words that say so — "depends on",
    "relies on", "blocked by", "integrates with", "provided by", "needs sign-off from" — followed by
    a name: "the Identity team", "the Ledger service", "Stripe", "RFC 2119", "KEP-1287" (kind words:
    option `kinds`). When the document has a dependencies section or a table with a Dependency
    column (option `sections`), each name missing from it is reported at the phrase that names
    it ("relies on the Identity team"), once per name. When it has neither and names two or more
    dependencies (option `min-dependencies`), the first mention is reported once, asking for the
    list. Names are compared forgivingly: "the Identity team" is listed if "Identity" stands in the list. What the
    dependencies section itself says is never reported, nor are generic words (API, CPU, CLI), the
    document's own subject or platform (named in its title or five times or more), names in user
    stories, questions, non-goals or rejected alternatives, or a name listed under a broader one
    ("Google Workspace" covers "Google Docs").

    **Why it matters.** Dependencies decide dates: a team whose work is not on the list is a team
    nobody asked, and a vendor not on the list is a contract nobody reviewed. Reviewers and
    planners read the list, not every sentence.

    **Example**

    ```markdown
    ## Design
    Card tokens are provided by Stripe. Account deletion relies on the Identity team's new
    `account.closed` event.

    ## Dependencies
    - Stripe (vendor): card tokenisation API, contract in place.
    ```

    **Use instead**

    ```markdown
    ## Dependencies
    | Dependency | Kind | Owner | Status |
    |------------|------|-------|--------|
    | Stripe | vendor | @lee | contract signed |
    | Identity team: `account.closed` event | team | @ana | planned for sprint 14 |
    ```
    """

    id = "RK004"
    name = "undeclared-dependency"
    category = Category.RISK
    default_level = Level.INFO
    # Below 90% measured precision (bench/verdicts): off unless named.
    group = Group.PREVIEW
    options = (
        Option("sections", "list[str]", list(SECTIONS), "Titles of the section that lists dependencies."),
        Option("columns", "list[str]", list(DEPENDENCY_COLUMNS), "Table columns that list dependencies."),
        Option("kinds", "list[str]", list(KINDS), "Words after a name that make it a dependency ('the Billing service')."),
        Option("min-dependencies", "int", 2,
               "With no dependencies section, how many named dependencies make one expected.", minimum=1),
        Option("skip-profiles", "list[str]", ["rust-rfc", "adr", "checklist"], "Profiles this rule does not apply to."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not profile_applies(context):
            return
        options = context.options
        listing_sections = sections_named(document, options["sections"])
        listing_tables = _dependency_tables(document, options["columns"])
        listed_text = _listed_text(listing_sections, listing_tables)
        mentions = list(_mentions(document, listing_sections, listing_tables, tuple(options["kinds"])))
        if not listing_sections and not listing_tables:
            subject_text = mask_invisible("\n".join(document.lines)).lower()
            mentions = [(name, span) for name, span in mentions if not _is_subject(name, document, subject_text)]
        if not listing_sections and not listing_tables:
            names = list(dict.fromkeys(name for name, _ in mentions))
            if len(names) >= options["min-dependencies"]:
                shown = ", ".join(f"'{name}'" for name in names[:3]) + (" and more" if len(names) > 3 else "")
                yield Violation(mentions[0][1], f"the spec depends on {shown} but has no Dependencies section: "
                                                 "list each dependency with its owner and status")
            return
        reported: set[str] = set()
        subject_text = mask_invisible("\n".join(document.lines)).lower()
        for name, span in mentions:
            if _is_subject(name, document, subject_text):
                continue
            key = _key(name, options["kinds"])
            if not key or key in reported or _is_listed(key, listed_text):
                continue
            reported.add(key)
            yield Violation(span, f"'{name}' is a dependency but is missing from the dependencies list: add it "
                                  "with its owner and status")


def _is_subject(name: str, document: Document, text: str) -> bool:
    """True for the document's subject or platform: named in its title, or mentioned again and again
    ("Kubernetes" in a Kubernetes proposal, "OpenShift" in an OpenShift enhancement)."""
    key = re.sub(r"['’]s$", "", name.split()[0].lower().rstrip(".,;:"))
    if not key:
        return True
    title = next((section.title for section in document.sections() if section.level == 1), "")
    if re.search(r"(?<!\w)" + re.escape(key) + r"(?!\w)", title.lower()):
        return True
    return len(re.findall(r"(?<!\w)" + re.escape(key) + r"(?!\w)", text)) >= _SUBJECT_MENTIONS


def _dependency_tables(document: Document, columns: list[str]) -> list[Table]:
    keys = {normalize_title(column) for column in columns}
    return [block for _, block in document.iter_blocks()
            if isinstance(block, Table) and any(normalize_title(name) in keys for name in block.columns)]


def _listed_text(sections: list[Section], tables: list[Table]) -> str:
    parts = []
    for section in sections:
        parts.append(section.title)
        parts.extend(" ".join(segment.text for segment in segments) for segments in section_segments(section))
    for table in tables:
        parts.extend(cell.text for row in [table.header, *table.rows] for cell in row)
    return mask_invisible("\n".join(parts)).lower()


_pattern_cache: dict[tuple[str, ...], re.Pattern[str]] = {}


def _pattern(kinds: tuple[str, ...]) -> re.Pattern[str]:
    if kinds not in _pattern_cache:
        kind = "|".join(re.escape(word) for word in sorted(kinds, key=len, reverse=True)) or "(?!)"
        # A name is up to four capitalised words on one line ("Google Cloud Storage", "Node.js").
        word = r"[A-Z][\w&+-]*(?:\.[A-Za-z][\w&+-]*)*"
        name = word + r"(?:[ \t]+" + word + r"){0,3}"
        named = r"(?:" + word + r"|[a-z][\w]*-[\w-]+|[a-z]+)"  # "Identity", "user-profile", "payments"
        _pattern_cache[kinds] = re.compile(
            r"\b(?:" + "|".join(VERBS) + r")\s+"
            r"(?:"
            r"(?P<spec>(?:RFC|KEP|ADR|PRD|PEP|OTEP|JEP|spec)[\s-]?#?\d+)"
            r"|(?:the[ \t]+)?(?P<kinded>(?:" + named + r"[ \t]+){0,2}?" + named + r")(?:'s)?[ \t]+(?P<kind>" + kind + r")s?\b"
            r"|(?P<proper>" + name + r")"
            r")"
        )
    return _pattern_cache[kinds]


def _mentions(document: Document, sections: list[Section], tables: list[Table], kinds: tuple[str, ...]) -> Iterator[tuple[str, Span]]:
    """(name, span of the name) for each dependency named outside the dependencies list."""
    excluded = [(section.span.start.line, section.span.end.line) for section in sections]
    excluded += [(table.span.start.line, table.span.end.line) for table in tables]
    pattern = _pattern(kinds)
    prose = (segments for segments in document_segments(document) if not _is_toc_entry(segments))
    for match, span in ProseIndex(prose).finditer(pattern):
        if any(start <= span.start.line <= end for start, end in excluded):
            continue
        section = section_at(document, span.start.line)
        if any(each.heading is not None and _NOT_THE_PLAN.search(each.title) for each in (section, *section.ancestors())):
            continue  # a rejected alternative, a non-goal, a question or a user story names no dependency
        sentence = match.string[match.end():match.end() + 200].split("\x00", 1)[0]
        before = match.string[max(0, match.start() - 200):match.start()].rsplit("\x00", 1)[-1]
        if _QUESTION.search(re.split(r"(?<=[.!])\s", sentence, maxsplit=1)[0]) or is_user_story(before.lstrip() + match.group(0) + sentence):
            continue
        name = _name(match)
        if name is not None:
            yield name, span


def _name(match: re.Match[str]) -> str | None:
    if match.group("spec"):
        return " ".join(match.group("spec").split())
    if match.group("kinded"):
        words = match.group("kinded").split()
        # "the Identity team", "Stripe's API", "the payments service": a name, then the kind word.
        if words[0].lower() in _NOT_A_NAME:
            words = words[1:]
        while words and words[0].lower() in _NOT_A_NAME:
            words = words[1:]
        if not words or not any(word[:1].isupper() or "-" in word for word in words):
            return None  # "relies on a new service": not a named dependency
        if _INTERNAL_ID.match(words[0]):
            return None
        return " ".join([*words, match.group("kind")])
    proper = match.group("proper")
    if proper:
        words = proper.split()
        if words[0].lower() in _NOT_A_NAME or _INTERNAL_ID.match(words[0]) or _ADJECTIVE.search(words[-1]):
            return None
        if len(words) == 1 and words[0].rstrip(".,;:").lower() in _GENERIC_TERMS:
            return None  # "relies on API", "depends on CPU"
        return proper.rstrip(".,;:")
    return None


def _key(name: str, kind_words: list[str]) -> str:
    """The distinctive part of a name: "the Identity team" -> "identity"."""
    words = [word for word in re.split(r"[\s'’]+", name.lower()) if word and word not in _NOT_A_NAME]
    kinds = {kind.lower() for kind in kind_words}
    core = [word.strip(".,;:()") for word in words if word not in kinds and word.rstrip("s") not in kinds]
    return " ".join(core) or " ".join(words)


def _is_listed(key: str, listed_text: str) -> bool:
    """True when the list names `key` as whole words; "RFC 2119" is listed as "RFC-2119" or
    "RFC #2119" too, and "UI" is not listed by "build"."""
    parts = [re.escape(part) for part in re.split(r"[\s#-]+", key) if part]
    if not parts:
        return False
    if re.search(r"(?<!\w)" + r"[\s#-]*".join(parts) + r"(?!\w)", listed_text) is not None:
        return True
    # Listed under a broader name: "Google Workspace" covers "Google Docs".
    return len(parts) > 1 and not key[:1].isdigit() and re.search(r"(?<!\w)" + parts[0] + r"(?!\w)", listed_text) is not None


def _is_toc_entry(segments: list[TextSegment]) -> bool:
    """A table-of-contents line (`[Creating a registry that depends on X](#creating-...)`) repeats a
    heading; the heading itself is read where it stands."""
    return len(segments) == 1 and bool(_TOC_ENTRY.match(segments[0].text))
