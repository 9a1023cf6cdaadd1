"""`speclint server`: a Language Server Protocol server over standard input and output.

Editors that speak LSP (VS Code through a generic client, Neovim, Emacs eglot/lsp-mode, Helix, Zed,
Sublime LSP) get speclint's findings as diagnostics while the author types:

- diagnostics are published when a Markdown document is opened and each time it changes, linted
  from the editor's buffer in memory (the runner's API, no process per keystroke), with the rule id
  as the diagnostic `code` and a link to the rule's documentation (`codeDescription.href`);
- a finding that has a fix gets it as a code action (the same edits as `speclint check --fix`);
- quick fixes disable a rule for the line (`<!-- speclint-disable-next-line RULE -->` above it, or
  the rule added to such a comment already there), for the whole block where a comment on the line
  would break the block (inside a code block, a table, a paragraph or a list item), for the section
  or for the file (`speclint.authoring.disable_comments` decides where a comment may go);
- hovering over a finding shows its rule's documentation.

pygls is an optional dependency (`pip install 'speclint[lsp]'`): only this module imports it, and
only the `server` command imports this module.

Latency (issue 15): documents are linted in a process of their own (`speclint.language_server_worker`),
which `speclint server` starts before it imports pygls, and which warms up while the editor
initialises. A change is linted once typing pauses for `CHANGE_DELAY_SECONDS` (the first change
after such a pause at once); it cancels the lint of the text it replaced, and a document's
diagnostics are published only for its current text.

Hostile documents and clients (issue 17):
- documents are linted in a worker process, one at a time, each within `LINT_BUDGET_SECONDS`: a
  document that takes longer is not linted (the worker is replaced and the editor is told), so one
  document never holds up the others for longer than that, and requests such as `shutdown` are
  answered while a lint runs;
- a document above `MAX_DOCUMENT_BYTES` (the 5 MiB limit of files) is not linted, with a message;
- the server reads its own framing: a message whose `Content-Length` is wrong is dropped, and
  reading goes on at the next `Content-Length` header (a body that never arrives in full is given
  up after `FRAMING_TIMEOUT_SECONDS`);
- a request before `initialize` gets the error -32002 (ServerNotInitialized), as LSP says.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

import attrs  # lsprotocol's types are attrs classes
from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path
from pygls.workspace import PositionCodec

from speclint import __version__
from speclint.engine.rule import Finding, Level
from speclint.language_server_worker import (  # noqa: F401  (the worker's names, as they were here)
    LINT_BUDGET_SECONDS,
    MAX_DOCUMENT_BYTES,
    TRUST_PLUGINS_VARIABLE,
    DocsUrls,
    LintOutcome,
    LintWorker,
    lint_text,
    plugins_trusted,
    rule_class,
    rule_docs_url,
)

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


@dataclass(frozen=True)
class Lines:
    """The buffer's lines as speclint numbers them, to turn code-point columns into client units."""

    lines: list[str]
    has_bom: bool
    ends_with_newline: bool = False  # then the end of the buffer is the start of the line after the last

    @classmethod
    def of(cls, text: str) -> Lines:
        from speclint.document.parser import split_lines  # imported by `_warm_up_publishing`, off the start

        return cls(split_lines(text), text.startswith("\ufeff"), text.endswith(("\n", "\r")))

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


def to_diagnostic(
    finding: Finding, lines: Lines, codec: PositionCodec, docs_urls: DocsUrls | None = None
) -> types.Diagnostic:
    """The finding as a diagnostic; its rule's documentation link from `docs_urls` (the linting
    process's `docs_urls`), else looked up here."""
    start, end = finding.span.start, finding.span.end
    key = (finding.rule_id, finding.path)
    if docs_urls is not None and key in docs_urls:
        docs_url = docs_urls[key]
    else:
        docs_url = rule_docs_url(finding.rule_id, Path(finding.path).resolve() if finding.path else None)
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
        # The fix travels with the diagnostic (LSP keeps `data` for codeAction), so that the code
        # action applies exactly what `speclint check --fix` would.
        data={"fix": fix_data(finding, lines, codec)} if finding.fix is not None else None,
    )


