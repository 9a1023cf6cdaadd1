"""API002 api-authentication-undefined: an "Author:" line is no word on authentication (round 9).
A fixture written for this test, and a damage test on a real Rust RFC whose front lines name its author."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, requires_corpus, spans

from speclint.api import lint_text


def test_an_author_line_does_not_say_how_callers_authenticate() -> None:
    text = """
    # RFC 0107: Quota overrides

    - Author: Dana Reyes
    - Status: Draft

    ## Admin API

    - `PUT /admin/v1/quotas/{team_id}` sets an override, body `{"builds": 500}`.
    - `DELETE /admin/v1/quotas/{team_id}` removes the override.
    """
    assert spans(lint_with("API002", text)) == [(8, 3)]


def test_authorisation_still_counts() -> None:
    text = """
    # RFC 0107: Quota overrides

    - Author: Dana Reyes

    ## Admin API

    Only operators with the `quota-admin` role are authorized to call these endpoints.

    - `PUT /admin/v1/quotas/{team_id}` sets an override, body `{"builds": 500}`.
    """
    assert lint_with("API002", text) == []


RFC_WITH_AUTHOR = "rust-rfcs/text/0168-mod.md"


@requires_corpus
def test_an_admin_endpoint_added_to_a_real_rfc_with_an_author_line_is_found(tmp_path: Path) -> None:
    lines = (CORPUS / RFC_WITH_AUTHOR).read_text(encoding="utf-8").split("\n")
    assert any(line.startswith("- Author:") for line in lines)
    index = next(i for i, line in enumerate(lines) if line == "## Drawbacks")
    lines[index:index] = ["### Registry API", "", "- `DELETE /api/v1/modules/{name}` removes a module from the index.", ""]
    found = [(f.span.start.line, f.span.start.column) for f in lint_text("\n".join(lines), tmp_path / "rfc.md",
                                                                         isolated=True) if f.rule_id == "API002"]
    assert found == [(index + 3, 3)]
