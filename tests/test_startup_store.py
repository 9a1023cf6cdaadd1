"""speclint.startup_store keeps compiled pattern code, required literals and file digests between
runs, as `.pyc` files keep compiled Python: a pattern built from the store is the pattern
`re.compile` builds, a file is hashed again when it changes, and a store that is missing,
corrupt, foreign or unwritable costs only the work."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

import speclint.startup_store as startup_store
from speclint.startup_store import StartupStore

PATTERN = r"(?P<word>\b(?:TODO|TBD|FIXME)\b)|\?{2,}"


@pytest.fixture(autouse=True)
def _bytecode_may_be_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def _saved(path: Path, pattern: str = PATTERN, flags: int = 0) -> None:
    store = StartupStore(str(path))
    store.compile(pattern, flags)
    store.save()


def _compile_must_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(pattern: str, flags: int = 0) -> re.Pattern[str]:
        raise AssertionError(f"re.compile({pattern!r}) ran; the stored code was not used")

    monkeypatch.setattr(startup_store.re, "compile", refuse)


def test_a_pattern_built_from_the_store_is_the_one_re_compile_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "startup.bin"
    _saved(path, PATTERN, re.IGNORECASE)
    expected = re.compile(PATTERN, re.IGNORECASE)
    _compile_must_not_run(monkeypatch)
    built = StartupStore(str(path)).compile(PATTERN, re.IGNORECASE)
    assert built == expected
    assert built.groupindex == expected.groupindex and built.flags == expected.flags
    assert [m.span() for m in built.finditer("a todo, ?? and tbd")] == [(2, 6), (8, 10), (15, 18)]


def test_the_same_text_with_other_flags_is_another_entry(tmp_path: Path) -> None:
    path = tmp_path / "startup.bin"
    _saved(path, "todo", 0)
    built = StartupStore(str(path)).compile("todo", re.IGNORECASE)
    assert built.search("TODO") is not None


def test_required_literals_are_worked_out_once_across_runs(tmp_path: Path) -> None:
    path = tmp_path / "startup.bin"
    calls: list[str] = []

    def compute(pattern: str, flags: int) -> tuple[tuple[str, ...], bool]:
        calls.append(pattern)
        return ("todo",), True

    first = StartupStore(str(path))
    assert first.literals("todo|x", 2, compute) == (("todo",), True)
    first.save()
    assert StartupStore(str(path)).literals("todo|x", 2, compute) == (("todo",), True)
    assert calls == ["todo|x"]


def test_literals_worked_out_by_another_version_of_the_analysis_are_worked_out_again(tmp_path: Path) -> None:
    path = tmp_path / "startup.bin"
    first = StartupStore(str(path))
    assert first.literals("todo|x", 2, lambda pattern, flags: (("old",), True), 1) == (("old",), True)
    first.save()
    again = StartupStore(str(path))
    assert again.literals("todo|x", 2, lambda pattern, flags: (("todo",), True), 2) == (("todo",), True)


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\x00" * 64])
def test_a_corrupt_file_is_ignored(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "startup.bin"
    path.write_bytes(content)
    assert StartupStore(str(path)).compile(PATTERN) == re.compile(PATTERN)


def test_a_file_whose_payload_does_not_match_its_checksum_is_ignored(tmp_path: Path) -> None:
    import marshal

    path = tmp_path / "startup.bin"
    _saved(path)
    stamp, checksum, payload = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps((stamp, checksum + 1, payload)))
    assert startup_store._read(str(path)) == {"code": {}, "literals": {}, "files": {}, "sources": {}}


def test_a_file_written_by_another_python_build_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "startup.bin"
    real_stamp = startup_store._stamp
    monkeypatch.setattr(startup_store, "_stamp", lambda: (*real_stamp()[:-1], "another build"))
    _saved(path)
    monkeypatch.setattr(startup_store, "_stamp", real_stamp)
    assert startup_store._read(str(path)) == {"code": {}, "literals": {}, "files": {}, "sources": {}}


def test_code_the_engine_rejects_is_compiled_again(tmp_path: Path) -> None:
    path = tmp_path / "startup.bin"
    final_flags, code, groups, group_index, index_group = startup_store._parts_of(PATTERN, 0)
    broken = (final_flags, [*code[:-1], 99999], groups, group_index, index_group)
    path.write_bytes(startup_store._encode({"code": {(PATTERN, 0): broken}, "literals": {}, "files": {}, "sources": {}}))
    assert StartupStore(str(path)).compile(PATTERN) == re.compile(PATTERN)


def test_nothing_is_written_when_python_may_not_write_bytecode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    path = tmp_path / "startup.bin"
    _saved(path)
    assert not path.exists()


def test_an_unwritable_place_is_left_alone(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    path = blocker / "startup.bin"  # its folder cannot be created
    store = StartupStore(str(path))
    assert store.compile(PATTERN) == re.compile(PATTERN)
    store.save()
    assert not path.exists() and os.listdir(tmp_path) == ["a-file"]


def test_two_runs_sharing_the_store_keep_both_patterns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "startup.bin"
    first, second = StartupStore(str(path)), StartupStore(str(path))
    first.compile("first")
    second.compile("second")
    first.save()
    second.save()
    _compile_must_not_run(monkeypatch)
    reread = StartupStore(str(path))
    assert reread.compile("first").pattern == "first" and reread.compile("second").pattern == "second"


def test_a_file_digest_is_kept_until_the_file_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib

    path = tmp_path / "startup.bin"
    rule = tmp_path / "rule.py"
    rule.write_text("ID = 'X001'\n", encoding="utf-8")
    first = StartupStore(str(path))
    assert first.file_digest(str(rule)) == hashlib.sha256(rule.read_bytes()).hexdigest()
    first.save()
    rule.write_text("ID = 'X002'\n", encoding="utf-8")  # same size: the times and the content tell
    assert StartupStore(str(path)).file_digest(str(rule)) == hashlib.sha256(rule.read_bytes()).hexdigest()


def test_an_unchanged_file_is_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "startup.bin"
    rule = tmp_path / "rule.py"
    rule.write_text("ID = 'X001'\n", encoding="utf-8")
    first = StartupStore(str(path))
    digest = first.file_digest(str(rule))
    first.save()
    second = StartupStore(str(path))
    second._tables = startup_store._read(str(path))  # the store's own file is read before `open` is replaced
    monkeypatch.setattr("builtins.open", lambda *args, **kwargs: (_ for _ in ()).throw(AssertionError("read")))
    assert second.file_digest(str(rule)) == digest


def test_what_is_read_from_a_file_is_read_again_when_the_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "startup.bin"
    data = tmp_path / "manifest.json"
    data.write_text("1", encoding="utf-8")
    reads: list[str] = []

    def read(where: str) -> str:
        reads.append(where)
        return Path(where).read_text(encoding="utf-8")

    first = StartupStore(str(path))
    assert first.from_file(str(data), "text", read) == "1"
    first.save()
    assert StartupStore(str(path)).from_file(str(data), "text", read) == "1"
    data.write_text("2", encoding="utf-8")
    assert StartupStore(str(path)).from_file(str(data), "text", read) == "2"
    assert len(reads) == 2


def test_mistunes_parsing_modules_compile_through_the_store() -> None:
    import mistune.list_parser

    from speclint.document.parser import parse

    parse("- a list\n  - nested\n\n```\ncode\n```\n", "spec.md")
    stored_re = mistune.list_parser.re
    assert stored_re is not re and stored_re.M == re.M and stored_re.escape is re.escape
    assert stored_re.compile(r"(?<=\n) {0,2}-", re.M) == re.compile(r"(?<=\n) {0,2}-", re.M)


def test_a_pattern_is_built_once_per_process() -> None:
    store = StartupStore(None)
    assert store.compile(PATTERN, re.I) is store.compile(PATTERN, re.I)


def test_what_the_caller_changes_in_a_result_is_not_stored(tmp_path: Path) -> None:
    path = tmp_path / "startup.bin"
    data = tmp_path / "manifest.json"
    data.write_text("{}", encoding="utf-8")
    first = StartupStore(str(path))
    first.from_file(str(data), "json", lambda where: {"rules": []})["rules"].append("changed by the caller")
    first.save()
    assert StartupStore(str(path)).from_file(str(data), "json", lambda where: {}) == {"rules": []}


@pytest.fixture
def _a_fresh_store_and_no_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> StartupStore:
    store = StartupStore(str(tmp_path / "startup.bin"))
    monkeypatch.setattr(startup_store, "_store", store)
    monkeypatch.delitem(sys.modules, "threading", raising=False)  # restored after the test
    return store


def test_while_a_library_loads_re_compile_takes_the_stores_pattern(_a_fresh_store_and_no_thread: StartupStore) -> None:
    real_compile = re.compile
    with startup_store.compiling_from_the_store():
        built = re.compile(PATTERN + "|loading", re.IGNORECASE)
        assert built is _a_fresh_store_and_no_thread.compile(PATTERN + "|loading", re.IGNORECASE)
    assert re.compile is real_compile
    assert built == real_compile(PATTERN + "|loading", re.IGNORECASE)


def test_while_a_library_loads_other_patterns_go_to_re_compile(_a_fresh_store_and_no_thread: StartupStore) -> None:
    with startup_store.compiling_from_the_store():
        assert re.compile(rb"bytes\d").match(b"bytes1") is not None
        already = re.compile("already compiled")
        assert re.compile(already) is already
    assert list(_a_fresh_store_and_no_thread._compiled) == [("already compiled", 0)]


def test_re_compile_is_restored_when_the_import_fails(_a_fresh_store_and_no_thread: StartupStore) -> None:
    real_compile = re.compile
    with pytest.raises(ImportError):
        with startup_store.compiling_from_the_store():
            raise ImportError("a library that failed to load")
    assert re.compile is real_compile


def test_a_process_running_threads_keeps_re_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading  # noqa: F401  (loaded: another thread could compile meanwhile)

    real_compile = re.compile
    with startup_store.compiling_from_the_store():
        assert re.compile is real_compile


def test_generated_source_is_compiled_once_across_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "startup.bin"
    source = "def __init__(self, a, b=__default_b__):\n  self.a = a\n  self.b = b\n"
    first = StartupStore(str(path))
    first.compile_source(source, "<dataclass Marker>")
    first.save()
    monkeypatch.setattr("builtins.compile", lambda *args, **kwargs: (_ for _ in ()).throw(AssertionError("compiled")))
    code = StartupStore(str(path)).compile_source(source, "<dataclass Marker>")
    namespace: dict[str, object] = {}
    exec(code, {"__default_b__": 7}, namespace)
    holder = type("Marker", (), {"__init__": namespace["__init__"]})(1)
    assert (holder.a, holder.b) == (1, 7) and code.co_filename == "<dataclass Marker>"


def test_other_source_text_is_another_entry(tmp_path: Path) -> None:
    path = tmp_path / "startup.bin"
    first = StartupStore(str(path))
    first.compile_source("x = 1\n", "<generated>")
    first.save()
    namespace: dict[str, object] = {}
    exec(StartupStore(str(path)).compile_source("x = 2\n", "<generated>"), {}, namespace)
    assert namespace["x"] == 2


def test_an_edited_files_older_entries_are_dropped_when_the_store_is_written(tmp_path: Path) -> None:
    path = tmp_path / "startup.bin"
    rule = tmp_path / "rule.py"
    for version in range(3):
        rule.write_text(f"ID = 'X00{version}'\n", encoding="utf-8")
        os.utime(rule, ns=(version * 10**9, version * 10**9))  # a new modification time each edit
        store = StartupStore(str(path))
        store.file_digest(str(rule))
        store.save()
    kept = [key for key in startup_store._read(str(path))["files"] if key[1] == str(rule)]
    assert [key[3] for key in kept] == [2 * 10**9]


def test_entries_of_files_this_run_did_not_read_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "startup.bin"
    first, second = tmp_path / "a.py", tmp_path / "b.py"
    first.write_text("A = 1\n", encoding="utf-8")
    second.write_text("B = 2\n", encoding="utf-8")
    store = StartupStore(str(path))
    store.file_digest(str(first))
    store.save()
    store = StartupStore(str(path))
    store.file_digest(str(second))
    store.save()
    assert {key[1] for key in startup_store._read(str(path))["files"]} == {str(first), str(second)}


def test_another_reading_of_the_same_file_is_kept_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "startup.bin"
    data = tmp_path / "manifest.json"
    data.write_text("1", encoding="utf-8")
    store = StartupStore(str(path))
    store.file_digest(str(data))
    store.from_file(str(data), "text", lambda where: Path(where).read_text(encoding="utf-8"))
    store.save()
    assert {key[0] for key in startup_store._read(str(path))["files"]} == {"sha256", "text"}
