"""The findings speclint reports on the shared corpus at built-in defaults, preview rules included, as records to judge.

    python bench/findings.py [--corpus DIR] [--refresh]     # lint (or reuse the cache), print counts

The corpus folders are linted through the command line as a user runs it
(`python -m speclint check --isolated --preview --no-cache --format json --exit-zero FOLDER...`, run in the corpus
folder so that paths are relative to it; files are linted in worker processes). The JSON report
is cached in `bench/.cache/` (ignored by git), keyed on the content of speclint's code, rules,
profiles and schemas and on the folders linted: a change to any rule makes the next call lint
again; `--refresh` forces it.

`load_findings()` returns one `FindingRecord` per finding: the path relative to the corpus, the
rule id, line, column, message, level, the kind of document (from the corpus' `KINDS.tsv`) and
the text of the line the finding starts on, stripped. Path, rule and that text make the key a
verdict is matched on (`key()`), as `speclint.baseline` matches a baseline: a verdict survives
edits elsewhere in the file and is dropped when the finding's own line changes or goes away.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parent.parent
CACHE_FOLDER = REPOSITORY / "bench" / ".cache"
# What decides the findings: the code, the rules, the built-in profiles and schemas.
_SOURCE_FOLDERS = ("speclint", "rules", "schemas")
_PRECISION_TABLE = REPOSITORY / "rules" / "precision.json"
# Kinds of file that are not documents an author wrote to be reviewed as a spec.
NOT_SPEC_KINDS = frozenset({"template", "other", "not-a-spec"})

Key = tuple[str, str, str]  # path, rule id, stripped line text


def default_corpus() -> Path:
    """`$SPECLINT_CORPUS`, or the first `shared/corpus` beside a folder above this repository."""
    configured = os.environ.get("SPECLINT_CORPUS")
    if configured:
        return Path(configured)
    for folder in REPOSITORY.parents:
        candidate = folder / "shared" / "corpus"
        if candidate.is_dir():
            return candidate
    return REPOSITORY.parent / "shared" / "corpus"


def corpus_folders(corpus: Path) -> list[str]:
    """Every top-level folder of the corpus (each holds one source of documents)."""
    return sorted(entry.name for entry in corpus.iterdir() if entry.is_dir() and not entry.name.startswith("."))


def normalize_text(text: str) -> str:
    """A line's text as a verdict key stores it: stripped, with tabs as spaces (the TSV separator)."""
    return text.replace("\t", " ").strip()


@dataclass(frozen=True)
class FindingRecord:
    """One finding, with what a judge and a verdict file need."""

    path: str
    rule: str
    line: int
    column: int
    level: str
    message: str
    text: str
    kind: str

    def key(self) -> Key:
        return (self.path, self.rule, self.text)


@dataclass
class CorpusFindings:
    """The findings of one run, the rules it ran (id → default level and group) and its files."""

    records: list[FindingRecord]
    rules: dict[str, dict[str, str]]
    files: dict[str, str]  # path → profile
    commit: str


