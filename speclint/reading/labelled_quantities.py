"""Quantities a document states twice in different words: a value table's row and a sentence, or two shares of
the same traffic. Read by the contradiction rule (MS010) beside `speclint.reading.quantities`.

- A *labelled value* is a table row whose label names a quantity and whose cell gives it: "| Draft retention |
  14 days |", "| Search latency, p95, catalog queries | 800 ms |", "| Requests per API key | 60 per minute |",
  "| Máximo arrastrable | 5 días |". A sentence elsewhere that holds the label's words and one quantity of the same
  kind ("keep unsent drafts for 30 days", "p95 search latency under 300 ms for catalog queries") states it again.
- A *share* is a part of some traffic given to something: "serves 5% of search traffic", "canary on 20% of search
  traffic". Two shares of the same traffic in different sections, outside conditions, state one rollout twice.

Statements that compare, change, give an example, a range, a tier or an environment are not taken (as in
`quantities`), nor background, non-goals and alternatives.
"""

from __future__ import annotations

import re
from typing import Iterator
from weakref import WeakKeyDictionary

from speclint.document.model import Document, Position, Span
from speclint.lazy_regex import lazy_compile
from speclint.reading.quantities import (_HYPOTHETICAL, _NOT_A_COUNT, _SECONDS, _SIZE_BYTES, Contradiction, Statement,
                                         _lemma, numbered_pieces)

_TIME_UNITS = {
    **_SECONDS,
    "milliseconds": 0.001, "secs": 1, "seconds": 1, "mins": 60, "minutes": 60, "hrs": 3600, "hours": 3600,
    "days": 86400, "weeks": 604800, "months": 2592000, "years": 31536000,
    # German, Spanish, French
    "sekunden": 1, "minuten": 60, "stunde": 3600, "stunden": 3600, "tag": 86400, "tage": 86400, "tagen": 86400,
    "woche": 604800, "wochen": 604800, "monat": 2592000, "monate": 2592000, "monaten": 2592000, "jahr": 31536000,
    "jahre": 31536000, "segundos": 1, "minutos": 60, "hora": 3600, "horas": 3600, "día": 86400, "días": 86400,
    "semana": 604800, "semanas": 604800, "mes": 2592000, "meses": 2592000, "año": 31536000, "años": 31536000,
    "secondes": 1, "heure": 3600, "heures": 3600, "jour": 86400, "jours": 86400, "semaine": 604800, "semaines": 604800,
    "mois": 2592000, "an": 31536000, "ans": 31536000}
_UNIT_WORDS = "|".join(sorted((re.escape(unit) for unit in (*_TIME_UNITS, *_SIZE_BYTES)), key=len, reverse=True))
_PER = r"(?:per|/|a|an|each|every|pro|por|par)"
_RATE_UNIT = r"(?:second|sec|s|minute|min|hour|hr|h|day|d|sekunde|minute|stunde|tag|segundo|minuto|hora|día|seconde|heure|jour)"
#: A quantity with its unit: "30 days", "800 ms", "25 MB", "5%", "100 requests per minute", "60 per minute".
_QUANTITY = lazy_compile(
    r"(?<![\w.,/:#-])(?P<num>\d+(?:[.,]\d+)?)\s?(?:"
    r"(?P<percent>%|percent\b|por\s+ciento\b|pour\s+cent\b|prozent\b)|"
    r"(?:(?P<counted>[a-zà-ÿ][\w-]*)\s+)?" + _PER + r"\s+(?P<rate>" + _RATE_UNIT + r")\b|"
    r"(?P<unit>" + _UNIT_WORDS + r")\b)(?![.,]?\d)",
    re.I,
)
_TOKEN = lazy_compile(r"[^\W_][\w'-]*")
#: Words that say nothing of what a label names: articles, prepositions, and the words of any value table.
_FILLER = frozenset("""a an the of for per in on at to by with and or is are be de del la las el los le les des du
un une und der die das den dem von für im mit y o et en au aux zu value values limit limits max maximum minimum min
parameter parameters setting settings default target targets budget
máximo máxima mínimo mínima maximal maximale höchstens""".split())
#: A value's qualifier in its cell: "90% SoC", "85% CPU" (one word, to the cell's end).
_QUALIFIER = lazy_compile(r"\s*([A-Za-z][A-Za-z0-9]{1,11})\s*$")
#: Label words that say which bound a value is, not what it measures: a sentence may leave them out when it
#: holds two other words of the label ("| Release threshold | 90% SoC |" and "release it once its SoC reaches 80%").
_SOFT = frozenset({"thresh", "level", "trigge", "cutoff", "interv", "period", "durati"})
#: A label word this long names its quantity alone ("arrastrable", "retention"); shorter ones need a second word.
_LONG_WORD = 8
_SHARE = lazy_compile(
    r"\b(?:canar(?:y|ies)|serves?|served|routes?|routed|rolls?\s+out\s+to|rolled\s+out\s+to|expose[sd]?\s+to|sampled?|samples|"
    r"shifts?|shifted|sends?|sent|receives?|received|gets?)\s+(?:on\s+|to\s+|at\s+)?(?:only\s+|just\s+)?"
    r"(?P<num>\d+(?:\.\d+)?)\s?%\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[\w'-]+\s+){0,3}?(?P<whole>traffic|requests|queries|users|"
    r"customers|sessions|visitors|members|tenants|pods|nodes|hosts|devices|accounts|calls)\b",
    re.I,
)
#: A value that something is changed to or by: "below that the step is extended, up to 1 hour" bounds an extension,
#: it does not restate the step's duration.
_CHANGED = lazy_compile(r"\b(?:extend(?:s|ed)?|shorten(?:s|ed)?|increas(?:e|es|ed)|reduc(?:e|es|ed)|doubl(?:e|es|ed)|"
                        r"halv(?:e|es|ed)|prolong(?:s|ed)?)\b", re.I)
