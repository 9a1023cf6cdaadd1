"""Quantities a document names and states twice: read by the contradiction rule (MS010) beside
`speclint.reading.quantities` and `speclint.reading.labelled_quantities`.

- A *named duration*: a noun phrase and its value, "a hold period of 7 days", "the recovery point
  objective becomes 15 minutes", "the 14-day dispute hold", "a three-day grace period". The phrase's
  head (its last word that is not a generic span word: "period", "window", "time"...) names the
  quantity; two statements agree on it when their heads are one word and the shorter phrase ends
  the longer ("hold" and "dispute hold"), and no other stated phrase makes the shorter ambiguous
  ("hold" beside "dispute hold" and "fraud hold").
- A *count limit*: how many of something one thing may hold, "a zone can hold up to 100
  delegations", "each zone is limited to 50 delegations", "at most 4 players per party", "bis zu 5
  Artikel pro Bestellung", "hasta 3 direcciones por cliente". The counted noun and its owner name it.
- An *amount of money* named by a phrase: "the daily cap of €7.50", "the daily cap is €7.20".
- A *hold and its release*: "held for 10 days", "released after 14 days", "retener ... durante 10 días",
  "se libera a los 14 días"; two are about one hold when their clauses share a word of what is held.
- A *how-long answer*: "How long does a lock last? 48 hours ..." against "lock a flight price for 72 hours".
- A *deadline on one act*: "deben firmarse en un plazo de 5 días hábiles", "must approve invoices within 3
  working days"; the act's verb names it (working days are their own unit).

Two statements of one quantity with different values, in different sections, disagree. Statements
that compare, change, illustrate or scope a value ("was 7, now 14 days", "from 30 s to 5 s", "e.g.",
"by default", "for premium plans", "in staging", ranges) are not taken, nor background, non-goals
and alternatives, questions, hypotheticals and conditions on a case ("if the hold is longer than
7 days").
"""

from __future__ import annotations

import re
from typing import Iterator
from weakref import WeakKeyDictionary

from speclint.document.model import Document, Position, Span
from speclint.lazy_regex import lazy_compile
from speclint.reading.quantities import (_HYPOTHETICAL, _NOT_A_COUNT, _NOT_A_STATEMENT, _SECONDS, _STOPWORDS,
                                         NUMBER_WORDS, Contradiction, Statement, _lemma, numbered_pieces)

_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUM = r"(?P<num>\d+(?:\.\d+)?|" + _NUMBER_WORD + r")"
#: Durations. Working days are their own unit: 5 working days are not 7 days, nor 5.
_UNIT = (r"(?P<unit>(?:working|business)[\s-]days?|ms|milliseconds?|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|"
         r"months?|years?)")
#: Words that name a span and not what it is of ("a 30-day window" of what?).
_GENERIC = frozenset("""period window span interval cycle time timeframe duration delay lag length term limit limits
max maximum min minimum value total rolling average moving history lookback range old long notice streak chunk batch
increment phase plan block sprint release day days week weeks month months hour hours minute minutes second seconds
year years first last next extra additional further another same whole full entire initial final new current default
target budget expected typical approximate approximately about around roughly least most up only just least
periodo período plazo prazo termine tempo tiempo durata duración duração délai période frist dauer zeitraum""".split())
#: A measure a phrase can name: a duration in English, Spanish, Portuguese, German, Italian or French (working days
#: their own unit), or a size in decimal or binary units ("40 TiB", Kubernetes' "500Mi").
_WORKING = (r"(?:working|business)[\s-]days?|d[ií]as\s+(?:h[aá]biles|[úu]teis)|giorni\s+lavorativi|jours\s+ouvr[ée]s|"
            r"Werktagen?|Arbeitstagen?")
_TIME_WORDS = (r"ms|milliseconds?|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?|d[ií]as?|horas?|"
               r"semanas?|meses|mes|a[ñn]os?|minutos?|segundos?|Tagen?|Stunden?|Wochen?|Monaten?|Monate?|Jahren?|Jahre|"
               r"Minuten?|Sekunden?|giorni|giorno|ore|settimane?|mesi|anni|anno|minuti|secondi|jours?|heures?|semaines?|mois|"
               r"ans|ann[ée]es?")
_SIZE_WORDS = r"[KMGTP]i?B|(?<=\d)[KMGTP]i"
_MEASURE = r"(?P<unit>" + _WORKING + "|" + _TIME_WORDS + "|" + _SIZE_WORDS + ")"
#: Function words of the other languages read here: a phrase's name starts after the last of them ("Nach Ablauf der
#: Übergangsfrist" is "Übergangsfrist").
_FUNCTION_WORDS = frozenset("""de del della delle dei di da do dos das du des la le les el los las lo il un una une uno um
uma der die das dem den des ein eine einer eines einem einen von vom zum zur für im am mit nach bei und oder y o e et ou
en em no na nos nas al au aux ao à para por pour per es ist sind est são é è son sono se si""".split())
#: Connectors of a name and its value: "of", "is", ":" and their German, Spanish, Portuguese, Italian, French forms.
_CONNECTOR = (r"(?:of|is|are|:|=|becomes|will\s+be|must\s+be|shall\s+be|should\s+be|lasts?|set\s+to|von|beträgt|"
              r"de|é|es|est|di|è)")
