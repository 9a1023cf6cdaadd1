"""`speclint server`, driven like an editor drives it: real LSP messages over a pipe.

Each test starts `python -m speclint server` as a subprocess and talks JSON-RPC to it with
`Content-Length` framing: initialize, open a document, read the published diagnostics, ask for
code actions, shut down. Every wait has a timeout, and the process is killed if it outlives the
test, so a broken server fails a test instead of hanging the suite.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from conftest import md

pytest.importorskip("pygls", reason="the language server needs pygls: pip install -e '.[test]'")

TIMEOUT = 20.0  # seconds for any one answer; generous for a slow CI machine, finite by design


class LspClient:
    """A minimal LSP client: framed JSON-RPC over the server's stdin and stdout."""

    def __init__(self, process: subprocess.Popen[bytes], log: Path) -> None:
        self.process = process
        self.log = log  # the server's standard error (a file: a full pipe would block the server)
        self.incoming: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        try:
            while True:
                headers: dict[str, str] = {}
                while True:
                    line = stream.readline()
                    if not line:
                        self.incoming.put(None)  # the server closed its output
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    headers[name.strip().lower()] = value.strip()
                body = stream.read(int(headers["content-length"]))
                self.incoming.put(json.loads(body.decode("utf-8")))
        except (ValueError, KeyError, OSError):
            self.incoming.put(None)

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any] | None = None) -> None:
        self.send({"method": method, **({"params": params} if params is not None else {})})

    def _next_message(self) -> dict[str, Any]:
        try:
            message = self.incoming.get(timeout=TIMEOUT)
        except queue.Empty:
            raise AssertionError(f"the server sent nothing for {TIMEOUT:.0f}s") from None
        if message is None:
            raise AssertionError(f"the server closed its output\n{self.log.read_text(errors='replace')}")
        if "method" in message and "id" not in message:
            self.notifications.append(message)
        return message

    def request(self, method: str, params: dict[str, Any] | None = None) -> Any:
        self.next_id += 1
        request_id = self.next_id
        self.send({"id": request_id, "method": method, "params": params})
        while True:
            message = self._next_message()
            if message.get("id") == request_id and "method" not in message:
                assert "error" not in message, message["error"]
                return message.get("result")
            if "method" in message and "id" in message:  # a request from the server: say no
                self.send({"id": message["id"], "result": None})

    def wait_for(self, method: str, matches: Callable[[dict[str, Any]], bool] = lambda params: True) -> dict[str, Any]:
        """The params of the next notification `method` that `matches` (earlier ones included)."""
        for seen in self.notifications:
            if seen["method"] == method and matches(seen["params"]):
                self.notifications.remove(seen)
                return seen["params"]
        while True:
            message = self._next_message()
            if message.get("method") == method and "id" not in message and matches(message["params"]):
                self.notifications.remove(message)
                return message["params"]

    # --- the editor's side of a session ---

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "markdown", "version": version, "text": text}},
        )

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict[str, Any]]:
        params = self.wait_for(
            "textDocument/publishDiagnostics",
            lambda params: params["uri"] == uri and (version is None or params.get("version") == version),
        )
        return params["diagnostics"]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LspClient]:
    log = tmp_path / "server.log"
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "speclint", "server"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, cwd=tmp_path,
        )
    client = LspClient(process, log)
    try:
        client.initialize_result = client.request(  # type: ignore[attr-defined]
            "initialize",
            {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}, "clientInfo": {"name": "pytest"}},
        )
        client.notify("initialized", {})
        yield client
        assert client.request("shutdown") is None
        client.notify("exit")
        assert process.wait(timeout=TIMEOUT) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=TIMEOUT)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()


SPEC = md(
    """
    # Saved carts

    ## Requirements

    - A signed-in shopper's cart is kept for TBD days.
    - A cart holds at most 100 items.
    """
)


@pytest.fixture
def spec_uri(tmp_path: Path) -> str:
    return (tmp_path / "specs" / "saved-carts.md").as_uri()


