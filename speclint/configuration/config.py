"""Configuration: finding, loading and validating `.speclint.yaml` / `[tool.speclint]`, and deciding,
for one file, which profile and which rules at which levels and options apply.

Where the configuration comes from:
- the closest `.speclint.yaml`, `.speclint.yml` or `pyproject.toml` with a `[tool.speclint]` table,
  searched from the linted file's folder upward to the repository root (the folder holding `.git`),
  or, outside a repository, to the folder the run started in (never above it);
  in one folder `.speclint.yaml` wins over `.speclint.yml`, which wins over `pyproject.toml`.
  Configurations do not merge across folders: the closest one is used, and it can `extends` another.
- `--config FILE` uses FILE for every file; `--isolated` uses none (built-in defaults).

Trust (see "Security and limits" in the README): Python plugins are code, so they load only from
the root configuration (the one at the top of the search) or from `--config`, and only from files
inside the repository; a nested configuration that names one is an error and its code is never
imported. Every path a configuration names (`extends`, `plugins`, `front-matter`) must resolve,
symlinks followed, inside the repository (the starting folder outside one).

What a configuration holds (see `schemas/config.schema.json`): `extends`, `profile`, `rules`,
`ignore`, `plugins`, `sections` / `extend-sections` / `section-aliases`, `front-matter`, and
`overrides` (the same settings for some paths only). Paths and globs are relative to the file that
names them. Layers apply in this order, later ones winning: rule defaults, the profile's rule
settings, each configuration of the `extends` chain (the base first), then every matching override
in the order written.

Every problem is an `InvalidFile` naming the file, line and column and saying what is allowed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Mapping

from speclint.configuration.validation import (
    InvalidFile,
    Locator,
    PathKey,
    Problem,
    TomlLocator,
    YamlLocator,
    describe_value,
    dotted,
    load_toml,
    load_yaml,
    plain,
    read_schema,
    read_user_file,
    schema_problems,
    suggest,
)
from speclint.engine.check import ActiveRule
from speclint.engine.files import repository_root
from speclint.engine.profiles import RuleSetting  # a level ("off" disables; None keeps) and option values
from speclint.engine.registry import RuleRegistry
from speclint.engine.rule import Category, OptionError, Rule
from speclint.record import Record

CONFIG_FILE_NAMES = (".speclint.yaml", ".speclint.yml")
PYPROJECT = "pyproject.toml"
LEVEL_NAMES = ("off", "info", "warning", "error")
AUTO_PROFILE = "auto"


def builtin_profiles() -> tuple[str, ...]:
    from speclint.engine.profiles import builtin_profile_names

    return tuple(builtin_profile_names())


# --- what a configuration says ----------------------------------------------------------------


class Layer(Record):
    """The settings of one mapping: a configuration's top level, or one override."""

    __slots__ = (
        "profile", "preview", "rules", "named", "sections", "extend_sections", "section_aliases", "front_matter_schema"
    )
    __hash__ = None  # type: ignore[assignment]  (filled as the configuration is read)

    def __init__(
        self,
        profile: str | None = None,
        preview: bool | None = None,
        rules: list[tuple[tuple[str, ...], RuleSetting]] | None = None,
        named: set[str] | None = None,
        sections: list[Any] | None = None,
        extend_sections: list[Any] | None = None,
        section_aliases: dict[str, list[str]] | None = None,
        front_matter_schema: dict[str, Any] | None = None,
    ) -> None:
        self.profile = profile
        self.preview = preview  # `preview:`: None when this mapping does not say
        # (rule ids, setting); category entries come first so a named rule beats its category.
        self.rules = [] if rules is None else rules
        self.named = set() if named is None else named  # ids of the rules named by id, name or alias
        self.sections = sections
        self.extend_sections = [] if extend_sections is None else extend_sections
        self.section_aliases = {} if section_aliases is None else section_aliases
        self.front_matter_schema = front_matter_schema


class Override(Record):
    """The settings of an `overrides` entry and the paths (globs) they apply to."""

    __slots__ = ("patterns", "base", "layer")
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, patterns: list[str], base: Path, layer: Layer) -> None:
        self.patterns = patterns
        self.base = base  # the folder the patterns are relative to
        self.layer = layer

    def matches(self, path: Path) -> bool:
        return any(glob_matches(pattern, path, self.base) for pattern in self.patterns)


