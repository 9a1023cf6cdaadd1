"""The pre-commit hook, end to end with the real `pre-commit` and real `git commit`s.

Each test makes a git repository in a temporary folder whose `.pre-commit-config.yaml` names this
checkout as the hook repository at its current commit, installs the git hook with
`pre-commit install`, and commits. pre-commit clones the hook repository and pip-installs it into a
virtual environment of its own; all tests share one PRE_COMMIT_HOME so that happens once.

pre-commit installs the hook from a *commit*, so uncommitted edits to the files the hook is built
from would not be tested. In CI the checkout is a fresh clone and its HEAD is used as is; on a
developer's machine with such edits, the tests use a commit of the working tree made in a scratch
repository instead (the same files, committed), so they always test the code in front of you.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPOSITORY, md

# What pre-commit needs to build the hook: its declaration and everything `pip install .` reads.
HOOK_SOURCES = [".pre-commit-hooks.yaml", "pyproject.toml", "README.md", "speclint", "rules", "schemas"]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git_environment(home: Path) -> dict[str, str]:
    """An environment in which git and pre-commit see neither the user's nor the caller's git state."""
    environment = {
        key: value
        for key, value in os.environ.items()
        # GITHUB_ACTIONS would switch speclint's default output to workflow commands
        if not key.startswith(("GIT_", "PRE_COMMIT", "GITHUB_")) and key not in {"SKIP"}
    }
    environment.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_AUTHOR_NAME="Spec Writer",
        GIT_AUTHOR_EMAIL="writer@example.com",
        GIT_COMMITTER_NAME="Spec Writer",
        GIT_COMMITTER_EMAIL="writer@example.com",
        PRE_COMMIT_HOME=str(home),
        PRE_COMMIT_COLOR="never",
        # the hook script runs pre-commit with the interpreter that installed it: this one
        PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    )
    return environment


def _git(arguments: list[str], cwd: Path, environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *arguments], cwd=cwd, env=environment, capture_output=True, text=True, timeout=300
    )


def _checked_git(arguments: list[str], cwd: Path, environment: dict[str, str]) -> str:
    completed = _git(arguments, cwd, environment)
    assert completed.returncode == 0, f"git {' '.join(arguments)} failed:\n{completed.stdout}{completed.stderr}"
    return completed.stdout.strip()


def _snapshot_of_working_tree(destination: Path, environment: dict[str, str]) -> tuple[Path, str]:
    """Commit the checkout's working tree (tracked and untracked, minus ignored files) in a new repository."""
    listed = _checked_git(["ls-files", "--cached", "--others", "--exclude-standard", "-z"], REPOSITORY, environment)
    destination.mkdir()
    for name in filter(None, listed.split("\0")):
        source = REPOSITORY / name
        if source.is_file():  # a tracked file deleted in the working tree is left out
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    _checked_git(["init", "-q"], destination, environment)
    _checked_git(["add", "-A"], destination, environment)
    _checked_git(["commit", "-q", "-m", "snapshot of the working tree"], destination, environment)
    return destination, _checked_git(["rev-parse", "HEAD"], destination, environment)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the whole module: the hook's environment is built once."""
    if shutil.which("pre-commit", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("pre-commit is not installed in this environment (pip install -e '.[test]')")
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="module")
def hook_repository(tmp_path_factory: pytest.TempPathFactory, pre_commit_home: Path) -> tuple[str, str]:
    """(repository, rev) for `.pre-commit-config.yaml`: this checkout at HEAD when the hook's files are committed."""
    environment = _git_environment(pre_commit_home)
    inside = _git(["rev-parse", "--show-toplevel"], REPOSITORY, environment)
    if inside.returncode != 0 or Path(inside.stdout.strip()).resolve() != REPOSITORY.resolve():
        pytest.skip("this checkout is not a git repository, so pre-commit cannot install the hook from it")
    uncommitted = _checked_git(["status", "--porcelain", "--", *HOOK_SOURCES], REPOSITORY, environment)
    if not uncommitted:
        return str(REPOSITORY), _checked_git(["rev-parse", "HEAD"], REPOSITORY, environment)
    repository, rev = _snapshot_of_working_tree(tmp_path_factory.mktemp("hook") / "speclint", environment)
    return str(repository), rev


