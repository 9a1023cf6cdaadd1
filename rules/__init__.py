"""speclint's built-in rules, one module per rule, installed as the `speclint.rules` package.

Each rule is registered in pyproject.toml under the `speclint.rules` entry-point group, the same
mechanism third-party rule packages use.
"""
