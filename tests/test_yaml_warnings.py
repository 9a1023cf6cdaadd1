"""YAML that is valid but odd (a reused anchor) is linted without Python warnings on stderr."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_reused_anchor_in_front_matter_prints_no_python_warning(tmp_path: Path) -> None:
    # A subprocess, because pytest captures warnings itself and would hide the leak in-process.
    document = tmp_path / "prd.md"
    document.write_text("---\ntitle: &a Checkout\nstatus: &a draft\n---\n# Checkout\n\nText.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "speclint", "check", "--isolated", "--no-cache", str(document)],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Warning" not in result.stderr
    assert "&a" not in result.stderr  # the warning quoted the document's lines