def fix_data(finding: Finding, lines: Lines, codec: PositionCodec) -> dict[str, Any]:
    """A finding's fix as LSP edits in the client's position encoding, with line endings as the buffer's."""
    assert finding.fix is not None
    edits = []
    for edit in finding.fix.edits:
        start = _clamped(lines, edit.span.start.line, edit.span.start.column, codec)
        end = _clamped(lines, edit.span.end.line, edit.span.end.column, codec)
        edits.append({"range": {"start": {"line": start.line, "character": start.character},
                                "end": {"line": end.line, "character": end.character}},
                      "newText": edit.new_text})  # `\n` endings: the code action uses the buffer's
    return {"title": finding.fix.description, "edits": edits}


def _clamped(lines: Lines, line: int, column: int, codec: PositionCodec) -> types.Position:
    """A position past the last line is the end of the buffer, as `speclint.fixes` reads it."""
    if line > len(lines.lines):
        last = len(lines.lines)
        if lines.ends_with_newline or not last:
            return types.Position(line=last, character=0)
        return lines.position(last, len(lines.lines[last - 1]) + 1, codec)
    return lines.position(line, column, codec)


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


def quick_fixes(
    uri: str, text: str, diagnostics: Sequence[types.Diagnostic], findings: Sequence[Finding] = (),
    codec: PositionCodec | None = None,
) -> list[types.CodeAction]:
    """Code actions for speclint's diagnostics among `diagnostics`: the finding's fix when it has
    one (the same edits as `speclint check --fix`), then disable it for this line (or this block,
    where a comment on the line would break it), for this section, for this file."""
    from speclint.authoring.disable_comments import block_insertions, plan_for_line, section_insertion
    from speclint.document.parser import parse

    ours = [diagnostic for diagnostic in diagnostics if diagnostic.source == SOURCE and isinstance(diagnostic.code, str)]
    if not ours:
        return []
    document = parse(text, uri)
    newline = _line_ending(text)
    buffer = Lines.of(text)
    actions = []
    for diagnostic in ours:
        rule_id = str(diagnostic.code)
        fix = _fix_action(uri, _with_fix_data(diagnostic, findings, buffer, codec), newline)
        if fix is not None:
            actions.append(fix)
        # LSP lines are 0-based; the BOM does not change line numbers
        line = diagnostic.range.start.line + 1
        plan = plan_for_line(document, line)
        if plan is not None and plan.kind == "next-line":
            line_edit = disable_next_line_edit(document, line, rule_id, newline)
            if line_edit is not None:
                actions.append(_disable_action(f"Disable {rule_id} for this line", uri, diagnostic, [line_edit],
                                               preferred=fix is None))
        elif plan is not None:
            edits = [_insertion_edit(buffer, insertion.line, insertion.text, newline)
                     for insertion in block_insertions(document, plan, rule_id)]
            actions.append(_disable_action(f"Disable {rule_id} for this block (lines {plan.first}-{plan.last})", uri,
                                           diagnostic, edits, preferred=fix is None))
        in_section = section_insertion(document, line, rule_id)
        if in_section is not None:
            edit = _insertion_edit(buffer, in_section.line, in_section.text, newline)
            actions.append(_disable_action(f"Disable {rule_id} for this section", uri, diagnostic, [edit]))
        actions.append(_disable_action(f"Disable {rule_id} for this file", uri, diagnostic,
                                       [disable_file_edit(document, rule_id, newline)]))
    return actions


def _disable_action(
    title: str, uri: str, diagnostic: types.Diagnostic, edits: list[types.TextEdit], preferred: bool = False
) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=True if preferred else None,
        edit=types.WorkspaceEdit(changes={uri: edits}),
    )


