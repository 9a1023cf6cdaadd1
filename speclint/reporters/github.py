"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

    ::error file=docs/checkout.md,line=12,col=16,endLine=12,endColumn=19,title=PH001 unresolved-marker::message

Escaped exactly as the Actions toolkit (`@actions/core`, `command.ts`) escapes: in the message `%`,
CR and LF; in property values also `:` and `,`. Paths are relative to the source root
(`GITHUB_WORKSPACE`), which is what the runner resolves them against. Columns are sent only for a
span on one line (the runner rejects them otherwise); `endColumn` is exclusive, as in the other
formats. Files that could not be read and rules that crashed become error annotations too, so a
CI run never fails without saying why.
"""

from __future__ import annotations

from typing import Mapping, TextIO

from speclint.engine.rule import Finding, Level
from speclint.engine.runner import RunResult
from speclint.reporters import ReportContext, escape_path

COMMAND = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}


def escape_data(text: str) -> str:
    # Other control characters (ESC would colour the log) never reach the runner raw.
    text = "".join("\ufffd" if ord(char) < 32 and char not in "\r\n\t" or char == "\x7f" else char for char in text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: Mapping[str, object], message: str) -> str:
    """One workflow command line; properties with empty values are left out, as the toolkit does."""
    given = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items()
                     if value is not None and value != "")
    return f"::{name}{' ' + given if given else ''}::{escape_data(message)}"


def _file(path: str, context: ReportContext) -> str:
    """The path for the runner; a hostile name (control or bidirectional characters) is escaped,
    which gives up anchoring the annotation rather than let the name act on the log."""
    relative = context.root_relative(path)
    return escape_path(relative if relative is not None else str(context.absolute_path(path)))


def annotation(finding: Finding, context: ReportContext) -> str:
    span = finding.span
    properties: dict[str, object] = {"file": _file(finding.path, context), "line": span.start.line}
    if span.start.line == span.end.line:
        properties["col"] = span.start.column
        properties["endLine"] = span.end.line
        properties["endColumn"] = max(span.end.column, span.start.column)
    else:
        properties["endLine"] = span.end.line
    properties["title"] = f"{finding.rule_id} {finding.rule_name}"
    return command(COMMAND[finding.level], properties, finding.message)


def write(result: RunResult, context: ReportContext, out: TextIO) -> None:
    for finding in result.findings:
        out.write(annotation(finding, context) + "\n")
    for failure in result.read_failures:
        properties = {"file": _file(failure.path, context), "title": "speclint could not read this file"}
        out.write(command("error", properties, failure.message) + "\n")
    for crash in result.rule_failures:
        properties = {"file": _file(crash.path, context), "title": f"speclint rule {crash.rule_id} failed"}
        message = f"rule {crash.rule_id} ({crash.rule_name}) crashed on this file: {crash.error}"
        out.write(command("error", properties, message) + "\n")
    for message in context.load_errors:
        out.write(command("error", {"title": "speclint could not load a rule"}, message) + "\n")
