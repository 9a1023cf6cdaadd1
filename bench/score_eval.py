"""Score speclint against a hand-written evaluation set (bench/eval4/ unless --set says otherwise).

Runs `python -m speclint check --format json --exit-zero` over every document listed in the set's
answer key (answers.yaml, or answers-*.yaml in parts) and compares its findings with the answer key:

* document level, per category: a document *has* category C when the key lists a defect of C;
  speclint *reports* C when any of its findings on the document has rule category C.
  Precision and recall are counted over documents.
* line level, per category: a keyed defect is found when a finding of the same category sits
  within +-2 lines of the defect's line (or of one of its `also_lines`); a finding is right when
  it sits that close to a keyed defect of its category.
* every finding on a clean document (the clean documents should get none).

Usage:
    python bench/score_eval.py                      # the tables
    python bench/score_eval.py --per-defect         # each keyed defect, found or missed
    python bench/score_eval.py --unmatched          # findings that match no keyed defect
    python bench/score_eval.py --select PH001,TR002 # passed through to speclint check
    python bench/score_eval.py -- --profile prd     # anything after -- goes to speclint check
    python bench/score_eval.py --set eval2          # a development set (so is --set eval)
    python bench/score_eval.py --set realset        # real corpus documents keyed by a reviewer

A key's paths are relative to its set's folder, or to the folder its `root:` names (relative to the
set's folder): bench/realset keys documents of ../shared/corpus where they are.

Never tune a rule on the scoring set's documents and then score it with them: see
bench/eval4/README.md. bench/eval/, bench/eval2/ and bench/eval3/ were tuned on or used to decide
about rules, and are development sets now.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

BENCH_DIR = Path(__file__).resolve().parent
# The scoring set (held out). bench/eval/, bench/eval2/ and bench/eval3/ are development sets
# now; see bench/eval4/README.md.
DEFAULT_SET = "eval4"
LINE_TOLERANCE = 2


@dataclass(frozen=True)
class KeyedDefect:
    path: str
    kind: str  # as written in the key (may be contradiction, money, ...)
    category: str  # the speclint category it is scored under
    line: int
    also_lines: tuple[int, ...]
    note: str

    def lines(self) -> tuple[int, ...]:
        return (self.line, *self.also_lines)


@dataclass
class KeyedDocument:
    path: str
    style: str
    clean: bool
    defects: list[KeyedDefect] = field(default_factory=list)

    def categories(self) -> set[str]:
        return {defect.category for defect in self.defects}


@dataclass(frozen=True)
class Finding:
    path: str
    rule_id: str
    category: str
    line: int
    message: str


def key_parts(set_dir: Path) -> list[Path]:
    """The answer key of a set: answers.yaml, or several answers-*.yaml written in parts."""
    return sorted(set_dir.glob("answers*.yaml"))


def document_root(set_dir: Path) -> Path:
    """Where the key's paths start: the set's folder, or the folder its `root:` names (relative to the
    set), for a key of documents kept elsewhere (bench/realset keys real corpus documents in place)."""
    roots = {(YAML(typ="safe").load(part.read_text(encoding="utf-8")) or {}).get("root", ".") for part in key_parts(set_dir)}
    if len(roots) != 1:
        sys.exit(f"the parts of {set_dir}'s key name different roots: {sorted(roots)}")
    return (set_dir / roots.pop()).resolve()


def load_key(set_dir: Path) -> list[KeyedDocument]:
    category_map: dict[str, str] = {}
    entries: list[dict] = []
    for part in key_parts(set_dir):
        data = YAML(typ="safe").load(part.read_text(encoding="utf-8"))
        category_map.update(data.get("category_map") or {})
        entries += data.get("documents") or []
    documents = []
    for entry in entries:
        document = KeyedDocument(entry["path"], entry["style"], bool(entry["clean"]))
        for defect in entry.get("defects") or []:
            kind = defect["category"]
            document.defects.append(
                KeyedDefect(
                    path=entry["path"],
                    kind=kind,
                    category=category_map.get(kind, kind),
                    line=int(defect["line"]),
                    also_lines=tuple(int(n) for n in defect.get("also_lines") or ()),
                    note=defect.get("note", ""),
                )
            )
        documents.append(document)
    return documents


def run_speclint(folder: Path, paths: list[Path], extra_args: list[str]) -> tuple[list[Finding], list[str]]:
    """Run speclint once over every document; return its findings and any errors it reported."""
    command = [sys.executable, "-m", "speclint", "check", "--no-cache", "--format", "json", "--exit-zero"]
    command += extra_args + [str(path) for path in paths]
    completed = subprocess.run(command, capture_output=True, text=True, cwd=folder)
    try:
        report = json.loads(completed.stdout)
    except json.JSONDecodeError:
        sys.exit(
            f"speclint did not print a JSON report (exit {completed.returncode}):\n"
            f"{completed.stderr.strip() or completed.stdout[:2000]}"
        )
    rule_categories = {rule["id"]: rule.get("category", "?") for rule in report.get("rules", [])}
    findings = []
    for raw in report.get("findings", []):
        category = raw.get("category") or rule_categories.get(raw.get("rule_id", ""), "?")
        findings.append(
            Finding(
                path=_relative(folder, raw.get("path", "")),
                rule_id=raw.get("rule_id", "?"),
                category=category,
                line=int(raw.get("start", {}).get("line", 0)),
                message=raw.get("message", ""),
            )
        )
    errors = [json.dumps(error) for error in report.get("errors", [])]
    if completed.returncode not in (0, 1):
        errors.append(f"speclint exited {completed.returncode}: {completed.stderr.strip()[:500]}")
    return findings, errors


def _relative(folder: Path, path: str) -> str:
    resolved = (folder / path).resolve()
    try:
        return resolved.relative_to(folder).as_posix()
    except ValueError:
        return path


def matches(finding: Finding, defect: KeyedDefect) -> bool:
    return (
        finding.path == defect.path
        and finding.category == defect.category
        and any(abs(finding.line - line) <= LINE_TOLERANCE for line in defect.lines())
    )


def ratio(numerator: int, denominator: int) -> str:
    return f"{numerator / denominator:.2f}" if denominator else "  - "


def document_table(documents: list[KeyedDocument], findings: list[Finding]) -> list[str]:
    reported: dict[str, set[str]] = defaultdict(set)
    for finding in findings:
        reported[finding.path].add(finding.category)
    keyed_categories = {c for document in documents for c in document.categories()}
    categories = sorted(keyed_categories | {c for cs in reported.values() for c in cs})
    defects = [defect for document in documents for defect in document.defects]
    rows = [
        "| category | docs keyed | docs reported | TP | FP | FN | doc precision | doc recall "
        "| defects found (line ±2) | line recall | findings | findings on a defect | line precision |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for category in categories:
        has = {d.path for d in documents if category in d.categories()}
        says = {d.path for d in documents if category in reported[d.path]}
        tp, fp, fn = len(has & says), len(says - has), len(has - says)
        keyed = [defect for defect in defects if defect.category == category]
        found = sum(1 for defect in keyed if any(matches(f, defect) for f in findings))
        own = [f for f in findings if f.category == category]
        right = sum(1 for f in own if any(matches(f, defect) for defect in keyed))
        note = "" if category in keyed_categories else " (not in the key)"
        rows.append(
            f"| {category}{note} | {len(has)} | {len(says)} | {tp} | {fp} | {fn} "
            f"| {ratio(tp, tp + fp)} | {ratio(tp, tp + fn)} | {found}/{len(keyed)} "
            f"| {ratio(found, len(keyed))} | {len(own)} | {right} | {ratio(right, len(own))} |"
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--set",
        default=DEFAULT_SET,
        help=f"the folder under bench/ holding the documents and key (default {DEFAULT_SET}; eval, eval2, eval3 and eval5 are development sets)",
    )
    parser.add_argument("--select", help="passed to speclint check --select")
    parser.add_argument("--ignore", help="passed to speclint check --ignore")
    parser.add_argument(
        "--use-config",
        action="store_true",
        help="let speclint read configuration files (default: --isolated, built-in defaults only)",
    )
    parser.add_argument("--per-defect", action="store_true", help="list each keyed defect as found or missed")
    parser.add_argument("--unmatched", action="store_true", help="list findings that match no keyed defect")
    parser.add_argument("extra", nargs="*", help="after --: more arguments for speclint check")
    args = parser.parse_args(argv)

    set_dir = BENCH_DIR / args.set
    if not key_parts(set_dir):
        sys.exit(f"no answers*.yaml in {set_dir}")
    documents = load_key(set_dir)
    root = document_root(set_dir)
    missing = [d.path for d in documents if not (root / d.path).is_file()]
    if missing:
        sys.exit(f"the answer key lists documents that do not exist: {', '.join(missing)}")
    extra = [] if args.use_config else ["--isolated"]
    if args.select:
        extra += ["--select", args.select]
    if args.ignore:
        extra += ["--ignore", args.ignore]
    extra += args.extra
    findings, errors = run_speclint(root, [root / d.path for d in documents], extra)
    keyed_paths = {d.path for d in documents}
    stray = sorted({f.path for f in findings if f.path not in keyed_paths})
    findings = [f for f in findings if f.path in keyed_paths]

    clean = [d for d in documents if d.clean]
    print(
        f"evaluation set: {len(documents)} documents, {len(clean)} clean, "
        f"{sum(len(d.defects) for d in documents)} keyed defects; speclint findings: {len(findings)}"
    )
    if errors:
        print("speclint errors:")
        print("\n".join(f"  {error}" for error in errors))
    if stray:
        print(f"findings on files not in the key (ignored): {', '.join(stray)}")
    print()
    print("\n".join(document_table(documents, findings)))

    clean_paths = {d.path for d in clean}
    on_clean = [f for f in findings if f.path in clean_paths]
    noisy = len({f.path for f in on_clean})
    print()
    print(f"clean documents with findings: {noisy}/{len(clean)}; findings on clean documents: {len(on_clean)}")
    for f in sorted(on_clean, key=lambda f: (f.path, f.line)):
        print(f"  {f.path}:{f.line} {f.rule_id} [{f.category}] {f.message[:110]}")

    if args.per_defect:
        print()
        print("keyed defects:")
        for document in documents:
            for defect in document.defects:
                hits = [f for f in findings if matches(f, defect)]
                status = "found " if hits else "MISSED"
                rules = ",".join(sorted({f.rule_id for f in hits}))
                kind = defect.category if defect.kind == defect.category else f"{defect.kind}->{defect.category}"
                print(f"  {status} {defect.path}:{defect.line} [{kind}] {defect.note[:80]} {rules}")
    if args.unmatched:
        defects = [defect for document in documents if not document.clean for defect in document.defects]
        unmatched = [
            f for f in findings if f.path not in clean_paths and not any(matches(f, d) for d in defects)
        ]
        print()
        print(f"findings on defective documents that match no keyed defect: {len(unmatched)}")
        for f in sorted(unmatched, key=lambda f: (f.path, f.line)):
            print(f"  {f.path}:{f.line} {f.rule_id} [{f.category}] {f.message[:110]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
