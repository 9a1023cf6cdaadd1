"""TR007 undefined-named-section: "as described in the Rollout section" when the document has no such section."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Span
from speclint.document.text import find_all, iter_prose, strip_inline
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile

# "in the Rollout section", "see the Migration Plan section below", "under the "Security" section":
# a section named by one to four capitalised words, as headings are written ("the critical section", "the
# data section of the binary" name no heading). Not "the Next section" either (see _NOT_NAMES).
_NAME = r"(?P<nameN>[\"“*_]{0,2}[A-Z][\w\-/&]*(?: (?:and|&|of|for|/) )?(?: ?[A-Z][\w\-/&]*){0,3}[\"”*_]{0,2})"
# Only the grammar of a cross-reference: "see the X section", "described in the X section", "in the X
# section below". "Navigate to the Sent Messages section" is a screen's section, not the document's.
_NAMED_SECTION = lazy_compile(
    r"\b(?:(?:[Ss]ee|[Rr]efer\s+to|[Pp]er|[Cc]f\.)\s+(?:also\s+)?the\s+" + _NAME.replace("nameN", "name1") + r" section\b(?!s|-)"
    r"|(?:described|explained|discussed|covered|detailed|outlined|listed|defined|mentioned|shown|noted|specified|"
    r"documented|addressed|captured|given|stated|presented|tracked|summari[sz]ed|elaborated|expanded(?:\s+(?:up)?on)?)"
    r"(?:\s+(?:below|above|later|further|more|again|separately))?\s+(?:in|under)\s+the\s+" + _NAME.replace("nameN", "name2") + r" section\b(?!s|-)"
    r"|\b(?:in|under)\s+the\s+" + _NAME.replace("nameN", "name3") + r" section\s+(?:below|above|later))"
)
#: Words that place a section instead of naming it, or say which one generically.
_NOT_NAMES = frozenset({
    "next", "previous", "following", "above", "below", "same", "this", "that", "first", "last", "second", "third",
    "other", "relevant", "corresponding", "appropriate", "related", "respective", "dedicated", "new", "main",
    "whole", "entire", "final", "earlier", "later", "subsequent", "preceding", "prior", "specific", "particular",
    "separate", "each", "given", "foregoing", "current", "original", "existing", "linked", "referenced",
    "aforementioned", "said", "template", "optional", "required", "mandatory", "appendix", "introductory",
    "concluding", "closing", "opening", "top", "bottom", "old", "upcoming", "a", "an", "its", "their",
})
#: After "section": the section is another document's ("the Security section of the KEP template",
#: "the Rollout section in [the design doc](...)"), not this one's.
_OTHER_DOCUMENT_AFTER = lazy_compile(
    r"\s*(?:of|in|from|on)\s+(?!this\b|these\b|the\s+(?:document|doc|spec|proposal|rfc|kep|prd|record|adr)\b(?!\s*\S*[(\[]))"
    r"(?:the|a|an|our|their|its|that|[A-Z\[`\"“]|[\w\-]+['’]s\b)"
)
_SMALL_WORDS = frozenset({"and", "of", "for", "the", "a", "an", "&", "/", "to", "in", "on"})


class UndefinedNamedSection(Rule):
    """Flags a reference by name to a section the document does not have.

    **What it flags.** "as described in the Rollout section", "see the Migration Plan section
    below", "covered under the "Security" section" when no heading of the document has those
    words (case, plural `s`, numbering and emphasis aside; "the Rollout section" finds "## Rollout
    plan" and "## 7. Rollout"). Words that place a section instead of naming it ("the next
    section", "the following section", "the relevant section") are not names, and a section of
    another document ("the Security section of the KEP template", "the API section in [the
    guide](...)", "the template's Rollout section") is left alone. A document with fewer than two
    headings is not read: it is a fragment of something larger.

    **Why it matters.** A pointer to a section that is not there sends the reader looking for text
    nobody wrote: the section was planned and never written, renamed, or dropped in an edit, and
    the promise it carried ("the staged enablement is described in the Rollout section") is left
    unkept.

    **Example**

    ```markdown
    ## Design
    Links expire after 15 minutes; the staged enablement is described in the Rollout section.
    ## Security
    ```

    **Use instead**

    ```markdown
    ## Design
    Links expire after 15 minutes; the staged enablement is described in the Rollout section.
    ## Rollout
    Internal users first, then 10% of customers.
    ```
    """

    id = "TR007"
    name = "undefined-named-section"
    category = Category.TRACEABILITY
    default_level = Level.WARNING

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if " section" not in document.source:
            return
        headings = [_words(strip_inline(section.title)) for section in document.root.walk() if section.heading is not None]
        if len(headings) < 2:
            return
        for prose in iter_prose(document):
            if prose.kind == "heading":
                continue
            for match, span in find_all(_NAMED_SECTION, prose.segments):
                shown = (match.group("name1") or match.group("name2") or match.group("name3")).strip("\"“”*_")
                wanted = [word for word in _words(shown) if word not in _SMALL_WORDS]
                if not wanted or any(word in _NOT_NAMES or word == "section" for word in shown.lower().split()):
                    continue
                if _OTHER_DOCUMENT_AFTER.match(match.string, match.end()) or _possessive_before(match):
                    continue
                if any(_names(heading, wanted) for heading in headings):
                    continue
                yield Violation(_name_span(match, span), f"the '{shown}' section is referenced but the document has no such section: "
                                "add it, or point at the section that says this")


def _name_span(match: re.Match[str], span: Span) -> Span:
    """The span of the section's name, when the reference does not break a line before it."""
    name = next(group for group in ("name1", "name2", "name3") if match.group(group))
    if "\n" in match.string[match.start():match.end(name)]:
        return span
    start = span.start.column + match.start(name) - match.start()
    return Span.of(span.start.line, start, span.start.line, start + match.end(name) - match.start(name))


def _words(text: str) -> list[str]:
    """Lower-case words without a leading section number or a plural `s`: 'Rollout Plans' → rollout, plan."""
    text = re.sub(r"^\W*(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.)\s+", "", text)
    return [word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) else word
            for word in re.findall(r"[a-z0-9]+", text.lower())]


def _names(heading: list[str], wanted: list[str]) -> bool:
    """The heading has every word of the name, or the name has every word of the heading (a word may be
    written short: "the Rational section" finds "## Rationale")."""
    if all(any(_same_word(word, other) for other in heading) for word in wanted):
        return True
    core = [word for word in heading if word not in _SMALL_WORDS]
    return bool(core) and all(any(_same_word(word, other) for other in wanted) for word in core)


def _same_word(one: str, other: str) -> bool:
    """The same word, or one a prefix of the other ("Rational" for "Rationale", five letters at least)."""
    if one == other:
        return True
    shorter, longer = sorted((one, other), key=len)
    return len(shorter) >= 5 and longer.startswith(shorter)


def _possessive_before(match: re.Match[str]) -> bool:
    """"the KEP template's Rollout section": the name follows another document's possessive."""
    name = next(group for group in ("name1", "name2", "name3") if match.group(group))
    before = match.string[max(0, match.start() - 40):match.start(name)]
    tail = before.rstrip()
    if tail == before:  # the possessive is a word of its own: whitespace stands before the name
        return False
    # Searched on the stripped tail, without a trailing whitespace run, so the work stays linear.
    return bool(re.search(r"['’]s$|\]\([^()\]]*\)\s*['’]?s?$", tail))
