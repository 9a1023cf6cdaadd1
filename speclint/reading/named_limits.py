"""Limits a document names and uses as a boundary without ever giving their value.

"Payouts above the review limit are held", "up to their card's hold limit", "more than the maximum
consecutive periods", "after its time budget", "cuyo volumen supere el umbral de riesgo": the
behaviour turns on a named limit, threshold, cap, quota, tolerance, budget, window or period, and
the reader needs its value. Whether the document gives that value anywhere (a table row, a
configuration block, a glossary entry, a later section) is answered by `given_elsewhere` from an
index of the lines that hold a quantity, built once per document.
"""

from __future__ import annotations

import re
import weakref

from speclint.document.model import Document, Section
from speclint.lazy_regex import lazy_compile
from speclint.reading.normative import has_quantity

_I = re.I

#: Nouns that name a limit, by what they limit (a value, a time); the class lets "| Solver time limit | 60 s |"
#: give the value of "its time budget".
_LIMIT_NOUNS = ("limit", "threshold", "cap", "ceiling", "quota", "allowance", "tolerance", "budget", "max", "maximum",
                "min", "minimum", "umbral", "límite", "limite", "tope", "máximo", "mínimo", "cuota", "tolerancia",
                "presupuesto", "grenze", "grenzwert", "schwellenwert", "obergrenze", "untergrenze", "toleranz",
                "höchstwert", "seuil", "plafond", "tolérance", "soglia", "tetto", "massimale", "tolleranza", "franchigia",
                "limiar", "teto", "tolerância", "cota")
#: Nouns whose meaning is an amount with a unit, which, named ("the sync delay", "the allowed lateness", "the clustering
#: radius"), are a limit the behaviour turns on. Like "period" and "window", each needs a name to say which one.
MEASURE_NOUNS = ("delay", "interval", "duration", "lateness", "lag", "radius", "distance", "horizon", "margin")
_TIME_NOUNS = ("period", "window", "timeout", "ttl", "cutoff", "deadline", "plazo", "periodo", "período", "ventana",
               "frist", "zeitraum", "zeitfenster", "délai", "période", "fenêtre", "finestra", "termine", "prazo", "janela")

#: A comparison with the limit, any comparative: "longer than", "older than", "further than", "more than".
_THAN = r"(?:more|less|fewer|(?!(?:oth|rath|wheth|ev|nev|howev|togeth|eith|neith|und|ov|aft|numb|ord|us|ent|off)er\b)[a-z]{2,}er)\s+than"
_PREP_EN = (r"above|over|beyond|exceed(?:s|ed|ing)?|past|below|under|within|up\s+to|at\s+most|" + _THAN + r"|"
            r"after|until|till|reach(?:es|ed|ing)?|cross(?:es|ed|ing)?|surpass(?:es|ed|ing)?|breach(?:es|ed|ing)?|"
            r"outside(?:\s+of)?")
_DET_EN = r"(?:the|its|their|his|her|our|your|each|[A-Za-z][\w-]*['’]s)\s+(?:[A-Za-z][\w-]*['’]s\s+)?"

