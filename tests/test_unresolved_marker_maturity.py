"""PH001 reads what a proposal says about its own maturity: a marker the proposal's process says
is not due yet is reported one level lower (error -> warning), with a message saying when it is due;
the same marker anywhere else, or in a proposal whose feature is implemented, stays an error."""

from __future__ import annotations

from pathlib import Path

from conftest import md

from speclint.api import lint_paths


def enhancement(status: str, section: str = "Design Details", body: str = "Retries: TBD.") -> str:
    """An OpenShift-style enhancement with `status` in its front matter and `body` under `section`."""
    status_line = f"status: {status}" if status else ""
    return md(f"""
    ---
    title: quota-for-volumes
    authors:
      - "@ada"
    reviewers:
      - "@lin"
    approvers:
      - "@grace"
    creation-date: 2025-03-04
    last-updated: 2025-03-04
    {status_line}
    ---

    # Quota for volumes

    ## Summary

    Volumes count against the namespace quota.

    ## {section}

    BODY
    """).replace("BODY", body)


def markers(tmp_path: Path, text: str, profile: str = "openshift-enhancement", name: str = "quota.md",
            extra: dict[str, str] | None = None) -> list[tuple[int, str, str]]:
    """(line, level, message) of each PH001 finding on `text` written to `name` in a fresh folder."""
    folder = tmp_path / "proposal"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    for file_name, content in (extra or {}).items():
        (folder / file_name).write_text(content, encoding="utf-8")
    result = lint_paths([folder / name], isolated=True, profile=profile, select=["PH001"])
    return [(finding.line, finding.level.value, finding.message) for finding in result.findings]


def test_a_marker_in_a_provisional_proposal_is_a_warning_that_says_when_it_is_due(tmp_path: Path) -> None:
    [(_, level, message)] = markers(tmp_path, enhancement("provisional"))

    assert level == "warning"
    assert message.endswith("(the proposal is provisional: resolve it before it becomes implementable)")


def test_the_same_marker_in_an_implementable_proposal_stays_an_error(tmp_path: Path) -> None:
    [(_, level, message)] = markers(tmp_path, enhancement("implementable"))

    assert (level, message) == ("error", "unresolved marker 'TBD': decide, or list it as an open question")


def test_a_marker_in_a_proposal_that_gives_no_status_stays_an_error(tmp_path: Path) -> None:
    assert [level for _, level, _ in markers(tmp_path, enhancement(""))] == ["error"]


def test_a_draft_status_is_read_as_still_being_defined(tmp_path: Path) -> None:
    assert [level for _, level, _ in markers(tmp_path, enhancement("draft"))] == ["warning"]


def test_a_status_left_as_the_templates_list_of_choices_is_no_provisional_status(tmp_path: Path) -> None:
    template_status = enhancement("provisional|implementable|implemented|deferred|rejected|withdrawn|replaced")

    assert [level for _, level, _ in markers(tmp_path, template_status)] == ["error"]


def test_a_tbd_test_plan_of_an_openshift_enhancement_waits_until_a_release_is_targeted(tmp_path: Path) -> None:
    [(_, level, message)] = markers(tmp_path, enhancement("implementable", "Test Plan", "TBD"))

    assert level == "warning"
    assert "the template requires 'Test Plan' only once the proposal targets a release" in message


def test_the_subsections_of_graduation_criteria_wait_too(tmp_path: Path) -> None:
    body = "Promoted when the e2e suite passes.\n\n### Tech Preview -> GA\n\nTBD"

    assert [level for _, level, _ in markers(tmp_path, enhancement("implementable", "Graduation Criteria", body))] == [
        "warning"]


def test_a_tbd_test_plan_of_an_implemented_enhancement_is_an_error(tmp_path: Path) -> None:
    assert [level for _, level, _ in markers(tmp_path, enhancement("implemented", "Test Plan", "TBD"))] == ["error"]


def test_a_tbd_in_a_section_the_template_requires_now_stays_an_error(tmp_path: Path) -> None:
    text = enhancement("implementable", "Upgrade / Downgrade Strategy", "TBD")

    assert [level for _, level, _ in markers(tmp_path, text)] == ["error"]


def test_deferred_sections_come_from_the_profile_not_from_any_document(tmp_path: Path) -> None:
    assert [level for _, level, _ in markers(tmp_path, enhancement("implementable", "Test Plan", "TBD"),
                                             profile="prd")] == ["error"]


