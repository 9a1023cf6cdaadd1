"""A complete, well-written spec gets no content finding, and no text makes a content rule crash."""

from __future__ import annotations

from conftest import md
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speclint.document.parser import parse
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.registry import load_registry

CONTENT_RULE_IDS = ("WD001", "WD002", "WD003", "WD004", "WD005", "WD006", "WD007", "MS001", "MS002", "MS004", "MS005",
                    "TR001", "TR002", "TR003", "MD002")


def content_rules() -> list[ActiveRule]:
    registry = load_registry()
    rules = [registry.get(rule_id) for rule_id in CONTENT_RULE_IDS]
    return [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in rules if rule is not None]


GOOD_PRD = md('''
---
title: Saved carts
status: in-review
owners: ["@maria.lopez", "@dev.patel"]
created: 2026-09-14
updated: 2026-10-02
---

# Saved carts

## Problem statement

Shoppers lose their cart when they switch devices. In interviews they said checkout feels slow
and clunky, and support says the "where did my cart go" tickets are the most frequent kind.

> "I added everything on my phone, then on my laptop it was all gone. Super frustrating, and the
> site is never fast enough on mobile anyway." (interview, August)

## Goals

- Cut cart-loss support tickets from 1,200 to under 300 a month by the end of Q1.

## User stories

- As a returning shopper, I want my cart on every device so that I can pay where it is easiest.

## Requirements

- **FR-001**: The system must save the cart of a signed-in shopper within 2 seconds of any change.
- **FR-002**: The system must show the saved cart on every device the shopper signs in on.
- **FR-003**: Carts must expire 30 days after their last change (see [Retention](#retention)).
- **FR-004**: A cart holds at most 100 line items; adding the 101st shows "Your cart is full".
- **FR-005**: Merging a guest cart into a saved cart follows FR-002 and keeps the larger quantity.

### Non-functional requirements

- **NFR-001**: Loading a saved cart takes under 300 ms at p95 with 5,000 concurrent shoppers.
- **NFR-002**: The cart service is available 99.9% of each calendar month.

## Acceptance criteria

- Given a shopper with a saved cart on their phone, When they sign in on a laptop, Then the same
  items and quantities are shown within 2 seconds.
- Given a cart last changed 31 days ago, When the shopper signs in, Then the cart is empty.

## Success metrics

| Metric | Target |
|--------|--------|
| Cart-loss tickets | under 300 per month by end of Q1 |
| Cross-device checkout share | from 8% to 15% within 90 days |

## Retention

Carts are deleted by the nightly job; see `cart_expiry.py` and the [data policy](https://example.com/policy).

## Open questions

- Should carts of deleted accounts be purged at once? Owner: @maria.lopez, due 2026-10-20.
''')


def test_complete_prd_has_no_content_findings() -> None:
    result = run_rules(parse(GOOD_PRD, "docs/saved-carts.md"), content_rules())
    assert not result.failures
    assert [(finding.rule_id, finding.span.line, finding.message) for finding in result.findings] == []


GOOD_EARS = md('''
# Requirements Document

## Introduction

This feature adds fast, seamless certificate rotation for cluster nodes.

## Glossary

- **Rotator**: the component that renews node certificates.

## Requirements

### Requirement 1: Rotation

**User Story:** As an operator, I want certificates rotated automatically, so that nodes never
expire unnoticed.

#### Acceptance Criteria

1. WHEN a certificate is within 7 days of expiry, THE Rotator SHALL request a new certificate.
2. IF the certificate authority rejects the request, THEN THE Rotator SHALL retry 3 times, 60 seconds apart, and raise a `CertRotationFailed` alert.
3. WHILE a rotation is in progress, THE Rotator SHALL keep serving with the current certificate.
''')


def test_complete_ears_requirements_have_no_content_findings() -> None:
    result = run_rules(parse(GOOD_EARS, ".kiro/specs/rotation/requirements.md"), content_rules())
    assert not result.failures
    assert [(finding.rule_id, finding.span.line, finding.message) for finding in result.findings] == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("#-*>|`[]()!:\n -FRSC0123456789 etcshouldfast\"{}<>=_.\t")), max_size=400))
def test_content_rules_never_crash_on_arbitrary_markdown(text: str) -> None:
    result = run_rules(parse(text, "fuzz.md"), content_rules())
    assert not result.failures, result.failures


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_content_rules_never_crash_on_arbitrary_text(text: str) -> None:
    result = run_rules(parse(text, "fuzz.md"), content_rules())
    assert not result.failures, result.failures


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abstuow: -[]{}?&*!|>'\"\n0123456789#,.")), max_size=120))
def test_metadata_rule_never_crashes_on_arbitrary_front_matter(yaml_text: str) -> None:
    document = parse(f"---\n{yaml_text}\n---\n# Title\n", "fuzz.md")
    result = run_rules(document, content_rules())
    assert not result.failures, result.failures


DRAFT_PRD = md('''
---
title: Bulk invoice export
status: drafting
owners: []
---

# Bulk invoice export

## Problem statement

Finance teams export invoices one by one. "It is painfully slow", one controller told us.

## Requirements

- **FR-001**: Users can export up to 5,000 invoices as one ZIP file.
- **FR-002**: The export should include PDFs, CSV summaries, etc.
- **FR-003**: Large exports are emailed where possible (see FR-007).
- **FR-003**: The export page is intuitive.

## Non-functional requirements

- **NFR-001**: Exports complete quickly, even under heavy load.
- **NFR-002**: The export service is always available.

## Success metrics

- Fewer support tickets about exports.

See [rollout](#roll-out) for dates.

## Rollout

Behind the `bulk_export` flag for 10% of workspaces in the first week.
''')


def test_draft_prd_gets_one_finding_per_defect() -> None:
    result = run_rules(parse(DRAFT_PRD, "docs/bulk-export.md"), content_rules())
    assert not result.failures
    found = sorted({(finding.rule_id, finding.span.line) for finding in result.findings})
    assert found == [
        ("MD002", 3),  # status: drafting
        ("MD002", 4),  # owners: []
        ("MS004", 27),  # a metric with no target
        ("MS005", 22),  # "under heavy load": how much load (the speed is WD006's "quickly", so not MS002's)
        ("TR001", 18),  # FR-003 twice
        ("TR002", 17),  # FR-007 is not defined
        ("TR003", 29),  # #roll-out: the heading is "Rollout"
        ("WD001", 18),  # intuitive (preview: vague-term is the broad form of vague-requirement)
        ("WD001", 22),  # quickly
        ("WD002", 17),  # where possible
        ("WD003", 16),  # etc.
        ("WD004", 23),  # always available
        ("WD005", 16),  # should
        ("WD006", 18),  # is intuitive
        ("WD006", 22),  # complete quickly
    ]
