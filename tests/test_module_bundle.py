"""speclint.module_bundle keeps the code of a package's submodules in one file between runs and
serves it to the import system: a module served from it is the module the ordinary import gives,
a changed source or folder is imported the ordinary way, and a bundle that is missing, corrupt,
foreign or unwritable costs only the ordinary import.

Each case imports a small package of its own in a fresh interpreter (the bundle is a finder on
`sys.meta_path`, so the imports must be the process's first)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent

# Imports bundled_pkg.sub and bundled_pkg.inner.leaf with a bundle at argv[2] (packages: bundled_pkg).
IMPORTER = """
import inspect, json, sys
sys.path.insert(0, sys.argv[1])
from speclint.module_bundle import ModuleBundle
bundle = ModuleBundle(sys.argv[2], packages=("bundled_pkg",))
sys.meta_path.insert(0, bundle)
import bundled_pkg
import bundled_pkg.sub as sub
import bundled_pkg.inner.leaf as leaf
print(json.dumps({
    "value": sub.VALUE, "leaf": leaf.twice(21), "served": bundle.served,
    "loaders": [type(module.__loader__).__name__ for module in (bundled_pkg, sub, leaf)],
    "files": [sub.__file__, leaf.__file__], "source": inspect.getsource(leaf.twice),
    "filename": leaf.twice.__code__.co_filename,
}))
bundle.save()
"""


def _environment(write_bytecode: bool = True) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    if not write_bytecode:
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
    environment["PYTHONPATH"] = str(REPOSITORY)
    return environment


def run_importer(root: Path, bundle: Path, write_bytecode: bool = True) -> dict:
    completed = subprocess.run(
        [sys.executable, "-c", IMPORTER, str(root), str(bundle)],
        capture_output=True, text=True, env=_environment(write_bytecode), check=True,
    )
    return json.loads(completed.stdout)


@pytest.fixture
def package(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "bundled_pkg" / "inner").mkdir(parents=True)
    (root / "bundled_pkg" / "__init__.py").write_text("", encoding="utf-8")
    (root / "bundled_pkg" / "sub.py").write_text("VALUE = 1\n", encoding="utf-8")
    (root / "bundled_pkg" / "inner" / "__init__.py").write_text("", encoding="utf-8")
    (root / "bundled_pkg" / "inner" / "leaf.py").write_text("def twice(n):\n    return 2 * n\n", encoding="utf-8")
    return root


def _rewrite(path: Path, text: str) -> None:
    """Write `text` and move the modification time a second on (a quick test could leave it the same)."""
    status = path.stat()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))


def test_a_second_process_imports_the_submodules_from_the_bundle(package: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "modules.bin"
    first = run_importer(package, bundle)
    second = run_importer(package, bundle)
    assert first["served"] == 0 and bundle.exists()
    assert second["served"] == 3  # sub, inner and inner.leaf; the top-level package never
    assert second["loaders"] == ["SourceFileLoader", "_BundledLoader", "_BundledLoader"]
    for key in ("value", "leaf", "files", "source", "filename"):
        assert second[key] == first[key]
    assert second["leaf"] == 42 and second["filename"] == second["files"][1]


def test_an_edited_source_is_imported_again_even_at_the_same_size(package: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "modules.bin"
    run_importer(package, bundle)
    _rewrite(package / "bundled_pkg" / "sub.py", "VALUE = 2\n")
    changed = run_importer(package, bundle)
    assert changed["value"] == 2 and changed["served"] == 2
    again = run_importer(package, bundle)  # the new code is kept in its turn
    assert again["value"] == 2 and again["served"] == 3


def test_a_package_folder_added_beside_a_module_wins_as_in_the_ordinary_search(package: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "modules.bin"
    run_importer(package, bundle)
    (package / "bundled_pkg" / "sub").mkdir()
    (package / "bundled_pkg" / "sub" / "__init__.py").write_text("VALUE = 'package'\n", encoding="utf-8")
    assert run_importer(package, bundle)["value"] == "package"


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\xe3garbage" * 10])
def test_a_corrupt_bundle_costs_only_the_ordinary_import(package: Path, tmp_path: Path, content: bytes) -> None:
    bundle = tmp_path / "modules.bin"
    bundle.write_bytes(content)
    result = run_importer(package, bundle)
    assert (result["value"], result["leaf"], result["served"]) == (1, 42, 0)
    assert run_importer(package, bundle)["served"] == 3  # and it is replaced by a good one


def test_a_bundle_of_another_python_build_is_not_used(package: Path, tmp_path: Path) -> None:
    from speclint import module_bundle

    bundle = tmp_path / "modules.bin"
    run_importer(package, bundle)
    entries = module_bundle._read(str(bundle))
    stamp = module_bundle._stamp()
    assert len(entries) == 3
    bundle.write_bytes(module_bundle._encode(entries, (stamp[0], "2.7.18 (another build)", *stamp[2:])))
    assert run_importer(package, bundle)["served"] == 0


def test_nothing_is_written_when_python_may_not_write_bytecode(package: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "modules.bin"
    run_importer(package, bundle, write_bytecode=False)
    assert not bundle.exists()


def test_an_unwritable_place_is_left_alone(package: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    result = run_importer(package, blocker / "modules.bin")  # its folder is a file: cannot be made
    assert (result["value"], result["leaf"]) == (1, 42)


def test_the_program_imports_speclint_from_the_bundle_with_the_same_report(tmp_path: Path) -> None:
    spec = tmp_path / "spec.md"
    spec.write_text("# Checkout\n\n## Requirements\n\nThe page TODO loads the cart.\n", encoding="utf-8")
    program = (
        "import atexit, sys\n"
        "sys.argv = ['speclint', 'check', '--no-cache', '--select', 'PH001', 'spec.md']\n"
        "def loader():\n"
        "    module = sys.modules['speclint.engine.runner']\n"
        "    print(type(module.__loader__).__name__, file=sys.stderr)\n"
        "atexit.register(loader)\n"
        "from speclint.cli import main\n"
        "main()\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", program], cwd=tmp_path, capture_output=True, text=True,
                       env=_environment())
        for _ in range(2)
    ]
    assert [run.returncode for run in runs] == [1, 1]
    assert runs[0].stdout == runs[1].stdout and runs[1].stdout.startswith("spec.md:5:10: error PH001")
    assert runs[1].stderr.strip() == "_BundledLoader"
