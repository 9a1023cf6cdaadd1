"""What a run works out from speclint's own code, kept between runs as Python keeps `.pyc` files.

A one-file `speclint check` spent about a sixth of its time compiling regular expressions and
several milliseconds hashing the built-in rule files (importing OpenSSL's hashlib to do it) and
parsing the rule manifest (importing json), though no result changes from one run to the next. This module keeps them in one file beside
speclint's own `.pyc` files (`speclint/__pycache__/startup.<cache tag>.bin`):

- **compiled patterns:** `re.compile` parses a pattern and writes its matching code in pure
  Python; the code it hands to the C engine (`_sre.compile`) is a list of integers that depends
  only on the pattern, its flags and the Python build, and a later run builds the same pattern
  from it in microseconds (`compile_pattern`, used by `lazy_regex.lazy_compile`);
- **required literals** of each pattern (`document.prefilter.required_literals`, which parses
  the pattern too);
- **generated code:** `compile_source` keeps the code object of source text written at run time
  (`document.light_dataclass`'s methods), so that a run calls no `compile()` at all: the
  compiler's first use in a process costs about 1.5 ms (it builds its syntax-tree types);
- **what is read from a file:** the SHA-256 of the built-in rule files, `rules/manifest.json` as
  parsed (`from_file`), by the file's path, size, modification and change times and inode, as
  Python trusts a `.pyc` while its source's size and time are the same.

It never changes a result:
- The file is used only by the Python build that wrote it (`sys.version`, `_sre.MAGIC` and the
  code size are recorded in it), and only when the checksum of what was read is the one written.
  An entry is found only by its own pattern text and flags, source text and file name, or file
  path and status.
- A pattern built from stored code is stored only after it compared equal to `re.compile`'s (a
  pattern's equality compares its code). `_sre.compile` checks the code it is given, and any
  failure to read or use the file falls back to compiling or hashing: a corrupt, foreign or
  unreadable file costs the work, never a wrong answer.
- It is written at exit, only when the run added an entry, only when Python may write bytecode
  (not under `-B` or PYTHONDONTWRITEBYTECODE), to a temporary file renamed over the old one (two
  runs sharing it each leave a whole file). A folder that cannot be written is left alone. Forked
  worker processes exit without writing.
- Each table holds at most `_LIMIT` entries (patterns built from a configuration could otherwise
  grow it without end). A file's entries read under an older size, time or inode than this run
  saw are dropped when the store is written, so editing a rule file does not fill the table.
"""

from __future__ import annotations

import os
import re
import sys
from types import CodeType
from typing import Any, Callable, Pattern

_FORMAT = 4  # 3: literals are kept by pattern, flags and the analysis's version; 4: generated code
_LIMIT = 2048
_TABLES = ("code", "literals", "files", "sources")
#: Stand-in for "not in the store" (a pattern's required literals may be None).
_MISSING = object()


def default_path() -> str:
    """Where the store lives: `speclint/__pycache__/`, or under `sys.pycache_prefix` when set."""
    folder = os.path.dirname(os.path.abspath(__file__))
    prefix = getattr(sys, "pycache_prefix", None)
    cache_folder = os.path.join(prefix, folder.lstrip(os.sep)) if prefix else os.path.join(folder, "__pycache__")
    return os.path.join(cache_folder, f"startup.{sys.implementation.cache_tag}.bin")


