"""What kind of document a file is: its path, title, headings, front matter and content each weigh in.

Every signal adds weight to one kind (a profile name) and says, in a few words, what it saw:
`path: .kiro/specs/*/design.md`, `title: "Product Requirements Document"`, `headings: Considered
Options, Decision Outcome`. The kind with the most weight wins; its signals are what `-v` and the
JSON output show. Paths are the strongest hint where a project's convention fixes them (Kiro, spec-kit,
KEPs, GEPs, Rust RFCs, ADR folders); content decides elsewhere, and contradicts a weak path hint
(a `specs/001-x/spec.md` that is not written from spec-kit's template is not a spec-kit spec).

`not-a-spec` is a kind too: READMEs, changelogs, contributing guides, codes of conduct, security
policies, licences, agent instruction files, index pages, release and meeting notes, templates and
agent command prompts get no spec rules. A README that is a spec by its place (a KEP's README.md
beside its kep.yaml) or by its content outweighs its name.

Detection runs on every file: it reads the parsed document and the path only (a file beside the
document is looked up only when the path already points at a convention that has one).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from speclint.document.headings import alias_keys, heading_key, normalize_title
from speclint.document.prefilter import literals_of, may_match
from speclint.lazy_regex import lazy_compile
from speclint.reading import languages
from speclint.record import Record

if TYPE_CHECKING:
    from speclint.document.model import Document

NOT_A_SPEC = "not-a-spec"
FALLBACK = "prd"
# A kind needs at least this much weight to win; below it the document is judged by the fallback.
_DECISIVE = 3.0
# A template is the mould documents are copied from: whatever else it looks like, it is not a spec.
_TEMPLATE = 20.0
# Order among kinds of equal weight: the more specific template first.
_PRECEDENCE = ("not-a-spec", "kep", "openshift-enhancement", "gep", "capi-proposal", "rust-rfc", "spec-kit",
               "spec-kit-plan", "spec-kit-tasks", "kiro-tasks", "kiro-design", "ears", "checklist", "adr", "otep",
               "go-design", "prd", "design-doc")


class Detection(Record):
    """The kind (profile name) picked for a document and the signals that decided it."""

    __slots__ = ("profile", "signals")

    def __init__(self, profile: str, signals: tuple[str, ...] = ()) -> None:
        self.profile = profile
        self.signals = signals

    @property
    def is_spec(self) -> bool:
        return self.profile != NOT_A_SPEC

    def reason(self) -> str:
        return "; ".join(self.signals) if self.signals else "no signal (default)"


class _Evidence:
    def __init__(self) -> None:
        self.weight: dict[str, float] = defaultdict(float)
        self.signals: dict[str, list[str]] = defaultdict(list)

    def add(self, kind: str, weight: float, signal: str) -> None:
        self.weight[kind] += weight
        self.signals[kind].append(signal)

    def best(self) -> tuple[str, float] | None:
        if not self.weight:
            return None
        rank = {kind: index for index, kind in enumerate(_PRECEDENCE)}
        kind = max(self.weight, key=lambda name: (self.weight[name], -rank.get(name, len(rank))))
        return kind, self.weight[kind]


# --- path -----------------------------------------------------------------------------------

# File names (upper-case stem) of files that are never specifications, and what they are.
_NOT_SPEC_NAMES = {
    **dict.fromkeys(("CHANGELOG", "CHANGES", "HISTORY", "NEWS", "RELEASE_NOTES", "RELEASE-NOTES", "RELEASENOTES"),
                    "a changelog"),
    **dict.fromkeys(("RELEASE", "RELEASES", "RELEASING", "UPGRADING", "MIGRATING"), "release notes or procedure"),
    **dict.fromkeys(("CONTRIBUTING", "REVIEWING", "CONVENTIONS", "DEVELOPMENT", "HACKING"), "a contributor guide"),
    **dict.fromkeys(("CODE_OF_CONDUCT", "CODE-OF-CONDUCT", "CONDUCT"), "a code of conduct"),
    **dict.fromkeys(("SECURITY", "SUPPORT", "GOVERNANCE", "MAINTAINERS", "OWNERS", "AUTHORS", "CONTRIBUTORS",
                     "CODEOWNERS"), "a project policy"),
    **dict.fromkeys(("LICENSE", "LICENCE", "COPYING", "NOTICE", "THIRD-PARTY-LICENSES"), "a licence"),
    **dict.fromkeys(("AGENTS", "CLAUDE", "GEMINI", "COPILOT-INSTRUCTIONS", "CURSORRULES", "WARP"),
                    "agent instructions"),
    **dict.fromkeys(("ROADMAP", "STATUS", "PROJECT_STATUS", "TODO", "MILESTONES", "SUMMARY"),
                    "a status page, roadmap or list"),
}
_INDEX_NAMES = ("README", "INDEX", "_INDEX")
# Folders whose files are documentation, notes or release material, not specifications.
_NOT_SPEC_FOLDERS = {
    **dict.fromkeys(("changelog", "changelogs", "release-notes", "releasenotes"), "release notes"),
    **dict.fromkeys(("this-week", "meeting-notes", "meetings", "minutes", "weekly", "status-reports"),
                    "meeting or status notes"),
    **dict.fromkeys(("dev-guide", "guidelines", "concepts", "guides", "tutorials", "tutorial", "how-to", "howto",
                     "getting-started", "user-guide"), "documentation"),
}
_ADR_FOLDERS = {"adr", "adrs", "decisions", "decision-records", "architecture-decision-records",
                "architecture-decision-record", "architecture-decisions", "decision-log"}
_TEMPLATE_NAME = lazy_compile(
    r"(?:^|[-_.\s])template(?:[-_.](?:bare|minimal|full|short|long|lite|simple|basic|default))*$", re.I)
# A title that names a template of a kind of document: "GEP-696: GEP template", "Go 2 language change template".
_TEMPLATE_TITLE = lazy_compile(r"\b(?:GEP|KEP|RFC|ADR|OTEP|PRD|proposal|design|enhancement|spec|specification|document|"
                             r"change|decision record)\s+template$", re.I)
_NUMBERED = lazy_compile(r"^\d{3,5}[-_]")
_DATED = lazy_compile(r"^\d{8}[-_]")
_ADR_NAME = lazy_compile(r"^adr[-_]?\d+", re.I)
_GEP_FOLDER = lazy_compile(r"^gep-\d+$", re.I)
_PRD_NAME = lazy_compile(r"(?:^|[-_.])prd(?:$|[-_.])")


def _path_signals(path: PurePath, evidence: _Evidence, sibling: Any) -> None:
    """Weigh what the file's place says. `sibling(name)` tells whether a file lies beside it."""
    parts = [part.lower() for part in path.parts]
    name = parts[-1] if parts else ""
    stem = PurePath(name).stem
    # Only the folders near the file speak for it: the ones above a checkout are the user's own.
    folders = parts[:-1][-4:]
    parent = folders[-1] if folders else ""
    upper = PurePath(path.name).stem.upper()

    if upper in _NOT_SPEC_NAMES:
        evidence.add(NOT_A_SPEC, 10, f"file name: {path.name} ({_NOT_SPEC_NAMES[upper]})")
    elif upper in _INDEX_NAMES:
        evidence.add(NOT_A_SPEC, 3, f"file name: {path.name} (a README or index page)")
    if name.endswith((".instructions.md", ".prompt.md")):
        evidence.add(NOT_A_SPEC, 6, f"file name: {path.name} (agent instructions)")
    if _TEMPLATE_NAME.search(stem):
        evidence.add(NOT_A_SPEC, _TEMPLATE, f"file name: {path.name} (a template)")
    elif upper in _INDEX_NAMES and _TEMPLATE_NAME.search(parent):
        evidence.add(NOT_A_SPEC, _TEMPLATE, f"file name: {path.name} in {parent}/ (a template)")
    for folder in folders[-2:]:  # a documentation folder holding the file
        if folder in _NOT_SPEC_FOLDERS:
            evidence.add(NOT_A_SPEC, 10, f"folder: {folder}/ ({_NOT_SPEC_FOLDERS[folder]})")
            break
    if folders[-2:-1] and parent == "commands" and folders[-2] in ("templates", ".claude", ".gemini", ".cursor"):
        evidence.add(NOT_A_SPEC, 4, "folder: commands/ (agent command prompts)")

    if ".kiro" in folders and "steering" in folders:
        evidence.add(NOT_A_SPEC, 10, "folder: .kiro/steering/ (agent steering instructions)")
    # Kiro: .kiro/specs/<feature>/requirements.md, design.md, tasks.md
    if len(folders) >= 3 and folders[-3] == ".kiro" and folders[-2] == "specs":
        kind = {"requirements.md": "ears", "design.md": "kiro-design", "tasks.md": "kiro-tasks"}.get(name)
        if kind:
            evidence.add(kind, 6, f"path: .kiro/specs/*/{name}")
    # spec-kit: specs/NNN-feature/spec.md, plan.md, tasks.md, checklists/*.md
    if len(folders) >= 2 and folders[-2] == "specs" and _NUMBERED.match(parent):
        # Weak alone: a spec.md or plan.md not written from spec-kit's template is not one.
        kind, weight = {"spec.md": ("spec-kit", 2), "plan.md": ("spec-kit-plan", 2),
                        "tasks.md": ("spec-kit-tasks", 3)}.get(name, ("", 0))
        if kind:
            evidence.add(kind, weight, f"path: specs/NNN-*/{name}")
    if len(folders) >= 3 and parent == "checklists" and folders[-3] == "specs":
        evidence.add("checklist", 5, "path: specs/*/checklists/")
    # KEP: README.md beside kep.yaml
    if name == "readme.md" and sibling("kep.yaml"):
        evidence.add("kep", 8, "path: README.md beside kep.yaml")
    # GEP: geps/gep-N/index.md beside metadata.yaml
    if name == "index.md" and _GEP_FOLDER.match(parent):
        if sibling("metadata.yaml"):
            evidence.add("gep", 8, f"path: {parent}/index.md beside metadata.yaml")
        else:
            evidence.add("gep", 4, f"path: {parent}/index.md")
    # Rust RFC: text/NNNN-name.md in an RFC repository; files in text/NNNN-name/ belong to one
    if len(folders) >= 2 and parent == "text" and folders[-2].endswith("rfcs") and _NUMBERED.match(name):
        evidence.add("rust-rfc", 4, "path: rfcs/text/NNNN-*.md")
    elif len(folders) >= 2 and folders[-2] == "text" and _NUMBERED.match(parent):
        evidence.add("design-doc", 3, f"path: text/{parent}/ (a part of an RFC)")
    # ADRs: docs/adr/, doc/adr/, docs/decisions/, docs/architecture/decisions/, adr-NNN-*.md
    adr_folder = next((folder for folder in folders if folder in _ADR_FOLDERS), None)
    if adr_folder is not None:
        evidence.add("adr", 4 if _NUMBERED.match(name) or _DATED.match(name) else 3, f"folder: {adr_folder}/")
    if _ADR_NAME.match(name):
        evidence.add("adr", 3, f"file name: {path.name}")
    # OTEP: oteps/NNNN-*.md
    if "oteps" in folders and _NUMBERED.match(name):
        evidence.add("otep", 4, "path: oteps/NNNN-*.md")
    # Cluster API: docs/proposals/YYYYMMDD-*.md
    if parent in ("proposals", "archived") and "proposals" in folders and _DATED.match(name):
        evidence.add("capi-proposal", 3, "path: proposals/YYYYMMDD-*.md")
    # OpenShift: enhancements/<area>/*.md
    if "enhancements" in folders and "keps" not in folders:
        evidence.add("openshift-enhancement", 2, "path: enhancements/")
    # PRDs by name: PRD.md, prd-x.md, docs/prd/, docs/prds/
    if _PRD_NAME.search(stem) or any(folder in ("prd", "prds") for folder in folders):
        evidence.add("prd", 3, "path: PRD")
    # Go proposals: proposal/design/NNNNN-*.md
    if "design" in folders[-2:]:
        evidence.add("go-design", 1, "folder: design/")


