"""Placeholder rules: PH002 template-placeholder and PH003 template-guidance."""

import pytest
from conftest import lint_profiled, lint_with, spans

# --- PH002 template-placeholder -------------------------------------------------------------


@pytest.mark.parametrize(("line", "column"), [
    ("# Feature Specification: [FEATURE NAME]\n", 26),
    ("**Created**: [DATE]\n", 14),
    ("**Feature Branch**: [###-feature-name]\n", 21),
    ("### User Story 1 - [Brief Title] (Priority: P1)\n", 20),
    ("[Describe this user journey in plain language]\n", 1),
    ("1. **Given** [initial state], **When** the buyer pays\n", 14),
    ("[A short summary of the proposal.]\n", 1),
    ("Owner: <your name>\n", 8),
    ("Project: <PROJECT_NAME>\n", 10),
    ("- Feature Name: (fill me in with a unique ident)\n", 17),
    ("1. **Given** a cart, **When** [action], **Then** it saves\n", 31),
    ("**Feature Branch**: `[###-feature-name]`\n", 22),
])
def test_flags_template_slots(line: str, column: int) -> None:
    findings = lint_with("template-placeholder", line)
    assert spans(findings) == [(1, column)], findings


@pytest.mark.parametrize("line", [
    "See [the runbook](https://example.com/runbook) first.\n",
    "See [the runbook][runbook].\n\n[runbook]: https://example.com/runbook\n",
    "See [Runbook].\n\n[Runbook]: https://example.com/runbook\n",
    "- [ ] Write the migration\n- [x] Review the schema\n",
    "Cards are tokenised.[^1]\n\n[^1]: By the provider.\n",
    "As shown in [12] and [3, 4].\n",
    "> [!NOTE]\n> Saved cards need consent.\n",
    "Use `[DATE]` in the file name.\n",
    "The map type is `Vec<T>` and Vec<T> in prose.\n",
    "Press <kbd>Enter</kbd> to pay.\n",
    "The error reads \"Failed to parse: <parse error details>\".\n",
    "The RFC says it [sic] twice.\n",
    "The old syntax was [as text] and [as image] in the mock-ups.\n",
    "Ask on [IRLO] first.\n",
    "> See [issue 20671].\n>\n> [issue 20671]: https://example.com/20671\n",
    "Read [the docs](https://example.com/the-[features]-section).\n",
    "Any range [e.g. `0..`] works.\n",
])
def test_does_not_flag_links_tasks_footnotes_citations_or_code(line: str) -> None:
    assert lint_with("template-placeholder", line) == []


def test_numbered_slot_and_question_prompt_are_both_flagged() -> None:
    findings = lint_with("template-placeholder", "- **[Entity 1]**: [What it represents, key attributes]\n")
    assert spans(findings) == [(1, 5), (1, 19)]


def test_curly_brace_prompts_are_flagged_with_the_adr_profile() -> None:
    text = "## Considered Options\n\n* {title of option 1}\n"
    assert lint_with("template-placeholder", text) == []
    assert spans(lint_profiled("template-placeholder", text, "adr", **{"curly-braces": True})) == [(3, 3)]


def test_adr_profile_turns_curly_braces_on() -> None:
    from speclint.engine.profiles import load_profile

    assert load_profile("adr").rules["template-placeholder"].options == {"curly-braces": True}


def test_ignore_option() -> None:
    assert lint_with("template-placeholder", "Owner: [Team Name]\n", ignore=["team name"]) == []


def test_points_inside_a_table_cell() -> None:
    text = "| Field | Value |\n|---|---|\n| Owner | [Author Name] |\n"
    assert spans(lint_with("template-placeholder", text)) == [(3, 11)]


# --- PH003 template-guidance ----------------------------------------------------------------


def test_rust_rfc_template_sentence_left_in() -> None:
    text = """
    - Feature Name: `async_drop`

    ## Summary

    One paragraph explanation of the feature.
    """
    findings = lint_profiled("template-guidance", text, "rust-rfc")
    assert spans(findings) == [(5, 1)]
    assert "One paragraph explanation" in findings[0].message


def test_spec_kit_action_required_comment_left_in_an_unwritten_section() -> None:
    text = """
    ## Requirements *(mandatory)*

    <!--
      ACTION REQUIRED: The content in this section represents placeholders.
      Fill them out with the right functional requirements.
    -->
    """
    assert spans(lint_profiled("template-guidance", text, "spec-kit")) == [(3, 1)]


