"""The words and patterns by which a document says what it commits to: IDs, criteria, requirements.

One place for them, so that `speclint.reading.requirements` (requirements, stories, criteria),
`speclint.reading.normative` (normative statements, ID occurrences) and
`speclint.reading.commitments` (the model every rule queries) recognise the same things: a fix to
how an ID or a criteria label is recognised reaches every rule at once.
"""

from __future__ import annotations

import re
from typing import Pattern, Sequence

from speclint.document.headings import normalize_title
from speclint.document.text import text_cache
from speclint.lazy_regex import lazy_compile
from speclint.startup_store import compile_pattern

# --- identifiers ------------------------------------------------------------------------------

#: Prefixes of requirement-like IDs: functional, non-functional, generic, success criteria, user
#: stories, acceptance criteria, use cases, business, technical, security, performance.
DEFAULT_ID_PREFIXES = ("FR", "NFR", "REQ", "SC", "US", "AC", "UC", "BR", "TR", "SR", "PR", "QR")

#: Prefixes of things that need acceptance criteria (success criteria SC-### are outcomes and
#: NFR-### are their own criteria, so both stay out).
REQUIREMENT_PREFIXES = ("FR", "REQ", "RQ", "US", "UR", "BR", "SR")
#: Prefixes of acceptance criteria and test cases.
CRITERION_PREFIXES = ("AC", "ATC", "TC")


def id_pattern(prefixes: Sequence[str]) -> Pattern[str]:
    """`FR-001`, `NFR-12`, `REQ-AUTH-3`, `REQ-F-1`, `FR-001a`, `REQ-1.2`: a prefix, an optional category, a number."""
    names = "|".join(re.escape(prefix) for prefix in sorted(prefixes, key=len, reverse=True))
    return compile_pattern(r"(?<![\w\-/.#])(?:" + names + r")(?:-[A-Z]{1,8})?-\d{1,5}(?:\.\d{1,3})*[a-z]?(?![\w\-])")


def loose_id_pattern(prefixes: Sequence[str]) -> Pattern[str]:
    """Like `id_pattern`, but the dash is optional (`FR001`, `US1`, `AC-2.1`, `REQ-F-1`): for recognising
    requirements and criteria, where an undashed ID is as good as a dashed one."""
    names = "|".join(re.escape(prefix) for prefix in sorted(prefixes, key=len, reverse=True))
    return compile_pattern(r"(?<![\w-])(?:" + names + r")(?:-[A-Z]{1,8}-)?-?\d{1,4}(?:\.\d+)*(?![\w-])")


DEFAULT_ID = id_pattern(DEFAULT_ID_PREFIXES)
REQUIREMENT_ID = loose_id_pattern(REQUIREMENT_PREFIXES)
CRITERION_ID = loose_id_pattern(CRITERION_PREFIXES)


def prefix_of(requirement_id: str) -> str:
    return requirement_id.split("-", 1)[0]


def id_number(requirement_id: str) -> tuple[str, list[int]] | None:
    """(prefix with category, numbers) of an ID: `FR-8.2` -> ("FR", [8, 2]); None when unnumbered."""
    match = re.match(r"^(.*?)-?(\d+(?:\.\d+)*)[a-z]?$", requirement_id)
    if not match:
        return None
    return match.group(1).rstrip("-"), [int(part) for part in match.group(2).split(".")]


#: After a reference, the shapes that name several IDs: a family (`FR-8.x`, `FR-8.*`, `FR-1xx`), a
#: range (`FR-1.1-1.15`, `FR-120~127`, `FR-3..FR-7`, `FR-3 to FR-7`).
FAMILY_SUFFIX = lazy_compile(r"^(?:\.(?:x|X|\*|n|N)\b|[xX]{1,3}\b|\s*(?:series|family)\b|\s*系列)")
RANGE_SUFFIX = lazy_compile(r"^\s*(?:-|–|—|~|～|\.\.|to|through|thru|至|到)\s*(?:[A-Z]{1,5}-?)?\d")

#: Words around an ID that say the requirement is gone: a note about it, not a reference to follow.
WITHDRAWN_WORDS = lazy_compile(
    # (guarded as EDGE_CASE_WORDS is: the look-ahead holds the alternatives' first letters; a search of
    # 270 characters of prose took 95 us without it)
    r"(?=[rdwsomn已移删刪廃削])(?:"
    r"\b(?:removed|deleted|dropped|withdrawn|descoped|de-scoped|deprecated|superseded|obsolete|retired|"
    r"merged\s+into|renumbered|replaced\s+by|no\s+longer)\b|已移除|移除|删除|刪除|廃止|削除)",
    re.I,
)

# --- sections and labels ----------------------------------------------------------------------

