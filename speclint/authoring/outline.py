"""`speclint outline`: a document's sections against what its kind expects.

The outline is plain data (what `--format json` prints): the section tree with line numbers, the
profile and the evidence for it, which heading matched which expected section and by which name,
the expected sections that are missing or out of order, and counts of what the document holds
(read by `speclint.reading`, as the rules read it).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from speclint.document.headings import heading_key, heading_parts
from speclint.document.model import Document, Section
from speclint.engine.profiles import DEFAULT_PROFILE, ExpectedSection, Profile, detect_profile_name, load_profile


def build_outline(document: Document, profile: Profile | None = None) -> dict[str, Any]:
    """The outline of `document` against `profile` (detected from the document when None)."""
    forced = profile is not None
    if profile is None:
        profile = load_profile(detect_profile_name(document, document.file_path))
    matches, missing, out_of_order = _compare(document, profile)
    matched_by_line = {match["line"]: match for match in matches}
    return {
        "path": document.path,
        "profile": {
            "name": profile.name,
            "description": profile.description,
            "why": "given with --profile" if forced else _why(document, profile, matches),
        },
        "sections": [_tree(section, matched_by_line) for section in document.root.children],
        "expected": matches,
        "missing": missing,
        "out_of_order": out_of_order,
        "counts": _counts(document, profile),
    }


def _tree(section: Section, matched_by_line: dict[int, dict[str, Any]]) -> dict[str, Any]:
    line = section.span.start.line
    match = matched_by_line.get(line)
    return {
        "title": section.title,
        "level": section.level,
        "line": line,
        "expected": match["expected"] if match else None,
        "children": [_tree(child, matched_by_line) for child in section.children],
    }


def _how(expected: ExpectedSection, title: str) -> str:
    """Which of the expected section's names the heading used."""
    if expected.pattern is not None:
        return f"pattern /{expected.pattern}/"
    key = heading_key(title)
    keys = [key, *(heading_key(part) for part in heading_parts(title))]
    if heading_key(expected.name) in keys:
        return "name" if key == heading_key(expected.name) else "name, in a combined heading"
    for alias in expected.aliases:
        if heading_key(alias) in keys:
            return f"alias '{alias}'"
    return "built-in alias"


def _compare(document: Document, profile: Profile) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    matches: list[dict[str, Any]] = []
    missing: list[dict[str, Any]] = []
    out_of_order: list[dict[str, Any]] = []
    _compare_level(profile.sections, _top_level(document), None, matches, missing, out_of_order)
    return matches, missing, out_of_order


def _top_level(document: Document) -> list[Section]:
    """The first level of sections: under the title heading when there is one."""
    children = document.root.children
    if len(children) == 1 and children[0].level == 1:
        return children[0].children
    return children


def _compare_level(
    expected_list: tuple[ExpectedSection, ...],
    scope: list[Section],
    parent: str | None,
    matches: list[dict[str, Any]],
    missing: list[dict[str, Any]],
    out_of_order: list[dict[str, Any]],
) -> None:
    claimed: set[int] = set()
    placed: list[tuple[int, int, str]] = []  # line, expected index, title
    for index, expected in enumerate(expected_list):
        found = [section for top in scope for section in top.walk()
                 if section.heading is not None and id(section) not in claimed and expected.matches(section.title)]
        if not found:
            if expected.required:
                missing.append({"expected": expected.name, "parent": parent})
            continue
        targets = found if expected.pattern is not None else found[:1]
        for section in targets:
            claimed.add(id(section))
            matches.append({"expected": expected.name, "heading": section.title, "line": section.span.start.line,
                            "how": _how(expected, section.title), "required": expected.required})
            if expected.children:
                _compare_level(expected.children, section.children, expected.name, matches, missing, out_of_order)
        if expected.pattern is None:
            placed.append((targets[0].span.start.line, index, targets[0].title))
    placed.sort()
    keep = _longest_increasing([index for _, index, _ in placed])
    for position, (line, index, title) in enumerate(placed):
        if position in keep:
            continue
        after = next((other for p, (_, other_index, other) in enumerate(placed)
                      if p in keep and p < position and other_index > index), None)
        out_of_order.append({"heading": title, "line": line, "expected": expected_list[index].name, "comes_after": after})


