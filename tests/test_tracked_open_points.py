"""Open points tracked where they are written (round 17): PH001 and RK006 leave a TBD alone when its
own sentence lists it (a ticket, or an owner with a date or a forum); TR006 reads a versioned
document's and a statute's sections as another document's; EC001 reads edge-case topics in the
languages the rules read."""

from conftest import lint_with, spans
from risk_support import lines, lint_risk

# --- PH001: a TBD its own sentence tracks -------------------------------------------------------


def test_ph001_leaves_a_tbd_tracked_by_its_ticket_alone() -> None:
    text = "Export format for auditors: TBD, see issue OPS-4410 (opened by the auditors' liaison).\n"
    assert lint_with("PH001", text) == []


def test_ph001_leaves_a_tbd_in_a_table_cell_tracked_by_its_ticket_alone() -> None:
    text = """
    | Setting | Value |
    |---|---|
    | Retention of raw scans | TBD (tracked in Jira as RET-88) |
    """
    assert lint_with("PH001", text) == []


def test_ph001_leaves_a_tbd_whose_owner_decides_at_a_named_forum_alone() -> None:
    text = "- **Discount for schools:** TBD. The commercial council decides it at the October price review.\n"
    assert lint_with("PH001", text) == []


def test_ph001_reads_a_tracked_tbd_in_italian() -> None:
    text = "La soglia di allerta è TBD: decisione del comitato rischi, scadenza 2026-02-27.\n"
    assert lint_with("PH001", text) == []


def test_ph001_leaves_a_tbd_that_links_to_its_jira_issue_alone() -> None:
    text = "- Release notes entry: [TBD](https://jira.example.org/browse/DOCS-2291)\n"
    assert lint_with("PH001", text) == []


def test_ph001_leaves_a_todo_that_links_to_its_github_issue_alone() -> None:
    text = "Migration of the archived buckets is [TODO](https://github.com/example/storage/issues/812).\n"
    assert lint_with("PH001", text) == []


def test_ph001_still_flags_a_tbd_that_links_to_a_page_that_is_no_ticket() -> None:
    text = "Quota per tenant: [TBD](https://wiki.example.org/storage/quotas)\n"
    assert spans(lint_with("PH001", text)) == [(1, 20)]


def test_ph001_still_flags_a_tbd_that_only_promises_a_later_decision() -> None:
    text = "Maximum number of devices per household: TBD, we will decide later.\n"
    assert spans(lint_with("PH001", text)) == [(1, 42)]


def test_ph001_still_flags_a_tbd_with_only_a_person_to_ask() -> None:
    text = "Session timeout is TBD (ask Marta Quiroga).\n"
    assert spans(lint_with("PH001", text)) == [(1, 20)]


def test_ph001_still_flags_a_tbd_with_only_an_owner_and_no_date_or_ticket() -> None:
    text = "Upload size cap: TBD, owned by the storage team.\n"
    assert spans(lint_with("PH001", text)) == [(1, 18)]


def test_ph001_still_flags_a_tbd_next_to_a_requirement_id() -> None:
    text = "The lockout threshold in FR-12 is TBD.\n"
    assert spans(lint_with("PH001", text)) == [(1, 35)]


def test_ph001_still_flags_an_owner_field_left_as_the_marker() -> None:
    text = "**Owner:** TBD\n**Review:** 2026-03-04\n"
    assert spans(lint_with("PH001", text)) == [(1, 12)]


def test_ph001_leaves_a_value_fixed_in_each_contract_alone() -> None:
    text = "Volume discount: TBD for each reseller, as set in the reseller contract.\n"
    assert lint_with("PH001", text) == []


def test_ph001_leaves_the_glossary_table_row_that_defines_tbd_alone() -> None:
    text = """
    ## Glossary

    | Term | Meaning |
    |---|---|
    | TBC | To be confirmed: each one is listed with its owner at the end |
    | Hub | The gateway in the home |
    """
    assert lint_with("PH001", text) == []


def test_ph001_still_flags_a_tbd_value_in_a_glossary_table() -> None:
    text = """
    ## Glossary

    | Term | Meaning |
    |---|---|
    | Hub | TBD |
    """
    assert spans(lint_with("PH001", text)) == [(5, 9)]


# --- RK006: a tracked point the build does not wait on -----------------------------------------

APPROVED = """---
title: Device enrolment
status: Approved
---
## Open questions

{entry}
"""


def test_rk006_leaves_a_tracked_point_with_what_ships_meanwhile_alone() -> None:
    entry = ("- Icon set for the enrolment wizard: owned by Brand (BRAND-310, due 2026-04-02); until then the "
             "wizard uses the current icons.")
    assert lint_risk("RK006", APPROVED.format(entry=entry)) == []


def test_rk006_still_flags_a_tracked_point_the_build_waits_on() -> None:
    entry = "- Which enrolment flow do tablets use? Tracked in MDM-77."
    assert lines(lint_risk("RK006", APPROVED.format(entry=entry))) == [7]