_CONDITIONAL = lazy_compile(r"\b(?:if|when|whenever|once|unless|until|while)\b", re.I)


def labelled_contradictions(document: Document) -> list[Contradiction]:
    """Pairs (later, earlier) of a value table's row and a sentence, or two shares, that disagree. Computed once
    per document."""
    cached = _cache.get(document)
    if cached is None:
        cached = _cache[document] = [*_labelled_pairs(document), *_share_pairs(document)]
    return cached


def _stem(word: str) -> str:
    return _lemma(word)[:6]


def _measure(match: re.Match[str]) -> tuple[str, float]:
    """The kind of a quantity and its value in a common unit (seconds, bytes, per second)."""
    value = float(match.group("num").replace(",", "."))
    if match.group("percent"):
        return "percent", value
    if match.group("rate"):
        return "rate", value / _TIME_UNITS.get(match.group("rate").lower(), _TIME_UNITS.get(match.group("rate").lower() + "s", 1))
    unit = match.group("unit").lower()
    if unit in _SIZE_BYTES:
        return "size", value * _SIZE_BYTES[unit]
    return "time", value * _TIME_UNITS[unit]


class _Label:
    """A value table row: the words of its label, the quantity its cell gives, and the table it stands in."""

    __slots__ = ("words", "stems", "family", "value", "statement", "table")

    def __init__(self, words: tuple[str, ...], family: str, value: float, statement: Statement, table: int) -> None:
        self.words = words
        self.stems = frozenset(_stem(word) for word in words)
        self.family = family
        self.value = value
        self.statement = statement
        self.table = table


def _labels(document: Document, cell_table: dict[int, int]) -> Iterator[_Label]:
    """The value rows of the document's tables; fills `cell_table` (a cell's id → its table's id) on the way."""
    from speclint.document.text import find_all_alone
    from speclint.reading.quantities import tables
    from speclint.reading.requirements import not_in_scope

    for section, block in tables(document):
        cell_table.update((id(cell), id(block)) for row in block.rows for cell in row)
        if section.heading is not None and not_in_scope(section):
            continue
        for row in block.rows:
            if len(row) < 2 or not row[0].segments:
                continue
            words = tuple(word for word in _TOKEN.findall(row[0].text.lower()) if word not in _FILLER
                          and not word.isdigit())
            if not words or (len(words) < 2 and len(words[0]) < _LONG_WORD):
                continue
            for position, cell in enumerate(row[1:], 1):
                text = cell.text.strip(" *_~≈")
                found = next(iter(find_all_alone(_QUANTITY, cell.segments)), None)
                if found is None or not text.startswith(found[0].group("num")) or _NOT_A_COUNT.search(text):
                    continue  # the cell must give the value: "14 days", not "between 7 and 14 days"
                if sum(1 for _ in _QUANTITY.finditer(text)) != 1:
                    continue
                family, value = _measure(found[0])
                if any(_measure(other)[0] == family for later in row[position + 1:]
                       for other in _QUANTITY.finditer(later.text)):
                    break  # "| Retention | 11.8% | ≥ 13.5% |": a baseline and a target, which one would a sentence restate?
                written = " ".join(found[0].group(0).split())
                # "| Release threshold | 90% SoC |": the word after the value says what it measures
                qualifier = _QUALIFIER.match(text, len(found[0].group(0)) + text.find(found[0].group(0)))
                label = words if qualifier is None else (*words, qualifier.group(1).lower())
                yield _Label(label, family, value, Statement("labelled", label, family, family, value, written, found[1]),
                             id(block))
                break


