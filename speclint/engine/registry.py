"""Finding rules: every rule, built-in or third-party, comes from the `speclint.rules` entry points.

An entry point names a `Rule` subclass (`PH001 = speclint.rules.placeholder.unresolved_marker:UnresolvedMarker`)
or a module whose `RULES` lists several. A plugin that fails to import or declares a broken rule
does not stop speclint: the registry keeps the error, the CLI prints it and exits 2 at the end.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any, Iterable, Sequence

from speclint.engine.rule import Category, Group, Rule, rule_definition_errors
from speclint.lazy_regex import lazy_compile
from speclint.record import Record

ENTRY_POINT_GROUP = "speclint.rules"


class DescribedRule(Record):
    """A built-in rule as `rules/manifest.json` describes it: what choosing the rules to run needs,
    without importing the rule's module (`RuleRegistry` imports it when the rule is wanted)."""

    __slots__ = ("entry_point", "id", "name", "aliases", "category", "group", "rule_module", "source_file")

    def __init__(
        self,
        entry_point: EntryPoint,
        id: str,
        name: str,
        aliases: tuple[str, ...],
        category: Category,
        group: Group,
        rule_module: str,
        source_file: str,
    ) -> None:
        self.entry_point = entry_point
        self.id = id
        self.name = name
        self.aliases = aliases
        self.category = category
        self.group = group
        self.rule_module = rule_module  # the module that defines it (the cache keys on the module's file)
        self.source_file = source_file  # that file's path


class RuleRegistry:
    """All known rules by id, with lookup by id, name, alias or category.

    Built-in rules whose module `rules/manifest.json` describes (and that has not changed since)
    are known by that description and imported only when wanted (`get`, `select`, `enabled`):
    a one-file run imports the modules of the rules that run, not all of them.
    """

    def __init__(self) -> None:
        self.load_errors: list[str] = []
        self._loaded: dict[str, type[Rule]] = {}
        self._described: dict[str, DescribedRule] = {}  # not imported yet
        self._by_key: dict[str, str] = {}  # id, name or alias (lower case) -> rule id

    @property
    def rules(self) -> dict[str, type[Rule]]:
        """Every rule by id (imports the described ones)."""
        for rule_id in list(self._described):
            self._load(rule_id)
        return self._loaded

    def add(self, rule: type[Rule], origin: str) -> None:
        problems = rule_definition_errors(rule)
        if problems:
            self.load_errors.append(f"rule {rule.__qualname__} from {origin}: " + "; ".join(problems))
            return
        if self._claim_keys(rule.id, (rule.id, rule.name, *rule.aliases), f"rule {rule.id} ({rule.name}) from {origin}", rule):
            self._loaded[rule.id] = rule

    def describe(self, described: DescribedRule, origin: str) -> None:
        """Know a built-in rule by its description; its module is imported when the rule is wanted."""
        keys = (described.id, described.name, *described.aliases)
        if self._claim_keys(described.id, keys, f"rule {described.id} ({described.name}) from {origin}", None):
            self._described[described.id] = described

    def _claim_keys(self, rule_id: str, keys: tuple[str, ...], who: str, rule: type[Rule] | None) -> bool:
        for key in keys:
            existing_id = self._by_key.get(key.lower())
            if existing_id is not None and not (rule is not None and self._loaded.get(existing_id) is rule):
                self.load_errors.append(f"{who}: '{key}' is already used by rule {existing_id}")
                return False
        for key in keys:
            self._by_key[key.lower()] = rule_id
        return True

    def _load(self, rule_id: str) -> type[Rule] | None:
        """The class of a known rule, importing a described rule's module on first use."""
        loaded = self._loaded.get(rule_id)
        if loaded is not None:
            return loaded
        described = self._described.pop(rule_id, None)
        if described is None:
            return None
        origin = f"entry point '{described.entry_point.name} = {described.entry_point.value}'"
        try:
            rule = described.entry_point.load()
        except Exception as error:  # a broken installation: reported like a plugin that fails to load
            self.load_errors.append(f"{origin} failed to load: {type(error).__name__}: {error}")
            return None
        problems = [] if isinstance(rule, type) and issubclass(rule, Rule) else ["it is not a speclint Rule subclass"]
        problems = problems or rule_definition_errors(rule)
        if problems:
            self.load_errors.append(f"rule {described.id} from {origin}: " + "; ".join(problems))
            return None
        self._loaded[rule_id] = rule
        return rule

    def copy(self) -> RuleRegistry:
        """A registry with the same rules, to extend (with a configuration's plugins) on its own."""
        copied = RuleRegistry()
        copied.load_errors = list(self.load_errors)
        copied._loaded = dict(self._loaded)
        copied._described = dict(self._described)
        copied._by_key = dict(self._by_key)
        return copied

    def get(self, key: str) -> type[Rule] | None:
        """The rule with this id, name or alias (case-insensitive), or None."""
        rule_id = self._by_key.get(key.strip().lower())
        return self._load(rule_id) if rule_id is not None else None

    def select(self, key: str) -> list[type[Rule]]:
        """The rules a selector names: one rule by id, name or alias, or all rules of a category."""
        rule = self.get(key)
        if rule is not None:
            return [rule]
        wanted = key.strip().lower()
        return self._classes(rule_id for rule_id, rule in self._entries() if rule.category.value == wanted)

    def enabled(self, preview: bool = False, named: Iterable[str] = ()) -> list[type[Rule]]:
        """`selection.enabled_rules` of every rule, importing only the modules of the rules it keeps."""
        named_ids = set(named)
        return self._classes(
            rule_id for rule_id, rule in self._entries()
            if preview or rule_id in named_ids or getattr(rule, "group", Group.DEFAULT) != Group.PREVIEW
        )

    def is_selector(self, key: str) -> bool:
        return bool(self.select(key)) or key.strip().lower() in {c.value for c in Category}

    def sorted(self) -> list[type[Rule]]:
        return [self.rules[rule_id] for rule_id in sorted(self.rules)]

    def entries(self) -> list[type[Rule] | DescribedRule]:
        """Every rule by id order, as its class or, when not imported yet, its description."""
        return [rule for _, rule in self._entries()]

    def _entries(self) -> list[tuple[str, type[Rule] | DescribedRule]]:
        every: dict[str, type[Rule] | DescribedRule] = {**self._described, **self._loaded}
        return sorted(every.items())

    def _classes(self, rule_ids: Iterable[str]) -> list[type[Rule]]:
        classes = [self._load(rule_id) for rule_id in rule_ids]
        return [rule for rule in classes if rule is not None]


