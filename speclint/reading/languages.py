"""The words speclint reads in specifications written in German, Spanish and French (and, for open items,
Portuguese, Italian and Dutch).

Teams in Europe and Latin America write PRDs, spec-kit specs, Kiro requirements and ADRs in their
own language. Each list here is the German, Spanish and French counterpart of an English list
kept elsewhere, and is read where that list is read:

- section titles: `speclint.document.section_names` (read by `normalize_title`, so by every rule);
- vague terms, escape clauses and open-ended clauses: `speclint.reading.wording`; vague demands and
  lower-case obligation verbs ("muss schnell sein"): `wording/vague_requirement.py`, and the escape
  clauses again in `wording/requirement_loophole.py`;
- open-item markers ("por definir"): `placeholder/unresolved_marker.py`, and in a risks table's
  mitigation column (with the column names): `risk/risk_mitigation_cell_empty.py`;
- the upper-case obligation words of a requirement and EARS keywords: `speclint.reading.normative`,
  `speclint.reading.requirements`;
- user-story openings ("Als ... möchte ich", "Como ... quiero", "En tant que ... je veux");
- decision-record and front-matter status values: `metadata/misspelt_status.py`.

Only words that say one thing are listed: "schnell" is always a speed, "à définir" after a label
is always an open item; "offen" alone ("offene Schnittstelle") or "a definir" ("ayuda a definir")
are not.
"""

from __future__ import annotations

# --- wording (each with the English term it translates and that term's source) -----------------

#: Vague terms: (term, sources), in the form of `speclint.reading.wording.VAGUE_TERMS`. Adjectives
#: are listed in the inflected forms requirements use ("schnelle Antwort", "respuestas rápidas").
VAGUE_TERMS: tuple[tuple[str, str], ...] = (
    # German
    *((term, "speclint (a speed without a value), German") for term in (
        "schnell", "schnelle", "schnellen", "schneller", "schnelles", "zügig", "zügige", "zügigen", "zeitnah",
        "zeitnahe", "zeitnahen", "umgehend", "performante", "performanten")),
    *((term, "ISO 29148 (subjective language), German") for term in (
        "benutzerfreundlich", "benutzerfreundliche", "benutzerfreundlichen", "nutzerfreundlich",
        "nutzerfreundliche", "nutzerfreundlichen", "intuitiv", "intuitiven", "einfach zu bedienen",
        "leicht verständlich", "übersichtlich", "übersichtliche", "übersichtlichen")),
    *((term, "INCOSE R7, German") for term in (
        "ausreichend", "ausreichende", "ausreichenden", "angemessen", "angemessene", "angemessenen",
        "geeignete", "geeigneten", "effizient", "effiziente", "effizienten", "robuste", "robusten",
        "zuverlässig", "zuverlässige", "zuverlässigen", "flexibel", "flexiblen")),
    # Spanish
    *((term, "speclint (a speed without a value), Spanish") for term in (
        "rápido", "rápida", "rápidos", "rápidas", "rápidamente", "lo antes posible", "lo más rápido posible",
        "a la brevedad", "en tiempo oportuno")),
    *((term, "ISO 29148 (subjective language), Spanish") for term in (
        "intuitivo", "intuitiva", "intuitivos", "intuitivas", "fácil de usar", "fáciles de usar", "amigable",
        "amigables", "fácilmente")),
    *((term, "INCOSE R7, Spanish") for term in (
        "adecuado", "adecuada", "adecuados", "adecuadas", "adecuadamente", "suficiente", "suficientes",
        "razonable", "razonables", "eficiente", "eficientes", "eficientemente", "robusto", "robusta", "fiable",
        "fiables", "confiable", "confiables")),
    # French
    *((term, "speclint (a speed without a value), French") for term in (
        "rapide", "rapides", "rapidement", "dès que possible", "au plus vite", "dans les meilleurs délais",
        "dans un délai raisonnable", "performants", "performantes")),
    *((term, "ISO 29148 (subjective language), French") for term in (
        "intuitif", "intuitifs", "intuitives", "convivial", "conviviale", "conviviaux", "conviviales",
        "facile à utiliser", "faciles à utiliser", "ergonomique", "ergonomiques", "facilement")),
    *((term, "INCOSE R7, French") for term in (
        "suffisant", "suffisante", "suffisants", "suffisantes", "suffisamment", "adéquat", "adéquate",
        "adéquats", "adéquates", "raisonnable", "raisonnables", "efficace", "efficaces", "fiable", "fiables",
        "robustes")),
)

