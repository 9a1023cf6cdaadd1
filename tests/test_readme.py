"""README.md is the newcomer's entry point: its commands must be the ones CI runs."""

from conftest import REPOSITORY


def test_ci_runs_the_exact_test_command_from_the_readme() -> None:
    ci_lines = (REPOSITORY / ".ci" / "run").read_text().splitlines()
    test_command = next(line for line in ci_lines if "pytest" in line)
    readme = (REPOSITORY / "README.md").read_text()
    assert f"\n{test_command}\n" in readme


def test_readme_install_command_lints_the_shipped_examples() -> None:
    readme = (REPOSITORY / "README.md").read_text()
    assert "pip install . && speclint check examples/" in readme
    assert any((REPOSITORY / "examples").glob("*.md"))


def _security_section() -> str:
    readme = (REPOSITORY / "README.md").read_text()
    start = readme.index("\n## Security and limits\n")
    return readme[start: readme.index("\n## ", start + 1)]


def test_the_security_section_states_the_size_limit_of_files_standard_input_and_the_language_server() -> None:
    from speclint.engine.files import DEFAULT_MAX_BYTES
    from speclint.language_server import MAX_DOCUMENT_BYTES

    section = " ".join(_security_section().split())
    assert MAX_DOCUMENT_BYTES == DEFAULT_MAX_BYTES
    assert f"5 MiB ({DEFAULT_MAX_BYTES:,} bytes)" in section
    assert "Standard input (`-`) has the same limit" in section
    assert "a document in the language server" in section
    assert "no size limit" not in section


def test_the_limits_page_states_the_budgets_the_code_enforces() -> None:
    from speclint.document.parser import MAX_NESTING
    from speclint.document.yaml_guard import MAX_DEPTH, MAX_EXPANDED_NODES
    from speclint.engine.check import DOCUMENT_BUDGET_SECONDS, RULE_BUDGET_SECONDS
    from speclint.engine.files import DEFAULT_MAX_BYTES
    from speclint.language_server import LINT_BUDGET_SECONDS

    limits = (REPOSITORY / "docs" / "limits.md").read_text()
    assert "docs/limits.md" in _security_section()
    for stated in (f"{DEFAULT_MAX_BYTES:,} bytes", f"| {RULE_BUDGET_SECONDS:.0f} s (`speclint.engine.check.RULE_BUDGET",
                   f"| {DOCUMENT_BUDGET_SECONDS:.0f} s (`DOCUMENT_BUDGET",
                   f"| {LINT_BUDGET_SECONDS:.0f} s (`speclint.language_server", f"{MAX_EXPANDED_NODES:,} values",
                   f"{MAX_DEPTH} levels of nesting", f"| {MAX_NESTING} levels"):
        assert stated in limits, stated
