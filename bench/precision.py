"""Per-rule precision of speclint at default settings, from the verdicts kept in `bench/verdicts/*.tsv`.

    python bench/precision.py [--rules ST003,MS002] [--kinds kep-like,prd] [--markdown]

A verdict is a strict reviewer's judgement of one finding, read at its line in the corpus:

- `right`: the author should change the document because of this finding;
- `noise`: the finding is accurate, but a reviewer would not ask for a change (no review value);
- `wrong`: the finding is false (the thing it reports is not there, or is not a defect).

Precision = right / (right + noise + wrong): the share of findings a reviewer keeps. This is the
figure the 90% bar of issue 12 applies to. The lenient figure, right / (right + wrong), leaves the
debatable `noise` out (issue 12's "51% if the debatable ones are left out"); it is printed beside it.
Draws give each kind of document an equal share (see `sample_findings.py`), so both describe the
average kind of document; `weighted` reweights each (rule, kind) by its share of the current
findings, an estimate of what a user linting this corpus would see.

A verdict file is a TSV with a header row: `path, rule, line, text, verdict, reason, message`
(lines starting with `#` are comments, e.g. how the rows were drawn). A verdict counts when it
still matches a current finding on (path, rule, stripped text of the finding's line), as a
baseline matches; each verdict matches one finding, each finding at most one verdict. Verdicts
that match no current finding are counted as "fixed or moved": a rule fix that removes a wrong
finding removes it from the denominator. A row with an empty verdict has been drawn and not yet
judged; it counts neither way.
"""

from __future__ import annotations

import argparse
import collections
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from findings import (NOT_SPEC_KINDS, FindingRecord, Key, default_corpus, kind_of, load_findings,  # noqa: E402
                      normalize_text, read_kinds)

VERDICT_FOLDER = Path(__file__).resolve().parent / "verdicts"
VERDICTS = ("right", "noise", "wrong")
COLUMNS = ("path", "rule", "line", "text", "verdict", "reason", "message")


class VerdictError(Exception):
    """A verdict file that cannot be read; `str()` says where and why."""


@dataclass(frozen=True)
class Verdict:
    """One row of a verdict file."""

    path: str
    rule: str
    line: int
    text: str
    verdict: str  # one of VERDICTS, or "" when not judged yet
    reason: str
    message: str
    source: str  # file:line of the row

    def key(self) -> Key:
        return (self.path, self.rule, self.text)


