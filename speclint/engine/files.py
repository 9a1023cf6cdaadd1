"""Finding the Markdown files to lint and reading them safely.

Directories are walked for `*.md` and `*.markdown`, skipping hidden folders (except those that hold
specs by convention: `.kiro/`, where Kiro keeps `specs/<feature>/requirements.md`) and `node_modules`;
inside a git work tree, what `.gitignore` excludes is skipped too (git itself answers, so every
ignore rule git knows applies). Files named on the command line are always read.

Reading never raises past this module: a file that cannot be linted (missing, unreadable, binary,
not UTF-8, too large) becomes a `ReadError` with a sentence saying why.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

MARKDOWN_SUFFIXES = (".md", ".markdown")
SKIPPED_DIRECTORIES = {"node_modules"}
SPEC_HIDDEN_DIRECTORIES = {".kiro"}  # hidden folders that hold specifications by convention
DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # a spec is text; anything larger is a generated file or data


class ReadError(Exception):
    """A file that speclint cannot lint; `str()` says why in a short sentence."""


@dataclass(frozen=True)
class SourceFile:
    display_path: str  # relative to the working directory where possible, with `/` separators
    path: Path | None  # None for standard input
    text: str


def display_path(path: Path, cwd: Path) -> str:
    """`path` relative to `cwd` when it is below it, POSIX-style; otherwise as given."""
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def discover(paths: Iterable[Path]) -> Iterator[Path]:
    """Markdown files named by `paths` (files as given, directories walked), without repeats."""
    seen: set[Path] = set()
    for path in paths:
        candidates = _walk(path) if path.is_dir() else [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                yield candidate


def _is_markdown(name: str) -> bool:
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def _walk(directory: Path) -> list[Path]:
    tracked = _git_markdown_files(directory)
    if tracked is not None:
        return tracked
    found = []
    for folder, subfolders, files in os.walk(directory):
        subfolders[:] = sorted(d for d in subfolders if not _skipped_directory(d))
        found.extend(Path(folder) / name for name in sorted(files) if _is_markdown(name))
    return found


def _skipped_directory(name: str) -> bool:
    return (name.startswith(".") and name not in SPEC_HIDDEN_DIRECTORIES) or name in SKIPPED_DIRECTORIES


def _git_markdown_files(directory: Path) -> list[Path] | None:
    """Markdown files below `directory` that git does not ignore; None outside a work tree."""
    try:
        completed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."],
            cwd=directory,
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if completed.returncode != 0:
        return None
    files = []
    for entry in completed.stdout.decode("utf-8", "surrogateescape").split("\0"):
        if not entry or not _is_markdown(entry):
            continue
        parts = entry.split("/")
        if any(_skipped_directory(part) for part in parts[:-1]):
            continue
        path = directory / entry
        if path.is_file():  # tracked files deleted from the work tree are still listed
            files.append(path)
    return sorted(files)


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The file's text, or `ReadError` saying why it cannot be linted."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(f"file is {size:,} bytes, above the {max_bytes:,}-byte limit; not linted")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError("no such file or directory") from None
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as error:
        raise ReadError(f"cannot read: {error.strerror or error}") from None
    return decode(data)


def decode(data: bytes) -> str:
    """UTF-8 text of `data` (a BOM is allowed), or `ReadError` for binary or other encodings."""
    if b"\0" in data[:8192]:
        raise ReadError("binary file (contains NUL bytes); not linted")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise ReadError(
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} at line {line}, byte {column}); "
            "save the file as UTF-8"
        ) from None
