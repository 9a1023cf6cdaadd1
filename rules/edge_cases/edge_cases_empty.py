"""EC002 edge-cases-empty: an edge-case section that is empty or still holds template text."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import CodeBlock, Document, HtmlBlock, ListBlock, Paragraph, Section, Table
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.edge_cases import edge_case_sections, is_edge_case_title
from speclint.reading.requirements import item_text, plain
from speclint.reading.vocabulary import EDGE_CASE_WORDS

#: `[boundary condition]`, `[error scenario]`: a bracketed prompt. Links (`[text](url)`,
#: `[text][ref]`), task boxes (`[ ]`, `[x]`) and footnotes (`[^1]`) are not prompts.
_BRACKET_PROMPT = lazy_compile(r"(?<![\\!])\[(?![ xX]\]|\^)[^\[\]\n]{2,}\](?![(\[:])")
_ANGLE_PROMPT = lazy_compile(r"<(?:describe|add|list|insert|enter|your|what|e\.g\.)[^>\n]*>", re.I)


class EdgeCasesEmpty(Rule):
    """Flags an edge-case section that is empty or holds only template text.

    **What it flags.** A section named "Edge cases" (or "Corner cases", "Boundary conditions",
    "Limits"...) with no content, only HTML guidance comments, only a placeholder answer
    (`placeholders`, by default N/A, TBD, TODO, None, "-"), or only template prompts such as
    "What happens when [boundary condition]?" and `<describe the edge case>`. A section whose
    subsections hold content, or that holds a table or code block, is not empty.

    **Why it matters.** An edge-case heading signals to reviewers that edge cases were thought
    about. Left empty or as template text, it gives false comfort: the hard cases are still
    undecided, and now nobody looks for them.

    **Example**

    ```markdown
    ### Edge Cases

    - What happens when [boundary condition]?
    - How does system handle [error scenario]?
    ```

    **Use instead**

    ```markdown
    ### Edge Cases

    - An import file with 0 data rows shows "Nothing to import" and creates nothing.
    - A contact whose email already exists is merged, keeping the newer phone number.
    ```
    """

    id = "EC002"
    name = "edge-cases-empty"
    category = Category.EDGE_CASES
    default_level = Level.WARNING
    options = (
        Option("placeholders", "list[str]", ["N/A", "NA", "TBD", "TODO", "None", "-", "...", "TBC"],
               "Whole answers that do not count as content (case-insensitive)."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        placeholders = {value.strip().lower() for value in context.options["placeholders"]}
        for section in edge_case_sections(document):
            verdict = _emptiness(section, placeholders)
            if verdict is None or section.heading is None:
                continue
            yield Violation(section.heading.span, f"'{section.title}' {verdict}: list the real edge cases and what "
                                                  "happens in each")
        for block, label in _edge_case_labels(document):
            yield Violation(block.span, f"'{label}' holds no edge case: list the real edge cases and what happens "
                                        "in each")


def _emptiness(section: Section, placeholders: set[str]) -> str | None:
    """None when the section has real content; else how it is empty."""
    texts: list[str] = []
    open_tables = 0
    for current in section.walk():
        for block in current.blocks:
            if isinstance(block, Table):
                if _answers_cases(block, placeholders):
                    return None
                open_tables += 1
                continue
            if isinstance(block, CodeBlock):
                return None
            if isinstance(block, HtmlBlock):
                if block.is_comment:
                    continue
                return None
            if isinstance(block, Paragraph):
                texts.append(block.text)
            elif isinstance(block, ListBlock):
                texts.extend(_list_texts(block))
    if open_tables and all(_is_placeholder(text, placeholders) for text in texts):
        return "names cases but not what happens in any of them"
    if not texts:
        return "is empty"
    if all(_is_placeholder(text, placeholders) for text in texts):
        return "holds only template text"
    if len(texts) == 1 and _names_no_case(texts[0]):
        return "holds one line that names no case"
    if len(texts) == 1 and _defers(texts[0]):
        return "only defers them"
    if _names_cases_without_outcomes(section):
        return "names cases but not what happens in any of them"
    return None


#: The one line of an edge-case section that puts them off: "To be defined in a later revision",
#: "Still to be worked out", "Por definir con el equipo de pagos", "QA will come up with the edge
#: cases during test planning", "We have not looked at corner cases yet".
_DEFERRAL = lazy_compile(
    r"^\W*(?:still\s+)?to\s+be\s+(?:defined|determined|decided|confirmed|documented|added|identified|clarified|"
    r"discussed|worked\s+out|agreed|specified|written|completed)\b"
    r"|^\W*(?:TBD|TBC|TODO)\b"
    r"|^\W*(?:por\s+(?:definir|determinar|decidir|concretar)|[àa]\s+(?:d[ée]finir|compl[ée]ter|pr[ée]ciser|"
    r"d[ée]terminer)|noch\s+(?:zu\s+\w+|offen|nicht\s+definiert))\b"
    r"|\bto\s+be\s+(?:added|defined|discussed|worked\s+out|written|documented)\s+(?:later|afterwards|separately)\b"
    r"|\b(?:have\s+not|haven't|did\s+not|didn't)\s+(?:yet\s+)?(?:looked\s+at|considered|thought\s+about|"
    r"defined|listed)\b"
    r"|\bwill\s+(?:come\s+up\s+with|identify|find|define|write)\s+(?:the\s+|any\s+)?(?:edge|corner|boundary|"
    r"negative)\s+(?:cases|scenarios|conditions)\b",
    re.I,
)


def _defers(text: str) -> bool:
    return bool(_DEFERRAL.search(plain(text).strip()))


_CASE_TITLE = lazy_compile(
    r"\b(?:edge|corner|boundary|special|unusual)\s+(?:cases?|conditions?)\b|randf[äa]lle|grenzf[äa]lle|"
    r"cas\s+limites?|casos\s+(?:l[íi]mite|extremos)", re.I)


def _names_cases_without_outcomes(section: Section) -> bool:
    """An edge-case section made of one list of two or more short entries, none of which says what
    happens: "- Slot fills up during checkout", "- **Wheelchair spaces**", "- When two members tick
    the same item." A "Limits" section lists facts, not cases, and is not read this way."""
    if not _CASE_TITLE.search(section.title) or section.children:
        return False
    lists = [block for block in section.blocks if isinstance(block, ListBlock)]
    others = [block for block in section.blocks if not isinstance(block, ListBlock)]
    if len(lists) != 1 or any(not (isinstance(block, Paragraph) and plain(block.text).rstrip().endswith(":"))
                              and not (isinstance(block, HtmlBlock) and block.is_comment) for block in others):
        return False
    entries = [item_text(item) for item in lists[0].items]
    if len(entries) < 2 or any(item.sublists for item in lists[0].items):
        return False
    return all(_entry_without_outcome(plain(entry).strip()) for entry in entries)


