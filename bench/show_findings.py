"""Print the drawn rows of a verdict file at their lines in the corpus, with context, for judging.

    python bench/show_findings.py bench/verdicts/round1.tsv --rule MS002 [--context 8] [--all]

For each row (by default only those without a verdict yet): the row's number in the file, the
document's kind, its path, the message, the headings above the line (the section it sits in), and
the lines around it with the finding's line marked. A finding in a KEP's kep.yaml also shows the
whole kep.yaml. `--outline` prints every heading of the document as well (for rules that report
what a document lacks: a missing section, criteria or edge cases).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from findings import source_lines, default_corpus, kind_of, read_kinds  # noqa: E402
from precision import read_verdicts  # noqa: E402

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")


def headings_above(lines: list[str], line: int) -> list[str]:
    """The chain of ATX headings that contain `line` (outermost first)."""
    chain: list[tuple[int, str]] = []
    fenced = False
    for number, text in enumerate(lines[:line], start=1):
        if text.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        found = None if fenced else _HEADING.match(text)
        if found:
            level = len(found.group(1))
            chain = [item for item in chain if item[0] < level] + [(level, f"{number}: {text.strip()}")]
    return [text for _level, text in chain]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("verdicts", type=Path)
    parser.add_argument("--rule", default="")
    parser.add_argument("--context", type=int, default=8)
    parser.add_argument("--all", action="store_true", help="also rows that have a verdict")
    parser.add_argument("--outline", action="store_true", help="print every heading of the document")
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args()
    corpus = args.corpus or default_corpus()
    kinds = read_kinds(corpus)
    for row in read_verdicts(args.verdicts):
        if (args.rule and row.rule != args.rule.upper()) or (row.verdict and not args.all):
            continue
        lines = source_lines(corpus / row.path)
        print("=" * 100)
        print(f"[{row.source}] {row.rule} {kind_of(row.path, kinds)} {row.path}:{row.line}")
        print(f"  message: {row.message}")
        if row.verdict:
            print(f"  verdict: {row.verdict}: {row.reason}")
        for heading in headings_above(lines, row.line):
            print(f"  in: {heading}")
        if args.outline:
            print("  outline: " + " | ".join(f"{h.strip()}" for h in lines if _HEADING.match(h)))
        start, end = max(1, row.line - args.context), min(len(lines), row.line + args.context)
        for number in range(start, end + 1):
            marker = ">>" if number == row.line else "  "
            print(f"{marker}{number:5} {lines[number - 1][:220]}")
        if row.path.endswith(".yaml"):
            continue
        sibling = (corpus / row.path).parent / "kep.yaml"
        if row.rule.startswith(("ST", "PH")) and sibling.is_file():
            print("  kep.yaml: " + " ".join(line.strip() for line in source_lines(sibling) if line.startswith(("stage", "status"))))


if __name__ == "__main__":
    main()
