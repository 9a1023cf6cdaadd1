"""WD006 vague-requirement: a requirement whose only demand is a vague quality ("must be fast", "handle errors gracefully")."""

from __future__ import annotations

import re
from itertools import chain
from typing import Iterator

from speclint.document.model import Document, ListBlock, Paragraph, Span
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Subsumes, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading import languages
from speclint.reading.commitments import commitments
from speclint.reading.concerns import profile_name
from speclint.reading.normative import Statement, is_descriptive, is_user_story, search, statements, table_rows
from speclint.reading.wording import (
    DESIGN_PROPOSAL_PROFILES,
    SKIP_PROFILES_HELP,
    asked,
    in_rationale,
    is_defined,
    is_pitch,
    measured_next,
    points_to_measure,
    requirement_shape,
    without_names_with_digits,
    without_outline_number,
)

_ADJECTIVES = (r"fast|quick|snappy|speedy|intuitive|user[- ]friendly|easy\s+to\s+(?:use|understand|learn|navigate|maintain|extend)|"
               r"seamless|smooth|performant|robust|responsive|scalable|highly\s+available|efficient|"
               r"lightning[- ]fast|blazing[- ]fast|instant(?:aneous)?|modern|polished|delightful|best[- ]in[- ]class|"
               r"world[- ]class|state[- ]of[- ]the[- ]art|reliable|flexible|accurate|simple\s+to\s+(?:use|integrate|set\s+up|configure)|"
               r"easy\s+to\s+(?:integrate|set\s+up|configure|read|find)|easy(?=\s*(?:[.;]|$))|"
               r"light[- ]?weight|secure|resilient|fault[- ]tolerant|"
               # "safe" and "portable" said bare, at the end of the clause: not "safe to retry", "safe for concurrent
               # use", "portable across Linux and macOS", "safe and no data races occur" (demanded only: see `_DEMANDED`)
               r"(?:safe|portable)(?=\s*(?:[.;,)]|$))")
_ADVERBS = r"quickly|fast|instantly|smoothly|seamlessly|gracefully|efficiently|intuitively|rapidly|promptly"
# What the requirement asks for, and only that: a vague quality as the predicate.
_VAGUE_DEMAND = lazy_compile(
    # "must be fast", "shall remain responsive", "should feel snappy", "is intuitive" (in a requirement)
    r"\b(?:(?:must|shall|should|will|needs?\s+to|has\s+to|have\s+to)\s+(?:not\s+only\s+)?(?:be|feel|remain|stay|look|seem)|"
    r"is|are|feels?|looks?|remains?|stays?|"
    # an imperative item of a capability list: "keep examples portable and safe", "make the installer robust"
    r"(?:keep|make)\s+(?:(?:the|its|their|all|every)\s+)?[\w'/-]+(?:\s+[\w'/-]+)?)\s+"
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
    r"as\s+fast\s+as\s+possible|as\s+quickly\s+as\s+possible|without\s+(?:noticeable|significant|perceptible)\s+(?:delay|lag))\b"
    # "should typically finish in a reasonable time": a run time with no bound, in a design proposal too
    r"|\b(?:finish(?:es)?|complete[sd]?|responds?|returns?|runs?|loads?|terminates?|converges?|solves?|process(?:es)?|"
    r"executes?)\s+(?:(?!(?:and|or|but)\b)[\w'-]+\s+){0,4}?(?:in|within)\s+(?:an?\s+)?"
    r"(?P<runtime>(?:reasonable|acceptable|sensible|timely)\s+(?:amount\s+of\s+)?time)\b"
    # "avoid matches that are nearly over", "when the disk is almost full": a state with no cut-off
    r"|(?<![\w-])(?P<proximity>(?:nearly|almost|close\s+to\s+(?:being\s+)?)\s*(?:over|done|finished|full|empty|expired|exhausted|"
    r"complete|depleted|the\s+limit|its\s+limit|capacity)|about\s+to\s+(?:expire|end|finish|run\s+out))(?![\w-])"
    # "tuned for modern hardware", "runs on commodity servers": the reference machine named by a vague quality
    r"|\b(?:for|on|with|across)\s+(?:an?\s+|the\s+)?(?P<hardware>(?:modern|recent|commodity|decent|powerful|high-end|low-end|"
    r"mid-range|entry-level)\s+(?:hardware|machines?|computers?|laptops?|desktops?|devices?|phones?|cpus?|servers?|hosts?|gpus?))"
    r"(?![\w-])",
    re.I,
)
#: Read only in a statement that holds one of its adverbs (kept out of `_VAGUE_DEMAND`, which every statement meets):
#: a hedge in front of any quality ("should be reasonably fair", "must remain sufficiently small"), and a comparison
#: made big with an adverb instead of a number ("when the fare drops meaningfully below the last one").
_HEDGE_OR_DEGREE = lazy_compile(r"\b(?:reasonably|sufficiently|adequately|acceptably|relatively|suitably|significantly|"
                                r"meaningfully|substantially|considerably|noticeably|materially|appreciably)\b", re.I)
