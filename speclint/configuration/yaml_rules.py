"""Declarative rules written in YAML: no code, loaded when a configuration names the file in `plugins:`.

    rules:
      - id: ACME001
        name: no-codenames
        category: wording
        level: warning
        message: "internal codename '{match}': use the product name"
        documentation: https://wiki.example.com/spec-style#codenames
        existence:
          words: [Bluebird, Falcon]
          exclude-sections: [Background]
        examples:
          must-trigger: ["The Bluebird checkout ships in May."]
          must-not-trigger: ["The new checkout ships in May."]

Three kinds of check, exactly one per rule:
- `existence`: each occurrence of `words` (whole words) or a `pattern` (a Python regular
  expression) in visible text, limited to `sections` (and their subsections), outside
  `exclude-sections`, and to `blocks` of the given kinds (heading, paragraph, list-item, table,
  block-quote, code; code is searched only when listed). Code spans, URLs and HTML are never read.
- `required-section`: the document has a section titled `section` or one of its `aliases`
  (matched forgivingly: case, numbering and plurals don't matter).
- `front-matter`: the front-matter `key` is present (`required`), one of `allowed`, matches
  `pattern`, or is of a `type`.

The file is validated against `schemas/rule-file.schema.json`. `examples` (`must-trigger`,
`must-not-trigger`: Markdown documents) are run by `speclint test-rules FILE`.
"""

from __future__ import annotations

import copyreg
import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Iterator, Mapping

from speclint.configuration.validation import (
    InvalidFile,
    Problem,
    YamlLocator,
    load_yaml,
    plain,
    read_schema,
    read_user_file,
    schema_problems,
)
from speclint.document.headings import normalize_title
from speclint.document.model import (
    Block,
    BlockQuote,
    CodeBlock,
    Document,
    ListBlock,
    ListItem,
    Paragraph,
    Section,
    Span,
    Table,
    TextSegment,
)
from speclint.document.text import find_all
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation

CHECK_KINDS = ("existence", "required-section", "front-matter")
DEFAULT_BLOCKS = ("heading", "paragraph", "list-item", "table", "block-quote")


class _YamlRuleType(type):
    """The class of YAML rule classes. They are made at run time, so pickle cannot find them by
    name; they pickle as (rule file, rule id) and a worker process loads the file itself."""


def _reduce_rule_class(cls: _YamlRuleType) -> Any:
    path = getattr(cls, "source_path", "")
    if not path:
        return cls.__qualname__  # the YamlRule base: found by name in this module
    return _rule_from_file, (path, cls.id)  # type: ignore[attr-defined]


copyreg.pickle(_YamlRuleType, _reduce_rule_class)

# Rule classes by absolute rule-file path and id: a process loads each file once, and a class
# coming back from a worker is the same object as the one this process loaded.
_loaded: dict[str, dict[str, type[Rule]]] = {}


def _rule_from_file(path: str, rule_id: str) -> type[Rule]:
    if path not in _loaded:
        read_rule_file(Path(path))
    return _loaded[path][rule_id]


