"""RK003 missing-risks-section: changes to data, money or an API need a risks section."""

from risk_support import lines, lint_risk

ANNUAL_BILLING = """
# Annual billing

## Summary
Customers can switch to annual billing at a 15% discount.

## Design
The billing service prorates a refund for the unused months of the current plan.
Existing subscriptions are converted in a backfill job.

## Open questions
- Do we refund to the original card or as credit? Owner: @maria.
"""


def test_flags_a_billing_change_without_risks_at_open_questions() -> None:
    findings = lint_risk("RK003", ANNUAL_BILLING)
    assert lines(findings) == [10]  # where a risks section usually goes: before Open questions
    assert "money ('billing', line 1)" in findings[0].message


def test_a_risks_and_mitigations_section_is_enough() -> None:
    text = ANNUAL_BILLING + "\n## Risks and mitigations\n- Proration rounding: finance reviews a dry run (owner: @priya).\n"
    assert lint_risk("RK003", text) == []


def test_drawbacks_count_as_a_risks_section() -> None:
    text = ANNUAL_BILLING + "\n## Drawbacks\nAnnual plans make refunds larger.\n"
    assert lint_risk("RK003", text) == []


def test_a_table_with_a_risk_column_counts() -> None:
    text = ANNUAL_BILLING + """
## Review notes
| Risk | Mitigation |
|------|------------|
| Proration rounding | Dry run first |
"""
    assert lint_risk("RK003", text) == []


def test_a_breaking_api_change_needs_risks() -> None:
    text = """
    # Orders API v2

    ## Summary
    The public API drops the `total_cents` field; this is a breaking change for integrators.

    ## Migration
    Integrators move to API version 2 within six months; the public API v1 answers until then.
    """
    findings = lint_risk("RK003", text)
    assert len(findings) == 1
    assert "a public API" in findings[0].message


def test_saying_there_is_no_breaking_change_is_not_a_change() -> None:
    text = """
    # Faster order search

    ## Summary
    Search gets an index. No breaking changes; no public API changes.

    ## Design
    The index is built offline. There are no breaking changes for clients of the public API.
    """
    assert lint_risk("RK003", text) == []


def test_one_passing_mention_is_not_enough() -> None:
    text = """
    # Dark mode

    ## Summary
    A dark theme for the settings page, like the one on the billing page.
    """
    assert lint_risk("RK003", text) == []


def test_skipped_for_adrs_by_default() -> None:
    assert lint_risk("RK003", ANNUAL_BILLING, profile="adr") == []


def test_kinds_whose_template_has_no_risks_section_are_skipped() -> None:
    for profile in ("gep", "kiro-design", "ears"):
        assert lint_risk("RK003", ANNUAL_BILLING, profile=profile) == [], profile
    assert len(lint_risk("RK003", ANNUAL_BILLING, profile="openshift-enhancement")) == 1


def test_naming_invoices_prices_or_a_payment_gateway_is_not_changing_money() -> None:
    text = """
    # Invoice reader

    ## Summary
    A parser that reads invoice PDFs and extracts the pricing table of each invoice.

    ## Design
    Pricing rows become records; the invoice total is compared with the sum of the rows.
    The docs page explains how the payment gateway of each supplier is named on the invoice.
    """
    assert lint_risk("RK003", text) == []
