"""How long each output format takes to write, apart from linting.

    python bench/report_formats.py [FOLDER]      (default: ../shared/corpus)

Lints FOLDER once with the built-in rules, then writes the result in every format to an in-memory
stream, and prints the findings count and the best of five wall times per format.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

from speclint import __version__
from speclint.engine import files
from speclint.engine.check import ActiveRule
from speclint.engine.registry import load_registry
from speclint.engine.runner import Source, lint
from speclint.reporters import FORMATS, ReportContext, write_report


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "corpus"
    rules = [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in load_registry().sorted()]
    cwd = Path.cwd()
    sources = [Source(files.display_path(path, cwd), path) for path in files.discover([folder])]
    started = time.perf_counter()
    result = lint(sources, rules)
    print(f"linted {len(result.files)} files, {len(result.findings)} findings in {time.perf_counter() - started:.2f}s")
    context = ReportContext.for_run(rules, __version__, cwd)
    for name in FORMATS:
        best = float("inf")
        size = 0
        for _ in range(5):
            out = io.StringIO()
            started = time.perf_counter()
            write_report(name, result, out, context)
            best = min(best, time.perf_counter() - started)
            size = len(out.getvalue())
        print(f"{name:8} {best * 1000:8.1f} ms  {size:>10,} characters")


if __name__ == "__main__":
    main()