class YamlRule(Rule, metaclass=_YamlRuleType):
    """Base of rules built from a YAML rule file; `spec` holds the check's settings."""

    kind: ClassVar[str]
    spec: ClassVar[dict[str, Any]]
    message_template: ClassVar[str]
    examples: ClassVar[dict[str, list[str]]]
    source_file: ClassVar[str]
    source_path: ClassVar[str] = ""  # absolute, for pickling
    compiled: ClassVar[re.Pattern[str] | None] = None

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if self.kind == "existence":
            yield from self._existence(document)
        elif self.kind == "required-section":
            yield from self._required_section(document)
        else:
            yield from self._front_matter(document)

    def _message(self, **values: str) -> str:
        message = self.message_template
        for name, value in values.items():
            message = message.replace("{" + name + "}", value)
        return message

    # -- existence --

    def _existence(self, document: Document) -> Iterator[Violation]:
        pattern = self.compiled
        assert pattern is not None
        blocks = set(self.spec.get("blocks", DEFAULT_BLOCKS))
        only = {normalize_title(name) for name in self.spec.get("sections", [])}
        excluded = {normalize_title(name) for name in self.spec.get("exclude-sections", [])}
        for section in document.root.walk():
            titles = {normalize_title(s.title) for s in (section, *section.ancestors()) if s.heading is not None}
            if only and not titles & only:
                continue
            if titles & excluded:
                continue
            if section.heading is not None and "heading" in blocks:
                yield from self._matches(pattern, [section.heading.text_segment], section, True)
            for kind, segments in _scoped_segments(section.blocks, None):
                if kind in blocks:
                    yield from self._matches(pattern, segments, section, kind != "code")

    def _matches(self, pattern: re.Pattern[str], segments: list[TextSegment], section: Section, visible: bool) -> Iterator[Violation]:
        for match, span in find_all(pattern, segments, visible_only=visible):
            yield Violation(span, self._message(match=match.group(0), section=section.title))

    # -- required section --

    def _required_section(self, document: Document) -> Iterator[Violation]:
        names = {normalize_title(name) for name in [self.spec["section"], *self.spec.get("aliases", [])]}
        low, high = self.spec.get("min-level", 1), self.spec.get("max-level", 6)
        for section in document.sections():
            if low <= section.level <= high and normalize_title(section.title) in names:
                return
        yield Violation(_document_start(document), self._message(section=self.spec["section"]))

    # -- front matter --

    def _front_matter(self, document: Document) -> Iterator[Violation]:
        key = self.spec["key"]
        front_matter = document.front_matter
        if front_matter is not None and front_matter.error is not None:
            return  # broken YAML is MD001's finding; nothing to check here
        data = front_matter.data if front_matter is not None else None
        if not isinstance(data, Mapping) or key not in data:
            if self.spec.get("required"):
                where = Span.point(1, 1)
                detail = f"key '{key}' is missing" if front_matter is not None else "the document has no front matter"
                yield Violation(where, f"{self._message(key=key, value='')} ({detail})")
            return
        value = data[key]
        position = front_matter.value_position(key) if front_matter is not None else None
        line = position.line if position else 1
        column = position.column if position else 1
        text = document.line_text(line)
        span = Span.of(line, column, line, max(len(text.rstrip()) + 1, column))
        problem = _value_problem(value, self.spec)
        if problem:
            yield Violation(span, f"{self._message(key=key, value=_show(value))} ({problem})")


def _value_problem(value: Any, spec: Mapping[str, Any]) -> str | None:
    expected = spec.get("type")
    if expected and not _is_type(value, expected):
        return f"'{_show(value)}' is not a {expected}"
    allowed = spec.get("allowed")
    if allowed is not None and _show(value) not in [_show(option) for option in allowed]:
        return f"'{_show(value)}' is not one of {', '.join(_show(option) for option in allowed)}"
    pattern = spec.get("pattern")
    if pattern is not None and re.search(pattern, _show(value)) is None:
        return f"'{_show(value)}' does not match {pattern}"
    return None


def _is_type(value: Any, expected: str) -> bool:
    if expected == "string":
        return isinstance(value, str)
    if expected == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if expected == "boolean":
        return isinstance(value, bool)
    if expected == "list":
        return isinstance(value, list)
    if expected == "mapping":
        return isinstance(value, Mapping)
    if isinstance(value, datetime.date):
        return True
    try:
        datetime.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _document_start(document: Document) -> Span:
    """Where a "missing section" finding points: the title heading, else the first line of the body."""
    for section in document.sections():
        if section.level == 1 and section.heading is not None:
            return section.heading.span
    first = document.front_matter.span.end.line + 1 if document.front_matter is not None else 1
    return Span.point(min(first, max(len(document.lines), 1)), 1)


