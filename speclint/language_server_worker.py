"""The language server's linting process: documents are linted here, one at a time.

Kept apart from `speclint.language_server` so that the process imports neither pygls nor
lsprotocol (half a second of imports it has no use for). `speclint server` starts it first
thing, and it warms up (speclint's modules, the rules, their patterns) while the server imports
pygls and the editor initialises, so that the first document opened pays for its lint only.

- Warming up is done in small steps, between which the process looks for a document to lint: a
  document that arrives early waits for one step at most, and then pays only for what its own
  lint needs that is not warm yet. The first step (the imports every lint needs) is done before
  the process says it is ready, so that no document's time budget pays for it.
- A lint the server no longer wants (its document changed since) is cancelled: the server sets a
  shared value to the lint's ticket, and the lint stops at its next cancellation point (after the
  parse, between two rules), so that the newer text is linted sooner.
- The process also says where each reported rule's documentation is, so that the server, which
  turns findings into diagnostics, imports no rule.
"""

from __future__ import annotations

import itertools
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

from speclint.engine.files import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from speclint.engine.rule import Finding, Rule

#: Seconds one document may take to lint; a longer lint is stopped and the document not linted.
LINT_BUDGET_SECONDS = 20.0
#: Documents above this size are not linted (the limit of files, `speclint check`'s 5 MiB).
MAX_DOCUMENT_BYTES = DEFAULT_MAX_BYTES

WORKER_START_SECONDS = 120.0

LintFunction = Callable[[str, "Path | None", str], "tuple[list[Finding], list[str]]"]
#: Documentation links by (rule id, finding path): see `rule_docs_url`.
DocsUrls = dict[tuple[str, str], "str | None"]


@dataclass(frozen=True)
class LintOutcome:
    findings: list[Finding]
    errors: list[str]
    docs_urls: DocsUrls


# --- what the process runs ------------------------------------------------------------------------


TRUST_PLUGINS_VARIABLE = "SPECLINT_TRUST_PLUGINS"


def plugins_trusted() -> bool:
    """An editor opens any folder, so the server imports no Python plugin (`plugins: [x.py]`)
    unless the user trusts the workspace by starting it with SPECLINT_TRUST_PLUGINS=1."""
    return os.environ.get(TRUST_PLUGINS_VARIABLE, "").strip().lower() in ("1", "true", "yes")


def lint_text(text: str, path: Path | None, display_path: str) -> tuple[list[Finding], list[str]]:
    """Findings for a buffer's text as if it were the file at `path`, and any errors to show.

    The configuration is the one `speclint check --stdin-filename PATH -` uses: the closest
    configuration file above `path` (above the working directory for an unsaved buffer), read
    afresh each time, so an edited configuration applies at the next keystroke. In the linting
    process, the lint stops (`LintCancelled`) at a cancellation point once the server cancels it.
    """
    from speclint.configuration.config import ConfigPlanner, ConfigResolver
    from speclint.configuration.validation import InvalidFile
    from speclint.engine.registry import load_registry
    from speclint.engine.runner import Source, lint

    registry = load_registry()
    errors = list(registry.load_errors)
    where = path if path is not None else Path.cwd() / "untitled.md"
    try:
        config = ConfigResolver(registry, python_plugins=plugins_trusted()).for_file(where)
    except InvalidFile as error:
        return [], errors + [str(problem) for problem in error.problems]
    if path is not None and config.is_ignored(path):
        return [], errors  # the configuration's `ignore` covers this file
    planner = _CancellablePlanner(ConfigPlanner(stdin_path=where))
    result = lint([Source(display_path, None, text, config)], [], planner=planner, jobs=1)  # in this process
    errors += [f"rule {crash.rule_id} ({crash.rule_name}) failed on {crash.path}: {crash.error}" for crash in result.rule_failures]
    errors += [f"{failure.path}: {failure.message}" for failure in result.read_failures]
    return result.findings, errors


def rule_class(rule_id: str, path: Path | None = None) -> type[Rule] | None:
    """The rule called `rule_id`: built in, or from the configuration of the file at `path` (YAML
    rules and plugins live in a configuration's registry)."""
    from speclint.engine.registry import load_registry

    registry = load_registry()
    rule = registry.get(rule_id)
    if rule is not None:
        return rule
    from speclint.configuration.config import ConfigResolver
    from speclint.configuration.validation import InvalidFile

    try:
        config = ConfigResolver(registry).for_file(path if path is not None else Path.cwd() / "untitled.md")
    except InvalidFile:
        return None
    return config.registry.get(rule_id)


def rule_docs_url(rule_id: str, path: Path | None = None) -> str | None:
    """Where a rule's documentation is: a built-in rule's section in docs/rules.md, a YAML rule's
    `documentation:` or a plugin's `documentation_url`; None when it has none."""
    from speclint.reporters.ruledocs import documentation_url

    rule = rule_class(rule_id, path)
    return documentation_url(rule) if rule is not None else None