# --- content --------------------------------------------------------------------------------

_RUST_RFC_METADATA = lazy_compile(r"^[ \t]*[-*]\s+(?:Feature Name|Start Date|RFC PR|Rust Issue)\s*(?:#\s*)?:", re.I | re.M)
_SPEC_KIT_FR = lazy_compile(r"\bFR-\d{3}\b")
_SPEC_KIT_SC = lazy_compile(r"\bSC-\d{3}\b")
_SPEC_KIT_TASK = lazy_compile(r"^[ \t]*[-*][ \t]+\[[ xX]\][ \t]+\**T\d{3}\b", re.M)
_KIRO_REQUIREMENT_REF = lazy_compile(r"_?Requirements?:\s*\d+(?:\.\d+)?", re.I)
_EARS = lazy_compile(
    r"\b(?:THE|the)\s+[\w\- ]{1,60}?\s+SHALL\b|^[ \t]*(?:(?:[-*]|\d+\.)[ \t]*)?(?:WHEN|IF|WHILE|WHERE)\b[^\n]{0,300}?\bSHALL\b"
    # Kiro criteria in German, Spanish and French: "WENN ... DANN SOLL", "CUANDO ... DEBERÁ", "QUAND ... DOIT".
    r"|^[ \t]*(?:(?:[-*]|\d+\.)[ \t]*)?(?:" + "|".join(languages.EARS_KEYWORDS) + r")\b[^\n]{0,300}?\b(?:"
    + "|".join(languages.EARS_SHALL) + r")\b",
    re.M,
)
_GO_DISCUSSION = lazy_compile(r"^Discussion at\b.*\b(?:go\.dev|golang\.org)/issues?/", re.I | re.M)
_GO_PROJECT = lazy_compile(r"golang\.org/|go\.dev/|go\.googlesource\.com|github\.com/golang/|\bGo 1\.\d+|\bGo 2\b")
# `\bGo\b`, written to start with its literal: `re` then skips ahead to each "Go" (most of them start
# "Goals") instead of trying a word boundary at every position of the text.
_GO_WORD = lazy_compile(r"Go\b(?<!\wGo)")
_AUTHOR_LINE = lazy_compile(r"^(?:\*\*)?Authors?(?:\(s\))?:?(?:\*\*)?:?\s+\S", re.M)
# Line patterns led by the line break before the line (counted in "\n" + the text, see
# `_count_lines`): `re` skips ahead to each `\n` at C speed, where `^` with `re.M` was tried at every
# position of the text (a third of the time of these counts). No match takes a line's `\n` from the next.
_TASK_LINE = lazy_compile(r"\n[ \t]*[-*+][ \t]+\[[ xX]\](?=\s)")
_LIST_LINE = lazy_compile(r"\n[ \t]*(?:[-*+]|\d+[.)])[ \t]")
# A list item that links to another page (a table of contents links to `#anchors` and does not count).
_LINK_ITEM = lazy_compile(r"\n[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:\*\*)?\[[^\]\n]+\]\((?!#)[^)\n]+\)")
_AGENT_PROMPT = lazy_compile(r"\$ARGUMENTS\b")

