"""PH004 placeholder-value: a value left as a placeholder: `2025-09-xx`, `X%`, `N users`, `(placeholder)`."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import CodeBlock, Document, HtmlBlock, Section, Span, TextSegment
from speclint.document.text import find_all, iter_prose, mask_invisible, patterns_to_search
from speclint.engine.rule import Category, Level, Rule, RuleContext, Subsumes, Violation
from speclint.document.headings import normalize_title
from speclint.lazy_regex import lazy_compile
from speclint.reading.normative import is_metrics_section, is_quality_section, is_success_section, normative_statements

#: Sections that state targets to reach: goals, objectives, OKRs, SLOs.
_TARGET_TITLES = ("goal", "objective", "okr", "target", "slo", "sla", "outcome")

# A date with a real year and letters for the rest: 2025-XX-XX, 2025-09-xx, 2025-xx.
_DATE = lazy_compile(
    r"(?<![\w-])(?:19|20)\d\d(?:-(?:(?:[01]\d|[xX]{2})-[xX]{2}|[xX]{2})|/(?:[01]?\d|[xX]{2})/[xX]{2})(?![\w/-])"
    # XX/XX/2025, Sept XX, 2025
    r"|(?<![\w/-])[xX]{2}/[xX]{2}/(?:19|20)\d\d(?![\w/-])"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?\s[xX]{1,2},?\s(?:19|20)\d\d\b"
)
# "(placeholder)", "(duration to be determined)", "[placeholder name]": up to two words may name what is open.
_SPELLED_OUT = lazy_compile(
    r"\((?:[A-Za-z\-]{1,20}\s){0,2}(?:placeholder|to be (?:decided|determined|confirmed|finali[sz]ed))\)"
    r"|\[placeholder(?:\s[A-Za-z\-]{1,20}){0,2}\](?![(\[:])",
    re.I,
)
# A sentence saying the value is still open: "The SMS vendor is to be confirmed;", "the region has
# not been chosen yet." Not "must be confirmed by the clinic" (an action), nor "are to be confirmed
# within 24 hours" (a requirement): the phrase ends the clause.
_STILL_OPEN = lazy_compile(
    r"(?=[iarsh])"  # each alternative starts with one of these (a position that cannot start one: one test)
    r"(?:\b(?:is|are|remains?|still)\s+(?:still\s+|yet\s+)?to\s+be\s+(?:confirmed|decided|determined|defined|agreed|"
    r"finali[sz]ed|chosen|selected)(?=\s*(?:[.;,:)—–]|$))"
    # "has not been chosen yet": with "yet" (without, it is a condition: "if the type has not been determined, ...")
    r"|\b(?:has|have)\s+not\s+been\s+(?:decided|chosen|selected|confirmed|determined|finali[sz]ed|agreed)"
    r"\s+(?:on\s+)?yet(?=\s*(?:[.;,:)—–]|$)))",
    re.I,
)
# A value given only as an example, awaiting a decision: "(e.g. ≤8–12 chars — finalize in wire spec)".
_EXAMPLE = lazy_compile(r"\b(?:e\.g\.|eg\.|for example)", re.I)
# After an example, within its parenthesis or line: the word that says it is not decided yet.
_PENDING = lazy_compile(
    r"(?:—|–|-|:|;|,)\s{0,3}(?:to\s+be\s+|final\s+value\s+)?(?:finali[sz]e[ds]?|decided|confirmed|determined|TBD|TBC|"
    r"pending\s+(?:decision|review|confirmation))\b",
    re.I,
)
# A link reference definition whose destination is a marker: `[gcs-backend]: TODO`.
# The words `url` and `link` stand where a template's author was to paste the address.
_DEFINITION_TO_MARKER = lazy_compile(
    r"[ \t>]*\[[^\]\n]{1,200}\]:[ \t]*(?P<url>TODO|TBD|TBC|FIXME|XXX|#|<>|<TODO>|<TBD>|(?i:<?(?:url|link)>?))[ \t]*$")
# A quantity whose number is a letter: X%, XX %, N users, $X. Read where the text commits to a value.
_LETTER_QUANTITY = lazy_compile(
    # "N users", "N concurrent booking sessions": two words may stand between the letter and the unit
    r"(?<![\w.$/*+\-=<>(\[{'\"])(?P<letter>X{1,3}|N)(?:\s?%|\s(?:[a-z]{3,14}\s){0,2}(?:users|customers|requests|seconds|minutes|"
    r"hours|days|weeks|months|ms|milliseconds|attempts|retries|items|records|events|transactions|orders|"
    r"sessions|messages|devices|accounts|times|signups|sign-ups|downloads|installs|visits|tickets|"
    r"GB|MB|KB|TB|rps|qps|tps|RPS|QPS|TPS|req/s|requests/s)\b)(?![\w-])|\$(?P<money>X{1,3})(?![\w-])"
)
# Anywhere in prose, not only where the text commits: `X%` and `$X` are never a parameter's name.
# `X%`, `X.X%`, `99.X%`, `$X`.
_X_PERCENT = lazy_compile(
    r"(?<![\w.$/*+\-=<>(\[{'\"])(?:\d{1,3}\.)?(?P<letter>X{1,3})(?:\.X{1,3})?\s?%(?![\w-])|\$(?P<money>X{1,3})(?![\w-])"
)
_UNITS = (r"(?:%|ms|s|seconds|minutes|hours|days|weeks|months|users|customers|requests|items|GB|MB|KB|TB|rps|qps|"
          r"req/s|attempts|retries)")
# A value left blank or as question marks: `Owner: ______`, `?? ms`, `$??`, `2025-09-??`, `Q? 2026`,
# `v?.?`, `[N] seconds`, `{{max_items}} items`.
_BLANK_VALUE = lazy_compile(
    r"(?<=:[ \t])_{3,}(?![\w_])|(?<=:)_{3,}(?![\w_])|(?<![\w_])_{3,}(?=[ \t]" + _UNITS + r"\b)"
    r"|(?<![\w?])\?{2,3}(?=[ \t]?" + _UNITS + r"(?![\w]))|\$\?{2,3}(?![\w?])"
    r"|(?<![\w-])(?:19|20)\d\d-(?:[01]\d|\?\?)-\?\?(?![\w?])|\b[QH]\?(?=[ \t]?(?:19|20)\d\d\b)"
    r"|\bv\?(?:\.\?){1,2}(?![\w?])"
    r"|\[(?:N|X{1,3})\](?=[ \t]?" + _UNITS + r"\b)|\{\{[ \t]?\w{1,40}[ \t]?\}\}(?=[ \t]?" + _UNITS + r"\b)"
)
# Digits written as wildcards in a price, a size, a date, a quarter or a time: `€__`, `$__.__`, `__ USD`,
# `XX €`, `XX,XX €`, `$X,XXX`, `__ GB`, `__%`, `2027-__-__`, `__/__/2027`, `20XX-09`, `Q?-2027`,
# `Q?/2027`, `__:__ UTC`. The wildcard stands where the figure belongs; a status-code class (`5XX`)
# or an open-ended year (`Edition 20XX+`) has no unit, month or currency beside it.
_WILDCARD = r"(?:_{2,}|\?{2,3}|XX)"
_CURRENCY_CODES = r"(?:€|£|USD|EUR|GBP|CHF|euros?|dollars?)"
_WILDCARD_VALUE = lazy_compile(
    r"[$€£]\s?(?:_{2,}|\?{2,3}|X{1,3}(?:,XXX)+|X{2,3})(?:[.,](?:__|XX|\?\?))?(?![\w?])"
    r"|(?<![\w?$€£.,])" + _WILDCARD + r"(?:,(?:__|XX))?[ \t\u00a0]?(?:" + _CURRENCY_CODES + "|" + _UNITS[3:-1]
    + r")(?![\w])"
    r"|(?<![\w-])(?:19|20)\d\d-(?:__|\?\?)-(?:__|\?\?)(?![\w?])"
    r"|(?<![\w/.])(?:__|\?\?|XX)[/.](?:__|\?\?|XX)[/.](?:19|20)\d\d(?![\w/])"
    r"|(?<![\w-])(?:19|20)(?:XX|\?\?|__)[-/](?:[01]\d|Q[1-4])(?![\w])"
    r"|\b[QH][?_X][-/ \t](?:19|20)\d\d\b"
    r"|(?<![\w:_?])(?:__|\?\?):(?:__|\?\?)(?![\w:_?])"
)
# "TK" (journalism's "to come") standing for a link or a figure: "(link TK)", "saving: TK,", "$TK".
# Only where it is the value itself: a colon or "link"/"figure" before it, an end of clause after
# it; "TK, AOK and Barmer" (a health insurer) has neither.
_TO_COME = lazy_compile(
    r"\((?:link|url|source|figure|number|data|ref|chart|sheet)\s+TK\)"
    r"|(?<=:[ \t])TK(?=[ \t]*(?:[,.;)]|$))|[$€£]TK\b"
)
# The same blanks as the whole of a code span: `__ MB`, `XX MB`, `?? MB`.
_WILDCARD_CODE_SPAN = lazy_compile(r"`(?:_{2,}|\?{2,3}|XX)[ \t]?" + _UNITS + r"`")
#: What each piece of prose is searched for, in this order (a later finding at the same place wins,
#: except that a wildcard value never replaces an earlier finding).
_PROSE_PATTERNS = (_DATE, _SPELLED_OUT, _STILL_OPEN, _TO_COME, _BLANK_VALUE, _WILDCARD_VALUE, _EXAMPLE)
#: What each piece of prose is searched for when the document may hold a letter quantity.
_LETTER_PATTERNS = (_X_PERCENT, _LETTER_QUANTITY)
# "N = 50", "where N is", "N>=50": the letter is a variable the text defines.
_DEFINED_VARIABLE = lazy_compile(r"\b(?P<letter>X{1,3}|N)\s*(?:=|>=|<=|≥|≤|>|<)\s*\S|\bwhere (?P<where>X{1,3}|N)\b|\b(?P<is>X{1,3}|N) is\b")
# An opening quote ends the scan as a closing one does: one scan per quotation, not per quote mark.
_QUOTED = lazy_compile(r"\"[^\"]{1,300}\"|“[^“”]{1,300}”")  # a quotation may wrap over lines


class PlaceholderValue(Rule):
    """Flags values left as placeholders: a date with `xx`, a number written as a letter, "(placeholder)".

    **What it flags.**
    - A date with a real year and letters for the rest: `2025-09-xx`, `2025-XX-XX`, `2025/10/xx`,
      `Sept XX, 2025`, `XX/XX/2026`. Not when the document says where the open date stands and the
      event that fills it in ("the date in the header is filled once Okta confirms the review slot"):
      a listed open point, waiting on a named event.
    - "(placeholder)", "(to be determined)", "(to be decided)", "(to be confirmed)", with up to two
      words naming what is open ("(duration to be determined)"), and "[placeholder]".
    - A value given only as an example awaiting a decision: "(e.g. ≤8–12 chars — finalize in wire
      spec)", "e.g. 30 days, to be confirmed".
    - A value left blank or as question marks: `Owner: ______`, `?? ms`, `$??`, `2025-09-??`,
      `Q? 2026`, `v?.?`, `[N] seconds`, `{{max_items}} items`.
    - Digits written as wildcards in a price, a size, a date, a quarter or a time: `€__`,
      `$__.__`, `__ USD`, `XX €`, `XX,XX €`, `$X,XXX`, `__ GB`, `__%`, `2027-__-__`, `__/__/2027`,
      `20XX-09`, `Q?-2027`, `__:__ UTC`, and a code span that is only such a value (`` `__ MB` ``).
      A status-code class (`5XX`) or an open-ended year (`Edition 20XX+`) is not read.
    - "TK" (to come) where a link or a figure belongs: "(link TK)", "Annual saving: TK, ...".
    - `X%` and `$X` anywhere but in background and context sections (a letter percentage is never a
      parameter's name).
    - A link whose URL is a marker: `[gcs-backend]: TODO`, `[spec]: #`, `[dashboard](TODO)`.
    - The same placeholder dates, blanks and "(to be determined)" in a front-matter value
      (`launch: 2025-09-xx`, `owner: ______`), except for keys the profile's front-matter schema
      constrains to a date or a list of values (MD002 judges those against the schema).
    - In requirements, acceptance criteria, success metrics, goals and quality sections: a
      quantity whose number is a letter: `N users`, `X minutes`, `X req/s`, `XX GB`, unless the document defines the letter
      (`N = 50`, "where N is the number of nodes"). Quoted UI text ("Try again in X minutes") is
      not read; in design discussion a letter is usually a parameter, so it is not read there.
    - In any section, a letter quantity that a forecast or a target gives: "we expect N users in
      the first month", "estimated at X GB", "projected to reach N orders".

    **Why it matters.** These read like values at a glance, so they survive review the way a
    literal TBD would not, and engineers discover mid-sprint that nobody decided the date, the
    threshold or the link.

    **Example**

    ```markdown
    - The dashboard MUST load for X% of users within 2 seconds.
    - Beta starts 2025-09-xx.
    ```

    **Use instead**

    ```markdown
    - The dashboard MUST load for 95% of users within 2 seconds.
    - Beta starts 2025-09-15.
    ```
    """

    id = "PH004"
    name = "placeholder-value"
    category = Category.PLACEHOLDER
    default_level = Level.WARNING
    # Makes redundant where they meet (one defect, one finding): '??? ms' is a value left open, which PH001 also reads
    # as a marker
    subsumes = (Subsumes(("PH001",)),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        found: dict[tuple[int, int], Violation] = {}
        date_set_later: bool | None = None  # read once, and only for a document with a placeholder date
        for prose in iter_prose(document):
            # One literal question per piece for the prose patterns (most pieces hold none of them).
            searched = patterns_to_search(_PROSE_PATTERNS, prose.segments)
            for pattern in searched:
                if pattern is _EXAMPLE:
                    continue  # searched last, after the code spans, whose findings it replaces
                if pattern is _BLANK_VALUE or pattern is _WILDCARD_VALUE:
                    for match, span in find_all(pattern, prose.segments):
                        violation = Violation(
                            span, f"placeholder value '{match.group(0)}': state the value, or list it as an open question"
                        )
                        if pattern is _BLANK_VALUE:
                            found[(span.start.line, span.start.column)] = violation
                        else:  # a wildcard never replaces an earlier finding at the same place
                            found.setdefault((span.start.line, span.start.column), violation)
                    continue
                what = "date" if pattern is _DATE else "value"
                if pattern is _DATE:
                    if date_set_later is None:
                        date_set_later = _date_set_later(document)
                    if date_set_later:
                        continue  # "the date in the header is filled once Okta confirms the review slot"
                for match, span in find_all(pattern, prose.segments):
                    found[(span.start.line, span.start.column)] = Violation(
                        span, f"placeholder {what} '{match.group(0)}': decide it, or list it as an open question"
                    )
            # Code spans are hidden text, which the literal index of visible text does not cover.
            for match, span in find_all(_WILDCARD_CODE_SPAN, prose.segments, visible_only=False):
                found.setdefault((span.start.line, span.start.column), Violation(
                    span, f"placeholder value {match.group(0)}: state the value, or list it as an open question"
                ))
            if _EXAMPLE in searched:
                for match, span in find_all(_EXAMPLE, prose.segments):
                    shown = _pending_example(prose.segments, match)
                    if shown:
                        found[(span.start.line, span.start.column)] = Violation(
                            span, f"the value is given only as an example awaiting a decision "
                            f"('{_shorten(shown)}'): decide it, or list it as an open question"
                        )
        yield from _definitions_to_markers(document)
        for span, value in _front_matter_placeholders(document, context):
            found.setdefault((span.start.line, span.start.column), Violation(
                span, f"placeholder value '{value}' in the front matter: fill it in, or list it as an open question"
            ))
        if "X" in document.source or "N " in document.source:
            defined = _DefinedLetters(document.source)
            for segments in _committing_text(document):
                _letters(found, _LETTER_QUANTITY, segments, defined)
            present: dict[int, bool] = {}  # by section: decided once per section, not per paragraph
            for prose in iter_prose(document):
                if prose.kind == "heading":
                    continue
                searched = patterns_to_search(_LETTER_PATTERNS, prose.segments)
                if not searched:
                    continue  # most pieces: neither pattern can match (no letter quantity to judge)
                key = id(prose.section)
                if key not in present:
                    present[key] = _describes_the_present(prose.section)
                if _X_PERCENT in searched and not present[key]:
                    _letters(found, _X_PERCENT, prose.segments, defined)
                # "We expect N users in the first month": a forecast whose number was never written,
                # in any section (a forecast is a commitment to a figure, even in the background).
                if _LETTER_QUANTITY in searched:
                    _letters(found, _LETTER_QUANTITY, prose.segments, defined, forecast_only=True)
        yield from (found[key] for key in sorted(found))


#: Sections about how things are today, where "X% of users give up" retells a finding loosely.
_PRESENT_TITLES = ("background", "context", "problem", "motivation", "current", "today", "why", "research",
                   "insight", "evidence", "data", "history", "prior art")


def _describes_the_present(section: Section) -> bool:
    return any(normalize_title(each.title or "").startswith(_PRESENT_TITLES) for each in (section, *section.ancestors()))


class _DefinedLetters:
    """The letters the document defines as variables ("N = 50", "where N is"), found in its
    source on the first question (most documents have no letter quantity to ask about)."""

    def __init__(self, source: str) -> None:
        self._source = source
        self._letters: set[str] | None = None

    def __contains__(self, letter: str) -> bool:
        if self._letters is None:
            self._letters = {next(each for each in match.groups() if each)
                             for match in _DEFINED_VARIABLE.finditer(self._source)}
        return letter in self._letters


# Before a letter quantity, a forecast or a target: "we expect N users", "estimated at X GB",
# "projected to reach N orders", "aiming for X%". The letter stands where the figure belongs.
_FORECAST_BEFORE = lazy_compile(
    r"\b(?:expect|expects|expected|expecting|estimate|estimates|estimated|anticipate|anticipates|anticipated|"
    r"project|projects|projected|forecast|forecasts|forecasted|target|targets|targeting|aim|aims|aiming|"
    r"grow|grows|growing|reach|reaches|reaching|plan|plans|planning|budget|budgets|budgeted|"
    # a rollout's cohort: "the pilot will onboard N users", "invite X customers"
    r"onboard|onboards|onboarding|invite|invites|inviting|recruit|recruits|recruiting|enrol|enroll|enrolls|enrolling)"
    r"(?:\s+(?:to|at|for|on))?(?:\s+(?:see|reach|have|serve|onboard|handle|hit|sign\s+up|acquire))?"
    r"(?:\s+(?:about|around|roughly|approximately|at\s+least|up\s+to|over|~))?\s*~?$",
    re.I,
)


def _letters(found: dict[tuple[int, int], Violation], pattern: re.Pattern[str], segments: list[TextSegment],
             defined: _DefinedLetters, forecast_only: bool = False) -> None:
    text = ""
    for match, span in find_all(pattern, segments):
        if forecast_only and not _FORECAST_BEFORE.search(match.string[max(0, match.start() - 60):match.start()]):
            continue
        text = text or "\n".join(segment.text for segment in segments)
        letter = match.group("letter") or match.group("money")
        if letter in defined or _in_quotes(text, match.start()):
            continue
        found.setdefault((span.start.line, span.start.column), Violation(
            span, f"'{match.group(0)}' gives a letter for the number: state the value, or list it as an open question"
        ))


def _pending_example(segments: list[TextSegment], example: re.Match[str]) -> str:
    """The example and its "— finalize in ..." when the words after "e.g." (to the end of the
    parenthesis or the line, 80 characters at most) say the value awaits a decision; else ""."""
    text = mask_invisible("\n".join(segment.text for segment in segments))
    rest = text[example.end():example.end() + 80]
    for stop in (")", "\n"):
        if stop in rest:
            rest = rest[: rest.index(stop)]
    pending = _PENDING.search(rest)
    return (example.group(0) + rest[: pending.end()]) if pending else ""


def _shorten(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _committing_text(document: Document) -> Iterator[list[TextSegment]]:
    """Text that commits to a value: requirements and criteria, and success metrics and goals."""
    seen: set[tuple[int, int]] = set()
    for statement in normative_statements(document):
        seen.add((statement.segments[0].line, statement.segments[0].column))
        yield statement.segments
    commits: dict[int, bool] = {}  # by section: decided once per section, not per paragraph
    for prose in iter_prose(document):
        if prose.kind == "heading":
            continue
        key = id(prose.section)
        if key not in commits:
            commits[key] = _commits(prose.section)
        if commits[key]:
            if (prose.segments[0].line, prose.segments[0].column) not in seen:
                yield prose.segments


def _commits(section: Section) -> bool:
    """A metrics, success, goals, quality or criteria section (graduation, exit, acceptance
    criteria), at any depth."""
    if is_metrics_section(section) or is_success_section(section) or is_quality_section(section):
        return True
    if any(normalize_title(each.title or "").startswith(_TARGET_TITLES) for each in (section, *section.ancestors())):
        return True
    return any("criteria" in (each.title or "").lower() for each in (section, *section.ancestors()))


# An inline link whose destination is a marker: `[dashboard](TODO)`, `[design doc](#)`.
_LINK_TO_MARKER = lazy_compile(
    r"(?<!\\)\[[^\[\]\n]{1,200}\]\((?P<url>TODO|TBD|TBC|FIXME|XXX|#|<>|<TODO>|<TBD>|(?i:<?(?:url|link)>?))\)")
_CODE_SPAN_IN_LINE = lazy_compile(r"`[^`\n]*`")
_HTML_COMMENT_IN_LINE = lazy_compile(r"<!--.*?(?:-->|$)")


def _definitions_to_markers(document: Document) -> Iterator[Violation]:
    if "]:" not in document.source and "](" not in document.source:
        return
    code_lines = {
        line
        for _, block in document.iter_blocks()
        if isinstance(block, (CodeBlock, HtmlBlock))  # an HTML comment's text is not shown
        for line in range(block.span.start.line, block.span.end.line + 1)
    }
    for number, line in enumerate(document.lines, start=1):
        if number in code_lines:
            continue
        if "](" in line:
            visible = _CODE_SPAN_IN_LINE.sub(lambda code: " " * len(code.group(0)), line) if "`" in line else line
            visible = _HTML_COMMENT_IN_LINE.sub(lambda comment: " " * len(comment.group(0)), visible) if "<!--" in visible else visible
            for link in _LINK_TO_MARKER.finditer(visible):
                yield Violation(Span.of(number, link.start("url") + 1, number, link.end("url") + 1),
                                f"link points at '{link.group('url')}': give the real URL")
        if "]:" not in line:
            continue
        match = _DEFINITION_TO_MARKER.match(line)
        if match:
            start = match.start("url") + 1
            yield Violation(
                Span.of(number, start, number, match.end("url") + 1),
                f"link definition points at '{match.group('url')}': give the real URL",
            )


def _front_matter_placeholders(document: Document, context: RuleContext) -> Iterator[tuple[Span, str]]:
    """Front-matter values holding a placeholder date or a blank (`launch: 2025-09-xx`,
    `target: Q? 2026`, `owner: ______`), top level or in a list. Keys the profile's JSON Schema
    constrains (dates, enumerations) are MD002's, which reports such a value against the schema:
    one defect, one finding."""
    front_matter = document.front_matter
    data = front_matter.data if front_matter is not None and front_matter.error is None else None
    if not isinstance(data, dict):
        return
    assert front_matter is not None
    declared = _declared_keys(getattr(context.profile, "front_matter_schema", None))
    for key, value in data.items():
        if not isinstance(key, str) or key in declared:
            continue
        paths: list[tuple[object, ...]] = [(key,)] if isinstance(value, str) else (
            [(key, index) for index, item in enumerate(value) if isinstance(item, str)] if isinstance(value, list) else [])
        for path in paths:
            item = value if len(path) == 1 else value[path[1]]  # type: ignore[index]
            for pattern in (_DATE, _BLANK_VALUE, _WILDCARD_VALUE, _SPELLED_OUT, _BLANK_ONLY, _TEMPLATE_VALUE):
                match = pattern.search(item)
                if match is None:
                    continue
                position = front_matter.value_position(*path)  # type: ignore[arg-type]
                if position is None or not 0 < position.line <= len(document.lines):
                    break
                column = document.lines[position.line - 1].find(match.group(0), position.column - 1)
                if column >= 0:
                    yield (Span.of(position.line, column + 1, position.line, column + 1 + len(match.group(0))),
                           match.group(0))
                break


#: A value the template wrote for the author to replace: `owner: your-name-here`, `author: <your name>`,
#: `email: name@example.com`.
_TEMPLATE_VALUE = lazy_compile(
    r"^\s*(?:your[-_ .](?:full[-_ .])?(?:name|team|email|handle|username|github(?:[-_ .]handle)?)(?:[-_ .]here)?|"
    r"(?:name|email|author|owner|title|team|date|description)[-_ .]here|<[A-Za-z][^<>\n]{0,40}>|"
    r"@?(?:github[-_]?)?(?:username|handle)|first[-_ .]?name[-_ .]last[-_ .]?name|(?:john|jane)[ .]doe|"
    r"(?:name|you|your\.?name|user)@example\.com)\s*$",
    re.I,
)
#: A value that is only a blank to fill in: `owner: ______`.
_BLANK_ONLY = lazy_compile(r"^\s*_{3,}\s*$")


def _declared_keys(schema_name: object) -> frozenset[str]:
    if not isinstance(schema_name, str):
        return frozenset()
    from speclint.reading.metadata import load_schema

    try:
        properties = load_schema(schema_name).get("properties", {})
    except Exception:  # a schema that cannot be loaded is MD002's to report
        return frozenset()
    if not isinstance(properties, dict):
        return frozenset()
    # Only keys whose values the schema constrains (a date, an enumeration, a pattern): a blank
    # owner or a free-text value passes the schema, so it stays this rule's.
    return frozenset(key for key, rule in properties.items() if isinstance(rule, dict) and (
        "date" in str(rule.get("$ref", "")) or any(word in rule for word in ("enum", "anyOf", "oneOf", "pattern", "format"))))


def _in_quotes(text: str, offset: int) -> bool:
    return any(quoted.start() < offset < quoted.end() for quoted in _QUOTED.finditer(text))


#: A sentence that says when the document's open date will be written in: "the date in the header is
#: filled once Okta confirms the review slot", "Das Datum oben wird eingetragen, sobald ...", "la fecha
#: de la cabecera se fija cuando ...", "la date ci-dessus sera fixée dès que ...". The placeholder date
#: is then an open point the document lists, waiting on a named event.
_DATE_SET_LATER = lazy_compile(
    r"\b(?:the\s+(?:\w+\s+)?date\s+(?:in|at|on)\s+the\s+(?:header|metadata|table\s+above|top)|"
    r"the\s+(?:\w+\s+)?date\s+above)\s+(?:is|will\s+be|gets)\s+(?:filled(?:\s+in)?|set|fixed|confirmed|added|"
    r"updated|written\s+in)\s+(?:once|when|as\s+soon\s+as|after)\s+\w"
    r"|\bdas\s+datum\s+(?:oben|im\s+kopf|in\s+der\s+kopfzeile)\s+wird\s+(?:eingetragen|festgelegt|gesetzt|erg[äa]nzt)"
    r",?\s+(?:sobald|wenn|nachdem)\s+\w"
    r"|\bla\s+fecha\s+(?:de\s+la\s+cabecera|del\s+encabezado|de\s+arriba)\s+se\s+(?:fija|completa|confirma|rellena)"
    r"\s+(?:cuando|una\s+vez\s+que|en\s+cuanto)\s+\w"
    r"|\bla\s+date\s+(?:de\s+l['’]en-t[êe]te|ci-dessus)\s+sera\s+(?:fix[ée]e|confirm[ée]e|renseign[ée]e)\s+"
    r"(?:d[èe]s\s+que|quand|une\s+fois\s+que)\s+\w",
    re.I,
)


def _date_set_later(document: Document) -> bool:
    """The document says where its open date stands and the event that fills it in."""
    return "date" in document.source.lower() and _DATE_SET_LATER.search(" ".join(document.source.split())) is not None
