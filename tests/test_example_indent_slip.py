"""API013 example-syntax-slip: a YAML line indented one space off the level of the lines around it
(round 9). Fixtures written for these tests, and a damage test on a real PRD's YAML example."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, lint_with, requires_corpus, spans

from speclint.api import lint_text


def test_flags_a_key_indented_one_space_less_than_its_siblings() -> None:
    text = """
    # Thumbnails

    ```yaml
    bucket: media
    sizes:
      - name: small
        width: 120
       height: 90
    ```
    """
    findings = lint_with("API013", text)
    assert spans(findings) == [(8, 4)]
    assert "one less than the lines around it" in findings[0].message


def test_flags_a_key_indented_one_space_more_than_its_siblings() -> None:
    text = """
    # Queue

    ```yaml
    queue:
      name: jobs
       visibility_timeout: 30
      max_receives: 5
    ```
    """
    findings = lint_with("API013", text)
    assert spans(findings) == [(6, 4)]
    assert "one more" in findings[0].message


def test_leaves_a_sketch_that_no_reindentation_repairs() -> None:
    text = """
    # Queue

    ```yaml
    queue:
      name: jobs
       visibility_timeout: [30, 60
      max_receives: 5
    ```
    """
    assert lint_with("API013", text) == []


def test_leaves_odd_indentation_inside_a_block_scalar() -> None:
    text = """
    # Queue

    ```yaml
    queue:
      description: |
         three spaces here are text
      name: jobs
    ```
    """
    assert lint_with("API013", text) == []


PRD_YAML = "prds/GhostComplex__isotopes__docs__prd__PRD-154-multi-bot-discord.md"


@requires_corpus
def test_a_line_of_a_real_yaml_example_shifted_one_space_is_found(tmp_path: Path) -> None:
    lines = (CORPUS / PRD_YAML).read_text(encoding="utf-8").split("\n")
    path = tmp_path / "prd.md"
    before = [(f.span.start.line, f.span.start.column) for f in lint_text("\n".join(lines), path, isolated=True)
              if f.rule_id == "API013"]
    assert before == []
    index = next(i for i, line in enumerate(lines) if line == "      defaultAgentId: tachikoma")
    lines[index] = " " + lines[index]
    found = [(f.span.start.line, f.span.start.column) for f in lint_text("\n".join(lines), path, isolated=True)
             if f.rule_id == "API013"]
    assert found == [(index + 1, 8)]
