"""What speclint reads: only regular files inside the repository (or the folder walked outside one).

A FIFO named `x.md` is never opened for reading (it would hang the run), `zero.md -> /dev/zero` is
never read (it would never end), and a committed symlink to a file elsewhere on the machine is never
read (its lines would be printed). In a walked folder each is skipped and said with `-v`; named on
the command line, each is an error for that file (exit 2) while the other files are still linted.
Folders and files that cannot be read say so, never "internal error", and never silently.

The FIFO tests run speclint as a subprocess with a timeout, so a regression fails instead of hanging.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_speclint, write

from speclint.engine import files

pytestmark = pytest.mark.usefixtures("core_rules")

SPEC = "# Refunds\n\nOwner: TBD.\n"
FINDING = "error PH001 unresolved marker 'TBD'"
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
needs_root_to_fail = pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")


def speclint_process(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    return subprocess.run([sys.executable, "-m", "speclint", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60, env=environment, stdin=subprocess.DEVNULL)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    write(root, "docs/spec.md", SPEC)
    return root


# --- FIFOs and devices ---------------------------------------------------------------------------


@needs_fifo
def test_a_fifo_in_a_walked_folder_is_skipped_and_said_with_verbose(repo: Path) -> None:
    os.mkfifo(repo / "docs" / "x.md")

    completed = speclint_process("check", "-v", "--select", "PH001", "docs", cwd=repo)

    assert completed.returncode == 1
    assert completed.stdout == f"docs/spec.md:3:8: {FINDING}: decide, or list it as an open question\n"
    assert "speclint: skipped docs/x.md: not a regular file (a FIFO); not read\n" in completed.stderr


@needs_fifo
def test_a_fifo_named_on_the_command_line_is_an_error_and_the_others_are_linted(repo: Path) -> None:
    os.mkfifo(repo / "docs" / "x.md")

    completed = speclint_process("check", "--select", "PH001", "docs/x.md", "docs/spec.md", cwd=repo)

    assert completed.returncode == 2
    assert FINDING in completed.stdout
    assert "speclint: docs/x.md: not a regular file (a FIFO); not read\n" in completed.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_symlink_to_a_device_is_never_read(repo: Path) -> None:
    (repo / "docs" / "zero.md").symlink_to("/dev/zero")

    walked = run_speclint("check", "-v", "docs", cwd=repo)
    named = run_speclint("check", "docs/zero.md", cwd=repo)

    assert walked[0] == 1 and "speclint: skipped docs/zero.md: not a regular file (a device); not read\n" in walked[2]
    assert named[0] == 2 and named[2] == "speclint: docs/zero.md: not a regular file (a device); not read\n"


# --- symlinks out of the repository --------------------------------------------------------------


def test_a_symlink_to_a_file_outside_the_repository_is_not_read(tmp_path: Path, repo: Path) -> None:
    write(tmp_path, "secret.md", "SECRET-CONTENT: TBD\n")
    (repo / "docs" / "leak.md").symlink_to(tmp_path / "secret.md")

    walked = run_speclint("check", "-v", "docs", cwd=repo)
    named = run_speclint("check", "docs/leak.md", "docs/spec.md", cwd=repo)

    assert walked[0] == 1 and "SECRET" not in walked[1]
    assert "speclint: skipped docs/leak.md: a symlink to a file outside the repository; not read\n" in walked[2]
    assert named[0] == 2 and "SECRET" not in named[1] + named[2] and FINDING in named[1]
    assert "speclint: docs/leak.md: a symlink to a file outside the repository; not read\n" in named[2]


def test_without_a_repository_a_symlink_out_of_the_walked_folder_is_not_read(tmp_path: Path) -> None:
    write(tmp_path, "secret.md", "SECRET-CONTENT: TBD\n")
    write(tmp_path, "project/docs/spec.md", SPEC)
    (tmp_path / "project" / "docs" / "leak.md").symlink_to(tmp_path / "secret.md")

    code, out, err = run_speclint("check", "-v", "docs", cwd=tmp_path / "project")

    assert code == 1 and "SECRET" not in out
    assert "speclint: skipped docs/leak.md: a symlink to a file outside " in err


def test_a_symlink_to_a_file_inside_the_repository_is_read(repo: Path) -> None:
    write(repo, "drafts/real.md", SPEC)
    (repo / "docs" / "alias.md").symlink_to(repo / "drafts" / "real.md")

    code, out, err = run_speclint("check", "docs/alias.md", cwd=repo)

    assert (code, err) == (1, "") and FINDING in out


# --- unreadable files and folders ----------------------------------------------------------------


def _deny(monkeypatch: pytest.MonkeyPatch, function: str, below: Path) -> None:
    """Make `os.<function>` fail with EACCES for `below` and what is in it (as for a user without the
    permission: these tests also run as root, who may read anything)."""
    original = getattr(os, function)
    prefix = os.fspath(below)

    def denied(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        absolute = os.path.abspath(path) if isinstance(path, (str, os.PathLike)) else ""
        if absolute == prefix or absolute.startswith(prefix + os.sep):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return original(path, *args, **kwargs)

    monkeypatch.setattr(os, function, denied)


def test_an_unreadable_file_named_on_the_command_line_is_reported_and_the_others_are_linted(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(repo, "docs/locked.md", SPEC)
    _deny(monkeypatch, "open", repo / "docs" / "locked.md")

    code, out, err = run_speclint("check", "docs/locked.md", "docs/spec.md", cwd=repo)

    assert code == 2
    assert out.startswith("docs/spec.md:3:8: ")
    assert err == "speclint: docs/locked.md: permission denied\n"


def test_a_file_in_a_folder_that_cannot_be_searched_is_reported_not_an_internal_error(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(repo, "locked/spec.md", SPEC)
    _deny(monkeypatch, "stat", repo / "locked")

    code, out, err = run_speclint("check", "locked/spec.md", "docs/spec.md", cwd=repo)

    assert code == 2
    assert out.startswith("docs/spec.md:3:8: ")
    assert err == "speclint: locked/spec.md: permission denied\n"


def test_a_folder_that_cannot_be_searched_in_a_walked_tree_is_reported_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "docs/spec.md", SPEC)
    write(tmp_path, "docs/locked/hidden.md", SPEC)
    _deny(monkeypatch, "scandir", tmp_path / "docs" / "locked")

    code, out, err = run_speclint("check", "docs", cwd=tmp_path)

    assert code == 2
    assert out.startswith("docs/spec.md:3:8: ")
    assert err == "speclint: docs/locked: cannot search this folder (permission denied); the files in it were not linted\n"


def test_a_folder_git_could_not_search_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answer = subprocess.CompletedProcess([], 0, b"spec.md\0", b"warning: could not open directory 'locked/': Permission denied\n")
    monkeypatch.setattr(subprocess, "run", lambda *args, **kwargs: answer)
    unsearchable: list[tuple[Path, str]] = []
    write(tmp_path, "spec.md", SPEC)

    found = files._git_markdown_files(tmp_path, lambda path, why: unsearchable.append((path, why)))

    assert found == [tmp_path / "spec.md"]
    assert unsearchable == [(tmp_path / "locked", "cannot search this folder (permission denied); the files in it were not linted")]


@needs_root_to_fail
def test_a_really_unreadable_folder_and_file(tmp_path: Path) -> None:
    write(tmp_path, "docs/spec.md", SPEC)
    write(tmp_path, "docs/locked/hidden.md", SPEC)
    write(tmp_path, "docs/private.md", SPEC)
    (tmp_path / "docs" / "locked").chmod(0)
    (tmp_path / "docs" / "private.md").chmod(0)
    try:
        code, _, err = run_speclint("check", "docs", cwd=tmp_path)
    finally:
        (tmp_path / "docs" / "locked").chmod(0o755)
    assert code == 2
    assert "docs/locked: cannot search this folder (permission denied)" in err
    assert "speclint: docs/private.md: permission denied" in err


# --- encodings -----------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_read(repo: Path, encoding: str) -> None:
    bom = "\ufeff".encode(encoding)
    (repo / "docs" / "wide.md").write_bytes(bom + "# Refunds\n\nOwner: TBD.\n".encode(encoding))

    code, out, err = run_speclint("check", "docs/wide.md", cwd=repo)

    assert (code, err) == (1, "")
    assert out.startswith(f"docs/wide.md:3:8: {FINDING}")


def test_speclint_init_with_a_symlink_out_of_the_folder_writes_its_configuration(tmp_path: Path) -> None:
    write(tmp_path, "elsewhere/notes.md", SPEC)
    write(tmp_path, "project/docs/spec.md", SPEC)
    (tmp_path / "project" / "docs" / "notes.md").symlink_to(tmp_path / "elsewhere" / "notes.md")
    write(tmp_path, "project/specs/plan.md", SPEC)
    (tmp_path / "project" / "specs" / "link.md").symlink_to(tmp_path / "project" / "docs" / "spec.md")

    code, _, err = run_speclint("init", "specs", cwd=tmp_path / "project")
    # (outside a repository, the symlink out of the folder walked is not read)
    assert (code, err) == (0, "speclint: wrote specs/.speclint.yaml for 1 document\n")
    code, _, err = run_speclint("init", ".", cwd=tmp_path / "project")
    assert code == 0 and "internal error" not in err
