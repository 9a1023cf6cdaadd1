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
