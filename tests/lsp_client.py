"""A minimal Language Server Protocol client for tests: framed JSON-RPC over a process's pipes.

Every wait has a timeout, so a server that stops answering fails the test instead of hanging it.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Sequence

TIMEOUT = 20.0  # seconds for any one answer; generous for a slow CI machine, finite by design


class LspClient:
    """A minimal LSP client: framed JSON-RPC over the server's stdin and stdout."""

    def __init__(self, process: subprocess.Popen[bytes], log: Path) -> None:
        self.process = process
        self.log = log  # the server's standard error (a file: a full pipe would block the server)
        self.incoming: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self.next_id = 0
        self.initialize_result: Any = None
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


@contextmanager
def language_server(
    command: Sequence[str], cwd: Path, env: Mapping[str, str] | None = None, strict_shutdown: bool = True
) -> Iterator[LspClient]:
    """Start a server, initialize it for the workspace `cwd`, and shut it down (or kill it) after.

    With `strict_shutdown`, the server must answer `shutdown` and exit 0 on `exit`, as the protocol
    says; other servers (efm-langserver 0.0.44 closes the connection instead of answering) are
    only made to stop.
    """
    log = cwd / "server.log"
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            list(command), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, cwd=cwd,
            env=dict(env) if env is not None else None,
        )
    client = LspClient(process, log)
    try:
        client.initialize_result = client.request(
            "initialize",
            {"processId": None, "rootUri": cwd.as_uri(), "capabilities": {}, "clientInfo": {"name": "pytest"}},
        )
        client.notify("initialized", {})
        yield client
        if strict_shutdown:
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
