"""Time the pathological inputs of issue 17 (item 4) with the current code.

    python bench/issue17_inputs.py [--only NAME] [--timeout 300] [--parse-only]

Each input is linted in a fresh process (`speclint.engine.runner.lint`, default configuration
with `--profile prd --preview`: every rule runs, where most of these inputs would otherwise be
detected as not a specification and skipped), so that its peak memory (`ru_maxrss`) is its own.
Printed per input: its size, the CPU seconds of parsing alone and of the whole lint, the process's
peak memory minus that of the same process after linting a tiny document (the imports), and the
rules the engine's budgets stopped or did not run (its budgets are in wall time: on a loaded
machine they cut a lint short). To measure other code, put its checkout first on `PYTHONPATH`.
A record for people, not a test:
`tests/test_growth_limits.py` and `tests/test_regex_linear.py` count work instead of timing it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Callable

REPOSITORY = Path(__file__).resolve().parent.parent


def repeat_to(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def nested_ordered_lines(size: int) -> str:
    """Lines of `1. 1. 1. …`: each line twenty `1. ` markers (twenty nested lists) and a word."""
    line = "1. " * 20 + "x\n"
    return line * max(1, size // len(line))


def headings(count: int) -> str:
    return "".join(f"## Heading {number}\n\nText of section {number}.\n\n" for number in range(count))


INPUTS: dict[str, Callable[[], str]] = {
    "10 KB heading of `(`": lambda: "# " + "(" * 10_000 + "\n",
    "10 KB list item of backticks": lambda: "- x " + "`" * 10_000 + "\n",  # after a word: no fence
    "10 KB heading of backticks": lambda: "# " + "`" * 10_000 + "\n",
    "`100% ` x 10 KB": lambda: repeat_to("100% ", 10_000) + "\n",
    "`100% ` x 30 KB": lambda: repeat_to("100% ", 30_000) + "\n",
    "`etc. ` x 10 KB": lambda: repeat_to("etc. ", 10_000) + "\n",
    "`etc. ` x 100 KB": lambda: repeat_to("etc. ", 100_000) + "\n",
    "paragraph of `[`, 10 KB": lambda: "[" * 10_000 + "\n",
    "paragraph of `[`, 100 KB": lambda: "[" * 100_000 + "\n",
    "lines of `1. 1. 1. …`, 30 KB": lambda: nested_ordered_lines(30_000),
    "lines of `1. 1. 1. …`, 1 MB": lambda: nested_ordered_lines(1_000_000),
    "1 MB line of `*`": lambda: "*" * 1_000_000 + "\n",
    "10,000 headings": lambda: headings(10_000),
    "30,000 headings": lambda: headings(30_000),
    "100,000 headings": lambda: headings(100_000),
}

_CHILD = """
import json, resource, sys, time
sys.setrecursionlimit(10_000)
from speclint.document.parser import parse
from speclint.engine.runner import Source, lint
from speclint.configuration.config import ConfigPlanner
sys.path.insert(0, {bench!r})
from issue17_inputs import INPUTS
import speclint.engine.check as check
if {no_budgets!r}:  # the budgets are wall time: on a loaded machine they would cut the lint short
    check.run_rules.__defaults__ = (None, None, 1e9, 1e9)
planner = ConfigPlanner(forced_profile={profile!r}, preview=True)
lint([Source("warm-up.md", None, "# Warm up\\n\\nText.\\n")], [], planner=planner, jobs=1)
baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
text = INPUTS[{name!r}]()
started = time.process_time()
parse(text, "input.md")
parsed = time.process_time() - started
linted, failures = None, 0
if not {parse_only!r}:
    started = time.process_time()
    result = lint([Source("input.md", None, text)], [], planner=planner, jobs=1)
    linted = time.process_time() - started
    failures = len(result.rule_failures)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"bytes": len(text.encode()), "parse": parsed, "lint": linted, "kb": peak - baseline,
                  "failures": failures}}))
"""


def measure(name: str, timeout: float, parse_only: bool, profile: str | None, no_budgets: bool) -> dict[str, object]:
    code = _CHILD.format(bench=str(REPOSITORY / "bench"), name=name, parse_only=parse_only, profile=profile,
                         no_budgets=no_budgets)
    try:
        completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout,
                                   cwd=REPOSITORY / "bench")
    except subprocess.TimeoutExpired:
        return {"error": f"over {timeout:.0f} s"}
    if completed.returncode != 0:
        return {"error": completed.stderr.strip().splitlines()[-1] if completed.stderr.strip() else "failed"}
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", help="inputs whose name contains this (repeatable)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per input before giving up")
    parser.add_argument("--parse-only", action="store_true", help="parse, do not lint")
    parser.add_argument("--no-budgets", action="store_true",
                        help="lift the engine's time budgets (wall time: a loaded machine stops rules early)")
    parser.add_argument("--profile", default="prd",
                        help="profile every input is linted with (default prd: most of these inputs would be "
                             "detected as not a specification, and skipped); '' to detect it")
    args = parser.parse_args()
    names = [name for name in INPUTS if not args.only or any(part in name for part in args.only)]
    print("| input | bytes | parse (CPU s) | lint (CPU s) | peak memory above imports | rules stopped or not run |")
    print("|---|---|---|---|---|---|")
    for name in names:
        row = measure(name, args.timeout, args.parse_only, args.profile or None, args.no_budgets)
        if "error" in row:
            print(f"| {name} | | | | {row['error']} | |", flush=True)
            continue
        lint_seconds = "" if row["lint"] is None else f"{row['lint']:.2f}"
        print(f"| {name} | {row['bytes']:,} | {row['parse']:.2f} | {lint_seconds} | {int(row['kb']) / 1024:,.0f} MB "
              f"| {row['failures']} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
