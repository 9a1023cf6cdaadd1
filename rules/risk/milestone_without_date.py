"""RK007 milestone-without-date: a milestone or rollout phase with no date or time frame."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document, Section
from speclint.document.text import mask_invisible
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import (
    GROUP_OPTION_HELP,
    TIME_FRAME,
    Entry,
    cell_is_empty,
    column,
    grouped,
    phrase_pattern,
    profile_applies,
    search_text,
    section_entries,
    section_segments,
    sections_named,
)

MILESTONE_SECTIONS = (
    "Milestones", "Milestone", "Timeline", "Timelines", "Schedule", "Delivery plan", "Delivery schedule",
    "Delivery milestones", "Release schedule", "Release plan", "Release timeline", "Roadmap", "Phases",
    "Project plan", "Project timeline", "Key dates", "Phasing", "Launch timeline", "Rollout schedule",
    "Rollout timeline",
)
ROLLOUT_SECTIONS = (
    "Rollout", "Rollout plan", "Roll-out plan", "Rollout strategy", "Launch plan", "Deployment plan",
    "Release strategy", "Implementation plan", "Implementation", "Migration plan",
)
DATE_COLUMNS = (
    "Date", "Dates", "When", "Target", "Target date", "ETA", "Due", "Due date", "Deadline", "Timeline",
    "Timeframe", "Time frame", "Start", "End", "Start date", "End date", "Week", "Sprint", "Quarter",
    "Duration", "Release", "Version", "Milestone date",
)
# In a rollout or implementation plan, only the entries that name a phase are milestones.
PHASE = lazy_compile(
    r"^\W*(?:phase|stage|step|wave|milestone|ring|m\d|p\d|alpha|beta|preview|ga\b|general availability|"
    r"canary|pilot|dogfood\w*|internal|early access|limited availability|\d+\s?%)",
    re.IGNORECASE,
)


class MilestoneWithoutDate(Rule):
    """Flags a milestone or rollout phase that has no date and no time frame.

    **What it flags.** Each entry of a Milestones, Timeline, Schedule, Roadmap or Phases section
    (option `sections`) — a table row, top-level list item or subsection — and each entry of a
    Rollout, Launch or Implementation plan (option `rollout-sections`) that names a phase ("Phase 2",
    "Beta", "GA", "Canary", "10%"), when it carries neither a date ("2026-03-02", "March 2",
    "Q2 2026") nor a relative time frame ("week 3", "+2 weeks", "sprint 14", "two weeks after beta",
    "end of Q1", a release train like "Go 1.23" or "v1.30"; option `time-terms`). In a table with a
    Date, When, Target, ETA or Sprint column (option `date-columns`) that cell must be filled. When
    no milestone of a section has a date, the section is reported once, at its heading (option `group`).

    **Why it matters.** A milestone without a date is a wish: nobody can plan around it, and nobody
    notices when it slips. A relative frame is enough ("two weeks after beta"); silence is not.

    **Example**

    ```markdown
    ## Milestones
    1. Internal dogfood with the payments team.
    2. Beta for 5% of EU customers.
    3. General availability.
    ```

    **Use instead**

    ```markdown
    ## Milestones
    1. Internal dogfood with the payments team: week of 2026-01-12.
    2. Beta for 5% of EU customers: two weeks after dogfood, for 2 weeks.
    3. General availability: end of Q1 2026.
    ```
    """

    id = "RK007"
    name = "milestone-without-date"
    category = Category.RISK
    default_level = Level.INFO
    # Below 90% measured precision (bench/verdicts): off unless named.
    group = Group.PREVIEW
    options = (
        Option("sections", "list[str]", list(MILESTONE_SECTIONS), "Sections whose every entry is a milestone."),
        Option("rollout-sections", "list[str]", list(ROLLOUT_SECTIONS),
               "Sections whose entries are milestones only when they name a phase (Phase 2, Beta, GA, 10%)."),
        Option("time-terms", "list[str]", list(TIME_FRAME), "Phrases that give a date or a relative time frame."),
        Option("date-columns", "list[str]", list(DATE_COLUMNS), "Table columns that hold a milestone's date."),
        Option("group", "bool", True, GROUP_OPTION_HELP),
        Option("skip-profiles", "list[str]", ["spec-kit", "spec-kit-plan", "ears", "rust-rfc", "checklist"], "Profiles this rule does not apply to."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not profile_applies(context):
            return
        options = context.options
        time_terms = phrase_pattern(options["time-terms"])
        seen: set[tuple[int, int]] = set()
        milestone_sections = sections_named(document, options["sections"])
        rollout_sections = [section for section in sections_named(document, options["rollout-sections"])
                            if section not in milestone_sections]
        for section, only_phases in [*((s, False) for s in milestone_sections), *((s, True) for s in rollout_sections)]:
            if not _is_delivery(section):
                continue  # the phases of a pipeline, the states of a workflow
            entries = []
            for entry in section_entries(section):
                key = (entry.span.start.line, entry.span.start.column)
                if key in seen or (only_phases and not PHASE.match(mask_invisible(entry.label))):
                    continue
                seen.add(key)
                entries.append(entry)
            failing = [entry for entry in entries if not _has_time(entry, time_terms, options["date-columns"])]
            group = grouped(section, entries, failing, options["group"])
            if group is not None:
                span, count = group
                yield Violation(span, f"none of the {count} milestones has a date or time frame: give each a date, "
                                      "or a time relative to another milestone ('two weeks after beta')")
                continue
            for entry in failing:
                yield Violation(entry.span, f"milestone '{entry.label}' has no date or time frame: give a date, "
                                            "or a time relative to another milestone ('two weeks after beta')")


# What delivery milestones talk about; a processing pipeline's "Phases" (parse, validate, store) or
# a workflow's states (draft, review, approved) do not.
_DELIVERY_WORDS = lazy_compile(
    r"\b(?:releas\w*|ship\w*|launch\w*|roll(?:ed|ing)?[ -]?out|deliver\w*|milestones?|mvp|GA|alpha|beta|preview|"
    r"pilot|sprints?|deadline|go-live|cutover|handoff|v\d+(?:\.\d+)*|deprecat\w*|migrat\w*|implement\w*|"
    r"build|complete[sd]?|done|due|target(?:ed|ing)?|week|weeks|months?|quarters?|Q[1-4]|research|"
    r"(?:phase|stage|milestone|step|wave)\s*\d+|M\d+)\b",
    re.I,
)
_DELIVERY_TITLE = lazy_compile(r"\b(?:milestones?|timelines?|schedule|delivery|release|roadmap|launch|rollout|key dates|project plan)\b", re.I)


def _is_delivery(section: Section) -> bool:
    if _DELIVERY_TITLE.search(section.title):
        return True
    text = " ".join(" ".join(segment.text for segment in segments) for segments in section_segments(section))
    return bool(_DELIVERY_WORDS.search(mask_invisible(text)))


def _has_time(entry: Entry, time_terms: re.Pattern[str] | None, date_columns: list[str]) -> bool:
    if entry.checked:
        return True  # a ticked milestone is done: its date is history
    if entry.kind == "row":
        cells = [cell for name in date_columns if (cell := column(entry, [name])) is not None]
        if cells:
            return any(not cell_is_empty(cell) for cell in cells)
    return search_text(time_terms, entry.text) is not None
