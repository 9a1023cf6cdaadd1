"""RK002 risk-without-mitigation: each listed risk has a response."""

from risk_support import lines, lint_risk

BARE_RISKS = """
## Risks
- The payment provider's sandbox differs from production.
- Card-on-file volume could exceed the provider's rate limit during the holiday sale.
- Holiday traffic: the provider raised our limit to 200 rps and we queue saves (owner: @lee).
"""


def test_flags_each_risk_without_a_response() -> None:
    findings = lint_risk("RK002", BARE_RISKS)
    assert lines(findings) == [2, 3]
    assert "'The payment provider's sandbox differs from production.'" in findings[0].message


def test_a_section_where_no_risk_has_a_response_is_reported_once() -> None:
    text = BARE_RISKS.rsplit("- Holiday", 1)[0]
    findings = lint_risk("RK002", text)
    assert lines(findings) == [1]
    assert "none of the 2 risks" in findings[0].message
    assert lines(lint_risk("RK002", text, group=False)) == [2, 3]


def test_a_mitigation_in_a_nested_bullet_counts() -> None:
    text = """
    ## Risks and mitigations
    - Holiday traffic exceeds the provider's rate limit.
      - Mitigation: queue saves and retry with backoff; limit raised to 200 rps.
    - The sandbox differs from production.
      - Owner: @dana
    """
    assert lint_risk("RK002", text) == []


def test_table_with_a_mitigation_column_needs_the_cell_filled() -> None:
    text = """
    ## Risks
    | Risk | Likelihood | Mitigation |
    |------|------------|------------|
    | Sandbox differs from production | medium | First 1% of traffic behind a feature flag |
    | Rate limit during the holiday sale | high | TBD |
    | Token format changes | low | - |
    """
    findings = lint_risk("RK002", text)
    assert lines(findings) == [5, 6]
    assert findings[0].span.start.column == 3


def test_an_owner_column_is_a_response() -> None:
    text = """
    ## Risks
    | Risk | Owner |
    |------|-------|
    | Provider outage during launch week | @lee |
    """
    assert lint_risk("RK002", text) == []


def test_an_accepted_risk_is_a_decision() -> None:
    text = """
    ## Risks
    - Saved cards expire silently. Accepted: the provider notifies the customer by email.
    """
    assert lint_risk("RK002", text) == []


def test_label_and_response_in_a_mitigations_section() -> None:
    text = """
    ## Risks and mitigations
    - **Deployment failures**: automatic stage-level rollback.
    - **Data loss**: point-in-time recovery for the cards table.
    - **Vendor outage**: the provider could go down during the sale.
    """
    findings = lint_risk("RK002", text)
    assert lines(findings) == [4]  # the text after the label only describes the risk


def test_risk_and_mitigation_paragraph_pairs() -> None:
    text = """
    ## Risks & Mitigations

    **Risk**: Git behaviour varies across versions
    **Mitigation**: document the minimum version and test against it

    **Risk**: URL parsing misses some formats

    Some closing remark.
    """
    findings = lint_risk("RK002", text)
    assert lines(findings) == [6]


def test_a_prose_risks_section_is_read_as_a_whole() -> None:
    text = """
    ## Risks

    The main risk is another tuning knob nobody understands. Operators already work around the
    missing knob with ballast allocations.
    """
    findings = lint_risk("RK002", text)
    assert lines(findings) == [1]
    assert "'Risks' section" in findings[0].message
    mitigated = text.replace("ballast allocations.", "ballast allocations; we mitigate this with documentation.")
    assert lint_risk("RK002", mitigated) == []


def test_drawbacks_and_trade_offs_are_not_risk_registers() -> None:
    text = """
    ## Drawbacks
    - The syntax is harder to read.

    ## Trade-offs and mitigations
    - Larger binaries.
    """
    assert lint_risk("RK002", text) == []


def test_a_subsection_per_risk() -> None:
    text = """
    ## Risks
    ### Provider lock-in
    Moving off the provider means re-collecting every card.
    ### Double charges
    A retried save could charge twice; saves are idempotent by request id.
    """
    findings = lint_risk("RK002", text)
    assert lines(findings) == [2]
    assert "'Provider lock-in'" in findings[0].message


def test_assumptions_sharing_the_heading_need_no_mitigation() -> None:
    text = """
    ## Assumptions and risks
    - Customers use a card the provider supports.
    - The provider's tokenisation API stays at version 2023-10.
    - The provider's migration of EU cards could slip past our launch.
    """
    assert lines(lint_risk("RK002", text)) == [4]