_SIGNATURES: dict[str, tuple[tuple[str, ...], int]] = {
    # kind: (headings of its template, how many make it that kind)
    "kep": (("Release Signoff Checklist", "Production Readiness Review Questionnaire", "Design Details",
             "Graduation Criteria", "Version Skew Strategy", "Upgrade / Downgrade Strategy",
             "Implementation History"), 3),
    "openshift-enhancement": (("Workflow Description", "API Extensions", "Topology Considerations",
                               "Hypershift / Hosted Control Planes", "Standalone Clusters",
                               "Single-node Deployments or MicroShift", "Implementation Details/Notes/Constraints",
                               "Operational Aspects of API Extensions", "Support Procedures",
                               "Dev Preview -> Tech Preview", "Tech Preview -> GA", "Removing a deprecated feature",
                               # the first OpenShift template was the KEP template of 2019
                               "Release Signoff Checklist", "Design Details", "Graduation Criteria",
                               "Upgrade / Downgrade Strategy", "Version Skew Strategy"), 3),
    "gep": (("TLDR", "Conformance Details", "Longer Term Goals", "Request flow", "Gateway for Ingress (North/South)",
             "Gateway For Mesh (East/West)", "Feature Names"), 2),
    "capi-proposal": (("Glossary", "Non-Goals/Future Work", "Security Model", "Upgrade Strategy",
                       "Additional Details", "Implementation Details/Notes/Constraints"), 3),
    "otep": (("Internal details", "Trade-offs and mitigations", "Prior art and alternatives", "Explanation",
              "Prototypes"), 2),
    "spec-kit": (("User Scenarios & Testing", "Key Entities", "Measurable Outcomes", "Functional Requirements",
                  "Edge Cases", "Success Criteria"), 3),
    "spec-kit-plan": (("Technical Context", "Constitution Check", "Project Structure", "Complexity Tracking"), 2),
    "spec-kit-tasks": (("Format: [ID] [P?] [Story] Description", "Dependencies & Execution Order",
                        "Parallel Opportunities", "Implementation Strategy", "Path Conventions"), 2),
    "adr": (("Considered Options", "Decision Outcome", "Context and Problem Statement", "Decision Drivers",
             "Pros and Cons of the Options"), 2),
    "kiro-design": (("Components and Interfaces", "Data Models", "Error Handling", "Testing Strategy",
                     "Correctness Properties", "Architecture"), 3),
    "go-design": (("Abstract", "Background", "Proposal", "Rationale", "Compatibility", "Implementation"), 4),
}
_NYGARD = ("Status", "Context", "Decision", "Consequences")
_NYGARD_TITLE = lazy_compile(r"^\d{1,4}\.\s+\S")
_MADR_LIST_METADATA = lazy_compile(r"(?m)^[ \t]*[-*+][ \t]+(?:\*\*)?(?:Status|Deciders|Date|Technical Story)(?:\*\*)?[ \t]*:")
_PRD_SECTIONS = ("Requirements", "User stories", "Success metrics", "Non-goals", "Acceptance criteria", "Personas",
                 "Target users", "KPIs", "Problem statement", "Goals")
