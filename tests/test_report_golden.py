"""Golden outputs: every format on the reporting fixtures, compared byte for byte.

The fixtures (tests/fixtures/reports) hold a spec with findings on one line, over several lines
(front matter) and at a point, in a table cell after wide characters; a clean file; and a nested
file. The rules are the test rules of reporting_rules.py, so these outputs only change when a
reporter changes. The time taken and the temporary folder are normalized, and the version is fixed. After an intended change:

    SPECLINT_UPDATE_GOLDEN=1 python -m pytest tests/test_report_golden.py

then read the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from reporting import GOLDEN, UPDATE_GOLDEN_VARIABLE, copy_fixtures, run_check, use_rules

FORMATS = {"concise": "txt", "full": "txt", "json": "json", "sarif": "sarif", "github": "txt"}
GOLDEN_VERSION = "1.2.3"  # so that a release does not change the golden outputs


@pytest.fixture(autouse=True)
def fixed_version(monkeypatch: pytest.MonkeyPatch) -> None:
    import speclint.cli.check

    monkeypatch.setattr(speclint.cli.check, "__version__", GOLDEN_VERSION)


def normalize(text: str, root: Path) -> str:
    text = text.replace(root.resolve().as_uri(), "file:///WORKSPACE")
    text = re.sub(r"in \d+\.\d\ds", "in 0.00s", text)  # the full format's summary line
    return re.sub(r'"elapsed_seconds": [0-9.e-]+', '"elapsed_seconds": 0.0', text)


def compare_with_golden(name: str, actual: str) -> None:
    golden = GOLDEN / name
    if os.environ.get(UPDATE_GOLDEN_VARIABLE):
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}: run with {UPDATE_GOLDEN_VARIABLE}=1 to create it"
    assert actual == golden.read_text(encoding="utf-8"), (
        f"{name} differs from the golden output; if the change is intended, run "
        f"{UPDATE_GOLDEN_VARIABLE}=1 python -m pytest tests/test_report_golden.py and review the diff"
    )


@pytest.mark.parametrize("output_format", FORMATS)
def test_format_matches_golden_output(
    output_format: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_fixtures(tmp_path)
    monkeypatch.chdir(tmp_path)
    use_rules(monkeypatch)
    run = run_check(["--format", output_format, "docs"])
    assert run.exit_code == 1, run.stderr
    assert run.stderr == ""
    compare_with_golden(f"report.{output_format}.{FORMATS[output_format]}", normalize(run.stdout, tmp_path))


def test_full_format_in_colour_matches_golden_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_fixtures(tmp_path)
    monkeypatch.chdir(tmp_path)
    use_rules(monkeypatch)
    run = run_check(["--format", "full", "--color", "always", "docs/checkout.md"])
    compare_with_golden("report.full-color.txt", normalize(run.stdout, tmp_path))


def test_statistics_match_golden_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_fixtures(tmp_path)
    monkeypatch.chdir(tmp_path)
    use_rules(monkeypatch)
    run = run_check(["--format", "concise", "--statistics", "docs"])
    compare_with_golden("report.statistics.txt", normalize(run.stdout, tmp_path))
