"""Write `rules/precision.json` (what `speclint rules` and docs/rules.md show) from the verdicts.

    python bench/write_precision.py [--min-judged 1]

For every rule with verdicts that match a current finding on the specification kinds (as
`bench/precision.py` counts them): `{"judged": n, "precision": right / judged, "measured_on":
"<commit of the findings>"}`. Rules the current run does not report (preview rules are off at
default settings) keep their previous entry, measured when they last ran.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from findings import REPOSITORY, default_corpus, kind_of, load_findings, read_kinds  # noqa: E402
from precision import VERDICT_FOLDER, read_verdict_folder, select, spec_kinds, tally  # noqa: E402

PRECISION_FILE = REPOSITORY / "rules" / "precision.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-judged", type=int, default=1, help="leave out rules with fewer judged findings")
    options = parser.parse_args()
    verdicts = read_verdict_folder(VERDICT_FOLDER)
    found = load_findings()
    kinds = spec_kinds(found.records)
    kind_table = read_kinds(default_corpus())
    kind_of_path = {verdict.path: kind_of(verdict.path, kind_table) for verdict in verdicts}
    records, chosen = select(found.records, verdicts, set(), kinds, kind_of_path)
    table = json.loads(PRECISION_FILE.read_text(encoding="utf-8")) if PRECISION_FILE.is_file() else {}
    for rule, counts in sorted(tally(chosen, records).items()):
        if counts.judged >= options.min_judged and counts.precision is not None:
            table[rule] = {"judged": counts.judged, "precision": round(counts.precision, 2),
                           "measured_on": found.commit[:7]}
    PRECISION_FILE.write_text(json.dumps(table, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {PRECISION_FILE.relative_to(REPOSITORY)}: {len(table)} rules")


if __name__ == "__main__":
    main()