_HEDGED_DEMAND = lazy_compile(
    r"\b(?:must|shall|should|will|needs?\s+to|has\s+to|have\s+to)\s+(?:not\s+only\s+)?(?:be|remain|stay)\s+"
    r"(?P<hedge>(?:reasonably|sufficiently|adequately|acceptably|relatively|suitably)\s+[a-z][\w-]*)"
    r"|(?<![\w-])(?P<degree>(?:significantly|meaningfully|substantially|considerably|noticeably|materially|appreciably)\s+"
    r"(?:below|above|under|over|higher|lower|more|less|fewer|faster|slower|cheaper|better|worse|greater|smaller|larger|"
    r"shorter|longer))(?![\w-])"
    # the groups of `_VAGUE_DEMAND`, never set here, so that a hit of either pattern is read the same way
    r"(?P<adjective>\b\B)?(?P<adverb>\b\B)?(?P<preverb>\b\B)?(?P<phrase>\b\B)?(?P<runtime>\b\B)?(?P<proximity>\b\B)?"
    r"(?P<hardware>\b\B)?",
    re.I,
)
#: "Safe" and "portable" are read only where they are demanded ("must be safe", "keep examples portable and safe"):
#: "so one retry is safe" and "all operations are safe" state a property, most often one spelled out around them.
_BARE_ONLY_WHEN_DEMANDED = ("safe", "portable")
_DEMANDED = lazy_compile(r"(?:must|shall|should|will|needs?|has|have|keep|make)\b", re.I)
_MODAL = lazy_compile(r"\b(?:must|shall|should|will|needs?\s+to|has\s+to|have\s+to)\b", re.I)
#: A design's goals ("Goals", "Design goals", "Goals and non-goals"), and a hedge its prose is read for there.
_GOALS_TITLE = lazy_compile(r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:design\s+|project\s+)?goals?(?:\s+and\s+non-?goals)?\W*$", re.I)
_HEDGE = lazy_compile(r"\b(?:reasonably|sufficiently|adequately|acceptably|relatively|suitably)\b", re.I)
_PROPOSAL_OR_HEDGE = lazy_compile(r"\b(?=[racstnl])(?:reasonabl[ey]|acceptabl[ey]|sensible|timely|nearly|almost|close\s+to|about\s+to|"
                                  r"sufficiently|adequately|relatively|suitably)\b", re.I)
#: What a design proposal's prose is read for: a run time or a cut-off promised with no bound.
#: (`(?=[acnrst])`: the words' first letters, a position without one is turned away with one test; see
#: tests/test_regex_guards.py.)
_PROPOSAL_WORDS = lazy_compile(r"(?=[acnrst])\b(?:reasonable|acceptable|sensible|timely|nearly|almost|close\s+to|about\s+to)\b",
                               re.I)