def test_a_provisional_gateway_api_gep_is_read_from_its_metadata_yaml(tmp_path: Path) -> None:
    gep = md("""
    # GEP-9999: Retry budgets

    ## TLDR

    Routes get a retry budget.

    ## API

    TBD
    """)
    metadata = "apiVersion: internal.gateway.networking.k8s.io/v1alpha1\nkind: GEPDetails\nnumber: 9999\nstatus: Provisional\n"

    [(_, level, message)] = markers(tmp_path, gep, profile="gep", name="index.md", extra={"metadata.yaml": metadata})

    assert level == "warning" and "the proposal is provisional" in message


def test_a_metadata_yaml_that_is_not_a_geps_says_nothing_about_status(tmp_path: Path) -> None:
    text = md("""
    # Retry budgets

    ## API

    TBD
    """)

    found = markers(tmp_path, text, profile="prd", name="index.md", extra={"metadata.yaml": "status: provisional\n"})

    assert [level for _, level, _ in found] == ["error"]


def test_a_provisional_kep_in_kep_yaml_lowers_its_unresolved_blocks(tmp_path: Path) -> None:
    readme = md("""
    # KEP-4321: Quota for ephemeral volumes

    ## Design Details

    <<[UNRESOLVED @sig-node: which kubelet flag? ]>>
    The kubelet reads the new field.
    <<[/UNRESOLVED]>>
    """)

    [(_, level, message)] = markers(tmp_path, readme, profile="kep", name="README.md",
                                    extra={"kep.yaml": "title: Quota\nstatus: provisional\nstage: alpha\n"})

    assert level == "warning" and message.startswith("unresolved block (@sig-node: which kubelet flag?)")


def test_a_marker_in_a_proposal_that_was_replaced_or_withdrawn_is_not_reported(tmp_path: Path) -> None:
    for status in ("replaced", "withdrawn", "superseded"):
        folder = tmp_path / status
        folder.mkdir()
        assert markers(folder, enhancement(status)) == [], status


def test_a_gateway_api_gep_declined_in_its_metadata_yaml_is_a_record(tmp_path: Path) -> None:
    gep = md("""
    # GEP-9999: Retry budgets

    ## API

    TBD
    """)
    metadata = "apiVersion: internal.gateway.networking.k8s.io/v1alpha1\nkind: GEPDetails\nnumber: 9999\nstatus: Declined\n"

    assert markers(tmp_path, gep, profile="gep", name="index.md", extra={"metadata.yaml": metadata}) == []


def test_a_front_matter_marker_of_a_withdrawn_proposal_is_not_reported(tmp_path: Path) -> None:
    text = md("""
    ---
    owner: TBD
    status: withdrawn
    ---

    # Quota for volumes

    Volumes count against the namespace quota.
    """)

    assert markers(tmp_path, text, profile="prd") == []


def test_the_same_front_matter_marker_is_reported_while_the_document_is_live(tmp_path: Path) -> None:
    text = md("""
    ---
    owner: TBD
    status: implementable
    ---

    # Quota for volumes

    Volumes count against the namespace quota.
    """)

    assert [message for _, _, message in markers(tmp_path, text, profile="prd")] == [
        "front-matter 'owner' is left as 'TBD': fill it in"]


def test_empty_section_reports_nothing_in_a_replaced_proposal(tmp_path: Path) -> None:
    path = tmp_path / "quota.md"
    path.write_text(enhancement("replaced", "Test Plan", "TBD"), encoding="utf-8")
    live = tmp_path / "live.md"
    live.write_text(enhancement("implementable", "Test Plan", "TBD"), encoding="utf-8")

    def empty_sections(file: Path) -> list[str]:
        result = lint_paths([file], isolated=True, profile="openshift-enhancement", select=["ST003"], preview=True)
        return [finding.message for finding in result.findings]

    assert (empty_sections(path), empty_sections(live)) == (
        [], ["section 'Test Plan' is empty (it only says 'TBD'): write its content or remove it"])


def test_a_status_whose_yaml_does_not_load_is_still_read_from_its_line(tmp_path: Path) -> None:
    text = enhancement("provisional").replace('  - "@ada"', "  - @ada")  # `@` cannot start a YAML value

    assert [level for _, level, _ in markers(tmp_path, text)] == ["warning"]


def test_the_status_set_in_bold_in_the_templates_list_of_choices_is_the_status(tmp_path: Path) -> None:
    # unquoted, as authors write it: `*` starts a YAML alias, so the line is read as text
    text = enhancement("**provisional**|implementable|implemented|deferred|rejected|withdrawn|replaced")

    assert [level for _, level, _ in markers(tmp_path, text)] == ["warning"]
