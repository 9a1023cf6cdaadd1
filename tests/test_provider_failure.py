"""EH004 provider-failure-unhandled: a named provider is called and its failure is never addressed."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, requires_corpus, spans

from speclint.api import lint_text

# --- the shapes a provider is named in ---------------------------------------------------------


def test_flags_a_provider_named_in_a_sentence() -> None:
    text = """
    # Reorder

    ## Flow

    The customer clicks Reorder and we charge the saved card through Stripe.
    """
    findings = lint_with("EH004", text)
    assert spans(findings) == [(5, 66)]
    assert "Stripe (payment)" in findings[0].message


def test_flags_a_provider_behind_a_bold_label() -> None:
    text = """
    # Sign-in codes

    ## Stack

    - **SMS:** Twilio sends the one-time code.
    """
    assert spans(lint_with("EH004", text)) == [(5, 12)]


def test_flags_a_provider_in_a_table_cell() -> None:
    text = """
    # Receipts

    ## Providers

    | Duty | Provider |
    |------|----------|
    | Receipts | Postmark |
    """
    assert spans(lint_with("EH004", text)) == [(7, 14)]


def test_flags_a_provider_named_in_a_heading() -> None:
    text = """
    # Exports

    ## SFTP drop

    Every night the ledger is written to the partner's server.
    """
    assert spans(lint_with("EH004", text)) == [(3, 4)]


def test_flags_an_ears_criterion_with_no_if_then_for_the_call() -> None:
    text = """
    # Requirements Document

    ### Requirement 1: Receipts

    #### Acceptance Criteria

    1. WHEN an order is placed, THE Shop SHALL send a receipt through SendGrid.
    """
    assert spans(lint_with("EH004", text)) == [(7, 67)]


def test_reports_once_and_names_the_other_providers() -> None:
    text = """
    # Reorder

    ## Flow

    1. We charge the saved card through Stripe.
    2. We text the delivery date with Twilio.
    3. The invoice PDF is stored in S3.
    """
    findings = lint_with("EH004", text)
    assert len(findings) == 1
    assert "Twilio (line 6)" in findings[0].message and "S3 (line 7)" in findings[0].message


# --- traps: failure is handled, or the provider is not called -------------------------------------


def test_accepts_failure_handling_written_as_prose_elsewhere() -> None:
    text = """
    # Sign-in codes

    ## Flow

    Twilio sends the one-time code to the phone number on file.

    ## Behaviour

    When the code does not arrive within 60 seconds, the user may ask for a new one; after three
    undelivered codes we offer an email instead.
    """
    assert lint_with("EH004", text) == []


def test_accepts_failure_in_the_section_that_calls_the_provider() -> None:
    text = """
    # Checkout

    ## Payment

    The customer pays with Stripe.

    Declined cards keep the cart and show the issuer's reason.
    """
    assert lint_with("EH004", text) == []


def test_accepts_errors_given_in_a_summary_table() -> None:
    text = """
    # Receipts

    Receipts are sent through Mailgun.

    | Situation | Error message |
    |-----------|---------------|
    | Address rejected | "Check your email address" |
    """
    assert lint_with("EH004", text) == []


def test_accepts_a_provider_named_only_as_a_rejected_alternative() -> None:
    text = """
    # Payouts

    ## Design

    Payouts go through our bank's API; a failed payout is retried the next business day.

    ## Alternatives considered

    Stripe Connect: rejected for its fees.
    """
    assert lint_with("EH004", text) == []


def test_accepts_a_provider_named_only_to_be_replaced() -> None:
    text = """
    # Email migration

    ## Plan

    We move the newsletter off the old server, instead of Mailgun, to the in-house relay.
    """
    assert lint_with("EH004", text) == []


def test_does_not_read_a_rejected_alternative_as_failure_handling() -> None:
    text = """
    # Checkout

    ## Flow

    The customer pays with Stripe.

    ## Notes

    We considered PayPal but it was rejected.
    """
    assert spans(lint_with("EH004", text)) == [(5, 24)]


def test_skips_proposals() -> None:
    text = """
    # KEP-1234: Snapshot export

    ## Summary

    Snapshots are exported to S3.

    ## Motivation

    Operators want off-site copies.

    ## Proposal

    A controller uploads each snapshot to S3.

    ## Design Details

    The controller streams the archive.

    ## Graduation Criteria

    Alpha: behind a feature gate.
    """
    assert lint_text(md_text(text), path="keps/1234-snapshot-export/README.md", select=["EH004"],
                     preview=True, isolated=True) == []


def md_text(text: str) -> str:
    from conftest import md

    return md(text)


# --- damage tests on a real document ------------------------------------------------------------

KIRO_WORKER = "kiro/staneslevski__kiro-autonomous-build__.kiro__specs__kiro-codebuild-worker__requirements.md"


@requires_corpus
def test_a_real_kiro_spec_that_handles_failure_is_not_flagged() -> None:
    text = (CORPUS / KIRO_WORKER).read_text(encoding="utf-8")
    assert lint_text(text, path="requirements.md", select=["EH004"], preview=True, isolated=True) == []


@requires_corpus
def test_deleting_the_failure_criteria_of_a_real_kiro_spec_is_found(tmp_path: Path) -> None:
    lines = (CORPUS / KIRO_WORKER).read_text(encoding="utf-8").splitlines()
    # Keep the S3 upload criterion; delete every line that speaks of failure (the damage).
    kept = [line for line in lines if not _speaks_of_failure(line)]
    damaged = tmp_path / "requirements.md"
    damaged.write_text("\n".join(kept) + "\n", encoding="utf-8")
    findings = lint_text(damaged.read_text(encoding="utf-8"), path=str(damaged), select=["EH004"],
                         preview=True, isolated=True)
    upload = next(index for index, line in enumerate(kept, 1) if "upload build artifacts to S3" in line)
    assert [(f.span.start.line, f.span.start.column) for f in findings] == [
        (upload, kept[upload - 1].index("S3") + 1)]


def _speaks_of_failure(line: str) -> bool:
    from speclint.reading.operations import FAILURE_HANDLING, PROVIDER_FAILURE

    return bool(FAILURE_HANDLING.search(line) or PROVIDER_FAILURE.search(line))


def test_an_ears_criterion_calling_an_unhandled_provider_is_reported_once_by_eh004() -> None:
    text = """
    # Requirements Document

    ### Requirement 1: Receipts

    #### Acceptance Criteria

    1. WHEN an order is placed, THE Shop SHALL upload the receipt to S3.
    """
    assert len(lint_with("EH004", text)) == 1
    assert lint_with("EH003", text, path="requirements.md") == []


def test_the_same_ears_criterion_without_a_provider_stays_eh003s() -> None:
    text = """
    # Requirements Document

    ### Requirement 1: Receipts

    #### Acceptance Criteria

    1. WHEN an order is placed, THE Shop SHALL upload the receipt to the archive.
    """
    assert lint_with("EH004", text) == []
    assert len(lint_with("EH003", text, path="requirements.md")) == 1


# --- searching only the patterns a document can match ------------------------------------------


def test_only_patterns_whose_words_occur_in_the_document_are_searched_piece_by_piece() -> None:
    from speclint.document.parser import parse
    from speclint.document.text import iter_prose
    from speclint.reading.operations import PROVIDERS, present_in

    document = parse("# Receipts\n\nWe send the receipt through SES.\n\nThe order page lists the items.\n")
    kinds = {kind for kind, _pattern in present_in(list(iter_prose(document)), PROVIDERS)}
    assert "email" in kinds  # SES
    assert "SMS" not in kinds  # no SMS brand anywhere


def test_a_provider_in_a_later_paragraph_is_still_found_when_the_first_names_none() -> None:
    text = """
    # Reorder

    ## Flow

    The customer opens the order history.

    Then we charge the saved card through Stripe.
    """
    assert spans(lint_with("EH004", text)) == [(7, 39)]
