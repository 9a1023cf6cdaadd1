"""How long the language server takes from an edit to fresh diagnostics, as an editor sees it.

    python bench/lsp_latency.py [FOLDER]      (default: ../shared/corpus)

Starts `speclint server`, opens each of a sample of Markdown documents (the largest ones of
FOLDER, and the median-sized ones), then for each sends one `didChange` (a line appended) and
times the round trip until the `publishDiagnostics` for that version arrives. Prints the start-up
time, the median and worst latency per size group, and the document sizes.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the tests' LSP client

from lsp_client import language_server  # noqa: E402


def sample(folder: Path) -> dict[str, list[Path]]:
    documents = sorted((path for path in folder.rglob("*.md") if path.is_file()), key=lambda path: path.stat().st_size)
    middle = len(documents) // 2
    return {"median-sized": documents[middle - 10 : middle + 10], "largest": documents[-20:]}


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "corpus"
    groups = sample(folder)
    started = time.perf_counter()
    with language_server([sys.executable, "-m", "speclint", "server"], Path.cwd()) as server:
        print(f"start-up and initialize: {(time.perf_counter() - started) * 1000:.0f} ms")
        for group, documents in groups.items():
            latencies = []
            for path in documents:
                uri = path.resolve().as_uri()
                text = path.read_text(encoding="utf-8", errors="replace")
                server.open(uri, text)
                server.diagnostics(uri, version=1)
                line_count = len(text.splitlines())
                edit = {
                    "range": {"start": {"line": line_count, "character": 0}, "end": {"line": line_count, "character": 0}},
                    "text": "\nOne more line, TBD.\n",
                }
                sent = time.perf_counter()
                server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [edit]})
                server.diagnostics(uri, version=2)
                latencies.append((time.perf_counter() - sent) * 1000)
                server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
                server.diagnostics(uri)
            sizes = [path.stat().st_size // 1024 for path in documents]
            print(
                f"{group}: {len(documents)} documents of {min(sizes)}-{max(sizes)} KiB; "
                f"edit to diagnostics: median {statistics.median(latencies):.1f} ms, worst {max(latencies):.1f} ms"
            )


if __name__ == "__main__":
    main()