def apply(text: str, edits: list[dict[str, Any]]) -> str:
    """Apply LSP text edits (positions in UTF-16 units, as no other encoding was negotiated)."""
    lines = text.splitlines(keepends=True)

    def offset(position: dict[str, int]) -> int:
        before = "".join(lines[: position["line"]])
        line = lines[position["line"]] if position["line"] < len(lines) else ""
        units, index = 0, 0
        while units < position["character"]:
            units += 2 if ord(line[index]) > 0xFFFF else 1
            index += 1
        return len(before) + index

    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def test_the_server_says_who_it_is_and_what_it_offers(server: LspClient) -> None:
    result = server.initialize_result  # type: ignore[attr-defined]

    assert result["serverInfo"]["name"] == "speclint"
    assert result["capabilities"]["codeActionProvider"]["codeActionKinds"] == ["quickfix"]
    assert result["capabilities"]["textDocumentSync"]["openClose"] is True


def test_opening_a_document_publishes_its_findings(server: LspClient, spec_uri: str) -> None:
    server.open(spec_uri, SPEC)

    [diagnostic] = server.diagnostics(spec_uri, version=1)

    assert diagnostic["range"] == {"start": {"line": 4, "character": 41}, "end": {"line": 4, "character": 44}}
    assert diagnostic["severity"] == 1  # Error
    assert diagnostic["source"] == "speclint"
    assert diagnostic["code"] == "PH001"
    assert diagnostic["codeDescription"]["href"].endswith("docs/rules.md#ph001-unresolved-marker")
    assert "unresolved marker 'TBD'" in diagnostic["message"]


def test_editing_the_document_publishes_its_findings_again(server: LspClient, spec_uri: str) -> None:
    server.open(spec_uri, SPEC)
    assert len(server.diagnostics(spec_uri, version=1)) == 1

    server.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": spec_uri, "version": 2},
            "contentChanges": [
                {"range": {"start": {"line": 4, "character": 41}, "end": {"line": 4, "character": 44}}, "text": "30"}
            ],
        },
    )

    assert server.diagnostics(spec_uri, version=2) == []


def test_a_new_finding_typed_in_appears(server: LspClient, spec_uri: str) -> None:
    server.open(spec_uri, "# Saved carts\n\nCarts are kept for 30 days.\n")
    assert server.diagnostics(spec_uri, version=1) == []

    server.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": spec_uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}}, "text": "\nGuests: TODO\n"}],
        },
    )

    [diagnostic] = server.diagnostics(spec_uri, version=2)
    assert diagnostic["range"]["start"] == {"line": 4, "character": 8}


def test_columns_are_counted_in_utf16_units_as_lsp_requires(server: LspClient, spec_uri: str) -> None:
    server.open(spec_uri, "# Saved carts 🛒\n\nThe 🛒 icon shows TBD items.\n")

    [diagnostic] = server.diagnostics(spec_uri, version=1)

    # "The 🛒 icon shows " is 17 code points; the emoji takes two UTF-16 units
    assert diagnostic["range"]["start"] == {"line": 2, "character": 18}
    assert diagnostic["range"]["end"] == {"line": 2, "character": 21}


def test_closing_a_document_clears_its_findings(server: LspClient, spec_uri: str) -> None:
    server.open(spec_uri, SPEC)
    assert server.diagnostics(spec_uri, version=1)

    server.notify("textDocument/didClose", {"textDocument": {"uri": spec_uri}})

    assert server.diagnostics(spec_uri) == []


def _code_actions(server: LspClient, uri: str, diagnostic: dict[str, Any]) -> list[dict[str, Any]]:
    return server.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}},
    )


def test_the_quick_fix_inserts_a_disable_next_line_comment_above_the_finding(server: LspClient, spec_uri: str) -> None:
    server.open(spec_uri, SPEC)
    [diagnostic] = server.diagnostics(spec_uri, version=1)

    actions = _code_actions(server, spec_uri, diagnostic)

    line_fix = next(action for action in actions if action["title"] == "Disable PH001 for this line")
    assert line_fix["kind"] == "quickfix" and line_fix["isPreferred"] is True
    assert line_fix["diagnostics"] == [diagnostic]
    assert apply(SPEC, line_fix["edit"]["changes"][spec_uri]) == SPEC.replace(
        "- A signed-in", "<!-- speclint-disable-next-line PH001 -->\n- A signed-in"
    )


