"""Recognising edge-case discussion: sections about edge cases, and the topics edge cases are made of.

Shared by the edge-case rules. A document considers edge cases when it has an edge-case section
("Edge cases", "Corner cases", "Boundary conditions", "Limits", ...), says "edge case" or "corner
case" anywhere, or discusses the situations edge cases are made of: empty input, limits and
maxima, duplicates, concurrency, time zones, offline use, very large input, zero and negative
amounts, missing data.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from weakref import WeakKeyDictionary

from speclint.document.headings import normalize_title
from speclint.document.model import Document, Section
from speclint.lazy_regex import lazy_compile
from speclint.reading.vocabulary import EDGE_CASE_WORDS

EDGE_CASE_SECTION_NAMES = (
    "edge cases",
    "edge case",
    "corner cases",
    "boundary conditions",
    "boundary cases",
    "boundaries",
    "limits",
    "limitations and edge cases",
    "edge cases and limitations",
    "special cases",
    "edge cases and error handling",
    "error and edge cases",
    "unusual cases",
)
_EDGE_CASE_KEYS = {normalize_title(name) for name in EDGE_CASE_SECTION_NAMES}

EDGE_CASE_PHRASE = lazy_compile(r"\b(?:edge|corner|boundary)[- ](?:cases?|conditions?|values?)\b|" + EDGE_CASE_WORDS.pattern,
                              re.I)

#: A situation handled where it arises: "If the photos don't cover the damage, the system asks
#: for better ones", "IF the file exceeds 100 MB THEN ... SHALL reject", "When the network is down ...".
INLINE_HANDLING = lazy_compile(
    r"(?:^|[.;:\n][ \t]*|\d\.\s+|[-*]\s+)(?:\*\*)?(?:if|when|unless|in\s+case|should)\b(?:\*\*)?[^.\n]{3,160}?"
    r"\b(?:reject\w*|refus\w*|asks?|prompts?|warns?|warning|errors?|retr(?:y|ies|ied)|fall(?:s)?\s*back|fallback|"
    r"fails?|skips?|block\w*|prevent\w*|den(?:y|ies)|notif\w*|shows?|displays?|disabl\w*|abort\w*|stops?|"
    r"cancel\w*|queue\w*|discard\w*|ignor\w*|keeps?|preserv\w*|resum\w*|log\w*|messages?)\b",
    re.I,
)

#: (topic, pattern): the situations edge cases are made of.
EDGE_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("empty input", lazy_compile(r"\b(?:empty|blank|no\s+(?:items|results|data|records|entries)|zero\s+(?:items|"
                               r"results|rows)|missing\s+(?:field|value|data)s?|null)\b|未指定|未设置|为空|が空|0\s?件", re.I)),
    ("limits", lazy_compile(r"\b(?:maximum|minimum|max\.?|min\.?|limit(?:s|ed)?|exceed(?:s|ed|ing)?|at\s+most|"
                          r"too\s+(?:long|large|many|big)|overflow|truncat\w+|quota)\b|以内|上限|最大|最小|超过|超出|"
                          r"超える|制限|限制|耗尽", re.I)),
    ("duplicates", lazy_compile(r"\b(?:duplicat\w+|already\s+exists?|same\s+(?:name|email|id)|idempoten\w+|"
                              r"twice|double[- ](?:click|submit|charge))\b", re.I)),
    ("concurrency", lazy_compile(r"\b(?:concurren\w+|simultaneous\w*|at\s+the\s+same\s+time|race\s+conditions?|"
                               r"conflicts?|parallel\s+(?:edits?|requests?|updates?)|locking)\b", re.I)),
    ("time", lazy_compile(r"\b(?:time\s?zones?|daylight\s+saving|DST|UTC|leap\s+(?:year|second|day)|midnight|"
                        r"expir(?:y|es|ed|ation))\b", re.I)),
    ("connectivity", lazy_compile(r"\b(?:offline|no\s+(?:network|connection|connectivity)|connection\s+(?:lost|"
                                r"drops?)|poor\s+connectivity|slow\s+network)\b", re.I)),
    ("failures", lazy_compile(r"\b(?:fails?|failures?|failed|unavailable|time[sd]?\s*out|timeouts?|retr(?:y|ies)|"
                            r"fallback|interrupt\w*|crash\w*|outage)\b|中断|失败|超时|重试|失敗|タイムアウト|"
                            r"リトライ|不正|エラー", re.I)),
    ("unusual input", lazy_compile(r"\b(?:unicode|emoji|special\s+characters?|non-ascii|negative\s+(?:amount|"
                                 r"number|value|quantity)s?|very\s+(?:large|long|small)|invalid\s+(?:input|format|"
                                 r"characters?))\b", re.I)),
)


#: The same situations in German, Spanish, French, Portuguese, Italian and Dutch: a spec written in
#: another language considers them in its own words ("como máximo 10 acciones", "cuando cambie el
#: horario de verano", "sin conexión", "höchstens", "hors ligne").
_EDGE_TOPICS_OTHER_LANGUAGES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("empty input", lazy_compile(r"\b(?:vac[ií][oa]s?|leere?[nrs]?|vides?|vazi[oa]s?|vuot[oa]|leeg)\b", re.I)),
    ("limits", lazy_compile(r"\b(?:m[áa]xim[oa]s?|m[íi]nim[oa]s?|l[íi]mites?|limiti|h[öo]chstens|maximal\w*|mindestens|"
                          r"grenzwert\w*|obergrenze|[üu]berschreit\w*|au\s+plus|d[ée]pass\w*|plafond|massim[oa]|"
                          r"maximaal|minimaal|overschrijd\w*|supera(?:r|n)?|exced\w*)\b", re.I)),
    ("duplicates", lazy_compile(r"\b(?:duplicad[oa]s?|duplikat\w*|doppelt\w*|en\s+double|doublons?|duplicat[oi]|"
                              r"dubbel\w*|duplica(?:at|ten)|dos\s+veces|zweimal|deux\s+fois|duas\s+vezes|due\s+volte)\b",
                              re.I)),
    ("concurrency", lazy_compile(r"\b(?:al\s+mismo\s+tiempo|simult[áa]ne\w*|gleichzeitig\w*|simultan\w*|en\s+m[êe]me\s+temps|"
                               r"ao\s+mesmo\s+tempo|contemporaneamente|allo\s+stesso\s+tempo|tegelijk\w*|konflikt\w*|"
                               r"conflicto\w*|conflit\w*|conflito\w*|conflitt\w*)\b", re.I)),
    ("time", lazy_compile(r"\b(?:zona\s+horaria|horario\s+de\s+verano|medianoche|caduc\w*|zeitzonen?|sommerzeit|mitternacht|"
                        r"fuseaux?\s+horaires?|heure\s+d['’][ée]t[ée]|minuit|fuso\s+hor[áa]rio|hor[áa]rio\s+de\s+ver[ãa]o|"
                        r"meia-noite|fuso\s+orario|ora\s+legale|mezzanotte|tijdzones?|zomertijd|middernacht)\b", re.I)),
    ("connectivity", lazy_compile(r"\b(?:sin\s+(?:conexi[óo]n|red|internet)|ohne\s+(?:verbindung|netz|internet)|"
                                r"verbindung\w*\s+(?:verloren|unterbrochen|abbricht)|hors[\s-]+ligne|sans\s+(?:connexion|r[ée]seau)|"
                                r"sem\s+(?:conex[ãa]o|liga[çc][ãa]o|rede)|senza\s+(?:connessione|rete)|geen\s+verbinding|"
                                r"se\s+ca(?:e|iga)\s+(?:la\s+conexi[óo]n|internet))\b", re.I)),
)


def is_edge_case_title(title: str) -> bool:
    key = normalize_title(title)
    return key in _EDGE_CASE_KEYS or key.startswith(("edge case", "corner case", "boundary condition")) or bool(
        EDGE_CASE_WORDS.search(title))


def edge_case_sections(document: Document) -> list[Section]:
    return [section for section in document.sections() if is_edge_case_title(section.title)]


#: EARS unwanted behaviour ("IF the file exceeds 100 MB, THEN the app SHALL reject it"; in German,
#: Spanish and French "FALLS ... DANN", "SI ... ENTONCES", "SI ... ALORS") and
#: conditions written in Japanese or Chinese ("親タスクが提供されない場合、..." "如果..., 则 ...").
#: EARS's IF ... THEN in English, German, Spanish, French, Dutch, Portuguese and Italian.
_CONDITIONAL_CLAUSE = lazy_compile(r"\b(?:IF|FALLS|SI|ALS|SE)\b[^\n]{3,200}?\b(?:THEN|DANN|ENTONCES|ALORS|DAN|ENT[ÃA]O|ALLORA)\b|場合[、,，]|ときは|如果|若[^\n若]{1,40}?则", re.I)


def inline_handlings(text: str) -> int:
    """How many situations the text handles where they arise ("If ..., the system asks ...")."""
    return len(INLINE_HANDLING.findall(text)) + len(_CONDITIONAL_CLAUSE.findall(text))


def edge_topics(text: str) -> set[str]:
    """The edge-case topics `text` touches."""
    topics = {topic for topic, pattern in EDGE_TOPICS if pattern.search(text)}
    if text.isascii():
        return topics  # a cheap exit: a text in these languages has accented letters somewhere (é, ñ, ü, ã)
    return topics | {topic for topic, pattern in _EDGE_TOPICS_OTHER_LANGUAGES if pattern.search(text)}


# --- cases raised and left open (EC003, EC009, EC010) ------------------------------------------

#: An answer that answers nothing, in English, French, Spanish and German: "Open.", "To discuss with
#: Finance.", "We are still working this out with Airline Partnerships.", "À voir.", "Por definir con
#: Pagos.", "Noch offen." Bare TBD/TODO markers are PH001's and are not read here.
NON_ANSWER = lazy_compile(
    r"^[\W_]*(?:"
    r"(?:still\s+|remains?\s+|is\s+)?(?:open|unknown|unclear|undecided|unresolved|pending|unanswered)"
    r"|not\s+(?:yet\s+)?(?:decided|known|clear|settled|agreed|sure|answered)(?:\s+yet)?"
    r"|(?:still\s+)?to\s+be\s+(?:discussed|decided|determined|seen|confirmed|clarified|agreed|worked\s+out|investigated|"
    r"explored|checked|figured\s+out)"
    r"|(?:still\s+)?to\s+(?:discuss|decide|clarify|investigate|explore|confirm|figure\s+out|sort\s+out|work\s+out)"
    r"|(?:we\s+are|we're|we\s+have\s+been|we\s+are\s+currently)\s+still\s+(?:(?:working|figuring)(?:\s+(?:this|it|that))?"
    r"(?:\s+out)?|discussing(?:\s+(?:this|it))?|deciding|looking\s+into\s+(?:this|it)|thinking\s+about\s+(?:this|it))"
    r"|still\s+(?:working\s+(?:this|it|that)\s+out|under\s+discussion|being\s+(?:discussed|worked\s+out|decided))"
    r"|under\s+discussion|needs?\s+(?:(?:more\s+)?discussion|clarification|a\s+decision|more\s+thought)"
    r"|(?:we\s+)?(?:don't|do\s+not)\s+know(?:\s+yet)?|no\s+(?:answer|decision)\s+yet|good\s+question|unsure"
    r"|[àa]\s+(?:voir|discuter|d[ée]finir|d[ée]cider|pr[ée]ciser|clarifier|confirmer)|on\s+verra|en\s+(?:discussion|"
    r"suspens)|(?:reste|est)\s+(?:ouvert|ouverte|[àa]\s+voir)|ouvert|pas\s+encore\s+(?:d[ée]cid[ée]|tranch[ée])"
    r"|por\s+(?:ver|verse|definir|decidir|determinar|discutir|aclarar|confirmar)|a\s+discutir|pendiente|abierto|"
    r"en\s+discusi[óo]n|(?:est[áa]|queda)\s+por\s+(?:ver|verse|decidir|definir)|lo\s+veremos|sin\s+decidir"
    r"|(?:noch\s+)?offen|zu\s+(?:kl[äa]ren|besprechen|diskutieren|entscheiden)|ungekl[äa]rt|unklar|in\s+kl[äa]rung|"
    r"wird\s+(?:noch\s+)?(?:gekl[äa]rt|besprochen|diskutiert|entschieden)"
    # Italian, Portuguese, Dutch: "Da capire.", "Da decidere con il legale.", "Alinhar com Atendimento.",
    # "Em aberto.", "Nog te bepalen.", and English "to align with X".
    r"|da\s+(?:capire|definire|decidere|valutare|chiarire|discutere|stabilire|vedere|confermare|approfondire)"
    r"|(?:ancora\s+)?(?:aperto|aperta|in\s+sospeso)|non\s+(?:ancora\s+)?(?:deciso|definito|chiaro)|vedremo"
    r"|(?:ainda\s+)?em\s+(?:aberto|discuss[ãa]o|defini[çc][ãa]o)|(?:a\s+)?(?:alinhar|combinar|verificar)(?=\s+com\b)"
    r"|a\s+(?:definir|decidir|discutir|confirmar|esclarecer|alinhar|combinar)|ainda\s+n[ãa]o\s+(?:decidido|definido|sabemos)"
    r"|nog\s+(?:open|onduidelijk|te\s+(?:bepalen|bespreken|beslissen))|nader\s+te\s+bepalen|te\s+bespreken"
    r"|(?:still\s+)?to\s+(?:be\s+)?align(?:ed)?(?=\s+with\b)"
    r")\b",
    re.I,
)
#: The words a non-answer may go on with: who it is discussed with, and when ("with Finance", "avec la
#: compta", "con Pagos", "mit dem Betriebsrat"), nothing that says what happens.
_NON_ANSWER_REST = lazy_compile(
    r"^[\s,;:—–-]*(?:(?:with|avec|con|mit|com|met|by|par|por|per|between|among|tra|fra|in|at|during|for|entro|até)\b"
    r"[^.!?\n]{0,60})?"
    r"(?:\s*\([^()\n]{0,40}\))?[\s.!…)*_]*$", re.I)


def is_non_answer(text: str) -> bool:
    """True when `text` (what follows a question or a case's label) only says it is not answered yet:
    "Open.", "To discuss with Finance.", "We are still working this out with Airline Partnerships."."""
    stripped = text.strip()
    found = NON_ANSWER.match(stripped)
    if found is None:
        return False
    return bool(_NON_ANSWER_REST.match(stripped[found.end():]))


#: A case written as the subject of a sentence that says it is not settled: "What happens when a ninth
#: device is added is still open", "How we treat a partial return is still being discussed with
#: merchants", "Was passiert, wenn der Akku leer ist, ist noch offen", "Qué pasa si ... sigue abierto".
#: The subject asks what the system does in a situation; the verb after it says nobody has decided.
_CASE_AS_SUBJECT = lazy_compile(
    r"(?:^|(?<=[.!?;:]\s))(?:what\s+(?:happens|we\s+do|the\s+\w+\s+does)\s+(?:when|if|after|once|while|during)"
    r"|how\s+we\s+(?:handle|treat|deal\s+with)|was\s+(?:passiert|geschieht)|wie\s+wir\s+mit"
    r"|qu[ée]\s+(?:pasa|ocurre|sucede)|lo\s+que\s+(?:pasa|ocurre)|c[óo]mo\s+(?:tratamos|manejamos|gestionamos)"
    r"|ce\s+qui\s+se\s+passe|ce\s+que\s+(?:fait|l['’]on\s+fait)|comment\s+(?:nous\s+)?(?:traitons|g[ée]rons)"
    r"|o\s+que\s+(?:acontece|ocorre)|como\s+(?:tratamos|lidamos)|cosa\s+(?:succede|accade)|come\s+gestiamo"
    r"|wat\s+er\s+gebeurt|hoe\s+we)\b",
    re.I,
)
#: The verb that joins such a subject to what is said of it.
_COPULA = lazy_compile(
    r"\s(?:is|remains|stays|ist|bleibt|est[áa]|sigue|queda|est|reste|demeure|fica|continua|[èe]|resta|rimane|blijft)\s+",
    re.I,
)


CASE_AS_SUBJECT = _CASE_AS_SUBJECT
_SENTENCE_END = lazy_compile(r"[.!?](?:\s|$)")


def case_declared_open(text: str, start: int = 0) -> bool:
    """True when the sentence at text[start:] is a case written as its subject and declared not
    settled: "What happens when only part of the order is returned is still being discussed with
    merchants."."""
    subject = _CASE_AS_SUBJECT.match(text, start)
    if subject is None:
        return False
    end = _SENTENCE_END.search(text, subject.end())
    sentence = " ".join(text[:end.start() + 1 if end else len(text)].split())
    offset = len(" ".join(text[:subject.end()].split()))
    for copula in _COPULA.finditer(sentence, offset):
        rest = sentence[copula.end():]
        if is_non_answer(re.split(r"[;.!?](?:\s|$)", rest, maxsplit=1)[0]):
            return True
    return False


#: A question that raises a situation: "What happens if ...?", "What if ...?", "How do we handle ...?",
#: "Was passiert, wenn ...?", "¿Qué ocurre si ...?", "Que se passe-t-il si ...?", or any question with
#: a condition in it ("If a sale happens during the count, is the stock wrong?"; French asks with "si":
#: "Que se passe-t-il si ...?").
EDGE_QUESTION = lazy_compile(
    r"\bwhat\s+(?:happens|should\s+happen|will\s+happen|would\s+happen|if)\b|\bwhat\s+do(?:es)?\s+(?:we|it|the\s+\w+)\s+do\b"
    r"|\bhow\s+(?:do|does|should|will|would|can)\s+(?:we|it|they|the\s+\w+(?:\s+\w+)?)\s+(?:handle|deal\s+with|treat|"
    r"respond|behave|react|cope)\b"
    r"|\b(?:if|when|whenever|while|during|in\s+case|whose|si|wenn|falls|cuando|mientras|pendant|lorsque|quand|"
    r"während|sobald)\b"
    r"|\bwas\s+(?:passiert|geschieht)\b|\bqu[ée]\s+(?:pasa|ocurre|sucede)\b"
    # Italian, Portuguese and Dutch: "Cosa succede se ...?", "O que acontece quando ...?", "Come si gestisce ...?",
    # "Como tratamos ...?", and who wins a race in any of the languages: "Whose confirmation wins?", "chi vince?"
    r"|\b(?:cosa|che)\s+(?:succede|accade|capita)\b|\bo\s+que\s+(?:acontece|ocorre)\b|\bque\s+acontece\b"
    r"|\bcome\s+(?:si\s+)?(?:gestisce|gestiamo|tratta|trattiamo|comporta)\b|\bc[óo]mo\s+(?:se\s+)?(?:trata|tratamos|lida|"
    r"lidamos|gestiona|gestionamos|maneja|manejamos)\b|\bcomment\s+(?:g[ée]rer|traiter|on\s+g[èe]re|g[ée]rons)\b"
    r"|\bwie\s+(?:gehen\s+wir|geht\s+(?:das|der|die)\s+\w+)\s+(?:damit\s+)?um\b|\bwas\s+tun\s+wir\b"
    r"|\b(?:who|which(?:\s+one)?|whose\s+\w+|wer|wie|chi|quem|qui[ée]n|qui)\s+(?:wins|gewinnt|wint|vince|ganha|vence|gana|"
    r"gagne)\b|\bwat\s+gebeurt\b"
    r"|\b(?:quando|qualora|mentre|enquanto|caso|durante|wanneer|indien|zodra|terwijl|tijdens)\b",
    re.I,
)


# --- is a question answered elsewhere? -----------------------------------------------------------

_WORD = lazy_compile(r"[^\W\d_]{4,}")
#: Words every question about a case shares: they say nothing about which case it is.
_COMMON = frozenset(
    "what when where which while with that this then there their they them does have will would should could "
    "happens happen handle handled handles system user users from into about also only same other more some "
    "than such being been were must shall need needs case cases edge corner scenario how qué pasa ocurre cuando "
    "sobre para este esta está wenn passiert dann eine einer einem einen oder wird werden quoi quand pour dans "
    "avec est-il elle".split())
_stems_by_document: WeakKeyDictionary[Document, tuple[dict[str, list[int]], list[int]]] = WeakKeyDictionary()


def stems(text: str) -> set[str]:
    """The distinctive word stems of `text` (first four letters of each word of four or more letters)."""
    return {word[:4] for word in (found.lower() for found in _WORD.findall(text)) if word not in _COMMON}


def _stem_index(document: Document) -> tuple[dict[str, list[int]], list[int]]:
    """Each stem's blocks of the document's prose, and each block's first line; built once per document."""
    cached = _stems_by_document.get(document)
    if cached is None:
        from speclint.reading.concerns import document_prose

        prose = document_prose(document)
        starts = [offset for offset, _ in prose.offsets]
        index: dict[str, list[int]] = {}
        lines: list[int] = []
        offset = 0
        for number, part in enumerate(prose.text.split("\x00")):
            at = bisect_left(starts, offset)
            lines.append(prose.offsets[at][1].line if at < len(starts) else 0)
            for stem in stems(part):
                index.setdefault(stem, []).append(number)
            offset += len(part) + 1
        cached = _stems_by_document[document] = (index, lines)
    return cached


def answered_elsewhere(document: Document, question: str, lines: tuple[int, int]) -> bool:
    """True when another block of the document (outside `lines`, the question's own first and last
    lines) shares three or more of the question's distinctive words (those in at most four blocks, or
    one block in eight of a long document) and at least half of them: the
    case is taken up there ("FR-016: When `--all` meets an error on one subtree, it ...")."""
    index, block_lines = _stem_index(document)
    # A word in more than four blocks (more than one in eight in a long document) names the feature ("incident
    # date", "report" in a claims spec), not the case: a passage sharing only such words takes up the feature, and
    # leaves the case open. (A word in two blocks of five, the measure before, let a 58-block spec answer "What
    # happens when the policy lapsed between the incident date and the day of reporting?" with a scenario
    # about the incident date.)
    blocks = len(block_lines)
    common = max(3, min(4, blocks * 2 // 5), blocks // 8)
    asked = {stem for stem in stems(question) if len(index.get(stem, ())) <= common}
    if len(asked) < 2:
        return False
    hits: dict[int, int] = {}
    for stem in asked:
        for block in index.get(stem, ()):
            hits[block] = hits.get(block, 0) + 1
    needed = max(3, (len(asked) + 1) // 2)
    return any(count >= needed and not lines[0] <= block_lines[block] <= lines[1] for block, count in hits.items())
