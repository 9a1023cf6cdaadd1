"""RK009 money-without-safeguards: money moves and nothing says it moves once, whole and reversibly."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, md, requires_corpus, spans

from speclint.api import lint_text

WALLET = """
# Wallet

## Requirements

- Customers top up their wallet with a saved card.
- At checkout the wallet balance pays first, then the card.
"""


def test_flags_a_spec_that_moves_money_without_safeguards() -> None:
    findings = lint_with("RK009", WALLET)
    assert spans(findings) == [(5, 13)]
    assert "'top up'" in findings[0].message and "1 more mention" in findings[0].message


def test_flags_money_moved_in_a_table() -> None:
    text = """
    # Refunds

    | Step | What happens |
    |------|--------------|
    | 1 | Support approves the refund |
    | 2 | The refund is paid to the card on file |
    """
    assert spans(lint_with("RK009", text)) == [(5, 28)]


def test_flags_money_moved_in_ears_criteria() -> None:
    text = """
    # Requirements Document

    ### Requirement 3: Payouts

    1. WHEN a seller's sale clears, THE Marketplace SHALL add it to the seller's next payout.
    2. WHEN the payout date arrives, THE Marketplace SHALL transfer funds to the seller's bank.
    """
    assert spans(lint_with("RK009", text)) == [(5, 83)]


def test_accepts_an_idempotency_sentence() -> None:
    text = WALLET + "\nEach top-up carries an idempotency key: a retried request never credits twice.\n"
    assert lint_with("RK009", text) == []


def test_accepts_atomicity_stated_under_a_bold_label() -> None:
    text = WALLET + "\n**Consistency:** the card charge and the balance update commit in one database transaction.\n"
    assert lint_with("RK009", text) == []


def test_accepts_a_reversal() -> None:
    text = WALLET + "\n## Failures\n\nA top-up whose charge fails later is reversed on the balance.\n"
    assert lint_with("RK009", text) == []


def test_one_passing_mention_is_not_a_money_feature() -> None:
    text = """
    # Help centre

    ## Articles

    The article on refunds moves to the billing category.
    """
    assert lint_with("RK009", text) == []


def test_a_crypto_wallet_that_signs_in_is_not_money() -> None:
    text = """
    # Time capsule

    - Users connect their Talisman wallet to sign in.
    - The wallet address is shown on the dashboard.
    """
    assert lint_with("RK009", text) == []


def test_money_named_in_non_goals_does_not_count() -> None:
    text = """
    # Invoices

    ## Goals

    Customers download their invoices as PDF.

    ## Non-goals

    - Refunds and payouts.
    - Store credit.
    """
    assert lint_with("RK009", text) == []


# --- damage tests on a real document --------------------------------------------------------------

# No real specification in the corpus moves money, so the damage is an insertion: a top-up feature
# added to a real PRD, first with its idempotency sentence, then without it.
REAL_PRD = "prds/0al-spec__Platform__PRD.md"
TOP_UP = ["", "## Credits", "", "Users top up prepaid credits with a card; each run debits the account.", ""]
IDEMPOTENT = "A retried top-up carries the same idempotency key and is never credited twice."


@requires_corpus
def test_a_real_prd_with_money_and_its_safeguard_is_not_flagged(tmp_path: Path) -> None:
    lines = (CORPUS / REAL_PRD).read_text(encoding="utf-8").splitlines()
    damaged = lines[:20] + TOP_UP + [IDEMPOTENT, ""] + lines[20:]
    assert _lint(tmp_path, damaged) == []


@requires_corpus
def test_deleting_the_idempotency_sentence_of_a_real_prd_is_found(tmp_path: Path) -> None:
    lines = (CORPUS / REAL_PRD).read_text(encoding="utf-8").splitlines()
    damaged = lines[:20] + TOP_UP + lines[20:]
    line = 20 + 4
    assert _lint(tmp_path, damaged) == [(line, damaged[line - 1].index("top up") + 1)]


def _lint(tmp_path: Path, lines: list[str]) -> list[tuple[int, int]]:
    path = tmp_path / "prd.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    findings = lint_text(path.read_text(encoding="utf-8"), path=str(path), select=["RK009"], preview=True,
                         isolated=True)
    return [(f.span.start.line, f.span.start.column) for f in findings]


def test_md_helper_is_used_for_snippets() -> None:
    assert md("\n  a\n") == "a\n"


def test_points_at_the_requirement_rather_than_the_summary() -> None:
    text = """
    # Annual billing

    ## Summary

    Customers switch to annual billing and get a refund for unused months.

    ## Requirements

    - The refund goes back to the card on file.
    """
    assert spans(lint_with("RK009", text)) == [(9, 7)]
