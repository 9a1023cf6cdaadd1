"""Write `rules/precision.json` (what `speclint rules` and docs/rules.md show) from the verdicts.

    python bench/write_precision.py [--min-judged 1]

The corpus is linted with the preview group on (`findings.py`), so every built-in rule is measured on
every run, and the table is written afresh for every built-in rule from the verdicts that match a
current finding on the specification kinds (as `bench/precision.py` counts them):
`{"findings": current findings, "judged": verdicts matching one, "precision": right / judged,
"measured_on": "<commit of the findings>"}`. Verdicts on findings that no longer exist (the rule was
fixed since) count for nothing: when no current finding is judged, `precision` is null and `note`
says why ("no corpus findings", "not judged yet"), and the rule shows "-", never 0%.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from findings import REPOSITORY, default_corpus, kind_of, load_findings, read_kinds  # noqa: E402
from precision import VERDICT_FOLDER, Tally, read_verdict_folder, select, spec_kinds, tally  # noqa: E402

PRECISION_FILE = REPOSITORY / "rules" / "precision.json"


def _built_in_rule_ids() -> set[str]:
    from speclint.engine.registry import load_registry
    from speclint.reporters.ruledocs import is_built_in

    return {rule.id for rule in load_registry().sorted() if is_built_in(rule)}


def precision_entry(counts: Tally, commit: str, min_judged: int = 1) -> dict[str, object]:
    """One rule's entry: its precision over the verdicts that match a current finding, or null with
    a note when there is none (verdicts on findings that no longer exist never count)."""
    entry: dict[str, object] = {"findings": counts.findings, "judged": counts.judged, "precision": None,
                                "measured_on": commit}
    if counts.judged >= min_judged and counts.precision is not None:
        entry["precision"] = round(counts.precision, 2)
    else:
        entry["note"] = ("no corpus findings" if not counts.findings else
                         "not judged yet" if not counts.judged else f"only {counts.judged} judged")
    return entry


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-judged", type=int, default=1, help="show no precision (\"-\") for rules with fewer judged findings")
    options = parser.parse_args()
    verdicts = read_verdict_folder(VERDICT_FOLDER)
    found = load_findings()
    kinds = spec_kinds(found.records)
    kind_table = read_kinds(default_corpus())
    kind_of_path = {verdict.path: kind_of(verdict.path, kind_table) for verdict in verdicts}
    records, chosen = select(found.records, verdicts, set(), kinds, kind_of_path)
    tallies = tally(chosen, records)
    table: dict[str, dict[str, object]] = {}
    for rule in sorted(_built_in_rule_ids()):
        table[rule] = precision_entry(tallies.get(rule, Tally()), found.commit[:7], options.min_judged)
    PRECISION_FILE.write_text(json.dumps(table, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {PRECISION_FILE.relative_to(REPOSITORY)}: {len(table)} rules")


if __name__ == "__main__":
    main()
