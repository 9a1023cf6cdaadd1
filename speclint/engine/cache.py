"""The results cache: what linting an unchanged file found, kept between runs (as ruff and ESLint do).

An entry is keyed on everything the file's findings depend on:

- the run: speclint's version and its code (size and modification time of each of its modules),
  each rule's module (plugins included), the rules given, the planner (`--profile`, `--select`,
  `--ignore`) and the forced profile;
- the file: its path as shown, its text, the configuration that applies to it (its settings, and
  the text of its plugin files and YAML rule files);
- the files next to it that rules may read (`kep.yaml` and any other `*.yaml` / `*.yml` sibling,
  read through `speclint.reading.metadata.sibling_yaml`; a Kiro spec's `requirements.md`, read
  through `speclint.reading.metadata.sibling_document`), the names of the numbered Markdown records
  beside it (`0006-storage.md`, whose existence TR008 checks), and a front-matter schema file the
  configuration names.

The baseline is applied to the run's result after the cache, so it is always current.

Entries are written to a temporary file and renamed into place, so two runs may share a cache
directory. A missing, corrupt or unwritable cache never fails a run: the file is linted as if
there were no cache (`-v` says when the cache cannot be used). Only sources read from disk are
cached, and only when every rule ran to the end (a crash is reported again on the next run).
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

try:  # `hmac.compare_digest` is this function; importing hmac would load OpenSSL
    from _operator import _compare_digest as compare_digest
except ImportError:  # pragma: no cover - other interpreters
    from hmac import compare_digest

from speclint import __version__
from speclint.digest import sha256
from speclint.record import Record

if TYPE_CHECKING:
    from speclint.engine.check import ActiveRule
    from speclint.engine.rule import Finding
    from speclint.engine.runner import Source

DEFAULT_DIRECTORY = ".speclint_cache"
ENVIRONMENT_VARIABLE = "SPECLINT_CACHE_DIR"
_FORMAT = 1  # bump when the entry layout changes


class CachedFile(Record):
    """What linting one file gave, before the baseline: findings (companion files' included), the
    profile it was checked with, and the rules that ran (for reporters' rule lists)."""

    __slots__ = ("findings", "profile_name", "rules_run", "profile_signals")

    def __init__(
        self,
        findings: list[Finding],
        profile_name: str | None,
        rules_run: list[ActiveRule],
        profile_signals: tuple[str, ...] = (),
    ) -> None:
        self.findings = findings
        self.profile_name = profile_name
        self.rules_run = rules_run
        self.profile_signals = profile_signals


class ResultsCache:
    """A cache directory and the fingerprint of this run. Small and picklable: it goes to workers.

    Written out rather than a dataclass (equal when directory, run key and secret are): a one-file
    run does not import dataclasses for it."""

    __hash__ = None  # type: ignore[assignment]  (as a mutable dataclass's)

    def __init__(self, directory: Path, run_key: str, secret: bytes = b"") -> None:
        self.directory = directory
        self.run_key = run_key
        self.secret = secret  # signs entries: see `load`
        # Per process: fingerprints already computed (configurations, sibling folders).
        self._memo: dict[Any, str] = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.directory, self.run_key, self.secret) == (other.directory, other.run_key, other.secret)  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return f"ResultsCache(directory={self.directory!r}, run_key={self.run_key!r})"

    def __getstate__(self) -> dict[str, Any]:
        return {"directory": self.directory, "run_key": self.run_key, "secret": self.secret}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.directory = state["directory"]
        self.run_key = state["run_key"]
        self.secret = state["secret"]
        self._memo = {}

    # --- keys ---------------------------------------------------------------------------------

    def key(self, source: Source, text: str) -> str | None:
        """The entry key of `source` read as `text`, or None when it is not cached (standard input)."""
        if source.path is None:
            return None
        digest = sha256()
        for part in (self.run_key, source.display_path, str(source.path), self._config_key(source)):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\x00")
        digest.update(self._siblings_key(source.path).encode() + b"\x00")
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _config_key(self, source: Source) -> str:
        config = source.config
        if config is None:
            return "defaults"
        settings = config.settings_for(source.path)
        plugins = self._memo.get(("plugins", id(config)))
        if plugins is None:
            plugins = _digest(
                [f"{rule.id}={origin}:{_module_key(rule)}" for rule, origin in getattr(config, "plugin_rules", [])]
            )
            self._memo[("plugins", id(config))] = plugins
        schema_files = [_file_key(Path(value)) for value in _strings(settings.front_matter_schema) if _is_path(value)]
        return _digest([_stable(settings), plugins, *schema_files])

    def _siblings_key(self, path: Path) -> str:
        folder = path.parent
        known = self._memo.get(("siblings", folder))
        if known is None:
            from speclint.reading.siblings import SIBLING_DOCUMENTS

            try:
                entries = [entry.name for entry in os.scandir(folder)]
            except OSError:
                entries = []
            names = sorted(name for name in entries if name.endswith((".yaml", ".yml")) or name in SIBLING_DOCUMENTS)
            # The numbered records beside it, by name only (TR008 asks whether a linked one exists).
            records = sorted(name for name in entries if name.endswith(".md") and name[:1].isdigit())
            known = _digest([f"{name}:{_file_key(folder / name)}" for name in names] + records)
            self._memo[("siblings", folder)] = known
        return known

    # --- entries ------------------------------------------------------------------------------

    def _entry_path(self, key: str) -> Path:
        return self.directory / __version__ / key

    def load(self, key: str) -> CachedFile | None:
        """The entry for `key`; None when absent or unreadable (a corrupt entry is a miss)."""
        try:
            with open(self._entry_path(key), "rb") as stream:
                signature, payload = stream.read(_SIGNATURE_BYTES), stream.read()
            # Only entries this user's speclint wrote are unpickled: a cache folder committed to a
            # repository by a pull request holds no signature made with this machine's secret.
            if not compare_digest(signature, _sign(self.secret, payload)):
                return None
            format_version, stored_key, entry = _pickle().loads(payload)
            if format_version != _FORMAT or stored_key != key or not isinstance(entry, CachedFile):
                return None
            return entry
        except Exception:  # noqa: BLE001 - any damage to an entry means: lint the file again
            return None

    def store(self, key: str, entry: CachedFile) -> None:
        """Write the entry atomically (temporary file, then rename); never fails the run."""
        target = self._entry_path(key)
        try:
            if target.parent not in self._memo:  # made once per process, not once per entry
                target.parent.mkdir(parents=True, exist_ok=True)
                self._memo[target.parent] = ""
            handle, temporary = _temporary_file(target.parent, ".tmp-")
            try:
                payload = _pickle().dumps((_FORMAT, key, entry), protocol=-1)  # -1: the highest protocol
                with os.fdopen(handle, "wb") as stream:
                    stream.write(_sign(self.secret, payload) + payload)
                os.replace(temporary, target)
            except BaseException:
                os.unlink(temporary)
                raise
        except Exception:  # noqa: BLE001 - unwritable, disk full, unpicklable rule: no cache for it
            self._memo.pop(target.parent, None)  # the folder may have gone: make it again next time


def open_cache(
    directory: Path,
    rules: Sequence[ActiveRule],
    planner: Any = None,
    profile_name: str | None = None,
    rule_classes: Sequence[type] = (),
) -> tuple[ResultsCache | None, str | None]:
    """The cache in `directory` for this run, or (None, why not) when it cannot be used.

    Creates the directory with a `.gitignore` of `*` (so it is never committed) and checks that it
    can be written to.
    """
    try:
        directory.mkdir(parents=True, exist_ok=True)
        ignore_file = directory / ".gitignore"
        if not ignore_file.exists():
            ignore_file.write_text("# Created by speclint: the results cache.\n*\n", encoding="utf-8")
        probe, probe_path = _temporary_file(directory, ".probe-")
        os.close(probe)
        os.unlink(probe_path)
    except OSError as error:
        return None, f"results cache {directory} cannot be used ({error.strerror or error}): linting without it"
    secret = _secret()
    if secret is None:
        return None, "results cache: no private key could be kept in the user's cache folder: linting without it"
    return ResultsCache(directory, run_key(rules, planner, profile_name, rule_classes), secret), None


def _temporary_file(folder: Path, prefix: str) -> tuple[int, str]:
    """A new file of this user's alone in `folder` (descriptor, path), as `tempfile.mkstemp` makes
    one; importing tempfile (and the modules it needs) costs a one-file run more than this does."""
    for _ in range(100):
        path = os.path.join(folder, f"{prefix}{os.urandom(6).hex()}")
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no unused temporary file name in {folder}")


_SIGNATURE_BYTES = 32
SECRET_VARIABLE = "SPECLINT_CACHE_SECRET_DIR"  # where the signing key lives (tests); default: the user cache folder


def _pickle() -> Any:
    """The pickle implementation: `_pickle`, which `pickle` uses when it exists, without importing
    `pickle`'s own Python implementation (a one-file run's 1%)."""
    try:
        import _pickle

        return _pickle
    except ImportError:  # pragma: no cover - an interpreter without the C implementation
        import pickle

        return pickle


_BLOCK = 64  # SHA-256's block size: HMAC pads the key to it
_INNER = bytes(byte ^ 0x36 for byte in range(256))
_OUTER = bytes(byte ^ 0x5C for byte in range(256))


def _sign(secret: bytes, payload: bytes) -> bytes:
    """HMAC-SHA256 of `payload` with `secret` (RFC 2104), what `hmac.digest(secret, payload,
    "sha256")` returns, computed with the interpreter's SHA-256 rather than by loading OpenSSL."""
    key = sha256(secret).digest() if len(secret) > _BLOCK else secret
    key = key.ljust(_BLOCK, b"\x00")
    inner = sha256(key.translate(_INNER))
    inner.update(payload)
    return sha256(key.translate(_OUTER) + inner.digest()).digest()


def _secret() -> bytes | None:
    """This user's key for signing cache entries, kept outside any repository (created once, 0600)."""
    base = os.environ.get(SECRET_VARIABLE) or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "speclint"
    )
    path = Path(base) / "cache-key"
    try:
        return path.read_bytes()[:64] or None
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(os.urandom(32))
        return path.read_bytes()[:64] or None
    except FileExistsError:  # another run created it first
        try:
            return path.read_bytes()[:64] or None
        except OSError:
            return None
    except OSError:
        return None


