"""Inline suppression comments: what each directive silences, and what ST100 says about them."""

from __future__ import annotations

import re
from typing import Iterator

from conftest import md
from hypothesis import given, settings
from hypothesis import strategies as st

from speclint.document.model import Document
from speclint.document.text import find_all, iter_prose
from speclint.engine.check import ActiveRule
from speclint.engine.registry import RuleRegistry, load_registry
from speclint.engine.rule import Category, Finding, Level, Rule, RuleContext, Violation
from speclint.engine.runner import FilePlan, Source, lint


class FastWord(Rule):
    """Flags the word "fast" (a test rule standing for any vague-wording rule).

    **What it flags.** "fast". **Why it matters.** Not measurable.
    """

    id = "WD901"
    name = "test-fast"
    category = Category.WORDING
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        for prose in iter_prose(document):
            for _, span in find_all(re.compile(r"\bfast\b"), prose.segments):
                yield Violation(span, "vague: 'fast'")


class Exploding(Rule):
    """Raises on every document (a test rule standing for a buggy plugin).

    **What it flags.** Nothing. **Why it matters.** It tests crash isolation.
    """

    id = "XX901"
    name = "test-exploding"
    category = Category.STRUCTURE

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        raise RuntimeError("boom")
        yield  # pragma: no cover


def _registry(*extra: type[Rule]) -> RuleRegistry:
    registry = load_registry().copy()
    for rule in extra:
        registry.add(rule, "test")
    return registry


def lint_text(text: str, rules: tuple[str, ...] = ("PH001", "WD901", "ST100"), extra: tuple[type[Rule], ...] = ()) -> list[Finding]:
    registry = _registry(FastWord, *extra)
    active = []
    for key in rules:
        rule = registry.get(key)
        assert rule is not None
        active.append(ActiveRule(rule, rule.default_level, rule.default_options()))
    plan = FilePlan(active, registry=registry)
    result = lint([Source("spec.md", None, md(text))], [], planner=lambda source, document: plan)
    return result.findings


def found(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.rule_id, f.span.start.line, f.span.start.column) for f in findings]


# --- what each directive covers -------------------------------------------------------------


def test_disable_next_line_silences_only_the_next_line() -> None:
    text = """
    <!-- speclint-disable-next-line PH001 -->
    Retry backoff: TBD.
    Upload size limit: TBD.
    """
    assert found(lint_text(text)) == [("PH001", 3, 20)]


def test_disable_next_line_skips_blank_lines() -> None:
    text = """
    <!-- speclint-disable-next-line PH001 -->

    Retry backoff: TBD.
    """
    assert found(lint_text(text)) == []


def test_rules_are_named_by_id_name_or_alias_in_any_case() -> None:
    for name in ("PH001", "ph001", "unresolved-marker", "tbd"):
        text = f"<!-- speclint-disable-next-line {name} -->\nRetry backoff: TBD.\n"
        assert found(lint_text(text)) == [], name


def test_disable_line_silences_its_own_line_from_an_inline_comment() -> None:
    text = """
    Retry backoff: TBD. <!-- speclint-disable-line PH001 -- decided in the March review -->
    Upload limit: TBD.
    """
    assert found(lint_text(text)) == [("PH001", 2, 15)]


def test_disable_enable_block_covers_the_lines_between() -> None:
    text = """
    <!-- speclint-disable PH001 -->
    Retry backoff: TBD.
    Upload limit: TBD.
    <!-- speclint-enable -->

    Owner: TBD.
    """
    assert found(lint_text(text)) == [("PH001", 6, 8)]


def test_disable_without_enable_lasts_to_the_end_of_the_file() -> None:
    text = """
    # Uploads

    <!-- speclint-disable PH001 -->
    Retry backoff: TBD.

    ## Limits

    Size: TBD.
    """
    assert found(lint_text(text)) == []


def test_disable_names_several_rules_with_commas_or_spaces() -> None:
    text = """
    <!-- speclint-disable-next-line PH001, test-fast -->
    Uploads are fast. Backoff: TBD.
    <!-- speclint-disable-next-line PH001 test-fast -->
    Downloads are fast. Backoff: TBD.
    """
    assert found(lint_text(text)) == []


def test_disable_without_rules_silences_every_rule() -> None:
    text = """
    <!-- speclint-disable-next-line -->
    Uploads are fast. Backoff: TBD.
    """
    assert found(lint_text(text)) == []


