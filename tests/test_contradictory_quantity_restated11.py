"""MS010 contradictory-quantity: the same quantity stated twice, in shapes the English-only readers missed (round 16).

Why they were missed, as a class: the readers knew a quantity's name only in English words and ASCII letters ("of",
"is", ":"), its value only as a duration or money with a dot, and its subject only when both statements used the same
construction. Read now: names joined to their value in German, Spanish, Portuguese, Italian and French, compounds
("Übergangsfrist"), sizes in decimal and binary units ("40 TiB", "500Mi"), a deadline said by what happens when it is
missed or named by its act ("Prazo para retirar: 5 dias"), an amount bounded per one thing ("max €250 per split"),
retry counts in words and in configuration blocks, and a term defined by what holds during it ("Grace period: the
time during which the old credential is valid") against a duration said of that state. And the traps of each.
"""

from __future__ import annotations

from conftest import lint_with


def _lines(text: str) -> list[int]:
    return [finding.span.start.line for finding in lint_with("MS010", text)]


# --- names in other languages, compounds ---------------------------------------------------------------------


def test_flags_a_german_compound_period_restated() -> None:
    text = """
    # Aufbewahrung

    ## Anforderungen

    Für Rechnungsbelege gilt eine Aufbewahrungsfrist von 10 Jahren ab Ausstellung.

    ## Betrieb

    - Nach der Aufbewahrungsfrist von 8 Jahren löscht der Archivdienst die Belege.
    """
    assert _lines(text) == [9]


def test_flags_an_italian_term_restated() -> None:
    text = """
    # Iscrizioni

    ## Requisiti

    Il periodo di prova di 30 giorni parte dalla prima lezione.

    ## Domande frequenti

    Quanto dura la prova? Il periodo di prova di 14 giorni non si rinnova.
    """
    assert _lines(text) == [9]


def test_does_not_flag_one_word_english_names_per_case() -> None:
    text = """
    # Incidents

    ## Sev 1

    Response: 15 minutes.

    ## Sev 2

    Response: 60 minutes.
    """
    assert _lines(text) == []


def test_does_not_flag_a_german_period_changed() -> None:
    text = """
    # Umstellung

    ## Entscheidung

    Die Übergangsfrist von 30 Tagen gilt für alle Teams.

    ## Änderungen

    - Die Übergangsfrist wurde von 30 Tagen auf 60 Tagen verlängert, weil extend requested.
    """
    assert _lines(text) == []


# --- sizes -------------------------------------------------------------------------------------------------


def test_flags_a_storage_cap_in_binary_units_restated() -> None:
    text = """
    # Object store quota

    ## Context

    Finance asked us to keep the bucket under a hard quota of 12 TiB for next year's budget.

    ## Plan

    With 0.5 TiB of growth a month and a 16 TiB quota, we reach the alarm in spring.
    """
    assert _lines(text) == [9]


def test_flags_a_kubernetes_quantity_named_twice() -> None:
    text = """
    # Scratch volumes

    ## Proposal

    Each build pod gets a scratch allowance of 2Gi.

    ## Design details

    The kubelet enforces the scratch allowance of 512Mi and evicts the pod above it.
    """
    assert _lines(text) == [9]


def test_does_not_flag_sizes_of_two_things_sharing_a_head() -> None:
    text = """
    # Caches

    ## Reader

    The reader keeps a block cache of 64 MiB.

    ## Writer

    The writer keeps a page cache of 256 MiB.
    """
    assert _lines(text) == []


def test_does_not_flag_alignments_in_bytes() -> None:
    text = """
    # Field alignment

    ## Proposal

    On 32-bit systems an int64 field will have an alignment of 8 bytes.

    ## Runtime types

    A struct holding runtime.Aligned16 will have an alignment of 16 bytes.
    """
    assert _lines(text) == []


# --- deadlines said by their act ----------------------------------------------------------------------------


def test_flags_a_named_deadline_against_what_happens_when_missed_in_portuguese() -> None:
    text = """
    # Entrega agendada

    ## Requisitos

    - Prazo para confirmar: 2 dias úteis a partir do aviso.

    ## Regras

    - Agendamento não confirmado em 3 dias úteis é liberado para outro cliente.
    """
    assert _lines(text) == [9]


def test_flags_an_english_deadline_missed_against_its_name() -> None:
    text = """
    # Lockers

    ## Requirements

    Recipients have a deadline to collect: 3 days from the notification.

    ## Operations

    Parcels not collected within 5 days go back to the sender.
    """
    assert _lines(text) == [9]


def test_does_not_flag_working_days_against_days() -> None:
    text = """
    # Lockers

    ## Requirements

    Deadline to collect: 3 business days.

    ## Operations

    Parcels not collected within 5 days go back to the sender.
    """
    assert _lines(text) == []


def test_does_not_flag_deadlines_of_two_priorities() -> None:
    text = """
    # Tickets

    ## P1

    Tickets not acknowledged within 1 hour are escalated for P1 incidents.

    ## P2

    Tickets not acknowledged within 8 hours are escalated for P2 incidents.
    """
    assert _lines(text) == []


