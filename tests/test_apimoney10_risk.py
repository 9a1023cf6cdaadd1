"""Round 15 (apimoney10): a risk the design rules out is answered (RK011), "do not double count" is a
money safeguard (RK009), and RK015: one money movement retried, re-run or replayed with nothing that
makes the repeat safe. Fixtures written for these tests, in several kinds and languages."""

from __future__ import annotations

from conftest import lint_with, spans

RISKS = """
# Gang scheduling timeout

### Risks and Mitigations

- **Thrashing**: a controller that resubmits at once times out again. Mitigation: back off exponentially.
- **{label}**: {text}
"""


def test_rk011_a_risk_the_design_rules_out_is_answered() -> None:
    text = RISKS.format(label="Clock skew", text="the timeout is measured by the scheduler from the time it first "
                                                 "saw the group, so skew between nodes does not matter.")
    assert lint_with("RK011", text) == []


def test_rk011_a_risk_that_only_describes_harm_is_still_flagged() -> None:
    text = RISKS.format(label="Clock skew", text="nodes with skewed clocks time groups out early.")
    assert spans(lint_with("RK011", text)) == [(6, 3)]


def test_rk009_do_not_double_count_is_a_safeguard() -> None:
    text = """
    # Fare capping

    ## Requirements

    - Each tap is charged to the rider's card until the day cap is reached.
    - Refunds of taps are paid back to the same card.
    - Refunds and transfers do not double count toward the cap.
    """
    assert lint_with("RK009", text) == []