def _scoped_segments(blocks: list[Block], container: str | None) -> Iterator[tuple[str, list[TextSegment]]]:
    """(block kind, segments) for the text of each block, kind named after the innermost container."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield container or "paragraph", block.segments
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _scoped_segments(item.blocks, "list-item")
        elif isinstance(block, ListItem):
            yield from _scoped_segments(block.blocks, "list-item")
        elif isinstance(block, BlockQuote):
            yield from _scoped_segments(block.blocks, "block-quote")
        elif isinstance(block, Table):
            for row in [block.header, *block.rows]:
                for cell in row:
                    yield "table", cell.segments
        elif isinstance(block, CodeBlock):
            yield "code", block.lines


# --- loading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadedRuleFile:
    path: Path
    shown: str
    data: Any
    locator: YamlLocator
    rules: list[type[YamlRule]]


def load_rule_file(path: Path) -> list[type[Rule]]:
    """The rules a YAML rule file declares; `InvalidFile` (file, line, column, why) when it is wrong."""
    return list(read_rule_file(path).rules)


def read_rule_file(path: Path) -> LoadedRuleFile:
    shown = _shown(path)
    data = load_yaml(read_user_file(path, shown), shown)
    locator = YamlLocator(data)
    if not isinstance(data, Mapping):
        raise InvalidFile([Problem(shown, 1, 1, "a rule file is a mapping with a `rules` list")])
    problems = schema_problems(data, read_schema("rule-file.schema.json"), shown, locator)
    if problems:
        raise InvalidFile(problems)
    rules: list[type[YamlRule]] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(data["rules"]):
        at = ("rules", index)
        kinds = [kind for kind in CHECK_KINDS if kind in entry]
        if len(kinds) != 1:
            line, column = locator.position(at)
            problems.append(Problem(shown, line, column,
                f"rule {entry['id']}: give exactly one check: existence, required-section or front-matter "
                f"({'none' if not kinds else ', '.join(kinds)} given)"))
            continue
        for key in ("id", "name"):
            if entry[key] in seen:
                line, column = locator.position((*at, key))
                problems.append(Problem(shown, line, column, f"{key} '{entry[key]}' is used by rule {seen[entry[key]] + 1} of this file too"))
            seen[entry[key]] = index
        kind = kinds[0]
        spec = plain(entry[kind])
        compiled = None
        if kind == "existence":
            compiled = _compile(spec, (*at, kind), shown, locator, problems)
        if kind == "front-matter" and "pattern" in spec:
            _check_regex(spec["pattern"], (*at, kind, "pattern"), shown, locator, problems)
        rules.append(_make_rule(entry, kind, spec, compiled, shown, str(path.resolve())))
    if problems:
        raise InvalidFile(problems)
    _loaded[str(path.resolve())] = {rule.id: rule for rule in rules}
    return LoadedRuleFile(path, shown, data, locator, rules)


def _compile(spec: dict[str, Any], at: tuple[Any, ...], shown: str, locator: YamlLocator, problems: list[Problem]) -> re.Pattern[str] | None:
    has_words, has_pattern = "words" in spec, "pattern" in spec
    if has_words == has_pattern:
        line, column = locator.position(at)
        problems.append(Problem(shown, line, column, "existence: give either `words` or `pattern` (not both, not neither)"))
        return None
    flags = re.IGNORECASE if spec.get("ignore-case") else 0
    if has_words:
        words = sorted(spec["words"], key=len, reverse=True)
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(word) for word in words) + r")(?!\w)", flags)
    return _check_regex(spec["pattern"], (*at, "pattern"), shown, locator, problems, flags)


def _check_regex(pattern: str, at: tuple[Any, ...], shown: str, locator: YamlLocator, problems: list[Problem], flags: int = 0) -> re.Pattern[str] | None:
    try:
        compiled = re.compile(pattern, flags)
    except re.error as error:
        line, column = locator.position(at)
        problems.append(Problem(shown, line, column, f"pattern is not a valid regular expression: {error}"))
        return None
    if compiled.match(""):
        line, column = locator.position(at)
        problems.append(Problem(shown, line, column, "pattern matches the empty string: it would flag every position"))
        return None
    return compiled


def _make_rule(
    entry: Mapping[str, Any], kind: str, spec: dict[str, Any], compiled: re.Pattern[str] | None, shown: str, source_path: str
) -> type[YamlRule]:
    examples = plain(entry.get("examples", {}))
    attributes = {
        "__doc__": _documentation(entry, kind, spec, examples, shown),
        "__module__": __name__,
        "id": str(entry["id"]),
        "name": str(entry["name"]),
        "category": Category(entry["category"]),
        "default_level": Level(entry["level"]),
        "group": Group(entry.get("group", Group.DEFAULT.value)),
        "documentation_url": entry.get("documentation"),
        "kind": kind,
        "spec": spec,
        "compiled": compiled,
        "message_template": str(entry["message"]),
        "examples": {name: list(examples.get(name, [])) for name in ("must-trigger", "must-not-trigger")},
        "source_file": shown,
        "source_path": source_path,
    }
    class_name = "".join(part.capitalize() for part in str(entry["name"]).split("-")) or "YamlRule"
    return _YamlRuleType(class_name, (YamlRule,), attributes)  # type: ignore[return-value]


def _documentation(entry: Mapping[str, Any], kind: str, spec: Mapping[str, Any], examples: Mapping[str, Any], shown: str) -> str:
    summary = str(entry.get("description") or entry["message"]).strip()
    if kind == "existence":
        what = f"the words {', '.join(spec['words'])}" if "words" in spec else f"text matching `{spec.get('pattern')}`"
        if spec.get("sections"):
            what += f" in the sections {', '.join(spec['sections'])}"
        flags = f"**What it flags.** {what}."
    elif kind == "required-section":
        flags = f"**What it flags.** A document with no section titled {spec['section']}."
    else:
        flags = f"**What it flags.** Front matter whose `{spec['key']}` is missing or not as required."
    parts = [summary, flags, f"**Why it matters.** A project rule, declared in {shown}."]
    if entry.get("documentation"):
        parts.append(f"**Documentation.** {entry['documentation']}")
    if examples.get("must-trigger"):
        parts.append("**Example**\n\n```markdown\n" + str(examples["must-trigger"][0]).rstrip() + "\n```")
    if examples.get("must-not-trigger"):
        parts.append("**Use instead**\n\n```markdown\n" + str(examples["must-not-trigger"][0]).rstrip() + "\n```")
    return "\n\n".join(parts)


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# --- speclint test-rules --------------------------------------------------------------------


@dataclass(frozen=True)
class ExampleResult:
    rule_id: str
    rule_name: str
    expectation: str  # "must-trigger" or "must-not-trigger"
    number: int  # 1-based, within its list
    line: int
    column: int
    passed: bool
    detail: str


def run_examples(loaded: LoadedRuleFile) -> list[ExampleResult]:
    """Run each rule's examples: a must-trigger example needs a finding, a must-not-trigger none."""
    from speclint.document.parser import parse
    from speclint.engine.check import ActiveRule, run_rules

    results = []
    for index, rule in enumerate(loaded.rules):
        active = ActiveRule(rule, rule.default_level, rule.default_options())
        for expectation in ("must-trigger", "must-not-trigger"):
            for number, text in enumerate(rule.examples[expectation], start=1):
                line, column = loaded.locator.position(("rules", index, "examples", expectation, number - 1))
                outcome = run_rules(parse(str(text), "example.md"), [active])
                if outcome.failures:
                    passed, detail = False, f"the rule raised {outcome.failures[0].error}"
                elif expectation == "must-trigger":
                    passed = bool(outcome.findings)
                    detail = "" if passed else "no finding"
                else:
                    passed = not outcome.findings
                    first = outcome.findings[0] if outcome.findings else None
                    detail = "" if passed else f"found at example line {first.span.start.line}, column {first.span.start.column}: {first.message}"  # type: ignore[union-attr]
                results.append(ExampleResult(rule.id, rule.name, expectation, number, line, column, passed, detail))
    return results
