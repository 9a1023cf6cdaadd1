"""WD008 vague-quality: a vague quality word anywhere in a requirement, in the shapes vague-requirement misses."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, lint_with, md, requires_corpus, spans

from speclint.api import lint_text
from speclint.document.parser import parse
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.registry import load_registry


def _lint(text: str, profile: str | None = None, rules: tuple[str, ...] = ("WD008",)) -> list[tuple[str, int, int]]:
    registry = load_registry()
    active = []
    for key in rules:
        rule = registry.get(key)
        assert rule is not None
        active.append(ActiveRule(rule, rule.default_level, rule.resolve_options({})))
    result = run_rules(parse(md(text), "spec.md"), active, profile=profile)
    assert not result.failures, result.failures
    return [(f.rule_id, f.span.start.line, f.span.start.column) for f in result.findings]


# --- shapes that are flagged ---------------------------------------------------------------------


def test_a_vague_quality_in_front_of_what_it_qualifies() -> None:
    text = """
    ## Requirements

    1. The checkout page must provide an intuitive card form.
    """
    findings = lint_with("WD008", text)
    assert spans(findings) == [(3, 38)]
    assert "'intuitive'" in findings[0].message


def test_a_requirements_table_cell() -> None:
    text = """
    ## Functional requirements

    | ID | Requirement | Priority |
    |---|---|---|
    | FR-1 | Fast and reliable payment processing | P0 |
    """
    assert spans(lint_with("WD008", text)) == [(5, 10)]


def test_a_non_functional_requirements_table_with_no_verb() -> None:
    text = """
    ## Non-functional requirements

    | Quality | Requirement |
    |---|---|
    | Usability | User-friendly for first-time shoppers |
    """
    assert spans(lint_with("WD008", text)) == [(5, 15)]


def test_an_ears_criterion_whose_response_is_done_in_a_vague_way() -> None:
    text = """
    ## Requirements

    ### Requirement 1

    #### Acceptance Criteria

    1. WHEN the user types a query THEN the system SHALL return results quickly.
    """
    assert spans(lint_with("WD008", text)) == [(7, 69)]


def test_a_spec_kit_functional_requirement() -> None:
    text = """
    ## Requirements

    - **FR-002**: System MUST provide an intuitive export dialog.
    """
    assert spans(lint_with("WD008", text)) == [(3, 38)]


def test_a_shall_paragraph_of_an_srs_requirements_section_read_as_a_design_document() -> None:
    text = """
    ## 3. Specific requirements

    ### 3.1 Functional requirements

    The system shall provide an intuitive preference editor.
    """
    assert _lint(text, profile="design-doc") == [("WD008", 5, 29)]


def test_a_judgement_nobody_can_check_in_a_requirement() -> None:
    text = """
    ## Requirements

    - Recommendations match the user's taste.
    - The ranking treats sellers fairly.
    - Prices display correctly 100% of the time.
    """
    assert spans(lint_with("WD008", text)) == [(3, 19), (4, 15), (5, 10)]


def test_a_time_with_no_value() -> None:
    text = """
    ## Requirements

    - Refunds are issued with minimal delay.
    """
    assert spans(lint_with("WD008", text)) == [(3, 22)]


def test_a_modal_sentence_outside_a_requirements_section() -> None:
    text = """
    ## What we're building

    The new onboarding must offer a seamless experience for invited users.
    """
    assert spans(lint_with("WD008", text)) == [(3, 33)]


# --- traps: vague words that are not requirements -------------------------------------------------


def test_background_quotes_and_rationale_are_not_read() -> None:
    text = """
    ## Background

    Customers say checkout must become fast and intuitive.

    > "It should just be seamless," one shopper said.

    ## Requirements

    - Card details are saved after the first payment. Rationale: a returning buyer expects a fast checkout.
    """
    assert lint_with("WD008", text) == []


def test_a_ui_label_in_quotation_marks_is_not_read() -> None:
    text = """
    ## Requirements

    - The settings page shows a toggle labelled "Fast checkout".
    """
    assert lint_with("WD008", text) == []


def test_a_rejected_alternative_is_not_read() -> None:
    text = """
    ## Alternatives considered

    - A polling client: simple, but it must be robust to restarts and we rejected it.
    """
    assert lint_with("WD008", text) == []


def test_a_number_beside_the_word_makes_it_checkable() -> None:
    text = """
    ## Requirements

    - Search is fast: p95 under 300 ms for 1 million products.
    - An intuitive card form:
      - 8 of 10 first-time users save a card without help in a moderated test.

    | Quality | Requirement | Target |
    |---|---|---|
    | Latency | Fast search | p95 < 300 ms |
    """
    assert lint_with("WD008", text) == []


def test_a_priority_in_the_row_is_not_a_value() -> None:
    text = """
    ## Requirements

    | ID | Requirement | Priority |
    |---|---|---|
    | FR-2 | Robust fraud checks | P1 |
    """
    assert spans(lint_with("WD008", text)) == [(5, 10)]


def test_the_purpose_of_a_concrete_requirement_is_not_a_demand() -> None:
    text = """
    ## Requirements

    - The help page has a Back to Top link for easy navigation.
    - The catalog is cached at the edge to provide a fast checkout.
    """
    assert lint_with("WD008", text) == []


def test_names_terms_of_art_and_integrations_are_not_flagged() -> None:
    text = """
    ## Requirements

    - Sign-in uses Azure AD Seamless SSO.
    - Merges must use the fast path when the branch is up to date.
    - The editor works seamlessly with Slack.
    - The CLI must fail fast on an unknown flag.
    """
    assert lint_with("WD008", text) == []


def test_a_spelled_out_adverb_and_a_condition_after_a_judgement_are_not_flagged() -> None:
    text = """
    ## Requirements

    - The importer handles a malformed row appropriately (skips it and logs its line number).
    - The command works correctly when run from a subdirectory of the repository.
    - The risk badge shows correctly (red for high, grey for low).
    """
    assert lint_with("WD008", text) == []


def test_a_design_proposal_s_prose_is_not_read() -> None:
    text = """
    ## Design

    The scheduler must be robust against restarts and easy to use.
    """
    assert _lint(text, profile="rust-rfc") == []


def test_a_line_vague_requirement_reports_is_not_reported_again() -> None:
    text = """
    ## Requirements

    - The dashboard must be fast and offer an intuitive layout.
    """
    assert _lint(text, profile="prd", rules=("WD006", "WD008")) == [("WD006", 3, 25)]


def test_a_criterion_uncheckable_criterion_reports_is_not_reported_again() -> None:
    text = """
    ## Acceptance criteria

    - The flow is intuitive.
    """
    assert _lint(text, profile="prd", rules=("AC003", "WD008")) == [("AC003", 3, 12)]


# --- damage tests: a measurable requirement replaced by a vague one in a real document ------------

SPEC_KIT = "speckit-specs/21-DOT-DEV__subtree__specs__003-init-command__spec.md"
PRD_TABLE = "prds/architagr__GossamerDB__docs__prds__gossamerdb.md"
KIRO = "kiro/crawlins__kythira__.kiro__specs__ccache-adoption__requirements.md"


def _damaged(tmp_path: Path, name: str, starts: str, replacement: str) -> tuple[Path, str, int]:
    source = CORPUS / name
    if not source.is_file():
        pytest.skip(f"{name} is not in the corpus")
    lines = source.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(starts))
    end = index + 1
    while end < len(lines) and lines[end].startswith("   ") and lines[end].strip():
        end += 1  # the continuation lines of a wrapped list item
    lines[index:end] = [replacement]
    target = tmp_path / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines), encoding="utf-8")
    return target, "\n".join(lines), index + 1


def _findings(path: Path, text: str, rule: str) -> list[tuple[int, int]]:
    return [(f.span.start.line, f.span.start.column)
            for f in lint_text(text, path, isolated=True, select=(rule,), preview=True) if f.rule_id == rule]


@requires_corpus
def test_damage_a_spec_kit_success_criterion_made_vague(tmp_path: Path) -> None:
    path, text, line = _damaged(tmp_path, SPEC_KIT, "- **SC-001**:",
                                "- **SC-001**: Initialization offers a fast, intuitive first-run experience")
    assert (line, 39) in _findings(path, text, "WD008")


@requires_corpus
def test_damage_a_spec_kit_requirement_made_vague(tmp_path: Path) -> None:
    path, text, line = _damaged(tmp_path, SPEC_KIT, "- **FR-001**:",
                                "- **FR-001**: Command MUST handle a missing git repository appropriately")
    assert (line, 60) in _findings(path, text, "WD008")


@requires_corpus
def test_damage_an_slo_table_row_made_vague(tmp_path: Path) -> None:
    path, text, line = _damaged(tmp_path, PRD_TABLE, "| Anti-entropy repair",
                                "| Anti-entropy repair of a divergent range | n/a | n/a | n/a | fast | No — background |")
    assert (line, 64) in _findings(path, text, "WD008")


@requires_corpus
def test_damage_a_kiro_criterion_made_vague(tmp_path: Path) -> None:
    path, text, line = _damaged(tmp_path, KIRO, "5. No target definition",
                                "5. THE build SHALL print an intuitive cache summary.")
    assert (line, 29) in _findings(path, text, "WD008")


# --- round 9: "securely", and a MADR's decision drivers ---------------------------------------------


def test_a_secret_stored_securely_is_flagged() -> None:
    text = """
    ## Requirements

    - THE System SHALL keep webhook signing secrets securely.
    """
    assert _lint(text) == [("WD008", 3, 49)]


def test_securely_with_its_means_named_passes() -> None:
    text = """
    ## Requirements

    - THE System SHALL keep webhook signing secrets securely in the cloud KMS.
    - Passwords must be stored securely: hashed with Argon2id.
    - Files are uploaded securely over TLS 1.3.
    """
    assert _lint(text) == []


def test_a_decision_driver_that_demands_a_vague_quality_is_flagged() -> None:
    text = """
    ## Decision Drivers

    - Search must be fast and never time out on large catalogues.
    - Cost.

    ## Considered Options

    - Elasticsearch should be fast enough for us.
    """
    assert _lint(text, profile="adr") == [("WD008", 3, 18)]


def test_terse_decision_drivers_are_not_demands() -> None:
    text = """
    ## Decision Drivers

    * Easy to integrate
    * Fast feedback for developers
    """
    assert _lint(text, profile="adr") == []