#: A setting in a configuration block: `"refresh_interval": "5s"`, `timeout: 30s`, `retention_days = 14`.
_CONFIG_LINE = lazy_compile(
    r"^(?P<indent>\s*)[\"']?(?P<key>[A-Za-z][\w.-]*?)[\"']?\s*[:=]\s*(?:"
    r"[\"']?(?P<num>\d+(?:\.\d+)?)(?P<unit>ms|s|m|h|d)[\"']?|(?P<bare>\d+(?:\.\d+)?))\s*,?\s*(?:#.*)?$")
#: A key that opens a nested object or mapping: `"index": {`, `retention:`.
_CONFIG_PARENT = lazy_compile(r"^(?P<indent>\s*)[\"']?(?P<key>[A-Za-z][\w.-]*)[\"']?\s*[:=]\s*\{?\s*$")
_CONFIG_LANGUAGES = frozenset({"json", "jsonc", "yaml", "yml", "toml", "ini", "hcl", "conf", "properties", "env"})
#: A paragraph that introduces an illustration.
_EXAMPLE = lazy_compile(r"\b(?:for\s+example|for\s+instance|e\.g\.|example|sample|such\s+as|something\s+like|might\s+look|"
                        r"could\s+look|would\s+look|por\s+ejemplo|zum\s+Beispiel|z\.\s?B\.|Beispiel|ejemplo)", re.I)
_GO_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400}
#: A unit in a key's name: `timeout_seconds: 30`, `retentionDays: 14`.
_KEY_UNITS = {"ms": 0.001, "millis": 0.001, "milliseconds": 0.001, "sec": 1, "secs": 1, "seconds": 1, "mins": 60,
              "minutes": 60, "hours": 3600, "days": 86400}
_KEY_WORD = lazy_compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def _config_labels(document: Document) -> Iterator[_Label]:
    """Durations set in configuration blocks, labelled by their key and the key that holds it (`"index": {
    "refresh_interval": "5s" }` is the index's refresh interval)."""
    from speclint.document.model import CodeBlock, Paragraph
    from speclint.reading.requirements import not_in_scope

    previous: object = None
    for section, block in document.iter_blocks():
        introduced_by, previous = previous, block
        if not isinstance(block, CodeBlock) or block.language not in _CONFIG_LANGUAGES:
            continue
        if isinstance(introduced_by, Paragraph) and _EXAMPLE.search(introduced_by.text):
            continue  # "For example:" — an illustration, not the settings
        if section.heading is not None and not_in_scope(section):
            continue
        parents: list[tuple[int, str]] = []
        for segment in block.lines:
            parent = _CONFIG_PARENT.match(segment.text)
            if parent is not None:
                depth = len(parent.group("indent"))
                parents = [*(each for each in parents if each[0] < depth), (depth, parent.group("key"))]
                continue
            found = _CONFIG_LINE.match(segment.text)
            if found is None:
                continue
            depth = len(found.group("indent"))
            parents = [each for each in parents if each[0] < depth]
            words = [word.lower() for word in _KEY_WORD.findall(found.group("key"))]
            if found.group("bare") is not None:
                if not words or words[-1] not in _KEY_UNITS:
                    continue
                value = float(found.group("bare")) * _KEY_UNITS[words.pop()]
            else:
                value = float(found.group("num")) * _GO_UNITS[found.group("unit")]
            owner = [word.lower() for word in _KEY_WORD.findall(parents[-1][1])] if parents else []
            label = tuple(word for word in (*owner, *words) if word not in _FILLER and len(word) > 1)
            if not label or (len(label) < 2 and len(label[0]) < _LONG_WORD):
                continue
            column = segment.column + found.start("num" if found.group("num") else "bare")
            written = found.group(0)[found.start("num" if found.group("num") else "bare") - found.start():].strip(" \"',")
            span = Span(Position(segment.line, column), Position(segment.line, column + len(written)))
            yield _Label(label, "time", value, Statement("labelled", label, "time", "time", value, written, span), id(block))