def _with_fix_data(
    diagnostic: types.Diagnostic, findings: Sequence[Finding], buffer: Lines, codec: PositionCodec | None
) -> types.Diagnostic:
    """The diagnostic with its fix in `data`: a client that does not send `data` back gets it from
    `findings` (the buffer linted again), matched by rule and start position."""
    if diagnostic.data is not None or not findings or codec is None:
        return diagnostic
    for finding in findings:
        start = buffer.position(finding.span.start.line, finding.span.start.column, codec)
        if finding.fix is not None and finding.rule_id == diagnostic.code and start == diagnostic.range.start:
            return attrs.evolve(diagnostic, data={"fix": fix_data(finding, buffer, codec)})
    return diagnostic


def _fix_action(uri: str, diagnostic: types.Diagnostic, newline: str) -> types.CodeAction | None:
    """The diagnostic's own fix (carried in `data` since it was published)."""
    data = diagnostic.data if isinstance(diagnostic.data, dict) else None
    fix = data.get("fix") if data else None
    if not isinstance(fix, dict) or not fix.get("edits"):
        return None
    edits = [
        types.TextEdit(
            range=types.Range(
                start=types.Position(line=edit["range"]["start"]["line"], character=edit["range"]["start"]["character"]),
                end=types.Position(line=edit["range"]["end"]["line"], character=edit["range"]["end"]["character"]),
            ),
            new_text=edit["newText"].replace("\n", newline),
        )
        for edit in fix["edits"]
    ]
    return types.CodeAction(
        title=f"Fix: {fix.get('title', 'apply the fix')}",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=True,
        edit=types.WorkspaceEdit(changes={uri: edits}),
    )


