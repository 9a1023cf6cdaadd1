"""PH007 field-left-as-prompt, and PH001's open values in emphasis and in a glossary (issue 14, recall round 15)."""

from __future__ import annotations

from conftest import lint_with, spans

from speclint.api import lint_text

# --- PH007: people fields ---------------------------------------------------------------------


def test_a_reviewers_field_left_as_an_angle_prompt_is_flagged_at_the_prompt() -> None:
    findings = lint_with("PH007", "# Solver design\n\n**Authors:** Freya\n**Reviewers:** <add reviewers>\n")

    assert spans(findings) == [(4, 16)]
    assert "'<add reviewers>'" in findings[0].message


def test_a_spanish_owner_among_several_fields_on_one_line_is_flagged() -> None:
    text = "# One-pager\n\n**Equipo:** People Tech · **Responsable de producto:** [nombre] · **Diseño:** Marta\n"

    assert spans(lint_with("PH007", text)) == [(3, 56)]


def test_madr_deciders_left_as_the_template_prompt_in_front_matter_are_flagged() -> None:
    text = "---\nstatus: accepted\ndecision-makers: {list everyone involved in the decision}\n---\n# Use X\n"

    findings = lint_text(text, "docs/decisions/0009-use-x.md", isolated=True, profile="adr", select=["PH007"])

    assert [(finding.span.start.line, finding.span.start.column) for finding in findings] == [(3, 18)]


def test_an_owner_column_of_a_sign_off_table_holding_a_prompt_is_flagged() -> None:
    text = "## Sign-off\n\n| Role | Approver | Date |\n|---|---|---|\n| Legal | [Name of the legal approver] | |\n"

    assert spans(lint_with("PH007", text)) == [(5, 11)]


def test_names_in_brackets_yaml_lists_links_and_markers_are_not_prompts() -> None:
    text = """
    ---
    authors: [Ravi Shankar, Elif Demir]
    reviewers: [alice, bob]
    ---
    # Design

    **Owner:** [Ana Silva](https://example.test/ana)
    **Approvers:** [Platform]
    **Driver:** <ana@example.test>
    **Deciders:** [TBD]

    | Goal | Team |
    |---|---|
    | Faster builds | [compiler] |

    [Platform]: https://example.test/platform
    [compiler]: https://example.test/compiler
    """

    assert lint_with("PH007", text) == []


# --- PH007: date masks ------------------------------------------------------------------------


def test_a_german_date_mask_in_a_metadata_table_is_flagged() -> None:
    text = "# SRS\n\n| Feld | Wert |\n|---|---|\n| Version | 0.9 |\n| Datum | TT.MM.2026 |\n"

    findings = lint_with("PH007", text)

    assert spans(findings) == [(6, 11)]
    assert "'TT.MM.2026'" in findings[0].message


def test_date_masks_as_field_values_are_flagged_in_every_order() -> None:
    text = "# Spec\n\n- Date: DD/MM/YYYY\n- Last updated: YYYY-MM-DD\n- Fecha: AAAA-MM-DD\n"

    assert spans(lint_with("PH007", text)) == [(3, 9), (4, 17), (5, 10)]


def test_a_format_described_in_a_sentence_or_a_real_date_is_left_alone() -> None:
    text = """
    # Spec

    Date: 2026-11-02
    Dates are written YYYY-MM-DD throughout.

    | Field | Format |
    |---|---|
    | Date | Dates use YYYY-MM-DD |
    """

    assert lint_with("PH007", text) == []


def test_a_date_mask_in_front_matter_a_schema_checks_is_left_to_md002() -> None:
    text = "---\ntitle: x\ncreation-date: yyyy-mm-dd\n---\n# X\n"

    findings = lint_text(text, "enhancements/x/y.md", isolated=True, profile="openshift-enhancement",
                         select=["PH007"])

    assert findings == []


# --- PH001: open values in emphasis, glossary terms ---------------------------------------------


def test_an_open_value_in_italics_after_a_label_is_flagged() -> None:
    text = "# Especificación\n\n**Responsable de conciliación**: _por definir_\n"

    assert spans(lint_with("PH001", text)) == [(3, 35)]


def test_to_be_defined_as_a_field_value_is_flagged_but_not_in_a_parenthesis_after_a_noun() -> None:
    field = "# Spec\n\n- Owner: to be defined\n"
    later = "# Spec\n\nRoutes attach to other parents, such as Meshes or Routes (to be defined).\n"

    assert spans(lint_with("PH001", field)) == [(3, 10)]
    assert lint_with("PH001", later) == []


def test_a_glossary_entry_defining_tbd_is_not_a_marker() -> None:
    text = """
    # SRS

    ## 1.3 Definitions

    - **Gap:** an interval with no reading.
    - **TBD:** this document has no TBD items; a requirement marked TBD blocks the baseline.
    """

    assert lint_with("PH001", text) == []


def test_a_bold_tbd_label_outside_a_glossary_is_still_a_marker() -> None:
    assert spans(lint_with("PH001", "# Plan\n\n## Rollout\n\n- **TBD:** the pilot region.\n")) == [(5, 5)]
