"""The content rules never raise: on arbitrary Markdown-ish text, and on the corpus (its sample;
`bench/corpus_checks.py` runs every document)."""

from __future__ import annotations

import corpus_sample
import pytest
from conftest import requires_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speclint.document.parser import parse
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.registry import load_registry

CONTENT_PREFIXES = ("AC", "EH", "EC", "API")


def _content_rules() -> list[ActiveRule]:
    rules = [rule for rule in load_registry().sorted() if rule.id.startswith(CONTENT_PREFIXES)]
    return [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in rules]


# Pieces real specifications are made of, so random documents reach the rules' interesting paths.
_PIECES = st.sampled_from([
    "## Requirements\n", "### Requirement 1: Export\n", "#### Acceptance Criteria\n", "### User Story 2 - Pay\n",
    "- **FR-001**: Users MUST export invoices.\n", "  - Given a cart, when paid, then shown\n",
    "1. WHEN x, THE system SHALL y and SHALL z\n", "2. IF a, THE system SHALL b\n",
    "**Given** a **When** b **Then** c **When** d\n", "```gherkin\nScenario: x\n  Then y\n  Given z\n```\n",
    "```json\n{\"a\": 1,, ...\n```\n", "```yaml\npaths:\n  /x:\n    get: {responses: {OK: 1}}\n```\n",
    "```yaml\na: [\n```\n", "### POST /v1/orders\n", "| Method | Path |\n|---|---|\n| POST | /x |\n",
    "- `GET /v1/x` → 200\n", "### `tool run`\n", "### `a.b` event\n", "## Edge cases\n", "- [boundary]\n",
    "We charge the card via Stripe and upload files.\n", "> quoted\n", "<!-- comment -->\n", "\n", "   \n",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=25))
def test_content_rules_never_raise_on_generated_documents(pieces: list[str]) -> None:
    result = run_rules(parse("".join(pieces), "generated.md"), _content_rules())
    assert result.failures == []


@requires_corpus
@pytest.mark.corpus
def test_content_rules_never_raise_on_the_corpus() -> None:
    rules = _content_rules()
    failures = []
    for path in corpus_sample.documents():
        document = parse(path.read_text(encoding="utf-8", errors="replace"), str(path))
        failures.extend(run_rules(document, rules).failures)
    assert failures == []
