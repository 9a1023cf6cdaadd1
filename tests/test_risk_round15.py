"""Risk rules, round 15: a cutover whose verb and particle stand apart ("switch the old service
off"), as RK013 reads it. Fixtures written for these tests."""

from __future__ import annotations

from conftest import lint_with
from risk_support import lint_risk


def test_rk013_flags_switching_the_old_service_off_with_the_object_inside() -> None:
    text = """
    # 12. Move invoicing to the new ledger

    ## Decision

    We will move all tenants to the new ledger on 1 March and switch the old invoicing service off that night.
    """
    findings = lint_with("RK013", text)
    assert len(findings) == 1
    assert "'switch the old invoicing service off'" in findings[0].message


def test_rk013_flags_shutting_the_legacy_fleet_down_in_a_cutover_section() -> None:
    text = """
    # Payments gateway replacement

    ## Cutover

    On cutover day the gateway sends every request to the new processor, and ops shut the legacy fleet down.
    """
    findings = lint_with("RK013", text)
    assert len(findings) == 1
    assert "'shut the legacy fleet down'" in findings[0].message


def test_rk013_accepts_a_split_particle_when_the_old_service_stays_read_only() -> None:
    text = """
    # 12. Move invoicing to the new ledger

    ## Decision

    We will move all tenants to the new ledger on 1 March and switch the old invoicing service off that night.
    Its database stays read-only for 60 days, so a restore is possible.
    """
    assert lint_with("RK013", text) == []


def test_rk013_reads_no_split_particle_whose_object_is_not_an_old_path() -> None:
    text = """
    # Rollout of the new onboarding

    ## Rollout

    We launch to all users on Monday; support can turn the welcome banner off for a user who asks.
    """
    assert lint_with("RK013", text) == []


RETRIED_PAYOUT = """
# Seller payouts

## Design

The payout job debits the seller's balance and sends the payout to the card processor.
If the processor call times out, the job retries the payout on its next run.
"""


CHARGE_THEN_UPDATE = "The service charges the card and then updates the subscription.\n"


def test_rk015_and_rk016_read_a_product_spec() -> None:
    assert len(lint_risk("RK015", RETRIED_PAYOUT, profile="prd")) == 1
    assert len(lint_risk("RK016", CHARGE_THEN_UPDATE, profile="prd")) == 1


def test_rk015_and_rk016_skip_language_and_platform_proposals() -> None:
    # They design a language, a library, a protocol or a platform: no money moves.
    for profile in ("rust-rfc", "go-design", "otep", "openshift-enhancement", "gep", "capi-proposal"):
        assert lint_risk("RK015", RETRIED_PAYOUT, profile=profile) == []
        assert lint_risk("RK016", CHARGE_THEN_UPDATE, profile=profile) == []
