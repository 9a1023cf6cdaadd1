"""`speclint init`: a commented starter `.speclint.yaml` for the kinds of documents found in a folder.

Each Markdown file's kind is detected the way `speclint check` does it (the profile detector). When
every document is of one kind, that is the `profile`; otherwise `profile: auto` keeps detection,
and overrides pin the kind where it is unambiguous (`docs/adr/**` uses `adr`, `specs/*/spec.md`
uses `spec-kit`). Every other setting is written as a commented example, so the file explains itself;
each example, key line included, is valid as it stands once its `# ` is removed.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from pathlib import Path, PurePosixPath

DEFAULT_PROFILE = "prd"


def detect_kinds(directory: Path) -> dict[str, str]:
    """Relative POSIX path -> detected profile name, for each Markdown file below `directory` that is a
    specification (READMEs, changelogs and other files that are not are left out)."""
    from speclint.document.parser import parse
    from speclint.engine import files
    from speclint.engine.profiles import NOT_A_SPEC, detect_profile_name

    kinds: dict[str, str] = {}
    boundary = files.repository_root(directory.resolve()) or directory
    for path in files.discover([directory]):
        try:
            text = files.read_text(path, boundary=boundary)
        except files.ReadError:
            continue
        # the path as found below `directory`: a symlink's target may be anywhere (and is then not read)
        relative = Path(os.path.relpath(path, directory)).as_posix()
        document = parse(text, relative)
        document.file_path = path
        kind = detect_profile_name(document, path)
        if kind != NOT_A_SPEC:
            kinds[relative] = kind
    return kinds


def plan_overrides(kinds: dict[str, str]) -> tuple[str, list[tuple[str, str]]]:
    """The `profile` to write, and (glob, profile) overrides that pin what detection found.

    One kind everywhere: that profile, no overrides. Mixed kinds: `auto` (each file detected), and a
    pin only where it is safe, so that a later edit cannot flip a document's kind: a folder whose
    documents (all of them, at any depth, at least two) are of one kind gets `folder/**`; files of
    the same name in sibling folders that are all of one kind get `parent/*/name`
    (`specs/*/spec.md` is `spec-kit` while `specs/*/plan.md` is `spec-kit-plan`).
    """
    if not kinds:
        return DEFAULT_PROFILE, []
    if len(set(kinds.values())) == 1:
        return next(iter(kinds.values())), []
    below: dict[str, list[str]] = defaultdict(list)  # folder -> kinds of every file at any depth
    for path, kind in kinds.items():
        for folder in PurePosixPath(path).parents:
            if str(folder) != ".":
                below[str(folder)].append(kind)
    homogeneous = {folder for folder, found in below.items() if len(found) >= 2 and len(set(found)) == 1}
    pinned = sorted(folder for folder in homogeneous
                    if not any(_is_below(folder, other) and folder != other for other in homogeneous))
    overrides = [(f"{folder}/**", below[folder][0]) for folder in pinned]
    covered = {path for path in kinds if any(_is_below(str(PurePosixPath(path).parent), folder) for folder in pinned)}
    by_name: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path, kind in kinds.items():
        parent = PurePosixPath(path).parent
        if path not in covered and str(parent) != ".":
            by_name[(str(parent.parent), PurePosixPath(path).name)].append(kind)
    for (grandparent, name), found in sorted(by_name.items()):
        if len(found) >= 2 and len(set(found)) == 1:
            prefix = "" if grandparent == "." else f"{grandparent}/"
            overrides.append((f"{prefix}*/{name}", found[0]))
    return "auto", overrides


def _is_below(folder: str, parent: str) -> bool:
    return folder == parent or folder.startswith(parent + "/")


def starter_config(kinds: dict[str, str]) -> str:
    """The text of a commented `.speclint.yaml` for documents of these kinds."""
    from speclint.engine.profiles import builtin_profile_names

    main, overrides = plan_overrides(kinds)
    counts = Counter(kinds.values())
    found = ", ".join(f"{count} {kind}" for kind, count in counts.most_common()) or "no Markdown documents yet"
    lines = [
        "# speclint configuration. Run `speclint rules` to list the rules, `speclint explain RULE` for one.",
        f"# Written by `speclint init` for the documents found here: {found}.",
        "",
        "# The kind of document, which decides the expected sections and their names.",
        f"# Built-in profiles: {', '.join(builtin_profile_names())}; `auto` detects it per file.",
        f"profile: {main}",
        "",
    ]
    if overrides:
        lines += ["# Where the kind is clear, pin it (globs relative to this file; ** spans folders).",
                  "overrides:"]
        for pattern, kind in overrides:
            lines += [f'  - files: ["{pattern}"]', f"    profile: {kind}"]
    else:
        lines += ["# Pin the kind of some files (globs relative to this file; ** spans folders).",
                  "# overrides:",
                  '#   - files: ["docs/adr/**"]',
                  "#     profile: adr"]
    lines += [
        "",
        "# Rule levels (off, info, warning, error) and options, by rule id, name or category.",
        "# rules:",
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