#: "<phrase> of|is|: N unit": a duration (or a size) named by the phrase before it: "a hold period of 7 days",
#: "eine Übergangsfrist von 30 Tagen", "a hard cap of 40 TiB".
_NAMED = lazy_compile(
    r"(?<![\w-])(?P<phrase>(?:[^\W\d_][\w-]*\s+){0,3}?[^\W\d_][\w-]*)\b(?:\*\*|__)?\s*" + _CONNECTOR
    + r"(?:\*\*|__)?\s+(?:about\s+|approximately\s+|~)?" + _NUM + r"[\s-]?" + _MEASURE
    + r"(?![\w-])(?P<tail>[^.;:!?()\n]{0,40})",
    re.I,
)
#: "a daily cap of €7.50", "the deposit is $200", "Tagesgrenze: 7,50 €": an amount of money named by the phrase before it.
_NAMED_MONEY = lazy_compile(
    r"(?<![\w-])(?P<phrase>(?:[A-Za-z][\w-]*\s+){0,3}?[A-Za-z][\w-]*)\b(?:\*\*|__)?\s*(?:of|is|are|:|=|will\s+be|must\s+be|shall\s+be|"
    r"should\s+be|set\s+to|capped\s+at)(?:\*\*|__)?\s+(?:"
    r"(?P<currency>[€$£])\s?(?P<num>\d+(?:[.,]\d{1,2})?)(?![\d,.]*\d)|(?P<num2>\d+(?:[.,]\d{1,2})?)\s?(?P<currency2>€|EUR|USD|GBP)\b)"
    r"(?P<tail>[^.;:!?()\n]{0,40})",
    re.I,
)
_AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?"
_MONEY_BOUND = r"(?:max(?:imum)?\.?|up\s+to|at\s+most|no\s+more\s+than|limit(?:ed)?\s+(?:of|to|is|at)|capped\s+at|cap\s+of)"
#: An amount bounded for each of one thing: "max amount you can request per split is €500", "Per split: max €250 total
#: requested", "up to $50 per order". The owner after "per" and the bound name it.
_MONEY_PER = lazy_compile(
    r"\b" + _MONEY_BOUND + r"(?P<between>(?:\s+[^\W\d_][\w'-]*){0,6}?)\s+per\s+(?P<owner>[^\W\d_][\w-]*)"
    r"(?:\s+(?:is|of|will\s+be|must\s+be|shall\s+be))?\s*[:=]?\s*(?P<currency>[€$£])\s?(?P<num>" + _AMOUNT + r")(?![\d.,]*\d)|"
    r"\bper\s+(?P<owner2>[^\W\d_][\w-]*)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*" + _MONEY_BOUND
    + r"\s+(?P<currency2>[€$£])\s?(?P<num2>" + _AMOUNT + r")(?![\d.,]*\d)|"
    r"\b" + _MONEY_BOUND + r"\s+(?P<currency3>[€$£])\s?(?P<num3>" + _AMOUNT + r")(?![\d.,]*\d)"
    r"(?P<between3>(?:\s+[^\W\d_][\w'-]*){0,3}?)\s+per\s+(?P<owner3>[^\W\d_][\w-]*)",
    re.I,
)
#: Stopwords that qualify what is bounded: "up to $50 is refunded automatically" is not the maximum refund.
_QUALIFYING = frozenset({"automatically", "only", "never", "unless", "without"})
#: Words of any bounded amount: they say nothing of what is bounded.
_MONEY_WORDS = frozenset("""max maximum up most limit limited capped cap amount amounts total per can may you user users
we must shall will is of""".split())
_MONEY_ANCHOR = lazy_compile(r"[€$£]\s?\d|\d\s?(?:€|EUR\b|USD\b|GBP\b)")
#: "the 14-day dispute hold", "a three-day grace period": a duration before the phrase it names.
_BEFORE_NOUN = lazy_compile(
    r"\b" + _NUM + r"[\s-]?(?P<unit>(?:working|business)[\s-]day|second|minute|hour|day|week|month|year|[KMGTP]i?B)[\s-]"
    r"(?P<phrase>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})(?P<tail>[^.;:!?()\n]{0,40})",
    re.I,
)
#: "a zone can hold up to 100 delegations", "each zone is limited to 50 delegations", "at most 4 players per party".
_BOUND = r"(?:up\s+to|at\s+most|a\s+maximum\s+of|no\s+more\s+than|not\s+more\s+than|max(?:imum)?|bis\s+zu|höchstens|maximal|hasta|como\s+máximo|un\s+máximo\s+de)"
_COUNT_LIMIT = lazy_compile(
    r"\b(?P<owner>[A-Za-z][\w-]*)\s+(?:(?:can|may|will|must|shall|should|could)\s+)?(?:only\s+)?"
    r"(?:hold|holds|have|has|contain|contains|include|includes|store|stores|accept|accepts|support|supports|take|takes)\s+"
    + _BOUND + r"\s+" + _NUM + r"\s+(?P<noun>[^\W\d_][\w-]*)|"
    r"\b(?P<owner2>[A-Za-z][\w-]*)\s+(?:is|are)\s+(?:limited|capped|restricted)\s+(?:to|at)\s+(?P<num2>\d+|" + _NUMBER_WORD
    + r")\s+(?P<noun2>[^\W\d_][\w-]*)|"
    r"\b" + _BOUND + r"\s+(?P<num3>\d+|" + _NUMBER_WORD + r")\s+(?P<noun3>[^\W\d_][\w-]*)\s+(?:per|for\s+each|in\s+each|pro|je|por)\s+"
    r"(?:cada\s+)?(?P<owner3>[^\W\d_][\w-]*)",
    re.I,
)
#: Durations in Spanish and German, and working days in each.
_UNIT_ANY = (r"(?P<unit>(?:working|business)[\s-]days?|d[ií]as\s+(?:h[aá]biles|[úu]teis)|Werktagen?|Arbeitstagen?|ms|milliseconds?|secs?|"
             r"seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|d[ií]as?|horas?|semanas?|meses|mes|Tagen?|Stunden?|"
             r"Wochen?|Monaten?|Monate?)")
_UNIT_WORDS = {"día": "day", "dia": "day", "días": "day", "dias": "day", "hora": "hour", "horas": "hour", "semana": "week",
               "semanas": "week", "mes": "month", "meses": "month", "tag": "day", "tage": "day", "tagen": "day",
               "stunde": "hour", "stunden": "hour", "woche": "week", "wochen": "week", "monat": "month", "monate": "month",
               "monaten": "month"}
#: Money or goods held back for a time, and released after it: "proceeds are held for 7 days", "the reserve is
#: released after 14 days", "retener como reserva ... durante 10 días", "se libera a los 14 días", "wird nach 10
#: Tagen freigegeben". Holding for N and releasing after N state one duration.
_HOLD = lazy_compile(
    r"\b(?P<verb>hold|holds|held|retain(?:s|ed)?|reserved?|retener|retiene|retienen|retenid[oa]s?|reservad[oa]s?|"
    r"einbehalten|zurückgehalten|gesperrt|gehalten)\b(?P<between>[^.;:\n]{0,60}?)\b(?:for|durante|für|por)\s+"
    r"(?:(?:a|an|the|un|una|el|la|los|las)\s+)?(?:(?:period|periodo|período|plazo|Zeitraum)\s+(?:of|de|von)\s+)?" + _NUM
    + r"\s*" + _UNIT_ANY + r"\b|"
    r"\b(?P<verb2>released?|releases|liberad[oa]s?|libera|liberan|liberará|liberarán|freigegeben|freigeben)\b"
    r"(?P<between2>[^.;:\n]{0,60}?)\b(?:after|a\s+los|a\s+las|tras|después\s+de|nach)\s+(?P<num2>\d+(?:\.\d+)?|"
    + _NUMBER_WORD + r")\s*(?P<unit2>(?:working|business)[\s-]days?|d[ií]as\s+h[aá]biles|Werktagen?|hours?|days?|weeks?|"
    r"d[ií]as?|horas?|semanas?|Tagen?|Stunden?|Wochen?)\b",
    re.I,
)
#: Words of any hold: they say nothing of what is held.
_HOLD_WORDS = frozenset(_lemma(word) for word in """hold held retain retained release released
retener retiene retenido retenida liberado liberada libera liberan einbehalten zurückgehalten gesperrt gehalten freigegeben
system sistema must shall debe deben will day days días dia semana week weeks after before period plazo""".split())
#: A question about how long something lasts, and its answer: "**How long does a lock last?** 48 hours from ...",
#: "Wie lange gilt die Reservierung?", "¿Cuánto dura la reserva?".
_HOW_LONG = lazy_compile(
    r"(?:\bhow\s+long\s+(?:does|do|is|are|will|can|should)|\bwie\s+lange\s+(?:gilt|dauert|hält|bleibt|ist|wird)|"
    r"¿?\s*cu[aá]nto\s+(?:tiempo\s+)?(?:dura|duran|se\s+mantiene|es\s+v[aá]lid[oa]))\s+"
    r"(?:(?:a|an|the|my|your|our|der|die|das|ein|eine|el|la|los|las|un|una)\s+)?(?P<phrase>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,2}?)"
    r"\s*(?:last|stay|remain|take|be\s+valid|stay\s+valid|remain\s+valid|valid|g[üu]ltig)?\s*\?(?P<after>.*)$",
    re.I | re.S,
)
_ANSWER = lazy_compile(r"^[\s*_]*(?:(?:A|Answer|Antwort|Respuesta)\s*[:.][\s*_]*)?" + _NUM + r"[\s-]?" + _UNIT_ANY + r"\b", re.I)
#: A deadline on an act: "must be signed within 5 working days", "deben firmarse en un plazo de 5 días hábiles",
#: "innerhalb von 10 Tagen unterschreiben". The act's verb names it.
_DEADLINE = lazy_compile(
    r"\b(?P<verb>[^\W\d_][\w-]{3,})\s+(?:(?:it|them|this|these|(?:the|all|every|each)\s+\w+|[a-z]{3,}s)\s+)?(?:within|en\s+(?:un|el)\s+plazo\s+(?:m[aá]ximo\s+)?de|"
    r"dentro\s+de(?:\s+los)?|innerhalb\s+(?:von\s+)?|binnen)\s+" + _NUM + r"\s*" + _UNIT_ANY + r"\b",
    re.I,
)
#: A deadline said by what happens when it is missed: "orders not picked up within 7 days are cancelled", "Pedido não
#: retirado em 7 dias", "nicht innerhalb von 10 Tagen abgeholt"; and a deadline named by its act: "deadline to sign:
#: 5 days", "Prazo para retirar: 5 dias", "plazo para firmar: 10 días".
_MISSED_DEADLINE = lazy_compile(
    r"\b(?:not|não|nao|non)\s+(?:been\s+|be\s+|sido\s+|stato\s+)?(?P<verb>[^\W\d_][\w-]{3,})(?:\s+(?:up|back|out|off|in))?\s+"
    r"(?:within|em|in|dentro\s+de|entro)\s+(?:(?:até|up\s+to)\s+)?" + _NUM + r"\s*" + _UNIT_ANY + r"\b|"
    r"\bnicht\s+(?:innerhalb(?:\s+von)?|binnen|in)\s+(?P<num2>\d+|" + _NUMBER_WORD + r")\s*"
    + _UNIT_ANY.replace("?P<unit>", "?P<unit2>") + r"\s+(?P<verb2>[^\W\d_][\w-]{3,})\b",
    re.I,
)
_NAMED_DEADLINE = lazy_compile(
    r"\b(?:deadline|time\s+limit|prazo|plazo|frist|termine|d[ée]lai)\s+(?:to|for|para|pour|per|zum|zur)\s+"
    r"(?:(?:the|o|a|el|la|il|le|das|den|die)\s+)?(?P<verb>[^\W\d_][\w-]{3,})(?:\*\*|__)?\s*(?::|is|é|es|est|è|of|de|di|von|=)"
    r"(?:\*\*|__)?\s*(?:(?:até|hasta|up\s+to|bis\s+zu)\s+)?" + _NUM + r"\s*" + _UNIT_ANY + r"\b",
    re.I,
)
#: A term defined as a span of time by what holds during it: "**Grace period**: The time during which both the old and
#: new Credential are valid", "this timeout defines the period after which a machine is deleted".
_DEFINED = lazy_compile(
    r"(?<=[\w*_])(?:\*\*|__)?\s*(?::|—|–|\s-|\s+is\b|\s+means\b|\s+defines\b)\s*"
    r"(?:the|a|an)\s+(?:time|period|duration|window|span)\s+(?:during|in|for|within|after|before)\s+which\s+(?P<clause>[^.;]+)",
    re.I,
)
_TERM = lazy_compile(r"(?:[^\W\d_][\w-]*\s+){0,2}[^\W\d_][\w-]*[*_]*$")
_DEFINED_BEFORE_WHICH = lazy_compile(r"\b(?:time|period|duration|window|span)\s+(?:during|in|for|within|after|before)\s+$", re.I)