def _rules_from(loaded: object) -> Iterable[type[Rule]]:
    if isinstance(loaded, type) and issubclass(loaded, Rule):
        return [loaded]
    rules = getattr(loaded, "RULES", None)
    if rules is not None:
        return list(rules)
    raise TypeError("it is neither a speclint Rule subclass nor a module with a RULES list")


_registry: RuleRegistry | None = None


class EntryPoint(Record):
    """`name = module:attribute` from an installed distribution's entry_points.txt."""

    __slots__ = ("name", "value")

    def __init__(self, name: str, value: str) -> None:
        self.name = name
        self.value = value

    def load(self) -> object:
        import importlib

        module_name, _, attribute = self.value.partition(":")
        loaded: object = importlib.import_module(module_name.strip())
        for part in filter(None, attribute.strip().split(".")):
            loaded = getattr(loaded, part)
        return loaded


def rule_entry_points(path: Sequence[str] | None = None) -> list[EntryPoint]:
    """The `speclint.rules` entry points of the distributions on `path` (default `sys.path`).

    What `importlib.metadata.entry_points(group=...)` returns, read straight from each
    distribution's entry_points.txt: importing importlib.metadata (and the email parser it loads)
    costs a pre-commit run more than reading the few files does. Where distributions may hide in
    zip files, importlib.metadata answers.
    """
    import sys

    folders = []
    for entry in sys.path if path is None else path:
        folder = entry or "."
        if os.path.isdir(folder):
            folders.append(folder)
        elif os.path.exists(folder):  # a zip file or an egg
            return _entry_points_from_importlib(path)
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for folder in folders:
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            distribution = _SEPARATORS.sub("_", name.rsplit(".", 1)[0].split("-")[0]).lower()
            if distribution in seen:
                continue  # the first of the same name on the path wins, as in importlib.metadata
            seen.add(distribution)
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), encoding="utf-8") as stream:
                    text = stream.read()
            except OSError:
                continue
            found += _group_entries(text, ENTRY_POINT_GROUP)
    return found


