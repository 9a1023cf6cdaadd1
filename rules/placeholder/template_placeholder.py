"""PH002 template-placeholder: template slots left unfilled: [Feature Name], <describe ...>, (fill me in)."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Position, Span, TextSegment
from speclint.document.text import iter_prose, join_segments, mask_invisible_keeping_tags, position_at
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile


class TemplatePlaceholder(Rule):
    """Flags template placeholders left in the text: `[Feature Name]`, `<describe the problem>`, `(fill me in)`.

    **What it flags.** The slots templates ask the author to fill, still unfilled:

    - bracketed placeholders: `[FEATURE NAME]`, `[DATE]`, `[###-feature-name]` (also in a code
      span), `[Brief Title]`, `[Describe this user journey]`, `[initial state]`, `[action]`,
      `[Entity 1]`, `[A short summary of the proposal.]`;
    - angle-bracket prompts: `<describe the problem>`, `<your name>`, `<PROJECT_NAME>`;
    - curly-brace prompts (MADR): `{title of option 1}`, `{Describe the context ...}`;
    - "(fill me in ...)" and "Lorem ipsum" filler.

    Link text (`[like this](url)`, `[like this][ref]`, `[like this]` when a reference definition
    exists), task boxes (`[ ]`, `[x]`), footnotes (`[^1]`), citations (`[12]`), GitHub alerts
    (`[!NOTE]`) and anything in code spans or code blocks are not placeholders.

    **Why it matters.** A placeholder in a spec under review means a question nobody answered; in
    a merged spec it means the team built from a template.

    **Example**

    ```markdown
    **Created**: [DATE]
    ### User Story 1 - [Brief Title] (Priority: P1)
    Owner: <your name>
    ```

    **Use instead**

    ```markdown
    **Created**: 2025-03-04
    ### User Story 1 - Save a card at checkout (Priority: P1)
    Owner: Dana Whitfield
    ```
    """

    id = "PH002"
    name = "template-placeholder"
    category = Category.PLACEHOLDER
    default_level = Level.WARNING
    group = Group.PREVIEW  # measured precision below 90% (rules/precision.json)
    options = (
        Option("brackets", "bool", True, "Flag bracketed placeholders like `[Feature Name]`."),
        Option("angle-brackets", "bool", True, "Flag angle-bracket prompts like `<describe the problem>`."),
        Option("curly-braces", "bool", False,
               "Flag curly-brace prompts like `{title of option 1}` (MADR's placeholders; the adr profile turns this on)."),
        Option("ignore", "list[str]", [], "Bracketed words that are not placeholders in your documents, like 'sic'."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        options = context.options
        definitions = _reference_definitions(document.lines)
        ignored = {word.lower() for word in options["ignore"]} | _NOT_PLACEHOLDERS
        for prose in iter_prose(document):
            if not any(_may_hold_placeholder(segment.text) for segment in prose.segments):
                continue  # the common case, decided without joining or masking
            text, offsets = join_segments(prose.segments)
            masked = mask_invisible_keeping_tags(text)
            if options["brackets"] and "`[" in text:
                for match in _CODE_SLOT.finditer(text):
                    span = _span(offsets, match.start(1), match.end(1))
                    yield Violation(span, f"unfilled template placeholder '{match.group(1)}': replace it with the real content")
            for match in _CANDIDATE.finditer(masked):
                kind = match.lastgroup
                if kind == "bracket":
                    if not options["brackets"]:
                        continue
                    inner = match.group("bracket_inner")
                    if not _bracket_is_placeholder(inner, text, match, definitions, ignored):
                        continue
                    if _bracket_is_not_a_slot(inner, masked, match, prose.kind == "heading"):
                        continue
                elif kind == "angle":
                    if not options["angle-brackets"] or not _angle_is_placeholder(match.group("angle_inner"), masked, match):
                        continue
                elif kind == "curly":
                    if not options["curly-braces"] or not _curly_is_placeholder(match.group("curly_inner"), masked, match):
                        continue
                span = _span(offsets, match.start(), match.end())
                found = " ".join(text[match.start() : match.end()].split())
                yield Violation(span, f"unfilled template placeholder '{_shorten(found)}': replace it with the real content")


_CANDIDATE = lazy_compile(
    r"(?P<bracket>(?<![\]!\\])\[(?P<bracket_inner>[^\[\]\n]{1,160})\])"
    r"|(?P<angle>(?<![\w<\\])<(?P<angle_inner>[A-Za-z][^<>\n]{0,120})>)"
    r"|(?P<curly>(?<![\w{$\\])\{(?P<curly_inner>[A-Za-z][^{}\n]{2,200})\}(?!\}))"
    r"|(?P<fill>\((?:fill (?:me )?in|to be filled in|fill this in)\b[^)\n]{0,120}\))"
    r"|(?P<lorem>\b[Ll]orem ipsum\b)",
    re.I,
)
# A numbering slot inside a code span: `[###-feature-name]`, `[NNNN-title]` (spec-kit's branch line).
_CODE_SLOT = lazy_compile(r"`(\[(?=[^\]`]*(?:#{2,}|\bN{3,}\b))[^\]`\n]{1,80}\])`")
# Words people write in brackets in finished prose.
_NOT_PLACEHOLDERS = frozenset({
    "sic", "emphasis added", "emphasis mine", "citation needed", "ibid", "sic!", "...", "…", "x", " ",
    "optional", "deprecated", "experimental", "beta", "alpha", "wip", "draft", "breaking", "new", "done",
})
_INSTRUCTION = lazy_compile(
    r"^(?:describe|explain|list|add|insert|enter|provide|replace|link|fill|write|summari[sz]e|specify|"
    r"include|remove|define|state|outline|give|put|mention|document|name of|your|e\.g\.|for example|"
    r"brief|short|one[- ]line|one[- ]sentence|todo|placeholder|optional:|required:|"
    r"(?:what|how|who|which|why|when)(?=\s+\S+\s+\S+))\b",
    re.I,
)
_PLACEHOLDER_TOKEN = lazy_compile(r"#{2,}|\bN{3,}\b|\bY{4}\b|\bX{3,}\b|(?<=\S), e\.g\.")  # e.g. after a slot name
_NUMBERED_SLOT = lazy_compile(
    r"^(?:Entity|Option|Item|Step|Story|User Story|Requirement|Field|Metric|Goal|User|Persona|Feature|Component|"
    r"Service|Task|Phase|Milestone|Risk|Question|Assumption|Dependency|Scenario|Decision driver)\s+\d{1,2}$",
    re.I,
)
_ALL_CAPS = lazy_compile(r"^[A-Z][A-Z0-9 _\-/&]*[A-Z0-9]$")
_LOWER_PHRASE = lazy_compile(r"^[a-z][a-z'’\-]*(?: [a-z0-9'’\-/,]+){1,12}$")
_SENTENCE = lazy_compile(r"^(?:A|An|The|This|Any|One|Some)\s+\w+(?:\s+\S+){1,}[.?]$")
_PLACEHOLDER_NOUNS = frozenset({
    "title", "date", "name", "author", "author name", "owner", "feature", "feature name", "brief title",
    "link", "url", "description", "your name", "team", "team name", "project", "project name", "version",
    "component", "summary", "status", "email", "company", "product", "product name", "issue", "issue link",
    "ticket", "jira", "reviewer", "reviewers", "approver", "approvers", "number", "id", "date created",
    "feature title", "short title", "epic", "pr", "pr link", "doc link", "spec name", "service name",
})
_HTML_ELEMENTS = frozenset(
    "a abbr address article aside audio b bdi bdo blockquote br button caption center cite code col "
    "colgroup dd del details dfn div dl dt em embed figcaption figure font footer form h1 h2 h3 h4 h5 h6 "
    "header hr i iframe img input ins kbd label legend li main mark meta nav object ol p picture pre q "
    "s samp section select small source span strike strong sub summary sup table tbody td template "
    "textarea tfoot th thead time tr track tt u ul var video wbr svg path g rect circle text line "
    "polyline polygon br/ hr/ img/ math mi mo mn mrow msup msub mfrac".split()
)
_DEFINITION = lazy_compile(r"^(?:\s*>)*\s*\[([^\]]+)\]:\s*\S")  # also inside quotes and lists


def _may_hold_placeholder(text: str) -> bool:
    return "[" in text or "<" in text or "{" in text or "(fill" in text.lower() or "orem ipsum" in text \
        or "(to be filled" in text.lower()


def _reference_definitions(lines: list[str]) -> set[str]:
    labels = set()
    for line in lines:
        if "]:" in line:
            match = _DEFINITION.match(line)
            if match:
                labels.add(" ".join(match.group(1).split()).lower())
    return labels


# A status tag in a heading: `## Phase 1 [COMPLETED]`, `### [SELECTED] Option 1`.
_STATUS_TAG = lazy_compile(r"^[A-Z][A-Z\-]{2,}$")
# An EARS-style pattern summary: "WHEN a weirdo has [attribute] level [value]": upper-case keyword,
# then concrete words before the first bracket (a template's "WHEN [trigger]" has none).
_PATTERN_SUMMARY = lazy_compile(r"^\W*(?:WHEN|IF|WHILE|WHERE|THEN)\s+(?:[a-z][\w'’\-]*\s+){2,}")


def _bracket_is_not_a_slot(inner: str, masked: str, match: re.Match[str], in_heading: bool) -> bool:
    """Bracketed text that reads as a slot but is not one a template left: a status tag in a heading,
    a runtime variable in a quoted UI or notification string, a pattern summary's variables."""
    stripped = inner.strip()
    if in_heading and _STATUS_TAG.match(stripped) and stripped.lower() not in _PLACEHOLDER_NOUNS:
        return True
    line_before = masked[: match.start()].rsplit("\n", 1)[-1]
    if line_before.count('"') % 2 == 1 or line_before.count("“") > line_before.count("”"):
        return True  # "New task created: [Issue Title]": filled in when the message is sent
    return bool(_PATTERN_SUMMARY.match(line_before))


