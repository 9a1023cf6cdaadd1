"""The editor set-ups in docs/editors/ parse what speclint really prints.

Each test reads the pattern from the shipped file (the VS Code problem matcher's regexp, the vim
compiler's errorformat, efm-langserver's lint-formats, nvim-lint's Lua pattern, flycheck's rx
error patterns), translates it into a Python regular expression the way the editor interprets it,
runs speclint the way that editor runs it, and checks that every output line yields exactly the
file, line, column, level, rule and message of a finding the engine produced.

Where the editor or tool is installed, the tests also run it for real: vim fills its quickfix list
with `:make` and puts the cursor on each finding, efm-langserver publishes the findings of a
buffer over LSP, and Emacs' flycheck checks an unsaved buffer. Where it is not, they skip and the
Python translation above is the check.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest
from conftest import REPOSITORY, md

EDITORS = REPOSITORY / "docs" / "editors"
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Parsed:
    """What an editor takes from one line of output."""

    file: str | None  # None when the format does not read it (the finding is in the linted buffer)
    line: int
    column: int
    level: str  # error | warning | info
    text: str  # the message as the editor shows it


# --- the specs and what the engine finds in them ----------------------------------------------

SPECS = {
    # a path with a space and one with a colon: the file pattern must not stop early
    "specs/saved carts.md": md(
        """
        # Saved carts

        ## Requirements

        - A signed-in shopper’s cart — with “saved for later” items — is kept for TBD days.
        - Guest carts: TODO
        """
    ),
    "specs/checkout:v2.md": "# Checkout v2\n\nPayment retries: FIXME.\n",
    "specs/empty.md": "",
}


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    for name, text in SPECS.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def engine_findings(names: list[str] | None = None) -> list[tuple[str, int, int, str, str, str]]:
    """(path, line, column, level, rule id, message) for each finding, from speclint's JSON report.

    The JSON report is the structured truth the line formats are checked against: it comes from the
    same run (same configuration, profile and levels) as the concise output the editors parse.
    """
    return list(_engine_findings(tuple(names) if names else None))


@functools.lru_cache(maxsize=None)
def _engine_findings(names: tuple[str, ...] | None) -> tuple[tuple[str, int, int, str, str, str], ...]:
    """One run per set of specs (they never change): each run starts a process, and every line an
    editor parses is checked against them."""
    with tempfile.TemporaryDirectory() as folder:
        for name in names or SPECS:
            (Path(folder) / name).parent.mkdir(parents=True, exist_ok=True)
            (Path(folder) / name).write_text(SPECS[name], encoding="utf-8")
        completed = subprocess.run(
            [str(BIN / "speclint"), "check", "--format", "json", *(names or sorted(SPECS))],
            cwd=folder, capture_output=True, text=True, timeout=60,
        )
    assert completed.returncode in (0, 1), completed.stderr
    # The line formats mark a finding `--fix` can fix with `[*]` before its message (as ruff does).
    return tuple(
        (f["path"], f["start"]["line"], f["start"]["column"], f["level"], f["rule_id"],
         ("[*] " if f["fix"] else "") + f["message"])
        for f in json.loads(completed.stdout)["findings"]
    )


def test_the_specs_give_findings_at_every_level_the_patterns_must_handle() -> None:
    levels = {finding[3] for finding in engine_findings()}
    assert {"error", "warning"} <= levels


def speclint(arguments: list[str], cwd: Path, stdin: str | None = None) -> list[str]:
    completed = subprocess.run(
        [str(BIN / "speclint"), *arguments],
        cwd=cwd, input=stdin, capture_output=True, text=True, timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert completed.returncode in (0, 1), completed.stderr
    return completed.stdout.splitlines()


def output_of_whole_run(workspace: Path) -> list[str]:
    lines = speclint(["check", "--format", "concise", "specs"], workspace)
    assert len(lines) == len(engine_findings()) >= 4
    return lines


def output_of_stdin_runs(workspace: Path) -> Iterator[tuple[str, str]]:
    """(buffer name, output line) as an editor linting each buffer through standard input sees them."""
    for name, text in SPECS.items():
        buffer_name = str(workspace / name)
        for line in speclint(["check", "--format", "concise", "--stdin-filename", buffer_name, "-"], workspace, text):
            yield buffer_name, line


def expected_from_engine(parsed_file: str, workspace: Path) -> set[tuple[str, int, int, str, str]]:
    """What an editor must show for the file: (file, line, column, level, message with the rule id)."""
    name = str(Path(parsed_file).relative_to(workspace)) if Path(parsed_file).is_absolute() else parsed_file
    return {
        (parsed_file, line, column, level, f"{rule} {message}")
        for path, line, column, level, rule, message in engine_findings([name])
    }


# --- VS Code problem matcher ------------------------------------------------------------------


def vscode_tasks() -> list[dict[str, Any]]:
    return json.loads((EDITORS / "vscode" / "tasks.json").read_text(encoding="utf-8"))["tasks"]


def vscode_parse(matcher: dict[str, Any], line: str) -> Parsed | None:
    # The regexp uses only syntax on which JavaScript and Python agree (groups, classes, lazy +).
    pattern = matcher["pattern"]
    match = re.search(pattern["regexp"], line)
    if match is None:
        return None
    message = match.group(pattern["message"])
    return Parsed(
        file=match.group(pattern["file"]),
        line=int(match.group(pattern["line"])),
        column=int(match.group(pattern["column"])),
        level=match.group(pattern["severity"]),
        text=f"{match.group(pattern['code'])} {message}",
    )


@pytest.mark.parametrize("task", vscode_tasks(), ids=lambda task: task["label"])
def test_the_vscode_problem_matcher_reads_every_finding(task: dict[str, Any], workspace: Path) -> None:
    arguments = [argument.replace("${relativeFile}", "specs/saved carts.md") for argument in task["args"]]
    assert task["command"] == "speclint" and task["problemMatcher"]["fileLocation"][0] in ("relative", "autoDetect")

    lines = speclint(arguments, workspace)

    assert lines
    for line in lines:
        parsed = vscode_parse(task["problemMatcher"], line)
        assert parsed is not None, line
        assert parsed.level in ("error", "warning", "info")  # the severities VS Code knows
        assert (parsed.file, parsed.line, parsed.column, parsed.level, parsed.text) in expected_from_engine(parsed.file, workspace)


# --- vim errorformat (also what efm-langserver's lint-formats use) ----------------------------

# vim's quickfix.c (efm_to_regpat) turns each %-item into a regex: %f followed by a literal
# character becomes `.\{-1,}` (shortest match, so a colon may be in the file name), otherwise
# `\f\+`; %l %c %v become `\d\+`; %t one character; %m `.\+`. The pattern is anchored at both ends.
_VIM_ITEMS = {"l": r"(?P<line>\d+)", "c": r"(?P<column>\d+)", "v": r"(?P<column>\d+)", "t": r"(?P<type>.)", "m": r"(?P<message>.+)"}
_VIM_TYPES = {"e": "error", "w": "warning", "i": "info"}


def vim_option_value(text: str) -> str:
    """The value of `:set option=value`: a backslash escapes the next character (`\\ ` is a space)."""
    return re.sub(r"\\(.)", r"\1", text)


def split_errorformat(value: str) -> list[str]:
    """errorformat is a comma-separated list; `\\,` is a literal comma."""
    return [part.replace("\\,", ",") for part in re.split(r"(?<!\\),", value)]


def errorformat_to_regex(errorformat: str) -> re.Pattern[str]:
    pattern, index = "^", 0
    while index < len(errorformat):
        char = errorformat[index]
        if char == "%":
            item = errorformat[index + 1]
            if item == "f":
                follower = errorformat[index + 2] if index + 2 < len(errorformat) else ""
                pattern += r"(?P<file>.+?)" if follower not in ("", "\\", "%") else r"(?P<file>[^\s]+)"
            elif item == "%":
                pattern += "%"
            elif item in ".#":  # `%.` is any character, `%#` repeats what precedes (`*`)
                pattern += "." if item == "." else "*"
            elif item in _VIM_ITEMS:
                pattern += _VIM_ITEMS[item]
            else:
                raise AssertionError(f"errorformat item %{item} is not translated by this test; add it")
            index += 2
        else:
            pattern += re.escape(char)
            index += 1
    return re.compile(pattern + "$")


def errorformat_parse(formats: list[str], line: str) -> Parsed | None:
    """The first format that matches the whole line wins, as in vim."""
    for format_ in formats:
        match = errorformat_to_regex(format_).match(line)
        if match is not None:
            return Parsed(
                file=match.groupdict().get("file"),
                line=int(match["line"]),
                column=int(match["column"]),
                level=_VIM_TYPES[match["type"].lower()],
                text=match["message"],
            )
    return None


def vim_compiler_settings() -> dict[str, str]:
    settings = {}
    for line in (EDITORS / "vim" / "compiler" / "speclint.vim").read_text().splitlines():
        found = re.match(r"CompilerSet (\w+)=(.*)$", line)
        if found:
            settings[found[1]] = vim_option_value(found[2])
    return settings


def test_the_vim_errorformat_reads_every_finding(workspace: Path) -> None:
    settings = vim_compiler_settings()
    formats = split_errorformat(settings["errorformat"])
    assert settings["makeprg"].split()[:2] == ["speclint", "check"]

    for line in speclint([*settings["makeprg"].split()[1:], "specs"], workspace):
        parsed = errorformat_parse(formats, line)
        assert parsed is not None, line
        assert (parsed.file, parsed.line, parsed.column, parsed.level, parsed.text) in expected_from_engine(parsed.file, workspace)


def test_the_plain_errorformat_from_the_readme_reads_every_finding(workspace: Path) -> None:
    readme = (EDITORS / "README.md").read_text(encoding="utf-8")
    plain = re.search(r"set errorformat=((?:\\ |\S)+)", readme)
    assert plain is not None
    [format_] = split_errorformat(vim_option_value(plain[1]))

    for line in output_of_whole_run(workspace):
        match = errorformat_to_regex(format_).match(line)
        assert match is not None, line
        level, rule, message = match["message"].split(" ", 2)
        assert (match["file"], int(match["line"]), int(match["column"]), level, f"{rule} {message}") in expected_from_engine(match["file"], workspace)


def _vim_script(quickfix_out: Path, cursor_out: Path) -> str:
    return "\n".join(
        [
            f"set runtimepath^={EDITORS / 'vim'}",
            "compiler speclint",
            f"let &makeprg = '{BIN / 'speclint'} check --format concise specs'",
            "silent make!",
            "let entries = getqflist()",
            f"call writefile(map(copy(entries), {{_, e -> printf('%s|%d|%d|%s|%s', bufname(e.bufnr), e.lnum, e.col, e.type, e.text)}}), '{quickfix_out}')",
            "let cursors = []",
            "for index in range(1, len(entries))",
            "  execute 'silent cc ' . index",
            "  call add(cursors, printf('%s|%d|%d', bufname('%'), line('.'), col('.')))",
            "endfor",
            f"call writefile(cursors, '{cursor_out}')",
            "qall!",
        ]
    )


@pytest.mark.skipif(shutil.which("vim") is None, reason="vim is not installed: the errorformat is checked in Python only")
def test_vim_itself_reads_the_findings_and_puts_the_cursor_on_each(workspace: Path) -> None:
    quickfix_out, cursor_out, script = workspace / "qf.txt", workspace / "cursor.txt", workspace / "check.vim"
    script.write_text(_vim_script(quickfix_out, cursor_out))

    subprocess.run(
        ["vim", "-N", "-u", "NONE", "-i", "NONE", "-n", "-es", "-S", str(script)],
        cwd=workspace, capture_output=True, timeout=60, stdin=subprocess.DEVNULL,
        env={**os.environ, "HOME": str(workspace)},
    )

    entries = [line.split("|", 4) for line in quickfix_out.read_text().splitlines()]
    findings = engine_findings()
    assert [(file, int(line), int(column), kind, text) for file, line, column, kind, text in entries] == [
        (path, line, column, level[0], f"{rule} {message}") for path, line, column, level, rule, message in findings
    ]
    # `%v` puts the cursor on the finding even after curly quotes and dashes (multi-byte in UTF-8)
    cursors = [line.split("|") for line in cursor_out.read_text().splitlines()]
    expected_cursors = []
    for path, line, column, *_ in findings:
        source_line = SPECS[path].splitlines()[line - 1] if SPECS[path] else ""
        expected_cursors.append([path, str(line), str(len(source_line[: column - 1].encode("utf-8")) + 1)])
    assert cursors == expected_cursors


def efm_tool() -> dict[str, Any]:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load((EDITORS / "neovim" / "efm-langserver.yaml").read_text())["tools"]["speclint"]


def test_efm_langserver_lint_formats_read_every_finding_of_a_buffer(workspace: Path) -> None:
    tool = efm_tool()
    assert tool["lint-stdin"] is True and tool["lint-ignore-exit-code"] is True
    command = shlex.split(tool["lint-command"])  # efm runs it through the shell
    assert command[:2] == ["speclint", "check"] and command[-1] == "-"

    seen = 0
    for name, text in SPECS.items():
        buffer_name = str(workspace / name)
        arguments = [buffer_name if argument == "${INPUT}" else argument for argument in command[1:]]
        for line in speclint(arguments, workspace, text):
            parsed = errorformat_parse(tool["lint-formats"], line)
            assert parsed is not None, line
            assert parsed.file in (None, buffer_name)  # without a file name, efm takes the buffer's
            assert (buffer_name, parsed.line, parsed.column, parsed.level, parsed.text) in expected_from_engine(buffer_name, workspace)
            seen += 1
    assert seen == len(engine_findings())


# --- nvim-lint (a Lua pattern) ----------------------------------------------------------------

_LUA_CLASSES = {"d": r"\d", "a": "[A-Za-z]", "s": r"\s", "S": r"\S", "w": "[A-Za-z0-9]", "l": "[a-z]", "u": "[A-Z]"}


def lua_pattern_to_regex(pattern: str) -> re.Pattern[str]:
    """Lua patterns: `%x` classes, `-` is a lazy `*`, `(...)` captures, `^`/`$` anchors."""
    regex, index = "", 0
    while index < len(pattern):
        char = pattern[index]
        if char == "%":
            following = pattern[index + 1]
            if following in _LUA_CLASSES:
                regex += _LUA_CLASSES[following]
            elif following.isalnum():
                raise AssertionError(f"Lua class %{following} is not translated by this test; add it")
            else:
                regex += re.escape(following)
            index += 2
            continue
        if char == "-" and regex:
            regex += "*?"
        elif char in "()+*?.":
            regex += char
        elif char == "^" and index == 0 or char == "$" and index == len(pattern) - 1:
            regex += char
        else:
            regex += re.escape(char)
        index += 1
    return re.compile(regex)


def nvim_lint_parser() -> tuple[str, list[str], dict[str, str]]:
    lua = (EDITORS / "neovim" / "nvim-lint.lua").read_text()
    call = re.search(r"from_pattern\(\s*\"(?P<pattern>(?:[^\"\\]|\\.)*)\",\s*\{(?P<groups>[^}]*)\},\s*\{(?P<severities>[^}]*)\}", lua)
    assert call is not None
    groups = re.findall(r"\"(\w+)\"", call["groups"])
    severities = dict(re.findall(r"\[\"(\w+)\"\]\s*=\s*vim\.diagnostic\.severity\.(\w+)", call["severities"]))
    return call["pattern"].replace("\\\\", "\\"), groups, severities


def test_nvim_lint_pattern_reads_every_finding_of_a_buffer(workspace: Path) -> None:
    pattern, groups, severities = nvim_lint_parser()
    regex = lua_pattern_to_regex(pattern)
    assert severities == {"error": "ERROR", "warning": "WARN", "info": "INFO"}

    seen = 0
    for buffer_name, line in output_of_stdin_runs(workspace):
        match = regex.search(line)
        assert match is not None, line
        captured = dict(zip(groups, match.groups()))
        assert captured["file"] == buffer_name
        parsed = (captured["file"], int(captured["lnum"]), int(captured["col"]), captured["severity"], f"{captured['code']} {captured['message']}")
        assert parsed in expected_from_engine(buffer_name, workspace)
        assert captured["severity"] in severities
        seen += 1
    assert seen == len(engine_findings())


# --- Emacs flycheck (rx forms) ----------------------------------------------------------------


def read_sexp(text: str, start: int) -> tuple[Any, int]:
    """Read one Emacs Lisp expression: lists, strings and symbols are all the rx patterns use."""
    index = start
    while text[index].isspace():
        index += 1
    if text[index] == "(":
        items, index = [], index + 1
        while True:
            while text[index].isspace():
                index += 1
            if text[index] == ")":
                return items, index + 1
            item, index = read_sexp(text, index)
            items.append(item)
    if text[index] == '"':
        end, value = index + 1, ""
        while text[end] != '"':
            if text[end] == "\\":
                end += 1
            value += text[end]
            end += 1
        return ("string", value), end + 1
    end = index
    while end < len(text) and not text[end].isspace() and text[end] not in "()":
        end += 1
    return text[index:end], end


def rx_to_regex(form: Any) -> str:
    """flycheck's rx forms in Python syntax: (file-name) is the shortest non-empty match of the
    line, `line` and `column` are digits, (message) the rest of the line, (id ...) a group."""
    if isinstance(form, tuple):
        return re.escape(form[1])
    if isinstance(form, str):
        simple = {"line-start": "^", "line-end": "$", "line": r"(?P<line>\d+)", "column": r"(?P<column>\d+)"}
        if form not in simple:
            raise AssertionError(f"rx symbol {form} is not translated by this test; add it")
        return simple[form]
    head, *body = form
    inner = "".join(rx_to_regex(item) for item in body)
    if head == "file-name":
        return f"(?P<file>{inner or '.+?'})"
    if head == "message":
        return f"(?P<message>{inner or '.+'})"
    if head == "id":
        return f"(?P<id>{inner})"
    if head == "one-or-more":
        return f"(?:{inner})+"
    if head == "any":
        return "[" + "".join(re.escape(item[1]) for item in body) + "]"
    if head == "not" and body[0][0] == "any":
        return "[^" + "".join(re.escape(item[1]) for item in body[0][1:]) + "]"
    raise AssertionError(f"rx form {head} is not translated by this test; add it")


def flycheck_checker() -> tuple[list[str], list[tuple[str, re.Pattern[str]]]]:
    text = (EDITORS / "emacs" / "flycheck-speclint.el").read_text()
    command, _ = read_sexp(text, text.index(":command") + len(":command"))
    patterns, _ = read_sexp(text, text.index(":error-patterns") + len(":error-patterns"))
    arguments = [item[1] if isinstance(item, tuple) else item for item in command]
    return arguments, [(level, re.compile("".join(rx_to_regex(part) for part in parts))) for level, *parts in patterns]


def test_flycheck_error_patterns_read_every_finding_of_a_buffer(workspace: Path) -> None:
    command, patterns = flycheck_checker()
    assert command[:2] == ["speclint", "check"] and command[-1] == "-" and "source-original" in command

    seen = 0
    for name, text in SPECS.items():
        buffer_name = str(workspace / name)
        arguments = [buffer_name if argument == "source-original" else argument for argument in command[1:]]
        for line in speclint(arguments, workspace, text):
            matched = [(level, match) for level, regex in patterns if (match := regex.match(line))]
            assert matched, line
            level, match = matched[0]  # flycheck uses the first pattern that matches
            assert match["file"] == buffer_name
            parsed = (match["file"], int(match["line"]), int(match["column"]), level, f"{match['id']} {match['message']}")
            assert parsed in expected_from_engine(buffer_name, workspace)
            seen += 1
    assert seen == len(engine_findings())


@pytest.mark.skipif(shutil.which("efm-langserver") is None, reason="efm-langserver is not installed: its lint-formats are checked in Python only")
@pytest.mark.parametrize("name", list(SPECS))
def test_efm_langserver_itself_publishes_the_findings_of_a_buffer(name: str, workspace: Path) -> None:
    from lsp_client import language_server

    config = workspace / "efm.yaml"
    shutil.copy(EDITORS / "neovim" / "efm-langserver.yaml", config)
    environment = {**os.environ, "PATH": os.pathsep.join([str(BIN), os.environ.get("PATH", "")])}
    uri = (workspace / name).as_uri()

    with language_server(["efm-langserver", "-c", str(config)], workspace, environment, strict_shutdown=False) as efm:
        efm.open(uri, SPECS[name])
        diagnostics = efm.wait_for("textDocument/publishDiagnostics", lambda params: params["uri"] == uri and params["diagnostics"])["diagnostics"]

    severities = {1: "error", 2: "warning", 3: "info"}
    shown = sorted(
        (d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1, severities[d["severity"]], d["message"])
        for d in diagnostics
    )
    assert shown == sorted((line, column, level, f"{rule} {message}") for _, line, column, level, rule, message in engine_findings([name]))


def _emacs_has_flycheck() -> bool:
    if shutil.which("emacs") is None:
        return False
    completed = subprocess.run(
        ["emacs", "--batch", "--eval", "(require 'flycheck)"], capture_output=True, timeout=60, stdin=subprocess.DEVNULL
    )
    return completed.returncode == 0


def _flycheck_script(buffer_file: Path, text: str, out: Path) -> str:
    """Open the file, replace its text without saving (flycheck must lint the buffer), check it."""
    return f"""
