"""The results cache: an unchanged file is not linted again; anything its findings depend on is part
of the key, so a cached result is never stale; a broken cache never breaks a run.

Whether a file was linted is observed by counting calls of the parser (the first step of linting
a file), never by timing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from speclint.cli import cli
from speclint.engine import cache as cache_module
from speclint.engine import runner

WITH_TBD = "# Checkout\n\nRetry limit: TBD\n"
OPTIONS = ["--format", "concise", "--select", "PH001,MD001,ST001"]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SPECLINT_CACHE_DIR", raising=False)
    return tmp_path


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The display paths of the files the runner parsed (linted rather than taken from the cache)."""
    paths: list[str] = []
    real_parse = runner.parse

    def counting_parse(text: str, path: str = "<string>") -> object:
        paths.append(path)
        return real_parse(text, path)

    monkeypatch.setattr(runner, "parse", counting_parse)
    return paths


def check(*args: str) -> Result:
    return CliRunner().invoke(cli, ["check", *OPTIONS, *args])


def test_second_run_of_an_unchanged_file_comes_from_the_cache_with_the_same_report(
    workdir: Path, parsed: list[str]
) -> None:
    (workdir / "spec.md").write_text(WITH_TBD)
    first = check("spec.md")
    second = check("spec.md")
    assert parsed == ["spec.md"]
    assert (second.exit_code, second.stdout) == (first.exit_code, first.stdout)
    assert "PH001" in second.stdout


def test_cache_lives_in_speclint_cache_with_a_gitignore_that_ignores_everything(workdir: Path) -> None:
    (workdir / "spec.md").write_text(WITH_TBD)
    check("spec.md")
    assert (workdir / ".speclint_cache" / ".gitignore").read_text().splitlines()[-1] == "*"


def test_no_cache_lints_again_and_writes_no_cache(workdir: Path, parsed: list[str]) -> None:
    (workdir / "spec.md").write_text(WITH_TBD)
    check("--no-cache", "spec.md")
    check("--no-cache", "spec.md")
    assert parsed == ["spec.md", "spec.md"]
    assert not (workdir / ".speclint_cache").exists()


