"""Document profiles: what a kind of document (PRD, spec-kit spec, KEP, Rust RFC, ADR...) looks like.

A profile is data, shipped as YAML in `rules/profiles/<name>.yaml` and validated against
`schemas/profile.schema.json`: the sections expected (canonical name, aliases, required or optional,
children, in the expected order), whether a level-1 title heading is expected, the name of the
front-matter schema, guidance text of the template, and rule settings applied before the user's
configuration. `detect_profile` picks a profile from a document's content; `--profile` or the
configuration can force one by name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Mapping

from speclint.document.headings import alias_keys, heading_key, heading_parts

if TYPE_CHECKING:
    from speclint.document.model import Document, Section

DEFAULT_PROFILE = "prd"
TITLE_HEADING_CHOICES = ("expected", "optional", "none")
_LEVELS = ("off", "info", "warning", "error")


class ProfileError(ValueError):
    """A profile that does not exist or whose file is not valid."""


@dataclass(frozen=True)
class ExpectedSection:
    """A section a document of some kind is expected to have."""

    name: str
    aliases: tuple[str, ...] = ()
    required: bool = True
    children: tuple[ExpectedSection, ...] = ()
    pattern: str | None = None  # a repeating section ("Requirement 3: ...") matched by regex

    @property
    def keys(self) -> frozenset[str]:
        """Heading keys that name this section: its name, its aliases and the name's built-in aliases."""
        return _section_keys(self.name, self.aliases)

    def matches(self, title: str) -> bool:
        """True when a heading names this section, alone or as part of a combined heading
        ("Goals and Non-goals" names both)."""
        if self.pattern is not None:
            return _compiled_pattern(self.pattern).match(title.strip()) is not None
        keys = self.keys
        return heading_key(title) in keys or any(heading_key(part) in keys for part in heading_parts(title))

    def also_accepted(self) -> str:
        return ", ".join(self.aliases[:3])


@lru_cache(maxsize=None)
def _section_keys(name: str, aliases: tuple[str, ...]) -> frozenset[str]:
    """Heading keys that name a section: its name, its aliases and the name's built-in aliases."""
    return frozenset(alias_keys(name)) | {heading_key(alias) for alias in aliases}


@lru_cache(maxsize=None)
def _compiled_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


@dataclass(frozen=True)
class RuleSetting:
    """A profile's setting for one rule: a level (`off` disables it) and option values."""

    level: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Profile:
    """One kind of document. See the module docstring."""

    name: str
    description: str
    title_heading: str = "optional"  # expected / optional / none
    sections: tuple[ExpectedSection, ...] = ()
    front_matter_schema: str | None = None
    template_text: tuple[str, ...] = ()  # visible guidance of the template
    template_comments: tuple[str, ...] = ()  # guidance the template hides in HTML comments
    rules: Mapping[str, RuleSetting] = field(default_factory=dict)


# --- loading --------------------------------------------------------------------------------


def _profiles_dir() -> Path:
    import speclint.rules

    return Path(speclint.rules.__file__).resolve().parent / "profiles"


def _schema_path() -> Path:
    import speclint.schemas

    return Path(speclint.schemas.__file__).resolve().parent / "profile.schema.json"


def builtin_profile_names() -> list[str]:
    """Names of the profiles shipped with speclint, sorted."""
    return sorted(path.stem for path in _profiles_dir().glob("*.yaml"))


@lru_cache(maxsize=None)
def load_profile(name: str) -> Profile:
    """The built-in profile called `name` (any case); `ProfileError` when there is none or it is invalid."""
    name = (name or "").strip().lower()
    if not re.fullmatch(r"[a-z][a-z0-9-]*", name or ""):
        raise ProfileError(f"unknown profile {name!r} (profiles: {', '.join(builtin_profile_names())})")
    path = _profiles_dir() / f"{name}.yaml"
    if not path.is_file():
        raise ProfileError(f"unknown profile {name!r} (profiles: {', '.join(builtin_profile_names())})")
    # Built-in profiles are checked against the schema by the test suite, so a lint run does not
    # pay for importing jsonschema (about 50 ms of every pre-commit run).
    return load_profile_file(path, validate=False)


def load_profile_file(path: Path, validate: bool = True) -> Profile:
    """Read, validate (unless `validate` is false) and build a profile from a YAML file."""
    from ruamel.yaml import YAML

    try:
        from speclint.document import yaml_guard

        data = yaml_guard.load(YAML(typ="safe", pure=True), path.read_text(encoding="utf-8"))
    except Exception as error:  # ruamel raises many kinds; all mean "not valid YAML"
        raise ProfileError(f"{path}: not valid YAML: {error}") from None
    return profile_from_data(data, str(path), validate=validate)