class SpecRepository:
    """A user's repository with speclint configured as a pre-commit hook and the git hook installed."""

    def __init__(self, root: Path, environment: dict[str, str]) -> None:
        self.root = root
        self.environment = environment

    def write(self, name: str, text: str) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def commit(self, message: str, *, verify: bool = True) -> subprocess.CompletedProcess[str]:
        _checked_git(["add", "-A"], self.root, self.environment)
        return _git(["commit", "-m", message, *([] if verify else ["--no-verify"])], self.root, self.environment)


@pytest.fixture
def spec_repository(tmp_path: Path, pre_commit_home: Path, hook_repository: tuple[str, str]) -> SpecRepository:
    repository, rev = hook_repository
    environment = _git_environment(pre_commit_home)
    root = tmp_path / "product-specs"
    root.mkdir()
    _checked_git(["init", "-q"], root, environment)
    spec_repo = SpecRepository(root, environment)
    spec_repo.write(
        ".pre-commit-config.yaml",
        f"repos:\n  - repo: {repository}\n    rev: {rev}\n    hooks:\n      - id: speclint\n",
    )
    spec_repo.write("README.md", "# Product specs\n\nOne folder per feature.\n")
    assert spec_repo.commit("Set up pre-commit", verify=False).returncode == 0
    completed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=root, env=environment, capture_output=True, text=True, timeout=120,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return spec_repo


BAD_SPEC = md(
    """
    # Export invoices as CSV

    ## Requirements

    - The export includes every invoice of the selected month.
    - Large exports are split into files of TBD rows each.
    """
)

GOOD_SPEC = md(
    """
    # Export invoices as CSV

    ## Requirements

    - The export includes every invoice of the selected month.
    - Large exports are split into files of 50,000 rows each.
    """
)


def test_a_commit_with_an_unresolved_marker_is_refused_and_shows_the_finding(spec_repository: SpecRepository) -> None:
    spec_repository.write("specs/invoice-export.md", BAD_SPEC)

    completed = spec_repository.commit("Add the invoice export spec")

    output = completed.stdout + completed.stderr
    assert completed.returncode != 0, output
    assert "speclint" in output and "Failed" in output
    assert "specs/invoice-export.md:6:41: error PH001 unresolved marker 'TBD'" in output


def test_a_commit_with_a_clean_spec_passes(spec_repository: SpecRepository) -> None:
    spec_repository.write("specs/invoice-export.md", GOOD_SPEC)

    completed = spec_repository.commit("Add the invoice export spec")

    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output
    assert "speclint" in output and "Passed" in output


def test_a_commit_touching_no_markdown_does_not_run_speclint(spec_repository: SpecRepository) -> None:
    # A defective spec is already in the repository: speclint would fail if it ran on it.
    spec_repository.write("specs/invoice-export.md", BAD_SPEC)
    assert spec_repository.commit("Add a draft", verify=False).returncode == 0
    spec_repository.write("exports/sample.csv", "invoice,amount\nINV-1,120.00\n")

    completed = spec_repository.commit("Add a sample export")

    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output
    assert "(no files to check)" in output and "Skipped" in output
    assert "PH001" not in output


# --- the README's snippet, as written -----------------------------------------------------------

def _readme_snippets() -> list[str]:
    """The YAML blocks of the README's pre-commit section, in order."""
    import re

    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## As a pre-commit hook"):]
    section = section[: section.index("\n## ", 1)]
    return re.findall(r"```yaml\n(.*?)```", section, re.S)


@pytest.fixture(scope="module")
def readme_hook_repository(tmp_path_factory: pytest.TempPathFactory, pre_commit_home: Path,
                           hook_repository: tuple[str, str]) -> tuple[str, str]:
    """(the README's snippet, a local repository standing in for its `repo:` URL): a copy of the
    commit under test whose branch named by the snippet's `rev:` points at it (no network in tests)."""
    from ruamel.yaml import YAML

    snippet = _readme_snippets()[0]
    [repo] = YAML(typ="safe").load(snippet)["repos"]
    environment = _git_environment(pre_commit_home)
    repository, commit = hook_repository
    published = tmp_path_factory.mktemp("published") / "speclint"
    published.mkdir()
    _checked_git(["init", "-q"], published, environment)
    _checked_git(["fetch", "-q", repository, commit], published, environment)
    _checked_git(["branch", "-f", str(repo["rev"]), commit], published, environment)
    return snippet.replace(repo["repo"], str(published)), str(repo["rev"])