# Words in a heading that say "this is where the design is": "OTLP/HTTP Protocol Details", "API changes".
_DESIGN_WORDS = frozenset({"design", "proposal", "detail", "implementation", "architecture", "specification",
                           "protocol", "model", "api", "approach", "solution", "mechanism", "semantic"})


class _Headings(Record):
    """The heading keys of a document, to look expected sections up in."""

    __slots__ = ("keys",)

    def __init__(self, keys: frozenset[str]) -> None:
        self.keys = keys

    def found(self, names: tuple[str, ...]) -> list[str]:
        return [name for name in names if heading_key(name) in self.keys]

    def found_like(self, names: tuple[str, ...]) -> list[str]:
        """Names found by any of their built-in aliases ("Functional requirements" is "Requirements")."""
        return [name for name in names if alias_keys(name) & self.keys]

    def starts_with(self, name: str) -> bool:
        """A heading that begins with `name`: "Decision: use PostgreSQL", "Decision (proposed)"."""
        key = heading_key(name)
        return any(found == key or found.startswith(key + " ") for found in self.keys)


_PRD_TITLE = lazy_compile(r"\bproduct requirements? (?:document|doc|spec)\b|\bPRD\b", re.I)
_REQUIREMENTS_TITLE = lazy_compile(r"\brequirements document\b")
_ADR_TITLE = lazy_compile(r"\barchitect(?:ure|ural) decision record\b|^ADR[-\s]?\d+\b|^\d+\.\s", re.I)
_KEP_TITLE = lazy_compile(r"KEP-(?:\d+|NNNN)\b")
_GEP_TITLE = lazy_compile(r"GEP-\d+\s*:")
_TASKS_TITLE = lazy_compile(r"tasks\s*:")
_IMPLEMENTATION_TITLE = lazy_compile(r"implementation (?:plan|tasks)\b")
_TASKS_SUFFIX = lazy_compile(r"[-–:]\s*tasks$")
_CHECKLIST_TITLE = lazy_compile(r"\bchecklist\b")
_DESIGN_TITLE = lazy_compile(
    r"\b(?:technical )?design (?:document|doc)\b|^design document|[-–:]\s*design$|^technical design\b")