#: A limit used as a boundary. `head` holds the words that say which limit it is ("review", "hold",
#: "time", "consecutive periods"); `noun` what kind of limit.
BOUNDARY = lazy_compile(
    # "above the review limit", "up to their card's hold limit", "more than the spike threshold", "after its time budget"
    r"\b(?:" + _PREP_EN + r")\s+" + _DET_EN +
    r"(?P<head>(?:[\w-]+\s+){0,4}?)(?P<noun>limit|threshold|cap|ceiling|quota|tolerance|budget|allowance|time-?out|ttl|cut-?off)s?\b"
    r"(?!\s+(?:of|at|to|is|was|=|:)\s+\S*\d)|"
    # "after the retention period", "within the cooling-off window": a period needs a name
    r"\b(?:after|until|till|within|inside|beyond|past|outside(?:\s+of)?|before\s+the\s+end\s+of|exceed(?:s|ed|ing)?|" + _THAN + r")\s+" +
    _DET_EN + r"(?P<phead>(?:[\w-]+\s+){1,2}?)(?P<pnoun>period|window|" + "|".join(MEASURE_NOUNS) + r")\b"
    r"(?!\s+(?:of|is|was|=|:)\s+\S*\d)|"
    # a limit brought in with an indefinite article is not given in its sentence: "up to a daily cap", "within a short
    # radius", "polls on a fixed interval", "waits for a short timeout" ("a cap of EUR 500" gives it)
    r"\b(?:" + _PREP_EN + r"|on|at|for|with)\s+an?\s+(?P<ihead>(?:[\w-]+\s+){0,2}?)"
    r"(?P<inoun>limit|threshold|cap|ceiling|quota|budget|allowance|time-?out|ttl|cut-?off|period|window|" + "|".join(MEASURE_NOUNS) +
    r")\b(?!\s*(?:\(|of|at|to|is|was|=|:|set\s+to|between|from)\s*\S*\d)(?!-)|"
    # "more than the maximum consecutive periods", "less than the maximum transfer time apart"
    r"\b(?:" + _PREP_EN + r")\s+the\s+(?P<mnoun>maximum|minimum|max|min)\s+"
    r"(?!(?:of|allowed|permitted|possible|supported|available|configured|configurable|defined|specified|set)\b)"
    r"(?P<mhead>(?:(?:number|amount|count)\s+of\s+)?[\w-]+(?:\s+[\w-]+)?)|"
    # "once the error budget is exhausted", "when the daily quota is reached": the limit, then what reaches it
    r"\b(?:the|its|their)\s+(?P<vhead>(?:[\w-]+\s+){0,2}?)(?P<vnoun>limit|threshold|cap|ceiling|quota|tolerance|budget|allowance)s?\s+"
    r"(?:is|are|has\s+been|have\s+been|gets?)\s+(?:reached|exceeded|exhausted|hit|crossed|breached|used\s+up|spent|met)\b|"
    # "Variances above tolerance require a recount", "over quota"
    r"\b(?:above|beyond|outside(?:\s+of)?|out\s+of|exceed(?:s|ed|ing)?|over)\s+(?P<bnoun>tolerance|quota)\b|"
    # Spanish: "supere el umbral de riesgo", "por encima del límite de retiro", "hasta el tope de envíos"
    r"\b(?:supera|superan|supere|superen|superar|excede|exceden|exceda|excedan|exceder|sobrepasa|sobrepase|sobrepasen|"
    r"por\s+encima|por\s+debajo|más\s+allá|dentro|fuera|después|antes|hasta|más|menos|superior(?:es)?|inferior(?:es)?|"
    r"tras)\s+(?:(?:de|a)\s+)?(?:el|la|los|las|su|sus|del|al)\s+"
    r"(?P<snoun>umbral|límite|tope|máximo|mínimo|cuota|tolerancia|plazo|periodo|período|ventana|presupuesto)"
    r"(?:\s+(?:de|del|de\s+la)\s+(?P<shead>[\w-]+))?|"
    # French: "au-delà du seuil d'alerte", "dépasse le plafond", "après le délai de rétention"
    r"\b(?:au-delà|au-dessus|en\s+dessous|en-dessous|au-dessous|dépass\w*|excèd\w*|après|avant|dans|jusqu['’]au)\s+"
    r"(?:(?:du|de\s+la|de\s+l['’]|le|la|l['’]|son|sa|leur)\s*)"
    r"(?P<fnoun>seuil|plafond|quota|tolérance|délai|budget)(?:\s+(?:de|d['’]|du)\s*(?P<fhead>[\w-]+))?|"
    # Italian: "sotto la soglia minima", "oltre il limite di spesa", "entro il termine di pagamento"
    r"\b(?:sotto|sopra|oltre|entro|al\s+di\s+(?:sotto|sopra)|supera\w*|eccede\w*|fino)\s+(?:a\s+|al\s+di\s+)?"
    r"(?:il|la|lo|l['’]|al|alla|allo|all['’]|del|della|dello|dell['’]|suo|sua)\s*"
    r"(?P<inoun_it>soglia|limite|tetto|massimale|tolleranza|franchigia|finestra|periodo|termine)"
    r"(?:\s+(?:di\s+|del\s+|della\s+)?(?P<ihead_it>[\w-]+))?|"
    # Portuguese: "acima do limite diário", "abaixo do limiar de alerta", "dentro do prazo de resposta"
    r"\b(?:acima|abaixo|além|dentro|fora|depois|antes|até|ultrapass\w*|exced\w*)\s+(?:de\s+)?"
    r"(?:o|a|do|da|ao|à|seu|sua)\s+(?P<pnoun_pt>limite|limiar|teto|tolerância|prazo|janela|período|cota)"
    r"(?:\s+(?:de\s+|do\s+|da\s+)?(?P<phead_pt>[\w-]+))?|"
    # German: "den Schwellenwert überschreitet", "über der Obergrenze", "nach Ablauf der Aufbewahrungsfrist"
    r"\b(?:über|oberhalb|unterhalb|jenseits|innerhalb|außerhalb|bis\s+zu[mr]?|nach\s+Ablauf)\s+(?:de[mnrs]|die|das|ihre[mnrs]?|"
    r"seine[mnrs]?)\s+(?:[\w-]+\s+)?(?P<gnoun>\w*(?:[Ss]chwellenwert|[Gg]renzwert|[Oo]bergrenze|[Hh]öchstgrenze|[Ll]imit|"
    r"[Tt]oleranz|[Ff]rist|[Zz]eitfenster|[Zz]eitbudget|[Kk]ontingent))\b|"
    r"\b(?:de[mnr]|die|das|ihre[mnrs]?|seine[mnrs]?)\s+(?:[\w-]+\s+)?(?P<gvnoun>\w*(?:[Ss]chwellenwert|[Gg]renzwert|[Oo]bergrenze|"
    r"[Hh]öchstgrenze|[Ll]imit|[Tt]oleranz|[Kk]ontingent))\s+(?:überschreite\w*|übersteig\w*|erreich\w*)",
    _I,
)

