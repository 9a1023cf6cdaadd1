"""How long the language server takes from an edit to fresh diagnostics, as an editor sees it.

    python bench/lsp_latency.py [FOLDER]          (default: ../shared/corpus)
    python bench/lsp_latency.py [FOLDER] --goals  (issue 15's two figures only; see `goals`)

Run it with the interpreter of the build to measure (`speclint server` is started with it).

Starts `speclint server`, opens each of a sample of Markdown documents (the largest ones of
FOLDER, and the median-sized ones), then for each:

- sends one `didChange` (a line appended) and times the round trip until the `publishDiagnostics`
  for that version arrives (this includes the server's pause-in-typing delay);
- sends a burst of 20 one-character edits, as fast typing does, and times until the diagnostics of
  the last one arrive, counting how many diagnostics the server published for the burst (none
  for a text already replaced).

Prints the start-up time and, per size group, the median and worst of each measure.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the tests' LSP client

from lsp_client import language_server  # noqa: E402

BURST = 20


def sample(folder: Path) -> dict[str, list[Path]]:
    documents = sorted((path for path in folder.rglob("*.md") if path.is_file()), key=lambda path: path.stat().st_size)
    middle = len(documents) // 2
    return {"median-sized": documents[middle - 10 : middle + 10], "largest": documents[-20:]}


# The two figures of issue 15: diagnostics of a 9 KiB document after `didOpen` (the first document
# the server sees), and after one keystroke in a 170 KB document.
OPEN_DOCUMENT = Path("rust-rfcs") / "text" / "0132-ufcs.md"  # 9 KiB
TYPE_IN_DOCUMENT = Path("rust-rfcs") / "text" / "3935-Project-Goals-2026.md"  # 170 KB
KEYSTROKES = 3  # per server, each after a pause in typing


def cpu_seconds(pid: int, descendants: bool = True) -> float:
    """User + system time of process `pid` and (unless not `descendants`) its descendants (the
    linting process), from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / ticks
    tree, added = {pid}, descendants
    while added:
        children = {child for child, parent in parents.items() if parent in tree} - tree
        tree |= children
        added = bool(children)
    return sum(times.get(member, 0.0) for member in tree)