#: Capitals commit a proposal: "The matchmaker SHOULD avoid matches that are nearly over".
_RFC2119 = lazy_compile(r"\b(?:MUST|SHALL|SHOULD|REQUIRED)\b|\b(?:must|shall)\b")


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(r"\s+".join(re.escape(part) for part in word.split()) for word in sorted(words, key=len, reverse=True))


# The same demand in German, Spanish and French: an obligation verb, then in the same clause a vague quality
# ("Die Suche muss schnell sein", "La aplicación debe ser rápida", "L'interface doit être intuitive").
_FOREIGN_DEMAND = lazy_compile(
    r"(?<![\w-])(?:" + _alternation(languages.MODAL_VERBS) + r")(?![\w-])(?P<clause>[^.;:!?\n]{0,80}?)"
    r"(?<![\w'’-])(?P<foreign>" + _alternation(languages.VAGUE_DEMANDS) + r")(?![\w-])",
    re.I,
)
# "muss nicht schnell sein", "no debe ser rápido", "ne doit pas être rapide": what must not be.
_FOREIGN_NEGATION = lazy_compile(r"(?<![\w-])(?:nicht|kein\w*|no|nunca|ne|n['’]|pas|jamais|non|não)(?![\w-])", re.I)
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
# What makes "secure" checkable: the means named in the sentence, or the threat it must withstand.
_SECURITY_MEANS = lazy_compile(
    r"\b(?:encrypt\w*|hash\w*|bcrypt|argon2\w*|scrypt|pbkdf2|salt\w*|aes\w*|tls|https|ssl|mtls|kms|hsm|vault|"
    r"secrets?\s+manager|keychain|keystore|key\s+vault|sha-?\d+|hmac|signed|signature|owasp|asvs|oauth\w*|oidc|saml|"
    r"mfa|2fa|totp|webauthn|rbac|csrf|xss|cors|csp)\b", re.I)
_SECURE_AGAINST = lazy_compile(r"\s+(?:against|from|by\s+default|boot)\b", re.I)
_EXCEPTIONS = lazy_compile(r"\bfail(?:s|ing)?\s+fast\b|\bfast[- ]forward|\bquick\s+start|\bresponsive\s+(?:design|layout|web|ui)\b",
                         re.I)
_PROPOSALS = (*DESIGN_PROPOSAL_PROFILES, "openshift-enhancement", "gep", "capi-proposal", "kiro-design", "not-a-spec")


