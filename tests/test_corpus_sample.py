"""The corpus sample the corpus tests run on (`corpus_sample`): every kind of every folder is in it."""

from __future__ import annotations

import corpus_sample
import pytest
from conftest import CORPUS

pytestmark = pytest.mark.skipif(not (CORPUS / "KINDS.tsv").is_file(), reason="../shared/corpus has no KINDS.tsv")


def _kinds() -> dict[str, str]:
    rows = (line.split("\t") for line in (CORPUS / "KINDS.tsv").read_text(encoding="utf-8").splitlines())
    return {row[0]: row[1] for row in rows if len(row) > 1 and "/" in row[0] and row[0].endswith(".md")}


@pytest.mark.skipif(corpus_sample.EVERY_DOCUMENT, reason="SPECLINT_CORPUS=all: every document, no sample")
def test_the_sample_holds_each_kind_of_each_folder_and_a_tenth_of_the_corpus_at_most() -> None:
    kinds = _kinds()
    sampled = corpus_sample.sample()
    strata = {(path.split("/", 1)[0], kind) for path, kind in kinds.items()}
    assert {(path.split("/", 1)[0], kinds[path]) for path in sampled} == strata
    assert 100 <= len(sampled) <= len(kinds) // 10


@pytest.mark.skipif(corpus_sample.EVERY_DOCUMENT, reason="SPECLINT_CORPUS=all: every document, no sample")
def test_a_folder_can_be_topped_up_in_the_seeded_order() -> None:
    sampled = corpus_sample.documents("rust-rfcs")
    topped_up = corpus_sample.documents("rust-rfcs", at_least=len(sampled) + 5)
    assert set(sampled) < set(topped_up) and len(topped_up) == len(sampled) + 5
    assert topped_up == corpus_sample.documents("rust-rfcs", at_least=len(sampled) + 5)