def test_enable_with_a_rule_ends_only_that_rules_region() -> None:
    text = """
    <!-- speclint-disable PH001, test-fast -->
    Uploads are fast. Backoff: TBD.
    <!-- speclint-enable PH001 -->
    Downloads are fast. Owner: TBD.
    """
    assert found(lint_text(text)) == [("PH001", 4, 28)]


def test_enable_of_one_rule_inside_a_disable_of_every_rule() -> None:
    text = """
    <!-- speclint-disable -->
    Uploads are fast. Backoff: TBD.
    <!-- speclint-enable PH001 -->
    Downloads are fast. Owner: TBD.
    """
    assert found(lint_text(text)) == [("PH001", 4, 28)]


def test_disable_file_covers_findings_before_the_comment_too() -> None:
    text = """
    # Uploads

    Backoff: TBD.

    <!-- speclint-disable-file PH001 -- legacy spec, archived -->
    """
    assert found(lint_text(text)) == []


def test_disable_section_covers_its_section_and_subsections_only() -> None:
    text = """
    # Uploads

    ## Retries

    <!-- speclint-disable-section PH001 -- settled in the next review -->
    - Backoff: TBD.

    ### Later

    - Quota: TBD.

    ## Limits

    Size: TBD.
    """
    assert found(lint_text(text)) == [("PH001", 14, 7)]


def test_disable_section_covers_the_heading_of_its_section() -> None:
    text = """
    ## Rollout (TBD)

    <!-- speclint-disable-section PH001 -->
    We ship behind a flag.
    """
    assert found(lint_text(text)) == []


def test_directives_inside_list_items_and_table_cells_work() -> None:
    text = """
    - Backoff: TBD <!-- speclint-disable-line PH001 -->

    | Field | Limit |
    |-------|-------|
    | size  | TBD <!-- speclint-disable-line PH001 --> |
    """
    assert found(lint_text(text)) == []


def test_a_directive_may_span_several_lines() -> None:
    text = """
    <!-- speclint-disable-next-line
         PH001 -- the owner decides in review
    -->
    Backoff: TBD.
    """
    assert found(lint_text(text)) == []


def test_a_directive_in_a_block_quote_may_span_lines() -> None:
    text = """
    > <!-- speclint-disable-next-line
    > PH001 -->
    > Backoff: TBD.
    """
    assert found(lint_text(text)) == []


def test_directives_in_code_blocks_and_code_spans_are_not_read() -> None:
    text = """
    Write `<!-- speclint-disable-line PH001 -->` to silence a line. Backoff: TBD.

    ```markdown
    <!-- speclint-disable-file -->
    ```

    Owner: TBD.
    """
    assert found(lint_text(text)) == [("PH001", 1, 74), ("PH001", 7, 8)]


def test_plain_html_comments_are_not_directives() -> None:
    text = """
    <!-- Describe the retry policy here. -->
    Backoff: TBD.
    """
    assert found(lint_text(text)) == [("PH001", 2, 10)]


# --- what ST100 reports ------------------------------------------------------------------------


def test_unused_suppression_is_reported_at_the_rule_name() -> None:
    text = """
    <!-- speclint-disable-next-line PH001 -- fixed since -->
    The client retries 3 times.
    """
    findings = lint_text(text)
    assert found(findings) == [("ST100", 1, 33)]
    assert findings[0].message == "speclint-disable-next-line PH001 suppressed nothing: remove it"
    assert findings[0].level is Level.WARNING


def test_unused_suppression_of_every_rule_points_at_the_comment() -> None:
    findings = lint_text("Intro.\n\n<!-- speclint-disable-file -->\n")
    assert found(findings) == [("ST100", 3, 1)]
    assert findings[0].span.end.column == 31


def test_only_the_unused_name_of_a_directive_is_reported() -> None:
    text = """
    <!-- speclint-disable-next-line PH001, test-fast -->
    Backoff: TBD.
    """
    findings = lint_text(text)
    assert found(findings) == [("ST100", 1, 40)]
    assert "test-fast suppressed nothing" in findings[0].message


def test_nested_redundant_disable_is_reported_and_the_inner_one_credited() -> None:
    text = """
    <!-- speclint-disable PH001 -->
    Intro.
    <!-- speclint-disable-next-line PH001 -->
    Backoff: TBD.
    <!-- speclint-enable -->
    """
    assert found(lint_text(text)) == [("ST100", 1, 23)]


def test_nested_regions_both_used_are_not_reported() -> None:
    text = """
    <!-- speclint-disable PH001 -->
    Owner: TBD.
    <!-- speclint-disable-next-line PH001 -->
    Backoff: TBD.
    <!-- speclint-enable -->
    """
    assert found(lint_text(text)) == []


