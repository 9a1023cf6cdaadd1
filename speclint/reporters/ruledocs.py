"""Rule documentation, rendered from the rules themselves: the `speclint rules` table (text, JSON,
Markdown), `speclint explain RULE`, the SARIF help texts and the generated `docs/rules.md`.

A rule's docstring is its documentation; its options come from its `Option` declarations. Nothing
here is written by hand, so the documentation cannot drift from the code. Regenerate the reference
of the built-in rules after adding or changing one with

    python -m speclint.reporters.ruledocs > docs/rules.md

(`speclint rules --format markdown` renders the same page for every installed rule, plugins too.)
"""

from __future__ import annotations

import json
import re
import sys
from functools import lru_cache
from typing import Any, Iterable, Mapping, Sequence

from speclint import HOMEPAGE
from speclint.engine.rule import Option, Rule

REGENERATE_COMMAND = "python -m speclint.reporters.ruledocs > docs/rules.md"
BUILT_IN_PREFIX = "speclint.rules."

_KIND_WORDS = {
    "bool": "boolean",
    "int": "integer",
    "float": "number",
    "str": "string",
    "list[str]": "list of strings",
}


def is_built_in(rule: type[Rule]) -> bool:
    """True for rules shipped with speclint (the reference documents those, not plugins)."""
    return rule.__module__.startswith(BUILT_IN_PREFIX)


def heading(rule: type[Rule]) -> str:
    return f"{rule.id} {rule.name}"


def anchor(rule: type[Rule]) -> str:
    """The GitHub anchor of the rule's heading in docs/rules.md."""
    from speclint.document.text import github_slug

    return github_slug(heading(rule))


def documentation_url(rule: type[Rule]) -> str | None:
    """Where a rule's documentation is published: a built-in rule's section of docs/rules.md, else the
    rule's own `documentation_url` (a YAML rule's `documentation:`, a plugin's); None when it has none."""
    if is_built_in(rule):
        return f"{HOMEPAGE}/blob/main/docs/rules.md#{anchor(rule)}"
    url = getattr(rule, "documentation_url", None)
    return url if isinstance(url, str) and url.strip() else None


def option_default(option: Option) -> str:
    """The default as a user would write it in YAML/JSON."""
    return json.dumps(option.default, ensure_ascii=False)


def option_type(option: Option) -> str:
    words = _KIND_WORDS.get(option.kind, option.kind)
    if option.choices is not None:
        words += " (one of " + ", ".join(json.dumps(choice) for choice in option.choices) + ")"
    if option.minimum is not None:
        words += f" (at least {option.minimum:g})"
    return words


def plain_text(markdown: str) -> str:
    """Markdown emphasis removed (for plain-text help); code fences and lists kept."""
    return re.sub(r"\*\*(.+?)\*\*", r"\1", markdown)


def description(rule: type[Rule], limit: int = 1024) -> str:
    """The summary and the "what it flags" paragraph, as plain text of at most `limit` characters."""
    paragraphs = [" ".join(p.split()) for p in rule.documentation().split("\n\n") if p.strip()]
    text = paragraphs[0] if paragraphs else ""
    if len(paragraphs) > 1 and not paragraphs[1].startswith("```"):
        text += "\n\n" + plain_text(paragraphs[1])
    return shorten(text, limit)


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, ending with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip() + "…"


# --- one rule ---------------------------------------------------------------------------------


def options_markdown(rule: type[Rule]) -> str:
    if not rule.options:
        return "This rule has no options."
    rows = ["| Option | Type | Default | Description |", "|---|---|---|---|"]
    for option in rule.options:
        cells = [f"`{option.name}`", option_type(option), f"`{option_default(option)}`", option.help]
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(rows)


