"""`speclint.reading.holding.PiecesHolding`: the pieces it leaves out are those in which a pattern
cannot match, so asking only the others (EH004's provider mentions, PH005's hints) answers as asking
every piece."""

from __future__ import annotations

import re

import pytest

from speclint.document.parser import parse
from speclint.document.text import find_all, iter_prose, searched_text
from speclint.engine.rule import RuleContext
from speclint.reading.holding import PiecesHolding, all_literals_of
from speclint.reading.operations import GENERIC_PROVIDERS, PROVIDERS, provider_mentions, provider_mentions_in
from speclint.rules.placeholder.filler_text import _FILLER_PARAGRAPH, _HINTS, FillerText, _hints_by_piece

PIECES = [
    "We charge the card through Stripe.",
    "Nothing here.",
    "The İstanbul office sends an SMS through Twilio",  # lowers to a longer text
    "API",
    "calls the Orders API when",
    "",
    "Owner: [Name]",
    "said [NAME], in [CITY]",
    "Insert the logo\nhere",
    "a line ending with a colon:",
    "[see below]",
    "Coming soon.",
]


def _pieces_matching(pattern: re.Pattern[str], texts: list[str]) -> list[int]:
    return [index for index, text in enumerate(texts) if pattern.search(text)]


@pytest.mark.parametrize("kind, pattern", [*PROVIDERS, *GENERIC_PROVIDERS, *((None, hint) for hint in _HINTS)])
def test_every_piece_a_pattern_matches_in_is_held(kind: str | None, pattern: re.Pattern[str]) -> None:
    holding = PiecesHolding(PIECES)
    found = holding.holding(pattern)
    kept = range(len(PIECES)) if found is None else found
    assert set(_pieces_matching(pattern, PIECES)) <= set(kept)
    assert set(_pieces_matching(pattern, PIECES)) <= set(holding.matching(pattern))


def test_holding_is_each_pieces_own_literal_test() -> None:
    """Without a literal across two pieces, the pieces held are exactly those holding a literal."""
    holding = PiecesHolding(PIECES)
    for _kind, pattern in (*PROVIDERS, *GENERIC_PROVIDERS):
        literals = all_literals_of(pattern)
        assert literals is not None
        needed, folded = literals
        expected = [index for index, text in enumerate(PIECES)
                    if any(literal in (text.lower() if folded else text) for literal in needed)]
        assert holding.holding(pattern) == expected


def test_a_literal_lowered_past_a_longer_character_is_found_in_its_own_piece() -> None:
    holding = PiecesHolding(["İİİİ", "the sms"])
    assert holding.lowered()[0] == "iiii\nthe sms"
    assert holding.holding(re.compile(r"\bsms\b", re.I)) == [1]


def test_a_match_across_two_pieces_counts_for_both() -> None:
    holding = PiecesHolding(["Owner:", "[Name]", "nothing"])
    assert holding.matching(re.compile(r"[:\]]\s*[\[<]")) == [0, 1]
    assert holding.holding(re.compile("er:\n\\[Na")) == [0, 1]  # a literal across the newline between them


def test_no_pieces_hold_nothing() -> None:
    holding = PiecesHolding([])
    assert holding.holding(PROVIDERS[0][1]) == []
    assert holding.matching(re.compile("x")) == []


SPEC = """# Checkout

## Payment

We charge the card through Stripe and send the receipt through Postmark. The Orders API is called
when a basket is paid.

| System | Called for |
|---|---|
| Sift API | fraud score |

## Non-goals

We do not use PayPal.

## Owner

Owner: [Name]

Insert the diagram here, said [NAME] in [CITY].

Coming soon.
"""


def _provider_mentions_of_every_piece(document, body_only: bool) -> list:
    """What `provider_mentions_in` gave before: every kept piece asked, with `present_in`'s patterns."""
    from speclint.document.model import Table
    from speclint.reading.operations import (_lists_calls, _own_api, describes_tests, framing_section, present_in,
                                             skipped_section)

    pieces = [piece for piece in iter_prose(document)
              if not skipped_section(piece.section) and not describes_tests(piece.section)
              and not (body_only and (piece.kind == "heading" or framing_section(piece.section)))]
    patterns = present_in(pieces, (*PROVIDERS, *GENERIC_PROVIDERS))
    listing = {id(cell) for _section, block in document.iter_blocks() if isinstance(block, Table) and _lists_calls(block)
               for row in block.rows for cell in row}
    mentions = [mention for piece in pieces
                for mention in provider_mentions(piece.segments, patterns, id(piece.block) in listing)]
    return [mention for mention in mentions if not _own_api(document, mention)]


@pytest.mark.parametrize("body_only", [False, True])
def test_provider_mentions_in_answers_as_asking_every_piece(body_only: bool) -> None:
    expected = _provider_mentions_of_every_piece(parse(SPEC, "spec.md"), body_only)
    assert expected  # (the fixture names providers)
    assert provider_mentions_in(parse(SPEC, "spec.md"), body_only=body_only) == expected


def test_filler_text_answers_as_asking_every_piece() -> None:
    document = parse(SPEC, "spec.md")
    pieces = list(iter_prose(document))
    holding = PiecesHolding(["\n".join(segment.text for segment in piece.segments) for piece in pieces])
    hints = _hints_by_piece(holding)
    for index, piece in enumerate(pieces):
        matching = [hint for hint in _HINTS if any(hint.search(segment.text) for segment in piece.segments)]
        assert set(matching) <= set(hints.get(index, ())), piece
        if len(piece.segments) == 1 and _FILLER_PARAGRAPH.fullmatch(piece.segments[0].text):
            assert index in (holding.holding(_FILLER_PARAGRAPH) or ())
    messages = [violation.message for violation in FillerText().check(document, RuleContext(options={}))]
    assert len(messages) == 4 and any("Coming soon" in message for message in messages)


def test_searched_texts_are_find_alls() -> None:
    """EH004 joins the texts `find_all` searches: a pattern found there is found in the same piece."""
    document = parse(SPEC, "spec.md")
    pieces = list(iter_prose(document))
    holding = PiecesHolding([searched_text(piece.segments) for piece in pieces])
    for _kind, pattern in PROVIDERS:
        found = holding.holding(pattern)
        for index, piece in enumerate(pieces):
            if list(find_all(pattern, piece.segments)):
                assert found is None or index in found
