"""WD009 requirement-loophole: an escape clause or an open list inside a requirement ("retries as needed", "CSV, PDF, etc.")."""

from __future__ import annotations

import re
from typing import Iterator, Pattern

from speclint.document.model import Document
from speclint.document.text import join_segments
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Subsumes, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading import languages
from speclint.reading.concerns import profile_name
from speclint.reading.normative import Hit, Statement, is_user_story, search, statements
from speclint.reading.wording import (
    SKIP_PROFILES_HELP,
    commits,
    in_descriptive_section,
    in_rationale,
    is_pitch,
    requirement_shape,
    sentence_before,
)
from speclint.rules.wording.vague_requirement import _PROPOSALS

_CLAUSE = lazy_compile(
    r"(?<![\w-])(?P<clause>as\s+(?:needed|appropriate|necessary|required)|(?:where|when|if)\s+(?:appropriate|necessary)|"
    r"(?:where|when|if|wherever|whenever)\s+(?:possible|feasible|practical|practicable|needed)|as\s+(?:much|far)\s+as\s+(?:possible|practical)|"
    r"to\s+the\s+extent\s+(?:possible|practical|practicable|necessary)|"
    # left to someone's judgement: "only in appropriate cases", "at the operator's discretion", "case by case"
    r"in\s+(?:appropriate|suitable|justified|certain|some|special)\s+cases|"
    r"(?:at|in)\s+(?:the\s+)?(?:sole\s+|own\s+|absolute\s+)?(?:(?:[\w-]+\s+)?[\w-]+(?:'s|’s)\s+(?:sole\s+|own\s+|absolute\s+)?)?discretion"
    r"(?:\s+of\s+(?:the\s+)?[\w-]+)?|on\s+a\s+case[- ]by[- ]case\s+basis|"
    r"unless\s+otherwise\s+(?:agreed|approved|decided|requested|instructed|arranged|negotiated)|"
    r"unless\s+(?:agreed|approved|decided|arranged)\s+otherwise)(?![\w-])"
    r"|(?P<open>(?<=,\s)etc\b\.?|(?<=,)etc\b\.?|(?<=[\w)]\s)etc\b\.?|\band\s+so\s+(?:on|forth)\b|\bincluding,?\s+but\s+not\s+limited\s+to\b|"
    r"\b(?<=\w\s)(?:and|or)\s+(?:more|others)(?=\s*(?:[.;)]|$))|\b(?:among|amongst)\s+others\b)"
    r"|(?<![\w-])(?P<preference>ideally|preferably|if\s+time\s+permits|time\s+permitting)(?![\w-])"
    # German, Spanish and French escape clauses and open lists ("soweit möglich", "en la medida de lo posible",
    # "dans la mesure du possible", "entre otros"), from `speclint.reading.languages`
    r"|(?<![\w-])(?P<foreign_clause>" + "|".join(r"\s+".join(re.escape(part) for part in term.split())
                                                for term, _ in sorted(languages.ESCAPE_CLAUSES, key=lambda t: -len(t[0])))
    + r")(?![\w-])"
    r"|(?<![\w-])(?P<foreign_open>" + "|".join(r"\s+".join(re.escape(part) for part in term.split())
                                              for term, _ in languages.OPEN_ENDED_CLAUSES) + r")(?![\w-])",
    re.I,
)
_FOR_A_NAMED_RULE = (
    r"\s+for\s+(?:(?:the|our|their|its|an?|each|every)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:licen[cs]es?|regulat\w+|laws?|acts?|audits?|auditors?|certifications?|contracts?|agreements?)\b"
)
# "as required by GDPR article 17", "as needed by the billing job": the clause names who decides.
# "as required for our money transmitter licence", "as required for the SOC 2 audit": it names the rule it obeys.
_NAMED_AUTHORITY = lazy_compile(r"\s+(?:by|under|in|per)\b|" + _FOR_A_NAMED_RULE, re.I)
# The condition is stated in the same sentence: "copies the link when possible, otherwise shows ...",
# "(retry 3 times)", "as needed: on a 5xx or a timeout".
_CONDITION_STATED = lazy_compile(
    r"\b(?:otherwise|else|falls?\s+back|fallback|unless)\b|\bif\s+(?:[\w-]+\s+){0,4}?(?:fails?|is\s+(?:unavailable|denied))\b|"
    r"\b(?:sonst|andernfalls|ansonsten|de\s+lo\s+contrario|en\s+caso\s+contrario|sinon|autrement)\b",
    re.I,
)
# Right after the clause, what it means: "(retry 3 times)", "as needed: on a 5xx", "e.g. ...". Read only after the
# clause: a sentence whose requirement ID was blanked out starts with the ID's colon ("     : The export ...").
_SPELLED_OUT_AFTER = lazy_compile(r"^\s*(?:[(:—–]|e\.g\.|i\.e\.|such\s+as)", re.I)
_MODAL = lazy_compile(r"\b(?:must|shall|should|will|needs?\s+to|has\s+to|have\s+to|"
                      + "|".join(r"\s+".join(verb.split()) for verb in languages.MODAL_VERBS) + r")(?![\w-])", re.I)
