"""`speclint.yaml_rules` is `speclint.configuration.yaml_rules`: this alias keeps plugins written against the old path loading."""

import sys

import speclint.configuration.yaml_rules as _moved

sys.modules[__name__] = _moved
