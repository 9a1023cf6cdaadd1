"""Profiles: built-in YAML files are valid, load into `Profile`s, and each kind of document is recognised."""

from pathlib import Path

import pytest
from conftest import REPOSITORY, md, parse_md

from speclint.document.headings import heading_key, same_section
from speclint.document.parser import parse
from speclint.engine.profiles import (
    Profile,
    ProfileError,
    builtin_profile_names,
    detect_profile,
    detect_profile_name,
    load_profile,
    profile_from_data,
    validate_profile_data,
)

EXPECTED_PROFILES = {"prd", "spec-kit", "spec-kit-plan", "ears", "kep", "rust-rfc", "adr", "go-design", "otep",
                     "design-doc", "checklist"}


def test_every_issue_profile_is_built_in() -> None:
    assert EXPECTED_PROFILES <= set(builtin_profile_names())


@pytest.mark.parametrize("name", sorted(EXPECTED_PROFILES))
def test_builtin_profile_loads_and_names_itself(name: str) -> None:
    profile = load_profile(name)
    assert isinstance(profile, Profile)
    assert profile.name == name
    assert profile.title_heading in ("expected", "optional", "none")


@pytest.mark.parametrize("name", sorted(EXPECTED_PROFILES))
def test_builtin_profile_rule_settings_name_known_rules_with_valid_options(name: str) -> None:
    from speclint.engine.registry import load_registry

    registry = load_registry()
    for key, setting in load_profile(name).rules.items():
        rule = registry.get(key)
        assert rule is not None, f"profile {name} configures unknown rule {key}"
        rule.resolve_options(setting.options)


def test_rust_rfc_profile_expects_no_title_heading() -> None:
    assert load_profile("rust-rfc").title_heading == "none"


def test_front_matter_schema_is_a_name() -> None:
    assert load_profile("prd").front_matter_schema == "prd"
    assert load_profile("kep").front_matter_schema == "kep"


def test_unknown_profile_is_a_clear_error() -> None:
    with pytest.raises(ProfileError, match="unknown profile 'whitepaper'.*prd"):
        load_profile("whitepaper")


def test_invalid_profile_data_names_the_field() -> None:
    data = {"name": "mine", "description": "x", "title_heading": "sometimes", "sections": []}
    with pytest.raises(ProfileError, match="title_heading"):
        profile_from_data(data)


def test_profile_with_bad_section_pattern_is_rejected() -> None:
    data = {"name": "mine", "description": "x", "title_heading": "optional",
            "sections": [{"name": "Requirement", "pattern": "requirement ("}]}
    with pytest.raises(ProfileError, match="bad pattern"):
        profile_from_data(data)


def test_profile_rule_setting_shorthand_is_a_level() -> None:
    data = {"name": "mine", "description": "x", "title_heading": "optional", "sections": [],
            "rules": {"heading-increment": "off", "ST003": {"level": "error", "options": {"filler": ["TBD"]}}}}
    profile = profile_from_data(data)
    assert profile.rules["heading-increment"].level == "off"
    assert profile.rules["ST003"].options == {"filler": ["TBD"]}


def test_profile_files_are_shipped_as_package_data() -> None:
    assert (REPOSITORY / "rules" / "profiles" / "prd.yaml").is_file()
    assert (REPOSITORY / "schemas" / "profile.schema.json").is_file()


# --- forgiving heading matching ---------------------------------------------------------------


@pytest.mark.parametrize("title", ["Non-goals", "3.1 Non-Goals (Optional)", "**Non goals**", "Step 2: Non-goal",
                                   "Out of scope", "NON-GOALS"])
def test_non_goal_headings_match(title: str) -> None:
    assert same_section(title, "Non-goals")


@pytest.mark.parametrize(("title", "name"), [
    ("Definition of done", "Acceptance criteria"),
    ("Done when", "Acceptance criteria"),
    ("Failure modes", "Error handling"),
    ("What can go wrong", "Error handling"),
    ("Corner cases", "Edge cases"),
    ("Boundary conditions", "Edge cases"),
    ("User Scenarios & Testing *(mandatory)*", "User scenarios and testing"),
])
def test_aliases_name_the_same_section(title: str, name: str) -> None:
    assert same_section(title, name)


def test_different_sections_do_not_match() -> None:
    assert not same_section("Goals", "Non-goals")
    assert not same_section("Error handling", "Edge cases")


def test_heading_key_ignores_ampersand_and_stop_words() -> None:
    assert heading_key("Trade-offs & Mitigations") == heading_key("Tradeoffs and mitigations")


# --- detection --------------------------------------------------------------------------------


def detect(text: str, path: str = "spec.md") -> str:
    return detect_profile_name(parse(md(text), path))


def test_spec_kit_is_recognised_by_its_user_scenarios_section() -> None:
    text = """
    # Feature Specification: Export invoices

    ## User Scenarios & Testing *(mandatory)*

    ### User Story 1 - Download a month of invoices (Priority: P1)
    """
    assert detect(text) == "spec-kit"


