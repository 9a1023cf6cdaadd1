"""WD010 undefined-standard: a requirement that defers to standards it never names."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, lint_with, requires_corpus, spans

from speclint.api import lint_text


def test_applicable_regulations() -> None:
    text = """
    ## Requirements

    - Card data handling complies with applicable regulations.
    """
    findings = lint_with("WD010", text)
    assert spans(findings) == [(3, 36)]
    assert "'applicable regulations'" in findings[0].message


def test_industry_standards_and_best_practices() -> None:
    text = """
    ## Requirements

    1. The API must comply with industry security standards.
    2. Logging follows industry best practices.
    3. The service meets all relevant compliance requirements.
    """
    assert spans(lint_with("WD010", text)) == [(3, 29), (4, 20), (5, 26)]


def test_an_ears_criterion() -> None:
    text = """
    ## Requirements

    ### Requirement 1

    #### Acceptance Criteria

    1. WHEN a user exports data THE system SHALL follow applicable data protection laws.
    """
    assert spans(lint_with("WD010", text)) == [(7, 53)]


def test_a_named_yardstick_is_not_flagged() -> None:
    text = """
    ## Requirements

    - Card data handling complies with applicable regulations (PCI DSS v4.0, PSD2 SCA).
    - The site follows current accessibility guidelines such as WCAG 2.1 AA.
    - Passwords are stored per OWASP best practices (Argon2id, 19 MiB, 2 iterations).
    """
    assert lint_with("WD010", text) == []


def test_background_rationale_and_design_prose_are_not_read() -> None:
    text = """
    ## Background

    Our current exports do not comply with applicable regulations.

    ## Requirements

    - Exports are encrypted with AES-256. Rationale: to comply with industry standards.
    """
    assert lint_with("WD010", text) == []


def test_security_is_left_to_security_requirement_undefined() -> None:
    text = """
    ## Requirements

    - The wallet must meet security requirements.
    """
    assert lint_with("WD010", text) == []


SPEC_KIT = "speckit-specs/21-DOT-DEV__subtree__specs__003-init-command__spec.md"


@requires_corpus
def test_damage_a_spec_kit_requirement_deferred_to_unnamed_standards(tmp_path: Path) -> None:
    source = CORPUS / SPEC_KIT
    if not source.is_file():
        pytest.skip(f"{SPEC_KIT} is not in the corpus")
    lines = source.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("- **FR-005**:"))
    lines[index] = "- **FR-005**: Command MUST create `subtree.yaml` following industry best practices"
    text = "\n".join(lines)
    target = tmp_path / SPEC_KIT
    target.parent.mkdir(parents=True)
    target.write_text(text, encoding="utf-8")
    found = [(f.span.start.line, f.span.start.column) for f in lint_text(text, target, isolated=True, select=("WD010",))
             if f.rule_id == "WD010"]
    assert found == [(index + 1, 60)]
