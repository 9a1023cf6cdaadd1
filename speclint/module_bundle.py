"""The compiled code of the modules a `speclint check` imports, kept in one file between runs.

A one-file run imports about 160 modules, and for each the import system searches its folder,
checks the source's status, opens and reads its `.pyc` and builds a module: about a fifth of the
time those imports take, before any module's code runs. `ModuleBundle` keeps the code of the
submodules of speclint and mistune (what a run imports most of) in one file beside the start-up
store, `speclint/__pycache__/modules.<cache tag>.bin`, and serves it through a finder placed
first on `sys.meta_path`: one read, then a dictionary look-up and one `os.stat` per module.
Only the program itself installs it (`speclint.cli.app.main` for a plain `check`), never a
process that imports speclint as a library.

It never serves stale code. Each entry is the code the ordinary import loaded for a source file
(recorded as it was loaded, from the `.pyc` or compiled) and is used only while:
- the source file has the size, modification time (ns) and inode it had when it was read
  (Python itself trusts a `.pyc` on the size and the modification time in seconds);
- the module's parent package has the same search path, of a single folder holding the source,
  and that folder the modification time it had: a file added, removed or renamed in it (say a
  package folder of the same name, which the search would prefer) changes it, as the import
  system's own folder cache assumes;
- the file was written by the same Python build (`sys.version`, the bytecode magic number).
Anything else (another module, a top-level one, a namespace package, a sourceless or extension
module, a loader of another kind) goes the ordinary way. A missing, foreign or unreadable bundle
is ignored. It is written at exit, only when the run loaded code it did not have and only when
Python may write bytecode (not under `-B` or PYTHONDONTWRITEBYTECODE), to a temporary file renamed
over the old one; an unwritable folder is left alone; forked workers exit without writing. Like
a `.pyc` it carries no checksum: it is only ever replaced whole.
"""

from __future__ import annotations

import _imp
import marshal
import os
import sys
from importlib._bootstrap_external import MAGIC_NUMBER  # importlib.util's, without importing importlib.util
from importlib.machinery import ModuleSpec, SourceFileLoader
from typing import Any, Sequence

_FORMAT = 2
_LIMIT = 1024  # entries: speclint and mistune have about 200 modules
#: The packages whose submodules are kept (what a one-file run imports most of).
DEFAULT_PACKAGES = ("speclint", "mistune")


def default_path() -> str:
    """Beside the start-up store: `speclint/__pycache__/`, or under `sys.pycache_prefix` when set."""
    folder = os.path.dirname(os.path.abspath(__file__))
    prefix = getattr(sys, "pycache_prefix", None)
    cache_folder = os.path.join(prefix, folder.lstrip(os.sep)) if prefix else os.path.join(folder, "__pycache__")
    return os.path.join(cache_folder, f"modules.{sys.implementation.cache_tag}.bin")


def _stamp() -> tuple[Any, ...]:
    return (_FORMAT, sys.version, sys.implementation.cache_tag, MAGIC_NUMBER)


class ModuleBundle:
    """A `sys.meta_path` finder serving the recorded code of the submodules of `packages`."""

    def __init__(self, path: str | None, packages: Sequence[str] = DEFAULT_PACKAGES) -> None:
        self.path = path
        self._prefixes = tuple(f"{package}." for package in packages)
        # name -> (origin, package search locations or None, parent's search path, that folder's
        # modification time, source size, modification time and inode, marshalled code: bytes, or a
        # view of the file as read)
        self._entries: dict[str, tuple[Any, ...]] = _read(path)
        self._added: dict[str, tuple[Any, ...]] = {}
        self._folders: dict[str, int | None] = {}  # folder -> modification time, once per run
        self._owner = os.getpid()
        self.served = 0  # modules served from the bundle in this process

    # --- the finder -------------------------------------------------------------------------

    def find_spec(self, fullname: str, path: Sequence[str] | None = None, target: Any = None) -> ModuleSpec | None:
        if path is None or not fullname.startswith(self._prefixes):
            return None  # top-level names depend on all of sys.path: the ordinary search
        parent_path = tuple(path)
        entry = self._entries.get(fullname)
        if entry is not None and entry[2] == parent_path and self._still_valid(entry):
            origin, locations = entry[0], entry[1]
            spec = ModuleSpec(fullname, _BundledLoader(fullname, origin, entry[7]), origin=origin,
                              is_package=locations is not None)
            spec.has_location = True
            if locations is not None:
                spec.submodule_search_locations = list(locations)
            self.served += 1
            return spec
        return self._find_elsewhere(fullname, path, target, parent_path)

    def invalidate_caches(self) -> None:
        self._folders.clear()

    def _still_valid(self, entry: tuple[Any, ...]) -> bool:
        origin, _, parent_path, folder_mtime, size, mtime, inode, _ = entry
        try:
            status = os.stat(origin)
        except OSError:
            return False
        if (status.st_size, status.st_mtime_ns, status.st_ino) != (size, mtime, inode):
            return False
        return self._folder_mtime(parent_path[0]) == folder_mtime

    def _folder_mtime(self, folder: str) -> int | None:
        if folder not in self._folders:
            try:
                self._folders[folder] = os.stat(folder).st_mtime_ns
            except OSError:
                self._folders[folder] = None
        return self._folders[folder]

    def _find_elsewhere(
        self, fullname: str, path: Sequence[str], target: Any, parent_path: tuple[str, ...]
    ) -> ModuleSpec | None:
        """What the rest of `sys.meta_path` finds; its code is recorded as it is loaded when the
        module is one the bundle can keep."""
        spec = None
        for finder in list(sys.meta_path):
            find = getattr(finder, "find_spec", None)
            if finder is self or find is None:
                continue
            spec = find(fullname, path, target)
            if spec is not None:
                break
        if spec is None or type(spec.loader) is not SourceFileLoader or not spec.has_location:
            return spec
        origin = spec.origin or ""
        locations = spec.submodule_search_locations
        folder = os.path.dirname(os.path.dirname(origin) if locations is not None else origin)
        if not origin.endswith(".py") or len(parent_path) != 1 or folder != parent_path[0]:
            return spec
        if locations is not None and (os.path.basename(origin) != "__init__.py" or len(locations) != 1):
            return spec
        spec.loader = _RecordingLoader(fullname, origin, self, parent_path,
                                       tuple(locations) if locations is not None else None)
        return spec

    # --- recording and saving ---------------------------------------------------------------

    def _record(self, fullname: str, entry: tuple[Any, ...]) -> None:
        if self.path is None or sys.dont_write_bytecode or len(self._entries) + len(self._added) >= _LIMIT:
            return
        if not self._added:
            import atexit

            atexit.register(self.save)
        self._added[fullname] = entry

    def save(self) -> None:
        """Write the entries with those this process recorded; errors are ignored."""
        if not self._added or self.path is None or sys.dont_write_bytecode or os.getpid() != self._owner:
            return
        entries = {**_read(self.path), **self._added}  # another run may have written since
        temporary = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(temporary, "wb") as stream:
                stream.write(_encode(entries))
            os.replace(temporary, self.path)
            self._entries.update(self._added)
            self._added = {}
        except (OSError, ValueError):
            try:
                os.remove(temporary)
            except OSError:
                pass