class FileSettings(Record):
    """Everything the configuration says about one file."""

    __slots__ = (
        "profile", "preview", "rules", "named", "sections", "extend_sections", "section_aliases",
        "front_matter_schema", "config_path",
    )
    __hash__ = None  # type: ignore[assignment]

    def __init__(
        self,
        profile: str | None = None,
        preview: bool = False,
        rules: dict[str, RuleSetting] | None = None,
        named: set[str] | None = None,
        sections: list[Any] | None = None,
        extend_sections: list[Any] | None = None,
        section_aliases: dict[str, list[str]] | None = None,
        front_matter_schema: dict[str, Any] | None = None,
        config_path: Path | None = None,
    ) -> None:
        self.profile = profile  # None: detect from the document
        self.preview = preview
        self.rules = {} if rules is None else rules
        self.named = set() if named is None else named  # rules named by id, name or alias: preview ones run
        self.sections = sections
        self.extend_sections = [] if extend_sections is None else extend_sections
        self.section_aliases = {} if section_aliases is None else section_aliases
        self.front_matter_schema = front_matter_schema
        self.config_path = config_path

    def as_settings(self) -> dict[str, Any]:
        """What rules see in `RuleContext.settings` (profile customisation from the configuration)."""
        settings: dict[str, Any] = {}
        if self.sections is not None:
            settings["sections"] = self.sections
        if self.extend_sections:
            settings["extend-sections"] = self.extend_sections
        if self.section_aliases:
            settings["section-aliases"] = self.section_aliases
        if self.front_matter_schema is not None:
            settings["front-matter-schema"] = self.front_matter_schema
        return settings


