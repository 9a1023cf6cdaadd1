"""API006-API009: who may call or do what, and endpoints that are only named."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, md, requires_corpus, spans

from speclint.api import lint_text

# --- API006 admin-identity-hardcoded ---------------------------------------------------------------


def test_api006_flags_admin_access_granted_to_an_email_in_a_sentence() -> None:
    text = """
    # Shop

    ## Access

    Admin access is granted to jane@acme.com.
    """
    assert spans(lint_with("API006", text)) == [(5, 1)]


def test_api006_flags_an_address_that_is_the_admin_in_a_table() -> None:
    text = """
    # Shop

    | Who | Note |
    |-----|------|
    | Owner | jane@acme.com is the admin |
    """
    assert spans(lint_with("API006", text)) == [(5, 11)]


def test_api006_flags_an_admin_email_in_a_configuration_block() -> None:
    text = """
    # Shop

    ```env
    ADMIN_EMAIL=jane@acme.com
    ```
    """
    assert spans(lint_with("API006", text)) == [(4, 1)]


def test_api006_finds_the_one_admin_address_among_code_lines_without_one() -> None:
    code = "".join(f"    let step_{index} = admin_step({index});\n" for index in range(20))
    text = f"# Shop\n\n```rust\n{code}    let is_admin = email == \"jane@acme.com\";\n```\n"

    assert spans(lint_with("API006", text)) == [(24, 9)]


def test_api006_accepts_an_address_to_contact_the_admin() -> None:
    text = """
    # Shop

    Email the admin at ops@acme.com; alerts are sent to admin user ops@acme.com.
    """
    assert lint_with("API006", text) == []


def test_api006_accepts_admin_rights_from_a_role() -> None:
    assert lint_with("API006", "# Shop\n\nAdmin access is granted to members of the shop-admins group.\n") == []


# --- API007 security-requirement-undefined ---------------------------------------------------------


def test_api007_flags_meets_security_requirements_left_undefined() -> None:
    text = """
    # Export

    ## Requirements

    - The export API must meet all security requirements.
    - Exports must be secure.
    """
    findings = lint_with("API007", text)
    assert spans(findings) == [(5, 23)]
    assert "line 6" in findings[0].message


def test_api007_accepts_a_promise_followed_by_what_it_means() -> None:
    text = """
    # Export

    - The export API must follow security best practices, including OAuth scopes and TLS 1.3.
    - Exports must be secure against replay: each link works once.
    """
    assert lint_with("API007", text) == []


def test_api007_accepts_a_document_with_a_security_section() -> None:
    text = """
    # Export

    - The export API must meet all security requirements.

    ## Security requirements

    - Callers present an OAuth token with the `export:read` scope; others get 403.
    """
    assert lint_with("API007", text) == []


def test_api007_flags_security_deferred_to_someones_requirements() -> None:
    text = """
    # Refills

    ## Non-functional requirements

    - The portal shall comply with the hospital's security policies.
    """
    assert spans(lint_with("API007", text)) == [(5, 20)]


# --- API008 admin-action-without-authorization -----------------------------------------------------

MODERATION = """
# Community

## Moderation

Moderators can remove posts and ban users from the admin dashboard.

## Sign-up

