"""`speclint init`: a commented starter `.speclint.yaml` for the kinds of documents found in a folder.

Each Markdown file's kind is detected the way `speclint check` does it (the profile detector); the
most common kind becomes `profile`, and each folder whose documents are of another kind gets an
override (`docs/adr/**` uses `adr`). Every other setting is written as a commented example, so the
file explains itself.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path, PurePosixPath
from typing import Iterable

DEFAULT_PROFILE = "prd"


def detect_kinds(directory: Path) -> dict[str, str]:
    """Relative POSIX path -> detected profile name, for each Markdown file below `directory`."""
    from speclint import files
    from speclint.parser import parse

    from speclint.profiles import detect_profile_name

    kinds: dict[str, str] = {}
    for path in files.discover([directory]):
        try:
            text = files.read_text(path)
        except files.ReadError:
            continue
        relative = path.resolve().relative_to(directory.resolve()).as_posix()
        document = parse(text, relative)
        document.file_path = path
        kinds[relative] = detect_profile_name(document, path)
    return kinds


def plan_overrides(kinds: dict[str, str]) -> tuple[str, list[tuple[str, str]]]:
    """The main profile, and (glob, profile) overrides for folders whose documents differ."""
    if not kinds:
        return DEFAULT_PROFILE, []
    counts = Counter(kinds.values())
    main = max(counts, key=lambda name: (counts[name], name == DEFAULT_PROFILE))
    by_folder: dict[str, Counter[str]] = defaultdict(Counter)
    for path, kind in kinds.items():
        by_folder[str(PurePosixPath(path).parent)][kind] += 1
    folder_kind = {folder: tally.most_common(1)[0][0] for folder, tally in by_folder.items()}
    overrides: dict[str, str] = {}
    for folder in sorted(folder_kind):
        kind = folder_kind[folder]
        if kind == main or folder == ".":
            continue
        covered = next((parent for parent in overrides if _is_below(folder, parent)), None)
        if covered is not None and overrides[covered] == kind:
            continue
        overrides[folder] = kind
    # Folders of one kind that share a parent holding nothing else collapse into `parent/**`.
    return main, [(f"{folder}/**", kind) for folder, kind in _collapse(overrides, folder_kind, main)]


def _is_below(folder: str, parent: str) -> bool:
    return folder == parent or folder.startswith(parent + "/")


def _collapse(overrides: dict[str, str], folder_kind: dict[str, str], main: str) -> Iterable[tuple[str, str]]:
    by_parent: dict[str, list[str]] = defaultdict(list)
    for folder in overrides:
        by_parent[str(PurePosixPath(folder).parent)].append(folder)
    done: set[str] = set()
    result = []
    for parent, folders in sorted(by_parent.items()):
        kinds = {overrides[folder] for folder in folders}
        others = [f for f in folder_kind if _is_below(f, parent) and f not in folders and f != parent
                  and not any(_is_below(f, g) for g in folders)]
        parent_kind = folder_kind.get(parent)
        if parent != "." and len(folders) > 1 and len(kinds) == 1 and not others and parent_kind in (None, *kinds):
            result.append((parent, kinds.pop()))
            done.update(folders)
    result += [(folder, kind) for folder, kind in overrides.items() if folder not in done]
    return sorted(result)


def starter_config(kinds: dict[str, str]) -> str:
    """The text of a commented `.speclint.yaml` for documents of these kinds."""
    main, overrides = plan_overrides(kinds)
    counts = Counter(kinds.values())
    found = ", ".join(f"{count} {kind}" for kind, count in counts.most_common()) or "no Markdown documents yet"
    lines = [
        "# speclint configuration. Run `speclint rules` to list the rules, `speclint explain RULE` for one.",
        f"# Written by `speclint init` for the documents found here: {found}.",
        "",
        "# The kind of document, which decides the expected sections and their names.",
        "# Built-in profiles: prd, spec-kit, ears, kep, rust-rfc, adr; `auto` detects it per file.",
        f"profile: {main}",
        "",
    ]
    if overrides:
        lines += ["# Folders whose documents are of another kind (globs relative to this file; ** spans folders).",
                  "overrides:"]
        for pattern, kind in overrides:
            lines += [f'  - files: ["{pattern}"]', f"    profile: {kind}"]
    else:
        lines += ["# Folders whose documents are of another kind (globs relative to this file; ** spans folders).",
                  "# overrides:",
                  '#   - files: ["docs/adr/**"]',
                  "#     profile: adr"]
    lines += [
        "",
        "# Rule levels (off, info, warning, error) and options, by rule id, name or category.",
        "rules: {}",
        "#   unresolved-marker: {level: warning, markers: [TBD, TODO]}",
        "#   wording: info",
        "",
        "# Paths never linted (globs relative to this file).",
        "# ignore:",
        '#   - "docs/archive/**"',
        "",
        "# Project rules: local Python rule modules and YAML rule files, loaded only when named here.",
        "# plugins:",
        "#   - speclint-rules/house-style.yaml",
        "",
        "# More names for the profile's sections, or more expected sections.",
        "# section-aliases:",
        '#   Non-goals: ["Not in this release"]',
        "# extend-sections:",
        "#   - {name: Rollout plan, required: true}",
        "",
        "# Silence one finding in a document with a comment, and say why:",
        "#   <!-- speclint-disable-next-line PH001 -- owner decides in the March review -->",
        "",
    ]
    return "\n".join(lines)
