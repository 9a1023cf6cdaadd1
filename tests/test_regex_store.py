"""speclint.regex_store keeps compiled pattern code between runs, as `.pyc` files keep compiled
Python: a pattern built from the store is the pattern `re.compile` builds, and a store that is
missing, corrupt, foreign or unwritable costs only the compile."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

import speclint.regex_store as regex_store
from speclint.regex_store import RegexStore

PATTERN = r"(?P<word>\b(?:TODO|TBD|FIXME)\b)|\?{2,}"


@pytest.fixture(autouse=True)
def _bytecode_may_be_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def _saved(path: Path, pattern: str = PATTERN, flags: int = 0) -> None:
    store = RegexStore(str(path))
    store.compile(pattern, flags)
    store.save()


def _compile_must_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(pattern: str, flags: int = 0) -> re.Pattern[str]:
        raise AssertionError(f"re.compile({pattern!r}) ran; the stored code was not used")

    monkeypatch.setattr(regex_store.re, "compile", refuse)


def test_a_pattern_built_from_the_store_is_the_one_re_compile_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "regex-code.bin"
    _saved(path, PATTERN, re.IGNORECASE)
    expected = re.compile(PATTERN, re.IGNORECASE)
    _compile_must_not_run(monkeypatch)
    built = RegexStore(str(path)).compile(PATTERN, re.IGNORECASE)
    assert built == expected
    assert built.groupindex == expected.groupindex and built.flags == expected.flags
    assert [m.span() for m in built.finditer("a todo, ?? and tbd")] == [(2, 6), (8, 10), (15, 18)]


def test_the_same_text_with_other_flags_is_another_entry(tmp_path: Path) -> None:
    path = tmp_path / "regex-code.bin"
    _saved(path, "todo", 0)
    built = RegexStore(str(path)).compile("todo", re.IGNORECASE)
    assert built.search("TODO") is not None


def test_required_literals_are_worked_out_once_across_runs(tmp_path: Path) -> None:
    path = tmp_path / "regex-code.bin"
    calls: list[str] = []

    def compute(pattern: str, flags: int) -> tuple[tuple[str, ...], bool]:
        calls.append(pattern)
        return ("todo",), True

    first = RegexStore(str(path))
    assert first.literals("todo|x", 2, compute) == (("todo",), True)
    first.save()
    assert RegexStore(str(path)).literals("todo|x", 2, compute) == (("todo",), True)
    assert calls == ["todo|x"]


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\x00" * 64])
def test_a_corrupt_file_is_ignored(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "regex-code.bin"
    path.write_bytes(content)
    assert RegexStore(str(path)).compile(PATTERN) == re.compile(PATTERN)


def test_a_file_whose_payload_does_not_match_its_checksum_is_ignored(tmp_path: Path) -> None:
    import marshal

    path = tmp_path / "regex-code.bin"
    _saved(path)
    stamp, checksum, payload = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps((stamp, checksum + 1, payload)))
    assert regex_store._read(str(path)) == ({}, {})


def test_a_file_written_by_another_python_build_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "regex-code.bin"
    real_stamp = regex_store._stamp
    monkeypatch.setattr(regex_store, "_stamp", lambda: (*real_stamp()[:-1], "another build"))
    _saved(path)
    monkeypatch.setattr(regex_store, "_stamp", real_stamp)
    assert regex_store._read(str(path)) == ({}, {})


def test_code_the_engine_rejects_is_compiled_again(tmp_path: Path) -> None:
    path = tmp_path / "regex-code.bin"
    final_flags, code, groups, group_index, index_group = regex_store._parts_of(PATTERN, 0)
    broken = (final_flags, [*code[:-1], 99999], groups, group_index, index_group)
    path.write_bytes(regex_store._encode({(PATTERN, 0): broken}, {}))
    assert RegexStore(str(path)).compile(PATTERN) == re.compile(PATTERN)


def test_nothing_is_written_when_python_may_not_write_bytecode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    path = tmp_path / "regex-code.bin"
    _saved(path)
    assert not path.exists()


def test_an_unwritable_place_is_left_alone(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    path = blocker / "regex-code.bin"  # its folder cannot be created
    store = RegexStore(str(path))
    assert store.compile(PATTERN) == re.compile(PATTERN)
    store.save()
    assert not path.exists() and os.listdir(tmp_path) == ["a-file"]


def test_two_runs_sharing_the_store_keep_both_patterns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "regex-code.bin"
    first, second = RegexStore(str(path)), RegexStore(str(path))
    first.compile("first")
    second.compile("second")
    first.save()
    second.save()
    _compile_must_not_run(monkeypatch)
    reread = RegexStore(str(path))
    assert reread.compile("first").pattern == "first" and reread.compile("second").pattern == "second"
