"""Start-up stays light for a pre-commit hook: a command imports only what it uses.

Each test runs the CLI in a fresh interpreter and lists the modules loaded by the end (no timing:
speed is measured by bench/bench.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = ("mistune", "ruamel", "jsonschema")

PROBE = """
import json, sys
from speclint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(%r))
print(json.dumps(heavy), file=sys.stderr)
""" % (HEAVY,)


def heavy_modules_loaded(*args: str, cwd: Path) -> list[str]:
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    return json.loads(completed.stderr.strip().splitlines()[-1])


def test_version_imports_no_parser_yaml_or_schema_library(tmp_path: Path) -> None:
    assert heavy_modules_loaded("--version", cwd=tmp_path) == []


def test_help_imports_no_parser_yaml_or_schema_library(tmp_path: Path) -> None:
    assert heavy_modules_loaded("check", "--help", cwd=tmp_path) == []


RULE_MODULES_PROBE = """
import json, sys
from speclint.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exit:
    code = exit.code
rule_modules = [name for name in sys.modules if name.startswith("speclint.rules.") and name.count(".") > 2]
print(json.dumps([code, len(rule_modules)]), file=sys.stderr)
"""

CHANGELOG = "# Changelog\n\n## 1.2.0\n\n- Fixed the login button.\n- Added dark mode.\n\n## 1.1.0\n\n- First release.\n"


def rule_modules_loaded(*args: str, cwd: Path) -> tuple[int, int]:
    completed = subprocess.run(
        [sys.executable, "-c", RULE_MODULES_PROBE, *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    code, count = json.loads(completed.stderr.strip().splitlines()[-1])
    return code, count


def test_checking_a_file_that_is_not_a_specification_imports_no_rule_module(tmp_path: Path) -> None:
    (tmp_path / "CHANGELOG.md").write_text(CHANGELOG, encoding="utf-8")
    assert rule_modules_loaded("check", "--no-cache", "CHANGELOG.md", cwd=tmp_path) == (0, 0)


def test_its_sarif_report_still_lists_the_default_rules(tmp_path: Path) -> None:
    (tmp_path / "CHANGELOG.md").write_text(CHANGELOG, encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "speclint", "check", "--no-cache", "--format", "sarif", "CHANGELOG.md"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    rules = json.loads(completed.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert completed.returncode == 0
    assert "PH001" in [rule["id"] for rule in rules] and len(rules) > 40


LIBRARIES_PROBE = """
import json, sys
from speclint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(name for name in ("_hashlib", "hmac", "pickle", "dataclasses", "inspect", "datetime")
                        if name in sys.modules)), file=sys.stderr)
"""


def libraries_loaded(*args: str, cwd: Path) -> list[str]:
    completed = subprocess.run(
        [sys.executable, "-c", LIBRARIES_PROBE, *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    return json.loads(completed.stderr.strip().splitlines()[-1])


SPEC = "# Spec\n\n## Requirements\n\n- The system shall export CSV.\n- 1. nested\n\n*Note* [a link](#spec).\n"


def test_results_cache_loads_neither_openssl_nor_the_python_pickler(tmp_path: Path) -> None:
    (tmp_path / "spec.md").write_text(SPEC, encoding="utf-8")
    loaded = libraries_loaded("check", "--cache-dir", str(tmp_path / "cache"), "spec.md", cwd=tmp_path)
    assert not {"_hashlib", "hmac", "pickle"} & set(loaded)


def test_checking_a_specification_imports_neither_dataclasses_nor_inspect(tmp_path: Path) -> None:
    (tmp_path / "spec.md").write_text(SPEC, encoding="utf-8")
    loaded = libraries_loaded("check", "--cache-dir", str(tmp_path / "cache"), "spec.md", cwd=tmp_path)
    assert not {"dataclasses", "inspect"} & set(loaded)
