"""WD011 perceived-quality: a requirement met when something feels, looks or seems a certain way ("should feel effortless")."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import profile_name
from speclint.reading.normative import has_quantity, is_user_story, search, statements
from speclint.reading.wording import (
    SKIP_PROFILES_HELP,
    commits,
    in_descriptive_section,
    in_rationale,
    is_pitch,
    match_span,
    requirement_shape,
    sentence_before,
    without_outline_number,
)
from speclint.rules.wording.vague_requirement import _PROPOSALS

#: Qualities only a person's impression can judge.
_IMPRESSION = (r"natural|professional|polished|modern|premium|responsive|fluid|effortless|seamless|sluggish|slow|laggy|"
               r"janky|clunky|heavy|lightweight|clean|simple|easy|intuitive|friendly|trustworthy|reassuring|smooth|snappy|"
               r"instant|native|familiar|cluttered|dated|outdated|fast|quick|safe|secure|solid|right|good|nice|great|"
               r"pleasant|delightful|magical|personal|human|warm|inviting|elegant|sleek|fresh|consistent|on-brand|"
               r"high[- ]quality|cheap|broken|unresponsive|frozen|stuck|confusing|overwhelming")
#: A perception verb and the impression it must give: "should look polished", "feels sluggish", "seems heavy",
#: "soll sich modern anfühlen", "debe sentirse fluida", "doit paraître simple".
_PERCEIVED = lazy_compile(
    r"\b(?:feels?|feeling|looks?|looking|seems?|sounds?|appears?)\s+(?:(?:very|really|more|less|too|quite|fully|as)\s+)?"
    r"(?:" + _IMPRESSION + r")\b(?!\s+(?:than|like|as)\b)|"
    r"\bsich\s+(?:\w+\s+){1,3}?(?:anfühlen|anfühlt|anfühlen\s+soll)\b|"
    r"\b(?:modern|professionell|hochwertig|flüssig|einfach|intuitiv|träge|langsam|schnell|natürlich|vertraut)\s+"
    r"(?:(?:und|oder)\s+\w+\s+)?(?:wirken|wirkt|aussehen|aussieht)\b|"
    r"\b(?:sentirse|se\s+siente|sentirá|verse|se\s+ve|parecer|parece)\s+(?:más\s+)?(?:fluid[oa]s?|natural(?:es)?|moderna?s?|"
    r"profesional(?:es)?|sencill[oa]s?|simple|intuitiv[oa]s?|rápid[oa]s?|lent[oa]s?|agradable|segur[oa]s?)\b|"
    r"\b(?:paraître|paraît|sembler|semble|avoir\s+l'air|a\s+l'air)\s+(?:plus\s+)?(?:simple|fluide|naturel(?:le)?|moderne|"
    r"professionnel(?:le)?|rassurant(?:e)?|intuiti(?:f|ve)|rapide|lent(?:e)?|agréable|sûr(?:e)?|fiable)\b",
    re.I,
)
#: Experience words that name no behaviour: "hassle-free returns", "painless for on-call", "adjusts intelligently".
_EXPERIENCE = lazy_compile(
    r"\b(?:painless|hassle[- ]free|pain[- ]free|stress[- ]free|worry[- ]free|trouble[- ]free|pleasant\s+to\s+\w+|"
    r"(?:seamless|painless|smooth|effortless|easy)\s+for\s+(?:the\s+|our\s+|all\s+)?(?:on-?call(?:\s+\w+)?|users?|customers?|"
    r"operators?|developers?|agents?|merchants?|admins?|administrators?|support(?:\s+\w+)?|teams?|staff|engineers?)|"
    r"without\s+(?:any\s+)?(?:noticeable|perceptible|visible)\s+(?:delay|lag|slowdown|jank)|"
    r"(?:adapts?|adjusts?|learns?|responds?|reacts?|decides?|chooses?|sorts?|suggests?|optimi[sz]es?)\s+"
    r"(?:intelligently|smartly|magically|cleverly|sensibly))\b",
    re.I,
)
_MODAL = lazy_compile(r"\b(?:must|shall|should|will|needs?\s+to|has\s+to|have\s+to|soll|sollen|muss|müssen|debe|deben|"
                      r"doit|doivent|devra)\b", re.I)
_QUESTION = lazy_compile(r"\?\s*(?:\*\*|__)?\s*$")
#: "over the first weeks", "in the first few days": an ordinal before a plural names no count.
_VAGUE_PERIOD = lazy_compile(r"\bfirst\s+(?:few\s+|couple\s+of\s+)?(?:minutes|hours|days|weeks|months|years|runs|uses|sessions)\b",
                             re.I)
_NEGATED = lazy_compile(r"\b(?:not|never|no|n't|nor|nicht|no|ne|pas)\s+(?:\w+\s+){0,1}$", re.I)
#: Sections that announce what a product will be: goals, a press release.
_PROMISE_TITLE = lazy_compile(r"\b(?:goals?|objectives?|press\s+release|ziele|objetivos|objectifs)\b", re.I)
_EXTRA_SKIPPED = ("kiro-tasks", "spec-kit-tasks", "spec-kit-plan", "checklist")


class PerceivedQuality(Rule):
    """Flags a requirement met when something feels, looks or seems a certain way: "the flow should feel effortless".

    **What it flags.** A requirement, goal, press-release promise or table condition whose test is
    an impression:
    - a perception verb with the impression it must give: "statements should look polished", "booking
      should feel natural", "| Startup time | player | startup feels sluggish |", "the page seems heavy";
    - experience words that name no behaviour: "a hassle-free returns flow", "the switch must be painless
      for on-call", "seamless for operators", "forms shall be pleasant to fill in", "draws the map without noticeable delay", "the
      feed adjusts intelligently to what each reader finishes";
    - the same in German, Spanish and French ("soll sich modern anfühlen", "debe sentirse fluida",
      "doit paraître simple").

    Read in requirement statements, in sentences that demand (must, should, will...), in table cells
    (a condition or a value), and in goals and press releases. Not flagged: a statement with a number
    ("must feel responsive: a keystroke renders within 50 ms"), questions, negations, quotations (a
    customer's words), background, non-goals, user stories, and rationale ("because it feels faster").
    Design proposals are read only in statements with a requirement ID and in an ADR's decision
    (option `skip-profiles`).

    **Why it matters.** An impression cannot fail a test: the designer, the engineer and QA each
    decide what "polished" or "sluggish" means after the work is done, and a switch that fires when
    startup "feels sluggish" cannot be built at all.

    **Example**

    ```markdown
    ## Goals
    - Statements should look polished on every device.
    ```

    **Use instead**

    ```markdown
    ## Goals
    - Statements use the brand font and colours, and render without horizontal scrolling from 320 px wide.
    ```
    """

    id = "WD011"
    name = "perceived-quality"
    category = Category.WORDING
    default_level = Level.WARNING
    options = (Option("skip-profiles", "list[str]", [*_PROPOSALS, *_EXTRA_SKIPPED], SKIP_PROFILES_HELP),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        profile = profile_name(context)
        if profile == "not-a-spec":
            return  # a README or a guideline: nothing in it is a requirement
        proposal = profile in set(context.options["skip-profiles"]) and not is_pitch(document)
        for statement in statements(document):
            labelled = requirement_shape(statement, proposal)
            if proposal and not (statement.requirement_id or labelled or commits(statement.section)):
                continue  # design prose argues; its decision commits
            if (in_descriptive_section(statement) and not labelled) or is_user_story(statement.text):
                continue
            requirement = labelled or statement.is_requirement
            promise = statement.kind == "table-cell" or any(
                each.heading is not None and bool(_PROMISE_TITLE.search(each.title))
                for each in (statement.section, *statement.section.ancestors()))
            for pattern in (_PERCEIVED, _EXPERIENCE):
                hit = next((each for each in search(pattern, statement.segments)
                            if (requirement or promise or _MODAL.search(sentence_before(each.match)))
                            and _is_impression_here(each.match, each.sentence, each.source_sentence)), None)
                if hit is not None:
                    written = " ".join(hit.match.group(0).split())
                    yield Violation(match_span(hit.span, hit.match), f"'{written}' is an impression, not a behaviour: "
                                    f"state what a tester can check (a time, a count, a size, a state)")
                    break


def _is_impression_here(match: re.Match[str], sentence: str, source_sentence: str) -> bool:
    if _QUESTION.search(sentence) or has_quantity(_VAGUE_PERIOD.sub(" ", without_outline_number(source_sentence))) \
            or in_rationale(match):
        return False
    return not _NEGATED.search(match.string, max(0, match.start() - 20), match.start())
