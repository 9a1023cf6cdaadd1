"""speclint: a linter for Markdown specifications (PRDs, design docs, RFCs, spec-kit, EARS, ADRs)."""

__version__ = "0.1.0"
