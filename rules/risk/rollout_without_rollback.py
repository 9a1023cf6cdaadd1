"""RK008 rollout-without-rollback: a rollout or migration that never says how it is reversed."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Section
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import (
    document_prose,
    evidence,
    heading_span,
    phrase_pattern,
    profile_applies,
    quote,
    section_segments,
    sections_named,
)

# A title that names a rollout or migration by itself; "Deployment" or "Launch" may be a hosting stack.
_ROLLOUT_TITLE = lazy_compile(r"\b(?:roll-?out|migrat\w*|cutover|upgrade|release plan|phased|canary)\b", re.I)
# What a rollout section says: who gets the change, in what steps, what happens to existing data.
_ROLLOUT_WORDS = lazy_compile(
    r"\b(?:roll(?:ed|ing)?[ -]?out|releas\w*|migrat\w*|cutover|cut over|phases?|stages?|staged|canary|percent\w*|"
    r"gradual\w*|existing (?:users|customers|data|clusters|accounts)|production traffic|backfill\w*|upgrad\w*|"
    r"beta|pilot|early access|general availability|waves?)\b|\d+\s?%",
    re.I,
)


def _is_rollout(section: Section) -> bool:
    """A rollout section: its title says so, or its text describes a staged change ("Deployment:
    Vercel, Supabase, Cloudflare" lists where the app runs, not how a change reaches users)."""
    if _ROLLOUT_TITLE.search(section.title):
        return True
    text = " ".join(" ".join(segment.text for segment in segments) for segments in section_segments(section))
    return bool(_ROLLOUT_WORDS.search(mask_invisible(text)))


SECTIONS = (
    "Rollout", "Rollout plan", "Roll-out plan", "Rollout strategy", "Launch plan", "Deployment",
    "Deployment plan", "Deployment strategy", "Release plan", "Migration", "Migration plan",
    "Migration strategy", "Data migration", "Cutover", "Cutover plan", "Upgrade plan",
    "Upgrade / Downgrade Strategy", "Launch",
)
ROLLOUT_PHRASES = (
    "data migration*", "schema migration*", "database migration*", "migrate existing*", "migrate the data",
    "backfill*", "phased rollout", "gradual rollout", "staged rollout", "percentage rollout", "roll out to",
    "rolled out to", "rolling out to", "canary release*", "canary deployment*", "cutover", "cut over",
    "dual-write*", "dual write*",
)
REVERSAL = (
    "rollback*", "roll back", "rolls back", "rolled back", "rolling back", "roll-back", "revert*",
    "feature flag*", "feature toggle*", "feature gate*", "feature switch*", "flag", "flags", "flagged",
    "kill switch*", "killswitch*", "kill-switch*", "circuit breaker*", "downgrade*", "back out", "backout",
    "undo", "undone", "reversible", "irreversible", "reversal", "reverse", "reversed", "one-way door",
    "cannot be reversed", "fall back to", "falls back to", "fallback", "restore from backup*",
    "restore the backup*", "point-in-time recovery", "disable", "disabled", "turn off", "switch off",
    "opt-out", "dark launch*", "blue-green", "blue/green",
)


class RolloutWithoutRollback(Rule):
    """Flags a rollout or migration that never says how it is reversed.

    **What it flags.** A document with a Rollout, Launch, Deployment, Migration or Cutover section
    (option `sections`), or that keeps describing one in its text ("data migration", "backfill",
    "phased rollout", "roll out to 10%"; at least two mentions, option `rollout-phrases`), when
    nothing in it says how the change is undone: rollback, revert, feature flag, kill switch,
    downgrade, restore from backup, or that it *cannot* be reversed ("irreversible", "one-way door";
    option `reversal-terms`). Reported once, at the rollout section's heading or at the first
    mention.

    **Why it matters.** Every rollout is planned for success; the incident review asks what the plan
    was for failure. A migration that cannot be undone needs more review, not less, and a flag or a
    rollback step decided in advance is what lets on-call act at 3 a.m. without the author.

    **Example**

    ```markdown
    ## Rollout
    1. Backfill `saved_cards` from the payment provider's vault.
    2. Enable card saving for 10% of customers, then 50%, then everyone.
    ```

    **Use instead**

    ```markdown
    ## Rollout
    Card saving sits behind the `saved-cards` feature flag; turning it off hides the option and
    leaves stored cards untouched. The backfill only inserts rows, so rolling back is deleting
    them (script in the runbook).
    ```
    """

    id = "RK008"
    name = "rollout-without-rollback"
    category = Category.RISK
    default_level = Level.WARNING
    # Below 90% measured precision (bench/verdicts): off unless named.
    group = Group.PREVIEW
    options = (
        Option("sections", "list[str]", list(SECTIONS), "Titles of rollout and migration sections."),
        Option("rollout-phrases", "list[str]", list(ROLLOUT_PHRASES), "Phrases that describe a rollout or migration."),
        Option("min-mentions", "int", 2, "With no rollout section, how many such phrases make a rollout.", minimum=1),
        Option("reversal-terms", "list[str]", list(REVERSAL),
               "Phrases that say how the change is reversed (or that it cannot be)."),
        Option("skip-profiles", "list[str]", ["rust-rfc", "adr", "checklist", "go-design", "otep"], "Profiles this rule does not apply to."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not profile_applies(context):
            return
        options = context.options
        index = document_prose(document)
        sections = [section for section in sections_named(document, options["sections"]) if _is_rollout(section)]
        where = None
        what = ""
        if sections:
            where = heading_span(sections[0])
            what = f"the '{sections[0].title}' section"
        else:
            found = evidence(document, options["rollout-phrases"], options["min-mentions"], 1, index)
            if found is not None:
                where = found[1]
                what = f"the {quote(found[0])}"
        if where is None:
            return
        if index.first(phrase_pattern(options["reversal-terms"])) is not None:
            return
        yield Violation(where, f"{what} never says how the change is reversed: describe the rollback, feature flag "
                               "or kill switch, or say that it cannot be undone")