def source_digest(folders: list[str]) -> str:
    """A digest of everything that decides the findings, and of the folders linted."""
    digest = hashlib.sha256("\n".join(folders).encode())
    for name in _SOURCE_FOLDERS:
        for path in sorted((REPOSITORY / name).rglob("*")):
            if path == _PRECISION_TABLE:
                continue  # written from the verdicts (write_precision.py); it decides no finding
            if path.is_file() and path.suffix in {".py", ".yaml", ".yml", ".json"} and "__pycache__" not in path.parts:
                digest.update(path.relative_to(REPOSITORY).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def current_commit() -> str:
    """The commit of this repository's HEAD, with `+dirty` when speclint's sources have changes."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=REPOSITORY, capture_output=True,
                                text=True, check=True).stdout.strip()
        status = subprocess.run(["git", "status", "--porcelain", "--", *_SOURCE_FOLDERS], cwd=REPOSITORY,
                                capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("+dirty" if status else "")


def run_speclint(corpus: Path, folders: list[str]) -> dict[str, Any]:
    """Lint `folders` of the corpus at default settings through the CLI; the JSON report."""
    # --preview: preview rules are measured too (that is how they earn the default group);
    # --no-cache: the corpus is read-only, and a measurement must lint, not replay.
    command = [sys.executable, "-m", "speclint", "check", "--isolated", "--preview", "--no-cache", "--format", "json",
               "--exit-zero", *folders]
    completed = subprocess.run(command, cwd=corpus, capture_output=True, text=True)
    if completed.returncode != 0:
        raise SystemExit(f"speclint failed (exit {completed.returncode}):\n{completed.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(completed.stdout)
    return report


def load_report(corpus: Path | None = None, folders: list[str] | None = None, refresh: bool = False) -> dict[str, Any]:
    """The JSON report of the current code on the corpus, from the cache when it is current."""
    corpus = corpus or default_corpus()
    if not corpus.is_dir():
        raise SystemExit(f"{corpus}: no corpus folder here (set SPECLINT_CORPUS)")
    folders = folders or corpus_folders(corpus)
    cache = CACHE_FOLDER / f"findings-{source_digest(folders)}.json"
    if cache.is_file() and not refresh:
        cached: dict[str, Any] = json.loads(cache.read_text(encoding="utf-8"))
        return cached
    print(f"linting {len(folders)} corpus folders (cache: {cache.relative_to(REPOSITORY)})...", file=sys.stderr)
    report = run_speclint(corpus, folders)
    report["bench"] = {"commit": current_commit(), "corpus": str(corpus), "folders": folders}
    CACHE_FOLDER.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(report), encoding="utf-8")
    return report


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def source_lines(path: Path) -> list[str]:
    """The file's lines as speclint counts them (`\\r\\n`, `\\r` and `\\n` end a line; a BOM is dropped)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    text = text.removeprefix("\ufeff")
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read_kinds(corpus: Path) -> dict[str, str]:
    """path → kind, from the corpus' `KINDS.tsv` (path<TAB>kind[<TAB>note])."""
    kinds: dict[str, str] = {}
    listing = corpus / "KINDS.tsv"
    if listing.is_file():
        for row in listing.read_text(encoding="utf-8").splitlines():
            cells = row.split("\t")
            if len(cells) >= 2:
                kinds[cells[0]] = cells[1]
    return kinds


def kind_of(path: str, kinds: dict[str, str]) -> str:
    """The kind of the file at `path`; a file a document owns (kep.yaml) has its document's kind."""
    if path in kinds:
        return kinds[path]
    folder = path.rpartition("/")[0]
    for sibling in ("README.md", "index.md"):
        if f"{folder}/{sibling}" in kinds:
            return kinds[f"{folder}/{sibling}"]
    return "unknown"


def records_from_report(report: dict[str, Any], corpus: Path) -> list[FindingRecord]:
    """One record per finding of a speclint JSON report whose paths are relative to `corpus`."""
    kinds = read_kinds(corpus)
    lines_of: dict[str, list[str]] = {}
    records = []
    for finding in report["findings"]:
        path = finding["path"]
        if path not in lines_of:
            lines_of[path] = source_lines(corpus / path)
        lines = lines_of[path]
        line = int(finding["start"]["line"])
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        records.append(FindingRecord(path=path, rule=finding["rule_id"], line=line,
                                     column=int(finding["start"]["column"]), level=finding["level"],
                                     message=finding["message"], text=normalize_text(text),
                                     kind=kind_of(path, kinds)))
    return records


def _rule_groups() -> dict[str, str]:
    """Rule id -> its group (default or preview) in the current code."""
    sys.path.insert(0, str(REPOSITORY))
    from speclint.engine.registry import load_registry

    return {rule.id: rule.group.value for rule in load_registry().sorted()}


def load_findings(corpus: Path | None = None, folders: list[str] | None = None,
                  refresh: bool = False) -> CorpusFindings:
    """The current findings on the corpus at default settings (cached; see the module docstring)."""
    corpus = corpus or default_corpus()
    report = load_report(corpus, folders, refresh)
    groups = _rule_groups()  # the JSON report names each rule's level, not its group
    rules = {rule["id"]: {"level": rule.get("level", ""), "group": rule.get("group") or groups.get(rule["id"], "?")}
             for rule in report.get("rules", [])}
    files = {entry["path"]: entry.get("profile", "") for entry in report.get("files", [])}
    return CorpusFindings(records_from_report(report, corpus), rules, files,
                          report.get("bench", {}).get("commit", "unknown"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=None, help="the corpus folder (default: shared/corpus)")
    parser.add_argument("--refresh", action="store_true", help="lint again even when the cache is current")
    args = parser.parse_args()
    found = load_findings(args.corpus, refresh=args.refresh)
    by_rule = collections.Counter(record.rule for record in found.records)
    print(f"{len(found.records)} findings in {len(found.files)} files (commit {found.commit})")
    for rule, count in sorted(by_rule.items()):
        print(f"{rule:8} {count:6}")


if __name__ == "__main__":
    main()