def test_a_mitigation_in_the_next_paragraph_counts() -> None:
    text = """
    ## Risks and Mitigations

    **Risk**: An upgrade could leave the old certificate authority in place.

    *Mitigation*: the operator rotates both bundles and an e2e test covers the upgrade.

    **Risk: Security downgrade if weak parameters are allowed**

    *Mitigation:*
    - Minimum parameters are RSA 2048 and ECDSA P-256.
    - Future versions can raise the minimums.
    """
    assert lint_risk("RK002", text) == []


def test_a_mitigation_in_the_same_sentence_counts() -> None:
    text = """
    ## Risks
    - Rotating several trust chains might be more complex, but this won't be a problem as the rotation is automated.
    - The cache could grow without end; its size is bounded by the number of namespaces.
    """
    assert lint_risk("RK002", text) == []


def test_bullets_under_a_mitigation_lead_in_are_responses() -> None:
    text = """
    ## Risks
    The refactoring could break the layout of other pages.

    Above risks will be mitigated by:
    - Make incremental changes
    - Test after each modification
    """
    assert lint_risk("RK002", text) == []


def test_nested_text_under_a_risk_in_a_risks_and_mitigations_section_is_its_response() -> None:
    text = """
    ## Risks and Mitigations
    - Pods stay gated when the placement controller is down
      - If the controller cannot be recovered, the scheduling gate is removed by hand.
    """
    assert lint_risk("RK002", text) == []


def test_a_product_feature_called_risk_and_controls_is_not_a_risk_section() -> None:
    text = """
    ## Features
    ### Risk & controls
    - Position limits per account could be exceeded by a burst of orders.
    """
    assert lint_risk("RK002", text) == []
    assert lint_risk("RK002", "## Risk & controls\n- Daily loss limit per strategy.\n") == []


def test_the_cons_of_an_adr_option_are_trade_offs_not_risks() -> None:
    text = """
    ## Considered Options
    ### Option 2: a shared database
    #### Risks
    - Teams could block each other on schema changes.
    """
    assert lint_risk("RK002", text) == []


def test_a_prose_risks_section_that_names_no_risk_is_not_reported() -> None:
    assert lint_risk("RK002", "## Risks and Mitigations\nN/A\n") == []
    assert lint_risk("RK002", "## Risks and Mitigations\nSee [KEP-4639](https://example.com/kep).\n") == []
    text = "## Risks and Mitigations\nThe new flag could break existing clusters on upgrade.\n"
    assert lines(lint_risk("RK002", text)) == [1]


def test_a_risk_mitigation_section_lists_responses() -> None:
    text = """
    ## Risk Mitigation
    - Make incremental changes
    - Keep backups of working code
    """
    assert lint_risk("RK002", text) == []


def test_an_item_saying_what_will_be_done_is_a_response_under_risks_and_mitigations() -> None:
    text = """
    ## Risks and Mitigations
    - Every team should confirm whether their components read the old bundle.
    - N/A
    - Wrong IP allocations can brick a cluster's network.
    """
    assert lines(lint_risk("RK002", text)) == [4]


def test_kep_risks_and_mitigations_are_left_to_kep_review() -> None:
    # A KEP's "Risks and Mitigations" is discussed in its review; judged findings there were noise.
    assert lint_risk("RK002", BARE_RISKS, profile="kep") == []


def test_risk_and_mitigation_pairs_of_items() -> None:
    text = """
    ## Risks and Mitigations
    - R: Changing the command's behaviour can disrupt current users.
    - M: Announce the change a release ahead and keep the old flag.
    - Local paths can leak into git. Keep local variants ignored.
    - Wrong IP allocations can brick a cluster's network.
    """
    assert lines(lint_risk("RK002", text)) == [5]


def test_a_question_answered_in_its_item_is_not_a_risk() -> None:
    text = """
    ## Risks
    - Is anything in the script specific to one cloud?
      A: No, cloud-init handles the disk layout on every provider.
    """
    assert lint_risk("RK002", text) == []


def test_mitigations_given_in_a_paragraph_of_the_section_answer_its_risks() -> None:
    text = """
    ## Risks
    - Time crunch: the change was postponed several times.
    - Code size may grow with every instantiation.

    Mitigation: the spec type changes are deferred to future work, and shapes are shared.
    """
    assert lint_risk("RK002", text) == []


def test_a_risk_subsection_that_says_what_will_happen_is_answered() -> None:
    text = """
    ## Risks and Mitigations
    ### The type might not fit every provider
    Adopting it early will let other providers give feedback before beta.
    """
    assert lint_risk("RK002", text) == []
