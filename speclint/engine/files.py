"""Finding the Markdown files to lint and reading them safely.

Directories are walked for `*.md` and `*.markdown`, skipping hidden folders (except those that hold
specs by convention: `.kiro/`, where Kiro keeps `specs/<feature>/requirements.md`) and `node_modules`;
inside a git work tree, what `.gitignore` excludes is skipped too (git itself answers, so every
ignore rule git knows applies). Files named on the command line are always read.

Only regular files are read, and only inside the repository (the folder walked, or the starting
folder, outside one): a FIFO, a device (`zero.md -> /dev/zero`) or a symlink to a file elsewhere
on the machine is never opened. In a walked folder such an entry is skipped (said with `-v`);
named on the command line it is a `ReadError`. A folder that cannot be searched is reported too.

Reading never raises past this module: a file that cannot be linted (missing, unreadable, binary,
not UTF-8, too large, not a regular file) becomes a `ReadError` with a sentence saying why.
UTF-8 (with or without a BOM) and UTF-16 with a BOM are read.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator
from speclint.lazy_regex import lazy_compile
from speclint.record import Record


MARKDOWN_SUFFIXES = (".md", ".markdown")
SKIPPED_DIRECTORIES = {"node_modules"}
SPEC_HIDDEN_DIRECTORIES = {".kiro"}  # hidden folders that hold specifications by convention
DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # a spec is text; anything larger is a generated file or data


class ReadError(Exception):
    """A file that speclint cannot lint; `str()` says why in a short sentence."""


class SourceFile(Record):
    """A file as read: the path to show, the path on disk and its text."""

    __slots__ = ("display_path", "path", "text")

    def __init__(self, display_path: str, path: Path | None, text: str) -> None:
        self.display_path = display_path  # relative to the working directory where possible, with `/` separators
        self.path = path  # None for standard input
        self.text = text


def display_path(path: Path, cwd: Path) -> str:
    """`path` relative to `cwd` when it is below it, POSIX-style; otherwise as given."""
    try:
        return path.resolve().relative_to(_resolved(cwd)).as_posix()
    except ValueError:
        return path.as_posix()


@lru_cache(maxsize=8)
def _resolved(folder: Path) -> Path:
    return folder.resolve()  # once per run, not once per file


# Told about what a walk leaves out: (path, why). `on_skip` for entries that are not regular
# files inside the repository (said with -v), `on_error` for folders that cannot be searched.
if TYPE_CHECKING:  # annotations only: subscribing `Callable` at import costs time
    Notify = Callable[[Path, str], None]


def _ignore(path: Path, reason: str) -> None:
    pass


def repository_root(folder: Path) -> Path | None:
    """The top of the git work tree holding `folder` (the closest folder with `.git`), if any."""
    for candidate in (folder, *folder.parents):
        try:
            if (candidate / ".git").exists():
                return candidate
        except OSError:  # a folder we may not search
            continue
    return None


def reading_boundary(path: Path, start: Path | None = None) -> Path:
    """The folder a file must resolve inside to be read: its repository; outside one, the starting
    folder (`start`, the working directory by default) when the file is below it, else its own folder."""
    folder = Path(os.path.abspath(path)).parent
    root = repository_root(folder)
    if root is not None:
        return root
    start = Path(os.path.abspath(start or Path.cwd()))
    return start if folder == start or start in folder.parents else folder


def skip_reason(path: Path, boundary: Path) -> str | None:
    """Why `path` must not be read (not a regular file, or a symlink out of `boundary`); None if fine."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return "no such file or directory" if not os.path.islink(path) else "a symlink to nothing; not read"
    except PermissionError:
        return "permission denied"
    except OSError as error:
        return f"cannot read: {error.strerror or error}"
    if stat.S_ISDIR(status.st_mode):
        return "is a directory"
    if not stat.S_ISREG(status.st_mode):
        return f"not a regular file ({_kind(status.st_mode)}); not read"
    resolved = Path(os.path.realpath(path))
    limit = Path(os.path.realpath(boundary))
    if resolved != limit and limit not in resolved.parents:
        return f"a symlink to a file outside {_shown_folder(boundary)}; not read"
    return None


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def _shown_folder(folder: Path) -> str:
    try:
        shown = Path(os.path.abspath(folder)).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return f"{folder.as_posix()} (the repository, or the folder linted)"
    return "the repository" if shown == "." else f"{shown} (the repository, or the folder linted)"


