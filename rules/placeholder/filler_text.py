"""PH005 filler-text: template filler no finished document keeps: "Lorem ipsum", "[insert X]", "<fill in>"."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Position, Span, TextSegment
from speclint.document.text import iter_prose, join_segments, mask_invisible_keeping_tags, patterns_to_search, position_at
from speclint.engine.rule import Category, Level, Rule, RuleContext, Subsumes, Violation, Within
from speclint.lazy_regex import lazy_compile


class FillerText(Rule):
    """Flags filler a template or a draft leaves for the author to replace: "Lorem ipsum", `[insert X]`, `<fill in>`.

    **What it flags.** The few shapes that are never anything but filler, in the text a reader
    sees (paragraphs, list items, table cells, headings):

    - "Lorem ipsum" dummy text;
    - a slot that tells the author what to do: `[insert team name]`, `<insert target>`,
      `<fill in>`, `[fill in the date]`, `(fill me in ...)`, `(to be filled in)`,
      `[enter the owner]`, `[add the link here]`, `<your name>`;
    - a field whose whole value is a bracketed slot name: `Owner: [Name]`, `Last updated: [Date]`,
      `**Team:** <team>`;
    - a heading's slot for a name or title: `# Feature Specification: [FEATURE NAME]`,
      `# <Project Name> PRD`;
    - a bracketed slot in capitals for a person, a place, a company or a date in running text, as
      a press release's quote and dateline leave them: `said [NAME], a customer in [CITY]`,
      `[CITY], [DATE] — ...` (not inside a quotation, where `"Hi [FIRST NAME], ..."` is a
      message's merge field; the quotation is counted over the paragraph, German „...“ too);
    - a paragraph that is only filler: "Coming soon.", "WIP", "To be written", "Details to follow",
      "To be completed after the capacity review." (when it will be written is still no content),
      "A completar.", "Da completare.", "Wird ergänzt." (not under Implementation History or Open
      Questions, which fill in as the work happens, nor under a Status heading, whose "Work in
      progress" `record-status` judges);
    - a requirement that stops at its obligation word: "THE Agent SHALL ...", "Das System MUSS…".

    Link text (`[insert image](url)`), quoted UI text, code spans and code blocks are not read.
    `template-placeholder` (preview) reads many more bracketed shapes, and is less precise for it;
    this rule keeps to the shapes that are filler whatever the document.

    **Why it matters.** Filler reads like content at a glance: a reviewer skimming the table sees a
    row, not the `<insert target>` in it, and the value is discovered missing when someone needs it.

    **Example**

    ```markdown
    | Metric | Target |
    |---|---|
    | Alert delay | <insert target> |

    Owner: [Name]
    ```

    **Use instead**

    ```markdown
    | Metric | Target |
    |---|---|
    | Alert delay | p95 under 60 s |

    Owner: Dana Whitfield
    ```
    """

    id = "PH005"
    name = "filler-text"
    category = Category.PLACEHOLDER
    default_level = Level.WARNING
    # Makes redundant where they meet (one defect, one finding): filler such as '[DATE]' or '(fill me in ...)' is also
    # a template slot (PH002); a section that only says 'Coming soon.' is one unwritten section, not also ST003's
    subsumes = (Subsumes(("PH002",)), Subsumes(("ST003",), Within.SECTION))

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        for prose in iter_prose(document):
            if prose.kind == "paragraph" and len(prose.segments) == 1 and _FILLER_PARAGRAPH.fullmatch(prose.segments[0].text) \
                    and not _written_as_it_happens(prose.section) and not _is_status_section(prose.section):
                segment = prose.segments[0]
                shown = segment.text.strip().strip("*_").strip()
                start = segment.text.index(shown[0])
                yield Violation(Span.of(segment.line, segment.column + start, segment.line, segment.column + start + len(shown)),
                                f"the text here is only '{shown}': write it, or list it as an open question")
                continue
            if prose.kind == "paragraph" and prose.segments and ("..." in prose.segments[-1].text or "…" in prose.segments[-1].text) \
                    and (unfinished := _UNFINISHED.search(prose.segments[-1].text)):
                segment = prose.segments[-1]
                yield Violation(Span.of(segment.line, segment.column + unfinished.start("word"), segment.line,
                                        segment.column + unfinished.end()),
                                "this requirement stops at its verb ('" + " ".join(unfinished.group(0).split())
                                + "'): write what it requires, or list it as an open question")
                continue
            if not any(hint.search(segment.text) for hint in patterns_to_search(_HINTS, prose.segments, visible_only=False)
                       for segment in prose.segments):
                continue  # the common case, decided without joining or masking
            text, offsets = join_segments(prose.segments)
            masked = mask_invisible_keeping_tags(text)
            patterns = (_FILLER, _FIELD_SLOT, _HEADING_SLOT) if prose.kind == "heading" else (_FILLER, _FIELD_SLOT, _PROSE_SLOT)
            seen: set[int] = set()  # a slot two patterns match (`Owner: <name>`) is one finding
            for pattern in patterns:
                for match in pattern.finditer(masked):
                    start, end = match.span("slot")
                    if start in seen or _is_link_text(text, start, end):
                        continue
                    if _in_quotation(masked, start) if pattern is _PROSE_SLOT else _in_quotes(masked, start):
                        continue
                    seen.add(start)
                    shown = " ".join(text[start:end].split())
                    yield Violation(_span(offsets, start, end),
                                    f"filler '{_shorten(shown)}' left in: replace it with the real content")


# What every filler holds. Two patterns, asked of each piece's literal index first (most pieces hold
# none of the words): the slot after a label or a bracket starts with a character class, which `re`
# scans for quickly, where one case-insensitive alternation with the words was tried at each position.
# (`(?=[<aefinoty])`: the first characters of the words, a position without one is turned away with one test:
# see tests/test_regex_guards.py.)
_HINT_WORDS = lazy_compile(r"(?=[<aefinoty])(?:orem ipsum|insert|fill|enter|\badd\b|your|(?:name|title)[\]>]|<<|"
                           r"<(?:owner|author|date|team|email|company|spokesperson)>)", re.I)
_HINT_SLOT = lazy_compile(r"[:\]]\s*[\[<]")
# A capitals slot in prose ("said [NAME], ... in [CITY]"): case-sensitive, so its own pattern.
_HINT_CAPITALS = lazy_compile(r"(?:NAME|CITY|TOWN|COUNTRY|DATE|COMPANY|CUSTOMER|STORE|TEAM|PRODUCT|TITLE|ROLE|"
                              r"LOCATION|SPOKESPERSON|ORT|STADT|DATUM|FIRMA|NOMBRE|CIUDAD|FECHA|EMPRESA|NOM|VILLE|"
                              r"ENTREPRISE)\]")
_HINTS = (_HINT_WORDS, _HINT_SLOT, _HINT_CAPITALS)
_FILLER = lazy_compile(
    # Every alternative starts with `L`, `l`, `[`, `<` or `(`, the only characters the look-ahead admits under
    # re.I: a position that cannot start a slot is turned away with one test (a search of 3,000 characters of
    # prose 2.3 -> 0.3 ms), and the required literals are the same.
    r"(?=[Ll\[<(])"
    r"(?P<slot>\b[Ll]orem ipsum\b"
    r"|(?<![\w!\\])[\[<]\s*(?:insert|fill\s+(?:me\s+)?in|to\s+be\s+filled(?:\s+in)?|enter)\b[^\[\]<>\n]{0,100}[\]>]"
    r"|(?<![\w!\\])[\[<]\s*add\b[^\[\]<>\n]{0,80}\bhere\s*[\]>]"
    r"|(?<![\w!\\])[\[<]\s*your\s+(?:name|team|team\s+name|email|company|product|project|title|handle)\s*[\]>]"
    r"|\((?:fill\s+(?:me\s+)?in|to\s+be\s+filled\s+in|fill\s+this\s+in)\b[^()\n]{0,120}\)"
    # `<<owner>>`: a slot in double angle brackets (the KEP's `<<[UNRESOLVED]>>` starts with a bracket)
    r"|(?<![\w<!\\])<<[A-Za-z][\w.\-]{0,30}(?: [\w.\-]{1,30}){0,3}>>(?!>)"  # not the operators "<< and >>"
    # `said <name>, head of ...`: a person's or a date's slot in a sentence, not a path's segment
    r"|(?<![\w<!\\/=])<(?:name|full\s+name|owner|author|date|team|email|company|spokesperson|customer\s+name)>(?![/\w]))",
    re.I,
)
#: `said [NAME], a customer in [CITY]`, `[CITY], [DATE] — Acme today announced`: a bracketed slot
#: in capitals for a person, a place, a company or a date, in running text (a press release's
#: quote and dateline). Capitals only: `[name]` in lower case is a command's argument.
_PROSE_SLOT = lazy_compile(
    r"(?P<slot>(?<![\w!\\\]])\[(?:(?:FIRST|LAST|FULL|CUSTOMER|COMPANY|STORE|PRODUCT|TEAM|CITY|JOB)[ _]?)?"
    r"(?:NAME|FIRSTNAME[ _]LASTNAME|CITY|TOWN|COUNTRY|DATE|COMPANY|CUSTOMER|STORE|TEAM|PRODUCT|TITLE|JOB TITLE|"
    r"ROLE|LOCATION|SPOKESPERSON|ORT|STADT|DATUM|FIRMA|NOMBRE|CIUDAD|FECHA|EMPRESA|NOM|VILLE|ENTREPRISE)\])"
)
#: `Owner: [Name]`, `**Last updated:** [Date]`: a label whose whole value is a slot's name.
_FIELD_SLOT = lazy_compile(
    r"(?:^|\n)[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?[A-Z][\w/ ]{1,30}?(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*"
    r"(?P<slot>[\[<](?:date|name|owner|author|authors?\s+names?|full\s+name|team|team\s+name|email|link|url|version|"
    r"title|status|yyyy-mm-dd|dd/mm/yyyy|mm/dd/yyyy)[\]>])[ \t]*(?=\n|$)",
    re.I,
)


#: A heading's slot for a name or a title: `# Feature Specification: [FEATURE NAME]`, `# <Project Name> PRD`.
_HEADING_SLOT = lazy_compile(r"(?P<slot>(?<![\w!\\])[\[<](?:[A-Za-z]{1,20}\s){0,3}(?:name|title)[\]>])(?![(\[:])", re.I)


#: A paragraph that is only filler: "Coming soon.", "WIP", "*To be written*", "To be completed after the
#: capacity review." (when it will be written is no content), "A completar.", "Da completare", "Wird ergänzt.".
_FILLER_PARAGRAPH = lazy_compile(
    r"[ \t]*[*_]{0,2}(?:(?:(?:this\s+section\s+(?:is\s+|will\s+be\s+)?)?(?:to\s+be\s+|will\s+be\s+)(?:written|added|completed|"
    r"filled\s+in|defined|detailed)|details\s+to\s+follow|to\s+follow|a\s+completar|a\s+detallar|por\s+completar|"
    r"da\s+completare|da\s+scrivere|[àa]\s+(?:compl[ée]ter|r[ée]diger)|wird\s+(?:noch\s+)?(?:erg[äa]nzt|nachgereicht)|folgt|"
    r"nog\s+in\s+te\s+vullen|volgt)"
    r"(?:\s+(?:later|soon|after|once|when|before|in|during|with|at|depois|ap[óo]s|quando|despu[ée]s|cuando|dopo|quando|"
    r"apr[èe]s|lorsque|nach|sobald|na|zodra)\b[^.!?\n]{0,80})?"
    r"|coming\s+soon|more\s+to\s+come|content\s+to\s+come|WIP|work\s+in\s+progress|placeholder(?:\s+text)?|write\s+me)"
    r"[.!…]*[*_]{0,2}[.!]?[ \t]*",
    re.I,
)
#: A requirement that stops at its obligation word: "THE Agent SHALL ...", "the app must…", "DANN SOLL das System ...".
_UNFINISHED = lazy_compile(
    r"(?:(?<=\s)|^)(?P<word>SHALL|MUST|SHOULD|WILL|shall|must|should|MUSS|SOLL|DEBE|DEBERÁ|DEVE|DEVERÁ|DOIT|DEVRA|DOVRÀ|MOET|"
    r"ZAL|THEN|DANN|ENTONCES|ALORS|ENTÃO|ALLORA|DAN)(?:\s+NOT|\s+NICHT|\s+NO|\s+NON|\s+NIET)?"
    r"(?:\s+(?:THE\s+|DAS\s+|EL\s+|LE\s+|O\s+|IL\s+|DE\s+|HET\s+)?[A-Z]?[\w-]+){0,3}?\s*(?:\.{3}|…)[ \t*_]*$")
#: Sections written as the work happens, or that list what is open (words of their titles).
_AS_IT_HAPPENS = ("implementation history", "open question", "open issue", "unresolved question", "unresolved issue")


def _written_as_it_happens(section: object) -> bool:
    current = section
    while current is not None:
        title = " ".join((getattr(current, "title", "") or "").lower().split())
        if any(words in title for words in _AS_IT_HAPPENS):
            return True
        current = getattr(current, "parent", None)
    return False


def _is_status_section(section: object) -> bool:
    """`## Status` / `Work in progress`: a status, which record-status (MD006) judges."""
    return " ".join((getattr(section, "title", "") or "").lower().split()) == "status"


def _is_link_text(masked: str, start: int, end: int) -> bool:
    """`[insert image](url)`, `[fill in][form]`: a link whose text happens to read like filler."""
    return masked[start] == "[" and masked[end:end + 1] in ("(", "[", ":")


def _in_quotes(masked: str, start: int) -> bool:
    """Inside a quoted message ("Welcome, <your name>!"): filled in when the message is shown."""
    line_before = masked[:start].rsplit("\n", 1)[-1]
    return line_before.count('"') % 2 == 1 or line_before.count("“") > line_before.count("”")


def _in_quotation(masked: str, start: int) -> bool:
    """Inside a quotation opened earlier in the paragraph ("Hi [FIRST NAME], ..."): a message's
    merge field. The paragraph counts, not the line: a quote that closed on this line after opening
    on the one before ("... arrive," said [NAME]) has ended."""
    before = masked[:start]
    if "„" in before:  # German: „ opens, “ (or a straight " typed for it) closes
        return before.count("„") > before.count("“") + before.count('"')
    if before.count('"') % 2 == 1:
        return True
    return before.count("“") > before.count("”") or before.count("«") > before.count("»")


def _span(offsets: list[tuple[int, TextSegment]], start: int, end: int) -> Span:
    first = position_at(offsets, start)
    last = position_at(offsets, max(end - 1, start))
    return Span(first, Position(last.line, last.column + 1))


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
