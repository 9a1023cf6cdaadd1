"""MD002 on kep.yaml accepts what Kubernetes' own KEP validation accepts, and still catches real errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import md
from test_front_matter_schema import check, findings, lint_kep, profile

# A provisional alpha KEP as kubernetes/enhancements' template leaves it: the optional fields
# (participating-sigs, see-also, replaces, superseded-by, prr-approvers, metrics...) empty.
ALPHA_KEP = """\
title: Quota for ephemeral volumes
kep-number: 4321
authors:
  - "@ada"
owning-sig: sig-storage
participating-sigs:
status: provisional
creation-date: 2025-03-04
last-updated: 2025-04-01
reviewers:
approvers:
  - "@grace"
see-also:
replaces: []
superseded-by:
  - ""
prr-approvers:
stage: alpha
latest-milestone: "v1.33"
milestone:
  alpha: "v1.33"
  beta:
feature-gates:
  - name: EphemeralVolumeQuota
    components:
      - kubelet
disable-supported: true
metrics:
"""


def kep_messages(tmp_path: Path, kep_yaml: str) -> list[tuple[int, str]]:
    return [(finding.span.start.line, finding.message) for finding in lint_kep(tmp_path, kep_yaml).findings]


def test_optional_fields_may_be_empty_in_an_alpha_kep(tmp_path: Path) -> None:
    assert kep_messages(tmp_path, ALPHA_KEP) == []


@pytest.mark.parametrize("stage", ["alpha", "beta", "stable", "deprecated"])
def test_every_upstream_stage_is_accepted(tmp_path: Path, stage: str) -> None:
    kep = ALPHA_KEP.replace("stage: alpha", f"stage: {stage}").replace("metrics:\n", "metrics:\n  - quota_used_bytes\n")

    assert kep_messages(tmp_path, kep) == []


def test_metrics_are_required_from_beta(tmp_path: Path) -> None:
    beta_without_metrics = ALPHA_KEP.replace("stage: alpha", "stage: beta").replace("metrics:\n", "")

    assert any("'metrics'" in message for _, message in kep_messages(tmp_path, beta_without_metrics))


def test_a_misspelt_status_is_caught(tmp_path: Path) -> None:
    messages = kep_messages(tmp_path, ALPHA_KEP.replace("status: provisional", "status: provisonal"))

    assert messages == [(7, "'status' is 'provisonal', not one of: provisional, implementable, implemented, deferred, "
                            "rejected, withdrawn, replaced, informational (kep schema)")]


def test_an_impossible_date_is_caught(tmp_path: Path) -> None:
    messages = kep_messages(tmp_path, ALPHA_KEP.replace("creation-date: 2025-03-04", "creation-date: 2025-02-30"))

    assert [line for line, _ in messages] == [8] and "not a real date" in messages[0][1]


def test_a_release_in_place_of_a_date_is_caught(tmp_path: Path) -> None:
    messages = kep_messages(tmp_path, ALPHA_KEP.replace("last-updated: 2025-04-01", "last-updated: v1.27"))

    assert [line for line, _ in messages] == [9] and "not a real date" in messages[0][1]


def test_tbd_as_a_value_is_caught(tmp_path: Path) -> None:
    messages = kep_messages(tmp_path, ALPHA_KEP.replace('approvers:\n  - "@grace"', "approvers:\n  - [TBD]"))

    assert len(messages) == 1 and messages[0][0] == 12


def test_tbd_as_a_person_is_caught(tmp_path: Path) -> None:
    messages = kep_messages(tmp_path, ALPHA_KEP.replace('  - "@grace"', "  - TBD"))

    assert messages == [(12, "'approvers[0]' is 'TBD', a placeholder: give the real value (kep schema)")]


def test_front_matter_of_a_kep_style_proposal_is_checked_for_its_values_not_for_kep_yaml_keys() -> None:
    openshift_style = md("""
    ---
    title: cluster-wide-proxy
    authors:
      - "@ada"
    reviewers:
      - "@lin"
    approvers:
      - "@grace"
    creation-date: 2024-01-10
    last-updated: 2024-02-01
    status: implementable
    see-also:
    replaces:
    superseded-by:
    ---

    # Cluster-wide proxy
    """)

    assert findings(openshift_style, profile("kep")) == []


def test_front_matter_of_a_kep_style_proposal_still_gets_its_dates_checked() -> None:
    impossible = md("""
    ---
    title: cluster-wide-proxy
    creation-date: 2024-23-01
    ---

    # Cluster-wide proxy
    """)

    assert [finding.span.start.line for finding in findings(impossible, profile("kep"))] == [3]


def test_an_unpadded_real_date_is_accepted_as_kubernetes_tooling_does(tmp_path: Path) -> None:
    assert kep_messages(tmp_path, ALPHA_KEP.replace("creation-date: 2025-03-04", "creation-date: 2025-3-4")) == []


def test_an_unpadded_impossible_date_is_still_caught(tmp_path: Path) -> None:
    messages = kep_messages(tmp_path, ALPHA_KEP.replace("creation-date: 2025-03-04", "creation-date: 2025-23-1"))

    assert [line for line, _ in messages] == [8]


def test_proposal_front_matter_is_checked_as_proposal_metadata_even_when_the_text_reads_as_a_prd() -> None:
    cluster_api_style = md("""
    ---
    title: Machine pool machines
    authors:
      - "@ada"
    reviewers:
      - "@lin"
    creation-date: 2022-02-09
    status: experimental
    ---

    # Machine pool machines
    """)

    assert findings(cluster_api_style, profile("prd")) == []


OPENSHIFT_ENHANCEMENT = """
---
title: cluster-wide-proxy
authors:
  - "@ada"
