"""What blind reviewers said of findings drawn at random, beside the verdicts the project keeps.

    python bench/blind_agreement.py [bench/blind-review/sample-*.tsv ...]

A blind review file is a verdict file (`path, rule, line, text, verdict, reason`, see `precision.py`)
filled in by a reviewer who saw only the documents and `docs/rules.md`: not `bench/verdicts/`, not
the precision table, not the other reviewers. For each file: its verdicts by rule, strict precision
(right / all) and lenient precision (right / (right + wrong)); then, for the rows that
`bench/verdicts/*.tsv` also judged (matched on path, rule and the stripped line text), how the two
verdicts compare. Verdict files written after a review (`round20-*` and later) are left out of the
comparison, so that it compares with what the project had before the review.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from findings import normalize_text  # noqa: E402
from precision import read_verdicts  # noqa: E402

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_FILES = sorted((REPOSITORY / "bench" / "blind-review").glob("sample-*.tsv"))
#: Verdict files written after the blind reviews of 2026-12-03 (their findings' fixes included).
_AFTER_THE_REVIEW = ("round20-",)


def kept_verdicts() -> dict[tuple[str, str, str], str]:
    kept: dict[tuple[str, str, str], str] = {}
    for path in sorted((REPOSITORY / "bench" / "verdicts").glob("*.tsv")):
        if path.name.startswith(_AFTER_THE_REVIEW):
            continue
        for verdict in read_verdicts(path):
            if verdict.verdict:
                kept.setdefault((verdict.path, verdict.rule, verdict.text), verdict.verdict)
    return kept


def shares(counts: collections.Counter[str]) -> str:
    right, wrong, total = counts["right"], counts["wrong"], sum(counts.values())
    strict = f"{right / total:.0%}" if total else "-"
    lenient = f"{right / (right + wrong):.0%}" if right + wrong else "-"
    return f"right {right}, noise {counts['noise']}, wrong {wrong}: strict {strict}, lenient {lenient}"


def main() -> None:
    files = [Path(argument) for argument in sys.argv[1:]] or DEFAULT_FILES
    kept = kept_verdicts()
    for path in files:
        rows = [verdict for verdict in read_verdicts(path) if verdict.verdict]
        by_rule: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        for row in rows:
            by_rule[row.rule][row.verdict] += 1
        print(f"{path.name}: {len(rows)} findings; {shares(collections.Counter(row.verdict for row in rows))}")
        for rule in sorted(by_rule):
            print(f"  {rule:<7} {shares(by_rule[rule])}")
        pairs = collections.Counter((kept[key], row.verdict) for row in rows
                                    if (key := (row.path, row.rule, normalize_text(row.text))) in kept)
        if pairs:
            agreed = sum(count for (before, blind), count in pairs.items() if before == blind)
            print(f"  judged before as well: {sum(pairs.values())}, same verdict {agreed}")
            for (before, blind), count in sorted(pairs.items()):
                print(f"    kept {before:<5} -> blind {blind:<5} {count}")


if __name__ == "__main__":
    main()