#: Words of a head that name no limit of their own: "the same window", "within the current period".
_NAMELESS = frozenset(("same", "this", "that", "current", "next", "previous", "first", "last", "whole", "entire", "given",
                       "following", "reporting", "specified", "specific", "relevant", "applicable", "other",
                       "certain", "new", "old", "overall", "total", "initial", "final", "said", "above", "below", "such",
                       "one", "any", "some", "billing", "calendar", "fiscal", "measurement", "observation", "study", "test",
                       "testing", "evaluation", "transition", "migration", "deprecation", "support", "maintenance",
                       "release", "sprint", "planning", "project", "launch", "beta", "pilot", "trial", "program"))
#: Foreign nouns that, like "period", "window" and "the maximum" in English, say which limit only with a name:
#: "el plazo de devolución" is one, "dentro del plazo" is any deadline.
_NEEDS_NAME = frozenset(("plazo", "periodo", "período", "ventana", "máximo", "mínimo", "délai", "finestra", "termine", "prazo",
                         "janela", *MEASURE_NOUNS))
#: Words that size a limit in words or call it settled without saying to what: dropped from the name a value is
#: looked for by ("a short timeout" is given by "connect timeout: 5 s").
_VAGUE_SIZE = frozenset(("short", "long", "small", "large", "brief", "fixed", "set", "certain", "given", "predefined", "defined",
                         "specific", "reasonable", "limited", "generous", "tight", "low", "high", "predetermined", "very"))
_STOP = frozenset(("the", "a", "an", "of", "de", "del", "la", "el", "los", "las", "der", "die", "das", "dem", "den", "du",
                   "le", "per", "and", "or", "for", "to", "d", "l", "s", "su", "sus", "son", "sa", "ses", "leur", "leurs",
                   "ihr", "ihre", "sein", "seine"))