class Config(Record):
    """A loaded configuration (with its `extends` chain and plugins), or the defaults."""

    __slots__ = ("path", "registry", "layers", "overrides", "ignore", "plugin_rules", "cache_dir")
    __hash__ = None  # type: ignore[assignment]

    def __init__(
        self,
        path: Path | None,
        registry: RuleRegistry,
        layers: list[Layer] | None = None,
        overrides: list[Override] | None = None,
        ignore: list[tuple[Path, str]] | None = None,
        plugin_rules: list[tuple[type[Rule], str]] | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        self.path = path
        self.registry = registry
        self.layers = [] if layers is None else layers
        self.overrides = [] if overrides is None else overrides
        self.ignore = [] if ignore is None else ignore
        self.plugin_rules = [] if plugin_rules is None else plugin_rules
        self.cache_dir = cache_dir  # `cache-dir`: where the results cache lives

    def is_ignored(self, path: Path) -> bool:
        return any(glob_matches(pattern, path, base) for base, pattern in self.ignore)

    def settings_for(self, path: Path | None) -> FileSettings:
        settings = FileSettings(config_path=self.path)
        layers = list(self.layers)
        if path is not None:
            layers += [override.layer for override in self.overrides if override.matches(path)]
        for layer in layers:
            if layer.profile is not None:
                settings.profile = None if layer.profile == AUTO_PROFILE else layer.profile
            if layer.preview is not None:
                settings.preview = layer.preview
            settings.named |= layer.named
            for rule_ids, setting in layer.rules:
                for rule_id in rule_ids:
                    previous = settings.rules.get(rule_id, RuleSetting())
                    settings.rules[rule_id] = RuleSetting(
                        setting.level if setting.level is not None else previous.level,
                        {**previous.options, **setting.options},
                    )
            if layer.sections is not None:
                settings.sections = layer.sections
                settings.extend_sections = []
            settings.extend_sections = settings.extend_sections + layer.extend_sections
            for title, aliases in layer.section_aliases.items():
                settings.section_aliases[title] = settings.section_aliases.get(title, []) + aliases
            if layer.front_matter_schema is not None:
                settings.front_matter_schema = layer.front_matter_schema
        return settings


def default_config(registry: RuleRegistry) -> Config:
    return Config(path=None, registry=registry)


# --- the per-file decision --------------------------------------------------------------------


def plan_file(
    config: Config, path: Path | None, document: Any, forced_profile: str | None = None, preview: bool = False
) -> Any:
    """The one per-file decision: which profile, which rules at which levels and options.

    The rules are those of the default group, plus the preview rules when `preview` (`--preview`)
    or the configuration's `preview: true` turns the group on, or when the configuration names
    one by id, name or alias.

    The profile is `forced_profile` (`--profile`) if given, else the configuration's for this path
    (overrides included), else the one detected from the document; the configuration's section
    settings customise it. Rule settings layer as `runner.settings_for_file` does: rule defaults,
    the profile's settings, then the configuration's. Returns a `speclint.engine.runner.FilePlan`.
    """
    from speclint.engine.profiles import detect_kind, load_profile
    from speclint.engine.runner import FilePlan

    settings = config.settings_for(path)
    # What `runner.settings_for_file` decides, in its order, but the profile first: a document that
    # is not a specification runs no rule, so no rule module is imported for it.
    profile_name = forced_profile or settings.profile
    if profile_name:
        forced_by = "--profile" if forced_profile else (
            f"profile: in {settings.config_path.name if settings.config_path else 'the configuration'}")
        chosen, signals = load_profile(profile_name), (f"forced by {forced_by}",)
    else:
        detection = detect_kind(document, document.file_path)
        chosen, signals = load_profile(detection.profile), detection.signals
    rules: list[ActiveRule] = []
    if chosen.lint:
        rules = _rules_for(config, chosen, preview or settings.preview, settings)
    profile = customize_profile(chosen, settings)
    return FilePlan(rules, profile.name, profile, settings.as_settings(), config.registry, signals)


# The rules (levels, options) that a registry, a profile and a file's settings give: the same for
# each file that has them (with `--isolated` or one configuration, every file of a profile), so
# worked out once. Layering some 90 rules' settings was half of planning a file. Keyed by the
# settings' content, as each file gets its own `Config` and `FileSettings`.
_planned_rules: dict[tuple[Any, ...], tuple[RuleRegistry, Any, list[ActiveRule]]] = {}
_PLANS_KEPT = 256


def _rules_for(config: Config, chosen: Any, preview: bool, settings: FileSettings) -> list[ActiveRule]:
    """`plan_file`'s rules: the registry's enabled rules with `chosen`'s then `settings`' rule settings."""
    from speclint.engine.runner import apply_rule_settings

    registry = config.registry
    # `repr` of the options: values read from YAML, TOML or JSON, equal exactly when their reprs are.
    by_rule = tuple((rule_id, setting.level, repr(setting.options)) for rule_id, setting in settings.rules.items())
    key = (id(registry), id(chosen), preview, frozenset(settings.named), by_rule)
    known = _planned_rules.get(key)
    if known is None or known[0] is not registry or known[1] is not chosen:
        candidates = registry.enabled(preview, settings.named)
        defaults = [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in candidates]
        if len(_planned_rules) >= _PLANS_KEPT:
            _planned_rules.clear()
        known = _planned_rules[key] = (registry, chosen, apply_rule_settings(defaults, [chosen.rules, settings.rules]))
    return list(known[2])


class ConfigPlanner(Record):
    """The runner's planner for a `speclint check` run: `plan_file` with the command line's
    `--profile`, `--select`, `--ignore` and `--preview`. A plain class so that it goes to worker processes."""

    __slots__ = ("forced_profile", "select", "ignore", "stdin_path", "preview")

    def __init__(
        self,
        forced_profile: str | None = None,
        select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        stdin_path: Path | None = None,
        preview: bool = False,
    ) -> None:
        self.forced_profile = forced_profile
        self.select = select
        self.ignore = ignore
        self.stdin_path = stdin_path  # where `--stdin-filename` says standard input's text lives
        self.preview = preview  # `--preview`: the preview group runs too

    def __call__(self, source: Any, document: Any) -> Any:
        config = source.config if source.config is not None else _default_config_for_worker()
        where = source.path if source.path is not None else self.stdin_path
        plan = plan_file(config, where, document, self.forced_profile, self.preview)
        if self.select or self.ignore:
            from speclint.engine.selection import apply_selection

            plan = plan.replace(rules=apply_selection(config.registry, plan.rules, self.select, self.ignore))
        return plan


def _default_config_for_worker() -> Config:
    from speclint.engine.registry import load_registry

    return default_config(load_registry())


def customize_profile(profile: Any, settings: FileSettings) -> Any:
    """`profile` with the configuration's `sections` (replace), `extend-sections` (add) and
    `section-aliases` (more names for a section, found by any of its names) applied."""
    if settings.sections is None and not settings.extend_sections and not settings.section_aliases:
        return profile
    from speclint.engine.profiles import ExpectedSection

    def build(entry: Any) -> ExpectedSection:
        if isinstance(entry, str):
            return ExpectedSection(name=entry)
        return ExpectedSection(
            name=entry["name"],
            aliases=tuple(entry.get("aliases", ())),
            required=bool(entry.get("required", True)),
            children=tuple(build(child) for child in entry.get("children", ())),
            pattern=entry.get("pattern"),
        )

    def add_aliases(section: ExpectedSection) -> ExpectedSection:
        extra = tuple(alias for title, aliases in settings.section_aliases.items() if section.matches(title)
                      for alias in aliases)
        return section.replace(aliases=section.aliases + extra, children=tuple(add_aliases(c) for c in section.children))

    sections = tuple(build(entry) for entry in settings.sections) if settings.sections is not None else profile.sections
    sections += tuple(build(entry) for entry in settings.extend_sections)
    if settings.section_aliases:
        sections = tuple(add_aliases(section) for section in sections)
    return profile.replace(sections=sections)


# --- trust -------------------------------------------------------------------------------------

NESTED_PLUGIN_REFUSAL = (
    "Python plugins load only from the configuration at the top of the repository or from --config, "
    "never from a nested configuration; it was not imported"
)
UNTRUSTED_PLUGIN_REFUSAL = (
    "the language server imports Python plugins only in a trusted workspace "
    "(start it with SPECLINT_TRUST_PLUGINS=1); it was not imported"
)


class Trust(Record):
    """What a configuration (and every file it `extends`) may make speclint do."""

    __slots__ = ("boundary", "python_refusal")

    def __init__(self, boundary: Path, python_refusal: str | None = None) -> None:
        self.boundary = boundary  # every path a configuration names must resolve inside this folder
        self.python_refusal = python_refusal  # why Python plugins may not load from it; None: they may


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a folder we may not search: nothing there for us
        return False


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def search_ceiling(folder: Path, start: Path) -> Path:
    """Where the configuration search from `folder` stops: the repository root; outside a
    repository, the starting folder when `folder` is below it, else `folder` itself."""
    root = repository_root(folder)
    if root is not None:
        return root
    if folder == start or start in folder.parents:
        return start
    return folder


def is_inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


# --- finding the configuration for a file -------------------------------------------------------


class ConfigResolver:
    """The configuration for each linted file: `--config`, `--isolated`, or the closest file.

    `start` is the folder the run started in (the working directory by default): outside a
    repository the search stops there. With `python_plugins=False` no Python plugin is ever
    imported (the language server in a workspace not trusted).
    """

    def __init__(
        self,
        registry: RuleRegistry,
        explicit: Path | None = None,
        isolated: bool = False,
        start: Path | None = None,
        python_plugins: bool = True,
    ) -> None:
        self.registry = registry
        self.explicit = explicit
        self.isolated = isolated
        self.start = (start or Path.cwd()).resolve()
        self.python_plugins = python_plugins
        self._by_folder: dict[tuple[Path, Path], Config] = {}
        self._loader = _Loader(registry)

    def for_file(self, path: Path, start: Path | None = None) -> Config:
        """The configuration that governs `path` (which need not exist: `--stdin-filename`)."""
        if self.isolated:
            return default_config(self.registry)
        if self.explicit is not None:
            explicit = self.explicit.resolve()
            trust = Trust(search_ceiling(explicit.parent, self.start), self._refusal(None))
            return self._loader.load(explicit, trust=trust)
        return self.for_folder(path.resolve().parent, start)

    def for_folder(self, folder: Path, start: Path | None = None) -> Config:
        ceiling = search_ceiling(folder, (start or self.start).resolve())
        if (folder, ceiling) in self._by_folder:
            return self._by_folder[(folder, ceiling)]
        found = find_config_file(folder, ceiling)
        if found is None:
            config = default_config(self.registry)
        else:
            trust = Trust(ceiling, self._refusal(NESTED_PLUGIN_REFUSAL if found.parent != ceiling else None))
            config = self._loader.load(found, trust=trust)
        self._by_folder[(folder, ceiling)] = config
        return config

    def _refusal(self, reason: str | None) -> str | None:
        return reason if self.python_plugins else (reason or UNTRUSTED_PLUGIN_REFUSAL)


def find_config_file(folder: Path, ceiling: Path | None = None) -> Path | None:
    """The closest configuration file at or above `folder`, stopping at `ceiling` (by default the
    repository root, or `folder` itself outside a repository)."""
    ceiling = ceiling if ceiling is not None else (repository_root(folder) or folder)
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILE_NAMES:
            if _is_file(candidate / name):
                return candidate / name
        pyproject = candidate / PYPROJECT
        if _is_file(pyproject) and declares_speclint(pyproject):
            return pyproject
        if candidate == ceiling or _exists(candidate / ".git"):
            return None
    return None


def declares_speclint(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    # `[tool.speclint]`, `[tool.speclint.rules]`, `[[tool.speclint.overrides]]`; not a script named speclint.
    return re.search(r"^[ \t]*\[\[?\s*tool\s*\.\s*speclint(?![\w-])", text, re.M) is not None


# --- loading -----------------------------------------------------------------------------------


class _Source(Record):
    """A configuration file's data with a way to find positions in it."""

    __slots__ = ("path", "shown", "data", "locator")
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, path: Path, shown: str, data: Any, locator: Locator) -> None:
        self.path = path
        self.shown = shown
        self.data = data
        self.locator = locator


class _Loader:
    def __init__(self, registry: RuleRegistry) -> None:
        self.base_registry = registry
        self._loaded: dict[tuple[Path, Trust], Config] = {}

    def load(self, path: Path, chain: tuple[Path, ...] = (), trust: Trust | None = None) -> Config:
        """The configuration in `path`; what it may name and run is bounded by `trust` (by default:
        paths inside its repository or folder, Python plugins allowed)."""
        shown_path = path
        path = path.resolve()
        if trust is None:
            trust = Trust(repository_root(path.parent) or path.parent)
        if (path, trust) in self._loaded:
            return self._loaded[(path, trust)]
        if not is_inside(path, trust.boundary.resolve()):  # a committed symlink to a file elsewhere
            import os

            try:
                shown = Path(os.path.abspath(shown_path)).relative_to(Path.cwd()).as_posix()
            except ValueError:
                shown = shown_path.as_posix()
            raise InvalidFile([Problem(shown, 1, 1,
                f"resolves to a file outside {_boundary_phrase(trust.boundary)}; a configuration is read only from inside it")])
        source = _read_source(path)
        shape_problems = schema_problems(source.data, read_schema("config.schema.json"), source.shown, source.locator)
        if shape_problems:
            raise InvalidFile(shape_problems)
        data = source.data
        config = Config(path=path, registry=self.base_registry)
        # `extends` first: the base's plugins, layers and overrides come before ours.
        extends = data.get("extends")
        entries = [extends] if isinstance(extends, str) else list(extends or [])
        for index, entry in enumerate(entries):
            key: PathKey = ("extends",) if isinstance(extends, str) else ("extends", index)
            self._extend(config, source, str(entry), key, (*chain, path), trust)
        for index, plugin in enumerate(data.get("plugins", [])):
            self._add_plugin(config, source, str(plugin), ("plugins", index), trust)
        problems: list[Problem] = []
        config.layers.append(self._layer(data, (), source, config.registry, problems, trust))
        for index, override in enumerate(data.get("overrides", [])):
            layer = self._layer(override, ("overrides", index), source, config.registry, problems, trust)
            config.overrides.append(Override([str(p) for p in override["files"]], path.parent, layer))
        config.ignore += [(path.parent, str(pattern)) for pattern in data.get("ignore", [])]
        _check_globs(data, source, problems)
        if data.get("cache-dir"):
            config.cache_dir = path.parent / str(data["cache-dir"])
        if problems:
            raise InvalidFile(problems)
        self._loaded[(path, trust)] = config
        return config

    def _extend(
        self, config: Config, source: _Source, entry: str, key: PathKey, chain: tuple[Path, ...], trust: Trust
    ) -> None:
        profiles = builtin_profiles()
        if entry in profiles:
            config.layers.append(Layer(profile=entry))
            return
        if not re.search(r"\.(ya?ml|toml)$", entry):
            line, column = source.locator.position(key)
            raise InvalidFile([Problem(source.shown, line, column,
                f"extends: '{entry}' is neither a built-in profile{suggest(entry, profiles)} "
                f"(profiles: {', '.join(profiles)}) nor a .yaml, .yml or .toml configuration file")])
        target = (source.path.parent / entry).resolve()
        line, column = source.locator.position(key)
        if target in chain:
            raise InvalidFile([Problem(source.shown, line, column, f"extends: '{entry}' extends this file again (a cycle)")])
        _check_inside(target, trust, source, line, column, f"extends: '{entry}'")
        if not _is_file(target):
            raise InvalidFile([Problem(source.shown, line, column, f"extends: '{entry}' does not exist (relative to {_shown(source.path.parent)})")])
        base = self.load(target, chain, trust)
        for rule, origin in base.plugin_rules:
            self._register(config, rule, origin, source, key)
        config.layers += base.layers
        config.overrides += base.overrides
        config.ignore += base.ignore

    def _add_plugin(self, config: Config, source: _Source, plugin: str, key: PathKey, trust: Trust) -> None:
        line, column = source.locator.position(key)
        is_python = not plugin.endswith((".yaml", ".yml"))
        if is_python and trust.python_refusal is not None:  # decided before the file is even looked at
            raise InvalidFile([Problem(source.shown, line, column, f"plugin '{plugin}': {trust.python_refusal}")])
        target = (source.path.parent / plugin).resolve()
        _check_inside(target, trust, source, line, column, f"plugin '{plugin}'")
        if not _is_file(target):
            raise InvalidFile([Problem(source.shown, line, column, f"plugin '{plugin}' does not exist (relative to {_shown(source.path.parent)})")])
        for rule in _load_plugin(target, plugin, source.shown, line, column):
            self._register(config, rule, f"plugin {plugin}", source, key)

    def _register(self, config: Config, rule: type[Rule], origin: str, source: _Source, key: PathKey) -> None:
        """Add a plugin rule to this configuration's own copy of the registry."""
        if any(known is rule for known, _ in config.plugin_rules):
            return
        if config.registry is self.base_registry:
            config.registry = self.base_registry.copy()
        errors_before = len(config.registry.load_errors)
        config.registry.add(rule, origin)
        if len(config.registry.load_errors) > errors_before:
            line, column = source.locator.position(key)
            raise InvalidFile([Problem(source.shown, line, column, config.registry.load_errors.pop())])
        config.plugin_rules.append((rule, origin))

    def _layer(
        self,
        data: Mapping[str, Any],
        where: PathKey,
        source: _Source,
        registry: RuleRegistry,
        problems: list[Problem],
        trust: Trust,
    ) -> Layer:
        layer = Layer()
        profile = data.get("profile")
        if profile is not None:
            names = builtin_profiles()
            if profile != AUTO_PROFILE and profile not in names:
                line, column = source.locator.position((*where, "profile"))
                problems.append(Problem(source.shown, line, column,
                    f"profile: unknown profile '{profile}'{suggest(str(profile), names)} "
                    f"(allowed: {', '.join(names)}, {AUTO_PROFILE})"))
            layer.profile = str(profile)
        if isinstance(data.get("preview"), bool):
            layer.preview = data["preview"]
        category_entries: list[tuple[tuple[str, ...], RuleSetting]] = []
        rule_entries: list[tuple[tuple[str, ...], RuleSetting]] = []
        for key, value in (data.get("rules") or {}).items():
            entry = _rule_entry(registry, str(key), value, (*where, "rules", key), source, problems)
            if entry is not None:
                (category_entries if entry[2] else rule_entries).append((entry[0], entry[1]))
                if not entry[2]:
                    layer.named.update(entry[0])
        layer.rules = category_entries + rule_entries
        if "sections" in data:
            layer.sections = plain(data["sections"])
        layer.extend_sections = plain(data.get("extend-sections", []))
        layer.section_aliases = {str(k): list(v) for k, v in (data.get("section-aliases") or {}).items()}
        if "front-matter" in data:
            layer.front_matter_schema = _front_matter_schema(
                data["front-matter"], (*where, "front-matter"), source, problems, trust)
        return layer


def _rule_entry(
    registry: RuleRegistry, key: str, value: Any, at: PathKey, source: _Source, problems: list[Problem]
) -> tuple[tuple[str, ...], RuleSetting, bool] | None:
    """One `rules:` entry checked against the registry (plugins included) and the rule's options."""
    rule = registry.get(key)
    categories = [category.value for category in Category]
    if rule is None and key.lower() not in categories:
        line, column = source.locator.position(at, key=True)
        known = [r.id for r in registry.sorted()] + [r.name for r in registry.sorted()] + categories
        problems.append(Problem(source.shown, line, column,
            f"rules: unknown rule '{key}'{suggest(key, known)}; name a rule by id, name or alias, "
            "or a category (`speclint rules` lists them)"))
        return None
    if isinstance(value, str):
        setting = RuleSetting(value)
    else:
        options = {str(k): plain(v) for k, v in value.items() if k != "level"}
        setting = RuleSetting(value.get("level"), options)
    if rule is None:  # a category: levels only, options belong to one rule
        if setting.options:
            name = next(iter(setting.options))
            line, column = source.locator.position((*at, name), key=True)
            problems.append(Problem(source.shown, line, column,
                f"rules.{key}: a category takes only `level`; set option '{name}' on one rule of it"))
            return None
        rule_ids = tuple(r.id for r in registry.entries() if r.category.value == key.lower())
        return rule_ids, setting, True
    for name, option_value in setting.options.items():
        try:
            rule.resolve_options({name: option_value})
        except OptionError as error:
            known = [option.name for option in rule.options]
            line, column = source.locator.position((*at, name), key=name not in known)
            hint = suggest(name, known) if name not in known else ""
            problems.append(Problem(source.shown, line, column, f"rules.{key}: {error}{hint}"))
    return (rule.id,), setting, False


def _front_matter_schema(
    value: Any, at: PathKey, source: _Source, problems: list[Problem], trust: Trust
) -> dict[str, Any] | None:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    line, column = source.locator.position(at)
    if isinstance(value, str):
        target = source.path.parent / value
        try:
            _check_inside(target.resolve(), trust, source, line, column, f"front-matter: schema file '{value}'")
            text = read_user_file(target, value)
            schema = plain(load_yaml(text, value))  # JSON is YAML
        except InvalidFile as error:
            problem = error.problems[0]
            problems.append(problem if problem.file == source.shown
                            else Problem(source.shown, line, column, f"front-matter: schema file {problem}"))
            return None
        if isinstance(schema, (str, int, float)) and not isinstance(schema, bool):
            # say what the file holds, never quote it: it may be any file on the machine
            problems.append(Problem(source.shown, line, column,
                f"front-matter: the schema must be a mapping, not {type(schema).__name__.replace('str', 'text')}"))
            return None
    else:
        schema = plain(value)
    if not isinstance(schema, dict):
        problems.append(Problem(source.shown, line, column, f"front-matter: the schema must be a mapping, not {describe_value(schema)}"))
        return None
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        where = dotted(error.absolute_path)
        problems.append(Problem(source.shown, line, column, f"front-matter: not a valid JSON Schema at {where}: {error.message}"))
        return None
    return schema


def _check_inside(target: Path, trust: Trust, source: _Source, line: int, column: int, what: str) -> None:
    """`InvalidFile` at the entry when `target` (resolved: symlinks followed, `..` applied) leaves
    the repository: a configuration in a pull request must not reach files elsewhere on the machine."""
    if not is_inside(target, trust.boundary.resolve()):
        raise InvalidFile([Problem(source.shown, line, column,
            f"{what} is outside {_boundary_phrase(trust.boundary)}; a configuration names only files inside it")])


def _boundary_phrase(boundary: Path) -> str:
    """`the repository`, `the repository at ../specs`, or `the starting folder` (outside a repository)."""
    where = "" if boundary.resolve() == Path.cwd().resolve() else f" at {_shown(boundary)}"
    if _exists(boundary / ".git"):
        return f"the repository{where}"
    return f"the starting folder{where} (there is no repository)"


def _check_globs(data: Mapping[str, Any], source: _Source, problems: list[Problem]) -> None:
    """Every glob of `ignore` and `overrides[].files` compiles (`[z-a]` is not a range)."""
    entries: list[tuple[PathKey, Any]] = [(("ignore", index), pattern) for index, pattern in enumerate(data.get("ignore") or [])]
    for index, override in enumerate(data.get("overrides") or []):
        entries += [(("overrides", index, "files", number), pattern) for number, pattern in enumerate(override.get("files") or [])]
    for key, pattern in entries:
        try:
            glob_to_regex(str(pattern))
        except re.error as error:
            line, column = source.locator.position(key)
            problems.append(Problem(source.shown, line, column, f"{dotted(key)}: '{pattern}' is not a valid glob ({error.msg})"))


def _read_source(path: Path) -> _Source:
    shown = _shown(path)
    text = read_user_file(path, shown)
    if path.name == PYPROJECT:
        document = load_toml(text, shown)
        data = document.get("tool", {}).get("speclint", {})
        return _Source(path, shown, data, TomlLocator(text, ("tool", "speclint")))
    data = load_yaml(text, shown)
    if data is None:
        from ruamel.yaml.comments import CommentedMap

        data = CommentedMap()
    if not isinstance(data, Mapping):
        raise InvalidFile([Problem(shown, 1, 1, f"the configuration must be a mapping of settings, not {describe_value(data)}")])
    return _Source(path, shown, data, YamlLocator(data))


# A plugin module imported once per version of its file (a long-lived language server lints often).
_python_plugins: dict[tuple[Path, int, int], list[type[Rule]]] = {}


def _load_plugin(target: Path, shown_name: str, config_shown: str, line: int, column: int) -> list[type[Rule]]:
    """The rules in a local plugin: a Python module's Rule subclasses (or RULES), or a YAML rule file."""
    if target.suffix in (".yaml", ".yml"):
        from speclint.configuration.yaml_rules import load_rule_file

        return load_rule_file(target)
    try:
        status = target.stat()
    except OSError as error:
        raise InvalidFile([Problem(config_shown, line, column,
            f"plugin '{shown_name}' cannot be read: {error.strerror or error}")]) from None
    version = (target, status.st_mtime_ns, status.st_size)
    if version not in _python_plugins:
        _python_plugins[version] = _import_plugin(target, shown_name, config_shown, line, column)
    return _python_plugins[version]


def _import_plugin(target: Path, shown_name: str, config_shown: str, line: int, column: int) -> list[type[Rule]]:
    import hashlib
    import importlib.util
    import sys

    module_name = "speclint_plugin_" + hashlib.sha1(str(target).encode()).hexdigest()[:12]
    spec = importlib.util.spec_from_file_location(module_name, target)
    if spec is None or spec.loader is None:
        raise InvalidFile([Problem(config_shown, line, column, f"plugin '{shown_name}' is not a Python module")])
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    # Linting must not write into the repository: no `__pycache__` beside the plugin.
    wrote_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    try:
        spec.loader.exec_module(module)
    except Exception as error:  # the plugin's own bug: say where, never a traceback
        del sys.modules[module_name]
        location = _error_location(error, target)
        raise InvalidFile([Problem(config_shown, line, column,
            f"plugin '{shown_name}' failed to load: {type(error).__name__}: {error}{location}")]) from None
    finally:
        sys.dont_write_bytecode = wrote_bytecode
    rules = getattr(module, "RULES", None)
    if rules is None:
        rules = [value for value in vars(module).values()
                 if isinstance(value, type) and issubclass(value, Rule) and value.__module__ == module_name]
    if not rules:
        raise InvalidFile([Problem(config_shown, line, column,
            f"plugin '{shown_name}' defines no rule (a speclint.engine.rule.Rule subclass, or a RULES list)")])
    return list(rules)


def _error_location(error: BaseException, target: Path) -> str:
    import traceback

    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if Path(frame.filename) == target]
    if isinstance(error, SyntaxError) and error.lineno:
        return f" (line {error.lineno})"
    return f" (line {frames[-1].lineno})" if frames else ""


