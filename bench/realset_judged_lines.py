"""Which findings speclint reports on a real set's documents sit on lines already judged as corpus findings.

    python bench/realset_judged_lines.py realset3 realset4

The real sets (bench/realset*) key documents of ../shared/corpus in place, and every round judges the
corpus findings a change gains or loses at their lines (bench/verdicts/). A finding on a held-out real
set whose line was judged that way was read by whoever judged it: the closing note says so. Prints one
line per finding (never the key's contents) and the verdict files that hold its line.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
CORPUS = BENCH.parent.parent / "shared" / "corpus"


def judged_lines(paths: set[str]) -> dict[tuple[str, str, str], list[str]]:
    """(path, rule, stripped line text) -> the verdict files that judged a finding there."""
    judged: dict[tuple[str, str, str], list[str]] = {}
    for verdicts in sorted(BENCH.glob("verdicts/**/*.tsv")):
        with verdicts.open(encoding="utf-8") as handle:
            for row in csv.reader(handle, delimiter="\t"):
                if len(row) > 3 and row[0] in paths:
                    judged.setdefault((row[0], row[1], row[3].strip()), []).append(verdicts.name)
    return judged


def main() -> None:
    for name in sys.argv[1:]:
        key = yaml.safe_load((BENCH / name / "answers.yaml").read_text(encoding="utf-8"))
        paths = [document["path"] for document in key["documents"]]
        judged = judged_lines(set(paths))
        report = subprocess.run(
            [sys.executable, "-m", "speclint", "check", "--isolated", "--no-cache", "--format", "json",
             "--exit-zero", *paths],
            cwd=CORPUS, capture_output=True, text=True, check=True,
        ).stdout
        findings = json.loads(report)["findings"]
        seen = 0
        for finding in findings:
            lines = (CORPUS / finding["path"]).read_text(encoding="utf-8").splitlines()
            line = finding["start"]["line"]
            files = judged.get((finding["path"], finding["rule_id"], lines[line - 1].strip()), [])
            seen += bool(files)
            print(f"  {name} {Path(finding['path']).name[:60]} {finding['rule_id']} {line}: judged in {files or 'none'}")
        print(f"{name}: {len(findings)} findings, {seen} on lines judged as corpus findings")


if __name__ == "__main__":
    main()