#: The limit belongs to another system, or its value is delegated: "GitHub's API rate limit", "the quota
#: the provider sets", "the configurable threshold", "the limit defined in the plan".
_ELSEWHERE = lazy_compile(
    # "configurable", "configured", "set in configuration", "the configuration key" (not "keeps the last known configuration")
    r"\b(?:configur(?!ation\b)\w*|(?:in|via|through|from|by)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+)?configuration\b|"
    r"configuration\s+(?:keys?|options?|settings?|parameters?|values?|propert(?:y|ies)|flags?|files?)\b|settings?|tunable|adjustable|customi[sz]able|set\s+(?:by|per|in)|defined\s+(?:by|in|per)|"
    r"specified\s+(?:by|in)|agreed|negotiated|contract\w*|provider\w*|vendor\w*|upstream|third[- ]party|external|partner\w*|"
    r"imposed\s+by|enforced\s+by|platform\w*|see\b|per[- ](?:tenant|plan|tier|customer|account|merchant|seller|region|workspace)"
    # "per seller" says whom a limit applies to, not who sets it: only an override or setting per tenant delegates
    r"(?=[- ](?:overrides?|settings?|configuration|values?)\b)|"
    r"plan['’]s|tier['’]s|konfigur\w*|einstellbar|parametri[sz]\w*|paramétr\w*|"
    # a limit set by law or an agreement: "up to the cap of their collective agreement", "hasta el tope de su convenio"
    r"law|legal\w*|statutory|regulat\w*|collective|convenio\w*|contrato\w*|ley|legales?|Gesetz\w*|gesetzlich\w*|Tarifvertrag\w*|"
    r"Betriebsvereinbarung\w*|loi|légal\w*|convention\w*|"
    # "definido por Riesgos", "según la política", "festgelegt von", "laut", "défini par", "selon"
    r"definid[oa]s?\s+(?:en|por)|establecid[oa]s?\s+(?:en|por)|fijad[oa]s?\s+(?:en|por)|según|conforme\s+a|de\s+acuerdo\s+con|"
    r"festgelegt\w*|definiert\w*|laut|gemäß|défini\w*\s+(?:par|dans)|fixé\w*\s+(?:par|dans)|selon|conformément)"
    r"(?!\w)", _I)  # whole words: "on a set interval" is not "set in"
#: Numbers written out in Spanish, German and French, which `has_quantity` (English) does not read: "el doble", "zehn Tage".
_FOREIGN_NUMBER = lazy_compile(
    r"\b(?:dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|quince|veinte|treinta|cuarenta|cincuenta|cien|ciento|mil|doble|triple|"
    r"mitad|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|fünfzehn|zwanzig|dreißig|hundert|tausend|doppelt\w*|hälfte|"
    r"deux|trois|quatre|cinq|sept|huit|neuf|dix|quinze|vingt|trente|quarante|cinquante|mille|moitié)\b", _I)


def _quantity(text: str) -> bool:
    return has_quantity(text) or bool(_FOREIGN_NUMBER.search(text))


#: "Daily cap per seller: still open": the period a limit resets in is no value of it.
_RESET_BEFORE_LIMIT = lazy_compile(
    r"\b(?:hourly|daily|weekly|monthly|quarterly|yearly|annual)\s+(?=(?:[\w-]+\s+)?(?:quotas?|limits?|caps?|allowances?|ceilings?|"
    r"thresholds?|budgets?)\b)", _I)


def _valued_text(text: str) -> bool:
    """The text holds a quantity that can be a limit's value."""
    return _quantity(_RESET_BEFORE_LIMIT.sub(" ", text))
_QUESTION_TITLE = lazy_compile(
    r"\b(?:open|unresolved|outstanding|remaining|unanswered|pending)\s+(?:questions?|issues?|points?|items?|decisions?)\b|"
    r"^\W*(?:questions?|faq|tbd|to\s+be\s+decided|offene\s+fragen|preguntas(?:\s+abiertas)?|questions\s+ouvertes)\W*$", _I)
_WORD = lazy_compile(r"[^\W\d_]+")
_CAMEL = lazy_compile(r"(?<=[a-z])(?=[A-Z][a-z])")  # "reviewLimit", not "SoC"
#: A label and the separator before its value: "| Spike threshold | 25 % |", "- **Retention:** 90 days", "lag_limit: 5000".
_LABEL = lazy_compile(r"^[\s>*+|#-]*(?:\*\*|`)?(?P<label>[^\s>*+|#:=`-][^|:=*`\n]{0,39}?)\s*(?:\*\*|`)?\s*(?:\||:|=|\s[—–]\s)")
_LINE_MARKER = lazy_compile(r"^\s*(?:>\s*)*(?:[-*+]|\d{1,3}(?:\.\d{1,3})*[.)])\s+")


def stem(word: str) -> str:
    word = word.lower()
    if word in ("maximum", "max", "máximo", "maximale", "maximal"):
        return "max"
    if word in ("minimum", "min", "mínimo"):
        return "min"
    if word.startswith("limit"):
        return "limit"  # "rate-limited to 60 requests per minute" gives "the limit"
    if len(word) > 4 and word.endswith("es") and not word.endswith(("ses", "ces")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:7]


_NAMELESS_STEMS = frozenset(stem(word) for word in (*_NAMELESS,
    "facturación", "prueba", "mantenimiento", "migración", "transición", "lanzamiento", "piloto", "mismo", "misma", "actual",
    "siguiente", "anterior", "fiscal", "calendario", "gracia", "facturation", "essai", "maintenance", "même", "courant",
    "suivant", "précédent", "lancement", "Abrechnung", "Abrechnungs", "Test", "Wartung", "Wartungs", "gleichen", "aktuellen"))
