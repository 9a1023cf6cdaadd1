"""RK003 missing-risks-section: a spec that changes data, money or a public API with no risks section."""

from __future__ import annotations

from typing import Iterator

from speclint.document.headings import normalize_title
from speclint.document.model import Document, Table
from speclint.engine.rule import Category, Group, Level, Option, Rule, RuleContext, Violation
from speclint.reading.concerns import (
    MONEY_MOVEMENT,
    RISK_LIKE_SECTIONS,
    RISK_SECTIONS,
    anchor_for,
    document_prose,
    evidence,
    profile_applies,
    quote,
    sections_named,
)

CHANGES: dict[str, tuple[str, ...]] = {
    "data": (
        "data migration*", "schema migration*", "database migration*", "schema change*", "migrate the data",
        "migrate existing data", "migrate existing record*", "migrate existing user*", "backfill*",
        "drop the column", "drop column*", "drop table*", "alter table", "new column*", "new table*",
        "delete* existing data", "delete* user data", "purge*", "data model change*", "data retention change*",
        "re-encrypt*", "reindex*", "re-index*",
    ),
    "money": (*MONEY_MOVEMENT, "billing", "price change*", "price increase*"),
    "public-api": (
        # Not "SDK", "REST API", "webhook" or a bare "endpoint": a spec that calls someone else's API
        # names it too, and naming one is not changing one.
        "public API*", "public endpoint*", "breaking change*", "API version*", "new endpoint*",
        "API contract*", "deprecate", "deprecating", "deprecation",
        "remove the endpoint*", "rename the endpoint*", "change* the response format",
    ),
}
WHAT = {"data": "stored data", "money": "money", "public-api": "a public API"}
LOOK_IN = (
    "Open questions", "Unresolved questions", "Alternatives", "Alternatives considered", "Rollout plan",
    "Rollout", "Launch plan", "Implementation plan", "Design", "Detailed design", "Proposal",
)


class MissingRisksSection(Rule):
    """Flags a spec that changes stored data, money or a public API and has no risks section.

    **What it flags.** A document that keeps coming back to a change of stored data ("data
    migration", "backfill", "drop column"), of money ("payment", "refund", "pricing") or of a
    public API ("public API", "breaking change", "new endpoint") — at least three mentions in two
    or more sections, so a passing remark or a worked example does not count — but has no section
    that says what could go wrong: Risks, Risks and mitigations, Known risks (option `sections`),
    or the equivalents other templates use, Drawbacks (Rust RFCs) and Consequences (ADRs)
    (option `risk-like-sections`). A table with a Risk column anywhere also counts. The finding
    points where the section usually goes: before Open questions or Alternatives, else at the title.

    **Why it matters.** These are the changes that cannot be quietly undone: a bad migration loses
    rows, a billing bug charges real customers, a broken API breaks someone else's product. Reviewers
    expect the author to have thought about what could go wrong before they approve.

    **Example**

    ```markdown
    # Annual billing
    Customers can switch to annual billing; we migrate existing subscriptions in a backfill job.
    ## Design
    The billing service prorates the refund for the unused months...
    ## Open questions
    ```

    **Use instead**

    ```markdown
    ## Risks and mitigations
    - Proration rounding charges a customer twice: the backfill runs in dry-run mode first and
      finance reviews the diff (owner: @priya).
    ```
    """

    id = "RK003"
    name = "missing-risks-section"
    category = Category.RISK
    default_level = Level.INFO
    # Below 90% measured precision (bench/verdicts): off unless named.
    group = Group.PREVIEW
    options = (
        Option("sections", "list[str]", list(RISK_SECTIONS), "Titles of a risks section."),
        Option("risk-like-sections", "list[str]", list(RISK_LIKE_SECTIONS),
               "Other titles that also answer 'what could go wrong' (Drawbacks, Consequences)."),
        *(
            Option(f"changes-{kind}", "list[str]", list(words), f"Phrases that show the spec changes {WHAT[kind]}.")
            for kind, words in CHANGES.items()
        ),
        Option("min-mentions", "int", 3, "How many mentions make a document one that changes data, money or an API.",
               minimum=1),
        Option("min-sections", "int", 2, "In how many different sections those mentions must stand.", minimum=1),
        Option("look-in", "list[str]", list(LOOK_IN), "Where the finding points, by preference (where a risks section usually goes)."),
        # Kinds whose template has no risks section (GEPs, Kiro requirements and designs): a reviewer of
        # those does not ask for one, as a Go design doc's reviewer does not.
        Option("skip-profiles", "list[str]", ["adr", "checklist", "ears", "gep", "go-design", "kiro-design", "kiro-tasks",
                                              "otep", "rust-rfc"], "Profiles this rule does not apply to."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if not profile_applies(context):
            return
        options = context.options
        if sections_named(document, [*options["sections"], *options["risk-like-sections"]]):
            return
        if _has_risk_table(document):
            return
        index = document_prose(document)
        for kind in CHANGES:
            found = evidence(document, options[f"changes-{kind}"], options["min-mentions"], options["min-sections"], index)
            if found is None:
                continue
            match, span = found
            yield Violation(
                anchor_for(document, options["look-in"]),
                f"the spec changes {WHAT[kind]} ('{quote(match)}', line {span.start.line}) but has no risks section: "
                "add one saying what could go wrong and how each risk is handled",
            )
            return  # one finding per document: the section is missing once


def _has_risk_table(document: Document) -> bool:
    for _, block in document.iter_blocks():
        if isinstance(block, Table) and any(normalize_title(name) in {"risk", "risk description"} for name in block.columns):
            return True
    return False