_DESIGN_DOCUMENT_TITLE = lazy_compile(r"\b(?:design document|draft design|design draft|design doc)\b", re.I)


#: spec-kit's "Feature Specification:" title, translated: "Especificación de la funcionalidad: ...".
_FOREIGN_SPEC_KIT_TITLE = lazy_compile(
    r"(?:especificaci[oó]n de (?:la )?(?:funcionalidad|caracter[ií]stica)|sp[ée]cification de (?:la )?fonctionnalit[ée]|"
    r"feature-spezifikation|funktionsspezifikation)\s*:")

#: "Anforderungsdokument", "Documento de requisitos", "Exigences" (`speclint.document.section_names`).
_FOREIGN_REQUIREMENTS_TITLES = ("requirement document", "requirement")  # keys of `normalize_title`


def _title_signals(title: str, evidence: _Evidence) -> None:
    lowered = title.lower()
    shown = title if len(title) <= 60 else title[:57] + "..."
    if _PRD_TITLE.search(title):
        evidence.add("prd", 4, f'title: "{shown}"')
    elif lowered in ("requirements document", "requirements") or _REQUIREMENTS_TITLE.search(lowered) \
            or (not lowered.startswith("requirement") and normalize_title(title) in _FOREIGN_REQUIREMENTS_TITLES) \
            or lowered.startswith("requirements:"):
        evidence.add("ears", 3, f'title: "{shown}"')
    if _ADR_TITLE.search(title):
        evidence.add("adr", 4 if "decision" in lowered or lowered.startswith("adr") else 1, f'title: "{shown}"')
    if _KEP_TITLE.match(title):
        evidence.add("kep", 4, f'title: "{shown}"')
    if _GEP_TITLE.match(title):
        evidence.add("gep", 5, f'title: "{shown}"')
    if lowered.startswith("feature specification") or _FOREIGN_SPEC_KIT_TITLE.match(lowered):
        evidence.add("spec-kit", 4, f'title: "{shown}"')
    if lowered.startswith("implementation plan:") and "technical context" not in lowered:
        evidence.add("spec-kit-plan", 2, f'title: "{shown}"')
    if _TASKS_TITLE.match(lowered):
        evidence.add("spec-kit-tasks", 4, f'title: "{shown}"')
    if _IMPLEMENTATION_TITLE.match(lowered) or _TASKS_SUFFIX.search(lowered):
        evidence.add("kiro-tasks", 2, f'title: "{shown}"')
    if _CHECKLIST_TITLE.search(lowered):
        evidence.add("checklist", 3, f'title: "{shown}"')
    if _DESIGN_TITLE.search(lowered):
        evidence.add("design-doc", 2, f'title: "{shown}"')
        evidence.add("kiro-design", 1, f'title: "{shown}"')
    if lowered.startswith("proposal:"):
        evidence.add("go-design", 1, f'title: "{shown}"')
    if _TEMPLATE_TITLE.search(title.rstrip(" .")):
        evidence.add(NOT_A_SPEC, _TEMPLATE, f'title: "{shown}" (a template)')


