"""WD006 vague-requirement: a requirement whose only demand is a vague quality ("must be fast", "handle errors gracefully")."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, ListBlock, Paragraph, Span
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.commitments import commitments
from speclint.reading.concerns import profile_name
from speclint.reading.normative import Statement, is_descriptive, is_user_story, search, statements
from speclint.reading.wording import (
    DESIGN_PROPOSAL_PROFILES,
    SKIP_PROFILES_HELP,
    in_rationale,
    is_pitch,
    requirement_shape,
    without_outline_number,
)

_ADJECTIVES = (r"fast|quick|snappy|speedy|intuitive|user[- ]friendly|easy\s+to\s+(?:use|understand|learn|navigate|maintain|extend)|"
               r"seamless|smooth|performant|robust|responsive|scalable|highly\s+available|efficient|"
               r"lightning[- ]fast|blazing[- ]fast|instant(?:aneous)?|modern|polished|delightful|best[- ]in[- ]class|"
               r"world[- ]class|state[- ]of[- ]the[- ]art|reliable|flexible|accurate|simple\s+to\s+(?:use|integrate|set\s+up|configure)|"
               r"easy\s+to\s+(?:integrate|set\s+up|configure|read|find)|easy(?=\s*(?:[.;]|$))")
_ADVERBS = r"quickly|fast|instantly|smoothly|seamlessly|gracefully|efficiently|intuitively|rapidly|promptly"
# What the requirement asks for, and only that: a vague quality as the predicate.
_VAGUE_DEMAND = lazy_compile(
    # "must be fast", "shall remain responsive", "should feel snappy", "is intuitive" (in a requirement)
    r"\b(?:(?:must|shall|should|will|needs?\s+to|has\s+to|have\s+to)\s+(?:not\s+only\s+)?(?:be|feel|remain|stay|look|seem)|"
    r"is|are|feels?|looks?|remains?|stays?)\s+"
    r"(?:very\s+|highly\s+|extremely\s+|really\s+|sufficiently\s+|reasonably\s+)?(?:[a-z-]+,?\s+(?:and|or)\s+)?"
    r"(?P<adjective>" + _ADJECTIVES + r")(?![\w-])"
    # "loads quickly", "must respond fast", "handles errors gracefully", "gracefully handle disconnections"
    r"|\b(?:loads?|loading|responds?|runs?|renders?|appears?|arrives?|finish(?:es)?|syncs?|synchroni[sz]es?|updates?|refresh(?:es)?|starts?|opens?|"
    r"completes?|recovers?|degrades?|fails?|scales?|process(?:es)?|perform(?:s)?|handle[sd]?|handling)"
    r"\s+(?:(?!(?:and|or|but|with|for|to)\b)[\w'/-]+\s+){0,4}?(?P<adverb>" + _ADVERBS + r")(?![\w-])"
    r"|\b(?P<preverb>gracefully|seamlessly|quickly|efficiently)\s+(?:handles?|handling|degrades?|recovers?|fails?\s+over|"
    r"falls?\s+back|loads?|responds?)\b"
    # "a user-friendly error message", "in a timely manner", "as soon as possible"
    r"|\b(?P<phrase>user[- ]friendly\s+(?:error\s+)?messages?|in\s+a\s+timely\s+(?:manner|fashion)|as\s+soon\s+as\s+possible|"
    r"as\s+fast\s+as\s+possible|as\s+quickly\s+as\s+possible|without\s+(?:noticeable|significant|perceptible)\s+(?:delay|lag))\b",
    re.I,
)
_MODAL = lazy_compile(r"\b(?:must|shall|should|will|needs?\s+to|has\s+to|have\s+to)\b", re.I)
_DIGIT = lazy_compile(r"\d")
# Said of something that is not a quality of the system: "responsive on mobile and desktop" is layout, "works
# seamlessly with Slack" names an integration, a negation states what must not happen.
_LAYOUT = lazy_compile(r"\b(?:mobile|screen|desktop|device|breakpoint|viewport|layout|tablet|browser)s?\b", re.I)
_INTEGRATION_AFTER = lazy_compile(r"\s+(?:with|into|alongside|across)\b", re.I)
_NEGATED = lazy_compile(r"\b(?:not|never|no|n't)\s+(?:\w+\s+){0,2}$", re.I)
# The term names how a behaviour is spelled out in the same breath: "gracefully (retry, then read-only mode)",
# "degrades gracefully to read-only mode", "fails fast with exit code 2".
_SPELLED_OUT = lazy_compile(
    r"^\s*(?:[:(—–]|by\b|to\b|into\b|with\b|using\b|via\b|without\b|instead\s+of\b|following\b|"
    r"per\s+(?:the|its|their|rfc|spec)\b|from\s+(?:the\s+)?(?:last|latest|most\s+recent|previous)\b|"
    r"according\s+to\b|as\s+(?:defined|described|specified)\b|"
    r"(?:,\s*)?(?:e\.g\.|i\.e\.|for\s+example|such\s+as|meaning\b|that\s+is\b)|(?:,\s*)?and\s+(?:provides?|returns?|shows?|displays?|logs?|"
    r"retries|falls?\s+back|do(?:es)?\s+not)\b|(?:[\w-]+\s+){0,3}\((?!e\.g|i\.e|see))",
    re.I,
)
# "must be user-friendly and show every status": after a quality demanded with "be", "and shows ..." is a
# second demand, not what the quality means (after an adverb, "handles errors gracefully and shows a
# message" says how).
_AND_ANOTHER_DEMAND = lazy_compile(r"^\s*(?:,\s*)?and\b", re.I)
# "responds quickly to dispatch queries": what is responded to, not how quickly.
_RESPONDS_TO = lazy_compile(r"^(?:respond|react|repl)", re.I)
_TO = lazy_compile(r"^\s*to\b", re.I)
_QUESTION = lazy_compile(r"\?\s*(?:\*\*|__)?\s*$")
_EXCEPTIONS = lazy_compile(r"\bfail(?:s|ing)?\s+fast\b|\bfast[- ]forward|\bquick\s+start|\bresponsive\s+(?:design|layout|web|ui)\b",
                         re.I)
_PROPOSALS = (*DESIGN_PROPOSAL_PROFILES, "openshift-enhancement", "gep", "capi-proposal", "kiro-design", "not-a-spec")


class VagueRequirement(Rule):
    """Flags a requirement whose only demand is a vague quality: "must be fast", "handles errors gracefully".

    **What it flags.** The narrow, precise core of `vague-term`: a statement that requires
    something, where what it requires is a vague word (INCOSE R7, ISO/IEC/IEEE 29148 5.2.7):
    - "must / shall / should / will be" a vague quality: fast, intuitive, user-friendly, seamless,
      smooth, robust, scalable, performant, reliable, flexible, accurate, easy ("The dashboard
      must be fast", "must be clean and modern");
    - a behaviour done in a vague way: "loads quickly", "responds instantly", "handles network
      errors gracefully", "gracefully handle rate limiting";
    - "a user-friendly error message", "in a timely manner", "as soon as possible".

    Read in requirement statements (an item or table cell of a requirements section, a statement
    with a requirement ID, a SHALL/MUST) and in any sentence with must, shall, should or will
    outside background, problem statements, user stories, rationale, quotes and questions. In
    design proposals (RFCs, KEPs, design docs, ADRs), only statements with a requirement ID.

    Requirements without a requirements heading are read too: a list under a bold
    "**Requirements:**" (or "Acceptance criteria:", "Must haves:") label, text under a
    requirement's own heading ("### FR-2: Filters") or after a short label ("**R3.**"), and in a
    product document the items of its feature, MVP, in-scope, solution and quality sections
    (Performance, Security, Usability...), a PR/FAQ's answers and a Shape Up pitch. An SRS or
    Kiro outline number ("3.1.2", "1.3.") is not a value.

    Not flagged: a sentence that also gives a number ("fast: p95 under 300 ms"); the word spelled
    out in the same breath ("degrades gracefully to read-only mode", "gracefully (retries 3
    times)", "handles errors gracefully and shows a retry banner"; but after "must be", "and ..."
    is a second demand: "must be user-friendly and list every refund" is flagged, as is
    "responds quickly to balance queries", where "to" names what is responded to); layout ("responsive on mobile and desktop"); integrations ("works seamlessly with
    Slack"); negations; the purpose of a concrete requirement ("a Back to Top link for easy
    navigation" is not a demand for ease); an acceptance criterion that `uncheckable-criterion`
    already reports. The broader `vague-term` (preview) reads every listed word.

    **Why it matters.** "The search page must be fast" cannot fail a test, so it is never
    finished: the engineer picks a number, QA picks another, and the argument happens after the
    sprint instead of before it.

    **Example**

    ```markdown
    ## Requirements
    - The dashboard must be fast and intuitive.
    - The client handles network errors gracefully.
    ```

    **Use instead**

    ```markdown
    ## Requirements
    - The dashboard renders within 1.5 s at p95 on a 4G connection.
    - On a network error the client retries 3 times (1 s, 2 s, 4 s), then shows "You're offline".
    ```
    """

    id = "WD006"
    name = "vague-requirement"
    category = Category.WORDING
    default_level = Level.WARNING
    options = (Option("skip-profiles", "list[str]", list(_PROPOSALS), SKIP_PROFILES_HELP),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        proposal = profile_name(context) in set(context.options["skip-profiles"]) and not is_pitch(document)
        yield from vague_demands(document, context, proposal)


def vague_demands(document: Document, context: RuleContext, proposal: bool) -> Iterator[Violation]:
    """This rule's findings."""
    criteria_lines: set[int] | None = None
    for statement in statements(document):
        if proposal and not statement.requirement_id:
            continue
        if statement.kind == "paragraph" and not statement.requirement_id and _introduces_a_list(statement) \
                and not requirement_shape(statement, proposal):
            continue
        labelled = requirement_shape(statement, proposal)
        if (is_descriptive(statement.section) and not labelled) or is_user_story(statement.text):
            continue
        requirement = labelled or statement.is_requirement and (
            statement.in_requirements or statement.requirement_id is not None or statement.kind != "paragraph")
        for hit in search(_VAGUE_DEMAND, statement.segments):
            if not (requirement or _MODAL.search(hit.sentence)):
                continue  # "the page loads quickly today": a description, not a demand
            if not _is_demand(hit.match, hit.sentence, hit.source_sentence):
                continue
            if criteria_lines is None:
                criteria_lines = _lines_uncheckable_criterion_reports(document, context)
            if hit.span.start.line in criteria_lines:
                continue  # one defect, one finding: uncheckable-criterion (AC003) reports it
            name = next(name for name in ("adjective", "adverb", "preverb", "phrase") if hit.match.group(name))
            written = " ".join(hit.match.group(name).split())
            yield Violation(_at_word(hit.span, hit.match, name), f"vague requirement '{written}': state the value or the "
                                                                  "behaviour a tester can check (a time, a count, a message, a state)")
            break  # one finding per statement



def _introduces_a_list(statement: Statement) -> bool:
    """A paragraph right before a list, or before a "Requirements:" label and its list, introduces what
    the list spells out ("The CLI must feel modern and ergonomic. / Requirements: / - ...")."""
    blocks = statement.section.blocks
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph) and block.segments == statement.segments:
            following = blocks[index + 1: index + 3]
            if following and isinstance(following[0], ListBlock):
                return True
            return (len(following) == 2 and isinstance(following[0], Paragraph)
                    and following[0].text.rstrip(" *_").endswith(":") and isinstance(following[1], ListBlock))
    return False