def test_unknown_rule_is_reported_and_silences_nothing() -> None:
    text = """
    <!-- speclint-disable-next-line PH01 -->
    Backoff: TBD.
    """
    findings = lint_text(text)
    assert found(findings) == [("ST100", 1, 33), ("PH001", 2, 10)]
    assert findings[0].message == "unknown rule 'PH01' in speclint-disable-next-line (did you mean 'PH001'?)"


def test_unknown_directive_is_reported() -> None:
    findings = lint_text("<!-- speclint-disabel-next-line PH001 -->\nBackoff: TBD.\n")
    assert found(findings) == [("ST100", 1, 1), ("PH001", 2, 10)]
    assert "unknown directive 'speclint-disabel-next-line'" in findings[0].message


def test_enable_without_disable_is_reported() -> None:
    findings = lint_text("Intro.\n\n<!-- speclint-enable PH001 -->\n")
    assert found(findings) == [("ST100", 3, 22)]
    assert findings[0].message == "speclint-enable PH001 has no speclint-disable open before it"


def test_suppression_of_a_rule_that_did_not_run_is_not_judged() -> None:
    text = """
    <!-- speclint-disable-next-line test-fast -->
    Uploads are quick.
    """
    assert found(lint_text(text, rules=("PH001", "ST100"))) == []


def test_suppression_of_a_crashed_rule_is_not_judged_and_the_crash_is_reported_once() -> None:
    registry = _registry(FastWord, Exploding)
    active = [ActiveRule(rule, rule.default_level, {}) for rule in (registry.get("XX901"), registry.get("ST100"))]
    plan = FilePlan(active, registry=registry)  # type: ignore[arg-type]
    text = "<!-- speclint-disable-next-line XX901 -->\nIntro.\n\nMore.\n"
    result = lint([Source("spec.md", None, text)], [], planner=lambda source, document: plan)
    assert result.findings == []
    assert [(f.rule_id, f.path) for f in result.rule_failures] == [("XX901", "spec.md")]
    assert result.failed


def test_unused_suppression_rule_turned_off_reports_nothing_but_suppressions_still_work() -> None:
    text = """
    <!-- speclint-disable-next-line PH001 -->
    Backoff: TBD.
    <!-- speclint-disable-next-line PH01 -->
    Owner: decided.
    """
    assert found(lint_text(text, rules=("PH001",))) == []


def test_st100_obeys_a_suppression_that_names_it_but_not_a_bare_one() -> None:
    named = "<!-- speclint-disable-file ST100 -->\n<!-- speclint-disable-next-line PH001 -->\nDone.\n"
    assert found(lint_text(named)) == []
    bare = "<!-- speclint-disable-next-line -->\nDone.\n"
    assert found(lint_text(bare)) == [("ST100", 1, 1)]


# --- never raises -------------------------------------------------------------------------------

_PIECES = [
    "<!-- speclint-disable PH001 -->", "<!-- speclint-enable -->", "<!-- speclint-enable PH001 -->",
    "<!-- speclint-disable-next-line -->", "Backoff: TBD <!-- speclint-disable-line tbd -- why -->",
    "<!-- speclint-disable-section PH001 -->", "<!--speclint-disable-file ST100-->", "<!-- speclint-bogus -->",
    "<!-- speclint-disable-next-line\n  PH001, , nope -->", "- Owner: TBD", "## Limits", "# Title", "",
    "```", "> quote TBD <!-- speclint-disable-line -->", "| a | TBD <!-- speclint-disable-line --> |", "|---|---|",
    "<!-- speclint-disable", "-->", "text fast", "<!-- speclint-disable-line -- -- -->",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25))
def test_any_arrangement_of_directives_never_raises(pieces: list[str]) -> None:
    findings = lint_text("\n".join(pieces) + "\n")
    for finding in findings:
        assert finding.span.start.line >= 1 and finding.span.start.column >= 1


def test_findings_in_another_file_are_not_silenced_by_this_files_comments() -> None:
    from speclint.document.model import Span
    from speclint.document.parser import parse
    from speclint.filters.suppressions import apply_suppressions

    document = parse("<!-- speclint-disable-file MD001 -->\n# KEP-1234\n", "keps/1234/README.md")
    elsewhere = Finding("keps/1234/kep.yaml", Span.of(2, 1, 2, 5), "MD001", "front-matter-syntax", "metadata", Level.ERROR, "bad")
    kept = apply_suppressions(document, [elsewhere], load_registry(), {"MD001"}, None)
    assert kept == [elsewhere]