#: Escape clauses (INCOSE R8), in the form of `speclint.reading.wording.ESCAPE_CLAUSES`.
ESCAPE_CLAUSES: tuple[tuple[str, str], ...] = (
    *((term, "INCOSE R8, German") for term in (
        "möglichst", "soweit möglich", "falls möglich", "wenn möglich", "nach Möglichkeit", "falls nötig",
        "bei Bedarf", "falls erforderlich", "wenn nötig", "gegebenenfalls", "ggf")),
    *((term, "INCOSE R8, Spanish") for term in (
        "en la medida de lo posible", "si es posible", "cuando sea posible", "siempre que sea posible",
        "si es necesario", "cuando sea necesario", "según corresponda", "según sea necesario")),
    *((term, "INCOSE R8, French") for term in (
        "dans la mesure du possible", "si possible", "si nécessaire", "si besoin", "au besoin",
        "le cas échéant", "autant que possible")),
)

#: Open-ended clauses (INCOSE R9), in the form of `speclint.reading.wording.OPEN_ENDED_CLAUSES`.
OPEN_ENDED_CLAUSES: tuple[tuple[str, str], ...] = (
    ("usw", "INCOSE R9, German"),
    ("und so weiter", "INCOSE R9, German"),
    ("unter anderem", "INCOSE R9, German"),
    ("und Ähnliches", "INCOSE R9, German"),
    ("entre otros", "INCOSE R9, Spanish"),
    ("entre otras", "INCOSE R9, Spanish"),
    ("y demás", "INCOSE R9, Spanish"),
    ("entre autres", "INCOSE R9, French"),
    ("et ainsi de suite", "INCOSE R9, French"),
)

#: Vague qualities that, as what an obligation verb demands, leave a requirement untestable ("Die Suche muss
#: schnell sein", "El portal debe ser fácil de usar", "L'interface doit être intuitive"): the German, Spanish
#: and French counterparts of `vague-requirement`'s words (read by `rules/wording/vague_requirement.py`). Words
#: with an accepted meaning in requirements ("angemessen", "adecuado", "suffisant") are left to `vague-term`.
VAGUE_DEMANDS: tuple[str, ...] = (
    # German
    "schnell", "schnelle", "schnellen", "zügig", "zeitnah", "umgehend", "performant", "performante",
    "benutzerfreundlich", "nutzerfreundlich", "bedienerfreundlich", "intuitiv", "intuitive", "einfach zu bedienen",
    "leicht zu bedienen", "übersichtlich", "robust", "skalierbar", "zuverlässig", "effizient", "flexibel",
    "hochverfügbar", "modern", "ansprechend", "reibungslos", "nahtlos",
    # Spanish
    "rápido", "rápida", "rápidos", "rápidas", "rápidamente", "lo antes posible", "lo más rápido posible",
    "a la brevedad", "intuitivo", "intuitiva", "intuitivos", "intuitivas", "fácil de usar", "fáciles de usar",
    "amigable", "amigables", "eficiente", "eficientes", "eficientemente", "robusto", "robusta", "escalable",
    "escalables", "fiable", "fiables", "confiable", "confiables", "flexible", "flexibles", "altamente disponible",
    "de alta disponibilidad", "moderno", "moderna", "sin fricciones", "fluido", "fluida",
    # French
    "rapide", "rapides", "rapidement", "dès que possible", "au plus vite", "dans les meilleurs délais",
    "intuitif", "intuitive", "intuitifs", "intuitives", "convivial", "conviviale", "conviviaux", "facile à utiliser",
    "faciles à utiliser", "simple d'utilisation", "ergonomique", "performant", "performante", "performants",
    "performantes", "efficace", "efficaces", "robuste", "robustes", "évolutif", "évolutive", "fiable", "fiables",
    "flexible", "flexibles", "hautement disponible", "moderne", "fluide",
    # Spanish and Portuguese "ágil" (a speed, as "snappy" is: "responder de manera ágil")
    "ágil", "ágiles", "ágeis",
    # Italian
    "veloce", "veloci", "velocemente", "rapido", "rapida", "rapidi", "rapidamente", "il prima possibile",
    "al più presto", "tempestivamente", "intuitivo", "intuitiva", "intuitivi", "facile da usare", "facili da usare",
    "affidabile", "affidabili", "scalabile", "scalabili", "efficiente", "efficienti", "performante", "performanti",
    # Portuguese
    "o mais rápido possível", "o quanto antes", "fácil de usar", "fáceis de usar", "confiável", "confiáveis",
    "escalável", "escaláveis", "eficiente", "eficientes", "intuitivo", "intuitiva",
)

