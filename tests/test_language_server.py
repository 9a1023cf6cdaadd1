"""`speclint server`, driven like an editor drives it: real LSP messages over a pipe.

The tests share a `python -m speclint server` subprocess (one per module) and talk JSON-RPC to it with
`Content-Length` framing: initialize, open a document, read the published diagnostics, ask for
code actions, shut down. Every wait has a timeout, and the process is killed if it outlives its
tests, so a broken server fails a test instead of hanging the suite.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest
from conftest import REPOSITORY, md
from lsp_client import TIMEOUT, LspClient, language_server

pytest.importorskip("pygls", reason="the language server needs pygls: pip install -e '.[test]'")



@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LspClient]:
    """One server for the module: starting one costs seconds of CPU (pygls's import). Each test opens
    documents of its own, under its own tmp_path, where each file's configuration is looked up."""
    with language_server([sys.executable, "-m", "speclint", "server"], tmp_path_factory.mktemp("workspace")) as client:
        yield client


@pytest.fixture
def server(shared_server: LspClient) -> LspClient:
    return shared_server


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[LspClient]:
    """A server of the test's own, whose workspace is its tmp_path: for a configuration at the workspace's
    root (the search for a file's configuration stops there), or a test that breaks the input stream."""
    with language_server([sys.executable, "-m", "speclint", "server"], tmp_path) as client:
        yield client


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


def markers(diagnostics: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The unresolved-marker findings, which these tests are about (other rules may report too)."""
    return [diagnostic for diagnostic in diagnostics if diagnostic["code"] == "PH001"]


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
    result = server.initialize_result

    assert result["serverInfo"]["name"] == "speclint"
    assert result["capabilities"]["codeActionProvider"]["codeActionKinds"] == ["quickfix"]
    assert result["capabilities"]["textDocumentSync"]["openClose"] is True


def test_opening_a_document_publishes_its_findings(server: LspClient, spec_uri: str) -> None:
    server.open(spec_uri, SPEC)

    [diagnostic] = markers(server.diagnostics(spec_uri, version=1))

    assert diagnostic["range"] == {"start": {"line": 4, "character": 41}, "end": {"line": 4, "character": 44}}
    assert diagnostic["severity"] == 1  # Error
    assert diagnostic["source"] == "speclint"
    assert diagnostic["code"] == "PH001"
    assert diagnostic["codeDescription"]["href"].endswith("docs/rules.md#ph001-unresolved-marker")
    assert "unresolved marker 'TBD'" in diagnostic["message"]


def test_the_documentation_link_leads_to_the_rules_section_of_docs_rules_md(server: LspClient, spec_uri: str) -> None:
    from speclint import HOMEPAGE
    from speclint.document.text import github_slug

    server.open(spec_uri, SPEC)
    [diagnostic] = markers(server.diagnostics(spec_uri, version=1))

    page, _, anchor = diagnostic["codeDescription"]["href"].partition("#")
    assert page == f"{HOMEPAGE}/blob/main/docs/rules.md"
    headings = [line.lstrip("#").strip() for line in (REPOSITORY / "docs" / "rules.md").read_text().splitlines() if line.startswith("## ")]
    assert anchor in {github_slug(heading) for heading in headings}


def test_editing_the_document_publishes_its_findings_again(server: LspClient, spec_uri: str) -> None:
    server.open(spec_uri, SPEC)
    assert len(markers(server.diagnostics(spec_uri, version=1))) == 1

    server.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": spec_uri, "version": 2},
            "contentChanges": [
                {"range": {"start": {"line": 4, "character": 41}, "end": {"line": 4, "character": 44}}, "text": "30"}
            ],
        },
    )

    assert markers(server.diagnostics(spec_uri, version=2)) == []


def test_after_a_burst_of_edits_the_diagnostics_are_those_of_the_last_text(server: LspClient, spec_uri: str) -> None:
    server.open(spec_uri, "# Saved carts\n\nCarts are kept for 30 days.\n")
    markers(server.diagnostics(spec_uri, version=1))
    typing = [((3, 0), "\nGuest"), ((4, 5), " carts are kept"), ((4, 20), " for TBD days.\n")]

    for version, ((line, character), typed) in enumerate(typing, start=2):
        at = {"line": line, "character": character}
        server.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": spec_uri, "version": version}, "contentChanges": [{"range": {"start": at, "end": at}, "text": typed}]},
        )

    [diagnostic] = markers(server.diagnostics(spec_uri, version=4))
    assert diagnostic["range"]["start"] == {"line": 4, "character": 25}


def test_a_new_finding_typed_in_appears(server: LspClient, spec_uri: str) -> None:
    server.open(spec_uri, "# Saved carts\n\nCarts are kept for 30 days.\n")
    assert markers(server.diagnostics(spec_uri, version=1)) == []

    server.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": spec_uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}}, "text": "\nGuests: TODO\n"}],
        },
    )

    [diagnostic] = markers(server.diagnostics(spec_uri, version=2))
    assert diagnostic["range"]["start"] == {"line": 4, "character": 8}


def test_columns_are_counted_in_utf16_units_as_lsp_requires(server: LspClient, spec_uri: str) -> None:
    server.open(spec_uri, "# Saved carts 🛒\n\nThe 🛒 icon limit is TBD.\n")

    [diagnostic] = markers(server.diagnostics(spec_uri, version=1))

    # "The 🛒 icon limit is " is 20 code points; the emoji takes two UTF-16 units
    assert diagnostic["range"]["start"] == {"line": 2, "character": 21}
    assert diagnostic["range"]["end"] == {"line": 2, "character": 24}


def test_a_byte_order_mark_in_the_buffer_is_counted_as_the_editor_counts_it(server: LspClient, spec_uri: str) -> None:
    server.open(spec_uri, "\ufeffThe limit is TBD.\n")

    [diagnostic] = markers(server.diagnostics(spec_uri, version=1))

    assert diagnostic["range"]["start"] == {"line": 0, "character": 14}


def test_an_unsaved_buffer_is_linted(server: LspClient) -> None:
    server.open("untitled:Untitled-1", "# New spec\n\nOwner: TBD\n")

    [diagnostic] = markers(server.diagnostics("untitled:Untitled-1", version=1))

    assert diagnostic["code"] == "PH001"


def test_documents_in_other_languages_are_not_linted(server: LspClient, spec_uri: str, tmp_path: Path) -> None:
    script_uri = (tmp_path / "export.py").as_uri()
    server.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": script_uri, "languageId": "python", "version": 1, "text": "# TODO: TBD\n"}},
    )
    server.open(spec_uri, SPEC)

    server.diagnostics(spec_uri, version=1)  # messages are handled in order: the .py came first

    assert not [n for n in server.notifications if n["params"].get("uri") == script_uri]


def test_closing_a_document_clears_its_findings(server: LspClient, spec_uri: str) -> None:
    server.open(spec_uri, SPEC)
    assert markers(server.diagnostics(spec_uri, version=1))

    server.notify("textDocument/didClose", {"textDocument": {"uri": spec_uri}})

    assert server.diagnostics(spec_uri) == []


def _code_actions(server: LspClient, uri: str, diagnostic: dict[str, Any]) -> list[dict[str, Any]]:
    return server.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}},
    )


def test_the_quick_fix_inserts_a_disable_next_line_comment_above_the_finding(server: LspClient, spec_uri: str) -> None:
    server.open(spec_uri, SPEC)
    [diagnostic] = markers(server.diagnostics(spec_uri, version=1))

    actions = _code_actions(server, spec_uri, diagnostic)

    line_fix = next(action for action in actions if action["title"] == "Disable PH001 for this line")
    assert line_fix["kind"] == "quickfix" and line_fix["isPreferred"] is True
    assert line_fix["diagnostics"] == [diagnostic]
    assert apply(SPEC, line_fix["edit"]["changes"][spec_uri]) == SPEC.replace(
        "- A signed-in", "<!-- speclint-disable-next-line PH001 -->\n- A signed-in"
    )


def _replace_text(server: LspClient, uri: str, text: str, version: int) -> None:
    server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]})


@pytest.mark.parametrize("title", ["Disable PH001 for this line", "Disable PH001 for this file"])
def test_after_the_quick_fix_the_finding_is_gone(title: str, server: LspClient, spec_uri: str) -> None:
    server.open(spec_uri, SPEC)
    [diagnostic] = markers(server.diagnostics(spec_uri, version=1))
    [fix] = [action for action in _code_actions(server, spec_uri, diagnostic) if action["title"] == title]

    _replace_text(server, spec_uri, apply(SPEC, fix["edit"]["changes"][spec_uri]), version=2)

    # gone, and the comment is a used suppression (ST100 reports unused or malformed ones)
    assert [d for d in server.diagnostics(spec_uri, version=2) if d["code"] in ("PH001", "ST100")] == []


def test_after_the_quick_fix_on_a_commented_line_both_rules_are_silenced(server: LspClient, spec_uri: str) -> None:
    text = md(
        """
        # Saved carts

        ## Requirements

        <!-- speclint-disable-next-line WD001 -- "fast" is defined in the glossary -->
        - The cart page must load fast and keep carts for TBD days.
        """
    )
    server.open(spec_uri, text)
    diagnostics = server.diagnostics(spec_uri, version=1)
    assert "WD001" not in {d["code"] for d in diagnostics}  # the comment works for the rule it names
    [diagnostic] = markers(diagnostics)
    [fix] = [a for a in _code_actions(server, spec_uri, diagnostic) if a["title"] == "Disable PH001 for this line"]

    _replace_text(server, spec_uri, apply(text, fix["edit"]["changes"][spec_uri]), version=2)

    assert [d for d in server.diagnostics(spec_uri, version=2) if d["code"] in ("PH001", "WD001", "ST100")] == []


def test_the_configuration_of_the_file_applies(tmp_path: Path, server: LspClient, spec_uri: str) -> None:
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / ".speclint.yaml").write_text("rules:\n  unresolved-marker: warning\n")

    server.open(spec_uri, SPEC)

    [diagnostic] = markers(server.diagnostics(spec_uri, version=1))
    assert diagnostic["severity"] == 2  # Warning, as configured


def test_a_file_the_configuration_ignores_gets_no_diagnostics(tmp_path: Path, own_server: LspClient) -> None:
    server = own_server
    (tmp_path / ".speclint.yaml").write_text('ignore: ["drafts/**"]\n')
    draft_uri = (tmp_path / "drafts" / "saved-carts.md").as_uri()

    server.open(draft_uri, SPEC)

    assert server.diagnostics(draft_uri, version=1) == []


def test_saving_the_configuration_lints_the_open_documents_again(tmp_path: Path, own_server: LspClient, spec_uri: str) -> None:
    server = own_server
    server.open(spec_uri, SPEC)
    assert markers(server.diagnostics(spec_uri, version=1))[0]["severity"] == 1
    config = tmp_path / ".speclint.yaml"
    config.write_text("rules:\n  unresolved-marker: off\n")
    server.notify("textDocument/didOpen", {"textDocument": {"uri": config.as_uri(), "languageId": "yaml", "version": 1, "text": config.read_text()}})

    server.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})

    assert markers(server.diagnostics(spec_uri, version=1)) == []


def test_a_broken_configuration_is_shown_once_and_the_server_goes_on(tmp_path: Path, own_server: LspClient, spec_uri: str) -> None:
    server = own_server
    (tmp_path / ".speclint.yaml").write_text("rules:\n  no-such-rule: error\n")

    server.open(spec_uri, SPEC)
    assert server.diagnostics(spec_uri, version=1) == []
    _replace_text(server, spec_uri, SPEC + "\nMore text.\n", version=2)
    assert server.diagnostics(spec_uri, version=2) == []

    shown = [n for n in server.notifications if n["method"] == "window/showMessage"]
    assert len(shown) == 1 and ".speclint.yaml" in shown[0]["params"]["message"]
    assert "no-such-rule" in shown[0]["params"]["message"]


def test_the_file_quick_fix_goes_below_the_front_matter(server: LspClient, spec_uri: str) -> None:
    text = "---\ntitle: Saved carts\n---\n# Saved carts\n\nKept for TBD days.\n"
    server.open(spec_uri, text)
    [diagnostic] = markers(server.diagnostics(spec_uri, version=1))

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


def test_the_file_quick_fix_adds_the_rule_to_the_file_comment_already_there(server: LspClient, spec_uri: str) -> None:
    text = "---\ntitle: Saved carts\n---\n<!-- speclint-disable-file ST001 -->\n# Saved carts\n\nKept for TBD days.\n"
    server.open(spec_uri, text)
    [diagnostic] = markers(server.diagnostics(spec_uri, version=1))

    [file_fix] = [a for a in _code_actions(server, spec_uri, diagnostic) if a["title"] == "Disable PH001 for this file"]

    assert apply(text, file_fix["edit"]["changes"][spec_uri]) == text.replace("disable-file ST001", "disable-file ST001, PH001")


def test_no_line_comment_is_offered_under_one_that_silences_every_rule() -> None:
    from speclint.document.parser import parse
    from speclint.language_server import disable_next_line_edit

    document = parse("# Saved carts\n\n<!-- speclint-disable-next-line -->\nKept for TBD days.\n", "spec.md")

    # adding PH001 to the comment would narrow it from every rule to one
    assert disable_next_line_edit(document, 4, "PH001", "\n") is None


def test_the_comment_uses_the_line_endings_of_the_document(server: LspClient, spec_uri: str) -> None:
    text = "# Saved carts\r\n\r\nKept for TBD days.\r\n"
    server.open(spec_uri, text)
    [diagnostic] = markers(server.diagnostics(spec_uri, version=1))

    [line_fix] = [a for a in _code_actions(server, spec_uri, diagnostic) if a["title"] == "Disable PH001 for this line"]

    assert line_fix["edit"]["changes"][spec_uri][0]["newText"] == "<!-- speclint-disable-next-line PH001 -->\r\n"


def test_the_comment_keeps_the_block_quote_and_indentation_of_the_line(server: LspClient, spec_uri: str) -> None:
    text = "# Saved carts\n\n> Note: the limit is TBD.\n"
    server.open(spec_uri, text)
    [diagnostic] = markers(server.diagnostics(spec_uri, version=1))

    [line_fix] = [a for a in _code_actions(server, spec_uri, diagnostic) if a["title"] == "Disable PH001 for this line"]

    assert apply(text, line_fix["edit"]["changes"][spec_uri]) == (
        "# Saved carts\n\n> <!-- speclint-disable-next-line PH001 -->\n> Note: the limit is TBD.\n"
    )


def test_no_line_comment_is_offered_inside_a_table_where_it_would_end_the_table(server: LspClient, spec_uri: str) -> None:
    text = "# Limits\n\n| Limit | Value |\n| --- | --- |\n| Items per cart | 100 |\n| Days kept | TBD |\n"
    server.open(spec_uri, text)
    [diagnostic] = markers(server.diagnostics(spec_uri, version=1))

    titles = [action["title"] for action in _code_actions(server, spec_uri, diagnostic)]

    # around the whole table instead (tests/test_language_server_authoring.py applies it)
    assert titles == ["Disable PH001 for this block (lines 3-6)", "Disable PH001 for this section",
                      "Disable PH001 for this file"]


def test_no_line_comment_is_offered_inside_front_matter(server: LspClient, spec_uri: str) -> None:
    text = "---\ntitle: [Saved carts\n---\n# Saved carts\n"
    server.open(spec_uri, text)
    diagnostics = server.diagnostics(spec_uri, version=1)
    [diagnostic] = [d for d in diagnostics if d["code"] == "MD001"]

    titles = [action["title"] for action in _code_actions(server, spec_uri, diagnostic)]

    assert titles == [f"Disable {diagnostic['code']} for this file"]


def test_diagnostics_of_other_tools_get_no_quick_fix(server: LspClient, spec_uri: str) -> None:
    server.open(spec_uri, SPEC)
    server.diagnostics(spec_uri, version=1)
    foreign = {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "message": "x", "source": "markdownlint", "code": "MD041"}

    assert _code_actions(server, spec_uri, foreign) == []


# --- the command ------------------------------------------------------------------------------


def test_the_server_accepts_the_stdio_flag_lsp_clients_add(tmp_path: Path) -> None:
    with language_server([sys.executable, "-m", "speclint", "server", "--stdio"], tmp_path) as client:
        assert client.initialize_result["serverInfo"]["name"] == "speclint"


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


# --- hostile documents and clients (issue 17) --------------------------------------------------------

SLOW_LINT = '''
import time

from speclint.language_server import lint_text


def lint_slowly(text, path, display_path):
    """Lints as speclint does, except a document that says SLOW, which never finishes."""
    if "SLOW" in text:
        time.sleep(3600)
    return lint_text(text, path, display_path)
'''


def raw_server(tmp_path: Path, *arguments: str) -> tuple[subprocess.Popen[bytes], LspClient]:
    log = tmp_path / "server.log"
    with log.open("wb") as stderr:
        process = subprocess.Popen([sys.executable, *arguments], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=stderr, cwd=tmp_path)
    return process, LspClient(process, log)


def next_response(client: LspClient, request_id: int) -> dict[str, Any]:
    while True:
        message = client._next_message()
        if message.get("id") == request_id and "method" not in message:
            return message


@pytest.mark.parametrize("method", ["shutdown", "textDocument/codeAction"])
def test_a_request_before_initialize_is_answered_with_server_not_initialized(method: str, tmp_path: Path) -> None:
    process, client = raw_server(tmp_path, "-m", "speclint", "server")
    try:
        client.send({"id": 1, "method": method, "params": {} if "/" in method else None})
        response = next_response(client, 1)
        assert response["error"]["code"] == -32002
        assert "Traceback" not in response["error"]["message"]
    finally:
        process.kill()
        process.wait()


def test_a_wrong_content_length_loses_that_message_only(own_server: LspClient, spec_uri: str) -> None:
    server = own_server
    assert server.process.stdin is not None
    server.process.stdin.write(b'Content-Length: 5000\r\n\r\n{"jsonrpc": "2.0", "method": "initialized"}')
    server.process.stdin.flush()
    server.open(spec_uri, SPEC)  # arrives inside the too-long body: the server finds it again
    assert markers(server.diagnostics(spec_uri))
    server.process.stdin.write(b'Content-Length: 3\r\n\r\n{"jsonrpc": "2.0", "method": "x"}')  # too short
    server.process.stdin.flush()
    server.open(spec_uri.replace("saved-carts", "second"), SPEC)
    assert markers(server.diagnostics(spec_uri.replace("saved-carts", "second")))


def test_a_document_above_the_size_limit_is_not_linted_and_the_editor_is_told(server: LspClient,
                                                                            spec_uri: str) -> None:
    server.open(spec_uri, "# Big\n\n" + "word " * 1_100_000)
    assert server.diagnostics(spec_uri) == []
    message = server.wait_for("window/logMessage", lambda params: "limit for one document" in params["message"])
    assert "5,242,880 bytes" in message["message"]


def test_a_slow_document_holds_up_neither_the_others_nor_shutdown(tmp_path: Path) -> None:
    (tmp_path / "slowlint.py").write_text(SLOW_LINT)
    script = ("import sys; sys.path.insert(0, '.'); import slowlint; from speclint.language_server import "
              "LintWorker, serve; serve(LintWorker(slowlint.lint_slowly, budget=2.0))")
    with language_server([sys.executable, "-c", script], tmp_path) as client:
        slow, quick = (tmp_path / "slow.md").as_uri(), (tmp_path / "quick.md").as_uri()
        client.open(slow, SPEC + "\nSLOW\n")
        client.open(quick, SPEC)
        assert markers(client.diagnostics(quick))
        assert client.diagnostics(slow) == []
        client.wait_for("window/logMessage", lambda params: "took more than 2 s" in params["message"])
        client.open(slow.replace("slow", "again"), SPEC + "\nSLOW\n")
        # the language_server context manager then asks for `shutdown` while that lint runs
