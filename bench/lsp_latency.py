"""How long the language server takes from an edit to fresh diagnostics, as an editor sees it.

    python bench/lsp_latency.py [FOLDER]          (default: ../shared/corpus)
    python bench/lsp_latency.py [FOLDER] --goals  (issue 15's two figures only)

Starts `speclint server`, opens each of a sample of Markdown documents (the largest ones of
FOLDER, and the median-sized ones), then for each:

- sends one `didChange` (a line appended) and times the round trip until the `publishDiagnostics`
  for that version arrives (this includes the server's pause-in-typing delay);
- sends a burst of 20 one-character edits, as fast typing does, and times until the diagnostics of
  the last one arrive, counting how many lints the server ran for the burst.

Prints the start-up time and, per size group, the median and worst of each measure.
"""

from __future__ import annotations

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


def goals(folder: Path, runs: int = 5) -> None:
    """Median of `runs` servers: first didOpen to diagnostics, and keystroke to fresh diagnostics."""
    opens, keystrokes = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as workspace, language_server(
            [sys.executable, "-m", "speclint", "server"], Path(workspace)
        ) as server:
            first = (folder / OPEN_DOCUMENT).resolve()
            sent = time.perf_counter()
            server.open(first.as_uri(), first.read_text(encoding="utf-8"))
            server.diagnostics(first.as_uri(), version=1)
            opens.append((time.perf_counter() - sent) * 1000)
            large = (folder / TYPE_IN_DOCUMENT).resolve()
            text = large.read_text(encoding="utf-8")
            server.open(large.as_uri(), text)
            server.diagnostics(large.as_uri(), version=1)
            at = {"line": len(text.splitlines()) // 2, "character": 0}
            change = {"range": {"start": at, "end": at}, "text": "x"}
            sent = time.perf_counter()
            server.notify(
                "textDocument/didChange", {"textDocument": {"uri": large.as_uri(), "version": 2}, "contentChanges": [change]}
            )
            server.diagnostics(large.as_uri(), version=2)
            keystrokes.append((time.perf_counter() - sent) * 1000)
    print(f"didOpen of {OPEN_DOCUMENT.name} ({(folder / OPEN_DOCUMENT).stat().st_size // 1024} KiB) to diagnostics: "
          f"median {statistics.median(opens):.0f} ms of {runs} servers (goal 100 ms)")
    print(f"one keystroke in {TYPE_IN_DOCUMENT.name} ({(folder / TYPE_IN_DOCUMENT).stat().st_size // 1024} KiB) to "
          f"diagnostics: median {statistics.median(keystrokes):.0f} ms, including the server's "
          f"pause-in-typing delay (goal 300 ms)")


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
                f"worst {max(bursts):.0f} ms, lints per burst: median {statistics.median(lints):.0f}"
            )


if __name__ == "__main__":
    main()