_ANY_CASE_VERB = lazy_compile(r"\b(?:must|shall)\b", re.I)
_QUESTION = lazy_compile(r"\?")
# "etc." closing a parenthesis of examples, or a list of code or numbered names ("[US1], [US2], etc."),
# gives examples of a rule stated otherwise; it does not leave the requirement open.
_OPEN_PARENTHESIS = lazy_compile(r"\([^()]*$")
_NUMBERED_SERIES = lazy_compile(r"\d\W*,\s*$|[`\]]\W*,?\s*$")
_TICKED = lazy_compile(r"^\W*\[[xX]\]")
_EXTRA_SKIPPED = ("kiro-tasks", "spec-kit-tasks", "spec-kit-plan", "checklist")


class RequirementLoophole(Rule):
    """Flags an escape clause or an open-ended list inside a requirement: "retries as needed", "supports CSV, PDF, etc.".

    **What it flags.** The precise core of `escape-clause` and `open-ended-list`: in a
    requirement statement (an item or table cell of a requirements or criteria section, a
    statement with a requirement ID, a SHALL/MUST line, or a sentence with must, shall, should or
    will outside background, rationale, quotes and questions):
    - an escape clause that lets the requirement be skipped without saying when (INCOSE R8,
      ISO/IEC/IEEE 29148 5.2.7 loopholes): "as needed", "as appropriate", "if necessary",
      "where possible", "when feasible", "to the extent possible";
    - an open list that says the system handles more cases than it names (INCOSE R9): "CSV,
      PDF, etc.", "and so on", "including but not limited to", "CSV, PDF and more";
    - a wish in place of a requirement (INCOSE R8): "ideally", "preferably", "if time permits";
    - "unless otherwise agreed" (or approved, decided, requested): the requirement left to a later
      negotiation ("unless otherwise specified", a default rule, is not flagged);
    - the German, Spanish and French escape clauses and open lists of `speclint.reading.languages`
      ("soweit möglich", "en la medida de lo posible", "dans la mesure du possible", "entre
      otros"), in requirements that say muss, soll, debe, doit and the like.

    Not flagged: a clause that names who decides ("as required by GDPR article 17") or states
    its condition in the same sentence ("copies the link when possible, otherwise shows it");
    "etc." inside a parenthesis of examples or after a series of code or numbered names
    ("[US1], [US2], etc."); ticked checklist items; design proposals' prose (only their
    requirement IDs and requirements sections are read).

    As in `vague-requirement`, requirements without a requirements heading are read too: a list under a bold
    "**Requirements:**" (or "Acceptance criteria:", "Must haves:") label, text under a
    requirement's own heading ("### FR-2: Filters") or after a short label ("**R3.**"), and in a
    product document the items of its feature, MVP, in-scope, solution and quality sections
    (Performance, Security, Usability...), a PR/FAQ's answers and a Shape Up pitch. An SRS or
    Kiro outline number ("3.1.2", "1.3.") is not a value.

    **Why it matters.** An engineer under deadline reads "where possible" as "not this sprint",
    and "CSV, PDF, etc." as "CSV and PDF"; a tester cannot fail the build against either. Whoever
    wrote it knew the condition or the list they meant: the spec should say it.

    **Example**

    ```markdown
    ## Requirements
    - The export job retries failed uploads as needed.
    - Reports can be exported as CSV, PDF, etc.
    ```

    **Use instead**

    ```markdown
    ## Requirements
    - The export job retries a failed upload 3 times (after 1, 2 and 4 minutes), then marks it failed.
    - Reports can be exported as CSV, PDF and XLSX.
    ```
    """

    id = "WD009"
    name = "requirement-loophole"
    category = Category.WORDING
    default_level = Level.WARNING
    # Makes redundant where they meet (one defect, one finding): the escape clause of a requirement is also an escape
    # clause (WD002)
    subsumes = (Subsumes(("WD002",)),)
    options = (Option("skip-profiles", "list[str]", [*_PROPOSALS, *_EXTRA_SKIPPED], SKIP_PROFILES_HELP),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        skip = set(context.options["skip-profiles"])
        answers = []
        for _statement, hits, source in requirement_hits(document, profile_name(context), skip, _CLAUSE, answers):
            for hit in hits:
                if not _is_loophole(hit.match, hit.sentence, source, answered=hit in answers):
                    continue
                written = " ".join(hit.match.group(0).split())
                if hit.match.group("clause") or hit.match.group("foreign_clause"):
                    message = f"escape clause '{written}' in a requirement: state the exact condition, or drop the clause"
                elif hit.match.group("preference"):
                    message = f"'{written}' makes the requirement a wish: say whether it is required, and what is if not"
                else:
                    message = f"open list '{written}' in a requirement: name every case the system must handle"
                yield Violation(hit.span, message)
                break  # one finding per statement


def requirement_hits(document: Document, profile: str | None, skip_profiles: set[str],
                     pattern: Pattern[str], answers: list[Hit] | None = None) -> Iterator[tuple[Statement, list[Hit], str]]:
    """Each requirement statement with the matches of `pattern` that stand in what it commits to, and its text as
    written (code spans kept, at the matches' offsets). A requirement statement: an item or table cell of a
    requirements or criteria section, a statement with an ID, a SHALL/MUST line, or a sentence whose must, shall,
    should or will governs the match; in a design proposal (`skip_profiles`), only those with an ID, in a
    requirements section or an ADR's decision, and there only with must or shall. With `answers`, an escape clause
    in the answer of a FAQ ("**Is the fee refunded?** No. Fees are refunded only in appropriate cases") is a hit too,
    and is added to `answers`: a FAQ's answer states the policy its customers hold the product to."""
    if profile == "not-a-spec":
        return  # a README or a guideline: nothing in it is a requirement
    proposal = profile in skip_profiles and not is_pitch(document)
    for statement in statements(document):
        labelled = requirement_shape(statement, proposal)
        if proposal and not (statement.requirement_id or statement.in_requirements or labelled or commits(statement.section)):
            continue
        if (in_descriptive_section(statement) and not labelled) or is_user_story(statement.text) or _TICKED.match(statement.text):
            continue
        requirement = labelled or statement.is_requirement and (
            statement.in_requirements or statement.requirement_id is not None or statement.kind != "paragraph")
        hits = []
        faq = answers is not None and _in_faq(statement)
        for hit in search(pattern, statement.segments):
            if faq and ("?" not in hit.match.string or _FAQ_ANSWER.search(hit.match.string, 0, hit.match.start())) \
                    and (hit.match.group("clause") or hit.match.group("foreign_clause")):
                answers.append(hit)
            elif proposal and not statement.requirement_id:
                if not _ANY_CASE_VERB.search(hit.sentence):
                    continue
            elif not (requirement or _MODAL.search(sentence_before(hit.match))):
                continue
            hits.append(hit)
        if hits:
            yield statement, hits, join_segments(statement.segments)[0]


# A FAQ section: "Customer FAQ", "Internal FAQs", "Frequently asked questions", "Preguntas frecuentes".
_FAQ_TITLE = lazy_compile(r"\bfaqs?\b|\bfrequently\s+asked\b|\bpreguntas\s+frecuentes\b|\bh(?:ä|ae)ufige\s+fragen\b|"
                          r"\bquestions\s+fr(?:é|e)quentes\b", re.I)
# A FAQ's question closes its line ("**2. Is the fee refunded?**" then the answer): the text after it answers.
_FAQ_ANSWER = lazy_compile(r"\?(?:\*\*|__|\*|_)?(?:\s*\n|\s+(?:\*\*|__)?A\d*\s*[:.)])")


def _in_faq(statement: Statement) -> bool:
    return any(each.heading is not None and _FAQ_TITLE.search(each.title)
               for each in (statement.section, *statement.section.ancestors()))


def _is_loophole(match: re.Match[str], sentence: str, source: str, answered: bool = False) -> bool:
    """`source` is the statement as written (code spans kept), at the same offsets as `match.string`; `answered`:
    the match stands in a FAQ's answer, which commits though a question comes before it."""
    text = match.string
    if (not answered and _QUESTION.search(text, 0, match.start())) or in_rationale(match):
        return False  # an answer to a question, or the reason for a requirement
    after = text[match.end(): match.end() + 60]
    before = text[max(0, match.start() - 200): match.start()]
    if match.group("preference"):
        # "(ideally ...)" is an aside; "p95 under 300 ms, ideally 200 ms" states the requirement, then a stretch
        # "... via QEMU or, preferably, natively": a recommended option among those the requirement allows
        return not (_OPEN_PARENTHESIS.search(before) or before.rstrip().endswith((" or,", " or"))
                    or re.search(r"\d", sentence[: max(0, sentence.find(match.group(0)))]))
    if match.group("clause") or match.group("foreign_clause"):
        clause = match.group(0).lower()
        if clause.startswith(("as required", "as needed", "as necessary")) and _NAMED_AUTHORITY.match(after):
            return False
        if _OPEN_PARENTHESIS.search(before):
            return False  # an aside: "(or middleware where needed)", "(if needed)"
        return not (_CONDITION_STATED.search(sentence.replace(match.group(0), " ")) or _CONDITION_STATED.match(after)
                    or _SPELLED_OUT_AFTER.match(after))
    # an open list: not inside a parenthesis of examples, not after code or numbered names
    written_before = source[max(0, match.start() - 200): match.start()]
    clause_before = re.split(r"[.;:]\s", written_before)[-1]
    opened = match.group(0).lower()
    if opened.endswith(("more", "others")) and "," not in clause_before:
        return False  # "and more" ends a list only after a comma: "grows and more" is no list
    if opened.startswith("etc") and not re.search(r",|/|\b(?:and|or)\b", clause_before):
        return False  # "etc." with no list before it: a clause of its own
    return not (_OPEN_PARENTHESIS.search(written_before) or _NUMBERED_SERIES.search(written_before))