reviewers:
  - "@lin"
approvers:
  - "@grace"
creation-date: 2024-01-10
last-updated: 2024-02-01
status: implementable
tracking-link:
  - https://issues.redhat.com/browse/OCPSTRAT-1
---

# Cluster-wide proxy
"""


def openshift_messages(text: str) -> list[tuple[int, str]]:
    return [(finding.span.start.line, finding.message)
            for finding in findings(md(text), profile("openshift-enhancement"))]


def test_an_openshift_enhancement_may_write_a_real_date_unpadded_as_its_tooling_reads_dates_as_text() -> None:
    assert openshift_messages(OPENSHIFT_ENHANCEMENT.replace("2024-02-01", "2024-2-1")) == []


def test_an_openshift_enhancement_may_write_a_real_date_with_dots_year_first() -> None:
    assert openshift_messages(OPENSHIFT_ENHANCEMENT.replace("2024-02-01", "2024.02.01")) == []


def test_a_date_with_dots_day_first_or_mixed_separators_is_still_reported() -> None:
    for written in ("01.02.2024", "2024.02-01"):
        assert [line for line, _ in openshift_messages(OPENSHIFT_ENHANCEMENT.replace("2024-02-01", written))] == [10], written


def test_an_openshift_enhancement_with_an_impossible_unpadded_date_is_still_reported() -> None:
    assert [line for line, _ in openshift_messages(OPENSHIFT_ENHANCEMENT.replace("2024-02-01", "2024-23-1"))] == [10]


def test_a_tracking_link_may_carry_a_note_after_the_url_as_the_projects_linter_accepts() -> None:
    with_note = OPENSHIFT_ENHANCEMENT.replace("OCPSTRAT-1\n", "OCPSTRAT-1 (AWS STS)\n")

    assert openshift_messages(with_note) == []


def test_a_tbd_tracking_link_is_still_reported() -> None:
    messages = openshift_messages(OPENSHIFT_ENHANCEMENT.replace("https://issues.redhat.com/browse/OCPSTRAT-1", "TBD"))

    assert [line for line, _ in messages] == [13] and "'TBD'" in messages[0][1]


def test_a_tbd_approver_is_an_error_even_in_a_provisional_enhancement_as_the_projects_linter_says() -> None:
    provisional = OPENSHIFT_ENHANCEMENT.replace("status: implementable", "status: provisional").replace(
        '  - "@grace"', "  - TBD")

    result = check(md(provisional), profile("openshift-enhancement"))

    assert [(finding.span.start.line, finding.level.value) for finding in result.findings] == [(8, "error")]