class VagueRequirement(Rule):
    """Flags a requirement whose only demand is a vague quality: "must be fast", "handles errors gracefully".

    **What it flags.** The narrow, precise core of `vague-term`: a statement that requires
    something, where what it requires is a vague word (INCOSE R7, ISO/IEC/IEEE 29148 5.2.7):
    - "must / shall / should / will be" a vague quality: fast, intuitive, user-friendly, seamless,
      smooth, robust, scalable, performant, reliable, flexible, accurate, easy, lightweight,
      resilient, fault-tolerant, secure ("The dashboard must be fast", "must be clean and
      modern"; "secure" only when neither the means nor the threat is named: not "secure: TLS
      1.3, tokens hashed with SHA-256", not "secure against replay"; "safe" and "portable" only
      demanded and bare: "must be safe.", not "safe to retry", "portable across Linux and macOS",
      "so a rerun is safe");
    - the same quality in the imperative item of a capability list: "keep examples portable and
      safe", "make the plugin loader robust";
    - a behaviour done in a vague way: "loads quickly", "responds instantly", "handles network
      errors gracefully", "gracefully handle rate limiting";
    - "a user-friendly error message", "in a timely manner", "as soon as possible";
    - a hedge in front of any quality a requirement demands ("should be reasonably fair", "must
      remain sufficiently small"), and a comparison sized by an adverb instead of a number ("send a
      push when the fare drops meaningfully below the last one", "significantly above the baseline");
    - a comparative with nothing to compare against ("SHALL use 1-hour tables combined with more granular
      data", "must fall back to less detailed models"): more or less before an adjective, with no "than",
      "compared to" or "relative to" after it; a digit elsewhere in the sentence does not say "than what";
    - the same in German, Spanish, French, Italian and Portuguese: an obligation verb and, in the same clause, a vague
      quality from `speclint.reading.languages` ("Die Suche muss schnell sein", "La aplicación
      debe ser rápida", "L'interface doit être intuitive", "Erstattungen müssen zeitnah
      bearbeitet werden"), unless a number, a negation or a parenthesis goes with it;
    - a user story that wants a vague quality ("I want the ticket view to be fast", "quiero que
      el panel sea intuitivo"), only in a document with no acceptance criteria at all: criteria,
      where they exist, are where a story is made testable.

    Read in requirement statements (an item or table cell of a requirements section, a statement
    with a requirement ID, a SHALL/MUST) and in any sentence with must, shall, should or will
    outside background, problem statements, user stories, rationale, quotes and questions. In
    design proposals (RFCs, KEPs, design docs, ADRs), only statements with a requirement ID (and a
    hedge in a design's Goals).

    Requirements without a requirements heading are read too: a list under a bold
    "**Requirements:**" (or "Acceptance criteria:", "Must haves:") label, text under a
    requirement's own heading ("### FR-2: Filters") or after a short label ("**R3.**"), and in a
    product document the items of its feature, MVP, in-scope, solution and quality sections
    (Performance, Security, Usability...), a PR/FAQ's answers and a Shape Up pitch. An SRS or
    Kiro outline number ("3.1.2", "1.3.") is not a value, nor is a digit inside a name ("loads
    fast on 3G networks", "IPv6", "S3").

    Not flagged: a sentence that also gives a number ("fast: p95 under 300 ms"); the word spelled
    out in the same breath ("degrades gracefully to read-only mode", "gracefully (retries 3
    times)", "handles errors gracefully and shows a retry banner"; but after "must be", "and ..."
    is a second demand: "must be user-friendly and list every refund" is flagged, as is
    "responds quickly to balance queries", where "to" names what is responded to); layout ("responsive on mobile and desktop"); integrations ("works seamlessly with
    Slack"); negations; the purpose of a concrete requirement ("a Back to Top link for easy
    navigation" is not a demand for ease); an acceptance criterion that `uncheckable-criterion`
    already reports; a word measured outside its sentence: in the statement's next sentence ("must be
    fast. It renders in under 800 ms at p75"), where the sentence points ("scalable to the load
    below", "quickly (see SC-002)"), in another cell of its table row, or in the document's glossary
    or an inline "'Prompt' means ..."; a word in a question ("**Will it be fast?**"); "responsive" in
    a section about screens or breakpoints. The broader `vague-term` (preview) reads every listed word.

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
    # Makes redundant where they meet (one defect, one finding): the vague word of a requirement is also a vague term
    # (WD001) and, in a performance requirement ('must be fast'), the quality without a figure MS008 reports
    subsumes = (Subsumes(("WD001", "MS008")),)
    options = (Option("skip-profiles", "list[str]", list(_PROPOSALS), SKIP_PROFILES_HELP),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        proposal = profile_name(context) in set(context.options["skip-profiles"]) and not is_pitch(document)
        yield from vague_demands(document, context, proposal)


def vague_demands(document: Document, context: RuleContext, proposal: bool) -> Iterator[Violation]:
    """This rule's findings."""
    criteria_lines: set[int] | None = None
    rows: dict[int, str] | None = None
    stories_checked_elsewhere: bool | None = None  # a document with acceptance criteria spells its stories out
    for statement in statements(document):
        reported = False
        runtime_only = proposal and not statement.requirement_id
        in_goals = False
        if runtime_only:
            if is_descriptive(statement.section):
                continue
            text = statement.text
            # one search (its first letters checked first): every statement of a proposal meets it
            found = _PROPOSAL_OR_HEDGE.search(text)
            if found is None:
                continue  # a design proposal's prose argues; only a run time or a cut-off it commits to is read
            # a design's goals commit it: "Eviction should be reasonably fair across tenants"
            in_goals = bool(_HEDGE.search(text)) and any(
                each.heading is not None and bool(_GOALS_TITLE.match(each.title))
                for each in (statement.section, *statement.section.ancestors()))
            if not (in_goals or _PROPOSAL_WORDS.search(text)):
                continue
        if statement.kind == "paragraph" and not statement.requirement_id and _introduces_a_list(statement) \
                and not requirement_shape(statement, proposal):
            continue
        labelled = requirement_shape(statement, proposal)
        if is_user_story(statement.text):
            if stories_checked_elsewhere is None:
                picture = commitments(document, context)
                stories_checked_elsewhere = bool(picture.criteria) or any(r.criteria for r in picture.requirements)
            if not stories_checked_elsewhere:
                yield from _vague_want(statement)
            continue
        if is_descriptive(statement.section) and not labelled:
            continue
        requirement = labelled or statement.is_requirement and (
            statement.in_requirements or statement.requirement_id is not None or statement.kind != "paragraph")
        hedged = search(_HEDGED_DEMAND, statement.segments) if _HEDGE_OR_DEGREE.search(statement.text) else ()
        for hit in chain(search(_VAGUE_DEMAND, statement.segments), hedged):
            if runtime_only and not (hit.match.group("runtime")
                                     or hit.match.group("proximity") and _RFC2119.search(hit.sentence)
                                     or _group(hit.match, "hedge") and in_goals):
                continue
            if hit.match.group("runtime") and not runtime_only:
                continue  # outside a design proposal, vague-quality (WD008) names "a reasonable amount of time"
            if not (requirement or _MODAL.search(hit.sentence)):
                continue  # "the page loads quickly today": a description, not a demand
            if not _is_demand(hit.match, hit.sentence, hit.source_sentence):
                continue
            name = next(name for name in ("adjective", "adverb", "preverb", "phrase", "runtime", "proximity", "hedge", "degree",
                                         "hardware")
                        if _group(hit.match, name))
            if _measured_elsewhere(hit.match, name, statement, document):
                continue
            if statement.kind == "table-cell":
                if rows is None:
                    rows = _row_texts(document)
                if _DIGIT.search(without_names_with_digits(_NOT_A_VALUE.sub(" ", rows.get(hit.span.start.line, "")))):
                    continue  # "| Speed | Opening must be quick | Door opens within 3 s |": the row gives the value
            if criteria_lines is None:
                criteria_lines = _lines_uncheckable_criterion_reports(document, context)
            if hit.span.start.line in criteria_lines:
                continue  # one defect, one finding: uncheckable-criterion (AC003) reports it
            written = " ".join(hit.match.group(name).split())
            yield Violation(_at_word(hit.span, hit.match, name), f"vague requirement '{written}': state the value or the "
                                                                  "behaviour a tester can check (a time, a count, a message, a state)")
            reported = True
            break  # one finding per statement
        else:
            if runtime_only:
                continue
            for hit in search(_FOREIGN_DEMAND, statement.segments):
                if not _is_foreign_demand(hit.match, hit.sentence, hit.source_sentence) \
                        or _measured_elsewhere(hit.match, "foreign", statement, document):
                    continue
                if criteria_lines is None:
                    criteria_lines = _lines_uncheckable_criterion_reports(document, context)
                if hit.span.start.line in criteria_lines:
                    continue
                written = " ".join(hit.match.group("foreign").split())
                yield Violation(_at_word(hit.span, hit.match, "foreign"), f"vague requirement '{written}': state the "
                                "value or the behaviour a tester can check (a time, a count, a message, a state)")
                reported = True
                break
        if not reported and requirement and (_MODAL.search(statement.text) or labelled):
            for violation in _comparative_without_baseline(statement):
                reported = True
                yield violation
        if not reported and not runtime_only and (requirement or _in_visual_design(statement)):
            yield from _vague_dimension(statement, document)


