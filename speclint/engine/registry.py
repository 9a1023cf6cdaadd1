"""Finding rules: every rule, built-in or third-party, comes from the `speclint.rules` entry points.

An entry point names a `Rule` subclass (`PH001 = speclint.rules.placeholder.unresolved_marker:UnresolvedMarker`)
or a module whose `RULES` lists several. A plugin that fails to import or declares a broken rule
does not stop speclint: the registry keeps the error, the CLI prints it and exits 2 at the end.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from speclint.engine.rule import Category, Rule, rule_definition_errors

ENTRY_POINT_GROUP = "speclint.rules"


@dataclass
class RuleRegistry:
    """All known rules by id, with lookup by id, name, alias or category."""

    rules: dict[str, type[Rule]] = field(default_factory=dict)
    load_errors: list[str] = field(default_factory=list)
    _by_key: dict[str, type[Rule]] = field(default_factory=dict)

    def add(self, rule: type[Rule], origin: str) -> None:
        problems = rule_definition_errors(rule)
        if problems:
            self.load_errors.append(f"rule {rule.__qualname__} from {origin}: " + "; ".join(problems))
            return
        for key in (rule.id, rule.name, *rule.aliases):
            existing = self._by_key.get(key.lower())
            if existing is not None and existing is not rule:
                self.load_errors.append(
                    f"rule {rule.id} ({rule.name}) from {origin}: '{key}' is already used by rule {existing.id}"
                )
                return
        self.rules[rule.id] = rule
        for key in (rule.id, rule.name, *rule.aliases):
            self._by_key[key.lower()] = rule

    def copy(self) -> RuleRegistry:
        """A registry with the same rules, to extend (with a configuration's plugins) on its own."""
        return RuleRegistry(dict(self.rules), list(self.load_errors), dict(self._by_key))

    def get(self, key: str) -> type[Rule] | None:
        """The rule with this id, name or alias (case-insensitive), or None."""
        return self._by_key.get(key.strip().lower())

    def select(self, key: str) -> list[type[Rule]]:
        """The rules a selector names: one rule by id, name or alias, or all rules of a category."""
        rule = self.get(key)
        if rule is not None:
            return [rule]
        wanted = key.strip().lower()
        return [rule for rule in self.sorted() if rule.category.value == wanted]

    def is_selector(self, key: str) -> bool:
        return bool(self.select(key)) or key.strip().lower() in {c.value for c in Category}

    def sorted(self) -> list[type[Rule]]:
        return [self.rules[rule_id] for rule_id in sorted(self.rules)]


def _rules_from(loaded: object) -> Iterable[type[Rule]]:
    if isinstance(loaded, type) and issubclass(loaded, Rule):
        return [loaded]
    rules = getattr(loaded, "RULES", None)
    if rules is not None:
        return list(rules)
    raise TypeError("it is neither a speclint Rule subclass nor a module with a RULES list")


_registry: RuleRegistry | None = None


@dataclass(frozen=True)
class EntryPoint:
    """`name = module:attribute` from an installed distribution's entry_points.txt."""

    name: str
    value: str

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
            distribution = re.sub(r"[-_.]+", "_", name.rsplit(".", 1)[0].split("-")[0]).lower()
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
        name = re.sub(r"[-_.]+", "_", distribution.metadata["Name"] or "").lower()
        if name in seen:
            continue
        seen.add(name)
        found += [EntryPoint(entry.name, entry.value) for entry in distribution.entry_points if entry.group == ENTRY_POINT_GROUP]
    return found


def load_registry() -> RuleRegistry:
    """Load every rule registered under the entry-point group (once per process)."""
    global _registry
    if _registry is not None:
        return _registry
    registry = RuleRegistry()
    for entry_point in sorted(rule_entry_points(), key=lambda ep: ep.name):
        origin = f"entry point '{entry_point.name} = {entry_point.value}'"
        try:
            rules = _rules_from(entry_point.load())
        except Exception as error:  # a plugin may raise anything on import; report, don't crash
            registry.load_errors.append(f"{origin} failed to load: {type(error).__name__}: {error}")
            continue
        for rule in rules:
            if not (isinstance(rule, type) and issubclass(rule, Rule)):
                registry.load_errors.append(f"{origin}: {rule!r} is not a speclint Rule subclass")
                continue
            if registry.rules.get(getattr(rule, "id", "")) is rule:
                continue  # the same class registered twice (module and class entry points)
            registry.add(rule, origin)
    _registry = registry
    return registry
