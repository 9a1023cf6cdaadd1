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


# --- what the fuzzer reports (issue 17: tracebacks, rule crashes, out-of-range positions, slow documents)


def _lint_giving(monkeypatch: pytest.MonkeyPatch, result: object = None, error: Exception | None = None) -> None:
    import speclint.engine.runner as runner

    def fake_lint(*args: object, **kwargs: object) -> object:
        if error is not None:
            raise error
        return result

    monkeypatch.setattr(runner, "lint", fake_lint)


def _one_line_document(fuzz):  # type: ignore[no-untyped-def]
    return fuzz.Fuzzed(0, "doc.md", "# Title\n")


def test_the_fuzzer_reports_an_exception_out_of_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    fuzz = load_fuzzer()
    _lint_giving(monkeypatch, error=RecursionError("deep"))
    assert "RecursionError: deep" in fuzz.lint_document(_one_line_document(fuzz)).traceback


def test_the_fuzzer_reports_a_rule_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    from types import SimpleNamespace

    from speclint.engine.check import RuleFailure

    fuzz = load_fuzzer()
    failure = RuleFailure("doc.md", "XX001", "broken", "KeyError: 'x'")
    _lint_giving(monkeypatch, SimpleNamespace(findings=[], rule_failures=[failure], read_failures=[]))
    assert fuzz.lint_document(_one_line_document(fuzz)).rule_failures == ["XX001: KeyError: 'x'"]


def test_the_fuzzer_reports_a_position_outside_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from types import SimpleNamespace

    from speclint.document.model import Span
    from speclint.engine.rule import Finding, Level

    fuzz = load_fuzzer()
    past_the_line = Finding("doc.md", Span.of(1, 1, 1, 10), "XX001", "x", "structure", Level.WARNING, "m")
    past_the_text = Finding("doc.md", Span.of(3, 1, 3, 2), "XX002", "x", "structure", Level.WARNING, "m")
    _lint_giving(monkeypatch, SimpleNamespace(findings=[past_the_line, past_the_text], rule_failures=[],
                                              read_failures=[]))
    assert fuzz.lint_document(_one_line_document(fuzz)).out_of_range == [
        "XX001 1:10, line has 7 characters", "XX002 line 3 of 1", "XX002 line 3 of 1"]


def test_the_fuzzer_calls_slow_a_document_over_one_second_per_100_kb() -> None:
    fuzz = load_fuzzer()
    assert fuzz.is_slow(fuzz.Outcome(0, "a.md", size=300_000, seconds=3.5))
    assert not fuzz.is_slow(fuzz.Outcome(0, "a.md", size=300_000, seconds=2.5))
    assert fuzz.is_slow(fuzz.Outcome(0, "a.md", size=2_000, seconds=1.2))  # under 100 KB: 1 s


def test_the_fuzzer_deletes_duplicates_splices_and_inserts_markdown_yaml_and_front_matter() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    fuzz = load_fuzzer()
    generator = fuzz.Generator(CORPUS, seed=2026, max_bytes=8000)
    kinds = {mutation.split()[0] for index in range(60) for mutation in generator.document(index).mutations}
    assert {"delete", "duplicate", "shuffle", "splice", "markdown", "yaml", "front", "characters"} <= kinds