def run_key(
    rules: Sequence[ActiveRule], planner: Any = None, profile_name: str | None = None, rule_classes: Sequence[type] = ()
) -> str:
    """What every entry of this run shares: speclint's code, the rules' code, the run's options."""
    parts = [f"speclint {__version__}", f"python {sys.version_info[:2]}", _code_key()]
    classes = {id(rule): rule for rule in [*rule_classes, *(active.rule for active in rules)]}
    parts += sorted(f"{rule.id}:{_module_key(rule)}" for rule in classes.values())
    parts += [f"{active.rule.id}={active.level.value}:{_stable(dict(active.options))}" for active in rules]
    parts += [_stable(planner), f"profile={profile_name}"]
    return _digest(parts)


def _code_key() -> str:
    """speclint's own modules, profiles and schemas: a change of the code is a change of results."""
    import speclint

    entries = []
    roots = [Path(speclint.__file__).parent]
    try:
        import speclint.rules as builtin_rules

        roots += [Path(location) for location in builtin_rules.__path__]
    except ImportError:  # pragma: no cover - an install without the built-in rules
        pass
    for root in roots:
        for folder, _subfolders, names in os.walk(root):
            for name in names:
                if name.endswith((".py", ".yaml", ".json")):
                    path = os.path.join(folder, name)
                    try:
                        status = os.stat(path)
                    except OSError:
                        continue
                    entries.append(f"{path}:{status.st_size}:{status.st_mtime_ns}")
    return _digest(sorted(entries))