def _has_definition(text: str) -> bool:
    """Whether `text` says "the time during which", "the period after which"...: each "which" is looked at, not the
    text searched with the alternation (a long document holds many words and few "which")."""
    start = text.find("which")
    while start >= 0:
        if _DEFINED_BEFORE_WHICH.search(text, max(0, start - 30), start):
            return True
        start = text.find("which", start + 5)
    return False
#: A duration said of a state: "keep the old Credential valid for 12 hours", "stay locked for 15 minutes".
_FOR_DURATION = lazy_compile(
    r"\b(?P<word>[^\W\d_][\w-]*)\s+(?:for|durante|für)\s+(?:(?:up\s+to|at\s+most|about)\s+)?" + _NUM + r"\s*" + _UNIT_ANY + r"\b",
    re.I,
)
#: A default named with its value: "the default budget of 500Mi", "`logBudget` defaults to 1Gi", and in an API's
#: field comment, "// LogBudget caps ... Defaults to 1Gi". Defaults are compared only with defaults.
_DEFAULT_NAMED = lazy_compile(
    r"\bdefault\s+(?P<phrase>(?:[^\W\d_][\w-]*\s+){0,2}?[^\W\d_][\w-]*)\s+(?:of|is|:|=)\s+" + _NUM + r"[\s-]?" + _MEASURE
    + r"(?![\w-])(?P<tail>[^.;:!?()\n]{0,40})|"
    r"(?P<field>`[A-Za-z][\w.]*`)\s+defaults\s+to\s+(?P<num2>\d+(?:\.\d+)?)[\s-]?"
    + _MEASURE.replace("?P<unit>", "?P<unit2>") + r"(?![\w-])",
    re.I,
)
_DEFAULT_LITERAL = lazy_compile(r"\bdefault", re.I)
_COMMENT_DEFAULT = lazy_compile(r"\bDefaults?\s+(?:to|is)\s+(?P<num>\d+(?:\.\d+)?)[\s-]?" + _MEASURE + r"(?![\w-])")
_FIELD = lazy_compile(r"^\s*(?P<field>[A-Za-z]\w*)\b")
_CAMEL = lazy_compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
#: `_NOT_A_COUNT` for a default: the word "default" is what it states.
_NOT_A_DEFAULT = lazy_compile(_NOT_A_COUNT.pattern.replace("|default|defaults|", "|"), re.I)
#: Verbs too general to name one act ("completed within 2 days" of what?), and words before "within" that are none.
_GENERAL_VERBS = frozenset(_lemma(word)[:4] for word in """be is are was were been done complete completed completes
finish finished handle handled handles happen happens occur occurs run runs take takes taken made make makes
available ready must shall should will can may need needs required reply replies respond responds responded response
resolve resolved resolves process processed processes sent send sends delivered deliver deliver arrive arrives
pasa ocurre hacer hecho completar completado resolver resuelto responder responde debe deben sein werden wird
erledigt abgeschlossen""".split())
#: Where a statement can be: a number with a duration unit, or a bound on a count. Each pattern above is searched
#: only in a short window around these (searching each from every word of a long paragraph cost more than the rest).
_DURATION_ANCHOR = lazy_compile(r"(?<![\w.])\d+(?:\.\d+)?[\s-]?(?:" + "|".join((_UNIT_ANY.replace("?P<unit>", "?:"), _WORKING,
                                                                                   _TIME_WORDS, _SIZE_WORDS)) + r")\b", re.I)
_WORD_DURATION_ANCHOR = lazy_compile(r"\b(?:" + _NUMBER_WORD + r")[\s-]" + _UNIT_ANY.replace("?P<unit>", "?:") + r"\b", re.I)
_BOUND_ANCHOR = lazy_compile(r"\b(?:up\s+to|at\s+most|maximum|max|more\s+than|limited|capped|restricted|bis\s+zu|höchstens|"
                             r"maximal|hasta|como\s+máximo)\b", re.I)
_BACK, _AHEAD = 100, 50
#: Literal tests before the expressions: a piece holds a bound, a unit or a how-long question only if it holds these.
_BOUND_LITERALS = ("up to", "most", "max", "more than", "limited", "capped", "restricted", "bis zu", "höchstens", "hasta",
                   "máximo")
_UNIT_STEMS = ("sec", "min", "hour", "day", "week", "month", "year", "día", "dia", "hora", "semana", "mes", "tag", "stund",
               "woche", "monat", "werktag", "año", "jahr")
_UNIT_STEM = re.compile("|".join(_UNIT_STEMS))  # one search, not a generator over the stems, for each piece
_HOW_LONG_WORDS = lazy_compile(r"\b(?:how\s+long|wie\s+lange|cu[aá]nto)\b", re.I)
#: (Led by the words' first letters: a position without one is turned away with one test instead of trying
#: 45 words case-folded, half the time on the RFCs; see tests/test_regex_guards.py.)
_NUMBER_WORD_RE = lazy_compile(r"(?=[" + "".join(sorted({word[0] for word in NUMBER_WORDS})) + r"])\b(?:" + _NUMBER_WORD + r")\b",
                               re.I)
_DIGIT = lazy_compile(r"\d")
#: Within its sentence, a value whose clause compares, changes or sets a case is no statement.
_CLAUSE_BREAK = lazy_compile(r"[,;:()\[\]—–]|\s-\s|\bwhich\b|\bwho\b")
_CHANGE = lazy_compile(r"\b(?:was|were|previously|formerly|used\s+to|instead\s+of|changed?|changing|from\s+\d|up\s+from|"
                       r"down\s+from|increas\w*|reduc\w*|rais\w*|lower\w*|shorten\w*|extend\w*|legacy|no\s+longer|"
                       r"soft\s+limit|hard\s+limit|vs\.?|versus|compared)\b|\d\s*(?:-|–|—|to|or|and)\s*\d", re.I)
#: A value for one version or stage: "in v2 the grace period is 30 days", "at launch", "in phase 2", "during the beta".
_STAGE = lazy_compile(r"\b(?:v\d+(?:\.\d+)*|version\s+\d|phase\s+\d|stage\s+\d|milestone\s+\d|mvp|beta|alpha|pilot|initially|"
                      r"at\s+launch|eventually|in\s+the\s+future|later\s+on|fase\s+\d|Phase\s+\d)\b", re.I)
