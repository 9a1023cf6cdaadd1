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