def profile_from_data(data: Any, origin: str = "<profile>", validate: bool = True) -> Profile:
    """Validate `data` (loaded YAML) against the profile schema and build the `Profile`."""
    errors = validate_profile_data(data) if validate else []
    if errors:
        raise ProfileError(f"{origin}: " + "; ".join(errors))
    for section in _walk_data_sections(data.get("sections", [])):
        pattern = section.get("pattern")
        if pattern is not None:
            try:
                re.compile(pattern)
            except re.error as error:
                raise ProfileError(f"{origin}: section {section['name']!r}: bad pattern: {error}") from None
    rules = {}
    for key, value in (data.get("rules") or {}).items():
        if isinstance(value, str):
            rules[key] = RuleSetting(level=value)
        else:
            rules[key] = RuleSetting(level=value.get("level"), options=dict(value.get("options") or {}))
    return Profile(
        name=data["name"],
        description=" ".join(data["description"].split()),
        title_heading=data["title_heading"],
        sections=tuple(_section(item) for item in data.get("sections", [])),
        front_matter_schema=data.get("front_matter_schema"),
        template_text=tuple(" ".join(text.split()) for text in data.get("template_text", [])),
        template_comments=tuple(" ".join(text.split()) for text in data.get("template_comments", [])),
        rules=rules,
    )


def _walk_data_sections(sections: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for section in sections:
        yield section
        yield from _walk_data_sections(section.get("children", []))


def _section(data: Mapping[str, Any]) -> ExpectedSection:
    return ExpectedSection(
        name=data["name"],
        aliases=tuple(data.get("aliases", ())),
        required=bool(data.get("required", True)),
        children=tuple(_section(child) for child in data.get("children", ())),
        pattern=data.get("pattern"),
    )


@lru_cache(maxsize=1)
def _validator() -> Any:
    import json

    import jsonschema

    schema = json.loads(_schema_path().read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def validate_profile_data(data: Any) -> list[str]:
    """What is wrong with loaded profile data, one message per problem, with its location."""
    messages = []
    for error in sorted(_validator().iter_errors(data), key=lambda error: list(error.absolute_path)):
        where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
        messages.append(f"{where}: {error.message}")
    return messages


# --- detection ------------------------------------------------------------------------------

_RUST_RFC_METADATA = re.compile(r"^[ \t]*[-*][ \t]+(?:Feature Name|Start Date|RFC PR|Rust Issue)\s*#?\s*:", re.I | re.M)
_SPEC_KIT_FR = re.compile(r"\bFR-\d{3}\b")
_SPEC_KIT_SC = re.compile(r"\bSC-\d{3}\b")
_EARS = re.compile(
    r"\b(?:THE|the)\s+[\w\- ]{1,60}?\s+SHALL\b|^[ \t]*(?:(?:[-*]|\d+\.)[ \t]*)?(?:WHEN|IF|WHILE|WHERE)\b[^\n]{0,300}?\bSHALL\b",
    re.M,
)
_GO_DISCUSSION = re.compile(r"^Discussion at\b.*\b(?:go\.dev|golang\.org)/issues?/", re.I | re.M)
_TASK_LINE = re.compile(r"^[ \t]*[-*+][ \t]+\[[ xX]\]\s", re.M)
_LIST_LINE = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])\s", re.M)

_KEP_HEADINGS = ("Release Signoff Checklist", "Production Readiness Review Questionnaire", "Design Details",
                 "Graduation Criteria", "Version Skew Strategy", "Upgrade / Downgrade Strategy",
                 "Implementation History")
_OTEP_HEADINGS = ("Internal details", "Trade-offs and mitigations", "Prior art and alternatives", "Explanation",
                  "Prototypes")
_SPEC_KIT_HEADINGS = ("User Scenarios & Testing", "Key Entities", "Measurable Outcomes")
_PLAN_HEADINGS = ("Technical Context", "Constitution Check", "Project Structure", "Complexity Tracking")
_MADR_HEADINGS = ("Considered Options", "Decision Outcome", "Context and Problem Statement", "Decision Drivers",
                  "Pros and Cons of the Options")
_NYGARD_HEADINGS = ("Status", "Context", "Decision", "Consequences")
_GO_HEADINGS = ("Abstract", "Background", "Proposal", "Rationale", "Compatibility", "Implementation")