def docs_urls(findings: Sequence[Finding]) -> DocsUrls:
    """`rule_docs_url` of each finding's rule, once per rule and path."""
    urls: DocsUrls = {}
    for finding in findings:
        key = (finding.rule_id, finding.path)
        if key not in urls:
            try:
                urls[key] = rule_docs_url(finding.rule_id, Path(finding.path).resolve() if finding.path else None)
            except Exception:  # a plugin's broken rule class: its findings still show, without a link
                urls[key] = None
    return urls


# --- cancellation -------------------------------------------------------------------------------


class LintCancelled(BaseException):
    """The server cancelled the lint in progress. A BaseException, so that the runner's guards
    against a failing rule (`except Exception`) let it through."""


def _never_cancelled() -> bool:
    return False


#: Whether the server has cancelled the lint in progress; set by `_worker_main` in the linting
#: process (elsewhere, as in `speclint check`, a lint is never cancelled).
_lint_cancelled: Callable[[], bool] = _never_cancelled


def cancellation_point() -> None:
    """Stop here (raise `LintCancelled`) when the server no longer wants the lint in progress."""
    if _lint_cancelled():
        raise LintCancelled


class _RulesWithCancellationPoints(list):  # type: ignore[type-arg]
    """A plan's rules, with a cancellation point before each (the runner iterates them)."""

    def __iter__(self) -> Iterator[Any]:
        for active in super().__iter__():
            cancellation_point()
            yield active


@dataclass(frozen=True)
class _CancellablePlanner:
    """A runner planner's plan, with cancellation points after the parse and between the rules."""

    planner: Any

    def __call__(self, source: Any, document: Any) -> Any:
        cancellation_point()
        plan = self.planner(source, document)
        return plan.replace(rules=_RulesWithCancellationPoints(plan.rules))


# --- warming up ---------------------------------------------------------------------------------

# Documents linted to warm up: what most specifications have (front matter, sections, lists, a
# table, code), so that the modules and patterns they need are ready for the first real one.
_WARM_UP_DOCUMENTS = (
    "# Warm up\n",
    (
        "---\ntitle: Warm up\nstatus: draft\n---\n\n# Warm up\n\n## Summary\n\nThe service SHALL answer within TBD ms.\n\n"
        "## Requirements\n\n- FR-001: Users must be able to sign in quickly.\n- [ ] Decide the limit.\n\n"
        "| Field | Type |\n|---|---|\n| id | string |\n\n```json\n{\"id\": \"a\"}\n```\n\n"
        "## Open questions\n\nWho approves it [1]?\n"
    ),
)


def _warm_up_steps(lint_function: LintFunction) -> Iterator[None]:
    """Warm the process up, one step at a time: lint small documents, import every rule's module
    (the default rules first), compile every lazily compiled pattern."""
    from speclint.engine.registry import load_registry
    from speclint.engine.rule import Group
    from speclint.lazy_regex import LazyPattern

    for text in _WARM_UP_DOCUMENTS:
        lint_function(text, None, "warm-up.md")
        yield
    registry = load_registry()
    for entry in sorted(registry.entries(), key=lambda entry: entry.group != Group.DEFAULT):
        registry.get(entry.id)
        yield
    import sys

    for name, module in list(sys.modules.items()):
        if not name.startswith("speclint") or module is None:
            continue
        for value in list(vars(module).values()):
            holders = [value, *vars(value).values()] if isinstance(value, type) else [value]
            for item in holders:
                if isinstance(item, LazyPattern) and item._compiled is None:
                    item.compiled  # noqa: B018  (compiles)
                    yield


def _warm_up_step(steps: Iterator[None]) -> Iterator[None] | None:
    """Take the next step; None when there is none left."""
    try:
        next(steps)
        return steps
    except StopIteration:
        return None
    except Exception:  # warming up is an optimisation: a document lints without it
        return None


def _tune_garbage_collection() -> None:
    """Collect less often, as `speclint check` does: a document is thousands of small objects with
    parent links, and with the default thresholds the collector walks them again and again while
    the rules run (2% of a lint of the 168 KiB document, 15% of 16 copies of it in one)."""
    import gc

    gc.set_threshold(50_000, 20, 100)


def _freeze_what_is_warm() -> None:
    """Once warm, the modules and patterns loaded live as long as the process: out of the collector's sight."""
    import gc

    gc.collect()  # the warm-up documents' garbage is not kept
    gc.freeze()


CANCELLED = "cancelled"


