"""The language server helps the author fix: hover shows the rule's documentation, a finding's fix is
a code action, and "disable" comments never go inside a code block, a table, a paragraph or a list item.

Driven through the server like the other language-server tests (tests/test_language_server.py)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Iterator

import pytest
from conftest import md, write
from lsp_client import LspClient, language_server

pytest.importorskip("pygls", reason="the language server needs pygls: pip install -e '.[test]'")

from test_language_server import _code_actions, _replace_text, apply  # noqa: E402


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LspClient]:
    """One server for the module (starting one costs seconds of CPU); each test's document has a folder of its own."""
    with language_server([sys.executable, "-m", "speclint", "server"], tmp_path_factory.mktemp("workspace")) as client:
        yield client


@pytest.fixture
def server(tmp_path: Path, shared_server: LspClient) -> LspClient:
    # The fixable rules ST002 and ST006 are preview rules: the folder of the test's document turns the group on.
    (tmp_path / ".speclint.yaml").write_text("preview: true\n", encoding="utf-8")
    return shared_server


@pytest.fixture
def uri(tmp_path: Path) -> str:
    return (tmp_path / "spec.md").as_uri()


def only(diagnostics: list[dict[str, Any]], code: str) -> dict[str, Any]:
    [diagnostic] = [d for d in diagnostics if d["code"] == code]
    return diagnostic


def titles(actions: list[dict[str, Any]]) -> list[str]:
    return [action["title"] for action in actions]


def action(actions: list[dict[str, Any]], title_start: str) -> dict[str, Any]:
    [found] = [a for a in actions if a["title"].startswith(title_start)]
    return found


def after(server: LspClient, uri: str, text: str, chosen: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    """Apply a code action's edits as the editor would, and return the new text and its diagnostics."""
    new_text = apply(text, chosen["edit"]["changes"][uri])
    _replace_text(server, uri, new_text, version=2)
    return new_text, server.diagnostics(uri, version=2)


def test_hover_on_a_finding_shows_its_message_and_the_rules_documentation(server: LspClient, uri: str) -> None:
    text = "# Saved carts\n\nCarts are kept for TBD days.\n"
    server.open(uri, text)
    diagnostic = only(server.diagnostics(uri, version=1), "PH001")
    position = {"line": 2, "character": diagnostic["range"]["start"]["character"] + 1}

    hover = server.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position})

    value = hover["contents"]["value"]
    assert hover["contents"]["kind"] == "markdown"
    assert value.startswith("**PH001** `unresolved-marker`")
    assert "**What it flags.**" in value and "[Documentation](https://" in value


def test_hover_away_from_findings_shows_nothing(server: LspClient, uri: str) -> None:
    server.open(uri, "# Saved carts\n\nCarts are kept for TBD days.\n")
    server.diagnostics(uri, version=1)
    assert server.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 0}}) is None


HEADING_JUMP = "# Saved carts\n\n## Requirements\n\n#### Limits\n\nA cart holds 100 items.\n"


def test_a_fixable_finding_offers_its_fix_first_and_applying_it_removes_the_finding(server: LspClient, uri: str) -> None:
    server.open(uri, HEADING_JUMP)
    diagnostic = only(server.diagnostics(uri, version=1), "ST006")
    actions = _code_actions(server, uri, diagnostic)
    assert actions[0]["title"] == "Fix: Make 'Limits' a level-3 heading" and actions[0]["isPreferred"] is True

    new_text, diagnostics = after(server, uri, HEADING_JUMP, actions[0])

    assert new_text == HEADING_JUMP.replace("#### Limits", "### Limits")  # the same edit as check --fix
    assert "ST006" not in {d["code"] for d in diagnostics}


def test_the_missing_section_fix_inserts_the_skeleton_at_the_end_of_the_buffer(server: LspClient, uri: str) -> None:
    text = md(
        """
        # Saved carts

        ## Problem

        Carts vanish.

        ## Goals

        Keep carts.

        ## Non-goals

        Wish lists.

        ## Requirements

        Carts are kept for 30 days.
        """
    )
    server.open(uri, text)
    diagnostic = only(server.diagnostics(uri, version=1), "ST002")
    new_text, diagnostics = after(server, uri, text, action(_code_actions(server, uri, diagnostic), "Fix:"))
    assert new_text == text + "\n## Success metrics\n\n<!-- How you will know this worked: metric, baseline, target, and when it is measured. -->\n"
    assert "ST002" not in {d["code"] for d in diagnostics}


JSON_EXAMPLE = md(
    """
    # Saved carts

    ## API

    ```json
    {"cart": 1,}
    ```
    """
)


def test_disable_never_writes_inside_a_code_block_but_around_it(server: LspClient, uri: str) -> None:
    # API013 reports the trailing comma (API003 says the same there and gives way to it: one defect, one finding).
    server.open(uri, JSON_EXAMPLE)
    diagnostic = only(server.diagnostics(uri, version=1), "API013")
    actions = _code_actions(server, uri, diagnostic)
    assert "Disable API013 for this line" not in titles(actions)

    new_text, diagnostics = after(server, uri, JSON_EXAMPLE, action(actions, "Disable API013 for this block"))

    assert new_text == JSON_EXAMPLE.replace(
        "```json\n{\"cart\": 1,}\n```\n",
        "<!-- speclint-disable API013 -->\n```json\n{\"cart\": 1,}\n```\n<!-- speclint-enable API013 -->\n",
    )
    assert [d for d in diagnostics if d["code"] in ("API013", "ST100")] == []


PARAGRAPH = "# Saved carts\n\nCarts are kept for a while\nand then deleted after TBD days.\n\nMore text.\n"


