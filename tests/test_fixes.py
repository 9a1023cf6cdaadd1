"""`speclint check --fix` and `--diff`: each safe fix removes its finding, changes nothing else in the
document, and changes nothing when run again. Driven through the CLI, on files written here."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from speclint.cli import cli
from speclint.document.model import Span
from speclint.fixes import Fix, TextEdit, apply_fixes


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str) -> Result:
    runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()
    # ST002 and ST006 are preview rules: their fixes are tested with the group on.
    return runner.invoke(cli, ["check", "--isolated", "--preview", "--format", "concise", *args], catch_exceptions=False)


def fix_and_recheck(path: Path, *options: str) -> tuple[str, Result]:
    """Fix the file, return its new text and the findings of a check after the fix."""
    fixed = check("--fix", *options, str(path.name))
    assert fixed.exit_code in (0, 1), fixed.output
    return path.read_text(encoding="utf-8", errors="strict"), check(*options, str(path.name))


def assert_idempotent(path: Path, *options: str) -> None:
    before = path.read_bytes()
    check("--fix", *options, path.name)
    assert path.read_bytes() == before


PRD_MISSING_NON_GOALS = """\
# Saved cards

## Problem

Shoppers retype their card for every order.

## Goals

- Pay with a saved card in one tap.

## Requirements

- R1: a shopper can save a card at checkout.

## Success metrics

- 30% of orders use a saved card within 90 days.
"""


def test_missing_section_is_inserted_as_a_skeleton_where_the_profile_puts_it(workdir: Path) -> None:
    path = workdir / "spec.md"
    path.write_text(PRD_MISSING_NON_GOALS)
    options = ("--profile", "prd", "--select", "ST002")
    text, after = fix_and_recheck(path, *options)
    assert text == PRD_MISSING_NON_GOALS.replace(
        "## Requirements",
        "## Non-goals\n\n<!-- What this work will not do, so that nobody expects it: one line each. -->\n\n"
        "## Requirements",
    )
    assert after.exit_code == 0 and after.stdout == ""
    assert_idempotent(path, *options)


def test_inserted_skeleton_is_reported_as_empty_until_it_is_written(workdir: Path) -> None:
    path = workdir / "spec.md"
    path.write_text(PRD_MISSING_NON_GOALS)
    check("--fix", "--profile", "prd", "--select", "ST002", "spec.md")
    after = check("--profile", "prd", "--select", "ST003", "spec.md")
    assert "ST003 section 'Non-goals' is empty" in after.stdout


def test_missing_last_section_is_appended_after_the_section_before_it(workdir: Path) -> None:
    path = workdir / "spec.md"
    text = PRD_MISSING_NON_GOALS.replace("## Goals", "## Non-goals\n\n- No bank accounts.\n\n## Goals")
    text = text[: text.index("## Success metrics")].rstrip("\n")  # no line ending at the end
    path.write_text(text)
    fixed, after = fix_and_recheck(path, "--profile", "prd", "--select", "ST002")
    assert fixed == text + "\n\n## Success metrics\n\n<!-- How you will know this worked: metric, baseline, " \
        "target, and when it is measured. -->\n"
    assert after.stdout == ""


HEADING_JUMP = """\
# Saved cards

## Requirements

#### Checkout page

Shows saved cards first.

##### Empty state

Shows the card form.

## Rollout
"""


def test_heading_jump_is_repaired_with_the_subsections_below_it(workdir: Path) -> None:
    path = workdir / "spec.md"
    path.write_text(HEADING_JUMP)
    text, after = fix_and_recheck(path, "--select", "ST006")
    assert text == HEADING_JUMP.replace("#### Checkout", "### Checkout").replace("##### Empty", "#### Empty")
    assert after.stdout == ""
    assert_idempotent(path, "--select", "ST006")


def test_setext_heading_has_no_fix(workdir: Path) -> None:
    document = "# Title\n\n### Deep\n\nSub\n---\n"  # the setext heading is level 2: no jump to fix there
    path = workdir / "spec.md"
    path.write_text("# Title\n\n### Deep\n")
    assert "[*]" in check("--select", "ST006", "spec.md").stdout
    path.write_text(document)
    assert check("--select", "ST006", "spec.md").stdout.count("ST006") == 1


BROKEN_LINK = """\
# Saved cards

