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
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Mapping

from speclint.document.headings import alias_keys, heading_key, heading_parts
from speclint.lazy_regex import lazy_compile
from speclint.record import Record

if TYPE_CHECKING:
    from speclint.document.model import Document, Section
    from speclint.engine.kinds import Detection

DEFAULT_PROFILE = "prd"
TITLE_HEADING_CHOICES = ("expected", "optional", "none")
_LEVELS = ("off", "info", "warning", "error")


class ProfileError(ValueError):
    """A profile that does not exist or whose file is not valid."""


class ExpectedSection(Record):
    """A section a document of some kind is expected to have."""

    __slots__ = ("name", "aliases", "required", "children", "pattern")

    def __init__(
        self,
        name: str,
        aliases: tuple[str, ...] = (),
        required: bool = True,
        children: tuple[ExpectedSection, ...] = (),
        pattern: str | None = None,
    ) -> None:
        self.name = name
        self.aliases = aliases
        self.required = required
        self.children = children
        self.pattern = pattern  # a repeating section ("Requirement 3: ...") matched by regex

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
    from speclint.startup_store import compile_pattern

    return compile_pattern(pattern, re.I)


class RuleSetting(Record):
    """A profile's setting for one rule: a level (`off` disables it) and option values."""

    __slots__ = ("level", "options")

    def __init__(self, level: str | None = None, options: Mapping[str, Any] | None = None) -> None:
        self.level = level
        self.options = {} if options is None else options


class Profile(Record):
    """One kind of document. See the module docstring."""

    __slots__ = (
        "name", "description", "title_heading", "sections", "front_matter_schema", "template_text",
        "template_comments", "rules", "lint",
    )

    def __init__(
        self,
        name: str,
        description: str,
        title_heading: str = "optional",
        sections: tuple[ExpectedSection, ...] = (),
        front_matter_schema: str | None = None,
        template_text: tuple[str, ...] = (),
        template_comments: tuple[str, ...] = (),
        rules: Mapping[str, RuleSetting] | None = None,
        lint: bool = True,
    ) -> None:
        self.name = name
        self.description = description
        self.title_heading = title_heading  # expected / optional / none
        self.sections = sections
        self.front_matter_schema = front_matter_schema
        self.template_text = template_text  # visible guidance of the template
        self.template_comments = template_comments  # guidance the template hides in HTML comments
        self.rules = {} if rules is None else rules
        self.lint = lint  # False: not a specification (not-a-spec); no rule runs on it


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


_PROFILE_NAME = lazy_compile(r"[a-z][a-z0-9-]*")


@lru_cache(maxsize=None)
def load_profile(name: str) -> Profile:
    """The built-in profile called `name` (any case); `ProfileError` when there is none or it is invalid."""
    name = (name or "").strip().lower()
    if not _PROFILE_NAME.fullmatch(name or ""):
        raise ProfileError(f"unknown profile {name!r} (profiles: {', '.join(builtin_profile_names())})")
    path = _profiles_dir() / f"{name}.yaml"
    if not path.is_file():
        raise ProfileError(f"unknown profile {name!r} (profiles: {', '.join(builtin_profile_names())})")
    # Built-in profiles are checked against the schema by the test suite, so a lint run does not
    # pay for importing jsonschema (about 50 ms of every pre-commit run).
    from speclint.engine.registry import built_in_profile_data

    data = built_in_profile_data(name, str(path))
    if data is not None:  # as the YAML file loads (rules/manifest.json), without ruamel.yaml
        return profile_from_data(data, str(path), validate=False)
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
        lint=bool(data.get("lint", True)),
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
# The detector lives in `speclint.engine.kinds`: path, title, front matter and content each weigh in.

NOT_A_SPEC = "not-a-spec"


def detect_kind(document: Document, path: str | Path | None = None) -> Detection:
    """The kind of `document` (a profile name, `not-a-spec` included) and the signals that decided it."""
    from speclint.engine.kinds import detect_kind as detect

    return detect(document, path)


def detect_profile_name(document: Document, path: str | Path | None = None) -> str:
    """The name of the built-in profile that fits `document` best (`not-a-spec` for files that are no spec)."""
    return detect_kind(document, path).profile


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