def test_a_guidance_comment_in_a_written_section_is_not_reported() -> None:
    text = """
    ## Requirements *(mandatory)*

    <!--
      ACTION REQUIRED: The content in this section represents placeholders.
      Fill them out with the right functional requirements.
    -->

    - **FR-001**: System MUST export invoices as CSV.
    """
    assert lint_profiled("template-guidance", text, "spec-kit") == []


def test_every_kep_template_guidance_comment_is_known() -> None:
    text = """
    ## Design Details

    <!--
    Describe manual testing that was done and the outcomes.
    -->
    """
    assert spans(lint_profiled("template-guidance", text, "kep")) == [(3, 1)]


def test_a_template_question_leading_into_its_answer_is_not_reported() -> None:
    text = """
    # Drawbacks

    Why should we *not* do this?

    It adds a second way to declare lifetimes, which readers must learn.
    """
    assert lint_profiled("template-guidance", text, "rust-rfc") == []


def test_guidance_is_matched_across_line_breaks_and_case() -> None:
    text = "## Summary\n\none paragraph explanation\nof the feature.\n"
    assert len(lint_profiled("template-guidance", text, "rust-rfc")) == 1


def test_written_content_is_not_guidance() -> None:
    text = "## Summary\n\nAllow `async fn` in traits.\n"
    assert lint_profiled("template-guidance", text, "rust-rfc") == []


def test_without_a_profile_nothing_is_guidance() -> None:
    assert lint_profiled("template-guidance", "One paragraph explanation of the feature.\n", None) == []


def test_quoting_the_template_is_citing_it() -> None:
    text = """
    ## Prior art

    The template asks:

    > Discuss prior art, both the good and the bad, in relation to this proposal.

    Python and Kotlin both ship this feature.
    """
    assert lint_profiled("template-guidance", text, "rust-rfc") == []


def test_visible_guidance_hidden_in_a_comment_by_the_author_is_not_flagged() -> None:
    text = "## Summary\n\n<!-- One paragraph explanation of the feature. -->\n\nAllow `async fn` in traits.\n"
    assert lint_profiled("template-guidance", text, "rust-rfc") == []


def test_madr_optional_element_comment_above_a_written_section_is_not_reported() -> None:
    text = """
    # Use PostgreSQL for the ledger

    <!-- This is an optional element. Feel free to remove. -->
    ## Decision Drivers

    * Strong consistency for balances.
    """
    assert lint_profiled("template-guidance", text, "adr") == []


def test_madr_optional_element_comment_in_an_unwritten_section() -> None:
    text = """
    ## Decision Drivers

    <!-- This is an optional element. Feel free to remove. -->
    """
    assert spans(lint_profiled("template-guidance", text, "adr")) == [(3, 1)]


def test_template_title_left_in() -> None:
    text = "# Replace this with your awesome OTEP title\n\n## Motivation\n\nSampling costs too much.\n"
    findings = lint_profiled("template-guidance", text, "otep")
    assert spans(findings) == [(1, 1)]
    assert "template heading" in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        "## Phase 1: Import [COMPLETED]\n\nThe importer ships.\n",
        "### [SELECTED] Option 1: a queue per tenant\n\nChosen for isolation.\n",
        'The bot posts "New task created: [Issue Title]" in the channel.\n',
        "Each decision is stored as a tuple <Regarding, Action, Reason>.\n",
        "- WHEN a weirdo has [attribute] level [value], THE SYSTEM SHALL show a badge.\n",
    ],
)
def test_bracketed_text_that_is_not_a_template_slot(text: str) -> None:
    assert lint_with("PH002", text) == []


def test_a_template_ears_slot_is_still_flagged() -> None:
    assert spans(lint_with("PH002", "- WHEN [condition], THE SYSTEM SHALL [action].\n")) == [(1, 8), (1, 38)]


def test_a_placeholder_heading_is_still_flagged() -> None:
    assert spans(lint_with("PH002", "## [FEATURE NAME]\n\nText.\n")) == [(1, 4)]


def test_a_guidance_comment_above_written_subsections_is_not_reported() -> None:
    text = """
    ## Requirements *(mandatory)*

    <!--
      ACTION REQUIRED: The content in this section represents placeholders.
      Fill them out with the right functional requirements.
    -->

    ### Functional Requirements

    - **FR-001**: System MUST export invoices as CSV.
    """
    assert lint_profiled("template-guidance", text, "spec-kit") == []