REQUIREMENTS_SECTION_NAMES = (
    "requirements",
    "functional requirements",
    "product requirements",
    "business requirements",
    "system requirements",
    "user requirements",
    "feature requirements",
    "detailed requirements",
    "must have",
    "must haves",
)
STORY_SECTION_NAMES = ("user stories", "stories", "user story", "user scenarios", "user scenarios and testing")

#: Headings of acceptance criteria, in English and in the languages real specifications use.
CRITERIA_SECTION_NAMES = (
    "acceptance",
    "acceptance criteria",
    "acceptance criterion",
    "acceptance scenarios",
    "acceptance scenario",
    "acceptance tests",
    "acceptance test",
    "acceptance checks",
    "definition of done",
    "done when",
    "done criteria",
    "exit criteria",
    "success conditions",
    "scenarios",
    "test scenarios",
    "test cases",
    # Volere's fit criterion, Scrum's conditions of satisfaction
    "fit criterion",
    "fit criteria",
    "conditions of satisfaction",
    "conditions of acceptance",
    "verification",
    "how to verify",
    "checks",
    # Russian, German, French, Spanish, Portuguese, Italian, Dutch, Polish
    "критерии приёмки",
    "критерии приемки",
    "критерии готовности",
    "критерии принятия",
    "akzeptanzkriterien",
    "abnahmekriterien",
    "abnahmebedingungen",
    "condiciones de aceptación",
    "condiciones de aceptacion",
    "conditions de validation",
    "conditions d'acceptation",
    "critères d'acceptation",
    "critères d'acceptance",
    "critères de validation",
    "criterios de aceptación",
    "criterios de aceptacion",
    "critérios de aceitação",
    "criterios de aceite",
    "critérios de aceite",
    "criteri di accettazione",
    "acceptatiecriteria",
    "kryteria akceptacji",
)
#: Titles in scripts without word spaces (Chinese, Japanese, Korean): matched as substrings.
CRITERIA_CJK = ("验收标准", "驗收標準", "验收条件", "驗收條件", "验收准则", "验收", "驗收", "受け入れ基準", "受入基準",
                "受け入れ条件", "完了条件", "受け入れテスト", "인수 기준", "수용 기준")

_CRITERIA_SECTION_KEYS = {normalize_title(name) for name in CRITERIA_SECTION_NAMES}
_REQUIREMENTS_SECTION_KEYS = {normalize_title(name) for name in REQUIREMENTS_SECTION_NAMES}
_STORY_SECTION_KEYS = {normalize_title(name) for name in STORY_SECTION_NAMES}

_FOREIGN_CRITERIA_WORDS = (
    r"критери[йи]\s+(?:приёмки|приемки|готовности|принятия)|akzeptanzkriterien|abnahmekriterien|"
    r"crit[èe]res?\s+d['’]accept(?:ation|ance)|criterios?\s+de\s+aceptaci[óo]n|crit[ée]rios?\s+de\s+aceita[çc][ãa]o|"
    r"crit[ée]rios?\s+de\s+aceite|criteri\s+di\s+accettazione|acceptatiecriteria|kryteria\s+akceptacji|"
    # spec-kit's "Acceptance Scenarios" label, translated
    r"escenarios?\s+de\s+aceptaci[óo]n|akzeptanzszenarien|abnahmeszenarien|sc[ée]narios?\s+d['’]acceptation|"
    r"cen[áa]rios?\s+de\s+aceita[çc][ãa]o|abnahmebedingungen|condiciones\s+de\s+aceptaci[óo]n|"
    r"conditions\s+(?:de\s+validation|d['’]acceptation)|crit[èe]res?\s+de\s+validation|"
    + "|".join(re.escape(word) for word in CRITERIA_CJK)
)
_FOREIGN_CRITERIA = lazy_compile(_FOREIGN_CRITERIA_WORDS)

#: `**Acceptance criteria**:`, `Acceptance Scenarios:`, `Done when:`, `Check:`, `AC:`,
#: `**Критерии приёмки:**` at the start of a paragraph.
CRITERIA_LABEL = lazy_compile(
    r"^\W{0,4}(?:acceptance(?:\s+(?:criteria|criterion|scenarios?|tests?|checks?))?|definition\s+of\s+done|done\s+when|"
    r"done\s+criteria|exit\s+criteria|verification|how\s+to\s+verify|checks?|verify|AC|ACs|DoD|test\s+cases?|"
    r"fit\s+criteri(?:on|a)|conditions\s+of\s+(?:satisfaction|acceptance)|"
    + _FOREIGN_CRITERIA_WORDS
    + r")(?:\b|(?<=[^\x00-\x7f]))\W{0,4}(?::|：|$|\s*\*\*\s*[:：]?)",
    re.I,
)
_LABEL_HINT = lazy_compile(r"^\W{0,4}(?:acceptance|definition|done|exit|ac|dod|check|verif|how|ak|abn|crit|kryt|esc|sc[eé]n|cen|test|fit|cond|"
                         r"[^\x00-\x7f])", re.I)