#: A comparative the requirement demands with nothing to compare against: "combined with more granular data",
#: "shall return less stale results". Read as a shape (more/less + an adjective's ending), not as a word list.
#: Not: "more than 5", "one or more", "no more", "more specific than the route's", "more data" (a noun).
_COMPARATIVE = lazy_compile(
    r"(?<!\bone\sor\s)(?<!\bno\s)(?<!\bany\s)(?<!\bonce\s)(?<!\bmuch\s)(?<!\beven\s)(?<!\bfar\s)"
    r"(?<![\w-])(?P<comparative>(?:more|less)\s+[a-z]+(?:ular|ate|ive|ed|ful|ble|ent|ant|ic|ous|ise|ose))(?![\w-])"
    r"(?![^.;:\n]{0,60}?\bthan\b)",
    re.I,
)
#: A comparative with its baseline in the sentence: "more granular data than the hourly table", "as granular as".
_BASELINE = lazy_compile(r"\b(?:than|compared\s+(?:to|with)|relative\s+to|versus|vs\.?)\b", re.I)


def _comparative_without_baseline(statement: Statement) -> Iterator[Violation]:
    """The first comparative of a requirement that names no baseline: "more granular than what?"."""
    for hit in search(_COMPARATIVE, statement.segments):
        if _BASELINE.search(hit.match.string, hit.match.end(), hit.match.end() + 80) or _QUESTION.search(hit.sentence) \
                or in_rationale(hit.match):
            continue
        written = " ".join(hit.match.group("comparative").split())
        yield Violation(_at_word(hit.span, hit.match, "comparative"), f"vague requirement '{written}': {written} than "
                        "what? Name the baseline, or state the value itself")
        return


