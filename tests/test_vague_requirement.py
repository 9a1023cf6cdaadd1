"""WD006 vague-requirement: a requirement whose only demand is a vague quality."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, md, requires_corpus, spans

from speclint.document.parser import parse
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.registry import load_registry


def _lint(text: str, profile: str | None = None, path: str = "spec.md") -> list[tuple[int, int]]:
    rule = load_registry().get("WD006")
    assert rule is not None
    result = run_rules(parse(text, path), [ActiveRule(rule, rule.default_level, rule.resolve_options({}))],
                       profile=profile)
    return [(finding.span.start.line, finding.span.start.column) for finding in result.findings]


# --- shapes that are flagged ---------------------------------------------------------------------


def test_must_be_a_vague_quality() -> None:
    text = """
    ## Requirements

    - The dashboard must be fast.
    """
    findings = lint_with("WD006", text)
    assert spans(findings) == [(3, 25)]
    assert "'fast'" in findings[0].message


def test_a_behaviour_done_in_a_vague_way() -> None:
    text = """
    ## Requirements

    - The client handles network errors gracefully.
    """
    assert spans(lint_with("WD006", text)) == [(3, 37)]


def test_a_vague_adverb_before_the_verb_in_an_id_statement() -> None:
    text = """
    ## Provider

    - **FR-012**: The provider MUST gracefully handle rate limiting from the API.
    """
    assert spans(lint_with("WD006", text)) == [(3, 33)]


def test_a_user_friendly_error_message() -> None:
    text = """
    ## Requirements

    - The app shows a user-friendly error message when a payment fails.
    """
    assert spans(lint_with("WD006", text)) == [(3, 19)]


def test_a_present_tense_item_of_a_requirements_list() -> None:
    text = """
    ## Functional requirements

    - Search results load quickly.
    """
    assert spans(lint_with("WD006", text)) == [(3, 23)]


def test_a_modal_sentence_in_a_lean_prd_section() -> None:
    text = """
    ## What we're building

    The checkout should be seamless for returning buyers.
    """
    assert spans(lint_with("WD006", text)) == [(3, 24)]


def test_one_finding_per_statement() -> None:
    text = """
    ## Requirements

    - The editor must be fast, intuitive and robust.
    """
    assert spans(lint_with("WD006", text)) == [(3, 22)]


# --- traps that are not flagged ------------------------------------------------------------------


def test_a_number_in_the_sentence_makes_it_measurable() -> None:
    text = """
    ## Requirements

    - Search must be fast: p95 under 300 ms.
    """
    assert lint_with("WD006", text) == []


def test_the_behaviour_spelled_out_in_the_same_breath() -> None:
    text = """
    ## Requirements

    - The app degrades gracefully to read-only mode when the database is down.
    - Errors are handled gracefully (retry, then show the offline banner).
    """
    assert lint_with("WD006", text) == []


def test_the_outcome_named_after_the_word_is_checkable() -> None:
    text = """
    ## Requirements

    - The process shuts down gracefully without corrupting the database.
    - The parser handles malformed YAML gracefully and provides the line of the error.
    - The shell handles bad brace syntax gracefully following bash semantics.
    - The worker must recover gracefully from the last committed checkpoint.
    - The cached page loads instantly on revisit (no network call).
    - The scheme should be efficient, meaning that symbols stay short.
    """
    assert lint_with("WD006", text) == []


def test_a_paragraph_introducing_a_requirements_list_is_a_lead_in() -> None:
    text = """
    ## CLI UX

    The CLI must feel modern and ergonomic.

    - Every command prints `--help` with an example.
    """
    assert lint_with("WD006", text) == []


def test_responsive_layout_is_a_checkable_web_quality() -> None:
    text = """
    ## Requirements

    - The login page must be responsive on mobile and desktop browsers.
    """
    assert lint_with("WD006", text) == []


def test_an_integration_is_not_a_vague_quality() -> None:
    text = """
    ## Requirements

    - The app must work seamlessly with Slack.
    """
    assert lint_with("WD006", text) == []


def test_the_purpose_of_a_concrete_requirement_is_not_a_demand() -> None:
    text = """
    ## Requirements

    - The help page has a "Back to top" link for easy navigation.
    - Builds use multi-stage Dockerfiles to minimize image size.
    """
    assert lint_with("WD006", text) == []


def test_background_quotes_questions_and_rationale_are_not_read() -> None:
    text = """
    ## Background

    The old page must be fast, people said.

    ## Requirements

    > The new page must be fast.

    - Must the export be fast?
    - Exports are streamed. Rationale: users should feel the download starts quickly.
    - The banner says "This page will load quickly".
    """
    assert lint_with("WD006", text) == []


def test_a_description_without_a_demand_is_not_read() -> None:
    text = """
    ## Notes on the current app

    Today the page loads quickly on a good connection.
    """
    assert lint_with("WD006", text) == []


def test_negations_are_not_demands() -> None:
    text = """
    ## Requirements

    - The import need not be fast; it runs overnight.
    """
    assert lint_with("WD006", text) == []


def test_design_proposal_prose_is_not_read() -> None:
    text = md("""
    ## Design details

    The scheduler should be efficient and scale smoothly.
    """)
    assert _lint(text, profile="kep") == []


def test_a_criterion_that_uncheckable_criterion_reports_is_left_to_it() -> None:
    text = md("""
    ## Acceptance criteria

    - Search is fast.
    """)
    assert _lint(text) == []


# --- damage tests on real documents -------------------------------------------------------------

_PRD = "prds/brianluby__rusty-brain__specs__006-claude-code-hooks__prd.md"
_SPEC = "speckit-specs/21-DOT-DEV__subtree__specs__001-cli-bootstrap__spec.md"


def _damaged(tmp_path: Path, source: str, old: str, new: str) -> Path:
    text = (CORPUS / source).read_text(encoding="utf-8")
    assert old in text, f"{source} changed: the damage no longer applies"
    damaged = tmp_path / Path(source).name
    damaged.write_text(text.replace(old, new, 1), encoding="utf-8")
    return damaged


def _lint_file(path: Path) -> list[tuple[int, int]]:
    return _lint(path.read_text(encoding="utf-8"), path=str(path))


@requires_corpus
def test_damage_a_latency_bound_replaced_by_quickly(tmp_path: Path) -> None:
    assert 296 not in [line for line, _ in _lint_file(CORPUS / _PRD)]
    damaged = _damaged(tmp_path, _PRD, "shall complete context delivery within 200ms for memory files with up to 1,000 "
                       "observations.", "shall complete context delivery quickly.")
    assert (296, 79) in _lint_file(damaged)


@requires_corpus
def test_damage_a_spec_kit_time_limit_replaced_by_fast(tmp_path: Path) -> None:
    assert _lint_file(CORPUS / _SPEC) == []
    damaged = _damaged(tmp_path, _SPEC, "- **FR-011**: Unit tests MUST complete in under 10 seconds total",
                       "- **FR-011**: Unit tests MUST be fast")
    assert _lint_file(damaged) == [(125, 34)]



def test_a_vague_quality_joined_to_a_second_demand_is_still_vague() -> None:
    text = """
    ## Requirements

    - The order history must be user-friendly and list every refund.
    """
    assert spans(lint_with("WD006", text)) == [(3, 29)]


def test_a_graceful_behaviour_spelled_out_after_and_passes() -> None:
    text = """
    ## Requirements

    - The client handles network errors gracefully and shows a retry banner.
    """
    assert lint_with("WD006", text) == []


def test_responding_quickly_to_requests_is_vague() -> None:
    text = """
    ## Functional requirements

    - **REQ-F-07** The gateway shall respond quickly to balance queries.
    """
    assert spans(lint_with("WD006", text)) == [(3, 42)]


def test_degrading_gracefully_to_a_named_mode_passes() -> None:
    text = """
    ## Requirements

    - The app degrades gracefully to read-only mode when the API is down.
    """
    assert lint_with("WD006", text) == []


# --- imperative capability items, and "safe" / "portable" said bare (round 17, realword17) ----------------


def test_an_imperative_item_that_keeps_something_a_vague_quality() -> None:
    text = """
    ## Requirements

    - Keep exported reports portable.
    """
    assert spans(lint_with("WD006", text)) == [(3, 25)]


def test_an_imperative_item_that_makes_something_a_vague_quality() -> None:
    text = """
    ## Requirements

    - Make the plugin loader robust.
    """
    assert spans(lint_with("WD006", text)) == [(3, 26)]


def test_safe_said_bare_after_another_quality() -> None:
    text = """
    ## Requirements

    - Make shared links private and safe;
    """
    assert spans(lint_with("WD006", text)) == [(3, 33)]


def test_safe_demanded_with_shall() -> None:
    text = """
    ## Requirements

    | ID | Requirement |
    |----|-------------|
    | R-7 | Bulk deletion SHALL be safe. |
    """
    assert spans(lint_with("WD006", text)) == [(5, 32)]


def test_safe_for_a_named_use_is_not_vague() -> None:
    text = """
    ## Requirements

    - The cache client must be safe for concurrent use.
    - Keep the import step safe to repeat after a crash.
    """
    assert lint_with("WD006", text) == []


def test_portable_across_named_platforms_is_not_vague() -> None:
    text = """
    ## Requirements

    - Keep the archive format portable across Linux, macOS and Windows.
    """
    assert lint_with("WD006", text) == []


def test_type_safe_is_a_checkable_property() -> None:
    text = """
    ## Requirements

    - The query builder must be type-safe.
    """
    assert lint_with("WD006", text) == []


def test_keep_outside_a_requirement_is_not_a_demand() -> None:
    text = """
    ## Background

    Teams keep their scripts portable and safe by habit.
    """
    assert lint_with("WD006", text) == []


def test_safe_stated_as_a_property_is_not_a_demand() -> None:
    text = """
    ## Requirements

    - Uploads are written whole before they are renamed, so a rerun is safe.
    - When two workers write at once, all writes are safe and no record is lost.
    """
    assert lint_with("WD006", text) == []