def _at_word(span: Span, match: re.Match[str], group: str) -> Span:
    """The vague word itself, when it is on the match's first line ("must be **fast**")."""
    lead = match.string[match.start(): match.start(group)]
    if "\n" in lead:
        return span
    start = span.start.column + len(lead)
    length = match.end(group) - match.start(group)
    return Span.of(span.start.line, start, span.start.line, start + length)


def _is_demand(match: re.Match[str], sentence: str, source_sentence: str) -> bool:
    text = match.string
    if _DIGIT.search(without_outline_number(source_sentence)) or _QUESTION.search(sentence) or in_rationale(match):
        return False
    if _NEGATED.search(text, max(0, match.start() - 30), match.start()):
        return False
    window = text[max(0, match.start() - 20): match.end() + 20]
    if _EXCEPTIONS.search(window):
        return False
    word = (match.group("adjective") or match.group("adverb") or match.group("preverb") or "").lower()
    after = text[match.end(): match.end() + 40]
    if word == "responsive" and _LAYOUT.search(sentence):
        return False  # "responsive on mobile and desktop": a checkable layout quality
    if word in ("seamless", "seamlessly", "smooth", "smoothly") and _INTEGRATION_AFTER.match(after):
        return False  # "works seamlessly with Slack": an integration
    if _SPELLED_OUT.match(after) and not (match.group("adjective") and _AND_ANOTHER_DEMAND.match(after)) \
            and not (_RESPONDS_TO.match(match.group(0)) and _TO.match(after)):
        return False  # "gracefully (retry 3 times)", "degrades gracefully to read-only mode"
    return True


def _lines_uncheckable_criterion_reports(document: Document, context: RuleContext) -> set[int]:
    """Lines where uncheckable-criterion (AC003) reports a vague outcome (so this rule does not report it again)."""
    from speclint.rules.acceptance_criteria.uncheckable_criterion import UncheckableCriterion

    rule = UncheckableCriterion()
    picture = commitments(document, context)
    lines: set[int] = set()
    for criterion in [c for r in picture.requirements for c in r.criteria if c.explicit] + picture.criteria:
        for violation in rule._check_criterion(criterion, []):
            lines.add(violation.span.start.line)
    return lines



