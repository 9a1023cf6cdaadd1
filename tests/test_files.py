"""Finding Markdown files (git-aware) and reading them safely."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from speclint.engine import files

requires_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def write(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# Spec\n")


def found(root: Path, *paths: Path) -> list[str]:
    return sorted(path.relative_to(root).as_posix() for path in files.discover(paths or [root]))


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def plain_folder(tmp_path: Path) -> Path:
    """A folder outside any git work tree."""
    if shutil.which("git"):
        inside = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=tmp_path, capture_output=True)
        if inside.returncode == 0:
            pytest.skip("the temporary folder is inside a git work tree")
    return tmp_path


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git work tree with a .gitignore, some files committed and some not."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    git(tmp_path, "init", "-q")
    (tmp_path / ".gitignore").write_text("drafts/\n*.generated.md\n")
    write(tmp_path, "README.md", "specs/checkout.md", "drafts/idea.md", "specs/api.generated.md")
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "specs")
    write(tmp_path, "specs/new-untracked.md")
    return tmp_path


def test_walk_finds_md_and_markdown_files_in_sorted_order(plain_folder: Path) -> None:
    write(plain_folder, "b.md", "a.markdown", "docs/UPPER.MD", "notes.txt", "docs/spec.md.bak")
    assert found(plain_folder) == ["a.markdown", "b.md", "docs/UPPER.MD"]


def test_walk_skips_hidden_folders_and_node_modules(plain_folder: Path) -> None:
    write(plain_folder, "spec.md", ".github/template.md", "node_modules/pkg/README.md", "docs/.cache/x.md")
    assert found(plain_folder) == ["spec.md"]


@requires_git
def test_walk_in_a_git_work_tree_skips_what_gitignore_excludes(repository: Path) -> None:
    assert found(repository) == ["README.md", "specs/checkout.md", "specs/new-untracked.md"]


@requires_git
def test_walk_in_a_git_work_tree_still_skips_hidden_folders_and_node_modules(repository: Path) -> None:
    write(repository, ".specify/template.md", "node_modules/pkg/README.md")
    assert found(repository) == ["README.md", "specs/checkout.md", "specs/new-untracked.md"]


@requires_git
def test_walk_of_a_subfolder_of_a_work_tree(repository: Path) -> None:
    assert found(repository, repository / "specs") == ["specs/checkout.md", "specs/new-untracked.md"]


@requires_git
def test_walk_skips_committed_files_deleted_from_the_work_tree(repository: Path) -> None:
    (repository / "specs" / "checkout.md").unlink()
    assert found(repository) == ["README.md", "specs/new-untracked.md"]


@requires_git
def test_files_named_explicitly_are_always_found(repository: Path) -> None:
    ignored = repository / "drafts" / "idea.md"
    hidden = repository / ".notes.txt"
    hidden.write_text("TBD\n")
    assert found(repository, ignored, hidden) == [".notes.txt", "drafts/idea.md"]


def test_a_file_named_twice_is_found_once(plain_folder: Path) -> None:
    write(plain_folder, "spec.md")
    assert found(plain_folder, plain_folder / "spec.md", plain_folder, plain_folder / "." / "spec.md") == ["spec.md"]


def test_display_path_is_relative_to_the_working_directory(tmp_path: Path) -> None:
    assert files.display_path(tmp_path / "docs" / "spec.md", tmp_path) == "docs/spec.md"
    assert files.display_path(Path("/elsewhere/spec.md"), tmp_path) == "/elsewhere/spec.md"


def test_read_text_accepts_utf8_with_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "spec.md"
    path.write_bytes("\ufeff# Café\n".encode())
    assert files.read_text(path) == "\ufeff# Café\n"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        pytest.param("# Résumé\n".encode("latin-1"), "not valid UTF-8 (byte 0xe9 at line 1, byte 4)", id="latin-1"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file", id="binary"),
    ],
)
def test_read_text_refuses_what_is_not_utf8_text(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "spec.md"
    path.write_bytes(content)
    with pytest.raises(files.ReadError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        files.read_text(path)


def test_read_text_refuses_a_file_above_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    path.write_text("x" * 101)
    with pytest.raises(files.ReadError, match="101 bytes, above the 100-byte limit"):
        files.read_text(path, max_bytes=100)


def test_read_text_explains_missing_files_and_folders(tmp_path: Path) -> None:
    with pytest.raises(files.ReadError, match="no such file"):
        files.read_text(tmp_path / "missing.md")
    with pytest.raises(files.ReadError, match="is a directory"):
        files.read_text(tmp_path)
