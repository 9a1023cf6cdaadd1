"""The plugin attack through the language server: an editor opens any folder, so merely opening a
document must run no code from it. The server imports no Python plugin unless the workspace is
trusted (it was started with SPECLINT_TRUST_PLUGINS=1), and even then never from a nested configuration.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from lsp_client import language_server
from test_security_trust import evil_plugin

pytest.importorskip("pygls", reason="the language server needs pygls: pip install -e '.[test]'")

SPEC = "# Refunds\n\nOwner: TBD.\n"


def _environment(trusted: bool) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if key != "SPECLINT_TRUST_PLUGINS"}
    if trusted:
        environment["SPECLINT_TRUST_PLUGINS"] = "1"
    return environment


def _open_and_read(workspace: Path, trusted: bool, uri: str) -> tuple[list[dict], list[str]]:
    """The diagnostics published for the opened document, and the messages the server showed."""
    with language_server([sys.executable, "-m", "speclint", "server"], workspace, env=_environment(trusted)) as server:
        server.open(uri, SPEC)
        diagnostics = server.diagnostics(uri, version=1)
        shown = [n["params"]["message"] for n in server.notifications if n["method"] == "window/showMessage"]
    return diagnostics, shown


def test_opening_a_document_under_a_nested_plugin_configuration_runs_no_code(tmp_path: Path) -> None:
    marker = tmp_path / "plugin-was-imported"
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / ".speclint.yaml").write_text("plugins: [evil.py]\n")
    (tmp_path / "docs" / "evil.py").write_text(evil_plugin(marker))

    diagnostics, shown = _open_and_read(tmp_path, trusted=True, uri=(tmp_path / "docs" / "spec.md").as_uri())

    assert diagnostics == []
    assert len(shown) == 1 and "never from a nested configuration" in shown[0]
    assert not marker.exists()


def test_an_untrusted_workspace_imports_no_plugin_even_from_the_root_configuration(tmp_path: Path) -> None:
    marker = tmp_path / "plugin-was-imported"
    (tmp_path / ".git").mkdir()
    (tmp_path / ".speclint.yaml").write_text("plugins: [house.py]\n")
    (tmp_path / "house.py").write_text(evil_plugin(marker))

    diagnostics, shown = _open_and_read(tmp_path, trusted=False, uri=(tmp_path / "spec.md").as_uri())

    assert diagnostics == []
    assert len(shown) == 1 and "SPECLINT_TRUST_PLUGINS=1" in shown[0] and "house.py" in shown[0]
    assert not marker.exists()


def test_a_trusted_workspace_loads_the_root_configuration_plugin(tmp_path: Path) -> None:
    marker = tmp_path / "plugin-was-imported"
    (tmp_path / ".git").mkdir()
    (tmp_path / ".speclint.yaml").write_text("plugins: [house.py]\n")
    (tmp_path / "house.py").write_text(evil_plugin(marker))

    diagnostics, shown = _open_and_read(tmp_path, trusted=True, uri=(tmp_path / "spec.md").as_uri())

    assert shown == []
    assert "PH001" in {diagnostic["code"] for diagnostic in diagnostics}
    assert marker.exists()