#: A visual dimension that always has a unit, sized with a word instead ("generous line height", "large touch
#: targets", "sufficient contrast"): the designer cannot build it and a reviewer cannot check it.
_VAGUE_DIMENSION = lazy_compile(
    r"(?<![\w-])(?P<dimension>(?:generous|ample|comfortable|adequate|sufficient|enough|plenty\s+of|large|big|small|tight|roomy)"
    r"\s+(?:line[- ]heights?|line[- ]spacing|letter[- ]spacing|leading|spacing|padding|margins?|white[- ]?space|gutters?|"
    r"(?:touch|tap|click)[- ]targets?|hit[- ]areas?|font[- ]sizes?|text[- ]sizes?|contrast|corner[- ]radius|border[- ]radius))"
    r"(?![\w-])",
    re.I,
)
#: Sections that hold a design's visual requirements: "Design language", "Accessibility", "UI", "Look and feel".
_VISUAL_DESIGN_TITLE = lazy_compile(
    r"\b(?:design\s+(?:language|system|requirements|guidelines|principles)|visual(?:\s+design)?|ui|ux|user\s+interface|"
    r"look\s+and\s+feel|styl(?:e|ing)(?:\s+guide)?|typography|layout|accessibility|a11y)\b", re.I)
#: What is already there is kept, not specified: "Keep large touch targets and mobile-first behaviour".
_KEPT = lazy_compile(r"^\W*(?:keep|preserve|maintain|retain|continue\s+to)\b", re.I)
#: Where the clause ends: "generous line height; max width ~65ch" gives a value to the width, not to the height.
_CLAUSE_END = lazy_compile(r"[;.]\s|[;.]$|\n")


def _in_visual_design(statement: Statement) -> bool:
    """The statement is an item of a section about the visual design (or one of its subsections)."""
    return statement.kind == "list-item" and any(
        each.heading is not None and bool(_VISUAL_DESIGN_TITLE.search(each.title))
        for each in (statement.section, *statement.section.ancestors()))


