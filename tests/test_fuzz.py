"""A short, deterministic run of the mutational fuzzer (`bench/fuzz.py`): mutated real documents
raise nothing, crash no rule and get only positions inside their text. Time is not checked here
(the fuzzer's own runs report slow documents)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent
CORPUS = REPOSITORY.parent / "shared" / "corpus"


def load_fuzzer():
    spec = importlib.util.spec_from_file_location("speclint_fuzz", REPOSITORY / "bench" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present (it holds the real-world documents)")
def test_two_hundred_mutated_documents_lint_cleanly() -> None:
    fuzz = load_fuzzer()
    generator = fuzz.Generator(CORPUS, seed=2026, max_bytes=8000)
    problems = []
    for fuzzed, outcome in fuzz.run(generator, iter(range(200)), workers=0, timeout=0):
        if outcome.traceback or outcome.rule_failures or outcome.out_of_range:
            problems.append((fuzzed.index, fuzzed.mutations, outcome.traceback[-500:], outcome.rule_failures,
                             outcome.out_of_range))
    assert problems == []


def test_the_same_seed_builds_the_same_documents() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    fuzz = load_fuzzer()
    first = fuzz.Generator(CORPUS, seed=7, max_bytes=8000).document(42)
    again = fuzz.Generator(CORPUS, seed=7, max_bytes=8000).document(42)
    assert (first.text, first.mutations) == (again.text, again.mutations)
    assert first.mutations