def _longest_increasing(values: list[int]) -> set[int]:
    """Positions of a longest increasing run (not necessarily contiguous) of `values`."""
    best: list[list[int]] = []
    for position, value in enumerate(values):
        candidates = [best[p] for p in range(position) if values[p] < value]
        best.append(max(candidates, key=len, default=[]) + [position])
    return set(max(best, key=len, default=[]))


def _why(document: Document, profile: Profile, matches: list[dict[str, Any]]) -> str:
    """The evidence for the detected kind, in a sentence."""
    reasons = []
    if document.file_path is not None and (document.file_path.parent / "kep.yaml").is_file() and profile.name == "kep":
        reasons.append("a kep.yaml stands next to it")
    headings = [match["heading"] for match in matches]
    if headings:
        shown = ", ".join(f"'{heading}'" for heading in headings[:6]) + (", ..." if len(headings) > 6 else "")
        reasons.append(f"its headings match {len(headings)} of the sections a {profile.name} document has ({shown})")
    if profile.name == DEFAULT_PROFILE:
        reasons.append(f"no other kind fits ({DEFAULT_PROFILE} is the default)")
    return "; ".join(reasons) or "the content matched this kind's signals"


def _counts(document: Document, profile: Profile) -> dict[str, int]:
    from speclint.reading.concerns import QUESTION_SECTIONS, question_entries, sections_named
    from speclint.reading.interfaces import http_endpoints
    from speclint.reading.requirements import extract

    picture = extract(document, SimpleNamespace(profile=profile))
    return {
        "requirements": sum(1 for item in picture.requirements if item.kind == "requirement"),
        "user_stories": sum(1 for item in picture.requirements if item.kind == "story"),
        "acceptance_criteria": len(picture.criteria),
        "endpoints": len(http_endpoints(document)),
        "open_questions": sum(len(question_entries(section)) for section in sections_named(document, QUESTION_SECTIONS)),
    }


def outline_text(outline: dict[str, Any]) -> str:
    """The outline for people: the tree, then what is missing or out of order, then the counts."""
    profile = outline["profile"]
    lines = [f"{outline['path']}: {profile['name']} ({profile['why']})", ""]
    rows: list[tuple[str, str, str]] = []

    def walk(nodes: list[dict[str, Any]], depth: int) -> None:
        for node in nodes:
            heading = f"{'  ' * depth}{'#' * node['level']} {node['title']}"
            rows.append((str(node["line"]), heading, node["expected"] or ""))
            walk(node["children"], depth + 1)

    walk(outline["sections"], 0)
    how = {(match["line"]): match["how"] for match in outline["expected"]}
    width = max((len(heading) for _, heading, _ in rows), default=0)
    number_width = max((len(number) for number, _, _ in rows), default=1)
    for number, heading, expected in rows:
        note = ""
        if expected:
            method = how.get(int(number), "")
            note = f"  -> {expected}" + (f" (by {method})" if method and method != "name" else "")
        lines.append(f"{number.rjust(number_width)}  {heading.ljust(width)}{note}".rstrip())
    if not rows:
        lines.append("(no headings)")
    lines.append("")
    if outline["missing"]:
        names = [f"'{item['expected']}'" + (f" under '{item['parent']}'" if item["parent"] else "") for item in outline["missing"]]
        lines.append(f"Missing: {', '.join(names)}")
    for item in outline["out_of_order"]:
        after = f", after '{item['comes_after']}'" if item["comes_after"] else ""
        lines.append(f"Out of order: '{item['heading']}' (line {item['line']}){after}")
    if not outline["missing"] and not outline["out_of_order"]:
        lines.append("Every required section is here, in order.")
    counts = outline["counts"]
    from speclint.reporters import plural

    lines.append(
        f"Counts: {plural(counts['requirements'], 'requirement')}, {plural(counts['user_stories'], 'user story', 'user stories')}, "
        f"{plural(counts['acceptance_criteria'], 'acceptance criterion', 'acceptance criteria')}, "
        f"{plural(counts['endpoints'], 'endpoint')}, {plural(counts['open_questions'], 'open question')}"
    )
    return "\n".join(lines) + "\n"
