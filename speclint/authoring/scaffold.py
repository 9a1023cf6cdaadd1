"""`speclint new`: a new document of one kind, written from its profile.

The document has the profile's sections in order (nested ones below their parent), each with its
guidance as an HTML comment, so that `speclint check` reports every section still unwritten
(ST003 empty-section); the front matter the profile's schema describes, with today's date and the
owner from git; and the title heading when the kind has one.
"""

from __future__ import annotations

import datetime
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from speclint.authoring.guidance import guidance_for
from speclint.engine.profiles import ExpectedSection, Profile

OPTIONAL_NOTE = " (Optional: delete this section if it does not apply.)"


@dataclass(frozen=True)
class Author:
    """Who writes the document, as git knows them (either may be empty)."""

    name: str = ""
    email: str = ""

    @property
    def shown(self) -> str:
        if self.name and self.email:
            return f"{self.name} <{self.email}>"
        return self.name or self.email


def git_author(directory: Path) -> Author:
    """`git config user.name` and `user.email` as seen from `directory`; empty when git has none."""

    def value(key: str) -> str:
        try:
            completed = subprocess.run(["git", "config", "--get", key], cwd=directory, capture_output=True,
                                       text=True, timeout=10, check=False)
        except (OSError, subprocess.SubprocessError):
            return ""  # no git here: the document simply names no owner
        return completed.stdout.strip() if completed.returncode == 0 else ""

    return Author(value("user.name"), value("user.email"))


def title_from_path(path: Path) -> str:
    """'saved-payment_methods.md' -> 'Saved payment methods'."""
    words = re.sub(r"[-_\s]+", " ", path.stem).strip()
    if not words or path.stem.lower() in ("readme", "spec", "index"):
        words = re.sub(r"[-_\s]+", " ", path.resolve().parent.name).strip() or "Untitled"
    words = re.sub(r"^\d+\s+", "", words) or words  # "001 saved cards" (spec-kit numbering)
    return words[:1].upper() + words[1:]


def slug(title: str, separator: str = "-") -> str:
    return re.sub(r"[^a-z0-9]+", separator, title.lower()).strip(separator) or "feature"


def front_matter(profile: Profile, title: str, author: Author, today: datetime.date) -> dict[str, Any] | None:
    """The front matter for the profile's schema, or None when the kind has none."""
    date = today.isoformat()
    schema = profile.front_matter_schema
    owner = {"owner": author.shown} if author.shown else {}
    if schema == "prd":
        return {"title": title, "status": "draft", **owner, "date": date}
    if schema == "ears":
        # The title heading is the template's "Requirements Document": the feature is named here.
        return {"feature": title, "status": "draft", **owner, "date": date}
    if schema == "spec-kit":
        return {"title": title, "feature-branch": f"001-{slug(title)}", "status": "draft", **owner, "created": date}
    if schema == "adr":
        makers = {"decision-makers": author.shown} if author.shown else {}
        return {"title": title, "status": "proposed", "date": date, **makers}
    # A KEP's metadata lives in the kep.yaml next to its README (the KEP process), not in front
    # matter; the other kinds have no front matter schema.
    return None


# The title heading each kind's template writes ("KEP-NNNN: ..." and "Proposal: ..." are also how
# those kinds are recognised).
_TITLES = {"design-doc": "Design document: {title}", "kep": "KEP-NNNN: {title}", "go-design": "Proposal: {title}", "ears": "Requirements Document",
           "checklist": "Checklist: {title}"}


def new_document(profile: Profile, title: str, author: Author, today: datetime.date) -> str:
    """The text of a new document of `profile`'s kind."""
    parts: list[str] = []
    if profile.name == "rust-rfc":
        # The Rust RFC template's metadata is a list, not front matter.
        parts.append(f"- Feature Name: `{slug(title, '_')}`\n- Start Date: {today.isoformat()}\n"
                     "- RFC PR: [rust-lang/rfcs#0000](https://github.com/rust-lang/rfcs/pull/0000)\n"
                     "- Rust Issue: [rust-lang/rust#0000](https://github.com/rust-lang/rust/issues/0000)\n")
    else:
        data = front_matter(profile, title, author, today)
        if data is not None:
            parts.append("---\n" + "".join(f"{key}: {_yaml_value(value)}\n" for key, value in data.items()) + "---\n")
    base = 2 if profile.title_heading != "none" else 1
    if profile.title_heading != "none":
        parts.append(f"# {_TITLES.get(profile.name, '{title}').format(title=title)}\n")
    parts.extend(_sections(profile.sections, base))
    return "\n".join(parts)


def _sections(sections: tuple[ExpectedSection, ...], level: int) -> Iterator[str]:
    for expected in sections:
        name = _heading_name(expected)
        if name is None:
            continue
        note = "" if expected.required else OPTIONAL_NOTE
        if expected.children:
            yield f"{'#' * level} {name}\n"  # the subsections hold the content
        else:
            yield f"{'#' * level} {name}\n\n<!-- {guidance_for(expected.name)}{note} -->\n"
        yield from _sections(expected.children, min(level + 1, 6))


def _heading_name(expected: ExpectedSection) -> str | None:
    """The heading to write: the name, or for a repeating section ("Requirement N") its first one."""
    if expected.pattern is None:
        return expected.name
    first = f"{expected.name} 1"
    return first if expected.matches(first) else None


def _yaml_value(value: Any) -> str:
    import json

    if isinstance(value, list):
        return "[" + ", ".join(_yaml_value(item) for item in value) + "]"
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    # Quote what YAML would read as something else ("no", "1.0", a colon, a leading symbol).
    if re.fullmatch(r"[A-Za-z][\w .()'/-]*", text) and text.lower() not in ("yes", "no", "true", "false", "null", "on", "off"):
        return text
    return json.dumps(text, ensure_ascii=False)