def discover(paths: Iterable[Path], on_skip: Notify = _ignore, on_error: Notify = _ignore) -> Iterator[Path]:
    """Markdown files named by `paths` (files as given, directories walked), without repeats.

    In walked directories only regular files inside the repository (or the walked folder) are
    kept; the others go to `on_skip`, folders that cannot be searched to `on_error`."""
    seen: set[object] = set()
    for path in paths:
        if _is_dir(path):
            boundary = repository_root(Path(os.path.abspath(path))) or Path(os.path.abspath(path))
            candidates = []
            for found in _walk(path, on_error):
                reason = skip_reason(found, boundary)
                if reason is None:
                    candidates.append(found)
                else:
                    on_skip(found, reason)
        else:
            candidates = [path]
        for candidate in candidates:
            key = _identity(candidate)
            if key not in seen:
                seen.add(key)
                yield candidate


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _identity(path: Path) -> object:
    """What makes two paths the same file: device and inode (one system call, where resolving a
    path looks up each of its folders), else the resolved path."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return path.resolve()
    if status.st_ino == 0:  # a file system without inode numbers
        return path.resolve()
    return (status.st_dev, status.st_ino)


def _is_markdown(name: str) -> bool:
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def _walk(directory: Path, on_error: Notify = _ignore) -> list[Path]:
    tracked = _git_markdown_files(directory, on_error)
    if tracked is not None:
        return tracked
    found = []

    def unreadable(error: OSError) -> None:
        on_error(Path(error.filename) if error.filename else directory, _folder_error(error))

    for folder, subfolders, files in os.walk(directory, onerror=unreadable):
        subfolders[:] = sorted(d for d in subfolders if not _skipped_directory(d))
        found.extend(Path(folder) / name for name in sorted(files) if _is_markdown(name))
    return found


def _folder_error(error: OSError) -> str:
    why = "permission denied" if isinstance(error, PermissionError) else (error.strerror or str(error)).lower()
    return f"cannot search this folder ({why}); the files in it were not linted"


def _skipped_directory(name: str) -> bool:
    return (name.startswith(".") and name not in SPEC_HIDDEN_DIRECTORIES) or name in SKIPPED_DIRECTORIES


# git's warning for a folder it could not read (it goes on, and exits 0).
_GIT_UNREADABLE = lazy_compile(r"could not open directory '(?P<path>.*)': (?P<why>.*)$", re.M)


def _git_markdown_files(directory: Path, on_error: Notify = _ignore) -> list[Path] | None:
    """Markdown files below `directory` that git does not ignore; None outside a work tree."""
    import subprocess  # only when a folder is walked: a pre-commit run names files

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
    for match in _GIT_UNREADABLE.finditer(completed.stderr.decode("utf-8", "replace")):
        why = match.group("why").strip().lower()
        on_error(directory / match.group("path").rstrip("/"), f"cannot search this folder ({why}); the files in it were not linted")
    files = []
    for entry in completed.stdout.decode("utf-8", "surrogateescape").split("\0"):
        if not entry or not _is_markdown(entry):
            continue
        parts = entry.split("/")
        if any(_skipped_directory(part) for part in parts[:-1]):
            continue
        path = directory / entry
        if os.path.lexists(path):  # tracked files deleted from the work tree are still listed
            files.append(path)
    return sorted(files)


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, boundary: Path | None = None) -> str:
    """The file's text, or `ReadError` saying why it cannot be linted.

    Only a regular file inside `boundary` (by default `reading_boundary(path)`) is read; it is
    opened without blocking and checked again once open, so a FIFO swapped in never hangs the run.
    """
    reason = skip_reason(path, boundary if boundary is not None else reading_boundary(path))
    if reason is not None:
        raise ReadError(reason)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
        with os.fdopen(descriptor, "rb") as stream:
            status = os.fstat(stream.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise ReadError(f"not a regular file ({_kind(status.st_mode)}); not read")
            if status.st_size > max_bytes:
                raise ReadError(f"file is {status.st_size:,} bytes, above the {max_bytes:,}-byte limit; not linted")
            data = stream.read(max_bytes + 1)
    except FileNotFoundError:
        raise ReadError("no such file or directory") from None
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as error:
        raise ReadError(f"cannot read: {error.strerror or error}") from None
    if len(data) > max_bytes:  # it grew while we read it
        raise ReadError(f"file is above the {max_bytes:,}-byte limit; not linted")
    return decode(data)


def decode(data: bytes) -> str:
    """The text of `data`: UTF-8 (a BOM is allowed) or UTF-16 with a BOM; `ReadError` for binary
    data or other encodings."""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom) and not data.startswith(codecs.BOM_UTF32_LE):
            try:
                return "\ufeff" + data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                break  # not UTF-16 after all: said below as binary or not UTF-8
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