def test_disable_never_splits_a_paragraph(server: LspClient, uri: str) -> None:
    server.open(uri, PARAGRAPH)
    diagnostic = only(server.diagnostics(uri, version=1), "PH001")
    actions = _code_actions(server, uri, diagnostic)
    assert titles(actions) == ["Disable PH001 for this block (lines 3-4)", "Disable PH001 for this section",
                               "Disable PH001 for this file"]

    new_text, diagnostics = after(server, uri, PARAGRAPH, actions[0])

    assert new_text == ("# Saved carts\n\n<!-- speclint-disable PH001 -->\nCarts are kept for a while\n"
                        "and then deleted after TBD days.\n<!-- speclint-enable PH001 -->\n\nMore text.\n")
    assert [d for d in diagnostics if d["code"] in ("PH001", "ST100")] == []


LIST_ITEM = "# Saved carts\n\n- Carts are kept for a while\n  and then deleted after TBD days.\n- Carts hold 100 items.\n"


def test_disable_never_goes_between_the_lines_of_a_list_item(server: LspClient, uri: str) -> None:
    server.open(uri, LIST_ITEM)
    diagnostic = only(server.diagnostics(uri, version=1), "PH001")
    actions = _code_actions(server, uri, diagnostic)
    assert "Disable PH001 for this line" not in titles(actions)

    new_text, diagnostics = after(server, uri, LIST_ITEM, action(actions, "Disable PH001 for this block"))

    assert new_text.startswith("# Saved carts\n\n<!-- speclint-disable PH001 -->\n- Carts are kept")
    assert new_text.endswith("- Carts hold 100 items.\n<!-- speclint-enable PH001 -->\n")
    assert [d for d in diagnostics if d["code"] in ("PH001", "ST100")] == []


def test_disable_in_a_table_row_goes_around_the_whole_table(server: LspClient, uri: str) -> None:
    text = "# Limits\n\n| Limit | Value |\n| --- | --- |\n| Days kept | TBD |\n"
    server.open(uri, text)
    diagnostic = only(server.diagnostics(uri, version=1), "PH001")
    actions = _code_actions(server, uri, diagnostic)
    assert titles(actions) == ["Disable PH001 for this block (lines 3-5)", "Disable PH001 for this section",
                               "Disable PH001 for this file"]
    new_text, diagnostics = after(server, uri, text, actions[0])
    assert new_text == ("# Limits\n\n<!-- speclint-disable PH001 -->\n| Limit | Value |\n| --- | --- |\n"
                        "| Days kept | TBD |\n<!-- speclint-enable PH001 -->\n")
    assert [d for d in diagnostics if d["code"] in ("PH001", "ST100")] == []


def test_disable_for_the_section_goes_below_its_heading(server: LspClient, uri: str) -> None:
    server.open(uri, PARAGRAPH)
    diagnostic = only(server.diagnostics(uri, version=1), "PH001")
    new_text, diagnostics = after(server, uri, PARAGRAPH, action(_code_actions(server, uri, diagnostic),
                                                                 "Disable PH001 for this section"))
    assert new_text == PARAGRAPH.replace("# Saved carts\n", "# Saved carts\n<!-- speclint-disable-section PH001 -->\n")
    assert [d for d in diagnostics if d["code"] in ("PH001", "ST100")] == []


HOUSE_RULE = """
rules:
  - id: ACME001
    name: no-codenames
    category: wording
    level: warning
    message: "internal codename '{match}': use the product name"
    description: Specs are read outside the team; codenames mean nothing there.
    documentation: https://wiki.example.com/spec-style#codenames
    existence:
      words: [Bluebird]
"""


def test_a_yaml_rules_documentation_url_is_the_editor_link(tmp_path: Path, server: LspClient, uri: str) -> None:
    write(tmp_path, "house.yaml", HOUSE_RULE)
    write(tmp_path, ".speclint.yaml", "plugins: [house.yaml]\n")
    server.open(uri, "# Checkout\n\nThe Bluebird checkout ships in May.\n")
    diagnostic = only(server.diagnostics(uri, version=1), "ACME001")
    assert diagnostic["codeDescription"] == {"href": "https://wiki.example.com/spec-style#codenames"}


@pytest.mark.parametrize(
    ("code", "text", "fixed"),
    [
        ("TR003", "# Saved carts\n\nSee [the rollout](#rolout).\n\n## Rollout\n\nIn May.\n",
         "# Saved carts\n\nSee [the rollout](#rollout).\n\n## Rollout\n\nIn May.\n"),
        ("ST100", "# Saved carts\n\n<!-- speclint-disable-next-line PH001 -->\nCarts are kept for 30 days.\n",
         "# Saved carts\n\nCarts are kept for 30 days.\n"),
    ],
)
def test_the_link_and_suppression_fixes_are_code_actions_too(server: LspClient, uri: str, code: str, text: str,
                                                               fixed: str) -> None:
    server.open(uri, text)
    diagnostic = only(server.diagnostics(uri, version=1), code)
    new_text, diagnostics = after(server, uri, text, action(_code_actions(server, uri, diagnostic), "Fix:"))
    assert new_text == fixed
    assert code not in {d["code"] for d in diagnostics}


def test_a_client_that_does_not_send_data_back_still_gets_the_fix(server: LspClient, uri: str) -> None:
    server.open(uri, HEADING_JUMP)
    diagnostic = only(server.diagnostics(uri, version=1), "ST006")
    without_data = {key: value for key, value in diagnostic.items() if key != "data"}

    actions = _code_actions(server, uri, without_data)

    assert actions[0]["title"] == "Fix: Make 'Limits' a level-3 heading"
    assert apply(HEADING_JUMP, actions[0]["edit"]["changes"][uri]) == HEADING_JUMP.replace("#### Limits", "### Limits")