#: A duration compared with ("if the hold is longer than 7 days"), not stated.
_CONDITION = lazy_compile(r"\b(?:longer|shorter|older|newer|more|less|greater|fewer)\s+than\b|\b(?:exceeds?|over|under|above|below|"
                          r"beyond|past)\b", re.I)
#: Words after "for" that name no case: a determiner or a time ("for next year's budget", "for our users").
_NO_SCOPE = frozenset("next this that our their its your his her now".split())
_SCOPE = lazy_compile(r"^\s*(?:for|per|on|in|with|during)\s+(?:the\s+|all\s+|each\s+|every\s+|a\s+|an\s+)?([^\W\d_][\w-]*)", re.I)
#: What is not counted: units, and words that make a count a measure.
_NOT_COUNTED = frozenset("""percent per cent ms s seconds second minutes minute hours hour days day weeks week months month years year
times kb mb gb tb characters chars bytes more less of the a an""".split())
_NOT_OWNER = _STOPWORDS | frozenset("each every one user users you we they it which that this these those there who".split())


#: Durations every call or job has its own of ("a 5-second request timeout" to FCM, "a 2-second timeout" to the
#: directory): `quantities` reads them with what they apply to.
_PER_CALL = frozenset(_lemma(word) for word in """timeout time-out ttl latency backoff back-off retry retries expiry
expiration cache poll polling heartbeat debounce throttle sla slo p50 p95 p99 response""".split())


class _Stated:
    """A quantity named by a phrase: its head, the words before the head, its value and family."""

    __slots__ = ("section", "head", "words", "family", "value", "scope", "statement", "size")

    def __init__(self, section: int, head: str, words: tuple[str, ...], family: str, value: float, scope: str,
                 statement: Statement, size: int = 2) -> None:
        self.size = size  # how many words the name has ("Timeline" 1, "hold period" 2)
        self.section = section
        self.head = head
        self.words = words
        self.family = family
        self.value = value
        self.scope = scope
        self.statement = statement


def restated_contradictions(document: Document) -> list[Contradiction]:
    """Pairs (later, earlier) of named durations or count limits that disagree. Computed once per document."""
    cached = _cache.get(document)
    if cached is None:
        cached, lines = [], set()
        for later, earlier in _pairs(document):
            if later.span.start.line not in lines:  # one finding a line ("not collected within 5 days" read twice)
                lines.add(later.span.start.line)
                cached.append((later, earlier))
        _cache[document] = cached
    return cached


def _value(number: str) -> float:
    return float(NUMBER_WORDS.get(number.lower(), 0) or number)


#: Units of the other languages, as the English unit; sizes in bytes.
_UNIT_NAMES = {"día": "day", "dia": "day", "días": "day", "dias": "day", "hora": "hour", "horas": "hour", "semana": "week",
               "semanas": "week", "mes": "month", "meses": "month", "año": "year", "años": "year", "ano": "year",
               "anos": "year", "minuto": "minute", "minutos": "minute", "segundo": "second", "segundos": "second",
               "tag": "day", "tage": "day", "tagen": "day", "stunde": "hour", "stunden": "hour", "woche": "week",
               "wochen": "week", "monat": "month", "monate": "month", "monaten": "month", "jahr": "year", "jahre": "year",
               "jahren": "year", "minute": "minute", "minuten": "minute", "sekunde": "second", "sekunden": "second",
               "giorno": "day", "giorni": "day", "ore": "hour", "settimana": "week", "settimane": "week", "mesi": "month",
               "anno": "year", "anni": "year", "minuti": "minute", "secondi": "second", "jour": "day", "jours": "day",
               "heure": "hour", "heures": "hour", "semaine": "week", "semaines": "week", "mois": "month", "ans": "year",
               "année": "year", "années": "year", "annee": "year", "annees": "year"}
_BYTES = {"kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12, "pb": 1e15, "kib": 2 ** 10,
          "mib": 2 ** 20, "gib": 2 ** 30, "tib": 2 ** 40, "pib": 2 ** 50, "ki": 2 ** 10, "mi": 2 ** 20, "gi": 2 ** 30,
          "ti": 2 ** 40, "pi": 2 ** 50}
_WORKING_UNIT = lazy_compile(r"h[aá]bil|[úu]teis|lavorativ|ouvr|werktag|arbeitstag|working|business", re.I)


def _measure(number: str, unit: str) -> tuple[str, float]:
    """The family ("time", "working-days", "size") and value of a number in any unit `_MEASURE` reads."""
    lowered = " ".join(unit.lower().split())
    if lowered in _BYTES:
        return "size", _value(number) * _BYTES[lowered]
    if _WORKING_UNIT.search(lowered):
        return "working-days", _value(number)
    return _duration(number, _UNIT_NAMES.get(lowered, lowered))


def _duration(number: str, unit: str) -> tuple[str, float]:
    unit = " ".join(unit.lower().replace("-", " ").split())
    if unit.startswith(("working", "business")):
        return "working-days", _value(number)
    unit = unit if unit in _SECONDS else unit.rstrip("s")
    unit = {"milli": "ms", "millisecond": "ms", "secs": "sec", "mins": "min", "hrs": "hr"}.get(unit, unit)
    return "time", _value(number) * _SECONDS.get(unit, 1)


def _phrase_words(phrase: str) -> list[str]:
    """The content words of a noun phrase, from its last stopword on ("after the order is marked
    delivered and a hold period" is "hold period"; "Nach Ablauf der Übergangsfrist" is "Übergangsfrist")."""
    words = re.findall(r"[^\W\d_][\w'-]*", phrase)
    kept: list[str] = []
    for word in reversed(words):
        if word.lower() in _STOPWORDS or word.lower() in _FUNCTION_WORDS:
            break
        kept.append(word)
    return kept[::-1]


#: Words after "N-day <noun>" that end the phrase: a verb ("a 7-day trial ends"), not a second noun ("dispute hold").
_PHRASE_END = frozenset("""ends end starts start begins begin expires expire applies apply runs run passes pass lapses
elapses elapsed remains remain covers cover counts count resets reset""".split())


def _following_words(phrase: str) -> list[str]:
    """The content words of a noun phrase that follows its number, up to two, to the first stopword or verb
    ("14-day dispute hold has passed" is "dispute hold")."""
    kept: list[str] = []
    for word in re.findall(r"[^\W\d_][\w'-]*", phrase)[:2]:
        lowered = word.lower()
        if lowered in _STOPWORDS or lowered in _PHRASE_END or lowered.endswith(("ed", "ing", "ly")):
            break
        kept.append(word)
    return kept


