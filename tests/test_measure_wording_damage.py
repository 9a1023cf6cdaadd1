"""Damage tests on real corpus documents for the measurability and wording shapes of round 9 (issue 14,
items 2, 5, 10, 11 and 13): a defect inserted into a real document, and the finding expected at its
exact line and column (and none on the undamaged document)."""

from __future__ import annotations

from functools import partial


from conftest import requires_corpus
from damage import damaged_text, lint_positions

from speclint.api import lint_text

_MEETING_NOTES = "prds/HeyPace__pace__docs__product__prds__on-device-meeting-notes.md"
_INSIGHTS = "openshift-enhancements/enhancements/insights/prometheus-alerts-for-insights-recommendations.md"
_QUORUM = "kiro/crawlins__kythira__.kiro__specs__aws-quorum-manager__requirements.md"
_PRISM = "prds/ProductBuildersHQ__prism__docs__specs__PRD.md"
_SUBTREE = "speckit-specs/21-DOT-DEV__subtree__specs__001-cli-bootstrap__spec.md"
_H2_ADR = "adrs/JabRef__jabref__docs__decisions__0010-use-h2-as-internal-database.md"


_findings = partial(lint_positions, preview=True)
_damaged = damaged_text


# --- contradictions (MS010) ---------------------------------------------------------------------


@requires_corpus
def test_damage_a_retention_restated_in_a_since_clause() -> None:
    assert _findings("MS010", _MEETING_NOTES) == []
    anchor = "### Modify: `leanring-buddy/PaceLocalRetrieval.swift`\n"
    damaged, line = _damaged(_MEETING_NOTES, anchor,
                             anchor + "\nPast meetings stay searchable, since retention is 60 days.\n")
    # against "Retention: 30 days" before it, and against the criteria's "30-day retention" after it
    assert _findings("MS010", _MEETING_NOTES, damaged) == [(line + 2, 38), (301, 26)]


@requires_corpus
def test_damage_a_validity_restated_for_a_qualified_subject() -> None:
    assert _findings("MS010", _INSIGHTS) == []
    anchor = "## Design Details\n"
    damaged, line = _damaged(_INSIGHTS, anchor,
                             anchor + "\nRecommendations fetched from the Insights API are valid for 24 hours.\n")
    # the finding stands at the later statement (the document's own, in the open questions) and names the inserted one
    found = lint_text(damaged, _INSIGHTS, isolated=True, select=["MS010"])
    assert [(finding.span.start.line, finding.span.start.column) for finding in found] == [(192, 69)]
    assert f"line {line + 2}" in found[0].message


@requires_corpus
def test_damage_a_wait_before_giving_up_that_disagrees_with_the_timeout() -> None:
    assert _findings("MS010", _QUORUM) == []
    anchor = "    LocalStack integration tests SHALL use"
    damaged, line = _damaged(_QUORUM, anchor,
                             "    The fixture waits up to 300 seconds for the tag before giving up.\n\n" + anchor)
    # the acceptance criteria give the same wait 120 s: the finding stands there and names the inserted line
    found = lint_text(damaged, _QUORUM, isolated=True, select=["MS010"])
    assert [(finding.span.start.line, finding.span.start.column) for finding in found] == [(1098, 60)]
    assert f"line {line}" in found[0].message


# --- thresholds and limits (MS003, MS005) and success criteria (MS004) ---------------------------


@requires_corpus
def test_damage_a_lockout_with_no_values_and_a_requirement_reference() -> None:
    assert _findings("MS003", _PRISM) == []
    anchor = "- **FR7** — Delivery evidence"
    damaged, line = _damaged(_PRISM, anchor,
                             "- After several failed login attempts the CLI token is temporarily locked (see FR6).\n" + anchor)
    assert _findings("MS003", _PRISM, damaged) == [(line, 9)]


@requires_corpus
def test_damage_a_real_time_update_in_a_feature_list() -> None:
    assert _findings("MS005", _PRISM) == []
    anchor = "- **FR7** — Delivery evidence"
    damaged, line = _damaged(_PRISM, anchor,
                             "- **FR14** — VisionStudio shows lease status in real time.\n" + anchor)
    assert _findings("MS005", _PRISM, damaged) == [(line, 46)]


@requires_corpus
def test_damage_a_success_criterion_that_only_compares() -> None:
    assert _findings("MS004", _SUBTREE) == []
    old = "- **SC-001**: Developer can discover all six commands by running `subtree --help` in under 5 seconds"
    damaged, line = _damaged(_SUBTREE, old, "- **SC-001**: Developers discover the commands faster.")
    assert _findings("MS004", _SUBTREE, damaged) == [(line, 5)]


# --- wording (WD006, WD008) and undefined security (API007) ---------------------------------------


@requires_corpus
def test_damage_a_vague_quality_joined_to_a_second_demand() -> None:
    assert _findings("WD006", _PRISM) == []
    anchor = "- **FR7** — Delivery evidence"
    damaged, line = _damaged(_PRISM, anchor,
                             "- **FR14** — The report must be intuitive and list every open lease.\n" + anchor)
    assert _findings("WD006", _PRISM, damaged) == [(line, 33)]


@requires_corpus
def test_damage_a_response_demanded_quickly_to_its_requests() -> None:
    assert _findings("WD006", _PRISM) == []
    anchor = "- **FR7** — Delivery evidence"
    damaged, line = _damaged(_PRISM, anchor,
                             "- **FR14** — The MCP server shall respond quickly to ready-work queries.\n" + anchor)
    assert _findings("WD006", _PRISM, damaged) == [(line, 43)]


@requires_corpus
def test_damage_a_secret_stored_securely() -> None:
    assert _findings("WD008", _QUORUM) == []
    anchor = "    The fixture SHALL poll `DescribeInstances`"
    damaged, line = _damaged(_QUORUM, anchor,
                             "    The fixture SHALL store the cluster join token securely.\n\n" + anchor)
    assert _findings("WD008", _QUORUM, damaged) == [(line, 52)]


@requires_corpus
def test_damage_a_decision_driver_that_demands_speed() -> None:
    assert _findings("WD008", _H2_ADR) == []
    damaged, line = _damaged(_H2_ADR, "* Easy to use\n", "* Queries must be fast and never block the UI\n")
    assert _findings("WD008", _H2_ADR, damaged) == [(line, 19)]


@requires_corpus
def test_damage_security_deferred_to_an_organisations_requirements() -> None:
    assert _findings("API007", _PRISM) == []
    anchor = "- **FR7** — Delivery evidence"
    damaged, line = _damaged(_PRISM, anchor,
                             "- **FR14** — The MCP server meets the organisation's security requirements.\n" + anchor)
    assert _findings("API007", _PRISM, damaged) == [(line, 29)]
