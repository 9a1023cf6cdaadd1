"""RK001 non-functional-coverage: concerns a spec owes, once each, where a reader looks."""

from risk_support import lines, lint_risk

from speclint.document.parser import parse
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.registry import load_registry

SAVED_CARDS = """
# Saved payment methods

## Problem
Customers re-enter their credit card on every purchase; 18% abandon checkout at the payment step.

## Requirements
- Customers can save a credit card during payment and pick it on their next purchase.
- The `POST /payment-methods` endpoint stores the card token returned by the payment provider.
- Customers can delete a saved card from their account page.

## Non-functional requirements
- Performance: the endpoint answers within 300 ms at p95 at 50 requests per second.
- Security: only the card owner can list or delete a card; tokens are encrypted at rest.
- Reliability: 99.9% monthly availability; a failed save is retried by the client.
- Observability: dashboard and alert on the save error rate, paging on-call above 2%.
"""


def test_a_spec_that_covers_every_concern_is_clean() -> None:
    assert lint_risk("RK001", SAVED_CARDS) == []


def test_reports_each_missing_concern_once_at_the_nfr_section() -> None:
    text = SAVED_CARDS.replace("- Security: only the card owner can list or delete a card; tokens are encrypted at rest.\n", "")
    findings = lint_risk("RK001", text)
    assert [f.message.split(" ")[0] for f in findings] == ["security"]
    assert lines(findings) == [11]  # the "Non-functional requirements" heading
    assert "money ('credit card', line 4)" in findings[0].message


def test_points_at_requirements_when_there_is_no_nfr_section() -> None:
    text = """
    # Saved payment methods

    ## Requirements
    - Customers save a credit card during payment and reuse it on their next purchase.
    - Refunds for a saved card go back to the same card.

    ## Design
    The payment service stores the provider's card token; refunds call the provider's refund API.
    """
    findings = lint_risk("RK001", text)
    assert {f.message.split(" ")[0] for f in findings} == {"performance", "security", "reliability", "observability"}
    assert set(lines(findings)) == {3}


def test_privacy_is_expected_only_with_personal_data() -> None:
    text = """
    # Nightly invoice export

    ## Overview
    A cron job exports yesterday's invoices to the finance bucket at 02:00 UTC.

    ## Design
    The cron job reads invoices from the billing database in pages of 1,000 and writes CSV.
    Access to the bucket needs the finance-export IAM role. We alert if the cron job fails twice;
    a failed run is retried the next hour, and the export takes under 10 minutes for 2 million invoices.
    """
    assert lint_risk("RK001", text) == []


def test_personal_data_without_privacy_is_reported() -> None:
    text = """
    # Newsletter sign-up

    ## Requirements
    - Visitors enter their email address to subscribe; we send a confirmation email address check.
    - The sign-up API is protected by rate limiting and a CAPTCHA against abuse.

    ## Design
    Email addresses are stored in the marketing database with the sign-up date.
    Sign-up latency stays under 200 ms; we monitor bounces on a dashboard; failed sends are retried.
    """
    findings = lint_risk("RK001", text)
    assert [f.message.split(" ")[0] for f in findings] == ["privacy"]
    assert "'email address', line 4" in findings[0].message


def test_na_no_personal_data_addresses_privacy() -> None:
    text = """
    # Order history export

    ## Requirements
    - Customers export their user data (orders, customer data on file) as CSV.
    - The export lists email addresses of the account's members.

    ## Non-functional requirements
    | Concern | Answer |
    |---------|--------|
    | Privacy | N/A — no personal data leaves the customer's own account |
    | Security | Only the account owner can export |
    | Performance | Export of 10,000 orders within 5 s |
    | Reliability | Export failures are retried |
    | Observability | Export errors are logged and alerted on |
    """
    assert lint_risk("RK001", text) == []


def test_a_pure_refactoring_needs_no_privacy_section() -> None:
    text = """
    # Split the user profile module

    ## Summary
    Pure refactoring: move email address validation and phone number formatting out of `profile.py`
    into `contacts/`. No behaviour change for customers.

    ## Design
    The new `contacts` package owns email address parsing and phone number normalisation.
    """
    assert lint_risk("RK001", text) == []


def test_no_behaviour_change_deep_in_a_rollout_does_not_exempt_the_feature() -> None:
    text = SAVED_CARDS.replace("- Security: only the card owner can list or delete a card; tokens are encrypted at rest.\n", "")
    text += "\n## Rollout\n- Phase 1 ships the database table only: no user-facing change.\n"
    assert len(lint_risk("RK001", text)) == 1


def test_an_unknown_concern_is_a_clear_error() -> None:
    rule = load_registry().get("RK001")
    active = ActiveRule(rule, rule.default_level, rule.resolve_options({"concerns": ["perf"]}))
    result = run_rules(parse(SAVED_CARDS, "spec.md"), [active])
    assert "unknown concern(s) 'perf'" in result.failures[0].error


