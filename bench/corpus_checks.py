"""The suite's corpus checks on every document of ../shared/corpus, not only on its sample.

    python bench/corpus_checks.py [PYTEST ARGUMENTS]

The test suite runs its corpus tests (those marked `corpus`) on a fixed, stratified sample of the
corpus (`tests/corpus_sample.py`), to stay fast. This script runs exactly those tests with
SPECLINT_CORPUS=all, so each of them sees every Markdown file: rules never crash and never fail on
any document, positions agree with markdown-it on every block, each folder's kinds are detected at
least 97% right, files that are not specifications get no finding, the profile rules stay quiet on
well-kept documents, and so on. pytest prints each failing check with the documents it failed on.
Run it before a change to the parser, the kind detector or a rule's reading of documents is merged;
it takes several minutes. Extra arguments go to pytest (`-k positions`, `-x`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent


def main(arguments: list[str]) -> int:
    if not (REPOSITORY.parent / "shared" / "corpus").is_dir():
        print("bench/corpus_checks.py: ../shared/corpus is not present", file=sys.stderr)
        return 2
    environment = dict(os.environ, SPECLINT_CORPUS="all")
    command = [sys.executable, "-m", "pytest", "-m", "corpus", "-q", "-p", "no:cacheprovider", *arguments]
    return subprocess.run(command, cwd=REPOSITORY, env=environment).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
