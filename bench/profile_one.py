"""Where a one-file `speclint check` spends its CPU time: each stage timed in one fresh process.

    python bench/profile_one.py [FILE] [--profile N]

FILE defaults to the corpus's rust-rfcs/text/0132-ufcs.md (what a pre-commit run pays). Each
figure is CPU time (`time.process_time`) of a stage, measured in order in a new interpreter, as
`speclint check --no-cache FILE` runs them (with the program's module bundle, `speclint.module_bundle`):
importing the command line and reading it, loading the rule
registry, reading the configuration, parsing, detecting the kind, running the rules, reporting;
then how much of it went to compiling regular expressions and building dataclasses (wrapped
counters, not a profiler, so the shares are not inflated). With `--profile N`, also the N functions
of most own time under cProfile (which inflates pure-Python work such as `re`'s compiler).
The interpreter's own start-up (before the first import) is measured apart, from `python -c pass`
(with an editable install, `site` imports the install's import hook there: pathlib, re, urllib).
A script, not a test: run it on a quiet machine, several times, and compare medians.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_FILE = REPOSITORY.parent / "shared" / "corpus" / "rust-rfcs" / "text" / "0132-ufcs.md"

STAGES = r'''
import re, sys, time, dataclasses
clock = time.process_time
spent = {"regex": 0.0, "dataclass": 0.0}
def counted(name, function):
    def wrapper(*args, **kwargs):
        started = clock()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += clock() - started
    return wrapper
re._compile = counted("regex", re._compile)
dataclasses._process_class = counted("dataclass", dataclasses._process_class)
laps = []
last = clock()
def lap(label):
    global last
    now = clock()
    laps.append((label, now - last))
    last = now

from pathlib import Path
try:  # what the program does first for `speclint check` (a build from before it had none)
    from speclint import module_bundle
    module_bundle.install()
except ImportError:
    pass
try:
    import speclint.cli, speclint.cli.check, speclint.cli.check_arguments
    options = speclint.cli.check_arguments.parse_check_arguments(["--no-cache", sys.argv[1]])
    lap("import speclint.cli and read the command line (no click)")
except ImportError:  # a build from before the command line was read without click
    import click, speclint.cli
    lap("import click and speclint.cli (the commands)")
from speclint.engine.registry import load_registry
registry = load_registry(); lap("rule registry (manifest, no rule module)")
from speclint.configuration.config import ConfigPlanner, ConfigResolver
resolver = ConfigResolver(registry)
path = Path(sys.argv[1])
config = resolver.for_file(path.resolve(), path.resolve().parent)
planner = ConfigPlanner(); lap("configuration")
from speclint.engine import files
from speclint.document.parser import parse
text = files.read_text(path)
document = parse(text, str(path)); lap("import the parser (mistune) and parse")
document.file_path = path
from speclint.engine.runner import Source, lint
source = Source(str(path), path, None, config)
plan = planner(source, document); lap("detect the kind, plan the rules")
from speclint.engine.check import run_rules
outcome = run_rules(document, plan.rules, profile=plan.profile, settings=plan.settings)
lap(f"import and run {len(plan.rules)} rules")
import io
from speclint.reporters import ReportContext, write_report
result = lint([source], [], planner=planner)
lap("the whole file again through the runner (suppressions; modules warm)")
context = ReportContext.for_run([result.rules_run[key] for key in sorted(result.rules_run)], "bench", Path.cwd(), False, [])
write_report("concise", result, io.StringIO(), context); lap("import the reporter and report")
total = sum(seconds for _, seconds in laps)
for label, seconds in laps:
    print(f"  {label:<74} {seconds * 1000:6.1f} ms")
print(f"  {'total after the interpreter started':<74} {total * 1000:6.1f} ms")
print(f"  of which compiling regular expressions {spent['regex'] * 1000:.1f} ms, building dataclasses "
      f"{spent['dataclass'] * 1000:.1f} ms; {sum(1 for m in sys.modules if m.startswith('speclint.rules.'))} "
      f"rule modules and packages imported")
'''


def main() -> None:
    arguments = [argument for argument in sys.argv[1:] if not argument.startswith("--")]
    target = Path(arguments[0]) if arguments else DEFAULT_FILE
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    started = time.process_time()
    import resource  # its child times are exact; os.times() counts in clock ticks (10 ms)

    bare = []
    for _ in range(5):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        bare.append((after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime))
    print(f"{target.name}: CPU time by stage, one fresh process (load average {os.getloadavg()[0]:.1f})")
    print(f"  {'interpreter start-up (python -c pass), median of 5':<74} {sorted(bare)[2] * 1000:6.1f} ms")
    subprocess.run([sys.executable, "-c", STAGES, str(target)], env=env, check=True)
    if "--profile" in sys.argv:
        index = sys.argv.index("--profile")
        count = int(sys.argv[index + 1]) if index + 1 < len(sys.argv) and sys.argv[index + 1].isdigit() else 25
        import cProfile
        import pstats

        profile = cProfile.Profile(time.process_time)
        sys.argv = ["speclint", "check", "--no-cache", str(target)]
        stdout = sys.stdout
        sys.stdout = open(os.devnull, "w")
        profile.enable()
        try:
            from speclint.cli import main as cli_main

            cli_main()
        except SystemExit:
            pass
        profile.disable()
        sys.stdout = stdout
        pstats.Stats(profile).sort_stats("tottime").print_stats(count)
    del started


if __name__ == "__main__":
    main()