#: Obligation verbs as running text writes them, in any case: a sentence with one of these demands
#: something, as one with must, shall or will does in English.
MODAL_VERBS: tuple[str, ...] = (
    "muss", "müssen", "soll", "sollen", "sollte", "sollten",
    "debe", "deben", "deberá", "deberán", "debería", "deberían", "tiene que", "tienen que", "ha de", "han de",
    "doit", "doivent", "devra", "devront", "devrait", "devraient",
    # Italian and Portuguese
    "deve", "devono", "dovrà", "dovranno", "dovrebbe", "dovrebbero",
    "devem", "deverá", "deverão", "deveria", "deveriam", "tem que", "têm que", "tem de", "têm de",
)

# --- open items ------------------------------------------------------------------------------

#: Phrases that leave a value open, matched case-insensitively and only where a value stands: after
#: a label ("Fecha: por definir"), in parentheses, alone in a table cell or list item. A bare word
#: ("offen", "pendiente") is a marker only there: "bleibt offen" and "estado pendiente" are sentences.
OPEN_ITEM_MARKERS: tuple[str, ...] = (
    "noch offen", "noch zu klären", "noch zu definieren", "noch festzulegen", "noch zu bestimmen",
    "noch zu entscheiden", "offen", "ausstehend",
    "por definir", "por determinar", "por confirmar", "pendiente de definir", "pendiente de confirmar",
    "pendiente", "sin definir",
    "à définir", "à déterminer", "à confirmer", "à compléter", "à préciser", "en attente",
    "to be confirmed", "to be decided", "to be determined", "pending decision", "pending confirmation",
    "not yet decided", "undecided",
    # Portuguese, Italian and Dutch, in the same places only ("ajuda a definir as regras" is a sentence):
    # "| Meta | a definir |", "Responsabile: da definire", "(nader te bepalen)"
    # (kept to words whose required literals PH001's pattern already holds or adds few of: past 40 literals
    # the pattern loses its literal prefilter, and PH001 took 2.7 times as long on the Rust RFCs)
    "a definir", "a determinar", "a confirmar", "a decidir", "em aberto", "por decidir",
    "da definire", "da decidere", "da confermare", "da determinare",
    "nog te bepalen", "n.t.b.",
)

#: Phrases that leave a value open only as a field's whole value, after a label ("Owner: to be
#: defined"): in parentheses after a noun they describe something later ("other Routes (to be defined)").
OPEN_FIELD_MARKERS: tuple[str, ...] = (
    "to be defined", "to be agreed", "to be assigned", "to be named", "noch nicht festgelegt",
    "noch nicht entschieden", "noch nicht benannt", "por asignar", "sin asignar",
    "non défini", "non attribué",
)

#: Risks-table columns that say what is done about a risk (`risk/risk_mitigation_cell_empty.py`'s
#: `MITIGATION_COLUMNS`): "| Riesgo | Mitigación |", "| Risiko | Maßnahme |", "| Risque | Atténuation |".
MITIGATION_COLUMNS: tuple[str, ...] = (
    "Maßnahme", "Maßnahmen", "Gegenmaßnahme", "Gegenmaßnahmen", "Risikominderung", "Abhilfe",
    "Mitigación", "Mitigaciones", "Plan de mitigación", "Respuesta", "Plan de respuesta", "Contingencia",
    "Atténuation", "Plan d'atténuation", "Mesure", "Mesures", "Parade", "Réponse", "Plan de contingence",
)
#: A cell holding only one of these leaves its value open, as "TBD" does ("| Maßnahme | offen |").
OPEN_CELL_WORDS: tuple[str, ...] = (*OPEN_ITEM_MARKERS, "offen", "pendiente", "en attente")

# --- requirements ----------------------------------------------------------------------------