def goals(folder: Path, runs: int = 5) -> None:
    """Issue 15's two figures, as an editor sees them, median of `runs` fresh servers.

    Each server is started as VS Code starts one: the process is spawned and sent `initialize` at
    once; when the result arrives, `initialized` and then `didOpen` of the document already open in
    the editor follow immediately. Timed: `didOpen` to its `publishDiagnostics` (the goal), and the
    process's start to those diagnostics. Then the 170 KB document is opened and, after a pause,
    one character is typed in it, `KEYSTROKES` times: `didChange` to the diagnostics of that
    version (the server's pause-in-typing delay included). CPU is user + system time of the
    server and its worker over the same interval (10 ms resolution).
    """
    figures: dict[str, list[float]] = {name: [] for name in (
        "open", "open_cpu", "start", "initialize", "keystroke", "keystroke_cpu", "keystroke_server_cpu")}
    loads = [os.getloadavg()[0]]
    first, large = (folder / OPEN_DOCUMENT).resolve(), (folder / TYPE_IN_DOCUMENT).resolve()
    first_text, large_text = first.read_text(encoding="utf-8"), large.read_text(encoding="utf-8")
    for _ in range(runs):
        started = time.perf_counter()
        with tempfile.TemporaryDirectory() as workspace, language_server(
            [sys.executable, "-m", "speclint", "server"], Path(workspace)
        ) as server:
            figures["initialize"].append((time.perf_counter() - started) * 1000)
            cpu = cpu_seconds(server.process.pid)
            sent = time.perf_counter()
            server.open(first.as_uri(), first_text)
            server.diagnostics(first.as_uri(), version=1)
            done = time.perf_counter()
            figures["open"].append((done - sent) * 1000)
            figures["start"].append((done - started) * 1000)
            figures["open_cpu"].append((cpu_seconds(server.process.pid) - cpu) * 1000)
            server.open(large.as_uri(), large_text)
            server.diagnostics(large.as_uri(), version=1)
            line = len(large_text.splitlines()) // 2
            for version in range(2, 2 + KEYSTROKES):
                time.sleep(0.5)  # the author pauses, then types one character
                at = {"line": line, "character": version}
                change = {"range": {"start": at, "end": at}, "text": "x"}
                cpu, server_cpu = cpu_seconds(server.process.pid), cpu_seconds(server.process.pid, False)
                sent = time.perf_counter()
                server.notify("textDocument/didChange", {
                    "textDocument": {"uri": large.as_uri(), "version": version}, "contentChanges": [change]})
                server.diagnostics(large.as_uri(), version=version)
                figures["keystroke"].append((time.perf_counter() - sent) * 1000)
                figures["keystroke_cpu"].append((cpu_seconds(server.process.pid) - cpu) * 1000)
                figures["keystroke_server_cpu"].append((cpu_seconds(server.process.pid, False) - server_cpu) * 1000)
        loads.append(os.getloadavg()[0])
    median = {name: statistics.median(values) for name, values in figures.items()}
    print(f"load average (1 min) during the runs: {min(loads):.1f}-{max(loads):.1f}")
    print(f"didOpen of {OPEN_DOCUMENT.name} ({first.stat().st_size // 1024} KiB) to diagnostics, right after the "
          f"handshake: median {median['open']:.0f} ms wall, {median['open_cpu']:.0f} ms CPU, of {runs} servers "
          f"(goal 100 ms)")
    print(f"  process start to initialize result {median['initialize']:.0f} ms, to those diagnostics "
          f"{median['start']:.0f} ms")
    print(f"one keystroke in {TYPE_IN_DOCUMENT.name} ({large.stat().st_size // 1024} KiB) to diagnostics: median "
          f"{median['keystroke']:.0f} ms wall, {median['keystroke_cpu']:.0f} ms CPU (the server process "
          f"{median['keystroke_server_cpu']:.0f} ms, the rest its linting process), of {runs * KEYSTROKES} "
          f"(the server's pause-in-typing delay included; goal 300 ms)")


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else (
        Path(__file__).resolve().parents[2] / "shared" / "corpus"
    )
    if "--goals" in sys.argv:
        goals(folder)
        return
    groups = sample(folder)
    started = time.perf_counter()
    workspace = tempfile.TemporaryDirectory()  # the server's working folder (its log goes there)
    with workspace, language_server([sys.executable, "-m", "speclint", "server"], Path(workspace.name)) as server:
        print(f"start-up and initialize: {(time.perf_counter() - started) * 1000:.0f} ms")
        for group, documents in groups.items():
            latencies, bursts, lints = [], [], []
            for path in documents:
                uri = path.resolve().as_uri()
                text = path.read_text(encoding="utf-8", errors="replace")
                server.open(uri, text)
                server.diagnostics(uri, version=1)
                line_count = len(text.splitlines())
                at = {"line": line_count, "character": 0}
                sent = time.perf_counter()
                change = {"range": {"start": at, "end": at}, "text": "\nOne more line, TBD.\n"}
                server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [change]})
                server.diagnostics(uri, version=2)
                latencies.append((time.perf_counter() - sent) * 1000)
                published_before = sum(1 for n in server.notifications if n["method"] == "textDocument/publishDiagnostics")
                sent = time.perf_counter()
                for index in range(BURST):
                    at = {"line": line_count + 2, "character": index}
                    change = {"range": {"start": at, "end": at}, "text": "x"}
                    server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3 + index}, "contentChanges": [change]})
                server.diagnostics(uri, version=2 + BURST)
                bursts.append((time.perf_counter() - sent) * 1000)
                published = [n for n in server.notifications if n["method"] == "textDocument/publishDiagnostics"]
                lints.append(len(published) - published_before + 1)
                server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
                server.diagnostics(uri)
            sizes = [path.stat().st_size // 1024 for path in documents]
            print(
                f"{group}: {len(documents)} documents of {min(sizes)}-{max(sizes)} KiB; "
                f"one edit to diagnostics: median {statistics.median(latencies):.0f} ms, worst {max(latencies):.0f} ms; "
                f"{BURST} quick edits to final diagnostics: median {statistics.median(bursts):.0f} ms, "
                f"worst {max(bursts):.0f} ms, diagnostics published per burst: median {statistics.median(lints):.0f}"
            )


if __name__ == "__main__":
    main()
