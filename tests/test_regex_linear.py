"""Every regular expression speclint applies to text does linear work: no pattern backtracks
exponentially or quadratically on text crafted for it (ReDoS).

Work is counted in steps by `tests/regex_steps.py`, a backtracking matcher over `re`'s own parse
tree (never timed): for each pattern, attacks built from its own character classes and literals
are run at two sizes, and the step count may at most about double when the input doubles
(quadratic work quadruples it; exponential work runs out of steps). `bench/regex_growth.py` times
the same attacks with `re` for the record.
"""

from __future__ import annotations

import re

import pytest
from regex_steps import (GROWTH_BUDGET, OutOfSteps, PatternSource, StepCounter, all_patterns, attack, growth,
                         has_unbounded_repeat, run_deep)

#: Linear growth doubles the steps; quadratic growth quadruples them. 3 separates the two with
#: room for a pattern's fixed cost.
MAX_GROWTH = 3.0
SIZE = 24

#: Patterns whose attacks grow faster at the sizes tested, and why that is bounded.
BOUNDED = {
    # `^\W*` then at most 40 characters, tried at the start of the text only: at most 40 steps per
    # character; the growth seen at 24 and 48 characters stops at 40.
    r"^\W*[\w ./&-]{1,40}:\W*$": "anchored; the overlap with `\\W*` is bounded by {1,40}",
    # Whole-word alternatives with no repeat that can compete (one scan per word start). The pump
    # of a long literal ("pros and cons", 13 characters) fits once in 24 characters and three times
    # in 48, and matches only at the small size: the ratio measures that, not the pattern. At 130
    # and 260 characters the steps double (2.0-2.1x).
    r"\b(?:open|unresolved|outstanding)\s+(?:questions?|issues?|points?)\b|\bimplementation history\b|"
    r"[\[(]\s*optional\s*[\])]|\boptional\s*$": "literal words; growth seen is the pump's length",
    r"\b(?:options?|considered|alternatives?|pros and cons|features?|functional|screens?|pages?|user stor\w*|"
    r"capabilit\w*|modules?)\b": "literal words; growth seen is the pump's length",
    r"\b(?:technical )?design (?:document|doc)\b|^design document|[-–:]\s*design$|^technical design\b":
        "literal words; growth seen is the pump's length",
}

PATTERNS = [source for source in all_patterns() if has_unbounded_repeat(source.pattern, source.flags)]


def worst_growth(source: PatternSource) -> tuple[float, str]:
    results = run_deep(lambda: growth(source.pattern, source.flags, SIZE, limit=10, anchored=source.anchored))
    worst = max(results, key=lambda result: result.ratio)
    return worst.ratio, worst.pump


def test_the_code_base_has_patterns_to_check() -> None:
    assert len(PATTERNS) > 100
    assert any(source.anchored for source in PATTERNS) and any(not source.anchored for source in PATTERNS)


@pytest.mark.parametrize("source", [source for source in PATTERNS if source.pattern not in BOUNDED],
                         ids=lambda source: f"{source.where}:{source.pattern[:40]}")
def test_pattern_work_grows_linearly_with_the_text(source: PatternSource) -> None:
    ratio, pump = worst_growth(source)
    assert ratio <= MAX_GROWTH, f"{source.where}: {ratio:.1f}x the steps for twice the text of {pump!r}"


# --- the step counter catches what it must ----------------------------------------------------------


def steps(pattern: str, text: str, flags: int = 0, anchored: bool = False, budget: int = 2_000_000) -> int:
    return run_deep(lambda: StepCounter(pattern, flags).count(text, budget, anchored))


def test_nested_repeats_run_out_of_steps() -> None:
    # The budget the growth checks above give each attack: exponential work (2**40 steps here) must
    # exhaust it, which is how those checks see it.
    with pytest.raises(OutOfSteps):
        steps(r"(?:a+)+b", "a" * 40, budget=GROWTH_BUDGET)