_TOP_LEVEL_KEY = lazy_compile(r"^([A-Za-z][\w-]*)\s*:")


def _front_matter_keys(document: Document) -> set[str]:
    """The front matter's top-level keys; read from its lines when it is not valid YAML (an
    unquoted `- @name` or `title: A: B` is common in real enhancements)."""
    data = document.front_matter.data if document.front_matter is not None else None
    if isinstance(data, dict):
        return {str(key).lower() for key in data}
    text = document.front_matter.text if document.front_matter is not None else ""
    return {match.group(1).lower() for match in map(_TOP_LEVEL_KEY.match, text.splitlines()) if match}


def _front_matter_signals(keys: set[str], evidence: _Evidence) -> None:
    if not keys:
        return
    if "owning-sig" in keys:
        evidence.add("kep", 4, "front matter: owning-sig")
    if "approvers" in keys and {"authors", "reviewers"} <= keys and "owning-sig" not in keys:
        evidence.add("openshift-enhancement", 6, "front matter: authors, reviewers, approvers")
    elif {"authors", "reviewers", "creation-date"} <= keys and "owning-sig" not in keys:
        evidence.add("capi-proposal", 3, "front matter: authors, reviewers, creation-date")
    if "scripts" in keys or "handoffs" in keys or ("description" in keys and "tools" in keys):
        evidence.add(NOT_A_SPEC, 4, "front matter: description, scripts (an agent command prompt)")
    if {"status", "date"} <= keys and ("deciders" in keys or "decision-makers" in keys):
        evidence.add("adr", 3, "front matter: status, date, deciders")
    elif {"status", "date"} <= keys:
        evidence.add("adr", 1, "front matter: status, date")  # MADR's two required keys: tips MADR headings