def test_the_file_quick_fix_goes_below_the_front_matter(server: LspClient, spec_uri: str) -> None:
    text = "---\ntitle: Saved carts\n---\n# Saved carts\n\nKept for TBD days.\n"
    server.open(spec_uri, text)
    [diagnostic] = server.diagnostics(spec_uri, version=1)

    actions = _code_actions(server, spec_uri, diagnostic)

    file_fix = next(action for action in actions if action["title"] == "Disable PH001 for this file")
    assert apply(text, file_fix["edit"]["changes"][spec_uri]) == (
        "---\ntitle: Saved carts\n---\n<!-- speclint-disable-file PH001 -->\n# Saved carts\n\nKept for TBD days.\n"
    )


def test_the_quick_fix_adds_the_rule_to_a_comment_already_above_the_line(server: LspClient, spec_uri: str) -> None:
    text = "# Saved carts\n\n<!-- speclint-disable-next-line WD001 -- agreed with legal -->\nKept for TBD days.\n"
    server.open(spec_uri, text)
    [diagnostic] = [d for d in server.diagnostics(spec_uri, version=1) if d["code"] == "PH001"]

    [line_fix] = [a for a in _code_actions(server, spec_uri, diagnostic) if a["title"] == "Disable PH001 for this line"]

    assert apply(text, line_fix["edit"]["changes"][spec_uri]) == (
        "# Saved carts\n\n<!-- speclint-disable-next-line WD001, PH001 -- agreed with legal -->\nKept for TBD days.\n"
    )


def test_the_comment_keeps_the_block_quote_and_indentation_of_the_line(server: LspClient, spec_uri: str) -> None:
    text = "# Saved carts\n\n> Note: the limit is TBD.\n"
    server.open(spec_uri, text)
    [diagnostic] = server.diagnostics(spec_uri, version=1)

    [line_fix] = [a for a in _code_actions(server, spec_uri, diagnostic) if a["title"] == "Disable PH001 for this line"]

    assert apply(text, line_fix["edit"]["changes"][spec_uri]) == (
        "# Saved carts\n\n> <!-- speclint-disable-next-line PH001 -->\n> Note: the limit is TBD.\n"
    )


def test_no_line_comment_is_offered_inside_a_table_where_it_would_end_the_table(server: LspClient, spec_uri: str) -> None:
    text = "# Limits\n\n| Limit | Value |\n| --- | --- |\n| Items per cart | 100 |\n| Days kept | TBD |\n"
    server.open(spec_uri, text)
    [diagnostic] = server.diagnostics(spec_uri, version=1)

    titles = [action["title"] for action in _code_actions(server, spec_uri, diagnostic)]

    assert titles == ["Disable PH001 for this file"]


def test_no_line_comment_is_offered_inside_front_matter(server: LspClient, spec_uri: str) -> None:
    text = "---\ntitle: [Saved carts\n---\n# Saved carts\n"
    server.open(spec_uri, text)
    diagnostics = server.diagnostics(spec_uri, version=1)
    [diagnostic] = [d for d in diagnostics if d["range"]["start"]["line"] < 3]

    titles = [action["title"] for action in _code_actions(server, spec_uri, diagnostic)]

    assert titles == [f"Disable {diagnostic['code']} for this file"]


def test_diagnostics_of_other_tools_get_no_quick_fix(server: LspClient, spec_uri: str) -> None:
    server.open(spec_uri, SPEC)
    server.diagnostics(spec_uri, version=1)
    foreign = {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "message": "x", "source": "markdownlint", "code": "MD041"}

    assert _code_actions(server, spec_uri, foreign) == []


# --- the command --------------------------------------------------------------------------------


def test_the_server_command_without_pygls_says_how_to_install_it() -> None:
    script = (
        "import sys\n"
        "class BlockPygls:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('pygls', 'lsprotocol'):\n"
        "            raise ImportError(f'No module named {name!r}')\n"
        "sys.meta_path.insert(0, BlockPygls())\n"
        "from speclint.cli import main\n"
        "main(['server'])\n"
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)

    assert completed.returncode == 2
    assert "pip install 'speclint[lsp]'" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_checking_files_never_imports_pygls() -> None:
    script = (
        "import sys\n"
        "from speclint.cli import main\n"
        "try:\n"
        "    main(['check', '-'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('pygls', 'lsprotocol')))\n"
    )
    completed = subprocess.run([sys.executable, "-c", script], input="# Spec\n\nText.\n", capture_output=True, text=True, timeout=TIMEOUT)

    assert completed.stdout.strip().splitlines()[-1] == "[]"
