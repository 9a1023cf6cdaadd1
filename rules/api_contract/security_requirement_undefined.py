"""API007 security-requirement-undefined: "meets the security requirements" or "must be secure", and nothing says what they are."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document, Span
from speclint.document.text import find_all, iter_prose
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.reading.interfaces import VAGUE_SECURITY, vague_security
from speclint.reading.requirements import is_proposal, not_in_scope, reads_like_proposal, section_text


class SecurityRequirementUndefined(Rule):
    """Flags "meets all security requirements", "follows security best practices" or "must be secure" in a document that never says what they are.

    **What it flags.** A sentence that promises security by reference ("meets the company's
    security requirements", "complies with security policies", "follows security best practices")
    or by adjective ("the API must be secure"), with no list, example, standard or link after it
    ("such as", "including", a colon, OWASP, SOC 2, PCI, a section reference), in a document with
    no Security section of its own. One finding per document, at the first such sentence, naming
    the others. Proposals and decision records are skipped.

    **Why it matters.** A requirement that points at requirements nobody wrote down cannot be
    built or tested: each reader fills in their own idea of "secure", and the review that should
    have caught the missing authentication or encryption passes because the word was there.

    **Example**

    ```markdown
    - The export API must meet all security requirements.
    ```

    **Use instead**

    ```markdown
    - The export API accepts only OAuth tokens with the `export:read` scope; exports are encrypted
      at rest (AES-256) and their download links expire after 15 minutes.
    ```
    """

    id = "API007"
    name = "security-requirement-undefined"
    category = Category.API_CONTRACT
    default_level = Level.WARNING
    # Default: no finding on the corpus (bench/verdicts/round5-recall-failure.tsv).
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if is_proposal(document, context) or reads_like_proposal(document) or _has_security_section(document):
            return
        found: list[Span] = []
        for piece in iter_prose(document):
            if piece.kind == "heading" or (piece.section.heading is not None and not_in_scope(piece.section)):
                continue
            for match, span in find_all(VAGUE_SECURITY, piece.segments):
                if vague_security(match.string[match.start():]) is not None:
                    found.append(span)
        if not found:
            return
        others = [span.start.line for span in found[1:]]
        also = f" (and line{'s' if len(others) > 1 else ''} {', '.join(map(str, others[:5]))})" if others else ""
        yield Violation(found[0], f"security is promised and never defined{also}: say what it means here "
                                  "(who may call or see what, how data is protected, which standard applies)")


def _has_security_section(document: Document) -> bool:
    """A section about security with content of its own beyond one vague promise."""
    for section in document.sections():
        if "secur" in section.title.lower() and not not_in_scope(section):
            text = section_text(section)
            if len(text.split()) > 25 or (text.strip() and vague_security(text) is None):
                return True
    return False
