"""Look-ahead guards that turn away, with one test, positions where a long case-insensitive
alternation cannot start: the guarded pattern matches exactly where the whole alternation does."""

from __future__ import annotations

import re

from speclint.reading.vocabulary import EDGE_CASE_WORDS, WITHDRAWN_WORDS

_GUARD = re.compile(r"\(\?=\[([^\]]+)\]\)\(\?:")


def _unguarded(pattern: str) -> str:
    found = _GUARD.match(pattern)
    assert found is not None, "the pattern starts with its guard"
    assert pattern.endswith(")")
    return pattern[found.end():-1]


#: The first letter of each alternative of EDGE_CASE_WORDS, as written.
_EDGE_CASE_FIRSTS = "ecbleun" "гкgrcc" "边边邊エ境"


def test_the_edge_case_guard_admits_exactly_what_the_alternatives_first_letters_match() -> None:
    guard = re.compile(f"[{_GUARD.match(EDGE_CASE_WORDS.pattern).group(1)}]", re.I)
    firsts = [re.compile(re.escape(first), re.I) for first in set(_EDGE_CASE_FIRSTS)]
    for char in [*map(chr, range(0x3100)), "边", "邊", "境", "\u212a", "\u017f"]:
        assert bool(guard.match(char)) == any(first.match(char) for first in firsts), repr(char)


def test_the_guarded_edge_case_words_match_what_the_whole_alternation_matches() -> None:
    whole = re.compile(_unguarded(EDGE_CASE_WORDS.pattern), re.I)
    texts = ["Edge cases", "EDGE-CASES and corner cases", "boundary conditions", "Limit case", "exceptional flows",
             "the unhappy path", "Negative scenarios", "Граничные случаи", "КРАЕВЫЕ СЛУЧАИ", "Grenzfälle", "RANDFÄLLE",
             "cas limites", "casos límite", "边界情况", "邊界情況", "エッジケース", "境界条件", "hedge cases",
             "knowledge cases", "an edge", "no match here", "Overview: edge  cases, then Corner\ncases"]
    for text in texts:
        assert [m.span() for m in EDGE_CASE_WORDS.finditer(text)] == [m.span() for m in whole.finditer(text)], text


#: The first letter of each alternative of WITHDRAWN_WORDS, as written.
_WITHDRAWN_FIRSTS = "rdddwdddsormrrn" "已移删刪廃削"


def test_the_withdrawn_guard_admits_exactly_what_the_alternatives_first_letters_match() -> None:
    guard = re.compile(f"[{_GUARD.match(WITHDRAWN_WORDS.pattern).group(1)}]", re.I)
    firsts = [re.compile(re.escape(first), re.I) for first in set(_WITHDRAWN_FIRSTS)]
    for char in [*map(chr, range(0x3100)), *"已移删刪廃削", "\u212a"]:
        assert bool(guard.match(char)) == any(first.match(char) for first in firsts), repr(char)


def test_the_guarded_withdrawn_words_match_what_the_whole_alternation_matches() -> None:
    whole = re.compile(_unguarded(WITHDRAWN_WORDS.pattern), re.I)
    texts = ["FR-3 (removed)", "REQ-2: Deleted in v2", "dropped, withdrawn", "de-scoped", "Deprecated; superſeded",
             "obsolete and retired", "merged into FR-4", "renumbered", "replaced by FR-9", "no longer needed",
             "FR-1 已移除", "移除", "删除 刪除", "廃止 削除", "moved", "undeleted", "the removal", "nothing here"]
    for text in texts:
        assert [m.span() for m in WITHDRAWN_WORDS.finditer(text)] == [m.span() for m in whole.finditer(text)], text


def test_the_filler_guard_admits_only_the_characters_its_slots_start_with() -> None:
    from speclint.rules.placeholder.filler_text import _FILLER

    found = re.match(r"\(\?=\[([^\]]+)\]\)", _FILLER.pattern)
    assert found is not None
    guard = re.compile(f"[{found.group(1)}]", re.I)
    assert {char for char in map(chr, range(0x3100)) if guard.match(char)} == set("Ll[<(")
    whole = re.compile(_FILLER.pattern[found.end():], re.I)
    texts = ["Lorem ipsum dolor", "[Insert the date here]", "<enter a value>", "[add the owner here]", "[your name]",
             "(fill me in: the budget)", "Owner: <<owner>>", "said <name>, head of", "a << b >> c", "[link](x)",
             "plain prose without a slot", "LOREM IPSUM", "(To be filled in later)", "< your team >"]
    for text in texts:
        assert [m.span("slot") for m in _FILLER.finditer(text)] == [m.span("slot") for m in whole.finditer(text)], text


