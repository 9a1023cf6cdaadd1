"""Round 15 (apimoney10): who may call an admin or internal endpoint (API014 on endpoints written as code and
beside a defined API; "office roles" and a new hire's credentials say nothing of callers), admin actions in
German, Spanish and French and in a back-office tool (API008), webhooks received with no sender verification
in any kind of document (API018). Fixtures written for these tests."""

from __future__ import annotations

from conftest import lint_with, spans


def test_api014_flags_an_internal_endpoint_written_in_a_code_block_beside_a_public_api() -> None:
    text = """
    # Instant payouts

    ## API

    ```
    POST /v2/payouts/instant
    ```

    It returns the payout object. Finance operations release held payouts through an internal endpoint:

    ```
    POST /internal/payouts/{payout_id}/release
    ```

    It takes no body and returns `204 No Content`.
    """
    assert spans(lint_with("API014", text)) == [(12, 1)]


def test_api014_an_internal_endpoint_stated_as_mtls_only_says_who_may_call_it() -> None:
    text = """
    # Instant payouts

    ## API

    ```
    POST /internal/payouts/{payout_id}/release
    ```

    The internal endpoints accept only mTLS calls from the finance-ops service account.
    """
    assert lint_with("API014", text) == []


def test_api014_office_roles_and_handed_over_credentials_are_not_authorisation() -> None:
    text = """
    # 15. Provision accounts from the HR system

    ## Decision

    - For office roles the job also orders a laptop through the vendor's ordering API.
    - The account is enabled by the team lead on the first day, when the credentials are handed over in person.
    - HR admins can re-run provisioning with `POST /internal/hires/{personnelNo}/provision`.
    """
    assert spans(lint_with("API014", text)) == [(7, 43)]


def test_api014_a_role_named_for_the_endpoint_answers_it() -> None:
    text = """
    # 15. Provision accounts from the HR system

    ## Decision

    - HR admins can re-run provisioning with `POST /internal/hires/{personnelNo}/provision`; it needs the
      `hr-admin` role in the directory, others get 403.
    """
    assert lint_with("API014", text) == []


def test_api008_flags_a_german_admin_action() -> None:
    text = """
    # Kfz-Tarifrechner

    ## 3.2 Administration

    - **KTR-A-01** Tarifadministratoren können Beitragsfaktoren und Regionalklassen über die
      Admin-Oberfläche ändern; Änderungen wirken ab dem Gültigkeitsdatum.
    """
    assert spans(lint_with("API008", text)) == [(5, 16)]


def test_api008_a_german_permission_answers_it() -> None:
    text = """
    # Kfz-Tarifrechner

    ## 3.2 Administration

    - Tarifadministratoren können Beitragsfaktoren ändern. Die Berechtigung vergibt die IT nach dem Vier-Augen-Prinzip.
    """
    assert lint_with("API008", text) == []


def test_api008_flags_a_spanish_and_a_french_admin_action() -> None:
    spanish = """
    # Vacaciones

    ## Requisitos

    - Los administradores pueden recalcular los saldos de todos los empleados desde el panel.
    """
    french = """
    # Congés

    ## Exigences

    - Les administrateurs peuvent supprimer un compte depuis la console.
    """
    assert [len(lint_with("API008", text)) for text in (spanish, french)] == [1, 1]


def test_api008_flags_a_back_office_tool_that_throws_data_away() -> None:
    text = """
    # Cycle counts

    ## Solution

    **Back-office tool.** A *Reset counts* button in the head-office tool discards every open count for the store.
    """
    assert spans(lint_with("API008", text)) == [(5, 54)]


def test_api008_a_back_office_tool_that_only_shows_a_report_is_no_admin_action() -> None:
    text = """
    # Cycle counts

    ## Solution

    Store managers see the week's variances in the head-office tool.
    """
    assert lint_with("API008", text) == []


ADR_HOOK = """
# ADR-0008: Use Inkwell for contract e-signatures

## Decision Outcome

Customers sign in the browser with advanced electronic signatures.
When all parties have signed, Inkwell sends the `contract.completed` event to our webhook.
Our handler, `POST /hooks/inkwell`, reads the envelope ID and marks the contract signed in the CRM.
{extra}
"""


def test_api018_flags_a_webhook_receiver_in_an_adr_with_no_sender_verification() -> None:
    findings = lint_with("API018", ADR_HOOK.format(extra=""), path="docs/adr/0008-use-inkwell.md")
    assert spans(findings) == [(7, 15)]


def test_api018_an_hmac_check_verifies_the_sender() -> None:
    extra = "The handler checks the `X-Inkwell-Signature` HMAC with the shared secret and answers 401 when it fails."
    assert lint_with("API018", ADR_HOOK.format(extra=extra), path="docs/adr/0008-use-inkwell.md") == []


def test_api018_a_token_on_the_callback_in_an_rfc_verifies_the_sender() -> None:
    text = """
    # RFC 0042: Bank callbacks

    ## Design

    The bank calls `POST /callbacks/sepa` when a transfer settles. Each callback carries a token we issued
    with the payment, and the handler rejects a request whose token does not match.
    """
    assert lint_with("API018", text, path="rfcs/0042-bank-callbacks.md") == []


def test_api018_a_webhook_we_send_to_partners_is_not_received() -> None:
    text = """
    # 12. Notify partners of usage spikes

    ## Decision

    We will send partners a webhook, `POST {partner_url}/usage-alerts`, when a spike is detected.
    """
    assert lint_with("API018", text, path="docs/adr/0012-notify-partners.md") == []