def _bracket_is_placeholder(
    inner: str, text: str, match: re.Match[str], definitions: set[str], ignored: set[str]
) -> bool:
    after = text[match.end() : match.end() + 1]
    if after in ("(", "[", ":"):
        return False  # a link: [text](url), [text][ref], or a reference definition
    stripped = inner.strip()
    key = " ".join(stripped.split()).lower()
    if not stripped or key in ignored or key in definitions or key.startswith("needs clarification"):
        return False  # [NEEDS CLARIFICATION ...] is unresolved-marker's (PH001)
    if stripped[0] in "^!" or stripped.isdigit() or re.fullmatch(r"[xX ]", inner):
        return False  # footnote, GitHub alert, citation, task box
    if re.fullmatch(r"[\d,\s\-–]+", stripped) or re.fullmatch(r"[A-Za-z]?\d+[a-z]?", stripped):
        return False  # citations like [1, 2] or [3-5], [RFC1]
    if not re.search(r"[A-Za-z#]", stripped):
        return False
    if _PLACEHOLDER_TOKEN.search(stripped) or _INSTRUCTION.match(stripped):
        return True
    if key in _PLACEHOLDER_NOUNS or key.rstrip("s") in _PLACEHOLDER_NOUNS:
        return True
    if _ALL_CAPS.match(stripped) and sum(c.isalpha() for c in stripped) >= 5:
        return not _looks_like_acronym_reference(stripped)  # [FEATURE NAME], [PROJECT_ID]; not [IRLO]
    if _SENTENCE.match(stripped) or _NUMBERED_SLOT.match(stripped):
        return True
    if " " not in stripped and key in _SLOT_NOUNS:
        return True  # [action], [state]
    words = stripped.split()
    if len(words) >= 2 and all(word[:1].isupper() for word in words if word.isalpha()) and len(words) <= 4 \
            and all(word.isalpha() for word in words) and _title_placeholder(words):
        return True
    # A lower-case phrase is a slot when it names what to write: [initial state], [expected outcome].
    return bool(_LOWER_PHRASE.match(stripped)) and words[-1].lower().rstrip(".,") in _SLOT_NOUNS


