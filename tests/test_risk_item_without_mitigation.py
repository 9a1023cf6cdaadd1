"""RK011 risk-item-without-mitigation: one labelled risk of a "Risks and mitigations" list left
without the mitigation its siblings have. Fixtures written for these tests, and damage tests on
real enhancement proposals (a mitigation cut from one risk; the finding appears at its label)."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, requires_corpus, spans

from speclint.api import lint_text

ANSWERED = ("- **Stale cache.** Readers may see an old price for a minute. Prices are cached for 60 seconds "
            "at most and purged on every change.")


def test_flags_the_risk_left_without_the_answer_its_sibling_has() -> None:
    text = f"""
    # Price service

    ### Risks and Mitigations

    {ANSWERED}
    - **Hot partition.** One merchant's traffic can land on a single shard.
    """
    findings = lint_with("RK011", text)
    assert spans(findings) == [(6, 3)]
    assert "'Hot partition'" in findings[0].message


def test_reads_a_numbered_list_with_colon_labels() -> None:
    text = """
    # Price service

    ## Risks & mitigations

    1. **Stale cache:** readers may see an old price. Mitigation: purge on every change.
    2. **Hot partition:** one merchant's traffic can land on a single shard.
    """
    assert spans(lint_with("RK011", text)) == [(6, 4)]


def test_a_risk_answered_by_a_restriction_the_design_sets_is_answered() -> None:
    text = f"""
    # Price service

    ### Risks and Mitigations

    {ANSWERED}
    - **Leaked export:** the nightly export holds only merchant ids and totals, never card data.
    """
    assert lint_with("RK011", text) == []


def test_accepts_a_list_where_every_risk_has_its_answer() -> None:
    text = f"""
    # Price service

    ### Risks and Mitigations

    {ANSWERED}
    - **Hot partition.** One merchant's traffic can land on a single shard; we will hash merchant ids.
    """
    assert lint_with("RK011", text) == []


def test_leaves_a_list_with_no_answer_at_all_to_rk002() -> None:
    text = """
    # Price service

    ### Risks and Mitigations

    - **Stale cache.** Readers can see an old price.
    - **Hot partition.** One merchant's traffic can land on a single shard.
    """
    assert lint_with("RK011", text) == []


def test_a_risk_told_in_two_sentences_is_not_read_as_unanswered() -> None:
    text = f"""
    # Price service

    ### Risks and Mitigations

    {ANSWERED}
    - **Hot partition.** One merchant's traffic can land on a single shard. Shards are rebalanced nightly.
    """
    assert lint_with("RK011", text) == []


def test_reads_a_plain_risks_heading_too() -> None:
    # Round 17: the siblings' answers show each risk gets one, whatever the heading promises
    # (eval6: two writers' plain "Risks", "Risiken", "Risques" lists; no corpus finding either way).
    text = f"""
    # Price service

    ### Risks

    {ANSWERED}
    - **Hot partition.** One merchant's traffic can land on a single shard.
    """
    assert [finding.span.start.line for finding in lint_with("RK011", text)] == [6]


def test_leaves_impact_and_mitigation_fields_alone() -> None:
    text = """
    # Price service

    ### Risks and Mitigations

    **Risk: cache stampede**
    - **Impact:** every reader misses at once
    - **Mitigation:** requests coalesce on one refill
    """
    assert lint_with("RK011", text) == []


def test_leaves_a_list_presented_as_responses_alone() -> None:
    text = """
    # Price service

    ### Risks and mitigations

    The design addresses these risks through:

    - **Stale prices**: purge on change, 60-second cache at most.
    - **Hot partitions**: hashed keys.
    """
    assert lint_with("RK011", text) == []


# --- damage tests: a mitigation cut from one risk of a real proposal -------------------------------

OVN_MCP = "openshift-enhancements/enhancements/network/ovn-kubernetes-ocp-mcp-server-integration.md"
DUAL_STREAM = "openshift-enhancements/enhancements/hypershift/dual-stream-rhel-nodepool.md"


def _found(lines: list[str], tmp_path: Path) -> list[tuple[int, int]]:
    return [(f.span.start.line, f.span.start.column)
            for f in lint_text("\n".join(lines), tmp_path / "enhancement.md", isolated=True) if f.rule_id == "RK011"]


@requires_corpus
def test_a_mitigation_cut_from_a_real_proposals_risk_is_found(tmp_path: Path) -> None:
    lines = (CORPUS / OVN_MCP).read_text(encoding="utf-8").split("\n")
    assert _found(lines, tmp_path) == []
    index = next(i for i, line in enumerate(lines) if line.startswith("- **Wrong pod or namespace:**"))
    lines[index] = lines[index].split(" Mitigation:")[0]
    assert _found(lines, tmp_path) == [(index + 1, 3)]


@requires_corpus
def test_a_mitigation_cut_from_a_real_proposals_numbered_risk_is_found(tmp_path: Path) -> None:
    lines = (CORPUS / DUAL_STREAM).read_text(encoding="utf-8").split("\n")
    assert _found(lines, tmp_path) == []
    index = next(i for i, line in enumerate(lines) if line.startswith("2. **Boot image ConfigMap format evolution.**"))
    lines[index] = lines[index].split(" *Mitigation:*")[0]
    assert _found(lines, tmp_path) == [(index + 1, 4)]
