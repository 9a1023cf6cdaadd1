"""Running rules: one document in, sorted findings out.

The engine knows nothing about files, configuration files or output formats. It gets a parsed
`Document` and the rules to run (each with its level and validated options), and returns findings
sorted by position. A rule that raises is recorded as a `RuleFailure` and the other rules go on.

Time budgets: a rule gets `RULE_BUDGET_SECONDS` on a document, and all rules together
`DOCUMENT_BUDGET_SECONDS`. A rule over its budget is stopped and recorded like a crashing rule;
once the document's budget is spent, the rules not yet run are recorded as not run. Stopping a
rule needs no thread: a `SIGALRM` timer raises `RuleTimeout` inside it (the regular-expression
engine checks for signals too, so a runaway match stops). That timer is only used where it is
safe: on Unix, in the main thread, when nobody else uses `SIGALRM` (a test runner's timeout,
an embedding application); elsewhere the budget is checked between rules only, so a slow rule
is still reported but not interrupted.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Any, Iterator, Mapping, Sequence

from speclint.document.model import Document
from speclint.engine.rule import Finding, Level, Rule, RuleContext
from speclint.record import Record

try:  # the C module under `signal`, without its enum wrappers (building them costs a one-file run 1-2 ms)
    import _signal as signal
except ImportError:  # pragma: no cover - an interpreter without it
    import signal  # type: ignore[no-redef]


class ActiveRule(Record):
    """A rule as configured for one run: the class, the level it reports at, its options."""

    __slots__ = ("rule", "level", "options")

    def __init__(self, rule: type[Rule], level: Level, options: Mapping[str, Any] | None = None) -> None:
        self.rule = rule
        self.level = level
        self.options = {} if options is None else options

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as a call (a results-cache entry holds some fifty): half the time of pickling
        # a slotted object's state.
        return (ActiveRule, (self.rule, self.level, self.options))


class RuleFailure(Record):
    """A rule raised on a document: reported once, and the run exits 2."""

    __slots__ = ("path", "rule_id", "rule_name", "error")

    def __init__(self, path: str, rule_id: str, rule_name: str, error: str) -> None:
        self.path = path
        self.rule_id = rule_id
        self.rule_name = rule_name
        self.error = error


class LintResult(Record):
    """What the rules found in one document, and the rules that crashed on it."""

    __slots__ = ("findings", "failures")
    __hash__ = None  # type: ignore[assignment]  (filled as the rules run)

    def __init__(self, findings: list[Finding] | None = None, failures: list[RuleFailure] | None = None) -> None:
        self.findings = [] if findings is None else findings
        self.failures = [] if failures is None else failures


#: Seconds one rule may take on one document. Every built-in rule takes well under a second on
#: the largest document speclint reads (5 MiB); more means a runaway pattern or loop.
RULE_BUDGET_SECONDS = 20.0
#: Seconds all rules together may take on one document.
DOCUMENT_BUDGET_SECONDS = 60.0


class RuleTimeout(Exception):
    """A rule ran over its time budget and was stopped."""


def run_rules(
    document: Document,
    rules: Sequence[ActiveRule],
    profile: Any = None,
    settings: Mapping[str, Any] | None = None,
    rule_budget: float = RULE_BUDGET_SECONDS,
    document_budget: float = DOCUMENT_BUDGET_SECONDS,
) -> LintResult:
    """Run each rule on `document`; collect findings sorted by line and column."""
    result = LintResult()
    started = time.monotonic()
    with _alarm_handler() as timer:
        _run_each(document, rules, profile, settings, rule_budget, document_budget, result, started, timer)
    result.findings.sort(key=lambda finding: finding.sort_key)
    return result


def _run_each(
    document: Document,
    rules: Sequence[ActiveRule],
    profile: Any,
    settings: Mapping[str, Any] | None,
    rule_budget: float,
    document_budget: float,
    result: LintResult,
    started: float,
    timer: bool,
) -> None:
    for active in rules:
        rule = active.rule
        spent = time.monotonic() - started
        if spent > document_budget:
            result.failures.append(RuleFailure(
                document.path, rule.id, rule.name,
                f"not run: the rules had already taken {spent:.0f} s on this document "
                f"(budget {document_budget:.0f} s)"))
            continue
        context = RuleContext(options=active.options, profile=profile, settings=settings or {})
        rule_started = time.monotonic()
        try:
            # `_time_limit`, written out: a generator-based context manager per rule and document
            # cost more than the two timer calls it makes.
            if timer:
                signal.setitimer(signal.ITIMER_REAL, max(min(rule_budget, document_budget - spent), 0.001))
                try:
                    violations = list(rule().check(document, context))
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            else:
                violations = list(rule().check(document, context))
        except RuleTimeout:
            result.failures.append(RuleFailure(
                document.path, rule.id, rule.name, f"stopped after {time.monotonic() - rule_started:.0f} s on this "
                f"document (budget {rule_budget:.0f} s)"))
            continue
        except Exception as error:  # a rule's bug must not stop the other rules or files
            result.failures.append(RuleFailure(document.path, rule.id, rule.name, f"{type(error).__name__}: {error}"))
            continue
        took = time.monotonic() - rule_started
        if took > rule_budget:  # no timer here (see the module's docstring): reported after the fact
            result.failures.append(RuleFailure(
                document.path, rule.id, rule.name, f"took {took:.0f} s on this document (budget {rule_budget:.0f} s)"))
            continue
        try:
            for violation in violations:
                result.findings.append(
                    Finding(
                        path=violation.path or document.path,
                        span=violation.span,
                        rule_id=rule.id,
                        rule_name=rule.name,
                        category=rule.category.value,
                        level=_lowered(active.level) if violation.one_level_lower else active.level,
                        message=violation.message,
                        fix=violation.fix,
                    )
                )
        except Exception as error:  # a violation the engine cannot turn into a finding (a bad span)
            result.failures.append(RuleFailure(document.path, rule.id, rule.name, f"{type(error).__name__}: {error}"))


def _lowered(level: Level) -> Level:
    """The level below `level` (info stays info)."""
    return {Level.ERROR: Level.WARNING, Level.WARNING: Level.INFO}.get(level, Level.INFO)


def _timer_is_free() -> bool:
    """Whether a SIGALRM timer can be used here without disturbing anyone (see the module docstring)."""
    # Only the main thread may set the timer. A process that never imported threading runs no other
    # thread (a one-file run does not import it: a millisecond saved).
    threading = sys.modules.get("threading")
    if threading is not None and threading.current_thread() is not threading.main_thread():
        return False
    if not hasattr(signal, "setitimer"):
        return False
    return signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None) and signal.getitimer(
        signal.ITIMER_REAL) == (0.0, 0.0)


def _expire(_signal: int, _frame: Any) -> None:
    raise RuleTimeout()


@contextmanager
def _alarm_handler() -> Iterator[bool]:
    """Install the `SIGALRM` handler for one document's rules, where a timer is free (see the
    module docstring); yields whether it did. Once per document, not per rule: installing a
    handler costs more than arming the timer."""
    if not _timer_is_free():
        yield False
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    try:
        yield True
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:  # even when the timer fires right here
            signal.signal(signal.SIGALRM, previous)