def test_the_guards_of_still_open_values_and_faq_titles_admit_what_their_alternatives_start_with() -> None:
    from speclint.reading.references import _FAQ_TITLE
    from speclint.rules.placeholder.placeholder_value import _STILL_OPEN

    for pattern, firsts, texts in (
            (_STILL_OPEN, "iarsh", ["The vendor is to be confirmed.", "IS STILL TO BE DECIDED;", "remains to be chosen",
                                   "still yet to be agreed", "has not been chosen yet.", "HAVE NOT BEEN AGREED YET",
                                   "İs to be defined", "ſtill to be selected", "must be confirmed by the clinic",
                                   "are to be confirmed within 24 hours", "nothing"]),
            (_FAQ_TITLE, "fqp", ["FAQ", "faqs", "Frequently asked", "Open questions", "Preguntas", "Fragen",
                                 "Quick questions", "Overview"])):
        found = _GUARD.match(pattern.pattern)
        assert found is not None
        guard = re.compile(f"[{found.group(1)}]", re.I)
        letters = [re.compile(first, re.I) for first in firsts]
        for char in [*map(chr, range(0x3100)), "\u212a"]:
            assert bool(guard.match(char)) == any(letter.match(char) for letter in letters), repr(char)
        whole = re.compile(_unguarded(pattern.pattern), re.I)
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in whole.finditer(text)], text


def _first_characters(items: list) -> set[str] | None:
    """The characters a match of the parsed sequence `items` can start with (None: not worked out)."""
    from re import _constants as constants  # type: ignore[attr-defined]

    for op, argument in items:
        if op is constants.AT or op in (constants.ASSERT, constants.ASSERT_NOT):
            continue  # zero-width: the next item starts the match
        if op is constants.LITERAL:
            return {chr(argument)}
        if op is constants.IN:
            if any(member_op is not constants.LITERAL for member_op, _ in argument):
                return None
            return {chr(member) for _, member in argument}
        if op is constants.SUBPATTERN:
            return _first_characters(list(argument[3]))
        if op is constants.BRANCH:
            found: set[str] = set()
            for alternative in argument[1]:
                firsts = _first_characters(list(alternative))
                if firsts is None:
                    return None
                found |= firsts
            return found
        return None
    return None


def test_every_alternative_of_a_guarded_pattern_starts_with_a_character_its_guard_admits() -> None:
    # What keeps a guard right when an alternative is added: its first letter must be added to the guard.
    from re import _parser as parser  # type: ignore[attr-defined]

    from speclint.reading.references import _FAQ_TITLE
    from speclint.rules.placeholder.filler_text import _FILLER
    from speclint.rules.placeholder.placeholder_value import _STILL_OPEN

    for pattern in (EDGE_CASE_WORDS, WITHDRAWN_WORDS, _FILLER, _STILL_OPEN, _FAQ_TITLE):
        found = re.match(r"\(\?=\[([^\]]+)\]\)", pattern.pattern)
        assert found is not None, pattern.pattern[:40]
        guard = re.compile(f"[{found.group(1)}]", pattern.flags)
        firsts = _first_characters(list(parser.parse(pattern.pattern[found.end():], pattern.flags)))
        assert firsts, pattern.pattern[:40]
        for char in firsts:
            for variant in {char, char.upper(), char.lower()}:
                if re.match(re.escape(char), variant, pattern.flags):
                    assert guard.match(variant), (pattern.pattern[:40], variant)


def _led_by(pattern: str) -> tuple[str, str]:
    """The characters of the leading guard `(?=[...])` of `pattern`, and the pattern without it."""
    found = re.match(r"\(\?=\[([^\]]+)\]\)", pattern)
    assert found is not None, pattern[:40]
    return found.group(1), pattern[found.end():]


def _guarded_patterns() -> list:
    from speclint.reading.restated_quantities import _NUMBER_WORD_RE
    from speclint.rules.measurability.metric_without_target import _INLINE_QUESTION, _SUCCESS_SENTENCE
    from speclint.rules.measurability.threshold_without_value import _VAGUE_COUNT
    from speclint.rules.placeholder.filler_text import _HINT_WORDS
    from speclint.rules.wording.vague_requirement import _PROPOSAL_WORDS

    return [(_SUCCESS_SENTENCE, "sw"), (_INLINE_QUESTION, "hw"), (_PROPOSAL_WORDS, "acnrst"),
            (_NUMBER_WORD_RE, "acdefnoqstvz"), (_HINT_WORDS, "<aefinoty"), (_VAGUE_COUNT, "adefimnprstvwz")]


def test_the_guards_of_hot_word_alternations_admit_their_first_letters() -> None:
    from re import _parser as parser  # type: ignore[attr-defined]

    for pattern, letters in _guarded_patterns():
        admitted, rest = _led_by(pattern.pattern)
        assert admitted == letters, pattern.pattern[:40]
        guard = re.compile(f"[{admitted}]", pattern.flags)
        firsts = [re.compile(re.escape(letter), pattern.flags) for letter in letters]
        for char in [*map(chr, range(0x3100)), "\u212a", "\u017f"]:
            assert bool(guard.match(char)) == any(first.match(char) for first in firsts), (pattern.pattern[:40], char)
        # every alternative starts with one of those letters (an alternative added with another first
        # letter fails here: add its letter to the guard)
        starts = _first_characters(list(parser.parse(rest, pattern.flags)))
        assert starts, pattern.pattern[:40]
        assert {char.lower() for char in starts} <= set(letters), (pattern.pattern[:40], starts)


