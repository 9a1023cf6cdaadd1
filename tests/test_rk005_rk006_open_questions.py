"""RK005 open-question-without-owner and RK006 open-questions-in-approved-spec."""

import textwrap

from risk_support import lines, lint_risk

QUESTIONS = """
## Open questions
- Do refunds go back to the saved card or to store credit?
- Should we keep cards of closed accounts? Owner: @maria
- Which regions launch first? Due 2026-12-05.
- ~~Do we support Amex?~~ Yes, from day one.
- [x] Do we need a new consent screen?
- Who signs off the copy? @lee to confirm before beta.
"""


def test_flags_questions_without_owner_date_or_decision() -> None:
    findings = lint_risk("RK005", QUESTIONS)
    assert lines(findings) == [2]
    assert "'Do refunds go back to the saved card or to store credit?'" in findings[0].message


def test_a_section_where_no_question_has_an_owner_is_reported_once() -> None:
    text = """
    ## Open questions
    - Do refunds go back to the saved card?
    - Do we support Amex?
    - Which regions launch first?
    """
    findings = lint_risk("RK005", text)
    assert lines(findings) == [1]
    assert "none of the 3 open questions" in findings[0].message
    assert lines(lint_risk("RK005", text, group=False)) == [2, 3, 4]


def test_a_duration_in_the_question_is_not_a_due_date() -> None:
    text = """
    ## Open questions
    - How many days do we keep declined cards?
    """
    assert lines(lint_risk("RK005", text)) == [2]


def test_question_table_with_owner_column() -> None:
    text = """
    ## Unresolved questions
    | Question | Owner | Due |
    |----------|-------|-----|
    | Refund destination? | @maria | 2026-12-05 |
    | Closed-account cards? | | |
    """
    findings = lint_risk("RK005", text)
    assert lines(findings) == [5]
    assert findings[0].span.start.column == 3


def test_prose_questions_are_each_paragraph_ending_with_a_question_mark() -> None:
    text = """
    ## Open questions

    Should saved cards sync across devices?

    We have not decided on the retention period. Decision expected from legal (owner: @ana).
    """
    assert lines(lint_risk("RK005", text)) == [3]


def test_none_is_not_a_question() -> None:
    assert lint_risk("RK005", "## Open questions\n- None.\n") == []
    assert lint_risk("RK005", "## Open questions\n\nNone so far.\n") == []


def test_a_combined_heading_uses_its_questions_subsection() -> None:
    text = """
    ## Open questions and future work
    ### Open questions
    - Should we support hotfixes?
    ### Future enhancements
    - Multi-region deploys.
    """
    assert lines(lint_risk("RK005", text)) == [3]


def test_rust_rfc_unresolved_questions_are_skipped_by_default() -> None:
    text = "## Unresolved questions\n- Should the lint be on by default?\n"
    assert lint_risk("RK005", text, profile="rust-rfc") == []
    assert len(lint_risk("RK005", text, profile="prd")) == 1


APPROVED = """
---
title: Saved payment methods
status: Approved
---
# Saved payment methods

## Open questions
- Do refunds go back to the saved card? Owner: @maria, due 2026-12-05.
- Do we support Amex? Decision: yes, from day one.
- [x] New consent screen?
"""


def test_approved_spec_with_an_open_question() -> None:
    findings = lint_risk("RK006", APPROVED)
    assert lines(findings) == [8]
    assert "status is 'Approved' (line 3)" in findings[0].message


def test_draft_spec_may_have_open_questions() -> None:
    assert lint_risk("RK006", APPROVED.replace("status: Approved", "status: draft")) == []


def test_no_front_matter_no_finding() -> None:
    assert lint_risk("RK006", "## Open questions\n- Refund destination?\n") == []


def test_approved_statuses_option() -> None:
    text = APPROVED.replace("status: Approved", "status: ready")
    assert lint_risk("RK006", text) == []
    assert len(lint_risk("RK006", text, **{"approved-statuses": ["ready"]})) == 1


def test_approved_spec_with_nothing_left_open() -> None:
    text = APPROVED.split("## Open questions")[0] + "## Open questions\nNone.\n"
    assert lint_risk("RK006", text) == []


SPEC_KIT = """
# Feature Specification: Saved cards

**Feature Branch**: `004-saved-cards`
**Created**: 2026-11-02
**Status**: Ready for Implementation

## Open questions
- Should saved cards sync across devices?
"""


def test_a_status_line_at_the_top_of_the_body_counts() -> None:
    findings = lint_risk("RK006", SPEC_KIT)
    assert lines(findings) == [8]
    assert "Status is 'Ready for Implementation' (line 5)" in findings[0].message


def test_a_status_line_deep_in_the_document_does_not_count() -> None:
    text = SPEC_KIT.replace("**Status**: Ready for Implementation", "**Status**: Draft")
    text += "\n## Checklist\n**Status**: Complete\n"
    assert lint_risk("RK006", text) == []


def test_body_status_can_be_turned_off() -> None:
    assert lint_risk("RK006", SPEC_KIT, **{"body-status": False}) == []


def test_status_with_a_date_or_emoji_still_reads_as_approved() -> None:
    text = SPEC_KIT.replace("Ready for Implementation", "✅ Complete (2026-11-30)")
    assert len(lint_risk("RK006", text)) == 1


def test_words_a_question_asks_about_are_not_answers() -> None:
    text = """
    ## Open questions
    - Do we keep cards of closed accounts?
    - We still need to decide whether refunds are done by support or automatically.
    - Who is responsible for chargebacks? Owner: @finance-lead
    - Which currency do payouts use? This needs to be answered before we sign the contract.
    - Do refunds reach the card? No owner yet.
    """
    assert lines(lint_risk("RK005", text)) == [2, 3, 5, 6]


