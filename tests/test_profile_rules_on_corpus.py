"""The profile rules on real documents: they never crash, and they stay quiet on well-kept ones.

A structural rule that fires on most well-maintained documents of a kind is wrong for that kind:
these tests keep each rule's share of flagged documents low on the corpus folders whose documents
are reviewed and merged (Rust RFCs, Kiro and spec-kit specs, MADR decisions, OTEPs, Go designs).
The suite looks at a sample of each folder (`corpus_sample`); `bench/corpus_checks.py` at every document.
"""

from __future__ import annotations

import collections
from pathlib import Path

import corpus_sample
import pytest
from conftest import CORPUS, requires_corpus
from hypothesis import given, settings
from hypothesis import strategies as st

from speclint.document.parser import parse
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.profiles import builtin_profile_names, detect_profile, load_profile
from speclint.engine.registry import load_registry
from speclint.engine.runner import apply_rule_settings

PROFILE_RULES = ("ST002", "ST003", "ST004", "ST005", "ST006", "PH002", "PH003")


def active_rules() -> list[ActiveRule]:
    registry = load_registry()
    return [ActiveRule(rule, rule.default_level, rule.default_options())
            for rule in (registry.get(key) for key in PROFILE_RULES) if rule is not None]


# Documents per folder the shares are taken over in the suite: enough that one flagged document
# does not exceed a limit by itself.
SHARE_SAMPLE = 45


def flagged_share(folder: Path, profile_name: str) -> dict[str, float]:
    """Per rule: the share of `folder`'s documents detected as `profile_name` that get a finding."""
    rules = active_rules()
    flagged: collections.Counter[str] = collections.Counter()
    total = 0
    for path in corpus_sample.documents(folder.name, at_least=SHARE_SAMPLE):
        if "template" in path.name.lower():
            continue  # templates are unfilled on purpose
        document = parse(path.read_text(encoding="utf-8", errors="replace"), str(path))
        document.file_path = path
        profile = detect_profile(document)
        if profile.name != profile_name:
            continue
        total += 1
        result = run_rules(document, apply_rule_settings(rules, [profile.rules]), profile=profile)
        assert not result.failures, result.failures
        for rule_id in {finding.rule_id for finding in result.findings}:
            flagged[rule_id] += 1
    assert total > 0
    return {rule_id: flagged[rule_id] / total for rule_id in PROFILE_RULES}


@requires_corpus
@pytest.mark.corpus
@pytest.mark.parametrize(("folder", "profile_name", "limit"), [
    ("rust-rfcs", "rust-rfc", 0.10),
    ("speckit-specs", "spec-kit", 0.10),
    ("kiro", "ears", 0.20),
    ("madr", "adr", 0.10),
    ("oteps", "otep", 0.15),
    ("go-design", "go-design", 0.20),
])
def test_profile_rules_are_quiet_on_well_kept_documents(folder: str, profile_name: str, limit: float) -> None:
    shares = flagged_share(CORPUS / folder, profile_name)
    noisy = {rule_id: round(share, 2) for rule_id, share in shares.items() if share > limit}
    assert noisy == {}, f"rules flag more than {limit:.0%} of the {profile_name} documents in {folder}"


@requires_corpus
def test_each_corpus_kind_is_detected() -> None:
    expectations = {
        "rust-rfcs/text/0019-opt-in-builtin-traits.md": "rust-rfc",
        "kep-template/README.md": "kep",
        "madr/docs/decisions/0008-add-status-field.md": "adr",
        "oteps/oteps/0000-template.md": "otep",
        "go-design/design/TEMPLATE.md": "go-design",
        "spec-kit/templates/spec-template.md": "spec-kit",
        "spec-kit/templates/plan-template.md": "spec-kit-plan",
    }
    for relative, expected in expectations.items():
        path = CORPUS / relative
        document = parse(path.read_text(encoding="utf-8"), str(path))
        if "template" in relative.lower():
            # By its content a template is of its kind; by its name it is a template, not a spec.
            assert detect_profile(document, path).name == "not-a-spec", relative
            document.file_path = None
            assert detect_profile(document, None).name == expected, relative
        else:
            document.file_path = path
            assert detect_profile(document).name == expected, relative


@given(text=st.text(max_size=400), profile_name=st.sampled_from(builtin_profile_names()))
@settings(max_examples=150, deadline=None)
def test_profile_rules_never_raise_on_any_text(text: str, profile_name: str) -> None:
    result = run_rules(parse(text, "fuzz.md"), active_rules(), profile=load_profile(profile_name))
    assert result.failures == []


_MARKDOWNISH = st.lists(
    st.sampled_from(["# Title\n", "## Goals\n", "#### Deep\n", "- [ ] task\n", "[x]\n", "<your name>\n",
                     "{title of option}\n", "[DATE]\n", "<!-- guidance -->\n", "N/A\n", "```\ncode\n```\n",
                     "| a | b |\n|---|---|\n| 1 | 2 |\n", "> quote\n", "\n", "text\n", "## Goals\n"]),
    max_size=30,
).map("".join)


@given(text=_MARKDOWNISH, profile_name=st.sampled_from(builtin_profile_names()))
@settings(max_examples=150, deadline=None)
def test_profile_rules_never_raise_on_markdown_shaped_text(text: str, profile_name: str) -> None:
    result = run_rules(parse(text, "fuzz.md"), active_rules(), profile=load_profile(profile_name))
    assert result.failures == []
    for finding in result.findings:
        assert 1 <= finding.span.start.line <= max(len(text.splitlines()), 1)


@requires_corpus
@pytest.mark.corpus
def test_placeholder_spans_cover_exactly_the_placeholder_text() -> None:
    """Every PH002 finding on the corpus points at the text its message quotes, column for column."""
    import re

    rule = load_registry().get("template-placeholder")
    assert rule is not None
    checked = 0
    for folder in ("spec-kit", "madr", "go-design"):
        for path in corpus_sample.documents(folder):
            document = parse(path.read_text(encoding="utf-8", errors="replace"), str(path))
            profile = detect_profile(document)
            options = rule.resolve_options(dict(profile.rules["template-placeholder"].options)
                                           if "template-placeholder" in profile.rules else {})
            for finding in run_rules(document, [ActiveRule(rule, rule.default_level, options)], profile=profile).findings:
                quoted = re.search(r"placeholder '(.*)': replace", finding.message)
                assert quoted is not None
                start, end = finding.span.start, finding.span.end
                if start.line != end.line or quoted.group(1).endswith("…"):
                    continue
                source = document.line_text(start.line)[start.column - 1 : end.column - 1]
                assert source == quoted.group(1), (path, finding)
                checked += 1
    assert checked > 50
