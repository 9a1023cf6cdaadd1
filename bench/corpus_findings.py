"""Findings per 100 documents, per rule and corpus folder (a precision aid, not a test).

    python bench/corpus_findings.py [--rules AC,EH001] [--show RULE] [--corpus ../shared/corpus]

Prints a table of findings per 100 documents for each rule and each top-level corpus folder;
`--show RULE` also prints every finding of that rule with its source line, to read them.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from speclint.engine import ActiveRule, run_rules
from speclint.parser import parse
from speclint.registry import load_registry


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    parser.add_argument("--rules", default="", help="comma-separated rule ids, names or id prefixes")
    parser.add_argument("--show", default="", help="print every finding of this rule id")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    registry = load_registry()
    wanted = [key.strip() for key in args.rules.split(",") if key.strip()]
    rules = [rule for rule in registry.sorted()
             if not wanted or any(rule.id.startswith(key) or rule.name == key for key in wanted)]
    active = [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in rules]
    documents: Counter[str] = Counter()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    failures = 0
    for path in sorted(corpus.rglob("*.md")):
        folder = path.relative_to(corpus).parts[0]
        documents[folder] += 1
        text = path.read_text(encoding="utf-8", errors="replace")
        document = parse(text, str(path.relative_to(corpus)))
        document.file_path = path
        result = run_rules(document, active)
        for failure in result.failures:
            failures += 1
            print(f"RULE FAILURE {failure.path} {failure.rule_id}: {failure.error}", file=sys.stderr)
        for finding in result.findings:
            counts[finding.rule_id][folder] += 1
            if finding.rule_id == args.show:
                line = document.line_text(finding.span.start.line).strip()
                print(f"{finding.path}:{finding.span.start.line}:{finding.span.start.column}: {finding.message}\n"
                      f"    | {line[:160]}")
    folders = sorted(documents)
    print("rule     " + " ".join(f"{folder[:13]:>13}" for folder in folders))
    print("docs     " + " ".join(f"{documents[folder]:>13}" for folder in folders))
    for rule in rules:
        row = " ".join(f"{100 * counts[rule.id][folder] / documents[folder]:>13.1f}" for folder in folders)
        print(f"{rule.id:<8} {row}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
