"""`speclint.document.words`: the capitalised-word index answers exactly as a substring test."""

from __future__ import annotations

import re

import pytest

from speclint.document.text import could_match as could_match_by_scan
from speclint.document.words import CapitalisedWords, brand_literals, could_match
from speclint.reading.operations import GENERIC_PROVIDERS, PROVIDERS

TEXT = ("We pay through McStripe and HashMap; the SES relay sends mail. Customer.io is not used, "
        "but Pub/Sub is, and GPT-4 and M-Pesa, and a CustomerX record. Überweisung per Stripe-Konto.")

LITERALS = ["Stripe", "McStripe", "Map", "HashMap", "SES", "ES", "S", "Customer.io", "Customer", "CustomerX",
            "Pub/Sub", "Pub", "GPT-4", "GPT-3", "GPT", "M-Pesa", "M-P", "Pesa", "Stripe-Konto", "Twilio",
            "Stripes", "Überweisung", "relay", "sends mail", "", "X", "Sub", "O", "Customer.com"]


@pytest.mark.parametrize("literal", LITERALS)
def test_holds_answers_as_the_substring_test(literal: str) -> None:
    assert CapitalisedWords(TEXT).holds(literal) == (literal in TEXT)


def test_holds_any_is_true_when_one_literal_occurs() -> None:
    words = CapitalisedWords(TEXT)
    assert words.holds_any(("Twilio", "Plivo", "Stripe"))
    assert not words.holds_any(("Twilio", "Plivo", "Vonage"))


def test_a_capital_inside_a_word_starts_a_tail() -> None:
    assert CapitalisedWords("the camelCaseStripe field").holds("Stripe")


def test_a_list_of_brands_longer_than_the_prefilter_limit_is_read_whole() -> None:
    payment_brands = brand_literals(PROVIDERS[0][1])
    assert payment_brands is not None and len(payment_brands) > 40 and "Stripe" in payment_brands


def test_case_insensitive_patterns_have_no_brand_literals() -> None:
    assert brand_literals(re.compile(r"\bpayment\s+gateway\b", re.I)) is None


@pytest.mark.parametrize("text", [TEXT, "Our payment gateway posts to the Halvard Bank payments API.",
                                  "Pay with Apple Pay or Klarna.", "No provider here at all.",
                                  "the SMS gateway and Amazon SNS", "Checkout.com and Authorize.net"])
def test_could_match_never_drops_a_pattern_that_matches(text: str) -> None:
    words = CapitalisedWords(text)
    for _kind, pattern in (*PROVIDERS, *GENERIC_PROVIDERS):
        if pattern.search(text):
            assert could_match(pattern, text, words)
        if could_match_by_scan(pattern, text) is False:
            assert could_match(pattern, text, words) is False  # never keeps what the scan drops


def test_the_payment_brands_are_dropped_from_a_text_without_them() -> None:
    text = "The scheduler retries the job."
    assert not could_match(PROVIDERS[0][1], text, CapitalisedWords(text))


def test_every_brand_literal_on_a_corpus_document_is_answered_as_the_substring_test() -> None:
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "rust-rfcs" / "text" / "3935-Project-Goals-2026.md"
    if not path.is_file():
        pytest.skip("the corpus is not here")
    text = path.read_text(encoding="utf-8")
    words = CapitalisedWords(text)
    literals = {literal for _kind, pattern in PROVIDERS for literal in brand_literals(pattern) or ()}
    literals |= {run for run in re.findall(r"[A-Z][\w.-]{0,12}", text)}  # the document's own words, and pieces
    assert all(words.holds(literal) == (literal in text) for literal in literals)


@pytest.mark.parametrize("text", ["Our SMS Gateway sends it.", "the ISSUER's API", "İstanbul bank's API",
                                  "no provider", "a text message provider", "ſms provider"])
def test_could_match_of_other_patterns_answers_as_the_scan(text: str) -> None:
    words = CapitalisedWords(text)
    for _kind, pattern in GENERIC_PROVIDERS:
        assert could_match(pattern, text, words) == could_match_by_scan(pattern, text)
