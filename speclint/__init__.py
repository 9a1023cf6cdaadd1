"""speclint: a linter for Markdown specifications (PRDs, design docs, RFCs, spec-kit, EARS, ADRs)."""

__version__ = "0.1.0"

# Where users find the project; SARIF's `informationUri` and rule documentation links start here.
HOMEPAGE = "https://github.com/speclint/speclint"
