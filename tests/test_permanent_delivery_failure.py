"""EH007 permanent-delivery-failure-unhandled: email or push sent through a provider whose failures
the spec retries, with no word on bounces, complaints or dead device tokens. Fixtures written for
these tests, and a damage test on a real PRD."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, requires_corpus, spans

from speclint.api import lint_text


def test_flags_email_whose_failures_are_only_retried() -> None:
    text = """
    # Receipts

    ## Delivery

    Receipts are emailed through Postmark. A send that fails with a provider error is retried three
    times with backoff.
    """
    findings = lint_with("EH007", text)
    assert spans(findings) == [(5, 30)]
    assert "bounces and complaints" in findings[0].message


def test_flags_push_with_no_word_on_dead_tokens() -> None:
    text = """
    # Reminders

    ## Delivery

    Reminders are pushed through OneSignal; a send that times out is queued and retried hourly.
    """
    findings = lint_with("EH007", text)
    assert spans(findings) == [(5, 30)]
    assert "device tokens" in findings[0].message


def test_accepts_a_bounce_policy() -> None:
    text = """
    # Receipts

    ## Delivery

    Receipts are emailed through Postmark. A send that fails is retried three times; a hard bounce
    puts the address on the suppression list.
    """
    assert lint_with("EH007", text) == []


def test_accepts_a_send_the_provider_rejects() -> None:
    text = """
    # Reminders

    Reminders are pushed through OneSignal. If OneSignal rejects a reminder or times out, it stays
    in the app's inbox.
    """
    assert lint_with("EH007", text) == []


def test_accepts_a_failed_push_sent_by_another_channel_in_a_failure_table() -> None:
    text = """
    # Shift swaps

    ## Delivery

    Swap offers are pushed to the nurse's phone through APNs.

    | Channel | Failure | What we do |
    |---|---|---|
    | APNs push | error, or not opened within 5 min | Send the same offer by SMS |
    """
    assert lint_with("EH007", text) == []


def test_a_fallback_channel_for_another_send_says_nothing_of_the_push() -> None:
    text = """
    # Shift swaps

    ## Delivery

    Swap offers are pushed to the nurse's phone through APNs; a push that times out is retried once.
    If the confirmation email fails, the confirmation is sent by SMS.
    """
    assert spans(lint_with("EH007", text)) == [(5, 53)]


def test_leaves_a_provider_with_no_failure_handling_to_eh004() -> None:
    text = """
    # Receipts

    Receipts are emailed through Postmark.
    """
    assert lint_with("EH007", text) == []
    assert spans(lint_with("EH004", text)) == [(3, 30)]


def test_a_rejected_alternative_is_no_rejected_send() -> None:
    text = """
    # Receipts

    ## Delivery

    Receipts are emailed through Postmark; a send that fails is retried three times.

    ## Alternatives considered

    - Sending from our own SMTP relay. Rejected: deliverability.
    """
    assert spans(lint_with("EH007", text)) == [(5, 30)]


PLATFORM_PRD = "prds/0al-spec__Platform__PRD.md"


@requires_corpus
def test_an_email_step_with_only_a_retry_added_to_a_real_prd_is_found(tmp_path: Path) -> None:
    lines = (CORPUS / PLATFORM_PRD).read_text(encoding="utf-8").split("\n")
    path = tmp_path / "prd.md"
    assert [f for f in lint_text("\n".join(lines), path, isolated=True) if f.rule_id == "EH007"] == []
    added = ["## Notifications", "",
             "Each answered question is emailed to the asker through SendGrid; a failed send is retried twice.", ""]
    lines = lines + [""] + added
    line = len(lines) - 1
    found = [(f.span.start.line, f.span.start.column) for f in lint_text("\n".join(lines), path, isolated=True)
             if f.rule_id == "EH007"]
    assert found == [(line, lines[line - 1].index("SendGrid") + 1)]
