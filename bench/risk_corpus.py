"""Findings per 100 documents of the [risk] rules on ../shared/corpus, per rule and folder.

Not a test: a measurement for precision work. Each document is linted with its profile: the one
`speclint.engine.profiles.detect_profile` picks when profiles are installed, else the one its corpus
folder implies (rust-rfcs -> rust-rfc, madr -> adr, ...). `--no-profile` lints without one, to
see what each rule's `skip-profiles` default saves.

    python bench/risk_corpus.py [--show RULE] [--folder NAME] [--limit N]
"""

from __future__ import annotations

import argparse
import collections
import sys
from dataclasses import dataclass
from pathlib import Path

from speclint.document.parser import parse
from speclint.engine.check import ActiveRule, run_rules
from speclint.engine.registry import load_registry

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
FOLDER_PROFILE = {
    "rust-rfcs": "rust-rfc", "go-design": "go-design", "oteps": "otep", "madr": "adr", "spec-kit": "spec-kit",
    "speckit-specs": "spec-kit", "kiro": "ears", "kep-template": "kep",
}


@dataclass(frozen=True)
class FakeProfile:
    name: str


def profile_for(document, folder: str):  # type: ignore[no-untyped-def]
    try:
        from speclint.engine.profiles import detect_profile
    except ImportError:  # profiles not merged yet: the folder says what the documents are
        return FakeProfile(FOLDER_PROFILE.get(folder, "prd"))
    return detect_profile(document, document.file_path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", help="print the findings of this rule (id or name)")
    parser.add_argument("--folder", help="only this corpus folder")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--no-profile", action="store_true", help="lint without a profile")
    args = parser.parse_args()
    registry = load_registry()
    rules = [rule for rule in registry.sorted() if rule.id.startswith("RK")]
    active = [ActiveRule(rule, rule.default_level, rule.default_options()) for rule in rules]
    show = registry.get(args.show) if args.show else None
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    documents: collections.Counter[str] = collections.Counter()
    shown = 0
    for folder in sorted(path for path in CORPUS.iterdir() if path.is_dir()):
        if args.folder and folder.name != args.folder:
            continue
        for path in sorted(folder.rglob("*.md")):
            if path.name.startswith(("LICENSE", "README")) and folder.name != "kep-template":
                continue
            document = parse(path.read_text(encoding="utf-8", errors="replace"), str(path.relative_to(CORPUS)))
            document.file_path = path
            profile = None if args.no_profile else profile_for(document, folder.name)
            documents[folder.name] += 1
            result = run_rules(document, active, profile=profile)
            for failure in result.failures:
                print("RULE FAILURE", failure, file=sys.stderr)
            for finding in result.findings:
                counts[finding.rule_id][folder.name] += 1
                if show is not None and finding.rule_id == show.id and shown < args.limit:
                    shown += 1
                    line = document.line_text(finding.span.start.line).strip()[:100]
                    print(f"{finding.path}:{finding.span.start.line}:{finding.span.start.column}: {finding.message}\n    | {line}")
    folders = sorted(documents)
    print()
    print("findings per 100 documents" + (" (no profile)" if args.no_profile else " (with profiles)"))
    print(f"{'rule':<8}" + "".join(f"{name[:13]:>14}" for name in folders) + f"{'all':>10}")
    print(f"{'docs':<8}" + "".join(f"{documents[name]:>14}" for name in folders) + f"{sum(documents.values()):>10}")
    for rule in rules:
        row = [100 * counts[rule.id][name] / documents[name] for name in folders]
        total = 100 * sum(counts[rule.id].values()) / max(sum(documents.values()), 1)
        print(f"{rule.id:<8}" + "".join(f"{value:>14.1f}" for value in row) + f"{total:>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