def _mentions_go(source: str) -> bool:
    """Two links to the Go project or mentions of Go (each pattern searched only when the text
    holds one of its literals: most documents mention "Go" in no such way)."""
    project = len(_GO_PROJECT.findall(source)) if may_match(literals_of(_GO_PROJECT), source) else 0
    return project >= 2 or project + len(_GO_WORD.findall(source)) >= 2


def _count_lines(pattern: Any, source: str) -> int:
    """How many lines of `source` start with a match of `pattern` (led by `\n`)."""
    return len(pattern.findall("\n" + source))


def _content_signals(document: Document, headings: _Headings, evidence: _Evidence) -> None:
    source = document.source
    head = "\n".join(document.lines[:40])

    for kind, (names, needed) in _SIGNATURES.items():
        found = headings.found(names)
        if len(found) >= needed:
            evidence.add(kind, 2 + len(found) - needed, "headings: " + ", ".join(found[:4]))
    nygard = [name for name in _NYGARD if headings.starts_with(name)]
    if "Decision" not in nygard and headings.starts_with("Proposal") and "Context" in nygard:
        nygard.append("Proposal")  # Tendermint-style ADRs: Context, Proposal, Status, Consequences
    if len(nygard) >= 3 and ("Decision" in nygard or "Proposal" in nygard):
        evidence.add("adr", 3, "headings: " + ", ".join(nygard))
    elif heading_key("Decision") in headings.keys and heading_key("Context") in headings.keys:
        evidence.add("adr", 1, "headings: Context, Decision")
    elif "Status" in nygard and "Context" in nygard and _NYGARD_TITLE.match(document.title or ""):
        # adr-tools' "12. Title" with Status and Context: a record whose decision is not written yet
        evidence.add("adr", 2, "title: N. ...; headings: Status, Context")

    # Older MADR's metadata list at the top: "* Status: accepted", "* Deciders: ...", "* Date: ..."
    if "eciders" in head and len(_MADR_LIST_METADATA.findall(head)) >= 2:
        evidence.add("adr", 3, "metadata: Status, Deciders, Date")

    metadata = len(_RUST_RFC_METADATA.findall(head))
    if metadata >= 2:
        evidence.add("rust-rfc", 5, "metadata: Feature Name, Start Date, RFC PR")
    if "FR-" in source and len(_SPEC_KIT_FR.findall(source)) >= 3 and (
        _SPEC_KIT_SC.search(source) or "**Feature Branch**" in head
    ):
        evidence.add("spec-kit", 3, "requirement ids: FR-### and SC-###")
    if ("SHALL" in source or any(word in source for word in languages.EARS_SHALL)) and len(_EARS.findall(source)) >= 3:
        evidence.add("ears", 3, "EARS criteria (WHEN ... SHALL)")
    if _GO_DISCUSSION.search(head):
        evidence.add("go-design", 5, "Discussion at go.dev/issue")
    elif ("Go" in source or "golang" in source or "go.dev" in source) and _mentions_go(source):
        evidence.add("go-design", 2, "about Go (links to the Go project, Go x.y)")
    if _AUTHOR_LINE.search(head):
        evidence.add("go-design", 1, "Author: line under the title")
    if "$ARGUMENTS" in source and _AGENT_PROMPT.search(source):
        evidence.add(NOT_A_SPEC, 4, "$ARGUMENTS (an agent command prompt)")

    tasks = _count_lines(_TASK_LINE, source) if "[ ]" in source or "[x]" in source or "[X]" in source else 0
    links = _count_lines(_LINK_ITEM, source) if "](" in source else 0
    lists = _count_lines(_LIST_LINE, source) if tasks >= 5 or links >= 5 else 0
    if tasks >= 5 and tasks >= 0.5 * lists:
        if len(_SPEC_KIT_TASK.findall(source)) >= 3:
            evidence.add("spec-kit-tasks", 3, "tasks: - [ ] T001")
        elif len(_KIRO_REQUIREMENT_REF.findall(source)) >= 2:
            evidence.add("kiro-tasks", 3, "tasks with _Requirements: N.N_")
        else:
            evidence.add("checklist", 3, f"{tasks} task boxes")
    paragraphs = source.count("\n\n") - lists  # roughly: blocks of prose
    if links >= 5 and links >= 0.6 * lists and links >= paragraphs / 2:
        evidence.add(NOT_A_SPEC, 4, f"{links} list items that are links (an index)")