def _worker_main(connection: Any, lint_function: LintFunction, cancelled_ticket: Any) -> None:
    """The linting process: answers ("ready"), then lints each (ticket, text, path, display path)
    it is sent, warming up while nothing waits."""
    global _lint_cancelled
    current = [0]  # the ticket of the lint in progress (0: none)
    _lint_cancelled = lambda: cancelled_ticket.value == current[0]
    warming: Iterator[None] | None = _warm_up_steps(lint_function)
    _tune_garbage_collection()
    # The first step (the imports every lint needs) comes before "ready": starting is not part of
    # any document's budget.
    warming = _warm_up_step(warming)
    connection.send("ready")
    while True:
        while warming is not None and not connection.poll(0):
            warming = _warm_up_step(warming)
            if warming is None:
                _freeze_what_is_warm()
        try:
            request = connection.recv()
        except EOFError:
            return
        if request is None:
            return
        current[0], *arguments = request
        try:
            findings, errors = lint_function(*arguments)
            connection.send(LintOutcome(findings, errors, docs_urls(findings)))
        except LintCancelled:
            connection.send(CANCELLED)
        except Exception as error:  # reported to the editor; the worker goes on
            connection.send(LintOutcome([], [f"{arguments[2]}: internal error: {type(error).__name__}: {error}"], {}))
        finally:
            current[0] = 0


# --- the server's side --------------------------------------------------------------------------


class LintWorker:
    """A process that lints one document at a time; killed and replaced when a lint overruns."""

    def __init__(self, lint_function: LintFunction = lint_text, budget: float = LINT_BUDGET_SECONDS) -> None:
        self.lint_function = lint_function
        self.budget = budget
        self._lock = threading.Lock()
        self._process: Any = None
        self._connection: Any = None
        self._cancelled: Any = None  # shared with the process: the ticket of a lint no longer wanted
        self._tickets = itertools.count(1)
        self._started = False

    def _start(self) -> None:
        import multiprocessing

        context = multiprocessing.get_context("spawn")  # no fork of a process that runs threads
        self._connection, child = context.Pipe()
        self._cancelled = context.RawValue("q", -1)
        process = context.Process(target=_worker_main, args=(child, self.lint_function, self._cancelled), daemon=True)
        process.start()
        self._process = process
        child.close()
        # Starting is not part of any document's budget.
        if not (self._connection.poll(WORKER_START_SECONDS) and self._connection.recv() == "ready"):
            raise RuntimeError("the linting process did not start")

    def warm_up(self) -> None:
        """Start the process ahead of the first document (it then warms up by itself)."""
        with self._lock:
            if self._process is None:
                try:
                    self._start()
                except (RuntimeError, EOFError, OSError):
                    self.stop()  # the first lint tries again and reports why

    def start_in_background(self) -> None:
        """`warm_up` in a thread, once: the caller goes on (imports pygls, answers `initialize`)."""
        if not self._started:
            self._started = True
            import multiprocessing.context  # noqa: F401  (here, not beside the caller's own imports)

            threading.Thread(target=self.warm_up, daemon=True, name="speclint-lint-worker-start").start()

    def new_ticket(self) -> int:
        """A number for a lint, to `cancel` it by."""
        return next(self._tickets)

    def cancel(self, ticket: int) -> None:
        """Stop the lint `ticket` at its next cancellation point, or before it starts; `lint`
        then returns None. Only the latest ticket cancelled is remembered. Never blocks."""
        cancelled = self._cancelled
        if cancelled is not None:
            cancelled.value = ticket

    def lint(self, text: str, path: Path | None, display_path: str, ticket: int | None = None) -> LintOutcome | None:
        """The outcome of `lint_function` on the text, from the process, or None when the lint
        `ticket` was cancelled. Blocks the calling thread (not the event loop)."""
        with self._lock:
            if self._process is None or not self._process.is_alive():
                try:
                    self._start()
                except (RuntimeError, EOFError, OSError) as error:
                    self.stop()
                    return LintOutcome([], [f"{display_path}: not linted: {error}"], {})
            if ticket is None:
                ticket = self.new_ticket()
            elif self._cancelled.value == ticket:
                return None  # cancelled before it started
            self._connection.send((ticket, text, path, display_path))
            if self._connection.poll(self.budget):
                try:
                    answer = self._connection.recv()
                    return None if answer == CANCELLED else answer
                except EOFError:
                    error = (f"{display_path}: not linted: the linting process stopped "
                             f"(exit code {self._process.exitcode})")
            else:
                error = (f"{display_path}: not linted: it took more than {self.budget:.0f} s "
                         "(a document this slow is a bug; please report it)")
            self.stop()
            return LintOutcome([], [error], {})

    def stop(self) -> None:
        """Kill the process; safe at any moment, even while `warm_up` is still starting it."""
        process, self._process = self._process, None
        if process is not None:
            try:
                process.kill()
                process.join(5)
            except (ValueError, AssertionError, OSError):  # not started yet, or already gone
                pass