def _shown(path: Path) -> str:
    """A path as users see it: relative to the working directory when below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# --- globs -------------------------------------------------------------------------------------

_glob_cache: dict[str, re.Pattern[str]] = {}


def glob_to_regex(pattern: str) -> re.Pattern[str]:
    """A gitignore-like glob: `*` and `?` stay within a folder, `**` spans folders, `[abc]` a set.

    A pattern without `/` matches a name at any depth (`*.draft.md`); a pattern that names a folder
    matches everything below it (`docs/archive` and `docs/archive/` both skip the whole folder).
    """
    if pattern in _glob_cache:
        return _glob_cache[pattern]
    text = pattern.strip()
    anchored = "/" in text.rstrip("/")
    text = text.strip("/") if anchored else text.rstrip("/")
    out = []
    index = 0
    while index < len(text):
        char = text[index]
        if text.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if text.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = text.find("]", index + 1)
            if end < 0:
                out.append(re.escape(char))
            else:
                body = text[index + 1 : end]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                index = end
        else:
            out.append(re.escape(char))
        index += 1
    prefix = "" if anchored else "(?:.*/)?"
    compiled = re.compile(f"^{prefix}{''.join(out)}(?:/.*)?$")
    _glob_cache[pattern] = compiled
    return compiled


def glob_matches(pattern: str, path: Path, base: Path) -> bool:
    """True when `path` (absolute or relative to the working directory) matches `pattern` from `base`."""
    try:
        relative = path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return False
    return glob_to_regex(pattern).match(relative) is not None