def test_spec_kit_is_recognised_by_functional_and_success_criteria_ids() -> None:
    text = """
    # Export invoices

    - **FR-001**: System MUST export invoices as CSV.
    - **FR-002**: System MUST include the tax column.
    - **FR-003**: Users MUST be able to pick a month.
    - **SC-001**: An export of 1,000 invoices finishes in under 10 seconds.
    """
    assert detect(text) == "spec-kit"


def test_fr_ids_alone_do_not_make_a_spec_kit_spec() -> None:
    text = """
    # Export invoices
    ## Requirements
    - FR-001: export as CSV
    - FR-002: include tax
    - FR-003: pick a month
    """
    assert detect(text) == "prd"


def test_ears_requirements_are_recognised() -> None:
    text = """
    # Requirements Document

    ## Introduction

    Invoice export for accountants.
    """
    assert detect(text) == "ears"
    shall = """
    # Invoice export

    1. WHEN the user clicks Export THE SYSTEM SHALL start a CSV download.
    2. IF the month has no invoices THEN THE SYSTEM SHALL show "Nothing to export".
    3. THE SYSTEM SHALL include the tax column.
    """
    assert detect(shall) == "ears"


def test_kep_is_recognised_by_its_headings() -> None:
    text = """
    # KEP-4321: Pod readiness gates v2
    ## Summary
    ## Design Details
    ### Graduation Criteria
    ### Version Skew Strategy
    """
    assert detect(text) == "kep"


def test_kep_is_recognised_by_a_sibling_kep_yaml(tmp_path: Path) -> None:
    (tmp_path / "kep.yaml").write_text("title: Pod readiness gates v2\n")
    readme = tmp_path / "README.md"
    readme.write_text("# Pod readiness gates\n\n## Summary\n\nText.\n")
    document = parse(readme.read_text(), str(readme))
    assert detect_profile(document, readme).name == "kep"


def test_rust_rfc_is_recognised_by_its_metadata_bullets() -> None:
    text = """
    - Feature Name: `async_drop`
    - Start Date: 2024-05-01
    - RFC PR: [rust-lang/rfcs#3999](https://github.com/rust-lang/rfcs/pull/3999)

    # Summary
    """
    assert detect(text) == "rust-rfc"


def test_old_rust_rfc_metadata_with_hash_signs_is_recognised() -> None:
    text = """
    - Start Date: 2014-06-12
    - RFC PR #: https://github.com/rust-lang/rfcs/pull/116

    ## Summary
    """
    assert detect(text) == "rust-rfc"


def test_madr_is_recognised() -> None:
    text = """
    # Use PostgreSQL for the ledger
    ## Context and Problem Statement
    ## Considered Options
    ## Decision Outcome
    """
    assert detect(text) == "adr"


def test_nygard_adr_is_recognised() -> None:
    text = """
    # 3. Use PostgreSQL for the ledger
    ## Status
    Accepted
    ## Context
    ## Decision
    ## Consequences
    """
    assert detect(text) == "adr"


def test_unrecognised_documents_fall_back_to_prd() -> None:
    assert detect("# Checkout notes\n\nSome text.\n") == "prd"
    assert detect_profile(parse_md("# Notes\n")).name == "prd"


def test_spec_kit_task_lists_get_the_spec_kit_tasks_profile() -> None:
    text = """
    # Tasks: Invoice export
    - [ ] T001 Create the export endpoint
    - [x] T002 Add the CSV writer
    """
    assert detect(text) == "spec-kit-tasks"


def test_lists_of_task_boxes_are_checklists() -> None:
    text = """
    # Release readiness
    - [ ] Docs reviewed
    - [x] Changelog written
    - [ ] Migration tested
    - [ ] Rollback rehearsed
    - [x] Owners told
    """
    assert detect(text) == "checklist"


def test_empty_task_boxes_on_consecutive_lines_each_count() -> None:
    assert detect("# Launch\n- [ ]\n- [ ]\n- [X]\n- [ ]\n- [ ]\n") == "checklist"


def test_a_task_box_on_the_first_line_counts() -> None:
    text = "- [ ] Docs reviewed\n- [ ] Changelog written\n- [x] Migration tested\n- [ ] Rollback rehearsed\n- [ ] Owners told\n"
    assert detect(text) == "checklist"


def test_combined_heading_names_each_part() -> None:
    from speclint.engine.profiles import ExpectedSection

    assert ExpectedSection("Non-goals").matches("Goals and Non-goals")
    assert ExpectedSection("Goals").matches("Goals / Non-Goals")
    assert ExpectedSection("Alternatives").matches("Drawbacks & alternatives")
    assert not ExpectedSection("Goals").matches("Requirements")


def test_conditional_notes_are_ignored() -> None:
    assert heading_key("Key Entities *(include if feature involves data)*") == heading_key("Key entities")
    assert heading_key("Open issues (if applicable)") == heading_key("Open issues")


@pytest.mark.parametrize("name", builtin_profile_names())
def test_builtin_profile_is_valid_against_the_profile_schema(name: str) -> None:
    from ruamel.yaml import YAML

    data = YAML(typ="safe", pure=True).load((REPOSITORY / "rules" / "profiles" / f"{name}.yaml").read_text())
    assert validate_profile_data(data) == []
