"""MS011 limit-table-without-value: a row of a limits or settings table that names a limit and gives it no value."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Table, TableCell
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.normative import has_quantity, is_descriptive
from speclint.reading.requirements import not_in_scope

# A column that holds each row's value: "| Limit | Value |", "| Setting | Default |".
_VALUE_COLUMN = lazy_compile(
    r"^\W*(?:values?|limits?|defaults?|default\s+values?|settings?|max(?:imum)?|thresholds?|amounts?|durations?|sizes?|quotas?|"
    r"caps?|allowances?|wert|grenze|standardwert|valor|límite|valeur|limite)\W*$", re.I)
# A first column whose every row is a limit: "| Limit | Free | Team |", "| Quota | Value |".
_LIMIT_COLUMN = lazy_compile(r"^\W*(?:limits?|quotas?|caps?|thresholds?|settings?|parameters?|grenzen?|límites?|limites?)\W*$", re.I)
# Columns that explain a row rather than give its value.
_PROSE_COLUMN = lazy_compile(
    r"\b(?:why|notes?|description|descriptions|rationale|reasons?|comments?|owners?|source|purpose|explanation|details|"
    r"examples?|status|priority|enforced|enforcement|applies|scope|behaviou?r|when|where|how)\b", re.I)
# A row label that names a limit the system enforces: "Maximum file size", "Session timeout", "Cache TTL".
_LIMIT_LABEL = lazy_compile(
    r"\b(?:max(?:imum)?|min(?:imum)?|limits?|quotas?|time-?outs?|ttl|expiry|expiration|retention(?:\s+period)?|grace\s+period|"
    r"lock-?out(?:\s+(?:duration|period))?|rate\s+limit|retries|retry\s+(?:count|attempts|limit)|(?:failed\s+)?attempts|"
    r"page\s+size|(?:file|upload|attachment|payload|request|message)\s+size|cool-?down|lifetime|caps?|"
    r"(?:polling|refresh|sync|backup)\s+interval)\b", re.I)
# A value in words that leaves the number open: "configurable", "large", "varies".
_VAGUE_VALUE = lazy_compile(
    r"^(?:configurable|tunable|adjustable|customi[sz]able|varies|variable|dynamic|flexible|large|small|short|long|limited|reasonable|"
    r"sensible|appropriate|adequate|sufficient|high|low|several|many|few|a\s+few|some|generous|moderate|standard|normal|(?:a\s+)?handful|a\s+couple|a\s+small\s+number|a\s+large\s+number|multiple|various|a\s+lot|lots|plenty|"
    r"depends|it\s+depends|as\s+needed|as\s+required|to\s+be\s+configured|konfigurierbar|configurable\s+por\s+\w+|configurable\s+par\s+\w+)"
    r"[\s.!]*$", re.I)
_MARKUP = " *_`"


class LimitTableWithoutValue(Rule):
    """Flags a row of a limits or settings table that names a limit and leaves its value out.

    **What it flags.** In a table with a value column (*Value*, *Limit*, *Default*, *Setting*,
    *Maximum*...), a row whose label names a limit the system enforces (a maximum, a timeout, a TTL,
    a retention, a lockout, a retry count, a page or file size, a quota, an interval) and whose value
    cell is empty or says only a word: "configurable", "large", "short", "varies", "reasonable",
    "several", "a handful". When the first column is headed *Limit*, *Quota*, *Setting* or
    *Parameter*, every row is a limit, and every column but those that explain (*Why*, *Notes*,
    *Description*...) holds a value: "| Limit | Free | Team |" gives one per plan.

    Not flagged: a value with a number or a time frame ("20", "30 s", "configurable, default 10
    MB"), a limit said to be absent ("unlimited", "none", "no limit", "n/a", "-"), placeholders
    such as TBD (the placeholder rules report them), rows of background and out-of-scope sections.

    **Why it matters.** A limits table is where engineers and testers look up the numbers; a row
    without one is a limit everyone knows exists and nobody can build or test.

    **Example**

    ```markdown
    | Limit | Value |
    |---|---|
    | Maximum file size | configurable |
    ```

    **Use instead**

    ```markdown
    | Limit | Value |
    |---|---|
    | Maximum file size | 25 MB (configurable per workspace) |
    ```
    """

    id = "MS011"
    name = "limit-table-without-value"
    category = Category.MEASURABILITY
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        # The document's blocks as listed once for every rule, not each section's nested blocks walked again.
        for section, block in document.iter_blocks():
            if isinstance(block, Table) and not (
                    section.heading is not None and (is_descriptive(section) or not_in_scope(section))):
                yield from _rows(block)


def _rows(table: Table) -> Iterator[Violation]:
    headers = [cell.text.strip(_MARKUP) for cell in table.header]
    value_columns = [index for index, header in enumerate(headers) if index > 0 and _VALUE_COLUMN.match(header)]
    every_row = bool(headers) and bool(_LIMIT_COLUMN.match(headers[0]))
    if every_row and not value_columns:  # "| Limit | Free | Team |": each plan's column holds a value
        value_columns = [index for index, header in enumerate(headers) if index > 0 and header and not _PROSE_COLUMN.search(header)]
    for row in table.rows if value_columns else ():
        if not row or not (every_row or _LIMIT_LABEL.search(row[0].text)):
            continue
        label = " ".join(row[0].text.strip(_MARKUP).split())
        for index in value_columns:
            if index >= len(row):
                continue
            cell = row[index]
            value = cell.text.strip(_MARKUP)
            if value and not _VAGUE_VALUE.match(value):
                continue
            if has_quantity(cell.text) or _quantified_label(row[0]):
                continue
            where = cell.span if value else row[0].span  # an empty cell: at the limit it leaves without value
            said = f"'{value}'" if value else "an empty cell"
            yield Violation(where, f"'{label}' has {said} for its value: state the number (or the default) so it "
                                   "can be built and tested")
            break


def _quantified_label(cell: TableCell) -> bool:
    """A label that holds its own value: "Max 5 retries", "Timeout (30 s)"."""
    return bool(re.search(r"\d", cell.text))
