"""Custom Python rules: from an installed package (entry points) and from local files named in `plugins:`."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import only_rules_config, run_speclint, write

pytestmark = pytest.mark.usefixtures("core_rules")

# Written against the import paths of speclint 0.1 (`speclint.rule`, `speclint.text`), as plugins
# in the wild are: those paths must keep working.
PLUGIN_MODULE = '''
"""Acme's house rules for specs."""

import re

from speclint.rule import Category, Level, Rule, Violation
from speclint.text import find_all, iter_prose

_CODENAMES = re.compile(r"\\b(?:Bluebird|Falcon)\\b")


class NoCodenames(Rule):
    """Flags internal codenames in specs.

    **What it flags.** Bluebird, Falcon. **Why it matters.** Readers outside the team don't know them.
    """

    id = "ACME001"
    name = "no-codenames"
    category = Category.WORDING
    default_level = Level.ERROR

    def check(self, document, context):
        for prose in iter_prose(document):
            for match, span in find_all(_CODENAMES, prose.segments):
                yield Violation(span, f"internal codename '{match.group(0)}': use the product name")


class Fragile(Rule):
    """Raises on every document (stands for a plugin with a bug).

    **What it flags.** Nothing. **Why it matters.** A plugin's bug must not stop the run.
    """

    id = "ACME900"
    name = "fragile"
    category = Category.STRUCTURE

    def check(self, document, context):
        raise KeyError("owner")
'''


def _build_wheel(folder: Path) -> Path:
    """A wheel of the `acme-speclint-rules` package, written by hand (no build backend needed)."""
    name, version = "acme_speclint_rules", "1.0.0"
    dist_info = f"{name}-{version}.dist-info"
    files = {
        f"{name}/__init__.py": PLUGIN_MODULE,
        f"{dist_info}/METADATA": f"Metadata-Version: 2.1\nName: acme-speclint-rules\nVersion: {version}\n",
        f"{dist_info}/WHEEL": "Wheel-Version: 1.0\nGenerator: speclint-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        f"{dist_info}/entry_points.txt": (
            "[speclint.rules]\n"
            f"no-codenames = {name}:NoCodenames\n"
            f"fragile = {name}:Fragile\n"
        ),
        f"{dist_info}/top_level.txt": f"{name}\n",
    }
    record = "".join(f"{path},,\n" for path in files) + f"{dist_info}/RECORD,,\n"
    wheel = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
        archive.writestr(f"{dist_info}/RECORD", record)
    return wheel


@pytest.fixture(scope="module")
def plugin_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment that sees speclint (from this environment) and has the plugin
    package installed with pip; the current environment is left untouched."""
    folder = tmp_path_factory.mktemp("plugin-env")
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    # Make this environment's packages (speclint, its dependencies, pip) importable there.
    lines = "".join(f"import site; site.addsitedir({path!r})\n" for path in site.getsitepackages())
    (Path(purelib) / "_speclint_test_parent.pth").write_text(lines)
    wheel = _build_wheel(folder)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", "--disable-pip-version-check", str(wheel)],
        check=True, capture_output=True,
    )
    assert (Path(purelib) / "acme_speclint_rules" / "__init__.py").is_file()
    return python


def speclint_in(python: Path, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    return subprocess.run([str(python), "-m", "speclint", *args], cwd=folder, capture_output=True, text=True, env=environment)


SPEC = """
# Checkout

The Bluebird checkout ships in May.

<!-- speclint-disable-next-line no-codenames -- the launch post uses it -->
Falcon is the code name of the payment service.
"""


def test_installed_plugin_rule_runs_and_obeys_suppressions(plugin_python: Path, tmp_path: Path) -> None:
    write(tmp_path, "spec.md", SPEC)
    write(tmp_path, ".speclint.yaml", only_rules_config(**{"no-codenames": "error", "fragile": "off"}))
    completed = speclint_in(plugin_python, tmp_path, "check", "spec.md")
    assert completed.stdout == "spec.md:3:5: error ACME001 internal codename 'Bluebird': use the product name\n"
    assert (completed.returncode, completed.stderr) == (1, "")


def test_installed_plugin_rule_is_configured_like_a_builtin(plugin_python: Path, tmp_path: Path) -> None:
    write(tmp_path, "spec.md", SPEC)
    write(tmp_path, ".speclint.yaml", only_rules_config(ACME900="off", **{"no-codenames": "info"}))
    completed = speclint_in(plugin_python, tmp_path, "check", "spec.md")
    assert completed.returncode == 0 and " info ACME001 " in completed.stdout


def test_a_crashing_plugin_rule_is_reported_once_per_file_and_exits_2(plugin_python: Path, tmp_path: Path) -> None:
    write(tmp_path, "docs/one.md", SPEC)
    write(tmp_path, "docs/two.md", "# Two\n\nThe payment page.\n")
    write(tmp_path, ".speclint.yaml", only_rules_config(ACME001="error", ACME900="warning"))
    completed = speclint_in(plugin_python, tmp_path, "check", "docs")
    assert completed.returncode == 2
    assert completed.stderr.splitlines() == [
        "speclint: error: rule ACME900 (fragile) failed on docs/one.md: KeyError: 'owner'",
        "speclint: error: rule ACME900 (fragile) failed on docs/two.md: KeyError: 'owner'",
    ]
    assert "ACME001" in completed.stdout  # the other rules still ran
    assert "Traceback" not in completed.stderr


def test_plugin_package_is_not_visible_to_this_environment() -> None:
    from importlib.metadata import entry_points

    assert "no-codenames" not in {ep.name for ep in entry_points(group="speclint.rules")}


# --- local rule files: loaded only when named -------------------------------------------------

LOCAL_RULE = '''
import re