#: What says an entry's outcome: a separator with words after it ("Empty cart: the button is disabled",
#: "Offline — changes are queued", "網路斷線：暫停"), a clause after a comma or "then", a second sentence.
_OUTCOME_SEPARATOR = lazy_compile(r"(?::|\s[—–-]\s|→|->|=>|⇒|[,;：，；、]|(?<!and)(?<!\s)\s+then\b|[.!]\s+\S|[。！]\s*\S)",
                                  re.I)
#: A vague outcome is none: "Sync conflicts should be handled gracefully".
_VAGUE_OUTCOME = lazy_compile(
    r"\b(?:handled|managed|dealt\s+with|addressed|taken\s+care\s+of|covered)\s+(?:gracefully|appropriately|"
    r"properly|correctly|as\s+needed|accordingly|somehow|later)\b", re.I)
#: A subordinate clause names the situation, not the outcome: the main clause is what comes before it.
_SUBORDINATE = lazy_compile(r"\s(?:while|whilst|when|after|before|during|if|because|since|until|once|with|"
                            r"who|that|which|wenn|während|nachdem|cuando|mientras|quand|lorsque|pendant)\s", re.I)
_CONDITION_OPENING = lazy_compile(r"^(?:when|whenever|if|in\s+case|wenn|falls|cuando|si|quand|lorsque)\b", re.I)
#: Verbs that state what happens or what holds (auxiliaries, modals, the usual outcome verbs), in
#: English, German, Spanish and French.
_OUTCOME_VERB = lazy_compile(
    r"\b(?:is|are|was|were|be|been|will|would|should|must|shall|can|cannot|can't|may|might|gets?|stays?|"
    r"remains?|keeps?|returns?|shows?|displays?|rejects?|refuses?|blocks?|fails?|wins?|sees?|receives?|"
    r"falls?\s+back|retries|sends?|creates?|skips?|ignores?|prevents?|allows?|disables?|cancels\s+the|"
    r"ist|sind|wird|werden|soll|sollen|muss|müssen|kann|können|darf|bleibt|erhält|zeigt|"
    r"es|son|será|serán|debe|deben|puede|recibe|muestra|est|sont|sera|seront|doit|peut|reçoit|affiche)\b"
    r"|\b\w+ed\b(?!\s+(?:by|to|after|during|while|before|from|on|in|at|mid|halfway|between)\b)",
    re.I,
)


