"""KEP rules read stage and status from kep.yaml: an alpha or provisional KEP leaves the template's
"needed when targeting beta" Production Readiness questions unanswered on purpose."""

from __future__ import annotations

from pathlib import Path

from conftest import md

from speclint.api import lint_paths

README = md("""
# KEP-4321: Quota for ephemeral volumes

## Summary

Ephemeral volumes count against the namespace quota.

## Production Readiness Review Questionnaire

### Feature Enablement and Rollback

###### How can this feature be enabled / disabled in a live cluster?

With the `EphemeralVolumeQuota` feature gate on the kubelet.

### Rollout, Upgrade and Rollback Planning

<!--
This section must be completed when targeting beta to a release.
-->

###### How can a rollout or rollback fail? Can it impact already running workloads?

###### What specific metrics should inform a rollback?
""")


def empty_sections(tmp_path: Path, kep_yaml: str) -> list[int]:
    folder = tmp_path / "keps" / "sig-storage" / "4321-quota"
    folder.mkdir(parents=True)
    (folder / "kep.yaml").write_text(kep_yaml)
    (folder / "README.md").write_text(README)
    result = lint_paths([folder / "README.md"], isolated=True, profile="kep", select=["ST003"], preview=True)
    return [finding.line for finding in result.findings]


def test_beta_questions_may_stay_empty_in_an_alpha_kep(tmp_path: Path) -> None:
    assert empty_sections(tmp_path, "status: implementable\nstage: alpha\n") == []


def test_beta_questions_may_stay_empty_in_a_provisional_kep(tmp_path: Path) -> None:
    assert empty_sections(tmp_path, "status: provisional\n") == []


def test_beta_questions_must_be_answered_in_a_beta_kep(tmp_path: Path) -> None:
    assert empty_sections(tmp_path, "status: implementable\nstage: beta\n") == [21, 23]


def guidance_left(tmp_path: Path, kep_yaml: str) -> list[int]:
    folder = tmp_path / "keps" / "sig-storage" / "4321-quota"
    folder.mkdir(parents=True)
    (folder / "kep.yaml").write_text(kep_yaml)
    (folder / "README.md").write_text(README)
    result = lint_paths([folder / "README.md"], isolated=True, profile="kep", select=["PH003"], preview=True)
    return [finding.line for finding in result.findings]


def test_beta_guidance_may_stay_in_an_alpha_kep(tmp_path: Path) -> None:
    assert guidance_left(tmp_path, "status: implementable\nstage: alpha\n") == []


def test_beta_guidance_left_in_a_beta_kep_is_reported(tmp_path: Path) -> None:
    assert guidance_left(tmp_path, "status: implementable\nstage: beta\n") == [17]
