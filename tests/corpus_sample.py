"""The corpus documents the suite's corpus tests run on: a fixed, stratified sample of ../shared/corpus.

Linting all ~2,000 documents in every test run took minutes; a sample keeps each corpus test able to
fail on a regression of its kind (a crash, a misplaced line, a wrong kind) at a tenth of the cost.
The sample takes, from every (folder, kind) pair of `KINDS.tsv`, the files that come first in a
seeded order (a hash of `SEED` and the path, so it never depends on the machine or on file order):
about the square root of the pair's count, at least `MINIMUM_PER_KIND` when the pair has that many.

`python bench/corpus_checks.py` runs the same tests on every document of the corpus: it sets
`SPECLINT_CORPUS=all`, which makes `documents` return every Markdown file.
"""

from __future__ import annotations

import hashlib
import math
import os
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from conftest import CORPUS

SEED = "speclint-suite-2026"
MINIMUM_PER_KIND = 3
MAXIMUM_PER_KIND = 12
MARKDOWN_SUFFIXES = (".md", ".markdown")

# Every document instead of the sample (what bench/corpus_checks.py sets).
EVERY_DOCUMENT = os.environ.get("SPECLINT_CORPUS") == "all"


def seeded_order(paths: list[str]) -> list[str]:
    """`paths` in a fixed pseudo-random order."""
    return sorted(paths, key=lambda path: hashlib.sha256(f"{SEED}:{path}".encode()).hexdigest())


@lru_cache(maxsize=None)
def _kinds_entries() -> tuple[tuple[str, str], ...]:
    """(corpus path, kind) of each Markdown file in a folder of KINDS.tsv."""
    entries = []
    for line in (CORPUS / "KINDS.tsv").read_text(encoding="utf-8").splitlines():
        path, kind, *_ = line.split("\t") + [""]
        if "/" in path and path.lower().endswith(MARKDOWN_SUFFIXES):
            entries.append((path, kind))
    return tuple(entries)


@lru_cache(maxsize=None)
def sample() -> tuple[str, ...]:
    """The corpus paths (`folder/...`) of the sample, sorted."""
    by_stratum: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path, kind in _kinds_entries():
        by_stratum[(path.split("/", 1)[0], kind)].append(path)
    chosen = []
    for paths in by_stratum.values():
        count = min(len(paths), max(MINIMUM_PER_KIND, min(MAXIMUM_PER_KIND, math.ceil(math.sqrt(len(paths))))))
        chosen += seeded_order(paths)[:count]
    return tuple(sorted(chosen))


def documents(folder: str | None = None, at_least: int = 0) -> list[Path]:
    """The Markdown files the corpus tests run on, sorted: the sample (of one folder), topped up to
    `at_least` files of that folder in the seeded order; every file with SPECLINT_CORPUS=all."""
    root = CORPUS / folder if folder else CORPUS
    if EVERY_DOCUMENT or not (CORPUS / "KINDS.tsv").is_file():
        return sorted(path for path in root.rglob("*") if path.suffix.lower() in MARKDOWN_SUFFIXES and path.is_file())
    prefix = f"{folder}/" if folder else ""
    chosen = [path for path in sample() if path.startswith(prefix)]
    if len(chosen) < at_least:
        others = seeded_order([path for path, _ in _kinds_entries() if path.startswith(prefix) and path not in chosen])
        chosen += others[: at_least - len(chosen)]
    return sorted(CORPUS / path for path in chosen)


def is_sampled(corpus_path: str) -> bool:
    """Whether a KINDS.tsv path is among the documents the corpus tests run on."""
    return EVERY_DOCUMENT or corpus_path in sample()