from speclint.engine.rule import Category, Level, Option, Rule, Violation
from speclint.document.text import find_all, iter_prose


class NoJira(Rule):
    """Flags bare Jira keys that should be links.

    **What it flags.** PAY-123 written as text. **Why it matters.** Readers can't follow it.
    """

    id = "HSE001"
    name = "linked-tickets"
    category = Category.TRACEABILITY
    default_level = Level.WARNING
    options = (Option("projects", "list[str]", ["PAY"], "Jira project keys."),)

    def check(self, document, context):
        pattern = re.compile(r"\\b(?:" + "|".join(context.options["projects"]) + r")-\\d+\\b")
        for prose in iter_prose(document):
            for match, span in find_all(pattern, prose.segments):
                yield Violation(span, f"link the ticket {match.group(0)}")
'''


def test_local_rule_file_loads_only_when_named(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "speclint_rules/house.py", LOCAL_RULE)
    write(tmp_path, "spec.md", "# Refunds\n\nSee PAY-12 and OPS-3.\n")
    assert run_speclint("check", "spec.md", cwd=tmp_path)[:2] == (0, "")
    write(tmp_path, ".speclint.yaml", "plugins: [speclint_rules/house.py]\nrules:\n  linked-tickets: {projects: [PAY, OPS]}\n")
    code, out, err = run_speclint("check", "spec.md", cwd=tmp_path)
    assert out.splitlines() == [
        "spec.md:3:5: warning HSE001 link the ticket PAY-12",
        "spec.md:3:16: warning HSE001 link the ticket OPS-3",
    ]
    assert (code, err) == (0, "")


def test_local_plugin_of_a_base_configuration_is_inherited(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "shared/house.py", LOCAL_RULE)
    write(tmp_path, "shared/base.yaml", "plugins: [house.py]\n")
    write(tmp_path, ".speclint.yaml", "extends: shared/base.yaml\nrules:\n  HSE001: error\n")
    write(tmp_path, "spec.md", "See PAY-12.\n")
    code, out, _ = run_speclint("check", "spec.md", cwd=tmp_path)
    assert (code, out) == (1, "spec.md:1:5: error HSE001 link the ticket PAY-12\n")


def test_local_plugin_rules_do_not_leak_into_other_configurations(tmp_path: Path) -> None:
    # (a nested configuration may name YAML rule files, which are data; Python plugins it may not)
    (tmp_path / ".git").mkdir()
    write(tmp_path, "house.yaml", "rules:\n  - {id: HSE002, name: no-falcon, category: wording, level: warning, "
                                  "message: codename, existence: {words: [Falcon]}}\n")
    write(tmp_path, "a/.speclint.yaml", "plugins: [../house.yaml]\n")
    write(tmp_path, "a/spec.md", "See Falcon.\n")
    write(tmp_path, "b/spec.md", "See Falcon.\n")
    code, out, _ = run_speclint("check", "a", "b", cwd=tmp_path)
    assert out == "a/spec.md:1:5: warning HSE002 codename\n"


def test_select_names_a_local_plugin_rule(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "house.py", LOCAL_RULE)
    write(tmp_path, ".speclint.yaml", "plugins: [house.py]\n")
    write(tmp_path, "spec.md", "Owner: TBD. See PAY-12.\n")
    code, out, _ = run_speclint("check", "--select", "linked-tickets", "spec.md", cwd=tmp_path)
    assert (code, out) == (0, "spec.md:1:17: warning HSE001 link the ticket PAY-12\n")
    assert run_speclint("check", "--select", "linked-ticket", "spec.md", cwd=tmp_path)[0] == 2


@pytest.mark.parametrize("plugins", ["[house.py]", "[house.py, house.yaml]"])
def test_worker_processes_give_the_same_result_with_configuration_plugins_and_suppressions(
    tmp_path: Path, plugins: str
) -> None:
    from speclint.configuration.config import ConfigPlanner, ConfigResolver
    from speclint.engine import files, runner
    from speclint.engine.registry import load_registry
    from speclint.engine.runner import Source, lint

    (tmp_path / ".git").mkdir()
    write(tmp_path, "house.py", LOCAL_RULE)
    write(tmp_path, "house.yaml", "rules:\n  - {id: HSE002, name: no-falcon, category: wording, level: info, "
                                  "message: codename, existence: {words: [Falcon]}}\n")
    write(tmp_path, ".speclint.yaml", f"plugins: {plugins}\nrules:\n  PH001: warning\n")
    for number in range(80):
        write(tmp_path, f"docs/spec-{number:02}.md", f"""
        # Spec {number}

        See PAY-{number}. Falcon owner: TBD.
        <!-- speclint-disable-next-line PH001 -->
        Backoff: TBD.
        """)
    resolver = ConfigResolver(load_registry())
    sources = [Source(files.display_path(path, tmp_path), path, None, resolver.for_file(path))
               for path in files.discover([tmp_path / "docs"])]
    planner = ConfigPlanner()
    serial = lint(sources, [], planner=planner, jobs=1)
    parallel = lint(sources, [], planner=planner, jobs=4)
    per_file = 3 if "yaml" in plugins else 2  # HSE001 (+ HSE002) and the first TBD; the second is suppressed
    assert len(serial.findings) == 80 * per_file
    assert [(f.path, f.span, f.rule_id, f.level) for f in parallel.findings] == [
        (f.path, f.span, f.rule_id, f.level) for f in serial.findings
    ]
    assert sorted(parallel.rules_run) == sorted(serial.rules_run)
    # Local Python plugins and YAML rules travel to the workers (else the run falls back to one process).
    assert runner._lint_in_processes(sources, [], 10**6, None, 2, planner) is not None