def _head(words: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The last word of a phrase that names something, and the words before it ("hold period" is "hold")."""
    for index in range(len(words) - 1, -1, -1):
        if words[index] not in _GENERIC and words[index] not in _GENERIC_LEMMAS and len(words[index]) > 2:
            return words[index], words[:index]
    return "", ()


_GENERIC_LEMMAS = frozenset(_lemma(word) for word in _GENERIC)


def _clause(text: str, start: int, end: int) -> str:
    """The clause of `text` that holds `start`..`end`."""
    from speclint.reading.normative import sentence_bounds

    begin, stop = sentence_bounds(text, start, end)
    before = [found.end() for found in _CLAUSE_BREAK.finditer(text, begin, start)]
    after = _CLAUSE_BREAK.search(text, end, stop)
    return text[before[-1] if before else begin: after.start() if after else stop]


def _sentence(text: str, start: int, end: int) -> str:
    from speclint.reading.normative import sentence_bounds

    begin, stop = sentence_bounds(text, start, end)
    return text[begin:stop]


_GERMAN_PER = lazy_compile(r"\bpro\s+(?=[A-ZÄÖÜ][a-zäöüß])")


#: `_NOT_A_COUNT` for a state's duration: "keep the old Credential valid for 12 hours" — the old one of two
#: credentials, not an old value.
_NOT_A_STATE = lazy_compile(_NOT_A_COUNT.pattern.replace("|old|", "|"), re.I)


def _taken(text: str, start: int, end: int, bounded: bool | str, named_from: int | None = None) -> bool:
    """Whether the value at `start`..`end` is stated, not compared, changed, illustrated or conditioned. With
    `named_from` (where the phrase naming the value starts), a comparison before the name is about something
    else: "hold it under a hard cap of 40 TiB" states the cap, "if the hold is longer than 7 days" states none."""
    sentence = _sentence(text, start, end)
    if sentence.rstrip(" *_").endswith("?") or _HYPOTHETICAL.search(sentence) or _CHANGE.search(sentence) \
            or _STAGE.search(sentence):
        return False
    clause = _clause(text, start, end)
    clause = _GERMAN_PER.sub("per ", clause)  # "5 Artikel pro Bestellung": German "per", not a pro plan
    refused = {"state": _NOT_A_STATE, "default": _NOT_A_DEFAULT}.get(bounded, _NOT_A_COUNT) if bounded else _NOT_A_STATEMENT
    if refused.search(clause):
        return False
    if named_from is not None and named_from < start:
        return bounded or not _CONDITION.search(text, named_from, start)
    return bounded or not _CONDITION.search(clause)


def _named(section: int, match: re.Match[str], span: Span, before_noun: bool, offsets: list) -> _Stated | None:
    written = _following_words(match.group("phrase")) if before_noun else _phrase_words(match.group("phrase"))
    words = tuple(_lemma(word) for word in written)
    head, before = _head(words)
    if not head or head in _NOT_OWNER or head in _PER_CALL:
        return None
    if "currency" in match.re.groupindex:
        currency = (match.group("currency") or match.group("currency2")).upper()
        currency = {"€": "EUR", "$": "USD", "£": "GBP"}.get(currency, currency)
        family, value = f"money {currency}", float((match.group("num") or match.group("num2")).replace(",", "."))
    else:
        family, value = _measure(match.group("num"), match.group("unit"))
    scope_match = _SCOPE.match(match.group("tail") or "")
    scope = _lemma(scope_match.group(1)) if scope_match else ""
    if scope in _NO_SCOPE:
        scope = ""  # "a cap of 40 TiB for next year's budget": a purpose, not a case the value is set for
    offset = match.start()
    if before_noun:
        text = " ".join([*match.group(0)[: match.end("unit") - offset].split(), *written])
    else:
        text = " ".join([*written, *match.group(0)[match.end("phrase") - offset: match.start("tail") - offset].split()])
        span = _from_word(span, match, written, offsets)
    named = tuple(word.lower() for word in written[: len(before) + 1][-3:])
    statement = Statement("named", named, head, family, value, text, span)
    size = len(words)
    if size == 1 and not before_noun and _GENERIC_OF.search(match.group("phrase")):
        size = 2  # "il periodo di prova": a Romance name, its kind before "di"
    return _Stated(section, head, before, family, value, scope, statement, size)


def _from_word(span: Span, match: re.Match[str], written: list[str], offsets: list) -> Span:
    """The span from the phrase's first kept word on."""
    from speclint.document.text import position_at

    lead = match.group("phrase")
    skipped = lead.rfind(written[0]) if written else 0
    return Span(position_at(offsets, match.start("phrase") + max(skipped, 0)), span.end)


def _compatible(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    shorter, longer = sorted((one, other), key=len)
    return not shorter or longer[len(longer) - len(shorter):] == shorter


def _hold(section: int, match: re.Match[str], span: Span) -> tuple[_Stated, frozenset[str]] | None:
    """A hold's duration, and the words of its clause that say what is held."""
    number = match.group("num") or match.group("num2")
    unit = (match.group("unit") or match.group("unit2")).lower()
    unit = " ".join(unit.split())
    if re.search(r"h[aá]bil|werktag|arbeitstag|working|business", unit):
        family, value = "working-days", _value(number)
    else:
        word = unit.split()[0]
        family, value = _duration(number, _UNIT_WORDS.get(word, word))
    clause = _clause(match.string, match.start(), match.end())
    stems = frozenset(_lemma(word)[:6] for word in re.findall(r"[^\W\d_][\w'-]*", clause)
                      if word.lower() not in _STOPWORDS and len(word) > 3) - _HOLD_STEMS
    if not stems:
        return None
    between = "between" if match.group("verb") else "between2"
    offset = match.start()
    text = " ".join(match.group(0).split())
    if len(match.group(between)) > 20:  # "retener ... durante 10 días"
        text = " ".join([*match.group(0)[: match.end(between) - offset - len(match.group(between))].split(), "...",
                         *match.group(0)[match.end(between) - offset:].split()])
    statement = Statement("hold", ("hold",), "hold", family, value, text, span)
    return _Stated(section, "hold", (), family, value, "", statement), stems


_HOLD_STEMS = frozenset(word[:6] for word in _HOLD_WORDS) | frozenset(_lemma(word)[:6] for word in """the los las las
para cada each every""".split())


def _hold_pairs(holds: list[tuple[_Stated, frozenset[str]]]) -> Iterator[Contradiction]:
    """Two holds in different sections, in one unit, with another duration, whose clauses share a word of what is
    held ("la reserva" in both), indexed by those words."""
    by_stem: dict[tuple[str, str], list[tuple[_Stated, frozenset[str]]]] = {}
    for stated, stems in holds:
        seen: set[int] = set()
        for stem in stems:
            for earlier, _stems in by_stem.get((stated.family, stem), ()):
                if id(earlier) in seen or earlier.section == stated.section or earlier.value == stated.value:
                    continue
                seen.add(id(earlier))
                yield stated.statement, earlier.statement
                break
            else:
                continue
            break
        for stem in stems:
            by_stem.setdefault((stated.family, stem), []).append((stated, stems))


def _default(section: int, match: re.Match[str], span: Span, words: tuple[str, ...] = ()) -> _Stated | None:
    """A default and its value, named by its phrase or its field ("logBudget" is "log budget")."""
    field = match.group("field") if "field" in match.re.groupindex else None
    if field or words:
        written = words or tuple(word.lower() for word in _CAMEL.findall(field.strip("`").split(".")[-1]))
    else:
        written = tuple(_phrase_words(match.group("phrase")))
    lemmas = tuple(_lemma(word) for word in written)
    # "default" already says which value: the last word names the quantity, generic or not ("the default budget")
    head, before = (lemmas[-1], lemmas[:-1]) if lemmas else ("", ())
    if not head or head in _NOT_OWNER or head in _PER_CALL or head in _DEFAULT_VAGUE or len(head) < 3:
        return None
    family, value = _measure(_first(match, "num", "num2"), _first(match, "unit", "unit2"))
    tail = "tail" in match.re.groupindex and match.group("tail")
    text = " ".join((match.group(0)[: match.start("tail") - match.start()] if tail else match.group(0)).split())
    statement = Statement("named", ("default", *written[-2:]), head, f"default {family}", value, text, span)
    return _Stated(section, head, before, f"default {family}", value, "", statement, max(len(lemmas), 2))


#: Last words that say nothing of which default: "the default value of 30 s".
_DEFAULT_VAGUE = frozenset(_lemma(word) for word in "value values setting settings option options one number amount".split())


def _code_defaults(document: Document) -> Iterator[_Stated]:
    """Defaults in an API's field comments: "// LogBudget caps ... Defaults to 1Gi" above the field `LogBudget`."""
    from speclint.document.model import CodeBlock

    if "efault" not in document.source:
        return
    for section, block in document.iter_blocks():
        if not isinstance(block, CodeBlock) or "efault" not in block.code:
            continue
        comment: list = []
        for segment in block.lines:
            stripped = segment.text.strip()
            if stripped.startswith("//") or stripped.startswith("#"):
                comment.append(segment)
                continue
            field = _FIELD.match(segment.text)
            lines, comment = comment, []
            if field is None or not lines:
                continue
            named = field.group("field")
            opening = next((index for index, line in enumerate(lines)
                            if line.text.strip().lstrip("/# ").split()[:1] == [named]), None)
            if opening is None:
                continue  # the comment does not describe this field ("LogBudget caps ..." above `LogBudget`)
            for line in lines[opening:]:
                found = _COMMENT_DEFAULT.search(line.text)
                if found is None:
                    continue
                column = line.column + found.start("num")
                span = Span(Position(line.line, column), Position(line.line, line.column + found.end()))
                words = tuple(word.lower() for word in _CAMEL.findall(named))
                stated = _default(id(section), found, span, words)
                if stated is not None:
                    yield stated
                break


def _stems(text: str) -> frozenset[str]:
    return frozenset(_lemma(word) for word in re.findall(r"[^\W\d_][\w'-]*", text)
                     if word.lower() not in _STOPWORDS and word.lower() not in _FUNCTION_WORDS and len(word) > 2)


def _definition(match: re.Match[str]) -> tuple[str, frozenset[str], tuple[str, ...]] | None:
    """A defined term's head ("grace period" is "grace") and the words of what holds during it."""
    term = _TERM.search(match.string, max(0, match.start() - 60), match.start())
    written = _phrase_words(term.group(0).strip("*_")) if term else []
    head, _before = _head(tuple(_lemma(word) for word in written))
    clause = _stems(match.group("clause"))
    return (head, clause, tuple(word.lower() for word in written)) if head and len(clause) >= 2 else None


def _said_for(section: int, match: re.Match[str], span: Span) -> tuple[_Stated, str, frozenset[str]] | None:
    """A duration said of a state ("valid for 12 hours"), the state's word, and its sentence's words."""
    family, value = _duration(match.group("num"), _UNIT_WORDS.get(match.group("unit").lower(), match.group("unit")))
    if _WORKING_UNIT.search(match.group("unit")):
        family, value = "working-days", _value(match.group("num"))
    word = _lemma(match.group("word"))
    statement = Statement("named", (match.group("word").lower(),), word, family, value, " ".join(match.group(0).split()), span)
    sentence = _sentence(match.string, match.start(), match.end())
    return _Stated(section, word, (), family, value, "", statement), word, _stems(sentence)


def _defined_pairs(defined: list[tuple[str, frozenset[str], tuple[str, ...]]], said_for: list[tuple[_Stated, str, frozenset[str]]],
                   by_head: dict[tuple[str, str], list[_Stated]]) -> Iterator[Contradiction]:
    """A term's value ("The grace period is 24 hours") against a duration said of what its definition says holds
    during it ("The time during which both the old and new Credential are valid"; "keep the old Credential valid
    for 12 hours"): the state's word is the definition's, and the sentence shares two more of its words."""
    for head, clause, term in defined:
        for said, word, words in said_for:
            if word not in clause or len((words & clause) - {word}) < _DEFINED_SHARED:
                continue
            for value in by_head.get((said.family, head), ()):
                if value.section == said.section or value.value == said.value:
                    continue
                one, other = (Statement("named", term, head, each.family, each.value, each.text, each.span)
                              for each in (said.statement, value.statement))
                yield (one, other) if one.span.start.line > other.span.start.line else (other, one)
                break


_DEFINED_SHARED = 2


def _same_words_pairs(stated: list[tuple[_Stated, frozenset[str]]]) -> Iterator[Contradiction]:
    """Two amounts bounded per one thing, in different sections, with another value, whose clauses say the same of
    what is bounded ("request" in both; not "refunded automatically" beside "refund")."""
    by_words: dict[tuple[str, frozenset[str]], list[_Stated]] = {}
    for each, stems in stated:
        for earlier in by_words.get((each.family, stems), ()):
            if earlier.section != each.section and earlier.value != each.value:
                yield each.statement, earlier.statement
                break
        by_words.setdefault((each.family, stems), []).append(each)


def _answers(pieces: tuple, position: int) -> Iterator[tuple[re.Match[str], str, Span]]:
    """Durations given as the answer to a question about how long something lasts, asked in the piece at
    `position`: (the answer's match, the question's phrase, the answer's span)."""
    from speclint.document.text import find_all_alone, joined_segments, position_at

    piece = pieces[position]
    for match, _span in find_all_alone(_HOW_LONG, piece.segments):
        phrase = match.group("phrase")
        answer = _ANSWER.match(match.group("after"))
        if answer is not None:
            start = position_at(joined_segments(piece.segments)[1], match.start("after") + answer.start("num"))
            end = position_at(joined_segments(piece.segments)[1], match.start("after") + answer.end())
            yield answer, phrase, Span(start, end)
        elif not match.group("after").strip(" *_\n") and position + 1 < len(pieces) \
                and pieces[position + 1].kind == "paragraph":
            following = pieces[position + 1]
            for found, span in find_all_alone(_ANSWER, following.segments):
                yield found, phrase, span
                break
        break


def _asked_pairs(pieces: tuple, asked: dict[str, list[_Stated]],
                 by_head: dict[tuple[str, str], list[_Stated]]) -> Iterator[Contradiction]:
    """An answer to "how long does a lock last?" against what the document says of the lock elsewhere: "lock a
    flight price for 72 hours", "a lock period of 72 hours"."""
    from speclint.document.text import find_all_alone, joined_segments
    from speclint.reading.requirements import not_in_scope

    said = re.compile(r"\b(?P<head>" + "|".join(re.escape(head) for head in asked) + r")[\w-]*(?P<between>[^.;:?!\n]{0,40}?)"
                        r"\bfor\s+(?:about\s+|up\s+to\s+)?" + _NUM + r"[\s-]?" + _UNIT + r"\b", re.I)
    stated: list[_Stated] = []
    for piece in pieces:
        if piece.kind != "paragraph" or (piece.section.heading is not None and not_in_scope(piece.section)):
            continue
        if not _DIGIT.search(joined_segments(piece.segments)[0]):
            continue
        for match, span in find_all_alone(said, piece.segments):
            if "?" in match.group(0) or not _taken(match.string, match.start("num"), match.end("num"), True):
                continue
            family, value = _duration(match.group("num"), match.group("unit"))
            head = _lemma(match.group("head"))
            statement = Statement("named", (head,), head, family, value, " ".join(match.group(0).split()), span)
            stated.append(_Stated(id(piece.section), head, (), family, value, "", statement))
    for answers in asked.values():
        for answer in answers:
            others = [*by_head.get((answer.family, answer.head), ()), *(each for each in stated if each.head == answer.head)]
            for other in others:
                if other.section == answer.section or other.value == answer.value or other.family != answer.family:
                    continue
                line, other_line = answer.statement.span.start.line, other.statement.span.start.line
                if line == other_line:
                    continue
                yield (answer.statement, other.statement) if line > other_line else (other.statement, answer.statement)
                break


#: The readers of a piece, in order, with what `_taken` is told of each (bounded, a state, a default).
_READERS = ((_NAMED, False), (_BEFORE_NOUN, False), (_COUNT_LIMIT, True), (_HOLD, False), (_DEADLINE, True),
            (_MISSED_DEADLINE, True), (_NAMED_DEADLINE, True), (_NAMED_MONEY, False), (_MONEY_PER, True),
            (_DEFAULT_NAMED, "default"))
#: Words a piece must hold (lowercased) for a reader to search it.
_LITERALS = {_MISSED_DEADLINE: ("not", "não", "nao", "non", "nicht"),
             _NAMED_DEADLINE: ("deadline", "time limit", "prazo", "plazo", "frist", "termine", "délai", "delai"),
             _MONEY_PER: ("per",), _DEFAULT_NAMED: ("default",)}


def _near(pattern, anchors: list[tuple[int, int]], text: str, offsets: list) -> Iterator[tuple[re.Match[str], Span]]:
    """`find_all_alone(pattern, segments)` on the piece's searched `text`, for the matches that hold one of the
    `anchors` (start, end), searched only in a window around each."""
    from speclint.document.text import position_at

    seen: set[tuple[int, int]] = set()
    tailed = "tail" in pattern.groupindex
    for anchor_start, anchor_end in anchors:
        window_end = min(len(text), anchor_end + _AHEAD)
        swallowed = False
        for begin in (max(0, anchor_start - _BACK), anchor_start):
            if begin == anchor_start and not swallowed:
                break  # no earlier match took the anchor into the words after its value: nothing more to find
            for match in pattern.finditer(text, begin, window_end):
                # the anchor must be the match's value, not in the words after it ("0.5 TiB of growth ... and a 16 TiB
                # quota": the 16 TiB is searched again from where it stands)
                if not match.start() <= anchor_start < (match.start("tail") if tailed else match.end()):
                    swallowed = swallowed or match.start() <= anchor_start < match.end()
                    continue
                swallowed = False
                if (match.start(), match.end()) in seen:
                    continue
                seen.add((match.start(), match.end()))
                start = position_at(offsets, match.start())
                end = position_at(offsets, max(match.end() - 1, match.start()))
                yield match, Span(start, Position(end.line, end.column + 1))


def _pairs(document: Document) -> Iterator[Contradiction]:
    from speclint.document.text import find_all_alone, iter_prose, joined_segments, searched_text
    from speclint.reading.requirements import not_in_scope

    defined: list[tuple[str, frozenset[str], tuple[str, ...]]] = []  # a term's head, what holds during it, its words
    said_for: list[tuple[_Stated, str, frozenset[str]]] = []  # "valid for 12 hours": the word, the sentence's words
    stated_for: list[tuple[int, str, list, list[tuple[int, int]]]] = []
    defined_anywhere = _has_definition(document.source)
    by_head: dict[tuple[str, str], list[_Stated]] = {}
    holds: list[tuple[_Stated, frozenset[str]]] = []
    per_owner: list[tuple[_Stated, frozenset[str]]] = []
    pieces = tuple(iter_prose(document))
    numbered = frozenset(numbered_pieces(document))
    asked: dict[str, list[_Stated]] = {}  # a question's head: the durations its answers give
    for position, piece in enumerate(pieces):
        if piece.kind == "table-cell" or (piece.section.heading is not None and not_in_scope(piece.section)):
            continue
        joined = joined_segments(piece.segments)[0]
        if "?" in joined and _HOW_LONG_WORDS.search(joined):
            for answer, phrase, span in _answers(pieces, position):
                written = [word for word in re.findall(r"[^\W\d_][\w'-]*", phrase) if word.lower() not in _STOPWORDS]
                head, _before = _head(tuple(_lemma(word) for word in written))
                if not head:
                    continue
                family, value = _duration(answer.group("num"), _UNIT_WORDS.get(answer.group("unit").lower(),
                                                                                answer.group("unit")))
                text = " ".join(answer.group(0)[answer.start("num") - answer.start():].split())
                statement = Statement("named", tuple(word.lower() for word in written), head, family, value, text, span)
                asked.setdefault(head, []).append(_Stated(id(piece.section), head, (), family, value, "", statement))
        if defined_anywhere and piece.kind == "paragraph" and _has_definition(joined):
            for match, _span in find_all_alone(_DEFINED, piece.segments):
                definition = _definition(match)
                if definition is not None:
                    defined.append(definition)
        if piece.kind != "paragraph":
            continue  # a table's rows are cases ("| Directory down | 2-second timeout |"): read as labels elsewhere
        digits = position in numbered
        lowered = joined.lower()
        words = _UNIT_STEM.search(lowered) is not None and _NUMBER_WORD_RE.search(joined) is not None
        if not digits and not words:
            continue
        section = id(piece.section)
        text, offsets = searched_text(piece.segments), joined_segments(piece.segments)[1]
        durations = [found.span() for found in _DURATION_ANCHOR.finditer(text)] if digits else []
        if words:
            durations.extend(found.span() for found in _WORD_DURATION_ANCHOR.finditer(text))
        bounds = [found.span() for found in _BOUND_ANCHOR.finditer(text)] \
            if any(bound in lowered for bound in _BOUND_LITERALS) else []
        money = [found.span() for found in _MONEY_ANCHOR.finditer(text)] \
            if digits and any(sign in joined for sign in ("€", "$", "£", "EUR", "USD", "GBP")) else []
        if not durations and not bounds and not money:
            continue
        if durations and defined_anywhere:
            stated_for.append((section, text, offsets, durations))  # read for a state's duration once definitions are known
        for pattern, bounded in _READERS:
            literals = _LITERALS.get(pattern)
            if literals is not None and not any(literal in lowered for literal in literals):
                continue  # most pieces say no "default", no "per", no "not": their readers need not search
            anchors = bounds if pattern is _COUNT_LIMIT else money if pattern in (_NAMED_MONEY, _MONEY_PER) else durations
            for match, span in _near(pattern, anchors, text, offsets) if anchors else ():
                text = match.string
                number_group = next(name for name in ("num", "num2", "num3") if name in match.re.groupindex
                                    and match.group(name))
                if pattern is _MONEY_PER:
                    if _taken(text, match.start(number_group), match.end(number_group), True):
                        stated_per = _money_per(section, match, span)
                        if stated_per is not None:
                            per_owner.append(stated_per)
                    continue
                if pattern is _NAMED_MONEY:
                    start = match.start("currency") if match.group("currency") else match.start(number_group)
                    if start > match.start(number_group) or not _taken(text, start, match.end(number_group), False):
                        continue
                    stated = _named(section, match, span, False, offsets)
                    if stated is not None:
                        by_head.setdefault((stated.family, stated.head), []).append(stated)
                    continue
                named_from = _name_start(match) if pattern is _NAMED else None
                if not _taken(text, match.start(number_group), match.end(number_group), bounded, named_from):
                    continue
                if pattern is _DEFAULT_NAMED:
                    stated = _default(section, match, span)
                    if stated is not None:
                        by_head.setdefault((stated.family, stated.head), []).append(stated)
                    continue
                if pattern is _HOLD:
                    held = _hold(section, match, span)
                    if held is not None:
                        holds.append(held)
                    continue
                if pattern is _DEADLINE or pattern is _MISSED_DEADLINE or pattern is _NAMED_DEADLINE:
                    stated = _deadline(section, match, span)
                elif pattern is _COUNT_LIMIT:
                    stated = _count(section, match, span)
                else:
                    stated = _named(section, match, span, pattern is _BEFORE_NOUN, offsets)
                if stated is not None:
                    by_head.setdefault((stated.family, stated.head), []).append(stated)
    for section, text, offsets, durations in stated_for if defined else ():
        for match, span in _near(_FOR_DURATION, durations, text, offsets):
            if _taken(match.string, match.start("num"), match.end("num"), "state"):
                said = _said_for(section, match, span)
                if said is not None:
                    said_for.append(said)
    for stated in _table_count_limits(document):
        by_head.setdefault((stated.family, stated.head), []).append(stated)
    for stated in _code_defaults(document):
        by_head.setdefault((stated.family, stated.head), []).append(stated)
    yield from _hold_pairs(holds)
    if defined and said_for:
        yield from _defined_pairs(defined, said_for, by_head)
    yield from _same_words_pairs(per_owner)
    if asked:
        yield from _asked_pairs(pieces, asked, by_head)
    for members in by_head.values():
        if len(members) < 2:
            continue
        phrases = {member.words for member in members}
        for position, later in enumerate(members):
            for earlier in members[:position]:
                if earlier.value == later.value or earlier.section == later.section or earlier.scope != later.scope:
                    continue
                if earlier.statement.span.start.line == later.statement.span.start.line:
                    continue
                if not _compatible(earlier.words, later.words) or _ambiguous(earlier.words, later.words, phrases):
                    continue
                if earlier.size < 2 and later.size < 2 and not _compound(earlier) and not _compound(later):
                    continue  # "Timeline: ~5 minutes" under each severity: one word says too little of what it times
                yield later.statement, earlier.statement
                break


#: A span's kind before a Romance "of": "periodo di prova", "plazo de entrega", "période d'essai".
_GENERIC_OF = lazy_compile(r"\b(?:periodo|período|plazo|prazo|termine|tempo|tiempo|durata|duración|duração|délai|période)\s+"
                           r"(?:di|de|del|da|do|du|des|d')\s*[^\W\d_][\w-]*$", re.I)


def _name_start(match: re.Match[str]) -> int:
    """Where the name of a named value starts: its first kept word ("under a hard cap" is "hard cap")."""
    phrase = match.group("phrase")
    kept = _phrase_words(phrase)
    return match.start("phrase") + max(phrase.rfind(kept[0]), 0) if kept else match.end("phrase")


def _compound(stated: _Stated) -> bool:
    """A one-word name written as a compound ("Übergangsfrist", "Aufbewahrungsdauer"): a thing and its kind, as
    much as a two-word name says."""
    return len(stated.head) >= _COMPOUND_LENGTH


_COMPOUND_LENGTH = 12


def _ambiguous(one: tuple[str, ...], other: tuple[str, ...], phrases: set[tuple[str, ...]]) -> bool:
    """The shorter phrase could also be another one stated: "hold" beside "dispute hold" and "fraud hold"."""
    shorter, longer = sorted((one, other), key=len)
    return any(candidate != longer and _compatible(candidate, shorter) and not _compatible(candidate, longer)
               for candidate in phrases if len(candidate) > len(shorter))


#: A case a statement is made for: "P1 incidents", "Sev 2", "tier 3", "priority high".
_CASE = lazy_compile(r"\b(?:[A-Z]{1,4}-?\d{1,2}|(?:sev(?:erity)?|priority|prio|tier|level|class|grade)\s*[-:]?\s*(?:\d|[A-Z]\b|"
                     r"high|low|medium|critical|urgent))\b", re.I)


def _deadline(section: int, match: re.Match[str], span: Span) -> _Stated | None:
    """A deadline on an act, named by the act's verb ("signed", "firmarse" and "firma" are one act); not one set
    for a case ("P1 incidents are acknowledged within 15 minutes")."""
    if _CASE.search(_clause(match.string, match.start(), match.end())):
        return None
    verb = _first(match, "verb", "verb2").lower()
    if verb in _STOPWORDS or verb in _NOT_OWNER or verb.endswith("ly") or verb in ("most", "least", "even", "always"):
        return None  # "usually within 1 month": no act
    stem = re.sub(r"(?:se|lo|la|los|las)$", "", verb) if verb.endswith(("rse", "rlo", "rla")) else verb
    stem = _lemma(stem)[:4]
    if stem in _GENERAL_VERBS or len(stem) < 4:
        return None
    unit = " ".join(_first(match, "unit", "unit2").lower().split())
    number = _first(match, "num", "num2")
    if _WORKING_UNIT.search(unit):
        family, value = "working-days", _value(number)
    else:
        word = unit.split()[0]
        family, value = _duration(number, _UNIT_WORDS.get(word, word))
    statement = Statement("deadline", (verb,), stem, family, value, " ".join(match.group(0).split()), span)
    return _Stated(section, f"deadline {stem}", ("deadline",), family, value, "", statement)


def _money_per(section: int, match: re.Match[str], span: Span) -> tuple[_Stated, frozenset[str]] | None:
    """An amount bounded per one thing ("max €250 per split"), and the words of its clause that say what is bounded
    ("request"). Not when the clause lists another amount (tiers: "€250 per split, €500 for verified users")."""
    clause = _clause(match.string, match.start(), match.end())
    if len(_MONEY_ANCHOR.findall(_sentence(match.string, match.start(), match.end()))) > 1:
        return None
    scope = _SCOPE.match(match.string, match.end(), match.end() + 40)
    if scope is not None and _lemma(scope.group(1)) not in _NO_SCOPE:
        return None  # "max €300 per transfer for verified accounts": one case of the maximum
    owner = _lemma(_first(match, "owner", "owner2", "owner3"))
    if owner in _NOT_OWNER or owner in _SECONDS or owner.rstrip("s") in _SECONDS:
        return None  # "per day", "per month": a rate, read elsewhere
    currency = {"€": "EUR", "$": "USD", "£": "GBP"}[_first(match, "currency", "currency2", "currency3")]
    value = float(_first(match, "num", "num2", "num3").replace(",", ""))
    stems = frozenset(_lemma(word)[:6] for word in re.findall(r"[^\W\d_][\w'-]*", clause)
                      if (word.lower() not in _STOPWORDS or word.lower() in _QUALIFYING) and word.lower() not in _MONEY_WORDS
                      and len(word) > 3
                      and _lemma(word) != owner)
    if not stems:
        return None
    family = f"money {currency} per {owner}"
    statement = Statement("money-per", (owner,), owner, family, value, " ".join(match.group(0).split()), span)
    return _Stated(section, family, (), family, value, "", statement), stems


def _first(match: re.Match[str], *names: str) -> str:
    """The first of the named groups that took part in the match."""
    return next((match.group(name) for name in names if name in match.re.groupindex and match.group(name)), "")


def _count(section: int, match: re.Match[str], span: Span) -> _Stated | None:
    owner = next(match.group(name) for name in ("owner", "owner2", "owner3") if match.group(name))
    noun = next(match.group(name) for name in ("noun", "noun2", "noun3") if match.group(name))
    number = next(match.group(name) for name in ("num", "num2", "num3") if match.group(name))
    if owner.lower() in _NOT_OWNER or noun.lower() in _NOT_COUNTED or noun.lower() in _STOPWORDS:
        return None
    if noun.lower().rstrip("s") in _SECONDS or noun.lower() in _SECONDS:
        return None
    value = _value(number)
    text = " ".join(match.group(0).split())
    statement = Statement("count-limit", (owner.lower(), noun.lower()), _lemma(noun), "count", value, text, span)
    return _Stated(section, f"{_lemma(noun)} per {_lemma(owner)}", (), "count", value, "", statement)


#: A limits table's label for a count per one thing: "Postings per journal entry", "Max. Artikel pro Bestellung",
#: "Maximum number of seats per workspace".
_COUNT_LABEL = lazy_compile(
    r"^[\W_]*(?:(?:max(?:imum|\.)?|máx(?:imo|\.)?|maximal|höchstzahl(?:\s+an)?)\s+(?:(?:number|count|número|anzahl)\s+(?:of|de|an)\s+)?)?"
    r"(?P<noun>[^\W\d_][\w-]*)\s+(?P<per>per|pro|por|par|je)\s+(?:(?:each|cada|one)\s+)?"
    r"(?P<owner>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,2})[\W_]*$",
    re.I,
)
#: The count a limits table's cell gives, alone or with its bound: "100", "at most 100", "≤ 100", "bis zu 100 Artikel".
_COUNT_CELL = lazy_compile(
    r"^[*_\s]*(?:(?:" + _BOUND + r"|≤|<=|<)\s*)?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?P<noun>[^\W\d_][\w-]*))?[*_\s]*$",
    re.I,
)


def _table_count_limits(document: Document) -> Iterator[_Stated]:
    """Count limits given by a table row: "| Postings per journal entry | at most 100 |" is the limit "a journal entry
    holds up to 50 postings" states. A row whose other cells give numbers too is a row of cases (tiers, now and
    target), and a label of a rate ("Requests per minute") counts no owner."""
    from speclint.reading.quantities import tables
    from speclint.reading.requirements import not_in_scope

    for section, block in tables(document):
        if section.heading is not None and not_in_scope(section):
            continue
        for row in block.rows:
            label = _COUNT_LABEL.match(row[0].text) if len(row) > 1 else None
            if label is None:
                continue
            valued = [cell for cell in row[1:] if any(character.isdigit() for character in cell.text)]
            if len(valued) != 1:
                continue
            if _NOT_A_COUNT.search(row[0].text[:label.start("per")] + row[0].text[label.end("per"):]):
                continue  # "Seats per workspace (free plan)"; German "pro" is "per", no pro plan
            found = _COUNT_CELL.match(valued[0].text)
            noun, owner = label.group("noun").lower(), label.group("owner").split()[-1].lower()
            if found is None or owner in _NOT_OWNER or noun in _NOT_COUNTED or noun in _STOPWORDS \
                    or owner.rstrip("s") in _SECONDS or owner in _SECONDS or _UNIT_NAMES.get(owner) is not None:
                continue
            text = valued[0].text.strip(" *_")
            start, cell_start = valued[0].text.find(text), valued[0].span.start  # the finding points at the value given
            span = Span(Position(cell_start.line, cell_start.column + start),
                        Position(cell_start.line, cell_start.column + start + len(text)))
            value = _value(found.group("num").replace(",", ""))
            statement = Statement("count-limit", (owner, noun), _lemma(noun), "count", value, text, span)
            yield _Stated(id(section), f"{_lemma(noun)} per {_lemma(owner)}", (), "count", value, "", statement)


_cache: WeakKeyDictionary[Document, list[Contradiction]] = WeakKeyDictionary()
