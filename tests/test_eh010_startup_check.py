"""EH010 startup-check-without-outcome: a check the system runs when it starts, with nothing on what a failed
check does. One behaviour per test; fixtures written for these tests, in shapes no evaluation set uses."""

from __future__ import annotations

from conftest import lint_with, spans

GATEWAY = """
# Edge gateway licensing

## Behaviour

The gateway serves traffic for up to 40 tenants.

{check}

Tenants are billed per request.
"""


def test_flags_a_check_said_in_the_passive_with_nothing_on_failure() -> None:
    text = GATEWAY.format(check="- **Licence**: the licence file is verified at boot.")
    assert spans(lint_with("EH010", text)) == [(7, 16)]


def test_flags_a_check_said_after_its_start_up_phrase() -> None:
    text = GATEWAY.format(check="On boot, the gateway verifies the tenant signing keys.")
    assert spans(lint_with("EH010", text)) == [(7, 1)]


def test_flags_a_check_run_when_the_service_starts_in_a_table_cell() -> None:
    text = GATEWAY.format(check="| Step | What |\n|---|---|\n| 1 | The worker checks the cache schema when it starts |")
    assert spans(lint_with("EH010", text)) == [(9, 7)]


def test_flags_a_check_written_in_german() -> None:
    text = GATEWAY.format(check="Die Mandantenliste wird beim Start geprüft.")
    assert spans(lint_with("EH010", text)) == [(7, 1)]


def test_reports_one_finding_per_document() -> None:
    text = GATEWAY.format(check="- Keys are validated on startup.\n- The licence is checked at boot.")
    assert len(lint_with("EH010", text)) == 1


# --- traps: the same words where nothing is missing ---------------------------------------------------


def test_leaves_a_check_whose_own_sentence_gives_the_outcome() -> None:
    text = GATEWAY.format(check="On boot, the gateway verifies the licence file and refuses to serve if it has lapsed.")
    assert lint_with("EH010", text) == []


def test_leaves_a_check_whose_outcome_sits_in_another_cell_of_its_row() -> None:
    text = GATEWAY.format(check="| Check | Outcome |\n|---|---|\n| Keys verified at boot | exit code 3 |")
    assert lint_with("EH010", text) == []


def test_leaves_a_check_when_the_document_says_what_a_failed_start_up_does() -> None:
    text = GATEWAY.format(check="The licence is checked at boot.\n\nA gateway with a lapsed licence does not start.")
    assert lint_with("EH010", text) == []


def test_leaves_a_check_whose_outcome_is_a_condition_on_what_is_checked() -> None:
    text = GATEWAY.format(check="1. THE gateway SHALL check the routing table version on startup.\n"
                                "2. WHEN the routing table version is older than the bundled one, THE gateway "
                                "SHALL rebuild it.")
    assert lint_with("EH010", text) == []


def test_leaves_something_loaded_at_start_up_and_not_checked() -> None:
    text = GATEWAY.format(check="The tenant list is loaded into memory at boot.")
    assert lint_with("EH010", text) == []


def test_leaves_a_test_that_verifies_start_up() -> None:
    text = GATEWAY.format(check="Cold start is verified on boot by a smoke test in CI.")
    assert lint_with("EH010", text) == []


def test_leaves_a_task_list() -> None:
    text = GATEWAY.format(check="- [x] Add key validation on startup\n- [ ] Add metrics\n- [ ] Add tracing")
    assert lint_with("EH010", text) == []
