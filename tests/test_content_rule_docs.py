"""Every content rule documents itself: what it flags, why, a bad and a good example, its options."""

import pytest

from speclint.engine.registry import load_registry
from speclint.engine.rule import Category, rule_definition_errors

CONTENT_RULES = {
    "WD001": ("vague-term", Category.WORDING),
    "WD002": ("escape-clause", Category.WORDING),
    "WD003": ("open-ended-list", Category.WORDING),
    "WD004": ("unbounded-absolute", Category.WORDING),
    "WD005": ("weak-modal", Category.WORDING),
    "MS001": ("unmeasurable-success-criterion", Category.MEASURABILITY),
    "MS002": ("unmeasurable-nfr", Category.MEASURABILITY),
    "TR001": ("duplicate-requirement-id", Category.TRACEABILITY),
    "TR002": ("undefined-requirement-reference", Category.TRACEABILITY),
    "TR003": ("broken-internal-link", Category.TRACEABILITY),
    "MD002": ("front-matter-schema", Category.METADATA),
}


@pytest.mark.parametrize("rule_id", sorted(CONTENT_RULES))
def test_rule_is_registered_with_its_name_and_category(rule_id: str) -> None:
    rule = load_registry().get(rule_id)
    assert rule is not None
    assert (rule.name, rule.category) == CONTENT_RULES[rule_id]
    assert rule_definition_errors(rule) == []


@pytest.mark.parametrize("rule_id", sorted(CONTENT_RULES))
def test_rule_documentation_has_every_part(rule_id: str) -> None:
    rule = load_registry().get(rule_id)
    assert rule is not None
    documentation = rule.documentation()
    for part in ("**What it flags.**", "**Why it matters.**", "**Example**", "**Use instead**"):
        assert part in documentation, f"{rule_id} documentation lacks {part}"
    assert documentation.count("```markdown") >= 2
    for option in rule.options:  # docs/rules.md renders the options table from these
        assert len(option.help) > 20, f"{rule_id} option {option.name} has no real help text"


def test_every_default_wording_term_cites_a_source() -> None:
    from speclint.reading import wording

    for table in (wording.VAGUE_TERMS, wording.ESCAPE_CLAUSES, wording.OPEN_ENDED_CLAUSES, wording.ABSOLUTES,
                  wording.WEAK_MODALS):
        for term, source in table:
            assert any(name in source for name in ("ARM", "INCOSE", "ISO 29148", "Wiegers", "speclint")), term
