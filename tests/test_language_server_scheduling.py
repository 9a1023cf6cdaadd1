"""When the language server lints, and which findings it publishes (issue 15).

The server's linting process warms up on its own while the editor initialises, and an edit
cancels the lint of the text it replaced. These tests hold a lint at a gate (a file the test
creates when it wants the lint to go on), so that what they check never depends on timing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import pytest

from lsp_client import TIMEOUT, language_server

pytest.importorskip("pygls", reason="the language server needs pygls: pip install -e '.[test]'")

GATED_LINT = '''
import time
from pathlib import Path

from speclint.language_server_worker import cancellation_point, lint_text


def wait_for_the_gate(cancellable):
    deadline = time.monotonic() + 60  # a failing test must not leave this process behind
    while not Path("gate").exists() and time.monotonic() < deadline:
        if cancellable:
            cancellation_point()
        time.sleep(0.01)


def lint_at_the_gate(text, path, display_path):
    """Lints as speclint does, except a text that says GATE: its lint touches the file `at-the-gate`
    and waits there for the file `gate`; if the text says EARLY, it is linted before it waits; if
    it says POLITELY, it stops while it waits once the server cancels its lint. Warming up waits
    likewise when the file `warm-up-gate` exists."""
    if display_path == "warm-up.md" and Path("warm-up-gate").exists():
        wait_for_the_gate(False)
    if "GATE" not in text:
        return lint_text(text, path, display_path)
    early = lint_text(text, path, display_path) if "EARLY" in text else None
    Path("at-the-gate").touch()
    wait_for_the_gate("POLITELY" in text)
    return early if early is not None else lint_text(text, path, display_path)
'''

SERVER = ("import sys; sys.path.insert(0, '.'); import gatedlint; from speclint.language_server import "
          "LintWorker, serve; serve(LintWorker(gatedlint.lint_at_the_gate, budget=600.0))")

PUBLISHED = "textDocument/publishDiagnostics"


def gated_server(tmp_path: Path, server: str = SERVER) -> Any:
    (tmp_path / "gatedlint.py").write_text(GATED_LINT)
    return language_server([sys.executable, "-c", server], tmp_path)


# A server whose pause in typing is ten minutes: whatever it lints before then, it lints at once.
SLOW_TO_PAUSE_SERVER = SERVER.replace("budget=600.0))", "budget=600.0), change_delay=600.0)")


def replace_text(client: Any, uri: str, version: int, text: str) -> None:
    client.notify("textDocument/didChange",
                  {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]})


def round_trip(client: Any, uri: str) -> None:
    """A request the server answers without linting: once answered, it has taken every earlier message."""
    at = {"line": 0, "character": 0}
    assert client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": at, "end": at}, "context": {"diagnostics": []}}) == []


def wait_for_the_lint_at_the_gate(folder: Path) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not (folder / "at-the-gate").exists():
        assert time.monotonic() < deadline, "no lint reached the gate"
        time.sleep(0.01)


def codes(diagnostics: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return [(diagnostic["code"], diagnostic["range"]["start"]["line"]) for diagnostic in diagnostics]


def test_findings_of_a_text_edited_while_it_was_linted_are_never_published(tmp_path: Path) -> None:
    with gated_server(tmp_path) as client:
        uri = (tmp_path / "saved-carts.md").as_uri()
        client.open(uri, "# Saved carts\n\nGATE EARLY: carts are kept for TBD days.\n")
        wait_for_the_lint_at_the_gate(tmp_path)  # version 1 is linted, its findings not yet sent back
        replace_text(client, uri, 2, "# Saved carts\n\nCarts are kept for 30 days.\n\nGuests: TODO\n")
        round_trip(client, uri)
        (tmp_path / "gate").touch()  # the findings of version 1 come back after version 2 arrived

        assert ("PH001", 4) in codes(client.diagnostics(uri, version=2))
        assert [n for n in client.notifications if n["method"] == PUBLISHED and n["params"]["uri"] == uri] == []


def test_an_edit_cancels_the_lint_of_the_text_it_replaced(tmp_path: Path) -> None:
    with gated_server(tmp_path) as client:  # the gate never opens: only cancelling ends that lint
        uri = (tmp_path / "saved-carts.md").as_uri()
        client.open(uri, "# Saved carts\n\nGATE POLITELY: carts are kept for TBD days.\n")
        wait_for_the_lint_at_the_gate(tmp_path)
        replace_text(client, uri, 2, "# Saved carts\n\nGuests: TODO\n")

        assert codes(client.diagnostics(uri, version=2)) == [("PH001", 2)]
        assert [n for n in client.notifications if n["method"] == PUBLISHED and n["params"]["uri"] == uri] == []


def test_after_edits_to_two_documents_each_gets_the_findings_of_its_last_text(tmp_path: Path) -> None:
    with gated_server(tmp_path) as client:
        first, second = (tmp_path / "first.md").as_uri(), (tmp_path / "second.md").as_uri()
        client.open(first, "# First\n\nGATE EARLY: kept for TBD days.\n")
        wait_for_the_lint_at_the_gate(tmp_path)
        client.open(second, "# Second\n\nKept for TBD days.\n")  # its lint waits for the first's
        round_trip(client, second)
        replace_text(client, second, 2, "# Second\n\nKept for 30 days.\n\nOwner: TODO\n")
        replace_text(client, first, 2, "# First\n\nKept for 30 days.\n")
        round_trip(client, first)
        (tmp_path / "gate").touch()

        assert codes(client.diagnostics(second, version=2)) == [("PH001", 4)]
        assert codes(client.diagnostics(first, version=2)) == []
        assert [n for n in client.notifications if n["method"] == PUBLISHED] == []  # none of version 1


def test_the_first_change_after_a_pause_is_linted_at_once(tmp_path: Path) -> None:
    with gated_server(tmp_path, SLOW_TO_PAUSE_SERVER) as client:
        uri = (tmp_path / "saved-carts.md").as_uri()
        client.open(uri, "# Saved carts\n\nCarts are kept for 30 days.\n")
        assert codes(client.diagnostics(uri, version=1)) == []
        replace_text(client, uri, 2, "# Saved carts\n\nGuests: TODO\n")

        assert codes(client.diagnostics(uri, version=2)) == [("PH001", 2)]


def test_a_change_right_after_one_linted_at_once_cancels_that_lint_and_waits_for_the_pause(tmp_path: Path) -> None:
    with gated_server(tmp_path, SLOW_TO_PAUSE_SERVER) as client:  # the gate never opens
        uri = (tmp_path / "saved-carts.md").as_uri()
        client.open(uri, "# Saved carts\n\nCarts are kept for 30 days.\n")
        client.diagnostics(uri, version=1)
        replace_text(client, uri, 2, "# Saved carts\n\nGATE POLITELY: carts are kept for TBD days.\n")
        wait_for_the_lint_at_the_gate(tmp_path)  # version 2 is linted at once
        replace_text(client, uri, 3, "# Saved carts\n\nOwner: TODO\n")  # cancels it; waits ten minutes
        round_trip(client, uri)
        assert [n for n in client.notifications if n["method"] == PUBLISHED and n["params"].get("version") != 1] == []
        client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})  # a save lints at once

        assert codes(client.diagnostics(uri, version=3)) == [("PH001", 2)]
        assert [n for n in client.notifications if n["method"] == PUBLISHED and n["params"].get("version") == 2] == []


def test_initialize_is_answered_while_the_linting_process_warms_up(tmp_path: Path) -> None:
    (tmp_path / "warm-up-gate").touch()  # warming up waits for the gate
    with gated_server(tmp_path) as client:
        capabilities = client.initialize_result["capabilities"]
        assert client.initialize_result["serverInfo"]["name"] == "speclint"
        assert capabilities["codeActionProvider"] and capabilities["hoverProvider"]
        uri = (tmp_path / "saved-carts.md").as_uri()
        client.open(uri, "# Saved carts\n\nCarts are kept for TBD days.\n")
        round_trip(client, uri)
        (tmp_path / "gate").touch()

        assert codes(client.diagnostics(uri, version=1)) == [("PH001", 2)]


PYGLS_PROBE = '''
import sys

from speclint.language_server_worker import lint_text


def lint_and_list_pygls(text, path, display_path):
    findings, errors = lint_text(text, path, display_path)
    loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("pygls", "lsprotocol"))
    return findings, errors + [f"loaded: {loaded}"]
'''


def test_the_linting_process_imports_neither_pygls_nor_lsprotocol(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from speclint.language_server_worker import LintWorker

    (tmp_path / "pyglsprobe.py").write_text(PYGLS_PROBE)
    monkeypatch.syspath_prepend(str(tmp_path))
    import pyglsprobe  # type: ignore[import-not-found]

    worker = LintWorker(pyglsprobe.lint_and_list_pygls)
    try:
        outcome = worker.lint("# Saved carts\n\nCarts are kept for TBD days.\n", None, "saved-carts.md")
    finally:
        worker.stop()

    assert outcome is not None
    assert [finding.rule_id for finding in outcome.findings] == ["PH001"]
    assert outcome.errors[-1] == "loaded: []"


def test_a_lint_cancelled_before_it_starts_gives_nothing_and_the_next_one_runs() -> None:
    from speclint.language_server_worker import LintWorker

    worker = LintWorker()
    try:
        stale, fresh = worker.new_ticket(), worker.new_ticket()
        worker.warm_up()
        worker.cancel(stale)
        cancelled = worker.lint("# Saved carts\n\nKept for TBD days.\n", None, "saved-carts.md", stale)
        outcome = worker.lint("# Saved carts\n\nGuests: TODO\n", None, "saved-carts.md", fresh)
    finally:
        worker.stop()

    assert cancelled is None
    assert outcome is not None and [(f.rule_id, f.span.start.line) for f in outcome.findings] == [("PH001", 3)]
