"""How often the profile detector picks the right kind, per corpus folder, and what it confuses.

    python bench/kinds.py [CORPUS] [--content-only] [--folder NAME] [--signals]

`KINDS.tsv` in the corpus says what each file is (path, kind, and a note for kind `other`). Each
Markdown file is parsed and given to `detect_kind`, exactly as `speclint check` does before it runs
any rule; no rule runs here. Files whose name is `OWNER__REPO__path` (folders built from many
repositories) are detected under their path in their repository (`.kiro/specs/x/design.md`), as
they are in a real checkout; `--content-only` gives no path at all, to see what content alone decides.

The mapping from the corpus's kinds to speclint's profiles is `expected_profiles` below; it is the
one documented in docs/profiles.md.
"""

from __future__ import annotations

import argparse
import collections
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
MARKDOWN_SUFFIXES = (".md", ".markdown")

# KINDS.tsv kind -> the profile speclint should pick. `kep-like` and `other` depend on the file.
PROFILE_FOR_KIND = {
    "adr": "adr",
    "checklist": "checklist",
    "ears": "ears",
    "go-design": "go-design",
    "kep": "kep",
    "kiro-design": "kiro-design",
    "kiro-tasks": "kiro-tasks",
    "not-a-spec": "not-a-spec",
    "otep": "otep",
    "prd": "prd",
    "rust-rfc": "rust-rfc",
    "spec-kit": "spec-kit",
    "spec-kit-plan": "spec-kit-plan",
    "spec-kit-tasks": "spec-kit-tasks",
    # A template is the mould documents are copied from: full of placeholders by design, so it is
    # skipped like any other file that is not a specification.
    "template": "not-a-spec",
}
# Enhancement proposals of the KEP family, by the project (corpus folder) they come from.
KEP_LIKE_BY_FOLDER = {
    "openshift-enhancements": "openshift-enhancement",
    "gateway-api-geps": "gep",
    "capi-proposals": "capi-proposal",
    "kep-template": "kep",
}
# `other` files, by what their note says they are. A free-form document (no template's sections)
# is a `design-doc`; agent prompts and translated summaries are not specifications.
OTHER_BY_NOTE = (
    ("AI agent command prompt", {"not-a-spec"}),
    ("translated PR description", {"not-a-spec", "design-doc"}),
    ("appendix split out of RFC", {"design-doc"}),
    ("implementation notes companion", {"design-doc"}),
    ("principles statement", {"design-doc"}),
    ("study notes", {"design-doc", "not-a-spec"}),
    ("not spec-kit format", {"prd", "design-doc"}),
)


@dataclass(frozen=True)
class Entry:
    corpus_path: str  # as KINDS.tsv writes it
    kind: str
    note: str

    @property
    def folder(self) -> str:
        return self.corpus_path.split("/", 1)[0]


def read_kinds(corpus: Path) -> list[Entry]:
    """The Markdown files KINDS.tsv lists (other files are never linted)."""
    entries = []
    for line in (corpus / "KINDS.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        path, kind, *rest = line.split("\t")
        if path.lower().endswith(MARKDOWN_SUFFIXES) and "/" in path:
            entries.append(Entry(path, kind, rest[0] if rest else ""))
    return entries


def expected_profiles(entry: Entry) -> set[str]:
    """The profiles that are right for a file of the corpus (one, except for a few `other` files)."""
    if entry.kind == "kep-like":
        return {KEP_LIKE_BY_FOLDER.get(entry.folder, "kep")}
    if entry.kind == "other":
        for words, profiles in OTHER_BY_NOTE:
            if words.lower() in entry.note.lower():
                return profiles
        return {"design-doc"}
    return {PROFILE_FOR_KIND[entry.kind]}


def repository_path(corpus: Path, entry: Entry) -> Path:
    """Where the file would be in a checkout: `OWNER__REPO__a__b.md` becomes `OWNER/REPO/a/b.md`
    (files beside it are then not found, which is right: they are not in the corpus either)."""
    folder, name = entry.corpus_path.split("/", 1)
    if "/" not in name and name.count("__") >= 2:
        return corpus / folder / Path(*name.split("__"))
    return corpus / entry.corpus_path


@dataclass(frozen=True)
class Outcome:
    entry: Entry
    expected: frozenset[str]
    detected: str
    signals: tuple[str, ...]

    @property
    def right(self) -> bool:
        return self.detected in self.expected


def measure(
    corpus: Path, content_only: bool = False, folder: str = "", only: Callable[[str], bool] | None = None
) -> list[Outcome]:
    """Detect the kind of every Markdown file of KINDS.tsv (of `folder`, whose path `only` accepts); no rule runs."""
    from speclint.document.parser import parse
    from speclint.engine.profiles import detect_kind

    outcomes = []
    for entry in read_kinds(corpus):
        if (folder and entry.folder != folder) or (only is not None and not only(entry.corpus_path)):
            continue
        text = (corpus / entry.corpus_path).read_text(encoding="utf-8")
        path = None if content_only else repository_path(corpus, entry)
        document = parse(text, entry.corpus_path)
        detection = detect_kind(document, path)
        outcomes.append(Outcome(entry, frozenset(expected_profiles(entry)), detection.profile, detection.signals))
    return outcomes


def accuracy_by_folder(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    """Folder -> (files right, files)."""
    table: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for outcome in outcomes:
        table[outcome.entry.folder][0] += outcome.right
        table[outcome.entry.folder][1] += 1
    return {folder: (right, total) for folder, (right, total) in sorted(table.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--content-only", action="store_true", help="detect without the file's path")
    parser.add_argument("--folder", default="", help="only this corpus folder")
    parser.add_argument("--signals", action="store_true", help="also print the signals of each wrong file")
    args = parser.parse_args()
    if not (args.corpus / "KINDS.tsv").is_file():
        sys.exit(f"no KINDS.tsv in {args.corpus}")

    outcomes = measure(args.corpus, args.content_only, args.folder)
    print(f"{'folder':26} {'right':>6} {'files':>6} {'accuracy':>9}")
    total_right = total = 0
    for folder, (right, files) in accuracy_by_folder(outcomes).items():
        print(f"{folder:26} {right:6} {files:6} {100 * right / files:8.1f}%")
        total_right, total = total_right + right, total + files
    if total:
        print(f"{'all':26} {total_right:6} {total:6} {100 * total_right / total:8.1f}%")

    confusion = collections.Counter(
        (" / ".join(sorted(outcome.expected)), outcome.detected) for outcome in outcomes if not outcome.right
    )
    if confusion:
        print("\nconfusions (expected -> detected: files)")
        for (expected, detected), count in confusion.most_common():
            print(f"  {expected} -> {detected}: {count}")
        print("\nwrong files")
        for outcome in outcomes:
            if not outcome.right:
                why = f"  [{'; '.join(outcome.signals)}]" if args.signals else ""
                print(f"  {outcome.entry.corpus_path}: {'/'.join(sorted(outcome.expected))} -> {outcome.detected}{why}")


if __name__ == "__main__":
    import signal

    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends the output quietly
    main()