See [the rollout](#rolout) and [errors](#error-handling).

## Rollout

## Failure modes
"""


def test_broken_link_is_pointed_at_the_one_heading_it_almost_names(workdir: Path) -> None:
    path = workdir / "spec.md"
    path.write_text(BROKEN_LINK)
    text, after = fix_and_recheck(path, "--select", "TR003")
    assert text == BROKEN_LINK.replace("(#rolout)", "(#rollout)")
    # '#error-handling' names no heading closely: reported, not changed
    assert after.stdout.count("TR003") == 1 and "#error-handling" in after.stdout
    assert_idempotent(path, "--select", "TR003")


def test_broken_link_close_to_two_headings_is_not_changed(workdir: Path) -> None:
    path = workdir / "spec.md"
    document = "# T\n\nSee [x](#limit).\n\n## Limits\n\n## Limit 2\n"
    path.write_text(document)
    result = check("--select", "TR003", "spec.md")
    assert "TR003 link target" in result.stdout and "[*]" not in result.stdout
    check("--fix", "--select", "TR003", "spec.md")
    assert path.read_text() == document


SUPPRESSIONS = """\
# Saved cards

<!-- speclint-disable-next-line PH001 -->
Cards are stored by the payment provider.

Retry limit: TBD <!-- speclint-disable-line PH001 -->

Backoff: 2 s. <!-- speclint-disable-line PH001, ST006 -->
"""


def test_unused_suppressions_are_deleted_and_used_ones_kept(workdir: Path) -> None:
    path = workdir / "spec.md"
    path.write_text(SUPPRESSIONS)
    options = ("--select", "ST100,PH001,ST006")
    text, after = fix_and_recheck(path, *options)
    assert text == (
        "# Saved cards\n\n"
        "Cards are stored by the payment provider.\n\n"
        "Retry limit: TBD <!-- speclint-disable-line PH001 -->\n\n"
        "Backoff: 2 s.\n"
    )
    assert after.exit_code == 0 and after.stdout == ""
    assert_idempotent(path, *options)


def test_unused_rule_in_a_used_comment_is_removed_from_it(workdir: Path) -> None:
    path = workdir / "spec.md"
    path.write_text("# T\n\nRetry limit: TBD <!-- speclint-disable-line ST006, PH001 -- agreed -->\n")
    text, after = fix_and_recheck(path, "--select", "ST100,PH001,ST006")
    assert text == "# T\n\nRetry limit: TBD <!-- speclint-disable-line PH001 -- agreed -->\n"
    assert after.stdout == ""


def test_fixable_findings_are_marked_in_the_concise_format(workdir: Path) -> None:
    (workdir / "spec.md").write_text(HEADING_JUMP)
    result = check("--select", "ST006", "spec.md")
    assert "warning ST006 [*] heading level 4 after level 2" in result.stdout


def test_diff_shows_the_changes_and_writes_nothing(workdir: Path) -> None:
    path = workdir / "spec.md"
    path.write_text(HEADING_JUMP)
    result = check("--diff", "--select", "ST006", "spec.md")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == ["--- a/spec.md", "+++ b/spec.md"]
    assert "-#### Checkout page\n+### Checkout page\n" in result.stdout
    assert path.read_text() == HEADING_JUMP


def test_diff_with_nothing_to_fix_is_empty_and_exits_0(workdir: Path) -> None:
    (workdir / "spec.md").write_text("# Title\n\n## Section\n\nText.\n")
    result = check("--diff", "--select", "ST006", "spec.md")
    assert (result.exit_code, result.stdout) == (0, "")


def test_fix_keeps_crlf_line_endings_and_the_bom(workdir: Path) -> None:
    path = workdir / "spec.md"
    path.write_bytes(("\ufeff" + HEADING_JUMP).replace("\n", "\r\n").encode("utf-8"))
    check("--fix", "--select", "ST006", "spec.md")
    expected = ("\ufeff" + HEADING_JUMP.replace("#### Checkout", "### Checkout").replace("##### Empty", "#### Empty"))
    assert path.read_bytes() == expected.replace("\n", "\r\n").encode("utf-8")


def test_fix_reports_what_is_left_and_how_many_were_fixed(workdir: Path) -> None:
    (workdir / "spec.md").write_text("# T\n\n#### Deep\n\nRetry limit: TBD\n")
    result = check("--fix", "--select", "ST006,PH001", "spec.md")
    assert "fixed 1 finding in 1 file" in result.stderr
    assert "PH001" in result.stdout and "ST006" not in result.stdout


def test_overlapping_edits_are_left_for_the_next_round() -> None:
    text = "abcdef\n"
    first = Fix("first", (TextEdit(Span.of(1, 2, 1, 4), "X"),))
    overlapping = Fix("second", (TextEdit(Span.of(1, 3, 1, 5), "Y"),))
    outcome = apply_fixes(text, [first, overlapping])
    assert (outcome.text, outcome.applied) == ("aXdef\n", 1)


def test_insertions_at_one_place_keep_the_order_of_their_findings() -> None:
    first = Fix("a", (TextEdit(Span.point(2, 1), "A\n"),))
    second = Fix("b", (TextEdit(Span.point(2, 1), "B\n"),))
    assert apply_fixes("1\n2\n", [first, second]).text == "1\nA\nB\n2\n"


def test_fix_positions_count_code_points() -> None:
    edit = TextEdit(Span.of(1, 14, 1, 20), "#café-")  # '#cafe-' is columns 14 to 19, after wide characters
    assert apply_fixes("# Café ☕ [x](#cafe-)\n", [Fix("f", (edit,))]).text == "# Café ☕ [x](#café-)\n"


def test_text_from_standard_input_is_not_fixed_and_says_so(workdir: Path) -> None:
    runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()
    result = runner.invoke(cli, ["check", "--isolated", "--preview", "--format", "concise", "--select", "ST006", "--fix", "-"],
                           input=HEADING_JUMP)
    assert "not fixed" in result.stderr
    assert "ST006" in result.stdout