_QUALIFIER_STEMS = frozenset(stem(word) for word in ("remaining", "left", "leftover", "unused", "available", "included",
                                                     "allotted", "allocated", "expected"))
_VAGUE_SIZE_STEMS = frozenset(stem(word) for word in _VAGUE_SIZE)
_LIMIT_STEMS = frozenset(stem(word) for word in _LIMIT_NOUNS)
_TIME_STEMS = frozenset(stem(word) for word in _TIME_NOUNS)


def words_of(text: str) -> list[str]:
    """The stems of `text`'s words, identifiers split: "reviewLimit", "review_limit" and "review-limit" are "review", "limit"."""
    return [stem(word) for word in _WORD.findall(_CAMEL.sub(" ", text.replace("_", " ")))]


_words = words_of


class _ValueIndex:
    """The lines of a document that hold a quantity: each stem they contain, and the stems of their label
    ("| Spike threshold | 25 % |", "review_limit_eur: 2000", "- **Retention:** 90 days")."""

    __slots__ = ("words", "labels", "delegating", "sized", "sequences")

    def __init__(self, lines: list[str], marks: tuple[str, ...]) -> None:
        self.words: dict[str, set[int]] = {}
        self.labels: dict[str, set[int]] = {}
        #: the stems of lines that put a value elsewhere ("hasta el tope de su convenio", "a configurable threshold")
        self.delegating: dict[str, set[int]] = {}
        self.sized = False  # a size in bytes is given somewhere
        #: each unit's stems in order: a value is a named limit's only when its name stands beside a noun of its kind
        self.sequences: dict[int, list[str]] = {}
        def named(text: str) -> bool:  # a limit's noun may be in it: only then are the heavier patterns run
            lowered = text.lower()
            return any(mark in lowered for mark in marks)

        for number, text in enumerate(lines, start=1):
            if named(text) and _ELSEWHERE.search(text):
                for word in _words(text):
                    self.delegating.setdefault(word, set()).add(number)
            if named(text) and _introduces_values(lines, number):
                # "Settlement windows per payment rail:" over a table, "| Plan | Included quota |": the values are given
                # item by item below, in numbers or in words ("same business day")
                stems = self.sequences[number] = _words(text)
                for word in stems:
                    self.words.setdefault(word, set()).add(number)
                continue
            if not any(char.isdigit() for char in text) and not _FOREIGN_NUMBER.search(text):
                continue
            text = _LINE_MARKER.sub("", text)  # "2. Patrons may ...": a list number is no value
            self.sized = self.sized or bool(_SIZE_VALUE.search(text))
            if not _valued_text(text):
                continue
            # "a seller with less than 90 days whose volume exceeds the risk threshold": a line that uses the
            # limit as a boundary, with another quantity, gives the limit no value
            if named(text):
                text = BOUNDARY.sub(lambda match: match.group(0) if _valued(match) else " ", text)
            stems = self.sequences[number] = _words(text)
            for word in stems:
                self.words.setdefault(word, set()).add(number)
            label = _LABEL.match(text)
            if label is not None:
                for word in _words(label.group("label")):
                    self.labels.setdefault(word, set()).add(number)
        # A value in prose wrapped over two lines ("The transfer window is\n90 minutes."), or in another sentence
        # of the limit's own line: each sentence of a paragraph is a unit of its own (numbered below zero, so that
        # no line excludes it; the limit's own mention is blanked out of it as above).
        for unit, sentence in enumerate(_prose_sentences(lines), start=1):
            if not _valued_text(sentence):
                continue
            if named(sentence):
                sentence = BOUNDARY.sub(lambda match: match.group(0) if _valued(match) else " ", sentence)
            stems = self.sequences[-unit] = _words(sentence)
            for word in stems:
                self.words.setdefault(word, set()).add(-unit)


def _table_separator(line: str) -> bool:
    """A table's separator row ("|---|:--:|"): the row above it is the table's header."""
    text = line.strip()
    return "--" in text and not text.strip("|:- ")


_TABLE_OR_ITEM = lazy_compile(r"^\s*(?:\||[-*+]\s|\d{1,3}[.)]\s)")


