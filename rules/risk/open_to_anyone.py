"""RK017 open-to-anyone: the design accepts a request, or grants an action, from any source or without any check."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Span
from speclint.document.text import iter_prose, mask_invisible
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.requirements import not_in_scope

#: What opens a door: a verb of accepting, answering or honouring, or a grant ("can", "may").
_OPENING = (
    r"(?:accept|allow|answer|serve|respond|process|honou?r|trust|grant|approve|appl(?:y|ies|ied)|permit|"
    r"admit|let|acept|permit|atend|akzeptier|erlaub|beantwort|accett|consent|autoris|accueill)\w*"
)
#: A source that is everyone: "from any source address", "from any IP", "from any origin".
_ANY_SOURCE = (
    r"(?:from|by|for)\s+(?:any|every|all)\s+(?:source|sources|source\s+address(?:es)?|ip(?:\s+address)?s?|"
    r"(?:network\s+)?address(?:es)?|hosts?|origins?|clients?|networks?|callers?|senders?)\b|"
    r"(?:desde|de)\s+cualquier\s+(?:origen|direcci[óo]n|ip|red|cliente|remitente)|"
    r"von\s+(?:jeder|jedem|beliebigen?)\s+(?:quelle|adresse|ip|netz|client|absender)\w*|"
    r"(?:da|di)\s+qualsiasi\s+(?:origine|indirizzo|ip|rete|client|mittente)|"
    r"(?:de|depuis)\s+n'importe\s+quel(?:le)?\s+(?:source|adresse|ip|r[ée]seau|client|exp[ée]diteur)"
)
#: No check at all: "without further checks", "with no verification", "sin más verificación".
_NO_CHECK = (
    r"(?:without|with\s+no)\s+(?:any\s+|further\s+|additional\s+|more\s+|other\s+)?(?:checks?|"
    r"verification|validation|authenti[ck]ation|authori[sz]ation|approval|review|questions\s+asked)\b|"
    r"sin\s+(?:m[áa]s\s+|ninguna\s+|otra\s+)?(?:verificaci[óo]n|comprobaci[óo]n|control|validaci[óo]n|autenticaci[óo]n)|"
    r"ohne\s+(?:weitere\s+|jede\s+)?(?:pr[üu]fung|kontrolle|verifizierung|authentifizierung)|"
    r"senza\s+(?:ulteriori\s+|alcun\w*\s+)?(?:controll[oi]|verific\w+|autenticazione)|"
    r"sans\s+(?:autre\s+|aucune?\s+)?(?:v[ée]rification|contr[ôo]le|authentification)"
)
#: The words that make a sentence open, searched first in the lower-cased text (each pattern starts
#: with a literal, which the regex engine scans for quickly): most documents hold none of them.
_ENGLISH_PROBES = tuple(
    lazy_compile(prefix + r" (?:any |further |additional |more |other )?" + words)
    for prefix, words in (
        ("any", r"(?:source|ip|address|host|origin|client|network|caller|sender)"),
        ("every", r"(?:source|ip|address|host|origin|client|network|caller|sender)"),
        ("all", r"(?:source|ip|address|host|origin|client|network|caller|sender)"),
        ("without", r"(?:check|verif|valid|authent|authori|approv|review|question)"),
        ("with no", r"(?:check|verif|valid|authent|authori|approv|review|question)"),
    )
)
_OTHER_PROBES = tuple(lazy_compile(pattern) for pattern in (
    "cualquier", "qualsiasi", "n'importe", "beliebig", "von jede",
    r"sin (?:m[áa]s |ninguna |otra )?(?:verif|compro|control|valid|autent)",
    r"ohne (?:weitere |jede )?(?:pr[üu]f|kontr|verif|authent)",
    r"senza (?:ulteriori |alcun\w* )?(?:controll|verific|autent)",
    r"sans (?:autre |aucune? )?(?:v[ée]rif|contr[ôo]l|authent)",
))
_OPEN = lazy_compile(
    r"\b" + _OPENING + r"\b[^.;:!?\n]{0,80}?(?:" + _ANY_SOURCE + r"|" + _NO_CHECK + r")",
    re.I,
)
#: The door is closed in the same breath: a restriction, a signature, a limit, a rejection.
_RESTRICTED = lazy_compile(
    r"\b(?:only|restricted|limited\s+to|allow-?list\w*|whitelist\w*|acls?|firewall\w*|rate[- ]limit\w*|"
    r"authenticated|signed|signature|mtls|tokens?|api[- ]keys?|rejects?|refuses?|denie[sd]|denied|drops?|"
    r"blocked|except|unless|but\s+(?:only|not)|solo|s[óo]lamente|nur|soltanto|seulement|"
    r"filter\w*|source\s+ranges?|by\s+default|configurable|opt[- ]in|"
    r"public(?:ly)?|anonymous(?:ly)?|open\s+data|by\s+design|intentional(?:ly)?|deliberate(?:ly)?)\b",
    re.I,
)
#: Negated or conditional: "must not accept ... without verification", "never", "no longer".
_NEGATED = lazy_compile(
    r"\b(?:not|never|no\s+longer|cannot|can't|won't|mustn't|shouldn't|nicht|nunca|jam[aá]is|mai|ne\s+\w+\s+pas|"
    r"if|when|would|instead|prevent\w*|avoid\w*|risk\w*|attack\w*|abuse\w*|malicious)\b",
    re.I,
)
#: A sentence ends at a full stop followed by a space (not at the dots of `a.b/c` or `1.5`).
_SENTENCE = lazy_compile(r"(?:[^.!?]|[.!?](?!\s|$))+(?:[.!?]+|$)")


class OpenToAnyone(Rule):
    """Flags a design that accepts requests from any source, or honours an action without any check, and says nothing that limits it.

    **What it flags.** A sentence of the design that opens a door to everyone: it accepts, answers,
    serves or honours something "from any source address", "from any origin", "from any client"
    (and the same in Spanish, German, Italian and French), or honours, grants or applies it
    "without further checks", "with no verification". Not when the same sentence or its paragraph
    closes the door again (only, allowlist, rate limit, signed, authenticated, rejects, except,
    unless), says the openness is public or anonymous by design, or when the sentence is negated,
    conditional or about an attack the design prevents.

    **Why it matters.** "Any source" and "no checks" are where abuse starts: an open DNS resolver
    is an amplification weapon, an exemption honoured without checks is a switch every tenant can
    flip for itself. A reviewer asks who may do it and what stops everyone else; the design should
    answer before they ask.

    **Example**

    ```markdown
    - The relay shall accept messages from any sender address.
    ```

    **Use instead**

    ```markdown
    - The relay shall accept messages only from the hosts in the `relay_clients` allowlist and
      reject every other sender with 554.
    ```
    """

    id = "RK017"
    name = "open-to-anyone"
    category = Category.RISK
    default_level = Level.WARNING
    # Default under the rule for a check with few corpus findings: none on the corpus, none on the
    # clean documents of eval, eval2, eval3, eval5, cleanset, cleanset2 or on any variant bank's trap;
    # warning level (bench/verdicts/round16-riskauth11.tsv, bench/recall-notes/riskauth11.md).
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        lines = _probed_lines(document.source.lower())
        if not lines:
            return
        for piece in iter_prose(document):
            if piece.kind == "heading":
                continue
            if piece.section.heading is not None and not_in_scope(piece.section):
                continue
            for segment in piece.segments:
                if segment.line not in lines:
                    continue
                text = mask_invisible(segment.text)
                if _OPEN.search(text) is None:
                    continue
                sentences = list(_SENTENCE.finditer(text))
                for index, sentence in enumerate(sentences):
                    found = _OPEN.search(sentence.group(0))
                    if found is None or _NEGATED.search(sentence.group(0)):
                        continue
                    # the door closed in the same sentence or the next one
                    after = sentences[index + 1].group(0) if index + 1 < len(sentences) else _next_line(piece, segment)
                    if _RESTRICTED.search(sentence.group(0)) or _RESTRICTED.search(after):
                        continue
                    start = segment.column + sentence.start() + found.start()
                    yield Violation(
                        Span.of(segment.line, start, segment.line, segment.column + sentence.start() + found.end()),
                        f"'{found.group(0).strip()}' opens this to anyone, and nothing here limits it: say who may "
                        "do it, how others are refused, and how abuse is limited",
                    )
                    return


def _next_line(piece: object, segment: object) -> str:
    """The text after `segment` in its paragraph (a sentence wrapped onto the next line)."""
    segments = getattr(piece, "segments")
    index = segments.index(segment)
    return mask_invisible(" ".join(each.text for each in segments[index + 1:index + 3]))


def _probed_lines(lowered: str) -> set[int]:
    """The lines where an opening word stands (a probe's match), found in the whole text at once."""
    starts = [match.start() for probe in (*_ENGLISH_PROBES, *_OTHER_PROBES) for match in probe.finditer(lowered)]
    return {lowered.count("\n", 0, start) + 1 for start in starts}