#: Runs of `-`, `_` and `.` in a distribution's name (normalised to one `_`, as importlib.metadata does).
_SEPARATORS = lazy_compile(r"[-_.]+")


def _group_entries(text: str, group: str) -> list[EntryPoint]:
    entries, current = [], None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
        elif current == group and "=" in line:
            name, _, value = line.partition("=")
            entries.append(EntryPoint(name.strip(), value.strip()))
    return entries


def _entry_points_from_importlib(path: Sequence[str] | None = None) -> list[EntryPoint]:
    from importlib.metadata import distributions

    found, seen = [], set()
    for distribution in distributions(**({"path": list(path)} if path is not None else {})):
        name = _SEPARATORS.sub("_", distribution.metadata["Name"] or "").lower()
        if name in seen:
            continue
        seen.add(name)
        found += [EntryPoint(entry.name, entry.value) for entry in distribution.entry_points if entry.group == ENTRY_POINT_GROUP]
    return found


MANIFEST_FILE = "manifest.json"  # in the speclint.rules package (rules/): `python -m speclint.engine.registry`


def load_registry() -> RuleRegistry:
    """Load every rule registered under the entry-point group (once per process).

    Built-in rules described by an up-to-date manifest are only described (`RuleRegistry.describe`).
    """
    global _registry
    if _registry is not None:
        return _registry
    _registry = _load_registry(_built_in_descriptions())
    return _registry


def _load_registry(descriptions: dict[str, DescribedRule]) -> RuleRegistry:
    registry = RuleRegistry()
    for entry_point in sorted(rule_entry_points(), key=lambda ep: ep.name):
        origin = f"entry point '{entry_point.name} = {entry_point.value}'"
        described = descriptions.get(entry_point.value)
        if described is not None and described.entry_point == entry_point:
            registry.describe(described, origin)
            continue
        try:
            rules = _rules_from(entry_point.load())
        except Exception as error:  # a plugin may raise anything on import; report, don't crash
            registry.load_errors.append(f"{origin} failed to load: {type(error).__name__}: {error}")
            continue
        for rule in rules:
            if not (isinstance(rule, type) and issubclass(rule, Rule)):
                registry.load_errors.append(f"{origin}: {rule!r} is not a speclint Rule subclass")
                continue
            if registry._loaded.get(getattr(rule, "id", "")) is rule:
                continue  # the same class registered twice (module and class entry points)
            registry.add(rule, origin)
    return registry


# --- the manifest of the built-in rules ---------------------------------------------------------------

_DESCRIBED_ATTRIBUTES = ("id", "name", "aliases", "category", "group")


#: The module of `Rule`, whose defaults (`group`, `aliases`) a described rule may inherit.
_BASE_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "rule.py")


def _declared_by(rule: type[Rule], attribute: str) -> type | None:
    return next((cls for cls in rule.__mro__ if attribute in vars(cls)), None)


def _rules_folder() -> str | None:
    try:
        import speclint.rules as package
    except ImportError:  # pragma: no cover - an install without the built-in rules
        return None
    folders = list(package.__path__)
    return folders[0] if len(folders) == 1 else None


def file_digest(path: str) -> str:
    """The SHA-256 of the file at `path` (hex), remembered while its size and times stay the same
    (for this run, and between runs in `speclint.startup_store`, as Python trusts a `.pyc`): the
    registry checks each built-in rule's file against the manifest, and the results cache keys on
    the same files, so they are hashed once, not at each run. Raises OSError."""
    from speclint.startup_store import store

    return store().file_digest(path)


_file_digest = file_digest


@lru_cache(maxsize=1)
def _manifest() -> dict[str, Any]:
    """`rules/manifest.json` as loaded (empty when it cannot be read)."""
    from speclint.startup_store import store

    folder = _rules_folder()
    try:  # parsed once, not at each run (json is not even imported)
        manifest = store().from_file(os.path.join(folder or "", MANIFEST_FILE), "json", _read_json)
        return manifest if isinstance(manifest, dict) else {}
    except (OSError, ValueError):
        return {}