#: Upper-case obligation words, as EARS and RFC 2119 write SHALL and MUST ("DANN SOLL das System").
NORMATIVE_VERBS: tuple[str, ...] = (
    "MUSS", "MÜSSEN", "SOLL", "SOLLEN", "DARF NICHT", "DÜRFEN NICHT",
    "DEBE", "DEBEN", "DEBERÁ", "DEBERÁN", "DEBERA", "DEBERAN",
    "DOIT", "DOIVENT", "DEVRA", "DEVRONT",
)
#: The EARS obligation word in each language (THE <system> SHALL <response>).
EARS_SHALL: tuple[str, ...] = ("SOLL", "MUSS", "DEBERÁ", "DEBERA", "DEBE", "DOIT", "DEVRA")
#: EARS leading keywords (WHEN, WHILE, WHERE, IF) as Kiro users write them in each language,
#: with the English keyword each stands for.
EARS_KEYWORDS: dict[str, str] = {
    "WENN": "WHEN", "SOBALD": "WHEN", "WÄHREND": "WHILE", "SOLANGE": "WHILE", "FALLS": "IF", "WO": "WHERE",
    "CUANDO": "WHEN", "MIENTRAS": "WHILE", "SI": "IF", "DONDE": "WHERE",
    "QUAND": "WHEN", "LORSQUE": "WHEN", "PENDANT QUE": "WHILE", "TANT QUE": "WHILE", "OÙ": "WHERE",
}
#: THEN in each language (IF <condition>, THEN THE <system> SHALL <response>).
EARS_THEN: tuple[str, ...] = ("DANN", "ENTONCES", "ALORS")

#: A user story's opening: "Als Kundin möchte ich ...", "Como administrador, quiero ...",
#: "En tant qu'utilisateur, je veux ..." (regular-expression source, matched case-insensitively).
USER_STORY_OPENING = (
    r"als\s+[^,.\n]{1,80}?,?\s+(?:möchte|will|muss|brauche)\s+ich\b|"
    r"como\s+[^,.\n]{1,80}?,?\s+(?:quiero|necesito|deseo|me\s+gustaría)\b|"
    r"en\s+tant\s+qu(?:e\s+|['’]\s*)[^,.\n]{1,80}?,?\s+(?:je\s+(?:veux|souhaite|voudrais|dois)|j['’]ai\s+besoin)\b"
)
#: Numbered requirement headings ("Anforderung 3", "Requisito 2", "Exigence 4").
REQUIREMENT_HEADING_WORDS = r"anforderung|requisito|exigence"
#: Numbered story headings ("Récit 3", "Historia de usuario 2", "Nutzergeschichte 4").
STORY_HEADING_WORDS = r"r[ée]cit(?:\s+utilisateur)?|histoire(?:\s+utilisateur)?|hist[óo]ria(?:\s+de\s+usu[áa]rio)?|" \
                      r"(?:benutzer|nutzer)geschichte|storia(?:\s+(?:dell['’]\s*)?utente)?"

# --- status values ---------------------------------------------------------------------------

#: Status values of decision records and specifications, with the English value each stands for.
STATUS_VALUES: dict[str, str] = {
    # German
    "entwurf": "draft", "vorgeschlagen": "proposed", "akzeptiert": "accepted", "angenommen": "accepted",
    "abgelehnt": "rejected", "ersetzt": "superseded", "veraltet": "deprecated", "in prüfung": "in review",
    "genehmigt": "approved", "freigegeben": "approved", "umgesetzt": "implemented",
    # Spanish
    "borrador": "draft", "propuesto": "proposed", "propuesta": "proposed", "aceptado": "accepted",
    "aceptada": "accepted", "rechazado": "rejected", "rechazada": "rejected", "reemplazado": "superseded",
    "reemplazada": "superseded", "sustituido": "superseded", "obsoleto": "deprecated", "en revisión": "in review",
    "aprobado": "approved", "aprobada": "approved", "implementado": "implemented",
    # French
    "brouillon": "draft", "proposé": "proposed", "proposée": "proposed", "accepté": "accepted",
    "acceptée": "accepted", "rejeté": "rejected", "rejetée": "rejected", "remplacé": "superseded",
    "remplacée": "superseded", "obsolète": "deprecated", "déprécié": "deprecated", "en revue": "in review",
    "approuvé": "approved", "approuvée": "approved", "implémenté": "implemented",
}