class _BundledLoader(SourceFileLoader):
    """The ordinary source loader (source, resources, `__file__`) whose code comes from the bundle."""

    def __init__(self, fullname: str, path: str, code: bytes | memoryview) -> None:
        super().__init__(fullname, path)
        self._code: bytes | memoryview | None = code

    def get_code(self, fullname: str) -> Any:
        code, self._code = self._code, None
        if code is not None and fullname == self.name:
            try:
                loaded = marshal.loads(code)
            except (ValueError, EOFError, TypeError):
                return super().get_code(fullname)
            _imp._fix_co_filename(loaded, self.path)  # as the ordinary loader does with a .pyc
            return loaded
        return super().get_code(fullname)


class _RecordingLoader(SourceFileLoader):
    """The ordinary source loader, telling the bundle the code it loaded and the state it was read in."""

    def __init__(
        self, fullname: str, path: str, bundle: ModuleBundle, parent_path: tuple[str, ...],
        locations: tuple[str, ...] | None,
    ) -> None:
        super().__init__(fullname, path)
        self._bundle = bundle
        self._parent_path = parent_path
        self._locations = locations

    def get_code(self, fullname: str) -> Any:
        # The states are taken before the code is read: a file changed meanwhile is read again next time.
        try:
            status = os.stat(self.path)
            folder_mtime = os.stat(self._parent_path[0]).st_mtime_ns
        except OSError:
            return super().get_code(fullname)
        code = super().get_code(fullname)
        if fullname == self.name and code is not None:
            try:
                data = marshal.dumps(code)
            except ValueError:
                return code
            self._bundle._record(fullname, (
                self.path, self._locations, self._parent_path, folder_mtime,
                status.st_size, status.st_mtime_ns, status.st_ino, data,
            ))
        return code


def _read(path: str | None) -> dict[str, tuple[Any, ...]]:
    """The bundle's entries, each with its code as a view of the file read once; empty when the
    file is missing, foreign or unreadable."""
    if path is None:
        return {}
    try:
        with open(path, "rb") as stream:
            data = memoryview(stream.read())
        header_size = int.from_bytes(data[:8], "little")
        stamp, index = marshal.loads(data[8:8 + header_size])
        if stamp != _stamp() or not isinstance(index, dict):
            return {}
        blobs = data[8 + header_size:]
        return {
            name: (*entry[:7], blobs[entry[7]:entry[7] + entry[8]])
            for name, entry in index.items() if _well_formed(name, entry, len(blobs))
        }
    except Exception:  # noqa: BLE001 - missing, unreadable or not ours: start empty
        return {}


def _well_formed(name: Any, entry: Any, blobs_size: int) -> bool:
    return (
        isinstance(name, str) and isinstance(entry, tuple) and len(entry) == 9 and isinstance(entry[0], str)
        and isinstance(entry[2], tuple) and len(entry[2]) == 1 and type(entry[7]) is int and type(entry[8]) is int
        and 0 <= entry[7] <= entry[7] + entry[8] <= blobs_size
    )


def _encode(entries: dict[str, tuple[Any, ...]], stamp: tuple[Any, ...] | None = None) -> bytes:
    """The file: the header's size (8 bytes), the header (the stamp, and each entry with its code's
    place among the code that follows), then each module's code: a run reads the file once and
    unmarshals each module's code where it lies."""
    index, blobs, offset = {}, [], 0
    for name, entry in entries.items():
        code = bytes(entry[7])
        index[name] = (*entry[:7], offset, len(code))
        blobs.append(code)
        offset += len(code)
    header = marshal.dumps((_stamp() if stamp is None else stamp, index))
    return len(header).to_bytes(8, "little") + header + b"".join(blobs)


_installed: ModuleBundle | None = None


def install(path: str | None = None) -> ModuleBundle:
    """Put the bundle at `path` (default `default_path()`) first on `sys.meta_path`, once per process."""
    global _installed
    if _installed is None:
        _installed = ModuleBundle(default_path() if path is None else path)
        sys.meta_path.insert(0, _installed)
    return _installed
