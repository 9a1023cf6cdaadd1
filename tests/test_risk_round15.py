"""Risk rules, round 15: a cutover whose verb and particle stand apart ("switch the old service
off"), as RK013 reads it. Fixtures written for these tests."""

from __future__ import annotations

from conftest import lint_with


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
