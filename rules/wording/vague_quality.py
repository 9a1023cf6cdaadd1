"""WD008 vague-quality: a vague quality word anywhere in a requirement ("an intuitive dialog", "returns results quickly")."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Subsumes, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import profile_name
from speclint.reading.normative import is_user_story, search, statements, table_rows
from speclint.reading.wording import (
    SKIP_PROFILES_HELP,
    commits,
    in_descriptive_section,
    in_rationale,
    is_pitch,
    match_span,
    requirement_shape,
    sentence_before,
    without_names_with_digits,
    without_outline_number,
)
from speclint.rules.wording.vague_requirement import (
    _PROPOSALS,
    _measured_elsewhere,
    _SPELLED_OUT,
    _introduces_a_list,
    _lines_uncheckable_criterion_reports,
    vague_demands,
)

# The words a tester cannot turn into a pass or a fail, in any position: "a fast, intuitive
# dialog", "| Usability | User-friendly |", "returns results quickly". Left out after reading real
# specs: "responsive" (mostly layout), "reliable" and "efficient" (mostly design intent, or a
# property a later line measures), "appropriate" ("the appropriate lab type", "appropriate ARIA
# labels" have an accepted meaning).
_WORD = lazy_compile(
    r"(?<![\w-])(?:(?P<adjective>fast|intuitive|user[\s-]+friendly|"
    r"easy[\s-]+to[\s-]+(?:use|understand|learn|navigate|read|find|maintain|extend|configure|integrate|install|set[\s-]+up)|"
    r"seamless|robust|scalable|performant|snappy|smooth|frictionless|effortless|lightning[\s-]+fast|blazing[\s-]+fast|"
    r"best[\s-]+in[\s-]+class|world[\s-]+class|state[\s-]+of[\s-]+the[\s-]+art|high[\s-]+performance|high[\s-]+quality|"
    r"beautiful|elegant|polished|sleek|delightful|powerful)"
    r"|(?P<adverb>quickly|instantly|seamlessly|smoothly|easily|effortlessly|efficiently|intuitively|appropriately|"
    r"rapidly|promptly|securely)"
    r"|(?P<judgement>works?\s+(?:well|fine|properly|correctly|great)|(?:displays?|renders?|shows?|appears?)\s+(?:correctly|properly)"
    r"|(?:handled|managed|processed)\s+(?:properly|correctly|appropriately|well)"
    r"|(?:good|great|better|excellent|pleasant|delightful|positive)\s+(?:user\s+)?experience"
    r"|(?:users?|customers?|shoppers?|people)\s+(?:are|is|feel|feels|will\s+be|should\s+be)\s+(?:happy|satisfied|delighted|pleased)"
    r"|(?:feels?|seems?|looks?)\s+(?:snappier|faster|smoother|quicker|better|nicer|cleaner|more\s+(?:responsive|intuitive|natural|modern))"
    r"|match(?:es)?\s+(?:their|the\s+user'?s?|users'?|your|his|her)\s+(?:taste|tastes|preferences|style|expectations)"
    r"|(?:modern|clean|fresh|sleek|contemporary|professional)\s+(?:look(?:\s+and\s+feel)?|feel|appearance|aesthetics?)"
    r"|treat(?:s|ed)?\s+(?:\w+\s+){0,2}?fairly|perform(?:s|ing)?\s+well|(?:is|are|be)\s+well[\s-]+received"
    r"|(?:relevant|suitable|right)\s+(?:[\w-]+\s+){0,2}?(?:options?|results?|suggestions?|choices?)\s+(?:are|is)\s+"
    r"(?:available|shown|displayed|presented|offered)"
    r"|(?:shows?|displays?|surfaces?|suggests?|recommends?|returns?|presents?)\s+(?:the\s+)?(?:most\s+)?relevant\s+"
    r"(?:results?|suggestions?|recommendations?|content|items?|products?|options?|matches))"
    r"|(?P<phrase>in\s+a\s+timely\s+(?:manner|fashion)|as\s+soon\s+as\s+possible|as\s+(?:fast|quickly)\s+as\s+possible|"
    r"with(?:out)?\s+(?:minimal|noticeable|significant|perceptible)\s+(?:delay|lag|latency|friction|effort)|"
    r"(?:in|within)\s+an?\s+(?:reasonable|acceptable)\s+amount\s+of\s+time|asap|"
    r"(?:minimal|minimum)\s+(?:clicks|steps|effort|configuration|setup|friction|disruption|input|maintenance|training|"
    r"manual\s+(?:work|effort|steps|intervention))|"
    r"(?:acceptable|reasonable|good|adequate)\s+(?:performance|response\s+times?|load(?:ing)?\s+times?|speed))"
    r")(?![\w]|-\w)",
    re.I,
)
_MODAL = lazy_compile(r"\b(?:must|shall|should|will|needs?\s+to|has\s+to|have\s+to)\b", re.I)
_ANY_CASE_VERB = lazy_compile(r"\b(?:must|shall)\b", re.I)  # in a requirements section, "3.1.2 The system shall ..."
_DIGIT = lazy_compile(r"\d")
# Terms of art that hold a listed word: "the fast path", "fast-forward", "fail fast", "smooth scrolling".
_TERMS_OF_ART = lazy_compile(
    r"\bfast[\s-]+(?:path|forward\w*|track|mode|fail\w*|lane|refresh|follow)\b|\bfail(?:s|ing|ed)?\s+fast\b|"
    r"\bsmooth(?:ly)?[\s-]+scroll\w*|\brobust\s+statistics\b|\bstate[\s-]+of[\s-]+the[\s-]+art\s+(?:model|algorithm)s?\b",
    re.I,
)
# The word states why a concrete requirement exists, not what it demands: "a Back to Top link for
# easy navigation", "caches the catalog to provide a fast checkout", "so that setup is seamless".
_PURPOSE = lazy_compile(
    r"\b(?:for|so\s+that|in\s+order\s+to|to\s+(?:ensure|provide|enable|allow|support|make|keep|improve|achieve|deliver|"
    r"give|offer|guarantee|facilitate|help|maintain|create|promote|encourage)|ensuring|enabling|allowing|providing|"
    r"resulting\s+in)\b",
    re.I,
)
_NEGATED = lazy_compile(r"\b(?:not|never|no|n't|nor)\s+(?:\w+\s+){0,2}$", re.I)
_QUESTION = lazy_compile(r"\?\s*(?:\*\*|__)?\s*$")
# "works seamlessly with Slack", "integrates smoothly into the IDE": an integration, named.
_INTEGRATION_AFTER = lazy_compile(r"\s+(?:with|into|alongside)\b", re.I)
# A priority or a version in a requirements table is not a value: "| FR-1 | Fast search | P0 |".
_NOT_A_VALUE = lazy_compile(r"\b(?:[PS]\d|v\d+(?:\.\d+)*)\b|\b[A-Z]{1,6}(?:-[A-Z]{2,8})?-\d{1,5}(?:\.\d{1,3})*[a-z]?\b", re.I)
# A capitalized word inside a sentence is a name: "Azure AD Seamless SSO", "the Quick Actions menu".
_CAPITALIZED = lazy_compile(r"[A-Z]")
_ROW_NUMBER = lazy_compile(r"^[\s*_#]*\d{1,4}\.?[\s*_]*$")
# "to efficiently check": the adverb qualifies the purpose of a concrete step, not what is required.
_INFINITIVE_BEFORE = lazy_compile(r"(?<!\bable)(?<!\bneeds)(?<!\bneed)(?<!\bhas)(?<!\bhave)\s+to\s+$", re.I)
# After an adjective, the end of a clause; before it, a linking verb, "and"/"or", or the start of the statement.
_ENDS_A_CLAUSE = lazy_compile(r"^\s*(?:[,;.)]|$)")
_LINKED = lazy_compile(r"(?:^\W*|\b(?:is|are|be|been|being|remains?|stays?|feels?|looks?|seems?|and|or|&|an?|the)\s+|[,:]\s*"
                       r"|\b(?:keeps?|kept|makes?|made|finds?|found)\s+(?:(?:the|a|an|its|their|our|all)\s+)?(?:[\w-]+\s+){1,3})$", re.I)
# "displays correctly 100% of the time": how often a judgement holds does not make it checkable
_HOW_OFTEN = lazy_compile(r"\b100\s*%\s+of\s+the\s+time\b", re.I)
_CONDITION_OR_DETAIL = lazy_compile(
    r"^\s*(?:[(:—–]|(?:when|whenever|from|in|on|with|across|regardless|under|after|for|if|while|within|against|behind)\b)", re.I)
# What makes "securely" checkable: the mechanism, named in the sentence or right after the word.
_SECURITY_MEANS = lazy_compile(
    r"\b(?:encrypt\w*|hash\w*|bcrypt|argon2\w*|scrypt|pbkdf2|salt\w*|aes\w*|tls|https|ssl|mtls|kms|hsm|vault|"
    r"secrets?\s+manager|keychain|keystore|key\s+vault|sha-?\d+|hmac|signed|signature)\b", re.I)
_MEANS_AFTER = lazy_compile(r"\s+(?:in|into|using|with|via|through|by|over|behind|as)\b", re.I)
_EXTRA_SKIPPED = ("kiro-tasks", "spec-kit-tasks", "spec-kit-plan", "checklist")


class VagueQuality(Rule):
    """Flags a vague quality word in a requirement or criterion: "an intuitive dialog", "fast and reliable processing".

    **What it flags.** The shapes of vague wording that `vague-requirement` (which reads only a
    vague predicate, "must be fast") leaves out, in the same statements: an item or table cell of
    a requirements or criteria section (numbered lists, requirement tables, NFR tables, EARS
    `SHALL` lines), a statement with a requirement ID, and a sentence that says must, shall,
    should or will outside background, problem statements, user stories, rationale, quotes and
    questions:
    - a vague quality in front of what it qualifies: "an intuitive export dialog", "robust fraud
      checks", "a seamless experience", "| Usability | User-friendly |", "a scalable architecture";
    - a behaviour done in a vague way, whatever the verb: "returns results quickly", "users can
      export reports easily", "handles the error appropriately";
    - a time with no value: "in a timely manner", "as soon as possible", "with minimal delay",
      "in a reasonable amount of time", "acceptable performance";
    - a quality linked by keep, make or find: "keep the dashboard fast", "users find the export
      intuitive"; polish words (beautiful, polished, powerful, high-performance, "a modern look
      and feel"); "shows the most relevant results".

    The words: fast, intuitive, user-friendly, easy to use, seamless, robust, scalable,
    performant, snappy, smooth, frictionless, effortless, and the adverbs quickly, instantly,
    seamlessly, smoothly, easily, efficiently, appropriately, rapidly, promptly (INCOSE
    R7, ISO/IEC/IEEE 29148 5.2.7, Wiegers' ambiguous terms), and securely ("stores reset tokens
    securely": hashed, encrypted, where? Not when the sentence names the means: "securely in the
    cloud KMS", "hashed with Argon2id", "over TLS 1.3").

    Not flagged: a statement (or table row, or list item with its sub-items) that also gives a
    number ("fast: p95 under 300 ms"); the word spelled out in the same breath ("appropriately (retry
    3 times)"); the purpose of a concrete requirement ("a Back to Top link for easy navigation",
    "caches results to provide a fast checkout"); names ("Azure AD Seamless SSO"); terms of art
    (fast path, fast-forward, fail fast, smooth scrolling); a name the document uses more than once
    ("Fast Checkout must show the saved card" in a spec titled "Fast Checkout"); a word measured
    outside its sentence, or asked about, as in `vague-requirement`; integrations ("works seamlessly with
    Slack"); negations; design proposals' prose (only statements with a requirement ID, and the
    must/shall sentences of an ADR's decision and decision drivers, are read there: "Search must be
    fast" as a decision driver is flagged, a terse driver "Fast feedback" is not); a line `vague-requirement` or `uncheckable-criterion` already reports.

    As in `vague-requirement`, requirements without a requirements heading are read too: a list under a bold
    "**Requirements:**" (or "Acceptance criteria:", "Must haves:") label, text under a
    requirement's own heading ("### FR-2: Filters") or after a short label ("**R3.**"), and in a
    product document the items of its feature, MVP, in-scope, solution and quality sections
    (Performance, Security, Usability...), a PR/FAQ's answers and a Shape Up pitch. An SRS or
    Kiro outline number ("3.1.2", "1.3.") is not a value.

    **Why it matters.** "An intuitive export dialog" cannot fail a test: the designer, the
    engineer and QA each decide what intuitive means, after the work is done.

    **Example**

    ```markdown
    ## Requirements

    | ID | Requirement |
    |---|---|
    | FR-1 | Fast and reliable payment processing |
    | FR-2 | An intuitive card management screen |
    ```

    **Use instead**

    ```markdown
    ## Requirements

    | ID | Requirement |
    |---|---|
    | FR-1 | A card payment is authorised or declined within 3 s at p95 |
    | FR-2 | A user adds, renames and removes a saved card from one screen, each in 2 taps or fewer |
    ```
    """

    id = "WD008"
    name = "vague-quality"
    category = Category.WORDING
    default_level = Level.WARNING
    # Makes redundant where they meet (one defect, one finding): the vague quality of a requirement is also a vague
    # term (WD001) and, in a performance requirement ('must be fast'), the quality without a figure MS008 reports
    subsumes = (Subsumes(("WD001", "MS008")),)
    options = (Option("skip-profiles", "list[str]", [*_PROPOSALS, *_EXTRA_SKIPPED], SKIP_PROFILES_HELP),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        profile = profile_name(context)
        if profile == "not-a-spec":
            return  # a README or a guideline: nothing in it is a requirement
        proposal = profile in set(context.options["skip-profiles"]) and not is_pitch(document)
        reported: set[int] | None = None
        rows: dict[int, str] | None = None
        for statement in statements(document):
            if statement.kind == "paragraph" and not statement.requirement_id and _introduces_a_list(statement) \
                    and not requirement_shape(statement, proposal):
                continue
            labelled = requirement_shape(statement, proposal)
            if proposal and not (statement.requirement_id or statement.in_requirements or labelled
                                 or commits(statement.section)):
                continue  # design prose argues; its requirements section (or an SRS's) commits
            if (in_descriptive_section(statement) and not labelled) or is_user_story(statement.text):
                continue
            requirement = labelled or statement.is_requirement and (
                statement.in_requirements or statement.requirement_id is not None or statement.kind != "paragraph")
            if _DIGIT.search(without_names_with_digits(statement.nested_text)):
                continue  # "- Search is fast:" over "  - p95 under 300 ms"
            for hit in search(_WORD, statement.segments):
                if proposal and not statement.requirement_id:
                    if not _ANY_CASE_VERB.search(hit.sentence):
                        continue  # a design goal ("the scheme should be efficient"), graded on purpose
                elif not (requirement or _MODAL.search(sentence_before(hit.match))):
                    continue
                if not _is_vague_here(hit.match, hit.sentence, hit.source_sentence):
                    continue
                if _names_a_product(hit.match, document):
                    continue
                if _measured_elsewhere(hit.match, next(name for name in ("adjective", "adverb", "judgement", "phrase")
                                                       if hit.match.group(name)), statement, document):
                    continue
                if statement.kind == "table-cell":
                    if rows is None:
                        rows = {row.span.start.line: _row_values(row.cells) for row in table_rows(document)}
                    if _DIGIT.search(without_names_with_digits(_NOT_A_VALUE.sub(" ", rows.get(hit.span.start.line, "")))):
                        continue  # "| Latency | Fast | p95 < 300 ms |": the row gives the value
                if reported is None:
                    reported = _lines_reported_elsewhere(document, context)
                if hit.span.start.line in reported:
                    break  # one defect, one finding: vague-requirement or uncheckable-criterion reports it
                written = " ".join(hit.match.group(0).split())
                what = ("how: hashed or encrypted with what, kept where, readable by whom" if written.lower() == "securely"
                        else "what a tester can check (a time, a count, a message, a state)")
                yield Violation(match_span(hit.span, hit.match), f"vague quality '{written}' in a requirement: state {what}")
                break  # one finding per statement


def _is_vague_here(match: re.Match[str], sentence: str, source_sentence: str) -> bool:
    text = match.string
    if _DIGIT.search(without_names_with_digits(_HOW_OFTEN.sub(" ", without_outline_number(source_sentence)))) or _QUESTION.search(sentence) or in_rationale(match):
        return False
    before = text[max(0, match.start() - 120): match.start()]
    sentence_before = re.split(r"[.!?;:]\s", before)[-1]
    if _NEGATED.search(text, max(0, match.start() - 30), match.start()):
        return False
    window = text[max(0, match.start() - 20): match.end() + 25]
    if _TERMS_OF_ART.search(window):
        return False
    if _PURPOSE.search(sentence_before):
        return False
    if _CAPITALIZED.match(match.group(0)) and match.group(0).lower() != "asap" and not _starts_a_sentence(before):
        return False  # a name: "Azure AD Seamless SSO"
    after = text[match.end(): match.end() + 40]
    word = match.group(0).lower()
    if word.startswith(("seamless", "smooth")) and _INTEGRATION_AFTER.match(after):
        return False
    if word == "securely" and (_SECURITY_MEANS.search(sentence) or _MEANS_AFTER.match(after)):
        return False  # "stored securely in the KMS", "securely (bcrypt, cost 12)": the means is named
    if match.group("adverb") and (_SPELLED_OUT.match(after) or _INFINITIVE_BEFORE.search(before)):
        return False  # "handles it appropriately (retry or skip)"; "uses system tables to efficiently check status"
    if match.group("adjective") and _ENDS_A_CLAUSE.match(after) and not _LINKED.search(before):
        return False  # "ACK fast; reconcile async": an adverb of an engineering idiom, not a quality demanded
    if match.group("judgement") and _CONDITION_OR_DETAIL.match(after):
        return False  # "works correctly when run from a subdirectory": the condition is the requirement;
        # "shows correctly (low/medium/high with colour)": what correct means, spelled out
    if "?" in text[:match.start()]:
        return False  # an answer to a question ("Q: ...? A: ..."; "What happens when ...? The CLI ...")
    return True


# A capitalised quality word and the capitalised word after it: "Fast Checkout", "Seamless Sync".
_TITLE_PAIR = lazy_compile(r"\s+([A-Z][a-z]+)\b")


def _names_a_product(match: re.Match[str], document: Document) -> bool:
    """True when a capitalised word starts a name the document uses more than once ("Fast Checkout must show
    the saved card", under the title "# Fast Checkout for returning customers"): a name, not a quality demanded."""
    word = match.group(0)
    if not word[:1].isupper():
        return False
    following = _TITLE_PAIR.match(match.string, match.end())
    if not following:
        return False
    name = re.compile(re.escape(word) + r"\s+" + re.escape(following.group(1)) + r"\b")
    return len(name.findall(document.source)) >= 2


def _row_values(cells: list) -> str:
    """A table row's text without the cells that only number the row ("| 3 | ... |", "| #4 |")."""
    return " | ".join(cell.text for cell in cells if not _ROW_NUMBER.match(cell.text))


def _starts_a_sentence(before: str) -> bool:
    """True when what comes before a word ends a sentence, a line, a list marker or bold: the word starts what
    follows, so its capital says nothing about a name."""
    stripped = before.rstrip()
    if "\n" in before[len(stripped):] or not any(char.isalnum() for char in stripped):
        return True  # the word starts a line, or only markup stands before it
    stripped = stripped.rstrip("*_").rstrip()
    if not stripped or stripped[-1] in ".!?:;|-+":
        return True
    if stripped[-1] == ")":  # "1) Fast checkout"
        token = stripped[:-1].split()[-1:]
        return bool(token) and token[0].isdigit()
    return False



def _lines_reported_elsewhere(document: Document, context: RuleContext) -> set[int]:
    """Lines where vague-requirement (WD006), uncheckable-criterion (AC003) or unmeasurable-success-criterion (MS001)
    already reports."""
    from speclint.rules.measurability.unmeasurable_success_criterion import unmeasurable_criteria

    lines = _lines_uncheckable_criterion_reports(document, context)
    # a success criterion that is a feeling ("riders find capping easy to understand"): MS001 says what it lacks
    lines.update(violation.span.start.line for violation in unmeasurable_criteria(document, {"SC"}))
    proposal = profile_name(context) in _PROPOSALS and not is_pitch(document)
    lines.update(violation.span.start.line for violation in vague_demands(document, context, proposal))
    return lines
