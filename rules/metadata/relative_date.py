"""MD009 relative-date: a date field of the document's header that holds "last week" instead of a date."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Span
from speclint.engine.rule import Category, Level, Rule, RuleContext, Subsumes, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.header import header_lines

# The date fields of a header, in English, German, Spanish and French, as a front-matter key
# (`last_updated:`), a label (`**Last updated:**`, `Date:`) or a table row (`| Last updated | ... |`).
_KEYS = (
    r"last[ _-]?(?:updated|modified|edited|revised|reviewed)|updated(?:[ _-]on)?|modified|date|created|"
    r"revised|review(?:ed)?[ _-]date|"
    r"zuletzt[ _-](?:aktualisiert|ge[äa]ndert|bearbeitet)|aktualisiert(?:[ _-]am)?|ge[äa]ndert(?:[ _-]am)?|"
    r"stand|datum|letzte[ _-](?:änderung|aktualisierung)|"
    r"fecha(?:[ _-]de[ _-](?:actualizaci[óo]n|revisi[óo]n|creaci[óo]n))?|[úu]ltima[ _-](?:actualizaci[óo]n|"
    r"revisi[óo]n|modificaci[óo]n)|actualizado(?:[ _-]el)?|"
    r"derni[èe]re[ _-](?:mise[ _-][àa][ _-]jour|modification)|mis[ _-][àa][ _-]jour(?:[ _-]le)?"
)
# A relative phrase, the whole value: "last week", "yesterday", "3 days ago", "gestern",
# "la semana pasada", "hace dos días", "la semaine dernière".
_NUMBER = r"(?:\d{1,3}|a|an|one|two|three|a\s+few|a\s+couple\s+of|several|some|zwei|drei|einigen|dos|tres|unos|unas)"
_UNIT = r"(?:days?|weeks?|months?|years?|hours?|Tagen?|Wochen?|Monaten?|Jahren?|d[íi]as?|semanas?|meses|mes|a[ñn]os?|jours?|semaines?|mois|ans?)"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_RELATIVE = (
    r"(?:today|yesterday|tomorrow|recently|just\s+now|this\s+(?:morning|afternoon|week|month|year|" + _WEEKDAY + r")|"
    r"(?:last|past|previous|next)\s+(?:week|month|year|quarter|sprint|" + _WEEKDAY + r")|"
    r"(?:earlier|later)\s+this\s+(?:week|month|year)|" + _NUMBER + r"\s+" + _UNIT + r"\s+ago|"
    r"heute|gestern|morgen|vorgestern|k[üu]rzlich|neulich|letzte[nr]?\s+(?:woche|monat|jahr)|"
    r"vorige[nr]?\s+(?:woche|monat)|vor\s+" + _NUMBER + r"\s+" + _UNIT + r"|diese\s+woche|"
    r"hoy|ayer|ma[ñn]ana|anteayer|recientemente|la\s+semana\s+pasada|el\s+(?:mes|a[ñn]o)\s+pasado|"
    r"hace\s+" + _NUMBER + r"\s+" + _UNIT + r"|esta\s+semana|"
    r"aujourd['’]hui|hier|demain|r[ée]cemment|la\s+semaine\s+(?:derni[èe]re|pass[ée]e)|le\s+mois\s+dernier|"
    r"il\s+y\s+a\s+" + _NUMBER + r"\s+" + _UNIT + r"|cette\s+semaine)"
)
_FIELD = lazy_compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\|[ \t]*)?(?:\*\*|__|\*|_)?(?P<key>" + _KEYS + r")[ \t]*"
    r"(?::[ \t]*(?:\*\*|__|\*|_)?|(?:\*\*|__|\*|_)?[ \t]*(?::|\|))[ \t]*(?:\*\*|__|\*|_)?[ \t]*[\"']?"
    r"(?P<value>" + _RELATIVE + r")[\"']?(?:\*\*|__|\*|_)?[ \t]*(?:[.;·|]|\([^)]*\)|$)",
    re.IGNORECASE,
)
# The same fields when several share a line: "**Version:** 1.0 · **Updated:** yesterday".
_INLINE_FIELD = lazy_compile(
    r"(?:[·|;][ \t]*)(?:\*\*|__)?(?P<key>" + _KEYS + r")[ \t]*(?::[ \t]*(?:\*\*|__)?|(?:\*\*|__)?[ \t]*:)[ \t]*"
    r"(?P<value>" + _RELATIVE + r")(?![\w-])",
    re.IGNORECASE,
)
_HINT = lazy_compile(
    r"today|yesterday|tomorrow|recent|just now|this |last |past |previous |next |ago|heute|gestern|morgen|rzlich|"
    r"neulich|letzte|vorige|vor |diese |hoy|ayer|ma[ñn]ana|semana|pasad|hace |aujourd|hier|demain|cemment|dernier|"
    r"il y a|cette |later |earlier ",
    re.IGNORECASE,
)


class RelativeDate(Rule):
    """Flags a date field in a document's header that holds a relative phrase ("last week", "yesterday").

    **What it flags.** In the header of a document (its front matter, and the lines above the first
    section), a date field (`Last updated`, `Updated`, `Date`, `Created`, `last_updated:`,
    `Zuletzt aktualisiert`, `Stand`, `Última actualización`, `Fecha`, `Dernière mise à jour`...)
    written as a label, a list item, a front-matter key or a metadata table row, whose whole value
    is a phrase relative to the day it was written: `last week`, `yesterday`, `today`, `3 days ago`,
    `recently`, `gestern`, `letzte Woche`, `ayer`, `la semana pasada`, `hier`.

    **Why it matters.** "Last week" was true on the day it was typed and is wrong ever after: a
    reader cannot tell how old the document is, and tools cannot sort or age it.

    **Example**

    ```markdown
    * **Last updated:** last week
    ```

    **Use instead**

    ```markdown
    * **Last updated:** 2026-11-24
    ```
    """

    id = "MD009"
    name = "relative-date"
    category = Category.METADATA
    default_level = Level.WARNING
    # Makes redundant where they meet (one defect, one finding): a relative date in a date field is also not a date to
    # the schema (MD002)
    subsumes = (Subsumes(("MD002",)),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        lines = document.lines
        for number in header_lines(document):
            line = lines[number - 1]
            if not _HINT.search(line):
                continue
            match = _FIELD.match(line) or _INLINE_FIELD.search(line)
            if match is None:
                continue
            value = match.group("value")
            start = match.start("value") + 1
            yield Violation(
                Span.of(number, start, number, start + len(value)),
                f"'{match.group('key').strip()}' is '{value}', which is no date once the day has passed: "
                "write the date (YYYY-MM-DD)",
            )
