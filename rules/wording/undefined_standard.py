"""WD010 undefined-standard: a requirement that defers to standards it never names ("complies with applicable regulations")."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Span
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import profile_name
from speclint.reading.interfaces import VAGUE_SECURITY, vague_security
from speclint.reading.normative import without_ids
from speclint.reading.wording import SKIP_PROFILES_HELP, in_rationale
from speclint.rules.wording.requirement_loophole import _EXTRA_SKIPPED, requirement_hits
from speclint.rules.wording.vague_requirement import _PROPOSALS

# "complies with applicable regulations", "meets industry standards", "follows best practices",
# "in accordance with relevant requirements": a yardstick nobody named.
_DEFERRAL = lazy_compile(
    r"\b(?:compl(?:y|ies|iant|iance)|conform(?:s|ing|ance)?|adher(?:e|es|ing|ence)|follow(?:s|ing)?|meet(?:s|ing)?|"
    r"satisf(?:y|ies|ying)|(?:in\s+)?(?:accordance|line|keeping)|according|align(?:s|ed)?|consistent)"
    r"\s+(?:with\s+|to\s+)?(?:all\s+)?(?:the\s+)?(?:current\s+|relevant\s+|applicable\s+)?"
    r"(?P<yardstick>(?:applicable|relevant|industry|appropriate|necessary|required|current|modern|common|recognized|"
    r"recognised|accepted|standard|best)"
    r"(?:[\s-]+(?:best|industry|security|privacy|compliance|regulatory|legal|accessibility|coding|quality|data[\s-]+protection))?"
    r"[\s-]+(?:regulations?|standards?|practices?|requirements|laws?|guidelines|rules|norms|policies))\b"
    # "complies with regulations", "compliant with standards": no qualifier, and still nothing named
    r"|\b(?:compl(?:y|ies|iant)\s+with|conform(?:s|ing)?\s+to|adher(?:e|es|ing)\s+to)\s+(?:all\s+)?(?:the\s+)?"
    r"(?P<unqualified>regulations|standards|laws|legal\s+requirements|regulatory\s+requirements)\b"
    # "must be compliant.", "| Compliance | Compliant |": compliant with nothing at all
    r"|(?:\b(?:be|is|are|remains?|stays?|being|fully)\s+|^[\s*_]*(?:(?:\*\*|__)[^*_\n]{1,40}(?:\*\*|__)\s*[:：]?\s*)?)"
    r"(?P<bare>compliant)(?=[\s*_]*(?:[.;,|]|$|\band\b))"
    # "protects data with industry-standard encryption": which algorithm, which protocol version?
    # "military-grade encryption", "best-practice hashing", "strong encryption": the same, in other words
    r"|\b(?P<kind>(?:(?:industry|military|bank|enterprise)[\s-]+(?:standard|grade|level)|best[\s-]+practices?|strong|"
    r"state[\s-]+of[\s-]+the[\s-]+art)\s+(?:encryption|cryptography|crypto|hashing|protocols?|algorithms?|ciphers?|"
    r"authentication|security|tools?))\b"
    # "| Security | Industry best practices |", "**Security:** best practices.": a yardstick alone
    r"|^[\s*_]*(?:(?:\*\*|__)[^*_\n]{1,40}(?:\*\*|__)\s*[:：]?\s*)?(?:follow\s+)?"
    r"(?P<alone>(?:industry|current|modern|accepted|recognized|recognised)[\s-]+(?:best[\s-]+)?(?:practices|standards)|"
    r"best[\s-]+practices)[\s.*_]*$",
    re.I,
)
# The yardstick is named in the same breath: "(PCI DSS v4.0)", "such as WCAG 2.1 AA", "listed in section 7".
_NAMED = lazy_compile(r"^\s*(?:[(:—–]|(?:,\s*)?(?:e\.g\.|i\.e\.|such\s+as|including|namely|listed|defined|described|"
                      r"specified|in\s+§|in\s+section|per\b|from\b))", re.I)
# Words that link "compliant" to its subject, not name what it complies with ("must be compliant").
_LINKING = frozenset({"be", "is", "are", "remain", "remains", "stay", "stays", "being", "fully", "must", "shall", "and"})


def _named_before(text: str) -> bool:
    """True when a name stands right before "compliant": "WCAG 2.1 AA compliant", "PCI-compliant" (without a
    regex: a pattern anchored at the end of a prefix is searched from every start)."""
    words = text[-60:].replace("-", " ").split()
    while words and words[-1].lower() == "fully":
        words.pop()
    if not words:
        return False
    last = words[-1].strip("*_`|")
    return bool(last) and last.lower() not in _LINKING and (last[-1].isalnum() or last[-1] in ")]")


_CITED = lazy_compile(r"\b(?:[A-Z]{2}[\w.-]*\s*\d|ISO|IEC|NIST|OWASP|PCI|SOC\s*2|GDPR|HIPAA|WCAG|RFC|FIPS|CCPA|PSD2|SOX)\b")


class UndefinedStandard(Rule):
    """Flags a requirement that defers to standards it never names: "complies with applicable regulations".

    **What it flags.** In a requirement statement (an item or table cell of a requirements or
    criteria section, a statement with a requirement ID, a SHALL/MUST line, or a sentence with
    must, shall, should or will outside background, rationale, quotes and questions), a demand to
    comply with, meet, follow or conform to a yardstick nobody named: "applicable regulations",
    "industry standards", "best practices", "relevant compliance requirements", "current
    accessibility guidelines" (INCOSE R7 and ISO/IEC/IEEE 29148 5.2.7: a requirement must be
    verifiable on its own); "complies with regulations" with no qualifier; "compliant" with
    nothing named ("Data storage must be compliant", "| Compliance | Compliant |"); and a
    yardstick standing alone as the requirement ("| Security | Industry best practices |"); and a
    means of protection by reputation only ("industry-standard encryption", "military-grade
    encryption", "best-practice hashing", "strong encryption").
    `security-requirement-undefined` reports undefined security the same way; this rule covers the
    rest. Requirements are found in the shapes `requirement-loophole` reads.

    Not flagged: a standard named before "compliant" ("GDPR compliant", "WCAG 2.1 AA
    compliant"); the yardstick named in the same sentence ("best practices (OWASP ASVS level 2)",
    "applicable regulations such as GDPR and PSD2"); design proposals' prose; rationale.

    **Why it matters.** "Complies with applicable regulations" passes every review and every
    test, because nobody listed the regulations: the audit finds out which ones applied.

    **Example**

    ```markdown
    ## Requirements
    - Card data handling complies with applicable regulations.
    ```

    **Use instead**

    ```markdown
    ## Requirements
    - Card data handling complies with PCI DSS v4.0 (SAQ A: card data never touches our servers).
    ```
    """

    id = "WD010"
    name = "undefined-standard"
    category = Category.WORDING
    default_level = Level.WARNING
    options = (Option("skip-profiles", "list[str]", [*_PROPOSALS, *_EXTRA_SKIPPED], SKIP_PROFILES_HELP),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        skip = set(context.options["skip-profiles"])
        for statement, hits, source in requirement_hits(document, profile_name(context), skip, _DEFERRAL):
            if _promises_security(statement.text):
                continue  # one defect, one finding: security-requirement-undefined (API007) reads it
            hit = next((hit for hit in hits if _is_undefined(hit.match, source)), None)
            if hit is None:
                continue
            written = " ".join(hit.match.group(_yardstick_group(hit.match)).split())
            if hit.match.group("kind"):
                message = (f"requirement asks for '{written}' without naming which: name the algorithm, protocol or "
                           "standard (and its version) a reviewer checks against")
            elif hit.match.group("bare"):
                message = (f"requirement says '{written}' without naming what with: name the standard, law or rule "
                           "(and its version) a reviewer checks against")
            else:
                message = (f"requirement defers to '{written}' without naming them: name the standard, law or "
                           "rule (and its version) a reviewer checks against")
            yield Violation(_at_yardstick(hit.span, hit.match), message)


def _promises_security(text: str) -> bool:
    return any(vague_security(match.string[match.start():]) is not None for match in VAGUE_SECURITY.finditer(text))


def _is_undefined(match: re.Match[str], source: str) -> bool:
    if in_rationale(match) or "?" in match.string[: match.start()]:
        return False
    after = match.string[match.end(): match.end() + 40]
    if match.group("bare") and _named_before(match.string[: match.start("bare")]):
        return False  # "the export is SOC 2 compliant", "| GDPR | Compliant |"
    if _NAMED.match(after):
        return False
    return not _CITED.search(without_ids(source))  # "FR-005" cites nothing


def _yardstick_group(match: re.Match[str]) -> str:
    return next(name for name in ("yardstick", "unqualified", "bare", "alone", "kind") if match.group(name))


def _at_yardstick(span: Span, match: re.Match[str]) -> Span:
    """The unnamed yardstick itself ("applicable regulations"), when it is on the match's first line."""
    group = _yardstick_group(match)
    lead = match.string[match.start(): match.start(group)]
    if "\n" in lead or "\n" in match.group(group):
        return span
    start = span.start.column + len(lead)
    return Span.of(span.start.line, start, span.start.line, start + len(match.group(group)))
