"""RK013 cutover-without-way-back: a migration or cutover that retires the old path and never says how it is undone."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import document_prose, phrase_pattern, quote, section_at
from speclint.reading.requirements import TASK_LISTS, document_kind, not_in_scope, reads_like_proposal

_SKIPPED_KINDS = ("rust-rfc", "kep", "go-design", "otep")

#: Words that say the old path is gone or stopped as part of the change.
_RETIRE = lazy_compile(
    r"\b(?:(?:is|are|gets?|will\s+be|to\s+be|being)\s+(?:(?!not\b|never\b)\w+\s+){0,2}?(?:deleted|dropped|removed|decommissioned|"
    r"shut\s+down|switched\s+off|turned\s+off|torn\s+down|retired|sunset|destroyed|wiped|purged)|"
    r"(?:delete|deletes|drop|drops|remove|removes|decommission|decommissions|shut\s+down|shuts\s+down|"
    r"switch\s+off|switches\s+off|turn\s+off|turns\s+off|tear\s+down|tears\s+down|retire|retires|sunset|sunsets|"
    r"purge|purges)\s+(?:the\s+|its\s+|their\s+|our\s+|all\s+|every\s+)?|"
    # the particle after the object: "switch the old service off", "shut the legacy fleet down"
    r"(?:switch|switches|turn|turns|shut|shuts)\s+(?=(?:the|its|their|our|all|every)\s+(?:[\w`-]+\s+){0,3}?"
    r"(?:off|down)\b)|"
    r"stop(?:s|ping)?\s+(?:writing|serving|running|using|maintaining|syncing|replicating)\b)",
    re.I)
#: What is retired: the old system, its data or its structure (not "a test", "a button", "a flag").
_OLD_THING = lazy_compile(
    r"\b(?:old|legacy|existing|previous|former|current|v1|source)\b|"
    r"\b(?:fleet|clusters?|columns?|tables?|databases?|replica\s+sets?|schemas?|collections?|flows?|templates?|"
    r"servers?|services?|pipelines?|queues?|buckets?|stores?|instances?|mainframe|monolith|endpoints?|"
    r"`[\w./-]+`)\b",
    re.I)
_RETENTION_AFTER = lazy_compile(r"\s*(?:(?:after|within)\s+(?:\d|a\s|an\s|one\s|the\s+retention)|older\s+than|every\b|"
                                r"each\s+(?:night|day|week|month)|nightly|daily|weekly|monthly|"
                                r"when\s+(?:they|it)\s+expires?)", re.I)
_PASSIVE = lazy_compile(r"(?:is|are|gets?|will\s+be|to\s+be|being)\s", re.I)
#: The object of an active verb is old: "drop the six address columns", "delete the legacy flow".
_OBJECT = lazy_compile(r"(?:[\w`-]+\s+){0,3}?(?:(?:old|legacy|existing|previous|former|v1)\b|"
                       r"(?:fleet|clusters?|columns?|tables?|databases?|replica\s+sets?|schemas?|collections?|flows?|"
                       r"templates?|servers?|services?|pipelines?|queues?|buckets?|instances?|mainframe|monolith)\b)", re.I)
#: The sentence is about moving from the old to the new: a migration, cutover, switch or launch.
_CHANGE = lazy_compile(
    r"\b(?:migrat\w*|cut\s?over|cut\s+over|switch(?:es|ed|ing)?\s+(?:over|to|every|all)|mov(?:e|es|ed|ing)\s+"
    r"(?:every|all|each)|backfill\w*|launch\w*|go-live|roll(?:s|ed|ing)?[\s-]?out|same\s+release|next\s+release|"
    r"in\s+one\s+batch|big[\s-]bang)\b",
    re.I)
#: Section titles that hold a change plan.
_PLAN_TITLE = lazy_compile(
    r"\b(?:roll-?out|migrat\w*|cut-?over|launch|deployment|transition|decision|go-live)\b", re.I)
#: A way back, or the author's word that there is none.
REVERSAL = (
    "rollback*", "roll back", "rolls back", "rolled back", "rolling back", "roll-back", "revert*",
    "feature flag*", "feature toggle*", "feature gate*", "toggle*", "kill switch*", "killswitch*", "kill-switch*",
    "downgrade*", "back out", "backout", "undo", "undone", "reversible", "irreversible", "reversal", "reverse",
    "reversed", "one-way", "cannot be reversed", "fall back", "falls back", "fallback*", "backup*", "back up",
    "backed up", "snapshot*", "restore*", "point-in-time", "dual-write*", "dual write*", "switch back", "switches back",
    "go back", "point back", "points back", "shadow*", "read-only", "blue-green", "blue/green", "canary",
    "no way back", "no going back", "remote config", "keeps running", "keep running", "kept running", "stays running",
    "remains available", "stays available", "kept for", "keep the old", "keeps the old", "retained for",
    "staged rollout", "gradual*", "phased", "percent of",
    # a grace period: "the old VMs are switched off four weeks after the move"
    r"re:(?:\w+\s+)?(?:weeks?|months?|quarters?)\s+(?:after|later)",
    r"re:\d+\s?%\s+of\s+(?:the\s+|all\s+)?(?:\w+\s+)?(?:users|customers|traffic|requests|visitors|tenants|members|"
    r"accounts|sellers|riders|drivers|uploads|orders|nodes|hosts|pods|shoppers|sessions|queries|calls)",
)


class CutoverWithoutWayBack(Rule):
    """Flags a migration or cutover that retires the old path (drops its tables, deletes its flow, shuts its fleet down) and never says how the change is undone.

    **What it flags.** A sentence that is part of a change plan (it names a migration, cutover,
    switch-over, backfill, launch or rollout, or stands in a Rollout, Migration, Cutover, Launch,
    Deployment, Transition or Decision section) and retires the old path: something old, legacy or existing, or a system's
    structure (columns, tables, a fleet, a cluster, a replica set, a flow, a service), is deleted,
    dropped, removed, decommissioned, shut down, switched off or stopped (also with the object
    between verb and particle: "switch the old service off"). It is reported when
    nothing in the document offers a way back or says there is none: a rollback, a revert, a
    feature flag or toggle, a backup or snapshot, the old system kept running or read-only for a
    while, a staged or percentage rollout, "switch back", or "irreversible" / "cannot be undone"
    (option `reversal-terms`). Non-goals and rejected alternatives are not read. One finding, at
    the first such sentence. RK008 (preview) asks the wider question of every rollout section.

    Language and platform proposals (Rust RFCs, KEPs and their kin, Go designs, OTEPs), plans and
    task lists are not read: they remove deprecated behaviour through their own process.

    **Why it matters.** Once the old columns are dropped or the old fleet is shut down, the only
    way back from a bad cutover is a restore nobody planned. A reviewer asks what happens on the
    day the new path fails, and the answer has to be written before the old one is gone.

    **Example**

    ```markdown
    ## Migration
    1. Backfill the new `addresses` table from the six address columns of `customers`.
    2. Drop the six address columns from `customers` in the next release.
    ```

    **Use instead**

    ```markdown
    ## Migration
    1. Backfill the new `addresses` table from the six address columns of `customers`.
    2. Checkout reads `addresses` behind the `address-service` flag; turning it off reads the old columns.
    3. Drop the old columns four weeks after the flag reaches 100%, after a snapshot of `customers`.
    ```
    """

    id = "RK013"
    name = "cutover-without-way-back"
    category = Category.RISK
    default_level = Level.WARNING
    # Default under the rule for a check with few corpus findings: none on the corpus (it was narrowed
    # after its first draft's 12 wrong ones, bench/verdicts/round14-fam-rk9.tsv), none on cleanset, on the
    # clean documents of eval and eval2 or on any variant bank's trap; warning level.
    group = Group.DEFAULT
    options = (
        Option("reversal-terms", "list[str]", list(REVERSAL),
               "Phrases that give a way back (or say there is none)."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        # A language or platform proposal removes deprecated behaviour through its own process
        # ("Stage 3: remove the old syntax"); plans and task lists implement a spec.
        kind = document_kind(document, context)
        if kind in _SKIPPED_KINDS or kind in TASK_LISTS or (kind != "adr" and reads_like_proposal(document)):
            return
        index = document_prose(document)
        if not _RETIRE.search(index.text):
            return
        found = None
        for match, span in index.finditer(_RETIRE):
            section = section_at(document, span.start.line)
            if section.heading is not None and not_in_scope(section):
                continue
            start, end = _sentence_bounds(index.text, match.start())
            sentence = index.text[start:end]
            after = index.text[match.end():end]
            if _NEGATED.search(index.text[max(start, match.start() - 25):match.start()]):
                continue
            if _RETENTION_AFTER.match(index.text, match.end()):
                continue  # "logs are deleted after 400 days": a retention period, not a cutover
            passive = bool(_PASSIVE.match(match.group(0)))  # "is dropped", "are switched off", "will be retired"
            if not (_OLD_THING.search(index.text, start, match.start()) if passive else _OBJECT.match(after)):
                continue  # "every publish calls the purge APIs": nothing old is retired
            titled = any(each.heading is not None and _PLAN_TITLE.search(each.title)
                         for each in (section, *section.ancestors()))
            if not (titled or _CHANGE.search(sentence)):
                continue
            found = (match, span)
            break
        if found is None:
            return
        if index.first(phrase_pattern(context.options["reversal-terms"])) is not None:
            return
        match, span = found
        words = quote(match).split()
        what = " ".join(words[:-1] if len(words) > 1 and words[-1].lower() in _ARTICLES else words)
        if what.lower() in _SPLIT_VERBS:  # "switch the old service off": name the whole phrase
            split = _SPLIT_OBJECT.match(index.text, match.end())
            what = f"{what} {split.group(0)}" if split else what
        yield Violation(span, f"'{what}' retires the old path, and the document never says how the change "
                              "is undone: keep the old path (a flag, a read-only copy, a snapshot) until the new one "
                              "has held, or say that there is no way back and why that is accepted")


_SPLIT_VERBS = frozenset(("switch", "switches", "turn", "turns", "shut", "shuts"))
_SPLIT_OBJECT = lazy_compile(r"(?:the|its|their|our|all|every)\s+(?:[\w`-]+\s+){0,3}?(?:off|down)\b", re.I)
_SENTENCE_END = lazy_compile(r"[.!?;:](?=\s|$)|\x00")
_ARTICLES = frozenset(("the", "its", "their", "our", "all", "every"))
_NEGATED = lazy_compile(r"\b(?:not|never|no|nothing|without|don't|do\s+not|does\s+not|won't|will\s+not)\b[^.]*$", re.I)


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    start = max(0, position - 300)
    for end_mark in _SENTENCE_END.finditer(text, start, position):
        start = end_mark.end()
    following = _SENTENCE_END.search(text, position, position + 300)
    return start, following.start() if following else min(len(text), position + 300)