def test_api002_reads_a_webhook_sent_to_a_url_the_partner_registers() -> None:
    text = """
    # Usage spike alerts

    ## Partners

    Partners receive alerts through a webhook:

    `POST {partner_callback_url}/usage-alerts`
    """
    findings = lint_with("API002", text)
    assert spans(findings) == [(7, 1)]
    assert "{partner_callback_url}/usage-alerts" in findings[0].message


ZONE_TABLE = """
# RFC 0042: Subzone delegation API

## Endpoints

| Method and path | Scope needed | Success | Errors |
|---|---|---|---|
| `POST /v1/zones/{zone}/delegations` | `zone:admin` | `201` with the delegation | `409` already delegated |
| `GET /v1/zones/{zone}/delegations` | `zone:read` | `200` with a list | `404` zone not found |

{after}
"""


def test_api019_flags_an_endpoint_written_after_the_table_without_its_scope_and_errors() -> None:
    after = "`DELETE /v1/zones/{zone}/delegations/{name}` removes the delegation and answers `204`."
    findings = lint_with("API019", ZONE_TABLE.replace("{after}", after))
    assert spans(findings) == [(10, 2)]
    assert "scope or authorisation, errors" in findings[0].message
    assert "success" not in findings[0].message


def test_api019_an_endpoint_that_states_what_the_rows_give_is_complete() -> None:
    after = ("`DELETE /v1/zones/{zone}/delegations/{name}` needs `zone:admin`, answers `204`, or `404` when there "
             "is no such delegation.")
    assert lint_with("API019", ZONE_TABLE.replace("{after}", after)) == []


def test_api019_an_endpoint_of_another_api_is_not_the_tables() -> None:
    after = "The resolver keeps calling the registry's `GET /registry/v2/nameservers` as today."
    assert lint_with("API019", ZONE_TABLE.replace("{after}", after)) == []


def test_api019_a_table_that_only_describes_endpoints_sets_no_standard() -> None:
    text = """
    # Zones

    ## Endpoints

    | Endpoint | What it does |
    |---|---|
    | `POST /v1/zones/{zone}/delegations` | creates a delegation |
    | `GET /v1/zones/{zone}/delegations` | lists delegations |

    `DELETE /v1/zones/{zone}/delegations/{name}` removes one.
    """
    assert lint_with("API019", text) == []


def test_api011_reads_a_raw_request_written_without_its_protocol() -> None:
    text = """
    # Plan changes

    ## API

    ```
    PATCH /v1/subscriptions/{subscription_id}
    Authorization: Bearer <customer session token>
    { "plan": "team" }
    ```

    Returns `200 OK` with the updated subscription.
    """
    assert spans(lint_with("API011", text)) == [(6, 1)]


def test_api011_a_bare_endpoint_line_in_a_list_of_endpoints_is_no_request_example() -> None:
    text = """
    # Plan changes

    ## API

    ```
    PATCH /v1/subscriptions/{subscription_id}
    GET /v1/subscriptions/{subscription_id}
    ```

    Returns `200 OK` with the updated subscription.
    """
    assert lint_with("API011", text) == []


def test_api010_flags_a_grpc_method_whose_response_message_is_never_defined() -> None:
    text = """
    # KEP-0142: Backfill

    ## Design Details

    ```protobuf
    rpc RequestBackfill(BackfillRequest) returns (BackfillResponse);

    message BackfillRequest {
      string match_id = 1;
    }
    ```
    """
    findings = lint_with("API010", text)
    assert spans(findings) == [(6, 5)]
    assert "BackfillResponse" in findings[0].message and "BackfillRequest" not in findings[0].message


def test_api010_a_grpc_outline_that_defines_no_message_is_left_alone() -> None:
    text = """
    # Transcode queue

    ## API

    ```proto
    rpc EnqueueJob(EnqueueJobRequest) returns (EnqueueJobResponse);
    ```
    """
    assert lint_with("API010", text) == []


def test_api010_a_well_known_type_is_defined_elsewhere() -> None:
    text = """
    # KEP-0142: Backfill

    ## Design Details

    ```protobuf
    rpc CancelBackfill(CancelRequest) returns (google.protobuf.Empty);

    message CancelRequest {
      string match_id = 1;
    }
    ```
    """
    assert lint_with("API010", text) == []


NYGARD = """
# 9. Rate motor quotes in the rules engine

Date: 2026-10-01

## Status

Accepted

## Context

Brokers need quotes in seconds.

## Decision

We will move motor rating into the rules engine.

{sentence}
"""


def test_api009_flags_an_endpoint_an_adr_gives_to_outside_callers_with_no_contract() -> None:
    text = NYGARD.replace("{sentence}", "Brokers call `POST /quotes` on the new quote service.")
    assert spans(_adr_api009(text)) == [(17, 15)]


def test_api009_an_adr_endpoint_that_services_call_internally_is_left_to_the_design() -> None:
    text = NYGARD.replace("{sentence}", "The pricing service calls `POST /rate` on the rules engine for each quote.")
    assert _adr_api009(text) == []


def test_api009_an_adr_endpoint_with_its_request_and_response_is_described() -> None:
    text = NYGARD.replace("{sentence}", "Brokers call `POST /quotes` with the vehicle and driver fields, and get `200` "
                                        "with the premium or `422` for an unknown vehicle.")
    assert _adr_api009(text) == []


def _adr_api009(text: str) -> list:
    from textwrap import dedent

    from speclint.api import lint_text

    return lint_text(dedent(text).lstrip("\n"), "docs/architecture/decisions/0009-rate-motor.md", isolated=True,
                     select=["API009"])