New members sign in with Google SSO.
"""


def test_api008_flags_admin_actions_when_sso_is_only_mentioned_elsewhere() -> None:
    findings = lint_with("API008", MODERATION)
    assert spans(findings) == [(5, 1)]


def test_api008_accepts_a_role_that_grants_the_actions() -> None:
    text = MODERATION + "\nOnly accounts with the moderator role see the dashboard; others get 403.\n"
    assert lint_with("API008", text) == []


def test_api008_accepts_sign_in_stated_in_the_admin_section() -> None:
    text = MODERATION.replace("admin dashboard.", "admin dashboard, after signing in with SSO.")
    assert lint_with("API008", text) == []


def test_api008_ignores_admin_actions_in_non_goals() -> None:
    text = """
    # Community

    ## Non-goals

    - Moderators can ban users (next quarter).
    """
    assert lint_with("API008", text) == []


# --- API009 endpoint-without-contract --------------------------------------------------------------


def test_api009_flags_an_endpoint_named_in_a_sentence() -> None:
    text = """
    # Sign-out

    ## Flow

    The app calls `DELETE /v1/sessions/{id}` and then shows the sign-in page.
    """
    findings = lint_with("API009", text)
    assert spans(findings) == [(5, 16)]
    assert "DELETE /v1/sessions/{id}" in findings[0].message


def test_api009_flags_endpoints_in_a_list_once_naming_the_others() -> None:
    text = """
    # Orders

    The mobile app uses two endpoints:

    - the order list, from `GET /v1/orders`
    - the order detail, from `GET /v1/orders/{id}`
    """
    findings = lint_with("API009", text)
    assert spans(findings) == [(5, 25)]
    assert "GET /v1/orders/{id} (line 6)" in findings[0].message


def test_api009_accepts_an_endpoint_whose_response_is_given() -> None:
    text = """
    # Orders

    The app calls `GET /v1/orders`, which returns the customer's orders newest first.
    """
    assert lint_with("API009", text) == []


def test_api009_accepts_an_endpoint_with_errors_in_a_table() -> None:
    text = """
    # Orders

    | Call | Errors |
    |------|--------|
    | `GET /v1/orders` | 401 without a session |
    """
    assert lint_with("API009", text) == []


def test_api009_leaves_defined_endpoints_to_api001() -> None:
    text = """
    # Orders

    ### GET /v1/orders

    Lists orders.
    """
    assert lint_with("API009", text) == []


def test_api009_skips_task_lists() -> None:
    text = """
    # Implementation Plan

    - [ ] 1. Add the orders screen
    - [ ] 2. Call `GET /v1/orders` from the screen
    - [ ] 3. Add paging
    - [ ] 4. Add the detail screen
    - [ ] 5. Add tests
    """
    assert lint_with("API009", text) == []


def test_api009_does_not_read_two_methods_as_an_endpoint() -> None:
    assert lint_with("API009", "# Store\n\nThe GET / PUT latency budget is 5 ms.\n") == []


# --- damage tests on real documents ---------------------------------------------------------------

HELP_SPEC = "kiro-more/Homas__RpiDNS__.kiro__specs__help-documentation__requirements.md"
REST_PRD = "prds/gbasin__awrapper__docs__prd-v1.md"


@requires_corpus
def test_api008_a_real_kiro_spec_with_admin_privileges_is_not_flagged() -> None:
    text = (CORPUS / HELP_SPEC).read_text(encoding="utf-8")
    assert _lint(text, "requirements.md", "API008") == []


@requires_corpus
def test_api008_deleting_the_authentication_criteria_of_a_real_spec_is_found(tmp_path: Path) -> None:
    from speclint.reading.interfaces import ADMIN_ACTION, AUTHORISATION_STRONG, AUTHORISATION_WEAK

    lines = (CORPUS / HELP_SPEC).read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if ADMIN_ACTION.search(line)
            or not (AUTHORISATION_STRONG.search(line) or AUTHORISATION_WEAK.search(line))]
    first = next(index for index, line in enumerate(kept, 1) if ADMIN_ACTION.search(line))
    path = tmp_path / "requirements.md"
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    column = ADMIN_ACTION.search(kept[first - 1]).start() + 1  # type: ignore[union-attr]
    assert _lint(path.read_text(encoding="utf-8"), str(path), "API008") == [(first, column)]


@requires_corpus
def test_api009_a_real_prd_that_gives_each_endpoint_a_contract_is_not_flagged() -> None:
    assert _lint((CORPUS / REST_PRD).read_text(encoding="utf-8"), "prd.md", "API009") == []


@requires_corpus
def test_api009_an_endpoint_named_without_its_description_in_a_real_prd_is_found(tmp_path: Path) -> None:
    lines = (CORPUS / REST_PRD).read_text(encoding="utf-8").splitlines()
    # The damage: an endpoint moved from the REST list into a sentence, its description deleted.
    at = next(index for index, line in enumerate(lines) if line.startswith("## REST Endpoints"))
    damaged = lines[:at] + ["The web UI also calls `DELETE /runs/:id/artifacts` on cleanup.", ""] + lines[at:]
    path = tmp_path / "prd.md"
    path.write_text("\n".join(damaged) + "\n", encoding="utf-8")
    assert _lint(path.read_text(encoding="utf-8"), str(path), "API009") == [(at + 1, 24)]


def _lint(text: str, path: str, rule: str) -> list[tuple[int, int]]:
    findings = lint_text(text, path=path, select=[rule], preview=True, isolated=True)
    return [(f.span.start.line, f.span.start.column) for f in findings]


def test_snippets_are_dedented() -> None:
    assert md("\n    # A\n") == "# A\n"


# --- API002 on endpoints told in prose ---------------------------------------------------------------


def test_api002_flags_an_endpoint_told_in_prose_when_sso_is_only_mentioned_elsewhere() -> None:
    text = """
    # Orders

    ## Flow

    The app calls `GET /v1/orders`, which returns the customer's orders newest first.

    ## Staff

    Staff sign in to the back office with SSO.
    """
    assert spans(lint_with("API002", text)) == [(5, 16)]


def test_api002_accepts_an_endpoint_told_in_prose_with_its_authentication() -> None:
    text = """
    # Orders

    The app calls `GET /v1/orders` with the customer's bearer token; it returns their orders.
    """
    assert lint_with("API002", text) == []


def test_api002_leaves_an_endpoint_with_nothing_told_to_api009() -> None:
    text = """
    # Orders

    The app calls `GET /v1/orders` on start.
    """
    assert lint_with("API002", text) == []
    assert len(lint_with("API009", text)) == 1


# --- damage tests with a security section or an admin grant -----------------------------------------


@requires_corpus
def test_api007_a_promise_backed_by_the_security_section_of_a_real_prd_is_not_flagged(tmp_path: Path) -> None:
    lines = (CORPUS / REST_PRD).read_text(encoding="utf-8").splitlines()
    goal = lines.index("## Goal") + 1
    damaged = lines[:goal] + ["", "The service must meet all security requirements.", ""] + lines[goal:]
    assert _lint("\n".join(damaged) + "\n", str(tmp_path / "prd.md"), "API007") == []


@requires_corpus
def test_api007_deleting_the_security_section_of_a_real_prd_is_found(tmp_path: Path) -> None:
    lines = (CORPUS / REST_PRD).read_text(encoding="utf-8").splitlines()
    goal = lines.index("## Goal") + 1
    start = lines.index("## Security (MVP)")
    end = next(index for index in range(start + 1, len(lines)) if lines[index].startswith("## "))
    damaged = lines[:goal] + ["", "The service must meet all security requirements.", ""] + lines[goal:start] + lines[end:]
    line = goal + 2
    assert _lint("\n".join(damaged) + "\n", str(tmp_path / "prd.md"), "API007") == [(line, 18)]


@requires_corpus
def test_api006_an_admin_granted_to_an_address_in_a_real_prd_is_found(tmp_path: Path) -> None:
    lines = (CORPUS / REST_PRD).read_text(encoding="utf-8").splitlines()
    start = lines.index("## Security (MVP)") + 1
    assert _lint("\n".join(lines) + "\n", str(tmp_path / "prd.md"), "API006") == []
    # The damage: the bearer-token sentence replaced by one person's address.
    damaged = lines[:start] + ["- Admin access is granted to jane@acme.com."] + lines[start + 1:]
    assert _lint("\n".join(damaged) + "\n", str(tmp_path / "prd.md"), "API006") == [(start + 1, 3)]


# --- round 7: shapes of issue 14's items 5 and 12 -------------------------------------------------


def test_api006_flags_the_admin_named_by_address() -> None:
    text = """
    # Back office

    - The first admin is jane.doe@acme.example; she adds the other staff.
    """
    assert spans(lint_with("API006", text)) == [(3, 13)]


def test_api006_flags_only_one_address_allowed_to_act() -> None:
    text = """
    # Back office

    Only jane.doe@acme.example can export customer data.
    """
    assert spans(lint_with("API006", text)) == [(3, 1)]


def test_api006_accepts_the_admin_contacted_at_an_address() -> None:
    assert lint_with("API006", "# Shop\n\nContact the admin (ops@acme.example) for a new account.\n") == []


def test_api008_secure_and_sso_in_passing_do_not_say_who_may_act() -> None:
    text = """
    # Moderation tools

    ## Requirements

    1. Admins can ban users and delete posts from the admin dashboard.
    2. The dashboard is secure and uses SSO like the rest of our tools.
    """
    assert spans(lint_with("API008", text)) == [(5, 4)]


def test_api008_admins_signing_in_with_sso_in_the_same_section_counts() -> None:
    text = """
    # Moderation tools

    ## Requirements

    1. Admins can ban users and delete posts from the admin dashboard.
    2. Admins sign in with the company SSO.
    """
    assert lint_with("API008", text) == []


def test_api009_leaves_a_third_partys_endpoints_alone() -> None:
    text = """
    # Card payments

    The payment service calls Stripe's `POST /v1/payment_intents` to create a payment, then
    `POST /v1/payment_intents/{id}/confirm`.
    """
    assert lint_with("API009", text) == []


def test_api009_still_flags_our_own_endpoint_beside_a_third_partys() -> None:
    text = """
    # Card payments

    The service calls Stripe's `POST /v1/payment_intents`; the app then calls `POST /v1/orders/{id}/pay`.
    """
    assert [f.message.split(" is ")[0] for f in lint_with("API009", text)] == ["endpoint POST /v1/orders/{id}/pay"]


# --- round 7: damage tests on real documents ------------------------------------------------------

AWRAPPER = "prds/gbasin__awrapper__docs__prd-v1.md"
DESIGN_WITH_ENDPOINTS = "kiro-more/khushparag__agentic_learning_coach__.kiro__specs__learning-path-navigation-fixes__design.md"


@requires_corpus
def test_api002_a_real_prd_with_its_bearer_token_is_not_flagged() -> None:
    assert _lint((CORPUS / AWRAPPER).read_text(encoding="utf-8"), "prd.md", "API002") == []


@requires_corpus
def test_api002_deleting_the_authentication_of_a_real_prd_is_found() -> None:
    lines = (CORPUS / AWRAPPER).read_text(encoding="utf-8").splitlines()
    # The scope line ("Single-user auth"), the Security section's bearer token, and its note that
    # tokens are redacted from logs (a token named in a Security section reads as authentication).
    removed = [index for index, line in enumerate(lines)
               if "Single‑user auth" in line or "bearer token" in line or "(tokens, keys)" in line]
    assert len(removed) == 3
    damaged = [line for index, line in enumerate(lines) if index not in removed]
    first = next(index for index, line in enumerate(damaged, 1) if "POST `/runs`" in line)
    assert _lint("\n".join(damaged) + "\n", "prd.md", "API002") == [(first, damaged[first - 1].index("POST") + 1)]


@requires_corpus
def test_api010_a_real_design_whose_endpoints_have_response_models_is_not_flagged() -> None:
    assert _lint((CORPUS / DESIGN_WITH_ENDPOINTS).read_text(encoding="utf-8"), "design.md", "API010") == []


@requires_corpus
def test_api010_deleting_the_contract_under_an_endpoint_heading_of_a_real_design_is_found() -> None:
    lines = (CORPUS / DESIGN_WITH_ENDPOINTS).read_text(encoding="utf-8").splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith("#### POST /api/v1/tasks/{task_id}/start"))
    end = next(index for index, line in enumerate(lines) if line.startswith("#### POST /api/v1/tasks/{task_id}/complete"))
    damaged = lines[:start + 1] + ["", "Marks the task as started.", ""] + lines[end:]
    assert _lint("\n".join(damaged) + "\n", "design.md", "API010") == [(start + 1, 1)]
