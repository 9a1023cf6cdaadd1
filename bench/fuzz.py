"""Mutational fuzzer: lints mutated real documents and reports every way speclint misbehaves.

    python bench/fuzz.py [--corpus ../shared/corpus] [--count 1000] [--seed 0] [--workers 1]
                         [--timeout 30] [--report fuzz-report.jsonl] [--dump INDEX --out FILE]

Document *i* of seed *s* is built from `random.Random(f"{s}:{i}")` alone, so a run is reproducible
whatever the worker count, and one document can be rebuilt with `--dump i`. Each document is a
corpus document (or a random slice of one, or two spliced together) with 1-4 mutations: lines
deleted, duplicated or shuffled, text from another document spliced in, Markdown constructs
inserted (containers, fences, tables, headings, HTML, links), YAML inserted (examples, anchors and
aliases, bad indentation), random front matter, random characters (control, bidi, emoji, CJK).

Each document is linted through the engine (`speclint.engine.runner.lint` with the default
configuration, the path of the document it came from, so that profile detection applies), in a
worker process: a document that takes more than `--timeout` seconds is a hang, and the worker is
replaced. Reported:
- **tracebacks**: an exception out of the engine (a rule's own crash is caught by the engine);
- **rule crashes**: `RunResult.rule_failures`;
- **out-of-range positions**: a finding whose line is beyond the text, or whose column is beyond
  its line (+1: the end of a line is a position);
- **slow documents**: more than 1 s per 100 KB (documents under 100 KB get 1 s: a run has a fixed
  cost), measured in the worker around the lint alone, in CPU time (`time.process_time`): the
  machine is shared, and wall time would count other people's work;
- **hangs**: over `--timeout`;
- **warnings**: a Python warning that would reach the user's stderr (ruamel.yaml's reused-anchor
  warning did, quoting the document, until speclint filtered it).

The summary prints counts and the slowest documents; `--report` writes one JSON line per problem.
A script, not a test (it times); `tests/test_fuzz.py` runs a short deterministic slice in-process
and checks everything but time.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import time
import traceback
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterator

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPOSITORY.parent / "shared" / "corpus"
SLOW_SECONDS_PER_100KB = 1.0

# --- building documents -------------------------------------------------------------------------

MARKDOWN_PREFIXES = ["", "", "  ", "    ", "\t", "> ", ">", "- ", "* ", "+ ", "1. ", "10) ", "- [ ] ", "- [x] ",
                     "# ", "## ", "### ", "#### ", "| ", "> - ", "1. > ", "   - "]
MARKDOWN_LINES = [
    "", "TBD", "TODO: fill in", "the system shall respond fast", "a | b |", "|---|---|", "| c | d |", "---", "===",
    "* * *", "```", "```yaml", "```json", "~~~", "`code`", "-->", "<!--", "<!-- speclint-disable -->",
    "<!-- speclint-disable-next-line ST003 -->", "</div>", "<div>", "**bold** _em_", "[link](https://example.com)",
    "[ref]: https://example.com", "[broken](#no-such-heading)", "\\|", "é\u00a0", "\u2028", "title: x",
    "GET /v1/orders/{id}", "POST `/payments`", "## `order.created` event", "### Event: OrderPlaced",
    "WHEN a user clicks THE SYSTEM SHALL save", "As a user, I want to pay so that I can leave", "Given x When y Then z",
    "| Risk | Mitigation |", "| R1 | |", "REQ-001: The service shall log", "100% etc. e.g. i.e.", "<details>",
    "$$", "[^1]: note", "![img](x.png)", "<https://example.com>", "\\", "&amp;", "&#x0;", "| --- |", ":::", "[[",
]
YAML_SNIPPETS = [
    "title: x\n", "status: draft\n", "a: &a [1, 2]\nb: *a\n", "- a\n -b\n", "key: [unclosed\n", "'quote\n",
    "a:\n  b:\n    c: 1\n", "? complex\n: key\n", "!!python/object:os.system x\n", "tags: !!set {a, b}\n",
    "date: 2025-13-40\n", "x: 1\nx: 2\n", "\t- tab\n", "openapi: 3.0.0\npaths:\n  /a:\n    get: {}\n",
    "title:\n\n> # x\n", "%YAML 1.1\n---\na: 1\n", "a: |\n  text\n b: 2\n", "{a: 1, b: [2, {c: 3}]}\n",
    "--- \n...\n", "*undefined\n", "&a a: *a\n", "<<: {a: 1}\n",
]
FRONT_MATTER_KEYS = ["title", "status", "authors", "created", "last-updated", "owner", "kind", "profile",
                     "sig", "kep-number", "stage", "reviewers", "id", "tags", "speclint", "type", "date"]
FRONT_MATTER_VALUES = ["x", "draft", "2024-01-01", "2025-13-40", "[a, b]", "{a: 1}", "", "~", "yes", "12",
                       "'unclosed", "|\n  block", ">\n  folded", "&anchor v", "*anchor", "- item", "@bad",
                       "`tick`", "!!binary aGk=", "[[", "1e400", "0x1F"]
RANDOM_CHARACTERS = list("#*_`[]()<>|-+:!\\{}&'\"~=.\t ") + [
    "\x00", "\x0b", "\x0c", "\x1b", "\r", "\r\n", "\u0085", "\u2028", "\u202e", "\u200d", "\ufeff", "é",
    "\u0301", "中", "😀", "👩\u200d💻", "\U0010ffff", "\ud7ff",
]


@dataclass
class Fuzzed:
    index: int
    path: str  # the display path: the corpus path of the base document
    text: str
    mutations: list[str] = field(default_factory=list)


def corpus_documents(corpus: Path) -> list[Path]:
    return sorted(path for path in corpus.rglob("*.md") if path.is_file() and path.name not in ("SOURCES.md",))


class Generator:
    """Builds document *i* of a seed from the corpus, deterministically."""

    def __init__(self, corpus: Path, seed: int, max_bytes: int | None = None) -> None:
        self.corpus = corpus
        self.paths = corpus_documents(corpus)
        if not self.paths:
            raise SystemExit(f"no Markdown documents under {corpus}")
        self.seed = seed
        self.max_bytes = max_bytes
        self._texts: dict[Path, str] = {}

    def _text(self, path: Path) -> str:
        if path not in self._texts:
            if len(self._texts) > 512:
                self._texts.clear()
            self._texts[path] = path.read_text(encoding="utf-8", errors="replace")
        return self._texts[path]

    def document(self, index: int) -> Fuzzed:
        rng = random.Random(f"{self.seed}:{index}")
        base = rng.choice(self.paths)
        lines = self._text(base).splitlines(keepends=True)
        fuzzed = Fuzzed(index, str(base.relative_to(self.corpus)), "")
        if self.max_bytes is not None or rng.random() < 0.3:
            lines = self._slice(rng, lines, fuzzed)
        for _ in range(rng.randint(1, 4)):
            mutate = rng.choice(self._MUTATIONS)
            lines = mutate(self, rng, lines, fuzzed)
        text = "".join(lines)
        if self.max_bytes is not None and len(text.encode("utf-8", "surrogatepass")) > self.max_bytes:
            text = text[: self.max_bytes // 2]
            fuzzed.mutations.append(f"cut to {len(text)} characters")
        fuzzed.text = text
        return fuzzed

    def _slice(self, rng: random.Random, lines: list[str], fuzzed: Fuzzed) -> list[str]:
        limit = 80 if self.max_bytes is not None else len(lines)
        if len(lines) <= limit:
            return lines
        start = rng.randrange(0, len(lines) - limit + 1)
        end = start + rng.randint(1, limit)
        fuzzed.mutations.append(f"slice lines {start + 1}-{end}")
        return lines[start:end]

    def _span(self, rng: random.Random, lines: list[str]) -> tuple[int, int]:
        if not lines:
            return 0, 0
        start = rng.randrange(len(lines))
        return start, min(len(lines), start + rng.randint(1, 12))

    def delete(self, rng: random.Random, lines: list[str], fuzzed: Fuzzed) -> list[str]:
        start, end = self._span(rng, lines)
        fuzzed.mutations.append(f"delete lines {start + 1}-{end}")
        return lines[:start] + lines[end:]

    def duplicate(self, rng: random.Random, lines: list[str], fuzzed: Fuzzed) -> list[str]:
        start, end = self._span(rng, lines)
        times = rng.choice([1, 2, 10, 50])
        fuzzed.mutations.append(f"duplicate lines {start + 1}-{end} x{times}")
        return lines[:end] + lines[start:end] * times + lines[end:]

    def shuffle(self, rng: random.Random, lines: list[str], fuzzed: Fuzzed) -> list[str]:
        start, end = self._span(rng, lines)
        middle = lines[start:end]
        rng.shuffle(middle)
        fuzzed.mutations.append(f"shuffle lines {start + 1}-{end}")
        return lines[:start] + middle + lines[end:]

    def splice(self, rng: random.Random, lines: list[str], fuzzed: Fuzzed) -> list[str]:
        other = rng.choice(self.paths)
        other_lines = self._text(other).splitlines(keepends=True)
        start, end = self._span(rng, other_lines)
        where = rng.randint(0, len(lines))
        fuzzed.mutations.append(f"splice {other.relative_to(self.corpus)}:{start + 1}-{end} at {where + 1}")
        return lines[:where] + other_lines[start:end] + lines[where:]

    def markdown(self, rng: random.Random, lines: list[str], fuzzed: Fuzzed) -> list[str]:
        where = rng.randint(0, len(lines))
        inserted = [
            "".join(rng.choices(MARKDOWN_PREFIXES, k=rng.randint(0, 3))) + rng.choice(MARKDOWN_LINES) + "\n"
            for _ in range(rng.randint(1, 8))
        ]
        fuzzed.mutations.append(f"markdown at {where + 1}: {''.join(inserted)!r}")
        return lines[:where] + inserted + lines[where:]

    def yaml_example(self, rng: random.Random, lines: list[str], fuzzed: Fuzzed) -> list[str]:
        where = rng.randint(0, len(lines))
        body = "".join(rng.choices(YAML_SNIPPETS, k=rng.randint(1, 3)))
        fence = rng.choice(["```yaml\n", "```yml\n", "~~~yaml\n", "```json\n"])
        fuzzed.mutations.append(f"yaml example at {where + 1}: {body!r}")
        return lines[:where] + [fence, *body.splitlines(keepends=True), fence[:3] + "\n"] + lines[where:]

    def front_matter(self, rng: random.Random, lines: list[str], fuzzed: Fuzzed) -> list[str]:
        entries = []
        for _ in range(rng.randint(0, 8)):
            indent = rng.choice(["", "", "", "  ", "\t", " "])
            key = rng.choice(FRONT_MATTER_KEYS)
            entries.append(f"{indent}{key}: {rng.choice(FRONT_MATTER_VALUES)}\n")
        if rng.random() < 0.3:
            entries.append(rng.choice(YAML_SNIPPETS))
        close = rng.choice(["---\n", "---\n", "...\n", ""])
        fuzzed.mutations.append(f"front matter {''.join(entries)!r} closed by {close!r}")
        if lines and lines[0].rstrip() == "---":  # replace the document's own
            end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), 0)
            lines = lines[end + 1 :]
        return ["---\n", *entries, close, *lines]

    def characters(self, rng: random.Random, lines: list[str], fuzzed: Fuzzed) -> list[str]:
        text = "".join(lines)
        pieces = []
        for _ in range(rng.randint(1, 20)):
            where = rng.randint(0, len(text))
            inserted = rng.choice(RANDOM_CHARACTERS) * rng.choice([1, 1, 2, 3, 8, 40])
            text = text[:where] + inserted + text[where:]
            pieces.append(f"{inserted!r}@{where}")
        fuzzed.mutations.append("characters " + " ".join(pieces))
        return text.splitlines(keepends=True)

    _MUTATIONS = [delete, duplicate, shuffle, splice, markdown, markdown, yaml_example, front_matter, characters]


# --- linting one document -----------------------------------------------------------------------


@dataclass
class Outcome:
    index: int
    path: str
    size: int  # bytes, UTF-8
    seconds: float = 0.0
    findings: int = 0
    traceback: str = ""
    rule_failures: list[str] = field(default_factory=list)
    out_of_range: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    hang: bool = False


def lint_document(fuzzed: Fuzzed) -> Outcome:
    """Lint one document in this process and check what came out."""
    from speclint.document.parser import split_lines
    from speclint.engine.runner import Source, lint

    outcome = Outcome(fuzzed.index, fuzzed.path, len(fuzzed.text.encode("utf-8", "surrogatepass")))
    started = time.process_time()
    # Recorded under the filters speclint installs, so only what a user would see on stderr counts.
    with warnings.catch_warnings(record=True) as caught:
        try:
            result = lint([Source(fuzzed.path, None, fuzzed.text)], [], planner=_planner(), jobs=1)
        except BaseException:  # everything, to report it: the fuzzer's job
            outcome.traceback = traceback.format_exc()
            outcome.seconds = time.process_time() - started
            return outcome
    outcome.seconds = time.process_time() - started
    outcome.warnings = [f"{warning.category.__name__}: {str(warning.message)[:200]}" for warning in caught]
    outcome.rule_failures = [f"{failure.rule_id}: {failure.error}" for failure in result.rule_failures]
    outcome.rule_failures += [f"(read) {failure.message}" for failure in result.read_failures]
    lines = split_lines(fuzzed.text)
    for finding in result.findings:
        outcome.findings += 1
        for position in (finding.span.start, finding.span.end):
            line_count = max(len(lines), 1)
            if not 1 <= position.line <= line_count:
                outcome.out_of_range.append(f"{finding.rule_id} line {position.line} of {len(lines)}")
                continue
            length = len(lines[position.line - 1]) if lines else 0
            if not 1 <= position.column <= length + 1:
                outcome.out_of_range.append(
                    f"{finding.rule_id} {position.line}:{position.column}, line has {length} characters"
                )
    return outcome


_PLANNER: Any = None


def _planner() -> Any:
    global _PLANNER
    if _PLANNER is None:
        from speclint.configuration.config import ConfigPlanner

        _PLANNER = ConfigPlanner()
    return _PLANNER


# --- worker processes ---------------------------------------------------------------------------


def _worker(connection: Any) -> None:
    lint_document(Fuzzed(-1, "warm-up.md", "# Warm up\n\nImports and caches load before the first timed document.\n"))
    while True:
        fuzzed = connection.recv()
        if fuzzed is None:
            return
        connection.send(lint_document(fuzzed))


class Worker:
    """One process that lints documents sent to it; replaced when a document hangs it."""

    def __init__(self) -> None:
        self._start()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child,), daemon=True)
        self.process.start()
        child.close()

    def lint(self, fuzzed: Fuzzed, timeout: float) -> Outcome:
        self.connection.send(fuzzed)
        if self.connection.poll(timeout):
            try:
                return self.connection.recv()
            except EOFError:
                pass  # the worker died (memory, a signal): reported as a traceback below
            outcome = Outcome(fuzzed.index, fuzzed.path, len(fuzzed.text.encode("utf-8", "surrogatepass")))
            outcome.traceback = f"worker process died (exit code {self.process.exitcode})"
        else:
            outcome = Outcome(fuzzed.index, fuzzed.path, len(fuzzed.text.encode("utf-8", "surrogatepass")))
            outcome.hang, outcome.seconds = True, timeout
        self.process.kill()
        self.process.join()
        self._start()
        return outcome

    def close(self) -> None:
        try:
            self.connection.send(None)
        except OSError:
            pass
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()


def run(generator: Generator, indices: Iterator[int], workers: int, timeout: float) -> Iterator[tuple[Fuzzed, Outcome]]:
    """Each document with its outcome, in index order when `workers` is 1."""
    if workers <= 0:
        for index in indices:
            fuzzed = generator.document(index)
            yield fuzzed, lint_document(fuzzed)
        return
    from concurrent.futures import ThreadPoolExecutor

    pool = [Worker() for _ in range(workers)]
    free = list(pool)
    import threading

    lock = threading.Lock()

    def one(index: int) -> tuple[Fuzzed, Outcome]:
        fuzzed = generator_for_thread().document(index)
        with lock:
            worker = free.pop()
        try:
            return fuzzed, worker.lint(fuzzed, timeout)
        finally:
            with lock:
                free.append(worker)

    local = threading.local()

    def generator_for_thread() -> Generator:
        if not hasattr(local, "generator"):
            local.generator = Generator(generator.corpus, generator.seed, generator.max_bytes)
        return local.generator

    try:
        with ThreadPoolExecutor(max_workers=workers) as threads:
            yield from threads.map(one, indices)
    finally:
        for worker in pool:
            worker.close()


# --- the command --------------------------------------------------------------------------------


def is_slow(outcome: Outcome) -> bool:
    return outcome.seconds > SLOW_SECONDS_PER_100KB * max(outcome.size, 100_000) / 100_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--start", type=int, default=0, help="first document index")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1, help="worker processes (0: lint in this process)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds before a document is a hang")
    parser.add_argument("--report", type=Path, help="write one JSON line per problem here")
    parser.add_argument("--dump", type=int, metavar="INDEX", help="write document INDEX to --out and stop")
    parser.add_argument("--out", type=Path, default=Path("fuzzed.md"))
    parser.add_argument("--max-bytes", type=int, help="slice documents to at most 80 lines and this many bytes")
    parser.add_argument("--progress", type=int, default=1000, help="print a line every N documents")
    args = parser.parse_args(argv)

    generator = Generator(args.corpus, args.seed, args.max_bytes)
    if args.dump is not None:
        fuzzed = generator.document(args.dump)
        args.out.write_text(fuzzed.text, encoding="utf-8", errors="surrogatepass")
        print(f"{args.out}: document {args.dump} of seed {args.seed}, from {fuzzed.path}")
        for mutation in fuzzed.mutations:
            print("  ", mutation[:200])
        return 0

    started = time.perf_counter()
    counts = {"documents": 0, "bytes": 0, "findings": 0, "tracebacks": 0, "rule crashes": 0, "out of range": 0,
              "slow": 0, "hangs": 0, "warnings": 0}
    slowest: list[tuple[float, int, int, str]] = []
    report = args.report.open("w", encoding="utf-8") if args.report else None
    indices = iter(range(args.start, args.start + args.count))
    try:
        _fuzz(generator, indices, args, counts, slowest, report, started)
    except KeyboardInterrupt:  # Ctrl-C (or `kill -INT`): stop, and still print what was found
        print("\ninterrupted", flush=True)
    if report is not None:
        report.close()
    elapsed = time.perf_counter() - started
    print(f"\n{counts['documents']:,} documents ({counts['bytes'] / 1e6:.1f} MB) in {elapsed:.0f} s, "
          f"seed {args.seed}, from index {args.start}")
    for name, value in counts.items():
        if name not in ("documents", "bytes"):
            print(f"  {name}: {value:,}")
    print("slowest (CPU seconds):")
    for seconds, index, size, path in slowest:
        print(f"  {seconds:6.2f} s  document {index}  {size:>9,} bytes  {path}")
    failed = sum(counts[name] for name in ("tracebacks", "rule crashes", "out of range", "hangs", "warnings"))
    return 1 if failed else 0


def _fuzz(generator: Generator, indices: Iterator[int], args: argparse.Namespace, counts: dict[str, int],
          slowest: list[tuple[float, int, int, str]], report: Any, started: float) -> None:
    for fuzzed, outcome in run(generator, indices, args.workers, args.timeout):
        counts["documents"] += 1
        counts["bytes"] += outcome.size
        counts["findings"] += outcome.findings
        problems = {
            "tracebacks": bool(outcome.traceback), "rule crashes": bool(outcome.rule_failures),
            "out of range": bool(outcome.out_of_range), "slow": is_slow(outcome), "hangs": outcome.hang,
            "warnings": bool(outcome.warnings),
        }
        for name, happened in problems.items():
            counts[name] += happened
        slowest[:] = sorted([*slowest, (outcome.seconds, outcome.index, outcome.size, outcome.path)], reverse=True)[:10]
        if any(problems.values()):
            print(f"document {outcome.index} ({outcome.path}, {outcome.size:,} bytes, {outcome.seconds:.2f} s): "
                  + ", ".join(name for name, happened in problems.items() if happened), flush=True)
            if report is not None:
                record = asdict(outcome) | {"mutations": fuzzed.mutations, "seed": args.seed}
                report.write(json.dumps(record, ensure_ascii=False) + "\n")
                report.flush()
        if args.progress and counts["documents"] % args.progress == 0:
            print(f"... {counts['documents']:,} documents, {time.perf_counter() - started:.0f} s, "
                  + ", ".join(f"{name} {value}" for name, value in counts.items() if name not in ("documents", "bytes",
                                                                                                 "findings")),
                  flush=True)


if __name__ == "__main__":
    sys.exit(main())
