"""speclint.reading.concerns: the helpers the [risk] rules share, and the rules' common contract."""

import corpus_sample
import pytest
from conftest import parse_md, requires_corpus
from hypothesis import given, settings
from hypothesis import strategies as st
from risk_support import NamedProfile

from speclint.document.parser import parse
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.registry import load_registry
from speclint.engine.rule import Category, Level, RuleContext
from speclint.reading.concerns import (
    evidence,
    front_matter_value,
    phrase_pattern,
    profile_applies,
    section_entries,
    sections_named,
)

RISK_RULES = [rule for rule in load_registry().sorted() if rule.id.startswith("RK")]


def test_phrases_match_whole_words_case_and_hyphen_insensitively() -> None:
    pattern = phrase_pattern(["kill switch", "mitigat*"])
    assert pattern is not None
    assert pattern.search("a Kill-Switch in the admin UI")
    assert pattern.search("Mitigated by caching")
    assert not pattern.search("unmitigated")


def test_regex_phrases_and_broken_regex_phrases() -> None:
    assert phrase_pattern([r"re:p\d{2}"]).search("p95 latency")  # type: ignore[union-attr]
    broken = phrase_pattern(["re:(unclosed"])  # a user's typo must not crash the rule
    assert broken is not None and broken.search("an (unclosed bracket")


def test_empty_phrase_list_matches_nothing() -> None:
    assert phrase_pattern([]) is None


def test_sections_named_matches_combined_titles() -> None:
    document = parse_md("## 4. Risks & Mitigations\n- a\n## Dependencies and assumptions\n- b\n## Riskiness\n")
    assert [s.title for s in sections_named(document, ["Risks"])] == ["4. Risks & Mitigations"]
    assert [s.title for s in sections_named(document, ["Dependencies"])] == ["Dependencies and assumptions"]


def test_entries_are_rows_items_and_subsections() -> None:
    document = parse_md("""
    ## Risks
    - one
      - nested detail
    - two

    | Risk | Owner |
    |------|-------|
    | three | @a |

    ### Four
    Text.
    """)
    section = sections_named(document, ["Risks"])[0]
    entries = section_entries(section)
    assert [entry.kind for entry in entries] == ["item", "item", "row", "subsection"]
    assert "nested detail" in entries[0].text
    assert entries[2].cells["owner"].text == "@a"


def test_evidence_ignores_negated_mentions() -> None:
    document = parse_md("""
    ## A
    No payment data is stored. We never store payment details.
    ## B
    Without payment processing.
    """)
    assert evidence(document, ["payment*"], 1, 1) is None


def test_front_matter_value_points_at_the_value() -> None:
    document = parse_md("---\ntitle: X\nStatus: approved\n---\n# X\n")
    key, value, span = front_matter_value(document, ["status"])  # type: ignore[misc]
    assert (key, value) == ("Status", "approved")
    assert (span.start.line, span.start.column, span.end.column) == (3, 9, 17)


def test_profile_applies_without_a_profile_and_with_a_skipped_one() -> None:
    options = {"skip-profiles": ["adr"]}
    assert profile_applies(RuleContext(options=options))
    assert profile_applies(RuleContext(options=options, profile=NamedProfile("prd")))
    assert not profile_applies(RuleContext(options=options, profile=NamedProfile("adr")))


def test_there_are_seventeen_risk_rules_at_warning_or_info() -> None:
    assert [rule.id for rule in RISK_RULES] == [f"RK{n:03d}" for n in range(1, 18)]
    for rule in RISK_RULES:
        assert rule.category is Category.RISK
        assert rule.default_level in (Level.WARNING, Level.INFO)


@pytest.mark.parametrize("rule", RISK_RULES, ids=lambda rule: rule.id)
def test_documentation_has_every_part(rule) -> None:
    doc = rule.documentation()
    for part in ("**What it flags.**", "**Why it matters.**", "**Example**", "**Use instead**", "```markdown"):
        assert part in doc, f"{rule.id} documentation lacks {part}"


@pytest.mark.parametrize("rule", RISK_RULES, ids=lambda rule: rule.id)
def test_rules_survive_odd_documents(rule) -> None:
    odd = [
        "",
        "---\nstatus: [approved\n---\n",
        "---\nstatus: 3\n---\n## Open questions\n- x?\n",
        "## Risks\n\n| Risk |\n|---|\n|  |\n",
        "## Milestones\n-\n- [ ]\n",
        "## Dependencies\n## Design\ndepends on\n",
        "# Roadmap\n## Roadmap\n### Roadmap\n",
    ]
    active = [ActiveRule(rule, rule.default_level, rule.default_options())]
    for text in odd:
        result = run_rules(parse(text, "odd.md"), active)
        assert not result.failures, (text, result.failures)


@requires_corpus
@pytest.mark.corpus
def test_risk_rules_never_fail_on_the_corpus() -> None:
    active = [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in RISK_RULES]
    for path in corpus_sample.documents():
        document = parse(path.read_text(encoding="utf-8", errors="replace"), str(path))
        result = run_rules(document, active)
        assert not result.failures, result.failures


MARKDOWN_PIECES = st.sampled_from([
    "# Title\n", "## Risks\n", "## Open questions\n", "## Milestones\n", "## Dependencies\n", "## Rollout\n",
    "- a risk\n", "  - Mitigation: x\n", "- [ ] question?\n", "- [x] done\n", "| Risk | Owner |\n", "|---|---|\n",
    "| r | |\n", "~~struck~~\n", "depends on the Identity team\n", "relies on Stripe\n", "payment refund\n",
    "email address\n", "endpoint\n", "cron job\n", "---\nstatus: approved\n---\n", "**Status**: Approved\n",
    "```\ncode\n```\n", "<!-- guidance -->\n", "\n", "> quoted risk\n", "1. Phase 1: beta\n", "Q3 2026\n",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(MARKDOWN_PIECES | st.text(max_size=30), max_size=25))
def test_risk_rules_never_raise_on_generated_markdown(pieces: list[str]) -> None:
    document = parse("".join(pieces), "generated.md")
    active = [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in RISK_RULES]
    result = run_rules(document, active)
    assert not result.failures, result.failures
    for finding in result.findings:
        assert finding.span.start.line >= 1 and finding.span.start.column >= 1


def _doc_examples(rule) -> tuple[str, str]:
    doc = rule.documentation()
    bad = doc.split("**Example**", 1)[1].split("```markdown\n", 1)[1].split("\n```", 1)[0]
    good = doc.split("**Use instead**", 1)[1].split("```markdown\n", 1)[1].split("\n```", 1)[0]
    return bad + "\n", good + "\n"


@pytest.mark.parametrize("rule", RISK_RULES, ids=lambda rule: rule.id)
def test_documented_examples_do_what_they_say(rule) -> None:
    bad, good = _doc_examples(rule)
    active = [ActiveRule(rule, rule.default_level, rule.default_options())]
    assert run_rules(parse(bad, "bad.md"), active).findings, f"{rule.id}: the bad example is not flagged"
    assert not run_rules(parse(good, "good.md"), active).findings, f"{rule.id}: the good example is flagged"