def _read_json(path: str) -> Any:
    import json

    with open(path, encoding="utf-8") as stream:
        return json.load(stream)


def built_in_profile_data(name: str, path: str) -> Any:
    """The data of the built-in profile `name` as loaded from its YAML file `path`, from the
    manifest when the file is still the one recorded there (None otherwise): a run does not pay for
    importing ruamel.yaml and parsing the profile."""
    try:
        recorded = _manifest()["profiles"][name]
        return recorded["data"] if recorded["sha256"] == _file_digest(path) else None
    except (OSError, KeyError, TypeError):
        return None


def _built_in_descriptions() -> dict[str, DescribedRule]:
    """Entry-point value -> description, for each rule of the manifest whose module file is still
    the one described (its SHA-256): a rule edited since is imported, never described wrongly."""
    folder = _rules_folder()
    if folder is None:
        return {}
    try:
        manifest = _manifest()
        entries = manifest["rules"]
        if manifest["base"] != _file_digest(_BASE_FILE):
            return {}
    except (OSError, KeyError, TypeError):
        return {}
    found = {}
    for entry in entries:
        try:
            path = os.path.join(folder, *entry["file"].split("/"))
            if _file_digest(path) != entry["sha256"]:
                continue
            found[entry["value"]] = DescribedRule(
                EntryPoint(entry["entry_point"], entry["value"]), entry["id"], entry["name"], tuple(entry["aliases"]),
                Category(entry["category"]), Group(entry["group"]), entry["value"].partition(":")[0], path,
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue
    return found


def rule_manifest() -> dict[str, object]:
    """What `rules/manifest.json` holds: each built-in rule (a class entry point of speclint.rules)
    whose id, name, aliases, category and group its own class declares, with its module's SHA-256."""
    folder = _rules_folder()
    registry = _load_registry({})
    entries = []
    for entry_point in sorted(rule_entry_points(), key=lambda ep: ep.name):
        module, _, attribute = entry_point.value.partition(":")
        if folder is None or not module.startswith("speclint.rules.") or "." in attribute or not attribute:
            continue
        rule = registry.get(entry_point.name)
        if rule is None or f"{rule.__module__}:{rule.__qualname__}" != entry_point.value:
            continue
        if any(_declared_by(rule, name) not in (rule, Rule) for name in _DESCRIBED_ATTRIBUTES):
            continue  # inherited from another module: a change there would not show in this file's digest
        relative = module.removeprefix("speclint.rules.").replace(".", "/") + ".py"
        entries.append({
            "entry_point": entry_point.name,
            "value": entry_point.value,
            "id": rule.id,
            "name": rule.name,
            "aliases": list(rule.aliases),
            "category": rule.category.value,
            "group": rule.group.value,
            "file": relative,
            "sha256": _file_digest(os.path.join(folder, *relative.split("/"))),
        })
    return {
        "about": "Written by `python -m speclint.engine.registry > rules/manifest.json`: what choosing "
        "the rules to run needs, so that a run imports only the modules of the rules that run, and "
        "the built-in profiles as loaded from their YAML files. An entry is used only while its "
        "file's SHA-256 (and for rules, that of speclint/engine/rule.py: base) is the one recorded.",
        "base": _file_digest(_BASE_FILE),
        "rules": entries,
        "profiles": _profiles_data(),
    }


def _profiles_data() -> dict[str, Any]:
    from ruamel.yaml import YAML

    from speclint.document import yaml_guard
    from speclint.engine.profiles import _profiles_dir, builtin_profile_names

    found = {}
    for name in builtin_profile_names():
        path = _profiles_dir() / f"{name}.yaml"
        data = yaml_guard.load(YAML(typ="safe", pure=True), path.read_text(encoding="utf-8"))
        found[name] = {"sha256": _file_digest(str(path)), "data": data}
    return found


if __name__ == "__main__":
    import json
    import sys

    sys.stdout.write(json.dumps(rule_manifest(), indent=1) + "\n")
