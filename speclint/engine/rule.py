"""The rule interface: what a rule declares, what it yields, and what the engine makes of it.

A rule is a class with a stable `id` (`PH001`), a kebab-case `name`, exactly one `category`, a
`default_level`, typed `options`, a docstring that is its documentation, and a `check` generator
that yields `Violation`s for one document. Rules never print, never read files and keep no state
between documents: the engine turns each violation into a `Finding` with the rule's identity,
its configured level and the document's path.

    class NoLoremIpsum(Rule):
        \"\"\"Flags "lorem ipsum" filler text. ...\"\"\"

        id = "XY001"
        name = "no-lorem-ipsum"
        category = Category.PLACEHOLDER
        default_level = Level.WARNING

        def check(self, document, context):
            for section, block in document.iter_blocks():
                ...
                yield Violation(span, "filler text: replace it with the real content")

Third-party packages register rule classes under the `speclint.rules` entry-point group, the same
way the built-in rules are registered.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any, ClassVar, Iterator, Mapping

from speclint.document.model import Span
from speclint.lazy_regex import lazy_compile
from speclint.record import Record

if TYPE_CHECKING:
    from speclint.fixes import Fix
    from speclint.document.model import Document


class Level(str, enum.Enum):
    """How serious a finding is. Ordered: info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self]


_LEVEL_RANK = {Level.INFO: 0, Level.WARNING: 1, Level.ERROR: 2}


class Category(str, enum.Enum):
    """The fixed, public categories users select, report and count by."""

    STRUCTURE = "structure"
    PLACEHOLDER = "placeholder"
    ACCEPTANCE_CRITERIA = "acceptance-criteria"
    ERROR_HANDLING = "error-handling"
    EDGE_CASES = "edge-cases"
    API_CONTRACT = "api-contract"
    WORDING = "wording"
    MEASURABILITY = "measurability"
    TRACEABILITY = "traceability"
    METADATA = "metadata"
    RISK = "risk"


class Group(str, enum.Enum):
    """Whether a rule runs unless configured otherwise (as clippy's lint groups and ruff's preview).

    A built-in rule is `default` only once a strict reviewer judged at least 90% of a random sample
    of its findings on real documents right (`bench/precision.py`, recorded in `rules/precision.json`);
    until then it is `preview`: available, but off unless the configuration names it by id, name or
    alias, or turns the whole group on (`preview: true`, `--preview`). See `speclint.engine.selection`.
    """

    DEFAULT = "default"
    PREVIEW = "preview"


class Within(str, enum.Enum):
    """Where a rule's finding makes another rule's finding redundant (`Subsumes.within`)."""

    SPAN = "span"  # the two spans overlap (an empty span counts where it stands)
    SECTION = "section"  # one of the two points at a section's heading and the other lies in that section


class Subsumes(Record):
    """A rule's declaration that its finding makes findings of `rule_ids` redundant where they meet.

    One defect, one finding: when two rules report the same defect, the more specific one declares
    `subsumes = (Subsumes(("WD001",)),)` and the filter stage (`speclint.filters.redundancy`) drops
    the other's finding wherever both are reported. A finding is only ever dropped for one that is
    itself reported: with the specific rule off, not selected, crashed or suppressed there, the
    other still reports.
    """

    __slots__ = ("rule_ids", "within")

    def __init__(self, rule_ids: tuple[str, ...], within: Within = Within.SPAN) -> None:
        self.rule_ids = rule_ids
        self.within = within


class OptionError(ValueError):
    """A rule option has a value of the wrong type or out of range."""


class Option(Record):
    """A typed rule option. `kind` is one of: bool, int, float, str, list[str]."""

    __slots__ = ("name", "kind", "default", "help", "choices", "minimum")

    def __init__(
        self,
        name: str,
        kind: str,
        default: Any,
        help: str,
        choices: tuple[Any, ...] | None = None,
        minimum: float | None = None,
    ) -> None:
        self.name = name
        self.kind = kind
        self.default = default
        self.help = help
        self.choices = choices
        self.minimum = minimum

    def validate(self, value: Any) -> Any:
        """`value` if it fits this option, else `OptionError` saying what is allowed."""
        expected = {"bool": bool, "int": int, "float": (int, float), "str": str, "list[str]": list}[self.kind]
        wrong_type = not isinstance(value, expected) or (self.kind != "bool" and isinstance(value, bool))
        if self.kind == "list[str]" and not wrong_type:
            wrong_type = not all(isinstance(item, str) for item in value)
        if wrong_type:
            raise OptionError(f"option '{self.name}' must be {_KIND_WORDS[self.kind]}, not {value!r}")
        if self.choices is not None and value not in self.choices:
            allowed = ", ".join(repr(choice) for choice in self.choices)
            raise OptionError(f"option '{self.name}' must be one of {allowed}, not {value!r}")
        if self.minimum is not None and value < self.minimum:
            raise OptionError(f"option '{self.name}' must be at least {self.minimum:g}, not {value!r}")
        return list(value) if self.kind == "list[str]" else value

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "bool": {"type": "boolean"},
            "int": {"type": "integer"},
            "float": {"type": "number"},
            "str": {"type": "string"},
            "list[str]": {"type": "array", "items": {"type": "string"}},
        }[self.kind]
        if self.choices is not None:
            schema = {**schema, "enum": list(self.choices)}
        if self.minimum is not None:
            schema = {**schema, "minimum": self.minimum}
        return {**schema, "description": self.help, "default": self.default}


