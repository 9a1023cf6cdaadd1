"""Recall on damaged real documents (issue 14, Method): a corpus document of the right kind is copied
to a temporary folder and damaged the way a careless edit damages it (criteria removed under a
story, a dangling reference inserted, a closing fence dropped, a placeholder date, a misspelt
status); the finding must appear at the damaged line and column. Rules on by default are run at
default settings; preview rules are named."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, requires_corpus

from speclint.api import lint_text

pytestmark = requires_corpus

KIRO = "kiro/crawlins__kythira__.kiro__specs__ccache-adoption__requirements.md"
SPEC_KIT = "speckit-specs/21-DOT-DEV__subtree__specs__003-init-command__spec.md"
CAPI = "capi-proposals/docs/proposals/20220209-machinepool-machines.md"
PRD_NUMBERED = "prds/architagr__GossamerDB__docs__prds__gossamerdb.md"
PRD_FRONT_MATTER = "prds/ARTFROST1__FrostDeploy__doc__PRD.md"
NYGARD_ADR = "adrs/ministryofjustice__modernisation-platform__architecture-decision-record__0002-use-iam-federated-access.md"


def damaged(tmp_path: Path, name: str, damage) -> tuple[Path, str]:
    """Copy the corpus document `name` to tmp_path, apply `damage` to its lines, return (path, text)."""
    source = CORPUS / name
    if not source.is_file():
        pytest.skip(f"{name} is not in the corpus")
    lines = source.read_text(encoding="utf-8").split("\n")
    lines = damage(lines)
    target = tmp_path / name
    target.parent.mkdir(parents=True, exist_ok=True)
    text = "\n".join(lines)
    target.write_text(text, encoding="utf-8")
    return target, text


def findings_of(rule: str, path: Path, text: str, preview: bool = False) -> list[tuple[int, int]]:
    select = (rule,) if preview else ()
    return [(f.span.start.line, f.span.start.column) for f in lint_text(text, path, isolated=True, select=select,
                                                                           preview=preview) if f.rule_id == rule]


def index_of(lines: list[str], starts: str, after: int = 0) -> int:
    return next(i for i, line in enumerate(lines) if i >= after and line.startswith(starts))


def append_to(lines: list[str], index: int, addition: str) -> tuple[int, int]:
    """Append `addition` to line `index` (0-based); return the 1-based line and column where it starts."""
    column = len(lines[index].rstrip()) + 1
    lines[index] = lines[index].rstrip() + addition
    return index + 1, column


# --- class 7: references to things that do not exist ------------------------------------------------


def test_a_dangling_fr_reference_in_a_spec_kit_spec_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        line, column = append_to(lines, index_of(lines, "- **FR-003**"), " (see FR-099)")
        where.append((line, column + len(" (see ")))
        return lines

    path, text = damaged(tmp_path, SPEC_KIT, damage)
    assert where[0] in findings_of("TR002", path, text)


def test_a_requirement_number_past_the_last_kiro_requirement_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        criterion = index_of(lines, "1. ", after=index_of(lines, "### Requirement 2"))
        line, column = append_to(lines, criterion, " (see Requirement 42)")
        where.append((line, column + len(" (see ")))
        return lines

    path, text = damaged(tmp_path, KIRO, damage)
    assert findings_of("TR005", path, text) == where


def test_a_short_id_past_the_end_of_a_requirements_table_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        row = index_of(lines, "| R2 |")
        cells = lines[row].rstrip().rstrip("|").rstrip()
        where.append((row + 1, len(cells) + len(" (R")))
        lines[row] = cells + " (R7) |"
        return lines

    path, text = damaged(tmp_path, CAPI, damage)
    assert findings_of("TR005", path, text) == where


def test_a_section_reference_with_no_such_section_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        paragraph = index_of(lines, "### 4.1") + 2
        line, column = append_to(lines, paragraph, " See §9.9 for the budget.")
        where.append((line, column + len(" See ")))
        return lines

    path, text = damaged(tmp_path, PRD_NUMBERED, damage)
    assert where[0] in findings_of("TR006", path, text)


def test_a_reference_link_with_no_definition_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        line, column = append_to(lines, index_of(lines, "### User Story 1") + 2, " See the [wire format][wire-spec].")
        where.append((line, column + len(" See the ")))
        return lines

    path, text = damaged(tmp_path, SPEC_KIT, damage)
    assert findings_of("TR004", path, text) == where


def test_a_kiro_criterion_number_past_its_requirements_criteria_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        criterion = index_of(lines, "1. ", after=index_of(lines, "### Requirement 3"))
        line, column = append_to(lines, criterion, " (see Requirement 2.42)")
        where.append((line, column + len(" (see ")))
        return lines

    path, text = damaged(tmp_path, KIRO, damage)
    assert findings_of("TR005", path, text) == where


# --- class 10: stories without criteria --------------------------------------------------------------


def test_a_kiro_requirement_whose_criteria_were_removed_is_found(tmp_path: Path) -> None:
    def damage(lines: list[str]) -> list[str]:
        start = index_of(lines, "#### Acceptance Criteria", after=index_of(lines, "### Requirement 3"))
        end = index_of(lines, "### Requirement 4")
        return lines[:start] + lines[end:]

    path, text = damaged(tmp_path, KIRO, damage)
    heading = text.split("\n").index(next(line for line in text.split("\n") if line.startswith("### Requirement 3")))
    assert findings_of("AC002", path, text) == [(heading + 1, 1)]


def test_a_spec_kit_story_whose_scenarios_were_removed_is_found(tmp_path: Path) -> None:
    def damage(lines: list[str]) -> list[str]:
        story = index_of(lines, "### User Story 3")
        start = index_of(lines, "**Acceptance Scenarios**", after=story)
        end = index_of(lines, "#", after=start)
        return lines[:start] + lines[end:]

    path, text = damaged(tmp_path, SPEC_KIT, damage)
    heading = next(i for i, line in enumerate(text.split("\n")) if line.startswith("### User Story 3"))
    assert findings_of("AC002", path, text) == [(heading + 1, 1)]


def test_a_criterion_nobody_can_check_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        criterion = index_of(lines, "1. ", after=index_of(lines, "### Requirement 2"))
        inserted = "1. WHEN a user opens the page THEN the page SHALL feel snappier than today"
        lines.insert(criterion, inserted)
        where.append((criterion + 1, inserted.index("feel snappier") + 1))
        return lines

    path, text = damaged(tmp_path, KIRO, damage)
    assert findings_of("AC003", path, text) == where


# --- class 1: placeholders ---------------------------------------------------------------------------


def test_a_placeholder_date_in_an_adr_date_line_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        index = index_of(lines, "Date: ")
        lines[index] = "Date: 2025-09-xx"
        where.append((index + 1, len("Date: ") + 1))
        return lines

    path, text = damaged(tmp_path, NYGARD_ADR, damage)
    assert findings_of("PH004", path, text) == where


def test_a_front_matter_value_left_as_a_marker_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        index = index_of(lines, "author: ")
        lines[index] = "author: TBD"
        where.append((index + 1, len("author: ") + 1))
        return lines

    path, text = damaged(tmp_path, PRD_FRONT_MATTER, damage)
    assert findings_of("PH001", path, text) == where


def test_a_link_whose_target_is_a_marker_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        line, column = append_to(lines, index_of(lines, "- **FR-004**"), " See the [runbook](TODO).")
        where.append((line, column + len(" See the [runbook](")))
        return lines

    path, text = damaged(tmp_path, SPEC_KIT, damage)
    assert findings_of("PH004", path, text) == where


def test_a_value_given_only_as_an_example_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        line, column = append_to(lines, index_of(lines, "- **FR-004**"), " (e.g. ≤8–12 chars — finalize in wire spec)")
        where.append((line, column + len(" (")))
        return lines

    path, text = damaged(tmp_path, SPEC_KIT, damage)
    assert findings_of("PH004", path, text) == where


# --- class 8: metadata ---------------------------------------------------------------------------------


def test_an_impossible_date_in_an_adr_date_line_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        index = index_of(lines, "Date: ")
        lines[index] = "Date: 2024-14-02"
        where.append((index + 1, len("Date: ") + 1))
        return lines

    path, text = damaged(tmp_path, NYGARD_ADR, damage)
    assert findings_of("MD003", path, text) == where


def test_a_misspelt_status_in_an_adr_status_section_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        index = index_of(lines, "❌ Rejected", after=index_of(lines, "## Status"))
        lines[index] = lines[index].replace("Rejected", "Rejectd", 1)
        where.append((index + 1, lines[index].index("Rejectd") + 1))
        return lines

    path, text = damaged(tmp_path, NYGARD_ADR, damage)
    assert findings_of("MD005", path, text) == where


def test_an_adr_title_number_that_differs_from_its_file_number_is_found(tmp_path: Path) -> None:
    def damage(lines: list[str]) -> list[str]:
        index = index_of(lines, "# ")
        lines[index] = "# 7. Use IAM federated access"
        return lines

    path, text = damaged(tmp_path, NYGARD_ADR.replace("__0002-", "__0002-"), damage)
    # the corpus flattens folders into the name: the record's own name is what follows the last "__"
    record = tmp_path / "adrs" / "0002-use-iam-federated-access.md"
    record.write_text(text, encoding="utf-8")
    title = next(i for i, line in enumerate(text.split("\n")) if line.startswith("# "))
    assert findings_of("MD004", record, text) == [(title + 1, 3)]


# --- class 9: an unclosed fence --------------------------------------------------------------------------


def _drop_closing_fence(lines: list[str], marker: str = "```") -> tuple[list[str], int]:
    """Remove the closing fence of the first fenced block followed by a heading; return the opening line."""
    opening = None
    for index, line in enumerate(lines):
        if line.strip().startswith("```") and opening is None:
            opening = index
        elif line.strip() == "```" and opening is not None:
            if any(later.startswith("#") for later in lines[index + 1:]):
                lines[opening] = lines[opening].replace("```", marker, 1)
                return lines[:index] + lines[index + 1:], opening + 1
            opening = None
    raise AssertionError("no closed fence followed by a heading")


@pytest.mark.parametrize("marker", ["```", "~~~"])
def test_a_dropped_closing_fence_is_found(tmp_path: Path, marker: str) -> None:
    where: list[int] = []

    def damage(lines: list[str]) -> list[str]:
        result, opening = _drop_closing_fence(lines, marker)
        where.append(opening)
        return result

    path, text = damaged(tmp_path, CAPI, damage)
    column = len(text.split("\n")[where[0] - 1]) - len(text.split("\n")[where[0] - 1].lstrip()) + 1
    assert (where[0], column) in findings_of("ST008", path, text)


def test_a_dropped_closing_fence_of_an_indented_fence_is_found(tmp_path: Path) -> None:
    where: list[int] = []

    def damage(lines: list[str]) -> list[str]:
        result, opening = _drop_closing_fence(lines)
        result[opening - 1] = "  " + result[opening - 1]
        where.append(opening)
        return result

    path, text = damaged(tmp_path, CAPI, damage)
    assert (where[0], 3) in findings_of("ST008", path, text)


def test_a_closing_fence_outdented_out_of_a_list_item_is_found(tmp_path: Path) -> None:
    where: list[int] = []

    def damage(lines: list[str]) -> list[str]:
        heading = index_of(lines, "## ", after=10)
        item = ["1. Apply the configuration:", "   ```yaml", "   retries: 3", "  ```", ""]
        where.append(heading + 4)  # the outdented fence opens a block that swallows the rest
        return lines[:heading] + item + lines[heading:]

    path, text = damaged(tmp_path, CAPI, damage)
    assert [line for line, _ in findings_of("ST008", path, text)][:1] == where


PRD_STORIES = "prds/brianluby__rusty-brain__specs__003-core-memory-engine__prd.md"
PRD_FRONT_MATTER = "prds/ARTFROST1__FrostDeploy__doc__PRD.md"


def test_two_prd_stories_whose_scenarios_were_removed_are_both_found(tmp_path: Path) -> None:
    def damage(lines: list[str]) -> list[str]:
        for story in ("### User Story 4", "### User Story 3"):  # the later one first: indexes stay valid
            start = index_of(lines, "**Acceptance Scenarios**", after=index_of(lines, story))
            end = index_of(lines, "#", after=start)
            lines = lines[:start] + lines[end:]
        return lines

    path, text = damaged(tmp_path, PRD_STORIES, damage)
    lines = text.split("\n")
    headings = [index_of(lines, story) + 1 for story in ("### User Story 3", "### User Story 4")]
    assert findings_of("AC002", path, text) == [(line, 1) for line in headings]


def test_a_placeholder_date_in_prd_front_matter_is_found(tmp_path: Path) -> None:
    def damage(lines: list[str]) -> list[str]:
        lines[index_of(lines, "date: ")] = "date: 2025-09-xx"
        return lines

    path, text = damaged(tmp_path, PRD_FRONT_MATTER, damage)
    line = index_of(text.split("\n"), "date: ") + 1
    assert (line, len("date: ") + 1) in findings_of("MD002", path, text)


def test_a_decision_past_the_last_one_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        heading = index_of(lines, "## ", after=10)
        decisions = ["## Decisions", "", "- **D1**: Keep machine pools.", "- **D2**: Add machines to pools.",
                     "- **D3**: Drain nodes first; see D4.", ""]
        where.append((heading + 5, len("- **D3**: Drain nodes first; see ") + 1))
        return lines[:heading] + decisions + lines[heading:]

    path, text = damaged(tmp_path, CAPI, damage)
    assert findings_of("TR005", path, text) == where


# --- class 12: interfaces ---------------------------------------------------------------------------

KIRO_API_DESIGN = "kiro-more/9mak__oneco__.kiro__specs__notification-manager__design.md"


def test_an_endpoint_table_whose_errors_were_removed_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        header = index_of(lines, "| Method | Endpoint | Request | Response | Errors |")
        for index in range(header, header + 5):  # drop the Errors column
            lines[index] = lines[index].rstrip().rstrip("|").rsplit("|", 1)[0] + "|"
        where.append((header + 3, lines[header + 2].index("POST") + 1))  # the first row's method cell
        strategy = index_of(lines, "### Error Strategy")
        return [line for index, line in enumerate(lines)
                if not (index > strategy and line.startswith("|") and any(code in line for code in ("401", "429",
                                                                                              "5xx", "422")))]

    path, text = damaged(tmp_path, KIRO_API_DESIGN, damage)
    assert where[0] in findings_of("API011", path, text)


PRD_JSON = "prds/lingfliu__dd-core__docs__prd-memmq-v1.md"
PRD_YAML = "prds/GhostComplex__isotopes__docs__prd__PRD-154-multi-bot-discord.md"


def test_a_comma_dropped_from_a_json_example_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        index = index_of(lines, '  "qos": 0,')
        lines[index] = lines[index].rstrip(",")
        where.append((index + 2, 3))  # the next member, where the parser stops
        return lines

    path, text = damaged(tmp_path, PRD_JSON, damage)
    assert where[0] in findings_of("API013", path, text)


def test_a_tab_typed_into_a_yaml_example_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        index = index_of(lines, "      defaultAgentId: major")
        lines[index] = "\t" + lines[index].lstrip(" ")
        where.append((index + 1, 1))
        return lines

    path, text = damaged(tmp_path, PRD_YAML, damage)
    assert where[0] in findings_of("API013", path, text)


KIRO_ENDPOINT_DESIGN = "kiro-more/9mak__oneco__.kiro__specs__animal-category-field__design.md"


def test_authentication_removed_but_a_token_redaction_note_left_is_found(tmp_path: Path) -> None:
    where: list[tuple[int, int]] = []

    def damage(lines: list[str]) -> list[str]:
        lines = [line for line in lines if "session: SessionDep" not in line]  # the only word on callers
        lines += ["", "## Security", "", "Tokens are redacted from logs."]
        row = index_of(lines, "| GET | /animals |")  # the endpoint table's first row
        where.append((row + 1, lines[row].index("GET") + 1))
        return lines

    path, text = damaged(tmp_path, KIRO_ENDPOINT_DESIGN, damage)
    assert findings_of("API002", path, text) == [where[0]]