def test_a_refactoring_title_exempts_the_document() -> None:
    text = """
    # Refactor: split the payments module

    ## Design
    Payment capture, payment refunds and payout scheduling move into three packages.

    ## Plan
    Each payment path keeps its tests; the payout job is moved last.
    """
    assert lint_risk("RK001", text) == []
    later = text.replace("# Refactor: split the payments module", "# Payments: refactor follow-ups")
    assert len(lint_risk("RK001", later)) == 4


def test_a_numbered_refactoring_title_exempts_the_document() -> None:
    text = """
    # 7. Refactor: split the payments module

    ## Design
    Payment capture, payment refunds and payout scheduling move into three packages.

    ## Plan
    Each payment path keeps its tests; the payout job is moved last.
    """
    assert lint_risk("RK001", text) == []


def test_one_passing_mention_does_not_make_a_payments_spec() -> None:
    text = """
    # Dark mode

    ## Summary
    Add a dark theme to the settings page. (The payment page keeps its light theme for now.)

    ## Design
    Colours come from CSS variables switched by a `data-theme` attribute.
    """
    assert lint_risk("RK001", text) == []


def test_a_worked_example_in_one_section_is_not_the_feature() -> None:
    text = """
    # Pattern guards in match arms

    ## Motivation
    Consider matching orders by payment type: a payment in cash, a payment by card, a refund
    of a payment. Guards let each arm say which payments it takes.

    ## Reference
    Guards are evaluated left to right.
    """
    assert lint_risk("RK001", text) == []


def test_template_guidance_in_comments_does_not_address_a_concern() -> None:
    text = """
    # Payouts

    ## Requirements
    - Sellers request a payout of their balance; payouts go out daily.
    - Refund requests reduce the next payout.

    ## Security
    <!-- Describe authentication, authorisation and secrets here. -->

    ## Notes
    Payout latency is under a second; payout failures are retried and alerted on.
    """
    findings = lint_risk("RK001", text)
    assert [f.message.split(" ")[0] for f in findings] == ["security"]


def test_terms_in_code_blocks_do_not_count() -> None:
    text = """
    # Webhook delivery

    ## Requirements
    - Partners register a webhook URL; every order event is posted to each webhook.
    - A webhook that fails is retried with backoff for 24 hours and alerts on-call after that.
    - Deliveries are signed with HMAC; p99 delivery latency under 2 s at 500 events per second.

    ```yaml
    privacy: gdpr-retention-policy
    ```
    """
    assert lint_risk("RK001", text) == []


def test_concerns_option_limits_what_is_checked() -> None:
    text = SAVED_CARDS.replace("- Security: only the card owner can list or delete a card; tokens are encrypted at rest.\n", "")
    assert lint_risk("RK001", text, concerns=["performance"]) == []


def test_skipped_for_adr_profile_by_default() -> None:
    text = SAVED_CARDS.replace("- Security: only the card owner can list or delete a card; tokens are encrypted at rest.\n", "")
    assert lint_risk("RK001", text, profile="adr") == []
    assert len(lint_risk("RK001", text, profile="prd")) == 1


def test_internal_endpoints_are_not_external_traffic() -> None:
    text = """
    # Admin reports

    ## Design
    The report page reads three internal endpoints of our own backend.

    ## API
    - Endpoint types: query endpoints and command endpoints.
    - Each endpoint returns JSON; endpoints are versioned with the app.
    """
    assert lint_risk("RK001", text) == []


def test_naming_money_is_not_moving_it() -> None:
    text = """
    # Invoice reader

    ## Summary
    A parser that reads invoice PDFs and extracts the pricing table of each invoice.

    ## Design
    Pricing rows become records; the invoice total is compared with the sum of the rows.
    The docs page explains how the payment gateway of each supplier is named on the invoice.
    """
    assert lint_risk("RK001", text) == []


def test_a_concern_answered_in_a_requirement_is_addressed() -> None:
    text = """
    # Contact sync

    ## Requirements
    - The sync copies each contact's email address and phone number to the CRM.
    - The client MUST avoid caching personal data on the device.

    ## Design
    Email addresses are matched case-insensitively; phone numbers are normalised to E.164.
    """
    assert all(not finding.message.startswith("privacy") for finding in lint_risk("RK001", text))


def test_cloud_init_user_data_is_not_personal_data() -> None:
    text = """
    # Machine bootstrap

    ## Design
    The bootstrap provider writes the user-data secret; user-data carries the cloud-init script.

    ## Implementation
    Each machine reads its user-data at boot.
    """
    assert all(not finding.message.startswith("privacy") for finding in lint_risk("RK001", text))
