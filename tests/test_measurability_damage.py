"""Damage tests on real corpus documents for the measurability rules' newer shapes (issue 14, items 2
and 11): a value stripped from a metric or a limit, and the finding expected at that line."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, requires_corpus
from damage import damaged_copy, rule_positions

_WORKER = "kiro/staneslevski__kiro-autonomous-build__.kiro__specs__kiro-codebuild-worker__requirements.md"
_GENERATION = "kiro/staneslevski__kiro-autonomous-build__.kiro__specs__multi-state-requirements-generation__requirements.md"
_PIPELINE = "kiro/staneslevski__kiro-autonomous-build__.kiro__specs__cd-pipeline__requirements.md"
_AUTH = "kiro-more/Homas__RpiDNS__.kiro__specs__user-authentication__requirements.md"
_NETMONITOR = "prds/A-K-6__NetMonitor__docs__prd__PRD.md"


_findings = rule_positions
_damaged = damaged_copy


@requires_corpus
def test_damage_a_retry_count_removed(tmp_path: Path) -> None:
    # the Git retry's count (L147) does not size the API-error retry of another trigger (L245, limits19)
    assert [found[0] for found in _findings("MS005", CORPUS / _WORKER)] == [245]
    damaged, line = _damaged(tmp_path, _WORKER, "SHALL retry up to 3 times with exponential backoff",
                             "SHALL retry with exponential backoff")
    assert line in [found[0] for found in _findings("MS005", damaged)]


@requires_corpus
def test_damage_a_maximum_number_of_attempts_removed(tmp_path: Path) -> None:
    # 10.2's 3 attempts are the generation retry's, not 10.4's GitHub API retry (L233, keyed in realset3; limits19)
    assert [found[0] for found in _findings("MS005", CORPUS / _GENERATION)] == [233]
    damaged, line = _damaged(tmp_path, _GENERATION, "SHALL retry with exponential backoff up to 3 attempts",
                             "SHALL retry with exponential backoff")
    assert line in [found[0] for found in _findings("MS005", damaged)]


@requires_corpus
def test_damage_a_retention_period_replaced_by_a_policy(tmp_path: Path) -> None:
    assert _findings("MS007", CORPUS / _PIPELINE) == []
    damaged, line = _damaged(tmp_path, _PIPELINE, "- Retention: Logs 90 days, metrics 15 months",
                             "- Logs and metrics follow the log retention policy")
    assert _findings("MS007", damaged) == [(line, 31)]


@requires_corpus
def test_damage_a_lockout_duration_left_out(tmp_path: Path) -> None:
    anchor = "5. IF a session token is invalid or expired, THEN THE Authentication_System SHALL redirect the user to the Login_Page\n"
    damaged, line = _damaged(tmp_path, _AUTH, anchor,
                             anchor + "6. WHEN a user enters 5 wrong passwords, THE Authentication_System SHALL lock the account\n")
    assert _findings("MS003", CORPUS / _AUTH) == []
    assert _findings("MS003", damaged) == [(line + 1, 74)]


@requires_corpus
def test_damage_a_rate_limit_window_left_out(tmp_path: Path) -> None:
    anchor = "5. IF a session token is invalid or expired, THEN THE Authentication_System SHALL redirect the user to the Login_Page\n"
    damaged, line = _damaged(tmp_path, _AUTH, anchor,
                             anchor + "6. THE Authentication_System SHALL be rate limited to 10 requests per client address\n")
    assert _findings("MS003", damaged) == [(line + 1, 39)]


@requires_corpus
def test_damage_a_success_metric_number_replaced_by_a_direction(tmp_path: Path) -> None:
    assert _findings("MS004", CORPUS / _NETMONITOR) == []
    damaged, line = _damaged(tmp_path, _NETMONITOR, "- **Performance:** <1% CPU usage during peak traffic.",
                             "- **Performance:** lower CPU usage during peak traffic.")
    assert [found[0] for found in _findings("MS004", damaged)] == [line]


_SUBTREE_UPDATE = "speckit-specs/21-DOT-DEV__subtree__specs__005-update-command__spec.md"


@requires_corpus
def test_damage_a_time_budget_replaced_by_quickly(tmp_path: Path) -> None:
    assert _findings("MS008", CORPUS / _SUBTREE_UPDATE) == []
    damaged, line = _damaged(tmp_path, _SUBTREE_UPDATE,
                             "in under 5 seconds for typical repositories (1-20 subtrees, <1000 commits delta per subtree)",
                             "quickly for typical repositories")
    assert _findings("MS008", damaged) == [(line, 27)]


@requires_corpus
def test_damage_a_second_retry_count_for_the_same_operation(tmp_path: Path) -> None:
    assert _findings("MS010", CORPUS / _WORKER) == []
    anchor = "8. WHEN API errors occur, THEN the system SHALL log detailed error information and retry with exponential backoff"
    damaged, line = _damaged(tmp_path, _WORKER, anchor,
                             anchor + "\n9. WHEN Git operations fail, THEN the system SHALL retry them 5 times")
    assert _findings("MS010", damaged) == [(line + 1, 52)]  # at "retry", the second count
