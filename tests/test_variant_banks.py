"""The variant banks in bench/variants/ are well formed (bench/score_variants.py scores them).

A bank holds many phrasings of one defect class, split into a tune half and a holdout half, with
traps that look like the defect and are not. These tests read the banks only; they never run
speclint over them.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from speclint.engine.registry import load_registry

BANK_DIR = Path(__file__).resolve().parent.parent / "bench" / "variants"
BANKS = {path.stem: YAML(typ="safe").load(path.read_text(encoding="utf-8")) for path in sorted(BANK_DIR.glob("*.yaml"))}
CASES = [(bank, case) for bank, data in BANKS.items() for case in data["cases"]]


def test_case_ids_are_unique_across_banks() -> None:
    counts = Counter(case["id"] for _, case in CASES)
    assert [case_id for case_id, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("bank", sorted(BANKS))
def test_a_bank_scores_one_known_category(bank: str) -> None:
    categories = {rule.category.value for rule in load_registry().rules.values()}
    assert BANKS[bank]["category"] in categories


@pytest.mark.parametrize("bank", sorted(BANKS))
def test_a_bank_has_both_splits_and_traps(bank: str) -> None:
    cases = BANKS[bank]["cases"]
    assert {case["split"] for case in cases} == {"tune", "holdout"}
    assert any(not case["defect"] for case in cases), "a bank needs traps that look like the defect"


@pytest.mark.parametrize(("bank", "case"), CASES, ids=[case["id"] for _, case in CASES])
def test_a_defect_line_is_inside_its_document(bank: str, case: dict[str, Any]) -> None:
    assert case["split"] in ("tune", "holdout")
    if case["defect"]:
        line_count = len(case["doc"].splitlines())
        for line in (case["line"], *(case.get("also_lines") or ())):
            assert 1 <= int(line) <= line_count
            assert case["doc"].splitlines()[int(line) - 1].strip(), f"line {line} of {case['id']} is blank"
