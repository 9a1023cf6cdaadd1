"""API008 admin-action-without-authorization: admin actions described, and nothing says who may take them."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Section
from speclint.document.text import find_all, iter_prose, mask_invisible
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.interfaces import ADMIN_ACTION, AUTHORISATION_STRONG, AUTHORISATION_WEAK
from speclint.reading.requirements import is_proposal, not_in_scope, reads_like_proposal, section_text


class AdminActionWithoutAuthorization(Rule):
    """Flags a document that gives admins, moderators or support staff powers and never says how they are recognised.

    **What it flags.** A document that describes privileged actions ("admins can ban users",
    "support agents can issue refunds", "support team can void a gift card", "the admin dashboard")
    and nowhere says who may take them:
    no role, permission, authorisation, access control, "only admins", allowlist, 403, MFA or
    authentication. "SSO", "login" or "session" count only in a sentence of the admin actions'
    section that names the admins ("moderators sign in with SSO"): the marketing site's SSO, or
    "the dashboard is secure and uses SSO", says nothing about who is an admin. One finding,
    at the first admin action, naming the others. Proposals and decision records are skipped.

    **Why it matters.** An admin screen without an authorisation rule is either open to everyone
    or guarded by whatever the first implementer improvised (an `is_admin` column set by hand, a
    hidden URL). It is the first thing a security review asks and the last thing a demo shows.

    **Example**

    ```markdown
    ## Moderation
    Moderators can remove posts and ban users from the admin dashboard.
    ```

    **Use instead**

    ```markdown
    ## Moderation
    Moderators can remove posts and ban users from the admin dashboard. Only accounts with the
    `moderator` role see it; other users get 403, and every ban is written to the audit log.
    ```
    """

    id = "API008"
    name = "admin-action-without-authorization"
    category = Category.API_CONTRACT
    default_level = Level.WARNING
    # Default: no finding on the corpus (bench/verdicts/round5-recall-failure.tsv).
    group = Group.DEFAULT

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if is_proposal(document, context) or reads_like_proposal(document):
            return
        actions = []
        sections: list[Section] = []
        for piece in iter_prose(document):
            if piece.section.heading is not None and not_in_scope(piece.section):
                continue
            for _match, span in find_all(ADMIN_ACTION, piece.segments):
                actions.append(span)
                if piece.section not in sections:
                    sections.append(piece.section)
        if not actions:
            return
        if AUTHORISATION_STRONG.search(mask_invisible(section_text(document.root, with_code=True))):
            return
        for section in sections:
            own = section if section.heading is not None and section.level >= 2 else None
            if own is not None and _signs_in_admins(own):
                return
        others = sorted({span.start.line for span in actions[1:]} - {actions[0].start.line})
        also = f" (nor at line{'s' if len(others) > 1 else ''} {', '.join(map(str, others[:5]))})" if others else ""
        yield Violation(actions[0], f"admin actions are described and nothing says who may take them{also}: "
                                    "name the role or permission, how it is granted, and what others get")


#: Who the privileged people are, in a sentence that says how they sign in.
_ADMIN_PEOPLE = lazy_compile(r"\b(?:admins?|administrators?|moderators?|super[- ]?users?|support\s+(?:agents?|staff)|staff|"
                             r"operators?)\b", re.I)
#: "secure", "security" and "access" say nothing of who may act: "the dashboard is secure".
_SAYS_NOTHING = frozenset({"secure", "security", "access"})


def _signs_in_admins(section: Section) -> bool:
    """True when a paragraph or item of the admin actions' own section says how the admins sign in
    ("moderators sign in with SSO"): a sign-in word in the same sentence as the admins.
    "The dashboard is secure" or SSO named for everyone else says nothing of who may act."""
    for piece in iter_prose_of(section):
        text = mask_invisible(piece)
        for sentence in re.split(r"(?<=[.!?;])\s+", text):
            words = [match.group(0).lower() for match in AUTHORISATION_WEAK.finditer(sentence)]
            if any(word not in _SAYS_NOTHING for word in words) and _ADMIN_PEOPLE.search(sentence):
                return True
    return False


def iter_prose_of(section: Section) -> list[str]:
    """The text of each paragraph and table cell of a section and its subsections."""
    from speclint.reading.concerns import section_segments

    return [" ".join(segment.text for segment in segments) for segments in section_segments(section)]