def test_labelled_answers_close_a_question() -> None:
    text = """
    ## Open questions
    - Amex support? Decision: yes, from day one.
    - Store credit? Outcome — no, refunds always go to the card.
    - Apple Pay? Closed: out of this spec.
    """
    assert lint_risk("RK005", text) == []


STATUS_TABLE = """
## Open questions
| # | Question | Status |
|---|----------|--------|
| 1 | Refund destination? | Resolved |
| 2 | Amex support? | Open |
| 3 | Apple Pay? | ✅ |
"""


def test_a_status_column_closes_a_row_only_when_it_says_so() -> None:
    assert lines(lint_risk("RK005", STATUS_TABLE)) == [5]
    approved = "---\nstatus: approved\n---\n" + STATUS_TABLE.lstrip("\n")
    assert lines(lint_risk("RK006", approved)) == [8]


def test_none_required_at_this_time_is_not_an_open_question() -> None:
    for answer in ("- None required at this time.", "- No open questions at the moment.", "- All questions have been resolved."):
        assert lint_risk("RK005", f"## Open questions\n{answer}\n") == []


def test_a_question_heading_whose_section_answers_it_is_settled() -> None:
    text = """
    ## Open questions
    ### Do we need a ServiceMeshMember resource?
    No: the operator adds the namespace to the member roll itself.
    """
    assert lint_risk("RK005", text) == []


def test_lead_ins_and_answers_between_questions_are_not_questions() -> None:
    text = """
    ## Open questions
    1. How are the audit logs shipped off the node?

    - Should must-gather collect the logs?
    - CURRENT ANSWER: yes, must-gather collects everything under /var/log/ovn.

    2. Based on the answer to question 1:

    - I think it will be configurable at runtime, after some testing.
    """
    assert lines(lint_risk("RK005", text, group=False)) == [2]


def test_an_approved_spec_reports_its_open_questions_once() -> None:
    text = """
    ---
    status: approved
    ---
    # Saved cards
    ## Open questions
    - Do refunds go back to the card?
    """
    assert lint_risk("RK005", text) == []
    assert len(lint_risk("RK006", text)) == 1


IMPLEMENTABLE = """
---
title: Spot instance pools
status: implementable
---
# Spot instance pools

## Open Questions
"""


def implementable(questions: str) -> str:
    """An implementable enhancement whose Open Questions section holds `questions` (dedented)."""
    return IMPLEMENTABLE + textwrap.dedent(questions).lstrip("\n")


def test_a_question_answered_by_the_sentence_after_it_is_settled() -> None:
    text = implementable("""
    1. Can the pool controller read every MachineSet in the cluster?
       The assumption is yes - controllers of this kind already need that access.
    2. How do we drain a spot node when its reclaim notice arrives?
       We won't drain it - the node is cordoned and the scheduler moves new pods elsewhere.
    """)
    assert lint_risk("RK006", text) == []


def test_a_question_followed_by_discussion_that_is_not_an_answer_stays_open() -> None:
    text = implementable("""
    1. Should the pool size be a field of the Machine API? This affects upgrades and needs alignment with the installer.
    """)
    assert lines(lint_risk("RK006", text)) == [8]


def test_we_will_need_to_decide_is_not_an_answer() -> None:
    text = implementable("""
    - Which zones get spot pools first? We will need to decide before tech preview.
    """)
    assert lines(lint_risk("RK006", text)) == [8]


def test_a_question_deferred_to_a_later_proposal_is_decided() -> None:
    text = implementable("""
    1. **Removal of the old field.** Should `spec.legacyPool` stay as a deprecated field or go in the next
       API version? This proposal keeps it and defers the removal decision to a separate proposal.
    2. **Custom images for spot nodes?** Defer to post-GA, depending on demand.
    """)
    assert lint_risk("RK006", text) == []


def test_a_nested_answer_under_the_following_item_settles_the_question() -> None:
    text = implementable("""
    1. Where are the reclaim events recorded?

    - Today node events go to the node journal. Should reclaim events do the same?
      - CURRENT ANSWER: yes, they are written to /var/log/spot on the node.
    """)
    assert lint_risk("RK006", text) == []


def test_the_templates_example_under_for_instance_is_not_a_question() -> None:
    text = implementable("""
    This is where to call out areas of the design that require closure before deciding
    to implement the design.  For instance,
     > 1. This requires exposing the pool credentials to every namespace.  Can we do this?
    """)
    assert lint_risk("RK006", text) == []


def test_a_list_discussing_a_question_asked_in_prose_is_not_a_list_of_questions() -> None:
    text = implementable("""
    **How do we keep the community pool operator out of the new catalogs?** We do not want two operators there.

    * For now both operators will be listed and that is acceptable.
    """)
    assert lint_risk("RK006", text) == []


def test_a_question_about_how_often_users_will_use_the_feature_is_not_a_decision() -> None:
    text = implementable("""
    How often will cluster administrators turn spot pools on for production workloads?
    """)
    assert lint_risk("RK006", text) == []


def test_a_sibling_questions_own_answer_does_not_settle_the_question_before_it() -> None:
    text = implementable("""
    - Where are the reclaim events recorded?
    - Do reclaim events reach the cluster audit log?
      - CURRENT ANSWER: yes, through the node audit forwarder.
    """)
    assert lines(lint_risk("RK006", text)) == [8]