def read_verdicts(path: Path) -> list[Verdict]:
    """The rows of one verdict file; `VerdictError` on a malformed row or an unknown verdict."""
    try:
        rows = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise VerdictError(f"{path}: cannot read: {error}") from None
    verdicts: list[Verdict] = []
    header: list[str] | None = None
    for number, row in enumerate(rows, start=1):
        if not row.strip() or row.startswith("#"):
            continue
        cells = row.split("\t")
        if header is None:
            header = [cell.strip().lower() for cell in cells]
            missing = [column for column in ("path", "rule", "text", "verdict") if column not in header]
            if missing:
                raise VerdictError(f"{path}:{number}: the header row lacks {', '.join(missing)}")
            continue
        values = dict(zip(header, cells))
        verdict = values.get("verdict", "").strip().lower()
        if verdict not in VERDICTS and verdict != "":
            raise VerdictError(f"{path}:{number}: verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
        line = values.get("line", "").strip()
        verdicts.append(Verdict(path=values.get("path", "").strip(), rule=values.get("rule", "").strip().upper(),
                                line=int(line) if line.isdigit() else 0, text=normalize_text(values.get("text", "")),
                                verdict=verdict, reason=values.get("reason", "").strip(),
                                message=values.get("message", "").strip(), source=f"{path.name}:{number}"))
    return verdicts


def read_verdict_folder(folder: Path, exclude: Path | None = None) -> list[Verdict]:
    """Every verdict in the folder's `*.tsv` files, in file-name order."""
    verdicts: list[Verdict] = []
    for path in sorted(folder.glob("*.tsv")):
        if exclude is not None and path.resolve() == exclude.resolve():
            continue
        verdicts.extend(read_verdicts(path))
    return verdicts


@dataclass
class Matching:
    """Verdicts paired with current findings."""

    matched: list[tuple[Verdict, FindingRecord]] = field(default_factory=list)
    stale: list[Verdict] = field(default_factory=list)  # match no current finding: fixed or moved
    unjudged: list[FindingRecord] = field(default_factory=list)  # no verdict row, or an empty one


def _best_candidate(verdict: Verdict, candidates: list[FindingRecord]) -> int:
    """The index of the candidate that best matches the verdict: same message and line, same message, same line."""
    preferences = (
        lambda record: record.message == verdict.message and record.line == verdict.line,
        lambda record: record.message == verdict.message,
        lambda record: record.line == verdict.line,
    )
    for preferred in preferences:
        for index, record in enumerate(candidates):
            if preferred(record):
                return index
    return 0


def match(verdicts: list[Verdict], records: list[FindingRecord]) -> Matching:
    """Pair each verdict with one current finding of the same key (each finding pairs at most once)."""
    waiting: dict[Key, list[FindingRecord]] = collections.defaultdict(list)
    for record in records:
        waiting[record.key()].append(record)
    result = Matching()
    drawn: list[FindingRecord] = []
    for verdict in verdicts:
        candidates = waiting.get(verdict.key())
        if not candidates:
            if verdict.verdict:
                result.stale.append(verdict)
            continue
        # Several findings can share a key (RK001 reports each concern on the same anchor line):
        # prefer the one with the verdict's message, then the one on the recorded line.
        index = _best_candidate(verdict, candidates)
        record = candidates.pop(index)
        if verdict.verdict:
            result.matched.append((verdict, record))
        else:
            drawn.append(record)
    result.unjudged = [record for remaining in waiting.values() for record in remaining] + drawn
    return result


@dataclass
class Tally:
    """Verdict counts for one rule (or the total)."""

    right: int = 0
    noise: int = 0
    wrong: int = 0
    stale: int = 0
    findings: int = 0
    unjudged: int = 0
    # (rule, kind) -> [right, judged, findings]: what the weighted precision needs.
    cells: dict[tuple[str, str], list[int]] = field(default_factory=dict)

    def cell(self, rule: str, kind: str) -> list[int]:
        return self.cells.setdefault((rule, kind), [0, 0, 0])

    @property
    def weighted(self) -> float | None:
        """Precision with each (rule, kind) cell weighted by its share of the findings.

        Draws give every kind of document the same number of findings (equal allocation), so the
        plain precision describes the average kind; this one estimates the share of all current
        findings a reviewer keeps. Cells without a verdict are left out of both sums.
        """
        judged_cells = [(right, judged, findings) for right, judged, findings in self.cells.values() if judged]
        total = sum(findings for _right, _judged, findings in judged_cells)
        if not total:
            return None
        return sum(findings * right / judged for right, judged, findings in judged_cells) / total

    @property
    def judged(self) -> int:
        return self.right + self.noise + self.wrong

    @property
    def precision(self) -> float | None:
        """right / (right + noise + wrong), or None when nothing is judged."""
        return self.right / self.judged if self.judged else None

    @property
    def lenient(self) -> float | None:
        """right / (right + wrong): precision with the debatable `noise` left out."""
        decided = self.right + self.wrong
        return self.right / decided if decided else None

    def add(self, other: Tally) -> None:
        for name in ("right", "noise", "wrong", "stale", "findings", "unjudged"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for key, (right, judged, findings) in other.cells.items():
            mine = self.cells.setdefault(key, [0, 0, 0])
            mine[0] += right
            mine[1] += judged
            mine[2] += findings


def tally(verdicts: list[Verdict], records: list[FindingRecord]) -> dict[str, Tally]:
    """Per rule id: verdicts matching a current finding, stale verdicts, findings, unjudged findings."""
    tallies: dict[str, Tally] = collections.defaultdict(Tally)
    matching = match(verdicts, records)
    for verdict, record in matching.matched:
        current = tallies[verdict.rule]
        setattr(current, verdict.verdict, getattr(current, verdict.verdict) + 1)
        cell = current.cell(record.rule, record.kind)
        cell[0] += verdict.verdict == "right"
        cell[1] += 1
    for verdict in matching.stale:
        tallies[verdict.rule].stale += 1
    for record in records:
        tallies[record.rule].findings += 1
        tallies[record.rule].cell(record.rule, record.kind)[2] += 1
    for record in matching.unjudged:
        tallies[record.rule].unjudged += 1
    return dict(tallies)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def format_table(tallies: dict[str, Tally], rules: dict[str, dict[str, str]], markdown: bool = False) -> str:
    """The per-rule table and a total row."""
    header = ("rule", "level", "group", "findings", "judged", "right", "noise", "wrong", "precision",
              "lenient", "weighted", "unjudged", "fixed/moved")
    rows: list[tuple[str, ...]] = []
    total = Tally()
    for rule_id in sorted(tallies):
        current = tallies[rule_id]
        total.add(current)
        info = rules.get(rule_id, {})
        rows.append((rule_id, info.get("level", "?"), info.get("group", "?"), str(current.findings),
                     str(current.judged), str(current.right), str(current.noise), str(current.wrong),
                     _percent(current.precision), _percent(current.lenient), _percent(current.weighted),
                     str(current.unjudged),
                     str(current.stale)))
    rows.append(("total", "", "", str(total.findings), str(total.judged), str(total.right), str(total.noise),
                 str(total.wrong), _percent(total.precision), _percent(total.lenient), _percent(total.weighted),
                 str(total.unjudged),
                 str(total.stale)))
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    return "\n".join("  ".join(cell.rjust(widths[i]) if i >= 3 else cell.ljust(widths[i])
                               for i, cell in enumerate(row)).rstrip() for row in [header, *rows])


def split_list(value: str) -> set[str]:
    return {item.strip() for item in value.split(",") if item.strip()}


def select(records: list[FindingRecord], verdicts: list[Verdict], rules: set[str], kinds: set[str],
           kind_of_path: dict[str, str]) -> tuple[list[FindingRecord], list[Verdict]]:
    """Findings and verdicts of these rules (all when empty) on documents of these kinds."""
    chosen_records = [record for record in records
                      if (not rules or record.rule in rules) and record.kind in kinds]
    chosen_verdicts = [verdict for verdict in verdicts
                       if (not rules or verdict.rule in rules) and kind_of_path.get(verdict.path, "unknown") in kinds]
    return chosen_records, chosen_verdicts


def spec_kinds(records: list[FindingRecord]) -> set[str]:
    """The kinds of document measured by default: every kind but templates, non-specs and other files."""
    return {record.kind for record in records} - NOT_SPEC_KINDS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rules", default="", help="comma-separated rule ids (default: every rule)")
    parser.add_argument("--kinds", default="", help="comma-separated document kinds from KINDS.tsv "
                        "(default: every kind but template, other and not-a-spec)")
    parser.add_argument("--verdicts", type=Path, default=VERDICT_FOLDER, help="folder of verdict TSV files")
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--refresh", action="store_true", help="lint the corpus again even if cached")
    args = parser.parse_args()
    try:
        verdicts = read_verdict_folder(args.verdicts)
    except VerdictError as error:
        raise SystemExit(f"error: {error}") from None
    found = load_findings(args.corpus, refresh=args.refresh)
    kinds = split_list(args.kinds) or spec_kinds(found.records)
    rules = {rule.upper() for rule in split_list(args.rules)}
    kind_table = read_kinds(args.corpus or default_corpus())
    kind_of_path = {verdict.path: kind_of(verdict.path, kind_table) for verdict in verdicts}
    records, chosen = select(found.records, verdicts, rules, kinds, kind_of_path)
    print(format_table(tally(chosen, records), found.rules, markdown=args.markdown))
    print(f"\nfindings at commit {found.commit}; kinds: {', '.join(sorted(kinds))}", file=sys.stderr)


if __name__ == "__main__":
    main()