#: An entry's own ID, which names it and says nothing: "**EC-1** (M-1):", "EC-2:".
_ENTRY_ID = lazy_compile(r"^[*_]{0,2}[A-Z]{1,6}-?\d+[*_]{0,2}(?:\s*\([^)\n]{1,20}\))?\s*[:.—–-]?[*_]{0,2}\s*")


def _entry_without_outcome(entry: str) -> bool:
    text = _ENTRY_ID.sub("", entry.strip()).strip().strip("*_").strip()
    if not text or text.endswith("?") or len(text.split()) > 14:
        return False  # a question is EC003's; a long entry says more than a case
    if _VAGUE_OUTCOME.search(text):
        return True
    if _OUTCOME_SEPARATOR.search(text.rstrip(".")):
        return False
    if _CONDITION_OPENING.match(text):
        return True  # "When two members tick the same item." and nothing after it
    main = _SUBORDINATE.split(" " + text, maxsplit=1)[0]
    return not _OUTCOME_VERB.search(main)


#: A line that stands in for edge cases without naming one: "Edge cases will be handled appropriately",
#: "Handle all edge cases gracefully", "To be defined", "None identified yet", "À définir", "Por definir".
_NO_CASE = lazy_compile(
    r"^\W*(?:to\s+be\s+(?:defined|determined|decided|confirmed|documented|added|identified|clarified)|"
    r"(?:none|no\s+(?:edge|corner)\s+cases)\s+(?:(?:are|were)\s+)?(?:identified|known|found|listed|foreseen|expected)"
    r"(?:\s+(?:yet|so\s+far|at\s+this\s+(?:time|stage|point)|for\s+now|(?:for|in)\s+(?:this|the\s+(?:first|initial|"
    r"current))\s+(?:release|version|phase|iteration|milestone|mvp|increment|pilot)|(?:for|in)\s+v\d[\w.]*))?"
    r"|(?:ning[uú]n[oa]?|ningunos)\s+(?:identificad[oa]s?|conocid[oa]s?|previst[oa]s?)(?:\s+(?:por\s+ahora|"
    r"todav[íi]a|a[úu]n|para\s+esta\s+(?:versi[óo]n|entrega|fase)))?"
    r"|keine\s+(?:bekannt|identifiziert|vorgesehen)(?:\s+(?:bisher|f[üu]r\s+(?:dieses|das)\s+(?:release|erste\s+release)))?"
    r"|aucun(?:e)?\s+(?:identifi[ée]e?s?|connu(?:e)?s?|pr[ée]vu(?:e)?s?)(?:\s+(?:pour\s+l'instant|pour\s+cette\s+"
    r"(?:version|livraison|phase)))?"
    r"|not\s+yet\s+(?:defined|known|identified)|pending|[àa]\s+(?:d[ée]finir|compl[ée]ter|pr[ée]ciser)|por\s+(?:definir|determinar)|pendiente|"
    r"(?:noch\s+)?offen|wird\s+(?:noch\s+|sp[äa]ter\s+)?(?:definiert|erg[äa]nzt|gekl[äa]rt))\W*$"
    r"|\b(?:edge\s+cases|corner\s+cases|they|these|all\s+cases|errors)\s+(?:will|should|are\s+to)\s+be\s+"
    r"(?:handled|addressed|covered|considered|identified|defined|documented)\b(?:\s+(?:appropriately|gracefully|properly|"
    r"correctly|later|as\s+needed|during\s+(?:implementation|development|testing)|in\s+a\s+later\s+\w+))*\W*$"
    r"|^\W*handle\s+(?:all\s+|any\s+)?(?:the\s+)?(?:edge\s+cases|corner\s+cases|errors|exceptions)\s+(?:gracefully|"
    r"appropriately|properly|correctly|well)\W*$",
    re.I,
)