def _vague_dimension(statement: Statement, document: Document) -> Iterator[Violation]:
    """The first visual dimension of a design requirement sized with a word and no value in its clause."""
    if _KEPT.match(statement.text):
        return
    for hit in search(_VAGUE_DIMENSION, statement.segments):
        text = hit.match.string
        begin = max(text.rfind(";", 0, hit.match.start()), text.rfind(". ", 0, hit.match.start()), -1) + 1
        found = _CLAUSE_END.search(text, hit.match.end())
        clause = text[begin: found.start() if found else len(text)]
        if _DIGIT.search(without_names_with_digits(clause)) or _QUESTION.search(hit.sentence) or in_rationale(hit.match) \
                or _NEGATED.search(text, max(0, hit.match.start() - 30), hit.match.start()) \
                or _measured_elsewhere(hit.match, "dimension", statement, document):
            continue
        written = " ".join(hit.match.group("dimension").split())
        yield Violation(_at_word(hit.span, hit.match, "dimension"), f"vague requirement '{written}': give the value "
                        "(a size in px or pt, a ratio such as 4.5:1) or the design token it uses")
        return


def _group(match: re.Match[str], name: str) -> str | None:
    """A named group of either demand pattern (each has groups the other lacks)."""
    return match.groupdict().get(name)


# A priority, a version or an ID in a table row is not a value: "| FR-1 | Fast search | P0 |".
_NOT_A_VALUE = lazy_compile(r"\b(?:[PS]\d|v\d+(?:\.\d+)*)\b|\b[A-Z]{1,6}(?:-[A-Z]{2,8})?-\d{1,5}(?:\.\d{1,3})*[a-z]?\b", re.I)
_ROW_NUMBER = lazy_compile(r"^[\s*_#]*\d{1,4}\.?[\s*_]*$")


def _row_texts(document: Document) -> dict[int, str]:
    """Each table row's text by line, without the cells that only number the row ("| 3 | ... |")."""
    return {row.span.start.line: " | ".join(cell.text for cell in row.cells if not _ROW_NUMBER.match(cell.text))
            for row in table_rows(document)}


def _measured_elsewhere(match: re.Match[str], group: str, statement: Statement, document: Document) -> bool:
    """The vague word's measure is given outside its sentence: in the next sentence of the same
    statement ("must be fast. It renders in under 800 ms"), at a place the sentence points to ("scalable
    to the load below", "quickly (see SC-002)"), in the document's glossary ("**Responsive**: ..."); or
    the word is a question ("**Will it be fast?**"). "Responsive" in a statement or section about
    screens and breakpoints is layout."""
    text, end = match.string, match.end()
    word = match.group(group) or ""
    if asked(text, end) or points_to_measure(text, end) or measured_next(text, end) or is_defined(word, document):
        return True
    if word.lower() == "responsive":
        section_text = " ".join(block.text for block in statement.section.iter_blocks() if hasattr(block, "text"))
        return bool(_LAYOUT.search(statement.text) or _LAYOUT.search(statement.section.title) or _LAYOUT.search(section_text))
    return False


# A user story whose want is a vague quality: "I want the ticket view to be fast", "quiero que el panel sea
# rápido", "möchte ich, dass die Erfassung intuitiv ist", "je veux que l'écran soit convivial".
_VAGUE_WANT = lazy_compile(
    r"\bI\s+(?:want|need|would\s+like)\s+(?:(?!so\s+that\b)[\w'’-]+\s+){1,6}?to\s+(?:be|feel|stay|remain|look)\s+"
    r"(?:very\s+|more\s+|really\s+)?(?P<adjective>" + _ADJECTIVES + r")(?![\w-])"
    r"|(?<![\w-])(?:quiero|necesito|deseo|möchte|will|brauche|veux|souhaite|voudrais)\b[^.;:!?\n]{0,80}?"
    r"(?<![\w'’-])(?P<foreign>" + _alternation(languages.VAGUE_DEMANDS) + r")(?![\w-])",
    re.I,
)
# Where the want ends and its reason begins.
_STORY_REASON = lazy_compile(r"\b(?:so\s+that|damit|um\b|para|afin|pour\s+que|pour)\b", re.I)