def _repository_with_config(root: Path, environment: dict[str, str], config: str) -> SpecRepository:
    root.mkdir()
    _checked_git(["init", "-q"], root, environment)
    spec_repo = SpecRepository(root, environment)
    spec_repo.write(".pre-commit-config.yaml", config)
    spec_repo.write("README.md", "# Product specs\n\nOne folder per feature.\n")
    assert spec_repo.commit("Set up pre-commit", verify=False).returncode == 0
    completed = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=root, env=environment,
                               capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return spec_repo


def test_the_readme_snippet_installs_the_hook_and_its_rev_exists(
    tmp_path: Path, pre_commit_home: Path, readme_hook_repository: tuple[str, str]
) -> None:
    config, rev = readme_hook_repository
    assert rev == "main"  # no release tag exists yet: see the README
    spec_repo = _repository_with_config(tmp_path / "specs", _git_environment(pre_commit_home), config)
    spec_repo.write("specs/invoice-export.md", BAD_SPEC)

    completed = spec_repo.commit("Add the invoice export spec")

    output = completed.stdout + completed.stderr
    assert completed.returncode != 0, output
    assert "specs/invoice-export.md:6:41: error PH001 unresolved marker 'TBD'" in output


WARNINGS_ONLY_SPEC = md(
    """
    # Export invoices as CSV

    ## Requirements

    - Large exports are split into files of 50,000 rows each, as [the limits](#limits) say.
    """
)


def test_the_hook_output_ends_with_a_summary_that_says_how_to_see_warnings(spec_repository: SpecRepository) -> None:
    spec_repository.write("specs/invoice-export.md", BAD_SPEC.replace("## Requirements", "#### Requirements"))

    completed = spec_repository.commit("Add the invoice export spec")

    output = (completed.stdout + completed.stderr).rstrip()
    last = output.splitlines()[-1]
    assert last.startswith("speclint: 1 file checked: 1 error, ")
    assert "`verbose: true`" in last and "--fail-on, warning" in last


def test_with_verbose_as_the_readme_says_a_passing_commit_shows_its_warnings(
    tmp_path: Path, pre_commit_home: Path, readme_hook_repository: tuple[str, str]
) -> None:
    config, _ = readme_hook_repository
    verbose = _readme_snippets()[1]
    assert "verbose: true" in verbose
    config = config.replace("      - id: speclint\n", verbose)
    spec_repo = _repository_with_config(tmp_path / "specs", _git_environment(pre_commit_home), config)
    spec_repo.write("specs/invoice-export.md", WARNINGS_ONLY_SPEC)

    completed = spec_repo.commit("Add the invoice export spec")

    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output
    assert "warning TR003" in output and "Passed" in output


def test_a_commit_adding_a_nested_configuration_with_a_python_plugin_runs_no_code(
    spec_repository: SpecRepository, tmp_path: Path
) -> None:
    # The attack of issue 17: a pull request adds a folder configuration naming its own plugin.
    marker = tmp_path / "plugin-was-imported"
    spec_repository.write("docs/.speclint.yaml", "plugins: [evil.py]\n")
    spec_repository.write("docs/evil.py", f"open({str(marker)!r}, 'w').write('imported')\n")
    spec_repository.write("docs/invoice-export.md", GOOD_SPEC)

    completed = spec_repository.commit("Add the invoice export spec")

    output = completed.stdout + completed.stderr
    assert completed.returncode != 0, output
    assert "docs/.speclint.yaml:1:11: plugin 'evil.py': Python plugins load only from the configuration" in output
    assert not marker.exists()


def test_a_readme_with_a_todo_passes_because_a_readme_is_not_a_spec(spec_repository: SpecRepository) -> None:
    spec_repository.write("README.md", "# Product specs\n\nTODO: describe how the folders are organised.\n")

    completed = spec_repository.commit("Note a TODO in the README")

    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output
    assert "PH001" not in output
