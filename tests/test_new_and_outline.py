"""`speclint new` (a spec from a profile) and `speclint outline` (a spec against its kind), through the CLI."""

from __future__ import annotations

import datetime
import json
import subprocess
from pathlib import Path

import pytest
from conftest import run_speclint, write

from speclint.document.parser import parse
from speclint.engine.profiles import builtin_profile_names, detect_profile_name, load_profile
from speclint.reading import metadata



@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git work tree whose configured author is Maria Lopez."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "config", "user.name", "Maria Lopez"], cwd=tmp_path, check=True)
    subprocess.run(["git", "config", "user.email", "maria@example.com"], cwd=tmp_path, check=True)
    return tmp_path


def test_new_writes_the_profiles_sections_in_order_with_guidance_comments(repo: Path) -> None:
    code, _, err = run_speclint("new", "saved-cards.md", cwd=repo)
    assert code == 0 and "wrote saved-cards.md (prd)" in err
    document = parse((repo / "saved-cards.md").read_text(), "saved-cards.md")
    titles = [section.title for section in document.sections()]
    assert titles == ["Saved cards"] + [expected.name for expected in load_profile("prd").sections]
    problem = next(section for section in document.sections() if section.title == "Problem")
    assert problem.blocks[0].raw.startswith("<!-- Who has the problem")


def test_new_front_matter_has_today_and_the_git_author_and_fits_the_schema(repo: Path) -> None:
    run_speclint("new", "saved-cards.md", cwd=repo)
    front_matter = parse((repo / "saved-cards.md").read_text(), "x").front_matter
    assert front_matter is not None
    data = front_matter.data
    assert data["owner"] == "Maria Lopez <maria@example.com>"
    assert str(data["date"]) == datetime.date.today().isoformat()
    assert data["title"] == "Saved cards" and data["status"] == "draft"
    assert metadata.validate(data, metadata.load_schema("prd")) == []


# Where each kind lives by convention: kinds are told apart by path as well as by content.
CONVENTIONAL_PATHS = {
    "kiro-tasks": ".kiro/specs/saved-cards/tasks.md",
    "kiro-design": ".kiro/specs/saved-cards/design.md",
    "ears": ".kiro/specs/saved-cards/requirements.md",
    "spec-kit-tasks": "specs/001-saved-cards/tasks.md",
    "spec-kit-plan": "specs/001-saved-cards/plan.md",
    "spec-kit": "specs/001-saved-cards/spec.md",
    "design-doc": "docs/design/saved-cards.md",
}
KINDS = [name for name in builtin_profile_names() if load_profile(name).lint]


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_is_recognised_as_itself_and_its_front_matter_fits_its_schema(repo: Path, kind: str) -> None:
    relative = CONVENTIONAL_PATHS.get(kind, "doc.md")
    (repo / relative).parent.mkdir(parents=True, exist_ok=True)
    code, _, err = run_speclint("new", "--profile", kind, relative, cwd=repo)
    assert code == 0, err
    document = parse((repo / relative).read_text(), relative)
    assert detect_profile_name(document, relative) == kind
    schema = load_profile(kind).front_matter_schema
    if schema and document.front_matter is not None:
        assert metadata.validate(document.front_matter.data, metadata.load_schema(schema)) == []


def test_what_new_leaves_unwritten_is_reported_as_empty_sections(repo: Path) -> None:
    run_speclint("new", "saved-cards.md", cwd=repo)
    # ST002 and ST003 are preview rules: this checks what they say of a new document.
    code, out, _ = run_speclint("check", "--preview", "--format", "concise", "--select", "ST002,ST003,MD002",
                                "saved-cards.md", cwd=repo)
    assert code == 0  # warnings only
    assert "ST003 section 'Problem' is empty" in out
    assert "ST002" not in out and "MD002" not in out


def test_new_refuses_to_overwrite_a_file(repo: Path) -> None:
    write(repo, "saved-cards.md", "# Mine\n")
    code, _, err = run_speclint("new", "saved-cards.md", cwd=repo)
    assert code == 2 and "already exists" in err
    assert (repo / "saved-cards.md").read_text() == "# Mine\n"


def test_new_list_shows_the_kinds(repo: Path) -> None:
    code, out, _ = run_speclint("new", "--list", cwd=repo)
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == KINDS


def test_new_with_an_unknown_kind_is_a_clear_error(repo: Path) -> None:
    code, _, err = run_speclint("new", "--profile", "memo", "x.md", cwd=repo)
    assert code == 2 and "unknown profile 'memo'" in err and "Traceback" not in err
    assert not (repo / "x.md").exists()


OUTLINE_DOC = """\
# Saved cards

## Background

Shoppers retype cards.

## Requirements

- FR-001: The system MUST store a card token.
- FR-002: The system MUST let a shopper delete a card.

### Acceptance criteria

- Given a saved card, when the shopper deletes it, then it is gone.

## Goals

- One-tap payment.

## Open questions

- Which provider stores the token?
"""


def test_outline_json_has_tree_kind_matches_missing_order_and_counts(tmp_path: Path) -> None:
    write(tmp_path, "spec.md", OUTLINE_DOC)
    code, out, _ = run_speclint("outline", "--format", "json", "spec.md", cwd=tmp_path)
    assert code == 0
    outline = json.loads(out)
    assert outline["profile"]["name"] == "prd" and "default" in outline["profile"]["why"]
    title = outline["sections"][0]
    assert (title["title"], title["line"]) == ("Saved cards", 1)
    assert [(child["title"], child["line"]) for child in title["children"]] == [
        ("Background", 3), ("Requirements", 7), ("Goals", 16), ("Open questions", 20)]
    assert title["children"][1]["children"][0]["title"] == "Acceptance criteria"
    background = next(match for match in outline["expected"] if match["heading"] == "Background")
    assert (background["expected"], background["how"]) == ("Problem", "alias 'Background'")
    assert [item["expected"] for item in outline["missing"]] == ["Non-goals", "Success metrics"]
    assert [(item["heading"], item["comes_after"]) for item in outline["out_of_order"]] == [("Goals", "Requirements")]
    counts = outline["counts"]
    assert counts["requirements"] == 2 and counts["open_questions"] == 1 and counts["endpoints"] == 0
    assert counts["acceptance_criteria"] == 1


def test_outline_text_shows_lines_matches_and_what_is_missing(tmp_path: Path) -> None:
    write(tmp_path, "spec.md", OUTLINE_DOC)
    code, out, _ = run_speclint("outline", "spec.md", cwd=tmp_path)
    assert code == 0
    assert out.splitlines()[0].startswith("spec.md: prd (")
    assert " 3    ## Background" in out and "-> Problem (by alias 'Background')" in out
    assert "Missing: 'Non-goals', 'Success metrics'" in out
    assert "Out of order: 'Goals' (line 16), after 'Requirements'" in out


def test_outline_of_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run_speclint("outline", "nope.md", cwd=tmp_path)
    assert code == 2 and "nope.md" in err and "Traceback" not in err


def test_new_refuses_the_not_a_spec_profile(repo: Path) -> None:
    code, _, err = run_speclint("new", "--profile", "not-a-spec", "doc.md", cwd=repo)

    assert code == 2 and "not specifications" in err
    assert not (repo / "doc.md").exists()
