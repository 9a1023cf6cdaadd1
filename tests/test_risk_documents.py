"""The [risk] rules together on whole documents written the way teams write them."""

from pathlib import Path

from speclint.document.parser import parse
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.registry import load_registry

FIXTURES = Path(__file__).parent / "fixtures" / "risk"
RISK_RULES = [rule for rule in load_registry().sorted() if rule.id.startswith("RK")]


def risk_findings(name: str) -> list[tuple[int, str]]:
    document = parse((FIXTURES / name).read_text(encoding="utf-8"), name)
    active = [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in RISK_RULES]
    result = run_rules(document, active)
    assert not result.failures
    return [(finding.span.start.line, finding.rule_id) for finding in result.findings]


def test_a_complete_prd_gets_no_risk_finding() -> None:
    assert risk_findings("complete-prd.md") == []


def test_a_draft_prd_gets_the_questions_a_reviewer_would_ask() -> None:
    assert risk_findings("draft-prd.md") == [
        (13, "RK001"),  # performance, at the Requirements heading
        (13, "RK001"),  # security
        (13, "RK001"),  # reliability
        (13, "RK001"),  # observability
        (16, "RK009"),  # the refund moves money: nothing on a duplicate refund, a partial failure or a reversal
        (22, "RK004"),  # the Documents team's renderer is not in the Dependencies list
        (30, "RK002"),  # the rounding risk has no mitigation (the legacy-plan one has an owner)
        (33, "RK008"),  # the rollout never says how it is reversed
        (35, "RK007"),  # the beta has no date ("monthly plans" is not a time frame)
        (40, "RK006"),  # switching back: no decision in a spec whose status is Approved (RK006 alone:
                        # one open question, one finding; RK005 defers to it in an approved spec)
        (41, "RK006"),  # an owner and a due date do not close a question
    ]