def _insertion_edit(buffer: Lines, line: int, text: str, newline: str) -> types.TextEdit:
    """Insert whole lines before 1-based `line`; past the last line, at the end of the buffer."""
    text = text.replace("\n", newline)
    if line <= len(buffer.lines) or buffer.ends_with_newline:
        at = types.Position(line=min(line, len(buffer.lines) + 1) - 1, character=0)
    else:  # after a last line with no line ending: start a new line first
        last = len(buffer.lines)
        at = types.Position(line=last - 1, character=len(buffer.lines[last - 1].encode("utf-16-le")) // 2)
        text = newline + text.removesuffix(newline)
    return types.TextEdit(range=types.Range(start=at, end=at), new_text=text)


# --- hover ------------------------------------------------------------------------------------


def hover_text(findings: Sequence[Finding], lines: Lines, codec: PositionCodec, position: types.Position,
               path: Path | None) -> str | None:
    """Markdown for the findings at `position`: each message and its rule's documentation."""
    parts = []
    for finding in findings:
        start = lines.position(finding.span.start.line, finding.span.start.column, codec)
        end = lines.position(finding.span.end.line, finding.span.end.column, codec)
        here = (start.line, start.character) <= (position.line, position.character) <= (end.line, end.character)
        if not here and not (start == end and start.line == position.line):
            continue
        rule = rule_class(finding.rule_id, path)
        fixable = " (fixable: see the quick fixes)" if finding.fix is not None else ""
        part = f"**{finding.rule_id}** `{finding.rule_name}`{fixable}: {finding.message}"
        if rule is not None:
            part += "\n\n" + rule.documentation()
            url = rule_docs_url(finding.rule_id, path)
            if url:
                part += f"\n\n[Documentation]({url})"
        parts.append(part)
    return "\n\n---\n\n".join(parts) if parts else None


# --- the protocol: initialization order and framing ----------------------------------------------

SERVER_NOT_INITIALIZED = -32002
#: A message body that has not fully arrived this long after its header never will: its
#: `Content-Length` was wrong.
FRAMING_TIMEOUT_SECONDS = 2.0
#: A larger `Content-Length` is refused: a 5 MiB document, JSON-escaped, stays well below it.
MAX_MESSAGE_BYTES = 64 * 1024 * 1024
_HEADER = re.compile(rb"Content-Length:[ \t]*(\d+)[ \t]*\r\n(?:[^\r\n]*\r\n)*?\r\n", re.I)
logger = logging.getLogger(__name__)


class SpeclintProtocol(LanguageServerProtocol):
    """pygls' protocol, which answers requests before `initialize` with ServerNotInitialized."""

    initialize_received = False

    def handle_message(self, message: Any) -> None:
        method = getattr(message, "method", None)
        if method == types.INITIALIZE:
            self.initialize_received = True
        elif not self.initialize_received and method is not None and method != types.EXIT:
            if getattr(message, "id", None) is not None:
                self._send_response(message.id, error=types.ResponseError(
                    code=SERVER_NOT_INITIALIZED, message=f"{method}: the server is not initialized yet"))
            return  # a notification before `initialize` is dropped, as LSP says
        super().handle_message(message)


async def read_messages(stream: Any, protocol: Any, stop: threading.Event) -> None:
    """Read framed messages from `stream` (a binary file) and hand them to `protocol`, recovering
    from wrong `Content-Length` headers (see the module docstring)."""
    loop = asyncio.get_running_loop()
    chunks: asyncio.Queue[bytes] = asyncio.Queue()
    descriptor = stream.fileno()

    def pump() -> None:  # blocking reads, in a thread of their own
        while True:
            try:
                data = os.read(descriptor, 1 << 16)
            except OSError:
                data = b""
            loop.call_soon_threadsafe(chunks.put_nowait, data)
            if not data:
                return

    threading.Thread(target=pump, daemon=True, name="speclint-lsp-reader").start()
    buffer = bytearray()
    closed = False

    async def more(timeout: float | None = None) -> bool:
        nonlocal closed
        if closed:
            return False
        data = await (asyncio.wait_for(chunks.get(), timeout) if timeout is not None else chunks.get())
        if not data:
            closed = True
            return False
        buffer.extend(data)
        return True

    while not stop.is_set():
        header = _HEADER.search(buffer)
        if header is None:
            if len(buffer) > MAX_MESSAGE_BYTES:
                del buffer[:-64]  # garbage with no header in it: keep only what may start one
            if not await more():
                return
            continue
        if header.start() > 0:
            logger.error("speclint: %d bytes before a Content-Length header dropped", header.start())
        length, body_start = int(header.group(1)), header.end()
        if length > MAX_MESSAGE_BYTES:
            logger.error("speclint: a message of %d bytes refused", length)
            del buffer[:body_start]
            continue
        try:
            while len(buffer) < body_start + length:
                if not await more(FRAMING_TIMEOUT_SECONDS):
                    return
        except asyncio.TimeoutError:
            logger.error("speclint: a message body never arrived in full (wrong Content-Length?); skipped")
            del buffer[:body_start]  # what came after the header may hold the next message
            continue
        body = bytes(buffer[body_start : body_start + length])
        del buffer[: body_start + length]
        try:
            raw = json.loads(body)
        except ValueError:
            logger.error("speclint: a message that is not JSON dropped (wrong Content-Length?)")
            next_header = body.find(b"Content-Length:")
            if next_header > 0:  # the length was too long: the next message started inside the body
                buffer[:0] = body[next_header:]
            continue
        try:
            message = protocol.structure_message(raw) if isinstance(raw, dict) else raw
        except Exception:  # parameters that do not fit the method
            if isinstance(raw, dict) and "id" in raw and "method" in raw:
                initialized = getattr(protocol, "initialize_received", True)
                code, text = (-32602, "invalid parameters") if initialized else (
                    SERVER_NOT_INITIALIZED, "the server is not initialized yet")
                error = types.ResponseError(code=code, message=f"{raw['method']}: {text}")
                protocol._send_response(raw["id"], error=error)
            else:
                logger.error("speclint: a message with invalid parameters dropped")
            continue
        protocol.handle_message(message)


# --- the server -------------------------------------------------------------------------------


# Edits are linted once typing pauses this long, so that the several changes an editor sends for
# one action (a paste, a multi-cursor edit, a format) make one lint. A lint never queues up behind
# a stale one: a change cancels the lint of the older text (see `create_server`). The first change
# after a pause this long is linted at once (see `did_change`).
CHANGE_DELAY_SECONDS = 0.05

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


def create_server(worker: LintWorker | None = None, change_delay: float = CHANGE_DELAY_SECONDS) -> LanguageServer:
    server = LanguageServer("speclint", __version__, protocol_cls=SpeclintProtocol)
    lint_worker = worker if worker is not None else LintWorker()
    server.lint_worker = lint_worker  # type: ignore[attr-defined]
    from concurrent.futures import ThreadPoolExecutor

    # One thread waits for the worker: lints run one after another, off the event loop.
    lint_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="speclint-lint")
    pending: dict[str, asyncio.TimerHandle] = {}  # a lint waiting for typing to pause, per document
    last_change: dict[str, float] = {}  # per document: when its last change arrived (the event loop's clock)
    shown_errors: set[str] = set()
    # Per document, a number bumped at each open, change and close: diagnostics are published only
    # for the text as it is now, never for an older one (and so never after a newer one).
    generations: dict[str, int] = {}
    linting: dict[str, tuple[int, int]] = {}  # per document: the generation being linted, its ticket

    def changed(uri: str) -> None:
        generations[uri] = generations.get(uri, 0) + 1
        in_progress = linting.get(uri)
        if in_progress is not None:
            lint_worker.cancel(in_progress[1])  # its text is out of date: the newer one is linted next

    def cancel_pending(uri: str) -> bool:
        """Cancel the lint waiting for typing to pause, if any; whether there was one."""
        handle = pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        return handle is not None

    def too_large(text: str) -> bool:
        return len(text) > MAX_DOCUMENT_BYTES or (
            4 * len(text) > MAX_DOCUMENT_BYTES and len(text.encode("utf-8", "surrogatepass")) > MAX_DOCUMENT_BYTES)

    async def publish(ls: LanguageServer, uri: str) -> None:
        cancel_pending(uri)
        if uri not in ls.workspace.text_documents:
            return  # closed while its lint was waiting
        document = ls.workspace.get_text_document(uri)
        if not is_markdown(uri, document.language_id):
            return
        text = document.source
        path = _fs_path(uri)
        version = document.version
        generation = generations.get(uri, 0)
        if too_large(text):
            limit = (f"{_display_path(path, uri)}: more than {MAX_DOCUMENT_BYTES:,} bytes, the limit for one "
                     "document; not linted")
            outcome: LintOutcome | None = LintOutcome([], [limit], {})
        else:
            ticket = lint_worker.new_ticket()
            linting[uri] = (generation, ticket)
            try:
                outcome = await asyncio.get_running_loop().run_in_executor(
                    lint_thread, lint_worker.lint, text, path, _display_path(path, uri), ticket)
            finally:
                if linting.get(uri, (0, 0))[1] == ticket:
                    del linting[uri]
        if outcome is None or generations.get(uri, 0) != generation or uri not in ls.workspace.text_documents:
            return  # cancelled, changed or closed since: the lint of the text as it is now publishes
        findings, errors = outcome.findings, outcome.errors
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
                version=version,
                diagnostics=[to_diagnostic(finding, lines, codec, outcome.docs_urls) for finding in findings],
            )
        )

    async def lint_in_worker(text: str, path: Path | None, uri: str) -> list[Finding]:
        """The findings for a hover or code action: linted in the worker, within its budget."""
        if too_large(text):
            return []
        outcome = await asyncio.get_running_loop().run_in_executor(
            lint_thread, lint_worker.lint, text, path, _display_path(path, uri))
        return outcome.findings if outcome is not None else []

    def schedule(ls: LanguageServer, uri: str) -> None:
        asyncio.ensure_future(publish(ls, uri))

    @server.feature(types.INITIALIZED)
    def initialized(ls: LanguageServer, params: types.InitializedParams) -> None:
        # While the first document is linted, prepare what publishing its diagnostics needs.
        threading.Thread(target=_warm_up_publishing, args=(ls,), daemon=True, name="speclint-warm-up").start()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        changed(params.text_document.uri)
        schedule(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        loop = asyncio.get_running_loop()  # handlers run on the server's event loop
        now, previous = loop.time(), last_change.get(uri)
        last_change[uri] = now
        waiting = cancel_pending(uri)
        changed(uri)
        if not waiting and (previous is None or now - previous >= change_delay):
            # The first change after a pause (a keystroke) is linted at once: the delay would only
            # add to its latency. Should more changes follow at once (one action that sends several),
            # the next one cancels this lint and waits for the pause.
            schedule(ls, uri)
        else:
            pending[uri] = loop.call_later(change_delay, schedule, ls, uri)  # linted once edits pause

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: LanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri.rsplit("/", 1)[-1] in CONFIGURATION_FILE_NAMES:
            for open_uri in list(ls.workspace.text_documents):
                schedule(ls, open_uri)  # publish skips what is not Markdown
        else:
            schedule(ls, uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        cancel_pending(params.text_document.uri)
        last_change.pop(params.text_document.uri, None)
        changed(params.text_document.uri)
        # a closed document's findings leave the editor's problem list
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    async def code_action(ls: LanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        document = ls.workspace.get_text_document(uri)
        findings: list[Finding] = []
        if any(d.source == SOURCE and d.data is None for d in params.context.diagnostics):
            path = _fs_path(uri)  # a client that does not keep `data`: lint again for the fixes
            findings = await lint_in_worker(document.source, path, uri)
        return quick_fixes(uri, document.source, params.context.diagnostics, findings, document.position_codec)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: LanguageServer, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        document = ls.workspace.get_text_document(uri)
        if not is_markdown(uri, document.language_id):
            return None
        path = _fs_path(uri)
        findings = await lint_in_worker(document.source, path, uri)
        text = hover_text(findings, Lines.of(document.source), document.position_codec, params.position, path)
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    return server


def _warm_up_publishing(ls: LanguageServer) -> None:
    """Import what publishing needs, and turn a diagnostic into JSON once, without sending it: the
    converter builds its functions for these types on first use (some 15 ms), which the first
    diagnostics would otherwise wait for."""
    at = types.Position(line=0, character=0)
    diagnostic = types.Diagnostic(
        range=types.Range(start=at, end=at), severity=types.DiagnosticSeverity.Warning, code="PH001",
        code_description=types.CodeDescription(href="https://example.invalid"), source=SOURCE, message="warm-up",
        data={"fix": {"title": "warm-up", "edits": []}})
    message = types.PublishDiagnosticsNotification(
        params=types.PublishDiagnosticsParams(uri="file:///warm-up.md", version=1, diagnostics=[diagnostic]))
    try:
        Lines.of("warm-up\n")
        json.dumps(message, default=ls.protocol._serialize_message)  # as pygls sends one
    except Exception:  # an optimisation only
        logger.debug("speclint: warming up the converter failed", exc_info=True)


def serve(worker: LintWorker | None = None, change_delay: float = CHANGE_DELAY_SECONDS) -> None:
    """Run the server on standard input and output until the client says `exit`."""
    from pygls.io_ import StdoutWriter

    server = create_server(worker, change_delay)
    server.lint_worker.start_in_background()  # type: ignore[attr-defined]  (`speclint server` started it already)
    server._stop_event = stop = threading.Event()
    server.protocol.set_writer(StdoutWriter(sys.stdout.buffer))
    try:
        asyncio.run(read_messages(sys.stdin.buffer, server.protocol, stop))
    except BrokenPipeError:
        pass  # the client went away
    finally:
        server.lint_worker.stop()  # type: ignore[attr-defined]
        server.shutdown()