def _count_headings(keys: set[str], names: tuple[str, ...]) -> int:
    return sum(1 for name in names if heading_key(name) in keys)


def detect_profile_name(document: Document, path: str | Path | None = None) -> str:
    """The name of the built-in profile that fits `document` best (content first, then `prd`)."""
    head = "\n".join(document.lines[:40])
    keys = {heading_key(section.title) for section in document.sections()}
    title = (document.title or "").strip()
    file_path = Path(path) if path is not None else document.file_path

    if file_path is not None and (file_path.parent / "kep.yaml").is_file() and file_path.name.lower() == "readme.md":
        return "kep"
    if _count_headings(keys, _KEP_HEADINGS) >= 3 or re.match(r"KEP-(?:\d+|NNNN)\b", title):
        return "kep"
    if len(set(_RUST_RFC_METADATA.findall(head))) >= 2 or len(_RUST_RFC_METADATA.findall(head)) >= 2:
        return "rust-rfc"
    if re.search(r"\bchecklist\b", title, re.I):
        return "checklist"
    if heading_key("User Scenarios & Testing") in keys or _count_headings(keys, _SPEC_KIT_HEADINGS) >= 2 \
            or title.lower().startswith("feature specification"):
        return "spec-kit"
    if _count_headings(keys, _PLAN_HEADINGS) >= 2 or title.lower().startswith("implementation plan:"):
        return "spec-kit-plan"
    if _count_headings(keys, _MADR_HEADINGS) >= 2:
        return "adr"
    if _count_headings(keys, _NYGARD_HEADINGS) >= 3 and heading_key("Decision") in keys:
        return "adr"
    if title.lower() in ("requirements document", "requirements") or title.lower().endswith("requirements document"):
        return "ears"
    if "FR-" in document.source and len(_SPEC_KIT_FR.findall(document.source)) >= 3 and (
        _SPEC_KIT_SC.search(document.source) or "**Feature Branch**" in head
    ):
        return "spec-kit"  # FR-### alone is common in PRDs; spec-kit adds SC-### and the branch line
    if "SHALL" in document.source and len(_EARS.findall(document.source)) >= 3:
        return "ears"
    if _count_headings(keys, _OTEP_HEADINGS) >= 2 and heading_key("Motivation") in keys:
        return "otep"
    if _GO_DISCUSSION.search(head) or (
        title.lower().startswith("proposal:") and _count_headings(keys, _GO_HEADINGS) >= 2
    ):
        return "go-design"
    tasks = len(_TASK_LINE.findall(document.source)) if "[" in document.source else 0
    if re.search(r"\b(?:checklist|tasks)\b", title, re.I) or (
        tasks >= 5 and tasks >= 0.6 * len(_LIST_LINE.findall(document.source))
    ):
        return "checklist"
    if _looks_like_design_doc(keys, title):
        return "design-doc"
    return DEFAULT_PROFILE


_PRD_SIGNALS = ("Requirements", "User stories", "Success metrics", "Non-goals", "Acceptance criteria", "Personas",
                "Target users", "KPIs")


def _looks_like_design_doc(keys: set[str], title: str) -> bool:
    """A design document off any template: context, then a design section; not a PRD's sections."""
    if _count_headings(keys, _PRD_SIGNALS) >= 2:
        return False
    if re.search(r"\b(?:design document|draft design|design draft|design doc)\b", title, re.I):
        return True
    profile = load_profile("design-doc")
    summary, background, design = profile.sections[0], profile.sections[1], profile.sections[3]
    has_context = bool(keys & (background.keys | summary.keys))
    has_design = bool(keys & design.keys) or any(_DESIGN_WORDS.intersection(key.split()) for key in keys)
    return has_context and has_design


# Words in a heading that say "this is where the design is": "OTLP/HTTP Protocol Details", "API changes".
_DESIGN_WORDS = frozenset({"design", "proposal", "detail", "implementation", "architecture", "specification",
                           "protocol", "model", "api", "approach", "solution", "mechanism", "semantic"})


def detect_profile(document: Document, path: str | Path | None = None) -> Profile:
    """The built-in `Profile` that fits `document` best; `prd` when nothing else fits."""
    return load_profile(detect_profile_name(document, path))


# --- matching expected sections -------------------------------------------------------------


def match_sections(expected: ExpectedSection, candidates: list[Section]) -> list[Section]:
    """Sections among `candidates` (and below them) that `expected` names, in document order."""
    found = []
    for candidate in candidates:
        for section in candidate.walk():
            if section.heading is not None and expected.matches(section.title):
                found.append(section)
    return found