# --- amounts bounded per one thing ---------------------------------------------------------------------------


def test_flags_a_per_item_maximum_restated() -> None:
    text = """
    # Gift cards

    ## Requirements

    - You can load up to $200 per card at a time.

    ## Limits

    - Per card: max $150 loaded at a time.
    """
    assert _lines(text) == [9]


def test_does_not_flag_per_item_maximums_of_two_cases() -> None:
    text = """
    # Transfers

    ## Limits

    - Max €100 per transfer for basic accounts, €1,000 per transfer for verified accounts.

    ## Verified

    - Max €1,000 per transfer for verified accounts.

    ## Automatic refunds

    - Up to €50 per order is refunded automatically.

    ## Refunds

    - Max refund per order is €80.
    """
    assert _lines(text) == []


def test_does_not_flag_a_rate_per_day_against_a_per_item_maximum() -> None:
    text = """
    # Payouts

    ## Limits

    - Payouts are capped at $1,000 per day.

    ## Requests

    - Max payout per request is $500.
    """
    assert _lines(text) == []


# --- retry counts in words and in configuration ---------------------------------------------------------------


def test_flags_retries_in_words_against_a_configured_count() -> None:
    text = """
    # Artifact fetch fallback

    ## Guide

    ```toml
    [fetch]
    mirrors = ["https://a.example", "https://b.example"]
    max_retries = 4
    ```

    If a download fails with a 5xx response, the fetcher retries the same mirror twice and then moves on.
    """
    assert _lines(text) == [11]


def test_does_not_flag_two_configured_counts() -> None:
    text = """
    # Clients

    ## HTTP

    ```yaml
    http:
      retries: 3
    ```

    ## Database

    ```yaml
    database:
      retries: 5
    ```
    """
    assert _lines(text) == []


def test_does_not_flag_a_configured_count_that_agrees() -> None:
    text = """
    # Fetch

    ## Guide

    ```toml
    retry = 2
    ```

    On a 503 the client retries the request twice before failing over.
    """
    assert _lines(text) == []


def test_does_not_flag_a_configuration_given_as_an_example() -> None:
    text = """
    # Fetch

    ## Guide

    For example, a team could set:

    ```toml
    retry = 5
    ```

    By default, on a 503 the client retries the request twice before failing over.
    """
    assert _lines(text) == []


# --- a term defined by what holds during it ------------------------------------------------------------------


def test_flags_a_defined_window_against_the_state_it_names() -> None:
    text = """
    # Key rollover

    ## Glossary

    - **Overlap window**: The period during which both the previous and the next signing key are accepted by
      verifiers. The overlap window is 48 hours.

    ## Requirements

    1. THE Issuer SHALL keep the previous signing key accepted for 6 hours after publishing the next key.
    """
    assert _lines(text) == [10]


def test_does_not_flag_a_state_of_something_else() -> None:
    text = """
    # Key rollover

    ## Glossary

    - **Overlap window**: The period during which both the previous and the next signing key are accepted by
      verifiers. The overlap window is 48 hours.

    ## Requirements

    1. THE Gateway SHALL keep uploaded files accepted for 6 hours in quarantine.
    """
    assert _lines(text) == []


# --- a default named in prose and in an API field's comment -------------------------------------------------


def test_flags_a_default_in_prose_against_the_field_comment() -> None:
    text = """
    # Scratch quota

    ## Proposal

    When the field is unset, the kubelet applies the default scratch quota of 2Gi.

    ## Design Details

    ```go
    type PodSpec struct {
        // ScratchQuota caps the ephemeral storage all containers of this pod may use.
        // Defaults to 4Gi when unset.
        ScratchQuota *resource.Quantity `json:"scratchQuota,omitempty"`
    }
    ```
    """
    assert _lines(text) == [12]


def test_does_not_flag_defaults_of_two_fields() -> None:
    text = """
    # Limits

    ## Proposal

    When unset, the default limit of 2Gi applies.

    ## Design Details

    ```go
    type Limits struct {
        // MemoryLimit caps the memory of the pod. Defaults to 1Gi.
        MemoryLimit *resource.Quantity `json:"memoryLimit,omitempty"`
        // StorageLimit caps the storage of the pod. Defaults to 10Gi.
        StorageLimit *resource.Quantity `json:"storageLimit,omitempty"`
    }
    ```
    """
    assert _lines(text) == []


def test_does_not_flag_a_comment_about_another_field() -> None:
    text = """
    # Scratch quota

    ## Proposal

    The default scratch quota of 2Gi applies when the field is unset.

    ## Design Details

    ```go
    type PodSpec struct {
        // ScratchQuota caps the ephemeral storage of this pod.
        ScratchQuota *resource.Quantity `json:"scratchQuota,omitempty"`
        // LogQuota caps the logs of this pod. Defaults to 4Gi.
        LogQuota *resource.Quantity `json:"logQuota,omitempty"`
    }
    ```
    """
    assert _lines(text) == []
