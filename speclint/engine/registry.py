"""Finding rules: every rule, built-in or third-party, comes from the `speclint.rules` entry points.

An entry point names a `Rule` subclass (`PH001 = speclint.rules.placeholder.unresolved_marker:UnresolvedMarker`)
or a module whose `RULES` lists several. A plugin that fails to import or declares a broken rule
does not stop speclint: the registry keeps the error, the CLI prints it and exits 2 at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

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


def load_registry() -> RuleRegistry:
    """Load every rule registered under the entry-point group (once per process)."""
    global _registry
    if _registry is not None:
        return _registry
    from importlib.metadata import entry_points

    registry = RuleRegistry()
    for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name):
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