def test_a_repeat_searched_from_every_position_is_quadratic() -> None:
    assert steps(r"\s*x", " " * 200) > 3 * steps(r"\s*x", " " * 100)


def test_a_back_reference_is_followed() -> None:
    assert steps(r"(`+)(.+?)\1", "`" * 80) > 3 * steps(r"(`+)(.+?)\1", "`" * 40)


def test_a_single_repeat_is_linear() -> None:
    assert steps(r"\w+", "a" * 200) <= 2.5 * steps(r"\w+", "a" * 100)


def test_anchored_patterns_are_tried_at_one_position() -> None:
    assert steps(r"\s*x", " " * 200, anchored=True) < steps(r"\s*x", " " * 200)


def test_the_counter_finds_what_re_finds() -> None:
    cases = [(r"(?i)(?-i:[A-Z][a-z]+)+\s+event", "OrderPlaced event"), (r"\bO\([^()]*\)", "O(n log n)"),
             (r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", "a ``b`` c"), (r"^[ \t]*Given\b", "x\n  Given y")]
    for pattern, text in cases:
        flags = re.M if "Given" in pattern else 0
        counter = StepCounter(pattern, flags)
        counter.budget = 1_000_000
        assert run_deep(lambda: counter._match_at(text, re.search(pattern, text, flags).start())) == re.search(
            pattern, text, flags).end()


# --- the patterns of issue 17, by name ------------------------------------------------------------------


def test_event_heading_is_linear_on_a_long_camel_case_word() -> None:
    from speclint.reading.interfaces import _EVENT_HEADING

    word = "PaymentAuthorizationRequestValidationHandler"
    small = steps(_EVENT_HEADING.pattern, word, _EVENT_HEADING.flags, anchored=True)
    large = steps(_EVENT_HEADING.pattern, word * 2, _EVENT_HEADING.flags, anchored=True)
    assert large <= MAX_GROWTH * small


@pytest.mark.parametrize(("module", "name", "pump"), [
    ("speclint.document.headings", "_CONDITIONAL_NOTE", "("),  # a heading of `(`
    ("speclint.document.text", "_INLINE_CODE", "`"),  # a heading or list item of backticks
    ("speclint.document.text", "_LINK", "["),  # a paragraph of `[`
    ("speclint.document.text", "_IMAGE", "!["),
    ("speclint.filters.suppressions", "_COMMENT", "<!--"),
])
def test_issue_17_attacks_are_linear(module: str, name: str, pump: str) -> None:
    import importlib

    pattern = getattr(importlib.import_module(module), name)
    small = steps(pattern.pattern, pump * (40 // len(pump)), pattern.flags)
    large = steps(pattern.pattern, pump * (80 // len(pump)), pattern.flags)
    assert large <= MAX_GROWTH * small


#: The texts of issue 17's table (item 4), each repeated: a heading of `(`, backticks, `100% `,
#: `etc. `, a paragraph of `[`, lines of `1. `, a line of `*`.
ISSUE_17_TEXTS = ["(", "`", "100% ", "etc. ", "[", "1. ", "*"]


@pytest.mark.parametrize("pump", ISSUE_17_TEXTS)
def test_no_pattern_does_superlinear_work_on_the_texts_of_issue_17(pump: str) -> None:
    def worst() -> tuple[float, str]:
        ratios = []
        for source in PATTERNS:
            if source.pattern in BOUNDED:
                continue
            counter = StepCounter(source.pattern, source.flags)
            try:
                small = counter.count(attack(pump, SIZE), 200_000, source.anchored)
                large = counter.count(attack(pump, 2 * SIZE), 200_000, source.anchored)
            except OutOfSteps:
                small, large = 1, 10**9
            ratios.append((large / max(small, 1), source.where))
        return max(ratios)

    ratio, where = run_deep(worst)
    assert ratio <= MAX_GROWTH, f"{where}: {ratio:.1f}x the steps for twice the text of {pump!r}"
