"""Issue 12's figures for KEP-style proposals: findings per proposal and the share failing at error.

    python bench/kep_figures.py [--folders openshift-enhancements,gateway-api-geps,capi-proposals]

Reads the corpus findings (`findings.py`, cached), keeps those of the default rules and, for every file of kind
`kep-like` in the given corpus folders (a KEP's kep.yaml findings count for its README.md),
prints the number of proposals, the median and mean findings per proposal, and how many have at
least one finding at level `error` (what fails `speclint check` at the default `--fail-on error`).
Issue 12's goals: median <= 3, fewer than 1 proposal in 4 failing.
"""

from __future__ import annotations

import argparse
import collections
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from findings import default_corpus, kind_of, load_findings, read_kinds  # noqa: E402

KEP_FOLDERS = ("openshift-enhancements", "gateway-api-geps", "capi-proposals")


def _default_rule_ids() -> set[str]:
    from speclint.engine.registry import load_registry
    from speclint.engine.rule import Group

    return {rule.id for rule in load_registry().sorted() if rule.group is Group.DEFAULT}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folders", default=",".join(KEP_FOLDERS), help="comma-separated corpus folders")
    options = parser.parse_args()
    folders = tuple(folder.strip() for folder in options.folders.split(",") if folder.strip())
    corpus = default_corpus()
    kinds = read_kinds(corpus)
    current = load_findings()
    proposals = [path for path in current.files if path.startswith(folders) and kind_of(path, kinds) == "kep-like"]
    owner = {path: path for path in proposals}
    counts: collections.Counter[str] = collections.Counter({path: 0 for path in proposals})
    failing: set[str] = set()
    by_rule: collections.Counter[str] = collections.Counter()
    default_rules = _default_rule_ids()
    for record in current.records:
        path = owner.get(record.path) or owner.get(record.path.rpartition("/")[0] + "/README.md")
        if path is None or record.rule not in default_rules:
            continue  # the findings are linted with the preview group on: count what a user sees
        counts[path] += 1
        by_rule[record.rule] += 1
        if record.level == "error":
            failing.add(path)
    if not proposals:
        sys.exit("no kep-like files in those folders")
    values = [counts[path] for path in proposals]
    print(f"proposals: {len(proposals)} in {', '.join(folders)} (findings at commit {current.commit})")
    print(f"findings per proposal: median {statistics.median(values):g}, mean {statistics.mean(values):.1f}")
    print(f"failing at --fail-on error: {len(failing)} ({len(failing) / len(proposals):.0%})")
    print("findings by rule: " + ", ".join(f"{rule} {count}" for rule, count in by_rule.most_common()))


if __name__ == "__main__":
    main()
