"""speclint: a linter for Markdown specifications (PRDs, design docs, RFCs, spec-kit, EARS, ADRs)."""

__version__ = "0.1.0"

# Where users find the project; SARIF's `informationUri` and rule documentation links start here.
HOMEPAGE = "https://github.com/speclint/speclint"

import warnings as _warnings

# ruamel.yaml warns (on stderr, quoting the document) about YAML that is valid but odd, such as a
# reused anchor. A linter reports what matters as findings; a Python warning is noise in its output.
_warnings.filterwarnings("ignore", module=r"ruamel\.yaml(\.|$)")
