"""Where an in-process lint of a folder spends its CPU time: parsing, planning, and each rule.

    python bench/profile_folder.py [FOLDER] [--preview]

FOLDER defaults to the corpus's rust-rfcs/text. Each file is parsed, planned (kind detection and
configuration, as `speclint check --isolated` does) and checked by each of its rules, in one
process, after one unmeasured pass (imports, compiled patterns). CPU time (`time.process_time`)
by stage and by rule, largest first. What several rules share (a reading of the document, such as
its requirements or its normative statements, worked out once per document) is counted for the
first rule that asks for it. A script, not a test: compare runs made one after the other.
"""

from __future__ import annotations

import collections
import sys
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = REPOSITORY.parent / "shared" / "corpus" / "rust-rfcs" / "text"


def main() -> None:
    from speclint.api import _resolver
    from speclint.configuration.config import ConfigPlanner
    from speclint.document.parser import parse
    from speclint.engine import files
    from speclint.engine.rule import RuleContext
    from speclint.engine.runner import Source

    arguments = [argument for argument in sys.argv[1:] if not argument.startswith("--")]
    folder = Path(arguments[0]) if arguments else DEFAULT_FOLDER
    clock = time.process_time
    resolver = _resolver(None, True)
    planner = ConfigPlanner(preview="--preview" in sys.argv)
    paths = list(files.discover([folder]))
    texts = [files.read_text(path) for path in paths]

    def one_pass(spent: collections.Counter[str]) -> None:
        for path, text in zip(paths, texts):
            source = Source(str(path), path, None, resolver.for_file(path))
            started = clock()
            document = parse(text, str(path))
            document.file_path = path
            parsed = clock()
            plan = planner(source, document)
            spent["parse"] += parsed - started
            spent["plan (kind, configuration)"] += clock() - parsed
            for active in plan.rules:
                context = RuleContext(options=active.options, profile=plan.profile, settings=plan.settings)
                started = clock()
                list(active.rule().check(document, context))
                spent[active.rule.id] += clock() - started

    one_pass(collections.Counter())
    spent: collections.Counter[str] = collections.Counter()
    started = clock()
    one_pass(spent)
    total = clock() - started
    print(f"{len(paths)} files in {folder}: {total:.2f} s CPU (parse, plan and rules, one process)")
    for stage, seconds in spent.most_common():
        if seconds >= 0.005:
            print(f"  {stage:<28} {seconds:6.2f} s  {100 * seconds / total:4.1f}%")


if __name__ == "__main__":
    main()