def test_the_guarded_patterns_match_what_they_match_without_their_guard() -> None:
    texts = ["Success is measured by weekly active users.", "We'll measure success through NPS", "SUCCESS MEANS: fewer tickets",
             "We will know this has worked when churn drops", "we expect conversion to improve", "We anticipate sign-ups to grow",
             "How will we measure success? A: more teams", "**What are the success metrics?** Adoption", "how do I know it works?",
             "What does success look like?", "How should success be measured?**", "somehow we know", "the whatever success?",
             "within a reasonable time", "Acceptable, sensible, TIMELY, nearly done, almost, close to it, about to", "ſensible",
             "two days", "Forty-five minutes", "zwanzig Tage, dreißig Tage", "fünfzehn", "vierzehn", "quince días", "CUATRO",
             "network ten", "tension", "a twofold", "", "nothing to see",
             "Lorem ipsum", "[insert the date]", "<Owner>", "Name] and title>", "<<owner>>", "add your name", "padded",
             "Fill in", "ENTER", "after several failed login attempts", "too many requests", "fails repeatedly",
             "MULTIPLE TIMES", "nach mehreren fehlgeschlagenen Anmeldeversuchen", "tras varios intentos fallidos",
             "après plusieurs tentatives échouées", "intentos fallidos repetidos", "too often", "a few retries"]
    for pattern, _letters in _guarded_patterns():
        _admitted, rest = _led_by(pattern.pattern)
        whole = re.compile(rest, pattern.flags)
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in whole.finditer(text)], (pattern.pattern[:40], text)


def test_the_guarded_code_span_and_emphasis_patterns_mask_and_strip_as_without_their_guard() -> None:
    from speclint.document import text as module

    guarded = (module._CODE_SPAN, module._EMPHASIS)
    assert module._CODE_SPAN.pattern.startswith("(?=`)") and module._EMPHASIS.pattern.startswith("(?=[*_])(?:")
    unguarded = (re.compile(module._CODE_SPAN.pattern[len("(?=`)"):], module._CODE_SPAN.flags),
                 re.compile(module._EMPHASIS.pattern[len("(?=[*_])(?:"):-1], module._EMPHASIS.flags))
    texts = ["a `code` b", "``a ` b`` c", "```x``` and `y`", "`unclosed", "x ` y ` z", "a **strong** and *em* and ***both***",
             "_em_ but snake_case_name and __init__", "**a *b* c**", "* not em *", "a_b_c _d_", "`*a*` *b*", "", "plain",
             "multi\nline `co\nde` and *em\nph*", "``` `` ```", "\\*escaped\\* and _x_y_"]
    for pattern, whole in zip(guarded, unguarded):
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in whole.finditer(text)], (pattern.pattern, text)
            assert [m.groups() for m in pattern.finditer(text)] == [m.groups() for m in whole.finditer(text)]


def test_ph001s_guard_admits_the_first_character_of_every_marker_and_matches_as_the_unguarded_pattern() -> None:
    from speclint.reading.languages import OPEN_FIELD_MARKERS, OPEN_ITEM_MARKERS
    from speclint.rules.placeholder import unresolved_marker

    markers = ("TBD", "tbd", "TBC", "TBA", "TODO", "FIXME", "XXX", "TKTK", "À-FAIRE", "[x]")
    guard = unresolved_marker._first_character_guard(markers)
    admitted = re.compile(guard)
    for first in {"<", "[", "?", *(marker[0] for marker in (*markers, *OPEN_ITEM_MARKERS, *OPEN_FIELD_MARKERS))}:
        for variant in {first, first.upper(), first.lower()}:
            assert admitted.match(variant), variant
    guarded = unresolved_marker._pattern(markers, True, True)
    assert guarded.pattern.startswith(guard)
    whole = re.compile(guarded.pattern[len(guard):])
    texts = ["TBD", "Owner: TBD.", "a TODO-list", "FIXME: later", "x ??? y", "????", "<<[UNRESOLVED beta]>> text",
             "[NEEDS CLARIFICATION: who?]", "Fecha: por definir", "| À définir |", "Owner: to be defined",
             "Owner: *To Be Determined*", "(noch offen)", "other Routes (to be defined)", "À-FAIRE now", "[x] done",
             "nothing open here", "tbd\nTBC TBA XXX TKTK", "Responsable: _sin asignar_"]
    for text in texts:
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in whole.finditer(text)], text
