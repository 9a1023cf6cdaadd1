"""EH010 startup-check-without-outcome: a check run at start-up, and nothing on what happens when it fails."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.operations import describes_tests, skipped_section
from speclint.reading.requirements import TASK_LISTS, document_kind


class StartupCheckWithoutOutcome(Rule):
    """Flags a check the system runs when it starts (keys, configuration, a licence, a schema version) when nothing says what happens if the check fails.

    **What it flags.** A sentence, list item or table cell that says something is validated, verified
    or checked at start-up: "Keys validated on service initialization", "THE service SHALL validate
    the API keys on startup", "On boot, the gateway verifies the licence file", "the worker checks the
    schema version when it starts", "Die Konfiguration wird beim Start geprüft". Reported at the
    check when neither its own sentence, item or table line nor any other line of the document gives
    an outcome: refuse to start, exit, abort, fail, fall back, start degraded, disable a feature,
    warn, log, ignore, or a word on the thing being invalid, missing or expired. One finding per
    document. Task lists, tests ("verified by a start-up test") and plans are skipped.

    **Why it matters.** A check with no outcome is half a decision. Should a service whose API key
    is revoked refuse to start (and take the product down), start and fall back to templates, or
    start and fail on the first request? Each answer needs different monitoring, alerts and
    deployment checks; left out, the first bad deploy decides.

    **Example**

    ```markdown
    - **Licence check**: the gateway verifies the licence file on boot.
    ```

    **Use instead**

    ```markdown
    - **Licence check**: the gateway verifies the licence file on boot. If the file is missing or
      expired, it refuses to start and logs the expiry date.
    ```
    """

    id = "EH010"
    name = "startup-check-without-outcome"
    category = Category.ERROR_HANDLING
    default_level = Level.WARNING
    # Preview: new in round 18 on one real-set defect; its corpus findings are judged in
    # bench/verdicts/round18-realfail18.tsv.
    group = Group.PREVIEW

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        source = document.source
        lowered = source.lower()
        if not _mentions(lowered, _STARTUP_TOKENS) or not _mentions(lowered, _CHECK_TOKENS):
            return  # most documents check nothing at start-up: substring tests first (a regex costs 5x more)
        if document_kind(document, context) in TASK_LISTS:
            return
        from speclint.document.text import group_span, iter_prose, searched_text

        lines = source.splitlines()
        for piece in iter_prose(document):
            if piece.kind == "heading" or skipped_section(piece.section) or describes_tests(piece.section):
                continue
            text = searched_text(piece.segments)
            lowered = text.lower()
            if not _mentions(lowered, _STARTUP_TOKENS) or not _mentions(lowered, _CHECK_TOKENS):
                continue
            match = _check_at_startup(text)
            if match is None or _TESTED_BY.match(text, match.end()):
                continue
            span = group_span(piece.segments, match, "check")
            # A table cell's outcome may sit in another cell of its row: read the whole source line.
            line = lines[span.start.line - 1] if span.start.line - 1 < len(lines) else ""
            if _OUTCOME.search(text) or _OUTCOME.search(line) or _CHECKBOX.match(line):
                continue
            if _condition_on(_checked_words(match.group("check")), source):
                continue  # "WHEN the schema version is lower, ... SHALL migrate": the check's outcome, as a condition
            if _STARTUP_OUTCOME.search(source) or len(_CHECKBOX.findall(source)) >= 3:
                return  # the document says what a failed start-up does, or it is a task list by its lines
            checked = " ".join(match.group("check").split()).rstrip(".")
            yield Violation(span, f"'{checked}' is a check run at start-up, and the document never says what "
                                  "happens when it fails: say whether the system refuses to start, starts degraded "
                                  "or falls back, and who is told")
            return  # one finding per document: its other start-up checks share the gap


#: Start-up, in the words a spec uses: "on startup", "at boot", "on service initialization", "when it
#: starts", "beim Start", "au démarrage".
_STARTUP_WORDS = (r"(?:(?:on|at|during|upon)\s+(?:the\s+)?(?:service\s+|application\s+|app\s+|server\s+|process\s+|"
                  r"system\s+|container\s+|pod\s+|agent\s+|daemon\s+)?(?:start-?up|startup|boot(?:-?up)?|"
                  r"initiali[sz]ation|launch|init)|when\s+(?:it|the\s+[\w-]+|[A-Z][\w-]+)\s+(?:starts|boots|launches)(?:\s+up)?|"
                  r"beim\s+(?:Start|Starten|Hochfahren)|au\s+d[ée]marrage|al\s+(?:arranque|iniciar))")
#: Substrings, of the lowered text, that every start-up phrase and every check verb holds.
_STARTUP_TOKENS = ("start", "boot", "initiali", "launch", "init", "démarrage", "demarrage", "arranque", "iniciar",
                   "hochfahren")
_CHECK_TOKENS = ("validat", "verif", "check", "prüft", "pruft", "validiert", "vérifi", "valid")
_CHECK_VERB = (r"(?:validat(?:e|es|ed|ing|ion)|verif(?:y|ies|ied|ying|ication)|checks?|checked|checking|"
               r"gepr[üu]ft|validiert|[üu]berpr[üu]ft|v[ée]rifi[ée]e?s?|valid[ée]e?s?|validad[oa]s?|verificad[oa]s?)")
#: The check and its start-up, in either order: "Keys validated on service initialization", "SHALL
#: validate LLM API keys on startup", "On boot, the gateway verifies the licence file".
_CHECK_AT_STARTUP = lazy_compile(
    r"(?P<check>(?:\b[\w`*'-]+\s+){0,4}?\b" + _CHECK_VERB + r"\b(?:\s+[\w`*'./-]+){0,6}?\s+" + _STARTUP_WORDS + r"\b"
    r"|(?:\b[\w`*'-]+\s+){0,3}?\b" + _STARTUP_WORDS + r"\b,?\s+(?:[\w`*'-]+\s+){0,4}?" + _CHECK_VERB + r"\b(?:\s+[\w`*'./-]+){0,5})", re.I)
_STARTUP_PHRASE = lazy_compile(_STARTUP_WORDS, re.I)
_CHECK_WORD = lazy_compile(r"\b" + _CHECK_VERB, re.I)


def _mentions(lowered: str, tokens: tuple[str, ...]) -> bool:
    return any(token in lowered for token in tokens)


def _check_at_startup(text: str) -> re.Match[str] | None:
    """The first check tied to start-up in `text`, tried only around a start-up phrase: the pattern's lazy
    word gaps cost too much when tried at every position of every piece."""
    if not _CHECK_WORD.search(text):
        return None
    for phrase in _STARTUP_PHRASE.finditer(text):
        match = _CHECK_AT_STARTUP.search(text, max(0, phrase.start() - 160), phrase.end() + 120)
        if match is not None:
            return match
    return None


#: What a failed check does, or the checked thing said to be wrong.
_OUTCOME = lazy_compile(
    r"\b(?:fail(?:s|ed|ing|ures?)?|exit(?:s|ed|ing)?|abort(?:s|ed|ing)?|refus(?:e|es|ed|ing)|reject(?:s|ed|ing)?|"
    r"error(?:s)?|crash\w*|misconfigur\w*|halt(?:s|ed)?|stop(?:s|ped)?|panic(?:s|ked)?|fall(?:s|ing)?\s*back|fallback|"
    r"degrad(?:e|es|ed|ing|ation)|disabl(?:e|es|ed|ing)|warn(?:s|ed|ing|ings)?|log(?:s|ged)?|alert(?:s|ed)?|"
    r"ignor(?:e|es|ed|ing)|skip(?:s|ped)?|invalid|missing|expired|mismatch(?:es|ed)?|otherwise|unless|"
    r"bricht\b|Fehler\w*|[ée]choue?\w*|erreur\w*)\b|\bif\s+(?:not|it|they|the\s+check)\b", re.I)
#: A document that says elsewhere what a failed start-up does: "refuses to start", "fails to start",
#: "does not start", "exits with code 2 at startup", "startup fails".
_STARTUP_OUTCOME = lazy_compile(
    r"\b(?:refus\w+|fail\w*|unable)\s+to\s+start\b|"
    r"\b(?:does\s+not|doesn't|won't|will\s+not|must\s+not|shall\s+not|cannot|can't)\s+(?:be\s+)?start(?:ed)?\b|"
    r"\b(?:start-?up|startup|boot)\s+(?:fails|failure|error|aborts)\b|\bfail(?:s|ed)?\s+(?:the\s+)?(?:start-?up|startup|boot)\b|"
    r"\bexits?\s+(?:with|non-?zero|immediately)\b|\bfail[- ]fast\b", re.I)
#: "verified by a start-up smoke test": a test that checks the product, not a check the product runs.
_TESTED_BY = lazy_compile(r"[^.;\n]{0,40}?\b(?:by|via|through|with)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
                          r"(?:tests?|lint|CI|review)\b", re.I)
#: A checkbox task ("- [x] Add LLM configuration validation on startup", "- \u2705 ..."): a plan's line.
_CHECKBOX = lazy_compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\]|\u2705)", re.M)
#: The words of a check that do not name what is checked: the subject before the modal, the verb, start-up.
_NOT_CHECKED = frozenset({"the", "a", "an", "its", "their", "this", "that", "and", "or", "of", "is", "are", "be", "been",
                          "will", "on", "at", "during", "upon", "when", "it", "starts", "boots", "current", "all", "any"})
_MODAL = lazy_compile(r"^.*?\b(?:shall|must|will|should|wird|werden)\s+", re.I)


def _checked_words(check: str) -> set[str]:
    """What a check checks: "THE service SHALL check the current database schema version on startup" ->
    {"database", "schema", "version"}; "Configuration is validated at startup" -> {"configuration"}."""
    rest = _MODAL.sub("", check, count=1)
    rest = re.sub(_CHECK_VERB, " ", rest, flags=re.I)
    rest = re.sub(_STARTUP_WORDS, " ", rest, flags=re.I)
    words = {word.lower().strip("`*'.-") for word in re.findall(r"[\w`*'.-]+", rest)}
    return {word for word in words if len(word) > 2 and word not in _NOT_CHECKED}


def _condition_on(words: set[str], source: str) -> bool:
    """A condition somewhere names what is checked: "If the value is nil", "WHEN the schema version is lower"."""
    if not words:
        return False
    pattern = (r"\b(?:if|when|whenever|unless|in\s+case|where|wenn|falls|si|cuando)\b[^.;\n]{0,60}?\b(?:"
               + "|".join(sorted(map(re.escape, words))) + r")\b")
    return re.search(pattern, source, re.I) is not None