_KIND_WORDS = {
    "bool": "true or false",
    "int": "a whole number",
    "float": "a number",
    "str": "a string",
    "list[str]": "a list of strings",
}


class Violation(Record):
    """What a rule yields: where, and what is wrong (a sentence that says what to do).

    `path` is None for the document being checked. A rule that checks a file the document owns
    (a KEP's `kep.yaml` next to its README.md) sets it to that file's display path, so the finding
    points at the line in the file where the problem is.
    """

    __slots__ = ("span", "message", "path", "fix", "one_level_lower")

    def __init__(
        self,
        span: Span,
        message: str,
        path: str | None = None,
        fix: Fix | None = None,
        one_level_lower: bool = False,
    ) -> None:
        self.span = span
        self.message = message
        self.path = path
        self.fix = fix  # a safe change that removes this finding (speclint.fixes); rules never write
        # Reported one level below the rule's configured level (error -> warning -> info): the document
        # itself says the thing is not due yet (a marker in a proposal whose metadata says provisional).
        self.one_level_lower = one_level_lower


class RuleContext(Record):
    """What a rule may read besides the document: its validated options and the profile in use."""

    __slots__ = ("options", "profile", "settings")
    __hash__ = None  # type: ignore[assignment]  (as a mutable dataclass's)

    def __init__(self, options: Mapping[str, Any], profile: Any = None, settings: Mapping[str, Any] | None = None) -> None:
        self.options = options
        self.profile = profile  # speclint.engine.profiles.Profile once profiles exist; None means "no profile"
        self.settings = {} if settings is None else settings


class Rule:
    """Base class of every rule. Subclasses set the class attributes and implement `check`."""

    id: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    default_level: ClassVar[Level] = Level.WARNING
    group: ClassVar[Group] = Group.DEFAULT
    options: ClassVar[tuple[Option, ...]] = ()
    aliases: ClassVar[tuple[str, ...]] = ()
    # Rules whose findings this rule's finding makes redundant at the same spot (the same defect, said
    # less precisely): dropped in the filter stage, see `Subsumes`.
    subsumes: ClassVar[tuple[Subsumes, ...]] = ()
    documentation_url: ClassVar[str | None] = None  # a link to more documentation (YAML rules, plugins)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        raise NotImplementedError

    @classmethod
    def documentation(cls) -> str:
        """The rule's docstring, dedented: what it flags, why, bad and good examples."""
        import inspect  # not at import: a one-file run never reads the documentation

        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """The first sentence of the documentation, on one line."""
        first_paragraph = cls.documentation().split("\n\n", 1)[0]
        return " ".join(first_paragraph.split())

    @classmethod
    def default_options(cls) -> dict[str, Any]:
        return {option.name: option.default for option in cls.options}

    @classmethod
    def resolve_options(cls, given: Mapping[str, Any]) -> dict[str, Any]:
        """Defaults overlaid with `given`, each value validated; unknown names are errors."""
        known = {option.name: option for option in cls.options}
        resolved = cls.default_options()
        for name, value in given.items():
            if name not in known:
                allowed = ", ".join(sorted(known)) or "none"
                raise OptionError(f"rule {cls.id} ({cls.name}) has no option '{name}' (options: {allowed})")
            resolved[name] = known[name].validate(value)
        return resolved


_ID = lazy_compile(r"^[A-Z]{2,4}[0-9]{3}$")
_NAME = lazy_compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def rule_definition_errors(rule: type[Rule]) -> list[str]:
    """What is wrong with a rule class's declaration (empty when it is fine)."""
    errors = []
    rule_id = getattr(rule, "id", None)
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        errors.append(f"id {rule_id!r} is not two to four capitals and three digits (like PH001)")
    name = getattr(rule, "name", None)
    if not isinstance(name, str) or not _NAME.match(name):
        errors.append(f"name {name!r} is not kebab-case")
    if not isinstance(getattr(rule, "category", None), Category):
        errors.append("category is not a speclint.engine.rule.Category")
    if not isinstance(getattr(rule, "default_level", None), Level):
        errors.append("default_level is not a speclint.engine.rule.Level")
    if not (rule.__doc__ or "").strip():
        errors.append("it has no docstring (the docstring is the rule's documentation)")
    for relation in getattr(rule, "subsumes", ()):
        if not isinstance(relation, Subsumes) or not isinstance(relation.within, Within):
            errors.append(f"subsumes holds {relation!r}, not a speclint.engine.rule.Subsumes")
            continue
        for other in relation.rule_ids:
            if not isinstance(other, str) or not _ID.match(other) or other == rule_id:
                errors.append(f"subsumes names {other!r}, which is not the id of another rule")
    for option in getattr(rule, "options", ()):
        try:
            option.validate(option.default)
        except OptionError as error:
            errors.append(f"default of {error}")
    return errors


class Finding(Record):
    """A violation with everything a reporter needs. Sorted by path, then position."""

    __slots__ = ("path", "span", "rule_id", "rule_name", "category", "level", "message", "fix")

    def __init__(
        self,
        path: str,
        span: Span,
        rule_id: str,
        rule_name: str,
        category: str,
        level: Level,
        message: str,
        fix: Fix | None = None,
    ) -> None:
        self.path = path
        self.span = span
        self.rule_id = rule_id
        self.rule_name = rule_name
        self.category = category
        self.level = level
        self.message = message
        self.fix = fix  # from the violation: `check --fix`, SARIF `fixes`, editor code actions

    @property
    def line(self) -> int:
        return self.span.start.line

    @property
    def column(self) -> int:
        return self.span.start.column

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.start.line, self.span.start.column, self.rule_id)
