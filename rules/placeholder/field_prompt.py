"""PH007 field-left-as-prompt: a people or date field still holding its template's prompt or mask."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Span, Table
from speclint.engine.rule import Category, Level, Rule, RuleContext, Subsumes, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.header import header_lines

#: Words of a field that names people: owner, reviewers, deciders (MADR's `decision-makers`,
#: `consulted`, `informed`), in English, German, Spanish and French.
_PEOPLE_WORDS = frozenset({
    "owner", "owners", "author", "authors", "reviewer", "reviewers", "approver", "approvers", "approved", "decider",
    "deciders", "decision-makers", "decision", "makers", "consulted", "informed", "responsible", "dri", "lead",
    "driver", "drivers", "sponsor", "assignee", "contact", "shepherd", "shepherds", "editor", "editors", "pm",
    "stakeholders", "accountable", "champion",
    "verantwortlich", "verantwortliche", "verantwortlicher", "autor", "autorin", "autoren", "prüfer", "prüferin",
    "genehmiger", "genehmigt", "freigabe", "ansprechpartner", "ansprechpartnerin", "eigentümer",
    "responsable", "responsables", "autora", "autores", "revisor", "revisores", "revisado", "aprobador",
    "aprobadores", "aprobado", "propietario", "propietaria", "dueño", "dueña", "encargado", "encargada",
    "propriétaire", "auteur", "auteurs", "relecteur", "relecteurs", "approbateur", "approbateurs",
})
#: Words of a field that holds a date.
_DATE_WORDS = frozenset({
    "date", "dated", "updated", "created", "modified", "revised", "datum", "stand", "aktualisiert", "erstellt",
    "geändert", "fecha", "actualizado", "actualización", "creado", "modificado", "mise", "créé", "modifié",
    "last_updated", "last-updated", "creation-date", "last-modified", "start", "deadline", "due",
})
_STATUS_WORDS = frozenset({"status", "state", "estado", "statut", "zustand"})

# `Key: value` (also `**Key:** value`, `**Key**: value`, `- Key: value`, YAML `key: value`).
_FIELD = lazy_compile(
    r"[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?P<key>[^\W\d_][\w ./'’()-]{0,40}?)[ \t]*"
    r"(?::(?:\*\*|__)?|(?:\*\*|__)[ \t]*:)[ \t]*(?P<value>\S.*?)[ \t]*$"
)
# A template's prompt for the value: `[Name of the product owner]`, `<add reviewers>`,
# `{list everyone involved in the decision}`, `{{owner}}`. Not a link (`[Ana](...)`), an e-mail or a
# URL in angle brackets, nor a marker PH001 reports (`[TBD]`).
_PROMPT = lazy_compile(
    r"[*_]{0,2}(?P<prompt>\[(?P<square>[^\]\[\n]{2,80})\](?![(\[:])|<(?P<angle>[^<>\n@:/]{2,80})>|"
    r"\{\{?(?P<curly>[^{}\n]{2,80})\}?\})[*_]{0,2}[.]?"
)
# Words a template's prompt asks with, in four languages.
_PROMPT_WORDS = lazy_compile(
    r"\b(?:names?|owner|person|people|someone|who|list|add|insert|enter|your|e-?mail|fill|"
    r"nombre|persona|personas|equipo|añadir|indicar|nom|personne|ajouter|vorname|nachname|eintragen|angeben)\b",
    re.I,
)
_MARKER_INSIDE = lazy_compile(r"[ \t]*(?:TBD|TBC|TBA|TODO|FIXME|XXX|NEEDS CLARIFICATION)\b", re.I)
# A date written as its template's mask: `TT.MM.JJJJ`, `TT.MM.2026`, `DD/MM/YYYY`, `YYYY-MM-DD`,
# `AAAA-MM-DD`, `JJJJ-MM-TT`, `MM/DD/YYYY`; at least one part is letters.
_DAY = r"(?:DD|TT|JJ|dd|tt|jj|D|T|d|t)"
_MONTH = r"(?:MM|mm|M|m)"
_YEAR = r"(?:YYYY|JJJJ|AAAA|yyyy|jjjj|aaaa|YY|JJ|AA|yy|aa)"
_MASK = lazy_compile(
    r"[*_`]{0,2}(?P<mask>"
    r"(?:" + _DAY + r"|\d{1,2})(?P<s1>[./-])(?:" + _MONTH + r"|\d{1,2})(?P=s1)(?:" + _YEAR + r"|\d{4})"
    r"|(?:" + _YEAR + r"|\d{4})-(?:" + _MONTH + r"|\d{2})-(?:" + _DAY + r"|\d{2})"
    r"|" + _MONTH + r"/" + _DAY + r"/(?:" + _YEAR + r"|\d{4})"
    r")[*_`]{0,2}[.]?"
)
_LETTERS = lazy_compile(r"[A-Za-z]")


class FieldLeftAsPrompt(Rule):
    """Flags a people or date field that still holds its template's prompt or date mask.

    **What it flags.** In a document's header (front matter, and the lines above its first
    section) and in the rows and columns of its tables:

    - a field that names people (Owner, Reviewers, Deciders, MADR's `decision-makers`, Responsable,
      Verantwortlich, Propriétaire...) whose whole value is a bracketed prompt:
      `[Name of the product owner]`, `<add reviewers>`, `{list everyone involved in the decision}`;
    - a date field (Date, Datum, Fecha, Last updated...) whose value is a date mask: `TT.MM.JJJJ`,
      `TT.MM.2026`, `DD/MM/YYYY`, `YYYY-MM-DD`.

    A format named in a sentence ("dates are written YYYY-MM-DD") is not a field's value and is left
    alone; so are links, e-mail addresses and `[TBD]` (PH001's).

    **Why it matters.** Nobody owns, reviews or decides a document whose owner is
    `[Name of the product owner]`, and a date `TT.MM.JJJJ` dates nothing: the template was filled
    in everywhere but there.

    **Example**

    ```markdown
    **Reviewers:** <add reviewers>
    | Datum | TT.MM.2026 |
    ```

    **Use instead**

    ```markdown
    **Reviewers:** Ines Duarte (Payments)
    | Datum | 14.11.2026 |
    ```
    """

    id = "PH007"
    name = "field-left-as-prompt"
    category = Category.PLACEHOLDER
    default_level = Level.WARNING
    # Makes redundant where they meet (one defect, one finding): a field left as the template's prompt breaks the
    # schema (MD002) and is a slot left unfilled (PH002)
    subsumes = (Subsumes(("MD002", "PH002")),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        lines = document.lines
        labels = _Labels(document)
        table_lines: set[int] = set()
        for _, block in document.iter_blocks():
            if isinstance(block, Table):
                table_lines.update(range(block.span.start.line, block.span.end.line + 1))
                for violation in _table(block):
                    if not labels.defines(violation.message):
                        yield violation
        # A schema checks front-matter dates (MD002 reports a mask as "not a real date").
        schema_lines = range(0)
        header = document.front_matter
        if header is not None and getattr(context.profile, "front_matter_schema", None):
            schema_lines = range(header.span.start.line, header.span.end.line + 1)
        for number in header_lines(document):
            if number in table_lines:
                continue
            line = lines[number - 1]
            offset = 0
            for part in line.split("·"):
                violation = _field(part, number, offset)
                offset += len(part) + 1
                if violation is None or labels.defines(violation.message):
                    continue
                if number in schema_lines and "date mask" in violation.message:
                    continue
                yield violation


class _Labels:
    """The labels of the document's link reference definitions, read once and only when asked:
    `[compiler]` is a link when `[compiler]: https://...` is defined."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.labels: set[str] | None = None

    def defines(self, message: str) -> bool:
        prompt = _QUOTED_SQUARE.search(message)
        if prompt is None:
            return False
        if self.labels is None:
            self.labels = {match.group(1).strip().lower() for line in self.document.lines
                           if "]:" in line for match in [_DEFINITION.match(line)] if match is not None}
        return prompt.group(1).strip().lower() in self.labels


_QUOTED_SQUARE = lazy_compile(r"prompt '\[([^\]\[\n']{1,80})\]'")
_DEFINITION = lazy_compile(r" {0,3}\[([^\]]{1,200})\]:")


def _kind(key: str) -> str | None:
    words = re.split(r"[\s/()]+", key.strip(" *_").lower())
    if any(word in _STATUS_WORDS for word in words):
        return None
    if any(word in _PEOPLE_WORDS for word in words) or key.strip(" *_").lower() in _PEOPLE_WORDS:
        return "people"
    if any(word in _DATE_WORDS for word in words) or key.strip(" *_").lower() in _DATE_WORDS:
        return "date"
    return None


def _is_prompt(inner: str) -> bool:
    """Words asking for a value (`Name of the product owner`, `add reviewers`, `nombre`), not names
    in a YAML list (`[Chidi Okeke, Elif Demir]`, `[alice, bob]`) nor a marker (`[TBD]`, PH001's)."""
    if not _LETTERS.search(inner) or _MARKER_INSIDE.match(inner) or "@" in inner:
        return False
    if _PROMPT_WORDS.search(inner):
        return True
    parts = [part.strip() for part in inner.split(",")]
    if len(parts) > 1 and all(part and " " not in part for part in parts):
        return False  # a list of handles
    return inner.strip()[:1].islower() and " " in inner.strip() or inner.strip().islower() and "," not in inner


def _value_problem(kind: str, value: str) -> tuple[int, int, str] | None:
    """(start, end, description) of a prompt or mask that is the whole value."""
    if kind == "people":
        prompt = _PROMPT.fullmatch(value)
        if prompt is None:
            return None
        inner = prompt.group("square") or prompt.group("angle") or prompt.group("curly") or ""
        if not _is_prompt(inner):
            return None
        return prompt.start("prompt"), prompt.end("prompt"), "the template's prompt"
    mask = _MASK.fullmatch(value)
    if mask is None or not _LETTERS.search(mask.group("mask")):
        return None
    return mask.start("mask"), mask.end("mask"), "a date mask, not a date"


def _field(text: str, line: int, offset: int) -> Violation | None:
    match = _FIELD.match(text)
    if match is None:
        return None
    kind = _kind(match.group("key"))
    if kind is None:
        return None
    found = _value_problem(kind, match.group("value"))
    if found is None:
        return None
    start, end, what = found
    column = offset + match.start("value") + start + 1
    return _violation(match.group("key").strip(" *_"), match.group("value")[start:end], what, kind,
                      Span.of(line, column, line, column + end - start))


def _violation(key: str, value: str, what: str, kind: str, span: Span) -> Violation:
    if kind == "people":
        return Violation(span, f"'{key}' still holds the template's prompt '{value}': name the people")
    return Violation(span, f"'{key}' holds the date mask '{value}', not a date: write the date (YYYY-MM-DD)")


def _table(table: Table) -> Iterator[Violation]:
    """A key/value row (`| Datum | TT.MM.2026 |`), or a cell in a people or date column."""
    columns = [_kind(cell.text) for cell in table.header]
    rows = [table.header, *table.rows] if len(table.header) == 2 else table.rows
    for row in rows:
        if len(row) >= 2 and len(table.header) == 2:
            kind = _kind(row[0].text)
            if kind is not None:
                violation = _cell(row[0].text, row[1], kind)
                if violation is not None:
                    yield violation
                    continue
        for index, cell in enumerate(row):
            kind = columns[index] if index < len(columns) else None
            if kind is not None and row is not table.header:
                violation = _cell(table.header[index].text, cell, kind)
                if violation is not None:
                    yield violation


def _cell(key: str, cell: object, kind: str) -> Violation | None:
    text = getattr(cell, "text", "")
    found = _value_problem(kind, text)
    if found is None:
        return None
    start, end, what = found
    span = cell.span  # type: ignore[attr-defined]
    column = span.start.column + start
    return _violation(key.strip(" *_"), text[start:end], what, kind,
                      Span.of(span.start.line, column, span.start.line, column + end - start))