def _introduces_values(lines: list[str], number: int) -> bool:
    """The line heads values listed item by item: a lead-in ending in a colon over a table or list ("Settlement
    windows per payment rail:"), or a table's header row ("| Plan | Included quota |")."""
    text = lines[number - 1].strip()
    if text.startswith("|"):
        if number >= len(lines) or not _table_separator(lines[number]):
            return False
        start = number + 1
    elif text.endswith(":") and not _LINE_MARKER.match(lines[number - 1]):
        start = number + (number < len(lines) and not lines[number].strip())
        if start >= len(lines) or not _TABLE_OR_ITEM.match(lines[start]):
            return False
    else:
        return False
    block = []
    for each in lines[start:start + 15]:
        if not _TABLE_OR_ITEM.match(each):
            break
        block.append(each)
    # the items hold the values: a quantity or a span in words ("same or next business day")
    return any(_quantity(each) or _SPAN_WORD.search(each) for each in block)


_SPAN_WORD = lazy_compile(r"\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b", _I)


_FENCE = lazy_compile(r"^\s*(?:```|~~~)")
_BLOCK_START = lazy_compile(r"^\s*(?:[-*+]\s|\d{1,3}[.)]\s|#|\||>)")
_SENTENCE_BREAK = lazy_compile(r"(?<=[.!?;])\s+")


def _prose_sentences(lines: list[str]) -> list[str]:
    """The sentences of the document's paragraphs and list items, their wrapped lines joined (code and tables left out)."""
    sentences: list[str] = []
    run: list[str] = []
    fenced = False
    for text in [*lines, ""]:
        if _FENCE.match(text):
            fenced = not fenced
            text = ""
        if fenced or not text.strip() or text.lstrip().startswith("|") or _BLOCK_START.match(text):
            if run:
                sentences.extend(_SENTENCE_BREAK.split(" ".join(run)))
                run = []
            if not fenced and text.strip() and not text.lstrip().startswith(("|", "#")):
                run = [_LINE_MARKER.sub("", text)]  # a list item or quote opens a run of its own
            continue
        run.append(text.strip())
    return sentences


def _valued(match: re.Match[str]) -> bool:
    return value_beside(match.string, match.start(), match.end(), len(match.string))


_indexes: weakref.WeakKeyDictionary[Document, _ValueIndex] = weakref.WeakKeyDictionary()


def _index(document: Document) -> _ValueIndex:
    index = _indexes.get(document)
    if index is None:
        index = _indexes[document] = _ValueIndex(document.lines, _document_marks(document))
    return index


class NamedLimit:
    """What a boundary match names: the stems of its head and its noun."""

    __slots__ = ("head", "noun", "written")

    def __init__(self, head: tuple[str, ...], noun: str, written: str) -> None:
        self.head = head
        self.noun = noun
        self.written = written


#: What every `BOUNDARY` match holds (lower case): a statement without any of these is not searched.
_NOUN_MARKS = ("limit", "threshold", "cap", "ceiling", "quota", "toleran", "tolérance", "budget", "allowance", "timeout", "time-out", "ttl",
               "cut", "period", "window", "max", "minim", "umbral", "límite", "tope", "máximo", "mínimo", "cuota", "plazo",
               "período", "ventana", "presupuesto", "seuil", "plafond", "délai", "schwellenwert", "grenz", "frist",
               "kontingent", "zeitfenster", *MEASURE_NOUNS, "soglia", "tetto", "massimale", "tolleran", "franchigia", "finestra",
               "termine", "limiar", "teto", "prazo", "janela", "cota")
_marks: weakref.WeakKeyDictionary[Document, tuple[str, ...]] = weakref.WeakKeyDictionary()


def _document_marks(document: Document) -> tuple[str, ...]:
    marks = _marks.get(document)
    if marks is None:
        whole = "\n".join(document.lines).lower()
        marks = _marks[document] = tuple(mark for mark in _NOUN_MARKS if mark in whole)
    return marks


def may_name_a_limit(document: Document, text: str) -> bool:
    """A cheap test before `BOUNDARY` is searched: the text holds a word a named limit is made of (only the words
    the document holds at all are tried, found once per document)."""
    marks = _document_marks(document)
    if not marks:
        return False
    lowered = text.lower()
    return any(mark in lowered for mark in marks)


