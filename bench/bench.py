"""Speed of speclint: corpus throughput, one-file check and `--version` wall time.

    python bench/bench.py [CORPUS_FOLDER] [--repeat N]

Default folder: ../shared/corpus/rust-rfcs (from the repository root). Prints:
- in-process throughput of parsing alone and of the full lint (all built-in rules), best of N;
- the wall time of `speclint check <folder>` as a subprocess (what a user waits for);
- the wall time of `speclint check small.md` and `speclint --version` as subprocesses (median),
  which is what a pre-commit hook pays per run.

A script, not a test: numbers depend on the machine; compare them before and after a change.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = REPOSITORY.parent / "shared" / "corpus" / "rust-rfcs"

SMALL_SPEC = """\
---
title: Saved carts
status: draft
---
# Saved carts

Signed-in shoppers keep their cart across devices for 30 days.

## Requirements

- [ ] The cart syncs within 5 seconds of a change.
- [ ] Retention period: TBD
"""


def speclint_command() -> list[str]:
    """The installed console script next to this interpreter, else `python -m speclint`."""
    script = Path(sys.executable).with_name("speclint")
    if script.exists():
        return [str(script)]
    found = shutil.which("speclint")
    return [found] if found else [sys.executable, "-m", "speclint"]


def wall_times(command: list[str], runs: int, cwd: Path) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return times


def best_of(repeat: int, action: Callable[[], object], clock: Callable[[], float] = time.perf_counter) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = clock()
        action()
        best = min(best, clock() - started)
    return best


def parse_all(texts: list[str]) -> None:
    from speclint.document.parser import parse


    for text in texts:
        parse(text)  # dropped at once, as the runner does


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    arguments.add_argument("--repeat", type=int, default=3, help="in-process runs; the best is kept")
    arguments.add_argument("--runs", type=int, default=15, help="subprocess runs for the one-file timings")
    options = arguments.parse_args()
    folder: Path = options.folder
    if not folder.is_dir():
        sys.exit(f"bench: {folder} is not a folder (the corpus lives in ../shared/corpus)")

    from speclint.engine import files
    from speclint.engine.check import ActiveRule
    from speclint.engine.registry import load_registry
    from speclint.engine.runner import Source, lint

    paths = list(files.discover([folder]))
    texts = [files.read_text(path) for path in paths]
    size = sum(len(text.encode("utf-8")) for text in texts)
    registry = load_registry()
    rules = [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in registry.sorted()]
    sources = [Source(str(path), path) for path in paths]

    # CPU time of this process: steadier than wall time on a busy machine.
    parse_cpu = best_of(options.repeat, lambda: parse_all(texts), time.process_time)
    lint_cpu = best_of(options.repeat, lambda: lint(sources, rules, jobs=1), time.process_time)
    lint_time = best_of(options.repeat, lambda: lint(sources, rules))
    command = speclint_command()
    cli_time = min(wall_times([*command, "check", str(folder)], options.repeat, cwd=REPOSITORY))

    print(f"corpus: {folder} ({len(paths)} files, {size / 1e6:.1f} MB), {len(rules)} rules, best of {options.repeat}")
    for label, seconds in [
        ("parse only, 1 CPU  ", parse_cpu),
        ("lint, 1 CPU        ", lint_cpu),
        ("lint, wall         ", lint_time),
    ]:
        print(f"  {label} {seconds:6.2f} s  {len(paths) / seconds:7.0f} files/s  {size / 1e6 / seconds:5.1f} MB/s")
    print(f"  speclint check DIR  {cli_time:6.2f} s  {len(paths) / cli_time:7.0f} files/s  (subprocess, wall)")

    with tempfile.TemporaryDirectory() as scratch:
        small = Path(scratch) / "saved-carts.md"
        small.write_text(SMALL_SPEC)
        one_file = wall_times([*command, "check", small.name], options.runs, cwd=Path(scratch))
        version = wall_times([*command, "--version"], options.runs, cwd=Path(scratch))
    print(f"one small file, median of {options.runs} subprocess runs ({' '.join(command)}):")
    print(f"  speclint check small.md   {statistics.median(one_file) * 1000:6.0f} ms  (min {min(one_file) * 1000:.0f})")
    print(f"  speclint --version        {statistics.median(version) * 1000:6.0f} ms  (min {min(version) * 1000:.0f})")


if __name__ == "__main__":
    main()
