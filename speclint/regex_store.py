"""Compiled regular expressions kept between runs, as Python keeps compiled code in `.pyc` files.

`re.compile` parses a pattern and writes its matching code in pure Python; for the patterns a
one-file run uses, that is about a sixth of the run. The code it hands to the C engine
(`_sre.compile`) is a list of integers that depends only on the pattern, its flags and the Python
build, so this module keeps it in a file beside speclint's own `.pyc` files
(`speclint/__pycache__/regex-code.<cache tag>.bin`), and a later run builds the same pattern from
it in microseconds. The file also keeps each pattern's required literals
(`document.prefilter.required_literals`, which parses the pattern too).

It never changes what a pattern matches:
- The file is used only by the Python build that wrote it (`sys.version`, `_sre.MAGIC` and the
  code size are recorded in it), an entry only for its own pattern text and flags, and only when
  the checksum of what was read is the one written.
- A pattern built from the file's code is stored only after it compared equal to `re.compile`'s
  (a pattern's equality compares its code). `_sre.compile` checks the code it is given, and any
  failure to read or use the file falls back to `re.compile`: a corrupt, foreign or unreadable
  file costs the compile, never a wrong pattern.
- It is written at exit, only when the run compiled a pattern the file lacked, only when Python
  may write bytecode (not under `-B` or PYTHONDONTWRITEBYTECODE), to a temporary file renamed
  over the old one (two runs sharing it each leave a whole file; the last one's wins). A folder
  that cannot be written is left alone. Forked worker processes exit without writing.
- It holds at most `_LIMIT` patterns (module-level patterns are a fixed set; patterns built from
  a configuration could otherwise grow it without end).
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any, Callable, Pattern

_FORMAT = 1
_LIMIT = 2048
#: Stand-in for "not in the store" (a pattern's required literals may be None).
_MISSING = object()


def default_path() -> str | None:
    """Where the store lives: `speclint/__pycache__/`, or under `sys.pycache_prefix` when set."""
    folder = os.path.dirname(os.path.abspath(__file__))
    prefix = getattr(sys, "pycache_prefix", None)
    cache_folder = os.path.join(prefix, folder.lstrip(os.sep)) if prefix else os.path.join(folder, "__pycache__")
    return os.path.join(cache_folder, f"regex-code.{sys.implementation.cache_tag}.bin")


class RegexStore:
    """Compiled pattern code and required literals by (pattern, flags), read from and written to `path`."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._code: dict[tuple[str, int], tuple[Any, ...]] | None = None  # read on first use
        self._literals: dict[tuple[str, int], Any] = {}
        self._changed = False
        self._exit_registered = False

    # --- patterns ---------------------------------------------------------------------------

    def compile(self, pattern: str, flags: int = 0) -> Pattern[str]:
        """`re.compile(pattern, flags)`, from the stored code when the store has it."""
        flags = int(flags)
        code = self._loaded()
        key = (pattern, flags)
        parts = code.get(key)
        if parts is not None:
            try:
                return _build(pattern, parts)
            except Exception:  # noqa: BLE001 - code this build's engine rejects: compile it again
                del code[key]
        compiled = re.compile(pattern, flags)
        if self._recording(code) and isinstance(pattern, str) and not flags & re.DEBUG:
            try:
                parts = _parts_of(pattern, flags)
                if _build(pattern, parts) == compiled:  # equality compares the code
                    code[key] = parts
                    self._mark_changed()
            except Exception:  # noqa: BLE001 - an `re` whose internals differ: keep nothing
                pass
        return compiled

    # --- required literals ------------------------------------------------------------------

    def literals(self, pattern: str, flags: int, compute: Callable[[str, int], Any]) -> Any:
        """`compute(pattern, flags)` (the pattern's required literals), stored like its code."""
        self._loaded()
        key = (pattern, int(flags))
        found = self._literals.get(key, _MISSING)
        if found is not _MISSING:
            return found
        found = compute(pattern, flags)
        if self._recording(self._literals):
            self._literals[key] = found
            self._mark_changed()
        return found

    # --- the file ---------------------------------------------------------------------------

    def _loaded(self) -> dict[tuple[str, int], tuple[Any, ...]]:
        if self._code is None:
            self._code, self._literals = _read(self.path)
        return self._code

    def _recording(self, table: dict[Any, Any]) -> bool:
        return self.path is not None and not sys.dont_write_bytecode and len(table) < _LIMIT

    def _mark_changed(self) -> None:
        self._changed = True
        if not self._exit_registered:
            import atexit

            atexit.register(self.save)
            self._exit_registered = True

    def save(self) -> None:
        """Write what this process added (merged with what the file holds now); errors are ignored."""
        if not self._changed or self.path is None or sys.dont_write_bytecode:
            return
        code, literals = _read(self.path)  # another run may have added patterns since
        for table, ours in ((code, self._code or {}), (literals, self._literals)):
            for key, value in ours.items():
                if len(table) >= _LIMIT:
                    break
                table.setdefault(key, value)
        temporary = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(temporary, "wb") as stream:
                stream.write(_encode(code, literals))
            os.replace(temporary, self.path)
            self._changed = False
        except OSError:
            try:
                os.remove(temporary)
            except OSError:
                pass


def _stamp() -> tuple[Any, ...]:
    import _sre

    return (_FORMAT, sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT)


def _encode(code: dict[Any, Any], literals: dict[Any, Any]) -> bytes:
    import marshal
    import zlib

    payload = marshal.dumps((code, literals))
    return marshal.dumps((_stamp(), zlib.crc32(payload), payload))


def _read(path: str | None) -> tuple[dict[Any, Any], dict[Any, Any]]:
    """The store's two tables, or two empty ones when the file is missing, foreign or corrupt."""
    if path is None:
        return {}, {}
    try:
        import marshal
        import zlib

        with open(path, "rb") as stream:
            stamp, checksum, payload = marshal.loads(stream.read())
        if stamp != _stamp() or zlib.crc32(payload) != checksum:
            return {}, {}
        code, literals = marshal.loads(payload)
        if isinstance(code, dict) and isinstance(literals, dict):
            return code, literals
    except Exception:  # noqa: BLE001 - missing, unreadable or not ours: start empty
        pass
    return {}, {}


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


def _build(pattern: str, parts: tuple[Any, ...]) -> Pattern[str]:
    import _sre

    final_flags, code, groups, group_index, index_group = parts
    return _sre.compile(pattern, final_flags, code, groups, group_index, index_group)  # type: ignore[no-any-return]


_store: RegexStore | None = None


def store() -> RegexStore:
    """The process's store (at `default_path()`)."""
    global _store
    if _store is None:
        _store = RegexStore(default_path())
    return _store


def compile_pattern(pattern: str, flags: int = 0) -> Pattern[str]:
    """`re.compile(pattern, flags)`, built from the store's code when it has it (see the module)."""
    return store().compile(pattern, flags)