@lru_cache(maxsize=1)
def _precision_table() -> Mapping[str, Mapping[str, Any]]:
    """`rules/precision.json`: per rule id, how many findings on real documents a strict reviewer
    judged and the share judged right (written from `bench/precision.py`'s verdicts)."""
    from importlib.resources import files

    try:
        data = json.loads(files("speclint.rules").joinpath("precision.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {key: value for key, value in data.items() if isinstance(value, dict)}


def measured_precision(rule: type[Rule]) -> Mapping[str, Any] | None:
    """The rule's measured precision (`judged`, `precision`, `measured_on`), None if never measured."""
    return _precision_table().get(rule.id) if is_built_in(rule) else None


def group_of(rule: type[Rule]) -> str:
    return str(getattr(getattr(rule, "group", None), "value", "default"))


def precision_text(rule: type[Rule]) -> str:
    """`93% of 25`, `- (no corpus findings)` when no current finding was judged, or `not measured`."""
    measured = measured_precision(rule)
    if not measured:
        return "not measured"
    if not isinstance(measured.get("precision"), (int, float)):
        return f"- ({measured['note']})" if isinstance(measured.get("note"), str) else "not measured"
    return f"{measured['precision']:.0%} of {measured.get('judged', '?')}"


def facts(rule: type[Rule]) -> str:
    parts = [
        f"Category: `{rule.category.value}`",
        f"default level: `{rule.default_level.value}`",
        f"group: `{group_of(rule)}`",
        f"measured precision: {precision_text(rule)}",
    ]
    if rule.aliases:
        parts.append("aliases: " + ", ".join(f"`{alias}`" for alias in rule.aliases))
    if rule.subsumes:
        parts.append("reported instead of: " + ", ".join(f"`{rule_id}`" for rule_id in subsumed_ids(rule))
                     + " (one defect, one finding)")
    return " · ".join(parts)


def subsumed_ids(rule: type[Rule]) -> list[str]:
    """The rules whose findings a finding of `rule` makes redundant where they meet (`Rule.subsumes`)."""
    return [rule_id for relation in rule.subsumes for rule_id in relation.rule_ids]


def subsumes_sentence(rule: type[Rule]) -> str:
    """One line for `speclint explain`: whose findings this rule's finding replaces, and where."""
    where = {"span": "where their findings overlap its own", "section": "in the section it reports"}
    said = "; ".join(", ".join(relation.rule_ids) + " " + where[relation.within.value] for relation in rule.subsumes)
    return f"Reported instead of {said} (one defect, one finding)."


def rule_markdown(rule: type[Rule], heading_level: int = 2) -> str:
    """The rule's whole documentation as Markdown: facts, docstring, options."""
    hashes = "#" * heading_level
    return (
        f"{hashes} {heading(rule)}\n\n{facts(rule)}\n\n{rule.documentation()}\n\n"
        f"**Options**\n\n{options_markdown(rule)}\n"
    )


def rule_help_markdown(rule: type[Rule]) -> str:
    """Markdown for SARIF `help.markdown`: the documentation and options, no title."""
    return f"{facts(rule)}\n\n{rule.documentation()}\n\n**Options**\n\n{options_markdown(rule)}\n"


def rule_help_text(rule: type[Rule]) -> str:
    """Plain text for SARIF `help.text` and `speclint explain`."""
    return plain_text(explain_text(rule, title=False))


def explain_text(rule: type[Rule], title: bool = True) -> str:
    """What `speclint explain RULE` prints."""
    lines = []
    if title:
        lines += [heading(rule), ""]
    lines.append(f"Category: {rule.category.value}. Default level: {rule.default_level.value}.")
    if rule.aliases:
        lines.append("Aliases: " + ", ".join(rule.aliases) + ".")
    lines.append(f"Group: {group_of(rule)}. Measured precision: {precision_text(rule)}.")
    if rule.subsumes:
        lines.append(subsumes_sentence(rule))
    if group_of(rule) == "preview":
        lines.append(
            f"A preview rule is off unless the configuration names it (`rules: {{{rule.id}: warning}}`) "
            "or turns the group on (`preview: true`, `--preview`)."
        )
    lines += ["", rule.documentation(), ""]
    if rule.options:
        lines.append("Options:")
        for option in rule.options:
            lines.append(f"  {option.name}: {option_type(option)}, default {option_default(option)}")
            lines.append(f"      {option.help}")
    else:
        lines.append("Options: none.")
    url = documentation_url(rule)
    if url:
        lines += ["", f"Documentation: {url}"]
    return "\n".join(lines) + "\n"


# --- all rules --------------------------------------------------------------------------------


def rule_object(rule: type[Rule]) -> dict[str, Any]:
    """A rule for `speclint rules --format json`."""
    return {
        "id": rule.id,
        "name": rule.name,
        "aliases": list(rule.aliases),
        "category": rule.category.value,
        "default_level": rule.default_level.value,
        "group": group_of(rule),
        "precision": dict(measured_precision(rule) or {}) or None,
        "summary": rule.summary(),
        "options": [
            {
                "name": option.name,
                "type": option.kind,
                "default": option.default,
                "description": option.help,
                **({"choices": list(option.choices)} if option.choices is not None else {}),
                **({"minimum": option.minimum} if option.minimum is not None else {}),
            }
            for option in rule.options
        ],
        "documentation_url": documentation_url(rule),
    }


def rules_json(rules: Iterable[type[Rule]]) -> str:
    return json.dumps([rule_object(rule) for rule in rules], indent=2, ensure_ascii=False) + "\n"


def rules_table(rules: Sequence[type[Rule]], width: int | None = None) -> str:
    """An aligned table: id, name, category, default level, group, measured precision, summary
    (cut to `width` if given)."""
    header = ("ID", "NAME", "CATEGORY", "LEVEL", "GROUP", "PRECISION", "SUMMARY")
    rows = [
        (r.id, r.name, r.category.value, r.default_level.value, group_of(r), _short_precision(r), r.summary())
        for r in rules
    ]
    columns = len(header) - 1
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(columns)]
    lines = []
    for row in [header, *rows]:
        prefix = "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:columns])) + "  "
        summary = row[columns]
        if width is not None and len(prefix) + len(summary) > width:
            summary = shorten(summary, max(width - len(prefix), 20))
        lines.append(prefix + summary)
    return "\n".join(lines) + "\n"


def _short_precision(rule: type[Rule]) -> str:
    measured = measured_precision(rule)
    if not measured or not isinstance(measured.get("precision"), (int, float)):
        return "-"
    return f"{measured['precision']:.0%}"


def rules_markdown(rules: Sequence[type[Rule]]) -> str:
    """The whole reference: what docs/rules.md holds."""
    parts = [
        "# Rules\n",
        f"<!-- Generated from the rules' own documentation. Do not edit: run `{REGENERATE_COMMAND}`. -->\n",
        "Every rule speclint ships, by id. Select or ignore rules for one run with `--select` and "
        "`--ignore` (rule ids, names, aliases or categories); `speclint explain RULE` prints one rule's "
        "documentation. Lines and columns in findings are 1-based.\n",
        "A rule of the `default` group runs unless configured off. A rule of the `preview` group "
        "(measured precision below 90%: fewer than 9 in 10 of its findings on real documents were "
        "judged right by a strict reviewer) runs only when the configuration names it by id, name or "
        "alias, or with `preview: true` / `--preview`. Precision is the share of a random sample of "
        "the rule's findings on real documents judged right (`bench/precision.py`).\n",
        "| ID | Name | Category | Default level | Group | Precision | Summary |",
        "|---|---|---|---|---|---|---|",
    ]
    for rule in rules:
        summary = rule.summary().replace("|", "\\|")
        parts.append(
            f"| [{rule.id}](#{anchor(rule)}) | `{rule.name}` | {rule.category.value} | "
            f"{rule.default_level.value} | {group_of(rule)} | {_short_precision(rule)} | {summary} |"
        )
    parts.append("")
    for rule in rules:
        parts.append(rule_markdown(rule))
    return "\n".join(parts)


def built_in_rules() -> list[type[Rule]]:
    from speclint.engine.registry import load_registry

    return [rule for rule in load_registry().sorted() if is_built_in(rule)]


def main() -> None:
    """`python -m speclint.reporters.ruledocs > docs/rules.md`."""
    sys.stdout.write(rules_markdown(built_in_rules()))


if __name__ == "__main__":
    main()