_SLOT_NOUNS = frozenset({
    "state", "action", "outcome", "condition", "scenario", "name", "date", "title", "description", "link",
    "value", "metric", "number", "owner", "here", "details", "reason", "feature", "requirement", "behavior",
    "behaviour", "capability", "criteria", "criterion", "result", "step", "goal", "user", "role", "benefit",
})


def _looks_like_acronym_reference(text: str) -> bool:
    """[RFC 2119], [ISO 8601], [W3C]: standards and short names cited in brackets."""
    return bool(re.fullmatch(r"[A-Z]{2,6}[ -]?\d+(?:[.\-]\d+)*", text)) or len(text) <= 3


def _title_placeholder(words: list[str]) -> bool:
    """'Brief Title', 'Author Name', 'Feature Name': a title-case phrase ending in a placeholder noun."""
    return words[-1].lower() in {"title", "name", "date", "description", "link", "here", "owner", "url"}


def _angle_is_placeholder(inner: str, masked: str, match: re.Match[str]) -> bool:
    line_before = masked[: match.start()].rsplit("\n", 1)[-1]
    if line_before.count('"') % 2 == 1 or line_before.count("“") > line_before.count("”"):
        return False  # inside a quoted message format: "Error: <parse error details>"
    first = re.split(r"[\s/>]", inner, maxsplit=1)[0].lower()
    if first in _HTML_ELEMENTS or "=" in inner or inner.endswith("/"):
        return False
    stripped = inner.strip()
    if re.fullmatch(r"[A-Z][A-Z0-9]*(?:[_\-][A-Z0-9]+)+", stripped):
        return True  # <PROJECT_NAME>, <YOUR-TEAM>
    words = stripped.split()
    if len(words) < 2:
        return False  # <T>, <br>, <Foo>: generics and tags
    if any(char in stripped for char in "();{}[]&|*+") or "::" in stripped:
        return False  # type expressions, code
    if re.fullmatch(r"[A-Z][\w\-]*(?:\s*,\s*[A-Z][\w\-]*)+", stripped):
        return False  # tuple notation: <Regarding, Action, Reason>
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z'’,.\-/ ]*[A-Za-z.?]", stripped))


def _curly_is_placeholder(inner: str, masked: str, match: re.Match[str]) -> bool:
    stripped = inner.strip()
    words = stripped.split()
    if len(words) < 2 or any(char in stripped for char in '=:;"<>\\$%^'):
        return False
    if re.search(r"\b(?:[a-z]\s*,\s*){2,}", stripped):
        return False  # a set: {a, b, c}
    return bool(re.fullmatch(r"[A-Za-z][\w'’,.\-/|…() ]*", stripped))


def _span(offsets: list[tuple[int, TextSegment]], start: int, end: int) -> Span:
    first = position_at(offsets, start)
    last = position_at(offsets, max(end - 1, start))
    return Span(first, Position(last.line, last.column + 1))


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