# Headings of specifications written off the usual templates: a PR/FAQ (Amazon), a Shape Up pitch,
# a one-pager. A document with one of them is a spec of some kind, never "not a spec".
_OTHER_SPEC_HEADING = lazy_compile(
    r"\b(?:faq|press release|appetite|rabbit holes?|no gos?|solution|proposal|requirements?|acceptance|"
    r"scope|success|metrics?|rollout|launch|decision|risks?|(?:user )?stor(?:y|ies) \d{1,3}|epic \d{1,3}|"
    # a plan's numbered phases or steps, and a FAQ: "Phase 2: read from Redis", "Frequently asked questions"
    r"(?:phase|fase|step|schritt|etape|étape|etapa|milestone|wave) \d{1,2}|frequently asked)\b"
)


#: A plan's numbered phase or step as a heading ("Step 1 - Freeze changes"), whose key drops the label.
_PLAN_HEADING = lazy_compile(r"^(?:phase|step|stage|milestone|wave)\s+\d{1,2}\b", re.I)


def _fallback(headings: _Headings, title: str, plan: bool = False) -> Detection:
    """No kind stood out: a design document off any template, or a PRD (the default)."""
    # A title that says what the document is outweighs two headings a PRD also has (Goals, Background).
    if _DESIGN_DOCUMENT_TITLE.search(title):
        return Detection("design-doc", (f'title: "{title}"',))
    prd_sections = headings.found_like(_PRD_SECTIONS)
    if len(prd_sections) >= 2:
        return Detection(FALLBACK, ("headings: " + ", ".join(prd_sections[:4]),))
    from speclint.engine.profiles import load_profile

    profile = load_profile("design-doc")
    summary, background, design = profile.sections[0], profile.sections[1], profile.sections[3]
    keys = headings.keys
    context = keys & (background.keys | summary.keys)
    design_keys = (keys & design.keys) or {key for key in keys if _DESIGN_WORDS.intersection(key.split())}
    if context and design_keys:
        return Detection("design-doc", (f"headings: {sorted(context)[0]} and {sorted(design_keys)[0]}",))
    # Many sections, none of them one a specification has: an essay or a guide. A short draft with
    # a title and a TODO stays a PRD, so that its markers are still reported.
    if len(keys) >= 4 and not plan and not keys & _spec_section_keys() \
            and not any(_OTHER_SPEC_HEADING.search(key) for key in keys):
        return Detection(NOT_A_SPEC, ("no heading a specification has (Summary, Goals, Requirements, Design...)",))
    return Detection(FALLBACK, ("no other kind fits (default)",))


@lru_cache(maxsize=1)
def _spec_section_keys() -> frozenset[str]:
    """Every heading key a built-in profile expects (names, aliases and their built-in aliases)."""
    from speclint.engine.profiles import builtin_profile_names, load_profile

    keys: set[str] = set()

    def collect(sections: Any) -> None:
        for section in sections:
            if section.pattern is None:
                keys.update(section.keys)
            collect(section.children)

    for name in builtin_profile_names():
        collect(load_profile(name).sections)
    return frozenset(keys)


def detect_kind(document: Document, path: str | PurePath | None = None) -> Detection:
    """The kind of `document` (a built-in profile name, or `not-a-spec`) and the signals that decided it.

    `path` is where the file lives (its path hints and the files beside it count); without one,
    the document's own `file_path` is used, and without that, content alone decides.
    """
    from pathlib import Path

    evidence = _Evidence()
    where = PurePath(path) if path is not None else document.file_path
    if where is not None:
        real = Path(where)
        _path_signals(PurePath(where), evidence, lambda name: (real.parent / name).is_file())
    title = (document.title or "").strip()
    _title_signals(title, evidence)
    if document.front_matter is not None:
        _front_matter_signals(_front_matter_keys(document), evidence)
    headings = _Headings(frozenset(heading_key(section.title) for section in document.sections()))
    _content_signals(document, headings, evidence)

    best = evidence.best()
    if best is not None and best[1] >= _DECISIVE:
        kind = best[0]
        return Detection(kind, tuple(evidence.signals[kind]))
    return _fallback(headings, title, plan=any(_PLAN_HEADING.match(section.title or "") for section in document.sections()))
