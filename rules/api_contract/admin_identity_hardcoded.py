"""API006 admin-identity-hardcoded: admin rights tied to one person's email address."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import CodeBlock, Document, Span
from speclint.document.text import find_all, iter_prose
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.reading.interfaces import ADMIN_EMAIL, hard_coded_admin


class AdminIdentityHardcoded(Rule):
    """Flags admin rights granted to one email address written into the spec.

    **What it flags.** A sentence, list item, table cell or code line that ties the admin role to
    an email address: "admin access is granted to jane@acme.com", "jane@acme.com is the
    administrator", "the first admin is jane@acme.com", "only jane@acme.com can export", "WHEN a user
    signs in with jane@acme.com THEN the system SHALL grant that user the admin role",
    `ADMIN_EMAIL=jane@acme.com`, `isAdmin = user.email == "jane@acme.com"`. An
    address given to contact an admin or to receive alerts ("email the admin at ops@acme.com",
    "alerts are sent to admin user ops@acme.com") is not an identity.

    **Why it matters.** A hard-coded address is an authorisation scheme with one user and no
    process: it cannot be audited, handed over or revoked when that person leaves, and whoever
    controls that mailbox (or registers it on a fresh install) holds the keys.

    **Example**

    ```markdown
    Admin access is granted to jane@acme.com.
    ```

    **Use instead**

    ```markdown
    Admin access is granted to members of the `shop-admins` SSO group; membership is reviewed
    quarterly by the security team.
    ```
    """

    id = "API006"
    name = "admin-identity-hardcoded"
    category = Category.API_CONTRACT
    default_level = Level.WARNING
    # Default: no finding on the corpus (bench/verdicts/round5-recall-failure.tsv).
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if "@" not in document.source:
            return  # every finding is an email address in the text (most documents hold none)
        for piece in iter_prose(document):
            if piece.kind == "heading":
                continue
            for match, span in find_all(ADMIN_EMAIL, piece.segments, visible_only=False):
                if hard_coded_admin(match.string[max(0, match.start() - 60): match.end()]) is None:
                    continue
                yield Violation(span, "admin rights are tied to one person's email address: grant them to a "
                                      "role or group that can be audited and handed over")
                break
        for _section, block in document.iter_blocks():
            if not isinstance(block, CodeBlock):
                continue
            for segment in block.lines:
                match = hard_coded_admin(segment.text)
                if match is not None:
                    start = segment.column + match.start()
                    yield Violation(Span.of(segment.line, start, segment.line, segment.column + match.end()),
                                    "admin rights are tied to one person's email address in this code: read "
                                    "them from a role or group that can be audited and handed over")
