"""`speclint.rule` is `speclint.engine.rule`: this alias keeps plugins written against the old path loading."""

import sys

import speclint.engine.rule as _moved

sys.modules[__name__] = _moved