def test_rk006_still_flags_a_point_that_only_says_it_does_not_block() -> None:
    entry = "- Which enrolment flow do tablets use? This does not block the build."
    assert lines(lint_risk("RK006", APPROVED.format(entry=entry))) == [7]


# --- TR006: sections of other documents ---------------------------------------------------------

NUMBERED = """
# SRS: Parcel lockers

## 1. Introduction

Lockers report their state to the backend.

## 2. Overall description

{sentence}

## 3. Requirements

- REQ-1 The locker shall report every 30 s.
"""


def test_tr006_leaves_a_section_of_a_versioned_document_alone() -> None:
    text = NUMBERED.format(sentence="Door events follow the Locker Gateway Protocol v2.3, section 7.")
    assert lint_with("TR006", text) == []


def test_tr006_leaves_a_section_of_a_statute_alone() -> None:
    text = NUMBERED.format(sentence="Delivery receipts are kept as § 14 Abs. 2 HGB requires.")
    assert lint_with("TR006", text) == []


def test_tr006_still_flags_a_missing_section_of_this_document() -> None:
    text = NUMBERED.format(sentence="Door events follow the rules in § 7.")
    assert spans(lint_with("TR006", text)) == [(9, 33)]


# --- EC001: edge-case topics in other languages -------------------------------------------------

REQUISITOS = """
# Documento de requisitos

## Requisitos

### Requisito 1: Reserva de taquillas

**Historia de usuario:** Como cliente, quiero reservar una taquilla, para recoger mi pedido.

#### Criterios de aceptación

1. CUANDO el cliente elija una taquilla libre, EL Sistema_de_Reservas DEBERÁ reservarla a su nombre.
2. CUANDO el cliente cancele la reserva, EL Sistema_de_Reservas DEBERÁ liberar la taquilla.
{more}
"""


def test_ec001_reads_edge_case_topics_in_spanish() -> None:
    more = ("3. EL Sistema_de_Reservas DEBERÁ admitir como máximo 3 reservas activas por cliente.\n"
            "4. MIENTRAS la taquilla esté sin conexión, LA taquilla DEBERÁ abrirse con el código guardado.")
    assert lint_with("EC001", REQUISITOS.format(more=more)) == []


def test_ec001_still_flags_a_spanish_spec_without_edge_cases() -> None:
    assert [line for line, _ in spans(lint_with("EC001", REQUISITOS.format(more="")))] == [5]


# --- EC009: a case written as a sentence's subject and declared open ----------------------------


def test_ec009_flags_a_case_whose_sentence_says_it_is_still_open() -> None:
    text = ("Lockers hold a parcel for 72 hours. What happens if the courier scans a parcel into a full "
            "locker bank remains undecided.\n")
    assert spans(lint_with("EC009", text)) == [(1, 37)]


def test_ec009_flags_the_same_shape_in_german() -> None:
    text = "Die Tür öffnet per Code. Was passiert, wenn der Akku des Schlosses leer ist, ist noch offen.\n"
    assert spans(lint_with("EC009", text)) == [(1, 26)]


def test_ec009_leaves_a_case_whose_sentence_answers_it_alone() -> None:
    text = ("Lockers hold a parcel for 72 hours. What happens if the courier scans a parcel into a full "
            "locker bank is described in the courier guide.\n")
    assert lint_with("EC009", text) == []


def test_ec009_does_not_read_an_open_word_in_a_later_sentence() -> None:
    text = ("What happens if a locker bank is full is that the parcel goes to the nearest bank. "
            "The colour of the door is still open.\n")
    assert lint_with("EC009", text) == []


# --- PH004: a placeholder date the document says when it fills in -------------------------------


def test_ph004_leaves_a_header_date_the_document_says_it_fills_in_later_alone() -> None:
    text = """
    | Field | Value |
    |---|---|
    | Launch | 2027-03-xx |

    ## Launch plan

    Launch waits on the app-store review; the date in the header is set once Apple approves the build.
    """
    assert lint_with("PH004", text) == []


def test_ph004_still_flags_a_header_date_that_nothing_explains() -> None:
    text = """
    | Field | Value |
    |---|---|
    | Launch | 2027-03-xx |

    ## Launch plan

    Launch waits on the app-store review.
    """
    assert spans(lint_with("PH004", text)) == [(3, 12)]


def test_ph001_still_flags_a_marker_next_to_a_model_name_that_looks_like_a_key() -> None:
    text = "- TODO something must pin the firmware on the XR-7 gateways before rollout.\n"
    assert spans(lint_with("PH001", text)) == [(1, 3)]


def test_ph001_leaves_the_place_of_a_pull_request_link_in_a_list_of_work_alone() -> None:
    text = """
    ### Beta

    - Document the export settings in the admin guide.
      - PR link: TBD
    - Add the setting to the release notes.
      - Pull request: TODO
    """
    assert lint_with("PH001", text) == []


def test_ph001_still_flags_a_tbd_after_a_label_that_names_no_change() -> None:
    text = "- Export format: TBD\n"
    assert spans(lint_with("PH001", text)) == [(1, 18)]
