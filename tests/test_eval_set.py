"""The evaluation sets in bench/eval*/ and their answer keys are well formed.

bench/eval/, eval2, eval3 and eval5 are development sets, bench/eval4/ the scoring set; a key is
answers.yaml or several answers-*.yaml parts. These tests read files only: they never run speclint
over a set (bench/score_eval.py does).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from speclint.engine.registry import load_registry

BENCH_DIR = Path(__file__).resolve().parent.parent / "bench"


def load_set(set_dir: Path) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """The category map and the documents of a set's key, over all its parts."""
    category_map: dict[str, str] = {}
    documents: list[dict[str, Any]] = []
    for part in sorted(set_dir.glob("answers*.yaml")):
        data = YAML(typ="safe").load(part.read_text(encoding="utf-8"))
        category_map.update(data.get("category_map") or {})
        documents += data.get("documents") or []
    return category_map, documents


SETS = {d.name: load_set(d) for d in sorted(BENCH_DIR.glob("eval*")) if list(d.glob("answers*.yaml"))}
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


def lines_of(set_name: str, path: str) -> list[str]:
    return (BENCH_DIR / set_name / path).read_text(encoding="utf-8").splitlines()


def keyed_entries() -> list[tuple[str, str, str, dict[str, Any]]]:
    """Every defect and trap of every key, as (set, document path, 'defect' or 'trap', entry)."""
    return [
        (set_name, document["path"], kind, entry)
        for set_name, (_, documents) in SETS.items()
        for document in documents
        for kind in ("defect", "trap")
        for entry in document.get(kind + "s") or []
    ]


def entry_id(value: Any) -> str:
    return f"{value[0]}/{value[1]}:{value[3].get('line')}" if isinstance(value, tuple) else str(value)


def test_the_scoring_set_and_the_development_set_exist() -> None:
    assert {"eval", "eval2", "eval3", "eval4"} <= set(SETS)


each_set = pytest.mark.parametrize("set_name", sorted(SETS))


@each_set
def test_every_listed_document_exists(set_name: str) -> None:
    missing = [d["path"] for d in SETS[set_name][1] if not (BENCH_DIR / set_name / d["path"]).is_file()]
    assert missing == []


@each_set
def test_every_document_in_the_set_is_listed_once(set_name: str) -> None:
    set_dir = BENCH_DIR / set_name
    # Documents live in folders as a repository holds them (docs/, specs/, .kiro/, keps/, text/);
    # the Markdown files at the set's top level are its README and notes.
    on_disk = sorted(p.relative_to(set_dir).as_posix() for p in set_dir.rglob("*.md") if p.parent != set_dir)
    listed = [d["path"] for d in SETS[set_name][1]]
    assert sorted(listed) == on_disk


@each_set
def test_the_set_holds_at_least_30_documents(set_name: str) -> None:
    DOCUMENTS = SETS[set_name][1]
    assert len(DOCUMENTS) >= 30


@each_set
def test_every_required_style_has_at_least_two_documents(set_name: str) -> None:
    DOCUMENTS = SETS[set_name][1]
    counts = Counter(d["style"] for d in DOCUMENTS)
    assert {style: counts[style] for style in REQUIRED_STYLES if counts[style] < 2} == {}
    assert len(counts) >= 10


@each_set
def test_about_a_third_of_the_documents_are_clean(set_name: str) -> None:
    DOCUMENTS = SETS[set_name][1]
    clean = sum(1 for d in DOCUMENTS if d["clean"])
    assert 0.25 <= clean / len(DOCUMENTS) <= 0.42


@each_set
def test_clean_documents_have_traps_and_no_defects(set_name: str) -> None:
    DOCUMENTS = SETS[set_name][1]
    wrong = [d["path"] for d in DOCUMENTS if d["clean"] and (d.get("defects") or not d.get("traps"))]
    assert wrong == []


@each_set
def test_defective_documents_have_defects(set_name: str) -> None:
    DOCUMENTS = SETS[set_name][1]
    assert [d["path"] for d in DOCUMENTS if not d["clean"] and not d.get("defects")] == []


@each_set
def test_documents_have_realistic_lengths(set_name: str) -> None:
    DOCUMENTS = SETS[set_name][1]
    outside = {d["path"]: len(lines_of(set_name, d["path"])) for d in DOCUMENTS}
    assert {path: n for path, n in outside.items() if not 40 <= n <= 200} == {}


@each_set
def test_every_defect_category_is_scored_under_a_speclint_category(set_name: str) -> None:
    speclint_categories = {rule.category for rule in load_registry().rules.values()}
    category_map = SETS[set_name][0]
    assert set(category_map.values()) <= speclint_categories
    used = {entry["category"] for name, _, kind, entry in keyed_entries() if name == set_name and kind == "defect"}
    assert {c for c in used if category_map.get(c, c) not in speclint_categories} == set()


@pytest.mark.parametrize("keyed", keyed_entries(), ids=entry_id)
def test_keyed_line_holds_its_text(keyed: tuple[str, str, str, dict[str, Any]]) -> None:
    set_name, path, _, entry = keyed
    lines = lines_of(set_name, path)
    assert 1 <= entry["line"] <= len(lines)
    assert lines[entry["line"] - 1].strip() != ""
    assert entry["text"] in lines[entry["line"] - 1]


@pytest.mark.parametrize("keyed", keyed_entries(), ids=entry_id)
def test_keyed_entry_says_why(keyed: tuple[str, str, str, dict[str, Any]]) -> None:
    _, _, kind, entry = keyed
    assert entry.get("note" if kind == "defect" else "why", "").strip() != ""


@pytest.mark.parametrize("keyed", [k for k in keyed_entries() if k[3].get("also")], ids=entry_id)
def test_other_lines_of_a_defect_hold_their_text(keyed: tuple[str, str, str, dict[str, Any]]) -> None:
    set_name, path, _, entry = keyed
    lines = lines_of(set_name, path)
    assert len(entry["also_lines"]) == len(entry["also"])
    for line, text in zip(entry["also_lines"], entry["also"]):
        assert text in lines[line - 1]