def test_cache_dir_option_and_environment_choose_the_location(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (workdir / "spec.md").write_text(WITH_TBD)
    check("--cache-dir", "from-option", "spec.md")
    monkeypatch.setenv("SPECLINT_CACHE_DIR", str(workdir / "from-environment"))
    check("spec.md")
    assert (workdir / "from-option" / ".gitignore").exists()
    assert (workdir / "from-environment" / ".gitignore").exists()
    assert not (workdir / ".speclint_cache").exists()


def test_cache_dir_in_the_configuration_is_relative_to_it(workdir: Path) -> None:
    (workdir / ".speclint.yaml").write_text("cache-dir: build/speclint\n")
    (workdir / "spec.md").write_text(WITH_TBD)
    check("spec.md")
    assert (workdir / "build" / "speclint" / ".gitignore").exists()


def test_changed_file_is_linted_again(workdir: Path, parsed: list[str]) -> None:
    spec = workdir / "spec.md"
    spec.write_text(WITH_TBD)
    check("spec.md")
    spec.write_text("# Checkout\n\nRetry limit: three attempts.\n")
    second = check("spec.md")
    assert parsed == ["spec.md", "spec.md"]
    assert "PH001" not in second.stdout


def test_changed_configuration_is_applied(workdir: Path) -> None:
    (workdir / "spec.md").write_text(WITH_TBD)
    assert "PH001" in check("spec.md").stdout
    (workdir / ".speclint.yaml").write_text("rules:\n  PH001: off\n")
    assert "PH001" not in check("spec.md").stdout


PLUGIN = """
\"\"\"House rules.\"\"\"

import re

from speclint.rule import Category, Level, Rule, Violation
from speclint.text import find_all, iter_prose


class NoWord(Rule):
    \"\"\"Flags one word.

    **What it flags.** The word. **Why it matters.** The team said so.
    \"\"\"

    id = "XX001"
    name = "no-word"
    category = Category.WORDING
    default_level = Level.ERROR

    def check(self, document, context):
        for prose in iter_prose(document):
            for match, span in find_all(re.compile("{word}"), prose.segments):
                yield Violation(span, "{word} found")
"""


def test_changed_plugin_file_is_applied(workdir: Path, parsed: list[str]) -> None:
    (workdir / ".speclint.yaml").write_text("plugins: [house_rules.py]\n")
    (workdir / "house_rules.py").write_text(PLUGIN.format(word="Checkout"))
    (workdir / "spec.md").write_text(WITH_TBD)
    first = CliRunner().invoke(cli, ["check", "--format", "concise", "--select", "XX001", "spec.md"])
    (workdir / "house_rules.py").write_text(PLUGIN.format(word="Retry"))
    second = CliRunner().invoke(cli, ["check", "--format", "concise", "--select", "XX001", "spec.md"])
    assert parsed == ["spec.md", "spec.md"]
    assert "Checkout found" in first.stdout
    assert "Retry found" in second.stdout


def test_another_speclint_version_does_not_read_the_entries(
    workdir: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (workdir / "spec.md").write_text(WITH_TBD)
    check("spec.md")
    monkeypatch.setattr(cache_module, "__version__", "99.0.0")
    check("spec.md")
    assert parsed == ["spec.md", "spec.md"]


def test_changed_companion_kep_yaml_is_read_again(workdir: Path, parsed: list[str]) -> None:
    folder = workdir / "keps" / "1234-thing"
    folder.mkdir(parents=True)
    (folder / "README.md").write_text("# KEP-1234: Thing\n\n## Summary\n\nA thing.\n")
    (folder / "kep.yaml").write_text("title: Thing\nkep-number: 1234\n")
    CliRunner().invoke(cli, ["check", "--format", "concise", "keps"])
    (folder / "kep.yaml").write_text("title: Thing\nkep-number: 1234\nstatus: implementable\n")
    CliRunner().invoke(cli, ["check", "--format", "concise", "keps"])
    assert parsed == ["keps/1234-thing/README.md", "keps/1234-thing/README.md"]


def test_baseline_applies_to_cached_findings(workdir: Path) -> None:
    (workdir / "spec.md").write_text(WITH_TBD)
    check("spec.md")
    check("--write-baseline", "baseline.json", "spec.md")
    result = check("--baseline", "baseline.json", "spec.md")
    assert (result.exit_code, result.stdout) == (0, "")


def test_corrupt_entries_are_linted_again_and_replaced(workdir: Path, parsed: list[str]) -> None:
    (workdir / "spec.md").write_text(WITH_TBD)
    first = check("spec.md")
    entries = [path for path in (workdir / ".speclint_cache").rglob("*") if path.is_file() and path.name != ".gitignore"]
    assert entries
    for entry in entries:
        entry.write_bytes(b"\x80\x04not a pickle")
    second = check("spec.md")
    third = check("spec.md")
    assert (second.exit_code, second.stdout) == (first.exit_code, first.stdout)
    assert parsed == ["spec.md", "spec.md"]  # the third run read the entry the second one rewrote
    assert third.stdout == first.stdout


def test_cache_location_that_cannot_be_a_folder_lints_without_it_and_verbose_says_so(workdir: Path) -> None:
    (workdir / "spec.md").write_text(WITH_TBD)
    (workdir / "not-a-folder").write_text("")
    result = CliRunner().invoke(cli, ["check", *OPTIONS, "-v", "--cache-dir", "not-a-folder/cache", "spec.md"])
    assert result.exit_code == 1
    assert "PH001" in result.stdout
    assert "results cache not-a-folder/cache cannot be used" in result.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write a read-only folder")
def test_read_only_cache_lints_without_it(workdir: Path) -> None:
    (workdir / "spec.md").write_text(WITH_TBD)
    check("spec.md")
    cache_folder = workdir / ".speclint_cache"
    for folder in [cache_folder, *[path for path in cache_folder.rglob("*") if path.is_dir()]]:
        folder.chmod(0o555)
    try:
        (workdir / "spec.md").write_text(WITH_TBD + "\nOwner: TBD\n")
        result = check("spec.md")
    finally:
        for folder in [cache_folder, *[path for path in cache_folder.rglob("*") if path.is_dir()]]:
            folder.chmod(0o755)
    assert result.stdout.count("PH001") == 2


def test_two_processes_sharing_a_cache_both_report_what_an_uncached_run_reports(tmp_path: Path) -> None:
    for index in range(12):
        (tmp_path / f"spec-{index}.md").write_text(WITH_TBD + f"\nOwner {index}: TBD\n")
    command = [sys.executable, "-m", "speclint", "check", *OPTIONS]
    environment = {**os.environ, "SPECLINT_CACHE_DIR": str(tmp_path / "shared-cache")}
    uncached = subprocess.run([*command, "--no-cache", "."], cwd=tmp_path, capture_output=True, text=True)
    together = [
        subprocess.Popen([*command, "."], cwd=tmp_path, env=environment, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [process.communicate()[0] for process in together]
    afterwards = subprocess.run([*command, "."], cwd=tmp_path, env=environment, capture_output=True, text=True)
    assert outputs == [uncached.stdout, uncached.stdout]
    assert afterwards.stdout == uncached.stdout
    leftovers = [path.name for path in (tmp_path / "shared-cache").rglob(".tmp-*")]
    assert leftovers == []


def test_an_entry_this_user_did_not_write_is_never_unpickled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pull request can commit a cache folder; its entries must not run code in CI (issue 17)."""
    import pickle

    from speclint.engine.cache import open_cache

    monkeypatch.setenv("SPECLINT_CACHE_SECRET_DIR", str(tmp_path / "secret"))
    cache, problem = open_cache(tmp_path / "cache", [])
    assert cache is not None, problem
    marker = tmp_path / "unpickled"

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str, str]]:
            return (open, (str(marker), "w"))

    entry = cache.directory / "entry"
    cache._entry_path = lambda key: entry  # type: ignore[method-assign]
    for forged in (pickle.dumps(Payload()), b"\0" * 32 + pickle.dumps(Payload())):  # old format, new format
        entry.write_bytes(forged)

        assert cache.load("key") is None
        assert not marker.exists()


@pytest.mark.parametrize("key_length", [0, 1, 32, 64, 65, 200])
def test_entries_are_signed_with_hmac_sha256(key_length: int) -> None:
    """The signature is computed without OpenSSL (a one-file run's start-up) and is the standard one."""
    import hmac

    secret, payload = os.urandom(key_length), os.urandom(1000)
    assert cache_module._sign(secret, payload) == hmac.digest(secret, payload, "sha256")


def test_equal_settings_give_the_same_key_text_whatever_their_order() -> None:
    first = {"rules": {"PH001": {"level": "error", "markers": ["TODO", "TBD"]}}, "preview": False, "tags": {"b", "a"}}
    second = {"tags": {"a", "b"}, "preview": False, "rules": {"PH001": {"markers": ["TODO", "TBD"], "level": "error"}}}
    assert cache_module._stable(first) == cache_module._stable(second)
    assert cache_module._stable(first) != cache_module._stable({**first, "preview": True})
