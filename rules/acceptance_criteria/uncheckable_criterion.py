"""AC003 uncheckable-criterion: an acceptance criterion whose outcome nobody can observe or test."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Span, Table, TextSegment
from speclint.document.text import find_all, mask_invisible
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.commitments import commitments
from speclint.reading.metrics import judged_sufficiency, perceived_outcome, success_direction
from speclint.reading.normative import has_quantity
from speclint.reading.requirements import Criterion, Requirement, plain

_ADJECTIVES = (
    r"fast|faster|quick|quickly|snappy|responsive|performant|efficient|intuitive|user[- ]friendly|easy(?: to use)?|"
    r"simple|seamless|seamlessly|smooth|smoothly|clean|nice|good|great|better|improved|robust|reliable|stable|"
    r"acceptable|satisfactory|appropriate|reasonable|optimal|optimized|scalable|flexible|modern|polished|"
    r"well[- ]designed|high[- ]quality|delightful|clear|obvious|convenient|accurate"
)
# Judgements no added detail makes checkable: "shows recommendations that match their taste" names
# something shown, and still nobody can say whether it passed.
_JUDGEMENTS_PATTERN = (
    r"(?:feels?|seems?|looks?)\s+(?:snappier|faster|smoother|quicker|better|nicer|cleaner|more\s+(?:responsive|intuitive|natural|modern))"
    r"|match(?:es)?\s+(?:their|the\s+user'?s?|users'?|your|his|her)\s+(?:taste|tastes|preferences|style|expectations)"
    r"|(?:are|is|be|feel|feels)\s+treated\s+fairly"
    r"|(?:relevant|suitable|right)\s+(?:[\w-]+\s+){0,2}?(?:options?|results?|suggestions?|choices?)\s+(?:are|is)\s+"
    r"(?:available|shown|displayed|presented|offered)"
    # "returns accurate online peers", "emits accurate counters", "expose reliable status": accurate or reliable
    # against what, and how often, is never said (not "accurate to within 5 m", "accurate (matches the ledger)")
    r"|(?:returns?|exposes?|emits?|provides?|reports?|produces?|gives?)\s+(?:an?\s+|the\s+)?(?:accurate|reliable)\s+"
    r"[\w-]+\b(?![^.;\n]{0,40}(?:\bwithin\b|\bto\s+within\b|\(|:|\bmatch\w*|\d))"
)
JUDGEMENT = lazy_compile(r"\b(?:" + _JUDGEMENTS_PATTERN + r")", re.I)

#: Words that judge how something is experienced: what a person finds, perceives or feels it to be.
_EXPERIENCE = (
    r"easy|easier|clear|clearer|intuitive|simple|helpful|useful|pleasant|enjoyable|fair|transparent|complete|"
    r"trustworthy|comfortable|confident|natural|friendly|user[- ]friendly|professional|satisfying|convenient|"
    r"straightforward|understandable|readable|attractive|appealing|engaging|valuable|reassuring|delightful|"
    r"pleasing|smooth|seamless|effortless|fun"
)
_PEOPLE = (
    r"(?:users?|customers?|members?|guests?|parents?|visitors?|people|everyone|staff|employees?|patients?|"
    r"students?|shoppers?|buyers?|sellers?|hosts?|nurses?|doctors?|clients?|players?|readers?|admins?|"
    r"(?!(?:server|browser|controller|scheduler|worker|container|consumer|broker|router|handler|provider|"
    r"resolver|issuer|verifier|client|computer|adapter|listener|parser|loader|manager|monitor|sensor|"
    r"processor|connector|indexer|renderer|player)s?\b)[a-z]+(?:er|or|ist|ant|ent|ian)s?|she|he|they)"
)
#: A person's perception as the outcome: "the adjuster finds the layout intuitive", "in a way riders
#: find clear", "perceives the summary as complete", "teachers feel confident", "users will love it",
#: "the lead is comfortable approving", "customers are happy with what they receive", "fair to both
#: guests", and the same in Spanish, German and French ("percibe que el cálculo es justo",
#: "empfindet die Ansicht als übersichtlich", "trouvent le formulaire agréable"). However concrete the
#: words around it, nobody can say whether it passed; a survey score or rating makes it checkable.
PERCEPTION = lazy_compile(
    r"\b(?:"
    r"(?:find|finds|found|consider|considers|deem|deems)\s+(?:[\w'-]+\s+){0,5}?(?:to\s+be\s+)?"
    r"(?:very\s+|more\s+|really\s+|quite\s+|fully\s+)?(?:" + _EXPERIENCE + r")\b"
    r"|perceive[sd]?\s+(?:[\w'-]+\s+){0,5}?as\s+(?:[\w'-]+\s+)?(?:" + _EXPERIENCE + r")\b"
    r"|(?:feel|feels|felt)\s+(?:that\s+)?(?:[\w'-]+\s+){0,5}?(?:is|are|was|were)\s+(?:" + _EXPERIENCE + r")\b"
    r"|(?:feel|feels)\s+(?:very\s+|more\s+|fully\s+)?(?:confident|comfortable|safe|secure|happy|satisfied|"
    r"in\s+control|informed|valued|respected|reassured|welcome)\b"
    r"|(?:is|are|be|feel|feels|remain|remains|stay|stays)\s+(?:very\s+|more\s+|fully\s+)?(?:happy|satisfied|pleased|"
    r"delighted|comfortable|confident)\s+(?:with|about|approving|using|to|when|that)\b"
    r"|" + _PEOPLE + r"\s+(?:will\s+|would\s+|should\s+)?(?:love|loves|enjoy|enjoys|trust|trusts|appreciate|"
    r"appreciates)\s+(?:the|this|their|our|its|using|it|every)\b"
    r"|(?:fair|equitable)\s+(?:to|for)\s+(?:both|all|every|each|everyone)\b"
    r"|(?:percibe|perciben|siente|sienten|considera|consideran|encuentra|encuentran)\s+(?:que\s+)?"
    r"(?:[\wáéíóúñ]+\s+){0,5}?(?:(?:es|son|como|está|están)\s+)?(?:muy\s+|más\s+)?(?:just[oa]s?|transparentes?|"
    r"sencill[oa]s?|f[áa]cil(?:es)?|clar[oa]s?|intuitiv[oa]s?|[úu]til(?:es)?|agradables?|c[óo]mod[oa]s?|fluid[oa]s?|"
    r"amigables?)\b"
    r"|(?:empfindet|empfinden|findet|finden|h[äa]lt|halten)\s+(?:[\wäöüß]+\s+){0,5}?(?:als\s+)?(?:sehr\s+)?"
    r"(?:übersichtlich|einfach|klar|intuitiv|fair|gerecht|transparent|hilfreich|angenehm|verständlich|nützlich|"
    r"benutzerfreundlich)\b"
    r"|(?:trouve|trouvent|per[çc]oit|per[çc]oivent|ressent|ressentent|juge|jugent)\s+(?:que\s+)?"
    r"(?:[\wéèêàç']+\s+){0,5}?(?:(?:est|sont|comme)\s+)?(?:très\s+)?(?:agréables?|simples?|claire?s?|"
    r"intuiti(?:f|ve)s?|justes?|équitables?|transparente?s?|utiles?|pratiques?|faciles?|fluides?)\b"
    r")",
    re.I,
)
#: What makes a perception checkable: a survey, score or rating that measures it ("rate it 4 out of 5",
#: "CSAT of at least 4.2", "80% of testers"); a digit in a name ("arm64") measures nothing.
_MEASURED = lazy_compile(r"\b(?:scores?|ratings?|rates?|rated|surveys?|csat|nps|sus)\b|\d\s*(?:%|/\s*\d|out\s+of\b|percent\b)",
                         re.I)
#: The same judgements in German, Spanish and French criteria ("funktioniert wie erwartet",
#: "responde rápidamente", "fonctionne correctement").
_FOREIGN_VAGUE = (
    r"funktionier(?:t|en)\s+(?:wie\s+erwartet|korrekt|richtig|einwandfrei|reibungslos|gut)|wie\s+erwartet"
    # a copula and a judgement, as "is clear", "is stable" in English
    r"|(?:ist|sind)\s+(?:sehr\s+|ausreichend\s+)?(?:intuitiv|benutzerfreundlich|performant|schnell|übersichtlich|einfach|"
    r"klar|verständlich|ansprechend|angenehm|stabil|zuverlässig|flüssig|lesbar|ansprechend)\b"
    r"|(?:funciona|funcionan|responde|responden|carga|cargan|opera|se\s+muestra)\s+(?:correctamente|bien|"
    r"r[áa]pidamente|adecuadamente|sin\s+problemas)|como\s+se\s+esperaba|de\s+forma\s+(?:intuitiva|adecuada|fluida)"
    r"|(?:es|son|sea|sean)\s+(?:muy\s+|suficientemente\s+)?(?:intuitiv[oa]s?|f[áa]cil(?:es)?(?:\s+de\s+usar)?|fluid[oa]s?|"
    r"[áa]gil(?:es)?|sencill[oa]s?|clar[oa]s?|agradables?|estables?|amigables?|legibles?|r[áa]pid[oa]s?|fiables?)\b"
    r"|fonctionne(?:nt)?\s+(?:correctement|bien|comme\s+pr[ée]vu)|comme\s+pr[ée]vu|r[ée]pond(?:ent)?\s+rapidement"
    r"|(?:est|sont)\s+(?:très\s+|suffisamment\s+)?(?:intuiti(?:f|ve)s?|ergonomiques?|fluides?|claire?s?|lisibles?|"
    r"agréables?|simples?|stables?|fiables?|rapides?|conviviale?s?)\b|de\s+mani[èe]re\s+(?:fluide|intuitive|appropri[ée]e)"
)
#: Words after which "work" is not a verb ("the work", "ready to work") or "works" is not the claim ("continues to
#: work", "still works": today's behaviour is the check; "buttons, arrow keys, dot clicks all work": each named
#: control does what its label says).
_NOT_A_WORKS_CLAIM = r"(?<!n't\s)" + "".join(rf"(?<!\b{word}\s)" for word in (
    "the", "a", "this", "that", "their", "our", "your", "its", "of", "no", "some", "more", "less", "to", "at", "from",
    "in", "for", "continue to", "continues to", "still", "not", "all", "both"))
#: An outcome that is only that something works, at most with a scope: "Thread bindings work across all accounts",
#: "Export works for every workspace independently", "The import works." What a tester observes is never said.
_SCOPE_OF_WORKING = (r"\s+(?:across|for|on|in|within|throughout)\s+(?:all|every|each|both|any|multiple|the\s+(?:whole|entire))\b"
                     r"[^.;:()\n]*|\s+(?:independently|everywhere|end[- ]to[- ]end)")
#: "works on a realistic fixture", "works with the minimal and zero profiles": what it works on is the set-up; what a
#: tester sees when it works is still not said. Not when the sentence goes on to a result ("works with the legacy
#: format and creates one order per line").
_CONDITION_OF_WORKING = r"\s+(?:on|with|against)\s+(?![^.;:()\n]*\b(?:and|then|so|but)\s+[a-z]+s\b)[^.;:()\n]+"
_ONLY_WORKS = (_NOT_A_WORKS_CLAIM + r"(?:(?:works?|functions?|operates?)(?:" + _SCOPE_OF_WORKING + r")+"
               r"|works?(?:" + _CONDITION_OF_WORKING + r")?)(?=\s*[.;!]?\s*$)")
#: A clause whose outcome is only that something is done correctly: "both turns append correctly", "known fields
#: parse correctly", "new events are folded in correctly". The expected result is what a tester needs.
_ONLY_CORRECTLY = r"(?P<only_correctly>[\w-]+(?:\s+(?:in|up|out|back|through))?\s+(?:correctly|properly))(?=\s*[.;!]?\s*$)"


#: Outcomes that cannot be observed: each is a phrase a tester cannot turn into a pass or a fail.
VAGUE_OUTCOME = lazy_compile(
    r"\b(?:"
    r"works?\s+(?:well|fine|properly|correctly|as\s+(?:expected|intended|designed)|smoothly|seamlessly|great|reliably)"
    r"|(?:behaves?|functions?|performs?|runs?|operates?|responds?)\s+(?:well|correctly|properly|as\s+expected|"
    r"as\s+intended|smoothly|reliably|fine)"
    r"|(?:is|are|be|feels?|looks?|seems?|remains?|stays?)\s+(?:very\s+|more\s+|reasonably\s+|sufficiently\s+)?"
    r"(?:" + _ADJECTIVES + r")\b(?!\s*(?:than|within|under|below|above|at\s+least|:|\())"
    r"|(?:users?|customers?|people|stakeholders?|admins?|the\s+team)\s+(?:are|is|feel|feels|will\s+be|should\s+be)\s+"
    r"(?:happy|satisfied|delighted|pleased|comfortable|confident)"
    r"|(?:good|great|better|seamless|smooth|intuitive|improved|excellent|positive|pleasant)\s+(?:user\s+)?experience"
    r"|(?:handled|managed|processed|dealt\s+with)\s+(?:properly|correctly|gracefully|appropriately|well)"
    r"|as\s+expected|as\s+appropriate|no\s+(?:issues|problems)"
    # "the rider is charged correctly", "totals are calculated properly": the expected value is what a tester needs
    r"|(?:is|are|be|been|gets?|get)\s+(?:charged|billed|calculated|computed|priced|credited|debited|refunded|paid|rounded|"
    r"applied|allocated|split|prorated|taxed|converted)\s+(?:correctly|properly|accurately|appropriately|fairly|right)"
    r"(?!\s*[(:])"
    # "the timetable is acceptable to the deputy head", "to the satisfaction of the product owner": one person's opinion
    r"|(?:is|are|be)\s+acceptable\s+to\s+(?:the\s+|our\s+|a\s+|an\s+)?[\w-]+|to\s+the\s+(?:full\s+)?satisfaction\s+of\b"
    # "displays correctly", "feels snappier", "matches their taste", "users are treated fairly",
    # "relevant options are available": judgements with nothing a tester can compare against
    r"|(?:displays?|displayed|shows?|shown|renders?|rendered|appears?)\s+(?:(?!the\b|an?\b)[\w-]+\s+){0,2}?"
    r"(?:correctly|properly|as\s+expected)(?!\s*[(:])"  # "renders charts correctly"
    r"|" + _JUDGEMENTS_PATTERN +
    r"|(?:is|are)\s+(?:implemented|supported|done|complete|completed|in\s+place|handled|working)(?=\s*[.;]?\s*$)"
    # "loads quickly", "in a timely manner", "without noticeable delay", "meets user expectations"
    r"|(?:loads?|responds?|updates?|syncs?|refresh(?:es)?|opens?|starts?|appears?|completes?)\s+"
    # not when a parenthesis or a bound says what it means: "loads instantly on revisit (no AI call)"
    r"(?:quickly|fast|promptly|instantly|smoothly|seamlessly)(?![^()\n]{0,40}\(|\s*(?::|,?\s*(?:within|under|in\s+(?:under|less)|below)))"
    r"|in\s+a\s+timely\s+(?:manner|fashion)|without\s+(?:any\s+)?noticeable\s+(?:delay|lag|latency)"
    r"|meets?\s+(?:the\s+)?(?:user|customer|their|users'?|customers'?)\s+(?:expectations|needs)"
    r"|(?:results?|suggestions?|recommendations?|matches)\s+(?:are|is)\s+relevant\b(?!\s+(?:to|for)\b)"
    r"|" + _FOREIGN_VAGUE +
    # the outcome is only that something "works", with at most a scope: "Thread bindings work across all accounts",
    # "Export works for every workspace independently"; what a tester observes when it works is never said. Not
    # "continues to work" / "still works" (today's behaviour is the check), nor "buttons, arrow keys, dot clicks all
    # work" (each named control does what its label says)
    r"|" + _ONLY_WORKS +
    r"|" + _ONLY_CORRECTLY +
    r")",
    re.I,
)

#: Something a tester can check: a number, a quoted string, code, a status, a named UI element, a
#: comparison. One of these next to a vague word makes the criterion checkable ("fast: under 200 ms").
_CONCRETE = lazy_compile(
    r"\d|`[^`]+`|\"[^\"]+\"|“[^“”]+”|'[^']{2,}'|\b(?:displays?|shows?|returns?|receives?|redirect(?:s|ed)?|"
    r"contains?|lists?|sends?|emails?|exports?|downloads?|saves?|creates?|deletes?|rejects?|disables?|"
    r"enables?|logs?|records?|exit(?:s|\s+code)?|status|message|error|within|under|less\s+than|more\s+than|"
    r"at\s+most|at\s+least)\b",
    re.I,
)
_THEN = lazy_compile(r"(?:\*\*|__)?\bthen\b(?:\*\*|__)?", re.I)


#: A decision record's "Confirmation" (MADR 3+), in the languages read.
_CONFIRMATION_TITLE = lazy_compile(r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:confirmation|bestätigung|confirmación|conferma|confirmação)\W*$",
                                   re.I)
#: What makes a confirmation checkable without a number: a test, a check or a measurement it names.
_CHECK = lazy_compile(
    r"\b(?:tests?|tested|testing|drills?|checks?|checked\s+(?:by|with|in|against)\s+(?:a|an|the)\s+\w+|reviews?|lint\w*|audits?|"
    r"benchmarks?|alerts?|dashboards?|metrics?|monitor\w*|probes?|exercises?|jobs?|reports?|replay\w*|assert\w*|"
    r"measur\w*|fitness|archunit|ci|pipeline|surveys?|counts?|compar\w*|quer(?:y|ies)|scripts?|canary|experiments?|"
    r"sondes?|prueba\w*|pruebas|tests?|prüf\w*|messung\w*|verifica\w*|teste\w*|mesur\w*|contrôle\w*)\b", re.I)
#: Template guidance left in place: "{Describe how ...}".
_TEMPLATE = lazy_compile(r"^\s*[{<\[]")


def _confirmations(document: Document) -> Iterator[Violation]:
    """A decision record's Confirmation that names no check and no figure: "Compliance is confirmed by the platform team
    once the SDK has been rolled out to all services" passes on a team's say-so."""
    for section in document.root.walk():
        if section.heading is None or not _CONFIRMATION_TITLE.match(section.title):
            continue
        blocks = [block for block in section.iter_blocks() if getattr(block, "segments", None)]
        text = "\n".join(block.text for block in blocks)
        if not text.strip() or _TEMPLATE.match(text) or has_quantity(text) or _CHECK.search(text) or perceived_outcome(text) \
                or success_direction(text) or judged_sufficiency(text):
            # empty, a template's guidance, a figure or a named check; a feeling, a direction or a sufficiency with no
            # level ("checking that updates are reliable enough") names its check and misses the figure: MS004's
            continue
        first = blocks[0].segments[0]
        yield Violation(Span.of(first.line, first.column, first.line, first.column + len(first.text)),
                        "confirmation names no check: say what is tested, measured or reviewed, and the result that "
                        "confirms the decision")


