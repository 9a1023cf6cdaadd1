"""Speed of speclint, side by side with markdownlint-cli2: every figure of issue 15's table.

    python bench/bench.py [--corpus DIR] [--runs N] [--speclint CMD] [--before CMD] [--markdownlint CMD]
                          [--only one|rfcs|kep|copies|lsp] [--lsp] [--throughput]

Prints, for each piece of work, the median wall and CPU time of subprocess runs (what a user waits
for), speclint cold (an empty results cache) and warm (the cache of the previous run), and, when
markdownlint-cli2 is installed (`npm install markdownlint-cli2@0.22.1` in a scratch folder; found
on PATH, in /tmp/mdl or with --markdownlint), its time and the ratio speclint cold / markdownlint.
The two tools run alternately (A B A B) so that a busy machine slows both alike.

- one file (rust-rfcs/text/0132-ufcs.md), what a pre-commit run pays;
- every Rust RFC (rust-rfcs/text);
- a 170 KB document (the corpus's closest, rust-rfcs/text/3935-Project-Goals-2026.md) and 16
  copies of it in one file (linear?); the largest KEP-style document (KINDS.tsv: kep-like);
- peak memory: the largest resident size of the run's process tree (all workers summed).

`--speclint` runs another build (e.g. `/tmp/speclint-before/.venv/bin/speclint`); `--before CMD`
measures a second build in the same alternation (A B C A B C), cold, and prints this build's time
as a share of it. Each row ends with the issue's goal for it and whether the median meets it;
the load average is printed before each piece of work (on a shared machine, CPU time is the
steadier figure). `--lsp` adds the language server's two figures (`bench/lsp_latency.py --goals`),
`--throughput` the in-process parse and lint throughput of the corpus.

A script, not a test: numbers depend on the machine; compare them before and after a change.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPOSITORY.parent / "shared" / "corpus"
ONE_FILE = Path("rust-rfcs") / "text" / "0132-ufcs.md"
RFC_FOLDER = Path("rust-rfcs") / "text"
COPIES = 16
LARGE_DOCUMENT = Path("rust-rfcs") / "text" / "3935-Project-Goals-2026.md"  # 172 KB

#: Issue 15's goals: (seconds of wall time, ratio of wall time to markdownlint-cli2's), cold cache.
GOALS: dict[str, tuple[float | None, float | None]] = {
    "one": (0.100, 0.35),  # the 100 ms hold on an idle machine
    "rfcs": (None, 0.27),
    "large": (0.3, None),
}
COPIES_GOAL = 12.0  # 16 copies in one file: at most 12x the one-copy time (linear)


def speclint_command() -> list[str]:
    """The installed console script next to this interpreter, else `python -m speclint`."""
    script = Path(sys.executable).with_name("speclint")
    if script.exists():
        return [str(script)]
    found = shutil.which("speclint")
    return [found] if found else [sys.executable, "-m", "speclint"]


def markdownlint_command() -> list[str] | None:
    for candidate in (shutil.which("markdownlint-cli2"), "/tmp/mdl/node_modules/.bin/markdownlint-cli2"):
        if candidate and Path(candidate).exists():
            return [candidate]
    return None


@dataclass
class Sample:
    wall: float
    cpu: float
    peak_rss_mb: float


@dataclass
class Samples:
    runs: list[Sample] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(run.wall for run in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(run.cpu for run in self.runs)

    @property
    def peak_rss_mb(self) -> float:
        return max(run.peak_rss_mb for run in self.runs)


def _tree_rss_kb(root: int) -> int:
    """Resident size of `root` and all its descendants, in KiB (from /proc; 0 where unavailable)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return 0
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm") as statm:
                resident_pages = int(statm.read().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = resident_pages * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        total += rss.get(pid, 0)
        pending.extend(children.get(pid, []))
    return total


def run_once(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Sample:
    """Wall and CPU time (user + system, with every child) and peak tree memory of one run."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    finished = threading.Event()

    def sample_memory() -> None:
        nonlocal peak
        while not finished.wait(0.02):
            peak = max(peak, _tree_rss_kb(process.pid))

    sampler = threading.Thread(target=sample_memory, daemon=True)
    sampler.start()
    _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    finished.set()
    sampler.join()
    process.returncode = 0  # reaped by wait4: stop Popen from waiting again
    # ru_maxrss covers the largest single process; the sampler the sum over workers.
    peak_mb = max(peak, usage.ru_maxrss) / 1024
    return Sample(wall, usage.ru_utime + usage.ru_stime, peak_mb)


def alternate(commands: dict[str, Callable[[], Sample]], runs: int) -> dict[str, Samples]:
    """Each command `runs` times, in turn (A B A B ...), after one unmeasured warm-up run each."""
    for action in commands.values():
        action()
    results = {name: Samples() for name in commands}
    for _ in range(runs):
        for name, action in commands.items():
            results[name].runs.append(action())
    return results


def supports_cache(command: list[str]) -> bool:
    shown = subprocess.run([*command, "check", "--help"], capture_output=True, text=True, check=False).stdout
    return "--no-cache" in shown


@dataclass
class Work:
    label: str
    target: Path  # file or folder, relative to `cwd`
    cwd: Path
    runs: int
    markdownlint_target: str  # argument (glob) for markdownlint-cli2


def measure(
    work: Work, speclint: list[str], markdownlint: list[str] | None, with_cache: bool, before: list[str] | None = None
) -> dict[str, Samples]:
    env = {key: value for key, value in os.environ.items() if key != "SPECLINT_CACHE_DIR"}
    # What a user's shell has: byte-code files are written (a development setting may turn them off).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    scratch = Path(tempfile.mkdtemp(prefix="speclint-bench-cache-"))
    warm_cache = scratch / "warm"
    commands: dict[str, Callable[[], Sample]] = {}

    def cold(command: list[str]) -> Callable[[], Sample]:
        def run() -> Sample:
            cache = scratch / "cold"
            shutil.rmtree(cache, ignore_errors=True)
            extra = ["--cache-dir", str(cache)] if with_cache else []
            return run_once([*command, "check", *extra, str(work.target)], work.cwd, env)

        return run

    commands["speclint cold"] = cold(speclint)
    if before is not None:
        commands["before cold"] = cold(before)
    if with_cache:
        commands["speclint warm"] = lambda: run_once(
            [*speclint, "check", "--cache-dir", str(warm_cache), str(work.target)], work.cwd, env
        )
    if markdownlint is not None:
        commands["markdownlint"] = lambda: run_once([*markdownlint, work.markdownlint_target], work.cwd, env)
    try:
        return alternate(commands, work.runs)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def largest_kep(corpus: Path) -> Path | None:
    kinds = corpus / "KINDS.tsv"
    if not kinds.exists():
        return None
    candidates = []
    for line in kinds.read_text().splitlines():
        path, _, kind = line.partition("\t")
        if kind.strip() == "kep-like" and (corpus / path).is_file():
            candidates.append(corpus / path)
    return max(candidates, key=lambda path: path.stat().st_size, default=None)


def print_row(label: str, samples: dict[str, Samples], extra: str = "", goal: str | None = None) -> None:
    """The piece of work, then one line per command: medians, ratios, and the goal's verdict."""
    cold = samples["speclint cold"]
    print(f"{label}" + (f"  ({extra})" if extra else ""), flush=True)
    print(f"  {'speclint, cold cache':<26} {cold.wall:6.2f} s wall {cold.cpu:6.2f} s CPU  peak {cold.peak_rss_mb:4.0f} MB")
    if "speclint warm" in samples:
        warm = samples["speclint warm"]
        print(f"  {'speclint, warm cache':<26} {warm.wall:6.2f} s wall {warm.cpu:6.2f} s CPU")
    if "before cold" in samples:
        old = samples["before cold"]
        print(f"  {'before (--before), cold':<26} {old.wall:6.2f} s wall {old.cpu:6.2f} s CPU"
              f"  this build: {cold.wall / old.wall:4.2f}x wall {cold.cpu / old.cpu:4.2f}x CPU")
    if "markdownlint" in samples:
        other = samples["markdownlint"]
        print(f"  {'markdownlint-cli2':<26} {other.wall:6.2f} s wall {other.cpu:6.2f} s CPU"
              f"  ratio speclint cold / markdownlint {cold.wall / other.wall:4.2f} wall {cold.cpu / other.cpu:4.2f} CPU")
    if goal is not None:
        seconds, ratio = GOALS[goal]
        verdicts = []
        if seconds is not None:
            verdicts.append(f"<= {seconds:g} s wall: {'met' if cold.wall <= seconds else 'missed'} "
                            f"(CPU {'within' if cold.cpu <= seconds else 'over'})")
        if ratio is not None:
            if "markdownlint" in samples:
                measured = cold.wall / samples["markdownlint"].wall
                verdicts.append(f"<= {ratio:g}x markdownlint wall: {'met' if measured <= ratio else 'missed'}")
            else:
                verdicts.append(f"<= {ratio:g}x markdownlint wall: not measured (markdownlint-cli2 not installed)")
        print("  goal " + "; ".join(verdicts), flush=True)


def print_load() -> None:
    one, five, _ = os.getloadavg()
    print(f"[load average {one:.1f} (5 min {five:.1f}) on {os.cpu_count()} CPUs]", flush=True)


def interpreter_of(command: list[str]) -> str:
    """The Python that runs a speclint console script (its `#!` line), else this one."""
    try:
        with open(command[0], encoding="utf-8") as script:
            first = script.readline()
        if first.startswith("#!") and "python" in first:
            return first[2:].strip().split()[0]
    except (OSError, UnicodeDecodeError, IndexError):
        pass
    return sys.executable


def language_server_goals(corpus: Path, builds: dict[str, list[str]]) -> None:
    """`bench/lsp_latency.py --goals` with the interpreter of each build."""
    script = Path(__file__).resolve().with_name("lsp_latency.py")
    for name, command in builds.items():
        print(f"language server ({name}):", flush=True)
        subprocess.run([interpreter_of(command), str(script), str(corpus), "--goals"], check=False)


def throughput(folder: Path, repeat: int) -> None:
    """In-process parse and lint throughput of a folder (one CPU), best of `repeat`."""
    from speclint.document.parser import parse
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

    def best(action: Callable[[], object]) -> float:
        times = []
        for _ in range(repeat):
            started = time.process_time()
            action()
            times.append(time.process_time() - started)
        return min(times)

    parse_cpu = best(lambda: [parse(text) for text in texts])
    lint_cpu = best(lambda: lint(sources, rules, jobs=1))
    print(f"in process, {len(paths)} files, {size / 1e6:.1f} MB, {len(rules)} rules, best of {repeat}:")
    for label, seconds in [("parse only", parse_cpu), ("lint, 1 CPU", lint_cpu)]:
        print(f"  {label:<12} {seconds:6.2f} s  {len(paths) / seconds:6.0f} files/s  {size / 1e6 / seconds:5.2f} MB/s")


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    arguments.add_argument("--runs", type=int, default=7, help="measured runs of each quick command (median)")
    arguments.add_argument("--long-runs", type=int, default=3, help="measured runs of the whole-folder work")
    arguments.add_argument("--speclint", help="the speclint command to measure (default: this environment's)")
    arguments.add_argument("--markdownlint", help="the markdownlint-cli2 command (default: PATH or /tmp/mdl)")
    arguments.add_argument("--before", help="another speclint command, measured cold in the same alternation")
    arguments.add_argument("--only", choices=["one", "rfcs", "kep", "copies", "lsp"], action="append")
    arguments.add_argument("--lsp", action="store_true", help="also the language server's two figures")
    arguments.add_argument("--throughput", action="store_true", help="also the in-process throughput")
    options = arguments.parse_args()
    corpus: Path = options.corpus.resolve()
    if not (corpus / RFC_FOLDER).is_dir():
        sys.exit(f"bench: {corpus / RFC_FOLDER} is not a folder (the corpus lives in ../shared/corpus)")
    speclint = shlex.split(options.speclint) if options.speclint else speclint_command()
    before = shlex.split(options.before) if options.before else None
    markdownlint = shlex.split(options.markdownlint) if options.markdownlint else markdownlint_command()
    with_cache = supports_cache(speclint) and (before is None or supports_cache(before))
    only = set(options.only or ["one", "rfcs", "kep", "copies"]) | ({"lsp"} if options.lsp else set())
    print(f"speclint: {' '.join(speclint)}  (results cache: {'yes' if with_cache else 'no'})")
    if before is not None:
        print(f"before: {' '.join(before)}")
    print(f"markdownlint-cli2: {' '.join(markdownlint) if markdownlint else 'not installed: no ratios'}")
    print("medians of runs, alternating the commands (A B A B); cold = an empty results cache; peak = all processes")

    if "one" in only:
        print_load()
        work = Work(f"one file ({ONE_FILE.name})", ONE_FILE, corpus, options.runs, str(ONE_FILE))
        print_row(work.label, measure(work, speclint, markdownlint, with_cache, before), goal="one")
    if "rfcs" in only:
        print_load()
        count = sum(1 for _ in (corpus / RFC_FOLDER).glob("*.md"))
        work = Work(f"{count} Rust RFCs", RFC_FOLDER, corpus, options.long_runs, f"{RFC_FOLDER}/*.md")
        samples = measure(work, speclint, markdownlint, with_cache, before)
        print_row(work.label, samples, f"peak memory {samples['speclint cold'].peak_rss_mb:.0f} MB, goal <= 120 MB",
                  goal="rfcs")
    if only & {"kep", "copies"}:
        # The 170 KB document of the table (the corpus's document closest to that size, a
        # Rust RFC), with its 16 copies in one file (2.7 MB: under the 5 MB a file may have), then
        # the largest KEP-style document (16 copies of it would pass that limit).
        large = [(corpus / LARGE_DOCUMENT, True)]
        kep = largest_kep(corpus)
        if kep is not None:
            large.append((kep, False))
        for document, with_copies in large:
            if not document.is_file():
                continue
            with tempfile.TemporaryDirectory() as scratch:
                folder = Path(scratch)
                single, many = folder / document.name, folder / f"x{COPIES}-{document.name}"
                text = document.read_text(encoding="utf-8")
                single.write_text(text, encoding="utf-8")
                many.write_text("\n\n".join([text] * COPIES), encoding="utf-8")
                size = f"{len(text.encode()) / 1024:.0f} KB"
                print_load()
                one = Work(f"{document.name[:22]} ({size})", Path(single.name), folder, options.runs, single.name)
                one_samples = measure(one, speclint, markdownlint, with_cache, before)
                print_row(one.label, one_samples, str(document.relative_to(corpus)), goal="large" if with_copies else None)
                if with_copies and "copies" in only:
                    print_load()
                    copies = Work(f"{COPIES} copies in one file", Path(many.name), folder, options.long_runs, many.name)
                    copy_samples = measure(copies, speclint, markdownlint, with_cache, before)
                    factor = copy_samples["speclint cold"].wall / one_samples["speclint cold"].wall
                    cpu_factor = copy_samples["speclint cold"].cpu / one_samples["speclint cold"].cpu
                    verdict = "met" if factor <= COPIES_GOAL else "missed"
                    print_row(copies.label, copy_samples,
                              f"{factor:.1f}x the one-copy wall time, {cpu_factor:.1f}x CPU; goal <= {COPIES_GOAL:g}x: {verdict}")
    if "lsp" in only:
        print_load()
        language_server_goals(corpus, {"this build": speclint, **({"before": before} if before else {})})
    if options.throughput:
        throughput(corpus / RFC_FOLDER, 3)


if __name__ == "__main__":
    main()
