"""Which rules run: the groups, then `--select` and `--ignore` narrowing by id, name, alias or category.

A rule of the default group runs unless configured off. A rule of the preview group (measured
precision below 90% on real documents) runs only when the configuration names it by id, name or
alias, or when `preview: true` or `--preview` turns on the whole group; naming its category is
not enough, so `rules: {wording: error}` never turns on a rule nobody asked for.

Selectors may be repeated or comma-separated (`--select PH001,wording --select tbd`). With
`--select`, only the rules it names run; `--ignore` then removes rules. Both narrow the rules the
configuration enabled. A selector that names no rule and no category is an error (exit 2), with a
suggestion and the list of what is allowed, because a typo would otherwise silently turn a check off.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from speclint.engine.check import ActiveRule
from speclint.engine.registry import RuleRegistry
from speclint.engine.rule import Category, Group, Rule


class SelectorError(ValueError):
    """An unknown rule or category; `str()` is the message for the user."""


def enabled_rules(rules: Iterable[type[Rule]], preview: bool = False, named: Iterable[str] = ()) -> list[type[Rule]]:
    """`rules` without the preview ones, unless `preview` is on or `named` holds their id."""
    named_ids = set(named)
    return [rule for rule in rules if preview or rule.id in named_ids or getattr(rule, "group", Group.DEFAULT) != Group.PREVIEW]


def split_selectors(values: Iterable[str]) -> list[str]:
    """`("PH001,wording", " tbd ")` -> `["PH001", "wording", "tbd"]`."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def selected_ids(registry: RuleRegistry, selectors: Sequence[str], option: str) -> set[str]:
    """The ids of the rules `selectors` name; `SelectorError` for one that names nothing."""
    ids: set[str] = set()
    categories = {category.value for category in Category}
    for selector in selectors:
        rules = registry.select(selector)
        if not rules and selector.strip().lower() not in categories:
            raise SelectorError(_unknown(registry, selector, option))
        ids.update(rule.id for rule in rules)
    return ids


def apply_selection(
    registry: RuleRegistry, rules: Sequence[ActiveRule], select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> list[ActiveRule]:
    """`rules` narrowed by `--select` (if given) and `--ignore`."""
    select_list, ignore_list = split_selectors(select), split_selectors(ignore)
    kept = list(rules)
    if select_list:
        wanted = selected_ids(registry, select_list, "--select")
        kept = [active for active in kept if active.rule.id in wanted]
    if ignore_list:
        unwanted = selected_ids(registry, ignore_list, "--ignore")
        kept = [active for active in kept if active.rule.id not in unwanted]
    return kept


def _unknown(registry: RuleRegistry, selector: str, option: str) -> str:
    import difflib

    categories = [category.value for category in Category]
    keys = [key for rule in registry.sorted() for key in (rule.id, rule.name, *rule.aliases)] + categories
    by_lower = {key.lower(): key for key in keys}
    close = difflib.get_close_matches(selector.strip().lower(), list(by_lower), n=3, cutoff=0.6)
    hint = f" Did you mean {' or '.join(repr(by_lower[match]) for match in close)}?" if close else ""
    return (
        f"{option}: '{selector}' is not a rule or a category.{hint} Use a rule id (like PH001), "
        f"name or alias (`speclint rules` lists them), or a category: {', '.join(categories)}."
    )
