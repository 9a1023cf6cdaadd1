"""Findings per 100 documents, per rule and corpus folder, for the content rules.

    python bench/content_findings.py [CORPUS] [--rules WD001,MS001,...] [--show RULE] [--limit N]

Each corpus folder is linted with the profile its documents are written in (a stand-in until
profile detection runs in the pipeline), so the metadata rule uses the right schema. `--show`
prints the findings of one rule, with the line they point at, for reading.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import SimpleNamespace

from speclint import files
from speclint.engine import ActiveRule, run_rules
from speclint.parser import parse
from speclint.registry import load_registry

FOLDER_PROFILES = {
    "go-design": "prd", "kep-template": "kep", "kiro": "ears", "madr": "adr", "oteps": "prd",
    "rust-rfcs": "rust-rfc", "spec-kit": "spec-kit", "speckit-specs": "spec-kit",
}
CONTENT_RULES = ("WD001", "WD002", "WD003", "WD004", "WD005", "MS001", "MS002", "TR001", "TR002", "TR003", "MD002")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    parser.add_argument("--rules", default=",".join(CONTENT_RULES))
    parser.add_argument("--show", default="")
    parser.add_argument("--limit", type=int, default=10_000)
    arguments = parser.parse_args()
    registry = load_registry()
    rules = [registry.get(key) for key in arguments.rules.split(",")]
    active = [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in rules if rule is not None]
    corpus = Path(arguments.corpus)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    documents: Counter[str] = Counter()
    shown = 0
    for folder in sorted(path for path in corpus.iterdir() if path.is_dir()):
        profile = SimpleNamespace(name=FOLDER_PROFILES.get(folder.name, "prd"))
        profile.front_matter_schema = profile.name
        for path in sorted(files.discover([folder])):
            try:
                text = files.read_text(path)
            except files.ReadError:
                continue
            document = parse(text, str(path.relative_to(corpus)))
            document.file_path = path
            documents[folder.name] += 1
            result = run_rules(document, active, profile=profile)
            for failure in result.failures:
                print(f"RULE FAILURE {failure}", file=sys.stderr)
            for finding in result.findings:
                counts[finding.rule_id][folder.name] += 1
                if finding.rule_id == arguments.show and shown < arguments.limit:
                    shown += 1
                    line = (document.line_text(finding.span.line) if finding.path == document.path else "").strip()
                    print(f"{finding.path}:{finding.span.line}:{finding.span.column}: {finding.message}\n    | {line[:160]}")
    folders = sorted(documents)
    print("\nfindings per 100 documents (documents per folder: "
          + ", ".join(f"{folder} {documents[folder]}" for folder in folders) + ")")
    print("rule  " + " ".join(f"{folder[:12]:>12}" for folder in folders))
    for rule in active:
        row = [counts[rule.rule.id][folder] * 100 / documents[folder] for folder in folders]
        print(f"{rule.rule.id} " + " ".join(f"{value:12.1f}" for value in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
