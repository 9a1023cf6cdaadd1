"""The `full` format: carets under the exact span whatever the line holds, colour only when
asked for, grouped by file, a summary line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reporting import copy_fixtures, run_check, use_rules
from reporting_rules import Unresolved, active

from speclint.engine.runner import ReadFailure, RunResult, Source, lint
from speclint.reporters import ReportContext
from speclint.reporters.full import excerpt, summary_line, write


def caret_line(line: str, start: int, end: int, width: int = 200) -> tuple[str, str]:
    shown, offset, length = excerpt(line, start, end, width)
    return shown, " " * offset + "^" * length


def test_caret_sits_under_the_span() -> None:
    assert caret_line("Backoff: TBD.", 10, 13) == ("Backoff: TBD.", "         ^^^")


def test_empty_span_gets_one_caret() -> None:
    assert caret_line("## Goals", 9, 9)[1] == "        ^"


def test_tabs_are_expanded_and_the_caret_follows() -> None:
    shown, carets = caret_line("\tOwner:\tTBD", 9, 12)
    assert shown == "    Owner:  TBD"
    assert carets == "            ^^^"


def test_wide_characters_take_two_cells() -> None:
    shown, carets = caret_line("| 日本 | TBD |", 8, 11)
    assert carets.index("^") == len("| ") + 4 + len(" | ")
    assert len(carets) - carets.index("^") == 3


def test_combining_marks_take_no_cell() -> None:
    shown, carets = caret_line("Cafe\u0301: TBD", 8, 11)
    assert carets == "      ^^^"


def test_emoji_under_the_caret_widens_it() -> None:
    assert caret_line("Status: 🚧 WIP", 9, 10)[1] == "        ^^"


def test_control_characters_are_never_printed() -> None:
    shown, carets = caret_line("Owner: \x1b[31mTBD", 13, 16)
    assert "\x1b" not in shown
    assert carets == "            ^^^"


def test_long_line_is_shown_as_a_window_around_the_span() -> None:
    line = "word " * 60 + "TBD" + " more" * 60
    start = line.index("TBD") + 1
    shown, offset, length = excerpt(line, start, start + 3, 80)
    assert len(shown) <= 80
    assert shown.startswith("…") and shown.endswith("…")
    assert shown[offset:offset + length] == "TBD"


def test_span_at_the_start_of_a_long_line_cuts_only_the_end() -> None:
    line = "TBD " + "filler " * 40
    shown, offset, length = excerpt(line, 1, 4, 60)
    assert not shown.startswith("…") and shown.endswith("…")
    assert (offset, length) == (0, 3)


def test_span_over_several_lines_is_underlined_to_the_end_of_its_first_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    copy_fixtures(tmp_path)
    monkeypatch.chdir(tmp_path)
    output = run_check(["--format", "full", "docs/checkout.md"]).stdout
    assert " 1 | ---\n   | ^^^ missing-owner\n" in output


def test_findings_are_grouped_under_a_header_per_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    copy_fixtures(tmp_path)
    monkeypatch.chdir(tmp_path)
    output = run_check(["--format", "full", "docs"]).stdout
    headers = re.findall(r"^(\S+\.md): (.*)$", output, re.M)  # finding lines go on with ":line:col:"
    assert headers == [("docs/checkout.md", "1 error, 2 warnings, 1 info"), ("docs/ops/runbook.md", "1 error, 1 info")]
    assert "docs/notes.md" not in output  # a clean file gets no header


def test_summary_counts_files_findings_by_level_and_time() -> None:
    rules = active(Unresolved)
    result = lint([Source("a.md", None, "TBD\n"), Source("b.md", None, "Done.\n")], rules)
    result.elapsed = 1.234
    assert summary_line(result) == "Checked 2 files in 1.23s: 1 error, 0 warnings, 0 info."


def test_summary_of_a_clean_run_says_so() -> None:
    result = lint([Source("a.md", None, "Done.\n")], active(Unresolved))
    result.elapsed = 0.01
    assert summary_line(result) == "Checked 1 file in 0.01s: no findings."


def test_summary_mentions_files_that_could_not_be_read() -> None:
    result = RunResult(read_failures=[ReadFailure("scan.md", "binary file")])
    assert summary_line(result).endswith("no findings. 1 file could not be read.")


def test_finding_past_the_last_line_is_shown_without_source(tmp_path: Path) -> None:
    import io

    from speclint.document.model import Span
    from speclint.engine.rule import Finding, Level
    from speclint.engine.runner import FileReport

    finding = Finding("a.md", Span.point(9, 1), "TS003", "test-unresolved", "placeholder", Level.ERROR, "missing")
    result = RunResult(files=[FileReport("a.md", [finding], text="One line.\n")])
    out = io.StringIO()
    write(result, ReportContext.for_run([], "0.1.0", tmp_path, environ={}), out)
    assert "a.md:9:1: error TS003 missing\n\nChecked" in out.getvalue()


def test_no_colour_when_output_is_not_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    copy_fixtures(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert "\x1b[" not in run_check(["--format", "full", "docs"]).stdout


def test_on_a_terminal_full_is_the_default_and_coloured_unless_no_color(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import speclint.cli.check

    use_rules(monkeypatch)
    copy_fixtures(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(speclint.cli.check, "_is_terminal", lambda stream: True)
    monkeypatch.setattr(speclint.cli.check, "_progress_bar", lambda environ: None)
    coloured = run_check(["docs"]).stdout
    assert "\x1b[1;31merror\x1b[0m" in coloured and "^" in coloured
    plain = run_check(["docs"], env={"NO_COLOR": "1"}).stdout
    assert "\x1b[" not in plain and "   | ^^^ missing-owner" in plain


def test_colour_is_allowed_unless_no_color_or_a_dumb_terminal() -> None:
    from speclint.cli.check import _color_allowed

    assert _color_allowed({})
    assert not _color_allowed({"NO_COLOR": "1"})
    assert _color_allowed({"NO_COLOR": ""})  # no-color.org: only a non-empty value counts
    assert not _color_allowed({"TERM": "dumb"})


def test_color_option_forces_colour_on_or_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_rules(monkeypatch)
    copy_fixtures(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert "\x1b[" in run_check(["--format", "full", "--color", "always", "docs"]).stdout
    assert "\x1b[" not in run_check(["--format", "full", "--color", "never", "docs"]).stdout


def test_crlf_and_bom_do_not_leak_into_the_excerpt(tmp_path: Path) -> None:
    import io

    rules = active(Unresolved)
    result = lint([Source("win.md", None, "\ufeff# Retries\r\n\r\nBackoff: TBD\r\n")], rules)
    out = io.StringIO()
    write(result, ReportContext.for_run(rules, "0.1.0", tmp_path, environ={}), out)
    assert "3 | Backoff: TBD\n  |          ^^^ test-unresolved\n" in out.getvalue()
    assert "\r" not in out.getvalue() and "\ufeff" not in out.getvalue()


def test_summary_mentions_rules_that_crashed() -> None:
    from reporting_rules import Crashing

    result = lint([Source("a.md", None, "Done.\n")], active(Crashing))
    result.elapsed = 0.0
    assert summary_line(result) == "Checked 1 file in 0.00s: no findings. 1 rule error (a rule crashed on a file)."
