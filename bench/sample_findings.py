"""Draw findings at random for judging, stratified across document kinds, into a TSV to fill in.

    python bench/sample_findings.py --rules ST003,MS002 --per-rule 25 --seed 12 --out bench/verdicts/todo.tsv

For each rule (default: every rule with findings), up to `--per-rule` findings are drawn among the
current findings at default settings that have no verdict yet in `bench/verdicts/*.tsv`. The
draw is stratified by document kind (`KINDS.tsv` in the corpus) with equal allocation: kinds
take turns, in a random order, each giving one finding per turn until the quota is met or the
kinds run dry, so that a rule's rare kinds are heard as well as its common one. Within a kind,
findings are shuffled and spread across documents (a second finding of the same document is
drawn only once every document of that kind has given one). The same seed on the same findings
and verdicts draws the same rows; the command line, seed and commit are recorded in the file's
first lines.

Fill in the `verdict` column (`right`, `noise` or `wrong`, see `bench/precision.py`) and a
one-line `reason` for each row; `line` and `message` are there for convenience (matching uses
path, rule and the stripped line text).
"""

from __future__ import annotations

import argparse
import collections
import datetime
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from findings import FindingRecord, load_findings  # noqa: E402
from precision import (COLUMNS, VERDICT_FOLDER, VerdictError, match, read_verdict_folder,  # noqa: E402
                       spec_kinds, split_list)


def spread(records: list[FindingRecord], rng: random.Random) -> list[FindingRecord]:
    """The records shuffled, then reordered so that each document gives one before any gives a second."""
    shuffled = list(records)
    rng.shuffle(shuffled)
    seen: collections.Counter[str] = collections.Counter()
    ranked = []
    for position, record in enumerate(shuffled):
        ranked.append((seen[record.path], position, record))
        seen[record.path] += 1
    return [record for _rank, _position, record in sorted(ranked, key=lambda item: (item[0], item[1]))]


def draw(records: list[FindingRecord], per_rule: int, rng: random.Random) -> list[FindingRecord]:
    """Up to `per_rule` of one rule's records, kinds taking turns (equal allocation)."""
    by_kind: dict[str, list[FindingRecord]] = collections.defaultdict(list)
    for record in records:
        by_kind[record.kind].append(record)
    kinds = sorted(by_kind)
    rng.shuffle(kinds)
    queues = {kind: spread(by_kind[kind], rng) for kind in kinds}
    chosen: list[FindingRecord] = []
    while len(chosen) < per_rule and any(queues.values()):
        for kind in kinds:
            if queues[kind] and len(chosen) < per_rule:
                chosen.append(queues[kind].pop(0))
    return chosen


def tsv_row(record: FindingRecord) -> str:
    cells = (record.path, record.rule, str(record.line), record.text, "", "", record.message)
    return "\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rules", default="", help="comma-separated rule ids (default: every rule with findings)")
    parser.add_argument("--per-rule", type=int, default=25)
    parser.add_argument("--seed", type=int, required=True, help="recorded in the output, so the draw can be redone")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    parser.add_argument("--kinds", default="", help="comma-separated document kinds "
                        "(default: every kind but template, other and not-a-spec)")
    parser.add_argument("--verdicts", type=Path, default=VERDICT_FOLDER)
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args()
    if args.out.exists() and not args.force:
        raise SystemExit(f"error: {args.out} exists; judge it first, or pass --force to draw it again")
    try:
        verdicts = read_verdict_folder(args.verdicts, exclude=args.out)
    except VerdictError as error:
        raise SystemExit(f"error: {error}") from None
    found = load_findings(args.corpus)
    kinds = split_list(args.kinds) or spec_kinds(found.records)
    rules = {rule.upper() for rule in split_list(args.rules)}
    # Only findings that no verdict row (judged or only drawn) claims yet.
    candidates = [record for record in match(verdicts, found.records).unjudged
                  if record.kind in kinds and (not rules or record.rule in rules)]
    drawn_rows = {verdict.key() for verdict in verdicts if not verdict.verdict}
    candidates = [record for record in candidates if record.key() not in drawn_rows]
    by_rule: dict[str, list[FindingRecord]] = collections.defaultdict(list)
    for record in sorted(candidates, key=lambda record: (record.path, record.line, record.column, record.message)):
        by_rule[record.rule].append(record)
    lines = [
        f"# drawn by: python bench/sample_findings.py {' '.join(sys.argv[1:])}",
        f"# seed {args.seed}; findings at commit {found.commit}; "
        f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d}; kinds: {','.join(sorted(kinds))}",
        "\t".join(COLUMNS),
    ]
    for rule_id in sorted(by_rule):
        # One generator per rule: a rule's draw does not depend on which other rules are drawn.
        chosen = draw(by_rule[rule_id], args.per_rule, random.Random(f"{args.seed}:{rule_id}"))
        lines += [tsv_row(record) for record in sorted(chosen, key=lambda r: (r.path, r.line, r.column))]
        print(f"{rule_id}: drew {len(chosen)} of {len(by_rule[rule_id])} unjudged findings", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