def named_limit(match: re.Match[str]) -> NamedLimit | None:
    """The limit a `BOUNDARY` match names, or None when its head names none ("within the same window")."""
    groups = match.groupdict()
    for noun_group, head_group in _GROUPS:
        noun = groups.get(noun_group)
        if noun is None:
            continue
        head_text = (groups.get(head_group) or "") if head_group else ""
        # "the daily or weekly cap": two limits; the value of the last one named stands for both
        head_text = _COORDINATION.split(head_text)[-1]
        # "above the remaining allowance", "their included quota", "its expected settlement window": what is left of a
        # limit, or whose it is, does not say which limit
        head = tuple(word for word in _words(head_text) if word not in _STOP and word not in _QUALIFIER_STEMS)
        if noun_group == "inoun":
            # "a short radius", "polls on a fixed interval": a span sized in words; "up to a daily cap", "with a timeout":
            # a limit brought in with no value. Not "after a quiet period" (a state) or "on an end cap" (a shelf).
            sized = any(word in _VAGUE_SIZE_STEMS for word in head)
            if noun.lower() in _SPANS and not sized:
                return None
            if _ON_OR_AT.match(match.group(0)) and not sized:
                return None
            head = tuple(word for word in head if word not in _VAGUE_SIZE_STEMS)
            return NamedLimit(head, stem(noun.replace("-", "")), " ".join(match.group(0).split()))
        if any(word in _NAMELESS_STEMS for word in head) or (not head and (noun_group == "pnoun" or noun.lower() in _NEEDS_NAME)):
            return None  # "within the same window", "dentro del plazo": which one?
        return NamedLimit(head, stem(noun.replace("-", "")), " ".join(match.group(0).split()))
    return None


_SPANS = frozenset(("period", "window", *MEASURE_NOUNS))
_ON_OR_AT = lazy_compile(r"(?:on|at)\s", _I)
_GROUPS = (("noun", "head"), ("pnoun", "phead"), ("inoun", "ihead"), ("mnoun", "mhead"), ("vnoun", "vhead"), ("bnoun", None),
           ("snoun", "shead"), ("fnoun", "fhead"), ("inoun_it", "ihead_it"), ("pnoun_pt", "phead_pt"), ("gnoun", None),
           ("gvnoun", None))
#: The groups of the English shapes (the others are read only in a requirement with an ID).
ENGLISH_GROUPS = ("noun", "pnoun", "inoun", "mnoun", "vnoun", "bnoun")
_COORDINATION = lazy_compile(r"\b(?:or|and|und|oder|y|o|et|ou)\b|/", _I)


def _class(noun: str) -> frozenset[str]:
    if noun in _LIMIT_STEMS:
        return _LIMIT_STEMS
    if noun in _TIME_STEMS:
        return _TIME_STEMS
    return frozenset((noun,))


def given_elsewhere(document: Document, limit: NamedLimit, first: int, last: int) -> bool:
    """True when a line of the document outside `first`..`last` gives the limit a value: a line with a quantity
    that names it (its head words and a noun of its kind: "| Solver time limit | 60 s |" for "its time
    budget"), or whose label is its head ("| Retention | 90 days |" for "the retention period")."""
    index = _index(document)
    outside = set(range(first, last + 1))
    if _SIZE_HEAD.intersection(limit.head) and index.sized:
        return True  # "uploads above the size limit are rejected" and, elsewhere, "uploads may be up to 25 MB"
    if _on_one_line(index.delegating, (*limit.head, limit.noun), outside):
        return True  # "Los días pasan hasta el tope de su convenio" names who sets "el tope"
    if not limit.head:
        return bool(index.words.get(limit.noun, set()) - outside)
    lines: set[int] | None = None
    for word in limit.head:
        found = index.words.get(word, set())
        lines = found if lines is None else lines & found
        if not lines:
            return False
    lines = (lines or set()) - outside
    kinds = _class(limit.noun)
    for kind in kinds:
        for unit in lines & index.words.get(kind, set()):
            if _named_together(index.sequences[unit], limit.head, kinds):
                return True
    labelled: set[int] | None = None
    for word in limit.head:
        found = index.labels.get(word, set())
        labelled = found if labelled is None else labelled & found
    return bool((labelled or set()) - outside)


#: How many words from a noun of the limit's kind its name may stand: "| Solver time limit | 60 s |", "the limit for
#: reviews is $500", but not "WHILE a rotation is in its grace period" for "the rotation window".
_NAME_REACH = 3


