"""The evaluation set in bench/eval/ and its answer key are well formed.

These tests read files only: they never run speclint over the set (bench/score_eval.py does).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from speclint.engine.registry import load_registry

EVAL_DIR = Path(__file__).resolve().parent.parent / "bench" / "eval"
KEY: dict[str, Any] = YAML(typ="safe").load((EVAL_DIR / "answers.yaml").read_text(encoding="utf-8"))
DOCUMENTS: list[dict[str, Any]] = KEY["documents"]
REQUIRED_STYLES = {
    "classic-prd",
    "lean-prd",
    "pr-faq",
    "shape-up-pitch",
    "ieee-srs",
    "design-doc",
    "spec-kit",
    "kiro-ears",
    "madr",
    "nygard-adr",
    "rfc-kep",
}


def lines_of(path: str) -> list[str]:
    return (EVAL_DIR / path).read_text(encoding="utf-8").splitlines()


def keyed_entries() -> list[tuple[str, str, dict[str, Any]]]:
    """Every defect and trap of the key, as (document path, 'defect' or 'trap', entry)."""
    return [
        (document["path"], kind, entry)
        for document in DOCUMENTS
        for kind in ("defect", "trap")
        for entry in document.get(kind + "s") or []
    ]


def entry_id(value: Any) -> str:
    return f"{value[0]}:{value[2].get('line')}" if isinstance(value, tuple) else str(value)


def test_every_listed_document_exists() -> None:
    missing = [d["path"] for d in DOCUMENTS if not (EVAL_DIR / d["path"]).is_file()]
    assert missing == []


def test_every_document_in_the_set_is_listed_once() -> None:
    on_disk = sorted(p.relative_to(EVAL_DIR).as_posix() for p in (EVAL_DIR / "docs").rglob("*.md"))
    listed = [d["path"] for d in DOCUMENTS]
    assert sorted(listed) == on_disk


def test_the_set_holds_at_least_30_documents() -> None:
    assert len(DOCUMENTS) >= 30


def test_every_required_style_has_at_least_two_documents() -> None:
    counts = Counter(d["style"] for d in DOCUMENTS)
    assert {style: counts[style] for style in REQUIRED_STYLES if counts[style] < 2} == {}
    assert len(counts) >= 10


def test_about_a_third_of_the_documents_are_clean() -> None:
    clean = sum(1 for d in DOCUMENTS if d["clean"])
    assert 0.25 <= clean / len(DOCUMENTS) <= 0.42


def test_clean_documents_have_traps_and_no_defects() -> None:
    wrong = [d["path"] for d in DOCUMENTS if d["clean"] and (d.get("defects") or not d.get("traps"))]
    assert wrong == []


def test_defective_documents_have_defects() -> None:
    assert [d["path"] for d in DOCUMENTS if not d["clean"] and not d.get("defects")] == []


def test_documents_have_realistic_lengths() -> None:
    outside = {d["path"]: len(lines_of(d["path"])) for d in DOCUMENTS}
    assert {path: n for path, n in outside.items() if not 40 <= n <= 200} == {}


def test_every_defect_category_is_scored_under_a_speclint_category() -> None:
    speclint_categories = {rule.category for rule in load_registry().rules.values()}
    category_map: dict[str, str] = KEY["category_map"]
    assert set(category_map.values()) <= speclint_categories
    used = {entry["category"] for _, kind, entry in keyed_entries() if kind == "defect"}
    assert {c for c in used if category_map.get(c, c) not in speclint_categories} == set()


@pytest.mark.parametrize("keyed", keyed_entries(), ids=entry_id)
def test_keyed_line_holds_its_text(keyed: tuple[str, str, dict[str, Any]]) -> None:
    path, _, entry = keyed
    lines = lines_of(path)
    assert 1 <= entry["line"] <= len(lines)
    assert lines[entry["line"] - 1].strip() != ""
    assert entry["text"] in lines[entry["line"] - 1]


@pytest.mark.parametrize("keyed", keyed_entries(), ids=entry_id)
def test_keyed_entry_says_why(keyed: tuple[str, str, dict[str, Any]]) -> None:
    _, kind, entry = keyed
    assert entry.get("note" if kind == "defect" else "why", "").strip() != ""


@pytest.mark.parametrize("keyed", [k for k in keyed_entries() if k[2].get("also")], ids=entry_id)
def test_other_lines_of_a_defect_hold_their_text(keyed: tuple[str, str, dict[str, Any]]) -> None:
    path, _, entry = keyed
    lines = lines_of(path)
    assert len(entry["also_lines"]) == len(entry["also"])
    for line, text in zip(entry["also_lines"], entry["also"]):
        assert text in lines[line - 1]
