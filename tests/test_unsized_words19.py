"""Requirements that name a workload, a machine or a reduction and never size it: "for typical usage"
(MS002), "on commodity servers" (WD006), "build time is reduced by caching" (MS001)."""

from conftest import lint_with, spans

# --- MS002: a requirement held under a load named only "typical" or "normal" ----------------------


def test_a_reliability_requirement_under_normal_load_with_no_figure() -> None:
    text = """
    ## Reliability

    1. The sync daemon shall keep running without a manual restart under normal load.
    """
    findings = lint_with("MS002", text)
    assert spans(findings) == [(3, 70)]
    assert "'normal load'" in findings[0].message


def test_an_ears_requirement_during_average_traffic() -> None:
    text = """
    ## Non-functional requirements

    - **NFR-R-2**: WHILE serving average traffic the gateway SHALL not drop queued webhooks during average traffic.
    """
    findings = lint_with("MS002", text)
    assert [finding.message.split("'")[1] for finding in findings] == ["average traffic"]


def test_a_sized_load_is_measurable() -> None:
    text = """
    ## Reliability

    1. The sync daemon shall keep running without a manual restart under normal load (300 events per second).
    2. The importer shall not leak memory for typical usage of up to 40 concurrent uploads.
    """
    assert [f for f in lint_with("MS002", text) if "never sizes" in f.message] == []


def test_normal_operation_is_a_mode_not_a_load() -> None:
    text = """
    ## Reliability

    - The agent shall write no unstructured text to stderr in normal operation.
    """
    assert [f for f in lint_with("MS002", text) if "never sizes" in f.message] == []


def test_typical_usage_in_background_prose_is_no_requirement() -> None:
    text = """
    ## Background

    Under normal load the old daemon needed a restart every few days.
    """
    assert lint_with("MS002", text) == []


# --- WD006: the reference machine named by a vague quality ----------------------------------------


def test_defaults_tuned_for_commodity_servers() -> None:
    text = """
    ## Requirements

    - **PERF-4**: Cache sizes should be chosen for commodity servers, with an override per deployment.
    """
    findings = lint_with("WD006", text)
    assert spans(findings) == [(3, 48)]
    assert "'commodity servers'" in findings[0].message


def test_a_sized_reference_machine_is_checkable() -> None:
    text = """
    ## Requirements

    - The indexer must finish a full rebuild on modern hardware (8 cores, 16 GB RAM).
    - Thread pools shall be sized for high-end laptops such as the reference build machine in the lab.
    """
    assert lint_with("WD006", text) == []


def test_modern_hardware_in_a_description_is_no_demand() -> None:
    text = """
    ## Context

    On modern hardware pointer chasing dominates the cost of a lookup.
    """
    assert lint_with("WD006", text) == []


# --- MS001: a reduction whose only "how much" is how it is done -----------------------------------


def test_a_reduction_by_a_means_with_no_baseline() -> None:
    text = """
    ## Success criteria

    - **SC-07**: Release build time is reduced by sharing one artifact cache across every job.
    """
    findings = lint_with("MS001", text)
    assert spans(findings) == [(3, 22)]
    assert "no baseline or target" in findings[0].message


def test_a_reduction_by_an_amount_is_measurable() -> None:
    text = """
    ## Success criteria

    - **SC-07**: Release build time is reduced by 40% against the March baseline.
    - **SC-08**: Release build time is reduced by sharing one artifact cache, from 25 to 10 minutes.
    """
    assert lint_with("MS001", text) == []


def test_a_passive_reduction_done_by_someone_is_not_a_means() -> None:
    text = """
    ## Success criteria

    - **SC-09**: Every release build time is reduced by the platform team before launch.
    """
    assert [f for f in lint_with("MS001", text) if "no baseline" in f.message] == []


def test_a_target_given_after_the_load_does_not_size_the_load() -> None:
    text = """
    ## Performance

    - Under normal load, p95 search latency shall stay below 400 ms.
    """
    findings = lint_with("MS002", text)
    assert spans(findings) == [(3, 9)]
    assert "'normal load'" in findings[0].message


# --- WD006: a visual dimension sized with a word ----------------------------------------------------


def test_a_visual_dimension_sized_with_a_word_in_a_look_and_feel_list() -> None:
    text = """
    ## Look and feel

    - Cards: rounded corners, soft shadow; ample padding; two columns on tablets.
    """
    findings = lint_with("WD006", text)
    assert spans(findings) == [(3, 40)]
    assert "'ample padding'" in findings[0].message


def test_a_kiro_requirement_asks_for_large_tap_targets() -> None:
    text = """
    ## Requirements

    1. WHEN the player opens on a phone THEN the app SHALL show large tap targets for every control
    """
    assert [f.message.split("'")[1] for f in lint_with("WD006", text)] == ["large tap targets"]


def test_a_dimension_with_its_value_in_the_clause_is_specified() -> None:
    text = """
    ## Accessibility

    - Large touch targets (at least 44 × 44 pt) on every control.
    - Sufficient contrast: 4.5:1 for body text.
    - Comfortable line height (1.6 for body text).
    """
    assert lint_with("WD006", text) == []


def test_keeping_what_is_there_and_describing_outside_a_design_section_are_quiet() -> None:
    text = """
    ## UI

    - Keep large touch targets and the current colour scheme.

    ## Background

    - The old app had generous spacing and a dark theme.
    """
    assert lint_with("WD006", text) == []