def _vague_want(statement: Statement) -> Iterator[Violation]:
    """The vague quality a user story wants, in a document with no acceptance criteria to spell it out."""
    for hit in search(_VAGUE_WANT, statement.segments):
        if _STORY_REASON.search(hit.match.group(0)) or _DIGIT.search(hit.source_sentence):
            continue  # the word is in the reason ("so that I can work quickly"), or a value goes with it
        name = "adjective" if hit.match.group("adjective") else "foreign"
        written = " ".join(hit.match.group(name).split())
        yield Violation(_at_word(hit.span, hit.match, name), f"vague quality '{written}' in a user story with no acceptance "
                        "criteria: say what the user observes (a time, a count, a message, a state)")
        return


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
    if _DIGIT.search(without_names_with_digits(without_outline_number(source_sentence))) or _QUESTION.search(sentence) or in_rationale(match):
        return False
    if _NEGATED.search(text, max(0, match.start() - 30), match.start()):
        return False
    window = text[max(0, match.start() - 20): match.end() + 20]
    if _EXCEPTIONS.search(window):
        return False
    word = (match.group("adjective") or match.group("adverb") or match.group("preverb") or "").lower()
    after = text[match.end(): match.end() + 40]
    if word == "secure" and (_SECURITY_MEANS.search(sentence) or _SECURE_AGAINST.match(after)):
        return False  # "secure: TLS 1.3, tokens hashed", "secure against replay (nonce per request)"
    if word in _BARE_ONLY_WHEN_DEMANDED and not _DEMANDED.match(match.group(0)):
        return False  # "so one retry is safe": a property stated, not a quality demanded
    if word == "responsive" and _LAYOUT.search(sentence):
        return False  # "responsive on mobile and desktop": a checkable layout quality
    if word in ("seamless", "seamlessly", "smooth", "smoothly") and _INTEGRATION_AFTER.match(after):
        return False  # "works seamlessly with Slack": an integration
    if _group(match, "hardware"):
        return not _HARDWARE_SIZED.match(after)  # "modern hardware (8 cores, 16 GB)": what follows the parenthesis is sized
    if _SPELLED_OUT.match(after) and not (match.group("adjective") and _AND_ANOTHER_DEMAND.match(after)) \
            and not (_RESPONDS_TO.match(match.group(0)) and _TO.match(after)):
        return False  # "gracefully (retry 3 times)", "degrades gracefully to read-only mode"
    return True


# The reference machine spelled out right after it: "modern hardware (4 cores, 8 GB RAM)", "commodity servers such as ...".
_HARDWARE_SIZED = lazy_compile(r"^\s*(?:,\s*)?(?:[(:\[—–]|such\s+as|e\.g\.|i\.e\.|like|with\s+(?:at\s+least\s+)?\S*\d)", re.I)


def _is_foreign_demand(match: re.Match[str], sentence: str, source_sentence: str) -> bool:
    """A German, Spanish or French vague demand, unless a value, a question, a reason or a negation goes with it."""
    if _DIGIT.search(without_names_with_digits(without_outline_number(source_sentence))) or _QUESTION.search(sentence) or in_rationale(match):
        return False
    if _FOREIGN_NEGATION.search(match.group("clause")) or _FOREIGN_NEGATION.search(match.string[max(0, match.start() - 8):
                                                                                                  match.start()]):
        return False
    return not _SPELLED_OUT_FOREIGN.match(match.string, match.end())


# "muss schnell sein: p95 unter 300 ms" has a digit; "debe ser rápido (ver SLA-2)" names where the value is.
_SPELLED_OUT_FOREIGN = lazy_compile(r"\s*(?:\(|:\s*\S)")


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



