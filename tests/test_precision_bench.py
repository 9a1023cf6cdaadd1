"""The precision bench (bench/precision.py, bench/sample_findings.py): verdict files, matching, arithmetic, draws.

No corpus is needed: findings are built in the test, verdict files are tiny TSVs written to tmp_path.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from findings import FindingRecord  # noqa: E402
from precision import Tally, VerdictError, format_table, match, read_verdicts, tally  # noqa: E402
from sample_findings import draw  # noqa: E402

HEADER = "path\trule\tline\ttext\tverdict\treason\tmessage\n"


def finding(path: str = "prds/a.md", rule: str = "WD001", line: int = 3, text: str = "It loads quickly.",
            kind: str = "prd") -> FindingRecord:
    return FindingRecord(path=path, rule=rule, line=line, column=1, level="warning", message="vague term",
                         text=text, kind=kind)


def verdict_file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "round.tsv"
    path.write_text("# drawn with seed 1\n" + HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_a_verdict_matches_a_finding_on_path_rule_and_line_text_even_when_the_line_moved(tmp_path: Path) -> None:
    verdicts = read_verdicts(verdict_file(tmp_path, "prds/a.md\tWD001\t3\t  It loads quickly.\tright\tvague"))

    result = tally(verdicts, [finding(line=40)])

    assert (result["WD001"].right, result["WD001"].stale, result["WD001"].unjudged) == (1, 0, 0)


def test_a_verdict_whose_line_no_longer_has_the_finding_counts_as_fixed_or_moved(tmp_path: Path) -> None:
    verdicts = read_verdicts(verdict_file(tmp_path, "prds/a.md\tWD001\t3\tIt loads fast.\twrong\tnot vague"))

    result = tally(verdicts, [finding()])

    assert (result["WD001"].judged, result["WD001"].stale, result["WD001"].unjudged) == (0, 1, 1)


def test_a_verdict_of_another_rule_on_the_same_line_does_not_match(tmp_path: Path) -> None:
    verdicts = read_verdicts(verdict_file(tmp_path, "prds/a.md\tWD002\t3\tIt loads quickly.\tright\tx"))

    assert match(verdicts, [finding()]).matched == []


def test_each_verdict_matches_one_finding_of_its_key_and_the_others_stay_unjudged(tmp_path: Path) -> None:
    verdicts = read_verdicts(verdict_file(tmp_path, "prds/a.md\tWD001\t3\tIt loads quickly.\tnoise\tx"))

    result = tally(verdicts, [finding(), finding()])

    assert (result["WD001"].noise, result["WD001"].findings, result["WD001"].unjudged) == (1, 2, 1)


def test_a_verdict_pairs_with_the_finding_of_its_message_when_several_share_its_line(tmp_path: Path) -> None:
    row = "prds/a.md\tRK001\t1\t# Title\tnoise\tx\treliability is never addressed"
    verdicts = read_verdicts(verdict_file(tmp_path, row))
    findings = [
        FindingRecord("prds/a.md", "RK001", 1, 1, "warning", "security is never addressed", "# Title", "prd"),
        FindingRecord("prds/a.md", "RK001", 1, 1, "warning", "reliability is never addressed", "# Title", "prd"),
    ]

    (paired,) = match(verdicts, findings).matched

    assert paired[1].message == "reliability is never addressed"


def test_a_row_without_a_verdict_is_drawn_but_neither_judged_nor_fixed(tmp_path: Path) -> None:
    verdicts = read_verdicts(verdict_file(tmp_path, "prds/a.md\tWD001\t3\tIt loads quickly.\t\t"))

    result = tally(verdicts, [finding()])

    assert (result["WD001"].judged, result["WD001"].stale, result["WD001"].unjudged) == (0, 0, 1)


def test_an_unknown_verdict_is_an_error_naming_the_file_and_line(tmp_path: Path) -> None:
    path = verdict_file(tmp_path, "prds/a.md\tWD001\t3\tIt loads quickly.\tmaybe\t")

    with pytest.raises(VerdictError, match=r"round\.tsv:3: verdict 'maybe'"):
        read_verdicts(path)


def test_precision_counts_noise_against_the_rule_and_lenient_precision_leaves_it_out() -> None:
    counts = Tally(right=3, noise=1, wrong=1)

    assert (counts.precision, counts.lenient) == (pytest.approx(0.6), pytest.approx(0.75))


def test_weighted_precision_weighs_each_kind_by_its_share_of_the_findings(tmp_path: Path) -> None:
    rows = ("keps/a.md\tWD001\t3\tIt loads quickly.\twrong\tx", "prds/b.md\tWD001\t3\tIt loads quickly.\tright\tx")
    verdicts = read_verdicts(verdict_file(tmp_path, *rows))
    keps = [finding(path="keps/a.md", kind="kep-like")] + [finding(path=f"keps/{n}.md", kind="kep-like") for n in range(2)]
    findings = keps + [finding(path="prds/b.md", kind="prd")]

    result = tally(verdicts, findings)["WD001"]

    assert (result.precision, result.weighted) == (pytest.approx(0.5), pytest.approx(0.25))


def test_a_rule_without_verdicts_has_no_precision() -> None:
    assert Tally(findings=4, unjudged=4).precision is None


def test_the_table_has_a_total_row_summing_every_rule() -> None:
    table = format_table({"WD001": Tally(right=1, wrong=1), "ST003": Tally(right=2, noise=1, wrong=1)}, {})

    total = table.splitlines()[-1].split()

    assert total[:7] == ["total", "0", "6", "3", "1", "2", "50%"]


def test_a_draw_lets_each_kind_give_a_finding_before_any_kind_gives_a_second() -> None:
    records = [finding(path=f"keps/{n}.md", kind="kep-like") for n in range(10)] + [
        finding(path="prds/a.md", kind="prd"), finding(path="adrs/b.md", kind="adr")]

    chosen = draw(records, 4, random.Random(12))

    assert sorted(record.kind for record in chosen) == ["adr", "kep-like", "kep-like", "prd"]


def test_a_draw_takes_one_finding_per_document_before_a_second_from_any() -> None:
    records = [finding(path="keps/big.md", line=n, kind="kep-like") for n in range(10)] + [
        finding(path="keps/small.md", kind="kep-like")]

    chosen = draw(records, 2, random.Random(12))

    assert sorted(record.path for record in chosen) == ["keps/big.md", "keps/small.md"]


def test_the_same_seed_draws_the_same_findings() -> None:
    records = [finding(path=f"keps/{n}.md", kind="kep-like") for n in range(30)]

    assert draw(records, 5, random.Random(12)) == draw(records, 5, random.Random(12))


def test_a_rule_whose_judged_findings_are_all_gone_has_no_precision_and_says_why() -> None:
    from write_precision import precision_entry

    entry = precision_entry(Tally(stale=3), "abc1234")

    assert (entry["precision"], entry["note"], entry["findings"], entry["judged"]) == (None, "no corpus findings", 0, 0)


def test_a_rule_with_current_findings_not_yet_judged_has_no_precision_either() -> None:
    from write_precision import precision_entry

    assert precision_entry(Tally(findings=4, unjudged=4, stale=1), "abc1234")["note"] == "not judged yet"


def test_a_rule_with_judged_current_findings_gets_their_precision() -> None:
    from write_precision import precision_entry

    entry = precision_entry(Tally(right=9, wrong=1, findings=12, stale=5), "abc1234")

    assert (entry["precision"], entry["judged"], "note" in entry) == (0.9, 10, False)
