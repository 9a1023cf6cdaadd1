"""rules/manifest.json lets a run choose its rules without importing every rule module, and load the
built-in profiles without ruamel.yaml. It is only a shortcut: a rule or profile edited since the
manifest was written is imported or parsed as before, never described wrongly."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import speclint.engine.registry as registry_module
from speclint.engine.profiles import _profiles_dir, builtin_profile_names, load_profile_file, profile_from_data
from speclint.engine.rule import Group
from speclint.lazy_regex import LazyPattern, lazy_compile

MANIFEST = Path(registry_module.__file__).resolve().parents[2] / "rules" / "manifest.json"


def test_the_manifest_is_up_to_date() -> None:
    written = json.loads(MANIFEST.read_text(encoding="utf-8"))
    assert written == registry_module.rule_manifest(), "run: python -m speclint.engine.registry > rules/manifest.json"


def test_a_described_rule_is_the_rule_its_class_declares() -> None:
    described = registry_module._load_registry(registry_module._built_in_descriptions())
    imported = registry_module._load_registry({})
    assert described.entries() and all(isinstance(entry, registry_module.DescribedRule) for entry in described.entries())
    for entry in described.entries():
        rule = imported.get(entry.id)
        assert rule is not None
        assert (entry.id, entry.name, entry.aliases, entry.category, entry.group) == (
            rule.id, rule.name, rule.aliases, rule.category, rule.group)
        assert described.get(entry.name) is rule  # imported on demand: the very same class


def test_a_rule_edited_since_the_manifest_is_imported_not_described(monkeypatch: pytest.MonkeyPatch) -> None:
    real_digest = registry_module._file_digest
    monkeypatch.setattr(registry_module, "_file_digest",
                        lambda path: "edited" if path.endswith("unresolved_marker.py") else real_digest(path))
    registry = registry_module._load_registry(registry_module._built_in_descriptions())
    kinds = {getattr(entry, "id"): type(entry) for entry in registry.entries()}
    assert kinds["PH001"] is not registry_module.DescribedRule
    assert kinds["ST001"] is registry_module.DescribedRule


def test_enabled_rules_import_only_their_own_modules() -> None:
    registry = registry_module._load_registry(registry_module._built_in_descriptions())
    enabled = registry.enabled(preview=False)
    assert enabled and all(rule.group != Group.PREVIEW for rule in enabled)
    remaining = [entry for entry in registry.entries() if isinstance(entry, registry_module.DescribedRule)]
    assert remaining and all(entry.group == Group.PREVIEW for entry in remaining)
    assert {rule.id for rule in registry.enabled(preview=True)} == {entry.id for entry in registry.entries()}


def test_a_registry_with_described_rules_goes_to_worker_processes() -> None:
    registry = registry_module._load_registry(registry_module._built_in_descriptions())
    copy = pickle.loads(pickle.dumps(registry))
    assert [rule.id for rule in copy.sorted()] == [rule.id for rule in registry.sorted()]


def test_profiles_from_the_manifest_are_those_their_yaml_files_give() -> None:
    for name in builtin_profile_names():
        path = _profiles_dir() / f"{name}.yaml"
        data = registry_module.built_in_profile_data(name, str(path))
        assert data is not None, name
        assert profile_from_data(data, str(path), validate=False) == load_profile_file(path, validate=False)


def test_a_profile_edited_since_the_manifest_is_read_from_its_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry_module, "_file_digest", lambda path: "edited")
    assert registry_module.built_in_profile_data("prd", str(_profiles_dir() / "prd.yaml")) is None


def test_a_default_run_on_one_file_imports_no_preview_rule_and_no_yaml_library(tmp_path: Path) -> None:
    (tmp_path / "spec.md").write_text("# Spec\n\n## Problem\n\nUsers wait.\n", encoding="utf-8")
    probe = (
        "import sys\nfrom speclint.cli import main\n"
        "try:\n    main(['check', '--no-cache', '--isolated', 'spec.md'])\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    completed = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=False)
    loaded = set(completed.stderr.strip().splitlines()[-1].split())
    registry = registry_module._load_registry(registry_module._built_in_descriptions())
    preview_modules = {entry.rule_module for entry in registry.entries()
                       if isinstance(entry, registry_module.DescribedRule) and entry.group == Group.PREVIEW}
    default_modules = {entry.rule_module for entry in registry.entries()
                       if isinstance(entry, registry_module.DescribedRule) and entry.group == Group.DEFAULT}
    assert preview_modules and not preview_modules & loaded
    assert default_modules <= loaded
    assert "ruamel" not in {name.split(".")[0] for name in loaded}


# --- lazily compiled patterns ------------------------------------------------------------------------


def test_a_lazy_pattern_matches_as_the_compiled_one() -> None:
    lazy = lazy_compile(r"\b(TBD|TODO)\b", 2)
    compiled = __import__("re").compile(r"\b(TBD|TODO)\b", 2)
    text = "Owner: tbd. Date: TODO"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub("x", text) == compiled.sub("x", text)
    assert lazy.groups == compiled.groups and lazy.pattern == compiled.pattern


def test_a_lazy_pattern_compiles_on_first_use_only() -> None:
    lazy = lazy_compile(r"[")  # not a valid expression: nothing fails until it is used
    assert isinstance(lazy, LazyPattern) and lazy.pattern == "["
    with pytest.raises(Exception):
        lazy.search("[")


def test_a_lazy_pattern_pickles() -> None:
    lazy = lazy_compile(r"a+", 2)
    copy = pickle.loads(pickle.dumps(lazy))
    assert copy.fullmatch("AAA") and (copy.pattern, copy.flags) == ("a+", 2)


def test_a_warm_up_compiles_every_lazy_pattern_of_the_loaded_modules() -> None:
    import speclint.reading.normative as normative
    from speclint.lazy_regex import compile_loaded

    lazy = [value for value in vars(normative).values() if isinstance(value, LazyPattern)]
    assert lazy
    compile_loaded()
    assert all(pattern._compiled is not None for pattern in lazy)
    assert compile_loaded() == 0  # nothing left to compile
