"""`speclint server`: a Language Server Protocol server over standard input and output.

Editors that speak LSP (VS Code through a generic client, Neovim, Emacs eglot/lsp-mode, Helix, Zed,
Sublime LSP) get speclint's findings as diagnostics while the author types:

- diagnostics are published when a Markdown document is opened and each time it changes, linted
  from the editor's buffer in memory (the runner's API, no process per keystroke), with the rule id
  as the diagnostic `code` and a link to the rule's documentation (`codeDescription.href`);
- a quick fix inserts `<!-- speclint-disable-next-line RULE -->` above the finding's line (or adds
  the rule to such a comment already there), another one disables the rule for the whole file.

pygls is an optional dependency (`pip install 'speclint[lsp]'`): only this module imports it, and
only the `server` command imports this module.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import PositionCodec

from speclint import __version__
from speclint.engine.rule import Finding, Level

if TYPE_CHECKING:
    from speclint.document.model import Document

SOURCE = "speclint"

_SEVERITY = {
    Level.ERROR: types.DiagnosticSeverity.Error,
    Level.WARNING: types.DiagnosticSeverity.Warning,
    Level.INFO: types.DiagnosticSeverity.Information,
}

# An existing suppression comment, to add a rule to it rather than stack a second comment:
# `<!-- speclint-disable-next-line RULE[, RULE] [-- reason] -->` (rule names hold single hyphens).
_RULES_AND_REASON = r"(?P<rules>(?:(?!--).)*?)\s*(?:--\s*(?P<reason>(?:(?!-->).)*?))?\s*-->\s*$"
_NEXT_LINE_COMMENT = re.compile(r"^(?P<indent>[ \t>]*)<!--\s*speclint-disable-next-line\b" + _RULES_AND_REASON)
_FILE_COMMENT = re.compile(r"^<!--\s*speclint-disable-file\b" + _RULES_AND_REASON)
_CONTAINER_PREFIX = re.compile(r"^[ \t>]*")


def rule_docs_url(rule_id: str) -> str | None:
    """Where a rule's documentation is (its section in docs/rules.md); None for third-party rules."""
    from speclint.engine.registry import load_registry
    from speclint.reporters.ruledocs import documentation_url

    rule = load_registry().get(rule_id)
    return documentation_url(rule) if rule is not None else None


# --- linting ----------------------------------------------------------------------------------


def lint_text(text: str, path: Path | None, display_path: str) -> tuple[list[Finding], list[str]]:
    """Findings for a buffer's text as if it were the file at `path`, and any errors to show.

    The configuration is the one `speclint check --stdin-filename PATH -` uses: the closest
    configuration file above `path` (above the working directory for an unsaved buffer), read
    afresh each time, so an edited configuration applies at the next keystroke.
    """
    from speclint.configuration.config import ConfigPlanner, ConfigResolver
    from speclint.configuration.validation import InvalidFile
    from speclint.engine.registry import load_registry
    from speclint.engine.runner import Source, lint

    registry = load_registry()
    errors = list(registry.load_errors)
    where = path if path is not None else Path.cwd() / "untitled.md"
    try:
        config = ConfigResolver(registry).for_file(where)
    except InvalidFile as error:
        return [], errors + [str(problem) for problem in error.problems]
    if path is not None and config.is_ignored(path):
        return [], errors  # the configuration's `ignore` covers this file
    planner = ConfigPlanner(stdin_path=where)
    result = lint([Source(display_path, None, text, config)], [], planner=planner, jobs=1)  # in this process
    errors += [f"rule {crash.rule_id} ({crash.rule_name}) failed on {crash.path}: {crash.error}" for crash in result.rule_failures]
    errors += [f"{failure.path}: {failure.message}" for failure in result.read_failures]
    return result.findings, errors


@dataclass(frozen=True)
class Lines:
    """The buffer's lines as speclint numbers them, to turn code-point columns into client units."""

    lines: list[str]
    has_bom: bool

    @classmethod
    def of(cls, text: str) -> Lines:
        from speclint.document.parser import split_lines

        return cls(split_lines(text), text.startswith("\ufeff"))

    def position(self, line: int, column: int, codec: PositionCodec) -> types.Position:
        """An LSP position (0-based, in the negotiated encoding) for a 1-based line and code-point column."""
        index = max(line - 1, 0)
        text = self.lines[index] if index < len(self.lines) else ""
        if index == 0 and self.has_bom:
            text = text[1:]  # speclint's columns start after the BOM; the buffer still holds it
            prefix = "\ufeff" + text[: max(column - 1, 0)]
        else:
            prefix = text[: max(column - 1, 0)]
        return types.Position(line=index, character=codec.client_num_units(prefix))