def _module_key(rule: type) -> str:
    """The text of the file that defines `rule` (a plugin's), or its module name when there is none.
    A built-in rule not imported yet (`registry.DescribedRule`) names its module and file: its key
    is the one its class would have."""
    module_name = getattr(rule, "rule_module", None) or rule.__module__
    source = getattr(sys.modules.get(module_name), "__file__", None)
    source_file = getattr(rule, "source_file", None) or getattr(rule, "path", None)
    keys = [module_name, _stable(getattr(rule, "spec", None))]  # a YAML rule's settings
    hashed: set[tuple[int, int]] = set()
    for candidate in (source, source_file) if source != source_file else (source,):
        if not isinstance(candidate, (str, Path)):
            continue
        try:  # one file reached by two paths (a symbolic link) is hashed once; `os.path.realpath`
            status = os.stat(candidate)  # took an lstat per folder of the path, twice per rule
        except (OSError, ValueError):
            continue
        if stat.S_ISREG(status.st_mode) and (status.st_dev, status.st_ino) not in hashed:
            hashed.add((status.st_dev, status.st_ino))
            keys.append(_file_key(Path(candidate)))
    return _digest(keys)


def _file_key(path: Path) -> str:
    from speclint.engine.registry import file_digest  # the registry has hashed the built-in rules' files

    try:
        return file_digest(str(path))
    except OSError:
        return "absent"


def _is_path(value: str) -> bool:
    return value.endswith((".json", ".yaml", ".yml")) and os.path.isfile(value)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _strings(item)]
    return []


def _stable(value: Any) -> str:
    """A text that is the same for equal settings in any process (sets sorted, dataclasses and records as dicts)."""

    def plain(item: Any) -> Any:
        if hasattr(type(item), "__dataclass_fields__") and not isinstance(item, type):  # `dataclasses.is_dataclass`
            from dataclasses import asdict

            return plain(asdict(item))
        if isinstance(item, Record):
            return plain(item.as_dict())
        if isinstance(item, dict):
            return {str(key): plain(inner) for key, inner in item.items()}
        if isinstance(item, (list, tuple)):
            return [plain(inner) for inner in item]
        if isinstance(item, (set, frozenset)):
            return sorted(repr(plain(inner)) for inner in item)
        if isinstance(item, (str, int, float, bool)) or item is None:
            return item
        if isinstance(item, type):
            return f"{item.__module__}.{item.__qualname__}"
        return repr(item)

    return _canonical(plain(value))


def _canonical(value: Any) -> str:
    """A text of plain data (dicts with string keys, lists, strings, numbers, booleans, None) that
    is the same for equal data in any process: keys sorted, as `json.dumps(..., sort_keys=True)`
    writes it, without importing json for a one-file run."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{key!r}:{_canonical(value[key])}" for key in sorted(value)) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_canonical(item) for item in value) + "]"
    return repr(value)  # str, int, float, bool, None: `repr` is exact and stable


def _digest(parts: Sequence[str]) -> str:
    digest = sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\x00")
    return digest.hexdigest()