(require 'flycheck)
(add-to-list 'load-path {json.dumps(str(EDITORS / "emacs"))})
(require 'flycheck-speclint)
(unless (fboundp 'markdown-mode) (define-derived-mode markdown-mode text-mode "Markdown"))
(find-file {json.dumps(str(buffer_file))})
(erase-buffer)
(insert {json.dumps(text)})
(markdown-mode)
(flycheck-mode 1)
(setq flycheck-checker 'speclint)
(flycheck-buffer)
(let ((deadline (+ (float-time) 30)))
  (while (and (flycheck-running-p) (< (float-time) deadline))
    (accept-process-output nil 0.1)))
(let ((errors flycheck-current-errors) (status flycheck-last-status-change))
  (with-temp-file {json.dumps(str(out))}
    (insert (format "status|%s\\n" status))
    (dolist (e errors)
      (insert (format "%s|%s|%s|%s|%s|%s\\n" (flycheck-error-filename e) (flycheck-error-line e)
                      (flycheck-error-column e) (flycheck-error-level e) (flycheck-error-id e)
                      (flycheck-error-message e))))))
"""


@pytest.mark.skipif(not _emacs_has_flycheck(), reason="Emacs with flycheck is not installed: the error patterns are checked in Python only")
@pytest.mark.parametrize("name", list(SPECS))
def test_flycheck_itself_reports_the_findings_of_an_unsaved_buffer(name: str, workspace: Path) -> None:
    buffer_file, out, script = workspace / name, workspace / "flycheck.txt", workspace / "check.el"
    buffer_file.write_text("# Draft\n", encoding="utf-8")  # on disk: clean; in the buffer: the spec
    script.write_text(_flycheck_script(buffer_file, SPECS[name], out), encoding="utf-8")

    subprocess.run(
        ["emacs", "--batch", "-l", str(script)],
        cwd=workspace, capture_output=True, timeout=90, stdin=subprocess.DEVNULL,
        env={**os.environ, "HOME": str(workspace), "PATH": os.pathsep.join([str(BIN), os.environ.get("PATH", "")])},
    )

    status, *errors = out.read_text(encoding="utf-8").splitlines()
    assert status == "status|finished"
    shown = [tuple(error.split("|", 5)) for error in errors]
    assert sorted(shown) == sorted(
        (str(buffer_file), str(line), str(column), level, rule, message)
        for _, line, column, level, rule, message in engine_findings([name])
    )