@text_cache
def is_criteria_title(title: str) -> bool:
    """A heading of acceptance criteria: "Acceptance Criteria", "Acceptance Tests", "Definition of
    done", "Критерии приёмки", "验收标准", "受け入れ基準"..."""
    key = normalize_title(title)
    if key in _CRITERIA_SECTION_KEYS or key.startswith(("acceptance criterion", "acceptance scenario",
                                                        "acceptance test", "acceptance check")):
        return True
    lowered = title.lower()
    return (any(word in title for word in CRITERIA_CJK) or bool(_FOREIGN_CRITERIA.search(lowered))
            or bool(_QUALIFIED_CRITERIA_TITLE.match(lowered)))


#: The criteria names with a scope or a note, as real PRDs title them: "11. MVP Exit Criteria", "36. Product-Level
#: Acceptance Criteria", "Acceptance Criteria (PR must satisfy)", "Acceptance Criteria 🟡 `@human-review`". Not a
#: heading that only mentions them ("FR-20 has no acceptance criterion for ...", "Acceptance Criteria Quality",
#: "Review & Acceptance Checklist", "Stories and acceptance criteria": a story table's), nor a release's gate or a
#: roll-up ("Acceptance Criteria for v1.0 GA": "all FR-1..FR-16 implemented with acceptance tests"; "Acceptance
#: Criteria Summary": a list of ticked deliverables).
_QUALIFIED_CRITERIA_TITLE = lazy_compile(
    r"^\W{0,4}(?:\d+(?:\.\d+)*\.?\s+)?(?:(?!no\b|and\b)[\w.-]+\s+){0,2}?"
    r"(?:acceptance\s+criteri(?:a|on)|exit\s+criteri(?:a|on)|definition\s+of\s+done|done\s+criteria)"
    r"(?:\s*$|\s*[(\[:&—–]|\s+and\b|\s+[^\w\s])"
)


def is_criteria_label(text: str) -> bool:
    """A paragraph that opens a list of criteria: `**Acceptance criteria:**`, `Done when:`, `Check:`."""
    if not _LABEL_HINT.match(text):
        return False
    from speclint.document.text import strip_inline

    return bool(CRITERIA_LABEL.match(strip_inline(text) if "*" in text or "_" in text else text))


#: Sections where a proposal or a PRD says how the work is verified, instead of per-requirement
#: criteria: a KEP's test plan and graduation criteria, a PRD's release criteria.
VERIFICATION_SECTION_NAMES = (
    "test plan", "testing plan", "testing", "testing strategy", "test strategy", "tests", "testing decisions",
    "graduation criteria", "release criteria", "launch criteria", "exit criteria",
    "quality gates", "validation", "validation plan", "verification plan", "qa plan", "e2e tests",
    "acceptance", "sign off", "sign-off",
)
_VERIFICATION_KEYS = {normalize_title(name) for name in VERIFICATION_SECTION_NAMES}


@text_cache
def is_verification_title(title: str) -> bool:
    """A section that says how the whole work is verified (test plan, graduation or release criteria)."""
    key = normalize_title(title)
    return key in _VERIFICATION_KEYS or key.startswith(("test plan", "testing ", "graduation criteri",
                                                        "release criteri", "acceptance"))


@text_cache
def is_requirements_title(title: str) -> bool:
    return normalize_title(title) in _REQUIREMENTS_SECTION_KEYS


@text_cache
def is_story_section_title(title: str) -> bool:
    key = normalize_title(title)
    return key in _STORY_SECTION_KEYS or key.startswith("user scenario")


#: Edge cases, in the names real specifications give them.
EDGE_CASE_WORDS = lazy_compile(
    # Every alternative starts with one of the letters of the look-ahead, and under re.I the class admits
    # exactly the characters those letters match (checked over every code point): a position that cannot
    # start a match is turned away with one test instead of a case-folded try of each alternative (a
    # search of a paragraph's first 80 characters took three times as long).
    r"(?=[ecblunгкgr边邊エ境])(?:"
    r"\b(?:edge[\s-]+cases?|corner[\s-]+cases?|boundary\s+(?:conditions?|cases?)|limit\s+cases?|"
    r"exceptional\s+(?:cases?|scenarios?|flows?)|unhappy\s+paths?|negative\s+(?:cases?|scenarios?))\b|"
    r"граничные\s+случаи|краевые\s+случаи|grenzfälle|randfälle|cas\s+limites?|casos\s+(?:límite|limite|extremos)|"
    r"边界情况|边界条件|邊界情況|エッジケース|境界条件)",
    re.I,
)