def _names_no_case(text: str) -> bool:
    return bool(_NO_CASE.search(plain(text).strip()))


#: "**Edge cases:** TBD", "- Edge cases: to be defined": an edge-case label whose answer is no case.
_EDGE_CASE_LABEL = lazy_compile(r"^\W{0,4}(?P<label>[^:\n]{3,40}):(?P<rest>.*)", re.S)


def _edge_case_labels(document: Document) -> Iterator[tuple[Paragraph, str]]:
    placeholders = {"n/a", "na", "tbd", "todo", "none", "-", "...", "tbc", "?"}
    # The document's blocks as listed once for every rule (`iter_blocks`), in the sections with a heading:
    # not each section's nested blocks walked again.
    for section, block in document.iter_blocks():
        if section.heading is None or not isinstance(block, Paragraph):
            continue
        if ":" not in block.text or not EDGE_CASE_WORDS.search(block.text[:80]):
            continue  # most paragraphs: no label, or not an edge-case one
        match = _EDGE_CASE_LABEL.match(plain(block.text).strip())
        label = match.group("label").strip(" *_") if match else ""
        if not label or not is_edge_case_title(label):
            continue
        rest = match.group("rest").strip(" *_\n") if match else ""
        if rest and (_is_placeholder(rest, placeholders) or _names_no_case(rest)):
            yield block, label


def _answers_cases(table: Table, placeholders: set[str]) -> bool:
    """A table of cases says what happens when some row fills a cell besides its first: "| Booking spans
    midnight | ? |" lists a case and leaves its behaviour open."""
    if len(table.columns) < 2:
        return True
    return any(not _is_placeholder(cell.text, placeholders | {"?"}) for row in table.rows for cell in row[1:])


def _list_texts(block: ListBlock) -> list[str]:
    texts: list[str] = []
    for item in block.items:
        texts.append(item_text(item))
        for sub in item.sublists:
            texts.extend(_list_texts(sub))
    return texts


def _is_placeholder(text: str, placeholders: set[str]) -> bool:
    stripped = plain(text).strip().strip(".").strip()
    if not stripped or stripped.lower() in placeholders:
        return True
    visible = mask_invisible(text)  # `[a-z]+` in a code span is a pattern, not a prompt
    if not (_BRACKET_PROMPT.search(visible) or _ANGLE_PROMPT.search(text)):
        return False
    # "[Describe edge cases]" is a prompt; "CHK012 Are multi-ecosystem projects covered? [Gap]"
    # is a real item that carries a tag.
    rest = _ANGLE_PROMPT.sub(" ", _BRACKET_PROMPT.sub(" ", visible))
    return len(plain(rest).split()) < 6

