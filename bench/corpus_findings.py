"""Findings per 100 documents, per rule and corpus folder, and the profile each document got.

    python bench/corpus_findings.py [CORPUS] [--rules ST002,PH002] [--show RULE] [--folder NAME]

Used to measure precision: run it, read what `--show RULE` prints, remove false positives.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

from speclint.engine.check import ActiveRule
from speclint.engine.registry import load_registry
from speclint.engine.runner import Source, lint

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rules", default="", help="comma-separated rule ids or names (default: all)")
    parser.add_argument("--show", default="", help="print every finding of this rule")
    parser.add_argument("--folder", default="", help="only this corpus folder")
    parser.add_argument("--profile", default=None, help="force this profile")
    args = parser.parse_args()

    registry = load_registry()
    selected = [registry.get(key) for key in args.rules.split(",") if key] or registry.sorted()
    rules = [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in selected if rule]
    folders = sorted(path for path in args.corpus.iterdir() if path.is_dir())
    shown = registry.get(args.show) if args.show else None
    table: dict[str, collections.Counter[str]] = {}
    for folder in folders:
        if args.folder and folder.name != args.folder:
            continue
        paths = sorted(folder.rglob("*.md"))
        result = lint([Source(str(path.relative_to(args.corpus)), path) for path in paths], rules,
                      profile_name=args.profile)
        counts: collections.Counter[str] = collections.Counter()
        profiles = collections.Counter(report.profile for report in result.files)
        for finding in result.findings:
            counts[finding.rule_id] += 1
            if shown is not None and finding.rule_id == shown.id:
                print(f"{finding.path}:{finding.span.line}:{finding.span.column}: {finding.message}")
        counts["_docs"] = len(result.files)
        table[folder.name] = counts
        print(f"# {folder.name}: {len(result.files)} docs; profiles: {dict(profiles)}", file=sys.stderr)
    ids = [rule.rule.id for rule in rules]
    print("rule     " + " ".join(f"{name[:13]:>13}" for name in table), file=sys.stderr)
    for rule_id in ids:
        cells = []
        for counts in table.values():
            docs = counts["_docs"] or 1
            cells.append(f"{100 * counts[rule_id] / docs:13.1f}")
        print(f"{rule_id:8} " + " ".join(cells), file=sys.stderr)


if __name__ == "__main__":
    main()
