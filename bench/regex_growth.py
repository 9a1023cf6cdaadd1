"""Time the growth of every speclint regular expression on the text that attacks it, with `re`.

    python bench/regex_growth.py [--size 20000] [--limit 10] [--show 15]

For each pattern of the code base (`tests/regex_steps.py` finds them: literal `re.*` calls and
the compiled patterns modules hold), builds the attacks `tests/test_regex_linear.py` counts steps
on (repetitions of the pattern's own classes and literals), times `finditer` (`match` for patterns
only ever matched at one position) at `--size` and twice that, and prints the patterns whose time
grows the most. Linear patterns take about twice as long on twice the text; quadratic ones four
times. A record for people, not a test: the test counts steps, this times them.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from regex_steps import attack, has_unbounded_repeat, pathological_inputs  # noqa: E402
from regex_steps import all_patterns as find_patterns  # noqa: E402


def timed(pattern: re.Pattern[str], text: str, anchored: bool) -> float:
    started = time.perf_counter()
    if anchored:
        pattern.match(text)
    else:
        for _ in pattern.finditer(text):
            pass
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=20_000, help="characters of the smaller attack")
    parser.add_argument("--limit", type=int, default=10, help="attacks per pattern")
    parser.add_argument("--show", type=int, default=15, help="patterns to print")
    args = parser.parse_args()

    rows = []
    sources = [source for source in find_patterns() if has_unbounded_repeat(source.pattern, source.flags)]
    started = time.perf_counter()
    for source in sources:
        compiled = re.compile(source.pattern, source.flags)
        worst = (0.0, 0.0, 0.0, "")
        for name, _ in pathological_inputs(source.pattern, source.flags, limit=args.limit):
            pump = ast.literal_eval(name)
            small = timed(compiled, attack(pump, args.size), source.anchored)
            large = timed(compiled, attack(pump, 2 * args.size), source.anchored)
            ratio = large / max(small, 1e-6)
            if large > worst[2]:
                worst = (ratio, small, large, pump)
        rows.append((worst[2], worst[0], worst[1], worst[3], source))
    print(f"{len(sources)} patterns with unbounded repeats, {time.perf_counter() - started:.1f} s in all; "
          f"slowest attacks at {args.size:,} and {2 * args.size:,} characters:")
    for large, ratio, small, pump, source in sorted(rows, key=lambda row: row[0], reverse=True)[: args.show]:
        print(f"  {small * 1000:8.2f} ms -> {large * 1000:8.2f} ms (x{ratio:4.1f})  {pump!r:8}  {source.where}"
              f"  {source.pattern[:70]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