def to_diagnostic(finding: Finding, lines: Lines, codec: PositionCodec) -> types.Diagnostic:
    start, end = finding.span.start, finding.span.end
    docs_url = rule_docs_url(finding.rule_id)
    return types.Diagnostic(
        range=types.Range(
            start=lines.position(start.line, start.column, codec),
            end=lines.position(end.line, end.column, codec),
        ),
        severity=_SEVERITY[finding.level],
        code=finding.rule_id,
        code_description=types.CodeDescription(href=docs_url) if docs_url else None,
        source=SOURCE,
        message=finding.message,
    )


# --- quick fixes ------------------------------------------------------------------------------


def _line_ending(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _rule_list(rules: str, added: str) -> str:
    names = [name.strip() for name in rules.replace(",", " ").split() if name.strip()]
    if added not in names:
        names.append(added)
    return ", ".join(names)


def _where_next_line_comment_breaks_markdown(document: Document, line: int) -> bool:
    """A comment line inside front matter breaks the YAML; inside a table it ends the table."""
    front_matter = document.front_matter
    if front_matter is not None and front_matter.span.start.line <= line <= front_matter.span.end.line:
        return True
    return any(
        block.kind == "table" and block.span.start.line < line <= block.span.end.line
        for _, block in document.iter_blocks()
    )


def _replace_line(line: int, text: str) -> types.TextEdit:
    """Replace 1-based `line` with its ending: whole lines need no column, in any position encoding."""
    return types.TextEdit(
        range=types.Range(start=types.Position(line=line - 1, character=0), end=types.Position(line=line, character=0)),
        new_text=text,
    )


def disable_next_line_edit(document: Document, line: int, rule_id: str, newline: str) -> types.TextEdit | None:
    """The edit that silences `rule_id` on 1-based `line`, or None where a comment cannot go."""
    if _where_next_line_comment_breaks_markdown(document, line):
        return None
    above = document.line_text(line - 1) if line > 1 else ""
    existing = _NEXT_LINE_COMMENT.match(above)
    if existing is not None and not existing["rules"].strip():
        return None  # a comment above already disables every rule: narrowing it would undo that
    if existing is not None:
        reason = f" -- {existing['reason'].strip()}" if existing["reason"] else ""
        comment = f"{existing['indent']}<!-- speclint-disable-next-line {_rule_list(existing['rules'], rule_id)}{reason} -->"
        return _replace_line(line - 1, comment + newline)
    indent = _CONTAINER_PREFIX.match(document.line_text(line))
    comment = f"{indent.group() if indent else ''}<!-- speclint-disable-next-line {rule_id} -->{newline}"
    at = types.Position(line=line - 1, character=0)
    return types.TextEdit(range=types.Range(start=at, end=at), new_text=comment)


def disable_file_edit(document: Document, rule_id: str, newline: str) -> types.TextEdit:
    """The edit that silences `rule_id` in the whole file: a comment right after the front matter."""
    first_body_line = document.front_matter.span.end.line + 1 if document.front_matter is not None else 1
    current = document.line_text(first_body_line)
    existing = _FILE_COMMENT.match(current)
    if existing is not None:
        reason = f" -- {existing['reason'].strip()}" if existing["reason"] else ""
        comment = f"<!-- speclint-disable-file {_rule_list(existing['rules'], rule_id)}{reason} -->"
        return _replace_line(first_body_line, comment + newline)
    at = types.Position(line=first_body_line - 1, character=0)
    return types.TextEdit(range=types.Range(start=at, end=at), new_text=f"<!-- speclint-disable-file {rule_id} -->{newline}")


def quick_fixes(uri: str, text: str, diagnostics: Sequence[types.Diagnostic]) -> list[types.CodeAction]:
    """Code actions for speclint's diagnostics among `diagnostics`: disable for this line, for this file."""
    from speclint.document.parser import parse

    ours = [diagnostic for diagnostic in diagnostics if diagnostic.source == SOURCE and isinstance(diagnostic.code, str)]
    if not ours:
        return []
    document = parse(text, uri)
    newline = _line_ending(text)
    actions = []
    for diagnostic in ours:
        rule_id = str(diagnostic.code)
        # LSP lines are 0-based; the BOM does not change line numbers
        line_edit = disable_next_line_edit(document, diagnostic.range.start.line + 1, rule_id, newline)
        if line_edit is not None:
            actions.append(
                types.CodeAction(
                    title=f"Disable {rule_id} for this line",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    is_preferred=True,
                    edit=types.WorkspaceEdit(changes={uri: [line_edit]}),
                )
            )
        actions.append(
            types.CodeAction(
                title=f"Disable {rule_id} for this file",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                edit=types.WorkspaceEdit(changes={uri: [disable_file_edit(document, rule_id, newline)]}),
            )
        )
    return actions


# --- the server -------------------------------------------------------------------------------


# Edits are linted once typing pauses this long: on a large document a lint takes a few hundred
# milliseconds, and linting every keystroke would queue them up behind each other.
CHANGE_DELAY_SECONDS = 0.15

# Saving one of these changes what the open documents are linted with: they are linted again.
CONFIGURATION_FILE_NAMES = frozenset({".speclint.yaml", ".speclint.yml", "pyproject.toml"})
MARKDOWN_LANGUAGE_IDS = frozenset({"markdown", "gfm"})
MARKDOWN_SUFFIXES = (".md", ".markdown")


def is_markdown(uri: str, language_id: str | None) -> bool:
    """Only Markdown is linted: some clients send every document they open to every server."""
    if language_id:
        return language_id.lower() in MARKDOWN_LANGUAGE_IDS
    return uri.lower().endswith(MARKDOWN_SUFFIXES)


def _fs_path(uri: str) -> Path | None:
    if not uri.startswith("file:"):
        return None  # an unsaved buffer (untitled:) has no path and so no configuration of its own
    path = to_fs_path(uri)
    return Path(path) if path else None


def _display_path(path: Path | None, uri: str) -> str:
    if path is None:
        return uri
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def create_server() -> LanguageServer:
    server = LanguageServer("speclint", __version__)
    pending: dict[str, asyncio.TimerHandle] = {}  # a lint waiting for typing to pause, per document
    shown_errors: set[str] = set()

    def cancel_pending(uri: str) -> None:
        handle = pending.pop(uri, None)
        if handle is not None:
            handle.cancel()

    def publish(ls: LanguageServer, uri: str) -> None:
        cancel_pending(uri)
        if uri not in ls.workspace.text_documents:
            return  # closed while its lint was waiting
        document = ls.workspace.get_text_document(uri)
        if not is_markdown(uri, document.language_id):
            return
        text = document.source
        path = _fs_path(uri)
        findings, errors = lint_text(text, path, _display_path(path, uri))
        for error in errors:
            ls.window_log_message(types.LogMessageParams(type=types.MessageType.Error, message=f"speclint: {error}"))
            if error not in shown_errors:  # a broken configuration is shown once, not at every keystroke
                shown_errors.add(error)
                ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=f"speclint: {error}"))
        lines = Lines.of(text)
        codec = document.position_codec
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                version=document.version,
                diagnostics=[to_diagnostic(finding, lines, codec) for finding in findings],
            )
        )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        publish(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        cancel_pending(uri)
        # handlers run on the server's event loop: the lint runs there once edits pause
        pending[uri] = asyncio.get_running_loop().call_later(CHANGE_DELAY_SECONDS, publish, ls, uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: LanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri.rsplit("/", 1)[-1] in CONFIGURATION_FILE_NAMES:
            for open_uri in list(ls.workspace.text_documents):
                publish(ls, open_uri)  # publish skips what is not Markdown
        else:
            publish(ls, uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        cancel_pending(params.text_document.uri)
        # a closed document's findings leave the editor's problem list
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: LanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        document = ls.workspace.get_text_document(params.text_document.uri)
        return quick_fixes(params.text_document.uri, document.source, params.context.diagnostics)

    return server


def serve() -> None:
    """Run the server on standard input and output until the client says `exit`."""
    server = create_server()
    _warm_up()
    server.start_io()


_WARM_UP_TEXT = """---
title: Warm-up
status: draft
---
# Warm-up

## Requirements

- [ ] The service shall respond within 200 ms, TBD.
"""


def _warm_up() -> None:
    """Load the rules, the parser and the built-in profiles once before the first request, so
    that the diagnostics of the first document opened arrive as fast as those of the next ones."""
    try:
        lint_text(_WARM_UP_TEXT, None, "warm-up.md")
    except Exception:  # noqa: BLE001 - a warm-up is an optimisation: the real lint reports problems
        pass