def _labelled_pairs(document: Document) -> Iterator[Contradiction]:
    from speclint.document.text import find_all_alone, iter_prose
    from speclint.reading.normative import sentence_bounds
    from speclint.reading.requirements import not_in_scope

    cell_table: dict[int, int] = {}
    labels = [*_labels(document, cell_table), *_config_labels(document)]
    if not labels:
        return
    pieces = tuple(iter_prose(document))
    for piece in (pieces[position] for position in numbered_pieces(document)):  # a quantity holds a number
        if piece.kind == "heading" or (piece.section.heading is not None and not_in_scope(piece.section)):
            continue
        table = cell_table.get(id(piece.block))
        matches = list(find_all_alone(_QUANTITY, piece.segments))
        for match, span in matches:
            text = match.string
            start, end = sentence_bounds(text, match.start(), match.end())
            sentence = text[start:end]
            if _NOT_A_COUNT.search(sentence) or _HYPOTHETICAL.search(sentence) or sentence.rstrip(" *_").endswith("?") \
                    or _CHANGED.search(sentence):
                continue
            family, value = _measure(match)
            if sum(1 for other in _QUANTITY.finditer(sentence) if _measure(other)[0] == family) != 1:
                continue  # which of the sentence's numbers would the label be?
            stems = {_stem(word) for word in _TOKEN.findall(sentence.lower())}
            for label in labels:
                if label.family != family or label.value == value or label.table == table:
                    continue
                if label.statement.span.start.line == span.start.line:
                    continue
                missing = label.stems - stems
                if missing and not (len(label.stems) >= 4 and len(missing) == 1) \
                        and not (missing <= _SOFT and len(label.stems - missing) >= 2):
                    continue
                statement = Statement("labelled", label.words, family, family, value, " ".join(match.group(0).split()), span)
                if (span.start.line, span.start.column) > (label.statement.span.start.line, label.statement.span.start.column):
                    yield statement, label.statement
                else:
                    yield label.statement, statement
                break


def _share_pairs(document: Document) -> Iterator[Contradiction]:
    """Two shares of the same traffic in different sections: "first serves 5% of search traffic" and "canary
    on 20% of search traffic"."""
    from speclint.document.text import find_all_alone, iter_prose
    from speclint.reading.normative import sentence_bounds
    from speclint.reading.requirements import not_in_scope

    seen: list[tuple[int, tuple[str, ...], Statement]] = []
    pieces = tuple(iter_prose(document))
    for piece in (pieces[position] for position in numbered_pieces(document)):  # a share holds a number
        if piece.kind == "heading" or (piece.section.heading is not None and not_in_scope(piece.section)):
            continue
        for match, span in find_all_alone(_SHARE, piece.segments):
            text = match.string
            start, end = sentence_bounds(text, match.start(), match.end())
            sentence = text[start:end]
            if _NOT_A_COUNT.search(sentence) or _HYPOTHETICAL.search(sentence) or _CONDITIONAL.search(sentence):
                continue
            if sum(1 for _ in re.finditer(r"\d\s?%", sentence)) != 1:
                continue  # "5%, then 25%, then all": stages
            whole = match.group(0)[match.start("num") - match.start():]
            words = tuple(word for word in _TOKEN.findall(whole.lower().split(" of ", 1)[-1])
                          if word not in _FILLER and word not in ("all", "its", "their"))
            if len(words) < 2:
                continue  # "5% of traffic" of what?
            stems = tuple(_stem(word) for word in words)
            lead = match.group(0)[: match.start("num") - match.start()]
            if "\n" not in lead:  # the finding points at the share itself ("20% of search traffic")
                span = Span(Position(span.start.line, span.start.column + len(lead)), span.end)
            statement = Statement("share", words, "share", "percent", float(match.group("num")), " ".join(whole.split()), span)
            for section, earlier_stems, earlier in seen:
                if section != id(piece.section) and earlier_stems == stems and earlier.value != statement.value:
                    yield statement, earlier
                    break
            seen.append((id(piece.section), stems, statement))


_cache: WeakKeyDictionary[Document, list[Contradiction]] = WeakKeyDictionary()
