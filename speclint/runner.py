"""The pipeline for one run: read each file, parse it, run the rules, filter, collect the results.

    paths -> files.discover -> files.read_text -> parser.parse -> engine.run_rules
          -> suppressions (inline comments) -> baseline -> RunResult

Which rules run on a file, at which levels and with which options, is decided per file by a
planner (`speclint.config.plan_file` from the CLI); without one, every rule runs at its default.

Every stage's failure stays with its file: one unreadable file or crashing rule never stops the
others. The CLI turns a `RunResult` into output and an exit code.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from speclint import files
from speclint.engine import ActiveRule, RuleFailure, run_rules
from speclint.parser import parse
from speclint.profiles import Profile, RuleSetting, detect_profile, load_profile
from speclint.rule import Finding, Level

if TYPE_CHECKING:
    from speclint.baseline import Baseline, BaselineWriter
    from speclint.model import Document
    from speclint.registry import RuleRegistry


@dataclass(frozen=True)
class FileReport:
    path: str
    findings: list[Finding]
    profile: str | None = None  # the name of the profile the file was checked with
    # The text as read (BOM and line endings kept): reporters show source lines and compute
    # GitHub's line fingerprints from it.
    text: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True)
class ReadFailure:
    path: str
    message: str


@dataclass
class RunResult:
    files: list[FileReport] = field(default_factory=list)
    read_failures: list[ReadFailure] = field(default_factory=list)
    rule_failures: list[RuleFailure] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def findings(self) -> list[Finding]:
        return [finding for report in self.files for finding in report.findings]

    @property
    def failed(self) -> bool:
        """True when speclint itself could not do its job on some file (exit code 2)."""
        return bool(self.read_failures or self.rule_failures)


@dataclass(frozen=True)
class Source:
    """A document to lint: a path on disk, or text from standard input with the name to show."""

    display_path: str
    path: Path | None
    text: str | None = None
    config: Any = None  # the speclint.config.Config that governs this file (None: defaults)


@dataclass(frozen=True)
class FileSettings:
    """What applies to one file: its profile, and the rules to run at their levels with their options."""

    profile: Profile
    rules: list[ActiveRule]


def settings_for_file(
    document: Document,
    rules: Sequence[ActiveRule],
    profile_name: str | None = None,
    user_settings: Mapping[str, RuleSetting] | None = None,
) -> FileSettings:
    """Decide, for one file, which profile applies and which rules run at which level and options.

    The profile is `profile_name` when given (from `--profile`, or chosen by configuration for
    this path), else detected from the document. Rule settings are layered: each `ActiveRule` as
    given (rule defaults), then the profile's `rules` settings, then `user_settings` (keyed by rule
    id, name or alias: the user's configuration for this path). A level of `off` drops the rule.
    """
    profile = load_profile(profile_name) if profile_name else detect_profile(document, document.file_path)
    return FileSettings(profile, apply_rule_settings(rules, [profile.rules, user_settings or {}]))


def apply_rule_settings(rules: Sequence[ActiveRule], layers: Sequence[Mapping[str, RuleSetting]]) -> list[ActiveRule]:
    """`rules` with each layer of settings applied in order (a later layer wins)."""
    configured = []
    for active in rules:
        rule = active.rule
        level: Level | None = active.level
        given: dict[str, object] = {}
        for layer in layers:
            setting = _setting_for(layer, rule.id, rule.name, rule.aliases)
            if setting is None:
                continue
            if setting.level is not None:
                level = None if setting.level == "off" else Level(setting.level)
            given.update(setting.options)
        if level is None:
            continue
        options = dict(active.options)
        if given:
            resolved = rule.resolve_options(given)  # validates; OptionError names the rule and option
            options.update({name: resolved[name] for name in given})
        configured.append(ActiveRule(rule, level, options))
    return configured


def _setting_for(
    layer: Mapping[str, RuleSetting], rule_id: str, rule_name: str, aliases: tuple[str, ...]
) -> RuleSetting | None:
    wanted = {rule_id.lower(), rule_name.lower(), *(alias.lower() for alias in aliases)}
    for key, setting in layer.items():
        if key.lower() in wanted:
            return setting
    return None


@dataclass(frozen=True)
class FilePlan:
    """What to run on one file: the rules (levels, options), the profile and the rule settings."""

    rules: Sequence[ActiveRule]
    profile_name: str | None = None
    profile: Any = None
    settings: Mapping[str, Any] = field(default_factory=dict)
    registry: RuleRegistry | None = None  # for naming rules in suppression comments


Planner = Callable[[Source, "Document"], FilePlan]


@dataclass
class Filters:
    """The stages after the rules: a baseline to subtract, a baseline being written."""

    baseline: Baseline | None = None
    baseline_writer: BaselineWriter | None = None


def lint_source(
    source: Source,
    rules: Sequence[ActiveRule],
    result: RunResult,
    max_bytes: int,
    planner: Planner | None = None,
    filters: Filters | None = None,
    profile_name: str | None = None,
) -> None:
    """Lint one document and add what came of it to `result`."""
    try:
        text = source.text if source.text is not None else files.read_text(source.path, max_bytes)  # type: ignore[arg-type]
    except files.ReadError as error:
        result.read_failures.append(ReadFailure(source.display_path, str(error)))
        return
    document = parse(text, source.display_path)
    document.file_path = source.path
    if planner is not None:
        plan = planner(source, document)
    else:
        settings = settings_for_file(document, rules, profile_name)
        plan = FilePlan(settings.rules, settings.profile.name, settings.profile)
    outcome = run_rules(document, plan.rules, profile=plan.profile, settings=plan.settings)
    findings = _filter(document, plan, outcome.findings, outcome.failures, filters or Filters())
    result.files.append(FileReport(source.display_path, findings, plan.profile_name, text=text))
    result.rule_failures.extend(outcome.failures)


def _filter(
    document: Document, plan: FilePlan, findings: list[Finding], failures: list[RuleFailure], filters: Filters
) -> list[Finding]:
    """Inline suppressions, then the baseline: what is left is what the user sees."""
    from speclint.registry import load_registry
    from speclint.suppressions import META_RULE_ID, apply_suppressions

    crashed = {failure.rule_id for failure in failures}
    ran = {active.rule.id for active in plan.rules} - crashed
    meta = next((active for active in plan.rules if active.rule.id == META_RULE_ID), None)
    findings = apply_suppressions(document, findings, plan.registry or load_registry(), ran, meta)
    if filters.baseline_writer is not None:
        filters.baseline_writer.add(document, findings)
    if filters.baseline is not None:
        findings = filters.baseline.filter(document, findings)
    return findings


# Called after each file with (files done, files in total, display path of the file just done).
ProgressCallback = Callable[[int, int, str], None]


def lint(
    sources: Sequence[Source],
    rules: Sequence[ActiveRule],
    max_bytes: int = files.DEFAULT_MAX_BYTES,
    progress: ProgressCallback | None = None,
    profile_name: str | None = None,
    planner: Planner | None = None,
    filters: Filters | None = None,
) -> RunResult:
    """Lint every source. A `planner` decides each file's profile and rules (the CLI passes
    `speclint.config.plan_file`); without one, `profile_name` forces a profile or each is detected."""
    started = time.perf_counter()
    result = RunResult()
    for done, source in enumerate(sources, start=1):
        lint_source(source, rules, result, max_bytes, planner, filters, profile_name)
        if progress is not None:
            progress(done, len(sources), source.display_path)
    result.files.sort(key=lambda report: report.path)
    result.elapsed = time.perf_counter() - started
    return result