def _named_together(stems: list[str], head: tuple[str, ...], kinds: frozenset[str]) -> bool:
    """The unit names the limit as one phrase: every word of its name within `_NAME_REACH` words of a noun of its kind."""
    for at, word in enumerate(stems):
        if word not in kinds:
            continue
        near = stems[max(0, at - _NAME_REACH): at + _NAME_REACH + 1]
        if all(each in near for each in head):
            return True
    return False


def _on_one_line(lines_by_word: dict[str, set[int]], words: tuple[str, ...], outside: set[int]) -> bool:
    lines: set[int] | None = None
    for word in words:
        found = lines_by_word.get(word, set())
        lines = found if lines is None else lines & found
        if not lines:
            return False
    return bool((lines or set()) - outside)


def delegated(sentence: str) -> bool:
    """The sentence puts the value somewhere else: a setting, another party, a plan, a link, a place of the
    document ("(Appendix B)", "Table 3"), or shows it by example ("e.g. $5,000 on a $4,000 limit")."""
    if _ELSEWHERE.search(sentence) or _LINKED.search(sentence) or _PLACE.search(sentence):
        return True
    example = _EXAMPLE.search(sentence)
    return example is not None and has_quantity(sentence[example.end():])


#: A link to where the value is: "[checkout SLO](slo.md)", "[checkout SLO][slo]", a URL.
_LINKED = lazy_compile(r"\]\(|\]\[|https?://")
#: A place of the document that holds the value: "(Appendix B)", "in Table 3", "§4.2", "the limits below".
_PLACE = lazy_compile(
    r"\b(?:appendix|annex|anhang|anexo|annexe)\b|\b(?:table|tabelle|tabla|tableau|section|abschnitt|sección)\s+[A-Z0-9]|§\s*\d|"
    r"\b(?:limits?|thresholds?|caps?|quotas?|values?|budgets?)\s+(?:below|above|listed|shown|given|defined|specified|described)\b", _I)
_EXAMPLE = lazy_compile(r"\b(?:for\s+example|for\s+instance|e\.\s?g\.|such\s+as|z\.\s?B\.|zum\s+Beispiel|por\s+ejemplo|p\.\s?ej\.|"
                        r"par\s+exemple)", _I)
#: A size given anywhere ("Uploads may be up to 25 MB each") answers a size limit named anywhere.
_SIZE_HEAD = frozenset(("size", "upload", "file", "attachm", "payload", "storage", "body"))
_SIZE_VALUE = lazy_compile(r"\d\s*(?:[KMGT]i?B|bytes?|[KMG]byte)\b", _I)


def in_question_section(section: Section) -> bool:
    return any(each.heading is not None and bool(_QUESTION_TITLE.search(each.title)) for each in (section, *section.ancestors()))


#: The value given right after the limit: "the review limit ($500)", "the tolerance of ±2 units", "the cap, currently 40,".
_VALUE_AFTER = lazy_compile(
    r"\s*(?:\(|,|:|=|[—–]|\bof\b|\bat\b|\bis\b|\bwas\b|\bset\s+(?:to|at)\b|\bcurrently\b|\bde\b|\bvon\b|\bbei\b)\s*"
    r"(?:currently\s+|set\s+to\s+|about\s+|around\s+|approximately\s+|[~≈±<>≤≥]\s*)?[$€£]?\s*\d", _I)


def value_beside(text: str, start: int, end: int, sentence_end: int) -> bool:
    """True when the match holds a value ("the $500 review limit") or one follows it directly."""
    return _quantity(_RESET_PERIOD.sub(" ", text[start:end])) or bool(_VALUE_AFTER.match(text, end, min(sentence_end, end + 40)))


#: "the daily export quota": the period a limit resets in is not its value.
_RESET_PERIOD = lazy_compile(r"\b(?:hourly|daily|weekly|monthly|quarterly|yearly|annual)\b", _I)


def stated_with_quantity(document: Document, words: list[str], first: int, last: int) -> bool:
    """True when a line outside `first`..`last` holds a quantity and every one of `words` ("low", "SoC"):
    "- **Low SoC**: 25%" gives the level of "its SoC is low"."""
    index = _index(document)
    lines: set[int] | None = None
    for word in words:
        found = index.words.get(stem(word), set())
        lines = found if lines is None else lines & found
        if not lines:
            return False
    return bool((lines or set()) - set(range(first, last + 1)))