class StartupStore:
    """Compiled pattern code, required literals and what was read from files, kept in the file `path`."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._tables: dict[str, dict[Any, Any]] | None = None  # read on first use
        self._compiled: dict[tuple[str, int], Pattern[str]] = {}  # this process's, as `re`'s own cache
        self._changed = False
        self._exit_registered = False
        # (what, path) -> the status key this process read it under: older statuses of the same
        # file are stale and are dropped when the file is written, so an edited file's entries
        # do not pile up to `_LIMIT` (past which nothing new would be kept).
        self._file_keys: dict[tuple[str, str], tuple[Any, ...]] = {}

    # --- patterns ---------------------------------------------------------------------------

    def compile(self, pattern: str, flags: int = 0) -> Pattern[str]:
        """`re.compile(pattern, flags)`, from the stored code when the store has it."""
        flags = int(flags)
        key = (pattern, flags)
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = self._compile(pattern, flags, key)
            if len(self._compiled) > _LIMIT:  # patterns built at run time: a bound for long-lived servers
                self._compiled.clear()
        return compiled

    def _compile(self, pattern: str, flags: int, key: tuple[str, int]) -> Pattern[str]:
        code = self._table("code")
        parts = code.get(key)
        if parts is not None:
            try:
                return _build(pattern, parts)
            except Exception:  # noqa: BLE001 - code this build's engine rejects: compile it again
                del code[key]
        compiled = re.compile(pattern, flags)
        if self._recording(code) and isinstance(pattern, str) and not flags & re.DEBUG:
            try:
                parts = _packed(_parts_of(pattern, flags))
                if _build(pattern, parts) == compiled:  # equality compares the code
                    self._add(code, key, parts)
            except Exception:  # noqa: BLE001 - an `re` whose internals differ: keep nothing
                pass
        return compiled

    # --- required literals ------------------------------------------------------------------

    def literals(self, pattern: str, flags: int, compute: Callable[[str, int], Any], analysis: int = 1) -> Any:
        """`compute(pattern, flags)` (the pattern's required literals), stored like its code, under
        the version of the analysis (`analysis`) that computed it."""
        literals = self._table("literals")
        key = (pattern, int(flags), int(analysis))
        found = literals.get(key, _MISSING)
        if found is _MISSING:
            found = compute(pattern, flags)
            if self._recording(literals):
                self._add(literals, key, found)
        return found

    # --- generated code ---------------------------------------------------------------------

    def compile_source(self, source: str, filename: str) -> CodeType:
        """`compile(source, filename, "exec")`, from the stored code object when the store has it
        (found by the source text and file name; the store is read only by the Python build that
        wrote it, so its bytecode is this build's)."""
        table = self._table("sources")
        key = (source, filename)
        code = table.get(key)
        if code is None:
            code = compile(source, filename, "exec", dont_inherit=True)
            if self._recording(table):
                self._add(table, key, code)
        return code  # type: ignore[no-any-return]

    # --- what is read from a file -----------------------------------------------------------

    def file_digest(self, path: str) -> str:
        """The SHA-256 of the file at `path` (hex). Raises OSError."""
        return self.from_file(path, "sha256", _sha256_of)  # type: ignore[no-any-return]

    def from_file(self, path: str, what: str, read: Callable[[str], Any]) -> Any:
        """`read(path)`, worked out again whenever the file's size, modification or change time or
        inode differs from when it was read (`what` names the reading; its result must be plain
        data: `marshal` writes it). Raises what `os.stat` or `read` raises."""
        status = os.stat(path)
        key = (what, path, status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
        self._file_keys[(what, path)] = key
        files = self._table("files")
        known = files.get(key, _MISSING)
        if known is _MISSING:
            known = read(path)
            import marshal

            kept = marshal.loads(marshal.dumps(known))  # a copy: what the caller does to its own is not stored
            if self._recording(files):
                self._add(files, key, kept)
            else:
                files[key] = kept  # still read once per run
        return known

    # --- the file ---------------------------------------------------------------------------

    def _table(self, name: str) -> dict[Any, Any]:
        if self._tables is None:
            self._tables = _read(self.path)
        return self._tables[name]

    def _recording(self, table: dict[Any, Any]) -> bool:
        return self.path is not None and not sys.dont_write_bytecode and len(table) < _LIMIT

    def _add(self, table: dict[Any, Any], key: Any, value: Any) -> None:
        table[key] = value
        self._changed = True
        if not self._exit_registered:
            import atexit

            atexit.register(self.save)
            self._exit_registered = True

    def save(self) -> None:
        """Write what this process added (merged with what the file holds now); errors are ignored."""
        if not self._changed or self.path is None or self._tables is None or sys.dont_write_bytecode:
            return
        merged = _read(self.path)  # another run may have added entries since
        for tables in (merged, self._tables):
            files = tables["files"]
            for stale in [key for key in files if self._file_keys.get(key[:2], key) != key]:
                del files[stale]
        for name in _TABLES:
            table = merged[name]
            for key, value in self._tables[name].items():
                if len(table) >= _LIMIT:
                    break
                table.setdefault(key, value)
        temporary = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(temporary, "wb") as stream:
                stream.write(_encode(merged))
            os.replace(temporary, self.path)
            self._changed = False
        except OSError:
            try:
                os.remove(temporary)
            except OSError:
                pass


def _sha256_of(path: str) -> str:
    from speclint.digest import sha256

    with open(path, "rb") as stream:
        return sha256(stream.read()).hexdigest()


def _stamp() -> tuple[Any, ...]:
    import _sre

    return (_FORMAT, sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT)


def _encode(tables: dict[str, dict[Any, Any]]) -> bytes:
    import marshal
    import zlib

    payload = marshal.dumps(tables)
    return marshal.dumps((_stamp(), zlib.crc32(payload), payload))


def _read(path: str | None) -> dict[str, dict[Any, Any]]:
    """The store's tables, empty when the file is missing, foreign or corrupt."""
    empty: dict[str, dict[Any, Any]] = {name: {} for name in _TABLES}
    if path is None:
        return empty
    try:
        import marshal
        import zlib

        with open(path, "rb") as stream:
            stamp, checksum, payload = marshal.loads(stream.read())
        if stamp != _stamp() or zlib.crc32(payload) != checksum:
            return empty
        tables = marshal.loads(payload)
        if isinstance(tables, dict) and all(isinstance(tables.get(name), dict) for name in _TABLES):
            return {name: tables[name] for name in _TABLES}
    except Exception:  # noqa: BLE001 - missing, unreadable or not ours: start empty
        pass
    return empty


def _parts_of(pattern: str, flags: int) -> tuple[Any, ...]:
    """What `re._compiler.compile` passes `_sre.compile` after the pattern, as plain values."""
    try:  # Python 3.11+
        from re import _compiler as sre_compile  # type: ignore[attr-defined]
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_compile  # type: ignore[no-redef]
        import sre_parse  # type: ignore[no-redef]

    parsed = sre_parse.parse(pattern, flags)
    code = [int(item) for item in sre_compile._code(parsed, flags)]
    group_index = {str(name): int(index) for name, index in parsed.state.groupdict.items()}
    index_group: list[str | None] = [None] * parsed.state.groups
    for name, index in group_index.items():
        index_group[index] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, group_index, tuple(index_group)


def _packed(parts: tuple[Any, ...]) -> tuple[Any, ...]:
    """`parts` with the code as bytes (machine words of `_sre.CODESIZE`, 4 bytes): a run reads the
    stored code of every pattern, and a list of integers takes several times longer to unmarshal."""
    from array import array

    import _sre

    words = array("I", parts[1])
    if words.itemsize != _sre.CODESIZE:  # not this platform's machine word: keep nothing
        raise ValueError("array('I') is not a code word")
    final_flags, _, groups, group_index, index_group = parts
    return final_flags, words.tobytes(), groups, group_index, index_group


def _build(pattern: str, parts: tuple[Any, ...]) -> Pattern[str]:
    import _sre

    final_flags, code, groups, group_index, index_group = parts
    if isinstance(code, bytes):
        code = memoryview(code).cast("I").tolist()
    return _sre.compile(pattern, final_flags, code, groups, group_index, index_group)  # type: ignore[no-any-return]


_store: StartupStore | None = None


def store() -> StartupStore:
    """The process's store (at `default_path()`)."""
    global _store
    if _store is None:
        _store = StartupStore(default_path())
    return _store


def compile_pattern(pattern: str, flags: int = 0) -> Pattern[str]:
    """`re.compile(pattern, flags)`, built from the store's code when it has it (see the module)."""
    return store().compile(pattern, flags)


class _CompilingFromTheStore:
    """`with compiling_from_the_store(): import x`: while open, `re.compile` of a str pattern is
    `compile_pattern` (the same pattern, built from the store's code when it has it), so that the
    patterns a library compiles at import cost no compiling after the first run. The store's own
    compiling goes to the real `re.compile`. Used only in a process that runs no other thread (one
    that never imported `threading`): `re.compile` is the module's, for every caller."""

    __slots__ = ("_original", "_inside")

    def __init__(self) -> None:
        self._original: Callable[..., Pattern[str]] | None = None
        self._inside = False

    def compile(self, pattern: Any, flags: int = 0) -> Pattern[str]:
        original = self._original
        assert original is not None
        if self._inside or type(pattern) is not str:
            return original(pattern, flags)
        self._inside = True
        try:
            return store().compile(pattern, flags)
        finally:
            self._inside = False

    def __enter__(self) -> None:
        if "threading" in sys.modules or re.compile is not _RE_COMPILE:
            return  # another thread may compile meanwhile; or someone else replaced it
        self._original = re.compile
        re.compile = self.compile  # type: ignore[assignment]

    def __exit__(self, *exception: object) -> None:
        if self._original is not None:
            if re.compile == self.compile:
                re.compile = self._original  # type: ignore[assignment]
            self._original = None


_RE_COMPILE = re.compile


def compiling_from_the_store() -> _CompilingFromTheStore:
    """See `_CompilingFromTheStore`."""
    return _CompilingFromTheStore()

