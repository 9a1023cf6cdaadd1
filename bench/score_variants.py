"""Score speclint on the variant banks in bench/variants/: many phrasings of one defect class.

A bank is one YAML file per defect class, written *before* the rules are tuned on it:

    category: measurability            # the speclint category a finding must have
    cases:
      - id: ms-threshold-heading-01    # unique across all banks
        split: tune                    # tune (you may read its misses) or holdout (score only)
        shape: heading                 # heading, bold-label, table, sentence, list, front-matter,
                                       # code, other-language ... (how the defect is written)
        defect: true                   # false for a trap: looks like the defect and is not
        line: 4                        # defects: the 1-based line the finding must sit on
        also_lines: [5]                # optional: other lines that count
        file: spec.md                  # optional file name (spec.md, requirements.md, 0042-x.md)
        note: lockout with no count    # why it is (or is not) a defect
        doc: |
          # Title
          ...

Every case is written to its own folder and linted with the default rules. A defect is found when
a finding of the bank's category sits on one of its lines; a trap is a false alarm when it gets any
finding of the bank's category. Findings of other categories are ignored: a bank measures one
category.

Usage:
    python bench/score_variants.py                       # per bank and split: recall, false alarms
    python bench/score_variants.py --misses              # also list tune-split misses and alarms
    python bench/score_variants.py --bank measurability  # one bank (file stem)

Read the holdout split's score, never its misses: tune on the tune split only. Split the cases by
alternation when you write them, before you change a rule.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

BANK_DIR = Path(__file__).resolve().parent / "variants"
SPLITS = ("tune", "holdout")


@dataclass(frozen=True)
class Case:
    bank: str
    category: str
    id: str
    split: str
    shape: str
    defect: bool
    lines: tuple[int, ...]
    file: str
    doc: str


def load_banks(bank_dir: Path = BANK_DIR, only: str | None = None) -> list[Case]:
    cases: list[Case] = []
    for path in sorted(bank_dir.glob("*.yaml")):
        if only and path.stem != only:
            continue
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        for raw in data["cases"]:
            lines = (int(raw["line"]), *(int(n) for n in raw.get("also_lines") or ())) if raw["defect"] else ()
            cases.append(
                Case(
                    bank=path.stem,
                    category=data["category"],
                    id=raw["id"],
                    split=raw["split"],
                    shape=raw.get("shape", "?"),
                    defect=bool(raw["defect"]),
                    lines=lines,
                    file=raw.get("file") or "doc.md",
                    doc=raw["doc"],
                )
            )
    return cases


def lint(cases: list[Case], extra_args: list[str]) -> dict[str, list[tuple[str, int, str]]]:
    """Findings per case id: (category, line, 'RULE message'), from one speclint run over all cases."""
    with tempfile.TemporaryDirectory(prefix="speclint-variants-") as scratch:
        root = Path(scratch)
        paths: dict[str, str] = {}
        for case in cases:
            folder = root / case.id
            folder.mkdir()
            (folder / case.file).write_text(case.doc, encoding="utf-8")
            paths[f"{case.id}/{case.file}"] = case.id
        command = [sys.executable, "-m", "speclint", "check", "--no-cache", "--format", "json", "--exit-zero"]
        command += extra_args + sorted(paths)
        completed = subprocess.run(command, capture_output=True, text=True, cwd=root)
        try:
            report = json.loads(completed.stdout)
        except json.JSONDecodeError:
            sys.exit(f"speclint did not print a JSON report (exit {completed.returncode}):\n{completed.stderr[:2000]}")
        for error in report.get("errors", []):
            # A crashing rule scores as a miss; say so instead of letting a recall drop pass unexplained.
            print(f"speclint error: {json.dumps(error)}", file=sys.stderr)
        categories = {rule["id"]: rule.get("category", "?") for rule in report.get("rules", [])}
        findings: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
        for raw in report.get("findings", []):
            path = Path(raw.get("path", ""))
            relative = (path if path.is_absolute() else root / path).resolve().relative_to(root.resolve())
            case_id = paths.get(relative.as_posix())
            if case_id is None:
                continue
            rule = raw.get("rule_id", "?")
            category = raw.get("category") or categories.get(rule, "?")
            findings[case_id].append((category, int(raw["start"]["line"]), f"{rule} {raw.get('message', '')}"))
        return findings


def score(cases: list[Case], findings: dict[str, list[tuple[str, int, str]]], show_misses: bool) -> list[str]:
    rows = ["| bank | split | defects | found | recall | traps | false alarms |", "|---|---|---|---|---|---|---|"]
    misses: list[str] = []
    by_bank: dict[tuple[str, str], list[Case]] = defaultdict(list)
    for case in cases:
        by_bank[(case.bank, case.split)].append(case)
    for (bank, split), group in sorted(by_bank.items()):
        found = alarms = 0
        defects = [c for c in group if c.defect]
        traps = [c for c in group if not c.defect]
        for case in group:
            own = [f for f in findings.get(case.id, []) if f[0] == case.category]
            if case.defect:
                if any(line in case.lines for _, line, _ in own):
                    found += 1
                elif split == "tune":
                    near = ", ".join(f"line {line}: {text}" for _, line, text in own) or "no finding"
                    misses.append(f"  MISS  {case.id} ({case.shape}) line {case.lines[0]}: {near}")
            elif own:
                alarms += 1
                if split == "tune":
                    misses.append(f"  ALARM {case.id} ({case.shape}): line {own[0][1]}: {own[0][2]}")
        recall = f"{found / len(defects):.2f}" if defects else "-"
        rows.append(f"| {bank} | {split} | {len(defects)} | {found} | {recall} | {len(traps)} | {alarms} |")
    if show_misses and misses:
        rows += ["", "tune split, misses and false alarms:", *misses]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bank", help="score one bank (its file stem)")
    parser.add_argument("--misses", action="store_true", help="list the tune split's misses and false alarms")
    parser.add_argument("extra", nargs="*", help="arguments passed to speclint check (after --)")
    args = parser.parse_args(argv)
    cases = load_banks(only=args.bank)
    if not cases:
        print(f"no cases in {BANK_DIR}", file=sys.stderr)
        return 2
    print("\n".join(score(cases, lint(cases, args.extra), args.misses)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
