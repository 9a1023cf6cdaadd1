"""How much the filter stage (inline suppressions, redundancy) costs: lint a corpus folder with and without it.

    python bench/filter_overhead.py [FOLDER]   (default: ../shared/corpus)

Prints files per second for the rules alone and for rules + suppression filter, the time of the
redundancy filter (one defect, one finding) and how many findings it drops, and how many
documents hold a `speclint-` directive. Not a test: timings vary by machine.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from speclint.document.parser import parse
from speclint.engine import files
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.registry import load_registry
from speclint.filters.redundancy import drop_redundant
from speclint.filters.suppressions import apply_suppressions, find_directives


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "corpus"
    registry = load_registry()
    rules = [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in registry.sorted()]
    meta = next(active for active in rules if active.rule.id == "ST100")
    documents = []
    for path in files.discover([folder]):
        try:
            documents.append(parse(files.read_text(path), str(path)))
        except files.ReadError:
            continue
    ran = {active.rule.id for active in rules}
    started = time.perf_counter()
    outcomes = [run_rules(document, rules) for document in documents]
    rules_time = time.perf_counter() - started
    started = time.perf_counter()
    for document, outcome in zip(documents, outcomes, strict=True):
        apply_suppressions(document, outcome.findings, registry, ran, meta)
    filter_time = time.perf_counter() - started
    started = time.perf_counter()
    kept = sum(len(drop_redundant(document, outcome.findings, rules))
               for document, outcome in zip(documents, outcomes, strict=True))
    redundancy_time = time.perf_counter() - started
    found = sum(len(outcome.findings) for outcome in outcomes)
    with_directives = sum(1 for document in documents if find_directives(document))
    print(f"{len(documents)} documents in {folder}")
    print(f"rules:  {rules_time:.3f} s ({len(documents) / rules_time:.0f} files/s)")
    print(f"filter: {filter_time * 1000:.1f} ms ({filter_time / max(rules_time, 1e-9):.1%} of the rules' time)")
    print(f"redundancy: {redundancy_time * 1000:.1f} ms ({redundancy_time / max(rules_time, 1e-9):.1%} of the rules' "
          f"time), {found - kept} of {found} findings dropped")
    print(f"documents with speclint- directives: {with_directives}")


if __name__ == "__main__":
    main()