class UncheckableCriterion(Rule):
    """Flags an acceptance criterion whose outcome cannot be observed: "works well", "users are happy", "is fast".

    **What it flags.** A criterion (a list item under an acceptance-criteria heading or label, the
    *Then* part of a Given/When/Then scenario, a gherkin `Then` step, an EARS clause, a criteria
    table cell) whose outcome is only a vague judgement: "works as expected", "is fast",
    "is user-friendly", "users are happy", "a seamless experience", "is handled properly",
    "is implemented", or only that something works, at most with a scope ("Thread bindings work
    across all accounts", "works on the staging tenant"; not "continues to work", which today's
    behaviour checks, nor "responsive and works on phones", a layout claim), a clause that is only
    done "correctly" ("partial refunds reconcile correctly"; not an action on a named object, "update
    the browser history correctly"), or "returns accurate X" with no tolerance. Each clause between
    semicolons is judged alone. A criterion that also names something concrete (a number, a quoted message,
    code, a status, a page element, a comparison such as "within" or "at most") is checkable and
    is not flagged. In a scenario only the outcome after *Then* is read, so "Given a fast
    connection" is fine. The same judgements in German, Spanish and French criteria, including a
    copula and a judgement ("Die Ansicht ist übersichtlich", "El alta es ágil", "La page est claire
    et lisible"). A decision record's *Confirmation* (MADR) that names no check and no figure is
    read as its criterion: "Compliance is confirmed by the platform team once the SDK is rolled out"
    passes on a team's say-so (a named test, review, drill, metric or alert, or a number, makes it
    checkable; a feeling, a direction or a sufficiency with no level, "reliable enough", there is
    measurability's).

    **Why it matters.** A criterion exists to turn "done" into pass or fail. "The upload works
    well" passes for the author and fails for the reviewer; the argument happens after the work.

    **Example**

    ```markdown
    **Acceptance criteria**:
    - Search is fast.
    - Given a saved card, when the user pays, then the checkout works as expected.
    ```

    **Use instead**

    ```markdown
    **Acceptance criteria**:
    - Search returns the first page of results within 300 ms (p95) for 1 million products.
    - Given a saved card, when the user pays, then the order page shows "Payment received".
    ```
    """

    id = "AC003"
    name = "uncheckable-criterion"
    category = Category.ACCEPTANCE_CRITERIA
    default_level = Level.WARNING
    options = (
        Option("extra-phrases", "list[str]", [], "More vague outcome phrases (regular expressions, case-insensitive)."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        picture = commitments(document, context)
        extra = [re.compile(phrase, re.I) for phrase in context.options["extra-phrases"]]
        # a criteria cell of a requirements table is read both as its row's criterion and as one of the document's
        # criteria, as two objects: one criterion, one finding
        seen: set[tuple[int, int, str]] = set()
        criteria = [c for r in picture.requirements for c in r.criteria if c.explicit] + picture.criteria
        for criterion in criteria:
            key = (criterion.span.start.line, criterion.span.start.column, criterion.text)
            if key in seen:
                continue
            seen.add(key)
            yield from self._check_criterion(criterion, extra)
        for requirement in picture.requirements:
            statement = _verified_statement(requirement)
            if statement is not None:
                yield from self._check_criterion(statement, extra)
        checked_cells = {id(criterion.block) for criterion in criteria}
        for statement in _verified_rows(document):
            if id(statement.block) not in checked_cells:
                yield from self._check_criterion(statement, extra)
        yield from _confirmations(document)

    def _check_criterion(self, criterion: Criterion, extra: list[re.Pattern[str]]) -> Iterator[Violation]:
        for segments in (clause for outcome in _outcomes(criterion) for clause in _clauses(outcome)):
            outcome = "\n".join(segment.text for segment in segments)
            if _CONCRETE.search(_without_vague(outcome)):
                patterns = [JUDGEMENT]  # checkable around it, but the judgement itself is not
            else:
                patterns = [VAGUE_OUTCOME, *extra]
            if not _MEASURED.search(outcome):
                patterns.append(PERCEPTION)  # a feeling stays a feeling whatever is named beside it
            for pattern in patterns:
                hit = next((found for found in find_all(pattern, segments)
                            if not _names_content(criterion.text, found[0])), None)
                if hit is not None:
                    match, span = hit
                    # quoted as written: the match ran on the text with code spans masked ("works with `zero` profiles")
                    written = outcome[match.start():match.end()] if len(match.string) == len(outcome) else match.group(0)
                    phrase = " ".join(written.split())
                    yield Violation(
                        span,
                        f"criterion outcome '{phrase}' cannot be checked: state what a tester observes "
                        "(a value, a message, a state, a limit)",
                    )
                    break


#: "document which imports are acceptable", "define what is reasonable": the vague word is the
#: subject of content to write, not a quality of the outcome.
_NAMING_CONTENT = lazy_compile(r"\b(?:which|what|whether|how|when)\b[^.;:]{0,60}$|"
                             # "the list displays correctly": a noun after its article, not the verb
                             r"(?<!the )(?<!an )(?<!a )(?<!each )\b(?:document|describe|define|specify|list|decide|agree\s+on)s?\b[^.;:]{0,40}$",
                             re.I)
#: "responsive on mobile and desktop": responsive layout is a checkable web criterion.
_RESPONSIVE_LAYOUT = lazy_compile(r"\b(?:mobile|screen|desktop|device|breakpoint|viewport|layout|tablet|browser)s?\b", re.I)


_INTEGRATION_AFTER = lazy_compile(r"\s+(?:with|into|alongside)\b", re.I)
_WORKS = lazy_compile(r"works?\b", re.I)
#: The object a "correctly" follows, led by its article: "update [the browser] history correctly"; not a subject
#: before its verb ("the events are folded in correctly").
_OBJECT_BEFORE = lazy_compile(
    r"\b(?:the|an?|its|their|this|that|each|every)\s+(?:(?!(?:is|are|be|been|was|were|get|gets)\b)[\w-]+\s+){0,2}$", re.I)


def _names_content(outcome: str, match: re.Match[str]) -> bool:
    """True when the vague phrase names what to write or decide, a checkable layout quality (`outcome` is the
    whole criterion: "WHEN on mobile devices THEN ... SHALL be responsive" is about layout), or an integration."""
    phrase = match.group(0).lower()
    if "responsive" in phrase and _RESPONSIVE_LAYOUT.search(outcome):
        return True
    if _WORKS.match(phrase) and _RESPONSIVE_LAYOUT.search(phrase) and "responsive" in outcome.lower():
        return True  # "SHALL be responsive and work on mobile devices": one layout claim, checked at its breakpoints
    if match.groupdict().get("only_correctly") and _OBJECT_BEFORE.search(match.string, max(0, match.start() - 60), match.start()):
        return True  # "SHALL update the browser history correctly": an action on a named object, not a bare "works"
    if phrase.endswith(("smoothly", "seamlessly")) and _INTEGRATION_AFTER.match(match.string, match.end()):
        return True  # "works smoothly with autocorrect and suggestions": what must work together is named
    before = match.string[max(0, match.start() - 80): match.start()]
    return bool(_NAMING_CONTENT.search(before))


def _without_vague(text: str) -> str:
    # "displays correctly 100% of the time": how often a judgement holds does not make it checkable;
    # "the list", "the export": a noun that reads like a checkable verb names the subject, not what is observed
    # "performs well under peak load": the load is the condition, not a bound on the outcome
    return _SUBJECT_NOUN.sub(" ", _HOW_OFTEN.sub(" ", _LOAD_CONDITION.sub(" ", VAGUE_OUTCOME.sub(" ", text))))


_LOAD_CONDITION = lazy_compile(
    r"\b(?:under|with(?:in)?|during)\s+(?:(?:peak|heavy|high|normal|typical|expected|realistic|production)\s+)?"
    r"(?:load|traffic|stress|usage|conditions|use)\b",
    re.I,
)


_SUBJECT_NOUN = lazy_compile(
    r"\b(?:the|a|an|each|every|this|that|its|their|our|your|any|all|der|die|das|den|el|la|los|las|le|les|un|une)\s+"
    r"(?:lists?|exports?|emails?|downloads?|logs?|"
    r"records?|displays?|shows?|returns?|saves?)\b(?!\s+(?:an?|the)\b)",
    re.I,
)


_HOW_OFTEN = lazy_compile(r"\b100\s*%\s+of\s+the\s+time\b", re.I)


#: A criterion that only names how the requirement is verified: "Test", "Demonstration", "T, I".
_METHOD = r"(?:(?:unit|integration|automated|manual|system|acceptance|end-to-end|e2e|ui)\s+)?(?:tests?|testing|" \
          r"demonstration|demo|inspection|analysis)"
_METHOD_ONLY = lazy_compile(r"^(?:" + _METHOD + r"|(?-i:[TDIA]))(?:\s*(?:[,/&+]|and|or)\s*(?:" + _METHOD +
                            r"|(?-i:[TDIA])))*$", re.I)
#: "**Verification:** Test", "Verification method: Demonstration" under a requirement's heading.
_METHOD_LABEL = lazy_compile(r"^\W*verification(?:\s+method)?\W*:\W*(?:" + _METHOD + r")(?:\s*(?:[,/&+]|and|or)\s*"
                             + _METHOD + r")*\W*$", re.I)


def _verified_statement(requirement: Requirement) -> Criterion | None:
    """The statement of a requirement whose section names only its verification method ("**Verification:**
    Demonstration" under "### REQ-4 ..."): the author declares it testable, so the statement is what the
    test checks. None for any other requirement."""
    if requirement.form != "section" or requirement.criteria:
        return None
    labels = [segment for segment in requirement.segments if _METHOD_LABEL.match(plain(segment.text))]
    segments = [segment for segment in requirement.segments if segment not in labels]
    if not labels or not segments:
        return None
    return Criterion("\n".join(segment.text for segment in segments), segments, requirement.span, "item")


_VERIFICATION_COLUMN = lazy_compile(r"^(?:verification(?:\s+method)?|verified\s+by|test\s+method|method\s+of\s+verification)$",
                                    re.I)
_STATEMENT_COLUMN = lazy_compile(r"^(?:requirements?|description|statement|requirement\s+text|text)$", re.I)


def _verified_rows(document: Document) -> Iterator[Criterion]:
    """The statement cell of each table row whose verification cell is only a method ("| The app shall
    display correctly on all devices. | Test |"): declared testable, so the statement is the criterion."""
    for _section, block in document.iter_blocks():
        if not isinstance(block, Table):
            continue
        names = [plain(name).strip() for name in block.columns]
        method = next((i for i, name in enumerate(names) if _VERIFICATION_COLUMN.match(name)), None)
        statement = next((i for i, name in enumerate(names) if _STATEMENT_COLUMN.match(name)), None)
        if method is None or statement is None:
            continue
        for row in block.rows:
            if max(method, statement) < len(row) and _METHOD_ONLY.match(plain(row[method].text).strip()):
                cell = row[statement]
                yield Criterion(cell.text, cell.segments, cell.span, "cell", cell)


def _outcomes(criterion: Criterion) -> Iterator[list[TextSegment]]:
    """The parts of a criterion that state its outcome, as segments."""
    if criterion.form == "gherkin":
        for segment in criterion.segments:
            step = re.match(r"(\s*)(Then|And|But)\b", segment.text)
            if step and _in_then_block(criterion.segments, segment):
                yield [segment]
        return
    if criterion.form == "scenario":
        visible = mask_invisible("\n".join(segment.text for segment in criterion.segments))
        then = _THEN.search(visible)
        if then is None:
            return  # AC004 reports a scenario without an outcome
        yield _segments_from(criterion.segments, then.end())
        return
    if criterion.form == "ears":
        # "WHEN a seller lists a product THE system SHALL ...": the trigger is set-up, the response is the outcome
        visible = mask_invisible("\n".join(segment.text for segment in criterion.segments))
        shall = None
        for shall in _SHALL.finditer(visible):
            pass
        if shall is not None:
            yield _segments_from(criterion.segments, shall.end())
            return
    yield criterion.segments


_SHALL = lazy_compile(r"\bSHALL(?:\s+NOT)?\b")


def _in_then_block(segments: list[TextSegment], target: TextSegment) -> bool:
    """True when `target` is a Then step or an And/But continuing one."""
    current = None
    for segment in segments:
        step = re.match(r"\s*(Given|When|Then|And|But)\b", segment.text)
        if step and step.group(1) in ("Given", "When", "Then"):
            current = step.group(1)
        if segment is target:
            return current == "Then"
    return False


_CLAUSE_BREAK = re.compile(r";(?=\s|$)")


def _clauses(segments: list[TextSegment]) -> Iterator[list[TextSegment]]:
    """The outcome's clauses, split at semicolons: "panel shows the transcript; both turns append correctly" states
    two outcomes, and the first being checkable does not make the second so."""
    clause: list[TextSegment] = []
    for segment in segments:
        start = 0
        for brk in _CLAUSE_BREAK.finditer(segment.text):
            clause.append(TextSegment(segment.line, segment.column + start, segment.text[start:brk.end()]))
            yield clause
            clause, start = [], brk.end()
        clause.append(TextSegment(segment.line, segment.column + start, segment.text[start:]))
    if clause:
        yield clause


def _segments_from(segments: list[TextSegment], offset: int) -> list[TextSegment]:
    """The segments after character `offset` of their newline-joined text."""
    result: list[TextSegment] = []
    position = 0
    for segment in segments:
        end = position + len(segment.text)
        if end >= offset:
            start = max(offset - position, 0)
            result.append(TextSegment(segment.line, segment.column + start, segment.text[start:]))
        position = end + 1
    return result

